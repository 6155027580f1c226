/* page_plan: plans and their steps: /plans (list, new, create), a plan
 * with its steps table and Gantt chart (/plans/:id), its edit form and
 * the add-a-step form; /steps (list), a step with its dependencies
 * and actions (/steps/:id) and its edit form (/steps/:id/edit). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/date.h"
#include "manage/budget.h"
#include "manage/plan.h"
#include "manage/schedule.h"
#include "manage/step.h"
#include "manage/timelog.h"
#include "manage/tool.h"
#include "org/person.h"
#include "web/gantt.h"
#include "web/page.h"

static int cmp_text(const char *a, const char *b)
{
	return strcasecmp(a ? a : "", b ? b : "");
}

#define BY_ID(x, y) (((x)->id > (y)->id) - ((x)->id < (y)->id))

static struct option *status_options(struct req *r, const char *const *statuses,
				     const char *all_label, size_t *n)
{
	size_t k = 0, count = 0;
	while (statuses[count])
		count++;
	struct option *o = arena_alloc(r->a, (count + 2) * sizeof *o);
	if (!o)
		return NULL;
	if (all_label)
		o[k++] = (struct option){"all", all_label};
	for (size_t i = 0; i < count; i++)
		o[k++] = (struct option){statuses[i], statuses[i]};
	*n = k;
	return o;
}

/* --- the plan list -------------------------------------------------------- */

struct plans_q {
	struct listq l;
	const char *unit;
	const char *status;
};
static const struct field plans_q_fields[] = {
	{.name = "unit", .type = FT_TEXT, .offset = offsetof(struct plans_q, unit), .bit = 1,
	 .max = 20},
	{.name = "status", .type = FT_TEXT, .offset = offsetof(struct plans_q, status), .bit = 2,
	 .max = 20},
	LIST_FIELDS(struct plans_q),
	{0},
};

static int cmp_plan_name(const void *a, const void *b)
{
	const struct plan *x = a, *y = b;
	int c = cmp_text(x->name, y->name);
	return c ? c : BY_ID(x, y);
}
static int cmp_plan_start(const void *a, const void *b)
{
	const struct plan *x = a, *y = b;
	int c = strcmp(x->start_date, y->start_date);
	return c ? c : cmp_plan_name(a, b);
}
static int cmp_plan_status(const void *a, const void *b)
{
	const struct plan *x = a, *y = b;
	int c = strcmp(x->status, y->status);
	return c ? c : cmp_plan_name(a, b);
}
static int cmp_plan_unit(const void *a, const void *b)
{
	const struct plan *x = a, *y = b;
	int c = cmp_text(x->unit_name, y->unit_name);
	return c ? c : cmp_plan_name(a, b);
}

