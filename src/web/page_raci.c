/* page_raci: a plan's RACI matrix with a role form per step
 * (/plans/:id/raci), publishing a plan (POST /plans/:id/publish), the
 * signed-in person's feed (/feed) and the capacity heat map (/capacity). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/date.h"
#include "manage/capacity.h"
#include "manage/raci.h"
#include "manage/step.h"
#include "web/page.h"

static const char *const role_values[] = {"R", "A", "C", "I", "none"};
static const char *const role_labels[] = {"R: responsible", "A: accountable", "C: consulted",
					  "I: informed", "No role"};

static const char *at_text(struct arena *a, int64_t at)
{
	time_t t = (time_t)at;
	struct tm tm;
	char s[32];
	gmtime_r(&t, &tm);
	strftime(s, sizeof s, "%Y-%m-%d %H:%M UTC", &tm);
	return arena_strdup(a, s);
}

/* --- the matrix ------------------------------------------------------------ */

struct raci_q {
	int64_t published;
	int64_t page;
};
static const struct field raci_q_fields[] = {
	{.name = "published", .type = FT_ID, .offset = offsetof(struct raci_q, published),
	 .bit = 1u << 0},
	{.name = "page", .type = FT_INT, .offset = offsetof(struct raci_q, page), .bit = 1u << 1,
	 .min = 1, .max = 1000000000},
	{0},
};

/* The role form of one step: a person, a role, "replace the A". */
static void role_form(struct req *r, struct buf *b, const struct raci_matrix *m,
		      const struct raci_row *row, const struct option *po, size_t npo)
{
	html_printf(b, "<form method=\"post\" action=\"/steps/%lld/raci\" class=\"raci-form\">",
		    (long long)row->step_id);
	html_csrf(b, r);
	html_printf(b, "<select name=\"person_id\" aria-label=\"Person for step %lld\">",
		    (long long)row->step_id);
	for (size_t i = 0; i < npo; i++)
		html_printf(b, "<option value=\"%s\">%s</option>", po[i].value, po[i].label);
	html_printf(b, "</select><select name=\"role\" aria-label=\"Role on step %lld\">",
		    (long long)row->step_id);
	for (size_t i = 0; i < sizeof role_values / sizeof role_values[0]; i++)
		html_printf(b, "<option value=\"%s\">%s</option>", role_values[i], role_labels[i]);
	html_printf(b, "</select><label class=\"raci-replace\"><input type=\"checkbox\" "
		       "name=\"replace\" value=\"true\"> replace the A</label>"
		       "<button type=\"submit\">Set</button></form>");
	(void)m;
}

/* Renders the matrix page (PAGE_SIZE steps a page); r->e, if set, is a
 * failed form's error. */
