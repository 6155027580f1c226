/* page_coalition: guiding coalitions (/coalitions, /coalitions/:id: the
 * members with their attributes, the four attributes as a checklist, the
 * affected units covered or not; its edit form /coalitions/:id/edit), the
 * organization's values (/values, with the admins' forms: add, and edit
 * or remove each value) and the signed-in person's coaching notes
 * (/notes, grouped by the other person, with a form to write to their
 * manager or one of their reports). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lead/coalition.h"
#include "lead/note.h"
#include "lead/value.h"
#include "web/page.h"

/* --- the list ------------------------------------------------------------- */

struct coalitions_q {
	struct listq l;
};
static const struct field coalitions_q_fields[] = {
	LIST_FIELDS(struct coalitions_q),
	{0},
};

static int cmp_name(const void *a, const void *b)
{
	const struct coalition *x = a, *y = b;
	int c = strcasecmp(x->name, y->name);
	return c ? c : (x->id > y->id) - (x->id < y->id);
}
static int cmp_members(const void *a, const void *b)
{
	const struct coalition *x = a, *y = b;
	if (x->members != y->members)
		return x->members > y->members ? -1 : 1;	/* largest first */
	return cmp_name(a, b);
}

static const char *const attr_names[] = {"position power", "expertise", "credibility",
					 "leadership"};

static void coverage_flags(const struct coalition_coverage *cv, int has[4])
{
	has[0] = cv->has_power;
	has[1] = cv->has_expertise;
	has[2] = cv->has_credibility;
	has[3] = cv->has_leadership;
}

/* The form that adds a coalition, for managers and admins. */
static int coalition_form(struct req *r)
{
	struct unit *units;
	size_t nu, no = 0, ns = 0;
	struct coalition_strategy *strategies;
	int64_t scope = 0;
	unsigned sset = 0;
	if (page_units(r, &units, &nu) || api_scope(r, &scope, &sset, 1u) ||
	    coalition_strategies(r->db, r->a, scope, sset != 0, &strategies, &ns, &r->e))
		return -1;
	int admin = r->who.role == ROLE_ADMIN;
	struct option *uo = unit_options(r, units, nu, admin ? "" : NULL,
					 "The whole organization", &no);
	struct option *so = arena_alloc(r->a, (ns + 1) * sizeof *so);
	if (!uo || !so)
		return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	so[0] = (struct option){"", "None"};
	for (size_t i = 0; i < ns; i++)
		so[i + 1] = (struct option){arena_printf(r->a, "%lld", (long long)strategies[i].id),
					    strategies[i].name};
	struct buf *b = &r->page;
	html_raw(b, "<h2>New coalition</h2>\n");
	html_form_error(b, &r->e, 1);
	html_raw(b, "<form method=\"post\" action=\"/coalitions\" class=\"stack\" novalidate>\n");
	html_csrf(b, r);
	html_input(b, &(struct input){.name = "name", .label = "Name", .required = 1,
				      .maxlength = 200, .value = form_get(&r->form, "name")}, &r->e);
	html_input(b, &(struct input){.name = "purpose", .label = "Purpose", .maxlength = 4000,
				      .value = form_get(&r->form, "purpose")}, &r->e);
	html_select(b, &(struct select){.name = "unit_id", .label = "Unit", .options = uo,
					.n = no, .selected = form_get(&r->form, "unit_id"),
					.hint = "The unit it belongs to; its managers change it."},
		    &r->e);
	html_select(b, &(struct select){.name = "strategy_id", .label = "Strategy", .options = so,
					.n = ns + 1,
					.selected = form_get(&r->form, "strategy_id")}, &r->e);
	html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Add the "
		    "coalition</button></div>\n</form>\n");
	return 0;
}

