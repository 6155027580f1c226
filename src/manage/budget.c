/* budget: see budget.h. */
#include "manage/budget.h"

#include <string.h>

#include "base/date.h"
#include "base/json.h"
#include "manage/ledger.h"
#include "manage/expense.h"
#include "manage/plan.h"
#include "org/unit.h"

const char *const budget_categories[] = {"labour", "tools", "other", NULL};

const struct field budget_fields[] = {
	{.name = "plan_id", .type = FT_ID, .offset = offsetof(struct budget_input, plan_id),
	 .bit = BUDGET_PLAN, .help = "a line of this plan"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct budget_input, unit_id),
	 .bit = BUDGET_UNIT, .help = "or a line of this unit, for a period"},
	{.name = "category", .type = FT_ENUM, .offset = offsetof(struct budget_input, category),
	 .bit = BUDGET_CATEGORY, .choices = budget_categories, .required = 1,
	 .help = "labour, tools or other"},
	{.name = "amount", .type = FT_MONEY, .offset = offsetof(struct budget_input, amount_cents),
	 .bit = BUDGET_AMOUNT, .min = 0, .max = 100000000000, .required = 1,
	 .help = "the amount budgeted"},
	{.name = "from", .type = FT_DATE, .offset = offsetof(struct budget_input, period_from),
	 .bit = BUDGET_FROM, .nullable = 1, .help = "the period's first day (a unit's line)"},
	{.name = "to", .type = FT_DATE, .offset = offsetof(struct budget_input, period_to),
	 .bit = BUDGET_TO, .nullable = 1, .help = "the period's last day, inclusive"},
	{.name = "note", .type = FT_TEXT, .offset = offsetof(struct budget_input, note),
	 .bit = BUDGET_NOTE, .max = 2000, .help = "what it is for"},
	{0},
};

const struct field budget_filter_fields[] = {
	{.name = "plan_id", .type = FT_ID, .offset = offsetof(struct budget_filter, plan_id),
	 .bit = BF_PLAN, .help = "only this plan's lines"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct budget_filter, unit_id),
	 .bit = BF_UNIT, .help = "only lines of this unit and its subtree (with their plans')"},
	{.name = "limit", .type = FT_INT, .offset = offsetof(struct budget_filter, limit),
	 .bit = BF_LIMIT, .min = 0, .max = 1000000000, .help = "at most this many"},
	{.name = "offset", .type = FT_INT, .offset = offsetof(struct budget_filter, offset),
	 .bit = BF_OFFSET, .min = 0, .max = INT64_MAX, .help = "skip this many"},
	{0},
};

const struct field bva_query_fields[] = {
	{.name = "plan_id", .type = FT_ID, .offset = offsetof(struct bva_query, plan_id),
	 .bit = BQ_PLAN, .help = "for this plan"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct bva_query, unit_id),
	 .bit = BQ_UNIT, .help = "or for this unit and its subtree"},
	{.name = "from", .type = FT_DATE, .offset = offsetof(struct bva_query, from),
	 .bit = BQ_FROM, .help = "from this day on"},
	{.name = "to", .type = FT_DATE, .offset = offsetof(struct bva_query, to),
	 .bit = BQ_TO, .help = "up to this day, inclusive"},
	{0},
};

/* The rules of a whole line (as it would be stored); fills *unit with
 * the unit it belongs to. */
