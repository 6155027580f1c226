/* test_form: proves the urlencoded form parser and filler (web/form.h).
 *
 *   parse   pairs split on '&', key and value on the first '=', '+' as a
 *           space, %XX as that byte (either case); empty pieces skipped;
 *           a piece without '=' has the value ""; the body need not end
 *           in NUL (len is the truth); a bad escape, %00 and invalid
 *           UTF-8 are 400s; 200 pairs are fine and 201 a 400, empty
 *           pieces not counting;
 *   get     the first value of a key, NULL when absent;
 *   fill    through a real field table (plan_fields): values parsed by
 *           the field's rules; csrf and buttons ignored; an empty input
 *           is "not given" on a create (so a required one is missing),
 *           and on an edit clears a nullable field and is refused by a
 *           required one's rule; a key given twice is a 400; a refusal
 *           names the field.
 * Expected values are decoded by hand from the bodies shown. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "manage/plan.h"
#include "web/form.h"

#include "testutil.h"

static struct arena A = ARENA_INIT;

static int teardown(void **state)
{
	(void)state;
	arena_free(&A);
	return 0;
}

static struct form parse_ok(const char *body)
{
	struct form f;
	struct err e = {0};
	if (form_parse(&A, body, strlen(body), &f, &e))
		fail_msg("form_parse(\"%s\"): %s", body, e.msg);
	return f;
}

static void expect_refused(const char *body, size_t len)
{
	struct form f = {(void *)1, 99};
	struct err e = {0};
	assert_int_equal(form_parse(&A, body, len, &f, &e), -1);
	assert_int_equal(e.status, 400);
	assert_int_equal(f.n, 0);
}

static void test_decoding(void **state)
{
	(void)state;
	struct form f = parse_ok("a=1&b=hello+world&c=%41%62%2b%2F&d=caf%C3%A9&e=%3Cx%3E");
	assert_int_equal(f.n, 5);
	assert_string_equal(f.v[0].key, "a");
	assert_string_equal(f.v[0].value, "1");
	assert_string_equal(form_get(&f, "b"), "hello world");
	assert_string_equal(form_get(&f, "c"), "Ab+/");
	assert_string_equal(form_get(&f, "d"), "caf\xC3\xA9");
	assert_string_equal(form_get(&f, "e"), "<x>");
	assert_null(form_get(&f, "zz"));
	/* keys are decoded too; the value keeps later '=' signs */
	f = parse_ok("h%2D1%2D2026-09-07=1.5&q=a=b");
	assert_string_equal(form_get(&f, "h-1-2026-09-07"), "1.5");
	assert_string_equal(form_get(&f, "q"), "a=b");
}

static void test_pieces(void **state)
{
	(void)state;
	struct form f = parse_ok("&&a=1&&flag&=x&b=&");
	/* "a=1", "flag" (value ""), "=x" (empty key), "b=" (empty value) */
	assert_int_equal(f.n, 4);
	assert_string_equal(form_get(&f, "flag"), "");
	assert_string_equal(form_get(&f, ""), "x");
	assert_string_equal(form_get(&f, "b"), "");
	/* the first of two values */
	f = parse_ok("k=1&k=2");
	assert_string_equal(form_get(&f, "k"), "1");
	/* nothing at all */
	f = parse_ok("");
	assert_int_equal(f.n, 0);
	struct err e = {0};
	assert_int_equal(form_parse(&A, NULL, 0, &f, &e), 0);
	assert_int_equal(f.n, 0);
}

static void test_length_not_nul(void **state)
{
	(void)state;
	/* only the first 7 bytes are the body */
	static const char body[] = "a=1&b=2&c=3";
	struct form f;
	struct err e = {0};
	assert_int_equal(form_parse(&A, body, 7, &f, &e), 0);
	assert_int_equal(f.n, 2);
	assert_string_equal(form_get(&f, "b"), "2");
	assert_null(form_get(&f, "c"));
	/* a '%' whose digits lie past len is a bad escape */
	static const char cut[] = "a=%41";
	expect_refused(cut, 4);
}

