/* server: tandem serve on libmicrohttpd.
 *
 * A thread pool with epoll; each worker thread has its own database
 * connection and arena (thread-local: never shared). The response is
 * queued on the second call of the access handler, never the first, so
 * keep-alive holds. SIGINT and SIGTERM are blocked before the daemon
 * starts and waited for here; on either, the daemon stops accepting,
 * requests in flight finish (up to 10 s), and connections close. */
#include "web/server.h"

#include <arpa/inet.h>
#include <dlfcn.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/json.h"
#include "base/log.h"
#include "web/api.h"

enum { MAX_BODY = 1 << 20, MAX_WORKERS = 256 };

struct server {
	const char *db_url;
	atomic_int in_flight;	/* requests begun and not completed */
	atomic_int fresh;	/* connections accepted that sent no request yet */
	pthread_mutex_t lock;	/* guards dbs, arenas and ndbs */
	struct db *dbs[MAX_WORKERS + 8];
	/* the workers' arenas live here, not in thread-local storage, so
	 * that they can be freed after the worker threads have exited */
	struct arena arenas[MAX_WORKERS + 8];
	int ndbs;
};

/* One per request, from the first call of the access handler to the
 * completion callback. */
struct conn_state {
	struct buf body;
	int too_large;
};

/* libmicrohttpd is loaded when the server starts rather than linked:
 * it brings GnuTLS and a dozen more libraries whose loading would cost
 * every CLI command about 2 ms. The table is filled once, before any
 * worker thread exists, and only read afterwards. */
static struct {
	struct MHD_Daemon *(*start_daemon)(unsigned int flags, uint16_t port,
					   MHD_AcceptPolicyCallback apc, void *apc_cls,
					   MHD_AccessHandlerCallback dh, void *dh_cls, ...);
	void (*stop_daemon)(struct MHD_Daemon *d);
	MHD_socket (*quiesce_daemon)(struct MHD_Daemon *d);
	const union MHD_DaemonInfo *(*get_daemon_info)(struct MHD_Daemon *d,
						       enum MHD_DaemonInfoType t, ...);
	struct MHD_Response *(*create_response_from_buffer)(size_t size, void *buffer,
							     enum MHD_ResponseMemoryMode m);
	enum MHD_Result (*add_response_header)(struct MHD_Response *r, const char *h,
					       const char *v);
	enum MHD_Result (*queue_response)(struct MHD_Connection *c, unsigned int status,
					  struct MHD_Response *r);
	void (*destroy_response)(struct MHD_Response *r);
	const char *(*lookup_connection_value)(struct MHD_Connection *c, enum MHD_ValueKind k,
					       const char *key);
	int (*get_connection_values)(struct MHD_Connection *c, enum MHD_ValueKind k,
				     MHD_KeyValueIterator it, void *cls);
	const union MHD_ConnectionInfo *(*get_connection_info)(struct MHD_Connection *c,
							       enum MHD_ConnectionInfoType t, ...);
} mhd;

static int mhd_load(struct err *e)
{
	static const char *const names[] = {"libmicrohttpd.so.12", "libmicrohttpd.so"};
	void *so = NULL;
	for (size_t i = 0; i < sizeof names / sizeof names[0] && !so; i++)
		so = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
	if (!so)
		return err_set(e, ERR_UNAVAILABLE, "", "cannot load libmicrohttpd (Debian package "
			       "libmicrohttpd12): %s", dlerror());
	struct {
		const char *name;
		void **slot;
	} syms[] = {
		{"MHD_start_daemon", (void **)&mhd.start_daemon},
		{"MHD_stop_daemon", (void **)&mhd.stop_daemon},
		{"MHD_quiesce_daemon", (void **)&mhd.quiesce_daemon},
		{"MHD_get_daemon_info", (void **)&mhd.get_daemon_info},
		{"MHD_create_response_from_buffer", (void **)&mhd.create_response_from_buffer},
		{"MHD_add_response_header", (void **)&mhd.add_response_header},
		{"MHD_queue_response", (void **)&mhd.queue_response},
		{"MHD_destroy_response", (void **)&mhd.destroy_response},
		{"MHD_lookup_connection_value", (void **)&mhd.lookup_connection_value},
		{"MHD_get_connection_values", (void **)&mhd.get_connection_values},
		{"MHD_get_connection_info", (void **)&mhd.get_connection_info},
	};
	for (size_t i = 0; i < sizeof syms / sizeof syms[0]; i++) {
		*syms[i].slot = dlsym(so, syms[i].name);
		if (!*syms[i].slot)
			return err_set(e, ERR_UNAVAILABLE, "", "libmicrohttpd lacks %s", syms[i].name);
	}
	return 0;	/* the library stays loaded for the life of the process */
}

