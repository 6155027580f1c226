/* api: what a route handler sees. The core (server.c) parses the
 * request, matches the route table (routes.c), hands the handler a
 * struct req with the worker's database connection and a per-request
 * arena, and renders whatever the handler leaves in the response (or
 * its error as {"error":{"status","message","field"}}). Handlers are
 * thin: parse through the domain's field tables, call the domain,
 * return JSON. */
#ifndef TANDEM_API_H
#define TANDEM_API_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/field.h"
#include "org/access.h"
#include "store/db.h"

struct MHD_Connection;

/* An application/x-www-form-urlencoded body, decoded (web/form.c). */
struct form_pair {
	const char *key, *value;
};
struct form {
	struct form_pair *v;
	size_t n;
};

enum route_flags {
	ROUTE_WRITES = 1u << 0,	/* changes data: one transaction, audited */
	ROUTE_PUBLIC = 1u << 1,	/* needs no credentials (health checks, sign-in) */
	ROUTE_PAGE = 1u << 2,	/* HTML: without credentials, 303 to /login; errors as a page */
	ROUTE_FORM = 1u << 3,	/* a form POST (urlencoded): the core checks its CSRF token */
	ROUTE_ADMIN = 1u << 4,	/* admins only (accounts, the audit log) */
	ROUTE_PRIVATE = 1u << 5,	/* its audit record keeps no body (a pulse
					 * answer, a coaching note) */
};

struct req {
	struct MHD_Connection *conn;
	struct db *db;
	struct arena *a;
	const char *method;
	const char *path;
	int64_t id;		/* the :id of the route, if any */
	int64_t id2;		/* a second :id (e.g. /steps/:id/deps/:id) */
	const char *body;
	size_t body_len;
	json_t *in;		/* the parsed body; field text points into it */
	struct err e;
	struct form form;	/* a ROUTE_FORM body, parsed (web/form.h) */
	struct actor who;	/* the signed-in account (the core checked its rights) */
	const char *address;	/* the client's IP address, for rate limits */
	/* the response */
	int status;
	json_t *out;		/* owned; NULL for an empty body */
	const char *location;	/* Location header for 201 and 303, or NULL */
	/* a response other than JSON (a page, a CSV file): its type and body */
	const char *content_type;
	struct buf page;	/* freed by the core */
	const char *set_cookie;	/* a Set-Cookie header value, or NULL */
	const char *filename;	/* Content-Disposition: attachment; filename=... */
};

struct route {
	const char *method;
	const char *pattern;	/* "/api/v1/steps/:id"; ":id" matches a positive integer */
	int (*handler)(struct req *r);
	unsigned flags;
	/* what the first :id names; the core checks the actor's right to act
	 * on it before the handler runs (access.h) */
	enum kind kind;
	enum action act;
};

extern const struct route api_routes[];
extern const struct route page_routes[];	/* pages.c: the web UI */

/* Fills obj from the query string through fields; an unknown parameter
 * is a 400 naming it. */
int api_query(struct req *r, const struct field *fields, void *obj, unsigned *set);
/* The same for a page's GET form, which sends its empty inputs: an empty
 * value is a parameter not given (the API refuses it: "needs a value"). */
int form_query(struct req *r, const struct field *fields, void *obj, unsigned *set);
/* Fills obj from the JSON body: malformed JSON, a non-object, unknown
 * keys and wrong types are 400s naming the field. */
int api_body(struct req *r, const struct field *fields, void *obj, unsigned *set);
/* Narrows a listing's unit filter (bit in *set) to the actor's units
 * (access_narrow). */
int api_scope(struct req *r, int64_t *unit_id, unsigned *set, unsigned bit);
/* The records a body names beside its unit (a sponsor, a coalition, an
 * owner...) must be ones the actor may read: one outside answers 404
 * naming the field, as if it did not exist. id 0 (none) passes. */