int coalitions_page(struct req *r)
{
	struct coalitions_q q = {0};
	unsigned set = 0;
	if (list_query(r, coalitions_q_fields, &q, &set, "name"))
		return -1;
	struct coalition_filter f = {0};
	unsigned fset = 0;
	struct coalition *v;
	size_t n;
	if (api_scope(r, &f.unit_id, &fset, COF_UNIT) ||
	    coalition_list(r->db, r->a, &f, fset, &v, &n, &r->e))
		return -1;
	if (strcmp(q.l.sort, "members") == 0) {
		if (n)
			qsort(v, n, sizeof *v, cmp_members);
	} else {
		q.l.sort = "name";
		if (n)
			qsort(v, n, sizeof *v, cmp_name);
	}
	struct coalition_coverage *cv = n ? arena_alloc(r->a, n * sizeof *cv) : NULL;
	if (n && !cv)
		return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	for (size_t i = 0; i < n; i++)
		if (coalition_coverage(r->db, v[i].id, &cv[i], &r->e))
			return -1;
	if (is_csv(&q.l)) {
		struct csv c = page_csv(r, "coalitions.csv");
		static const char *const head[] = {"id", "name", "unit_id", "unit", "strategy_id",
						   "strategy", "members", "units", "levels",
						   "missing"};
		csv_header(&c, head, sizeof head / sizeof head[0]);
		for (size_t i = 0; i < n; i++) {
			int has[4];
			coverage_flags(&cv[i], has);
			struct buf miss = BUF_INIT;
			for (int k = 0; k < 4; k++)
				if (!has[k])
					buf_printf(&miss, "%s%s", miss.len ? "; " : "", attr_names[k]);
			csv_int(&c, v[i].id);
			csv_text(&c, v[i].name);
			csv_id(&c, v[i].unit_id);
			csv_text(&c, v[i].unit);
			csv_id(&c, v[i].strategy_id);
			csv_text(&c, v[i].strategy);
			csv_int(&c, cv[i].members);
			csv_int(&c, cv[i].units);
			csv_int(&c, cv[i].levels);
			csv_text(&c, buf_str(&miss));
			csv_end(&c);
			buf_free(&miss);
		}
		return 0;
	}
	struct buf sorted = BUF_INIT;
	buf_puts(&sorted, "/coalitions?");
	qs_add(&sorted, "sort", q.l.sort);
	page_begin(r, "Guiding coalitions", "lead");
	struct buf *b = &r->page;
	html_raw(b, "<div class=\"title-row\"><h1>Guiding coalitions</h1></div>\n<p class=\"lead\">"
		    "The groups that lead each change: enough position power, expertise, "
		    "credibility and leadership, drawn from across the organization.</p>\n");
	if (!n) {
		html_raw(b, "<p class=\"empty\">No coalitions yet. Managers and admins add "
			    "them.</p>\n");
	} else {
		size_t first, last;
		int64_t pages = page_slice((int64_t)n, q.l.page, &first, &last);
		html_printf(b, "<p class=\"count\">%zu coalition%s</p>\n<div class=\"table-wrap\">"
			       "<table><thead><tr>", n, n == 1 ? "" : "s");
		sort_th(b, "Coalition", "name", q.l.sort, "/coalitions?");
		html_raw(b, "<th scope=\"col\">Unit</th><th scope=\"col\">Strategy</th>");
		sort_th(b, "Members", "members", q.l.sort, "/coalitions?");
		html_raw(b, "<th scope=\"col\">Units</th><th scope=\"col\">Missing</th>"
			    "</tr></thead><tbody>\n");
		for (size_t i = first; i < last; i++) {
			int has[4];
			coverage_flags(&cv[i], has);
			html_printf(b, "<tr><td><a href=\"/coalitions/%lld\">%s</a></td><td>%s</td><td>",
				    (long long)v[i].id, v[i].name,
				    v[i].unit ? v[i].unit : "The organization");
			if (v[i].strategy)
				html_printf(b, "%s", v[i].strategy);
			else
				html_raw(b, "<span class=\"none\">—</span>");
			html_printf(b, "</td><td class=\"num\">%lld</td><td class=\"num\">%lld "
				       "over %d level%s</td><td>", (long long)cv[i].members,
				    (long long)cv[i].units, cv[i].levels, cv[i].levels == 1 ? "" : "s");
			int any = 0;
			for (int k = 0; k < 4; k++)
				if (!has[k])
					html_printf(b, "%s<span class=\"coal-missing\">%s</span>",
						    any++ ? ", " : "", attr_names[k]);
			if (!any)
				html_raw(b, "<span class=\"coal-met\">none</span>");
			html_raw(b, "</td></tr>\n");
		}
		html_raw(b, "</tbody></table></div>\n");
		html_pager(b, buf_str(&sorted), q.l.page > pages ? pages : q.l.page, pages);
		csv_link(b, buf_str(&sorted));
	}
	buf_free(&sorted);
	if (r->who.role >= ROLE_MANAGER && coalition_form(r))
		return -1;
	page_end(r);
	return 0;
}

