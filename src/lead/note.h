/* note: coaching and feedback notes between a person and their manager
 * (person.manager_id). A note has an author and the person it is about
 * (the other of the pair); the two alone read it. Writing needs that one
 * of them is the other's manager at the time of writing.
 *
 * Privacy lives here, not in the front-ends: every read takes the
 * person asking (party) and answers 404 for a note they are not party
 * to, whatever their role. Only the CLI's local operator, who holds the
 * database anyway, reads by naming a person (docs/leadership.md). */
#ifndef TANDEM_NOTE_H
#define TANDEM_NOTE_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

struct coaching_note {
	int64_t id;
	int64_t author_id;
	const char *author;
	int64_t about_id;
	const char *about;
	const char *kind;	/* "coaching" or "feedback" */
	const char *body;
	const char *day;
};

enum {
	NOTE_AUTHOR = 1u << 0,
	NOTE_ABOUT = 1u << 1,
	NOTE_KIND = 1u << 2,
	NOTE_BODY = 1u << 3,
	NOTE_DAY = 1u << 4,
};
struct note_input {
	int64_t author_id, about_id;
	const char *kind, *body, *day;
};
extern const char *const note_kinds[];
/* about, kind, body, day: the author is the signed-in person (API, pages) */
extern const struct field note_fields[];
/* the same with author_id first: the CLI names both */
extern const struct field note_cli_fields[];

struct note_filter {
	int64_t person_id;	/* the party: notes they wrote or are about them */
	int64_t with_id;	/* only those with this other person */
};
enum { NOTF_PERSON = 1u << 0, NOTF_WITH = 1u << 1 };
extern const struct field note_filter_fields[];

/* Adds a note by in->author_id about in->about_id: 400 for a missing or
 * empty body, the same person twice or a bad kind or day; 404 for an
 * unknown person; 403 unless one is the other's manager. Day defaults
 * to today. */
int note_add(struct db *db, const struct note_input *in, unsigned set, int64_t *id,
	     struct err *e);
/* The note, if party is its author or its subject; 404 otherwise, as if
 * it did not exist. */
int note_get(struct db *db, struct arena *a, int64_t id, int64_t party,
	     struct coaching_note *n, struct err *e);
/* The notes f->person_id is party to (required), newest day first. */
int note_list(struct db *db, struct arena *a, const struct note_filter *f, unsigned fset,
	      struct coaching_note **out, size_t *n, struct err *e);
/* Removes a note its author wrote: 404 for anyone not party, 403 for
 * the other party. */
int note_rm(struct db *db, int64_t id, int64_t author, struct err *e);
/* The people party may write to: their manager and their direct
 * reports, by name (ids and names in a). */
struct note_peer {
	int64_t id;
	const char *name;
	int is_manager;		/* 1: party's manager; 0: one of their reports */
};
int note_peers(struct db *db, struct arena *a, int64_t party, struct note_peer **out,
	       size_t *n, struct err *e);
json_t *note_json(const struct coaching_note *n);

#endif
