/* json: see json.h. */
#include "base/json.h"

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

void json_to_buf(json_t *v, struct buf *b, int pretty)
{
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

void json_set_str(json_t *o, const char *key, const char *s)
{
	json_object_set_new(o, key, s ? json_string(s) : json_null());
}

void json_set_int(json_t *o, const char *key, int64_t v)
{
	json_object_set_new(o, key, json_integer(v));
}

void json_set_id(json_t *o, const char *key, int64_t id)
{
	json_object_set_new(o, key, id ? json_integer(id) : json_null());
}

void json_set_hours(json_t *o, const char *key, int64_t minutes)
{
	if (minutes % 60 == 0)
		json_object_set_new(o, key, json_integer(minutes / 60));
	else
		json_object_set_new(o, key, json_real((double)minutes / 60.0));
}

void json_set_money(json_t *o, const char *key, int64_t cents)
{
	if (cents % 100 == 0)
		json_object_set_new(o, key, json_integer(cents / 100));
	else
		json_object_set_new(o, key, json_real((double)cents / 100.0));
}
