/* err: errors as values.
 *
 * Functions that can fail return 0 on success or -1 on failure and fill a
 * struct err: an HTTP-style status, the offending field (or ""), and a
 * message for a person. Front-ends render it: the CLI as "error: ..." on
 * stderr with an exit code, the API as {"error":{...}}. */
#ifndef TANDEM_ERR_H
#define TANDEM_ERR_H

enum {
	ERR_BAD_INPUT = 400,
	ERR_UNAUTHORIZED = 401,	/* no valid credentials */
	ERR_FORBIDDEN = 403,	/* visible, but not the actor's to change */
	ERR_NOT_FOUND = 404,
	ERR_CONFLICT = 409,
	ERR_TOO_LARGE = 413,
	ERR_TOO_MANY = 429,	/* rate-limited (failed sign-ins) */
	ERR_INTERNAL = 500,
	ERR_UNAVAILABLE = 503,	/* the database cannot be used */
};

/* CLI exit codes, documented in docs/tandem.1 (EXIT STATUS). */
enum {
	EXIT_OK = 0,
	EXIT_INTERNAL = 1,
	EXIT_USAGE = 2,
	EXIT_BAD_INPUT = 3,
	EXIT_NOT_FOUND = 4,
	EXIT_CONFLICT = 5,
	EXIT_DATABASE = 6,
};

struct err {
	int status;		/* 0 while no error */
	char field[64];
	char msg[512];
};

/* Sets e (if e is not NULL and holds no error yet) and returns -1, so that
 * "return err_set(...)" reads naturally. The first error wins. */
int err_set(struct err *e, int status, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void err_clear(struct err *e);
int err_exit_code(const struct err *e);

/* NEVER(x): a branch that should be impossible; asserts in debug builds,
 * yields true (so the caller degrades gracefully) in release builds. */
#ifdef NDEBUG
#define NEVER(x) (x)
#else
#include <assert.h>
#define NEVER(x) ((x) ? (assert(!#x), 1) : 0)
#endif

#endif
