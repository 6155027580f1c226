/* page_staffing: the staffing board (/staffing: each unit's positions as
 * cards with their holders' match and their vacancies, and the span of
 * control), a position (/positions/:id: required skills, holders, the
 * candidates ranked, forms to staff and to require skills), the position
 * forms, the skill catalogue (/skills, with an admin's edit page and
 * delete button), and the sections that the person and unit pages show
 * (their skills, their positions). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "manage/staffing.h"
#include "org/person.h"
#include "web/page.h"

enum { FORM = ROUTE_PAGE | ROUTE_FORM | ROUTE_WRITES };

static const struct option level_options[] = {
	{"1", "1 aware"}, {"2", "2 beginner"}, {"3", "3 practitioner"},
	{"4", "4 advanced"}, {"5", "5 expert"},
};

/* The match as a bar: an inline SVG (no style attributes: the CSP),
 * hidden from screen readers, which read the number after it. */
static void match_bar(struct buf *b, int64_t score)
{
	const char *cls = score >= 80 ? "" : score >= 50 ? " staffing-mid" : " staffing-low";
	html_printf(b, "<span class=\"staffing-match\"><svg class=\"staffing-bar\" width=\"80\" "
		       "height=\"10\" viewBox=\"0 0 100 10\" aria-hidden=\"true\">"
		       "<rect class=\"staffing-bar-bg\" width=\"100\" height=\"10\" rx=\"2\"/>"
		       "<rect class=\"staffing-bar-fill%s\" width=\"%lld\" height=\"10\" rx=\"2\"/>"
		       "</svg> %lld%%</span>", cls,
		    (long long)(score < 0 ? 0 : score > 100 ? 100 : score), (long long)score);
}

/* Skill options for a <select>: every skill of the catalogue. */
static struct option *skill_options(struct req *r, size_t *count)
{
	struct skill *v;
	size_t n;
	if (skill_list(r->db, r->a, NULL, 0, &v, &n, &r->e))
		return NULL;
	struct option *o = arena_alloc(r->a, (n + 1) * sizeof *o);
	if (!o)
		return NULL;
	for (size_t i = 0; i < n; i++)
		o[i] = (struct option){input_id(r, v[i].id), v[i].name};
	*count = n;
	return o;
}

/* --- the board -------------------------------------------------------------- */

struct board_q {
	int64_t unit;
	const char *format;
};
static const struct field board_q_fields[] = {
	{.name = "unit", .type = FT_ID, .offset = offsetof(struct board_q, unit), .bit = 1u << 0},
	{.name = "format", .type = FT_ENUM, .offset = offsetof(struct board_q, format),
	 .bit = 1u << 1, .choices = list_formats},
	{0},
};

static void required_line(struct buf *b, const struct position *p)
{
	html_raw(b, "<p class=\"staffing-skills\">");
	if (!p->nskills)
		html_raw(b, "No required skills.");
	for (size_t i = 0; i < p->nskills; i++)
		html_printf(b, "%s%s %lld", i ? ", " : "Needs ", p->skills[i].name,
			    (long long)p->skills[i].level);
	html_raw(b, "</p>");
}

