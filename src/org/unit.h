/* unit: the org tree. Units nest to any depth; a unit is removed only
 * when it has neither people, plans nor child units, and it never moves
 * under itself or its own subtree. */
#ifndef TANDEM_UNIT_H
#define TANDEM_UNIT_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

struct unit {
	int64_t id;
	const char *name;
	int64_t parent_id;	/* 0 for a root */
	const char *parent_name;	/* unit_get only */
	int depth;		/* 0 for a root (listings only) */
	int64_t people;		/* people directly in the unit */
	int64_t children;
};

enum { UNIT_NAME = 1u << 0, UNIT_PARENT = 1u << 1 };

struct unit_input {
	const char *name;
	int64_t parent_id;
};
extern const struct field unit_fields[];

int unit_add(struct db *db, const struct unit_input *in, unsigned set, int64_t *id,
	     struct err *e);
/* Fills *u (strings in a) or fails with 404. */
int unit_get(struct db *db, struct arena *a, int64_t id, struct unit *u, struct err *e);
/* All units in tree order (each parent before its children, siblings by
 * name), with depth. */
int unit_list(struct db *db, struct arena *a, struct unit **out, size_t *n, struct err *e);
/* Renames and/or moves (UNIT_PARENT; parent 0 makes it a root). */
int unit_set(struct db *db, int64_t id, const struct unit_input *in, unsigned set,
	     struct err *e);
int unit_rm(struct db *db, int64_t id, struct err *e);
/* 404 unless the unit exists; field names the input field for messages. */
int unit_must_exist(struct db *db, int64_t id, const char *field, struct err *e);
json_t *unit_json(const struct unit *u);

/* The recursive CTE that lists a unit's subtree (the unit included) as
 * "subtree(id)", bound by :unit. Shared by every --unit filter. */
#define UNIT_SUBTREE_CTE                                                  \
	"WITH RECURSIVE subtree(id) AS (SELECT id FROM unit WHERE id = :unit " \
	"UNION ALL SELECT u.id FROM unit u JOIN subtree t ON u.parent_id = t.id) "

#endif
