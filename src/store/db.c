/* db: backend dispatch, the statement cache, transactions and the
 * migration runner; see db.h. */
#include "store/db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "store/backend.h"

int db_latest_version(void)
{
	return db_migrations[db_nmigrations - 1].version;
}

const char *db_backend_name(const struct db *db)
{
	return db->ops->name;
}

int db_schema_version(struct db *db)
{
	return db->version;
}

struct stmt *db_prepare(struct db *db, const char *sql, struct err *e)
{
	struct stmt *st = NULL;
	for (int i = 0; i < db->ncache; i++) {
		struct stmt *c = &db->cache[i];
		/* a slot emptied by a failed prepare has no sql */
		if (!c->in_use && c->sql && (c->sql == sql || strcmp(c->sql, sql) == 0)) {
			st = c;
			break;
		}
	}
	if (!st) {
		/* a free slot, or evict one that is not in use */
		if (db->ncache < STMT_CACHE) {
			st = &db->cache[db->ncache++];
		} else {
			for (int n = 0; n < STMT_CACHE && !st; n++) {
				struct stmt *c = &db->cache[db->next_evict];
				db->next_evict = (db->next_evict + 1) % STMT_CACHE;
				if (!c->in_use)
					st = c;
			}
			if (!st) {
				err_set(e, ERR_INTERNAL, "", "too many statements in use at once");
				return NULL;
			}
			db->ops->finalize(st->handle);
			free(st->sql);
			memset(st, 0, sizeof *st);
		}
		st->handle = db->ops->prepare(db, sql, e);
		st->sql = st->handle ? strdup(sql) : NULL;
		if (st->handle && !st->sql) {
			db->ops->finalize(st->handle);
			st->handle = NULL;
			err_set(e, ERR_INTERNAL, "", "out of memory");
		}
		if (!st->handle) {
			/* give the slot back if it was the newest */
			if (st == &db->cache[db->ncache - 1])
				db->ncache--;
			memset(st, 0, sizeof *st);
			return NULL;
		}
		st->db = db;
	}
	st->in_use = 1;
	st->bad_bind = 0;
	return st;
}

static int param(struct stmt *st, const char *name)
{
	int idx = st->db->ops->param_index(st->handle, name);
	if (idx <= 0 && !st->bad_bind) {
		st->bad_bind = 1;
		snprintf(st->bad_name, sizeof st->bad_name, "%s", name);
	}
	return idx;
}

void db_bind_int(struct stmt *st, const char *name, int64_t v)
{
	int idx = param(st, name);
	if (idx > 0)
		st->db->ops->bind_int(st->handle, idx, v);
}

void db_bind_text(struct stmt *st, const char *name, const char *s)
{
	int idx = param(st, name);
	if (idx > 0)
		st->db->ops->bind_text(st->handle, idx, s);
}

void db_bind_null(struct stmt *st, const char *name)
{
	int idx = param(st, name);
	if (idx > 0)
		st->db->ops->bind_null(st->handle, idx);
}

void db_bind_id(struct stmt *st, const char *name, int64_t id)
{
	if (id)
		db_bind_int(st, name, id);
	else
		db_bind_null(st, name);
}

int db_step(struct stmt *st, struct err *e)
{
	if (st->bad_bind)
		return err_set(e, ERR_INTERNAL, "", "no parameter %s in statement", st->bad_name);
	return st->db->ops->step(st->db, st->handle, e);
}

int64_t db_col_int(struct stmt *st, int col)
{
	return st->db->ops->col_int(st->handle, col);
}

const char *db_col_text(struct stmt *st, int col)
{
	return st->db->ops->col_text(st->handle, col);
}

int db_col_is_null(struct stmt *st, int col)
{
	return st->db->ops->col_is_null(st->handle, col);
}

void db_done(struct stmt *st)
{
	if (!st)
		return;
	st->db->ops->reset(st->handle);
	st->in_use = 0;
}

int db_one_int(struct stmt *st, int64_t *v, struct err *e)
{
	int rc = db_step(st, e);
	if (rc == 1)
		*v = db_col_int(st, 0);
	db_done(st);
	return rc;
}

int db_collect(struct stmt *st, struct arena *a, size_t elem, db_row_fn row, void **out,
	       size_t *n, struct err *e)
{
	size_t cap = 64, len = 0;
	char *v = arena_alloc_uninit(a, cap * elem);
	int rc = 0;
	while (v && (rc = db_step(st, e)) == 1) {
		if (len == cap) {
			char *more = arena_alloc_uninit(a, 2 * cap * elem);
			if (more)
				memcpy(more, v, len * elem);
			v = more;
			cap *= 2;
			if (!v)
				break;
		}
		memset(v + len * elem, 0, elem);	/* row() may set only some fields */
		row(st, a, v + len * elem);
		len++;
	}
	db_done(st);
	if (!v)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	if (rc < 0)
		return -1;
	*out = v;
	*n = len;
	return 0;
}

