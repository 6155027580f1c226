/* db: the one database interface.
 *
 * A connection is opened by URL: "sqlite:PATH", or
 * "postgres://USER@HOST:PORT/NAME" (any libpq URL). SQL is written once, for both
 * dialects: named parameters ":name", INSERT ... RETURNING id, recursive
 * CTEs, TEXT dates. Statements come from a per-connection cache and go
 * back with db_done(). A connection belongs to one thread at a time.
 *
 * Binding a name the statement does not have is an error, reported by
 * the next db_step(): a typo cannot silently bind nothing. */
#ifndef TANDEM_DB_H
#define TANDEM_DB_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

struct db;
struct stmt;

/* Bind this as :limit for "no limit" (LIMIT -1 is SQLite's dialect only). */
#define DB_NO_LIMIT INT64_MAX

enum db_open_flags {
	DB_MIGRATE = 1,		/* apply pending migrations (else refuse an old schema) */
};

/* Opens url, checks that it is a tandem database (or empty) of a schema
 * version this binary knows, and migrates it when asked. */
int db_open(const char *url, int flags, struct db **out, struct err *e);
void db_close(struct db *db);
const char *db_backend_name(const struct db *db);	/* "sqlite", "postgresql" */
/* Copies a database URL for messages and logs, a password masked. */
void db_url_redact(const char *url, char *out, size_t size);
int db_schema_version(struct db *db);

/* A cached prepared statement for sql, reset and unbound; NULL on error.
 * The cache matches on the SQL text, so SQL assembled from fixed
 * fragments (never from input) is cached as well as a literal. */
struct stmt *db_prepare(struct db *db, const char *sql, struct err *e);
void db_bind_int(struct stmt *st, const char *name, int64_t v);
void db_bind_text(struct stmt *st, const char *name, const char *s); /* NULL binds null */
void db_bind_id(struct stmt *st, const char *name, int64_t id);	/* 0 binds null */
void db_bind_null(struct stmt *st, const char *name);
/* 1 when a row is ready, 0 when done, -1 on error (e filled). */
int db_step(struct stmt *st, struct err *e);
int64_t db_col_int(struct stmt *st, int col);
const char *db_col_text(struct stmt *st, int col);	/* NULL for null; valid until next step */
int db_col_is_null(struct stmt *st, int col);
/* Returns the statement to the cache. Safe on NULL. */
void db_done(struct stmt *st);

/* Runs a statement expected to return at most one integer (a count, an
 * id from RETURNING, an EXISTS). Returns 1 with *v set, 0 for no row. */
int db_one_int(struct stmt *st, int64_t *v, struct err *e);

/* Steps st to the end, converting each row with row() into an array of
 * elem-sized items allocated in a; always returns st to the cache. */
struct arena;
typedef void (*db_row_fn)(struct stmt *st, struct arena *a, void *item);
int db_collect(struct stmt *st, struct arena *a, size_t elem, db_row_fn row, void **out,
	       size_t *n, struct err *e);

/* Transactions: every write command runs inside one. db_begin starts a
 * write transaction (SQLite: BEGIN IMMEDIATE); calls nest, and only the
 * outermost commit or rollback reaches the database, so a domain write
 * can be part of a larger one (the demo seeder, an import). A rollback
 * at an inner level dooms the whole transaction. db_rollback is safe to
 * call when no transaction is open. */
int db_begin(struct db *db, struct err *e);
/* Starts a read-only transaction: the reads until db_commit see one
 * snapshot, and take the database's read lock once. Writes must not
 * nest inside it. */
int db_begin_read(struct db *db, struct err *e);
int db_commit(struct db *db, struct err *e);
void db_rollback(struct db *db);
int db_in_transaction(const struct db *db);

/* Ends a write begun with db_begin: commits when rc is 0, else rolls
 * back; returns 0 or -1. The usual tail of every domain write. */
int db_end(struct db *db, int rc, struct err *e);
/* Runs sql with its one parameter :id bound; for 'SELECT 1 ... WHERE
 * id = :id' returns 1 if a row came back, 0 if not; for DELETE/UPDATE
 * returns 0; -1 on error. */
int db_run_id(struct db *db, const char *sql, int64_t id, struct err *e);

/* Runs SQL with no parameters and no result rows (DDL, pragmas). */
int db_exec(struct db *db, const char *sql, struct err *e);

/* The schema version this binary writes. */
int db_latest_version(void);

#endif
