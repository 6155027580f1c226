/* tool: the tools and assets a plan uses, with their cost, allocated to
 * a plan or to one step (or not yet allocated). Costs count in a plan's
 * actual cost. */
#ifndef TANDEM_TOOL_H
#define TANDEM_TOOL_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

struct tool {
	int64_t id;
	const char *name;
	int64_t cost_cents;
	int64_t plan_id;	/* the plan it serves (through its step, if any) */
	int64_t step_id;	/* 0 when allocated to the whole plan or to nothing */
};

enum { TOOL_NAME = 1u << 0, TOOL_COST = 1u << 1, TOOL_PLAN = 1u << 2, TOOL_STEP = 1u << 3 };

struct tool_input {
	const char *name;
	int64_t cost_cents;
	int64_t plan_id;
	int64_t step_id;
};
extern const struct field tool_fields[];

struct tool_filter {
	int64_t plan_id;	/* allocated to the plan or to one of its steps */
	int64_t limit, offset;
	int64_t unit_id;	/* of plans of this unit and its subtree */
};
enum { TOF_PLAN = 1u << 0, TOF_LIMIT = 1u << 1, TOF_OFFSET = 1u << 2, TOF_UNIT = 1u << 3 };
extern const struct field tool_filter_fields[];

int tool_add(struct db *db, const struct tool_input *in, unsigned set, int64_t *id,
	     struct err *e);
int tool_get(struct db *db, struct arena *a, int64_t id, struct tool *t, struct err *e);
int tool_list(struct db *db, struct arena *a, const struct tool_filter *f, unsigned fset,
	      struct tool **out, size_t *n, struct err *e);
/* Renames, re-prices and/or re-allocates. Allocation takes plan_id or
 * step_id (not both); giving either replaces the previous allocation,
 * and plan_id none with no step frees the tool. */
int tool_set(struct db *db, int64_t id, const struct tool_input *in, unsigned set,
	     struct err *e);
int tool_rm(struct db *db, int64_t id, struct err *e);
json_t *tool_json(const struct tool *t);

#endif
