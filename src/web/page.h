/* page: what the web UI's page handlers share (pages.c), and the
 * handlers themselves, one file per area: page_org.c (units, people),
 * page_plan.c (plans, steps, the Gantt chart), page_time.c (the
 * timesheet), page_tool.c (tools), pages.c (home, sign-in, errors, the
 * route table), assets.c (CSS and JS). Handlers render with html.h and answer through
 * struct req (api.h): r->page, r->content_type, r->status, r->location. */
#ifndef TANDEM_PAGE_H
#define TANDEM_PAGE_H

#include <stddef.h>
#include <stdint.h>

#include "org/unit.h"
#include "web/api.h"
#include "web/csv.h"
#include "web/form.h"
#include "web/html.h"

enum { PAGE_SIZE = 50 };	/* rows per page of a list */

/* The query of a list page: its filters, then these three. Each page
 * has its own field table (unknown parameters are a 400, as in the API);
 * LIST_FIELDS adds the common entries for a struct with a member l. */
struct listq {
	const char *sort;	/* a column key of the page */
	int64_t page;		/* 1-based */
	const char *format;	/* "html" or "csv" */
};
extern const char *const list_formats[];
#define LIST_FIELDS(T)                                                                 \
	{.name = "sort", .type = FT_TEXT, .offset = offsetof(T, l.sort), .bit = 1u << 28,    \
	 .max = 20},                                                                    \
	{.name = "page", .type = FT_INT, .offset = offsetof(T, l.page), .bit = 1u << 29,     \
	 .min = 1, .max = 1000000000},                                                  \
	{.name = "format", .type = FT_ENUM, .offset = offsetof(T, l.format), .bit = 1u << 30, \
	 .choices = list_formats}

/* Reads the query through fields into q; NULL fields: the page takes
 * no parameters. */
int page_query(struct req *r, const struct field *fields, void *q, unsigned *set);
/* The same for a list page: q starts with a struct listq l, which gets
 * the defaults page 1, format html and sort default_sort. */
int list_query(struct req *r, const struct field *fields, void *q, unsigned *set,
	       const char *default_sort);
int is_csv(const struct listq *l);
/* Starts a CSV download named filename. */
struct csv page_csv(struct req *r, const char *filename);

/* Rows [*first, *last) of n on page p (1-based, clamped); the number of
 * pages. */
int64_t page_slice(int64_t n, int64_t p, size_t *first, size_t *last);

/* A query string being built: "key=value&" pairs, values percent-encoded. */
void qs_add(struct buf *q, const char *key, const char *value);
void qs_add_int(struct buf *q, const char *key, int64_t v);
/* A column header that sorts by key: base is the list's URL with its
 * filters, ending in '?' or '&'. */
void sort_th(struct buf *b, const char *label, const char *key, const char *current,
	     const char *base);
/* The "Download CSV" link of a list: base as for sort_th, with its sort;
 * csv_link_text with another label. */
void csv_link(struct buf *b, const char *base);
void csv_link_text(struct buf *b, const char *base, const char *label);

/* The units the actor may read, in tree order with depths. */
int page_units(struct req *r, struct unit **out, size_t *n);
/* 1 if unit is among units. */
int unit_in(const struct unit *units, size_t n, int64_t unit);
/* Options for a unit <select>: an optional first option (value, label:
 * e.g. "all", "All units"), then each unit indented by depth. */
struct option *unit_options(struct req *r, const struct unit *units, size_t n,
			    const char *first_value, const char *first_label, size_t *count);
/* Options for a person <select>: first (e.g. "" / "No one"), then the
 * people the actor may read, by name. */
struct option *people_options(struct req *r, const char *first_value, const char *first_label,
			      size_t *count);
/* The same, with the person of id keep (text, as a form sends it) added
 * when the actor may not read them, so that a form keeps its choice. */
struct option *people_options_keep(struct req *r, const char *first_value,
				   const char *first_label, const char *keep, size_t *count);

/* May the actor change this record? Asked quietly, to show or hide a
 * form or a link; the core asks again when the form is sent. */
int may_write(struct req *r, enum kind k, int64_t id);
/* For a .../new form, which names no record: 0 for a manager or an
 * admin, else a 403 in r->e saying that only they create what. */
int may_create(struct req *r, const char *what);
/* Values for an input, in r's arena: minutes as hours ("1.5"), cents
 * as an amount without separators ("1234.50"), an id ("" for 0). */
const char *input_hours(struct req *r, int64_t minutes);
const char *input_money(struct req *r, int64_t cents);
const char *input_id(struct req *r, int64_t id);

/* After a domain error in a form: >= 500 stays an error (-1: the error
 * page); otherwise the transaction is rolled back, nothing is written,
 * r->status becomes 400 (409 for a conflict, 429 for a rate limit) and
 * the caller re-renders the form with r->e beside its field. */
