/* buf: a growable string buffer with a sticky error.
 *
 * After an allocation failure every later call is a no-op and buf.failed
 * stays set, so callers build a whole text and check once at the end. */
#ifndef TANDEM_BUF_H
#define TANDEM_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *s;	/* always NUL-terminated once anything was written */
	size_t len;
	size_t cap;
	int failed;
};

#define BUF_INIT {0}

void buf_free(struct buf *b);
void buf_reset(struct buf *b);			/* len = 0, keeps memory */
void buf_putn(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* The text so far; "" for an empty or failed buffer. Owned by b. */
const char *buf_str(const struct buf *b);

#endif
