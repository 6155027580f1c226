/* page_problem: the problem log (/problems, with CSV, and its "Log a
 * problem" form for managers and admins: POST /problems), a problem and
 * its edit form (/problems/:id), its Remove button for a manual problem
 * (POST /problems/:id/delete), the "Run check" button (POST
 * /problems/check), the printable agenda (/agenda) and the tolerances
 * of the deviation rules (/control). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/date.h"
#include "manage/control.h"
#include "manage/problem.h"
#include "web/page.h"

static void severity_badge(struct buf *b, int64_t severity)
{
	html_printf(b, "<span class=\"badge ctl-sev ctl-sev-%lld\">severity %lld</span>",
		    (long long)(severity >= 1 && severity <= 3 ? severity : 2), (long long)severity);
}

static void problem_badges(struct buf *b, const struct problem *p)
{
	severity_badge(b, p->severity);
	html_raw(b, " ");
	status_badge(b, p->status);
	if (p->overdue)
		html_raw(b, " <span class=\"badge ctl-overdue\">overdue</span>");
}

static void subject_cell(struct buf *b, const struct problem *p)
{
	static const struct {
		const char *kind, *path;
	} paths[] = {{"plan", "/plans"}, {"step", "/steps"}, {"person", "/people"},
		     {"target", "/targets"}};
	if (!p->subject_kind[0]) {
		html_raw(b, "<span class=\"none\">by hand</span>");
		return;
	}
	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++)
		if (strcmp(p->subject_kind, paths[i].kind) == 0 && p->subject_name[0]) {
			html_printf(b, "%s <a href=\"%s/%lld\">%s</a>", p->subject_kind, paths[i].path,
				    (long long)p->subject_id, p->subject_name);
			return;
		}
	html_printf(b, "%s %lld", p->subject_kind, (long long)p->subject_id);
}

/* --- the log ------------------------------------------------------------- */

struct problems_q {
	struct listq l;
	const char *unit, *status;
};
static const struct field problems_q_fields[] = {
	LIST_FIELDS(struct problems_q),
	{.name = "unit", .type = FT_TEXT, .offset = offsetof(struct problems_q, unit), .bit = 1,
	 .max = 20},
	{.name = "status", .type = FT_TEXT, .offset = offsetof(struct problems_q, status),
	 .bit = 2, .max = 20},
	{0},
};

static int cmp_id_desc(const struct problem *x, const struct problem *y)
{
	return (x->id < y->id) - (x->id > y->id);
}
/* most severe first, then overdue, then the oldest found */
static int cmp_severity(const void *a, const void *b)
{
	const struct problem *x = a, *y = b;
	if (x->severity != y->severity)
		return x->severity > y->severity ? -1 : 1;
	if (x->overdue != y->overdue)
		return x->overdue ? -1 : 1;
	int c = strcmp(x->found, y->found);
	return c ? c : -cmp_id_desc(x, y);
}
/* the soonest due first; no due day last */
static int cmp_due(const void *a, const void *b)
{
	const struct problem *x = a, *y = b;
	if (!x->due != !y->due)
		return !x->due ? 1 : -1;
	int c = x->due ? strcmp(x->due, y->due) : 0;
	return c ? c : cmp_severity(a, b);
}
static int cmp_found(const void *a, const void *b)
{
	const struct problem *x = a, *y = b;
	int c = strcmp(y->found, x->found);	/* newest first */
	return c ? c : cmp_id_desc(x, y);
}

/* What the "Log a problem" form shows: what was sent, or the defaults
 * (NULLs). */
struct problem_add_vals {
	const char *title, *unit_id, *severity, *owner_id, *due, *detail;
};

static const struct option severity_options[] = {{"1", "1 minor"}, {"2", "2"},
						 {"3", "3 serious"}};

/* The form to log a manual problem, in a unit the actor may read; r->e
 * is the refusal of the form sent, shown beside its field. */
