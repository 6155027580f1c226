/* calendar: see calendar.h. */
#include "manage/calendar.h"

#include <string.h>

#include "base/date.h"

enum { MON_TO_FRI = 0x1f };

void calendar_default(struct calendar *cal)
{
	cal->workdays = MON_TO_FRI;
	cal->holidays = NULL;
	cal->nholidays = 0;
}

/* "12345" -> bits; 0 for anything else (an empty week is refused when
 * it is set, so 0 here means a damaged setting). */
static unsigned parse_workdays(const char *s)
{
	unsigned m = 0;
	for (; s && *s; s++) {
		if (*s < '1' || *s > '7')
			return 0;
		m |= 1u << (*s - '1');
	}
	return m;
}

static void holiday_row(struct stmt *st, struct arena *a, void *item)
{
	(void)a;
	int32_t *d = item;
	if (date_parse(db_col_text(st, 0), d))
		*d = 0;
}

int calendar_load(struct db *db, struct arena *a, struct calendar *cal, struct err *e)
{
	calendar_default(cal);
	struct stmt *st = db_prepare(db, "SELECT value FROM setting WHERE key = 'workdays'", e);
	if (!st)
		return -1;
	int rc = db_step(st, e);
	if (rc == 1) {
		unsigned m = parse_workdays(db_col_text(st, 0));
		if (m)
			cal->workdays = m;
	}
	db_done(st);
	if (rc < 0)
		return -1;
	st = db_prepare(db, "SELECT day FROM holiday ORDER BY day", e);
	if (!st)
		return -1;
	int32_t *days;
	size_t n;
	if (db_collect(st, a, sizeof *days, holiday_row, (void **)&days, &n, e))
		return -1;
	cal->holidays = days;
	cal->nholidays = n;
	return 0;
}

/* The number of holidays before day (binary search). */
static size_t holidays_before(const struct calendar *cal, int32_t day)
{
	size_t lo = 0, hi = cal->nholidays;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cal->holidays[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int weekday_works(const struct calendar *cal, int32_t day)
{
	return (cal->workdays >> (date_weekday(day) - 1)) & 1;
}

int cal_is_working(const struct calendar *cal, int32_t day)
{
	if (!weekday_works(cal, day))
		return 0;
	size_t i = holidays_before(cal, day);
	return !(i < cal->nholidays && cal->holidays[i] == day);
}

int32_t cal_add_working(const struct calendar *cal, int32_t day, int n)
{
	if (!(cal->workdays & 0x7f))
		return day;	/* no working day at all: never loop */
	while (!cal_is_working(cal, day))
		day++;
	while (n > 0) {
		day++;
		if (cal_is_working(cal, day))
			n--;
	}
	return day;
}

int cal_working_between(const struct calendar *cal, int32_t from, int32_t to)
{
	if (to < from)
		return -cal_working_between(cal, to, from);
	int per_week = __builtin_popcount(cal->workdays & 0x7f);
	int32_t span = to - from;
	int n = (int)(span / 7) * per_week;
	for (int32_t d = from + (span / 7) * 7; d < to; d++)
		n += weekday_works(cal, d);
	/* holidays in [from, to) that fall on a working weekday */
	for (size_t i = holidays_before(cal, from); i < cal->nholidays && cal->holidays[i] < to;
	     i++)
		n -= weekday_works(cal, cal->holidays[i]);
	return n;
}
