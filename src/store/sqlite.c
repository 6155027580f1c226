/* sqlite: the embedded backend (WAL, foreign keys, busy timeout). */
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "store/backend.h"

static int fail(struct db *db, int rc, struct err *e)
{
	sqlite3 *c = db->conn;
	const char *msg = c ? sqlite3_errmsg(c) : sqlite3_errstr(rc);
	switch (rc & 0xff) {
	case SQLITE_NOTADB:
		return err_set(e, ERR_UNAVAILABLE, "db",
			       "%s is not a tandem database (%s)", db->target, msg);
	case SQLITE_CANTOPEN:
		return err_set(e, ERR_UNAVAILABLE, "db", "cannot open %s (%s)",
			       db->target, msg);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(e, ERR_UNAVAILABLE, "db", "%s is busy; try again (%s)",
			       db->target, msg);
	case SQLITE_READONLY:
		return err_set(e, ERR_UNAVAILABLE, "db", "%s is read-only (%s)",
			       db->target, msg);
	case SQLITE_FULL:
		return err_set(e, ERR_UNAVAILABLE, "db", "the disk holding %s is full",
			       db->target);
	case SQLITE_CONSTRAINT:
		if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
			return err_set(e, ERR_CONFLICT, "", "already exists (%s)", msg);
		if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
			return err_set(e, ERR_CONFLICT, "",
				       "still referenced by other records (%s)", msg);
		return err_set(e, ERR_BAD_INPUT, "", "refused by the database (%s)", msg);
	default:
		return err_set(e, ERR_INTERNAL, "", "database error: %s", msg);
	}
}

static int lite_exec(struct db *db, const char *sql, struct err *e)
{
	int rc = sqlite3_exec(db->conn, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : fail(db, sqlite3_extended_errcode(db->conn), e);
}

/* Before SQLite's first use: no global memory statistics, whose mutex
 * every allocation of every server worker would take. */
static void lite_configure(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static int lite_open(struct db *db, const char *path, struct err *e)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, lite_configure);
	sqlite3 *c = NULL;
	int rc = sqlite3_open_v2(path, &c, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
					   SQLITE_OPEN_NOMUTEX, NULL);
	db->conn = c;
	if (rc != SQLITE_OK)
		return fail(db, rc, e);
	sqlite3_extended_result_codes(c, 1);
	sqlite3_busy_timeout(c, 10000);
	/* A CLI command opens and closes the database once: closing must not
	 * checkpoint and delete the WAL each time (four fsyncs and two
	 * file creations per command). Checkpoints still run as the WAL
	 * grows; the WAL file simply stays beside the database. */
	sqlite3_db_config(c, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	int persist = 1;
	sqlite3_file_control(c, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
	/* Switching to WAL rewrites the file header, so it is done only to an
	 * empty database or tandem's own: another program's database is
	 * refused later (no schema_version) and must be left as it was. */
	sqlite3_stmt *st = NULL;
	int ours = 0;
	rc = sqlite3_prepare_v2(c, "SELECT count(*) = 0 OR coalesce(sum(name = "
				"'schema_version'), 0) > 0 FROM sqlite_master", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			ours = sqlite3_column_int(st, 0);
			rc = SQLITE_OK;
		}
	}
	if (rc != SQLITE_OK)
		rc = sqlite3_extended_errcode(c);
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return fail(db, rc, e);
	if (!ours)
		return lite_exec(db, "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;", e);
	/* WAL: readers never block the writer; NORMAL is durable across a
	 * process crash (not a power loss of the last transactions). */
	return lite_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
			     "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;", e);
}

/* The WAL is kept at close (see lite_open), but the next process to open
 * the database rebuilds its index by reading every valid frame: after a
 * big write (the demo, an import) that would cost every later command
 * milliseconds. So a WAL past 1 MiB is checkpointed and truncated here,
 * once, by the process that grew it. */
enum { WAL_KEEP_MAX = 1 << 20 };

static void lite_close(struct db *db)
{
	char wal[sizeof db->target + 8];
	struct stat sb;
	snprintf(wal, sizeof wal, "%s-wal", db->target);
	if (db->conn && stat(wal, &sb) == 0 && sb.st_size > WAL_KEEP_MAX)
		sqlite3_wal_checkpoint_v2(db->conn, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	sqlite3_close_v2(db->conn);
	db->conn = NULL;
}

static void *lite_prepare(struct db *db, const char *sql, struct err *e)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(db->conn, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
	if (rc != SQLITE_OK) {
		fail(db, sqlite3_extended_errcode(db->conn), e);
		return NULL;
	}
	return st;
}

static void lite_finalize(void *h)
{
	sqlite3_finalize(h);
}

static void lite_reset(void *h)
{
	sqlite3_reset(h);
	sqlite3_clear_bindings(h);
}

static int lite_param_index(void *h, const char *name)
{
	return sqlite3_bind_parameter_index(h, name);
}

static void lite_bind_int(void *h, int idx, int64_t v)
{
	sqlite3_bind_int64(h, idx, v);
}

static void lite_bind_text(void *h, int idx, const char *s)
{
	if (s)
		sqlite3_bind_text(h, idx, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(h, idx);
}

static void lite_bind_null(void *h, int idx)
{
	sqlite3_bind_null(h, idx);
}

static int lite_step(struct db *db, void *h, struct err *e)
{
	int rc = sqlite3_step(h);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return fail(db, sqlite3_extended_errcode(db->conn), e);
}

static int64_t lite_col_int(void *h, int col)
{
	return sqlite3_column_int64(h, col);
}

static const char *lite_col_text(void *h, int col)
{
	return (const char *)sqlite3_column_text(h, col);
}

static int lite_col_is_null(void *h, int col)
{
	return sqlite3_column_type(h, col) == SQLITE_NULL;
}

const struct db_ops db_sqlite_ops = {
	.name = "sqlite",
	.open = lite_open,
	.close = lite_close,
	.prepare = lite_prepare,
	.finalize = lite_finalize,
	.reset = lite_reset,
	.param_index = lite_param_index,
	.bind_int = lite_bind_int,
	.bind_text = lite_bind_text,
	.bind_null = lite_bind_null,
	.step = lite_step,
	.col_int = lite_col_int,
	.col_text = lite_col_text,
	.col_is_null = lite_col_is_null,
	.exec = lite_exec,
	.begin_sql = "BEGIN IMMEDIATE",
	.begin_read_sql = "BEGIN",
	.tables_sql = "SELECT count(*) FROM sqlite_master",
	.version_table_sql = "SELECT count(*) FROM sqlite_master "
			     "WHERE type = 'table' AND name = 'schema_version'",
	/* AUTOINCREMENT: an id is never handed out twice, even after the
	 * newest row is deleted (as with PostgreSQL identities) */
	.id_type = "INTEGER PRIMARY KEY AUTOINCREMENT",
	.text_type = "TEXT",
};
