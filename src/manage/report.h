/* report: the control report of a unit (with its subtree) for a period
 * [from, to], as of the day `to` (docs/reports.md):
 *   1. earned value of each plan of the subtree, and their total;
 *   2. budget vs actual by category over the period;
 *   3. overdue steps: not done, due before `to`, with working days late;
 *   4. overloaded person-weeks in the weeks the period touches;
 *   5. open problems of the subtree, most severe first.
 * This module gathers the data; report_json and the renderers of the
 * front-ends (web/page_report.c: Markdown, CSV, HTML) write it. */
#ifndef TANDEM_REPORT_H
#define TANDEM_REPORT_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "manage/capacity.h"
#include "manage/evm.h"
#include "store/db.h"

/* the query: the unit, the period and the output format */
struct report_input {
	int64_t unit_id;
	const char *from, *to;
	const char *format;	/* a front-end's: one of report_formats */
};
enum { REP_UNIT = 1u << 0, REP_FROM = 1u << 1, REP_TO = 1u << 2, REP_FORMAT = 1u << 3 };
extern const struct field report_fields[];
extern const char *const report_formats[];	/* "md", "html", "csv", "json" */

/* The longest period: its overloads are read week by week. */
enum { REPORT_MAX_WEEKS = 104 };
/* Sections 3 and 5 list at most this many rows (and count them all). */
enum { REPORT_MAX_ROWS = 500 };

struct report_plan {
	int64_t id;
	const char *name;
	int64_t unit_id;
	const char *unit_name;
	const char *status;
	struct evm evm;
};

struct report_budget {
	const char *category;	/* labour, tools, other */
	int64_t budget_cents, actual_cents;
};

struct report_overdue {
	int64_t plan_id;
	const char *plan;
	int64_t step_id;
	const char *step;
	int64_t assignee_id;	/* 0 for none */
	const char *assignee;
	const char *status;
	const char *due;
	int64_t days_late;	/* working days after due, up to and including `to` */
};

struct report_problem {
	int64_t id;
	int64_t severity;	/* 3 is the most severe */
	const char *title;
	const char *rule;
	const char *status;
	int64_t unit_id;
	const char *unit_name;
	const char *found;
	const char *due;	/* NULL for none */
	int64_t owner_id;
	const char *owner;
};

struct control_report {
	int64_t unit_id;
	const char *unit_name;
	const char *from, *to;
	/* 1 */
	struct report_plan *plans;
	size_t nplans;
	struct evm total;
	/* 2 */
	struct report_budget budget[3];
	int64_t budget_total_cents, actual_total_cents;
	/* 3 */
	struct report_overdue *overdue;
	size_t noverdue;
	int64_t overdue_count;	/* all of them; noverdue <= REPORT_MAX_ROWS */
	/* 4 */
	int32_t first_monday;
	int weeks;
	struct overload *overloads;
	size_t noverloads;
	/* 5 */
	struct report_problem *problems;
	size_t nproblems;
	int64_t problem_count;
};

/* Gathers the report for in (unit_id, from and to required), in one
 * read snapshot; everything lives in a. Refuses (400) a period whose end
 * is before its start or longer than REPORT_MAX_WEEKS weeks; an unknown
 * unit is not found (404, field unit_id). */
int report_control(struct db *db, struct arena *a, const struct report_input *in,
		   unsigned set, struct control_report *out, struct err *e);

/* One object with a key per section: period, evm {plans, total},
 * budget {lines, total}, overdue {count, items}, overloads, problems
 * {count, items}. */
json_t *report_json(const struct control_report *r);

/* Cents as "-1234.50" (no separators), into a. */
const char *report_money(struct arena *a, int64_t cents);
/* A ratio of struct evm as "0.93", or "-" when undefined. */
const char *report_ratio(struct arena *a, int has, double v);

#endif
