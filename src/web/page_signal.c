/* page_signal: environment signals and themes: the list of signals with
 * its filters, a quick add form and a CSV download (/signals), a signal
 * (/signals/:id) with its review and delete buttons and its edit form
 * (/signals/:id/edit), the themes with their pressure, a trend of bars
 * per quarter and the flag (/themes), a theme with its signals
 * (/themes/:id), and the heat map section of the direction page
 * (signals_direction_section). */
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "lead/signal.h"
#include "web/page.h"

static const struct option kind_opts[] = {{"threat", "Threat"}, {"opportunity", "Opportunity"}};
static const struct option scale_opts[] = {
    {"1", "1 (low)"}, {"2", "2"}, {"3", "3"}, {"4", "4"}, {"5", "5 (high)"}};

/* The class of a heat map cell: 0 for nothing, then by impact x
 * likelihood summed over a year. */
static int heat_level(int64_t score)
{
	return score <= 0 ? 0 : score < 16 ? 1 : score < 36 ? 2 : score < 61 ? 3 : 4;
}

/* The trend of a theme: four bars, one per quarter, scaled to max. */
static void trend_bars(struct req *r, struct buf *b, const struct theme_pressure *t, int32_t as_of,
                       int64_t max)
{
	html_printf(b,
	            "<svg class=\"sig-trend\" width=\"68\" height=\"24\" viewBox=\"0 0 68 24\" "
	            "role=\"img\" aria-label=\"by quarter, %s to %s: %lld, %lld, %lld, %lld\">",
	            quarter_label(r->a, as_of, 0), quarter_label(r->a, as_of, 3),
	            (long long)t->quarters[0], (long long)t->quarters[1], (long long)t->quarters[2],
	            (long long)t->quarters[3]);
	for (int k = 0; k < 4; k++) {
		long h = max > 0 ? (long)(t->quarters[k] * 22 / max) : 0;
		if (t->quarters[k] > 0 && h < 1)
			h = 1;
		html_printf(b,
		            "<rect class=\"sig-trend-bar%s\" x=\"%d\" y=\"%ld\" width=\"14\" "
		            "height=\"%ld\"/>",
		            k == 3 ? " sig-now" : "", k * 17, 23 - h, h);
	}
	html_raw(
	    b, "<line class=\"sig-trend-axis\" x1=\"0\" y1=\"23.5\" x2=\"68\" y2=\"23.5\"/></svg>");
}

static void flag_badge(struct buf *b, const struct theme_pressure *t)
{
	if (t->flagged)
		html_raw(b, "<span class=\"badge sig-flag\">high pressure, no response</span>");
	else if (t->responded)
		html_raw(b, "<span class=\"badge sig-answered\">answered</span>");
	else
		html_raw(b, "<span class=\"none\">—</span>");
}

int signals_direction_section(struct req *r, struct buf *b, int64_t unit_id)
{
	int32_t today = date_today();
	struct signal_heat h;
	struct theme_pressure *p;
	size_t np;
	int64_t high;
	if (signal_heat(r->db, today, unit_id, &h, &r->e) ||
	    theme_pressures(r->db, r->a, today, unit_id, &p, &np, &r->e) ||
	    signal_pressure_high(r->db, &high, &r->e))
		return -1;
	html_raw(b,
	         "<section class=\"sig-section\" aria-labelledby=\"sig-heat-h\">"
	         "<h2 id=\"sig-heat-h\">What the environment says</h2>\n"
	         "<p class=\"lead\">Impact x likelihood of the <a href=\"/signals\">signals</a> "
	         "of the last twelve months, by category; the number of signals in "
	         "brackets.</p>\n<div class=\"table-wrap\"><table class=\"sig-heat\"><thead><tr>"
	         "<th scope=\"col\">Category</th><th scope=\"col\" class=\"num\">Opportunities</th>"
	         "<th scope=\"col\" class=\"num\">Threats</th></tr></thead><tbody>\n");
	for (int c = 0; c < SIGNAL_NCATEGORIES; c++) {
		html_printf(b, "<tr><th scope=\"row\">%s</th>", signal_categories[c]);
		for (int k = 0; k < 2; k++)
			html_printf(b,
			            "<td class=\"num sig-h%d\">%lld <span class=\"sig-n\">(%lld)"
			            "</span></td>",
			            heat_level(h.score[c][k]), (long long)h.score[c][k],
			            (long long)h.count[c][k]);
		html_raw(b, "</tr>\n");
	}
	html_raw(b, "</tbody></table></div>\n");
	size_t nflag = 0;
	for (size_t i = 0; i < np; i++)
		nflag += p[i].flagged;
	if (!nflag) {
		html_printf(b,
		            "<p>No theme has high pressure (%lld or more) without a strategy "
		            "answering it. <a href=\"/themes\">All themes</a></p>\n",
		            (long long)high);
	} else {
		html_printf(b,
		            "<p><strong>%zu theme%s with high pressure (%lld or more) and no "
		            "strategy answering %s:</strong></p>\n<ul class=\"sig-flagged\">",
		            nflag, nflag == 1 ? "" : "s", (long long)high,
		            nflag == 1 ? "it" : "them");
		for (size_t i = 0; i < np; i++)
			if (p[i].flagged)
				html_printf(
				    b, "<li><a href=\"/themes/%lld\">%s</a>: pressure %lld</li>",
				    (long long)p[i].theme_id, p[i].name, (long long)p[i].pressure);
		html_raw(b, "</ul>\n");
	}
	html_raw(b, "</section>\n");
	return 0;
}

