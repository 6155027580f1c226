/* page_change: /change, the change tracker. Every initiative the viewer
 * may read (the organization's, and those of the units they read) with
 * its step on Kotter's eight (number and name), days in that step,
 * status, what blocks the next step (the first missing evidence), and
 * its urgency label; above the table, an eight-column chart with a dot
 * per initiative on its step; below, the form to start an initiative
 * (managers within their units, admins for the whole organization).
 * The initiative's own page is page_initiative.c. */
#include <string.h>

#include "base/date.h"
#include "change/initiative.h"
#include "change/urgency.h"
#include "web/page.h"

/* Short names for the chart's columns; the full ones in each title. */
static const char *const step_short[INITIATIVE_NSTEPS + 1] = {
	"", "Urgency", "Coalition", "Vision", "Communicate", "Empower", "Wins", "Consolidate",
	"Anchor"};

/* Dot colours by status: presentation attributes, not style (the
 * pages' policy allows no inline style). */
static const char *status_fill(const char *status)
{
	if (strcmp(status, "done") == 0)
		return "#2e7d32";
	if (strcmp(status, "stopped") == 0)
		return "#9e9e9e";
	return "#1f5f99";
}

/* The eight steps as columns; each initiative a dot (a link to its page)
 * stacked in its step's column. The table below says the same in words. */
static void step_chart(struct req *r, const struct initiative *v, size_t n)
{
	struct buf *b = &r->page;
	int count[INITIATIVE_NSTEPS + 1] = {0};
	int most = 1;
	for (size_t i = 0; i < n; i++)
		if (v[i].step >= 1 && v[i].step <= INITIATIVE_NSTEPS &&
		    ++count[v[i].step] > most)
			most = count[v[i].step];
	const int col = 104, top = 40, dot = 18, left = 4;
	int height = top + most * dot + 30;
	int width = left + INITIATIVE_NSTEPS * col + 4;
	html_printf(b, "<div class=\"table-wrap\"><svg class=\"chg-chart\" width=\"%d\" height=\"%d\" "
		       "viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"chg-chart-t\" "
		       "font-size=\"12\"><title id=\"chg-chart-t\">Initiatives on the eight steps"
		       "</title>\n", width, height, width, height);
	for (int s = 1; s <= INITIATIVE_NSTEPS; s++) {
		int x = left + (s - 1) * col;
		html_printf(b, "<rect x=\"%d\" y=\"2\" width=\"%d\" height=\"%d\" fill=\"%s\" "
			       "stroke=\"#d0d7de\"/><text x=\"%d\" y=\"18\" font-weight=\"700\">%d"
			       "<title>%s</title></text><text x=\"%d\" y=\"32\">%s</text>\n",
			    x, col - 4, height - 6, s % 2 ? "#f6f8fa" : "#ffffff", x + 6, s,
			    initiative_step_name(s), x + 6, step_short[s]);
		html_printf(b, "<text x=\"%d\" y=\"%d\" fill=\"#57606a\">%d</text>\n", x + 6,
			    height - 10, count[s]);
	}
	int placed[INITIATIVE_NSTEPS + 1] = {0};
	for (size_t i = 0; i < n; i++) {
		int s = v[i].step;
		if (s < 1 || s > INITIATIVE_NSTEPS)
			continue;
		int cx = left + (s - 1) * col + 14, cy = top + placed[s]++ * dot + 8;
		html_printf(b, "<a href=\"/change/%lld\"><circle cx=\"%d\" cy=\"%d\" r=\"7\" "
			       "fill=\"%s\"><title>%s: step %d, %s</title></circle>"
			       "<text x=\"%d\" y=\"%d\" font-size=\"11\">%.12s</text></a>\n",
			    (long long)v[i].id, cx, cy, status_fill(v[i].status), v[i].name, s,
			    v[i].status, cx + 11, cy + 4, v[i].name);
	}
	html_raw(b, "</svg></div>\n<p class=\"legend hint\">Each dot is an initiative on its "
		    "current step (blue active, green done, grey stopped); the number at the foot "
		    "of a column counts them.</p>\n");
}

void urgency_badge(struct buf *b, const struct urgency *u)
{
	const char *cls = u->label == URG_TRUE ? "true" : u->label == URG_FALSE ? "false"
										  : "complacency";
	html_printf(b, "<span class=\"badge chg-urg-%s\" title=\"%s\">%s</span>", cls, u->why,
		    urgency_label_name(u->label));
}