/* Tracks connections that have not sent a request yet, so that shutdown
 * also waits for one accepted just before the signal. */
struct conn_life {
	int fresh;
};

static _Thread_local struct db *worker_db;
static _Thread_local struct arena *worker_arena;	/* one of server.arenas */

static struct db *thread_db(struct server *s, struct err *e)
{
	if (worker_db)
		return worker_db;
	struct db *db;
	if (db_open(s->db_url, 0, &db, e))
		return NULL;
	pthread_mutex_lock(&s->lock);
	if (s->ndbs < (int)(sizeof s->dbs / sizeof s->dbs[0])) {
		worker_arena = &s->arenas[s->ndbs];
		s->dbs[s->ndbs++] = db;
		worker_db = db;
	}
	pthread_mutex_unlock(&s->lock);
	if (!worker_db) {
		db_close(db);
		err_set(e, ERR_UNAVAILABLE, "", "too many worker connections");
		return NULL;
	}
	return db;
}

/* --- helpers for handlers (api.h) ----------------------------------- */

struct query_ctx {
	struct req *r;
	const struct field *fields;
	void *obj;
	unsigned *set;
	int failed;
};

static enum MHD_Result query_arg(void *cls, enum MHD_ValueKind kind, const char *key,
				 const char *value)
{
	(void)kind;
	struct query_ctx *q = cls;
	const struct field *f = field_find(q->fields, key);
	if (!f) {
		err_set(&q->r->e, ERR_BAD_INPUT, key, "%.60s: unknown query parameter", key);
	} else if (!value || !*value) {
		err_set(&q->r->e, ERR_BAD_INPUT, key, "%s: needs a value", key);
	} else if (*q->set & f->bit) {
		err_set(&q->r->e, ERR_BAD_INPUT, key, "%s: given twice", key);
	} else if (field_from_text(f, q->obj, q->set, value, &q->r->e) == 0) {
		return MHD_YES;
	}
	q->failed = 1;
	return MHD_NO;
}

int api_query(struct req *r, const struct field *fields, void *obj, unsigned *set)
{
	struct query_ctx q = {.r = r, .fields = fields, .obj = obj, .set = set};
	mhd.get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, query_arg, &q);
	return q.failed ? -1 : 0;
}

int api_body(struct req *r, const struct field *fields, void *obj, unsigned *set)
{
	if (r->body_len == 0)
		return err_set(&r->e, ERR_BAD_INPUT, "", "the request needs a JSON object body");
	r->in = json_parse(r->body, r->body_len, &r->e);
	if (!r->in)
		return -1;
	return fields_from_json(fields, obj, set, r->in, &r->e);
}

int api_reply(struct req *r, int status, json_t *v)
{
	json_decref(r->out);
	r->status = status;
	r->out = v;
	return 0;
}

int api_reply_list(struct req *r, json_t *items, int64_t limit, int64_t offset)
{
	json_t *o = json_object();
	json_object_set_new(o, "count", json_integer((json_int_t)json_array_size(items)));
	json_object_set_new(o, "limit", limit >= 0 ? json_integer(limit) : json_null());
	json_object_set_new(o, "offset", json_integer(offset));
	json_object_set_new(o, "items", items);
	return api_reply(r, 200, o);
}

int api_created(struct req *r, const char *base, int64_t id, json_t *v)
{
	r->location = arena_printf(r->a, "%s/%lld", base, (long long)id);
	return api_reply(r, 201, v);
}

/* --- routing -------------------------------------------------------- */

