/* page_target: the organization calendar (/calendar: the working week,
 * a month grid of the year, and for admins the forms that change them)
 * and targets: the list (/targets), a target with its progress chart,
 * history and plans (/targets/:id), and its create and edit forms. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/date.h"
#include "manage/calendar.h"
#include "manage/plan.h"
#include "manage/target.h"
#include "web/page.h"

/* The CSS class word of a status ("off track" -> "off"). */
static const char *status_word(const char *s)
{
	if (!s || strcmp(s, "no data") == 0)
		return "nodata";
	if (strcmp(s, "off track") == 0)
		return "off";
	if (strcmp(s, "on track") == 0)
		return "on";
	return "achieved";
}

static void target_badge(struct buf *b, const char *status)
{
	html_printf(b, "<span class=\"badge tg-badge tg-%s\">%s</span>", status_word(status),
	            status);
}

/* A small bar: progress (clamped to 0-100 %) with a tick at the
 * expected share. */
static void progress_bar(struct req *r, struct buf *b, const struct target_state *s)
{
	long p = 0, x = s->expected_x100 / 100;
	if (s->has_current)
		p = s->progress_x100 < 0       ? 0
		    : s->progress_x100 > 10000 ? 100
		                               : s->progress_x100 / 100;
	if (x > 100)
		x = 100;
	html_printf(b,
	            "<svg class=\"tg-bar\" width=\"100\" height=\"10\" viewBox=\"0 0 100 10\" "
	            "role=\"img\" aria-label=\"progress %s, expected %s %%\">"
	            "<rect class=\"tg-bar-bg\" x=\"0\" y=\"1\" width=\"100\" height=\"8\"/>"
	            "<rect class=\"tg-bar-fill tg-%s\" x=\"0\" y=\"1\" width=\"%ld\" height=\"8\"/>"
	            "<line class=\"tg-bar-exp\" x1=\"%ld\" y1=\"0\" x2=\"%ld\" y2=\"10\"/></svg>",
	            s->has_current
	                ? arena_printf(r->a, "%s %%", target_decimal(r->a, s->progress_x100))
	                : "none",
	            target_decimal(r->a, s->expected_x100), status_word(s->status), p, x, x);
}

/* --- the calendar ------------------------------------------------------------ */

struct cal_q {
	int64_t year;
};
static const struct field cal_q_fields[] = {
    {.name = "year",
     .type = FT_INT,
     .offset = offsetof(struct cal_q, year),
     .bit = 1,
     .min = 1900,
     .max = 9999},
    {0},
};

static const char *const month_names[] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};
static const char *const wd_short[] = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};

