/* page_report: the control report's renderers (Markdown, CSV, a
 * standalone HTML document; the CLI and the API send the same text), the
 * report page (/reports/control: a GET form, the report, a budget vs
 * actual chart and download links) and the unit page's complexity
 * section. The data come from manage/report.h and manage/complexity.h. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "manage/complexity.h"
#include "manage/report.h"
#include "web/page.h"

/* --- Markdown -------------------------------------------------------------- */

/* Text with Markdown's markup characters escaped (a name never turns
 * into a link, emphasis or a table column), line breaks as spaces. */
static void md_text(struct buf *b, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++) {
		if (strchr("|\\*_`<>[]#", *p))
			buf_putc(b, '\\');
		buf_putc(b, *p == '\n' || *p == '\r' ? ' ' : *p);
	}
}

static void md_cell(struct buf *b, const char *s)
{
	buf_putc(b, ' ');
	md_text(b, s);
	buf_puts(b, " |");
}

static void md_row(struct buf *b, const char *const *cells, size_t n)
{
	buf_putc(b, '|');
	for (size_t i = 0; i < n; i++)
		md_cell(b, cells[i]);
	buf_putc(b, '\n');
}

/* The header row and its rule; align: 'l' or 'r' per column. */
static void md_head(struct buf *b, const char *const *cells, const char *align, size_t n)
{
	md_row(b, cells, n);
	buf_putc(b, '|');
	for (size_t i = 0; i < n; i++)
		buf_puts(b, align[i] == 'r' ? " ---: |" : " --- |");
	buf_putc(b, '\n');
}

static const char *money(struct arena *a, int64_t cents)
{
	return report_money(a, cents);
}

/* The EVM figures of a row: BAC PV EV AC CV SV CPI SPI EAC VAC. */
static void evm_cells(struct arena *a, const struct evm *v, const char **c)
{
	c[0] = money(a, v->bac);
	c[1] = money(a, v->pv);
	c[2] = money(a, v->ev);
	c[3] = money(a, v->ac);
	c[4] = money(a, v->cv);
	c[5] = money(a, v->sv);
	c[6] = report_ratio(a, v->has_cpi, v->cpi);
	c[7] = report_ratio(a, v->has_spi, v->spi);
	c[8] = v->has_eac ? money(a, v->eac) : "-";
	c[9] = v->has_eac ? money(a, v->vac) : "-";
}

static const char *hours(struct arena *a, int64_t minutes)
{
	int64_t h = (minutes * 100 + 30) / 60;
	return arena_printf(a, "%lld.%02lld", (long long)(h / 100), (long long)(h % 100));
}

static const char *pct(struct arena *a, int64_t part, int64_t whole)
{
	if (whole <= 0)
		return "-";
	return arena_printf(a, "%lld%%", (long long)((part * 100 + whole / 2) / whole));
}

static const char *week_of(struct arena *a, int32_t monday)
{
	char d[11];
	date_format(monday, d);
	return arena_strdup(a, d);
}

