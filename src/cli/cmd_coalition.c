/* cmd_coalition: tandem coalition add|list|show|set|rm|join|leave,
 * tandem value add|list|set|rm and tandem note add|list. The CLI is the
 * local operator: note commands name the person acting (--author) or
 * whose notes to read (--person). */
#include "cli/cli.h"

#include "lead/coalition.h"
#include "lead/note.h"
#include "lead/value.h"

/* --- coalitions --- */

static const char *yes(int v)
{
	return v ? "yes" : "-";
}

static json_t *coalition_full_json(struct cli *c, const struct coalition *co,
				   const struct coalition_member *m, size_t nm,
				   const struct coalition_coverage *cv,
				   const struct coalition_reach *r, size_t nr)
{
	json_t *o = coalition_json(co);
	json_t *members = json_array(), *reach = json_array();
	for (size_t i = 0; i < nm; i++)
		json_array_append_new(members, coalition_member_json(&m[i]));
	for (size_t i = 0; i < nr; i++) {
		json_t *j = json_object();
		json_object_set_new(j, "unit_id", json_integer(r[i].unit_id));
		json_object_set_new(j, "unit", json_string(r[i].unit));
		json_object_set_new(j, "covered", json_boolean(r[i].covered));
		json_array_append_new(reach, j);
	}
	(void)c;
	json_object_set_new(o, "member_list", members);
	json_object_set_new(o, "coverage", coalition_coverage_json(cv));
	json_object_set_new(o, "affected_units", reach);
	return o;
}

static int coalition_show_id(struct cli *c, int64_t id, int verbose)
{
	struct coalition co;
	if (coalition_get(c->db, &c->a, id, &co, &c->e))
		return -1;
	if (!verbose && !c->json)
		return 0;
	struct coalition_member *m;
	struct coalition_reach *r;
	size_t nm, nr;
	struct coalition_coverage cv;
	struct coalition_unit *u;
	size_t nu;
	if (coalition_members(c->db, &c->a, id, &m, &nm, &c->e) ||
	    coalition_units(c->db, &c->a, id, &u, &nu, &c->e) ||
	    coalition_coverage(c->db, id, &cv, &c->e) ||
	    coalition_reach(c->db, &c->a, id, &r, &nr, &c->e))
		return -1;
	if (c->json) {
		json_t *o = coalition_full_json(c, &co, m, nm, &cv, r, nr);
		json_t *units = json_array();
		for (size_t i = 0; i < nu; i++) {
			json_t *j = json_object();
			json_object_set_new(j, "unit_id", json_integer(u[i].unit_id));
			json_object_set_new(j, "unit", json_string(u[i].unit));
			json_object_set_new(j, "members", json_integer(u[i].members));
			json_array_append_new(units, j);
		}
		json_object_set_new(json_object_get(o, "coverage"), "unit_list", units);
		cli_print_json(c, o);
		return 0;
	}
	fprintf(c->out, "coalition %lld\nname      %s\npurpose   %s\nstrategy  %s\nunit      %s\n",
		(long long)co.id, co.name, fmt_str(co.purpose),
		co.strategy_id ? arena_printf(&c->a, "%lld %s", (long long)co.strategy_id,
					      co.strategy) : "-",
		co.unit_id ? arena_printf(&c->a, "%lld %s", (long long)co.unit_id, co.unit)
			   : "the organization");
	fprintf(c->out, "members   %lld from %lld unit%s over %d level%s\n", (long long)cv.members,
		(long long)cv.units, cv.units == 1 ? "" : "s", cv.levels, cv.levels == 1 ? "" : "s");
	struct {
		const char *name;
		int has;
	} attrs[] = {{"position power", cv.has_power}, {"expertise", cv.has_expertise},
		     {"credibility", cv.has_credibility}, {"leadership", cv.has_leadership}};
	fputs("from     ", c->out);
	for (size_t i = 0; i < nu; i++)
		fprintf(c->out, "%s %s (%lld)", i ? "," : "", u[i].unit, (long long)u[i].members);
	fputs(nu ? "\n" : " -\n", c->out);
	fputs("has      ", c->out);
	int any = 0;
	for (size_t i = 0; i < 4; i++)
		if (attrs[i].has)
			fprintf(c->out, "%s %s", any++ ? "," : "", attrs[i].name);
	fputs(any ? "\n" : " -\n", c->out);
	fputs("lacks    ", c->out);
	any = 0;
	for (size_t i = 0; i < 4; i++)
		if (!attrs[i].has)
			fprintf(c->out, "%s %s", any++ ? "," : "", attrs[i].name);
	fputs(any ? "\n" : " -\n", c->out);
	fputs("covers   ", c->out);
	any = 0;
	for (size_t i = 0; i < nr; i++)
		if (r[i].covered)
			fprintf(c->out, "%s %s", any++ ? "," : "", r[i].unit);
	fputs(any ? "\n" : " -\n", c->out);
	fputs("misses   ", c->out);
	any = 0;
	for (size_t i = 0; i < nr; i++)
		if (!r[i].covered)
			fprintf(c->out, "%s %s", any++ ? "," : "", r[i].unit);
	fputs(any ? "\n" : " -\n", c->out);
	if (nm) {
		fputc('\n', c->out);
		static const char *const h[] = {"PERSON", "NAME", "UNIT", "POWER", "EXPERTISE",
						"CREDIBILITY", "LEADERSHIP", NULL};
		struct table *t = table_new(&c->a, h, "rllllll");
		for (size_t i = 0; i < nm; i++)
			table_row(t, fmt_int(&c->a, m[i].person_id), m[i].name, m[i].unit,
				  yes(m[i].position_power), yes(m[i].expertise),
				  yes(m[i].credibility), yes(m[i].leadership));
		table_print(t, c->out);
	}
	return 0;
}

