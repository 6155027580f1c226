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

#include "balance/balance.h"
#include "base/buf.h"
#include "base/json.h"
#include "base/log.h"
#include "manage/control.h"	/* the scheduled check */
#include "org/account.h"
#include "org/audit.h"
#include "web/api.h"
#include "web/form.h"

enum { MAX_BODY = 1 << 20, MAX_DRAIN = 4 << 20, MAX_WORKERS = 256 };

struct server {
	const char *db_url;
	char trusted_proxy[INET6_ADDRSTRLEN];	/* "" for none */
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
	int form;	/* a page's GET form: an empty input is one not given */
};

static enum MHD_Result query_arg(void *cls, enum MHD_ValueKind kind, const char *key,
				 const char *value)
{
	(void)kind;
	struct query_ctx *q = cls;
	const struct field *f = field_find(q->fields, key);
	if (!f) {
		err_set(&q->r->e, ERR_BAD_INPUT, key, "%.60s: unknown query parameter", key);
	} else if ((!value || !*value) && q->form) {
		return MHD_YES;
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

int form_query(struct req *r, const struct field *fields, void *obj, unsigned *set)
{
	struct query_ctx q = {.r = r, .fields = fields, .obj = obj, .set = set, .form = 1};
	mhd.get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, query_arg, &q);
	return q.failed ? -1 : 0;
}

int api_body(struct req *r, const struct field *fields, void *obj, unsigned *set)
{
	if (r->body_len == 0)
		return err_set(&r->e, ERR_BAD_INPUT, "", "the request needs a JSON object body");
	/* the core may have parsed it already, for the access rules */
	if (!r->in)
		r->in = json_parse(r->body, r->body_len, &r->e);
	if (!r->in)
		return -1;
	return fields_from_json(fields, obj, set, r->in, &r->e);
}

int api_refs(struct req *r, const struct api_ref *refs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!refs[i].id || access_check(r->db, &r->who, refs[i].kind, refs[i].id, A_READ,
						&r->e) == 0)
			continue;
		if (r->e.status != ERR_NOT_FOUND)
			return -1;
		/* access_check's "no coalition with id 2", under the body's key */
		char msg[sizeof r->e.msg];
		snprintf(msg, sizeof msg, "%s", r->e.msg);
		err_clear(&r->e);
		return err_set(&r->e, ERR_NOT_FOUND, refs[i].field, "%s: %s", refs[i].field, msg);
	}
	return 0;
}

int api_scope(struct req *r, int64_t *unit_id, unsigned *set, unsigned bit)
{
	int given = (*set & bit) != 0;
	if (access_narrow(r->db, &r->who, unit_id, &given, &r->e))
		return -1;
	if (given)
		*set |= bit;
	return 0;
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
	const struct route *tables[] = {api_routes, page_routes};
	for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
		for (const struct route *rt = tables[t]; rt->method; rt++) {
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
	}
	return NULL;
}

/* --- who is asking, and may they ------------------------------------- */

static const char *header(struct req *r, const char *name)
{
	return mhd.lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

static const char *cookie(struct req *r, const char *name)
{
	return mhd.lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);
}

static void client_address(struct req *r, char *out, size_t size)
{
	const union MHD_ConnectionInfo *ci =
		mhd.get_connection_info(r->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	out[0] = '\0';
	if (!ci || !ci->client_addr)
		return;
	const struct sockaddr *sa = ci->client_addr;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out,
			  (socklen_t)size);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, out,
			  (socklen_t)size);
}

/* Behind the trusted proxy, the client is the last address of
 * X-Forwarded-For (the one the proxy added; earlier ones come from the
 * client and prove nothing). Kept as it was when that is no address. */
static void forwarded_address(struct req *r, char *out, size_t size)
{
	const char *xff = header(r, "X-Forwarded-For");
	if (!xff)
		return;
	const char *last = strrchr(xff, ',');
	last = last ? last + 1 : xff;
	while (*last == ' ')
		last++;
	char ip[INET6_ADDRSTRLEN];
	size_t n = strcspn(last, " ");
	if (n == 0 || n >= sizeof ip)
		return;
	memcpy(ip, last, n);
	ip[n] = '\0';
	unsigned char bin[16];
	if (inet_pton(AF_INET, ip, bin) == 1 || inet_pton(AF_INET6, ip, bin) == 1)
		snprintf(out, size, "%s", ip);
}

