/* target: see target.h. */
#include "manage/target.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/json.h"
#include "manage/plan.h"
#include "org/person.h"
#include "org/unit.h"

enum { VALUE_MAX = 100000000000000 }; /* 10^12 units, x100 */

const struct field target_fields[] = {
    {.name = "name",
     .type = FT_TEXT,
     .offset = offsetof(struct target_input, name),
     .bit = TG_NAME,
     .max = 200,
     .required = 1,
     .help = "the metric"},
    {.name = "measure",
     .type = FT_TEXT,
     .offset = offsetof(struct target_input, measure),
     .bit = TG_MEASURE,
     .max = 40,
     .help = "its unit of measure: %, days, k EUR..."},
    {.name = "baseline",
     .type = FT_DECIMAL,
     .offset = offsetof(struct target_input, baseline),
     .bit = TG_BASELINE,
     .min = -VALUE_MAX,
     .max = VALUE_MAX,
     .required = 1,
     .help = "the value at the start"},
    {.name = "goal",
     .type = FT_DECIMAL,
     .offset = offsetof(struct target_input, goal),
     .bit = TG_GOAL,
     .min = -VALUE_MAX,
     .max = VALUE_MAX,
     .required = 1,
     .help = "the value to reach by the end (above or below the baseline)"},
    {.name = "from",
     .type = FT_DATE,
     .offset = offsetof(struct target_input, from),
     .bit = TG_FROM,
     .required = 1,
     .help = "the first day of the period"},
    {.name = "to",
     .type = FT_DATE,
     .offset = offsetof(struct target_input, to),
     .bit = TG_TO,
     .required = 1,
     .help = "the last day of the period"},
    {.name = "unit_id",
     .type = FT_ID,
     .offset = offsetof(struct target_input, unit_id),
     .bit = TG_UNIT,
     .required = 1,
     .help = "the unit that owns the target"},
    {.name = "owner_id",
     .type = FT_ID,
     .offset = offsetof(struct target_input, owner_id),
     .bit = TG_OWNER,
     .nullable = 1,
     .help = "the person answering for it (none)"},
    {0},
};

const struct field target_filter_fields[] = {
    {.name = "unit_id",
     .type = FT_ID,
     .offset = offsetof(struct target_filter, unit_id),
     .bit = TGF_UNIT,
     .help = "only targets of this unit and the units under it"},
    {.name = "as_of",
     .type = FT_DATE,
     .offset = offsetof(struct target_filter, as_of),
     .bit = TGF_AS_OF,
     .help = "the status as of this day (default today)"},
    {.name = "limit",
     .type = FT_INT,
     .offset = offsetof(struct target_filter, limit),
     .bit = TGF_LIMIT,
     .min = 0,
     .max = 1000000000,
     .help = "at most this many"},
    {.name = "offset",
     .type = FT_INT,
     .offset = offsetof(struct target_filter, offset),
     .bit = TGF_OFFSET,
     .min = 0,
     .max = INT64_MAX,
     .help = "skip this many"},
    {0},
};

const struct field target_as_of_fields[] = {
    {.name = "as_of",
     .type = FT_DATE,
     .offset = offsetof(struct target_filter, as_of),
     .bit = TGF_AS_OF,
     .help = "the status as of this day (default today)"},
    {0},
};

const struct field target_value_fields[] = {
    {.name = "value",
     .type = FT_DECIMAL,
     .offset = offsetof(struct target_value_input, value),
     .bit = TV_VALUE,
     .min = -VALUE_MAX,
     .max = VALUE_MAX,
     .required = 1,
     .help = "the value measured"},
    {.name = "day",
     .type = FT_DATE,
     .offset = offsetof(struct target_value_input, day),
     .bit = TV_DAY,
     .help = "the day it was measured, within the period (default today)"},
    {.name = "note",
     .type = FT_TEXT,
     .offset = offsetof(struct target_value_input, note),
     .bit = TV_NOTE,
     .max = 500,
     .help = "where the value comes from"},
    {0},
};

const struct field target_plan_fields[] = {
    {.name = "plan_id",
     .type = FT_ID,
     .offset = offsetof(struct target_plan_input, plan_id),
     .bit = TP_PLAN,
     .required = 1,
     .help = "the plan"},
    {0},
};

