/* test_base: proves the contracts of src/base/ other than dates.
 *
 *   buf    grows across many appends, prints strings longer than its
 *          256-byte stack buffer, resets, and keeps a failure sticky;
 *   arena  returns 16-byte aligned zeroed memory, formats, reuses its
 *          first block after a reset, and serves allocations > 64 KiB;
 *   err    keeps the first error and maps statuses to the exit codes
 *          listed in base/err.h;
 *   field  parses decimals, integers and every field type from text and
 *          from JSON with the messages the CLI and the API show;
 *   json   reports malformed input as a 400 naming line and column.
 *
 * Expected values are worked by hand in the comments next to them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/field.h"
#include "base/json.h"

#include "testutil.h"

/* ---- buf ---- */

static void test_buf_empty_is_empty_string(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	assert_string_equal(buf_str(&b), "");
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

static void test_buf_grows_across_many_appends(void **state)
{
	(void)state;
	/* 5000 appends of "<i>," for i = 0..4999: the text is the numbers
	 * joined by commas. Length by hand: 10 one-digit numbers, 90 two-digit,
	 * 900 three-digit, 4000 four-digit, each with a comma:
	 * 10*2 + 90*3 + 900*4 + 4000*5 = 20 + 270 + 3600 + 20000 = 23890. */
	struct buf b = BUF_INIT;
	for (int i = 0; i < 5000; i++) {
		char tmp[16];
		snprintf(tmp, sizeof tmp, "%d", i);
		if (i % 3 == 0) {
			buf_puts(&b, tmp);
			buf_putc(&b, ',');
		} else if (i % 3 == 1) {
			buf_printf(&b, "%d,", i);
		} else {
			buf_putn(&b, tmp, strlen(tmp));
			buf_putn(&b, ",xyz", 1);
		}
	}
	assert_false(b.failed);
	assert_int_equal(b.len, 23890);
	assert_int_equal(strlen(buf_str(&b)), 23890);
	assert_true(b.cap > b.len);
	/* read it back by walking the commas: a second method */
	const char *p = buf_str(&b);
	for (int i = 0; i < 5000; i++) {
		char *end;
		long v = strtol(p, &end, 10);
		assert_int_equal(v, i);
		assert_int_equal(*end, ',');
		p = end + 1;
	}
	assert_int_equal(*p, '\0');
	buf_free(&b);
	assert_null(b.s);
	assert_int_equal(b.cap, 0);
}

static void test_buf_printf_longer_than_stack_buffer(void **state)
{
	(void)state;
	/* 300 and 1000 character arguments do not fit the 256-byte first try;
	 * the expected text is built with memset, independently of buf. */
	char a300[301], a1000[1001], want[1400];
	memset(a300, 'a', 300);
	a300[300] = '\0';
	memset(a1000, 'Z', 1000);
	a1000[1000] = '\0';
	struct buf b = BUF_INIT;
	buf_puts(&b, "head:");
	buf_printf(&b, "%s|%d", a300, 42);
	/* "head:" + 300 a + "|42" = 5 + 300 + 3 = 308 */
	assert_int_equal(b.len, 308);
	memcpy(want, "head:", 5);
	memset(want + 5, 'a', 300);
	memcpy(want + 305, "|42", 4);
	assert_string_equal(buf_str(&b), want);

	buf_printf(&b, "[%s]", a1000);
	assert_int_equal(b.len, 308 + 1002);
	assert_int_equal(buf_str(&b)[308], '[');
	assert_int_equal(buf_str(&b)[309], 'Z');
	assert_int_equal(buf_str(&b)[1308], 'Z');
	assert_int_equal(buf_str(&b)[1309], ']');
	assert_int_equal(buf_str(&b)[1310], '\0');

	/* exactly 255 and 256 characters: the boundary of the stack buffer */
	char a255[256];
	memset(a255, 'q', 255);
	a255[255] = '\0';
	buf_reset(&b);
	buf_printf(&b, "%s", a255);
	assert_int_equal(b.len, 255);
	buf_printf(&b, "%s!", a255);
	assert_int_equal(b.len, 511);
	assert_int_equal(buf_str(&b)[510], '!');
	buf_free(&b);
}

static void test_buf_reset_keeps_memory(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	buf_puts(&b, "hello world");
	char *mem = b.s;
	size_t cap = b.cap;
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(buf_str(&b), "");
	assert_ptr_equal(b.s, mem);
	assert_int_equal(b.cap, cap);
	buf_puts(&b, "again");
	assert_string_equal(buf_str(&b), "again");
	buf_free(&b);
}

static void test_buf_failure_is_sticky(void **state)
{
	(void)state;
	/* Asking for more than half the address space cannot be met: the
	 * doubling stops at SIZE_MAX/2 and marks the buffer failed before
	 * touching memory. Every later call is a no-op and buf_str is "". */
	struct buf b = BUF_INIT;
	buf_puts(&b, "before");
	buf_putn(&b, "x", SIZE_MAX / 2 + 10);
	assert_true(b.failed);
	assert_string_equal(buf_str(&b), "");
	size_t len = b.len;
	assert_int_equal(len, 6);
	buf_puts(&b, "more");
	buf_putc(&b, 'c');
	buf_printf(&b, "%d", 12345);
	assert_true(b.failed);
	assert_int_equal(b.len, len);
	assert_string_equal(buf_str(&b), "");
	/* a reset starts a new text */
	buf_reset(&b);
	assert_false(b.failed);
	buf_puts(&b, "ok");
	assert_string_equal(buf_str(&b), "ok");
	buf_free(&b);
}

/* ---- arena ---- */

static int all_zero(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return 0;
	return 1;
}

static void test_arena_alignment_and_zeroing(void **state)
{
	(void)state;
	struct arena a = ARENA_INIT;
	/* odd sizes: each result still starts on a 16-byte boundary */
	static const size_t sizes[] = {1, 3, 15, 16, 17, 31, 33, 100, 7, 1000, 2};
	for (int round = 0; round < 50; round++) {
		for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
			unsigned char *p = arena_alloc(&a, sizes[i]);
			assert_non_null(p);
			assert_int_equal((uintptr_t)p % 16, 0);
			assert_true(all_zero(p, sizes[i]));
			memset(p, 0xAB, sizes[i]);	/* dirty it for the next round */
		}
	}
	arena_free(&a);
	assert_null(a.head);
	assert_int_equal(a.total, 0);
}

