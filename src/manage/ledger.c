/* ledger: see ledger.h. */
#include "manage/ledger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "manage/schedule.h"

#define WEIGHT_SQL "(CASE WHEN s.estimate_minutes > 1 THEN s.estimate_minutes ELSE 1 END)"

struct day_amount {
	char day[11];
	int64_t amount;
};

/* A plan's aggregates, as stored or as recomputed. */
struct plan_agg {
	int64_t bac, weight, earned, time_cents, expense_cents, tool_cents;
	int planned_ok;
	char cost_last[11], earned_last[11];	/* "" for none */
	int64_t planned_last_k, planned_total;	/* -1, 0 for none */
	struct day_amount *cost, *earned_days;
	size_t ncost, nearned;
	struct ledger_point *planned;
	size_t nplanned;
	/* steps whose stored early start (step.sched_es) differs from the
	 * computed one, with the computed value */
	int64_t *stale_id, *stale_es;
	size_t nstale;
	size_t nmissing;	/* of them, never kept yet (a migrated database) */
};

/* Runs a statement with :id and :sign bound, no rows expected. */
static int run_signed(struct db *db, const char *sql, int64_t id, int sign, struct err *e)
{
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	db_bind_int(st, ":sign", sign < 0 ? -1 : 1);
	int rc = db_step(st, e);
	db_done(st);
	return rc < 0 ? -1 : 0;
}

static int run_plain(struct db *db, const char *sql, int64_t id, struct err *e)
{
	return db_run_id(db, sql, id, e) < 0 ? -1 : 0;
}

int ledger_time(struct db *db, int64_t entry_id, int sign, struct err *e)
{
	if (run_signed(db,
		"INSERT INTO evm_cost (plan_id, day, cents) SELECT s.plan_id, t.day, "
		":sign * t.cost_cents FROM time_entry t JOIN step s ON s.id = t.step_id "
		"WHERE t.id = :id AND t.cost_cents <> 0 ON CONFLICT (plan_id, day) "
		"DO UPDATE SET cents = evm_cost.cents + excluded.cents", entry_id, sign, e))
		return -1;
	if (sign < 0 && run_plain(db,
		"DELETE FROM evm_cost WHERE cents = 0 AND plan_id = (SELECT s.plan_id "
		"FROM time_entry t JOIN step s ON s.id = t.step_id WHERE t.id = :id) "
		"AND day = (SELECT day FROM time_entry WHERE id = :id)", entry_id, e))
		return -1;
	return run_signed(db,
		"UPDATE evm_plan SET time_cents = time_cents + :sign * "
		"(SELECT cost_cents FROM time_entry WHERE id = :id), cost_last = (SELECT max(day) "
		"FROM evm_cost c WHERE c.plan_id = evm_plan.plan_id) WHERE plan_id = "
		"(SELECT s.plan_id FROM time_entry t JOIN step s ON s.id = t.step_id "
		"WHERE t.id = :id)", entry_id, sign, e);
}

int ledger_expense(struct db *db, int64_t expense_id, int sign, struct err *e)
{
	if (run_signed(db,
		"INSERT INTO evm_cost (plan_id, day, cents) SELECT plan_id, day, "
		":sign * amount_cents FROM expense WHERE id = :id AND amount_cents <> 0 "
		"ON CONFLICT (plan_id, day) DO UPDATE SET cents = evm_cost.cents + excluded.cents",
		expense_id, sign, e))
		return -1;
	if (sign < 0 && run_plain(db,
		"DELETE FROM evm_cost WHERE cents = 0 AND plan_id = (SELECT plan_id FROM expense "
		"WHERE id = :id) AND day = (SELECT day FROM expense WHERE id = :id)", expense_id,
		e))
		return -1;
	return run_signed(db,
		"UPDATE evm_plan SET expense_cents = expense_cents + :sign * "
		"(SELECT amount_cents FROM expense WHERE id = :id), cost_last = (SELECT max(day) "
		"FROM evm_cost c WHERE c.plan_id = evm_plan.plan_id) WHERE plan_id = "
		"(SELECT plan_id FROM expense WHERE id = :id)", expense_id, sign, e);
}

