/* calendar: see calendar.h. */
#include "manage/calendar.h"

#include <stdio.h>
#include <string.h>

#include "base/date.h"
#include "base/json.h"

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
	/* whole weeks first: a week holds at most per_week working days, so
	 * jumping (n - 1) / per_week weeks leaves at least one working day
	 * to walk to, and the walk ends on a working day */
	int per_week = __builtin_popcount(cal->workdays & 0x7f);
	while (n > per_week) {
		int32_t next = day + ((n - 1) / per_week) * 7;
		n -= cal_working_between(cal, day + 1, next + 1);
		day = next;
	}
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

/* --- writes -------------------------------------------------------------- */

const struct field holiday_fields[] = {
    {.name = "day",
     .type = FT_DATE,
     .offset = offsetof(struct holiday_input, day),
     .bit = HOL_DAY,
     .required = 1,
     .help = "the holiday's date"},
    {.name = "name",
     .type = FT_TEXT,
     .offset = offsetof(struct holiday_input, name),
     .bit = HOL_NAME,
     .required = 1,
     .max = 200,
     .help = "what the holiday is"},
    {0},
};

const struct field week_fields[] = {
    {.name = "workdays",
     .type = FT_TEXT,
     .offset = offsetof(struct week_input, workdays),
     .bit = WEEK_WORKDAYS,
     .required = 1,
     .max = 100,
     .help = "the working week: mon,tue,... or ISO digits 1-7 (12345)"},
    {0},
};

const struct field holiday_filter_fields[] = {
    {.name = "year",
     .type = FT_INT,
     .offset = offsetof(struct holiday_filter, year),
     .bit = HOLF_YEAR,
     .min = 1900,
     .max = 9999,
     .help = "only this year's holidays"},
    {0},
};

static const char *const day_names[] = {"monday", "tuesday",  "wednesday", "thursday",
                                        "friday", "saturday", "sunday"};

