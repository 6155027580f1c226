/* test_store: proves store/db.h on temporary SQLite files.
 *
 *   - db_open("sqlite:PATH") migrates an empty file to db_latest_version()
 *     and reopens it without migrating; without DB_MIGRATE an empty file
 *     is refused;
 *   - a file of garbage bytes, a SQLite database of someone else's tables
 *     and a tandem database from a newer tandem are refused (503) with
 *     messages saying so; an unknown URL scheme is a 400;
 *   - binding a parameter name the statement lacks makes db_step fail
 *     naming it;
 *   - db_begin/db_commit nest and commit once (a second connection sees
 *     nothing until the outer commit); an inner db_rollback dooms the
 *     outer commit;
 *   - the statement cache hands out a second working statement for the
 *     same SQL while the first is in use, refuses when all slots are in
 *     use, and survives a failed prepare after eviction;
 *   - SQLite constraint failures map to the documented statuses.
 *
 * Databases are made and inspected with the sqlite3 C API directly,
 * independently of the code under test. */
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
#include "store/copy.h"
#include "store/db.h"

#include "testutil.h"

struct tmp {
	char dir[64];
	char path[128];
	char url[160];
};

static int setup(void **state)
{
	struct tmp *t = calloc(1, sizeof *t);
	if (!t)
		return -1;
	if (make_test_dir(t->dir, "store")) {
		free(t);
		return -1;
	}
	snprintf(t->path, sizeof t->path, "%s/t.db", t->dir);
	snprintf(t->url, sizeof t->url, "sqlite:%s", t->path);
	*state = t;
	return 0;
}

static int teardown(void **state)
{
	struct tmp *t = *state;
	remove_db_files(t->path);
	rmdir(t->dir);
	free(t);
	return 0;
}

