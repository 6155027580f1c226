/* api_org: /api/v1/units and /api/v1/people, and /healthz. */
#include "org/person.h"
#include "org/unit.h"
#include "web/api.h"

static const struct field no_fields[] = {{0}};

int health_api(struct req *r)
{
	int64_t v;
	struct stmt *st = db_prepare(r->db, "SELECT count(*) FROM schema_version", &r->e);
	if (!st || db_one_int(st, &v, &r->e) < 0)
		return -1;
	json_t *o = json_object();
	json_object_set_new(o, "status", json_string("ok"));
	json_object_set_new(o, "database", json_string(db_backend_name(r->db)));
	json_object_set_new(o, "schema_version", json_integer(db_schema_version(r->db)));
	return api_reply(r, 200, o);
}

/* --- units --- */

static int unit_reply(struct req *r, int64_t id, int created)
{
	struct unit u;
	if (unit_get(r->db, r->a, id, &u, &r->e))
		return -1;
	if (created)
		return api_created(r, "/api/v1/units", id, unit_json(&u));
	return api_reply(r, 200, unit_json(&u));
}

int unit_list_api(struct req *r)
{
	unsigned set = 0;
	struct unit *v;
	size_t n;
	if (api_query(r, no_fields, NULL, &set) || unit_list(r->db, r->a, &v, &n, &r->e))
		return -1;
	/* only the actor's part of the tree: in tree order a unit follows
	 * its parent, so one pass marks the subtree */
	int64_t scope;
	int subtree;
	access_scope(&r->who, &scope, &subtree);
	char *in = scope ? arena_alloc(r->a, n ? n : 1) : NULL;
	if (scope && !in)
		return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++) {
		if (scope) {
			in[i] = v[i].id == scope;
			for (size_t j = i; !in[i] && j-- > 0;)
				if (v[j].id == v[i].parent_id) {
					in[i] = in[j] && subtree;
					break;
				}
			if (!in[i])
				continue;
		}
		json_t *o = unit_json(&v[i]);
		json_object_set_new(o, "depth", json_integer(v[i].depth));
		json_array_append_new(items, o);
	}
	return api_reply_list(r, items, -1, 0);
}

int unit_get_api(struct req *r)
{
	return unit_reply(r, r->id, 0);
}

int unit_post_api(struct req *r)
{
	struct unit_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (api_body(r, unit_fields, &in, &set) || unit_add(r->db, &in, set, &id, &r->e))
		return -1;
	return unit_reply(r, id, 1);
}

int unit_patch_api(struct req *r)
{
	struct unit_input in = {0};
	unsigned set = 0;
	if (api_body(r, unit_fields, &in, &set) || unit_set(r->db, r->id, &in, set, &r->e))
		return -1;
	return unit_reply(r, r->id, 0);
}

int unit_delete_api(struct req *r)
{
	if (unit_rm(r->db, r->id, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

/* --- people --- */

static int person_reply(struct req *r, int64_t id, int created)
{
	struct person p;
	if (person_get(r->db, r->a, id, &p, &r->e))
		return -1;
	json_t *o = person_json(&p);
	json_object_set_new(o, "reports", json_integer(p.reports));
	if (created)
		return api_created(r, "/api/v1/people", id, o);
	return api_reply(r, 200, o);
}

int person_list_api(struct req *r)
{
	struct person_filter f = {0};
	unsigned set = 0;
	struct person *v;
	size_t n;
	if (api_query(r, person_filter_fields, &f, &set) || api_scope(r, &f.unit_id, &set, PF_UNIT))
		return -1;
	if (!(set & PF_LIMIT)) {
		f.limit = API_PAGE;
		set |= PF_LIMIT;
	}
	if (person_list(r->db, r->a, &f, set, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, person_json(&v[i]));
	return api_reply_list(r, items, f.limit, f.offset);
}

int person_get_api(struct req *r)
{
	return person_reply(r, r->id, 0);
}

int person_post_api(struct req *r)
{
	struct person_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (api_body(r, person_fields, &in, &set) || person_add(r->db, &in, set, &id, &r->e))
		return -1;
	return person_reply(r, id, 1);
}

int person_patch_api(struct req *r)
{
	struct person_input in = {0};
	unsigned set = 0;
	if (api_body(r, person_fields, &in, &set) || person_set(r->db, r->id, &in, set, &r->e))
		return -1;
	return person_reply(r, r->id, 0);
}

int person_delete_api(struct req *r)
{
	if (person_rm(r->db, r->id, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}