static int is_one_of(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

int plans_page(struct req *r)
{
	struct plans_q q = {0};
	unsigned set = 0;
	if (list_query(r, plans_q_fields, &q, &set, "name"))
		return -1;
	struct plan_filter f = {0};
	unsigned fset = 0;
	if (q.unit && strcmp(q.unit, "all") != 0) {
		if (field_parse_int(q.unit, &f.unit_id) || f.unit_id <= 0)
			return err_set(&r->e, ERR_BAD_INPUT, "unit", "unit: must be all or a unit id");
		fset |= PLF_UNIT;
	}
	if (q.status && strcmp(q.status, "all") != 0) {
		if (!is_one_of(q.status, plan_statuses))
			return err_set(&r->e, ERR_BAD_INPUT, "status", "status: must be all, draft, "
				       "active, on_hold, done or cancelled");
		f.status = q.status;
		fset |= PLF_STATUS;
	}
	struct plan *v;
	size_t n;
	/* the links keep the filters the reader chose, not the scope */
	unsigned chosen = fset;
	int64_t chosen_unit = f.unit_id;
	if (api_scope(r, &f.unit_id, &fset, PLF_UNIT) ||
	    plan_list(r->db, r->a, &f, fset, &v, &n, &r->e))
		return -1;
	int (*cmp)(const void *, const void *) = cmp_plan_name;
	if (strcmp(q.l.sort, "start") == 0)
		cmp = cmp_plan_start;
	else if (strcmp(q.l.sort, "status") == 0)
		cmp = cmp_plan_status;
	else if (strcmp(q.l.sort, "unit") == 0)
		cmp = cmp_plan_unit;
	else
		q.l.sort = "name";
	qsort(v, n, sizeof *v, cmp);
	if (is_csv(&q.l)) {
		struct csv c = page_csv(r, "plans.csv");
		static const char *const head[] = {"id", "name", "unit_id", "unit", "owner_id",
						   "owner", "start_date", "status"};
		csv_header(&c, head, sizeof head / sizeof head[0]);
		for (size_t i = 0; i < n; i++) {
			csv_int(&c, v[i].id);
			csv_text(&c, v[i].name);
			csv_int(&c, v[i].unit_id);
			csv_text(&c, v[i].unit_name);
			csv_id(&c, v[i].owner_id);
			csv_text(&c, v[i].owner_name);
			csv_text(&c, v[i].start_date);
			csv_text(&c, v[i].status);
			csv_end(&c);
		}
		return 0;
	}
	struct unit *units;
	size_t nunits;
	if (page_units(r, &units, &nunits))
		return -1;
	struct buf base = BUF_INIT, sorted = BUF_INIT;
	buf_puts(&base, "/plans?");
	if (chosen & PLF_UNIT)
		qs_add_int(&base, "unit", chosen_unit);
	if (chosen & PLF_STATUS)
		qs_add(&base, "status", f.status);
	buf_puts(&sorted, buf_str(&base));
	qs_add(&sorted, "sort", q.l.sort);

	page_begin(r, "Plans", "plans");
	struct buf *b = &r->page;
	html_raw(b, "<div class=\"title-row\"><h1>Plans</h1>");
	if (r->who.role >= ROLE_MANAGER)
		html_raw(b, "<a class=\"button primary\" href=\"/plans/new\">New plan</a>");
	html_raw(b, "</div>\n<form method=\"get\" action=\"/plans\" class=\"filters\">");
	size_t nu, ns;
	struct option *uo = unit_options(r, units, nunits, "all", "All units", &nu);
	struct option *so = status_options(r, plan_statuses, "Any status", &ns);
	html_select(b, &(struct select){.name = "unit", .label = "Unit (with its sub-units)",
					.options = uo, .n = uo ? nu : 0,
					.selected = q.unit ? q.unit : "all"}, NULL);
	html_select(b, &(struct select){.name = "status", .label = "Status", .options = so,
					.n = so ? ns : 0,
					.selected = q.status ? q.status : "all"}, NULL);
	html_printf(b, "<input type=\"hidden\" name=\"sort\" value=\"%s\">"
		       "<button type=\"submit\">Filter</button></form>\n", q.l.sort);
	if (!n) {
		if (fset)
			html_raw(b, "<p class=\"empty\">No plans match these filters. "
				    "<a href=\"/plans\">Show all plans.</a></p>\n");
		else if (r->who.role >= ROLE_MANAGER)
			html_raw(b, "<p class=\"empty\">No plans yet. <a href=\"/plans/new\">Create the "
				    "first plan.</a></p>\n");
		else
			html_raw(b, "<p class=\"empty\">No plans yet. Your manager creates them; they "
				    "will show here.</p>\n");
	} else {
		size_t first, last;
		int64_t pages = page_slice((int64_t)n, q.l.page, &first, &last);
		html_printf(b, "<p class=\"count\">%zu plan%s</p>\n", n, n == 1 ? "" : "s");
		html_raw(b, "<div class=\"table-wrap\"><table><thead><tr>");
		sort_th(b, "Plan", "name", q.l.sort, buf_str(&base));
		sort_th(b, "Unit", "unit", q.l.sort, buf_str(&base));
		html_raw(b, "<th scope=\"col\">Owner</th>");
		sort_th(b, "Start", "start", q.l.sort, buf_str(&base));
		sort_th(b, "Status", "status", q.l.sort, buf_str(&base));
		html_raw(b, "</tr></thead><tbody>\n");
		for (size_t i = first; i < last; i++) {
			const struct plan *p = &v[i];
			html_printf(b, "<tr><td><a href=\"/plans/%lld\">%s</a></td>"
				       "<td><a href=\"/units/%lld\">%s</a></td><td>",
				    (long long)p->id, p->name, (long long)p->unit_id, p->unit_name);
			person_link(b, p->owner_id, p->owner_name);
			html_printf(b, "</td><td>%s</td><td>", p->start_date);
			status_badge(b, p->status);
			html_raw(b, "</td></tr>\n");
		}
		html_raw(b, "</tbody></table></div>\n");
		html_pager(b, buf_str(&sorted), q.l.page > pages ? pages : q.l.page, pages);
		csv_link(b, buf_str(&sorted));
	}
	buf_free(&base);
	buf_free(&sorted);
	page_end(r);
	return 0;
}

/* --- the plan form ------------------------------------------------------ */

struct plan_vals {
	const char *name, *unit_id, *start_date, *owner_id, *status;
};

/* The values a form shows: what was sent, when it was. */
static void plan_vals_from_form(const struct form *f, struct plan_vals *v)
{
	v->name = form_get(f, "name");
	v->unit_id = form_get(f, "unit_id");
	v->start_date = form_get(f, "start_date");
	v->owner_id = form_get(f, "owner_id");
	v->status = form_get(f, "status");
}

static int plan_form(struct req *r, const char *title, const char *action,
		     const struct plan_vals *v, const char *submit, int64_t plan_id)
{
	struct unit *units;
	size_t nunits, nu, np, ns;
	if (page_units(r, &units, &nunits))
		return -1;
	struct option *uo = unit_options(r, units, nunits, NULL, NULL, &nu);
	struct option *po = people_options_keep(r, "", "No one", v->owner_id, &np);
	struct option *so = status_options(r, plan_statuses, NULL, &ns);
	if (!uo || !po || !so)
		return r->e.status ? -1 : err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	page_begin(r, title, "plans");
	struct buf *b = &r->page;
	html_raw(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/plans\">Plans</a>");
	if (plan_id)
		html_printf(b, " › <a href=\"/plans/%lld\">Plan %lld</a>", (long long)plan_id,
			    (long long)plan_id);
	html_printf(b, "</nav>\n<h1>%s</h1>\n", title);
	html_form_error(b, &r->e, 1);
	html_printf(b, "<form method=\"post\" action=\"%s\" class=\"stack\" novalidate>\n", action);
	html_csrf(b, r);
	html_input(b, &(struct input){.name = "name", .label = "Name", .value = v->name,
				      .required = 1, .maxlength = 200}, &r->e);
	html_select(b, &(struct select){.name = "unit_id", .label = "Unit", .options = uo, .n = nu,
					.selected = v->unit_id, .required = 1,
					.hint = "The unit that runs the plan."}, &r->e);
	html_input(b, &(struct input){.name = "start_date", .label = "Start date", .type = "date",
				      .value = v->start_date, .required = 1,
				      .hint = "The first day of work, YYYY-MM-DD."}, &r->e);
	html_select(b, &(struct select){.name = "owner_id", .label = "Owner", .options = po, .n = np,
					.selected = v->owner_id ? v->owner_id : ""}, &r->e);
	html_select(b, &(struct select){.name = "status", .label = "Status", .options = so, .n = ns,
					.selected = v->status ? v->status : "draft"}, &r->e);
	html_printf(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">%s</button> "
		       "<a href=\"%s\">Cancel</a></div>\n</form>\n", submit,
		    plan_id ? arena_printf(r->a, "/plans/%lld", (long long)plan_id) : "/plans");
	page_end(r);
	return 0;
}

int plan_new_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}))
		return -1;
	/* the core checks the unit when the form is sent; the form itself
	 * is for those who may create plans at all */
	if (r->who.role < ROLE_MANAGER)
		return err_set(&r->e, ERR_FORBIDDEN, "", "a %s may not create plans: managers and "
			       "admins do", role_name(r->who.role));
	char today[11];
	date_format(date_today(), today);
	struct plan_vals v = {.unit_id = arena_printf(r->a, "%lld", (long long)r->who.unit_id),
			      .start_date = arena_strdup(r->a, today), .status = "draft"};
	return plan_form(r, "New plan", "/plans", &v, "Create the plan", 0);
}

int plan_create_page(struct req *r)
{
	struct plan_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (form_fill(&r->form, plan_fields, &in, &set, &r->e) ||
	    plan_add(r->db, &in, set, &id, &r->e)) {
		if (form_failed(r))
			return -1;
		struct plan_vals v;
		plan_vals_from_form(&r->form, &v);
		return plan_form(r, "New plan", "/plans", &v, "Create the plan", 0);
	}
	return page_redirect(r, "/plans/%lld", (long long)id);
}

int plan_edit_page(struct req *r)
{
	struct plan p;
	if (page_query(r, NULL, NULL, &(unsigned){0}) ||
	    plan_get(r->db, r->a, r->id, &p, &r->e))
		return -1;
	struct plan_vals v = {.name = p.name,
			      .unit_id = arena_printf(r->a, "%lld", (long long)p.unit_id),
			      .start_date = p.start_date,
			      .owner_id = p.owner_id ? arena_printf(r->a, "%lld", (long long)p.owner_id)
						     : "",
			      .status = p.status};
	return plan_form(r, arena_printf(r->a, "Edit %s", p.name),
			 arena_printf(r->a, "/plans/%lld", (long long)r->id), &v, "Save the plan",
			 r->id);
}

int plan_update_page(struct req *r)
{
	struct plan_input in = {0};
	unsigned set = 0;
	if (form_fill_edit(&r->form, plan_fields, &in, &set, &r->e) ||
	    plan_set(r->db, r->id, &in, set, &r->e)) {
		if (form_failed(r))
			return -1;
		struct plan_vals v;
		plan_vals_from_form(&r->form, &v);
		return plan_form(r, "Edit the plan", arena_printf(r->a, "/plans/%lld", (long long)r->id),
				 &v, "Save the plan", r->id);
	}
	return page_redirect(r, "/plans/%lld", (long long)r->id);
}

/* --- a plan with its steps and chart -------------------------------------- */