static void span_table(struct req *r, struct buf *b, const struct span *v, size_t n)
{
	(void)r;
	html_printf(b, "<section aria-labelledby=\"h-span\"><h2 id=\"h-span\">Span of control</h2>\n"
		       "<p class=\"hint\">Direct reports per manager: fewer than %d is flagged "
		       "narrow, more than %d wide.</p>\n", SPAN_NARROW, SPAN_WIDE);
	if (!n) {
		html_raw(b, "<p class=\"empty\">Nobody here has direct reports.</p></section>\n");
		return;
	}
	html_raw(b, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Manager</th>"
		    "<th scope=\"col\">Unit</th><th scope=\"col\" class=\"num\">Direct reports</th>"
		    "<th scope=\"col\">Span</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < n; i++) {
		html_printf(b, "<tr><td><a href=\"/people/%lld\">%s</a></td><td><a href=\"/units/"
			       "%lld\">%s</a></td><td class=\"num\">%lld</td><td>",
			    (long long)v[i].manager_id, v[i].name, (long long)v[i].unit_id,
			    v[i].unit_name, (long long)v[i].reports);
		if (v[i].flag[0])
			html_printf(b, "<span class=\"staffing-flag\">%s</span>", v[i].flag);
		else
			html_raw(b, "<span class=\"none\">within range</span>");
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody></table></div></section>\n");
}

int staffing_page(struct req *r)
{
	struct board_q q = {0};
	unsigned qset = 0;
	if (page_query(r, board_q_fields, &q, &qset))
		return -1;
	struct unit *units;
	size_t nunits;
	if (page_units(r, &units, &nunits))
		return -1;
	/* the filter: a unit the actor reads (404 otherwise), with its subtree */
	int64_t unit = (qset & 1u) ? q.unit : 0;
	unsigned uset = unit ? POF_UNIT : 0;
	if (api_scope(r, &unit, &uset, POF_UNIT))
		return -1;
	struct position_filter pf = {.unit_id = unit};
	struct position *pos;
	size_t npos;
	struct staff_filter sf = {.unit_id = unit};
	struct staff *st;
	size_t nst;
	struct span_filter spf = {.unit_id = unit};
	struct span *spans;
	size_t nspans;
	if (position_list(r->db, r->a, &pf, uset ? POF_UNIT : 0, &pos, &npos, &r->e) ||
	    staff_list(r->db, r->a, &sf, uset ? SFF_UNIT : 0, &st, &nst, &r->e) ||
	    span_list(r->db, r->a, &spf, uset ? SPF_UNIT : 0, &spans, &nspans, &r->e))
		return -1;
	if (q.format && strcmp(q.format, "csv") == 0) {
		struct csv c = page_csv(r, "staffing.csv");
		static const char *const head[] = {"position_id", "unit", "position", "headcount",
						   "filled", "person_id", "person", "since", "match"};
		csv_header(&c, head, sizeof head / sizeof head[0]);
		for (size_t i = 0; i < npos; i++) {
			int64_t shown = 0;
			for (size_t k = 0; k < nst; k++) {
				if (st[k].position_id != pos[i].id)
					continue;
				csv_int(&c, pos[i].id);
				csv_text(&c, pos[i].unit_name);
				csv_text(&c, pos[i].title);
				csv_int(&c, pos[i].headcount);
				csv_int(&c, pos[i].filled);
				csv_int(&c, st[k].person_id);
				csv_text(&c, st[k].person);
				csv_text(&c, st[k].since);
				csv_int(&c, st[k].score);
				csv_end(&c);
				shown++;
			}
			for (; shown < pos[i].headcount; shown++) {	/* a vacancy per empty seat */
				csv_int(&c, pos[i].id);
				csv_text(&c, pos[i].unit_name);
				csv_text(&c, pos[i].title);
				csv_int(&c, pos[i].headcount);
				csv_int(&c, pos[i].filled);
				csv_text(&c, NULL);
				csv_text(&c, NULL);
				csv_text(&c, NULL);
				csv_text(&c, NULL);
				csv_end(&c);
			}
		}
		return 0;
	}
	int64_t seats = 0, vacancies = 0;
	for (size_t i = 0; i < npos; i++) {
		seats += pos[i].headcount;
		vacancies += pos[i].vacancies;
	}
	page_begin(r, "Staffing", "staffing");
	struct buf *b = &r->page;
	html_raw(b, "<div class=\"title-row\"><h1>Staffing</h1><div class=\"button-row\">");
	if (r->who.role >= ROLE_MANAGER)
		html_printf(b, "<a class=\"button primary\" href=\"/positions/new%s\">New position</a>",
			    (qset & 1u) ? arena_printf(r->a, "?unit=%lld", (long long)q.unit) : "");
	html_raw(b, "<a class=\"button\" href=\"/skills\">Skills</a></div></div>\n"
		    "<p class=\"lead\">Each unit's positions: who holds them, how well they match "
		    "the skills required, and the vacancies.</p>\n");
	size_t nopt;
	struct option *uo = unit_options(r, units, nunits, "", "All your units", &nopt);
	html_raw(b, "<form method=\"get\" action=\"/staffing\" class=\"filters\">");
	struct err none = {0};
	html_select(b, &(struct select){.name = "unit", .label = "Unit", .options = uo, .n = nopt,
					.selected = (qset & 1u) ? input_id(r, q.unit) : ""}, &none);
	html_raw(b, "<button type=\"submit\">Show</button></form>\n");
	html_printf(b, "<p class=\"count\">%zu position%s, %lld seat%s, %lld vacanc%s</p>\n", npos,
		    npos == 1 ? "" : "s", (long long)seats, seats == 1 ? "" : "s",
		    (long long)vacancies, vacancies == 1 ? "y" : "ies");
	if (!npos) {
		html_raw(b, "<p class=\"empty\">No positions here yet.");
		if (r->who.role >= ROLE_MANAGER)
			html_raw(b, " <a href=\"/positions/new\">Add the first position</a>.");
		html_raw(b, "</p>\n");
	}
	for (size_t i = 0; i < npos;) {
		int64_t u = pos[i].unit_id;
		html_printf(b, "<section class=\"staffing-board\" aria-labelledby=\"h-u%lld\">"
			       "<h2 id=\"h-u%lld\"><a href=\"/units/%lld\">%s</a></h2>\n<div class=\"cards\">\n",
			    (long long)u, (long long)u, (long long)u, pos[i].unit_name);
		for (; i < npos && pos[i].unit_id == u; i++) {
			struct position p;
			if (position_get(r->db, r->a, pos[i].id, &p, &r->e))
				return -1;
			html_printf(b, "<article class=\"card staffing-card\"><h3><a href=\"/positions/%lld\">"
				       "%s</a></h3><p>%lld of %lld filled</p><ul class=\"staffing-slots\">",
				    (long long)p.id, p.title, (long long)p.filled, (long long)p.headcount);
			for (size_t k = 0; k < nst; k++) {
				if (st[k].position_id != p.id)
					continue;
				html_raw(b, "<li>");
				person_link(b, st[k].person_id, st[k].person);
				match_bar(b, st[k].score);
				html_raw(b, "</li>");
			}
			for (int64_t k = 0; k < p.vacancies; k++)
				html_raw(b, "<li class=\"staffing-vacant\">Vacant</li>");
			html_raw(b, "</ul>");
			required_line(b, &p);
			html_raw(b, "</article>\n");
		}
		html_raw(b, "</div></section>\n");
	}
	if (npos)
		csv_link(b, (qset & 1u) ? arena_printf(r->a, "/staffing?unit=%lld&", (long long)q.unit)
					: "/staffing?");
	span_table(r, b, spans, nspans);
	page_end(r);
	return 0;
}

/* --- a position ---------------------------------------------------------------- */

enum { F_NONE, F_NEED, F_UNNEED, F_STAFF, F_UNSTAFF, F_DELETE };

static int render_position(struct req *r, int failed)
{
	struct err e = r->e;	/* a failed form's error, shown beside that form */
	err_clear(&r->e);
	struct position p;
	struct staff_filter sf = {.position_id = r->id};
	struct staff *st;
	size_t nst;
	struct candidate *cand;
	size_t ncand;
	if (position_get(r->db, r->a, r->id, &p, &r->e) ||
	    staff_list(r->db, r->a, &sf, SFF_POSITION, &st, &nst, &r->e) ||
	    staff_match(r->db, r->a, r->id, 0, &cand, &ncand, &r->e))
		return -1;
	int writable = may_write(r, K_POSITION, p.id);
	struct err none = {0};
	page_begin(r, p.title, "staffing");
	struct buf *b = &r->page;
	html_printf(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/staffing\">"
		       "Staffing</a> › <a href=\"/staffing?unit=%lld\">%s</a></nav>\n"
		       "<div class=\"title-row\"><h1>%s</h1>", (long long)p.unit_id, p.unit_name,
		    p.title);
	if (writable)
		html_printf(b, "<a class=\"button\" href=\"/positions/%lld/edit\">Edit the position</a>",
			    (long long)p.id);
	html_printf(b, "</div>\n<dl class=\"facts\"><dt>Unit</dt><dd><a href=\"/units/%lld\">%s</a>"
		       "</dd><dt>Headcount</dt><dd>%lld</dd><dt>Filled</dt><dd>%lld</dd>"
		       "<dt>Vacancies</dt><dd>%lld</dd></dl>\n", (long long)p.unit_id, p.unit_name,
		    (long long)p.headcount, (long long)p.filled, (long long)p.vacancies);

	/* required skills */
	html_raw(b, "<section aria-labelledby=\"h-req\"><h2 id=\"h-req\">Required skills</h2>\n");
	if (failed == F_UNNEED)
		html_form_error(b, &e, 0);
	if (!p.nskills) {
		html_raw(b, "<p class=\"empty\">No skills required: everyone matches 100%.</p>\n");
	} else {
		html_raw(b, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Skill</th>"
			    "<th scope=\"col\">Level</th>");
		if (writable)
			html_raw(b, "<th scope=\"col\"><span class=\"sr-only\">Actions</span></th>");
		html_raw(b, "</tr></thead><tbody>\n");
		for (size_t i = 0; i < p.nskills; i++) {
			html_printf(b, "<tr><td>%s</td><td>%lld %s</td>", p.skills[i].name,
				    (long long)p.skills[i].level, skill_level_name(p.skills[i].level));
			if (writable) {
				html_printf(b, "<td><form method=\"post\" action=\"/positions/%lld/skills/"
					       "%lld/delete\">", (long long)p.id,
					    (long long)p.skills[i].skill_id);
				html_csrf(b, r);
				html_printf(b, "<button type=\"submit\">Stop requiring %s</button></form>"
					       "</td>", p.skills[i].name);
			}
			html_raw(b, "</tr>\n");
		}
		html_raw(b, "</tbody></table></div>\n");
	}
	if (writable) {
		size_t nso = 0;
		struct option *so = skill_options(r, &nso);
		if (!so)
			return -1;
		html_raw(b, "<h3>Require a skill</h3>\n");
		if (failed == F_NEED)
			html_form_error(b, &e, 1);
		if (!nso) {
			html_raw(b, "<p class=\"empty\">The skill catalogue is empty: an administrator "
				    "adds skills on the <a href=\"/skills\">skills page</a>.</p>\n");
		} else {
			html_printf(b, "<form method=\"post\" action=\"/positions/%lld/skills\" "
				       "class=\"filters\">", (long long)p.id);
			html_csrf(b, r);
			const char *skill_sel = failed == F_NEED ? form_get(&r->form, "skill_id") : NULL;
			const char *level_sel = failed == F_NEED ? form_get(&r->form, "level") : "3";
			html_select(b, &(struct select){.name = "skill_id", .label = "Skill", .options = so,
							.n = nso, .selected = skill_sel},
				    failed == F_NEED ? &e : &none);
			html_select(b, &(struct select){.name = "level", .label = "Level",
							.options = level_options, .n = 5,
							.selected = level_sel},
				    failed == F_NEED ? &e : &none);
			html_raw(b, "<button type=\"submit\">Require it</button></form>\n");
		}
	}
	html_raw(b, "</section>\n");

	/* holders */
	html_raw(b, "<section aria-labelledby=\"h-hold\"><h2 id=\"h-hold\">Holders</h2>\n");
	if (failed == F_UNSTAFF)
		html_form_error(b, &e, 0);
	if (!nst) {
		html_raw(b, "<p class=\"empty\">Nobody holds this position.</p>\n");
	} else {
		html_raw(b, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Person</th>"
			    "<th scope=\"col\">Since</th><th scope=\"col\">Match</th>");
		if (writable)
			html_raw(b, "<th scope=\"col\"><span class=\"sr-only\">Actions</span></th>");
		html_raw(b, "</tr></thead><tbody>\n");
		for (size_t i = 0; i < nst; i++) {
			html_raw(b, "<tr><td>");
			person_link(b, st[i].person_id, st[i].person);
			html_printf(b, "</td><td>%s</td><td>", st[i].since);
			match_bar(b, st[i].score);
			html_raw(b, "</td>");
			if (writable) {
				html_printf(b, "<td><form method=\"post\" action=\"/positions/%lld/staff/%lld/"
					       "delete\">", (long long)p.id, (long long)st[i].id);
				html_csrf(b, r);
				html_printf(b, "<button type=\"submit\">Remove %s</button></form></td>",
					    st[i].person);
			}
			html_raw(b, "</tr>\n");
		}
		html_raw(b, "</tbody></table></div>\n");
	}
	html_raw(b, "</section>\n");

	/* candidates */
	html_printf(b, "<section aria-labelledby=\"h-cand\"><h2 id=\"h-cand\">Candidates</h2>\n"
		       "<p class=\"hint\">The people of %s and its sub-units, best match first. The "
		       "match is the mean, over the required skills, of the level had (up to the "
		       "level required) divided by the level required.</p>\n", p.unit_name);
	if (failed == F_STAFF)
		html_form_error(b, &e, 0);
	if (!ncand) {
		html_raw(b, "<p class=\"empty\">Nobody belongs to this unit.</p>\n");
	} else {
		html_raw(b, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Rank</th>"
			    "<th scope=\"col\">Person</th><th scope=\"col\">Title</th>"
			    "<th scope=\"col\">Match</th><th scope=\"col\" class=\"num\">Skills short"
			    "</th>");
		if (writable)
			html_raw(b, "<th scope=\"col\"><span class=\"sr-only\">Actions</span></th>");
		html_raw(b, "</tr></thead><tbody>\n");
		for (size_t i = 0; i < ncand; i++) {
			html_printf(b, "<tr><td class=\"num\">%zu</td><td>", i + 1);
			person_link(b, cand[i].person_id, cand[i].name);
			html_printf(b, "</td><td>%s</td><td>", cand[i].title ? cand[i].title : "");
			match_bar(b, cand[i].score);
			html_printf(b, "</td><td class=\"num\">%lld</td>", (long long)cand[i].missing);
			if (writable) {
				html_raw(b, "<td>");
				if (cand[i].holds) {
					html_raw(b, "<span class=\"none\">holds it</span>");
				} else if (p.vacancies > 0) {
					html_printf(b, "<form method=\"post\" action=\"/positions/%lld/staff\">"
						       "<input type=\"hidden\" name=\"person_id\" value=\"%lld\">",
						    (long long)p.id, (long long)cand[i].person_id);
					html_csrf(b, r);
					html_printf(b, "<button type=\"submit\">Staff %s</button></form>",
						    cand[i].name);
				}
				html_raw(b, "</td>");
			}
			html_raw(b, "</tr>\n");
		}
		html_raw(b, "</tbody></table></div>\n");
	}
	html_raw(b, "</section>\n");

	if (writable) {
		html_raw(b, "<section aria-labelledby=\"h-rm\"><h2 id=\"h-rm\">Remove the position</h2>\n"
			    "<p class=\"hint\">Only a position nobody holds can be removed.</p>\n");
		html_printf(b, "<form method=\"post\" action=\"/positions/%lld/delete\">",
			    (long long)p.id);
		html_csrf(b, r);
		html_raw(b, "<button type=\"submit\"");
		if (failed == F_DELETE)
			html_raw(b, " aria-describedby=\"delete-err\" autofocus");
		html_raw(b, ">Delete the position</button>");
		if (failed == F_DELETE)
			html_printf(b, "<p class=\"error\" id=\"delete-err\" role=\"alert\">%s</p>", e.msg);
		html_raw(b, "</form>\n</section>\n");
	}
	page_end(r);
	return 0;
}

int position_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}))
		return -1;
	return render_position(r, F_NONE);
}

