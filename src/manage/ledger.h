/* ledger: earned value's aggregates, kept on write.
 *
 * Every write that changes a plan's earned-value figures calls one of
 * these inside its own transaction (a one-line hook in timelog.c,
 * step.c, plan.c, tool.c, budget.c, expense.c), so that evm.c reads a
 * plan's figures as of any day from a few index seeks instead of the
 * plan's whole history. The tables (migration 4):
 *   evm_plan     per plan: BAC, total weight W (sum of max(estimate, 1)
 *                minutes), earned weight (sum of weight x percent now),
 *                time, expense and tool cost, planned_ok;
 *   evm_cost     per plan and day: time entries' and expenses' cost;
 *   evm_earned   per plan and day: the change of weight x percent that
 *                day (from step_progress);
 *   evm_planned  per plan and working day k of its schedule (0 = the
 *                plan's first working day): the planned weight done by
 *                the end of day k, in micro-minutes, cumulative; only
 *                the days where it changes.
 * "As of D" = the total minus the days after D. The planned curve is in
 * working days of the plan, not dates, so a calendar or a start-date
 * change leaves it valid: evm.c maps D to k with the calendar.
 * A plan with planned_ok = 0 (filled by the migration, which cannot run
 * the critical path) has no curve yet: readers compute it on the fly.
 *
 * sign is +1 after a row was added (or changed), -1 before it is
 * removed (or changed): a change is -1 before and +1 after. */
#ifndef TANDEM_LEDGER_H
#define TANDEM_LEDGER_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/db.h"

/* The planned weight of a plan is kept in micro-minutes. */
#define LEDGER_PLANNED_SCALE 1000000

int ledger_time(struct db *db, int64_t entry_id, int sign, struct err *e);
int ledger_expense(struct db *db, int64_t expense_id, int sign, struct err *e);
int ledger_tool(struct db *db, int64_t tool_id, int sign, struct err *e);
int ledger_budget(struct db *db, int64_t budget_id, int sign, struct err *e);
/* Recomputes the step's plan, and also_plan (0: none) when it differs:
 * after a step was added or changed (estimate, duration, percent,
 * dependencies, plan). */
int ledger_step(struct db *db, int64_t step_id, int64_t also_plan, struct err *e);
/* Before a step is removed: recomputes its plan without it. */
int ledger_step_gone(struct db *db, int64_t step_id, struct err *e);
/* Recomputes a plan's aggregates from scratch (after plan_add too). */
int ledger_plan(struct db *db, int64_t plan_id, struct err *e);
/* After a plan was removed: drops its aggregates. */
int ledger_plan_gone(struct db *db, int64_t plan_id, struct err *e);
/* Recomputes every plan's aggregates (after bulk inserts: the demo). */
int ledger_rebuild(struct db *db, struct err *e);

/* The planned curve of a plan computed from its schedule: n points
 * (k ascending, amount cumulative micro-minutes) in a, and the plan's
 * total weight. */
struct ledger_point {
	int64_t k, amount;
};
int ledger_planned(struct db *db, struct arena *a, int64_t plan_id, struct ledger_point **out,
		   size_t *n, struct err *e);

/* Recomputes every plan's aggregates and compares them with the stored
 * ones, calling report(ctx, line) for each difference; *ndiff counts
 * them. With fix, rewrites the plans that differ (in one transaction). */
int ledger_verify(struct db *db, int fix, void (*report)(void *ctx, const char *line),
		  void *ctx, int64_t *ndiff, struct err *e);

#endif
