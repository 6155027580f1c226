/* complexity: how hard a unit's work is to coordinate, measured over
 * the unit and its subtree (docs/reports.md):
 *   open steps per person = open steps (todo, doing, blocked) of the
 *                           subtree's plans / people of the subtree;
 *   dependency density    = dependencies among those plans' steps / steps;
 *   hand-offs             = dependencies whose two steps are assigned to
 *                           people of different units (a step with no
 *                           assignee hands nothing off), with their share
 *                           of the dependencies in percent;
 *   steps per plan        = steps / plans, and the plan with most steps.
 * Ratios are kept x100 (two decimals, rounded half up); a ratio whose
 * divisor is 0 is undefined (has_* 0: null in JSON, "-" in tables). */
#ifndef TANDEM_COMPLEXITY_H
#define TANDEM_COMPLEXITY_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/db.h"

struct complexity {
	int64_t people, plans, steps, open_steps, deps, handoffs;
	/* x100 */
	int64_t open_per_person, dep_density, handoff_pct, steps_per_plan;
	int has_open_per_person, has_dep_density, has_handoff_pct, has_steps_per_plan;
	int64_t largest_plan_id;	/* 0 when there is no plan */
	const char *largest_plan_name;
	int64_t largest_plan_steps;
};

struct complexity_node {
	int64_t unit_id, parent_id;	/* parent_id 0 for a root */
	const char *name;
	int depth;			/* 0 for the requested unit (or the roots) */
	struct complexity c;		/* over the unit's subtree */
};

/* The figures of unit_id's subtree (0: the whole organization, every
 * root), one node per unit in tree order (a unit, then its children by
 * name), each node's figures over its own subtree; arrays and names in a.
 * Not found (404, field "unit_id") for an unknown unit. */
int complexity_tree(struct db *db, struct arena *a, int64_t unit_id,
		    struct complexity_node **out, size_t *n, struct err *e);
/* The figures of one unit's subtree. */
int complexity_unit(struct db *db, struct arena *a, int64_t unit_id, struct complexity *out,
		    struct err *e);

/* The counts and ratios as a JSON object (ratios as decimals, null when
 * undefined; largest_plan null when there is no plan). */
json_t *complexity_json(const struct complexity *c);

#endif
