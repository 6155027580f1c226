/* field: shared parsing of entity fields; see field.h. */
#include "base/field.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"

#define AT(obj, f, type) ((type *)((char *)(obj) + (f)->offset))

int field_parse_int(const char *s, int64_t *out)
{
	if (!s || !*s)
		return -1;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end || end == s || !(s[0] == '-' || (s[0] >= '0' && s[0] <= '9')))
		return -1;
	*out = v;
	return 0;
}

int field_parse_decimal(const char *s, int places, int64_t *out)
{
	int64_t whole = 0, frac = 0;
	int nfrac = 0, nwhole = 0;
	const char *p = s;
	if (!s || !*s)
		return -1;
	for (; *p >= '0' && *p <= '9'; p++, nwhole++) {
		if (whole > (INT64_MAX / 10 - 10))
			return -1;
		whole = whole * 10 + (*p - '0');
	}
	if (*p == '.') {
		p++;
		for (; *p >= '0' && *p <= '9'; p++, nfrac++) {
			if (nfrac >= places)
				return -1;
			frac = frac * 10 + (*p - '0');
		}
		if (nfrac == 0)
			return -1;
	}
	if (*p || nwhole == 0)
		return -1;
	for (int i = nfrac; i < places; i++)
		frac *= 10;
	int64_t scale = 1;
	for (int i = 0; i < places; i++)
		scale *= 10;
	if (whole > INT64_MAX / scale - 1)
		return -1;
	*out = whole * scale + frac;
	return 0;
}

static int range_error(const struct field *f, struct err *e)
{
	switch (f->type) {
	case FT_HOURS:
		return err_set(e, ERR_BAD_INPUT, f->name,
			       "%s: must be a number of hours from %g to %g",
			       f->name, f->min / 60.0, f->max / 60.0);
	case FT_MONEY:
		return err_set(e, ERR_BAD_INPUT, f->name,
			       "%s: must be an amount from %.2f to %.2f",
			       f->name, f->min / 100.0, f->max / 100.0);
	case FT_DECIMAL:
		return err_set(e, ERR_BAD_INPUT, f->name,
			       "%s: must be a number from %.2f to %.2f",
			       f->name, f->min / 100.0, f->max / 100.0);
	default:
		return err_set(e, ERR_BAD_INPUT, f->name,
			       "%s: must be a whole number from %lld to %lld",
			       f->name, (long long)f->min, (long long)f->max);
	}
}

static int check_choice(const struct field *f, const char *s, struct err *e)
{
	for (const char *const *c = f->choices; *c; c++)
		if (strcmp(*c, s) == 0)
			return 0;
	char list[256] = "";
	for (const char *const *c = f->choices; *c; c++) {
		if (c != f->choices)
			strncat(list, ", ", sizeof list - strlen(list) - 1);
		strncat(list, *c, sizeof list - strlen(list) - 1);
	}
	return err_set(e, ERR_BAD_INPUT, f->name, "%s: must be one of %s (got \"%.40s\")",
		       f->name, list, s);
}

size_t utf8_valid_prefix(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		unsigned c = p[i];
		size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
		if (!len || i + len > n)
			return i;
		uint32_t cp = len == 1 ? c : c & (0x7F >> len);
		for (size_t k = 1; k < len; k++) {
			if ((p[i + k] & 0xC0) != 0x80)
				return i;
			cp = cp << 6 | (p[i + k] & 0x3F);
		}
		/* no overlong forms, surrogates or code points past U+10FFFF */
		if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
		    (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += len;
	}
	return n;
}