/* Runs SQL on the file through sqlite3 directly. */
static void raw_exec(const char *path, const char *sql)
{
	sqlite3 *c = NULL;
	assert_int_equal(sqlite3_open(path, &c), SQLITE_OK);
	char *msg = NULL;
	if (sqlite3_exec(c, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("raw_exec %s: %s", sql, msg ? msg : "?");
	sqlite3_close(c);
}

static struct db *open_ok(const struct tmp *t, int flags)
{
	struct db *db = NULL;
	struct err e = {0};
	if (db_open(t->url, flags, &db, &e) != 0)
		fail_msg("db_open %s: %d %s", t->url, e.status, e.msg);
	assert_non_null(db);
	return db;
}

static void test_open_migrates_empty_file(void **state)
{
	struct tmp *t = *state;
	assert_true(db_latest_version() >= 1);
	struct db *db = open_ok(t, DB_MIGRATE);
	assert_string_equal(db_backend_name(db), "sqlite");
	assert_int_equal(db_schema_version(db), db_latest_version());
	assert_false(db_in_transaction(db));
	db_close(db);
	/* what is on disk, read without tandem: one schema_version row per
	 * migration, the last one the latest, and every table of the schema */
	assert_int_equal(raw_int(t->path, "SELECT max(version) FROM schema_version"),
			 db_latest_version());
	assert_int_equal(raw_int(t->path, "SELECT count(*) FROM schema_version"),
			 db_latest_version());
	assert_int_equal(raw_int(t->path,
				 "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
				 "('schema_version','unit','person','plan','step','step_dep',"
				 "'time_entry','tool')"), 8);

	/* a current database opens without DB_MIGRATE, and again with it,
	 * keeping its rows */
	raw_exec(t->path, "INSERT INTO unit (name) VALUES ('Kept')");
	db = open_ok(t, 0);
	assert_int_equal(db_schema_version(db), db_latest_version());
	db_close(db);
	db = open_ok(t, DB_MIGRATE);
	db_close(db);
	assert_int_equal(raw_int(t->path, "SELECT count(*) FROM unit WHERE name = 'Kept'"), 1);
	assert_int_equal(raw_int(t->path, "SELECT count(*) FROM schema_version"),
			 db_latest_version());
}

static void test_empty_file_without_migrate_refused(void **state)
{
	struct tmp *t = *state;
	struct db *db = (struct db *)1;
	struct err e = {0};
	assert_int_equal(db_open(t->url, 0, &db, &e), -1);
	assert_null(db);
	assert_int_equal(e.status, ERR_UNAVAILABLE);
	assert_contains(e.msg, "schema version 0");
	assert_contains(e.msg, "migrates");
}

static void test_garbage_file_refused(void **state)
{
	struct tmp *t = *state;
	FILE *f = fopen(t->path, "wb");
	assert_non_null(f);
	for (int i = 0; i < 4096; i++)
		fputc((i * 37 + 11) & 0xff, f);
	fclose(f);
	struct db *db = (struct db *)1;
	struct err e = {0};
	assert_int_equal(db_open(t->url, DB_MIGRATE, &db, &e), -1);
	assert_null(db);
	assert_int_equal(e.status, ERR_UNAVAILABLE);
	assert_contains(e.msg, "not a tandem database");
	assert_contains(e.msg, t->path);
	assert_int_equal(err_exit_code(&e), EXIT_DATABASE);
}

static void test_foreign_sqlite_database_refused(void **state)
{
	struct tmp *t = *state;
	raw_exec(t->path, "CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT);"
			  "INSERT INTO recipes (title) VALUES ('soup');");
	struct db *db = (struct db *)1;
	struct err e = {0};
	assert_int_equal(db_open(t->url, DB_MIGRATE, &db, &e), -1);
	assert_null(db);
	assert_int_equal(e.status, ERR_UNAVAILABLE);
	assert_contains(e.msg, "not a tandem database");
	/* and it was left alone */
	assert_int_equal(raw_int(t->path, "SELECT count(*) FROM sqlite_master WHERE "
					  "name = 'schema_version'"), 0);
	assert_int_equal(raw_int(t->path, "SELECT count(*) FROM recipes"), 1);
}

static void test_newer_schema_refused(void **state)
{
	struct tmp *t = *state;
	db_close(open_ok(t, DB_MIGRATE));
	char sql[128];
	int future = db_latest_version() + 1;
	snprintf(sql, sizeof sql, "INSERT INTO schema_version (version, name) VALUES (%d, 'x')",
		 future);
	raw_exec(t->path, sql);
	struct db *db = (struct db *)1;
	struct err e = {0};
	assert_int_equal(db_open(t->url, DB_MIGRATE, &db, &e), -1);
	assert_null(db);
	assert_int_equal(e.status, ERR_UNAVAILABLE);
	assert_contains(e.msg, "newer");
	char want[64];
	snprintf(want, sizeof want, "schema version %d", future);
	assert_contains(e.msg, want);
}

static void test_bad_urls_refused(void **state)
{
	(void)state;
	static const char *const urls[] = {"mysql:x", "postgres", "", "SQLITE:/tmp/x", "sqlite:"};
	for (size_t i = 0; i < sizeof urls / sizeof urls[0]; i++) {
		struct db *db = (struct db *)1;
		struct err e = {0};
		assert_int_equal(db_open(urls[i], DB_MIGRATE, &db, &e), -1);
		assert_null(db);
		assert_int_equal(e.status, ERR_BAD_INPUT);
		assert_string_equal(e.field, "db");
	}
	struct db *db;
	struct err e = {0};
	db_open("mysql:x", 0, &db, &e);
	assert_contains(e.msg, "unknown database URL \"mysql:x\"");
	/* a directory that does not exist cannot hold the file */
	err_clear(&e);
	assert_int_equal(db_open("sqlite:/nonexistent-dir-tandem/x.db", DB_MIGRATE, &db, &e), -1);
	assert_int_equal(e.status, ERR_UNAVAILABLE);
}

static void test_unknown_parameter_fails_step(void **state)
{
	struct tmp *t = *state;
	struct db *db = open_ok(t, DB_MIGRATE);
	struct err e = {0};
	struct stmt *st = db_prepare(db, "SELECT :a + 1", &e);
	assert_non_null(st);
	db_bind_int(st, ":a", 1);
	db_bind_int(st, ":nosuch", 2);
	db_bind_text(st, ":other", "x");	/* the first bad name is reported */
	assert_int_equal(db_step(st, &e), -1);
	assert_int_equal(e.status, ERR_INTERNAL);
	assert_contains(e.msg, ":nosuch");
	db_done(st);

	/* the same cached statement, bound correctly, works again */
	err_clear(&e);
	st = db_prepare(db, "SELECT :a + 1", &e);
	assert_non_null(st);
	db_bind_int(st, ":a", 41);
	assert_int_equal(db_step(st, &e), 1);
	assert_int_equal(db_col_int(st, 0), 42);
	db_done(st);

	/* db_one_int passes the failure on too */
	int64_t v = 0;
	st = db_prepare(db, "SELECT count(*) FROM unit WHERE id = :id", &e);
	db_bind_int(st, ":idd", 1);
	assert_int_equal(db_one_int(st, &v, &e), -1);
	assert_contains(e.msg, ":idd");
	db_close(db);
}

static void test_binds_and_columns(void **state)
{
	struct tmp *t = *state;
	struct db *db = open_ok(t, DB_MIGRATE);
	struct err e = {0};
	struct stmt *st = db_prepare(db, "SELECT :i, :t, :n, :id0, :id7", &e);
	assert_non_null(st);
	db_bind_int(st, ":i", INT64_MIN);
	db_bind_text(st, ":t", "caf\xc3\xa9");
	db_bind_null(st, ":n");
	db_bind_id(st, ":id0", 0);	/* 0 binds null */
	db_bind_id(st, ":id7", 7);
	assert_int_equal(db_step(st, &e), 1);
	assert_int_equal(db_col_int(st, 0), INT64_MIN);
	assert_string_equal(db_col_text(st, 1), "caf\xc3\xa9");
	assert_true(db_col_is_null(st, 2));
	assert_null(db_col_text(st, 2));
	assert_true(db_col_is_null(st, 3));
	assert_false(db_col_is_null(st, 4));
	assert_int_equal(db_col_int(st, 4), 7);
	assert_int_equal(db_step(st, &e), 0);
	db_done(st);
	db_done(NULL);	/* safe */

	/* db_text NULL binds null */
	st = db_prepare(db, "SELECT :t IS NULL", &e);
	db_bind_text(st, ":t", NULL);
	int64_t v = 0;
	assert_int_equal(db_one_int(st, &v, &e), 1);
	assert_int_equal(v, 1);
	/* no row: 0 and v untouched */
	st = db_prepare(db, "SELECT id FROM unit WHERE id = :id", &e);
	db_bind_int(st, ":id", 12345);
	v = 99;
	assert_int_equal(db_one_int(st, &v, &e), 0);
	assert_int_equal(v, 99);

	/* db_run_id: 1 for a row, 0 for none */
	assert_int_equal(db_exec(db, "INSERT INTO unit (name) VALUES ('A')", &e), 0);
	assert_int_equal(db_run_id(db, "SELECT 1 FROM unit WHERE id = :id", 1, &e), 1);
	assert_int_equal(db_run_id(db, "SELECT 1 FROM unit WHERE id = :id", 2, &e), 0);
	assert_int_equal(db_run_id(db, "DELETE FROM unit WHERE id = :id", 1, &e), 0);
	assert_int_equal(db_run_id(db, "SELECT 1 FROM unit WHERE id = :id", 1, &e), 0);
	assert_int_equal(e.status, 0);
	db_close(db);
}

struct row {
	int64_t n;
	const char *s;
};

static void row_fn(struct stmt *st, struct arena *a, void *item)
{
	struct row *r = item;
	r->n = db_col_int(st, 0);
	r->s = arena_strdup(a, db_col_text(st, 1));
}

static void test_collect_many_rows(void **state)
{
	struct tmp *t = *state;
	struct db *db = open_ok(t, DB_MIGRATE);
	struct err e = {0};
	/* 1000 rows: past the first 64-item array several times */
	assert_int_equal(db_exec(db,
		"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000) "
		"INSERT INTO unit (name) SELECT 'u' || x FROM c", &e), 0);
	struct arena a = ARENA_INIT;
	/* dirty the arena's first block, then reset it: items come from
	 * recycled memory and must still read back exactly */
	memset(arena_alloc(&a, 60000), 0xA5, 60000);
	arena_reset(&a);
	struct stmt *st = db_prepare(db, "SELECT id, name FROM unit ORDER BY id", &e);
	struct row *rows = NULL;
	size_t n = 0;
	assert_int_equal(db_collect(st, &a, sizeof *rows, row_fn, (void **)&rows, &n, &e), 0);
	assert_int_equal(n, 1000);
	for (size_t i = 0; i < n; i++) {
		char want[32];
		snprintf(want, sizeof want, "u%zu", i + 1);
		assert_int_equal(rows[i].n, (int64_t)i + 1);
		assert_string_equal(rows[i].s, want);
	}
	/* no rows: n = 0, a usable array */
	st = db_prepare(db, "SELECT id, name FROM unit WHERE id < 0", &e);
	assert_int_equal(db_collect(st, &a, sizeof *rows, row_fn, (void **)&rows, &n, &e), 0);
	assert_int_equal(n, 0);
	assert_non_null(rows);
	/* a failing step fails the collection and frees the statement */
	st = db_prepare(db, "SELECT id, name FROM unit WHERE id = :x", &e);
	db_bind_int(st, ":y", 1);
	assert_int_equal(db_collect(st, &a, sizeof *rows, row_fn, (void **)&rows, &n, &e), -1);
	arena_free(&a);
	db_close(db);
}

static void test_nested_transactions_commit_once(void **state)
{
	struct tmp *t = *state;
	struct db *db = open_ok(t, DB_MIGRATE);
	struct err e = {0};
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(db_begin(db, &e), 0);
	assert_true(db_in_transaction(db));
	assert_int_equal(db_exec(db, "INSERT INTO unit (name) VALUES ('Nested')", &e), 0);
	assert_int_equal(db_commit(db, &e), 0);	/* inner: nothing reaches the file */
	assert_true(db_in_transaction(db));
	assert_int_equal(raw_int(t->path, "SELECT count(*) FROM unit"), 0);
	assert_int_equal(db_commit(db, &e), 0);	/* outer: commits */
	assert_false(db_in_transaction(db));
	assert_int_equal(raw_int(t->path, "SELECT count(*) FROM unit"), 1);
	assert_int_equal(e.status, 0);

	/* db_end: 0 commits, non-zero rolls back */
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(db_exec(db, "INSERT INTO unit (name) VALUES ('Ended')", &e), 0);
	assert_int_equal(db_end(db, 0, &e), 0);
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(db_exec(db, "INSERT INTO unit (name) VALUES ('Dropped')", &e), 0);
	assert_int_equal(db_end(db, -1, &e), -1);
	assert_false(db_in_transaction(db));
	assert_int_equal(raw_int(t->path, "SELECT count(*) FROM unit"), 2);
	assert_int_equal(raw_int(t->path, "SELECT count(*) FROM unit WHERE name = 'Dropped'"), 0);

	/* rollback with no transaction is harmless */
	db_rollback(db);
	assert_false(db_in_transaction(db));
	db_close(db);
}

static void test_inner_rollback_dooms_outer(void **state)
{
	struct tmp *t = *state;
	struct db *db = open_ok(t, DB_MIGRATE);
	struct err e = {0};
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(db_exec(db, "INSERT INTO unit (name) VALUES ('Outer')", &e), 0);
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(db_exec(db, "INSERT INTO unit (name) VALUES ('Inner')", &e), 0);
	db_rollback(db);	/* inner failure */
	assert_true(db_in_transaction(db));
	assert_int_equal(db_commit(db, &e), -1);
	assert_int_equal(e.status, ERR_INTERNAL);
	assert_contains(e.msg, "rolled back");
	assert_false(db_in_transaction(db));
	assert_int_equal(raw_int(t->path, "SELECT count(*) FROM unit"), 0);

	/* the doom does not outlive its transaction */
	err_clear(&e);
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(db_exec(db, "INSERT INTO unit (name) VALUES ('Later')", &e), 0);
	assert_int_equal(db_commit(db, &e), 0);
	assert_int_equal(raw_int(t->path, "SELECT count(*) FROM unit"), 1);

	/* closing with a transaction open rolls it back */
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(db_exec(db, "INSERT INTO unit (name) VALUES ('Unfinished')", &e), 0);
	db_close(db);
	assert_int_equal(raw_int(t->path, "SELECT count(*) FROM unit"), 1);
}

static void test_statement_cache_same_sql_twice(void **state)
{
	struct tmp *t = *state;
	struct db *db = open_ok(t, DB_MIGRATE);
	struct err e = {0};
	/* the text is built at run time, so the two calls pass different
	 * pointers with the same content */
	char sql1[64], sql2[64];
	snprintf(sql1, sizeof sql1, "SELECT :v * %d", 2);
	snprintf(sql2, sizeof sql2, "SELECT :v * %d", 2);
	struct stmt *a = db_prepare(db, sql1, &e);
	assert_non_null(a);
	db_bind_int(a, ":v", 3);
	assert_int_equal(db_step(a, &e), 1);	/* a is in use, mid-result */
	struct stmt *b = db_prepare(db, sql2, &e);
	assert_non_null(b);
	assert_ptr_not_equal(a, b);
	db_bind_int(b, ":v", 5);
	assert_int_equal(db_step(b, &e), 1);
	assert_int_equal(db_col_int(b, 0), 10);
	assert_int_equal(db_col_int(a, 0), 6);	/* a's row is intact */
	db_done(b);
	assert_int_equal(db_col_int(a, 0), 6);
	db_done(a);
	/* both go back to the cache: the next request reuses one of them,
	 * reset and unbound */
	struct stmt *c = db_prepare(db, sql1, &e);
	assert_true(c == a || c == b);
	assert_int_equal(db_step(c, &e), 1);
	assert_true(db_col_is_null(c, 0));	/* :v unbound is null, null * 2 is null */
	db_done(c);
	assert_int_equal(e.status, 0);
	db_close(db);
}

static void test_statement_cache_limits(void **state)
{
	struct tmp *t = *state;
	struct db *db = open_ok(t, DB_MIGRATE);
	struct err e = {0};
	/* hold statements until the cache runs out of slots */
	struct stmt *held[200];
	int n = 0;
	for (; n < 200; n++) {
		char sql[64];
		snprintf(sql, sizeof sql, "SELECT %d", n);
		held[n] = db_prepare(db, sql, &e);
		if (!held[n])
			break;
	}
	assert_true(n >= 16 && n < 200);
	assert_int_equal(e.status, ERR_INTERNAL);
	assert_contains(e.msg, "too many statements");
	for (int i = 0; i < n; i++)
		db_done(held[i]);

	/* with every slot free and the cache full, a new statement evicts
	 * one; a statement that fails to prepare must leave the cache usable */
	err_clear(&e);
	assert_null(db_prepare(db, "SELEC broken", &e));
	assert_int_equal(e.status, ERR_INTERNAL);
	for (int round = 0; round < 3; round++)
		for (int i = 0; i < 2 * n; i++) {
			char sql[64];
			snprintf(sql, sizeof sql, "SELECT %d + %d", i, round);
			err_clear(&e);
			struct stmt *st = db_prepare(db, sql, &e);
			if (!st)
				fail_msg("prepare %s: %s", sql, e.msg);
			int64_t v = -1;
			assert_int_equal(db_one_int(st, &v, &e), 1);
			assert_int_equal(v, i + round);
			if (i % 17 == 0) {
				err_clear(&e);
				assert_null(db_prepare(db, "SELEC broken again", &e));
			}
		}
	db_close(db);
}

static void test_constraint_statuses(void **state)
{
	struct tmp *t = *state;
	struct db *db = open_ok(t, DB_MIGRATE);
	struct err e = {0};
	assert_int_equal(db_exec(db, "INSERT INTO unit (name) VALUES ('A')", &e), 0);
	/* a missing foreign key: 409 "still referenced"-style conflict */
	assert_int_equal(db_exec(db, "INSERT INTO unit (name, parent_id) VALUES ('B', 999)", &e),
			 -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	/* a duplicate primary key: 409 "already exists" */
	err_clear(&e);
	assert_int_equal(db_exec(db, "INSERT INTO unit (id, name) VALUES (1, 'again')", &e), -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	assert_contains(e.msg, "already exists");
	/* a CHECK: 400 "refused by the database" */
	err_clear(&e);
	assert_int_equal(db_exec(db, "INSERT INTO tool (name, cost_cents) VALUES ('t', -1)", &e),
			 -1);
	assert_int_equal(e.status, ERR_BAD_INPUT);
	assert_contains(e.msg, "refused by the database");
	/* a NOT NULL: also refused as bad input */
	err_clear(&e);
	assert_int_equal(db_exec(db, "INSERT INTO unit (name) VALUES (NULL)", &e), -1);
	assert_int_equal(e.status, ERR_BAD_INPUT);
	/* a syntax error is internal */
	err_clear(&e);
	assert_int_equal(db_exec(db, "INSERT INTO", &e), -1);
	assert_int_equal(e.status, ERR_INTERNAL);
	assert_null(db_prepare(db, "SELECT * FROM no_such_table", &e));
	db_close(db);
	assert_int_equal(raw_int(t->path, "SELECT count(*) FROM unit"), 1);
}

/* tandem migrate copies the tables it lists: every table and column of
 * the schema must be there, as SQLite itself describes them. */
static void test_copy_tables_cover_schema(void **state)
{
	struct tmp *t = *state;
	db_close(open_ok(t, DB_MIGRATE));
	sqlite3 *c = NULL;
	assert_int_equal(sqlite3_open(t->path, &c), SQLITE_OK);
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(c,
		"SELECT m.name, group_concat(p.name, ',') FROM sqlite_master m, "
		"pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT IN "
		"('schema_version', 'sqlite_sequence') GROUP BY m.name ORDER BY m.name",
		-1, &st, NULL), SQLITE_OK);
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *table = (const char *)sqlite3_column_text(st, 0);
		const char *cols = (const char *)sqlite3_column_text(st, 1);
		int found = 0;
		for (int i = 0; i < copy_ntables(); i++) {
			if (strcmp(copy_table_name(i), table) != 0)
				continue;
			found = 1;
			assert_string_equal(copy_table_columns(i), cols);
		}
		if (!found)
			fail_msg("table %s is not copied by tandem migrate", table);
		n++;
	}
	sqlite3_finalize(st);
	sqlite3_close(c);
	assert_int_equal(n, copy_ntables());
	/* unit person plan step step_dep time_entry tool, account token
	 * login_failure audit (11); setting holiday target target_value
	 * plan_target budget expense step_progress skill person_skill
	 * position position_skill staffing raci publication publication_to
	 * tolerance problem (18); evm_plan evm_cost evm_earned evm_planned (4);
	 * vision strategy plan_strategy signal theme signal_theme
	 * signal_response stakeholder comm comm_audience comm_recipient
	 * commitment coalition coalition_member org_value recognition idea
	 * idea_vote pulse pulse_question pulse_unit pulse_invite
	 * pulse_responded pulse_count pulse_comment coaching_note (26);
	 * initiative initiative_step initiative_unit initiative_signal
	 * initiative_theme initiative_strategy initiative_plan initiative_comm
	 * obstacle win anchor volunteer balance_snapshot balance_score cohort
	 * cohort_member assessment assessment_answer (18) */
	assert_int_equal(n, 77);
}

/* Database URLs appear in messages and logs with the password masked. */
static void test_url_redacted(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{"postgres://bob:s3cret@db.example:5432/tandem",
		 "postgres://bob:***@db.example:5432/tandem"},
		{"postgresql://bob@db.example/tandem?password=s3cret&sslmode=require",
		 "postgresql://bob@db.example/tandem?password=***&sslmode=require"},
		{"postgres://bob:a:b@h/db", "postgres://bob:***@h/db"},
		{"postgres://h/db?user=x", "postgres://h/db?user=x"},
		{"postgres://h:5432/db@x", "postgres://h:5432/db@x"},
		{"sqlite:/tmp/pass:word@x.db", "sqlite:/tmp/pass:word@x.db"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char out[128];
		db_url_redact(cases[i][0], out, sizeof out);
		assert_string_equal(out, cases[i][1]);
	}
	char tiny[8];
	db_url_redact("postgres://bob:s3cret@h/db", tiny, sizeof tiny);
	assert_string_equal(tiny, "postgre");	/* 7 bytes and the NUL */
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_open_migrates_empty_file),
		T(test_empty_file_without_migrate_refused),
		T(test_garbage_file_refused),
		T(test_foreign_sqlite_database_refused),
		T(test_newer_schema_refused),
		T(test_bad_urls_refused),
		T(test_unknown_parameter_fails_step),
		T(test_binds_and_columns),
		T(test_collect_many_rows),
		T(test_nested_transactions_commit_once),
		T(test_inner_rollback_dooms_outer),
		T(test_statement_cache_same_sql_twice),
		T(test_statement_cache_limits),
		T(test_constraint_statuses),
		T(test_copy_tables_cover_schema),
		T(test_url_redacted),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
