/* page_pulse: pulse surveys in the web UI, and the results as CSV (the
 * CLI and the API send the same file). Nothing here names who answered:
 * the results come from the counts alone (lead/pulse.h). */
#include <string.h>

#include "base/date.h"
#include "lead/pulse.h"
#include "web/page.h"

void pulse_csv(struct buf *b, struct arena *a, const struct pulse_results *r)
{
	static const char *const head[] = {
		"unit_id", "unit", "invited", "responded", "shown", "question", "text", "scale",
		"answers", "mean", "enps", "v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8",
		"v9", "v10", "note"};
	struct csv c = {.b = b};
	csv_header(&c, head, sizeof head / sizeof head[0]);
	for (size_t i = 0; i < r->ng; i++) {
		const struct pulse_group *g = &r->g[i];
		for (size_t j = 0; j < r->nq; j++) {
			int lo = strcmp(r->q[j].scale, "0-10") == 0 ? 0 : 1, hi = lo ? 5 : 10;
			const struct pulse_stat *s = &g->stats[j];
			csv_int(&c, g->unit_id);
			csv_text(&c, g->unit);
			csv_int(&c, g->invited);
			csv_int(&c, g->responded);
			csv_text(&c, g->shown ? "yes" : "no");
			csv_int(&c, r->q[j].position);
			csv_text(&c, r->q[j].text);
			csv_text(&c, r->q[j].scale);
			if (g->shown) {
				csv_int(&c, s->n);
				csv_text(&c, arena_printf(a, "%lld.%02lld", (long long)(s->mean_x100 / 100),
							  (long long)(s->mean_x100 % 100)));
				if (lo)
					csv_text(&c, NULL);
				else
					csv_int(&c, s->enps);
				for (int v = 0; v <= 10; v++)
					if (v < lo || v > hi)
						csv_text(&c, NULL);
					else
						csv_int(&c, s->dist[v]);
				csv_text(&c, NULL);
			} else {
				for (int k = 0; k < 14; k++)
					csv_text(&c, NULL);
				csv_text(&c, pulse_suppressed_note(a, &r->pulse, g));
			}
			csv_end(&c);
		}
	}
}

int pulse_access(struct req *r, int64_t id, int64_t *unit_id, int *given)
{
	struct err e2 = {0};
	if (access_check(r->db, &r->who, K_PULSE, id, A_READ, &e2) == 0)
		return 0;
	if (e2.status != ERR_NOT_FOUND) {
		r->e = e2;
		return -1;
	}
	if (access_narrow(r->db, &r->who, unit_id, given, &r->e))
		return -1;
	int asked = *given && *unit_id ? pulse_asked_within(r->db, id, *unit_id, &r->e) : 0;
	if (asked < 0)
		return -1;
	if (!asked) {
		r->e = e2;
		return -1;
	}
	return 0;
}

/* --- the list: what the signed-in person may answer first --------------- */

int pulses_page(struct req *r)
{
	struct pulse *mine = NULL, *v;
	size_t nmine = 0, n;
	struct pulse_filter f = {0};
	unsigned set = 0;
	int given = 0;
	if (page_query(r, NULL, NULL, &(unsigned){0}) ||
	    (r->who.person_id &&
	     pulse_pending(r->db, r->a, r->who.person_id, date_today(), &mine, &nmine, &r->e)) ||
	    access_narrow(r->db, &r->who, &f.unit_id, &given, &r->e))
		return -1;
	if (given)
		set |= PUL_UNIT;
	if (pulse_list(r->db, r->a, &f, set, &v, &n, &r->e))
		return -1;
	page_begin(r, "Pulse surveys", "pulses");
	struct buf *b = &r->page;
	html_raw(b, "<div class=\"title-row\"><h1>Pulse surveys</h1></div>\n"
		    "<p class=\"lead\">Short surveys. Answers are kept as counts: no one, not even "
		    "an administrator, can see what you answered; results show only for groups "
		    "large enough to keep answers anonymous.</p>\n<h2>Answer now</h2>\n");
	if (!nmine)
		html_raw(b, "<p class=\"empty\">Nothing to answer now.</p>\n");
	else {
		html_raw(b, "<ul class=\"pulse-open\">\n");
		for (size_t i = 0; i < nmine; i++) {
			html_printf(b, "<li><a class=\"button primary\" href=\"/pulses/%lld/answer\">"
				       "Answer now</a> %s", (long long)mine[i].id, mine[i].title);
			if (mine[i].closes)
				html_printf(b, " <span class=\"none\">(until %s)</span>", mine[i].closes);
			html_raw(b, "</li>\n");
		}
		html_raw(b, "</ul>\n");
	}
	html_raw(b, "<h2>Pulses of your units</h2>\n");
	if (!n) {
		html_raw(b, "<p class=\"empty\">No pulse yet.</p>\n");
	} else {
		html_raw(b, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Pulse</th>"
			    "<th scope=\"col\">Opens</th><th scope=\"col\">Closes</th>"
			    "<th scope=\"col\">Sent</th><th scope=\"col\">Answered</th></tr></thead>"
			    "<tbody>\n");
		for (size_t i = 0; i < n; i++)
			html_printf(b, "<tr><td><a href=\"/pulses/%lld\">%s</a></td><td>%s</td>"
				       "<td>%s</td><td>%s</td><td class=\"num\">%lld of %lld</td></tr>\n",
				    (long long)v[i].id, v[i].title, v[i].opens,
				    v[i].closes ? v[i].closes : "—", v[i].sent ? "yes" : "not yet",
				    (long long)v[i].responded, (long long)v[i].invited);
		html_raw(b, "</tbody></table></div>\n");
	}
	page_end(r);
	return 0;
}

