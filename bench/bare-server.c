/*
 * bare-server: the HTTP ceiling for tandem's benchmarks.
 *
 * A bare libmicrohttpd program that answers every GET with the same bytes (the
 * body tandem returns for one API resource), read once from a file at start.
 * It uses the daemon settings tandem's `serve` uses (epoll, an internal thread
 * pool of one thread per online CPU, 4096 connections, 30 s idle timeout), so
 * bench/run can compare tandem's requests/s and p99 latency with what the
 * library itself reaches on this machine when there is no work to do.
 *
 *   bench/bare-server PORT FILE      stops on SIGINT or SIGTERM
 *
 * It follows two libmicrohttpd traps from the field notes: the response is
 * queued on the second call of the access handler (queuing on the first one
 * drops keep-alive), and SIGINT/SIGTERM are blocked before the daemon starts
 * and awaited with sigwait() in main (a signal delivered to a library thread
 * would otherwise leave the server running).
 */
#include <errno.h>
#include <limits.h>
#include <microhttpd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if MHD_VERSION < 0x00097002
typedef int MHD_Result_t;
#else
typedef enum MHD_Result MHD_Result_t;
#endif

static struct MHD_Response *g_body;     /* shared, never freed until exit */
static struct MHD_Response *g_notallow; /* 405 for anything but GET/HEAD */
static int g_marker;                    /* *con_cls after the first call */

static MHD_Result_t on_request(void *cls, struct MHD_Connection *conn,
			       const char *url, const char *method,
			       const char *version, const char *upload_data,
			       size_t *upload_data_size, void **con_cls)
{
	(void)cls;
	(void)url;
	(void)version;
	(void)upload_data;
	if (*con_cls == NULL) { /* first call: headers only; answer on the next */
		*con_cls = &g_marker;
		return MHD_YES;
	}
	if (*upload_data_size != 0) { /* discard any body */
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 &&
	    strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
		return MHD_queue_response(conn, MHD_HTTP_METHOD_NOT_ALLOWED,
					  g_notallow);
	return MHD_queue_response(conn, MHD_HTTP_OK, g_body);
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	while (buf) {
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
		if (n == cap) {
			char *bigger = realloc(buf, cap * 2);
			if (!bigger) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = bigger;
			cap *= 2;
		}
	}
	if (buf && ferror(f)) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = n;
	return buf;
}

int main(int argc, char **argv)
{
	if (argc != 3 && argc != 4) {
		fprintf(stderr, "usage: %s PORT FILE [THREADS]\n", argv[0]);
		return 2;
	}
	char *end;
	errno = 0;
	long port = strtol(argv[1], &end, 10);
	if (errno || *end || port < 1 || port > 65535) {
		fprintf(stderr, "bare-server: bad port '%s'\n", argv[1]);
		return 2;
	}
	size_t len;
	char *body = read_file(argv[2], &len);
	if (!body) {
		fprintf(stderr, "bare-server: cannot read %s: %s\n", argv[2],
			strerror(errno));
		return 1;
	}
	g_body = MHD_create_response_from_buffer(len, body,
						 MHD_RESPMEM_MUST_FREE);
	static const char na[] = "{\"error\":\"method not allowed\"}\n";
	g_notallow = MHD_create_response_from_buffer(
		sizeof na - 1, (void *)na, MHD_RESPMEM_PERSISTENT);
	if (!g_body || !g_notallow) {
		fprintf(stderr, "bare-server: out of memory\n");
		return 1;
	}
	MHD_add_response_header(g_body, MHD_HTTP_HEADER_CONTENT_TYPE,
				"application/json");
	MHD_add_response_header(g_notallow, MHD_HTTP_HEADER_CONTENT_TYPE,
				"application/json");
	MHD_add_response_header(g_notallow, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");

	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	if (cpus < 1)
		cpus = 1;
	if (cpus > 64)
		cpus = 64;
	if (argc == 4)	/* the same pool size as the tandem it is compared with */
		cpus = strtol(argv[3], NULL, 10) > 0 ? strtol(argv[3], NULL, 10) : cpus;

	/* Trap 3: block the signals in every thread the daemon will start. */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	int rc = pthread_sigmask(SIG_BLOCK, &stop, NULL);
	if (rc != 0) {
		fprintf(stderr, "bare-server: pthread_sigmask: %s\n",
			strerror(rc));
		return 1;
	}

	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL,
		(uint16_t)port, NULL, NULL, on_request, NULL,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)cpus,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned int)4096,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)30,
		MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "bare-server: cannot listen on port %ld\n",
			port);
		return 1;
	}
	fprintf(stderr,
		"bare-server: port %ld, %zu bytes, epoll, pool of %ld threads\n",
		port, len, cpus);

	int sig = 0;
	while (sigwait(&stop, &sig) != 0)
		;
	MHD_stop_daemon(d);
	MHD_destroy_response(g_body);
	MHD_destroy_response(g_notallow);
	return 0;
}
