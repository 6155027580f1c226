/* cmd_balance: `tandem balance` (every unit's management and
 * leadership scores and quadrant), `balance show [UNIT]` (one unit's
 * indicators and actions), `balance snapshot` and `balance history`. */
#include <stdio.h>
#include <string.h>

#include "balance/balance.h"
#include "cli/cli.h"
#include "org/unit.h"

static const char *f1(struct arena *a, double v)
{
	return arena_printf(a, "%.1f", v);
}

static const char *indent(struct arena *a, int depth, const char *name)
{
	return arena_printf(a, "%*s%s", 2 * depth, "", name);
}

static const char *too_much(struct arena *a, const struct bal_unit *u)
{
	const char *s = "";
	for (size_t i = 0; i < u->nind; i++)
		if (u->ind[i].too_much)
			s = arena_printf(a, "%s%s%s", s, *s ? " " : "", u->ind[i].key);
	return s;
}

int balance_cmd(struct cli *c)
{
	const struct bal_filter *f = c->obj;
	int64_t unit = (c->set & BALF_UNIT) ? f->unit_id : 0;
	if (unit && unit_must_exist(c->db, unit, "unit_id", &c->e))
		return -1;
	struct bal_result r;
	if (balance_compute(c->db, &c->a, (c->set & BALF_AS_OF) ? f->as_of : NULL, &r, &c->e))
		return -1;
	size_t from = 0;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < r.n; i++) {
			if (!bal_in_subtree(&r, unit, i, &from)) {
				if (from)
					break;
				continue;
			}
			json_array_append_new(items, bal_unit_json(&r.units[i], 1));
		}
		json_t *o = json_object();
		json_object_set_new(o, "as_of", json_string(r.as_of));
		json_object_set_new(o, "managed", json_real(r.managed));
		json_object_set_new(o, "led", json_real(r.led));
		json_object_set_new(o, "count", json_integer((json_int_t)json_array_size(items)));
		json_object_set_new(o, "items", items);
		cli_print_json(c, o);
		return 0;
	}
	static const char *const h[] = {"UNIT", "PEOPLE", "MANAGEMENT", "LEADERSHIP", "QUADRANT",
					"TOO MUCH", NULL};
	struct table *t = table_new(&c->a, h, "lrrrll");
	for (size_t i = 0; i < r.n; i++) {
		if (!bal_in_subtree(&r, unit, i, &from)) {
			if (from)
				break;
			continue;
		}
		const struct bal_unit *u = &r.units[i];
		table_row(t, indent(&c->a, u->depth, u->name), fmt_int(&c->a, u->people),
			  f1(&c->a, u->management), f1(&c->a, u->leadership), u->quadrant,
			  too_much(&c->a, u));
	}
	fprintf(c->out, "as of %s; well managed from %.0f, well led from %.0f "
		"(settings balance.managed, balance.led)\n", r.as_of, r.managed, r.led);
	table_print(t, c->out);
	return 0;
}

static const char *band(struct arena *a, const struct bal_indicator *x)
{
	return arena_printf(a, "%g-%g%s", x->lo, x->hi,
			    x->excess > 0 ? " (more is too much)" :
			    x->excess < 0 ? " (less is too much)" : "");
}

int balance_show_cmd(struct cli *c)
{
	const struct bal_filter *f = c->obj;
	struct bal_unit u;
	if (balance_unit(c->db, &c->a, (c->set & BALF_UNIT) ? f->unit_id : 0,
			 (c->set & BALF_AS_OF) ? f->as_of : NULL, &u, &c->e))
		return -1;
	if (c->json) {
		cli_print_json(c, bal_unit_json(&u, 1));
		return 0;
	}
	struct arena *a = &c->a;
	fprintf(c->out, "%s: %lld people\n", u.name, (long long)u.people);
	fprintf(c->out, "management %.1f, leadership %.1f: %s\n", u.management, u.leadership,
		u.quadrant);
	const char *tm = too_much(a, &u);
	if (*tm)
		fprintf(c->out, "too much: %s\n", tm);
	fputc('\n', c->out);
	static const char *const h[] = {"PROCESS", "KEY", "INDICATOR", "VALUE", "BAND", "WEIGHT",
					"SCORE", "WHY", NULL};
	struct table *t = table_new(a, h, "lllrlrrl");
	for (int p = 0; p < BP_N; p++) {
		table_row(t, bal_process_names[p], "", "", "", "", "", f1(a, u.process[p]), "");
		for (size_t i = 0; i < u.nind; i++) {
			const struct bal_indicator *x = &u.ind[i];
			if (x->process != p)
				continue;
			const char *score = x->skipped ? "no data" :
					    x->too_much ? arena_printf(a, "%.1f too much", x->score) :
					    f1(a, x->score);
			table_row(t, "", x->key, x->name,
				  x->has_value ? arena_printf(a, "%.2f", x->value) : "-", band(a, x),
				  arena_printf(a, "%g", x->weight), score, x->why);
		}
	}
	table_print(t, c->out);
	fprintf(c->out, "\nto raise management:\n");
	for (size_t i = 0; i < u.nactions_m; i++)
		fprintf(c->out, "  - %s\n", u.actions_m[i]);
	fprintf(c->out, "to raise leadership:\n");
	for (size_t i = 0; i < u.nactions_l; i++)
		fprintf(c->out, "  - %s\n", u.actions_l[i]);
	return 0;
}

int balance_snapshot_cmd(struct cli *c)
{
	const struct bal_filter *f = c->obj;
	int64_t id;
	if (balance_snapshot(c->db, (c->set & BALF_AS_OF) ? f->as_of : NULL, "manual", &id, &c->e))
		return -1;
	if (c->json) {
		json_t *o = json_object();
		json_object_set_new(o, "id", json_integer(id));
		cli_print_json(c, o);
		return 0;
	}
	fprintf(c->out, "snapshot %lld taken\n", (long long)id);
	return 0;
}

int balance_history_cmd(struct cli *c)
{
	const struct bal_filter *f = c->obj;
	int64_t unit = (c->set & BALF_UNIT) ? f->unit_id : 0;
	if (unit && unit_must_exist(c->db, unit, "unit_id", &c->e))
		return -1;
	struct bal_point *p;
	size_t n;
	if (balance_history(c->db, &c->a, unit, &p, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, bal_point_json(&p[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"SNAPSHOT", "DAY", "KIND", "MANAGEMENT", "LEADERSHIP",
					"QUADRANT", NULL};
	struct table *t = table_new(&c->a, h, "rllrrl");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, p[i].snapshot_id), p[i].day, p[i].kind,
			  f1(&c->a, p[i].management), f1(&c->a, p[i].leadership), p[i].quadrant);
	table_print(t, c->out);
	return 0;
}
