/* api_recognition: /api/v1/recognitions and /api/v1/ideas. Recognizing,
 * proposing and voting are personal acts (routes of kind K_NONE): the
 * handler checks access_self and acts as the signed-in person; a record
 * named by :id must be readable (access_check), and removing or
 * answering is for the giver, author or owner, or an admin. */
#include <string.h>

#include "base/date.h"
#include "base/json.h"
#include "lead/idea.h"
#include "lead/recognition.h"
#include "web/api.h"

/* The person acting for a giver/author/owner check: 0 for an admin. */
static int64_t acting(const struct req *r)
{
	return r->who.role == ROLE_ADMIN ? 0 : r->who.person_id;
}

/* --- recognitions --- */

int recognition_list_api(struct req *r)
{
	struct recognition_filter f = {0};
	unsigned set = 0;
	struct recognition *v;
	size_t n;
	if (api_query(r, recognition_filter_fields, &f, &set) ||
	    api_scope(r, &f.unit_id, &set, RF_UNIT))
		return -1;
	if (!(set & RF_LIMIT)) {
		f.limit = API_PAGE;
		set |= RF_LIMIT;
	}
	if (recognition_list(r->db, r->a, &f, set, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, recognition_json(&v[i]));
	return api_reply_list(r, items, f.limit, f.offset);
}

int recognition_get_api(struct req *r)
{
	struct recognition g;
	if (recognition_get(r->db, r->a, r->id, &g, &r->e))
		return -1;
	return api_reply(r, 200, recognition_json(&g));
}

int recognition_post_api(struct req *r)
{
	struct recognition_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (access_self(&r->who, "recognize someone", &r->e) ||
	    api_body(r, recognition_api_fields, &in, &set))
		return -1;
	in.from_id = r->who.person_id;
	set |= REC_FROM;
	if (recognition_add(r->db, &in, set, &id, &r->e))
		return -1;
	struct recognition g;
	if (recognition_get(r->db, r->a, id, &g, &r->e))
		return -1;
	return api_created(r, "/api/v1/recognitions", id, recognition_json(&g));
}

int recognition_delete_api(struct req *r)
{
	if (access_check(r->db, &r->who, K_RECOGNITION, r->id, A_READ, &r->e) ||
	    recognition_rm(r->db, r->id, acting(r), &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

/* Per-person counts are shown to the signed-in person (themselves and
 * their direct reports) unless the leaderboard is on, for admins too. */
int recognition_counts_api(struct req *r)
{
	struct recognition_counts_q q = {0};
	unsigned set = 0;
	struct recognition_count *v;
	size_t n;
	if (api_query(r, recognition_counts_fields, &q, &set))
		return -1;
	if (set & RCQ_PERSON)
		return err_set(&r->e, ERR_BAD_INPUT, "person_id",
			       "person_id: the API counts as the signed-in person");
	if (api_scope(r, &q.unit_id, &set, RCQ_UNIT))
		return -1;
	int64_t viewer = r->who.person_id;
	if (recognition_counts(r->db, r->a, &q, set, viewer, date_today(), &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, recognition_count_json(&v[i]));
	return api_reply_list(r, items, (int64_t)n, 0);
}

/* --- ideas --- */

static int idea_reply(struct req *r, int64_t id, int status)
{
	struct idea i;
	if (idea_get(r->db, r->a, id, date_today(), &i, &r->e))
		return -1;
	if (status == 201)
		return api_created(r, "/api/v1/ideas", id, idea_json(&i));
	return api_reply(r, status, idea_json(&i));
}

int idea_list_api(struct req *r)
{
	struct idea_filter f = {0};
	unsigned set = 0;
	struct idea *v;
	size_t n;
	if (api_query(r, idea_filter_fields, &f, &set) || api_scope(r, &f.unit_id, &set, IF_UNIT))
		return -1;
	if (!(set & IF_LIMIT)) {
		f.limit = API_PAGE;
		set |= IF_LIMIT;
	}
	if (idea_list(r->db, r->a, &f, set, date_today(), &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, idea_json(&v[i]));
	return api_reply_list(r, items, f.limit, f.offset);
}

int idea_get_api(struct req *r)
{
	return idea_reply(r, r->id, 200);
}

int idea_post_api(struct req *r)
{
	struct idea_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (access_self(&r->who, "propose an idea", &r->e) ||
	    api_body(r, idea_api_fields, &in, &set))
		return -1;
	in.author_id = r->who.person_id;
	set |= IDEA_AUTHOR;
	if (idea_add(r->db, &in, set, &id, &r->e))
		return -1;
	return idea_reply(r, id, 201);
}

int idea_delete_api(struct req *r)
{
	if (access_check(r->db, &r->who, K_IDEA, r->id, A_READ, &r->e) ||
	    idea_rm(r->db, r->id, acting(r), &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

int idea_vote_api(struct req *r)
{
	if (access_check(r->db, &r->who, K_IDEA, r->id, A_READ, &r->e) ||
	    access_self(&r->who, "vote", &r->e) ||
	    idea_vote(r->db, r->id, r->who.person_id, &r->e))
		return -1;
	return idea_reply(r, r->id, 200);
}

int idea_unvote_api(struct req *r)
{
	if (access_check(r->db, &r->who, K_IDEA, r->id, A_READ, &r->e) ||
	    access_self(&r->who, "vote", &r->e) ||
	    idea_unvote(r->db, r->id, r->who.person_id, &r->e))
		return -1;
	return idea_reply(r, r->id, 200);
}

/* The body: status, reason, plan_id, step_id (person_id is refused: the
 * owner is the signed-in person). */
int idea_answer_api(struct req *r)
{
	struct idea_answer_input in = {0};
	unsigned set = 0;
	if (access_check(r->db, &r->who, K_IDEA, r->id, A_READ, &r->e) ||
	    api_body(r, idea_answer_fields + 1, &in, &set))
		return -1;
	if (r->who.role != ROLE_ADMIN && (!r->who.person_id || r->who.role == ROLE_VIEWER))
		return err_set(&r->e, ERR_FORBIDDEN, "", "only the idea's owner or an admin "
			       "answers it");
	if (idea_answer(r->db, r->id, acting(r), &in, set, &r->e))
		return -1;
	return idea_reply(r, r->id, 200);
}
