/* tool: see tool.h. */
#include "manage/tool.h"
#include "org/unit.h"

#include "base/json.h"
#include "manage/ledger.h"
#include "manage/plan.h"
#include "manage/step.h"

const struct field tool_fields[] = {
	{.name = "name", .type = FT_TEXT, .offset = offsetof(struct tool_input, name),
	 .bit = TOOL_NAME, .max = 200, .required = 1, .help = "the tool's name"},
	{.name = "cost", .type = FT_MONEY, .offset = offsetof(struct tool_input, cost_cents),
	 .bit = TOOL_COST, .min = 0, .max = 100000000000, .help = "its cost"},
	{.name = "plan_id", .type = FT_ID, .offset = offsetof(struct tool_input, plan_id),
	 .bit = TOOL_PLAN, .nullable = 1, .help = "allocate it to this plan (none)"},
	{.name = "step_id", .type = FT_ID, .offset = offsetof(struct tool_input, step_id),
	 .bit = TOOL_STEP, .nullable = 1, .help = "allocate it to this step (none)"},
	{0},
};

const struct field tool_filter_fields[] = {
	{.name = "plan_id", .type = FT_ID, .offset = offsetof(struct tool_filter, plan_id),
	 .bit = TOF_PLAN, .help = "only tools allocated to this plan or its steps"},
	{.name = "limit", .type = FT_INT, .offset = offsetof(struct tool_filter, limit),
	 .bit = TOF_LIMIT, .min = 0, .max = 1000000000, .help = "at most this many"},
	{.name = "offset", .type = FT_INT, .offset = offsetof(struct tool_filter, offset),
	 .bit = TOF_OFFSET, .min = 0, .max = INT64_MAX, .help = "skip this many"},
	{0},
};

static int check_alloc(struct db *db, const struct tool_input *in, unsigned set,
		       struct err *e)
{
	int64_t plan = (set & TOOL_PLAN) ? in->plan_id : 0;
	int64_t step = (set & TOOL_STEP) ? in->step_id : 0;
	if (plan && step)
		return err_set(e, ERR_BAD_INPUT, "step_id",
			       "step_id: a tool goes to a plan or to a step, not both");
	if (plan && plan_must_exist(db, plan, "plan_id", e))
		return -1;
	if (step && step_must_exist(db, step, "step_id", e))
		return -1;
	return 0;
}

