/* page_recognition: /recognitions (the feed, the form to recognize
 * someone, the counts per unit and month as a bar chart) and /ideas (the
 * board by status with votes, age and the late flag; /ideas/:id with
 * the owner's answer form). Recognizing, proposing and voting are
 * personal (routes of kind K_NONE): the handlers check access_self and
 * act as the signed-in person. Messages and bodies are text: escaped,
 * their line breaks kept by CSS (white-space: pre-line). */
#include <string.h>

#include "base/date.h"
#include "lead/idea.h"
#include "lead/recognition.h"
#include "web/markdown.h"
#include "web/page.h"

/* --- recognitions ---------------------------------------------------- */

struct rec_vals {
	const char *to_id, *team_id, *value_id, *message;
};

enum { REC_MONTHS = 6 };

/* Bars per unit within each month; a table below gives the numbers. */
static void rec_chart(struct req *r, const struct recognition_count *c, size_t n)
{
	struct buf *b = &r->page;
	if (!n) {
		html_raw(b, "<p class=\"none\">No recognitions in the last six months.</p>\n");
		return;
	}
	/* the months (sorted already) and the units, in first-seen order */
	const char *months[REC_MONTHS + 1];
	size_t nm = 0;
	int64_t *units = arena_alloc(r->a, n * sizeof *units);
	const char **names = arena_alloc(r->a, n * sizeof *names);
	size_t nu = 0;
	int64_t max = 1;
	for (size_t i = 0; i < n; i++) {
		if ((!nm || strcmp(months[nm - 1], c[i].month) != 0) && nm < REC_MONTHS + 1)
			months[nm++] = c[i].month;
		size_t k = 0;
		while (k < nu && units[k] != c[i].key_id)
			k++;
		if (k == nu) {
			units[nu] = c[i].key_id;
			names[nu++] = c[i].key_name;
		}
		if (c[i].count > max)
			max = c[i].count;
	}
	const int bar = 10, gap = 18, h = 120, top = 10, left = 30;
	int group = (int)nu * bar + gap;
	int width = left + (int)nm * group + 10;
	html_printf(b, "<div class=\"rec-chart-wrap\"><svg class=\"rec-chart\" width=\"%d\" "
		       "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"rec-chart-t\">"
		       "<title id=\"rec-chart-t\">Recognitions per unit and month</title>\n",
		    width, h + top + 30, width, h + top + 30);
	html_printf(b, "<line class=\"rec-axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
		       "<text class=\"rec-key\" x=\"2\" y=\"%d\">%lld</text>\n",
		    left - 2, top + h, width - 5, top + h, top + 10, (long long)max);
	for (size_t m = 0; m < nm; m++) {
		int x0 = left + (int)m * group;
		for (size_t i = 0; i < n; i++) {
			if (strcmp(c[i].month, months[m]) != 0)
				continue;
			size_t k = 0;
			while (units[k] != c[i].key_id)
				k++;
			int bh = (int)(c[i].count * h / max);
			html_printf(b, "<rect class=\"rec-bar rec-c%zu\" x=\"%d\" y=\"%d\" width=\"%d\" "
				       "height=\"%d\"><title>%s, %s: %lld</title></rect>\n", k % 6,
				    x0 + (int)k * bar, top + h - bh, bar - 1, bh, c[i].key_name,
				    months[m], (long long)c[i].count);
		}
		html_printf(b, "<text class=\"rec-label\" x=\"%d\" y=\"%d\">%s</text>\n", x0,
			    top + h + 16, months[m]);
	}
	html_raw(b, "</svg></div>\n<p class=\"rec-legend\">");
	for (size_t k = 0; k < nu; k++)
		html_printf(b, "<span class=\"rec-sw rec-c%zu\"></span> %s ", k % 6, names[k]);
	html_raw(b, "</p>\n<details><summary>The numbers</summary><table><thead><tr>"
		    "<th scope=\"col\">Month</th><th scope=\"col\">Unit</th>"
		    "<th scope=\"col\" class=\"num\">Recognitions</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < n; i++)
		html_printf(b, "<tr><td>%s</td><td>%s</td><td class=\"num\">%lld</td></tr>\n",
			    c[i].month, c[i].key_name, (long long)c[i].count);
	html_raw(b, "</tbody></table></details>\n");
}

static int rec_render(struct req *r, const struct rec_vals *v)
{
	struct recognition_filter f = {.limit = PAGE_SIZE};
	unsigned fset = RF_LIMIT;
	struct recognition *feed;
	size_t nf;
	struct recognition_counts_q q = {0};
	unsigned qset = RCQ_MONTHS;
	q.months = REC_MONTHS;
	struct recognition_count *counts;
	size_t nc;
	struct recognition_value *values;
	size_t nv;
	struct err keep = r->e;	/* a form's error, shown below */
	err_clear(&r->e);
	if (api_scope(r, &f.unit_id, &fset, RF_UNIT) ||
	    api_scope(r, &q.unit_id, &qset, RCQ_UNIT) ||
	    recognition_list(r->db, r->a, &f, fset, &feed, &nf, &r->e) ||
	    recognition_counts(r->db, r->a, &q, qset, r->who.person_id, date_today(), &counts,
			       &nc, &r->e) ||
	    recognition_values(r->db, r->a, &values, &nv, &r->e))
		return -1;
	r->e = keep;
	page_begin(r, "Recognition", "recognitions");
	struct buf *b = &r->page;
	html_raw(b, "<h1>Recognition</h1>\n");
	struct err self = {0};
	if (access_self(&r->who, "recognize someone", &self) == 0 && nv) {
		size_t npo, nuo, nunits;
		struct unit *units;
		if (page_units(r, &units, &nunits))
			return -1;
		struct option *po = people_options(r, "", "—", &npo);
		struct option *uo = unit_options(r, units, nunits, "", "—", &nuo);
		struct option *vo = arena_alloc(r->a, (nv + 1) * sizeof *vo);
		vo[0] = (struct option){"", "Choose a value"};
		for (size_t i = 0; i < nv; i++)
			vo[i + 1] = (struct option){input_id(r, values[i].id), values[i].name};
		html_raw(b, "<section aria-labelledby=\"rec-new\"><h2 id=\"rec-new\">Recognize "
			    "someone</h2>\n");
		html_form_error(b, &r->e, 1);
		html_raw(b, "<form method=\"post\" action=\"/recognitions\" class=\"stack\" "
			    "novalidate>\n");
		html_csrf(b, r);
		html_select(b, &(struct select){.name = "to_id", .label = "A person", .options = po,
						.n = npo, .selected = v->to_id ? v->to_id : ""},
			    &r->e);
		html_select(b, &(struct select){.name = "team_id", .label = "Or a team",
						.options = uo, .n = nuo,
						.selected = v->team_id ? v->team_id : ""}, &r->e);
		html_select(b, &(struct select){.name = "value_id", .label = "The value they lived",
						.options = vo, .n = nv + 1, .required = 1,
						.selected = v->value_id ? v->value_id : ""}, &r->e);
		html_input(b, &(struct input){.name = "message", .label = "What they did",
					      .value = v->message, .required = 1,
					      .maxlength = 2000}, &r->e);
		html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">"
			    "Recognize</button></div>\n</form></section>\n");
	} else if (!nv) {
		html_raw(b, "<p class=\"none\">The organization has no values yet: recognitions "
			    "name one (an admin adds them).</p>\n");
	}
	html_raw(b, "<section aria-labelledby=\"rec-counts\"><h2 id=\"rec-counts\">Per unit and "
		    "month</h2>\n");
	rec_chart(r, counts, nc);
	html_raw(b, "</section>\n<section aria-labelledby=\"rec-feed\"><h2 id=\"rec-feed\">"
		    "Latest</h2>\n");
	if (!nf)
		html_raw(b, "<p class=\"none\">No recognitions yet.</p>\n");
	else
		html_raw(b, "<ul class=\"rec-feed\">\n");
	for (size_t i = 0; i < nf; i++) {
		const struct recognition *g = &feed[i];
		html_raw(b, "<li class=\"rec-card\"><p class=\"rec-head\">");
		person_link(b, g->from_id, g->from_name);
		html_raw(b, " → ");
		if (g->to_unit_id)
			html_printf(b, "<a href=\"/units/%lld\">%s</a> (team)",
				    (long long)g->to_unit_id, g->to_name);
		else
			person_link(b, g->to_person_id, g->to_name);
		html_printf(b, " <span class=\"badge rec-value\">%s</span></p>\n"
			       "<p class=\"rec-msg\">%s</p><p class=\"rec-day\">%s</p></li>\n",
			    g->value_name, g->message, g->day);
	}
	if (nf)
		html_raw(b, "</ul>\n");
	html_raw(b, "</section>\n");
	page_end(r);
	return 0;
}

