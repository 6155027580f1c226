/* page_comm: aligning people. /alignment (coverage per unit as stacked
 * bars, who is not reached), /comms (the communications with their
 * senders' say-do, and what the signed-in person received), /comms/:id
 * (the message, its audience, coverage, commitments, disagreements, and
 * the recipient's own one-click buttons), /comms/new, /stakeholders. */
#include <string.h>

#include "base/date.h"
#include "lead/comm.h"
#include "lead/stakeholder.h"
#include "web/markdown.h"
#include "web/page.h"

static const char *const state_names[] = {"sent", "reached", "understood", "committed",
					  "disagrees"};
static const char *const state_labels[] = {"Not reached", "Reached", "Understood",
					   "Committed", "Disagrees"};

static const char *today_text(struct req *r)
{
	char *d = arena_alloc(r->a, 11);
	if (d)
		date_format(date_today(), d);
	return d ? d : "9999-12-31";
}

static void cov_counts(const struct coverage *c, int64_t v[5])
{
	v[0] = c->sent, v[1] = c->reached, v[2] = c->understood;
	v[3] = c->committed, v[4] = c->disagrees;
}

/* A share in whole percent, rounded; 0 of 0 is 0. */
static int pct(int64_t part, int64_t total)
{
	return total ? (int)((part * 100 + total / 2) / total) : 0;
}

/* One stacked bar (at x, y, w wide) of the five states. */
static void stacked_bar(struct buf *b, const struct coverage *c, int x, int y, int w, int h)
{
	int64_t v[5];
	cov_counts(c, v);
	int64_t done = 0;
	for (int k = 0; k < 5; k++) {
		if (!v[k] || !c->total)
			continue;
		int x0 = x + (int)(done * w / c->total);
		done += v[k];
		int x1 = x + (int)(done * w / c->total);
		html_printf(b, "<rect class=\"al-%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\">"
			       "<title>%s: %lld of %lld (%d%%)</title></rect>",
			    state_names[k], x0, y, x1 - x0, h, state_labels[k], (long long)v[k],
			    (long long)c->total, pct(v[k], c->total));
	}
}

static void legend(struct buf *b)
{
	html_raw(b, "<ul class=\"al-legend\">");
	for (int k = 0; k < 5; k++)
		html_printf(b, "<li><span class=\"al-key al-%s\"></span>%s</li>", state_names[k],
			    state_labels[k]);
	html_raw(b, "</ul>\n");
}

/* The coverage as text: "12 people: 25% committed, ..." */
static void cov_text(struct buf *b, const struct coverage *c)
{
	int64_t v[5];
	cov_counts(c, v);
	html_printf(b, "%lld recipient%s", (long long)c->total, c->total == 1 ? "" : "s");
	for (int k = 0; k < 5; k++)
		html_printf(b, "%s %d%% %s", k ? "," : ":", pct(v[k], c->total),
			    k ? state_names[k] : "not reached");
}

static void sayd_text(struct buf *b, const struct sayd *s)
{
	int p = sayd_percent(s);
	if (p < 0)
		html_raw(b, "<span class=\"none\">no promise closed yet</span>");
	else
		html_printf(b, "say-do %d%% (%lld kept, %lld broken)", p, (long long)s->kept,
			    (long long)s->broken);
	if (s->open)
		html_printf(b, ", %lld open", (long long)s->open);
	if (s->overdue)
		html_printf(b, ", <strong class=\"al-overdue\">%lld overdue</strong>",
			    (long long)s->overdue);
}

/* --- /alignment -------------------------------------------------------------- */

struct align_q {
	int64_t comm_id, vision_id, strategy_id;
	const char *of;		/* the form's one select: "c3", "v1" or "s2" */
};
static const struct field align_q_fields[] = {
	{.name = "comm_id", .type = FT_ID, .offset = offsetof(struct align_q, comm_id), .bit = 1,
	 .help = "one communication (none: every sent one)"},
	{.name = "vision_id", .type = FT_ID, .offset = offsetof(struct align_q, vision_id),
	 .bit = 2, .help = "the communications of this vision"},
	{.name = "strategy_id", .type = FT_ID, .offset = offsetof(struct align_q, strategy_id),
	 .bit = 4, .help = "the communications of this strategy"},
	{.name = "of", .type = FT_TEXT, .offset = offsetof(struct align_q, of), .bit = 8,
	 .max = 24, .help = "c<comm id>, v<vision id> or s<strategy id>"},
	{0},
};

static int align_query(struct req *r, struct align_q *q)
{
	unsigned set = 0;
	if (page_query(r, align_q_fields, q, &set))
		return -1;
	if ((set & 8) && q->of[0]) {
		int64_t id;
		char k = q->of[0];
		if ((k != 'c' && k != 'v' && k != 's') || field_parse_int(q->of + 1, &id) || id < 1)
			return err_set(&r->e, ERR_BAD_INPUT, "of", "of: must be c, v or s and an id");
		if (k == 'c')
			q->comm_id = id;
		else if (k == 'v')
			q->vision_id = id;
		else
			q->strategy_id = id;
	}
	if (!!q->comm_id + !!q->vision_id + !!q->strategy_id > 1)
		return err_set(&r->e, ERR_BAD_INPUT, "comm_id",
			       "comm_id: choose one communication, a vision or a strategy");
	return 0;
}

