/* stakeholder: people outside the org chart (customers, suppliers, the
 * board...) whom communications reach. Each may have a relationship owner,
 * a person who records the stakeholder's alignment state. */
#ifndef TANDEM_STAKEHOLDER_H
#define TANDEM_STAKEHOLDER_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

struct stakeholder {
	int64_t id;
	const char *name, *kind, *note;
	int64_t owner_id;	/* 0: none */
	const char *owner;	/* the owner's name, or NULL */
};

enum { SH_NAME = 1u << 0, SH_KIND = 1u << 1, SH_OWNER = 1u << 2, SH_NOTE = 1u << 3 };

struct stakeholder_input {
	const char *name, *kind;
	int64_t owner_id;
	const char *note;
};
extern const struct field stakeholder_fields[];

struct stakeholder_filter {
	const char *kind;
	int64_t owner_id;
};
enum { SHF_KIND = 1u << 0, SHF_OWNER = 1u << 1 };
extern const struct field stakeholder_filter_fields[];

int stakeholder_add(struct db *db, const struct stakeholder_input *in, unsigned set,
		    int64_t *id, struct err *e);
/* Fills *s in a; 404 when there is no such stakeholder. */
int stakeholder_get(struct db *db, struct arena *a, int64_t id, struct stakeholder *s,
		    struct err *e);
int stakeholder_list(struct db *db, struct arena *a, const struct stakeholder_filter *f,
		     unsigned fset, struct stakeholder **out, size_t *n, struct err *e);
int stakeholder_set(struct db *db, int64_t id, const struct stakeholder_input *in,
		    unsigned set, struct err *e);
/* Refuses (409) a stakeholder that received a communication. */
int stakeholder_rm(struct db *db, int64_t id, struct err *e);
int stakeholder_must_exist(struct db *db, int64_t id, const char *field, struct err *e);
json_t *stakeholder_json(const struct stakeholder *s);

#endif
