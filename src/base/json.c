/* json: see json.h. */
#include "base/json.h"

#include "base/field.h"

#include <stdio.h>
#include <math.h>
#include <string.h>

static int dump_cb(const char *s, size_t n, void *data)
{
	buf_putn(data, s, n);
	return 0;
}

json_t *json_parse(const char *text, size_t len, struct err *e)
{
	json_error_t je;
	json_t *v = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
	if (!v)
		err_set(e, ERR_BAD_INPUT, "", "malformed JSON at line %d, column %d: %s",
			je.line, je.column, je.text);
	return v;
}

/* Appends s as a JSON string: runs of plain bytes are copied at once,
 * and only quotes, backslashes and control characters are escaped (the
 * text is UTF-8 already: jansson checked it on the way in). */
static void write_string(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";	/* as jansson */
	buf_putc(b, '"');
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		buf_putn(b, s + run, i - run);
		run = i + 1;
		char esc[7] = {'\\', (char)c, 0};
		size_t len = 2;
		switch (c) {
		case '"': case '\\': break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		case '\t': esc[1] = 't'; break;
		case '\b': esc[1] = 'b'; break;
		case '\f': esc[1] = 'f'; break;
		default:
			memcpy(esc, "\\u00", 4);
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			len = 6;
		}
		buf_putn(b, esc, len);
	}
	buf_putn(b, s + run, n - run);
	buf_putc(b, '"');
}

/* Compact serialization in insertion order, as jansson's, but without
 * a callback per token: responses are small and this is on every one. */
static void write_value(struct buf *b, json_t *v, int depth)
{
	char num[40];
	switch (json_typeof(v)) {
	case JSON_OBJECT: {
		const char *key;
		json_t *item;
		int first = 1;
		buf_putc(b, '{');
		json_object_foreach(v, key, item) {
			if (!first)
				buf_putc(b, ',');
			first = 0;
			write_string(b, key, strlen(key));
			buf_putc(b, ':');
			write_value(b, item, depth + 1);
		}
		buf_putc(b, '}');
		break;
	}
	case JSON_ARRAY: {
		size_t i;
		json_t *item;
		buf_putc(b, '[');
		json_array_foreach(v, i, item) {
			if (i)
				buf_putc(b, ',');
			write_value(b, item, depth + 1);
		}
		buf_putc(b, ']');
		break;
	}
	case JSON_STRING:
		write_string(b, json_string_value(v), json_string_length(v));
		break;
	case JSON_INTEGER: {
		/* by hand: snprintf costs more than the rest of a small object */
		json_int_t x = json_integer_value(v);
		uint64_t u = x < 0 ? 0 - (uint64_t)x : (uint64_t)x;
		char *p = num + sizeof num;
		do
			*--p = (char)('0' + u % 10);
		while (u /= 10);
		if (x < 0)
			*--p = '-';
		buf_putn(b, p, (size_t)(num + sizeof num - p));
		break;
	}
	case JSON_REAL: {
		double r = json_real_value(v);
		/* amounts (cents / 100.0) by hand: the same text as "%.15g" below
		 * gives them (at most 15 digits, so exact, trailing zeros cut),
		 * for a sixth of the cost */
		double c = r * 100.0;
		if (r != 0 && c > -1e15 && c < 1e15) {
			long long ci = llround(c);
			if ((double)ci / 100.0 == r) {
				unsigned long long u = ci < 0 ? 0ULL - (unsigned long long)ci
							       : (unsigned long long)ci;
				char *p = num + sizeof num;
				unsigned frac = (unsigned)(u % 100);
				if (frac % 10)
					*--p = (char)('0' + frac % 10);
				*--p = (char)('0' + frac / 10);
				*--p = '.';
				u /= 100;
				do
					*--p = (char)('0' + u % 10);
				while (u /= 10);
				if (ci < 0)
					*--p = '-';
				buf_putn(b, p, (size_t)(num + sizeof num - p));
				break;
			}
		}
		/* as jansson: 15 significant digits, always readable as a real */
		int n = snprintf(num, sizeof num, "%.15g", r);
		char *exp = strchr(num, 'e');
		if (exp) {	/* "1e-07" -> "1e-7", "1e+20" -> "1e20" */
			char *d = exp + 1, *from = exp + 1;
			if (*from == '-')
				*d++ = *from++;
			else if (*from == '+')
				from++;
			while (*from == '0' && from[1])
				from++;
			memmove(d, from, strlen(from) + 1);
			n = (int)strlen(num);
		} else if (n > 0 && !strchr(num, '.') && n + 2 < (int)sizeof num) {
			memcpy(num + n, ".0", 3);
			n += 2;
		}
		buf_putn(b, num, n > 0 ? (size_t)n : 0);
		break;
	}
	case JSON_TRUE:
		buf_puts(b, "true");
		break;
	case JSON_FALSE:
		buf_puts(b, "false");
		break;
	case JSON_NULL:
		buf_puts(b, "null");
		break;
	}
	(void)depth;
}