static void test_arena_uninit_is_aligned_and_separate(void **state)
{
	(void)state;
	/* arena_alloc_uninit: the same alignment, no zeroing promised; it
	 * must not overlap what arena_alloc hands out next, which is zeroed */
	struct arena a = ARENA_INIT;
	for (int i = 0; i < 2000; i++) {
		unsigned char *u = arena_alloc_uninit(&a, (size_t)(i % 97) + 1);
		assert_non_null(u);
		assert_int_equal((uintptr_t)u % 16, 0);
		memset(u, 0xEE, (size_t)(i % 97) + 1);
		unsigned char *z = arena_alloc(&a, 40);
		assert_int_equal((uintptr_t)z % 16, 0);
		assert_true(all_zero(z, 40));
		assert_true(z >= u + (i % 97) + 1 || z + 40 <= u);
	}
	arena_free(&a);
}

static void test_arena_strings(void **state)
{
	(void)state;
	struct arena a = ARENA_INIT;
	assert_null(arena_strdup(&a, NULL));
	assert_null(arena_strndup(&a, NULL, 3));
	assert_string_equal(arena_strdup(&a, "tandem"), "tandem");
	assert_string_equal(arena_strndup(&a, "tandem", 3), "tan");
	char *s = arena_printf(&a, "%s-%03d-%c", "step", 7, 'x');
	assert_string_equal(s, "step-007-x");
	assert_int_equal((uintptr_t)s % 16, 0);
	/* a formatted string longer than any small buffer: 2000 'k' + "!" */
	char big[2001];
	memset(big, 'k', 2000);
	big[2000] = '\0';
	char *l = arena_printf(&a, "%s!", big);
	assert_int_equal(strlen(l), 2001);
	assert_int_equal(l[1999], 'k');
	assert_int_equal(l[2000], '!');
	arena_free(&a);
}

static void test_arena_reset_then_reuse(void **state)
{
	(void)state;
	struct arena a = ARENA_INIT;
	unsigned char *first = arena_alloc(&a, 100);
	memset(first, 0x5A, 100);
	/* fill past the first 64 KiB block so a second block exists */
	for (int i = 0; i < 100; i++)
		memset(arena_alloc(&a, 4096), 0x77, 4096);
	assert_non_null(a.head);
	assert_true(a.total > 64 * 1024);
	arena_reset(&a);
	/* the first block is kept, emptied: the next allocation reuses its
	 * start, and comes back zeroed although it was written before */
	assert_int_equal(a.total, 64 * 1024);
	unsigned char *again = arena_alloc(&a, 100);
	assert_ptr_equal(again, first);
	assert_true(all_zero(again, 100));
	char *s = arena_printf(&a, "%d", 2026);
	assert_string_equal(s, "2026");
	arena_free(&a);
	/* reset and free of an empty arena are harmless */
	arena_reset(&a);
	arena_free(&a);
	assert_null(a.head);
}

static void test_arena_large_allocations(void **state)
{
	(void)state;
	struct arena a = ARENA_INIT;
	char *small = arena_strdup(&a, "small");
	/* 200 KiB, then 1 MiB: bigger than a block, each gets its own */
	size_t n1 = 200 * 1024, n2 = 1024 * 1024;
	unsigned char *p1 = arena_alloc(&a, n1);
	assert_non_null(p1);
	assert_int_equal((uintptr_t)p1 % 16, 0);
	assert_true(all_zero(p1, n1));
	memset(p1, 1, n1);
	unsigned char *p2 = arena_alloc(&a, n2);
	assert_non_null(p2);
	assert_int_equal((uintptr_t)p2 % 16, 0);
	assert_true(all_zero(p2, n2));
	memset(p2, 2, n2);
	/* nothing overlaps: the earlier contents survive */
	assert_string_equal(small, "small");
	assert_int_equal(p1[0], 1);
	assert_int_equal(p1[n1 - 1], 1);
	assert_int_equal(p2[n2 - 1], 2);
	assert_true(a.total >= 64 * 1024 + n1 + n2);
	/* many blocks' worth of small allocations, all valid and distinct */
	int64_t *v[3000];
	for (int i = 0; i < 3000; i++) {
		v[i] = arena_alloc(&a, 512);
		assert_non_null(v[i]);
		*v[i] = i;
	}
	for (int i = 0; i < 3000; i++)
		assert_int_equal(*v[i], i);
	arena_reset(&a);
	unsigned char *p3 = arena_alloc(&a, 300 * 1024);
	assert_non_null(p3);
	assert_true(all_zero(p3, 300 * 1024));
	arena_free(&a);
}

