/* pages: the web UI's route table, the pages every visitor meets (home,
 * sign-in, sign-out, errors) and the helpers the page files share (see
 * page.h). Pages are server-rendered and work without JavaScript. */
#include "web/page.h"

#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "manage/plan.h"
#include "manage/step.h"
#include "manage/timelog.h"
#include "org/account.h"
#include "org/person.h"

enum {
	PAGE = ROUTE_PAGE,
	FORM = ROUTE_PAGE | ROUTE_FORM | ROUTE_WRITES,
};

/* Matched after api_routes, in order; the core checks flags, kind and
 * action before the handler runs (see routes.c). */
const struct route page_routes[] = {
	{"GET", "/assets/app.css", css_asset, ROUTE_PUBLIC, K_NONE, A_READ},
	{"GET", "/assets/app.js", js_asset, ROUTE_PUBLIC, K_NONE, A_READ},
	{"GET", "/login", login_page, PAGE | ROUTE_PUBLIC, K_NONE, A_READ},
	{"POST", "/login", login_post_page, FORM | ROUTE_PUBLIC, K_NONE, A_READ},
	{"POST", "/logout", logout_page, FORM, K_NONE, A_READ},
	{"GET", "/", home_page, PAGE, K_NONE, A_READ},
	{"GET", "/manage", manage_page, PAGE, K_NONE, A_READ},
	{"GET", "/lead", lead_page, PAGE, K_NONE, A_READ},

	/* a .../new form names no record: the handler checks the role, the
	 * core checks the reference fields when the form is sent */
	{"GET", "/units", units_page, PAGE, K_UNIT, A_READ},
	{"POST", "/units", unit_create_page, FORM, K_UNIT, A_WRITE},
	{"GET", "/units/new", unit_new_page, PAGE, K_UNIT, A_READ},
	{"GET", "/units/:id", unit_page, PAGE, K_UNIT, A_READ},
	{"POST", "/units/:id", unit_update_page, FORM, K_UNIT, A_WRITE},
	{"GET", "/units/:id/edit", unit_edit_page, PAGE, K_UNIT, A_WRITE},
	{"POST", "/units/:id/delete", unit_delete_page, FORM, K_UNIT, A_WRITE},
	{"GET", "/people", people_page, PAGE, K_PERSON, A_READ},
	{"POST", "/people", person_create_page, FORM, K_PERSON, A_WRITE},
	{"GET", "/people/new", person_new_page, PAGE, K_PERSON, A_READ},
	{"GET", "/people/:id", person_page, PAGE, K_PERSON, A_READ},
	{"POST", "/people/:id", person_update_page, FORM, K_PERSON, A_WRITE},
	{"GET", "/people/:id/edit", person_edit_page, PAGE, K_PERSON, A_WRITE},

	{"GET", "/plans", plans_page, PAGE, K_PLAN, A_READ},
	{"POST", "/plans", plan_create_page, FORM, K_PLAN, A_WRITE},
	{"GET", "/plans/new", plan_new_page, PAGE, K_PLAN, A_READ},
	{"GET", "/plans/:id", plan_page, PAGE, K_PLAN, A_READ},
	{"POST", "/plans/:id", plan_update_page, FORM, K_PLAN, A_WRITE},
	{"GET", "/plans/:id/edit", plan_edit_page, PAGE, K_PLAN, A_WRITE},
	{"POST", "/plans/:id/steps", plan_step_add_page, FORM, K_PLAN, A_WRITE},

	{"GET", "/steps", steps_page, PAGE, K_STEP, A_READ},
	{"GET", "/steps/:id", step_page, PAGE, K_STEP, A_READ},
	{"POST", "/steps/:id", step_update_page, FORM, K_STEP, A_WRITE},
	{"GET", "/steps/:id/edit", step_edit_page, PAGE, K_STEP, A_WRITE},
	{"POST", "/steps/:id/start", step_start_page, FORM, K_STEP, A_WRITE},
	{"POST", "/steps/:id/done", step_done_page, FORM, K_STEP, A_WRITE},
	{"POST", "/steps/:id/deps", step_dep_add_page, FORM, K_STEP, A_WRITE},

	{"GET", "/time", time_page, PAGE, K_TIME, A_READ},
	{"POST", "/time", time_save_page, FORM, K_TIME, A_WRITE},
	{"GET", "/tools", tools_page, PAGE, K_TOOL, A_READ},
	{"POST", "/tools", tool_create_page, FORM, K_TOOL, A_WRITE},
	{"GET", "/tools/new", tool_new_page, PAGE, K_TOOL, A_READ},
	{"GET", "/tools/:id", tool_page, PAGE, K_TOOL, A_READ},
	{"POST", "/tools/:id", tool_update_page, FORM, K_TOOL, A_WRITE},
	{"GET", "/tools/:id/edit", tool_edit_page, PAGE, K_TOOL, A_WRITE},

	/* the calendar and targets */
	{"GET", "/calendar", calendar_page, PAGE, K_NONE, A_READ},
	{"POST", "/calendar/holidays", calendar_holiday_add_page, FORM | ROUTE_ADMIN, K_NONE,
	 A_WRITE},
	{"POST", "/calendar/holidays/delete", calendar_holiday_rm_page, FORM | ROUTE_ADMIN, K_NONE,
	 A_WRITE},
	{"POST", "/calendar/week", calendar_week_page, FORM | ROUTE_ADMIN, K_NONE, A_WRITE},
	{"GET", "/targets", targets_page, PAGE, K_TARGET, A_READ},
	{"POST", "/targets", target_create_page, FORM, K_TARGET, A_WRITE},
	{"GET", "/targets/new", target_new_page, PAGE, K_TARGET, A_READ},
	{"GET", "/targets/:id", target_page, PAGE, K_TARGET, A_READ},
	{"POST", "/targets/:id", target_update_page, FORM, K_TARGET, A_WRITE},
	{"GET", "/targets/:id/edit", target_edit_page, PAGE, K_TARGET, A_WRITE},
	{"POST", "/targets/:id/values", target_value_page, FORM, K_TARGET, A_WRITE},
	{"POST", "/targets/:id/plans", target_link_page, FORM, K_TARGET, A_WRITE},
	{"POST", "/targets/:id/plans/:id/delete", target_unlink_page, FORM, K_TARGET, A_WRITE},
	/* budgets, expenses, progress, activity classes */
	{"GET", "/budgets", budgets_page, PAGE, K_BUDGET, A_READ},
	{"POST", "/budgets", budget_create_page, FORM, K_BUDGET, A_WRITE},
	{"GET", "/budgets/new", budget_new_page, PAGE, K_BUDGET, A_READ},
	{"GET", "/budgets/:id/edit", budget_edit_page, PAGE, K_BUDGET, A_WRITE},
	{"POST", "/budgets/:id", budget_update_page, FORM, K_BUDGET, A_WRITE},
	{"POST", "/budgets/:id/delete", budget_delete_page, FORM, K_BUDGET, A_WRITE},
	{"GET", "/expenses", expenses_page, PAGE, K_EXPENSE, A_READ},
	{"POST", "/expenses", expense_create_page, FORM, K_EXPENSE, A_WRITE},
	{"GET", "/expenses/:id/edit", expense_edit_page, PAGE, K_EXPENSE, A_WRITE},
	{"POST", "/expenses/:id", expense_update_page, FORM, K_EXPENSE, A_WRITE},
	{"POST", "/expenses/:id/delete", expense_delete_page, FORM, K_EXPENSE, A_WRITE},
	/* earned value */
	{"GET", "/evm", evm_page, PAGE, K_UNIT, A_READ},
	{"GET", "/plans/:id/evm", plan_evm_page, PAGE, K_PLAN, A_READ},
	/* skills, positions, staffing */
	{"GET", "/staffing", staffing_page, PAGE, K_POSITION, A_READ},
	{"GET", "/skills", skills_page, PAGE, K_NONE, A_READ},
	{"POST", "/skills", skill_create_page, FORM | ROUTE_ADMIN, K_NONE, A_WRITE},
	{"GET", "/skills/:id/edit", skill_edit_page, PAGE | ROUTE_ADMIN, K_NONE, A_WRITE},
	{"POST", "/skills/:id", skill_update_page, FORM | ROUTE_ADMIN, K_NONE, A_WRITE},
	{"POST", "/skills/:id/delete", skill_delete_page, FORM | ROUTE_ADMIN, K_NONE, A_WRITE},
	{"POST", "/positions", position_create_page, FORM, K_POSITION, A_WRITE},
	{"GET", "/positions/new", position_new_page, PAGE, K_POSITION, A_READ},
	{"GET", "/positions/:id", position_page, PAGE, K_POSITION, A_READ},
	{"POST", "/positions/:id", position_update_page, FORM, K_POSITION, A_WRITE},
	{"GET", "/positions/:id/edit", position_edit_page, PAGE, K_POSITION, A_WRITE},
	{"POST", "/positions/:id/delete", position_delete_page, FORM, K_POSITION, A_WRITE},
	{"POST", "/positions/:id/skills", position_need_page, FORM, K_POSITION, A_WRITE},
	{"POST", "/positions/:id/skills/:id/delete", position_unneed_page, FORM, K_POSITION,
	 A_WRITE},
	{"POST", "/positions/:id/staff", position_staff_page, FORM, K_POSITION, A_WRITE},
	{"POST", "/positions/:id/staff/:id/delete", position_unstaff_page, FORM, K_POSITION,
	 A_WRITE},
	{"POST", "/people/:id/skills", person_skill_page, FORM, K_PERSON, A_WRITE},
	{"POST", "/people/:id/skills/:id/delete", person_unskill_page, FORM, K_PERSON, A_WRITE},
	/* RACI, publishing, capacity */
	{"GET", "/plans/:id/raci", plan_raci_page, PAGE, K_PLAN, A_READ},
	{"POST", "/plans/:id/publish", plan_publish_page, FORM, K_PLAN, A_WRITE},
	{"POST", "/steps/:id/raci", step_raci_page, FORM, K_STEP, A_WRITE},
	{"GET", "/feed", feed_page, PAGE, K_NONE, A_READ},
	{"GET", "/capacity", capacity_page, PAGE, K_PERSON, A_READ},
	/* deviation rules, problems, control check */
	{"GET", "/problems", problems_page, PAGE, K_PROBLEM, A_READ},
	{"POST", "/problems", problem_create_page, FORM, K_PROBLEM, A_WRITE},
	/* checks the whole organization: the form names no unit */
	{"POST", "/problems/check", problems_check_page, FORM, K_PROBLEM, A_WRITE},
	{"GET", "/problems/:id", problem_page, PAGE, K_PROBLEM, A_READ},
	{"POST", "/problems/:id", problem_update_page, FORM, K_PROBLEM, A_WRITE},
	{"POST", "/problems/:id/delete", problem_delete_page, FORM, K_PROBLEM, A_WRITE},
	{"GET", "/agenda", agenda_page, PAGE, K_PROBLEM, A_READ},
	{"GET", "/control", control_page, PAGE, K_NONE, A_READ},
	{"POST", "/control", control_save_page, FORM | ROUTE_ADMIN, K_NONE, A_WRITE},
	{"POST", "/units/:id/tolerances", unit_tolerances_save_page, FORM, K_UNIT, A_WRITE},
	/* control report, agenda, complexity */
	{"GET", "/reports/control", report_control_page, PAGE, K_NONE, A_READ},

	/* the leadership system */
	/* vision, strategies, plans linked to them */
	{"GET", "/direction", direction_page, PAGE, K_STRATEGY, A_READ},
	/* the form's unit_id names the scope: none is the organization's (admins) */
	{"POST", "/vision", vision_save_page, FORM, K_VISION, A_WRITE},
	{"GET", "/vision/edit", vision_edit_page, PAGE, K_VISION, A_READ},
	{"GET", "/vision/unit", vision_unit_page, PAGE, K_VISION, A_READ},
	{"GET", "/vision/history", vision_history_page, PAGE, K_VISION, A_READ},
	{"POST", "/strategies", strategy_create_page, FORM, K_STRATEGY, A_WRITE},
	{"GET", "/strategies/new", strategy_new_page, PAGE, K_STRATEGY, A_READ},
	{"GET", "/strategies/:id", strategy_page, PAGE, K_STRATEGY, A_READ},
	{"POST", "/strategies/:id", strategy_update_page, FORM, K_STRATEGY, A_WRITE},
	{"GET", "/strategies/:id/edit", strategy_edit_page, PAGE, K_STRATEGY, A_WRITE},
	{"POST", "/strategies/:id/plans", strategy_link_page, FORM, K_STRATEGY, A_WRITE},
	{"POST", "/strategies/:id/plans/:id/delete", strategy_unlink_page, FORM, K_STRATEGY,
	 A_WRITE},
	/* environment signals and themes */
	{"GET", "/signals", signals_page, PAGE, K_SIGNAL, A_READ},
	{"POST", "/signals", signal_create_page, FORM, K_SIGNAL, A_WRITE},
	{"GET", "/signals/:id", signal_page, PAGE, K_SIGNAL, A_READ},
	{"POST", "/signals/:id", signal_update_page, FORM, K_SIGNAL, A_WRITE},
	{"GET", "/signals/:id/edit", signal_edit_page, PAGE, K_SIGNAL, A_WRITE},
	{"POST", "/signals/:id/review", signal_review_page, FORM, K_SIGNAL, A_WRITE},
	{"POST", "/signals/:id/delete", signal_delete_page, FORM, K_SIGNAL, A_WRITE},
	{"GET", "/themes", themes_page, PAGE, K_NONE, A_READ},
	{"POST", "/themes", theme_create_page, FORM, K_NONE, A_WRITE},
	{"GET", "/themes/:id", theme_page, PAGE, K_NONE, A_READ},
	/* stakeholders, communications, alignment states, commitments */
	{"GET", "/alignment", alignment_page, PAGE, K_NONE, A_READ},
	{"GET", "/comms", comms_page, PAGE, K_NONE, A_READ},
	{"GET", "/comms/new", comm_new_page, PAGE, K_COMM, A_READ},
	{"POST", "/comms", comm_create_page, FORM, K_COMM, A_WRITE},
	/* a recipient reads what was sent to them: the handler checks */
	{"GET", "/comms/:id", comm_page, PAGE, K_NONE, A_READ},
	{"POST", "/comms/:id/ack", comm_ack_page, FORM, K_NONE, A_WRITE},
	{"POST", "/comms/:id/audience", comm_audience_page, FORM, K_COMM, A_WRITE},
	{"POST", "/comms/:id/send", comm_send_page, FORM, K_COMM, A_WRITE},
	{"POST", "/comms/:id/commitments", comm_promise_page, FORM, K_COMM, A_WRITE},
	{"POST", "/commitments/:id", commitment_update_page, FORM, K_NONE, A_WRITE},
	{"GET", "/stakeholders", stakeholders_page, PAGE, K_NONE, A_READ},
	{"POST", "/stakeholders", stakeholder_create_page, FORM, K_STAKEHOLDER, A_WRITE},
	/* coalitions, values, coaching notes */
	{"GET", "/coalitions", coalitions_page, PAGE, K_COALITION, A_READ},
	{"POST", "/coalitions", coalition_create_page, FORM, K_COALITION, A_WRITE},
	{"POST", "/coalitions/:id/delete", coalition_delete_page, FORM, K_COALITION, A_WRITE},
	{"GET", "/coalitions/:id", coalition_page, PAGE, K_COALITION, A_READ},
	{"POST", "/coalitions/:id", coalition_update_page, FORM, K_COALITION, A_WRITE},
	{"GET", "/coalitions/:id/edit", coalition_edit_page, PAGE, K_COALITION, A_WRITE},
	{"POST", "/coalitions/:id/members", coalition_member_page, FORM, K_COALITION, A_WRITE},
	{"POST", "/coalitions/:id/members/:id/delete", coalition_member_delete_page, FORM,
	 K_COALITION, A_WRITE},
	{"GET", "/values", values_page, PAGE, K_NONE, A_READ},
	{"POST", "/values", value_create_page, FORM | ROUTE_ADMIN, K_NONE, A_WRITE},
	{"POST", "/values/:id", value_update_page, FORM | ROUTE_ADMIN, K_NONE, A_WRITE},
	{"POST", "/values/:id/delete", value_delete_page, FORM | ROUTE_ADMIN, K_NONE, A_WRITE},
	/* personal: the signed-in person's notes alone (page_coalition.c) */
	{"GET", "/notes", notes_page, PAGE, K_NONE, A_READ},
	{"POST", "/notes", note_create_page, FORM, K_NONE, A_WRITE},
	/* recognitions and ideas */
	{"GET", "/recognitions", recognitions_page, PAGE, K_NONE, A_READ},
	{"POST", "/recognitions", recognition_create_page, FORM, K_NONE, A_WRITE},
	{"GET", "/ideas", ideas_page, PAGE, K_NONE, A_READ},
	{"POST", "/ideas", idea_create_page, FORM, K_NONE, A_WRITE},
	{"GET", "/ideas/:id", idea_page, PAGE, K_IDEA, A_READ},
	{"POST", "/ideas/:id/vote", idea_vote_page, FORM, K_NONE, A_WRITE},
	{"POST", "/ideas/:id/unvote", idea_unvote_page, FORM, K_NONE, A_WRITE},
	{"POST", "/ideas/:id/answer", idea_answer_page, FORM, K_NONE, A_WRITE},
	/* pulse surveys */
	{"GET", "/pulses", pulses_page, PAGE, K_NONE, A_READ},
	{"GET", "/pulses/:id", pulse_page, PAGE, K_NONE, A_READ},
	{"GET", "/pulses/:id/answer", pulse_answer_page, PAGE, K_NONE, A_READ},
	{"POST", "/pulses/:id/answer", pulse_answer_post_page, FORM, K_NONE, A_READ},

	/* change and balance */
	/* the change tracker and initiative pages; urgency; the network beside the hierarchy */
	{"GET", "/change", change_page, PAGE, K_INITIATIVE, A_READ},
	{"POST", "/change", initiative_create_page, FORM, K_INITIATIVE, A_WRITE},
	{"GET", "/change/:id", initiative_page, PAGE, K_INITIATIVE, A_READ},
	{"POST", "/change/:id/advance", initiative_advance_page, FORM, K_INITIATIVE, A_WRITE},
	{"POST", "/change/:id/obstacles", initiative_obstacle_page, FORM, K_INITIATIVE, A_WRITE},
	{"POST", "/change/:id/obstacles/:id/resolve", initiative_resolve_page, FORM, K_INITIATIVE,
	 A_WRITE},
	{"POST", "/change/:id/wins", initiative_win_page, FORM, K_INITIATIVE, A_WRITE},
	/* a member volunteers as themselves: reading the initiative is enough */
	{"POST", "/change/:id/volunteer", initiative_volunteer_page, FORM, K_INITIATIVE, A_READ},
	{"POST", "/change/:id/unvolunteer", initiative_unvolunteer_page, FORM, K_INITIATIVE,
	 A_READ},
	/* balance: indicators, scores, quadrant, actions, snapshots; settings */
	{"GET", "/balance", balance_page, PAGE, K_NONE, A_READ},
	{"POST", "/balance/snapshots", balance_snapshot_page, FORM, K_NONE, A_WRITE},
	{"GET", "/balance/org", balance_org_page, PAGE, K_NONE, A_READ},
	{"GET", "/balance/units/:id", balance_unit_page, PAGE, K_UNIT, A_READ},
	/* the time profile of the people who manage others */
	{"GET", "/balance/time", balance_time_page, PAGE, K_NONE, A_READ},
	/* the self-assessment, cohorts and workshops */
	{"GET", "/assess", assess_page, PAGE, K_NONE, A_READ},
	{"POST", "/assess", assess_post_page, FORM | ROUTE_PRIVATE, K_NONE, A_WRITE},
	{"GET", "/assess/units/:id", assess_unit_page, PAGE, K_UNIT, A_READ},
	{"GET", "/workshops", workshops_page, PAGE, K_COHORT, A_READ},
	{"POST", "/workshops", workshop_create_page, FORM, K_COHORT, A_WRITE},
	{"GET", "/workshops/:id", workshop_page, PAGE, K_COHORT, A_READ},
	{"POST", "/workshops/:id/close", workshop_close_page, FORM, K_COHORT, A_WRITE},
	/* no sign-in: the join code is the credential; it signs the newcomer in */
	{"GET", "/join", join_page, PAGE | ROUTE_PUBLIC, K_NONE, A_READ},
	{"POST", "/join", join_post_page, FORM | ROUTE_PUBLIC | ROUTE_PRIVATE, K_NONE, A_WRITE},
	{"GET", "/audit", audit_page, PAGE | ROUTE_ADMIN, K_ACCOUNT, A_READ},
	{0},
};

