/* page_org: the org tree and its people: /units, /units/:id, /people,
 * /people/:id, their create and edit forms (/units/new, /units/:id/edit,
 * /people/new, /people/:id/edit) and a unit's delete button. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "manage/plan.h"
#include "manage/step.h"
#include "org/person.h"
#include "web/page.h"

/* --- units --------------------------------------------------------------- */

struct units_q {
	struct listq l;
};
static const struct field units_q_fields[] = {
	LIST_FIELDS(struct units_q),
	{0},
};

int units_page(struct req *r)
{
	struct units_q q = {0};
	unsigned set = 0;
	struct unit *v;
	size_t n;
	if (list_query(r, units_q_fields, &q, &set, "tree") || page_units(r, &v, &n))
		return -1;
	if (is_csv(&q.l)) {
		struct csv c = page_csv(r, "units.csv");
		csv_text(&c, "id");
		csv_text(&c, "name");
		csv_text(&c, "parent_id");
		csv_text(&c, "depth");
		csv_text(&c, "people");
		csv_text(&c, "children");
		csv_end(&c);
		for (size_t i = 0; i < n; i++) {
			csv_int(&c, v[i].id);
			csv_text(&c, v[i].name);
			csv_id(&c, v[i].parent_id);
			csv_int(&c, v[i].depth);
			csv_int(&c, v[i].people);
			csv_int(&c, v[i].children);
			csv_end(&c);
		}
		return 0;
	}
	page_begin(r, "Units", "units");
	struct buf *b = &r->page;
	html_raw(b, "<div class=\"title-row\"><h1>Units</h1>");
	if (r->who.role >= ROLE_MANAGER)
		html_raw(b, "<a class=\"button primary\" href=\"/units/new\">New unit</a>");
	html_raw(b, "</div>\n<p class=\"lead\">The organization's tree: each unit with the people "
		    "directly in it.</p>\n");
	if (!n) {
		html_raw(b, "<p class=\"empty\">No units yet. An administrator adds the first one "
			    "with <code>tandem unit add NAME</code>.</p>\n");
		page_end(r);
		return 0;
	}
	int base = v[0].depth;
	html_raw(b, "<div class=\"table-wrap\"><table class=\"tree\"><caption class=\"sr-only\">"
		    "Units in tree order; sub-units follow their parent, indented</caption><thead>"
		    "<tr><th scope=\"col\">Unit</th><th scope=\"col\" class=\"num\">People</th>"
		    "<th scope=\"col\" class=\"num\">Sub-units</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < n; i++) {
		int d = v[i].depth - base;
		html_printf(b, "<tr><th scope=\"row\" class=\"d%d\"><a href=\"/units/%lld\">%s</a>"
			       "</th><td class=\"num\">%lld</td><td class=\"num\">%lld</td></tr>\n",
			    d > 8 ? 8 : d, (long long)v[i].id, v[i].name, (long long)v[i].people,
			    (long long)v[i].children);
	}
	html_raw(b, "</tbody></table></div>\n");
	csv_link(b, "/units?");
	page_end(r);
	return 0;
}

/* The unit page; with refused set, the delete button's refusal (r->e)
 * beside it. */