/* --- the list of signals ------------------------------------------------------ */

/* The filters: every input of the form sends a value (a browser sends
 * empty inputs too, and the query parser refuses empty values), so the
 * unit and the theme are "all" or an id, and the days a period back from
 * today; from and to (days) come from links. */
static const char *const periods[] = {"all", "30", "90", "365", NULL};
struct signals_q {
	struct listq l;
	const char *unit, *theme, *period;
	const char *from, *to;
};
static const struct field signals_q_fields[] = {
    LIST_FIELDS(struct signals_q),
    {.name = "unit_id",
     .type = FT_TEXT,
     .offset = offsetof(struct signals_q, unit),
     .bit = 1u << 0,
     .max = 20},
    {.name = "theme_id",
     .type = FT_TEXT,
     .offset = offsetof(struct signals_q, theme),
     .bit = 1u << 1,
     .max = 20},
    {.name = "from", .type = FT_DATE, .offset = offsetof(struct signals_q, from), .bit = 1u << 2},
    {.name = "to", .type = FT_DATE, .offset = offsetof(struct signals_q, to), .bit = 1u << 3},
    {.name = "period",
     .type = FT_ENUM,
     .offset = offsetof(struct signals_q, period),
     .bit = 1u << 4,
     .choices = periods},
    {0},
};

/* "all" (or nothing) is 0; otherwise an id, or a 400 naming the field. */
static int filter_id(struct req *r, const char *v, const char *field, int64_t *id)
{
	*id = 0;
	if (!v || strcmp(v, "all") == 0)
		return 0;
	if (field_parse_int(v, id) || *id <= 0)
		return err_set(&r->e, ERR_BAD_INPUT, field, "%s: must be all or an id", field);
	return 0;
}

static int cmp_score(const void *a, const void *b)
{
	const struct signal *x = a, *y = b;
	int64_t sx = x->impact * x->likelihood, sy = y->impact * y->likelihood;
	if (sx != sy)
		return sx > sy ? -1 : 1;
	return strcmp(y->day, x->day);
}

struct signal_vals {
	const char *observed, *source, *day, *category, *kind, *impact, *likelihood, *unit_id,
	    *theme_id;
};

/* The categories as select options (SIGNAL_NCATEGORIES of them), in
 * r's arena; NULL when out of memory. */
static struct option *category_options(struct req *r)
{
	struct option *co = arena_alloc(r->a, SIGNAL_NCATEGORIES * sizeof *co);
	if (co)
		for (int c = 0; c < SIGNAL_NCATEGORIES; c++)
			co[c] = (struct option){signal_categories[c], signal_categories[c]};
	return co;
}

