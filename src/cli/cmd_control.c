/* cmd_control: tandem control show|set|unset|check, problem
 * add|list|show|set|rm, and report agenda. */
#include <string.h>

#include "base/date.h"
#include "cli/cli.h"
#include "manage/control.h"
#include "manage/problem.h"
#include "org/unit.h"

const struct field control_show_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct tolerance_input, unit_id),
	 .bit = TOL_UNIT, .help = "the tolerances that apply to this unit (default: the "
				  "organization's)"},
	{0},
};

const struct field control_unset_fields[] = {
	{.name = "rule", .type = FT_ENUM, .offset = offsetof(struct tolerance_input, rule),
	 .bit = TOL_RULE, .choices = control_rules, .required = 1,
	 .help = "cpi, spi, overdue, overload, burn or target"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct tolerance_input, unit_id),
	 .bit = TOL_UNIT, .help = "remove this unit's override (default: reset the "
				  "organization's to the default)"},
	{0},
};

/* problem add takes its title as the positional NAME */
const struct field problem_add_cli_fields[] = {
	{.name = "name", .type = FT_TEXT, .offset = offsetof(struct problem_input, title),
	 .bit = PB_TITLE, .max = 200, .required = 1, .help = "what is wrong, in a line"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct problem_input, unit_id),
	 .bit = PB_UNIT, .required = 1, .help = "the unit whose problem it is"},
	{.name = "owner_id", .type = FT_ID, .offset = offsetof(struct problem_input, owner_id),
	 .bit = PB_OWNER, .nullable = 1, .help = "the person who resolves it"},
	{.name = "due", .type = FT_DATE, .offset = offsetof(struct problem_input, due),
	 .bit = PB_DUE, .nullable = 1, .help = "when it should be resolved"},
	{.name = "severity", .type = FT_INT, .offset = offsetof(struct problem_input, severity),
	 .bit = PB_SEVERITY, .min = 1, .max = 3, .help = "1 minor, 2 (default), 3 serious"},
	{.name = "detail", .type = FT_TEXT, .offset = offsetof(struct problem_input, detail),
	 .bit = PB_DETAIL, .max = 4000, .help = "what was seen"},
	{0},
};

static const char *const agenda_formats[] = {"md", "json", NULL};
enum { AG_UNIT = 1u << 0, AG_FORMAT = 1u << 1 };
const struct field agenda_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct agenda_opts, unit_id),
	 .bit = AG_UNIT, .help = "the unit, with its subtree (default: everything)"},
	{.name = "format", .type = FT_ENUM, .offset = offsetof(struct agenda_opts, format),
	 .bit = AG_FORMAT, .choices = agenda_formats, .help = "md (default) or json"},
	{0},
};

/* --- tolerances ------------------------------------------------------- */

static const char *source_text(struct arena *a, const struct tolerance *t)
{
	if (t->value_unit)
		return arena_printf(a, "unit %lld", (long long)t->value_unit);
	return t->value_org ? "organization" : "default";
}

