/* value: the organization's values, a short ordered list (name,
 * description, position) that recognitions name. Written by admins; a
 * value is removed only while no recognition names it. */
#ifndef TANDEM_VALUE_H
#define TANDEM_VALUE_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

struct org_value {
	int64_t id;
	const char *name, *description;
	int64_t position;
	int64_t recognitions;	/* how many name it */
};

enum { VAL_NAME = 1u << 0, VAL_DESCRIPTION = 1u << 1, VAL_POSITION = 1u << 2 };
struct value_input {
	const char *name, *description;
	int64_t position;
};
extern const struct field value_fields[];

/* Refuses an empty name (400) and a name already taken (409). Without a
 * position the value goes last. */
int value_add(struct db *db, const struct value_input *in, unsigned set, int64_t *id,
	      struct err *e);
int value_get(struct db *db, struct arena *a, int64_t id, struct org_value *v, struct err *e);
/* By position, then name. */
int value_list(struct db *db, struct arena *a, struct org_value **out, size_t *n,
	       struct err *e);
int value_set(struct db *db, int64_t id, const struct value_input *in, unsigned set,
	      struct err *e);
/* 409 while a recognition names it. */
int value_rm(struct db *db, int64_t id, struct err *e);
json_t *value_json(const struct org_value *v);

#endif