/* The quick add form. */
static int add_form(struct req *r, struct buf *b, const struct signal_vals *v)
{
	struct unit *units;
	size_t nu, no, nt;
	struct theme *themes;
	if (page_units(r, &units, &nu) || theme_list(r->db, r->a, &themes, &nt, &r->e))
		return -1;
	struct option *uo = unit_options(r, units, nu, NULL, NULL, &no);
	struct option *to = arena_alloc(r->a, (nt + 1) * sizeof *to);
	struct option *co = category_options(r);
	if (!to || !co)
		return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	to[0] = (struct option){"", "No theme"};
	for (size_t i = 0; i < nt; i++)
		to[i + 1] = (struct option){input_id(r, themes[i].id), themes[i].name};
	html_raw(b, "<section class=\"sig-add\" aria-labelledby=\"sig-add-h\">"
	            "<h2 id=\"sig-add-h\">Record a signal</h2>\n");
	html_form_error(b, &r->e, 1);
	html_raw(b, "<form method=\"post\" action=\"/signals\" class=\"stack\" novalidate>\n");
	html_csrf(b, r);
	html_input(b,
	           &(struct input){.name = "observed",
	                           .label = "What was seen",
	                           .value = v->observed,
	                           .required = 1,
	                           .maxlength = 1000},
	           &r->e);
	html_select(b,
	            &(struct select){.name = "category",
	                             .label = "Category",
	                             .options = co,
	                             .n = SIGNAL_NCATEGORIES,
	                             .selected = v->category},
	            &r->e);
	html_select(
	    b,
	    &(struct select){
	        .name = "kind", .label = "Kind", .options = kind_opts, .n = 2, .selected = v->kind},
	    &r->e);
	html_select(b,
	            &(struct select){.name = "impact",
	                             .label = "Impact (1-5)",
	                             .options = scale_opts,
	                             .n = 5,
	                             .selected = v->impact ? v->impact : "3"},
	            &r->e);
	html_select(b,
	            &(struct select){.name = "likelihood",
	                             .label = "Likelihood (1-5)",
	                             .options = scale_opts,
	                             .n = 5,
	                             .selected = v->likelihood ? v->likelihood : "3"},
	            &r->e);
	html_select(
	    b,
	    &(struct select){.name = "unit_id",
	                     .label = "Noticed by",
	                     .options = uo,
	                     .n = no,
	                     .selected = v->unit_id ? v->unit_id : input_id(r, r->who.unit_id)},
	    &r->e);
	html_input(b,
	           &(struct input){.name = "source",
	                           .label = "Source",
	                           .value = v->source,
	                           .maxlength = 500,
	                           .hint = "A URL or a name (optional)."},
	           &r->e);
	html_input(b,
	           &(struct input){.name = "day",
	                           .label = "Day",
	                           .type = "date",
	                           .value = v->day,
	                           .hint = "Empty: today."},
	           &r->e);
	html_select(b,
	            &(struct select){.name = "theme_id",
	                             .label = "Theme",
	                             .options = to,
	                             .n = nt + 1,
	                             .selected = v->theme_id ? v->theme_id : ""},
	            &r->e);
	html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Add the "
	            "signal</button></div>\n</form></section>\n");
	return 0;
}

