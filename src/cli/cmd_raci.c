/* cmd_raci: tandem step raci, plan raci, plan publish, person feed,
 * person load, person overloads. */
#include <string.h>
#include <time.h>

#include "base/date.h"
#include "cli/cli.h"
#include "manage/capacity.h"
#include "manage/raci.h"

/* table_row with the cells of an array: tables have at most TABLE_COLS
 * columns, and table_row reads only as many arguments as the table has
 * columns. */
enum { TABLE_COLS = 32 };
static void row_of(struct table *t, const char *const *c)
{
	table_row(t, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11],
		  c[12], c[13], c[14], c[15], c[16], c[17], c[18], c[19], c[20], c[21], c[22],
		  c[23], c[24], c[25], c[26], c[27], c[28], c[29], c[30], c[31]);
}

/* --- RACI ------------------------------------------------------------------ */

int step_raci_cmd(struct cli *c)
{
	const struct raci_input *in = c->obj;
	if (raci_set(c->db, c->id, in, c->set, &c->e))
		return -1;
	int none = strcmp(in->role, "none") == 0;
	if (c->json) {
		json_t *o = json_object();
		json_object_set_new(o, "step_id", json_integer(c->id));
		json_object_set_new(o, "person_id", json_integer(in->person_id));
		json_object_set_new(o, "role", none ? json_null() : json_string(in->role));
		cli_print_json(c, o);
	} else if (none) {
		fprintf(c->out, "step %lld: person %lld has no role now\n", (long long)c->id,
			(long long)in->person_id);
	} else {
		fprintf(c->out, "step %lld: person %lld is %s\n", (long long)c->id,
			(long long)in->person_id, in->role);
	}
	return 0;
}

int plan_raci_cmd(struct cli *c)
{
	struct raci_matrix m;
	if (raci_matrix(c->db, &c->a, c->id, &m, &c->e))
		return -1;
	if (c->json) {
		cli_print_json(c, raci_matrix_json(&m));
		return 0;
	}
	size_t cols = m.npeople + 3;
	if (cols > TABLE_COLS)
		return err_set(&c->e, ERR_BAD_INPUT, "id", "plan %lld has %zu people: too many "
			       "columns for a table (use --json)", (long long)m.plan_id, m.npeople);
	const char **h = arena_alloc(&c->a, (cols + 1) * sizeof *h);
	char *align = arena_alloc(&c->a, cols + 1);
	if (!h || !align)
		return err_set(&c->e, ERR_INTERNAL, "", "out of memory");
	h[0] = "STEP";
	h[1] = "NAME";
	align[0] = 'r';
	align[1] = 'l';
	for (size_t k = 0; k < m.npeople; k++) {
		h[2 + k] = m.people[k].name;
		align[2 + k] = 'l';
	}
	h[cols - 1] = "MISSING";
	align[cols - 1] = 'l';
	struct table *t = table_new(&c->a, h, align);
	for (size_t i = 0; i < m.nrows; i++) {
		const struct raci_row *r = &m.rows[i];
		const char *cell[TABLE_COLS] = {0};
		cell[0] = fmt_int(&c->a, r->step_id);
		cell[1] = r->name;
		for (size_t k = 0; k < m.npeople; k++)
			cell[2 + k] = r->cells[k] ? raci_cell_text(r->cells[k]) : "-";
		cell[cols - 1] = !r->has_a && !r->has_r ? "A,R" : !r->has_a ? "A" : !r->has_r ? "R"
			       : "";
		row_of(t, cell);
	}
	fprintf(c->out, "plan %lld: %s\n", (long long)m.plan_id, m.plan_name);
	table_print(t, c->out);
	if (m.gaps) {
		fprintf(c->out, "%zu step%s lack%s an Accountable or a Responsible:", m.gaps,
			m.gaps == 1 ? "" : "s", m.gaps == 1 ? "s" : "");
		for (size_t i = 0; i < m.nrows; i++)
			if (!m.rows[i].has_a || !m.rows[i].has_r)
				fprintf(c->out, " %lld", (long long)m.rows[i].step_id);
		fputc('\n', c->out);
	}
	fputs("(A) (R): implied: the plan's owner is Accountable and the assignee Responsible\n"
	      "where no one is set explicitly.\n", c->out);
	return 0;
}

/* --- publishing and the feed ------------------------------------------------- */

int plan_publish_cmd(struct cli *c)
{
	int64_t id;
	struct publication p;
	if (plan_publish(c->db, c->id, "cli", c->obj, c->set, &id, &c->e) ||
	    publication_get(c->db, &c->a, id, &p, &c->e))
		return -1;
	if (c->json) {
		cli_print_json(c, publication_json(&p));
		return 0;
	}
	fprintf(c->out, "plan %lld published (publication %lld) to %zu %s:\n", (long long)c->id,
		(long long)id, p.nto, p.nto == 1 ? "person" : "people");
	for (size_t i = 0; i < p.nto; i++)
		fprintf(c->out, "  %s (person %lld)\n", p.to[i].name, (long long)p.to[i].id);
	return 0;
}

static const char *when(struct arena *a, int64_t at)
{
	time_t t = (time_t)at;
	struct tm tm;
	char s[32];
	gmtime_r(&t, &tm);
	strftime(s, sizeof s, "%Y-%m-%d %H:%M UTC", &tm);
	return arena_strdup(a, s);
}

