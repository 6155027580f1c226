/* ind_lead: the queries of the leadership indicators (setting a
 * direction, aligning people, motivating and inspiring). Most are one
 * grouped query adding each unit's own counts (rolled up by balance.c);
 * the vision (D1), the pulse (M1), the coalition coverage (A3) and the
 * initiatives (M4, M5) are not sums over units and are set per unit
 * after the roll-up (bal_lead_direct). */
#include <string.h>

#include "balance/ind.h"
#include "lead/pulse.h"

#define LIVE "('draft','active','on_hold')"
#define COMM_RECIPIENTS                                                                  \
	"FROM comm_recipient r JOIN comm c ON c.id = r.comm_id JOIN person p ON p.id = "    \
	"r.person_id WHERE c.sent = 1 AND c.day <= :day "

int bal_lead_own(struct bal_ctx *c, struct err *e)
{
	static const int d2[] = {BI_D2}, d3[] = {BI_D3}, d4[] = {BI_D4}, a12[] = {BI_A1, BI_A2},
			 a4[] = {BI_A4}, m2[] = {BI_M2}, m3[] = {BI_M3};
	if (bal_grouped(c,
			"SELECT p.unit_id, count(*), sum(CASE WHEN EXISTS (SELECT 1 FROM "
			"plan_strategy ps WHERE ps.plan_id = p.id) THEN 1 ELSE 0 END) FROM plan p "
			"WHERE p.status IN " LIVE " GROUP BY p.unit_id",
			d2, 1, e) ||
	    bal_grouped(c,
			"SELECT unit_id, count(*), sum(CASE WHEN reviewed IS NOT NULL AND reviewed "
			"<= :day THEN 1 ELSE 0 END) FROM signal WHERE day > :d180 AND day <= :day "
			"GROUP BY unit_id",
			d3, 1, e) ||
	    /* org-wide strategies (no unit) count for the organization and
	     * the root units */
	    bal_grouped(c,
			"SELECT s.unit_id, count(*), sum(CASE WHEN EXISTS (SELECT 1 FROM "
			"plan_strategy ps WHERE ps.strategy_id = s.id) THEN 1 ELSE 0 END) FROM "
			"strategy s WHERE s.status = 'active' GROUP BY s.unit_id",
			d4, 1, e) ||
	    bal_grouped(c,
			"SELECT p.unit_id, count(*), sum(CASE WHEN r.state = 'committed' THEN 1 "
			"ELSE 0 END), sum(CASE WHEN r.state <> 'sent' THEN 1 ELSE 0 END) "
			COMM_RECIPIENTS "AND c.day > :d365 GROUP BY p.unit_id",
			a12, 2, e) ||
	    bal_grouped(c, "SELECT p.unit_id, 0, count(*) " COMM_RECIPIENTS
			"AND c.day > :d90 GROUP BY p.unit_id",
			a4, 1, e) ||
	    bal_grouped(c,
			"SELECT p.unit_id, 0, count(*) FROM recognition r JOIN person p ON p.id = "
			"r.to_person_id WHERE r.day > :d90 AND r.day <= :day GROUP BY p.unit_id",
			m2, 1, e) ||
	    bal_grouped(c,
			"SELECT r.to_unit_id, 0, count(*) FROM recognition r WHERE r.to_unit_id IS "
			"NOT NULL AND r.day > :d90 AND r.day <= :day GROUP BY r.to_unit_id",
			m2, 1, e) ||
	    bal_grouped(c,
			"SELECT p.unit_id, count(*), sum(CASE WHEN i.status <> 'open' AND "
			"(i.answered IS NULL OR i.answered <= :day) THEN 1 ELSE 0 END) FROM idea i "
			"JOIN person p ON p.id = i.author_id WHERE i.created <= :d30 "
			"GROUP BY p.unit_id",
			m3, 1, e))
		return -1;
	/* per person: A4 over three 30-day periods, M2 */
	for (size_t u = 0; u < c->n; u++) {
		c->den[BAL_AT(c, u, BI_A4)] = 3 * c->people[u];
		c->den[BAL_AT(c, u, BI_M2)] = c->people[u];
	}
	return 0;
}

