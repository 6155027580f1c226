/* routes: the one route table of the JSON API. server.c matches a
 * request against it (then against the pages' table, pages.c) in order,
 * and checks the flags and the actor's right to act on the route's :id
 * (kind, action) before the handler runs: the access rules live there and
 * in org/access.c, not in the handlers. */
#include "web/api.h"

const struct route api_routes[] = {
	{"GET", "/healthz", health_api, ROUTE_PUBLIC, K_NONE, A_READ},

	{"GET", "/api/v1/units", unit_list_api, 0, K_UNIT, A_READ},
	{"POST", "/api/v1/units", unit_post_api, ROUTE_WRITES, K_UNIT, A_WRITE},
	{"GET", "/api/v1/units/:id", unit_get_api, 0, K_UNIT, A_READ},
	{"PATCH", "/api/v1/units/:id", unit_patch_api, ROUTE_WRITES, K_UNIT, A_WRITE},
	{"DELETE", "/api/v1/units/:id", unit_delete_api, ROUTE_WRITES, K_UNIT, A_WRITE},

	{"GET", "/api/v1/people", person_list_api, 0, K_PERSON, A_READ},
	{"POST", "/api/v1/people", person_post_api, ROUTE_WRITES, K_PERSON, A_WRITE},
	{"GET", "/api/v1/people/:id", person_get_api, 0, K_PERSON, A_READ},
	{"PATCH", "/api/v1/people/:id", person_patch_api, ROUTE_WRITES, K_PERSON, A_WRITE},
	{"DELETE", "/api/v1/people/:id", person_delete_api, ROUTE_WRITES, K_PERSON, A_WRITE},

	{"GET", "/api/v1/plans", plan_list_api, 0, K_PLAN, A_READ},
	{"POST", "/api/v1/plans", plan_post_api, ROUTE_WRITES, K_PLAN, A_WRITE},
	{"GET", "/api/v1/plans/:id", plan_get_api, 0, K_PLAN, A_READ},
	{"PATCH", "/api/v1/plans/:id", plan_patch_api, ROUTE_WRITES, K_PLAN, A_WRITE},
	{"DELETE", "/api/v1/plans/:id", plan_delete_api, ROUTE_WRITES, K_PLAN, A_WRITE},
	{"GET", "/api/v1/plans/:id/schedule", plan_schedule_api, 0, K_PLAN, A_READ},

	{"GET", "/api/v1/steps", step_list_api, 0, K_STEP, A_READ},
	{"POST", "/api/v1/steps", step_post_api, ROUTE_WRITES, K_STEP, A_WRITE},
	{"GET", "/api/v1/steps/count", step_count_api, 0, K_STEP, A_READ},
	{"GET", "/api/v1/steps/:id", step_get_api, 0, K_STEP, A_READ},
	{"PATCH", "/api/v1/steps/:id", step_patch_api, ROUTE_WRITES, K_STEP, A_WRITE},
	{"DELETE", "/api/v1/steps/:id", step_delete_api, ROUTE_WRITES, K_STEP, A_WRITE},
	{"POST", "/api/v1/steps/:id/start", step_start_api, ROUTE_WRITES, K_STEP, A_WRITE},
	{"POST", "/api/v1/steps/:id/done", step_done_api, ROUTE_WRITES, K_STEP, A_WRITE},
	{"POST", "/api/v1/steps/:id/block", step_block_api, ROUTE_WRITES, K_STEP, A_WRITE},
	{"POST", "/api/v1/steps/:id/deps", step_dep_post_api, ROUTE_WRITES, K_STEP, A_WRITE},
	{"DELETE", "/api/v1/steps/:id/deps/:id", step_dep_delete_api, ROUTE_WRITES, K_STEP, A_WRITE},

	{"GET", "/api/v1/time-entries", time_list_api, 0, K_TIME, A_READ},
	{"POST", "/api/v1/time-entries", time_post_api, ROUTE_WRITES, K_TIME, A_WRITE},
	{"GET", "/api/v1/time-entries/:id", time_get_api, 0, K_TIME, A_READ},
	{"DELETE", "/api/v1/time-entries/:id", time_delete_api, ROUTE_WRITES, K_TIME, A_WRITE},

	{"GET", "/api/v1/tools", tool_list_api, 0, K_TOOL, A_READ},
	{"POST", "/api/v1/tools", tool_post_api, ROUTE_WRITES, K_TOOL, A_WRITE},
	{"GET", "/api/v1/tools/:id", tool_get_api, 0, K_TOOL, A_READ},
	{"PATCH", "/api/v1/tools/:id", tool_patch_api, ROUTE_WRITES, K_TOOL, A_WRITE},
	{"DELETE", "/api/v1/tools/:id", tool_delete_api, ROUTE_WRITES, K_TOOL, A_WRITE},

	/* @calendar: the calendar and targets */
	/* @cost: budgets, expenses, progress, activity classes */
	/* @evm: earned value */
	/* @staffing: skills, positions, staffing */
	/* @raci: RACI, publishing, capacity */
	/* @control: deviation rules, problems, control check */
	/* @report: control report, agenda, complexity */

	{"GET", "/api/v1/overview", overview_api, 0, K_NONE, A_READ},
	{"GET", "/api/v1/me", me_api, 0, K_NONE, A_READ},
	{"GET", "/api/v1/tokens", token_list_api, 0, K_NONE, A_READ},
	{"POST", "/api/v1/tokens", token_post_api, ROUTE_WRITES, K_NONE, A_WRITE},
	{"DELETE", "/api/v1/tokens/:id", token_delete_api, ROUTE_WRITES, K_NONE, A_WRITE},

	{"GET", "/api/v1/accounts", account_list_api, ROUTE_ADMIN, K_ACCOUNT, A_READ},
	{"POST", "/api/v1/accounts", account_post_api, ROUTE_WRITES | ROUTE_ADMIN, K_ACCOUNT,
	 A_WRITE},
	{"PATCH", "/api/v1/accounts/:id", account_patch_api, ROUTE_WRITES | ROUTE_ADMIN,
	 K_ACCOUNT, A_WRITE},
	{"DELETE", "/api/v1/accounts/:id", account_delete_api, ROUTE_WRITES | ROUTE_ADMIN,
	 K_ACCOUNT, A_WRITE},
	{"GET", "/api/v1/audit", audit_list_api, ROUTE_ADMIN, K_ACCOUNT, A_READ},
	{0},
};