static int signals_render(struct req *r, const struct signal_vals *vals)
{
	struct signals_q q = {0};
	unsigned set = 0;
	if (list_query(r, signals_q_fields, &q, &set, "day"))
		return -1;
	struct signal_filter f = {.from = q.from, .to = q.to};
	unsigned fset = ((set & 4u) ? SGF_FROM : 0) | ((set & 8u) ? SGF_TO : 0);
	if (filter_id(r, q.unit, "unit_id", &f.unit_id) ||
	    filter_id(r, q.theme, "theme_id", &f.theme_id))
		return -1;
	fset |= (f.unit_id ? SGF_UNIT : 0) | (f.theme_id ? SGF_THEME : 0);
	int64_t unit_filter = f.unit_id, theme_filter = f.theme_id;
	if (q.period && strcmp(q.period, "all") != 0 && !(fset & SGF_FROM)) {
		f.from = html_day(r->a, date_today() - (int32_t)atoi(q.period) + 1);
		fset |= SGF_FROM;
	}
	struct signal *v;
	size_t n;
	struct err saved = r->e; /* a failed add's error, shown by its form */
	err_clear(&r->e);
	if (api_scope(r, &f.unit_id, &fset, SGF_UNIT) ||
	    signal_list(r->db, r->a, &f, fset, &v, &n, &r->e))
		return -1;
	if (strcmp(q.l.sort, "score") == 0) {
		if (n)
			qsort(v, n, sizeof *v, cmp_score);
	} else {
		q.l.sort = "day";
	}
	if (is_csv(&q.l)) {
		struct csv c = page_csv(r, "signals.csv");
		static const char *const head[] = {"id",       "observed", "source",  "day",
		                                   "category", "kind",     "impact",  "likelihood",
		                                   "unit_id",  "unit",     "reviewed"};
		csv_header(&c, head, sizeof head / sizeof head[0]);
		for (size_t i = 0; i < n; i++) {
			csv_int(&c, v[i].id);
			csv_text(&c, v[i].observed);
			csv_text(&c, v[i].source);
			csv_text(&c, v[i].day);
			csv_text(&c, v[i].category);
			csv_text(&c, v[i].kind);
			csv_int(&c, v[i].impact);
			csv_int(&c, v[i].likelihood);
			csv_int(&c, v[i].unit_id);
			csv_text(&c, v[i].unit);
			csv_text(&c, v[i].reviewed);
			csv_end(&c);
		}
		return 0;
	}
	r->e = saved;
	struct buf base = BUF_INIT;
	buf_puts(&base, "/signals?");
	if (unit_filter)
		qs_add_int(&base, "unit_id", unit_filter);
	if (theme_filter)
		qs_add_int(&base, "theme_id", theme_filter);
	if (set & 4u)
		qs_add(&base, "from", q.from);
	if (set & 8u)
		qs_add(&base, "to", q.to);
	if (q.period)
		qs_add(&base, "period", q.period);
	struct buf sorted = BUF_INIT;
	buf_puts(&sorted, buf_str(&base));
	qs_add(&sorted, "sort", q.l.sort);
	page_begin(r, "Signals", "lead");
	struct buf *b = &r->page;
	html_raw(b, "<div class=\"title-row\"><h1>Signals</h1>"
	            "<a class=\"button\" href=\"/themes\">Themes</a></div>\n"
	            "<p class=\"lead\">What the units notice in the market, among customers, "
	            "rivals, technology, regulation and society: each an opportunity or a threat "
	            "with its impact and likelihood (1-5). Their score is impact x "
	            "likelihood.</p>\n");
	/* the filters */
	struct unit *units;
	size_t nu, no;
	if (page_units(r, &units, &nu))
		return -1;
	struct theme *themes;
	size_t nt;
	if (theme_list(r->db, r->a, &themes, &nt, &r->e))
		return -1;
	struct option *uo = unit_options(r, units, nu, "all", "All my units", &no);
	struct option *to = arena_alloc(r->a, (nt + 1) * sizeof *to);
	if (!to)
		return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	to[0] = (struct option){"all", "Any theme"};
	for (size_t i = 0; i < nt; i++)
		to[i + 1] = (struct option){input_id(r, themes[i].id), themes[i].name};
	static const struct option po[] = {{"all", "Any day"},
	                                   {"30", "The last 30 days"},
	                                   {"90", "The last 90 days"},
	                                   {"365", "The last 12 months"}};
	html_raw(b, "<form method=\"get\" action=\"/signals\" class=\"filters\">");
	html_select(b,
	            &(struct select){.name = "unit_id",
	                             .id = "flt-unit",
	                             .label = "Unit",
	                             .options = uo,
	                             .n = no,
	                             .selected = unit_filter ? input_id(r, unit_filter) : "all"},
	            NULL);
	html_select(b,
	            &(struct select){.name = "theme_id",
	                             .id = "flt-theme",
	                             .label = "Theme",
	                             .options = to,
	                             .n = nt + 1,
	                             .selected = theme_filter ? input_id(r, theme_filter) : "all"},
	            NULL);
	html_select(b,
	            &(struct select){.name = "period",
	                             .label = "Seen",
	                             .options = po,
	                             .n = 4,
	                             .selected = q.period ? q.period : "all"},
	            NULL);
	html_printf(b,
	            "<input type=\"hidden\" name=\"sort\" value=\"%s\">"
	            "<button type=\"submit\">Filter</button></form>\n",
	            q.l.sort);
	if (set & (4u | 8u))
		html_printf(b, "<p>Seen from %s to %s. <a href=\"/signals\">All signals</a></p>\n",
		            (set & 4u) ? q.from : "the first", (set & 8u) ? q.to : "today");
	if (!n) {
		html_raw(b, "<p class=\"empty\">No signals here yet.");
		if (r->who.role >= ROLE_MANAGER)
			html_raw(b, " Record the first one below.");
		html_raw(b, "</p>\n");
	} else {
		size_t first, last, unreviewed = 0;
		int64_t pages = page_slice((int64_t)n, q.l.page, &first, &last);
		for (size_t i = 0; i < n; i++)
			unreviewed += v[i].reviewed == NULL;
		html_printf(b, "<p class=\"count\">%zu signal%s, %zu not reviewed</p>\n", n,
		            n == 1 ? "" : "s", unreviewed);
		html_raw(b, "<div class=\"table-wrap\"><table><thead><tr>");
		sort_th(b, "Day", "day", q.l.sort, buf_str(&base));
		html_raw(b, "<th scope=\"col\">Observed</th><th scope=\"col\">Category</th>"
		            "<th scope=\"col\">Kind</th>");
		sort_th(b, "Score", "score", q.l.sort, buf_str(&base));
		html_raw(b,
		         "<th scope=\"col\">Unit</th><th scope=\"col\">Reviewed</th></tr></thead>"
		         "<tbody>\n");
		for (size_t i = first; i < last; i++) {
			const struct signal *s = &v[i];
			html_printf(
			    b,
			    "<tr><td>%s</td><td><a href=\"/signals/%lld\">%s</a></td>"
			    "<td>%s</td><td><span class=\"badge sig-%s\">%s</span></td>"
			    "<td class=\"num\">%lld <span class=\"sig-n\">(%lld x %lld)</span>"
			    "</td><td><a href=\"/units/%lld\">%s</a></td><td>%s</td></tr>\n",
			    s->day, (long long)s->id, s->observed, s->category, s->kind, s->kind,
			    (long long)(s->impact * s->likelihood), (long long)s->impact,
			    (long long)s->likelihood, (long long)s->unit_id, s->unit,
			    s->reviewed ? s->reviewed : "—");
		}
		html_raw(b, "</tbody></table></div>\n");
		html_pager(b, buf_str(&sorted), q.l.page > pages ? pages : q.l.page, pages);
		csv_link(b, buf_str(&sorted));
	}
	buf_free(&base);
	buf_free(&sorted);
	if (r->who.role >= ROLE_MANAGER && add_form(r, b, vals))
		return -1;
	page_end(r);
	return 0;
}

