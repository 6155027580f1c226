/* idea: anyone proposes how to reach the vision or a strategy; others
 * vote once each (never for their own idea); the idea's owner (the
 * strategy's owner by default, else the author's manager) answers:
 * accepted (into an existing plan or step, recorded on the idea),
 * declined (with a reason) or under review. An idea still open after
 * the setting 'ideas.answer_days' (default 30) days is flagged. */
#ifndef TANDEM_IDEA_H
#define TANDEM_IDEA_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

struct idea {
	int64_t id;
	const char *title;
	const char *body;
	int64_t author_id;
	const char *author_name;
	int64_t vision_id, strategy_id;	/* 0 for none */
	int64_t owner_id;
	const char *owner_name;
	const char *status;	/* open, under-review, accepted, declined */
	const char *answer;	/* the reason or the owner's words */
	const char *answered;	/* the day, NULL while open */
	int64_t plan_id, step_id;	/* what an accepted idea became */
	const char *created;
	int64_t votes;
	int64_t age;		/* days since created */
	int flagged;		/* open for longer than ideas.answer_days */
};

enum {
	IDEA_TITLE = 1u << 0, IDEA_BODY = 1u << 1, IDEA_AUTHOR = 1u << 2,
	IDEA_VISION = 1u << 3, IDEA_STRATEGY = 1u << 4, IDEA_OWNER = 1u << 5,
	IDEA_CREATED = 1u << 6,
};

struct idea_input {
	const char *title;
	const char *body;
	int64_t author_id;
	int64_t vision_id, strategy_id;
	int64_t owner_id;
	const char *created;	/* default today (the demo backdates) */
};
extern const struct field idea_fields[];
extern const struct field idea_api_fields[];	/* without author_id */

struct idea_filter {
	const char *status;
	int flagged;
	int64_t unit_id;	/* authors in this unit's subtree */
	int64_t limit, offset;
};
enum { IF_STATUS = 1u << 0, IF_FLAGGED = 1u << 1, IF_UNIT = 1u << 2, IF_LIMIT = 1u << 3,
       IF_OFFSET = 1u << 4 };
extern const struct field idea_filter_fields[];

enum { IA_PERSON = 1u << 0, IA_STATUS = 1u << 1, IA_REASON = 1u << 2, IA_PLAN = 1u << 3,
       IA_STEP = 1u << 4 };
struct idea_answer_input {
	int64_t person_id;	/* who answers (the CLI's --person) */
	const char *status;	/* accepted, declined, under-review */
	const char *reason;
	int64_t plan_id, step_id;
};
extern const struct field idea_answer_fields[];

struct idea_vote_input {
	int64_t person_id;
};
extern const struct field idea_vote_fields[];

/* Refuses both vision and strategy, unknown references, and no owner
 * when neither the strategy's owner nor the author's manager exists. */
int idea_add(struct db *db, const struct idea_input *in, unsigned set, int64_t *id,
	     struct err *e);
int idea_get(struct db *db, struct arena *a, int64_t id, int32_t today, struct idea *out,
	     struct err *e);
/* Ideas with votes, age and flag; open first, then by votes, newest. */
int idea_list(struct db *db, struct arena *a, const struct idea_filter *f, unsigned fset,
	      int32_t today, struct idea **out, size_t *n, struct err *e);
/* One vote per person (409 for a second), never for one's own (400). */
int idea_vote(struct db *db, int64_t id, int64_t person, struct err *e);
int idea_unvote(struct db *db, int64_t id, int64_t person, struct err *e);
/* The owner's answer; by_person 0 is an admin. Refuses anyone else
 * (403), a decline without a reason, a plan or step that does not
 * exist, a plan or step on anything but an acceptance, both at once. */
int idea_answer(struct db *db, int64_t id, int64_t by_person,
		const struct idea_answer_input *in, unsigned set, struct err *e);
/* The author (by_person) or an admin (0) removes an idea while open. */
int idea_rm(struct db *db, int64_t id, int64_t by_person, struct err *e);

/* Ideas by authors in unit_id's subtree (0: all): how many, how many
 * answered (not open), how many open past the answer time. */
int idea_stats(struct db *db, int64_t unit_id, int32_t today, int64_t *total,
	       int64_t *answered, int64_t *overdue, struct err *e);
/* The setting 'ideas.answer_days' (default 30). */
int idea_answer_days(struct db *db, int64_t *days, struct err *e);

json_t *idea_json(const struct idea *i);

#endif