/* The calendar page of year; sent is the form that failed, if any. */
static int render_calendar(struct req *r, int year, const struct form *sent)
{
	struct calendar cal;
	struct holiday *h;
	size_t n;
	struct holiday_filter f = {.year = year};
	if (calendar_load(r->db, r->a, &cal, &r->e) ||
	    holiday_list(r->db, r->a, &f, HOLF_YEAR, &h, &n, &r->e))
		return -1;
	int admin = r->who.role == ROLE_ADMIN;
	page_begin(r, "Calendar", "calendar");
	struct buf *b = &r->page;
	html_printf(b, "<div class=\"title-row\"><h1>Calendar %d</h1></div>\n", year);
	html_raw(b, "<p class=\"lead\">The organization's working week and holidays. Schedules "
	            "and Gantt charts count working days by them.</p>\n");
	html_printf(b,
	            "<p class=\"cal-nav\"><a href=\"/calendar?year=%d\">← %d</a> "
	            "<a href=\"/calendar?year=%d\">%d →</a></p>\n",
	            year - 1, year - 1, year + 1, year + 1);
	html_raw(b, "<dl class=\"facts\"><dt>Working week</dt><dd>");
	int first = 1;
	for (int d = 0; d < 7; d++)
		if (cal.workdays & (1u << d)) {
			html_printf(b, "%s%s", first ? "" : ", ", wd_short[d]);
			first = 0;
		}
	html_printf(b, "</dd><dt>Holidays in %d</dt><dd>%zu</dd></dl>\n", year, n);

	/* the year as twelve month tables */
	html_raw(b, "<section aria-labelledby=\"h-year\"><h2 id=\"h-year\">The year</h2>\n"
	            "<div class=\"cal-year\">\n");
	int32_t today = date_today();
	for (int m = 1; m <= 12; m++) {
		int32_t d0 = date_from_ymd(year, m, 1);
		int32_t d1 =
		    m == 12 ? date_from_ymd(year + 1, 1, 1) : date_from_ymd(year, m + 1, 1);
		html_printf(b, "<table class=\"cal-month\"><caption>%s</caption><thead><tr>",
		            month_names[m - 1]);
		for (int d = 0; d < 7; d++)
			html_printf(b, "<th scope=\"col\">%s</th>", wd_short[d]);
		html_raw(b, "</tr></thead><tbody><tr>");
		int col = date_weekday(d0) - 1;
		for (int c = 0; c < col; c++)
			html_raw(b, "<td></td>");
		for (int32_t d = d0; d < d1; d++) {
			const char *name = NULL;
			char ds[11];
			date_format(d, ds);
			for (size_t i = 0; i < n; i++)
				if (strcmp(h[i].day, ds) == 0)
					name = h[i].name;
			int y, mm, dd;
			date_to_ymd(d, &y, &mm, &dd);
			const char *cls = name                      ? "cal-hol"
			                  : cal_is_working(&cal, d) ? "cal-work"
			                                            : "cal-off";
			if (name)
				html_printf(b, "<td class=\"%s%s\" title=\"%s: %s\">%d</td>", cls,
				            d == today ? " cal-today" : "", ds, name, dd);
			else
				html_printf(b, "<td class=\"%s%s\">%d</td>", cls,
				            d == today ? " cal-today" : "", dd);
			if (++col == 7 && d + 1 < d1) {
				html_raw(b, "</tr><tr>");
				col = 0;
			}
		}
		html_raw(b, "</tr></tbody></table>\n");
	}
	html_raw(b, "</div>\n<ul class=\"legend\" aria-label=\"Legend\">"
	            "<li><span class=\"swatch cal-work\"></span>working day</li>"
	            "<li><span class=\"swatch cal-off\"></span>day off</li>"
	            "<li><span class=\"swatch cal-hol\"></span>holiday</li></ul>\n</section>\n");

	/* the holidays */
	html_printf(b, "<section aria-labelledby=\"h-hol\"><h2 id=\"h-hol\">Holidays in %d</h2>\n",
	            year);
	if (!n) {
		html_raw(b, "<p class=\"empty\">No holidays this year.</p>\n");
	} else {
		html_raw(b, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Day</th>"
		            "<th scope=\"col\">Weekday</th><th scope=\"col\">Name</th>");
		if (admin)
			html_raw(b, "<th scope=\"col\"><span class=\"sr-only\">Remove</span></th>");
		html_raw(b, "</tr></thead><tbody>\n");
		for (size_t i = 0; i < n; i++) {
			int32_t d = 0;
			date_parse(h[i].day, &d);
			html_printf(b, "<tr><td>%s</td><td>%s</td><td>%s</td>", h[i].day,
			            wd_short[date_weekday(d) - 1], h[i].name);
			if (admin) {
				html_raw(b, "<td><form method=\"post\" "
				            "action=\"/calendar/holidays/delete\" "
				            "class=\"tg-inline\">");
				html_csrf(b, r);
				html_printf(b,
				            "<input type=\"hidden\" name=\"day\" value=\"%s\">"
				            "<button type=\"submit\">Remove</button></form></td>",
				            h[i].day);
			}
			html_raw(b, "</tr>\n");
		}
		html_raw(b, "</tbody></table></div>\n");
	}
	html_raw(b, "</section>\n");

	if (admin) {
		const char *day = sent ? form_get(sent, "day") : NULL;
		const char *name = sent ? form_get(sent, "name") : NULL;
		const char *week = sent ? form_get(sent, "workdays") : NULL;
		html_raw(
		    b, "<section aria-labelledby=\"h-add\"><h2 id=\"h-add\">Add a holiday</h2>\n");
		if (sent && !week)
			html_form_error(b, &r->e, 1);
		html_raw(b, "<form method=\"post\" action=\"/calendar/holidays\" class=\"stack\" "
		            "novalidate>\n");
		html_csrf(b, r);
		const struct err *e = sent && !week ? &r->e : &(struct err){0};
		html_input(
		    b,
		    &(struct input){
		        .name = "day", .label = "Day", .type = "date", .value = day, .required = 1},
		    e);
		html_input(b,
		           &(struct input){.name = "name",
		                           .label = "Name",
		                           .value = name,
		                           .required = 1,
		                           .maxlength = 200},
		           e);
		html_raw(b,
		         "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Add the "
		         "holiday</button></div>\n</form></section>\n");
		char digits[8];
		calendar_workdays_text(cal.workdays, digits);
		html_raw(b, "<section aria-labelledby=\"h-week\"><h2 id=\"h-week\">The working week"
		            "</h2>\n");
		if (sent && week)
			html_form_error(b, &r->e, 1);
		html_raw(b, "<form method=\"post\" action=\"/calendar/week\" class=\"stack\" "
		            "novalidate>\n");
		html_csrf(b, r);
		html_input(b,
		           &(struct input){.name = "workdays",
		                           .label = "Working days",
		                           .value = week ? week : digits,
		                           .required = 1,
		                           .hint = "Names or ISO numbers: mon,tue,wed,thu,fri or "
		                                   "12345."},
		           sent && week ? &r->e : &(struct err){0});
		html_raw(
		    b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Save the "
		       "week</button></div>\n</form></section>\n");
	}
	page_end(r);
	return 0;
}