/* --- answering ---------------------------------------------------------- */

/* The answer form of p; the values sent, if any, are kept. */
static int answer_form(struct req *r, const struct pulse *p)
{
	struct pulse_question *q;
	size_t nq;
	if (pulse_questions(r->db, r->a, p->id, &q, &nq, &r->e))
		return -1;
	page_begin(r, p->title, "pulses");
	struct buf *b = &r->page;
	html_printf(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/pulses\">"
		       "Pulse surveys</a></nav>\n<h1>%s</h1>\n<p class=\"lead\">Your answer is "
		       "stored as counts, with nothing that links it to you; only that you "
		       "answered is kept, so that you answer once.</p>\n", p->title);
	html_form_error(b, &r->e, 0);
	html_printf(b, "<form method=\"post\" action=\"/pulses/%lld/answer\" class=\"pulse-form\">",
		    (long long)p->id);
	html_csrf(b, r);
	int comments = 0;
	for (size_t i = 0; i < nq; i++) {
		int lo = strcmp(q[i].scale, "0-10") == 0 ? 0 : 1, hi = lo ? 5 : 10;
		char key[32];
		snprintf(key, sizeof key, "q%zu", i + 1);
		const char *sent = form_get(&r->form, key);
		html_printf(b, "<fieldset class=\"pulse-q\"><legend>%zu. %s</legend>", i + 1, q[i].text);
		for (int v = lo; v <= hi; v++) {
			char val[16];
			snprintf(val, sizeof val, "%d", v);
			html_printf(b, "<label><input type=\"radio\" name=\"%s\" value=\"%d\"%s> %d"
				       "</label> ", key, v,
				    sent && strcmp(sent, val) == 0 ? " checked" : "", v);
		}
		if (lo)
			html_raw(b, "<p class=\"hint\">1 strongly disagree … 5 strongly agree</p>");
		else
			html_raw(b, "<p class=\"hint\">0 not at all likely … 10 extremely likely</p>");
		html_raw(b, "</fieldset>\n");
		comments |= q[i].comments;
	}
	if (comments) {
		const char *c = form_get(&r->form, "comment");
		html_printf(b, "<p><label for=\"f-comment\">A comment (optional, anonymous: avoid "
			       "details that would tell who you are)</label><br><textarea "
			       "id=\"f-comment\" name=\"comment\" rows=\"4\" maxlength=\"2000\">%s"
			       "</textarea></p>\n", c ? c : "");
	}
	html_raw(b, "<p><button class=\"button primary\" type=\"submit\">Send my answer</button>"
		    "</p></form>\n");
	page_end(r);
	return 0;
}

int pulse_answer_page(struct req *r)
{
	struct pulse *mine = NULL;
	size_t n = 0;
	if (page_query(r, NULL, NULL, &(unsigned){0}) ||
	    (r->who.person_id &&
	     pulse_pending(r->db, r->a, r->who.person_id, date_today(), &mine, &n, &r->e)))
		return -1;
	for (size_t i = 0; i < n; i++)
		if (mine[i].id == r->id)
			return answer_form(r, &mine[i]);
	return err_set(&r->e, ERR_NOT_FOUND, "id",
		       "nothing to answer: the pulse was not sent to you, is closed, or you have "
		       "answered it");
}