/* The <option>s of the choice: every sent communication, the visions and
 * strategies they tell, and each one. */
static void align_options(struct buf *b, const struct comm *cv, size_t nc,
			  const struct align_q *q)
{
	html_printf(b, "<option value=\"\"%s>Every sent communication</option>",
		    q->comm_id || q->vision_id || q->strategy_id ? "" : " selected");
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < nc; i++) {
			int64_t id = pass ? cv[i].strategy_id : cv[i].vision_id;
			int first = 1;
			for (size_t k = 0; k < i && first; k++)
				if (cv[k].sent && (pass ? cv[k].strategy_id : cv[k].vision_id) == id)
					first = 0;
			if (!id || !first || !cv[i].sent)
				continue;
			html_printf(b, "<option value=\"%s%lld\"%s>All of %s %lld</option>",
				    pass ? "s" : "v", (long long)id,
				    (pass ? q->strategy_id : q->vision_id) == id ? " selected" : "",
				    pass ? "strategy" : "the vision", (long long)id);
		}
	for (size_t i = 0; i < nc; i++)
		if (cv[i].sent)
			html_printf(b, "<option value=\"c%lld\"%s>%s (%s)</option>", (long long)cv[i].id,
				    cv[i].id == q->comm_id ? " selected" : "", cv[i].title, cv[i].day);
}

int alignment_page(struct req *r)
{
	struct align_q q = {0};
	if (align_query(r, &q))
		return -1;
	struct comm m = {0};
	if (q.comm_id && (access_check(r->db, &r->who, K_COMM, q.comm_id, A_READ, &r->e) ||
			  comm_get(r->db, r->a, q.comm_id, &m, &r->e)))
		return -1;
	struct comm_filter f = {0};
	unsigned fset = 0;
	struct comm *cv;
	size_t nc;
	if (api_scope(r, &f.unit_id, &fset, CF_UNIT) ||
	    comm_list(r->db, r->a, &f, fset, &cv, &nc, &r->e))
		return -1;
	/* the rows: the units the actor reads that received it, rolled up */
	int64_t scope = 0;
	int sub = 1;
	access_scope(&r->who, &scope, &sub);
	struct unit_coverage *u;
	size_t nu;
	if (comm_coverage_units(r->db, r->a, q.comm_id, q.vision_id, q.strategy_id, scope, &u,
				&nu, &r->e))
		return -1;
	page_begin(r, "Alignment", "alignment");
	struct buf *b = &r->page;
	html_raw(b, "<h1>Alignment</h1>\n<p class=\"lead\">How far each unit's people have "
		    "been reached, understand and commit, and who disagrees. Each unit counts "
		    "the units under it.</p>\n");
	html_raw(b, "<form method=\"get\" action=\"/alignment\" class=\"al-pick\">"
		    "<label for=\"f-of\">Of</label> <select id=\"f-of\" name=\"of\">");
	align_options(b, cv, nc, &q);
	html_raw(b, "</select> <button type=\"submit\">Show</button></form>\n");
	if (q.comm_id)
		html_printf(b, "<p>Of <a href=\"/comms/%lld\">%s</a>, %s.</p>\n", (long long)m.id,
			    m.title, m.day);
	else if (q.vision_id || q.strategy_id)
		html_raw(b, "<p class=\"hint\">Over all its sent communications: a person who "
			    "received two counts twice.</p>\n");
	if (!nu) {
		html_raw(b, "<p class=\"empty\">No one in your units has received it yet. "
			    "<a href=\"/comms\">Communications</a> are sent to units, people and "
			    "stakeholders.</p>\n");
		page_end(r);
		return 0;
	}
	/* the chart: a label, a bar of 400, the committed share */
	int row_h = 28, top = 10, label_w = 180, bar_w = 400;
	int height = top + (int)nu * row_h + 10;
	html_printf(b, "<div class=\"al-chart-wrap\"><svg xmlns=\"http://www.w3.org/2000/svg\" "
		       "class=\"al-chart\" role=\"img\" aria-labelledby=\"al-t al-d\" width=\"%d\" "
		       "height=\"%d\" viewBox=\"0 0 %d %d\"><title id=\"al-t\">Alignment per "
		       "unit</title><desc id=\"al-d\">One bar per unit: the share of its recipients "
		       "not reached, reached, understanding, committed and disagreeing. The table "
		       "below holds the same numbers.</desc>",
		    label_w + bar_w + 120, height, label_w + bar_w + 120, height);
	for (size_t i = 0; i < nu; i++) {
		int y = top + (int)i * row_h;
		html_printf(b, "<text class=\"al-label\" x=\"%d\" y=\"%d\">%s</text>",
			    4 + 12 * (u[i].depth > 6 ? 6 : u[i].depth), y + 17, u[i].unit);
		stacked_bar(b, &u[i].c, label_w, y + 4, bar_w, row_h - 8);
		html_printf(b, "<text class=\"al-label\" x=\"%d\" y=\"%d\">%d%% committed</text>",
			    label_w + bar_w + 8, y + 17, pct(u[i].c.committed, u[i].c.total));
	}
	html_raw(b, "</svg></div>\n");
	legend(b);
	/* the same numbers */
	html_raw(b, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Unit</th>"
		    "<th scope=\"col\" class=\"num\">Recipients</th>");
	for (int k = 0; k < 5; k++)
		html_printf(b, "<th scope=\"col\" class=\"num\">%s</th>", state_labels[k]);
	html_raw(b, "</tr></thead><tbody>\n");
	for (size_t i = 0; i < nu; i++) {
		int64_t v[5];
		cov_counts(&u[i].c, v);
		html_printf(b, "<tr><th scope=\"row\" class=\"al-depth-%d\">%s</th><td class=\"num\">"
			       "%lld</td>", u[i].depth > 4 ? 4 : u[i].depth, u[i].unit,
			    (long long)u[i].c.total);
		for (int k = 0; k < 5; k++)
			html_printf(b, "<td class=\"num\">%lld (%d%%)</td>", (long long)v[k],
				    pct(v[k], u[i].c.total));
		html_raw(b, "</tr>\n");
	}
	html_raw(b, "</tbody></table></div>\n");
	/* who is not reached (one communication at a time) */
	if (q.comm_id) {
		html_raw(b, "<h2>Not reached yet</h2>\n");
		struct comm_recipient *rc;
		size_t nr;
		if (comm_recipients(r->db, r->a, q.comm_id, scope, "sent", &rc, &nr, &r->e))
			return -1;
		if (!nr) {
			html_raw(b, "<p class=\"none\">Everyone has been reached.</p>\n");
		} else {
			html_raw(b, "<ul class=\"al-unreached\">");
			for (size_t i = 0; i < nr; i++) {
				html_raw(b, "<li>");
				if (rc[i].person_id)
					person_link(b, rc[i].person_id, rc[i].name);
				else
					html_printf(b, "%s (stakeholder)", rc[i].name);
				if (rc[i].unit)
					html_printf(b, " <span class=\"none\">%s</span>", rc[i].unit);
				html_raw(b, "</li>");
			}
			html_raw(b, "</ul>\n");
		}
	} else {
		html_raw(b, "<p class=\"hint\">Choose one communication to see who has not been "
			    "reached.</p>\n");
	}
	page_end(r);
	return 0;
}

