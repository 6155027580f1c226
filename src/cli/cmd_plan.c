/* cmd_plan: tandem plan add|list|show|set|rm. */
#include "cli/cli.h"
#include "base/date.h"
#include "manage/plan.h"
#include "base/json.h"
#include "manage/schedule.h"
#include "manage/step.h"

static int show(struct cli *c, int64_t id, int verbose)
{
	struct plan p;
	int64_t progress;	/* percent x100, weighted by estimate (step.h) */
	if (plan_get(c->db, &c->a, id, &p, &c->e) ||
	    step_plan_progress(c->db, id, &progress, &c->e))
		return -1;
	if (c->json) {
		json_t *o = plan_json(&p, 1);
		json_set_decimal(o, "progress", progress);
		cli_print_json(c, o);
	} else if (verbose) {
		fprintf(c->out, "plan      %lld\nname      %s\nunit      %lld %s\nowner     %s\n"
				"start     %s\nstatus    %s\nsteps     %lld todo, %lld doing, %lld done, "
				"%lld blocked\nestimate  %s h\n", (long long)p.id, p.name,
			(long long)p.unit_id, p.unit_name, fmt_str(p.owner_name), p.start_date,
			p.status, (long long)p.steps[0], (long long)p.steps[1], (long long)p.steps[2],
			(long long)p.steps[3], fmt_hours(&c->a, p.estimate_minutes));
		fprintf(c->out, "progress  %lld.%02lld %%\n", (long long)(progress / 100),
			(long long)(progress % 100));
	}
	return 0;
}

int plan_add_cmd(struct cli *c)
{
	int64_t id;
	if (plan_add(c->db, c->obj, c->set, &id, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "plan %lld added\n", (long long)id);
	return show(c, id, 0);
}

int plan_list_cmd(struct cli *c)
{
	struct plan *v;
	size_t n;
	if (plan_list(c->db, &c->a, c->obj, c->set, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, plan_json(&v[i], 0));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID", "STATUS", "START", "UNIT", "OWNER", "NAME", NULL};
	struct table *t = table_new(&c->a, h, "rlllll");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, v[i].id), v[i].status, v[i].start_date, v[i].unit_name,
			  fmt_str(v[i].owner_name), v[i].name);
	table_print(t, c->out);
	return 0;
}

int plan_show_cmd(struct cli *c)
{
	return show(c, c->id, 1);
}

int plan_set_cmd(struct cli *c)
{
	if (plan_set(c->db, c->id, c->obj, c->set, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "plan %lld changed\n", (long long)c->id);
	return show(c, c->id, 0);
}

int plan_rm_cmd(struct cli *c)
{
	if (plan_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "plan %lld removed\n", (long long)c->id);
	return 0;
}

int plan_schedule_cmd(struct cli *c)
{
	struct plan_schedule s;
	if (plan_schedule(c->db, &c->a, c->id, &s, &c->e))
		return -1;
	if (c->json) {
		cli_print_json(c, plan_schedule_json(&s));
		return 0;
	}
	char a[11], b[11];
	date_format(s.start, a);
	date_format(s.finish, b);
	fprintf(c->out, "plan %lld: %s to %s, %d working days; * marks the critical path\n",
		(long long)s.plan_id, a, b, s.length);
	static const char *const h[] = {"ID", "DAYS", "EARLY START", "EARLY FINISH", "LATE START",
					"LATE FINISH", "FLOAT", "", "NAME", NULL};
	struct table *t = table_new(&c->a, h, "rrllllrll");
	for (size_t i = 0; i < s.n; i++) {
		const struct sched_step *x = &s.steps[i];
		char d[4][11];
		date_format(x->es_day, d[0]);
		date_format(x->ef_day, d[1]);
		date_format(x->ls_day, d[2]);
		date_format(x->lf_day, d[3]);
		table_row(t, fmt_int(&c->a, x->c.id), fmt_int(&c->a, x->c.duration),
			  arena_strdup(&c->a, d[0]), arena_strdup(&c->a, d[1]),
			  arena_strdup(&c->a, d[2]), arena_strdup(&c->a, d[3]),
			  fmt_int(&c->a, x->c.total_float), x->c.critical ? "*" : "",
			  arena_printf(&c->a, "%s%s", x->name, x->late ? "  (finishes after its due date)" : ""));
	}
	table_print(t, c->out);
	return 0;
}
