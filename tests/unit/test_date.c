/* test_date: proves base/date.h against a calendar and against naive
 * day-by-day methods.
 *
 *   - date_parse/date_format round-trip known dates whose day numbers are
 *     worked by hand below, refuse impossible days (2023-02-29,
 *     1900-02-29) and malformed text, accept real leap days;
 *   - every day from 1900-01-01 to 2100-12-31 converts to and from y/m/d
 *     exactly as a hand-rolled calendar walk counts it;
 *   - date_weekday agrees with known weekdays;
 *   - date_add_working and date_working_between give hand-counted answers
 *     and, for 2000 fixed-seed random cases, the same answers as naive
 *     day-by-day loops.
 *
 * Day numbers by hand: 1970-01-01 is day 0. 1970..1999 holds 30 years
 * with 7 leap years (1972..1996), so 2000-01-01 = 30*365 + 7 = 10957;
 * 2000-03-01 = 10957 + 31 + 29 = 11017. 1970..2025 holds 56 years with 14
 * leap years (1972..2024), so 2026-01-01 = 56*365 + 14 = 20454; Jan-Oct
 * 2026 hold 304 days, so 2026-11-27 = 20454 + 304 + 26 = 20784. 1900..1969
 * holds 70 years with 17 leap years (1904..1968; 1900 is not one), so
 * 1900-01-01 = -(70*365 + 17) = -25567. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include <time.h>

#include "base/date.h"

static int32_t D(const char *s)
{
	int32_t d = 0;
	if (date_parse(s, &d) != 0)
		fail_msg("date_parse refused \"%s\"", s);
	return d;
}

static void assert_date(int32_t day, const char *want)
{
	char out[11];
	date_format(day, out);
	assert_string_equal(out, want);
}

static void test_known_day_numbers(void **state)
{
	(void)state;
	static const struct { const char *s; int32_t day; } known[] = {
		{"1970-01-01", 0},
		{"1970-01-02", 1},
		{"1970-02-01", 31},
		{"1971-01-01", 365},
		{"2000-01-01", 10957},
		{"2000-03-01", 11017},
		{"2026-01-01", 20454},
		{"2026-11-27", 20784},
		{"1900-01-01", -25567},
		{"1969-12-31", -1},
	};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
		assert_int_equal(D(known[i].s), known[i].day);
		assert_date(known[i].day, known[i].s);
	}
	assert_int_equal(date_from_ymd(2026, 11, 27), 20784);
	int y, m, d;
	date_to_ymd(11017, &y, &m, &d);
	assert_int_equal(y, 2000);
	assert_int_equal(m, 3);
	assert_int_equal(d, 1);
	assert_date(date_from_ymd(9999, 12, 31), "9999-12-31");
}

static void test_leap_days(void **state)
{
	(void)state;
	int32_t day;
	/* divisible by 4: leap; by 100: not; by 400: leap */
	assert_int_equal(date_parse("2024-02-29", &day), 0);
	assert_int_equal(day, D("2024-03-01") - 1);
	assert_int_equal(date_parse("2000-02-29", &day), 0);
	assert_int_equal(day, 11017 - 1);
	day = 12345;
	assert_int_equal(date_parse("2023-02-29", &day), -1);
	assert_int_equal(date_parse("1900-02-29", &day), -1);
	assert_int_equal(date_parse("2100-02-29", &day), -1);
	assert_int_equal(day, 12345);	/* untouched on failure */
	/* 2024 has 366 days, 2023 and 1900 have 365 */
	assert_int_equal(D("2025-01-01") - D("2024-01-01"), 366);
	assert_int_equal(D("2024-01-01") - D("2023-01-01"), 365);
	assert_int_equal(D("1901-01-01") - D("1900-01-01"), 365);
	assert_int_equal(D("2001-01-01") - D("2000-01-01"), 366);
}

static void test_parse_refuses_malformed(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"", "2026", "2026-1-01", "2026-01-1", "20260101", "2026-01-01 ", " 2026-01-01",
		"2026/01/01", "2026-00-10", "2026-13-01", "2026-01-00", "2026-01-32",
		"2026-04-31", "2026-06-31", "2026-09-31", "2026-11-31", "abcd-ef-gh",
		"+026-01-01", "2026-+1-01", "1899-12-31", "0000-01-01", "2026-01-01T00",
		"2026-1a-01",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int32_t day = 7;
		if (date_parse(bad[i], &day) == 0)
			fail_msg("\"%s\" accepted as day %d", bad[i], (int)day);
	}
	int32_t day;
	assert_int_equal(date_parse(NULL, &day), -1);
	/* the last day of each month of 2026 parses: 31 28 31 30 31 30 31 31 30 31 30 31 */
	static const char *const last[] = {
		"2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31",
		"2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31",
		"2026-11-30", "2026-12-31",
	};
	for (int i = 0; i < 12; i++)
		assert_int_equal(date_parse(last[i], &day), 0);
	assert_int_equal(D("1900-01-01"), -25567);
	assert_int_equal(date_parse("9999-12-31", &day), 0);
}

