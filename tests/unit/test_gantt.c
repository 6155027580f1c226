/* test_gantt: proves the Gantt chart's schedule and drawing (web/gantt.h)
 * on hand-worked plans.
 *
 * The example plan starts Tuesday 2026-09-01 (day 20697; 2026-08-31 is a
 * Monday, day 20696):
 *   A (3 days)                 Tue 09-01 .. Thu 09-03, end (exclusive) Fri 09-04 = 20700
 *   B (2 days, after A)        Fri 09-04 .. Mon 09-07, end Tue 09-08 = 20704
 *   C (5 days, no deps)        Tue 09-01 .. Mon 09-07, end 20704
 * The chart runs from Monday 08-31 to the Monday after the last end,
 * 09-14 (20710): 14 days, so a day is 16 units wide, and x(day) =
 * 240 + (day - 20696) * 16. Rows are 28 high under a 40-high axis, a bar
 * 6 below its row's top: A's bar is x 256 width 48 y 46, B's x 304
 * width 64 y 74, C's x 256 width 112 y 102. The arrow A -> B leaves A's
 * end (304, 54) and reaches B's start (304, 82): no room to run
 * straight, so it goes round between the rows (y 68).
 * Also shown: lags over weekends, the latest of several predecessors,
 * due days (stretching, and one that cannot be met), milestones, unknown
 * and cyclic dependencies, week ticks, the width of a day for long
 * plans, names escaped and cut. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "base/date.h"
#include "web/gantt.h"

#include "testutil.h"

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static void test_example_schedule(void **state)
{
	(void)state;
	assert_int_equal(date_from_ymd(2026, 9, 1), 20697);
	assert_int_equal(date_weekday(20697), 2);
	struct gantt_bar b[] = {
		{.id = 1, .name = "A", .status = "done", .duration_days = 3, .due = GANTT_NO_DAY},
		{.id = 2, .name = "B", .status = "doing", .duration_days = 2, .due = GANTT_NO_DAY},
		{.id = 3, .name = "C", .status = "todo", .duration_days = 5, .due = GANTT_NO_DAY},
	};
	struct gantt_dep d[] = {{.from = 1, .to = 2}};
	assert_int_equal(gantt_schedule(20697, b, 3, d, 1), 0);
	assert_int_equal(b[0].start_day, 20697);
	assert_int_equal(b[0].end_day, 20700);
	assert_int_equal(b[1].start_day, 20700);
	assert_int_equal(b[1].end_day, 20704);
	assert_int_equal(b[2].start_day, 20697);
	assert_int_equal(b[2].end_day, 20704);
	for (int i = 0; i < 3; i++)
		assert_int_equal(b[i].late, 0);

	int32_t from, to;
	int dw;
	gantt_range(b, 3, &from, &to, &dw);
	assert_int_equal(from, 20696);
	assert_int_equal(to, 20710);
	assert_int_equal(dw, 16);

	struct buf s = BUF_INIT;
	struct gantt_chart c = {.title = "Depot move", .id = "g", .bars = b, .n = 3, .deps = d,
				.nd = 1, .today = GANTT_NO_DAY};
	gantt_svg(&s, &c);
	assert_false(s.failed);
	const char *svg = buf_str(&s);
	assert_contains(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gantt\" role=\"img\" "
			     "width=\"480\" height=\"132\" viewBox=\"0 0 480 132\" "
			     "aria-labelledby=\"g-title g-desc\">");
	assert_contains(svg, "<title id=\"g-title\">Gantt chart of plan Depot move</title>");
	assert_contains(svg, "<desc id=\"g-desc\">3 steps from 2026-09-01 to 2026-09-07;");
	assert_contains(svg, "<rect class=\"bar st-done\" x=\"256\" y=\"46\" width=\"48\" height=\"16\"");
	assert_contains(svg, "<rect class=\"bar st-doing\" x=\"304\" y=\"74\" width=\"64\"");
	assert_contains(svg, "<rect class=\"bar st-todo\" x=\"256\" y=\"102\" width=\"112\"");
	assert_contains(svg, "<title>B: 2026-09-04 to 2026-09-07, doing</title>");
	/* one arrow, with its arrowhead */
	assert_int_equal(count(svg, "class=\"dep\""), 1);
	assert_contains(svg, "<path class=\"dep\" marker-end=\"url(#g-arrow)\" "
			     "d=\"M304,54 H310 V68 H298 V82 H304\"/>");
	assert_contains(svg, "<marker id=\"g-arrow\"");
	/* ticks on the Mondays 08-31, 09-07 and 09-14; labels on the first two */
	assert_int_equal(count(svg, "class=\"tick\""), 3);
	assert_contains(svg, "<line class=\"tick\" x1=\"240\"");
	assert_contains(svg, "<line class=\"tick\" x1=\"352\"");
	assert_contains(svg, "<line class=\"tick\" x1=\"464\"");
	assert_contains(svg, ">Aug 31</text>");
	assert_contains(svg, ">Sep 7</text>");
	assert_contains(svg, ">2026</text>");
	/* colors come from classes only */
	assert_null(strstr(svg, "style="));
	assert_null(strstr(svg, "fill=\"#"));
	buf_free(&s);
}

