/* cmd_person: tandem person add|list|show|set|rm. */
#include "cli/cli.h"
#include "org/person.h"

static int show(struct cli *c, int64_t id, int verbose)
{
	struct person p;
	if (person_get(c->db, &c->a, id, &p, &c->e))
		return -1;
	if (c->json) {
		json_t *o = person_json(&p);
		json_object_set_new(o, "reports", json_integer(p.reports));
		cli_print_json(c, o);
	} else if (verbose) {
		fprintf(c->out, "person    %lld\nname      %s\nemail     %s\nunit      %lld %s\n"
				"manager   %s%s%s\ntitle     %s\nrate      %s/h\n"
				"capacity  %s h/week\nreports   %lld\n", (long long)p.id, p.name, p.email,
			(long long)p.unit_id, p.unit_name, fmt_id(&c->a, p.manager_id),
			p.manager_name ? " " : "", p.manager_name ? p.manager_name : "",
			fmt_str(p.title), fmt_money(&c->a, p.rate_cents),
			fmt_hours(&c->a, p.capacity_minutes), (long long)p.reports);
	}
	return 0;
}

int person_add_cmd(struct cli *c)
{
	int64_t id;
	if (person_add(c->db, c->obj, c->set, &id, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "person %lld added\n", (long long)id);
	return show(c, id, 0);
}

int person_list_cmd(struct cli *c)
{
	struct person *v;
	size_t n;
	if (person_list(c->db, &c->a, c->obj, c->set, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, person_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID", "NAME", "UNIT", "MANAGER", "TITLE", "RATE",
					"CAPACITY", "EMAIL", NULL};
	struct table *t = table_new(&c->a, h, "rllrlrrl");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, v[i].id), v[i].name, v[i].unit_name,
			  fmt_id(&c->a, v[i].manager_id), fmt_str(v[i].title),
			  fmt_money(&c->a, v[i].rate_cents), fmt_hours(&c->a, v[i].capacity_minutes),
			  v[i].email);
	table_print(t, c->out);
	return 0;
}

int person_show_cmd(struct cli *c)
{
	return show(c, c->id, 1);
}

int person_set_cmd(struct cli *c)
{
	if (person_set(c->db, c->id, c->obj, c->set, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "person %lld changed\n", (long long)c->id);
	return show(c, c->id, 0);
}

int person_rm_cmd(struct cli *c)
{
	if (person_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "person %lld removed\n", (long long)c->id);
	return 0;
}
