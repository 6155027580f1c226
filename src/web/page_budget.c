/* page_budget: budgets and expenses in the web UI.
 *
 * /budgets shows budget against actual for a plan or a unit and period
 * chosen with a GET form, as an inline SVG bar chart (a pair of bars per
 * category) with the same figures in a table, then the budget lines;
 * /budgets/new and /budgets/:id/edit are the line's forms. /expenses
 * lists expenses with their total and, for managers, a form to add one;
 * /expenses/:id/edit changes or removes one. */
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "manage/budget.h"
#include "manage/expense.h"
#include "manage/plan.h"
#include "web/page.h"

/* --- shared ------------------------------------------------------------------- */

/* The plans the actor reads, by id; options with a first "none". */
static int plan_choices(struct req *r, const char *none_label, struct plan **plans, size_t *np,
			struct option **opts, size_t *no)
{
	struct plan_filter pf = {0};
	unsigned pset = 0;
	if (api_scope(r, &pf.unit_id, &pset, PLF_UNIT) ||
	    plan_list(r->db, r->a, &pf, pset, plans, np, &r->e))
		return -1;
	*opts = arena_alloc(r->a, (*np + 1) * sizeof **opts);
	if (!*opts)
		return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	size_t k = 0;
	(*opts)[k++] = (struct option){"", none_label};
	for (size_t i = 0; i < *np; i++)
		(*opts)[k++] = (struct option){input_id(r, (*plans)[i].id), (*plans)[i].name};
	*no = k;
	return 0;
}

static const char *plan_name(const struct plan *plans, size_t np, int64_t id)
{
	for (size_t i = 0; i < np; i++)
		if (plans[i].id == id)
			return plans[i].name;
	return NULL;
}

static struct option category_opts[] = {
	{"labour", "Labour"}, {"tools", "Tools"}, {"other", "Other"},
};

/* An id typed in a GET form ("" or a positive number); 0 for none, -1
 * with a 400 naming field for junk. */
static int64_t query_id(struct req *r, const char *text, const char *field)
{
	int64_t v;
	if (!text || !*text || strcmp(text, "all") == 0)
		return 0;
	if (field_parse_int(text, &v) || v <= 0) {
		err_set(&r->e, ERR_BAD_INPUT, field, "%s: must be an id", field);
		return -1;
	}
	return v;
}

/* --- /budgets ------------------------------------------------------------------- */

struct budgets_q {
	struct listq l;
	const char *plan, *unit, *from, *to;
};
static const struct field budgets_q_fields[] = {
	LIST_FIELDS(struct budgets_q),
	{.name = "plan_id", .type = FT_TEXT, .offset = offsetof(struct budgets_q, plan), .bit = 1,
	 .max = 20},
	{.name = "unit_id", .type = FT_TEXT, .offset = offsetof(struct budgets_q, unit), .bit = 2,
	 .max = 20},
	{.name = "from", .type = FT_TEXT, .offset = offsetof(struct budgets_q, from), .bit = 4,
	 .max = 10},
	{.name = "to", .type = FT_TEXT, .offset = offsetof(struct budgets_q, to), .bit = 8,
	 .max = 10},
	{0},
};

/* A date from a GET form: "" for none, else YYYY-MM-DD. */
static int query_day(struct req *r, const char **day, const char *field)
{
	int32_t d;
	if (!*day || !**day) {
		*day = NULL;
		return 0;
	}
	if (date_parse(*day, &d))
		return err_set(&r->e, ERR_BAD_INPUT, field, "%s: must be a date as YYYY-MM-DD",
			       field);
	return 0;
}

/* The chart: a pair of bars (budget, actual) per category, scaled to the
 * largest figure; the table beside it holds the same numbers. */
