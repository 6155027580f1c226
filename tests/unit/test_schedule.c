/* test_schedule: the critical path method.
 *
 * The textbook network is the "Reliable Construction Company" project of
 * Hillier and Lieberman, Introduction to Operations Research (chapter on
 * project management with PERT/CPM): 14 activities, durations in weeks
 * (here working days; the unit does not matter), known to take 44 with
 * the critical path A B C E F J L N. The passes, worked by hand:
 *
 *   act dur after   ES EF  LS LF  float
 *   A    2  -        0  2   0  2   0  *
 *   B    4  A        2  6   2  6   0  *
 *   C   10  B        6 16   6 16   0  *
 *   D    6  C       16 22  20 26   4
 *   E    4  C       16 20  16 20   0  *
 *   F    5  E       20 25  20 25   0  *
 *   G    7  D       22 29  26 33   4
 *   H    9  E,G     29 38  33 42   4
 *   I    7  C       16 23  18 25   2
 *   J    8  F,I     25 33  25 33   0  *
 *   K    4  J       33 37  34 38   1
 *   L    5  J       33 38  33 38   0  *
 *   M    2  H       38 40  42 44   4
 *   N    6  K,L     38 44  38 44   0  *
 *
 * Then lags (a lag delays the dependant, a negative lag overlaps), a
 * cycle refused, and plan_schedule's dates on a real plan: a plan that
 * starts on Friday 2026-11-27 with A (2 days) and B (3 days, 1 day after
 * A): A runs Fri 11-27 and Mon 11-30; B starts after Tue 12-01, runs
 * Wed 12-02 to Fri 12-04; 6 working days; both critical. A third step C
 * (1 day, no dependencies) has float 5 and ends its late window on the
 * plan's last day, Fri 12-04. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/date.h"
#include "base/err.h"
#include "manage/plan.h"
#include "manage/schedule.h"
#include "manage/step.h"
#include "org/unit.h"
#include "store/db.h"

#include "testutil.h"

static void test_textbook_network(void **state)
{
	(void)state;
	/* ids 1..14 = A..N, listed out of order on purpose */
	static const int dur[15] = {0, 2, 4, 10, 6, 4, 5, 7, 9, 7, 8, 4, 5, 2, 6};
	static const struct cpm_edge edges[] = {
		{1, 2, 0}, {2, 3, 0}, {3, 4, 0}, {3, 5, 0}, {5, 6, 0}, {4, 7, 0},
		{5, 8, 0}, {7, 8, 0}, {3, 9, 0}, {6, 10, 0}, {9, 10, 0}, {10, 11, 0},
		{10, 12, 0}, {8, 13, 0}, {11, 14, 0}, {12, 14, 0},
	};
	static const int want[15][5] = {
		/* ES EF LS LF float */
		{0}, {0, 2, 0, 2, 0}, {2, 6, 2, 6, 0}, {6, 16, 6, 16, 0}, {16, 22, 20, 26, 4},
		{16, 20, 16, 20, 0}, {20, 25, 20, 25, 0}, {22, 29, 26, 33, 4}, {29, 38, 33, 42, 4},
		{16, 23, 18, 25, 2}, {25, 33, 25, 33, 0}, {33, 37, 34, 38, 1}, {33, 38, 33, 38, 0},
		{38, 40, 42, 44, 4}, {38, 44, 38, 44, 0},
	};
	struct cpm_node nodes[14];
	for (int i = 0; i < 14; i++) {
		int id = 14 - i;
		nodes[i] = (struct cpm_node){.id = id, .duration = dur[id]};
	}
	struct arena a = {0};
	struct err e = {0};
	assert_int_equal(cpm_solve(&a, nodes, 14, edges, sizeof edges / sizeof edges[0], &e), 44);
	char path[32] = "";
	for (int id = 1; id <= 14; id++) {
		const struct cpm_node *x = NULL;
		for (int i = 0; i < 14; i++)
			if (nodes[i].id == id)
				x = &nodes[i];
		assert_non_null(x);
		int got[5] = {x->es, x->ef, x->ls, x->lf, x->total_float};
		for (int k = 0; k < 5; k++)
			if (got[k] != want[id][k])
				fail_msg("activity %c: column %d is %d, want %d", 'A' + id - 1, k, got[k],
					 want[id][k]);
		if (x->critical)
			path[strlen(path)] = (char)('A' + id - 1);
	}
	assert_string_equal(path, "ABCEFJLN");
	arena_free(&a);
}