static int add_form(struct req *r, const struct unit *units, size_t nunits,
		    const struct problem_add_vals *v)
{
	struct buf *b = &r->page;
	size_t nu, np;
	struct option *uo = unit_options(r, units, nunits, NULL, NULL, &nu);
	struct option *po = people_options_keep(r, "", "No one", v->owner_id, &np);
	if (!uo || !po)
		return r->e.status ? -1 : err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	html_raw(b, "<section aria-labelledby=\"log\"><h2 id=\"log\">Log a problem</h2>\n");
	html_form_error(b, &r->e, 1);
	html_raw(b, "<form method=\"post\" action=\"/problems\" class=\"stack\" novalidate>\n");
	html_csrf(b, r);
	html_input(b, &(struct input){.name = "title", .label = "Title", .value = v->title,
				      .required = 1, .maxlength = 200,
				      .hint = "What is wrong, in a line."}, &r->e);
	html_select(b, &(struct select){.name = "unit_id", .label = "Unit", .options = uo,
					.n = nu, .required = 1,
					.selected = v->unit_id ? v->unit_id
							       : input_id(r, r->who.unit_id)},
		    &r->e);
	html_select(b, &(struct select){.name = "severity", .label = "Severity",
					.options = severity_options, .n = 3,
					.selected = v->severity ? v->severity : "2"}, &r->e);
	html_select(b, &(struct select){.name = "owner_id", .label = "Owner", .options = po,
					.n = np, .selected = v->owner_id ? v->owner_id : "",
					.hint = "Who resolves it."}, &r->e);
	html_input(b, &(struct input){.name = "due", .label = "Due", .type = "date",
				      .value = v->due, .hint = "Not before today, the day it is "
				      "found; empty for none."}, &r->e);
	html_input(b, &(struct input){.name = "detail", .label = "Detail", .value = v->detail,
				      .maxlength = 4000, .hint = "What was seen."}, &r->e);
	html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Log the "
		    "problem</button></div>\n</form></section>\n");
	return 0;
}

/* The log; for a manager or an admin with the "Log a problem" form
 * showing v, and r->e beside its field when the form was refused. */
