/* cmd_setting: tandem setting list|set|unset, over the registry of
 * tunable thresholds (org/setting.h). The registry decides what exists
 * and what range each key takes; this file only parses and prints. */
#include "cli/cli.h"

#include "base/json.h"
#include "org/setting.h"

const struct field setting_cli_fields[] = {
	{.name = "key", .arg = 1, .type = FT_TEXT, .offset = offsetof(struct setting_opts, key),
	 .bit = SET_KEY, .max = 100, .required = 1, .help = "the setting, e.g. balance.managed"},
	{.name = "value", .type = FT_INT, .offset = offsetof(struct setting_opts, value),
	 .bit = SET_VALUE, .min = INT64_MIN, .max = INT64_MAX, .required = 1,
	 .help = "a whole number within the setting's range (tandem setting list)"},
	{0},
};
const struct field setting_key_fields[] = {
	{.name = "key", .arg = 1, .type = FT_TEXT, .offset = offsetof(struct setting_opts, key),
	 .bit = SET_KEY, .max = 100, .required = 1, .help = "the setting, e.g. balance.managed"},
	{0},
};

/* One registered key with its current value, as GET /api/v1/settings
 * shows it too. */
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

int setting_list_cmd(struct cli *c)
{
	if (c->json) {
		json_t *items = json_array();
		for (const struct setting_def *d = setting_defs; d->key; d++) {
			json_t *o = setting_json(c->db, d, &c->e);
			if (!o) {
				json_decref(items);
				return -1;
			}
			json_array_append_new(items, o);
		}
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"KEY", "VALUE", "DEFAULT", "RANGE", "UNIT", "SOURCE", "DOC",
					NULL};
	struct table *t = table_new(&c->a, h, "lrrrlll");
	for (const struct setting_def *d = setting_defs; d->key; d++) {
		int64_t v;
		int set;
		if (setting_int(c->db, d->key, &v, &c->e) || setting_is_set(c->db, d->key, &set, &c->e))
			return -1;
		table_row(t, d->key, fmt_int(&c->a, v), fmt_int(&c->a, d->def),
			  arena_printf(&c->a, "%lld-%lld", (long long)d->min, (long long)d->max),
			  fmt_str(d->unit), set ? "set" : "default", d->doc);
	}
	table_print(t, c->out);
	return 0;
}

int setting_set_cmd(struct cli *c)
{
	const struct setting_opts *o = c->obj;
	if (fields_require(setting_cli_fields, c->set, &c->e) ||
	    setting_put(c->db, o->key, o->value, &c->e))
		return -1;
	fprintf(c->out, "setting %s: %lld\n", o->key, (long long)o->value);
	return 0;
}

int setting_unset_cmd(struct cli *c)
{
	const struct setting_opts *o = c->obj;
	if (fields_require(setting_key_fields, c->set, &c->e) ||
	    setting_unset(c->db, o->key, &c->e))
		return -1;
	const struct setting_def *d = setting_def_find(o->key);
	fprintf(c->out, "setting %s: back to its default, %lld\n", o->key,
		(long long)(d ? d->def : 0));
	return 0;
}
