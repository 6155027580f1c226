/* api_comm: stakeholders (/api/v1/stakeholders), communications
 * (/api/v1/comms: audience, sending, coverage, who is unreached), a
 * recipient's own state (POST /api/v1/comms/:id/ack, a personal action)
 * and commitments (/api/v1/comms/:id/commitments, /api/v1/commitments/:id). */
#include <string.h>

#include "base/date.h"
#include "lead/comm.h"
#include "lead/stakeholder.h"
#include "org/unit.h"
#include "web/api.h"

/* --- stakeholders --- */

static int stakeholder_reply(struct req *r, int64_t id, int status)
{
	struct stakeholder s;
	if (stakeholder_get(r->db, r->a, id, &s, &r->e))
		return -1;
	if (status == 201)
		return api_created(r, "/api/v1/stakeholders", id, stakeholder_json(&s));
	return api_reply(r, status, stakeholder_json(&s));
}

int stakeholder_list_api(struct req *r)
{
	struct stakeholder_filter f = {0};
	unsigned set = 0;
	struct stakeholder *v;
	size_t n;
	if (api_query(r, stakeholder_filter_fields, &f, &set) ||
	    stakeholder_list(r->db, r->a, &f, set, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++) {
		struct err e2 = {0};	/* only those the actor may read */
		if (access_check(r->db, &r->who, K_STAKEHOLDER, v[i].id, A_READ, &e2) == 0)
			json_array_append_new(items, stakeholder_json(&v[i]));
	}
	return api_reply_list(r, items, -1, 0);
}

int stakeholder_get_api(struct req *r)
{
	return stakeholder_reply(r, r->id, 200);
}

int stakeholder_post_api(struct req *r)
{
	struct stakeholder_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (api_body(r, stakeholder_fields, &in, &set) ||
	    stakeholder_add(r->db, &in, set, &id, &r->e))
		return -1;
	return stakeholder_reply(r, id, 201);
}

int stakeholder_patch_api(struct req *r)
{
	struct stakeholder_input in = {0};
	unsigned set = 0;
	if (api_body(r, stakeholder_fields, &in, &set) ||
	    stakeholder_set(r->db, r->id, &in, set, &r->e))
		return -1;
	return stakeholder_reply(r, r->id, 200);
}

int stakeholder_delete_api(struct req *r)
{
	if (stakeholder_rm(r->db, r->id, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

/* --- communications --- */

static const char *today_text(struct req *r)
{
	char *d = arena_alloc(r->a, 11);
	if (d)
		date_format(date_today(), d);
	return d ? d : "9999-12-31";
}

/* The communication with its audience, coverage, commitments, the
 * disagreements and the sender's say-do record. */
static int comm_reply(struct req *r, int64_t id, int status)
{
	struct comm m;
	struct comm_audience *au;
	struct commitment *k;
	struct comm_recipient *d;
	size_t nau, nk, nd;
	struct coverage cov;
	struct sayd sd = {0};
	if (comm_get(r->db, r->a, id, &m, &r->e) ||
	    comm_audience_list(r->db, r->a, id, &au, &nau, &r->e) ||
	    commitment_list(r->db, r->a, id, &k, &nk, &r->e) ||
	    comm_coverage(r->db, id, 0, &cov, &r->e) ||
	    comm_recipients(r->db, r->a, id, 0, "disagrees", &d, &nd, &r->e) ||
	    (m.sender_id && comm_sayd(r->db, m.sender_id, today_text(r), &sd, &r->e)))
		return -1;
	json_t *o = comm_json(&m);
	json_t *aj = json_array(), *kj = json_array(), *dj = json_array();
	for (size_t i = 0; i < nau; i++) {
		json_t *j = json_object();
		json_object_set_new(j, "kind", json_string(au[i].kind));
		json_object_set_new(j, "id", json_integer(au[i].ref_id));
		json_object_set_new(j, "name", au[i].name ? json_string(au[i].name) : json_null());
		json_array_append_new(aj, j);
	}
	for (size_t i = 0; i < nk; i++)
		json_array_append_new(kj, commitment_json(&k[i]));
	for (size_t i = 0; i < nd; i++)
		json_array_append_new(dj, comm_recipient_json(&d[i]));
	json_object_set_new(o, "audience", aj);
	json_object_set_new(o, "coverage", coverage_json(&cov));
	json_object_set_new(o, "commitments", kj);
	json_object_set_new(o, "disagreements", dj);
	json_object_set_new(o, "sender_say_do", m.sender_id ? sayd_json(&sd) : json_null());
	if (status == 201)
		return api_created(r, "/api/v1/comms", id, o);
	return api_reply(r, status, o);
}

int comm_list_api(struct req *r)
{
	struct comm_filter f = {0};
	unsigned set = 0;
	struct comm *v;
	size_t n;
	if (api_query(r, comm_filter_fields, &f, &set) ||
	    api_scope(r, &f.unit_id, &set, CF_UNIT) ||
	    comm_list(r->db, r->a, &f, set, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, comm_json(&v[i]));
	return api_reply_list(r, items, -1, 0);
}

int comm_get_api(struct req *r)
{
	return comm_reply(r, r->id, 200);
}

int comm_post_api(struct req *r)
{
	struct comm_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (api_body(r, comm_fields, &in, &set) || comm_add(r->db, &in, set, &id, &r->e))
		return -1;
	return comm_reply(r, id, 201);
}

int comm_delete_api(struct req *r)
{
	if (comm_rm(r->db, r->id, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

int comm_audience_post_api(struct req *r)
{
	struct comm_audience_input in = {0};
	unsigned set = 0;
	if (api_body(r, comm_audience_fields, &in, &set) ||
	    comm_audience_add(r->db, r->id, &in, set, &r->e))
		return -1;
	return comm_reply(r, r->id, 200);
}

int comm_send_api(struct req *r)
{
	int64_t n;
	if (comm_send(r->db, r->id, &n, &r->e))
		return -1;
	return comm_reply(r, r->id, 200);
}

/* The ack body: the state, a comment, and for a stakeholder its id (the
 * person acting is always the signed-in one). */
static const struct field ack_api_fields[] = {
	{.name = "state", .type = FT_ENUM, .offset = offsetof(struct comm_ack_input, state),
	 .bit = ACK_STATE, .choices = comm_ack_states, .required = 1,
	 .help = "reached, understood, committed or disagrees"},
	{.name = "comment", .type = FT_TEXT, .offset = offsetof(struct comm_ack_input, comment),
	 .bit = ACK_COMMENT, .max = 2000, .help = "a comment for the sender"},
	{.name = "stakeholder_id", .type = FT_ID,
	 .offset = offsetof(struct comm_ack_input, stakeholder_id), .bit = ACK_STAKEHOLDER,
	 .help = "for this stakeholder (its relationship owner, or an admin)"},
	{0},
};

/* POST /api/v1/comms/:id/ack: a recipient sets their own state (K_NONE:
 * someone signed in; a comm they did not receive is 404 to them). */
int comm_ack_api(struct req *r)
{
	struct comm_ack_input in = {0};
	unsigned set = 0;
	if (access_self(&r->who, "acknowledge a communication", &r->e) ||
	    api_body(r, ack_api_fields, &in, &set))
		return -1;
	if (set & ACK_STAKEHOLDER) {
		struct stakeholder s;
		if (stakeholder_get(r->db, r->a, in.stakeholder_id, &s, &r->e))
			return -1;
		if (r->who.role != ROLE_ADMIN && s.owner_id != r->who.person_id)
			return err_set(&r->e, ERR_FORBIDDEN, "stakeholder_id",
				       "stakeholder_id: only its relationship owner or an admin "
				       "records a stakeholder's state");
	} else {
		in.person_id = r->who.person_id;
		set |= ACK_PERSON;
	}
	if (comm_ack(r->db, r->id, &in, set, &r->e)) {
		if (r->e.status == ERR_NOT_FOUND && !(set & ACK_STAKEHOLDER))
			snprintf(r->e.msg, sizeof r->e.msg,
				 "no communication with id %lld sent to you", (long long)r->id);
		return -1;
	}
	return api_reply(r, 200, json_pack("{s:I,s:s}", "comm_id", (json_int_t)r->id,
					   "state", in.state));
}

static const struct field coverage_q_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct comm_filter, unit_id),
	 .bit = CF_UNIT, .help = "that unit and the units under it"},
	{0},
};

int comm_coverage_api(struct req *r)
{
	struct comm_filter f = {0};
	unsigned set = 0;
	struct coverage cov;
	struct comm_recipient *u;
	size_t nu;
	/* whoever reads the communication reads its whole audience's states */
	if (api_query(r, coverage_q_fields, &f, &set))
		return -1;
	int64_t unit = (set & CF_UNIT) ? f.unit_id : 0;
	if (unit && unit_must_exist(r->db, unit, "unit_id", &r->e))
		return -1;
	if (comm_coverage(r->db, r->id, unit, &cov, &r->e) ||
	    comm_recipients(r->db, r->a, r->id, unit, "sent", &u, &nu, &r->e))
		return -1;
	json_t *o = coverage_json(&cov);
	json_t *uj = json_array();
	for (size_t i = 0; i < nu; i++)
		json_array_append_new(uj, comm_recipient_json(&u[i]));
	json_object_set_new(o, "comm_id", json_integer(r->id));
	json_object_set_new(o, "unreached", uj);
	return api_reply(r, 200, o);
}

/* --- commitments --- */

int commitment_list_api(struct req *r)
{
	struct commitment *k;
	size_t n;
	struct comm m;
	if (comm_get(r->db, r->a, r->id, &m, &r->e) ||
	    commitment_list(r->db, r->a, r->id, &k, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, commitment_json(&k[i]));
	return api_reply_list(r, items, -1, 0);
}

int commitment_post_api(struct req *r)
{
	struct commitment_input in = {0};
	unsigned set = 0;
	int64_t id;
	struct commitment k;
	if (api_body(r, commitment_fields, &in, &set) ||
	    commitment_add(r->db, r->id, &in, set, &id, &r->e) ||
	    commitment_get(r->db, r->a, id, &k, &r->e))
		return -1;
	return api_created(r, "/api/v1/commitments", id, commitment_json(&k));
}

/* PATCH /api/v1/commitments/:id: routed K_NONE (there is no commitment
 * kind); the right to change it is the right to change its comm. */
int commitment_patch_api(struct req *r)
{
	struct commitment_input in = {0};
	unsigned set = 0;
	struct commitment k;
	struct err e2 = {0};
	if (commitment_get(r->db, r->a, r->id, &k, &e2) == 0 &&
	    access_check(r->db, &r->who, K_COMM, k.comm_id, A_READ, &e2) == 0) {
		if (access_check(r->db, &r->who, K_COMM, k.comm_id, A_WRITE, &r->e))
			return -1;
	} else if (e2.status == ERR_NOT_FOUND || e2.status == 0) {
		return err_set(&r->e, ERR_NOT_FOUND, "id", "no commitment with id %lld",
			       (long long)r->id);
	} else {
		r->e = e2;
		return -1;
	}
	if (api_body(r, commitment_set_fields, &in, &set) ||
	    commitment_set(r->db, r->id, &in, set, today_text(r), &r->e) ||
	    commitment_get(r->db, r->a, r->id, &k, &r->e))
		return -1;
	return api_reply(r, 200, commitment_json(&k));
}

static const struct field reach_q_fields[] = {
	{.name = "vision_id", .type = FT_ID, .offset = offsetof(struct comm_filter, vision_id),
	 .bit = CF_VISION, .help = "the communications of this vision"},
	{.name = "strategy_id", .type = FT_ID, .offset = offsetof(struct comm_filter, strategy_id),
	 .bit = CF_STRATEGY, .help = "the communications of this strategy"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct comm_filter, unit_id),
	 .bit = CF_UNIT, .help = "that unit and the units under it"},
	{0},
};

/* GET /api/v1/comms/coverage: over every sent communication (or a
 * vision's, a strategy's), for the units the account reads, per unit. */
int comm_reach_api(struct req *r)
{
	struct comm_filter f = {0};
	unsigned set = 0;
	if (api_query(r, reach_q_fields, &f, &set) ||
	    api_scope(r, &f.unit_id, &set, CF_UNIT))
		return -1;
	if ((set & CF_VISION) && (set & CF_STRATEGY))
		return err_set(&r->e, ERR_BAD_INPUT, "strategy_id",
			       "strategy_id: give vision_id or strategy_id, not both");
	int64_t unit = (set & CF_UNIT) ? f.unit_id : 0;
	int64_t vision = (set & CF_VISION) ? f.vision_id : 0;
	int64_t strategy = (set & CF_STRATEGY) ? f.strategy_id : 0;
	struct coverage all;
	struct unit_coverage *u;
	size_t nu;
	if (comm_coverage_of(r->db, 0, vision, strategy, unit, &all, &r->e) ||
	    comm_coverage_units(r->db, r->a, 0, vision, strategy, unit, &u, &nu, &r->e))
		return -1;
	json_t *o = coverage_json(&all), *units = json_array();
	for (size_t i = 0; i < nu; i++) {
		json_t *j = coverage_json(&u[i].c);
		json_object_set_new(j, "unit_id", json_integer(u[i].unit_id));
		json_object_set_new(j, "unit", json_string(u[i].unit));
		json_array_append_new(units, j);
	}
	json_object_set_new(o, "units", units);
	return api_reply(r, 200, o);
}
