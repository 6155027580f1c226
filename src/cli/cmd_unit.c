/* cmd_unit: tandem unit add|list|show|set|move|rm. */
#include <string.h>

#include "cli/cli.h"
#include "org/unit.h"

const struct field unit_move_fields[] = {
	{.name = "parent_id", .type = FT_ID, .offset = offsetof(struct unit_input, parent_id),
	 .bit = UNIT_PARENT, .nullable = 1, .required = 1,
	 .help = "the new parent unit, or none for the top"},
	{0},
};

static int show(struct cli *c, int64_t id, int verbose)
{
	struct unit u;
	if (unit_get(c->db, &c->a, id, &u, &c->e))
		return -1;
	if (c->json) {
		cli_print_json(c, unit_json(&u));
	} else if (verbose) {
		fprintf(c->out, "unit      %lld\nname      %s\nparent    %s%s%s\npeople    %lld\n"
				"children  %lld\n", (long long)u.id, u.name,
			fmt_id(&c->a, u.parent_id), u.parent_name ? " " : "",
			u.parent_name ? u.parent_name : "", (long long)u.people,
			(long long)u.children);
	}
	return 0;
}

int unit_add_cmd(struct cli *c)
{
	int64_t id;
	if (unit_add(c->db, c->obj, c->set, &id, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "unit %lld added\n", (long long)id);
	return show(c, id, 0);
}

int unit_list_cmd(struct cli *c)
{
	struct unit *v;
	size_t n;
	if (unit_list(c->db, &c->a, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++) {
			json_t *o = unit_json(&v[i]);
			json_object_set_new(o, "depth", json_integer(v[i].depth));
			json_array_append_new(items, o);
		}
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID", "PEOPLE", "UNIT", NULL};
	struct table *t = table_new(&c->a, h, "rrl");
	for (size_t i = 0; i < n; i++) {
		/* indent two spaces per level to draw the tree */
		char *name = arena_printf(&c->a, "%*s%s", v[i].depth * 2, "", v[i].name);
		table_row(t, fmt_int(&c->a, v[i].id), fmt_int(&c->a, v[i].people), name);
	}
	table_print(t, c->out);
	return 0;
}

int unit_show_cmd(struct cli *c)
{
	return show(c, c->id, 1);
}

int unit_set_cmd(struct cli *c)
{
	if (unit_set(c->db, c->id, c->obj, c->set, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "unit %lld changed\n", (long long)c->id);
	return show(c, c->id, 0);
}

int unit_move_cmd(struct cli *c)
{
	if (fields_require(unit_move_fields, c->set, &c->e))
		return -1;
	return unit_set_cmd(c);
}

int unit_rm_cmd(struct cli *c)
{
	if (unit_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "unit %lld removed\n", (long long)c->id);
	return 0;
}
