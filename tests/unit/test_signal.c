/* test_signal: a theme's pressure and trend, worked by hand, and the CSV
 * reader of the signal import.
 *
 * As of D = 2026-05-15 the window is (2025-05-15, 2026-05-15]: 2026-05-15
 * minus 365 days is 2025-05-15 (no 29 February in between), excluded.
 * D's quarter is 2026 Q2, so the trend's quarters are 2025 Q3, 2025 Q4,
 * 2026 Q1 and 2026 Q2 (up to D). The signals (day, impact x likelihood):
 *
 *   day         score  window  quarter
 *   2025-05-15  5x5=25  no      -        (the window's open end)
 *   2025-05-16  2x3=6   yes     -        (2025 Q2: before the trend)
 *   2025-07-01  4x4=16  yes     [0]
 *   2025-12-31  3x2=6   yes     [1]
 *   2026-01-01  1x5=5   yes     [2]
 *   2026-05-15  5x4=20  yes     [3]      (D itself counts)
 *   2026-05-16  5x5=25  no      -        (after D)
 *
 * pressure = 6 + 16 + 6 + 5 + 20 = 53; quarters = 16, 6, 5, 20.
 * Flagged when pressure >= the threshold and no response: with 40 and
 * no response yes; 53 yes (>=); 54 no; responded no.
 *
 * In a leap year: as of 2024-03-01, 365 days back is 2023-03-02 (the
 * year from 2023-03-01 holds 29 February 2024: 366 days), so 2023-03-02
 * is out and 2023-03-03 in. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/csvread.h"
#include "base/date.h"
#include "lead/signal.h"

#include "testutil.h"

static int32_t day(const char *s)
{
	int32_t d = 0;
	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static void test_pressure_by_hand(void **state)
{
	(void)state;
	static const struct {
		const char *day;
		int64_t score;
	} sig[] = {{"2025-05-15", 25}, {"2025-05-16", 6},  {"2025-07-01", 16}, {"2025-12-31", 6},
	           {"2026-01-01", 5},  {"2026-05-15", 20}, {"2026-05-16", 25}};
	struct theme_pressure t = {0};
	int32_t as_of = day("2026-05-15");
	for (size_t i = 0; i < sizeof sig / sizeof sig[0]; i++)
		theme_pressure_add(&t, as_of, day(sig[i].day), sig[i].score);
	assert_int_equal(t.pressure, 53);
	assert_int_equal(t.quarters[0], 16);
	assert_int_equal(t.quarters[1], 6);
	assert_int_equal(t.quarters[2], 5);
	assert_int_equal(t.quarters[3], 20);

	struct arena a = {0};
	assert_string_equal(quarter_label(&a, as_of, 0), "2025 Q3");
	assert_string_equal(quarter_label(&a, as_of, 1), "2025 Q4");
	assert_string_equal(quarter_label(&a, as_of, 2), "2026 Q1");
	assert_string_equal(quarter_label(&a, as_of, 3), "2026 Q2");
	/* across a new year: as of 2026-02-10 the quarters are 2025 Q2 .. 2026 Q1 */
	assert_string_equal(quarter_label(&a, day("2026-02-10"), 0), "2025 Q2");
	assert_string_equal(quarter_label(&a, day("2026-02-10"), 3), "2026 Q1");
	arena_free(&a);
}

static void test_flag(void **state)
{
	(void)state;
	struct theme_pressure t = {.pressure = 53};
	theme_pressure_flag(&t, 40);
	assert_true(t.flagged);
	theme_pressure_flag(&t, 53);
	assert_true(t.flagged); /* reaching the threshold is enough */
	theme_pressure_flag(&t, 54);
	assert_false(t.flagged);
	t.responded = 1;
	theme_pressure_flag(&t, 40);
	assert_false(t.flagged); /* a response clears the flag */
}

static void test_quarters_and_leap_year(void **state)
{
	(void)state;
	assert_int_equal(quarter_start(day("2026-02-28")), day("2026-01-01"));
	assert_int_equal(quarter_start(day("2026-04-01")), day("2026-04-01"));
	assert_int_equal(quarter_start(day("2026-09-30")), day("2026-07-01"));
	assert_int_equal(quarter_start(day("2026-12-31")), day("2026-10-01"));
	struct theme_pressure t = {0};
	int32_t as_of = day("2024-03-01");
	theme_pressure_add(&t, as_of, day("2023-03-02"), 7);
	assert_int_equal(t.pressure, 0);
	theme_pressure_add(&t, as_of, day("2023-03-03"), 3);
	assert_int_equal(t.pressure, 3);
	/* 2023-03-03 is in 2023 Q1, before the trend's first quarter (2023 Q2) */
	assert_int_equal(t.quarters[0] + t.quarters[1] + t.quarters[2] + t.quarters[3], 0);
}

/* Reads every record of text; returns the number, -1 on an error (with
 * the line in *line). Fields are joined with '|' and records with '/'. */
static int read_all(const char *text, char *out, size_t size, size_t *line)
{
	struct arena a = {0};
	struct csvread c;
	csvread_init(&c, text, strlen(text));
	char **f;
	size_t n;
	int k = 0, rc;
	out[0] = '\0';
	while ((rc = csvread_next(&c, &a, &f, &n, line)) == 1) {
		if (k++)
			strncat(out, "/", size - strlen(out) - 1);
		for (size_t i = 0; i < n; i++) {
			if (i)
				strncat(out, "|", size - strlen(out) - 1);
			strncat(out, f[i], size - strlen(out) - 1);
		}
	}
	arena_free(&a);
	return rc < 0 ? -1 : k;
}

static void test_csv_reader(void **state)
{
	(void)state;
	char out[256];
	size_t line;
	/* quoted commas, doubled quotes, CRLF and LF */
	assert_int_equal(read_all("a,b\r\n\"c,d\",\"e \"\"q\"\"\"\nf,", out, sizeof out, &line), 3);
	assert_string_equal(out, "a|b/c,d|e \"q\"/f|");
	/* a line break inside quotes; the next record starts on line 3 */
	struct arena a = {0};
	struct csvread c;
	const char *t = "\"x\ny\",z\nw\n";
	csvread_init(&c, t, strlen(t));
	char **f;
	size_t n;
	assert_int_equal(csvread_next(&c, &a, &f, &n, &line), 1);
	assert_int_equal(n, 2);
	assert_string_equal(f[0], "x\ny");
	assert_int_equal(line, 1);
	assert_int_equal(csvread_next(&c, &a, &f, &n, &line), 1);
	assert_string_equal(f[0], "w");
	assert_int_equal(line, 3);
	assert_int_equal(csvread_next(&c, &a, &f, &n, &line), 0);
	arena_free(&a);
	/* malformed: a quote in an unquoted field, an unterminated quote,
	 * text after a closing quote */
	assert_int_equal(read_all("ok\na\"b\n", out, sizeof out, &line), -1);
	assert_int_equal(line, 2);
	assert_int_equal(read_all("\"abc", out, sizeof out, &line), -1);
	assert_int_equal(read_all("\"a\"b,c", out, sizeof out, &line), -1);
	/* a lone CR is data, not a line break */
	assert_int_equal(read_all("a\rb,c", out, sizeof out, &line), 1);
	assert_string_equal(out, "a\rb|c");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_pressure_by_hand),
	    cmocka_unit_test(test_flag),
	    cmocka_unit_test(test_quarters_and_leap_year),
	    cmocka_unit_test(test_csv_reader),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