static int validate(struct db *db, const struct budget_input *in, int64_t *unit, struct err *e)
{
	if (in->plan_id && in->unit_id)
		return err_set(e, ERR_BAD_INPUT, "unit_id",
			       "unit_id: a budget line is a plan's or a unit's, not both");
	if (!in->plan_id && !in->unit_id)
		return err_set(e, ERR_BAD_INPUT, "plan_id",
			       "plan_id: give the plan or the unit the line belongs to");
	if (!in->category)
		return err_set(e, ERR_BAD_INPUT, "category", "category: is required");
	if (in->unit_id && (!in->period_from || !in->period_to))
		return err_set(e, ERR_BAD_INPUT, in->period_from ? "to" : "from",
			       "%s: a unit's budget line needs its period (from and to)",
			       in->period_from ? "to" : "from");
	if (!in->period_from != !in->period_to)
		return err_set(e, ERR_BAD_INPUT, in->period_from ? "to" : "from",
			       "%s: give both days of the period, or neither",
			       in->period_from ? "to" : "from");
	if (in->period_from && strcmp(in->period_to, in->period_from) < 0)
		return err_set(e, ERR_BAD_INPUT, "to", "to: the period ends (%s) before it starts "
			       "(%s)", in->period_to, in->period_from);
	if (in->unit_id) {
		*unit = in->unit_id;
		return unit_must_exist(db, in->unit_id, "unit_id", e);
	}
	struct stmt *st = db_prepare(db, "SELECT unit_id FROM plan WHERE id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", in->plan_id);
	int rc = db_one_int(st, unit, e);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "plan_id", "plan_id: no plan with id %lld",
			       (long long)in->plan_id);
	return rc < 0 ? -1 : 0;
}

/* The one write of a line: an insert (id 0, *out gets the new id) or an
 * update of the whole row. */
static int budget_write(struct db *db, int64_t id, const struct budget_input *in, int64_t unit,
			int64_t *out, struct err *e)
{
	struct stmt *st = db_prepare(db, id ?
		"UPDATE budget SET unit_id = :unit, plan_id = :plan, category = :category, "
		"amount_cents = :amount, period_from = :from, period_to = :to, note = :note "
		"WHERE id = :id RETURNING id" :
		"INSERT INTO budget (unit_id, plan_id, category, amount_cents, period_from, "
		"period_to, note) VALUES (:unit, :plan, :category, :amount, :from, :to, :note) "
		"RETURNING id", e);
	if (!st)
		return -1;
	if (id)
		db_bind_int(st, ":id", id);
	db_bind_int(st, ":unit", unit);
	db_bind_id(st, ":plan", in->plan_id);
	db_bind_text(st, ":category", in->category);
	db_bind_int(st, ":amount", in->amount_cents);
	db_bind_text(st, ":from", in->period_from);
	db_bind_text(st, ":to", in->period_to);
	db_bind_text(st, ":note", in->note ? in->note : "");
	return db_one_int(st, out, e) == 1 ? 0 : -1;
}

int budget_add(struct db *db, const struct budget_input *in, unsigned set, int64_t *id,
	       struct err *e)
{
	if (fields_require(budget_fields, set, e))
		return -1;
	if (db_begin(db, e))
		return -1;
	int64_t unit = 0;
	int rc = validate(db, in, &unit, e) ? -1 : budget_write(db, 0, in, unit, id, e);
	if (rc == 0) rc = ledger_budget(db, *id, 1, e);
	return db_end(db, rc, e);
}

/* a plan's line belongs to the plan's unit as it is now (a plan may
 * have moved since the line was written) */
#define BUDGET_SELECT                                                                 \
	"SELECT b.id, coalesce(p.unit_id, b.unit_id), b.plan_id, b.category, "            \
	"b.amount_cents, b.period_from, b.period_to, b.note FROM budget b "                \
	"LEFT JOIN plan p ON p.id = b.plan_id "

static void budget_row(struct stmt *st, struct arena *a, void *item)
{
	struct budget *b = item;
	b->id = db_col_int(st, 0);
	b->unit_id = db_col_int(st, 1);
	b->plan_id = db_col_int(st, 2);
	b->category = arena_strdup(a, db_col_text(st, 3));
	b->amount_cents = db_col_int(st, 4);
	b->period_from = arena_strdup(a, db_col_text(st, 5));
	b->period_to = arena_strdup(a, db_col_text(st, 6));
	b->note = arena_strdup(a, db_col_text(st, 7));
}

int budget_get(struct db *db, struct arena *a, int64_t id, struct budget *b, struct err *e)
{
	struct stmt *st = db_prepare(db, BUDGET_SELECT "WHERE b.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		budget_row(st, a, b);
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no budget line with id %lld",
			       (long long)id);
	return rc < 0 ? -1 : 0;
}

