/* cmd_recognition: tandem recognition add|list|counts|rm and
 * tandem idea add|list|show|vote|unvote|answer|rm. The CLI acts as the
 * local operator (an admin); personal acts name the person (--from,
 * --author, --person). */
#include <string.h>

#include "base/date.h"
#include "cli/cli.h"
#include "lead/idea.h"
#include "lead/recognition.h"

/* --- recognitions ------------------------------------------------- */

static void rec_print(struct cli *c, const struct recognition *r)
{
	fprintf(c->out, "%s  %s -> %s%s  [%s]  %s\n", r->day, r->from_name,
		r->to_unit_id ? "team " : "", r->to_name, r->value_name, r->message);
}

int recognition_add_cmd(struct cli *c)
{
	int64_t id;
	if (recognition_add(c->db, c->obj, c->set, &id, &c->e))
		return -1;
	struct recognition r;
	if (recognition_get(c->db, &c->a, id, &r, &c->e))
		return -1;
	if (c->json) {
		cli_print_json(c, recognition_json(&r));
		return 0;
	}
	fprintf(c->out, "recognition %lld added\n", (long long)id);
	return 0;
}

int recognition_list_cmd(struct cli *c)
{
	struct recognition *v;
	size_t n;
	if (recognition_list(c->db, &c->a, c->obj, c->set, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, recognition_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID", "DAY", "FROM", "TO", "VALUE", "MESSAGE", NULL};
	struct table *t = table_new(&c->a, h, "rlllll");
	for (size_t i = 0; i < n; i++) {
		const char *to = v[i].to_unit_id
			? arena_printf(&c->a, "team %s", v[i].to_name) : v[i].to_name;
		table_row(t, fmt_int(&c->a, v[i].id), v[i].day, v[i].from_name, to,
			  v[i].value_name, v[i].message);
	}
	table_print(t, c->out);
	return 0;
}

int recognition_counts_cmd(struct cli *c)
{
	const struct recognition_counts_q *q = c->obj;
	struct recognition_count *v;
	size_t n;
	int64_t viewer = (c->set & RCQ_PERSON) ? q->person_id : 0;
	if (recognition_counts(c->db, &c->a, q, c->set, viewer, date_today(), &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, recognition_count_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	int by_person = (c->set & RCQ_BY) && strcmp(q->by, "person") == 0;
	static const char *const hu[] = {"MONTH", "UNIT", "NAME", "COUNT", NULL};
	static const char *const hp[] = {"MONTH", "PERSON", "NAME", "COUNT", NULL};
	struct table *t = table_new(&c->a, by_person ? hp : hu, "lrlr");
	for (size_t i = 0; i < n; i++)
		table_row(t, v[i].month, fmt_int(&c->a, v[i].key_id), v[i].key_name,
			  fmt_int(&c->a, v[i].count));
	table_print(t, c->out);
	return 0;
}

int recognition_rm_cmd(struct cli *c)
{
	if (recognition_rm(c->db, c->id, 0, &c->e))
		return -1;
	fprintf(c->out, "recognition %lld removed\n", (long long)c->id);
	return 0;
}

/* recognition show is the feed's one card */
int recognition_show_cmd(struct cli *c)
{
	struct recognition r;
	if (recognition_get(c->db, &c->a, c->id, &r, &c->e))
		return -1;
	if (c->json)
		cli_print_json(c, recognition_json(&r));
	else
		rec_print(c, &r);
	return 0;
}

/* --- ideas -------------------------------------------------------- */

static int idea_print(struct cli *c, int64_t id)
{
	struct idea i;
	if (idea_get(c->db, &c->a, id, date_today(), &i, &c->e))
		return -1;
	if (c->json) {
		cli_print_json(c, idea_json(&i));
		return 0;
	}
	fprintf(c->out,
		"idea      %lld\ntitle     %s\nauthor    %s (%lld)\nowner     %s (%lld)\n"
		"vision    %s\nstrategy  %s\nstatus    %s%s\nvotes     %lld\n"
		"created   %s (%lld days ago)\n",
		(long long)i.id, i.title, i.author_name, (long long)i.author_id, i.owner_name,
		(long long)i.owner_id, fmt_id(&c->a, i.vision_id), fmt_id(&c->a, i.strategy_id),
		i.status, i.flagged ? " (flagged: unanswered)" : "", (long long)i.votes,
		i.created, (long long)i.age);
	if (i.answered)
		fprintf(c->out, "answered  %s\n", i.answered);
	if (i.answer[0])
		fprintf(c->out, "answer    %s\n", i.answer);
	if (i.plan_id)
		fprintf(c->out, "plan      %lld\n", (long long)i.plan_id);
	if (i.step_id)
		fprintf(c->out, "step      %lld\n", (long long)i.step_id);
	if (i.body[0])
		fprintf(c->out, "\n%s\n", i.body);
	return 0;
}

int idea_add_cmd(struct cli *c)
{
	int64_t id;
	if (idea_add(c->db, c->obj, c->set, &id, &c->e))
		return -1;
	if (c->json)
		return idea_print(c, id);
	fprintf(c->out, "idea %lld added\n", (long long)id);
	return 0;
}

int idea_list_cmd(struct cli *c)
{
	struct idea *v;
	size_t n;
	if (idea_list(c->db, &c->a, c->obj, c->set, date_today(), &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, idea_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID", "STATUS", "VOTES", "AGE", "FLAG", "OWNER",
					"TITLE", NULL};
	struct table *t = table_new(&c->a, h, "rlrrlll");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, v[i].id), v[i].status, fmt_int(&c->a, v[i].votes),
			  fmt_int(&c->a, v[i].age), v[i].flagged ? "late" : "-", v[i].owner_name,
			  v[i].title);
	table_print(t, c->out);
	return 0;
}

int idea_show_cmd(struct cli *c)
{
	return idea_print(c, c->id);
}

int idea_vote_cmd(struct cli *c)
{
	const struct idea_vote_input *in = c->obj;
	if (fields_require(idea_vote_fields, c->set, &c->e))
		return -1;
	if (idea_vote(c->db, c->id, in->person_id, &c->e))
		return -1;
	fprintf(c->out, "idea %lld: vote by person %lld added\n", (long long)c->id,
		(long long)in->person_id);
	return 0;
}

int idea_unvote_cmd(struct cli *c)
{
	const struct idea_vote_input *in = c->obj;
	if (fields_require(idea_vote_fields, c->set, &c->e))
		return -1;
	if (idea_unvote(c->db, c->id, in->person_id, &c->e))
		return -1;
	fprintf(c->out, "idea %lld: vote by person %lld removed\n", (long long)c->id,
		(long long)in->person_id);
	return 0;
}

int idea_answer_cmd(struct cli *c)
{
	const struct idea_answer_input *in = c->obj;
	int64_t by = (c->set & IA_PERSON) ? in->person_id : 0;
	if (idea_answer(c->db, c->id, by, in, c->set, &c->e))
		return -1;
	if (c->json)
		return idea_print(c, c->id);
	fprintf(c->out, "idea %lld %s\n", (long long)c->id, in->status);
	return 0;
}

int idea_rm_cmd(struct cli *c)
{
	if (idea_rm(c->db, c->id, 0, &c->e))
		return -1;
	fprintf(c->out, "idea %lld removed\n", (long long)c->id);
	return 0;
}
