/* api_assess: /api/v1/assess (the self-assessment), /api/v1/cohorts
 * (workshops) and /api/v1/join. Taking the assessment and reading one's
 * profile are personal (routes of kind K_NONE): the handler acts as the
 * signed-in person, and anyone else's profile is 404, admins included.
 * Groups (a unit, a cohort) answer only their anonymous aggregate, and
 * 403 while it is too small to show. Joining needs no sign-in: the code
 * is the credential, and the answer carries a session token. */
#include <ctype.h>
#include <sodium.h>
#include <string.h>

#include "balance/assess.h"
#include "balance/cohort.h"
#include "base/json.h"
#include "org/account.h"
#include "org/audit.h"
#include "web/api.h"

/* --- the self-assessment ------------------------------------------- */

int assess_items_api(struct req *r)
{
	if (api_query(r, NULL, NULL, &(unsigned){0}))
		return -1;
	json_t *items = assess_items_json();
	size_t n = json_array_size(items);
	return api_reply_list(r, items, (int64_t)n, 0);
}

/* The person's profile beside their unit's aggregate, as JSON. */
static json_t *person_json(struct req *r, int64_t person)
{
	struct assess_profile p, u;
	if (assess_person(r->db, person, &p, &r->e))
		return NULL;
	int64_t unit = 0;
	struct stmt *st = db_prepare(r->db, "SELECT unit_id FROM assessment WHERE id = :id",
				     &r->e);
	if (!st)
		return NULL;
	db_bind_int(st, ":id", p.assessment_id);
	if (db_one_int(st, &unit, &r->e) < 0 || assess_unit(r->db, unit, &u, &r->e))
		return NULL;
	json_t *o = json_object();
	json_set_int(o, "person_id", person);
	json_object_set_new(o, "profile", assess_profile_json(&p, 1));
	json_t *x = assess_profile_json(&u, 0);
	json_set_int(x, "unit_id", unit);
	json_set_str(x, "unit", u.group);
	json_object_set_new(o, "unit", x);
	return o;
}

int assess_post_api(struct req *r)
{
	struct assess_take_input in = {0};
	unsigned set = 0;
	int answers[ASSESS_ITEMS];
	int64_t id;
	if (access_self(&r->who, "take the self-assessment", &r->e) ||
	    api_body(r, assess_api_fields, &in, &set) ||
	    fields_require(assess_api_fields, set, &r->e) ||
	    assess_parse_answers(in.answers, answers, &r->e) ||
	    assess_take(r->db, r->who.person_id, (set & AT_COHORT) ? in.cohort_id : 0, answers,
			&id, &r->e))
		return -1;
	json_t *o = person_json(r, r->who.person_id);
	if (!o)
		return -1;
	json_set_int(o, "id", id);
	return api_reply(r, 201, o);
}

/* Only the person reads their own: for anyone else, as if none existed. */
static int own(struct req *r, int64_t person)
{
	if (!r->who.person_id || r->who.person_id != person)
		return err_set(&r->e, ERR_NOT_FOUND, "id",
			       "no self-assessment of person %lld that you may read",
			       (long long)person);
	return 0;
}

int assess_me_api(struct req *r)
{
	if (api_query(r, NULL, NULL, &(unsigned){0}))
		return -1;
	if (!r->who.person_id)
		return err_set(&r->e, ERR_NOT_FOUND, "", "an account of no person has no "
			       "self-assessment");
	json_t *o = person_json(r, r->who.person_id);
	return o ? api_reply(r, 200, o) : -1;
}

int assess_person_api(struct req *r)
{
	if (own(r, r->id))
		return -1;
	json_t *o = person_json(r, r->id);
	return o ? api_reply(r, 200, o) : -1;
}

int assess_unit_api(struct req *r)
{
	struct assess_profile p;
	if (api_query(r, NULL, NULL, &(unsigned){0}) || assess_unit(r->db, r->id, &p, &r->e) ||
	    assess_refuse_small(&p, NULL, &r->e))
		return -1;
	json_t *o = json_object();
	json_set_int(o, "unit_id", r->id);
	json_set_str(o, "unit", p.group);
	json_t *x = assess_profile_json(&p, 1);
	json_object_update(o, x);
	json_decref(x);
	return api_reply(r, 200, o);
}

