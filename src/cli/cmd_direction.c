/* cmd_direction: tandem vision show|set|history|list and tandem strategy
 * add|list|show|set|rm|link|unlink|gaps. */
#include "cli/cli.h"

#include <stdlib.h>

#include "lead/strategy.h"
#include "lead/vision.h"

const struct field strategy_gaps_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct vision_filter, unit_id),
	 .bit = VIF_UNIT, .help = "the gaps of this unit and its subtree (default: everywhere)"},
	{0},
};

static int64_t unit_of(const struct cli *c)
{
	const struct vision_filter *f = c->obj;
	return f && (c->set & VIF_UNIT) ? f->unit_id : 0;
}

/* --- visions --- */

static void print_vision(struct cli *c, const struct vision *v)
{
	fprintf(c->out, "vision    %s\nscope     %s\nversion   %lld\nhorizon   %lld\n",
		v->statement, v->unit ? v->unit : "the organization", (long long)v->version,
		(long long)v->horizon);
	fprintf(c->out, "review    %s%s\n", fmt_str(v->review_date),
		v->due ? " (due for review)" : "");
	if (v->unit_id)
		fprintf(c->out, "serves    %s\n", v->serves);
	fprintf(c->out, "author    %s\n", fmt_str(v->author));
}

static int vision_show_id(struct cli *c, int64_t unit)
{
	struct vision v;
	if (vision_current(c->db, &c->a, unit, &v, &c->e))
		return -1;
	if (c->json)
		cli_print_json(c, vision_json(&v));
	else
		print_vision(c, &v);
	return 0;
}

int vision_show_cmd(struct cli *c)
{
	return vision_show_id(c, unit_of(c));
}

int vision_set_cmd(struct cli *c)
{
	const struct vision_input *in = c->obj;
	const char *user = getenv("USER");
	const char *author = arena_printf(&c->a, "cli:%.100s", user && *user ? user : "?");
	int64_t id;
	if (vision_set(c->db, in, c->set, author, &id, &c->e))
		return -1;
	int64_t unit = (c->set & VI_UNIT) ? in->unit_id : 0;
	struct vision v;
	if (vision_current(c->db, &c->a, unit, &v, &c->e))
		return -1;
	if (c->json)
		cli_print_json(c, vision_json(&v));
	else
		fprintf(c->out, "vision version %lld set for %s\n", (long long)v.version,
			v.unit ? v.unit : "the organization");
	return 0;
}

static void vision_table(struct cli *c, const struct vision *v, size_t n, int scope)
{
	static const char *const h1[] = {"VERSION", "CURRENT", "HORIZON", "REVIEW", "AUTHOR",
					 "STATEMENT", NULL};
	static const char *const h2[] = {"UNIT", "VERSION", "HORIZON", "REVIEW", "STATEMENT",
					 "SERVES", NULL};
	struct table *t = table_new(&c->a, scope ? h2 : h1, scope ? "lrrlll" : "rlrlll");
	for (size_t i = 0; i < n; i++) {
		const char *review = v[i].review_date
			? arena_printf(&c->a, "%s%s", v[i].review_date, v[i].due ? " (due)" : "")
			: "-";
		if (scope)
			table_row(t, v[i].unit ? v[i].unit : "(organization)",
				  fmt_int(&c->a, v[i].version), fmt_int(&c->a, v[i].horizon), review,
				  v[i].statement, fmt_str(v[i].serves));
		else
			table_row(t, fmt_int(&c->a, v[i].version), v[i].current ? "yes" : "no",
				  fmt_int(&c->a, v[i].horizon), review, fmt_str(v[i].author),
				  v[i].statement);
	}
	table_print(t, c->out);
}

static int vision_items(struct cli *c, const struct vision *v, size_t n, int scope)
{
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, vision_json(&v[i]));
		cli_print_list(c, items);
	} else {
		vision_table(c, v, n, scope);
	}
	return 0;
}

int vision_history_cmd(struct cli *c)
{
	struct vision *v;
	size_t n;
	if (vision_history(c->db, &c->a, unit_of(c), &v, &n, &c->e))
		return -1;
	return vision_items(c, v, n, 0);
}

int vision_list_cmd(struct cli *c)
{
	struct vision *v;
	size_t n;
	if (vision_list(c->db, &c->a, 0, &v, &n, &c->e))
		return -1;
	return vision_items(c, v, n, 1);
}

/* --- strategies --- */

static const char *fmt_unit(const struct strategy *s)
{
	return s->unit ? s->unit : "(organization)";
}

static json_t *plans_json(const struct strategy_plan *p, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, strategy_plan_json(&p[i]));
	return a;
}

static void plan_table(struct cli *c, const struct strategy_plan *p, size_t n)
{
	static const char *const h[] = {"ID", "STATUS", "PROGRESS", "UNIT", "PLAN", NULL};
	struct table *t = table_new(&c->a, h, "rlrll");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, p[i].id), p[i].status,
			  arena_printf(&c->a, "%lld.%02lld%%", (long long)(p[i].progress_x100 / 100),
				       (long long)(p[i].progress_x100 % 100)),
			  p[i].unit, p[i].name);
	table_print(t, c->out);
}