/* A step of the plan page: the step with its dependencies, and its place
 * in the schedule. */
struct row {
	struct step s;
	struct gantt_bar *bar;
};

static int cmp_bar(const void *a, const void *b)
{
	const struct gantt_bar *x = a, *y = b;
	if (x->start_day != y->start_day)
		return x->start_day < y->start_day ? -1 : 1;
	return BY_ID(x, y);
}

/* Loads the plan's steps (each with its dependencies), schedules them
 * and orders bars by start. steps[i] matches bars[i]. */
static int plan_chart(struct req *r, const struct plan *p, struct step **steps,
			 struct gantt_bar **bars, size_t *n, struct gantt_dep **deps, size_t *nd,
			 struct calendar *cal)
{
	/* bars count the organization's working days */
	if (calendar_load(r->db, r->a, cal, &r->e))
		return -1;
	struct step_filter f = {.plan_id = p->id};
	struct step *list;
	size_t ns;
	if (step_list(r->db, r->a, &f, SF_PLAN, &list, &ns, &r->e))
		return -1;
	struct step *full = arena_alloc(r->a, (ns ? ns : 1) * sizeof *full);
	struct gantt_bar *g = arena_alloc(r->a, (ns ? ns : 1) * sizeof *g);
	size_t total = 0;
	for (size_t i = 0; full && i < ns; i++) {
		if (step_get(r->db, r->a, list[i].id, &full[i], &r->e))
			return -1;
		total += full[i].ndeps;
	}
	struct gantt_dep *d = arena_alloc(r->a, (total ? total : 1) * sizeof *d);
	if (!full || !g || !d)
		return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	size_t k = 0;
	for (size_t i = 0; i < ns; i++) {
		int32_t due = GANTT_NO_DAY;
		if (full[i].due && date_parse(full[i].due, &due))
			due = GANTT_NO_DAY;
		g[i] = (struct gantt_bar){.id = full[i].id, .name = full[i].name,
					  .status = full[i].status,
					  .duration_days = (int)full[i].duration_days, .due = due};
		for (size_t j = 0; j < full[i].ndeps; j++)
			d[k++] = (struct gantt_dep){.from = full[i].deps[j].on, .to = full[i].id,
						    .lag_days = (int)full[i].deps[j].lag_days};
	}
	int32_t start;
	if (date_parse(p->start_date, &start))
		start = date_today();
	if (gantt_schedule_in(cal, start, g, ns, d, k))
		return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	qsort(g, ns, sizeof *g, cmp_bar);
	/* steps in the bars' order */
	struct step *ordered = arena_alloc(r->a, (ns ? ns : 1) * sizeof *ordered);
	if (!ordered)
		return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	for (size_t i = 0; i < ns; i++)
		for (size_t j = 0; j < ns; j++)
			if (full[j].id == g[i].id) {
				ordered[i] = full[j];
				break;
			}
	*steps = ordered;
	*bars = g;
	*n = ns;
	*deps = d;
	*nd = k;
	return 0;
}

struct step_vals {
	const char *name, *assignee_id, *estimate_hours, *duration_days, *due;
};

static void step_form(struct req *r, const struct step_vals *v, int64_t plan_id,
		      const struct option *po, size_t np)
{
	struct buf *b = &r->page;
	html_raw(b, "<section aria-labelledby=\"h-add\" class=\"panel\" id=\"add-step\">"
		    "<h2 id=\"h-add\">Add a step</h2>\n");
	html_form_error(b, &r->e, 1);
	html_printf(b, "<form method=\"post\" action=\"/plans/%lld/steps\" class=\"grid-form\" "
		       "novalidate>\n", (long long)plan_id);
	html_csrf(b, r);
	html_input(b, &(struct input){.name = "name", .label = "What is to be done",
				      .value = v->name, .required = 1, .maxlength = 500}, &r->e);
	html_select(b, &(struct select){.name = "assignee_id", .label = "Assignee", .options = po,
					.n = np, .selected = v->assignee_id ? v->assignee_id : ""},
		    &r->e);
	html_input(b, &(struct input){.name = "estimate_hours", .label = "Estimate (hours)",
				      .type = "number", .step = "0.25", .min = "0",
				      .value = v->estimate_hours}, &r->e);
	html_input(b, &(struct input){.name = "duration_days", .label = "Duration (working days)",
				      .type = "number", .step = "1", .min = "0",
				      .value = v->duration_days ? v->duration_days : "1"}, &r->e);
	html_input(b, &(struct input){.name = "due", .label = "Due date", .type = "date",
				      .value = v->due, .hint = "Optional."}, &r->e);
	html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Add the step"
		    "</button></div>\n</form></section>\n");
}

/* The plan page; with sent, the add-a-step form shows what was sent and
 * r->e beside its field. */
