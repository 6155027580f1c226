/* postgres: the backend for several servers on one PostgreSQL (libpq).
 *
 * SQL arrives in the shared dialect with named parameters ":name"; it
 * is rewritten once, at prepare, to $1, $2, ... (a name used twice gets
 * one number) and prepared on the server under a name of our own.
 * Values travel as text, so PostgreSQL converts them to the column's
 * type and one binding serves every type. A result is read whole, so a
 * statement can be stepped while another runs on the same connection.
 *
 * Writers are serialised by one transaction-scoped advisory lock (see
 * lock_sql), which gives every write the guarantee SQLite's BEGIN
 * IMMEDIATE gives: no other write interleaves, and each statement after
 * the lock sees every write committed before it (READ COMMITTED takes a
 * snapshot per statement). Readers take a REPEATABLE READ snapshot and
 * never wait.
 *
 * A lost connection is re-established before the next statement. A
 * statement that failed on a lost connection while no transaction was
 * open (a BEGIN, typically) is run once more on the new connection; in
 * a transaction, the transaction is reported as rolled back.
 *
 * libpq is loaded on the first postgres:// URL rather than linked: it
 * brings Kerberos, LDAP and TLS libraries whose loading would cost every
 * SQLite command a millisecond or two. */
#include <dlfcn.h>
#include <libpq-fe.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "store/backend.h"

static struct {
	__typeof__(&PQconnectdbParams) connectdb_params;
	__typeof__(&PQstatus) status;
	__typeof__(&PQerrorMessage) error_message;
	__typeof__(&PQfinish) finish;
	__typeof__(&PQreset) reset;
	__typeof__(&PQprepare) prepare;
	__typeof__(&PQexecPrepared) exec_prepared;
	__typeof__(&PQexec) exec;
	__typeof__(&PQresultStatus) result_status;
	__typeof__(&PQresultErrorField) result_error_field;
	__typeof__(&PQclear) clear;
	__typeof__(&PQntuples) ntuples;
	__typeof__(&PQgetvalue) getvalue;
	__typeof__(&PQgetisnull) getisnull;
	__typeof__(&PQtransactionStatus) transaction_status;
	__typeof__(&PQsetNoticeProcessor) set_notice_processor;
} pq;

static char pq_load_error[256];

static void pq_load_once(void)
{
	static const char *const names[] = {"libpq.so.5", "libpq.so"};
	void *so = NULL;
	for (size_t i = 0; i < sizeof names / sizeof names[0] && !so; i++)
		so = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
	if (!so) {
		snprintf(pq_load_error, sizeof pq_load_error,
			 "cannot load libpq (Debian package libpq5): %s", dlerror());
		return;
	}
	struct {
		const char *name;
		void **slot;
	} syms[] = {
		{"PQconnectdbParams", (void **)&pq.connectdb_params},
		{"PQstatus", (void **)&pq.status},
		{"PQerrorMessage", (void **)&pq.error_message},
		{"PQfinish", (void **)&pq.finish},
		{"PQreset", (void **)&pq.reset},
		{"PQprepare", (void **)&pq.prepare},
		{"PQexecPrepared", (void **)&pq.exec_prepared},
		{"PQexec", (void **)&pq.exec},
		{"PQresultStatus", (void **)&pq.result_status},
		{"PQresultErrorField", (void **)&pq.result_error_field},
		{"PQclear", (void **)&pq.clear},
		{"PQntuples", (void **)&pq.ntuples},
		{"PQgetvalue", (void **)&pq.getvalue},
		{"PQgetisnull", (void **)&pq.getisnull},
		{"PQtransactionStatus", (void **)&pq.transaction_status},
		{"PQsetNoticeProcessor", (void **)&pq.set_notice_processor},
	};
	for (size_t i = 0; i < sizeof syms / sizeof syms[0]; i++) {
		*syms[i].slot = dlsym(so, syms[i].name);
		if (!*syms[i].slot) {
			snprintf(pq_load_error, sizeof pq_load_error, "libpq lacks %s",
				 syms[i].name);
			return;
		}
	}
}