static void test_refusals(void **state)
{
	(void)state;
	static const char *const bad[] = {"a=%", "a=%4", "a=%GG", "a=%4G", "%zz=1", "a=%00",
					  "a=%FF", "a=%C3", "a=%C0%BC", "a=%ED%A0%80"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		expect_refused(bad[i], strlen(bad[i]));
	/* a raw NUL byte inside the body */
	expect_refused("a=1\0b", 5);
	/* a raw invalid byte */
	expect_refused("a=\xFF", 3);
}

static void test_pair_limit(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	for (int i = 0; i < FORM_MAX_PAIRS; i++)
		buf_printf(&b, "%sk%d=%d", i ? "&" : "", i, i);
	struct form f = parse_ok(buf_str(&b));
	assert_int_equal(f.n, FORM_MAX_PAIRS);
	assert_string_equal(form_get(&f, "k199"), "199");
	/* empty pieces do not count */
	buf_puts(&b, "&&&&&&&&&&");
	f = parse_ok(buf_str(&b));
	assert_int_equal(f.n, FORM_MAX_PAIRS);
	buf_puts(&b, "&one=more");
	expect_refused(buf_str(&b), b.len);
	buf_free(&b);
}

static void test_fill_create(void **state)
{
	(void)state;
	struct form f = parse_ok("csrf=abc&name=Move+the+depot&unit_id=3&start_date=2026-09-01"
				 "&owner_id=&status=active&submit=Create");
	struct plan_input in = {0};
	unsigned set = 0;
	struct err e = {0};
	assert_int_equal(form_fill(&f, plan_fields, &in, &set, &e), 0);
	assert_string_equal(in.name, "Move the depot");
	assert_int_equal(in.unit_id, 3);
	assert_string_equal(in.start_date, "2026-09-01");
	assert_string_equal(in.status, "active");
	/* the empty owner was not given */
	assert_int_equal(set, PLAN_NAME | PLAN_UNIT | PLAN_START | PLAN_STATUS);
	assert_int_equal(fields_require(plan_fields, set, &e), 0);

	/* an empty required input is missing, named by fields_require */
	f = parse_ok("name=&unit_id=3&start_date=2026-09-01");
	set = 0;
	memset(&in, 0, sizeof in);
	assert_int_equal(form_fill(&f, plan_fields, &in, &set, &e), 0);
	assert_int_equal(fields_require(plan_fields, set, &e), -1);
	assert_string_equal(e.field, "name");

	/* a bad value names its field, with the field's own message */
	static const struct {
		const char *body, *field, *msg;
	} bad[] = {
		{"start_date=2026-13-01", "start_date", "start_date: must be a date as YYYY-MM-DD"},
		{"unit_id=abc", "unit_id", "unit_id: must be an id"},
		{"unit_id=0", "unit_id", "unit_id: must be an id"},
		{"status=finished", "status", "status: must be one of draft"},
		{"name=a&name=b", "name", "name: given twice"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		f = parse_ok(bad[i].body);
		set = 0;
		err_clear(&e);
		memset(&in, 0, sizeof in);
		assert_int_equal(form_fill(&f, plan_fields, &in, &set, &e), -1);
		assert_int_equal(e.status, 400);
		assert_string_equal(e.field, bad[i].field);
		assert_contains(e.msg, bad[i].msg);
	}
}

static void test_fill_edit(void **state)
{
	(void)state;
	struct form f = parse_ok("csrf=x&name=Renamed&owner_id=&status=on_hold");
	struct plan_input in = {.owner_id = 99};
	unsigned set = 0;
	struct err e = {0};
	assert_int_equal(form_fill_edit(&f, plan_fields, &in, &set, &e), 0);
	/* the emptied owner is cleared, as "none" would */
	assert_int_equal(set, PLAN_NAME | PLAN_OWNER | PLAN_STATUS);
	assert_int_equal(in.owner_id, 0);
	assert_string_equal(in.name, "Renamed");
	/* an emptied required name is refused by its rule */
	f = parse_ok("name=");
	set = 0;
	assert_int_equal(form_fill_edit(&f, plan_fields, &in, &set, &e), -1);
	assert_string_equal(e.field, "name");
	assert_contains(e.msg, "must not be empty");
	/* an emptied date that is not nullable is refused too */
	err_clear(&e);
	f = parse_ok("start_date=");
	assert_int_equal(form_fill_edit(&f, plan_fields, &in, &set, &e), -1);
	assert_string_equal(e.field, "start_date");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decoding),
		cmocka_unit_test(test_pieces),
		cmocka_unit_test(test_length_not_nul),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_pair_limit),
		cmocka_unit_test(test_fill_create),
		cmocka_unit_test(test_fill_edit),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