int coalition_create_page(struct req *r)
{
	struct coalition_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (form_fill(&r->form, coalition_fields, &in, &set, &r->e) ||
	    coalition_add(r->db, &in, set, &id, &r->e)) {
		if (form_failed(r))
			return -1;
		struct err keep = r->e;
		int status = r->status;
		int ret = coalitions_page(r);
		r->e = keep;
		r->status = status;
		return ret;
	}
	return page_redirect(r, "/coalitions/%lld", (long long)id);
}

int coalition_delete_page(struct req *r)
{
	if (coalition_rm(r->db, r->id, &r->e))
		return -1;
	return page_redirect(r, "/coalitions");
}

/* --- a coalition ---------------------------------------------------------- */

static int coalition_render(struct req *r, int64_t id)
{
	struct coalition c;
	struct coalition_member *m;
	struct coalition_reach *reach;
	struct coalition_coverage cv;
	struct coalition_unit *u;
	size_t nm, nr, nu;
	if (coalition_get(r->db, r->a, id, &c, &r->e) ||
	    coalition_members(r->db, r->a, id, &m, &nm, &r->e) ||
	    coalition_units(r->db, r->a, id, &u, &nu, &r->e) ||
	    coalition_coverage(r->db, id, &cv, &r->e) ||
	    coalition_reach(r->db, r->a, id, &reach, &nr, &r->e))
		return -1;
	int writable = may_write(r, K_COALITION, id);
	page_begin(r, c.name, "lead");
	struct buf *b = &r->page;
	html_printf(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/coalitions\">"
		       "Guiding coalitions</a></nav>\n<div class=\"title-row\"><h1>%s</h1>", c.name);
	if (writable) {
		html_printf(b, "<a class=\"button\" href=\"/coalitions/%lld/edit\">Edit the "
			       "coalition</a> ", (long long)id);
		html_printf(b, "<form method=\"post\" action=\"/coalitions/%lld/delete\">",
			    (long long)id);
		html_csrf(b, r);
		html_raw(b, "<button type=\"submit\">Remove the coalition</button></form>");
	}
	html_raw(b, "</div>\n");
	if (c.purpose[0])
		html_printf(b, "<p class=\"lead\">%s</p>\n", c.purpose);
	html_printf(b, "<dl class=\"facts\"><dt>Unit</dt><dd>%s</dd><dt>Strategy</dt><dd>",
		    c.unit ? c.unit : "The whole organization");
	if (c.strategy)
		html_printf(b, "%s", c.strategy);
	else
		html_raw(b, "<span class=\"none\">none</span>");
	html_printf(b, "</dd><dt>Members</dt><dd>%lld from %lld unit%s, over %d level%s of the "
		       "organization</dd></dl>\n", (long long)cv.members, (long long)cv.units,
		    cv.units == 1 ? "" : "s", cv.levels, cv.levels == 1 ? "" : "s");
	if (nu) {
		html_raw(b, "<p>Members come from ");
		for (size_t i = 0; i < nu; i++)
			html_printf(b, "%s<a href=\"/units/%lld\">%s</a> (%lld)",
				    i == 0 ? "" : i + 1 == nu ? " and " : ", ", (long long)u[i].unit_id,
				    u[i].unit, (long long)u[i].members);
		html_raw(b, ".</p>\n");
	}

	int has[4];
	coverage_flags(&cv, has);
	html_raw(b, "<h2>What a guiding coalition needs</h2>\n<ul class=\"coal-checklist\">");
	for (int k = 0; k < 4; k++)
		html_printf(b, "<li class=\"%s\">%s: %s</li>", has[k] ? "coal-met" : "coal-missing",
			    attr_names[k], has[k] ? "met" : "missing");
	html_raw(b, "</ul>\n<h2>Units affected</h2>\n");
	if (!nr) {
		html_raw(b, "<p class=\"empty\">No units yet.</p>\n");
	} else {
		html_raw(b, "<ul class=\"coal-units\">");
		for (size_t i = 0; i < nr; i++)
			html_printf(b, "<li class=\"%s\"><a href=\"/units/%lld\">%s</a>: %s</li>",
				    reach[i].covered ? "coal-met" : "coal-missing",
				    (long long)reach[i].unit_id, reach[i].unit,
				    reach[i].covered ? "a member comes from it"
						     : "no member from it");
		html_raw(b, "</ul>\n");
	}

	html_raw(b, "<h2>Members</h2>\n");
	if (!nm) {
		html_raw(b, "<p class=\"empty\">No members yet.</p>\n");
	} else {
		html_raw(b, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Person"
			    "</th><th scope=\"col\">Unit</th><th scope=\"col\">Position power</th>"
			    "<th scope=\"col\">Expertise</th><th scope=\"col\">Credibility</th>"
			    "<th scope=\"col\">Leadership</th>");
		if (writable)
			html_raw(b, "<th scope=\"col\"><span class=\"visually-hidden\">Remove</span>"
				    "</th>");
		html_raw(b, "</tr></thead><tbody>\n");
		for (size_t i = 0; i < nm; i++) {
			int a[4] = {m[i].position_power, m[i].expertise, m[i].credibility,
				    m[i].leadership};
			html_raw(b, "<tr><td>");
			person_link(b, m[i].person_id, m[i].name);
			html_printf(b, "</td><td>%s</td>", m[i].unit);
			for (int k = 0; k < 4; k++)
				html_printf(b, "<td>%s</td>", a[k] ? "yes" : "—");
			if (writable) {
				html_printf(b, "<td><form method=\"post\" action=\"/coalitions/%lld/"
					       "members/%lld/delete\">", (long long)id,
					    (long long)m[i].person_id);
				html_csrf(b, r);
				html_printf(b, "<button type=\"submit\">Remove %s</button></form></td>",
					    m[i].name);
			}
			html_raw(b, "</tr>\n");
		}
		html_raw(b, "</tbody></table></div>\n");
	}
	if (writable) {
		size_t np = 0;
		struct option *po = people_options(r, NULL, NULL, &np);
		if (!po)
			return -1;
		html_raw(b, "<h2>Add a member, or change one's attributes</h2>\n");
		html_form_error(b, &r->e, 1);
		html_printf(b, "<form method=\"post\" action=\"/coalitions/%lld/members\" "
			       "class=\"stack\" novalidate>\n", (long long)id);
		html_csrf(b, r);
		html_select(b, &(struct select){.name = "person_id", .label = "Person",
						.options = po, .n = np, .required = 1,
						.selected = form_get(&r->form, "person_id")},
			    &r->e);
		html_raw(b, "<fieldset><legend>Brings</legend>");
		static const char *const keys[] = {"position_power", "expertise", "credibility",
						   "leadership"};
		for (int k = 0; k < 4; k++)
			html_printf(b, "<label><input type=\"checkbox\" name=\"%s\" value=\"1\"> %s"
				       "</label> ", keys[k], attr_names[k]);
		html_raw(b, "</fieldset><div class=\"actions\"><button type=\"submit\" "
			    "class=\"primary\">Save the member</button></div>\n</form>\n");
	}
	page_end(r);
	return 0;
}

