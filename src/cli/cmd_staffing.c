/* cmd_staffing: tandem skill add|list|show|set|rm, person skill|unskill|
 * skills, position add|list|show|set|rm|need|unneed and staff add|list|
 * rm|match|span. */
#include "cli/cli.h"
#include "manage/staffing.h"

/* position add takes its title as the NAME argument */
const struct field position_add_fields[] = {
	{.name = "name", .type = FT_TEXT, .offset = offsetof(struct position_input, title),
	 .bit = POS_TITLE, .max = 200, .required = 1, .help = "the position's title"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct position_input, unit_id),
	 .bit = POS_UNIT, .required = 1, .help = "the unit it belongs to"},
	{.name = "headcount", .type = FT_INT, .offset = offsetof(struct position_input, headcount),
	 .bit = POS_HEADCOUNT, .min = 0, .max = 100000,
	 .help = "how many people it takes (default 1)"},
	{0},
};

const struct field staff_match_fields[] = {
	{.name = "position_id", .type = FT_ID, .offset = offsetof(struct staff_match_opts, position_id),
	 .bit = 1u << 0, .required = 1, .help = "the position to fill"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct staff_match_opts, unit_id),
	 .bit = 1u << 1, .help = "look in this unit and its sub-units (default the position's)"},
	{0},
};

static const char *level_cell(struct arena *a, int64_t level)
{
	const char *name = skill_level_name(level);
	return arena_printf(a, "%lld %s", (long long)level, name ? name : "?");
}

/* --- skills --- */

static int skill_show(struct cli *c, int64_t id, int verbose)
{
	struct skill s;
	if (skill_get(c->db, &c->a, id, &s, &c->e))
		return -1;
	if (c->json)
		cli_print_json(c, skill_json(&s, 0));
	else if (verbose)
		fprintf(c->out, "skill       %lld\nname        %s\ndescription %s\npeople      %lld\n"
				"positions   %lld\n", (long long)s.id, s.name, fmt_str(s.description),
			(long long)s.people, (long long)s.positions);
	return 0;
}

int skill_add_cmd(struct cli *c)
{
	int64_t id;
	if (skill_add(c->db, c->obj, c->set, &id, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "skill %lld added\n", (long long)id);
	return skill_show(c, id, 0);
}

static int print_skills(struct cli *c, const struct skill *v, size_t n, int with_level)
{
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, skill_json(&v[i], with_level));
		cli_print_list(c, items);
		return 0;
	}
	if (with_level) {
		static const char *const h[] = {"ID", "LEVEL", "SKILL", NULL};
		struct table *t = table_new(&c->a, h, "rll");
		for (size_t i = 0; i < n; i++)
			table_row(t, fmt_int(&c->a, v[i].id), level_cell(&c->a, v[i].level), v[i].name);
		table_print(t, c->out);
		return 0;
	}
	static const char *const h[] = {"ID", "PEOPLE", "POSITIONS", "NAME", NULL};
	struct table *t = table_new(&c->a, h, "rrrl");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, v[i].id), fmt_int(&c->a, v[i].people),
			  fmt_int(&c->a, v[i].positions), v[i].name);
	table_print(t, c->out);
	return 0;
}

int skill_list_cmd(struct cli *c)
{
	struct skill *v;
	size_t n;
	if (skill_list(c->db, &c->a, c->obj, c->set, &v, &n, &c->e))
		return -1;
	return print_skills(c, v, n, (c->set & SKF_PERSON) != 0);
}

int skill_show_cmd(struct cli *c)
{
	return skill_show(c, c->id, 1);
}