static int problems_render(struct req *r, const struct problem_add_vals *vals)
{
	struct err refused = r->e;	/* the sent form's, shown by the form */
	err_clear(&r->e);
	struct problems_q q = {0};
	unsigned set = 0;
	if (list_query(r, problems_q_fields, &q, &set, "severity"))
		return -1;
	struct problem_filter f = {0};
	unsigned fset = 0;
	if (q.unit && strcmp(q.unit, "all") != 0) {
		if (field_parse_int(q.unit, &f.unit_id) || f.unit_id <= 0)
			return err_set(&r->e, ERR_BAD_INPUT, "unit", "unit: must be all or a unit id");
		fset |= PBF_UNIT;
	}
	/* the default shows what is not closed */
	const char *status = q.status ? q.status : "unclosed";
	if (strcmp(status, "unclosed") == 0) {
		f.open = 1;
		fset |= PBF_OPEN;
	} else if (strcmp(status, "all") != 0) {
		int known = 0;
		for (int i = 0; problem_statuses[i]; i++)
			known |= strcmp(status, problem_statuses[i]) == 0;
		if (!known)
			return err_set(&r->e, ERR_BAD_INPUT, "status", "status: must be unclosed, all, "
				       "open, investigating, acting or closed");
		f.status = status;
		fset |= PBF_STATUS;
	}
	unsigned chosen = fset;
	int64_t chosen_unit = f.unit_id;
	struct problem *v;
	size_t n;
	if (api_scope(r, &f.unit_id, &fset, PBF_UNIT) ||
	    problem_list(r->db, r->a, &f, fset, &v, &n, &r->e))
		return -1;
	int (*cmp)(const void *, const void *) = cmp_severity;
	if (strcmp(q.l.sort, "due") == 0)
		cmp = cmp_due;
	else if (strcmp(q.l.sort, "found") == 0)
		cmp = cmp_found;
	else
		q.l.sort = "severity";
	if (n)
		qsort(v, n, sizeof *v, cmp);
	if (is_csv(&q.l)) {
		struct csv c = page_csv(r, "problems.csv");
		static const char *const head[] = {"id", "severity", "status", "overdue", "due",
						   "found", "closed", "unit_id", "unit", "rule",
						   "subject_kind", "subject_id", "title", "owner",
						   "root_cause", "action"};
		csv_header(&c, head, sizeof head / sizeof head[0]);
		for (size_t i = 0; i < n; i++) {
			csv_int(&c, v[i].id);
			csv_int(&c, v[i].severity);
			csv_text(&c, v[i].status);
			csv_text(&c, v[i].overdue ? "yes" : "no");
			csv_text(&c, v[i].due);
			csv_text(&c, v[i].found);
			csv_text(&c, v[i].closed);
			csv_int(&c, v[i].unit_id);
			csv_text(&c, v[i].unit_name);
			csv_text(&c, v[i].rule);
			csv_text(&c, v[i].subject_kind);
			csv_id(&c, v[i].subject_id);
			csv_text(&c, v[i].title);
			csv_text(&c, v[i].owner_name);
			csv_text(&c, v[i].root_cause);
			csv_text(&c, v[i].action);
			csv_end(&c);
		}
		return 0;
	}
	struct unit *units;
	size_t nunits;
	if (page_units(r, &units, &nunits))
		return -1;
	struct buf base = BUF_INIT, sorted = BUF_INIT;
	buf_puts(&base, "/problems?");
	if (chosen & PBF_UNIT)
		qs_add_int(&base, "unit", chosen_unit);
	qs_add(&base, "status", status);
	buf_puts(&sorted, buf_str(&base));
	qs_add(&sorted, "sort", q.l.sort);

	int may_log = r->who.role >= ROLE_MANAGER;
	page_begin(r, "Problem log", "problems");
	struct buf *b = &r->page;
	html_raw(b, "<div class=\"title-row\"><h1>Problem log</h1>");
	if (may_log)
		html_raw(b, "<a class=\"button\" href=\"#log\">Log a problem</a>");
	if (r->who.role == ROLE_ADMIN) {
		html_raw(b, "<form method=\"post\" action=\"/problems/check\" class=\"button-row\">");
		html_csrf(b, r);
		html_raw(b, "<button type=\"submit\" class=\"primary\">Run check</button></form>");
	}
	html_raw(b, "<a class=\"button\" href=\"/agenda\">Agenda</a></div>\n"
		    "<p class=\"lead\">Deviations the control check found, and problems logged by "
		    "hand, with what was decided about them.</p>\n"
		    "<form method=\"get\" action=\"/problems\" class=\"filters\">");
	size_t nu;
	struct option *uo = unit_options(r, units, nunits, "all", "All units", &nu);
	static const struct option so[] = {
		{"unclosed", "Not closed"}, {"all", "Any status"}, {"open", "open"},
		{"investigating", "investigating"}, {"acting", "acting"}, {"closed", "closed"},
	};
	html_select(b, &(struct select){.name = "unit", .label = "Unit (with its sub-units)",
					.options = uo, .n = uo ? nu : 0,
					.selected = q.unit ? q.unit : "all"}, NULL);
	html_select(b, &(struct select){.name = "status", .label = "Status", .options = so,
					.n = sizeof so / sizeof so[0], .selected = status}, NULL);
	html_printf(b, "<input type=\"hidden\" name=\"sort\" value=\"%s\">"
		       "<button type=\"submit\">Filter</button></form>\n", q.l.sort);
	if (!n) {
		html_raw(b, "<p class=\"empty\">No problems match these filters.</p>\n");
	} else {
		size_t first, last;
		int64_t pages = page_slice((int64_t)n, q.l.page, &first, &last);
		size_t late = 0;
		for (size_t i = 0; i < n; i++)
			late += v[i].overdue;
		html_printf(b, "<p class=\"count\">%zu problem%s, %zu overdue</p>\n", n,
			    n == 1 ? "" : "s", late);
		html_raw(b, "<div class=\"table-wrap\"><table><thead><tr>"
			    "<th scope=\"col\">Problem</th>");
		sort_th(b, "Severity", "severity", q.l.sort, buf_str(&base));
		html_raw(b, "<th scope=\"col\">Subject</th><th scope=\"col\">Unit</th>"
			    "<th scope=\"col\">Owner</th>");
		sort_th(b, "Due", "due", q.l.sort, buf_str(&base));
		sort_th(b, "Found", "found", q.l.sort, buf_str(&base));
		html_raw(b, "</tr></thead><tbody>\n");
		for (size_t i = first; i < last; i++) {
			const struct problem *p = &v[i];
			html_printf(b, "<tr><td><a href=\"/problems/%lld\">%s</a></td><td>",
				    (long long)p->id, p->title);
			problem_badges(b, p);
			html_raw(b, "</td><td>");
			subject_cell(b, p);
			html_printf(b, "</td><td><a href=\"/units/%lld\">%s</a></td><td>",
				    (long long)p->unit_id, p->unit_name);
			person_link(b, p->owner_id, p->owner_name);
			html_printf(b, "</td><td class=\"date%s\">%s</td><td class=\"date\">%s</td>"
				       "</tr>\n", p->overdue ? " late-text" : "", p->due ? p->due : "—",
				    p->found);
		}
		html_raw(b, "</tbody></table></div>\n");
		html_pager(b, buf_str(&sorted), q.l.page > pages ? pages : q.l.page, pages);
		csv_link(b, buf_str(&sorted));
	}
	buf_free(&base);
	buf_free(&sorted);
	r->e = refused;
	if (may_log && add_form(r, units, nunits, vals))
		return -1;
	page_end(r);
	return 0;
}