int recognitions_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}))
		return -1;
	return rec_render(r, &(struct rec_vals){0});
}

int recognition_create_page(struct req *r)
{
	struct recognition_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (access_self(&r->who, "recognize someone", &r->e))
		return -1;
	if (form_fill(&r->form, recognition_api_fields, &in, &set, &r->e) ||
	    (in.from_id = r->who.person_id, set |= REC_FROM,
	     recognition_add(r->db, &in, set, &id, &r->e))) {
		if (form_failed(r))
			return -1;
		struct rec_vals v = {form_get(&r->form, "to_id"), form_get(&r->form, "team_id"),
				     form_get(&r->form, "value_id"), form_get(&r->form, "message")};
		return rec_render(r, &v);
	}
	return page_redirect(r, "/recognitions");
}

/* --- ideas ------------------------------------------------------------ */

struct idea_vals {
	const char *title, *body, *strategy_id, *owner_id;
};

static void idea_card(struct req *r, const struct idea *i, int can_vote)
{
	struct buf *b = &r->page;
	html_printf(b, "<li class=\"idea-card\"><p class=\"idea-title\"><a href=\"/ideas/%lld\">"
		       "%s</a>", (long long)i->id, i->title);
	if (i->flagged)
		html_raw(b, " <span class=\"badge idea-late\">unanswered</span>");
	html_printf(b, "</p>\n<p class=\"idea-meta\">%lld vote%s · %lld day%s old · owner ",
		    (long long)i->votes, i->votes == 1 ? "" : "s", (long long)i->age,
		    i->age == 1 ? "" : "s");
	person_link(b, i->owner_id, i->owner_name);
	html_raw(b, "</p>\n");
	if (can_vote && i->author_id != r->who.person_id && strcmp(i->status, "open") == 0) {
		html_printf(b, "<form method=\"post\" action=\"/ideas/%lld/vote\" class=\"idea-inline\">",
			    (long long)i->id);
		html_csrf(b, r);
		html_raw(b, "<button type=\"submit\">Vote</button></form>\n");
	}
	html_raw(b, "</li>\n");
}

