/* test_assess: the answers' parser, the join code's display, and the
 * group rules of the self-assessment worked by hand.
 *
 * Units 1 Org { 2 Eng { 4 Web }, 3 Ops }. Web holds five people (1-5),
 * Org itself one (6), Ops one (7). Everyone answers all 3 except person 1
 * (all 5) and person 6 (all 1).
 *   Web: 5 respondents, each mean (5+3+3+3+3)/5 = 3.4, score 60: shown.
 *   Eng: Web's 5 and nobody else: 5 - 5 = 0 reveals no one: shown.
 *   Org: 7; Eng and Web (5, shown) inside it: 7 - 5 = 2 < 5 would reveal Ops's
 *   person and Org's: refused, naming one of them. Ops: 1 < 5: refused.
 *   With the minimum at 3 (a setting): Org 7 - 5 = 2 < 3 still refused;
 *   at 3, Ops (1) refused. A stored minimum of 2 counts as unset (5). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "testutil.h"

#include "balance/assess.h"
#include "balance/cohort.h"
#include "store/db.h"

static const char setup_sql[] =
	"INSERT INTO unit (name) VALUES ('Org');"
	"INSERT INTO unit (name, parent_id) VALUES ('Eng', 1), ('Ops', 1), ('Web', 2);"
	"INSERT INTO person (name, email, unit_id) VALUES ('P1', '1@t', 4), ('P2', '2@t', 4), "
	"('P3', '3@t', 4), ('P4', '4@t', 4), ('P5', '5@t', 4), ('P6', '6@t', 1), ('P7', '7@t', 3);";

struct fixture {
	char dir[64], path[128];
	struct db *db;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f || make_test_dir(f->dir, "assess"))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	char url[160];
	snprintf(url, sizeof url, "sqlite:%s", f->path);
	struct err e = {0};
	if (db_open(url, DB_MIGRATE, &f->db, &e) || db_exec(f->db, setup_sql, &e)) {
		fprintf(stderr, "setup: %s\n", e.msg);
		return -1;
	}
	for (int p = 1; p <= 7; p++) {
		int v[ASSESS_ITEMS];
		for (int i = 0; i < ASSESS_ITEMS; i++)
			v[i] = p == 1 ? 5 : p == 6 ? 1 : 3;
		int64_t id;
		if (assess_take(f->db, p, 0, v, &id, &e)) {
			fprintf(stderr, "setup: %s\n", e.msg);
			return -1;
		}
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	db_close(f->db);
	remove_db_files(f->path);
	rmdir(f->dir);
	free(f);
	return 0;
}

static void test_parse(void **state)
{
	(void)state;
	int v[ASSESS_ITEMS];
	struct err e = {0};
	assert_int_equal(assess_parse_answers("1,2,3,4,5,1,2,3,4,5,1,2,3,4,5,1,2,3,4,5,1,2,3, 4",
					      v, &e), 0);
	assert_int_equal(v[0], 1);
	assert_int_equal(v[4], 5);
	assert_int_equal(v[23], 4);
	static const struct {
		const char *in, *msg;
	} bad[] = {
		{"", "item 1 is not a number"},
		{"3,3", "give one value each (got 2)"},
		{"3,,3", "item 2 is not a number"},
		{"3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3", "(got more)"},
		{"3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,6", "item 24 takes 1 to 5 (got 6)"},
		{"3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,-1", "item 24 is not a number"},
		{"3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,99999999999", "item 24"},
		{"3;3", "item 1 is not a number"},
		{NULL, "item 1 is not a number"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err_clear(&e);
		assert_int_equal(assess_parse_answers(bad[i].in, v, &e), -1);
		assert_int_equal(e.status, ERR_BAD_INPUT);
		assert_string_equal(e.field, "answers");
		assert_contains(e.msg, bad[i].msg);
	}
}

static void test_code_show(void **state)
{
	(void)state;
	char out[COHORT_CODE_LEN + 2];
	cohort_code_show("K7PX3MQD", out);
	assert_string_equal(out, "K7PX-3MQD");
	cohort_code_show("SHORT", out);
	assert_string_equal(out, "SHORT");
}

static void test_groups(void **state)
{
	struct fixture *f = *state;
	struct assess_profile p;
	struct err e = {0};
	assert_int_equal(assess_unit(f->db, 4, &p, &e), 0);
	assert_true(p.shown);
	assert_int_equal(p.respondents, 5);
	for (int k = 0; k < ASSESS_NPROC; k++) {
		assert_float_equal(p.process[k], 3.4, 1e-9);
		assert_float_equal(p.score[k], 60, 1e-9);
	}
	assert_int_equal(assess_unit(f->db, 2, &p, &e), 0);
	assert_true(p.shown);
	assert_int_equal(p.respondents, 5);
	assert_int_equal(assess_unit(f->db, 1, &p, &e), 0);
	assert_false(p.shown);
	assert_int_equal(p.respondents, 7);
	assert_contains(p.hidden, "(with 5) is shown on its own, and the difference would show the answers of 2");
	assert_float_equal(p.score[0], 0, 0);	/* nothing of a hidden group */
	assert_int_equal(assess_refuse_small(&p, NULL, &e), -1);
	assert_int_equal(e.status, ERR_FORBIDDEN);
	err_clear(&e);
	assert_int_equal(assess_unit(f->db, 3, &p, &e), 0);
	assert_false(p.shown);
	assert_int_equal(p.respondents, 1);
	assert_int_equal(db_exec(f->db, "INSERT INTO setting (key, value) VALUES "
				 "('assess.min_group', '3')", &e), 0);
	assert_int_equal(assess_unit(f->db, 1, &p, &e), 0);
	assert_false(p.shown);	/* 7 - 5 = 2 < 3 */
	assert_int_equal(p.min_group, 3);
	assert_int_equal(db_exec(f->db, "UPDATE setting SET value = '2'", &e), 0);
	assert_int_equal(assess_unit(f->db, 3, &p, &e), 0);
	assert_int_equal(p.min_group, 5);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM assessment"), 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_code_show),
		cmocka_unit_test_setup_teardown(test_groups, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
