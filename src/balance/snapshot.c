/* snapshot: the balance kept over time. A snapshot stores every unit's
 * and the organization's scores as of a day (x100, rounded), taken on
 * demand ("manual") or once a month by the server ("monthly"); the
 * history reads them back for one unit, oldest first. */
#include <math.h>
#include <string.h>
#include <time.h>

#include "balance/balance.h"
#include "base/date.h"

static int64_t x100(double v)
{
	int64_t r = (int64_t)llround(v * 100);
	return r < 0 ? 0 : r > 10000 ? 10000 : r;
}

static int insert_scores(struct db *db, int64_t id, const struct bal_result *r, struct err *e)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct bal_unit *u = &r->units[i];
		struct stmt *st = db_prepare(db,
			"INSERT INTO balance_score (snapshot_id, unit_id, management, leadership, "
			"quadrant, planning, staffing, controlling, direction, aligning, motivating) "
			"VALUES (:snap, :unit, :m, :l, :q, :p0, :p1, :p2, :p3, :p4, :p5)", e);
		if (!st)
			return -1;
		db_bind_int(st, ":snap", id);
		db_bind_id(st, ":unit", u->unit_id);
		db_bind_int(st, ":m", x100(u->management));
		db_bind_int(st, ":l", x100(u->leadership));
		db_bind_text(st, ":q", u->quadrant);
		static const char *const names[BP_N] = {":p0", ":p1", ":p2", ":p3", ":p4", ":p5"};
		for (int p = 0; p < BP_N; p++)
			db_bind_int(st, names[p], x100(u->process[p]));
		int rc = db_step(st, e);
		db_done(st);
		if (rc < 0)
			return -1;
	}
	return 0;
}

int balance_snapshot(struct db *db, const char *day, const char *kind, int64_t *id,
		     struct err *e)
{
	if (!kind || (strcmp(kind, "manual") != 0 && strcmp(kind, "monthly") != 0))
		return err_set(e, ERR_BAD_INPUT, "kind", "kind: must be manual or monthly");
	/* a snapshot someone asks for keeps what was: a day to come would
	 * stand in the history as if it had been */
	int32_t d;
	if (strcmp(kind, "manual") == 0 && day && *day && date_parse(day, &d) == 0 &&
	    d > date_today())
		return err_set(e, ERR_BAD_INPUT, "as_of",
			       "as_of: a snapshot keeps the past; %s is after today", day);
	struct arena a = ARENA_INIT;
	struct bal_result r;
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (balance_compute(db, &a, day, &r, e))
		goto out;
	struct stmt *st = db_prepare(db,
		"INSERT INTO balance_snapshot (day, kind, created_at) VALUES (:day, :kind, :at) "
		"RETURNING id", e);
	if (!st)
		goto out;
	db_bind_text(st, ":day", r.as_of);
	db_bind_text(st, ":kind", kind);
	db_bind_int(st, ":at", (int64_t)time(NULL));
	int64_t sid = 0;
	if (db_one_int(st, &sid, e) != 1)
		goto out;
	if (insert_scores(db, sid, &r, e))
		goto out;
	if (id)
		*id = sid;
	rc = 0;
out:
	arena_free(&a);
	return db_end(db, rc, e);
}

int balance_snapshot_monthly(struct db *db, const char *day, int *taken, struct err *e)
{
	*taken = 0;
	int32_t d = date_today();
	if (day && *day && date_parse(day, &d))
		return err_set(e, ERR_BAD_INPUT, "as_of",
			       "as_of: must be a day written YYYY-MM-DD, not '%s'", day);
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	char from[11], to[11], text[11];
	date_format(date_from_ymd(y, m, 1), from);
	date_format(m == 12 ? date_from_ymd(y + 1, 1, 1) - 1 : date_from_ymd(y, m + 1, 1) - 1,
		    to);
	date_format(d, text);
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	struct stmt *st = db_prepare(db,
		"SELECT count(*) FROM balance_snapshot WHERE kind = 'monthly' AND day >= :from "
		"AND day <= :to", e);
	if (!st)
		goto out;
	db_bind_text(st, ":from", from);
	db_bind_text(st, ":to", to);
	int64_t n = 0;
	if (db_one_int(st, &n, e) < 0)
		goto out;
	if (n == 0) {
		if (balance_snapshot(db, text, "monthly", NULL, e))
			goto out;
		*taken = 1;
	}
	rc = 0;
out:
	return db_end(db, rc, e);
}

static void point_row(struct stmt *st, struct arena *a, void *item)
{
	struct bal_point *p = item;
	p->snapshot_id = db_col_int(st, 0);
	p->day = arena_strdup(a, db_col_text(st, 1));
	p->kind = arena_strdup(a, db_col_text(st, 2));
	p->unit_id = db_col_is_null(st, 3) ? 0 : db_col_int(st, 3);
	p->management = (double)db_col_int(st, 4) / 100;
	p->leadership = (double)db_col_int(st, 5) / 100;
	p->quadrant = arena_strdup(a, db_col_text(st, 6));
	for (int i = 0; i < BP_N; i++)
		p->process[i] = (double)db_col_int(st, 7 + i) / 100;
}

int balance_history(struct db *db, struct arena *a, int64_t unit_id, struct bal_point **out,
		    size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db,
		"SELECT s.id, s.day, s.kind, b.unit_id, b.management, b.leadership, b.quadrant, "
		"b.planning, b.staffing, b.controlling, b.direction, b.aligning, b.motivating "
		"FROM balance_score b JOIN balance_snapshot s ON s.id = b.snapshot_id "
		"WHERE coalesce(b.unit_id, 0) = :unit ORDER BY s.day, s.id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":unit", unit_id);
	return db_collect(st, a, sizeof **out, point_row, (void **)out, n, e);
}
