/* cmd_target: tandem target add|list|show|set|rm|record|link|unlink. */
#include "cli/cli.h"

#include <string.h>

#include "base/date.h"
#include "manage/target.h"

/* The progress as a percent, "-" without a value. */
static const char *fmt_progress(struct arena *a, const struct target_state *s)
{
	if (!s->has_current)
		return "-";
	return arena_printf(a, "%s%%", target_decimal(a, s->progress_x100));
}

/* The day of the status: --as-of, default today. */
static int32_t as_of_day(const struct target_filter *f, unsigned set)
{
	int32_t d = date_today();
	if ((set & TGF_AS_OF) && f->as_of)
		date_parse(f->as_of, &d);
	return d;
}

static int show(struct cli *c, int64_t id, int32_t as_of, int verbose)
{
	struct target t;
	if (target_get(c->db, &c->a, id, as_of, &t, &c->e))
		return -1;
	struct target_value *v = NULL;
	struct target_plan *p = NULL;
	size_t nv = 0, np = 0;
	if (verbose && (target_values(c->db, &c->a, id, &v, &nv, &c->e) ||
	                target_plans(c->db, &c->a, id, &p, &np, &c->e)))
		return -1;
	if (c->json) {
		json_t *o = target_json(&t);
		if (verbose) {
			json_t *vals = json_array(), *plans = json_array();
			for (size_t i = 0; i < nv; i++)
				json_array_append_new(vals, target_value_json(&v[i]));
			for (size_t i = 0; i < np; i++) {
				json_t *j = json_object();
				json_object_set_new(j, "id", json_integer(p[i].id));
				json_object_set_new(j, "name", json_string(p[i].name));
				json_array_append_new(plans, j);
			}
			json_object_set_new(o, "values", vals);
			json_object_set_new(o, "plans", plans);
		}
		cli_print_json(c, o);
		return 0;
	}
	if (!verbose)
		return 0;
	const char *m = t.measure[0] ? t.measure : "";
	fprintf(c->out,
	        "target    %lld\nname      %s\nmeasure   %s\nunit      %lld %s\n"
	        "owner     %s\nperiod    %s to %s\nbaseline  %s\ngoal      %s\n",
	        (long long)t.id, t.name, fmt_str(m), (long long)t.unit_id, t.unit,
	        t.owner ? t.owner : "-", t.from, t.to, target_decimal(&c->a, t.baseline),
	        target_decimal(&c->a, t.goal));
	if (t.st.has_current)
		fprintf(c->out, "current   %s (%s)\n", target_decimal(&c->a, t.st.current),
		        t.st.current_day);
	else
		fputs("current   -\n", c->out);
	fprintf(c->out, "progress  %s\nexpected  %s%% (tolerance %lld%%)\nstatus    %s\n",
	        fmt_progress(&c->a, &t.st), target_decimal(&c->a, t.st.expected_x100),
	        (long long)t.st.tolerance, t.st.status);
	fputs("plans    ", c->out);
	if (!np)
		fputs(" no plan", c->out);
	for (size_t i = 0; i < np; i++)
		fprintf(c->out, " %lld %s%s", (long long)p[i].id, p[i].name, i + 1 < np ? "," : "");
	fputc('\n', c->out);
	if (nv) {
		fputc('\n', c->out);
		static const char *const h[] = {"ID", "DAY", "VALUE", "NOTE", NULL};
		struct table *tb = table_new(&c->a, h, "rlrl");
		for (size_t i = 0; i < nv; i++)
			table_row(tb, fmt_int(&c->a, v[i].id), v[i].day,
			          target_decimal(&c->a, v[i].value), fmt_str(v[i].note));
		table_print(tb, c->out);
	}
	return 0;
}

int target_add_cmd(struct cli *c)
{
	int64_t id;
	if (target_add(c->db, c->obj, c->set, &id, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "target %lld added\n", (long long)id);
	return show(c, id, date_today(), 0);
}

int target_list_cmd(struct cli *c)
{
	struct target *v;
	size_t n;
	if (target_list(c->db, &c->a, c->obj, c->set, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, target_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID",       "UNIT",   "CURRENT", "GOAL", "PROGRESS",
	                                "EXPECTED", "STATUS", "PLANS",   "NAME", NULL};
	struct table *t = table_new(&c->a, h, "rlrrrrllr");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, v[i].id), v[i].unit,
		          v[i].st.has_current ? target_decimal(&c->a, v[i].st.current) : "-",
		          target_decimal(&c->a, v[i].goal), fmt_progress(&c->a, &v[i].st),
		          arena_printf(&c->a, "%s%%", target_decimal(&c->a, v[i].st.expected_x100)),
		          v[i].st.status, v[i].nplans ? fmt_int(&c->a, v[i].nplans) : "no plan",
		          v[i].name);
	table_print(t, c->out);
	return 0;
}

int target_show_cmd(struct cli *c)
{
	return show(c, c->id, as_of_day(c->obj, c->set), 1);
}

int target_set_cmd(struct cli *c)
{
	if (target_set(c->db, c->id, c->obj, c->set, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "target %lld changed\n", (long long)c->id);
	return show(c, c->id, date_today(), 0);
}

int target_rm_cmd(struct cli *c)
{
	if (target_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "target %lld removed\n", (long long)c->id);
	return 0;
}

int target_record_cmd(struct cli *c)
{
	int64_t vid;
	if (target_record(c->db, c->id, c->obj, c->set, &vid, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "value %lld recorded for target %lld\n", (long long)vid,
		        (long long)c->id);
	return show(c, c->id, date_today(), 0);
}

int target_link_cmd(struct cli *c)
{
	const struct target_plan_input *in = c->obj;
	if (fields_require(target_plan_fields, c->set, &c->e) ||
	    target_link(c->db, c->id, in->plan_id, &c->e))
		return -1;
	fprintf(c->out, "plan %lld serves target %lld\n", (long long)in->plan_id, (long long)c->id);
	return 0;
}

int target_unlink_cmd(struct cli *c)
{
	const struct target_plan_input *in = c->obj;
	if (fields_require(target_plan_fields, c->set, &c->e) ||
	    target_unlink(c->db, c->id, in->plan_id, &c->e))
		return -1;
	fprintf(c->out, "plan %lld no longer serves target %lld\n", (long long)in->plan_id,
	        (long long)c->id);
	return 0;
}