/* After a position form's domain call: a redirect back, or the page with
 * the error beside the form that failed. */
static int position_after(struct req *r, int rc, int which)
{
	if (rc == 0)
		return page_redirect(r, "/positions/%lld", (long long)r->id);
	if (form_failed(r))
		return -1;
	return render_position(r, which);
}

int position_need_page(struct req *r)
{
	struct level_input in = {0};
	unsigned set = 0;
	int rc = form_fill(&r->form, level_fields, &in, &set, &r->e) ||
		 position_need(r->db, r->id, &in, set, &r->e);
	return position_after(r, rc ? -1 : 0, F_NEED);
}

int position_unneed_page(struct req *r)
{
	return position_after(r, position_unneed(r->db, r->id, r->id2, &r->e), F_UNNEED);
}

/* The person of a form, refused as missing when the actor cannot read
 * them (as the core does for the references of other forms). */
static int readable_person(struct req *r, int64_t id)
{
	struct err e2 = {0};
	if (!access_check(r->db, &r->who, K_PERSON, id, A_READ, &e2))
		return 0;
	if (e2.status != ERR_NOT_FOUND) {
		r->e = e2;
		return -1;
	}
	return err_set(&r->e, ERR_NOT_FOUND, "person_id", "person_id: no person with id %lld",
		       (long long)id);
}