static void bva_chart(struct buf *b, const struct bva_line v[3], const char *title)
{
	enum { W = 480, H = 230, TOP = 20, PLOT = 160, GROUP = 150, BAR = 44, LEFT = 30 };
	int64_t max = 1;
	for (int i = 0; i < 3; i++) {
		if (v[i].budget_cents > max)
			max = v[i].budget_cents;
		if (v[i].actual_cents > max)
			max = v[i].actual_cents;
	}
	html_printf(b, "<div class=\"cost-chart-wrap\"><svg xmlns=\"http://www.w3.org/2000/svg\" "
		       "class=\"cost-chart\" role=\"img\" aria-labelledby=\"cost-chart-title\" "
		       "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\"><title id=\"cost-chart-title\">"
		       "%s</title>", W, H, W, H, title);
	html_printf(b, "<line class=\"cost-axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT - 10,
		    TOP + PLOT, W - 10, TOP + PLOT);
	for (int i = 0; i < 3; i++) {
		int x = LEFT + i * GROUP;
		int64_t vals[2] = {v[i].budget_cents, v[i].actual_cents};
		for (int k = 0; k < 2; k++) {
			int64_t c = vals[k] < 0 ? 0 : vals[k];
			int h = (int)(c * PLOT / max);
			struct buf amount = BUF_INIT;
			html_money(&amount, vals[k]);
			html_printf(b, "<rect class=\"%s%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\">"
				       "<title>%s %s: %s</title></rect>",
				    k ? "cost-bar-actual" : "cost-bar-budget",
				    k && v[i].actual_cents > v[i].budget_cents ? " cost-over" : "",
				    x + k * (BAR + 6), TOP + PLOT - h, BAR, h, v[i].category,
				    k ? "actual" : "budget", buf_str(&amount));
			buf_free(&amount);
		}
		html_printf(b, "<text class=\"cost-label\" x=\"%d\" y=\"%d\">%s</text>",
			    x + BAR + 3, TOP + PLOT + 18, v[i].category);
	}
	html_printf(b, "<rect class=\"cost-bar-budget\" x=\"%d\" y=\"%d\" width=\"12\" height=\"12\"/>"
		       "<text class=\"cost-key\" x=\"%d\" y=\"%d\">budget</text>"
		       "<rect class=\"cost-bar-actual\" x=\"%d\" y=\"%d\" width=\"12\" height=\"12\"/>"
		       "<text class=\"cost-key\" x=\"%d\" y=\"%d\">actual</text></svg></div>\n",
		    LEFT, H - 18, LEFT + 16, H - 8, LEFT + 90, H - 18, LEFT + 106, H - 8);
}

static void bva_table(struct buf *b, const struct bva_line v[3])
{
	html_raw(b, "<div class=\"table-wrap\"><table class=\"cost-figures\"><thead><tr>"
		    "<th scope=\"col\">Category</th><th scope=\"col\" class=\"num\">Budget</th>"
		    "<th scope=\"col\" class=\"num\">Actual</th><th scope=\"col\" class=\"num\">"
		    "Left</th></tr></thead><tbody>\n");
	int64_t tb = 0, ta = 0;
	for (int i = 0; i <= 3; i++) {
		int64_t bc = i < 3 ? v[i].budget_cents : tb, ac = i < 3 ? v[i].actual_cents : ta;
		html_printf(b, "<tr%s><th scope=\"row\">%s</th><td class=\"num\">",
			    i == 3 ? " class=\"total\"" : "", i < 3 ? v[i].category : "total");
		html_money(b, bc);
		html_raw(b, "</td><td class=\"num\">");
		html_money(b, ac);
		html_printf(b, "</td><td class=\"num%s\">", bc - ac < 0 ? " cost-over" : "");
		html_money(b, bc - ac);
		html_raw(b, "</td></tr>\n");
		if (i < 3) {
			tb += bc;
			ta += ac;
		}
	}
	html_raw(b, "</tbody></table></div>\n");
}

static int cmp_budget_amount(const void *a, const void *b)
{
	const struct budget *x = a, *y = b;
	if (x->amount_cents != y->amount_cents)
		return x->amount_cents > y->amount_cents ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}
static int cmp_budget_category(const void *a, const void *b)
{
	const struct budget *x = a, *y = b;
	int c = strcmp(x->category, y->category);
	return c ? c : (x->id > y->id) - (x->id < y->id);
}

