/* page_balance: the balance pages. /balance: the quadrant (a dot per
 * unit the actor reads, the organization's path through its snapshots),
 * the table of units with both scores, quadrant and too-much flags, and
 * the "Take a snapshot" form for managers and admins.
 * /balance/units/:id and /balance/org: one unit's two scores, its six
 * process scores, every indicator with value, band, weight, score,
 * source and why, the actions and its history. */
#include <string.h>

#include "balance/balance.h"
#include "web/chart_quadrant.h"
#include "web/page.h"

static const char *quadrant_words(const char *q)
{
	if (strcmp(q, "well-led-well-managed") == 0)
		return "well led and well managed";
	if (strcmp(q, "overmanaged-underled") == 0)
		return "overmanaged and underled";
	if (strcmp(q, "overled-undermanaged") == 0)
		return "overled and undermanaged";
	return "neither well managed nor well led";
}

static void unit_href(struct buf *b, const struct bal_unit *u)
{
	if (u->unit_id)
		html_printf(b, "/balance/units/%lld", (long long)u->unit_id);
	else
		html_raw(b, "/balance/org");
}

static void flags(struct buf *b, const struct bal_unit *u)
{
	int any = 0;
	for (size_t i = 0; i < u->nind; i++)
		if (u->ind[i].too_much) {
			html_printf(b, "%s<abbr title=\"%s\">%s</abbr>", any ? ", " : "",
				    u->ind[i].label, u->ind[i].key);
			any = 1;
		}
}

struct as_of_q {
	const char *as_of;
};
static const struct field as_of_fields[] = {
	{.name = "as_of", .type = FT_DATE, .offset = offsetof(struct as_of_q, as_of), .bit = 1,
	 .help = "the day the scores are taken on"},
	{0},
};

static void snapshot_form(struct req *r, const char *value)
{
	struct buf *b = &r->page;
	html_raw(b, "<section aria-labelledby=\"bal-snap\"><h2 id=\"bal-snap\">Take a "
		    "snapshot</h2>\n<p>A snapshot keeps every unit's scores as of a day, so that "
		    "the quadrant can show how the organization moves. The server takes one each "
		    "month by itself.</p>\n");
	if (r->e.status && r->e.field[0])
		html_form_error(b, &r->e, 1);
	html_raw(b, "<form method=\"post\" action=\"/balance/snapshots\" class=\"stack\" "
		    "novalidate>\n");
	html_csrf(b, r);
	html_input(b, &(struct input){.name = "as_of", .label = "As of", .type = "date",
				      .value = value, .hint = "Empty: today."}, &r->e);
	html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Take a "
		    "snapshot</button></div>\n</form></section>\n");
}

