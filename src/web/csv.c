/* csv: RFC 4180 writing with formula neutralization; see csv.h. */
#include "web/csv.h"

#include <string.h>

static void sep(struct csv *c)
{
	if (c->col++)
		buf_putc(c->b, ',');
}

void csv_text(struct csv *c, const char *s)
{
	sep(c);
	if (!s || !*s)
		return;
	int formula = strchr("=+-@\t\r", s[0]) != NULL;
	int quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		buf_putc(c->b, '"');
	if (formula)
		buf_putc(c->b, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			buf_putc(c->b, '"');
		buf_putc(c->b, *p);
	}
	if (quote)
		buf_putc(c->b, '"');
}

void csv_int(struct csv *c, int64_t v)
{
	sep(c);
	buf_printf(c->b, "%lld", (long long)v);
}

void csv_hours(struct csv *c, int64_t minutes)
{
	sep(c);
	int64_t h = (minutes * 100 + 30) / 60;	/* hundredths, rounded */
	buf_printf(c->b, "%lld.%02lld", (long long)(h / 100), (long long)(h % 100));
}

void csv_money(struct csv *c, int64_t cents)
{
	sep(c);
	long long v = cents < 0 ? -cents : cents;
	buf_printf(c->b, "%s%lld.%02lld", cents < 0 ? "-" : "", v / 100, v % 100);
}

void csv_end(struct csv *c)
{
	buf_puts(c->b, "\r\n");
	c->col = 0;
}

void csv_id(struct csv *c, int64_t id)
{
	if (id)
		csv_int(c, id);
	else
		csv_text(c, NULL);
}

void csv_header(struct csv *c, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		csv_text(c, names[i]);
	csv_end(c);
}