int position_staff_page(struct req *r)
{
	static const struct field fields[] = {
		{.name = "person_id", .type = FT_ID, .offset = offsetof(struct staff_input, person_id),
		 .bit = STF_PERSON, .required = 1},
		{.name = "since", .type = FT_DATE, .offset = offsetof(struct staff_input, since),
		 .bit = STF_SINCE},
		{0},
	};
	struct staff_input in = {.position_id = r->id};
	unsigned set = STF_POSITION;
	int64_t id;
	int rc = form_fill(&r->form, fields, &in, &set, &r->e) ||
		 fields_require(fields, set, &r->e) || readable_person(r, in.person_id) ||
		 staff_add(r->db, &in, set, &id, &r->e);
	return position_after(r, rc ? -1 : 0, F_STAFF);
}

int position_unstaff_page(struct req *r)
{
	return position_after(r, staff_rm_of(r->db, r->id, r->id2, &r->e), F_UNSTAFF);
}

int position_delete_page(struct req *r)
{
	struct position p;
	if (position_get(r->db, r->a, r->id, &p, &r->e))
		return -1;
	if (position_rm(r->db, r->id, &r->e) == 0)
		return page_redirect(r, "/staffing?unit=%lld", (long long)p.unit_id);
	if (form_failed(r))
		return -1;
	return render_position(r, F_DELETE);
}