int budgets_page(struct req *r)
{
	struct budgets_q q = {0};
	unsigned set = 0;
	if (list_query(r, budgets_q_fields, &q, &set, "id"))
		return -1;
	int64_t plan = query_id(r, q.plan, "plan_id"), unit = query_id(r, q.unit, "unit_id");
	if (plan < 0 || unit < 0 || query_day(r, &q.from, "from") || query_day(r, &q.to, "to"))
		return -1;
	struct unit *units;
	size_t nunits;
	struct plan *plans;
	size_t np, npo;
	struct option *po;
	if (page_units(r, &units, &nunits) ||
	    plan_choices(r, "None (a unit)", &plans, &np, &po, &npo))
		return -1;
	if (plan && unit)
		unit = 0;	/* the plan wins */
	if (!plan && !unit && nunits)
		unit = units[0].id;	/* the top of what the actor reads */
	if (plan && access_check(r->db, &r->who, K_PLAN, plan, A_READ, &r->e))
		return -1;
	if (unit && access_check(r->db, &r->who, K_UNIT, unit, A_READ, &r->e))
		return -1;
	struct bva_line v[3];
	if ((plan || unit) &&
	    budget_vs_actual(r->db, r->a, plan, unit, q.from, q.to, v, &r->e))
		return -1;
	struct budget_filter f = {0};
	unsigned fset = 0;
	if (plan) {
		f.plan_id = plan;
		fset |= BF_PLAN;
	} else if (unit) {
		f.unit_id = unit;
		fset |= BF_UNIT;
	} else if (api_scope(r, &f.unit_id, &fset, BF_UNIT)) {
		return -1;
	}
	struct budget *lines;
	size_t n;
	if (budget_list(r->db, r->a, &f, fset, &lines, &n, &r->e))
		return -1;
	int (*cmp)(const void *, const void *) = NULL;
	if (strcmp(q.l.sort, "amount") == 0)
		cmp = cmp_budget_amount;
	else if (strcmp(q.l.sort, "category") == 0)
		cmp = cmp_budget_category;
	else
		q.l.sort = "id";
	if (cmp && n)
		qsort(lines, n, sizeof *lines, cmp);
	if (is_csv(&q.l)) {
		struct csv c = page_csv(r, "budgets.csv");
		static const char *const head[] = {"id", "unit_id", "plan_id", "plan", "category",
						   "amount", "from", "to", "note"};
		csv_header(&c, head, sizeof head / sizeof head[0]);
		for (size_t i = 0; i < n; i++) {
			csv_int(&c, lines[i].id);
			csv_int(&c, lines[i].unit_id);
			csv_id(&c, lines[i].plan_id);
			csv_text(&c, plan_name(plans, np, lines[i].plan_id));
			csv_text(&c, lines[i].category);
			csv_money(&c, lines[i].amount_cents);
			csv_text(&c, lines[i].period_from);
			csv_text(&c, lines[i].period_to);
			csv_text(&c, lines[i].note);
			csv_end(&c);
		}
		return 0;
	}
	struct buf base = BUF_INIT;
	buf_puts(&base, "/budgets?");
	if (plan)
		qs_add_int(&base, "plan_id", plan);
	else if (unit)
		qs_add_int(&base, "unit_id", unit);
	if (q.from)
		qs_add(&base, "from", q.from);
	if (q.to)
		qs_add(&base, "to", q.to);
	page_begin(r, "Budgets", "manage");
	struct buf *b = &r->page;
	html_raw(b, "<div class=\"title-row\"><h1>Budgets</h1>");
	if (r->who.role >= ROLE_MANAGER)
		html_raw(b, "<a class=\"button primary\" href=\"/budgets/new\">New budget line</a>");
	html_raw(b, "</div>\n<p class=\"lead\">What was budgeted against what was spent, by "
		    "category. <a href=\"/expenses\">Expenses</a> count with time and tools.</p>\n"
		    "<form method=\"get\" action=\"/budgets\" class=\"filters\">");
	size_t nu;
	struct option *uo = unit_options(r, units, nunits, "", "None (a plan)", &nu);
	html_select(b, &(struct select){.name = "plan_id", .id = "filter-plan_id", .label = "Plan",
					.options = po, .n = npo,
					.selected = plan ? input_id(r, plan) : ""}, NULL);
	html_select(b, &(struct select){.name = "unit_id", .label = "Or a unit (with its sub-units)",
					.options = uo, .n = uo ? nu : 0,
					.selected = unit ? input_id(r, unit) : ""}, NULL);
	html_input(b, &(struct input){.name = "from", .label = "From", .type = "date",
				      .value = q.from}, NULL);
	html_input(b, &(struct input){.name = "to", .label = "To", .type = "date", .value = q.to},
		   NULL);
	html_raw(b, "<button type=\"submit\">Show</button></form>\n");
	if (plan || unit) {
		const char *what = plan ? plan_name(plans, np, plan) : NULL;
		for (size_t i = 0; unit && i < nunits; i++)
			if (units[i].id == unit)
				what = units[i].name;
		const char *title = arena_printf(r->a, "Budget against actual: %s%s%s%s%s",
						 what ? what : "", q.from ? ", from " : "",
						 q.from ? q.from : "", q.to ? " to " : "",
						 q.to ? q.to : "");
		html_printf(b, "<h2>%s</h2>\n", title);
		bva_chart(b, v, title);
		bva_table(b, v);
	}
	html_raw(b, "<h2>Budget lines</h2>\n");
	if (!n) {
		html_raw(b, "<p class=\"empty\">No budget lines here yet.</p>\n");
	} else {
		size_t first, last;
		int64_t pages = page_slice((int64_t)n, q.l.page, &first, &last);
		html_raw(b, "<div class=\"table-wrap\"><table><thead><tr>");
		sort_th(b, "Line", "id", q.l.sort, buf_str(&base));
		html_raw(b, "<th scope=\"col\">Plan or unit</th>");
		sort_th(b, "Category", "category", q.l.sort, buf_str(&base));
		sort_th(b, "Amount", "amount", q.l.sort, buf_str(&base));
		html_raw(b, "<th scope=\"col\">Period</th><th scope=\"col\">Note</th></tr></thead>"
			    "<tbody>\n");
		for (size_t i = first; i < last; i++) {
			const struct budget *l = &lines[i];
			if (may_write(r, K_BUDGET, l->id))
				html_printf(b, "<tr><td><a href=\"/budgets/%lld/edit\">#%lld</a></td><td>",
					    (long long)l->id, (long long)l->id);
			else
				html_printf(b, "<tr><td>#%lld</td><td>", (long long)l->id);
			if (l->plan_id) {
				const char *pn = plan_name(plans, np, l->plan_id);
				html_printf(b, "<a href=\"/plans/%lld\">%s</a>", (long long)l->plan_id,
					    pn ? pn : "(plan)");
			} else {
				const char *un = NULL;
				for (size_t k = 0; k < nunits; k++)
					if (units[k].id == l->unit_id)
						un = units[k].name;
				html_printf(b, "<a href=\"/units/%lld\">%s</a>", (long long)l->unit_id,
					    un ? un : "(unit)");
			}
			html_printf(b, "</td><td>%s</td><td class=\"num\">", l->category);
			html_money(b, l->amount_cents);
			html_raw(b, "</td><td>");
			if (l->period_from)
				html_printf(b, "%s – %s", l->period_from, l->period_to);
			else
				html_raw(b, "<span class=\"none\">the plan's</span>");
			html_printf(b, "</td><td>%s</td></tr>\n", l->note);
		}
		html_raw(b, "</tbody></table></div>\n");
		struct buf sorted = BUF_INIT;
		buf_puts(&sorted, buf_str(&base));
		qs_add(&sorted, "sort", q.l.sort);
		html_pager(b, buf_str(&sorted), q.l.page > pages ? pages : q.l.page, pages);
		csv_link(b, buf_str(&sorted));
		buf_free(&sorted);
	}
	buf_free(&base);
	page_end(r);
	return 0;
}