/* 1 if a is b or one of b's ancestors (indexes; n is the organization,
 * everyone's ancestor). */
static int is_above(const struct bal_ctx *c, int a, int b)
{
	if ((size_t)a == c->n)
		return 1;
	for (int x = b; x >= 0 && (size_t)x != c->n; x = c->parent[x])
		if (x == a)
			return 1;
	return 0;
}

/* D1: the nearest current vision up the tree, else the organization's. */
static int d1(struct bal_ctx *c, struct err *e)
{
	size_t n = c->n;
	const char **review = arena_alloc(c->a, (n + 1) * sizeof *review);
	char *has = arena_alloc(c->a, n + 1);
	if (!review || !has)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	struct stmt *st = bal_prepare(c,
		"SELECT unit_id, review_date FROM vision WHERE current = 1", e);
	if (!st)
		return -1;
	int r;
	while ((r = db_step(st, e)) == 1) {
		int u = db_col_is_null(st, 0) ? (int)n : bal_index(c, db_col_int(st, 0));
		if (u < 0)
			continue;
		has[u] = 1;
		review[u] = arena_strdup(c->a, db_col_text(st, 1));
	}
	db_done(st);
	if (r < 0)
		return -1;
	for (size_t u = 0; u <= n; u++) {
		int v = (int)u;
		while (v >= 0 && (size_t)v != n && !has[v])
			v = c->parent[v];
		if (v < 0)
			v = (int)n;
		double value = 0;
		const char *whose = (size_t)v == n ? "the organization's" :
				    (size_t)v == u ? "its own" :
				    arena_printf(c->a, "%s's", c->name[v]);
		const char *note;
		if (!has[v]) {
			note = "there is no current vision (the unit's, an ancestor's or the "
			       "organization's)";
		} else if (!review[v]) {
			value = 100;
			note = arena_printf(c->a, "the nearest vision (%s) is current, with no "
					    "review date", whose);
		} else if (strcmp(review[v], c->d) >= 0) {
			value = 100;
			note = arena_printf(c->a, "the nearest vision (%s) is current, to be "
					    "reviewed on %s", whose, review[v]);
		} else {
			value = 50;
			note = arena_printf(c->a, "the nearest vision (%s) was due for review on %s",
					    whose, review[v]);
		}
		c->num[BAL_AT(c, u, BI_D1)] = value;
		c->den[BAL_AT(c, u, BI_D1)] = 1;
		c->note[BAL_AT(c, u, BI_D1)] = note;
	}
	return 0;
}

/* A3: a unit is covered when a coalition member is in it or below it
 * (coalition_covers_unit, for any coalition); each unit counts 1 in its
 * subtree's denominator. */
static int a3(struct bal_ctx *c, struct err *e)
{
	size_t n = c->n;
	char *cov = arena_alloc(c->a, n + 1);
	if (!cov)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	struct stmt *st = bal_prepare(c,
		"SELECT DISTINCT p.unit_id FROM coalition_member cm JOIN person p ON "
		"p.id = cm.person_id", e);
	if (!st)
		return -1;
	int r;
	while ((r = db_step(st, e)) == 1) {
		int u = bal_index(c, db_col_int(st, 0));
		if (u >= 0)
			cov[u] = 1;
	}
	db_done(st);
	if (r < 0)
		return -1;
	for (size_t i = n; i-- > 0;)
		if (cov[i] && c->parent[i] >= 0)
			cov[c->parent[i]] = 1;
	/* counts per subtree: children after parents, so a backward pass */
	double *num = arena_alloc(c->a, (n + 1) * sizeof *num);
	double *den = arena_alloc(c->a, (n + 1) * sizeof *den);
	if (!num || !den)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	for (size_t i = n; i-- > 0;) {
		num[i] += cov[i];
		den[i] += 1;
		size_t to = c->parent[i] >= 0 ? (size_t)c->parent[i] : n;
		num[to] += num[i];
		den[to] += den[i];
	}
	for (size_t u = 0; u <= n; u++) {
		c->num[BAL_AT(c, u, BI_A3)] = num[u];
		c->den[BAL_AT(c, u, BI_A3)] = den[u];
	}
	return 0;
}

