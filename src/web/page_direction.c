/* page_direction: setting a direction. /direction shows the vision (with
 * its horizon, review date and history), the units' visions and what
 * they serve, the strategies with the plans that carry them out, and the
 * two gap lists. /vision/edit (admins: the organization's) and
 * /vision/unit (managers: their units') set a new version;
 * /vision/history lists a scope's versions; /strategies/:id shows a
 * strategy with its plans and the form to link one; /strategies/new and
 * /strategies/:id/edit. */
#include <string.h>

#include "lead/strategy.h"
#include "lead/vision.h"
#include "manage/plan.h"
#include "web/page.h"

/* --- pieces ------------------------------------------------------------------ */

static void progress(struct buf *b, int64_t x100)
{
	html_printf(b, "<meter class=\"dir-meter\" min=\"0\" max=\"100\" value=\"%lld.%02lld\">"
		       "</meter> %lld.%02lld %%", (long long)(x100 / 100), (long long)(x100 % 100),
		    (long long)(x100 / 100), (long long)(x100 % 100));
}

static void review(struct buf *b, const struct vision *v)
{
	if (!v->review_date) {
		html_raw(b, "<span class=\"none\">no review date</span>");
		return;
	}
	html_printf(b, "%s", v->review_date);
	if (v->due)
		html_raw(b, " <span class=\"badge dir-due\">due for review</span>");
}

/* 1 if the actor may read plan id (plans of other units stay unnamed). */
static int plan_readable(struct req *r, int64_t id)
{
	struct err ignore = {0};
	return access_check(r->db, &r->who, K_PLAN, id, A_READ, &ignore) == 0;
}

static void plans_html(struct req *r, struct buf *b, const struct strategy_plan *p, size_t n,
		      int64_t unlink_from)
{
	size_t shown = 0;
	for (size_t i = 0; i < n; i++) {
		if (!plan_readable(r, p[i].id))
			continue;
		if (!shown++)
			html_raw(b, "<ul class=\"dir-plans\">");
		html_printf(b, "<li><a href=\"/plans/%lld\">%s</a> ", (long long)p[i].id, p[i].name);
		status_badge(b, p[i].status);
		html_raw(b, " ");
		progress(b, p[i].progress_x100);
		if (unlink_from) {
			html_printf(b, " <form method=\"post\" action=\"/strategies/%lld/plans/%lld/"
				       "delete\" class=\"dir-inline\">", (long long)unlink_from,
				    (long long)p[i].id);
			html_csrf(b, r);
			html_raw(b, "<button type=\"submit\">Unlink</button></form>");
		}
		html_raw(b, "</li>");
	}
	if (shown)
		html_raw(b, "</ul>\n");
	else
		html_raw(b, "<p class=\"empty dir-noplan\">No plan carries it out.</p>\n");
}

/* --- the vision forms ------------------------------------------------------------ */

struct vision_vals {
	const char *statement, *horizon, *review_date, *unit_id, *serves;
};

static void vision_vals_from_form(const struct form *f, struct vision_vals *v)
{
	v->statement = form_get(f, "statement");
	v->horizon = form_get(f, "horizon");
	v->review_date = form_get(f, "review_date");
	v->unit_id = form_get(f, "unit_id");
	v->serves = form_get(f, "serves");
}

static const struct field direction_q_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct vision_filter, unit_id),
	 .bit = VIF_UNIT},
	{0},
};

/* The page of the form for the organization's vision or a unit's
 * (unit_form; unit: the one chosen, 0 for none yet); sent holds the
 * values of a refused form, with r->e. Without sent, the form starts
 * from the scope's current version. */