int signals_page(struct req *r)
{
	struct signal_vals v = {0};
	return signals_render(r, &v);
}

int signal_create_page(struct req *r)
{
	struct signal_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (form_fill(&r->form, signal_fields, &in, &set, &r->e) ||
	    signal_add(r->db, &in, set, &id, &r->e)) {
		if (form_failed(r))
			return -1;
		const struct form *f = &r->form;
		struct signal_vals v = {
		    form_get(f, "observed"),   form_get(f, "source"),  form_get(f, "day"),
		    form_get(f, "category"),   form_get(f, "kind"),    form_get(f, "impact"),
		    form_get(f, "likelihood"), form_get(f, "unit_id"), form_get(f, "theme_id")};
		return signals_render(r, &v);
	}
	return page_redirect(r, "/signals/%lld", (long long)id);
}

/* --- a signal ------------------------------------------------------------------ */

int signal_page(struct req *r)
{
	struct signal s;
	struct signal_link *th, *str;
	size_t nth, nstr;
	if (page_query(r, NULL, NULL, &(unsigned){0}) ||
	    signal_get(r->db, r->a, r->id, &s, &r->e) ||
	    signal_themes(r->db, r->a, r->id, &th, &nth, &r->e) ||
	    signal_strategies(r->db, r->a, r->id, &str, &nstr, &r->e))
		return -1;
	int writable = may_write(r, K_SIGNAL, s.id);
	page_begin(r, s.observed, "lead");
	struct buf *b = &r->page;
	html_printf(b,
	            "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/signals\">Signals"
	            "</a></nav>\n<div class=\"title-row\"><h1>%s</h1>",
	            s.observed);
	if (writable)
		html_printf(b,
		            "<a class=\"button\" href=\"/signals/%lld/edit\">Edit the signal</a>",
		            (long long)s.id);
	html_printf(b,
	            "</div>\n<dl class=\"facts\"><dt>Day</dt><dd>%s</dd>"
	            "<dt>Source</dt><dd>%s</dd><dt>Category</dt><dd>%s</dd><dt>Kind</dt>"
	            "<dd><span class=\"badge sig-%s\">%s</span></dd><dt>Score</dt>"
	            "<dd>%lld (impact %lld x likelihood %lld)</dd><dt>Noticed by</dt>"
	            "<dd><a href=\"/units/%lld\">%s</a></dd><dt>Reviewed</dt><dd>%s</dd>"
	            "<dt>Themes</dt><dd>",
	            s.day, s.source[0] ? s.source : "—", s.category, s.kind, s.kind,
	            (long long)(s.impact * s.likelihood), (long long)s.impact,
	            (long long)s.likelihood, (long long)s.unit_id, s.unit,
	            s.reviewed ? s.reviewed : "not yet");
	if (!nth)
		html_raw(b, "<span class=\"none\">none</span>");
	for (size_t i = 0; i < nth; i++)
		html_printf(b, "%s<a href=\"/themes/%lld\">%s</a>", i ? ", " : "",
		            (long long)th[i].id, th[i].name);
	html_raw(b, "</dd><dt>Strategies answering it</dt><dd>");
	if (!nstr)
		html_raw(b, "<span class=\"none\">none</span>");
	for (size_t i = 0; i < nstr; i++)
		html_printf(b, "%s<a href=\"/strategies/%lld\">%s</a>", i ? ", " : "",
		            (long long)str[i].id, str[i].name);
	html_raw(b, "</dd></dl>\n");
	if (writable) {
		html_printf(b, "<form method=\"post\" action=\"/signals/%lld/review\">",
		            (long long)s.id);
		html_csrf(b, r);
		html_printf(b, "<button type=\"submit\">%s</button></form>\n",
		            s.reviewed ? "Reviewed again today" : "Mark reviewed today");
		html_raw(b, "<section aria-labelledby=\"h-rm\"><h2 id=\"h-rm\">Remove the signal"
		            "</h2>\n<p class=\"hint\">Its theme tags and the strategies answering "
		            "it are unlinked; the themes and strategies stay.</p>\n");
		html_printf(b, "<form method=\"post\" action=\"/signals/%lld/delete\">",
		            (long long)s.id);
		html_csrf(b, r);
		html_raw(b, "<button type=\"submit\">Delete the signal</button></form>\n"
		            "</section>\n");
	}
	page_end(r);
	return 0;
}