int skill_set_cmd(struct cli *c)
{
	if (skill_set(c->db, c->id, c->obj, c->set, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "skill %lld changed\n", (long long)c->id);
	return skill_show(c, c->id, 0);
}

int skill_rm_cmd(struct cli *c)
{
	if (skill_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "skill %lld removed\n", (long long)c->id);
	return 0;
}

/* --- a person's skills --- */

int person_skill_cmd(struct cli *c)
{
	const struct level_input *in = c->obj;
	if (person_skill_set(c->db, c->id, in, c->set, &c->e))
		return -1;
	if (!c->json) {
		fprintf(c->out, "person %lld has skill %lld at level %s\n", (long long)c->id,
			(long long)in->skill_id, level_cell(&c->a, in->level));
		return 0;
	}
	return person_skills_cmd(c);
}

int person_unskill_cmd(struct cli *c)
{
	const struct level_input *in = c->obj;
	if (person_skill_rm(c->db, c->id, in->skill_id, &c->e))
		return -1;
	fprintf(c->out, "person %lld no longer has skill %lld\n", (long long)c->id,
		(long long)in->skill_id);
	return 0;
}

int person_skills_cmd(struct cli *c)
{
	struct skill_filter f = {.person_id = c->id};
	struct skill *v;
	size_t n;
	if (skill_list(c->db, &c->a, &f, SKF_PERSON, &v, &n, &c->e)) {
		/* the person is the positional ID here, not a --person flag */
		if (c->e.status == ERR_NOT_FOUND) {
			err_clear(&c->e);
			err_set(&c->e, ERR_NOT_FOUND, "id", "no person with id %lld", (long long)c->id);
		}
		return -1;
	}
	return print_skills(c, v, n, 1);
}

/* --- positions --- */

static void print_holders(struct cli *c, const struct staff *v, size_t n)
{
	static const char *const h[] = {"STAFFING", "PERSON", "SINCE", "MATCH", "NAME", NULL};
	struct table *t = table_new(&c->a, h, "rrlrl");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, v[i].id), fmt_int(&c->a, v[i].person_id), v[i].since,
			  arena_printf(&c->a, "%lld%%", (long long)v[i].score), v[i].person);
	table_print(t, c->out);
}

