/* ind_manage: the queries of the management indicators (planning and
 * budgeting, organizing and staffing, controlling and problem solving):
 * one grouped query per indicator, each row a unit's own counts; the
 * roll-up up the tree is balance.c's. */
#include <string.h>

#include "balance/ind.h"
#include "manage/control.h"
#include "manage/evm.h"
#include "manage/staffing.h"

#define LIVE "('draft','active','on_hold')"

static int p_s(struct bal_ctx *c, struct err *e)
{
	static const int p1[] = {BI_P1}, p2[] = {BI_P2}, p3[] = {BI_P3}, s1[] = {BI_S1},
			 s3[] = {BI_S3}, s4[] = {BI_S4};
	if (bal_grouped(c,
			"SELECT t.unit_id, count(*), sum(CASE WHEN EXISTS (SELECT 1 FROM "
			"plan_target pt WHERE pt.target_id = t.id) THEN 1 ELSE 0 END) FROM target t "
			"WHERE t.period_from <= :day AND t.period_to >= :day GROUP BY t.unit_id",
			p1, 1, e) ||
	    bal_grouped(c,
			"SELECT p.unit_id, count(*), sum(CASE WHEN EXISTS (SELECT 1 FROM budget b "
			"WHERE b.plan_id = p.id) THEN 1 ELSE 0 END) FROM plan p WHERE p.status IN "
			LIVE " GROUP BY p.unit_id",
			p2, 1, e) ||
	    bal_grouped(c,
			"SELECT p.unit_id, count(*), sum(CASE WHEN s.estimate_minutes > 0 THEN 1 "
			"ELSE 0 END) FROM step s JOIN plan p ON p.id = s.plan_id WHERE p.status IN "
			LIVE " GROUP BY p.unit_id",
			p3, 1, e) ||
	    bal_grouped(c,
			"SELECT po.unit_id, sum(po.headcount), sum(CASE WHEN coalesce(x.n, 0) < "
			"po.headcount THEN coalesce(x.n, 0) ELSE po.headcount END) FROM position po "
			"LEFT JOIN (SELECT position_id, count(*) AS n FROM staffing WHERE since <= "
			":day GROUP BY position_id) x ON x.position_id = po.id GROUP BY po.unit_id",
			s1, 1, e) ||
	    bal_grouped(c,
			"SELECT p.unit_id, count(*), sum(CASE WHEN s.assignee_id IS NOT NULL THEN 1 "
			"ELSE 0 END) FROM step s JOIN plan p ON p.id = s.plan_id WHERE p.status IN "
			LIVE " AND s.status IN ('todo','doing','blocked') GROUP BY p.unit_id",
			s3, 1, e) ||
	    /* a manager counts once (den), with all their direct reports (num) */
	    bal_grouped(c,
			"SELECT m.unit_id, count(DISTINCT m.id), count(*) FROM person r JOIN person m "
			"ON m.id = r.manager_id GROUP BY m.unit_id",
			s4, 1, e))
		return -1;
	/* P4: steps (P3's denominator) per live plan (P2's) */
	for (size_t u = 0; u < c->n; u++) {
		c->num[BAL_AT(c, u, BI_P4)] = c->den[BAL_AT(c, u, BI_P3)];
		c->den[BAL_AT(c, u, BI_P4)] = c->den[BAL_AT(c, u, BI_P2)];
	}
	return 0;
}

/* S2: each staffing row's match score, from its position's required
 * levels and its person's levels (staffing.h match_score). */
static void s2_add(struct bal_ctx *c, int64_t unit, const int64_t *req, const int64_t *have,
		   size_t k)
{
	int u = bal_index(c, unit);
	if (u < 0)
		return;
	c->num[BAL_AT(c, u, BI_S2)] += (double)match_score(req, have, k);
	c->den[BAL_AT(c, u, BI_S2)] += 1;
}

static int s2(struct bal_ctx *c, struct err *e)
{
	struct stmt *st = bal_prepare(c,
		"SELECT st.id, po.unit_id, ps.level, coalesce(pk.level, 0) FROM staffing st "
		"JOIN position po ON po.id = st.position_id "
		"LEFT JOIN position_skill ps ON ps.position_id = po.id "
		"LEFT JOIN person_skill pk ON pk.person_id = st.person_id AND pk.skill_id = ps.skill_id "
		"WHERE st.since <= :day ORDER BY st.id", e);
	if (!st)
		return -1;
	int64_t cur = 0, unit = 0, req[64], have[64];
	size_t k = 0;
	int r;
	while ((r = db_step(st, e)) == 1) {
		int64_t id = db_col_int(st, 0);
		if (id != cur) {
			if (cur)
				s2_add(c, unit, req, have, k);
			cur = id;
			unit = db_col_int(st, 1);
			k = 0;
		}
		/* more than 64 required skills: the first 64 decide */
		if (!db_col_is_null(st, 2) && k < 64) {
			req[k] = db_col_int(st, 2);
			have[k] = db_col_int(st, 3);
			k++;
		}
	}
	db_done(st);
	if (r < 0)
		return -1;
	if (cur)
		s2_add(c, unit, req, have, k);
	return 0;
}

