/* expense: money spent on a plan outside time and tools (travel, a
 * licence, a contractor's invoice): a category, an amount > 0, a day on
 * or after the plan's start, optionally one step of the plan. Expenses
 * count in a plan's actual cost by their category (budget.h). */
#ifndef TANDEM_EXPENSE_H
#define TANDEM_EXPENSE_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

struct expense {
	int64_t id;
	int64_t plan_id;
	int64_t step_id;	/* 0 for none */
	const char *category;
	int64_t amount_cents;
	const char *day;
	const char *note;
};

enum {
	EXPENSE_PLAN = 1u << 0,
	EXPENSE_STEP = 1u << 1,
	EXPENSE_CATEGORY = 1u << 2,
	EXPENSE_AMOUNT = 1u << 3,
	EXPENSE_DAY = 1u << 4,
	EXPENSE_NOTE = 1u << 5,
};

struct expense_input {
	int64_t plan_id;
	int64_t step_id;
	const char *category;
	int64_t amount_cents;
	const char *day;
	const char *note;
};
extern const struct field expense_fields[];

struct expense_filter {
	int64_t plan_id;
	int64_t unit_id;	/* of plans of this unit and its subtree */
	const char *from, *to;	/* days, inclusive */
	int64_t limit, offset;
};
enum {
	XF_PLAN = 1u << 0,
	XF_UNIT = 1u << 1,
	XF_FROM = 1u << 2,
	XF_TO = 1u << 3,
	XF_LIMIT = 1u << 4,
	XF_OFFSET = 1u << 5,
};
extern const struct field expense_filter_fields[];

/* Refuses an unknown plan, a step of another plan and a day before the
 * plan's start ("a date outside the plan"). */
int expense_add(struct db *db, const struct expense_input *in, unsigned set, int64_t *id,
		struct err *e);
int expense_get(struct db *db, struct arena *a, int64_t id, struct expense *x, struct err *e);
/* By day, then id; *total is the sum of all matches (before limit and
 * offset). */
int expense_list(struct db *db, struct arena *a, const struct expense_filter *f,
		 unsigned fset, struct expense **out, size_t *n, int64_t *total, struct err *e);
/* Changes the given fields, under the rules of expense_add; a new plan
 * drops the step unless a step of it is given. */
int expense_set(struct db *db, int64_t id, const struct expense_input *in, unsigned set,
		struct err *e);
int expense_rm(struct db *db, int64_t id, struct err *e);
json_t *expense_json(const struct expense *x);

#endif