static int position_show(struct cli *c, int64_t id, int verbose)
{
	struct position p;
	if (position_get(c->db, &c->a, id, &p, &c->e))
		return -1;
	struct staff_filter f = {.position_id = id};
	struct staff *v;
	size_t n;
	if ((c->json || verbose) &&
	    staff_list(c->db, &c->a, &f, SFF_POSITION, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *o = position_json(&p);
		json_t *holders = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(holders, staff_json(&v[i]));
		json_object_set_new(o, "holders", holders);
		cli_print_json(c, o);
		return 0;
	}
	if (!verbose)
		return 0;
	fprintf(c->out, "position  %lld\ntitle     %s\nunit      %lld %s\nheadcount %lld\n"
			"filled    %lld\nvacancies %lld\n", (long long)p.id, p.title,
		(long long)p.unit_id, p.unit_name, (long long)p.headcount, (long long)p.filled,
		(long long)p.vacancies);
	fputs("\nrequired skills:\n", c->out);
	if (!p.nskills) {
		fputs("  none\n", c->out);
	} else {
		static const char *const h[] = {"SKILL", "LEVEL", "NAME", NULL};
		struct table *t = table_new(&c->a, h, "rll");
		for (size_t i = 0; i < p.nskills; i++)
			table_row(t, fmt_int(&c->a, p.skills[i].skill_id),
				  level_cell(&c->a, p.skills[i].level), p.skills[i].name);
		table_print(t, c->out);
	}
	fputs("\nholders:\n", c->out);
	if (!n)
		fputs("  none\n", c->out);
	else
		print_holders(c, v, n);
	return 0;
}

int position_add_cmd(struct cli *c)
{
	int64_t id;
	if (position_add(c->db, c->obj, c->set, &id, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "position %lld added\n", (long long)id);
	return position_show(c, id, 0);
}

int position_list_cmd(struct cli *c)
{
	struct position *v;
	size_t n;
	if (position_list(c->db, &c->a, c->obj, c->set, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, position_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID", "UNIT", "FILLED", "HEADCOUNT", "VACANCIES", "TITLE",
					NULL};
	struct table *t = table_new(&c->a, h, "rlrrrl");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, v[i].id), v[i].unit_name, fmt_int(&c->a, v[i].filled),
			  fmt_int(&c->a, v[i].headcount), fmt_int(&c->a, v[i].vacancies), v[i].title);
	table_print(t, c->out);
	return 0;
}

int position_show_cmd(struct cli *c)
{
	return position_show(c, c->id, 1);
}

int position_set_cmd(struct cli *c)
{
	if (position_set(c->db, c->id, c->obj, c->set, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "position %lld changed\n", (long long)c->id);
	return position_show(c, c->id, 0);
}

int position_rm_cmd(struct cli *c)
{
	if (position_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "position %lld removed\n", (long long)c->id);
	return 0;
}

int position_need_cmd(struct cli *c)
{
	const struct level_input *in = c->obj;
	if (position_need(c->db, c->id, in, c->set, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "position %lld requires skill %lld at level %s\n", (long long)c->id,
			(long long)in->skill_id, level_cell(&c->a, in->level));
	return position_show(c, c->id, 0);
}

int position_unneed_cmd(struct cli *c)
{
	const struct level_input *in = c->obj;
	if (position_unneed(c->db, c->id, in->skill_id, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "position %lld no longer requires skill %lld\n", (long long)c->id,
			(long long)in->skill_id);
	return position_show(c, c->id, 0);
}

/* --- staffing --- */

int staff_add_cmd(struct cli *c)
{
	int64_t id;
	struct staff s;
	if (staff_add(c->db, c->obj, c->set, &id, &c->e) || staff_get(c->db, &c->a, id, &s, &c->e))
		return -1;
	if (c->json)
		cli_print_json(c, staff_json(&s));
	else
		fprintf(c->out, "staffing %lld added: %s in position %lld (%s), match %lld%%\n",
			(long long)id, s.person, (long long)s.position_id, s.title,
			(long long)s.score);
	return 0;
}

int staff_list_cmd(struct cli *c)
{
	struct staff *v;
	size_t n;
	if (staff_list(c->db, &c->a, c->obj, c->set, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, staff_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID", "UNIT", "POSITION", "PERSON", "SINCE", "MATCH",
					"NAME", NULL};
	struct table *t = table_new(&c->a, h, "rlrrlrl");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, v[i].id), v[i].unit_name,
			  fmt_int(&c->a, v[i].position_id), fmt_int(&c->a, v[i].person_id),
			  v[i].since, arena_printf(&c->a, "%lld%%", (long long)v[i].score),
			  arena_printf(&c->a, "%s (%s)", v[i].person, v[i].title));
	table_print(t, c->out);
	return 0;
}

int staff_rm_cmd(struct cli *c)
{
	if (staff_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "staffing %lld removed\n", (long long)c->id);
	return 0;
}

int staff_match_cmd(struct cli *c)
{
	const struct staff_match_opts *o = c->obj;
	if (fields_require(staff_match_fields, c->set, &c->e))
		return -1;
	struct candidate *v;
	size_t n;
	if (staff_match(c->db, &c->a, o->position_id, (c->set & 2u) ? o->unit_id : 0, &v, &n,
			&c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, candidate_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"RANK", "PERSON", "MATCH", "MISSING", "HOLDS", "NAME",
					NULL};
	struct table *t = table_new(&c->a, h, "rrrrll");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, (int64_t)i + 1), fmt_int(&c->a, v[i].person_id),
			  arena_printf(&c->a, "%lld%%", (long long)v[i].score),
			  fmt_int(&c->a, v[i].missing), v[i].holds ? "yes" : "",
			  v[i].title && *v[i].title ? arena_printf(&c->a, "%s (%s)", v[i].name, v[i].title)
						    : v[i].name);
	table_print(t, c->out);
	return 0;
}

int staff_span_cmd(struct cli *c)
{
	struct span *v;
	size_t n;
	if (span_list(c->db, &c->a, c->obj, c->set, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, span_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"MANAGER", "REPORTS", "FLAG", "UNIT", "NAME", NULL};
	struct table *t = table_new(&c->a, h, "rrlll");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, v[i].manager_id), fmt_int(&c->a, v[i].reports),
			  fmt_str(v[i].flag), v[i].unit_name, v[i].name);
	table_print(t, c->out);
	return 0;
}
