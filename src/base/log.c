/* log: see log.h. The level is set once at start-up, before threads. */
#include "base/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <time.h>

static enum log_level min_level = LOG_INFO;

void log_set_level(enum log_level level)
{
	min_level = level;
}

void log_msg(enum log_level level, const char *fmt, ...)
{
	static const char *names[] = {"debug", "info", "warn", "error"};
	if (level < min_level)
		return;
	char line[1024];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	size_t n = strftime(line, sizeof line, "%Y-%m-%dT%H:%M:%SZ ", &tm);
	n += (size_t)snprintf(line + n, sizeof line - n, "%s ", names[level]);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line + n, sizeof line - n, fmt, ap);
	va_end(ap);
	/* one message, one line: a newline in a logged URL cannot forge another */
	for (char *p = line + n; *p; p++)
		if ((unsigned char)*p < 0x20)
			*p = '?';
	fprintf(stderr, "%s\n", line);	/* one write per line */
}
