/* api_target: the organization calendar (/api/v1/calendar: anyone signed
 * in reads it, admins change it) and targets (/api/v1/targets), with
 * their recorded values and the plans serving them. */
#include "base/date.h"
#include "manage/calendar.h"
#include "manage/target.h"
#include "web/api.h"

/* --- the calendar --- */

static int calendar_reply(struct req *r, int status)
{
	struct calendar cal;
	struct holiday *h;
	size_t n;
	if (calendar_load(r->db, r->a, &cal, &r->e) ||
	    holiday_list(r->db, r->a, NULL, 0, &h, &n, &r->e))
		return -1;
	return api_reply(r, status, calendar_json(&cal, h, n));
}

int calendar_get_api(struct req *r)
{
	struct holiday_filter f = {0};
	unsigned set = 0;
	struct calendar cal;
	struct holiday *h;
	size_t n;
	if (api_query(r, holiday_filter_fields, &f, &set) ||
	    calendar_load(r->db, r->a, &cal, &r->e) ||
	    holiday_list(r->db, r->a, &f, set, &h, &n, &r->e))
		return -1;
	return api_reply(r, 200, calendar_json(&cal, h, n));
}

int calendar_patch_api(struct req *r)
{
	struct week_input in = {0};
	unsigned set = 0;
	if (api_body(r, week_fields, &in, &set) || calendar_set_week(r->db, &in, set, &r->e))
		return -1;
	return calendar_reply(r, 200);
}

int holiday_post_api(struct req *r)
{
	struct holiday_input in = {0};
	unsigned set = 0;
	if (api_body(r, holiday_fields, &in, &set) || holiday_add(r->db, &in, set, &r->e))
		return -1;
	return calendar_reply(r, 201);
}

static const struct field holiday_day_fields[] = {
    {.name = "day",
     .type = FT_DATE,
     .offset = offsetof(struct holiday_input, day),
     .bit = HOL_DAY,
     .required = 1,
     .help = "the holiday's date"},
    {0},
};

/* DELETE /api/v1/calendar/holidays?day=YYYY-MM-DD (":id" takes numbers
 * only, and a day is no number). */
int holiday_delete_api(struct req *r)
{
	struct holiday_input in = {0};
	unsigned set = 0;
	if (api_query(r, holiday_day_fields, &in, &set) ||
	    fields_require(holiday_day_fields, set, &r->e) || holiday_rm(r->db, in.day, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

/* --- targets --- */

/* The target with its history and its plans. */
static int target_reply(struct req *r, int64_t id, int32_t as_of, int status)
{
	struct target t;
	struct target_value *v;
	struct target_plan *p;
	size_t nv, np;
	if (target_get(r->db, r->a, id, as_of, &t, &r->e) ||
	    target_values(r->db, r->a, id, &v, &nv, &r->e) ||
	    target_plans(r->db, r->a, id, &p, &np, &r->e))
		return -1;
	json_t *o = target_json(&t);
	json_t *vals = json_array(), *plans = json_array();
	for (size_t i = 0; i < nv; i++)
		json_array_append_new(vals, target_value_json(&v[i]));
	for (size_t i = 0; i < np; i++) {
		json_t *j = json_object();
		json_object_set_new(j, "id", json_integer(p[i].id));
		json_object_set_new(j, "name", json_string(p[i].name));
		json_array_append_new(plans, j);
	}
	json_object_set_new(o, "values", vals);
	json_object_set_new(o, "plans", plans);
	if (status == 201)
		return api_created(r, "/api/v1/targets", id, o);
	return api_reply(r, status, o);
}

int target_list_api(struct req *r)
{
	struct target_filter f = {0};
	unsigned set = 0;
	struct target *v;
	size_t n;
	if (api_query(r, target_filter_fields, &f, &set) ||
	    api_scope(r, &f.unit_id, &set, TGF_UNIT))
		return -1;
	if (!(set & TGF_LIMIT)) {
		f.limit = API_PAGE;
		set |= TGF_LIMIT;
	}
	if (target_list(r->db, r->a, &f, set, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, target_json(&v[i]));
	return api_reply_list(r, items, f.limit, f.offset);
}

int target_get_api(struct req *r)
{
	struct target_filter f = {0};
	unsigned set = 0;
	int32_t as_of = date_today();
	if (api_query(r, target_as_of_fields, &f, &set))
		return -1;
	if ((set & TGF_AS_OF) && f.as_of)
		date_parse(f.as_of, &as_of);
	return target_reply(r, r->id, as_of, 200);
}

int target_post_api(struct req *r)
{
	struct target_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (api_body(r, target_fields, &in, &set) || target_add(r->db, &in, set, &id, &r->e))
		return -1;
	return target_reply(r, id, date_today(), 201);
}

int target_patch_api(struct req *r)
{
	struct target_input in = {0};
	unsigned set = 0;
	if (api_body(r, target_fields, &in, &set) || target_set(r->db, r->id, &in, set, &r->e))
		return -1;
	return target_reply(r, r->id, date_today(), 200);
}

int target_delete_api(struct req *r)
{
	if (target_rm(r->db, r->id, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

int target_value_post_api(struct req *r)
{
	struct target_value_input in = {0};
	unsigned set = 0;
	int64_t vid;
	if (api_body(r, target_value_fields, &in, &set) ||
	    target_record(r->db, r->id, &in, set, &vid, &r->e))
		return -1;
	return target_reply(r, r->id, date_today(), 201);
}

/* A plan the actor cannot read is, to them, no plan at all. */
static int plan_visible(struct req *r, int64_t plan_id)
{
	struct err e2 = {0};
	if (access_check(r->db, &r->who, K_PLAN, plan_id, A_READ, &e2) == 0)
		return 0;
	if (e2.status != ERR_NOT_FOUND) {
		r->e = e2;
		return -1;
	}
	return err_set(&r->e, ERR_NOT_FOUND, "plan_id", "plan_id: no plan with id %lld",
	               (long long)plan_id);
}

int target_plan_post_api(struct req *r)
{
	struct target_plan_input in = {0};
	unsigned set = 0;
	if (api_body(r, target_plan_fields, &in, &set) ||
	    fields_require(target_plan_fields, set, &r->e) || plan_visible(r, in.plan_id) ||
	    target_link(r->db, r->id, in.plan_id, &r->e))
		return -1;
	return target_reply(r, r->id, date_today(), 200);
}

int target_plan_delete_api(struct req *r)
{
	if (plan_visible(r, r->id2) || target_unlink(r->db, r->id, r->id2, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}
