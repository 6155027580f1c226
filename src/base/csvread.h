/* csvread: an RFC 4180 reader for imports. Fields are separated by
 * commas, records by CRLF or LF; a field in double quotes may hold
 * commas, line breaks and doubled quotes (""). A quote inside an
 * unquoted field, text after a closing quote, or an unterminated quoted
 * field is an error. */
#ifndef TANDEM_CSVREAD_H
#define TANDEM_CSVREAD_H

#include <stddef.h>

#include "base/arena.h"

struct csvread {
	const char *p, *end;
	size_t line; /* the line the next record starts on, 1-based */
};

void csvread_init(struct csvread *c, const char *text, size_t len);
/* Reads the next record into *fields (n of them, NUL-terminated copies
 * in a) and sets *line to the line it started on. Returns 1 for a
 * record, 0 at the end, -1 for malformed input (*line: where). An empty
 * line is a record of one empty field. */
int csvread_next(struct csvread *c, struct arena *a, char ***fields, size_t *n, size_t *line);

#endif