/* --- /comms ------------------------------------------------------------------- */

int comms_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}))
		return -1;
	struct comm_filter f = {0};
	unsigned fset = 0;
	struct comm *v;
	size_t n;
	struct comm_received *in = NULL;
	size_t nin = 0;
	if (api_scope(r, &f.unit_id, &fset, CF_UNIT) ||
	    comm_list(r->db, r->a, &f, fset, &v, &n, &r->e) ||
	    (r->who.person_id && comm_inbox(r->db, r->a, r->who.person_id, &in, &nin, &r->e)))
		return -1;
	const char *today = today_text(r);
	page_begin(r, "Communications", "alignment");
	struct buf *b = &r->page;
	html_raw(b, "<div class=\"title-row\"><h1>Communications</h1>");
	if (r->who.role >= ROLE_MANAGER)
		html_raw(b, "<a class=\"button primary\" href=\"/comms/new\">New communication</a>");
	html_raw(b, "</div>\n<p class=\"lead\">The vision and the strategies as they were told, "
		    "to whom, and whether the senders kept what they promised. See also "
		    "<a href=\"/alignment\">alignment</a> and <a href=\"/stakeholders\">"
		    "stakeholders</a>.</p>\n");
	if (nin) {
		html_raw(b, "<h2>Sent to you</h2>\n<ul class=\"al-inbox\">");
		for (size_t i = 0; i < nin; i++)
			html_printf(b, "<li><a href=\"/comms/%lld\">%s</a> <span class=\"none\">%s"
				       "</span> <span class=\"badge al-st-%s\">%s</span></li>",
				    (long long)in[i].comm_id, in[i].title, in[i].day, in[i].state,
				    in[i].state);
		html_raw(b, "</ul>\n");
	}
	if (!n) {
		html_raw(b, "<p class=\"empty\">No communications in your units yet.</p>\n");
		page_end(r);
		return 0;
	}
	html_printf(b, "<p class=\"count\">%zu communication%s</p>\n<div class=\"table-wrap\">"
		       "<table><thead><tr><th scope=\"col\">Title</th><th scope=\"col\">Day</th>"
		       "<th scope=\"col\">Channel</th><th scope=\"col\">Unit</th>"
		       "<th scope=\"col\">Sender</th><th scope=\"col\">Committed</th></tr></thead>"
		       "<tbody>\n", n, n == 1 ? "" : "s");
	for (size_t i = 0; i < n; i++) {
		html_printf(b, "<tr><td><a href=\"/comms/%lld\">%s</a></td><td>%s</td><td>%s</td>"
			       "<td>%s</td><td>", (long long)v[i].id, v[i].title, v[i].day,
			    v[i].channel, v[i].unit);
		if (v[i].sender_id) {
			struct sayd sd;
			if (comm_sayd(r->db, v[i].sender_id, today, &sd, &r->e))
				return -1;
			person_link(b, v[i].sender_id, v[i].sender);
			html_raw(b, "<br><span class=\"hint\">");
			sayd_text(b, &sd);
			html_raw(b, "</span>");
		} else {
			html_raw(b, "<span class=\"none\">—</span>");
		}
		html_raw(b, "</td><td>");
		if (v[i].sent) {
			struct coverage c;
			if (comm_coverage(r->db, v[i].id, 0, &c, &r->e))
				return -1;
			html_printf(b, "%d%% of %lld", pct(c.committed, c.total), (long long)c.total);
		} else {
			html_raw(b, "<span class=\"badge\">draft</span>");
		}
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody></table></div>\n");
	page_end(r);
	return 0;
}

