/* api_signal: environment signals (/api/v1/signals: K_SIGNAL, so the
 * core checks the unit of each), their review, the strategies that
 * respond to them, a CSV import, and the themes (/api/v1/themes).
 * Themes belong to the whole organization: anyone signed in reads them
 * (with the pressure of the signals they may read); managers and admins
 * write them, and tag only signals they may change. */
#include <stdio.h>
#include <string.h>

#include "base/date.h"
#include "lead/signal.h"
#include "web/api.h"

/* --- signals --- */

static int signal_reply(struct req *r, int64_t id, int status)
{
	struct signal s;
	struct signal_link *th, *str;
	size_t nth, nstr;
	if (signal_get(r->db, r->a, id, &s, &r->e) ||
	    signal_themes(r->db, r->a, id, &th, &nth, &r->e) ||
	    signal_strategies(r->db, r->a, id, &str, &nstr, &r->e))
		return -1;
	json_t *o = signal_json(&s);
	json_t *a = json_array(), *b = json_array();
	for (size_t i = 0; i < nth; i++)
		json_array_append_new(a, signal_link_json(&th[i]));
	for (size_t i = 0; i < nstr; i++)
		json_array_append_new(b, signal_link_json(&str[i]));
	json_object_set_new(o, "themes", a);
	json_object_set_new(o, "strategies", b);
	if (status == 201)
		return api_created(r, "/api/v1/signals", id, o);
	return api_reply(r, status, o);
}

