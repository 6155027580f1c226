/* expense: see expense.h. */
#include "manage/expense.h"

#include <string.h>

#include "base/buf.h"
#include "base/json.h"
#include "manage/ledger.h"
#include "manage/budget.h"
#include "org/unit.h"

const struct field expense_fields[] = {
	{.name = "plan_id", .type = FT_ID, .offset = offsetof(struct expense_input, plan_id),
	 .bit = EXPENSE_PLAN, .required = 1, .help = "the plan it was spent on"},
	{.name = "step_id", .type = FT_ID, .offset = offsetof(struct expense_input, step_id),
	 .bit = EXPENSE_STEP, .nullable = 1, .help = "one step of that plan (none)"},
	{.name = "category", .type = FT_ENUM, .offset = offsetof(struct expense_input, category),
	 .bit = EXPENSE_CATEGORY, .choices = budget_categories, .required = 1,
	 .help = "labour, tools or other"},
	{.name = "amount", .type = FT_MONEY, .offset = offsetof(struct expense_input, amount_cents),
	 .bit = EXPENSE_AMOUNT, .min = 1, .max = 100000000000, .required = 1,
	 .help = "the amount spent, more than 0"},
	{.name = "day", .type = FT_DATE, .offset = offsetof(struct expense_input, day),
	 .bit = EXPENSE_DAY, .required = 1, .help = "the day it was spent, YYYY-MM-DD"},
	{.name = "note", .type = FT_TEXT, .offset = offsetof(struct expense_input, note),
	 .bit = EXPENSE_NOTE, .max = 2000, .help = "what it was for"},
	{0},
};

const struct field expense_filter_fields[] = {
	{.name = "plan_id", .type = FT_ID, .offset = offsetof(struct expense_filter, plan_id),
	 .bit = XF_PLAN, .help = "only this plan's expenses"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct expense_filter, unit_id),
	 .bit = XF_UNIT, .help = "only expenses of plans of this unit and its subtree"},
	{.name = "from", .type = FT_DATE, .offset = offsetof(struct expense_filter, from),
	 .bit = XF_FROM, .help = "from this day on"},
	{.name = "to", .type = FT_DATE, .offset = offsetof(struct expense_filter, to),
	 .bit = XF_TO, .help = "up to this day, inclusive"},
	{.name = "limit", .type = FT_INT, .offset = offsetof(struct expense_filter, limit),
	 .bit = XF_LIMIT, .min = 0, .max = 1000000000, .help = "at most this many"},
	{.name = "offset", .type = FT_INT, .offset = offsetof(struct expense_filter, offset),
	 .bit = XF_OFFSET, .min = 0, .max = INT64_MAX, .help = "skip this many"},
	{0},
};

/* The rules of a whole expense, as it would be stored. */
static int validate(struct db *db, const struct expense_input *in, struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT start_date FROM plan WHERE id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", in->plan_id);
	int rc = db_step(st, e);
	char start[11] = "";
	if (rc == 1)
		snprintf(start, sizeof start, "%s", db_col_text(st, 0));
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "plan_id", "plan_id: no plan with id %lld",
			       (long long)in->plan_id);
	if (rc < 0)
		return -1;
	if (strcmp(in->day, start) < 0)
		return err_set(e, ERR_BAD_INPUT, "day", "day: %s is a date outside the plan: "
			       "plan %lld starts on %s", in->day, (long long)in->plan_id, start);
	if (!in->step_id)
		return 0;
	st = db_prepare(db, "SELECT plan_id FROM step WHERE id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", in->step_id);
	int64_t plan;
	rc = db_one_int(st, &plan, e);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "step_id", "step_id: no step with id %lld",
			       (long long)in->step_id);
	if (rc < 0)
		return -1;
	if (plan != in->plan_id)
		return err_set(e, ERR_BAD_INPUT, "step_id", "step_id: step %lld belongs to plan "
			       "%lld, not to plan %lld", (long long)in->step_id, (long long)plan,
			       (long long)in->plan_id);
	return 0;
}

/* The one write of an expense: an insert (id 0; *out gets the new id)
 * or an update of the whole row. */
static int expense_write(struct db *db, int64_t id, const struct expense_input *in,
			 int64_t *out, struct err *e)
{
	struct stmt *st = db_prepare(db, id ?
		"UPDATE expense SET plan_id = :plan, step_id = :step, category = :category, "
		"amount_cents = :amount, day = :day, note = :note WHERE id = :id RETURNING id" :
		"INSERT INTO expense (plan_id, step_id, category, amount_cents, day, note) "
		"VALUES (:plan, :step, :category, :amount, :day, :note) RETURNING id", e);
	if (!st)
		return -1;
	if (id)
		db_bind_int(st, ":id", id);
	db_bind_int(st, ":plan", in->plan_id);
	db_bind_id(st, ":step", in->step_id);
	db_bind_text(st, ":category", in->category);
	db_bind_int(st, ":amount", in->amount_cents);
	db_bind_text(st, ":day", in->day);
	db_bind_text(st, ":note", in->note ? in->note : "");
	return db_one_int(st, out, e) == 1 ? 0 : -1;
}

int expense_add(struct db *db, const struct expense_input *in, unsigned set, int64_t *id,
		struct err *e)
{
	if (fields_require(expense_fields, set, e))
		return -1;
	struct expense_input now = *in;
	if (!(set & EXPENSE_STEP))
		now.step_id = 0;
	if (!(set & EXPENSE_NOTE))
		now.note = "";
	if (db_begin(db, e))
		return -1;
	int rc = validate(db, &now, e) ? -1 : expense_write(db, 0, &now, id, e);
	if (rc == 0) rc = ledger_expense(db, *id, 1, e);
	return db_end(db, rc, e);
}