int person_feed_cmd(struct cli *c)
{
	const struct feed_query *q = c->obj;
	struct publication *v;
	size_t n;
	if (person_feed(c->db, &c->a, c->id, (c->set & FQ_LIMIT) ? q->limit : 0, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, publication_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	if (!n)
		fprintf(c->out, "nothing was published to person %lld yet\n", (long long)c->id);
	for (size_t i = 0; i < n; i++) {
		const struct publication *p = &v[i];
		fprintf(c->out, "%s%s  plan %lld: %s  (publication %lld, by %s)\n", i ? "\n" : "",
			when(&c->a, p->at), (long long)p->plan_id, p->plan_name, (long long)p->id,
			fmt_str(p->by));
		if (p->note && p->note[0])
			fprintf(c->out, "  note: %s\n", p->note);
		if (!p->nsteps)
			fputs("  no steps of yours in it\n", c->out);
		for (size_t k = 0; k < p->nsteps; k++) {
			const struct feed_step *s = &p->steps[k];
			fprintf(c->out, "  step %lld  %-7s  %-5s  due %-10s  %s\n",
			        (long long)s->id, s->status,
			        s->role ? raci_cell_text(s->role) : "-", fmt_str(s->due), s->name);
		}
	}
	return 0;
}

/* --- capacity ----------------------------------------------------------------- */

static const char *pct_text(struct arena *a, int64_t load, int64_t capacity)
{
	if (capacity <= 0)
		return load ? "-" : "0%";
	return arena_printf(a, "%lld%%", (long long)((load * 100 + capacity / 2) / capacity));
}

int person_load_cmd(struct cli *c)
{
	const struct load_query *q = c->obj;
	int32_t from;
	int weeks;
	struct person_load *v;
	size_t n;
	if (load_query_range(q, c->set, &from, &weeks, &c->e) ||
	    capacity_load(c->db, &c->a, (c->set & LQ_PERSON) ? q->person_id : 0,
			  (c->set & LQ_UNIT) ? q->unit_id : 0, from, weeks, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, person_load_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	size_t cols = (size_t)weeks + 2;
	if (cols > TABLE_COLS)
		return err_set(&c->e, ERR_BAD_INPUT, "weeks", "weeks: at most %d in a table (use "
			       "--json for more)", TABLE_COLS - 2);
	const char **h = arena_alloc(&c->a, (cols + 1) * sizeof *h);
	const char *cell[TABLE_COLS] = {0};
	char *align = arena_alloc(&c->a, cols + 1);
	if (!h || !align)
		return err_set(&c->e, ERR_INTERNAL, "", "out of memory");
	h[0] = "ID";
	h[1] = "PERSON";
	align[0] = 'r';
	align[1] = 'l';
	for (int w = 0; w < weeks; w++) {
		char day[11];
		date_format(from + 7 * w, day);
		h[2 + w] = arena_strdup(&c->a, day);
		align[2 + w] = 'r';
	}
	struct table *t = table_new(&c->a, h, align);
	int over = 0;
	for (size_t i = 0; i < n; i++) {
		cell[0] = fmt_int(&c->a, v[i].person_id);
		cell[1] = v[i].name;
		for (int w = 0; w < weeks; w++) {
			int o = capacity_overloaded(&v[i], w);
			over |= o;
			cell[2 + w] = arena_printf(
			    &c->a, "%s/%s %s%s", fmt_hours(&c->a, v[i].load[w]),
			    fmt_hours(&c->a, v[i].capacity[w]),
			    pct_text(&c->a, v[i].load[w], v[i].capacity[w]), o ? " !" : "");
		}
		row_of(t, cell);
	}
	fputs("load/capacity in hours per week (weeks start on the Monday shown)\n", c->out);
	table_print(t, c->out);
	if (over)
		fputs("!: overloaded (load above capacity x the unit's tolerance)\n", c->out);
	return 0;
}

int person_overloads_cmd(struct cli *c)
{
	const struct load_query *q = c->obj;
	if (c->set & LQ_PERSON)
		return err_set(&c->e, ERR_BAD_INPUT, "person_id", "person_id: person overloads "
			       "takes --unit; see one person with person load --person ID");
	int32_t from;
	int weeks;
	struct overload *v;
	size_t n;
	if (load_query_range(q, c->set, &from, &weeks, &c->e) ||
	    capacity_overloads(c->db, &c->a, (c->set & LQ_UNIT) ? q->unit_id : 0, from, weeks, &v,
			       &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, overload_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	if (!n) {
		char day[11];
		date_format(from, day);
		fprintf(c->out, "no one is overloaded in the %d week%s from %s\n", weeks,
			weeks == 1 ? "" : "s", day);
		return 0;
	}
	static const char *const h[] = {"WEEK", "ID", "PERSON", "UNIT", "LOAD", "CAPACITY", "%",
					NULL};
	struct table *t = table_new(&c->a, h, "lrlrrrr");
	for (size_t i = 0; i < n; i++) {
		char day[11];
		date_format(v[i].week, day);
		table_row(t, arena_strdup(&c->a, day), fmt_int(&c->a, v[i].person_id), v[i].name,
			  fmt_int(&c->a, v[i].unit_id), fmt_hours(&c->a, v[i].load),
			  fmt_hours(&c->a, v[i].capacity),
			  pct_text(&c->a, v[i].load, v[i].capacity));
	}
	table_print(t, c->out);
	return 0;
}
