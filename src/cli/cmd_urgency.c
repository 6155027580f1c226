/* cmd_urgency: tandem change urgency [INIT] [--unit U] [--as-of D] and
 * tandem change network INIT: Kotter's urgency read from the data and
 * the network of volunteers beside the hierarchy (src/change/urgency.h,
 * src/change/network.h). */
#include "change/network.h"
#include "change/urgency.h"
#include "cli/cli.h"

const struct field urgency_cli_fields[] = {
	{.name = "initiative_id", .arg = 1, .type = FT_ID,
	 .offset = offsetof(struct urgency_opts, initiative_id), .bit = UO_INITIATIVE,
	 .help = "one initiative, over the units it affects"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct urgency_opts, unit_id),
	 .bit = UO_UNIT, .help = "one unit, with the units under it"},
	{.name = "as_of", .type = FT_DATE, .offset = offsetof(struct urgency_opts, as_of),
	 .bit = UO_AS_OF, .help = "the window's last day, YYYY-MM-DD (today)"},
	{0},
};

static const char *tenths(struct arena *a, int64_t x10)
{
	return arena_printf(a, "%lld.%lld", (long long)(x10 / 10), (long long)(x10 % 10));
}

static void urgency_print(struct cli *c, const struct urgency *u)
{
	const struct urgency_ind *d = &u->ind;
	struct arena *a = &c->a;
	FILE *o = c->out;
	if (u->initiative_id)
		fprintf(o, "initiative  %lld %s\n", (long long)u->initiative_id, u->initiative);
	else
		fprintf(o, "unit        %lld %s (with the units under it)\n", (long long)u->unit_id,
			u->unit);
	fprintf(o, "window      after %s up to %s (%lld days)\n", u->from, u->as_of,
		(long long)u->th.window);
	fprintf(o, "urgency     %s\n", urgency_label_name(u->label));
	fprintf(o, "why         %s\n", u->why);
	fprintf(o, "people      %lld\n", (long long)d->people);
	fprintf(o, "external signals   %lld (%s per 10 people, needs %s), %lld reviewed "
		   "(%lld %%, needs %lld %%)%s\n", (long long)d->ext_signals,
		tenths(a, d->ext_x10), tenths(a, u->th.outward), (long long)d->ext_reviewed,
		(long long)d->reviewed_pct, (long long)u->th.reviewed,
		d->outward ? ": looking outward" : "");
	fprintf(o, "internal activity  %lld (%s per 10 people, busy from %s)%s: %lld meetings, "
		   "%lld new plans, %lld problems opened, %lld internal signals\n",
		(long long)d->activity, tenths(a, d->activity_x10), tenths(a, u->th.activity),
		d->busy ? ": busy" : "", (long long)d->meetings, (long long)d->new_plans,
		(long long)d->problems, (long long)d->int_signals);
	fprintf(o, "progress           %lld of %lld open steps advanced (%lld %%, needs %lld %%)"
		   "%s, %lld completed (%s per 10 people)\n", (long long)d->advanced,
		(long long)d->open_steps, (long long)d->advanced_pct, (long long)u->th.progress,
		d->progress ? ": progress" : "", (long long)d->done, tenths(a, d->done_x10));
}

static void urgency_row(struct cli *c, struct table *t, const struct urgency *u)
{
	struct arena *a = &c->a;
	const struct urgency_ind *d = &u->ind;
	table_row(t, u->initiative_id ? "initiative" : "unit",
		  fmt_int(a, u->initiative_id ? u->initiative_id : u->unit_id),
		  u->initiative_id ? u->initiative : u->unit, urgency_label_name(u->label),
		  fmt_int(a, d->people), tenths(a, d->ext_x10),
		  arena_printf(a, "%lld %%", (long long)d->reviewed_pct), tenths(a, d->activity_x10),
		  arena_printf(a, "%lld/%lld", (long long)d->advanced, (long long)d->open_steps));
}