/* --- shared helpers --------------------------------------------------- */

const char *const list_formats[] = {"html", "csv", NULL};

int page_query(struct req *r, const struct field *fields, void *q, unsigned *set)
{
	static const struct field none[] = {{0}};
	return form_query(r, fields ? fields : none, q, set);
}

int list_query(struct req *r, const struct field *fields, void *q, unsigned *set,
	       const char *default_sort)
{
	if (page_query(r, fields, q, set))
		return -1;
	struct listq *l = q;
	if (!l->page)
		l->page = 1;
	if (!l->format)
		l->format = "html";
	if (!l->sort)
		l->sort = default_sort;
	return 0;
}

int is_csv(const struct listq *l)
{
	return l->format && strcmp(l->format, "csv") == 0;
}

struct csv page_csv(struct req *r, const char *filename)
{
	buf_reset(&r->page);
	r->content_type = "text/csv; charset=utf-8";
	r->filename = filename;
	return (struct csv){.b = &r->page};
}

int64_t page_slice(int64_t n, int64_t p, size_t *first, size_t *last)
{
	int64_t pages = n > 0 ? (n + PAGE_SIZE - 1) / PAGE_SIZE : 1;
	if (p < 1)
		p = 1;
	if (p > pages)
		p = pages;
	*first = (size_t)((p - 1) * PAGE_SIZE);
	*last = (size_t)(p * PAGE_SIZE < n ? p * PAGE_SIZE : n);
	if (*first > *last)
		*first = *last;
	return pages;
}

