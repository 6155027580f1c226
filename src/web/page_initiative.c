/* page_initiative: /change/:id, one change initiative. The eight steps as
 * a timeline (the day each was reached, an override with its reason and
 * who, the current step marked), the evidence checklist of every step
 * (met or not, and why, in numbers), the Advance button (refused inline
 * with what is missing; an admin may override with a reason), what it is
 * linked to, its obstacles (add, resolve), its short-term wins (add; the
 * recognitions that celebrated them), the network of volunteers beside
 * the affected units (a member volunteers as themselves) and the urgency
 * panel with its indicators. The forms post to /change/:id/...; a refused
 * one re-renders the page with its message beside the form. */
#include <string.h>

#include "base/date.h"
#include "change/evidence.h"
#include "change/initiative.h"
#include "change/network.h"
#include "change/urgency.h"
#include "web/page.h"

/* Which form a refusal belongs to, and what it had. */
enum which { W_NONE = 0, W_ADVANCE, W_OBSTACLE, W_WIN, W_VOLUNTEER };
struct init_vals {
	enum which form;
	const char *override;
	const char *title, *owner_id;	/* an obstacle */
	const char *win_title, *day, *note;	/* a win */
	const struct evidence *missing;	/* a refused advance's missing items */
};

static const char *tenths(struct arena *a, int64_t x10)
{
	return arena_printf(a, "%lld.%lld", (long long)(x10 / 10), (long long)(x10 % 10));
}

/* The error of form w, if it is the one refused. */
static const struct err *err_of(struct req *r, const struct init_vals *v, enum which w)
{
	return v->form == w ? &r->e : NULL;
}

static void timeline(struct buf *b, const struct initiative *in,
		     const struct initiative_links *l)
{
	html_raw(b, "<section aria-labelledby=\"chg-steps\"><h2 id=\"chg-steps\">The eight "
		    "steps</h2>\n<ol class=\"coal-checklist chg-timeline\">\n");
	for (int s = 1; s <= INITIATIVE_NSTEPS; s++) {
		const struct initiative_step_rec *rec = NULL;
		for (size_t i = 0; i < l->n_steps; i++)
			if (l->steps[i].step == s)
				rec = &l->steps[i];
		int current = s == in->step;
		if (current)
			html_raw(b, "<li class=\"coal-met chg-current\" aria-current=\"step\">");
		else if (rec)
			html_raw(b, "<li class=\"coal-met\">");
		else
			html_raw(b, "<li class=\"chg-ahead\">");
		if (current)
			html_printf(b, "<strong>Step %d: %s</strong> <span class=\"badge st-active\">"
				       "current, %lld day%s</span>", s, initiative_step_name(s),
				    (long long)in->days_in_step, in->days_in_step == 1 ? "" : "s");
		else
			html_printf(b, "Step %d: %s", s, initiative_step_name(s));
		if (rec)
			html_printf(b, " — reached %s", rec->reached);
		else
			html_raw(b, " <span class=\"muted\">— not reached</span>");
		if (rec && rec->override_reason)
			html_printf(b, " <span class=\"badge sig-flag\">override</span> "
				       "<span class=\"chg-override\">“%s” — %s</span>",
				    rec->override_reason, rec->override_by ? rec->override_by : "");
		html_raw(b, "</li>\n");
	}
	html_raw(b, "</ol></section>\n");
}

