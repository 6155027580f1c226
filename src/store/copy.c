/* copy: see copy.h.
 *
 * Rows go over one at a time through prepared statements, with their
 * ids, so that every reference stays valid. A column that refers to its
 * own table (a unit's parent, a person's manager) is filled in a second
 * pass, because a parent may have a larger id than its child after a
 * move. The table list is checked against the schema by the store's
 * unit tests, so a migration that adds a column cannot be forgotten
 * here. */
#include "store/copy.h"

#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "store/backend.h"

enum { MAX_COLS = 16 };

struct table_def {
	const char *name;
	const char *order;	/* ORDER BY: a stable order for progress and tests */
	const char *self_ref;	/* a column referring to the same table, or NULL */
	int has_id;		/* an identity column "id" */
	struct {
		const char *name;
		int is_int;
	} cols[MAX_COLS];
};

static const struct table_def tables[] = {
	{"unit", "id", "parent_id", 1, {{"id", 1}, {"name", 0}, {"parent_id", 1}}},
	{"person", "id", "manager_id", 1,
	 {{"id", 1}, {"name", 0}, {"email", 0}, {"unit_id", 1}, {"manager_id", 1},
	  {"title", 0}, {"rate_cents", 1}, {"capacity_minutes", 1}}},
	{"plan", "id", NULL, 1,
	 {{"id", 1}, {"name", 0}, {"owner_id", 1}, {"unit_id", 1}, {"start_date", 0},
	  {"status", 0}}},
	{"step", "id", NULL, 1,
	 {{"id", 1}, {"plan_id", 1}, {"name", 0}, {"assignee_id", 1}, {"estimate_minutes", 1},
	  {"duration_days", 1}, {"due", 0}, {"status", 0}, {"activity", 0}, {"pct", 1},
	  {"sched_es", 1}}},
	{"step_dep", "step_id, depends_on", NULL, 0,
	 {{"step_id", 1}, {"depends_on", 1}, {"lag_days", 1}}},
	{"time_entry", "id", NULL, 1,
	 {{"id", 1}, {"person_id", 1}, {"step_id", 1}, {"day", 0}, {"minutes", 1},
	  {"note", 0}, {"activity", 0}, {"cost_cents", 1}}},
	{"tool", "id", NULL, 1,
	 {{"id", 1}, {"name", 0}, {"cost_cents", 1}, {"plan_id", 1}, {"step_id", 1}}},
	{"account", "id", NULL, 1,
	 {{"id", 1}, {"person_id", 1}, {"login", 0}, {"role", 0}, {"pw_hash", 0},
	  {"created_at", 1}}},
	{"token", "id", NULL, 1,
	 {{"id", 1}, {"account_id", 1}, {"kind", 0}, {"hash", 0}, {"csrf", 0}, {"name", 0},
	  {"created_at", 1}, {"expires_at", 1}, {"last_used", 1}}},
	{"login_failure", "id", NULL, 1,
	 {{"id", 1}, {"login", 0}, {"address", 0}, {"at", 1}}},
	{"audit", "id", NULL, 1,
	 {{"id", 1}, {"at", 1}, {"account_id", 1}, {"actor", 0}, {"via", 0}, {"action", 0},
	  {"entity_id", 1}, {"detail", 0}}},
	{"setting", "key", NULL, 0, {{"key", 0}, {"value", 0}}},
	{"holiday", "day", NULL, 0, {{"day", 0}, {"name", 0}}},
	{"target", "id", NULL, 1,
	 {{"id", 1}, {"name", 0}, {"measure", 0}, {"baseline", 1}, {"goal", 1},
	  {"period_from", 0}, {"period_to", 0}, {"unit_id", 1}, {"owner_id", 1}}},
	{"target_value", "id", NULL, 1,
	 {{"id", 1}, {"target_id", 1}, {"day", 0}, {"value", 1}, {"note", 0}}},
	{"plan_target", "plan_id, target_id", NULL, 0, {{"plan_id", 1}, {"target_id", 1}}},
	{"budget", "id", NULL, 1,
	 {{"id", 1}, {"unit_id", 1}, {"plan_id", 1}, {"category", 0}, {"amount_cents", 1},
	  {"period_from", 0}, {"period_to", 0}, {"note", 0}}},
	{"expense", "id", NULL, 1,
	 {{"id", 1}, {"plan_id", 1}, {"step_id", 1}, {"category", 0}, {"amount_cents", 1},
	  {"day", 0}, {"note", 0}}},
	{"step_progress", "step_id, day", NULL, 0, {{"step_id", 1}, {"day", 0}, {"pct", 1}}},
	{"skill", "id", NULL, 1, {{"id", 1}, {"name", 0}, {"description", 0}}},
	{"person_skill", "person_id, skill_id", NULL, 0,
	 {{"person_id", 1}, {"skill_id", 1}, {"level", 1}}},
	{"position", "id", NULL, 1,
	 {{"id", 1}, {"unit_id", 1}, {"title", 0}, {"headcount", 1}}},
	{"position_skill", "position_id, skill_id", NULL, 0,
	 {{"position_id", 1}, {"skill_id", 1}, {"level", 1}}},
	{"staffing", "id", NULL, 1,
	 {{"id", 1}, {"position_id", 1}, {"person_id", 1}, {"since", 0}}},
	{"raci", "step_id, person_id", NULL, 0, {{"step_id", 1}, {"person_id", 1}, {"role", 0}}},
	{"publication", "id", NULL, 1,
	 {{"id", 1}, {"plan_id", 1}, {"at", 1}, {"by_name", 0}, {"note", 0}}},
	{"publication_to", "publication_id, person_id", NULL, 0,
	 {{"publication_id", 1}, {"person_id", 1}}},
	{"tolerance", "unit_id, rule", NULL, 0, {{"unit_id", 1}, {"rule", 0}, {"value", 1}}},
	{"problem", "id", NULL, 1,
	 {{"id", 1}, {"unit_id", 1}, {"rule", 0}, {"subject_kind", 0}, {"subject_id", 1},
	  {"title", 0}, {"detail", 0}, {"severity", 1}, {"found", 0}, {"root_cause", 0},
	  {"action", 0}, {"owner_id", 1}, {"due", 0}, {"status", 0}, {"closed", 0}}},
	/* earned value's aggregates (copied as they are: verify checks them) */
	{"evm_plan", "plan_id", NULL, 0,
	 {{"plan_id", 1}, {"bac_cents", 1}, {"weight", 1}, {"earned", 1}, {"time_cents", 1},
	  {"expense_cents", 1}, {"tool_cents", 1}, {"planned_ok", 1}, {"cost_last", 0},
	  {"earned_last", 0}, {"planned_last_k", 1}, {"planned_total", 1}}},
	{"evm_cost", "plan_id, day", NULL, 0, {{"plan_id", 1}, {"day", 0}, {"cents", 1}}},
	{"evm_earned", "plan_id, day", NULL, 0, {{"plan_id", 1}, {"day", 0}, {"amount", 1}}},
	{"evm_planned", "plan_id, k", NULL, 0, {{"plan_id", 1}, {"k", 1}, {"amount", 1}}},
	{"vision", "id", NULL, 1,
	 {{"id", 1}, {"unit_id", 1}, {"version", 1}, {"statement", 0}, {"horizon", 1},
	  {"review_date", 0}, {"serves", 0}, {"current", 1}, {"author", 0}, {"created_at", 1}}},
	{"strategy", "id", NULL, 1,
	 {{"id", 1}, {"name", 0}, {"rationale", 0}, {"owner_id", 1}, {"unit_id", 1},
	  {"status", 0}}},
	{"plan_strategy", "plan_id, strategy_id", NULL, 0, {{"plan_id", 1}, {"strategy_id", 1}}},
	{"signal", "id", NULL, 1,
	 {{"id", 1}, {"observed", 0}, {"source", 0}, {"day", 0}, {"category", 0}, {"kind", 0},
	  {"impact", 1}, {"likelihood", 1}, {"unit_id", 1}, {"reviewed", 0}}},
	{"theme", "id", NULL, 1, {{"id", 1}, {"name", 0}, {"description", 0}}},
	{"signal_theme", "signal_id, theme_id", NULL, 0, {{"signal_id", 1}, {"theme_id", 1}}},
	{"signal_response", "signal_id, strategy_id", NULL, 0,
	 {{"signal_id", 1}, {"strategy_id", 1}}},
	{"stakeholder", "id", NULL, 1,
	 {{"id", 1}, {"name", 0}, {"kind", 0}, {"owner_id", 1}, {"note", 0}}},
	{"comm", "id", NULL, 1,
	 {{"id", 1}, {"title", 0}, {"body", 0}, {"channel", 0}, {"day", 0}, {"vision_id", 1},
	  {"strategy_id", 1}, {"sender_id", 1}, {"unit_id", 1}, {"sent", 1}}},
	{"comm_audience", "comm_id, kind, ref_id", NULL, 0,
	 {{"comm_id", 1}, {"kind", 0}, {"ref_id", 1}}},
	{"comm_recipient", "id", NULL, 1,
	 {{"id", 1}, {"comm_id", 1}, {"person_id", 1}, {"stakeholder_id", 1}, {"unit_id", 1},
	  {"state", 0}, {"comment", 0}}},
	{"commitment", "id", NULL, 1,
	 {{"id", 1}, {"comm_id", 1}, {"text", 0}, {"due", 0}, {"status", 0}, {"closed", 0}}},
	{"coalition", "id", NULL, 1,
	 {{"id", 1}, {"name", 0}, {"purpose", 0}, {"strategy_id", 1}, {"unit_id", 1}}},
	{"coalition_member", "coalition_id, person_id", NULL, 0,
	 {{"coalition_id", 1}, {"person_id", 1}, {"position_power", 1}, {"expertise", 1},
	  {"credibility", 1}, {"leadership", 1}}},
	{"org_value", "id", NULL, 1,
	 {{"id", 1}, {"name", 0}, {"description", 0}, {"position", 1}}},
	{"idea", "id", NULL, 1,
	 {{"id", 1}, {"title", 0}, {"body", 0}, {"author_id", 1}, {"vision_id", 1},
	  {"strategy_id", 1}, {"owner_id", 1}, {"status", 0}, {"answer", 0}, {"answered", 0},
	  {"plan_id", 1}, {"step_id", 1}, {"created", 0}}},
	{"idea_vote", "idea_id, person_id", NULL, 0, {{"idea_id", 1}, {"person_id", 1}}},
	{"pulse", "id", NULL, 1,
	 {{"id", 1}, {"title", 0}, {"opens", 0}, {"closes", 0}, {"min_group", 1}, {"sent", 1},
	  {"unit_id", 1}}},
	{"pulse_question", "id", NULL, 1,
	 {{"id", 1}, {"pulse_id", 1}, {"position", 1}, {"text", 0}, {"scale", 0},
	  {"comments", 1}}},
	{"pulse_unit", "pulse_id, unit_id", NULL, 0, {{"pulse_id", 1}, {"unit_id", 1}}},
	{"pulse_invite", "pulse_id, person_id", NULL, 0,
	 {{"pulse_id", 1}, {"person_id", 1}, {"unit_id", 1}}},
	/* copied in key order, not in the order people answered */
	{"pulse_responded", "pulse_id, person_id", NULL, 0, {{"pulse_id", 1}, {"person_id", 1}}},
	{"pulse_count", "question_id, unit_id, value", NULL, 0,
	 {{"question_id", 1}, {"unit_id", 1}, {"value", 1}, {"n", 1}}},
	{"pulse_comment", "question_id, shuffle", NULL, 0,
	 {{"question_id", 1}, {"unit_id", 1}, {"shuffle", 1}, {"body", 0}}},
	{"coaching_note", "id", NULL, 1,
	 {{"id", 1}, {"author_id", 1}, {"about_id", 1}, {"kind", 0}, {"body", 0}, {"day", 0}}},
	{"initiative", "id", NULL, 1,
	 {{"id", 1}, {"name", 0}, {"description", 0}, {"sponsor_id", 1}, {"unit_id", 1},
	  {"coalition_id", 1}, {"pulse_id", 1}, {"step", 1}, {"status", 0}, {"started", 0}}},
	{"initiative_step", "initiative_id, step", NULL, 0,
	 {{"initiative_id", 1}, {"step", 1}, {"reached", 0}, {"override_reason", 0},
	  {"override_by", 0}}},
	{"initiative_unit", "initiative_id, unit_id", NULL, 0,
	 {{"initiative_id", 1}, {"unit_id", 1}}},
	{"initiative_signal", "initiative_id, signal_id", NULL, 0,
	 {{"initiative_id", 1}, {"signal_id", 1}}},
	{"initiative_theme", "initiative_id, theme_id", NULL, 0,
	 {{"initiative_id", 1}, {"theme_id", 1}}},
	{"initiative_strategy", "initiative_id, strategy_id", NULL, 0,
	 {{"initiative_id", 1}, {"strategy_id", 1}}},
	{"initiative_plan", "initiative_id, plan_id", NULL, 0,
	 {{"initiative_id", 1}, {"plan_id", 1}}},
	{"initiative_comm", "initiative_id, comm_id", NULL, 0,
	 {{"initiative_id", 1}, {"comm_id", 1}}},
	{"obstacle", "id", NULL, 1,
	 {{"id", 1}, {"initiative_id", 1}, {"title", 0}, {"owner_id", 1}, {"status", 0},
	  {"opened", 0}, {"resolved", 0}}},
	{"win", "id", NULL, 1,
	 {{"id", 1}, {"initiative_id", 1}, {"title", 0}, {"day", 0}, {"note", 0}}},
	{"recognition", "id", NULL, 1,
	 {{"id", 1}, {"from_id", 1}, {"to_person_id", 1}, {"to_unit_id", 1}, {"message", 0},
	  {"value_id", 1}, {"strategy_id", 1}, {"step_id", 1}, {"day", 0}, {"win_id", 1}}},
	{"anchor", "id", NULL, 1,
	 {{"id", 1}, {"initiative_id", 1}, {"kind", 0}, {"value_id", 1}, {"text", 0},
	  {"day", 0}}},
	{"volunteer", "initiative_id, person_id", NULL, 0,
	 {{"initiative_id", 1}, {"person_id", 1}, {"role", 0}, {"joined", 0}}},
	{"balance_snapshot", "id", NULL, 1,
	 {{"id", 1}, {"day", 0}, {"kind", 0}, {"created_at", 1}}},
	{"balance_score", "snapshot_id, unit_id", NULL, 0,
	 {{"snapshot_id", 1}, {"unit_id", 1}, {"management", 1}, {"leadership", 1},
	  {"quadrant", 0}, {"planning", 1}, {"staffing", 1}, {"controlling", 1},
	  {"direction", 1}, {"aligning", 1}, {"motivating", 1}}},
	{"cohort", "id", NULL, 1,
	 {{"id", 1}, {"name", 0}, {"code", 0}, {"unit_id", 1}, {"trainer_id", 1},
	  {"min_group", 1}, {"open", 1}, {"created", 0}}},
	{"cohort_member", "cohort_id, person_id", NULL, 0,
	 {{"cohort_id", 1}, {"person_id", 1}, {"joined", 0}}},
	{"assessment", "id", NULL, 1,
	 {{"id", 1}, {"person_id", 1}, {"unit_id", 1}, {"cohort_id", 1}, {"day", 0},
	  {"created_at", 1}}},
	{"assessment_answer", "assessment_id, item", NULL, 0,
	 {{"assessment_id", 1}, {"item", 1}, {"value", 1}}},
};
enum { NTABLES = sizeof tables / sizeof tables[0] };

