/* test_evm: earned value worked by hand, and the aggregates behind it.
 *
 * The plan (tests/cli/evm.sh works the same one through the CLI): units
 * 1 Org { 2 Ops }; a holiday on Thu 2026-03-05; plan 1 in Ops starts Mon
 * 2026-03-02, so its working days are k 0 Mon 03-02, 1 Tue 03-03, 2 Wed
 * 03-04, 3 Fri 03-06, 4 Mon 03-09, 5 Tue 03-10.
 *   step 1 A  600 min, 2 days           ES 0 EF 2 (k 0-1)
 *   step 2 B 1200 min, 4 days, after A  ES 2 EF 6 (k 2-5)
 *   step 3 C  600 min, 2 days, after A  ES 2 EF 4 (k 2-3)
 * W = 2400; BAC = 2400.00 (two lines), so A 600, B 1200, C 600.
 * History: A 50 (03-03), 100 (03-04); B 25 (03-06), 50 (03-09); C 50
 * (03-05). Time cost: 240.00 (03-02), 300.00 (03-03), 180.00 (03-06),
 * 300.00 + 60.00 (03-09); tool 150.00; expenses 100.00 (03-04), 50.00
 * (03-09).
 * As of 03-06 (4 working days): PV = 600 + 1200 x 2/4 + 600 = 1800;
 *   EV = 600 + 300 + 300 = 1200; AC = 240 + 300 + 180 + 150 + 100 = 970;
 *   CV 230, SV -600, CPI 1200/970, SPI 1200/1800, EAC 2400 x 970/1200 =
 *   1940, ETC 970, VAC 460, TCPI 1200/1430.
 * As of 03-09 (5 days): PV = 600 + 900 + 600 = 2100; EV = 600 + 600 + 300
 *   = 1500; AC = 970 + 360 + 50 = 1380; EAC = 2400 x 1380/1500 = 2208.
 * Plan 2 in Org: step 4 E, 300 min, 5 days (k 0-4), budget 500.00, no
 * history and pct 40 (so 40 counts on every day), 90.00 of time on 03-06:
 *   as of 03-06 PV = 500 x 4/5 = 400, EV = 200, AC = 90.
 * Roll-up as of 03-06: Ops = plan 1; Org = 2400+500, 1800+400,
 * 1200+200, 970+90. */
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
#include "base/date.h"
#include "base/err.h"
#include "manage/evm.h"
#include "manage/ledger.h"
#include "store/db.h"

#include "testutil.h"

static const char setup_sql[] =
	"INSERT INTO unit (id, name, parent_id) VALUES (1, 'Org', NULL), (2, 'Ops', 1);"
	"INSERT INTO person (id, name, email, unit_id, rate_cents) VALUES "
	"(1, 'Ann', 'ann@e.test', 2, 6000), (2, 'Bob', 'bob@e.test', 2, 9000);"
	"INSERT INTO holiday (day, name) VALUES ('2026-03-05', 'Founders day');"
	"INSERT INTO plan (id, name, unit_id, start_date) VALUES "
	"(1, 'P1', 2, '2026-03-02'), (2, 'P2', 1, '2026-03-02');"
	"INSERT INTO step (id, plan_id, name, estimate_minutes, duration_days, pct) VALUES "
	"(1, 1, 'A', 600, 2, 100), (2, 1, 'B', 1200, 4, 50), (3, 1, 'C', 600, 2, 50), "
	"(4, 2, 'E', 300, 5, 40);"
	"INSERT INTO step_dep (step_id, depends_on, lag_days) VALUES (2, 1, 0), (3, 1, 0);"
	"INSERT INTO step_progress (step_id, day, pct) VALUES (1, '2026-03-03', 50), "
	"(1, '2026-03-04', 100), (2, '2026-03-06', 25), (2, '2026-03-09', 50), "
	"(3, '2026-03-05', 50);"
	"INSERT INTO budget (unit_id, plan_id, category, amount_cents) VALUES "
	"(2, 1, 'labour', 200000), (2, 1, 'tools', 40000), (1, 2, 'labour', 50000);"
	"INSERT INTO time_entry (person_id, step_id, day, minutes, cost_cents) VALUES "
	"(1, 1, '2026-03-02', 240, 24000), (1, 1, '2026-03-03', 300, 30000), "
	"(2, 2, '2026-03-06', 120, 18000), (2, 2, '2026-03-09', 200, 30000), "
	"(1, 3, '2026-03-09', 60, 6000), (2, 4, '2026-03-06', 60, 9000);"
	"INSERT INTO tool (name, cost_cents, step_id) VALUES ('Laser', 15000, 3);"
	"INSERT INTO expense (plan_id, category, amount_cents, day) VALUES "
	"(1, 'other', 10000, '2026-03-04'), (1, 'other', 5000, '2026-03-09');";

