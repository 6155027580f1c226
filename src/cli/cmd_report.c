/* cmd_report: tandem unit complexity and tandem report control. The
 * report's Markdown, CSV and HTML come from the renderers the web UI
 * shares (web/page_report.c), so a file written here is the file the
 * API sends. */
#include "cli/cli.h"

#include <string.h>

#include "base/buf.h"
#include "base/json.h"
#include "manage/complexity.h"
#include "manage/report.h"
#include "web/page.h"

const struct field complexity_cli_fields[] = {
	{.name = "unit_id", .arg = 1, .type = FT_ID,
	 .offset = offsetof(struct complexity_opts, unit_id),
	 .bit = 1u << 0, .help = "one unit (with its sub-units); every unit when left out"},
	{0},
};

static const char *ratio_cell(struct arena *a, int has, int64_t x100)
{
	if (!has)
		return "-";
	return arena_printf(a, "%lld.%02lld", (long long)(x100 / 100), (long long)(x100 % 100));
}

int unit_complexity_cmd(struct cli *c)
{
	const struct complexity_opts *o = c->obj;
	struct complexity_node *v;
	size_t n;
	if (complexity_tree(c->db, &c->a, (c->set & 1u) ? o->unit_id : 0, &v, &n, &c->e))
		return -1;
	if (c->json) {
		if (c->set & 1u) {
			json_t *j = complexity_json(&v[0].c);
			json_set_int(j, "unit_id", v[0].unit_id);
			json_set_str(j, "unit", v[0].name);
			cli_print_json(c, j);
			return 0;
		}
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++) {
			json_t *j = complexity_json(&v[i].c);
			json_set_int(j, "unit_id", v[i].unit_id);
			json_set_str(j, "unit", v[i].name);
			json_set_id(j, "parent_id", v[i].parent_id);
			json_set_int(j, "depth", v[i].depth);
			json_array_append_new(items, j);
		}
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID", "PEOPLE", "PLANS", "STEPS", "OPEN", "OPEN/PERSON",
					"DEPS", "DENSITY", "HANDOFFS", "HANDOFF%", "STEPS/PLAN",
					"LARGEST", "UNIT", NULL};
	struct table *t = table_new(&c->a, h, "rrrrrrrrrrrll");
	for (size_t i = 0; i < n; i++) {
		const struct complexity *x = &v[i].c;
		const char *largest = x->largest_plan_id
			? arena_printf(&c->a, "%lld (%lld steps)", (long long)x->largest_plan_id,
				       (long long)x->largest_plan_steps)
			: "-";
		table_row(t, fmt_int(&c->a, v[i].unit_id), fmt_int(&c->a, x->people),
			  fmt_int(&c->a, x->plans), fmt_int(&c->a, x->steps),
			  fmt_int(&c->a, x->open_steps),
			  ratio_cell(&c->a, x->has_open_per_person, x->open_per_person),
			  fmt_int(&c->a, x->deps),
			  ratio_cell(&c->a, x->has_dep_density, x->dep_density),
			  fmt_int(&c->a, x->handoffs),
			  ratio_cell(&c->a, x->has_handoff_pct, x->handoff_pct),
			  ratio_cell(&c->a, x->has_steps_per_plan, x->steps_per_plan), largest,
			  arena_printf(&c->a, "%*s%s", v[i].depth * 2, "", v[i].name));
	}
	table_print(t, c->out);
	return 0;
}

int report_control_cmd(struct cli *c)
{
	struct report_input *in = c->obj;
	struct control_report r;
	if (report_control(c->db, &c->a, in, c->set, &r, &c->e))
		return -1;
	const char *format = c->json ? "json" : (c->set & REP_FORMAT) ? in->format : "md";
	if (strcmp(format, "json") == 0) {
		cli_print_json(c, report_json(&r));
		return 0;
	}
	struct buf b = BUF_INIT;
	if (strcmp(format, "html") == 0)
		report_html(&b, &c->a, &r);
	else if (strcmp(format, "csv") == 0)
		report_csv(&b, &c->a, &r);
	else
		report_md(&b, &c->a, &r);
	int rc = 0;
	if (b.failed)
		rc = err_set(&c->e, ERR_INTERNAL, "", "out of memory");
	else
		fwrite(b.s ? b.s : "", 1, b.len, c->out);
	buf_free(&b);
	return rc;
}
