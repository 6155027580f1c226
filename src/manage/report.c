/* report: the control report; see report.h. Every section reads only
 * the subtree's plans, steps, people and problems through their
 * indexes, and earned value comes from evm's aggregates, so a unit's
 * report does not scan the organization's time entries. */
#include "manage/report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/date.h"
#include "base/json.h"
#include "manage/budget.h"
#include "manage/calendar.h"
#include "org/unit.h"

const char *const report_formats[] = {"md", "html", "csv", "json", NULL};

const struct field report_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct report_input, unit_id),
	 .bit = REP_UNIT, .required = 1, .help = "the unit (with its sub-units)"},
	{.name = "from", .type = FT_DATE, .offset = offsetof(struct report_input, from),
	 .bit = REP_FROM, .required = 1, .help = "the first day of the period"},
	{.name = "to", .type = FT_DATE, .offset = offsetof(struct report_input, to),
	 .bit = REP_TO, .required = 1, .help = "the last day of the period (the report's as-of day)"},
	{.name = "format", .type = FT_ENUM, .offset = offsetof(struct report_input, format),
	 .bit = REP_FORMAT, .choices = report_formats, .help = "md, html, csv or json"},
	{0},
};

const char *report_money(struct arena *a, int64_t cents)
{
	uint64_t abs = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
	return arena_printf(a, "%s%llu.%02llu", cents < 0 ? "-" : "",
			    (unsigned long long)(abs / 100), (unsigned long long)(abs % 100));
}

const char *report_ratio(struct arena *a, int has, double v)
{
	if (!has)
		return "-";
	/* rounded as evm_json rounds, so that every format agrees */
	long long x = llround(v * 100);
	long long abs = x < 0 ? -x : x;
	return arena_printf(a, "%s%lld.%02lld", x < 0 ? "-" : "", abs / 100, abs % 100);
}

/* --- 1. earned value ------------------------------------------------------ */

static void plan_row(struct stmt *st, struct arena *a, void *item)
{
	struct report_plan *p = item;
	p->id = db_col_int(st, 0);
	p->name = arena_strdup(a, db_col_text(st, 1));
	p->unit_id = db_col_int(st, 2);
	p->unit_name = arena_strdup(a, db_col_text(st, 3));
	p->status = arena_strdup(a, db_col_text(st, 4));
}

static int gather_plans(struct db *db, struct arena *a, struct control_report *r,
			int32_t as_of, struct err *e)
{
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE
		"SELECT p.id, p.name, p.unit_id, u.name, p.status FROM plan p "
		"JOIN unit u ON u.id = p.unit_id WHERE p.unit_id IN (SELECT id FROM subtree) "
		"ORDER BY p.name, p.id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":unit", r->unit_id);
	if (db_collect(st, a, sizeof *r->plans, plan_row, (void **)&r->plans, &r->nplans, e))
		return -1;
	/* each plan's figures come from evm's per-plan aggregates; the total
	 * sums them and recomputes the ratios, as evm_rollup does */
	for (size_t i = 0; i < r->nplans; i++) {
		if (evm_plan(db, r->plans[i].id, as_of, &r->plans[i].evm, e))
			return -1;
		evm_add(&r->total, &r->plans[i].evm);
	}
	evm_derive(&r->total);
	return 0;
}

/* --- 2. budget vs actual ----------------------------------------------------- */

static int gather_budget(struct db *db, struct arena *a, struct control_report *r,
			 struct err *e)
{
	struct bva_line v[3];
	if (budget_vs_actual(db, a, 0, r->unit_id, r->from, r->to, v, e))
		return -1;
	for (size_t i = 0; i < 3; i++) {
		r->budget[i] = (struct report_budget){.category = v[i].category,
						      .budget_cents = v[i].budget_cents,
						      .actual_cents = v[i].actual_cents};
		r->budget_total_cents += v[i].budget_cents;
		r->actual_total_cents += v[i].actual_cents;
	}
	return 0;
}

/* --- 3. overdue steps ------------------------------------------------------ */

#define OVERDUE_FROM                                                                   \
	"FROM step s JOIN plan p ON p.id = s.plan_id "                                     \
	"WHERE p.unit_id IN (SELECT id FROM subtree) AND p.status <> 'cancelled' "          \
	"AND s.status <> 'done' AND s.due IS NOT NULL AND s.due < :to "

static void overdue_row(struct stmt *st, struct arena *a, void *item)
{
	struct report_overdue *o = item;
	o->plan_id = db_col_int(st, 0);
	o->plan = arena_strdup(a, db_col_text(st, 1));
	o->step_id = db_col_int(st, 2);
	o->step = arena_strdup(a, db_col_text(st, 3));
	o->assignee_id = db_col_int(st, 4);
	o->assignee = arena_strdup(a, db_col_text(st, 5));
	o->status = arena_strdup(a, db_col_text(st, 6));
	o->due = arena_strdup(a, db_col_text(st, 7));
}

