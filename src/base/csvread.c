/* csvread: see csvread.h. */
#include "base/csvread.h"

#include <string.h>

#include "base/buf.h"

void csvread_init(struct csvread *c, const char *text, size_t len)
{
	c->p = text;
	c->end = text + len;
	c->line = 1;
}

/* Ends the record at a line break (CRLF or LF); 1 if there was one. */
static int eat_newline(struct csvread *c)
{
	if (c->p < c->end && *c->p == '\r' && c->p + 1 < c->end && c->p[1] == '\n') {
		c->p += 2;
		c->line++;
		return 1;
	}
	if (c->p < c->end && *c->p == '\n') {
		c->p++;
		c->line++;
		return 1;
	}
	return 0;
}

int csvread_next(struct csvread *c, struct arena *a, char ***fields, size_t *n, size_t *line)
{
	*fields = NULL;
	*n = 0;
	*line = c->line;
	if (c->p >= c->end)
		return 0;
	size_t cap = 8, k = 0;
	char **v = arena_alloc(a, cap * sizeof *v);
	struct buf f = BUF_INIT;
	int rc = -1;
	if (!v)
		goto out;
	for (;;) {
		buf_reset(&f);
		if (c->p < c->end && *c->p == '"') {
			c->p++;
			for (;;) {
				if (c->p >= c->end)
					goto out; /* unterminated */
				char ch = *c->p++;
				if (ch == '"') {
					if (c->p < c->end && *c->p == '"') {
						buf_putc(&f, '"');
						c->p++;
						continue;
					}
					break;
				}
				if (ch == '\n')
					c->line++;
				buf_putc(&f, ch);
			}
			if (c->p < c->end && *c->p != ',' && *c->p != '\n' &&
			    !(*c->p == '\r' && c->p + 1 < c->end && c->p[1] == '\n'))
				goto out; /* text after the closing quote */
		} else {
			while (c->p < c->end && *c->p != ',' && *c->p != '\n' &&
			       !(*c->p == '\r' && c->p + 1 < c->end && c->p[1] == '\n')) {
				if (*c->p == '"')
					goto out; /* a quote in an unquoted field */
				buf_putc(&f, *c->p++);
			}
		}
		if (k == cap) {
			char **w = arena_alloc(a, 2 * cap * sizeof *w);
			if (!w)
				goto out;
			memcpy(w, v, cap * sizeof *v);
			v = w;
			cap *= 2;
		}
		v[k++] = arena_strndup(a, f.len ? buf_str(&f) : "", f.len);
		if (c->p < c->end && *c->p == ',') {
			c->p++;
			continue;
		}
		eat_newline(c);
		break;
	}
	rc = 1;
out:
	buf_free(&f);
	if (rc < 0) {
		*line = c->line;
		return -1;
	}
	*fields = v;
	*n = k;
	return 1;
}