/* --- the position form ----------------------------------------------------------- */

struct position_vals {
	const char *title, *unit_id, *headcount;
};

static int position_form(struct req *r, const char *title, const struct position_vals *v,
			 int64_t id)
{
	struct unit *units;
	size_t nunits, nopt;
	if (page_units(r, &units, &nunits))
		return -1;
	struct option *uo = unit_options(r, units, nunits, NULL, NULL, &nopt);
	page_begin(r, title, "staffing");
	struct buf *b = &r->page;
	html_raw(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/staffing\">Staffing"
		    "</a>");
	if (id)
		html_printf(b, " › <a href=\"/positions/%lld\">Position %lld</a>", (long long)id,
			    (long long)id);
	html_printf(b, "</nav>\n<h1>%s</h1>\n", title);
	html_form_error(b, &r->e, 1);
	if (id)
		html_printf(b, "<form method=\"post\" action=\"/positions/%lld\" class=\"stack\" "
			       "novalidate>\n", (long long)id);
	else
		html_raw(b, "<form method=\"post\" action=\"/positions\" class=\"stack\" novalidate>\n");
	html_csrf(b, r);
	html_input(b, &(struct input){.name = "title", .label = "Title", .value = v->title,
				      .required = 1, .maxlength = 200}, &r->e);
	html_select(b, &(struct select){.name = "unit_id", .label = "Unit", .options = uo,
					.n = nopt, .selected = v->unit_id, .required = 1}, &r->e);
	html_input(b, &(struct input){.name = "headcount", .label = "Headcount", .type = "number",
				      .step = "1", .min = "0", .value = v->headcount,
				      .hint = "How many people the position takes."}, &r->e);
	html_printf(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">%s</button> "
		       "<a href=\"%s\">Cancel</a></div>\n</form>\n",
		    id ? "Save the position" : "Add the position",
		    id ? arena_printf(r->a, "/positions/%lld", (long long)id) : "/staffing");
	page_end(r);
	return 0;
}

static void position_vals_from_form(const struct form *f, struct position_vals *v)
{
	v->title = form_get(f, "title");
	v->unit_id = form_get(f, "unit_id");
	v->headcount = form_get(f, "headcount");
}

static const struct field position_new_q_fields[] = {
	{.name = "unit", .type = FT_ID, .offset = 0, .bit = 1u << 0},
	{0},
};

int position_new_page(struct req *r)
{
	int64_t unit = 0;
	unsigned set = 0;
	if (page_query(r, position_new_q_fields, &unit, &set) || may_create(r, "positions"))
		return -1;
	struct position_vals v = {.unit_id = unit ? input_id(r, unit) : NULL, .headcount = "1"};
	return position_form(r, "New position", &v, 0);
}

int position_create_page(struct req *r)
{
	struct position_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (form_fill(&r->form, position_fields, &in, &set, &r->e) ||
	    position_add(r->db, &in, set, &id, &r->e)) {
		if (form_failed(r))
			return -1;
		struct position_vals v;
		position_vals_from_form(&r->form, &v);
		return position_form(r, "New position", &v, 0);
	}
	return page_redirect(r, "/positions/%lld", (long long)id);
}

int position_edit_page(struct req *r)
{
	struct position p;
	if (page_query(r, NULL, NULL, &(unsigned){0}) ||
	    position_get(r->db, r->a, r->id, &p, &r->e))
		return -1;
	struct position_vals v = {.title = p.title, .unit_id = input_id(r, p.unit_id),
				  .headcount = arena_printf(r->a, "%lld", (long long)p.headcount)};
	return position_form(r, arena_printf(r->a, "Edit %s", p.title), &v, r->id);
}

int position_update_page(struct req *r)
{
	struct position_input in = {0};
	unsigned set = 0;
	if (form_fill_edit(&r->form, position_fields, &in, &set, &r->e) ||
	    position_set(r->db, r->id, &in, set, &r->e)) {
		if (form_failed(r))
			return -1;
		struct position_vals v;
		position_vals_from_form(&r->form, &v);
		return position_form(r, "Edit the position", &v, r->id);
	}
	return page_redirect(r, "/positions/%lld", (long long)r->id);
}