struct tracker_vals {
	const char *name, *description, *sponsor_id, *unit_id, *started;
};

struct tracker_q {
	const char *status;
	int64_t step;
};
enum { TQ_STATUS = 1u << 0, TQ_STEP = 1u << 1 };

static const struct field tracker_q_fields[] = {
	{.name = "status", .type = FT_ENUM, .offset = offsetof(struct tracker_q, status),
	 .bit = TQ_STATUS, .choices = initiative_statuses},
	{.name = "step", .type = FT_INT, .offset = offsetof(struct tracker_q, step),
	 .bit = TQ_STEP, .min = 1, .max = INITIATIVE_NSTEPS},
	{0},
};

static void add_form(struct req *r, const struct tracker_vals *v)
{
	struct buf *b = &r->page;
	struct unit *units;
	size_t nunits, npo, nuo;
	struct err keep = r->e;
	if (page_units(r, &units, &nunits)) {
		r->e = keep;
		return;
	}
	r->e = keep;
	struct option *po = people_options(r, "", "Choose the sponsor", &npo);
	/* the organization's initiatives are an admin's */
	struct option *uo = r->who.role == ROLE_ADMIN
		? unit_options(r, units, nunits, "", "The whole organization", &nuo)
		: unit_options(r, units, nunits, NULL, NULL, &nuo);
	const char *unit = v->unit_id ? v->unit_id
		: r->who.role == ROLE_ADMIN ? "" : input_id(r, r->who.unit_id);
	html_raw(b, "<section aria-labelledby=\"chg-new\"><h2 id=\"chg-new\">Start an "
		    "initiative</h2>\n<p class=\"hint\">It starts on step 1, Urgency, on the day "
		    "given (today if none).</p>\n");
	if (r->e.status)
		html_form_error(b, &r->e, r->e.field[0] != 0);
	html_raw(b, "<form method=\"post\" action=\"/change\" class=\"stack\" novalidate>\n");
	html_csrf(b, r);
	html_input(b, &(struct input){.name = "name", .label = "Name", .value = v->name,
				      .required = 1, .maxlength = 200}, &r->e);
	html_select(b, &(struct select){.name = "sponsor_id", .label = "Sponsor", .options = po,
					.n = npo, .required = 1,
					.selected = v->sponsor_id ? v->sponsor_id : ""}, &r->e);
	html_select(b, &(struct select){.name = "unit_id", .label = "Whose initiative",
					.hint = "The unit it belongs to (its managers change it).",
					.options = uo, .n = nuo, .selected = unit}, &r->e);
	html_input(b, &(struct input){.name = "description", .label = "What it changes",
				      .value = v->description, .maxlength = 4000}, &r->e);
	html_input(b, &(struct input){.name = "started", .label = "Started", .type = "date",
				      .value = v->started}, &r->e);
	html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Start"
		    "</button></div>\n</form></section>\n");
}

