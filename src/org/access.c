/* access: see access.h. */
#include "org/access.h"

#include <stdio.h>
#include <string.h>

#include "org/unit.h"

void actor_operator(struct actor *who)
{
	memset(who, 0, sizeof *who);
	who->role = ROLE_ADMIN;
	who->via = VIA_CLI;
	snprintf(who->login, sizeof who->login, "cli");
}

static int is_operator(const struct actor *who)
{
	return who->account_id == 0 && who->via == VIA_CLI;
}

void access_scope(const struct actor *who, int64_t *unit, int *subtree)
{
	if (is_operator(who) || who->role == ROLE_ADMIN) {
		*unit = 0;
		*subtree = 0;
		return;
	}
	/* every role reads its unit with the units under it; roles differ
	 * in what they may change */
	*unit = who->unit_id;
	*subtree = 1;
}

static const char *const kind_names[] = {"", "unit", "person", "plan", "step", "time entry",
					 "tool", "target", "budget line", "expense",
					 "position", "problem", "vision", "strategy", "signal",
					 "communication", "stakeholder", "coalition", "idea",
					 "recognition", "pulse", "initiative", "cohort",
					 "account"};

static const char *const unit_of_sql[] = {
	[K_UNIT] = "SELECT id FROM unit WHERE id = :id",
	[K_PERSON] = "SELECT unit_id FROM person WHERE id = :id",
	[K_PLAN] = "SELECT unit_id FROM plan WHERE id = :id",
	[K_STEP] = "SELECT p.unit_id FROM step s JOIN plan p ON p.id = s.plan_id WHERE s.id = :id",
	[K_TIME] = "SELECT p.unit_id FROM time_entry t JOIN person p ON p.id = t.person_id "
		   "WHERE t.id = :id",
	/* a tool belongs to its plan's unit, or its step's plan's; 0 when
	 * it belongs to neither (the organization's) */
	[K_TOOL] = "SELECT coalesce(p.unit_id, sp.unit_id, 0) FROM tool t "
		   "LEFT JOIN plan p ON p.id = t.plan_id LEFT JOIN step s ON s.id = t.step_id "
		   "LEFT JOIN plan sp ON sp.id = s.plan_id WHERE t.id = :id",
	[K_TARGET] = "SELECT unit_id FROM target WHERE id = :id",
	/* a plan's line follows its plan, wherever the plan moves */
	[K_BUDGET] = "SELECT coalesce(p.unit_id, b.unit_id) FROM budget b "
		     "LEFT JOIN plan p ON p.id = b.plan_id WHERE b.id = :id",
	[K_EXPENSE] = "SELECT p.unit_id FROM expense x JOIN plan p ON p.id = x.plan_id "
		      "WHERE x.id = :id",
	[K_POSITION] = "SELECT unit_id FROM position WHERE id = :id",
	[K_PROBLEM] = "SELECT unit_id FROM problem WHERE id = :id",
	/* the organization's (0) when no unit is named */
	[K_VISION] = "SELECT coalesce(unit_id, 0) FROM vision WHERE id = :id",
	[K_STRATEGY] = "SELECT coalesce(unit_id, 0) FROM strategy WHERE id = :id",
	[K_SIGNAL] = "SELECT unit_id FROM signal WHERE id = :id",
	[K_COMM] = "SELECT unit_id FROM comm WHERE id = :id",
	[K_STAKEHOLDER] = "SELECT coalesce(p.unit_id, 0) FROM stakeholder s "
			  "LEFT JOIN person p ON p.id = s.owner_id WHERE s.id = :id",
	[K_COALITION] = "SELECT coalesce(unit_id, 0) FROM coalition WHERE id = :id",
	[K_IDEA] = "SELECT p.unit_id FROM idea i JOIN person p ON p.id = i.author_id "
		   "WHERE i.id = :id",
	[K_RECOGNITION] = "SELECT coalesce(r.to_unit_id, p.unit_id) FROM recognition r "
			  "LEFT JOIN person p ON p.id = r.to_person_id WHERE r.id = :id",
	[K_PULSE] = "SELECT unit_id FROM pulse WHERE id = :id",
	[K_INITIATIVE] = "SELECT coalesce(unit_id, 0) FROM initiative WHERE id = :id",
	[K_COHORT] = "SELECT unit_id FROM cohort WHERE id = :id",
};

int access_unit_of(struct db *db, enum kind k, int64_t id, int64_t *unit, struct err *e)
{
	*unit = 0;
	if (k < K_UNIT || k > K_COHORT)
		return 0;
	struct stmt *st = db_prepare(db, unit_of_sql[k], e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_one_int(st, unit, e);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no %s with id %lld", kind_names[k],
			       (long long)id);
	return rc < 0 ? -1 : 0;
}

