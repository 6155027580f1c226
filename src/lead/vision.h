/* vision: where the organization is going. One current vision for the
 * whole organization (unit_id NULL) and optionally one per unit, which
 * says how it serves the organization's. Nothing is edited in place:
 * setting a vision writes a new version (previous + 1) and retires the
 * current one of that scope, in one transaction. A review date before
 * today flags the vision "due for review". */
#ifndef TANDEM_VISION_H
#define TANDEM_VISION_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

struct vision {
	int64_t id;
	int64_t unit_id;	/* 0: the organization's */
	const char *unit;	/* the unit's name, NULL for the organization's */
	int64_t version;
	const char *statement;
	int64_t horizon;	/* a year */
	const char *review_date;	/* NULL for none */
	const char *serves;	/* "" for the organization's */
	int current;
	const char *author;
	int64_t created_at;	/* unix seconds */
	int due;		/* review_date before today */
};

enum {
	VI_STATEMENT = 1u << 0,
	VI_HORIZON = 1u << 1,
	VI_REVIEW = 1u << 2,
	VI_UNIT = 1u << 3,
	VI_SERVES = 1u << 4,
};
struct vision_input {
	const char *statement;
	int64_t horizon;
	const char *review_date;
	int64_t unit_id;
	const char *serves;
};
extern const struct field vision_fields[];

/* ?unit_id= / --unit of show and history */
struct vision_filter {
	int64_t unit_id;
};
enum { VIF_UNIT = 1u << 0 };
extern const struct field vision_filter_fields[];

/* Writes a new current version for the scope of in->unit_id (none: the
 * organization). Refuses an empty statement, a horizon outside
 * 2000-2200 (400), a unit's vision without serves, the organization's
 * with one (400 naming serves), an unknown unit (404). author is who
 * wrote it ("cli:USER", an account's login). */
int vision_set(struct db *db, const struct vision_input *in, unsigned set, const char *author,
	       int64_t *id, struct err *e);
/* The current vision of unit_id (0: the organization's); 404 when it has
 * none or the unit does not exist. */
int vision_current(struct db *db, struct arena *a, int64_t unit_id, struct vision *v,
		   struct err *e);
/* Every version of a scope, newest first (none is an empty list; an
 * unknown unit is a 404). */
int vision_history(struct db *db, struct arena *a, int64_t unit_id, struct vision **out,
		   size_t *n, struct err *e);
/* Every current vision: the organization's first, then the units' by
 * unit name; with unit_id, the organization's and those of unit_id's
 * subtree. */
int vision_list(struct db *db, struct arena *a, int64_t unit_id, struct vision **out,
		size_t *n, struct err *e);
json_t *vision_json(const struct vision *v);

#endif