static int matrix_page(struct req *r, int64_t plan_id, int64_t published, int64_t pageno,
		       int64_t focus_step)
{
	struct raci_matrix m;
	struct err failed = r->e;
	err_clear(&r->e);
	if (raci_matrix(r->db, r->a, plan_id, &m, &r->e))
		return -1;
	struct publication pub = {0};
	if (published && publication_get(r->db, r->a, published, &pub, &r->e))
		return -1;
	int editable = may_write(r, K_PLAN, plan_id);
	size_t npo = 0;
	struct option *po = NULL;
	if (editable && !(po = people_options(r, "", "Person…", &npo)))
		return -1;
	page_begin(r, arena_printf(r->a, "RACI: %s", m.plan_name), "plans");
	struct buf *b = &r->page;
	html_printf(b,
	            "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/plans\">Plans"
	            "</a> › <a href=\"/plans/%lld\">%s</a></nav>\n<div class=\"title-row\">"
	            "<h1>Who does what: %s</h1>",
	            (long long)m.plan_id, m.plan_name, m.plan_name);
	if (editable)
		html_printf(b, "<form method=\"post\" action=\"/plans/%lld/publish\" "
			       "class=\"raci-publish\">", (long long)m.plan_id);
	if (editable) {
		html_csrf(b, r);
		html_raw(b,
		         "<label for=\"f-note\">Note</label><input id=\"f-note\" name=\"note\" "
		         "maxlength=\"2000\"><button type=\"submit\" class=\"primary\">Publish the "
		         "plan</button></form>");
	}
	html_raw(b, "</div>\n<p class=\"lead\">R responsible, A accountable (one per step), C "
		    "consulted, I informed. In brackets: implied, the plan's owner as A and the "
		    "assignee as R where no one is set.</p>\n");
	if (failed.status) {
		r->e = failed;
		html_form_error(b, &r->e, 0);
	}
	if (pub.id && pub.plan_id == m.plan_id) {
		html_printf(b, "<p class=\"raci-sent\" role=\"status\">Published to %zu %s:",
			    pub.nto, pub.nto == 1 ? "person" : "people");
		for (size_t i = 0; i < pub.nto; i++)
			html_printf(b, "%s %s", i ? "," : "", pub.to[i].name);
		html_raw(b, ".</p>\n");
	}
	if (!m.nrows) {
		html_raw(b, "<p class=\"empty\">This plan has no steps yet.</p>\n");
		page_end(r);
		return 0;
	}
	if (m.gaps)
		html_printf(b, "<p class=\"raci-gaps\">%zu step%s lack%s an Accountable or a "
			       "Responsible: flagged below.</p>\n", m.gaps, m.gaps == 1 ? "" : "s",
			    m.gaps == 1 ? "s" : "");
	else
		html_raw(b, "<p class=\"count\">Every step has one Accountable and a "
			    "Responsible.</p>\n");
	html_raw(b, "<div class=\"table-wrap\"><table class=\"raci\"><thead><tr>"
		    "<th scope=\"col\">Step</th>");
	for (size_t k = 0; k < m.npeople; k++)
		html_printf(b, "<th scope=\"col\"><a href=\"/people/%lld\">%s</a></th>",
			    (long long)m.people[k].id, m.people[k].name);
	html_raw(b, "<th scope=\"col\">Missing</th>");
	if (editable)
		html_raw(b, "<th scope=\"col\">Set a role</th>");
	html_raw(b, "</tr></thead><tbody>\n");
	for (size_t i = 0; focus_step && i < m.nrows; i++)
		if (m.rows[i].step_id == focus_step)
			pageno = (int64_t)(i / PAGE_SIZE) + 1;	/* the page of the form sent */
	size_t first, last;
	int64_t pages = page_slice((int64_t)m.nrows, pageno, &first, &last);
	for (size_t i = first; i < last; i++) {
		const struct raci_row *row = &m.rows[i];
		html_printf(b, "<tr><th scope=\"row\"><a href=\"/steps/%lld\">%s</a> ",
			    (long long)row->step_id, row->name);
		status_badge(b, row->status);
		html_raw(b, "</th>");
		for (size_t k = 0; k < m.npeople; k++) {
			char c = row->cells[k];
			if (!c)
				html_raw(b, "<td class=\"raci-cell\"></td>");
			else
				html_printf(b, "<td class=\"raci-cell %s\">%s</td>",
					    c >= 'a' ? "raci-implied" : "raci-explicit",
					    raci_cell_text(c));
		}
		if (row->has_a && row->has_r)
			html_raw(b, "<td></td>");
		else
			html_printf(b, "<td class=\"raci-gap\">no %s</td>",
			            !row->has_a && !row->has_r ? "A, no R"
			            : !row->has_a              ? "A"
			                                       : "R");
		if (editable) {
			html_raw(b, "<td>");
			role_form(r, b, &m, row, po, npo);
			html_raw(b, "</td>");
		}
		html_raw(b, "</tr>\n");
	}
	html_raw(b, "</tbody></table></div>\n");
	html_pager(b, arena_printf(r->a, "/plans/%lld/raci?", (long long)m.plan_id),
		   pageno > pages ? pages : pageno < 1 ? 1 : pageno, pages);
	page_end(r);
	return 0;
}

int plan_raci_page(struct req *r)
{
	struct raci_q q = {0};
	unsigned set = 0;
	if (page_query(r, raci_q_fields, &q, &set))
		return -1;
	return matrix_page(r, r->id, q.published, (set & (1u << 1)) ? q.page : 1, 0);
}

int step_raci_page(struct req *r)
{
	struct step s;
	if (step_get(r->db, r->a, r->id, &s, &r->e))
		return -1;
	struct raci_input in = {0};
	unsigned set = 0;
	struct err hidden = {0};
	if (form_fill(&r->form, raci_fields, &in, &set, &r->e) ||
	    ((set & RACI_PERSON) && in.person_id &&
	     access_check(r->db, &r->who, K_PERSON, in.person_id, A_READ, &hidden) &&
	     err_set(&r->e, ERR_NOT_FOUND, "person_id", "person_id: no person with id %lld",
		     (long long)in.person_id)) ||
	    raci_set(r->db, r->id, &in, set, &r->e)) {
		if (form_failed(r))
			return -1;
		return matrix_page(r, s.plan_id, 0, 1, s.id);
	}
	return page_redirect(r, "/plans/%lld/raci", (long long)s.plan_id);
}

