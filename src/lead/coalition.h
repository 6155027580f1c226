/* coalition: guiding coalitions (Kotter's second step): a named group
 * for a strategy or a change initiative, owned by a unit or by the whole
 * organization (unit 0), whose members come from any unit and carry the
 * four attributes a guiding coalition needs: position power, expertise,
 * credibility and leadership.
 *
 * Coverage (docs/leadership.md): the units its members come from, how
 * many levels of the org tree they span (deepest level - shallowest + 1,
 * a root unit being level 0), and which of the four attributes at least
 * one member has. */
#ifndef TANDEM_COALITION_H
#define TANDEM_COALITION_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

struct coalition {
	int64_t id;
	const char *name, *purpose;
	int64_t strategy_id;	/* 0 for none */
	const char *strategy;	/* its name, or NULL */
	int64_t unit_id;	/* 0: the whole organization */
	const char *unit;	/* its name, or NULL */
	int64_t members;
};

enum { CO_NAME = 1u << 0, CO_PURPOSE = 1u << 1, CO_STRATEGY = 1u << 2, CO_UNIT = 1u << 3 };
struct coalition_input {
	const char *name, *purpose;
	int64_t strategy_id, unit_id;
};
extern const struct field coalition_fields[];

struct coalition_filter {
	int64_t unit_id;	/* of this unit's subtree, and the organization's */
	int64_t strategy_id;
	int64_t limit, offset;
};
enum { COF_UNIT = 1u << 0, COF_STRATEGY = 1u << 1, COF_LIMIT = 1u << 2, COF_OFFSET = 1u << 3 };
extern const struct field coalition_filter_fields[];

struct coalition_member {
	int64_t person_id;
	const char *name;
	int64_t unit_id;
	const char *unit;
	int position_power, expertise, credibility, leadership;
};
enum {
	CM_PERSON = 1u << 0,
	CM_POWER = 1u << 1,
	CM_EXPERTISE = 1u << 2,
	CM_CREDIBILITY = 1u << 3,
	CM_LEADERSHIP = 1u << 4,
};
struct coalition_member_input {
	int64_t person_id;
	int position_power, expertise, credibility, leadership;
};
extern const struct field coalition_member_fields[];
extern const struct field coalition_leave_fields[];	/* person_id alone */

struct coalition_coverage {
	int64_t members, units;
	int levels;
	int has_power, has_expertise, has_credibility, has_leadership;
};

/* A unit its members come from, with how many. */
struct coalition_unit {
	int64_t unit_id;
	const char *unit;
	int64_t members;
};

/* A unit the coalition affects (its unit's children, or its strategy's
 * unit's, or the top-level units' for the organization), and whether a
 * member comes from it or its subtree. */
struct coalition_reach {
	int64_t unit_id;
	const char *unit;
	int covered;
};

/* Refuses an empty name (400) and an unknown strategy or unit (404). */
int coalition_add(struct db *db, const struct coalition_input *in, unsigned set, int64_t *id,
		  struct err *e);
int coalition_get(struct db *db, struct arena *a, int64_t id, struct coalition *c,
		  struct err *e);
/* By name, then id. */
int coalition_list(struct db *db, struct arena *a, const struct coalition_filter *f,
		   unsigned fset, struct coalition **out, size_t *n, struct err *e);
int coalition_set(struct db *db, int64_t id, const struct coalition_input *in, unsigned set,
		  struct err *e);
/* Removes a coalition with its members. */
int coalition_rm(struct db *db, int64_t id, struct err *e);

/* Adds a member, or changes the attributes given of one already in it;
 * *added says which. 404 for an unknown coalition or person. */
int coalition_join(struct db *db, int64_t id, const struct coalition_member_input *in,
		   unsigned set, int *added, struct err *e);
/* 404 when the person is not a member. */
int coalition_leave(struct db *db, int64_t id, int64_t person_id, struct err *e);
/* The members by name. */
int coalition_members(struct db *db, struct arena *a, int64_t id,
		      struct coalition_member **out, size_t *n, struct err *e);

/* The units the members come from, by name. */
int coalition_units(struct db *db, struct arena *a, int64_t id, struct coalition_unit **out,
		    size_t *n, struct err *e);
int coalition_coverage(struct db *db, int64_t coalition_id, struct coalition_coverage *out,
		       struct err *e);
/* 1 if the members cover unit_id (a member in it or in its subtree) */
int coalition_covers_unit(struct db *db, int64_t coalition_id, int64_t unit_id, int *covered,
			  struct err *e);
/* The units the coalition affects, by name, each with its coverage. */
int coalition_reach(struct db *db, struct arena *a, int64_t id, struct coalition_reach **out,
		    size_t *n, struct err *e);

/* The strategies a coalition may guide, for a form: the organization's
 * and, with has_unit, those of unit_id's subtree only (else all), by
 * name. */
struct coalition_strategy {
	int64_t id;
	const char *name;
};
int coalition_strategies(struct db *db, struct arena *a, int64_t unit_id, int has_unit,
			 struct coalition_strategy **out, size_t *n, struct err *e);

json_t *coalition_json(const struct coalition *c);
json_t *coalition_member_json(const struct coalition_member *m);
json_t *coalition_coverage_json(const struct coalition_coverage *cv);

/* Seeds the demo's values, coalitions and coaching notes (demo.c). */
int coalitions_demo(struct db *db, const char *today, struct err *e);

#endif