static int this_year(void)
{
	int y, m, d;
	date_to_ymd(date_today(), &y, &m, &d);
	return y;
}

int calendar_page(struct req *r)
{
	struct cal_q q = {0};
	unsigned set = 0;
	if (page_query(r, cal_q_fields, &q, &set))
		return -1;
	return render_calendar(r, set ? (int)q.year : this_year(), NULL);
}

/* The year of a day a form sent, to show the page it was on. */
static int year_of(const char *day)
{
	int32_t d;
	int y, m, dd;
	if (!day || date_parse(day, &d))
		return this_year();
	date_to_ymd(d, &y, &m, &dd);
	return y;
}

int calendar_holiday_add_page(struct req *r)
{
	struct holiday_input in = {0};
	unsigned set = 0;
	if (form_fill(&r->form, holiday_fields, &in, &set, &r->e) ||
	    holiday_add(r->db, &in, set, &r->e)) {
		if (form_failed(r))
			return -1;
		return render_calendar(r, year_of(form_get(&r->form, "day")), &r->form);
	}
	return page_redirect(r, "/calendar?year=%d", year_of(in.day));
}

int calendar_holiday_rm_page(struct req *r)
{
	const char *day = form_get(&r->form, "day");
	if (holiday_rm(r->db, day, &r->e))
		return -1;
	return page_redirect(r, "/calendar?year=%d", year_of(day));
}

int calendar_week_page(struct req *r)
{
	struct week_input in = {0};
	unsigned set = 0;
	if (form_fill(&r->form, week_fields, &in, &set, &r->e) ||
	    calendar_set_week(r->db, &in, set, &r->e)) {
		if (form_failed(r))
			return -1;
		if (!form_get(&r->form, "workdays"))
			return -1;
		return render_calendar(r, this_year(), &r->form);
	}
	return page_redirect(r, "/calendar");
}

/* --- the targets' list ----------------------------------------------------------- */

struct targets_q {
	struct listq l;
	int64_t unit_id;
};
static const struct field targets_q_fields[] = {
    LIST_FIELDS(struct targets_q),
    {.name = "unit_id",
     .type = FT_ID,
     .offset = offsetof(struct targets_q, unit_id),
     .bit = 1u << 0},
    {0},
};

static int cmp_tg_name(const void *a, const void *b)
{
	const struct target *x = a, *y = b;
	int c = strcasecmp(x->name, y->name);
	return c ? c : (x->id > y->id) - (x->id < y->id);
}
/* off track first, then no data, on track, achieved */
static int status_rank(const char *s)
{
	return strcmp(s, "off track") == 0  ? 0
	       : strcmp(s, "no data") == 0  ? 1
	       : strcmp(s, "on track") == 0 ? 2
	                                    : 3;
}
static int cmp_tg_status(const void *a, const void *b)
{
	const struct target *x = a, *y = b;
	int c = status_rank(x->st.status) - status_rank(y->st.status);
	return c ? c : cmp_tg_name(a, b);
}
static int cmp_tg_progress(const void *a, const void *b)
{
	const struct target *x = a, *y = b;
	if (x->st.has_current != y->st.has_current)
		return x->st.has_current ? -1 : 1;
	if (x->st.progress_x100 != y->st.progress_x100)
		return x->st.progress_x100 < y->st.progress_x100 ? -1 : 1;
	return cmp_tg_name(a, b);
}

