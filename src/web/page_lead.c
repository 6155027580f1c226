/* page_lead: /lead, the leadership system on one page: Kotter's three
 * processes of leadership (setting a direction, aligning people,
 * motivating and inspiring), each with the figures that need attention
 * and the pages that explain them; and /api/v1/lead, the same figures as
 * JSON. The counterpart of page_manage.c. */
#include "base/json.h"
#include "lead/lead_overview.h"
#include "web/page.h"

int lead_overview_api(struct req *r)
{
	int64_t unit;
	char today[11];
	struct lead_overview o;
	if (overview_scope(r, &unit, today) || lead_overview_get(r->db, unit, today, &o, &r->e))
		return -1;
	json_t *v = json_object();
	json_set_id(v, "unit_id", unit);
	json_set_str(v, "as_of", today);
	json_t *d = json_object(), *a = json_object(), *m = json_object();
	json_object_set_new(d, "vision", json_boolean(o.has_vision));
	json_object_set_new(d, "vision_review_due", json_boolean(o.vision_review_due));
	json_set_int(d, "active_strategies", o.strategies);
	json_set_int(d, "strategies_without_plan", o.strategies_unplanned);
	json_set_int(d, "open_plans_without_strategy", o.plans_undirected);
	json_set_int(d, "signals_last_90_days", o.signals_90d);
	json_set_int(d, "signals_not_reviewed", o.signals_unreviewed);
	json_set_int(a, "communications_last_90_days", o.comms_90d);
	json_set_int(a, "recipients", o.recipients);
	json_set_int(a, "committed", o.committed);
	json_set_int(a, "not_reached", o.unreached);
	json_set_int(a, "coalitions", o.coalitions);
	json_set_int(m, "recognitions_last_30_days", o.recognitions_30d);
	json_set_int(m, "open_ideas", o.ideas_open);
	json_set_int(m, "ideas_unanswered_30_days", o.ideas_overdue);
	json_set_int(m, "open_pulses", o.pulses_open);
	json_object_set_new(v, "setting_a_direction", d);
	json_object_set_new(v, "aligning_people", a);
	json_object_set_new(v, "motivating_and_inspiring", m);
	return api_reply(r, 200, v);
}

int lead_page(struct req *r)
{
	int64_t unit;
	char today[11];
	struct lead_overview o;
	if (overview_scope(r, &unit, today) || lead_overview_get(r->db, unit, today, &o, &r->e))
		return -1;
	page_begin(r, "Leadership", "lead");
	struct buf *b = &r->page;
	html_raw(b, "<h1>Leadership</h1>\n<p class=\"lead\">Leadership copes with change: it "
		    "sets a direction, aligns people behind it and keeps them moving. Three "
		    "processes do it; each card counts what needs attention and leads to the "
		    "pages that explain it.</p>\n<div class=\"cards mg\">\n");

	html_raw(b, "<section class=\"card\" aria-labelledby=\"ld-dir\"><h2 id=\"ld-dir\">"
		    "Setting a direction</h2><p>A vision of the future, the strategies that "
		    "reach it, and what the environment is saying.</p><ul class=\"mg-figs\">");
	if (o.has_vision)
		html_printf(b, "<li><span class=\"mg-n\">%lld</span> the vision's horizon%s</li>",
			    (long long)o.vision_horizon,
			    o.vision_review_due ? ", <strong>due for review</strong>" : "");
	else
		html_raw(b, "<li><strong>No current vision</strong></li>");
	overview_figure(b, o.strategies, "active strategies");
	if (o.strategies_unplanned)
		overview_figure(b, o.strategies_unplanned, "strategies with no plan");
	if (o.plans_undirected)
		overview_figure(b, o.plans_undirected, "open plans serving no strategy");
	overview_figure(b, o.signals_90d, "signals in 90 days");
	if (o.signals_unreviewed)
		overview_figure(b, o.signals_unreviewed, "signals not reviewed");
	html_raw(b, "</ul><ul class=\"plain\">");
	overview_link(b, "/direction", "Direction", "the vision, the strategies and their plans");
	overview_link(b, "/signals", "Signals", "what the environment says");
	overview_link(b, "/themes", "Themes", "signals grouped, their pressure and trend");
	html_raw(b, "</ul></section>\n");

	html_raw(b, "<section class=\"card\" aria-labelledby=\"ld-align\"><h2 id=\"ld-align\">"
		    "Aligning people</h2><p>Communicating the direction to everyone who can "
		    "help or block it, until they understand and commit.</p>"
		    "<ul class=\"mg-figs\">");
	overview_figure(b, o.comms_90d, "communications in 90 days");
	if (o.recipients)
		html_printf(b, "<li><span class=\"mg-n\">%lld%%</span> of recipients committed</li>",
			    (long long)((o.committed * 100 + o.recipients / 2) / o.recipients));
	if (o.unreached)
		overview_figure(b, o.unreached, "not reached yet");
	overview_figure(b, o.coalitions, "coalitions");
	html_raw(b, "</ul><ul class=\"plain\">");
	overview_link(b, "/alignment", "Alignment", "who has been reached, understands, commits");
	overview_link(b, "/comms", "Communications", "what was said, to whom, and kept promises");
	overview_link(b, "/stakeholders", "Stakeholders", "people outside the org chart");
	overview_link(b, "/coalitions", "Coalitions", "guiding coalitions and what they cover");
	html_raw(b, "</ul></section>\n");

	html_raw(b, "<section class=\"card\" aria-labelledby=\"ld-mot\"><h2 id=\"ld-mot\">"
		    "Motivating and inspiring</h2><p>Values lived and recognized, ideas heard "
		    "and answered, and how people feel.</p><ul class=\"mg-figs\">");
	overview_figure(b, o.recognitions_30d, "recognitions in 30 days");
	overview_figure(b, o.ideas_open, "open ideas");
	if (o.ideas_overdue)
		overview_figure(b, o.ideas_overdue, "ideas unanswered for 30 days");
	overview_figure(b, o.pulses_open, "open pulse surveys");
	html_raw(b, "</ul><ul class=\"plain\">");
	overview_link(b, "/recognitions", "Recognitions", "the feed, tied to values");
	overview_link(b, "/ideas", "Ideas", "proposals, votes and answers");
	overview_link(b, "/pulses", "Pulse surveys", "anonymous, shown for groups of five or more");
	overview_link(b, "/values", "Values", "what the organization stands for");
	overview_link(b, "/notes", "Coaching notes", "between you and your manager or reports");
	html_raw(b, "</ul></section>\n</div>\n");
	page_end(r);
	return 0;
}