int problems_page(struct req *r)
{
	return problems_render(r, &(struct problem_add_vals){0});
}

int problem_create_page(struct req *r)
{
	struct problem_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (may_create(r, "problems"))
		return -1;
	if (form_fill(&r->form, problem_fields, &in, &set, &r->e) ||
	    problem_add(r->db, &in, set, &id, &r->e)) {
		if (form_failed(r))
			return -1;
		const struct form *f = &r->form;
		struct problem_add_vals v = {
			.title = form_get(f, "title"), .unit_id = form_get(f, "unit_id"),
			.severity = form_get(f, "severity"), .owner_id = form_get(f, "owner_id"),
			.due = form_get(f, "due"), .detail = form_get(f, "detail")};
		return problems_render(r, &v);
	}
	return page_redirect(r, "/problems/%lld", (long long)id);
}

int problems_check_page(struct req *r)
{
	struct check_input in = {0};
	struct check_result res;
	if (control_check(r->db, r->a, &in, 0, &res, &r->e))
		return -1;
	return page_redirect(r, "/problems?status=unclosed");
}

/* --- a problem ------------------------------------------------------------ */

struct problem_vals {
	const char *title, *severity, *status, *owner_id, *due, *root_cause, *action, *detail;
};

static void problem_vals_from_form(const struct form *f, struct problem_vals *v)
{
	v->title = form_get(f, "title");
	v->severity = form_get(f, "severity");
	v->status = form_get(f, "status");
	v->owner_id = form_get(f, "owner_id");
	v->due = form_get(f, "due");
	v->root_cause = form_get(f, "root_cause");
	v->action = form_get(f, "action");
	v->detail = form_get(f, "detail");
}

/* A problem and, for those who may change it, its form and, for a
 * manual problem, its Remove button; with refused set, the refusal of
 * a removal beside where the button is. */