/* --- the budget line form ---------------------------------------------------------- */

struct budget_vals {
	const char *plan_id, *unit_id, *category, *amount, *from, *to, *note;
};

static void budget_vals_from_form(const struct form *f, struct budget_vals *v)
{
	v->plan_id = form_get(f, "plan_id");
	v->unit_id = form_get(f, "unit_id");
	v->category = form_get(f, "category");
	v->amount = form_get(f, "amount");
	v->from = form_get(f, "from");
	v->to = form_get(f, "to");
	v->note = form_get(f, "note");
}

static int budget_form(struct req *r, const char *title, const struct budget_vals *v,
		       int64_t id)
{
	struct unit *units;
	size_t nunits, np, npo, nu;
	struct plan *plans;
	struct option *po;
	if (page_units(r, &units, &nunits) ||
	    plan_choices(r, "None (a unit's line)", &plans, &np, &po, &npo))
		return -1;
	struct option *uo = unit_options(r, units, nunits, "", "None (a plan's line)", &nu);
	page_begin(r, title, "manage");
	struct buf *b = &r->page;
	html_printf(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/budgets\">Budgets"
		       "</a></nav>\n<h1>%s</h1>\n", title);
	html_form_error(b, &r->e, 1);
	if (id)
		html_printf(b, "<form method=\"post\" action=\"/budgets/%lld\" class=\"stack\" "
			       "novalidate>\n", (long long)id);
	else
		html_raw(b, "<form method=\"post\" action=\"/budgets\" class=\"stack\" novalidate>\n");
	html_csrf(b, r);
	html_select(b, &(struct select){.name = "plan_id", .label = "Plan", .options = po,
					.n = npo, .selected = v->plan_id ? v->plan_id : "",
					.hint = "A plan's line counts in its budget at completion."},
		    &r->e);
	html_select(b, &(struct select){.name = "unit_id", .label = "Or a unit",
					.options = uo, .n = uo ? nu : 0,
					.selected = v->unit_id ? v->unit_id : "",
					.hint = "A unit's line needs its period."}, &r->e);
	html_select(b, &(struct select){.name = "category", .label = "Category",
					.options = category_opts, .n = 3, .required = 1,
					.selected = v->category ? v->category : "labour"}, &r->e);
	html_input(b, &(struct input){.name = "amount", .label = "Amount", .type = "number",
				      .step = "0.01", .min = "0", .value = v->amount, .required = 1,
				      .hint = "An amount such as 1250.00."}, &r->e);
	html_input(b, &(struct input){.name = "from", .label = "From", .type = "date",
				      .value = v->from, .hint = "The period's first day."}, &r->e);
	html_input(b, &(struct input){.name = "to", .label = "To", .type = "date", .value = v->to,
				      .hint = "Its last day, inclusive."}, &r->e);
	html_input(b, &(struct input){.name = "note", .label = "Note", .value = v->note,
				      .maxlength = 2000}, &r->e);
	html_printf(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">%s</button> "
		       "<a href=\"/budgets\">Cancel</a></div>\n</form>\n",
		    id ? "Save the line" : "Add the line");
	if (id) {
		html_printf(b, "<form method=\"post\" action=\"/budgets/%lld/delete\">",
			    (long long)id);
		html_csrf(b, r);
		html_raw(b, "<button type=\"submit\">Remove the line</button></form>\n");
	}
	page_end(r);
	return 0;
}

