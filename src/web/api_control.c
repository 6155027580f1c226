/* api_control: /api/v1/control/tolerances, /api/v1/units/:id/tolerances,
 * /api/v1/control/check, /api/v1/problems and /api/v1/agenda. */
#include "manage/control.h"
#include "manage/problem.h"
#include "web/api.h"

static const struct field no_fields[] = {{0}};

/* the organization's tolerances take no unit */
static const struct field org_tolerance_fields[] = {
	{.name = "rule", .type = FT_ENUM, .offset = offsetof(struct tolerance_input, rule),
	 .bit = TOL_RULE, .choices = control_rules, .required = 1},
	{.name = "value", .type = FT_INT, .offset = offsetof(struct tolerance_input, value),
	 .bit = TOL_VALUE, .min = 0, .max = 100000},
	{.name = "enabled", .type = FT_BOOL, .offset = offsetof(struct tolerance_input, enabled),
	 .bit = TOL_ENABLED},
	{0},
};
static const struct field rule_query_fields[] = {
	{.name = "rule", .type = FT_ENUM, .offset = offsetof(struct tolerance_input, rule),
	 .bit = TOL_RULE, .choices = control_rules, .required = 1},
	{0},
};

static int tolerances_reply(struct req *r, int64_t unit_id)
{
	struct tolerance t[RULE_COUNT];
	if (control_tolerances(r->db, unit_id, t, &r->e))
		return -1;
	json_t *items = json_array();
	for (int i = 0; i < RULE_COUNT; i++)
		json_array_append_new(items, tolerance_json(&t[i]));
	return api_reply_list(r, items, RULE_COUNT, 0);
}

int control_tolerances_api(struct req *r)
{
	if (api_query(r, no_fields, NULL, &(unsigned){0}))
		return -1;
	return tolerances_reply(r, 0);
}

int control_tolerances_patch_api(struct req *r)
{
	struct tolerance_input in = {0};
	unsigned set = 0;
	if (api_body(r, org_tolerance_fields, &in, &set) || control_set(r->db, &in, set, &r->e))
		return -1;
	return tolerances_reply(r, 0);
}

int unit_tolerances_api(struct req *r)
{
	if (api_query(r, no_fields, NULL, &(unsigned){0}))
		return -1;
	return tolerances_reply(r, r->id);
}

int unit_tolerances_put_api(struct req *r)
{
	struct tolerance_input in = {0};
	unsigned set = 0;
	if (api_body(r, org_tolerance_fields, &in, &set))
		return -1;
	in.unit_id = r->id;
	set |= TOL_UNIT;
	if (control_set(r->db, &in, set, &r->e))
		return -1;
	return tolerances_reply(r, r->id);
}

int unit_tolerances_delete_api(struct req *r)
{
	struct tolerance_input in = {0};
	unsigned set = 0;
	if (api_query(r, rule_query_fields, &in, &set) ||
	    fields_require(rule_query_fields, set, &r->e) ||
	    control_unset(r->db, in.rule, r->id, &r->e))
		return -1;
	return tolerances_reply(r, r->id);
}

int control_check_api(struct req *r)
{
	struct check_input in = {0};
	unsigned set = 0;
	struct check_result res;
	if ((r->body_len && api_body(r, check_fields, &in, &set)) ||
	    control_check(r->db, r->a, &in, set, &res, &r->e))
		return -1;
	return api_reply(r, 200, check_result_json(&res));
}

/* --- problems --- */

static int problem_reply(struct req *r, int64_t id, int created)
{
	struct problem p;
	if (problem_get(r->db, r->a, id, &p, &r->e))
		return -1;
	if (created)
		return api_created(r, "/api/v1/problems", id, problem_json(&p));
	return api_reply(r, 200, problem_json(&p));
}

int problem_list_api(struct req *r)
{
	struct problem_filter f = {0};
	unsigned set = 0;
	struct problem *v;
	size_t n;
	if (api_query(r, problem_filter_fields, &f, &set) ||
	    api_scope(r, &f.unit_id, &set, PBF_UNIT))
		return -1;
	if (!(set & PBF_LIMIT)) {
		f.limit = API_PAGE;
		set |= PBF_LIMIT;
	}
	if (problem_list(r->db, r->a, &f, set, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, problem_json(&v[i]));
	return api_reply_list(r, items, f.limit, f.offset);
}

int problem_get_api(struct req *r)
{
	return problem_reply(r, r->id, 0);
}

int problem_post_api(struct req *r)
{
	struct problem_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (api_body(r, problem_fields, &in, &set) || problem_add(r->db, &in, set, &id, &r->e))
		return -1;
	return problem_reply(r, id, 1);
}

int problem_patch_api(struct req *r)
{
	struct problem_input in = {0};
	unsigned set = 0;
	if (api_body(r, problem_set_fields, &in, &set) ||
	    problem_set(r->db, r->id, &in, set, &r->e))
		return -1;
	return problem_reply(r, r->id, 0);
}

int problem_delete_api(struct req *r)
{
	if (problem_rm(r->db, r->id, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

static const struct field agenda_q_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct problem_filter, unit_id),
	 .bit = PBF_UNIT},
	{0},
};

int agenda_api(struct req *r)
{
	struct problem_filter f = {0};
	unsigned set = 0;
	struct problem *v;
	size_t n;
	if (api_query(r, agenda_q_fields, &f, &set) || api_scope(r, &f.unit_id, &set, PBF_UNIT) ||
	    problem_agenda(r->db, r->a, (set & PBF_UNIT) ? f.unit_id : 0, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, problem_json(&v[i]));
	return api_reply_list(r, items, (int64_t)n, 0);
}