/* --- the status ------------------------------------------------------------ */

/* n / d rounded half away from zero (d != 0). */
static int64_t div_round(int64_t n, int64_t d)
{
	if (d < 0) {
		n = -n;
		d = -d;
	}
	return n >= 0 ? (n + d / 2) / d : -((-n + d / 2) / d);
}

void target_state_compute(struct target_state *s, int32_t from, int32_t to, int32_t as_of)
{
	if (as_of <= from)
		s->expected_x100 = as_of >= to ? 10000 : 0;
	else if (as_of >= to)
		s->expected_x100 = 10000;
	else
		s->expected_x100 = div_round((int64_t)(as_of - from) * 10000, to - from);
	s->progress_x100 = 0;
	if (!s->has_current) {
		s->status = "no data";
		return;
	}
	if (s->goal != s->baseline)
		s->progress_x100 =
		    div_round((s->current - s->baseline) * 10000, s->goal - s->baseline);
	if (s->progress_x100 >= 10000)
		s->status = "achieved";
	else if (s->progress_x100 * 100 < s->expected_x100 * s->tolerance)
		s->status = "off track";
	else
		s->status = "on track";
}

int target_tolerance(struct db *db, int64_t unit_id, int64_t *pct, struct err *e)
{
	*pct = 80;
	struct stmt *st = db_prepare(
	    db,
	    "WITH RECURSIVE up(id, depth) AS (SELECT id, 0 FROM unit WHERE id = :unit "
	    "UNION ALL SELECT u.parent_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.id "
	    "WHERE u.parent_id IS NOT NULL) "
	    "SELECT t.value FROM tolerance t JOIN up ON up.id = t.unit_id "
	    "WHERE t.rule = 'target' ORDER BY up.depth LIMIT 1",
	    e);
	if (!st)
		return -1;
	db_bind_int(st, ":unit", unit_id);
	int rc = db_one_int(st, pct, e);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	*pct = 80;
	st = db_prepare(db, "SELECT value FROM setting WHERE key = 'tolerance.target'", e);
	if (!st)
		return -1;
	rc = db_step(st, e);
	if (rc == 1) {
		int64_t v;
		if (field_parse_int(db_col_text(st, 0), &v) == 0 && v >= 0 && v <= 1000)
			*pct = v;
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/* --- reading ----------------------------------------------------------------- */

#define TARGET_SELECT                                                                              \
	"SELECT t.id, t.name, t.measure, t.baseline, t.goal, t.period_from, t.period_to, "         \
	"t.unit_id, u.name, t.owner_id, p.name, "                                                  \
	"(SELECT count(*) FROM plan_target pt WHERE pt.target_id = t.id), "                        \
	"(SELECT v.value FROM target_value v WHERE v.target_id = t.id AND v.day <= :as_of "        \
	"ORDER BY v.day DESC, v.id DESC LIMIT 1), "                                                \
	"(SELECT v.day FROM target_value v WHERE v.target_id = t.id AND v.day <= :as_of "          \
	"ORDER BY v.day DESC, v.id DESC LIMIT 1) "                                                 \
	"FROM target t JOIN unit u ON u.id = t.unit_id "                                           \
	"LEFT JOIN person p ON p.id = t.owner_id "

static void target_row(struct stmt *st, struct arena *a, void *item)
{
	struct target *t = item;
	memset(t, 0, sizeof *t);
	t->id = db_col_int(st, 0);
	t->name = arena_strdup(a, db_col_text(st, 1));
	t->measure = arena_strdup(a, db_col_text(st, 2) ? db_col_text(st, 2) : "");
	t->baseline = db_col_int(st, 3);
	t->goal = db_col_int(st, 4);
	t->from = arena_strdup(a, db_col_text(st, 5));
	t->to = arena_strdup(a, db_col_text(st, 6));
	t->unit_id = db_col_int(st, 7);
	t->unit = arena_strdup(a, db_col_text(st, 8));
	t->owner_id = db_col_is_null(st, 9) ? 0 : db_col_int(st, 9);
	t->owner = db_col_text(st, 10) ? arena_strdup(a, db_col_text(st, 10)) : NULL;
	t->nplans = db_col_int(st, 11);
	t->st.baseline = t->baseline;
	t->st.goal = t->goal;
	t->st.has_current = !db_col_is_null(st, 12);
	t->st.current = t->st.has_current ? db_col_int(st, 12) : 0;
	t->st.current_day = t->st.has_current ? arena_strdup(a, db_col_text(st, 13)) : NULL;
}

/* Tolerance and status of each of v[0..n) as of as_of; one tolerance
 * query per unit. */
static int finish_states(struct db *db, struct target *v, size_t n, int32_t as_of, struct err *e)
{
	for (size_t i = 0; i < n; i++) {
		int64_t tol = -1;
		for (size_t k = 0; k < i; k++)
			if (v[k].unit_id == v[i].unit_id)
				tol = v[k].st.tolerance;
		if (tol < 0 && target_tolerance(db, v[i].unit_id, &tol, e))
			return -1;
		v[i].st.tolerance = tol;
		int32_t from = 0, to = 0;
		date_parse(v[i].from, &from);
		date_parse(v[i].to, &to);
		target_state_compute(&v[i].st, from, to, as_of);
	}
	return 0;
}

static int not_found(int64_t id, struct err *e)
{
	return err_set(e, ERR_NOT_FOUND, "id", "no target with id %lld", (long long)id);
}

int target_get(struct db *db, struct arena *a, int64_t id, int32_t as_of, struct target *t,
               struct err *e)
{
	struct stmt *st = db_prepare(db, TARGET_SELECT "WHERE t.id = :id", e);
	if (!st)
		return -1;
	char day[11];
	date_format(as_of, day);
	db_bind_text(st, ":as_of", day);
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		target_row(st, a, t);
	db_done(st);
	if (rc == 0)
		return not_found(id, e);
	if (rc < 0)
		return -1;
	return finish_states(db, t, 1, as_of, e);
}

int target_status(struct db *db, struct arena *a, int64_t target_id, int32_t as_of,
                  struct target_state *out, struct err *e)
{
	struct target t;
	if (target_get(db, a, target_id, as_of, &t, e))
		return -1;
	*out = t.st;
	return 0;
}

int target_list(struct db *db, struct arena *a, const struct target_filter *f, unsigned fset,
                struct target **out, size_t *n, struct err *e)
{
	int32_t as_of = date_today();
	if ((fset & TGF_AS_OF) && f->as_of && date_parse(f->as_of, &as_of))
		return err_set(e, ERR_BAD_INPUT, "as_of", "as_of: must be a date as YYYY-MM-DD");
	struct stmt *st =
	    db_prepare(db,
	               UNIT_SUBTREE_CTE TARGET_SELECT
	               "WHERE (:all_units = 1 OR t.unit_id IN (SELECT id FROM subtree)) "
	               "ORDER BY t.id LIMIT :limit OFFSET :offset",
	               e);
	if (!st)
		return -1;
	char day[11];
	date_format(as_of, day);
	db_bind_text(st, ":as_of", day);
	db_bind_int(st, ":all_units", !(fset & TGF_UNIT));
	db_bind_int(st, ":unit", (fset & TGF_UNIT) ? f->unit_id : 0);
	db_bind_int(st, ":limit", (fset & TGF_LIMIT) ? f->limit : DB_NO_LIMIT);
	db_bind_int(st, ":offset", (fset & TGF_OFFSET) ? f->offset : 0);
	if (db_collect(st, a, sizeof **out, target_row, (void **)out, n, e))
		return -1;
	return finish_states(db, *out, *n, as_of, e);
}

/* --- writing ----------------------------------------------------------------- */

/* The rules a whole target obeys, on the merged values. */
static int check_target(struct db *db, const struct target_input *in, struct err *e)
{
	int32_t from, to;
	if (in->goal == in->baseline)
		return err_set(e, ERR_BAD_INPUT, "goal",
		               "goal: must differ from the baseline, or "
		               "there is nothing to reach");
	if (date_parse(in->from, &from) || date_parse(in->to, &to))
		return err_set(e, ERR_BAD_INPUT, "from", "from: must be a date as YYYY-MM-DD");
	if (to < from)
		return err_set(e, ERR_BAD_INPUT, "to",
		               "to: the period ends (%s) before it starts "
		               "(%s)",
		               in->to, in->from);
	if (unit_must_exist(db, in->unit_id, "unit_id", e))
		return -1;
	if (in->owner_id && person_must_exist(db, in->owner_id, "owner_id", e))
		return -1;
	return 0;
}

int target_add(struct db *db, const struct target_input *in, unsigned set, int64_t *id,
               struct err *e)
{
	if (fields_require(target_fields, set, e))
		return -1;
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	struct target_input v = *in;
	if (!(set & TG_MEASURE))
		v.measure = "";
	if (!(set & TG_OWNER))
		v.owner_id = 0;
	if (check_target(db, &v, e))
		goto out;
	struct stmt *st = db_prepare(
	    db,
	    "INSERT INTO target (name, measure, baseline, goal, period_from, period_to, "
	    "unit_id, owner_id) VALUES (:name, :measure, :baseline, :goal, :from, :to, :unit, "
	    ":owner) RETURNING id",
	    e);
	if (!st)
		goto out;
	db_bind_text(st, ":name", v.name);
	db_bind_text(st, ":measure", v.measure);
	db_bind_int(st, ":baseline", v.baseline);
	db_bind_int(st, ":goal", v.goal);
	db_bind_text(st, ":from", v.from);
	db_bind_text(st, ":to", v.to);
	db_bind_int(st, ":unit", v.unit_id);
	db_bind_id(st, ":owner", v.owner_id);
	if (db_one_int(st, id, e) == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

int target_set(struct db *db, int64_t id, const struct target_input *in, unsigned set,
               struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	struct arena a = {0};
	struct target t;
	if (target_get(db, &a, id, date_today(), &t, e))
		goto out;
	struct target_input v = {
	    .name = set & TG_NAME ? in->name : t.name,
	    .measure = set & TG_MEASURE ? in->measure : t.measure,
	    .baseline = set & TG_BASELINE ? in->baseline : t.baseline,
	    .goal = set & TG_GOAL ? in->goal : t.goal,
	    .from = set & TG_FROM ? in->from : t.from,
	    .to = set & TG_TO ? in->to : t.to,
	    .unit_id = set & TG_UNIT ? in->unit_id : t.unit_id,
	    .owner_id = set & TG_OWNER ? in->owner_id : t.owner_id,
	};
	if (check_target(db, &v, e))
		goto out;
	struct stmt *st =
	    db_prepare(db,
	               "UPDATE target SET name = :name, measure = :measure, baseline = :baseline, "
	               "goal = :goal, period_from = :from, period_to = :to, unit_id = :unit, "
	               "owner_id = :owner WHERE id = :id",
	               e);
	if (!st)
		goto out;
	db_bind_text(st, ":name", v.name);
	db_bind_text(st, ":measure", v.measure ? v.measure : "");
	db_bind_int(st, ":baseline", v.baseline);
	db_bind_int(st, ":goal", v.goal);
	db_bind_text(st, ":from", v.from);
	db_bind_text(st, ":to", v.to);
	db_bind_int(st, ":unit", v.unit_id);
	db_bind_id(st, ":owner", v.owner_id);
	db_bind_int(st, ":id", id);
	if (db_step(st, e) >= 0)
		rc = 0;
	db_done(st);
out:
	arena_free(&a);
	return db_end(db, rc, e);
}

int target_rm(struct db *db, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = db_run_id(db, "SELECT 1 FROM target WHERE id = :id", id, e);
	if (rc == 0)
		rc = not_found(id, e);
	/* the cascades, said out loud: SQLite enforces them only when told */
	if (rc == 1)
		rc = db_run_id(db, "DELETE FROM target_value WHERE target_id = :id", id, e);
	if (rc >= 0)
		rc = db_run_id(db, "DELETE FROM plan_target WHERE target_id = :id", id, e);
	if (rc >= 0)
		rc = db_run_id(db, "DELETE FROM target WHERE id = :id", id, e);
	return db_end(db, rc >= 0 ? 0 : -1, e);
}

int target_record(struct db *db, int64_t id, const struct target_value_input *in, unsigned set,
                  int64_t *value_id, struct err *e)
{
	if (fields_require(target_value_fields, set, e))
		return -1;
	char today[11];
	date_format(date_today(), today);
	const char *day = (set & TV_DAY) && in->day ? in->day : today;
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	struct arena a = {0};
	struct target t;
	if (target_get(db, &a, id, date_today(), &t, e))
		goto out;
	if (strcmp(day, t.from) < 0 || strcmp(day, t.to) > 0) {
		err_set(e, ERR_BAD_INPUT, "day", "day: %s is outside the target's period, %s to %s",
		        day, t.from, t.to);
		goto out;
	}
	struct stmt *st = db_prepare(db,
	                             "INSERT INTO target_value (target_id, day, value, note) "
	                             "VALUES (:id, :day, :value, :note) RETURNING id",
	                             e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", id);
	db_bind_text(st, ":day", day);
	db_bind_int(st, ":value", in->value);
	db_bind_text(st, ":note", (set & TV_NOTE) && in->note ? in->note : "");
	if (db_one_int(st, value_id, e) == 1)
		rc = 0;
out:
	arena_free(&a);
	return db_end(db, rc, e);
}

static void value_row(struct stmt *st, struct arena *a, void *item)
{
	struct target_value *v = item;
	v->id = db_col_int(st, 0);
	v->day = arena_strdup(a, db_col_text(st, 1));
	v->value = db_col_int(st, 2);
	v->note = arena_strdup(a, db_col_text(st, 3) ? db_col_text(st, 3) : "");
}

int target_values(struct db *db, struct arena *a, int64_t id, struct target_value **out, size_t *n,
                  struct err *e)
{
	struct stmt *st = db_prepare(db,
	                             "SELECT id, day, value, note FROM target_value "
	                             "WHERE target_id = :id ORDER BY day, id",
	                             e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	return db_collect(st, a, sizeof **out, value_row, (void **)out, n, e);
}

int target_link(struct db *db, int64_t id, int64_t plan_id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = db_run_id(db, "SELECT 1 FROM target WHERE id = :id", id, e);
	if (rc == 0)
		rc = not_found(id, e);
	if (rc == 1)
		rc = plan_must_exist(db, plan_id, "plan_id", e);
	struct stmt *st = NULL;
	if (rc == 0) {
		st = db_prepare(db,
		                "SELECT count(*) FROM plan_target WHERE target_id = :t "
		                "AND plan_id = :p",
		                e);
		rc = -1;
	}
	if (st) {
		db_bind_int(st, ":t", id);
		db_bind_int(st, ":p", plan_id);
		int64_t k = 0;
		if (db_one_int(st, &k, e) == 1)
			rc = k ? err_set(e, ERR_CONFLICT, "plan_id",
			                 "plan_id: plan %lld already "
			                 "serves target %lld",
			                 (long long)plan_id, (long long)id)
			       : 0;
	}
	if (rc == 0) {
		st = db_prepare(db, "INSERT INTO plan_target (plan_id, target_id) VALUES (:p, :t)",
		                e);
		rc = -1;
		if (st) {
			db_bind_int(st, ":t", id);
			db_bind_int(st, ":p", plan_id);
			if (db_step(st, e) >= 0)
				rc = 0;
			db_done(st);
		}
	}
	return db_end(db, rc, e);
}

int target_unlink(struct db *db, int64_t id, int64_t plan_id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = db_run_id(db, "SELECT 1 FROM target WHERE id = :id", id, e);
	if (rc == 0)
		rc = not_found(id, e);
	struct stmt *st = NULL;
	if (rc == 1) {
		st = db_prepare(db,
		                "DELETE FROM plan_target WHERE target_id = :t AND plan_id = :p "
		                "RETURNING plan_id",
		                e);
		rc = -1;
	}
	if (st) {
		db_bind_int(st, ":t", id);
		db_bind_int(st, ":p", plan_id);
		int r = db_step(st, e);
		db_done(st);
		if (r == 0)
			err_set(e, ERR_NOT_FOUND, "plan_id",
			        "plan_id: plan %lld does not serve "
			        "target %lld",
			        (long long)plan_id, (long long)id);
		rc = r == 1 ? 0 : -1;
	}
	return db_end(db, rc, e);
}

static void plan_row(struct stmt *st, struct arena *a, void *item)
{
	struct target_plan *p = item;
	p->id = db_col_int(st, 0);
	p->name = arena_strdup(a, db_col_text(st, 1));
}

int target_plans(struct db *db, struct arena *a, int64_t id, struct target_plan **out, size_t *n,
                 struct err *e)
{
	struct stmt *st = db_prepare(db,
	                             "SELECT p.id, p.name FROM plan_target pt "
	                             "JOIN plan p ON p.id = pt.plan_id WHERE pt.target_id = :id "
	                             "ORDER BY p.id",
	                             e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	return db_collect(st, a, sizeof **out, plan_row, (void **)out, n, e);
}

const char *target_decimal(struct arena *a, int64_t x100)
{
	const char *sign = x100 < 0 ? "-" : "";
	uint64_t u = x100 < 0 ? 0 - (uint64_t)x100 : (uint64_t)x100;
	if (u % 100 == 0)
		return arena_printf(a, "%s%llu", sign, (unsigned long long)(u / 100));
	return arena_printf(a, "%s%llu.%02llu", sign, (unsigned long long)(u / 100),
	                    (unsigned long long)(u % 100));
}

/* --- JSON -------------------------------------------------------------------- */

json_t *target_json(const struct target *t)
{
	json_t *o = json_object();
	json_set_int(o, "id", t->id);
	json_set_str(o, "name", t->name);
	json_set_str(o, "measure", t->measure);
	json_set_decimal(o, "baseline", t->baseline);
	json_set_decimal(o, "goal", t->goal);
	json_set_str(o, "from", t->from);
	json_set_str(o, "to", t->to);
	json_set_int(o, "unit_id", t->unit_id);
	json_set_str(o, "unit", t->unit);
	json_set_id(o, "owner_id", t->owner_id);
	if (t->owner)
		json_set_str(o, "owner", t->owner);
	else
		json_object_set_new(o, "owner", json_null());
	json_set_int(o, "plan_count", t->nplans);
	if (t->st.has_current) {
		json_set_decimal(o, "current", t->st.current);
		json_set_str(o, "current_day", t->st.current_day);
		json_set_decimal(o, "progress", t->st.progress_x100);
	} else {
		json_object_set_new(o, "current", json_null());
		json_object_set_new(o, "current_day", json_null());
		json_object_set_new(o, "progress", json_null());
	}
	json_set_decimal(o, "expected", t->st.expected_x100);
	json_set_int(o, "tolerance", t->st.tolerance);
	json_set_str(o, "status", t->st.status);
	return o;
}

json_t *target_value_json(const struct target_value *v)
{
	json_t *o = json_object();
	json_set_int(o, "id", v->id);
	json_set_str(o, "day", v->day);
	json_set_decimal(o, "value", v->value);
	json_set_str(o, "note", v->note);
	return o;
}

/* --- the demo ---------------------------------------------------------------- */

/* The demo's targets: a metric in a unit (by name), its baseline and
 * goal, how fast it moves against the expected pace (1 = exactly on the
 * line), how many values it has, and the unit whose first plan serves
 * it (NULL: no plan does). */
static const struct demo_target {
	const char *name, *measure, *unit;
	int64_t baseline, goal; /* x100 */
	int pace_pct;
	int nvalues;
	const char *plan_unit;
} demo_targets[] = {
    {"Customer churn", "%", "Sales", 800, 500, 102, 6, "Sales"},
    {"Release lead time", "days", "Engineering", 2100, 1000, 55, 7, "Engineering"},
    {"Net revenue", "k EUR", "Northwind Ltd", 120000, 150000, 98, 8, "Sales"},
    {"On-time deliveries", "%", "Logistics", 8800, 9600, 160, 5, "Logistics"},
    {"Onboarding time", "days", "Operations", 1500, 900, 92, 4, NULL},
};

/* The id a query with :v bound to text gives, 0 for none. */
static int64_t demo_id(struct db *db, const char *sql, const char *v, int64_t n, struct err *e)
{
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	if (v)
		db_bind_text(st, ":v", v);
	else
		db_bind_int(st, ":v", n);
	int64_t id = 0;
	int rc = db_one_int(st, &id, e);
	return rc < 0 ? -1 : rc == 0 ? 0 : id;
}

int target_demo(struct db *db, const char *today, struct err *e)
{
	int32_t t0;
	if (date_parse(today, &t0))
		return err_set(e, ERR_BAD_INPUT, "today", "today: must be a date as YYYY-MM-DD");
	int y, m, d;
	date_to_ymd(t0, &y, &m, &d);
	/* public holidays of a Western calendar around today's year */
	static const struct {
		int month, day;
		const char *name;
	} hols[] = {{1, 1, "New Year's Day"}, {12, 25, "Christmas Day"}, {12, 26, "Boxing Day"}};
	for (size_t i = 0; i < sizeof hols / sizeof hols[0]; i++) {
		char day[11];
		date_format(date_from_ymd(y, hols[i].month, hols[i].day), day);
		struct stmt *st =
		    db_prepare(db, "INSERT INTO holiday (day, name) VALUES (:d, :n)", e);
		if (!st)
			return -1;
		db_bind_text(st, ":d", day);
		db_bind_text(st, ":n", hols[i].name);
		int rc = db_step(st, e);
		db_done(st);
		if (rc < 0)
			return -1;
	}
	/* a period of about a year, two thirds gone: expected 240 / 365 */
	int32_t from = t0 - 240, to = t0 + 125;
	char fs[11], ts[11];
	date_format(from, fs);
	date_format(to, ts);
	for (size_t i = 0; i < sizeof demo_targets / sizeof demo_targets[0]; i++) {
		const struct demo_target *dt = &demo_targets[i];
		int64_t unit = demo_id(db, "SELECT id FROM unit WHERE name = :v", dt->unit, 0, e);
		if (unit < 0)
			return -1;
		if (!unit)
			continue;
		int64_t owner =
		    demo_id(db, "SELECT min(id) FROM person WHERE unit_id = :v", NULL, unit, e);
		int64_t plan = dt->plan_unit ? demo_id(db,
		                                       "SELECT min(p.id) FROM plan p JOIN unit u "
		                                       "ON u.id = p.unit_id WHERE u.name = :v",
		                                       dt->plan_unit, 0, e)
		                             : 0;
		if (owner < 0 || plan < 0)
			return -1;
		struct target_input in = {.name = dt->name,
		                          .measure = dt->measure,
		                          .baseline = dt->baseline,
		                          .goal = dt->goal,
		                          .from = fs,
		                          .to = ts,
		                          .unit_id = unit,
		                          .owner_id = owner};
		int64_t id;
		if (target_add(db, &in,
		               TG_NAME | TG_MEASURE | TG_BASELINE | TG_GOAL | TG_FROM | TG_TO |
		                   TG_UNIT | (owner ? TG_OWNER : 0),
		               &id, e))
			return -1;
		/* values every few weeks up to today, on the pace, with a wiggle */
		for (int k = 0; k < dt->nvalues; k++) {
			int32_t day = t0 - (int32_t)(dt->nvalues - 1 - k) * 30 - 2;
			if (day < from)
				continue;
			int64_t share = (int64_t)(day - from) * 10000 / (to - from); /* x100 % */
			int64_t wiggle = (k % 3 == 0 ? 3 : k % 3 == 1 ? -2 : 1); /* % of the span */
			int64_t span = dt->goal - dt->baseline;
			int64_t value = dt->baseline + span * share * dt->pace_pct / 1000000 +
			                span * wiggle / 100;
			char ds[11];
			date_format(day, ds);
			struct target_value_input vi = {
			    .value = value,
			    .day = ds,
			    .note = k + 1 == dt->nvalues ? "latest report" : ""};
			int64_t vid;
			if (target_record(db, id, &vi, TV_VALUE | TV_DAY | TV_NOTE, &vid, e))
				return -1;
		}
		if (plan && target_link(db, id, plan, e))
			return -1;
	}
	return 0;
}
