/* plan: see plan.h. */
#include "manage/plan.h"

#include <string.h>

#include "base/buf.h"
#include "base/json.h"
#include "manage/ledger.h"
#include "org/person.h"
#include "org/unit.h"

const char *const plan_statuses[] = {"draft", "active", "on_hold", "done", "cancelled", NULL};

const struct field plan_fields[] = {
	{.name = "name", .type = FT_TEXT, .offset = offsetof(struct plan_input, name),
	 .bit = PLAN_NAME, .max = 200, .required = 1, .help = "the plan's name"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct plan_input, unit_id),
	 .bit = PLAN_UNIT, .required = 1, .help = "the unit that runs the plan"},
	{.name = "start_date", .type = FT_DATE, .offset = offsetof(struct plan_input, start_date),
	 .bit = PLAN_START, .required = 1, .help = "first day, YYYY-MM-DD"},
	{.name = "owner_id", .type = FT_ID, .offset = offsetof(struct plan_input, owner_id),
	 .bit = PLAN_OWNER, .nullable = 1, .help = "the person who owns the plan"},
	{.name = "status", .type = FT_ENUM, .offset = offsetof(struct plan_input, status),
	 .bit = PLAN_STATUS, .choices = plan_statuses, .help = "draft (default), active, "
	 "on_hold, done or cancelled"},
	{0},
};

const struct field plan_filter_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct plan_filter, unit_id),
	 .bit = PLF_UNIT, .help = "only plans of this unit and its subtree"},
	{.name = "status", .type = FT_ENUM, .offset = offsetof(struct plan_filter, status),
	 .bit = PLF_STATUS, .choices = plan_statuses, .help = "only plans in this status"},
	{.name = "owner_id", .type = FT_ID, .offset = offsetof(struct plan_filter, owner_id),
	 .bit = PLF_OWNER, .help = "only plans owned by this person"},
	{.name = "limit", .type = FT_INT, .offset = offsetof(struct plan_filter, limit),
	 .bit = PLF_LIMIT, .min = 0, .max = 1000000000, .help = "at most this many"},
	{.name = "offset", .type = FT_INT, .offset = offsetof(struct plan_filter, offset),
	 .bit = PLF_OFFSET, .min = 0, .max = INT64_MAX, .help = "skip this many"},
	{0},
};

int plan_must_exist(struct db *db, int64_t id, const char *field, struct err *e)
{
	int rc = db_run_id(db, "SELECT 1 FROM plan WHERE id = :id", id, e);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, field, "%s: no plan with id %lld", field,
			       (long long)id);
	return 0;
}

static int validate(struct db *db, const struct plan_input *in, unsigned set, struct err *e)
{
	if ((set & PLAN_UNIT) && unit_must_exist(db, in->unit_id, "unit_id", e))
		return -1;
	if ((set & PLAN_OWNER) && in->owner_id && person_must_exist(db, in->owner_id, "owner_id", e))
		return -1;
	if ((set & PLAN_START) && !in->start_date)
		return err_set(e, ERR_BAD_INPUT, "start_date", "start_date: is required");
	return 0;
}

