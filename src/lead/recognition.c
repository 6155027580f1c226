/* recognition: see recognition.h. */
#include "lead/recognition.h"

#include <string.h>

#include "base/date.h"
#include "base/json.h"
#include "manage/step.h"
#include "org/person.h"
#include "org/unit.h"

#define REC_TEXT_FIELDS                                                                  \
	{.name = "to_id", .type = FT_ID, .offset = offsetof(struct recognition_input, to_id), \
	 .bit = REC_TO, .help = "the person recognized"},                                  \
	{.name = "team_id", .type = FT_ID,                                                 \
	 .offset = offsetof(struct recognition_input, team_id), .bit = REC_TEAM,           \
	 .help = "or the team (unit) recognized"},                                         \
	{.name = "value_id", .type = FT_ID,                                                \
	 .offset = offsetof(struct recognition_input, value_id), .bit = REC_VALUE,         \
	 .required = 1, .help = "the value it lived (see 'value list')"},                  \
	{.name = "message", .type = FT_TEXT,                                               \
	 .offset = offsetof(struct recognition_input, message), .bit = REC_MESSAGE,        \
	 .max = 2000, .required = 1, .help = "what they did, in a few words"},             \
	{.name = "strategy_id", .type = FT_ID,                                             \
	 .offset = offsetof(struct recognition_input, strategy_id), .bit = REC_STRATEGY,   \
	 .help = "the strategy it served"},                                                \
	{.name = "step_id", .type = FT_ID,                                                 \
	 .offset = offsetof(struct recognition_input, step_id), .bit = REC_STEP,           \
	 .help = "the plan step it served"},                                               \
	{.name = "day", .type = FT_DATE, .offset = offsetof(struct recognition_input, day), \
	 .bit = REC_DAY, .help = "the day, YYYY-MM-DD (today)"},                           \
	{.name = "win_id", .type = FT_ID, .offset = offsetof(struct recognition_input, win_id), \
	 .bit = REC_WIN, .help = "the change initiative's short-term win it celebrates"},

const struct field recognition_fields[] = {
	{.name = "from_id", .type = FT_ID, .offset = offsetof(struct recognition_input, from_id),
	 .bit = REC_FROM, .required = 1, .help = "who recognizes"},
	REC_TEXT_FIELDS
	{0},
};

const struct field recognition_api_fields[] = {
	REC_TEXT_FIELDS
	{0},
};

const struct field recognition_filter_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct recognition_filter, unit_id),
	 .bit = RF_UNIT, .help = "received in this unit and the units under it"},
	{.name = "person_id", .type = FT_ID,
	 .offset = offsetof(struct recognition_filter, person_id), .bit = RF_PERSON,
	 .help = "given or received by this person"},
	{.name = "from", .type = FT_DATE, .offset = offsetof(struct recognition_filter, from),
	 .bit = RF_FROM, .help = "on or after this day"},
	{.name = "to", .type = FT_DATE, .offset = offsetof(struct recognition_filter, to),
	 .bit = RF_TO, .help = "on or before this day"},
	{.name = "limit", .type = FT_INT, .offset = offsetof(struct recognition_filter, limit),
	 .bit = RF_LIMIT, .min = 0, .max = 1000000000, .help = "at most this many"},
	{.name = "offset", .type = FT_INT, .offset = offsetof(struct recognition_filter, offset),
	 .bit = RF_OFFSET, .min = 0, .max = INT64_MAX, .help = "skip this many"},
	{0},
};

static const char *const count_bys[] = {"unit", "person", NULL};

const struct field recognition_counts_fields[] = {
	{.name = "unit_id", .type = FT_ID,
	 .offset = offsetof(struct recognition_counts_q, unit_id), .bit = RCQ_UNIT,
	 .help = "recipients in this unit and the units under it"},
	{.name = "by", .type = FT_ENUM, .offset = offsetof(struct recognition_counts_q, by),
	 .bit = RCQ_BY, .choices = count_bys, .help = "unit (default) or person"},
	{.name = "months", .type = FT_INT, .offset = offsetof(struct recognition_counts_q, months),
	 .bit = RCQ_MONTHS, .min = 1, .max = 120, .help = "this many months up to today's (6)"},
	{.name = "person_id", .type = FT_ID,
	 .offset = offsetof(struct recognition_counts_q, person_id), .bit = RCQ_PERSON,
	 .help = "as whom: per-person counts show them and their direct reports"},
	{0},
};