int targets_page(struct req *r)
{
	struct targets_q q = {0};
	unsigned set = 0;
	if (list_query(r, targets_q_fields, &q, &set, "name"))
		return -1;
	struct target_filter f = {.unit_id = q.unit_id};
	unsigned fset = (set & 1u) ? TGF_UNIT : 0;
	struct target *v;
	size_t n;
	if (api_scope(r, &f.unit_id, &fset, TGF_UNIT) ||
	    target_list(r->db, r->a, &f, fset, &v, &n, &r->e))
		return -1;
	int (*cmp)(const void *, const void *) = cmp_tg_name;
	if (strcmp(q.l.sort, "status") == 0)
		cmp = cmp_tg_status;
	else if (strcmp(q.l.sort, "progress") == 0)
		cmp = cmp_tg_progress;
	else
		q.l.sort = "name";
	if (n)
		qsort(v, n, sizeof *v, cmp);
	if (is_csv(&q.l)) {
		struct csv c = page_csv(r, "targets.csv");
		static const char *const head[] = {
		    "id",   "name", "measure", "unit_id",      "unit",         "baseline", "goal",
		    "from", "to",   "current", "progress_pct", "expected_pct", "status",   "plans"};
		csv_header(&c, head, sizeof head / sizeof head[0]);
		for (size_t i = 0; i < n; i++) {
			csv_int(&c, v[i].id);
			csv_text(&c, v[i].name);
			csv_text(&c, v[i].measure);
			csv_int(&c, v[i].unit_id);
			csv_text(&c, v[i].unit);
			csv_text(&c, target_decimal(r->a, v[i].baseline));
			csv_text(&c, target_decimal(r->a, v[i].goal));
			csv_text(&c, v[i].from);
			csv_text(&c, v[i].to);
			csv_text(&c, v[i].st.has_current ? target_decimal(r->a, v[i].st.current)
			                                 : NULL);
			csv_text(&c, v[i].st.has_current
			                 ? target_decimal(r->a, v[i].st.progress_x100)
			                 : NULL);
			csv_text(&c, target_decimal(r->a, v[i].st.expected_x100));
			csv_text(&c, v[i].st.status);
			csv_int(&c, v[i].nplans);
			csv_end(&c);
		}
		return 0;
	}
	struct buf base = BUF_INIT;
	buf_puts(&base, "/targets?");
	if (set & 1u)
		qs_add_int(&base, "unit_id", q.unit_id);
	struct buf sorted = BUF_INIT;
	buf_puts(&sorted, buf_str(&base));
	qs_add(&sorted, "sort", q.l.sort);
	page_begin(r, "Targets", "targets");
	struct buf *b = &r->page;
	html_raw(b, "<div class=\"title-row\"><h1>Targets</h1>");
	if (r->who.role >= ROLE_MANAGER)
		html_raw(b, "<a class=\"button primary\" href=\"/targets/new\">New target</a>");
	html_raw(
	    b, "</div>\n<p class=\"lead\">What the organization means to reach, how far it "
	       "is, and the plans that serve each target. A target is off track when its "
	       "progress falls below the expected share of its period times the tolerance.</p>\n");
	if (!n) {
		html_raw(b, "<p class=\"empty\">No targets yet.");
		if (r->who.role >= ROLE_MANAGER)
			html_raw(b, " <a href=\"/targets/new\">Set the first target.</a>");
		html_raw(b, "</p>\n");
	} else {
		size_t first, last;
		int64_t pages = page_slice((int64_t)n, q.l.page, &first, &last);
		size_t off = 0, noplan = 0;
		for (size_t i = 0; i < n; i++) {
			off += strcmp(v[i].st.status, "off track") == 0;
			noplan += v[i].nplans == 0;
		}
		html_printf(b,
		            "<p class=\"count\">%zu target%s, %zu off track, %zu served by no "
		            "plan</p>\n",
		            n, n == 1 ? "" : "s", off, noplan);
		html_raw(b, "<div class=\"table-wrap\"><table><thead><tr>");
		sort_th(b, "Metric", "name", q.l.sort, buf_str(&base));
		html_raw(b,
		         "<th scope=\"col\">Unit</th><th scope=\"col\" class=\"num\">Current</th>"
		         "<th scope=\"col\" class=\"num\">Goal</th>");
		sort_th(b, "Progress", "progress", q.l.sort, buf_str(&base));
		sort_th(b, "Status", "status", q.l.sort, buf_str(&base));
		html_raw(b, "<th scope=\"col\">Plans</th></tr></thead><tbody>\n");
		for (size_t i = first; i < last; i++) {
			const struct target *t = &v[i];
			html_printf(b,
			            "<tr><td><a href=\"/targets/%lld\">%s</a></td>"
			            "<td><a href=\"/units/%lld\">%s</a></td><td class=\"num\">",
			            (long long)t->id, t->name, (long long)t->unit_id, t->unit);
			if (t->st.has_current)
				html_printf(b, "%s", target_decimal(r->a, t->st.current));
			else
				html_raw(b, "<span class=\"none\">—</span>");
			html_printf(b, "</td><td class=\"num\">%s %s</td><td>",
			            target_decimal(r->a, t->goal), t->measure);
			progress_bar(r, b, &t->st);
			if (t->st.has_current)
				html_printf(b, " %s %%", target_decimal(r->a, t->st.progress_x100));
			html_raw(b, "</td><td>");
			target_badge(b, t->st.status);
			html_raw(b, "</td><td>");
			if (t->nplans)
				html_printf(b, "%lld", (long long)t->nplans);
			else
				html_raw(b, "<span class=\"tg-noplan\">no plan</span>");
			html_raw(b, "</td></tr>\n");
		}
		html_raw(b, "</tbody></table></div>\n");
		html_pager(b, buf_str(&sorted), q.l.page > pages ? pages : q.l.page, pages);
		csv_link(b, buf_str(&sorted));
	}
	buf_free(&base);
	buf_free(&sorted);
	page_end(r);
	return 0;
}