/* The plan or unit from their selects (an empty one is not given), the
 * rest as a create or an edit reads it. */
static int budget_fill(struct req *r, int edit, struct budget_input *in, unsigned *set)
{
	const struct field owner[] = {budget_fields[0], budget_fields[1], {0}};
	if (form_fill(&r->form, owner, in, set, &r->e))
		return -1;
	return (edit ? form_fill_edit : form_fill)(&r->form, budget_fields + 2, in, set, &r->e);
}

int budget_new_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}) || may_create(r, "budget lines"))
		return -1;
	struct budget_vals v = {0};
	return budget_form(r, "New budget line", &v, 0);
}

int budget_create_page(struct req *r)
{
	struct budget_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (budget_fill(r, 0, &in, &set) || budget_add(r->db, &in, set, &id, &r->e)) {
		if (form_failed(r))
			return -1;
		struct budget_vals v;
		budget_vals_from_form(&r->form, &v);
		return budget_form(r, "New budget line", &v, 0);
	}
	if (in.plan_id)
		return page_redirect(r, "/budgets?plan_id=%lld", (long long)in.plan_id);
	return page_redirect(r, "/budgets?unit_id=%lld", (long long)in.unit_id);
}

int budget_edit_page(struct req *r)
{
	struct budget l;
	if (page_query(r, NULL, NULL, &(unsigned){0}) || budget_get(r->db, r->a, r->id, &l, &r->e))
		return -1;
	struct budget_vals v = {
		.plan_id = input_id(r, l.plan_id), .unit_id = l.plan_id ? "" : input_id(r, l.unit_id),
		.category = l.category, .amount = input_money(r, l.amount_cents),
		.from = l.period_from, .to = l.period_to, .note = l.note,
	};
	return budget_form(r, arena_printf(r->a, "Budget line %lld", (long long)l.id), &v, l.id);
}