/* 0 when a row with that id exists in table's query, else -1 naming field. */
static int must_exist(struct db *db, const char *sql, int64_t id, const char *field,
		      const char *what, struct err *e)
{
	int rc = db_run_id(db, sql, id, e);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, field, "%s: %s (no id %lld)", field, what,
			       (long long)id);
	return 0;
}

static int validate(struct db *db, const struct recognition_input *in, unsigned set,
		    struct err *e)
{
	int to = !!(set & REC_TO), team = !!(set & REC_TEAM);
	if (to == team)
		return err_set(e, ERR_BAD_INPUT, "to_id",
			       "to_id: recognize a person or a team (team_id), one of them");
	if (to && in->to_id == in->from_id)
		return err_set(e, ERR_BAD_INPUT, "to_id", "to_id: a recognition to oneself");
	if (person_must_exist(db, in->from_id, "from_id", e))
		return -1;
	if (to && person_must_exist(db, in->to_id, "to_id", e))
		return -1;
	if (team && unit_must_exist(db, in->team_id, "team_id", e))
		return -1;
	if (must_exist(db, "SELECT 1 FROM org_value WHERE id = :id", in->value_id, "value_id",
		       "an unknown value", e))
		return -1;
	if ((set & REC_STRATEGY) &&
	    must_exist(db, "SELECT 1 FROM strategy WHERE id = :id", in->strategy_id,
		       "strategy_id", "an unknown strategy", e))
		return -1;
	if ((set & REC_STEP) && step_must_exist(db, in->step_id, "step_id", e))
		return -1;
	if ((set & REC_WIN) &&
	    must_exist(db, "SELECT 1 FROM win WHERE id = :id", in->win_id, "win_id",
		       "an unknown win", e))
		return -1;
	return 0;
}

