/* schedule: the critical path method for a plan's steps.
 *
 * Days are counted in working days from the plan's start (day 0 is its
 * first working day). Each step lasts its duration_days; a dependency
 * "B waits for A with lag L" lets B start L working days after A ends.
 * The forward pass gives each step its early start and finish (ES, EF:
 * ES = the latest EF + lag of the steps it waits for, 0 with none; EF =
 * ES + duration); the plan ends at the largest EF. The backward pass
 * gives the late finish and start (LF = the smallest LS - lag of the
 * steps waiting for it, the plan's end with none; LS = LF - duration).
 * Total float = LS - ES: how far a step may slip without moving the
 * plan's end. A step with no float is critical; the critical steps
 * chain from the start to the end: the critical path. */
#ifndef TANDEM_SCHEDULE_H
#define TANDEM_SCHEDULE_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/db.h"

struct cpm_node {
	int64_t id;
	int duration;		/* working days, >= 0 */
	/* results, in working days from the start */
	int es, ef, ls, lf, total_float;
	int critical;
};

struct cpm_edge {
	int64_t from, to;	/* to waits for from */
	int lag;		/* working days, may be negative */
};

/* Computes the passes over nodes (any order; ids unique). Returns the
 * plan's length in working days, or -1 with e (a cycle, an unknown id). */
int cpm_solve(struct arena *a, struct cpm_node *nodes, size_t n, const struct cpm_edge *edges,
	      size_t m, struct err *e);

struct sched_step {
	struct cpm_node c;
	const char *name;
	const char *status;
	const char *due;	/* NULL for none */
	int32_t es_day, ef_day, ls_day, lf_day;	/* dates: first and last working days */
	int late;		/* due before the early finish */
};

struct plan_schedule {
	int64_t plan_id;
	int32_t start, finish;	/* the first and the last working day */
	int length;		/* working days */
	struct sched_step *steps;	/* in early-start order, then id */
	size_t n;
};

int plan_schedule(struct db *db, struct arena *a, int64_t plan_id, struct plan_schedule *out,
		  struct err *e);
struct calendar;
/* The date of working day k of a plan starting on start, in the
 * organization's calendar (k may be negative after a negative lag: it
 * then counts back). */
int32_t schedule_day(const struct calendar *cal, int32_t start, int k);
json_t *plan_schedule_json(const struct plan_schedule *s);

#endif
