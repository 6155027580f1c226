/* initiative: change initiatives on Kotter's eight steps (docs/change.md).
 *
 * An initiative belongs to a unit or to the whole organization (unit 0);
 * it names a sponsor, may name the guiding coalition and a pulse survey,
 * and stands on one of the eight steps (initiative.step). Each step
 * reached is recorded with its day in initiative_step, with the reason
 * and who when an admin overrode missing evidence (evidence.h).
 *
 * It is linked to the units it affects and to what justifies and carries
 * it (signals, themes, strategies, plans, communications), and owns its
 * parts: obstacles (step 5), short-term wins (step 6, celebrated by
 * recognitions), anchors (step 8) and volunteers (the network beside the
 * hierarchy). Every write here is one transaction. */
#ifndef TANDEM_INITIATIVE_H
#define TANDEM_INITIATIVE_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

enum { INITIATIVE_NSTEPS = 8 };

/* "Urgency", "Guiding coalition", "Vision and strategy", ... for 1-8;
 * "" for anything else. */
const char *initiative_step_name(int step);

extern const char *const initiative_statuses[]; /* active, done, stopped; NULL-terminated */

struct initiative {
	int64_t id;
	const char *name, *description;
	int64_t sponsor_id;	/* 0 for none */
	const char *sponsor;	/* the sponsor's name, "" for none */
	int64_t unit_id;	/* 0: the whole organization */
	const char *unit;	/* "" org-wide */
	int64_t coalition_id, pulse_id;	/* 0 for none */
	const char *coalition, *pulse;	/* their names, "" for none */
	int step;		/* 1-8 */
	const char *status;	/* active|done|stopped */
	const char *started;
	const char *step_reached;	/* day the current step was reached */
	int64_t days_in_step;		/* today - step_reached */
	/* short text: the first missing evidence of the next step, "" when
	 * none is missing or the initiative is at step 8 */
	const char *blocked_by;
};

enum {
	IN_NAME = 1u << 0,
	IN_DESCRIPTION = 1u << 1,
	IN_SPONSOR = 1u << 2,
	IN_UNIT = 1u << 3,
	IN_COALITION = 1u << 4,
	IN_PULSE = 1u << 5,
	IN_STARTED = 1u << 6,
	IN_STATUS = 1u << 7,
};
struct initiative_input {
	const char *name, *description;
	int64_t sponsor_id, unit_id, coalition_id, pulse_id; /* 0 clears (set) */
	const char *started;	/* add only; default today; step 1 reached on it */
	const char *status;	/* set only */
};
extern const struct field initiative_fields[];	/* add: name required, sponsor_id required */
extern const struct field initiative_set_fields[];	/* set/PATCH: no started, with status */

struct initiative_filter {
	int64_t unit_id;	/* initiatives of this unit's subtree, and the organization's */
	const char *status;
	int64_t step;
	int64_t limit, offset;
};
enum { INF_UNIT = 1u << 0, INF_STATUS = 1u << 1, INF_STEP = 1u << 2, INF_LIMIT = 1u << 3,
       INF_OFFSET = 1u << 4 };
extern const struct field initiative_filter_fields[];

/* Refuses an empty name (400), an unknown sponsor, unit, coalition or
 * pulse (404). Records step 1 reached on started. */
int initiative_add(struct db *db, const struct initiative_input *in, unsigned set, int64_t *id,
		   struct err *e);
/* One initiative with its names, days in step and blocked_by; 404. */
int initiative_get(struct db *db, struct arena *a, int64_t id, struct initiative *out,
		   struct err *e);
/* By status (active first), step descending, name. blocked_by filled. */
int initiative_list(struct db *db, struct arena *a, const struct initiative_filter *f,
		    unsigned fset, struct initiative **out, size_t *n, struct err *e);
/* Changes what set says; refuses as add does. */
int initiative_set(struct db *db, int64_t id, const struct initiative_input *in, unsigned set,
		   struct err *e);
