/* page_tool: tools and assets: the list (/tools), a tool (/tools/:id),
 * and its create and edit forms (/tools/new, /tools/:id/edit). A tool
 * goes to a plan, to one step of a plan, or to nothing yet. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "manage/plan.h"
#include "manage/step.h"
#include "manage/tool.h"
#include "web/page.h"

/* --- the list ------------------------------------------------------------- */

struct tools_q {
	struct listq l;
};
static const struct field tools_q_fields[] = {
	LIST_FIELDS(struct tools_q),
	{0},
};

static int cmp_tool_name(const void *a, const void *b)
{
	const struct tool *x = a, *y = b;
	int c = strcasecmp(x->name ? x->name : "", y->name ? y->name : "");
	return c ? c : (x->id > y->id) - (x->id < y->id);
}
static int cmp_tool_cost(const void *a, const void *b)
{
	const struct tool *x = a, *y = b;
	if (x->cost_cents != y->cost_cents)
		return x->cost_cents > y->cost_cents ? -1 : 1;	/* dearest first */
	return cmp_tool_name(a, b);
}
static int cmp_tool_plan(const void *a, const void *b)
{
	const struct tool *x = a, *y = b;
	if (x->plan_id != y->plan_id)
		return !x->plan_id ? 1 : !y->plan_id ? -1 : x->plan_id < y->plan_id ? -1 : 1;
	return cmp_tool_name(a, b);
}

int tools_page(struct req *r)
{
	struct tools_q q = {0};
	unsigned set = 0;
	if (list_query(r, tools_q_fields, &q, &set, "name"))
		return -1;
	struct tool_filter f = {0};
	struct tool *v;
	size_t n;
	unsigned tset = 0;
	if (api_scope(r, &f.unit_id, &tset, TOF_UNIT) ||
	    tool_list(r->db, r->a, &f, tset, &v, &n, &r->e))
		return -1;
	struct plan_filter pf = {0};
	struct plan *plans;
	size_t np;
	unsigned pset = 0;
	if (api_scope(r, &pf.unit_id, &pset, PLF_UNIT) ||
	    plan_list(r->db, r->a, &pf, pset, &plans, &np, &r->e))
		return -1;
	int (*cmp)(const void *, const void *) = cmp_tool_name;
	if (strcmp(q.l.sort, "cost") == 0)
		cmp = cmp_tool_cost;
	else if (strcmp(q.l.sort, "plan") == 0)
		cmp = cmp_tool_plan;
	else
		q.l.sort = "name";
	if (n)
		qsort(v, n, sizeof *v, cmp);
	/* plan names by id (plan_list is in id order) */
	const char *none = NULL;
	if (is_csv(&q.l)) {
		struct csv c = page_csv(r, "tools.csv");
		static const char *const head[] = {"id", "name", "cost", "plan_id", "plan", "step_id"};
		csv_header(&c, head, sizeof head / sizeof head[0]);
		for (size_t i = 0; i < n; i++) {
			const char *plan = none;
			for (size_t k = 0; k < np; k++)
				if (plans[k].id == v[i].plan_id)
					plan = plans[k].name;
			csv_int(&c, v[i].id);
			csv_text(&c, v[i].name);
			csv_money(&c, v[i].cost_cents);
			csv_id(&c, v[i].plan_id);
			csv_text(&c, plan);
			csv_id(&c, v[i].step_id);
			csv_end(&c);
		}
		return 0;
	}
	struct buf sorted = BUF_INIT;
	buf_puts(&sorted, "/tools?");
	qs_add(&sorted, "sort", q.l.sort);
	page_begin(r, "Tools", "manage");
	struct buf *b = &r->page;
	html_raw(b, "<div class=\"title-row\"><h1>Tools</h1>");
	if (r->who.role >= ROLE_MANAGER)
		html_raw(b, "<a class=\"button primary\" href=\"/tools/new\">New tool</a>");
	html_raw(b, "</div>\n<p class=\"lead\">Tools and assets with their cost, and the plan or "
		    "step they serve.</p>\n");
	if (!n) {
		if (r->who.role >= ROLE_MANAGER)
			html_raw(b, "<p class=\"empty\">No tools yet. <a href=\"/tools/new\">Add the "
				    "first tool</a> and allocate it to a plan.</p>\n");
		else
			html_raw(b, "<p class=\"empty\">No tools yet. Your manager adds them; they "
				    "will show here.</p>\n");
	} else {
		size_t first, last;
		int64_t pages = page_slice((int64_t)n, q.l.page, &first, &last);
		int64_t sum = 0;
		for (size_t i = 0; i < n; i++)
			sum += v[i].cost_cents;
		html_printf(b, "<p class=\"count\">%zu tool%s costing ", n, n == 1 ? "" : "s");
		html_money(b, sum);
		html_raw(b, " in all</p>\n<div class=\"table-wrap\"><table><thead><tr>");
		sort_th(b, "Tool", "name", q.l.sort, "/tools?");
		sort_th(b, "Cost", "cost", q.l.sort, "/tools?");
		sort_th(b, "Plan", "plan", q.l.sort, "/tools?");
		html_raw(b, "<th scope=\"col\">Step</th></tr></thead><tbody>\n");
		for (size_t i = first; i < last; i++) {
			const char *plan = none;
			for (size_t k = 0; k < np; k++)
				if (plans[k].id == v[i].plan_id)
					plan = plans[k].name;
			html_printf(b, "<tr><td><a href=\"/tools/%lld\">%s</a></td><td class=\"num\">",
				    (long long)v[i].id, v[i].name);
			html_money(b, v[i].cost_cents);
			html_raw(b, "</td><td>");
			if (v[i].plan_id)
				html_printf(b, "<a href=\"/plans/%lld\">%s</a>", (long long)v[i].plan_id,
					    plan ? plan : "(plan)");
			else
				html_raw(b, "<span class=\"none\">not allocated</span>");
			html_raw(b, "</td><td>");
			if (v[i].step_id)
				html_printf(b, "<a href=\"/steps/%lld\">#%lld</a>", (long long)v[i].step_id,
					    (long long)v[i].step_id);
			else
				html_raw(b, "<span class=\"none\">—</span>");
			html_raw(b, "</td></tr>\n");
		}
		html_raw(b, "</tbody></table></div>\n");
		html_pager(b, buf_str(&sorted), q.l.page > pages ? pages : q.l.page, pages);
		csv_link(b, buf_str(&sorted));
	}
	buf_free(&sorted);
	page_end(r);
	return 0;
}