static int problem_view(struct req *r, const struct problem *p, const struct problem_vals *v,
			const struct err *refused)
{
	page_begin(r, p->title, "problems");
	struct buf *b = &r->page;
	html_printf(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/problems\">"
		       "Problem log</a></nav>\n<div class=\"title-row\"><h1>%s</h1></div>\n<p>",
		    p->title);
	problem_badges(b, p);
	html_raw(b, "</p>\n<dl class=\"facts\"><dt>Subject</dt><dd>");
	subject_cell(b, p);
	html_printf(b, "</dd><dt>Rule</dt><dd>%s</dd><dt>Unit</dt><dd><a href=\"/units/%lld\">%s"
		       "</a></dd><dt>Found</dt><dd>%s</dd><dt>Closed</dt><dd>%s</dd>"
		       "<dt>Owner</dt><dd>", p->rule, (long long)p->unit_id, p->unit_name, p->found,
		    p->closed ? p->closed : "—");
	person_link(b, p->owner_id, p->owner_name);
	html_printf(b, "</dd><dt>Due</dt><dd>%s%s</dd><dt>Detail</dt><dd>%s</dd>"
		       "<dt>Root cause</dt><dd>%s</dd><dt>Action</dt><dd>%s</dd></dl>\n",
		    p->due ? p->due : "—", p->overdue ? " (overdue)" : "",
		    p->detail[0] ? p->detail : "—", p->root_cause[0] ? p->root_cause : "not yet known",
		    p->action[0] ? p->action : "none decided");
	if (!may_write(r, K_PROBLEM, p->id)) {
		page_end(r);
		return 0;
	}
	size_t np;
	struct option *po = people_options_keep(r, "", "No one", v->owner_id, &np);
	static const struct option st[] = {{"open", "open"}, {"investigating", "investigating"},
					   {"acting", "acting"}, {"closed", "closed"}};
	html_raw(b, "<h2>Work on it</h2>\n");
	html_form_error(b, &r->e, 1);
	html_printf(b, "<form method=\"post\" action=\"/problems/%lld\" class=\"stack\" "
		       "novalidate>\n", (long long)p->id);
	html_csrf(b, r);
	html_input(b, &(struct input){.name = "title", .label = "Title", .value = v->title,
				      .required = 1, .maxlength = 200}, &r->e);
	html_select(b, &(struct select){.name = "status", .label = "Status", .options = st,
					.n = sizeof st / sizeof st[0], .selected = v->status,
					.hint = "open, investigating, acting, closed"}, &r->e);
	html_select(b, &(struct select){.name = "severity", .label = "Severity",
					.options = severity_options, .n = 3, .selected = v->severity},
		    &r->e);
	html_select(b, &(struct select){.name = "owner_id", .label = "Owner", .options = po,
					.n = po ? np : 0, .selected = v->owner_id ? v->owner_id : ""},
		    &r->e);
	html_input(b, &(struct input){.name = "due", .label = "Due", .type = "date",
				      .value = v->due, .hint = "Not before the day it was found."},
		   &r->e);
	html_input(b, &(struct input){.name = "detail", .label = "Detail", .value = v->detail,
				      .maxlength = 4000}, &r->e);
	html_input(b, &(struct input){.name = "root_cause", .label = "Root cause",
				      .value = v->root_cause, .maxlength = 4000}, &r->e);
	html_input(b, &(struct input){.name = "action", .label = "Corrective action",
				      .value = v->action, .maxlength = 4000}, &r->e);
	html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Save"
		    "</button></div>\n</form>\n");
	/* one a check found keeps its history: it is closed, not removed */
	int manual = strcmp(p->rule, "manual") == 0;
	if (manual || refused) {
		html_raw(b, "<section aria-labelledby=\"h-rm\"><h2 id=\"h-rm\">Remove the problem"
			    "</h2>\n<p class=\"hint\">Only a problem logged by hand can be removed; "
			    "close one a check found.</p>\n");
		html_printf(b, "<form method=\"post\" action=\"/problems/%lld/delete\">",
			    (long long)p->id);
		html_csrf(b, r);
		if (manual) {
			html_raw(b, "<button type=\"submit\"");
			if (refused)
				html_raw(b, " aria-describedby=\"delete-err\" autofocus");
			html_raw(b, ">Remove</button>");
		}
		if (refused)
			html_printf(b, "<p class=\"error\" id=\"delete-err\" role=\"alert\">%s</p>",
				    refused->msg);
		html_raw(b, "</form>\n</section>\n");
	}
	page_end(r);
	return 0;
}

