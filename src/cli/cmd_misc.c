/* cmd_misc: tandem demo, serve, migrate and version. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "manage/demo.h"
#include "store/copy.h"
#include "web/server.h"

#ifndef TANDEM_VERSION
#define TANDEM_VERSION "0.1.0"
#endif

enum { D_PEOPLE = 1, D_PLANS = 2, D_STEPS = 4, D_MONTHS = 8, D_SEED = 16, D_TODAY = 32,
       D_UNITS = 64, D_CHUNK = 128 };

const struct field demo_fields[] = {
	{.name = "people", .type = FT_INT, .offset = offsetof(struct demo_opts, people),
	 .bit = D_PEOPLE, .min = 6, .max = 1000000, .help = "people (default 40)"},
	{.name = "plans", .type = FT_INT, .offset = offsetof(struct demo_opts, plans),
	 .bit = D_PLANS, .min = 1, .max = 1000000, .help = "plans (default 5)"},
	{.name = "steps", .type = FT_INT, .offset = offsetof(struct demo_opts, steps),
	 .bit = D_STEPS, .min = 0, .max = 10000000, .help = "steps over all plans (default 80)"},
	{.name = "months", .type = FT_INT, .offset = offsetof(struct demo_opts, months),
	 .bit = D_MONTHS, .min = 0, .max = 36, .help = "months of time entries (default 3)"},
	{.name = "seed", .type = FT_INT, .offset = offsetof(struct demo_opts, seed),
	 .bit = D_SEED, .min = 0, .max = INT64_MAX, .help = "generator seed (default 1)"},
	{.name = "today", .type = FT_DATE, .offset = offsetof(struct demo_opts, today),
	 .bit = D_TODAY, .help = "the day the demo is anchored on (default today)"},
	{.name = "units", .type = FT_INT, .offset = offsetof(struct demo_opts, units),
	 .bit = D_UNITS, .min = 6, .max = 1000000, .help = "units (default 6)"},
	{.name = "chunk", .type = FT_INT, .offset = offsetof(struct demo_opts, chunk),
	 .bit = D_CHUNK, .min = 15, .max = 1440,
	 .help = "split a day's work into time entries of at most these minutes"},
	{0},
};

static void show_progress(void *ctx, const char *what, int64_t done, int64_t total)
{
	(void)ctx;
	fprintf(stderr, "\rseeding %s: %lld/%lld%s", what, (long long)done, (long long)total,
		done == total ? "\n" : "");
}

int demo_cmd(struct cli *c)
{
	struct demo_opts *o = c->obj;
	if (!(c->set & D_PEOPLE))
		o->people = 40;
	if (!(c->set & D_PLANS))
		o->plans = 5;
	if (!(c->set & D_STEPS))
		o->steps = 80;
	if (!(c->set & D_MONTHS))
		o->months = 3;
	if (!(c->set & D_SEED))
		o->seed = 1;
	if (o->steps >= 20000 && isatty(2))
		o->progress = show_progress;
	struct demo_counts n;
	if (demo_seed(c->db, o, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *j = json_object();
		json_object_set_new(j, "units", json_integer(n.units));
		json_object_set_new(j, "people", json_integer(n.people));
		json_object_set_new(j, "plans", json_integer(n.plans));
		json_object_set_new(j, "steps", json_integer(n.steps));
		json_object_set_new(j, "dependencies", json_integer(n.deps));
		json_object_set_new(j, "time_entries", json_integer(n.entries));
		json_object_set_new(j, "tools", json_integer(n.tools));
		cli_print_json(c, j);
	} else {
		fprintf(c->out, "demo organization seeded: %lld units, %lld people, %lld plans, "
				"%lld steps, %lld dependencies, %lld time entries, %lld tools\n",
			(long long)n.units, (long long)n.people, (long long)n.plans,
			(long long)n.steps, (long long)n.deps, (long long)n.entries,
			(long long)n.tools);
	}
	return 0;
}

enum { S_LISTEN = 1, S_THREADS = 2, S_PROXY = 4, S_CHECK = 8 };

const struct field serve_fields[] = {
	{.name = "listen", .type = FT_TEXT, .offset = offsetof(struct serve_opts, listen),
	 .bit = S_LISTEN, .max = 200, .help = "ADDR:PORT to listen on (default 127.0.0.1:8080)"},
	{.name = "threads", .type = FT_INT, .offset = offsetof(struct serve_opts, threads),
	 .bit = S_THREADS, .min = 1, .max = 256, .help = "worker threads (default: CPUs)"},
	{.name = "trusted_proxy", .type = FT_TEXT, .offset = offsetof(struct serve_opts, trusted_proxy),
	 .bit = S_PROXY, .max = 64,
	 .help = "ADDR of a reverse proxy whose X-Forwarded-For names the client"},
	{.name = "check_every", .type = FT_INT, .offset = offsetof(struct serve_opts, check_every),
	 .bit = S_CHECK, .min = 0, .max = 525600,
	 .help = "run control check every MINUTES (default 60; 0 never)"},
	{0},
};

int serve_cmd(struct cli *c)
{
	struct serve_opts *o = c->obj;
	if (!(c->set & S_LISTEN))
		o->listen = "127.0.0.1:8080";
	if (!(c->set & S_CHECK))
		o->check_every = 60;
	if (!(c->set & S_THREADS)) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		o->threads = n < 2 ? 2 : n > 256 ? 256 : n;
	}
	/* each worker opens its own connection: a private in-memory database
	 * per worker would be a different, empty database for each */
	if (strncmp(c->db_url, "sqlite:", 7) == 0 &&
	    (strstr(c->db_url, ":memory:") || strcmp(c->db_url, "sqlite:") == 0)) {
		err_set(&c->e, ERR_BAD_INPUT, "db", "db: serve needs a database file, not %s",
			c->db_url);
		return -1;
	}
	/* the migrated schema is in place; workers open their own connections */
	db_close(c->db);
	c->db = NULL;
	return server_run(c->db_url, o, &c->e);
}

