/* network: the network beside the hierarchy (Kotter's dual operating
 * system). An initiative's volunteers (table volunteer) may come from
 * any unit and any level: how many, from which units, how many levels
 * of the unit tree they span (a root unit is level 1), how many manage
 * others (a person is a manager when someone names them as manager),
 * and how many sit outside the units the initiative affects
 * (CHANGE_SCOPE_CTE in urgency.h). */
#ifndef TANDEM_NETWORK_H
#define TANDEM_NETWORK_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/db.h"

struct network_person {
	int64_t person_id;
	const char *name;
	int64_t unit_id;
	const char *unit;
	int level;		/* the unit's depth + 1 */
	int manager;		/* someone reports to them */
	int outside;		/* their unit is not among the affected units' subtrees */
	const char *role, *joined;
};

struct network_unit {
	int64_t unit_id;
	const char *unit;
	int level;
	int64_t volunteers;	/* by unit: volunteers in this very unit; affected:
				 * volunteers in its subtree */
	int64_t people;		/* affected: people in its subtree */
};

struct network {
	int64_t initiative_id;
	int64_t volunteers, units, levels, managers, non_managers, outside;
	int min_level, max_level;	/* 0 when no volunteers */
	struct network_person *people;	/* by level, unit, name */
	size_t npeople;
	struct network_unit *by_unit;	/* units with volunteers, most first, then name */
	size_t nby_unit;
	struct network_unit *affected;	/* the affected units (roots of the scope), by name */
	size_t naffected;
};

/* The network of initiative id; 404 for an unknown initiative. */
int network_get(struct db *db, struct arena *a, int64_t id, struct network *out,
		struct err *e);

json_t *network_json(const struct network *n);

#endif
