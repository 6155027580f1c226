/* cmd_budget: tandem budget add|list|show|set|rm|actual and tandem
 * expense add|list|show|set|rm. */
#include "cli/cli.h"
#include "manage/budget.h"
#include "manage/expense.h"

/* --- budget lines ------------------------------------------------------- */

/* An amount that may be negative (a variance): fmt_money's, signed. */
static const char *fmt_variance(struct arena *a, int64_t cents)
{
	if (cents >= 0)
		return fmt_money(a, cents);
	return arena_printf(a, "-%s", fmt_money(a, -cents));
}

static int budget_show(struct cli *c, int64_t id, int verbose)
{
	struct budget b;
	if (budget_get(c->db, &c->a, id, &b, &c->e))
		return -1;
	if (c->json)
		cli_print_json(c, budget_json(&b));
	else if (verbose)
		fprintf(c->out, "budget    %lld\nunit      %lld\nplan      %s\ncategory  %s\n"
				"amount    %s\nfrom      %s\nto        %s\nnote      %s\n",
			(long long)b.id, (long long)b.unit_id, fmt_id(&c->a, b.plan_id), b.category,
			fmt_money(&c->a, b.amount_cents), fmt_str(b.period_from),
			fmt_str(b.period_to), fmt_str(b.note));
	return 0;
}

int budget_add_cmd(struct cli *c)
{
	int64_t id;
	if (budget_add(c->db, c->obj, c->set, &id, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "budget line %lld added\n", (long long)id);
	return budget_show(c, id, 0);
}

int budget_list_cmd(struct cli *c)
{
	struct budget *v;
	size_t n;
	if (budget_list(c->db, &c->a, c->obj, c->set, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, budget_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID", "UNIT", "PLAN", "CATEGORY", "AMOUNT", "FROM", "TO",
					"NOTE", NULL};
	struct table *t = table_new(&c->a, h, "rrrlrlll");
	int64_t sum = 0;
	for (size_t i = 0; i < n; i++) {
		table_row(t, fmt_int(&c->a, v[i].id), fmt_int(&c->a, v[i].unit_id),
			  fmt_id(&c->a, v[i].plan_id), v[i].category,
			  fmt_money(&c->a, v[i].amount_cents), fmt_str(v[i].period_from),
			  fmt_str(v[i].period_to), fmt_str(v[i].note));
		sum += v[i].amount_cents;
	}
	table_print(t, c->out);
	fprintf(c->out, "total %s in %zu line%s\n", fmt_money(&c->a, sum), n, n == 1 ? "" : "s");
	return 0;
}

int budget_show_cmd(struct cli *c)
{
	return budget_show(c, c->id, 1);
}

int budget_set_cmd(struct cli *c)
{
	if (budget_set(c->db, c->id, c->obj, c->set, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "budget line %lld changed\n", (long long)c->id);
	return budget_show(c, c->id, 0);
}

int budget_rm_cmd(struct cli *c)
{
	if (budget_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "budget line %lld removed\n", (long long)c->id);
	return 0;
}

int budget_actual_cmd(struct cli *c)
{
	const struct bva_query *q = c->obj;
	const char *from = (c->set & BQ_FROM) ? q->from : NULL;
	const char *to = (c->set & BQ_TO) ? q->to : NULL;
	int64_t plan = (c->set & BQ_PLAN) ? q->plan_id : 0;
	int64_t unit = (c->set & BQ_UNIT) ? q->unit_id : 0;
	struct bva_line v[3];
	if (budget_vs_actual(c->db, &c->a, plan, unit, from, to, v, &c->e))
		return -1;
	if (c->json) {
		cli_print_json(c, bva_json(plan, unit, from, to, v));
		return 0;
	}
	static const char *const h[] = {"CATEGORY", "BUDGET", "ACTUAL", "VARIANCE", NULL};
	struct table *t = table_new(&c->a, h, "lrrr");
	int64_t budget = 0, actual = 0;
	for (int i = 0; i < 3; i++) {
		table_row(t, v[i].category, fmt_money(&c->a, v[i].budget_cents),
			  fmt_money(&c->a, v[i].actual_cents),
			  fmt_variance(&c->a, v[i].budget_cents - v[i].actual_cents));
		budget += v[i].budget_cents;
		actual += v[i].actual_cents;
	}
	table_row(t, "total", fmt_money(&c->a, budget), fmt_money(&c->a, actual),
		  fmt_variance(&c->a, budget - actual));
	table_print(t, c->out);
	return 0;
}

/* --- expenses ------------------------------------------------------------ */

static int expense_show(struct cli *c, int64_t id, int verbose)
{
	struct expense x;
	if (expense_get(c->db, &c->a, id, &x, &c->e))
		return -1;
	if (c->json)
		cli_print_json(c, expense_json(&x));
	else if (verbose)
		fprintf(c->out, "expense   %lld\nplan      %lld\nstep      %s\ncategory  %s\n"
				"amount    %s\nday       %s\nnote      %s\n",
			(long long)x.id, (long long)x.plan_id, fmt_id(&c->a, x.step_id), x.category,
			fmt_money(&c->a, x.amount_cents), x.day, fmt_str(x.note));
	return 0;
}

int expense_add_cmd(struct cli *c)
{
	int64_t id;
	if (expense_add(c->db, c->obj, c->set, &id, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "expense %lld added\n", (long long)id);
	return expense_show(c, id, 0);
}

int expense_list_cmd(struct cli *c)
{
	struct expense *v;
	size_t n;
	int64_t total;
	if (expense_list(c->db, &c->a, c->obj, c->set, &v, &n, &total, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, expense_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID", "DAY", "PLAN", "STEP", "CATEGORY", "AMOUNT", "NOTE",
					NULL};
	struct table *t = table_new(&c->a, h, "rlrrlrl");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, v[i].id), v[i].day, fmt_int(&c->a, v[i].plan_id),
			  fmt_id(&c->a, v[i].step_id), v[i].category,
			  fmt_money(&c->a, v[i].amount_cents), fmt_str(v[i].note));
	table_print(t, c->out);
	fprintf(c->out, "total %s in %zu expense%s\n", fmt_money(&c->a, total), n,
		n == 1 ? "" : "s");
	return 0;
}

int expense_show_cmd(struct cli *c)
{
	return expense_show(c, c->id, 1);
}

int expense_set_cmd(struct cli *c)
{
	if (expense_set(c->db, c->id, c->obj, c->set, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "expense %lld changed\n", (long long)c->id);
	return expense_show(c, c->id, 0);
}

int expense_rm_cmd(struct cli *c)
{
	if (expense_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "expense %lld removed\n", (long long)c->id);
	return 0;
}