int budget_update_page(struct req *r)
{
	struct budget_input in = {0};
	unsigned set = 0;
	if (budget_fill(r, 1, &in, &set) || budget_set(r->db, r->id, &in, set, &r->e)) {
		if (form_failed(r))
			return -1;
		struct budget_vals v;
		budget_vals_from_form(&r->form, &v);
		return budget_form(r, arena_printf(r->a, "Budget line %lld", (long long)r->id), &v,
				   r->id);
	}
	return page_redirect(r, "/budgets");
}

int budget_delete_page(struct req *r)
{
	if (budget_rm(r->db, r->id, &r->e))
		return -1;
	return page_redirect(r, "/budgets");
}

/* --- /expenses -------------------------------------------------------------------- */

struct expenses_q {
	struct listq l;
	const char *plan, *from, *to;
};
static const struct field expenses_q_fields[] = {
	LIST_FIELDS(struct expenses_q),
	{.name = "plan_id", .type = FT_TEXT, .offset = offsetof(struct expenses_q, plan), .bit = 1,
	 .max = 20},
	{.name = "from", .type = FT_TEXT, .offset = offsetof(struct expenses_q, from), .bit = 2,
	 .max = 10},
	{.name = "to", .type = FT_TEXT, .offset = offsetof(struct expenses_q, to), .bit = 4,
	 .max = 10},
	{0},
};

struct expense_vals {
	const char *plan_id, *step_id, *category, *amount, *day, *note;
};

static void expense_vals_from_form(const struct form *f, struct expense_vals *v)
{
	v->plan_id = form_get(f, "plan_id");
	v->step_id = form_get(f, "step_id");
	v->category = form_get(f, "category");
	v->amount = form_get(f, "amount");
	v->day = form_get(f, "day");
	v->note = form_get(f, "note");
}

/* The fields of an expense, inside a form already opened. */
static void expense_inputs(struct req *r, struct buf *b, const struct expense_vals *v,
			   const struct option *po, size_t npo)
{
	html_select(b, &(struct select){.name = "plan_id", .label = "Plan", .options = po + 1,
					.n = npo - 1, .required = 1,
					.selected = v->plan_id ? v->plan_id : ""}, &r->e);
	html_input(b, &(struct input){.name = "step_id", .label = "Step (its id, optional)",
				      .type = "number", .step = "1", .min = "1", .value = v->step_id,
				      .hint = "A step of that plan."}, &r->e);
	html_select(b, &(struct select){.name = "category", .label = "Category",
					.options = category_opts, .n = 3, .required = 1,
					.selected = v->category ? v->category : "other"}, &r->e);
	html_input(b, &(struct input){.name = "amount", .label = "Amount", .type = "number",
				      .step = "0.01", .min = "0.01", .value = v->amount,
				      .required = 1}, &r->e);
	html_input(b, &(struct input){.name = "day", .label = "Day", .type = "date",
				      .value = v->day, .required = 1,
				      .hint = "On or after the plan's start."}, &r->e);
	html_input(b, &(struct input){.name = "note", .label = "Note", .value = v->note,
				      .maxlength = 2000}, &r->e);
}

/* The list; with form_vals (a refused add) the add form shows them and
 * r->e beside its field. */