int signal_review_page(struct req *r)
{
	if (signal_review(r->db, r->id, html_day(r->a, date_today()), &r->e))
		return -1;
	return page_redirect(r, "/signals/%lld", (long long)r->id);
}

/* --- the signal form ----------------------------------------------------------- */

static void signal_vals_from_form(const struct form *f, struct signal_vals *v)
{
	*v = (struct signal_vals){
	    .observed = form_get(f, "observed"),
	    .source = form_get(f, "source"),
	    .day = form_get(f, "day"),
	    .category = form_get(f, "category"),
	    .kind = form_get(f, "kind"),
	    .impact = form_get(f, "impact"),
	    .likelihood = form_get(f, "likelihood"),
	    .unit_id = form_get(f, "unit_id"),
	};
}

/* The edit form of signal id showing v (the stored values, or those a
 * refused form sent, with r->e beside the field at fault). The core
 * has checked that the actor may change the signal. */
static int signal_form(struct req *r, int64_t id, const struct signal_vals *v)
{
	struct unit *units;
	size_t nu, no;
	struct option *uo, *co;
	if (page_units(r, &units, &nu) || !(uo = unit_options(r, units, nu, NULL, NULL, &no)) ||
	    !(co = category_options(r)))
		return r->e.status ? -1 : err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	page_begin(r, "Edit the signal", "lead");
	struct buf *b = &r->page;
	html_printf(b,
	            "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/signals\">Signals"
	            "</a> › <a href=\"/signals/%lld\">Signal %lld</a></nav>\n"
	            "<h1>Edit the signal</h1>\n",
	            (long long)id, (long long)id);
	html_form_error(b, &r->e, 1);
	html_printf(b,
	            "<form method=\"post\" action=\"/signals/%lld\" class=\"stack\" "
	            "novalidate>\n",
	            (long long)id);
	html_csrf(b, r);
	html_input(b,
	           &(struct input){.name = "observed",
	                           .label = "What was seen",
	                           .value = v->observed,
	                           .required = 1,
	                           .maxlength = 1000},
	           &r->e);
	html_input(b,
	           &(struct input){.name = "source",
	                           .label = "Source",
	                           .value = v->source,
	                           .maxlength = 500,
	                           .hint = "A URL or a name (optional)."},
	           &r->e);
	html_input(
	    b,
	    &(struct input){
	        .name = "day", .label = "Day", .type = "date", .value = v->day, .required = 1},
	    &r->e);
	html_select(b,
	            &(struct select){.name = "category",
	                             .label = "Category",
	                             .options = co,
	                             .n = SIGNAL_NCATEGORIES,
	                             .selected = v->category,
	                             .required = 1},
	            &r->e);
	html_select(b,
	            &(struct select){.name = "kind",
	                             .label = "Kind",
	                             .options = kind_opts,
	                             .n = 2,
	                             .selected = v->kind,
	                             .required = 1},
	            &r->e);
	html_select(b,
	            &(struct select){.name = "impact",
	                             .label = "Impact (1-5)",
	                             .options = scale_opts,
	                             .n = 5,
	                             .selected = v->impact,
	                             .required = 1},
	            &r->e);
	html_select(b,
	            &(struct select){.name = "likelihood",
	                             .label = "Likelihood (1-5)",
	                             .options = scale_opts,
	                             .n = 5,
	                             .selected = v->likelihood,
	                             .required = 1},
	            &r->e);
	html_select(b,
	            &(struct select){.name = "unit_id",
	                             .label = "Noticed by",
	                             .options = uo,
	                             .n = no,
	                             .selected = v->unit_id ? v->unit_id : "",
	                             .required = 1},
	            &r->e);
	html_printf(b,
	            "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Save the "
	            "signal</button> <a href=\"/signals/%lld\">Cancel</a></div>\n</form>\n",
	            (long long)id);
	page_end(r);
	return 0;
}