static int balance_render(struct req *r, const char *as_of, const char *snap_value)
{
	struct err keep = r->e;
	err_clear(&r->e);
	int64_t unit = 0;
	int org;
	struct bal_result res;
	struct bal_point *trail = NULL;
	size_t nt = 0;
	if (bal_view_scope(r, &unit, &org) ||
	    balance_compute(r->db, r->a, as_of, &res, &r->e) ||
	    (org && balance_history(r->db, r->a, 0, &trail, &nt, &r->e)))
		return -1;
	r->e = keep;
	page_begin(r, "Balance", "balance");
	struct buf *b = &r->page;
	html_printf(b, "<h1>Balance: well managed, well led?</h1>\n<p>For each unit (with the "
		       "units under it), a <strong>management score</strong> (planning and "
		       "budgeting, organizing and staffing, controlling and problem solving) and a "
		       "<strong>leadership score</strong> (setting a direction, aligning people, "
		       "motivating and inspiring), each from 0 to 100, read from the data as of "
		       "%s. A unit is well managed from %.0f points and well led from %.0f (the "
		       "settings balance.managed and balance.led). A unit's page shows every "
		       "indicator behind its scores.</p>\n",
		    res.as_of, res.managed, res.led);
	html_printf(b, "<form method=\"get\" action=\"/balance\" class=\"filters\">"
		       "<label for=\"f-view-as_of\">As of</label> <input type=\"date\" id=\"f-view-as_of\" "
		       "name=\"as_of\" value=\"%s\"> <button type=\"submit\">Show</button></form>\n",
		    as_of ? as_of : "");
	/* the dots: the units the actor reads, the organization first */
	struct quad_dot *dots = arena_alloc(r->a, res.n * sizeof *dots);
	struct quad_trail *tr = arena_alloc(r->a, (nt ? nt : 1) * sizeof *tr);
	if (!dots || !tr)
		return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	size_t nd = 0, from = 0;
	const struct bal_unit **shown = arena_alloc(r->a, res.n * sizeof *shown);
	if (!shown)
		return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	for (size_t i = 0; i < res.n; i++) {
		if (i == 0 ? !org : !bal_in_subtree(&res, org ? 0 : unit, i, &from))
			continue;
		const struct bal_unit *u = &res.units[i];
		shown[nd] = u;
		dots[nd++] = (struct quad_dot){u->unit_id ? u->name : "Organization", u->management,
					       u->leadership, u->unit_id == 0};
	}
	/* the only root unit sits on the organization's dot: one dot, both
	 * names */
	size_t roots = 0, root = 0;
	for (size_t i = 0; i < nd; i++)
		if (shown[i]->unit_id && !shown[i]->parent_id) {
			roots++;
			root = i;
		}
	if (nd > 1 && shown[0]->unit_id == 0 && roots == 1 &&
	    shown[root]->management == shown[0]->management &&
	    shown[root]->leadership == shown[0]->leadership) {
		dots[0].name = arena_printf(r->a, "Organization (%s)", shown[root]->name);
		dots[root].name = NULL;
	}
	for (size_t i = 0; i < nt; i++)
		tr[i] = (struct quad_trail){trail[i].day, trail[i].management, trail[i].leadership};
	quadrant_svg(b, dots, nd, tr, nt, res.managed, res.led);
	if (nt)
		html_printf(b, "<p>The grey line is the organization's path through its %zu "
			       "snapshot(s), from %s to %s.</p>\n", nt, trail[0].day,
			    trail[nt - 1].day);
	html_raw(b, "<table class=\"balance-units\"><caption>Every unit's scores (its subtree's); "
		    "<q>too much</q> names the indicators past their band on the side of excess"
		    "</caption><thead><tr><th scope=\"col\">Unit</th><th scope=\"col\" "
		    "class=\"num\">People</th><th scope=\"col\" class=\"num\">Management</th>"
		    "<th scope=\"col\" class=\"num\">Leadership</th><th scope=\"col\">Quadrant</th>"
		    "<th scope=\"col\">Too much</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < nd; i++) {
		const struct bal_unit *u = shown[i];
		/* indented by depth (the CSP forbids style attributes) */
		html_raw(b, "<tr><td>");
		for (int d = 0; d < u->depth; d++)
			html_raw(b, "&#160;&#160;&#160;");
		html_raw(b, "<a href=\"");
		unit_href(b, u);
		html_printf(b, "\">%s</a></td><td class=\"num\">%lld</td><td class=\"num\">%.1f</td>"
			       "<td class=\"num\">%.1f</td><td>%s</td><td>",
			    u->unit_id ? u->name : "The organization", (long long)u->people,
			    u->management, u->leadership, quadrant_words(u->quadrant));
		flags(b, u);
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody></table>\n");
	if (r->who.role >= ROLE_MANAGER)
		snapshot_form(r, snap_value);
	page_end(r);
	return 0;
}

int balance_page(struct req *r)
{
	struct as_of_q q = {0};
	unsigned set = 0;
	if (form_query(r, as_of_fields, &q, &set))
		return -1;
	return balance_render(r, (set & 1) ? q.as_of : NULL, NULL);
}

int balance_snapshot_page(struct req *r)
{
	if (r->who.role < ROLE_MANAGER)
		return err_set(&r->e, ERR_FORBIDDEN, "",
			       "a snapshot is taken by a manager or an admin");
	const char *day = form_get(&r->form, "as_of");
	if (day && !*day)
		day = NULL;
	int64_t id;
	if (balance_snapshot(r->db, day, "manual", &id, &r->e)) {
		if (form_failed(r))
			return -1;
		return balance_render(r, NULL, day);
	}
	return page_redirect(r, "/balance");
}

static void score_line(struct buf *b, const struct bal_unit *u, double managed, double led)
{
	html_printf(b, "<p class=\"balance-scores\">Management <strong>%.1f</strong> and "
		       "leadership <strong>%.1f</strong> out of 100: <strong>%s</strong> (well "
		       "managed from %.0f, well led from %.0f). %lld people.</p>\n",
		    u->management, u->leadership, quadrant_words(u->quadrant), managed, led,
		    (long long)u->people);
}

static int unit_render(struct req *r, int64_t unit_id)
{
	struct as_of_q q = {0};
	unsigned set = 0;
	if (form_query(r, as_of_fields, &q, &set))
		return -1;
	struct bal_unit u;
	struct bal_point *hist;
	size_t nh;
	int64_t managed = 60, led = 60;
	struct bal_result res;
	if (balance_compute(r->db, r->a, (set & 1) ? q.as_of : NULL, &res, &r->e) ||
	    balance_history(r->db, r->a, unit_id, &hist, &nh, &r->e))
		return -1;
	size_t k = 0;
	while (k < res.n && res.units[k].unit_id != unit_id)
		k++;
	if (k == res.n)
		return err_set(&r->e, ERR_NOT_FOUND, "", "no unit %lld", (long long)unit_id);
	u = res.units[k];
	managed = (int64_t)res.managed;
	led = (int64_t)res.led;
	const char *name = unit_id ? u.name : "The organization";
	page_begin(r, name, "balance");
	struct buf *b = &r->page;
	html_printf(b, "<p><a href=\"/balance\">Balance</a></p>\n<h1>%s: balance as of %s</h1>\n",
		    name, res.as_of);
	score_line(b, &u, (double)managed, (double)led);
	html_raw(b, "<p>Each process's score is the weighted mean of its indicators' scores; "
		    "the management score is the mean of the first three processes, the leadership "
		    "score of the last three. An indicator inside its band scores 100; short of it, "
		    "its value as a share of the band's edge; past the band on the side of excess, "
		    "100 but flagged <q>too much</q>. With no data, it scores 0, or is left out "
		    "(<q>no data</q>) where the contract says so (docs/balance.md).</p>\n");
	html_raw(b, "<table class=\"balance-ind\"><caption>The six processes and their "
		    "indicators</caption><thead><tr><th scope=\"col\">Indicator</th>"
		    "<th scope=\"col\" class=\"num\">Value</th><th scope=\"col\">Band</th>"
		    "<th scope=\"col\" class=\"num\">Weight</th><th scope=\"col\" class=\"num\">Score"
		    "</th><th scope=\"col\">Why</th><th scope=\"col\">Source</th></tr></thead>\n");
	for (int p = 0; p < BP_N; p++) {
		html_printf(b, "<tbody><tr class=\"process\"><th scope=\"rowgroup\" colspan=\"4\">%s "
			       "(%s)</th><td class=\"num\"><strong>%.1f</strong></td><td colspan=\"2\">"
			       "</td></tr>\n",
			    bal_process_names[p], BAL_IS_MANAGEMENT(p) ? "management" : "leadership",
			    u.process[p]);
		for (size_t i = 0; i < u.nind; i++) {
			const struct bal_indicator *x = &u.ind[i];
			if (x->process != p)
				continue;
			html_printf(b, "<tr><td>%s %s</td><td class=\"num\">", x->key, x->label);
			if (x->has_value)
				html_printf(b, "%.2f", x->value);
			else
				html_raw(b, "no data");
			html_printf(b, "</td><td>%g to %g%s</td><td class=\"num\">%g</td>"
				       "<td class=\"num\">",
				    x->lo, x->hi,
				    x->excess > 0 ? "; more is too much" :
				    x->excess < 0 ? "; less is too much" : "",
				    x->weight);
			if (x->skipped)
				html_raw(b, "left out");
			else
				html_printf(b, "%.1f", x->score);
			if (x->too_much)
				html_raw(b, " <strong class=\"badge\">too much</strong>");
			html_printf(b, "</td><td>%s</td><td>%s</td></tr>\n", x->why, x->source);
		}
		html_raw(b, "</tbody>\n");
	}
	html_raw(b, "</table>\n<h2>What would raise the scores most</h2>\n<h3>Management</h3>\n"
		    "<ul>\n");
	for (size_t i = 0; i < u.nactions_m; i++)
		html_printf(b, "<li>%s</li>\n", u.actions_m[i]);
	if (!u.nactions_m)
		html_raw(b, "<li class=\"none\">Nothing: every indicator is in its band.</li>\n");
	html_raw(b, "</ul>\n<h3>Leadership</h3>\n<ul>\n");
	for (size_t i = 0; i < u.nactions_l; i++)
		html_printf(b, "<li>%s</li>\n", u.actions_l[i]);
	if (!u.nactions_l)
		html_raw(b, "<li class=\"none\">Nothing: every indicator is in its band.</li>\n");
	html_raw(b, "</ul>\n<h2>History</h2>\n");
	if (!nh) {
		html_raw(b, "<p class=\"none\">No snapshots yet.</p>\n");
	} else {
		html_raw(b, "<table><caption>The scores kept by each snapshot</caption><thead><tr>"
			    "<th scope=\"col\">Day</th><th scope=\"col\">Kind</th><th scope=\"col\" "
			    "class=\"num\">Management</th><th scope=\"col\" class=\"num\">Leadership"
			    "</th><th scope=\"col\">Quadrant</th></tr></thead><tbody>\n");
		for (size_t i = 0; i < nh; i++)
			html_printf(b, "<tr><td>%s</td><td>%s</td><td class=\"num\">%.1f</td>"
				       "<td class=\"num\">%.1f</td><td>%s</td></tr>\n",
				    hist[i].day, hist[i].kind, hist[i].management, hist[i].leadership,
				    quadrant_words(hist[i].quadrant));
		html_raw(b, "</tbody></table>\n");
	}
	page_end(r);
	return 0;
}

int balance_unit_page(struct req *r)
{
	return unit_render(r, r->id);
}

int balance_org_page(struct req *r)
{
	int64_t unit = 0;
	int org;
	if (bal_view_scope(r, &unit, &org))
		return -1;
	if (!org)
		return err_set(&r->e, ERR_NOT_FOUND, "",
			       "the organization's balance is shown to those who read every unit");
	return unit_render(r, 0);
}
