/* test_staffing: the match score, and the staffing rules on a database.
 *
 * The score is round(100 x (sum_j min(have_j, L_j) / L_j) / k), halves
 * up (docs/staffing.md). Worked by hand:
 *
 *   required    have       sum of min/L           score
 *   (none)      -          -                      100
 *   SQL 4 Go 3  5, 2       1 + 2/3   = 1.667 / 2  83
 *   SQL 4 Go 3  3, 0       3/4       = 0.75 / 2   38  (37.5 up)
 *   SQL 4 Go 3  0, 5       1         = 1 / 2      50
 *   3           1          1/3                    33
 *   3           2          2/3                    67
 *   4 4         1, 0       1/4 / 2   = 0.125      13  (12.5 up)
 *   1 1 1       1, 0, 0    1 / 3                  33
 *   5           9          min(9,5)/5 = 1         100 (a surplus counts once)
 *
 * and, as a second method, every combination of up to three required
 * levels 1-5 and levels had 0-5 against floating point, where the exact
 * value is not within a hair of a half (those are the hand cases). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/err.h"
#include "manage/staffing.h"
#include "org/person.h"
#include "org/unit.h"
#include "store/db.h"

#include "testutil.h"

static void test_match_by_hand(void **state)
{
	(void)state;
	assert_int_equal(match_score(NULL, NULL, 0), 100);
	int64_t r2[] = {4, 3};
	assert_int_equal(match_score(r2, (int64_t[]){5, 2}, 2), 83);
	assert_int_equal(match_score(r2, (int64_t[]){3, 0}, 2), 38);
	assert_int_equal(match_score(r2, (int64_t[]){0, 5}, 2), 50);
	assert_int_equal(match_score((int64_t[]){3}, (int64_t[]){1}, 1), 33);
	assert_int_equal(match_score((int64_t[]){3}, (int64_t[]){2}, 1), 67);
	assert_int_equal(match_score((int64_t[]){4, 4}, (int64_t[]){1, 0}, 2), 13);
	assert_int_equal(match_score((int64_t[]){1, 1, 1}, (int64_t[]){1, 0, 0}, 3), 33);
	assert_int_equal(match_score((int64_t[]){5}, (int64_t[]){9}, 1), 100);
}

static void test_match_against_floating_point(void **state)
{
	(void)state;
	int checked = 0;
	for (int k = 1; k <= 3; k++) {
		int combos = 1;
		for (int i = 0; i < k; i++)
			combos *= 5 * 6;
		for (int c = 0; c < combos; c++) {
			int64_t req[3], have[3];
			int x = c;
			double sum = 0;
			for (int i = 0; i < k; i++) {
				req[i] = 1 + x % 5;
				x /= 5;
				have[i] = x % 6;
				x /= 6;
				sum += (double)(have[i] < req[i] ? have[i] : req[i]) / (double)req[i];
			}
			double want = 100.0 * sum / k;
			if (fabs(want - floor(want) - 0.5) < 1e-6)
				continue;	/* an exact half: the hand cases */
			assert_int_equal(match_score(req, have, (size_t)k), (int64_t)floor(want + 0.5));
			checked++;
		}
	}
	assert_true(checked > 20000);
}

