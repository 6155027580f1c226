/* api_change: /api/v1/initiatives: the change initiatives, their links,
 * parts, evidence and advance. Routes are of kind K_INITIATIVE: the core
 * checks read or write access to the initiative (an organization-wide
 * one is read by everyone signed in and written by admins). Volunteering
 * is a personal act: a member may volunteer themselves (access_self);
 * adding someone else needs write access. Overriding missing evidence
 * is for admins only. */
#include <string.h>

#include "base/json.h"
#include "change/evidence.h"
#include "change/initiative.h"
#include "web/api.h"

struct as_of_q {
	const char *as_of;
};
static const struct field as_of_fields[] = {
	{.name = "as_of", .type = FT_DATE, .offset = offsetof(struct as_of_q, as_of), .bit = 1,
	 .help = "read the evidence as of this day"},
	{0},
};

struct link_body {
	const char *kind;
	int64_t target_id;
};
static const struct field link_fields[] = {
	{.name = "kind", .type = FT_ENUM, .offset = offsetof(struct link_body, kind), .bit = 1,
	 .choices = initiative_link_kinds, .required = 1,
	 .help = "unit, signal, theme, strategy, plan or comm"},
	{.name = "target_id", .type = FT_ID, .offset = offsetof(struct link_body, target_id),
	 .bit = 2, .required = 1, .help = "the id of what is linked"},
	{0},
};

struct advance_body {
	const char *override;
};
static const struct field advance_fields[] = {
	{.name = "override", .type = FT_TEXT, .offset = offsetof(struct advance_body, override),
	 .bit = 1, .max = 2000, .help = "advance without the evidence, for this reason (admins)"},
	{0},
};

struct resolve_body {
	const char *day;
};
static const struct field resolve_fields[] = {
	{.name = "day", .type = FT_DATE, .offset = offsetof(struct resolve_body, day), .bit = 1,
	 .help = "the day it was resolved (today)"},
	{0},
};

/* The initiative with its links, affected units and evidence as of as_of. */
static json_t *full_json(struct req *r, int64_t id, const char *as_of)
{
	struct initiative in;
	struct initiative_links l;
	struct evidence ev;
	struct initiative_ref *aff;
	size_t naff;
	if (initiative_get(r->db, r->a, id, &in, &r->e) ||
	    initiative_links_get(r->db, r->a, id, &l, &r->e) ||
	    evidence_get(r->db, r->a, id, as_of, &ev, &r->e) ||
	    initiative_affected_units(r->db, r->a, id, &aff, &naff, &r->e))
		return NULL;
	json_t *o = initiative_json(&in);
	json_object_set_new(o, "links", initiative_links_json(&l));
	json_object_set_new(o, "evidence", evidence_json(&ev));
	json_t *arr = json_array();
	for (size_t i = 0; i < naff; i++) {
		json_t *u = json_object();
		json_set_int(u, "id", aff[i].id);
		json_set_str(u, "name", aff[i].name);
		json_array_append_new(arr, u);
	}
	json_object_set_new(o, "affected_units", arr);
	return o;
}

static int reply_full(struct req *r, int64_t id, int status)
{
	json_t *o = full_json(r, id, NULL);
	if (!o)
		return -1;
	if (status == 201)
		return api_created(r, "/api/v1/initiatives", id, o);
	return api_reply(r, status, o);
}

