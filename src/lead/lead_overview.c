/* lead_overview: see lead_overview.h. One statement of scalar
 * subqueries, so the figures come from one snapshot. */
#include "lead/lead_overview.h"

#include <string.h>

#include "base/date.h"
#include "org/unit.h"

#define IN_SCOPE(col) "(:all = 1 OR " col " IN (SELECT id FROM subtree))"

int lead_overview_get(struct db *db, int64_t unit_id, const char *today,
		      struct lead_overview *o, struct err *e)
{
	memset(o, 0, sizeof *o);
	int32_t day;
	if (date_parse(today, &day))
		return err_set(e, ERR_BAD_INPUT, "today", "today: must be a date as YYYY-MM-DD");
	/* the last 90 and 30 days, today included; an idea is overdue when
	 * older than 30 days */
	char d90[11], d30[11], dold[11];
	date_format(day - 89, d90);
	date_format(day - 29, d30);
	date_format(day - 30, dold);
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE "SELECT "
		"(SELECT count(*) FROM vision WHERE unit_id IS NULL AND current = 1), "
		"(SELECT coalesce(max(horizon), 0) FROM vision WHERE unit_id IS NULL AND current = 1), "
		"(SELECT count(*) FROM vision WHERE unit_id IS NULL AND current = 1 "
		"AND review_date < :today), "
		"(SELECT count(*) FROM strategy s WHERE s.status = 'active' AND (s.unit_id IS NULL "
		"OR " IN_SCOPE("s.unit_id") ")), "
		"(SELECT count(*) FROM strategy s WHERE s.status = 'active' AND (s.unit_id IS NULL "
		"OR " IN_SCOPE("s.unit_id") ") AND NOT EXISTS (SELECT 1 FROM plan_strategy ps "
		"WHERE ps.strategy_id = s.id)), "
		"(SELECT count(*) FROM plan p WHERE " IN_SCOPE("p.unit_id")
		" AND p.status IN ('draft','active','on_hold') AND NOT EXISTS "
		"(SELECT 1 FROM plan_strategy ps WHERE ps.plan_id = p.id)), "
		"(SELECT count(*) FROM signal g WHERE " IN_SCOPE("g.unit_id")
		" AND g.day BETWEEN :d90 AND :today), "
		"(SELECT count(*) FROM signal g WHERE " IN_SCOPE("g.unit_id")
		" AND g.reviewed IS NULL), "
		"(SELECT count(*) FROM comm c WHERE " IN_SCOPE("c.unit_id")
		" AND c.sent = 1 AND c.day BETWEEN :d90 AND :today), "
		"(SELECT count(*) FROM comm_recipient r JOIN comm c ON c.id = r.comm_id "
		"WHERE c.sent = 1 AND r.person_id IS NOT NULL AND " IN_SCOPE("r.unit_id") "), "
		"(SELECT count(*) FROM comm_recipient r JOIN comm c ON c.id = r.comm_id "
		"WHERE c.sent = 1 AND r.person_id IS NOT NULL AND r.state = 'committed' AND "
		IN_SCOPE("r.unit_id") "), "
		"(SELECT count(*) FROM comm_recipient r JOIN comm c ON c.id = r.comm_id "
		"WHERE c.sent = 1 AND r.person_id IS NOT NULL AND r.state = 'sent' AND "
		IN_SCOPE("r.unit_id") "), "
		"(SELECT count(*) FROM coalition k WHERE k.unit_id IS NULL OR "
		IN_SCOPE("k.unit_id") "), "
		"(SELECT count(*) FROM recognition g LEFT JOIN person p ON p.id = g.to_person_id "
		"WHERE g.day BETWEEN :d30 AND :today AND "
		IN_SCOPE("coalesce(g.to_unit_id, p.unit_id)") "), "
		"(SELECT count(*) FROM idea i JOIN person p ON p.id = i.author_id WHERE "
		IN_SCOPE("p.unit_id") " AND i.status = 'open'), "
		"(SELECT count(*) FROM idea i JOIN person p ON p.id = i.author_id WHERE "
		IN_SCOPE("p.unit_id") " AND i.status = 'open' AND i.created < :dold), "
		"(SELECT count(*) FROM pulse u WHERE " IN_SCOPE("u.unit_id")
		" AND u.sent = 1 AND u.opens <= :today AND (u.closes IS NULL OR u.closes >= :today))",
		e);
	if (!st)
		return -1;
	db_bind_int(st, ":unit", unit_id);
	db_bind_int(st, ":all", unit_id == 0);
	db_bind_text(st, ":today", today);
	db_bind_text(st, ":d90", d90);
	db_bind_text(st, ":d30", d30);
	db_bind_text(st, ":dold", dold);
	int rc = db_step(st, e);
	if (rc == 1) {
		o->has_vision = db_col_int(st, 0) > 0;
		o->vision_horizon = db_col_int(st, 1);
		o->vision_review_due = db_col_int(st, 2) > 0;
		int64_t *v[] = {&o->strategies, &o->strategies_unplanned, &o->plans_undirected,
				&o->signals_90d, &o->signals_unreviewed, &o->comms_90d,
				&o->recipients, &o->committed, &o->unreached, &o->coalitions,
				&o->recognitions_30d, &o->ideas_open, &o->ideas_overdue,
				&o->pulses_open};
		for (int i = 0; i < (int)(sizeof v / sizeof v[0]); i++)
			*v[i] = db_col_int(st, i + 3);
	}
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_INTERNAL, "", "the leadership overview returned no row");
	return rc == 1 ? 0 : -1;
}