static int vision_form(struct req *r, int unit_form, int64_t unit,
		       const struct vision_vals *sent)
{
	struct vision cur;
	const struct vision *c = NULL;
	struct option *uo = NULL;
	size_t nuo = 0;
	if (unit_form) {
		struct unit *units;
		size_t nu;
		if (page_units(r, &units, &nu) || !(uo = unit_options(r, units, nu, NULL, NULL, &nuo)))
			return r->e.status ? -1 : err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	}
	if (!sent && (!unit_form || unit)) {
		struct err none = {0};
		if (vision_current(r->db, r->a, unit, &cur, &none) == 0)
			c = &cur;
	}
	const char *title = unit_form ? "Set a unit's vision" : "Set the organization's vision";
	page_begin(r, title, "direction");
	struct buf *b = &r->page;
	html_printf(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/direction\">"
		       "Direction</a></nav>\n<h1>%s</h1>\n<p class=\"lead\">%s</p>\n", title,
		    unit_form ? "A unit's vision says how it serves the organization's. Setting it "
				"writes a new version; the earlier ones stay in its history."
			      : "Setting it writes a new version; the earlier ones stay in its "
				"history.");
	const struct err *e = sent ? &r->e : &(struct err){0};
	if (sent)
		html_form_error(b, &r->e, 1);
	html_raw(b, "<form method=\"post\" action=\"/vision\" class=\"stack\" novalidate>\n");
	html_csrf(b, r);
	if (unit_form)
		html_select(b, &(struct select){.name = "unit_id", .label = "Unit", .options = uo,
						.n = nuo, .required = 1,
						.selected = sent && sent->unit_id ? sent->unit_id
							: input_id(r, unit)},
			    e);
	html_input(b, &(struct input){.name = "statement", .label = "Statement", .required = 1,
				      .maxlength = 2000,
				      .value = sent ? sent->statement : c ? c->statement : NULL,
				      .hint = "Where we are going, in a sentence or two."}, e);
	if (unit_form)
		html_input(b, &(struct input){.name = "serves", .label = "How it serves the "
					      "organization's vision", .required = 1,
					      .maxlength = 1000,
					      .value = sent ? sent->serves : c ? c->serves : NULL},
			   e);
	html_input(b, &(struct input){.name = "horizon", .label = "Horizon (a year)",
				      .type = "number", .step = "1", .min = "2000", .required = 1,
				      .value = sent ? sent->horizon
						    : c ? arena_printf(r->a, "%lld", (long long)c->horizon)
							: NULL}, e);
	html_input(b, &(struct input){.name = "review_date", .label = "Review on",
				      .type = "date",
				      .value = sent ? sent->review_date : c ? c->review_date : NULL,
				      .hint = "Optional: when to look at it again."}, e);
	html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Set the "
		    "vision</button> <a href=\"/direction\">Cancel</a></div>\n</form>\n");
	page_end(r);
	return 0;
}

int vision_edit_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}))
		return -1;
	if (r->who.role != ROLE_ADMIN)
		return err_set(&r->e, ERR_FORBIDDEN, "", "only an admin sets the organization's vision");
	return vision_form(r, 0, 0, NULL);
}

/* /vision/unit?unit_id=U: U's form, starting from its current vision. */
int vision_unit_page(struct req *r)
{
	struct vision_filter f = {0};
	unsigned set = 0;
	if (page_query(r, direction_q_fields, &f, &set) || may_create(r, "units' visions"))
		return -1;
	if ((set & VIF_UNIT) && api_scope(r, &f.unit_id, &set, VIF_UNIT))
		return -1;
	return vision_form(r, 1, (set & VIF_UNIT) ? f.unit_id : 0, NULL);
}

/* --- /direction ------------------------------------------------------------------ */