/* --- /comms/:id ------------------------------------------------------------- */

static const char *const ack_labels[][2] = {
	{"reached", "I have read it"},
	{"understood", "I understand it"},
	{"committed", "I commit to it"},
};

/* The recipient's own buttons: one click each; disagreeing takes an
 * optional comment. */
static void own_buttons(struct req *r, struct buf *b, int64_t id, const char *state,
			const char *comment)
{
	html_printf(b, "<section class=\"al-own\" aria-labelledby=\"al-own-h\"><h2 id=\"al-own-h\">"
		       "Your answer</h2><p>You are <span class=\"badge al-st-%s\">%s</span>.</p>",
		    state, strcmp(state, "sent") == 0 ? "not marked as reached yet" : state);
	html_printf(b, "<form method=\"post\" action=\"/comms/%lld/ack\" class=\"button-row\">",
		    (long long)id);
	html_csrf(b, r);
	for (size_t k = 0; k < sizeof ack_labels / sizeof ack_labels[0]; k++)
		html_printf(b, "<button type=\"submit\" name=\"state\" value=\"%s\"%s>%s</button>",
			    ack_labels[k][0], strcmp(state, ack_labels[k][0]) == 0 ? " class=\"primary\"" : "",
			    ack_labels[k][1]);
	html_raw(b, "</form>");
	html_printf(b, "<form method=\"post\" action=\"/comms/%lld/ack\" class=\"stack\">",
		    (long long)id);
	html_csrf(b, r);
	html_raw(b, "<input type=\"hidden\" name=\"state\" value=\"disagrees\">");
	html_input(b, &(struct input){.name = "comment", .label = "What do you disagree with?",
				      .value = strcmp(state, "disagrees") == 0 ? comment : NULL,
				      .maxlength = 2000,
				      .hint = "Optional; the sender reads it."}, &r->e);
	html_raw(b, "<div class=\"actions\"><button type=\"submit\">I disagree</button></div>"
		    "</form></section>\n");
}

