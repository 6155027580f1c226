/* api_direction: the vision (/api/v1/vision: its current version, a new
 * version, the history), strategies (/api/v1/strategies) with the plans
 * that carry them out, and the direction at a glance (/api/v1/direction:
 * the vision, the units' visions, the strategies with their plans, the
 * two gap lists). */
#include "lead/strategy.h"
#include "lead/vision.h"
#include "web/api.h"

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

/* The plans of p[0..n) the actor may read, as a JSON array. */
static json_t *readable_plans(struct req *r, const struct strategy_plan *p, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		struct err ignore = {0};
		if (access_check(r->db, &r->who, K_PLAN, p[i].id, A_READ, &ignore) == 0)
			json_array_append_new(a, strategy_plan_json(&p[i]));
	}
	return a;
}

/* ?unit_id= of a vision: a unit the actor may read, or none for the
 * organization's, which everyone reads. */
static int vision_unit(struct req *r, int64_t *unit)
{
	struct vision_filter f = {0};
	unsigned set = 0;
	*unit = 0;
	if (api_query(r, vision_filter_fields, &f, &set))
		return -1;
	if (!(set & VIF_UNIT))
		return 0;
	if (api_scope(r, &f.unit_id, &set, VIF_UNIT))
		return -1;
	*unit = f.unit_id;
	return 0;
}

/* --- the vision --- */

int vision_get_api(struct req *r)
{
	int64_t unit;
	struct vision v;
	if (vision_unit(r, &unit) || vision_current(r->db, r->a, unit, &v, &r->e))
		return -1;
	return api_reply(r, 200, vision_json(&v));
}

int vision_put_api(struct req *r)
{
	struct vision_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (api_body(r, vision_fields, &in, &set) ||
	    vision_set(r->db, &in, set, r->who.login, &id, &r->e))
		return -1;
	struct vision v;
	if (vision_current(r->db, r->a, (set & VI_UNIT) ? in.unit_id : 0, &v, &r->e))
		return -1;
	return api_reply(r, 200, vision_json(&v));
}

int vision_history_api(struct req *r)
{
	int64_t unit;
	struct vision *v;
	size_t n;
	if (vision_unit(r, &unit) || vision_history(r->db, r->a, unit, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, vision_json(&v[i]));
	return api_reply_list(r, items, -1, 0);
}

/* --- strategies --- */

static int strategy_reply(struct req *r, int64_t id, int status)
{
	struct strategy s;
	struct strategy_plan *p;
	size_t np;
	if (strategy_get(r->db, r->a, id, &s, &r->e) ||
	    strategy_plans(r->db, r->a, id, &p, &np, &r->e))
		return -1;
	json_t *o = strategy_json(&s);
	json_object_set_new(o, "plans", readable_plans(r, p, np));
	if (status == 201)
		return api_created(r, "/api/v1/strategies", id, o);
	return api_reply(r, status, o);
}

int strategy_list_api(struct req *r)
{
	struct strategy_filter f = {0};
	unsigned set = 0;
	struct strategy *v;
	size_t n;
	if (api_query(r, strategy_filter_fields, &f, &set) ||
	    api_scope(r, &f.unit_id, &set, STRF_UNIT))
		return -1;
	if (!(set & STRF_LIMIT)) {
		f.limit = API_PAGE;
		set |= STRF_LIMIT;
	}
	if (strategy_list(r->db, r->a, &f, set, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, strategy_json(&v[i]));
	return api_reply_list(r, items, f.limit, f.offset);
}

int strategy_get_api(struct req *r)
{
	static const struct field no_fields[] = {{0}};
	if (api_query(r, no_fields, NULL, &(unsigned){0}))
		return -1;
	return strategy_reply(r, r->id, 200);
}

int strategy_post_api(struct req *r)
{
	struct strategy_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (api_body(r, strategy_fields, &in, &set) || strategy_add(r->db, &in, set, &id, &r->e))
		return -1;
	return strategy_reply(r, id, 201);
}

int strategy_patch_api(struct req *r)
{
	struct strategy_input in = {0};
	unsigned set = 0;
	if (api_body(r, strategy_fields, &in, &set) ||
	    strategy_set(r->db, r->id, &in, set, &r->e))
		return -1;
	return strategy_reply(r, r->id, 200);
}

int strategy_delete_api(struct req *r)
{
	if (strategy_rm(r->db, r->id, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

int strategy_plan_post_api(struct req *r)
{
	struct strategy_plan_input in = {0};
	unsigned set = 0;
	if (api_body(r, strategy_plan_fields, &in, &set) ||
	    fields_require(strategy_plan_fields, set, &r->e) || plan_visible(r, in.plan_id) ||
	    strategy_link(r->db, r->id, in.plan_id, &r->e))
		return -1;
	return strategy_reply(r, r->id, 200);
}

int strategy_plan_delete_api(struct req *r)
{
	if (plan_visible(r, r->id2) || strategy_unlink(r->db, r->id, r->id2, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

/* --- the direction at a glance --- */

int direction_get_api(struct req *r)
{
	struct vision_filter f = {0};
	unsigned set = 0;
	if (api_query(r, vision_filter_fields, &f, &set) ||
	    api_scope(r, &f.unit_id, &set, VIF_UNIT))
		return -1;
	int64_t unit = (set & VIF_UNIT) ? f.unit_id : 0;
	struct vision *vis;
	size_t nv;
	struct strategy_filter sf = {.unit_id = unit};
	struct strategy *s, *gs;
	struct strategy_plan *gp;
	size_t ns, ngs, ngp;
	if (vision_list(r->db, r->a, unit, &vis, &nv, &r->e) ||
	    strategy_list(r->db, r->a, &sf, unit ? STRF_UNIT : 0, &s, &ns, &r->e) ||
	    strategy_gap_lists(r->db, r->a, unit, &gs, &ngs, &gp, &ngp, &r->e))
		return -1;
	json_t *o = json_object(), *units = json_array(), *strategies = json_array();
	json_object_set_new(o, "unit_id", unit ? json_integer(unit) : json_null());
	json_object_set_new(o, "vision", json_null());
	for (size_t i = 0; i < nv; i++) {
		if (!vis[i].unit_id)
			json_object_set_new(o, "vision", vision_json(&vis[i]));
		else
			json_array_append_new(units, vision_json(&vis[i]));
	}
	json_object_set_new(o, "unit_visions", units);
	for (size_t i = 0; i < ns; i++) {
		struct strategy_plan *p;
		size_t np;
		if (strategy_plans(r->db, r->a, s[i].id, &p, &np, &r->e)) {
			json_decref(o);
			json_decref(strategies);
			return -1;
		}
		json_t *j = strategy_json(&s[i]);
		json_object_set_new(j, "plans", readable_plans(r, p, np));
		json_array_append_new(strategies, j);
	}
	json_object_set_new(o, "strategies", strategies);
	json_t *gaps = json_object(), *no_plan = json_array();
	for (size_t i = 0; i < ngs; i++)
		json_array_append_new(no_plan, strategy_json(&gs[i]));
	json_object_set_new(gaps, "no_plan", no_plan);
	json_object_set_new(gaps, "no_strategy", readable_plans(r, gp, ngp));
	json_object_set_new(o, "gaps", gaps);
	return api_reply(r, 200, o);
}
