/* copy: copies every record of one tandem database into another, empty
 * one (SQLite to PostgreSQL and back), in one transaction, verifying the
 * row counts before it commits. */
#ifndef TANDEM_COPY_H
#define TANDEM_COPY_H

#include <stdint.h>

#include "store/db.h"

struct copy_table {
	const char *name;
	int64_t rows;	/* copied (and counted again in the target) */
};

typedef void (*copy_progress_fn)(void *ctx, const char *table, int64_t done, int64_t total);

/* The tables copied, in the order copied (parents before children). */
int copy_ntables(void);
const char *copy_table_name(int i);
/* The columns of table i, as "a,b,c", in the order copied. */
const char *copy_table_columns(int i);

/* Copies from into to; to must be at the same schema version and hold
 * no records (ERR_CONFLICT naming "to" otherwise). out has copy_ntables()
 * entries. Either every row arrives or none does. */
int db_copy(struct db *from, struct db *to, copy_progress_fn progress, void *ctx,
	    struct copy_table *out, struct err *e);

#endif
