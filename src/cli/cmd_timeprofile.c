/* cmd_timeprofile: tandem balance time, the time profile of the people
 * who manage others (balance/timeprofile.h): per process and per class
 * the minutes, hours and share of managers beside everyone else, then
 * one line per unit below the scope with its managers' leadership
 * share. */
#include "cli/cli.h"

#include "balance/timeprofile.h"
#include "base/date.h"
#include "base/json.h"

static const char *pct_cell(struct arena *a, int64_t part, int64_t whole)
{
	int64_t s = tp_share10(part, whole);
	if (s < 0)
		return "-";
	return arena_printf(a, "%lld.%lld", (long long)(s / 10), (long long)(s % 10));
}

/* minutes, hours and share of both groups */
static void group_cells(struct table *t, struct arena *a, const char *label, int64_t mm,
			const struct tp_mix *m, int64_t om, const struct tp_mix *o)
{
	table_row(t, label, fmt_int(a, mm), fmt_hours(a, mm), pct_cell(a, mm, m->total),
		  fmt_int(a, om), fmt_hours(a, om), pct_cell(a, om, o->total));
}

static const char *const group_head[] = {"",	   "MGR MIN",	"MGR H", "MGR %",
					 "OTHER MIN", "OTHER H", "OTHER %", NULL};

int balance_time_cmd(struct cli *c)
{
	struct timeprofile p;
	if (timeprofile_get(c->db, &c->a, c->obj, c->set, date_today(), &p, &c->e))
		return -1;
	if (c->json) {
		cli_print_json(c, timeprofile_json(&p));
		return 0;
	}
	const struct tp_mix *m = &p.managers, *o = &p.others;
	struct arena *a = &c->a;
	fprintf(c->out, "Time profile of %s, %s to %s (%lld days)\n", p.unit_name, p.from, p.to,
		(long long)p.days);
	fprintf(c->out, "Managers: %lld (%lld logged time), %s hours. Others: %lld (%lld logged "
		"time), %s hours.\n", (long long)m->people, (long long)m->logging,
		fmt_hours(a, m->total), (long long)o->people, (long long)o->logging,
		fmt_hours(a, o->total));
	if (m->total > 0)
		fprintf(c->out, "Managers spent %s %% of their logged time on leadership, %s %% on "
			"management and %s %% on the work itself.\n",
			pct_cell(a, tp_leadership_minutes(m), m->total),
			pct_cell(a, tp_management_minutes(m), m->total),
			pct_cell(a, m->minutes[TP_UNCLASSIFIED], m->total));
	else
		fprintf(c->out, "Managers logged no time in this period.\n");
	fputc('\n', c->out);

	const char *h1[8];
	for (int i = 0; i < 8; i++)
		h1[i] = group_head[i];
	h1[0] = "PROCESS";
	struct table *t = table_new(a, h1, "lrrrrrr");
	for (int i = 0; i < TP_PROCESSES; i++)
		group_cells(t, a, tp_process_names[i], tp_process_minutes(m, i), m,
			    tp_process_minutes(o, i), o);
	group_cells(t, a, "= management", tp_management_minutes(m), m, tp_management_minutes(o), o);
	group_cells(t, a, "= leadership", tp_leadership_minutes(m), m, tp_leadership_minutes(o), o);
	group_cells(t, a, "unclassified (the work itself)", m->minutes[TP_UNCLASSIFIED], m,
		    o->minutes[TP_UNCLASSIFIED], o);
	group_cells(t, a, "total", m->total, m, o->total, o);
	table_print(t, c->out);
	fputc('\n', c->out);

	h1[0] = "CLASS";
	t = table_new(a, h1, "lrrrrrr");
	for (int i = 0; i < TP_CLASSES; i++)
		group_cells(t, a, tp_class_keys[i], m->minutes[i], m, o->minutes[i], o);
	table_print(t, c->out);

	/* the units one level below the scope (for the organization: its
	 * top units and theirs) */
	int deepest = 1, shallowest = p.unit_id ? 1 : 0;
	int any = 0;
	for (size_t i = 0; i < p.n; i++)
		any |= p.nodes[i].depth >= shallowest && p.nodes[i].depth <= deepest;
	if (!any)
		return 0;
	fputc('\n', c->out);
	static const char *const h2[] = {"ID", "MANAGERS", "MGR H", "LEADERSHIP %", "MANAGEMENT %",
					 "UNIT", NULL};
	t = table_new(a, h2, "rrrrrl");
	for (size_t i = 0; i < p.n; i++) {
		const struct tp_node *u = &p.nodes[i];
		if (u->depth < shallowest || u->depth > deepest)
			continue;
		const struct tp_mix *x = &u->managers;
		table_row(t, fmt_int(a, u->unit_id), fmt_int(a, x->people), fmt_hours(a, x->total),
			  pct_cell(a, tp_leadership_minutes(x), x->total),
			  pct_cell(a, tp_management_minutes(x), x->total),
			  arena_printf(a, "%*s%s", (u->depth - shallowest) * 2, "", u->name));
	}
	table_print(t, c->out);
	return 0;
}