int assess_compare_api(struct req *r)
{
	struct assess_compare c;
	if (api_query(r, NULL, NULL, &(unsigned){0}) ||
	    assess_compare(r->db, r->a, r->id, &c, &r->e))
		return -1;
	return api_reply(r, 200, assess_compare_json(&c));
}

/* --- workshops ------------------------------------------------------- */

static int cohort_reply(struct req *r, int64_t id, int status)
{
	struct cohort c;
	if (cohort_get(r->db, r->a, id, &c, &r->e))
		return -1;
	if (status == 201)
		return api_created(r, "/api/v1/cohorts", id, cohort_json(&c));
	return api_reply(r, status, cohort_json(&c));
}

int cohort_list_api(struct req *r)
{
	struct cohort_filter f = {0};
	unsigned set = 0;
	struct cohort *v;
	size_t n;
	if (api_query(r, cohort_filter_fields, &f, &set) ||
	    api_scope(r, &f.unit_id, &set, COHF_UNIT) ||
	    cohort_list(r->db, r->a, &f, set, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, cohort_json(&v[i]));
	return api_reply_list(r, items, (int64_t)n, 0);
}

int cohort_get_api(struct req *r)
{
	return cohort_reply(r, r->id, 200);
}

int cohort_post_api(struct req *r)
{
	struct cohort_input in = {0};
	unsigned set = 0;
	int64_t id;
	char code[COHORT_CODE_LEN + 1];
	if (api_body(r, cohort_fields, &in, &set))
		return -1;
	if (!(set & COH_TRAINER) && r->who.person_id) {
		in.trainer_id = r->who.person_id;
		set |= COH_TRAINER;
	}
	if (api_refs(r, &(struct api_ref){K_PERSON, in.trainer_id, "trainer_id"}, 1) ||
	    cohort_add(r->db, &in, set, &id, code, &r->e))
		return -1;
	return cohort_reply(r, id, 201);
}

int cohort_aggregate_api(struct req *r)
{
	struct assess_profile p;
	if (api_query(r, NULL, NULL, &(unsigned){0}) || assess_cohort(r->db, r->id, &p, &r->e) ||
	    assess_refuse_small(&p, NULL, &r->e))
		return -1;
	json_t *o = json_object();
	json_set_int(o, "cohort_id", r->id);
	json_t *x = assess_profile_json(&p, 1);
	json_object_update(o, x);
	json_decref(x);
	return api_reply(r, 200, o);
}

int cohort_close_api(struct req *r)
{
	if (cohort_close(r->db, r->id, &r->e))
		return -1;
	return cohort_reply(r, r->id, 200);
}

int cohort_delete_api(struct req *r)
{
	if (cohort_rm(r->db, r->id, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

/* Joins a workshop as a new participant and signs them in: the answer
 * holds a session token (8 hours), for "Authorization: Bearer". */
int join_api(struct req *r)
{
	struct join_input in = {0};
	unsigned set = 0;
	int64_t person, cohort;
	if (api_body(r, join_fields, &in, &set) ||
	    cohort_join_new(r->db, &in, set, &person, &cohort, &r->e))
		return -1;
	char *login = arena_strdup(r->a, in.email);
	for (char *p = login; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	char token[TOKEN_CHARS + 1];
	struct actor who;
	/* the core audits signed-in writes only: this one as the newcomer */
	if (session_login(r->db, login, in.password, r->address, token, &who, &r->e))
		return -1;
	who.via = VIA_API;
	if (audit_write(r->db, &who, "POST /api/v1/join", person, NULL, &r->e)) {
		sodium_memzero(token, sizeof token);
		return -1;
	}
	json_t *o = json_object();
	json_set_int(o, "person_id", person);
	json_set_int(o, "cohort_id", cohort);
	json_set_str(o, "login", login);
	json_set_str(o, "token", token);
	json_set_int(o, "expires_in", SESSION_SECONDS);
	sodium_memzero(token, sizeof token);
	return api_reply(r, 201, o);
}