static void checklist(struct req *r, const struct initiative *in, const struct evidence *ev,
		      const struct init_vals *v)
{
	struct buf *b = &r->page;
	html_raw(b, "<section aria-labelledby=\"chg-ev\"><h2 id=\"chg-ev\">Evidence</h2>\n"
		    "<p class=\"hint\">What each step needs, read from the data today; the "
		    "thresholds are settings (change.*).</p>\n");
	for (int s = 1; s <= INITIATIVE_NSTEPS; s++) {
		html_printf(b, "<h3>%d %s%s</h3>\n<ul class=\"coal-checklist\">\n", s,
			    initiative_step_name(s), s == in->step + 1 ? " (next)" : "");
		for (size_t i = 0; i < ev->n; i++) {
			const struct evidence_item *it = &ev->items[i];
			if (it->step != s)
				continue;
			html_printf(b, "<li class=\"%s\"><strong>%s</strong>: %s%s</li>\n",
				    it->met ? "coal-met" : "coal-missing", it->label,
				    it->met ? "" : "not met — ", it->why);
		}
		html_raw(b, "</ul>\n");
	}
	/* Advance */
	if (in->step < INITIATIVE_NSTEPS && strcmp(in->status, "active") == 0 &&
	    may_write(r, K_INITIATIVE, in->id)) {
		html_printf(b, "<h3 id=\"chg-adv\">Advance to step %d: %s</h3>\n", in->step + 1,
			    initiative_step_name(in->step + 1));
		const struct err *e = err_of(r, v, W_ADVANCE);
		if (e && e->status) {
			html_form_error(b, e, 0);
			if (v->missing && v->missing->n) {
				html_raw(b, "<ul class=\"coal-checklist\" aria-label=\"Missing\">\n");
				for (size_t i = 0; i < v->missing->n; i++)
					html_printf(b, "<li class=\"coal-missing\">%s: %s</li>\n",
						    v->missing->items[i].label,
						    v->missing->items[i].why);
				html_raw(b, "</ul>\n");
			}
		}
		html_printf(b, "<form method=\"post\" action=\"/change/%lld/advance\" class=\"stack\" "
			       "novalidate>\n", (long long)in->id);
		html_csrf(b, r);
		if (r->who.role == ROLE_ADMIN)
			html_input(b, &(struct input){.name = "override", .label = "Override reason",
						      .value = v->override, .maxlength = 2000,
						      .hint = "Admins only: advance without the "
							      "evidence; the reason is recorded "
							      "and shown."}, e);
		html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">"
			    "Advance</button></div>\n</form>\n");
	}
	html_raw(b, "</section>\n");
}

static void ref_list(struct buf *b, const char *title, const char *path,
		     const struct initiative_ref *v, size_t n)
{
	html_printf(b, "<dt>%s</dt><dd>", title);
	if (!n)
		html_raw(b, "<span class=\"none\">none</span>");
	for (size_t i = 0; i < n; i++)
		html_printf(b, "%s<a href=\"/%s/%lld\">%s</a>", i ? ", " : "", path,
			    (long long)v[i].id, v[i].name);
	html_raw(b, "</dd>");
}

static void links(struct buf *b, const struct initiative_links *l)
{
	html_raw(b, "<section aria-labelledby=\"chg-links\"><h2 id=\"chg-links\">What justifies "
		    "and carries it</h2>\n<dl class=\"facts\">");
	ref_list(b, "Affected units", "units", l->units, l->n_units);
	ref_list(b, "Signals", "signals", l->signals, l->n_signals);
	ref_list(b, "Themes", "themes", l->themes, l->n_themes);
	ref_list(b, "Strategies", "strategies", l->strategies, l->n_strategies);
	ref_list(b, "Plans", "plans", l->plans, l->n_plans);
	ref_list(b, "Communications", "comms", l->comms, l->n_comms);
	html_raw(b, "</dl>\n");
	if (l->n_anchors) {
		html_raw(b, "<h3>Anchored in the culture</h3>\n<ul class=\"plain\">\n");
		for (size_t i = 0; i < l->n_anchors; i++)
			html_printf(b, "<li>%s %s%s%s: %s</li>\n", l->anchors[i].day,
				    l->anchors[i].kind, l->anchors[i].value[0] ? " " : "",
				    l->anchors[i].value, l->anchors[i].text);
		html_raw(b, "</ul>\n");
	}
	html_raw(b, "</section>\n");
}

