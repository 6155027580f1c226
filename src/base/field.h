/* field: one table describes an entity's writable fields, and the CLI
 * (flags, query strings) and the API (JSON bodies) both parse through it,
 * so a rule is written once and its message is the same everywhere.
 *
 * Each input struct is filled in place: f->offset locates the value,
 * and f->bit is or-ed into *set when the field is given, so that PATCH and
 * "set" commands change only what was given. Text values point into the
 * caller's argv, JSON document or arena: they are not copied. */
#ifndef TANDEM_FIELD_H
#define TANDEM_FIELD_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "base/err.h"

enum field_type {
	FT_TEXT,	/* const char *; max = longest length in bytes */
	FT_INT,		/* int64_t within [min, max] */
	FT_ID,		/* int64_t > 0; 0 means none when nullable */
	FT_HOURS,	/* decimal hours in, int64_t minutes stored; min/max in minutes */
	FT_MONEY,	/* decimal amount in, int64_t cents stored; min/max in cents */
	FT_DECIMAL,	/* signed decimal, at most 2 places, int64_t x100 stored; min/max x100 */
	FT_DATE,	/* const char * "YYYY-MM-DD"; NULL means none when nullable */
	FT_ENUM,	/* const char *, one of choices */
	FT_BOOL,	/* int 0/1 */
};

struct field {
	const char *name;	/* JSON key; the CLI flag is --name with '-' for '_' */
	enum field_type type;
	size_t offset;
	unsigned bit;
	int64_t min, max;
	const char *const *choices;	/* NULL-terminated, FT_ENUM */
	int nullable;			/* "none" / JSON null clears the value */
	int required;			/* when creating */
	int arg;			/* the CLI: a CMD_NAME command's argument
					 * fills this field (default: "name") */
	const char *help;
};

/* Parses text (a CLI flag's or a query parameter's value) into obj. */
int field_from_text(const struct field *f, void *obj, unsigned *set,
		    const char *text, struct err *e);
/* Parses one JSON value into obj. */
int field_from_json(const struct field *f, void *obj, unsigned *set,
		    json_t *v, struct err *e);
/* Fills obj from a JSON object, refusing a non-object, unknown keys and
 * wrong types; fields is terminated by an entry with name NULL. */
int fields_from_json(const struct field *fields, void *obj, unsigned *set,
		     json_t *root, struct err *e);
/* Refuses when a required field is missing from *set. */
int fields_require(const struct field *fields, unsigned set, struct err *e);
const struct field *field_find(const struct field *fields, const char *name);

/* Length of the valid UTF-8 prefix of s (n bytes): n when all is valid. */
size_t utf8_valid_prefix(const char *s, size_t n);

/* Parses a non-negative decimal with at most `places` decimals into
 * an integer scaled by 10^places ("7.5", 2 -> 750). Returns -1 on junk. */
int field_parse_decimal(const char *s, int places, int64_t *out);
/* Parses a whole decimal integer, refusing junk and overflow. */
int field_parse_int(const char *s, int64_t *out);

#endif