int coalition_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}))
		return -1;
	return coalition_render(r, r->id);
}

int coalition_member_page(struct req *r)
{
	struct coalition_member_input in = {0};
	unsigned set = 0;
	int added;
	int rc = form_fill(&r->form, coalition_leave_fields, &in, &set, &r->e);
	if (rc == 0) {
		/* a checkbox left empty is not sent: each attribute is what the
		 * form shows */
		in.position_power = form_get(&r->form, "position_power") != NULL;
		in.expertise = form_get(&r->form, "expertise") != NULL;
		in.credibility = form_get(&r->form, "credibility") != NULL;
		in.leadership = form_get(&r->form, "leadership") != NULL;
		set |= CM_POWER | CM_EXPERTISE | CM_CREDIBILITY | CM_LEADERSHIP;
		rc = coalition_join(r->db, r->id, &in, set, &added, &r->e);
	}
	if (rc) {
		if (form_failed(r))
			return -1;
		struct err keep = r->e;
		int status = r->status;
		int ret = coalition_render(r, r->id);
		r->e = keep;
		r->status = status;
		return ret;
	}
	return page_redirect(r, "/coalitions/%lld", (long long)r->id);
}

int coalition_member_delete_page(struct req *r)
{
	if (coalition_leave(r->db, r->id, r->id2, &r->e))
		return -1;
	return page_redirect(r, "/coalitions/%lld", (long long)r->id);
}