struct api_ref {
	enum kind kind;
	int64_t id;
	const char *field;	/* "coalition_id" */
};
int api_refs(struct req *r, const struct api_ref *refs, size_t n);
/* Sets the response (steals v). */
int api_reply(struct req *r, int status, json_t *v);
/* {"items":[...],"count":n,"limit":..,"offset":..} (steals items). */
int api_reply_list(struct req *r, json_t *items, int64_t limit, int64_t offset);
/* 201 with a Location of base/id and the object. */
int api_created(struct req *r, const char *base, int64_t id, json_t *v);

/* The default page size of API listings when no limit is given. */
enum { API_PAGE = 100 };

/* Handlers, one file per noun (api_<noun>.c). */
int unit_list_api(struct req *r);
int unit_get_api(struct req *r);
int unit_post_api(struct req *r);
int unit_patch_api(struct req *r);
int unit_delete_api(struct req *r);
int person_list_api(struct req *r);
int person_get_api(struct req *r);
int person_post_api(struct req *r);
int person_patch_api(struct req *r);
int person_delete_api(struct req *r);
int plan_list_api(struct req *r);
int plan_get_api(struct req *r);
int plan_post_api(struct req *r);
int plan_patch_api(struct req *r);
int plan_delete_api(struct req *r);
int plan_schedule_api(struct req *r);
int step_list_api(struct req *r);
int step_count_api(struct req *r);
int step_get_api(struct req *r);
int step_post_api(struct req *r);
int step_patch_api(struct req *r);
int step_delete_api(struct req *r);
int step_start_api(struct req *r);
int step_done_api(struct req *r);
int step_block_api(struct req *r);
int step_dep_post_api(struct req *r);
int step_dep_delete_api(struct req *r);
int time_list_api(struct req *r);
int time_get_api(struct req *r);
int time_post_api(struct req *r);
int time_delete_api(struct req *r);
int tool_list_api(struct req *r);
int tool_get_api(struct req *r);
int tool_post_api(struct req *r);
int tool_patch_api(struct req *r);
int tool_delete_api(struct req *r);
/* the calendar and targets */
int calendar_get_api(struct req *r);
int calendar_patch_api(struct req *r);
int holiday_post_api(struct req *r);
int holiday_delete_api(struct req *r);
int target_list_api(struct req *r);
int target_get_api(struct req *r);
int target_post_api(struct req *r);
int target_patch_api(struct req *r);
int target_delete_api(struct req *r);
int target_value_post_api(struct req *r);
int target_plan_post_api(struct req *r);
int target_plan_delete_api(struct req *r);
/* budgets, expenses, progress, activity classes */
int budget_list_api(struct req *r);
int budget_get_api(struct req *r);
int budget_post_api(struct req *r);
int budget_patch_api(struct req *r);
int budget_delete_api(struct req *r);
int budget_actual_api(struct req *r);
int expense_list_api(struct req *r);
int expense_get_api(struct req *r);
int expense_post_api(struct req *r);
int expense_patch_api(struct req *r);
int expense_delete_api(struct req *r);
/* earned value */
int plan_evm_api(struct req *r);
int evm_rollup_api(struct req *r);
/* skills, positions, staffing */
int skill_list_api(struct req *r);
int skill_get_api(struct req *r);
int skill_post_api(struct req *r);
int skill_patch_api(struct req *r);
int skill_delete_api(struct req *r);
int person_skills_api(struct req *r);
int person_skill_put_api(struct req *r);
int person_skill_delete_api(struct req *r);
int position_list_api(struct req *r);
int position_get_api(struct req *r);
int position_post_api(struct req *r);
int position_patch_api(struct req *r);
int position_delete_api(struct req *r);
int position_skill_post_api(struct req *r);
int position_skill_delete_api(struct req *r);
int position_candidates_api(struct req *r);
int position_staff_post_api(struct req *r);
int position_staff_delete_api(struct req *r);
int staffing_list_api(struct req *r);
int span_api(struct req *r);
/* RACI, publishing, capacity */
int plan_raci_api(struct req *r);
int step_raci_put_api(struct req *r);
int step_raci_delete_api(struct req *r);
int plan_publish_api(struct req *r);
int person_feed_api(struct req *r);
int me_feed_api(struct req *r);
int capacity_api(struct req *r);
int person_load_api(struct req *r);
/* deviation rules, problems, control check */
int control_tolerances_api(struct req *r);
int control_tolerances_patch_api(struct req *r);
int unit_tolerances_api(struct req *r);
int unit_tolerances_put_api(struct req *r);
int unit_tolerances_delete_api(struct req *r);
int control_check_api(struct req *r);
int problem_list_api(struct req *r);
int problem_get_api(struct req *r);
int problem_post_api(struct req *r);
int problem_patch_api(struct req *r);
int problem_delete_api(struct req *r);
int agenda_api(struct req *r);
/* control report, agenda, complexity */
int report_control_api(struct req *r);	/* api_report.c */
int unit_complexity_api(struct req *r);
/* vision, strategies, plans linked to them */
int vision_get_api(struct req *r);	/* api_direction.c */
int vision_put_api(struct req *r);
int vision_history_api(struct req *r);
int strategy_list_api(struct req *r);
int strategy_get_api(struct req *r);
int strategy_post_api(struct req *r);
int strategy_patch_api(struct req *r);
int strategy_delete_api(struct req *r);
int strategy_plan_post_api(struct req *r);
int strategy_plan_delete_api(struct req *r);
int direction_get_api(struct req *r);
/* environment signals and themes */
int signal_list_api(struct req *r);	/* api_signal.c */
int signal_get_api(struct req *r);
int signal_post_api(struct req *r);
int signal_patch_api(struct req *r);
int signal_delete_api(struct req *r);
int signal_review_api(struct req *r);
int signal_response_post_api(struct req *r);
int signal_response_delete_api(struct req *r);
int signal_import_api(struct req *r);
int theme_list_api(struct req *r);
int theme_get_api(struct req *r);
int theme_post_api(struct req *r);
int theme_patch_api(struct req *r);
int theme_delete_api(struct req *r);
int theme_signal_post_api(struct req *r);
int theme_signal_delete_api(struct req *r);
int theme_threshold_get_api(struct req *r);
int theme_threshold_put_api(struct req *r);
/* stakeholders, communications, alignment states, commitments */
int stakeholder_list_api(struct req *r);
int stakeholder_get_api(struct req *r);
int stakeholder_post_api(struct req *r);
int stakeholder_patch_api(struct req *r);
int stakeholder_delete_api(struct req *r);
int comm_list_api(struct req *r);
int comm_get_api(struct req *r);
int comm_post_api(struct req *r);
int comm_delete_api(struct req *r);
int comm_audience_post_api(struct req *r);
int comm_send_api(struct req *r);
int comm_ack_api(struct req *r);
int comm_coverage_api(struct req *r);
int comm_reach_api(struct req *r);
int commitment_list_api(struct req *r);
int commitment_post_api(struct req *r);
int commitment_patch_api(struct req *r);
/* coalitions, values, coaching notes */
int coalition_list_api(struct req *r);	/* api_coalition.c */
int coalition_get_api(struct req *r);
int coalition_post_api(struct req *r);
int coalition_patch_api(struct req *r);
int coalition_delete_api(struct req *r);
int coalition_member_post_api(struct req *r);
int coalition_member_delete_api(struct req *r);
int value_list_api(struct req *r);
int value_get_api(struct req *r);
int value_post_api(struct req *r);
int value_patch_api(struct req *r);
int value_delete_api(struct req *r);
int note_list_api(struct req *r);
int note_get_api(struct req *r);
int note_post_api(struct req *r);
int note_delete_api(struct req *r);
/* recognitions and ideas */
int recognition_list_api(struct req *r);
int recognition_get_api(struct req *r);
int recognition_post_api(struct req *r);
int recognition_delete_api(struct req *r);
int recognition_counts_api(struct req *r);
int idea_list_api(struct req *r);
int idea_get_api(struct req *r);
int idea_post_api(struct req *r);
int idea_delete_api(struct req *r);
int idea_vote_api(struct req *r);
int idea_unvote_api(struct req *r);
int idea_answer_api(struct req *r);
/* pulse surveys */
int pulse_list_api(struct req *r);
int me_pulses_api(struct req *r);
int pulse_get_api(struct req *r);
int pulse_post_api(struct req *r);
int pulse_delete_api(struct req *r);
int pulse_question_post_api(struct req *r);
int pulse_send_api(struct req *r);
int pulse_answer_api(struct req *r);
int pulse_results_api(struct req *r);
int pulse_trend_api(struct req *r);
/* change initiatives: records, links, obstacles, wins, volunteers, anchors, evidence and advance */
int initiative_list_api(struct req *r);
int initiative_get_api(struct req *r);
int initiative_evidence_api(struct req *r);
int initiative_post_api(struct req *r);
int initiative_patch_api(struct req *r);
int initiative_delete_api(struct req *r);
int initiative_advance_api(struct req *r);
int initiative_link_api(struct req *r);
int initiative_unlink_api(struct req *r);
int obstacle_post_api(struct req *r);
struct initiative_input;
/* the sponsor, coalition and pulse an initiative names: ones the actor
 * reads (api_refs); the pages use it too */