static int pq_load(struct err *e)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, pq_load_once);
	if (pq_load_error[0])
		return err_set(e, ERR_UNAVAILABLE, "db", "%s", pq_load_error);
	return 0;
}

struct pg_conn {
	PGconn *c;
	unsigned gen;		/* bumped by every reconnect: statements re-prepare */
	unsigned next_name;	/* server-side statement names t1, t2, ... */
};

struct pg_stmt {
	struct db *db;
	char name[16];
	unsigned gen;		/* the connection generation it was prepared in */
	char *sql;		/* rewritten to $N parameters */
	int nparams;
	char **names;		/* ":name" of each $N */
	char **values;		/* bound values as text; NULL binds null */
	PGresult *res;		/* the executed result, or NULL */
	int row, nrows;
};

static struct pg_conn *conn(struct db *db)
{
	return db->conn;
}

/* Copies libpq's message onto one line: it ends in a newline and may
 * hold a tab-indented hint. */
static void one_line(char *dst, size_t size, const char *src)
{
	size_t n = 0;
	int space = 0;
	for (const char *p = src ? src : ""; *p && n + 1 < size; p++) {
		if (*p == '\n' || *p == '\t' || *p == '\r') {
			space = 1;
			continue;
		}
		if (space && n > 0 && n + 3 < size) {
			dst[n++] = ';';
			dst[n++] = ' ';
		}
		space = 0;
		dst[n++] = *p;
	}
	dst[n] = 0;
}

static int fail_conn(struct db *db, const char *what, struct err *e)
{
	char msg[400];
	one_line(msg, sizeof msg, pq.error_message(conn(db)->c));
	return err_set(e, ERR_UNAVAILABLE, "db", "%s %s (%s)", what, db->target, msg);
}

/* Maps a failed result to tandem's error kinds by SQLSTATE. */
static int fail_result(struct db *db, PGresult *r, struct err *e)
{
	const char *state = r ? pq.result_error_field(r, PG_DIAG_SQLSTATE) : NULL;
	const char *primary = r ? pq.result_error_field(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	char msg[400];
	one_line(msg, sizeof msg, primary ? primary : pq.error_message(conn(db)->c));
	if (!state)
		return err_set(e, ERR_UNAVAILABLE, "db", "lost the connection to %s (%s)",
			       db->target, msg);
	if (strcmp(state, "23505") == 0)
		return err_set(e, ERR_CONFLICT, "", "already exists (%s)", msg);
	if (strcmp(state, "23503") == 0)
		return err_set(e, ERR_CONFLICT, "", "still referenced by other records (%s)", msg);
	if (strncmp(state, "23", 2) == 0)
		return err_set(e, ERR_BAD_INPUT, "", "refused by the database (%s)", msg);
	if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 ||
	    strcmp(state, "55P03") == 0)
		return err_set(e, ERR_UNAVAILABLE, "db", "%s is busy; try again (%s)",
			       db->target, msg);
	if (strcmp(state, "25006") == 0)
		return err_set(e, ERR_UNAVAILABLE, "db", "%s is read-only (%s)", db->target, msg);
	if (strcmp(state, "53100") == 0)
		return err_set(e, ERR_UNAVAILABLE, "db", "the disk holding %s is full (%s)",
			       db->target, msg);
	if (strncmp(state, "08", 2) == 0 || strncmp(state, "57P", 3) == 0 ||
	    strncmp(state, "53", 2) == 0)
		return err_set(e, ERR_UNAVAILABLE, "db", "%s is unavailable (%s)", db->target, msg);
	return err_set(e, ERR_INTERNAL, "", "database error: %s", msg);
}

static void quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;	/* notices (e.g. "no transaction in progress") are not errors */
}