int budget_list(struct db *db, struct arena *a, const struct budget_filter *f, unsigned fset,
		struct budget **out, size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE BUDGET_SELECT
		"WHERE (:all_plans = 1 OR b.plan_id = :plan) "
		"AND (:all_units = 1 OR coalesce(p.unit_id, b.unit_id) IN (SELECT id FROM subtree)) "
		"ORDER BY b.id LIMIT :limit OFFSET :offset", e);
	if (!st)
		return -1;
	db_bind_int(st, ":all_plans", !(fset & BF_PLAN));
	db_bind_int(st, ":plan", (fset & BF_PLAN) ? f->plan_id : 0);
	db_bind_int(st, ":all_units", !(fset & BF_UNIT));
	db_bind_int(st, ":unit", (fset & BF_UNIT) ? f->unit_id : 0);
	db_bind_int(st, ":limit", (fset & BF_LIMIT) ? f->limit : DB_NO_LIMIT);
	db_bind_int(st, ":offset", (fset & BF_OFFSET) ? f->offset : 0);
	return db_collect(st, a, sizeof **out, budget_row, (void **)out, n, e);
}

int budget_set(struct db *db, int64_t id, const struct budget_input *in, unsigned set,
	       struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	struct arena a = ARENA_INIT;
	struct budget old;
	if (budget_get(db, &a, id, &old, e))
		goto out;
	/* the line as it will be: the old one with the given fields */
	struct budget_input now = {
		.plan_id = old.plan_id, .unit_id = old.plan_id ? 0 : old.unit_id,
		.category = old.category, .amount_cents = old.amount_cents,
		.period_from = old.period_from, .period_to = old.period_to, .note = old.note,
	};
	if ((set & BUDGET_PLAN) && (set & BUDGET_UNIT)) {
		now.plan_id = in->plan_id;
		now.unit_id = in->unit_id;
	} else if (set & BUDGET_PLAN) {
		now.plan_id = in->plan_id;
		now.unit_id = 0;
	} else if (set & BUDGET_UNIT) {
		now.unit_id = in->unit_id;
		now.plan_id = 0;
	}
	if (set & BUDGET_CATEGORY)
		now.category = in->category;
	if (set & BUDGET_AMOUNT)
		now.amount_cents = in->amount_cents;
	if (set & BUDGET_FROM)
		now.period_from = in->period_from;
	if (set & BUDGET_TO)
		now.period_to = in->period_to;
	if (set & BUDGET_NOTE)
		now.note = in->note;
	int64_t unit = 0, got;
	if (ledger_budget(db, id, -1, e)) goto out;
	if (validate(db, &now, &unit, e) || budget_write(db, id, &now, unit, &got, e))
		goto out;
	rc = ledger_budget(db, id, 1, e);
out:
	arena_free(&a);
	return db_end(db, rc, e);
}

int budget_rm(struct db *db, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	if (ledger_budget(db, id, -1, e)) return db_end(db, -1, e);
	int rc = db_run_id(db, "DELETE FROM budget WHERE id = :id RETURNING id", id, e);
	if (rc == 0)
		err_set(e, ERR_NOT_FOUND, "id", "no budget line with id %lld", (long long)id);
	return db_end(db, rc == 1 ? 0 : -1, e);
}

json_t *budget_json(const struct budget *b)
{
	json_t *o = json_object();
	json_set_int(o, "id", b->id);
	json_set_int(o, "unit_id", b->unit_id);
	json_set_id(o, "plan_id", b->plan_id);
	json_set_str(o, "category", b->category);
	json_set_money(o, "amount", b->amount_cents);
	json_set_str(o, "from", b->period_from);
	json_set_str(o, "to", b->period_to);
	json_set_str(o, "note", b->note);
	return o;
}