void qs_add(struct buf *q, const char *key, const char *value)
{
	if (!value)
		return;
	buf_puts(q, key);
	buf_putc(q, '=');
	html_url_part(q, value);
	buf_putc(q, '&');
}

void qs_add_int(struct buf *q, const char *key, int64_t v)
{
	buf_printf(q, "%s=%lld&", key, (long long)v);
}

void sort_th(struct buf *b, const char *label, const char *key, const char *current,
	     const char *base)
{
	int here = current && strcmp(current, key) == 0;
	html_raw(b, "<th scope=\"col\"");
	if (here)
		html_raw(b, " aria-sort=\"ascending\"");
	html_printf(b, "><a href=\"%ssort=%s\">%s</a></th>", base, key, label);
}

void csv_link_text(struct buf *b, const char *base, const char *label)
{
	html_printf(b, "<p class=\"download\"><a href=\"%sformat=csv\" download>%s</a></p>\n", base,
		    label);
}

void csv_link(struct buf *b, const char *base)
{
	csv_link_text(b, base, "Download CSV");
}

int page_units(struct req *r, struct unit **out, size_t *n)
{
	if (unit_list(r->db, r->a, out, n, &r->e))
		return -1;
	/* scope: the actor's unit, with its subtree for a manager (the
	 * listing is in tree order: a subtree is a run of deeper rows) */
	int64_t scope;
	int subtree;
	access_scope(&r->who, &scope, &subtree);
	if (!scope)
		return 0;
	struct unit *v = *out;
	size_t k = 0;
	for (size_t i = 0; i < *n; i++) {
		if (v[i].id != scope)
			continue;
		v[k++] = v[i];
		int depth = v[i].depth;
		for (size_t j = i + 1; subtree && j < *n && v[j].depth > depth; j++)
			v[k++] = v[j];
		break;
	}
	*n = k;
	return 0;
}

