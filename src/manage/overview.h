/* overview: the management system at a glance, for a unit's subtree or
 * the whole organization: a few counts per process (Kotter's planning
 * and budgeting, organizing and staffing, controlling and problem
 * solving), each one a door to the page that explains it. */
#ifndef TANDEM_OVERVIEW_H
#define TANDEM_OVERVIEW_H

#include <stdint.h>

#include "base/err.h"
#include "store/db.h"

struct overview {
	/* planning and budgeting */
	int64_t targets, targets_unplanned;	/* no plan serves them */
	int64_t plans_open, plans_unbudgeted;	/* open: draft, active, on hold */
	/* organizing and staffing */
	int64_t people, positions, seats, filled;	/* seats: headcount summed */
	int64_t managers;				/* people with direct reports */
	/* controlling and problem solving */
	int64_t steps_overdue;		/* not done, due before today */
	int64_t problems_open, problems_overdue;
	int64_t minutes_28d;		/* logged in the 28 days up to today */
};

/* Counts for unit_id's subtree (0: the whole organization) as of today
 * ("YYYY-MM-DD"). */
int overview_get(struct db *db, int64_t unit_id, const char *today, struct overview *o,
		 struct err *e);

#endif