void report_md(struct buf *b, struct arena *a, const struct control_report *r)
{
	buf_puts(b, "# Control report: ");
	md_text(b, r->unit_name);
	buf_puts(b, "\n\n");
	buf_printf(b, "Unit %lld and its sub-units, from %s to %s (figures as of %s).\n",
		   (long long)r->unit_id, r->from, r->to, r->to);

	buf_puts(b, "\n## 1. Earned value\n\n");
	if (!r->nplans) {
		buf_puts(b, "No plans.\n");
	} else {
		static const char *const h[] = {"Plan", "Unit", "Status", "BAC", "PV", "EV", "AC",
						"CV", "SV", "CPI", "SPI", "EAC", "VAC"};
		md_head(b, h, "lllrrrrrrrrrr", 13);
		const char *c[13];
		for (size_t i = 0; i < r->nplans; i++) {
			c[0] = r->plans[i].name;
			c[1] = r->plans[i].unit_name;
			c[2] = r->plans[i].status;
			evm_cells(a, &r->plans[i].evm, c + 3);
			md_row(b, c, 13);
		}
		c[0] = "Total";
		c[1] = c[2] = "";
		evm_cells(a, &r->total, c + 3);
		md_row(b, c, 13);
	}

	buf_printf(b, "\n## 2. Budget vs actual, %s to %s\n\n", r->from, r->to);
	{
		static const char *const h[] = {"Category", "Budget", "Actual", "Variance"};
		md_head(b, h, "lrrr", 4);
		const char *c[4];
		for (size_t i = 0; i < 3; i++) {
			const struct report_budget *x = &r->budget[i];
			c[0] = x->category;
			c[1] = money(a, x->budget_cents);
			c[2] = money(a, x->actual_cents);
			c[3] = money(a, x->budget_cents - x->actual_cents);
			md_row(b, c, 4);
		}
		c[0] = "Total";
		c[1] = money(a, r->budget_total_cents);
		c[2] = money(a, r->actual_total_cents);
		c[3] = money(a, r->budget_total_cents - r->actual_total_cents);
		md_row(b, c, 4);
	}

	buf_printf(b, "\n## 3. Overdue steps (due before %s, not done)\n\n", r->to);
	if (!r->overdue_count) {
		buf_puts(b, "None.\n");
	} else {
		if ((int64_t)r->noverdue < r->overdue_count)
			buf_printf(b, "%lld steps; the first %zu:\n\n", (long long)r->overdue_count,
				   r->noverdue);
		static const char *const h[] = {"Plan", "Step", "Assignee", "Status", "Due",
						"Working days late"};
		md_head(b, h, "llllrr", 6);
		for (size_t i = 0; i < r->noverdue; i++) {
			const struct report_overdue *o = &r->overdue[i];
			const char *c[] = {o->plan, o->step, o->assignee ? o->assignee : "-", o->status,
					   o->due, arena_printf(a, "%lld", (long long)o->days_late)};
			md_row(b, c, 6);
		}
	}

	buf_printf(b, "\n## 4. Overloads, %d week%s from %s\n\n", r->weeks, r->weeks == 1 ? "" : "s",
		   week_of(a, r->first_monday));
	if (!r->noverloads) {
		buf_puts(b, "None.\n");
	} else {
		static const char *const h[] = {"Week", "Person", "Load (h)", "Capacity (h)", "Load"};
		md_head(b, h, "llrrr", 5);
		for (size_t i = 0; i < r->noverloads; i++) {
			const struct overload *o = &r->overloads[i];
			const char *c[] = {week_of(a, o->week), o->name, hours(a, o->load),
					   hours(a, o->capacity), pct(a, o->load, o->capacity)};
			md_row(b, c, 5);
		}
	}

	buf_puts(b, "\n## 5. Open problems\n\n");
	if (!r->problem_count) {
		buf_puts(b, "None.\n");
	} else {
		if ((int64_t)r->nproblems < r->problem_count)
			buf_printf(b, "%lld problems; the first %zu:\n\n", (long long)r->problem_count,
				   r->nproblems);
		static const char *const h[] = {"Severity", "Problem", "Rule", "Status", "Unit",
						"Owner", "Found", "Due"};
		md_head(b, h, "rlllllll", 8);
		for (size_t i = 0; i < r->nproblems; i++) {
			const struct report_problem *p = &r->problems[i];
			const char *c[] = {arena_printf(a, "%lld", (long long)p->severity), p->title,
					   p->rule, p->status, p->unit_name, p->owner ? p->owner : "-",
					   p->found, p->due ? p->due : "-"};
			md_row(b, c, 8);
		}
	}
}

/* --- CSV ----------------------------------------------------------------------- */

/* One table of every section's columns; a row fills those of its section. */
enum {
	C_SECTION, C_PLAN_ID, C_PLAN, C_STEP_ID, C_STEP, C_PERSON_ID, C_PERSON, C_UNIT_ID, C_UNIT,
	C_CATEGORY, C_WEEK, C_SEVERITY, C_RULE, C_STATUS, C_TITLE, C_FOUND, C_DUE, C_DAYS_LATE,
	C_BAC, C_PV, C_EV, C_AC, C_CV, C_SV, C_CPI, C_SPI, C_EAC, C_VAC, C_BUDGET, C_ACTUAL, C_VARIANCE, C_LOAD,
	C_CAPACITY, C_NCOLS
};
static const char *const csv_cols[C_NCOLS] = {
	"section", "plan_id", "plan", "step_id", "step", "person_id", "person", "unit_id", "unit",
	"category", "week", "severity", "rule", "status", "title", "found", "due", "days_late",
	"bac", "pv", "ev", "ac", "cv", "sv", "cpi", "spi", "eac", "vac", "budget", "actual",
	"variance", "load_hours", "capacity_hours",
};

/* A cell: text, an integer or a money amount (cents; ratios x100). */
struct cell {
	enum { EMPTY, TEXT, INT, MONEY } kind;
	const char *s;
	int64_t v;
};