static void obstacles(struct req *r, const struct initiative *in,
		      const struct initiative_links *l, const struct init_vals *v, int writer)
{
	struct buf *b = &r->page;
	size_t open = 0;
	for (size_t i = 0; i < l->n_obstacles; i++)
		open += strcmp(l->obstacles[i].status, "open") == 0;
	html_printf(b, "<section aria-labelledby=\"chg-obs\"><h2 id=\"chg-obs\">Obstacles</h2>\n"
		       "<p class=\"hint\">%zu logged, %zu resolved, %zu open.</p>\n", l->n_obstacles,
		    l->n_obstacles - open, open);
	if (l->n_obstacles) {
		html_raw(b, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Obstacle"
			    "</th><th scope=\"col\">Owner</th><th scope=\"col\">Status</th>"
			    "<th scope=\"col\">Opened</th><th scope=\"col\">Resolved</th></tr></thead>"
			    "<tbody>\n");
		for (size_t i = 0; i < l->n_obstacles; i++) {
			const struct obstacle *o = &l->obstacles[i];
			html_printf(b, "<tr><td>%s</td><td>", o->title);
			person_link(b, o->owner_id, o->owner);
			html_raw(b, "</td><td>");
			status_badge(b, o->status);
			html_printf(b, "</td><td>%s</td><td>", o->opened);
			if (o->resolved) {
				html_printf(b, "%s", o->resolved);
			} else if (writer) {
				html_printf(b, "<form method=\"post\" action=\"/change/%lld/obstacles/"
					       "%lld/resolve\" class=\"dir-inline\">", (long long)in->id,
					    (long long)o->id);
				html_csrf(b, r);
				html_printf(b, "<button type=\"submit\" aria-label=\"Resolve %s\">"
					       "Resolve</button></form>", o->title);
			}
			html_raw(b, "</td></tr>\n");
		}
		html_raw(b, "</tbody></table></div>\n");
	}
	if (writer) {
		size_t npo;
		struct option *po = people_options(r, "", "No one", &npo);
		const struct err *e = err_of(r, v, W_OBSTACLE);
		html_raw(b, "<h3>Log an obstacle</h3>\n");
		html_form_error(b, e, e && e->field[0]);
		html_printf(b, "<form method=\"post\" action=\"/change/%lld/obstacles\" "
			       "class=\"stack\" novalidate>\n", (long long)in->id);
		html_csrf(b, r);
		html_input(b, &(struct input){.name = "title", .id = "obstacle-title", .label = "Obstacle",
					      .value = v->title, .required = 1, .maxlength = 200}, e);
		html_select(b, &(struct select){.name = "owner_id", .label = "Owner", .options = po,
						.n = npo, .selected = v->owner_id ? v->owner_id : ""},
			    e);
		html_raw(b, "<div class=\"actions\"><button type=\"submit\">Log it</button></div>\n"
			    "</form>\n");
	}
	html_raw(b, "</section>\n");
}

static void wins(struct req *r, const struct initiative *in, const struct initiative_links *l,
		 const struct init_vals *v, int writer)
{
	struct buf *b = &r->page;
	html_raw(b, "<section aria-labelledby=\"chg-wins\"><h2 id=\"chg-wins\">Short-term wins"
		    "</h2>\n");
	if (!l->n_wins)
		html_raw(b, "<p class=\"none\">No wins recorded yet.</p>\n");
	else
		html_raw(b, "<ul class=\"rec-feed\">\n");
	for (size_t i = 0; i < l->n_wins; i++) {
		const struct win *w = &l->wins[i];
		html_printf(b, "<li class=\"rec-card\"><p class=\"rec-head\">%s</p>"
			       "<p class=\"rec-day\">%s · %lld recognition%s</p>", w->title, w->day,
			    (long long)w->recognitions, w->recognitions == 1 ? "" : "s");
		if (w->note && w->note[0])
			html_printf(b, "<p class=\"rec-msg\">%s</p>", w->note);
		if (!w->recognitions)
			html_raw(b, "<p class=\"coal-missing\">Not recognized yet: step 6 needs a "
				    "recognition that celebrates a win (<a href=\"/recognitions\">"
				    "recognize someone</a>).</p>");
		html_raw(b, "</li>\n");
	}
	if (l->n_wins)
		html_raw(b, "</ul>\n");
	if (writer) {
		const struct err *e = err_of(r, v, W_WIN);
		html_raw(b, "<h3>Record a win</h3>\n");
		html_form_error(b, e, e && e->field[0]);
		html_printf(b, "<form method=\"post\" action=\"/change/%lld/wins\" class=\"stack\" "
			       "novalidate>\n", (long long)in->id);
		html_csrf(b, r);
		html_input(b, &(struct input){.name = "title", .id = "win-title", .label = "Win",
					      .value = v->win_title, .required = 1, .maxlength = 200},
			   e);
		html_input(b, &(struct input){.name = "day", .label = "Day", .type = "date",
					      .value = v->day, .required = 1}, e);
		html_input(b, &(struct input){.name = "note", .label = "Note", .value = v->note,
					      .maxlength = 2000}, e);
		html_raw(b, "<div class=\"actions\"><button type=\"submit\">Record it</button></div>\n"
			    "</form>\n");
	}
	html_raw(b, "</section>\n");
}