/* Removes it with its steps, links and parts; recognitions of its wins
 * lose their win_id. */
int initiative_rm(struct db *db, int64_t id, struct err *e);
/* The owning unit (0: the organization) for access checks; 404. */
int initiative_unit_of(struct db *db, int64_t id, int64_t *unit_id, struct err *e);

/* ---- links ---- */
enum initiative_link_kind { IL_UNIT, IL_SIGNAL, IL_THEME, IL_STRATEGY, IL_PLAN, IL_COMM,
			    IL_NKINDS };
/* "unit", "signal", "theme", "strategy", "plan", "comm" */
extern const char *const initiative_link_kinds[];	/* NULL-terminated, by kind */
/* The kind for a name ("unit" or "units"...), or -1. */
int initiative_link_kind_parse(const char *name);
/* Links target (404 if it does not exist; 409 if already linked). */
int initiative_link(struct db *db, int64_t id, enum initiative_link_kind kind, int64_t target,
		    struct err *e);
/* 404 when not linked. */
int initiative_unlink(struct db *db, int64_t id, enum initiative_link_kind kind, int64_t target,
		      struct err *e);

struct initiative_ref {
	int64_t id;
	const char *name;	/* a comm: its subject; a signal: what was observed */
};

struct obstacle {
	int64_t id, initiative_id;
	const char *title;
	int64_t owner_id;	/* 0 for none */
	const char *owner;	/* "" for none */
	const char *status;	/* open|resolved */
	const char *opened, *resolved;	/* resolved NULL while open */
};
struct win {
	int64_t id, initiative_id;
	const char *title, *day, *note;
	int64_t recognitions;	/* recognitions with this win_id */
};
struct anchor {
	int64_t id, initiative_id;
	const char *kind;	/* value|practice */
	int64_t value_id;	/* 0 for none */
	const char *value;	/* the value's name, "" for none */
	const char *text, *day;
};
struct volunteer {
	int64_t initiative_id, person_id;
	const char *person;
	int64_t unit_id;	/* the person's unit, 0 for none */
	const char *unit;	/* "" for none */
	const char *role, *joined;
};
struct initiative_step_rec {
	int step;
	const char *reached;
	const char *override_reason, *override_by;	/* NULL unless overridden */
};

/* Everything linked to an initiative; each array by name (units,
 * strategies...), by day (obstacles by opened, wins by day, anchors by
 * day), steps by step. */
struct initiative_links {
	struct initiative_ref *units, *signals, *themes, *strategies, *plans, *comms;
	size_t n_units, n_signals, n_themes, n_strategies, n_plans, n_comms;
	struct obstacle *obstacles;
	size_t n_obstacles;
	struct win *wins;
	size_t n_wins;
	struct anchor *anchors;
	size_t n_anchors;
	struct volunteer *volunteers;
	size_t n_volunteers;
	struct initiative_step_rec *steps;
	size_t n_steps;
};
int initiative_links_get(struct db *db, struct arena *a, int64_t id,
			 struct initiative_links *out, struct err *e);

/* The affected units as "base(id)", and their subtrees as "aff(id)",
 * bound by :init; see initiative_affected_units.
 * Fixed SQL: callers add their own SELECT. */
#define INITIATIVE_AFFECTED_CTE                                                                 \
	"WITH RECURSIVE base(id) AS ("                                                          \
	"SELECT unit_id FROM initiative_unit WHERE initiative_id = :init "                      \
	"UNION SELECT i.unit_id FROM initiative i WHERE i.id = :init "                          \
	"AND i.unit_id IS NOT NULL AND NOT EXISTS "                                             \
	"(SELECT 1 FROM initiative_unit x WHERE x.initiative_id = :init) "                      \
	"UNION SELECT u.id FROM unit u JOIN initiative i ON i.id = :init "                      \
	"WHERE i.unit_id IS NULL AND u.parent_id IS NULL AND NOT EXISTS "                       \
	"(SELECT 1 FROM initiative_unit x WHERE x.initiative_id = :init)), "                    \
	"aff(id) AS (SELECT id FROM base UNION SELECT u.id FROM unit u "                        \
	"JOIN aff t ON u.parent_id = t.id) "