/* --- a target -------------------------------------------------------------------- */

enum { CH_W = 640, CH_H = 240, CH_L = 64, CH_R = 16, CH_T = 16, CH_B = 36 };

/* The progress chart: the recorded values over the period, the baseline
 * and goal lines, and the expected straight line from the baseline at
 * the start to the goal at the end. */
static void progress_chart(struct req *r, struct buf *b, const struct target *t,
                           const struct target_value *v, size_t nv)
{
	int32_t from = 0, to = 0;
	date_parse(t->from, &from);
	date_parse(t->to, &to);
	int64_t lo = t->baseline < t->goal ? t->baseline : t->goal;
	int64_t hi = t->baseline < t->goal ? t->goal : t->baseline;
	for (size_t i = 0; i < nv; i++) {
		if (v[i].value < lo)
			lo = v[i].value;
		if (v[i].value > hi)
			hi = v[i].value;
	}
	int64_t pad = (hi - lo) / 10;
	lo -= pad;
	hi += pad;
	if (hi == lo)
		hi = lo + 1;
	double span = to > from ? (double)(to - from) : 1.0;
	double pw = CH_W - CH_L - CH_R, ph = CH_H - CH_T - CH_B;
#define X(day) (CH_L + ((double)((day)-from)) / span * pw)
#define Y(val) (CH_T + ((double)(hi - (val))) / (double)(hi - lo) * ph)
	html_printf(b,
	            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tg-chart\" role=\"img\" "
	            "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
	            "aria-labelledby=\"tg-chart-title tg-chart-desc\">\n"
	            "<title id=\"tg-chart-title\">Progress of %s</title>\n"
	            "<desc id=\"tg-chart-desc\">%zu recorded value%s from %s to %s; baseline %s, "
	            "goal %s; the dashed line is the expected path.</desc>\n",
	            CH_W, CH_H, CH_W, CH_H, t->name, nv, nv == 1 ? "" : "s", t->from, t->to,
	            target_decimal(r->a, t->baseline), target_decimal(r->a, t->goal));
	html_printf(b,
	            "<rect class=\"tg-plot\" x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\"/>\n",
	            CH_L, CH_T, pw, ph);
	html_printf(b,
	            "<line class=\"tg-baseline\" x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
	            "<text class=\"tg-label\" x=\"%d\" y=\"%.1f\">%s</text>\n",
	            CH_L, Y(t->baseline), CH_L + pw, Y(t->baseline), CH_L - 6, Y(t->baseline) + 4,
	            target_decimal(r->a, t->baseline));
	html_printf(b,
	            "<line class=\"tg-goal\" x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
	            "<text class=\"tg-label\" x=\"%d\" y=\"%.1f\">%s</text>\n",
	            CH_L, Y(t->goal), CH_L + pw, Y(t->goal), CH_L - 6, Y(t->goal) + 4,
	            target_decimal(r->a, t->goal));
	html_printf(
	    b, "<line class=\"tg-expected\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
	    X(from), Y(t->baseline), X(to), Y(t->goal));
	html_printf(b,
	            "<text class=\"tg-axis\" x=\"%d\" y=\"%d\">%s</text>"
	            "<text class=\"tg-axis tg-end\" x=\"%.0f\" y=\"%d\">%s</text>\n",
	            CH_L, CH_H - 12, t->from, CH_L + pw, CH_H - 12, t->to);
	int32_t today = date_today();
	if (today >= from && today <= to)
		html_printf(
		    b, "<line class=\"tg-today\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.0f\"/>\n",
		    X(today), CH_T, X(today), CH_T + ph);
	if (nv) {
		html_raw(b, "<polyline class=\"tg-values\" points=\"");
		for (size_t i = 0; i < nv; i++) {
			int32_t d = from;
			date_parse(v[i].day, &d);
			html_printf(b, "%s%.1f,%.1f", i ? " " : "", X(d), Y(v[i].value));
		}
		html_raw(b, "\"/>\n");
		for (size_t i = 0; i < nv; i++) {
			int32_t d = from;
			date_parse(v[i].day, &d);
			html_printf(b,
			            "<circle class=\"tg-point\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\">"
			            "<title>%s: %s</title></circle>\n",
			            X(d), Y(v[i].value), v[i].day,
			            target_decimal(r->a, v[i].value));
		}
	}
#undef X
#undef Y
	html_raw(b, "</svg>\n");
}

