/* recognition: a person thanks a person or a team (a unit) for living one
 * of the organization's values, optionally for work on a strategy or a
 * plan step. The feed lists them newest first; counts per month and per
 * unit say where recognition flows. Ranking people by count (a
 * leaderboard) is off unless the setting 'recognition.leaderboard' is 1:
 * while it is off, per-person counts are shown only to that person and
 * to their manager. */
#ifndef TANDEM_RECOGNITION_H
#define TANDEM_RECOGNITION_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

struct recognition {
	int64_t id;
	int64_t from_id;
	const char *from_name;
	int64_t to_person_id;	/* 0 when to a team */
	int64_t to_unit_id;	/* 0 when to a person */
	const char *to_name;	/* the person's or the unit's name */
	int64_t value_id;
	const char *value_name;
	const char *message;
	int64_t strategy_id, step_id;	/* 0 for none */
	const char *day;
	int64_t win_id;		/* the short-term win it celebrates, 0 for none */
};

enum {
	REC_FROM = 1u << 0, REC_TO = 1u << 1, REC_TEAM = 1u << 2, REC_VALUE = 1u << 3,
	REC_MESSAGE = 1u << 4, REC_STRATEGY = 1u << 5, REC_STEP = 1u << 6, REC_DAY = 1u << 7,
	REC_WIN = 1u << 8,
};

struct recognition_input {
	int64_t from_id;
	int64_t to_id;		/* a person */
	int64_t team_id;	/* or a unit */
	int64_t value_id;
	const char *message;
	int64_t strategy_id, step_id;
	const char *day;	/* default today */
	int64_t win_id;		/* a change initiative's short-term win it celebrates */
};
extern const struct field recognition_fields[];
/* the same without from_id: the API's giver is the signed-in person */
extern const struct field recognition_api_fields[];

struct recognition_filter {
	int64_t unit_id;	/* received by this unit's subtree (teams or people) */
	int64_t person_id;	/* given or received by this person */
	const char *from, *to;	/* days, inclusive */
	int64_t limit, offset;
};
enum {
	RF_UNIT = 1u << 0, RF_PERSON = 1u << 1, RF_FROM = 1u << 2, RF_TO = 1u << 3,
	RF_LIMIT = 1u << 4, RF_OFFSET = 1u << 5,
};
extern const struct field recognition_filter_fields[];

/* Refuses a recognition to oneself, both or neither of to/team, and an
 * unknown person, unit, value, strategy, step or win (naming the field). */
int recognition_add(struct db *db, const struct recognition_input *in, unsigned set,
		    int64_t *id, struct err *e);
int recognition_get(struct db *db, struct arena *a, int64_t id, struct recognition *r,
		    struct err *e);
/* The feed, newest first; items in a. */
int recognition_list(struct db *db, struct arena *a, const struct recognition_filter *f,
		     unsigned fset, struct recognition **out, size_t *n, struct err *e);
/* Removes one; by_person is who asks (0: an admin or the CLI operator),
 * refused (403) when it is not the giver. */
int recognition_rm(struct db *db, int64_t id, int64_t by_person, struct err *e);

/* Counts per month ("YYYY-MM") and per unit or person over the last
 * `months` months including today's. */
struct recognition_count {
	const char *month;
	int64_t key_id;		/* the unit or the person */
	const char *key_name;
	int64_t count;
};
struct recognition_counts_q {
	int64_t unit_id;	/* recipients in this unit's subtree */
	const char *by;		/* "unit" (default) or "person" */
	int64_t months;		/* default 6 */
	int64_t person_id;	/* as whom (for per-person counts) */
};
enum { RCQ_UNIT = 1u << 0, RCQ_BY = 1u << 1, RCQ_MONTHS = 1u << 2, RCQ_PERSON = 1u << 3 };
extern const struct field recognition_counts_fields[];
/* 1 when the setting 'recognition.leaderboard' is '1'. */
int recognition_leaderboard(struct db *db, struct err *e);
/* By unit: every unit, ordered by month then unit name. By person with
 * the leaderboard on: every person, ordered by month then count (the
 * ranking); with it off: only viewer and the people viewer manages
 * directly (viewer 0 with the leaderboard off is refused, 400 on "by").
 * Recognitions to a team count for the team's unit only. */
int recognition_counts(struct db *db, struct arena *a, const struct recognition_counts_q *q,
		       unsigned qset, int64_t viewer, int32_t today,
		       struct recognition_count **out, size_t *n, struct err *e);

/* The organization's values (id and name, in their order), for a form's
 * choice; items in a. */
struct recognition_value {
	int64_t id;
	const char *name;
};
int recognition_values(struct db *db, struct arena *a, struct recognition_value **out,
		       size_t *n, struct err *e);

/* The demo's recognitions (24 over the 90 days before today, between
 * its people and to its teams, for the values the coalitions demo added;
 * none when there are no values) and its 8 ideas with votes and
 * answers. Deterministic; part of the demo's one transaction. */
int recognition_demo(struct db *db, const char *today, struct err *e);

json_t *recognition_json(const struct recognition *r);
json_t *recognition_count_json(const struct recognition_count *c);

#endif