int pulse_answer_post_page(struct req *r)
{
	struct pulse p;
	struct pulse_question *q;
	size_t nq;
	if (access_self(&r->who, "answer a pulse", &r->e) ||
	    pulse_get(r->db, r->a, r->id, &p, &r->e) ||
	    pulse_questions(r->db, r->a, r->id, &q, &nq, &r->e))
		return -1;
	struct buf ans = BUF_INIT;
	for (size_t i = 0; i < nq; i++) {
		char key[32];
		snprintf(key, sizeof key, "q%zu", i + 1);
		const char *v = form_get(&r->form, key);
		if (!v || !*v) {
			err_set(&r->e, ERR_BAD_INPUT, "answers", "answer every question (question %zu "
				"has no answer)", i + 1);
			break;
		}
		buf_printf(&ans, "%s%s", i ? "," : "", v);
	}
	struct pulse_answer_input in = {.person_id = r->who.person_id,
					.answers = arena_strdup(r->a, buf_str(&ans)),
					.comment = form_get(&r->form, "comment")};
	buf_free(&ans);
	unsigned set = PA_PERSON | PA_ANSWERS | (in.comment && *in.comment ? PA_COMMENT : 0);
	if (r->e.status || pulse_answer(r->db, r->id, &in, set, date_today(), &r->e)) {
		if (r->e.status == ERR_NOT_FOUND || form_failed(r))
			return -1;
		return answer_form(r, &p);
	}
	return page_redirect(r, "%s", "/pulses");
}

/* --- results -------------------------------------------------------------- */

/* A distribution as bars, one per value of the scale. */
static void dist_chart(struct buf *b, const struct pulse_stat *s, int lo, int hi)
{
	int64_t max = 1;
	for (int v = lo; v <= hi; v++)
		if (s->dist[v] > max)
			max = s->dist[v];
	int nbars = hi - lo + 1, w = 16;
	html_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pulse-dist\" role=\"img\" "
		       "width=\"%d\" height=\"52\" viewBox=\"0 0 %d 52\"><title>answers per value"
		       "</title>", nbars * w, nbars * w);
	for (int v = lo; v <= hi; v++) {
		int h = (int)(s->dist[v] * 36 / max);
		int x = (v - lo) * w;
		html_printf(b, "<rect class=\"pulse-bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\">"
			       "<title>%d: %lld</title></rect><text class=\"pulse-axis\" x=\"%d\" "
			       "y=\"50\">%d</text>", x + 2, 38 - h, w - 4, h, v, (long long)s->dist[v],
			    x + 4, v);
	}
	html_raw(b, "</svg>");
}

/* The mean of one question over the pulses asking it, as a line. */
static int trend_chart(struct req *r, const struct pulse_question *q, int64_t unit_id)
{
	struct pulse_point *p;
	size_t n;
	if (pulse_trend(r->db, r->a, q->text, unit_id, &p, &n, &r->e))
		return -1;
	struct buf *b = &r->page;
	if (n < 2) {
		html_raw(b, "<p class=\"none\">The trend shows once another pulse asks this "
			    "question.</p>\n");
		return 0;
	}
	int top = strcmp(q->scale, "0-10") == 0 ? 1000 : 500;
	int w = 60 * (int)n + 40, h = 120;
	html_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pulse-trend\" role=\"img\" "
		       "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\"><title>mean per pulse"
		       "</title>", w, h, w, h);
	int px = -1, py = 0;
	for (size_t i = 0; i < n; i++) {
		int x = 30 + 60 * (int)i;
		html_printf(b, "<text class=\"pulse-axis\" x=\"%d\" y=\"%d\">%.7s</text>", x - 20,
			    h - 4, p[i].opens);
		if (!p[i].shown) {
			html_printf(b, "<text class=\"pulse-axis\" x=\"%d\" y=\"50\">hidden</text>",
				    x - 16);
			px = -1;
			continue;
		}
		int y = 10 + (int)((top - p[i].mean_x100) * 80 / top);
		if (px >= 0)
			html_printf(b, "<line class=\"pulse-line\" x1=\"%d\" y1=\"%d\" x2=\"%d\" "
				       "y2=\"%d\"/>", px, py, x, y);
		html_printf(b, "<circle class=\"pulse-dot\" cx=\"%d\" cy=\"%d\" r=\"4\"><title>%s: "
			       "%lld.%02lld</title></circle>", x, y, p[i].title,
			    (long long)(p[i].mean_x100 / 100), (long long)(p[i].mean_x100 % 100));
		px = x;
		py = y;
	}
	html_raw(b, "</svg>\n");
	return 0;
}

