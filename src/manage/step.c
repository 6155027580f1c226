/* step: see step.h. */
#include "manage/step.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/date.h"
#include "base/json.h"
#include "manage/ledger.h"
#include "manage/graph.h"
#include "manage/plan.h"
#include "org/person.h"
#include "org/unit.h"

const char *const step_statuses[] = {"todo", "doing", "done", "blocked", NULL};
/* as ACTIVITIES in store/migrations.c, then "none" */
const char *const step_activities[] = {"planning", "budgeting", "organizing", "staffing",
				       "controlling", "problem-solving", "direction", "aligning",
				       "motivating", "change", "none", NULL};

const struct field step_fields[] = {
	{.name = "plan_id", .type = FT_ID, .offset = offsetof(struct step_input, plan_id),
	 .bit = STEP_PLAN, .required = 1, .help = "the plan the step belongs to"},
	{.name = "name", .type = FT_TEXT, .offset = offsetof(struct step_input, name),
	 .bit = STEP_NAME, .max = 500, .required = 1, .help = "what is to be done"},
	{.name = "assignee_id", .type = FT_ID, .offset = offsetof(struct step_input, assignee_id),
	 .bit = STEP_ASSIGNEE, .nullable = 1, .help = "the person doing it (none)"},
	{.name = "estimate_hours", .type = FT_HOURS,
	 .offset = offsetof(struct step_input, estimate_minutes), .bit = STEP_ESTIMATE,
	 .min = 0, .max = 100000 * 60, .help = "estimated work in hours"},
	{.name = "duration_days", .type = FT_INT,
	 .offset = offsetof(struct step_input, duration_days), .bit = STEP_DURATION,
	 .min = 0, .max = 10000, .help = "duration in working days (default 1)"},
	{.name = "due", .type = FT_DATE, .offset = offsetof(struct step_input, due),
	 .bit = STEP_DUE, .nullable = 1, .help = "due date, YYYY-MM-DD (none)"},
	{.name = "status", .type = FT_ENUM, .offset = offsetof(struct step_input, status),
	 .bit = STEP_STATUS, .choices = step_statuses,
	 .help = "todo (default), doing, done or blocked"},
	{.name = "activity", .type = FT_ENUM, .offset = offsetof(struct step_input, activity),
	 .bit = STEP_ACTIVITY, .choices = step_activities, .nullable = 1,
	 .help = "its activity class, the default of its time entries (none: the work itself)"},
	{.name = "pct", .type = FT_INT, .offset = offsetof(struct step_input, pct),
	 .bit = STEP_PCT, .min = 0, .max = 100, .help = "percent complete, 0-100"},
	{0},
};

const struct field step_filter_fields[] = {
	{.name = "plan_id", .type = FT_ID, .offset = offsetof(struct step_filter, plan_id),
	 .bit = SF_PLAN, .help = "only steps of this plan"},
	{.name = "assignee_id", .type = FT_ID,
	 .offset = offsetof(struct step_filter, assignee_id), .bit = SF_ASSIGNEE,
	 .help = "only steps assigned to this person"},
	{.name = "status", .type = FT_ENUM, .offset = offsetof(struct step_filter, status),
	 .bit = SF_STATUS, .choices = step_statuses, .help = "only steps in this status"},
	{.name = "due_before", .type = FT_DATE,
	 .offset = offsetof(struct step_filter, due_before), .bit = SF_DUE_BEFORE,
	 .help = "only steps due before this day"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct step_filter, unit_id),
	 .bit = SF_UNIT, .help = "only steps of plans of this unit and its subtree"},
	{.name = "limit", .type = FT_INT, .offset = offsetof(struct step_filter, limit),
	 .bit = SF_LIMIT, .min = 0, .max = 1000000000, .help = "at most this many"},
	{.name = "offset", .type = FT_INT, .offset = offsetof(struct step_filter, offset),
	 .bit = SF_OFFSET, .min = 0, .max = INT64_MAX, .help = "skip this many"},
	{0},
};

