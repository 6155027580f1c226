/* page_evm: earned value in the web UI: /evm (the roll-up over the unit
 * tree, CPI and SPI colored by threshold) and /plans/:id/evm (a plan's
 * figures and its EVM over time chart: PV, EV and AC as inline SVG
 * polylines with the BAC line and a legend). */
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "manage/evm.h"
#include "manage/plan.h"
#include "web/page.h"

/* the forms send text: "" or "all" for no unit, "" for today */
struct evm_q {
	const char *unit, *as_of;
};
static const struct field evm_q_fields[] = {
	{.name = "unit", .type = FT_TEXT, .offset = offsetof(struct evm_q, unit), .bit = 1, .max = 20},
	{.name = "as_of", .type = FT_TEXT, .offset = offsetof(struct evm_q, as_of), .bit = 2,
	 .max = 10},
	{0},
};

static int q_day(struct req *r, const struct evm_q *q, int32_t *day)
{
	if (!q->as_of || !*q->as_of) {
		*day = date_today();
		return 0;
	}
	if (date_parse(q->as_of, day))
		return err_set(&r->e, ERR_BAD_INPUT, "as_of", "as_of: must be a date as YYYY-MM-DD");
	return 0;
}

/* CPI and SPI: good at 1.0 and above, a warning from 0.9, bad below */
static void ratio_cell(struct buf *b, int has, double v)
{
	if (!has) {
		html_raw(b, "<td class=\"num\"><span class=\"none\">-</span></td>");
		return;
	}
	const char *cls = v >= 1.0 ? "evm-good" : v >= 0.9 ? "evm-warn" : "evm-bad";
	html_printf(b, "<td class=\"num %s\">%.2f</td>", cls, v);
}

static void money_cell(struct buf *b, int has, int64_t cents)
{
	if (!has) {
		html_raw(b, "<td class=\"num\"><span class=\"none\">-</span></td>");
		return;
	}
	html_raw(b, "<td class=\"num\">");
	html_money(b, cents);
	html_raw(b, "</td>");
}

int evm_page(struct req *r)
{
	struct evm_q q = {0};
	unsigned set = 0;
	int32_t day;
	if (page_query(r, evm_q_fields, &q, &set) || q_day(r, &q, &day))
		return -1;
	int64_t unit = 0;
	if (q.unit && *q.unit && strcmp(q.unit, "all") != 0) {
		char *end;
		unit = strtoll(q.unit, &end, 10);
		if (*end || unit <= 0)
			return err_set(&r->e, ERR_BAD_INPUT, "unit", "unit: must be a unit id or all");
	}
	unsigned uset = unit ? EVF_UNIT : 0;
	struct evm_node *v;
	size_t n;
	struct unit *units;
	size_t nunits;
	if (api_scope(r, &unit, &uset, EVF_UNIT) || page_units(r, &units, &nunits) ||
	    evm_rollup(r->db, r->a, (uset & EVF_UNIT) ? unit : 0, day, &v, &n, &r->e))
		return -1;
	page_begin(r, "Earned value", "manage");
	struct buf *b = &r->page;
	html_raw(b, "<div class=\"title-row\"><h1>Earned value</h1></div>\n<p class=\"lead\">"
		    "Planned value, earned value and actual cost of the plans of each unit and "
		    "its sub-units. CPI and SPI below 1.0 mean over cost and behind schedule; "
		    "below 0.9, well so.</p>\n");
	size_t nopt;
	struct option *opts = unit_options(r, units, nunits, "all", "All units", &nopt);
	html_raw(b, "<form method=\"get\" action=\"/evm\" class=\"filters\">");
	html_select(b, &(struct select){.name = "unit", .label = "Unit (with its sub-units)",
					.options = opts, .n = opts ? nopt : 0,
					.selected = q.unit && *q.unit ? q.unit : "all"}, NULL);
	html_input(b, &(struct input){.name = "as_of", .label = "As of", .type = "date",
				      .value = html_day(r->a, day)}, NULL);
	html_raw(b, "<button type=\"submit\">Show</button></form>\n");
	html_raw(b, "<table class=\"list evm-table\"><thead><tr><th>Unit</th>"
		    "<th class=\"num\">Plans</th><th class=\"num\">BAC</th><th class=\"num\">PV</th>"
		    "<th class=\"num\">EV</th><th class=\"num\">AC</th><th class=\"num\">CV</th>"
		    "<th class=\"num\">SV</th><th class=\"num\">CPI</th><th class=\"num\">SPI</th>"
		    "<th class=\"num\">EAC</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const struct evm *x = &v[i].total;
		html_printf(b, "<tr><td class=\"evm-depth-%d\"><a href=\"/units/%lld\">%s</a></td>"
			       "<td class=\"num\">%lld</td>", v[i].depth < 8 ? v[i].depth : 8,
			    (long long)v[i].unit_id, v[i].name, (long long)v[i].plans);
		money_cell(b, 1, x->bac);
		money_cell(b, 1, x->pv);
		money_cell(b, 1, x->ev);
		money_cell(b, 1, x->ac);
		money_cell(b, 1, x->cv);
		money_cell(b, 1, x->sv);
		ratio_cell(b, x->has_cpi, x->cpi);
		ratio_cell(b, x->has_spi, x->spi);
		money_cell(b, x->has_eac, x->eac);
		html_raw(b, "</tr>\n");
	}
	html_raw(b, "</tbody></table>\n<p class=\"hint\">Figures of a unit include its sub-units; "
		    "the ratios are those of the sums. How they are computed: docs/evm.md.</p>\n");
	page_end(r);
	return 0;
}