int budget_bac(struct db *db, int64_t plan_id, int64_t *cents, struct err *e)
{
	struct stmt *st = db_prepare(db,
		"SELECT coalesce(sum(amount_cents), 0) FROM budget WHERE plan_id = :plan", e);
	if (!st)
		return -1;
	db_bind_int(st, ":plan", plan_id);
	return db_one_int(st, cents, e) == 1 ? 0 : -1;
}

/* --- budget against actual ------------------------------------------------ */

int64_t budget_prorate(int64_t amount_cents, const char *pf, const char *pt, const char *from,
		       const char *to)
{
	int32_t a, b, lo, hi;
	if (!pf || !pt || date_parse(pf, &a) || date_parse(pt, &b) || b < a)
		return amount_cents;
	lo = a;
	hi = b;
	int32_t d;
	if (from && !date_parse(from, &d) && d > lo)
		lo = d;
	if (to && !date_parse(to, &d) && d < hi)
		hi = d;
	if (hi < lo)
		return 0;
	int64_t in = (int64_t)hi - lo + 1, all = (int64_t)b - a + 1;
	return (amount_cents * in + all / 2) / all;
}

static int category_index(const char *c)
{
	for (int i = 0; budget_categories[i]; i++)
		if (c && strcmp(c, budget_categories[i]) == 0)
			return i;
	return -1;
}

/* The plans a report covers: one plan, or those of a unit's subtree. */
#define BVA_PLANS                                                                 \
	"(SELECT id FROM plan WHERE (:by_unit = 0 AND id = :plan) "              \
	"OR (:by_unit = 1 AND unit_id IN (SELECT id FROM subtree)))"

static void bva_bind(struct stmt *st, int64_t plan_id, int64_t unit_id, const char *from,
		     const char *to, int period)
{
	db_bind_int(st, ":by_unit", unit_id ? 1 : 0);
	db_bind_int(st, ":plan", plan_id);
	db_bind_int(st, ":unit", unit_id);
	if (!period)
		return;
	db_bind_int(st, ":no_from", !from);
	db_bind_text(st, ":from", from ? from : "");
	db_bind_int(st, ":no_to", !to);
	db_bind_text(st, ":to", to ? to : "");
}

/* Adds the (category, cents) rows of a query to out[].budget or
 * out[].actual. */