static int gather_overdue(struct db *db, struct arena *a, struct control_report *r,
			  const struct calendar *cal, int32_t to, struct err *e)
{
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE "SELECT count(*) " OVERDUE_FROM, e);
	if (!st)
		return -1;
	db_bind_int(st, ":unit", r->unit_id);
	db_bind_text(st, ":to", r->to);
	if (db_one_int(st, &r->overdue_count, e) < 0)
		return -1;
	st = db_prepare(db, UNIT_SUBTREE_CTE
		"SELECT p.id, p.name, s.id, s.name, s.assignee_id, "
		"(SELECT name FROM person WHERE id = s.assignee_id), s.status, s.due "
		OVERDUE_FROM "ORDER BY s.due, p.id, s.id LIMIT :limit", e);
	if (!st)
		return -1;
	db_bind_int(st, ":unit", r->unit_id);
	db_bind_text(st, ":to", r->to);
	db_bind_int(st, ":limit", REPORT_MAX_ROWS);
	if (db_collect(st, a, sizeof *r->overdue, overdue_row, (void **)&r->overdue,
		       &r->noverdue, e))
		return -1;
	for (size_t i = 0; i < r->noverdue; i++) {
		int32_t due;
		if (NEVER(date_parse(r->overdue[i].due, &due)))
			continue;
		/* the working days after the due day, up to and including `to` */
		r->overdue[i].days_late = cal_working_between(cal, due + 1, to + 1);
	}
	return 0;
}

/* --- 5. open problems ------------------------------------------------------ */

#define PROBLEM_FROM                                                             \
	"FROM problem pr WHERE pr.unit_id IN (SELECT id FROM subtree) "            \
	"AND pr.status <> 'closed' "

static void problem_row(struct stmt *st, struct arena *a, void *item)
{
	struct report_problem *p = item;
	p->id = db_col_int(st, 0);
	p->severity = db_col_int(st, 1);
	p->title = arena_strdup(a, db_col_text(st, 2));
	p->rule = arena_strdup(a, db_col_text(st, 3));
	p->status = arena_strdup(a, db_col_text(st, 4));
	p->unit_id = db_col_int(st, 5);
	p->unit_name = arena_strdup(a, db_col_text(st, 6));
	p->found = arena_strdup(a, db_col_text(st, 7));
	p->due = arena_strdup(a, db_col_text(st, 8));
	p->owner_id = db_col_int(st, 9);
	p->owner = arena_strdup(a, db_col_text(st, 10));
}

static int gather_problems(struct db *db, struct arena *a, struct control_report *r,
			   struct err *e)
{
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE "SELECT count(*) " PROBLEM_FROM, e);
	if (!st)
		return -1;
	db_bind_int(st, ":unit", r->unit_id);
	if (db_one_int(st, &r->problem_count, e) < 0)
		return -1;
	st = db_prepare(db, UNIT_SUBTREE_CTE
		"SELECT pr.id, pr.severity, pr.title, pr.rule, pr.status, pr.unit_id, "
		"(SELECT name FROM unit WHERE id = pr.unit_id), pr.found, pr.due, pr.owner_id, "
		"(SELECT name FROM person WHERE id = pr.owner_id) "
		PROBLEM_FROM "ORDER BY pr.severity DESC, pr.found, pr.id LIMIT :limit", e);
	if (!st)
		return -1;
	db_bind_int(st, ":unit", r->unit_id);
	db_bind_int(st, ":limit", REPORT_MAX_ROWS);
	return db_collect(st, a, sizeof *r->problems, problem_row, (void **)&r->problems,
			  &r->nproblems, e);
}

/* --- the report -------------------------------------------------------------- */

static int gather(struct db *db, struct arena *a, const struct report_input *in,
		  struct control_report *r, struct err *e)
{
	int32_t from, to;
	if (date_parse(in->from, &from))
		return err_set(e, ERR_BAD_INPUT, "from", "from: must be a date as YYYY-MM-DD");
	if (date_parse(in->to, &to))
		return err_set(e, ERR_BAD_INPUT, "to", "to: must be a date as YYYY-MM-DD");
	if (to < from)
		return err_set(e, ERR_BAD_INPUT, "to",
			       "to: a period whose end (%s) is before its start (%s)", in->to,
			       in->from);
	/* the ISO weeks the period touches, Monday to Monday */
	r->first_monday = from - (date_weekday(from) - 1);
	int32_t last_monday = to - (date_weekday(to) - 1);
	int64_t weeks = (last_monday - r->first_monday) / 7 + 1;
	if (weeks > REPORT_MAX_WEEKS)
		return err_set(e, ERR_BAD_INPUT, "to",
			       "to: a period of at most %d weeks (this one touches %lld)",
			       REPORT_MAX_WEEKS, (long long)weeks);
	r->weeks = (int)weeks;
	r->unit_id = in->unit_id;
	r->from = arena_strdup(a, in->from);
	r->to = arena_strdup(a, in->to);
	struct unit u;
	if (unit_must_exist(db, in->unit_id, "unit_id", e) ||
	    unit_get(db, a, in->unit_id, &u, e))
		return -1;
	r->unit_name = u.name;
	struct calendar cal;
	if (calendar_load(db, a, &cal, e))
		return -1;
	if (gather_plans(db, a, r, to, e) || gather_budget(db, a, r, e) ||
	    gather_overdue(db, a, r, &cal, to, e) ||
	    capacity_overloads(db, a, r->unit_id, r->first_monday, r->weeks, &r->overloads,
			       &r->noverloads, e) ||
	    gather_problems(db, a, r, e))
		return -1;
	return 0;
}

