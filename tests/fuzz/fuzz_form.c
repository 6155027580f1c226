/* fuzz_form: form bodies (application/x-www-form-urlencoded) on any
 * bytes. An accepted body must give at most FORM_MAX_PAIRS pairs of
 * valid UTF-8 text; encoding those pairs again (a second method: every
 * byte but the unreserved ones as %XX) and parsing that must give the
 * same pairs; a refusal is a 400 with an empty form. form_fill must
 * never crash on what was accepted. */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "web/form.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct obj {
	const char *text;
	int64_t num, id;
	const char *day;
};

static const struct field fields[] = {
	{.name = "text", .type = FT_TEXT, .offset = offsetof(struct obj, text), .bit = 1,
	 .max = 20, .required = 1},
	{.name = "num", .type = FT_INT, .offset = offsetof(struct obj, num), .bit = 2, .min = -5,
	 .max = 1440},
	{.name = "id", .type = FT_ID, .offset = offsetof(struct obj, id), .bit = 4, .nullable = 1},
	{.name = "day", .type = FT_DATE, .offset = offsetof(struct obj, day), .bit = 8,
	 .nullable = 1},
	{0},
};

static void encode(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			buf_putc(b, (char)*p);
		else
			buf_printf(b, "%%%c%c", hex[*p >> 4], hex[*p & 15]);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct form f;
	struct err e = {0};
	if (form_parse(&a, (const char *)data, size, &f, &e) != 0) {
		assert(e.status == 400 || e.status == 500);
		assert(f.n == 0);
		arena_free(&a);
		return 0;
	}
	assert(f.n <= FORM_MAX_PAIRS);
	struct buf again = BUF_INIT;
	for (size_t i = 0; i < f.n; i++) {
		size_t kn = strlen(f.v[i].key), vn = strlen(f.v[i].value);
		assert(utf8_valid_prefix(f.v[i].key, kn) == kn);
		assert(utf8_valid_prefix(f.v[i].value, vn) == vn);
		if (i)
			buf_putc(&again, '&');
		encode(&again, f.v[i].key);
		buf_putc(&again, '=');
		encode(&again, f.v[i].value);
	}
	struct form g;
	struct err e2 = {0};
	int rc = form_parse(&a, again.s ? again.s : "", again.len, &g, &e2);
	assert(rc == 0);
	assert(g.n == f.n);
	for (size_t i = 0; i < f.n; i++) {
		assert(strcmp(f.v[i].key, g.v[i].key) == 0);
		assert(strcmp(f.v[i].value, g.v[i].value) == 0);
	}
	struct obj o = {0};
	unsigned set = 0;
	struct err e3 = {0};
	if (form_fill(&f, fields, &o, &set, &e3) != 0)
		assert(e3.status == 400 && e3.field[0]);
	set = 0;
	struct err e4 = {0};
	if (form_fill_edit(&f, fields, &o, &set, &e4) != 0)
		assert(e4.status == 400 && e4.field[0]);
	buf_free(&again);
	arena_free(&a);
	return 0;
}