static void test_staffing_rules(void **state)
{
	(void)state;
	char dir[64], path[128], url[160];
	assert_int_equal(make_test_dir(dir, "staffing"), 0);
	snprintf(path, sizeof path, "%s/s.db", dir);
	snprintf(url, sizeof url, "sqlite:%s", path);
	struct db *db;
	struct err e = {0};
	assert_int_equal(db_open(url, DB_MIGRATE, &db, &e), 0);
	int64_t unit, ann, ben, cat, sql, go;
	assert_int_equal(unit_add(db, &(struct unit_input){.name = "Plant"}, UNIT_NAME, &unit, &e), 0);
	struct person_input p = {.name = "Ann", .email = "ann@x.test", .unit_id = unit};
	unsigned pset = PERSON_NAME | PERSON_EMAIL | PERSON_UNIT;
	assert_int_equal(person_add(db, &p, pset, &ann, &e), 0);
	p = (struct person_input){.name = "Ben", .email = "ben@x.test", .unit_id = unit,
				  .manager_id = ann};
	assert_int_equal(person_add(db, &p, pset | PERSON_MANAGER, &ben, &e), 0);
	p = (struct person_input){.name = "Cat", .email = "cat@x.test", .unit_id = unit};
	assert_int_equal(person_add(db, &p, pset, &cat, &e), 0);
	assert_int_equal(skill_add(db, &(struct skill_input){.name = "SQL"}, SKILL_NAME, &sql, &e), 0);
	assert_int_equal(skill_add(db, &(struct skill_input){.name = "Go"}, SKILL_NAME, &go, &e), 0);
	int64_t dup;
	assert_int_equal(skill_add(db, &(struct skill_input){.name = "SQL"}, SKILL_NAME, &dup, &e), -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	assert_string_equal(e.field, "name");
	err_clear(&e);

	/* levels outside 1-5 are refused naming the field, and write nothing */
	unsigned lset = LV_SKILL | LV_LEVEL;
	static const int64_t bad[] = {-1, 0, 6};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct level_input l = {.skill_id = sql, .level = bad[i]};
		assert_int_equal(person_skill_set(db, ann, &l, lset, &e), -1);
		assert_int_equal(e.status, ERR_BAD_INPUT);
		assert_string_equal(e.field, "level");
		assert_contains(e.msg, "unknown skill level");
		err_clear(&e);
	}
	assert_int_equal(raw_int(path, "SELECT count(*) FROM person_skill"), 0);
	/* Ann: SQL 5, Go 2; Ben: SQL 3; Cat: Go 5 */
	assert_int_equal(person_skill_set(db, ann, &(struct level_input){sql, 5}, lset, &e), 0);
	assert_int_equal(person_skill_set(db, ann, &(struct level_input){go, 2}, lset, &e), 0);
	assert_int_equal(person_skill_set(db, ben, &(struct level_input){sql, 3}, lset, &e), 0);
	assert_int_equal(person_skill_set(db, cat, &(struct level_input){go, 5}, lset, &e), 0);

	/* Engineer: SQL 4, Go 3, headcount 1 */
	int64_t eng, s1, s2;
	struct position_input pi = {.title = "Engineer", .unit_id = unit, .headcount = 1};
	assert_int_equal(position_add(db, &pi, POS_TITLE | POS_UNIT | POS_HEADCOUNT, &eng, &e), 0);
	assert_int_equal(position_need(db, eng, &(struct level_input){sql, 4}, lset, &e), 0);
	assert_int_equal(position_need(db, eng, &(struct level_input){go, 3}, lset, &e), 0);
	int64_t score;
	assert_int_equal(staff_score(db, eng, ann, &score, &e), 0);
	assert_int_equal(score, 83);
	assert_int_equal(staff_score(db, eng, ben, &score, &e), 0);
	assert_int_equal(score, 38);
	struct arena a = {0};
	struct candidate *c;
	size_t n;
	assert_int_equal(staff_match(db, &a, eng, 0, &c, &n, &e), 0);
	assert_int_equal(n, 3);
	assert_int_equal(c[0].person_id, ann);
	assert_int_equal(c[1].person_id, cat);
	assert_int_equal(c[1].score, 50);
	assert_int_equal(c[2].person_id, ben);

	struct staff_input si = {.position_id = eng, .person_id = ann, .since = "2026-01-05"};
	unsigned sset = STF_POSITION | STF_PERSON | STF_SINCE;
	assert_int_equal(staff_add(db, &si, sset, &s1, &e), 0);
	assert_int_equal(staff_add(db, &si, sset, &s2, &e), -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	assert_string_equal(e.field, "person_id");
	err_clear(&e);
	si.person_id = ben;
	assert_int_equal(staff_add(db, &si, sset, &s2, &e), -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	assert_contains(e.msg, "has headcount 1 and 1 person");
	err_clear(&e);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM staffing"), 1);
	pi.headcount = 0;
	assert_int_equal(position_set(db, eng, &pi, POS_HEADCOUNT, &e), -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	assert_string_equal(e.field, "headcount");
	err_clear(&e);
	assert_int_equal(position_rm(db, eng, &e), -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	err_clear(&e);
	assert_int_equal(skill_rm(db, sql, &e), -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	err_clear(&e);

	/* Ann has one report: a narrow span */
	struct span *sp;
	assert_int_equal(span_list(db, &a, NULL, 0, &sp, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(sp[0].manager_id, ann);
	assert_int_equal(sp[0].reports, 1);
	assert_string_equal(sp[0].flag, "narrow");

	assert_int_equal(staff_rm(db, s1, &e), 0);
	assert_int_equal(position_rm(db, eng, &e), 0);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM position_skill"), 0);
	arena_free(&a);
	db_close(db);
	remove_db_files(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_match_by_hand),
		cmocka_unit_test(test_match_against_floating_point),
		cmocka_unit_test(test_staffing_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