int unit_in(const struct unit *units, size_t n, int64_t unit)
{
	for (size_t i = 0; i < n; i++)
		if (units[i].id == unit)
			return 1;
	return 0;
}

struct option *unit_options(struct req *r, const struct unit *units, size_t n,
			    const char *first_value, const char *first_label, size_t *count)
{
	struct option *o = arena_alloc(r->a, (n + 1) * sizeof *o);
	size_t k = 0;
	if (!o)
		return NULL;
	if (first_value)
		o[k++] = (struct option){first_value, first_label};
	int base = n ? units[0].depth : 0;
	for (size_t i = 0; i < n; i++) {
		struct buf label = BUF_INIT;
		for (int d = base; d < units[i].depth; d++)
			buf_puts(&label, "\xC2\xA0\xC2\xA0\xC2\xA0");	/* no-break spaces */
		buf_puts(&label, units[i].name);
		o[k].value = arena_printf(r->a, "%lld", (long long)units[i].id);
		o[k].label = arena_strdup(r->a, buf_str(&label));
		buf_free(&label);
		k++;
	}
	*count = k;
	return o;
}

struct option *people_options(struct req *r, const char *first_value, const char *first_label,
			      size_t *count)
{
	return people_options_keep(r, first_value, first_label, NULL, count);
}