/* The form's values of a stored problem, in r's arena. */
static void problem_vals_of(struct req *r, const struct problem *p, struct problem_vals *v)
{
	*v = (struct problem_vals){.title = p->title, .severity = arena_printf(r->a, "%lld",
		(long long)p->severity), .status = p->status, .owner_id = input_id(r, p->owner_id),
		.due = p->due, .root_cause = p->root_cause, .action = p->action,
		.detail = p->detail};
}

int problem_page(struct req *r)
{
	struct problem p;
	struct problem_vals v;
	if (page_query(r, NULL, NULL, &(unsigned){0}) ||
	    problem_get(r->db, r->a, r->id, &p, &r->e))
		return -1;
	problem_vals_of(r, &p, &v);
	return problem_view(r, &p, &v, NULL);
}

int problem_update_page(struct req *r)
{
	struct problem_input in = {0};
	unsigned set = 0;
	if (form_fill_edit(&r->form, problem_set_fields, &in, &set, &r->e) ||
	    problem_set(r->db, r->id, &in, set, &r->e)) {
		if (form_failed(r))
			return -1;
		/* r->e keeps the form's error: the first error wins */
		struct problem p;
		if (problem_get(r->db, r->a, r->id, &p, &r->e))
			return -1;
		struct problem_vals v;
		problem_vals_from_form(&r->form, &v);
		return problem_view(r, &p, &v, NULL);
	}
	return page_redirect(r, "/problems/%lld", (long long)r->id);
}

int problem_delete_page(struct req *r)
{
	if (problem_rm(r->db, r->id, &r->e)) {
		if (form_failed(r))
			return -1;
		struct err refused = r->e;
		int status = r->status;
		err_clear(&r->e);
		struct problem p;
		struct problem_vals v;
		if (problem_get(r->db, r->a, r->id, &p, &r->e))
			return -1;
		problem_vals_of(r, &p, &v);
		if (problem_view(r, &p, &v, &refused))
			return -1;
		r->status = status;
		return 0;
	}
	return page_redirect(r, "/problems");
}

/* --- the agenda ------------------------------------------------------------ */

struct agenda_q {
	const char *unit;
};
static const struct field agenda_q_fields[] = {
	{.name = "unit", .type = FT_TEXT, .offset = offsetof(struct agenda_q, unit), .bit = 1,
	 .max = 20},
	{0},
};

