/* page_manage: /manage, the management system on one page: Kotter's
 * three processes of management (planning and budgeting, organizing and
 * staffing, controlling and problem solving), each with its few figures
 * and the pages that explain them; and /api/v1/overview, the same
 * figures as JSON. */
#include <string.h>

#include "base/date.h"
#include "base/json.h"
#include "manage/overview.h"
#include "web/page.h"

struct manage_q {
	int64_t unit_id;
};
enum { MQ_UNIT = 1u << 0 };
static const struct field manage_q_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct manage_q, unit_id),
	 .bit = MQ_UNIT, .help = "the unit whose subtree to count (default: all you may read)"},
	{0},
};

int overview_scope(struct req *r, int64_t *unit_id, char today[11])
{
	struct manage_q q = {0};
	unsigned set = 0;
	*unit_id = 0;
	if (page_query(r, manage_q_fields, &q, &set) || api_scope(r, &q.unit_id, &set, MQ_UNIT))
		return -1;
	date_format(date_today(), today);
	if (!(set & MQ_UNIT))
		return 0;
	*unit_id = q.unit_id;
	if (access_check(r->db, &r->who, K_UNIT, q.unit_id, A_READ, &r->e)) {
		if (r->e.status == ERR_NOT_FOUND) {
			err_clear(&r->e);
			err_set(&r->e, ERR_NOT_FOUND, "unit_id", "unit_id: no unit with id %lld",
				(long long)q.unit_id);
		}
		return -1;
	}
	return 0;
}

/* The actor's scope, narrowed to the unit asked for, and its figures. */
static int manage_scope(struct req *r, struct manage_q *q, struct overview *o, char today[11])
{
	if (overview_scope(r, &q->unit_id, today))
		return -1;
	return overview_get(r->db, q->unit_id, today, o, &r->e);
}

int overview_api(struct req *r)
{
	struct manage_q q = {0};
	struct overview o;
	char today[11];
	if (manage_scope(r, &q, &o, today))
		return -1;
	json_t *v = json_object();
	json_set_id(v, "unit_id", q.unit_id);
	json_set_str(v, "as_of", today);
	json_t *p = json_object(), *s = json_object(), *c = json_object();
	json_set_int(p, "targets", o.targets);
	json_set_int(p, "targets_without_plan", o.targets_unplanned);
	json_set_int(p, "open_plans", o.plans_open);
	json_set_int(p, "open_plans_without_budget", o.plans_unbudgeted);
	json_set_int(s, "people", o.people);
	json_set_int(s, "managers", o.managers);
	json_set_int(s, "positions", o.positions);
	json_set_int(s, "seats", o.seats);
	json_set_int(s, "filled", o.filled);
	json_set_int(s, "vacancies", o.seats > o.filled ? o.seats - o.filled : 0);
	json_set_int(c, "overdue_steps", o.steps_overdue);
	json_set_int(c, "open_problems", o.problems_open);
	json_set_int(c, "overdue_problems", o.problems_overdue);
	json_set_hours(c, "hours_last_28_days", o.minutes_28d);
	json_object_set_new(v, "planning_and_budgeting", p);
	json_object_set_new(v, "organizing_and_staffing", s);
	json_object_set_new(v, "controlling_and_problem_solving", c);
	return api_reply(r, 200, v);
}

void overview_figure(struct buf *b, int64_t n, const char *words)
{
	html_printf(b, "<li><span class=\"mg-n\">%lld</span> %s</li>", (long long)n, words);
}

void overview_link(struct buf *b, const char *href, const char *label, const char *what)
{
	html_printf(b, "<li><a href=\"%s\">%s</a> <span class=\"muted\">%s</span></li>", href,
		    label, what);
}