int copy_ntables(void)
{
	return NTABLES;
}

const char *copy_table_name(int i)
{
	return tables[i].name;
}

const char *copy_table_columns(int i)
{
	static _Thread_local char cols[512];
	size_t n = 0;
	cols[0] = 0;
	for (int c = 0; c < MAX_COLS && tables[i].cols[c].name; c++)
		n += (size_t)snprintf(cols + n, sizeof cols - n, "%s%s", c ? "," : "",
				      tables[i].cols[c].name);
	return cols;
}

static int64_t count_rows(struct db *db, const char *table, struct err *e)
{
	struct buf sql = BUF_INIT;
	buf_printf(&sql, "SELECT count(*) FROM %s", table);
	int64_t n = -1;
	struct stmt *st = sql.failed ? NULL : db_prepare(db, buf_str(&sql), e);
	if (st && db_one_int(st, &n, e) < 0)
		n = -1;
	buf_free(&sql);
	return n;
}

/* Binds column c of the source row to the parameter of the same name. */
static void bind_col(struct stmt *ins, const struct table_def *t, int c, struct stmt *row,
		     int col)
{
	char name[48];
	snprintf(name, sizeof name, ":%s", t->cols[c].name);
	if (db_col_is_null(row, col))
		db_bind_null(ins, name);
	else if (t->cols[c].is_int)
		db_bind_int(ins, name, db_col_int(row, col));
	else
		db_bind_text(ins, name, db_col_text(row, col));
}