int report_control(struct db *db, struct arena *a, const struct report_input *in,
		   unsigned set, struct control_report *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	if (fields_require(report_fields, set, e))
		return -1;
	if (db_begin_read(db, e))
		return -1;
	int rc = gather(db, a, in, out, e);
	if (rc == 0)
		return db_commit(db, e);
	struct err ignore = {0};
	db_commit(db, &ignore);
	return -1;
}

/* --- JSON ------------------------------------------------------------------------ */

static json_t *overdue_json(const struct report_overdue *o)
{
	json_t *j = json_object();
	json_set_int(j, "plan_id", o->plan_id);
	json_set_str(j, "plan", o->plan);
	json_set_int(j, "step_id", o->step_id);
	json_set_str(j, "step", o->step);
	json_set_id(j, "assignee_id", o->assignee_id);
	json_set_str(j, "assignee", o->assignee);
	json_set_str(j, "status", o->status);
	json_set_str(j, "due", o->due);
	json_set_int(j, "days_late", o->days_late);
	return j;
}

static json_t *problem_json(const struct report_problem *p)
{
	json_t *j = json_object();
	json_set_int(j, "id", p->id);
	json_set_int(j, "severity", p->severity);
	json_set_str(j, "title", p->title);
	json_set_str(j, "rule", p->rule);
	json_set_str(j, "status", p->status);
	json_set_int(j, "unit_id", p->unit_id);
	json_set_str(j, "unit", p->unit_name);
	json_set_str(j, "found", p->found);
	json_set_str(j, "due", p->due);
	json_set_id(j, "owner_id", p->owner_id);
	json_set_str(j, "owner", p->owner);
	return j;
}

json_t *report_json(const struct control_report *r)
{
	json_t *o = json_object();
	json_t *unit = json_object();
	json_set_int(unit, "id", r->unit_id);
	json_set_str(unit, "name", r->unit_name);
	json_object_set_new(o, "unit", unit);
	json_set_str(o, "from", r->from);
	json_set_str(o, "to", r->to);
	json_set_str(o, "as_of", r->to);

	json_t *plans = json_array();
	for (size_t i = 0; i < r->nplans; i++) {
		const struct report_plan *p = &r->plans[i];
		json_t *j = json_object();
		json_set_int(j, "id", p->id);
		json_set_str(j, "name", p->name);
		json_set_int(j, "unit_id", p->unit_id);
		json_set_str(j, "unit", p->unit_name);
		json_set_str(j, "status", p->status);
		json_object_set_new(j, "evm", evm_json(&p->evm));
		json_array_append_new(plans, j);
	}
	json_t *evm = json_object();
	json_object_set_new(evm, "plans", plans);
	json_object_set_new(evm, "total", evm_json(&r->total));
	json_object_set_new(o, "evm", evm);

	json_t *lines = json_array();
	for (size_t i = 0; i < 3; i++) {
		const struct report_budget *b = &r->budget[i];
		json_t *j = json_object();
		json_set_str(j, "category", b->category);
		json_set_money(j, "budget", b->budget_cents);
		json_set_money(j, "actual", b->actual_cents);
		json_set_money(j, "variance", b->budget_cents - b->actual_cents);
		json_array_append_new(lines, j);
	}
	json_t *budget = json_object();
	json_object_set_new(budget, "lines", lines);
	json_t *total = json_object();
	json_set_money(total, "budget", r->budget_total_cents);
	json_set_money(total, "actual", r->actual_total_cents);
	json_set_money(total, "variance", r->budget_total_cents - r->actual_total_cents);
	json_object_set_new(budget, "total", total);
	json_object_set_new(o, "budget", budget);

	json_t *items = json_array();
	for (size_t i = 0; i < r->noverdue; i++)
		json_array_append_new(items, overdue_json(&r->overdue[i]));
	json_t *overdue = json_object();
	json_set_int(overdue, "count", r->overdue_count);
	json_object_set_new(overdue, "items", items);
	json_object_set_new(o, "overdue", overdue);

	items = json_array();
	for (size_t i = 0; i < r->noverloads; i++)
		json_array_append_new(items, overload_json(&r->overloads[i]));
	json_t *over = json_object();
	char day[11];
	date_format(r->first_monday, day);
	json_set_str(over, "from_monday", day);
	json_set_int(over, "weeks", r->weeks);
	json_set_int(over, "count", (int64_t)r->noverloads);
	json_object_set_new(over, "items", items);
	json_object_set_new(o, "overloads", over);

	items = json_array();
	for (size_t i = 0; i < r->nproblems; i++)
		json_array_append_new(items, problem_json(&r->problems[i]));
	json_t *problems = json_object();
	json_set_int(problems, "count", r->problem_count);
	json_object_set_new(problems, "items", items);
	json_object_set_new(o, "problems", problems);
	return o;
}
