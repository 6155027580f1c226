/* cmd_signal: tandem signal add|list|show|set|rm|review|respond|unrespond|
 * import and tandem theme add|list|show|set|rm|tag|untag. */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/date.h"
#include "lead/signal.h"

const struct field signal_import_fields[] = {
    {.name = "file",
     .type = FT_TEXT,
     .offset = offsetof(struct signal_import_opts, file),
     .bit = 1u << 0,
     .max = 4096,
     .required = 1,
     .arg = 1,
     .help = "the CSV file"},
    {0},
};

static const char *fmt_links(struct arena *a, const struct signal_link *l, size_t n)
{
	if (!n)
		return "-";
	const char *s = "";
	for (size_t i = 0; i < n; i++)
		s = arena_printf(a, "%s%s%lld %s", s, i ? ", " : "", (long long)l[i].id, l[i].name);
	return s;
}

static json_t *links_json(const struct signal_link *l, size_t n)
{
	json_t *v = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(v, signal_link_json(&l[i]));
	return v;
}

static int show(struct cli *c, int64_t id, int verbose)
{
	struct signal s;
	struct signal_link *th = NULL, *str = NULL;
	size_t nth = 0, nstr = 0;
	if (signal_get(c->db, &c->a, id, &s, &c->e) ||
	    signal_themes(c->db, &c->a, id, &th, &nth, &c->e) ||
	    signal_strategies(c->db, &c->a, id, &str, &nstr, &c->e))
		return -1;
	if (c->json) {
		json_t *o = signal_json(&s);
		json_object_set_new(o, "themes", links_json(th, nth));
		json_object_set_new(o, "strategies", links_json(str, nstr));
		cli_print_json(c, o);
		return 0;
	}
	if (!verbose)
		return 0;
	fprintf(c->out,
	        "signal      %lld\nobserved    %s\nsource      %s\nday         %s\n"
	        "category    %s\nkind        %s\nimpact      %lld\nlikelihood  %lld\n"
	        "score       %lld\nunit        %lld %s\nreviewed    %s\nthemes      %s\n"
	        "strategies  %s\n",
	        (long long)s.id, s.observed, fmt_str(s.source), s.day, s.category, s.kind,
	        (long long)s.impact, (long long)s.likelihood, (long long)(s.impact * s.likelihood),
	        (long long)s.unit_id, s.unit, fmt_str(s.reviewed), fmt_links(&c->a, th, nth),
	        fmt_links(&c->a, str, nstr));
	return 0;
}

int signal_add_cmd(struct cli *c)
{
	int64_t id;
	if (signal_add(c->db, c->obj, c->set, &id, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "signal %lld added\n", (long long)id);
	return show(c, id, 0);
}

static void signals_table(struct cli *c, const struct signal *v, size_t n)
{
	static const char *const h[] = {"ID",    "DAY",  "CATEGORY", "KIND",     "I", "L",
	                                "SCORE", "UNIT", "REVIEWED", "OBSERVED", NULL};
	struct table *t = table_new(&c->a, h, "rlllrrrlll");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, v[i].id), v[i].day, v[i].category, v[i].kind,
		          fmt_int(&c->a, v[i].impact), fmt_int(&c->a, v[i].likelihood),
		          fmt_int(&c->a, v[i].impact * v[i].likelihood), v[i].unit,
		          fmt_str(v[i].reviewed), v[i].observed);
	table_print(t, c->out);
}