static int copy_table(struct db *from, struct db *to, const struct table_def *t,
		      int64_t total, copy_progress_fn progress, void *ctx, struct err *e)
{
	struct buf sel = BUF_INIT, ins = BUF_INIT, upd = BUF_INIT;
	int ncols = 0;
	while (ncols < MAX_COLS && t->cols[ncols].name)
		ncols++;
	buf_puts(&sel, "SELECT ");
	buf_printf(&ins, "INSERT INTO %s (", t->name);
	for (int c = 0; c < ncols; c++) {
		buf_printf(&sel, "%s%s", c ? ", " : "", t->cols[c].name);
		buf_printf(&ins, "%s%s", c ? ", " : "", t->cols[c].name);
	}
	buf_printf(&sel, " FROM %s ORDER BY %s", t->name, t->order);
	buf_puts(&ins, ") VALUES (");
	for (int c = 0; c < ncols; c++) {
		/* the self reference arrives in the second pass */
		if (t->self_ref && strcmp(t->cols[c].name, t->self_ref) == 0)
			buf_printf(&ins, "%sNULL", c ? ", " : "");
		else
			buf_printf(&ins, "%s:%s", c ? ", " : "", t->cols[c].name);
	}
	buf_puts(&ins, ")");
	if (t->self_ref)
		buf_printf(&upd, "UPDATE %s SET %s = :%s WHERE id = :id", t->name, t->self_ref,
			   t->self_ref);
	int rc = -1;
	if (sel.failed || ins.failed || upd.failed) {
		err_set(e, ERR_INTERNAL, "", "out of memory");
		goto out;
	}
	struct stmt *rows = db_prepare(from, buf_str(&sel), e);
	if (!rows)
		goto out;
	int64_t done = 0;
	int step;
	while ((step = db_step(rows, e)) == 1) {
		struct stmt *st = db_prepare(to, buf_str(&ins), e);
		if (!st)
			break;
		for (int c = 0; c < ncols; c++)
			if (!t->self_ref || strcmp(t->cols[c].name, t->self_ref) != 0)
				bind_col(st, t, c, rows, c);
		int r = db_step(st, e);
		db_done(st);
		if (r < 0)
			break;
		done++;
		if (progress && (done % 1000 == 0 || done == total))
			progress(ctx, t->name, done, total);
	}
	db_done(rows);
	if (step != 0)
		goto out;
	if (t->self_ref) {
		char ref[48];
		snprintf(ref, sizeof ref, "%s IS NOT NULL", t->self_ref);
		struct buf q = BUF_INIT;
		buf_printf(&q, "SELECT id, %s FROM %s WHERE %s ORDER BY id", t->self_ref, t->name,
			   ref);
		rows = q.failed ? NULL : db_prepare(from, buf_str(&q), e);
		buf_free(&q);
		if (!rows)
			goto out;
		char param[48];
		snprintf(param, sizeof param, ":%s", t->self_ref);
		while ((step = db_step(rows, e)) == 1) {
			struct stmt *st = db_prepare(to, buf_str(&upd), e);
			if (!st)
				break;
			db_bind_int(st, ":id", db_col_int(rows, 0));
			db_bind_int(st, param, db_col_int(rows, 1));
			int r = db_step(st, e);
			db_done(st);
			if (r < 0)
				break;
		}
		db_done(rows);
		if (step != 0)
			goto out;
	}
	if (t->has_id && to->ops->id_sync_sql) {
		/* the identity continues after the copied ids */
		struct buf q = BUF_INIT;
		buf_printf(&q, to->ops->id_sync_sql, t->name, t->name);
		rc = q.failed ? err_set(e, ERR_INTERNAL, "", "out of memory")
			      : db_exec(to, buf_str(&q), e);
		buf_free(&q);
		goto out;
	}
	rc = 0;
out:
	buf_free(&sel);
	buf_free(&ins);
	buf_free(&upd);
	return rc;
}

