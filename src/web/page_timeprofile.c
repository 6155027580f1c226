/* page_timeprofile: /balance/time, the time profile of the people who
 * manage others (balance/timeprofile.h). A filter form (unit, from, to)
 * with its errors inline; the management/leadership split in words; a
 * stacked horizontal bar per unit of the managers' time by process (six
 * colours and the work itself in grey, a legend); and the tables per
 * process and per class, managers beside everyone else.
 *
 * Colours are SVG presentation attributes (the page policy forbids
 * inline style, not attributes), so the chart needs no stylesheet. */
#include <string.h>

#include "balance/timeprofile.h"
#include "base/date.h"
#include "web/page.h"

/* the six processes (management blues, leadership ambers), then the work
 * itself */
static const char *const colours[TP_PROCESSES + 1] = {"#1f4f99", "#4f86c6", "#9db6d9",
						      "#9a5a12", "#d08a3c", "#ecc27e",
						      "#d0d4d9"};

/* "18.8" (a share x10), or "—" when there is none */
static const char *share(struct arena *a, int64_t part, int64_t whole)
{
	int64_t s = tp_share10(part, whole);
	if (s < 0)
		return "—";
	return arena_printf(a, "%lld.%lld", (long long)(s / 10), (long long)(s % 10));
}

static void swatch(struct buf *b, int i)
{
	html_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"14\" height=\"14\" "
		       "aria-hidden=\"true\" focusable=\"false\"><rect width=\"14\" height=\"14\" "
		       "rx=\"2\" fill=\"%s\"/></svg> ", colours[i]);
}

static void legend(struct buf *b)
{
	html_raw(b, "<ul class=\"legend\" aria-label=\"Colours of the chart\">");
	for (int i = 0; i <= TP_PROCESSES; i++) {
		html_raw(b, "<li>");
		swatch(b, i);
		if (i < TP_PROCESSES)
			html_printf(b, "%s (%s)</li>", tp_process_names[i],
				    i < 3 ? "management" : "leadership");
		else
			html_raw(b, "the work itself (no activity class)</li>");
	}
	html_raw(b, "</ul>\n");
}

/* One bar: the segments of m's time, left to right by process, each
 * from its cumulative share so that they meet without gaps. */
static void bar(struct buf *b, struct arena *a, const struct tp_mix *m, int y, int x0, int w,
		int h)
{
	if (m->total <= 0) {
		html_printf(b, "<text x=\"%d\" y=\"%d\" fill=\"#57606a\">no time logged by "
			       "managers</text>", x0 + 4, y + h / 2 + 4);
		return;
	}
	int64_t cum = 0;
	for (int i = 0; i <= TP_PROCESSES; i++) {
		int64_t part = i < TP_PROCESSES ? tp_process_minutes(m, i)
						: m->minutes[TP_UNCLASSIFIED];
		if (!part)
			continue;
		int xa = x0 + (int)(cum * w / m->total);
		cum += part;
		int xb = x0 + (int)(cum * w / m->total);
		html_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\">"
			       "<title>%s: %s %% (%lld minutes)</title></rect>", xa, y,
			    xb - xa > 0 ? xb - xa : 1, h, colours[i],
			    i < TP_PROCESSES ? tp_process_names[i] : "the work itself",
			    share(a, part, m->total), (long long)part);
	}
}

/* The chart: the scope's bar first, then one per unit of the subtree. */
static void chart(struct buf *b, struct arena *a, const struct timeprofile *p)
{
	enum { W = 900, LABEL = 220, BAR = 440, ROW = 28, H = 18, TOP = 8 };
	int rows = 1 + (int)p->n;
	int height = TOP * 2 + rows * ROW;
	html_printf(b, "<div class=\"table-wrap\"><svg xmlns=\"http://www.w3.org/2000/svg\" "
		       "role=\"img\" aria-labelledby=\"tp-chart-title\" viewBox=\"0 0 %d %d\" "
		       "width=\"%d\" height=\"%d\" font-size=\"12\"><title id=\"tp-chart-title\">"
		       "Managers' logged time by process, %s and its units</title>", W, height, W,
		    height, p->unit_name);
	for (int row = 0; row < rows; row++) {
		const struct tp_mix *m = row ? &p->nodes[row - 1].managers : &p->managers;
		const char *name = row		 ? p->nodes[row - 1].name
				   : p->unit_id ? p->unit_name
						: "The organization";
		int depth = row ? p->nodes[row - 1].depth + 1 : 0;
		int y = TOP + row * ROW;
		html_printf(b, "<text x=\"%d\" y=\"%d\" fill=\"#1f2328\"%s>%.40s</text>",
			    4 + depth * 12, y + H - 4, row ? "" : " font-weight=\"600\"", name);
		bar(b, a, m, y, LABEL, BAR, H);
		if (m->total > 0)
			html_printf(b, "<text x=\"%d\" y=\"%d\" fill=\"#1f2328\">leadership %s %%, "
				       "%lld manager%s</text>", LABEL + BAR + 8, y + H - 4,
				    share(a, tp_leadership_minutes(m), m->total),
				    (long long)m->logging, m->logging == 1 ? "" : "s");
	}
	html_raw(b, "</svg></div>\n");
}

