/* raci: who is Responsible, Accountable, Consulted and Informed for each
 * step of a plan, publishing a plan to the people in it, and each
 * person's feed of what was published to them.
 *
 * A step needs exactly one Accountable and at least one Responsible.
 * Explicit rows (table raci) say so; without them the plan's owner is
 * the implied Accountable and the step's assignee the implied
 * Responsible, as long as that person has no explicit role on the step
 * (an explicit row overrides). The matrix flags the steps that still
 * lack one. One role per person and step; one Accountable per step. */
#ifndef TANDEM_RACI_H
#define TANDEM_RACI_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

/* --- roles ------------------------------------------------------------ */

enum { RACI_PERSON = 1u << 0, RACI_ROLE = 1u << 1, RACI_REPLACE = 1u << 2 };

struct raci_input {
	int64_t person_id;
	const char *role;	/* "R", "A", "C", "I", or "none" to remove */
	int replace;		/* with role A: the current Accountable steps down */
};
extern const struct field raci_fields[];
extern const char *const raci_roles[];	/* R A C I none */

/* Gives person the role on step (replacing their previous role there),
 * or removes their role ("none"; removing a role they do not have is a
 * 404). A second Accountable is a 409 naming the current one, unless
 * replace is set: the current one's row is then removed. */
int raci_set(struct db *db, int64_t step_id, const struct raci_input *in, unsigned set,
	     struct err *e);
/* Removes person's role on step; 404 when they have none. */
int raci_rm(struct db *db, int64_t step_id, int64_t person_id, struct err *e);

/* --- the matrix --------------------------------------------------------- */

struct raci_person {
	int64_t id;
	const char *name;
};

/* A cell: 0 (nothing), 'R' 'A' 'C' 'I' (explicit), 'a' (implied A:
 * the plan's owner), 'r' (implied R: the assignee), 'b' (both implied:
 * the owner is the assignee). */
struct raci_row {
	int64_t step_id;
	const char *name;
	const char *status;
	int64_t assignee_id;
	char *cells;		/* one per person of the matrix */
	int has_a, has_r;	/* explicit or implied */
};

struct raci_matrix {
	int64_t plan_id;
	const char *plan_name;
	int64_t owner_id;
	struct raci_person *people;	/* the columns: by name, then id */
	size_t npeople;
	struct raci_row *rows;	/* the steps, by id */
	size_t nrows;
	size_t gaps;		/* steps lacking an A or an R */
};

/* The plan's matrix, in a; 404 for no such plan. */
int raci_matrix(struct db *db, struct arena *a, int64_t plan_id, struct raci_matrix *m,
		struct err *e);
/* "R", "(A)", "(A/R)"..., "" for an empty cell. */
const char *raci_cell_text(char cell);
json_t *raci_matrix_json(const struct raci_matrix *m);

/* --- publishing and the feed -------------------------------------------- */

struct publish_input {
	const char *note;
};
enum { PUB_NOTE = 1u << 0 };
extern const struct field publish_fields[];

/* What a person has to do in a published plan (as of now). */
struct feed_step {
	int64_t id;
	const char *name;
	const char *status;
	const char *due;	/* NULL for none */
	char role;		/* as in a matrix cell; 0 when only assigned */
};

struct publication {
	int64_t id;
	int64_t plan_id;
	const char *plan_name;
	int64_t at;		/* unix seconds */
	const char *by;
	const char *note;
	struct raci_person *to;	/* the recipients, by name (publication_get) */
	size_t nto;
	struct feed_step *steps;	/* the person's steps (person_feed) */
	size_t nsteps;
};

struct feed_query {
	int64_t limit;
};
enum { FQ_LIMIT = 1u << 0 };
extern const struct field feed_query_fields[];

/* Records a publication of the plan by by (a name for people) and sends
 * it to everyone in the plan: its owner, every assignee of its steps,
 * everyone with a RACI role. A plan with no one in it is a 409. */
int plan_publish(struct db *db, int64_t plan_id, const char *by, const struct publish_input *in,
		 unsigned set, int64_t *id, struct err *e);
/* A publication with its recipients, in a. */
int publication_get(struct db *db, struct arena *a, int64_t id, struct publication *p,
		    struct err *e);
/* What was published to person, newest first, each with the person's
 * steps in the plan; at most limit (0: all). 404 for no such person. */
int person_feed(struct db *db, struct arena *a, int64_t person_id, int64_t limit,
		struct publication **out, size_t *n, struct err *e);
json_t *publication_json(const struct publication *p);

/* Demo records: explicit roles and past publications (demo.c). */
int raci_demo(struct db *db, const char *today, struct err *e);

#endif
