/* fuzz_date: date_parse on any bytes. A date it accepts must format back
 * to the same text (a second method: the round trip), and working-day
 * arithmetic on it must agree with counting day by day. */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "base/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char text[32];
	if (size >= sizeof text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	int32_t day;
	if (date_parse(text, &day) != 0)
		return 0;
	char back[11];
	date_format(day, back);
	assert(strcmp(back, text) == 0);
	int n = (int)(size % 23);
	int32_t end = date_add_working(day, n);
	assert(date_is_working(end));
	int32_t start = day;
	while (!date_is_working(start))
		start++;
	assert(date_working_between(start, end) == n);
	return 0;
}