int direction_page(struct req *r)
{
	struct vision_filter f = {0};
	unsigned set = 0;
	if (page_query(r, direction_q_fields, &f, &set) ||
	    api_scope(r, &f.unit_id, &set, VIF_UNIT))
		return -1;
	int64_t unit = (set & VIF_UNIT) ? f.unit_id : 0;
	struct vision *vis;
	struct strategy *s, *gs;
	struct strategy_plan *gp;
	size_t nv, ns, ngs, ngp;
	struct strategy_filter sf = {.unit_id = unit};
	if (vision_list(r->db, r->a, unit, &vis, &nv, &r->e) ||
	    strategy_list(r->db, r->a, &sf, unit ? STRF_UNIT : 0, &s, &ns, &r->e) ||
	    strategy_gap_lists(r->db, r->a, unit, &gs, &ngs, &gp, &ngp, &r->e))
		return -1;
	const struct vision *org = nv && !vis[0].unit_id ? &vis[0] : NULL;

	page_begin(r, "Direction", "direction");
	struct buf *b = &r->page;
	html_raw(b, "<div class=\"title-row\"><h1>Direction</h1>");
	if (r->who.role >= ROLE_MANAGER)
		html_raw(b, "<a class=\"button primary\" href=\"/strategies/new\">New strategy</a>");
	html_raw(b, "</div>\n<p class=\"lead\">Where the organization is going, the strategies "
		    "that get it there, and the plans that carry them out.</p>\n");
	struct unit *units;
	size_t nu;
	if (page_units(r, &units, &nu))
		return -1;
	html_raw(b, "<nav class=\"dir-scope\" aria-label=\"Scope\"><ul><li>");
	if (unit)
		html_raw(b, "<a href=\"/direction\">All your units</a>");
	else
		html_raw(b, "<strong aria-current=\"page\">All your units</strong>");
	for (size_t i = 0; i < nu; i++) {
		if (units[i].id == unit)
			html_printf(b, "</li><li><strong aria-current=\"page\">%s</strong>", units[i].name);
		else
			html_printf(b, "</li><li><a href=\"/direction?unit_id=%lld\">%s</a>",
				    (long long)units[i].id, units[i].name);
	}
	html_raw(b, "</li></ul></nav>\n");

	html_raw(b, "<section aria-labelledby=\"h-vision\"><h2 id=\"h-vision\">Vision</h2>\n");
	if (org) {
		html_printf(b, "<blockquote class=\"dir-vision\"><p>%s</p></blockquote>\n"
			       "<dl class=\"facts\"><dt>Horizon</dt><dd>%lld</dd><dt>Review</dt><dd>",
			    org->statement, (long long)org->horizon);
		review(b, org);
		html_printf(b, "</dd><dt>Version</dt><dd>%lld (<a href=\"/vision/history\">history"
			       "</a>)</dd><dt>Author</dt><dd>%s</dd></dl>\n", (long long)org->version,
			    org->author);
	} else {
		html_raw(b, "<p class=\"empty\">The organization has no vision yet.</p>\n");
	}
	if (r->who.role == ROLE_ADMIN)
		html_raw(b, "<p><a class=\"button\" href=\"/vision/edit\">Set a new version</a></p>\n");
	html_raw(b, "</section>\n");

	html_raw(b, "<section aria-labelledby=\"h-units\"><h2 id=\"h-units\">The units' visions"
		    "</h2>\n");
	size_t nunits = nv - (org ? 1 : 0);
	if (!nunits)
		html_raw(b, "<p class=\"empty\">No unit has a vision of its own yet.</p>\n");
	else
		html_raw(b, "<ul class=\"dir-units\">");
	for (size_t i = org ? 1 : 0; i < nv; i++) {
		html_printf(b, "<li><h3><a href=\"/units/%lld\">%s</a></h3><p class=\"dir-unit-vision\">"
			       "%s</p><p><strong>Serves:</strong> %s</p><p class=\"count\">Horizon "
			       "%lld · review ", (long long)vis[i].unit_id, vis[i].unit,
			    vis[i].statement, vis[i].serves, (long long)vis[i].horizon);
		review(b, &vis[i]);
		html_printf(b, " · <a href=\"/vision/history?unit_id=%lld\">version %lld</a>",
			    (long long)vis[i].unit_id, (long long)vis[i].version);
		if (may_write(r, K_VISION, vis[i].id))
			html_printf(b, " · <a href=\"/vision/unit?unit_id=%lld\">set a new version</a>",
				    (long long)vis[i].unit_id);
		html_raw(b, "</p></li>");
	}
	if (nunits)
		html_raw(b, "</ul>\n");
	if (r->who.role >= ROLE_MANAGER)
		html_raw(b, "<p><a class=\"button\" href=\"/vision/unit\">Set a unit's vision</a>"
			    "</p>\n");
	html_raw(b, "</section>\n");

	html_raw(b, "<section aria-labelledby=\"h-strategies\"><h2 id=\"h-strategies\">Strategies"
		    "</h2>\n");
	if (!ns)
		html_raw(b, "<p class=\"empty\">No strategies yet.</p>\n");
	else
		html_raw(b, "<ul class=\"dir-strategies\">");
	for (size_t i = 0; i < ns; i++) {
		struct strategy_plan *p;
		size_t np;
		if (strategy_plans(r->db, r->a, s[i].id, &p, &np, &r->e))
			return -1;
		html_printf(b, "<li><h3><a href=\"/strategies/%lld\">%s</a></h3> ", (long long)s[i].id,
			    s[i].name);
		status_badge(b, s[i].status);
		html_printf(b, " <span class=\"count\">%s · owner ",
			    s[i].unit ? s[i].unit : "the whole organization");
		person_link(b, s[i].owner_id, s[i].owner);
		html_raw(b, "</span>\n");
		plans_html(r, b, p, np, 0);
		html_raw(b, "</li>\n");
	}
	if (ns)
		html_raw(b, "</ul>\n");
	html_raw(b, "</section>\n");

	html_raw(b, "<section aria-labelledby=\"h-gaps\"><h2 id=\"h-gaps\">Gaps</h2>\n"
		    "<h3>Direction without execution</h3>\n");
	if (!ngs) {
		html_raw(b, "<p class=\"empty\">Every active strategy has a plan.</p>\n");
	} else {
		html_raw(b, "<ul class=\"dir-gap-strategies\">");
		for (size_t i = 0; i < ngs; i++)
			html_printf(b, "<li><a href=\"/strategies/%lld\">%s</a> (%s)</li>",
				    (long long)gs[i].id, gs[i].name,
				    gs[i].unit ? gs[i].unit : "the whole organization");
		html_raw(b, "</ul>\n");
	}
	html_raw(b, "<h3>Execution without direction</h3>\n");
	size_t shown = 0;
	for (size_t i = 0; i < ngp; i++) {
		if (!plan_readable(r, gp[i].id))
			continue;
		if (!shown++)
			html_raw(b, "<ul class=\"dir-gap-plans\">");
		html_printf(b, "<li><a href=\"/plans/%lld\">%s</a> (%s) ", (long long)gp[i].id,
			    gp[i].name, gp[i].unit);
		status_badge(b, gp[i].status);
		html_raw(b, "</li>");
	}
	if (shown)
		html_raw(b, "</ul>\n");
	else
		html_raw(b, "<p class=\"empty\">Every open plan carries out a strategy.</p>\n");
	html_raw(b, "</section>\n");
	/* the themes of the environment's signals (page_signal.c) */
	if (signals_direction_section(r, b, unit))
		return -1;
	page_end(r);
	return 0;
}