static int render_unit(struct req *r, const struct err *refused)
{
	struct unit u;
	struct unit *all;
	size_t nall;
	if (unit_get(r->db, r->a, r->id, &u, &r->e) || page_units(r, &all, &nall))
		return -1;
	struct person_filter pf = {.unit_id = r->id};
	struct person *people;
	size_t np;
	if (person_list(r->db, r->a, &pf, PF_UNIT, &people, &np, &r->e))
		return -1;
	struct plan_filter lf = {.unit_id = r->id};
	struct plan *plans;
	size_t nplans;
	/* the unit itself passed the access check: its subtree is readable */
	if (plan_list(r->db, r->a, &lf, PLF_UNIT, &plans, &nplans, &r->e))
		return -1;
	page_begin(r, u.name, "units");
	struct buf *b = &r->page;
	html_raw(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/units\">Units</a>");
	if (u.parent_id && unit_in(all, nall, u.parent_id))
		html_printf(b, " › <a href=\"/units/%lld\">%s</a>", (long long)u.parent_id,
			    u.parent_name);
	int writable = may_write(r, K_UNIT, u.id);
	html_printf(b, "</nav>\n<div class=\"title-row\"><h1>%s</h1>", u.name);
	if (writable)
		html_printf(b, "<a class=\"button\" href=\"/units/%lld/edit\">Edit the unit</a>"
			       "<a class=\"button\" href=\"/units/new?parent=%lld\">Add a sub-unit</a>",
			    (long long)u.id, (long long)u.id);
	html_raw(b, "</div>\n");
	html_printf(b, "<dl class=\"facts\"><dt>Part of</dt><dd>%s</dd><dt>People</dt><dd>%lld"
		       "</dd><dt>Sub-units</dt><dd>%lld</dd></dl>\n",
		    u.parent_id ? u.parent_name : "the top of the organization",
		    (long long)u.people, (long long)u.children);

	html_raw(b, "<section aria-labelledby=\"h-sub\"><h2 id=\"h-sub\">Sub-units</h2>\n");
	size_t shown = 0;
	for (size_t i = 0; i < nall; i++) {
		if (all[i].parent_id != u.id)
			continue;
		if (!shown++)
			html_raw(b, "<ul>");
		html_printf(b, "<li><a href=\"/units/%lld\">%s</a> (%lld people)</li>",
			    (long long)all[i].id, all[i].name, (long long)all[i].people);
	}
	if (shown)
		html_raw(b, "</ul>\n");
	else
		html_raw(b, "<p class=\"empty\">No sub-units.</p>\n");
	html_raw(b, "</section>\n");

	html_raw(b, "<section aria-labelledby=\"h-people\"><h2 id=\"h-people\">People</h2>\n");
	shown = 0;
	for (size_t i = 0; i < np; i++) {
		const struct person *p = &people[i];
		if (p->unit_id != u.id)
			continue;
		if (!shown++)
			html_raw(b, "<div class=\"table-wrap\"><table><thead><tr>"
				    "<th scope=\"col\">Name</th><th scope=\"col\">Title</th>"
				    "<th scope=\"col\">Manager</th></tr></thead><tbody>\n");
		html_printf(b, "<tr><td><a href=\"/people/%lld\">%s</a></td><td>%s</td><td>",
			    (long long)p->id, p->name, p->title ? p->title : "");
		person_link(b, p->manager_id, p->manager_name);
		html_raw(b, "</td></tr>\n");
	}
	if (shown)
		html_raw(b, "</tbody></table></div>\n");
	else
		html_raw(b, "<p class=\"empty\">Nobody belongs to this unit directly.</p>\n");
	if (u.people || u.children)
		csv_link_text(b, arena_printf(r->a, "/people?unit=%lld&", (long long)u.id),
			      "Download the people of this unit and its sub-units as CSV");
	html_raw(b, "</section>\n");

	html_raw(b, "<section aria-labelledby=\"h-plans\"><h2 id=\"h-plans\">Plans of this unit "
		    "and its sub-units</h2>\n");
	if (!nplans) {
		html_raw(b, "<p class=\"empty\">No plans yet.");
		if (r->who.role >= ROLE_MANAGER)
			html_raw(b, " <a href=\"/plans/new\">Create the first plan.</a>");
		html_raw(b, "</p>\n");
	} else {
		html_raw(b, "<ul>");
		for (size_t i = 0; i < nplans; i++) {
			html_printf(b, "<li><a href=\"/plans/%lld\">%s</a> ", (long long)plans[i].id,
				    plans[i].name);
			status_badge(b, plans[i].status);
			html_raw(b, "</li>");
		}
		html_raw(b, "</ul>\n");
	}
	html_raw(b, "</section>\n");
	if (staffing_unit_section(r, b, u.id))	/* page_staffing.c */
		return -1;
	if (complexity_section(r, u.id))	/* page_report.c */
		return -1;
	if (writable) {
		html_raw(b, "<section aria-labelledby=\"h-rm\"><h2 id=\"h-rm\">Remove the unit</h2>\n"
			    "<p class=\"hint\">Only a unit without people, plans and sub-units can be "
			    "removed.</p>\n");
		html_printf(b, "<form method=\"post\" action=\"/units/%lld/delete\">", (long long)u.id);
		html_csrf(b, r);
		html_raw(b, "<button type=\"submit\"");
		if (refused)
			html_raw(b, " aria-describedby=\"delete-err\" autofocus");
		html_raw(b, ">Delete the unit</button>");
		if (refused)
			html_printf(b, "<p class=\"error\" id=\"delete-err\" role=\"alert\">%s</p>",
				    refused->msg);
		html_raw(b, "</form>\n</section>\n");
	}
	page_end(r);
	return 0;
}