static int bva_add(struct db *db, const char *sql, int64_t plan_id, int64_t unit_id,
		   const char *from, const char *to, int period, struct bva_line out[3],
		   int actual, struct err *e)
{
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	bva_bind(st, plan_id, unit_id, from, to, period);
	int rc;
	while ((rc = db_step(st, e)) == 1) {
		int i = category_index(db_col_text(st, 0));
		if (NEVER(i < 0))
			continue;
		if (actual)
			out[i].actual_cents += db_col_int(st, 1);
		else
			out[i].budget_cents += db_col_int(st, 1);
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

#define IN_PERIOD(col)                                                          \
	"(:no_from = 1 OR " col " >= :from) AND (:no_to = 1 OR " col " <= :to)"
/* the same period as a range an index on (plan_id, day) can seek */
#define DAY_RANGE(col)                                                          \
	col " >= CASE WHEN :no_from = 1 THEN '' ELSE :from END AND " col            \
	" <= CASE WHEN :no_to = 1 THEN '~' ELSE :to END"

int budget_vs_actual(struct db *db, struct arena *a, int64_t plan_id, int64_t unit_id,
		     const char *from, const char *to, struct bva_line out[3], struct err *e)
{
	for (int i = 0; i < 3; i++)
		out[i] = (struct bva_line){.category = budget_categories[i]};
	if (!!plan_id == !!unit_id)
		return err_set(e, ERR_BAD_INPUT, "plan_id",
			       "plan_id: give a plan or a unit (not both)");
	if (from && to && strcmp(to, from) < 0)
		return err_set(e, ERR_BAD_INPUT, "to", "to: the period ends (%s) before it starts "
			       "(%s)", to, from);
	if (db_begin_read(db, e))
		return -1;
	int rc = -1;
	if ((plan_id && plan_must_exist(db, plan_id, "plan_id", e)) ||
	    (unit_id && unit_must_exist(db, unit_id, "unit_id", e)))
		goto out;
	/* budget: the plans' lines in full */
	if (bva_add(db, UNIT_SUBTREE_CTE "SELECT category, sum(amount_cents) FROM budget "
		    "WHERE plan_id IN " BVA_PLANS " GROUP BY category",
		    plan_id, unit_id, from, to, 0, out, 0, e))
		goto out;
	/* the units' period lines, each prorated to [from, to] */
	if (unit_id) {
		struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE
			"SELECT category, amount_cents, period_from, period_to FROM budget "
			"WHERE plan_id IS NULL AND unit_id IN (SELECT id FROM subtree) "
			"AND (:no_from = 1 OR period_to >= :from) AND (:no_to = 1 OR period_from <= :to)",
			e);
		if (!st)
			goto out;
		db_bind_int(st, ":unit", unit_id);
		db_bind_int(st, ":no_from", !from);
		db_bind_text(st, ":from", from ? from : "");
		db_bind_int(st, ":no_to", !to);
		db_bind_text(st, ":to", to ? to : "");
		int r;
		while ((r = db_step(st, e)) == 1) {
			int i = category_index(db_col_text(st, 0));
			if (i >= 0)
				out[i].budget_cents += budget_prorate(db_col_int(st, 1),
					db_col_text(st, 2), db_col_text(st, 3), from, to);
		}
		db_done(st);
		if (r < 0)
			goto out;
	}
	/* actual: labour (the cost kept with each entry), tools in full,
	 * expenses by category */
	/* labour from the ledger's cost per plan and day (time and expenses,
	 * kept on every write: src/manage/ledger.c) less the expenses, so
	 * that a unit's report reads a few rows per plan and day, not every
	 * time entry */
	if (bva_add(db, UNIT_SUBTREE_CTE "SELECT 'labour', "
		    "coalesce((SELECT sum(c.cents) FROM evm_cost c WHERE c.plan_id IN " BVA_PLANS
		    " AND " DAY_RANGE("c.day") "), 0) - "
		    "coalesce((SELECT sum(x.amount_cents) FROM expense x WHERE x.plan_id IN "
		    BVA_PLANS " AND " DAY_RANGE("x.day") "), 0)",
		    plan_id, unit_id, from, to, 1, out, 1, e) ||
	    bva_add(db, UNIT_SUBTREE_CTE "SELECT 'tools', coalesce(sum(t.cost_cents), 0) "
		    "FROM tool t LEFT JOIN step s ON s.id = t.step_id "
		    "WHERE coalesce(t.plan_id, s.plan_id) IN " BVA_PLANS,
		    plan_id, unit_id, from, to, 0, out, 1, e) ||
	    bva_add(db, UNIT_SUBTREE_CTE "SELECT category, sum(amount_cents) FROM expense "
		    "WHERE plan_id IN " BVA_PLANS " AND " IN_PERIOD("day") " GROUP BY category",
		    plan_id, unit_id, from, to, 1, out, 1, e))
		goto out;
	rc = 0;
out:
	(void)a;
	return db_end(db, rc, e);
}

json_t *bva_json(int64_t plan_id, int64_t unit_id, const char *from, const char *to,
		 const struct bva_line v[3])
{
	json_t *o = json_object();
	if (plan_id)
		json_set_int(o, "plan_id", plan_id);
	else
		json_set_int(o, "unit_id", unit_id);
	json_set_str(o, "from", from);
	json_set_str(o, "to", to);
	json_t *lines = json_array();
	int64_t budget = 0, actual = 0;
	for (int i = 0; i < 3; i++) {
		json_t *l = json_object();
		json_set_str(l, "category", v[i].category);
		json_set_money(l, "budget", v[i].budget_cents);
		json_set_money(l, "actual", v[i].actual_cents);
		json_set_money(l, "variance", v[i].budget_cents - v[i].actual_cents);
		json_array_append_new(lines, l);
		budget += v[i].budget_cents;
		actual += v[i].actual_cents;
	}
	json_object_set_new(o, "lines", lines);
	json_set_money(o, "budget", budget);
	json_set_money(o, "actual", actual);
	json_set_money(o, "variance", budget - actual);
	return o;
}

/* --- the demo ----------------------------------------------------------------- */

/* a few plausible expenses, cycled over the plans */
static const struct {
	const char *category, *note;
	int64_t cents;
} demo_expenses[] = {
	{"other", "travel to the supplier", 48500},  {"tools", "spare parts", 23990},
	{"other", "workshop catering", 31250},       {"other", "external consultant", 185000},
	{"tools", "software licence", 64900},        {"labour", "temporary staff", 120000},
	{"other", "printing and signage", 15875},
};

/* Runs one statement of the demo with :today (and nothing else) bound
 * when it has it. */
static int demo_exec(struct db *db, const char *sql, const char *today, struct err *e)
{
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	if (today)
		db_bind_text(st, ":today", today);
	int rc = db_step(st, e);
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int cost_demo(struct db *db, const char *today, struct err *e)
{
	int32_t t;
	if (date_parse(today, &t))
		return err_set(e, ERR_BAD_INPUT, "today", "today: must be YYYY-MM-DD");
	int y, m, d;
	date_to_ymd(t, &y, &m, &d);
	char from[11], to[11];
	date_format(date_from_ymd(y, 1, 1), from);
	date_format(date_from_ymd(y, 12, 31), to);
	/* set-based, so that the benchmark sizes stay fast */
	static const char *const fixed[] = {
		/* classes for steps whose names say so; the rest are the work itself */
		"UPDATE step SET activity = CASE "
		"WHEN name LIKE 'Define scope%' THEN 'planning' "
		"WHEN name LIKE 'Estimate%' THEN 'budgeting' "
		"WHEN name LIKE 'Review%' THEN 'controlling' "
		"WHEN name LIKE 'Train staff%' THEN 'motivating' ELSE NULL END",
		/* progress: done is 100 (kept at its due day), doing 10-90 from the id */
		"UPDATE step SET pct = CASE WHEN status = 'done' THEN 100 "
		"WHEN status = 'doing' THEN 10 + (id * 37) % 81 ELSE 0 END",
		/* entries: the step's class and their cost, as time_log keeps them */
		"UPDATE time_entry SET activity = (SELECT s.activity FROM step s "
		"WHERE s.id = time_entry.step_id), cost_cents = (minutes * (SELECT p.rate_cents "
		"FROM person p WHERE p.id = time_entry.person_id) + 30) / 60",
		/* a third of the managers' entries spent managing or leading */
		"UPDATE time_entry SET activity = CASE (id / 3) % 10 WHEN 0 THEN 'planning' "
		"WHEN 1 THEN 'budgeting' WHEN 2 THEN 'organizing' WHEN 3 THEN 'staffing' "
		"WHEN 4 THEN 'controlling' WHEN 5 THEN 'problem-solving' WHEN 6 THEN 'direction' "
		"WHEN 7 THEN 'aligning' WHEN 8 THEN 'motivating' ELSE 'change' END "
		"WHERE id % 3 = 0 AND person_id IN (SELECT manager_id FROM person "
		"WHERE manager_id IS NOT NULL)",
		/* each plan: labour = its planned hours at its unit's average
		 * rate, tools = what is allocated plus a reserve, other */
		"INSERT INTO budget (unit_id, plan_id, category, amount_cents, note) "
		"SELECT p.unit_id, p.id, 'labour', (coalesce((SELECT CAST(sum(s.estimate_minutes) "
		"AS BIGINT) FROM step s WHERE s.plan_id = p.id), 0) * coalesce((SELECT CASE WHEN "
		"count(*) = 0 THEN 0 ELSE CAST(sum(rate_cents) AS BIGINT) / count(*) END FROM "
		"person WHERE unit_id = p.unit_id), 0) / 60 + 5000) / 10000 * 10000, "
		"'planned hours at the unit''s average rate' FROM plan p",
		"INSERT INTO budget (unit_id, plan_id, category, amount_cents, note) "
		"SELECT p.unit_id, p.id, 'tools', (coalesce((SELECT CAST(sum(t.cost_cents) AS BIGINT) "
		"FROM tool t LEFT JOIN step s ON s.id = t.step_id WHERE coalesce(t.plan_id, "
		"s.plan_id) = p.id), 0) + 100000) / 50000 * 50000, 'allocated tools and a reserve' "
		"FROM plan p",
		"INSERT INTO budget (unit_id, plan_id, category, amount_cents, note) "
		"SELECT p.unit_id, p.id, 'other', 50000 + (p.id % 4) * 25000, 'travel and sundries' "
		"FROM plan p",
	};
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		if (demo_exec(db, fixed[i], NULL, e))
			return -1;
	/* the history of progress: done steps reached 100 on their due day
	 * (or today), doing steps their value today */
	if (demo_exec(db, "INSERT INTO step_progress (step_id, day, pct) "
			  "SELECT id, CASE WHEN due IS NOT NULL AND due <= CAST(:today AS TEXT) "
			  "THEN due ELSE CAST(:today AS TEXT) END, pct FROM step "
			  "WHERE status IN ('done', 'doing')", today, e))
		return -1;
	/* each unit's running costs for the year: 2,500.00 a head */
	struct stmt *st = db_prepare(db,
		"INSERT INTO budget (unit_id, category, amount_cents, period_from, period_to, note) "
		"SELECT u.id, 'other', 250000 * (SELECT count(*) FROM person p WHERE p.unit_id = "
		"u.id), CAST(:from AS TEXT), CAST(:to AS TEXT), 'running costs for the year' "
		"FROM unit u", e);
	if (!st)
		return -1;
	db_bind_text(st, ":from", from);
	db_bind_text(st, ":to", to);
	int rc = db_step(st, e);
	db_done(st);
	if (rc < 0)
		return -1;
	/* up to 16 expenses: four on each of the first active plans, a week
	 * apart from the plan's start, up to today */
	st = db_prepare(db, "SELECT id, start_date FROM plan WHERE status = 'active' "
			    "ORDER BY id LIMIT 4", e);
	if (!st)
		return -1;
	struct {
		int64_t id;
		int32_t start;
	} plans[4];
	int np = 0;
	while (np < 4 && (rc = db_step(st, e)) == 1) {
		plans[np].id = db_col_int(st, 0);
		if (date_parse(db_col_text(st, 1), &plans[np].start) == 0)
			np++;
	}
	db_done(st);
	if (rc < 0)
		return -1;
	size_t k = 0;
	for (int i = 0; i < np; i++)
		for (int j = 0; j < 4; j++, k++) {
			int32_t day = plans[i].start + 3 + 7 * j;
			if (day > t)
				break;
			char dd[11];
			date_format(day, dd);
			/* the j-th step of the plan, on every other expense */
			int64_t step = 0;
			if (j % 2 == 1) {
				st = db_prepare(db, "SELECT id FROM step WHERE plan_id = :plan "
						    "ORDER BY id LIMIT 1 OFFSET :n", e);
				if (!st)
					return -1;
				db_bind_int(st, ":plan", plans[i].id);
				db_bind_int(st, ":n", j);
				if (db_one_int(st, &step, e) < 0)
					return -1;
			}
			size_t x = k % (sizeof demo_expenses / sizeof demo_expenses[0]);
			struct expense_input in = {
				.plan_id = plans[i].id, .step_id = step,
				.category = demo_expenses[x].category,
				.amount_cents = demo_expenses[x].cents, .day = dd,
				.note = demo_expenses[x].note,
			};
			int64_t id;
			if (expense_add(db, &in, EXPENSE_PLAN | EXPENSE_STEP | EXPENSE_CATEGORY |
					EXPENSE_AMOUNT | EXPENSE_DAY | EXPENSE_NOTE, &id, e))
				return -1;
		}
	return 0;
}
