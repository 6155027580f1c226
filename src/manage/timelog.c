/* timelog: see timelog.h. */
#include "manage/timelog.h"

#include <string.h>

#include "base/buf.h"
#include "base/json.h"
#include "manage/ledger.h"
#include "manage/step.h"
#include "org/person.h"
#include "org/unit.h"

const struct field time_fields[] = {
	{.name = "person_id", .type = FT_ID, .offset = offsetof(struct time_input, person_id),
	 .bit = TIME_PERSON, .required = 1, .help = "who worked"},
	{.name = "step_id", .type = FT_ID, .offset = offsetof(struct time_input, step_id),
	 .bit = TIME_STEP, .required = 1, .help = "on which step"},
	{.name = "day", .type = FT_DATE, .offset = offsetof(struct time_input, day),
	 .bit = TIME_DAY, .required = 1, .help = "the day, YYYY-MM-DD"},
	{.name = "minutes", .type = FT_INT, .offset = offsetof(struct time_input, minutes),
	 .bit = TIME_MINUTES, .min = 1, .max = 1440, .required = 1,
	 .help = "minutes worked, 1-1440"},
	{.name = "note", .type = FT_TEXT, .offset = offsetof(struct time_input, note),
	 .bit = TIME_NOTE, .max = 2000, .help = "what was done"},
	{.name = "activity", .type = FT_ENUM, .offset = offsetof(struct time_input, activity),
	 .bit = TIME_ACTIVITY, .choices = step_activities, .nullable = 1,
	 .help = "its activity class (default: the step's; none: the work itself)"},
	{0},
};

const struct field time_filter_fields[] = {
	{.name = "person_id", .type = FT_ID, .offset = offsetof(struct time_filter, person_id),
	 .bit = TF_PERSON, .help = "only this person's entries"},
	{.name = "step_id", .type = FT_ID, .offset = offsetof(struct time_filter, step_id),
	 .bit = TF_STEP, .help = "only entries on this step"},
	{.name = "plan_id", .type = FT_ID, .offset = offsetof(struct time_filter, plan_id),
	 .bit = TF_PLAN, .help = "only entries on this plan's steps"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct time_filter, unit_id),
	 .bit = TF_UNIT, .help = "only people of this unit and its subtree"},
	{.name = "from", .type = FT_DATE, .offset = offsetof(struct time_filter, from),
	 .bit = TF_FROM, .help = "from this day on"},
	{.name = "to", .type = FT_DATE, .offset = offsetof(struct time_filter, to),
	 .bit = TF_TO, .help = "up to this day, inclusive"},
	{.name = "limit", .type = FT_INT, .offset = offsetof(struct time_filter, limit),
	 .bit = TF_LIMIT, .min = 0, .max = 1000000000, .help = "at most this many"},
	{.name = "offset", .type = FT_INT, .offset = offsetof(struct time_filter, offset),
	 .bit = TF_OFFSET, .min = 0, .max = INT64_MAX, .help = "skip this many"},
	{0},
};