static int comm_show_page(struct req *r, int64_t id)
{
	struct comm m;
	if (comm_get(r->db, r->a, id, &m, &r->e))
		return -1;
	const char *state = NULL, *comment = NULL;
	int mine = 0;
	if (r->who.person_id) {
		mine = comm_state_of(r->db, r->a, id, r->who.person_id, &state, &comment, &r->e);
		if (mine < 0)
			return -1;
	}
	struct err e2 = {0};
	int readable = access_check(r->db, &r->who, K_COMM, id, A_READ, &e2) == 0;
	if (!readable && !mine)
		return err_set(&r->e, ERR_NOT_FOUND, "id", "no communication with id %lld",
			       (long long)id);
	int writer = readable && may_write(r, K_COMM, id);
	int is_sender = m.sender_id && m.sender_id == r->who.person_id;
	struct comm_audience *au = NULL;
	struct commitment *k = NULL;
	struct comm_recipient *dis = NULL, *unr = NULL;
	size_t nau = 0, nk = 0, nd = 0, nun = 0;
	struct coverage cov = {0};
	struct sayd sd = {0};
	if ((m.sender_id && comm_sayd(r->db, m.sender_id, today_text(r), &sd, &r->e)) ||
	    commitment_list(r->db, r->a, id, &k, &nk, &r->e))
		return -1;
	if (readable && (comm_audience_list(r->db, r->a, id, &au, &nau, &r->e) ||
			 comm_coverage(r->db, id, 0, &cov, &r->e) ||
			 comm_recipients(r->db, r->a, id, 0, "disagrees", &dis, &nd, &r->e) ||
			 comm_recipients(r->db, r->a, id, 0, "sent", &unr, &nun, &r->e)))
		return -1;
	page_begin(r, m.title, "alignment");
	struct buf *b = &r->page;
	html_printf(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/comms\">"
		       "Communications</a></nav>\n<h1>%s</h1>\n", m.title);
	html_form_error(b, &r->e, 0);
	html_printf(b, "<dl class=\"facts\"><dt>Day</dt><dd>%s</dd><dt>Channel</dt><dd>%s</dd>"
		       "<dt>Unit</dt><dd>%s</dd><dt>Sender</dt><dd>", m.day, m.channel, m.unit);
	if (m.sender_id) {
		person_link(b, m.sender_id, m.sender);
		html_raw(b, " — ");
		sayd_text(b, &sd);
	} else {
		html_raw(b, "<span class=\"none\">—</span>");
	}
	html_raw(b, "</dd><dt>Of</dt><dd>");
	if (m.vision_id)
		html_printf(b, "the vision (%lld)", (long long)m.vision_id);
	else if (m.strategy_id)
		html_printf(b, "strategy %lld", (long long)m.strategy_id);
	else
		html_raw(b, "<span class=\"none\">—</span>");
	html_printf(b, "</dd><dt>Status</dt><dd>%s</dd></dl>\n",
		    m.sent ? "sent" : "draft: not sent yet");
	/* the body: Markdown, rendered safely (web/markdown.h) */
	if (m.body[0]) {
		html_raw(b, "<div class=\"al-body\">");
		markdown_html(b, m.body);
		html_raw(b, "</div>\n");
	}
	if (mine)
		own_buttons(r, b, id, state, comment);
	if (readable && m.sent) {
		html_raw(b, "<h2>Coverage</h2>\n<p>");
		cov_text(b, &cov);
		html_printf(b, ". <a href=\"/alignment?comm_id=%lld\">Per unit</a></p>\n",
			    (long long)id);
		if (cov.total) {
			html_raw(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"al-chart\" "
				    "role=\"img\" aria-label=\"The recipients by state\" width=\"400\" "
				    "height=\"24\" viewBox=\"0 0 400 24\">");
			stacked_bar(b, &cov, 0, 2, 400, 20);
			html_raw(b, "</svg>\n");
			legend(b);
		}
		if (nun) {
			html_printf(b, "<h3>Not reached yet (%zu)</h3><ul class=\"al-unreached\">", nun);
			for (size_t i = 0; i < nun; i++)
				html_printf(b, "<li>%s%s</li>", unr[i].name,
					    unr[i].stakeholder_id ? " (stakeholder)" : "");
			html_raw(b, "</ul>\n");
		}
		if (nd && (is_sender || writer)) {
			html_raw(b, "<h3>Disagreements</h3><ul class=\"al-disagree\">");
			for (size_t i = 0; i < nd; i++) {
				html_printf(b, "<li><strong>%s</strong>", dis[i].name);
				if (dis[i].comment && dis[i].comment[0])
					html_printf(b, ": “%s”", dis[i].comment);
				html_raw(b, "</li>");
			}
			html_raw(b, "</ul>\n");
		}
	}
	if (readable) {
		html_raw(b, "<h2>Audience</h2>\n");
		if (!nau)
			html_raw(b, "<p class=\"none\">No audience yet.</p>\n");
		else {
			html_raw(b, "<ul>");
			for (size_t i = 0; i < nau; i++)
				html_printf(b, "<li>%s %s</li>", au[i].kind,
					    au[i].name ? au[i].name : "(removed)");
			html_raw(b, "</ul>\n");
		}
		if (writer && !m.sent) {
			struct unit *u;
			size_t nu, no, np;
			struct stakeholder *sh;
			size_t ns;
			if (page_units(r, &u, &nu) ||
			    stakeholder_list(r->db, r->a, NULL, 0, &sh, &ns, &r->e))
				return -1;
			struct option *uo = unit_options(r, u, nu, "", "—", &no);
			struct option *po = people_options(r, "", "—", &np);
			struct option *so = arena_alloc(r->a, (ns + 1) * sizeof *so);
			if (!uo || !po || !so)
				return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
			so[0] = (struct option){"", "—"};
			for (size_t i = 0; i < ns; i++)
				so[i + 1] = (struct option){input_id(r, sh[i].id), sh[i].name};
			html_printf(b, "<form method=\"post\" action=\"/comms/%lld/audience\" "
				       "class=\"stack\">", (long long)id);
			html_csrf(b, r);
			html_select(b, &(struct select){.name = "unit_id", .label = "Add a unit",
							.options = uo, .n = no, .selected = "",
							.hint = "Its people and those of the units under it."},
				    &r->e);
			html_select(b, &(struct select){.name = "person_id", .label = "or a person",
							.options = po, .n = np, .selected = ""}, &r->e);
			html_select(b, &(struct select){.name = "stakeholder_id",
							.label = "or a stakeholder", .options = so,
							.n = ns + 1, .selected = ""}, &r->e);
			html_raw(b, "<div class=\"actions\"><button type=\"submit\">Add to the audience"
				    "</button></div></form>\n");
			if (nau) {
				html_printf(b, "<form method=\"post\" action=\"/comms/%lld/send\">",
					    (long long)id);
				html_csrf(b, r);
				html_raw(b, "<button type=\"submit\" class=\"primary\">Send it</button> "
					    "<span class=\"hint\">The audience is then fixed.</span>"
					    "</form>\n");
			}
		}
	}
	/* commitments */
	html_raw(b, "<h2>Commitments</h2>\n");
	if (!nk)
		html_raw(b, "<p class=\"none\">No commitment made in it.</p>\n");
	else {
		html_raw(b, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Promise"
			    "</th><th scope=\"col\">Due</th><th scope=\"col\">Status</th>"
			    "<th scope=\"col\">Closed</th></tr></thead><tbody>\n");
		for (size_t i = 0; i < nk; i++) {
			html_printf(b, "<tr><td>%s</td><td>%s</td><td><span class=\"badge al-k-%s\">%s"
				       "</span>", k[i].text, k[i].due ? k[i].due : "—", k[i].status,
				    k[i].status);
			if (writer && strcmp(k[i].status, "open") == 0) {
				html_printf(b, " <form method=\"post\" action=\"/commitments/%lld\" "
					       "class=\"al-inline\">", (long long)k[i].id);
				html_csrf(b, r);
				html_raw(b, "<button type=\"submit\" name=\"status\" value=\"kept\">Kept"
					    "</button> <button type=\"submit\" name=\"status\" "
					    "value=\"broken\">Broken</button></form>");
			}
			html_printf(b, "</td><td>%s</td></tr>\n", k[i].closed ? k[i].closed : "—");
		}
		html_raw(b, "</tbody></table></div>\n");
	}
	if (writer) {
		html_printf(b, "<form method=\"post\" action=\"/comms/%lld/commitments\" "
			       "class=\"stack\">", (long long)id);
		html_csrf(b, r);
		html_input(b, &(struct input){.name = "text", .label = "A promise made in it",
					      .maxlength = 500}, &r->e);
		html_input(b, &(struct input){.name = "due", .label = "Due", .type = "date"}, &r->e);
		html_raw(b, "<div class=\"actions\"><button type=\"submit\">Add the promise</button>"
			    "</div></form>\n");
	}
	page_end(r);
	return 0;
}

