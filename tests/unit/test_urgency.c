/* test_urgency: the urgency rule (urgency_classify) at its edges, with
 * the default thresholds (window 90, outward 1.0 per 10 people, reviewed
 * 50 %, activity 3.0 per 10, progress 25 %), worked by hand:
 *   10 people, 1 external signal reviewed, 1 of 4 open steps advanced:
 *     1.0 per 10 (>= 1.0), 100 % reviewed, 25 % (>= 25): true urgency.
 *   the same with 11 people: 1 x 100 / 11 = 9 tenths (0.9 < 1.0): not
 *     outward; activity 0: complacency.
 *   2 signals, 1 reviewed: 50 % (>= 50) outward; 1 of 2 reviewed of 3:
 *     33 %: not.
 *   3 meetings for 10 people: 3.0 (busy), 0 of 4 advanced: false
 *     urgency; 2 meetings + 0 others: 2.0, not busy: complacency.
 *   no people counts as one: 1 signal, 1 reviewed, 1 of 1 advanced:
 *     10.0 per 10: true urgency.
 *   no open steps is no progress, whatever the rest: busy -> false. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "change/urgency.h"

static const struct urgency_thresholds th = {90, 10, 50, 30, 25};

static void true_urgency_at_the_edges(void **state)
{
	(void)state;
	struct urgency_ind d = {.people = 10, .ext_signals = 1, .ext_reviewed = 1,
				.open_steps = 4, .advanced = 1};
	assert_int_equal(urgency_classify(&d, &th), URG_TRUE);
	assert_int_equal(d.ext_x10, 10);
	assert_int_equal(d.reviewed_pct, 100);
	assert_int_equal(d.advanced_pct, 25);
	d.people = 11;
	assert_int_equal(urgency_classify(&d, &th), URG_COMPLACENCY);
	assert_int_equal(d.ext_x10, 9);
	assert_int_equal(d.outward, 0);
	assert_int_equal(d.progress, 1);
}

static void reviewed_share(void **state)
{
	(void)state;
	struct urgency_ind d = {.people = 10, .ext_signals = 2, .ext_reviewed = 1,
				.open_steps = 1, .advanced = 1};
	assert_int_equal(urgency_classify(&d, &th), URG_TRUE);
	assert_int_equal(d.reviewed_pct, 50);
	d.ext_signals = 3;
	assert_int_equal(urgency_classify(&d, &th), URG_COMPLACENCY);
	assert_int_equal(d.reviewed_pct, 33);
}

static void false_urgency_and_its_edge(void **state)
{
	(void)state;
	struct urgency_ind d = {.people = 10, .meetings = 3, .open_steps = 4};
	assert_int_equal(urgency_classify(&d, &th), URG_FALSE);
	assert_int_equal(d.activity, 3);
	assert_int_equal(d.activity_x10, 30);
	d.meetings = 1;
	d.new_plans = 1;
	assert_int_equal(urgency_classify(&d, &th), URG_COMPLACENCY);
	/* every kind of activity counts */
	d.problems = 1;
	assert_int_equal(urgency_classify(&d, &th), URG_FALSE);
	d.problems = 0;
	d.int_signals = 1;
	assert_int_equal(urgency_classify(&d, &th), URG_FALSE);
	/* busy but moving is not false urgency */
	d.advanced = 1;
	assert_int_equal(urgency_classify(&d, &th), URG_COMPLACENCY);
}

static void no_people_and_no_steps(void **state)
{
	(void)state;
	struct urgency_ind d = {.people = 0, .ext_signals = 1, .ext_reviewed = 1,
				.open_steps = 1, .advanced = 1, .done = 1};
	assert_int_equal(urgency_classify(&d, &th), URG_TRUE);
	assert_int_equal(d.ext_x10, 100);
	assert_int_equal(d.done_x10, 100);
	struct urgency_ind e = {.people = 2, .ext_signals = 5, .ext_reviewed = 5, .meetings = 9};
	assert_int_equal(urgency_classify(&e, &th), URG_FALSE);
	assert_int_equal(e.progress, 0);
	assert_int_equal(e.advanced_pct, 0);
}

static void labels(void **state)
{
	(void)state;
	assert_string_equal(urgency_label_name(URG_TRUE), "true urgency");
	assert_string_equal(urgency_label_name(URG_FALSE), "false urgency");
	assert_string_equal(urgency_label_name(URG_COMPLACENCY), "complacency");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(true_urgency_at_the_edges),
		cmocka_unit_test(reviewed_share),
		cmocka_unit_test(false_urgency_and_its_edge),
		cmocka_unit_test(no_people_and_no_steps),
		cmocka_unit_test(labels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
