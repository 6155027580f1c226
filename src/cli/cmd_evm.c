/* cmd_evm: tandem plan evm, unit evm and control verify (earned value
 * and its aggregates). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/date.h"
#include "cli/cli.h"
#include "manage/evm.h"
#include "manage/ledger.h"

const struct field evm_cli_fields[] = {
	{.name = "unit_id", .arg = 1, .type = FT_ID, .offset = offsetof(struct evm_opts, unit_id),
	 .bit = EVM_UNIT, .help = "the unit whose subtree to roll up (default: all)"},
	{.name = "as_of", .type = FT_DATE, .offset = offsetof(struct evm_opts, as_of),
	 .bit = EVM_AS_OF, .help = "the day the figures are taken on, YYYY-MM-DD (today)"},
	{.name = "weekly", .type = FT_BOOL, .offset = offsetof(struct evm_opts, weekly),
	 .bit = EVM_WEEKLY, .help = "true: PV, EV and AC week by week (plan evm)"},
	{0},
};

const struct field verify_cli_fields[] = {
	{.name = "fix", .type = FT_BOOL, .offset = offsetof(struct evm_opts, fix),
	 .bit = EVM_FIX, .help = "true: rewrite the aggregates that differ"},
	{0},
};

static int as_of_day(struct cli *c, const struct evm_opts *o, int32_t *day)
{
	if (!(c->set & EVM_AS_OF)) {
		*day = date_today();
		return 0;
	}
	if (date_parse(o->as_of, day))
		return err_set(&c->e, ERR_BAD_INPUT, "as_of", "as_of: must be YYYY-MM-DD");
	return 0;
}

/* "%.2f" without printf (see money below) */
static const char *ratio(struct arena *a, int has, double v)
{
	if (!has)
		return "-";
	long long x = llround(v * 100);
	char tmp[32], *p = tmp + sizeof tmp;
	unsigned long long m = x < 0 ? 0 - (unsigned long long)x : (unsigned long long)x;
	*--p = '\0';
	*--p = (char)('0' + m % 10);
	*--p = (char)('0' + m / 10 % 10);
	*--p = '.';
	m /= 100;
	do {
		*--p = (char)('0' + m % 10);
		m /= 10;
	} while (m);
	if (x < 0)
		*--p = '-';
	return arena_strdup(a, p);
}

/* As fmt_money ("-1234.56"), without printf: the roll-up prints a row
 * per unit of the organization, and printf was half of its time. */
static const char *money(struct arena *a, int64_t cents)
{
	char tmp[32], *p = tmp + sizeof tmp;
	uint64_t m = cents < 0 ? 0 - (uint64_t)cents : (uint64_t)cents;
	*--p = '\0';
	*--p = (char)('0' + m % 10);
	*--p = (char)('0' + m / 10 % 10);
	*--p = '.';
	m /= 100;
	do {
		*--p = (char)('0' + m % 10);
		m /= 10;
	} while (m);
	if (cents < 0)
		*--p = '-';
	return arena_strdup(a, p);
}

static const char *money_if(struct arena *a, int has, int64_t cents)
{
	return has ? money(a, cents) : "-";
}