int time_log(struct db *db, const struct time_input *in, unsigned set, int64_t *id,
	     struct err *e)
{
	if (fields_require(time_fields, set, e))
		return -1;
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (person_must_exist(db, in->person_id, "person_id", e) ||
	    step_must_exist(db, in->step_id, "step_id", e))
		goto out;
	struct stmt *st = db_prepare(db,
		"SELECT coalesce(sum(minutes), 0) FROM time_entry "
		"WHERE person_id = :person AND day = :day", e);
	if (!st)
		goto out;
	db_bind_int(st, ":person", in->person_id);
	db_bind_text(st, ":day", in->day);
	int64_t already = 0;
	if (db_one_int(st, &already, e) < 0)
		goto out;
	if (already + in->minutes > 1440) {
		err_set(e, ERR_BAD_INPUT, "minutes",
			"minutes: person %lld already has %lld minutes on %s; at most %lld more "
			"fit in that day", (long long)in->person_id, (long long)already, in->day,
			(long long)(1440 - already));
		goto out;
	}
	/* the class and the cost as they are now: a later change of the
	 * step's class or the person's rate does not rewrite history */
	st = db_prepare(db,
		"INSERT INTO time_entry (person_id, step_id, day, minutes, note, activity, "
		"cost_cents) VALUES (:person, :step, :day, :minutes, :note, "
		"CASE WHEN :set_activity = 1 THEN :activity "
		"ELSE (SELECT activity FROM step WHERE id = :step) END, "
		"(:minutes * (SELECT rate_cents FROM person WHERE id = :person) + 30) / 60) "
		"RETURNING id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":person", in->person_id);
	db_bind_int(st, ":step", in->step_id);
	db_bind_text(st, ":day", in->day);
	db_bind_int(st, ":minutes", in->minutes);
	db_bind_text(st, ":note", (set & TIME_NOTE) ? in->note : "");
	int given = (set & TIME_ACTIVITY) != 0;
	db_bind_int(st, ":set_activity", given);
	db_bind_text(st, ":activity", given && in->activity && strcmp(in->activity, "none") != 0
					      ? in->activity : NULL);
	if (db_one_int(st, id, e) == 1)
		rc = 0;
	if (rc == 0) rc = ledger_time(db, *id, 1, e);
out:
	return db_end(db, rc, e);
}

#define TIME_SELECT                                                                \
	"SELECT t.id, t.person_id, p.name, t.step_id, s.name, s.plan_id, t.day, "   \
	"t.minutes, t.note, t.activity, t.cost_cents FROM time_entry t "            \
	"JOIN person p ON p.id = t.person_id "                                      \
	"JOIN step s ON s.id = t.step_id "

static void time_row(struct stmt *st, struct arena *a, void *item)
{
	struct time_entry *t = item;
	t->id = db_col_int(st, 0);
	t->person_id = db_col_int(st, 1);
	t->person_name = arena_strdup(a, db_col_text(st, 2));
	t->step_id = db_col_int(st, 3);
	t->step_name = arena_strdup(a, db_col_text(st, 4));
	t->plan_id = db_col_int(st, 5);
	t->day = arena_strdup(a, db_col_text(st, 6));
	t->minutes = db_col_int(st, 7);
	t->note = arena_strdup(a, db_col_text(st, 8));
	t->activity = arena_strdup(a, db_col_text(st, 9));
	t->cost_cents = db_col_int(st, 10);
}

int time_get(struct db *db, struct arena *a, int64_t id, struct time_entry *t,
	     struct err *e)
{
	struct stmt *st = db_prepare(db, TIME_SELECT "WHERE t.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		time_row(st, a, t);
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no time entry with id %lld",
			       (long long)id);
	return rc < 0 ? -1 : 0;
}

static struct stmt *filter_prepare(struct db *db, const char *select, const char *tail,
				   unsigned fset, const struct time_filter *f, struct err *e)
{
	struct buf sql = BUF_INIT;
	if (fset & TF_UNIT)
		buf_puts(&sql, UNIT_SUBTREE_CTE);
	buf_puts(&sql, select);
	buf_puts(&sql, "WHERE 1 = 1");
	if (fset & TF_PERSON)
		buf_puts(&sql, " AND t.person_id = :person");
	if (fset & TF_STEP)
		buf_puts(&sql, " AND t.step_id = :step");
	if (fset & TF_PLAN)
		buf_puts(&sql, " AND t.step_id IN (SELECT id FROM step WHERE plan_id = :plan)");
	if (fset & TF_UNIT)
		buf_puts(&sql, " AND t.person_id IN (SELECT id FROM person "
			       "WHERE unit_id IN (SELECT id FROM subtree))");
	if (fset & TF_FROM)
		buf_puts(&sql, " AND t.day >= :from");
	if (fset & TF_TO)
		buf_puts(&sql, " AND t.day <= :to");
	buf_puts(&sql, tail);
	struct stmt *st = NULL;
	if (sql.failed)
		err_set(e, ERR_INTERNAL, "", "out of memory");
	else
		st = db_prepare(db, buf_str(&sql), e);
	buf_free(&sql);
	if (!st)
		return NULL;
	if (fset & TF_PERSON)
		db_bind_int(st, ":person", f->person_id);
	if (fset & TF_STEP)
		db_bind_int(st, ":step", f->step_id);
	if (fset & TF_PLAN)
		db_bind_int(st, ":plan", f->plan_id);
	if (fset & TF_UNIT)
		db_bind_int(st, ":unit", f->unit_id);
	if (fset & TF_FROM)
		db_bind_text(st, ":from", f->from);
	if (fset & TF_TO)
		db_bind_text(st, ":to", f->to);
	return st;
}

int time_list(struct db *db, struct arena *a, const struct time_filter *f, unsigned fset,
	      struct time_entry **out, size_t *n, int64_t *total, struct err *e)
{
	/* the total and the rows from one snapshot */
	if (db_begin_read(db, e))
		return -1;
	unsigned where = fset & ~(unsigned)(TF_LIMIT | TF_OFFSET);
	struct stmt *st = filter_prepare(db, "SELECT coalesce(sum(t.minutes), 0) "
					 "FROM time_entry t ", "", where, f, e);
	if (!st || db_one_int(st, total, e) < 0)
		return db_end(db, -1, e);
	st = filter_prepare(db, TIME_SELECT, " ORDER BY t.day, t.id LIMIT :limit OFFSET :offset",
			    where, f, e);
	if (!st)
		return db_end(db, -1, e);
	db_bind_int(st, ":limit", (fset & TF_LIMIT) ? f->limit : DB_NO_LIMIT);
	db_bind_int(st, ":offset", (fset & TF_OFFSET) ? f->offset : 0);
	int rc = db_collect(st, a, sizeof **out, time_row, (void **)out, n, e);
	return db_end(db, rc, e);
}

int time_rm(struct db *db, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	if (ledger_time(db, id, -1, e)) return db_end(db, -1, e);
	int rc = db_run_id(db, "DELETE FROM time_entry WHERE id = :id RETURNING id", id, e);
	if (rc == 0)
		err_set(e, ERR_NOT_FOUND, "id", "no time entry with id %lld", (long long)id);
	return db_end(db, rc == 1 ? 0 : -1, e);
}

json_t *time_json(const struct time_entry *t)
{
	json_t *o = json_object();
	json_set_int(o, "id", t->id);
	json_set_int(o, "person_id", t->person_id);
	json_set_str(o, "person", t->person_name);
	json_set_int(o, "step_id", t->step_id);
	json_set_str(o, "step", t->step_name);
	json_set_int(o, "plan_id", t->plan_id);
	json_set_str(o, "day", t->day);
	json_set_int(o, "minutes", t->minutes);
	json_set_str(o, "note", t->note);
	json_set_str(o, "activity", t->activity);
	json_set_money(o, "cost", t->cost_cents);
	return o;
}
