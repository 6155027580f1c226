/* control: deviation rules, their tolerances, and `control check`,
 * which opens a problem for each deviation found (problem.h).
 *
 * Rules and what their tolerance (an integer) means (docs/control.md):
 *   cpi      a plan's CPI below value/100            (default 90)
 *   spi      a plan's SPI below value/100            (default 90)
 *   overdue  a step not done, due more than value days before the check day
 *                                                      (default 0)
 *   overload a person's load above value % of capacity in one of the next
 *            4 weeks                                   (default 100)
 *   burn     a plan's AC/BAC above its EV/BAC by more than value points
 *                                                      (default 10)
 *   target   a target's progress below value % of expected (default 80)
 *
 * The organization's tolerance is the setting 'tolerance.<rule>'; a unit
 * overrides it with a row of table tolerance (unit_id, rule, value), and
 * the nearest ancestor's row wins. A rule is switched off for the
 * organization by the setting 'tolerance.<rule>.off' = '1', and off (1)
 * or back on (0) for a unit's subtree by a tolerance row with rule
 * '<rule>.off'; again the nearest wins. */
#ifndef TANDEM_CONTROL_H
#define TANDEM_CONTROL_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

enum control_rule { RULE_CPI, RULE_SPI, RULE_OVERDUE, RULE_OVERLOAD, RULE_BURN, RULE_TARGET,
		    RULE_COUNT };
extern const char *const control_rules[];	/* names by enum, NULL-terminated */
extern const int64_t control_defaults[];	/* by enum */
extern const char *const control_meanings[];	/* what each rule's value means, by enum */
int control_rule_index(const char *name);	/* -1 if unknown */

/* One rule's effective tolerance for a unit (or the organization). */
struct tolerance {
	const char *rule;
	int64_t value;
	int enabled;
	int64_t value_unit;	/* the unit whose override gives value; 0: organization */
	int value_org;		/* 1: the organization's setting (when value_unit is 0) */
	int64_t enabled_unit;	/* the unit that switched it on/off; 0: organization */
};

/* The effective tolerances of unit_id (0: the organization's), one per
 * rule in enum order, into out[RULE_COUNT]. Refuses an unknown unit. */
int control_tolerances(struct db *db, int64_t unit_id, struct tolerance out[RULE_COUNT],
		       struct err *e);
/* The effective tolerance of one rule for a unit (0: the organization). */
int control_tolerance(struct db *db, int64_t unit_id, enum control_rule rule, int64_t *value,
		      int *enabled, struct err *e);
json_t *tolerance_json(const struct tolerance *t);

enum { TOL_RULE = 1u << 0, TOL_VALUE = 1u << 1, TOL_ENABLED = 1u << 2, TOL_UNIT = 1u << 3 };
struct tolerance_input {
	const char *rule;
	int64_t value;		/* 0 .. 100000 */
	int enabled;
	int64_t unit_id;	/* 0: the organization */
};
extern const struct field tolerance_fields[];

/* Sets a rule's value and/or switches it on or off, for the unit or the
 * organization. Refuses an unknown rule or unit, a value out of range,
 * or neither value nor enabled given. One transaction. */
int control_set(struct db *db, const struct tolerance_input *in, unsigned set, struct err *e);
/* Removes a unit's override of rule (value and on/off), or resets the
 * organization's to the default (unit_id 0). */
int control_unset(struct db *db, const char *rule, int64_t unit_id, struct err *e);

/* --- the check --------------------------------------------------------- */

enum { CHK_AS_OF = 1u << 0, CHK_UNIT = 1u << 1 };
struct check_input {
	const char *as_of;	/* default today */
	int64_t unit_id;	/* only subjects of this unit's subtree */
};
extern const struct field check_fields[];

struct deviation {
	const char *rule;
	const char *subject_kind;	/* "plan", "step", "person", "target" */
	int64_t subject_id;
	int64_t unit_id;
	const char *title;
	const char *detail;
	int severity;		/* 1..3 */
	int64_t problem_id;	/* the problem opened, or the one already open */
	int opened;		/* 1 when this check opened it */
};

struct check_result {
	const char *as_of;
	struct deviation *v;	/* every deviation found, in rule order */
	size_t n;
	size_t opened, already;
};

/* Evaluates every enabled rule as of the day and opens one problem per
 * deviation that has no open problem for the same rule and subject
 * (one write transaction; it never closes any). Results live in a. */
int control_check(struct db *db, struct arena *a, const struct check_input *in, unsigned set,
		  struct check_result *out, struct err *e);
json_t *check_result_json(const struct check_result *r);
json_t *deviation_json(const struct deviation *d);

/* The demo: checks as of today, then works on a few problems. */
int control_demo(struct db *db, const char *today, struct err *e);

#endif
