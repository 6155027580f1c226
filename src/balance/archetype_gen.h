/* archetype_gen: the generator's state, shared by archetype.c (the
 * organization), archetype_unit.c (one unit's records) and
 * archetype_demo.c (the demo's quadrants). Private to src/balance. */
#ifndef TANDEM_ARCHETYPE_GEN_H
#define TANDEM_ARCHETYPE_GEN_H

#include <stdint.h>

#include "balance/archetype.h"
#include "base/arena.h"
#include "store/db.h"

struct rng {
	uint64_t s;
};
uint64_t arch_next(struct rng *r);
int64_t arch_range(struct rng *r, int64_t lo, int64_t hi);	/* inclusive */
int arch_chance(struct rng *r, int64_t percent);

/* Picks about percent % of n items, one arch_pick_next per item in
 * order: the count is n x percent / 100 (its fraction rounded up by
 * chance), the items at random (selection sampling), so that a small
 * unit keeps its share instead of a coin's luck per item. */
struct pick {
	int64_t left, want;
};
struct pick arch_pick_start(struct rng *r, int64_t n, int64_t percent);
int arch_pick_next(struct rng *r, struct pick *p);

struct arange {
	int lo, hi;
};
int64_t arch_draw(struct rng *r, struct arange g);

/* An archetype's ranges (percent unless said), drawn per unit. */
struct arch_params {
	struct arange span;		/* direct reports per manager */
	struct arange plans, steps;	/* plans per unit, steps per plan */
	struct arange dur;		/* a step's working days */
	struct arange targets_linked;	/* targets a plan serves */
	struct arange budgeted;		/* plans with a budget */
	struct arange estimated;	/* steps with an estimate */
	struct arange fill;		/* headcount staffed */
	struct arange skill;		/* people's level (1-5) of the skill required at 4 */
	struct arange assigned;		/* open steps with an assignee */
	struct arange on_time;		/* problems closed by their due day */
	struct arange logging;		/* people logging time in the last weeks */
	struct arange control, manage_time, lead_time;	/* managers' time by class */
	struct arange schedule;		/* progress made against the planned progress */
	int vision;			/* the organization's: 2 current, 1 stale, 0 none */
	int layered;			/* child units' heads report to a head's report */
	struct arange strat_linked;	/* plans linked to a strategy */
	struct arange signals;		/* signals per unit in the last 180 days */
	struct arange reviewed;		/* signals reviewed */
	struct arange committed, reached;	/* recipients' states */
	struct arange coalition;	/* chance the unit has a coalition member */
	struct arange comms;		/* communications per person per 30 days, x10 */
	struct arange pulse;		/* the pulse's mean answer (1-5), x10 */
	struct arange recog;		/* recognitions per person in 90 days, x10 */
	struct arange answered;		/* ideas answered */
	struct arange advancing;	/* initiatives that reached a step lately */
	int initiatives;		/* 0 none, 1 one stalled, 2 per division, 3 more */
};
extern const struct arch_params arch_params[ARCH_N];

struct arch_person {
	int64_t id, rate;	/* rate in cents an hour */
	int64_t reports;	/* direct reports */
};

/* One unit and what it drew. */
struct arch_unit {
	int64_t id;
	const char *name;
	int64_t parent;		/* index, -1 for the root */
	int depth;
	struct arch_person *people;	/* [0] heads the unit */
	int64_t np, span;
	const char *plan_name, *plan_status;	/* the demo's: NULL for generated, active */
	int64_t plans, steps, dur, targets_linked, budgeted, estimated, fill, skill, assigned,
		on_time, logging, control, manage_time, lead_time, schedule, strat_linked, signals,
		reviewed, committed, reached, coalition, comms, pulse, recog, answered, advancing;
};

struct arch_gen {
	struct db *db;
	struct arena a;
	struct rng r;
	int arch;
	const struct arch_params *p;
	int32_t today;
	char d[11];
	struct archetype_counts *c;
	struct arch_unit *units;
	int64_t nunits;
	int64_t values[3], skills[2], org_strategy[2], coalition, pulse, questions[2];
	/* the demo's: each time entry goes through the ledger's hook (the
	 * generator rebuilds at the end instead), and is at most max_minutes
	 * (0: no limit; a demo split with --chunk keeps its pieces) */
	int ledger;
	int64_t max_minutes;
};

/* A plan the generator wrote, for the time and budgets that follow. */
struct plan_rec {
	int64_t id;
	int64_t weight, earned;	/* sum of max(estimate, 1); of weight x percent */
	int64_t est_cents, ac;	/* estimates at the unit's rates; actual cost */
	int64_t first_step, nsteps;
};

int arch_exec(struct stmt *st, int64_t *id, struct err *e);
int32_t arch_work_back(int32_t day, int n);
/* Draws the unit's parameters from g->p. */
void arch_draw_unit(struct arch_gen *g, struct arch_unit *u);
/* Writes the unit's records (archetype_unit.c). */
int arch_fill_unit(struct arch_gen *g, struct arch_unit *u, struct err *e);
/* The blocks of arch_fill_unit, each driven by what u drew; the demo
 * calls a few of them for units that already have records. A plan's
 * steps (at most 64) go to step_ids; plan index pi names it. */
int arch_make_plan(struct arch_gen *g, struct arch_unit *u, int pi, struct plan_rec *pr,
		   int64_t *step_ids, struct err *e);
int arch_make_time(struct arch_gen *g, struct arch_unit *u, struct plan_rec *pr,
		   const int64_t *steps, int64_t nsteps, struct err *e);
int arch_make_budgets(struct arch_gen *g, struct arch_unit *u, struct plan_rec *pr, int n,
		      struct err *e);
int arch_make_targets(struct arch_gen *g, struct arch_unit *u, const struct plan_rec *pr, int n,
		      struct err *e);
int arch_link_strategies(struct arch_gen *g, struct arch_unit *u, const struct plan_rec *pr,
			 int n, const int64_t *strat, int ns, struct err *e);
int arch_make_problems(struct arch_gen *g, struct arch_unit *u, struct err *e);
int arch_make_signals(struct arch_gen *g, struct arch_unit *u, struct err *e);
int arch_make_comms(struct arch_gen *g, struct arch_unit *u, struct err *e);
int arch_make_recognitions(struct arch_gen *g, struct arch_unit *u, struct err *e);
int arch_make_ideas(struct arch_gen *g, struct arch_unit *u, struct err *e);

#endif