int agenda_page(struct req *r)
{
	struct agenda_q q = {0};
	unsigned set = 0;
	if (page_query(r, agenda_q_fields, &q, &set))
		return -1;
	int64_t unit = 0;
	unsigned uset = 0;
	if (q.unit && strcmp(q.unit, "all") != 0) {
		if (field_parse_int(q.unit, &unit) || unit <= 0)
			return err_set(&r->e, ERR_BAD_INPUT, "unit", "unit: must be all or a unit id");
		uset = 1;
	}
	struct problem *v;
	size_t n;
	struct unit *units;
	size_t nunits;
	if (api_scope(r, &unit, &uset, 1) ||
	    problem_agenda(r->db, r->a, uset ? unit : 0, &v, &n, &r->e) ||
	    page_units(r, &units, &nunits))
		return -1;
	const char *scope = "the organization";
	for (size_t i = 0; uset && i < nunits; i++)
		if (units[i].id == unit)
			scope = units[i].name;
	page_begin(r, "Agenda", "problems");
	struct buf *b = &r->page;
	html_printf(b, "<div class=\"title-row\"><h1>Agenda: %s, %s</h1></div>\n", scope,
		    html_day(r->a, date_today()));
	html_raw(b, "<form method=\"get\" action=\"/agenda\" class=\"filters ctl-noprint\">");
	size_t nu;
	struct option *uo = unit_options(r, units, nunits, "all", "All units", &nu);
	html_select(b, &(struct select){.name = "unit", .label = "Unit (with its sub-units)",
					.options = uo, .n = uo ? nu : 0,
					.selected = q.unit ? q.unit : "all"}, NULL);
	html_raw(b, "<button type=\"submit\">Show</button></form>\n");
	if (!n) {
		html_raw(b, "<p class=\"empty\">No open problems.</p>\n");
		page_end(r);
		return 0;
	}
	html_printf(b, "<p class=\"lead\">%zu open problem%s, the most severe first, then the "
		       "overdue, then the oldest.</p>\n<ol class=\"ctl-agenda\">\n", n,
		    n == 1 ? "" : "s");
	for (size_t i = 0; i < n; i++) {
		const struct problem *p = &v[i];
		html_printf(b, "<li><h2><a href=\"/problems/%lld\">%s</a></h2><p>",
			    (long long)p->id, p->title);
		problem_badges(b, p);
		html_raw(b, "</p><dl class=\"facts\"><dt>Subject</dt><dd>");
		subject_cell(b, p);
		html_printf(b, "</dd><dt>Unit</dt><dd>%s</dd><dt>Found</dt><dd>%s</dd>"
			       "<dt>Owner</dt><dd>%s</dd><dt>Due</dt><dd>%s</dd>"
			       "<dt>Root cause</dt><dd>%s</dd><dt>Action</dt><dd>%s</dd></dl></li>\n",
			    p->unit_name, p->found, p->owner_name ? p->owner_name : "nobody yet",
			    p->due ? p->due : "not set",
			    p->root_cause[0] ? p->root_cause : "not yet known",
			    p->action[0] ? p->action : "none decided");
	}
	html_raw(b, "</ol>\n");
	page_end(r);
	return 0;
}

/* --- tolerances ------------------------------------------------------------- */

static int control_view(struct req *r, int64_t unit, const char *unit_text)
{
	struct tolerance t[RULE_COUNT];
	struct unit *units;
	size_t nunits;
	if (control_tolerances(r->db, unit, t, &r->e) || page_units(r, &units, &nunits))
		return -1;
	const char *scope = "the organization";
	for (size_t i = 0; unit && i < nunits; i++)
		if (units[i].id == unit)
			scope = units[i].name;
	page_begin(r, "Tolerances", "problems");
	struct buf *b = &r->page;
	html_printf(b, "<div class=\"title-row\"><h1>Tolerances: %s</h1></div>\n"
		       "<p class=\"lead\">How far a figure may stray before the control check opens "
		       "a problem. A unit's own tolerance, else its nearest ancestor's, else the "
		       "organization's applies.</p>\n", scope);
	html_raw(b, "<form method=\"get\" action=\"/control\" class=\"filters\">");
	size_t nu;
	struct option *uo = unit_options(r, units, nunits, "all", "The organization", &nu);
	html_select(b, &(struct select){.name = "unit", .label = "For", .options = uo,
					.n = uo ? nu : 0, .selected = unit_text ? unit_text : "all"},
		    NULL);
	html_raw(b, "<button type=\"submit\">Show</button></form>\n"
		    "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Rule</th>"
		    "<th scope=\"col\">Value</th><th scope=\"col\">Enabled</th>"
		    "<th scope=\"col\">From</th><th scope=\"col\">Meaning</th></tr></thead><tbody>\n");
	for (int i = 0; i < RULE_COUNT; i++) {
		html_printf(b, "<tr><td>%s</td><td class=\"num\">%lld</td><td>%s</td><td>", t[i].rule,
			    (long long)t[i].value, t[i].enabled ? "yes" : "no");
		if (t[i].value_unit)
			html_printf(b, "<a href=\"/units/%lld\">unit %lld</a>",
				    (long long)t[i].value_unit, (long long)t[i].value_unit);
		else
			html_printf(b, "%s", t[i].value_org ? "organization" : "default");
		html_printf(b, "</td><td>%s</td></tr>\n", control_meanings[i]);
	}
	html_raw(b, "</tbody></table></div>\n");
	int may = unit ? may_write(r, K_UNIT, unit) : r->who.role == ROLE_ADMIN;
	if (may) {
		static const struct option ro[] = {{"cpi", "cpi"},	 {"spi", "spi"},
						   {"overdue", "overdue"}, {"overload", "overload"},
						   {"burn", "burn"},	 {"target", "target"}};
		static const struct option eo[] = {{"", "Unchanged"}, {"true", "On"},
						   {"false", "Off"}};
		html_raw(b, "<h2>Change a tolerance</h2>\n");
		html_form_error(b, &r->e, 1);
		if (unit)
			html_printf(b, "<form method=\"post\" action=\"/units/%lld/tolerances\" "
				       "class=\"stack\" novalidate>\n", (long long)unit);
		else
			html_raw(b, "<form method=\"post\" action=\"/control\" class=\"stack\" "
				    "novalidate>\n");
		html_csrf(b, r);
		html_select(b, &(struct select){.name = "rule", .label = "Rule", .options = ro,
						.n = sizeof ro / sizeof ro[0],
						.selected = form_get(&r->form, "rule")}, &r->e);
		html_input(b, &(struct input){.name = "value", .label = "Value", .type = "number",
					      .step = "1", .min = "0",
					      .value = form_get(&r->form, "value"),
					      .hint = "A whole number; empty leaves it as it is."},
			   &r->e);
		html_select(b, &(struct select){.name = "enabled", .label = "Enabled",
						.options = eo, .n = sizeof eo / sizeof eo[0],
						.selected = form_get(&r->form, "enabled")}, &r->e);
		html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Save"
			    "</button></div>\n</form>\n");
	}
	page_end(r);
	return 0;
}