static void csv_row(struct csv *c, const struct cell *cells)
{
	for (size_t i = 0; i < C_NCOLS; i++) {
		switch (cells[i].kind) {
		case EMPTY: csv_text(c, NULL); break;
		case TEXT: csv_text(c, cells[i].s); break;
		case INT: csv_int(c, cells[i].v); break;
		case MONEY: csv_money(c, cells[i].v); break;
		}
	}
	csv_end(c);
}

#define TXT(x) ((struct cell){.kind = TEXT, .s = (x)})
#define NUM(x) ((struct cell){.kind = INT, .v = (x)})
#define CENTS(x) ((struct cell){.kind = MONEY, .v = (x)})

/* a ratio in hundredths, rounded as evm_json and report_ratio round */
static int64_t hundredths(double v)
{
	return (int64_t)llround(v * 100);
}

static void csv_evm(struct cell *row, const struct evm *v)
{
	row[C_BAC] = CENTS(v->bac);
	row[C_PV] = CENTS(v->pv);
	row[C_EV] = CENTS(v->ev);
	row[C_AC] = CENTS(v->ac);
	row[C_CV] = CENTS(v->cv);
	row[C_SV] = CENTS(v->sv);
	if (v->has_cpi)
		row[C_CPI] = CENTS(hundredths(v->cpi));
	if (v->has_spi)
		row[C_SPI] = CENTS(hundredths(v->spi));
	if (v->has_eac) {
		row[C_EAC] = CENTS(v->eac);
		row[C_VAC] = CENTS(v->vac);
	}
}

void report_csv(struct buf *b, struct arena *a, const struct control_report *r)
{
	struct csv c = {.b = b};
	csv_header(&c, csv_cols, C_NCOLS);
	struct cell row[C_NCOLS];
	for (size_t i = 0; i < r->nplans; i++) {
		memset(row, 0, sizeof row);
		row[C_SECTION] = TXT("evm");
		row[C_PLAN_ID] = NUM(r->plans[i].id);
		row[C_PLAN] = TXT(r->plans[i].name);
		row[C_UNIT_ID] = NUM(r->plans[i].unit_id);
		row[C_UNIT] = TXT(r->plans[i].unit_name);
		row[C_STATUS] = TXT(r->plans[i].status);
		csv_evm(row, &r->plans[i].evm);
		csv_row(&c, row);
	}
	memset(row, 0, sizeof row);
	row[C_SECTION] = TXT("evm_total");
	csv_evm(row, &r->total);
	csv_row(&c, row);
	for (size_t i = 0; i < 3; i++) {
		memset(row, 0, sizeof row);
		row[C_SECTION] = TXT("budget");
		row[C_CATEGORY] = TXT(r->budget[i].category);
		row[C_BUDGET] = CENTS(r->budget[i].budget_cents);
		row[C_ACTUAL] = CENTS(r->budget[i].actual_cents);
		row[C_VARIANCE] = CENTS(r->budget[i].budget_cents - r->budget[i].actual_cents);
		csv_row(&c, row);
	}
	memset(row, 0, sizeof row);
	row[C_SECTION] = TXT("budget_total");
	row[C_BUDGET] = CENTS(r->budget_total_cents);
	row[C_ACTUAL] = CENTS(r->actual_total_cents);
	row[C_VARIANCE] = CENTS(r->budget_total_cents - r->actual_total_cents);
	csv_row(&c, row);
	for (size_t i = 0; i < r->noverdue; i++) {
		const struct report_overdue *o = &r->overdue[i];
		memset(row, 0, sizeof row);
		row[C_SECTION] = TXT("overdue");
		row[C_PLAN_ID] = NUM(o->plan_id);
		row[C_PLAN] = TXT(o->plan);
		row[C_STEP_ID] = NUM(o->step_id);
		row[C_STEP] = TXT(o->step);
		if (o->assignee_id) {
			row[C_PERSON_ID] = NUM(o->assignee_id);
			row[C_PERSON] = TXT(o->assignee);
		}
		row[C_STATUS] = TXT(o->status);
		row[C_DUE] = TXT(o->due);
		row[C_DAYS_LATE] = NUM(o->days_late);
		csv_row(&c, row);
	}
	for (size_t i = 0; i < r->noverloads; i++) {
		const struct overload *o = &r->overloads[i];
		memset(row, 0, sizeof row);
		row[C_SECTION] = TXT("overload");
		row[C_PERSON_ID] = NUM(o->person_id);
		row[C_PERSON] = TXT(o->name);
		row[C_WEEK] = TXT(week_of(a, o->week));
		/* hours with two decimals: minutes x 100 / 60, as cents */
		row[C_LOAD] = CENTS((o->load * 100 + 30) / 60);
		row[C_CAPACITY] = CENTS((o->capacity * 100 + 30) / 60);
		csv_row(&c, row);
	}
	for (size_t i = 0; i < r->nproblems; i++) {
		const struct report_problem *p = &r->problems[i];
		memset(row, 0, sizeof row);
		row[C_SECTION] = TXT("problem");
		row[C_SEVERITY] = NUM(p->severity);
		row[C_TITLE] = TXT(p->title);
		row[C_STATUS] = TXT(p->status);
		row[C_RULE] = TXT(p->rule);
		row[C_UNIT_ID] = NUM(p->unit_id);
		row[C_UNIT] = TXT(p->unit_name);
		if (p->owner_id) {
			row[C_PERSON_ID] = NUM(p->owner_id);
			row[C_PERSON] = TXT(p->owner);
		}
		row[C_FOUND] = TXT(p->found);
		if (p->due)
			row[C_DUE] = TXT(p->due);
		csv_row(&c, row);
	}
}