/* --- the edit form ----------------------------------------------------------- */

struct coalition_vals {
	const char *name, *purpose, *unit_id, *strategy_id;
};

/* The edit form of coalition id with v in its inputs and r->e beside
 * the field it names. The strategies offered are those coalition_strategies
 * gives the actor's scope, and the current one even when outside it. */
static int coalition_edit_form(struct req *r, int64_t id, const char *title,
			       const struct coalition_vals *v)
{
	struct unit *units;
	size_t nu, no = 0, ns = 0;
	struct coalition_strategy *strategies;
	int64_t scope = 0;
	unsigned sset = 0;
	if (page_units(r, &units, &nu) || api_scope(r, &scope, &sset, 1u) ||
	    coalition_strategies(r->db, r->a, scope, sset != 0, &strategies, &ns, &r->e))
		return -1;
	int admin = r->who.role == ROLE_ADMIN;
	struct option *uo = unit_options(r, units, nu, admin ? "" : NULL,
					 "The whole organization", &no);
	struct option *so = arena_alloc(r->a, (ns + 2) * sizeof *so);
	if (!uo || !so)
		return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	size_t k = 0;
	int kept = !v->strategy_id || !v->strategy_id[0];
	so[k++] = (struct option){"", "None"};
	for (size_t i = 0; i < ns; i++) {
		so[k] = (struct option){input_id(r, strategies[i].id), strategies[i].name};
		kept |= v->strategy_id && strcmp(so[k].value, v->strategy_id) == 0;
		k++;
	}
	if (!kept)	/* one the actor's scope does not offer: shown, not lost */
		so[k++] = (struct option){v->strategy_id,
					  arena_printf(r->a, "Strategy %s", v->strategy_id)};
	page_begin(r, title, "lead");
	struct buf *b = &r->page;
	html_printf(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/coalitions\">"
		       "Guiding coalitions</a> › <a href=\"/coalitions/%lld\">Coalition %lld</a>"
		       "</nav>\n<h1>%s</h1>\n", (long long)id, (long long)id, title);
	html_form_error(b, &r->e, 1);
	html_printf(b, "<form method=\"post\" action=\"/coalitions/%lld\" class=\"stack\" "
		       "novalidate>\n", (long long)id);
	html_csrf(b, r);
	html_input(b, &(struct input){.name = "name", .label = "Name", .required = 1,
				      .maxlength = 200, .value = v->name}, &r->e);
	html_input(b, &(struct input){.name = "purpose", .label = "Purpose", .maxlength = 4000,
				      .value = v->purpose}, &r->e);
	html_select(b, &(struct select){.name = "unit_id", .label = "Unit", .options = uo,
					.n = no, .selected = v->unit_id ? v->unit_id : "",
					.hint = "The unit it belongs to; its managers change it."},
		    &r->e);
	html_select(b, &(struct select){.name = "strategy_id", .label = "Strategy", .options = so,
					.n = k, .selected = v->strategy_id ? v->strategy_id : ""},
		    &r->e);
	html_printf(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Save the "
		       "coalition</button> <a href=\"/coalitions/%lld\">Cancel</a></div>\n"
		       "</form>\n", (long long)id);
	page_end(r);
	return 0;
}

int coalition_edit_page(struct req *r)
{
	struct coalition c;
	if (page_query(r, NULL, NULL, &(unsigned){0}) ||
	    coalition_get(r->db, r->a, r->id, &c, &r->e))
		return -1;
	struct coalition_vals v = {.name = c.name, .purpose = c.purpose,
				   .unit_id = input_id(r, c.unit_id),
				   .strategy_id = input_id(r, c.strategy_id)};
	return coalition_edit_form(r, r->id, arena_printf(r->a, "Edit %s", c.name), &v);
}

/* Every input of the form is sent: an empty unit makes it the whole
 * organization's (the core lets only an admin), an empty strategy none. */
int coalition_update_page(struct req *r)
{
	struct coalition_input in = {0};
	unsigned set = 0;
	if (form_fill_edit(&r->form, coalition_fields, &in, &set, &r->e) ||
	    coalition_set(r->db, r->id, &in, set, &r->e)) {
		if (form_failed(r))
			return -1;
		struct coalition_vals v = {form_get(&r->form, "name"), form_get(&r->form, "purpose"),
					   form_get(&r->form, "unit_id"),
					   form_get(&r->form, "strategy_id")};
		return coalition_edit_form(r, r->id, "Edit the coalition", &v);
	}
	return page_redirect(r, "/coalitions/%lld", (long long)r->id);
}