static void test_straight_arrow_and_lag(void **state)
{
	(void)state;
	/* A: Mon 2026-09-07 (20703), 5 days -> Mon..Fri, end Sat 09-12 (20708).
	 * B after A with lag 2: the first working day after the end is Mon
	 * 09-14 (20710), plus 2 working days: Wed 09-16 (20712); 1 day, end 20713. */
	struct gantt_bar b[] = {
		{.id = 10, .name = "A", .status = "todo", .duration_days = 5, .due = GANTT_NO_DAY},
		{.id = 11, .name = "B", .status = "todo", .duration_days = 1, .due = GANTT_NO_DAY},
	};
	struct gantt_dep d[] = {{.from = 10, .to = 11, .lag_days = 2}};
	assert_int_equal(gantt_schedule(20703, b, 2, d, 1), 0);
	assert_int_equal(b[0].end_day, 20708);
	assert_int_equal(b[1].start_day, 20712);
	assert_int_equal(b[1].end_day, 20713);
	/* from Monday 20703 to 20717: x(day) = 240 + (day - 20703) * 16;
	 * A ends at x 320 (y 54), B starts at x 384 (y 82): straight */
	struct buf s = BUF_INIT;
	struct gantt_chart c = {.title = "P", .id = "g", .bars = b, .n = 2, .deps = d, .nd = 1,
				.today = 20705};
	gantt_svg(&s, &c);
	assert_contains(buf_str(&s), "d=\"M320,54 H326 V82 H384\"/>");
	/* today, Wed 09-09: x = 240 + 2 * 16 + 8 */
	assert_contains(buf_str(&s), "<line class=\"today\" x1=\"280\"");
	buf_free(&s);
}

static void test_latest_predecessor_wins(void **state)
{
	(void)state;
	/* start Mon 20703. P1 1 day (end 20704), P2 4 days (end 20707),
	 * D after both: starts Fri 20707. Listed dependant-first. */
	struct gantt_bar b[] = {
		{.id = 3, .name = "D", .duration_days = 1, .due = GANTT_NO_DAY},
		{.id = 1, .name = "P1", .duration_days = 1, .due = GANTT_NO_DAY},
		{.id = 2, .name = "P2", .duration_days = 4, .due = GANTT_NO_DAY},
	};
	struct gantt_dep d[] = {{.from = 1, .to = 3}, {.from = 2, .to = 3}};
	assert_int_equal(gantt_schedule(20703, b, 3, d, 2), 0);
	assert_int_equal(b[1].end_day, 20704);
	assert_int_equal(b[2].end_day, 20707);
	assert_int_equal(b[0].start_day, 20707);
	assert_int_equal(b[0].end_day, 20708);
}

static void test_due_and_milestone(void **state)
{
	(void)state;
	/* plan start Sat 2026-09-05 (20701) moves to Mon 20703.
	 * S1 2 days, due Fri 20707: the due day is its last: end 20708.
	 * S2 after S1, 3 days, due Mon 20703, before its start Mon 20710:
	 *    late, keeps its 3 days: end Thu 20713.
	 * M  a milestone after S1: start = end = Mon 20710.
	 * N  after M: starts the same day. */
	struct gantt_bar b[] = {
		{.id = 1, .name = "S1", .duration_days = 2, .due = 20707},
		{.id = 2, .name = "S2", .duration_days = 3, .due = 20703},
		{.id = 3, .name = "M", .status = "todo", .duration_days = 0, .due = GANTT_NO_DAY},
		{.id = 4, .name = "N", .duration_days = 1, .due = GANTT_NO_DAY},
	};
	struct gantt_dep d[] = {{.from = 1, .to = 2}, {.from = 1, .to = 3}, {.from = 3, .to = 4}};
	assert_int_equal(gantt_schedule(20701, b, 4, d, 3), 0);
	assert_int_equal(b[0].start_day, 20703);
	assert_int_equal(b[0].end_day, 20708);
	assert_int_equal(b[1].start_day, 20710);
	assert_int_equal(b[1].end_day, 20713);
	assert_int_equal(b[1].late, 1);
	assert_int_equal(b[2].start_day, 20710);
	assert_int_equal(b[2].end_day, 20710);
	assert_int_equal(b[3].start_day, 20710);
	struct buf s = BUF_INIT;
	struct gantt_chart c = {.title = "P", .bars = b, .n = 4, .deps = d, .nd = 3,
				.today = GANTT_NO_DAY};
	gantt_svg(&s, &c);
	assert_contains(buf_str(&s), "class=\"bar st-none late\"");
	assert_contains(buf_str(&s), "<path class=\"milestone st-todo\"");
	assert_int_equal(count(buf_str(&s), "class=\"dep\""), 3);
	buf_free(&s);
}