/* --- HTML ------------------------------------------------------------------------ */

static void th_row(struct buf *b, const char *const *h, size_t n, const char *align)
{
	html_raw(b, "<thead><tr>");
	for (size_t i = 0; i < n; i++) {
		if (align[i] == 'r')
			html_raw(b, "<th scope=\"col\" class=\"num\">");
		else
			html_raw(b, "<th scope=\"col\">");
		html_printf(b, "%s</th>", h[i]);
	}
	html_raw(b, "</tr></thead>");
}

static void td_money(struct buf *b, int64_t cents)
{
	html_raw(b, "<td class=\"num\">");
	html_money(b, cents);
	html_raw(b, "</td>");
}

static void td_text(struct buf *b, const char *s, int num)
{
	if (num)
		html_raw(b, "<td class=\"num\">");
	else
		html_raw(b, "<td>");
	html_printf(b, "%s</td>", s);
}

static void evm_tds(struct buf *b, struct arena *a, const struct evm *v)
{
	td_money(b, v->bac);
	td_money(b, v->pv);
	td_money(b, v->ev);
	td_money(b, v->ac);
	td_money(b, v->cv);
	td_money(b, v->sv);
	td_text(b, report_ratio(a, v->has_cpi, v->cpi), 1);
	td_text(b, report_ratio(a, v->has_spi, v->spi), 1);
	if (v->has_eac) {
		td_money(b, v->eac);
		td_money(b, v->vac);
	} else {
		td_text(b, "-", 1);
		td_text(b, "-", 1);
	}
}

/* The budget vs actual chart: a pair of horizontal bars per category,
 * scaled to the largest amount; an actual above its budget is marked. */
static void budget_svg(struct buf *b, const struct control_report *r)
{
	int64_t max = 1;
	for (size_t i = 0; i < 3; i++) {
		if (r->budget[i].budget_cents > max)
			max = r->budget[i].budget_cents;
		if (r->budget[i].actual_cents > max)
			max = r->budget[i].actual_cents;
	}
	enum { W = 640, LABEL = 90, BAR = 16, GAP = 14, PLOT = 400 };
	int h = 3 * (2 * BAR + GAP) + GAP + 20;
	html_printf(b, "<svg class=\"report-chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
		       "aria-labelledby=\"report-chart-t\"><title id=\"report-chart-t\">Budget and "
		       "actual cost by category, %s to %s</title>", W, h, r->from, r->to);
	for (size_t i = 0; i < 3; i++) {
		const struct report_budget *x = &r->budget[i];
		int y = GAP + (int)i * (2 * BAR + GAP);
		int wb = (int)(x->budget_cents * PLOT / max);
		int wa = (int)(x->actual_cents * PLOT / max);
		html_printf(b, "<text class=\"report-label\" x=\"0\" y=\"%d\">%s</text>", y + BAR + 4,
			    x->category);
		html_printf(b, "<rect class=\"report-bar-budget\" x=\"%d\" y=\"%d\" width=\"%d\" "
			       "height=\"%d\"></rect>", LABEL, y, wb, BAR);
		html_printf(b, "<rect class=\"report-bar-actual%s\" x=\"%d\" y=\"%d\" width=\"%d\" "
			       "height=\"%d\"></rect>",
			    x->actual_cents > x->budget_cents ? " report-over" : "", LABEL, y + BAR, wa,
			    BAR);
		html_printf(b, "<text class=\"report-value\" x=\"%d\" y=\"%d\">budget ", LABEL + wb + 6,
			    y + BAR - 4);
		html_money(b, x->budget_cents);
		html_printf(b, "</text><text class=\"report-value\" x=\"%d\" y=\"%d\">actual ",
			    LABEL + wa + 6, y + 2 * BAR - 4);
		html_money(b, x->actual_cents);
		html_raw(b, "</text>");
	}
	html_printf(b, "<rect class=\"report-bar-budget\" x=\"%d\" y=\"%d\" width=\"12\" "
		       "height=\"12\"></rect><text class=\"report-value\" x=\"%d\" y=\"%d\">budget"
		       "</text><rect class=\"report-bar-actual\" x=\"%d\" y=\"%d\" width=\"12\" "
		       "height=\"12\"></rect><text class=\"report-value\" x=\"%d\" y=\"%d\">actual"
		       "</text></svg>\n",
		    LABEL, h - 16, LABEL + 16, h - 6, LABEL + 90, h - 16, LABEL + 106, h - 6);
}

