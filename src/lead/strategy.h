/* strategy: how the organization (unit NULL) or a unit means to reach
 * its vision, and the plans that carry each strategy out. A strategy is
 * proposed, active, done or dropped.
 *
 * Direction gaps (docs/leadership.md), over a unit's subtree or the
 * whole organization:
 *   direction without execution  an active strategy linked to no plan
 *                                (cancelled plans do not count)
 *   execution without direction  an open plan (draft, active, on hold)
 *                                linked to no strategy (dropped
 *                                strategies do not count) */
#ifndef TANDEM_STRATEGY_H
#define TANDEM_STRATEGY_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

struct strategy {
	int64_t id;
	const char *name;
	const char *rationale;
	int64_t owner_id;	/* 0 for none */
	const char *owner;
	int64_t unit_id;	/* 0: the organization's */
	const char *unit;	/* NULL for the organization's */
	const char *status;
	int64_t nplans;		/* plans linked to it */
};

enum {
	ST_NAME = 1u << 0,
	ST_RATIONALE = 1u << 1,
	ST_OWNER = 1u << 2,
	ST_UNIT = 1u << 3,
	ST_STATUS = 1u << 4,
};
struct strategy_input {
	const char *name, *rationale;
	int64_t owner_id, unit_id;
	const char *status;
};
extern const struct field strategy_fields[];
extern const char *const strategy_statuses[];

struct strategy_filter {
	int64_t unit_id;	/* this unit's subtree, with the organization's own */
	const char *status;
	int64_t limit, offset;
};
enum { STRF_UNIT = 1u << 0, STRF_STATUS = 1u << 1, STRF_LIMIT = 1u << 2, STRF_OFFSET = 1u << 3 };
extern const struct field strategy_filter_fields[];

/* a plan linked to a strategy, or one in a gap list */
struct strategy_plan {
	int64_t id;
	const char *name;
	const char *status;
	int64_t unit_id;
	const char *unit;
	int64_t progress_x100;	/* step_plan_progress: percent x100 */
};
enum { SP_PLAN = 1u << 0 };
struct strategy_plan_input {
	int64_t plan_id;
};
extern const struct field strategy_plan_fields[];

/* Refuses an empty name, a status not in the list (400), an unknown
 * owner or unit (404). */
int strategy_add(struct db *db, const struct strategy_input *in, unsigned set, int64_t *id,
		 struct err *e);
int strategy_get(struct db *db, struct arena *a, int64_t id, struct strategy *s,
		 struct err *e);
/* By id; with a unit, that unit's subtree's and the organization's. */
int strategy_list(struct db *db, struct arena *a, const struct strategy_filter *f,
		  unsigned fset, struct strategy **out, size_t *n, struct err *e);
int strategy_set(struct db *db, int64_t id, const struct strategy_input *in, unsigned set,
		 struct err *e);
/* Refuses (409) while plans link to it, naming them, or while a
 * communication, coalition, recognition or idea names it. */
int strategy_rm(struct db *db, int64_t id, struct err *e);
/* Links a plan (404 unknown strategy or plan, 409 already linked) /
 * unlinks it (404 not linked). */
int strategy_link(struct db *db, int64_t id, int64_t plan_id, struct err *e);
int strategy_unlink(struct db *db, int64_t id, int64_t plan_id, struct err *e);
/* The plans of a strategy, by id, with their progress. */
int strategy_plans(struct db *db, struct arena *a, int64_t id, struct strategy_plan **out,
		   size_t *n, struct err *e);

/* The two gap lists of unit_id's subtree (0: the whole organization,
 * the organization's own strategies included): active strategies with
 * no plan, and open plans with no strategy, by id. */
int strategy_gap_lists(struct db *db, struct arena *a, int64_t unit_id,
		       struct strategy **no_plan, size_t *nno_plan,
		       struct strategy_plan **no_strategy, size_t *nno_strategy, struct err *e);
/* The same, counted (for the balance diagnosis). */
int strategy_gaps(struct db *db, int64_t unit_id, int64_t *no_plan, int64_t *no_strategy,
		  struct err *e);

json_t *strategy_json(const struct strategy *s);
json_t *strategy_plan_json(const struct strategy_plan *p);

/* Seeds the demo's visions and strategies (demo.c). */
int direction_demo(struct db *db, const char *today, struct err *e);

#endif