struct value_vals {
	const char *value, *day, *note;
};

static int render_target(struct req *r, const struct value_vals *sent, int link_failed)
{
	struct target t;
	struct target_value *v;
	struct target_plan *p;
	size_t nv, np;
	if (target_get(r->db, r->a, r->id, date_today(), &t, &r->e) ||
	    target_values(r->db, r->a, r->id, &v, &nv, &r->e) ||
	    target_plans(r->db, r->a, r->id, &p, &np, &r->e))
		return -1;
	int writable = may_write(r, K_TARGET, t.id);
	page_begin(r, t.name, "targets");
	struct buf *b = &r->page;
	html_printf(b,
	            "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/targets\">"
	            "Targets</a></nav>\n<div class=\"title-row\"><h1>%s</h1>",
	            t.name);
	if (writable)
		html_printf(b,
		            "<a class=\"button\" href=\"/targets/%lld/edit\">Edit the target</a>",
		            (long long)t.id);
	html_raw(b, "</div>\n<dl class=\"facts\"><dt>Status</dt><dd>");
	target_badge(b, t.st.status);
	html_printf(b,
	            "</dd><dt>Unit</dt><dd><a href=\"/units/%lld\">%s</a></dd><dt>Owner</dt><dd>",
	            (long long)t.unit_id, t.unit);
	person_link(b, t.owner_id, t.owner);
	html_printf(b,
	            "</dd><dt>Period</dt><dd>%s to %s</dd><dt>Baseline</dt><dd>%s %s</dd>"
	            "<dt>Goal</dt><dd>%s %s</dd><dt>Current</dt><dd>",
	            t.from, t.to, target_decimal(r->a, t.baseline), t.measure,
	            target_decimal(r->a, t.goal), t.measure);
	if (t.st.has_current)
		html_printf(b, "%s %s (%s)", target_decimal(r->a, t.st.current), t.measure,
		            t.st.current_day);
	else
		html_raw(b, "<span class=\"none\">no value yet</span>");
	html_raw(b, "</dd><dt>Progress</dt><dd>");
	progress_bar(r, b, &t.st);
	if (t.st.has_current)
		html_printf(b, " %s %%", target_decimal(r->a, t.st.progress_x100));
	html_printf(b, " (expected %s %%, tolerance %lld %%)</dd></dl>\n",
	            target_decimal(r->a, t.st.expected_x100), (long long)t.st.tolerance);

	html_raw(b, "<section aria-labelledby=\"h-chart\"><h2 id=\"h-chart\">Progress</h2>\n"
	            "<div class=\"tg-chart-wrap\">");
	progress_chart(r, b, &t, v, nv);
	html_raw(
	    b, "</div>\n<ul class=\"legend\" aria-label=\"Legend\">"
	       "<li><span class=\"swatch tg-sw-values\"></span>recorded values</li>"
	       "<li><span class=\"swatch tg-sw-expected\"></span>expected path</li>"
	       "<li><span class=\"swatch tg-sw-goal\"></span>goal</li>"
	       "<li><span class=\"swatch tg-sw-baseline\"></span>baseline</li></ul>\n</section>\n");

	html_raw(b, "<section aria-labelledby=\"h-values\"><h2 id=\"h-values\">History</h2>\n");
	if (!nv) {
		html_raw(b, "<p class=\"empty\">No values recorded yet.</p>\n");
	} else {
		html_raw(b, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Day</th>"
		            "<th scope=\"col\" class=\"num\">Value</th><th scope=\"col\">Note</th>"
		            "</tr></thead><tbody>\n");
		for (size_t i = nv; i-- > 0;)
			html_printf(b, "<tr><td>%s</td><td class=\"num\">%s</td><td>%s</td></tr>\n",
			            v[i].day, target_decimal(r->a, v[i].value), v[i].note);
		html_raw(b, "</tbody></table></div>\n");
	}
	if (writable) {
		html_raw(b, "<h3 id=\"record\">Record a value</h3>\n");
		const struct err *e = sent ? &r->e : &(struct err){0};
		if (sent)
			html_form_error(b, &r->e, 1);
		html_printf(b,
		            "<form method=\"post\" action=\"/targets/%lld/values\" class=\"stack\" "
		            "novalidate>\n",
		            (long long)t.id);
		html_csrf(b, r);
		html_input(b,
		           &(struct input){.name = "value",
		                           .label = "Value",
		                           .type = "number",
		                           .step = "0.01",
		                           .value = sent ? sent->value : NULL,
		                           .required = 1},
		           e);
		html_input(b,
		           &(struct input){.name = "day",
		                           .label = "Day",
		                           .type = "date",
		                           .value = sent ? sent->day : NULL,
		                           .hint = arena_printf(r->a,
		                                                "Within %s to %s; today if "
		                                                "left empty.",
		                                                t.from, t.to)},
		           e);
		html_input(b,
		           &(struct input){.name = "note",
		                           .label = "Note",
		                           .value = sent ? sent->note : NULL,
		                           .maxlength = 500},
		           e);
		html_raw(b,
		         "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Record"
		         "</button></div>\n</form>\n");
	}
	html_raw(b, "</section>\n");

	html_raw(b,
	         "<section aria-labelledby=\"h-plans\"><h2 id=\"h-plans\">Plans serving it</h2>\n");
	if (!np)
		html_raw(b, "<p class=\"empty tg-noplan\">No plan serves this target yet.</p>\n");
	else {
		html_raw(b, "<ul class=\"tg-plans\">");
		for (size_t i = 0; i < np; i++) {
			html_printf(b, "<li><a href=\"/plans/%lld\">%s</a>", (long long)p[i].id,
			            p[i].name);
			if (writable) {
				html_printf(
				    b,
				    " <form method=\"post\" action=\"/targets/%lld/plans/%lld/"
				    "delete\" class=\"tg-inline\">",
				    (long long)t.id, (long long)p[i].id);
				html_csrf(b, r);
				html_raw(b, "<button type=\"submit\">Unlink</button></form>");
			}
			html_raw(b, "</li>");
		}
		html_raw(b, "</ul>\n");
	}
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
			html_printf(b,
			            "<form method=\"post\" action=\"/targets/%lld/plans\" "
			            "class=\"stack\" novalidate>\n",
			            (long long)t.id);
			html_csrf(b, r);
			html_select(b,
			            &(struct select){.name = "plan_id",
			                             .label = "Link a plan",
			                             .options = po,
			                             .n = k,
			                             .selected = "",
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

int target_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}))
		return -1;
	return render_target(r, NULL, 0);
}