const struct field dep_fields[] = {
	{.name = "on", .type = FT_ID, .offset = offsetof(struct dep_input, on), .bit = DEP_ON,
	 .required = 1, .help = "the step that must finish first"},
	{.name = "lag_days", .type = FT_INT, .offset = offsetof(struct dep_input, lag_days),
	 .bit = DEP_LAG, .min = 0, .max = 1000, .help = "working days to wait after it (0)"},
	{0},
};

int step_must_exist(struct db *db, int64_t id, const char *field, struct err *e)
{
	int rc = db_run_id(db, "SELECT 1 FROM step WHERE id = :id", id, e);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, field, "%s: no step with id %lld", field,
			       (long long)id);
	return 0;
}

/* The class to store: NULL for the work itself. */
static const char *activity_of(const struct step_input *in)
{
	return in->activity && strcmp(in->activity, "none") != 0 ? in->activity : NULL;
}

/* Keeps a step's percent complete for today: one row per step and day,
 * the day's last value (an update, else an insert: portable upsert). */
static int progress_write(struct db *db, int64_t id, int64_t pct, struct err *e)
{
	char today[11];
	date_format(date_today(), today);
	struct stmt *st = db_prepare(db,
		"UPDATE step_progress SET pct = :pct WHERE step_id = :id AND day = :day "
		"RETURNING step_id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":pct", pct);
	db_bind_int(st, ":id", id);
	db_bind_text(st, ":day", today);
	int64_t got;
	int rc = db_one_int(st, &got, e);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	st = db_prepare(db, "INSERT INTO step_progress (step_id, day, pct) "
			    "VALUES (:id, :day, :pct)", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	db_bind_text(st, ":day", today);
	db_bind_int(st, ":pct", pct);
	rc = db_step(st, e);
	db_done(st);
	return rc < 0 ? -1 : 0;
}

static int validate(struct db *db, const struct step_input *in, unsigned set, struct err *e)
{
	if ((set & STEP_PLAN) && plan_must_exist(db, in->plan_id, "plan_id", e))
		return -1;
	if ((set & STEP_ASSIGNEE) && in->assignee_id &&
	    person_must_exist(db, in->assignee_id, "assignee_id", e))
		return -1;
	if ((set & STEP_PCT) && (set & STEP_STATUS) && strcmp(in->status, "done") == 0 &&
	    in->pct != 100)
		return err_set(e, ERR_BAD_INPUT, "pct", "pct: a done step is 100%% complete "
			       "(got %lld)", (long long)in->pct);
	return 0;
}

int step_add(struct db *db, const struct step_input *in, unsigned set, int64_t *id,
	     struct err *e)
{
	if (fields_require(step_fields, set, e))
		return -1;
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (validate(db, in, set, e))
		goto out;
	const char *status = (set & STEP_STATUS) ? in->status : "todo";
	int64_t pct = strcmp(status, "done") == 0 ? 100 : (set & STEP_PCT) ? in->pct : 0;
	struct stmt *st = db_prepare(db,
		"INSERT INTO step (plan_id, name, assignee_id, estimate_minutes, duration_days, "
		"due, status, activity, pct) VALUES (:plan, :name, :assignee, :estimate, "
		":duration, :due, :status, :activity, :pct) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":plan", in->plan_id);
	db_bind_text(st, ":name", in->name);
	db_bind_id(st, ":assignee", (set & STEP_ASSIGNEE) ? in->assignee_id : 0);
	db_bind_int(st, ":estimate", (set & STEP_ESTIMATE) ? in->estimate_minutes : 0);
	db_bind_int(st, ":duration", (set & STEP_DURATION) ? in->duration_days : 1);
	db_bind_text(st, ":due", (set & STEP_DUE) ? in->due : NULL);
	db_bind_text(st, ":status", status);
	db_bind_text(st, ":activity", (set & STEP_ACTIVITY) ? activity_of(in) : NULL);
	db_bind_int(st, ":pct", pct);
	if (db_one_int(st, id, e) == 1 && (pct == 0 || progress_write(db, *id, pct, e) == 0))
		rc = 0;
	if (rc == 0) rc = ledger_step(db, *id, 0, e);
out:
	return db_end(db, rc, e);
}

#define STEP_SELECT                                                               \
	"SELECT s.id, s.plan_id, s.name, s.assignee_id, a.name, s.estimate_minutes, " \
	"s.duration_days, s.due, s.status, s.activity, s.pct FROM step s "          \
	"LEFT JOIN person a ON a.id = s.assignee_id "

static void step_row(struct stmt *st, struct arena *a, void *item)
{
	struct step *s = item;
	s->id = db_col_int(st, 0);
	s->plan_id = db_col_int(st, 1);
	s->name = arena_strdup(a, db_col_text(st, 2));
	s->assignee_id = db_col_int(st, 3);
	s->assignee_name = arena_strdup(a, db_col_text(st, 4));
	s->estimate_minutes = db_col_int(st, 5);
	s->duration_days = db_col_int(st, 6);
	s->due = arena_strdup(a, db_col_text(st, 7));
	s->status = arena_strdup(a, db_col_text(st, 8));
	s->activity = arena_strdup(a, db_col_text(st, 9));
	s->pct = db_col_int(st, 10);
	/* show only; listings come from db_collect, whose memory is not zeroed */
	s->deps = NULL;
	s->ndeps = 0;
	s->logged_minutes = 0;
}

static void dep_row(struct stmt *st, struct arena *a, void *item)
{
	struct step_dep *d = item;
	d->on = db_col_int(st, 0);
	d->name = arena_strdup(a, db_col_text(st, 1));
	d->status = arena_strdup(a, db_col_text(st, 2));
	d->lag_days = db_col_int(st, 3);
}

int step_get(struct db *db, struct arena *a, int64_t id, struct step *s, struct err *e)
{
	struct stmt *st = db_prepare(db,
		"SELECT s.id, s.plan_id, s.name, s.assignee_id, a.name, s.estimate_minutes, "
		"s.duration_days, s.due, s.status, s.activity, s.pct, "
		"(SELECT coalesce(sum(minutes), 0) FROM time_entry WHERE step_id = s.id) "
		"FROM step s LEFT JOIN person a ON a.id = s.assignee_id WHERE s.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1) {
		step_row(st, a, s);
		s->logged_minutes = db_col_int(st, 11);
	}
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no step with id %lld", (long long)id);
	if (rc < 0)
		return -1;
	st = db_prepare(db,
		"SELECT d.depends_on, o.name, o.status, d.lag_days FROM step_dep d "
		"JOIN step o ON o.id = d.depends_on WHERE d.step_id = :id ORDER BY d.depends_on",
		e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	if (db_collect(st, a, sizeof *s->deps, dep_row, (void **)&s->deps, &s->ndeps, e))
		return -1;
	return 0;
}

/* Appends the WHERE clause of a filter: fixed fragments, bound values. */
static void filter_sql(struct buf *sql, unsigned fset)
{
	if (fset & SF_PLAN)
		buf_puts(sql, " AND s.plan_id = :plan");
	if (fset & SF_ASSIGNEE)
		buf_puts(sql, " AND s.assignee_id = :assignee");
	if (fset & SF_STATUS)
		buf_puts(sql, " AND s.status = :status");
	if (fset & SF_DUE_BEFORE)
		buf_puts(sql, " AND s.due < :due_before");
	if (fset & SF_UNIT)
		buf_puts(sql, " AND s.plan_id IN (SELECT id FROM plan "
			      "WHERE unit_id IN (SELECT id FROM subtree))");
}

static void filter_bind(struct stmt *st, const struct step_filter *f, unsigned fset)
{
	if (fset & SF_PLAN)
		db_bind_int(st, ":plan", f->plan_id);
	if (fset & SF_ASSIGNEE)
		db_bind_int(st, ":assignee", f->assignee_id);
	if (fset & SF_STATUS)
		db_bind_text(st, ":status", f->status);
	if (fset & SF_DUE_BEFORE)
		db_bind_text(st, ":due_before", f->due_before);
	if (fset & SF_UNIT)
		db_bind_int(st, ":unit", f->unit_id);
}

static struct stmt *filter_prepare(struct db *db, const char *select, const char *tail,
				   unsigned fset, struct err *e)
{
	struct buf sql = BUF_INIT;
	if (fset & SF_UNIT)
		buf_puts(&sql, UNIT_SUBTREE_CTE);
	buf_puts(&sql, select);
	buf_puts(&sql, "WHERE 1 = 1");
	filter_sql(&sql, fset);
	buf_puts(&sql, tail);
	struct stmt *st = NULL;
	if (sql.failed)
		err_set(e, ERR_INTERNAL, "", "out of memory");
	else
		st = db_prepare(db, buf_str(&sql), e);
	buf_free(&sql);
	return st;
}

/* The listing statement of a filter, bound, paged, in id order. */
static struct stmt *list_prepare(struct db *db, const char *select, const struct step_filter *f,
				 unsigned fset, struct err *e)
{
	struct stmt *st = filter_prepare(db, select,
					 " ORDER BY s.id LIMIT :limit OFFSET :offset", fset, e);
	if (!st)
		return NULL;
	filter_bind(st, f, fset);
	db_bind_int(st, ":limit", (fset & SF_LIMIT) ? f->limit : DB_NO_LIMIT);
	db_bind_int(st, ":offset", (fset & SF_OFFSET) ? f->offset : 0);
	return st;
}

int step_list(struct db *db, struct arena *a, const struct step_filter *f, unsigned fset,
	      struct step **out, size_t *n, struct err *e)
{
	struct stmt *st = list_prepare(db, STEP_SELECT, f, fset, e);
	if (!st)
		return -1;
	return db_collect(st, a, sizeof **out, step_row, (void **)out, n, e);
}

int step_each(struct db *db, const struct step_filter *f, unsigned fset, int with_names,
	      int (*fn)(void *ctx, const struct step *s), void *ctx, struct err *e)
{
	struct stmt *st = list_prepare(db, with_names ? STEP_SELECT :
		"SELECT s.id, s.plan_id, s.name, s.assignee_id, NULL, s.estimate_minutes, "
		"s.duration_days, s.due, s.status, s.activity, s.pct FROM step s ", f, fset, e);
	if (!st)
		return -1;
	int rc, stop = 0;
	while (!stop && (rc = db_step(st, e)) == 1) {
		struct step s = {
			.id = db_col_int(st, 0),
			.plan_id = db_col_int(st, 1),
			.name = db_col_text(st, 2),
			.assignee_id = db_col_int(st, 3),
			.assignee_name = db_col_text(st, 4),
			.estimate_minutes = db_col_int(st, 5),
			.duration_days = db_col_int(st, 6),
			.due = db_col_text(st, 7),
			.status = db_col_text(st, 8),
			.activity = db_col_text(st, 9),
			.pct = db_col_int(st, 10),
		};
		stop = fn(ctx, &s);
	}
	db_done(st);
	if (stop)
		return stop;
	return rc < 0 ? -1 : 0;
}

int step_extent(struct db *db, struct step_extent *x, struct err *e)
{
	struct stmt *st = db_prepare(db,
		"SELECT (SELECT coalesce(max(id), 0) FROM step), "
		"(SELECT coalesce(max(id), 0) FROM plan), "
		"(SELECT coalesce(max(length(name)), 0) FROM person)", e);
	if (!st)
		return -1;
	int rc = db_step(st, e);
	if (rc == 1) {
		x->max_id = db_col_int(st, 0);
		x->max_plan_id = db_col_int(st, 1);
		x->max_assignee_len = db_col_int(st, 2);
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int step_count(struct db *db, const struct step_filter *f, unsigned fset, int64_t *count,
	       struct err *e)
{
	struct stmt *st = filter_prepare(db, "SELECT count(*) FROM step s ", "",
					 fset & ~(unsigned)(SF_LIMIT | SF_OFFSET), e);
	if (!st)
		return -1;
	filter_bind(st, f, fset);
	return db_one_int(st, count, e) < 0 ? -1 : 0;
}

/* The dependency rules for moving step id from status `from` to `to`. */
static int status_ok(struct db *db, int64_t id, const char *from, const char *to,
		     struct err *e)
{
	int starts = strcmp(to, "doing") == 0 || strcmp(to, "done") == 0;
	if (starts) {
		struct stmt *st = db_prepare(db,
			"SELECT o.id, o.name, o.status FROM step_dep d "
			"JOIN step o ON o.id = d.depends_on "
			"WHERE d.step_id = :id AND o.status <> 'done' ORDER BY o.id LIMIT 1", e);
		if (!st)
			return -1;
		db_bind_int(st, ":id", id);
		int rc = db_step(st, e);
		if (rc == 1)
			err_set(e, ERR_CONFLICT, "status",
				"status: step %lld cannot be %s yet: it depends on step %lld "
				"\"%.120s\", which is %s", (long long)id, to,
				(long long)db_col_int(st, 0), db_col_text(st, 1), db_col_text(st, 2));
		db_done(st);
		if (rc != 0)
			return -1;
	}
	if (strcmp(from, "done") == 0 && strcmp(to, "done") != 0) {
		struct stmt *st = db_prepare(db,
			"SELECT s.id, s.name, s.status FROM step_dep d "
			"JOIN step s ON s.id = d.step_id "
			"WHERE d.depends_on = :id AND s.status IN ('doing', 'done') "
			"ORDER BY s.id LIMIT 1", e);
		if (!st)
			return -1;
		db_bind_int(st, ":id", id);
		int rc = db_step(st, e);
		if (rc == 1)
			err_set(e, ERR_CONFLICT, "status",
				"status: step %lld cannot be reopened: step %lld \"%.120s\", which "
				"depends on it, is %s", (long long)id, (long long)db_col_int(st, 0),
				db_col_text(st, 1), db_col_text(st, 2));
		db_done(st);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* Reads a step's plan, status and dependency count inside a transaction. */
static int step_state(struct db *db, int64_t id, int64_t *plan, char status[16],
		      int64_t *ndeps, struct err *e)
{
	struct stmt *st = db_prepare(db,
		"SELECT plan_id, status, (SELECT count(*) FROM step_dep "
		"WHERE step_id = :id OR depends_on = :id) FROM step WHERE id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1) {
		*plan = db_col_int(st, 0);
		snprintf(status, 16, "%s", db_col_text(st, 1));
		*ndeps = db_col_int(st, 2);
	}
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no step with id %lld", (long long)id);
	return rc < 0 ? -1 : 0;
}

int step_set(struct db *db, int64_t id, const struct step_input *in, unsigned set,
	     struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	int64_t plan, ndeps;
	char status[16];
	if (step_state(db, id, &plan, status, &ndeps, e) || validate(db, in, set, e))
		goto out;
	if ((set & STEP_PLAN) && in->plan_id != plan && ndeps) {
		err_set(e, ERR_CONFLICT, "plan_id",
			"plan_id: step %lld has dependencies in plan %lld; remove them before "
			"moving it to another plan", (long long)id, (long long)plan);
		goto out;
	}
	if ((set & STEP_STATUS) && status_ok(db, id, status, in->status, e))
		goto out;
	/* the new percent complete: done is 100; leaving done starts again */
	int64_t old_pct, pct;
	struct stmt *st = db_prepare(db, "SELECT pct FROM step WHERE id = :id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", id);
	if (db_one_int(st, &old_pct, e) != 1)
		goto out;
	pct = (set & STEP_PCT) ? in->pct : old_pct;
	if ((set & STEP_STATUS) && strcmp(in->status, "done") == 0)
		pct = 100;
	else if ((set & STEP_STATUS) && strcmp(status, "done") == 0 && !(set & STEP_PCT))
		pct = 0;
	st = db_prepare(db,
		"UPDATE step SET "
		"plan_id = CASE WHEN :set_plan = 1 THEN :plan ELSE plan_id END, "
		"name = CASE WHEN :set_name = 1 THEN :name ELSE name END, "
		"assignee_id = CASE WHEN :set_assignee = 1 THEN :assignee ELSE assignee_id END, "
		"estimate_minutes = CASE WHEN :set_estimate = 1 THEN :estimate "
		"ELSE estimate_minutes END, "
		"duration_days = CASE WHEN :set_duration = 1 THEN :duration "
		"ELSE duration_days END, "
		"due = CASE WHEN :set_due = 1 THEN :due ELSE due END, "
		"status = CASE WHEN :set_status = 1 THEN :status ELSE status END, "
		"activity = CASE WHEN :set_activity = 1 THEN :activity ELSE activity END, "
		"pct = :pct WHERE id = :id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":set_plan", !!(set & STEP_PLAN));
	db_bind_int(st, ":plan", (set & STEP_PLAN) ? in->plan_id : 0);
	db_bind_int(st, ":set_name", !!(set & STEP_NAME));
	db_bind_text(st, ":name", (set & STEP_NAME) ? in->name : "");
	db_bind_int(st, ":set_assignee", !!(set & STEP_ASSIGNEE));
	db_bind_id(st, ":assignee", (set & STEP_ASSIGNEE) ? in->assignee_id : 0);
	db_bind_int(st, ":set_estimate", !!(set & STEP_ESTIMATE));
	db_bind_int(st, ":estimate", (set & STEP_ESTIMATE) ? in->estimate_minutes : 0);
	db_bind_int(st, ":set_duration", !!(set & STEP_DURATION));
	db_bind_int(st, ":duration", (set & STEP_DURATION) ? in->duration_days : 0);
	db_bind_int(st, ":set_due", !!(set & STEP_DUE));
	db_bind_text(st, ":due", (set & STEP_DUE) ? in->due : NULL);
	db_bind_int(st, ":set_status", !!(set & STEP_STATUS));
	db_bind_text(st, ":status", (set & STEP_STATUS) ? in->status : "");
	db_bind_int(st, ":set_activity", !!(set & STEP_ACTIVITY));
	db_bind_text(st, ":activity", (set & STEP_ACTIVITY) ? activity_of(in) : NULL);
	db_bind_int(st, ":pct", pct);
	db_bind_int(st, ":id", id);
	int r = db_step(st, e);
	db_done(st);
	if (r >= 0 && (pct == old_pct || progress_write(db, id, pct, e) == 0))
		rc = 0;
	if (rc == 0) rc = ledger_step(db, id, plan, e);
out:
	return db_end(db, rc, e);
}

int step_set_status(struct db *db, int64_t id, const char *status, struct err *e)
{
	struct step_input in = {.status = status};
	return step_set(db, id, &in, STEP_STATUS, e);
}

int step_rm(struct db *db, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (step_must_exist(db, id, "id", e))
		goto out;
	struct stmt *st = db_prepare(db,
		"SELECT (SELECT count(*) FROM time_entry WHERE step_id = :id), "
		"(SELECT count(*) FROM tool WHERE step_id = :id), "
		"(SELECT count(*) FROM expense WHERE step_id = :id)", e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", id);
	int r = db_step(st, e);
	int64_t entries = r == 1 ? db_col_int(st, 0) : 0, tools = r == 1 ? db_col_int(st, 1) : 0;
	int64_t expenses = r == 1 ? db_col_int(st, 2) : 0;
	db_done(st);
	if (r < 0)
		goto out;
	if (entries || tools) {
		err_set(e, ERR_CONFLICT, "id",
			"step %lld still has %lld time entr%s and %lld tool(s): it is kept "
			"for the record", (long long)id, (long long)entries,
			entries == 1 ? "y" : "ies", (long long)tools);
		goto out;
	}
	if (expenses) {
		err_set(e, ERR_CONFLICT, "id", "step %lld still has %lld expense(s): it is kept "
			"for the record", (long long)id, (long long)expenses);
		goto out;
	}
	if (ledger_step_gone(db, id, e)) goto out;
	if (db_run_id(db, "DELETE FROM step_dep WHERE step_id = :id OR depends_on = :id", id,
		      e) < 0 ||
	    db_run_id(db, "DELETE FROM step WHERE id = :id", id, e) < 0)
		goto out;
	rc = 0;
out:
	return db_end(db, rc, e);
}

static void edge_row(struct stmt *st, struct arena *a, void *item)
{
	(void)a;
	struct edge *ed = item;
	ed->from = db_col_int(st, 0);
	ed->to = db_col_int(st, 1);
}

/* Loads the dependency edges among the steps of one plan into a. */
static int plan_edges(struct db *db, struct arena *a, int64_t plan, struct edge **out,
		      size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db,
		"SELECT d.step_id, d.depends_on FROM step_dep d JOIN step s ON s.id = d.step_id "
		"WHERE s.plan_id = :plan", e);
	if (!st)
		return -1;
	db_bind_int(st, ":plan", plan);
	return db_collect(st, a, sizeof **out, edge_row, (void **)out, n, e);
}

/* Names a cycle "step 3 "A" -> step 5 "B" -> step 3 "A"" into msg. */
static void name_cycle(struct db *db, const int64_t *path, long len, int64_t id,
		       struct buf *msg)
{
	for (long i = -1; i < len; i++) {
		int64_t node = i < 0 ? id : path[i];
		struct err ignore = {0};
		struct stmt *st = db_prepare(db, "SELECT name FROM step WHERE id = :id", &ignore);
		const char *name = "?";
		if (st) {
			db_bind_int(st, ":id", node);
			if (db_step(st, &ignore) == 1)
				name = db_col_text(st, 0);
		}
		buf_printf(msg, "%sstep %lld \"%.60s\"", i < 0 ? "" : " -> ", (long long)node,
			   name);
		db_done(st);
	}
}

int step_dep_add(struct db *db, int64_t id, const struct dep_input *in, unsigned set,
		 struct err *e)
{
	if (fields_require(dep_fields, set, e))
		return -1;
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	struct arena a = ARENA_INIT;
	struct edge *edges = NULL;
	int64_t plan, on_plan, ndeps;
	char status[16], on_status[16];
	if (step_state(db, id, &plan, status, &ndeps, e))
		goto out;
	if (step_state(db, in->on, &on_plan, on_status, &ndeps, e)) {
		if (e->status == ERR_NOT_FOUND) {	/* name the input field */
			snprintf(e->field, sizeof e->field, "on");
			snprintf(e->msg, sizeof e->msg, "on: no step with id %lld",
				 (long long)in->on);
		}
		goto out;
	}
	if (in->on == id) {
		err_set(e, ERR_BAD_INPUT, "on", "on: a step cannot depend on itself");
		goto out;
	}
	if (plan != on_plan) {
		err_set(e, ERR_BAD_INPUT, "on",
			"on: step %lld is in plan %lld and step %lld in plan %lld: "
			"dependencies stay within one plan", (long long)in->on, (long long)on_plan,
			(long long)id, (long long)plan);
		goto out;
	}
	struct stmt *st = db_prepare(db,
		"SELECT 1 FROM step_dep WHERE step_id = :id AND depends_on = :on", e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", id);
	db_bind_int(st, ":on", in->on);
	int64_t one;
	int r = db_one_int(st, &one, e);
	if (r < 0)
		goto out;
	if (r == 1) {
		err_set(e, ERR_CONFLICT, "on", "on: step %lld already depends on step %lld",
			(long long)id, (long long)in->on);
		goto out;
	}
	/* adding id -> on closes a cycle when id is reachable from on */
	size_t n = 0;
	if (plan_edges(db, &a, plan, &edges, &n, e))
		goto out;
	/* a path visits each edge at most once, so n + 1 nodes always fit:
	 * a fixed buffer would let a longer cycle through unseen */
	int64_t *path = arena_alloc_uninit(&a, (n + 1) * sizeof *path);
	if (!path) {
		err_set(e, ERR_INTERNAL, "", "out of memory");
		goto out;
	}
	long len = graph_path(edges, n, in->on, id, path, n + 1);
	if (len < 0) {
		err_set(e, ERR_INTERNAL, "", "out of memory");
		goto out;
	}
	if (len > 0) {
		struct buf msg = BUF_INIT;
		name_cycle(db, path, len, id, &msg);
		err_set(e, ERR_CONFLICT, "on", "on: that would make a dependency cycle: %s",
			buf_str(&msg));
		buf_free(&msg);
		goto out;
	}
	/* last, after the structural checks: a step under way or finished cannot start waiting for unfinished work */
	if ((strcmp(status, "doing") == 0 || strcmp(status, "done") == 0) &&
	    strcmp(on_status, "done") != 0) {
		err_set(e, ERR_CONFLICT, "on",
			"on: step %lld is %s, so it cannot wait for step %lld, which is %s",
			(long long)id, status, (long long)in->on, on_status);
		goto out;
	}
	st = db_prepare(db,
		"INSERT INTO step_dep (step_id, depends_on, lag_days) VALUES (:id, :on, :lag)", e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", id);
	db_bind_int(st, ":on", in->on);
	db_bind_int(st, ":lag", (set & DEP_LAG) ? in->lag_days : 0);
	r = db_step(st, e);
	db_done(st);
	if (r >= 0)
		rc = 0;
	if (rc == 0) rc = ledger_step(db, id, 0, e);
out:
	arena_free(&a);
	return db_end(db, rc, e);
}

int step_dep_rm(struct db *db, int64_t id, int64_t on, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (step_must_exist(db, id, "id", e))
		goto out;
	struct stmt *st = db_prepare(db,
		"DELETE FROM step_dep WHERE step_id = :id AND depends_on = :on "
		"RETURNING depends_on", e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", id);
	db_bind_int(st, ":on", on);
	int64_t gone;
	int r = db_one_int(st, &gone, e);
	if (r < 0)
		goto out;
	if (r == 0) {
		err_set(e, ERR_NOT_FOUND, "on", "on: step %lld does not depend on step %lld",
			(long long)id, (long long)on);
		goto out;
	}
	rc = ledger_step(db, id, 0, e);
out:
	return db_end(db, rc, e);
}

json_t *step_json(const struct step *s)
{
	json_t *o = json_object();
	json_set_int(o, "id", s->id);
	json_set_int(o, "plan_id", s->plan_id);
	json_set_str(o, "name", s->name);
	json_set_id(o, "assignee_id", s->assignee_id);
	json_set_str(o, "assignee", s->assignee_name);
	json_set_hours(o, "estimate_hours", s->estimate_minutes);
	json_set_int(o, "duration_days", s->duration_days);
	json_set_str(o, "due", s->due);
	json_set_str(o, "status", s->status);
	json_set_str(o, "activity", s->activity);
	json_set_int(o, "pct", s->pct);
	if (s->deps) {
		json_t *deps = json_array();
		for (size_t i = 0; i < s->ndeps; i++) {
			json_t *d = json_object();
			json_set_int(d, "on", s->deps[i].on);
			json_set_str(d, "name", s->deps[i].name);
			json_set_str(d, "status", s->deps[i].status);
			json_set_int(d, "lag_days", s->deps[i].lag_days);
			json_array_append_new(deps, d);
		}
		json_object_set_new(o, "depends_on", deps);
		json_set_hours(o, "logged_hours", s->logged_minutes);
	}
	return o;
}

int step_plan_progress(struct db *db, int64_t plan_id, int64_t *pct_x100, struct err *e)
{
	struct stmt *st = db_prepare(db,
		"SELECT coalesce(sum(pct * CASE WHEN estimate_minutes > 1 THEN estimate_minutes "
		"ELSE 1 END), 0), coalesce(sum(CASE WHEN estimate_minutes > 1 THEN "
		"estimate_minutes ELSE 1 END), 0) FROM step WHERE plan_id = :plan", e);
	if (!st)
		return -1;
	db_bind_int(st, ":plan", plan_id);
	int rc = db_step(st, e);
	int64_t done = rc == 1 ? db_col_int(st, 0) : 0, weight = rc == 1 ? db_col_int(st, 1) : 0;
	db_done(st);
	if (rc < 0)
		return -1;
	/* rounded to the nearest hundredth of a percent */
	*pct_x100 = weight ? (done * 100 + weight / 2) / weight : 0;
	return 0;
}
