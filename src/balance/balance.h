/* balance: how well managed and how well led each unit is (Kotter's two
 * systems, DESIGN.md §2 "Balance"). Six processes, three of management
 * (planning and budgeting, organizing and staffing, controlling and
 * problem solving) and three of leadership (setting a direction,
 * aligning people, motivating and inspiring), each scored 0-100 from
 * indicators read in the database (docs/balance.md lists every one with
 * its band, weight and source). The management score M is the mean of
 * the management processes, the leadership score L of the leadership
 * ones; the quadrant is read against the settings balance.managed and
 * balance.led. An indicator past its band on the excess side still
 * scores 100 but is flagged "too much". Snapshots keep the scores of
 * every unit and of the organization as of a day (balance_snapshot,
 * balance_score x100). */
#ifndef TANDEM_BALANCE_H
#define TANDEM_BALANCE_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

enum bal_process {
	BP_PLANNING,
	BP_STAFFING,
	BP_CONTROLLING,
	BP_DIRECTION,
	BP_ALIGNING,
	BP_MOTIVATING,
	BP_N
};
/* BP_PLANNING..BP_CONTROLLING are management, the rest leadership */
#define BAL_IS_MANAGEMENT(p) ((p) < BP_DIRECTION)

extern const char *const bal_process_names[BP_N];	/* "Planning and budgeting", ... */
extern const char *const bal_process_keys[BP_N];	/* "planning", "staffing", "controlling",
							   "direction", "aligning", "motivating" */

struct bal_indicator {
	const char *key;	/* "P1" */
	const char *name;	/* "targets_with_plans" */
	const char *label;	/* "targets with a plan" */
	int process;		/* enum bal_process */
	int has_value;		/* 0: no data (empty denominator) */
	double value, lo, hi;	/* the value and its right-amount band */
	int excess;		/* 0 none, 1 high, -1 low */
	double weight, score;	/* score 0-100 */
	int too_much;		/* past the band on the excess side */
	int skipped;		/* no data, left out of the process's mean */
	const char *why;	/* the numbers, in words */
	const char *source;	/* the tables or commands it reads, in words */
};

struct bal_unit {
	int64_t unit_id;	/* 0: the organization */
	const char *name;
	int depth;		/* 0 for the organization, 1 for root units, ... */
	int64_t parent_id;	/* 0 for root units and the organization */
	int64_t people;
	double process[BP_N];	/* 0-100 */
	double management, leadership;
	const char *quadrant;	/* "well-led-well-managed" | "overmanaged-underled" |
				   "overled-undermanaged" | "neither" */
	struct bal_indicator *ind;
	size_t nind;
	const char **actions_m, **actions_l;	/* what would raise M and L most */
	size_t nactions_m, nactions_l;
};

struct bal_result {
	const char *as_of;
	struct bal_unit *units;	/* units[0] is the organization, then every unit in
				   tree order */
	size_t n;
	double managed, led;	/* the thresholds (settings) */
};

/* The query of a listing (CLI flags, API query): ?unit_id=&as_of= */
struct bal_filter {
	int64_t unit_id;	/* a unit's subtree (0: all) */
	const char *as_of;	/* NULL: today */
};
enum { BALF_UNIT = 1u << 0, BALF_AS_OF = 1u << 1 };
extern const struct field bal_filter_fields[];	/* unit_id, as_of */
extern const struct field bal_show_fields[];	/* unit_id as the argument, as_of */
extern const struct field bal_day_fields[];	/* as_of */
extern const struct field bal_unit_fields[];	/* unit_id */

/* Every unit (with its subtree) and the organization, as of as_of
 * ('YYYY-MM-DD'; NULL: today); everything lives in a. Refuses a bad
 * date (400, field "as_of"). */
int balance_compute(struct db *db, struct arena *a, const char *as_of, struct bal_result *out,
		    struct err *e);
/* 1 when r->units[i] lies in unit's subtree (unit 0: every row); walk i
 * upwards from 0 with *from starting at 0 (it keeps the subtree's first
 * index: past it, a 0 ends the subtree). */
int bal_in_subtree(const struct bal_result *r, int64_t unit, size_t i, size_t *from);
/* One unit's subtree (unit_id 0: the organization); 404 for an unknown
 * unit. */
int balance_unit(struct db *db, struct arena *a, int64_t unit_id, const char *as_of,
		 struct bal_unit *out, struct err *e);
/* The quadrant's key for scores m and l against the thresholds. */
const char *bal_quadrant(double m, double l, double managed, double led);
/* The band rule: an indicator's score and too-much flag from its value,
 * band and excess side (docs/balance.md "Scoring one indicator"). */
double bal_band_score(double value, double lo, double hi, int excess, int *too_much);

/* Takes a snapshot as of day (NULL: today), kind "manual" or "monthly";
 * one transaction (the caller's when one is open). *id the snapshot. */
int balance_snapshot(struct db *db, const char *day, const char *kind, int64_t *id,
		     struct err *e);
/* Takes a "monthly" snapshot when none exists for day's month (NULL:
 * today); *taken says if it did. */
int balance_snapshot_monthly(struct db *db, const char *day, int *taken, struct err *e);

/* One row of the history: a snapshot's scores for one unit (0: the
 * organization). */
struct bal_point {
	int64_t snapshot_id;
	const char *day;
	const char *kind;
	int64_t unit_id;
	double management, leadership;
	double process[BP_N];
	const char *quadrant;
};
/* The snapshots' scores for unit_id (0: the organization), oldest first. */
int balance_history(struct db *db, struct arena *a, int64_t unit_id, struct bal_point **out,
		    size_t *n, struct err *e);

/* A unit's scores (and with_indicators: every indicator and the
 * actions) as JSON; the caller owns the reference. */
json_t *bal_unit_json(const struct bal_unit *u, int with_indicators);
json_t *bal_point_json(const struct bal_point *p);

#endif