struct option *people_options_keep(struct req *r, const char *first_value,
				   const char *first_label, const char *keep, size_t *count)
{
	struct person_filter f = {0};
	struct person *v;
	size_t n;
	unsigned set = 0;
	if (api_scope(r, &f.unit_id, &set, PF_UNIT) ||
	    person_list(r->db, r->a, &f, set, &v, &n, &r->e))
		return NULL;
	struct option *o = arena_alloc(r->a, (n + 2) * sizeof *o);
	size_t k = 0;
	if (!o)
		return NULL;
	if (first_value)
		o[k++] = (struct option){first_value, first_label};
	int kept = !keep || !*keep;
	for (size_t i = 0; i < n; i++) {
		o[k] = (struct option){arena_printf(r->a, "%lld", (long long)v[i].id), v[i].name};
		kept |= o[k].value && strcmp(o[k].value, keep ? keep : "") == 0;
		k++;
	}
	/* a person outside the actor's units stays chosen (a manager's own
	 * manager): saving the form must not quietly clear it */
	int64_t id;
	struct person p;
	struct err ignore = {0};
	if (!kept && field_parse_int(keep, &id) == 0 && id > 0 &&
	    person_get(r->db, r->a, id, &p, &ignore) == 0)
		o[k++] = (struct option){arena_printf(r->a, "%lld", (long long)id), p.name};
	*count = k;
	return o;
}