int change_urgency_cmd(struct cli *c)
{
	const struct urgency_opts *q = c->obj;
	const char *as_of = (c->set & UO_AS_OF) ? q->as_of : NULL;
	if ((c->set & UO_INITIATIVE) && (c->set & UO_UNIT))
		return err_set(&c->e, ERR_BAD_INPUT, "unit_id",
			       "--unit: give an initiative or a unit, not both");
	if (c->set & (UO_INITIATIVE | UO_UNIT)) {
		struct urgency u;
		if ((c->set & UO_INITIATIVE)
			    ? urgency_initiative(c->db, &c->a, q->initiative_id, as_of, &u, &c->e)
			    : urgency_unit(c->db, &c->a, q->unit_id, as_of, &u, &c->e))
			return -1;
		if (c->json)
			cli_print_json(c, urgency_json(&u));
		else
			urgency_print(c, &u);
		return 0;
	}
	struct urgency *iv, *uv;
	size_t ni, nu;
	if (urgency_all(c->db, &c->a, as_of, &iv, &ni, &uv, &nu, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < ni; i++)
			json_array_append_new(items, urgency_json(&iv[i]));
		for (size_t i = 0; i < nu; i++)
			json_array_append_new(items, urgency_json(&uv[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"KIND", "ID", "NAME", "URGENCY", "PEOPLE", "EXT/10",
					 "REVIEWED", "ACTIVITY/10", "ADVANCED", NULL};
	struct table *t = table_new(&c->a, h, "lrllrrrrr");
	for (size_t i = 0; i < ni; i++)
		urgency_row(c, t, &iv[i]);
	for (size_t i = 0; i < nu; i++)
		urgency_row(c, t, &uv[i]);
	table_print(t, c->out);
	if (ni + nu)
		fprintf(c->out, "(window: after %s up to %s; EXT/10 and ACTIVITY/10 per 10 people; "
			"ADVANCED: open steps advanced of open)\n", ni ? iv[0].from : uv[0].from,
			ni ? iv[0].as_of : uv[0].as_of);
	return 0;
}

int change_network_cmd(struct cli *c)
{
	struct network n;
	if (network_get(c->db, &c->a, c->id, &n, &c->e))
		return -1;
	if (c->json) {
		cli_print_json(c, network_json(&n));
		return 0;
	}
	struct arena *a = &c->a;
	FILE *o = c->out;
	fprintf(o, "initiative %lld: %lld volunteer%s from %lld unit%s", (long long)n.initiative_id,
		(long long)n.volunteers, n.volunteers == 1 ? "" : "s", (long long)n.units,
		n.units == 1 ? "" : "s");
	if (n.volunteers)
		fprintf(o, ", spanning %lld level%s of the tree (%d to %d); %lld manager%s, %lld "
			   "not; %lld outside the affected units", (long long)n.levels,
			n.levels == 1 ? "" : "s", n.min_level, n.max_level, (long long)n.managers,
			n.managers == 1 ? "" : "s", (long long)n.non_managers, (long long)n.outside);
	fputs("\n\naffected units\n", o);
	static const char *const ha[] = {"ID", "UNIT", "LEVEL", "PEOPLE", "VOLUNTEERS", NULL};
	struct table *t = table_new(a, ha, "rlrrr");
	for (size_t i = 0; i < n.naffected; i++)
		table_row(t, fmt_int(a, n.affected[i].unit_id), n.affected[i].unit,
			  fmt_int(a, n.affected[i].level), fmt_int(a, n.affected[i].people),
			  fmt_int(a, n.affected[i].volunteers));
	table_print(t, o);
	fputs("\nvolunteers by unit\n", o);
	static const char *const hu[] = {"ID", "UNIT", "LEVEL", "VOLUNTEERS", NULL};
	t = table_new(a, hu, "rlrr");
	for (size_t i = 0; i < n.nby_unit; i++)
		table_row(t, fmt_int(a, n.by_unit[i].unit_id), n.by_unit[i].unit,
			  fmt_int(a, n.by_unit[i].level), fmt_int(a, n.by_unit[i].volunteers));
	table_print(t, o);
	fputs("\nvolunteers\n", o);
	static const char *const hp[] = {"ID", "NAME", "UNIT", "LEVEL", "MANAGER", "OUTSIDE",
					 "ROLE", "JOINED", NULL};
	t = table_new(a, hp, "rllrllll");
	for (size_t i = 0; i < n.npeople; i++) {
		const struct network_person *p = &n.people[i];
		table_row(t, fmt_int(a, p->person_id), p->name, p->unit, fmt_int(a, p->level),
			  p->manager ? "yes" : "no", p->outside ? "yes" : "no", fmt_str(p->role),
			  p->joined);
	}
	table_print(t, o);
	return 0;
}
