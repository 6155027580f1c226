/* pulse: see pulse.h. */
#include "lead/pulse.h"

#include <sodium.h>
#include <string.h>

#include "base/date.h"
#include "base/json.h"
#include "org/unit.h"

static const char *const scales[] = {"1-5", "0-10", NULL};

const struct field pulse_fields[] = {
	{.name = "title", .type = FT_TEXT, .offset = offsetof(struct pulse_input, title),
	 .bit = PULSE_TITLE, .max = 200, .required = 1, .arg = 1, .help = "the pulse's title"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct pulse_input, unit_id),
	 .bit = PULSE_UNIT, .required = 1, .help = "the unit that runs it"},
	{.name = "opens", .type = FT_DATE, .offset = offsetof(struct pulse_input, opens),
	 .bit = PULSE_OPENS, .help = "first day to answer (default today)"},
	{.name = "closes", .type = FT_DATE, .offset = offsetof(struct pulse_input, closes),
	 .bit = PULSE_CLOSES, .nullable = 1, .help = "last day to answer (none: open)"},
	{.name = "min_group", .type = FT_INT, .offset = offsetof(struct pulse_input, min_group),
	 .bit = PULSE_MIN, .min = -1000000, .max = 100000,
	 .help = "smallest group whose results are shown (at least 3, default 5)"},
	{0},
};

const struct field pulse_question_fields[] = {
	{.name = "text", .type = FT_TEXT, .offset = offsetof(struct pulse_question_input, text),
	 .bit = PQ_TEXT, .max = 500, .required = 1, .help = "the question"},
	{.name = "scale", .type = FT_ENUM,
	 .offset = offsetof(struct pulse_question_input, scale), .bit = PQ_SCALE,
	 .choices = scales, .required = 1, .help = "1-5 (agreement) or 0-10 (eNPS)"},
	{.name = "comments", .type = FT_BOOL,
	 .offset = offsetof(struct pulse_question_input, comments), .bit = PQ_COMMENTS,
	 .help = "whether an answer may add a comment"},
	{0},
};

const struct field pulse_target_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct pulse_target_input, unit_id),
	 .bit = PT_UNIT, .required = 1, .help = "send it to this unit and the units under it"},
	{0},
};

const struct field pulse_send_fields[] = {
	{.name = "to_unit_id", .type = FT_ID,
	 .offset = offsetof(struct pulse_target_input, unit_id), .bit = PT_UNIT,
	 .help = "also send it to this unit and the units under it"},
	{0},
};

const struct field pulse_answer_fields[] = {
	{.name = "person_id", .type = FT_ID,
	 .offset = offsetof(struct pulse_answer_input, person_id), .bit = PA_PERSON,
	 .help = "who answers"},
	{.name = "answers", .type = FT_TEXT,
	 .offset = offsetof(struct pulse_answer_input, answers), .bit = PA_ANSWERS, .max = 200,
	 .required = 1, .help = "one value per question, in order: \"5,4,9\""},
	{.name = "comment", .type = FT_TEXT,
	 .offset = offsetof(struct pulse_answer_input, comment), .bit = PA_COMMENT, .max = 2000,
	 .help = "a comment, for the question that takes one"},
	{0},
};

const struct field pulse_filter_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct pulse_filter, unit_id),
	 .bit = PUL_UNIT, .help = "only pulses run by or sent to this unit or one under it"},
	{.name = "limit", .type = FT_INT, .offset = offsetof(struct pulse_filter, limit),
	 .bit = PUL_LIMIT, .min = 0, .max = 1000000000, .help = "at most this many"},
	{.name = "offset", .type = FT_INT, .offset = offsetof(struct pulse_filter, offset),
	 .bit = PUL_OFFSET, .min = 0, .max = INT64_MAX, .help = "skip this many"},
	{0},
};

static const char *const view_formats[] = {"table", "json", "csv", NULL};
static const char *const api_formats[] = {"json", "csv", NULL};

#define VIEW_UNIT                                                                   \
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct pulse_view, unit_id), \
	 .bit = PV_UNIT, .help = "the group of this unit with its subtree"}

const struct field pulse_view_fields[] = {
	VIEW_UNIT,
	{.name = "format", .type = FT_ENUM, .offset = offsetof(struct pulse_view, format),
	 .bit = PV_FORMAT, .choices = view_formats, .help = "table, json or csv"},
	{0},
};

const struct field pulse_view_api_fields[] = {
	VIEW_UNIT,
	{.name = "format", .type = FT_ENUM, .offset = offsetof(struct pulse_view, format),
	 .bit = PV_FORMAT, .choices = api_formats, .help = "json or csv"},
	{0},
};

const struct field pulse_trend_fields[] = {
	{.name = "question_text", .type = FT_TEXT,
	 .offset = offsetof(struct pulse_view, question_text), .bit = PV_TEXT, .max = 500,
	 .required = 1, .help = "the question, word for word"},
	VIEW_UNIT,
	{0},
};

static int not_found(struct err *e, int64_t id)
{
	return err_set(e, ERR_NOT_FOUND, "id", "no pulse with id %lld", (long long)id);
}

