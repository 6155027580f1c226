/* test_domain: proves the rules of the org and management modules on a
 * temporary SQLite database.
 *
 *   unit    tree order with depths; no move under itself or its subtree;
 *           no removal while it has children, people or plans;
 *   person  emails unique regardless of case; the manager chain never
 *           loops; no removal while managing someone;
 *   step    dependency cycles refused, naming every step of the cycle in
 *           order (also cycles longer than 64 steps); dependencies stay in
 *           one plan and are not duplicated; doing/done only after every
 *           dependency is done; a done step reopens only while no
 *           dependant has started; step_count per filter against counts
 *           made by hand; list items carry no stale show-only fields;
 *   time    a person's day holds at most 1440 minutes; 0 and 1441 are
 *           refused by the field table; totals are the hand sums;
 *   tool    a plan or a step, not both; re-allocation;
 *   writes  a refused write leaves no row behind, even inside a larger
 *           transaction;
 *   demo    refuses a second seed; its counts are the table counts; its
 *           statuses obey the dependency rules; nobody logs more than a
 *           day; the same seed gives the same steps in two databases.
 *
 * Expected values are worked out by hand next to each check; table counts
 * are read with the sqlite3 C API directly, not through the code under
 * test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "manage/demo.h"
#include "manage/plan.h"
#include "manage/step.h"
#include "manage/timelog.h"
#include "manage/tool.h"
#include "org/person.h"
#include "org/unit.h"
#include "store/db.h"

#include "testutil.h"

/* ---- fixture: a fresh migrated database per test ---- */

struct fx {
	char dir[64];
	char path[128];
	char path2[128];
	char path3[128];
	struct db *db;
};

static struct db *open_db(const char *path)
{
	char url[160];
	snprintf(url, sizeof url, "sqlite:%s", path);
	struct db *db = NULL;
	struct err e = {0};
	if (db_open(url, DB_MIGRATE, &db, &e) != 0)
		fail_msg("db_open %s: %s", url, e.msg);
	return db;
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	if (make_test_dir(f->dir, "domain")) {
		free(f);
		return -1;
	}
	snprintf(f->path, sizeof f->path, "%s/a.db", f->dir);
	snprintf(f->path2, sizeof f->path2, "%s/b.db", f->dir);
	snprintf(f->path3, sizeof f->path3, "%s/c.db", f->dir);
	f->db = open_db(f->path);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	db_close(f->db);
	remove_db_files(f->path);
	remove_db_files(f->path2);
	remove_db_files(f->path3);
	rmdir(f->dir);
	free(f);
	return 0;
}