/* 1 if unit lies within what who may read, 0 if not, -1 on error. */
static int readable(struct db *db, const struct actor *who, int64_t unit, struct err *e)
{
	int64_t scope;
	int subtree;
	access_scope(who, &scope, &subtree);
	if (!scope || !unit)
		return 1;
	if (unit == scope)
		return 1;
	if (!subtree)
		return 0;
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE "SELECT count(*) FROM subtree "
				     "WHERE id = :target", e);
	if (!st)
		return -1;
	db_bind_int(st, ":unit", scope);
	db_bind_int(st, ":target", unit);
	int64_t n = 0;
	if (db_one_int(st, &n, e) < 0)
		return -1;
	return n > 0;
}

static int forbidden(const struct actor *who, const char *what, struct err *e)
{
	return err_set(e, ERR_FORBIDDEN, "", "a %s may not %s", role_name(who->role), what);
}

/* The person a time entry belongs to. */
static int entry_person(struct db *db, int64_t id, int64_t *person, struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT person_id FROM time_entry WHERE id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	return db_one_int(st, person, e) < 0 ? -1 : 0;
}

int access_check(struct db *db, const struct actor *who, enum kind k, int64_t id,
		 enum action act, struct err *e)
{
	if (is_operator(who) || who->role == ROLE_ADMIN)
		return k == K_NONE || k == K_ACCOUNT || !id ? 0
			: access_unit_of(db, k, id, &(int64_t){0}, e);
	if (who->role == ROLE_NONE)
		return err_set(e, ERR_UNAUTHORIZED, "", "sign in first");
	if (k == K_ACCOUNT)
		return forbidden(who, "manage accounts or read the audit log", e);
	if (k == K_NONE || !id)
		return 0;	/* listings are scoped by the handler; creates by access_create */
	int64_t unit;
	if (access_unit_of(db, k, id, &unit, e))
		return -1;
	int r = readable(db, who, unit, e);
	if (r < 0)
		return -1;
	if (!r)	/* outside the actor's units: as if it did not exist */
		return err_set(e, ERR_NOT_FOUND, "id", "no %s with id %lld", kind_names[k],
			       (long long)id);
	if (act == A_READ)
		return 0;
	switch (who->role) {
	case ROLE_MANAGER:
		return unit ? 0 : forbidden(who, "change what belongs to the whole organization", e);
	case ROLE_MEMBER:
		if (k == K_TIME) {
			int64_t person = 0;
			if (entry_person(db, id, &person, e))
				return -1;
			if (person == who->person_id)
				return 0;
			return forbidden(who, "change another person's time entries", e);
		}
		return forbidden(who, "change this (members write only their own time entries)", e);
	default:
		return forbidden(who, "change anything", e);
	}
}

int access_create(struct db *db, const struct actor *who, enum kind k, int64_t unit_id,
		  int64_t person_id, struct err *e)
{
	if (is_operator(who) || who->role == ROLE_ADMIN)
		return 0;
	if (who->role == ROLE_NONE)
		return err_set(e, ERR_UNAUTHORIZED, "", "sign in first");
	if (k == K_ACCOUNT)
		return forbidden(who, "manage accounts", e);
	if (who->role == ROLE_VIEWER)
		return forbidden(who, "change anything", e);
	if (who->role == ROLE_MEMBER) {
		if (k == K_TIME && person_id == who->person_id)
			return 0;
		return forbidden(who, k == K_TIME ? "log time for another person"
				 : "create this (members log only their own time)", e);
	}
	/* a manager creates within their subtree; a new root unit, or a
	 * record of the whole organization, is an admin's */
	if (!unit_id)
		return forbidden(who, k == K_UNIT ? "create a top-level unit"
				 : "create what belongs to the whole organization", e);
	int r = readable(db, who, unit_id, e);
	if (r < 0)
		return -1;
	return r ? 0 : forbidden(who, "create outside their units", e);
}

int access_self(const struct actor *who, const char *what, struct err *e)
{
	if (is_operator(who))
		return 0;
	if (who->role == ROLE_NONE)
		return err_set(e, ERR_UNAUTHORIZED, "", "sign in first");
	if (!who->person_id)
		return err_set(e, ERR_FORBIDDEN, "", "an account of no person may not %s", what);
	if (who->role == ROLE_VIEWER)
		return forbidden(who, what, e);
	return 0;
}

int access_narrow(struct db *db, const struct actor *who, int64_t *unit_id, int *given,
		  struct err *e)
{
	int64_t scope;
	int subtree;
	access_scope(who, &scope, &subtree);
	if (!scope)
		return 0;
	if (!*given) {
		*unit_id = scope;
		*given = 1;
		return 0;
	}
	int r = readable(db, who, *unit_id, e);
	if (r < 0)
		return -1;
	return r ? 0 : err_set(e, ERR_NOT_FOUND, "unit_id", "unit_id: no unit with id %lld",
			       (long long)*unit_id);
}
