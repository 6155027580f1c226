/* api_evm: earned value over HTTP: a plan's figures (and curves) and the
 * roll-up over the unit tree. */
#include "base/date.h"
#include "manage/evm.h"
#include "web/api.h"

int plan_evm_api(struct req *r)
{
	struct evm_filter f = {0};
	unsigned set = 0;
	int32_t day;
	struct evm v;
	if (api_query(r, evm_filter_fields, &f, &set) || evm_filter_day(&f, set, &day, &r->e) ||
	    evm_plan(r->db, r->id, day, &v, &r->e))
		return -1;
	json_t *o = evm_json(&v);
	char d[11];
	date_format(day, d);
	json_object_set_new(o, "plan_id", json_integer(r->id));
	json_object_set_new(o, "as_of", json_string(d));
	if ((set & EVF_WEEKLY) && f.weekly) {
		struct evm_point *p;
		size_t n;
		int64_t bac;
		if (evm_weekly(r->db, r->a, r->id, day, &p, &n, &bac, &r->e)) {
			json_decref(o);
			return -1;
		}
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, evm_point_json(&p[i]));
		json_object_set_new(o, "weekly", items);
	}
	return api_reply(r, 200, o);
}

int evm_rollup_api(struct req *r)
{
	struct evm_filter f = {0};
	unsigned set = 0;
	int32_t day;
	struct evm_node *v;
	size_t n;
	if (api_query(r, evm_filter_fields, &f, &set) || api_scope(r, &f.unit_id, &set, EVF_UNIT) ||
	    evm_filter_day(&f, set, &day, &r->e) ||
	    evm_rollup(r->db, r->a, (set & EVF_UNIT) ? f.unit_id : 0, day, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, evm_node_json(&v[i]));
	return api_reply_list(r, items, -1, 0);
}
