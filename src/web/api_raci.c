/* api_raci: RACI roles (/api/v1/plans/:id/raci, /api/v1/steps/:id/raci),
 * publishing (/api/v1/plans/:id/publish), feeds (/api/v1/people/:id/feed,
 * /api/v1/me/feed) and capacity (/api/v1/capacity,
 * /api/v1/people/:id/load). */
#include <string.h>

#include "manage/capacity.h"
#include "manage/raci.h"
#include "web/api.h"

/* --- RACI ------------------------------------------------------------------ */

static const struct field no_fields[] = {{0}};

int plan_raci_api(struct req *r)
{
	struct raci_matrix m;
	if (api_query(r, no_fields, NULL, &(unsigned){0}) ||
	    raci_matrix(r->db, r->a, r->id, &m, &r->e))
		return -1;
	return api_reply(r, 200, raci_matrix_json(&m));
}

int step_raci_put_api(struct req *r)
{
	struct raci_input in = {0};
	unsigned set = 0;
	if (api_body(r, raci_fields, &in, &set))
		return -1;
	/* a person the actor may not see is one that does not exist */
	if ((set & RACI_PERSON) && in.person_id) {
		struct err e2 = {0};
		if (access_check(r->db, &r->who, K_PERSON, in.person_id, A_READ, &e2))
			return err_set(&r->e, ERR_NOT_FOUND, "person_id",
			               "person_id: no person with id %lld",
			               (long long)in.person_id);
	}
	if (raci_set(r->db, r->id, &in, set, &r->e))
		return -1;
	json_t *o = json_object();
	json_object_set_new(o, "step_id", json_integer(r->id));
	json_object_set_new(o, "person_id", json_integer(in.person_id));
	json_object_set_new(o, "role", strcmp(in.role, "none") == 0 ? json_null()
								    : json_string(in.role));
	return api_reply(r, 200, o);
}

int step_raci_delete_api(struct req *r)
{
	if (raci_rm(r->db, r->id, r->id2, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

/* --- publishing and feeds ------------------------------------------------------ */

int plan_publish_api(struct req *r)
{
	struct publish_input in = {0};
	unsigned set = 0;
	int64_t id;
	struct publication p;
	/* the body is optional: {"note": "..."} */
	if (r->body_len && api_body(r, publish_fields, &in, &set))
		return -1;
	const char *by = r->who.name[0] ? r->who.name : r->who.login;
	if (plan_publish(r->db, r->id, by, &in, set, &id, &r->e) ||
	    publication_get(r->db, r->a, id, &p, &r->e))
		return -1;
	return api_reply(r, 201, publication_json(&p));
}

static int feed_reply(struct req *r, int64_t person_id)
{
	struct feed_query q = {0};
	unsigned set = 0;
	struct publication *v;
	size_t n;
	if (api_query(r, feed_query_fields, &q, &set))
		return -1;
	int64_t limit = (set & FQ_LIMIT) ? q.limit : API_PAGE;
	if (person_feed(r->db, r->a, person_id, limit, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, publication_json(&v[i]));
	return api_reply_list(r, items, limit, 0);
}

int person_feed_api(struct req *r)
{
	return feed_reply(r, r->id);
}

int me_feed_api(struct req *r)
{
	if (!r->who.person_id)
		return err_set(&r->e, ERR_NOT_FOUND, "", "this account is not a person's: it has "
			       "no feed");
	return feed_reply(r, r->who.person_id);
}

/* --- capacity --------------------------------------------------------------------- */

/* load_query_fields is person_id, unit_id, from, weeks: the API names a
 * person in the path, so its tables are tails of that one. */
#define CAPACITY_FIELDS (load_query_fields + 1)	/* unit_id, from, weeks */
#define PERSON_LOAD_FIELDS (load_query_fields + 2)	/* from, weeks */

static int loads_reply(struct req *r, int64_t person_id, const struct field *fields)
{
	struct load_query q = {0};
	unsigned set = 0;
	int32_t from;
	int weeks;
	struct person_load *v;
	size_t n;
	if (api_query(r, fields, &q, &set))
		return -1;
	if (!person_id && api_scope(r, &q.unit_id, &set, LQ_UNIT))
		return -1;
	if (load_query_range(&q, set, &from, &weeks, &r->e) ||
	    capacity_load(r->db, r->a, person_id, (set & LQ_UNIT) ? q.unit_id : 0, from, weeks,
			  &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, person_load_json(&v[i]));
	return api_reply_list(r, items, -1, 0);
}

int capacity_api(struct req *r)
{
	return loads_reply(r, 0, CAPACITY_FIELDS);
}

int person_load_api(struct req *r)
{
	return loads_reply(r, r->id, PERSON_LOAD_FIELDS);
}