int initiative_list_api(struct req *r)
{
	struct initiative_filter f = {0};
	unsigned set = 0;
	struct initiative *v;
	size_t n;
	if (api_query(r, initiative_filter_fields, &f, &set) ||
	    api_scope(r, &f.unit_id, &set, INF_UNIT))
		return -1;
	if (!(set & INF_LIMIT)) {
		f.limit = API_PAGE;
		set |= INF_LIMIT;
	}
	if (initiative_list(r->db, r->a, &f, set, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, initiative_json(&v[i]));
	return api_reply_list(r, items, f.limit, f.offset);
}

int initiative_get_api(struct req *r)
{
	struct as_of_q q = {0};
	unsigned set = 0;
	if (api_query(r, as_of_fields, &q, &set))
		return -1;
	json_t *o = full_json(r, r->id, (set & 1) ? q.as_of : NULL);
	return o ? api_reply(r, 200, o) : -1;
}

int initiative_evidence_api(struct req *r)
{
	struct as_of_q q = {0};
	unsigned set = 0;
	struct evidence ev;
	if (api_query(r, as_of_fields, &q, &set) ||
	    evidence_get(r->db, r->a, r->id, (set & 1) ? q.as_of : NULL, &ev, &r->e))
		return -1;
	return api_reply(r, 200, evidence_json(&ev));
}

/* the sponsor, coalition and pulse it names must be ones the actor reads */
int initiative_refs(struct req *r, const struct initiative_input *in)
{
	const struct api_ref refs[] = {{K_PERSON, in->sponsor_id, "sponsor_id"},
				       {K_COALITION, in->coalition_id, "coalition_id"},
				       {K_PULSE, in->pulse_id, "pulse_id"}};
	return api_refs(r, refs, sizeof refs / sizeof refs[0]);
}

int initiative_post_api(struct req *r)
{
	struct initiative_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (api_body(r, initiative_fields, &in, &set) || initiative_refs(r, &in) ||
	    initiative_add(r->db, &in, set, &id, &r->e))
		return -1;
	return reply_full(r, id, 201);
}

int initiative_patch_api(struct req *r)
{
	struct initiative_input in = {0};
	unsigned set = 0;
	if (api_body(r, initiative_set_fields, &in, &set) || initiative_refs(r, &in) ||
	    initiative_set(r->db, r->id, &in, set, &r->e))
		return -1;
	return reply_full(r, r->id, 200);
}

int initiative_delete_api(struct req *r)
{
	if (initiative_rm(r->db, r->id, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

/* 409 with the missing items: {"error":{...},"missing":[...]}. The
 * refusal wrote nothing and left the transaction usable. */
int initiative_advance_api(struct req *r)
{
	struct advance_body b = {0};
	unsigned set = 0;
	if (r->body_len && api_body(r, advance_fields, &b, &set))
		return -1;
	const char *reason = (set & 1) ? b.override : NULL;
	if (reason && r->who.role != ROLE_ADMIN)
		return err_set(&r->e, ERR_FORBIDDEN, "override",
			       "override: only an admin may advance without the evidence");
	struct evidence missing;
	if (initiative_advance(r->db, r->a, r->id, reason, r->who.login, &missing, &r->e)) {
		if (r->e.status != ERR_CONFLICT || !missing.n)
			return -1;
		json_t *o = json_error(&r->e);
		json_t *arr = json_array();
		for (size_t i = 0; i < missing.n; i++)
			json_array_append_new(arr, evidence_item_json(&missing.items[i]));
		json_object_set_new(o, "missing", arr);
		err_clear(&r->e);
		return api_reply(r, 409, o);
	}
	json_t *o = full_json(r, r->id, NULL);
	if (!o)
		return -1;
	json_t *arr = json_array();
	for (size_t i = 0; i < missing.n; i++)
		json_array_append_new(arr, evidence_item_json(&missing.items[i]));
	json_object_set_new(o, "overridden", arr);
	return api_reply(r, 200, o);
}

/* The kind of record a link names, for a read check on it (themes
 * belong to no unit). */
static const enum kind link_kinds[IL_NKINDS] = {
	[IL_UNIT] = K_UNIT, [IL_SIGNAL] = K_SIGNAL, [IL_THEME] = K_NONE,
	[IL_STRATEGY] = K_STRATEGY, [IL_PLAN] = K_PLAN, [IL_COMM] = K_COMM,
};

static int link_change(struct req *r, struct link_body *b, unsigned set, int add)
{
	if (fields_require(link_fields, set, &r->e))
		return -1;
	int k = initiative_link_kind_parse(b->kind);
	if (k < 0)
		return err_set(&r->e, ERR_BAD_INPUT, "kind", "kind: one of unit, signal, theme, "
			       "strategy, plan, comm");
	/* what the actor may not see is as if it did not exist */
	if (link_kinds[k] != K_NONE &&
	    api_refs(r, &(struct api_ref){link_kinds[k], b->target_id, "target_id"}, 1))
		return -1;
	if ((add ? initiative_link : initiative_unlink)(r->db, r->id, k, b->target_id, &r->e))
		return -1;
	return reply_full(r, r->id, 200);
}

int initiative_link_api(struct req *r)
{
	struct link_body b = {0};
	unsigned set = 0;
	if (api_body(r, link_fields, &b, &set))
		return -1;
	return link_change(r, &b, set, 1);
}

int initiative_unlink_api(struct req *r)
{
	struct link_body b = {0};
	unsigned set = 0;
	if (api_query(r, link_fields, &b, &set))
		return -1;
	return link_change(r, &b, set, 0);
}

/* 404 unless part (found by its own id through of()) is the route's
 * initiative's. */
static int part_of(struct req *r, int (*of)(struct db *, int64_t, int64_t *, struct err *),
		   const char *what)
{
	int64_t init;
	if (of(r->db, r->id2, &init, &r->e))
		return -1;
	if (init != r->id)
		return err_set(&r->e, ERR_NOT_FOUND, "id", "initiative %lld has no %s %lld",
			       (long long)r->id, what, (long long)r->id2);
	return 0;
}

static int links_reply(struct req *r, const char *what, int64_t id, int status)
{
	struct initiative_links l;
	if (initiative_links_get(r->db, r->a, r->id, &l, &r->e))
		return -1;
	json_t *o = NULL;
	if (strcmp(what, "obstacle") == 0) {
		for (size_t i = 0; i < l.n_obstacles; i++)
			if (l.obstacles[i].id == id)
				o = obstacle_json(&l.obstacles[i]);
	} else if (strcmp(what, "win") == 0) {
		for (size_t i = 0; i < l.n_wins; i++)
			if (l.wins[i].id == id)
				o = win_json(&l.wins[i]);
	} else {
		for (size_t i = 0; i < l.n_anchors; i++)
			if (l.anchors[i].id == id)
				o = anchor_json(&l.anchors[i]);
	}
	if (!o)
		return err_set(&r->e, ERR_INTERNAL, "", "the new %s was not found", what);
	if (status == 201) {
		const char *base = arena_printf(r->a, "/api/v1/initiatives/%lld/%ss",
						(long long)r->id, what);
		return api_created(r, base, id, o);
	}
	return api_reply(r, status, o);
}

int obstacle_post_api(struct req *r)
{
	struct obstacle_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (api_body(r, obstacle_fields, &in, &set) ||
	    api_refs(r, &(struct api_ref){K_PERSON, in.owner_id, "owner_id"}, 1) ||
	    obstacle_add(r->db, r->id, &in, set, &id, &r->e))
		return -1;
	return links_reply(r, "obstacle", id, 201);
}

int obstacle_resolve_api(struct req *r)
{
	struct resolve_body b = {0};
	unsigned set = 0;
	if ((r->body_len && api_body(r, resolve_fields, &b, &set)) ||
	    part_of(r, obstacle_initiative, "obstacle") ||
	    obstacle_resolve(r->db, r->id2, (set & 1) ? b.day : NULL, &r->e))
		return -1;
	return links_reply(r, "obstacle", r->id2, 200);
}

int obstacle_delete_api(struct req *r)
{
	if (part_of(r, obstacle_initiative, "obstacle") || obstacle_rm(r->db, r->id2, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

int win_post_api(struct req *r)
{
	struct win_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (api_body(r, win_fields, &in, &set) || win_add(r->db, r->id, &in, set, &id, &r->e))
		return -1;
	return links_reply(r, "win", id, 201);
}

int win_delete_api(struct req *r)
{
	if (part_of(r, win_initiative, "win") || win_rm(r->db, r->id2, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

int anchor_post_api(struct req *r)
{
	struct anchor_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (api_body(r, anchor_fields, &in, &set) ||
	    anchor_add(r->db, r->id, &in, set, &id, &r->e))
		return -1;
	return links_reply(r, "anchor", id, 201);
}

int anchor_delete_api(struct req *r)
{
	if (part_of(r, anchor_initiative, "anchor") || anchor_rm(r->db, r->id2, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

/* Oneself: any member (access_self); someone else: who may change the
 * initiative. The route only checked that the initiative is readable. */
static int may_volunteer(struct req *r, int64_t person)
{
	if (person == r->who.person_id && person)
		return access_self(&r->who, "volunteer", &r->e);
	return access_check(r->db, &r->who, K_INITIATIVE, r->id, A_WRITE, &r->e);
}

int volunteer_post_api(struct req *r)
{
	struct volunteer_input in = {0};
	unsigned set = 0;
	if (r->body_len && api_body(r, volunteer_fields, &in, &set))
		return -1;
	if (!(set & VO_PERSON)) {	/* no one named: oneself */
		in.person_id = r->who.person_id;
		if (!in.person_id)
			return err_set(&r->e, ERR_BAD_INPUT, "person_id",
				       "person_id: this account is no person; name who volunteers");
		set |= VO_PERSON;
	}
	if (api_refs(r, &(struct api_ref){K_PERSON, in.person_id, "person_id"}, 1) ||
	    may_volunteer(r, in.person_id) || volunteer_add(r->db, r->id, &in, set, &r->e))
		return -1;
	struct initiative_links l;
	if (initiative_links_get(r->db, r->a, r->id, &l, &r->e))
		return -1;
	for (size_t i = 0; i < l.n_volunteers; i++)
		if (l.volunteers[i].person_id == in.person_id)
			return api_reply(r, 201, volunteer_json(&l.volunteers[i]));
	return err_set(&r->e, ERR_INTERNAL, "", "the new volunteer was not found");
}

int volunteer_delete_api(struct req *r)
{
	if (may_volunteer(r, r->id2) || volunteer_rm(r->db, r->id, r->id2, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}
