/* test_capacity: spreading remaining work over working days, and weekly
 * capacity, with values worked out by hand.
 *
 * Calendar: Monday to Friday; in the holiday cases Wednesday 2030-01-16 is
 * a holiday. 2030-01-07 is a Monday. Loads go into weeks from Monday
 * 2030-01-07 (w0), 2030-01-14 (w1), 2030-01-21 (w2).
 *
 * 1. 600 minutes over Jan 7-18 (10 working days): 60 a day; w0 300, w1 300.
 * 2. The same with the holiday: 9 working days; 600 / 9 is not whole:
 *    day i gets floor(600 (i+1) / 9) - floor(600 i / 9):
 *    66 67 67 66 67 67 (Jan 7-11, 14) ... cumulative floors 66 133 200 266
 *    333 400 466 533 600: w0 (days 0-4) = 333, w1 (days 5-8, Jan 14 15 17
 *    18) = 600 - 333 = 267; together exactly 600.
 * 3. A span already over (Jan 1-3, today Jan 9): all 600 on Jan 9 (w0).
 * 4. A span half over (Jan 7-18, today Wed Jan 16 = the holiday): the days
 *    left are Jan 17 and 18: 300 each, all in w1.
 * 5. Today on a Saturday (Jan 12) and a span over: the first working day
 *    is Monday Jan 14: w1.
 * 6. Days outside the window are dropped: a span Jan 21 - Feb 1 (10 days,
 *    60 a day with 600) seen through w0-w1 only loads nothing; through a
 *    3-week window w2 gets Jan 21-25: 300.
 * 7. Weekly capacity of 2400 minutes (40 h): 2400 in a normal week, 1920
 *    (4/5) in the holiday week; with a four-day working week (Mon-Thu),
 *    2400 in a normal week and 2400 x 3/4 = 1800 in the holiday week. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "base/date.h"
#include "manage/calendar.h"
#include "manage/capacity.h"

static int32_t day(const char *s)
{
	int32_t d = 0;
	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static struct calendar cal_with_holiday(int32_t *holiday)
{
	struct calendar cal;
	calendar_default(&cal);
	*holiday = day("2030-01-16");
	cal.holidays = holiday;
	cal.nholidays = 1;
	return cal;
}

static void test_even_spread(void **state)
{
	(void)state;
	struct calendar cal;
	calendar_default(&cal);
	int64_t load[3] = {0};
	capacity_spread(&cal, day("2030-01-07"), day("2030-01-18"), day("2026-01-01"), 600,
			day("2030-01-07"), 3, load);
	assert_int_equal(load[0], 300);
	assert_int_equal(load[1], 300);
	assert_int_equal(load[2], 0);
}

static void test_holiday_spread_is_exact(void **state)
{
	(void)state;
	int32_t h;
	struct calendar cal = cal_with_holiday(&h);
	int64_t load[3] = {0};
	capacity_spread(&cal, day("2030-01-07"), day("2030-01-18"), day("2026-01-01"), 600,
			day("2030-01-07"), 3, load);
	assert_int_equal(load[0], 333);
	assert_int_equal(load[1], 267);
	assert_int_equal(load[0] + load[1] + load[2], 600);
}

static void test_span_over_lands_today(void **state)
{
	(void)state;
	struct calendar cal;
	calendar_default(&cal);
	int64_t load[3] = {0};
	capacity_spread(&cal, day("2030-01-01"), day("2030-01-03"), day("2030-01-09"), 600,
			day("2030-01-07"), 3, load);
	assert_int_equal(load[0], 600);
	assert_int_equal(load[1], 0);
	/* a Saturday today: the next working day, Monday of w1 */
	memset(load, 0, sizeof load);
	capacity_spread(&cal, day("2030-01-01"), day("2030-01-03"), day("2030-01-12"), 600,
			day("2030-01-07"), 3, load);
	assert_int_equal(load[0], 0);
	assert_int_equal(load[1], 600);
}

static void test_span_half_over(void **state)
{
	(void)state;
	int32_t h;
	struct calendar cal = cal_with_holiday(&h);
	int64_t load[3] = {0};
	capacity_spread(&cal, day("2030-01-07"), day("2030-01-18"), day("2030-01-16"), 600,
			day("2030-01-07"), 3, load);
	assert_int_equal(load[0], 0);
	assert_int_equal(load[1], 600);
}

static void test_window(void **state)
{
	(void)state;
	struct calendar cal;
	calendar_default(&cal);
	int64_t load[3] = {0};
	capacity_spread(&cal, day("2030-01-21"), day("2030-02-01"), day("2026-01-01"), 600,
			day("2030-01-07"), 2, load);
	assert_int_equal(load[0] + load[1], 0);
	capacity_spread(&cal, day("2030-01-21"), day("2030-02-01"), day("2026-01-01"), 600,
			day("2030-01-07"), 3, load);
	assert_int_equal(load[2], 300);
	/* a milestone: its start day alone */
	memset(load, 0, sizeof load);
	capacity_spread(&cal, day("2030-01-15"), day("2030-01-15"), day("2026-01-01"), 90,
			day("2030-01-07"), 3, load);
	assert_int_equal(load[1], 90);
}

static void test_week_capacity(void **state)
{
	(void)state;
	int32_t h;
	struct calendar cal = cal_with_holiday(&h);
	assert_int_equal(capacity_week(&cal, 2400, day("2030-01-07")), 2400);
	assert_int_equal(capacity_week(&cal, 2400, day("2030-01-14")), 1920);
	cal.workdays = 0x0f;	/* Monday to Thursday */
	assert_int_equal(capacity_week(&cal, 2400, day("2030-01-07")), 2400);
	assert_int_equal(capacity_week(&cal, 2400, day("2030-01-14")), 1800);
	cal.workdays = 0;
	assert_int_equal(capacity_week(&cal, 2400, day("2030-01-07")), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_even_spread),
		cmocka_unit_test(test_holiday_spread_is_exact),
		cmocka_unit_test(test_span_over_lands_today),
		cmocka_unit_test(test_span_half_over),
		cmocka_unit_test(test_window),
		cmocka_unit_test(test_week_capacity),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
