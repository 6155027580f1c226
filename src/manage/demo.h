/* demo: a realistic, deterministic demo organization, and with size
 * parameters the data generator for benchmarks. The same seed and the
 * same anchor day always give the same organization. */
#ifndef TANDEM_DEMO_H
#define TANDEM_DEMO_H

#include <stdint.h>

#include "base/err.h"
#include "store/db.h"

struct demo_opts {
	int64_t people;		/* default 40 */
	int64_t plans;		/* default 5 */
	int64_t steps;		/* default 80, spread over the plans */
	int64_t months;		/* of time entries before today, default 3 */
	int64_t seed;		/* default 1 */
	int64_t units;		/* default 6 (the named ones); more are "Team N" */
	int64_t chunk;		/* a time entry's most minutes (0: a day's work in one) */
	const char *today;	/* anchor day, default the current day */
	/* progress: called now and then with work done out of total */
	void (*progress)(void *ctx, const char *what, int64_t done, int64_t total);
	void *progress_ctx;
};

struct demo_counts {
	int64_t units, people, plans, steps, deps, entries, tools;
};

/* Seeds an empty database in one transaction; refuses (409) a database
 * that already holds units. */
int demo_seed(struct db *db, const struct demo_opts *o, struct demo_counts *c,
	      struct err *e);

#endif