/* --- values --------------------------------------------------------------- */

/* Which form of /values a refusal came from, to show r->e beside it
 * alone. */
enum value_form { VF_NONE, VF_ADD, VF_EDIT, VF_DELETE };

/* One labelled input of value id's edit form: the markup of html_input,
 * but with ids of its own ("f-v3-name"), since every value has the same
 * three inputs on one page. e names the field in error, or is NULL. */
static void value_input(struct buf *b, int64_t id, const char *key, const char *label,
			const char *type, const char *value, int maxlength, int required,
			const struct err *e)
{
	int bad = e && e->status && strcmp(e->field, key) == 0;
	const char *msg = NULL;
	if (bad) {
		size_t fl = strlen(key);
		msg = strncmp(e->msg, key, fl) == 0 && e->msg[fl] == ':' && e->msg[fl + 1] == ' '
			      ? e->msg + fl + 2
			      : e->msg;
	}
	html_printf(b, "<div class=\"field%s\"><label for=\"f-v%lld-%s\">%s</label>"
		       "<input id=\"f-v%lld-%s\" name=\"%s\" type=\"%s\"", bad ? " invalid" : "",
		    (long long)id, key, label, (long long)id, key, key, type);
	if (value)
		html_printf(b, " value=\"%s\"", value);
	if (maxlength)
		html_printf(b, " maxlength=\"%d\"", maxlength);
	if (strcmp(type, "number") == 0)
		html_raw(b, " min=\"0\" step=\"1\"");
	if (required)
		html_raw(b, " required");
	if (bad)
		html_printf(b, " autofocus aria-describedby=\"f-v%lld-%s-err\" aria-invalid=\"true\">"
			       "<p class=\"error\" id=\"f-v%lld-%s-err\">%s</p>", (long long)id, key,
			    (long long)id, key, msg);
	else
		html_raw(b, ">");
	html_raw(b, "</div>\n");
}

/* The values, and for admins a form per value and the add form; the
 * form that failed (failed, value failed_id) shows r->e and what was
 * sent, the others the stored values. */
static int values_render(struct req *r, enum value_form failed, int64_t failed_id)
{
	struct org_value *v;
	size_t n;
	if (value_list(r->db, r->a, &v, &n, &r->e))
		return -1;
	int admin = r->who.role == ROLE_ADMIN;
	page_begin(r, "Values", "lead");
	struct buf *b = &r->page;
	html_raw(b, "<h1>Our values</h1>\n<p class=\"lead\">What we hold to, in this order; "
		    "recognitions name the value they honour.</p>\n");
	if (!n) {
		html_raw(b, "<p class=\"empty\">No values yet.</p>\n");
	} else {
		html_raw(b, "<ol class=\"coal-values\">");
		for (size_t i = 0; i < n; i++) {
			html_printf(b, "<li id=\"value-%lld\"><strong>%s</strong>", (long long)v[i].id,
				    v[i].name);
			if (v[i].description[0])
				html_printf(b, " — %s", v[i].description);
			if (v[i].recognitions)
				html_printf(b, " <span class=\"count\">(%lld recognition%s)</span>",
					    (long long)v[i].recognitions,
					    v[i].recognitions == 1 ? "" : "s");
			if (!admin) {
				html_raw(b, "</li>");
				continue;
			}
			int mine = failed_id == v[i].id;
			const struct err *e = mine && failed == VF_EDIT ? &r->e : NULL;
			const char *name = e ? form_get(&r->form, "name") : v[i].name;
			const char *desc = e ? form_get(&r->form, "description") : v[i].description;
			const char *pos = e ? form_get(&r->form, "position")
					    : arena_printf(r->a, "%lld", (long long)v[i].position);
			if (mine && failed != VF_NONE)
				html_form_error(b, &r->e, 0);
			html_printf(b, "<form method=\"post\" action=\"/values/%lld\" class=\"stack\" "
				       "novalidate aria-label=\"Edit %s\">\n", (long long)v[i].id,
				    v[i].name);
			html_csrf(b, r);
			value_input(b, v[i].id, "name", "Name (required)", "text", name, 100, 1, e);
			value_input(b, v[i].id, "description", "What it means", "text", desc, 2000,
				    0, e);
			value_input(b, v[i].id, "position", "Position", "number", pos, 0, 0, e);
			html_printf(b, "<div class=\"actions\"><button type=\"submit\">Save %s"
				       "</button></div>\n</form>\n", v[i].name);
			html_printf(b, "<form method=\"post\" action=\"/values/%lld/delete\">",
				    (long long)v[i].id);
			html_csrf(b, r);
			html_printf(b, "<button type=\"submit\">Remove %s</button></form></li>",
				    v[i].name);
		}
		html_raw(b, "</ol>\n");
	}
	if (admin) {
		const struct err *e = failed == VF_ADD ? &r->e : &(struct err){0};
		const struct form *sent = failed == VF_ADD ? &r->form : NULL;
		html_raw(b, "<h2>Add a value</h2>\n");
		html_form_error(b, e, 1);
		html_raw(b, "<form method=\"post\" action=\"/values\" class=\"stack\" novalidate>\n");
		html_csrf(b, r);
		html_input(b, &(struct input){.name = "name", .label = "Name", .required = 1,
					      .maxlength = 100,
					      .value = sent ? form_get(sent, "name") : NULL}, e);
		html_input(b, &(struct input){.name = "description", .label = "What it means",
					      .maxlength = 2000,
					      .value = sent ? form_get(sent, "description") : NULL},
			   e);
		html_input(b, &(struct input){.name = "position", .label = "Position",
					      .type = "number", .min = "0", .step = "1",
					      .hint = "Its place in the list; empty puts it last.",
					      .value = sent ? form_get(sent, "position") : NULL}, e);
		html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Add the "
			    "value</button></div>\n</form>\n");
	}
	page_end(r);
	return 0;
}

