/* test_calendar: the organization calendar's working-day arithmetic
 * (manage/calendar.h) and the parsing of a working week.
 *
 * Hand examples, in a four-day week (Monday to Thursday) with holidays
 * on Thu 2026-12-24, Fri 2026-12-25 (not a working weekday anyway) and
 * Mon 2026-12-28. December 2026: Mon 21, Thu 24, Fri 25, Mon 28, Thu 31;
 * Mon 2027-01-04.
 *   [Dec 21, Jan 4): week of the 21st: Mon Tue Wed (Thu is a holiday) = 3;
 *   week of the 28th: Tue Wed Thu (Mon is a holiday) = 3; in all 6.
 *   1 working day after Wed Dec 23: Thu 24 holiday, Fri-Sun off, Mon 28
 *   holiday: Tue Dec 29. 0 after Sat Dec 26 moves to the first working
 *   day: Tue Dec 29 as well.
 * Then a second method: a day-by-day count, with a linear search of the
 * holidays, over a few hundred random weeks, holidays and ranges. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/err.h"
#include "manage/calendar.h"

#include "testutil.h"

static int32_t day(const char *s)
{
	int32_t d;
	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static void test_four_day_week(void **state)
{
	(void)state;
	int32_t hol[] = {day("2026-12-24"), day("2026-12-25"), day("2026-12-28")};
	struct calendar cal = {.workdays = 0x0f, .holidays = hol, .nholidays = 3};
	assert_int_equal(cal_is_working(&cal, day("2026-12-23")), 1);
	assert_int_equal(cal_is_working(&cal, day("2026-12-24")), 0); /* a holiday */
	assert_int_equal(cal_is_working(&cal, day("2026-12-18")), 0); /* a Friday */
	assert_int_equal(cal_is_working(&cal, day("2026-12-29")), 1);
	assert_int_equal(cal_working_between(&cal, day("2026-12-21"), day("2027-01-04")), 6);
	assert_int_equal(cal_working_between(&cal, day("2027-01-04"), day("2026-12-21")), -6);
	assert_int_equal(cal_working_between(&cal, day("2026-12-21"), day("2026-12-21")), 0);
	assert_int_equal(cal_add_working(&cal, day("2026-12-23"), 1), day("2026-12-29"));
	assert_int_equal(cal_add_working(&cal, day("2026-12-26"), 0), day("2026-12-29"));
	/* 3 after Mon Dec 21: Tue 22, Wed 23, then (24-28 off) Tue 29 */
	assert_int_equal(cal_add_working(&cal, day("2026-12-21"), 3), day("2026-12-29"));

	/* Monday to Friday with no holidays agrees with base/date.h */
	struct calendar std;
	calendar_default(&std);
	for (int32_t d = day("2026-01-01"); d < day("2026-03-01"); d++) {
		assert_int_equal(cal_is_working(&std, d), date_is_working(d));
		assert_int_equal(cal_add_working(&std, d, 7), date_add_working(d, 7));
		assert_int_equal(cal_working_between(&std, d, d + 40),
		                 date_working_between(d, d + 40));
	}
}

/* --- the second method ---------------------------------------------------- */

static int naive_working(unsigned mask, const int32_t *hol, size_t nh, int32_t d)
{
	if (!(mask & (1u << (date_weekday(d) - 1))))
		return 0;
	for (size_t i = 0; i < nh; i++)
		if (hol[i] == d)
			return 0;
	return 1;
}

static int cmp_day(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return (x > y) - (x < y);
}

static void test_against_day_by_day(void **state)
{
	(void)state;
	srand(20261127);
	int32_t base = day("2026-01-01");
	for (int round = 0; round < 40; round++) {
		unsigned mask = 1 + (unsigned)(rand() % 127); /* 1..127: never empty */
		int32_t hol[40];
		size_t nh = 0;
		int want = rand() % 40;
		for (int k = 0; k < want; k++) {
			int32_t h = base + rand() % 730;
			int dup = 0;
			for (size_t i = 0; i < nh; i++)
				dup |= hol[i] == h;
			if (!dup)
				hol[nh++] = h;
		}
		qsort(hol, nh, sizeof hol[0], cmp_day);
		struct calendar cal = {.workdays = mask, .holidays = hol, .nholidays = nh};
		for (int r = 0; r < 10; r++) {
			int32_t from = base - 30 + rand() % 760;
			int32_t to = from - 30 + rand() % 430;
			int count = 0;
			for (int32_t d = from < to ? from : to; d < (from < to ? to : from); d++)
				count += naive_working(mask, hol, nh, d);
			if (to < from)
				count = -count;
			assert_int_equal(cal_working_between(&cal, from, to), count);
			assert_int_equal(cal_is_working(&cal, from),
			                 naive_working(mask, hol, nh, from));
			int n = rand() % 120;
			int32_t d = from;
			while (!naive_working(mask, hol, nh, d))
				d++;
			for (int k = 0; k < n;) {
				d++;
				k += naive_working(mask, hol, nh, d);
			}
			assert_int_equal(cal_add_working(&cal, from, n), d);
			/* and the two agree with each other */
			assert_int_equal(cal_working_between(&cal, from, d), n);
		}
	}
}

/* --- the working week ------------------------------------------------------- */

static void test_parse_workdays(void **state)
{
	(void)state;
	unsigned m = 0;
	struct err e = {0};
	assert_int_equal(calendar_parse_workdays("mon,tue,wed,thu", &m, &e), 0);
	assert_int_equal(m, 0x0f);
	assert_int_equal(calendar_parse_workdays("12345", &m, &e), 0);
	assert_int_equal(m, 0x1f);
	assert_int_equal(calendar_parse_workdays("Sunday", &m, &e), 0);
	assert_int_equal(m, 0x40);
	assert_int_equal(calendar_parse_workdays("1,7", &m, &e), 0);
	assert_int_equal(m, 0x41);
	assert_int_equal(calendar_parse_workdays("fri, sat", &m, &e), 0);
	assert_int_equal(m, 0x30);
	char digits[8];
	calendar_workdays_text(0x41, digits);
	assert_string_equal(digits, "17");
	static const char *const bad[] = {"", ",", "funday", "mo", "8", "0", "mon;tue"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err_clear(&e);
		m = 99;
		assert_int_equal(calendar_parse_workdays(bad[i], &m, &e), -1);
		assert_int_equal(e.status, ERR_BAD_INPUT);
		assert_string_equal(e.field, "workdays");
		assert_int_equal(m, 99);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_four_day_week),
	    cmocka_unit_test(test_against_day_by_day),
	    cmocka_unit_test(test_parse_workdays),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