/* Matches path against pattern; fills ids. 1 on a match. */
static int match(const char *pattern, const char *path, int64_t ids[2])
{
	int nid = 0;
	const char *p = pattern, *u = path;
	while (*p && *u) {
		if (p[0] == ':' && strncmp(p, ":id", 3) == 0) {
			int64_t v = 0;
			const char *start = u;
			while (*u >= '0' && *u <= '9' && u - start < 18)
				v = v * 10 + (*u++ - '0');
			if (u == start || v <= 0 || (*u && *u != '/') || nid == 2)
				return 0;
			ids[nid++] = v;
			p += 3;
			continue;
		}
		if (*p != *u)
			return 0;
		p++;
		u++;
	}
	return *p == '\0' && (*u == '\0' || (u[0] == '/' && u[1] == '\0'));
}

static const struct route *route_for(struct req *r, char *allow, size_t allow_size)
{
	int64_t ids[2] = {0, 0};
	/* HEAD is GET without the body (libmicrohttpd drops it) */
	const char *method = strcmp(r->method, "HEAD") == 0 ? "GET" : r->method;
	allow[0] = '\0';
	for (const struct route *rt = api_routes; rt->method; rt++) {
		if (!match(rt->pattern, r->path, ids))
			continue;
		if (strcmp(rt->method, method) == 0) {
			r->id = ids[0];
			r->id2 = ids[1];
			return rt;
		}
		size_t n = strlen(allow);
		snprintf(allow + n, allow_size - n, "%s%s", n ? ", " : "", rt->method);
	}
	return NULL;
}

/* --- the MHD glue ----------------------------------------------------- */

static enum MHD_Result send_json(struct MHD_Connection *conn, int status, json_t *v,
				 const char *location, const char *allow)
{
	struct buf b = BUF_INIT;
	if (v) {
		json_to_buf(v, &b, 0);
		buf_putc(&b, '\n');
	}
	struct MHD_Response *resp;
	if (b.failed) {
		buf_free(&b);
		static const char oom[] =
			"{\"error\":{\"status\":500,\"message\":\"out of memory\",\"field\":null}}\n";
		status = 500;
		resp = mhd.create_response_from_buffer(sizeof oom - 1, (void *)oom,
						       MHD_RESPMEM_PERSISTENT);
	} else {
		/* MHD frees the buffer when it is sent */
		resp = mhd.create_response_from_buffer(b.len, b.len ? b.s : (void *)"",
						       b.len ? MHD_RESPMEM_MUST_FREE
							     : MHD_RESPMEM_PERSISTENT);
		if (!b.len)
			buf_free(&b);
	}
	if (!resp)
		return MHD_NO;
	if (v)
		mhd.add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
					"application/json; charset=utf-8");
	mhd.add_response_header(resp, "X-Content-Type-Options", "nosniff");
	mhd.add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	if (location)
		mhd.add_response_header(resp, MHD_HTTP_HEADER_LOCATION, location);
	if (allow)
		mhd.add_response_header(resp, MHD_HTTP_HEADER_ALLOW, allow);
	enum MHD_Result ret = mhd.queue_response(conn, (unsigned)status, resp);
	mhd.destroy_response(resp);
	return ret;
}

static enum MHD_Result send_error(struct MHD_Connection *conn, const struct err *e,
				  const char *allow)
{
	json_t *v = json_error(e);
	enum MHD_Result ret = send_json(conn, e->status ? e->status : 500, v, NULL, allow);
	json_decref(v);
	return ret;
}

