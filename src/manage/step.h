/* step: the steps of a plan: assignee, estimate, duration in working
 * days, due date, status, and finish-to-start dependencies within the
 * plan. A dependency cycle is refused with the cycle named; a step
 * starts (doing) or finishes (done) only after every step it depends on
 * is done, and a done step reopens only while no dependant has started. */
#ifndef TANDEM_STEP_H
#define TANDEM_STEP_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

struct step_dep {
	int64_t on;		/* the step depended on */
	const char *name;
	const char *status;
	int64_t lag_days;
};

struct step {
	int64_t id;
	int64_t plan_id;
	const char *name;
	int64_t assignee_id;	/* 0 for none */
	const char *assignee_name;
	int64_t estimate_minutes;
	int64_t duration_days;
	const char *due;	/* NULL for none */
	const char *status;
	const char *activity;	/* an activity class, NULL for the work itself */
	int64_t pct;		/* percent complete, 0-100 */
	/* show only */
	struct step_dep *deps;
	size_t ndeps;
	int64_t logged_minutes;
};

enum {
	STEP_PLAN = 1u << 0,
	STEP_NAME = 1u << 1,
	STEP_ASSIGNEE = 1u << 2,
	STEP_ESTIMATE = 1u << 3,
	STEP_DURATION = 1u << 4,
	STEP_DUE = 1u << 5,
	STEP_STATUS = 1u << 6,
	STEP_ACTIVITY = 1u << 7,
	STEP_PCT = 1u << 8,
};

struct step_input {
	int64_t plan_id;
	const char *name;
	int64_t assignee_id;
	int64_t estimate_minutes;
	int64_t duration_days;
	const char *due;
	const char *status;
	const char *activity;	/* NULL or "none" for the work itself */
	int64_t pct;
};
extern const struct field step_fields[];
extern const char *const step_statuses[];
/* The ten activity classes (management: planning ... problem-solving;
 * leadership: direction ... change), then "none" (the work itself). */
extern const char *const step_activities[];

struct step_filter {
	int64_t plan_id;
	int64_t assignee_id;
	const char *status;
	const char *due_before;	/* due strictly before this day */
	int64_t unit_id;	/* steps of plans of this unit and its subtree */
	int64_t limit, offset;
};
enum {
	SF_PLAN = 1u << 0,
	SF_ASSIGNEE = 1u << 1,
	SF_STATUS = 1u << 2,
	SF_DUE_BEFORE = 1u << 3,
	SF_UNIT = 1u << 4,
	SF_LIMIT = 1u << 5,
	SF_OFFSET = 1u << 6,
};
extern const struct field step_filter_fields[];

struct dep_input {
	int64_t on;
	int64_t lag_days;
};
enum { DEP_ON = 1u << 0, DEP_LAG = 1u << 1 };
extern const struct field dep_fields[];

int step_add(struct db *db, const struct step_input *in, unsigned set, int64_t *id,
	     struct err *e);
/* With its dependencies and logged minutes. */
int step_get(struct db *db, struct arena *a, int64_t id, struct step *s, struct err *e);
int step_list(struct db *db, struct arena *a, const struct step_filter *f, unsigned fset,
	      struct step **out, size_t *n, struct err *e);
/* Calls fn for each step of the filter in id order, without keeping
 * them: for listings too long to hold. The step's strings live only
 * during the call (no dependencies are read); a non-zero return from fn
 * stops the walk and is returned. Without with_names, assignee_name is
 * NULL (the caller resolves names itself, e.g. with person_names(),
 * which is cheaper than a join for every row). */
int step_each(struct db *db, const struct step_filter *f, unsigned fset, int with_names,
	      int (*fn)(void *ctx, const struct step *s), void *ctx, struct err *e);
/* Sizes for a table printed row by row: the largest step and plan ids
 * and the longest assignee name in characters. */
struct step_extent {
	int64_t max_id, max_plan_id, max_assignee_len;
};
int step_extent(struct db *db, struct step_extent *x, struct err *e);
int step_count(struct db *db, const struct step_filter *f, unsigned fset, int64_t *count,
	       struct err *e);
/* Changes fields; a status change follows the dependency rules.
 * Progress: done sets pct to 100 (a pct other than 100 with done is
 * refused); leaving done resets pct to 0 unless pct is given in the same
 * change. Every change of pct is kept in step_progress for today. */
int step_set(struct db *db, int64_t id, const struct step_input *in, unsigned set,
	     struct err *e);
int step_set_status(struct db *db, int64_t id, const char *status, struct err *e);
/* Removes a step with no time entries; its dependencies go with it. */
int step_rm(struct db *db, int64_t id, struct err *e);
int step_dep_add(struct db *db, int64_t id, const struct dep_input *in, unsigned set,
		 struct err *e);
int step_dep_rm(struct db *db, int64_t id, int64_t on, struct err *e);
int step_must_exist(struct db *db, int64_t id, const char *field, struct err *e);
/* A plan's progress in percent x100, weighted by estimate: sum(pct_i x
 * w_i) / sum(w_i) with w_i = max(estimate minutes, 1); 0 for no steps. */
int step_plan_progress(struct db *db, int64_t plan_id, int64_t *pct_x100, struct err *e);
json_t *step_json(const struct step *s);

#endif