/* The five sections; links to the records on the web UI's page, none in
 * a document that leaves the server. */
static void sections_html(struct buf *b, struct arena *a, const struct control_report *r,
			  int links)
{
	html_raw(b, "<section aria-labelledby=\"h-evm\"><h2 id=\"h-evm\">1. Earned value</h2>\n");
	if (!r->nplans) {
		html_raw(b, "<p class=\"empty\">No plans in this unit or its sub-units.</p>\n");
	} else {
		static const char *const h[] = {"Plan", "Unit", "Status", "BAC", "PV", "EV", "AC",
						"CV", "SV", "CPI", "SPI", "EAC", "VAC"};
		html_raw(b, "<div class=\"table-wrap\"><table>");
		th_row(b, h, 13, "lllrrrrrrrrrr");
		html_raw(b, "<tbody>\n");
		for (size_t i = 0; i < r->nplans; i++) {
			const struct report_plan *p = &r->plans[i];
			if (links)
				html_printf(b, "<tr><th scope=\"row\"><a href=\"/plans/%lld\">%s</a></th>",
					    (long long)p->id, p->name);
			else
				html_printf(b, "<tr><th scope=\"row\">%s</th>", p->name);
			td_text(b, p->unit_name, 0);
			td_text(b, p->status, 0);
			evm_tds(b, a, &p->evm);
			html_raw(b, "</tr>\n");
		}
		html_raw(b, "</tbody><tfoot><tr><th scope=\"row\">Total</th><td></td><td></td>");
		evm_tds(b, a, &r->total);
		html_raw(b, "</tr></tfoot></table></div>\n");
	}
	html_raw(b, "</section>\n");

	html_printf(b, "<section aria-labelledby=\"h-bva\"><h2 id=\"h-bva\">2. Budget vs actual, %s "
		       "to %s</h2>\n", r->from, r->to);
	budget_svg(b, r);
	{
		static const char *const h[] = {"Category", "Budget", "Actual", "Variance"};
		html_raw(b, "<div class=\"table-wrap\"><table>");
		th_row(b, h, 4, "lrrr");
		html_raw(b, "<tbody>\n");
		for (size_t i = 0; i < 3; i++) {
			const struct report_budget *x = &r->budget[i];
			html_printf(b, "<tr><th scope=\"row\">%s</th>", x->category);
			td_money(b, x->budget_cents);
			td_money(b, x->actual_cents);
			td_money(b, x->budget_cents - x->actual_cents);
			html_raw(b, "</tr>\n");
		}
		html_raw(b, "</tbody><tfoot><tr><th scope=\"row\">Total</th>");
		td_money(b, r->budget_total_cents);
		td_money(b, r->actual_total_cents);
		td_money(b, r->budget_total_cents - r->actual_total_cents);
		html_raw(b, "</tr></tfoot></table></div>\n</section>\n");
	}

	html_printf(b, "<section aria-labelledby=\"h-late\"><h2 id=\"h-late\">3. Overdue steps</h2>\n"
		       "<p class=\"hint\">Not done and due before %s; days late in working days.</p>\n",
		    r->to);
	if (!r->overdue_count) {
		html_raw(b, "<p class=\"empty\">No overdue steps.</p>\n");
	} else {
		if ((int64_t)r->noverdue < r->overdue_count)
			html_printf(b, "<p class=\"count\">%lld steps; the first %zu:</p>\n",
				    (long long)r->overdue_count, r->noverdue);
		static const char *const h[] = {"Plan", "Step", "Assignee", "Status", "Due",
						"Days late"};
		html_raw(b, "<div class=\"table-wrap\"><table>");
		th_row(b, h, 6, "llllrr");
		html_raw(b, "<tbody>\n");
		for (size_t i = 0; i < r->noverdue; i++) {
			const struct report_overdue *o = &r->overdue[i];
			if (links)
				html_printf(b, "<tr><td><a href=\"/plans/%lld\">%s</a></td><td><a href=\""
					       "/steps/%lld\">%s</a></td>", (long long)o->plan_id, o->plan,
					    (long long)o->step_id, o->step);
			else
				html_printf(b, "<tr><td>%s</td><td>%s</td>", o->plan, o->step);
			td_text(b, o->assignee ? o->assignee : "—", 0);
			td_text(b, o->status, 0);
			html_printf(b, "<td class=\"num report-day\">%s</td>", o->due);
			html_printf(b, "<td class=\"num late-text\">%lld</td></tr>\n",
				    (long long)o->days_late);
		}
		html_raw(b, "</tbody></table></div>\n");
	}
	html_raw(b, "</section>\n");

	html_printf(b, "<section aria-labelledby=\"h-over\"><h2 id=\"h-over\">4. Overloads</h2>\n"
		       "<p class=\"hint\">%d week%s from %s: person-weeks whose planned load is above "
		       "their capacity (and the unit's tolerance).</p>\n", r->weeks,
		    r->weeks == 1 ? "" : "s", week_of(a, r->first_monday));
	if (!r->noverloads) {
		html_raw(b, "<p class=\"empty\">Nobody is overloaded.</p>\n");
	} else {
		static const char *const h[] = {"Week", "Person", "Load (h)", "Capacity (h)", "Load"};
		html_raw(b, "<div class=\"table-wrap\"><table>");
		th_row(b, h, 5, "llrrr");
		html_raw(b, "<tbody>\n");
		for (size_t i = 0; i < r->noverloads; i++) {
			const struct overload *o = &r->overloads[i];
			html_printf(b, "<tr><td class=\"report-day\">%s</td>", week_of(a, o->week));
			if (links)
				html_printf(b, "<td><a href=\"/people/%lld\">%s</a></td>",
					    (long long)o->person_id, o->name);
			else
				td_text(b, o->name, 0);
			td_text(b, hours(a, o->load), 1);
			td_text(b, hours(a, o->capacity), 1);
			td_text(b, pct(a, o->load, o->capacity), 1);
			html_raw(b, "</tr>\n");
		}
		html_raw(b, "</tbody></table></div>\n");
	}
	html_raw(b, "</section>\n");

	html_raw(b, "<section aria-labelledby=\"h-prob\"><h2 id=\"h-prob\">5. Open problems</h2>\n");
	if (!r->problem_count) {
		html_raw(b, "<p class=\"empty\">No open problems.</p>\n");
	} else {
		if ((int64_t)r->nproblems < r->problem_count)
			html_printf(b, "<p class=\"count\">%lld problems; the first %zu:</p>\n",
				    (long long)r->problem_count, r->nproblems);
		static const char *const h[] = {"Severity", "Problem", "Rule", "Status", "Unit",
						"Owner", "Found", "Due"};
		html_raw(b, "<div class=\"table-wrap\"><table>");
		th_row(b, h, 8, "rlllllll");
		html_raw(b, "<tbody>\n");
		for (size_t i = 0; i < r->nproblems; i++) {
			const struct report_problem *p = &r->problems[i];
			html_printf(b, "<tr><td class=\"num report-sev%lld\">%lld</td>",
				    (long long)p->severity, (long long)p->severity);
			if (links)
				html_printf(b, "<td><a href=\"/problems/%lld\">%s</a></td>",
					    (long long)p->id, p->title);
			else
				td_text(b, p->title, 0);
			td_text(b, p->rule, 0);
			td_text(b, p->status, 0);
			td_text(b, p->unit_name, 0);
			td_text(b, p->owner ? p->owner : "—", 0);
			html_printf(b, "<td class=\"report-day\">%s</td><td class=\"report-day\">%s</td>",
				    p->found, p->due ? p->due : "—");
			html_raw(b, "</tr>\n");
		}
		html_raw(b, "</tbody></table></div>\n");
	}
	html_raw(b, "</section>\n");
}