int comm_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}))
		return -1;
	return comm_show_page(r, r->id);
}

/* After a failed action on the comm page: nothing was written; the page
 * again, with the error above it and beside its field. */
static int comm_action_failed(struct req *r)
{
	if (form_failed(r))
		return -1;
	return comm_show_page(r, r->id);
}

/* POST /comms/:id/ack: routed K_NONE; the person acting is the one
 * signed in, and a comm they did not receive is 404. */
int comm_ack_page(struct req *r)
{
	struct comm_ack_input in = {0};
	unsigned set = 0;
	if (access_self(&r->who, "acknowledge a communication", &r->e))
		return -1;
	static const struct field ack_form_fields[] = {
		{.name = "state", .type = FT_ENUM, .offset = offsetof(struct comm_ack_input, state),
		 .bit = ACK_STATE, .choices = comm_ack_states, .required = 1},
		{.name = "comment", .type = FT_TEXT,
		 .offset = offsetof(struct comm_ack_input, comment), .bit = ACK_COMMENT,
		 .max = 2000},
		{0},
	};
	if (form_fill(&r->form, ack_form_fields, &in, &set, &r->e))
		return comm_action_failed(r);
	in.person_id = r->who.person_id;
	set |= ACK_PERSON;
	if (comm_ack(r->db, r->id, &in, set, &r->e)) {
		if (r->e.status == ERR_NOT_FOUND)
			return -1;
		return comm_action_failed(r);
	}
	return page_redirect(r, "/comms/%lld", (long long)r->id);
}

int comm_audience_page(struct req *r)
{
	struct comm_audience_input in = {0};
	unsigned set = 0;
	if (form_fill(&r->form, comm_audience_fields, &in, &set, &r->e) ||
	    comm_audience_add(r->db, r->id, &in, set, &r->e))
		return comm_action_failed(r);
	return page_redirect(r, "/comms/%lld", (long long)r->id);
}

int comm_send_page(struct req *r)
{
	int64_t n;
	if (comm_send(r->db, r->id, &n, &r->e))
		return comm_action_failed(r);
	return page_redirect(r, "/comms/%lld", (long long)r->id);
}

int comm_promise_page(struct req *r)
{
	struct commitment_input in = {0};
	unsigned set = 0;
	int64_t cid;
	if (form_fill(&r->form, commitment_fields, &in, &set, &r->e) ||
	    commitment_add(r->db, r->id, &in, set, &cid, &r->e))
		return comm_action_failed(r);
	return page_redirect(r, "/comms/%lld", (long long)r->id);
}

