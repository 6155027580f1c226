/* json: small helpers over jansson shared by the CLI and the API. */
#ifndef TANDEM_JSON_H
#define TANDEM_JSON_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/err.h"

/* Parses a request body. Malformed JSON is a 400 naming line and column.
 * Returns a new reference or NULL. */
json_t *json_parse(const char *text, size_t len, struct err *e);
/* Appends the compact serialization of v to b. */
void json_to_buf(json_t *v, struct buf *b, int pretty);
/* {"error":{"status":..,"message":..,"field":..}}, a new reference. */
json_t *json_error(const struct err *e);
/* Setters that steal nothing and tolerate NULL text (stored as null).
 * Keys are program literals, taken as valid UTF-8 without a check. */
void json_set_str(json_t *o, const char *key, const char *s);
void json_set_int(json_t *o, const char *key, int64_t v);
void json_set_id(json_t *o, const char *key, int64_t id);	/* 0 -> null */
/* minutes as hours, cents as an amount: exact decimals as JSON reals */
void json_set_hours(json_t *o, const char *key, int64_t minutes);
void json_set_money(json_t *o, const char *key, int64_t cents);
/* A FT_DECIMAL value (x100) as a JSON number: 150 -> 1.5, -200 -> -2. */
void json_set_decimal(json_t *o, const char *key, int64_t x100);

#endif
