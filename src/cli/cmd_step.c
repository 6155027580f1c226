/* cmd_step: tandem step add|list|count|show|set|start|done|block|rm and
 * step dep add|rm. */
#include <stdint.h>
#include <string.h>

#include "base/buf.h"
#include "cli/cli.h"
#include "manage/step.h"
#include "org/person.h"

static int show(struct cli *c, int64_t id, int verbose)
{
	struct step s;
	if (step_get(c->db, &c->a, id, &s, &c->e))
		return -1;
	if (c->json) {
		cli_print_json(c, step_json(&s));
		return 0;
	}
	if (!verbose)
		return 0;
	fprintf(c->out, "step      %lld\nplan      %lld\nname      %s\nassignee  %s\n"
			"estimate  %s h\nduration  %lld working day(s)\ndue       %s\n"
			"status    %s\nprogress  %lld %%\nactivity  %s\nlogged    %s h\n",
		(long long)s.id, (long long)s.plan_id, s.name, fmt_str(s.assignee_name),
		fmt_hours(&c->a, s.estimate_minutes), (long long)s.duration_days, fmt_str(s.due),
		s.status, (long long)s.pct, fmt_str(s.activity), fmt_hours(&c->a, s.logged_minutes));
	for (size_t i = 0; i < s.ndeps; i++)
		fprintf(c->out, "%-9s step %lld \"%s\" (%s)%s\n", i ? "" : "after",
			(long long)s.deps[i].on, s.deps[i].name, s.deps[i].status,
			s.deps[i].lag_days ? arena_printf(&c->a, " + %lld day(s)",
							  (long long)s.deps[i].lag_days) : "");
	return 0;
}