static enum MHD_Result handle(struct server *s, struct MHD_Connection *conn, const char *url,
			      const char *method, struct conn_state *cs)
{
	struct req r = {.conn = conn, .method = method, .path = url};
	enum MHD_Result ret;
	char allow[64];
	if (cs->too_large) {
		err_set(&r.e, ERR_TOO_LARGE, "", "the request body is over the limit of %d bytes",
			MAX_BODY);
		return send_error(conn, &r.e, NULL);
	}
	const struct route *rt = route_for(&r, allow, sizeof allow);
	if (!rt) {
		if (allow[0]) {
			err_set(&r.e, 405, "", "%s is not allowed on %.200s (allowed: %s)", method, url,
				allow);
			return send_error(conn, &r.e, allow);
		}
		err_set(&r.e, ERR_NOT_FOUND, "", "no such resource: %.200s", url);
		return send_error(conn, &r.e, NULL);
	}
	if (cs->body.failed) {
		err_set(&r.e, ERR_INTERNAL, "", "out of memory reading the request body");
		return send_error(conn, &r.e, NULL);
	}
	r.body = cs->body.s;
	r.body_len = cs->body.len;
	r.db = thread_db(s, &r.e);
	r.a = worker_arena;
	/* a read runs in one snapshot: consistent, and one lock per request */
	int rc = -1;
	if (r.db && (rt->flags & ROUTE_WRITES)) {
		rc = rt->handler(&r);
	} else if (r.db && db_begin_read(r.db, &r.e) == 0) {
		rc = rt->handler(&r);
		rc = db_end(r.db, rc, &r.e);
	}
	if (rc) {
		if (!r.e.status)
			err_set(&r.e, ERR_INTERNAL, "", "internal error");
		if (r.e.status >= 500)
			log_error("%s %s: %s", method, url, r.e.msg);
		ret = send_error(conn, &r.e, NULL);
	} else {
		ret = send_json(conn, r.status ? r.status : 200, r.out, r.location, NULL);
	}
	json_decref(r.out);
	json_decref(r.in);
	if (worker_arena)
		arena_reset(worker_arena);
	return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version,
				  const char *upload_data, size_t *upload_size, void **con_cls)
{
	(void)version;
	struct server *s = cls;
	struct conn_state *cs = *con_cls;
	if (!cs) {
		/* first call: headers only; answer on a later call (keep-alive) */
		cs = calloc(1, sizeof *cs);
		if (!cs)
			return MHD_NO;
		*con_cls = cs;
		atomic_fetch_add(&s->in_flight, 1);
		const union MHD_ConnectionInfo *ci =
			mhd.get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
		struct conn_life *life = ci ? ci->socket_context : NULL;
		if (life && life->fresh) {
			life->fresh = 0;
			atomic_fetch_sub(&s->fresh, 1);
		}
		const char *len = mhd.lookup_connection_value(conn, MHD_HEADER_KIND,
							      MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (len && strtoull(len, NULL, 10) > MAX_BODY) {
			/* refuse before reading (and before "100 Continue"); the
			 * connection closes after this answer */
			cs->too_large = 1;
			return handle(s, conn, url, method, cs);
		}
		return MHD_YES;
	}
	if (*upload_size) {
		if (!cs->too_large && cs->body.len + *upload_size > MAX_BODY) {
			cs->too_large = 1;
			buf_free(&cs->body);
		}
		if (!cs->too_large)
			buf_putn(&cs->body, upload_data, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	return handle(s, conn, url, method, cs);
}

static void on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
			  enum MHD_ConnectionNotificationCode code)
{
	(void)conn;
	struct server *s = cls;
	struct conn_life *life = *socket_context;
	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		life = calloc(1, sizeof *life);
		if (life) {
			life->fresh = 1;
			atomic_fetch_add(&s->fresh, 1);
		}
		*socket_context = life;
	} else if (life) {
		if (life->fresh)
			atomic_fetch_sub(&s->fresh, 1);
		free(life);
		*socket_context = NULL;
	}
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	(void)conn;
	(void)toe;
	struct server *s = cls;
	struct conn_state *cs = *con_cls;
	if (!cs)
		return;
	buf_free(&cs->body);
	free(cs);
	*con_cls = NULL;
	atomic_fetch_sub(&s->in_flight, 1);
}

static int parse_listen(const char *listen, struct sockaddr_storage *ss, int *v6,
			struct err *e)
{
	char host[128];
	const char *colon = strrchr(listen, ':');
	if (!colon || !colon[1])
		return err_set(e, ERR_BAD_INPUT, "listen",
			       "listen: must be ADDR:PORT, e.g. 127.0.0.1:8080 (got \"%.60s\")",
			       listen);
	int64_t port;
	if (field_parse_int(colon + 1, &port) || port < 0 || port > 65535)
		return err_set(e, ERR_BAD_INPUT, "listen", "listen: the port must be 0-65535");
	size_t n = (size_t)(colon - listen);
	if (n >= sizeof host)
		return err_set(e, ERR_BAD_INPUT, "listen", "listen: the address is too long");
	memcpy(host, listen, n);
	host[n] = '\0';
	memset(ss, 0, sizeof *ss);
	if (host[0] == '[' && n > 2 && host[n - 1] == ']') {
		host[n - 1] = '\0';
		struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;
		a6->sin6_family = AF_INET6;
		a6->sin6_port = htons((uint16_t)port);
		*v6 = 1;
		if (inet_pton(AF_INET6, host + 1, &a6->sin6_addr) == 1)
			return 0;
	} else {
		struct sockaddr_in *a4 = (struct sockaddr_in *)ss;
		a4->sin_family = AF_INET;
		a4->sin_port = htons((uint16_t)port);
		*v6 = 0;
		if (n == 0 || strcmp(host, "*") == 0) {
			a4->sin_addr.s_addr = htonl(INADDR_ANY);
			return 0;
		}
		if (strcmp(host, "localhost") == 0)
			strcpy(host, "127.0.0.1");
		if (inet_pton(AF_INET, host, &a4->sin_addr) == 1)
			return 0;
	}
	return err_set(e, ERR_BAD_INPUT, "listen",
		       "listen: \"%.60s\" is not an IP address (use e.g. 127.0.0.1 or [::1])", host);
}

int server_run(const char *db_url, const struct serve_opts *o, struct err *e)
{
	struct sockaddr_storage ss;
	int v6 = 0;
	if (parse_listen(o->listen, &ss, &v6, e) || mhd_load(e))
		return -1;
	struct server *s = calloc(1, sizeof *s);
	if (!s)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	s->db_url = db_url;
	pthread_mutex_init(&s->lock, NULL);

	sigset_t sigs;
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);	/* workers inherit this */

	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC;
	if (v6)
		flags |= MHD_USE_IPv6;
	struct MHD_Daemon *d = mhd.start_daemon(
		flags, 0, NULL, NULL, on_request, s,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)o->threads,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)4096,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
		MHD_OPTION_NOTIFY_CONNECTION, on_connection, s,
		MHD_OPTION_END);
	if (!d) {
		int saved = errno;
		pthread_mutex_destroy(&s->lock);
		free(s);
		return err_set(e, ERR_UNAVAILABLE, "listen", "cannot listen on %s (%s)", o->listen,
			       saved ? strerror(saved) : "address in use or not available");
	}
	const union MHD_DaemonInfo *info = mhd.get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	unsigned port = info ? info->port : 0;
	char host[128];
	snprintf(host, sizeof host, "%.*s", (int)(strrchr(o->listen, ':') - o->listen),
		 o->listen);
	char shown[512];
	db_url_redact(db_url, shown, sizeof shown);	/* no password in logs */
	printf("tandem serving http://%s:%u/ (%lld threads, database %s)\n",
	       host[0] ? host : "0.0.0.0", port, (long long)o->threads, shown);
	fflush(stdout);

	int sig = 0;
	sigwait(&sigs, &sig);
	log_info("%s: stopping; finishing %d request(s) in flight", sig == SIGINT ? "SIGINT"
			: "SIGTERM", atomic_load(&s->in_flight));
	/* no new connections: MHD stops accepting and hands the listening
	 * socket back; shut it down now so that connection attempts are
	 * refused at once rather than queued in the backlog until exit (and
	 * then reset), and close it only after MHD_stop_daemon, as MHD asks */
	MHD_socket lfd = mhd.quiesce_daemon(d);
	if (lfd != MHD_INVALID_SOCKET)
		shutdown(lfd, SHUT_RDWR);
	/* requests in flight get 10 s; a connection that has sent nothing yet
	 * gets 1 s to send its request; a second signal stops at once */
	for (int i = 0; i < 1000; i++) {
		if (atomic_load(&s->in_flight) == 0 && (atomic_load(&s->fresh) == 0 || i >= 100))
			break;
		struct timespec ts = {0, 10 * 1000 * 1000};
		if (sigtimedwait(&sigs, NULL, &ts) > 0) {
			log_warn("second signal: stopping now");
			break;
		}
	}
	mhd.stop_daemon(d);
	if (lfd != MHD_INVALID_SOCKET)
		close(lfd);
	for (int i = 0; i < s->ndbs; i++) {
		db_close(s->dbs[i]);
		arena_free(&s->arenas[i]);
	}
	pthread_mutex_destroy(&s->lock);
	free(s);
	log_info("stopped");
	return 0;
}