int initiative_refs(struct req *r, const struct initiative_input *in);
int obstacle_resolve_api(struct req *r);
int obstacle_delete_api(struct req *r);
int win_post_api(struct req *r);
int win_delete_api(struct req *r);
int anchor_post_api(struct req *r);
int anchor_delete_api(struct req *r);
int volunteer_post_api(struct req *r);
int volunteer_delete_api(struct req *r);
/* the change tracker and initiative pages; urgency; the network beside the hierarchy */
int initiative_urgency_api(struct req *r);	/* api_urgency.c */
int unit_urgency_api(struct req *r);
int initiative_network_api(struct req *r);
/* balance: indicators, scores, quadrant, actions, snapshots; settings */
int balance_list_api(struct req *r);
int balance_unit_api(struct req *r);
int balance_snapshot_api(struct req *r);
int balance_history_api(struct req *r);
/* The balance's unit filter for r's actor: *unit narrowed to what they
 * read (0 stays 0 for admins); *org 1 when they read the whole tree
 * (admins, people of the only root unit). */
int bal_view_scope(struct req *r, int64_t *unit, int *org);
/* the time profile of the people who manage others */
int balance_time_api(struct req *r);	/* api_timeprofile.c */
int setting_list_api(struct req *r);	/* api_setting.c */
int setting_put_api(struct req *r);
int setting_delete_api(struct req *r);
/* the self-assessment, cohorts and workshops */
int assess_items_api(struct req *r);	/* api_assess.c */
int assess_post_api(struct req *r);
int assess_me_api(struct req *r);
int assess_person_api(struct req *r);
int assess_unit_api(struct req *r);
int assess_compare_api(struct req *r);
int cohort_list_api(struct req *r);
int cohort_get_api(struct req *r);
int cohort_post_api(struct req *r);
int cohort_aggregate_api(struct req *r);
int cohort_close_api(struct req *r);
int cohort_delete_api(struct req *r);
int join_api(struct req *r);
int health_api(struct req *r);
int overview_api(struct req *r);	/* page_manage.c: the management overview */
int lead_overview_api(struct req *r);	/* page_lead.c: the leadership overview */
int me_api(struct req *r);
int token_list_api(struct req *r);
int token_post_api(struct req *r);
int token_delete_api(struct req *r);
int account_list_api(struct req *r);
int account_post_api(struct req *r);
int account_patch_api(struct req *r);
int account_delete_api(struct req *r);
int audit_list_api(struct req *r);

/* pages.c: renders r->e as an HTML error page into r->page (the core
 * calls it when a ROUTE_PAGE handler fails). */
void page_error(struct req *r);

#endif