/* A document to mail: its own small stylesheet, no links back. */
void report_html(struct buf *b, struct arena *a, const struct control_report *r)
{
	html_printf(b, "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		       "<title>Control report: %s, %s to %s</title>\n", r->unit_name, r->from, r->to);
	html_raw(b, "<style>\n"
		    "body { font: 15px/1.45 system-ui, sans-serif; color: #1f2328; margin: 2rem; }\n"
		    "table { border-collapse: collapse; margin: 0.5rem 0 1rem; }\n"
		    "th, td { border-bottom: 1px solid #d8dee4; padding: 0.3rem 0.6rem; text-align: left; }\n"
		    ".num { text-align: right; font-variant-numeric: tabular-nums; }\n"
		    "tfoot th, tfoot td { font-weight: 600; border-top: 2px solid #d8dee4; }\n"
		    ".hint, .count, .empty { color: #57606a; }\n"
		    ".late-text { color: #b02a1c; } .report-day { white-space: nowrap; }\n"
		    ".report-chart { max-width: 40rem; display: block; }\n"
		    ".report-bar-budget { fill: #9db6d9; } .report-bar-actual { fill: #1f5fbf; }\n"
		    ".report-over { fill: #b02a1c; } .report-label, .report-value { font-size: 12px; }\n"
		    "</style>\n</head>\n<body>\n");
	html_printf(b, "<h1>Control report: %s</h1>\n<p>Unit %lld and its sub-units, from %s to %s "
		       "(figures as of %s).</p>\n", r->unit_name, (long long)r->unit_id, r->from,
		    r->to, r->to);
	sections_html(b, a, r, 0);
	html_raw(b, "</body>\n</html>\n");
}

/* --- the report page ------------------------------------------------------------ */

/* The units the actor may read, for the form; 404 for one outside them. */
static int readable_unit(struct req *r, int64_t unit)
{
	return access_check(r->db, &r->who, K_UNIT, unit, A_READ, &r->e);
}

int report_control_page(struct req *r)
{
	struct report_input in = {0};
	unsigned set = 0;
	/* a query that does not parse is shown beside the form, which
	 * starts again from the defaults */
	int bad_query = page_query(r, report_fields, &in, &set);
	if (bad_query) {
		if (r->e.status != ERR_BAD_INPUT)
			return -1;
		in = (struct report_input){0};
		set = 0;
	}
	struct unit *units;
	size_t nunits;
	if (page_units(r, &units, &nunits))
		return -1;
	/* defaults: the actor's unit (or the first they read), this month to date */
	if (!(set & REP_UNIT) && nunits) {
		in.unit_id = unit_in(units, nunits, r->who.unit_id) ? r->who.unit_id : units[0].id;
		set |= REP_UNIT;
	}
	int32_t today = date_today();
	int y, m, d;
	date_to_ymd(today, &y, &m, &d);
	if (!(set & REP_TO)) {
		in.to = html_day(r->a, today);
		set |= REP_TO;
	}
	if (!(set & REP_FROM)) {
		in.from = html_day(r->a, date_from_ymd(y, m, 1));
		set |= REP_FROM;
	}
	if ((set & REP_UNIT) && readable_unit(r, in.unit_id))
		return -1;
	struct control_report rep;
	int failed = bad_query || report_control(r->db, r->a, &in, set, &rep, &r->e);
	if (failed && (r->e.status >= 500 || r->e.status == ERR_NOT_FOUND))
		return -1;
	const char *fmt = (set & REP_FORMAT) ? in.format : "html";
	if (!failed && strcmp(fmt, "html") != 0)
		return report_send(r, &rep, fmt);

	page_begin(r, "Control report", "manage");
	struct buf *b = &r->page;
	html_raw(b, "<h1>Control report</h1>\n<p class=\"lead\">Earned value, budget vs actual, "
		    "overdue steps, overloads and open problems of a unit and its sub-units over a "
		    "period.</p>\n");
	if (failed) {
		r->status = ERR_BAD_INPUT;
		html_form_error(b, &r->e, 1);
	}
	size_t nopt;
	struct option *opts = unit_options(r, units, nunits, NULL, NULL, &nopt);
	if (!opts)
		return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	html_raw(b, "<form method=\"get\" action=\"/reports/control\" class=\"filters\">");
	html_select(b, &(struct select){.name = "unit_id", .label = "Unit", .options = opts,
					.n = nopt, .selected = input_id(r, in.unit_id)}, &r->e);
	html_input(b, &(struct input){.name = "from", .label = "From", .type = "date",
				      .value = in.from}, &r->e);
	html_input(b, &(struct input){.name = "to", .label = "To", .type = "date", .value = in.to},
		   &r->e);
	html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Show the "
		    "report</button></div></form>\n");
	if (!failed) {
		html_printf(b, "<p>%s and its sub-units, from %s to %s (figures as of %s).</p>\n",
			    rep.unit_name, rep.from, rep.to, rep.to);
		struct buf q = BUF_INIT;
		buf_puts(&q, "/reports/control?");
		qs_add_int(&q, "unit_id", rep.unit_id);
		qs_add(&q, "from", rep.from);
		qs_add(&q, "to", rep.to);
		html_printf(b, "<p class=\"download\">Download: <a href=\"%sformat=md\" download>"
			       "Markdown</a> · <a href=\"%sformat=csv\" download>CSV</a> · <a href=\""
			       "%sformat=json\" download>JSON</a> · <a href=\"%sformat=html\" download>"
			       "HTML</a></p>\n", buf_str(&q), buf_str(&q), buf_str(&q), buf_str(&q));
		buf_free(&q);
		sections_html(b, r->a, &rep, 1);
	}
	page_end(r);
	return 0;
}

