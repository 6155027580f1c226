/* cmd_tool: tandem tool add|list|show|alloc|rm. */
#include "cli/cli.h"
#include "manage/tool.h"

const struct field tool_alloc_fields[] = {
	{.name = "plan_id", .type = FT_ID, .offset = offsetof(struct tool_input, plan_id),
	 .bit = TOOL_PLAN, .nullable = 1, .help = "allocate it to this plan (none frees it)"},
	{.name = "step_id", .type = FT_ID, .offset = offsetof(struct tool_input, step_id),
	 .bit = TOOL_STEP, .nullable = 1, .help = "allocate it to this step"},
	{0},
};

static int show(struct cli *c, int64_t id, int verbose)
{
	struct tool t;
	if (tool_get(c->db, &c->a, id, &t, &c->e))
		return -1;
	if (c->json)
		cli_print_json(c, tool_json(&t));
	else if (verbose)
		fprintf(c->out, "tool      %lld\nname      %s\ncost      %s\nplan      %s\n"
				"step      %s\n", (long long)t.id, t.name,
			fmt_money(&c->a, t.cost_cents), fmt_id(&c->a, t.plan_id),
			fmt_id(&c->a, t.step_id));
	return 0;
}

int tool_add_cmd(struct cli *c)
{
	int64_t id;
	if (tool_add(c->db, c->obj, c->set, &id, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "tool %lld added\n", (long long)id);
	return show(c, id, 0);
}

int tool_list_cmd(struct cli *c)
{
	struct tool *v;
	size_t n;
	if (tool_list(c->db, &c->a, c->obj, c->set, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, tool_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID", "COST", "PLAN", "STEP", "NAME", NULL};
	struct table *t = table_new(&c->a, h, "rrrrl");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, v[i].id), fmt_money(&c->a, v[i].cost_cents),
			  fmt_id(&c->a, v[i].plan_id), fmt_id(&c->a, v[i].step_id), v[i].name);
	table_print(t, c->out);
	return 0;
}

int tool_show_cmd(struct cli *c)
{
	return show(c, c->id, 1);
}

int tool_alloc_cmd(struct cli *c)
{
	if (!(c->set & (TOOL_PLAN | TOOL_STEP))) {
		err_set(&c->e, ERR_BAD_INPUT, "plan_id", "give --plan ID or --step ID (--plan none "
			"frees the tool)");
		return -1;
	}
	if (tool_set(c->db, c->id, c->obj, c->set, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "tool %lld allocated\n", (long long)c->id);
	return show(c, c->id, 0);
}

int tool_rm_cmd(struct cli *c)
{
	if (tool_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "tool %lld removed\n", (long long)c->id);
	return 0;
}