/* POST /commitments/:id: routed K_NONE (there is no commitment kind): the
 * right to close it is the right to change its comm. */
int commitment_update_page(struct req *r)
{
	struct commitment k;
	struct err e2 = {0};
	if (commitment_get(r->db, r->a, r->id, &k, &e2) ||
	    access_check(r->db, &r->who, K_COMM, k.comm_id, A_READ, &e2)) {
		if (e2.status != ERR_NOT_FOUND) {
			r->e = e2;
			return -1;
		}
		return err_set(&r->e, ERR_NOT_FOUND, "id", "no commitment with id %lld",
			       (long long)r->id);
	}
	if (access_check(r->db, &r->who, K_COMM, k.comm_id, A_WRITE, &r->e))
		return -1;
	struct commitment_input in = {0};
	unsigned set = 0;
	if (form_fill(&r->form, commitment_set_fields, &in, &set, &r->e) ||
	    commitment_set(r->db, r->id, &in, set, today_text(r), &r->e))
		return -1;
	return page_redirect(r, "/comms/%lld", (long long)k.comm_id);
}

/* --- /comms/new --------------------------------------------------------------- */

struct comm_vals {
	const char *title, *body, *channel, *day, *sender_id, *unit_id, *vision_id,
		*strategy_id, *audience_unit;
};

static int comm_form(struct req *r, const struct comm_vals *v)
{
	struct unit *u;
	size_t nu, no, np;
	if (page_units(r, &u, &nu))
		return -1;
	struct option *uo = unit_options(r, u, nu, "", "The sender's unit", &no);
	struct option *ao = unit_options(r, u, nu, "", "None yet", &(size_t){0});
	struct option *po = people_options(r, "", "No one", &np);
	if (!uo || !ao || !po)
		return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	struct option co[5];
	for (int k = 0; k < 5; k++)
		co[k] = (struct option){comm_channels[k], comm_channels[k]};
	page_begin(r, "New communication", "alignment");
	struct buf *b = &r->page;
	html_raw(b, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/comms\">"
		    "Communications</a></nav>\n<h1>New communication</h1>\n");
	html_form_error(b, &r->e, 1);
	html_raw(b, "<form method=\"post\" action=\"/comms\" class=\"stack\" novalidate>\n");
	html_csrf(b, r);
	html_input(b, &(struct input){.name = "title", .label = "Title", .value = v->title,
				      .required = 1, .maxlength = 200}, &r->e);
	html_select(b, &(struct select){.name = "channel", .label = "Channel", .options = co,
					.n = 5, .selected = v->channel ? v->channel : "email",
					.required = 1}, &r->e);
	html_input(b, &(struct input){.name = "day", .label = "Day", .type = "date",
				      .value = v->day ? v->day : today_text(r), .required = 1},
		   &r->e);
	html_raw(b, "<div class=\"field\"><label for=\"f-body\">Message</label>"
		    "<span class=\"hint\">Markdown; shown as written, line breaks kept.</span>");
	html_printf(b, "<textarea id=\"f-body\" name=\"body\" rows=\"8\" maxlength=\"100000\">%s"
		       "</textarea></div>\n", v->body ? v->body : "");
	html_select(b, &(struct select){.name = "sender_id", .label = "Sender", .options = po,
					.n = np, .selected = v->sender_id ? v->sender_id :
					input_id(r, r->who.person_id)}, &r->e);
	html_select(b, &(struct select){.name = "unit_id", .label = "Unit", .options = uo,
					.n = no, .selected = v->unit_id ? v->unit_id : "",
					.hint = "Who may read and change it."}, &r->e);
	html_input(b, &(struct input){.name = "vision_id", .label = "Of the vision (its id)",
				      .type = "number", .min = "1", .step = "1",
				      .value = v->vision_id}, &r->e);
	html_input(b, &(struct input){.name = "strategy_id", .label = "Or of a strategy (its id)",
				      .type = "number", .min = "1", .step = "1",
				      .value = v->strategy_id}, &r->e);
	html_select(b, &(struct select){.name = "audience_unit", .label = "Audience",
					.options = ao, .n = no, .selected = v->audience_unit ?
					v->audience_unit : "",
					.hint = "A unit to start with; add people and stakeholders "
						"on the next page."}, &r->e);
	html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Add the "
		    "communication</button> <a href=\"/comms\">Cancel</a></div>\n</form>\n");
	page_end(r);
	return 0;
}

int comm_new_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}) || may_create(r, "communications"))
		return -1;
	struct comm_vals v = {0};
	return comm_form(r, &v);
}