static int render_plan(struct req *r, const struct form *sent)
{
	struct plan p;
	if (plan_get(r->db, r->a, r->id, &p, &r->e))
		return -1;
	struct step *steps;
	struct gantt_bar *bars;
	struct gantt_dep *deps;
	size_t n, nd;
	struct calendar cal;
	if (plan_chart(r, &p, &steps, &bars, &n, &deps, &nd, &cal))
		return -1;
	/* the critical path, by the critical path method (plan schedule) */
	struct plan_schedule cpm;
	if (plan_schedule(r->db, r->a, p.id, &cpm, &r->e))
		return -1;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < cpm.n; j++)
			if (cpm.steps[j].c.id == bars[i].id)
				bars[i].critical = cpm.steps[j].c.critical;
	struct tool_filter tf = {.plan_id = p.id};
	struct tool *tools;
	size_t ntools;
	if (tool_list(r->db, r->a, &tf, TOF_PLAN, &tools, &ntools, &r->e))
		return -1;
	int writable = may_write(r, K_PLAN, p.id);
	size_t np = 0;
	struct option *po = NULL;
	if (writable && !(po = people_options(r, "", "No one", &np)))
		return -1;
	/* a failed add-step keeps its own error; the page's status is set */
	page_begin(r, p.name, "plans");
	struct buf *b = &r->page;
	html_printf(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/plans\">Plans</a>"
		       " › <a href=\"/units/%lld\">%s</a></nav>\n", (long long)p.unit_id,
		    p.unit_name);
	html_printf(b, "<div class=\"title-row\"><h1>%s</h1>", p.name);
	if (writable)
		html_printf(b, "<a class=\"button\" href=\"/plans/%lld/edit\">Edit the plan</a>",
			    (long long)p.id);
	/* the RACI matrix, and publishing the plan to the people in it */
	html_printf(b, "<a class=\"button\" href=\"/plans/%lld/raci\">Who does what (RACI)</a>",
		    (long long)p.id);
	if (writable) {
		html_printf(b, "<form method=\"post\" action=\"/plans/%lld/publish\" "
			       "class=\"raci-publish\">", (long long)p.id);
		html_csrf(b, r);
		html_raw(b, "<button type=\"submit\">Publish</button></form>");
	}
	html_raw(b, "</div>\n<dl class=\"facts\"><dt>Status</dt><dd>");
	status_badge(b, p.status);
	html_printf(b, "</dd><dt>Unit</dt><dd><a href=\"/units/%lld\">%s</a></dd><dt>Owner</dt><dd>",
		    (long long)p.unit_id, p.unit_name);
	person_link(b, p.owner_id, p.owner_name);
	html_printf(b, "</dd><dt>Starts</dt><dd>%s</dd><dt>Steps</dt><dd>%lld to do, %lld doing, "
		       "%lld done, %lld blocked</dd><dt>Estimate</dt><dd>",
		    p.start_date, (long long)p.steps[0], (long long)p.steps[1], (long long)p.steps[2],
		    (long long)p.steps[3]);
	html_hours(b, p.estimate_minutes);
	html_raw(b, " h</dd></dl>\n");

	html_raw(b, "<section aria-labelledby=\"h-chart\"><h2 id=\"h-chart\">Schedule</h2>\n");
	if (!n) {
		html_raw(b, "<p class=\"empty\">No steps yet, so there is nothing to schedule.");
		if (writable)
			html_raw(b, " <a href=\"#add-step\">Add the first step.</a>");
		html_raw(b, "</p>\n");
	} else {
		html_raw(b, "<p class=\"hint\">Each step starts when the steps it waits for are done "
			    "(plus their lag) and lasts its duration in working days, or runs to its "
			    "due date. Bars are colored by status; arrows show what waits for "
			    "what.</p>\n<div class=\"gantt-wrap\">");
		struct gantt_chart c = {.title = p.name, .id = "gantt", .bars = bars, .n = n,
					.deps = deps, .nd = nd, .today = date_today(), .cal = &cal};
		gantt_svg(b, &c);
		html_raw(b, "</div>\n<ul class=\"legend\" aria-label=\"Legend\">"
			    "<li><span class=\"swatch st-todo\"></span>to do</li>"
			    "<li><span class=\"swatch st-doing\"></span>doing</li>"
			    "<li><span class=\"swatch st-done\"></span>done</li>"
			    "<li><span class=\"swatch st-blocked\"></span>blocked</li>"
			    "<li><span class=\"swatch late\"></span>cannot meet its due date</li>"
			    "<li><span class=\"swatch critical\"></span>on the critical path</li>"
			    "<li><span class=\"swatch cal-off\"></span><a href=\"/calendar\">day off</a>"
			    "</li></ul>\n");
	}
	html_raw(b, "</section>\n");

	html_raw(b, "<section aria-labelledby=\"h-steps\"><h2 id=\"h-steps\">Steps</h2>\n");
	if (n) {
		html_raw(b, "<div class=\"table-wrap\"><table><caption class=\"sr-only\">The plan's "
			    "steps in schedule order</caption><thead><tr>"
			    "<th scope=\"col\">Step</th><th scope=\"col\">Assignee</th>"
			    "<th scope=\"col\">Status</th><th scope=\"col\">Waits for</th>"
			    "<th scope=\"col\">Planned start</th><th scope=\"col\">Planned finish</th>"
			    "<th scope=\"col\">Due</th><th scope=\"col\" class=\"num\">Estimate (h)</th>"
			    "<th scope=\"col\" class=\"num\">Logged (h)</th></tr></thead><tbody>\n");
		for (size_t i = 0; i < n; i++) {
			const struct step *s = &steps[i];
			const struct gantt_bar *g = &bars[i];
			html_printf(b, "<tr><td><a href=\"/steps/%lld\">%s</a></td><td>", (long long)s->id,
				    s->name);
			person_link(b, s->assignee_id, s->assignee_name);
			html_raw(b, "</td><td>");
			status_badge(b, s->status);
			html_raw(b, "</td><td>");
			for (size_t j = 0; j < s->ndeps; j++)
				html_printf(b, "%s<a href=\"/steps/%lld\">#%lld</a>", j ? ", " : "",
					    (long long)s->deps[j].on, (long long)s->deps[j].on);
			html_printf(b, "</td><td>%s</td><td>%s</td><td class=\"due%s\">%s</td>"
				       "<td class=\"num\">", html_day(r->a, g->start_day),
				    html_day(r->a, g->end_day > g->start_day ? g->end_day - 1
									     : g->start_day),
				    g->late ? " late-text" : "", s->due ? s->due : "—");
			html_hours(b, s->estimate_minutes);
			html_raw(b, "</td><td class=\"num\">");
			html_hours(b, s->logged_minutes);
			html_raw(b, "</td></tr>\n");
		}
		html_raw(b, "</tbody></table></div>\n");
		html_printf(b, "<p class=\"download\"><a href=\"/plans/%lld?format=csv\" download>"
			       "Download CSV</a></p>\n", (long long)p.id);
	} else {
		html_raw(b, "<p class=\"empty\">This plan has no steps yet.</p>\n");
	}
	html_raw(b, "</section>\n");

	if (writable) {
		struct step_vals v = {0};
		if (sent) {
			v.name = form_get(sent, "name");
			v.assignee_id = form_get(sent, "assignee_id");
			v.estimate_hours = form_get(sent, "estimate_hours");
			v.duration_days = form_get(sent, "duration_days");
			v.due = form_get(sent, "due");
		}
		step_form(r, &v, p.id, po, np);
	}

	html_raw(b, "<section aria-labelledby=\"h-tools\"><h2 id=\"h-tools\">Tools</h2>\n");
	if (!ntools) {
		html_raw(b, "<p class=\"empty\">No tools are allocated to this plan.</p>\n");
	} else {
		html_raw(b, "<ul>");
		for (size_t i = 0; i < ntools; i++) {
			html_printf(b, "<li>%s, ", tools[i].name);
			html_money(b, tools[i].cost_cents);
			if (tools[i].step_id)
				html_printf(b, " (step <a href=\"/steps/%lld\">#%lld</a>)",
					    (long long)tools[i].step_id, (long long)tools[i].step_id);
			html_raw(b, "</li>");
		}
		html_raw(b, "</ul>\n");
	}
	html_raw(b, "</section>\n");
	/* the plan's budget box (budget.h, step.h) */
	struct bva_line bva[3];
	int64_t progress;
	if (budget_vs_actual(r->db, r->a, p.id, 0, NULL, NULL, bva, &r->e) ||
	    step_plan_progress(r->db, p.id, &progress, &r->e))
		return -1;
	html_raw(b, "<section aria-labelledby=\"h-budget\"><h2 id=\"h-budget\">Budget</h2>\n"
		    "<dl class=\"facts\"><dt>Budget</dt><dd>");
	html_money(b, bva[0].budget_cents + bva[1].budget_cents + bva[2].budget_cents);
	html_raw(b, "</dd><dt>Spent</dt><dd>");
	html_money(b, bva[0].actual_cents + bva[1].actual_cents + bva[2].actual_cents);
	html_printf(b, "</dd><dt>Progress</dt><dd>%lld.%02lld %%</dd></dl>\n<p><a href=\"/budgets?"
		       "plan_id=%lld\">Budget against actual by category</a></p>\n</section>\n",
		    (long long)(progress / 100), (long long)(progress % 100), (long long)p.id);
	page_end(r);
	return 0;
}

struct plan_q {
	struct listq l;
};
static const struct field plan_q_fields[] = {
	LIST_FIELDS(struct plan_q),
	{0},
};