int may_write(struct req *r, enum kind k, int64_t id)
{
	struct err e = {0};
	return access_check(r->db, &r->who, k, id, A_WRITE, &e) == 0;
}

int may_create(struct req *r, const char *what)
{
	if (r->who.role >= ROLE_MANAGER)
		return 0;
	return err_set(&r->e, ERR_FORBIDDEN, "", "a %s may not create %s: managers and admins do",
		       role_name(r->who.role), what);
}

const char *input_hours(struct req *r, int64_t minutes)
{
	struct buf b = BUF_INIT;
	html_hours(&b, minutes);
	const char *s = b.failed ? "" : arena_strdup(r->a, buf_str(&b));
	buf_free(&b);
	return s;
}

const char *input_money(struct req *r, int64_t cents)
{
	return arena_printf(r->a, "%s%lld.%02lld", cents < 0 ? "-" : "",
			    (long long)(cents < 0 ? -cents : cents) / 100,
			    (long long)(cents < 0 ? -cents : cents) % 100);
}

const char *input_id(struct req *r, int64_t id)
{
	return id ? arena_printf(r->a, "%lld", (long long)id) : "";
}

int form_failed(struct req *r)
{
	if (r->e.status >= 500 || r->e.status == 0)
		return -1;
	/* nothing of the failed write may stay: the domain's rollback doomed
	 * the request's transaction; start it afresh, empty */
	if (db_in_transaction(r->db)) {
		db_rollback(r->db);
		struct err e2 = {0};
		if (db_begin(r->db, &e2)) {
			r->e = e2;
			return -1;
		}
	}
	switch (r->e.status) {
	case ERR_CONFLICT:
	case ERR_TOO_MANY:
	case ERR_FORBIDDEN:
	case ERR_UNAUTHORIZED:
		r->status = r->e.status;
		break;
	default:
		r->status = ERR_BAD_INPUT;
	}
	return 0;
}

int page_redirect(struct req *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	struct buf b = BUF_INIT;
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	r->location = b.failed ? NULL : arena_strdup(r->a, buf_str(&b));
	buf_free(&b);
	if (!r->location)
		return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	r->status = 303;
	r->content_type = "text/html; charset=utf-8";
	buf_reset(&r->page);
	html_printf(&r->page, "<!doctype html><title>See other</title><p><a href=\"%s\">Continue"
			      "</a></p>\n", r->location);
	return 0;
}

void status_badge(struct buf *b, const char *status)
{
	const char *cls = "other";
	if (status && strspn(status, "abcdefghijklmnopqrstuvwxyz_") == strlen(status))
		cls = status;
	html_printf(b, "<span class=\"badge st-%s\">%s</span>", cls, status);
}

void person_link(struct buf *b, int64_t id, const char *name)
{
	if (id)
		html_printf(b, "<a href=\"/people/%lld\">%s</a>", (long long)id, name);
	else
		html_raw(b, "<span class=\"none\">—</span>");
}

/* --- errors ------------------------------------------------------------ */

void page_error(struct req *r)
{
	const struct err *e = &r->e;
	int status = e->status ? e->status : 500;
	const char *title, *say;
	switch (status) {
	case ERR_NOT_FOUND:
		title = "Not found";
		say = "There is no such page or record, or it belongs to units you cannot see.";
		break;
	case ERR_FORBIDDEN:
		title = "Not yours to change";
		say = NULL;
		break;
	case ERR_UNAUTHORIZED:
		title = "Please sign in";
		say = NULL;
		break;
	case ERR_CONFLICT:
		title = "That clashes with what is there";
		say = NULL;
		break;
	case ERR_TOO_MANY:
		title = "Too many attempts";
		say = NULL;
		break;
	case ERR_TOO_LARGE:
		title = "Too large";
		say = NULL;
		break;
	case ERR_UNAVAILABLE:
		title = "The database is unavailable";
		say = "tandem cannot reach its database right now. Please try again in a minute.";
		break;
	default:
		if (status >= 500) {
			title = "Something went wrong";
			say = "tandem could not finish this request; the error is in the server's log. "
			      "Please try again.";
		} else {
			title = "That did not work";
			say = NULL;
		}
	}
	r->status = status;
	page_begin(r, title, NULL);
	struct buf *b = &r->page;
	html_printf(b, "<div class=\"error-page\"><p class=\"status\">Error %d</p><h1>%s</h1>\n",
		    status, title);
	char msg[sizeof e->msg];
	snprintf(msg, sizeof msg, "%s", say ? say : e->msg);
	if (msg[0] >= 'a' && msg[0] <= 'z')
		msg[0] = (char)(msg[0] - 'a' + 'A');
	html_printf(b, "<p>%s</p>\n", msg);
	html_raw(b, "<p><a href=\"/\">Go to the start page</a>");
	if (status == ERR_UNAUTHORIZED || !r->who.account_id)
		html_raw(b, " or <a href=\"/login\">sign in</a>");
	html_raw(b, ".</p></div>\n");
	page_end(r);
}