int calendar_parse_workdays(const char *text, unsigned *mask, struct err *e)
{
	unsigned m = 0;
	const char *p = text ? text : "";
	while (*p) {
		if (*p == ',' || *p == ' ') {
			p++;
			continue;
		}
		if (*p >= '1' && *p <= '7') {
			m |= 1u << (*p - '1');
			p++;
			continue;
		}
		size_t n = 0;
		char word[16];
		while (p[n] && p[n] != ',' && p[n] != ' ' && n < sizeof word - 1) {
			char c = p[n];
			word[n++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
		}
		word[n] = '\0';
		int found = -1;
		for (int d = 0; d < 7 && n >= 3; d++)
			if (strncmp(day_names[d], word, n) == 0)
				found = d;
		if (found < 0)
			return err_set(
			    e, ERR_BAD_INPUT, "workdays",
			    "workdays: unknown day \"%.20s\": use mon, tue, wed, thu, fri, "
			    "sat, sun or the ISO digits 1-7",
			    word);
		m |= 1u << found;
		p += n;
		while (*p && *p != ',' && *p != ' ')
			p++; /* a word longer than the buffer: already refused by no match */
	}
	if (!m)
		return err_set(e, ERR_BAD_INPUT, "workdays",
		               "workdays: the week needs at least one working day");
	*mask = m;
	return 0;
}

void calendar_workdays_text(unsigned mask, char out[8])
{
	size_t k = 0;
	for (int d = 0; d < 7; d++)
		if (mask & (1u << d))
			out[k++] = (char)('1' + d);
	out[k] = '\0';
}

int calendar_set_week(struct db *db, const struct week_input *in, unsigned set, struct err *e)
{
	unsigned mask;
	if (fields_require(week_fields, set, e) || calendar_parse_workdays(in->workdays, &mask, e))
		return -1;
	char digits[8];
	calendar_workdays_text(mask, digits);
	if (db_begin(db, e))
		return -1;
	int rc = db_exec(db, "DELETE FROM setting WHERE key = 'workdays'", e);
	if (rc == 0) {
		struct stmt *st = db_prepare(db,
		                             "INSERT INTO setting (key, value) "
		                             "VALUES ('workdays', :v)",
		                             e);
		rc = -1;
		if (st) {
			db_bind_text(st, ":v", digits);
			if (db_step(st, e) >= 0)
				rc = 0;
			db_done(st);
		}
	}
	return db_end(db, rc, e);
}

/* The name of the holiday on day into a, NULL if none; -1 on error. */
static int holiday_name(struct db *db, struct arena *a, const char *day, const char **name,
                        struct err *e)
{
	*name = NULL;
	struct stmt *st = db_prepare(db, "SELECT name FROM holiday WHERE day = :day", e);
	if (!st)
		return -1;
	db_bind_text(st, ":day", day);
	int rc = db_step(st, e);
	if (rc == 1)
		*name = arena_strdup(a, db_col_text(st, 0));
	db_done(st);
	return rc < 0 ? -1 : 0;
}

static int check_day(const char *day, struct err *e)
{
	int32_t d;
	if (!day || date_parse(day, &d))
		return err_set(e, ERR_BAD_INPUT, "day",
		               "day: must be a date as YYYY-MM-DD "
		               "(got \"%.40s\")",
		               day ? day : "");
	return 0;
}

int holiday_add(struct db *db, const struct holiday_input *in, unsigned set, struct err *e)
{
	if (fields_require(holiday_fields, set, e) || check_day(in->day, e))
		return -1;
	if (db_begin(db, e))
		return -1;
	struct arena a = {0};
	const char *old;
	int rc = holiday_name(db, &a, in->day, &old, e);
	if (rc == 0 && old)
		rc = err_set(e, ERR_CONFLICT, "day", "day: %s is already a holiday (%s)", in->day,
		             old);
	if (rc == 0) {
		rc = -1;
		struct stmt *st = db_prepare(db,
		                             "INSERT INTO holiday (day, name) "
		                             "VALUES (:day, :name)",
		                             e);
		if (st) {
			db_bind_text(st, ":day", in->day);
			db_bind_text(st, ":name", in->name);
			if (db_step(st, e) >= 0)
				rc = 0;
			db_done(st);
		}
	}
	arena_free(&a);
	return db_end(db, rc, e);
}

int holiday_rm(struct db *db, const char *day, struct err *e)
{
	if (check_day(day, e))
		return -1;
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	struct stmt *st = db_prepare(db, "DELETE FROM holiday WHERE day = :day RETURNING day", e);
	if (st) {
		db_bind_text(st, ":day", day);
		int r = db_step(st, e);
		db_done(st);
		if (r == 0)
			err_set(e, ERR_NOT_FOUND, "day", "day: %s is not a holiday", day);
		rc = r == 1 ? 0 : -1;
	}
	return db_end(db, rc, e);
}

static void holiday_row_full(struct stmt *st, struct arena *a, void *item)
{
	struct holiday *h = item;
	h->day = arena_strdup(a, db_col_text(st, 0));
	h->name = arena_strdup(a, db_col_text(st, 1));
}

int holiday_list(struct db *db, struct arena *a, const struct holiday_filter *f, unsigned fset,
                 struct holiday **out, size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db,
	                             "SELECT day, name FROM holiday "
	                             "WHERE (:all = 1 OR (day >= :lo AND day <= :hi)) ORDER BY day",
	                             e);
	if (!st)
		return -1;
	char lo[16] = "", hi[16] = "";
	if (fset & HOLF_YEAR) {
		snprintf(lo, sizeof lo, "%04d-01-01", (int)f->year);
		snprintf(hi, sizeof hi, "%04d-12-31", (int)f->year);
	}
	db_bind_int(st, ":all", !(fset & HOLF_YEAR));
	db_bind_text(st, ":lo", lo);
	db_bind_text(st, ":hi", hi);
	return db_collect(st, a, sizeof **out, holiday_row_full, (void **)out, n, e);
}

static const char *const short_days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

json_t *calendar_json(const struct calendar *cal, const struct holiday *h, size_t n)
{
	char digits[8];
	calendar_workdays_text(cal->workdays, digits);
	json_t *o = json_object();
	json_set_str(o, "workdays", digits);
	json_t *week = json_array();
	for (int d = 0; d < 7; d++)
		if (cal->workdays & (1u << d))
			json_array_append_new(week, json_string(short_days[d]));
	json_object_set_new(o, "working_week", week);
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *j = json_object();
		json_set_str(j, "day", h[i].day);
		json_set_str(j, "name", h[i].name);
		json_array_append_new(items, j);
	}
	json_object_set_new(o, "holidays", items);
	return o;
}