int recognition_add(struct db *db, const struct recognition_input *in, unsigned set,
		    int64_t *id, struct err *e)
{
	if (fields_require(recognition_fields, set, e))
		return -1;
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (validate(db, in, set, e))
		goto out;
	char today[11];
	date_format(date_today(), today);
	struct stmt *st = db_prepare(db,
		"INSERT INTO recognition (from_id, to_person_id, to_unit_id, message, value_id, "
		"strategy_id, step_id, day, win_id) VALUES (:from, :to, :team, :msg, :value, "
		":strategy, :step, :day, :win) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":from", in->from_id);
	db_bind_id(st, ":to", (set & REC_TO) ? in->to_id : 0);
	db_bind_id(st, ":team", (set & REC_TEAM) ? in->team_id : 0);
	db_bind_text(st, ":msg", in->message);
	db_bind_int(st, ":value", in->value_id);
	db_bind_id(st, ":strategy", (set & REC_STRATEGY) ? in->strategy_id : 0);
	db_bind_id(st, ":step", (set & REC_STEP) ? in->step_id : 0);
	db_bind_text(st, ":day", (set & REC_DAY) ? in->day : today);
	db_bind_id(st, ":win", (set & REC_WIN) ? in->win_id : 0);
	if (db_one_int(st, id, e) == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

#define REC_SELECT                                                                        \
	"SELECT r.id, r.from_id, fp.name, r.to_person_id, r.to_unit_id, "                 \
	"coalesce(tp.name, tu.name), r.value_id, v.name, r.message, r.strategy_id, "      \
	"r.step_id, r.day, r.win_id FROM recognition r JOIN person fp ON fp.id = r.from_id " \
	"LEFT JOIN person tp ON tp.id = r.to_person_id "                                  \
	"LEFT JOIN unit tu ON tu.id = r.to_unit_id JOIN org_value v ON v.id = r.value_id "

static void rec_row(struct stmt *st, struct arena *a, void *item)
{
	struct recognition *r = item;
	r->id = db_col_int(st, 0);
	r->from_id = db_col_int(st, 1);
	r->from_name = arena_strdup(a, db_col_text(st, 2));
	r->to_person_id = db_col_int(st, 3);
	r->to_unit_id = db_col_int(st, 4);
	r->to_name = arena_strdup(a, db_col_text(st, 5));
	r->value_id = db_col_int(st, 6);
	r->value_name = arena_strdup(a, db_col_text(st, 7));
	r->message = arena_strdup(a, db_col_text(st, 8));
	r->strategy_id = db_col_int(st, 9);
	r->step_id = db_col_int(st, 10);
	r->day = arena_strdup(a, db_col_text(st, 11));
	r->win_id = db_col_int(st, 12);
}

int recognition_get(struct db *db, struct arena *a, int64_t id, struct recognition *r,
		    struct err *e)
{
	struct stmt *st = db_prepare(db, REC_SELECT "WHERE r.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		rec_row(st, a, r);
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no recognition with id %lld",
			       (long long)id);
	return rc < 0 ? -1 : 0;
}

int recognition_list(struct db *db, struct arena *a, const struct recognition_filter *f,
		     unsigned fset, struct recognition **out, size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE REC_SELECT
		"WHERE (:all_units = 1 OR coalesce(r.to_unit_id, tp.unit_id) IN "
		"(SELECT id FROM subtree)) "
		"AND (:all_people = 1 OR r.from_id = :person OR r.to_person_id = :person) "
		"AND (:no_from = 1 OR r.day >= :from) AND (:no_to = 1 OR r.day <= :to) "
		"ORDER BY r.day DESC, r.id DESC LIMIT :limit OFFSET :offset", e);
	if (!st)
		return -1;
	db_bind_int(st, ":all_units", !(fset & RF_UNIT));
	db_bind_int(st, ":unit", (fset & RF_UNIT) ? f->unit_id : 0);
	db_bind_int(st, ":all_people", !(fset & RF_PERSON));
	db_bind_int(st, ":person", (fset & RF_PERSON) ? f->person_id : 0);
	db_bind_int(st, ":no_from", !(fset & RF_FROM));
	db_bind_text(st, ":from", (fset & RF_FROM) ? f->from : "");
	db_bind_int(st, ":no_to", !(fset & RF_TO));
	db_bind_text(st, ":to", (fset & RF_TO) ? f->to : "");
	db_bind_int(st, ":limit", (fset & RF_LIMIT) ? f->limit : DB_NO_LIMIT);
	db_bind_int(st, ":offset", (fset & RF_OFFSET) ? f->offset : 0);
	return db_collect(st, a, sizeof **out, rec_row, (void **)out, n, e);
}

int recognition_rm(struct db *db, int64_t id, int64_t by_person, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	int64_t from = 0;
	struct stmt *st = db_prepare(db, "SELECT from_id FROM recognition WHERE id = :id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", id);
	int got = db_one_int(st, &from, e);
	if (got < 0)
		goto out;
	if (got == 0) {
		err_set(e, ERR_NOT_FOUND, "id", "no recognition with id %lld", (long long)id);
		goto out;
	}
	if (by_person && by_person != from) {
		err_set(e, ERR_FORBIDDEN, "id",
			"only the giver or an admin removes a recognition");
		goto out;
	}
	if (db_run_id(db, "DELETE FROM recognition WHERE id = :id", id, e) == 0)
		rc = 0;
out:
	return db_end(db, rc, e);
}

int recognition_leaderboard(struct db *db, struct err *e)
{
	struct stmt *st = db_prepare(db,
		"SELECT 1 FROM setting WHERE key = 'recognition.leaderboard' AND value = '1'", e);
	if (!st)
		return -1;
	int64_t v = 0;
	int rc = db_one_int(st, &v, e);
	return rc < 0 ? -1 : rc;
}

static void count_row(struct stmt *st, struct arena *a, void *item)
{
	struct recognition_count *c = item;
	c->month = arena_strdup(a, db_col_text(st, 0));
	c->key_id = db_col_int(st, 1);
	c->key_name = arena_strdup(a, db_col_text(st, 2));
	c->count = db_col_int(st, 3);
}

int recognition_counts(struct db *db, struct arena *a, const struct recognition_counts_q *q,
		       unsigned qset, int64_t viewer, int32_t today,
		       struct recognition_count **out, size_t *n, struct err *e)
{
	int by_person = (qset & RCQ_BY) && strcmp(q->by, "person") == 0;
	int64_t months = (qset & RCQ_MONTHS) ? q->months : 6;
	int all_people = 1;
	if (by_person) {
		int lb = recognition_leaderboard(db, e);
		if (lb < 0)
			return -1;
		if (!lb && !viewer)
			return err_set(e, ERR_BAD_INPUT, "by",
				       "by: per-person counts are shown only to that person and "
				       "their manager (give person_id), unless the setting "
				       "recognition.leaderboard is 1");
		all_people = lb;
	}
	/* the first day of the month months-1 before today's */
	int y, m, d;
	date_to_ymd(today, &y, &m, &d);
	int64_t idx = (int64_t)y * 12 + (m - 1) - (months - 1);
	char since[11], until[11];
	date_format(date_from_ymd((int)(idx / 12), (int)(idx % 12) + 1, 1), since);
	date_format(today, until);
	const char *sql = by_person
		? UNIT_SUBTREE_CTE
		  "SELECT substr(r.day, 1, 7), tp.id, tp.name, count(*) FROM recognition r "
		  "JOIN person tp ON tp.id = r.to_person_id "
		  "WHERE r.day >= :since AND r.day <= :until "
		  "AND (:all_units = 1 OR tp.unit_id IN (SELECT id FROM subtree)) "
		  "AND (:all_people = 1 OR tp.id = :viewer OR tp.manager_id = :viewer) "
		  "GROUP BY substr(r.day, 1, 7), tp.id, tp.name ORDER BY 1, 4 DESC, 3, 2"
		: UNIT_SUBTREE_CTE
		  "SELECT substr(r.day, 1, 7), u.id, u.name, count(*) FROM recognition r "
		  "LEFT JOIN person tp ON tp.id = r.to_person_id "
		  "JOIN unit u ON u.id = coalesce(r.to_unit_id, tp.unit_id) "
		  "WHERE r.day >= :since AND r.day <= :until "
		  "AND (:all_units = 1 OR u.id IN (SELECT id FROM subtree)) "
		  "GROUP BY substr(r.day, 1, 7), u.id, u.name ORDER BY 1, 3, 2";
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	db_bind_int(st, ":all_units", !(qset & RCQ_UNIT));
	db_bind_int(st, ":unit", (qset & RCQ_UNIT) ? q->unit_id : 0);
	if (by_person) {
		db_bind_int(st, ":all_people", all_people);
		db_bind_int(st, ":viewer", viewer);
	}
	db_bind_text(st, ":since", since);
	db_bind_text(st, ":until", until);
	return db_collect(st, a, sizeof **out, count_row, (void **)out, n, e);
}

static void value_row(struct stmt *st, struct arena *a, void *item)
{
	struct recognition_value *v = item;
	v->id = db_col_int(st, 0);
	v->name = arena_strdup(a, db_col_text(st, 1));
}

int recognition_values(struct db *db, struct arena *a, struct recognition_value **out,
		       size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db,
		"SELECT id, name FROM org_value ORDER BY position, id", e);
	if (!st)
		return -1;
	return db_collect(st, a, sizeof **out, value_row, (void **)out, n, e);
}

json_t *recognition_json(const struct recognition *r)
{
	json_t *o = json_object();
	json_set_int(o, "id", r->id);
	json_set_int(o, "from_id", r->from_id);
	json_set_str(o, "from_name", r->from_name);
	json_set_id(o, "to_id", r->to_person_id);
	json_set_id(o, "team_id", r->to_unit_id);
	json_set_str(o, "to_name", r->to_name);
	json_set_int(o, "value_id", r->value_id);
	json_set_str(o, "value", r->value_name);
	json_set_str(o, "message", r->message);
	json_set_id(o, "strategy_id", r->strategy_id);
	json_set_id(o, "step_id", r->step_id);
	json_set_str(o, "day", r->day);
	json_set_id(o, "win_id", r->win_id);
	return o;
}

json_t *recognition_count_json(const struct recognition_count *c)
{
	json_t *o = json_object();
	json_set_str(o, "month", c->month);
	json_set_int(o, "id", c->key_id);
	json_set_str(o, "name", c->key_name);
	json_set_int(o, "count", c->count);
	return o;
}
