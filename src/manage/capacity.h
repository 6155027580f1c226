/* capacity: each person's planned load per ISO week against what the
 * person can do that week.
 *
 * A step counts when it is open (todo, doing, blocked), assigned and
 * estimated: its remaining work, estimate x (100 - pct) / 100 minutes,
 * is spread evenly over the working days of its scheduled span (the
 * plan's critical-path schedule, early start to early finish, in the
 * organization calendar). A week's capacity is the person's
 * capacity_minutes x the week's working days / the working days of a
 * normal week, so holidays lower it. See docs/capacity.md. */
#ifndef TANDEM_CAPACITY_H
#define TANDEM_CAPACITY_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "manage/calendar.h"
#include "store/db.h"

struct person_load {
	int64_t person_id;
	const char *name;
	int64_t unit_id;
	int32_t from;		/* the first week's Monday */
	int weeks;
	int64_t *capacity, *load;	/* minutes per week, weeks entries each */
	int64_t tolerance;	/* percent: overloaded when load x 100 > capacity x this */
};

/* The query of a load listing (CLI flags, API query strings). */
struct load_query {
	int64_t person_id;	/* CLI only: the API names the person in the path */
	int64_t unit_id;
	const char *from;	/* a day of the first week; default this week */
	int64_t weeks;		/* default LOAD_WEEKS */
};
enum { LQ_PERSON = 1u << 0, LQ_UNIT = 1u << 1, LQ_FROM = 1u << 2, LQ_WEEKS = 1u << 3 };
enum { LOAD_WEEKS = 8 };
extern const struct field load_query_fields[];
/* The first Monday and the number of weeks a query asks for. */
int load_query_range(const struct load_query *q, unsigned set, int32_t *from_monday,
		     int *weeks, struct err *e);

/* The loads of one person (person_id != 0) or of every person of the
 * unit's subtree (unit_id != 0) or of everyone (both 0), for weeks
 * weeks from from_monday (a day number; moved back to its Monday).
 * Results live in a, people ordered by name then id. Refuses weeks
 * outside 1..104 and an unknown person or unit (not found). */
int capacity_load(struct db *db, struct arena *a, int64_t person_id,
		  int64_t unit_id /* subtree; 0 = all */, int32_t from_monday, int weeks,
		  struct person_load **out, size_t *n, struct err *e);

struct overload {
	int64_t person_id;
	const char *name;
	int64_t unit_id;
	int32_t week;		/* its Monday */
	int64_t load, capacity;	/* minutes */
};

/* The person-weeks whose load exceeds capacity x the tolerance of the
 * person's unit (percent: 'overload' rule of the unit or its nearest
 * ancestor, else the setting tolerance.overload, else 100), ordered by
 * week then name. Results live in a. */
int capacity_overloads(struct db *db, struct arena *a, int64_t unit_id, int32_t from_monday,
		       int weeks, struct overload **out, size_t *n, struct err *e);

/* The overload tolerance (percent) that applies to a unit. */
int capacity_tolerance(struct db *db, int64_t unit_id, int64_t *pct, struct err *e);

/* The steps that count: open, assigned, estimated, of a draft or an
 * active plan. Spreads minutes evenly over the working days of
 * [first, last], leaving out the days before today (all of it lands on
 * the first working day from today when the span is over), and adds
 * each day's share to load[w] for the week w from from_monday (weeks
 * entries; days outside them are dropped). Shares are whole minutes
 * that add up to minutes exactly. */
void capacity_spread(const struct calendar *cal, int32_t first, int32_t last, int32_t today,
		     int64_t minutes, int32_t from_monday, int weeks, int64_t *load);
/* The capacity of the week starting monday: capacity_minutes x its
 * working days / the working days of a normal week, rounded. */
int64_t capacity_week(const struct calendar *cal, int64_t capacity_minutes, int32_t monday);

/* 1 when week w of p is over the tolerance (any load on a week of no
 * capacity is). */
int capacity_overloaded(const struct person_load *p, int w);

json_t *person_load_json(const struct person_load *p);
json_t *overload_json(const struct overload *o);

#endif