/* --- the skill catalogue ------------------------------------------------------------ */

struct skills_q {
	struct listq l;
};
static const struct field skills_q_fields[] = {
	LIST_FIELDS(struct skills_q),
	{0},
};

static int cmp_skill_name(const void *a, const void *b)
{
	const struct skill *x = a, *y = b;
	int c = strcasecmp(x->name, y->name);
	return c ? c : (x->id > y->id) - (x->id < y->id);
}
static int cmp_skill_people(const void *a, const void *b)
{
	const struct skill *x = a, *y = b;
	if (x->people != y->people)
		return x->people > y->people ? -1 : 1;
	return cmp_skill_name(a, b);
}
static int cmp_skill_positions(const void *a, const void *b)
{
	const struct skill *x = a, *y = b;
	if (x->positions != y->positions)
		return x->positions > y->positions ? -1 : 1;
	return cmp_skill_name(a, b);
}

static int render_skills(struct req *r, const struct skills_q *q)
{
	struct skill *v;
	size_t n;
	if (skill_list(r->db, r->a, NULL, 0, &v, &n, &r->e))
		return -1;
	const char *sort = q->l.sort;
	int (*cmp)(const void *, const void *) = cmp_skill_name;
	if (strcmp(sort, "people") == 0)
		cmp = cmp_skill_people;
	else if (strcmp(sort, "positions") == 0)
		cmp = cmp_skill_positions;
	else
		sort = "name";
	if (n)
		qsort(v, n, sizeof *v, cmp);
	if (is_csv(&q->l)) {
		struct csv c = page_csv(r, "skills.csv");
		static const char *const head[] = {"id", "name", "description", "people", "positions"};
		csv_header(&c, head, sizeof head / sizeof head[0]);
		for (size_t i = 0; i < n; i++) {
			csv_int(&c, v[i].id);
			csv_text(&c, v[i].name);
			csv_text(&c, v[i].description);
			csv_int(&c, v[i].people);
			csv_int(&c, v[i].positions);
			csv_end(&c);
		}
		return 0;
	}
	struct buf sorted = BUF_INIT;
	buf_puts(&sorted, "/skills?");
	qs_add(&sorted, "sort", sort);
	page_begin(r, "Skills", "staffing");
	struct buf *b = &r->page;
	html_raw(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/staffing\">Staffing"
		    "</a></nav>\n<h1>Skills</h1>\n<p class=\"lead\">The organization's skill "
		    "catalogue. Levels: 1 aware, 2 beginner, 3 practitioner, 4 advanced, 5 expert."
		    "</p>\n");
	if (!n) {
		html_raw(b, "<p class=\"empty\">No skills yet.</p>\n");
	} else {
		size_t first, last;
		int64_t pages = page_slice((int64_t)n, q->l.page, &first, &last);
		html_printf(b, "<p class=\"count\">%zu skill%s</p>\n<div class=\"table-wrap\"><table>"
			       "<thead><tr>", n, n == 1 ? "" : "s");
		sort_th(b, "Skill", "name", sort, "/skills?");
		html_raw(b, "<th scope=\"col\">Description</th>");
		sort_th(b, "People", "people", sort, "/skills?");
		sort_th(b, "Positions", "positions", sort, "/skills?");
		int admin = r->who.role == ROLE_ADMIN;
		if (admin)
			html_raw(b, "<th scope=\"col\"><span class=\"sr-only\">Actions</span></th>");
		html_raw(b, "</tr></thead><tbody>\n");
		for (size_t i = first; i < last; i++) {
			html_printf(b, "<tr><td>%s</td><td>%s</td><td class=\"num\">%lld</td>"
				       "<td class=\"num\">%lld</td>", v[i].name, v[i].description,
				    (long long)v[i].people, (long long)v[i].positions);
			if (admin)
				html_printf(b, "<td><a href=\"/skills/%lld/edit\">Edit<span class=\"sr-only\">"
					       " %s</span></a></td>", (long long)v[i].id, v[i].name);
			html_raw(b, "</tr>\n");
		}
		html_raw(b, "</tbody></table></div>\n");
		html_pager(b, buf_str(&sorted), q->l.page > pages ? pages : q->l.page, pages);
		csv_link(b, buf_str(&sorted));
	}
	buf_free(&sorted);
	if (r->who.role == ROLE_ADMIN) {
		struct err none = {0};
		const struct err *fe = r->status >= 400 ? &r->e : &none;
		html_raw(b, "<section class=\"panel\" aria-labelledby=\"h-add\"><h2 id=\"h-add\">"
			    "Add a skill</h2>\n");
		html_form_error(b, fe, 1);
		html_raw(b, "<form method=\"post\" action=\"/skills\" class=\"stack\" novalidate>\n");
		html_csrf(b, r);
		html_input(b, &(struct input){.name = "name", .label = "Name", .required = 1,
					      .maxlength = 200,
					      .value = fe->status ? form_get(&r->form, "name") : NULL},
			   fe);
		html_input(b, &(struct input){.name = "description", .label = "Description",
					      .maxlength = 2000,
					      .value = fe->status ? form_get(&r->form, "description")
								  : NULL}, fe);
		html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Add the "
			    "skill</button></div>\n</form></section>\n");
	} else {
		html_raw(b, "<p class=\"hint\">Administrators keep the catalogue.</p>\n");
	}
	page_end(r);
	return 0;
}