int plan_add(struct db *db, const struct plan_input *in, unsigned set, int64_t *id,
	     struct err *e)
{
	if (fields_require(plan_fields, set, e))
		return -1;
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (validate(db, in, set, e))
		goto out;
	struct stmt *st = db_prepare(db,
		"INSERT INTO plan (name, owner_id, unit_id, start_date, status) "
		"VALUES (:name, :owner, :unit, :start, :status) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_text(st, ":name", in->name);
	db_bind_id(st, ":owner", (set & PLAN_OWNER) ? in->owner_id : 0);
	db_bind_int(st, ":unit", in->unit_id);
	db_bind_text(st, ":start", in->start_date);
	db_bind_text(st, ":status", (set & PLAN_STATUS) ? in->status : "draft");
	if (db_one_int(st, id, e) == 1)
		rc = 0;
	if (rc == 0) rc = ledger_plan(db, *id, e);
out:
	return db_end(db, rc, e);
}

#define PLAN_SELECT                                                             \
	"SELECT p.id, p.name, p.owner_id, o.name, p.unit_id, u.name, p.start_date, " \
	"p.status FROM plan p JOIN unit u ON u.id = p.unit_id "                    \
	"LEFT JOIN person o ON o.id = p.owner_id "

static void plan_row(struct stmt *st, struct arena *a, void *item)
{
	struct plan *p = item;
	p->id = db_col_int(st, 0);
	p->name = arena_strdup(a, db_col_text(st, 1));
	p->owner_id = db_col_int(st, 2);
	p->owner_name = arena_strdup(a, db_col_text(st, 3));
	p->unit_id = db_col_int(st, 4);
	p->unit_name = arena_strdup(a, db_col_text(st, 5));
	p->start_date = arena_strdup(a, db_col_text(st, 6));
	p->status = arena_strdup(a, db_col_text(st, 7));
}

int plan_get(struct db *db, struct arena *a, int64_t id, struct plan *p, struct err *e)
{
	struct stmt *st = db_prepare(db, PLAN_SELECT "WHERE p.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		plan_row(st, a, p);
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no plan with id %lld", (long long)id);
	if (rc < 0)
		return -1;
	/* plan_row leaves the counts alone; the caller's struct is not zeroed */
	memset(p->steps, 0, sizeof p->steps);
	p->estimate_minutes = 0;
	st = db_prepare(db,
		"SELECT status, count(*), sum(estimate_minutes) FROM step "
		"WHERE plan_id = :id GROUP BY status", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	while ((rc = db_step(st, e)) == 1) {
		static const char *const order[] = {"todo", "doing", "done", "blocked"};
		const char *s = db_col_text(st, 0);
		for (int i = 0; i < 4; i++)
			if (s && strcmp(s, order[i]) == 0)
				p->steps[i] = db_col_int(st, 1);
		p->estimate_minutes += db_col_int(st, 2);
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int plan_list(struct db *db, struct arena *a, const struct plan_filter *f, unsigned fset,
	      struct plan **out, size_t *n, struct err *e)
{
	struct buf sql = BUF_INIT;
	if (fset & PLF_UNIT)
		buf_puts(&sql, UNIT_SUBTREE_CTE);
	buf_puts(&sql, PLAN_SELECT "WHERE 1 = 1");
	if (fset & PLF_UNIT)
		buf_puts(&sql, " AND p.unit_id IN (SELECT id FROM subtree)");
	if (fset & PLF_STATUS)
		buf_puts(&sql, " AND p.status = :status");
	if (fset & PLF_OWNER)
		buf_puts(&sql, " AND p.owner_id = :owner");
	buf_puts(&sql, " ORDER BY p.id LIMIT :limit OFFSET :offset");
	struct stmt *st = sql.failed ? NULL : db_prepare(db, buf_str(&sql), e);
	if (sql.failed)
		err_set(e, ERR_INTERNAL, "", "out of memory");
	buf_free(&sql);
	if (!st)
		return -1;
	if (fset & PLF_UNIT)
		db_bind_int(st, ":unit", f->unit_id);
	if (fset & PLF_STATUS)
		db_bind_text(st, ":status", f->status);
	if (fset & PLF_OWNER)
		db_bind_int(st, ":owner", f->owner_id);
	db_bind_int(st, ":limit", (fset & PLF_LIMIT) ? f->limit : DB_NO_LIMIT);
	db_bind_int(st, ":offset", (fset & PLF_OFFSET) ? f->offset : 0);
	return db_collect(st, a, sizeof **out, plan_row, (void **)out, n, e);
}

int plan_set(struct db *db, int64_t id, const struct plan_input *in, unsigned set,
	     struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (plan_must_exist(db, id, "id", e) || validate(db, in, set, e))
		goto out;
	struct stmt *st = db_prepare(db,
		"UPDATE plan SET "
		"name = CASE WHEN :set_name = 1 THEN :name ELSE name END, "
		"owner_id = CASE WHEN :set_owner = 1 THEN :owner ELSE owner_id END, "
		"unit_id = CASE WHEN :set_unit = 1 THEN :unit ELSE unit_id END, "
		"start_date = CASE WHEN :set_start = 1 THEN :start ELSE start_date END, "
		"status = CASE WHEN :set_status = 1 THEN :status ELSE status END "
		"WHERE id = :id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":set_name", !!(set & PLAN_NAME));
	db_bind_text(st, ":name", (set & PLAN_NAME) ? in->name : "");
	db_bind_int(st, ":set_owner", !!(set & PLAN_OWNER));
	db_bind_id(st, ":owner", (set & PLAN_OWNER) ? in->owner_id : 0);
	db_bind_int(st, ":set_unit", !!(set & PLAN_UNIT));
	db_bind_int(st, ":unit", (set & PLAN_UNIT) ? in->unit_id : 0);
	db_bind_int(st, ":set_start", !!(set & PLAN_START));
	db_bind_text(st, ":start", (set & PLAN_START) ? in->start_date : "");
	db_bind_int(st, ":set_status", !!(set & PLAN_STATUS));
	db_bind_text(st, ":status", (set & PLAN_STATUS) ? in->status : "");
	db_bind_int(st, ":id", id);
	if (db_step(st, e) >= 0)
		rc = 0;
	db_done(st);
out:
	return db_end(db, rc, e);
}

int plan_rm(struct db *db, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (plan_must_exist(db, id, "id", e))
		goto out;
	struct stmt *st = db_prepare(db,
		"SELECT (SELECT count(*) FROM step WHERE plan_id = :id), "
		"(SELECT count(*) FROM tool WHERE plan_id = :id), "
		"(SELECT count(*) FROM budget WHERE plan_id = :id), "
		"(SELECT count(*) FROM expense WHERE plan_id = :id)", e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", id);
	int r = db_step(st, e);
	int64_t steps = r == 1 ? db_col_int(st, 0) : 0, tools = r == 1 ? db_col_int(st, 1) : 0;
	int64_t budgets = r == 1 ? db_col_int(st, 2) : 0, expenses = r == 1 ? db_col_int(st, 3) : 0;
	db_done(st);
	if (r < 0)
		goto out;
	if (steps || tools || budgets || expenses) {
		err_set(e, ERR_CONFLICT, "id",
			"plan %lld still has %lld step(s), %lld tool(s), %lld budget line(s) and "
			"%lld expense(s): remove them first", (long long)id, (long long)steps,
			(long long)tools, (long long)budgets, (long long)expenses);
		goto out;
	}
	/* what was published of it goes with it (the targets it served
	 * forget it by the schema) */
	if (db_run_id(db, "DELETE FROM publication WHERE plan_id = :id", id, e) < 0)
		goto out;
	if (db_run_id(db, "DELETE FROM plan WHERE id = :id", id, e) >= 0)
		rc = 0;
	if (rc == 0) rc = ledger_plan_gone(db, id, e);
out:
	return db_end(db, rc, e);
}

json_t *plan_json(const struct plan *p, int with_counts)
{
	json_t *o = json_object();
	json_set_int(o, "id", p->id);
	json_set_str(o, "name", p->name);
	json_set_id(o, "owner_id", p->owner_id);
	json_set_str(o, "owner", p->owner_name);
	json_set_int(o, "unit_id", p->unit_id);
	json_set_str(o, "unit", p->unit_name);
	json_set_str(o, "start_date", p->start_date);
	json_set_str(o, "status", p->status);
	if (with_counts) {
		json_t *c = json_object();
		json_set_int(c, "todo", p->steps[0]);
		json_set_int(c, "doing", p->steps[1]);
		json_set_int(c, "done", p->steps[2]);
		json_set_int(c, "blocked", p->steps[3]);
		json_object_set_new(o, "steps", c);
		json_set_hours(o, "estimate_hours", p->estimate_minutes);
	}
	return o;
}
