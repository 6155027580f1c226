/* problem: the problem log. A problem is opened by `control check` for
 * a deviation (rule cpi, spi, overdue, overload, burn or target, about
 * one subject), or by hand (rule 'manual', no subject). It moves open ->
 * investigating -> acting -> closed while people record its root cause
 * and corrective action; at most one problem per rule and subject is not
 * closed. A problem is overdue when its due day is before today and it
 * is not closed. */
#ifndef TANDEM_PROBLEM_H
#define TANDEM_PROBLEM_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

struct problem {
	int64_t id;
	int64_t unit_id;
	const char *unit_name;
	const char *rule;
	const char *subject_kind;	/* "" for a manual problem */
	int64_t subject_id;		/* 0 for none */
	const char *subject_name;	/* the plan's, step's, person's or target's name, or "" */
	const char *title;
	const char *detail;
	int64_t severity;
	const char *found;
	const char *root_cause;
	const char *action;
	int64_t owner_id;
	const char *owner_name;		/* NULL for none */
	const char *due;		/* NULL for none */
	const char *status;
	const char *closed;		/* NULL while not closed */
	int overdue;			/* due < today and not closed */
};

enum {
	PB_TITLE = 1u << 0,
	PB_UNIT = 1u << 1,
	PB_OWNER = 1u << 2,
	PB_DUE = 1u << 3,
	PB_SEVERITY = 1u << 4,
	PB_DETAIL = 1u << 5,
	PB_ROOT = 1u << 6,
	PB_ACTION = 1u << 7,
	PB_STATUS = 1u << 8,
};

struct problem_input {
	const char *title;
	int64_t unit_id;
	int64_t owner_id;
	const char *due;
	int64_t severity;
	const char *detail;
	const char *root_cause;
	const char *action;
	const char *status;
};
extern const char *const problem_statuses[];	/* open, investigating, acting, closed */
/* add: title, unit (required), owner, due, severity, detail */
extern const struct field problem_fields[];
/* set: title, owner, due, severity, detail, root_cause, action, status */
extern const struct field problem_set_fields[];

struct problem_filter {
	int64_t unit_id;	/* with its subtree */
	const char *status;
	int open;		/* 1: not closed */
	const char *rule;
	int64_t limit, offset;
};
enum { PBF_UNIT = 1u << 0, PBF_STATUS = 1u << 1, PBF_OPEN = 1u << 2, PBF_RULE = 1u << 3,
       PBF_LIMIT = 1u << 4, PBF_OFFSET = 1u << 5 };
extern const struct field problem_filter_fields[];

/* Adds a manual problem (rule 'manual', no subject) found today.
 * Refuses a due day before the day found, an unknown unit or owner. */
int problem_add(struct db *db, const struct problem_input *in, unsigned set, int64_t *id,
		struct err *e);
int problem_get(struct db *db, struct arena *a, int64_t id, struct problem *p, struct err *e);
/* Newest first within the filter; overdue marked as of today. */
int problem_list(struct db *db, struct arena *a, const struct problem_filter *f, unsigned fset,
		 struct problem **out, size_t *n, struct err *e);
/* Changes the given fields. Closing sets closed = today, reopening clears
 * it; reopening is refused (409) while another problem of the same rule
 * and subject is open. A due day before the day found is refused. */
int problem_set(struct db *db, int64_t id, const struct problem_input *in, unsigned set,
		struct err *e);
/* Removes a manual problem; one a check opened is closed instead (409). */
int problem_rm(struct db *db, int64_t id, struct err *e);
json_t *problem_json(const struct problem *p);

/* The agenda of a unit's subtree (0: everything): its open problems by
 * severity (3 first), then overdue first, then oldest found, then id. */
int problem_agenda(struct db *db, struct arena *a, int64_t unit_id, struct problem **out,
		   size_t *n, struct err *e);

/* Used by control_check, inside its transaction: opens a problem for
 * (rule, kind, subject) unless one is open; *id gets the open one and
 * *opened says which. */
int problem_open_once(struct db *db, const char *rule, const char *kind, int64_t subject,
		      int64_t unit_id, const char *title, const char *detail, int severity,
		      const char *found, int64_t *id, int *opened, struct err *e);

#endif