static int ideas_render(struct req *r, const struct idea_vals *v)
{
	struct idea_filter f = {0};
	unsigned fset = 0;
	struct idea *ideas;
	size_t n;
	struct err keep = r->e;
	err_clear(&r->e);
	if (api_scope(r, &f.unit_id, &fset, IF_UNIT) ||
	    idea_list(r->db, r->a, &f, fset, date_today(), &ideas, &n, &r->e))
		return -1;
	r->e = keep;
	struct err self = {0};
	int can_act = access_self(&r->who, "propose an idea", &self) == 0;
	page_begin(r, "Ideas", "ideas");
	struct buf *b = &r->page;
	html_raw(b, "<h1>Ideas</h1>\n");
	if (r->e.status && r->e.field[0] == 0)
		html_form_error(b, &r->e, 0);
	static const char *const statuses[] = {"open", "under-review", "accepted", "declined"};
	static const char *const headings[] = {"Open", "Under review", "Accepted", "Declined"};
	html_raw(b, "<div class=\"idea-board\">\n");
	for (size_t s = 0; s < 4; s++) {
		html_printf(b, "<section class=\"idea-col\" aria-labelledby=\"idea-%s\">"
			       "<h2 id=\"idea-%s\">%s</h2>\n<ul class=\"idea-list\">\n",
			    statuses[s], statuses[s], headings[s]);
		int any = 0;
		for (size_t i = 0; i < n; i++)
			if (strcmp(ideas[i].status, statuses[s]) == 0) {
				idea_card(r, &ideas[i], can_act);
				any = 1;
			}
		if (!any)
			html_raw(b, "<li class=\"none\">None.</li>\n");
		html_raw(b, "</ul></section>\n");
	}
	html_raw(b, "</div>\n");
	if (can_act) {
		size_t npo;
		struct option *po = people_options(r, "", "The strategy's owner, else my manager",
						   &npo);
		html_raw(b, "<section aria-labelledby=\"idea-new\"><h2 id=\"idea-new\">Propose an "
			    "idea</h2>\n");
		if (r->e.field[0])
			html_form_error(b, &r->e, 1);
		html_raw(b, "<form method=\"post\" action=\"/ideas\" class=\"stack\" novalidate>\n");
		html_csrf(b, r);
		html_input(b, &(struct input){.name = "title", .label = "Idea", .value = v->title,
					      .required = 1, .maxlength = 200}, &r->e);
		html_input(b, &(struct input){.name = "body", .label = "In more words",
					      .value = v->body, .maxlength = 20000}, &r->e);
		html_input(b, &(struct input){.name = "strategy_id", .label = "Strategy (its id)",
					      .type = "number", .min = "1", .step = "1",
					      .value = v->strategy_id,
					      .hint = "Optional: the strategy it serves."}, &r->e);
		html_select(b, &(struct select){.name = "owner_id", .label = "Who answers",
						.options = po, .n = npo,
						.selected = v->owner_id ? v->owner_id : ""}, &r->e);
		html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">"
			    "Propose</button></div>\n</form></section>\n");
	}
	page_end(r);
	return 0;
}