/* One text from a query (malloc'd, "" for null), read with sqlite3. */
static char *raw_text(const char *path, const char *sql)
{
	sqlite3 *c = NULL;
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_open(path, &c), SQLITE_OK);
	if (sqlite3_prepare_v2(c, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("raw_text %s: %s", sql, sqlite3_errmsg(c));
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	const char *t = (const char *)sqlite3_column_text(st, 0);
	char *out = strdup(t ? t : "");
	sqlite3_finalize(st);
	sqlite3_close(c);
	assert_non_null(out);
	return out;
}

/* ---- builders that must succeed ---- */

static int64_t mk_unit(struct db *db, const char *name, int64_t parent)
{
	struct unit_input in = {.name = name, .parent_id = parent};
	struct err e = {0};
	int64_t id = 0;
	if (unit_add(db, &in, UNIT_NAME | (parent ? UNIT_PARENT : 0), &id, &e))
		fail_msg("unit_add %s: %s", name, e.msg);
	return id;
}

static int64_t mk_person(struct db *db, const char *name, const char *email, int64_t unit,
			 int64_t manager)
{
	struct person_input in = {.name = name, .email = email, .unit_id = unit,
				  .manager_id = manager};
	struct err e = {0};
	int64_t id = 0;
	if (person_add(db, &in, PERSON_NAME | PERSON_EMAIL | PERSON_UNIT |
				    (manager ? PERSON_MANAGER : 0), &id, &e))
		fail_msg("person_add %s: %s", name, e.msg);
	return id;
}

static int64_t mk_plan(struct db *db, const char *name, int64_t unit)
{
	struct plan_input in = {.name = name, .unit_id = unit, .start_date = "2026-11-02"};
	struct err e = {0};
	int64_t id = 0;
	if (plan_add(db, &in, PLAN_NAME | PLAN_UNIT | PLAN_START, &id, &e))
		fail_msg("plan_add %s: %s", name, e.msg);
	return id;
}

static int64_t mk_step(struct db *db, int64_t plan, const char *name, int64_t assignee,
		       const char *due, const char *status)
{
	struct step_input in = {.plan_id = plan, .name = name, .assignee_id = assignee,
				.due = due, .status = status};
	unsigned set = STEP_PLAN | STEP_NAME;
	if (assignee)
		set |= STEP_ASSIGNEE;
	if (due)
		set |= STEP_DUE;
	if (status)
		set |= STEP_STATUS;
	struct err e = {0};
	int64_t id = 0;
	if (step_add(db, &in, set, &id, &e))
		fail_msg("step_add %s: %s", name, e.msg);
	return id;
}

static int dep(struct db *db, int64_t id, int64_t on, struct err *e)
{
	struct dep_input in = {.on = on};
	err_clear(e);
	return step_dep_add(db, id, &in, DEP_ON, e);
}

static void dep_ok(struct db *db, int64_t id, int64_t on)
{
	struct err e;
	if (dep(db, id, on, &e))
		fail_msg("step %lld on %lld: %s", (long long)id, (long long)on, e.msg);
}

static int set_status(struct db *db, int64_t id, const char *status, struct err *e)
{
	err_clear(e);
	return step_set_status(db, id, status, e);
}

/* ---- units ---- */

struct want_unit {
	int64_t id;
	int depth;
	const char *name;
};

static void assert_tree(struct db *db, const struct want_unit *want, size_t n)
{
	struct arena a = ARENA_INIT;
	struct unit *u = NULL;
	size_t got = 0;
	struct err e = {0};
	assert_int_equal(unit_list(db, &a, &u, &got, &e), 0);
	assert_int_equal(got, n);
	for (size_t i = 0; i < n; i++) {
		if (u[i].id != want[i].id || u[i].depth != want[i].depth ||
		    strcmp(u[i].name, want[i].name) != 0)
			fail_msg("row %zu: %lld %s depth %d, want %lld %s depth %d", i,
				 (long long)u[i].id, u[i].name, u[i].depth, (long long)want[i].id,
				 want[i].name, want[i].depth);
	}
	arena_free(&a);
}

static void test_unit_tree(void **state)
{
	struct fx *f = *state;
	struct db *db = f->db;
	/* added out of name order, so the listing order must come from the
	 * names and the tree, not from the ids */
	int64_t zeta = mk_unit(db, "Zeta", 0);
	int64_t acme = mk_unit(db, "Acme", 0);
	int64_t sales = mk_unit(db, "Sales", acme);
	int64_t eng = mk_unit(db, "Eng", acme);
	int64_t front = mk_unit(db, "Frontend", eng);
	int64_t back = mk_unit(db, "Backend", eng);
	int64_t alpha = mk_unit(db, "Alpha", back);
	/* Acme
	 *   Eng
	 *     Backend
	 *       Alpha
	 *     Frontend
	 *   Sales
	 * Zeta */
	const struct want_unit tree[] = {
		{acme, 0, "Acme"}, {eng, 1, "Eng"}, {back, 2, "Backend"}, {alpha, 3, "Alpha"},
		{front, 2, "Frontend"}, {sales, 1, "Sales"}, {zeta, 0, "Zeta"},
	};
	assert_tree(db, tree, 7);

	struct arena a = ARENA_INIT;
	struct unit u;
	struct err e = {0};
	assert_int_equal(unit_get(db, &a, eng, &u, &e), 0);
	assert_int_equal(u.parent_id, acme);
	assert_int_equal(u.children, 2);
	assert_int_equal(u.people, 0);
	assert_int_equal(unit_get(db, &a, 999, &u, &e), -1);
	assert_int_equal(e.status, ERR_NOT_FOUND);
	arena_free(&a);

	/* a parent that does not exist */
	struct unit_input bad = {.name = "Orphan", .parent_id = 999};
	int64_t id;
	err_clear(&e);
	assert_int_equal(unit_add(db, &bad, UNIT_NAME | UNIT_PARENT, &id, &e), -1);
	assert_int_equal(e.status, ERR_NOT_FOUND);
	assert_string_equal(e.field, "parent_id");
	/* the name is required */
	err_clear(&e);
	assert_int_equal(unit_add(db, &bad, UNIT_PARENT, &id, &e), -1);
	assert_int_equal(e.status, ERR_BAD_INPUT);
	assert_string_equal(e.field, "name");
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM unit"), 7);
}

static void test_unit_moves(void **state)
{
	struct fx *f = *state;
	struct db *db = f->db;
	int64_t acme = mk_unit(db, "Acme", 0);
	int64_t eng = mk_unit(db, "Eng", acme);
	int64_t back = mk_unit(db, "Backend", eng);
	int64_t alpha = mk_unit(db, "Alpha", back);
	int64_t zeta = mk_unit(db, "Zeta", 0);
	struct err e = {0};

	/* under its own descendant (two levels down) */
	struct unit_input in = {.parent_id = alpha};
	assert_int_equal(unit_set(db, eng, &in, UNIT_PARENT, &e), -1);
	assert_int_equal(e.status, ERR_BAD_INPUT);
	assert_string_equal(e.field, "parent_id");
	assert_contains(e.msg, "its own subtree");
	/* under itself */
	err_clear(&e);
	in.parent_id = eng;
	assert_int_equal(unit_set(db, eng, &in, UNIT_PARENT, &e), -1);
	assert_int_equal(e.status, ERR_BAD_INPUT);
	assert_string_equal(e.field, "parent_id");
	assert_contains(e.msg, "itself");
	/* a refused move changed nothing, not even a name given with it */
	err_clear(&e);
	in = (struct unit_input){.name = "Renamed", .parent_id = alpha};
	assert_int_equal(unit_set(db, eng, &in, UNIT_NAME | UNIT_PARENT, &e), -1);
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT parent_id FROM unit WHERE id = %lld", (long long)eng);
	assert_int_equal(raw_int(f->path, sql), acme);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM unit WHERE name = 'Renamed'"), 0);

	/* a legal move: Eng and its subtree under Zeta */
	err_clear(&e);
	in = (struct unit_input){.parent_id = zeta};
	assert_int_equal(unit_set(db, eng, &in, UNIT_PARENT, &e), 0);
	const struct want_unit moved[] = {
		{acme, 0, "Acme"}, {zeta, 0, "Zeta"}, {eng, 1, "Eng"}, {back, 2, "Backend"},
		{alpha, 3, "Alpha"},
	};
	assert_tree(db, moved, 5);
	/* to the root (parent none) and renamed: roots sort by name */
	in = (struct unit_input){.name = "Beta", .parent_id = 0};
	assert_int_equal(unit_set(db, eng, &in, UNIT_NAME | UNIT_PARENT, &e), 0);
	const struct want_unit rooted[] = {
		{acme, 0, "Acme"}, {eng, 0, "Beta"}, {back, 1, "Backend"}, {alpha, 2, "Alpha"},
		{zeta, 0, "Zeta"},
	};
	assert_tree(db, rooted, 5);
	/* moving a unit that does not exist */
	in = (struct unit_input){.parent_id = acme};
	assert_int_equal(unit_set(db, 999, &in, UNIT_PARENT, &e), -1);
	assert_int_equal(e.status, ERR_NOT_FOUND);
}

static void test_unit_rm(void **state)
{
	struct fx *f = *state;
	struct db *db = f->db;
	int64_t acme = mk_unit(db, "Acme", 0);
	int64_t sales = mk_unit(db, "Sales", acme);
	int64_t ops = mk_unit(db, "Ops", acme);
	int64_t p = mk_person(db, "Ada", "ada@acme.example", sales, 0);
	int64_t plan = mk_plan(db, "Plan", ops);
	struct err e = {0};

	/* children */
	assert_int_equal(unit_rm(db, acme, &e), -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	assert_contains(e.msg, "2 child unit(s)");
	/* people */
	err_clear(&e);
	assert_int_equal(unit_rm(db, sales, &e), -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	assert_contains(e.msg, "1 person(s)");
	/* plans */
	err_clear(&e);
	assert_int_equal(unit_rm(db, ops, &e), -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	assert_contains(e.msg, "1 plan(s)");
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM unit"), 3);

	/* emptied, each goes */
	err_clear(&e);
	assert_int_equal(person_rm(db, p, &e), 0);
	assert_int_equal(unit_rm(db, sales, &e), 0);
	assert_int_equal(plan_rm(db, plan, &e), 0);
	assert_int_equal(unit_rm(db, ops, &e), 0);
	assert_int_equal(unit_rm(db, acme, &e), 0);
	assert_int_equal(e.status, 0);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM unit"), 0);
	assert_int_equal(unit_rm(db, acme, &e), -1);
	assert_int_equal(e.status, ERR_NOT_FOUND);
}

/* ---- people ---- */

static void test_person_email_unique_ignoring_case(void **state)
{
	struct fx *f = *state;
	struct db *db = f->db;
	int64_t u = mk_unit(db, "Acme", 0);
	int64_t ada = mk_person(db, "Ada", "ada@acme.example", u, 0);
	int64_t ben = mk_person(db, "Ben", "ben@acme.example", u, 0);
	struct err e = {0};
	int64_t id;
	struct person_input in = {.name = "Ada Two", .email = "ADA@Acme.Example", .unit_id = u};
	assert_int_equal(person_add(db, &in, PERSON_NAME | PERSON_EMAIL | PERSON_UNIT, &id, &e),
			 -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	assert_string_equal(e.field, "email");
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM person"), 2);
	/* taking it over by a change is refused as well */
	err_clear(&e);
	in = (struct person_input){.email = "Ada@acme.example"};
	assert_int_equal(person_set(db, ben, &in, PERSON_EMAIL, &e), -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	assert_string_equal(e.field, "email");
	/* but a person may change the case of their own */
	err_clear(&e);
	assert_int_equal(person_set(db, ada, &in, PERSON_EMAIL, &e), 0);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM person WHERE email = "
					  "'Ada@acme.example'"), 1);
	/* not an address at all */
	in = (struct person_input){.name = "X", .email = "not-an-email", .unit_id = u};
	assert_int_equal(person_add(db, &in, PERSON_NAME | PERSON_EMAIL | PERSON_UNIT, &id, &e),
			 -1);
	assert_int_equal(e.status, ERR_BAD_INPUT);
	assert_string_equal(e.field, "email");
	/* a unit that does not exist */
	err_clear(&e);
	in = (struct person_input){.name = "X", .email = "x@acme.example", .unit_id = 99};
	assert_int_equal(person_add(db, &in, PERSON_NAME | PERSON_EMAIL | PERSON_UNIT, &id, &e),
			 -1);
	assert_int_equal(e.status, ERR_NOT_FOUND);
	assert_string_equal(e.field, "unit_id");
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM person"), 2);
}

static void test_person_manager_chain(void **state)
{
	struct fx *f = *state;
	struct db *db = f->db;
	int64_t u = mk_unit(db, "Acme", 0);
	/* A manages B, B manages C: C -> B -> A up the chain */
	int64_t a = mk_person(db, "A", "a@acme.example", u, 0);
	int64_t b = mk_person(db, "B", "b@acme.example", u, a);
	int64_t c = mk_person(db, "C", "c@acme.example", u, b);
	struct err e = {0};
	/* A reporting to C closes the loop A -> C -> B -> A */
	struct person_input in = {.manager_id = c};
	assert_int_equal(person_set(db, a, &in, PERSON_MANAGER, &e), -1);
	assert_int_equal(e.status, ERR_BAD_INPUT);
	assert_string_equal(e.field, "manager_id");
	/* so does A reporting to B, one level shorter */
	err_clear(&e);
	in.manager_id = b;
	assert_int_equal(person_set(db, a, &in, PERSON_MANAGER, &e), -1);
	assert_string_equal(e.field, "manager_id");
	/* and managing oneself */
	err_clear(&e);
	in.manager_id = a;
	assert_int_equal(person_set(db, a, &in, PERSON_MANAGER, &e), -1);
	assert_string_equal(e.field, "manager_id");
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM person WHERE manager_id IS NULL"),
			 1);
	/* a manager that does not exist */
	err_clear(&e);
	in.manager_id = 99;
	assert_int_equal(person_set(db, c, &in, PERSON_MANAGER, &e), -1);
	assert_int_equal(e.status, ERR_NOT_FOUND);
	/* a legal change: C reports to A directly */
	err_clear(&e);
	in.manager_id = a;
	assert_int_equal(person_set(db, c, &in, PERSON_MANAGER, &e), 0);

	/* listing by manager and by unit */
	struct arena ar = ARENA_INIT;
	struct person_filter pf = {.manager_id = a};
	struct person *v;
	size_t n;
	assert_int_equal(person_list(db, &ar, &pf, PF_MANAGER, &v, &n, &e), 0);
	assert_int_equal(n, 2);	/* B and C, by name */
	assert_int_equal(v[0].id, b);
	assert_int_equal(v[1].id, c);
	struct person p;
	assert_int_equal(person_get(db, &ar, a, &p, &e), 0);
	assert_int_equal(p.reports, 2);
	assert_int_equal(p.capacity_minutes, 40 * 60);	/* the default week */
	arena_free(&ar);

	/* A manages B and C: not removed; C, then B, then A can go */
	assert_int_equal(person_rm(db, a, &e), -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	assert_contains(e.msg, "2 report(s)");
	err_clear(&e);
	assert_int_equal(person_rm(db, c, &e), 0);
	assert_int_equal(person_rm(db, b, &e), 0);
	assert_int_equal(person_rm(db, a, &e), 0);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM person"), 0);
}

/* ---- steps: dependencies ---- */

static void test_step_dependency_cycle_named(void **state)
{
	struct fx *f = *state;
	struct db *db = f->db;
	int64_t u = mk_unit(db, "Acme", 0);
	int64_t plan = mk_plan(db, "P", u);
	int64_t s1 = mk_step(db, plan, "A", 0, NULL, NULL);
	int64_t s2 = mk_step(db, plan, "B", 0, NULL, NULL);
	int64_t s3 = mk_step(db, plan, "C", 0, NULL, NULL);
	assert_int_equal(s1, 1);
	assert_int_equal(s2, 2);
	assert_int_equal(s3, 3);
	dep_ok(db, 2, 1);	/* B waits for A */
	dep_ok(db, 3, 2);	/* C waits for B */
	/* 1 waiting for 3 closes the cycle: 1 needs 3, 3 needs 2, 2 needs 1.
	 * The message starts at the step being changed, follows the path from
	 * the step it would depend on, and comes back to the start. */
	struct err e;
	assert_int_equal(dep(db, 1, 3, &e), -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	assert_string_equal(e.field, "on");
	assert_string_equal(e.msg, "on: that would make a dependency cycle: "
				   "step 1 \"A\" -> step 3 \"C\" -> step 2 \"B\" -> step 1 \"A\"");
	/* the two-step cycle: 1 waiting for 2 */
	assert_int_equal(dep(db, 1, 2, &e), -1);
	assert_string_equal(e.msg, "on: that would make a dependency cycle: "
				   "step 1 \"A\" -> step 2 \"B\" -> step 1 \"A\"");
	/* itself */
	assert_int_equal(dep(db, 2, 2, &e), -1);
	assert_int_equal(e.status, ERR_BAD_INPUT);
	assert_string_equal(e.field, "on");
	/* duplicate */
	assert_int_equal(dep(db, 2, 1, &e), -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	assert_contains(e.msg, "already depends");
	/* a step that does not exist */
	assert_int_equal(dep(db, 2, 99, &e), -1);
	assert_int_equal(e.status, ERR_NOT_FOUND);
	assert_string_equal(e.field, "on");
	/* across plans */
	int64_t other = mk_plan(db, "Q", u);
	int64_t s4 = mk_step(db, other, "D", 0, NULL, NULL);
	assert_int_equal(dep(db, s1, s4, &e), -1);
	assert_int_equal(e.status, ERR_BAD_INPUT);
	assert_string_equal(e.field, "on");
	assert_contains(e.msg, "within one plan");
	/* none of the refusals left a row; a legal extra edge is fine */
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM step_dep"), 2);
	dep_ok(db, 3, 1);	/* C also waits for A directly: no cycle */
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM step_dep"), 3);

	/* step_get lists the dependencies */
	struct arena a = ARENA_INIT;
	struct step s;
	err_clear(&e);
	assert_int_equal(step_get(db, &a, 3, &s, &e), 0);
	assert_int_equal(s.ndeps, 2);
	assert_int_equal(s.deps[0].on, 1);
	assert_string_equal(s.deps[0].name, "A");
	assert_int_equal(s.deps[1].on, 2);
	arena_free(&a);
}

static void test_step_long_cycle_refused(void **state)
{
	struct fx *f = *state;
	struct db *db = f->db;
	int64_t u = mk_unit(db, "Acme", 0);
	int64_t plan = mk_plan(db, "Long", u);
	/* a chain of 80 steps, each waiting for the one before; step 1
	 * waiting for step 80 would close a cycle of 80 steps */
	enum { K = 80 };
	int64_t id[K];
	for (int i = 0; i < K; i++) {
		char name[16];
		snprintf(name, sizeof name, "S%d", i + 1);
		id[i] = mk_step(db, plan, name, 0, NULL, NULL);
		if (i > 0)
			dep_ok(db, id[i], id[i - 1]);
	}
	struct err e;
	assert_int_equal(dep(db, id[0], id[K - 1], &e), -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	assert_string_equal(e.field, "on");
	char head[128];
	snprintf(head, sizeof head, "on: that would make a dependency cycle: step %lld \"S1\" "
		 "-> step %lld \"S%d\" -> step %lld \"S%d\"", (long long)id[0],
		 (long long)id[K - 1], K, (long long)id[K - 2], K - 1);
	assert_contains(e.msg, head);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM step_dep"), K - 1);
}

static void test_step_status_rules(void **state)
{
	struct fx *f = *state;
	struct db *db = f->db;
	int64_t u = mk_unit(db, "Acme", 0);
	int64_t plan = mk_plan(db, "P", u);
	int64_t a = mk_step(db, plan, "A", 0, NULL, NULL);
	int64_t b = mk_step(db, plan, "B", 0, NULL, NULL);
	dep_ok(db, b, a);	/* B waits for A */
	struct err e;
	char want[256];

	/* B cannot start or finish while A is todo */
	assert_int_equal(set_status(db, b, "doing", &e), -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	assert_string_equal(e.field, "status");
	snprintf(want, sizeof want, "status: step %lld cannot be doing yet: it depends on step "
		 "%lld \"A\", which is todo", (long long)b, (long long)a);
	assert_string_equal(e.msg, want);
	assert_int_equal(set_status(db, b, "done", &e), -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	/* nor while A is only doing */
	assert_int_equal(set_status(db, a, "doing", &e), 0);
	assert_int_equal(set_status(db, b, "doing", &e), -1);
	assert_contains(e.msg, "which is doing");
	/* blocked is not starting: allowed */
	assert_int_equal(set_status(db, b, "blocked", &e), 0);
	/* A done: B may start */
	assert_int_equal(set_status(db, a, "done", &e), 0);
	assert_int_equal(set_status(db, b, "doing", &e), 0);
	/* A cannot reopen while B is doing */
	assert_int_equal(set_status(db, a, "todo", &e), -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	assert_string_equal(e.field, "status");
	snprintf(want, sizeof want, "status: step %lld cannot be reopened: step %lld \"B\", "
		 "which depends on it, is doing", (long long)a, (long long)b);
	assert_string_equal(e.msg, want);
	assert_int_equal(set_status(db, a, "doing", &e), -1);
	assert_int_equal(set_status(db, a, "blocked", &e), -1);
	/* nor while B is done */
	assert_int_equal(set_status(db, b, "done", &e), 0);
	assert_int_equal(set_status(db, a, "todo", &e), -1);
	assert_contains(e.msg, "is done");
	/* done -> done is not a reopening */
	assert_int_equal(set_status(db, a, "done", &e), 0);
	/* B back to todo: A may reopen */
	assert_int_equal(set_status(db, b, "todo", &e), 0);
	assert_int_equal(set_status(db, a, "todo", &e), 0);
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM step WHERE status = 'todo'");
	assert_int_equal(raw_int(f->path, sql), 2);
	/* a step that does not exist */
	assert_int_equal(set_status(db, 99, "doing", &e), -1);
	assert_int_equal(e.status, ERR_NOT_FOUND);
	/* step_set follows the same rules as step_set_status */
	struct step_input in = {.name = "B2", .status = "done"};
	err_clear(&e);
	assert_int_equal(step_set(db, b, &in, STEP_NAME | STEP_STATUS, &e), -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM step WHERE name = 'B2'"), 0);
}

/* ---- steps: counting with filters ---- */

static int64_t count_steps(struct db *db, const struct step_filter *flt, unsigned fset)
{
	struct err e = {0};
	int64_t n = -1;
	if (step_count(db, flt, fset, &n, &e))
		fail_msg("step_count: %s", e.msg);
	/* a second method: step_list returns as many rows */
	struct arena a = ARENA_INIT;
	struct step *v;
	size_t len;
	if (step_list(db, &a, flt, fset & ~(unsigned)(SF_LIMIT | SF_OFFSET), &v, &len, &e))
		fail_msg("step_list: %s", e.msg);
	assert_int_equal((int64_t)len, n);
	for (size_t i = 0; i < len; i++) {
		/* listing items carry no show-only data */
		assert_null(v[i].deps);
		assert_int_equal(v[i].ndeps, 0);
		assert_int_equal(v[i].logged_minutes, 0);
	}
	arena_free(&a);
	return n;
}

static void test_step_count_filters(void **state)
{
	struct fx *f = *state;
	struct db *db = f->db;
	/* Root
	 *   Ops          plan PC
	 *     Depot      plan PA
	 *   Sales        plan PB */
	int64_t root = mk_unit(db, "Root", 0);
	int64_t ops = mk_unit(db, "Ops", root);
	int64_t depot = mk_unit(db, "Depot", ops);
	int64_t sales = mk_unit(db, "Sales", root);
	int64_t p1 = mk_person(db, "P1", "p1@x.example", ops, 0);
	int64_t p2 = mk_person(db, "P2", "p2@x.example", sales, 0);
	int64_t pa = mk_plan(db, "PA", depot);
	int64_t pb = mk_plan(db, "PB", sales);
	int64_t pc = mk_plan(db, "PC", ops);
	/*      plan assignee due         status
	 * s1   PA   P1       2026-12-01  todo
	 * s2   PA   P1       2026-12-10  doing
	 * s3   PA   P2       -           done
	 * s4   PB   P2       2026-11-30  todo
	 * s5   PB   -        2026-12-15  blocked
	 * s6   PC   P1       2026-12-01  done
	 * s7   PC   P2       2026-11-01  todo */
	mk_step(db, pa, "s1", p1, "2026-12-01", "todo");
	mk_step(db, pa, "s2", p1, "2026-12-10", "doing");
	mk_step(db, pa, "s3", p2, NULL, "done");
	mk_step(db, pb, "s4", p2, "2026-11-30", "todo");
	mk_step(db, pb, "s5", 0, "2026-12-15", "blocked");
	mk_step(db, pc, "s6", p1, "2026-12-01", "done");
	mk_step(db, pc, "s7", p2, "2026-11-01", NULL);	/* todo by default */

	struct step_filter flt = {0};
	assert_int_equal(count_steps(db, &flt, 0), 7);
	/* by plan: PA s1-s3, PB s4-s5, PC s6-s7 */
	flt.plan_id = pa;
	assert_int_equal(count_steps(db, &flt, SF_PLAN), 3);
	flt.plan_id = pb;
	assert_int_equal(count_steps(db, &flt, SF_PLAN), 2);
	flt.plan_id = pc;
	assert_int_equal(count_steps(db, &flt, SF_PLAN), 2);
	/* by assignee: P1 s1 s2 s6, P2 s3 s4 s7 (s5 has none) */
	flt = (struct step_filter){.assignee_id = p1};
	assert_int_equal(count_steps(db, &flt, SF_ASSIGNEE), 3);
	flt.assignee_id = p2;
	assert_int_equal(count_steps(db, &flt, SF_ASSIGNEE), 3);
	/* by status: todo s1 s4 s7, doing s2, done s3 s6, blocked s5 */
	static const struct { const char *status; int64_t n; } by_status[] = {
		{"todo", 3}, {"doing", 1}, {"done", 2}, {"blocked", 1},
	};
	for (int i = 0; i < 4; i++) {
		flt = (struct step_filter){.status = by_status[i].status};
		assert_int_equal(count_steps(db, &flt, SF_STATUS), by_status[i].n);
	}
	/* due strictly before: 12-01 -> s4 (11-30), s7 (11-01); 12-02 adds s1
	 * and s6 (12-01); 2027 -> all six with a due date; s3 has none */
	flt = (struct step_filter){.due_before = "2026-12-01"};
	assert_int_equal(count_steps(db, &flt, SF_DUE_BEFORE), 2);
	flt.due_before = "2026-12-02";
	assert_int_equal(count_steps(db, &flt, SF_DUE_BEFORE), 4);
	flt.due_before = "2027-01-01";
	assert_int_equal(count_steps(db, &flt, SF_DUE_BEFORE), 6);
	flt.due_before = "2026-11-01";
	assert_int_equal(count_steps(db, &flt, SF_DUE_BEFORE), 0);
	/* unit subtree: Root all 7; Ops = PC + PA (Depot) = 5; Depot PA 3;
	 * Sales PB 2 */
	flt = (struct step_filter){.unit_id = root};
	assert_int_equal(count_steps(db, &flt, SF_UNIT), 7);
	flt.unit_id = ops;
	assert_int_equal(count_steps(db, &flt, SF_UNIT), 5);
	flt.unit_id = depot;
	assert_int_equal(count_steps(db, &flt, SF_UNIT), 3);
	flt.unit_id = sales;
	assert_int_equal(count_steps(db, &flt, SF_UNIT), 2);
	/* combinations: PA and todo -> s1; P2 within Ops -> s3 (PA), s7 (PC);
	 * P1 due before 12-05 -> s1, s6; everything at once -> s1 */
	flt = (struct step_filter){.plan_id = pa, .status = "todo"};
	assert_int_equal(count_steps(db, &flt, SF_PLAN | SF_STATUS), 1);
	flt = (struct step_filter){.assignee_id = p2, .unit_id = ops};
	assert_int_equal(count_steps(db, &flt, SF_ASSIGNEE | SF_UNIT), 2);
	flt = (struct step_filter){.assignee_id = p1, .due_before = "2026-12-05"};
	assert_int_equal(count_steps(db, &flt, SF_ASSIGNEE | SF_DUE_BEFORE), 2);
	flt = (struct step_filter){.plan_id = pa, .assignee_id = p1, .status = "todo",
				   .due_before = "2026-12-05", .unit_id = ops};
	assert_int_equal(count_steps(db, &flt, SF_PLAN | SF_ASSIGNEE | SF_STATUS |
						 SF_DUE_BEFORE | SF_UNIT), 1);
	/* limit and offset do not change a count */
	flt = (struct step_filter){.limit = 2, .offset = 3};
	int64_t n = 0;
	struct err e = {0};
	assert_int_equal(step_count(db, &flt, SF_LIMIT | SF_OFFSET, &n, &e), 0);
	assert_int_equal(n, 7);
	/* but they page a listing: ids 4 and 5 */
	struct arena a = ARENA_INIT;
	struct step *v;
	size_t len;
	assert_int_equal(step_list(db, &a, &flt, SF_LIMIT | SF_OFFSET, &v, &len, &e), 0);
	assert_int_equal(len, 2);
	assert_string_equal(v[0].name, "s4");
	assert_string_equal(v[1].name, "s5");
	assert_null(v[1].assignee_name);
	arena_free(&a);
}

static void test_step_list_items_have_no_stale_fields(void **state)
{
	struct fx *f = *state;
	struct db *db = f->db;
	int64_t u = mk_unit(db, "Acme", 0);
	int64_t plan = mk_plan(db, "P", u);
	for (int i = 0; i < 100; i++)
		mk_step(db, plan, "x", 0, NULL, NULL);
	/* recycled arena memory full of 0xFF must not show through as a
	 * dependency list: step_json would read it */
	struct arena a = ARENA_INIT;
	memset(arena_alloc(&a, 60000), 0xFF, 60000);
	arena_reset(&a);
	struct step *v;
	size_t n;
	struct err e = {0};
	struct step_filter flt = {0};
	assert_int_equal(step_list(db, &a, &flt, 0, &v, &n, &e), 0);
	assert_int_equal(n, 100);
	for (size_t i = 0; i < n; i++) {
		assert_null(v[i].deps);
		json_t *j = step_json(&v[i]);
		assert_null(json_object_get(j, "depends_on"));
		json_decref(j);
	}
	arena_free(&a);
}

/* ---- time ---- */

static int log_time(struct db *db, int64_t person, int64_t step, const char *day,
		    int64_t minutes, struct err *e)
{
	struct time_input in = {.person_id = person, .step_id = step, .day = day,
				.minutes = minutes};
	int64_t id;
	err_clear(e);
	return time_log(db, &in, TIME_PERSON | TIME_STEP | TIME_DAY | TIME_MINUTES, &id, e);
}

static void test_time_day_limit(void **state)
{
	struct fx *f = *state;
	struct db *db = f->db;
	int64_t u = mk_unit(db, "Acme", 0);
	int64_t p = mk_person(db, "P", "p@x.example", u, 0);
	int64_t q = mk_person(db, "Q", "q@x.example", u, 0);
	int64_t plan = mk_plan(db, "Plan", u);
	int64_t s = mk_step(db, plan, "S", p, NULL, NULL);
	struct err e;
	/* 1000 + 441 = 1441 > 1440: refused; 1000 + 440 = 1440: accepted */
	assert_int_equal(log_time(db, p, s, "2026-11-27", 1000, &e), 0);
	assert_int_equal(log_time(db, p, s, "2026-11-27", 441, &e), -1);
	assert_int_equal(e.status, ERR_BAD_INPUT);
	assert_string_equal(e.field, "minutes");
	assert_contains(e.msg, "already has 1000 minutes on 2026-11-27");
	assert_contains(e.msg, "at most 440 more");
	assert_int_equal(log_time(db, p, s, "2026-11-27", 440, &e), 0);
	/* the day is full */
	assert_int_equal(log_time(db, p, s, "2026-11-27", 1, &e), -1);
	assert_contains(e.msg, "at most 0 more");
	/* another day and another person are separate */
	assert_int_equal(log_time(db, p, s, "2026-11-28", 30, &e), 0);
	assert_int_equal(log_time(db, q, s, "2026-11-27", 15, &e), 0);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM time_entry"), 4);
	/* references that do not exist */
	assert_int_equal(log_time(db, p, 99, "2026-11-27", 1, &e), -1);
	assert_int_equal(e.status, ERR_NOT_FOUND);
	assert_string_equal(e.field, "step_id");
	assert_int_equal(log_time(db, 99, s, "2026-11-27", 1, &e), -1);
	assert_string_equal(e.field, "person_id");
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM time_entry"), 4);

	/* totals: P 1000 + 440 + 30 = 1470; Q 15; all 1485; 11-27 only
	 * 1000 + 440 + 15 = 1455 */
	struct arena a = ARENA_INIT;
	struct time_entry *v;
	size_t n;
	int64_t total = -1;
	struct time_filter flt = {.person_id = p};
	err_clear(&e);
	assert_int_equal(time_list(db, &a, &flt, TF_PERSON, &v, &n, &total, &e), 0);
	assert_int_equal(total, 1470);
	assert_int_equal(n, 3);
	int64_t sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += v[i].minutes;
	assert_int_equal(sum, total);
	flt = (struct time_filter){0};
	assert_int_equal(time_list(db, &a, &flt, 0, &v, &n, &total, &e), 0);
	assert_int_equal(total, 1485);
	assert_int_equal(n, 4);
	flt = (struct time_filter){.from = "2026-11-27", .to = "2026-11-27"};
	assert_int_equal(time_list(db, &a, &flt, TF_FROM | TF_TO, &v, &n, &total, &e), 0);
	assert_int_equal(total, 1455);
	assert_int_equal(n, 3);
	/* a page of one: the total still counts every match */
	flt = (struct time_filter){.limit = 1};
	assert_int_equal(time_list(db, &a, &flt, TF_LIMIT, &v, &n, &total, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(total, 1485);
	/* ordered by day then id: the first entry is P's 1000 on 11-27 */
	assert_int_equal(v[0].minutes, 1000);
	arena_free(&a);
}

static void test_time_minutes_field_range(void **state)
{
	(void)state;
	const struct field *m = field_find(time_fields, "minutes");
	assert_non_null(m);
	struct time_input in = {0};
	unsigned set = 0;
	struct err e = {0};
	static const char *const bad[] = {"0", "1441", "-5", "1.5"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err_clear(&e);
		assert_int_equal(field_from_text(m, &in, &set, bad[i], &e), -1);
		assert_int_equal(e.status, ERR_BAD_INPUT);
		assert_string_equal(e.field, "minutes");
	}
	err_clear(&e);
	field_from_text(m, &in, &set, "1441", &e);
	assert_string_equal(e.msg, "minutes: must be a whole number from 1 to 1440");
	assert_int_equal(set, 0);
	assert_int_equal(field_from_text(m, &in, &set, "1", &e), 0);
	assert_int_equal(in.minutes, 1);
	assert_int_equal(field_from_text(m, &in, &set, "1440", &e), 0);
	assert_int_equal(in.minutes, 1440);
	assert_int_equal(set, TIME_MINUTES);
	/* the JSON path uses the same table */
	json_t *root = json_pack("{s:i}", "minutes", 0);
	set = 0;
	err_clear(&e);
	assert_int_equal(fields_from_json(time_fields, &in, &set, root, &e), -1);
	assert_string_equal(e.field, "minutes");
	json_decref(root);
}

/* ---- tools ---- */

static void test_tool_allocation(void **state)
{
	struct fx *f = *state;
	struct db *db = f->db;
	int64_t u = mk_unit(db, "Acme", 0);
	int64_t pa = mk_plan(db, "PA", u);
	int64_t pb = mk_plan(db, "PB", u);
	int64_t sb = mk_step(db, pb, "SB", 0, NULL, NULL);
	struct err e = {0};
	int64_t id = 0;

	/* both a plan and a step */
	struct tool_input in = {.name = "Crane", .cost_cents = 500000, .plan_id = pa,
				.step_id = sb};
	assert_int_equal(tool_add(db, &in, TOOL_NAME | TOOL_COST | TOOL_PLAN | TOOL_STEP, &id,
				  &e), -1);
	assert_int_equal(e.status, ERR_BAD_INPUT);
	assert_string_equal(e.field, "step_id");
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM tool"), 0);
	/* a plan that does not exist */
	err_clear(&e);
	in = (struct tool_input){.name = "Crane", .plan_id = 99};
	assert_int_equal(tool_add(db, &in, TOOL_NAME | TOOL_PLAN, &id, &e), -1);
	assert_int_equal(e.status, ERR_NOT_FOUND);
	assert_string_equal(e.field, "plan_id");

	/* to plan A */
	err_clear(&e);
	in = (struct tool_input){.name = "Crane", .cost_cents = 500000, .plan_id = pa};
	assert_int_equal(tool_add(db, &in, TOOL_NAME | TOOL_COST | TOOL_PLAN, &id, &e), 0);
	struct arena a = ARENA_INIT;
	struct tool t;
	assert_int_equal(tool_get(db, &a, id, &t, &e), 0);
	assert_int_equal(t.plan_id, pa);
	assert_int_equal(t.step_id, 0);
	assert_int_equal(t.cost_cents, 500000);

	/* re-allocated to a step of plan B: its plan is B, through the step */
	in = (struct tool_input){.step_id = sb};
	assert_int_equal(tool_set(db, id, &in, TOOL_STEP, &e), 0);
	assert_int_equal(tool_get(db, &a, id, &t, &e), 0);
	assert_int_equal(t.step_id, sb);
	assert_int_equal(t.plan_id, pb);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM tool WHERE plan_id IS NULL"), 1);
	/* the listing by plan follows it */
	struct tool_filter flt = {.plan_id = pa};
	struct tool *v;
	size_t n;
	assert_int_equal(tool_list(db, &a, &flt, TOF_PLAN, &v, &n, &e), 0);
	assert_int_equal(n, 0);
	flt.plan_id = pb;
	assert_int_equal(tool_list(db, &a, &flt, TOF_PLAN, &v, &n, &e), 0);
	assert_int_equal(n, 1);

	/* renaming and re-pricing leave the allocation alone */
	in = (struct tool_input){.name = "Big crane", .cost_cents = 750050};
	assert_int_equal(tool_set(db, id, &in, TOOL_NAME | TOOL_COST, &e), 0);
	assert_int_equal(tool_get(db, &a, id, &t, &e), 0);
	assert_string_equal(t.name, "Big crane");
	assert_int_equal(t.cost_cents, 750050);
	assert_int_equal(t.step_id, sb);

	/* back to plan A as a whole: the step allocation goes */
	in = (struct tool_input){.plan_id = pa};
	assert_int_equal(tool_set(db, id, &in, TOOL_PLAN, &e), 0);
	assert_int_equal(tool_get(db, &a, id, &t, &e), 0);
	assert_int_equal(t.plan_id, pa);
	assert_int_equal(t.step_id, 0);

	/* both at once: refused, nothing changes */
	in = (struct tool_input){.plan_id = pb, .step_id = sb};
	assert_int_equal(tool_set(db, id, &in, TOOL_PLAN | TOOL_STEP, &e), -1);
	assert_int_equal(e.status, ERR_BAD_INPUT);
	err_clear(&e);
	assert_int_equal(tool_get(db, &a, id, &t, &e), 0);
	assert_int_equal(t.plan_id, pa);

	/* plan none, no step: freed */
	in = (struct tool_input){.plan_id = 0};
	assert_int_equal(tool_set(db, id, &in, TOOL_PLAN, &e), 0);
	assert_int_equal(tool_get(db, &a, id, &t, &e), 0);
	assert_int_equal(t.plan_id, 0);
	assert_int_equal(t.step_id, 0);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM tool WHERE plan_id IS NULL "
					  "AND step_id IS NULL"), 1);
	/* a tool that does not exist */
	assert_int_equal(tool_set(db, 99, &in, TOOL_PLAN, &e), -1);
	assert_int_equal(e.status, ERR_NOT_FOUND);
	arena_free(&a);
}

/* ---- failed writes ---- */

static void test_failed_write_leaves_no_row(void **state)
{
	struct fx *f = *state;
	struct db *db = f->db;
	int64_t u = mk_unit(db, "Acme", 0);
	int64_t plan = mk_plan(db, "P", u);
	mk_step(db, plan, "first", 0, NULL, NULL);
	int64_t before = raw_int(f->path, "SELECT count(*) FROM step");
	assert_int_equal(before, 1);
	struct err e = {0};
	int64_t id;
	/* an assignee that does not exist */
	struct step_input in = {.plan_id = plan, .name = "bad", .assignee_id = 99};
	assert_int_equal(step_add(db, &in, STEP_PLAN | STEP_NAME | STEP_ASSIGNEE, &id, &e), -1);
	assert_int_equal(e.status, ERR_NOT_FOUND);
	assert_string_equal(e.field, "assignee_id");
	/* a plan that does not exist */
	err_clear(&e);
	in = (struct step_input){.plan_id = 99, .name = "bad"};
	assert_int_equal(step_add(db, &in, STEP_PLAN | STEP_NAME, &id, &e), -1);
	assert_string_equal(e.field, "plan_id");
	/* no name */
	err_clear(&e);
	in = (struct step_input){.plan_id = plan};
	assert_int_equal(step_add(db, &in, STEP_PLAN, &id, &e), -1);
	assert_int_equal(e.status, ERR_BAD_INPUT);
	assert_string_equal(e.field, "name");
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM step"), before);
	assert_false(db_in_transaction(db));

	/* inside a larger transaction, a refused write dooms the writes that
	 * succeeded before it: nothing of the batch stays */
	err_clear(&e);
	assert_int_equal(db_begin(db, &e), 0);
	in = (struct step_input){.plan_id = plan, .name = "batch 1"};
	assert_int_equal(step_add(db, &in, STEP_PLAN | STEP_NAME, &id, &e), 0);
	in = (struct step_input){.plan_id = plan, .name = "batch 2", .assignee_id = 99};
	assert_int_equal(step_add(db, &in, STEP_PLAN | STEP_NAME | STEP_ASSIGNEE, &id, &e), -1);
	struct err e2 = {0};
	assert_int_equal(db_commit(db, &e2), -1);
	assert_false(db_in_transaction(db));
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM step"), before);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM step WHERE name = 'batch 1'"), 0);
	/* and the connection works afterwards */
	mk_step(db, plan, "after", 0, NULL, NULL);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM step"), before + 1);
}

/* ---- demo ---- */

static struct demo_opts demo_opts(int64_t seed)
{
	/* the CLI's defaults (cli/cmd_misc.c), anchored on a fixed day */
	return (struct demo_opts){.people = 40, .plans = 5, .steps = 80, .months = 3,
				  .seed = seed, .today = "2026-11-27"};
}

#define STEP_DIGEST                                                                  \
	"SELECT group_concat(r, ';') FROM (SELECT id || '|' || plan_id || '|' || name || " \
	"'|' || coalesce(assignee_id, '') || '|' || estimate_minutes || '|' || "          \
	"duration_days || '|' || coalesce(due, '') || '|' || status AS r FROM step "      \
	"ORDER BY id)"
#define DEP_DIGEST                                                                   \
	"SELECT group_concat(r, ';') FROM (SELECT step_id || '>' || depends_on AS r "     \
	"FROM step_dep ORDER BY step_id, depends_on)"
#define TIME_DIGEST                                                                  \
	"SELECT group_concat(r, ';') FROM (SELECT person_id || '|' || step_id || '|' || " \
	"day || '|' || minutes AS r FROM time_entry ORDER BY id)"

static void test_demo_seed(void **state)
{
	struct fx *f = *state;
	struct db *db = f->db;
	struct demo_opts o = demo_opts(1);
	struct demo_counts c;
	struct err e = {0};
	if (demo_seed(db, &o, &c, &e))
		fail_msg("demo_seed: %s", e.msg);
	assert_false(db_in_transaction(db));

	/* the returned counts are the table counts */
	assert_int_equal(c.units, raw_int(f->path, "SELECT count(*) FROM unit"));
	assert_int_equal(c.people, raw_int(f->path, "SELECT count(*) FROM person"));
	assert_int_equal(c.plans, raw_int(f->path, "SELECT count(*) FROM plan"));
	assert_int_equal(c.steps, raw_int(f->path, "SELECT count(*) FROM step"));
	assert_int_equal(c.deps, raw_int(f->path, "SELECT count(*) FROM step_dep"));
	assert_int_equal(c.entries, raw_int(f->path, "SELECT count(*) FROM time_entry"));
	assert_int_equal(c.tools, raw_int(f->path, "SELECT count(*) FROM tool"));
	/* and the sizes asked for: six units (demo.c), 40 people, 5 plans,
	 * 80 steps; some dependencies, time and tools */
	assert_int_equal(c.units, 6);
	assert_int_equal(c.people, 40);
	assert_int_equal(c.plans, 5);
	assert_int_equal(c.steps, 80);
	assert_true(c.deps > 0);
	assert_true(c.entries > 0);
	assert_true(c.tools > 0);

	/* a doing or done step has every dependency done */
	assert_int_equal(raw_int(f->path,
		"SELECT count(*) FROM step s JOIN step_dep d ON d.step_id = s.id "
		"JOIN step o ON o.id = d.depends_on "
		"WHERE s.status IN ('doing', 'done') AND o.status <> 'done'"), 0);
	/* dependencies stay in one plan and point to earlier steps (acyclic) */
	assert_int_equal(raw_int(f->path,
		"SELECT count(*) FROM step_dep d JOIN step s ON s.id = d.step_id "
		"JOIN step o ON o.id = d.depends_on "
		"WHERE s.plan_id <> o.plan_id OR d.depends_on >= d.step_id"), 0);
	/* nobody has more than a day (1440 minutes) on any day; the seeder
	 * promises at most 10 hours */
	assert_int_equal(raw_int(f->path,
		"SELECT count(*) FROM (SELECT person_id, day, sum(minutes) AS m "
		"FROM time_entry GROUP BY person_id, day HAVING m > 1440)"), 0);
	assert_true(raw_int(f->path,
		"SELECT coalesce(max(m), 0) FROM (SELECT sum(minutes) AS m FROM time_entry "
		"GROUP BY person_id, day)") <= 600);
	/* time only on working days before the anchor day: strftime %w is
	 * 0 for Sunday and 6 for Saturday */
	assert_int_equal(raw_int(f->path,
		"SELECT count(*) FROM time_entry WHERE strftime('%w', day) IN ('0', '6') "
		"OR day >= '2026-11-27'"), 0);
	/* time only on steps that started */
	assert_int_equal(raw_int(f->path,
		"SELECT count(*) FROM time_entry t JOIN step s ON s.id = t.step_id "
		"WHERE s.status NOT IN ('doing', 'done')"), 0);
	/* the manager chain has no loop: at most one person without a manager
	 * (the chief executive), and every manager is someone else */
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM person WHERE manager_id IS NULL"),
			 1);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM person WHERE manager_id = id"),
			 0);

	/* a second seed is refused and changes nothing */
	struct demo_counts c2;
	err_clear(&e);
	assert_int_equal(demo_seed(db, &o, &c2, &e), -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	assert_false(db_in_transaction(db));
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM step"), 80);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM unit"), 6);
}

static void test_demo_seed_is_deterministic(void **state)
{
	struct fx *f = *state;
	struct demo_opts o = demo_opts(1);
	struct demo_counts c1, c2;
	struct err e = {0};
	assert_int_equal(demo_seed(f->db, &o, &c1, &e), 0);
	struct db *db2 = open_db(f->path2);
	assert_int_equal(demo_seed(db2, &o, &c2, &e), 0);
	db_close(db2);
	assert_memory_equal(&c1, &c2, sizeof c1);
	static const char *const digests[] = {STEP_DIGEST, DEP_DIGEST, TIME_DIGEST};
	for (size_t i = 0; i < sizeof digests / sizeof digests[0]; i++) {
		char *a = raw_text(f->path, digests[i]);
		char *b = raw_text(f->path2, digests[i]);
		assert_true(strlen(a) > 100);
		assert_string_equal(a, b);
		free(a);
		free(b);
	}
}

static void test_demo_seed_other_seed_differs(void **state)
{
	struct fx *f = *state;
	struct demo_opts o1 = demo_opts(1), o2 = demo_opts(2);
	struct demo_counts c;
	struct err e = {0};
	assert_int_equal(demo_seed(f->db, &o1, &c, &e), 0);
	struct db *db2 = open_db(f->path2);
	assert_int_equal(demo_seed(db2, &o2, &c, &e), 0);
	db_close(db2);
	char *a = raw_text(f->path, STEP_DIGEST);
	char *b = raw_text(f->path2, STEP_DIGEST);
	assert_true(strcmp(a, b) != 0);
	free(a);
	free(b);
	/* the rules hold for this seed too */
	assert_int_equal(raw_int(f->path2,
		"SELECT count(*) FROM step s JOIN step_dep d ON d.step_id = s.id "
		"JOIN step o ON o.id = d.depends_on "
		"WHERE s.status IN ('doing', 'done') AND o.status <> 'done'"), 0);
	/* a bad anchor day is refused before anything is written */
	err_clear(&e);
	struct demo_opts bad = demo_opts(3);
	bad.today = "2026-02-30";
	struct db *db3 = open_db(f->path3);
	assert_int_equal(demo_seed(db3, &bad, &c, &e), -1);
	assert_int_equal(e.status, ERR_BAD_INPUT);
	assert_string_equal(e.field, "today");
	db_close(db3);
	assert_int_equal(raw_int(f->path3, "SELECT count(*) FROM unit"), 0);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_unit_tree),
		T(test_unit_moves),
		T(test_unit_rm),
		T(test_person_email_unique_ignoring_case),
		T(test_person_manager_chain),
		T(test_step_dependency_cycle_named),
		T(test_step_long_cycle_refused),
		T(test_step_status_rules),
		T(test_step_count_filters),
		T(test_step_list_items_have_no_stale_fields),
		T(test_time_day_limit),
		T(test_time_minutes_field_range),
		T(test_tool_allocation),
		T(test_failed_write_leaves_no_row),
		T(test_demo_seed),
		T(test_demo_seed_is_deterministic),
		T(test_demo_seed_other_seed_differs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