int plan_evm_cmd(struct cli *c)
{
	const struct evm_opts *o = c->obj;
	int32_t day;
	if (as_of_day(c, o, &day))
		return -1;
	struct evm v;
	if (evm_plan(c->db, c->id, day, &v, &c->e))
		return -1;
	struct evm_point *pts = NULL;
	size_t n = 0;
	int64_t bac = 0;
	int weekly = (c->set & EVM_WEEKLY) && o->weekly;
	if (weekly && evm_weekly(c->db, &c->a, c->id, day, &pts, &n, &bac, &c->e))
		return -1;
	char d[11];
	date_format(day, d);
	if (c->json) {
		json_t *j = evm_json(&v);
		json_object_set_new(j, "plan_id", json_integer(c->id));
		json_object_set_new(j, "as_of", json_string(d));
		if (weekly) {
			json_t *items = json_array();
			for (size_t i = 0; i < n; i++)
				json_array_append_new(items, evm_point_json(&pts[i]));
			json_object_set_new(j, "weekly", items);
		}
		cli_print_json(c, j);
		return 0;
	}
	struct arena *a = &c->a;
	fprintf(c->out,
		"plan      %lld\nas of     %s\nBAC       %s\nPV        %s\nEV        %s\n"
		"AC        %s\nCV        %s\nSV        %s\nCPI       %s\nSPI       %s\n"
		"EAC       %s\nETC       %s\nVAC       %s\nTCPI      %s\n",
		(long long)c->id, d, fmt_money(a, v.bac), fmt_money(a, v.pv), fmt_money(a, v.ev),
		fmt_money(a, v.ac), fmt_money(a, v.cv), fmt_money(a, v.sv),
		ratio(a, v.has_cpi, v.cpi), ratio(a, v.has_spi, v.spi),
		money_if(a, v.has_eac, v.eac), money_if(a, v.has_eac, v.etc),
		money_if(a, v.has_eac, v.vac), ratio(a, v.has_tcpi, v.tcpi));
	if (!weekly)
		return 0;
	fputc('\n', c->out);
	static const char *const h[] = {"DAY", "PV", "EV", "AC", NULL};
	struct table *t = table_new(a, h, "lrrr");
	for (size_t i = 0; i < n; i++) {
		date_format(pts[i].day, d);
		table_row(t, arena_strdup(a, d), fmt_money(a, pts[i].pv),
			  money_if(a, pts[i].past, pts[i].ev), money_if(a, pts[i].past, pts[i].ac));
	}
	table_print(t, c->out);
	return 0;
}

int unit_evm_cmd(struct cli *c)
{
	const struct evm_opts *o = c->obj;
	int32_t day;
	if (as_of_day(c, o, &day))
		return -1;
	struct evm_node *v;
	size_t n;
	if (evm_rollup(c->db, &c->a, (c->set & EVM_UNIT) ? o->unit_id : 0, day, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, evm_node_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"UNIT", "PLANS", "BAC", "PV", "EV", "AC", "CV", "SV",
					"CPI", "SPI", "EAC", NULL};
	struct arena *a = &c->a;
	struct table *t = table_new(a, h, "lrrrrrrrrrr");
	for (size_t i = 0; i < n; i++) {
		const struct evm *x = &v[i].total;
		char *name = arena_alloc_uninit(a, 2 * (size_t)v[i].depth + strlen(v[i].name) + 1);
		if (!name)
			return err_set(&c->e, ERR_INTERNAL, "", "out of memory");
		memset(name, ' ', 2 * (size_t)v[i].depth);
		strcpy(name + 2 * v[i].depth, v[i].name);
		table_row(t, name, fmt_int(a, v[i].plans), money(a, x->bac), money(a, x->pv),
			  money(a, x->ev), money(a, x->ac), money(a, x->cv), money(a, x->sv),
			  ratio(a, x->has_cpi, x->cpi), ratio(a, x->has_spi, x->spi),
			  money_if(a, x->has_eac, x->eac));
	}
	table_print(t, c->out);
	return 0;
}

struct verify_out {
	struct cli *c;
	json_t *lines;
};

static void verify_line(void *ctx, const char *line)
{
	struct verify_out *v = ctx;
	if (v->lines)
		json_array_append_new(v->lines, json_string(line));
	else
		fprintf(v->c->out, "%s\n", line);
}

int control_verify_cmd(struct cli *c)
{
	const struct evm_opts *o = c->obj;
	int fix = (c->set & EVM_FIX) && o->fix;
	struct verify_out v = {.c = c, .lines = c->json ? json_array() : NULL};
	int64_t n = 0;
	if (ledger_verify(c->db, fix, verify_line, &v, &n, &c->e)) {
		json_decref(v.lines);
		return -1;
	}
	if (c->json) {
		json_t *j = json_object();
		json_object_set_new(j, "differences", json_integer(n));
		json_object_set_new(j, "fixed", json_boolean(fix && n));
		json_object_set_new(j, "lines", v.lines);
		cli_print_json(c, j);
	} else if (n == 0) {
		fprintf(c->out, "the earned-value aggregates match the data\n");
	} else if (fix) {
		fprintf(c->out, "%lld difference(s) fixed\n", (long long)n);
	}
	if (n && !fix)
		return err_set(&c->e, ERR_CONFLICT, "", "%lld difference(s) between the "
			       "earned-value aggregates and the data (fix them with 'tandem "
			       "control verify --fix')", (long long)n);
	return 0;
}