/* M4, M5: an active initiative (started by the day) affects its
 * affected units, their subtrees and their ancestors; with none, its
 * unit's (or, with no unit, every unit). */
static int m45(struct bal_ctx *c, struct err *e)
{
	size_t n = c->n;
	struct stmt *st = bal_prepare(c,
		"SELECT i.id, i.unit_id, CASE WHEN EXISTS (SELECT 1 FROM initiative_step s WHERE "
		"s.initiative_id = i.id AND s.reached > :d120 AND s.reached <= :day) THEN 1 ELSE 0 "
		"END, iu.unit_id FROM initiative i LEFT JOIN initiative_unit iu ON "
		"iu.initiative_id = i.id WHERE i.status = 'active' AND i.started <= :day "
		"ORDER BY i.id", e);
	if (!st)
		return -1;
	char *mark = arena_alloc(c->a, n + 1);
	double *cnt = arena_alloc(c->a, (n + 1) * sizeof *cnt);
	double *adv = arena_alloc(c->a, (n + 1) * sizeof *adv);
	/* M5: how many initiatives reach each person, summed over a unit's
	 * own people (expo), then over its subtree */
	double *own = arena_alloc(c->a, (n + 1) * sizeof *own);
	double *expo = arena_alloc(c->a, (n + 1) * sizeof *expo);
	if (!mark || !cnt || !adv || !own || !expo) {
		db_done(st);
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	}
	/* people are subtree counts by now: a unit's own are its count less
	 * its children's */
	for (size_t i = 0; i < n; i++)
		own[i] = c->people[i];
	for (size_t i = 0; i < n; i++)
		if (c->parent[i] >= 0)
			own[c->parent[i]] -= c->people[i];
	int64_t cur = 0;
	int advancing = 0, all = 0;
	int r;
	for (;;) {
		r = db_step(st, e);
		int64_t id = r == 1 ? db_col_int(st, 0) : 0;
		if (cur && id != cur) {
			/* close the initiative before: spread the marks */
			if (all)
				memset(mark, 1, n);
			else
				for (size_t i = 0; i < n; i++)
					if (c->parent[i] >= 0 && mark[c->parent[i]] == 2)
						mark[i] = 2;
			for (size_t i = 0; i < n; i++) {
				if (mark[i]) {
					cnt[i] += 1;
					adv[i] += advancing;
				}
				/* its people are reached: an affected unit's
				 * subtree, or everyone */
				if (all || mark[i] == 2)
					expo[i] += own[i];
			}
			cnt[n] += 1;
			adv[n] += advancing;
			memset(mark, 0, n);
		}
		if (r != 1)
			break;
		if (id != cur) {
			cur = id;
			advancing = (int)db_col_int(st, 2);
			all = 0;
		}
		int64_t unit = db_col_is_null(st, 3) ? 0 : db_col_int(st, 3);
		if (!unit && !db_col_is_null(st, 1))
			unit = db_col_int(st, 1);
		if (!unit) {
			all = 1;
			continue;
		}
		int u = bal_index(c, unit);
		if (u < 0)
			continue;
		/* 2: affected with its subtree; 1: an ancestor */
		mark[u] = 2;
		for (int x = c->parent[u]; x >= 0; x = c->parent[x])
			if (!mark[x])
				mark[x] = 1;
	}
	db_done(st);
	if (r < 0)
		return -1;
	/* the exposures of a subtree: children follow their parent */
	expo[n] = 0;
	for (size_t i = n; i-- > 0;)
		expo[c->parent[i] >= 0 ? (size_t)c->parent[i] : n] += expo[i];
	for (size_t u = 0; u <= n; u++) {
		c->num[BAL_AT(c, u, BI_M4)] = adv[u];
		c->den[BAL_AT(c, u, BI_M4)] = cnt[u];
		c->num[BAL_AT(c, u, BI_M5)] = expo[u];
		c->den[BAL_AT(c, u, BI_M5)] = c->people[u];
	}
	return 0;
}