/* --- a tool ------------------------------------------------------------------ */

int tool_page(struct req *r)
{
	struct tool t;
	if (page_query(r, NULL, NULL, &(unsigned){0}) || tool_get(r->db, r->a, r->id, &t, &r->e))
		return -1;
	struct plan p = {0};
	struct step s = {0};
	if ((t.plan_id && plan_get(r->db, r->a, t.plan_id, &p, &r->e)) ||
	    (t.step_id && step_get(r->db, r->a, t.step_id, &s, &r->e)))
		return -1;
	page_begin(r, t.name, "manage");
	struct buf *b = &r->page;
	html_printf(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/tools\">Tools"
		       "</a></nav>\n<div class=\"title-row\"><h1>%s</h1>", t.name);
	if (may_write(r, K_TOOL, t.id))
		html_printf(b, "<a class=\"button\" href=\"/tools/%lld/edit\">Edit the tool</a>",
			    (long long)t.id);
	html_raw(b, "</div>\n<dl class=\"facts\"><dt>Cost</dt><dd>");
	html_money(b, t.cost_cents);
	html_raw(b, "</dd><dt>Plan</dt><dd>");
	if (t.plan_id)
		html_printf(b, "<a href=\"/plans/%lld\">%s</a>", (long long)p.id, p.name);
	else
		html_raw(b, "<span class=\"none\">not allocated</span>");
	html_raw(b, "</dd><dt>Step</dt><dd>");
	if (t.step_id)
		html_printf(b, "<a href=\"/steps/%lld\">%s</a>", (long long)s.id, s.name);
	else
		html_raw(b, "<span class=\"none\">the whole plan, or none</span>");
	html_raw(b, "</dd></dl>\n");
	page_end(r);
	return 0;
}

/* --- the tool form --------------------------------------------------------- */

struct tool_vals {
	const char *name, *cost, *plan_id, *step_id;
};

static void tool_vals_from_form(const struct form *f, struct tool_vals *v)
{
	v->name = form_get(f, "name");
	v->cost = form_get(f, "cost");
	v->plan_id = form_get(f, "plan_id");
	v->step_id = form_get(f, "step_id");
}

