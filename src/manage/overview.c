/* overview: see overview.h. One statement of scalar subqueries, so the
 * figures come from one snapshot. */
#include "manage/overview.h"

#include <string.h>

#include "base/date.h"
#include "org/unit.h"

/* the units in scope: a subtree, or every unit when :all = 1 */
#define IN_SCOPE(col) "(:all = 1 OR " col " IN (SELECT id FROM subtree))"

int overview_get(struct db *db, int64_t unit_id, const char *today, struct overview *o,
		 struct err *e)
{
	memset(o, 0, sizeof *o);
	int32_t day;
	if (date_parse(today, &day))
		return err_set(e, ERR_BAD_INPUT, "today", "today: must be a date as YYYY-MM-DD");
	char from[11];
	date_format(day - 27, from);
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE "SELECT "
		"(SELECT count(*) FROM target t WHERE " IN_SCOPE("t.unit_id") "), "
		"(SELECT count(*) FROM target t WHERE " IN_SCOPE("t.unit_id")
		" AND NOT EXISTS (SELECT 1 FROM plan_target pt WHERE pt.target_id = t.id)), "
		"(SELECT count(*) FROM plan p WHERE " IN_SCOPE("p.unit_id")
		" AND p.status IN ('draft','active','on_hold')), "
		"(SELECT count(*) FROM plan p WHERE " IN_SCOPE("p.unit_id")
		" AND p.status IN ('draft','active','on_hold')"
		" AND NOT EXISTS (SELECT 1 FROM budget b WHERE b.plan_id = p.id)), "
		"(SELECT count(*) FROM person x WHERE " IN_SCOPE("x.unit_id") "), "
		"(SELECT count(*) FROM position x WHERE " IN_SCOPE("x.unit_id") "), "
		"(SELECT coalesce(sum(x.headcount), 0) FROM position x WHERE "
		IN_SCOPE("x.unit_id") "), "
		"(SELECT count(*) FROM staffing s JOIN position x ON x.id = s.position_id WHERE "
		IN_SCOPE("x.unit_id") "), "
		"(SELECT count(*) FROM person x WHERE " IN_SCOPE("x.unit_id")
		" AND EXISTS (SELECT 1 FROM person r WHERE r.manager_id = x.id)), "
		"(SELECT count(*) FROM step s JOIN plan p ON p.id = s.plan_id WHERE "
		IN_SCOPE("p.unit_id") " AND s.status <> 'done' AND s.due < :today), "
		"(SELECT count(*) FROM problem x WHERE " IN_SCOPE("x.unit_id")
		" AND x.status <> 'closed'), "
		"(SELECT count(*) FROM problem x WHERE " IN_SCOPE("x.unit_id")
		" AND x.status <> 'closed' AND x.due < :today), "
		"(SELECT coalesce(sum(t.minutes), 0) FROM time_entry t JOIN person x "
		"ON x.id = t.person_id WHERE " IN_SCOPE("x.unit_id")
		" AND t.day BETWEEN :from AND :today)", e);
	if (!st)
		return -1;
	db_bind_int(st, ":unit", unit_id);
	db_bind_int(st, ":all", unit_id == 0);
	db_bind_text(st, ":today", today);
	db_bind_text(st, ":from", from);
	int rc = db_step(st, e);
	if (rc == 1) {
		int64_t *v[] = {&o->targets, &o->targets_unplanned, &o->plans_open,
				&o->plans_unbudgeted, &o->people, &o->positions, &o->seats,
				&o->filled, &o->managers, &o->steps_overdue, &o->problems_open,
				&o->problems_overdue, &o->minutes_28d};
		for (int i = 0; i < (int)(sizeof v / sizeof v[0]); i++)
			*v[i] = db_col_int(st, i);
	}
	db_done(st);
	return rc == 1 ? 0 : -1;
}