static int pg_open(struct db *db, const char *url, struct err *e)
{
	if (pq_load(e))
		return -1;
	struct pg_conn *pc = calloc(1, sizeof *pc);
	if (!pc)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	db->conn = pc;
	/* defaults first: the URL's own settings override them */
	const char *const keys[] = {"connect_timeout", "fallback_application_name",
				    "client_encoding", "dbname", NULL};
	const char *const vals[] = {"10", "tandem", "UTF8", url, NULL};
	pc->c = pq.connectdb_params(keys, vals, 1);
	if (!pc->c)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	if (pq.status(pc->c) != CONNECTION_OK)
		return fail_conn(db, "cannot connect to", e);
	pq.set_notice_processor(pc->c, quiet, NULL);
	return 0;
}

static void pg_close(struct db *db)
{
	struct pg_conn *pc = conn(db);
	if (pc->c)
		pq.finish(pc->c);
	free(pc);
	db->conn = NULL;
}

/* Reconnects a lost connection; statements prepared on the old one are
 * prepared again when next used. */
static int reconnect(struct db *db, struct err *e)
{
	struct pg_conn *pc = conn(db);
	pq.reset(pc->c);
	pc->gen++;
	if (pq.status(pc->c) != CONNECTION_OK)
		return fail_conn(db, "lost the connection to", e);
	pq.set_notice_processor(pc->c, quiet, NULL);
	return 0;
}

static int is_name_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
	       ch == '_';
}

/* Rewrites ":name" parameters to "$N", outside quotes, comments and
 * "::" casts; records each distinct name once. */
static int rewrite(struct pg_stmt *st, const char *sql)
{
	struct buf out = BUF_INIT;
	int cap = 0;
	for (const char *p = sql; *p;) {
		if (*p == '\'' || *p == '"') {
			const char *q = strchr(p + 1, *p);
			q = q ? q + 1 : p + strlen(p);
			buf_putn(&out, p, (size_t)(q - p));
			p = q;
		} else if (p[0] == '-' && p[1] == '-') {
			const char *q = strchr(p, '\n');
			q = q ? q : p + strlen(p);
			buf_putn(&out, p, (size_t)(q - p));
			p = q;
		} else if (p[0] == ':' && p[1] == ':') {
			buf_puts(&out, "::");
			p += 2;
		} else if (p[0] == ':' && is_name_char(p[1])) {
			const char *q = p + 1;
			while (is_name_char(*q))
				q++;
			size_t len = (size_t)(q - p);
			int idx = 0;
			for (int i = 0; i < st->nparams && !idx; i++)
				if (strlen(st->names[i]) == len && memcmp(st->names[i], p, len) == 0)
					idx = i + 1;
			if (!idx) {
				if (st->nparams == cap) {
					cap = cap ? 2 * cap : 8;
					char **n = realloc(st->names, (size_t)cap * sizeof *n);
					if (!n)
						break;
					st->names = n;
				}
				st->names[st->nparams] = strndup(p, len);
				if (!st->names[st->nparams])
					break;
				idx = ++st->nparams;
			}
			buf_printf(&out, "$%d", idx);
			p = q;
		} else {
			buf_putn(&out, p, 1);
			p++;
		}
	}
	st->sql = out.failed ? NULL : strdup(buf_str(&out));
	buf_free(&out);
	st->values = calloc((size_t)(st->nparams ? st->nparams : 1), sizeof *st->values);
	return st->sql && st->values ? 0 : -1;
}

static void pg_finalize(void *h);

/* Prepares st on the server under its name, unless done already on
 * this connection. */