static int tool_form(struct req *r, const char *title, const struct tool_vals *v,
		     int64_t tool_id)
{
	struct plan_filter pf = {0};
	struct plan *plans;
	size_t np;
	unsigned pset = 0;
	if (api_scope(r, &pf.unit_id, &pset, PLF_UNIT) ||
	    plan_list(r->db, r->a, &pf, pset, &plans, &np, &r->e))
		return -1;
	struct option *po = arena_alloc(r->a, (np + 1) * sizeof *po);
	if (!po)
		return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	size_t k = 0;
	po[k++] = (struct option){"", "Not allocated"};
	for (size_t i = 0; i < np; i++)
		po[k++] = (struct option){input_id(r, plans[i].id), plans[i].name};
	page_begin(r, title, "manage");
	struct buf *b = &r->page;
	html_raw(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/tools\">Tools</a>");
	if (tool_id)
		html_printf(b, " › <a href=\"/tools/%lld\">Tool %lld</a>", (long long)tool_id,
			    (long long)tool_id);
	html_printf(b, "</nav>\n<h1>%s</h1>\n", title);
	html_form_error(b, &r->e, 1);
	if (tool_id)
		html_printf(b, "<form method=\"post\" action=\"/tools/%lld\" class=\"stack\" "
			       "novalidate>\n", (long long)tool_id);
	else
		html_raw(b, "<form method=\"post\" action=\"/tools\" class=\"stack\" novalidate>\n");
	html_csrf(b, r);
	html_input(b, &(struct input){.name = "name", .label = "Name", .value = v->name,
				      .required = 1, .maxlength = 200}, &r->e);
	html_input(b, &(struct input){.name = "cost", .label = "Cost", .type = "number",
				      .step = "0.01", .min = "0", .value = v->cost,
				      .hint = "An amount such as 1250.00."}, &r->e);
	html_select(b, &(struct select){.name = "plan_id", .label = "Plan", .options = po, .n = k,
					.selected = v->plan_id ? v->plan_id : "",
					.hint = "The plan the tool serves."}, &r->e);
	html_input(b, &(struct input){.name = "step_id", .label = "Or one step (its id)",
				      .type = "number", .step = "1", .min = "1", .value = v->step_id,
				      .hint = "Optional: a step of that plan (or of any plan, with no "
					      "plan chosen) that the tool serves alone."}, &r->e);
	html_printf(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">%s</button> "
		       "<a href=\"%s\">Cancel</a></div>\n</form>\n",
		    tool_id ? "Save the tool" : "Add the tool",
		    tool_id ? arena_printf(r->a, "/tools/%lld", (long long)tool_id) : "/tools");
	page_end(r);
	return 0;
}

/* Fills in from the form. The plan select always sends a plan; a step
 * given as well must be one of that plan's, and then the step alone is
 * kept (the domain takes a plan or a step, and a step implies its plan). */
static int tool_fill(struct req *r, int edit, struct tool_input *in, unsigned *set)
{
	if ((edit ? form_fill_edit : form_fill)(&r->form, tool_fields, in, set, &r->e))
		return -1;
	if ((*set & TOOL_STEP) && in->step_id && (*set & TOOL_PLAN) && in->plan_id) {
		struct step s;
		if (step_get(r->db, r->a, in->step_id, &s, &r->e))
			return -1;
		if (s.plan_id != in->plan_id)
			return err_set(&r->e, ERR_BAD_INPUT, "step_id",
				       "step_id: step %lld belongs to plan %lld, not to the plan chosen "
				       "(%lld)", (long long)s.id, (long long)s.plan_id,
				       (long long)in->plan_id);
		*set &= ~(unsigned)TOOL_PLAN;
	}
	return 0;
}

int tool_new_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}) || may_create(r, "tools"))
		return -1;
	struct tool_vals v = {0};
	return tool_form(r, "New tool", &v, 0);
}

int tool_create_page(struct req *r)
{
	struct tool_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (tool_fill(r, 0, &in, &set) || tool_add(r->db, &in, set, &id, &r->e)) {
		if (form_failed(r))
			return -1;
		struct tool_vals v;
		tool_vals_from_form(&r->form, &v);
		return tool_form(r, "New tool", &v, 0);
	}
	return page_redirect(r, "/tools/%lld", (long long)id);
}

int tool_edit_page(struct req *r)
{
	struct tool t;
	if (page_query(r, NULL, NULL, &(unsigned){0}) || tool_get(r->db, r->a, r->id, &t, &r->e))
		return -1;
	struct tool_vals v = {.name = t.name, .cost = input_money(r, t.cost_cents),
			      .plan_id = input_id(r, t.plan_id), .step_id = input_id(r, t.step_id)};
	return tool_form(r, arena_printf(r->a, "Edit %s", t.name), &v, r->id);
}

int tool_update_page(struct req *r)
{
	struct tool_input in = {0};
	unsigned set = 0;
	if (tool_fill(r, 1, &in, &set) || tool_set(r->db, r->id, &in, set, &r->e)) {
		if (form_failed(r))
			return -1;
		struct tool_vals v;
		tool_vals_from_form(&r->form, &v);
		return tool_form(r, "Edit the tool", &v, r->id);
	}
	return page_redirect(r, "/tools/%lld", (long long)r->id);
}
