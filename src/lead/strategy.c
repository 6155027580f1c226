/* strategy: see strategy.h. */
#include "lead/strategy.h"

#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/date.h"
#include "base/json.h"
#include "lead/vision.h"
#include "manage/plan.h"
#include "manage/step.h"
#include "org/person.h"
#include "org/unit.h"

const char *const strategy_statuses[] = {"proposed", "active", "done", "dropped", NULL};

const struct field strategy_fields[] = {
	{.name = "name", .type = FT_TEXT, .offset = offsetof(struct strategy_input, name),
	 .bit = ST_NAME, .max = 200, .required = 1, .help = "the strategy, in a few words"},
	{.name = "rationale", .type = FT_TEXT,
	 .offset = offsetof(struct strategy_input, rationale), .bit = ST_RATIONALE, .max = 2000,
	 .help = "why this way"},
	{.name = "owner_id", .type = FT_ID, .offset = offsetof(struct strategy_input, owner_id),
	 .bit = ST_OWNER, .nullable = 1, .help = "the person answering for it (none)"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct strategy_input, unit_id),
	 .bit = ST_UNIT, .nullable = 1, .help = "its unit (none: the organization's)"},
	{.name = "status", .type = FT_ENUM, .offset = offsetof(struct strategy_input, status),
	 .bit = ST_STATUS, .choices = strategy_statuses,
	 .help = "proposed, active (the default), done or dropped"},
	{0},
};

const struct field strategy_filter_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct strategy_filter, unit_id),
	 .bit = STRF_UNIT, .help = "this unit's and its subtree's, with the organization's"},
	{.name = "status", .type = FT_ENUM, .offset = offsetof(struct strategy_filter, status),
	 .bit = STRF_STATUS, .choices = strategy_statuses, .help = "only this status"},
	{.name = "limit", .type = FT_INT, .offset = offsetof(struct strategy_filter, limit),
	 .bit = STRF_LIMIT, .min = 0, .max = 1000000000, .help = "at most this many"},
	{.name = "offset", .type = FT_INT, .offset = offsetof(struct strategy_filter, offset),
	 .bit = STRF_OFFSET, .min = 0, .max = INT64_MAX, .help = "skip this many"},
	{0},
};

const struct field strategy_plan_fields[] = {
	{.name = "plan_id", .type = FT_ID, .offset = offsetof(struct strategy_plan_input, plan_id),
	 .bit = SP_PLAN, .required = 1, .help = "the plan"},
	{0},
};

static int not_found(int64_t id, struct err *e)
{
	return err_set(e, ERR_NOT_FOUND, "id", "no strategy with id %lld", (long long)id);
}

/* --- reading ------------------------------------------------------------------ */

#define STRATEGY_SELECT                                                                   \
	"SELECT s.id, s.name, s.rationale, coalesce(s.owner_id, 0), o.name, "               \
	"coalesce(s.unit_id, 0), u.name, s.status, "                                        \
	"(SELECT count(*) FROM plan_strategy ps WHERE ps.strategy_id = s.id) "              \
	"FROM strategy s LEFT JOIN person o ON o.id = s.owner_id "                          \
	"LEFT JOIN unit u ON u.id = s.unit_id "

static void strategy_row(struct stmt *st, struct arena *a, void *item)
{
	struct strategy *s = item;
	s->id = db_col_int(st, 0);
	s->name = arena_strdup(a, db_col_text(st, 1));
	s->rationale = arena_strdup(a, db_col_text(st, 2) ? db_col_text(st, 2) : "");
	s->owner_id = db_col_int(st, 3);
	s->owner = arena_strdup(a, db_col_text(st, 4));
	s->unit_id = db_col_int(st, 5);
	s->unit = arena_strdup(a, db_col_text(st, 6));
	s->status = arena_strdup(a, db_col_text(st, 7));
	s->nplans = db_col_int(st, 8);
}