int plan_publish_page(struct req *r)
{
	struct publish_input in = {0};
	unsigned set = 0;
	int64_t id;
	const char *by = r->who.name[0] ? r->who.name : r->who.login;
	if (form_fill(&r->form, publish_fields, &in, &set, &r->e) ||
	    plan_publish(r->db, r->id, by, &in, set, &id, &r->e)) {
		if (form_failed(r))
			return -1;
		return matrix_page(r, r->id, 0, 1, 0);
	}
	return page_redirect(r, "/plans/%lld/raci?published=%lld", (long long)r->id,
			     (long long)id);
}

/* --- the feed -------------------------------------------------------------------- */

int feed_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}))
		return -1;
	struct publication *v = NULL;
	size_t n = 0;
	if (r->who.person_id && person_feed(r->db, r->a, r->who.person_id, PAGE_SIZE, &v, &n,
					    &r->e))
		return -1;
	page_begin(r, "My feed", "manage");
	struct buf *b = &r->page;
	html_raw(b, "<h1>My feed</h1>\n<p class=\"lead\">The plans published to you, newest "
		    "first, with your steps in each.</p>\n");
	if (!r->who.person_id) {
		html_raw(b, "<p class=\"empty\">This account is not a person's, so nothing is "
			    "published to it. Plans are published to their owner, their assignees "
			    "and the people with a RACI role.</p>\n");
		page_end(r);
		return 0;
	}
	if (!n)
		html_raw(b, "<p class=\"empty\">Nothing was published to you yet. When a manager "
			    "publishes a plan you are in, it shows here.</p>\n");
	for (size_t i = 0; i < n; i++) {
		const struct publication *p = &v[i];
		html_printf(b,
		            "<section class=\"card raci-feed\"><h2><a href=\"/plans/%lld\">%s</a>"
		            "</h2>\n<p class=\"count\">Published %s by %s</p>\n",
		            (long long)p->plan_id, p->plan_name, at_text(r->a, p->at),
		            p->by && p->by[0] ? p->by : "someone");
		if (p->note && p->note[0])
			html_printf(b, "<p>%s</p>\n", p->note);
		if (!p->nsteps) {
			html_raw(b, "<p class=\"none\">No steps of yours in it.</p>\n");
		} else {
			html_raw(b, "<ul>");
			for (size_t k = 0; k < p->nsteps; k++) {
				const struct feed_step *s = &p->steps[k];
				html_printf(b, "<li><a href=\"/steps/%lld\">%s</a> ",
				            (long long)s->id, s->name);
				status_badge(b, s->status);
				if (s->role)
					html_printf(b, " <span class=\"raci-role\">%s</span>",
						    raci_cell_text(s->role));
				if (s->due)
					html_printf(b, " <span class=\"count\">due %s</span>",
					            s->due);
				html_raw(b, "</li>");
			}
			html_raw(b, "</ul>\n");
		}
		html_raw(b, "</section>\n");
	}
	page_end(r);
	return 0;
}

/* --- capacity ------------------------------------------------------------------------ */

struct cap_q {
	const char *unit;	/* "all" or an id */
	const char *from;
	int64_t weeks;
};
enum { CQ_UNIT = 1u << 0, CQ_FROM = 1u << 1, CQ_WEEKS = 1u << 2 };
static const struct field cap_q_fields[] = {
	{.name = "unit", .type = FT_TEXT, .offset = offsetof(struct cap_q, unit), .bit = CQ_UNIT,
	 .max = 20},
	{.name = "from", .type = FT_DATE, .offset = offsetof(struct cap_q, from), .bit = CQ_FROM},
	{.name = "weeks", .type = FT_INT, .offset = offsetof(struct cap_q, weeks), .bit = CQ_WEEKS,
	 .min = 1, .max = 26},
	{0},
};

/* The band of a load: raci-cap-b0 under 50 %, raci-cap-b1 under 80 %, raci-cap-b2 up to
 * 100 %, raci-cap-b3 above. */
static const char *band(int64_t load, int64_t capacity)
{
	if (capacity <= 0)
		return load ? "raci-cap-b3" : "raci-cap-b0";
	if (load * 100 < capacity * 50)
		return "raci-cap-b0";
	if (load * 100 < capacity * 80)
		return "raci-cap-b1";
	if (load * 100 <= capacity * 100)
		return "raci-cap-b2";
	return "raci-cap-b3";
}