static int plan_csv(struct req *r)
{
	struct plan p;
	struct step *steps;
	struct gantt_bar *bars;
	struct gantt_dep *deps;
	size_t n, nd;
	struct calendar cal;
	if (plan_get(r->db, r->a, r->id, &p, &r->e) ||
	    plan_chart(r, &p, &steps, &bars, &n, &deps, &nd, &cal))
		return -1;
	struct csv c = page_csv(r, arena_printf(r->a, "plan-%lld-steps.csv", (long long)p.id));
	static const char *const head[] = {"id", "name", "assignee_id", "assignee", "status",
					   "waits_for", "planned_start", "planned_finish", "due",
					   "duration_days", "estimate_hours", "logged_hours"};
	csv_header(&c, head, sizeof head / sizeof head[0]);
	for (size_t i = 0; i < n; i++) {
		const struct step *s = &steps[i];
		csv_int(&c, s->id);
		csv_text(&c, s->name);
		csv_id(&c, s->assignee_id);
		csv_text(&c, s->assignee_name);
		csv_text(&c, s->status);
		struct buf w = BUF_INIT;
		for (size_t j = 0; j < s->ndeps; j++)
			buf_printf(&w, "%s%lld", j ? " " : "", (long long)s->deps[j].on);
		csv_text(&c, buf_str(&w));
		buf_free(&w);
		csv_text(&c, html_day(r->a, bars[i].start_day));
		csv_text(&c, html_day(r->a, bars[i].end_day > bars[i].start_day ? bars[i].end_day - 1
										: bars[i].start_day));
		csv_text(&c, s->due);
		csv_int(&c, s->duration_days);
		csv_hours(&c, s->estimate_minutes);
		csv_hours(&c, s->logged_minutes);
		csv_end(&c);
	}
	return 0;
}

int plan_page(struct req *r)
{
	struct plan_q q = {0};
	unsigned set = 0;
	if (list_query(r, plan_q_fields, &q, &set, "start"))
		return -1;
	if (is_csv(&q.l))
		return plan_csv(r);
	return render_plan(r, NULL);
}

int plan_step_add_page(struct req *r)
{
	struct step_input in = {0};
	unsigned set = 0;
	int64_t id;
	int rc = form_fill(&r->form, step_fields, &in, &set, &r->e);
	in.plan_id = r->id;	/* the plan of the page, whatever the form says */
	set |= STEP_PLAN;
	if (rc || step_add(r->db, &in, set, &id, &r->e)) {
		if (form_failed(r))
			return -1;
		struct err e = r->e;
		int status = r->status;
		if (render_plan(r, &r->form))
			return -1;
		r->e = e;
		r->status = status;
		return 0;
	}
	return page_redirect(r, "/plans/%lld#h-steps", (long long)r->id);
}

/* --- the step list -------------------------------------------------------- */

struct steps_q {
	struct listq l;
	const char *status;	/* all, open (default) or a status */
	const char *assignee;	/* all (default), me or a person id */
	const char *plan;	/* all (default) or a plan id */
};
static const struct field steps_q_fields[] = {
	{.name = "status", .type = FT_TEXT, .offset = offsetof(struct steps_q, status), .bit = 1,
	 .max = 20},
	{.name = "assignee", .type = FT_TEXT, .offset = offsetof(struct steps_q, assignee),
	 .bit = 2, .max = 20},
	{.name = "plan", .type = FT_TEXT, .offset = offsetof(struct steps_q, plan), .bit = 4,
	 .max = 20},
	LIST_FIELDS(struct steps_q),
	{0},
};

static int cmp_step_name(const void *a, const void *b)
{
	const struct step *x = a, *y = b;
	int c = cmp_text(x->name, y->name);
	return c ? c : BY_ID(x, y);
}
static int cmp_step_due(const void *a, const void *b)
{
	const struct step *x = a, *y = b;
	if (!x->due != !y->due)
		return x->due ? -1 : 1;	/* undated last */
	int c = x->due ? strcmp(x->due, y->due) : 0;
	return c ? c : BY_ID(x, y);
}
static int cmp_step_status(const void *a, const void *b)
{
	const struct step *x = a, *y = b;
	int c = strcmp(x->status, y->status);
	return c ? c : cmp_step_due(a, b);
}
static int cmp_step_plan(const void *a, const void *b)
{
	const struct step *x = a, *y = b;
	if (x->plan_id != y->plan_id)
		return x->plan_id < y->plan_id ? -1 : 1;
	return BY_ID(x, y);
}

static int cmp_plan_id(const void *a, const void *b)
{
	return BY_ID((const struct plan *)a, (const struct plan *)b);
}

static const struct plan *find_plan(const struct plan *v, size_t n, int64_t id)
{
	struct plan key = {.id = id};
	return bsearch(&key, v, n, sizeof *v, cmp_plan_id);
}

/* "all" is 0; "me" (when allowed) is me; else a positive id, or -1. */
static int64_t parse_ref(const char *s, int64_t me)
{
	int64_t v;
	if (!s || strcmp(s, "all") == 0)
		return 0;
	if (me >= 0 && strcmp(s, "me") == 0)
		return me ? me : -1;
	if (field_parse_int(s, &v) || v <= 0)
		return -1;
	return v;
}