static int expenses_render(struct req *r, const struct expense_vals *form_vals)
{
	struct expenses_q q = {0};
	unsigned set = 0;
	struct err form_err = {0};
	if (form_vals) {
		/* the refusal goes beside the add form; the list is unfiltered */
		form_err = r->e;
		err_clear(&r->e);
		q.l = (struct listq){.sort = "day", .page = 1, .format = "html"};
	} else if (list_query(r, expenses_q_fields, &q, &set, "day")) {
		return -1;
	}
	int64_t plan = query_id(r, q.plan, "plan_id");
	if (plan < 0 || query_day(r, &q.from, "from") || query_day(r, &q.to, "to"))
		return -1;
	struct plan *plans;
	size_t np, npo;
	struct option *po;
	if (plan_choices(r, "All plans", &plans, &np, &po, &npo))
		return -1;
	if (plan && access_check(r->db, &r->who, K_PLAN, plan, A_READ, &r->e))
		return -1;
	struct expense_filter f = {.plan_id = plan, .from = q.from, .to = q.to};
	unsigned fset = (plan ? XF_PLAN : 0) | (q.from ? XF_FROM : 0) | (q.to ? XF_TO : 0);
	if (api_scope(r, &f.unit_id, &fset, XF_UNIT))
		return -1;
	struct expense *v;
	size_t n;
	int64_t total;
	if (expense_list(r->db, r->a, &f, fset, &v, &n, &total, &r->e))
		return -1;
	if (is_csv(&q.l)) {
		struct csv c = page_csv(r, "expenses.csv");
		static const char *const head[] = {"id", "day", "plan_id", "plan", "step_id",
						   "category", "amount", "note"};
		csv_header(&c, head, sizeof head / sizeof head[0]);
		for (size_t i = 0; i < n; i++) {
			csv_int(&c, v[i].id);
			csv_text(&c, v[i].day);
			csv_int(&c, v[i].plan_id);
			csv_text(&c, plan_name(plans, np, v[i].plan_id));
			csv_id(&c, v[i].step_id);
			csv_text(&c, v[i].category);
			csv_money(&c, v[i].amount_cents);
			csv_text(&c, v[i].note);
			csv_end(&c);
		}
		return 0;
	}
	struct buf base = BUF_INIT;
	buf_puts(&base, "/expenses?");
	if (plan)
		qs_add_int(&base, "plan_id", plan);
	if (q.from)
		qs_add(&base, "from", q.from);
	if (q.to)
		qs_add(&base, "to", q.to);
	page_begin(r, "Expenses", "manage");
	struct buf *b = &r->page;
	html_raw(b, "<div class=\"title-row\"><h1>Expenses</h1></div>\n<p class=\"lead\">Money "
		    "spent on plans besides time and tools; it counts in "
		    "<a href=\"/budgets\">budget against actual</a> by its category.</p>\n"
		    "<form method=\"get\" action=\"/expenses\" class=\"filters\">");
	html_select(b, &(struct select){.name = "plan_id", .id = "filter-plan_id", .label = "Plan",
					.options = po, .n = npo,
					.selected = plan ? input_id(r, plan) : ""}, NULL);
	html_input(b, &(struct input){.name = "from", .label = "From", .type = "date",
				      .value = q.from}, NULL);
	html_input(b, &(struct input){.name = "to", .label = "To", .type = "date", .value = q.to},
		   NULL);
	html_raw(b, "<button type=\"submit\">Filter</button></form>\n");
	if (!n) {
		html_raw(b, "<p class=\"empty\">No expenses here yet.</p>\n");
	} else {
		size_t first, last;
		int64_t pages = page_slice((int64_t)n, q.l.page, &first, &last);
		html_printf(b, "<p class=\"count\">%zu expense%s, ", n, n == 1 ? "" : "s");
		html_money(b, total);
		html_raw(b, " in all</p>\n<div class=\"table-wrap\"><table><thead><tr>"
			    "<th scope=\"col\">Day</th><th scope=\"col\">Plan</th><th scope=\"col\">"
			    "Step</th><th scope=\"col\">Category</th><th scope=\"col\" class=\"num\">"
			    "Amount</th><th scope=\"col\">Note</th></tr></thead><tbody>\n");
		for (size_t i = first; i < last; i++) {
			const char *pn = plan_name(plans, np, v[i].plan_id);
			if (may_write(r, K_EXPENSE, v[i].id))
				html_printf(b, "<tr><td><a href=\"/expenses/%lld/edit\">%s</a></td>",
					    (long long)v[i].id, v[i].day);
			else
				html_printf(b, "<tr><td>%s</td>", v[i].day);
			html_printf(b, "<td><a href=\"/plans/%lld\">%s</a></td><td>",
				    (long long)v[i].plan_id, pn ? pn : "(plan)");
			if (v[i].step_id)
				html_printf(b, "<a href=\"/steps/%lld\">#%lld</a>",
					    (long long)v[i].step_id, (long long)v[i].step_id);
			else
				html_raw(b, "<span class=\"none\">—</span>");
			html_printf(b, "</td><td>%s</td><td class=\"num\">", v[i].category);
			html_money(b, v[i].amount_cents);
			html_printf(b, "</td><td>%s</td></tr>\n", v[i].note);
		}
		html_raw(b, "</tbody></table></div>\n");
		html_pager(b, buf_str(&base), q.l.page > pages ? pages : q.l.page, pages);
		csv_link(b, buf_str(&base));
	}
	buf_free(&base);
	if (r->who.role >= ROLE_MANAGER && npo > 1) {
		struct expense_vals empty = {0};
		html_raw(b, "<section aria-labelledby=\"add-expense\"><h2 id=\"add-expense\">Add an "
			    "expense</h2>\n");
		html_form_error(b, &form_err, 1);
		html_raw(b, "<form method=\"post\" action=\"/expenses\" class=\"stack\" novalidate>\n");
		html_csrf(b, r);
		r->e = form_err;	/* beside its field */
		expense_inputs(r, b, form_vals ? form_vals : &empty, po, npo);
		html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Add the "
			    "expense</button></div>\n</form>\n</section>\n");
	}
	page_end(r);
	return 0;
}