int strategy_get(struct db *db, struct arena *a, int64_t id, struct strategy *s,
		 struct err *e)
{
	struct stmt *st = db_prepare(db, STRATEGY_SELECT "WHERE s.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		strategy_row(st, a, s);
	db_done(st);
	if (rc == 0)
		return not_found(id, e);
	return rc < 0 ? -1 : 0;
}

int strategy_list(struct db *db, struct arena *a, const struct strategy_filter *f,
		  unsigned fset, struct strategy **out, size_t *n, struct err *e)
{
	if ((fset & STRF_UNIT) && unit_must_exist(db, f->unit_id, "unit_id", e))
		return -1;
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE STRATEGY_SELECT
		"WHERE (:all_units = 1 OR s.unit_id IS NULL OR s.unit_id IN (SELECT id FROM subtree)) "
		"AND (:all_status = 1 OR s.status = :status) "
		"ORDER BY s.id LIMIT :limit OFFSET :offset", e);
	if (!st)
		return -1;
	db_bind_int(st, ":all_units", !(fset & STRF_UNIT));
	db_bind_int(st, ":unit", (fset & STRF_UNIT) ? f->unit_id : 0);
	db_bind_int(st, ":all_status", !(fset & STRF_STATUS));
	db_bind_text(st, ":status", (fset & STRF_STATUS) ? f->status : "");
	db_bind_int(st, ":limit", (fset & STRF_LIMIT) ? f->limit : DB_NO_LIMIT);
	db_bind_int(st, ":offset", (fset & STRF_OFFSET) ? f->offset : 0);
	return db_collect(st, a, sizeof **out, strategy_row, (void **)out, n, e);
}

static void plan_row(struct stmt *st, struct arena *a, void *item)
{
	struct strategy_plan *p = item;
	p->id = db_col_int(st, 0);
	p->name = arena_strdup(a, db_col_text(st, 1));
	p->status = arena_strdup(a, db_col_text(st, 2));
	p->unit_id = db_col_int(st, 3);
	p->unit = arena_strdup(a, db_col_text(st, 4));
}

/* Fills in each plan's progress. */
static int plans_progress(struct db *db, struct strategy_plan *v, size_t n, struct err *e)
{
	for (size_t i = 0; i < n; i++)
		if (step_plan_progress(db, v[i].id, &v[i].progress_x100, e))
			return -1;
	return 0;
}

#define PLAN_SELECT                                                                       \
	"SELECT p.id, p.name, p.status, p.unit_id, u.name FROM plan p "                     \
	"JOIN unit u ON u.id = p.unit_id "

int strategy_plans(struct db *db, struct arena *a, int64_t id, struct strategy_plan **out,
		   size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, PLAN_SELECT
		"JOIN plan_strategy ps ON ps.plan_id = p.id WHERE ps.strategy_id = :id "
		"ORDER BY p.id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	if (db_collect(st, a, sizeof **out, plan_row, (void **)out, n, e))
		return -1;
	return plans_progress(db, *out, *n, e);
}

/* --- the gaps ------------------------------------------------------------------- */

/* active, in the scope, and no plan but cancelled ones */
#define NO_PLAN_WHERE                                                                      \
	"WHERE s.status = 'active' AND (:all_units = 1 OR s.unit_id IN (SELECT id FROM subtree)) " \
	"AND NOT EXISTS (SELECT 1 FROM plan_strategy ps2 JOIN plan pl ON pl.id = ps2.plan_id "  \
	"WHERE ps2.strategy_id = s.id AND pl.status <> 'cancelled') "
/* open, in the scope, and no strategy but dropped ones */
#define NO_STRATEGY_WHERE                                                                  \
	"WHERE p.status IN ('draft', 'active', 'on_hold') "                                  \
	"AND (:all_units = 1 OR p.unit_id IN (SELECT id FROM subtree)) "                     \
	"AND NOT EXISTS (SELECT 1 FROM plan_strategy ps2 JOIN strategy sg "                   \
	"ON sg.id = ps2.strategy_id WHERE ps2.plan_id = p.id AND sg.status <> 'dropped') "

static void bind_scope(struct stmt *st, int64_t unit_id)
{
	db_bind_int(st, ":unit", unit_id);
	db_bind_int(st, ":all_units", unit_id == 0);
}

