/* api_manage: /api/v1/plans, /steps, /time-entries and /tools. */
#include "base/json.h"
#include "manage/plan.h"
#include "manage/schedule.h"
#include "manage/step.h"
#include "manage/timelog.h"
#include "manage/tool.h"
#include "web/api.h"

/* --- plans --- */

static int plan_reply(struct req *r, int64_t id, int created)
{
	struct plan p;
	int64_t progress;	/* weighted by estimate (step.h) */
	if (plan_get(r->db, r->a, id, &p, &r->e) ||
	    step_plan_progress(r->db, id, &progress, &r->e))
		return -1;
	json_t *o = plan_json(&p, 1);
	json_set_decimal(o, "progress", progress);
	if (created)
		return api_created(r, "/api/v1/plans", id, o);
	return api_reply(r, 200, o);
}

int plan_list_api(struct req *r)
{
	struct plan_filter f = {0};
	unsigned set = 0;
	struct plan *v;
	size_t n;
	if (api_query(r, plan_filter_fields, &f, &set) || api_scope(r, &f.unit_id, &set, PLF_UNIT))
		return -1;
	if (!(set & PLF_LIMIT)) {
		f.limit = API_PAGE;
		set |= PLF_LIMIT;
	}
	if (plan_list(r->db, r->a, &f, set, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, plan_json(&v[i], 0));
	return api_reply_list(r, items, f.limit, f.offset);
}

int plan_get_api(struct req *r)
{
	return plan_reply(r, r->id, 0);
}

int plan_post_api(struct req *r)
{
	struct plan_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (api_body(r, plan_fields, &in, &set) || plan_add(r->db, &in, set, &id, &r->e))
		return -1;
	return plan_reply(r, id, 1);
}

int plan_patch_api(struct req *r)
{
	struct plan_input in = {0};
	unsigned set = 0;
	if (api_body(r, plan_fields, &in, &set) || plan_set(r->db, r->id, &in, set, &r->e))
		return -1;
	return plan_reply(r, r->id, 0);
}

int plan_delete_api(struct req *r)
{
	if (plan_rm(r->db, r->id, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

/* --- steps --- */

static int step_reply(struct req *r, int64_t id, int created)
{
	struct step s;
	if (step_get(r->db, r->a, id, &s, &r->e))
		return -1;
	if (created)
		return api_created(r, "/api/v1/steps", id, step_json(&s));
	return api_reply(r, 200, step_json(&s));
}

int step_list_api(struct req *r)
{
	struct step_filter f = {0};
	unsigned set = 0;
	struct step *v;
	size_t n;
	if (api_query(r, step_filter_fields, &f, &set) || api_scope(r, &f.unit_id, &set, SF_UNIT))
		return -1;
	if (!(set & SF_LIMIT)) {
		f.limit = API_PAGE;
		set |= SF_LIMIT;
	}
	if (step_list(r->db, r->a, &f, set, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, step_json(&v[i]));
	return api_reply_list(r, items, f.limit, f.offset);
}

int step_count_api(struct req *r)
{
	struct step_filter f = {0};
	unsigned set = 0;
	int64_t n;
	if (api_query(r, step_filter_fields, &f, &set) || api_scope(r, &f.unit_id, &set, SF_UNIT) ||
	    step_count(r->db, &f, set, &n, &r->e))
		return -1;
	json_t *o = json_object();
	json_object_set_new(o, "count", json_integer(n));
	return api_reply(r, 200, o);
}

int step_get_api(struct req *r)
{
	return step_reply(r, r->id, 0);
}

int step_post_api(struct req *r)
{
	struct step_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (api_body(r, step_fields, &in, &set) || step_add(r->db, &in, set, &id, &r->e))
		return -1;
	return step_reply(r, id, 1);
}

int step_patch_api(struct req *r)
{
	struct step_input in = {0};
	unsigned set = 0;
	if (api_body(r, step_fields, &in, &set) || step_set(r->db, r->id, &in, set, &r->e))
		return -1;
	return step_reply(r, r->id, 0);
}

int step_delete_api(struct req *r)
{
	if (step_rm(r->db, r->id, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

static int status_api(struct req *r, const char *status)
{
	if (step_set_status(r->db, r->id, status, &r->e))
		return -1;
	return step_reply(r, r->id, 0);
}

int step_start_api(struct req *r)
{
	return status_api(r, "doing");
}

int step_done_api(struct req *r)
{
	return status_api(r, "done");
}

int step_block_api(struct req *r)
{
	return status_api(r, "blocked");
}

int step_dep_post_api(struct req *r)
{
	struct dep_input in = {0};
	unsigned set = 0;
	if (api_body(r, dep_fields, &in, &set) || step_dep_add(r->db, r->id, &in, set, &r->e))
		return -1;
	return step_reply(r, r->id, 0);
}

int step_dep_delete_api(struct req *r)
{
	if (step_dep_rm(r->db, r->id, r->id2, &r->e))
		return -1;
	return step_reply(r, r->id, 0);
}

/* --- time entries --- */

static int time_reply(struct req *r, int64_t id, int created)
{
	struct time_entry t;
	if (time_get(r->db, r->a, id, &t, &r->e))
		return -1;
	if (created)
		return api_created(r, "/api/v1/time-entries", id, time_json(&t));
	return api_reply(r, 200, time_json(&t));
}

int time_list_api(struct req *r)
{
	struct time_filter f = {0};
	unsigned set = 0;
	struct time_entry *v;
	size_t n;
	int64_t total;
	if (api_query(r, time_filter_fields, &f, &set) || api_scope(r, &f.unit_id, &set, TF_UNIT))
		return -1;
	if (!(set & TF_LIMIT)) {
		f.limit = API_PAGE;
		set |= TF_LIMIT;
	}
	if (time_list(r->db, r->a, &f, set, &v, &n, &total, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, time_json(&v[i]));
	if (api_reply_list(r, items, f.limit, f.offset))
		return -1;
	json_object_set_new(r->out, "total_minutes", json_integer(total));
	return 0;
}

int time_get_api(struct req *r)
{
	return time_reply(r, r->id, 0);
}

int time_post_api(struct req *r)
{
	struct time_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (api_body(r, time_fields, &in, &set) || time_log(r->db, &in, set, &id, &r->e))
		return -1;
	return time_reply(r, id, 1);
}

int time_delete_api(struct req *r)
{
	if (time_rm(r->db, r->id, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

/* --- tools --- */

static int tool_reply(struct req *r, int64_t id, int created)
{
	struct tool t;
	if (tool_get(r->db, r->a, id, &t, &r->e))
		return -1;
	if (created)
		return api_created(r, "/api/v1/tools", id, tool_json(&t));
	return api_reply(r, 200, tool_json(&t));
}

int tool_list_api(struct req *r)
{
	struct tool_filter f = {0};
	unsigned set = 0;
	struct tool *v;
	size_t n;
	if (api_query(r, tool_filter_fields, &f, &set) || api_scope(r, &f.unit_id, &set, TOF_UNIT))
		return -1;
	if (!(set & TOF_LIMIT)) {
		f.limit = API_PAGE;
		set |= TOF_LIMIT;
	}
	if (tool_list(r->db, r->a, &f, set, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, tool_json(&v[i]));
	return api_reply_list(r, items, f.limit, f.offset);
}

int tool_get_api(struct req *r)
{
	return tool_reply(r, r->id, 0);
}

int tool_post_api(struct req *r)
{
	struct tool_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (api_body(r, tool_fields, &in, &set) || tool_add(r->db, &in, set, &id, &r->e))
		return -1;
	return tool_reply(r, id, 1);
}

int tool_patch_api(struct req *r)
{
	struct tool_input in = {0};
	unsigned set = 0;
	if (api_body(r, tool_fields, &in, &set) || tool_set(r->db, r->id, &in, set, &r->e))
		return -1;
	return tool_reply(r, r->id, 0);
}

int tool_delete_api(struct req *r)
{
	if (tool_rm(r->db, r->id, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

int plan_schedule_api(struct req *r)
{
	struct plan_schedule s;
	if (plan_schedule(r->db, r->a, r->id, &s, &r->e))
		return -1;
	return api_reply(r, 200, plan_schedule_json(&s));
}
