/* server: "tandem serve": the HTTP server on libmicrohttpd. */
#ifndef TANDEM_SERVER_H
#define TANDEM_SERVER_H

#include <stdint.h>

#include "base/err.h"

struct serve_opts {
	const char *listen;	/* "ADDR:PORT", default 127.0.0.1:8080 */
	int64_t threads;	/* worker threads, default the number of CPUs */
	/* the address of a reverse proxy whose X-Forwarded-For names the
	 * client (for sign-in limits and the audit), or NULL */
	const char *trusted_proxy;
	/* run control check every this many minutes (0: never) */
	int64_t check_every;
};

/* Serves until SIGINT or SIGTERM, then finishes requests in flight and
 * returns 0; fails (e filled) when it cannot listen or open the database.
 * Each worker thread opens its own connection to db_url. It blocks
 * SIGINT and SIGTERM in the calling thread before any worker
 * starts, and waits for them with sigwait. */
int server_run(const char *db_url, const struct serve_opts *o, struct err *e);

#endif
