/* backend: what a database backend implements for db.c. Internal to src/store/. */
#ifndef TANDEM_BACKEND_H
#define TANDEM_BACKEND_H

#include "store/db.h"

struct db_ops {
	const char *name;
	int (*open)(struct db *db, const char *target, struct err *e);
	void (*close)(struct db *db);
	void *(*prepare)(struct db *db, const char *sql, struct err *e);
	void (*finalize)(void *handle);
	void (*reset)(void *handle);
	/* bind by the index of the name in the statement's parameter list */
	int (*param_index)(void *handle, const char *name);
	void (*bind_int)(void *handle, int idx, int64_t v);
	void (*bind_text)(void *handle, int idx, const char *s);
	void (*bind_null)(void *handle, int idx);
	int (*step)(struct db *db, void *handle, struct err *e);
	int64_t (*col_int)(void *handle, int col);
	const char *(*col_text)(void *handle, int col);
	int (*col_is_null)(void *handle, int col);
	int (*exec)(struct db *db, const char *sql, struct err *e);
	const char *begin_sql;
	const char *lock_sql;	/* run after begin_sql: serialises writers, or NULL */
	const char *begin_read_sql;	/* a read-only snapshot */
	const char *tables_sql;	/* counts the tables of the database */
	const char *version_table_sql;	/* 1 if the table schema_version exists */
	/* Dialect tokens substituted into migrations: {{ID}} is the
	 * auto-increment primary key column type, {{TEXT}} the text type
	 * (compared byte by byte on both). */
	const char *id_type;
	const char *text_type;
	/* After rows were inserted with their ids: a printf format taking
	 * the table name twice that moves the table's identity past them,
	 * or NULL where the database does that itself (SQLite). */
	const char *id_sync_sql;
};

enum { STMT_CACHE = 96 };

struct stmt {
	struct db *db;
	char *sql;	/* owned copy: the cache matches on content */
	void *handle;
	int in_use;
	int bad_bind;
	char bad_name[48];
};

struct db {
	const struct db_ops *ops;
	void *conn;
	char target[512];	/* path or connection string, for messages */
	int tx_depth;	/* nested db_begin calls share one transaction */
	int tx_doomed;
	int tx_read;	/* the outermost transaction is read-only */
	int version;
	int closing;	/* db_close is finalizing: the session ends anyway */
	struct stmt cache[STMT_CACHE];
	int ncache;
	int next_evict;
};

extern const struct db_ops db_sqlite_ops;
extern const struct db_ops db_postgres_ops;

/* migrations.c */
struct migration {
	int version;
	const char *name;
	const char *sql;
};
extern const struct migration db_migrations[];
extern const int db_nmigrations;

#endif