/* Equal strings, in time that does not depend on where they differ. */
static int same_secret(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	unsigned char d = n != m || n == 0;
	for (size_t i = 0; i < n && i < m; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0;
}

/* Finds the actor: a Bearer token (scripts) or the session cookie
 * (browsers). 0 with r->who filled, or -1 with a 401. */
static int authenticate(struct req *r, const struct route *rt)
{
	const char *auth = header(r, MHD_HTTP_HEADER_AUTHORIZATION);
	if (auth && strncasecmp(auth, "Bearer ", 7) == 0) {
		if (token_lookup(r->db, auth + 7, &r->who, &r->e))
			return -1;
		r->who.via = VIA_API;
		r->who.csrf[0] = '\0';	/* a bearer request carries no ambient credential */
		return 0;
	}
	const char *session = cookie(r, "tandem_session");
	if (!session)
		return err_set(&r->e, ERR_UNAUTHORIZED, "", "sign in first: send "
			       "Authorization: Bearer TOKEN, or sign in at /login");
	if (token_lookup(r->db, session, &r->who, &r->e))
		return -1;
	r->who.via = rt->flags & ROUTE_PAGE ? VIA_UI : VIA_API;
	return 0;
}

/* A write on a browser session must show the session's CSRF token: the
 * hidden field "csrf" of a form, or the X-CSRF-Token header of a script.
 * A public form (sign-in) shows the value of its tandem_pre cookie. */
static int csrf_check(struct req *r, const struct route *rt)
{
	int writes = strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0;
	if (!writes)
		return 0;
	const char *want = NULL;
	if (r->who.account_id && r->who.csrf[0])
		want = r->who.csrf;
	else if (rt->flags & ROUTE_PUBLIC && rt->flags & ROUTE_FORM)
		want = cookie(r, "tandem_pre");
	else
		return 0;	/* a bearer token, or a public JSON route */
	const char *got = rt->flags & ROUTE_FORM ? form_get(&r->form, "csrf")
						 : header(r, "X-CSRF-Token");
	if (!want || !got || !same_secret(want, got))
		return err_set(&r->e, ERR_FORBIDDEN, "csrf",
			       "the form is out of date or was not sent by this site: reload the "
			       "page and try again");
	return 0;
}

/* The value of a reference field in the body or the form, 0 if absent. */
static int64_t body_ref(struct req *r, const char *key, int *present)
{
	*present = 0;
	if (r->form.n) {
		const char *v = form_get(&r->form, key);
		if (!v)
			return 0;
		*present = 1;
		return *v ? strtoll(v, NULL, 10) : 0;
	}
	if (!r->in && r->body_len) {
		struct err ignore = {0};
		r->in = json_parse(r->body, r->body_len, &ignore);	/* the handler reports errors */
	}
	json_t *v = json_is_object(r->in) ? json_object_get(r->in, key) : NULL;
	if (!v)
		return 0;
	*present = 1;
	return json_is_integer(v) ? (int64_t)json_integer_value(v) : 0;
}

/* The unit a created or moved record lands in, from its reference
 * field; the referenced record must be visible (404 as the domain would
 * say it, if not). */
static int target_unit(struct req *r, enum kind k, int64_t *unit, int64_t *person,
		       int *present)
{
	static const struct {
		enum kind k;
		const char *field;
		enum kind refers;
	} refs[] = {
		{K_UNIT, "parent_id", K_UNIT}, {K_PERSON, "unit_id", K_UNIT},
		{K_PLAN, "unit_id", K_UNIT},   {K_STEP, "plan_id", K_PLAN},
		{K_TIME, "person_id", K_PERSON}, {K_TOOL, "plan_id", K_PLAN},
		{K_TOOL, "step_id", K_STEP},
		{K_TARGET, "unit_id", K_UNIT},	{K_BUDGET, "unit_id", K_UNIT},
		{K_BUDGET, "plan_id", K_PLAN},	{K_EXPENSE, "plan_id", K_PLAN},
		{K_EXPENSE, "step_id", K_STEP}, {K_POSITION, "unit_id", K_UNIT},
		{K_PROBLEM, "unit_id", K_UNIT},	{K_VISION, "unit_id", K_UNIT},
		{K_STRATEGY, "unit_id", K_UNIT}, {K_SIGNAL, "unit_id", K_UNIT},
		{K_COMM, "unit_id", K_UNIT},	{K_STAKEHOLDER, "owner_id", K_PERSON},
		{K_COALITION, "unit_id", K_UNIT}, {K_PULSE, "unit_id", K_UNIT},
		{K_INITIATIVE, "unit_id", K_UNIT}, {K_COHORT, "unit_id", K_UNIT},
	};
	*unit = 0;
	*person = 0;
	*present = 0;
	for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
		if (refs[i].k != k)
			continue;
		int here = 0;
		int64_t id = body_ref(r, refs[i].field, &here);
		if (!here)
			continue;
		*present = 1;
		if (!id)
			continue;
		if (refs[i].refers == K_PERSON)
			*person = id;
		struct err e2 = {0};
		if (access_check(r->db, &r->who, refs[i].refers, id, A_READ, &e2)) {
			if (e2.status != ERR_NOT_FOUND) {
				r->e = e2;
				return -1;
			}
			/* invisible or missing: the domain's own words */
			static const char *const names[] = {"", "unit", "person", "plan", "step"};
			return err_set(&r->e, ERR_NOT_FOUND, refs[i].field, "%s: no %s with id %lld",
				       refs[i].field, names[refs[i].refers], (long long)id);
		}
		if (access_unit_of(r->db, refs[i].refers, id, unit, &r->e))
			return -1;
	}
	return 0;
}