int pulse_add(struct db *db, const struct pulse_input *in, unsigned set, int64_t *id,
	      struct err *e)
{
	if (fields_require(pulse_fields, set, e))
		return -1;
	int64_t min = (set & PULSE_MIN) ? in->min_group : PULSE_DEFAULT_GROUP;
	if (min < PULSE_MIN_GROUP)
		return err_set(e, ERR_BAD_INPUT, "min_group",
			       "min_group: must be at least %d, so that no one's answers can be "
			       "told apart", PULSE_MIN_GROUP);
	char today[11];
	date_format(date_today(), today);
	const char *opens = (set & PULSE_OPENS) && in->opens ? in->opens : today;
	const char *closes = (set & PULSE_CLOSES) ? in->closes : NULL;
	if (closes && strcmp(closes, opens) < 0)
		return err_set(e, ERR_BAD_INPUT, "closes", "closes: must not be before opens (%s)",
			       opens);
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (unit_must_exist(db, in->unit_id, "unit_id", e))
		goto out;
	struct stmt *st = db_prepare(db,
		"INSERT INTO pulse (title, opens, closes, min_group, unit_id) "
		"VALUES (:title, :opens, :closes, :min, :unit) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_text(st, ":title", in->title);
	db_bind_text(st, ":opens", opens);
	db_bind_text(st, ":closes", closes);
	db_bind_int(st, ":min", min);
	db_bind_int(st, ":unit", in->unit_id);
	if (db_one_int(st, id, e) == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

#define PULSE_SELECT                                                             \
	"SELECT p.id, p.title, p.opens, p.closes, p.min_group, p.sent, p.unit_id, "  \
	"(SELECT count(*) FROM pulse_invite i WHERE i.pulse_id = p.id), "            \
	"(SELECT count(*) FROM pulse_responded r WHERE r.pulse_id = p.id) FROM pulse p "

static void pulse_row(struct stmt *st, struct arena *a, void *item)
{
	struct pulse *p = item;
	p->id = db_col_int(st, 0);
	p->title = arena_strdup(a, db_col_text(st, 1));
	p->opens = arena_strdup(a, db_col_text(st, 2));
	p->closes = arena_strdup(a, db_col_text(st, 3));
	p->min_group = db_col_int(st, 4);
	p->sent = (int)db_col_int(st, 5);
	p->unit_id = db_col_int(st, 6);
	p->invited = db_col_int(st, 7);
	p->responded = db_col_int(st, 8);
}

int pulse_get(struct db *db, struct arena *a, int64_t id, struct pulse *p, struct err *e)
{
	struct stmt *st = db_prepare(db, PULSE_SELECT "WHERE p.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		pulse_row(st, a, p);
	db_done(st);
	if (rc == 0)
		return not_found(e, id);
	return rc < 0 ? -1 : 0;
}

int pulse_list(struct db *db, struct arena *a, const struct pulse_filter *f, unsigned fset,
	       struct pulse **out, size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE PULSE_SELECT
		"WHERE (:all_units = 1 OR p.unit_id IN (SELECT id FROM subtree) "
		"OR EXISTS (SELECT 1 FROM pulse_invite i WHERE i.pulse_id = p.id "
		"AND i.unit_id IN (SELECT id FROM subtree))) "
		"ORDER BY p.opens DESC, p.id DESC LIMIT :limit OFFSET :offset", e);
	if (!st)
		return -1;
	db_bind_int(st, ":all_units", !(fset & PUL_UNIT));
	db_bind_int(st, ":unit", (fset & PUL_UNIT) ? f->unit_id : 0);
	db_bind_int(st, ":limit", (fset & PUL_LIMIT) ? f->limit : DB_NO_LIMIT);
	db_bind_int(st, ":offset", (fset & PUL_OFFSET) ? f->offset : 0);
	return db_collect(st, a, sizeof **out, pulse_row, (void **)out, n, e);
}

int pulse_pending(struct db *db, struct arena *a, int64_t person_id, int32_t day,
		  struct pulse **out, size_t *n, struct err *e)
{
	char d[11];
	date_format(day, d);
	struct stmt *st = db_prepare(db, PULSE_SELECT
		"WHERE p.sent = 1 AND p.opens <= :day AND (p.closes IS NULL OR p.closes >= :day) "
		"AND EXISTS (SELECT 1 FROM pulse_invite i WHERE i.pulse_id = p.id "
		"AND i.person_id = :person) "
		"AND NOT EXISTS (SELECT 1 FROM pulse_responded r WHERE r.pulse_id = p.id "
		"AND r.person_id = :person) "
		"ORDER BY coalesce(p.closes, '9999-12-31'), p.id", e);
	if (!st)
		return -1;
	db_bind_text(st, ":day", d);
	db_bind_int(st, ":person", person_id);
	return db_collect(st, a, sizeof **out, pulse_row, (void **)out, n, e);
}

int pulse_asked_within(struct db *db, int64_t pulse_id, int64_t unit_id, struct err *e)
{
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE "SELECT count(*) FROM pulse_invite "
				     "WHERE pulse_id = :pulse AND unit_id IN (SELECT id FROM subtree)", e);
	if (!st)
		return -1;
	db_bind_int(st, ":unit", unit_id);
	db_bind_int(st, ":pulse", pulse_id);
	int64_t n = 0;
	if (db_one_int(st, &n, e) < 0)
		return -1;
	return n > 0;
}

/* The pulse's sent flag (1/0), or -1 with 404. */
static int sent_flag(struct db *db, int64_t id, struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT sent FROM pulse WHERE id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int64_t v = 0;
	int rc = db_one_int(st, &v, e);
	if (rc == 0)
		return not_found(e, id);
	return rc < 0 ? -1 : (int)v;
}

static int unsent(struct db *db, int64_t id, const char *what, struct err *e)
{
	int s = sent_flag(db, id, e);
	if (s < 0)
		return -1;
	if (s)
		return err_set(e, ERR_CONFLICT, "id", "pulse %lld was sent: %s", (long long)id,
			       what);
	return 0;
}

int pulse_rm(struct db *db, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = unsent(db, id, "it keeps its answers and cannot be removed", e);
	if (rc == 0)
		rc = db_run_id(db, "DELETE FROM pulse WHERE id = :id", id, e);
	return db_end(db, rc, e);
}

int pulse_question_add(struct db *db, int64_t pulse_id, const struct pulse_question_input *in,
		       unsigned set, int64_t *id, struct err *e)
{
	if (fields_require(pulse_question_fields, set, e))
		return -1;
	if (db_begin(db, e))
		return -1;
	int rc = unsent(db, pulse_id, "its questions are fixed", e);
	if (rc)
		goto out;
	rc = -1;
	struct stmt *st = db_prepare(db,
		"INSERT INTO pulse_question (pulse_id, position, text, scale, comments) "
		"VALUES (:pulse, (SELECT coalesce(max(position), 0) + 1 FROM pulse_question "
		"WHERE pulse_id = :pulse), :text, :scale, :comments) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":pulse", pulse_id);
	db_bind_text(st, ":text", in->text);
	db_bind_text(st, ":scale", in->scale);
	db_bind_int(st, ":comments", (set & PQ_COMMENTS) ? in->comments : 0);
	if (db_one_int(st, id, e) == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

static void question_row(struct stmt *st, struct arena *a, void *item)
{
	struct pulse_question *q = item;
	q->id = db_col_int(st, 0);
	q->position = db_col_int(st, 1);
	q->text = arena_strdup(a, db_col_text(st, 2));
	q->scale = arena_strdup(a, db_col_text(st, 3));
	q->comments = (int)db_col_int(st, 4);
}

int pulse_questions(struct db *db, struct arena *a, int64_t pulse_id,
		    struct pulse_question **out, size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db,
		"SELECT id, position, text, scale, comments FROM pulse_question "
		"WHERE pulse_id = :pulse ORDER BY position, id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":pulse", pulse_id);
	return db_collect(st, a, sizeof **out, question_row, (void **)out, n, e);
}

/* 1 if unit lies within the pulse's unit's subtree. */
static int in_audience(struct db *db, int64_t pulse_id, int64_t unit, struct err *e)
{
	struct stmt *st = db_prepare(db, "WITH RECURSIVE subtree(id) AS ("
		"SELECT unit_id FROM pulse WHERE id = :pulse UNION ALL "
		"SELECT u.id FROM unit u JOIN subtree t ON u.parent_id = t.id) "
		"SELECT count(*) FROM subtree WHERE id = :unit", e);
	if (!st)
		return -1;
	db_bind_int(st, ":pulse", pulse_id);
	db_bind_int(st, ":unit", unit);
	int64_t n = 0;
	if (db_one_int(st, &n, e) < 0)
		return -1;
	return n > 0;
}

static int add_target(struct db *db, int64_t pulse_id, int64_t unit_id, struct err *e)
{
	if (unit_must_exist(db, unit_id, "unit_id", e))
		return -1;
	int r = in_audience(db, pulse_id, unit_id, e);
	if (r < 0)
		return -1;
	if (!r)
		return err_set(e, ERR_BAD_INPUT, "unit_id",
			       "unit_id: unit %lld is not within the unit that runs the pulse",
			       (long long)unit_id);
	struct stmt *st = db_prepare(db,
		"INSERT INTO pulse_unit (pulse_id, unit_id) SELECT :pulse, :unit "
		"WHERE NOT EXISTS (SELECT 1 FROM pulse_unit WHERE pulse_id = :pulse "
		"AND unit_id = :unit)", e);
	if (!st)
		return -1;
	db_bind_int(st, ":pulse", pulse_id);
	db_bind_int(st, ":unit", unit_id);
	int rc = db_step(st, e);
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int pulse_target(struct db *db, int64_t pulse_id, int64_t unit_id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = unsent(db, pulse_id, "its audience is fixed", e);
	if (rc == 0)
		rc = add_target(db, pulse_id, unit_id, e);
	return db_end(db, rc, e);
}

static int count_of(struct db *db, const char *sql, int64_t id, int64_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	return db_one_int(st, n, e) < 0 ? -1 : 0;
}

int pulse_send(struct db *db, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int64_t nq = 0, nu = 0;
	int rc = unsent(db, id, "it goes out once", e);
	if (rc == 0)
		rc = count_of(db, "SELECT count(*) FROM pulse_question WHERE pulse_id = :id", id,
			      &nq, e);
	if (rc == 0)
		rc = count_of(db, "SELECT count(*) FROM pulse_unit WHERE pulse_id = :id", id, &nu,
			      e);
	if (rc == 0 && !nq)
		rc = err_set(e, ERR_BAD_INPUT, "id", "pulse %lld has no question yet",
			     (long long)id);
	if (rc == 0 && !nu)
		rc = err_set(e, ERR_BAD_INPUT, "to_unit_id",
			     "pulse %lld goes to no unit yet: name one (to_unit_id)",
			     (long long)id);
	if (rc)
		goto out;
	rc = -1;
	struct stmt *st = db_prepare(db,
		"WITH RECURSIVE subtree(id) AS (SELECT unit_id FROM pulse_unit "
		"WHERE pulse_id = :id UNION "
		"SELECT u.id FROM unit u JOIN subtree t ON u.parent_id = t.id) "
		"INSERT INTO pulse_invite (pulse_id, person_id, unit_id) "
		"SELECT :id, p.id, p.unit_id FROM person p "
		"WHERE p.unit_id IN (SELECT id FROM subtree)", e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", id);
	rc = db_step(st, e) < 0 ? -1 : 0;
	db_done(st);
	if (rc == 0)
		rc = db_run_id(db, "UPDATE pulse SET sent = 1 WHERE id = :id", id, e);
out:
	return db_end(db, rc, e);
}

/* Parses "5, 4,9" into v (nq values, each within its question's scale). */
static int parse_answers(const char *s, const struct pulse_question *q, size_t nq,
			 int64_t *v, struct err *e)
{
	size_t i = 0;
	const char *p = s;
	for (;;) {
		char num[32];
		size_t k = 0;
		while (*p == ' ')
			p++;
		while (*p && *p != ',' && *p != ' ' && k < sizeof num - 1)
			num[k++] = *p++;
		num[k] = '\0';
		while (*p == ' ')
			p++;
		if (i >= nq)
			return err_set(e, ERR_BAD_INPUT, "answers",
				       "answers: this pulse has %zu questions: give one value each",
				       nq);
		int64_t x;
		if (!k || field_parse_int(num, &x))
			return err_set(e, ERR_BAD_INPUT, "answers",
				       "answers: give whole numbers separated by commas (\"5,4,9\")");
		int64_t lo = strcmp(q[i].scale, "0-10") == 0 ? 0 : 1;
		int64_t hi = lo ? 5 : 10;
		if (x < lo || x > hi)
			return err_set(e, ERR_BAD_INPUT, "answers",
				       "answers: question %zu takes %lld to %lld (got %lld)", i + 1,
				       (long long)lo, (long long)hi, (long long)x);
		v[i++] = x;
		if (*p == '\0')
			break;
		if (*p != ',')
			return err_set(e, ERR_BAD_INPUT, "answers",
				       "answers: give whole numbers separated by commas (\"5,4,9\")");
		p++;
	}
	if (i != nq)
		return err_set(e, ERR_BAD_INPUT, "answers",
			       "answers: this pulse has %zu questions: give one value each", nq);
	return 0;
}

struct comment_row {
	int64_t unit_id;
	const char *body;
};

static void comment_row(struct stmt *st, struct arena *a, void *item)
{
	struct comment_row *c = item;
	c->unit_id = db_col_int(st, 0);
	c->body = arena_strdup(a, db_col_text(st, 1));
}

/* Adds a comment and rewrites all of the question's comments in a new
 * random order with new random shuffle keys, so neither the physical
 * row order nor the keys follow the order people answered. */
static int add_comment(struct db *db, struct arena *a, int64_t question, int64_t unit,
		       const char *body, struct err *e)
{
	if (sodium_init() < 0)
		return err_set(e, ERR_INTERNAL, "", "libsodium could not start");
	struct stmt *st = db_prepare(db, "SELECT unit_id, body FROM pulse_comment "
				     "WHERE question_id = :q", e);
	if (!st)
		return -1;
	db_bind_int(st, ":q", question);
	struct comment_row *old;
	size_t n;
	if (db_collect(st, a, sizeof *old, comment_row, (void **)&old, &n, e))
		return -1;
	struct comment_row *all = arena_alloc(a, (n + 1) * sizeof *all);
	if (n)
		memcpy(all, old, n * sizeof *all);
	all[n++] = (struct comment_row){unit, body};
	for (size_t i = n - 1; i > 0; i--) {	/* Fisher-Yates */
		size_t j = randombytes_uniform((uint32_t)(i + 1));
		struct comment_row t = all[i];
		all[i] = all[j];
		all[j] = t;
	}
	if (db_run_id(db, "DELETE FROM pulse_comment WHERE question_id = :id", question, e))
		return -1;
	for (size_t i = 0; i < n; i++) {
		st = db_prepare(db, "INSERT INTO pulse_comment (question_id, unit_id, shuffle, "
				"body) VALUES (:q, :unit, :shuffle, :body)", e);
		if (!st)
			return -1;
		db_bind_int(st, ":q", question);
		db_bind_int(st, ":unit", all[i].unit_id);
		db_bind_int(st, ":shuffle", (int64_t)randombytes_uniform(2000000000u));
		db_bind_text(st, ":body", all[i].body);
		int rc = db_step(st, e);
		db_done(st);
		if (rc < 0)
			return -1;
	}
	return 0;
}

int pulse_answer(struct db *db, int64_t pulse_id, const struct pulse_answer_input *in,
		 unsigned set, int32_t day, struct err *e)
{
	if (fields_require(pulse_answer_fields, set, e))
		return -1;
	if (!(set & PA_PERSON) || !in->person_id)
		return err_set(e, ERR_BAD_INPUT, "person_id", "person_id: say who answers");
	struct arena a = {0};
	int rc = -1;
	if (db_begin(db, e)) {
		arena_free(&a);
		return -1;
	}
	struct pulse p;
	struct pulse_question *q;
	size_t nq;
	if (pulse_get(db, &a, pulse_id, &p, e) || pulse_questions(db, &a, pulse_id, &q, &nq, e))
		goto out;
	char d[11];
	date_format(day, d);
	if (!p.sent) {
		err_set(e, ERR_CONFLICT, "id", "pulse %lld is not sent yet", (long long)pulse_id);
		goto out;
	}
	if (strcmp(d, p.opens) < 0) {
		err_set(e, ERR_CONFLICT, "id", "pulse %lld opens on %s", (long long)pulse_id,
			p.opens);
		goto out;
	}
	if (p.closes && strcmp(d, p.closes) > 0) {
		err_set(e, ERR_CONFLICT, "id", "pulse %lld closed on %s: no more answers",
			(long long)pulse_id, p.closes);
		goto out;
	}
	struct stmt *st = db_prepare(db, "SELECT unit_id FROM pulse_invite "
				     "WHERE pulse_id = :pulse AND person_id = :person", e);
	if (!st)
		goto out;
	db_bind_int(st, ":pulse", pulse_id);
	db_bind_int(st, ":person", in->person_id);
	int64_t unit = 0;
	int r = db_one_int(st, &unit, e);
	if (r < 0)
		goto out;
	if (r == 0) {
		err_set(e, ERR_NOT_FOUND, "person_id", "person %lld was not asked in pulse %lld",
			(long long)in->person_id, (long long)pulse_id);
		goto out;
	}
	st = db_prepare(db, "SELECT count(*) FROM pulse_responded "
			"WHERE pulse_id = :pulse AND person_id = :person", e);
	if (!st)
		goto out;
	db_bind_int(st, ":pulse", pulse_id);
	db_bind_int(st, ":person", in->person_id);
	int64_t done = 0;
	if (db_one_int(st, &done, e) < 0)
		goto out;
	if (done) {
		err_set(e, ERR_CONFLICT, "person_id", "person %lld has already answered pulse %lld",
			(long long)in->person_id, (long long)pulse_id);
		goto out;
	}
	int64_t *v = arena_alloc(&a, (nq + 1) * sizeof *v);
	if (parse_answers(in->answers, q, nq, v, e))
		goto out;
	const char *comment = (set & PA_COMMENT) && in->comment && *in->comment ? in->comment
										: NULL;
	int64_t cq = 0;
	for (size_t i = 0; i < nq && !cq; i++)
		if (q[i].comments)
			cq = q[i].id;
	if (comment && !cq) {
		err_set(e, ERR_BAD_INPUT, "comment", "comment: this pulse takes no comments");
		goto out;
	}
	st = db_prepare(db, "INSERT INTO pulse_responded (pulse_id, person_id) "
			"VALUES (:pulse, :person)", e);
	if (!st)
		goto out;
	db_bind_int(st, ":pulse", pulse_id);
	db_bind_int(st, ":person", in->person_id);
	r = db_step(st, e);
	db_done(st);
	if (r < 0)
		goto out;
	for (size_t i = 0; i < nq; i++) {
		st = db_prepare(db, "INSERT INTO pulse_count (question_id, unit_id, value, n) "
				"VALUES (:q, :unit, :value, 1) ON CONFLICT (question_id, unit_id, "
				"value) DO UPDATE SET n = pulse_count.n + 1", e);
		if (!st)
			goto out;
		db_bind_int(st, ":q", q[i].id);
		db_bind_int(st, ":unit", unit);
		db_bind_int(st, ":value", v[i]);
		r = db_step(st, e);
		db_done(st);
		if (r < 0)
			goto out;
	}
	if (comment && add_comment(db, &a, cq, unit, comment, e))
		goto out;
	rc = 0;
out:
	arena_free(&a);
	return db_end(db, rc, e);
}

/* --- results --- */

struct count_row {
	int64_t question_id, unit_id, value, n;
};

static void count_row(struct stmt *st, struct arena *a, void *item)
{
	(void)a;
	struct count_row *c = item;
	c->question_id = db_col_int(st, 0);
	c->unit_id = db_col_int(st, 1);
	c->value = db_col_int(st, 2);
	c->n = db_col_int(st, 3);
}

struct invite_row {
	int64_t unit_id, n;
};

static void invite_row(struct stmt *st, struct arena *a, void *item)
{
	(void)a;
	struct invite_row *c = item;
	c->unit_id = db_col_int(st, 0);
	c->n = db_col_int(st, 1);
}

/* The sum of the respondents of the shown groups nearest below unit i
 * (its "frontier"), and the smallest of them in *smallest (-1: none). */
static int64_t frontier(const struct unit *u, size_t nu, size_t i, const int64_t *resp,
			const int *shown, const int *used, long *smallest)
{
	int64_t sum = 0;
	for (size_t c = i + 1; c < nu && u[c].depth > u[i].depth; c++) {
		if (u[c].depth != u[i].depth + 1 || !used[c])
			continue;
		if (shown[c]) {
			sum += resp[c];
			if (*smallest < 0 || resp[c] < resp[*smallest])
				*smallest = (long)c;
		} else {
			sum += frontier(u, nu, c, resp, shown, used, smallest);
		}
	}
	return sum;
}

int pulse_results(struct db *db, struct arena *a, int64_t id, int64_t unit_id,
		  struct pulse_results *r, struct err *e)
{
	memset(r, 0, sizeof *r);
	struct unit *all;
	size_t nall;
	if (pulse_get(db, a, id, &r->pulse, e) ||
	    pulse_questions(db, a, id, &r->q, &r->nq, e) || unit_list(db, a, &all, &nall, e))
		return -1;
	/* the pulse's unit's subtree, in tree order */
	size_t root = nall, nu = 0;
	for (size_t i = 0; i < nall; i++)
		if (all[i].id == r->pulse.unit_id)
			root = i;
	if (NEVER(root == nall))
		return not_found(e, id);
	for (size_t i = root; i < nall && (i == root || all[i].depth > all[root].depth); i++)
		nu++;
	struct unit *u = all + root;
	size_t nq = r->nq;
	int64_t *inv = arena_alloc(a, nu * sizeof *inv);
	int64_t *resp = arena_alloc(a, nu * sizeof *resp);
	int64_t *dist = arena_alloc(a, (nu * nq * 11 + 1) * sizeof *dist);
	int *shown = arena_alloc(a, nu * sizeof *shown);
	int *used = arena_alloc(a, nu * sizeof *used);

	struct stmt *st = db_prepare(db, "SELECT unit_id, count(*) FROM pulse_invite "
				     "WHERE pulse_id = :id GROUP BY unit_id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	struct invite_row *ir;
	size_t ni;
	if (db_collect(st, a, sizeof *ir, invite_row, (void **)&ir, &ni, e))
		return -1;
	st = db_prepare(db, "SELECT c.question_id, c.unit_id, c.value, c.n FROM pulse_count c "
			"JOIN pulse_question q ON q.id = c.question_id WHERE q.pulse_id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	struct count_row *cr;
	size_t nc;
	if (db_collect(st, a, sizeof *cr, count_row, (void **)&cr, &nc, e))
		return -1;
	/* each unit's own people, then rolled up into its ancestors */
	for (size_t k = 0; k < ni; k++)
		for (size_t i = 0; i < nu; i++)
			if (u[i].id == ir[k].unit_id)
				inv[i] += ir[k].n;
	for (size_t k = 0; k < nc; k++) {
		size_t qi = nq, ui = nu;
		for (size_t j = 0; j < nq; j++)
			if (r->q[j].id == cr[k].question_id)
				qi = j;
		for (size_t i = 0; i < nu; i++)
			if (u[i].id == cr[k].unit_id)
				ui = i;
		if (qi == nq || ui == nu || cr[k].value < 0 || cr[k].value > 10)
			continue;	/* a unit moved out of the audience since */
		dist[(ui * nq + qi) * 11 + (size_t)cr[k].value] += cr[k].n;
	}
	for (size_t i = nu; i-- > 1;) {
		size_t p = i;
		while (p > 0 && u[p].depth >= u[i].depth)
			p--;
		inv[p] += inv[i];
		for (size_t j = 0; j < nq * 11; j++)
			dist[p * nq * 11 + j] += dist[i * nq * 11 + j];
	}
	for (size_t i = 0; i < nu; i++) {
		used[i] = inv[i] > 0;
		for (size_t v = 0; nq && v < 11; v++)
			resp[i] += dist[i * nq * 11 + v];	/* everyone answers question 1 */
		shown[i] = used[i] && resp[i] >= r->pulse.min_group;
	}
	/* suppress until no shown group, minus the shown groups nearest
	 * below it, leaves between 1 and min_group - 1 respondents */
	for (int changed = 1; changed;) {
		changed = 0;
		for (size_t i = 0; i < nu && !changed; i++) {
			if (!shown[i])
				continue;
			long smallest = -1;
			int64_t rest = resp[i] - frontier(u, nu, i, resp, shown, used, &smallest);
			if (rest > 0 && rest < r->pulse.min_group && smallest >= 0) {
				shown[smallest] = 0;
				changed = 1;
			}
		}
	}
	/* the view */
	size_t vi = nu;
	for (size_t i = 0; i < nu; i++)
		if (u[i].id == (unit_id ? unit_id : r->pulse.unit_id))
			vi = i;
	if (vi == nu || (unit_id && !used[vi]))
		return err_set(e, ERR_NOT_FOUND, "unit_id",
			       "unit_id: unit %lld was not asked in pulse %lld",
			       (long long)unit_id, (long long)id);
	r->g = arena_alloc(a, nu * sizeof *r->g);
	for (size_t i = vi; i < nu && (i == vi || u[i].depth > u[vi].depth); i++) {
		if (!used[i] && i != vi)
			continue;
		struct pulse_group *g = &r->g[r->ng++];
		g->unit_id = u[i].id;
		g->unit = u[i].name;
		g->depth = u[i].depth - u[vi].depth;
		g->invited = inv[i];
		g->responded = resp[i];
		g->shown = shown[i];
		g->stats = arena_alloc(a, (nq + 1) * sizeof *g->stats);
		for (size_t j = 0; j < nq; j++) {
			struct pulse_stat *s = &g->stats[j];
			s->question_id = r->q[j].id;
			if (!g->shown)
				continue;
			int64_t sum = 0, pro = 0, det = 0;
			for (int v = 0; v < 11; v++) {
				s->dist[v] = dist[(i * nq + j) * 11 + (size_t)v];
				s->n += s->dist[v];
				sum += s->dist[v] * v;
				if (v >= 9)
					pro += s->dist[v];
				else if (v <= 6)
					det += s->dist[v];
			}
			if (s->n) {
				s->mean_x100 = (sum * 200 + s->n) / (2 * s->n);
				int64_t x = (pro - det) * 200;
				s->enps = x >= 0 ? (x + s->n) / (2 * s->n) : -((-x + s->n) / (2 * s->n));
			}
		}
	}
	/* comments: the view's group's, when it is shown */
	r->comments = arena_alloc(a, (nq + 1) * sizeof *r->comments);
	r->ncomments = arena_alloc(a, (nq + 1) * sizeof *r->ncomments);
	const char **texts;
	if (!shown[vi])
		return 0;
	st = db_prepare(db, UNIT_SUBTREE_CTE
			"SELECT c.question_id, c.body FROM pulse_comment c "
			"JOIN pulse_question q ON q.id = c.question_id WHERE q.pulse_id = :id "
			"AND c.unit_id IN (SELECT id FROM subtree) ORDER BY c.shuffle, c.body", e);
	if (!st)
		return -1;
	db_bind_int(st, ":unit", u[vi].id);
	db_bind_int(st, ":id", id);
	struct comment_row *cm;	/* unit_id holds the question here */
	size_t ncm;
	if (db_collect(st, a, sizeof *cm, comment_row, (void **)&cm, &ncm, e))
		return -1;
	for (size_t j = 0; j < nq; j++) {
		texts = arena_alloc(a, (ncm + 1) * sizeof *texts);
		size_t k = 0;
		for (size_t c = 0; c < ncm; c++)
			if (cm[c].unit_id == r->q[j].id)
				texts[k++] = cm[c].body;
		r->comments[j] = texts;
		r->ncomments[j] = k;
	}
	return 0;
}

int pulse_trend(struct db *db, struct arena *a, const char *text, int64_t unit_id,
		struct pulse_point **out, size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db,
		"SELECT p.id FROM pulse p WHERE p.sent = 1 AND EXISTS (SELECT 1 FROM "
		"pulse_question q WHERE q.pulse_id = p.id AND q.text = :text) "
		"ORDER BY p.opens, p.id", e);
	if (!st)
		return -1;
	db_bind_text(st, ":text", text);
	struct invite_row *ids;	/* unit_id holds the pulse's id */
	size_t nid;
	if (db_collect(st, a, sizeof *ids, invite_row, (void **)&ids, &nid, e))
		return -1;
	*out = arena_alloc(a, (nid + 1) * sizeof **out);
	*n = 0;
	for (size_t k = 0; k < nid; k++) {
		struct pulse_results r;
		struct err e2 = {0};
		if (pulse_results(db, a, ids[k].unit_id, unit_id, &r, &e2)) {
			if (e2.status == ERR_NOT_FOUND)
				continue;	/* that unit was not asked this time */
			*e = e2;
			return -1;
		}
		size_t j = 0;
		while (j < r.nq && strcmp(r.q[j].text, text) != 0)
			j++;
		if (NEVER(j == r.nq) || !r.ng)
			continue;
		struct pulse_point *p = &(*out)[(*n)++];
		p->pulse_id = r.pulse.id;
		p->title = r.pulse.title;
		p->opens = r.pulse.opens;
		p->responded = r.g[0].responded;
		p->shown = r.g[0].shown;
		p->mean_x100 = r.g[0].stats[j].mean_x100;
		p->enps = r.g[0].stats[j].enps;
		p->enps_scale = strcmp(r.q[j].scale, "0-10") == 0;
	}
	return 0;
}

/* --- JSON --- */

json_t *pulse_json(const struct pulse *p)
{
	json_t *o = json_object();
	json_set_int(o, "id", p->id);
	json_set_str(o, "title", p->title);
	json_set_str(o, "opens", p->opens);
	json_set_str(o, "closes", p->closes);
	json_set_int(o, "min_group", p->min_group);
	json_object_set_new(o, "sent", json_boolean(p->sent));
	json_set_id(o, "unit_id", p->unit_id);
	json_set_int(o, "invited", p->invited);
	json_set_int(o, "responded", p->responded);
	return o;
}

json_t *pulse_question_json(const struct pulse_question *q)
{
	json_t *o = json_object();
	json_set_int(o, "id", q->id);
	json_set_int(o, "position", q->position);
	json_set_str(o, "text", q->text);
	json_set_str(o, "scale", q->scale);
	json_object_set_new(o, "comments", json_boolean(q->comments));
	return o;
}

const char *pulse_suppressed_note(struct arena *a, const struct pulse *p,
				  const struct pulse_group *g)
{
	if (g->responded < p->min_group)
		return arena_printf(a, "fewer than %lld answered: not shown, to keep answers "
				    "anonymous", (long long)p->min_group);
	return arena_printf(a, "not shown: with the groups shown it would reveal the answers "
			    "of fewer than %lld people", (long long)p->min_group);
}

json_t *pulse_results_json(struct arena *a, const struct pulse_results *r)
{
	json_t *o = pulse_json(&r->pulse);
	json_t *qs = json_array();
	for (size_t j = 0; j < r->nq; j++) {
		json_t *q = pulse_question_json(&r->q[j]);
		if (r->ng && r->g[0].shown && r->q[j].comments) {
			json_t *c = json_array();
			const char **t = r->comments[j];
			for (size_t k = 0; k < r->ncomments[j]; k++)
				json_array_append_new(c, json_string(t[k]));
			json_object_set_new(q, "comments_given", c);
		}
		json_array_append_new(qs, q);
	}
	json_object_set_new(o, "questions", qs);
	json_t *gs = json_array();
	for (size_t i = 0; i < r->ng; i++) {
		const struct pulse_group *g = &r->g[i];
		json_t *x = json_object();
		json_set_int(x, "unit_id", g->unit_id);
		json_set_str(x, "unit", g->unit);
		json_set_int(x, "depth", g->depth);
		json_set_int(x, "invited", g->invited);
		json_set_int(x, "responded", g->responded);
		json_object_set_new(x, "shown", json_boolean(g->shown));
		if (!g->shown) {
			json_set_str(x, "note", pulse_suppressed_note(a, &r->pulse, g));
			json_array_append_new(gs, x);
			continue;
		}
		json_t *st = json_array();
		for (size_t j = 0; j < r->nq; j++) {
			const struct pulse_stat *s = &g->stats[j];
			json_t *y = json_object();
			json_set_int(y, "question_id", s->question_id);
			json_set_int(y, "n", s->n);
			json_set_decimal(y, "mean", s->mean_x100);
			int lo = strcmp(r->q[j].scale, "0-10") == 0 ? 0 : 1, hi = lo ? 5 : 10;
			json_t *d = json_array();
			for (int v = lo; v <= hi; v++)
				json_array_append_new(d, json_integer(s->dist[v]));
			json_object_set_new(y, "distribution", d);
			if (!lo)
				json_set_int(y, "enps", s->enps);
			json_array_append_new(st, y);
		}
		json_object_set_new(x, "questions", st);
		json_array_append_new(gs, x);
	}
	json_object_set_new(o, "groups", gs);
	return o;
}

json_t *pulse_point_json(const struct pulse_point *p)
{
	json_t *o = json_object();
	json_set_int(o, "pulse_id", p->pulse_id);
	json_set_str(o, "title", p->title);
	json_set_str(o, "opens", p->opens);
	json_set_int(o, "responded", p->responded);
	json_object_set_new(o, "shown", json_boolean(p->shown));
	if (p->shown) {
		json_set_decimal(o, "mean", p->mean_x100);
		if (p->enps_scale)
			json_set_int(o, "enps", p->enps);
	}
	return o;
}

/* --- the demo ------------------------------------------------------------- */

static uint64_t demo_rand(uint64_t *s)	/* splitmix64: the same everywhere */
{
	uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

struct demo_person {
	int64_t id, unit_id;
};

static void demo_person_row(struct stmt *st, struct arena *a, void *item)
{
	(void)a;
	struct demo_person *p = item;
	p->id = db_col_int(st, 0);
	p->unit_id = db_col_int(st, 1);
}

/* One quarterly pulse of the demo: sent to the whole organization on
 * opens, answered through pulse_answer by `share` of each unit (Sales,
 * unit 4, below the minimum), with values around each unit's mood. */
static int demo_pulse(struct db *db, struct arena *a, const char *title, int32_t opens,
		      int round, int64_t root, const struct demo_person *people, size_t np,
		      struct err *e)
{
	static const char *const texts[] = {
		"I understand where the company is heading",
		"My work is recognized",
		"I have what I need to do my job well",
		"How likely are you to recommend Northwind as a place to work?",
	};
	/* answering per unit (1 root .. 6), of its people, by round; and each
	 * unit's mood (x10) for the three agreement questions and the eNPS */
	static const int answering[2][7] = {{0, 1, 5, 6, 4, 6, 7}, {0, 1, 6, 6, 4, 7, 6}};
	static const int mood[7][4] = {
		{0}, {45, 40, 42, 90}, {32, 30, 28, 60}, {41, 38, 40, 80},
		{30, 26, 33, 55}, {34, 31, 27, 65}, {43, 40, 38, 85},
	};
	static const char *const comments[] = {
		"The strategy talk in the all-hands helped: more of that, please.",
		"Hard to see how our team's work connects to the plan.",
		"Our laptops are slow and the new build server is still not there.",
		"Thanks for the recognition wall, small things matter.",
		"Too many priorities at once this quarter.",
		"The weekly demos make it clear what other teams are doing.",
	};
	char d[11], c[11];
	date_format(opens, d);
	date_format(opens + 14, c);
	struct pulse_input in = {.title = title, .unit_id = root, .opens = d, .closes = c};
	int64_t id, q;
	if (pulse_add(db, &in, PULSE_TITLE | PULSE_UNIT | PULSE_OPENS | PULSE_CLOSES, &id, e))
		return -1;
	for (size_t i = 0; i < 4; i++) {
		struct pulse_question_input qi = {.text = texts[i], .scale = i == 3 ? "0-10" : "1-5",
						  .comments = i == 0};
		if (pulse_question_add(db, id, &qi, PQ_TEXT | PQ_SCALE | PQ_COMMENTS, &q, e))
			return -1;
	}
	if (pulse_target(db, id, root, e) || pulse_send(db, id, e))
		return -1;
	uint64_t seed = 0x5EED0000u + (uint64_t)round;
	int done[7] = {0};
	size_t nc = 0;
	for (size_t k = 0; k < np; k++) {
		int u = people[k].unit_id >= 1 && people[k].unit_id <= 6 ? (int)people[k].unit_id : 0;
		if (!u || done[u] >= answering[round][u])
			continue;
		done[u]++;
		char ans[32];
		size_t len = 0;
		for (int i = 0; i < 4; i++) {
			int r = (int)(demo_rand(&seed) % 21) - 10;	/* -1.0 .. +1.0 */
			int v = i < 3 ? (mood[u][i] + r * (round ? 12 : 10) / 10 + 5) / 10
				      : (mood[u][3] + r * 2 + 5) / 10;
			int lo = i < 3 ? 1 : 0, hi = i < 3 ? 5 : 10;
			v = v < lo ? lo : v > hi ? hi : v;
			len += (size_t)snprintf(ans + len, sizeof ans - len, "%s%d", i ? "," : "", v);
		}
		struct pulse_answer_input a_in = {.person_id = people[k].id, .answers = ans};
		unsigned set = PA_PERSON | PA_ANSWERS;
		if (demo_rand(&seed) % 4 == 0 && nc < 6) {
			a_in.comment = comments[(nc + (size_t)round * 2) % 6];
			set |= PA_COMMENT;
			nc++;
		}
		if (pulse_answer(db, id, &a_in, set, opens + 1 + (int32_t)(k % 10), e))
			return -1;
	}
	(void)a;
	return 0;
}

int pulse_demo(struct db *db, const char *today, struct err *e)
{
	int32_t day;
	if (date_parse(today, &day))
		return err_set(e, ERR_BAD_INPUT, "today", "today: must be a date");
	struct arena a = {0};
	struct demo_person *people;
	size_t np;
	int rc = -1;
	/* the demo's six units in the order it made them (1 the root ... 6),
	 * whatever ids the database gave them */
	int64_t root = 0;
	struct stmt *st = db_prepare(db, "SELECT coalesce(min(id), 0) FROM unit", e);
	if (!st || db_one_int(st, &root, e) < 0) {
		arena_free(&a);
		return -1;
	}
	st = db_prepare(db, "SELECT id, unit_id - :root + 1 FROM person ORDER BY id", e);
	if (st)
		db_bind_int(st, ":root", root);
	if (st && db_collect(st, &a, sizeof *people, demo_person_row, (void **)&people, &np,
			     e) == 0 &&
	    demo_pulse(db, &a, "Quarterly pulse", day - 61, 0, root, people, np, e) == 0 &&
	    demo_pulse(db, &a, "Quarterly pulse (follow-up)", day - 30, 1, root, people, np, e) == 0)
		rc = 0;
	arena_free(&a);
	return rc;
}

int pulse_refuse_small(const struct pulse_results *r, struct err *e)
{
	if (!r->ng || r->g[0].shown)
		return 0;
	const struct pulse_group *g = &r->g[0];
	return err_set(e, ERR_FORBIDDEN, "unit_id",
		       "unit_id: %s's results are not shown, to keep answers anonymous: %lld of "
		       "%lld answered, and a group is shown from %lld answers (or when no other "
		       "group would reveal it)", g->unit, (long long)g->responded,
		       (long long)g->invited, (long long)r->pulse.min_group);
}
