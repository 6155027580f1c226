/* pulse: short surveys sent to units, anonymous by construction.
 *
 * Who answered is kept only to refuse a second answer (pulse_responded);
 * an answer becomes counts per question, unit (the person's unit when
 * the pulse was sent) and value (pulse_count), and a comment carries no
 * person and no time; a question's comments are rewritten in a new
 * random order at every new one. Results come from the counts alone and
 * are shown only for groups of at least min_group respondents; a group
 * whose answers could be worked out by subtracting shown groups from a
 * shown parent is suppressed too (docs/leadership.md). */
#ifndef TANDEM_PULSE_H
#define TANDEM_PULSE_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

enum { PULSE_MIN_GROUP = 3, PULSE_DEFAULT_GROUP = 5 };

struct pulse {
	int64_t id;
	const char *title;
	const char *opens, *closes;	/* closes NULL: open until removed */
	int64_t min_group;
	int sent;
	int64_t unit_id;	/* who runs it; its audience lies within this unit */
	int64_t invited, responded;
};

enum {
	PULSE_TITLE = 1u << 0, PULSE_UNIT = 1u << 1, PULSE_OPENS = 1u << 2,
	PULSE_CLOSES = 1u << 3, PULSE_MIN = 1u << 4,
};
struct pulse_input {
	const char *title;
	int64_t unit_id;
	const char *opens, *closes;
	int64_t min_group;
};
extern const struct field pulse_fields[];

struct pulse_question {
	int64_t id;
	int64_t position;	/* 1, 2, ... */
	const char *text;
	const char *scale;	/* "1-5" or "0-10" (eNPS) */
	int comments;
};
enum { PQ_TEXT = 1u << 0, PQ_SCALE = 1u << 1, PQ_COMMENTS = 1u << 2 };
struct pulse_question_input {
	const char *text;
	const char *scale;
	int comments;
};
extern const struct field pulse_question_fields[];

/* who is sent a pulse: a unit with the units under it */
enum { PT_UNIT = 1u << 0 };
struct pulse_target_input {
	int64_t unit_id;
};
extern const struct field pulse_target_fields[];
extern const struct field pulse_send_fields[];	/* an optional to_unit_id first */

/* an answer: one value per question in order ("5,4,9"), one comment */
enum { PA_PERSON = 1u << 0, PA_ANSWERS = 1u << 1, PA_COMMENT = 1u << 2 };
struct pulse_answer_input {
	int64_t person_id;
	const char *answers;
	const char *comment;
};
extern const struct field pulse_answer_fields[];

enum { PUL_UNIT = 1u << 0, PUL_LIMIT = 1u << 1, PUL_OFFSET = 1u << 2 };
struct pulse_filter {
	int64_t unit_id;	/* run by this unit or one under it, or sent to
				 * people of it */
	int64_t limit, offset;
};
extern const struct field pulse_filter_fields[];

/* what pulse results and pulse trend read */
enum { PV_UNIT = 1u << 0, PV_FORMAT = 1u << 1, PV_TEXT = 1u << 2 };
struct pulse_view {
	int64_t unit_id;
	const char *format;	/* table, json, csv (the API: json, csv) */
	const char *question_text;	/* pulse trend */
};
extern const struct field pulse_view_fields[];	/* unit_id, format */
extern const struct field pulse_view_api_fields[];
extern const struct field pulse_trend_fields[];	/* question_text, unit_id */

int pulse_add(struct db *db, const struct pulse_input *in, unsigned set, int64_t *id,
	      struct err *e);
int pulse_get(struct db *db, struct arena *a, int64_t id, struct pulse *p, struct err *e);
int pulse_list(struct db *db, struct arena *a, const struct pulse_filter *f, unsigned fset,
	       struct pulse **out, size_t *n, struct err *e);
/* The sent pulses open on day that person was asked and has not yet
 * answered, soonest closing first. */
int pulse_pending(struct db *db, struct arena *a, int64_t person_id, int32_t day,
		  struct pulse **out, size_t *n, struct err *e);