int ledger_tool(struct db *db, int64_t tool_id, int sign, struct err *e)
{
	return run_signed(db,
		"UPDATE evm_plan SET tool_cents = tool_cents + :sign * "
		"(SELECT cost_cents FROM tool WHERE id = :id) WHERE plan_id = "
		"(SELECT coalesce(t.plan_id, s.plan_id) FROM tool t LEFT JOIN step s "
		"ON s.id = t.step_id WHERE t.id = :id)", tool_id, sign, e);
}

int ledger_budget(struct db *db, int64_t budget_id, int sign, struct err *e)
{
	return run_signed(db,
		"UPDATE evm_plan SET bac_cents = bac_cents + :sign * "
		"(SELECT amount_cents FROM budget WHERE id = :id) WHERE plan_id = "
		"(SELECT plan_id FROM budget WHERE id = :id)", budget_id, sign, e);
}

/* ---- recomputing a plan from scratch ---- */

struct step_row {
	int64_t id, weight, duration, pct, has_history;
	int64_t sched_es;	/* as stored; sched_null when there is none */
	int sched_null;
};

static void step_row(struct stmt *st, struct arena *a, void *item)
{
	(void)a;
	struct step_row *s = item;
	s->id = db_col_int(st, 0);
	s->weight = db_col_int(st, 1);
	s->duration = db_col_int(st, 2);
	s->pct = db_col_int(st, 3);
	s->has_history = db_col_int(st, 4);
	s->sched_null = db_col_is_null(st, 5);
	s->sched_es = db_col_int(st, 5);
}

static void edge_row(struct stmt *st, struct arena *a, void *item)
{
	(void)a;
	struct cpm_edge *ed = item;
	ed->from = db_col_int(st, 0);
	ed->to = db_col_int(st, 1);
	ed->lag = (int)db_col_int(st, 2);
}

static void day_row(struct stmt *st, struct arena *a, void *item)
{
	(void)a;
	struct day_amount *d = item;
	snprintf(d->day, sizeof d->day, "%s", db_col_text(st, 0) ? db_col_text(st, 0) : "");
	d->amount = db_col_int(st, 1);
}

static void point_row(struct stmt *st, struct arena *a, void *item)
{
	(void)a;
	struct ledger_point *p = item;
	p->k = db_col_int(st, 0);
	p->amount = db_col_int(st, 1);
}

