/* test_recognition: the month window of recognition_counts and the
 * numbers of idea_stats, worked by hand.
 *
 * Units 1 Org { 2 Ops, 3 Sales }; people 1 Ann (Ops), 2 Bea (Sales),
 * 3 Cy (Ops, managed by Ann); value 1. Today is 2026-03-01.
 * Recognitions, all from Ann: 1 2025-11-30 to Cy, 2 2025-12-01 to Cy,
 * 3 2026-01-31 to the team Sales, 4 2026-02-01 to Bea, 5 2026-03-01 to
 * Cy, 6 2026-03-02 to Cy (after today).
 *   2 months: from 2026-02-01 to today: 2026-02 Sales 1 (4), 2026-03 Ops
 *   1 (5). 4 months: from 2025-12-01 (across the year): 2025-12 Ops 1,
 *   2026-01 Sales 1, 2026-02 Sales 1, 2026-03 Ops 1.
 * Ideas (age = days from created to 2026-03-01): 1 by Ann open
 * 2026-01-01 (59: late); 2 by Cy declined 2026-01-01 (answered); 3 by
 * Bea open 2026-02-15 (14); 4 by Bea open 2026-01-30 (30: not late, the
 * flag needs more than 30); 5 by Bea open 2026-01-29 (31: late).
 *   all: 5 ideas, 1 answered, 2 late; Ops: 2, 1, 1; Sales: 3, 0, 1.
 *   answer_days 60: nothing late (59 is not more than 60). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "testutil.h"

#include "base/date.h"
#include "lead/idea.h"
#include "lead/recognition.h"
#include "store/db.h"

static const char setup_sql[] =
	"INSERT INTO unit (name) VALUES ('Org');"
	"INSERT INTO unit (name, parent_id) VALUES ('Ops', 1), ('Sales', 1);"
	"INSERT INTO person (name, email, unit_id) VALUES ('Ann', 'a@t', 2), ('Bea', 'b@t', 3);"
	"INSERT INTO person (name, email, unit_id, manager_id) VALUES ('Cy', 'c@t', 2, 1);"
	"INSERT INTO org_value (name) VALUES ('Own it');"
	"INSERT INTO recognition (from_id, to_person_id, to_unit_id, message, value_id, day) "
	"VALUES (1, 3, NULL, 'm', 1, '2025-11-30'), (1, 3, NULL, 'm', 1, '2025-12-01'), "
	"(1, NULL, 3, 'm', 1, '2026-01-31'), (1, 2, NULL, 'm', 1, '2026-02-01'), "
	"(1, 3, NULL, 'm', 1, '2026-03-01'), (1, 3, NULL, 'm', 1, '2026-03-02');"
	"INSERT INTO idea (title, author_id, owner_id, status, created) VALUES "
	"('i1', 1, 3, 'open', '2026-01-01'), ('i2', 3, 1, 'declined', '2026-01-01'), "
	"('i3', 2, 1, 'open', '2026-02-15'), ('i4', 2, 1, 'open', '2026-01-30'), "
	"('i5', 2, 1, 'open', '2026-01-29');";

struct fixture {
	char dir[64], path[128];
	struct db *db;
	int32_t today;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f || make_test_dir(f->dir, "recognition"))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	char url[160];
	snprintf(url, sizeof url, "sqlite:%s", f->path);
	struct err e = {0};
	if (db_open(url, DB_MIGRATE, &f->db, &e) || db_exec(f->db, setup_sql, &e)) {
		fprintf(stderr, "setup: %s\n", e.msg);
		return -1;
	}
	if (date_parse("2026-03-01", &f->today))
		return -1;
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

static void expect_counts(struct fixture *f, int64_t months, const char *want)
{
	struct arena a = ARENA_INIT;
	struct err e = {0};
	struct recognition_counts_q q = {.months = months};
	struct recognition_count *c;
	size_t n;
	assert_int_equal(recognition_counts(f->db, &a, &q, RCQ_MONTHS, 0, f->today, &c, &n, &e), 0);
	char got[256] = "";
	for (size_t i = 0; i < n; i++) {
		char one[64];
		snprintf(one, sizeof one, "%s%s %s %lld", i ? "," : "", c[i].month, c[i].key_name,
			 (long long)c[i].count);
		strncat(got, one, sizeof got - strlen(got) - 1);
	}
	assert_string_equal(got, want);
	arena_free(&a);
}

static void test_counts_window(void **state)
{
	struct fixture *f = *state;
	expect_counts(f, 2, "2026-02 Sales 1,2026-03 Ops 1");
	expect_counts(f, 4, "2025-12 Ops 1,2026-01 Sales 1,2026-02 Sales 1,2026-03 Ops 1");
}

static void test_counts_by_person_needs_a_viewer(void **state)
{
	struct fixture *f = *state;
	struct arena a = ARENA_INIT;
	struct err e = {0};
	struct recognition_counts_q q = {.by = "person", .months = 4};
	struct recognition_count *c;
	size_t n;
	assert_int_equal(recognition_counts(f->db, &a, &q, RCQ_BY | RCQ_MONTHS, 0, f->today, &c,
					    &n, &e), -1);
	assert_int_equal(e.status, ERR_BAD_INPUT);
	assert_string_equal(e.field, "by");
	/* as Ann: herself (none received) and Cy, her report: 2025-12 and 2026-03 */
	err_clear(&e);
	assert_int_equal(recognition_counts(f->db, &a, &q, RCQ_BY | RCQ_MONTHS, 1, f->today, &c,
					    &n, &e), 0);
	assert_int_equal(n, 2);
	assert_string_equal(c[0].month, "2025-12");
	assert_string_equal(c[1].key_name, "Cy");
	/* as Bea: only Bea's 2026-02 */
	assert_int_equal(recognition_counts(f->db, &a, &q, RCQ_BY | RCQ_MONTHS, 2, f->today, &c,
					    &n, &e), 0);
	assert_int_equal(n, 1);
	assert_string_equal(c[0].key_name, "Bea");
	arena_free(&a);
}

static void test_idea_stats(void **state)
{
	struct fixture *f = *state;
	struct err e = {0};
	int64_t total, answered, overdue;
	assert_int_equal(idea_stats(f->db, 0, f->today, &total, &answered, &overdue, &e), 0);
	assert_int_equal(total, 5);
	assert_int_equal(answered, 1);
	assert_int_equal(overdue, 2);
	assert_int_equal(idea_stats(f->db, 2, f->today, &total, &answered, &overdue, &e), 0);
	assert_int_equal(total, 2);
	assert_int_equal(answered, 1);
	assert_int_equal(overdue, 1);
	assert_int_equal(idea_stats(f->db, 3, f->today, &total, &answered, &overdue, &e), 0);
	assert_int_equal(total, 3);
	assert_int_equal(answered, 0);
	assert_int_equal(overdue, 1);
	assert_int_equal(idea_stats(f->db, 1, f->today, &total, &answered, &overdue, &e), 0);
	assert_int_equal(total, 5);
	assert_int_equal(overdue, 2);
	assert_int_equal(db_exec(f->db, "INSERT INTO setting (key, value) VALUES "
				 "('ideas.answer_days', '60')", &e), 0);
	assert_int_equal(idea_stats(f->db, 0, f->today, &total, &answered, &overdue, &e), 0);
	assert_int_equal(overdue, 0);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM idea WHERE status = 'open'"), 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_counts_window, setup, teardown),
		cmocka_unit_test_setup_teardown(test_counts_by_person_needs_a_viewer, setup, teardown),
		cmocka_unit_test_setup_teardown(test_idea_stats, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
