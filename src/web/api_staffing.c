/* api_staffing: /api/v1/skills, /people/:id/skills, /positions (with
 * their skills, holders and candidates), /staffing and /span. The core
 * checks the rights from the route table: skills are the organization's
 * (admins write them), a person's skills are the person's (K_PERSON),
 * everything about a position is the position's (K_POSITION). */
#include "manage/staffing.h"
#include "web/api.h"

static const struct field no_fields[] = {{0}};

/* POST /positions/:id/staff names the person; the position is the :id */
static const struct field staff_post_fields[] = {
	{.name = "person_id", .type = FT_ID, .offset = offsetof(struct staff_input, person_id),
	 .bit = STF_PERSON, .required = 1},
	{.name = "since", .type = FT_DATE, .offset = offsetof(struct staff_input, since),
	 .bit = STF_SINCE},
	{0},
};

struct candidates_q {
	int64_t unit_id;
};
static const struct field candidates_q_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct candidates_q, unit_id),
	 .bit = 1u << 0},
	{0},
};

/* --- skills --- */

static int skill_reply(struct req *r, int64_t id, int created)
{
	struct skill s;
	if (skill_get(r->db, r->a, id, &s, &r->e))
		return -1;
	if (created)
		return api_created(r, "/api/v1/skills", id, skill_json(&s, 0));
	return api_reply(r, 200, skill_json(&s, 0));
}