/* Every day 1900-01-01 .. 2100-12-31 against a calendar walked by hand. */
static void test_ymd_against_calendar_walk(void **state)
{
	(void)state;
	static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y = 1900, m = 1, d = 1;
	int32_t day = -25567;
	int weekday = 1;	/* 1900-01-01 was a Monday */
	while (y <= 2100) {
		int gy, gm, gd;
		date_to_ymd(day, &gy, &gm, &gd);
		if (gy != y || gm != m || gd != d)
			fail_msg("day %d: got %d-%d-%d, want %d-%d-%d", (int)day, gy, gm, gd, y, m,
				 d);
		assert_int_equal(date_from_ymd(y, m, d), day);
		assert_int_equal(date_weekday(day), weekday);
		/* next day, by the calendar rules */
		int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		int n = dim[m - 1] + (m == 2 && leap);
		if (++d > n) {
			d = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
		day++;
		weekday = weekday % 7 + 1;
	}
	assert_int_equal(day, D("2101-01-01"));
}

static void test_weekday_against_calendar(void **state)
{
	(void)state;
	/* 1 = Monday ... 7 = Sunday */
	static const struct { const char *s; int wd; } known[] = {
		{"1970-01-01", 4},	/* Thursday: the epoch */
		{"1969-12-31", 3},	/* Wednesday */
		{"2000-01-01", 6},	/* Saturday */
		{"2000-02-29", 2},	/* Tuesday */
		{"2000-03-01", 3},	/* Wednesday */
		{"2024-02-29", 4},	/* Thursday */
		{"2026-01-01", 4},	/* Thursday */
		{"2026-11-27", 5},	/* Friday */
		{"2026-11-28", 6},	/* Saturday */
		{"2026-11-29", 7},	/* Sunday */
		{"2026-11-30", 1},	/* Monday */
		{"1900-01-01", 1},	/* Monday */
		{"9999-12-31", 5},	/* Friday */
	};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
		if (date_weekday(D(known[i].s)) != known[i].wd)
			fail_msg("%s: weekday %d, want %d", known[i].s, date_weekday(D(known[i].s)),
				 known[i].wd);
		assert_int_equal(date_is_working(D(known[i].s)), known[i].wd <= 5);
	}
}