int target_value_page(struct req *r)
{
	struct target_value_input in = {0};
	unsigned set = 0;
	int64_t vid;
	if (form_fill(&r->form, target_value_fields, &in, &set, &r->e) ||
	    target_record(r->db, r->id, &in, set, &vid, &r->e)) {
		if (form_failed(r))
			return -1;
		struct value_vals v = {form_get(&r->form, "value"), form_get(&r->form, "day"),
		                       form_get(&r->form, "note")};
		return render_target(r, &v, 0);
	}
	return page_redirect(r, "/targets/%lld", (long long)r->id);
}

int target_link_page(struct req *r)
{
	struct target_plan_input in = {0};
	unsigned set = 0;
	if (form_fill(&r->form, target_plan_fields, &in, &set, &r->e) ||
	    fields_require(target_plan_fields, set, &r->e) ||
	    access_check(r->db, &r->who, K_PLAN, in.plan_id, A_READ, &r->e) ||
	    target_link(r->db, r->id, in.plan_id, &r->e)) {
		if (form_failed(r))
			return -1;
		return render_target(r, NULL, 1);
	}
	return page_redirect(r, "/targets/%lld", (long long)r->id);
}

int target_unlink_page(struct req *r)
{
	if (target_unlink(r->db, r->id, r->id2, &r->e))
		return -1;
	return page_redirect(r, "/targets/%lld", (long long)r->id);
}

/* --- the target form ------------------------------------------------------------ */

struct target_vals {
	const char *name, *measure, *baseline, *goal, *from, *to, *unit_id, *owner_id;
};

static void target_vals_from_form(const struct form *f, struct target_vals *v)
{
	v->name = form_get(f, "name");
	v->measure = form_get(f, "measure");
	v->baseline = form_get(f, "baseline");
	v->goal = form_get(f, "goal");
	v->from = form_get(f, "from");
	v->to = form_get(f, "to");
	v->unit_id = form_get(f, "unit_id");
	v->owner_id = form_get(f, "owner_id");
}