struct control_q {
	const char *unit;
};
static const struct field control_q_fields[] = {
	{.name = "unit", .type = FT_TEXT, .offset = offsetof(struct control_q, unit), .bit = 1,
	 .max = 20},
	{0},
};

int control_page(struct req *r)
{
	struct control_q q = {0};
	unsigned set = 0;
	if (page_query(r, control_q_fields, &q, &set))
		return -1;
	int64_t unit = 0;
	if (q.unit && strcmp(q.unit, "all") != 0) {
		if (field_parse_int(q.unit, &unit) || unit <= 0)
			return err_set(&r->e, ERR_BAD_INPUT, "unit", "unit: must be all or a unit id");
		if (access_check(r->db, &r->who, K_UNIT, unit, A_READ, &r->e))
			return -1;
	}
	return control_view(r, unit, q.unit);
}

static const struct field tolerance_form_fields[] = {
	{.name = "rule", .type = FT_ENUM, .offset = offsetof(struct tolerance_input, rule),
	 .bit = TOL_RULE, .choices = control_rules, .required = 1},
	{.name = "value", .type = FT_INT, .offset = offsetof(struct tolerance_input, value),
	 .bit = TOL_VALUE, .min = 0, .max = 100000},
	{.name = "enabled", .type = FT_BOOL, .offset = offsetof(struct tolerance_input, enabled),
	 .bit = TOL_ENABLED},
	{0},
};

static int tolerance_save(struct req *r, int64_t unit)
{
	struct tolerance_input in = {.unit_id = unit};
	unsigned set = unit ? TOL_UNIT : 0;
	if (form_fill(&r->form, tolerance_form_fields, &in, &set, &r->e) ||
	    control_set(r->db, &in, set, &r->e)) {
		if (form_failed(r))
			return -1;
		return control_view(r, unit, unit ? arena_printf(r->a, "%lld", (long long)unit)
						  : NULL);
	}
	if (unit)
		return page_redirect(r, "/control?unit=%lld", (long long)unit);
	return page_redirect(r, "/control");
}

int control_save_page(struct req *r)
{
	return tolerance_save(r, 0);
}

int unit_tolerances_save_page(struct req *r)
{
	return tolerance_save(r, r->id);
}