/* ---- err ---- */

static void test_err_first_error_wins(void **state)
{
	(void)state;
	struct err e = {0};
	assert_int_equal(err_set(&e, ERR_NOT_FOUND, "id", "no unit with id %d", 7), -1);
	assert_int_equal(err_set(&e, ERR_CONFLICT, "email", "second %s", "error"), -1);
	assert_int_equal(e.status, ERR_NOT_FOUND);
	assert_string_equal(e.field, "id");
	assert_string_equal(e.msg, "no unit with id 7");
	err_clear(&e);
	assert_int_equal(e.status, 0);
	assert_string_equal(e.field, "");
	assert_string_equal(e.msg, "");
	/* NULL field becomes "", a NULL err is tolerated */
	err_set(&e, ERR_BAD_INPUT, NULL, "x");
	assert_string_equal(e.field, "");
	assert_int_equal(err_set(NULL, ERR_BAD_INPUT, "f", "ignored"), -1);
	/* a message longer than msg[512] is truncated, still terminated */
	char long_text[1000];
	memset(long_text, 'm', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	err_clear(&e);
	err_set(&e, ERR_BAD_INPUT, "f", "%s", long_text);
	assert_int_equal(strlen(e.msg), sizeof e.msg - 1);
}

static void test_err_exit_codes(void **state)
{
	(void)state;
	/* the table in base/err.h: 0 ok, 400/413 bad input (3), 404 (4),
	 * 409 (5), 503 database (6), 500 and anything else internal (1) */
	static const struct { int status, code; } map[] = {
		{0, 0}, {400, 3}, {413, 3}, {404, 4}, {409, 5}, {503, 6}, {500, 1}, {418, 1},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
		struct err e = {.status = map[i].status};
		assert_int_equal(err_exit_code(&e), map[i].code);
	}
	assert_int_equal(EXIT_USAGE, 2);
}

/* ---- field_parse_decimal / field_parse_int ---- */

static void test_parse_decimal(void **state)
{
	(void)state;
	static const struct { const char *s; int places; int64_t want; } good[] = {
		{"7.5", 2, 750},	/* 7.50 * 100 */
		{"7.25", 2, 725},
		{"0", 2, 0},
		{"12", 2, 1200},
		{"0.05", 2, 5},
		{"007.5", 2, 750},	/* leading zeros are digits */
		{"7", 0, 7},
		{"1.234", 3, 1234},
		{"1000000000000", 2, 100000000000000},	/* 1e12 * 100 */
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		int64_t v = -1;
		if (field_parse_decimal(good[i].s, good[i].places, &v) != 0)
			fail_msg("\"%s\" refused", good[i].s);
		assert_int_equal(v, good[i].want);
	}
	static const struct { const char *s; int places; } bad[] = {
		{"1.234", 2}, {"", 2}, {".5", 2}, {"5.", 2}, {"-1", 2}, {"1e3", 2},
		{" 1", 2}, {"1 ", 2}, {"+1", 2}, {"1,5", 2}, {"1.2.3", 2}, {"abc", 2},
		{"7.5", 0}, {".", 2},
		{"99999999999999999999", 2},	/* 1e20 > INT64_MAX */
		{"100000000000000000", 2},	/* 1e17 * 100 = 1e19 > 9.22e18 */
		{"99999999999999999999999999", 0},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int64_t v = 12345;
		if (field_parse_decimal(bad[i].s, bad[i].places, &v) == 0)
			fail_msg("\"%s\" (%d places) accepted as %lld", bad[i].s, bad[i].places,
				 (long long)v);
		assert_int_equal(v, 12345);	/* untouched on failure */
	}
	int64_t v;
	assert_int_equal(field_parse_decimal(NULL, 2, &v), -1);
}

static void test_parse_int(void **state)
{
	(void)state;
	static const struct { const char *s; int64_t want; } good[] = {
		{"0", 0}, {"42", 42}, {"-7", -7}, {"007", 7},
		{"9223372036854775807", INT64_MAX},
		{"-9223372036854775808", INT64_MIN},
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		int64_t v = -1;
		if (field_parse_int(good[i].s, &v) != 0)
			fail_msg("\"%s\" refused", good[i].s);
		assert_int_equal(v, good[i].want);
	}
	static const char *const bad[] = {
		"", " 1", "\t1", "\n1", "+1", "1 ", "1x", "x1", "1.0", "1e3", "-", "--1",
		"9223372036854775808",		/* INT64_MAX + 1 */
		"-9223372036854775809",		/* INT64_MIN - 1 */
		"99999999999999999999",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int64_t v = 12345;
		if (field_parse_int(bad[i], &v) == 0)
			fail_msg("\"%s\" accepted as %lld", bad[i], (long long)v);
	}
	int64_t v;
	assert_int_equal(field_parse_int(NULL, &v), -1);
}

/* ---- field_from_text / fields_from_json ---- */

struct rec {
	const char *name;
	int64_t count;
	int64_t owner_id;
	int64_t parent_id;
	int64_t minutes;
	int64_t cents;
	const char *day;
	const char *due;
	const char *color;
	int urgent;
};

enum {
	R_NAME = 1u << 0, R_COUNT = 1u << 1, R_OWNER = 1u << 2, R_PARENT = 1u << 3,
	R_HOURS = 1u << 4, R_PRICE = 1u << 5, R_DAY = 1u << 6, R_DUE = 1u << 7,
	R_COLOR = 1u << 8, R_URGENT = 1u << 9,
};

static const char *const colors[] = {"red", "green", "blue", NULL};

static const struct field rec_fields[] = {
	{.name = "name", .type = FT_TEXT, .offset = offsetof(struct rec, name), .bit = R_NAME,
	 .max = 5, .required = 1},
	{.name = "count", .type = FT_INT, .offset = offsetof(struct rec, count), .bit = R_COUNT,
	 .min = -10, .max = 10},
	{.name = "owner_id", .type = FT_ID, .offset = offsetof(struct rec, owner_id),
	 .bit = R_OWNER},
	{.name = "parent_id", .type = FT_ID, .offset = offsetof(struct rec, parent_id),
	 .bit = R_PARENT, .nullable = 1},
	{.name = "hours", .type = FT_HOURS, .offset = offsetof(struct rec, minutes),
	 .bit = R_HOURS, .min = 0, .max = 24 * 60},
	{.name = "price", .type = FT_MONEY, .offset = offsetof(struct rec, cents),
	 .bit = R_PRICE, .min = 0, .max = 100000},
	{.name = "day", .type = FT_DATE, .offset = offsetof(struct rec, day), .bit = R_DAY},
	{.name = "due", .type = FT_DATE, .offset = offsetof(struct rec, due), .bit = R_DUE,
	 .nullable = 1},
	{.name = "color", .type = FT_ENUM, .offset = offsetof(struct rec, color),
	 .bit = R_COLOR, .choices = colors},
	{.name = "urgent", .type = FT_BOOL, .offset = offsetof(struct rec, urgent),
	 .bit = R_URGENT},
	{0},
};

static const struct field *F(const char *name)
{
	const struct field *f = field_find(rec_fields, name);
	assert_non_null(f);
	return f;
}

/* Parses text into a fresh rec; returns 0 or -1 with *e filled. */
static int from_text(const char *name, const char *text, struct rec *r, unsigned *set,
		     struct err *e)
{
	memset(r, 0, sizeof *r);
	*set = 0;
	err_clear(e);
	return field_from_text(F(name), r, set, text, e);
}

/* Expects text to be refused for field name with a 400 naming the field
 * and a message containing want; nothing is marked set. */
static void refused(const char *name, const char *text, const char *want)
{
	struct rec r;
	unsigned set;
	struct err e;
	if (from_text(name, text, &r, &set, &e) == 0)
		fail_msg("%s: \"%s\" accepted", name, text);
	assert_int_equal(e.status, ERR_BAD_INPUT);
	assert_string_equal(e.field, name);
	assert_int_equal(set, 0);
	if (want)
		assert_contains(e.msg, want);
}

static void test_field_hours(void **state)
{
	(void)state;
	struct rec r;
	unsigned set;
	struct err e;
	/* hours to minutes: 7.5 h * 60 = 450; 0.25 h = 15; 24 h = 1440;
	 * 0.01 h = 0.6 min rounds to 1 */
	static const struct { const char *s; int64_t min; } good[] = {
		{"7.5", 450}, {"0.25", 15}, {"24", 1440}, {"0", 0}, {"0.01", 1}, {"1.5", 90},
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		assert_int_equal(from_text("hours", good[i].s, &r, &set, &e), 0);
		assert_int_equal(r.minutes, good[i].min);
		assert_int_equal(set, R_HOURS);
	}
	/* 24.01 h = 1440.6 min -> 1441 > the 1440 maximum */
	refused("hours", "24.01", "hours: must be a number of hours from 0 to 24");
	refused("hours", "25", "from 0 to 24");
	refused("hours", "-1", "hours: must be a number of hours, got \"-1\"");
	refused("hours", "7.555", "must be a number of hours");
	refused("hours", "abc", NULL);
	/* 1537228672809129.30 h = 153722867280912930 hundredths, which is
	 * INT64_MAX / 60 exactly: converting it to minutes must be refused
	 * as out of range, not overflow */
	refused("hours", "1537228672809129.30", "from 0 to 24");
	refused("hours", "92233720368547757.99", "from 0 to 24");
}

static void test_field_money(void **state)
{
	(void)state;
	struct rec r;
	unsigned set;
	struct err e;
	/* 85.5 -> 8550 cents; 0.01 -> 1; 1000 -> 100000 (the maximum) */
	assert_int_equal(from_text("price", "85.5", &r, &set, &e), 0);
	assert_int_equal(r.cents, 8550);
	assert_int_equal(from_text("price", "0.01", &r, &set, &e), 0);
	assert_int_equal(r.cents, 1);
	assert_int_equal(from_text("price", "1000", &r, &set, &e), 0);
	assert_int_equal(r.cents, 100000);
	assert_int_equal(set, R_PRICE);
	refused("price", "1000.01", "price: must be an amount from 0.00 to 1000.00");
	refused("price", "85.555", "at most 2 decimals");
	refused("price", "-5", "at most 2 decimals");
}

/* FT_DECIMAL: a signed number with at most two decimals, kept x100
 * ("-2.5" -> -250), from text and from JSON alike. */
static void test_field_decimal(void **state)
{
	(void)state;
	struct dec { int64_t v; } d;
	static const struct field df = {.name = "value", .type = FT_DECIMAL, .offset = 0,
					 .bit = 1, .min = -100000, .max = 100000};
	static const struct { const char *s; int64_t x100; } good[] = {
		{"-2.5", -250}, {"0", 0}, {"12.34", 1234}, {"-0.01", -1}, {"1000", 100000},
		{"-1000", -100000},
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		unsigned set = 0;
		struct err e = {0};
		d.v = 7;
		assert_int_equal(field_from_text(&df, &d, &set, good[i].s, &e), 0);
		assert_int_equal(d.v, good[i].x100);
		assert_int_equal(set, 1);
	}
	static const char *const bad[] = {"-", "--1", "1.005", "abc", "1e3", "", "+1", "1000.01",
					  "-1000.01"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		unsigned set = 0;
		struct err e = {0};
		if (field_from_text(&df, &d, &set, bad[i], &e) == 0)
			fail_msg("\"%s\" accepted as a decimal", bad[i]);
		assert_int_equal(e.status, ERR_BAD_INPUT);
		assert_string_equal(e.field, "value");
		assert_int_equal(set, 0);
	}
	/* JSON: -1.25 -> -125; 0.125 has three decimals */
	json_t *v = json_real(-1.25);
	unsigned set = 0;
	struct err e = {0};
	assert_int_equal(field_from_json(&df, &d, &set, v, &e), 0);
	assert_int_equal(d.v, -125);
	json_decref(v);
	v = json_real(0.125);
	assert_int_equal(field_from_json(&df, &d, &set, v, &e), -1);
	assert_contains(e.msg, "at most 2 decimals");
	json_decref(v);
}

static void test_field_id(void **state)
{
	(void)state;
	struct rec r;
	unsigned set;
	struct err e;
	assert_int_equal(from_text("owner_id", "12", &r, &set, &e), 0);
	assert_int_equal(r.owner_id, 12);
	assert_int_equal(set, R_OWNER);
	refused("owner_id", "0", "owner_id: must be an id (a whole number above 0)");
	refused("owner_id", "none", "must be an id");
	refused("owner_id", "-3", "must be an id");
	refused("owner_id", "1.5", "must be an id");
	/* nullable: "none" clears it (0) and counts as given */
	r.parent_id = 99;
	set = 0;
	err_clear(&e);
	assert_int_equal(field_from_text(F("parent_id"), &r, &set, "none", &e), 0);
	assert_int_equal(r.parent_id, 0);
	assert_int_equal(set, R_PARENT);
	assert_int_equal(from_text("parent_id", "5", &r, &set, &e), 0);
	assert_int_equal(r.parent_id, 5);
	refused("parent_id", "-3", "must be an id");
	refused("parent_id", "nil", "must be an id");
}

static void test_field_int(void **state)
{
	(void)state;
	struct rec r;
	unsigned set;
	struct err e;
	assert_int_equal(from_text("count", "-10", &r, &set, &e), 0);
	assert_int_equal(r.count, -10);
	assert_int_equal(from_text("count", "10", &r, &set, &e), 0);
	assert_int_equal(r.count, 10);
	refused("count", "11", "count: must be a whole number from -10 to 10");
	refused("count", "-11", "from -10 to 10");
	refused("count", "3.0", "count: must be a whole number, got \"3.0\"");
}

static void test_field_date(void **state)
{
	(void)state;
	struct rec r;
	unsigned set;
	struct err e;
	const char *text = "2026-02-28";
	assert_int_equal(from_text("day", text, &r, &set, &e), 0);
	assert_ptr_equal(r.day, text);	/* points into the caller's text */
	assert_int_equal(set, R_DAY);
	/* February 2026 has 28 days (2026 is not divisible by 4) */
	refused("day", "2026-02-30", "day: must be a date as YYYY-MM-DD (got \"2026-02-30\")");
	refused("day", "2026-02-29", "YYYY-MM-DD");
	refused("day", "2026-2-3", "YYYY-MM-DD");
	refused("day", "none", "YYYY-MM-DD");	/* not nullable */
	r.due = "x";
	set = 0;
	err_clear(&e);
	assert_int_equal(field_from_text(F("due"), &r, &set, "none", &e), 0);
	assert_null(r.due);
	assert_int_equal(set, R_DUE);
	refused("due", "2026-13-01", "due: must be a date");
}

static void test_field_enum(void **state)
{
	(void)state;
	struct rec r;
	unsigned set;
	struct err e;
	assert_int_equal(from_text("color", "green", &r, &set, &e), 0);
	assert_string_equal(r.color, "green");
	assert_int_equal(set, R_COLOR);
	refused("color", "purple", "color: must be one of red, green, blue (got \"purple\")");
	refused("color", "Green", "red, green, blue");	/* case matters */
	refused("color", "", "red, green, blue");
}

static void test_field_text(void **state)
{
	(void)state;
	struct rec r;
	unsigned set;
	struct err e;
	/* max 5 bytes: "abcde" fits, "abcdef" does not */
	assert_int_equal(from_text("name", "abcde", &r, &set, &e), 0);
	assert_string_equal(r.name, "abcde");
	assert_int_equal(set, R_NAME);
	refused("name", "abcdef", "name: must be at most 5 characters");
	/* tab and newline are allowed, other control characters are not */
	assert_int_equal(from_text("name", "a\tb\nc", &r, &set, &e), 0);
	refused("name", "a\x01" "b", "name: must not contain control characters");
	refused("name", "\x1b[1m", "control characters");
	refused("name", "a\rb", "control characters");
	/* required text must not be empty */
	refused("name", "", "name: must not be empty");
}

static void test_field_bool(void **state)
{
	(void)state;
	struct rec r;
	unsigned set;
	struct err e;
	static const struct { const char *s; int v; } good[] = {
		{"true", 1}, {"1", 1}, {"yes", 1}, {"false", 0}, {"0", 0}, {"no", 0},
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		r.urgent = 7;
		assert_int_equal(from_text("urgent", good[i].s, &r, &set, &e), 0);
		assert_int_equal(r.urgent, good[i].v);
		assert_int_equal(set, R_URGENT);
	}
	refused("urgent", "maybe", "urgent: must be true or false");
	refused("urgent", "TRUE", "true or false");
}

/* Parses a JSON text with fields_from_json into a fresh rec. */
static int from_json(const char *text, struct rec *r, unsigned *set, struct err *e)
{
	memset(r, 0, sizeof *r);
	*set = 0;
	err_clear(e);
	json_t *root = json_parse(text, strlen(text), e);
	assert_non_null(root);
	int rc = fields_from_json(rec_fields, r, set, root, e);
	json_decref(root);
	return rc;
}

static void test_fields_from_json_good(void **state)
{
	(void)state;
	struct rec r;
	unsigned set;
	struct err e;
	assert_int_equal(from_json("{\"name\": \"abc\", \"count\": -3, \"owner_id\": 4, "
				   "\"parent_id\": null, \"hours\": 7.5, \"price\": 85.5, "
				   "\"day\": \"2024-02-29\", \"due\": null, \"color\": \"blue\", "
				   "\"urgent\": true}", &r, &set, &e), 0);
	/* the text values point into the JSON document, gone after decref:
	 * check only the numbers here */
	assert_int_equal(r.count, -3);
	assert_int_equal(r.owner_id, 4);
	assert_int_equal(r.parent_id, 0);
	assert_int_equal(r.minutes, 450);	/* 7.5 h */
	assert_int_equal(r.cents, 8550);	/* 85.50 */
	assert_null(r.due);
	assert_int_equal(r.urgent, 1);
	assert_int_equal(set, R_NAME | R_COUNT | R_OWNER | R_PARENT | R_HOURS | R_PRICE |
			      R_DAY | R_DUE | R_COLOR | R_URGENT);
	/* integers are numbers too for hours and money: 8 h = 480 min */
	assert_int_equal(from_json("{\"hours\": 8, \"price\": 12}", &r, &set, &e), 0);
	assert_int_equal(r.minutes, 480);
	assert_int_equal(r.cents, 1200);
	assert_int_equal(set, R_HOURS | R_PRICE);
	/* an empty object sets nothing */
	assert_int_equal(from_json("{}", &r, &set, &e), 0);
	assert_int_equal(set, 0);
}

static void test_fields_from_json_refusals(void **state)
{
	(void)state;
	struct rec r;
	unsigned set;
	struct err e;
	/* unknown key: 400 with the field set to the key */
	assert_int_equal(from_json("{\"name\": \"a\", \"colour\": \"red\"}", &r, &set, &e), -1);
	assert_int_equal(e.status, ERR_BAD_INPUT);
	assert_string_equal(e.field, "colour");
	assert_string_equal(e.msg, "colour: unknown field");

	/* wrong types: the message names the field and both types */
	assert_int_equal(from_json("{\"count\": \"3\"}", &r, &set, &e), -1);
	assert_int_equal(e.status, ERR_BAD_INPUT);
	assert_string_equal(e.field, "count");
	assert_string_equal(e.msg, "count: must be an integer, not a string");
	assert_int_equal(from_json("{\"name\": 5}", &r, &set, &e), -1);
	assert_string_equal(e.msg, "name: must be a string, not an integer");
	assert_int_equal(from_json("{\"owner_id\": 2.5}", &r, &set, &e), -1);
	assert_string_equal(e.msg, "owner_id: must be an id (an integer), not a number");
	assert_int_equal(from_json("{\"urgent\": \"yes\"}", &r, &set, &e), -1);
	assert_string_equal(e.msg, "urgent: must be true or false, not a string");
	assert_int_equal(from_json("{\"hours\": \"7.5\"}", &r, &set, &e), -1);
	assert_string_equal(e.msg, "hours: must be a number, not a string");
	assert_int_equal(from_json("{\"day\": [1]}", &r, &set, &e), -1);
	assert_string_equal(e.msg, "day: must be a string, not an array");

	/* null on a non-nullable field */
	assert_int_equal(from_json("{\"owner_id\": null}", &r, &set, &e), -1);
	assert_string_equal(e.field, "owner_id");
	assert_string_equal(e.msg, "owner_id: must not be null");
	assert_int_equal(from_json("{\"name\": null}", &r, &set, &e), -1);
	assert_string_equal(e.field, "name");

	/* values checked as the text path checks them */
	assert_int_equal(from_json("{\"hours\": 25}", &r, &set, &e), -1);
	assert_string_equal(e.field, "hours");
	assert_contains(e.msg, "from 0 to 24");
	assert_int_equal(from_json("{\"day\": \"2023-02-29\"}", &r, &set, &e), -1);
	assert_contains(e.msg, "YYYY-MM-DD");
	assert_int_equal(from_json("{\"owner_id\": 0}", &r, &set, &e), -1);
	assert_contains(e.msg, "must be an id");
	/* an embedded NUL cannot hide the rest of a string */
	json_t *nul = json_object();
	json_object_set_new(nul, "name", json_stringn("ab\0cd", 5));
	err_clear(&e);
	set = 0;
	assert_int_equal(fields_from_json(rec_fields, &r, &set, nul, &e), -1);
	json_decref(nul);
	assert_string_equal(e.msg, "name: must not contain NUL characters");

	/* a non-object body */
	static const char *const non_objects[] = {"[1, 2]", "\"text\"", "3", "null", "true"};
	for (size_t i = 0; i < sizeof non_objects / sizeof non_objects[0]; i++) {
		err_clear(&e);
		json_t *root = json_loads(non_objects[i], JSON_DECODE_ANY, NULL);
		assert_non_null(root);
		set = 0;
		assert_int_equal(fields_from_json(rec_fields, &r, &set, root, &e), -1);
		json_decref(root);
		assert_int_equal(e.status, ERR_BAD_INPUT);
		assert_string_equal(e.field, "");
		assert_string_equal(e.msg, "the request body must be a JSON object");
	}
}

static void test_fields_require(void **state)
{
	(void)state;
	struct err e = {0};
	assert_int_equal(fields_require(rec_fields, R_NAME, &e), 0);
	assert_int_equal(fields_require(rec_fields, R_COUNT | R_HOURS, &e), -1);
	assert_int_equal(e.status, ERR_BAD_INPUT);
	assert_string_equal(e.field, "name");
	assert_string_equal(e.msg, "name: is required");
	assert_null(field_find(rec_fields, "nope"));
}

/* ---- json ---- */

static void test_json_parse_malformed(void **state)
{
	(void)state;
	struct err e = {0};
	/* line 1 is '{"a": 1,'; line 2 is '  "b": }': the '}' where a value
	 * should be is the 8th character of line 2 */
	const char *text = "{\"a\": 1,\n  \"b\": }";
	json_t *v = json_parse(text, strlen(text), &e);
	assert_null(v);
	assert_int_equal(e.status, ERR_BAD_INPUT);
	assert_contains(e.msg, "malformed JSON at line 2, column 8");

	/* an unterminated object on line 1 */
	err_clear(&e);
	assert_null(json_parse("{\"a\": 1", 7, &e));
	assert_int_equal(e.status, ERR_BAD_INPUT);
	assert_contains(e.msg, "line 1");
	assert_contains(e.msg, "column");

	/* empty input and duplicate keys are malformed too */
	err_clear(&e);
	assert_null(json_parse("", 0, &e));
	assert_int_equal(e.status, ERR_BAD_INPUT);
	err_clear(&e);
	const char *dup = "{\"a\": 1, \"a\": 2}";
	assert_null(json_parse(dup, strlen(dup), &e));
	assert_int_equal(e.status, ERR_BAD_INPUT);

	/* the length bounds the input: the tail after it is not read */
	err_clear(&e);
	const char *ok = "{\"a\": 1}garbage";
	v = json_parse(ok, 8, &e);
	assert_non_null(v);
	assert_int_equal(e.status, 0);
	assert_int_equal(json_integer_value(json_object_get(v, "a")), 1);
	json_decref(v);
}

static void test_json_helpers(void **state)
{
	(void)state;
	json_t *o = json_object();
	json_set_hours(o, "h1", 450);	/* 7.5 h */
	json_set_hours(o, "h2", 480);	/* 8 h, an integer */
	json_set_money(o, "m1", 8550);	/* 85.5 */
	json_set_money(o, "m2", 1200);	/* 12 */
	json_set_id(o, "none", 0);
	json_set_id(o, "some", 3);
	json_set_str(o, "null", NULL);
	struct buf b = BUF_INIT;
	json_to_buf(o, &b, 0);
	assert_string_equal(buf_str(&b), "{\"h1\":7.5,\"h2\":8,\"m1\":85.5,\"m2\":12,"
					 "\"none\":null,\"some\":3,\"null\":null}");
	buf_free(&b);
	json_decref(o);

	struct err e = {0};
	err_set(&e, ERR_CONFLICT, "email", "taken");
	json_t *j = json_error(&e);
	json_to_buf(j, &b, 0);
	assert_string_equal(buf_str(&b),
			    "{\"error\":{\"status\":409,\"message\":\"taken\",\"field\":\"email\"}}");
	buf_free(&b);
	json_decref(j);
	/* no error recorded: a 500 with a generic message and no field */
	struct err none = {0};
	j = json_error(&none);
	json_to_buf(j, &b, 0);
	assert_string_equal(buf_str(&b), "{\"error\":{\"status\":500,\"message\":"
					 "\"internal error\",\"field\":null}}");
	buf_free(&b);
	json_decref(j);
}

/* json_to_buf's compact writer against a second method: jansson's own
 * compact dump (with the same real precision) of the same values must be
 * byte for byte the same, escapes, UTF-8 and nesting included. */
static void test_json_writer_matches_jansson(void **state)
{
	(void)state;
	static const char *const docs[] = {
		"{}",
		"[]",
		"{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\"}}",
		"{\"quote\":\"say \\\"hi\\\"\",\"slash\":\"a\\\\b\",\"nl\":\"x\\ny\\tz\\r\\b\\f\"}",
		"{\"ctl\":\"\\u0001\\u001f\",\"utf8\":\"Zoë — 日本\",\"emoji\":\"\\ud83d\\ude00\"}",
		"[1.5,0.25,7.333333333333333,-3,9223372036854775807,2.0,1e-07,1e+20,-2.5e-300]",
		"{\"nested\":[{\"x\":[[],[{}]]},\"s\"],\"z\":-0.5}",
	};
	for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
		json_error_t je;
		json_t *v = json_loads(docs[i], 0, &je);
		assert_non_null(v);
		char *want = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER |
					       JSON_REAL_PRECISION(15));
		struct buf b = BUF_INIT;
		json_to_buf(v, &b, 0);
		assert_false(b.failed);
		assert_string_equal(buf_str(&b), want);
		free(want);
		buf_free(&b);
		json_decref(v);
	}
}