static void test_unknown_and_cyclic_deps(void **state)
{
	(void)state;
	/* a dependency on a step outside the chart is ignored; a cycle
	 * (which the domain refuses to store) does not hang */
	struct gantt_bar b[] = {
		{.id = 1, .name = "A", .duration_days = 1, .due = GANTT_NO_DAY},
		{.id = 2, .name = "B", .duration_days = 1, .due = GANTT_NO_DAY},
		{.id = 3, .name = "C", .duration_days = 2, .due = GANTT_NO_DAY},
	};
	struct gantt_dep d[] = {{.from = 99, .to = 3}, {.from = 1, .to = 2}, {.from = 2, .to = 1},
				{.from = 3, .to = 3}};
	assert_int_equal(gantt_schedule(20703, b, 3, d, 4), 0);
	assert_int_equal(b[2].start_day, 20703);
	assert_int_equal(b[2].end_day, 20705);
	assert_true(b[0].start_day >= 20703 && b[1].start_day >= 20703);
	struct buf s = BUF_INIT;
	struct gantt_chart c = {.title = "P", .bars = b, .n = 3, .deps = d, .nd = 4,
				.today = GANTT_NO_DAY};
	gantt_svg(&s, &c);
	/* the two arrows between A and B; none for 99 -> C or C -> C */
	assert_int_equal(count(buf_str(&s), "class=\"dep\""), 2);
	buf_free(&s);
}

static void test_escaping_and_cutting(void **state)
{
	(void)state;
	struct gantt_bar b[] = {
		{.id = 1, .name = "<&\">", .status = "todo", .duration_days = 1, .due = GANTT_NO_DAY},
		{.id = 2, .name = "\xC3\xA9" "0123456789012345678901234567890123456789",
		 .status = "x\" onclick=\"", .duration_days = 1, .due = GANTT_NO_DAY},
	};
	assert_int_equal(gantt_schedule(20703, b, 2, NULL, 0), 0);
	struct buf s = BUF_INIT;
	struct gantt_chart c = {.title = "<script>alert(1)</script>", .id = "g", .bars = b, .n = 2,
				.today = GANTT_NO_DAY};
	gantt_svg(&s, &c);
	const char *svg = buf_str(&s);
	assert_contains(svg, ">&lt;&amp;&quot;&gt;</text>");
	assert_contains(svg, "<title>&lt;&amp;&quot;&gt;: 2026-09-07 to 2026-09-07, todo</title>");
	assert_contains(svg, "Gantt chart of plan &lt;script&gt;alert(1)&lt;/script&gt;");
	assert_null(strstr(svg, "<&\">"));
	assert_null(strstr(svg, "<script>"));
	/* a status that is no class word becomes "other" */
	assert_contains(svg, "class=\"bar st-other\"");
	assert_null(strstr(svg, "onclick=\""));
	/* 34 characters shown (é counts one), then an ellipsis */
	assert_contains(svg, ">\xC3\xA9" "012345678901234567890123456789012\xE2\x80\xA6</text>");
	buf_free(&s);
}

static void test_day_width(void **state)
{
	(void)state;
	static const struct {
		int span_days, want;
	} cases[] = {{7, 16}, {70, 16}, {71, 8}, {182, 8}, {183, 4}, {364, 4}, {400, 2}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		/* a bar from a Monday over span-1 days ends on a Monday boundary
		 * rounded up: the span is a whole number of weeks */
		struct gantt_bar b = {.start_day = 20703, .end_day = 20703 + cases[i].span_days};
		int32_t from, to;
		int dw;
		gantt_range(&b, 1, &from, &to, &dw);
		assert_int_equal(from, 20703);
		assert_int_equal((to - from) % 7, 0);
		int span = (int)(to - from);
		int want = span <= 70 ? 16 : span <= 182 ? 8 : span <= 364 ? 4 : 2;
		assert_int_equal(dw, want);
		if (span == cases[i].span_days)
			assert_int_equal(dw, cases[i].want);
	}
	/* no bars: nothing drawn */
	struct buf s = BUF_INIT;
	struct gantt_chart c = {.title = "P", .n = 0, .today = GANTT_NO_DAY};
	gantt_svg(&s, &c);
	assert_int_equal(s.len, 0);
	buf_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_example_schedule),
		cmocka_unit_test(test_straight_arrow_and_lag),
		cmocka_unit_test(test_latest_predecessor_wins),
		cmocka_unit_test(test_due_and_milestone),
		cmocka_unit_test(test_unknown_and_cyclic_deps),
		cmocka_unit_test(test_escaping_and_cutting),
		cmocka_unit_test(test_day_width),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
