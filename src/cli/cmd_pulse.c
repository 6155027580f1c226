/* cmd_pulse: tandem pulse add|list|show|rm|question|target|send|answer|
 * results|trend. The CLI is the local operator: "pulse answer --person"
 * answers as that person, and stores nothing that links the answer to
 * them either. */
#include "cli/cli.h"

#include <string.h>

#include "base/buf.h"
#include "base/date.h"
#include "lead/pulse.h"
#include "web/page.h"

static const char *fmt_mean(struct arena *a, int64_t x100)
{
	return arena_printf(a, "%lld.%02lld", (long long)(x100 / 100), (long long)(x100 % 100));
}

static int show(struct cli *c, int64_t id, int verbose)
{
	struct pulse p;
	struct pulse_question *q;
	size_t nq;
	if (pulse_get(c->db, &c->a, id, &p, &c->e) ||
	    pulse_questions(c->db, &c->a, id, &q, &nq, &c->e))
		return -1;
	if (c->json) {
		json_t *o = pulse_json(&p), *qs = json_array();
		for (size_t i = 0; i < nq; i++)
			json_array_append_new(qs, pulse_question_json(&q[i]));
		json_object_set_new(o, "questions", qs);
		cli_print_json(c, o);
		return 0;
	}
	if (!verbose)
		return 0;
	fprintf(c->out, "pulse     %lld\ntitle     %s\nunit      %lld\nopens     %s\n"
			"closes    %s\nmin group %lld\nsent      %s\nanswered  %lld of %lld\n",
		(long long)p.id, p.title, (long long)p.unit_id, p.opens, fmt_str(p.closes),
		(long long)p.min_group, p.sent ? "yes" : "no", (long long)p.responded,
		(long long)p.invited);
	for (size_t i = 0; i < nq; i++)
		fprintf(c->out, "Q%lld  [%s]%s %s\n", (long long)q[i].position, q[i].scale,
			q[i].comments ? " (comments)" : "", q[i].text);
	return 0;
}

int pulse_add_cmd(struct cli *c)
{
	int64_t id;
	if (pulse_add(c->db, c->obj, c->set, &id, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "pulse %lld added\n", (long long)id);
	return show(c, id, 0);
}

int pulse_list_cmd(struct cli *c)
{
	struct pulse *v;
	size_t n;
	if (pulse_list(c->db, &c->a, c->obj, c->set, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, pulse_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID", "UNIT", "OPENS", "CLOSES", "SENT", "ANSWERED",
					"TITLE", NULL};
	struct table *t = table_new(&c->a, h, "rrllrrl");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, v[i].id), fmt_int(&c->a, v[i].unit_id), v[i].opens,
			  fmt_str(v[i].closes), v[i].sent ? "yes" : "no",
			  arena_printf(&c->a, "%lld/%lld", (long long)v[i].responded,
				       (long long)v[i].invited), v[i].title);
	table_print(t, c->out);
	return 0;
}

int pulse_show_cmd(struct cli *c)
{
	return show(c, c->id, 1);
}

int pulse_rm_cmd(struct cli *c)
{
	if (pulse_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "pulse %lld removed\n", (long long)c->id);
	return 0;
}

