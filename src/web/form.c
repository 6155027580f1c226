/* form: urlencoded form bodies; see form.h. */
#include "web/form.h"

#include <string.h>

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes s[0..n) into out (room for n + 1 bytes); the decoded length,
 * or -1 for a bad escape or a NUL byte. */
static long decode(const char *s, size_t n, char *out)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '+') {
			c = ' ';
		} else if (c == '%') {
			if (i + 2 >= n)
				return -1;
			int h = hexval(s[i + 1]), l = hexval(s[i + 2]);
			if (h < 0 || l < 0)
				return -1;
			c = (char)(h << 4 | l);
			i += 2;
		}
		if (c == '\0')
			return -1;
		out[k++] = c;
	}
	out[k] = '\0';
	return (long)k;
}

int form_parse(struct arena *a, const char *body, size_t len, struct form *out,
	       struct err *e)
{
	out->v = NULL;
	out->n = 0;
	if (!body || len == 0)
		return 0;
	size_t pieces = 1;
	for (size_t i = 0; i < len; i++)
		pieces += body[i] == '&';
	if (pieces > FORM_MAX_PAIRS) {
		/* empty pieces do not count: count the real ones */
		size_t real = 0;
		for (size_t i = 0; i < len; i++)
			real += body[i] != '&' && (i == 0 || body[i - 1] == '&');
		if (real > FORM_MAX_PAIRS)
			return err_set(e, ERR_BAD_INPUT, "", "the form has more than %d fields",
				       FORM_MAX_PAIRS);
		pieces = real;
	}
	struct form_pair *v = arena_alloc(a, pieces * sizeof *v);
	/* every decoded string is no longer than its text, plus a NUL */
	char *text = arena_alloc_uninit(a, len + 2 * pieces + 2);
	if (!v || !text)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	size_t n = 0;
	const char *p = body, *end = body + len;
	while (p < end) {
		const char *amp = memchr(p, '&', (size_t)(end - p));
		const char *stop = amp ? amp : end;
		if (stop > p) {
			const char *eq = memchr(p, '=', (size_t)(stop - p));
			const char *kend = eq ? eq : stop;
			const char *vbeg = eq ? eq + 1 : stop;
			long kn = decode(p, (size_t)(kend - p), text);
			if (kn < 0)
				goto bad;
			v[n].key = text;
			text += kn + 1;
			long vn = decode(vbeg, (size_t)(stop - vbeg), text);
			if (vn < 0)
				goto bad;
			v[n].value = text;
			text += vn + 1;
			if (utf8_valid_prefix(v[n].key, (size_t)kn) != (size_t)kn ||
			    utf8_valid_prefix(v[n].value, (size_t)vn) != (size_t)vn)
				return err_set(e, ERR_BAD_INPUT, "", "the form is not valid UTF-8 text");
			n++;
		}
		p = stop + 1;
	}
	out->v = v;
	out->n = n;
	return 0;
bad:
	return err_set(e, ERR_BAD_INPUT, "",
		       "the form is malformed (a %% not followed by two hex digits, or a NUL)");
}

const char *form_get(const struct form *f, const char *key)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->v[i].key, key) == 0)
			return f->v[i].value;
	return NULL;
}

#define AT(obj, f, type) ((type *)((char *)(obj) + (f)->offset))

static int fill(const struct form *fm, const struct field *fields, void *obj, unsigned *set,
		int edit, struct err *e)
{
	unsigned seen = 0;
	for (size_t i = 0; i < fm->n; i++) {
		const struct field *f = field_find(fields, fm->v[i].key);
		if (!f)
			continue;	/* csrf, buttons, inputs of another purpose */
		if (seen & f->bit)
			return err_set(e, ERR_BAD_INPUT, f->name, "%s: given twice", f->name);
		seen |= f->bit;
		const char *value = fm->v[i].value;
		if (value[0] == '\0') {
			if (!edit)
				continue;	/* an input left empty: not given */
			if (f->nullable) {
				if (f->type == FT_ID || f->type == FT_INT || f->type == FT_HOURS ||
				    f->type == FT_MONEY || f->type == FT_DECIMAL)
					*AT(obj, f, int64_t) = 0;
				else if (f->type == FT_BOOL)
					*AT(obj, f, int) = 0;
				else
					*AT(obj, f, const char *) = NULL;
				*set |= f->bit;
				continue;
			}
		}
		if (field_from_text(f, obj, set, value, e))
			return -1;
	}
	return 0;
}

int form_fill(const struct form *f, const struct field *fields, void *obj, unsigned *set,
	      struct err *e)
{
	return fill(f, fields, obj, set, 0, e);
}

int form_fill_edit(const struct form *f, const struct field *fields, void *obj, unsigned *set,
		   struct err *e)
{
	return fill(f, fields, obj, set, 1, e);
}