/* The access rules, for every route in one place. */
static int authorize(struct req *r, const struct route *rt)
{
	if (rt->flags & ROUTE_PUBLIC)
		return 0;
	if (rt->flags & ROUTE_ADMIN && r->who.role != ROLE_ADMIN) {
		if (rt->kind == K_ACCOUNT || r->who.role == ROLE_NONE)
			return access_check(r->db, &r->who, K_ACCOUNT, 0, rt->act, &r->e);
		/* the organization's own settings: the calendar, the skills, the
		 * tolerances */
		return err_set(&r->e, ERR_FORBIDDEN, "", "a %s may not change the organization's "
			       "settings: only an admin may", role_name(r->who.role));
	}
	if (rt->kind == K_NONE || rt->kind == K_ACCOUNT)
		return access_check(r->db, &r->who, rt->kind, r->id, rt->act, &r->e);
	if (r->id && access_check(r->db, &r->who, rt->kind, r->id, rt->act, &r->e))
		return -1;
	if (rt->act != A_WRITE)
		return 0;
	int64_t unit, person;
	int present;
	if (target_unit(r, rt->kind, &unit, &person, &present))
		return -1;
	if (rt->kind == K_TIME && !present && !r->id) {
		/* a timesheet names no person: it is the actor's own */
		person = r->who.person_id;
		unit = r->who.unit_id;
	}
	/* a create, or a change that moves the record elsewhere */
	if (!r->id || present)
		return access_create(r->db, &r->who, rt->kind, unit, person, &r->e);
	return 0;
}