int manage_page(struct req *r)
{
	struct manage_q q = {0};
	struct overview o;
	char today[11];
	if (manage_scope(r, &q, &o, today))
		return -1;
	page_begin(r, "Management", "manage");
	struct buf *b = &r->page;
	html_raw(b, "<h1>Management</h1>\n<p class=\"lead\">Management copes with complexity: "
		    "it brings order to plans, budgets, structures and results. Three processes "
		    "do it; each card counts what needs attention and leads to the pages that "
		    "explain it.</p>\n"
		    "<div class=\"cards mg\">\n");

	html_raw(b, "<section class=\"card\" aria-labelledby=\"mg-plan\"><h2 id=\"mg-plan\">"
		    "Planning and budgeting</h2><p>Targets, the plans that reach them, their "
		    "schedules and the money they may spend.</p><ul class=\"mg-figs\">");
	overview_figure(b, o.targets, "targets");
	if (o.targets_unplanned)
		overview_figure(b, o.targets_unplanned, "targets with no plan");
	overview_figure(b, o.plans_open, "open plans");
	if (o.plans_unbudgeted)
		overview_figure(b, o.plans_unbudgeted, "open plans without a budget");
	html_raw(b, "</ul><ul class=\"plain\">");
	overview_link(b, "/targets", "Targets", "metrics, goals and progress");
	overview_link(b, "/plans", "Plans", "steps, schedules and the critical path");
	overview_link(b, "/budgets", "Budgets", "budget against actual, by category");
	overview_link(b, "/expenses", "Expenses", "what plans spent besides time");
	overview_link(b, "/tools", "Tools", "assets and their cost");
	overview_link(b, "/calendar", "Calendar", "working days and holidays");
	html_raw(b, "</ul></section>\n");

	html_raw(b, "<section class=\"card\" aria-labelledby=\"mg-org\"><h2 id=\"mg-org\">"
		    "Organizing and staffing</h2><p>Positions and the skills they need, who fills "
		    "them, who answers for what, and how much each person carries.</p>"
		    "<ul class=\"mg-figs\">");
	overview_figure(b, o.people, "people");
	overview_figure(b, o.filled, o.seats == 1 ? "of 1 seat filled" : "seats filled");
	if (o.seats > o.filled)
		overview_figure(b, o.seats - o.filled, "vacancies");
	overview_figure(b, o.managers, "managers");
	html_raw(b, "</ul><ul class=\"plain\">");
	overview_link(b, "/staffing", "Staffing", "positions, vacancies, skill match, span of control");
	overview_link(b, "/skills", "Skills", "the skills catalogue");
	overview_link(b, "/capacity", "Capacity", "load against capacity per person and week");
	overview_link(b, "/feed", "Your feed", "the plans published to you");
	html_raw(b, "</ul></section>\n");

	html_raw(b, "<section class=\"card\" aria-labelledby=\"mg-ctl\"><h2 id=\"mg-ctl\">"
		    "Controlling and problem solving</h2><p>Results against the plan, "
		    "deviations found early, and the problems that follow them to a fix.</p>"
		    "<ul class=\"mg-figs\">");
	overview_figure(b, o.steps_overdue, "overdue steps");
	overview_figure(b, o.problems_open, "open problems");
	if (o.problems_overdue)
		overview_figure(b, o.problems_overdue, "problems past their due date");
	html_printf(b, "<li><span class=\"mg-n\">");
	html_hours(b, o.minutes_28d);
	html_raw(b, "</span> hours logged in 28 days</li>");
	html_raw(b, "</ul><ul class=\"plain\">");
	overview_link(b, "/time", "Time", "your timesheet");
	overview_link(b, "/evm", "Earned value", "PV, EV, AC and the indices, up the unit tree");
	overview_link(b, "/problems", "Problems", "the problem log");
	overview_link(b, "/agenda", "Agenda", "the next meeting, from open problems");
	overview_link(b, "/reports/control", "Control report", "a unit and a period on one page");
	html_raw(b, "</ul></section>\n</div>\n");
	page_end(r);
	return 0;
}
