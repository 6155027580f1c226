/* person: the people of the organization: their unit, manager, job
 * title, hourly cost rate and weekly capacity. An email is unique; the
 * manager chain never loops; a person still referenced by plans, steps,
 * time entries or reports is not removed. */
#ifndef TANDEM_PERSON_H
#define TANDEM_PERSON_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

struct person {
	int64_t id;
	const char *name;
	const char *email;
	int64_t unit_id;
	const char *unit_name;
	int64_t manager_id;	/* 0 for none */
	const char *manager_name;
	const char *title;
	int64_t rate_cents;	/* hourly cost rate */
	int64_t capacity_minutes;	/* per week */
	int64_t reports;	/* direct reports (show only) */
};

enum {
	PERSON_NAME = 1u << 0,
	PERSON_EMAIL = 1u << 1,
	PERSON_UNIT = 1u << 2,
	PERSON_MANAGER = 1u << 3,
	PERSON_TITLE = 1u << 4,
	PERSON_RATE = 1u << 5,
	PERSON_CAPACITY = 1u << 6,
};

struct person_input {
	const char *name;
	const char *email;
	int64_t unit_id;
	int64_t manager_id;
	const char *title;
	int64_t rate_cents;
	int64_t capacity_minutes;
};
extern const struct field person_fields[];

struct person_filter {
	int64_t unit_id;	/* with its subtree */
	int64_t manager_id;
	int64_t limit, offset;
};
enum { PF_UNIT = 1u << 0, PF_MANAGER = 1u << 1, PF_LIMIT = 1u << 2, PF_OFFSET = 1u << 3 };
extern const struct field person_filter_fields[];

int person_add(struct db *db, const struct person_input *in, unsigned set, int64_t *id,
	       struct err *e);
int person_get(struct db *db, struct arena *a, int64_t id, struct person *p, struct err *e);
int person_list(struct db *db, struct arena *a, const struct person_filter *f, unsigned fset,
		struct person **out, size_t *n, struct err *e);
int person_set(struct db *db, int64_t id, const struct person_input *in, unsigned set,
	       struct err *e);
int person_rm(struct db *db, int64_t id, struct err *e);
/* Every person's name by id: (*names)[id], NULL where no person has that
 * id; *max_id is the largest id. In a. Fails (ERR_TOO_LARGE) when ids
 * run past limit, so that callers can fall back to a join. */
int person_names(struct db *db, struct arena *a, int64_t limit, const char ***names,
		 int64_t *max_id, struct err *e);
int person_must_exist(struct db *db, int64_t id, const char *field, struct err *e);
json_t *person_json(const struct person *p);

#endif