int ideas_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}))
		return -1;
	return ideas_render(r, &(struct idea_vals){0});
}

int idea_create_page(struct req *r)
{
	struct idea_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (access_self(&r->who, "propose an idea", &r->e))
		return -1;
	if (form_fill(&r->form, idea_api_fields, &in, &set, &r->e) ||
	    (in.author_id = r->who.person_id, set |= IDEA_AUTHOR,
	     idea_add(r->db, &in, set, &id, &r->e))) {
		if (form_failed(r))
			return -1;
		struct idea_vals v = {form_get(&r->form, "title"), form_get(&r->form, "body"),
				      form_get(&r->form, "strategy_id"),
				      form_get(&r->form, "owner_id")};
		return ideas_render(r, &v);
	}
	return page_redirect(r, "/ideas/%lld", (long long)id);
}

struct answer_vals {
	const char *status, *reason, *plan_id, *step_id;
};

static int idea_render(struct req *r, const struct answer_vals *v)
{
	struct idea i;
	struct err keep = r->e;
	err_clear(&r->e);
	if (idea_get(r->db, r->a, r->id, date_today(), &i, &r->e))
		return -1;
	r->e = keep;
	page_begin(r, i.title, "ideas");
	struct buf *b = &r->page;
	html_printf(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/ideas\">Ideas"
		       "</a></nav>\n<h1>%s</h1>\n<p>", i.title);
	status_badge(b, i.status);
	if (i.flagged)
		html_raw(b, " <span class=\"badge idea-late\">unanswered</span>");
	html_printf(b, "</p>\n<dl class=\"facts\"><dt>Proposed by</dt><dd>");
	person_link(b, i.author_id, i.author_name);
	html_printf(b, " on %s (%lld days ago)</dd><dt>Owner</dt><dd>", i.created,
		    (long long)i.age);
	person_link(b, i.owner_id, i.owner_name);
	html_printf(b, "</dd><dt>Votes</dt><dd>%lld</dd>", (long long)i.votes);
	if (i.strategy_id)
		html_printf(b, "<dt>Strategy</dt><dd>%lld</dd>", (long long)i.strategy_id);
	if (i.vision_id)
		html_printf(b, "<dt>Vision</dt><dd>%lld</dd>", (long long)i.vision_id);
	if (i.answered)
		html_printf(b, "<dt>Answered</dt><dd>%s</dd>", i.answered);
	if (i.answer[0])
		html_printf(b, "<dt>Answer</dt><dd class=\"idea-text\">%s</dd>", i.answer);
	if (i.plan_id)
		html_printf(b, "<dt>Became plan</dt><dd><a href=\"/plans/%lld\">%lld</a></dd>",
			    (long long)i.plan_id, (long long)i.plan_id);
	if (i.step_id)
		html_printf(b, "<dt>Became step</dt><dd><a href=\"/steps/%lld\">%lld</a></dd>",
			    (long long)i.step_id, (long long)i.step_id);
	html_raw(b, "</dl>\n");
	if (i.body[0]) {
		html_raw(b, "<div class=\"idea-text\">");
		markdown_html(b, i.body);
		html_raw(b, "</div>\n");
	}
	html_form_error(b, &r->e, 1);
	struct err self = {0};
	if (access_self(&r->who, "vote", &self) == 0 && i.author_id != r->who.person_id &&
	    strcmp(i.status, "open") == 0) {
		html_printf(b, "<form method=\"post\" action=\"/ideas/%lld/vote\" class=\"idea-inline\">",
			    (long long)i.id);
		html_csrf(b, r);
		html_printf(b, "<button type=\"submit\">Vote</button></form>\n<form method=\"post\" "
			       "action=\"/ideas/%lld/unvote\" class=\"idea-inline\">", (long long)i.id);
		html_csrf(b, r);
		html_raw(b, "<button type=\"submit\">Take my vote back</button></form>\n");
	}
	if (r->who.role == ROLE_ADMIN ||
	    (r->who.person_id == i.owner_id && r->who.role != ROLE_VIEWER)) {
		static const struct option so[] = {{"under-review", "Under review"},
						   {"accepted", "Accepted"},
						   {"declined", "Declined"}};
		html_raw(b, "<section aria-labelledby=\"idea-answer\"><h2 id=\"idea-answer\">"
			    "Answer</h2>\n");
		html_printf(b, "<form method=\"post\" action=\"/ideas/%lld/answer\" class=\"stack\" "
			       "novalidate>\n", (long long)i.id);
		html_csrf(b, r);
		html_select(b, &(struct select){.name = "status", .label = "Answer", .options = so,
						.n = 3, .required = 1,
						.selected = v->status ? v->status : i.status}, &r->e);
		html_input(b, &(struct input){.name = "reason", .label = "Reason",
					      .value = v->reason ? v->reason : i.answer,
					      .hint = "Required to decline.", .maxlength = 4000},
			   &r->e);
		html_input(b, &(struct input){.name = "plan_id", .label = "Became plan (its id)",
					      .type = "number", .min = "1", .step = "1",
					      .value = v->plan_id}, &r->e);
		html_input(b, &(struct input){.name = "step_id", .label = "Or step (its id)",
					      .type = "number", .min = "1", .step = "1",
					      .value = v->step_id}, &r->e);
		html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">"
			    "Answer</button></div>\n</form></section>\n");
	}
	page_end(r);
	return 0;
}