static char *audit_detail(struct req *r)
{
	if (!r->body_len || r->form.n)
		return NULL;
	/* the JSON body, without secrets */
	if (!r->in) {
		struct err ignore = {0};
		r->in = json_parse(r->body, r->body_len, &ignore);
	}
	if (!json_is_object(r->in))
		return NULL;
	json_t *copy = json_deep_copy(r->in);
	if (json_object_get(copy, "password"))
		json_object_set_new(copy, "password", json_string("***"));
	char *s = json_dumps(copy, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(copy);
	char *out = s ? arena_strdup(r->a, s) : NULL;
	free(s);
	return out;
}

/* --- the MHD glue ----------------------------------------------------- */

struct reply {
	int status;
	json_t *json;		/* a JSON body, or */
	const char *type;	/* another body's Content-Type, with body and len */
	const char *body;
	size_t len;
	const char *location, *allow, *cookie, *filename;
};

/* Pages may load only what this server sends (no inline script or
 * style), and never inside another site's frame. */
static const char page_policy[] =
	"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
	"frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

static enum MHD_Result send_reply(struct MHD_Connection *conn, const struct reply *rp)
{
	struct buf b = BUF_INIT;
	int status = rp->status;
	if (rp->json) {
		json_to_buf(rp->json, &b, 0);
		buf_putc(&b, '\n');
	} else if (rp->len) {
		buf_putn(&b, rp->body, rp->len);
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
	if (rp->json)
		mhd.add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
					"application/json; charset=utf-8");
	else if (rp->type)
		mhd.add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, rp->type);
	if (rp->type && strncmp(rp->type, "text/html", 9) == 0) {
		mhd.add_response_header(resp, "Content-Security-Policy", page_policy);
		mhd.add_response_header(resp, "X-Frame-Options", "DENY");
		mhd.add_response_header(resp, "Referrer-Policy", "same-origin");
	}
	mhd.add_response_header(resp, "X-Content-Type-Options", "nosniff");
	if (!rp->type || strncmp(rp->type, "text/css", 8) != 0)
		mhd.add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	if (rp->location)
		mhd.add_response_header(resp, MHD_HTTP_HEADER_LOCATION, rp->location);
	if (rp->allow)
		mhd.add_response_header(resp, MHD_HTTP_HEADER_ALLOW, rp->allow);
	if (rp->cookie)
		mhd.add_response_header(resp, MHD_HTTP_HEADER_SET_COOKIE, rp->cookie);
	if (rp->filename) {
		char cd[200];
		snprintf(cd, sizeof cd, "attachment; filename=\"%s\"", rp->filename);
		mhd.add_response_header(resp, "Content-Disposition", cd);
	}
	if (status == ERR_UNAUTHORIZED && rp->json)
		mhd.add_response_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE,
					"Bearer realm=\"tandem\"");
	enum MHD_Result ret = mhd.queue_response(conn, (unsigned)status, resp);
	mhd.destroy_response(resp);
	return ret;
}

static enum MHD_Result send_error(struct MHD_Connection *conn, const struct err *e,
				  const char *allow)
{
	json_t *v = json_error(e);
	struct reply rp = {.status = e->status ? e->status : 500, .json = v, .allow = allow};
	enum MHD_Result ret = send_reply(conn, &rp);
	json_decref(v);
	return ret;
}