static void network_panel(struct req *r, const struct initiative *in, const struct network *n,
			  const struct init_vals *v)
{
	struct buf *b = &r->page;
	html_raw(b, "<section aria-labelledby=\"chg-net\"><h2 id=\"chg-net\">The network beside "
		    "the hierarchy</h2>\n");
	html_printf(b, "<p><strong>%lld volunteer%s</strong> from %lld unit%s", (long long)n->volunteers,
		    n->volunteers == 1 ? "" : "s", (long long)n->units, n->units == 1 ? "" : "s");
	if (n->volunteers)
		html_printf(b, ", spanning %lld level%s of the org tree (%s; a top unit is level 1); "
			       "%lld manage%s others, %lld do%s not; %lld come%s from outside the "
			       "affected units", (long long)n->levels, n->levels == 1 ? "" : "s",
			    n->min_level == n->max_level
				    ? arena_printf(r->a, "level %d", n->min_level)
				    : arena_printf(r->a, "levels %d to %d", n->min_level, n->max_level),
			    (long long)n->managers, n->managers == 1 ? "s" : "",
			    (long long)n->non_managers, n->non_managers == 1 ? "es" : "",
			    (long long)n->outside, n->outside == 1 ? "s" : "");
	html_raw(b, ".</p>\n<div class=\"cards\">\n<div class=\"card\"><h3>Affected units</h3>\n"
		    "<table><thead><tr><th scope=\"col\">Unit</th><th scope=\"col\" class=\"num\">"
		    "Level</th><th scope=\"col\" class=\"num\">People</th><th scope=\"col\" "
		    "class=\"num\">Volunteers</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < n->naffected; i++)
		html_printf(b, "<tr><td><a href=\"/units/%lld\">%s</a></td><td class=\"num\">%d</td>"
			       "<td class=\"num\">%lld</td><td class=\"num\">%lld</td></tr>\n",
			    (long long)n->affected[i].unit_id, n->affected[i].unit,
			    n->affected[i].level, (long long)n->affected[i].people,
			    (long long)n->affected[i].volunteers);
	html_raw(b, "</tbody></table><p class=\"hint\">People and volunteers count the unit with "
		    "the units under it.</p></div>\n<div class=\"card\"><h3>Volunteers by unit</h3>\n");
	if (!n->nby_unit)
		html_raw(b, "<p class=\"none\">No volunteers yet.</p>\n");
	else
		html_raw(b, "<table><thead><tr><th scope=\"col\">Unit</th><th scope=\"col\" "
			    "class=\"num\">Level</th><th scope=\"col\" class=\"num\">Volunteers</th>"
			    "</tr></thead><tbody>\n");
	for (size_t i = 0; i < n->nby_unit; i++)
		html_printf(b, "<tr><td><a href=\"/units/%lld\">%s</a></td><td class=\"num\">%d</td>"
			       "<td class=\"num\">%lld</td></tr>\n", (long long)n->by_unit[i].unit_id,
			    n->by_unit[i].unit, n->by_unit[i].level,
			    (long long)n->by_unit[i].volunteers);
	if (n->nby_unit)
		html_raw(b, "</tbody></table>\n");
	html_raw(b, "</div>\n</div>\n");
	if (n->npeople) {
		html_raw(b, "<h3>Volunteers</h3>\n<ul class=\"plain chg-volunteers\">\n");
		for (size_t i = 0; i < n->npeople; i++) {
			const struct network_person *p = &n->people[i];
			html_raw(b, "<li>");
			person_link(b, p->person_id, p->name);
			html_printf(b, " — %s, level %d%s%s%s%s", p->unit, p->level,
				    p->manager ? ", manages others" : "",
				    p->outside ? ", from outside" : "", p->role[0] ? ", " : "",
				    p->role);
			html_raw(b, "</li>\n");
		}
		html_raw(b, "</ul>\n");
	}
	struct err self = {0};
	if (access_self(&r->who, "volunteer", &self) == 0 && r->who.person_id) {
		int in_it = 0;
		for (size_t i = 0; i < n->npeople; i++)
			in_it |= n->people[i].person_id == r->who.person_id;
		const struct err *e = err_of(r, v, W_VOLUNTEER);
		html_form_error(b, e, 0);
		html_printf(b, "<form method=\"post\" action=\"/change/%lld/%s\" class=\"dir-inline\">",
			    (long long)in->id, in_it ? "unvolunteer" : "volunteer");
		html_csrf(b, r);
		if (in_it)
			html_raw(b, "<button type=\"submit\">Step back from the network</button></form>\n");
		else
			html_raw(b, "<button type=\"submit\" class=\"primary\">Volunteer</button></form>\n");
	}
	html_raw(b, "</section>\n");
}

static void urgency_panel(struct req *r, const struct urgency *u)
{
	struct buf *b = &r->page;
	struct arena *a = r->a;
	const struct urgency_ind *d = &u->ind;
	html_raw(b, "<section aria-labelledby=\"chg-urg\"><h2 id=\"chg-urg\">Urgency</h2>\n<p>");
	urgency_badge(b, u);
	html_printf(b, " %s</p>\n<p class=\"hint\">The %lld days after %s up to %s, over the "
		       "affected units' %lld people (rates per 10 people).</p>\n", u->why,
		    (long long)u->th.window, u->from, u->as_of, (long long)d->people);
	html_raw(b, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Indicator</th>"
		    "<th scope=\"col\" class=\"num\">Count</th><th scope=\"col\" class=\"num\">"
		    "Rate</th><th scope=\"col\">Needs</th><th scope=\"col\">Means</th></tr></thead>"
		    "<tbody>\n");
	html_printf(b, "<tr><th scope=\"row\">External signals logged</th><td class=\"num\">%lld"
		       "</td><td class=\"num\">%s per 10</td><td>%s per 10</td><td>looking at the "
		       "market, customers, technology, competitors, regulation, society</td></tr>\n",
		    (long long)d->ext_signals, tenths(a, d->ext_x10), tenths(a, u->th.outward));
	html_printf(b, "<tr><th scope=\"row\">…of them reviewed</th><td class=\"num\">%lld</td>"
		       "<td class=\"num\">%lld %%</td><td>%lld %%</td><td>%s</td></tr>\n",
		    (long long)d->ext_reviewed, (long long)d->reviewed_pct,
		    (long long)u->th.reviewed,
		    d->outward ? "looking outward: yes" : "looking outward: no");
	html_printf(b, "<tr><th scope=\"row\">Meetings and town-halls</th><td class=\"num\">%lld"
		       "</td><td></td><td></td><td>internal activity</td></tr>\n"
		       "<tr><th scope=\"row\">New plans started</th><td class=\"num\">%lld</td>"
		       "<td></td><td></td><td>internal activity</td></tr>\n"
		       "<tr><th scope=\"row\">Problems opened</th><td class=\"num\">%lld</td><td>"
		       "</td><td></td><td>internal activity</td></tr>\n"
		       "<tr><th scope=\"row\">Internal-only signals</th><td class=\"num\">%lld</td>"
		       "<td></td><td></td><td>internal activity</td></tr>\n",
		    (long long)d->meetings, (long long)d->new_plans, (long long)d->problems,
		    (long long)d->int_signals);
	html_printf(b, "<tr><th scope=\"row\">Internal activity, in all</th><td class=\"num\">%lld"
		       "</td><td class=\"num\">%s per 10</td><td>busy from %s per 10</td><td>%s"
		       "</td></tr>\n", (long long)d->activity, tenths(a, d->activity_x10),
		    tenths(a, u->th.activity), d->busy ? "busy: yes" : "busy: no");
	html_printf(b, "<tr><th scope=\"row\">Open steps advanced</th><td class=\"num\">%lld of "
		       "%lld</td><td class=\"num\">%lld %%</td><td>%lld %%</td><td>%s</td></tr>\n",
		    (long long)d->advanced, (long long)d->open_steps, (long long)d->advanced_pct,
		    (long long)u->th.progress, d->progress ? "progress: yes" : "progress: no");
	html_printf(b, "<tr><th scope=\"row\">Steps completed</th><td class=\"num\">%lld</td>"
		       "<td class=\"num\">%s per 10</td><td></td><td>progress, for reading</td></tr>\n",
		    (long long)d->done, tenths(a, d->done_x10));
	html_raw(b, "</tbody></table></div>\n<p class=\"hint\">True urgency: looking outward and "
		    "progress. False urgency: busy without progress. Complacency: anything else. "
		    "See docs/urgency.md.</p>\n</section>\n");
}

static int init_render(struct req *r, const struct init_vals *v)
{
	struct initiative in;
	struct initiative_links l;
	struct evidence ev;
	struct network net;
	struct urgency u;
	struct err keep = r->e;
	err_clear(&r->e);
	if (initiative_get(r->db, r->a, r->id, &in, &r->e) ||
	    initiative_links_get(r->db, r->a, r->id, &l, &r->e) ||
	    evidence_get(r->db, r->a, r->id, NULL, &ev, &r->e) ||
	    network_get(r->db, r->a, r->id, &net, &r->e) ||
	    urgency_initiative(r->db, r->a, r->id, NULL, &u, &r->e))
		return -1;
	r->e = keep;
	int writer = may_write(r, K_INITIATIVE, in.id);
	page_begin(r, in.name, "change");
	struct buf *b = &r->page;
	html_printf(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/change\">"
		       "Change initiatives</a></nav>\n<h1>%s</h1>\n<p>", in.name);
	status_badge(b, in.status);
	html_printf(b, " Step %d of 8: %s, for %lld day%s", in.step, initiative_step_name(in.step),
		    (long long)in.days_in_step, in.days_in_step == 1 ? "" : "s");
	if (in.blocked_by && in.blocked_by[0])
		html_printf(b, " · <span class=\"coal-missing\">blocked by: %s</span>", in.blocked_by);
	html_raw(b, "</p>\n<dl class=\"facts\"><dt>Sponsor</dt><dd>");
	person_link(b, in.sponsor_id, in.sponsor);
	html_raw(b, "</dd><dt>Whose</dt><dd>");
	if (in.unit_id)
		html_printf(b, "<a href=\"/units/%lld\">%s</a>", (long long)in.unit_id, in.unit);
	else
		html_raw(b, "the organization");
	html_raw(b, "</dd><dt>Coalition</dt><dd>");
	if (in.coalition_id)
		html_printf(b, "<a href=\"/coalitions/%lld\">%s</a>", (long long)in.coalition_id,
			    in.coalition);
	else
		html_raw(b, "<span class=\"none\">none</span>");
	html_raw(b, "</dd><dt>Pulse</dt><dd>");
	if (in.pulse_id)
		html_printf(b, "<a href=\"/pulses/%lld\">%s</a>", (long long)in.pulse_id, in.pulse);
	else
		html_raw(b, "<span class=\"none\">none</span>");
	html_printf(b, "</dd><dt>Started</dt><dd>%s</dd></dl>\n", in.started);
	if (in.description && in.description[0])
		html_printf(b, "<p class=\"idea-text\">%s</p>\n", in.description);
	timeline(b, &in, &l);
	checklist(r, &in, &ev, v);
	urgency_panel(r, &u);
	network_panel(r, &in, &net, v);
	links(b, &l);
	obstacles(r, &in, &l, v, writer);
	wins(r, &in, &l, v, writer);
	page_end(r);
	return 0;
}

int initiative_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}))
		return -1;
	return init_render(r, &(struct init_vals){0});
}

