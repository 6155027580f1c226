/* fuzz_csv: the RFC 4180 reader of the signal import (base/csvread.c)
 * on any bytes. Every record read, written again by a second method
 * (every field quoted, its quotes doubled, CRLF after each record) and
 * read back, must give the same fields; the line a record starts on
 * never goes back; an error happens at most once, at the end. */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/csvread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_RECORDS = 4096 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct csvread c;
	csvread_init(&c, (const char *)data, size);
	struct buf again = BUF_INIT;
	char **f;
	size_t n, line, last = 1, records = 0;
	static char **kept[MAX_RECORDS];
	static size_t kept_n[MAX_RECORDS];
	int rc;
	while ((rc = csvread_next(&c, &a, &f, &n, &line)) == 1) {
		assert(n >= 1);
		assert(line >= last);
		last = line;
		if (records < MAX_RECORDS) {
			kept[records] = f;
			kept_n[records] = n;
		}
		records++;
		for (size_t i = 0; i < n; i++) {
			if (i)
				buf_putc(&again, ',');
			buf_putc(&again, '"');
			for (const char *p = f[i]; *p; p++) {
				if (*p == '"')
					buf_putc(&again, '"');
				buf_putc(&again, *p);
			}
			buf_putc(&again, '"');
		}
		buf_puts(&again, "\r\n");
	}
	assert(rc == 0 || rc == -1);
	assert(records <= size);
	if (!again.failed) {
		struct csvread c2;
		csvread_init(&c2, again.len ? buf_str(&again) : "", again.len);
		for (size_t r = 0; r < records && r < MAX_RECORDS; r++) {
			assert(csvread_next(&c2, &a, &f, &n, &line) == 1);
			assert(n == kept_n[r]);
			for (size_t i = 0; i < n; i++)
				assert(strcmp(f[i], kept[r][i]) == 0);
		}
		if (records <= MAX_RECORDS)
			assert(csvread_next(&c2, &a, &f, &n, &line) == 0);
	}
	buf_free(&again);
	arena_free(&a);
	return 0;
}