/* A refused form of /values: nothing was written; the page again with
 * r->e beside the form that was sent. */
static int values_failed(struct req *r, enum value_form which, int64_t id)
{
	/* a value that is not there has no form to show the error beside */
	if ((which != VF_ADD && r->e.status == ERR_NOT_FOUND) || form_failed(r))
		return -1;
	struct err keep = r->e;
	int status = r->status;
	int ret = values_render(r, which, id);
	r->e = keep;
	r->status = status;
	return ret;
}

int values_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}))
		return -1;
	return values_render(r, VF_NONE, 0);
}

int value_create_page(struct req *r)
{
	struct value_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (form_fill(&r->form, value_fields, &in, &set, &r->e) ||
	    value_add(r->db, &in, set, &id, &r->e))
		return values_failed(r, VF_ADD, 0);
	return page_redirect(r, "/values");
}

int value_update_page(struct req *r)
{
	struct value_input in = {0};
	unsigned set = 0;
	if (form_fill_edit(&r->form, value_fields, &in, &set, &r->e) ||
	    value_set(r->db, r->id, &in, set, &r->e))
		return values_failed(r, VF_EDIT, r->id);
	return page_redirect(r, "/values#value-%lld", (long long)r->id);
}

/* Refused (409, the domain's message) while a recognition names it. */
int value_delete_page(struct req *r)
{
	if (value_rm(r->db, r->id, &r->e))
		return values_failed(r, VF_DELETE, r->id);
	return page_redirect(r, "/values");
}

/* --- coaching notes: the signed-in person's alone --------------------------- */

/* A note's body as text, its line breaks kept. */
static void note_body(struct buf *b, const char *body)
{
	html_raw(b, "<p class=\"coal-note-body\">");
	const char *p = body;
	while (*p) {
		size_t k = strcspn(p, "\n");
		html_printf(b, "%.*s", (int)k, p);
		p += k;
		if (*p == '\n') {
			html_raw(b, "<br>");
			p++;
		}
	}
	html_raw(b, "</p>");
}