/* The chart: x from the first point's day to the last's, y from 0 to the
 * largest of BAC and the curves. */
enum { CW = 720, CH = 300, ML = 70, MR = 20, MT = 20, MB = 40 };

static void polyline(struct buf *b, const char *cls, const struct evm_point *p, size_t n,
		     int which, int32_t d0, int32_t d1, int64_t top)
{
	html_printf(b, "<polyline class=\"%s\" points=\"", cls);
	for (size_t i = 0; i < n; i++) {
		if (which && !p[i].past)
			break;
		int64_t val = which == 0 ? p[i].pv : which == 1 ? p[i].ev : p[i].ac;
		double x = ML + (double)(CW - ML - MR) * (d1 > d0 ? (double)(p[i].day - d0) /
							      (double)(d1 - d0) : 0.0);
		double y = MT + (double)(CH - MT - MB) * (1.0 - (double)val / (double)top);
		html_printf(b, "%s%.1f,%.1f", i ? " " : "", x, y);
	}
	html_raw(b, "\"/>");
}

static void chart(struct req *r, const struct evm_point *p, size_t n, int64_t bac)
{
	struct buf *b = &r->page;
	int64_t top = bac;
	for (size_t i = 0; i < n; i++) {
		if (p[i].pv > top)
			top = p[i].pv;
		if (p[i].past && p[i].ev > top)
			top = p[i].ev;
		if (p[i].past && p[i].ac > top)
			top = p[i].ac;
	}
	top = top ? top + top / 20 : 100;
	int32_t d0 = p[0].day, d1 = p[n - 1].day;
	html_printf(b, "<svg class=\"evm-chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
		       "aria-label=\"PV, EV and AC over time\">", CW, CH);
	html_printf(b, "<line class=\"evm-axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
		       "<line class=\"evm-axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", ML,
		    CH - MB, CW - MR, CH - MB, ML, MT, ML, CH - MB);
	double ybac = MT + (double)(CH - MT - MB) * (1.0 - (double)bac / (double)top);
	html_printf(b, "<line class=\"evm-bac\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
		       "<text class=\"evm-label\" x=\"%d\" y=\"%.1f\">BAC ", ML, ybac, CW - MR, ybac,
		    ML + 4, ybac - 4);
	html_money(b, bac);
	html_raw(b, "</text>");
	/* the y axis: 0 and the top */
	html_printf(b, "<text class=\"evm-label\" x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>",
		    ML - 6, CH - MB);
	html_printf(b, "<text class=\"evm-label\" x=\"%d\" y=\"%d\" text-anchor=\"end\">", ML - 6,
		    MT + 4);
	html_money(b, top);
	html_raw(b, "</text>");
	html_printf(b, "<text class=\"evm-label\" x=\"%d\" y=\"%d\">%s</text>"
		       "<text class=\"evm-label\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
		    ML, CH - MB + 16, html_day(r->a, d0), CW - MR, CH - MB + 16, html_day(r->a, d1));
	polyline(b, "evm-pv", p, n, 0, d0, d1, top);
	polyline(b, "evm-ev", p, n, 1, d0, d1, top);
	polyline(b, "evm-ac", p, n, 2, d0, d1, top);
	/* the legend */
	static const char *const names[] = {"PV planned", "EV earned", "AC actual cost", "BAC"};
	static const char *const cls[] = {"evm-pv", "evm-ev", "evm-ac", "evm-bac"};
	for (int i = 0; i < 4; i++) {
		int x = ML + 10 + i * 150, y = CH - 8;
		html_printf(b, "<line class=\"%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
			       "<text class=\"evm-label\" x=\"%d\" y=\"%d\">%s</text>", cls[i], x, y - 4,
			    x + 24, y - 4, x + 30, y, names[i]);
	}
	html_raw(b, "</svg>\n");
}