static int show(struct cli *c, int64_t id, int verbose)
{
	struct strategy s;
	struct strategy_plan *p = NULL;
	size_t np = 0;
	if (strategy_get(c->db, &c->a, id, &s, &c->e) ||
	    (verbose && strategy_plans(c->db, &c->a, id, &p, &np, &c->e)))
		return -1;
	if (c->json) {
		json_t *o = strategy_json(&s);
		if (verbose)
			json_object_set_new(o, "plans", plans_json(p, np));
		cli_print_json(c, o);
		return 0;
	}
	if (!verbose)
		return 0;
	fprintf(c->out, "strategy  %lld\nname      %s\nstatus    %s\nunit      %s\nowner     %s\n"
			"rationale %s\n", (long long)s.id, s.name, s.status, fmt_unit(&s),
		fmt_str(s.owner), fmt_str(s.rationale));
	if (!np) {
		fputs("plans     no plan\n", c->out);
		return 0;
	}
	fputc('\n', c->out);
	plan_table(c, p, np);
	return 0;
}

int strategy_add_cmd(struct cli *c)
{
	int64_t id;
	if (strategy_add(c->db, c->obj, c->set, &id, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "strategy %lld added\n", (long long)id);
	return show(c, id, 0);
}

int strategy_list_cmd(struct cli *c)
{
	struct strategy *v;
	size_t n;
	if (strategy_list(c->db, &c->a, c->obj, c->set, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, strategy_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID", "STATUS", "PLANS", "UNIT", "OWNER", "NAME", NULL};
	struct table *t = table_new(&c->a, h, "rlrlll");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, v[i].id), v[i].status,
			  v[i].nplans ? fmt_int(&c->a, v[i].nplans) : "no plan", fmt_unit(&v[i]),
			  fmt_str(v[i].owner), v[i].name);
	table_print(t, c->out);
	return 0;
}

int strategy_show_cmd(struct cli *c)
{
	return show(c, c->id, 1);
}

int strategy_set_cmd(struct cli *c)
{
	if (strategy_set(c->db, c->id, c->obj, c->set, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "strategy %lld changed\n", (long long)c->id);
	return show(c, c->id, 0);
}

int strategy_rm_cmd(struct cli *c)
{
	if (strategy_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "strategy %lld removed\n", (long long)c->id);
	return 0;
}

int strategy_link_cmd(struct cli *c)
{
	const struct strategy_plan_input *in = c->obj;
	if (fields_require(strategy_plan_fields, c->set, &c->e) ||
	    strategy_link(c->db, c->id, in->plan_id, &c->e))
		return -1;
	fprintf(c->out, "plan %lld carries out strategy %lld\n", (long long)in->plan_id,
		(long long)c->id);
	return 0;
}

int strategy_unlink_cmd(struct cli *c)
{
	const struct strategy_plan_input *in = c->obj;
	if (fields_require(strategy_plan_fields, c->set, &c->e) ||
	    strategy_unlink(c->db, c->id, in->plan_id, &c->e))
		return -1;
	fprintf(c->out, "plan %lld no longer carries out strategy %lld\n", (long long)in->plan_id,
		(long long)c->id);
	return 0;
}

int strategy_gaps_cmd(struct cli *c)
{
	struct strategy *s;
	struct strategy_plan *p;
	size_t ns, np;
	if (strategy_gap_lists(c->db, &c->a, unit_of(c), &s, &ns, &p, &np, &c->e))
		return -1;
	if (c->json) {
		/* the counts come from strategy_gaps, a second query of its own */
		int64_t kno_plan, kno_strategy;
		if (strategy_gaps(c->db, unit_of(c), &kno_plan, &kno_strategy, &c->e))
			return -1;
		json_t *o = json_object(), *a = json_array();
		for (size_t i = 0; i < ns; i++)
			json_array_append_new(a, strategy_json(&s[i]));
		json_object_set_new(o, "no_plan", a);
		json_object_set_new(o, "no_strategy", plans_json(p, np));
		json_object_set_new(o, "no_plan_count", json_integer(kno_plan));
		json_object_set_new(o, "no_strategy_count", json_integer(kno_strategy));
		cli_print_json(c, o);
		return 0;
	}
	fprintf(c->out, "direction without execution: %zu active strateg%s with no plan\n", ns,
		ns == 1 ? "y" : "ies");
	if (ns) {
		static const char *const h[] = {"ID", "UNIT", "OWNER", "STRATEGY", NULL};
		struct table *t = table_new(&c->a, h, "rlll");
		for (size_t i = 0; i < ns; i++)
			table_row(t, fmt_int(&c->a, s[i].id), fmt_unit(&s[i]), fmt_str(s[i].owner),
				  s[i].name);
		table_print(t, c->out);
	}
	fprintf(c->out, "\nexecution without direction: %zu open plan%s with no strategy\n", np,
		np == 1 ? "" : "s");
	if (np)
		plan_table(c, p, np);
	return 0;
}
