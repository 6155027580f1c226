/* cmd_change: tandem change add|list|show|set|rm|link|unlink|advance,
 * change obstacle add|resolve|rm, change win add|rm, change anchor
 * add|rm, change volunteer|unvolunteer. The CLI acts as the local
 * operator, an admin: it may override missing evidence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "change/evidence.h"
#include "change/initiative.h"
#include "cli/cli.h"

const struct field change_show_fields[] = {
	{.name = "as_of", .type = FT_DATE, .offset = offsetof(struct change_show_opts, as_of),
	 .bit = 1, .help = "read the evidence as of this day (today)"},
	{0},
};

#define LINK_FIELD(k, what)                                                      \
	{.name = #k "_id", .type = FT_ID,                                             \
	 .offset = offsetof(struct change_link_opts, ids[IL_##what]),                 \
	 .bit = 1u << IL_##what, .help = "the " #k}

const struct field change_link_fields[] = {
	LINK_FIELD(unit, UNIT),
	LINK_FIELD(signal, SIGNAL),
	LINK_FIELD(theme, THEME),
	LINK_FIELD(strategy, STRATEGY),
	LINK_FIELD(plan, PLAN),
	{.name = "comm_id", .type = FT_ID,
	 .offset = offsetof(struct change_link_opts, ids[IL_COMM]), .bit = 1u << IL_COMM,
	 .help = "the communication"},
	{0},
};

const struct field change_resolve_fields[] = {
	{.name = "day", .type = FT_DATE, .offset = offsetof(struct change_resolve_opts, day),
	 .bit = 1, .help = "the day it was resolved (today)"},
	{0},
};

const struct field change_advance_fields[] = {
	{.name = "override", .type = FT_TEXT,
	 .offset = offsetof(struct change_advance_opts, override), .bit = 1, .max = 2000,
	 .help = "advance without the evidence, for this reason (an admin's)"},
	{0},
};

const struct field change_unvolunteer_fields[] = {
	{.name = "person_id", .type = FT_ID,
	 .offset = offsetof(struct volunteer_input, person_id), .bit = VO_PERSON, .required = 1,
	 .help = "who stops volunteering"},
	{0},
};

static const char *ref_list(struct arena *a, const struct initiative_ref *v, size_t n)
{
	if (!n)
		return "-";
	const char *s = "";
	for (size_t i = 0; i < n; i++)
		s = arena_printf(a, "%s%s%s (%lld)", s, i ? ", " : "", v[i].name,
				 (long long)v[i].id);
	return s ? s : "";
}

static void print_evidence(struct cli *c, const struct evidence *ev, const char *as_of)
{
	fprintf(c->out, "\nevidence (as of %s):\n", as_of);
	int step = 0;
	for (size_t i = 0; i < ev->n; i++) {
		const struct evidence_item *it = &ev->items[i];
		if (it->step != step) {
			step = it->step;
			fprintf(c->out, "  %d %s%s\n", step, initiative_step_name(step),
				step == ev->step ? "  <- current step" : "");
		}
		fprintf(c->out, "    [%s] %s: %s\n", it->met ? "x" : " ", it->label, it->why);
	}
}

static int show(struct cli *c, int64_t id, const char *as_of)
{
	struct initiative in;
	struct initiative_links l;
	struct evidence ev;
	struct initiative_ref *affected;
	size_t naff;
	if (initiative_get(c->db, &c->a, id, &in, &c->e) ||
	    initiative_links_get(c->db, &c->a, id, &l, &c->e) ||
	    evidence_get(c->db, &c->a, id, as_of, &ev, &c->e) ||
	    initiative_affected_units(c->db, &c->a, id, &affected, &naff, &c->e))
		return -1;
	if (c->json) {
		json_t *o = initiative_json(&in);
		json_object_set_new(o, "links", initiative_links_json(&l));
		json_object_set_new(o, "evidence", evidence_json(&ev));
		json_t *aff = json_array();
		for (size_t i = 0; i < naff; i++) {
			json_t *u = json_object();
			json_object_set_new(u, "id", json_integer(affected[i].id));
			json_object_set_new(u, "name", json_string(affected[i].name));
			json_array_append_new(aff, u);
		}
		json_object_set_new(o, "affected_units", aff);
		cli_print_json(c, o);
		return 0;
	}
	char today[11];
	date_format(date_today(), today);
	fprintf(c->out,
		"initiative  %lld\nname        %s\nstep        %d %s (since %s, %lld days)\n"
		"status      %s\nsponsor     %s (%lld)\nunit        %s\ncoalition   %s\n"
		"pulse       %s\nstarted     %s\nblocked by  %s\n",
		(long long)in.id, in.name, in.step, initiative_step_name(in.step),
		in.step_reached, (long long)in.days_in_step, in.status, in.sponsor,
		(long long)in.sponsor_id, in.unit_id ? in.unit : "the organization",
		in.coalition_id ? arena_printf(&c->a, "%s (%lld)", in.coalition,
					       (long long)in.coalition_id) : "-",
		in.pulse_id ? arena_printf(&c->a, "%s (%lld)", in.pulse, (long long)in.pulse_id)
			    : "-",
		in.started, fmt_str(in.blocked_by));
	if (in.description[0])
		fprintf(c->out, "\n%s\n", in.description);
	fprintf(c->out, "\nunits       %s\naffected    %s\nsignals     %s\nthemes      %s\n"
		"strategies  %s\nplans       %s\ncomms       %s\n",
		ref_list(&c->a, l.units, l.n_units), ref_list(&c->a, affected, naff),
		ref_list(&c->a, l.signals, l.n_signals), ref_list(&c->a, l.themes, l.n_themes),
		ref_list(&c->a, l.strategies, l.n_strategies), ref_list(&c->a, l.plans, l.n_plans),
		ref_list(&c->a, l.comms, l.n_comms));
	print_evidence(c, &ev, as_of ? as_of : today);
	fputs("\nhistory:\n", c->out);
	for (size_t i = 0; i < l.n_steps; i++) {
		fprintf(c->out, "  %d %-24s %s", l.steps[i].step,
			initiative_step_name(l.steps[i].step), l.steps[i].reached);
		if (l.steps[i].override_reason)
			fprintf(c->out, "  overridden by %s: %s", l.steps[i].override_by,
				l.steps[i].override_reason);
		fputc('\n', c->out);
	}
	if (l.n_obstacles) {
		fputs("\nobstacles:\n", c->out);
		for (size_t i = 0; i < l.n_obstacles; i++) {
			const struct obstacle *o = &l.obstacles[i];
			fprintf(c->out, "  %lld  %-8s opened %s%s%s  %s (owner %s)\n",
				(long long)o->id, o->status, o->opened,
				o->resolved ? ", resolved " : "", o->resolved ? o->resolved : "",
				o->title, fmt_str(o->owner));
		}
	}
	if (l.n_wins) {
		fputs("\nwins:\n", c->out);
		for (size_t i = 0; i < l.n_wins; i++)
			fprintf(c->out, "  %lld  %s  %s (%lld recognition%s)\n",
				(long long)l.wins[i].id, l.wins[i].day, l.wins[i].title,
				(long long)l.wins[i].recognitions,
				l.wins[i].recognitions == 1 ? "" : "s");
	}
	if (l.n_anchors) {
		fputs("\nanchors:\n", c->out);
		for (size_t i = 0; i < l.n_anchors; i++)
			fprintf(c->out, "  %lld  %s  %s%s%s: %s\n", (long long)l.anchors[i].id,
				l.anchors[i].day, l.anchors[i].kind,
				l.anchors[i].value_id ? " " : "", l.anchors[i].value,
				l.anchors[i].text);
	}
	if (l.n_volunteers) {
		fputs("\nvolunteers:\n", c->out);
		for (size_t i = 0; i < l.n_volunteers; i++)
			fprintf(c->out, "  %s (%lld), %s, joined %s%s%s\n", l.volunteers[i].person,
				(long long)l.volunteers[i].person_id, fmt_str(l.volunteers[i].unit),
				l.volunteers[i].joined, l.volunteers[i].role[0] ? ": " : "",
				l.volunteers[i].role);
	}
	return 0;
}

int change_add_cmd(struct cli *c)
{
	int64_t id;
	if (initiative_add(c->db, c->obj, c->set, &id, &c->e))
		return -1;
	if (c->json)
		return show(c, id, NULL);
	fprintf(c->out, "initiative %lld added at step 1 (%s)\n", (long long)id,
		initiative_step_name(1));
	return 0;
}

int change_list_cmd(struct cli *c)
{
	struct initiative *v;
	size_t n;
	if (initiative_list(c->db, &c->a, c->obj, c->set, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, initiative_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID", "NAME", "STEP", "DAYS", "STATUS", "BLOCKED BY",
					NULL};
	struct table *t = table_new(&c->a, h, "rllrll");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, v[i].id), v[i].name,
			  arena_printf(&c->a, "%d %s", v[i].step, initiative_step_name(v[i].step)),
			  fmt_int(&c->a, v[i].days_in_step), v[i].status, fmt_str(v[i].blocked_by));
	table_print(t, c->out);
	return 0;
}

int change_show_cmd(struct cli *c)
{
	const struct change_show_opts *o = c->obj;
	return show(c, c->id, (c->set & 1) ? o->as_of : NULL);
}

int change_set_cmd(struct cli *c)
{
	if (initiative_set(c->db, c->id, c->obj, c->set, &c->e))
		return -1;
	if (c->json)
		return show(c, c->id, NULL);
	fprintf(c->out, "initiative %lld changed\n", (long long)c->id);
	return 0;
}

int change_rm_cmd(struct cli *c)
{
	if (initiative_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "initiative %lld removed\n", (long long)c->id);
	return 0;
}

static int link_cmd(struct cli *c, int add)
{
	const struct change_link_opts *o = c->obj;
	if (!c->set)
		return err_set(&c->e, ERR_BAD_INPUT, "",
			       "give what to %s: --unit, --signal, --theme, --strategy, --plan or "
			       "--comm", add ? "link" : "unlink");
	for (int k = 0; k < IL_NKINDS; k++) {
		if (!(c->set & (1u << k)))
			continue;
		if ((add ? initiative_link : initiative_unlink)(c->db, c->id, k, o->ids[k], &c->e))
			return -1;
		fprintf(c->out, "initiative %lld: %s %lld %s\n", (long long)c->id,
			initiative_link_kinds[k], (long long)o->ids[k], add ? "linked" : "unlinked");
	}
	return 0;
}

int change_link_cmd(struct cli *c)
{
	return link_cmd(c, 1);
}

int change_unlink_cmd(struct cli *c)
{
	return link_cmd(c, 0);
}

int change_advance_cmd(struct cli *c)
{
	const struct change_advance_opts *o = c->obj;
	const char *user = getenv("USER");
	const char *by = arena_printf(&c->a, "cli:%s", user && *user ? user : "?");
	struct evidence missing;
	if (initiative_advance(c->db, &c->a, c->id, (c->set & 1) ? o->override : NULL, by,
			       &missing, &c->e)) {
		/* one line per missing item, before the error line */
		for (size_t i = 0; i < missing.n; i++)
			fprintf(stderr, "missing: step %d %s: %s\n", missing.items[i].step,
				missing.items[i].label, missing.items[i].why);
		return -1;
	}
	struct initiative in;
	if (initiative_get(c->db, &c->a, c->id, &in, &c->e))
		return -1;
	if (c->json)
		return show(c, c->id, NULL);
	fprintf(c->out, "initiative %lld advanced to step %d (%s)\n", (long long)c->id, in.step,
		initiative_step_name(in.step));
	if (missing.n) {
		fprintf(c->out, "overridden by %s: %s\n", by, o->override);
		for (size_t i = 0; i < missing.n; i++)
			fprintf(c->out, "  without: step %d %s: %s\n", missing.items[i].step,
				missing.items[i].label, missing.items[i].why);
	}
	return 0;
}