int skill_list_api(struct req *r)
{
	struct skill *v;
	size_t n;
	if (api_query(r, no_fields, NULL, &(unsigned){0}) ||
	    skill_list(r->db, r->a, NULL, 0, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, skill_json(&v[i], 0));
	return api_reply_list(r, items, -1, 0);
}

int skill_get_api(struct req *r)
{
	return skill_reply(r, r->id, 0);
}

int skill_post_api(struct req *r)
{
	struct skill_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (api_body(r, skill_fields, &in, &set) || skill_add(r->db, &in, set, &id, &r->e))
		return -1;
	return skill_reply(r, id, 1);
}

int skill_patch_api(struct req *r)
{
	struct skill_input in = {0};
	unsigned set = 0;
	if (api_body(r, skill_fields, &in, &set) || skill_set(r->db, r->id, &in, set, &r->e))
		return -1;
	return skill_reply(r, r->id, 0);
}

int skill_delete_api(struct req *r)
{
	if (skill_rm(r->db, r->id, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

/* --- a person's skills --- */

int person_skills_api(struct req *r)
{
	struct skill_filter f = {.person_id = r->id};
	struct skill *v;
	size_t n;
	if (api_query(r, no_fields, NULL, &(unsigned){0}) ||
	    skill_list(r->db, r->a, &f, SKF_PERSON, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, skill_json(&v[i], 1));
	return api_reply_list(r, items, -1, 0);
}

int person_skill_put_api(struct req *r)
{
	struct level_input in = {0};
	unsigned set = 0;
	if (api_body(r, level_fields, &in, &set) ||
	    person_skill_set(r->db, r->id, &in, set, &r->e))
		return -1;
	return person_skills_api(r);
}

int person_skill_delete_api(struct req *r)
{
	if (person_skill_rm(r->db, r->id, r->id2, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

/* --- positions --- */

static int position_reply(struct req *r, int64_t id, int status)
{
	struct position p;
	struct staff_filter f = {.position_id = id};
	struct staff *v;
	size_t n;
	if (position_get(r->db, r->a, id, &p, &r->e) ||
	    staff_list(r->db, r->a, &f, SFF_POSITION, &v, &n, &r->e))
		return -1;
	json_t *o = position_json(&p);
	json_t *holders = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(holders, staff_json(&v[i]));
	json_object_set_new(o, "holders", holders);
	if (status == 201)
		return api_created(r, "/api/v1/positions", id, o);
	return api_reply(r, status, o);
}

int position_list_api(struct req *r)
{
	struct position_filter f = {0};
	unsigned set = 0;
	struct position *v;
	size_t n;
	if (api_query(r, position_filter_fields, &f, &set) ||
	    api_scope(r, &f.unit_id, &set, POF_UNIT))
		return -1;
	if (!(set & POF_LIMIT)) {
		f.limit = API_PAGE;
		set |= POF_LIMIT;
	}
	if (position_list(r->db, r->a, &f, set, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, position_json(&v[i]));
	return api_reply_list(r, items, f.limit, f.offset);
}

int position_get_api(struct req *r)
{
	return position_reply(r, r->id, 200);
}

int position_post_api(struct req *r)
{
	struct position_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (api_body(r, position_fields, &in, &set) ||
	    position_add(r->db, &in, set, &id, &r->e))
		return -1;
	return position_reply(r, id, 201);
}

int position_patch_api(struct req *r)
{
	struct position_input in = {0};
	unsigned set = 0;
	if (api_body(r, position_fields, &in, &set) ||
	    position_set(r->db, r->id, &in, set, &r->e))
		return -1;
	return position_reply(r, r->id, 200);
}

int position_delete_api(struct req *r)
{
	if (position_rm(r->db, r->id, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

int position_skill_post_api(struct req *r)
{
	struct level_input in = {0};
	unsigned set = 0;
	if (api_body(r, level_fields, &in, &set) || position_need(r->db, r->id, &in, set, &r->e))
		return -1;
	return position_reply(r, r->id, 200);
}

int position_skill_delete_api(struct req *r)
{
	if (position_unneed(r->db, r->id, r->id2, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

int position_candidates_api(struct req *r)
{
	struct candidates_q q = {0};
	unsigned set = 0;
	if (api_query(r, candidates_q_fields, &q, &set))
		return -1;
	/* a unit given must be one the actor reads */
	if (set && api_scope(r, &q.unit_id, &set, 1u << 0))
		return -1;
	struct candidate *v;
	size_t n;
	if (staff_match(r->db, r->a, r->id, set ? q.unit_id : 0, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, candidate_json(&v[i]));
	return api_reply_list(r, items, -1, 0);
}

int position_staff_post_api(struct req *r)
{
	struct staff_input in = {0};
	unsigned set = 0;
	if (api_body(r, staff_post_fields, &in, &set))
		return -1;
	if (!(set & STF_PERSON))
		return err_set(&r->e, ERR_BAD_INPUT, "person_id", "person_id: is required");
	/* the person must be one the actor may see, as the core checks the
	 * references of other bodies */
	struct err e2 = {0};
	if (access_check(r->db, &r->who, K_PERSON, in.person_id, A_READ, &e2)) {
		if (e2.status != ERR_NOT_FOUND) {
			r->e = e2;
			return -1;
		}
		return err_set(&r->e, ERR_NOT_FOUND, "person_id", "person_id: no person with id %lld",
			       (long long)in.person_id);
	}
	in.position_id = r->id;
	set |= STF_POSITION;
	int64_t id;
	struct staff s;
	if (staff_add(r->db, &in, set, &id, &r->e) || staff_get(r->db, r->a, id, &s, &r->e))
		return -1;
	return api_created(r, "/api/v1/staffing", id, staff_json(&s));
}

int position_staff_delete_api(struct req *r)
{
	if (staff_rm_of(r->db, r->id, r->id2, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

/* --- staffing and span --- */

int staffing_list_api(struct req *r)
{
	struct staff_filter f = {0};
	unsigned set = 0;
	struct staff *v;
	size_t n;
	if (api_query(r, staff_filter_fields, &f, &set) || api_scope(r, &f.unit_id, &set, SFF_UNIT))
		return -1;
	if (!(set & SFF_LIMIT)) {
		f.limit = API_PAGE;
		set |= SFF_LIMIT;
	}
	if (staff_list(r->db, r->a, &f, set, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, staff_json(&v[i]));
	return api_reply_list(r, items, f.limit, f.offset);
}

int span_api(struct req *r)
{
	struct span_filter f = {0};
	unsigned set = 0;
	struct span *v;
	size_t n;
	if (api_query(r, span_filter_fields, &f, &set) || api_scope(r, &f.unit_id, &set, SPF_UNIT) ||
	    span_list(r->db, r->a, &f, set, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, span_json(&v[i]));
	return api_reply_list(r, items, -1, 0);
}
