/* cmd_archetype: tandem balance generate, the archetype generator for the
 * balance validation (src/balance/archetype.h). */
#include "balance/archetype.h"
#include "cli/cli.h"

int balance_generate_cmd(struct cli *c)
{
	struct archetype_opts *o = c->obj;
	if (!(c->set & AO_PEOPLE))
		o->people = 8;
	if (!(c->set & AO_SEED))
		o->seed = 1;
	struct archetype_counts n;
	if (archetype_generate(c->db, o, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *j = json_object();
		json_object_set_new(j, "archetype", json_string(o->archetype));
		json_object_set_new(j, "quadrant",
				    json_string(archetype_quadrants[archetype_find(o->archetype)]));
		json_object_set_new(j, "units", json_integer(n.units));
		json_object_set_new(j, "people", json_integer(n.people));
		json_object_set_new(j, "plans", json_integer(n.plans));
		json_object_set_new(j, "steps", json_integer(n.steps));
		json_object_set_new(j, "time_entries", json_integer(n.entries));
		json_object_set_new(j, "signals", json_integer(n.signals));
		json_object_set_new(j, "communications", json_integer(n.comms));
		json_object_set_new(j, "recipients", json_integer(n.recipients));
		json_object_set_new(j, "recognitions", json_integer(n.recognitions));
		json_object_set_new(j, "ideas", json_integer(n.ideas));
		json_object_set_new(j, "initiatives", json_integer(n.initiatives));
		cli_print_json(c, j);
		return 0;
	}
	fprintf(c->out,
		"%s organization generated: %lld units, %lld people, %lld plans, %lld steps, "
		"%lld time entries, %lld signals, %lld communications, %lld recognitions, "
		"%lld ideas, %lld initiatives; every unit should read %s\n",
		o->archetype, (long long)n.units, (long long)n.people, (long long)n.plans,
		(long long)n.steps, (long long)n.entries, (long long)n.signals, (long long)n.comms,
		(long long)n.recognitions, (long long)n.ideas, (long long)n.initiatives,
		archetype_quadrants[archetype_find(o->archetype)]);
	return 0;
}