static int notes_render(struct req *r)
{
	struct coaching_note *v = NULL;
	struct note_peer *peers = NULL;
	size_t n = 0, np = 0;
	int64_t me = r->who.person_id;
	if (me) {
		struct note_filter f = {.person_id = me};
		if (note_list(r->db, r->a, &f, NOTF_PERSON, &v, &n, &r->e) ||
		    note_peers(r->db, r->a, me, &peers, &np, &r->e))
			return -1;
	}
	page_begin(r, "Coaching notes", "lead");
	struct buf *b = &r->page;
	html_raw(b, "<h1>Coaching notes</h1>\n<p class=\"lead\">Coaching and feedback between you "
		    "and your manager, and between you and your reports. Only the two people of a "
		    "note see it: no one else, admins included.</p>\n");
	if (!me) {
		html_raw(b, "<p class=\"empty\">This account belongs to no person, so it has no "
			    "notes.</p>\n");
		page_end(r);
		return 0;
	}
	/* grouped by the other person: each group in the order of its newest note */
	if (!n)
		html_raw(b, "<p class=\"empty\">No notes yet.</p>\n");
	char *done = n ? arena_alloc(r->a, n) : NULL;
	for (size_t i = 0; i < n; i++) {
		if (done[i])
			continue;
		int64_t other = v[i].author_id == me ? v[i].about_id : v[i].author_id;
		const char *name = v[i].author_id == me ? v[i].about : v[i].author;
		html_raw(b, "<section class=\"coal-note-group\"><h2>With ");
		person_link(b, other, name);
		html_raw(b, "</h2>\n");
		for (size_t k = i; k < n; k++) {
			int64_t o = v[k].author_id == me ? v[k].about_id : v[k].author_id;
			if (o != other)
				continue;
			done[k] = 1;
			html_printf(b, "<article class=\"coal-note\"><p class=\"coal-note-meta\">%s, "
				       "%s by %s</p>", v[k].day, v[k].kind,
				    v[k].author_id == me ? "you" : v[k].author);
			note_body(b, v[k].body);
			html_raw(b, "</article>\n");
		}
		html_raw(b, "</section>\n");
	}
	if (np && r->who.role != ROLE_VIEWER) {
		struct option *po = arena_alloc(r->a, np * sizeof *po);
		if (!po)
			return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
		for (size_t i = 0; i < np; i++)
			po[i] = (struct option){arena_printf(r->a, "%lld", (long long)peers[i].id),
						arena_printf(r->a, "%s (%s)", peers[i].name,
							     peers[i].is_manager ? "your manager"
										 : "your report")};
		static const struct option kinds[] = {{"coaching", "Coaching"},
						      {"feedback", "Feedback"}};
		html_raw(b, "<h2>Write a note</h2>\n");
		html_form_error(b, &r->e, 1);
		html_raw(b, "<form method=\"post\" action=\"/notes\" class=\"stack\" novalidate>\n");
		html_csrf(b, r);
		html_select(b, &(struct select){.name = "about_id", .label = "To", .options = po,
						.n = np, .required = 1,
						.selected = form_get(&r->form, "about_id")}, &r->e);
		html_select(b, &(struct select){.name = "kind", .label = "Kind", .options = kinds,
						.n = 2, .selected = form_get(&r->form, "kind")},
			    &r->e);
		const char *body = form_get(&r->form, "body");
		int bad = r->e.status && strcmp(r->e.field, "body") == 0;
		html_printf(b, "<div class=\"field\"><label for=\"f-body\">Note</label>"
			       "<textarea id=\"f-body\" name=\"body\" rows=\"5\" maxlength=\"10000\" "
			       "required%s>%s</textarea></div>\n",
			    bad ? " aria-invalid=\"true\"" : "", body ? body : "");
		html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Save "
			    "the note</button></div>\n</form>\n");
	} else if (!np) {
		html_raw(b, "<p class=\"empty\">You have no manager and no reports to write to.</p>\n");
	}
	page_end(r);
	return 0;
}

int notes_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}))
		return -1;
	return notes_render(r);
}

int note_create_page(struct req *r)
{
	struct note_input in = {0};
	unsigned set = 0;
	int64_t id;
	int rc = access_self(&r->who, "write a coaching note", &r->e);
	if (rc == 0)
		rc = form_fill(&r->form, note_fields, &in, &set, &r->e);
	if (rc == 0) {
		in.author_id = r->who.person_id;
		set |= NOTE_AUTHOR;
		rc = note_add(r->db, &in, set, &id, &r->e);
	}
	if (rc) {
		if (form_failed(r))
			return -1;
		struct err keep = r->e;
		int status = r->status;
		int ret = notes_render(r);
		r->e = keep;
		r->status = status;
		return ret;
	}
	return page_redirect(r, "/notes");
}
