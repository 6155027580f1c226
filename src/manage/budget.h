/* budget: budget lines and budget against actual cost.
 *
 * A line is a plan's (plan_id set; its unit_id is the plan's, filled in
 * here; a period is optional) or a unit's for a period (plan_id none,
 * period_from and period_to required). Each has a category, labour,
 * tools or other, and an amount >= 0. A plan's budget at completion
 * (BAC) is the sum of its lines. Budget against actual compares, per
 * category, the budget with what was spent: labour from the cost kept
 * with each time entry, tools from the tools allocated, and the
 * expenses by their category. See docs/cost.md. */
#ifndef TANDEM_BUDGET_H
#define TANDEM_BUDGET_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

extern const char *const budget_categories[];	/* labour, tools, other */

struct budget {
	int64_t id;
	int64_t unit_id;
	int64_t plan_id;	/* 0 for a unit's line */
	const char *category;
	int64_t amount_cents;
	const char *period_from, *period_to;	/* NULL for none */
	const char *note;
};

enum {
	BUDGET_PLAN = 1u << 0,
	BUDGET_UNIT = 1u << 1,
	BUDGET_CATEGORY = 1u << 2,
	BUDGET_AMOUNT = 1u << 3,
	BUDGET_FROM = 1u << 4,
	BUDGET_TO = 1u << 5,
	BUDGET_NOTE = 1u << 6,
};

struct budget_input {
	int64_t plan_id;
	int64_t unit_id;
	const char *category;
	int64_t amount_cents;
	const char *period_from, *period_to;
	const char *note;
};
extern const struct field budget_fields[];

struct budget_filter {
	int64_t plan_id;
	int64_t unit_id;	/* lines of this unit and its subtree */
	int64_t limit, offset;
};
enum { BF_PLAN = 1u << 0, BF_UNIT = 1u << 1, BF_LIMIT = 1u << 2, BF_OFFSET = 1u << 3 };
extern const struct field budget_filter_fields[];

/* Adds a line: plan_id or unit_id (not both), a category, an amount; a
 * unit's line needs its period. */
int budget_add(struct db *db, const struct budget_input *in, unsigned set, int64_t *id,
	       struct err *e);
int budget_get(struct db *db, struct arena *a, int64_t id, struct budget *b, struct err *e);
/* Lines in id order. */
int budget_list(struct db *db, struct arena *a, const struct budget_filter *f, unsigned fset,
		struct budget **out, size_t *n, struct err *e);
/* Changes the given fields; giving plan_id or unit_id moves the line
 * (a plan's line to a unit needs a period). */
int budget_set(struct db *db, int64_t id, const struct budget_input *in, unsigned set,
	       struct err *e);
int budget_rm(struct db *db, int64_t id, struct err *e);
json_t *budget_json(const struct budget *b);

/* The budget at completion of a plan: the sum of its lines, in cents. */
int budget_bac(struct db *db, int64_t plan_id, int64_t *cents, struct err *e);

/* Budget against actual, one line per category (labour, tools, other),
 * for a plan (plan_id) or for a unit's subtree (unit_id), over [from,
 * to] (either may be NULL: unbounded). For a plan, the budget is its
 * lines. For a unit, it is the lines of the plans of its subtree plus
 * the period lines of its subtree's units, each prorated by the
 * calendar days of its period inside [from, to]. Actual: labour is the
 * cost of the time entries on the plans' steps in the period, tools the
 * cost of the tools allocated to the plans or their steps (in full),
 * and the expenses of the period by their category. The category
 * strings are static. */
struct bva_line {
	const char *category;
	int64_t budget_cents, actual_cents;
};
int budget_vs_actual(struct db *db, struct arena *a, int64_t plan_id, int64_t unit_id,
		     const char *from, const char *to, struct bva_line out[3], struct err *e);
/* The query of a budget against actual (CLI flags, API query). */
struct bva_query {
	int64_t plan_id, unit_id;
	const char *from, *to;
};
enum { BQ_PLAN = 1u << 0, BQ_UNIT = 1u << 1, BQ_FROM = 1u << 2, BQ_TO = 1u << 3 };
extern const struct field bva_query_fields[];
/* {"plan_id"|"unit_id", "from", "to", "lines":[{category, budget,
 * actual, variance}], "budget", "actual", "variance"} */
json_t *bva_json(int64_t plan_id, int64_t unit_id, const char *from, const char *to,
		 const struct bva_line v[3]);

/* A line's share of [from, to] (NULL: unbounded) in calendar days:
 * amount x (days of [pf, pt] inside [from, to]) / (days of [pf, pt]),
 * rounded to the nearest cent; pure, for tests. */
int64_t budget_prorate(int64_t amount_cents, const char *pf, const char *pt, const char *from,
		       const char *to);

/* The demo's budgets, expenses, activity classes, progress and time
 * costs (demo.c calls it after seeding; today is "YYYY-MM-DD"): budget
 * lines for every plan and a year's line for every unit, up to 16
 * expenses, classes on steps whose names suggest them and on a third of
 * the managers' entries, pct on doing and done steps with their history,
 * and the cost of every time entry (demo.c inserts them with SQL). */
int cost_demo(struct db *db, const char *today, struct err *e);

#endif