static int server_prepare(struct pg_stmt *st, struct err *e)
{
	struct pg_conn *pc = conn(st->db);
	if (st->name[0] && st->gen == pc->gen)
		return 0;
	snprintf(st->name, sizeof st->name, "t%u", ++pc->next_name);
	PGresult *r = pq.prepare(pc->c, st->name, st->sql, st->nparams, NULL);
	int ok = r && pq.result_status(r) == PGRES_COMMAND_OK;
	if (!ok)
		fail_result(st->db, r, e);
	pq.clear(r);
	if (!ok) {
		st->name[0] = 0;
		return -1;
	}
	st->gen = pc->gen;
	return 0;
}

static void *pg_prepare(struct db *db, const char *sql, struct err *e)
{
	struct pg_stmt *st = calloc(1, sizeof *st);
	if (!st) {
		err_set(e, ERR_INTERNAL, "", "out of memory");
		return NULL;
	}
	st->db = db;
	if (rewrite(st, sql)) {
		pg_finalize(st);
		err_set(e, ERR_INTERNAL, "", "out of memory");
		return NULL;
	}
	struct pg_conn *pc = conn(db);
	if (pq.status(pc->c) != CONNECTION_OK && reconnect(db, e)) {
		pg_finalize(st);
		return NULL;
	}
	if (server_prepare(st, e)) {
		pg_finalize(st);
		return NULL;
	}
	return st;
}

static void clear_bindings(struct pg_stmt *st)
{
	for (int i = 0; i < st->nparams; i++) {
		free(st->values[i]);
		st->values[i] = NULL;
	}
}

static void pg_reset(void *h)
{
	struct pg_stmt *st = h;
	if (st->res)
		pq.clear(st->res);
	st->res = NULL;
	st->row = st->nrows = 0;
	clear_bindings(st);
}

static void pg_finalize(void *h)
{
	struct pg_stmt *st = h;
	if (!st)
		return;
	pg_reset(st);
	/* an evicted statement is dropped on the server too; at close the
	 * whole session goes, and with it every prepared statement */
	struct pg_conn *pc = st->db->conn;
	if (st->name[0] && !st->db->closing && pc && pc->c && st->gen == pc->gen &&
	    pq.status(pc->c) == CONNECTION_OK) {
		char sql[32];
		snprintf(sql, sizeof sql, "DEALLOCATE %s", st->name);
		pq.clear(pq.exec(pc->c, sql));
	}
	for (int i = 0; i < st->nparams; i++)
		free(st->names[i]);
	free(st->names);
	free(st->values);
	free(st->sql);
	free(st);
}

static int pg_param_index(void *h, const char *name)
{
	struct pg_stmt *st = h;
	for (int i = 0; i < st->nparams; i++)
		if (strcmp(st->names[i], name) == 0)
			return i + 1;
	return 0;
}

static void set_value(struct pg_stmt *st, int idx, char *v)
{
	free(st->values[idx - 1]);
	st->values[idx - 1] = v;
}

static void pg_bind_int(void *h, int idx, int64_t v)
{
	char num[24];
	snprintf(num, sizeof num, "%lld", (long long)v);
	set_value(h, idx, strdup(num));
}

static void pg_bind_text(void *h, int idx, const char *s)
{
	set_value(h, idx, s ? strdup(s) : NULL);
}

static void pg_bind_null(void *h, int idx)
{
	set_value(h, idx, NULL);
}

/* Runs st; *r may be NULL (out of memory, or the connection broke). */
static int execute(struct pg_stmt *st, PGresult **r, struct err *e)
{
	struct pg_conn *pc = conn(st->db);
	*r = NULL;
	if (server_prepare(st, e))
		return -1;
	*r = pq.exec_prepared(pc->c, st->name, st->nparams, (const char *const *)st->values,
			      NULL, NULL, 0);
	return 0;
}