int db_exec(struct db *db, const char *sql, struct err *e)
{
	return db->ops->exec(db, sql, e);
}

/* Runs a parameterless statement through the statement cache: BEGIN and
 * COMMIT run on every request, and parsing them each time shows. */
static int run_cached(struct db *db, const char *sql, struct err *e)
{
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	int rc = db_step(st, e);
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int db_begin(struct db *db, struct err *e)
{
	/* a write cannot join a read snapshot: SQLite could not upgrade it
	 * once another writer moved on (SQLITE_BUSY_SNAPSHOT) */
	if (NEVER(db->tx_depth > 0 && db->tx_read))
		return err_set(e, ERR_INTERNAL, "", "a write inside a read-only transaction");
	if (db->tx_depth == 0) {
		if (run_cached(db, db->ops->begin_sql, e))
			return -1;
		if (db->ops->lock_sql && run_cached(db, db->ops->lock_sql, e)) {
			struct err ignore = {0};
			run_cached(db, "ROLLBACK", &ignore);
			return -1;
		}
		db->tx_doomed = 0;
		db->tx_read = 0;
	}
	db->tx_depth++;
	return 0;
}

int db_begin_read(struct db *db, struct err *e)
{
	if (db->tx_depth == 0) {
		if (run_cached(db, db->ops->begin_read_sql, e))
			return -1;
		db->tx_doomed = 0;
		db->tx_read = 1;
	}
	db->tx_depth++;
	return 0;
}

int db_commit(struct db *db, struct err *e)
{
	if (NEVER(db->tx_depth == 0))
		return err_set(e, ERR_INTERNAL, "", "no transaction to commit");
	if (db->tx_depth > 1) {
		db->tx_depth--;
		return 0;
	}
	if (db->tx_doomed) {
		db_rollback(db);
		return err_set(e, ERR_INTERNAL, "", "transaction rolled back by an inner failure");
	}
	if (run_cached(db, "COMMIT", e)) {
		db_rollback(db);
		return -1;
	}
	db->tx_depth = 0;
	return 0;
}

void db_rollback(struct db *db)
{
	if (db->tx_depth == 0)
		return;
	if (--db->tx_depth > 0) {
		db->tx_doomed = 1;	/* the outermost level rolls back */
		return;
	}
	struct err ignore = {0};
	run_cached(db, "ROLLBACK", &ignore);
}

int db_end(struct db *db, int rc, struct err *e)
{
	if (rc) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db, e);
}

int db_run_id(struct db *db, const char *sql, int64_t id, struct err *e)
{
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	db_done(st);
	return rc;
}

void db_url_redact(const char *url, char *out, size_t size)
{
	/* postgres://user:SECRET@host/db?password=SECRET&... */
	size_t n = 0;
	const char *p = url;
	const char *auth_end = NULL;
	const char *scheme = strstr(url, "://");
	if (scheme) {
		const char *slash = strchr(scheme + 3, '/');
		const char *at = strchr(scheme + 3, '@');
		if (at && (!slash || at < slash))
			auth_end = at;
	}
	while (*p && n + 1 < size) {
		const char *colon = auth_end ? strchr(scheme + 3, ':') : NULL;
		if (colon && p == colon + 1 && colon < auth_end) {
			n += (size_t)snprintf(out + n, size - n, "***");
			p = auth_end;
			continue;
		}
		if (strncmp(p, "password=", 9) == 0 && (p == url || p[-1] == '?' || p[-1] == '&' ||
							 p[-1] == ' ')) {
			n += (size_t)snprintf(out + n, size - n, "password=***");
			p += 9;
			while (*p && *p != '&' && *p != ' ')
				p++;
			continue;
		}
		out[n++] = *p++;
	}
	out[n < size ? n : size - 1] = 0;
}

int db_in_transaction(const struct db *db)
{
	return db->tx_depth > 0;
}

/* Substitutes dialect tokens in a migration's SQL. */
static void expand(const struct db *db, const char *sql, struct buf *out)
{
	const char *p = sql;
	const char *tok;
	while ((tok = strstr(p, "{{"))) {
		buf_putn(out, p, (size_t)(tok - p));
		if (strncmp(tok, "{{ID}}", 6) == 0) {
			buf_puts(out, db->ops->id_type);
			p = tok + 6;
		} else if (strncmp(tok, "{{TEXT}}", 8) == 0) {
			buf_puts(out, db->ops->text_type);
			p = tok + 8;
		} else {
			buf_puts(out, "{{");
			p = tok + 2;
		}
	}
	buf_puts(out, p);
}

/* Reads the schema version: 0 for an empty database, -1 (with e) for a
 * database that is not tandem's. Asks the catalog first rather than
 * letting a query on a missing table fail: on PostgreSQL that failure
 * would abort the transaction around it. */