#define EXPENSE_SELECT                                                         \
	"SELECT x.id, x.plan_id, x.step_id, x.category, x.amount_cents, x.day, " \
	"x.note FROM expense x "

static void expense_row(struct stmt *st, struct arena *a, void *item)
{
	struct expense *x = item;
	x->id = db_col_int(st, 0);
	x->plan_id = db_col_int(st, 1);
	x->step_id = db_col_int(st, 2);
	x->category = arena_strdup(a, db_col_text(st, 3));
	x->amount_cents = db_col_int(st, 4);
	x->day = arena_strdup(a, db_col_text(st, 5));
	x->note = arena_strdup(a, db_col_text(st, 6));
}

int expense_get(struct db *db, struct arena *a, int64_t id, struct expense *x, struct err *e)
{
	struct stmt *st = db_prepare(db, EXPENSE_SELECT "WHERE x.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		expense_row(st, a, x);
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no expense with id %lld", (long long)id);
	return rc < 0 ? -1 : 0;
}

#define EXPENSE_WHERE                                                                   \
	"WHERE (:all_plans = 1 OR x.plan_id = :plan) "                                  \
	"AND (:all_units = 1 OR x.plan_id IN (SELECT id FROM plan WHERE unit_id IN "    \
	"(SELECT id FROM subtree))) AND (:no_from = 1 OR x.day >= :from) "              \
	"AND (:no_to = 1 OR x.day <= :to) "

static void filter_bind(struct stmt *st, const struct expense_filter *f, unsigned fset)
{
	db_bind_int(st, ":all_plans", !(fset & XF_PLAN));
	db_bind_int(st, ":plan", (fset & XF_PLAN) ? f->plan_id : 0);
	db_bind_int(st, ":all_units", !(fset & XF_UNIT));
	db_bind_int(st, ":unit", (fset & XF_UNIT) ? f->unit_id : 0);
	db_bind_int(st, ":no_from", !(fset & XF_FROM));
	db_bind_text(st, ":from", (fset & XF_FROM) ? f->from : "");
	db_bind_int(st, ":no_to", !(fset & XF_TO));
	db_bind_text(st, ":to", (fset & XF_TO) ? f->to : "");
}

int expense_list(struct db *db, struct arena *a, const struct expense_filter *f,
		 unsigned fset, struct expense **out, size_t *n, int64_t *total, struct err *e)
{
	if (db_begin_read(db, e))
		return -1;
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE
		"SELECT coalesce(sum(x.amount_cents), 0) FROM expense x " EXPENSE_WHERE, e);
	if (!st)
		return db_end(db, -1, e);
	filter_bind(st, f, fset);
	if (db_one_int(st, total, e) < 0)
		return db_end(db, -1, e);
	st = db_prepare(db, UNIT_SUBTREE_CTE EXPENSE_SELECT EXPENSE_WHERE
			"ORDER BY x.day, x.id LIMIT :limit OFFSET :offset", e);
	if (!st)
		return db_end(db, -1, e);
	filter_bind(st, f, fset);
	db_bind_int(st, ":limit", (fset & XF_LIMIT) ? f->limit : DB_NO_LIMIT);
	db_bind_int(st, ":offset", (fset & XF_OFFSET) ? f->offset : 0);
	int rc = db_collect(st, a, sizeof **out, expense_row, (void **)out, n, e);
	return db_end(db, rc, e);
}

int expense_set(struct db *db, int64_t id, const struct expense_input *in, unsigned set,
		struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	struct arena a = ARENA_INIT;
	struct expense old;
	if (expense_get(db, &a, id, &old, e))
		goto out;
	struct expense_input now = {
		.plan_id = old.plan_id, .step_id = old.step_id, .category = old.category,
		.amount_cents = old.amount_cents, .day = old.day, .note = old.note,
	};
	if ((set & EXPENSE_PLAN) && in->plan_id != old.plan_id) {
		now.plan_id = in->plan_id;
		now.step_id = 0;	/* the old step is another plan's */
	}
	if (set & EXPENSE_STEP)
		now.step_id = in->step_id;
	if (set & EXPENSE_CATEGORY)
		now.category = in->category;
	if (set & EXPENSE_AMOUNT)
		now.amount_cents = in->amount_cents;
	if (set & EXPENSE_DAY)
		now.day = in->day;
	if (set & EXPENSE_NOTE)
		now.note = in->note;
	int64_t got;
	if (ledger_expense(db, id, -1, e)) goto out;
	if (validate(db, &now, e) || expense_write(db, id, &now, &got, e))
		goto out;
	rc = ledger_expense(db, id, 1, e);
out:
	arena_free(&a);
	return db_end(db, rc, e);
}

int expense_rm(struct db *db, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	if (ledger_expense(db, id, -1, e)) return db_end(db, -1, e);
	int rc = db_run_id(db, "DELETE FROM expense WHERE id = :id RETURNING id", id, e);
	if (rc == 0)
		err_set(e, ERR_NOT_FOUND, "id", "no expense with id %lld", (long long)id);
	return db_end(db, rc == 1 ? 0 : -1, e);
}

json_t *expense_json(const struct expense *x)
{
	json_t *o = json_object();
	json_set_int(o, "id", x->id);
	json_set_int(o, "plan_id", x->plan_id);
	json_set_id(o, "step_id", x->step_id);
	json_set_str(o, "category", x->category);
	json_set_money(o, "amount", x->amount_cents);
	json_set_str(o, "day", x->day);
	json_set_str(o, "note", x->note);
	return o;
}
