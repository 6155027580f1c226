/* test_budget: the proration of a unit's period line to a report's
 * period, by calendar days, worked by hand:
 *
 *   100.00 for March 2026 (31 days) over 03-03..03-10 (8 days):
 *       10000 x 8 / 31 = 2580.6 -> 2581
 *   1000.00 for 2026 (365 days) over 03-03..03-10:
 *       100000 x 8 / 365 = 2191.8 -> 2192
 *   the same over 12-25..2027-01-10: 7 days inside (12-25..12-31):
 *       100000 x 7 / 365 = 1917.8 -> 1918
 *   a period that misses the line: 0; no period: the whole amount;
 *   only a start (from 2026-12-01): December's 31 days of 365:
 *       100000 x 31 / 365 = 8493.2 -> 8493
 *   a line of one day inside the period: all of it; half a cent rounds
 *   up: 1 cent over 2 days, one inside: 0.5 -> 1. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "manage/budget.h"

static void test_prorate(void **state)
{
	(void)state;
	assert_int_equal(budget_prorate(10000, "2026-03-01", "2026-03-31", "2026-03-03",
					"2026-03-10"), 2581);
	assert_int_equal(budget_prorate(100000, "2026-01-01", "2026-12-31", "2026-03-03",
					"2026-03-10"), 2192);
	assert_int_equal(budget_prorate(100000, "2026-01-01", "2026-12-31", "2026-12-25",
					"2027-01-10"), 1918);
	assert_int_equal(budget_prorate(100000, "2026-01-01", "2026-12-31", "2027-01-01",
					NULL), 0);
	assert_int_equal(budget_prorate(100000, "2026-01-01", "2026-12-31", NULL, "2025-12-31"),
			 0);
	assert_int_equal(budget_prorate(100000, "2026-01-01", "2026-12-31", NULL, NULL), 100000);
	assert_int_equal(budget_prorate(100000, "2026-01-01", "2026-12-31", "2026-12-01", NULL),
			 8493);
	assert_int_equal(budget_prorate(777, "2026-05-05", "2026-05-05", "2026-05-01",
					"2026-05-31"), 777);
	assert_int_equal(budget_prorate(1, "2026-05-05", "2026-05-06", "2026-05-06", NULL), 1);
	/* a line without a period (a plan's) always counts in full */
	assert_int_equal(budget_prorate(5000, NULL, NULL, "2026-01-01", "2026-01-02"), 5000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prorate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