void json_to_buf(json_t *v, struct buf *b, int pretty)
{
	if (!pretty) {
		write_value(b, v, 0);
		return;
	}
	size_t flags = JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15);
	flags |= pretty ? JSON_INDENT(2) : JSON_COMPACT;
	if (json_dump_callback(v, dump_cb, b, flags) != 0)
		b->failed = 1;
}

json_t *json_error(const struct err *e)
{
	json_t *in = json_object();
	json_set_int(in, "status", e->status ? e->status : 500);
	json_set_str(in, "message", e->msg[0] ? e->msg : "internal error");
	json_set_str(in, "field", e->field[0] ? e->field : NULL);
	json_t *out = json_object();
	json_object_set_new(out, "error", in);
	return out;
}

/* Text that is not valid UTF-8 (from an old database, or a byte cut in
 * an error message) still gets its key: each invalid byte becomes
 * U+FFFD, the replacement character. */
static json_t *string_or_replaced(const char *s)
{
	json_t *v = json_string(s);
	if (v)
		return v;
	struct buf b = BUF_INIT;
	size_t n = strlen(s), i = 0;
	while (i < n) {
		size_t ok = utf8_valid_prefix(s + i, n - i);
		buf_putn(&b, s + i, ok);
		i += ok;
		if (i < n) {
			buf_puts(&b, "\xEF\xBF\xBD");
			i++;
		}
	}
	v = b.failed ? NULL : json_stringn(b.s ? b.s : "", b.len);
	buf_free(&b);
	return v ? v : json_string("");
}

void json_set_str(json_t *o, const char *key, const char *s)
{
	json_object_set_new_nocheck(o, key, s ? string_or_replaced(s) : json_null());
}

void json_set_int(json_t *o, const char *key, int64_t v)
{
	json_object_set_new_nocheck(o, key, json_integer(v));
}

void json_set_id(json_t *o, const char *key, int64_t id)
{
	json_object_set_new_nocheck(o, key, id ? json_integer(id) : json_null());
}

void json_set_hours(json_t *o, const char *key, int64_t minutes)
{
	/* hours to two decimals, as they are typed: 61 minutes is 1.02 */
	int64_t hundredths = (minutes * 100 + (minutes >= 0 ? 30 : -30)) / 60;
	if (hundredths % 100 == 0)
		json_object_set_new_nocheck(o, key, json_integer(hundredths / 100));
	else
		json_object_set_new_nocheck(o, key, json_real((double)hundredths / 100.0));
}

void json_set_decimal(json_t *o, const char *key, int64_t x100)
{
	json_set_money(o, key, x100);
}

void json_set_money(json_t *o, const char *key, int64_t cents)
{
	if (cents % 100 == 0)
		json_object_set_new_nocheck(o, key, json_integer(cents / 100));
	else
		json_object_set_new_nocheck(o, key, json_real((double)cents / 100.0));
}