int vision_save_page(struct req *r)
{
	struct vision_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (form_fill(&r->form, vision_fields, &in, &set, &r->e) ||
	    vision_set(r->db, &in, set, r->who.login, &id, &r->e)) {
		if (form_failed(r))
			return -1;
		struct vision_vals v;
		vision_vals_from_form(&r->form, &v);
		return vision_form(r, form_get(&r->form, "unit_id") != NULL, 0, &v);
	}
	return page_redirect(r, "/direction");
}

/* --- /vision/history ------------------------------------------------------------- */

int vision_history_page(struct req *r)
{
	struct vision_filter f = {0};
	unsigned set = 0;
	if (page_query(r, direction_q_fields, &f, &set))
		return -1;
	int64_t unit = 0;
	if (set & VIF_UNIT) {
		if (api_scope(r, &f.unit_id, &set, VIF_UNIT))
			return -1;
		unit = f.unit_id;
	}
	struct vision *v;
	size_t n;
	if (vision_history(r->db, r->a, unit, &v, &n, &r->e))
		return -1;
	page_begin(r, "The vision's history", "direction");
	struct buf *b = &r->page;
	html_raw(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/direction\">"
		    "Direction</a></nav>\n<h1>The vision's history</h1>\n");
	if (!n) {
		html_raw(b, "<p class=\"empty\">No vision yet.</p>\n");
	} else {
		html_printf(b, "<p class=\"lead\">Every version of %s vision, newest first.</p>\n",
			    v[0].unit ? arena_printf(r->a, "%s's", v[0].unit) : "the organization's");
		html_raw(b, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Version</th>"
			    "<th scope=\"col\">Statement</th><th scope=\"col\">Horizon</th>"
			    "<th scope=\"col\">Review</th><th scope=\"col\">Author</th></tr></thead>"
			    "<tbody>\n");
		for (size_t i = 0; i < n; i++) {
			html_printf(b, "<tr><td class=\"num\">%lld%s</td><td>%s", (long long)v[i].version,
				    v[i].current ? " (current)" : "", v[i].statement);
			if (v[i].unit_id)
				html_printf(b, "<br><small>Serves: %s</small>", v[i].serves);
			html_printf(b, "</td><td class=\"num\">%lld</td><td>", (long long)v[i].horizon);
			review(b, &v[i]);
			html_printf(b, "</td><td>%s</td></tr>\n", v[i].author);
		}
		html_raw(b, "</tbody></table></div>\n");
	}
	page_end(r);
	return 0;
}

/* --- /strategies/:id ------------------------------------------------------------ */