/* C1: active plans with steps, started by the day, whose CPI and SPI
 * are at or above their unit's tolerances (a rule switched off, or a
 * ratio not defined yet, passes). */
static int c1(struct bal_ctx *c, struct err *e)
{
	struct stmt *st = bal_prepare(c,
		"SELECT p.id, p.unit_id FROM plan p WHERE p.status = 'active' AND p.start_date <= :day "
		"AND EXISTS (SELECT 1 FROM step s WHERE s.plan_id = p.id) ORDER BY p.unit_id, p.id",
		e);
	if (!st)
		return -1;
	struct plan_row {
		int64_t id, unit;
	} *rows = NULL;
	size_t n = 0, cap = 0;
	int r;
	while ((r = db_step(st, e)) == 1) {
		if (n == cap) {
			size_t nc = cap ? 2 * cap : 64;
			struct plan_row *g = arena_alloc(c->a, nc * sizeof *g);
			if (!g) {
				db_done(st);
				return err_set(e, ERR_INTERNAL, "", "out of memory");
			}
			if (n)
				memcpy(g, rows, n * sizeof *g);
			rows = g;
			cap = nc;
		}
		rows[n].id = db_col_int(st, 0);
		rows[n].unit = db_col_int(st, 1);
		n++;
	}
	db_done(st);
	if (r < 0)
		return -1;
	int64_t tol_unit = -1, cpi = 0, spi = 0;
	int cpi_on = 0, spi_on = 0;
	for (size_t i = 0; i < n; i++) {
		if (rows[i].unit != tol_unit) {
			tol_unit = rows[i].unit;
			struct tolerance tol[RULE_COUNT];
			if (control_tolerances(c->db, tol_unit, tol, e))
				return -1;
			cpi = tol[RULE_CPI].value;
			cpi_on = tol[RULE_CPI].enabled;
			spi = tol[RULE_SPI].value;
			spi_on = tol[RULE_SPI].enabled;
		}
		struct evm v;
		if (evm_plan(c->db, rows[i].id, c->day, &v, e))
			return -1;
		int ok = (!cpi_on || !v.has_cpi || v.cpi * 100 >= (double)cpi - 1e-9) &&
			 (!spi_on || !v.has_spi || v.spi * 100 >= (double)spi - 1e-9);
		int u = bal_index(c, rows[i].unit);
		if (u < 0)
			continue;
		c->num[BAL_AT(c, u, BI_C1)] += ok;
		c->den[BAL_AT(c, u, BI_C1)] += 1;
	}
	return 0;
}

static int controlling(struct bal_ctx *c, struct err *e)
{
	static const int c2[] = {BI_C2}, c3[] = {BI_C3}, c4[] = {BI_C4};
	return bal_grouped(c,
			   "SELECT unit_id, count(*), sum(CASE WHEN status = 'closed' AND closed IS "
			   "NOT NULL AND closed <= due THEN 1 ELSE 0 END) FROM problem WHERE due IS "
			   "NOT NULL AND due > :d180 AND due <= :day GROUP BY unit_id",
			   c2, 1, e) ||
	       bal_grouped(c,
			   "SELECT p.unit_id, count(*), sum(CASE WHEN EXISTS (SELECT 1 FROM "
			   "time_entry t WHERE t.person_id = p.id AND t.day > :d28 AND t.day <= :day) "
			   "THEN 1 ELSE 0 END) FROM person p WHERE p.capacity_minutes > 0 "
			   "GROUP BY p.unit_id",
			   c3, 1, e) ||
	       /* an entry's class, else its step's; from the managers through
		* time_person_day, not from every entry of the window */
	       bal_grouped(c,
			   "SELECT m.unit_id, sum(t.minutes), sum(CASE WHEN t.activity IN "
			   "('controlling','problem-solving') OR (t.activity IS NULL AND (SELECT "
			   "s.activity FROM step s WHERE s.id = t.step_id) IN ('controlling',"
			   "'problem-solving')) THEN t.minutes ELSE 0 END) FROM person m JOIN "
			   "time_entry t ON t.person_id = m.id AND t.day > :d90 AND t.day <= :day "
			   "WHERE m.id IN (SELECT manager_id FROM person WHERE manager_id IS NOT "
			   "NULL) GROUP BY m.unit_id",
			   c4, 1, e);
}

int bal_manage_own(struct bal_ctx *c, struct err *e)
{
	return p_s(c, e) || s2(c, e) || c1(c, e) || controlling(c, e) ? -1 : 0;
}
