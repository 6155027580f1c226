/* html: the one way the web UI writes HTML.
 *
 * Escaping is the default: html_printf escapes every %s argument for
 * HTML text and quoted attributes alike (& < > " '), so a value from the
 * database or the request can never become markup. Raw markup goes in
 * only through html_raw, which accepts string literals alone (the macro
 * does not compile with a variable), or as a whole fragment that was
 * itself built with these functions (html_fragment). URL parts are
 * percent-encoded with html_url_part.
 *
 * The page layout (page_begin/page_end) and the form widgets that every
 * page shares live here too, so that landmarks, labels and error
 * messages look and behave the same everywhere. */
#ifndef TANDEM_HTML_H
#define TANDEM_HTML_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "web/api.h"

/* Escapes s (NULL writes nothing) for HTML text; invalid UTF-8 bytes
 * become U+FFFD. */
void html_text(struct buf *b, const char *s);
/* The same escaping, for the inside of a double-quoted attribute. */
void html_attr(struct buf *b, const char *s);
/* Percent-encodes every byte of s but A-Z a-z 0-9 - . _ ~ (RFC 3986
 * unreserved), for a path segment or a query value. */
void html_url_part(struct buf *b, const char *s);

/* printf with escaping: %s arguments are escaped as html_text does (NULL
 * writes nothing; a precision cuts at a UTF-8 boundary); numbers (%d %i
 * %u %x %ld %lld %zu %f %g ... with flags, width and precision) and %%
 * are as printf. There is deliberately no way to pass raw markup. */
void html_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void html_vprintf(struct buf *b, const char *fmt, va_list ap);

/* Raw markup: string literals only ("" lit "" fails to compile for a
 * variable). */
#define html_raw(b, lit) html_raw_n((b), "" lit "", sizeof(lit) - 1)
void html_raw_n(struct buf *b, const char *s, size_t n);
/* Appends markup that was built with these functions (a chart, a row). */
void html_fragment(struct buf *b, const struct buf *html);

/* --- the layout ------------------------------------------------------ */

/* Starts r's page: content type, the document head, the header with the
 * skip link, the navigation (nav names the current item: "home",
 * "manage" (the overview, and the management pages reached from it),
 * "targets", "plans", "steps", "time", "staffing", "problems"; "lead"
 * (the leadership overview and the pages reached from it), "direction",
 * "alignment", "recognitions", "ideas", "pulses"; "units", "people",
 * "calendar", "audit"; NULL for none) and the
 * signed-in person with a sign-out button, then opens <main>. Resets
 * r->page first. */
void page_begin(struct req *r, const char *title, const char *nav);
/* Closes <main>, the footer and the document. */
void page_end(struct req *r);
/* <input type="hidden" name="csrf" value="..."> of r's session. */
void html_csrf(struct buf *b, const struct req *r);

/* --- form widgets ----------------------------------------------------- */

/* One labelled input. An error of r->e naming this field (err->field ==
 * name) is shown beside it, tied with aria-describedby and
 * aria-invalid. */
struct input {
	const char *name;	/* the form key; the element id is "f-" name */
	const char *id;		/* or "f-" id, for a page with two forms naming one key */
	const char *label;
	const char *type;	/* "text" (default), "date", "number", "password", "email" */
	const char *value;	/* NULL for empty */
	const char *hint;	/* a line of help under the label, or NULL */
	const char *step;	/* number inputs: "any", "0.25"...; NULL for none */
	const char *min;
	const char *autocomplete;
	int required;
	int autofocus;
	int maxlength;		/* 0 for none */
};
void html_input(struct buf *b, const struct input *in, const struct err *e);

struct option {
	const char *value, *label;
};
/* A labelled <select>; the option whose value equals selected is
 * selected. */
struct select {
	const char *name, *label, *hint;
	const char *id;		/* the element id is "f-" id; NULL: the name (a page
				 * with two forms naming one key gives one of them its own) */
	const struct option *options;
	size_t n;
	const char *selected;
	int required;
};
void html_select(struct buf *b, const struct select *s, const struct err *e);

/* The message of a failed form above it (role="alert"), linking to the
 * field it names when the form has one (has_field). */
void html_form_error(struct buf *b, const struct err *e, int has_field);

/* The pager of a list: "Page 2 of 5" with previous and next links. base
 * is the path with the query so far (already escaped, ending in '?' or
 * '&'). */
void html_pager(struct buf *b, const char *base, int64_t page, int64_t pages);

/* "YYYY-MM-DD" of a day number. */
const char *html_day(struct arena *a, int32_t day);
/* Minutes as hours with at most two decimals: 90 -> "1.5", 0 -> "0". */
void html_hours(struct buf *b, int64_t minutes);
/* Cents as an amount with two decimals and thousands separators. */
void html_money(struct buf *b, int64_t cents);

#endif
