/* target: the organization's targets (a metric, its baseline and goal
 * over a period, owned by a unit), their recorded values, and the plans
 * that serve them. Values are decimals kept x100.
 *
 * Status as of a day (docs/targets.md):
 *   progress = (current - baseline) / (goal - baseline)   (goals below
 *              the baseline work the same way)
 *   expected = the share of the period's days elapsed as of the day
 *   achieved  progress >= 100 %
 *   off track progress < expected x tolerance (setting tolerance.target,
 *             default 80 %; a unit's own "target" tolerance, the nearest
 *             ancestor's, wins)
 *   on track  otherwise; "no data" without a value on or before the day. */
#ifndef TANDEM_TARGET_H
#define TANDEM_TARGET_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

struct target_state {
	int64_t baseline, goal; /* x100 */
	int64_t current;        /* x100, the latest value on or before as_of */
	int has_current;
	const char *current_day; /* its day, or NULL */
	int64_t progress_x100;   /* percent x100: 100 % is 10000 (0 without data) */
	int64_t expected_x100;   /* percent x100 */
	int64_t tolerance;       /* percent */
	const char *status;      /* "achieved", "on track", "off track", "no data" */
};

struct target {
	int64_t id;
	const char *name;       /* the metric */
	const char *measure;    /* its unit of measure ("%", "days", "k EUR"), may be "" */
	int64_t baseline, goal; /* x100 */
	const char *from, *to;  /* the period, inclusive */
	int64_t unit_id;
	const char *unit;
	int64_t owner_id; /* 0 for none */
	const char *owner;
	int64_t nplans; /* plans serving it */
	struct target_state st;
};

enum {
	TG_NAME = 1u << 0,
	TG_MEASURE = 1u << 1,
	TG_BASELINE = 1u << 2,
	TG_GOAL = 1u << 3,
	TG_FROM = 1u << 4,
	TG_TO = 1u << 5,
	TG_UNIT = 1u << 6,
	TG_OWNER = 1u << 7,
};
struct target_input {
	const char *name, *measure;
	int64_t baseline, goal;
	const char *from, *to;
	int64_t unit_id, owner_id;
};
extern const struct field target_fields[];

struct target_filter {
	int64_t unit_id;   /* targets of this unit and its subtree */
	const char *as_of; /* the day of the status, default today */
	int64_t limit, offset;
};
enum { TGF_UNIT = 1u << 0, TGF_AS_OF = 1u << 1, TGF_LIMIT = 1u << 2, TGF_OFFSET = 1u << 3 };
extern const struct field target_filter_fields[];
extern const struct field target_as_of_fields[]; /* as_of alone, for show */

struct target_value {
	int64_t id;
	const char *day;
	int64_t value; /* x100 */
	const char *note;
};
enum { TV_VALUE = 1u << 0, TV_DAY = 1u << 1, TV_NOTE = 1u << 2 };
struct target_value_input {
	int64_t value;
	const char *day; /* default today */
	const char *note;
};
extern const struct field target_value_fields[];

struct target_plan {
	int64_t id;
	const char *name;
};
enum { TP_PLAN = 1u << 0 };
struct target_plan_input {
	int64_t plan_id;
};
extern const struct field target_plan_fields[];

/* Refuses an empty name, a goal equal to the baseline, a period ending
 * before it starts (400) and an unknown unit or owner (404). */
int target_add(struct db *db, const struct target_input *in, unsigned set, int64_t *id,
               struct err *e);
/* Fills t with its status as of day as_of. */
int target_get(struct db *db, struct arena *a, int64_t id, int32_t as_of, struct target *t,
               struct err *e);
/* Targets by name, then id, each with its status as of the filter's day. */
int target_list(struct db *db, struct arena *a, const struct target_filter *f, unsigned fset,
                struct target **out, size_t *n, struct err *e);
int target_set(struct db *db, int64_t id, const struct target_input *in, unsigned set,
               struct err *e);
/* Removes a target with its values and its links to plans. */
int target_rm(struct db *db, int64_t id, struct err *e);

/* Appends a value; its day must lie within the target's period (400
 * naming "day"). *value_id gets the new row's id. */
int target_record(struct db *db, int64_t id, const struct target_value_input *in, unsigned set,
                  int64_t *value_id, struct err *e);
/* The history by day, then id. */
int target_values(struct db *db, struct arena *a, int64_t id, struct target_value **out, size_t *n,
                  struct err *e);
/* Links a plan (404 unknown plan, 409 already linked) / unlinks it (404
 * not linked). */
int target_link(struct db *db, int64_t id, int64_t plan_id, struct err *e);
int target_unlink(struct db *db, int64_t id, int64_t plan_id, struct err *e);
/* The plans serving a target, by id. */
int target_plans(struct db *db, struct arena *a, int64_t id, struct target_plan **out, size_t *n,
                 struct err *e);

/* The status of target target_id as of a day (for the control checks). */
int target_status(struct db *db, struct arena *a, int64_t target_id, int32_t as_of,
                  struct target_state *out, struct err *e);
/* The tolerance (percent) of the "target" rule for a unit: its own, else
 * its nearest ancestor's, else the setting tolerance.target, else 80. */
int target_tolerance(struct db *db, int64_t unit_id, int64_t *pct, struct err *e);
/* The pure part of the status: fills progress, expected and status of s
 * (baseline, goal, current, has_current, tolerance already set) for a
 * period [from, to] as of day. */
void target_state_compute(struct target_state *s, int32_t from, int32_t to, int32_t as_of);

/* A decimal x100 as text in a: 1234 -> "12.34", -5 -> "-0.05", 700 -> "7". */
const char *target_decimal(struct arena *a, int64_t x100);

json_t *target_json(const struct target *t);
json_t *target_value_json(const struct target_value *v);

/* Seeds the demo's holidays and targets (demo.c calls it last). */
int target_demo(struct db *db, const char *today, struct err *e);

#endif