int steps_page(struct req *r)
{
	struct steps_q q = {0};
	unsigned set = 0;
	if (list_query(r, steps_q_fields, &q, &set, "due"))
		return -1;
	if (!q.status)
		q.status = "open";
	if (strcmp(q.status, "all") != 0 && strcmp(q.status, "open") != 0 &&
	    !is_one_of(q.status, step_statuses))
		return err_set(&r->e, ERR_BAD_INPUT, "status",
			       "status: must be all, open, todo, doing, done or blocked");
	/* "me" of an account with no person: nobody's steps */
	int nobody = q.assignee && strcmp(q.assignee, "me") == 0 && !r->who.person_id;
	int64_t assignee = nobody ? 0 : parse_ref(q.assignee, r->who.person_id);
	if (assignee < 0)
		return err_set(&r->e, ERR_BAD_INPUT, "assignee",
			       "assignee: must be all, me or a person id");
	int64_t plan = parse_ref(q.plan, -1);
	if (plan < 0)
		return err_set(&r->e, ERR_BAD_INPUT, "plan", "plan: must be all or a plan id");
	struct plan *plans;
	size_t nplans;
	struct plan_filter pf = {0};
	unsigned pfset = 0;
	if (api_scope(r, &pf.unit_id, &pfset, PLF_UNIT) ||
	    plan_list(r->db, r->a, &pf, pfset, &plans, &nplans, &r->e))
		return -1;
	/* open = todo, doing and blocked: one listing each */
	static const char *const open[] = {"todo", "doing", "blocked", NULL};
	static const char *const any[] = {NULL};
	const char *one[] = {q.status, NULL};
	const char *const *statuses = strcmp(q.status, "open") == 0 ? open
				      : strcmp(q.status, "all") == 0 ? any : one;
	struct step *v = NULL;
	size_t n = 0;
	for (size_t k = 0; !nobody && (k == 0 || statuses[k]); k++) {
		struct step_filter f = {.assignee_id = assignee, .plan_id = plan,
					.status = statuses[k]};
		unsigned fset = (assignee ? SF_ASSIGNEE : 0) | (plan ? SF_PLAN : 0) |
				(statuses[k] ? SF_STATUS : 0);
		struct step *part;
		size_t np;
		if (api_scope(r, &f.unit_id, &fset, SF_UNIT) ||
		    step_list(r->db, r->a, &f, fset, &part, &np, &r->e))
			return -1;
		struct step *all = arena_alloc(r->a, (n + np + 1) * sizeof *all);
		if (!all)
			return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
		if (n)
			memcpy(all, v, n * sizeof *v);
		if (np)
			memcpy(all + n, part, np * sizeof *part);
		v = all;
		n += np;
		if (!statuses[k])
			break;
	}
	int (*cmp)(const void *, const void *) = cmp_step_due;
	if (strcmp(q.l.sort, "name") == 0)
		cmp = cmp_step_name;
	else if (strcmp(q.l.sort, "status") == 0)
		cmp = cmp_step_status;
	else if (strcmp(q.l.sort, "plan") == 0)
		cmp = cmp_step_plan;
	else
		q.l.sort = "due";
	if (n)
		qsort(v, n, sizeof *v, cmp);
	if (is_csv(&q.l)) {
		struct csv c = page_csv(r, "steps.csv");
		static const char *const head[] = {"id", "plan_id", "plan", "name", "assignee_id",
						   "assignee", "status", "due", "duration_days",
						   "estimate_hours"};
		csv_header(&c, head, sizeof head / sizeof head[0]);
		for (size_t i = 0; i < n; i++) {
			const struct plan *p = find_plan(plans, nplans, v[i].plan_id);
			csv_int(&c, v[i].id);
			csv_int(&c, v[i].plan_id);
			csv_text(&c, p ? p->name : NULL);
			csv_text(&c, v[i].name);
			csv_id(&c, v[i].assignee_id);
			csv_text(&c, v[i].assignee_name);
			csv_text(&c, v[i].status);
			csv_text(&c, v[i].due);
			csv_int(&c, v[i].duration_days);
			csv_hours(&c, v[i].estimate_minutes);
			csv_end(&c);
		}
		return 0;
	}
	struct buf base = BUF_INIT, sorted = BUF_INIT;
	buf_puts(&base, "/steps?");
	qs_add(&base, "status", q.status);
	if (q.assignee)
		qs_add(&base, "assignee", q.assignee);
	if (plan)
		qs_add_int(&base, "plan", plan);
	buf_puts(&sorted, buf_str(&base));
	qs_add(&sorted, "sort", q.l.sort);

	page_begin(r, "Steps", "steps");
	struct buf *b = &r->page;
	html_raw(b, "<h1>Steps</h1>\n<form method=\"get\" action=\"/steps\" class=\"filters\">");
	static const struct option status_opts[] = {
		{"open", "Open (to do, doing, blocked)"}, {"all", "Any status"}, {"todo", "todo"},
		{"doing", "doing"}, {"done", "done"}, {"blocked", "blocked"},
	};
	html_select(b, &(struct select){.name = "status", .label = "Status", .options = status_opts,
					.n = sizeof status_opts / sizeof status_opts[0],
					.selected = q.status}, NULL);
	struct option who_opts[3] = {{"all", "Anyone"}, {"me", "Me"}};
	size_t nwho = r->who.person_id ? 2 : 1;
	const char *who_sel = q.assignee ? q.assignee : "all";
	if (assignee && assignee != r->who.person_id) {
		who_opts[nwho++] = (struct option){q.assignee, arena_printf(r->a, "Person %lld",
									     (long long)assignee)};
	}
	html_select(b, &(struct select){.name = "assignee", .label = "Assigned to",
					.options = who_opts, .n = nwho, .selected = who_sel}, NULL);
	struct option *plan_opts = arena_alloc(r->a, (nplans + 1) * sizeof *plan_opts);
	size_t npo = 0;
	if (plan_opts) {
		plan_opts[npo++] = (struct option){"all", "All plans"};
		for (size_t i = 0; i < nplans; i++)
			plan_opts[npo++] = (struct option){
				arena_printf(r->a, "%lld", (long long)plans[i].id), plans[i].name};
	}
	html_select(b, &(struct select){.name = "plan", .label = "Plan", .options = plan_opts,
					.n = npo, .selected = q.plan ? q.plan : "all"}, NULL);
	html_printf(b, "<input type=\"hidden\" name=\"sort\" value=\"%s\">"
		       "<button type=\"submit\">Filter</button></form>\n", q.l.sort);
	if (!n) {
		html_raw(b, "<p class=\"empty\">No steps match these filters. Steps are added on "
			    "a plan's page; <a href=\"/plans\">open a plan</a>.</p>\n");
	} else {
		size_t first, last;
		int64_t pages = page_slice((int64_t)n, q.l.page, &first, &last);
		char today[11];
		date_format(date_today(), today);
		html_printf(b, "<p class=\"count\">%zu step%s</p>\n", n, n == 1 ? "" : "s");
		html_raw(b, "<div class=\"table-wrap\"><table><thead><tr>");
		sort_th(b, "Step", "name", q.l.sort, buf_str(&base));
		sort_th(b, "Plan", "plan", q.l.sort, buf_str(&base));
		html_raw(b, "<th scope=\"col\">Assignee</th>");
		sort_th(b, "Status", "status", q.l.sort, buf_str(&base));
		sort_th(b, "Due", "due", q.l.sort, buf_str(&base));
		html_raw(b, "</tr></thead><tbody>\n");
		for (size_t i = first; i < last; i++) {
			const struct step *s = &v[i];
			const struct plan *p = find_plan(plans, nplans, s->plan_id);
			html_printf(b, "<tr><td><a href=\"/steps/%lld\">%s</a></td>"
				       "<td><a href=\"/plans/%lld\">%s</a></td><td>",
				    (long long)s->id, s->name, (long long)s->plan_id,
				    p ? p->name : "(plan)");
			person_link(b, s->assignee_id, s->assignee_name);
			html_raw(b, "</td><td>");
			status_badge(b, s->status);
			int late = s->due && strcmp(s->status, "done") != 0 && strcmp(s->due, today) < 0;
			html_printf(b, "</td><td class=\"due%s\">%s%s</td></tr>\n",
				    late ? " late-text" : "", s->due ? s->due : "—",
				    late ? " (overdue)" : "");
		}
		html_raw(b, "</tbody></table></div>\n");
		html_pager(b, buf_str(&sorted), q.l.page > pages ? pages : q.l.page, pages);
		csv_link(b, buf_str(&sorted));
	}
	buf_free(&base);
	buf_free(&sorted);
	page_end(r);
	return 0;
}

/* --- a step ----------------------------------------------------------------- */