int skills_page(struct req *r)
{
	struct skills_q q = {0};
	unsigned set = 0;
	if (list_query(r, skills_q_fields, &q, &set, "name"))
		return -1;
	return render_skills(r, &q);
}

int skill_create_page(struct req *r)
{
	struct skill_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (form_fill(&r->form, skill_fields, &in, &set, &r->e) ||
	    skill_add(r->db, &in, set, &id, &r->e)) {
		if (form_failed(r))
			return -1;
		struct skills_q q = {.l = {.sort = "name", .page = 1, .format = "html"}};
		return render_skills(r, &q);
	}
	return page_redirect(r, "/skills");
}

/* --- a skill's edit page (admins: the routes are ROUTE_ADMIN) ------------------------ */

/* The edit form with name and description as given (the stored values,
 * or what a refused form sent, with r->e beside its field), and the
 * delete button with refused's message beside it after a refused delete. */
static int skill_form(struct req *r, const struct skill *s, const char *name,
		      const char *description, const struct err *refused)
{
	struct err none = {0};
	const struct err *fe = refused ? &none : &r->e;
	page_begin(r, arena_printf(r->a, "Edit %s", s->name), "staffing");
	struct buf *b = &r->page;
	html_printf(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/staffing\">"
		       "Staffing</a> › <a href=\"/skills\">Skills</a></nav>\n<h1>Edit %s</h1>\n",
		    s->name);
	html_form_error(b, fe, 1);
	html_printf(b, "<form method=\"post\" action=\"/skills/%lld\" class=\"stack\" "
		       "novalidate>\n", (long long)s->id);
	html_csrf(b, r);
	html_input(b, &(struct input){.name = "name", .label = "Name", .value = name,
				      .required = 1, .maxlength = 200}, fe);
	html_input(b, &(struct input){.name = "description", .label = "Description",
				      .value = description, .maxlength = 2000}, fe);
	html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Save the "
		    "skill</button> <a href=\"/skills\">Cancel</a></div>\n</form>\n");
	html_printf(b, "<section aria-labelledby=\"h-rm\"><h2 id=\"h-rm\">Remove the skill</h2>\n"
		       "<p class=\"hint\">Only a skill nobody has and no position requires can be "
		       "removed: %lld %s it, %lld position%s require%s it.</p>\n",
		    (long long)s->people, s->people == 1 ? "person has" : "people have",
		    (long long)s->positions, s->positions == 1 ? "" : "s",
		    s->positions == 1 ? "s" : "");
	html_printf(b, "<form method=\"post\" action=\"/skills/%lld/delete\">", (long long)s->id);
	html_csrf(b, r);
	html_raw(b, "<button type=\"submit\"");
	if (refused)
		html_raw(b, " aria-describedby=\"delete-err\" autofocus");
	html_raw(b, ">Delete the skill</button>");
	if (refused)
		html_printf(b, "<p class=\"error\" id=\"delete-err\" role=\"alert\">%s</p>",
			    refused->msg);
	html_raw(b, "</form>\n</section>\n");
	page_end(r);
	return 0;
}

int skill_edit_page(struct req *r)
{
	struct skill s;
	if (page_query(r, NULL, NULL, &(unsigned){0}) || skill_get(r->db, r->a, r->id, &s, &r->e))
		return -1;
	return skill_form(r, &s, s.name, s.description, NULL);
}

int skill_update_page(struct req *r)
{
	struct skill s;	/* as stored: the title and the delete section */
	struct skill_input in = {0};
	unsigned set = 0;
	if (skill_get(r->db, r->a, r->id, &s, &r->e))
		return -1;
	if (form_fill_edit(&r->form, skill_fields, &in, &set, &r->e) ||
	    skill_set(r->db, r->id, &in, set, &r->e)) {
		if (form_failed(r))
			return -1;
		return skill_form(r, &s, form_get(&r->form, "name"),
				  form_get(&r->form, "description"), NULL);
	}
	return page_redirect(r, "/skills");
}

/* Refused (409, the domain's message naming what uses it) while a person
 * has the skill or a position requires it: the edit page comes back with
 * the reason beside the button. */
int skill_delete_page(struct req *r)
{
	struct skill s;
	if (skill_get(r->db, r->a, r->id, &s, &r->e))
		return -1;
	if (skill_rm(r->db, r->id, &r->e) == 0)
		return page_redirect(r, "/skills");
	if (form_failed(r))
		return -1;
	struct err refused = r->e;
	int status = r->status;
	err_clear(&r->e);
	if (skill_form(r, &s, s.name, s.description, &refused))
		return -1;
	r->status = status;
	return 0;
}

/* --- sections of the person and unit pages ---------------------------------------- */

int person_skill_page(struct req *r)
{
	struct level_input in = {0};
	unsigned set = 0;
	if (form_fill(&r->form, level_fields, &in, &set, &r->e) ||
	    person_skill_set(r->db, r->id, &in, set, &r->e)) {
		if (form_failed(r))
			return -1;
		/* the person page with the error beside this form */
		return person_page(r);
	}
	return page_redirect(r, "/people/%lld#h-skills", (long long)r->id);
}