/* minutes as hours, then the share, for both groups */
static void group_cells(struct buf *b, struct arena *a, int64_t mm, const struct tp_mix *m,
			int64_t om, const struct tp_mix *o)
{
	html_raw(b, "<td class=\"num\">");
	html_hours(b, mm);
	html_printf(b, "</td><td class=\"num\">%s</td><td class=\"num\">", share(a, mm, m->total));
	html_hours(b, om);
	html_printf(b, "</td><td class=\"num\">%s</td></tr>\n", share(a, om, o->total));
}

static void tables(struct buf *b, struct arena *a, const struct timeprofile *p)
{
	const struct tp_mix *m = &p->managers, *o = &p->others;
	html_raw(b, "<h2 id=\"h-proc\">By process</h2>\n<div class=\"table-wrap\"><table "
		    "aria-labelledby=\"h-proc\"><thead><tr><th scope=\"col\">Process</th>"
		    "<th scope=\"col\" class=\"num\">Managers (h)</th><th scope=\"col\" "
		    "class=\"num\">Managers (%)</th><th scope=\"col\" class=\"num\">Others (h)</th>"
		    "<th scope=\"col\" class=\"num\">Others (%)</th></tr></thead><tbody>\n");
	for (int i = 0; i < TP_PROCESSES; i++) {
		html_printf(b, "<tr><th scope=\"row\">%s</th>", tp_process_names[i]);
		group_cells(b, a, tp_process_minutes(m, i), m, tp_process_minutes(o, i), o);
	}
	html_raw(b, "<tr><th scope=\"row\">the work itself</th>");
	group_cells(b, a, m->minutes[TP_UNCLASSIFIED], m, o->minutes[TP_UNCLASSIFIED], o);
	html_raw(b, "</tbody><tfoot><tr><th scope=\"row\">Management</th>");
	group_cells(b, a, tp_management_minutes(m), m, tp_management_minutes(o), o);
	html_raw(b, "<tr><th scope=\"row\">Leadership</th>");
	group_cells(b, a, tp_leadership_minutes(m), m, tp_leadership_minutes(o), o);
	html_raw(b, "<tr><th scope=\"row\">All logged time</th>");
	group_cells(b, a, m->total, m, o->total, o);
	html_raw(b, "</tfoot></table></div>\n");

	html_raw(b, "<h2 id=\"h-class\">By activity class</h2>\n<p class=\"hint\">An entry's class "
		    "is the one it was logged with, else its step's; with neither it is the work "
		    "itself.</p>\n<div class=\"table-wrap\"><table aria-labelledby=\"h-class\"><thead>"
		    "<tr><th scope=\"col\">Class</th><th scope=\"col\" class=\"num\">Managers (h)</th>"
		    "<th scope=\"col\" class=\"num\">Managers (%)</th><th scope=\"col\" "
		    "class=\"num\">Others (h)</th><th scope=\"col\" class=\"num\">Others (%)</th>"
		    "</tr></thead><tbody>\n");
	for (int i = 0; i < TP_CLASSES; i++) {
		html_printf(b, "<tr><th scope=\"row\">%s</th>",
			    i == TP_UNCLASSIFIED ? "none (the work itself)" : tp_class_keys[i]);
		group_cells(b, a, m->minutes[i], m, o->minutes[i], o);
	}
	html_raw(b, "</tbody></table></div>\n");
}