int strategy_gap_lists(struct db *db, struct arena *a, int64_t unit_id,
		       struct strategy **no_plan, size_t *nno_plan,
		       struct strategy_plan **no_strategy, size_t *nno_strategy, struct err *e)
{
	if (unit_id && unit_must_exist(db, unit_id, "unit_id", e))
		return -1;
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE STRATEGY_SELECT NO_PLAN_WHERE
				     "ORDER BY s.id", e);
	if (!st)
		return -1;
	bind_scope(st, unit_id);
	if (db_collect(st, a, sizeof **no_plan, strategy_row, (void **)no_plan, nno_plan, e))
		return -1;
	st = db_prepare(db, UNIT_SUBTREE_CTE PLAN_SELECT NO_STRATEGY_WHERE "ORDER BY p.id", e);
	if (!st)
		return -1;
	bind_scope(st, unit_id);
	if (db_collect(st, a, sizeof **no_strategy, plan_row, (void **)no_strategy,
		       nno_strategy, e))
		return -1;
	return plans_progress(db, *no_strategy, *nno_strategy, e);
}

int strategy_gaps(struct db *db, int64_t unit_id, int64_t *no_plan, int64_t *no_strategy,
		  struct err *e)
{
	*no_plan = *no_strategy = 0;
	if (unit_id && unit_must_exist(db, unit_id, "unit_id", e))
		return -1;
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE
		"SELECT count(*) FROM strategy s " NO_PLAN_WHERE, e);
	if (!st)
		return -1;
	bind_scope(st, unit_id);
	if (db_one_int(st, no_plan, e) < 0)
		return -1;
	st = db_prepare(db, UNIT_SUBTREE_CTE "SELECT count(*) FROM plan p " NO_STRATEGY_WHERE, e);
	if (!st)
		return -1;
	bind_scope(st, unit_id);
	return db_one_int(st, no_strategy, e) < 0 ? -1 : 0;
}

/* --- writing -------------------------------------------------------------------- */

static int check_refs(struct db *db, const struct strategy_input *v, struct err *e)
{
	const char *s = v->name;
	while (s && (*s == ' ' || *s == '\t' || *s == '\n'))
		s++;
	if (!s || !*s)
		return err_set(e, ERR_BAD_INPUT, "name", "name: must not be empty");
	if (v->owner_id && person_must_exist(db, v->owner_id, "owner_id", e))
		return -1;
	if (v->unit_id && unit_must_exist(db, v->unit_id, "unit_id", e))
		return -1;
	return 0;
}