static int render_strategy(struct req *r, int link_failed)
{
	struct strategy s;
	struct strategy_plan *p;
	size_t np;
	struct err saved = r->e;
	err_clear(&r->e);
	if (strategy_get(r->db, r->a, r->id, &s, &r->e) ||
	    strategy_plans(r->db, r->a, r->id, &p, &np, &r->e))
		return -1;
	r->e = saved;
	int writable = may_write(r, K_STRATEGY, s.id);
	page_begin(r, s.name, "direction");
	struct buf *b = &r->page;
	html_printf(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/direction\">"
		       "Direction</a></nav>\n<div class=\"title-row\"><h1>%s</h1>", s.name);
	if (writable)
		html_printf(b, "<a class=\"button\" href=\"/strategies/%lld/edit\">Edit the strategy"
			       "</a>", (long long)s.id);
	html_raw(b, "</div>\n<dl class=\"facts\"><dt>Status</dt><dd>");
	status_badge(b, s.status);
	html_raw(b, "</dd><dt>Unit</dt><dd>");
	if (s.unit_id)
		html_printf(b, "<a href=\"/units/%lld\">%s</a>", (long long)s.unit_id, s.unit);
	else
		html_raw(b, "the whole organization");
	html_raw(b, "</dd><dt>Owner</dt><dd>");
	person_link(b, s.owner_id, s.owner);
	html_raw(b, "</dd><dt>Rationale</dt><dd>");
	if (s.rationale[0])
		html_printf(b, "%s", s.rationale);
	else
		html_raw(b, "<span class=\"none\">none given</span>");
	html_raw(b, "</dd></dl>\n<section aria-labelledby=\"h-plans\"><h2 id=\"h-plans\">Plans "
		    "carrying it out</h2>\n");
	plans_html(r, b, p, np, writable ? s.id : 0);
	if (writable) {
		struct plan_filter pf = {0};
		struct plan *plans;
		size_t nplans;
		unsigned pset = 0;
		if (api_scope(r, &pf.unit_id, &pset, PLF_UNIT) ||
		    plan_list(r->db, r->a, &pf, pset, &plans, &nplans, &r->e))
			return -1;
		struct option *po = arena_alloc(r->a, (nplans + 1) * sizeof *po);
		if (!po)
			return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
		size_t k = 0;
		for (size_t i = 0; i < nplans; i++) {
			int linked = 0;
			for (size_t j = 0; j < np; j++)
				linked |= p[j].id == plans[i].id;
			if (!linked)
				po[k++] = (struct option){input_id(r, plans[i].id), plans[i].name};
		}
		if (k) {
			if (link_failed)
				html_form_error(b, &r->e, 1);
			html_printf(b, "<form method=\"post\" action=\"/strategies/%lld/plans\" "
				       "class=\"stack\" novalidate>\n", (long long)s.id);
			html_csrf(b, r);
			html_select(b, &(struct select){.name = "plan_id", .label = "Link a plan",
							.options = po, .n = k, .selected = "",
							.required = 1},
				    link_failed ? &r->e : &(struct err){0});
			html_raw(b, "<div class=\"actions\"><button type=\"submit\">Link the plan"
				    "</button></div>\n</form>\n");
		}
	}
	html_raw(b, "</section>\n");
	page_end(r);
	return 0;
}

int strategy_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}))
		return -1;
	return render_strategy(r, 0);
}

int strategy_link_page(struct req *r)
{
	struct strategy_plan_input in = {0};
	unsigned set = 0;
	if (form_fill(&r->form, strategy_plan_fields, &in, &set, &r->e) ||
	    fields_require(strategy_plan_fields, set, &r->e) ||
	    access_check(r->db, &r->who, K_PLAN, in.plan_id, A_READ, &r->e) ||
	    strategy_link(r->db, r->id, in.plan_id, &r->e)) {
		if (form_failed(r))
			return -1;
		return render_strategy(r, 1);
	}
	return page_redirect(r, "/strategies/%lld", (long long)r->id);
}

int strategy_unlink_page(struct req *r)
{
	if (strategy_unlink(r->db, r->id, r->id2, &r->e))
		return -1;
	return page_redirect(r, "/strategies/%lld", (long long)r->id);
}

/* --- the strategy form ------------------------------------------------------------ */

struct strategy_vals {
	const char *name, *rationale, *owner_id, *unit_id, *status;
};

static void strategy_vals_from_form(const struct form *f, struct strategy_vals *v)
{
	v->name = form_get(f, "name");
	v->rationale = form_get(f, "rationale");
	v->owner_id = form_get(f, "owner_id");
	v->unit_id = form_get(f, "unit_id");
	v->status = form_get(f, "status");
}