int capacity_page(struct req *r)
{
	struct cap_q q = {0};
	unsigned set = 0;
	if (page_query(r, cap_q_fields, &q, &set))
		return -1;
	struct load_query lq = {.from = q.from, .weeks = q.weeks};
	unsigned lset = (set & CQ_FROM ? LQ_FROM : 0) | (set & CQ_WEEKS ? LQ_WEEKS : 0);
	if (q.unit && strcmp(q.unit, "all") != 0 && q.unit[0]) {
		if (field_parse_int(q.unit, &lq.unit_id) || lq.unit_id <= 0)
			return err_set(&r->e, ERR_BAD_INPUT, "unit",
			               "unit: must be a unit id or all");
		lset |= LQ_UNIT;
	}
	int32_t from;
	int weeks;
	struct person_load *v;
	size_t n;
	struct unit *units;
	size_t nunits;
	if (api_scope(r, &lq.unit_id, &lset, LQ_UNIT) ||
	    load_query_range(&lq, lset, &from, &weeks, &r->e) ||
	    capacity_load(r->db, r->a, 0, (lset & LQ_UNIT) ? lq.unit_id : 0, from, weeks, &v, &n,
			  &r->e) ||
	    page_units(r, &units, &nunits))
		return -1;
	page_begin(r, "Capacity", "manage");
	struct buf *b = &r->page;
	html_raw(b, "<h1>Capacity</h1>\n<p class=\"lead\">Each person's planned hours per week "
		    "against what they can do that week: the remaining work of their open steps, "
		    "spread over the steps' scheduled working days.</p>\n"
		    "<form method=\"get\" action=\"/capacity\" class=\"filters\">");
	size_t nu;
	struct option *uo = unit_options(r, units, nunits, "all", "All units", &nu);
	html_select(b, &(struct select){.name = "unit", .label = "Unit (with its sub-units)",
					.options = uo, .n = uo ? nu : 0,
					.selected = q.unit ? q.unit : "all"}, NULL);
	html_input(b, &(struct input){.name = "from", .label = "From the week of", .type = "date",
				      .value = html_day(r->a, from)}, NULL);
	html_input(b, &(struct input){.name = "weeks", .label = "Weeks", .type = "number",
				      .min = "1", .step = "1",
				      .value = arena_printf(r->a, "%d", weeks)}, NULL);
	html_raw(b, "<button type=\"submit\">Show</button></form>\n");
	if (!n) {
		html_raw(b, "<p class=\"empty\">No people in this unit.</p>\n");
		page_end(r);
		return 0;
	}
	html_raw(b, "<p class=\"raci-cap-legend\">"
		    "<span class=\"raci-cap-cell raci-cap-b0\">under 50 %</span> "
		    "<span class=\"raci-cap-cell raci-cap-b1\">under 80 %</span> "
		    "<span class=\"raci-cap-cell raci-cap-b2\">up to 100 %</span> "
		    "<span class=\"raci-cap-cell raci-cap-b3\">over 100 %</span> "
		    "<span class=\"raci-cap-over-mark\">!</span> overloaded: above the unit's "
		    "tolerance. Cells show planned / available hours.</p>\n"
		    "<div class=\"table-wrap\"><table class=\"raci-cap-map\"><thead><tr>"
		    "<th scope=\"col\">Person</th>");
	for (int w = 0; w < weeks; w++)
		html_printf(b, "<th scope=\"col\">%s</th>", html_day(r->a, from + 7 * w));
	html_raw(b, "</tr></thead><tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const struct person_load *p = &v[i];
		html_raw(b, "<tr><th scope=\"row\">");
		person_link(b, p->person_id, p->name);
		html_raw(b, "</th>");
		for (int w = 0; w < weeks; w++) {
			int over = capacity_overloaded(p, w);
			html_printf(b, "<td class=\"raci-cap-cell %s%s\">",
			            band(p->load[w], p->capacity[w]), over ? " raci-cap-over" : "");
			if (p->capacity[w] > 0)
				html_printf(b, "%lld %%", (long long)((p->load[w] * 100 +
									 p->capacity[w] / 2) /
									p->capacity[w]));
			else
				html_raw(b, "—");
			if (over)
				html_raw(b, " <span class=\"raci-cap-over-mark\" "
				            "title=\"overloaded\">!</span>");
			html_raw(b, "<br><span class=\"raci-cap-hours\">");
			html_hours(b, p->load[w]);
			html_raw(b, " / ");
			html_hours(b, p->capacity[w]);
			html_raw(b, " h</span></td>");
		}
		html_raw(b, "</tr>\n");
	}
	html_raw(b, "</tbody></table></div>\n");
	page_end(r);
	return 0;
}
