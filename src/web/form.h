/* form: HTML form bodies (application/x-www-form-urlencoded).
 *
 * The core parses a ROUTE_FORM body with form_parse before checking its
 * csrf field; handlers read it with form_get, or fill a domain input
 * struct through the entity's field table with form_fill, so that a form
 * is validated by the same rules and messages as the CLI and the API. */
#ifndef TANDEM_FORM_H
#define TANDEM_FORM_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "web/api.h"

enum { FORM_MAX_PAIRS = 200 };

/* Decodes body (len bytes, need not be NUL-terminated) into out: pairs
 * split on '&', key and value on the first '=', '+' as a space, %XX as
 * that byte. Empty pieces ("a=1&&b=2") are skipped; a piece without '='
 * has the value "". Keys and values live in a. Refuses (400) a bad %
 * escape, a NUL byte, invalid UTF-8 and more than FORM_MAX_PAIRS pairs;
 * out is then empty. */
int form_parse(struct arena *a, const char *body, size_t len, struct form *out,
	       struct err *e);

/* The first value of key, or NULL when the form has none. */
const char *form_get(const struct form *f, const char *key);

/* Fills obj from the form through fields, as api_body does from JSON,
 * for a create: an empty value means "not given" (a browser sends every
 * input, filled or not), keys the table does not know (csrf, buttons)
 * are ignored, and a key given twice is a 400. */
int form_fill(const struct form *f, const struct field *fields, void *obj, unsigned *set,
	      struct err *e);
/* The same for an edit form, where every input shows the current value:
 * an empty value clears a nullable field (as "none" does) and is
 * checked by the field's rule otherwise (an empty required name is
 * refused). */
int form_fill_edit(const struct form *f, const struct field *fields, void *obj, unsigned *set,
		   struct err *e);

#endif