/* Amounts (cents / 100.0) take the writer's own path: against the
 * same second method, jansson's dump, over 200,000 random amounts from
 * -10^12 to 10^12 cents, the edges of the path (10^15 - 1 cents and
 * beyond) and the small ones (0.01, 0.1, 0.05, -0.07). */
static void test_json_amounts_match_jansson(void **state)
{
	(void)state;
	uint64_t x = 88172645463325252ull;
	json_t *a = json_array();
	static const long long fixed[] = {1, 10, 5, -7, 100, -100, 12345, 99999999999999LL,
					  999999999999999LL, 1000000000000000LL, -999999999999999LL,
					  250, -250, 1050, 1005};
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		json_array_append_new(a, json_real((double)fixed[i] / 100.0));
	for (int i = 0; i < 200000; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		long long cents = (long long)(x % 2000000000001ull) - 1000000000000LL;
		if (i % 3 == 0)
			cents %= 100000;	/* many small ones too */
		json_array_append_new(a, json_real((double)cents / 100.0));
	}
	char *want = json_dumps(a, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
	struct buf b = BUF_INIT;
	json_to_buf(a, &b, 0);
	assert_false(b.failed);
	assert_true(strcmp(buf_str(&b), want) == 0);
	free(want);
	buf_free(&b);
	json_decref(a);
}

/* utf8_valid_prefix against a second method: jansson's own UTF-8 check
 * (json_stringn refuses invalid text) on fixed cases and 20,000 random
 * short byte strings drawn mostly from the bytes that matter. */
static void test_utf8_valid_prefix(void **state)
{
	(void)state;
	assert_int_equal(utf8_valid_prefix("abc", 3), 3);
	assert_int_equal(utf8_valid_prefix("Zo\xc3\xab", 4), 4);	/* ë */
	assert_int_equal(utf8_valid_prefix("a\xff", 2), 1);
	assert_int_equal(utf8_valid_prefix("a\xc3", 2), 1);		/* cut */
	assert_int_equal(utf8_valid_prefix("\xc0\x80", 2), 0);		/* overlong NUL */
	assert_int_equal(utf8_valid_prefix("\xed\xa0\x80", 3), 0);	/* a surrogate */
	assert_int_equal(utf8_valid_prefix("\xf4\x90\x80\x80", 4), 0);	/* past U+10FFFF */
	assert_int_equal(utf8_valid_prefix("\xf0\x9f\x98\x80", 4), 4);	/* U+1F600 */
	static const unsigned char pool[] = {'a', 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0,
					     0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xa0, 0x9f};
	uint32_t x = 12345;
	for (int round = 0; round < 20000; round++) {
		char s[8];
		size_t n = 1 + round % 7;
		for (size_t k = 0; k < n; k++) {
			x = x * 1103515245u + 12345u;
			s[k] = (char)pool[(x >> 16) % sizeof pool];
		}
		json_t *v = json_stringn(s, n);
		assert_int_equal(utf8_valid_prefix(s, n) == n, v != NULL);
		json_decref(v);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_empty_is_empty_string),
		cmocka_unit_test(test_buf_grows_across_many_appends),
		cmocka_unit_test(test_buf_printf_longer_than_stack_buffer),
		cmocka_unit_test(test_buf_reset_keeps_memory),
		cmocka_unit_test(test_buf_failure_is_sticky),
		cmocka_unit_test(test_arena_alignment_and_zeroing),
		cmocka_unit_test(test_arena_uninit_is_aligned_and_separate),
		cmocka_unit_test(test_arena_strings),
		cmocka_unit_test(test_arena_reset_then_reuse),
		cmocka_unit_test(test_arena_large_allocations),
		cmocka_unit_test(test_err_first_error_wins),
		cmocka_unit_test(test_err_exit_codes),
		cmocka_unit_test(test_parse_decimal),
		cmocka_unit_test(test_parse_int),
		cmocka_unit_test(test_field_hours),
		cmocka_unit_test(test_field_money),
		cmocka_unit_test(test_field_decimal),
		cmocka_unit_test(test_field_id),
		cmocka_unit_test(test_field_int),
		cmocka_unit_test(test_field_date),
		cmocka_unit_test(test_field_enum),
		cmocka_unit_test(test_field_text),
		cmocka_unit_test(test_field_bool),
		cmocka_unit_test(test_fields_from_json_good),
		cmocka_unit_test(test_fields_from_json_refusals),
		cmocka_unit_test(test_fields_require),
		cmocka_unit_test(test_json_parse_malformed),
		cmocka_unit_test(test_json_helpers),
		cmocka_unit_test(test_json_writer_matches_jansson),
		cmocka_unit_test(test_json_amounts_match_jansson),
		cmocka_unit_test(test_utf8_valid_prefix),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