int db_copy(struct db *from, struct db *to, copy_progress_fn progress, void *ctx,
	    struct copy_table *out, struct err *e)
{
	if (from->version != to->version)
		return err_set(e, ERR_CONFLICT, "to",
			       "to: %s has schema version %d and %s has %d; both must be the same",
			       to->target, to->version, from->target, from->version);
	if (db_begin_read(from, e))
		return -1;
	if (db_begin(to, e)) {
		db_rollback(from);
		return -1;
	}
	int rc = 0;
	for (int i = 0; i < NTABLES && !rc; i++) {
		int64_t n = count_rows(to, tables[i].name, e);
		if (n < 0)
			rc = -1;
		else if (n > 0)
			rc = err_set(e, ERR_CONFLICT, "to",
				     "to: %s already holds records (%lld in %s); copy into an "
				     "empty database", to->target, (long long)n, tables[i].name);
	}
	for (int i = 0; i < NTABLES && !rc; i++) {
		int64_t total = count_rows(from, tables[i].name, e);
		out[i].name = tables[i].name;
		out[i].rows = total;
		if (total < 0 || copy_table(from, to, &tables[i], total, progress, ctx, e)) {
			rc = -1;
			break;
		}
		int64_t arrived = count_rows(to, tables[i].name, e);
		if (arrived < 0)
			rc = -1;
		else if (arrived != total)
			rc = err_set(e, ERR_INTERNAL, "",
				     "%s: %lld rows read but %lld arrived; nothing was copied",
				     tables[i].name, (long long)total, (long long)arrived);
	}
	db_rollback(from);	/* a read snapshot: nothing to commit */
	return db_end(to, rc, e);
}