int change_obstacle_add_cmd(struct cli *c)
{
	int64_t id;
	if (obstacle_add(c->db, c->id, c->obj, c->set, &id, &c->e))
		return -1;
	fprintf(c->out, "obstacle %lld added to initiative %lld\n", (long long)id,
		(long long)c->id);
	return 0;
}

int change_obstacle_resolve_cmd(struct cli *c)
{
	const struct change_resolve_opts *o = c->obj;
	if (obstacle_resolve(c->db, c->id, (c->set & 1) ? o->day : NULL, &c->e))
		return -1;
	fprintf(c->out, "obstacle %lld resolved\n", (long long)c->id);
	return 0;
}

int change_obstacle_rm_cmd(struct cli *c)
{
	if (obstacle_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "obstacle %lld removed\n", (long long)c->id);
	return 0;
}

int change_win_add_cmd(struct cli *c)
{
	int64_t id;
	if (win_add(c->db, c->id, c->obj, c->set, &id, &c->e))
		return -1;
	fprintf(c->out, "win %lld added to initiative %lld\n", (long long)id, (long long)c->id);
	return 0;
}

int change_win_rm_cmd(struct cli *c)
{
	if (win_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "win %lld removed\n", (long long)c->id);
	return 0;
}

int change_anchor_add_cmd(struct cli *c)
{
	int64_t id;
	if (anchor_add(c->db, c->id, c->obj, c->set, &id, &c->e))
		return -1;
	fprintf(c->out, "anchor %lld added to initiative %lld\n", (long long)id,
		(long long)c->id);
	return 0;
}

int change_anchor_rm_cmd(struct cli *c)
{
	if (anchor_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "anchor %lld removed\n", (long long)c->id);
	return 0;
}

int change_volunteer_cmd(struct cli *c)
{
	const struct volunteer_input *in = c->obj;
	if (volunteer_add(c->db, c->id, in, c->set, &c->e))
		return -1;
	fprintf(c->out, "initiative %lld: person %lld volunteers\n", (long long)c->id,
		(long long)in->person_id);
	return 0;
}

int change_unvolunteer_cmd(struct cli *c)
{
	const struct volunteer_input *in = c->obj;
	if (fields_require(change_unvolunteer_fields, c->set, &c->e) ||
	    volunteer_rm(c->db, c->id, in->person_id, &c->e))
		return -1;
	fprintf(c->out, "initiative %lld: person %lld no longer volunteers\n", (long long)c->id,
		(long long)in->person_id);
	return 0;
}