int idea_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}))
		return -1;
	return idea_render(r, &(struct answer_vals){0});
}

/* After a refused vote or answer: the idea's page with the message. */
static int idea_refused(struct req *r, const struct answer_vals *v)
{
	if (r->e.status == ERR_NOT_FOUND && strcmp(r->e.field, "id") == 0)
		return -1;
	if (form_failed(r))
		return -1;
	return idea_render(r, v);
}

static int vote_form(struct req *r, int up)
{
	if (access_check(r->db, &r->who, K_IDEA, r->id, A_READ, &r->e) ||
	    access_self(&r->who, "vote", &r->e))
		return -1;
	if ((up ? idea_vote : idea_unvote)(r->db, r->id, r->who.person_id, &r->e))
		return idea_refused(r, &(struct answer_vals){0});
	return page_redirect(r, "/ideas/%lld", (long long)r->id);
}

int idea_vote_page(struct req *r)
{
	return vote_form(r, 1);
}

int idea_unvote_page(struct req *r)
{
	return vote_form(r, 0);
}

int idea_answer_page(struct req *r)
{
	struct idea_answer_input in = {0};
	unsigned set = 0;
	if (access_check(r->db, &r->who, K_IDEA, r->id, A_READ, &r->e))
		return -1;
	if (r->who.role != ROLE_ADMIN && (!r->who.person_id || r->who.role == ROLE_VIEWER))
		return err_set(&r->e, ERR_FORBIDDEN, "", "only the idea's owner or an admin "
			       "answers it");
	int64_t by = r->who.role == ROLE_ADMIN ? 0 : r->who.person_id;
	if (form_fill(&r->form, idea_answer_fields + 1, &in, &set, &r->e) ||
	    idea_answer(r->db, r->id, by, &in, set, &r->e)) {
		if (r->e.status == ERR_FORBIDDEN)
			return -1;
		struct answer_vals v = {form_get(&r->form, "status"), form_get(&r->form, "reason"),
					form_get(&r->form, "plan_id"),
					form_get(&r->form, "step_id")};
		return idea_refused(r, &v);
	}
	return page_redirect(r, "/ideas/%lld", (long long)r->id);
}