static int strategy_form(struct req *r, const char *title, const struct strategy_vals *v,
			 int64_t id)
{
	struct unit *units;
	size_t nu, nuo, npo;
	struct option *uo, *po;
	const char *org = r->who.role == ROLE_ADMIN ? "" : NULL;
	if (page_units(r, &units, &nu) ||
	    !(uo = unit_options(r, units, nu, org, "The whole organization", &nuo)) ||
	    !(po = people_options_keep(r, "", "No one", v->owner_id, &npo)))
		return r->e.status ? -1 : err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	static const struct option so[] = {
		{"proposed", "Proposed"}, {"active", "Active"}, {"done", "Done"}, {"dropped", "Dropped"}};
	page_begin(r, title, "direction");
	struct buf *b = &r->page;
	html_raw(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/direction\">"
		    "Direction</a>");
	if (id)
		html_printf(b, " › <a href=\"/strategies/%lld\">Strategy %lld</a>", (long long)id,
			    (long long)id);
	html_printf(b, "</nav>\n<h1>%s</h1>\n", title);
	html_form_error(b, &r->e, 1);
	if (id)
		html_printf(b, "<form method=\"post\" action=\"/strategies/%lld\" class=\"stack\" "
			       "novalidate>\n", (long long)id);
	else
		html_raw(b, "<form method=\"post\" action=\"/strategies\" class=\"stack\" "
			    "novalidate>\n");
	html_csrf(b, r);
	html_input(b, &(struct input){.name = "name", .label = "Name", .value = v->name,
				      .required = 1, .maxlength = 200,
				      .hint = "How we mean to get there, in a few words."}, &r->e);
	html_input(b, &(struct input){.name = "rationale", .label = "Rationale",
				      .value = v->rationale, .maxlength = 2000,
				      .hint = "Why this way."}, &r->e);
	html_select(b, &(struct select){.name = "unit_id", .label = "Unit", .options = uo,
					.n = nuo, .selected = v->unit_id ? v->unit_id : ""}, &r->e);
	html_select(b, &(struct select){.name = "owner_id", .label = "Owner", .options = po,
					.n = npo, .selected = v->owner_id ? v->owner_id : ""}, &r->e);
	html_select(b, &(struct select){.name = "status", .label = "Status", .options = so,
					.n = sizeof so / sizeof so[0],
					.selected = v->status ? v->status : "active"}, &r->e);
	html_printf(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">%s"
		       "</button> <a href=\"%s\">Cancel</a></div>\n</form>\n",
		    id ? "Save the strategy" : "Add the strategy",
		    id ? arena_printf(r->a, "/strategies/%lld", (long long)id) : "/direction");
	page_end(r);
	return 0;
}

int strategy_new_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}) || may_create(r, "strategies"))
		return -1;
	struct strategy_vals v = {0};
	return strategy_form(r, "New strategy", &v, 0);
}

int strategy_create_page(struct req *r)
{
	struct strategy_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (form_fill(&r->form, strategy_fields, &in, &set, &r->e) ||
	    strategy_add(r->db, &in, set, &id, &r->e)) {
		if (form_failed(r))
			return -1;
		struct strategy_vals v;
		strategy_vals_from_form(&r->form, &v);
		return strategy_form(r, "New strategy", &v, 0);
	}
	return page_redirect(r, "/strategies/%lld", (long long)id);
}

int strategy_edit_page(struct req *r)
{
	struct strategy s;
	if (page_query(r, NULL, NULL, &(unsigned){0}) ||
	    strategy_get(r->db, r->a, r->id, &s, &r->e))
		return -1;
	struct strategy_vals v = {.name = s.name, .rationale = s.rationale,
				  .owner_id = input_id(r, s.owner_id),
				  .unit_id = input_id(r, s.unit_id), .status = s.status};
	return strategy_form(r, arena_printf(r->a, "Edit %s", s.name), &v, r->id);
}

int strategy_update_page(struct req *r)
{
	struct strategy_input in = {0};
	unsigned set = 0;
	if (form_fill_edit(&r->form, strategy_fields, &in, &set, &r->e) ||
	    strategy_set(r->db, r->id, &in, set, &r->e)) {
		if (form_failed(r))
			return -1;
		struct strategy_vals v;
		strategy_vals_from_form(&r->form, &v);
		return strategy_form(r, "Edit the strategy", &v, r->id);
	}
	return page_redirect(r, "/strategies/%lld", (long long)r->id);
}
