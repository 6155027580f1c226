/* timelog: time entries: who worked how many minutes on which step on
 * which day. Minutes are 1-1440 per entry, and a person's entries for one
 * day never add up to more than a day (1440 minutes). */
#ifndef TANDEM_TIMELOG_H
#define TANDEM_TIMELOG_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

struct time_entry {
	int64_t id;
	int64_t person_id;
	const char *person_name;
	int64_t step_id;
	const char *step_name;
	int64_t plan_id;
	const char *day;
	int64_t minutes;
	const char *note;
	const char *activity;	/* its activity class, NULL for the work itself */
	int64_t cost_cents;	/* minutes x the person's rate when logged */
};

enum {
	TIME_PERSON = 1u << 0,
	TIME_STEP = 1u << 1,
	TIME_DAY = 1u << 2,
	TIME_MINUTES = 1u << 3,
	TIME_NOTE = 1u << 4,
	TIME_ACTIVITY = 1u << 5,
};

struct time_input {
	int64_t person_id;
	int64_t step_id;
	const char *day;
	int64_t minutes;
	const char *note;
	const char *activity;	/* "none": the work itself; not given: the step's class */
};
extern const struct field time_fields[];

struct time_filter {
	int64_t person_id;
	int64_t step_id;
	int64_t plan_id;
	int64_t unit_id;	/* people of this unit and its subtree */
	const char *from;	/* inclusive */
	const char *to;		/* inclusive */
	int64_t limit, offset;
};
enum {
	TF_PERSON = 1u << 0,
	TF_STEP = 1u << 1,
	TF_PLAN = 1u << 2,
	TF_UNIT = 1u << 3,
	TF_FROM = 1u << 4,
	TF_TO = 1u << 5,
	TF_LIMIT = 1u << 6,
	TF_OFFSET = 1u << 7,
};
extern const struct field time_filter_fields[];

/* Logs an entry with its activity class (given, else the step's) and
 * its cost, (minutes x the person's rate_cents + 30) / 60, both kept as
 * they were at write time. */
int time_log(struct db *db, const struct time_input *in, unsigned set, int64_t *id,
	     struct err *e);
int time_get(struct db *db, struct arena *a, int64_t id, struct time_entry *t,
	     struct err *e);
/* Entries by day then id; *total is the sum of minutes of all matches
 * (before limit and offset). */
int time_list(struct db *db, struct arena *a, const struct time_filter *f, unsigned fset,
	      struct time_entry **out, size_t *n, int64_t *total, struct err *e);
int time_rm(struct db *db, int64_t id, struct err *e);
json_t *time_json(const struct time_entry *t);

#endif
