/* api_coalition: guiding coalitions (/api/v1/coalitions, with their
 * members), the organization's values (/api/v1/values: anyone signed in
 * reads them, admins write) and coaching notes (/api/v1/notes: the
 * signed-in person's own, shown to the two people of a note alone). */
#include "lead/coalition.h"
#include "lead/note.h"
#include "lead/value.h"
#include "web/api.h"

/* --- coalitions --- */

static int coalition_reply(struct req *r, int64_t id, int status)
{
	struct coalition c;
	struct coalition_member *m;
	struct coalition_reach *rc;
	struct coalition_coverage cv;
	struct coalition_unit *u;
	size_t nm, nr, nu;
	if (coalition_get(r->db, r->a, id, &c, &r->e) ||
	    coalition_members(r->db, r->a, id, &m, &nm, &r->e) ||
	    coalition_units(r->db, r->a, id, &u, &nu, &r->e) ||
	    coalition_coverage(r->db, id, &cv, &r->e) ||
	    coalition_reach(r->db, r->a, id, &rc, &nr, &r->e))
		return -1;
	json_t *o = coalition_json(&c);
	json_t *members = json_array(), *reach = json_array();
	for (size_t i = 0; i < nm; i++)
		json_array_append_new(members, coalition_member_json(&m[i]));
	for (size_t i = 0; i < nr; i++) {
		json_t *j = json_object();
		json_object_set_new(j, "unit_id", json_integer(rc[i].unit_id));
		json_object_set_new(j, "unit", json_string(rc[i].unit));
		json_object_set_new(j, "covered", json_boolean(rc[i].covered));
		json_array_append_new(reach, j);
	}
	json_object_set_new(o, "member_list", members);
	json_t *cov = coalition_coverage_json(&cv), *units = json_array();
	for (size_t i = 0; i < nu; i++) {
		json_t *j = json_object();
		json_object_set_new(j, "unit_id", json_integer(u[i].unit_id));
		json_object_set_new(j, "unit", json_string(u[i].unit));
		json_object_set_new(j, "members", json_integer(u[i].members));
		json_array_append_new(units, j);
	}
	json_object_set_new(cov, "unit_list", units);
	json_object_set_new(o, "coverage", cov);
	json_object_set_new(o, "affected_units", reach);
	if (status == 201)
		return api_created(r, "/api/v1/coalitions", id, o);
	return api_reply(r, status, o);
}

int coalition_list_api(struct req *r)
{
	struct coalition_filter f = {0};
	unsigned set = 0;
	struct coalition *v;
	size_t n;
	if (api_query(r, coalition_filter_fields, &f, &set) ||
	    api_scope(r, &f.unit_id, &set, COF_UNIT))
		return -1;
	if (!(set & COF_LIMIT)) {
		f.limit = API_PAGE;
		set |= COF_LIMIT;
	}
	if (coalition_list(r->db, r->a, &f, set, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, coalition_json(&v[i]));
	return api_reply_list(r, items, f.limit, f.offset);
}

int coalition_get_api(struct req *r)
{
	return coalition_reply(r, r->id, 200);
}

int coalition_post_api(struct req *r)
{
	struct coalition_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (api_body(r, coalition_fields, &in, &set) || coalition_add(r->db, &in, set, &id, &r->e))
		return -1;
	return coalition_reply(r, id, 201);
}

int coalition_patch_api(struct req *r)
{
	struct coalition_input in = {0};
	unsigned set = 0;
	if (api_body(r, coalition_fields, &in, &set) ||
	    coalition_set(r->db, r->id, &in, set, &r->e))
		return -1;
	return coalition_reply(r, r->id, 200);
}

int coalition_delete_api(struct req *r)
{
	if (coalition_rm(r->db, r->id, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

/* Members come from any unit: whoever may change the coalition names
 * them, as a manager names a person for a step's RACI. */
int coalition_member_post_api(struct req *r)
{
	struct coalition_member_input in = {0};
	unsigned set = 0;
	int added;
	if (api_body(r, coalition_member_fields, &in, &set) ||
	    coalition_join(r->db, r->id, &in, set, &added, &r->e))
		return -1;
	return coalition_reply(r, r->id, added ? 201 : 200);
}

int coalition_member_delete_api(struct req *r)
{
	if (coalition_leave(r->db, r->id, r->id2, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

/* --- values --- */

static const struct field no_fields[] = {{0}};

int value_list_api(struct req *r)
{
	struct org_value *v;
	size_t n;
	if (api_query(r, no_fields, NULL, &(unsigned){0}) || value_list(r->db, r->a, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, value_json(&v[i]));
	return api_reply_list(r, items, -1, 0);
}

static int value_reply(struct req *r, int64_t id, int status)
{
	struct org_value v;
	if (value_get(r->db, r->a, id, &v, &r->e))
		return -1;
	if (status == 201)
		return api_created(r, "/api/v1/values", id, value_json(&v));
	return api_reply(r, status, value_json(&v));
}

int value_get_api(struct req *r)
{
	return value_reply(r, r->id, 200);
}

int value_post_api(struct req *r)
{
	struct value_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (api_body(r, value_fields, &in, &set) || value_add(r->db, &in, set, &id, &r->e))
		return -1;
	return value_reply(r, id, 201);
}

int value_patch_api(struct req *r)
{
	struct value_input in = {0};
	unsigned set = 0;
	if (api_body(r, value_fields, &in, &set) || value_set(r->db, r->id, &in, set, &r->e))
		return -1;
	return value_reply(r, r->id, 200);
}

int value_delete_api(struct req *r)
{
	if (value_rm(r->db, r->id, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

/* --- coaching notes: the signed-in person's, whatever their role --- */

static const struct field note_with_fields[] = {
	{.name = "with_id", .type = FT_ID, .offset = offsetof(struct note_filter, with_id),
	 .bit = NOTF_WITH, .help = "only those with this other person"},
	{0},
};

int note_list_api(struct req *r)
{
	struct note_filter f = {0};
	unsigned set = 0;
	struct coaching_note *v = NULL;
	size_t n = 0;
	if (api_query(r, note_with_fields, &f, &set))
		return -1;
	/* an account of no person is party to no note */
	if (r->who.person_id) {
		f.person_id = r->who.person_id;
		set |= NOTF_PERSON;
		if (note_list(r->db, r->a, &f, set, &v, &n, &r->e))
			return -1;
	}
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, note_json(&v[i]));
	return api_reply_list(r, items, -1, 0);
}

int note_get_api(struct req *r)
{
	struct coaching_note n;
	if (note_get(r->db, r->a, r->id, r->who.person_id, &n, &r->e))
		return -1;
	return api_reply(r, 200, note_json(&n));
}

int note_post_api(struct req *r)
{
	struct note_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (access_self(&r->who, "write a coaching note", &r->e) ||
	    api_body(r, note_fields, &in, &set))
		return -1;
	in.author_id = r->who.person_id;
	set |= NOTE_AUTHOR;
	struct coaching_note n;
	if (note_add(r->db, &in, set, &id, &r->e) ||
	    note_get(r->db, r->a, id, r->who.person_id, &n, &r->e))
		return -1;
	/* the route is ROUTE_PRIVATE: its body stays out of the audit log */
	return api_created(r, "/api/v1/notes", id, note_json(&n));
}

int note_delete_api(struct req *r)
{
	if (access_self(&r->who, "remove a coaching note", &r->e) ||
	    note_rm(r->db, r->id, r->who.person_id, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}