static int target_form(struct req *r, const char *title, const struct target_vals *v,
                       int64_t target_id)
{
	struct unit *units;
	size_t nu, nuo, npo;
	struct option *uo, *po;
	if (page_units(r, &units, &nu) || !(uo = unit_options(r, units, nu, NULL, NULL, &nuo)) ||
	    !(po = people_options_keep(r, "", "No one", v->owner_id, &npo)))
		return r->e.status ? -1 : err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	page_begin(r, title, "targets");
	struct buf *b = &r->page;
	html_raw(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/targets\">Targets"
	            "</a>");
	if (target_id)
		html_printf(b, " › <a href=\"/targets/%lld\">Target %lld</a>", (long long)target_id,
		            (long long)target_id);
	html_printf(b, "</nav>\n<h1>%s</h1>\n", title);
	html_form_error(b, &r->e, 1);
	if (target_id)
		html_printf(b,
		            "<form method=\"post\" action=\"/targets/%lld\" class=\"stack\" "
		            "novalidate>\n",
		            (long long)target_id);
	else
		html_raw(b,
		         "<form method=\"post\" action=\"/targets\" class=\"stack\" novalidate>\n");
	html_csrf(b, r);
	html_input(b,
	           &(struct input){.name = "name",
	                           .label = "Metric",
	                           .value = v->name,
	                           .required = 1,
	                           .maxlength = 200,
	                           .hint = "What is measured, e.g. Customer churn."},
	           &r->e);
	html_input(b,
	           &(struct input){.name = "measure",
	                           .label = "Unit of measure",
	                           .value = v->measure,
	                           .maxlength = 40,
	                           .hint = "%, days, k EUR..."},
	           &r->e);
	html_input(b,
	           &(struct input){.name = "baseline",
	                           .label = "Baseline",
	                           .type = "number",
	                           .step = "0.01",
	                           .value = v->baseline,
	                           .required = 1,
	                           .hint = "The value at the start."},
	           &r->e);
	html_input(b,
	           &(struct input){.name = "goal",
	                           .label = "Goal",
	                           .type = "number",
	                           .step = "0.01",
	                           .value = v->goal,
	                           .required = 1,
	                           .hint = "The value to reach by the end; it may lie below the "
	                                   "baseline."},
	           &r->e);
	html_input(
	    b,
	    &(struct input){
	        .name = "from", .label = "From", .type = "date", .value = v->from, .required = 1},
	    &r->e);
	html_input(b,
	           &(struct input){
	               .name = "to", .label = "To", .type = "date", .value = v->to, .required = 1},
	           &r->e);
	html_select(b,
	            &(struct select){.name = "unit_id",
	                             .label = "Unit",
	                             .options = uo,
	                             .n = nuo,
	                             .selected = v->unit_id ? v->unit_id : "",
	                             .required = 1},
	            &r->e);
	html_select(b,
	            &(struct select){.name = "owner_id",
	                             .label = "Owner",
	                             .options = po,
	                             .n = npo,
	                             .selected = v->owner_id ? v->owner_id : ""},
	            &r->e);
	html_printf(b,
	            "<div class=\"actions\"><button type=\"submit\" class=\"primary\">%s</button> "
	            "<a href=\"%s\">Cancel</a></div>\n</form>\n",
	            target_id ? "Save the target" : "Add the target",
	            target_id ? arena_printf(r->a, "/targets/%lld", (long long)target_id)
	                      : "/targets");
	page_end(r);
	return 0;
}

int target_new_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}) || may_create(r, "targets"))
		return -1;
	struct target_vals v = {0};
	return target_form(r, "New target", &v, 0);
}

int target_create_page(struct req *r)
{
	struct target_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (form_fill(&r->form, target_fields, &in, &set, &r->e) ||
	    target_add(r->db, &in, set, &id, &r->e)) {
		if (form_failed(r))
			return -1;
		struct target_vals v;
		target_vals_from_form(&r->form, &v);
		return target_form(r, "New target", &v, 0);
	}
	return page_redirect(r, "/targets/%lld", (long long)id);
}

int target_edit_page(struct req *r)
{
	struct target t;
	if (page_query(r, NULL, NULL, &(unsigned){0}) ||
	    target_get(r->db, r->a, r->id, date_today(), &t, &r->e))
		return -1;
	struct target_vals v = {.name = t.name,
	                        .measure = t.measure,
	                        .baseline = target_decimal(r->a, t.baseline),
	                        .goal = target_decimal(r->a, t.goal),
	                        .from = t.from,
	                        .to = t.to,
	                        .unit_id = input_id(r, t.unit_id),
	                        .owner_id = input_id(r, t.owner_id)};
	return target_form(r, arena_printf(r->a, "Edit %s", t.name), &v, r->id);
}

int target_update_page(struct req *r)
{
	struct target_input in = {0};
	unsigned set = 0;
	if (form_fill_edit(&r->form, target_fields, &in, &set, &r->e) ||
	    target_set(r->db, r->id, &in, set, &r->e)) {
		if (form_failed(r))
			return -1;
		struct target_vals v;
		target_vals_from_form(&r->form, &v);
		return target_form(r, "Edit the target", &v, r->id);
	}
	return page_redirect(r, "/targets/%lld", (long long)r->id);
}