int pulse_question_cmd(struct cli *c)
{
	int64_t qid;
	if (pulse_question_add(c->db, c->id, c->obj, c->set, &qid, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "question %lld added to pulse %lld\n", (long long)qid,
			(long long)c->id);
	return show(c, c->id, 0);
}

int pulse_target_cmd(struct cli *c)
{
	const struct pulse_target_input *in = c->obj;
	if (pulse_target(c->db, c->id, in->unit_id, &c->e))
		return -1;
	fprintf(c->out, "pulse %lld goes to unit %lld and the units under it\n",
		(long long)c->id, (long long)in->unit_id);
	return 0;
}

int pulse_send_cmd(struct cli *c)
{
	const struct pulse_target_input *in = c->obj;
	if (db_begin(c->db, &c->e))
		return -1;
	int rc = 0;
	if (c->set & PT_UNIT)
		rc = pulse_target(c->db, c->id, in->unit_id, &c->e);
	if (rc == 0)
		rc = pulse_send(c->db, c->id, &c->e);
	if (db_end(c->db, rc, &c->e))
		return -1;
	struct pulse p;
	if (pulse_get(c->db, &c->a, c->id, &p, &c->e))
		return -1;
	if (c->json)
		cli_print_json(c, pulse_json(&p));
	else
		fprintf(c->out, "pulse %lld sent to %lld people\n", (long long)c->id,
			(long long)p.invited);
	return 0;
}

int pulse_answer_cmd(struct cli *c)
{
	if (pulse_answer(c->db, c->id, c->obj, c->set, date_today(), &c->e))
		return -1;
	fprintf(c->out, "answer to pulse %lld recorded\n", (long long)c->id);
	return 0;
}

static void print_results(struct cli *c, const struct pulse_results *r)
{
	fprintf(c->out, "%s (pulse %lld): %lld of %lld answered\n", r->pulse.title,
		(long long)r->pulse.id, (long long)(r->ng ? r->g[0].responded : 0),
		(long long)(r->ng ? r->g[0].invited : 0));
	for (size_t j = 0; j < r->nq; j++) {
		int lo = strcmp(r->q[j].scale, "0-10") == 0 ? 0 : 1, hi = lo ? 5 : 10;
		fprintf(c->out, "\nQ%lld [%s] %s\n", (long long)r->q[j].position, r->q[j].scale,
			r->q[j].text);
		for (size_t i = 0; i < r->ng; i++) {
			const struct pulse_group *g = &r->g[i];
			fprintf(c->out, "  %*s%s: %lld of %lld answered", g->depth * 2, "", g->unit,
				(long long)g->responded, (long long)g->invited);
			if (!g->shown) {
				fprintf(c->out, ": %s\n", pulse_suppressed_note(&c->a, &r->pulse, g));
				continue;
			}
			const struct pulse_stat *s = &g->stats[j];
			fprintf(c->out, ", mean %s", fmt_mean(&c->a, s->mean_x100));
			if (!lo)
				fprintf(c->out, ", eNPS %lld", (long long)s->enps);
			fprintf(c->out, ", answers");
			for (int v = lo; v <= hi; v++)
				fprintf(c->out, " %d:%lld", v, (long long)s->dist[v]);
			fputc('\n', c->out);
		}
		if (r->q[j].comments && r->ng && r->g[0].shown)
			for (size_t k = 0; k < r->ncomments[j]; k++)
				fprintf(c->out, "  comment: %s\n", r->comments[j][k]);
	}
}

int pulse_results_cmd(struct cli *c)
{
	const struct pulse_view *in = c->obj;
	struct pulse_results r;
	if (pulse_results(c->db, &c->a, c->id, (c->set & PV_UNIT) ? in->unit_id : 0, &r,
			  &c->e) ||
	    ((c->set & PV_UNIT) && pulse_refuse_small(&r, &c->e)))
		return -1;
	const char *format = c->json ? "json" : (c->set & PV_FORMAT) ? in->format : "table";
	if (strcmp(format, "json") == 0) {
		cli_print_json(c, pulse_results_json(&c->a, &r));
		return 0;
	}
	if (strcmp(format, "table") == 0) {
		print_results(c, &r);
		return 0;
	}
	struct buf b = BUF_INIT;
	pulse_csv(&b, &c->a, &r);
	int rc = 0;
	if (b.failed)
		rc = err_set(&c->e, ERR_INTERNAL, "", "out of memory");
	else
		fwrite(b.s ? b.s : "", 1, b.len, c->out);
	buf_free(&b);
	return rc;
}

int pulse_trend_cmd(struct cli *c)
{
	const struct pulse_view *in = c->obj;
	struct pulse_point *p;
	size_t n;
	if (fields_require(pulse_trend_fields, c->set, &c->e) ||
	    pulse_trend(c->db, &c->a, in->question_text, (c->set & PV_UNIT) ? in->unit_id : 0,
			&p, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, pulse_point_json(&p[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"PULSE", "OPENS", "ANSWERED", "MEAN", "ENPS", "TITLE",
					NULL};
	struct table *t = table_new(&c->a, h, "rlrrrl");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, p[i].pulse_id), p[i].opens,
			  fmt_int(&c->a, p[i].responded),
			  p[i].shown ? fmt_mean(&c->a, p[i].mean_x100) : "suppressed",
			  p[i].shown && p[i].enps_scale ? fmt_int(&c->a, p[i].enps) : "-",
			  p[i].title);
	table_print(t, c->out);
	return 0;
}
