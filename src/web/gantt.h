/* gantt: a plan's steps as a Gantt chart in SVG, from plain data.
 *
 * Two pure functions: gantt_schedule places each step in time, and
 * gantt_svg draws the bars and the dependency arrows. Neither touches
 * the database or the request, so both are tested on hand-made plans.
 *
 * The schedule rule (docs/ui.md says the same to users): days are day
 * numbers (base/date.h) and durations working days (Monday to Friday).
 *   start = the plan's start (moved to a working day), or later: for each
 *           step it depends on, that step's end plus its lag in working
 *           days (finish-to-start), whichever is latest;
 *   end   = start + duration working days (exclusive: the day after the
 *           last day of work; a milestone of 0 days has end == start);
 *           when the step has a due day on or after its start, the due
 *           day is its last day instead (end = due + 1); a due day before
 *           the start cannot be met: the step keeps its duration and is
 *           marked late.
 * Dependencies on steps outside the chart are ignored; steps caught in
 * a cycle (which the domain refuses to store) are placed with what is
 * known of them. */
#ifndef TANDEM_GANTT_H
#define TANDEM_GANTT_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "manage/calendar.h"

#define GANTT_NO_DAY INT32_MIN

struct gantt_bar {
	int64_t id;
	const char *name;
	const char *status;	/* todo, doing, done, blocked: CSS class st-<status> */
	int duration_days;	/* in: working days, 0 for a milestone */
	int32_t due;		/* in: the due day, or GANTT_NO_DAY */
	int32_t start_day;	/* out: the first day of work */
	int32_t end_day;	/* out: the day after the last day of work */
	int late;		/* out: due before the earliest possible start */
	int critical;		/* in: on the critical path (manage/schedule.h) */
};

/* "to" starts lag_days working days after "from" ends. */
struct gantt_dep {
	int64_t from, to;
	int lag_days;
};

/* Fills start_day, end_day and late of every bar by the rule above.
 * Returns 0, or -1 when memory runs out (bars then hold the plan start). */
int gantt_schedule(int32_t plan_start, struct gantt_bar *bars, size_t n,
		   const struct gantt_dep *deps, size_t nd);
/* The same in the organization's calendar: durations and lags count its
 * working days (gantt_schedule counts Monday to Friday). */
int gantt_schedule_in(const struct calendar *cal, int32_t plan_start, struct gantt_bar *bars,
		      size_t n, const struct gantt_dep *deps, size_t nd);

/* The geometry, in SVG user units (pixels). */
enum {
	GANTT_LABEL_W = 240,	/* the column of step names */
	GANTT_AXIS_H = 40,	/* the date axis above the rows */
	GANTT_ROW_H = 28,
	GANTT_BAR_Y = 6,	/* a bar's top within its row */
	GANTT_BAR_H = 16,
	GANTT_PAD = 16,		/* right of the last day */
	GANTT_NAME_MAX = 34,	/* characters of a name shown before "..." */
};

struct gantt_chart {
	const char *title;	/* the plan's name */
	const char *id;		/* prefix of element ids, unique in the page */
	const struct gantt_bar *bars;	/* scheduled; one row each, in this order */
	size_t n;
	const struct gantt_dep *deps;
	size_t nd;
	int32_t today;		/* a line for today, or GANTT_NO_DAY */
	const struct calendar *cal;	/* its days off are shaded; NULL for none */
};

/* The first day drawn (the Monday on or before the earliest start), the
 * day after the last (the Monday after the latest end) and the width of
 * a day, which shrinks for long plans: 16 up to 10 weeks, 8 up to 26, 4
 * up to 52, then 2. */
void gantt_range(const struct gantt_bar *bars, size_t n, int32_t *from, int32_t *to,
		 int *day_w);

/* Appends <svg role="img"> with a <title> and a <desc> summing it up, a
 * week axis, one row per bar (name, bar classed by status, a tooltip
 * with its dates) and one path with an arrowhead per dependency, from
 * the end of the predecessor to the start of the dependant. Text is
 * escaped; colors come from CSS classes. Nothing for zero bars. */
void gantt_svg(struct buf *b, const struct gantt_chart *c);

#endif