int signal_edit_page(struct req *r)
{
	struct signal s;
	if (page_query(r, NULL, NULL, &(unsigned){0}) || signal_get(r->db, r->a, r->id, &s, &r->e))
		return -1;
	struct signal_vals v = {.observed = s.observed,
	                        .source = s.source,
	                        .day = s.day,
	                        .category = s.category,
	                        .kind = s.kind,
	                        .impact = arena_printf(r->a, "%lld", (long long)s.impact),
	                        .likelihood = arena_printf(r->a, "%lld", (long long)s.likelihood),
	                        .unit_id = input_id(r, s.unit_id)};
	return signal_form(r, r->id, &v);
}

int signal_update_page(struct req *r)
{
	struct signal_input in = {0};
	unsigned set = 0;
	if (form_fill_edit(&r->form, signal_set_fields, &in, &set, &r->e) ||
	    signal_set(r->db, r->id, &in, set, &r->e)) {
		if (form_failed(r))
			return -1;
		struct signal_vals v;
		signal_vals_from_form(&r->form, &v);
		return signal_form(r, r->id, &v);
	}
	return page_redirect(r, "/signals/%lld", (long long)r->id);
}

int signal_delete_page(struct req *r)
{
	if (signal_rm(r->db, r->id, &r->e))
		return -1;
	return page_redirect(r, "/signals");
}

/* --- themes ---------------------------------------------------------------------- */

static int themes_render(struct req *r, const char *name, const char *description)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}))
		return -1;
	struct err saved = r->e;
	err_clear(&r->e);
	int32_t today = date_today();
	int64_t unit = 0, high;
	unsigned uset = 0;
	struct theme_pressure *p;
	size_t np;
	if (api_scope(r, &unit, &uset, 1u) ||
	    theme_pressures(r->db, r->a, today, (uset & 1u) ? unit : 0, &p, &np, &r->e) ||
	    signal_pressure_high(r->db, &high, &r->e))
		return -1;
	r->e = saved;
	page_begin(r, "Themes", "lead");
	struct buf *b = &r->page;
	html_printf(b,
	            "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/signals\">Signals"
	            "</a></nav>\n<h1>Themes</h1>\n<p class=\"lead\">Signals grouped by what they "
	            "are about. The pressure of a theme is the sum of impact x likelihood of its "
	            "signals of the last twelve months%s; the bars show it quarter by quarter, "
	            "%s to %s. A pressure of %lld or more with no strategy answering any of its "
	            "signals is flagged.</p>\n",
	            (uset & 1u) ? " noticed in your units" : "", quarter_label(r->a, today, 0),
	            quarter_label(r->a, today, 3), (long long)high);
	if (!np) {
		html_raw(b, "<p class=\"empty\">No themes yet.</p>\n");
	} else {
		int64_t max = 0;
		for (size_t i = 0; i < np; i++)
			for (int k = 0; k < 4; k++)
				if (p[i].quarters[k] > max)
					max = p[i].quarters[k];
		html_raw(b,
		         "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Theme</th>"
		         "<th scope=\"col\" class=\"num\">Pressure</th><th scope=\"col\">Trend"
		         "</th><th scope=\"col\">Response</th></tr></thead><tbody>\n");
		for (size_t i = 0; i < np; i++) {
			html_printf(b,
			            "<tr%s><td><a href=\"/themes/%lld\">%s</a></td>"
			            "<td class=\"num\">%lld</td><td>",
			            p[i].flagged ? " class=\"sig-flagged-row\"" : "",
			            (long long)p[i].theme_id, p[i].name, (long long)p[i].pressure);
			trend_bars(r, b, &p[i], today, max);
			html_raw(b, "</td><td>");
			flag_badge(b, &p[i]);
			html_raw(b, "</td></tr>\n");
		}
		html_raw(b, "</tbody></table></div>\n");
	}
	if (r->who.role >= ROLE_MANAGER) {
		html_raw(
		    b,
		    "<section aria-labelledby=\"th-add-h\"><h2 id=\"th-add-h\">New theme</h2>\n");
		html_form_error(b, &r->e, 1);
		html_raw(b,
		         "<form method=\"post\" action=\"/themes\" class=\"stack\" novalidate>\n");
		html_csrf(b, r);
		html_input(b,
		           &(struct input){.name = "name",
		                           .label = "Name",
		                           .value = name,
		                           .required = 1,
		                           .maxlength = 200},
		           &r->e);
		html_input(b,
		           &(struct input){.name = "description",
		                           .label = "Description",
		                           .value = description,
		                           .maxlength = 2000},
		           &r->e);
		html_raw(b,
		         "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Add the "
		         "theme</button></div>\n</form></section>\n");
	}
	page_end(r);
	return 0;
}