int control_show_cmd(struct cli *c)
{
	const struct tolerance_input *in = c->obj;
	struct tolerance t[RULE_COUNT];
	if (control_tolerances(c->db, (c->set & TOL_UNIT) ? in->unit_id : 0, t, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (int i = 0; i < RULE_COUNT; i++)
			json_array_append_new(items, tolerance_json(&t[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"RULE", "VALUE", "ENABLED", "FROM", "MEANING", NULL};
	struct table *tb = table_new(&c->a, h, "lrlll");
	for (int i = 0; i < RULE_COUNT; i++) {
		const char *on = t[i].enabled ? "yes" : "no";
		if (t[i].enabled_unit)
			on = arena_printf(&c->a, "%s (unit %lld)", on, (long long)t[i].enabled_unit);
		table_row(tb, t[i].rule, fmt_int(&c->a, t[i].value), on, source_text(&c->a, &t[i]),
			  control_meanings[i]);
	}
	table_print(tb, c->out);
	return 0;
}

int control_set_cmd(struct cli *c)
{
	const struct tolerance_input *in = c->obj;
	if (control_set(c->db, in, c->set, &c->e))
		return -1;
	if (c->set & TOL_UNIT)
		fprintf(c->out, "tolerance %s set for unit %lld\n", in->rule, (long long)in->unit_id);
	else
		fprintf(c->out, "tolerance %s set for the organization\n", in->rule);
	return 0;
}

int control_unset_cmd(struct cli *c)
{
	const struct tolerance_input *in = c->obj;
	if (fields_require(control_unset_fields, c->set, &c->e) ||
	    control_unset(c->db, in->rule, (c->set & TOL_UNIT) ? in->unit_id : 0, &c->e))
		return -1;
	if (c->set & TOL_UNIT)
		fprintf(c->out, "tolerance %s of unit %lld removed\n", in->rule,
			(long long)in->unit_id);
	else
		fprintf(c->out, "tolerance %s reset to the default\n", in->rule);
	return 0;
}

int control_check_cmd(struct cli *c)
{
	struct check_result r;
	if (control_check(c->db, &c->a, c->obj, c->set, &r, &c->e))
		return -1;
	if (c->json) {
		cli_print_json(c, check_result_json(&r));
		return 0;
	}
	fprintf(c->out, "control check as of %s: %zu deviation%s, %zu opened, %zu already open\n",
		r.as_of, r.n, r.n == 1 ? "" : "s", r.opened, r.already);
	for (size_t i = 0; i < r.n; i++)
		if (r.v[i].opened)
			fprintf(c->out, "problem %lld opened: [%d] %s\n", (long long)r.v[i].problem_id,
				r.v[i].severity, r.v[i].title);
	return 0;
}

/* --- problems ----------------------------------------------------------- */

static const char *subject_text(struct arena *a, const struct problem *p)
{
	if (!p->subject_kind[0])
		return "-";
	return arena_printf(a, "%s %lld%s%s", p->subject_kind, (long long)p->subject_id,
			    p->subject_name[0] ? " " : "", p->subject_name);
}

static int show(struct cli *c, int64_t id, int verbose)
{
	struct problem p;
	if (problem_get(c->db, &c->a, id, &p, &c->e))
		return -1;
	if (c->json) {
		cli_print_json(c, problem_json(&p));
	} else if (verbose) {
		fprintf(c->out, "problem     %lld\ntitle       %s\nunit        %lld %s\n"
				"rule        %s\nsubject     %s\nseverity    %lld\nstatus      %s\n"
				"found       %s\nclosed      %s\nowner       %s\ndue         %s%s\n"
				"detail      %s\nroot cause  %s\naction      %s\n",
			(long long)p.id, p.title, (long long)p.unit_id, p.unit_name, p.rule,
			subject_text(&c->a, &p), (long long)p.severity, p.status, p.found,
			fmt_str(p.closed), fmt_str(p.owner_name), fmt_str(p.due),
			p.overdue ? " (overdue)" : "", fmt_str(p.detail), fmt_str(p.root_cause),
			fmt_str(p.action));
	}
	return 0;
}

int problem_add_cmd(struct cli *c)
{
	int64_t id;
	if (problem_add(c->db, c->obj, c->set, &id, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "problem %lld added\n", (long long)id);
	return show(c, id, 0);
}

int problem_list_cmd(struct cli *c)
{
	struct problem *v;
	size_t n;
	if (problem_list(c->db, &c->a, c->obj, c->set, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, problem_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID", "SEV", "STATUS", "DUE", "", "OWNER", "UNIT", "RULE",
					"TITLE", NULL};
	struct table *t = table_new(&c->a, h, "rrllllrll");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, v[i].id), fmt_int(&c->a, v[i].severity), v[i].status,
			  fmt_str(v[i].due), v[i].overdue ? "OVERDUE" : "", fmt_str(v[i].owner_name),
			  fmt_int(&c->a, v[i].unit_id), v[i].rule, v[i].title);
	table_print(t, c->out);
	return 0;
}

int problem_show_cmd(struct cli *c)
{
	return show(c, c->id, 1);
}

int problem_set_cmd(struct cli *c)
{
	if (problem_set(c->db, c->id, c->obj, c->set, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "problem %lld changed\n", (long long)c->id);
	return show(c, c->id, 0);
}

int problem_rm_cmd(struct cli *c)
{
	if (problem_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "problem %lld removed\n", (long long)c->id);
	return 0;
}

/* --- the agenda ----------------------------------------------------------- */

static void md_line(FILE *out, const char *label, const char *value, const char *none)
{
	fprintf(out, "- %s: %s\n", label, value && value[0] ? value : none);
}

int report_agenda_cmd(struct cli *c)
{
	const struct agenda_opts *o = c->obj;
	int64_t unit = (c->set & AG_UNIT) ? o->unit_id : 0;
	struct problem *v;
	size_t n;
	if (problem_agenda(c->db, &c->a, unit, &v, &n, &c->e))
		return -1;
	if (c->json || ((c->set & AG_FORMAT) && strcmp(o->format, "json") == 0)) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, problem_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	struct unit u = {.name = "the organization"};
	if (unit && unit_get(c->db, &c->a, unit, &u, &c->e))
		return -1;
	char today[11];
	date_format(date_today(), today);
	fprintf(c->out, "# Agenda: %s, %s\n\n", u.name, today);
	if (!n) {
		fputs("No open problems.\n", c->out);
		return 0;
	}
	fprintf(c->out, "%zu open problem%s, the most severe first.\n", n, n == 1 ? "" : "s");
	for (size_t i = 0; i < n; i++) {
		const struct problem *p = &v[i];
		fprintf(c->out, "\n## %zu. %s\n\n", i + 1, p->title);
		fprintf(c->out, "- Severity: %lld%s\n", (long long)p->severity,
			p->overdue ? " (OVERDUE)" : "");
		md_line(c->out, "Subject", p->subject_kind[0] ? subject_text(&c->a, p) : NULL,
			"reported by hand");
		fprintf(c->out, "- Unit: %s; found %s; %s\n", p->unit_name, p->found, p->status);
		md_line(c->out, "Owner", p->owner_name, "nobody yet");
		md_line(c->out, "Due", p->due, "not set");
		md_line(c->out, "Root cause", p->root_cause, "not yet known");
		md_line(c->out, "Action", p->action, "none decided");
	}
	return 0;
}