/* 1 if people of unit_id or of a unit under it were asked, 0 if not. */
int pulse_asked_within(struct db *db, int64_t pulse_id, int64_t unit_id, struct err *e);
/* Removes an unsent pulse; a sent one is 409 (its answers stay). */
int pulse_rm(struct db *db, int64_t id, struct err *e);
/* Adds a question at the end; 409 once sent. */
int pulse_question_add(struct db *db, int64_t pulse_id, const struct pulse_question_input *in,
		       unsigned set, int64_t *id, struct err *e);
int pulse_questions(struct db *db, struct arena *a, int64_t pulse_id,
		    struct pulse_question **out, size_t *n, struct err *e);
/* Sends the pulse also to unit (within the pulse's unit); 409 once sent. */
int pulse_target(struct db *db, int64_t pulse_id, int64_t unit_id, struct err *e);
/* Sends: everyone in the target units and their subtrees is invited,
 * with their unit now. Refuses a pulse already sent (409), with no
 * question or no target unit (400). */
int pulse_send(struct db *db, int64_t id, struct err *e);
/* Stores in.person_id's answer as of day: 404 when not invited, 409
 * when already answered, not yet open or closed; 400 for answers that
 * do not fit the questions. One transaction; nothing links the answer
 * to the person. */
int pulse_answer(struct db *db, int64_t pulse_id, const struct pulse_answer_input *in,
		 unsigned set, int32_t day, struct err *e);

/* --- results --- */

/* One question's answers within a group. */
struct pulse_stat {
	int64_t question_id;
	int64_t n;		/* answers */
	int64_t mean_x100;	/* rounded */
	int64_t enps;		/* 0-10 scales: % promoters - % detractors, rounded */
	int64_t dist[11];	/* answers per value */
};

/* A unit with its subtree, as a group of respondents. */
struct pulse_group {
	int64_t unit_id;
	const char *unit;
	int depth;		/* below the view's unit */
	int64_t invited, responded;
	int shown;		/* 0: suppressed, stats all zero */
	struct pulse_stat *stats;	/* one per question, in order */
};

struct pulse_results {
	struct pulse pulse;
	struct pulse_question *q;
	size_t nq;
	struct pulse_group *g;	/* the view's unit first, then its subtree in tree order */
	size_t ng;
	const char ***comments;	/* per question, ncomments[j] bodies: the view's
				 * group's, if shown, in shuffle order */
	size_t *ncomments;
};

/* Results of pulse id seen from unit_id (0: the pulse's unit) with its
 * subtree; suppression is decided over the whole pulse, so no view
 * reveals what another hides. 404 for a unit outside the audience. */
int pulse_results(struct db *db, struct arena *a, int64_t id, int64_t unit_id,
		  struct pulse_results *r, struct err *e);

struct pulse_point {
	int64_t pulse_id;
	const char *title, *opens;
	int64_t responded;
	int shown;
	int64_t mean_x100;
	int64_t enps;
	int enps_scale;
};
/* The mean of the question of exactly this text in each sent pulse, by
 * opening day, for unit_id's group (0: each pulse's unit). */
int pulse_trend(struct db *db, struct arena *a, const char *text, int64_t unit_id,
		struct pulse_point **out, size_t *n, struct err *e);

json_t *pulse_json(const struct pulse *p);
json_t *pulse_question_json(const struct pulse_question *q);
json_t *pulse_results_json(struct arena *a, const struct pulse_results *r);
json_t *pulse_point_json(const struct pulse_point *p);

/* The demo: a quarterly pulse to the whole organization two months
 * before today and its follow-up a month before, answered by about 75 %
 * of people through pulse_answer; Sales answers below the minimum. */
int pulse_demo(struct db *db, const char *today, struct err *e);

/* When a caller asked for one unit's group by name and it is suppressed:
 * -1 with a 403 naming unit_id and saying why (results of a group below
 * the minimum are refused, not shown empty); 0 otherwise. */
int pulse_refuse_small(const struct pulse_results *r, struct err *e);

/* The notice for a suppressed group. */
const char *pulse_suppressed_note(struct arena *a, const struct pulse *p,
				  const struct pulse_group *g);

#endif
