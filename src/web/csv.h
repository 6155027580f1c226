/* csv: CSV downloads of the web UI's tables (RFC 4180).
 *
 * A field holding a comma, a double quote, CR or LF is quoted, with its
 * quotes doubled. A text cell that a spreadsheet would read as a formula
 * (starting with = + - @, tab or CR) gets a leading apostrophe, so that
 * opening a download never runs what someone typed into a name. Rows end
 * in CRLF. */
#ifndef TANDEM_CSV_H
#define TANDEM_CSV_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"

struct csv {
	struct buf *b;
	int col;	/* cells written in the current row */
};

/* A text cell (NULL is an empty cell). */
void csv_text(struct csv *c, const char *s);
/* A number cell, written as it is. */
void csv_int(struct csv *c, int64_t v);
/* A record's id, or an empty cell for 0 (none). */
void csv_id(struct csv *c, int64_t id);
/* The header row: n column names, then the end of the row. */
void csv_header(struct csv *c, const char *const *names, size_t n);
/* Minutes as decimal hours ("1.5"), cents as an amount ("12.50"). */
void csv_hours(struct csv *c, int64_t minutes);
void csv_money(struct csv *c, int64_t cents);
/* Ends the row. */
void csv_end(struct csv *c);

#endif
