/* err: error values; see err.h. */
#include "base/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int err_set(struct err *e, int status, const char *field, const char *fmt, ...)
{
	if (!e || e->status)
		return -1;
	e->status = status;
	snprintf(e->field, sizeof e->field, "%s", field ? field : "");
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	/* a message cut short may end inside a UTF-8 sequence: drop the part */
	size_t n = strlen(e->msg);
	size_t k = n;
	while (k > 0 && ((unsigned char)e->msg[k - 1] & 0xC0) == 0x80 && n - k < 3)
		k--;
	if (k > 0 && (unsigned char)e->msg[k - 1] >= 0xC0) {
		unsigned c = (unsigned char)e->msg[k - 1];
		size_t want = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
		if (n - (k - 1) < want)
			e->msg[k - 1] = '\0';
	}
	return -1;
}

void err_clear(struct err *e)
{
	memset(e, 0, sizeof *e);
}

int err_exit_code(const struct err *e)
{
	switch (e->status) {
	case 0:
		return EXIT_OK;
	case ERR_BAD_INPUT:
	case ERR_TOO_LARGE:
	case ERR_UNAUTHORIZED:
	case ERR_TOO_MANY:
		return EXIT_BAD_INPUT;
	case ERR_FORBIDDEN:
		return EXIT_CONFLICT;
	case ERR_NOT_FOUND:
		return EXIT_NOT_FOUND;
	case ERR_CONFLICT:
		return EXIT_CONFLICT;
	case ERR_UNAVAILABLE:
		return EXIT_DATABASE;
	default:
		return EXIT_INTERNAL;
	}
}
