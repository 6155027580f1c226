/* routes: the one route table. server.c matches a request against it
 * in order and checks the flags before the handler runs. */
#include "web/api.h"

const struct route api_routes[] = {
	{"GET", "/healthz", health_api, ROUTE_PUBLIC},

	{"GET", "/api/v1/units", unit_list_api, 0},
	{"POST", "/api/v1/units", unit_post_api, ROUTE_WRITES},
	{"GET", "/api/v1/units/:id", unit_get_api, 0},
	{"PATCH", "/api/v1/units/:id", unit_patch_api, ROUTE_WRITES},
	{"DELETE", "/api/v1/units/:id", unit_delete_api, ROUTE_WRITES},

	{"GET", "/api/v1/people", person_list_api, 0},
	{"POST", "/api/v1/people", person_post_api, ROUTE_WRITES},
	{"GET", "/api/v1/people/:id", person_get_api, 0},
	{"PATCH", "/api/v1/people/:id", person_patch_api, ROUTE_WRITES},
	{"DELETE", "/api/v1/people/:id", person_delete_api, ROUTE_WRITES},

	{"GET", "/api/v1/plans", plan_list_api, 0},
	{"POST", "/api/v1/plans", plan_post_api, ROUTE_WRITES},
	{"GET", "/api/v1/plans/:id", plan_get_api, 0},
	{"PATCH", "/api/v1/plans/:id", plan_patch_api, ROUTE_WRITES},
	{"DELETE", "/api/v1/plans/:id", plan_delete_api, ROUTE_WRITES},

	{"GET", "/api/v1/steps", step_list_api, 0},
	{"POST", "/api/v1/steps", step_post_api, ROUTE_WRITES},
	{"GET", "/api/v1/steps/count", step_count_api, 0},
	{"GET", "/api/v1/steps/:id", step_get_api, 0},
	{"PATCH", "/api/v1/steps/:id", step_patch_api, ROUTE_WRITES},
	{"DELETE", "/api/v1/steps/:id", step_delete_api, ROUTE_WRITES},
	{"POST", "/api/v1/steps/:id/start", step_start_api, ROUTE_WRITES},
	{"POST", "/api/v1/steps/:id/done", step_done_api, ROUTE_WRITES},
	{"POST", "/api/v1/steps/:id/block", step_block_api, ROUTE_WRITES},
	{"POST", "/api/v1/steps/:id/deps", step_dep_post_api, ROUTE_WRITES},
	{"DELETE", "/api/v1/steps/:id/deps/:id", step_dep_delete_api, ROUTE_WRITES},

	{"GET", "/api/v1/time-entries", time_list_api, 0},
	{"POST", "/api/v1/time-entries", time_post_api, ROUTE_WRITES},
	{"GET", "/api/v1/time-entries/:id", time_get_api, 0},
	{"DELETE", "/api/v1/time-entries/:id", time_delete_api, ROUTE_WRITES},

	{"GET", "/api/v1/tools", tool_list_api, 0},
	{"POST", "/api/v1/tools", tool_post_api, ROUTE_WRITES},
	{"GET", "/api/v1/tools/:id", tool_get_api, 0},
	{"PATCH", "/api/v1/tools/:id", tool_patch_api, ROUTE_WRITES},
	{"DELETE", "/api/v1/tools/:id", tool_delete_api, ROUTE_WRITES},
	{0},
};