int unit_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}))
		return -1;
	return render_unit(r, NULL);
}

int unit_delete_page(struct req *r)
{
	struct unit u;
	if (unit_get(r->db, r->a, r->id, &u, &r->e))
		return -1;
	if (unit_rm(r->db, r->id, &r->e)) {
		if (form_failed(r))
			return -1;
		struct err refused = r->e;
		int status = r->status;
		err_clear(&r->e);
		if (render_unit(r, &refused))
			return -1;
		r->status = status;
		return 0;
	}
	if (u.parent_id && may_write(r, K_UNIT, u.parent_id))
		return page_redirect(r, "/units/%lld", (long long)u.parent_id);
	return page_redirect(r, "/units");
}

/* --- the unit form ---------------------------------------------------------- */

struct unit_vals {
	const char *name, *parent_id;
};

/* The form to create a unit (unit_id 0) or to change one. The parent
 * select lists the units the actor may read, without the unit's own
 * subtree; "none (top level)" is an admin's. A manager's own top unit
 * has a parent they cannot see: it is renamed, not moved. */
static int unit_form(struct req *r, const char *title, const struct unit_vals *v,
		     int64_t unit_id)
{
	struct unit *all;
	size_t n;
	if (page_units(r, &all, &n))
		return -1;
	int admin = r->who.role == ROLE_ADMIN;
	int movable = 1;
	if (unit_id) {
		struct unit u;
		if (unit_get(r->db, r->a, unit_id, &u, &r->e))
			return -1;
		movable = admin || (u.parent_id && unit_in(all, n, u.parent_id));
		/* drop the unit and its subtree (a run of deeper rows) */
		for (size_t i = 0; i < n; i++) {
			if (all[i].id != unit_id)
				continue;
			size_t j = i + 1;
			while (j < n && all[j].depth > all[i].depth)
				j++;
			memmove(&all[i], &all[j], (n - j) * sizeof *all);
			n -= j - i;
			break;
		}
	}
	size_t no = 0;
	struct option *uo = unit_options(r, all, n, admin ? "" : NULL, "none (top level)", &no);
	if (!uo)
		return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	page_begin(r, title, "units");
	struct buf *b = &r->page;
	html_raw(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/units\">Units</a>");
	if (unit_id)
		html_printf(b, " › <a href=\"/units/%lld\">Unit %lld</a>", (long long)unit_id,
			    (long long)unit_id);
	html_printf(b, "</nav>\n<h1>%s</h1>\n", title);
	html_form_error(b, &r->e, 1);
	if (unit_id)
		html_printf(b, "<form method=\"post\" action=\"/units/%lld\" class=\"stack\" "
			       "novalidate>\n", (long long)unit_id);
	else
		html_raw(b, "<form method=\"post\" action=\"/units\" class=\"stack\" novalidate>\n");
	html_csrf(b, r);
	html_input(b, &(struct input){.name = "name", .label = "Name", .value = v->name,
				      .required = 1, .maxlength = 200}, &r->e);
	if (movable)
		html_select(b, &(struct select){.name = "parent_id", .label = "Part of",
						.options = uo, .n = no,
						.selected = v->parent_id ? v->parent_id : "",
						.required = !admin,
						.hint = "The unit it belongs to."}, &r->e);
	else
		html_raw(b, "<p class=\"hint\">This is the top of your units: an administrator "
			    "moves it.</p>\n");
	html_printf(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">%s</button> "
		       "<a href=\"%s\">Cancel</a></div>\n</form>\n",
		    unit_id ? "Save the unit" : "Create the unit",
		    unit_id ? arena_printf(r->a, "/units/%lld", (long long)unit_id) : "/units");
	page_end(r);
	return 0;
}

struct unit_new_q {
	int64_t parent;
};
static const struct field unit_new_q_fields[] = {
	{.name = "parent", .type = FT_ID, .offset = offsetof(struct unit_new_q, parent), .bit = 1},
	{0},
};

int unit_new_page(struct req *r)
{
	struct unit_new_q q = {0};
	unsigned set = 0;
	if (page_query(r, unit_new_q_fields, &q, &set) || may_create(r, "units"))
		return -1;
	struct unit_vals v = {.parent_id = input_id(r, q.parent ? q.parent : r->who.unit_id)};
	return unit_form(r, "New unit", &v, 0);
}