int tool_add(struct db *db, const struct tool_input *in, unsigned set, int64_t *id,
	     struct err *e)
{
	if (fields_require(tool_fields, set, e))
		return -1;
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (check_alloc(db, in, set, e))
		goto out;
	struct stmt *st = db_prepare(db,
		"INSERT INTO tool (name, cost_cents, plan_id, step_id) "
		"VALUES (:name, :cost, :plan, :step) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_text(st, ":name", in->name);
	db_bind_int(st, ":cost", (set & TOOL_COST) ? in->cost_cents : 0);
	db_bind_id(st, ":plan", (set & TOOL_PLAN) ? in->plan_id : 0);
	db_bind_id(st, ":step", (set & TOOL_STEP) ? in->step_id : 0);
	if (db_one_int(st, id, e) == 1)
		rc = 0;
	if (rc == 0) rc = ledger_tool(db, *id, 1, e);
out:
	return db_end(db, rc, e);
}

#define TOOL_SELECT                                                            \
	"SELECT t.id, t.name, t.cost_cents, coalesce(t.plan_id, s.plan_id), "   \
	"t.step_id FROM tool t LEFT JOIN step s ON s.id = t.step_id "

static void tool_row(struct stmt *st, struct arena *a, void *item)
{
	struct tool *t = item;
	t->id = db_col_int(st, 0);
	t->name = arena_strdup(a, db_col_text(st, 1));
	t->cost_cents = db_col_int(st, 2);
	t->plan_id = db_col_int(st, 3);
	t->step_id = db_col_int(st, 4);
}

int tool_get(struct db *db, struct arena *a, int64_t id, struct tool *t, struct err *e)
{
	struct stmt *st = db_prepare(db, TOOL_SELECT "WHERE t.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		tool_row(st, a, t);
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no tool with id %lld", (long long)id);
	return rc < 0 ? -1 : 0;
}

int tool_list(struct db *db, struct arena *a, const struct tool_filter *f, unsigned fset,
	      struct tool **out, size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE TOOL_SELECT
		"WHERE (:all_plans = 1 OR t.plan_id = :plan OR s.plan_id = :plan) "
		"AND (:all_units = 1 OR coalesce(t.plan_id, s.plan_id) IN "
		"(SELECT id FROM plan WHERE unit_id IN (SELECT id FROM subtree))) "
		"ORDER BY t.id LIMIT :limit OFFSET :offset", e);
	if (!st)
		return -1;
	db_bind_int(st, ":all_units", !(fset & TOF_UNIT));
	db_bind_int(st, ":unit", (fset & TOF_UNIT) ? f->unit_id : 0);
	db_bind_int(st, ":all_plans", !(fset & TOF_PLAN));
	db_bind_int(st, ":plan", (fset & TOF_PLAN) ? f->plan_id : 0);
	db_bind_int(st, ":limit", (fset & TOF_LIMIT) ? f->limit : DB_NO_LIMIT);
	db_bind_int(st, ":offset", (fset & TOF_OFFSET) ? f->offset : 0);
	return db_collect(st, a, sizeof **out, tool_row, (void **)out, n, e);
}

int tool_set(struct db *db, int64_t id, const struct tool_input *in, unsigned set,
	     struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = db_run_id(db, "SELECT 1 FROM tool WHERE id = :id", id, e);
	if (rc == 0)
		err_set(e, ERR_NOT_FOUND, "id", "no tool with id %lld", (long long)id);
	if (rc != 1 || check_alloc(db, in, set, e)) {
		rc = -1;
		goto out;
	}
	rc = -1;
	if (ledger_tool(db, id, -1, e)) goto out;
	int alloc = !!(set & (TOOL_PLAN | TOOL_STEP));
	struct stmt *st = db_prepare(db,
		"UPDATE tool SET "
		"name = CASE WHEN :set_name = 1 THEN :name ELSE name END, "
		"cost_cents = CASE WHEN :set_cost = 1 THEN :cost ELSE cost_cents END, "
		"plan_id = CASE WHEN :set_alloc = 1 THEN :plan ELSE plan_id END, "
		"step_id = CASE WHEN :set_alloc = 1 THEN :step ELSE step_id END "
		"WHERE id = :id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":set_name", !!(set & TOOL_NAME));
	db_bind_text(st, ":name", (set & TOOL_NAME) ? in->name : "");
	db_bind_int(st, ":set_cost", !!(set & TOOL_COST));
	db_bind_int(st, ":cost", (set & TOOL_COST) ? in->cost_cents : 0);
	db_bind_int(st, ":set_alloc", alloc);
	db_bind_id(st, ":plan", (set & TOOL_PLAN) ? in->plan_id : 0);
	db_bind_id(st, ":step", (set & TOOL_STEP) ? in->step_id : 0);
	db_bind_int(st, ":id", id);
	if (db_step(st, e) >= 0)
		rc = 0;
	db_done(st);
	if (rc == 0) rc = ledger_tool(db, id, 1, e);
out:
	return db_end(db, rc, e);
}

int tool_rm(struct db *db, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	if (ledger_tool(db, id, -1, e)) return db_end(db, -1, e);
	int rc = db_run_id(db, "DELETE FROM tool WHERE id = :id RETURNING id", id, e);
	if (rc == 0)
		err_set(e, ERR_NOT_FOUND, "id", "no tool with id %lld", (long long)id);
	return db_end(db, rc == 1 ? 0 : -1, e);
}

json_t *tool_json(const struct tool *t)
{
	json_t *o = json_object();
	json_set_int(o, "id", t->id);
	json_set_str(o, "name", t->name);
	json_set_money(o, "cost", t->cost_cents);
	json_set_id(o, "plan_id", t->plan_id);
	json_set_id(o, "step_id", t->step_id);
	return o;
}