static int pg_step(struct db *db, void *h, struct err *e)
{
	struct pg_stmt *st = h;
	if (!st->res) {
		struct pg_conn *pc = conn(db);
		if (pq.status(pc->c) != CONNECTION_OK && reconnect(db, e))
			return -1;
		int idle = pq.transaction_status(pc->c) == PQTRANS_IDLE;
		PGresult *r;
		if (execute(st, &r, e) && pq.status(pc->c) == CONNECTION_OK)
			return -1;
		if (pq.status(pc->c) != CONNECTION_OK) {
			pq.clear(r);
			/* outside a transaction nothing was half done: run it
			 * again on a new connection */
			err_clear(e);
			if (reconnect(db, e))
				return -1;
			if (!idle)
				return err_set(e, ERR_UNAVAILABLE, "db",
					       "lost the connection to %s during a transaction; "
					       "it was rolled back: try again", db->target);
			if (execute(st, &r, e))
				return -1;
		}
		ExecStatusType s = r ? pq.result_status(r) : PGRES_FATAL_ERROR;
		if (s != PGRES_TUPLES_OK && s != PGRES_COMMAND_OK) {
			fail_result(db, r, e);
			pq.clear(r);
			return -1;
		}
		st->res = r;
		st->nrows = s == PGRES_TUPLES_OK ? pq.ntuples(r) : 0;
		st->row = 0;
	}
	if (st->row >= st->nrows)
		return 0;
	st->row++;
	return 1;
}

static const char *value(struct pg_stmt *st, int col)
{
	if (!st->res || st->row < 1 || pq.getisnull(st->res, st->row - 1, col))
		return NULL;
	return pq.getvalue(st->res, st->row - 1, col);
}

static int64_t pg_col_int(void *h, int col)
{
	const char *v = value(h, col);
	if (!v)
		return 0;
	if (v[0] == 't' && !v[1])	/* boolean */
		return 1;
	return strtoll(v, NULL, 10);	/* "f" is 0; numeric "12.00" is 12 */
}

static const char *pg_col_text(void *h, int col)
{
	return value(h, col);
}

static int pg_col_is_null(void *h, int col)
{
	return value(h, col) == NULL;
}

static int pg_exec(struct db *db, const char *sql, struct err *e)
{
	struct pg_conn *pc = conn(db);
	if (pq.status(pc->c) != CONNECTION_OK && reconnect(db, e))
		return -1;
	PGresult *r = pq.exec(pc->c, sql);
	ExecStatusType s = r ? pq.result_status(r) : PGRES_FATAL_ERROR;
	int rc = 0;
	if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK)
		rc = fail_result(db, r, e);
	pq.clear(r);
	return rc;
}

const struct db_ops db_postgres_ops = {
	.name = "postgresql",
	.open = pg_open,
	.close = pg_close,
	.prepare = pg_prepare,
	.finalize = pg_finalize,
	.reset = pg_reset,
	.param_index = pg_param_index,
	.bind_int = pg_bind_int,
	.bind_text = pg_bind_text,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.col_int = pg_col_int,
	.col_text = pg_col_text,
	.col_is_null = pg_col_is_null,
	.exec = pg_exec,
	.begin_sql = "BEGIN ISOLATION LEVEL READ COMMITTED",
	/* one lock for every writer of the database, whichever server it
	 * runs in; released at COMMIT or ROLLBACK. The key is "tandem" in
	 * ASCII: any constant would do, it only has to be ours. */
	.lock_sql = "SELECT pg_advisory_xact_lock(128017819739501)",
	.begin_read_sql = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
	.tables_sql = "SELECT count(*) FROM pg_catalog.pg_tables "
		      "WHERE schemaname = current_schema()",
	.version_table_sql = "SELECT count(*) FROM pg_catalog.pg_tables "
			     "WHERE schemaname = current_schema() AND tablename = 'schema_version'",
	.id_type = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
	/* byte order, as SQLite's BINARY: names sort the same on both */
	.text_type = "TEXT COLLATE \"C\"",
	.id_sync_sql = "SELECT setval(pg_get_serial_sequence('%s', 'id'), "
		       "coalesce((SELECT max(id) FROM %s), 0) + 1, false)",
};