static int load_steps(struct db *db, struct arena *a, int64_t plan_id, int64_t skip,
		      struct step_row **steps, size_t *n, struct cpm_edge **edges, size_t *m,
		      struct err *e)
{
	struct stmt *st = db_prepare(db,
		"SELECT s.id, " WEIGHT_SQL ", s.duration_days, s.pct, CASE WHEN EXISTS "
		"(SELECT 1 FROM step_progress q WHERE q.step_id = s.id) THEN 1 ELSE 0 END, "
		"s.sched_es FROM step s WHERE s.plan_id = :plan AND s.id <> :skip ORDER BY s.id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":plan", plan_id);
	db_bind_int(st, ":skip", skip);
	if (db_collect(st, a, sizeof **steps, step_row, (void **)steps, n, e))
		return -1;
	st = db_prepare(db,
		"SELECT d.depends_on, d.step_id, d.lag_days FROM step_dep d "
		"JOIN step s ON s.id = d.step_id WHERE s.plan_id = :plan "
		"AND d.step_id <> :skip AND d.depends_on <> :skip", e);
	if (!st)
		return -1;
	db_bind_int(st, ":plan", plan_id);
	db_bind_int(st, ":skip", skip);
	return db_collect(st, a, sizeof **edges, edge_row, (void **)edges, m, e);
}

/* The planned curve of steps by the critical path: for each working
 * day k, the weight done by its end, a step's weight spread evenly
 * (in micro-minutes, rounded down per day count) over its days, a step
 * of no duration counted whole on its early start. */
static int curve(struct arena *a, const struct step_row *steps, size_t n,
		 const struct cpm_edge *edges, size_t m, struct ledger_point **out, size_t *np,
		 int *es_out, struct err *e)
{
	*out = NULL;
	*np = 0;
	if (!n)
		return 0;
	struct cpm_node *nodes = arena_alloc(a, n * sizeof *nodes);
	if (!nodes)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	for (size_t i = 0; i < n; i++) {
		nodes[i].id = steps[i].id;
		nodes[i].duration = (int)steps[i].duration;
	}
	int length = cpm_solve(a, nodes, n, edges, m, e);
	if (length < 0)
		return -1;
	for (size_t i = 0; es_out && i < n; i++)
		es_out[i] = nodes[i].es;
	int64_t *inc = arena_alloc(a, ((size_t)length + 1) * sizeof *inc);
	if (!inc)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	for (size_t i = 0; i < n; i++) {
		int64_t whole = steps[i].weight * LEDGER_PLANNED_SCALE;
		int dur = nodes[i].duration, es = nodes[i].es;
		if (dur <= 0) {
			inc[es] += whole;
			continue;
		}
		int64_t prev = 0;
		for (int c = 1; c <= dur; c++) {
			int64_t f = whole * c / dur;
			inc[es + c - 1] += f - prev;
			prev = f;
		}
	}
	size_t count = 0;
	for (int k = 0; k <= length; k++)
		count += inc[k] != 0;
	struct ledger_point *p = arena_alloc(a, (count ? count : 1) * sizeof *p);
	if (!p)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	int64_t cum = 0;
	size_t j = 0;
	for (int k = 0; k <= length; k++) {
		if (!inc[k])
			continue;
		cum += inc[k];
		p[j].k = k;
		p[j].amount = cum;
		j++;
	}
	*out = p;
	*np = j;
	return 0;
}

int ledger_planned(struct db *db, struct arena *a, int64_t plan_id, struct ledger_point **out,
		   size_t *n, struct err *e)
{
	struct step_row *steps;
	struct cpm_edge *edges;
	size_t ns, ne;
	if (load_steps(db, a, plan_id, 0, &steps, &ns, &edges, &ne, e))
		return -1;
	return curve(a, steps, ns, edges, ne, out, n, NULL, e);
}

struct delta {
	const char *day;
	int64_t amount;
};

static int cmp_delta(const void *x, const void *y)
{
	return strcmp(((const struct delta *)x)->day, ((const struct delta *)y)->day);
}

static int cmp_step_id(const void *key, const void *item)
{
	int64_t k = *(const int64_t *)key, id = ((const struct step_row *)item)->id;
	return (k > id) - (k < id);
}

/* The earned weight: steps without history count their percent now;
 * the others change by weight x (percent - the previous one) on each
 * day of their history. */
static int earned(struct db *db, struct arena *a, int64_t plan_id, int64_t skip,
		  const struct step_row *steps, size_t n, struct plan_agg *g, struct err *e)
{
	g->earned = 0;
	for (size_t i = 0; i < n; i++)
		if (!steps[i].has_history)
			g->earned += steps[i].weight * steps[i].pct;
	struct stmt *st = db_prepare(db,
		"SELECT q.step_id, q.day, q.pct FROM step_progress q JOIN step s "
		"ON s.id = q.step_id WHERE s.plan_id = :plan AND s.id <> :skip "
		"ORDER BY q.step_id, q.day", e);
	if (!st)
		return -1;
	db_bind_int(st, ":plan", plan_id);
	db_bind_int(st, ":skip", skip);
	size_t cap = 64, nd = 0;
	struct delta *d = malloc(cap * sizeof *d);
	if (!d) {
		db_done(st);
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	}
	int64_t last_step = 0, last_pct = 0;
	int rc, oom = 0;
	while ((rc = db_step(st, e)) == 1) {
		int64_t id = db_col_int(st, 0), pct = db_col_int(st, 2);
		const struct step_row *s = bsearch(&id, steps, n, sizeof *steps, cmp_step_id);
		if (!s)
			continue;
		if (id != last_step)
			last_pct = 0;
		if (nd == cap) {
			struct delta *bigger = realloc(d, 2 * cap * sizeof *d);
			if (!bigger) {
				oom = 1;
				break;
			}
			d = bigger;
			cap *= 2;
		}
		d[nd].day = arena_strdup(a, db_col_text(st, 1));
		d[nd].amount = s->weight * (pct - last_pct);
		g->earned += d[nd].amount;
		nd++;
		last_step = id;
		last_pct = pct;
	}
	db_done(st);
	if (oom || rc < 0) {
		free(d);
		return oom ? err_set(e, ERR_INTERNAL, "", "out of memory") : -1;
	}
	qsort(d, nd, sizeof *d, cmp_delta);
	g->earned_days = arena_alloc(a, (nd ? nd : 1) * sizeof *g->earned_days);
	g->nearned = 0;
	for (size_t i = 0; i < nd && g->earned_days;) {
		int64_t sum = 0;
		size_t j = i;
		for (; j < nd && strcmp(d[j].day, d[i].day) == 0; j++)
			sum += d[j].amount;
		if (sum) {
			struct day_amount *x = &g->earned_days[g->nearned++];
			snprintf(x->day, sizeof x->day, "%s", d[i].day ? d[i].day : "");
			x->amount = sum;
		}
		i = j;
	}
	free(d);
	return g->earned_days ? 0 : err_set(e, ERR_INTERNAL, "", "out of memory");
}

/* Recomputes a plan's aggregates, without the step skip (0: none). */
static int compute(struct db *db, struct arena *a, int64_t plan_id, int64_t skip,
		   struct plan_agg *g, struct err *e)
{
	memset(g, 0, sizeof *g);
	g->planned_ok = 1;
	struct stmt *st = db_prepare(db,
		"SELECT (SELECT coalesce(sum(amount_cents), 0) FROM budget WHERE plan_id = :plan), "
		"(SELECT coalesce(sum(t.cost_cents), 0) FROM time_entry t JOIN step s "
		"ON s.id = t.step_id WHERE s.plan_id = :plan), "
		"(SELECT coalesce(sum(amount_cents), 0) FROM expense WHERE plan_id = :plan), "
		"(SELECT coalesce(sum(t.cost_cents), 0) FROM tool t LEFT JOIN step s "
		"ON s.id = t.step_id WHERE t.plan_id = :plan OR s.plan_id = :plan)", e);
	if (!st)
		return -1;
	db_bind_int(st, ":plan", plan_id);
	int rc = db_step(st, e);
	if (rc == 1) {
		g->bac = db_col_int(st, 0);
		g->time_cents = db_col_int(st, 1);
		g->expense_cents = db_col_int(st, 2);
		g->tool_cents = db_col_int(st, 3);
	}
	db_done(st);
	if (rc != 1)
		return rc < 0 ? -1 : err_set(e, ERR_INTERNAL, "", "no totals");
	st = db_prepare(db,
		"SELECT day, sum(cents) FROM (SELECT t.day AS day, t.cost_cents AS cents "
		"FROM time_entry t JOIN step s ON s.id = t.step_id WHERE s.plan_id = :plan "
		"UNION ALL SELECT day, amount_cents FROM expense WHERE plan_id = :plan) x "
		"GROUP BY day HAVING sum(cents) <> 0 ORDER BY day", e);
	if (!st)
		return -1;
	db_bind_int(st, ":plan", plan_id);
	if (db_collect(st, a, sizeof *g->cost, day_row, (void **)&g->cost, &g->ncost, e))
		return -1;
	struct step_row *steps;
	struct cpm_edge *edges;
	size_t ns, ne;
	if (load_steps(db, a, plan_id, skip, &steps, &ns, &edges, &ne, e))
		return -1;
	for (size_t i = 0; i < ns; i++)
		g->weight += steps[i].weight;
	int *es = arena_alloc(a, (ns ? ns : 1) * sizeof *es);
	g->stale_id = arena_alloc(a, (ns ? ns : 1) * sizeof *g->stale_id);
	g->stale_es = arena_alloc(a, (ns ? ns : 1) * sizeof *g->stale_es);
	if (!es || !g->stale_id || !g->stale_es)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	if (earned(db, a, plan_id, skip, steps, ns, g, e) ||
	    curve(a, steps, ns, edges, ne, &g->planned, &g->nplanned, es, e))
		return -1;
	for (size_t i = 0; i < ns; i++) {
		if (!steps[i].sched_null && steps[i].sched_es == es[i])
			continue;
		g->nmissing += steps[i].sched_null;
		g->stale_id[g->nstale] = steps[i].id;
		g->stale_es[g->nstale++] = es[i];
	}
	if (g->ncost)
		memcpy(g->cost_last, g->cost[g->ncost - 1].day, sizeof g->cost_last);
	if (g->nearned)
		memcpy(g->earned_last, g->earned_days[g->nearned - 1].day, sizeof g->earned_last);
	g->planned_last_k = g->nplanned ? g->planned[g->nplanned - 1].k : -1;
	g->planned_total = g->nplanned ? g->planned[g->nplanned - 1].amount : 0;
	return 0;
}

static int insert_days(struct db *db, const char *sql, int64_t plan_id,
		       const struct day_amount *d, size_t n, struct err *e)
{
	for (size_t i = 0; i < n; i++) {
		struct stmt *st = db_prepare(db, sql, e);
		if (!st)
			return -1;
		db_bind_int(st, ":plan", plan_id);
		db_bind_text(st, ":day", d[i].day);
		db_bind_int(st, ":amount", d[i].amount);
		int rc = db_step(st, e);
		db_done(st);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* Replaces the stored aggregates of a plan by g. */
static int store(struct db *db, int64_t plan_id, const struct plan_agg *g, struct err *e)
{
	if (run_plain(db, "DELETE FROM evm_cost WHERE plan_id = :id", plan_id, e) ||
	    run_plain(db, "DELETE FROM evm_earned WHERE plan_id = :id", plan_id, e) ||
	    run_plain(db, "DELETE FROM evm_planned WHERE plan_id = :id", plan_id, e))
		return -1;
	if (insert_days(db, "INSERT INTO evm_cost (plan_id, day, cents) "
			"VALUES (:plan, :day, :amount)", plan_id, g->cost, g->ncost, e) ||
	    insert_days(db, "INSERT INTO evm_earned (plan_id, day, amount) "
			"VALUES (:plan, :day, :amount)", plan_id, g->earned_days, g->nearned, e))
		return -1;
	for (size_t i = 0; i < g->nplanned; i++) {
		struct stmt *st = db_prepare(db, "INSERT INTO evm_planned (plan_id, k, amount) "
					     "VALUES (:plan, :k, :amount)", e);
		if (!st)
			return -1;
		db_bind_int(st, ":plan", plan_id);
		db_bind_int(st, ":k", g->planned[i].k);
		db_bind_int(st, ":amount", g->planned[i].amount);
		int rc = db_step(st, e);
		db_done(st);
		if (rc < 0)
			return -1;
	}
	for (size_t i = 0; i < g->nstale; i++) {
		struct stmt *up = db_prepare(db, "UPDATE step SET sched_es = :es WHERE id = :id", e);
		if (!up)
			return -1;
		db_bind_int(up, ":es", g->stale_es[i]);
		db_bind_int(up, ":id", g->stale_id[i]);
		int rc = db_step(up, e);
		db_done(up);
		if (rc < 0)
			return -1;
	}
	struct stmt *st = db_prepare(db,
		"INSERT INTO evm_plan (plan_id, bac_cents, weight, earned, time_cents, "
		"expense_cents, tool_cents, planned_ok, cost_last, earned_last, planned_last_k, "
		"planned_total) VALUES (:plan, :bac, :weight, :earned, :time, :expense, :tool, 1, "
		":cost_last, :earned_last, :last_k, :planned_total) ON CONFLICT (plan_id) DO UPDATE "
		"SET bac_cents = excluded.bac_cents, weight = excluded.weight, "
		"earned = excluded.earned, time_cents = excluded.time_cents, "
		"expense_cents = excluded.expense_cents, tool_cents = excluded.tool_cents, "
		"planned_ok = 1, cost_last = excluded.cost_last, earned_last = excluded.earned_last, "
		"planned_last_k = excluded.planned_last_k, planned_total = excluded.planned_total", e);
	if (!st)
		return -1;
	db_bind_int(st, ":plan", plan_id);
	db_bind_int(st, ":bac", g->bac);
	db_bind_int(st, ":weight", g->weight);
	db_bind_int(st, ":earned", g->earned);
	db_bind_int(st, ":time", g->time_cents);
	db_bind_int(st, ":expense", g->expense_cents);
	db_bind_int(st, ":tool", g->tool_cents);
	db_bind_text(st, ":cost_last", g->cost_last[0] ? g->cost_last : NULL);
	db_bind_text(st, ":earned_last", g->earned_last[0] ? g->earned_last : NULL);
	db_bind_int(st, ":last_k", g->planned_last_k);
	db_bind_int(st, ":planned_total", g->planned_total);
	int rc = db_step(st, e);
	db_done(st);
	return rc < 0 ? -1 : 0;
}

static int refresh(struct db *db, int64_t plan_id, int64_t skip, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct plan_agg g;
	int rc = compute(db, &a, plan_id, skip, &g, e) || store(db, plan_id, &g, e) ? -1 : 0;
	arena_free(&a);
	return rc;
}

int ledger_plan(struct db *db, int64_t plan_id, struct err *e)
{
	return refresh(db, plan_id, 0, e);
}

static int plan_of_step(struct db *db, int64_t step_id, int64_t *plan, struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT plan_id FROM step WHERE id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", step_id);
	*plan = 0;
	return db_one_int(st, plan, e) < 0 ? -1 : 0;
}

int ledger_step(struct db *db, int64_t step_id, int64_t also_plan, struct err *e)
{
	int64_t plan;
	if (plan_of_step(db, step_id, &plan, e))
		return -1;
	if (plan && refresh(db, plan, 0, e))
		return -1;
	if (also_plan && also_plan != plan && refresh(db, also_plan, 0, e))
		return -1;
	return 0;
}

int ledger_step_gone(struct db *db, int64_t step_id, struct err *e)
{
	int64_t plan;
	if (plan_of_step(db, step_id, &plan, e))
		return -1;
	return plan ? refresh(db, plan, step_id, e) : 0;
}

int ledger_plan_gone(struct db *db, int64_t plan_id, struct err *e)
{
	return run_plain(db, "DELETE FROM evm_cost WHERE plan_id = :id", plan_id, e) ||
	       run_plain(db, "DELETE FROM evm_earned WHERE plan_id = :id", plan_id, e) ||
	       run_plain(db, "DELETE FROM evm_planned WHERE plan_id = :id", plan_id, e) ||
	       run_plain(db, "DELETE FROM evm_plan WHERE plan_id = :id", plan_id, e) ? -1 : 0;
}

static void id_row(struct stmt *st, struct arena *a, void *item)
{
	(void)a;
	*(int64_t *)item = db_col_int(st, 0);
}

static int plan_ids(struct db *db, struct arena *a, int64_t **ids, size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT id FROM plan ORDER BY id", e);
	if (!st)
		return -1;
	return db_collect(st, a, sizeof **ids, id_row, (void **)ids, n, e);
}

/* Aggregates of plans that are gone (a plan removed without its hook). */
#define ORPHANS_SQL                                                                  \
	"SELECT plan_id FROM evm_plan WHERE plan_id NOT IN (SELECT id FROM plan) UNION " \
	"SELECT plan_id FROM evm_cost WHERE plan_id NOT IN (SELECT id FROM plan) UNION " \
	"SELECT plan_id FROM evm_earned WHERE plan_id NOT IN (SELECT id FROM plan) UNION " \
	"SELECT plan_id FROM evm_planned WHERE plan_id NOT IN (SELECT id FROM plan) "    \
	"ORDER BY 1"

int ledger_rebuild(struct db *db, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	struct arena a = ARENA_INIT;
	int64_t *ids;
	size_t n;
	int rc = db_exec(db, "DELETE FROM evm_cost", e) || db_exec(db, "DELETE FROM evm_earned", e) ||
		 db_exec(db, "DELETE FROM evm_planned", e) || db_exec(db, "DELETE FROM evm_plan", e) ||
		 plan_ids(db, &a, &ids, &n, e) ? -1 : 0;
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = refresh(db, ids[i], 0, e);
	arena_free(&a);
	return db_end(db, rc, e);
}

/* ---- verify ---- */

static int load_stored(struct db *db, struct arena *a, int64_t plan_id, struct plan_agg *g,
		       int *exists, struct err *e)
{
	memset(g, 0, sizeof *g);
	struct stmt *st = db_prepare(db,
		"SELECT bac_cents, weight, earned, time_cents, expense_cents, tool_cents, "
		"planned_ok, cost_last, earned_last, planned_last_k, planned_total "
		"FROM evm_plan WHERE plan_id = :plan", e);
	if (!st)
		return -1;
	db_bind_int(st, ":plan", plan_id);
	int rc = db_step(st, e);
	if (rc == 1) {
		g->bac = db_col_int(st, 0);
		g->weight = db_col_int(st, 1);
		g->earned = db_col_int(st, 2);
		g->time_cents = db_col_int(st, 3);
		g->expense_cents = db_col_int(st, 4);
		g->tool_cents = db_col_int(st, 5);
		g->planned_ok = (int)db_col_int(st, 6);
		snprintf(g->cost_last, sizeof g->cost_last, "%s",
			 db_col_text(st, 7) ? db_col_text(st, 7) : "");
		snprintf(g->earned_last, sizeof g->earned_last, "%s",
			 db_col_text(st, 8) ? db_col_text(st, 8) : "");
		g->planned_last_k = db_col_int(st, 9);
		g->planned_total = db_col_int(st, 10);
	} else {
		g->planned_last_k = -1;
	}
	db_done(st);
	if (rc < 0)
		return -1;
	*exists = rc == 1;
	st = db_prepare(db, "SELECT day, cents FROM evm_cost WHERE plan_id = :plan ORDER BY day",
			e);
	if (!st)
		return -1;
	db_bind_int(st, ":plan", plan_id);
	if (db_collect(st, a, sizeof *g->cost, day_row, (void **)&g->cost, &g->ncost, e))
		return -1;
	st = db_prepare(db,
		"SELECT day, amount FROM evm_earned WHERE plan_id = :plan ORDER BY day", e);
	if (!st)
		return -1;
	db_bind_int(st, ":plan", plan_id);
	if (db_collect(st, a, sizeof *g->earned_days, day_row, (void **)&g->earned_days,
		       &g->nearned, e))
		return -1;
	st = db_prepare(db, "SELECT k, amount FROM evm_planned WHERE plan_id = :plan ORDER BY k",
			e);
	if (!st)
		return -1;
	db_bind_int(st, ":plan", plan_id);
	return db_collect(st, a, sizeof *g->planned, point_row, (void **)&g->planned,
			  &g->nplanned, e);
}

struct verify_ctx {
	void (*report)(void *ctx, const char *line);
	void *ctx;
	int64_t plan_id;
	int64_t n;
};

static void differ(struct verify_ctx *v, const char *what, const char *at, int64_t stored,
		   int64_t computed)
{
	char line[200];
	snprintf(line, sizeof line, "plan %lld: %s%s%s: stored %lld, computed %lld",
		 (long long)v->plan_id, what, at ? " on " : "", at ? at : "", (long long)stored,
		 (long long)computed);
	v->n++;
	if (v->report)
		v->report(v->ctx, line);
}

static void differ_text(struct verify_ctx *v, const char *what, const char *stored,
			const char *computed)
{
	char line[200];
	snprintf(line, sizeof line, "plan %lld: %s: stored %s, computed %s", (long long)v->plan_id,
		 what, *stored ? stored : "none", *computed ? computed : "none");
	v->n++;
	if (v->report)
		v->report(v->ctx, line);
}

static void compare_days(struct verify_ctx *v, const char *what, const struct day_amount *s,
			 size_t ns, const struct day_amount *c, size_t nc)
{
	size_t i = 0, j = 0;
	while (i < ns || j < nc) {
		int cmp = i == ns ? 1 : j == nc ? -1 : strcmp(s[i].day, c[j].day);
		if (cmp < 0) {
			differ(v, what, s[i].day, s[i].amount, 0);
			i++;
		} else if (cmp > 0) {
			differ(v, what, c[j].day, 0, c[j].amount);
			j++;
		} else {
			if (s[i].amount != c[j].amount)
				differ(v, what, s[i].day, s[i].amount, c[j].amount);
			i++;
			j++;
		}
	}
}

static void compare_points(struct verify_ctx *v, const struct ledger_point *s, size_t ns,
			   const struct ledger_point *c, size_t nc)
{
	size_t i = 0, j = 0;
	char at[40];
	/* a point on one side only counts as 0 on the other */
	while (i < ns || j < nc) {
		if (j == nc || (i < ns && s[i].k < c[j].k)) {
			snprintf(at, sizeof at, "working day %lld", (long long)s[i].k);
			differ(v, "planned micro-minutes", at, s[i].amount, 0);
			i++;
		} else if (i == ns || c[j].k < s[i].k) {
			snprintf(at, sizeof at, "working day %lld", (long long)c[j].k);
			differ(v, "planned micro-minutes", at, 0, c[j].amount);
			j++;
		} else {
			if (s[i].amount != c[j].amount) {
				snprintf(at, sizeof at, "working day %lld", (long long)s[i].k);
				differ(v, "planned micro-minutes", at, s[i].amount, c[j].amount);
			}
			i++;
			j++;
		}
	}
}

/* Compares a plan's stored aggregates with c; returns the differences. */
static int64_t compare(struct verify_ctx *v, int exists, const struct plan_agg *s,
		       const struct plan_agg *c)
{
	int64_t before = v->n;
	if (!exists) {
		char line[120];
		snprintf(line, sizeof line, "plan %lld: no aggregate row", (long long)v->plan_id);
		v->n++;
		if (v->report)
			v->report(v->ctx, line);
	}
	if (s->bac != c->bac)
		differ(v, "bac_cents", NULL, s->bac, c->bac);
	if (s->weight != c->weight)
		differ(v, "weight", NULL, s->weight, c->weight);
	if (s->earned != c->earned)
		differ(v, "earned", NULL, s->earned, c->earned);
	if (s->time_cents != c->time_cents)
		differ(v, "time_cents", NULL, s->time_cents, c->time_cents);
	if (s->expense_cents != c->expense_cents)
		differ(v, "expense_cents", NULL, s->expense_cents, c->expense_cents);
	if (s->tool_cents != c->tool_cents)
		differ(v, "tool_cents", NULL, s->tool_cents, c->tool_cents);
	if (strcmp(s->cost_last, c->cost_last) != 0)
		differ_text(v, "cost_last", s->cost_last, c->cost_last);
	if (strcmp(s->earned_last, c->earned_last) != 0)
		differ_text(v, "earned_last", s->earned_last, c->earned_last);
	if (s->planned_ok && s->planned_last_k != c->planned_last_k)
		differ(v, "planned_last_k", NULL, s->planned_last_k, c->planned_last_k);
	if (s->planned_ok && s->planned_total != c->planned_total)
		differ(v, "planned_total", NULL, s->planned_total, c->planned_total);
	compare_days(v, "cost", s->cost, s->ncost, c->cost, c->ncost);
	compare_days(v, "earned", s->earned_days, s->nearned, c->earned_days, c->nearned);
	/* a plan not yet scheduled (migrated) keeps no curve: readers compute it */
	if (s->planned_ok)
		compare_points(v, s->planned, s->nplanned, c->planned, c->nplanned);
	else if (s->nplanned)
		differ(v, "planned points while not scheduled", NULL, (int64_t)s->nplanned, 0);
	/* the steps' stored early starts (c holds those that differ); one
	 * never kept (a database from before them) is filled by --fix, and
	 * readers schedule its plan meanwhile */
	if (c->nstale > c->nmissing)
		differ(v, "steps whose stored early start differs", NULL,
		       (int64_t)(c->nstale - c->nmissing), 0);
	return v->n - before;
}

int ledger_verify(struct db *db, int fix, void (*report)(void *ctx, const char *line),
		  void *ctx, int64_t *ndiff, struct err *e)
{
	struct verify_ctx v = {.report = report, .ctx = ctx};
	struct arena a = ARENA_INIT, per = ARENA_INIT;
	int64_t *ids, *orphans;
	size_t n, no;
	/* a write transaction when fixing; else one read snapshot */
	if (fix ? db_begin(db, e) : db_begin_read(db, e))
		return -1;
	int rc = plan_ids(db, &a, &ids, &n, e);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		struct plan_agg s, c;
		int exists;
		arena_reset(&per);
		v.plan_id = ids[i];
		if (load_stored(db, &per, ids[i], &s, &exists, e) ||
		    compute(db, &per, ids[i], 0, &c, e)) {
			rc = -1;
			break;
		}
		/* fixing also schedules the plans the migration left unscheduled */
		if ((compare(&v, exists, &s, &c) + !s.planned_ok || c.nmissing) && fix)
			rc = store(db, ids[i], &c, e);
	}
	struct stmt *st = rc ? NULL : db_prepare(db, ORPHANS_SQL, e);
	if (!rc && (!st || db_collect(st, &a, sizeof *orphans, id_row, (void **)&orphans, &no,
				      e)))
		rc = -1;
	for (size_t i = 0; rc == 0 && i < no; i++) {
		char line[120];
		snprintf(line, sizeof line, "plan %lld: aggregates of a plan that does not exist",
			 (long long)orphans[i]);
		v.n++;
		if (report)
			report(ctx, line);
		if (fix)
			rc = ledger_plan_gone(db, orphans[i], e);
	}
	arena_free(&per);
	arena_free(&a);
	*ndiff = v.n;
	return db_end(db, rc, e);
}