/* Answers the report as a download in fmt (md, csv, html or json). */
int report_send(struct req *r, const struct control_report *rep, const char *fmt)
{
	buf_reset(&r->page);
	const char *ext = fmt;
	if (strcmp(fmt, "json") == 0) {
		json_t *j = report_json(rep);
		char *s = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		json_decref(j);
		if (!s)
			return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
		buf_puts(&r->page, s);
		buf_putc(&r->page, '\n');
		free(s);
		r->content_type = "application/json; charset=utf-8";
	} else if (strcmp(fmt, "csv") == 0) {
		report_csv(&r->page, r->a, rep);
		r->content_type = "text/csv; charset=utf-8";
	} else if (strcmp(fmt, "html") == 0) {
		report_html(&r->page, r->a, rep);
		r->content_type = "text/html; charset=utf-8";
	} else {
		report_md(&r->page, r->a, rep);
		r->content_type = "text/markdown; charset=utf-8";
		ext = "md";
	}
	if (r->page.failed)
		return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	r->filename = arena_printf(r->a, "control-report-%lld-%s.%s", (long long)rep->unit_id,
				   rep->to, ext);
	return 0;
}

/* --- the unit page's complexity section ----------------------------------------- */

static void dd_ratio(struct buf *b, int has, int64_t x100, const char *suffix)
{
	if (has)
		html_printf(b, "<dd>%lld.%02lld%s</dd>", (long long)(x100 / 100),
			    (long long)(x100 % 100), suffix);
	else
		html_raw(b, "<dd><span class=\"none\">—</span></dd>");
}

