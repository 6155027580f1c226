/* cmd_assess: tandem assess items|take|show|unit|cohort|compare and
 * tandem workshop new|list|show|close|rm|join. The CLI acts as the local
 * operator; a person's own acts name the person (--person). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "balance/assess.h"
#include "balance/cohort.h"
#include "cli/cli.h"
#include "org/audit.h"

/* --- the self-assessment ------------------------------------------- */

int assess_items_cmd(struct cli *c)
{
	if (c->json) {
		cli_print_list(c, assess_items_json());
		return 0;
	}
	static const char *const h[] = {"ITEM", "PROCESS", "STATEMENT", NULL};
	struct table *t = table_new(&c->a, h, "rll");
	for (int i = 0; i < ASSESS_ITEMS; i++)
		table_row(t, fmt_int(&c->a, assess_items[i].n),
			  assess_process_key(assess_items[i].process), assess_items[i].text);
	table_print(t, c->out);
	fputs("Answer each 1 (strongly disagree) to 5 (strongly agree).\n", c->out);
	return 0;
}

/* Asks the 24 statements on the terminal. 0 with answers filled, 1 when
 * the person typed q (abandoned), -1 at the end of input. */
static int ask(struct cli *c, int answers[ASSESS_ITEMS])
{
	fprintf(c->out, "The self-assessment: %d statements about your team. Answer each 1-5:\n"
		"1 strongly disagree, 2 disagree, 3 neither, 4 agree, 5 strongly agree; "
		"q to stop without saving.\n", ASSESS_ITEMS);
	for (int i = 0; i < ASSESS_ITEMS; i++) {
		const struct assess_item *it = &assess_items[i];
		fprintf(c->out, "\n%d/%d  %s\n%s\n", i + 1, ASSESS_ITEMS,
			assess_process_name(it->process), it->text);
		for (;;) {
			fputs("1-5> ", c->out);
			fflush(c->out);
			char line[64];
			if (!fgets(line, sizeof line, stdin))
				return -1;
			char *p = line;
			while (*p == ' ' || *p == '\t')
				p++;
			if (*p == 'q' || *p == 'Q')
				return 1;
			if (*p >= '1' && *p <= '5' && (p[1] == '\n' || p[1] == '\0' || p[1] == ' ')) {
				answers[i] = *p - '0';
				break;
			}
			fputs("Please type a whole number from 1 to 5 (or q to stop).\n", c->out);
		}
	}
	return 0;
}

static void profile_table(struct cli *c, const struct assess_profile *p,
			  const struct assess_profile *beside, const char *beside_name)
{
	static const char *const h2[] = {"PROCESS", "MEAN", "SCORE", NULL};
	static const char *const h3[] = {"PROCESS", "MEAN", "SCORE", "UNIT", NULL};
	int with = beside && beside->shown;
	struct table *t = table_new(&c->a, with ? h3 : h2, with ? "lrrr" : "lrr");
	for (int k = 0; k < ASSESS_NPROC; k++) {
		const char *mean = arena_printf(&c->a, "%.2f", p->process[k]);
		const char *score = arena_printf(&c->a, "%.0f", p->score[k]);
		if (with)
			table_row(t, assess_process_name(k), mean, score,
				  arena_printf(&c->a, "%.0f", beside->score[k]));
		else
			table_row(t, assess_process_name(k), mean, score);
	}
	table_print(t, c->out);
	fputs("MEAN is 1 (strongly disagree) to 5 (strongly agree); SCORE is the same on 0-100:\n"
	      "(mean - 1) / 4 x 100.\n", c->out);
	if (with)
		fprintf(c->out, "UNIT is the score of %s (%lld people, anonymous).\n", beside_name,
			(long long)beside->respondents);
	else if (beside)
		fprintf(c->out, "%s's aggregate is not shown: %s.\n", beside_name, beside->hidden);
}

