/* api_balance: the balance's routes. GET /api/v1/balance (every unit the
 * actor reads, with the organization's row for those who read the whole
 * tree), GET /api/v1/balance/units/:id (one unit with every indicator),
 * POST /api/v1/balance/snapshots (managers and admins), GET
 * /api/v1/balance/history. */
#include <string.h>

#include "balance/balance.h"
#include "web/api.h"
#include "org/unit.h"

int bal_view_scope(struct req *r, int64_t *unit, int *org)
{
	int64_t scope;
	int subtree;
	access_scope(&r->who, &scope, &subtree);
	*org = scope == 0;
	if (scope && !*unit)
		*unit = scope;
	if (scope && *unit) {
		int given = 1;
		if (access_narrow(r->db, &r->who, unit, &given, &r->e))
			return -1;
	}
	/* the people of the only root unit read the whole tree */
	if (!*org && *unit == scope) {
		struct stmt *st = db_prepare(r->db,
			"SELECT count(*) FROM unit WHERE parent_id IS NULL AND id <> :id", &r->e);
		if (!st)
			return -1;
		db_bind_int(st, ":id", scope);
		int64_t others = 1;
		if (db_one_int(st, &others, &r->e) < 0)
			return -1;
		struct stmt *p = db_prepare(r->db, "SELECT count(*) FROM unit WHERE id = :id AND "
					    "parent_id IS NULL", &r->e);
		if (!p)
			return -1;
		db_bind_int(p, ":id", scope);
		int64_t root = 0;
		if (db_one_int(p, &root, &r->e) < 0)
			return -1;
		*org = root && !others;
	}
	return 0;
}

int balance_list_api(struct req *r)
{
	struct bal_filter f = {0};
	unsigned set = 0;
	if (api_query(r, bal_filter_fields, &f, &set))
		return -1;
	int64_t unit = (set & BALF_UNIT) ? f.unit_id : 0;
	int org;
	if (unit && unit_must_exist(r->db, unit, "unit_id", &r->e))
		return -1;
	if (bal_view_scope(r, &unit, &org))
		return -1;
	struct bal_result res;
	if (balance_compute(r->db, r->a, (set & BALF_AS_OF) ? f.as_of : NULL, &res, &r->e))
		return -1;
	json_t *items = json_array();
	size_t from = 0;
	/* the organization's row when the whole tree is asked and readable */
	if (org && !(set & BALF_UNIT))
		json_array_append_new(items, bal_unit_json(&res.units[0], 1));
	for (size_t i = 1; i < res.n; i++) {
		if (!bal_in_subtree(&res, org && !(set & BALF_UNIT) ? 0 : unit, i, &from)) {
			if (from)
				break;
			continue;
		}
		json_array_append_new(items, bal_unit_json(&res.units[i], 1));
	}
	json_t *o = json_object();
	json_object_set_new(o, "as_of", json_string(res.as_of));
	json_object_set_new(o, "managed", json_real(res.managed));
	json_object_set_new(o, "led", json_real(res.led));
	json_object_set_new(o, "count", json_integer((json_int_t)json_array_size(items)));
	json_object_set_new(o, "items", items);
	return api_reply(r, 200, o);
}

int balance_unit_api(struct req *r)
{
	struct bal_filter f = {0};
	unsigned set = 0;
	if (api_query(r, bal_day_fields, &f, &set))
		return -1;
	struct bal_unit u;
	if (balance_unit(r->db, r->a, r->id, (set & BALF_AS_OF) ? f.as_of : NULL, &u, &r->e))
		return -1;
	return api_reply(r, 200, bal_unit_json(&u, 1));
}

int balance_snapshot_api(struct req *r)
{
	struct bal_filter f = {0};
	unsigned set = 0;
	if (r->who.role < ROLE_MANAGER)
		return err_set(&r->e, ERR_FORBIDDEN, "",
			       "a snapshot is taken by a manager or an admin");
	if (r->body_len && api_body(r, bal_day_fields, &f, &set))
		return -1;
	int64_t id;
	if (balance_snapshot(r->db, (set & BALF_AS_OF) ? f.as_of : NULL, "manual", &id, &r->e))
		return -1;
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(id));
	/* the organization's point, for those who read the whole tree */
	int64_t unit = 0;
	int org = 0;
	if (bal_view_scope(r, &unit, &org)) {
		json_decref(o);
		return -1;
	}
	struct bal_point *p;
	size_t n;
	if (org && balance_history(r->db, r->a, 0, &p, &n, &r->e)) {
		json_decref(o);
		return -1;
	}
	for (size_t i = 0; org && i < n; i++)
		if (p[i].snapshot_id == id)
			json_object_set_new(o, "organization", bal_point_json(&p[i]));
	return api_created(r, "/api/v1/balance/snapshots", id, o);
}

int balance_history_api(struct req *r)
{
	struct bal_filter f = {0};
	unsigned set = 0;
	if (api_query(r, bal_unit_fields, &f, &set))
		return -1;
	int64_t unit = (set & BALF_UNIT) ? f.unit_id : 0;
	int org;
	if (unit && unit_must_exist(r->db, unit, "unit_id", &r->e))
		return -1;
	if (bal_view_scope(r, &unit, &org))
		return -1;
	if (org && !(set & BALF_UNIT))
		unit = 0;
	struct bal_point *p;
	size_t n;
	if (balance_history(r->db, r->a, unit, &p, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, bal_point_json(&p[i]));
	return api_reply_list(r, items, (int64_t)n, 0);
}