int comm_create_page(struct req *r)
{
	struct comm_input in = {0};
	unsigned set = 0;
	int64_t id;
	struct comm_audience_input au = {0};
	unsigned aset = 0;
	static const struct field audience_unit_field[] = {
		{.name = "audience_unit", .type = FT_ID,
		 .offset = offsetof(struct comm_audience_input, unit_id), .bit = CA_UNIT},
		{0},
	};
	/* each table reads its own keys; form_fill ignores the others */
	if (form_fill(&r->form, comm_fields, &in, &set, &r->e) ||
	    form_fill(&r->form, audience_unit_field, &au, &aset, &r->e) ||
	    comm_add(r->db, &in, set, &id, &r->e) ||
	    (aset && comm_audience_add(r->db, id, &au, aset, &r->e))) {
		if (form_failed(r))
			return -1;
		const struct form *f = &r->form;
		struct comm_vals v = {
			.title = form_get(f, "title"), .body = form_get(f, "body"),
			.channel = form_get(f, "channel"), .day = form_get(f, "day"),
			.sender_id = form_get(f, "sender_id"), .unit_id = form_get(f, "unit_id"),
			.vision_id = form_get(f, "vision_id"),
			.strategy_id = form_get(f, "strategy_id"),
			.audience_unit = form_get(f, "audience_unit")};
		return comm_form(r, &v);
	}
	return page_redirect(r, "/comms/%lld", (long long)id);
}

/* --- /stakeholders ------------------------------------------------------------- */

static int stakeholders_render(struct req *r, const struct stakeholder_input *keep)
{
	struct stakeholder *v;
	size_t n, np;
	if (stakeholder_list(r->db, r->a, NULL, 0, &v, &n, &r->e))
		return -1;
	page_begin(r, "Stakeholders", "lead");
	struct buf *b = &r->page;
	html_raw(b, "<h1>Stakeholders</h1>\n<p class=\"lead\">People outside the org chart whom "
		    "the vision must reach: customers, suppliers, partners, officials, the "
		    "board. Their relationship owner records where they stand.</p>\n");
	size_t shown = 0;
	for (size_t i = 0; i < n; i++) {
		struct err e2 = {0};
		if (access_check(r->db, &r->who, K_STAKEHOLDER, v[i].id, A_READ, &e2) == 0)
			v[shown++] = v[i];
	}
	if (!shown) {
		html_raw(b, "<p class=\"empty\">No stakeholders in your units yet.</p>\n");
	} else {
		html_printf(b, "<p class=\"count\">%zu stakeholder%s</p><div class=\"table-wrap\">"
			       "<table><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Kind"
			       "</th><th scope=\"col\">Owner</th><th scope=\"col\">Note</th></tr>"
			       "</thead><tbody>\n", shown, shown == 1 ? "" : "s");
		for (size_t i = 0; i < shown; i++) {
			html_printf(b, "<tr><td>%s</td><td>%s</td><td>", v[i].name, v[i].kind);
			if (v[i].owner_id)
				person_link(b, v[i].owner_id, v[i].owner);
			else
				html_raw(b, "<span class=\"none\">—</span>");
			html_printf(b, "</td><td>%s</td></tr>\n", v[i].note);
		}
		html_raw(b, "</tbody></table></div>\n");
	}
	if (r->who.role >= ROLE_MANAGER) {
		static const char *const kinds[] = {"customer", "supplier", "partner", "official",
						    "board", "other"};
		struct option ko[6];
		for (int k = 0; k < 6; k++)
			ko[k] = (struct option){kinds[k], kinds[k]};
		struct option *po = people_options(r, "", "No one", &np);
		if (!po)
			return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
		html_raw(b, "<h2>Add a stakeholder</h2>\n");
		html_form_error(b, &r->e, 1);
		html_raw(b, "<form method=\"post\" action=\"/stakeholders\" class=\"stack\" "
			    "novalidate>");
		html_csrf(b, r);
		html_input(b, &(struct input){.name = "name", .label = "Name",
					      .value = keep ? keep->name : NULL, .required = 1,
					      .maxlength = 200}, &r->e);
		html_select(b, &(struct select){.name = "kind", .label = "Kind", .options = ko,
						.n = 6, .selected = keep && keep->kind ? keep->kind
						: "customer"}, &r->e);
		html_select(b, &(struct select){.name = "owner_id", .label = "Relationship owner",
						.options = po, .n = np, .selected = ""}, &r->e);
		html_input(b, &(struct input){.name = "note", .label = "Note",
					      .value = keep ? keep->note : NULL, .maxlength = 2000},
			   &r->e);
		html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Add "
			    "the stakeholder</button></div></form>\n");
	}
	page_end(r);
	return 0;
}

int stakeholders_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}))
		return -1;
	return stakeholders_render(r, NULL);
}

int stakeholder_create_page(struct req *r)
{
	struct stakeholder_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (form_fill(&r->form, stakeholder_fields, &in, &set, &r->e) ||
	    stakeholder_add(r->db, &in, set, &id, &r->e)) {
		if (form_failed(r))
			return -1;
		struct stakeholder_input keep = {.name = form_get(&r->form, "name"),
						 .kind = form_get(&r->form, "kind"),
						 .note = form_get(&r->form, "note")};
		return stakeholders_render(r, &keep);
	}
	return page_redirect(r, "/stakeholders");
}