int form_failed(struct req *r);
/* 303 to location (copied into r's arena from a printf format). */
int page_redirect(struct req *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A status as a badge (class "badge st-<status>"). */
void status_badge(struct buf *b, const char *status);
/* A link to a person, or "—" for id 0. */
void person_link(struct buf *b, int64_t id, const char *name);

/* the handlers */
int home_page(struct req *r);
int manage_page(struct req *r);	/* page_manage.c */
int lead_page(struct req *r);		/* page_lead.c */
/* The overview pages' query (page_manage.c): an optional unit_id within
 * what the actor may read (0: all of it), and today's date. */
int overview_scope(struct req *r, int64_t *unit_id, char today[11]);
/* One big number and its words; a link with a line of explanation. */
void overview_figure(struct buf *b, int64_t n, const char *words);
void overview_link(struct buf *b, const char *href, const char *label, const char *what);
int audit_page(struct req *r);	/* page_admin.c */
int login_page(struct req *r);
int login_post_page(struct req *r);
int logout_page(struct req *r);
/* vision, strategies, plans linked to them */
int direction_page(struct req *r);	/* page_direction.c */
int vision_save_page(struct req *r);
int vision_edit_page(struct req *r);
int vision_unit_page(struct req *r);
int vision_history_page(struct req *r);
int strategy_page(struct req *r);
int strategy_new_page(struct req *r);
int strategy_create_page(struct req *r);
int strategy_edit_page(struct req *r);
int strategy_update_page(struct req *r);
int strategy_link_page(struct req *r);
int strategy_unlink_page(struct req *r);
/* environment signals and themes */
int signals_page(struct req *r);	/* page_signal.c */
int signal_create_page(struct req *r);
int signal_page(struct req *r);
int signal_review_page(struct req *r);
int signal_edit_page(struct req *r);
int signal_update_page(struct req *r);
int signal_delete_page(struct req *r);
int themes_page(struct req *r);
int theme_create_page(struct req *r);
int theme_page(struct req *r);
/* the direction page's section: a heat map of the signals of unit_id's
 * subtree (0: all) by category and kind, and the flagged themes */
int signals_direction_section(struct req *r, struct buf *b, int64_t unit_id);
/* stakeholders, communications, alignment states, commitments */
int alignment_page(struct req *r);	/* page_comm.c */
int comms_page(struct req *r);
int comm_new_page(struct req *r);
int comm_create_page(struct req *r);
int comm_page(struct req *r);
int comm_ack_page(struct req *r);
int comm_audience_page(struct req *r);
int comm_send_page(struct req *r);
int comm_promise_page(struct req *r);
int commitment_update_page(struct req *r);
int stakeholders_page(struct req *r);
int stakeholder_create_page(struct req *r);
/* coalitions, values, coaching notes */
int coalitions_page(struct req *r);	/* page_coalition.c */
int coalition_create_page(struct req *r);
int coalition_delete_page(struct req *r);
int coalition_page(struct req *r);
int coalition_edit_page(struct req *r);
int coalition_update_page(struct req *r);
int coalition_member_page(struct req *r);
int coalition_member_delete_page(struct req *r);
int values_page(struct req *r);
int value_create_page(struct req *r);
int value_update_page(struct req *r);
int value_delete_page(struct req *r);
int notes_page(struct req *r);
int note_create_page(struct req *r);
/* recognitions and ideas */
int recognitions_page(struct req *r);
int recognition_create_page(struct req *r);
int ideas_page(struct req *r);
int idea_create_page(struct req *r);
int idea_page(struct req *r);
int idea_vote_page(struct req *r);
int idea_unvote_page(struct req *r);
int idea_answer_page(struct req *r);
/* pulse surveys */
#include "lead/pulse.h"
void pulse_csv(struct buf *b, struct arena *a, const struct pulse_results *r);
/* May the actor read pulse id? Whoever reads its unit may; others whose
 * units were asked may too, seeing their unit's group: *unit_id (and
 * *given) become their unit, or the unit they named within it. 404 in
 * r->e otherwise. */
int pulse_access(struct req *r, int64_t id, int64_t *unit_id, int *given);
int pulses_page(struct req *r);
int pulse_page(struct req *r);
int pulse_answer_page(struct req *r);
int pulse_answer_post_page(struct req *r);
/* the change tracker and initiative pages; urgency; the network beside the hierarchy */
int change_page(struct req *r);	/* page_change.c: the tracker */
int initiative_create_page(struct req *r);
int initiative_page(struct req *r);	/* page_initiative.c */
int initiative_advance_page(struct req *r);
int initiative_obstacle_page(struct req *r);
int initiative_resolve_page(struct req *r);
int initiative_win_page(struct req *r);
int initiative_volunteer_page(struct req *r);
int initiative_unvolunteer_page(struct req *r);
struct urgency;
/* An urgency label as a badge (class chg-urg-true|false|complacency),
 * its why as the title. */
void urgency_badge(struct buf *b, const struct urgency *u);
/* balance: indicators, scores, quadrant, actions, snapshots; settings */
int balance_page(struct req *r);
int balance_snapshot_page(struct req *r);
int balance_unit_page(struct req *r);
int balance_org_page(struct req *r);
/* the time profile of the people who manage others */
int balance_time_page(struct req *r);	/* page_timeprofile.c */
/* the self-assessment, cohorts and workshops */
int assess_page(struct req *r);	/* page_assess.c */
int assess_post_page(struct req *r);
int assess_unit_page(struct req *r);
int workshops_page(struct req *r);	/* page_workshop.c */
int workshop_create_page(struct req *r);
int workshop_page(struct req *r);
int workshop_close_page(struct req *r);
int join_page(struct req *r);
int join_post_page(struct req *r);
int css_asset(struct req *r);
int js_asset(struct req *r);
int units_page(struct req *r);
int unit_page(struct req *r);
int unit_new_page(struct req *r);
int unit_create_page(struct req *r);
int unit_edit_page(struct req *r);
int unit_update_page(struct req *r);
int unit_delete_page(struct req *r);
int people_page(struct req *r);
int person_page(struct req *r);
int person_new_page(struct req *r);
int person_create_page(struct req *r);
int person_edit_page(struct req *r);
int person_update_page(struct req *r);
int plans_page(struct req *r);
int plan_new_page(struct req *r);
int plan_create_page(struct req *r);
int plan_page(struct req *r);
int plan_edit_page(struct req *r);
int plan_update_page(struct req *r);
int plan_step_add_page(struct req *r);
int steps_page(struct req *r);
int step_page(struct req *r);
int step_edit_page(struct req *r);
int step_update_page(struct req *r);
int step_start_page(struct req *r);
int step_done_page(struct req *r);
int step_dep_add_page(struct req *r);
int time_page(struct req *r);
int time_save_page(struct req *r);
int tools_page(struct req *r);
int tool_page(struct req *r);
int tool_new_page(struct req *r);
int tool_create_page(struct req *r);
int tool_edit_page(struct req *r);
int tool_update_page(struct req *r);
/* the calendar and targets */
int calendar_page(struct req *r);	/* page_target.c */
int calendar_holiday_add_page(struct req *r);
int calendar_holiday_rm_page(struct req *r);
int calendar_week_page(struct req *r);
int targets_page(struct req *r);
int target_page(struct req *r);
int target_new_page(struct req *r);
int target_create_page(struct req *r);
int target_edit_page(struct req *r);
int target_update_page(struct req *r);
int target_value_page(struct req *r);
int target_link_page(struct req *r);
int target_unlink_page(struct req *r);
/* budgets, expenses, progress, activity classes */
int budgets_page(struct req *r);	/* page_budget.c */
int budget_new_page(struct req *r);
int budget_create_page(struct req *r);
int budget_edit_page(struct req *r);
int budget_update_page(struct req *r);
int budget_delete_page(struct req *r);
int expenses_page(struct req *r);
int expense_create_page(struct req *r);
int expense_edit_page(struct req *r);
int expense_update_page(struct req *r);
int expense_delete_page(struct req *r);
/* earned value */
int evm_page(struct req *r);
int plan_evm_page(struct req *r);
/* skills, positions, staffing */
int staffing_page(struct req *r);
int position_page(struct req *r);
int position_need_page(struct req *r);
int position_unneed_page(struct req *r);
int position_staff_page(struct req *r);
int position_unstaff_page(struct req *r);
int position_delete_page(struct req *r);
int position_new_page(struct req *r);
int position_create_page(struct req *r);
int position_edit_page(struct req *r);
int position_update_page(struct req *r);
int skills_page(struct req *r);
int skill_create_page(struct req *r);
int skill_edit_page(struct req *r);
int skill_update_page(struct req *r);
int skill_delete_page(struct req *r);
int person_skill_page(struct req *r);
int person_unskill_page(struct req *r);
/* sections of the person and unit pages (page_org.c), written into b */
int staffing_person_section(struct req *r, struct buf *b, int64_t person_id);
int staffing_unit_section(struct req *r, struct buf *b, int64_t unit_id);
/* RACI, publishing, capacity */
int plan_raci_page(struct req *r);	/* page_raci.c */
int step_raci_page(struct req *r);
int plan_publish_page(struct req *r);
int feed_page(struct req *r);
int capacity_page(struct req *r);
/* deviation rules, problems, control check */
int problems_page(struct req *r);		/* page_problem.c */
int problem_create_page(struct req *r);
int problems_check_page(struct req *r);
int problem_page(struct req *r);
int problem_update_page(struct req *r);
int problem_delete_page(struct req *r);
int agenda_page(struct req *r);
int control_page(struct req *r);
int control_save_page(struct req *r);
int unit_tolerances_save_page(struct req *r);
/* control report, agenda, complexity */
struct control_report;	/* page_report.c: the report's renderers, its page, complexity */
void report_md(struct buf *b, struct arena *a, const struct control_report *r);
void report_csv(struct buf *b, struct arena *a, const struct control_report *r);
void report_html(struct buf *b, struct arena *a, const struct control_report *r);
int report_send(struct req *r, const struct control_report *rep, const char *fmt);
int report_control_page(struct req *r);
int complexity_section(struct req *r, int64_t unit_id);

#endif
