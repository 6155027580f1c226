/* cmd_time: tandem time log|list|rm. */
#include "cli/cli.h"
#include "manage/timelog.h"

int time_log_cmd(struct cli *c)
{
	int64_t id;
	if (time_log(c->db, c->obj, c->set, &id, &c->e))
		return -1;
	if (!c->json) {
		fprintf(c->out, "time entry %lld logged\n", (long long)id);
		return 0;
	}
	struct time_entry t;
	if (time_get(c->db, &c->a, id, &t, &c->e))
		return -1;
	cli_print_json(c, time_json(&t));
	return 0;
}

int time_list_cmd(struct cli *c)
{
	struct time_entry *v;
	size_t n;
	int64_t total;
	if (time_list(c->db, &c->a, c->obj, c->set, &v, &n, &total, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, time_json(&v[i]));
		json_t *o = json_object();
		json_object_set_new(o, "count", json_integer((json_int_t)n));
		json_object_set_new(o, "total_minutes", json_integer(total));
		json_object_set_new(o, "items", items);
		cli_print_json(c, o);
		return 0;
	}
	static const char *const h[] = {"ID", "DAY", "PERSON", "STEP", "MINUTES", "COST",
					"ACTIVITY", "NOTE", NULL};
	struct table *t = table_new(&c->a, h, "rllrrrll");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, v[i].id), v[i].day, v[i].person_name,
			  fmt_int(&c->a, v[i].step_id), fmt_int(&c->a, v[i].minutes),
			  fmt_money(&c->a, v[i].cost_cents), fmt_str(v[i].activity),
			  fmt_str(v[i].note));
	table_print(t, c->out);
	fprintf(c->out, "total %lld minutes (%s h) in %zu entr%s\n", (long long)total,
		fmt_hours(&c->a, total), n, n == 1 ? "y" : "ies");
	return 0;
}

int time_rm_cmd(struct cli *c)
{
	if (time_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "time entry %lld removed\n", (long long)c->id);
	return 0;
}