static int render_step(struct req *r, const struct form *sent)
{
	struct step s;
	struct plan p;
	if (step_get(r->db, r->a, r->id, &s, &r->e) || plan_get(r->db, r->a, s.plan_id, &p, &r->e))
		return -1;
	/* the plan's other steps: candidates to wait for, and dependants */
	struct step_filter f = {.plan_id = s.plan_id};
	struct step *others;
	size_t no;
	if (step_list(r->db, r->a, &f, SF_PLAN, &others, &no, &r->e))
		return -1;
	struct time_filter tf = {.step_id = s.id, .limit = PAGE_SIZE};
	struct time_entry *te;
	size_t nte;
	int64_t total;
	if (time_list(r->db, r->a, &tf, TF_STEP | TF_LIMIT, &te, &nte, &total, &r->e))
		return -1;
	int writable = may_write(r, K_STEP, s.id);

	page_begin(r, s.name, "steps");
	struct buf *b = &r->page;
	html_printf(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/plans\">Plans</a>"
		       " › <a href=\"/plans/%lld\">%s</a></nav>\n<div class=\"title-row\"><h1>%s</h1>",
		    (long long)p.id, p.name, s.name);
	if (writable)
		html_printf(b, "<a class=\"button\" href=\"/steps/%lld/edit\">Edit the step</a>",
			    (long long)s.id);
	html_raw(b, "</div>\n");
	if (r->e.status && (!sent || !r->e.field[0] ||
			    (strcmp(r->e.field, "on") != 0 && strcmp(r->e.field, "lag_days") != 0)))
		html_form_error(b, &r->e, 0);
	html_raw(b, "<dl class=\"facts\"><dt>Status</dt><dd>");
	status_badge(b, s.status);
	html_raw(b, "</dd><dt>Assignee</dt><dd>");
	person_link(b, s.assignee_id, s.assignee_name);
	html_printf(b, "</dd><dt>Due</dt><dd>%s</dd><dt>Duration</dt><dd>%lld working day%s</dd>"
		       "<dt>Estimate</dt><dd>", s.due ? s.due : "—", (long long)s.duration_days,
		    s.duration_days == 1 ? "" : "s");
	html_hours(b, s.estimate_minutes);
	html_raw(b, " h</dd><dt>Logged</dt><dd>");
	html_hours(b, s.logged_minutes);
	/* progress and activity class */
	html_printf(b, " h</dd><dt>Progress</dt><dd>%lld %%</dd><dt>Activity</dt><dd>%s</dd></dl>\n",
		    (long long)s.pct, s.activity ? s.activity : "the work itself");
	if (writable && strcmp(s.status, "done") != 0) {
		html_raw(b, "<div class=\"button-row\">");
		if (strcmp(s.status, "doing") != 0) {
			html_printf(b, "<form method=\"post\" action=\"/steps/%lld/start\">",
				    (long long)s.id);
			html_csrf(b, r);
			html_raw(b, "<button type=\"submit\" class=\"primary\">Start</button></form>");
		}
		html_printf(b, "<form method=\"post\" action=\"/steps/%lld/done\">", (long long)s.id);
		html_csrf(b, r);
		html_raw(b, "<button type=\"submit\">Mark done</button></form></div>\n");
	}

	html_raw(b, "<section aria-labelledby=\"h-deps\"><h2 id=\"h-deps\">Waits for</h2>\n");
	if (!s.ndeps) {
		html_raw(b, "<p class=\"empty\">This step waits for no other step.</p>\n");
	} else {
		html_raw(b, "<ul>");
		for (size_t i = 0; i < s.ndeps; i++) {
			html_printf(b, "<li><a href=\"/steps/%lld\">%s</a> ", (long long)s.deps[i].on,
				    s.deps[i].name);
			status_badge(b, s.deps[i].status);
			if (s.deps[i].lag_days)
				html_printf(b, " then %lld working day%s", (long long)s.deps[i].lag_days,
					    s.deps[i].lag_days == 1 ? "" : "s");
			html_raw(b, "</li>");
		}
		html_raw(b, "</ul>\n");
	}
	if (writable) {
		/* candidates: the plan's other steps not yet depended on */
		struct option *o = arena_alloc(r->a, (no + 1) * sizeof *o);
		size_t k = 0;
		for (size_t i = 0; o && i < no; i++) {
			int taken = others[i].id == s.id;
			for (size_t j = 0; j < s.ndeps && !taken; j++)
				taken = s.deps[j].on == others[i].id;
			if (!taken)
				o[k++] = (struct option){
					arena_printf(r->a, "%lld", (long long)others[i].id),
					arena_printf(r->a, "#%lld %s", (long long)others[i].id,
						     others[i].name)};
		}
		if (k) {
			const char *on = sent ? form_get(sent, "on") : NULL;
			const char *lag = sent ? form_get(sent, "lag_days") : NULL;
			struct err none = {0};
			const struct err *fe = sent ? &r->e : &none;
			html_printf(b, "<form method=\"post\" action=\"/steps/%lld/deps\" "
				       "class=\"grid-form\" novalidate>", (long long)s.id);
			html_csrf(b, r);
			html_select(b, &(struct select){.name = "on", .label = "Wait for step",
							.options = o, .n = k, .selected = on,
							.required = 1}, fe);
			html_input(b, &(struct input){.name = "lag_days", .label = "Lag (working days)",
						      .type = "number", .min = "0", .step = "1",
						      .value = lag ? lag : "0"}, fe);
			html_raw(b, "<div class=\"actions\"><button type=\"submit\">Add the dependency"
				    "</button></div></form>\n");
		}
	}
	html_raw(b, "</section>\n<section aria-labelledby=\"h-time\"><h2 id=\"h-time\">Time "
		    "logged</h2>\n");
	if (!nte) {
		html_raw(b, "<p class=\"empty\">No time logged yet. People log time on their "
			    "<a href=\"/time\">timesheet</a>.</p>\n");
	} else {
		html_raw(b, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Day</th>"
			    "<th scope=\"col\">Person</th><th scope=\"col\" class=\"num\">Hours</th>"
			    "<th scope=\"col\">Note</th></tr></thead><tbody>\n");
		for (size_t i = 0; i < nte; i++) {
			html_printf(b, "<tr><td>%s</td><td>", te[i].day);
			person_link(b, te[i].person_id, te[i].person_name);
			html_raw(b, "</td><td class=\"num\">");
			html_hours(b, te[i].minutes);
			html_printf(b, "</td><td>%s</td></tr>\n", te[i].note ? te[i].note : "");
		}
		html_raw(b, "</tbody><tfoot><tr><th scope=\"row\" colspan=\"2\">Total</th>"
			    "<td class=\"num\">");
		html_hours(b, total);
		html_raw(b, "</td><td></td></tr></tfoot></table></div>\n");
		csv_link(b, arena_printf(r->a, "/steps/%lld?", (long long)s.id));
		if ((int64_t)nte == PAGE_SIZE)
			html_printf(b, "<p class=\"hint\">The first %d entries are shown; the total "
				       "counts them all.</p>\n", PAGE_SIZE);
	}
	html_raw(b, "</section>\n");
	page_end(r);
	return 0;
}

