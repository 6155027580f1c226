/* test_balance: the band rule and the quadrant against hand cases, and
 * the monthly snapshot (once per calendar month).
 *
 * Band rule (docs/balance.md): inside [lo, hi] 100; below lo with excess
 * none or high: 100 x value / lo; above hi with excess low: 100 x hi /
 * value; on the excess side: 100 and too much.
 *   P1 band [80,100] none: 80 -> 100; 79.9 -> 99.875; 40 -> 50; 0 -> 0.
 *   P4 band [4,30] high: 31 -> 100 too much; 2 -> 50; 4 -> 100; 30 -> 100.
 *   S4 band [4,10] low: 2 -> 100 too much; 20 -> 50; 12.5 -> 80.
 *   M5 band [0,6] high: 0 -> 100 (lo 0 is inside); 7 -> 100 too much.
 *   A4 band [0.3,4] high: 0.15 -> 50.
 * Quadrant (60/60): 60/60 well-led-well-managed (>= on both); 59.99/60
 * overled-undermanaged; 60/59.99 overmanaged-underled; 0/0 neither. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "testutil.h"

#include "balance/balance.h"
#include "store/db.h"

static void band(double v, double lo, double hi, int excess, double want, int want_tm)
{
	int tm = -1;
	double s = bal_band_score(v, lo, hi, excess, &tm);
	assert_true(s > want - 1e-9 && s < want + 1e-9);
	assert_int_equal(tm, want_tm);
}

static void test_band(void **state)
{
	(void)state;
	band(80, 80, 100, 0, 100, 0);
	band(79.9, 80, 100, 0, 99.875, 0);
	band(40, 80, 100, 0, 50, 0);
	band(0, 80, 100, 0, 0, 0);
	band(100, 80, 100, 0, 100, 0);
	band(31, 4, 30, 1, 100, 1);
	band(2, 4, 30, 1, 50, 0);
	band(4, 4, 30, 1, 100, 0);
	band(30, 4, 30, 1, 100, 0);
	band(2, 4, 10, -1, 100, 1);
	band(20, 4, 10, -1, 50, 0);
	band(12.5, 4, 10, -1, 80, 0);
	band(10, 4, 10, -1, 100, 0);
	band(0, 0, 6, 1, 100, 0);
	band(7, 0, 6, 1, 100, 1);
	band(0.15, 0.3, 4, 1, 50, 0);
	band(100, 100, 100, 0, 100, 0);
	band(50, 100, 100, 0, 50, 0);
}

static void test_quadrant(void **state)
{
	(void)state;
	assert_string_equal(bal_quadrant(60, 60, 60, 60), "well-led-well-managed");
	assert_string_equal(bal_quadrant(59.99, 60, 60, 60), "overled-undermanaged");
	assert_string_equal(bal_quadrant(60, 59.99, 60, 60), "overmanaged-underled");
	assert_string_equal(bal_quadrant(0, 0, 60, 60), "neither");
	assert_string_equal(bal_quadrant(100, 100, 60, 60), "well-led-well-managed");
	/* the thresholds are the settings': 90 */
	assert_string_equal(bal_quadrant(80, 95, 90, 90), "overled-undermanaged");
}

struct fixture {
	char dir[64], path[128];
	struct db *db;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f || make_test_dir(f->dir, "balance"))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	char url[160];
	snprintf(url, sizeof url, "sqlite:%s", f->path);
	struct err e = {0};
	if (db_open(url, DB_MIGRATE, &f->db, &e) ||
	    db_exec(f->db, "INSERT INTO unit (name) VALUES ('Org');"
			   "INSERT INTO person (name, email, unit_id) VALUES ('Ann', 'a@t', 1);", &e)) {
		fprintf(stderr, "setup: %s\n", e.msg);
		return -1;
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

/* one monthly snapshot per calendar month, whatever the day; a manual
 * one does not count as the month's */
static void test_monthly(void **state)
{
	struct fixture *f = *state;
	struct err e = {0};
	int taken = -1;
	int64_t id;
	assert_int_equal(balance_snapshot(f->db, "2026-03-02", "manual", &id, &e), 0);
	assert_int_equal(balance_snapshot_monthly(f->db, "2026-03-05", &taken, &e), 0);
	assert_int_equal(taken, 1);
	assert_int_equal(balance_snapshot_monthly(f->db, "2026-03-31", &taken, &e), 0);
	assert_int_equal(taken, 0);
	assert_int_equal(balance_snapshot_monthly(f->db, "2026-04-01", &taken, &e), 0);
	assert_int_equal(taken, 1);
	assert_int_equal(balance_snapshot_monthly(f->db, "2026-12-31", &taken, &e), 0);
	assert_int_equal(balance_snapshot_monthly(f->db, "2027-01-01", &taken, &e), 0);
	assert_int_equal(taken, 1);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM balance_snapshot WHERE kind = "
					  "'monthly'"), 4);
	/* the organization and Org each time */
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM balance_score"), 10);
	assert_int_equal(balance_snapshot(f->db, NULL, "weekly", &id, &e), -1);
	assert_string_equal(e.field, "kind");
	struct err e2 = {0};
	assert_int_equal(balance_snapshot_monthly(f->db, "2026-02-30", &taken, &e2), -1);
	assert_int_equal(e2.status, ERR_BAD_INPUT);
}

/* an organization with no data: every indicator scores 0 or is left
 * out; D1 (no vision) 0; both scores 0, "neither" */
static void test_empty(void **state)
{
	struct fixture *f = *state;
	struct arena a = ARENA_INIT;
	struct err e = {0};
	struct bal_result r;
	assert_int_equal(balance_compute(f->db, &a, "2026-03-01", &r, &e), 0);
	assert_int_equal(r.n, 2);
	assert_int_equal(r.units[0].unit_id, 0);
	assert_int_equal(r.units[1].unit_id, 1);
	assert_int_equal(r.units[0].people, 1);
	assert_string_equal(r.units[0].quadrant, "neither");
	/* A3: the one unit has no coalition member: 0 of 1; M5: 0 initiatives
	 * per 100 people is inside [0,6]: 100 (the only non-zero score) */
	double m5 = -1;
	for (size_t i = 0; i < r.units[1].nind; i++)
		if (r.units[1].ind[i].key[0] == 'M' && r.units[1].ind[i].key[1] == '5')
			m5 = r.units[1].ind[i].score;
	assert_true(m5 > 99.99 && m5 < 100.01);
	/* motivating: M5 100 x 0.5 over the weights of M1, M2, M4, M5 (M3
	 * skipped): 50 / 3.5 = 14.29; L = 14.29 / 3 = 4.76 */
	assert_true(r.units[1].leadership > 4.75 && r.units[1].leadership < 4.77);
	assert_true(r.units[1].management < 0.001);
	struct bal_unit u;
	struct err e3 = {0};
	assert_int_equal(balance_unit(f->db, &a, 9, NULL, &u, &e3), -1);
	assert_int_equal(e3.status, ERR_NOT_FOUND);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_band),
		cmocka_unit_test(test_quadrant),
		cmocka_unit_test_setup_teardown(test_monthly, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
