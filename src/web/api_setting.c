/* api_setting: the tunable thresholds (org/setting.h) over HTTP.
 *   GET    /api/v1/settings               every key with its value (any role)
 *   PUT    /api/v1/settings {"key","value"}  sets one (admins)
 *   DELETE /api/v1/settings?key=KEY       back to its default (admins)
 * A key is text and a route's :id matches numbers only, so the key
 * travels in the body or the query. */
#include "base/json.h"
#include "org/setting.h"
#include "web/api.h"

struct setting_in {
	const char *key;
	int64_t value;
};
enum { SI_KEY = 1u << 0, SI_VALUE = 1u << 1 };
static const struct field setting_in_fields[] = {
	{.name = "key", .type = FT_TEXT, .offset = offsetof(struct setting_in, key),
	 .bit = SI_KEY, .max = 100, .required = 1, .help = "the setting"},
	{.name = "value", .type = FT_INT, .offset = offsetof(struct setting_in, value),
	 .bit = SI_VALUE, .min = INT64_MIN, .max = INT64_MAX, .required = 1,
	 .help = "a whole number within its range"},
	{0},
};
/* DELETE's query: the key alone (setting_in_fields without value) */
static const struct field setting_key_fields[] = {
	{.name = "key", .type = FT_TEXT, .offset = offsetof(struct setting_in, key),
	 .bit = SI_KEY, .max = 100, .required = 1, .help = "the setting"},
	{0},
};

/* One key as `tandem setting list --json` shows it; NULL with e set. */
static json_t *setting_json(struct db *db, const struct setting_def *d, struct err *e)
{
	int64_t v;
	int set;
	if (setting_int(db, d->key, &v, e) || setting_is_set(db, d->key, &set, e))
		return NULL;
	json_t *o = json_object();
	json_set_str(o, "key", d->key);
	json_set_int(o, "value", v);
	json_set_int(o, "default", d->def);
	json_set_int(o, "min", d->min);
	json_set_int(o, "max", d->max);
	json_set_str(o, "unit", d->unit);
	json_object_set_new(o, "set", json_boolean(set));
	json_set_str(o, "doc", d->doc);
	return o;
}

int setting_list_api(struct req *r)
{
	static const struct field none[] = {{0}};
	if (api_query(r, none, NULL, &(unsigned){0}))
		return -1;
	json_t *items = json_array();
	size_t n = 0;
	for (const struct setting_def *d = setting_defs; d->key; d++, n++) {
		json_t *o = setting_json(r->db, d, &r->e);
		if (!o) {
			json_decref(items);
			return -1;
		}
		json_array_append_new(items, o);
	}
	json_t *out = json_object();
	json_set_int(out, "count", (int64_t)n);
	json_object_set_new(out, "items", items);
	return api_reply(r, 200, out);
}

int setting_put_api(struct req *r)
{
	struct setting_in in = {0};
	unsigned set = 0;
	if (api_body(r, setting_in_fields, &in, &set) ||
	    fields_require(setting_in_fields, set, &r->e) ||
	    setting_put(r->db, in.key, in.value, &r->e))
		return -1;
	json_t *o = setting_json(r->db, setting_def_find(in.key), &r->e);
	return o ? api_reply(r, 200, o) : -1;
}

int setting_delete_api(struct req *r)
{
	struct setting_in in = {0};
	unsigned set = 0;
	if (api_query(r, setting_key_fields, &in, &set) ||
	    fields_require(setting_key_fields, set, &r->e) ||
	    setting_unset(r->db, in.key, &r->e))
		return -1;
	json_t *o = setting_json(r->db, setting_def_find(in.key), &r->e);
	return o ? api_reply(r, 200, o) : -1;
}
