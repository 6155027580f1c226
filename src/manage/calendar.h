/* calendar: the organization's working week and its holidays, which
 * every schedule, planned value and capacity counts in.
 *
 * The working week is the setting "workdays" (ISO weekday numbers,
 * "12345" = Monday to Friday, the default); holidays are table rows. A
 * loaded calendar is a plain value: callers load it once per request or
 * command and pass it down. */
#ifndef TANDEM_CALENDAR_H
#define TANDEM_CALENDAR_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
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

/* --- changing the calendar (each write is one transaction) --- */

struct holiday {
	const char *day;	/* "YYYY-MM-DD" */
	const char *name;
};

enum { HOL_DAY = 1u << 0, HOL_NAME = 1u << 1 };
struct holiday_input {
	const char *day;
	const char *name;
};
extern const struct field holiday_fields[];	/* day (a date), name: both required */

enum { WEEK_WORKDAYS = 1u << 0 };
struct week_input {
	const char *workdays;	/* "mon,tue,wed", "12345" or "1,2,3" */
};
extern const struct field week_fields[];

enum { HOLF_YEAR = 1u << 0 };
struct holiday_filter {
	int64_t year;
};
extern const struct field holiday_filter_fields[];

/* Parses a working week: day names (mon..sun, or whole names) or ISO
 * digits 1-7, separated by commas or not. Refuses (400 naming
 * "workdays") an unknown day and an empty week. */
int calendar_parse_workdays(const char *text, unsigned *mask, struct err *e);
/* The ISO digits of a mask: "12345". */
void calendar_workdays_text(unsigned mask, char out[8]);
int calendar_set_week(struct db *db, const struct week_input *in, unsigned set, struct err *e);
/* Adds a holiday; 409 when the day already is one. */
int holiday_add(struct db *db, const struct holiday_input *in, unsigned set, struct err *e);
/* Removes the holiday on day; 404 when there is none. */
int holiday_rm(struct db *db, const char *day, struct err *e);
/* The holidays by day (of one year when f sets HOLF_YEAR), in a. */
int holiday_list(struct db *db, struct arena *a, const struct holiday_filter *f, unsigned fset,
		 struct holiday **out, size_t *n, struct err *e);
/* {"workdays":"12345","working_week":["mon",...],"holidays":[{day,name}...]} */
json_t *calendar_json(const struct calendar *cal, const struct holiday *h, size_t n);

#endif
