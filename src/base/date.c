/* date: see date.h. Civil-from-days conversions after Howard Hinnant's
 * public-domain algorithms (proleptic Gregorian calendar). */
#include "base/date.h"

#include "base/err.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

int32_t date_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

void date_to_ymd(int32_t day, int *y, int *m, int *d)
{
	int32_t z = day + 719468;
	int32_t era = (z >= 0 ? z : z - 146096) / 146097;
	int32_t doe = z - era * 146097;
	int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int32_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int days_in_month(int y, int m)
{
	static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dim[m - 1];
}

static int digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int date_parse(const char *s, int32_t *day)
{
	int y, m, d;
	if (!s || digits(s, 4, &y) || s[4] != '-' || digits(s + 5, 2, &m) ||
	    s[7] != '-' || digits(s + 8, 2, &d) || s[10] != '\0')
		return -1;
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return -1;
	*day = date_from_ymd(y, m, d);
	return 0;
}

void date_format(int32_t day, char out[11])
{
	/* outside 1900-01-01 .. 9999-12-31 the text would not be YYYY-MM-DD
	 * (and would not sort as a date): clamp, loudly in debug builds */
	static const int32_t first = -25567, last = 2932896;
	if (NEVER(day < first))
		day = first;
	if (NEVER(day > last))
		day = last;
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	char tmp[40];
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
	memcpy(out, tmp, 10);
	out[10] = '\0';
}

int date_weekday(int32_t day)
{
	/* day 0 was a Thursday (ISO 4) */
	int w = (int)((day % 7 + 7 + 3) % 7);	/* 0 = Monday */
	return w + 1;
}

int date_is_working(int32_t day)
{
	return date_weekday(day) <= 5;
}

int32_t date_today(void)
{
	return (int32_t)(time(NULL) / 86400);
}

int32_t date_add_working(int32_t day, int n)
{
	while (!date_is_working(day))
		day++;
	/* whole weeks first, then the remainder day by day */
	day += (n / 5) * 7;
	for (int r = n % 5; r > 0;) {
		day++;
		if (date_is_working(day))
			r--;
	}
	return day;
}

int date_working_between(int32_t from, int32_t to)
{
	if (to < from)
		return -date_working_between(to, from);
	int32_t span = to - from;
	int n = (int)(span / 7) * 5;
	for (int32_t d = from + (span / 7) * 7; d < to; d++)
		n += date_is_working(d);
	return n;
}
