/* audit: a record of every write: who, when, through what (CLI, API or
 * web UI), what (the command or the method and path), and the record it
 * touched. Written in the same transaction as the write it records. */
#ifndef TANDEM_AUDIT_H
#define TANDEM_AUDIT_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "org/access.h"
#include "store/db.h"

struct audit_entry {
	int64_t id;
	int64_t at;	/* unix seconds */
	const char *actor;
	const char *via;	/* "cli", "api", "ui" */
	const char *action;
	int64_t entity_id;
	const char *detail;
};

int audit_write(struct db *db, const struct actor *who, const char *action, int64_t entity_id,
		const char *detail, struct err *e);
/* The newest first; limit/offset page. */
int audit_list(struct db *db, struct arena *a, int64_t limit, int64_t offset,
	       struct audit_entry **out, size_t *n, struct err *e);
json_t *audit_json(const struct audit_entry *x);

#endif