static void test_add_working_by_hand(void **state)
{
	(void)state;
	static const struct { const char *from; int n; const char *want; } cases[] = {
		{"2026-11-27", 0, "2026-11-27"},	/* Friday stays */
		{"2026-11-27", 1, "2026-11-30"},	/* Fri + 1 = Mon */
		{"2026-11-27", 3, "2026-12-02"},	/* Mon, Tue, Wed */
		{"2026-11-27", 5, "2026-12-04"},	/* a week later */
		{"2026-11-27", 10, "2026-12-11"},
		{"2026-11-28", 0, "2026-11-30"},	/* Saturday moves to Monday */
		{"2026-11-29", 0, "2026-11-30"},	/* Sunday too */
		{"2026-11-29", 1, "2026-12-01"},	/* Sun -> Mon, + 1 = Tue */
		{"2026-11-30", 4, "2026-12-04"},	/* Mon + 4 = Fri */
		{"2026-11-30", 5, "2026-12-07"},	/* Mon + 5 = next Mon */
		{"2026-12-30", 3, "2027-01-04"},	/* Thu 31, Fri 1, Mon 4 */
		{"2024-02-28", 1, "2024-02-29"},	/* Wed -> Thu, a leap day */
		{"2024-02-29", 1, "2024-03-01"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char out[11];
		date_format(date_add_working(D(cases[i].from), cases[i].n), out);
		if (strcmp(out, cases[i].want) != 0)
			fail_msg("%s + %d working days = %s, want %s", cases[i].from, cases[i].n,
				 out, cases[i].want);
	}
}

static void test_working_between_by_hand(void **state)
{
	(void)state;
	/* November 2026: the 1st is a Sunday (27th Friday minus 26 days);
	 * weekdays 2-6, 9-13, 16-20, 23-27 and Monday 30: 5*4 + 1 = 21 */
	assert_int_equal(date_working_between(D("2026-11-01"), D("2026-12-01")), 21);
	assert_int_equal(date_working_between(D("2026-12-01"), D("2026-11-01")), -21);
	/* February 2024: the 1st is a Thursday; Thu-Fri 1-2, 5-9, 12-16,
	 * 19-23, Mon-Thu 26-29: 2 + 15 + 4 = 21 */
	assert_int_equal(date_working_between(D("2024-02-01"), D("2024-03-01")), 21);
	/* the year 2026: 52 weeks and one extra day, Thursday Dec 31: 261 */
	assert_int_equal(date_working_between(D("2026-01-01"), D("2027-01-01")), 261);
	/* half-open: [Fri, Sat) is one day, [Sat, Mon) none, [d, d) none */
	assert_int_equal(date_working_between(D("2026-11-27"), D("2026-11-28")), 1);
	assert_int_equal(date_working_between(D("2026-11-28"), D("2026-11-30")), 0);
	assert_int_equal(date_working_between(D("2026-11-27"), D("2026-11-27")), 0);
	/* Fri 27 .. Fri Dec 4: Fri, Mon-Thu = 5 */
	assert_int_equal(date_working_between(D("2026-11-27"), D("2026-12-04")), 5);
}

/* ---- second method: naive loops on random cases ---- */

static uint64_t rng_state = 0x243F6A8885A308D3ull;	/* fixed seed */

static uint32_t rnd(uint32_t n)	/* 0 .. n-1, xorshift64 */
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state % n);
}

/* Monday to Friday, from the weekday of day 0 (a Thursday) alone. */
static int naive_working(int32_t day)
{
	int32_t k = ((day % 7) + 7) % 7;	/* 0 Thu, 1 Fri, 2 Sat, 3 Sun, 4 Mon, ... */
	return k != 2 && k != 3;
}

static int naive_between(int32_t from, int32_t to)
{
	int sign = 1;
	if (to < from) {
		int32_t t = from;
		from = to;
		to = t;
		sign = -1;
	}
	int n = 0;
	for (int32_t d = from; d < to; d++)
		n += naive_working(d);
	return sign * n;
}

static int32_t naive_add(int32_t day, int n)
{
	while (!naive_working(day))
		day++;
	while (n > 0) {
		day++;
		if (naive_working(day))
			n--;
	}
	return day;
}

static void test_random_against_naive_loops(void **state)
{
	(void)state;
	int32_t lo = D("1990-01-01"), hi = D("2060-12-31");
	for (int i = 0; i < 2000; i++) {
		int32_t a = lo + (int32_t)rnd((uint32_t)(hi - lo));
		int32_t b = a + (int32_t)rnd(2001) - 1000;	/* up to ~3 years either way */
		int got = date_working_between(a, b), want = naive_between(a, b);
		if (got != want) {
			char sa[11], sb[11];
			date_format(a, sa);
			date_format(b, sb);
			fail_msg("working_between(%s, %s) = %d, naive %d", sa, sb, got, want);
		}

		int n = (int)rnd(400);
		int32_t r = date_add_working(a, n);
		int32_t start = naive_add(a, 0);	/* a, or the next working day */
		if (r != naive_add(a, n)) {
			char sa[11];
			date_format(a, sa);
			fail_msg("add_working(%s, %d) = %d, naive %d", sa, n, (int)r,
				 (int)naive_add(a, n));
		}
		assert_true(naive_working(r));
		assert_int_equal(date_working_between(start, r), n);
	}
}

static void test_today_is_utc_day(void **state)
{
	(void)state;
	time_t before = time(NULL);
	int32_t today = date_today();
	time_t after = time(NULL);
	assert_true(today >= (int32_t)(before / 86400));
	assert_true(today <= (int32_t)(after / 86400));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_day_numbers),
		cmocka_unit_test(test_leap_days),
		cmocka_unit_test(test_parse_refuses_malformed),
		cmocka_unit_test(test_ymd_against_calendar_walk),
		cmocka_unit_test(test_weekday_against_calendar),
		cmocka_unit_test(test_add_working_by_hand),
		cmocka_unit_test(test_working_between_by_hand),
		cmocka_unit_test(test_random_against_naive_loops),
		cmocka_unit_test(test_today_is_utc_day),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