int themes_page(struct req *r)
{
	return themes_render(r, NULL, NULL);
}

int theme_create_page(struct req *r)
{
	if (r->who.role < ROLE_MANAGER)
		return err_set(&r->e, ERR_FORBIDDEN, "",
		               "a %s may not add themes: managers and "
		               "admins do",
		               role_name(r->who.role));
	struct theme_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (form_fill(&r->form, theme_fields, &in, &set, &r->e) ||
	    theme_add(r->db, &in, set, &id, &r->e)) {
		if (form_failed(r))
			return -1;
		const char *name = form_get(&r->form, "name"),
		           *d = form_get(&r->form, "description");
		return themes_render(r, name, d);
	}
	return page_redirect(r, "/themes/%lld", (long long)id);
}

int theme_page(struct req *r)
{
	struct theme t;
	if (page_query(r, NULL, NULL, &(unsigned){0}) || theme_get(r->db, r->a, r->id, &t, &r->e))
		return -1;
	int32_t today = date_today();
	struct signal_filter f = {.theme_id = t.id};
	unsigned fset = SGF_THEME;
	struct signal *v;
	size_t n;
	struct theme_pressure *p;
	size_t np;
	if (api_scope(r, &f.unit_id, &fset, SGF_UNIT) ||
	    signal_list(r->db, r->a, &f, fset, &v, &n, &r->e) ||
	    theme_pressures(r->db, r->a, today, (fset & SGF_UNIT) ? f.unit_id : 0, &p, &np, &r->e))
		return -1;
	const struct theme_pressure *tp = NULL;
	int64_t max = 0;
	for (size_t i = 0; i < np; i++)
		if (p[i].theme_id == t.id) {
			tp = &p[i];
			for (int k = 0; k < 4; k++)
				if (p[i].quarters[k] > max)
					max = p[i].quarters[k];
		}
	page_begin(r, t.name, "lead");
	struct buf *b = &r->page;
	html_printf(b,
	            "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/signals\">Signals"
	            "</a> › <a href=\"/themes\">Themes</a></nav>\n<h1>%s</h1>\n",
	            t.name);
	if (t.description[0])
		html_printf(b, "<p class=\"lead\">%s</p>\n", t.description);
	if (tp) {
		html_printf(b,
		            "<dl class=\"facts\"><dt>Pressure</dt><dd>%lld</dd><dt>Trend</dt><dd>",
		            (long long)tp->pressure);
		trend_bars(r, b, tp, today, max);
		html_printf(b, " %lld, %lld, %lld, %lld</dd><dt>Response</dt><dd>",
		            (long long)tp->quarters[0], (long long)tp->quarters[1],
		            (long long)tp->quarters[2], (long long)tp->quarters[3]);
		flag_badge(b, tp);
		html_raw(b, "</dd></dl>\n");
	}
	html_printf(b, "<h2>Signals</h2>\n");
	if (!n) {
		html_raw(b, "<p class=\"empty\">No signals of this theme that you may read.</p>\n");
	} else {
		html_raw(b, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Day</th>"
		            "<th scope=\"col\">Observed</th><th scope=\"col\">Kind</th>"
		            "<th scope=\"col\" class=\"num\">Score</th><th scope=\"col\">Unit</th>"
		            "</tr></thead><tbody>\n");
		for (size_t i = 0; i < n; i++)
			html_printf(b,
			            "<tr><td>%s</td><td><a href=\"/signals/%lld\">%s</a></td>"
			            "<td><span class=\"badge sig-%s\">%s</span></td>"
			            "<td class=\"num\">%lld</td><td>%s</td></tr>\n",
			            v[i].day, (long long)v[i].id, v[i].observed, v[i].kind,
			            v[i].kind, (long long)(v[i].impact * v[i].likelihood),
			            v[i].unit);
		html_raw(b, "</tbody></table></div>\n");
		html_printf(b,
		            "<p><a href=\"/signals?theme_id=%lld\">These signals in the list</a>"
		            "</p>\n",
		            (long long)t.id);
	}
	page_end(r);
	return 0;
}