/* After a refused form: the page with the message (a 404 of the
 * initiative itself stays an error page). */
static int refused(struct req *r, struct init_vals *v)
{
	if (r->e.status == ERR_NOT_FOUND && strcmp(r->e.field, "id") == 0)
		return -1;
	if (form_failed(r))
		return -1;
	return init_render(r, v);
}

int initiative_advance_page(struct req *r)
{
	const char *reason = form_get(&r->form, "override");
	if (reason && !reason[strspn(reason, " \t\r\n")])
		reason = NULL;
	struct init_vals v = {.form = W_ADVANCE, .override = form_get(&r->form, "override")};
	if (reason && r->who.role != ROLE_ADMIN)
		return err_set(&r->e, ERR_FORBIDDEN, "override",
			       "override: only an admin may advance without the evidence");
	struct evidence *missing = arena_alloc(r->a, sizeof *missing);
	if (!missing)
		return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	const char *by = r->who.login[0] ? r->who.login : r->who.name;
	if (initiative_advance(r->db, r->a, r->id, reason, by, missing, &r->e)) {
		v.missing = missing;
		return refused(r, &v);
	}
	return page_redirect(r, "/change/%lld", (long long)r->id);
}

int initiative_obstacle_page(struct req *r)
{
	struct obstacle_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (form_fill(&r->form, obstacle_fields, &in, &set, &r->e) ||
	    api_refs(r, &(struct api_ref){K_PERSON, in.owner_id, "owner_id"}, 1) ||
	    obstacle_add(r->db, r->id, &in, set, &id, &r->e)) {
		struct init_vals v = {.form = W_OBSTACLE, .title = form_get(&r->form, "title"),
				      .owner_id = form_get(&r->form, "owner_id")};
		return refused(r, &v);
	}
	return page_redirect(r, "/change/%lld#chg-obs", (long long)r->id);
}

