/* plan: plans (name, owner, unit, start date, status), the containers of
 * steps. Scheduling, targets and budgets build on this module. */
#ifndef TANDEM_PLAN_H
#define TANDEM_PLAN_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

struct plan {
	int64_t id;
	const char *name;
	int64_t owner_id;	/* 0 for none */
	const char *owner_name;
	int64_t unit_id;
	const char *unit_name;
	const char *start_date;
	const char *status;
	/* show only: steps by status and the total estimate */
	int64_t steps[4];	/* todo, doing, done, blocked */
	int64_t estimate_minutes;
};

enum {
	PLAN_NAME = 1u << 0,
	PLAN_OWNER = 1u << 1,
	PLAN_UNIT = 1u << 2,
	PLAN_START = 1u << 3,
	PLAN_STATUS = 1u << 4,
};

struct plan_input {
	const char *name;
	int64_t owner_id;
	int64_t unit_id;
	const char *start_date;
	const char *status;
};
extern const struct field plan_fields[];
extern const char *const plan_statuses[];

struct plan_filter {
	int64_t unit_id;	/* with its subtree */
	const char *status;
	int64_t owner_id;
	int64_t limit, offset;
};
enum { PLF_UNIT = 1u << 0, PLF_STATUS = 1u << 1, PLF_OWNER = 1u << 2, PLF_LIMIT = 1u << 3,
       PLF_OFFSET = 1u << 4 };
extern const struct field plan_filter_fields[];

int plan_add(struct db *db, const struct plan_input *in, unsigned set, int64_t *id,
	     struct err *e);
int plan_get(struct db *db, struct arena *a, int64_t id, struct plan *p, struct err *e);
int plan_list(struct db *db, struct arena *a, const struct plan_filter *f, unsigned fset,
	      struct plan **out, size_t *n, struct err *e);
int plan_set(struct db *db, int64_t id, const struct plan_input *in, unsigned set,
	     struct err *e);
/* Removes a plan with no steps and no tools. */
int plan_rm(struct db *db, int64_t id, struct err *e);
int plan_must_exist(struct db *db, int64_t id, const char *field, struct err *e);
json_t *plan_json(const struct plan *p, int with_counts);

#endif