/* The split in words, for managers and for everyone else. */
static void summary(struct buf *b, struct arena *a, const struct timeprofile *p)
{
	const struct tp_mix *m = &p->managers, *o = &p->others;
	html_printf(b, "<p>%s, from %s to %s (%lld days): %lld people manage someone, and %lld of "
		       "them logged time.</p>\n", p->unit_id ? p->unit_name : "The organization",
		    p->from, p->to, (long long)p->days, (long long)m->people,
		    (long long)m->logging);
	if (m->total > 0) {
		html_printf(b, "<p class=\"tp-split\"><strong>Managers spent %s %% of their logged "
			       "time on leadership</strong>, %s %% on management and %s %% on the "
			       "work itself (", share(a, tp_leadership_minutes(m), m->total),
			    share(a, tp_management_minutes(m), m->total),
			    share(a, m->minutes[TP_UNCLASSIFIED], m->total));
		html_hours(b, m->total);
		html_raw(b, " hours in all).</p>\n");
	} else {
		html_raw(b, "<p class=\"tp-split\">Managers logged no time in this period.</p>\n");
	}
	if (o->total > 0) {
		html_printf(b, "<p>For contrast, the other %lld people spent %s %% of their logged time "
			       "on leadership and %s %% on management (", (long long)o->people,
			    share(a, tp_leadership_minutes(o), o->total),
			    share(a, tp_management_minutes(o), o->total));
		html_hours(b, o->total);
		html_raw(b, " hours).</p>\n");
	}
}

int balance_time_page(struct req *r)
{
	struct tp_query q = {0};
	unsigned set = 0;
	/* a query that does not parse is shown beside the form, which
	 * starts again from the defaults */
	int bad_query = page_query(r, tp_query_fields, &q, &set);
	if (bad_query) {
		if (r->e.status != ERR_BAD_INPUT)
			return -1;
		q = (struct tp_query){0};
		set = 0;
	}
	struct err bad = r->e;
	err_clear(&r->e);
	/* a unit outside the actor's is 404; none is their own unit (an
	 * admin's: the whole organization) */
	if (api_scope(r, &q.unit_id, &set, TPQ_UNIT))
		return -1;
	struct unit *units;
	size_t nunits;
	if (page_units(r, &units, &nunits))
		return -1;
	struct timeprofile p;
	int failed = bad_query || timeprofile_get(r->db, r->a, &q, set, date_today(), &p, &r->e);
	if (bad_query)
		r->e = bad;
	if (failed && (r->e.status >= 500 || r->e.status == ERR_NOT_FOUND))
		return -1;

	page_begin(r, "Time profile", "time-profile");
	struct buf *b = &r->page;
	html_raw(b, "<h1>Time profile</h1>\n<p class=\"lead\">How the people who manage others "
		    "spend their logged time: how much goes to leadership (setting a direction, "
		    "aligning people, motivating and inspiring) and how much to management "
		    "(planning and budgeting, organizing and staffing, controlling and problem "
		    "solving). Kotter's point made visible.</p>\n");
	if (failed) {
		r->status = ERR_BAD_INPUT;
		html_form_error(b, &r->e, 1);
	}
	int whole = r->who.role == ROLE_ADMIN || !r->who.account_id;
	size_t nopt;
	struct option *opts = unit_options(r, units, nunits, whole ? "" : NULL,
					   whole ? "The whole organization" : NULL, &nopt);
	if (!opts)
		return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	html_raw(b, "<form method=\"get\" action=\"/balance/time\" class=\"filters\">");
	html_select(b, &(struct select){.name = "unit_id", .label = "Unit", .options = opts,
					.n = nopt, .selected = input_id(r, q.unit_id)}, &r->e);
	html_input(b, &(struct input){.name = "from", .label = "From", .type = "date",
				      .value = failed ? q.from : p.from}, &r->e);
	html_input(b, &(struct input){.name = "to", .label = "To", .type = "date",
				      .value = failed ? q.to : p.to}, &r->e);
	html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Show</button>"
		    "</div></form>\n");
	if (!failed) {
		summary(b, r->a, &p);
		html_raw(b, "<h2>Managers' time by process, per unit</h2>\n<p class=\"hint\">Each bar "
			    "is 100 % of the logged time of the managers of that unit and the units "
			    "under it, split by process; the share of leadership is written beside "
			    "it, with how many managers logged time.</p>\n");
		legend(b);
		chart(b, r->a, &p);
		tables(b, r->a, &p);
		html_raw(b, "<p class=\"hint\">A manager is a person whom at least one other person "
			    "has as manager; everyone else counts among the others. The default "
			    "period is the last balance.time_window_days days (<code>tandem setting "
			    "list</code>).</p>\n");
	}
	page_end(r);
	return 0;
}
