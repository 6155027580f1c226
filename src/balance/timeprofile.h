/* timeprofile: how the people who manage others spend their logged time
 * (docs/timeprofile.md). Kotter's point made visible: how much of
 * leaders' time goes to leadership.
 *
 * Managers are the persons who are the manager_id of at least one
 * person; everyone else is in the contrast group ("others"). Over a
 * period [from, to] (both inclusive), the logged minutes of each group
 * are split by activity class: an entry's own class, else its step's
 * class, else "unclassified" (the work itself). The ten classes make the
 * six processes (planning+budgeting, organizing+staffing,
 * controlling+problem-solving: management; direction, aligning,
 * motivating+change: leadership). A share is of the group's whole logged
 * time, the unclassified minutes included.
 *
 * A unit's figures are over its subtree; a person counts where their
 * unit is. The default period is the last balance.time_window_days days
 * (a setting, 90 by default) up to today. */
#ifndef TANDEM_TIMEPROFILE_H
#define TANDEM_TIMEPROFILE_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

enum {
	TP_CLASSES = 11,	/* the ten activity classes, then unclassified */
	TP_UNCLASSIFIED = 10,
	TP_PROCESSES = 6,	/* three of management, then three of leadership */
};
/* "planning" ... "change", "unclassified" */
extern const char *const tp_class_keys[TP_CLASSES];
/* "planning" ... "motivating", and their names in words ("planning and
 * budgeting", ...) */
extern const char *const tp_process_keys[TP_PROCESSES];
extern const char *const tp_process_names[TP_PROCESSES];
/* The process of class c (0-5), or -1 for unclassified. */
int tp_process_of(int c);

/* One group's time (managers, or the others) over a subtree. */
struct tp_mix {
	int64_t people;		/* persons of the group */
	int64_t logging;	/* of them, who logged time in the period */
	int64_t minutes[TP_CLASSES];
	int64_t total;		/* all their logged minutes */
};
/* Minutes of process p (0-5), of management (processes 0-2) and of
 * leadership (3-5). */
int64_t tp_process_minutes(const struct tp_mix *m, int p);
int64_t tp_management_minutes(const struct tp_mix *m);
int64_t tp_leadership_minutes(const struct tp_mix *m);
/* part of whole in percent with one decimal, x10, rounded half up;
 * -1 when whole is 0 (no share). */
int64_t tp_share10(int64_t part, int64_t whole);

struct tp_node {
	int64_t unit_id, parent_id;	/* parent_id 0 for a root */
	const char *name;
	int depth;			/* 0 for the requested unit (or the roots) */
	struct tp_mix managers, others;	/* over the unit's subtree */
};

struct tp_query {
	int64_t unit_id;
	const char *from, *to;
};
enum { TPQ_UNIT = 1u << 0, TPQ_FROM = 1u << 1, TPQ_TO = 1u << 2 };
extern const struct field tp_query_fields[];

struct timeprofile {
	int64_t unit_id;	/* 0: the whole organization */
	const char *unit_name;	/* the unit's, or "the organization" */
	const char *from, *to;
	int64_t days;		/* days in the period */
	struct tp_mix managers, others;	/* the whole scope */
	struct tp_node *nodes;	/* the scope's units in tree order */
	size_t n;
};

/* The time profile of q's unit (TPQ_UNIT; else every unit) over q's
 * period. Without TPQ_TO the period ends today; without TPQ_FROM it
 * starts balance.time_window_days - 1 days before its end. Refuses a
 * malformed date (400, its field) and a start after the end (400,
 * "from"); an unknown unit is 404 ("unit_id"). Results in a. One
 * grouped query sums the minutes by unit, group and class; the tree is
 * rolled up in memory. */
int timeprofile_get(struct db *db, struct arena *a, const struct tp_query *q, unsigned set,
		    int32_t today, struct timeprofile *out, struct err *e);

/* One group's figures: people, logging, minutes, hours, management,
 * leadership and unclassified (minutes and pct), processes[] and
 * classes[] (pct null when nothing was logged). */
json_t *tp_mix_json(const struct tp_mix *m);
/* The whole profile: scope, period, managers, others and units[] (each
 * unit with its managers' and others' figures). */
json_t *timeprofile_json(const struct timeprofile *p);

#endif