int complexity_section(struct req *r, int64_t unit_id)
{
	struct complexity c;
	if (complexity_unit(r->db, r->a, unit_id, &c, &r->e))
		return -1;
	struct buf *b = &r->page;
	html_raw(b, "<section aria-labelledby=\"h-cx\"><h2 id=\"h-cx\">Complexity</h2>\n"
		    "<p class=\"hint\">Over this unit and its sub-units. Open steps are todo, doing "
		    "or blocked; a hand-off is a dependency between steps assigned to people of "
		    "different units.</p>\n<dl class=\"facts\">");
	html_printf(b, "<dt>Open steps per person</dt>");
	dd_ratio(b, c.has_open_per_person, c.open_per_person, "");
	html_printf(b, "<dt>Open steps, people</dt><dd>%lld open steps, %lld people</dd>",
		    (long long)c.open_steps, (long long)c.people);
	html_raw(b, "<dt>Dependency density</dt>");
	dd_ratio(b, c.has_dep_density, c.dep_density, " per step");
	html_printf(b, "<dt>Dependencies, steps</dt><dd>%lld dependencies, %lld steps</dd>",
		    (long long)c.deps, (long long)c.steps);
	html_printf(b, "<dt>Cross-unit hand-offs</dt><dd>%lld", (long long)c.handoffs);
	if (c.has_handoff_pct)
		html_printf(b, " (%lld.%02lld%% of the dependencies)", (long long)(c.handoff_pct / 100),
			    (long long)(c.handoff_pct % 100));
	html_raw(b, "</dd><dt>Steps per plan</dt>");
	dd_ratio(b, c.has_steps_per_plan, c.steps_per_plan, "");
	html_raw(b, "<dt>Largest plan</dt><dd>");
	if (c.largest_plan_id)
		html_printf(b, "<a href=\"/plans/%lld\">%s</a> (%lld steps)",
			    (long long)c.largest_plan_id, c.largest_plan_name,
			    (long long)c.largest_plan_steps);
	else
		html_raw(b, "<span class=\"none\">no plans</span>");
	html_printf(b, "</dd></dl>\n<p><a href=\"/reports/control?unit_id=%lld\">The control report "
		       "of this unit</a></p>\n</section>\n", (long long)unit_id);
	return 0;
}