int pulse_page(struct req *r)
{
	static const struct field view[] = {
		{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct pulse_view, unit_id),
		 .bit = PV_UNIT},
		{0},
	};
	struct pulse_view in = {0};
	unsigned set = 0;
	struct pulse_results res;
	int given = 0;
	if (page_query(r, view, &in, &set))
		return -1;
	given = (set & PV_UNIT) != 0;
	if (pulse_access(r, r->id, &in.unit_id, &given))
		return -1;
	if (given)
		set |= PV_UNIT;
	if (pulse_results(r->db, r->a, r->id, (set & PV_UNIT) ? in.unit_id : 0, &res, &r->e))
		return -1;
	const struct pulse *p = &res.pulse;
	page_begin(r, p->title, "pulses");
	struct buf *b = &r->page;
	const struct pulse_group *top = &res.g[0];
	html_printf(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/pulses\">"
		       "Pulse surveys</a></nav>\n<div class=\"title-row\"><h1>%s</h1>"
		       "<a class=\"button\" href=\"/api/v1/pulses/%lld/results?format=csv",
		    p->title, (long long)p->id);
	if (set & PV_UNIT)
		html_printf(b, "&amp;unit_id=%lld", (long long)in.unit_id);
	html_printf(b, "\">Download CSV</a></div>\n<p class=\"count\">%s: %lld of %lld "
		       "answered. Opens %s%s%s. Results show for groups of at least %lld.</p>\n",
		    top->unit, (long long)top->responded, (long long)top->invited, p->opens,
		    p->closes ? ", closes " : "", p->closes ? p->closes : "",
		    (long long)p->min_group);
	if (!p->sent)
		html_raw(b, "<p class=\"empty\">Not sent yet.</p>\n");
	for (size_t j = 0; j < res.nq; j++) {
		const struct pulse_question *q = &res.q[j];
		int lo = strcmp(q->scale, "0-10") == 0 ? 0 : 1, hi = lo ? 5 : 10;
		html_printf(b, "<section class=\"pulse-question\"><h2>%lld. %s</h2>\n"
			       "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Unit"
			       "</th><th scope=\"col\">Answered</th><th scope=\"col\">Result</th>"
			       "</tr></thead><tbody>\n", (long long)q->position, q->text);
		for (size_t i = 0; i < res.ng; i++) {
			const struct pulse_group *g = &res.g[i];
			html_printf(b, "<tr><td class=\"pulse-depth-%d\"><a href=\"/pulses/%lld?"
				       "unit_id=%lld\">%s</a></td><td class=\"num\">%lld of %lld</td><td>",
				    g->depth > 4 ? 4 : g->depth, (long long)p->id, (long long)g->unit_id,
				    g->unit, (long long)g->responded, (long long)g->invited);
			if (!g->shown) {
				html_printf(b, "<span class=\"pulse-note\">%s</span></td></tr>\n",
					    pulse_suppressed_note(r->a, p, g));
				continue;
			}
			const struct pulse_stat *s = &g->stats[j];
			html_printf(b, "Mean %lld.%02lld", (long long)(s->mean_x100 / 100),
				    (long long)(s->mean_x100 % 100));
			if (!lo)
				html_printf(b, ", eNPS %lld", (long long)s->enps);
			html_raw(b, "<br>");
			dist_chart(b, s, lo, hi);
			html_raw(b, "</td></tr>\n");
		}
		html_raw(b, "</tbody></table></div>\n");
		if (q->comments && top->shown && res.ncomments[j]) {
			html_raw(b, "<h3>Comments</h3><ul class=\"pulse-comments\">\n");
			for (size_t k = 0; k < res.ncomments[j]; k++)
				html_printf(b, "<li>%s</li>\n", res.comments[j][k]);
			html_raw(b, "</ul>\n");
		}
		html_raw(b, "<h3>Trend</h3>\n");
		if (trend_chart(r, q, (set & PV_UNIT) ? in.unit_id : 0))
			return -1;
		html_raw(b, "</section>\n");
	}
	page_end(r);
	return 0;
}