int expenses_page(struct req *r)
{
	return expenses_render(r, NULL);
}

int expense_create_page(struct req *r)
{
	struct expense_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (form_fill(&r->form, expense_fields, &in, &set, &r->e) ||
	    expense_add(r->db, &in, set, &id, &r->e)) {
		if (form_failed(r))
			return -1;
		struct expense_vals v;
		expense_vals_from_form(&r->form, &v);
		int status = r->status;
		if (expenses_render(r, &v))
			return -1;
		r->status = status;
		return 0;
	}
	return page_redirect(r, "/expenses?plan_id=%lld", (long long)in.plan_id);
}

static int expense_form(struct req *r, int64_t id, const struct expense_vals *v)
{
	struct plan *plans;
	size_t np, npo;
	struct option *po;
	if (plan_choices(r, "", &plans, &np, &po, &npo))
		return -1;
	const char *title = arena_printf(r->a, "Expense %lld", (long long)id);
	page_begin(r, title, "manage");
	struct buf *b = &r->page;
	html_printf(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/expenses\">"
		       "Expenses</a></nav>\n<h1>%s</h1>\n", title);
	html_form_error(b, &r->e, 1);
	html_printf(b, "<form method=\"post\" action=\"/expenses/%lld\" class=\"stack\" "
		       "novalidate>\n", (long long)id);
	html_csrf(b, r);
	expense_inputs(r, b, v, po, npo);
	html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Save the "
		    "expense</button> <a href=\"/expenses\">Cancel</a></div>\n</form>\n");
	html_printf(b, "<form method=\"post\" action=\"/expenses/%lld/delete\">", (long long)id);
	html_csrf(b, r);
	html_raw(b, "<button type=\"submit\">Remove the expense</button></form>\n");
	page_end(r);
	return 0;
}

int expense_edit_page(struct req *r)
{
	struct expense x;
	if (page_query(r, NULL, NULL, &(unsigned){0}) || expense_get(r->db, r->a, r->id, &x, &r->e))
		return -1;
	struct expense_vals v = {
		.plan_id = input_id(r, x.plan_id), .step_id = input_id(r, x.step_id),
		.category = x.category, .amount = input_money(r, x.amount_cents), .day = x.day,
		.note = x.note,
	};
	return expense_form(r, x.id, &v);
}

int expense_update_page(struct req *r)
{
	struct expense_input in = {0};
	unsigned set = 0;
	if (form_fill_edit(&r->form, expense_fields, &in, &set, &r->e) ||
	    expense_set(r->db, r->id, &in, set, &r->e)) {
		if (form_failed(r))
			return -1;
		struct expense_vals v;
		expense_vals_from_form(&r->form, &v);
		return expense_form(r, r->id, &v);
	}
	return page_redirect(r, "/expenses");
}

int expense_delete_page(struct req *r)
{
	if (expense_rm(r->db, r->id, &r->e))
		return -1;
	return page_redirect(r, "/expenses");
}