int person_unskill_page(struct req *r)
{
	if (person_skill_rm(r->db, r->id, r->id2, &r->e)) {
		if (form_failed(r))
			return -1;
		return person_page(r);
	}
	return page_redirect(r, "/people/%lld#h-skills", (long long)r->id);
}

int staffing_person_section(struct req *r, struct buf *b, int64_t person_id)
{
	struct err e = r->e;	/* a failed skill form's error */
	struct skill_filter f = {.person_id = person_id};
	struct skill *v;
	size_t n;
	struct staff_filter sf = {.person_id = person_id};
	struct staff *st;
	size_t nst;
	unsigned sset = SFF_PERSON;
	if (skill_list(r->db, r->a, &f, SKF_PERSON, &v, &n, &r->e) ||
	    api_scope(r, &sf.unit_id, &sset, SFF_UNIT) ||
	    staff_list(r->db, r->a, &sf, sset, &st, &nst, &r->e))
		return -1;
	int writable = may_write(r, K_PERSON, person_id);
	html_raw(b, "<section aria-labelledby=\"h-skills\"><h2 id=\"h-skills\">Skills</h2>\n");
	if (e.status)
		html_form_error(b, &e, 0);
	if (!n) {
		html_raw(b, "<p class=\"empty\">No skills recorded.</p>\n");
	} else {
		html_raw(b, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Skill</th>"
			    "<th scope=\"col\">Level</th>");
		if (writable)
			html_raw(b, "<th scope=\"col\"><span class=\"sr-only\">Actions</span></th>");
		html_raw(b, "</tr></thead><tbody>\n");
		for (size_t i = 0; i < n; i++) {
			html_printf(b, "<tr><td>%s</td><td>%lld %s</td>", v[i].name, (long long)v[i].level,
				    skill_level_name(v[i].level));
			if (writable) {
				html_printf(b, "<td><form method=\"post\" action=\"/people/%lld/skills/%lld/"
					       "delete\">", (long long)person_id, (long long)v[i].id);
				html_csrf(b, r);
				html_printf(b, "<button type=\"submit\">Remove %s</button></form></td>",
					    v[i].name);
			}
			html_raw(b, "</tr>\n");
		}
		html_raw(b, "</tbody></table></div>\n");
	}
	if (writable) {
		size_t nso = 0;
		struct option *so = skill_options(r, &nso);
		if (!so)
			return -1;
		if (nso) {
			struct err none = {0};
			html_printf(b, "<form method=\"post\" action=\"/people/%lld/skills\" "
				       "class=\"filters\">", (long long)person_id);
			html_csrf(b, r);
			html_select(b, &(struct select){.name = "skill_id", .label = "Skill",
							.options = so, .n = nso,
							.selected = form_get(&r->form, "skill_id")},
				    e.status ? &e : &none);
			const char *lv = form_get(&r->form, "level");
			html_select(b, &(struct select){.name = "level", .label = "Level",
							.options = level_options, .n = 5,
							.selected = lv ? lv : "3"},
				    e.status ? &e : &none);
			html_raw(b, "<button type=\"submit\">Set the level</button></form>\n");
		}
	}
	html_raw(b, "<h3>Positions</h3>\n");
	if (!nst) {
		html_raw(b, "<p class=\"empty\">Holds no position.</p>\n");
	} else {
		html_raw(b, "<ul>");
		for (size_t i = 0; i < nst; i++) {
			html_printf(b, "<li><a href=\"/positions/%lld\">%s</a> in %s since %s, ",
				    (long long)st[i].position_id, st[i].title, st[i].unit_name,
				    st[i].since);
			match_bar(b, st[i].score);
			html_raw(b, "</li>");
		}
		html_raw(b, "</ul>\n");
	}
	html_raw(b, "</section>\n");
	return 0;
}

int staffing_unit_section(struct req *r, struct buf *b, int64_t unit_id)
{
	struct position_filter f = {.unit_id = unit_id};
	struct position *v;
	size_t n;
	if (position_list(r->db, r->a, &f, POF_UNIT, &v, &n, &r->e))
		return -1;
	html_raw(b, "<section aria-labelledby=\"h-positions\"><h2 id=\"h-positions\">Positions"
		    "</h2>\n");
	size_t shown = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i].unit_id != unit_id)
			continue;
		if (!shown++)
			html_raw(b, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">"
				    "Position</th><th scope=\"col\" class=\"num\">Filled</th>"
				    "<th scope=\"col\" class=\"num\">Headcount</th>"
				    "<th scope=\"col\" class=\"num\">Vacancies</th></tr></thead><tbody>\n");
		html_printf(b, "<tr><td><a href=\"/positions/%lld\">%s</a></td><td class=\"num\">%lld"
			       "</td><td class=\"num\">%lld</td><td class=\"num\">%lld</td></tr>\n",
			    (long long)v[i].id, v[i].title, (long long)v[i].filled,
			    (long long)v[i].headcount, (long long)v[i].vacancies);
	}
	if (shown)
		html_raw(b, "</tbody></table></div>\n");
	else
		html_raw(b, "<p class=\"empty\">No positions in this unit directly.</p>\n");
	html_printf(b, "<p><a href=\"/staffing?unit=%lld\">The staffing board of this unit and its "
		       "sub-units</a></p>\n</section>\n", (long long)unit_id);
	return 0;
}