/* The step's time entries as CSV. */
static int step_csv(struct req *r)
{
	struct time_filter tf = {.step_id = r->id};
	struct time_entry *te;
	size_t n;
	int64_t total;
	if (time_list(r->db, r->a, &tf, TF_STEP, &te, &n, &total, &r->e))
		return -1;
	struct csv c = page_csv(r, arena_printf(r->a, "step-%lld-time.csv", (long long)r->id));
	static const char *const head[] = {"id", "day", "person_id", "person", "hours", "note"};
	csv_header(&c, head, sizeof head / sizeof head[0]);
	for (size_t i = 0; i < n; i++) {
		csv_int(&c, te[i].id);
		csv_text(&c, te[i].day);
		csv_int(&c, te[i].person_id);
		csv_text(&c, te[i].person_name);
		csv_hours(&c, te[i].minutes);
		csv_text(&c, te[i].note);
		csv_end(&c);
	}
	return 0;
}

struct step_q {
	struct listq l;
};
static const struct field step_q_fields[] = {
	LIST_FIELDS(struct step_q),
	{0},
};

int step_page(struct req *r)
{
	struct step_q q = {0};
	unsigned set = 0;
	if (list_query(r, step_q_fields, &q, &set, "day"))
		return -1;
	if (is_csv(&q.l))
		return step_csv(r);
	return render_step(r, NULL);
}

/* A step action or form failed: the step page again, with the message. */
static int step_again(struct req *r, const struct form *sent)
{
	if (form_failed(r))
		return -1;
	struct err e = r->e;
	int status = r->status;
	if (render_step(r, sent))
		return -1;
	r->e = e;
	r->status = status;
	return 0;
}

static int step_status(struct req *r, const char *status)
{
	if (step_set_status(r->db, r->id, status, &r->e))
		return step_again(r, NULL);
	return page_redirect(r, "/steps/%lld", (long long)r->id);
}

int step_start_page(struct req *r)
{
	return step_status(r, "doing");
}

int step_done_page(struct req *r)
{
	return step_status(r, "done");
}

int step_dep_add_page(struct req *r)
{
	struct dep_input in = {0};
	unsigned set = 0;
	if (form_fill(&r->form, dep_fields, &in, &set, &r->e) ||
	    step_dep_add(r->db, r->id, &in, set, &r->e))
		return step_again(r, &r->form);
	return page_redirect(r, "/steps/%lld", (long long)r->id);
}

/* --- the step form ------------------------------------------------------------ */

struct step_edit_vals {
	const char *name, *assignee_id, *estimate_hours, *duration_days, *due, *status;
	const char *pct, *activity;
};

static int step_edit_form(struct req *r, const struct step_edit_vals *v)
{
	struct step s;
	if (step_get(r->db, r->a, r->id, &s, &r->e))
		return -1;
	size_t np, ns;
	struct option *po = people_options_keep(r, "", "No one", v->assignee_id, &np);
	struct option *so = status_options(r, step_statuses, NULL, &ns);
	if (!po || !so)
		return r->e.status ? -1 : err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	const char *title = arena_printf(r->a, "Edit %s", s.name);
	page_begin(r, title, "steps");
	struct buf *b = &r->page;
	html_printf(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/plans/%lld\">"
		       "Plan %lld</a> › <a href=\"/steps/%lld\">%s</a></nav>\n<h1>%s</h1>\n",
		    (long long)s.plan_id, (long long)s.plan_id, (long long)s.id, s.name, title);
	html_form_error(b, &r->e, 1);
	html_printf(b, "<form method=\"post\" action=\"/steps/%lld\" class=\"stack\" novalidate>\n",
		    (long long)s.id);
	html_csrf(b, r);
	html_input(b, &(struct input){.name = "name", .label = "What is to be done",
				      .value = v->name, .required = 1, .maxlength = 500}, &r->e);
	html_select(b, &(struct select){.name = "assignee_id", .label = "Assignee", .options = po,
					.n = np, .selected = v->assignee_id ? v->assignee_id : ""},
		    &r->e);
	html_input(b, &(struct input){.name = "estimate_hours", .label = "Estimate (hours)",
				      .type = "number", .step = "0.25", .min = "0",
				      .value = v->estimate_hours}, &r->e);
	html_input(b, &(struct input){.name = "duration_days", .label = "Duration (working days)",
				      .type = "number", .step = "1", .min = "0",
				      .value = v->duration_days}, &r->e);
	html_input(b, &(struct input){.name = "due", .label = "Due date", .type = "date",
				      .value = v->due, .hint = "Optional; empty for none."}, &r->e);
	html_select(b, &(struct select){.name = "status", .label = "Status", .options = so, .n = ns,
					.selected = v->status,
					.hint = "A step is doing or done only when every step it "
						"waits for is done."}, &r->e);
	/* percent complete and activity class */
	struct option ao[11] = {{"", "The work itself"}};
	for (size_t i = 0; i < 10; i++)
		ao[i + 1] = (struct option){step_activities[i], step_activities[i]};
	html_input(b, &(struct input){.name = "pct", .label = "Progress (%)", .type = "number",
				      .step = "1", .min = "0", .value = v->pct,
				      .hint = "0 to 100; done is 100."}, &r->e);
	html_select(b, &(struct select){.name = "activity", .label = "Activity class", .options = ao,
					.n = 11, .selected = v->activity ? v->activity : "",
					.hint = "The default class of the time logged on it."}, &r->e);
	html_printf(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Save the "
		       "step</button> <a href=\"/steps/%lld\">Cancel</a></div>\n</form>\n",
		    (long long)s.id);
	page_end(r);
	return 0;
}

int step_edit_page(struct req *r)
{
	struct step s;
	if (page_query(r, NULL, NULL, &(unsigned){0}) || step_get(r->db, r->a, r->id, &s, &r->e))
		return -1;
	struct step_edit_vals v = {
		.name = s.name, .assignee_id = input_id(r, s.assignee_id),
		.estimate_hours = input_hours(r, s.estimate_minutes),
		.duration_days = arena_printf(r->a, "%lld", (long long)s.duration_days),
		.due = s.due ? s.due : "", .status = s.status,
		.pct = arena_printf(r->a, "%lld", (long long)s.pct),
		.activity = s.activity ? s.activity : ""};
	return step_edit_form(r, &v);
}

int step_update_page(struct req *r)
{
	struct step_input in = {0};
	unsigned set = 0;
	int rc = form_fill_edit(&r->form, step_fields, &in, &set, &r->e);
	set &= ~(unsigned)STEP_PLAN;	/* the form changes a step, it does not move it */
	/* a pct left as it was follows a status change (done is 100) */
	struct step cur;
	if (!rc && (set & STEP_PCT) && (set & STEP_STATUS) &&
	    step_get(r->db, r->a, r->id, &cur, &r->e) == 0 && cur.pct == in.pct)
		set &= ~(unsigned)STEP_PCT;
	if (rc || step_set(r->db, r->id, &in, set, &r->e)) {
		if (form_failed(r))
			return -1;
		const struct form *f = &r->form;
		struct step_edit_vals v = {form_get(f, "name"), form_get(f, "assignee_id"),
					   form_get(f, "estimate_hours"),
					   form_get(f, "duration_days"), form_get(f, "due"),
					   form_get(f, "status"), form_get(f, "pct"),
					   form_get(f, "activity")};
		return step_edit_form(r, &v);
	}
	return page_redirect(r, "/steps/%lld", (long long)r->id);
}