/* --- sign-in ----------------------------------------------------------- */

struct login_q {
	const char *next;
};
static const struct field login_q_fields[] = {
	{.name = "next", .type = FT_TEXT, .offset = offsetof(struct login_q, next), .bit = 1,
	 .max = 2000},
	{0},
};

/* next if it is a path of this site ("/x", not "//host" or "/\host"),
 * else "/". */
static const char *safe_next(const char *next)
{
	if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\')
		return "/";
	for (const unsigned char *p = (const unsigned char *)next; *p; p++)
		if (*p < 0x21 || *p == 0x7F || *p == '\\')
			return "/";
	return next;
}

static void login_form(struct req *r, const char *pre, const char *login, const char *next)
{
	page_begin(r, "Sign in", NULL);
	struct buf *b = &r->page;
	html_raw(b, "<div class=\"narrow\"><h1>Sign in</h1>\n");
	if (r->e.status)
		html_printf(b, "<div class=\"alert\" role=\"alert\"><p>%s</p></div>\n",
			    r->e.status == ERR_UNAUTHORIZED ? "Wrong login or password." : r->e.msg);
	html_raw(b, "<form method=\"post\" action=\"/login\" class=\"stack\">\n");
	html_printf(b, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">"
		       "<input type=\"hidden\" name=\"next\" value=\"%s\">\n", pre, next);
	struct err none = {0};
	html_input(b, &(struct input){.name = "login", .label = "Login (your email)",
				      .value = login, .autocomplete = "username", .required = 1,
				      .autofocus = !login || !*login, .maxlength = 254}, &none);
	html_input(b, &(struct input){.name = "password", .label = "Password",
				      .type = "password", .autocomplete = "current-password",
				      .required = 1, .autofocus = login && *login,
				      .maxlength = PASSWORD_MAX}, &none);
	html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Sign in"
		    "</button></div>\n</form>\n"
		    "<p class=\"hint\">No account yet? An administrator creates one with "
		    "<code>tandem user add</code>.</p></div>\n");
	page_end(r);
}

int login_page(struct req *r)
{
	struct login_q q = {0};
	unsigned set = 0;
	if (page_query(r, login_q_fields, &q, &set))
		return -1;
	const char *next = safe_next(q.next);
	if (r->who.account_id)
		return page_redirect(r, "%s", next);
	if (sodium_init() < 0)
		return err_set(&r->e, ERR_INTERNAL, "", "libsodium cannot start");
	unsigned char raw[16];
	char pre[33];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(pre, sizeof pre, raw, sizeof raw);
	r->set_cookie = arena_printf(r->a, "tandem_pre=%s; Path=/; HttpOnly; SameSite=Strict", pre);
	login_form(r, pre, "", next);
	return 0;
}

int login_post_page(struct req *r)
{
	const char *login = form_get(&r->form, "login");
	const char *password = form_get(&r->form, "password");
	const char *next = safe_next(form_get(&r->form, "next"));
	char token[TOKEN_CHARS + 1];
	struct actor who;
	/* a failure is answered with the form, and its count is kept: the
	 * transaction commits (session_login dooms nothing when it refuses) */
	if (session_login(r->db, login ? login : "", password ? password : "", r->address, token,
			  &who, &r->e)) {
		if (r->e.status >= 500 || !r->e.status)
			return -1;
		r->status = r->e.status;
		login_form(r, form_get(&r->form, "csrf"), login, next);
		return 0;
	}
	r->set_cookie = arena_printf(r->a, "tandem_session=%s; Path=/; HttpOnly; SameSite=Strict; "
				     "Max-Age=%d", token, (int)SESSION_SECONDS);
	sodium_memzero(token, sizeof token);
	return page_redirect(r, "%s", next);
}

int logout_page(struct req *r)
{
	if (r->who.token_id && token_revoke(r->db, r->who.account_id, r->who.token_id, &r->e))
		return -1;
	r->set_cookie = "tandem_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
	return page_redirect(r, "/login");
}

/* --- home -------------------------------------------------------------- */

static int cmp_due(const void *a, const void *b)
{
	const struct step *x = a, *y = b;
	/* steps with a due day first, earliest first; then by id */
	if (!x->due != !y->due)
		return x->due ? -1 : 1;
	int c = x->due ? strcmp(x->due, y->due) : 0;
	return c ? c : (x->id > y->id) - (x->id < y->id);
}

/* The Monday of day's week. */
static int32_t monday_of(int32_t day)
{
	return day - (date_weekday(day) - 1);
}