int unit_create_page(struct req *r)
{
	struct unit_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (form_fill(&r->form, unit_fields, &in, &set, &r->e) ||
	    unit_add(r->db, &in, set, &id, &r->e)) {
		if (form_failed(r))
			return -1;
		struct unit_vals v = {form_get(&r->form, "name"), form_get(&r->form, "parent_id")};
		return unit_form(r, "New unit", &v, 0);
	}
	return page_redirect(r, "/units/%lld", (long long)id);
}

int unit_edit_page(struct req *r)
{
	struct unit u;
	if (page_query(r, NULL, NULL, &(unsigned){0}) || unit_get(r->db, r->a, r->id, &u, &r->e))
		return -1;
	struct unit_vals v = {u.name, input_id(r, u.parent_id)};
	return unit_form(r, arena_printf(r->a, "Edit %s", u.name), &v, r->id);
}

int unit_update_page(struct req *r)
{
	struct unit_input in = {0};
	unsigned set = 0;
	if (form_fill_edit(&r->form, unit_fields, &in, &set, &r->e) ||
	    unit_set(r->db, r->id, &in, set, &r->e)) {
		if (form_failed(r))
			return -1;
		struct unit_vals v = {form_get(&r->form, "name"), form_get(&r->form, "parent_id")};
		return unit_form(r, "Edit the unit", &v, r->id);
	}
	return page_redirect(r, "/units/%lld", (long long)r->id);
}

/* --- people -------------------------------------------------------------- */

struct people_q {
	struct listq l;
	const char *unit;	/* "all" or a unit id */
};
static const struct field people_q_fields[] = {
	{.name = "unit", .type = FT_TEXT, .offset = offsetof(struct people_q, unit), .bit = 1,
	 .max = 20},
	LIST_FIELDS(struct people_q),
	{0},
};

static int cmp_text(const char *a, const char *b)
{
	return strcasecmp(a ? a : "", b ? b : "");
}

static int cmp_person_name(const void *a, const void *b)
{
	const struct person *x = a, *y = b;
	int c = cmp_text(x->name, y->name);
	return c ? c : (x->id > y->id) - (x->id < y->id);
}

static int cmp_person_unit(const void *a, const void *b)
{
	const struct person *x = a, *y = b;
	int c = cmp_text(x->unit_name, y->unit_name);
	return c ? c : cmp_person_name(a, b);
}

static int cmp_person_title(const void *a, const void *b)
{
	const struct person *x = a, *y = b;
	int c = cmp_text(x->title, y->title);
	return c ? c : cmp_person_name(a, b);
}

/* A unit filter value: "all" (0) or a unit id; -1 if neither. */
static int64_t parse_unit(const char *s)
{
	int64_t v;
	if (!s || strcmp(s, "all") == 0)
		return 0;
	if (field_parse_int(s, &v) || v <= 0)
		return -1;
	return v;
}