static int check_text(const struct field *f, const char *s, struct err *e)
{
	size_t n = strlen(s);
	if (utf8_valid_prefix(s, n) != n)
		return err_set(e, ERR_BAD_INPUT, f->name, "%s: must be UTF-8 text", f->name);
	if (f->required && n == 0)
		return err_set(e, ERR_BAD_INPUT, f->name, "%s: must not be empty", f->name);
	if (f->max && (int64_t)n > f->max)
		return err_set(e, ERR_BAD_INPUT, f->name,
			       "%s: must be at most %lld characters", f->name,
			       (long long)f->max);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 && *p != '\t' && *p != '\n')
			return err_set(e, ERR_BAD_INPUT, f->name,
				       "%s: must not contain control characters", f->name);
	return 0;
}

static int store_int(const struct field *f, void *obj, unsigned *set, int64_t v,
		     struct err *e)
{
	if (f->type == FT_ID) {
		/* only "none" or null clears an id; 0 is no id */
		if (v <= 0)
			return err_set(e, ERR_BAD_INPUT, f->name,
				       "%s: must be an id (a whole number above 0)%s", f->name,
				       f->nullable ? ", or none" : "");
	} else if (v < f->min || v > f->max) {
		return range_error(f, e);
	}
	*AT(obj, f, int64_t) = v;
	*set |= f->bit;
	return 0;
}

int field_from_text(const struct field *f, void *obj, unsigned *set,
		    const char *text, struct err *e)
{
	int64_t v;
	int32_t day;
	switch (f->type) {
	case FT_TEXT:
		if (check_text(f, text, e))
			return -1;
		*AT(obj, f, const char *) = text;
		break;
	case FT_ENUM:
		if (check_choice(f, text, e))
			return -1;
		*AT(obj, f, const char *) = text;
		break;
	case FT_DATE:
		if (f->nullable && strcmp(text, "none") == 0) {
			*AT(obj, f, const char *) = NULL;
			break;
		}
		if (date_parse(text, &day))
			return err_set(e, ERR_BAD_INPUT, f->name,
				       "%s: must be a date as YYYY-MM-DD (got \"%.40s\")",
				       f->name, text);
		*AT(obj, f, const char *) = text;
		break;
	case FT_BOOL:
		if (strcmp(text, "true") == 0 || strcmp(text, "1") == 0 ||
		    strcmp(text, "yes") == 0)
			*AT(obj, f, int) = 1;
		else if (strcmp(text, "false") == 0 || strcmp(text, "0") == 0 ||
			 strcmp(text, "no") == 0)
			*AT(obj, f, int) = 0;
		else
			return err_set(e, ERR_BAD_INPUT, f->name,
				       "%s: must be true or false", f->name);
		break;
	case FT_ID:
		if (f->nullable && strcmp(text, "none") == 0) {
			*AT(obj, f, int64_t) = 0;
			break;
		}
		if (field_parse_int(text, &v))
			return err_set(e, ERR_BAD_INPUT, f->name,
				       "%s: must be an id (a whole number above 0), got \"%.40s\"",
				       f->name, text);
		return store_int(f, obj, set, v, e);
	case FT_INT:
		if (field_parse_int(text, &v))
			return err_set(e, ERR_BAD_INPUT, f->name,
				       "%s: must be a whole number, got \"%.40s\"", f->name, text);
		return store_int(f, obj, set, v, e);
	case FT_HOURS:
		/* hours with up to two decimals, stored as whole minutes */
		if (field_parse_decimal(text, 2, &v))
			return err_set(e, ERR_BAD_INPUT, f->name,
				       "%s: must be a number of hours, got \"%.40s\"", f->name, text);
		if (v > (INT64_MAX - 50) / 60)
			return range_error(f, e);
		return store_int(f, obj, set, (v * 60 + 50) / 100, e);
	case FT_MONEY:
		if (field_parse_decimal(text, 2, &v))
			return err_set(e, ERR_BAD_INPUT, f->name,
				       "%s: must be an amount with at most 2 decimals, got \"%.40s\"",
				       f->name, text);
		return store_int(f, obj, set, v, e);
	case FT_DECIMAL: {
		int neg = text[0] == '-';
		if (field_parse_decimal(text + neg, 2, &v))
			return err_set(e, ERR_BAD_INPUT, f->name,
				       "%s: must be a number with at most 2 decimals, got \"%.40s\"",
				       f->name, text);
		return store_int(f, obj, set, neg ? -v : v, e);
	}
	}
	*set |= f->bit;
	return 0;
}