static void test_lags_and_cycles(void **state)
{
	(void)state;
	struct arena a = {0};
	struct err e = {0};
	/* X(3) -> Y(2) with lag 2: Y starts at 5, ends 7; with lag -1 (Y
	 * overlaps X's last day): starts 2, ends 4, and Z(4), alone, then
	 * decides the end: 4, with Y's float 0 there... worked: X 0-3,
	 * Y 2-4, Z 0-4: length 4; X: LF = LS(Y) + 1 = 3, float 0. */
	struct cpm_node n1[] = {{.id = 1, .duration = 3}, {.id = 2, .duration = 2}};
	struct cpm_edge lag2[] = {{1, 2, 2}};
	assert_int_equal(cpm_solve(&a, n1, 2, lag2, 1, &e), 7);
	assert_int_equal(n1[1].es, 5);
	assert_int_equal(n1[0].total_float + n1[1].total_float, 0);
	struct cpm_node n2[] = {{.id = 1, .duration = 3}, {.id = 2, .duration = 2},
				{.id = 3, .duration = 4}};
	struct cpm_edge back1[] = {{1, 2, -1}};
	assert_int_equal(cpm_solve(&a, n2, 3, back1, 1, &e), 4);
	assert_int_equal(n2[1].es, 2);
	assert_int_equal(n2[1].ef, 4);
	assert_int_equal(n2[0].lf, 3);
	assert_int_equal(n2[0].total_float, 0);
	assert_int_equal(n2[2].total_float, 0);
	/* a milestone (0 days) between two steps costs no time */
	struct cpm_node n3[] = {{.id = 1, .duration = 2}, {.id = 2, .duration = 0},
				{.id = 3, .duration = 1}};
	struct cpm_edge chain[] = {{1, 2, 0}, {2, 3, 0}};
	assert_int_equal(cpm_solve(&a, n3, 3, chain, 2, &e), 3);
	assert_int_equal(n3[1].es, 2);
	assert_true(n3[1].critical);
	/* a cycle is refused */
	struct cpm_edge loop[] = {{1, 2, 0}, {2, 3, 0}, {3, 1, 0}};
	assert_int_equal(cpm_solve(&a, n3, 3, loop, 3, &e), -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	assert_contains(e.msg, "cycle");
	arena_free(&a);
}

static void test_plan_dates(void **state)
{
	(void)state;
	char dir[64], path[128], url[160];
	assert_int_equal(make_test_dir(dir, "schedule"), 0);
	snprintf(path, sizeof path, "%s/s.db", dir);
	snprintf(url, sizeof url, "sqlite:%s", path);
	struct db *db;
	struct err e = {0};
	assert_int_equal(db_open(url, DB_MIGRATE, &db, &e), 0);
	int64_t unit, plan, s1, s2, s3;
	struct unit_input u = {.name = "Plant"};
	assert_int_equal(unit_add(db, &u, UNIT_NAME, &unit, &e), 0);
	struct plan_input p = {.name = "Racks", .unit_id = unit, .start_date = "2026-11-27"};
	assert_int_equal(plan_add(db, &p, PLAN_NAME | PLAN_UNIT | PLAN_START, &plan, &e), 0);
	struct step_input a = {.plan_id = plan, .name = "A", .duration_days = 2};
	assert_int_equal(step_add(db, &a, STEP_PLAN | STEP_NAME | STEP_DURATION, &s1, &e), 0);
	struct step_input b = {.plan_id = plan, .name = "B", .duration_days = 3, .due = "2026-12-03"};
	assert_int_equal(step_add(db, &b, STEP_PLAN | STEP_NAME | STEP_DURATION | STEP_DUE, &s2,
				  &e), 0);
	struct step_input c = {.plan_id = plan, .name = "C", .duration_days = 1};
	assert_int_equal(step_add(db, &c, STEP_PLAN | STEP_NAME | STEP_DURATION, &s3, &e), 0);
	struct dep_input d = {.on = s1, .lag_days = 1};
	assert_int_equal(step_dep_add(db, s2, &d, DEP_ON | DEP_LAG, &e), 0);
	struct arena ar = {0};
	struct plan_schedule s;
	assert_int_equal(plan_schedule(db, &ar, plan, &s, &e), 0);
	assert_int_equal(s.length, 6);
	char d1[11], d2[11];
	date_format(s.start, d1);
	date_format(s.finish, d2);
	assert_string_equal(d1, "2026-11-27");
	assert_string_equal(d2, "2026-12-04");
	assert_int_equal(s.n, 3);
	/* early-start order: A (0), C (0, larger id), B (3) */
	assert_int_equal(s.steps[0].c.id, s1);
	assert_int_equal(s.steps[1].c.id, s3);
	assert_int_equal(s.steps[2].c.id, s2);
	const struct sched_step *B = &s.steps[2], *C = &s.steps[1];
	date_format(B->es_day, d1);
	date_format(B->ef_day, d2);
	assert_string_equal(d1, "2026-12-02");
	assert_string_equal(d2, "2026-12-04");
	assert_true(B->c.critical);
	assert_true(B->late);	/* due 12-03, finishes 12-04 */
	assert_int_equal(C->c.total_float, 5);
	date_format(C->lf_day, d2);
	assert_string_equal(d2, "2026-12-04");
	json_t *j = plan_schedule_json(&s);
	assert_int_equal(json_array_size(json_object_get(j, "critical_path")), 2);
	json_decref(j);
	arena_free(&ar);
	db_close(db);
	remove_db_files(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_textbook_network),
		cmocka_unit_test(test_lags_and_cycles),
		cmocka_unit_test(test_plan_dates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