int people_page(struct req *r)
{
	struct people_q q = {0};
	unsigned set = 0;
	if (list_query(r, people_q_fields, &q, &set, "name"))
		return -1;
	int64_t unit = parse_unit(q.unit);
	if (unit < 0)
		return err_set(&r->e, ERR_BAD_INPUT, "unit", "unit: must be all or a unit id");
	struct unit *units;
	size_t nunits;
	if (page_units(r, &units, &nunits))
		return -1;
	struct person_filter f = {.unit_id = unit};
	struct person *v;
	size_t n;
	unsigned pset = unit ? PF_UNIT : 0;
	if (api_scope(r, &f.unit_id, &pset, PF_UNIT) ||
	    person_list(r->db, r->a, &f, pset, &v, &n, &r->e))
		return -1;
	int (*cmp)(const void *, const void *) = cmp_person_name;
	if (strcmp(q.l.sort, "unit") == 0)
		cmp = cmp_person_unit;
	else if (strcmp(q.l.sort, "title") == 0)
		cmp = cmp_person_title;
	else
		q.l.sort = "name";
	qsort(v, n, sizeof *v, cmp);
	if (is_csv(&q.l)) {
		struct csv c = page_csv(r, "people.csv");
		static const char *const head[] = {"id", "name", "email", "unit_id", "unit",
						   "title", "manager_id", "manager", "rate",
						   "capacity_hours"};
		csv_header(&c, head, sizeof head / sizeof head[0]);
		for (size_t i = 0; i < n; i++) {
			csv_int(&c, v[i].id);
			csv_text(&c, v[i].name);
			csv_text(&c, v[i].email);
			csv_int(&c, v[i].unit_id);
			csv_text(&c, v[i].unit_name);
			csv_text(&c, v[i].title);
			csv_id(&c, v[i].manager_id);
			csv_text(&c, v[i].manager_name);
			csv_money(&c, v[i].rate_cents);
			csv_hours(&c, v[i].capacity_minutes);
			csv_end(&c);
		}
		return 0;
	}
	struct buf base = BUF_INIT;
	buf_puts(&base, "/people?");
	if (unit)
		qs_add_int(&base, "unit", unit);
	struct buf sorted = BUF_INIT;
	buf_puts(&sorted, buf_str(&base));
	qs_add(&sorted, "sort", q.l.sort);

	page_begin(r, "People", "people");
	struct buf *b = &r->page;
	html_raw(b, "<div class=\"title-row\"><h1>People</h1>");
	if (r->who.role >= ROLE_MANAGER)
		html_raw(b, "<a class=\"button primary\" href=\"/people/new\">New person</a>");
	html_raw(b, "</div>\n");
	size_t nopt;
	struct option *opts = unit_options(r, units, nunits, "all", "All units", &nopt);
	html_raw(b, "<form method=\"get\" action=\"/people\" class=\"filters\">");
	html_select(b, &(struct select){.name = "unit", .label = "Unit (with its sub-units)",
					.options = opts, .n = opts ? nopt : 0,
					.selected = q.unit ? q.unit : "all"}, NULL);
	html_printf(b, "<input type=\"hidden\" name=\"sort\" value=\"%s\">"
		       "<button type=\"submit\">Filter</button></form>\n", q.l.sort);
	if (!n) {
		html_raw(b, "<p class=\"empty\">Nobody here yet. Managers add people with "
			    "<strong>New person</strong>; an administrator can also import them.</p>\n");
	} else {
		size_t first, last;
		int64_t pages = page_slice((int64_t)n, q.l.page, &first, &last);
		html_printf(b, "<p class=\"count\">%zu %s</p>\n", n, n == 1 ? "person" : "people");
		html_raw(b, "<div class=\"table-wrap\"><table><thead><tr>");
		sort_th(b, "Name", "name", q.l.sort, buf_str(&base));
		sort_th(b, "Unit", "unit", q.l.sort, buf_str(&base));
		sort_th(b, "Title", "title", q.l.sort, buf_str(&base));
		html_raw(b, "<th scope=\"col\">Manager</th><th scope=\"col\" class=\"num\">Capacity "
			    "(h/week)</th></tr></thead><tbody>\n");
		for (size_t i = first; i < last; i++) {
			const struct person *p = &v[i];
			html_printf(b, "<tr><td><a href=\"/people/%lld\">%s</a></td>"
				       "<td><a href=\"/units/%lld\">%s</a></td><td>%s</td><td>",
				    (long long)p->id, p->name, (long long)p->unit_id, p->unit_name,
				    p->title ? p->title : "");
			person_link(b, p->manager_id, p->manager_name);
			html_raw(b, "</td><td class=\"num\">");
			html_hours(b, p->capacity_minutes);
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

int person_page(struct req *r)
{
	struct person p;
	if (page_query(r, NULL, NULL, &(unsigned){0}) ||
	    person_get(r->db, r->a, r->id, &p, &r->e))
		return -1;
	struct person_filter rf = {.manager_id = p.id};
	struct person *reports;
	size_t nrep;
	unsigned rset = PF_MANAGER;
	if (api_scope(r, &rf.unit_id, &rset, PF_UNIT) ||
	    person_list(r->db, r->a, &rf, rset, &reports, &nrep, &r->e))
		return -1;
	struct step_filter sf = {.assignee_id = p.id};
	struct step *steps;
	size_t ns;
	unsigned sset = SF_ASSIGNEE;
	if (api_scope(r, &sf.unit_id, &sset, SF_UNIT) ||
	    step_list(r->db, r->a, &sf, sset, &steps, &ns, &r->e))
		return -1;
	page_begin(r, p.name, "people");
	struct buf *b = &r->page;
	html_printf(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/people\">People"
		       "</a> › <a href=\"/units/%lld\">%s</a></nav>\n<div class=\"title-row\">"
		       "<h1>%s</h1>", (long long)p.unit_id, p.unit_name, p.name);
	if (may_write(r, K_PERSON, p.id))
		html_printf(b, "<a class=\"button\" href=\"/people/%lld/edit\">Edit the person</a>",
			    (long long)p.id);
	html_raw(b, "</div>\n");
	html_printf(b, "<dl class=\"facts\"><dt>Title</dt><dd>%s</dd><dt>Email</dt><dd>%s</dd>"
		       "<dt>Unit</dt><dd><a href=\"/units/%lld\">%s</a></dd><dt>Manager</dt><dd>",
		    p.title && *p.title ? p.title : "—", p.email, (long long)p.unit_id, p.unit_name);
	person_link(b, p.manager_id, p.manager_name);
	html_raw(b, "</dd><dt>Capacity</dt><dd>");
	html_hours(b, p.capacity_minutes);
	html_raw(b, " h a week</dd><dt>Cost rate</dt><dd>");
	html_money(b, p.rate_cents);
	html_raw(b, " an hour</dd></dl>\n");
	if (p.id == r->who.person_id)
		html_raw(b, "<p><a class=\"button\" href=\"/time\">Your timesheet</a></p>\n");
	else if (r->who.role >= ROLE_MANAGER)
		html_printf(b, "<p><a href=\"/time?person=%lld\">Timesheet of %s</a></p>\n",
			    (long long)p.id, p.name);

	html_raw(b, "<section aria-labelledby=\"h-rep\"><h2 id=\"h-rep\">Direct reports</h2>\n");
	if (!nrep) {
		html_raw(b, "<p class=\"empty\">No direct reports.</p>\n");
	} else {
		html_raw(b, "<ul>");
		for (size_t i = 0; i < nrep; i++)
			html_printf(b, "<li><a href=\"/people/%lld\">%s</a>%s%s</li>",
				    (long long)reports[i].id, reports[i].name,
				    reports[i].title && *reports[i].title ? ", " : "",
				    reports[i].title ? reports[i].title : "");
		html_raw(b, "</ul>\n");
	}
	html_raw(b, "</section>\n<section aria-labelledby=\"h-st\"><h2 id=\"h-st\">Steps assigned"
		    "</h2>\n");
	if (!ns) {
		html_raw(b, "<p class=\"empty\">No steps are assigned to this person.</p>\n");
	} else {
		html_raw(b, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Step</th>"
			    "<th scope=\"col\">Status</th><th scope=\"col\">Due</th></tr></thead>"
			    "<tbody>\n");
		for (size_t i = 0; i < ns; i++) {
			html_printf(b, "<tr><td><a href=\"/steps/%lld\">%s</a></td><td>",
				    (long long)steps[i].id, steps[i].name);
			status_badge(b, steps[i].status);
			html_printf(b, "</td><td>%s</td></tr>\n", steps[i].due ? steps[i].due : "—");
		}
		html_raw(b, "</tbody></table></div>\n");
		csv_link(b, arena_printf(r->a, "/steps?assignee=%lld&status=all&", (long long)p.id));
	}
	html_raw(b, "</section>\n");
	if (staffing_person_section(r, b, p.id))	/* page_staffing.c */
		return -1;
	page_end(r);
	return 0;
}

/* --- the person form --------------------------------------------------------- */

struct person_vals {
	const char *name, *email, *unit_id, *manager_id, *title, *rate, *capacity_hours;
};

static void person_vals_from_form(const struct form *f, struct person_vals *v)
{
	v->name = form_get(f, "name");
	v->email = form_get(f, "email");
	v->unit_id = form_get(f, "unit_id");
	v->manager_id = form_get(f, "manager_id");
	v->title = form_get(f, "title");
	v->rate = form_get(f, "rate");
	v->capacity_hours = form_get(f, "capacity_hours");
}

static int person_form(struct req *r, const char *title, const struct person_vals *v,
		       int64_t person_id)
{
	struct unit *units;
	size_t nunits, nu, np;
	if (page_units(r, &units, &nunits))
		return -1;
	struct option *uo = unit_options(r, units, nunits, NULL, NULL, &nu);
	struct option *po = people_options_keep(r, "", "No one", v->manager_id, &np);
	if (!uo || !po)
		return r->e.status ? -1 : err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	page_begin(r, title, "people");
	struct buf *b = &r->page;
	html_raw(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/people\">People</a>");
	if (person_id)
		html_printf(b, " › <a href=\"/people/%lld\">Person %lld</a>", (long long)person_id,
			    (long long)person_id);
	html_printf(b, "</nav>\n<h1>%s</h1>\n", title);
	html_form_error(b, &r->e, 1);
	if (person_id)
		html_printf(b, "<form method=\"post\" action=\"/people/%lld\" class=\"stack\" "
			       "novalidate>\n", (long long)person_id);
	else
		html_raw(b, "<form method=\"post\" action=\"/people\" class=\"stack\" novalidate>\n");
	html_csrf(b, r);
	html_input(b, &(struct input){.name = "name", .label = "Name", .value = v->name,
				      .required = 1, .maxlength = 200, .autocomplete = "off"}, &r->e);
	html_input(b, &(struct input){.name = "email", .label = "Email", .type = "email",
				      .value = v->email, .required = 1, .maxlength = 254,
				      .autocomplete = "off",
				      .hint = "Also the login of their account."}, &r->e);
	html_select(b, &(struct select){.name = "unit_id", .label = "Unit", .options = uo, .n = nu,
					.selected = v->unit_id, .required = 1}, &r->e);
	html_select(b, &(struct select){.name = "manager_id", .label = "Manager", .options = po,
					.n = np, .selected = v->manager_id ? v->manager_id : ""},
		    &r->e);
	html_input(b, &(struct input){.name = "title", .label = "Job title", .value = v->title,
				      .maxlength = 200}, &r->e);
	html_input(b, &(struct input){.name = "rate", .label = "Cost rate (an hour)",
				      .type = "number", .step = "0.01", .min = "0", .value = v->rate,
				      .hint = "An amount such as 85.50; 0 when left empty."}, &r->e);
	html_input(b, &(struct input){.name = "capacity_hours", .label = "Capacity (hours a week)",
				      .type = "number", .step = "0.25", .min = "0",
				      .value = v->capacity_hours,
				      .hint = "40 when left empty."}, &r->e);
	html_printf(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">%s</button> "
		       "<a href=\"%s\">Cancel</a></div>\n</form>\n",
		    person_id ? "Save the person" : "Add the person",
		    person_id ? arena_printf(r->a, "/people/%lld", (long long)person_id) : "/people");
	page_end(r);
	return 0;
}

struct person_new_q {
	int64_t unit;
};
static const struct field person_new_q_fields[] = {
	{.name = "unit", .type = FT_ID, .offset = offsetof(struct person_new_q, unit), .bit = 1},
	{0},
};

int person_new_page(struct req *r)
{
	struct person_new_q q = {0};
	unsigned set = 0;
	if (page_query(r, person_new_q_fields, &q, &set) || may_create(r, "people"))
		return -1;
	struct person_vals v = {.unit_id = input_id(r, q.unit ? q.unit : r->who.unit_id),
				.capacity_hours = "40"};
	return person_form(r, "New person", &v, 0);
}

int person_create_page(struct req *r)
{
	struct person_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (form_fill(&r->form, person_fields, &in, &set, &r->e) ||
	    person_add(r->db, &in, set, &id, &r->e)) {
		if (form_failed(r))
			return -1;
		struct person_vals v;
		person_vals_from_form(&r->form, &v);
		return person_form(r, "New person", &v, 0);
	}
	return page_redirect(r, "/people/%lld", (long long)id);
}

int person_edit_page(struct req *r)
{
	struct person p;
	if (page_query(r, NULL, NULL, &(unsigned){0}) ||
	    person_get(r->db, r->a, r->id, &p, &r->e))
		return -1;
	struct person_vals v = {.name = p.name, .email = p.email,
				.unit_id = input_id(r, p.unit_id),
				.manager_id = input_id(r, p.manager_id), .title = p.title,
				.rate = input_money(r, p.rate_cents),
				.capacity_hours = input_hours(r, p.capacity_minutes)};
	return person_form(r, arena_printf(r->a, "Edit %s", p.name), &v, r->id);
}

int person_update_page(struct req *r)
{
	struct person_input in = {0};
	unsigned set = 0;
	if (form_fill_edit(&r->form, person_fields, &in, &set, &r->e) ||
	    person_set(r->db, r->id, &in, set, &r->e)) {
		if (form_failed(r))
			return -1;
		struct person_vals v;
		person_vals_from_form(&r->form, &v);
		return person_form(r, "Edit the person", &v, r->id);
	}
	return page_redirect(r, "/people/%lld", (long long)r->id);
}