/* M1's percentage of a group's answers: 1-5 as (v-1)/4, 0-10 as v/10. */
static int group_pct(const struct pulse_results *pr, const struct pulse_group *g,
		     double *pct)
{
	double sum = 0, cnt = 0;
	for (size_t j = 0; j < pr->nq; j++) {
		int ten = strcmp(pr->q[j].scale, "0-10") == 0;
		for (int v = 0; v <= 10; v++) {
			double k = (double)g->stats[j].dist[v];
			if (!k)
				continue;
			sum += k * (ten ? v * 10.0 : (v - 1) * 25.0);
			cnt += k;
		}
	}
	if (!cnt)
		return 0;
	*pct = sum / cnt;
	return 1;
}

/* M1: the most recent sent pulse (opened by the day) whose audience
 * lies in, above or below U; U's group, or when suppressed the nearest
 * shown group above it. */
static int m1(struct bal_ctx *c, struct err *e)
{
	size_t n = c->n;
	struct stmt *st = bal_prepare(c,
		"SELECT id, unit_id FROM pulse WHERE sent = 1 AND opens <= :day "
		"ORDER BY opens DESC, id DESC", e);
	if (!st)
		return -1;
	int64_t ids[64];
	int units[64];
	size_t np = 0;
	int r;
	/* the 64 most recent are plenty: each unit takes the first that fits */
	while ((r = db_step(st, e)) == 1 && np < 64) {
		int u = bal_index(c, db_col_int(st, 1));
		if (u < 0)
			continue;
		ids[np] = db_col_int(st, 0);
		units[np++] = u;
	}
	db_done(st);
	if (r < 0)
		return -1;
	struct pulse_results *res = arena_alloc(c->a, (np ? np : 1) * sizeof *res);
	char *loaded = arena_alloc(c->a, np ? np : 1);
	if (!res || !loaded)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	for (size_t u = 0; u <= n; u++) {
		size_t k = 0;
		while (k < np && !is_above(c, (int)u, units[k]) && !is_above(c, units[k], (int)u))
			k++;
		if (k == np) {
			c->note[BAL_AT(c, u, BI_M1)] = "no pulse sent to its people";
			continue;
		}
		if (!loaded[k]) {
			if (pulse_results(c->db, c->a, ids[k], 0, &res[k], e))
				return -1;
			loaded[k] = 1;
		}
		const struct pulse_results *pr = &res[k];
		/* U's group when U is in the pulse's tree, else the pulse's own;
		 * a suppressed group gives way to the nearest shown one above */
		int pu = units[k];
		int64_t own = (size_t)u < n && is_above(c, pu, (int)u) ? c->id[u] : c->id[pu];
		int64_t want = own;
		const struct pulse_group *g;
		for (;;) {
			g = NULL;
			for (size_t j = 0; j < pr->ng; j++)
				if (pr->g[j].unit_id == want)
					g = &pr->g[j];
			if (!g || g->shown || want == c->id[pu])
				break;
			int w = bal_index(c, want);
			if (w < 0 || c->parent[w] < 0)
				break;
			want = c->id[c->parent[w]];
		}
		double pct;
		if (!g || !g->shown || !group_pct(pr, g, &pct)) {
			c->note[BAL_AT(c, u, BI_M1)] = arena_printf(
				c->a, "the pulse '%s' has no results shown for it", pr->pulse.title);
			continue;
		}
		c->num[BAL_AT(c, u, BI_M1)] = pct;
		c->den[BAL_AT(c, u, BI_M1)] = 1;
		c->note[BAL_AT(c, u, BI_M1)] = arena_printf(
			c->a, "the answers to '%s' (%s) average %.1f %%%s", pr->pulse.title,
			pr->pulse.opens, pct,
			want == own ? "" :
			arena_printf(c->a, ", from %s's group (its own is too small to show)",
				     g->unit));
	}
	return 0;
}

int bal_lead_direct(struct bal_ctx *c, struct err *e)
{
	return d1(c, e) || a3(c, e) || m45(c, e) || m1(c, e) ? -1 : 0;
}
