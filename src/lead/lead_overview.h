/* lead_overview: the leadership system at a glance, for a unit's
 * subtree or the whole organization: a few counts per process (Kotter's
 * setting a direction, aligning people, motivating and inspiring), each
 * one a door to the page that explains it. The counterpart of
 * manage/overview.h. */
#ifndef TANDEM_LEAD_OVERVIEW_H
#define TANDEM_LEAD_OVERVIEW_H

#include <stdint.h>

#include "base/err.h"
#include "store/db.h"

struct lead_overview {
	/* setting a direction */
	int has_vision;			/* the organization's current vision */
	int64_t vision_horizon;
	int vision_review_due;		/* its review date is past */
	int64_t strategies, strategies_unplanned;	/* active; with no plan */
	int64_t plans_undirected;	/* open plans serving no strategy */
	int64_t signals_90d, signals_unreviewed;	/* noticed in 90 days; never reviewed */
	/* aligning people */
	int64_t comms_90d;		/* sent in 90 days */
	int64_t recipients, committed, unreached;	/* people, over every sent comm */
	int64_t coalitions;
	/* motivating and inspiring */
	int64_t recognitions_30d;
	int64_t ideas_open, ideas_overdue;	/* open for more than 30 days */
	int64_t pulses_open;			/* sent, not closed */
};

/* Counts for unit_id's subtree (0: the whole organization) as of today
 * ("YYYY-MM-DD"). */
int lead_overview_get(struct db *db, int64_t unit_id, const char *today,
		      struct lead_overview *o, struct err *e);

#endif
