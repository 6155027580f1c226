/* fuzz_json: a request body, as the API reads it: json_parse, then the
 * step fields. Whatever parses must serialize with tandem's compact
 * writer exactly as jansson's own dump does (a differential check), and
 * a refused body must say which field, or that the JSON is malformed. */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/json.h"
#include "manage/step.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct err e = {0};
	json_t *v = json_parse((const char *)data, size, &e);
	if (!v) {
		assert(e.status == ERR_BAD_INPUT);
		return 0;
	}
	struct buf mine = BUF_INIT;
	json_to_buf(v, &mine, 0);
	char *theirs = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15) |
					     JSON_ENCODE_ANY);
	assert(theirs && !mine.failed);
	assert(strcmp(buf_str(&mine), theirs) == 0);
	free(theirs);
	buf_free(&mine);

	struct step_input in = {0};
	unsigned set = 0;
	if (fields_from_json(step_fields, &in, &set, v, &e) != 0)
		assert(e.status == ERR_BAD_INPUT && e.msg[0]);
	json_decref(v);
	return 0;
}
