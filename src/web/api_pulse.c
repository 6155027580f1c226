/* api_pulse: /api/v1/pulses: pulse surveys, their questions, sending,
 * answers (POST /:id/answers as the signed-in person: K_NONE and
 * access_self) and results (JSON or CSV), which those whose units were
 * asked read too, for their units (pulse_access). No response names who
 * answered: results come from the counts alone (lead/pulse.h). */
#include <string.h>

#include "base/date.h"
#include "lead/pulse.h"
#include "web/api.h"
#include "web/page.h"

/* The answer's body: no person_id (it is the signed-in person). */
static const struct field answer_api_fields[] = {
	{.name = "answers", .type = FT_TEXT,
	 .offset = offsetof(struct pulse_answer_input, answers), .bit = PA_ANSWERS, .max = 200,
	 .required = 1, .help = "one value per question, in order: \"5,4,9\""},
	{.name = "comment", .type = FT_TEXT,
	 .offset = offsetof(struct pulse_answer_input, comment), .bit = PA_COMMENT, .max = 2000,
	 .help = "a comment, for the question that takes one"},
	{0},
};

static json_t *with_questions(struct req *r, const struct pulse *p)
{
	json_t *o = pulse_json(p), *qs = json_array();
	struct pulse_question *q;
	size_t nq;
	if (pulse_questions(r->db, r->a, p->id, &q, &nq, &r->e)) {
		json_decref(o);
		json_decref(qs);
		return NULL;
	}
	for (size_t i = 0; i < nq; i++)
		json_array_append_new(qs, pulse_question_json(&q[i]));
	json_object_set_new(o, "questions", qs);
	return o;
}

static int pulse_reply(struct req *r, int64_t id, int status)
{
	struct pulse p;
	if (pulse_get(r->db, r->a, id, &p, &r->e))
		return -1;
	json_t *o = with_questions(r, &p);
	if (!o)
		return -1;
	if (status == 201)
		return api_created(r, "/api/v1/pulses", id, o);
	return api_reply(r, status, o);
}

int pulse_list_api(struct req *r)
{
	struct pulse_filter f = {0};
	unsigned set = 0;
	struct pulse *v;
	size_t n;
	if (api_query(r, pulse_filter_fields, &f, &set) ||
	    api_scope(r, &f.unit_id, &set, PUL_UNIT))
		return -1;
	if (!(set & PUL_LIMIT)) {
		f.limit = API_PAGE;
		set |= PUL_LIMIT;
	}
	if (pulse_list(r->db, r->a, &f, set, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, pulse_json(&v[i]));
	return api_reply_list(r, items, f.limit, f.offset);
}

/* GET /api/v1/me/pulses: the pulses the signed-in person may answer now. */
int me_pulses_api(struct req *r)
{
	static const struct field none[] = {{0}};
	struct pulse *v;
	size_t n;
	if (api_query(r, none, NULL, &(unsigned){0}))
		return -1;
	if (!r->who.person_id)
		return api_reply_list(r, json_array(), 0, 0);
	if (pulse_pending(r->db, r->a, r->who.person_id, date_today(), &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = with_questions(r, &v[i]);
		if (!o) {
			json_decref(items);
			return -1;
		}
		json_array_append_new(items, o);
	}
	return api_reply_list(r, items, (int64_t)n, 0);
}

int pulse_get_api(struct req *r)
{
	int64_t unit = 0;
	int given = 0;
	if (pulse_access(r, r->id, &unit, &given))
		return -1;
	return pulse_reply(r, r->id, 200);
}

int pulse_post_api(struct req *r)
{
	struct pulse_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (api_body(r, pulse_fields, &in, &set) || pulse_add(r->db, &in, set, &id, &r->e))
		return -1;
	return pulse_reply(r, id, 201);
}

int pulse_delete_api(struct req *r)
{
	if (pulse_rm(r->db, r->id, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

int pulse_question_post_api(struct req *r)
{
	struct pulse_question_input in = {0};
	unsigned set = 0;
	int64_t qid;
	if (api_body(r, pulse_question_fields, &in, &set) ||
	    pulse_question_add(r->db, r->id, &in, set, &qid, &r->e))
		return -1;
	return pulse_reply(r, r->id, 201);
}

/* POST /api/v1/pulses/:id/send {"to_unit_id": U} (optional when units
 * were named before): the unit must lie within the pulse's unit. */
int pulse_send_api(struct req *r)
{
	struct pulse_target_input in = {0};
	unsigned set = 0;
	if (api_body(r, pulse_send_fields, &in, &set))
		return -1;
	if ((set & PT_UNIT) && pulse_target(r->db, r->id, in.unit_id, &r->e))
		return -1;
	if (pulse_send(r->db, r->id, &r->e))
		return -1;
	return pulse_reply(r, r->id, 200);
}

int pulse_answer_api(struct req *r)
{
	struct pulse_answer_input in = {0};
	unsigned set = 0;
	if (access_self(&r->who, "answer a pulse", &r->e) ||
	    api_body(r, answer_api_fields, &in, &set))
		return -1;
	in.person_id = r->who.person_id;
	set |= PA_PERSON;
	if (pulse_answer(r->db, r->id, &in, set, date_today(), &r->e))
		return -1;
	return api_reply(r, 201, json_pack("{s:b}", "answered", 1));
}

int pulse_results_api(struct req *r)
{
	struct pulse_view in = {0};
	unsigned set = 0;
	struct pulse_results res;
	if (api_query(r, pulse_view_api_fields, &in, &set))
		return -1;
	int given = (set & PV_UNIT) != 0, asked = given;
	if (pulse_access(r, r->id, &in.unit_id, &given))
		return -1;
	if (given)
		set |= PV_UNIT;
	if (pulse_results(r->db, r->a, r->id, (set & PV_UNIT) ? in.unit_id : 0, &res, &r->e) ||
	    (asked && pulse_refuse_small(&res, &r->e)))
		return -1;
	if (!(set & PV_FORMAT) || strcmp(in.format, "json") == 0)
		return api_reply(r, 200, pulse_results_json(r->a, &res));
	buf_reset(&r->page);
	pulse_csv(&r->page, r->a, &res);
	if (r->page.failed)
		return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	r->content_type = "text/csv; charset=utf-8";
	r->filename = arena_printf(r->a, "pulse-%lld-results.csv", (long long)r->id);
	return 0;
}

/* GET /api/v1/pulses/trend?question_text=...&unit_id=: the unit is
 * narrowed like a listing's filter (none: the actor's own unit). */
int pulse_trend_api(struct req *r)
{
	struct pulse_view in = {0};
	unsigned set = 0;
	struct pulse_point *p;
	size_t n;
	if (api_query(r, pulse_trend_fields, &in, &set) ||
	    fields_require(pulse_trend_fields, set, &r->e))
		return -1;
	if (r->who.role != ROLE_ADMIN && api_scope(r, &in.unit_id, &set, PV_UNIT))
		return -1;
	if (pulse_trend(r->db, r->a, in.question_text, (set & PV_UNIT) ? in.unit_id : 0, &p,
			&n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, pulse_point_json(&p[i]));
	return api_reply_list(r, items, (int64_t)n, 0);
}