/* The person's profile beside their unit's aggregate. */
static int show_person(struct cli *c, int64_t person)
{
	struct assess_profile p, u;
	if (assess_person(c->db, person, &p, &c->e))
		return -1;
	int64_t unit = 0;
	struct stmt *st = db_prepare(c->db, "SELECT unit_id FROM assessment WHERE id = :id",
				     &c->e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", p.assessment_id);
	if (db_one_int(st, &unit, &c->e) < 0 || assess_unit(c->db, unit, &u, &c->e))
		return -1;
	if (c->json) {
		json_t *o = json_object();
		json_object_set_new(o, "person_id", json_integer(person));
		json_object_set_new(o, "profile", assess_profile_json(&p, 1));
		json_t *x = assess_profile_json(&u, 0);
		json_object_set_new(x, "unit_id", json_integer(unit));
		json_object_set_new(x, "unit", json_string(u.group));
		json_object_set_new(o, "unit", x);
		cli_print_json(c, o);
		return 0;
	}
	fprintf(c->out, "person %lld, taken %s\n", (long long)person, p.day);
	profile_table(c, &p, &u, u.group);
	return 0;
}

int assess_take_cmd(struct cli *c)
{
	const struct assess_take_input *in = c->obj;
	if (fields_require(assess_take_fields, c->set, &c->e))
		return -1;
	int answers[ASSESS_ITEMS];
	if (c->set & AT_ANSWERS) {
		if (assess_parse_answers(in->answers, answers, &c->e))
			return -1;
	} else {
		if (!isatty(0))
			return err_set(&c->e, ERR_BAD_INPUT, "answers",
				       "answers: is required when standard input is not a terminal");
		/* the person exists before they answer 24 questions */
		struct stmt *st = db_prepare(c->db, "SELECT count(*) FROM person WHERE id = :id",
					     &c->e);
		int64_t n = 0;
		if (!st)
			return -1;
		db_bind_int(st, ":id", in->person_id);
		if (db_one_int(st, &n, &c->e) < 0)
			return -1;
		if (!n)
			return err_set(&c->e, ERR_NOT_FOUND, "person_id",
				       "person_id: no person with id %lld", (long long)in->person_id);
		int r = ask(c, answers);
		if (r == 1)
			return err_set(&c->e, ERR_BAD_INPUT, "answers",
				       "abandoned: nothing was written");
		if (r < 0)
			return err_set(&c->e, ERR_BAD_INPUT, "answers",
				       "the input ended before the last statement: nothing was written");
	}
	/* the write and its audit record in one transaction, begun only after
	 * the last answer: no writer waits on a person thinking */
	if (db_begin(c->db, &c->e))
		return -1;
	int64_t id = 0;
	int rc = assess_take(c->db, in->person_id, (c->set & AT_COHORT) ? in->cohort_id : 0,
			     answers, &id, &c->e);
	if (rc == 0) {
		struct actor who;
		actor_operator(&who);
		const char *user = getenv("USER");
		snprintf(who.login, sizeof who.login, "cli:%.100s", user && *user ? user : "?");
		rc = audit_write(c->db, &who, "assess take", id, "(the arguments are not kept)",
				 &c->e);
	}
	if (db_end(c->db, rc, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "self-assessment %lld recorded for person %lld\n", (long long)id,
			(long long)in->person_id);
	return show_person(c, in->person_id);
}

int assess_show_cmd(struct cli *c)
{
	const struct assess_person_q *q = c->obj;
	if (fields_require(assess_person_fields, c->set, &c->e))
		return -1;
	return show_person(c, q->person_id);
}

/* A group's aggregate: per process and per item. */
static int group_print(struct cli *c, const struct assess_profile *p, json_t *head)
{
	if (c->json) {
		json_t *o = assess_profile_json(p, 1);
		json_object_update(head, o);
		json_decref(o);
		cli_print_json(c, head);
		return 0;
	}
	json_decref(head);
	fprintf(c->out, "%s: %lld people answered (shown from %lld), latest %s\n", p->group,
		(long long)p->respondents, (long long)p->min_group, p->day);
	profile_table(c, p, NULL, NULL);
	static const char *const h[] = {"ITEM", "MEAN", "STATEMENT", NULL};
	struct table *t = table_new(&c->a, h, "rrl");
	for (int i = 0; i < ASSESS_ITEMS; i++)
		table_row(t, fmt_int(&c->a, i + 1), arena_printf(&c->a, "%.2f", p->item[i]),
			  assess_items[i].text);
	fputc('\n', c->out);
	table_print(t, c->out);
	return 0;
}

int assess_unit_cmd(struct cli *c)
{
	struct assess_profile p;
	if (assess_unit(c->db, c->id, &p, &c->e) || assess_refuse_small(&p, NULL, &c->e))
		return -1;
	json_t *head = json_object();
	json_object_set_new(head, "unit_id", json_integer(c->id));
	json_object_set_new(head, "unit", json_string(p.group));
	return group_print(c, &p, head);
}

int assess_cohort_cmd(struct cli *c)
{
	struct assess_profile p;
	if (assess_cohort(c->db, c->id, &p, &c->e) || assess_refuse_small(&p, NULL, &c->e))
		return -1;
	json_t *head = json_object();
	json_object_set_new(head, "cohort_id", json_integer(c->id));
	return group_print(c, &p, head);
}

int assess_compare_cmd(struct cli *c)
{
	struct assess_compare cmp;
	if (assess_compare(c->db, &c->a, c->id, &cmp, &c->e))
		return -1;
	if (c->json) {
		cli_print_json(c, assess_compare_json(&cmp));
		return 0;
	}
	fprintf(c->out, "%s: perception (%lld self-assessments) beside evidence (the data), "
		"largest disagreement first\n", cmp.unit_name,
		(long long)cmp.perception.respondents);
	static const char *const h[] = {"PROCESS", "PERCEIVED", "DATA", "GAP", NULL};
	struct table *t = table_new(&c->a, h, "lrrr");
	for (int k = 0; k < ASSESS_NPROC; k++) {
		const struct assess_gap *g = &cmp.gaps[k];
		table_row(t, assess_process_name(g->process), arena_printf(&c->a, "%.0f", g->perceived),
			  arena_printf(&c->a, "%.0f", g->evidence),
			  arena_printf(&c->a, "%+.0f", g->gap));
	}
	table_print(t, c->out);
	fputc('\n', c->out);
	for (int k = 0; k < ASSESS_NPROC; k++)
		fprintf(c->out, "- %s\n", cmp.gaps[k].words);
	fprintf(c->out, "\nPerceived: management %.0f, leadership %.0f. Data: management %.0f, "
		"leadership %.0f (%s).\n", cmp.perceived_m, cmp.perceived_l,
		cmp.data_m, cmp.data_l, cmp.quadrant);
	return 0;
}

/* --- workshops ------------------------------------------------------- */

static int cohort_print(struct cli *c, int64_t id)
{
	struct cohort co;
	struct assess_profile p;
	if (cohort_get(c->db, &c->a, id, &co, &c->e) || assess_cohort(c->db, id, &p, &c->e))
		return -1;
	if (c->json) {
		json_t *o = cohort_json(&co);
		json_object_set_new(o, "aggregate", assess_profile_json(&p, 0));
		cli_print_json(c, o);
		return 0;
	}
	char code[COHORT_CODE_LEN + 2];
	cohort_code_show(co.code, code);
	fprintf(c->out, "workshop  %lld\nname      %s\njoin code %s%s\nunit      %s (%lld)\n"
		"trainer   %s\ncreated   %s\nminimum   %lld answers\njoined    %lld\n"
		"answered  %lld\n", (long long)co.id, co.name, code, co.open ? "" : " (closed)",
		co.unit_name, (long long)co.unit_id, fmt_str(co.trainer_name), co.created,
		(long long)co.min_group, (long long)co.joined, (long long)co.answered);
	if (!p.shown) {
		fprintf(c->out, "\nThe aggregate shows from %lld answers: waiting for %lld more.\n",
			(long long)p.min_group, (long long)(p.min_group - p.respondents));
		return 0;
	}
	fputc('\n', c->out);
	profile_table(c, &p, NULL, NULL);
	return 0;
}

int workshop_new_cmd(struct cli *c)
{
	int64_t id;
	char code[COHORT_CODE_LEN + 1];
	if (cohort_add(c->db, c->obj, c->set, &id, code, &c->e))
		return -1;
	if (c->json)
		return cohort_print(c, id);
	char shown[COHORT_CODE_LEN + 2];
	cohort_code_show(code, shown);
	fprintf(c->out, "workshop %lld added, join code %s\n", (long long)id, shown);
	return 0;
}

int workshop_list_cmd(struct cli *c)
{
	struct cohort *v;
	size_t n;
	if (cohort_list(c->db, &c->a, c->obj, c->set, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, cohort_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID", "CODE", "STATUS", "JOINED", "ANSWERED", "MIN",
					"UNIT", "NAME", NULL};
	struct table *t = table_new(&c->a, h, "rllrrrll");
	for (size_t i = 0; i < n; i++) {
		char *code = arena_alloc(&c->a, COHORT_CODE_LEN + 2);
		cohort_code_show(v[i].code, code);
		table_row(t, fmt_int(&c->a, v[i].id), code, v[i].open ? "open" : "closed",
			  fmt_int(&c->a, v[i].joined), fmt_int(&c->a, v[i].answered),
			  fmt_int(&c->a, v[i].min_group), v[i].unit_name, v[i].name);
	}
	table_print(t, c->out);
	return 0;
}

int workshop_show_cmd(struct cli *c)
{
	return cohort_print(c, c->id);
}

int workshop_close_cmd(struct cli *c)
{
	if (cohort_close(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "workshop %lld closed\n", (long long)c->id);
	return 0;
}

int workshop_rm_cmd(struct cli *c)
{
	if (cohort_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "workshop %lld removed\n", (long long)c->id);
	return 0;
}

int workshop_join_cmd(struct cli *c)
{
	const struct cohort_join_input *in = c->obj;
	if (fields_require(cohort_join_fields, c->set, &c->e))
		return -1;
	int64_t cohort;
	if (cohort_join(c->db, in->code, in->person_id, &cohort, &c->e))
		return -1;
	fprintf(c->out, "person %lld joined workshop %lld\n", (long long)in->person_id,
		(long long)cohort);
	return 0;
}
