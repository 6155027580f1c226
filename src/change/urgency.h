/* urgency: true urgency, complacency or false urgency, read from the data
 * (Kotter; docs/urgency.md), for an initiative (over the units it
 * affects) or a unit (with its subtree), over the window of days ending
 * on a day D (the setting change.urgency_window, 90 by default).
 *
 * Indicators: external signals logged (category other than internal)
 * and the share of them reviewed; internal activity (meetings and
 * town-halls, new plans started, problems opened, internal-only
 * signals); progress (the share of the steps open at the window's start
 * that advanced in it, and the steps completed). Rates are per 10 people
 * of the scope, in tenths (25 = 2.5 per 10 people).
 *
 * The rule, with thresholds from settings change.urgency_*:
 *   looking outward = external signals per 10 people >= urgency_outward
 *                     and reviewed share >= urgency_reviewed
 *   progress        = share of open steps advanced >= urgency_progress
 *   busy            = internal activity per 10 people >= urgency_activity
 *   true urgency  when looking outward and progress;
 *   false urgency when busy without progress;
 *   complacency   otherwise. */
#ifndef TANDEM_URGENCY_H
#define TANDEM_URGENCY_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "change/initiative.h"
#include "store/db.h"

/* The units an initiative (:init) affects, with their subtrees, as the
 * CTE scope(id) (initiative.h's INITIATIVE_AFFECTED_CTE: its linked
 * units; with none, its own unit; for an organization-wide one, every
 * unit). Opens a WITH RECURSIVE: append more CTEs with a comma, or the
 * statement. */
#define CHANGE_SCOPE_CTE INITIATIVE_AFFECTED_CTE ", scope(id) AS (SELECT id FROM aff) "

enum urgency_label { URG_COMPLACENCY = 0, URG_TRUE, URG_FALSE };

struct urgency_ind {
	int64_t people;		/* in the scope's units (at least 1 in the rates) */
	int64_t ext_signals;	/* external signals logged in the window */
	int64_t ext_reviewed;	/* of them, reviewed by D */
	int64_t int_signals;	/* internal-only signals */
	int64_t meetings;	/* communications by meeting or town-hall */
	int64_t new_plans;	/* plans started in the window (not cancelled) */
	int64_t problems;	/* problems opened (found) in the window */
	int64_t open_steps;	/* steps open (under 100 %) at the window's start */
	int64_t advanced;	/* of them, gaining percent complete in the window */
	int64_t done;		/* of them, reaching 100 % in the window */
	/* derived */
	int64_t activity;	/* meetings + new plans + problems + internal signals */
	int64_t ext_x10;	/* external signals per 10 people, tenths */
	int64_t activity_x10;	/* activity per 10 people, tenths */
	int64_t done_x10;	/* steps completed per 10 people, tenths */
	int64_t reviewed_pct;	/* ext_reviewed / ext_signals, % (0 when none) */
	int64_t advanced_pct;	/* advanced / open_steps, % (0 when none) */
	int outward, busy, progress;
};

struct urgency_thresholds {
	int64_t window, outward, reviewed, activity, progress;
};

struct urgency {
	int64_t initiative_id;	/* 0 for a unit's */
	const char *initiative;	/* its name, "" for a unit's */
	int64_t unit_id;	/* a unit's: the unit; an initiative's: its owning unit (0 org) */
	const char *unit;	/* the unit's name, "" for the organization */
	char from[11], as_of[11];	/* the window: after from, up to and including as_of */
	enum urgency_label label;
	const char *why;	/* a sentence with the numbers */
	struct urgency_ind ind;
	struct urgency_thresholds th;
};

/* "true urgency", "complacency", "false urgency". */
const char *urgency_label_name(enum urgency_label l);

/* An initiative's urgency as of as_of (NULL: today); 404 for an unknown
 * initiative, 400 for a bad day (field "as_of"). Text in a. */
int urgency_initiative(struct db *db, struct arena *a, int64_t id, const char *as_of,
		       struct urgency *out, struct err *e);
/* A unit's, over its subtree; 404 for an unknown unit. */
int urgency_unit(struct db *db, struct arena *a, int64_t unit_id, const char *as_of,
		 struct urgency *out, struct err *e);
/* Every active initiative (by id) and every unit (in tree order). */
int urgency_all(struct db *db, struct arena *a, const char *as_of, struct urgency **inits,
		size_t *ninits, struct urgency **units, size_t *nunits, struct err *e);

/* The rule alone, from the counts in ind and th: fills the derived
 * fields and returns the label (unit-tested by hand). */
enum urgency_label urgency_classify(struct urgency_ind *ind, const struct urgency_thresholds *th);

json_t *urgency_json(const struct urgency *u);

#endif
