/* cmd_step: tandem step add|list|count|show|set|start|done|block|rm and
 * step dep add|rm. */
#include "cli/cli.h"
#include "manage/step.h"

static int show(struct cli *c, int64_t id, int verbose)
{
	struct step s;
	if (step_get(c->db, &c->a, id, &s, &c->e))
		return -1;
	if (c->json) {
		cli_print_json(c, step_json(&s));
		return 0;
	}
	if (!verbose)
		return 0;
	fprintf(c->out, "step      %lld\nplan      %lld\nname      %s\nassignee  %s\n"
			"estimate  %s h\nduration  %lld working day(s)\ndue       %s\n"
			"status    %s\nlogged    %s h\n", (long long)s.id, (long long)s.plan_id,
		s.name, fmt_str(s.assignee_name), fmt_hours(&c->a, s.estimate_minutes),
		(long long)s.duration_days, fmt_str(s.due), s.status,
		fmt_hours(&c->a, s.logged_minutes));
	for (size_t i = 0; i < s.ndeps; i++)
		fprintf(c->out, "%s step %lld \"%s\" (%s)%s\n", i ? "          " : "after    ",
			(long long)s.deps[i].on, s.deps[i].name, s.deps[i].status,
			s.deps[i].lag_days ? arena_printf(&c->a, " + %lld day(s)",
							  (long long)s.deps[i].lag_days) : "");
	return 0;
}

int step_add_cmd(struct cli *c)
{
	int64_t id;
	if (step_add(c->db, c->obj, c->set, &id, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "step %lld added\n", (long long)id);
	return show(c, id, 0);
}

int step_list_cmd(struct cli *c)
{
	struct step *v;
	size_t n;
	if (step_list(c->db, &c->a, c->obj, c->set, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, step_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID", "PLAN", "STATUS", "DUE", "EST", "ASSIGNEE",
					"NAME", NULL};
	struct table *t = table_new(&c->a, h, "rrllrll");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, v[i].id), fmt_int(&c->a, v[i].plan_id), v[i].status,
			  fmt_str(v[i].due), fmt_hours(&c->a, v[i].estimate_minutes),
			  fmt_str(v[i].assignee_name), v[i].name);
	table_print(t, c->out);
	return 0;
}

int step_count_cmd(struct cli *c)
{
	int64_t n;
	if (step_count(c->db, c->obj, c->set, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *o = json_object();
		json_object_set_new(o, "count", json_integer(n));
		cli_print_json(c, o);
	} else {
		fprintf(c->out, "%lld\n", (long long)n);
	}
	return 0;
}

int step_show_cmd(struct cli *c)
{
	return show(c, c->id, 1);
}

int step_set_cmd(struct cli *c)
{
	if (step_set(c->db, c->id, c->obj, c->set, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "step %lld changed\n", (long long)c->id);
	return show(c, c->id, 0);
}

static int status_cmd(struct cli *c, const char *status)
{
	if (step_set_status(c->db, c->id, status, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "step %lld is %s\n", (long long)c->id, status);
	return show(c, c->id, 0);
}

int step_start_cmd(struct cli *c)
{
	return status_cmd(c, "doing");
}

int step_done_cmd(struct cli *c)
{
	return status_cmd(c, "done");
}

int step_block_cmd(struct cli *c)
{
	return status_cmd(c, "blocked");
}

int step_rm_cmd(struct cli *c)
{
	if (step_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "step %lld removed\n", (long long)c->id);
	return 0;
}

int step_dep_add_cmd(struct cli *c)
{
	const struct dep_input *in = c->obj;
	if (step_dep_add(c->db, c->id, in, c->set, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "step %lld now waits for step %lld\n", (long long)c->id,
			(long long)in->on);
	return show(c, c->id, 0);
}

int step_dep_rm_cmd(struct cli *c)
{
	const struct dep_input *in = c->obj;
	if (fields_require(dep_fields, c->set & DEP_ON, &c->e))
		return -1;
	if (step_dep_rm(c->db, c->id, in->on, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "step %lld no longer waits for step %lld\n", (long long)c->id,
			(long long)in->on);
	return show(c, c->id, 0);
}
