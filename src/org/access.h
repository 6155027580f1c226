/* access: who is acting, and what they may see and change.
 *
 * Roles (DESIGN.md §5): an admin reads and writes everything; a manager
 * reads and writes their unit's subtree; a member reads their unit (with
 * the units under it) and writes only their own time entries; a viewer
 * reads their unit, with the units under it.
 * A record outside what the actor may read answers 404, as if it did not
 * exist; one they may read but not change answers 403.
 *
 * Every front-end checks through these functions, in one place: the
 * server's route table names what each route touches (web/routes.c),
 * and the CLI acts as the local operator, who may do anything. */
#ifndef TANDEM_ACCESS_H
#define TANDEM_ACCESS_H

#include <stdint.h>

#include "base/err.h"
#include "store/db.h"

enum role { ROLE_NONE = 0, ROLE_VIEWER, ROLE_MEMBER, ROLE_MANAGER, ROLE_ADMIN };
enum via { VIA_CLI = 0, VIA_API, VIA_UI };

struct actor {
	int64_t account_id;	/* 0: the local CLI operator (all rights) */
	int64_t person_id;
	int64_t unit_id;	/* the person's unit */
	enum role role;
	enum via via;
	char login[128];
	char name[128];		/* the person's name, for pages */
	char csrf[68];		/* the session's form token (web sessions), hex */
	int64_t token_id;	/* the session or API token used */
};

/* What a route touches. */
enum kind {
	K_NONE = 0,	/* nothing to check but the role */
	K_UNIT, K_PERSON, K_PLAN, K_STEP, K_TIME, K_TOOL,
	K_TARGET, K_BUDGET, K_EXPENSE, K_POSITION, K_PROBLEM,
	K_VISION, K_STRATEGY, K_SIGNAL, K_COMM, K_STAKEHOLDER, K_COALITION, K_IDEA,
	K_RECOGNITION, K_PULSE,
	K_INITIATIVE, K_COHORT,
	K_ACCOUNT,	/* accounts and the audit log: admins only */
};
enum action { A_READ = 0, A_WRITE };

const char *role_name(enum role r);
enum role role_parse(const char *s);	/* ROLE_NONE if unknown */

/* The local operator of the CLI: every right, audited as "cli". */
void actor_operator(struct actor *who);

/* May who do act on record id of kind k? 0 or -1 with e (404 outside
 * what they may read or no such record, 403 readable but not theirs to
 * change). id 0 checks the kind alone (a create or a listing). */
int access_check(struct db *db, const struct actor *who, enum kind k, int64_t id,
		 enum action act, struct err *e);

/* May who create a record of kind k that would belong to unit unit_id
 * (a plan's unit, a new unit's parent, a step's plan's unit...)? For
 * K_TIME, person_id is the entry's person (members log only their own). */
int access_create(struct db *db, const struct actor *who, enum kind k, int64_t unit_id,
		  int64_t person_id, struct err *e);

/* May who act as themselves: acknowledge a communication, answer a
 * pulse, vote, recognize someone, propose an idea, write a coaching
 * note? Any member, manager or admin with a person (the CLI operator
 * too); a viewer reads only, and an account of no person has no self to
 * act as. 0 or -1 with a 403 saying so (what: "answer a pulse"). */
int access_self(const struct actor *who, const char *what, struct err *e);

/* The units who may read, for listings: *unit is 0 for every unit;
 * otherwise *subtree says whether the unit's descendants are included. */
void access_scope(const struct actor *who, int64_t *unit, int *subtree);

/* Narrows a listing's unit filter (a unit and its subtree) to what who
 * may read: no filter becomes who's own unit; a filter on a unit outside
 * it answers 404, as for a unit that does not exist. *given is the
 * filter's "set" flag. */
int access_narrow(struct db *db, const struct actor *who, int64_t *unit_id, int *given,
		  struct err *e);

/* The unit a record belongs to (a step's plan's unit, a time entry's
 * person's unit...), 0 if none; -1 with a 404 when there is no record. */
int access_unit_of(struct db *db, enum kind k, int64_t id, int64_t *unit, struct err *e);

#endif