struct fixture {
	char dir[64], path[128];
	struct db *db;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f || make_test_dir(f->dir, "evm"))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	char url[160];
	snprintf(url, sizeof url, "sqlite:%s", f->path);
	struct err e = {0};
	if (db_open(url, DB_MIGRATE, &f->db, &e) || db_exec(f->db, setup_sql, &e) ||
	    ledger_rebuild(f->db, &e)) {
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

static int32_t day(const char *s)
{
	int32_t d = 0;
	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static void assert_ratio(int has, double got, double want)
{
	assert_true(has);
	if (fabs(got - want) > 1e-9)
		fail_msg("ratio %.12f, expected %.12f", got, want);
}

static void test_plan_as_of_two_days(void **state)
{
	struct fixture *f = *state;
	struct err e = {0};
	struct evm v;
	assert_int_equal(evm_plan(f->db, 1, day("2026-03-06"), &v, &e), 0);
	assert_int_equal(v.bac, 240000);
	assert_int_equal(v.pv, 180000);
	assert_int_equal(v.ev, 120000);
	assert_int_equal(v.ac, 97000);
	assert_int_equal(v.cv, 23000);
	assert_int_equal(v.sv, -60000);
	assert_ratio(v.has_cpi, v.cpi, 1200.0 / 970.0);
	assert_ratio(v.has_spi, v.spi, 1200.0 / 1800.0);
	assert_true(v.has_eac);
	assert_int_equal(v.eac, 194000);
	assert_int_equal(v.etc, 97000);
	assert_int_equal(v.vac, 46000);
	assert_ratio(v.has_tcpi, v.tcpi, 1200.0 / 1430.0);

	assert_int_equal(evm_plan(f->db, 1, day("2026-03-09"), &v, &e), 0);
	assert_int_equal(v.pv, 210000);
	assert_int_equal(v.ev, 150000);
	assert_int_equal(v.ac, 138000);
	assert_int_equal(v.cv, 12000);
	assert_int_equal(v.sv, -60000);
	assert_ratio(v.has_cpi, v.cpi, 1500.0 / 1380.0);
	assert_ratio(v.has_spi, v.spi, 1500.0 / 2100.0);
	assert_int_equal(v.eac, 220800);
	assert_int_equal(v.etc, 82800);
	assert_int_equal(v.vac, 19200);
	assert_ratio(v.has_tcpi, v.tcpi, 900.0 / 1020.0);

	/* the holiday counts: on Thu 03-05 only k 0-2 are done, as on Wed:
	 * PV = 600 + 1200 x 1/4 + 600 x 1/2 = 1200 */
	assert_int_equal(evm_plan(f->db, 1, day("2026-03-05"), &v, &e), 0);
	assert_int_equal(v.pv, 120000);
	assert_int_equal(evm_plan(f->db, 9, day("2026-03-05"), &v, &e), -1);
	assert_int_equal(e.status, ERR_NOT_FOUND);
}

/* A step without history counts its percent on every day. */
static void test_no_history(void **state)
{
	struct fixture *f = *state;
	struct err e = {0};
	struct evm v;
	assert_int_equal(evm_plan(f->db, 2, day("2026-03-06"), &v, &e), 0);
	assert_int_equal(v.pv, 40000);
	assert_int_equal(v.ev, 20000);
	assert_int_equal(v.ac, 9000);
}

static void test_rollup(void **state)
{
	struct fixture *f = *state;
	struct err e = {0};
	struct arena a = {0};
	struct evm_node *n;
	size_t count;
	assert_int_equal(evm_rollup(f->db, &a, 0, day("2026-03-06"), &n, &count, &e), 0);
	assert_int_equal(count, 2);
	assert_string_equal(n[0].name, "Org");
	assert_int_equal(n[0].depth, 0);
	assert_string_equal(n[1].name, "Ops");
	assert_int_equal(n[1].depth, 1);
	assert_int_equal(n[0].own.pv, 40000);
	assert_int_equal(n[0].total.bac, 290000);
	assert_int_equal(n[0].total.pv, 220000);
	assert_int_equal(n[0].total.ev, 140000);
	assert_int_equal(n[0].total.ac, 106000);
	/* ratios from the sums, not averaged: 1400/1060 */
	assert_ratio(n[0].total.has_cpi, n[0].total.cpi, 1400.0 / 1060.0);
	assert_int_equal(n[1].total.ev, 120000);
	assert_int_equal(evm_rollup(f->db, &a, 2, day("2026-03-06"), &n, &count, &e), 0);
	assert_int_equal(count, 1);
	assert_int_equal(n[0].total.bac, 240000);
	assert_int_equal(evm_rollup(f->db, &a, 7, day("2026-03-06"), &n, &count, &e), -1);
	assert_int_equal(e.status, ERR_NOT_FOUND);
	arena_free(&a);
}

/* The derived figures and when each is undefined. */
static void test_derive(void **state)
{
	(void)state;
	struct evm v = {.bac = 1000, .pv = 0, .ev = 0, .ac = 0};
	evm_derive(&v);
	assert_false(v.has_cpi);
	assert_false(v.has_spi);
	assert_false(v.has_eac);
	assert_ratio(v.has_tcpi, v.tcpi, 1.0);
	v = (struct evm){.bac = 1000, .pv = 500, .ev = 250, .ac = 1000};
	evm_derive(&v);
	/* EAC = 1000 / (250/1000) = 4000; TCPI: BAC = AC, undefined */
	assert_int_equal(v.eac, 4000);
	assert_int_equal(v.etc, 3000);
	assert_int_equal(v.vac, -3000);
	assert_false(v.has_tcpi);
	/* EAC rounds to the cent: 1000 x 1000 / 3 = 333333.33 -> 333333 */
	v = (struct evm){.bac = 1000, .pv = 3, .ev = 3, .ac = 1000};
	evm_derive(&v);
	assert_int_equal(v.eac, 333333);
}

/* The stored aggregates equal a recomputation; a corrupted one is found
 * and fixed. */
static void test_verify(void **state)
{
	struct fixture *f = *state;
	struct err e = {0};
	int64_t n = -1;
	assert_int_equal(ledger_verify(f->db, 0, NULL, NULL, &n, &e), 0);
	assert_int_equal(n, 0);
	assert_int_equal(db_exec(f->db, "UPDATE evm_plan SET bac_cents = 1 WHERE plan_id = 2; "
				 "DELETE FROM evm_earned WHERE plan_id = 1 AND day = '2026-03-06'", &e), 0);
	assert_int_equal(ledger_verify(f->db, 0, NULL, NULL, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(raw_int(f->path, "SELECT bac_cents FROM evm_plan WHERE plan_id = 2"), 1);
	assert_int_equal(ledger_verify(f->db, 1, NULL, NULL, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(raw_int(f->path, "SELECT bac_cents FROM evm_plan WHERE plan_id = 2"), 50000);
	assert_int_equal(ledger_verify(f->db, 0, NULL, NULL, &n, &e), 0);
	assert_int_equal(n, 0);
}

/* The curve stored for plan 1, in micro-minutes: k 0 A 300e6; k 1 A
 * done 600e6; k 2 + B 300e6 + C 300e6 = 1200e6; k 3 1800e6; k 4 2100e6;
 * k 5 2400e6. */
static void test_planned_curve(void **state)
{
	struct fixture *f = *state;
	struct err e = {0};
	struct arena a = {0};
	struct ledger_point *p;
	size_t n;
	assert_int_equal(ledger_planned(f->db, &a, 1, &p, &n, &e), 0);
	static const int64_t want[] = {300, 600, 1200, 1800, 2100, 2400};
	assert_int_equal(n, 6);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(p[i].k, (int64_t)i);
		assert_int_equal(p[i].amount, want[i] * 1000000);
	}
	assert_int_equal(raw_int(f->path, "SELECT amount FROM evm_planned WHERE plan_id = 1 AND k = 4"),
			 2100000000);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_plan_as_of_two_days, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_history, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rollup, setup, teardown),
		cmocka_unit_test(test_derive),
		cmocka_unit_test_setup_teardown(test_verify, setup, teardown),
		cmocka_unit_test_setup_teardown(test_planned_curve, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