int plan_evm_page(struct req *r)
{
	struct evm_q q = {0};
	unsigned set = 0;
	int32_t day;
	struct plan p;
	struct evm v;
	struct evm_point *pts;
	size_t n;
	int64_t bac;
	if (page_query(r, evm_q_fields, &q, &set) || q_day(r, &q, &day) ||
	    plan_get(r->db, r->a, r->id, &p, &r->e) || evm_plan(r->db, r->id, day, &v, &r->e) ||
	    evm_weekly(r->db, r->a, r->id, day, &pts, &n, &bac, &r->e))
		return -1;
	page_begin(r, p.name, "plans");
	struct buf *b = &r->page;
	html_printf(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/plans\">Plans"
		       "</a> › <a href=\"/plans/%lld\">%s</a></nav>\n<div class=\"title-row\"><h1>"
		       "Earned value: %s</h1></div>\n", (long long)p.id, p.name, p.name);
	html_printf(b, "<form method=\"get\" action=\"/plans/%lld/evm\" class=\"filters\">",
		    (long long)p.id);
	html_input(b, &(struct input){.name = "as_of", .label = "As of", .type = "date",
				      .value = html_day(r->a, day)}, NULL);
	html_raw(b, "<button type=\"submit\">Show</button></form>\n<table class=\"list evm-table\">"
		    "<thead><tr><th class=\"num\">BAC</th><th class=\"num\">PV</th>"
		    "<th class=\"num\">EV</th><th class=\"num\">AC</th><th class=\"num\">CV</th>"
		    "<th class=\"num\">SV</th><th class=\"num\">CPI</th><th class=\"num\">SPI</th>"
		    "<th class=\"num\">EAC</th><th class=\"num\">ETC</th><th class=\"num\">VAC</th>"
		    "<th class=\"num\">TCPI</th></tr></thead><tbody><tr>");
	money_cell(b, 1, v.bac);
	money_cell(b, 1, v.pv);
	money_cell(b, 1, v.ev);
	money_cell(b, 1, v.ac);
	money_cell(b, 1, v.cv);
	money_cell(b, 1, v.sv);
	ratio_cell(b, v.has_cpi, v.cpi);
	ratio_cell(b, v.has_spi, v.spi);
	money_cell(b, v.has_eac, v.eac);
	money_cell(b, v.has_eac, v.etc);
	money_cell(b, v.has_eac, v.vac);
	if (v.has_tcpi)
		html_printf(b, "<td class=\"num\">%.2f</td>", v.tcpi);
	else
		html_raw(b, "<td class=\"num\"><span class=\"none\">-</span></td>");
	html_raw(b, "</tr></tbody></table>\n<h2>EVM over time</h2>\n");
	if (!n) {
		html_raw(b, "<p class=\"empty\">The plan has no start date to draw from.</p>\n");
	} else {
		chart(r, pts, n, bac);
		html_raw(b, "<table class=\"list\"><thead><tr><th>Day</th><th class=\"num\">PV</th>"
			    "<th class=\"num\">EV</th><th class=\"num\">AC</th></tr></thead><tbody>\n");
		for (size_t i = 0; i < n; i++) {
			html_printf(b, "<tr><td>%s</td>", html_day(r->a, pts[i].day));
			money_cell(b, 1, pts[i].pv);
			money_cell(b, pts[i].past, pts[i].ev);
			money_cell(b, pts[i].past, pts[i].ac);
			html_raw(b, "</tr>\n");
		}
		html_raw(b, "</tbody></table>\n");
	}
	html_raw(b, "<p class=\"hint\">PV spreads each step's share of the budget (by estimate) "
		    "over the working days of its early schedule; EV is the budget times the "
		    "weighted percent complete; AC is time at the rates when logged, tools and "
		    "expenses. See docs/evm.md.</p>\n");
	page_end(r);
	return 0;
}