int strategy_add(struct db *db, const struct strategy_input *in, unsigned set, int64_t *id,
		 struct err *e)
{
	if (fields_require(strategy_fields, set, e))
		return -1;
	struct strategy_input v = {
		.name = in->name,
		.rationale = (set & ST_RATIONALE) && in->rationale ? in->rationale : "",
		.owner_id = (set & ST_OWNER) ? in->owner_id : 0,
		.unit_id = (set & ST_UNIT) ? in->unit_id : 0,
		.status = (set & ST_STATUS) && in->status ? in->status : "active",
	};
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (check_refs(db, &v, e))
		goto out;
	struct stmt *st = db_prepare(db,
		"INSERT INTO strategy (name, rationale, owner_id, unit_id, status) "
		"VALUES (:name, :rationale, :owner, :unit, :status) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_text(st, ":name", v.name);
	db_bind_text(st, ":rationale", v.rationale);
	db_bind_id(st, ":owner", v.owner_id);
	db_bind_id(st, ":unit", v.unit_id);
	db_bind_text(st, ":status", v.status);
	if (db_one_int(st, id, e) == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

int strategy_set(struct db *db, int64_t id, const struct strategy_input *in, unsigned set,
		 struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	struct arena a = ARENA_INIT;
	struct strategy s;
	if (strategy_get(db, &a, id, &s, e))
		goto out;
	struct strategy_input v = {
		.name = (set & ST_NAME) ? in->name : s.name,
		.rationale = (set & ST_RATIONALE) ? (in->rationale ? in->rationale : "") : s.rationale,
		.owner_id = (set & ST_OWNER) ? in->owner_id : s.owner_id,
		.unit_id = (set & ST_UNIT) ? in->unit_id : s.unit_id,
		.status = (set & ST_STATUS) && in->status ? in->status : s.status,
	};
	if (check_refs(db, &v, e))
		goto out;
	struct stmt *st = db_prepare(db,
		"UPDATE strategy SET name = :name, rationale = :rationale, owner_id = :owner, "
		"unit_id = :unit, status = :status WHERE id = :id", e);
	if (!st)
		goto out;
	db_bind_text(st, ":name", v.name);
	db_bind_text(st, ":rationale", v.rationale);
	db_bind_id(st, ":owner", v.owner_id);
	db_bind_id(st, ":unit", v.unit_id);
	db_bind_text(st, ":status", v.status);
	db_bind_int(st, ":id", id);
	if (db_step(st, e) >= 0)
		rc = 0;
	db_done(st);
out:
	arena_free(&a);
	return db_end(db, rc, e);
}

/* 409 naming the plans linked to strategy id, if any. */
static int refuse_linked(struct db *db, int64_t id, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct strategy_plan *p;
	size_t n = 0;
	struct stmt *st = db_prepare(db, PLAN_SELECT
		"JOIN plan_strategy ps ON ps.plan_id = p.id WHERE ps.strategy_id = :id "
		"ORDER BY p.id", e);
	int rc = -1;
	if (!st)
		goto out;
	db_bind_int(st, ":id", id);
	if (db_collect(st, &a, sizeof *p, plan_row, (void **)&p, &n, e))
		goto out;
	rc = 0;
	if (n) {
		struct buf b = BUF_INIT;
		for (size_t i = 0; i < n; i++)
			buf_printf(&b, "%s%lld %s", i ? ", " : "", (long long)p[i].id, p[i].name);
		rc = err_set(e, ERR_CONFLICT, "id",
			     "strategy %lld still has %zu plan%s (%.300s): unlink them first",
			     (long long)id, n, n == 1 ? "" : "s", b.failed ? "" : buf_str(&b));
		buf_free(&b);
	}
out:
	arena_free(&a);
	return rc;
}

int strategy_rm(struct db *db, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = db_run_id(db, "SELECT 1 FROM strategy WHERE id = :id", id, e);
	if (rc == 0)
		rc = not_found(id, e);
	if (rc == 1)
		rc = refuse_linked(db, id, e);
	/* what other areas keep about it: refused rather than orphaned */
	static const struct {
		const char *sql, *what;
	} refs[] = {
		{"SELECT count(*) FROM comm WHERE strategy_id = :id", "communication"},
		{"SELECT count(*) FROM coalition WHERE strategy_id = :id", "coalition"},
		{"SELECT count(*) FROM recognition WHERE strategy_id = :id", "recognition"},
		{"SELECT count(*) FROM idea WHERE strategy_id = :id", "idea"},
	};
	for (size_t i = 0; rc == 0 && i < sizeof refs / sizeof refs[0]; i++) {
		struct stmt *st = db_prepare(db, refs[i].sql, e);
		int64_t k = 0;
		if (!st) {
			rc = -1;
			break;
		}
		db_bind_int(st, ":id", id);
		if (db_one_int(st, &k, e) < 0)
			rc = -1;
		else if (k)
			rc = err_set(e, ERR_CONFLICT, "id",
				     "strategy %lld is named by %lld %s%s: it stays (drop it "
				     "instead: --status dropped)", (long long)id, (long long)k,
				     refs[i].what, k == 1 ? "" : "s");
	}
	if (rc == 0)
		rc = db_run_id(db, "DELETE FROM signal_response WHERE strategy_id = :id", id, e);
	if (rc == 0)
		rc = db_run_id(db, "DELETE FROM strategy WHERE id = :id", id, e);
	return db_end(db, rc == 0 ? 0 : -1, e);
}

int strategy_link(struct db *db, int64_t id, int64_t plan_id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = db_run_id(db, "SELECT 1 FROM strategy WHERE id = :id", id, e);
	if (rc == 0)
		rc = not_found(id, e);
	if (rc == 1)
		rc = plan_must_exist(db, plan_id, "plan_id", e);
	struct stmt *st = NULL;
	if (rc == 0) {
		rc = -1;
		st = db_prepare(db, "SELECT count(*) FROM plan_strategy WHERE strategy_id = :s "
				    "AND plan_id = :p", e);
	}
	if (st) {
		db_bind_int(st, ":s", id);
		db_bind_int(st, ":p", plan_id);
		int64_t k = 0;
		if (db_one_int(st, &k, e) == 1)
			rc = k ? err_set(e, ERR_CONFLICT, "plan_id",
					 "plan_id: plan %lld already carries out strategy %lld",
					 (long long)plan_id, (long long)id)
			       : 0;
	}
	if (rc == 0) {
		rc = -1;
		st = db_prepare(db, "INSERT INTO plan_strategy (plan_id, strategy_id) "
				    "VALUES (:p, :s)", e);
		if (st) {
			db_bind_int(st, ":s", id);
			db_bind_int(st, ":p", plan_id);
			if (db_step(st, e) >= 0)
				rc = 0;
			db_done(st);
		}
	}
	return db_end(db, rc, e);
}

int strategy_unlink(struct db *db, int64_t id, int64_t plan_id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = db_run_id(db, "SELECT 1 FROM strategy WHERE id = :id", id, e);
	if (rc == 0)
		rc = not_found(id, e);
	struct stmt *st = NULL;
	if (rc == 1) {
		rc = -1;
		st = db_prepare(db, "DELETE FROM plan_strategy WHERE strategy_id = :s "
				    "AND plan_id = :p RETURNING plan_id", e);
	}
	if (st) {
		db_bind_int(st, ":s", id);
		db_bind_int(st, ":p", plan_id);
		int r = db_step(st, e);
		db_done(st);
		if (r == 0)
			err_set(e, ERR_NOT_FOUND, "plan_id",
				"plan_id: plan %lld does not carry out strategy %lld",
				(long long)plan_id, (long long)id);
		rc = r == 1 ? 0 : -1;
	}
	return db_end(db, rc, e);
}

/* --- JSON ----------------------------------------------------------------------- */

json_t *strategy_json(const struct strategy *s)
{
	json_t *o = json_object();
	json_set_int(o, "id", s->id);
	json_set_str(o, "name", s->name);
	json_set_str(o, "rationale", s->rationale);
	json_set_id(o, "owner_id", s->owner_id);
	json_set_str(o, "owner", s->owner);
	json_set_id(o, "unit_id", s->unit_id);
	json_set_str(o, "unit", s->unit);
	json_set_str(o, "status", s->status);
	json_set_int(o, "plan_count", s->nplans);
	return o;
}

json_t *strategy_plan_json(const struct strategy_plan *p)
{
	json_t *o = json_object();
	json_set_int(o, "id", p->id);
	json_set_str(o, "name", p->name);
	json_set_str(o, "status", p->status);
	json_set_int(o, "unit_id", p->unit_id);
	json_set_str(o, "unit", p->unit);
	json_set_decimal(o, "progress", p->progress_x100);
	return o;
}

/* --- the demo ------------------------------------------------------------------- */

/* The id a query with :v bound gives, 0 for none, -1 on error. */
static int64_t demo_id(struct db *db, const char *sql, const char *v, struct err *e)
{
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	db_bind_text(st, ":v", v);
	int64_t id = 0;
	int rc = db_one_int(st, &id, e);
	return rc < 0 ? -1 : rc == 0 ? 0 : id;
}

/* The demo's strategies: a unit (NULL: the organization's), a status,
 * and the plans (by name) that carry each out. "Regional hubs" has no
 * plan (direction without execution); "Onboarding revamp" serves no
 * strategy (execution without direction). */
static const struct demo_strategy {
	const char *name, *rationale, *unit, *status;
	const char *plans[3];
} demo_strategies[] = {
	{"Automate the warehouses",
	 "Manual picking caps us at about 2,000 orders a day; next-day delivery needs twice that.",
	 "Operations", "active", {"Warehouse automation", "ERP migration", NULL}},
	{"Let customers serve themselves",
	 "Half of the calls to customer service ask where an order is.", "Product", "active",
	 {"Customer portal v2", "Mobile app launch", NULL}},
	{"Grow repeat business",
	 "A returning customer costs a fifth of a new one to serve.", "Sales", "active",
	 {"Spring sales campaign", NULL}},
	{"Regional hubs within 200 km of 90 % of customers",
	 "Next day is a matter of distance: one central warehouse cannot reach the coasts "
	 "overnight.",
	 "Logistics", "active", {NULL}},
	{"Same-day courier partnerships",
	 "Partners could cover the cities before our own hubs are open.", NULL, "proposed",
	 {NULL}},
};

int direction_demo(struct db *db, const char *today, struct err *e)
{
	int32_t t0;
	if (date_parse(today, &t0))
		return err_set(e, ERR_BAD_INPUT, "today", "today: must be a date as YYYY-MM-DD");
	char review[11];
	date_format(t0 + 90, review);
	/* the organization's vision in two versions, then Logistics' */
	struct vision_input v1 = {
		.statement = "By 2028 every order ships within two days, and every customer can "
			     "see where theirs is.",
		.horizon = 2028};
	struct vision_input v2 = {
		.statement = "By 2030 every order arrives the next day, from a supply chain our "
			     "customers trust and our people are proud to run.",
		.horizon = 2030, .review_date = review};
	int64_t id, old;
	if (vision_set(db, &v1, VI_STATEMENT | VI_HORIZON, "demo", &old, e) ||
	    vision_set(db, &v2, VI_STATEMENT | VI_HORIZON | VI_REVIEW, "demo", &id, e))
		return -1;
	/* the first version was written a year and a half ago */
	struct stmt *st = db_prepare(db, "UPDATE vision SET created_at = created_at - :ago "
				     "WHERE id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":ago", (int64_t)540 * 86400);
	db_bind_int(st, ":id", old);
	int rc = db_step(st, e);
	db_done(st);
	if (rc < 0)
		return -1;
	int64_t logistics = demo_id(db, "SELECT min(id) FROM unit WHERE name = :v", "Logistics", e);
	if (logistics < 0)
		return -1;
	if (logistics) {
		struct vision_input lv = {
			.statement = "A network of regional hubs that turns every order around the "
				     "same day it comes in.",
			.horizon = 2029, .review_date = review, .unit_id = logistics,
			.serves = "Same-day turnaround in the hubs is what makes next-day arrival "
				  "possible everywhere."};
		if (vision_set(db, &lv, VI_STATEMENT | VI_HORIZON | VI_REVIEW | VI_UNIT | VI_SERVES,
			       "demo", &id, e))
			return -1;
	}
	for (size_t i = 0; i < sizeof demo_strategies / sizeof demo_strategies[0]; i++) {
		const struct demo_strategy *d = &demo_strategies[i];
		int64_t unit = d->unit ? demo_id(db, "SELECT min(id) FROM unit WHERE name = :v",
						 d->unit, e) : 0;
		if (unit < 0)
			return -1;
		if (d->unit && !unit)
			continue;	/* a smaller demo without that unit */
		/* the unit's head; the organization's strategies are the chief's */
		int64_t owner = demo_id(db, "SELECT min(p.id) FROM person p JOIN unit u "
					"ON u.id = p.unit_id WHERE u.name = :v",
					d->unit ? d->unit : "Northwind Ltd", e);
		if (owner < 0)
			return -1;
		struct strategy_input in = {.name = d->name, .rationale = d->rationale,
					    .owner_id = owner, .unit_id = unit, .status = d->status};
		if (strategy_add(db, &in, ST_NAME | ST_RATIONALE | ST_OWNER | ST_UNIT | ST_STATUS,
				 &id, e))
			return -1;
		for (size_t k = 0; k < 3 && d->plans[k]; k++) {
			int64_t plan = demo_id(db, "SELECT min(id) FROM plan WHERE name = :v",
					       d->plans[k], e);
			if (plan < 0)
				return -1;
			if (plan && strategy_link(db, id, plan, e))
				return -1;
		}
	}
	return 0;
}