static int read_version(struct db *db, struct err *e)
{
	int64_t has = 0, v = 0;
	struct stmt *st = db_prepare(db, db->ops->version_table_sql, e);
	if (!st || db_one_int(st, &has, e) < 0)
		return -1;
	if (has) {
		static const char max_sql[] = "SELECT max(version) FROM schema_version";
		st = db_prepare(db, max_sql, e);
		if (!st || db_one_int(st, &v, e) < 0)
			return -1;
		return (int)v;
	}
	/* No schema_version: fine only if the database holds no tables. */
	int64_t ntables = -1;
	st = db_prepare(db, db->ops->tables_sql, e);
	if (!st || db_one_int(st, &ntables, e) < 0)
		return -1;
	if (ntables == 0)
		return 0;
	return err_set(e, ERR_UNAVAILABLE, "db",
		       "%s is not a tandem database (it has no schema_version table)",
		       db->target);
}

static int migrate(struct db *db, int flags, struct err *e)
{
	int latest = db_latest_version();
	int v = read_version(db, e);
	if (v < 0)
		return -1;
	if (v > latest)
		return err_set(e, ERR_UNAVAILABLE, "db",
			       "%s has schema version %d, newer than this tandem knows (%d): "
			       "upgrade tandem", db->target, v, latest);
	if (v == latest) {
		db->version = v;
		return 0;
	}
	if (!(flags & DB_MIGRATE))
		return err_set(e, ERR_UNAVAILABLE, "db",
			       "%s has schema version %d; run a command that migrates it to %d",
			       db->target, v, latest);
	for (int i = 0; i < db_nmigrations; i++) {
		const struct migration *m = &db_migrations[i];
		if (db_begin(db, e))
			return -1;
		/* re-read inside the write lock: another process may have migrated */
		int now = read_version(db, e);
		if (now < 0 || m->version <= now) {
			db_rollback(db);
			if (now < 0)
				return -1;
			continue;
		}
		struct buf sql = BUF_INIT;
		expand(db, m->sql, &sql);
		int rc = sql.failed ? err_set(e, ERR_INTERNAL, "", "out of memory")
				    : db_exec(db, buf_str(&sql), e);
		buf_free(&sql);
		if (rc == 0) {
			static const char ins[] =
				"INSERT INTO schema_version (version, name) VALUES (:v, :name)";
			struct stmt *st = db_prepare(db, ins, e);
			if (!st) {
				rc = -1;
			} else {
				db_bind_int(st, ":v", m->version);
				db_bind_text(st, ":name", m->name);
				rc = db_step(st, e) < 0 ? -1 : 0;
				db_done(st);
			}
		}
		if (rc || db_commit(db, e)) {
			db_rollback(db);
			/* say which step failed, and that it left nothing behind */
			struct err was = *e;
			err_clear(e);
			return err_set(e, was.status == ERR_INTERNAL ? ERR_UNAVAILABLE : was.status,
				       "db", "%s: migrating to schema version %d (%s) failed and was "
				       "rolled back: %s", db->target, m->version, m->name, was.msg);
		}
	}
	db->version = latest;
	return 0;
}

int db_open(const char *url, int flags, struct db **out, struct err *e)
{
	*out = NULL;
	const struct db_ops *ops = NULL;
	const char *target = NULL;
	if (strncmp(url, "sqlite:", 7) == 0) {
		ops = &db_sqlite_ops;
		target = url + 7;
	} else if (strncmp(url, "postgres://", 11) == 0 ||
		   strncmp(url, "postgresql://", 13) == 0) {
		ops = &db_postgres_ops;
		target = url;
	}
	if (!ops)
		return err_set(e, ERR_BAD_INPUT, "db",
			       "db: unknown database URL \"%.200s\" (expected sqlite:PATH or "
			       "postgres://USER@HOST:PORT/NAME)", url);
	if (!*target)
		return err_set(e, ERR_BAD_INPUT, "db", "db: the URL names no database");
	if (strlen(target) >= sizeof ((struct db *)0)->target - 8)
		return err_set(e, ERR_BAD_INPUT, "db", "db: the URL is longer than %zu bytes",
			       sizeof ((struct db *)0)->target - 9);
	struct db *db = calloc(1, sizeof *db);
	if (!db)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	db->ops = ops;
	db_url_redact(target, db->target, sizeof db->target);
	if (ops->open(db, target, e) || migrate(db, flags, e)) {
		db_close(db);
		return -1;
	}
	*out = db;
	return 0;
}

void db_close(struct db *db)
{
	if (!db)
		return;
	db_rollback(db);
	db->closing = 1;
	for (int i = 0; i < db->ncache; i++)
		if (db->cache[i].handle)
			db->ops->finalize(db->cache[i].handle);
	for (int i = 0; i < db->ncache; i++)
		free(db->cache[i].sql);
	if (db->conn)
		db->ops->close(db);
	free(db);
}
