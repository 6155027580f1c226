/* test_archetype: the archetype generator's small parts (src/balance/
 * archetype_gen.h) against hand-worked answers and naive methods.
 *
 *   - arch_range stays in [lo, hi], reaches both ends, and the same seed
 *     gives the same draws;
 *   - arch_work_back: hand-counted days around the weekend of
 *     2026-11-28/29 (2026-11-27 is a Friday), and for 500 fixed-seed
 *     random cases the inverse of date_add_working;
 *   - the selection sampling picks exactly n x percent / 100 items when
 *     that is whole (8 items at 75 %: 6), never more than n, and for a
 *     fraction one of the two counts around it (3 items at 50 %: 1 or 2,
 *     each in about half the runs);
 *   - archetype_find knows the four names and nothing else. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "balance/archetype_gen.h"
#include "base/date.h"

static int32_t D(const char *s)
{
	int32_t d = 0;
	if (date_parse(s, &d) != 0)
		fail_msg("date_parse refused \"%s\"", s);
	return d;
}

static void test_range(void **state)
{
	(void)state;
	struct rng r = {.s = 42}, again = {.s = 42};
	int seen_lo = 0, seen_hi = 0;
	for (int i = 0; i < 10000; i++) {
		int64_t v = arch_range(&r, 3, 9);
		assert_true(v >= 3 && v <= 9);
		seen_lo |= v == 3;
		seen_hi |= v == 9;
		assert_int_equal(v, arch_range(&again, 3, 9));
	}
	assert_true(seen_lo && seen_hi);
	/* an empty or single range gives its low end without drawing */
	assert_int_equal(arch_range(&r, 5, 5), 5);
	assert_int_equal(arch_range(&r, 5, 2), 5);
}

static void test_work_back(void **state)
{
	(void)state;
	/* Fri 27, Sat 28, Sun 29, Mon 30 November 2026 */
	assert_int_equal(arch_work_back(D("2026-11-30"), 1), D("2026-11-27"));
	assert_int_equal(arch_work_back(D("2026-11-28"), 0), D("2026-11-27"));
	assert_int_equal(arch_work_back(D("2026-11-29"), 1), D("2026-11-26"));
	/* five working days before a Friday: the Friday before */
	assert_int_equal(arch_work_back(D("2026-11-27"), 5), D("2026-11-20"));
	assert_int_equal(arch_work_back(D("2026-11-30"), 0), D("2026-11-30"));
	/* the inverse of date_add_working from a working day */
	struct rng r = {.s = 7};
	for (int i = 0; i < 500; i++) {
		int32_t day = D("2026-01-05") + (int32_t)arch_range(&r, 0, 700);
		int n = (int)arch_range(&r, 0, 60);
		int32_t back = arch_work_back(day, n);
		assert_true(date_is_working(back));
		int32_t working = day;
		while (!date_is_working(working))
			working--;
		assert_int_equal(date_add_working(back, n), working);
	}
}

static int64_t picked(struct rng *r, int64_t n, int64_t percent)
{
	struct pick p = arch_pick_start(r, n, percent);
	int64_t k = 0;
	for (int64_t i = 0; i < n; i++)
		k += arch_pick_next(r, &p);
	return k;
}

static void test_pick(void **state)
{
	(void)state;
	struct rng r = {.s = 99};
	int ones = 0;
	for (int i = 0; i < 1000; i++) {
		assert_int_equal(picked(&r, 8, 75), 6);		/* 8 x 0.75 = 6 */
		assert_int_equal(picked(&r, 10, 100), 10);
		assert_int_equal(picked(&r, 10, 0), 0);
		assert_int_equal(picked(&r, 4, 50), 2);
		int64_t k = picked(&r, 3, 50);			/* 1.5: 1 or 2 */
		assert_true(k == 1 || k == 2);
		ones += k == 1;
	}
	/* each about half the time: 1000 runs, 500 expected, 4 sigma is 63 */
	assert_true(ones > 437 && ones < 563);
	/* which items: every position is picked about as often (8 at 25 %) */
	int64_t hits[8] = {0};
	for (int i = 0; i < 8000; i++) {
		struct pick p = arch_pick_start(&r, 8, 25);
		for (int j = 0; j < 8; j++)
			hits[j] += arch_pick_next(&r, &p);
	}
	for (int j = 0; j < 8; j++)	/* 2000 expected each, sigma about 39 */
		assert_true(hits[j] > 1800 && hits[j] < 2200);
}

static void test_find(void **state)
{
	(void)state;
	assert_int_equal(archetype_find("strong"), ARCH_STRONG);
	assert_int_equal(archetype_find("overmanaged"), ARCH_OVERMANAGED);
	assert_int_equal(archetype_find("overled"), ARCH_OVERLED);
	assert_int_equal(archetype_find("weak"), ARCH_WEAK);
	assert_int_equal(archetype_find("Strong"), -1);
	assert_int_equal(archetype_find(""), -1);
	assert_int_equal(archetype_find(NULL), -1);
	assert_string_equal(archetype_quadrants[ARCH_OVERLED], "overled-undermanaged");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_range),
		cmocka_unit_test(test_work_back),
		cmocka_unit_test(test_pick),
		cmocka_unit_test(test_find),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