int home_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}))
		return -1;
	int32_t today = date_today();
	char today_s[11];
	date_format(today, today_s);
	page_begin(r, "Start", "home");
	struct buf *b = &r->page;
	html_printf(b, "<h1>Hello, %s</h1>\n", r->who.name[0] ? r->who.name : r->who.login);
	if (!r->who.person_id) {
		html_raw(b, "<p>Your account is not linked to a person, so nothing is assigned to "
			    "you and you log no time. Browse the <a href=\"/plans\">plans</a>, the "
			    "<a href=\"/units\">units</a> and the <a href=\"/people\">people</a>.</p>\n");
		page_end(r);
		return 0;
	}
	/* my open steps: doing first, then todo and blocked, each by due day */
	static const char *const open[] = {"doing", "todo", "blocked"};
	struct step *all = NULL;
	size_t nall = 0;
	struct step *parts[3];
	size_t nparts[3];
	for (int i = 0; i < 3; i++) {
		struct step_filter f = {.assignee_id = r->who.person_id, .status = open[i]};
		if (step_list(r->db, r->a, &f, SF_ASSIGNEE | SF_STATUS, &parts[i], &nparts[i], &r->e))
			return -1;
		qsort(parts[i], nparts[i], sizeof *parts[i], cmp_due);
		nall += nparts[i];
	}
	all = arena_alloc(r->a, (nall ? nall : 1) * sizeof *all);
	if (!all)
		return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	for (int i = 0, k = 0; i < 3; i++)
		for (size_t j = 0; j < nparts[i]; j++)
			all[k++] = parts[i][j];
	/* this week's time */
	int32_t mon = monday_of(today);
	char from[11], to[11];
	date_format(mon, from);
	date_format(mon + 6, to);
	struct time_filter tf = {.person_id = r->who.person_id, .from = from, .to = to, .limit = 0};
	struct time_entry *te;
	size_t nte;
	int64_t week_minutes = 0;
	if (time_list(r->db, r->a, &tf, TF_PERSON | TF_FROM | TF_TO | TF_LIMIT, &te, &nte,
		      &week_minutes, &r->e))
		return -1;
	struct person me;
	if (person_get(r->db, r->a, r->who.person_id, &me, &r->e))
		return -1;

	html_raw(b, "<div class=\"cards\">\n<section class=\"card\" aria-labelledby=\"h-week\">"
		    "<h2 id=\"h-week\">This week</h2>\n<p class=\"big\">");
	html_hours(b, week_minutes);
	html_raw(b, " h</p><p>logged since Monday");
	if (me.capacity_minutes) {
		html_raw(b, ", of a capacity of ");
		html_hours(b, me.capacity_minutes);
		html_raw(b, " h");
	}
	html_raw(b, ".</p><p><a class=\"button\" href=\"/time\">Fill in your timesheet</a></p>"
		    "</section>\n");
	size_t overdue = 0;
	for (size_t i = 0; i < nall; i++)
		overdue += all[i].due && strcmp(all[i].due, today_s) < 0;
	html_printf(b, "<section class=\"card\" aria-labelledby=\"h-open\"><h2 id=\"h-open\">"
		       "Open steps</h2>\n<p class=\"big\">%zu</p><p>assigned to you", nall);
	if (overdue)
		html_printf(b, ", <strong class=\"late-text\">%zu overdue</strong>", overdue);
	html_raw(b, ".</p><p><a href=\"/steps?assignee=me\">All your steps</a></p></section>\n");
	html_raw(b, "<section class=\"card\" aria-labelledby=\"h-go\"><h2 id=\"h-go\">Go to</h2>"
		    "<ul class=\"plain\"><li><a href=\"/plans\">Plans</a></li>");
	if (r->who.role >= ROLE_MANAGER)
		html_raw(b, "<li><a href=\"/plans/new\">Start a new plan</a></li>");
	html_printf(b, "<li><a href=\"/units/%lld\">Your unit</a></li>"
		       "<li><a href=\"/people/%lld\">Your profile</a></li></ul></section>\n</div>\n",
		    (long long)r->who.unit_id, (long long)r->who.person_id);

	html_raw(b, "<section aria-labelledby=\"h-steps\"><h2 id=\"h-steps\">What to do next</h2>\n");
	if (!nall) {
		html_raw(b, "<p class=\"empty\">Nothing is assigned to you. Browse the "
			    "<a href=\"/plans\">plans</a> to see what your unit is working on.</p>\n");
	} else {
		html_raw(b, "<div class=\"table-wrap\"><table><caption class=\"sr-only\">Your open "
			    "steps, the ones in progress first</caption><thead><tr>"
			    "<th scope=\"col\">Step</th><th scope=\"col\">Plan</th>"
			    "<th scope=\"col\">Status</th><th scope=\"col\">Due</th></tr></thead>"
			    "<tbody>\n");
		for (size_t i = 0; i < nall; i++) {
			const struct step *s = &all[i];
			struct plan p;
			if (plan_get(r->db, r->a, s->plan_id, &p, &r->e))
				return -1;
			html_printf(b, "<tr><td><a href=\"/steps/%lld\">%s</a></td>"
				       "<td><a href=\"/plans/%lld\">%s</a></td><td>",
				    (long long)s->id, s->name, (long long)p.id, p.name);
			status_badge(b, s->status);
			int late = s->due && strcmp(s->due, today_s) < 0;
			html_printf(b, "</td><td class=\"due%s\">%s%s</td></tr>\n",
				    late ? " late-text" : "", s->due ? s->due : "—",
				    late ? " (overdue)" : "");
		}
		html_raw(b, "</tbody></table></div>\n");
		csv_link(b, "/steps?assignee=me&");
	}
	html_raw(b, "</section>\n");
	page_end(r);
	return 0;
}