int initiative_resolve_page(struct req *r)
{
	int64_t owner_init = 0;
	if (obstacle_initiative(r->db, r->id2, &owner_init, &r->e))
		return -1;
	if (owner_init != r->id)
		return err_set(&r->e, ERR_NOT_FOUND, "id", "no obstacle %lld in initiative %lld",
			       (long long)r->id2, (long long)r->id);
	if (obstacle_resolve(r->db, r->id2, NULL, &r->e)) {
		struct init_vals v = {.form = W_OBSTACLE};
		return refused(r, &v);
	}
	return page_redirect(r, "/change/%lld#chg-obs", (long long)r->id);
}

int initiative_win_page(struct req *r)
{
	struct win_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (form_fill(&r->form, win_fields, &in, &set, &r->e) ||
	    win_add(r->db, r->id, &in, set, &id, &r->e)) {
		struct init_vals v = {.form = W_WIN, .win_title = form_get(&r->form, "title"),
				      .day = form_get(&r->form, "day"),
				      .note = form_get(&r->form, "note")};
		return refused(r, &v);
	}
	return page_redirect(r, "/change/%lld#chg-wins", (long long)r->id);
}

static int volunteer_form(struct req *r, int join)
{
	if (access_self(&r->who, "volunteer", &r->e))
		return -1;
	struct volunteer_input in = {.person_id = r->who.person_id};
	if (join ? volunteer_add(r->db, r->id, &in, VO_PERSON, &r->e)
		 : volunteer_rm(r->db, r->id, r->who.person_id, &r->e)) {
		struct init_vals v = {.form = W_VOLUNTEER};
		return refused(r, &v);
	}
	return page_redirect(r, "/change/%lld#chg-net", (long long)r->id);
}

int initiative_volunteer_page(struct req *r)
{
	return volunteer_form(r, 1);
}

int initiative_unvolunteer_page(struct req *r)
{
	return volunteer_form(r, 0);
}