int signal_list_cmd(struct cli *c)
{
	struct signal *v;
	size_t n;
	if (signal_list(c->db, &c->a, c->obj, c->set, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, signal_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	signals_table(c, v, n);
	return 0;
}

int signal_show_cmd(struct cli *c)
{
	return show(c, c->id, 1);
}

int signal_set_cmd(struct cli *c)
{
	if (signal_set(c->db, c->id, c->obj, c->set, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "signal %lld changed\n", (long long)c->id);
	return show(c, c->id, 0);
}

int signal_rm_cmd(struct cli *c)
{
	if (signal_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "signal %lld removed\n", (long long)c->id);
	return 0;
}

int signal_review_cmd(struct cli *c)
{
	const struct signal_query *q = c->obj;
	char today[11];
	date_format(date_today(), today);
	const char *day = (c->set & SQ_DAY) && q->day ? q->day : today;
	if (signal_review(c->db, c->id, day, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "signal %lld reviewed on %s\n", (long long)c->id, day);
	return show(c, c->id, 0);
}

int signal_respond_cmd(struct cli *c)
{
	const struct signal_response_input *in = c->obj;
	if (fields_require(signal_response_fields, c->set, &c->e) ||
	    signal_respond(c->db, c->id, in->strategy_id, &c->e))
		return -1;
	fprintf(c->out, "strategy %lld responds to signal %lld\n", (long long)in->strategy_id,
	        (long long)c->id);
	return 0;
}

int signal_unrespond_cmd(struct cli *c)
{
	const struct signal_response_input *in = c->obj;
	if (fields_require(signal_response_fields, c->set, &c->e) ||
	    signal_unrespond(c->db, c->id, in->strategy_id, &c->e))
		return -1;
	fprintf(c->out, "strategy %lld no longer responds to signal %lld\n",
	        (long long)in->strategy_id, (long long)c->id);
	return 0;
}

/* Reads the whole file into a's memory; NUL-terminated. */
static char *read_file(struct cli *c, const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		err_set(&c->e, ERR_NOT_FOUND, "file", "file: cannot open %.200s", path);
		return NULL;
	}
	struct buf b = BUF_INIT;
	char chunk[8192];
	size_t k;
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_putn(&b, chunk, k);
	int bad = ferror(f) || b.failed;
	fclose(f);
	/* the bytes as read, NUL-terminated (a NUL inside stays for the parser) */
	char *s = bad ? NULL : arena_alloc(&c->a, b.len + 1);
	if (s && b.len)
		memcpy(s, b.s, b.len);
	*len = b.len;
	buf_free(&b);
	if (!s)
		err_set(&c->e, ERR_INTERNAL, "file", "file: cannot read %.200s", path);
	return s;
}

int signal_import_cmd(struct cli *c)
{
	const struct signal_import_opts *o = c->obj;
	size_t len = 0;
	char *text = read_file(c, o->file, &len);
	int64_t count;
	if (!text || signal_import(c->db, text, len, &count, &c->e))
		return -1;
	if (c->json) {
		json_t *j = json_object();
		json_object_set_new(j, "imported", json_integer(count));
		cli_print_json(c, j);
	} else {
		fprintf(c->out, "%lld signal%s imported\n", (long long)count,
		        count == 1 ? "" : "s");
	}
	return 0;
}

/* --- themes --- */

static const char *fmt_quarters(struct arena *a, const int64_t q[4])
{
	return arena_printf(a, "%lld %lld %lld %lld", (long long)q[0], (long long)q[1],
	                    (long long)q[2], (long long)q[3]);
}

int theme_add_cmd(struct cli *c)
{
	int64_t id;
	if (theme_add(c->db, c->obj, c->set, &id, &c->e))
		return -1;
	fprintf(c->out, "theme %lld added\n", (long long)id);
	return 0;
}

int theme_list_cmd(struct cli *c)
{
	const struct signal_query *q = c->obj;
	int32_t as_of = signal_query_as_of(q, c->set);
	struct theme_pressure *v;
	size_t n;
	if (theme_pressures(c->db, &c->a, as_of, (c->set & SQ_UNIT) ? q->unit_id : 0, &v, &n,
	                    &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, theme_pressure_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	const char *qh = arena_printf(&c->a, "TREND %s..%s", quarter_label(&c->a, as_of, 0),
	                              quarter_label(&c->a, as_of, 3));
	const char *h[] = {"ID", "PRESSURE", qh, "RESPONDED", "FLAG", "NAME", NULL};
	struct table *t = table_new(&c->a, h, "rrllll");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, v[i].theme_id), fmt_int(&c->a, v[i].pressure),
		          fmt_quarters(&c->a, v[i].quarters), v[i].responded ? "yes" : "no",
		          v[i].flagged ? "high pressure, no response" : "-", v[i].name);
	table_print(t, c->out);
	return 0;
}

int theme_show_cmd(struct cli *c)
{
	const struct signal_query *q = c->obj;
	int32_t as_of = signal_query_as_of(q, c->set);
	struct theme t;
	struct theme_pressure *p;
	size_t np;
	struct signal *v;
	size_t n;
	struct signal_filter f = {.theme_id = c->id};
	if (theme_get(c->db, &c->a, c->id, &t, &c->e) ||
	    theme_pressures(c->db, &c->a, as_of, 0, &p, &np, &c->e) ||
	    signal_list(c->db, &c->a, &f, SGF_THEME, &v, &n, &c->e))
		return -1;
	const struct theme_pressure *tp = NULL;
	for (size_t i = 0; i < np; i++)
		if (p[i].theme_id == t.id)
			tp = &p[i];
	if (c->json) {
		json_t *o = theme_json(&t);
		if (tp) {
			json_t *pj = theme_pressure_json(tp);
			json_object_update(o, pj);
			json_object_del(o, "theme_id");
			json_decref(pj);
		}
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, signal_json(&v[i]));
		json_object_set_new(o, "signals", items);
		cli_print_json(c, o);
		return 0;
	}
	fprintf(c->out, "theme       %lld\nname        %s\ndescription %s\nsignals     %lld\n",
	        (long long)t.id, t.name, fmt_str(t.description), (long long)t.nsignals);
	if (tp)
		fprintf(c->out, "pressure    %lld\ntrend       %s (%s..%s)\nresponded   %s\n%s",
		        (long long)tp->pressure, fmt_quarters(&c->a, tp->quarters),
		        quarter_label(&c->a, as_of, 0), quarter_label(&c->a, as_of, 3),
		        tp->responded ? "yes" : "no",
		        tp->flagged ? "flag        high pressure, no response\n" : "");
	if (n) {
		fputc('\n', c->out);
		signals_table(c, v, n);
	}
	return 0;
}

int theme_set_cmd(struct cli *c)
{
	if (theme_set(c->db, c->id, c->obj, c->set, &c->e))
		return -1;
	fprintf(c->out, "theme %lld changed\n", (long long)c->id);
	return 0;
}

int theme_rm_cmd(struct cli *c)
{
	if (theme_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "theme %lld removed\n", (long long)c->id);
	return 0;
}

int theme_tag_cmd(struct cli *c)
{
	const struct theme_tag_input *in = c->obj;
	if (fields_require(theme_tag_fields, c->set, &c->e) ||
	    theme_tag(c->db, c->id, in->signal_id, &c->e))
		return -1;
	fprintf(c->out, "signal %lld tagged with theme %lld\n", (long long)in->signal_id,
	        (long long)c->id);
	return 0;
}

int theme_untag_cmd(struct cli *c)
{
	const struct theme_tag_input *in = c->obj;
	if (fields_require(theme_tag_fields, c->set, &c->e) ||
	    theme_untag(c->db, c->id, in->signal_id, &c->e))
		return -1;
	fprintf(c->out, "signal %lld untagged from theme %lld\n", (long long)in->signal_id,
	        (long long)c->id);
	return 0;
}

int theme_threshold_cmd(struct cli *c)
{
	const struct pressure_high_input *in = c->obj;
	int64_t v;
	if (((c->set & PH_VALUE) && signal_set_pressure_high(c->db, in->value, &c->e)) ||
	    signal_pressure_high(c->db, &v, &c->e))
		return -1;
	if (c->json) {
		json_t *o = json_object();
		json_object_set_new(o, "pressure_high", json_integer(v));
		cli_print_json(c, o);
	} else {
		fprintf(c->out, "themes are flagged from a pressure of %lld\n", (long long)v);
	}
	return 0;
}
