/* calendar: the organization's working week and its holidays, which
 * every schedule, planned value and capacity counts in.
 *
 * The working week is the setting "workdays" (ISO weekday numbers,
 * "12345" = Monday to Friday, the default); holidays are table rows. A
 * loaded calendar is a plain value: callers load it once per request or
 * command and pass it down. */
#ifndef TANDEM_CALENDAR_H
#define TANDEM_CALENDAR_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/db.h"

struct calendar {
	unsigned workdays;	/* bit (weekday - 1): Monday = bit 0 ... Sunday = bit 6 */
	const int32_t *holidays;	/* day numbers, ascending */
	size_t nholidays;
};

/* Monday to Friday, no holidays. */
void calendar_default(struct calendar *cal);
/* Reads the working week and the holidays into a (the holiday array
 * lives there). */
int calendar_load(struct db *db, struct arena *a, struct calendar *cal, struct err *e);

int cal_is_working(const struct calendar *cal, int32_t day);
/* The working day n working days after day (n >= 0); a non-working
 * start first moves to the next working day (as date_add_working). */
int32_t cal_add_working(const struct calendar *cal, int32_t day, int n);
/* Working days in [from, to), negative if to < from. */
int cal_working_between(const struct calendar *cal, int32_t from, int32_t to);

#endif
