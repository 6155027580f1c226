/* test_timeprofile: the time profile's fixed tables and arithmetic,
 * checked against a second source: the class keys against the step
 * module's list (the schema's CHECK), the process of each class against
 * DESIGN.md's pairs, and the shares' rounding by hand. The queries and
 * the roll-up are tested end to end in tests/cli/timeprofile.sh. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "testutil.h"

#include "balance/timeprofile.h"
#include "manage/step.h"

/* the ten classes in the order of step_activities, then unclassified */
static void test_class_keys(void **state)
{
	(void)state;
	for (int c = 0; c < TP_UNCLASSIFIED; c++)
		assert_string_equal(tp_class_keys[c], step_activities[c]);
	assert_string_equal(step_activities[TP_UNCLASSIFIED], "none");
	assert_string_equal(tp_class_keys[TP_UNCLASSIFIED], "unclassified");
}

/* DESIGN.md: planning+budgeting, organizing+staffing,
 * controlling+problem-solving; direction; aligning; motivating+change */
static void test_processes(void **state)
{
	(void)state;
	static const struct {
		const char *cls, *process;
	} pairs[] = {
		{"planning", "planning"},     {"budgeting", "planning"},
		{"organizing", "staffing"},   {"staffing", "staffing"},
		{"controlling", "controlling"}, {"problem-solving", "controlling"},
		{"direction", "direction"},   {"aligning", "aligning"},
		{"motivating", "motivating"}, {"change", "motivating"},
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		int c = -1;
		for (int k = 0; k < TP_CLASSES; k++)
			if (strcmp(tp_class_keys[k], pairs[i].cls) == 0)
				c = k;
		assert_true(c >= 0);
		assert_string_equal(tp_process_keys[tp_process_of(c)], pairs[i].process);
	}
	assert_int_equal(tp_process_of(TP_UNCLASSIFIED), -1);
	assert_int_equal(tp_process_of(-1), -1);
	assert_int_equal(tp_process_of(TP_CLASSES), -1);
}

/* minutes 1..11 on the eleven classes: management = 1+..+6 = 21,
 * leadership = 7+8+9+10 = 34, total 66 */
static void test_sums(void **state)
{
	(void)state;
	struct tp_mix m = {0};
	for (int c = 0; c < TP_CLASSES; c++) {
		m.minutes[c] = c + 1;
		m.total += c + 1;
	}
	assert_int_equal(m.total, 66);
	assert_int_equal(tp_process_minutes(&m, 0), 1 + 2);
	assert_int_equal(tp_process_minutes(&m, 5), 9 + 10);
	assert_int_equal(tp_management_minutes(&m), 21);
	assert_int_equal(tp_leadership_minutes(&m), 34);
}

/* shares x10, half up: 180/540 = 33.33 -> 333; 30/540 = 5.555 -> 56;
 * 1/8 = 12.5 -> 125; 1/16 = 6.25 -> 63 (half up); 2/3 = 66.67 -> 667;
 * 0 of a total -> 0; nothing logged -> -1 */
static void test_share(void **state)
{
	(void)state;
	assert_int_equal(tp_share10(180, 540), 333);
	assert_int_equal(tp_share10(30, 540), 56);
	assert_int_equal(tp_share10(1, 8), 125);
	assert_int_equal(tp_share10(1, 16), 63);
	assert_int_equal(tp_share10(2, 3), 667);
	assert_int_equal(tp_share10(540, 540), 1000);
	assert_int_equal(tp_share10(0, 540), 0);
	assert_int_equal(tp_share10(0, 0), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_class_keys),
		cmocka_unit_test(test_processes),
		cmocka_unit_test(test_sums),
		cmocka_unit_test(test_share),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