/* What the handler (or the core) left in r. */
static enum MHD_Result send_response(struct MHD_Connection *conn, const struct req *r,
				     const char *allow)
{
	struct reply rp = {.status = r->status ? r->status : 200, .location = r->location,
			   .allow = allow, .cookie = r->set_cookie, .filename = r->filename};
	if (r->content_type) {
		rp.type = r->content_type;
		rp.body = r->page.s;
		rp.len = r->page.len;
	} else {
		rp.json = r->out;
	}
	return send_reply(conn, &rp);
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
		if (!worker_arena && strncmp(url, "/api/", 5) != 0) {
			struct err ignore = {0};
			thread_db(s, &ignore);	/* the worker's arena comes with it */
		}
		if (strncmp(url, "/api/", 5) == 0 || !worker_arena)
			return send_error(conn, &r.e, NULL);
		/* a person who followed a wrong link gets a page, not JSON */
		r.a = worker_arena;
		r.status = ERR_NOT_FOUND;
		page_error(&r);
		ret = send_response(conn, &r, NULL);
		buf_free(&r.page);
		arena_reset(worker_arena);
		return ret;
	}
	if (cs->body.failed) {
		err_set(&r.e, ERR_INTERNAL, "", "out of memory reading the request body");
		return send_error(conn, &r.e, NULL);
	}
	r.body = cs->body.s;
	r.body_len = cs->body.len;
	char address[INET6_ADDRSTRLEN];
	client_address(&r, address, sizeof address);
	if (s->trusted_proxy[0] && strcmp(address, s->trusted_proxy) == 0)
		forwarded_address(&r, address, sizeof address);
	r.address = address;
	r.db = thread_db(s, &r.e);
	r.a = worker_arena;
	int rc = -1;
	if (r.db && (rt->flags & ROUTE_FORM) &&
	    form_parse(r.a, r.body ? r.body : "", r.body_len, &r.form, &r.e))
		r.db = NULL;
	/* a read runs in one snapshot: consistent, and one lock per request;
	 * a write is one transaction, its audit record included */
	int writes = (rt->flags & ROUTE_WRITES) != 0;
	if (r.db && (writes ? db_begin(r.db, &r.e) : db_begin_read(r.db, &r.e)) == 0) {
		rc = 0;
		if (!(rt->flags & ROUTE_PUBLIC) || cookie(&r, "tandem_session") ||
		    header(&r, MHD_HTTP_HEADER_AUTHORIZATION)) {
			rc = authenticate(&r, rt);
			if (rc && (rt->flags & ROUTE_PUBLIC)) {
				/* a stale cookie on a public page: as if signed out */
				err_clear(&r.e);
				memset(&r.who, 0, sizeof r.who);
				rc = 0;
			}
		}
		if (rc == 0)
			rc = csrf_check(&r, rt);
		if (rc == 0)
			rc = authorize(&r, rt);
		if (rc == 0)
			rc = rt->handler(&r);
		if (rc == 0 && writes && r.who.account_id && r.status < 400) {
			char action[300];
			snprintf(action, sizeof action, "%s %.280s", method, url);
			int64_t entity = r.id;
			if (!entity && r.location)
				entity = strtoll(strrchr(r.location, '/') + 1, NULL, 10);
			rc = audit_write(r.db, &r.who, action, entity,
					 (rt->flags & ROUTE_PRIVATE) ? NULL : audit_detail(&r), &r.e);
		}
		rc = db_end(r.db, rc, &r.e);
	}
	if (rc) {
		if (!r.e.status)
			err_set(&r.e, ERR_INTERNAL, "", "internal error");
		if (r.e.status >= 500)
			log_error("%s %s: %s", method, url, r.e.msg);
		if ((rt->flags & ROUTE_PAGE) && r.e.status == ERR_UNAUTHORIZED) {
			/* a page without a session: sign in, then come back */
			r.status = 303;
			struct buf next = BUF_INIT;
			buf_puts(&next, "/login?next=");
			for (const char *p = url; *p; p++)
				buf_printf(&next, (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
						  (*p >= '0' && *p <= '9') || *p == '/' || *p == '-'
						  ? "%c" : "%%%02X", (unsigned char)*p);
			r.location = next.failed ? "/login" : arena_strdup(r.a, buf_str(&next));
			buf_free(&next);
			ret = send_response(conn, &r, NULL);
		} else if (rt->flags & ROUTE_PAGE) {
			buf_free(&r.page);
			r.status = r.e.status;
			page_error(&r);
			ret = send_response(conn, &r, NULL);
		} else {
			ret = send_error(conn, &r.e, NULL);
		}
	} else {
		if (!r.status)
			r.status = 200;
		ret = send_response(conn, &r, NULL);
	}
	buf_free(&r.page);
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
		unsigned long long length = len ? strtoull(len, NULL, 10) : 0;
		if (length > MAX_BODY) {
			cs->too_large = 1;
			/* a client that waits for "100 Continue" is refused before it
			 * sends (and the connection closes after this answer); one
			 * that sends at once would lose the answer to the reset that
			 * closing on its unread body causes, so up to MAX_DRAIN its
			 * body is read and dropped first, then refused */
			const char *expect = mhd.lookup_connection_value(conn, MHD_HEADER_KIND,
									 MHD_HTTP_HEADER_EXPECT);
			if (expect || length > MAX_DRAIN)
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

/* --- the scheduled control check ------------------------------- */

/* A thread that runs `control check` as of today every `minutes`, the
 * first run CHECK_FIRST_DELAY seconds after start, on a connection of its
 * own; a failure is logged and the next run tries again. */
enum { CHECK_FIRST_DELAY = 10 };

struct checker {
	const char *db_url;
	int64_t minutes;
	pthread_mutex_t lock;
	pthread_cond_t wake;	/* signalled to stop */
	int stop;
	pthread_t thread;
	int running;
};

static void check_once(struct checker *c, struct db **db)
{
	struct err e = {0};
	if (!*db && db_open(c->db_url, 0, db, &e)) {
		log_warn("control check: cannot open the database: %s", e.msg);
		*db = NULL;
		return;
	}
	struct arena a = {0};
	struct check_input in = {0};
	struct check_result r;
	if (control_check(*db, &a, &in, 0, &r, &e) == 0) {
		log_info("control check as of %s: %zu deviation(s), %zu opened, %zu already open",
			 r.as_of, r.n, r.opened, r.already);
	} else {
		log_warn("control check failed: %s", e.msg[0] ? e.msg : "internal error");
		if (e.status == ERR_UNAVAILABLE) {	/* reconnect next time */
			db_close(*db);
			*db = NULL;
		}
	}
	arena_free(&a);
	/* the balance's monthly snapshot, once a month (balance.h) */
	int taken = 0;
	struct err be = {0};
	if (*db && balance_snapshot_monthly(*db, NULL, &taken, &be))
		log_warn("balance snapshot failed: %s", be.msg[0] ? be.msg : "internal error");
	else if (taken)
		log_info("balance: this month's snapshot taken");
}

static void *checker_main(void *arg)
{
	struct checker *c = arg;
	struct db *db = NULL;
	struct timespec at;
	clock_gettime(CLOCK_MONOTONIC, &at);
	at.tv_sec += CHECK_FIRST_DELAY;
	pthread_mutex_lock(&c->lock);
	while (!c->stop) {
		if (pthread_cond_timedwait(&c->wake, &c->lock, &at) != ETIMEDOUT)
			continue;	/* woken early (to stop), or spuriously */
		pthread_mutex_unlock(&c->lock);
		check_once(c, &db);
		clock_gettime(CLOCK_MONOTONIC, &at);
		at.tv_sec += (time_t)c->minutes * 60;
		pthread_mutex_lock(&c->lock);
	}
	pthread_mutex_unlock(&c->lock);
	db_close(db);
	return NULL;
}

static void checker_start(struct checker *c, const char *db_url, int64_t minutes)
{
	memset(c, 0, sizeof *c);
	if (minutes <= 0)
		return;
	c->db_url = db_url;
	c->minutes = minutes;
	pthread_condattr_t ca;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_mutex_init(&c->lock, NULL);
	pthread_cond_init(&c->wake, &ca);
	pthread_condattr_destroy(&ca);
	if (pthread_create(&c->thread, NULL, checker_main, c) == 0) {
		c->running = 1;
	} else {
		log_warn("control check: cannot start its thread; no scheduled checks");
		pthread_cond_destroy(&c->wake);
		pthread_mutex_destroy(&c->lock);
	}
}

/* Wakes the thread and waits for it: a check under way finishes first. */
static void checker_stop(struct checker *c)
{
	if (!c->running)
		return;
	pthread_mutex_lock(&c->lock);
	c->stop = 1;
	pthread_cond_signal(&c->wake);
	pthread_mutex_unlock(&c->lock);
	pthread_join(c->thread, NULL);
	pthread_cond_destroy(&c->wake);
	pthread_mutex_destroy(&c->lock);
	c->running = 0;
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
	if (o->trusted_proxy) {
		unsigned char ip[16];
		if (inet_pton(AF_INET, o->trusted_proxy, ip) != 1 &&
		    inet_pton(AF_INET6, o->trusted_proxy, ip) != 1) {
			free(s);
			return err_set(e, ERR_BAD_INPUT, "trusted_proxy",
				       "trusted_proxy: \"%.64s\" is not an IP address",
				       o->trusted_proxy);
		}
		snprintf(s->trusted_proxy, sizeof s->trusted_proxy, "%s", o->trusted_proxy);
	}
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
	struct checker checker;
	checker_start(&checker, db_url, o->check_every);

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
	checker_stop(&checker);
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