/* The affected units, by name: the linked ones (initiative_unit); with
 * none linked, the initiative's unit, or every top-level unit for an
 * organization-wide one. A unit under another affected unit is left
 * out (its people are counted with its ancestor's subtree). */
int initiative_affected_units(struct db *db, struct arena *a, int64_t id,
			      struct initiative_ref **out, size_t *n, struct err *e);

/* ---- parts: obstacles, wins, anchors, volunteers (parts.c) ---- */
enum { OB_TITLE = 1u << 0, OB_OWNER = 1u << 1, OB_OPENED = 1u << 2 };
struct obstacle_input {
	const char *title;
	int64_t owner_id;
	const char *opened;	/* default today */
};
extern const struct field obstacle_fields[];
/* 404 for an unknown initiative or owner. */
int obstacle_add(struct db *db, int64_t initiative_id, const struct obstacle_input *in,
		 unsigned set, int64_t *id, struct err *e);
/* day NULL: today. 404 unknown; 409 already resolved; 400 a day before
 * it was opened. */
int obstacle_resolve(struct db *db, int64_t obstacle_id, const char *day, struct err *e);
int obstacle_rm(struct db *db, int64_t obstacle_id, struct err *e);
/* The initiative an obstacle belongs to (for access checks); 404. */
int obstacle_initiative(struct db *db, int64_t obstacle_id, int64_t *initiative_id,
			struct err *e);

enum { WI_TITLE = 1u << 0, WI_DAY = 1u << 1, WI_NOTE = 1u << 2 };
struct win_input {
	const char *title, *day, *note;
};
extern const struct field win_fields[];	/* title and day required */
int win_add(struct db *db, int64_t initiative_id, const struct win_input *in, unsigned set,
	    int64_t *id, struct err *e);
int win_rm(struct db *db, int64_t win_id, struct err *e);
int win_initiative(struct db *db, int64_t win_id, int64_t *initiative_id, struct err *e);

enum { AN_KIND = 1u << 0, AN_VALUE = 1u << 1, AN_TEXT = 1u << 2, AN_DAY = 1u << 3 };
struct anchor_input {
	const char *kind;	/* value|practice */
	int64_t value_id;	/* an org_value; required for kind value */
	const char *text;
	const char *day;	/* default today */
};
extern const struct field anchor_fields[];	/* kind and text required */
int anchor_add(struct db *db, int64_t initiative_id, const struct anchor_input *in,
	       unsigned set, int64_t *id, struct err *e);
int anchor_rm(struct db *db, int64_t anchor_id, struct err *e);
int anchor_initiative(struct db *db, int64_t anchor_id, int64_t *initiative_id, struct err *e);

enum { VO_PERSON = 1u << 0, VO_ROLE = 1u << 1, VO_JOINED = 1u << 2 };
struct volunteer_input {
	int64_t person_id;
	const char *role;
	const char *joined;	/* default today */
};
extern const struct field volunteer_fields[];	/* person_id required */
/* 404 unknown initiative or person; 409 already a volunteer. */
int volunteer_add(struct db *db, int64_t initiative_id, const struct volunteer_input *in,
		  unsigned set, struct err *e);
/* 404 when not a volunteer. */
int volunteer_rm(struct db *db, int64_t initiative_id, int64_t person_id, struct err *e);

/* Seeds the demo's initiatives (change_demo.c, called from demo.c). */
int change_demo(struct db *db, const char *today, struct err *e);

json_t *initiative_json(const struct initiative *in);
json_t *initiative_links_json(const struct initiative_links *l);
json_t *obstacle_json(const struct obstacle *o);
json_t *win_json(const struct win *w);
json_t *anchor_json(const struct anchor *an);
json_t *volunteer_json(const struct volunteer *v);

#endif