enum { M_FROM = 1, M_TO = 2 };

const struct field migrate_fields[] = {
	{.name = "from", .type = FT_TEXT, .offset = offsetof(struct migrate_opts, from),
	 .bit = M_FROM, .max = 500, .required = 1,
	 .help = "the database to copy (sqlite:PATH or postgres://...)"},
	{.name = "to", .type = FT_TEXT, .offset = offsetof(struct migrate_opts, to),
	 .bit = M_TO, .max = 500, .required = 1,
	 .help = "an empty database to copy it into (created and migrated)"},
	{0},
};

static void copy_progress(void *ctx, const char *table, int64_t done, int64_t total)
{
	(void)ctx;
	fprintf(stderr, "\rcopying %s: %lld/%lld%s", table, (long long)done, (long long)total,
		done == total ? "\n" : "");
}

/* Opens url for flag --NAME; a failure's message names the flag. */
static int open_flag(const char *flag, const char *url, int flags, struct db **db,
		     struct err *e)
{
	if (db_open(url, flags, db, e) == 0)
		return 0;
	struct err was = *e;
	const char *rest = strncmp(was.msg, "db: ", 4) == 0 ? was.msg + 4 : was.msg;
	err_clear(e);
	return err_set(e, was.status, flag, "%s: %s", flag, rest);
}

int migrate_cmd(struct cli *c)
{
	struct migrate_opts *o = c->obj;
	if (fields_require(migrate_fields, c->set, &c->e))
		return -1;
	struct db *from = NULL, *to = NULL;
	/* the source is read as it is: an older schema is refused, not
	 * migrated behind its owner's back */
	if (open_flag("from", o->from, 0, &from, &c->e) ||
	    open_flag("to", o->to, DB_MIGRATE, &to, &c->e)) {
		db_close(from);
		return -1;
	}
	int n = copy_ntables();
	struct copy_table *t = arena_alloc(&c->a, (size_t)n * sizeof *t);
	int rc = t ? db_copy(from, to, isatty(2) ? copy_progress : NULL, NULL, t, &c->e)
		   : err_set(&c->e, ERR_INTERNAL, "", "out of memory");
	db_close(from);
	db_close(to);
	if (rc)
		return -1;
	if (c->json) {
		json_t *j = json_object();
		for (int i = 0; i < n; i++)
			json_object_set_new(j, t[i].name, json_integer(t[i].rows));
		cli_print_json(c, j);
		return 0;
	}
	int64_t total = 0;
	for (int i = 0; i < n; i++) {
		fprintf(c->out, "%-12s %lld\n", t[i].name, (long long)t[i].rows);
		total += t[i].rows;
	}
	fprintf(c->out, "copied %lld records; the row counts of both databases match\n",
		(long long)total);
	return 0;
}

int version_cmd(struct cli *c)
{
	fprintf(c->out, "tandem %s\n", TANDEM_VERSION);
	return 0;
}