int step_add_cmd(struct cli *c)
{
	int64_t id;
	if (step_add(c->db, c->obj, c->set, &id, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "step %lld added\n", (long long)id);
	return show(c, id, 0);
}

/* The step table is streamed: at 100,000 steps holding every row
 * first would cost more than reading them. Columns are sized from
 * step_extent(); an estimate wider than its column shifts that row. */
struct stream {
	struct cli *c;
	struct buf b;
	int w_id, w_plan, w_who;
	const char **names;	/* person names by id, or NULL: the rows carry them */
	int64_t max_person;
};

static int digits(int64_t v)
{
	int n = 1;
	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

static void put_cell(struct buf *b, const char *s, int w, int right)
{
	int n = 0;
	const char *p = s;
	for (; *p && n < w; p++)
		n += ((unsigned char)*p & 0xC0) != 0x80;
	if (*p && n >= w) {	/* cut, with an ellipsis */
		const char *q = s;
		int k = 0;
		for (; *q; q++)
			if (((unsigned char)*q & 0xC0) != 0x80 && ++k > w - 1)
				break;
		buf_putn(b, s, (size_t)(q - s));
		buf_puts(b, "\xE2\x80\xA6");
		return;
	}
	static const char spaces[] = "                        ";
	int gap = w - n;
	if (gap > (int)sizeof spaces - 1)
		gap = (int)sizeof spaces - 1;
	if (right && gap > 0)
		buf_putn(b, spaces, (size_t)gap);
	buf_putn(b, s, (size_t)(p - s));
	if (!right && gap > 0)
		buf_putn(b, spaces, (size_t)gap);
}

/* Formats v into num (at least 21 bytes); returns num. */
static const char *itoa(int64_t v, char *num)
{
	char tmp[24], *p = tmp + sizeof tmp;
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	*--p = '\0';
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	return memcpy(num, p, (size_t)(tmp + sizeof tmp - p));
}

/* Writes s (len bytes) at p in a column of w, cut with an ellipsis when
 * wider; returns the end. p must have room for len + w + 3 bytes. */
static char *col(char *p, const char *s, size_t len, int w, int right)
{
	int n = 0;
	for (size_t k = 0; k < len; k++)
		n += ((unsigned char)s[k] & 0xC0) != 0x80;
	if (n > w) {
		size_t k = 0;
		for (int cols = 0; k < len; k++)
			if (((unsigned char)s[k] & 0xC0) != 0x80 && ++cols > w - 1)
				break;
		memcpy(p, s, k);
		memcpy(p + k, "\xE2\x80\xA6", 3);
		return p + k + 3;
	}
	if (right) {
		memset(p, ' ', (size_t)(w - n));
		p += w - n;
	}
	memcpy(p, s, len);
	p += len;
	if (!right) {
		memset(p, ' ', (size_t)(w - n));
		p += w - n;
	}
	return p;
}

/* ASCII text (numbers, statuses, dates) padded to w; never cut: a wider
 * value shifts the rest of its row. len is at most 40. */
static char *ascii_col(char *p, const char *s, size_t len, int w, int right)
{
	size_t gap = (int)len < w ? (size_t)w - len : 0;
	if (right) {
		memset(p, ' ', gap);
		p += gap;
	}
	memcpy(p, s, len);
	p += len;
	if (!right) {
		memset(p, ' ', gap);
		p += gap;
	}
	return p;
}

/* A right-aligned number in a column of w, then two spaces. */
static char *num_col(char *p, int64_t v, int w)
{
	char tmp[24];
	const char *d = itoa(v, tmp);
	p = ascii_col(p, d, strlen(d), w, 1);
	memcpy(p, "  ", 2);
	return p + 2;
}

static int stream_row(void *ctx, const struct step *s)
{
	struct stream *t = ctx;
	/* the widest row: numbers, status, date and estimate (< 120 bytes),
	 * an assignee of 24 columns (<= 100 bytes), and the name */
	size_t name_len = strlen(s->name);
	char line[512];
	char *p = line;
	p = num_col(p, s->id, t->w_id);
	p = num_col(p, s->plan_id, t->w_plan);
	p = ascii_col(p, s->status, strlen(s->status), 7, 0);
	memcpy(p, "  ", 2);
	p += 2;
	if (s->due)
		p = ascii_col(p, s->due, strlen(s->due), 10, 0);
	else
		p = ascii_col(p, "-", 1, 10, 0);
	memcpy(p, "  ", 2);
	p += 2;
	if (s->estimate_minutes % 60 == 0) {
		p = num_col(p, s->estimate_minutes / 60, 5);
	} else {
		char est[32];
		int n = snprintf(est, sizeof est, "%.2f", s->estimate_minutes / 60.0);
		p = ascii_col(p, est, (size_t)n, 5, 1);
		memcpy(p, "  ", 2);
		p += 2;
	}
	const char *who = s->assignee_name;
	if (t->names && s->assignee_id > 0 && s->assignee_id <= t->max_person)
		who = t->names[s->assignee_id];
	if (!who || !*who)
		who = "-";
	size_t who_len = strlen(who);
	p = col(p, who, who_len < 100 ? who_len : 100, t->w_who, 0);
	memcpy(p, "  ", 2);
	p += 2;
	buf_putn(&t->b, line, (size_t)(p - line));
	buf_putn(&t->b, s->name, name_len);
	buf_putc(&t->b, '\n');
	if (t->b.len > (1 << 20)) {
		fwrite(t->b.s, 1, t->b.len, t->c->out);
		buf_reset(&t->b);
	}
	return t->b.failed;
}

static int stream_json(void *ctx, const struct step *s)
{
	struct stream *t = ctx;
	cli_list_item(t->c, step_json(s), t->w_id == 0);
	t->w_id = 1;	/* an item was written */
	return 0;
}

int step_list_cmd(struct cli *c)
{
	if (c->json) {
		int64_t n;
		/* one snapshot, so that the count matches the items */
		if (db_begin_read(c->db, &c->e))
			return -1;
		if (step_count(c->db, c->obj, c->set, &n, &c->e)) {
			db_rollback(c->db);
			return -1;
		}
		/* the count of what is printed: after offset, within limit */
		const struct step_filter *f = c->obj;
		if (c->set & SF_OFFSET)
			n = n > f->offset ? n - f->offset : 0;
		if ((c->set & SF_LIMIT) && n > f->limit)
			n = f->limit;
		struct stream t = {.c = c};
		cli_list_begin(c, n);
		int rc = step_each(c->db, c->obj, c->set, 1, stream_json, &t, &c->e);
		cli_list_end(c, t.w_id == 0);
		return db_end(c->db, rc, &c->e);
	}
	/* sizes, names and rows from one snapshot */
	if (db_begin_read(c->db, &c->e))
		return -1;
	struct step_extent x;
	if (step_extent(c->db, &x, &c->e))
		return db_end(c->db, -1, &c->e);
	struct stream t = {.c = c, .b = BUF_INIT};
	t.w_id = digits(x.max_id) > 2 ? digits(x.max_id) : 2;
	t.w_plan = digits(x.max_plan_id) > 4 ? digits(x.max_plan_id) : 4;
	t.w_who = x.max_assignee_len < 8 ? 8 : x.max_assignee_len > 24 ? 24 : (int)x.max_assignee_len;
	put_cell(&t.b, "ID", t.w_id, 1);
	buf_puts(&t.b, "  ");
	put_cell(&t.b, "PLAN", t.w_plan, 1);
	buf_puts(&t.b, "  STATUS   DUE           EST  ");
	put_cell(&t.b, "ASSIGNEE", t.w_who, 0);
	buf_puts(&t.b, "  NAME\n");
	/* names from one read of the people, unless there are very many */
	struct err ignore = {0};
	if (person_names(c->db, &c->a, 1000000, &t.names, &t.max_person, &ignore))
		t.names = NULL;
	int rc = step_each(c->db, c->obj, c->set, !t.names, stream_row, &t, &c->e);
	if (rc > 0)
		rc = err_set(&c->e, ERR_INTERNAL, "", "out of memory");
	if (!t.b.failed && t.b.len)
		fwrite(t.b.s, 1, t.b.len, c->out);
	buf_free(&t.b);
	return db_end(c->db, rc, &c->e);
}

int step_count_cmd(struct cli *c)
{
	int64_t n;
	if (step_count(c->db, c->obj, c->set, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *o = json_object();
		json_object_set_new(o, "count", json_integer(n));
		cli_print_json(c, o);
	} else {
		fprintf(c->out, "%lld\n", (long long)n);
	}
	return 0;
}

int step_show_cmd(struct cli *c)
{
	return show(c, c->id, 1);
}

int step_set_cmd(struct cli *c)
{
	if (step_set(c->db, c->id, c->obj, c->set, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "step %lld changed\n", (long long)c->id);
	return show(c, c->id, 0);
}

static int status_cmd(struct cli *c, const char *status)
{
	if (step_set_status(c->db, c->id, status, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "step %lld is %s\n", (long long)c->id, status);
	return show(c, c->id, 0);
}

int step_start_cmd(struct cli *c)
{
	return status_cmd(c, "doing");
}

int step_done_cmd(struct cli *c)
{
	return status_cmd(c, "done");
}

int step_block_cmd(struct cli *c)
{
	return status_cmd(c, "blocked");
}

int step_rm_cmd(struct cli *c)
{
	if (step_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "step %lld removed\n", (long long)c->id);
	return 0;
}

int step_dep_add_cmd(struct cli *c)
{
	const struct dep_input *in = c->obj;
	if (step_dep_add(c->db, c->id, in, c->set, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "step %lld now waits for step %lld\n", (long long)c->id,
			(long long)in->on);
	return show(c, c->id, 0);
}

int step_dep_rm_cmd(struct cli *c)
{
	const struct dep_input *in = c->obj;
	if (fields_require(dep_fields, c->set & DEP_ON, &c->e))
		return -1;
	if (step_dep_rm(c->db, c->id, in->on, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "step %lld no longer waits for step %lld\n", (long long)c->id,
			(long long)in->on);
	return show(c, c->id, 0);
}