static int tracker_render(struct req *r, const struct tracker_q *q, unsigned qset,
			  const struct tracker_vals *vals)
{
	struct initiative_filter f = {0};
	unsigned fset = 0;
	if (qset & TQ_STATUS) {
		f.status = q->status;
		fset |= INF_STATUS;
	}
	if (qset & TQ_STEP) {
		f.step = q->step;
		fset |= INF_STEP;
	}
	struct initiative *all;
	size_t n;
	struct unit *units;
	size_t nunits;
	struct err keep = r->e;
	err_clear(&r->e);
	if (initiative_list(r->db, r->a, &f, fset, &all, &n, &r->e) ||
	    page_units(r, &units, &nunits))
		return -1;
	/* what the viewer reads: the organization's and their units' */
	int64_t scope;
	int subtree;
	access_scope(&r->who, &scope, &subtree);
	struct initiative *v = arena_alloc(r->a, (n ? n : 1) * sizeof *v);
	struct urgency *urg = arena_alloc(r->a, (n ? n : 1) * sizeof *urg);
	if (!v || !urg)
		return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (scope && all[i].unit_id && !unit_in(units, nunits, all[i].unit_id))
			continue;
		if (urgency_initiative(r->db, r->a, all[i].id, NULL, &urg[k], &r->e))
			return -1;
		v[k++] = all[i];
	}
	r->e = keep;
	page_begin(r, "Change initiatives", "change");
	struct buf *b = &r->page;
	html_raw(b, "<h1>Change initiatives</h1>\n<p class=\"lead\">Kotter's eight steps: where "
		    "each initiative stands, for how long, and what the data says it still needs "
		    "before the next step.</p>\n");
	html_raw(b, "<form method=\"get\" action=\"/change\" class=\"filters\">");
	static const struct option so[] = {{"", "Any status"}, {"active", "Active"},
					   {"done", "Done"}, {"stopped", "Stopped"}};
	html_select(b, &(struct select){.name = "status", .label = "Status", .options = so,
					.n = 4, .selected = (qset & TQ_STATUS) ? q->status : ""},
		    NULL);
	struct option sto[INITIATIVE_NSTEPS + 1];
	sto[0] = (struct option){"", "Any step"};
	for (int s = 1; s <= INITIATIVE_NSTEPS; s++)
		sto[s] = (struct option){arena_printf(r->a, "%d", s),
					 arena_printf(r->a, "%d %s", s, initiative_step_name(s))};
	html_select(b, &(struct select){.name = "step", .label = "Step", .options = sto,
					.n = INITIATIVE_NSTEPS + 1,
					.selected = (qset & TQ_STEP)
						? arena_printf(r->a, "%lld", (long long)q->step) : ""},
		    NULL);
	html_raw(b, "<button type=\"submit\">Show</button></form>\n");
	step_chart(r, v, k);
	if (!k) {
		html_raw(b, "<p class=\"none\">No initiatives to show.</p>\n");
	} else {
		html_raw(b, "<div class=\"table-wrap\"><table class=\"chg-tracker\"><thead><tr>"
			    "<th scope=\"col\">Initiative</th><th scope=\"col\">Step</th>"
			    "<th scope=\"col\" class=\"num\">Days in step</th>"
			    "<th scope=\"col\">Status</th><th scope=\"col\">Blocked by</th>"
			    "<th scope=\"col\">Urgency</th><th scope=\"col\">Whose</th></tr></thead>"
			    "<tbody>\n");
		for (size_t i = 0; i < k; i++) {
			const struct initiative *x = &v[i];
			html_printf(b, "<tr><th scope=\"row\"><a href=\"/change/%lld\">%s</a></th>"
				       "<td>%d %s</td><td class=\"num\">%lld</td><td>",
				    (long long)x->id, x->name, x->step, initiative_step_name(x->step),
				    (long long)x->days_in_step);
			status_badge(b, x->status);
			if (x->blocked_by && x->blocked_by[0])
				html_printf(b, "</td><td class=\"coal-missing\">%s</td>", x->blocked_by);
			else if (x->step >= INITIATIVE_NSTEPS)
				html_raw(b, "</td><td class=\"none\">the last step</td>");
			else
				html_raw(b, "</td><td class=\"coal-met\">ready to advance</td>");
			html_raw(b, "<td>");
			urgency_badge(b, &urg[i]);
			html_printf(b, "</td><td>%s</td></tr>\n",
				    x->unit_id ? x->unit : "the organization");
		}
		html_raw(b, "</tbody></table></div>\n<p class=\"hint\">Days in step count from the day "
			    "the current step was reached. Blocked by: the first piece of evidence "
			    "the next step still lacks. Urgency reads the last 90 days (the setting "
			    "change.urgency_window) of the units each initiative affects: true urgency "
			    "looks outward and moves, false urgency is busy without progress, "
			    "complacency is neither (see an initiative's page for the numbers).</p>\n");
	}
	if (r->who.role >= ROLE_MANAGER)
		add_form(r, vals);
	page_end(r);
	return 0;
}

int change_page(struct req *r)
{
	struct tracker_q q = {0};
	unsigned qset = 0;
	if (page_query(r, tracker_q_fields, &q, &qset))
		return -1;
	return tracker_render(r, &q, qset, &(struct tracker_vals){0});
}

int initiative_create_page(struct req *r)
{
	struct initiative_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (may_create(r, "initiatives"))
		return -1;
	if (form_fill(&r->form, initiative_fields, &in, &set, &r->e) || initiative_refs(r, &in) ||
	    initiative_add(r->db, &in, set, &id, &r->e)) {
		if (form_failed(r))
			return -1;
		struct tracker_vals v = {form_get(&r->form, "name"),
					 form_get(&r->form, "description"),
					 form_get(&r->form, "sponsor_id"),
					 form_get(&r->form, "unit_id"), form_get(&r->form, "started")};
		return tracker_render(r, &(struct tracker_q){0}, 0, &v);
	}
	return page_redirect(r, "/change/%lld", (long long)id);
}