static const char *json_kind(json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER: return "an integer";
	case JSON_REAL: return "a number";
	case JSON_TRUE: case JSON_FALSE: return "a boolean";
	case JSON_NULL: return "null";
	}
	return "?";
}

int field_from_json(const struct field *f, void *obj, unsigned *set, json_t *v,
		    struct err *e)
{
	const char *want = NULL;
	if (json_is_null(v)) {
		if (!f->nullable)
			return err_set(e, ERR_BAD_INPUT, f->name, "%s: must not be null", f->name);
		if (f->type == FT_ID)
			*AT(obj, f, int64_t) = 0;
		else
			*AT(obj, f, const char *) = NULL;
		*set |= f->bit;
		return 0;
	}
	switch (f->type) {
	case FT_TEXT:
	case FT_ENUM:
	case FT_DATE:
		if (!json_is_string(v)) {
			want = "a string";
			break;
		}
		if (strlen(json_string_value(v)) != json_string_length(v))
			return err_set(e, ERR_BAD_INPUT, f->name,
				       "%s: must not contain NUL characters", f->name);
		return field_from_text(f, obj, set, json_string_value(v), e);
	case FT_BOOL:
		if (!json_is_boolean(v)) {
			want = "true or false";
			break;
		}
		*AT(obj, f, int) = json_is_true(v);
		*set |= f->bit;
		return 0;
	case FT_ID:
	case FT_INT:
		if (!json_is_integer(v)) {
			want = f->type == FT_ID ? "an id (an integer)" : "an integer";
			break;
		}
		return store_int(f, obj, set, json_integer_value(v), e);
	case FT_HOURS:
	case FT_MONEY:
	case FT_DECIMAL: {
		if (!json_is_number(v)) {
			want = "a number";
			break;
		}
		/* the same rule as text: at most two decimals */
		double hundredths = json_number_value(v) * 100;
		if (!(fabs(hundredths) < 9e15) || fabs(hundredths - llround(hundredths)) > 1e-6)
			return err_set(e, ERR_BAD_INPUT, f->name,
				       "%s: must be a number with at most 2 decimals", f->name);
		int64_t h = llround(hundredths);
		if (h < 0 && f->type != FT_DECIMAL)
			return range_error(f, e);
		/* hours are kept in whole minutes, rounded as the text path does */
		int64_t x = f->type == FT_HOURS ? (h * 60 + 50) / 100 : h;
		if (x < f->min || x > f->max)
			return range_error(f, e);
		return store_int(f, obj, set, x, e);
	}
	}
	return err_set(e, ERR_BAD_INPUT, f->name, "%s: must be %s, not %s", f->name,
		       want, json_kind(v));
}

const struct field *field_find(const struct field *fields, const char *name)
{
	for (const struct field *f = fields; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

int fields_from_json(const struct field *fields, void *obj, unsigned *set,
		     json_t *root, struct err *e)
{
	if (!json_is_object(root))
		return err_set(e, ERR_BAD_INPUT, "", "the request body must be a JSON object");
	const char *key;
	json_t *v;
	json_object_foreach(root, key, v) {
		const struct field *f = field_find(fields, key);
		if (!f)
			return err_set(e, ERR_BAD_INPUT, key, "%s: unknown field", key);
		if (field_from_json(f, obj, set, v, e))
			return -1;
	}
	return 0;
}

int fields_require(const struct field *fields, unsigned set, struct err *e)
{
	for (const struct field *f = fields; f->name; f++)
		if (f->required && !(set & f->bit))
			return err_set(e, ERR_BAD_INPUT, f->name, "%s: is required", f->name);
	return 0;
}
