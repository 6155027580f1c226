/* date: ISO calendar dates as day numbers, and working days.
 *
 * A day number counts days since 1970-01-01 (day 0, a Thursday), so date
 * arithmetic is integer arithmetic. Working days are Monday to Friday;
 * the organization calendar (holidays) builds on these helpers. */
#ifndef TANDEM_DATE_H
#define TANDEM_DATE_H

#include <stdint.h>

/* Parses exactly "YYYY-MM-DD" (years 1900-9999, a real calendar day).
 * Returns 0 and sets *day, or -1. */
int date_parse(const char *s, int32_t *day);
/* Writes "YYYY-MM-DD" into out (at least 11 bytes); days outside the
 * years 1900-9999 are a caller's bug (clamped in release builds). */
void date_format(int32_t day, char out[11]);
int32_t date_from_ymd(int y, int m, int d);
void date_to_ymd(int32_t day, int *y, int *m, int *d);
int date_weekday(int32_t day);		/* 1 = Monday ... 7 = Sunday (ISO) */
int date_is_working(int32_t day);
int32_t date_today(void);		/* UTC */
/* The working day n working days after day (n >= 0); a non-working
 * start first moves to the next working day. */
int32_t date_add_working(int32_t day, int n);
/* Working days in [from, to), negative if to < from. */
int date_working_between(int32_t from, int32_t to);

#endif
