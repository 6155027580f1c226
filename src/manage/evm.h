/* evm: earned value management for plans and the unit tree.
 *
 * As of a day D, per plan (PMI's standard formulas; docs/evm.md):
 * BAC = the plan's budget lines; each step weighs max(estimate, 1)
 * minutes and gets BAC x weight / total weight; PV(D) spreads a step's
 * budget over the working days of its early schedule; EV(D) = budget x
 * percent complete as of D; AC(D) = time cost + tools + expenses up to D.
 * The figures are read from the aggregates kept on write (ledger.h), so
 * a plan's figures cost a few index seeks whatever its history. */
#ifndef TANDEM_EVM_H
#define TANDEM_EVM_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

struct evm {
	int64_t bac, pv, ev, ac, cv, sv, eac, etc, vac;	/* cents */
	double cpi, spi, tcpi;
	int has_cpi, has_spi, has_eac, has_tcpi;	/* 0: divisor is 0 (null, "-") */
};

/* The query of an evm page or route: ?unit_id=&as_of=&weekly= */
struct evm_filter {
	int64_t unit_id;
	const char *as_of;	/* NULL: today */
	int weekly;
};
enum { EVF_UNIT = 1u << 0, EVF_AS_OF = 1u << 1, EVF_WEEKLY = 1u << 2 };
extern const struct field evm_filter_fields[];
/* The day of a filter: as_of parsed, or today; -1 with e (400 naming
 * as_of) for a bad date. */
int evm_filter_day(const struct evm_filter *f, unsigned set, int32_t *day, struct err *e);

/* Fills out for the plan as of the day as_of (a day number). Not found
 * (-1, e 404) for an unknown plan. */
int evm_plan(struct db *db, int64_t plan_id, int32_t as_of, struct evm *out, struct err *e);

struct evm_node {
	int64_t unit_id, parent_id;	/* parent_id 0 for a root */
	const char *name;
	int depth;			/* 0 for the requested unit (or the roots) */
	int64_t plans;			/* plans of the unit itself */
	struct evm own, total;		/* the unit's own plans; its subtree's */
};

/* The roll-up over the subtree of unit_id (0: the whole organization), in
 * tree order (a unit, then its children by name) with depth; arrays in
 * a. Not found for an unknown unit. */
int evm_rollup(struct db *db, struct arena *a, int64_t unit_id, int32_t as_of,
	       struct evm_node **out, size_t *n, struct err *e);

/* One point of the curves: the figures as of day (cumulative). */
struct evm_point {
	int32_t day;
	int64_t pv, ev, ac;
	int past;		/* day <= as_of; after it ev and ac stay as of as_of */
};

/* The plan's curves, one point every 7 days from the plan's first
 * working day to the later of its scheduled finish and as_of (the last
 * point on that day): PV as of each day, EV and AC as of each day up to
 * as_of. BAC in *bac. Points in a. */
int evm_weekly(struct db *db, struct arena *a, int64_t plan_id, int32_t as_of,
	       struct evm_point **out, size_t *n, int64_t *bac, struct err *e);

/* Derives cv, sv, eac, etc, vac and the ratios from bac, pv, ev, ac. */
void evm_derive(struct evm *v);
/* Adds b's bac, pv, ev, ac into a (then call evm_derive). */
void evm_add(struct evm *a, const struct evm *b);

/* JSON object of the figures: ratios rounded to 2 decimals, null when
 * undefined. */
json_t *evm_json(const struct evm *v);
/* {"unit_id", "parent_id", "name", "depth", "plans", "own": {...}, "total": {...}} */
json_t *evm_node_json(const struct evm_node *n);
/* {"day", "pv", "ev", "ac"}: ev and ac null after as_of */
json_t *evm_point_json(const struct evm_point *p);

#endif
