/* fuzz_field: every field type's text parser on any bytes (CLI flags and
 * query strings arrive this way). A value that is accepted must respect
 * the field's rules; a refusal must name the field. */
#include <assert.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/field.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct obj {
	const char *text;
	int64_t num;
	int flag;
};

static const char *const choices[] = {"todo", "doing", "done", NULL};

static const struct field fields[] = {
	{.name = "text", .type = FT_TEXT, .offset = offsetof(struct obj, text), .bit = 1,
	 .max = 20, .required = 1},
	{.name = "int", .type = FT_INT, .offset = offsetof(struct obj, num), .bit = 2,
	 .min = -5, .max = 1440},
	{.name = "id", .type = FT_ID, .offset = offsetof(struct obj, num), .bit = 4,
	 .nullable = 1},
	{.name = "hours", .type = FT_HOURS, .offset = offsetof(struct obj, num), .bit = 8,
	 .min = 0, .max = 168 * 60},
	{.name = "money", .type = FT_MONEY, .offset = offsetof(struct obj, num), .bit = 16,
	 .min = 0, .max = 100000000},
	{.name = "date", .type = FT_DATE, .offset = offsetof(struct obj, text), .bit = 32,
	 .nullable = 1},
	{.name = "enum", .type = FT_ENUM, .offset = offsetof(struct obj, text), .bit = 64,
	 .choices = choices},
	{.name = "bool", .type = FT_BOOL, .offset = offsetof(struct obj, flag), .bit = 128},
	{.name = "decimal", .type = FT_DECIMAL, .offset = offsetof(struct obj, num), .bit = 256,
	 .min = -100000, .max = 100000},
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char text[64];
	if (size == 0 || size >= sizeof text)
		return 0;
	const struct field *f = &fields[data[0] % (sizeof fields / sizeof fields[0])];
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	struct obj o = {0};
	unsigned set = 0;
	struct err e = {0};
	if (field_from_text(f, &o, &set, text, &e) != 0) {
		assert(e.status == ERR_BAD_INPUT);
		assert(strcmp(e.field, f->name) == 0);
		assert(set == 0);
		return 0;
	}
	assert(set == f->bit);
	int32_t day;
	switch (f->type) {
	case FT_TEXT:
		assert(strlen(o.text) <= (size_t)f->max && o.text[0]);
		break;
	case FT_INT:
	case FT_HOURS:
	case FT_MONEY:
		assert(o.num >= f->min && o.num <= f->max);
		break;
	case FT_ID:
		assert(o.num > 0 || (o.num == 0 && strcmp(text, "none") == 0));
		break;
	case FT_DATE:
		assert(!o.text || date_parse(o.text, &day) == 0);
		break;
	case FT_ENUM:
		assert(strcmp(o.text, "todo") == 0 || strcmp(o.text, "doing") == 0 ||
		       strcmp(o.text, "done") == 0);
		break;
	case FT_BOOL:
		assert(o.flag == 0 || o.flag == 1);
		break;
	case FT_DECIMAL:
		/* in range, and the value strtod reads, in hundredths */
		assert(o.num >= f->min && o.num <= f->max);
		assert(fabs(strtod(text, NULL) * 100 - (double)o.num) < 0.5);
		break;
	}
	return 0;
}