int signal_list_api(struct req *r)
{
	struct signal_filter f = {0};
	unsigned set = 0;
	struct signal *v;
	size_t n;
	if (api_query(r, signal_filter_fields, &f, &set) ||
	    api_scope(r, &f.unit_id, &set, SGF_UNIT))
		return -1;
	if (!(set & SGF_LIMIT)) {
		f.limit = API_PAGE;
		set |= SGF_LIMIT;
	}
	if (signal_list(r->db, r->a, &f, set, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, signal_json(&v[i]));
	return api_reply_list(r, items, f.limit, f.offset);
}

int signal_get_api(struct req *r)
{
	return signal_reply(r, r->id, 200);
}

/* A theme given on a create is a tag: only a manager or an admin tags. */
static int may_tag(struct req *r)
{
	if (r->who.role >= ROLE_MANAGER)
		return 0;
	return err_set(&r->e, ERR_FORBIDDEN, "",
	               "a %s may not change themes: managers and "
	               "admins do",
	               role_name(r->who.role));
}

int signal_post_api(struct req *r)
{
	struct signal_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (api_body(r, signal_fields, &in, &set) || ((set & SG_THEME) && may_tag(r)) ||
	    signal_add(r->db, &in, set, &id, &r->e))
		return -1;
	return signal_reply(r, id, 201);
}

int signal_patch_api(struct req *r)
{
	struct signal_input in = {0};
	unsigned set = 0;
	if (api_body(r, signal_set_fields, &in, &set) || signal_set(r->db, r->id, &in, set, &r->e))
		return -1;
	return signal_reply(r, r->id, 200);
}

int signal_delete_api(struct req *r)
{
	if (signal_rm(r->db, r->id, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

int signal_review_api(struct req *r)
{
	struct signal_query q = {0};
	unsigned set = 0;
	char today[11];
	date_format(date_today(), today);
	if ((r->body_len && api_body(r, signal_review_fields, &q, &set)) ||
	    signal_review(r->db, r->id, (set & SQ_DAY) && q.day ? q.day : today, &r->e))
		return -1;
	return signal_reply(r, r->id, 200);
}

/* A strategy the actor cannot read is, to them, no strategy at all. */
static int strategy_visible(struct req *r, int64_t id)
{
	struct err e2 = {0};
	if (access_check(r->db, &r->who, K_STRATEGY, id, A_READ, &e2) == 0)
		return 0;
	if (e2.status != ERR_NOT_FOUND) {
		r->e = e2;
		return -1;
	}
	return err_set(&r->e, ERR_NOT_FOUND, "strategy_id", "strategy_id: no strategy with id %lld",
	               (long long)id);
}

int signal_response_post_api(struct req *r)
{
	struct signal_response_input in = {0};
	unsigned set = 0;
	if (api_body(r, signal_response_fields, &in, &set) ||
	    fields_require(signal_response_fields, set, &r->e) ||
	    strategy_visible(r, in.strategy_id) ||
	    signal_respond(r->db, r->id, in.strategy_id, &r->e))
		return -1;
	return signal_reply(r, r->id, 200);
}

int signal_response_delete_api(struct req *r)
{
	if (strategy_visible(r, r->id2) || signal_unrespond(r->db, r->id, r->id2, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

/* The import's access rule: the actor may create a signal in each row's
 * unit. */
static int import_allow(void *ctx, int64_t unit_id, struct err *e)
{
	struct req *r = ctx;
	return access_create(r->db, &r->who, K_SIGNAL, unit_id, 0, e);
}

int signal_import_api(struct req *r)
{
	if (r->who.role < ROLE_MANAGER)
		return err_set(&r->e, ERR_FORBIDDEN, "",
		               "a %s may not import signals: managers "
		               "and admins do",
		               role_name(r->who.role));
	int64_t count;
	if (signal_import_as(r->db, r->body ? r->body : "", r->body_len, import_allow, r, &count,
	                     &r->e))
		return -1;
	json_t *o = json_object();
	json_object_set_new(o, "imported", json_integer(count));
	return api_reply(r, 201, o);
}

/* --- themes --- */

static int theme_reply(struct req *r, int64_t id, int status)
{
	struct signal_query q = {0};
	unsigned set = 0;
	struct theme t;
	if (status != 201 && strcmp(r->method, "GET") == 0 &&
	    api_query(r, pressure_query_fields, &q, &set))
		return -1;
	if (theme_get(r->db, r->a, id, &t, &r->e))
		return -1;
	int32_t as_of = signal_query_as_of(&q, set);
	int64_t unit = (set & SQ_UNIT) ? q.unit_id : 0;
	unsigned uset = set & SQ_UNIT;
	struct theme_pressure *p;
	size_t np;
	struct signal_filter f = {.theme_id = id};
	unsigned fset = SGF_THEME;
	struct signal *v;
	size_t n;
	if (api_scope(r, &unit, &uset, SQ_UNIT) ||
	    theme_pressures(r->db, r->a, as_of, (uset & SQ_UNIT) ? unit : 0, &p, &np, &r->e))
		return -1;
	if (uset & SQ_UNIT) {
		f.unit_id = unit;
		fset |= SGF_UNIT;
	}
	if (signal_list(r->db, r->a, &f, fset, &v, &n, &r->e))
		return -1;
	json_t *o = theme_json(&t);
	for (size_t i = 0; i < np; i++)
		if (p[i].theme_id == id) {
			json_t *pj = theme_pressure_json(&p[i]);
			json_object_del(pj, "theme_id");
			json_object_del(pj, "name");
			json_object_update(o, pj);
			json_decref(pj);
		}
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, signal_json(&v[i]));
	json_object_set_new(o, "signals", items);
	if (status == 201)
		return api_created(r, "/api/v1/themes", id, o);
	return api_reply(r, status, o);
}

int theme_list_api(struct req *r)
{
	struct signal_query q = {0};
	unsigned set = 0;
	if (api_query(r, pressure_query_fields, &q, &set))
		return -1;
	int64_t unit = (set & SQ_UNIT) ? q.unit_id : 0;
	unsigned uset = set & SQ_UNIT;
	struct theme_pressure *p;
	size_t np;
	if (api_scope(r, &unit, &uset, SQ_UNIT) ||
	    theme_pressures(r->db, r->a, signal_query_as_of(&q, set), (uset & SQ_UNIT) ? unit : 0,
	                    &p, &np, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < np; i++) {
		json_t *o = theme_pressure_json(&p[i]);
		json_object_set_new(o, "id", json_integer(p[i].theme_id));
		json_object_del(o, "theme_id");
		json_array_append_new(items, o);
	}
	return api_reply_list(r, items, (int64_t)np, 0);
}

int theme_get_api(struct req *r)
{
	return theme_reply(r, r->id, 200);
}

int theme_post_api(struct req *r)
{
	struct theme_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (may_tag(r) || api_body(r, theme_fields, &in, &set) ||
	    theme_add(r->db, &in, set, &id, &r->e))
		return -1;
	return theme_reply(r, id, 201);
}

int theme_patch_api(struct req *r)
{
	struct theme_input in = {0};
	unsigned set = 0;
	if (may_tag(r) || api_body(r, theme_fields, &in, &set) ||
	    theme_set(r->db, r->id, &in, set, &r->e))
		return -1;
	return theme_reply(r, r->id, 200);
}

int theme_delete_api(struct req *r)
{
	if (may_tag(r) || theme_rm(r->db, r->id, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

/* The actor must be able to change the signal (404 when they cannot
 * read it, 403 when they may only read it). */
static int signal_writable(struct req *r, int64_t id)
{
	struct err e2 = {0};
	if (access_check(r->db, &r->who, K_SIGNAL, id, A_WRITE, &e2) == 0)
		return 0;
	r->e = e2;
	if (e2.status == ERR_NOT_FOUND)
		snprintf(r->e.field, sizeof r->e.field, "signal_id");
	return -1;
}

int theme_signal_post_api(struct req *r)
{
	struct theme_tag_input in = {0};
	unsigned set = 0;
	if (may_tag(r) || api_body(r, theme_tag_fields, &in, &set) ||
	    fields_require(theme_tag_fields, set, &r->e) || signal_writable(r, in.signal_id) ||
	    theme_tag(r->db, r->id, in.signal_id, &r->e))
		return -1;
	return theme_reply(r, r->id, 200);
}

int theme_signal_delete_api(struct req *r)
{
	if (may_tag(r) || signal_writable(r, r->id2) || theme_untag(r->db, r->id, r->id2, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

static int threshold_reply(struct req *r)
{
	int64_t v;
	if (signal_pressure_high(r->db, &v, &r->e))
		return -1;
	json_t *o = json_object();
	json_object_set_new(o, "value", json_integer(v));
	return api_reply(r, 200, o);
}

int theme_threshold_get_api(struct req *r)
{
	return threshold_reply(r);
}

/* Admins only (the route says so): an organization setting. */
int theme_threshold_put_api(struct req *r)
{
	struct pressure_high_input in = {0};
	unsigned set = 0;
	if (api_body(r, pressure_high_fields, &in, &set) ||
	    fields_require(pressure_high_fields, set, &r->e) ||
	    signal_set_pressure_high(r->db, in.value, &r->e))
		return -1;
	return threshold_reply(r);
}