int coalition_add_cmd(struct cli *c)
{
	int64_t id;
	if (coalition_add(c->db, c->obj, c->set, &id, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "coalition %lld added\n", (long long)id);
	return coalition_show_id(c, id, 0);
}

int coalition_list_cmd(struct cli *c)
{
	struct coalition *v;
	size_t n;
	if (coalition_list(c->db, &c->a, c->obj, c->set, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, coalition_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID", "MEMBERS", "UNIT", "STRATEGY", "NAME", NULL};
	struct table *t = table_new(&c->a, h, "rrlll");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, v[i].id), fmt_int(&c->a, v[i].members),
			  v[i].unit ? v[i].unit : "(organization)", fmt_str(v[i].strategy),
			  v[i].name);
	table_print(t, c->out);
	return 0;
}

int coalition_show_cmd(struct cli *c)
{
	return coalition_show_id(c, c->id, 1);
}

int coalition_set_cmd(struct cli *c)
{
	if (coalition_set(c->db, c->id, c->obj, c->set, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "coalition %lld changed\n", (long long)c->id);
	return coalition_show_id(c, c->id, 0);
}

int coalition_rm_cmd(struct cli *c)
{
	if (coalition_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "coalition %lld removed\n", (long long)c->id);
	return 0;
}

int coalition_join_cmd(struct cli *c)
{
	const struct coalition_member_input *in = c->obj;
	int added;
	if (coalition_join(c->db, c->id, in, c->set, &added, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "person %lld %s coalition %lld\n", (long long)in->person_id,
			added ? "joined" : "updated in", (long long)c->id);
	return coalition_show_id(c, c->id, 0);
}

int coalition_leave_cmd(struct cli *c)
{
	const struct coalition_member_input *in = c->obj;
	if (coalition_leave(c->db, c->id, in->person_id, &c->e))
		return -1;
	fprintf(c->out, "person %lld left coalition %lld\n", (long long)in->person_id,
		(long long)c->id);
	return 0;
}

/* --- values --- */

static int value_show_id(struct cli *c, int64_t id)
{
	struct org_value v;
	if (value_get(c->db, &c->a, id, &v, &c->e))
		return -1;
	if (c->json)
		cli_print_json(c, value_json(&v));
	return 0;
}

int value_add_cmd(struct cli *c)
{
	int64_t id;
	if (value_add(c->db, c->obj, c->set, &id, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "value %lld added\n", (long long)id);
	return value_show_id(c, id);
}

int value_list_cmd(struct cli *c)
{
	struct org_value *v;
	size_t n;
	if (value_list(c->db, &c->a, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, value_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID", "POSITION", "RECOGNITIONS", "NAME", "DESCRIPTION",
					NULL};
	struct table *t = table_new(&c->a, h, "rrrll");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, v[i].id), fmt_int(&c->a, v[i].position),
			  fmt_int(&c->a, v[i].recognitions), v[i].name, fmt_str(v[i].description));
	table_print(t, c->out);
	return 0;
}

int value_set_cmd(struct cli *c)
{
	if (value_set(c->db, c->id, c->obj, c->set, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "value %lld changed\n", (long long)c->id);
	return value_show_id(c, c->id);
}

int value_rm_cmd(struct cli *c)
{
	if (value_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "value %lld removed\n", (long long)c->id);
	return 0;
}

/* --- coaching notes --- */

int note_add_cmd(struct cli *c)
{
	const struct note_input *in = c->obj;
	int64_t id;
	if (note_add(c->db, in, c->set, &id, &c->e))
		return -1;
	if (!c->json) {
		fprintf(c->out, "note %lld added\n", (long long)id);
		return 0;
	}
	struct coaching_note n;
	if (note_get(c->db, &c->a, id, in->author_id, &n, &c->e))
		return -1;
	cli_print_json(c, note_json(&n));
	return 0;
}

int note_list_cmd(struct cli *c)
{
	const struct note_filter *f = c->obj;
	struct coaching_note *v;
	size_t n;
	if (note_list(c->db, &c->a, f, c->set, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, note_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID", "DAY", "KIND", "FROM", "ABOUT", "NOTE", NULL};
	struct table *t = table_new(&c->a, h, "rlllll");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, v[i].id), v[i].day, v[i].kind, v[i].author, v[i].about,
			  v[i].body);
	table_print(t, c->out);
	return 0;
}
