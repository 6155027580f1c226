/* urgency: see urgency.h and docs/urgency.md. */
#include "change/urgency.h"

#include <string.h>

#include "base/date.h"
#include "base/json.h"
#include "org/setting.h"
#include "org/unit.h"

/* A unit and its subtree as the CTE scope(id), the same shape as
 * CHANGE_SCOPE_CTE (the body below names :init, bound 0). */
#define UNIT_SCOPE_CTE                                                                  \
	"WITH RECURSIVE scope(id) AS (SELECT id FROM unit WHERE id = :unit "               \
	"UNION SELECT u.id FROM unit u JOIN scope s ON u.parent_id = s.id) "

/* What an initiative draws on beyond its units: its linked signals (and
 * those of its linked themes), communications and plans. :init is 0 for
 * a unit, which links nothing. */
#define LINKED_SIGNAL                                                                   \
	"(g.unit_id IN (SELECT id FROM scope) OR g.id IN (SELECT signal_id FROM "           \
	"initiative_signal WHERE initiative_id = :init) OR g.id IN (SELECT st.signal_id "    \
	"FROM signal_theme st JOIN initiative_theme it ON it.theme_id = st.theme_id "       \
	"WHERE it.initiative_id = :init))"
#define IN_WINDOW(col) col " > :from AND " col " <= :asof"
#define SCOPE_PLAN                                                                      \
	"(pl.unit_id IN (SELECT id FROM scope) OR pl.id IN (SELECT plan_id FROM "           \
	"initiative_plan WHERE initiative_id = :init))"

/* One row: people, external signals, reviewed, internal signals,
 * meetings, new plans, problems, open steps, advanced, done. A step's
 * percent at the window's start (b0) is its last record on or before
 * :from; its percent at the end (b1) the last record in the window, else
 * b0. */
#define URGENCY_BODY                                                                    \
	"SELECT (SELECT count(*) FROM person p WHERE p.unit_id IN (SELECT id FROM scope)), " \
	"(SELECT count(*) FROM signal g WHERE g.category <> 'internal' AND "               \
	IN_WINDOW("g.day") " AND " LINKED_SIGNAL "), "                                      \
	"(SELECT count(*) FROM signal g WHERE g.category <> 'internal' AND "               \
	IN_WINDOW("g.day") " AND g.reviewed IS NOT NULL AND g.reviewed <= :asof AND "       \
	LINKED_SIGNAL "), "                                                                 \
	"(SELECT count(*) FROM signal g WHERE g.category = 'internal' AND "                \
	IN_WINDOW("g.day") " AND " LINKED_SIGNAL "), "                                      \
	"(SELECT count(*) FROM comm c WHERE c.channel IN ('meeting', 'town-hall') AND "    \
	IN_WINDOW("c.day") " AND (c.unit_id IN (SELECT id FROM scope) OR c.id IN "          \
	"(SELECT comm_id FROM initiative_comm WHERE initiative_id = :init))), "             \
	"(SELECT count(*) FROM plan pl WHERE pl.status <> 'cancelled' AND "                \
	IN_WINDOW("pl.start_date") " AND " SCOPE_PLAN "), "                                 \
	"(SELECT count(*) FROM problem pr WHERE " IN_WINDOW("pr.found")                    \
	" AND pr.unit_id IN (SELECT id FROM scope)), "                                      \
	"(SELECT count(*) FROM steps_at x WHERE x.b0 < 100), "                              \
	"(SELECT count(*) FROM steps_at x WHERE x.b0 < 100 AND x.b1 > x.b0), "              \
	"(SELECT count(*) FROM steps_at x WHERE x.b0 < 100 AND x.b1 >= 100)"

#define STEPS_AT_CTE                                                                    \
	", steps_at(id, b0, b1) AS (SELECT s.id, "                                          \
	"coalesce((SELECT q.pct FROM step_progress q WHERE q.step_id = s.id AND "           \
	"q.day <= :from ORDER BY q.day DESC LIMIT 1), 0), "                                 \
	"coalesce((SELECT q.pct FROM step_progress q WHERE q.step_id = s.id AND "           \
	IN_WINDOW("q.day") " ORDER BY q.day DESC LIMIT 1), "                               \
	"(SELECT q.pct FROM step_progress q WHERE q.step_id = s.id AND "                    \
	"q.day <= :from ORDER BY q.day DESC LIMIT 1), 0) "                                  \
	"FROM step s JOIN plan pl ON pl.id = s.plan_id WHERE pl.status <> 'cancelled' "     \
	"AND pl.start_date <= :asof AND " SCOPE_PLAN ") "

static const char init_sql[] = CHANGE_SCOPE_CTE STEPS_AT_CTE URGENCY_BODY;
static const char unit_sql[] = UNIT_SCOPE_CTE STEPS_AT_CTE URGENCY_BODY;

const char *urgency_label_name(enum urgency_label l)
{
	switch (l) {
	case URG_TRUE:
		return "true urgency";
	case URG_FALSE:
		return "false urgency";
	default:
		return "complacency";
	}
}

/* n per 10 people, in tenths, rounded down. */
static int64_t per10(int64_t n, int64_t people)
{
	return n * 100 / (people > 0 ? people : 1);
}

static int64_t pct(int64_t part, int64_t whole)
{
	return whole > 0 ? part * 100 / whole : 0;
}

enum urgency_label urgency_classify(struct urgency_ind *d, const struct urgency_thresholds *th)
{
	d->activity = d->meetings + d->new_plans + d->problems + d->int_signals;
	d->ext_x10 = per10(d->ext_signals, d->people);
	d->activity_x10 = per10(d->activity, d->people);
	d->done_x10 = per10(d->done, d->people);
	d->reviewed_pct = pct(d->ext_reviewed, d->ext_signals);
	d->advanced_pct = pct(d->advanced, d->open_steps);
	d->outward = d->ext_signals > 0 && d->ext_x10 >= th->outward &&
		     d->reviewed_pct >= th->reviewed;
	d->progress = d->open_steps > 0 && d->advanced_pct >= th->progress;
	d->busy = d->activity > 0 && d->activity_x10 >= th->activity;
	if (d->outward && d->progress)
		return URG_TRUE;
	if (d->busy && !d->progress)
		return URG_FALSE;
	return URG_COMPLACENCY;
}

static int thresholds(struct db *db, struct urgency_thresholds *th, struct err *e)
{
	if (setting_int(db, "change.urgency_window", &th->window, e) ||
	    setting_int(db, "change.urgency_outward", &th->outward, e) ||
	    setting_int(db, "change.urgency_reviewed", &th->reviewed, e) ||
	    setting_int(db, "change.urgency_activity", &th->activity, e) ||
	    setting_int(db, "change.urgency_progress", &th->progress, e))
		return -1;
	return 0;
}

/* The window ending on as_of (NULL: today). */
static int window(struct urgency *u, const char *as_of, struct err *e)
{
	int32_t d = date_today();
	if (as_of && date_parse(as_of, &d))
		return err_set(e, ERR_BAD_INPUT, "as_of", "as_of: must be a day YYYY-MM-DD, not "
			       "\"%.40s\"", as_of);
	int32_t from = d - (int32_t)u->th.window;
	if (from < date_from_ymd(1900, 1, 1))
		from = date_from_ymd(1900, 1, 1);
	date_format(d, u->as_of);
	date_format(from, u->from);
	return 0;
}

static const char *tenths(struct arena *a, int64_t x10)
{
	return arena_printf(a, "%lld.%lld", (long long)(x10 / 10), (long long)(x10 % 10));
}

/* The sentence that says why, with the numbers. */
static const char *why(struct arena *a, const struct urgency *u)
{
	const struct urgency_ind *d = &u->ind;
	const char *look = arena_printf(a, "%s per 10 people (needs %s), %lld %% of them reviewed (needs "
			    "%lld %%)", tenths(a, d->ext_x10), tenths(a, u->th.outward),
			    (long long)d->reviewed_pct, (long long)u->th.reviewed);
	const char *prog = arena_printf(a, "%lld of %lld open steps advanced (%lld %%, needs "
					"%lld %%)", (long long)d->advanced,
					(long long)d->open_steps, (long long)d->advanced_pct,
					(long long)u->th.progress);
	const char *act = arena_printf(a, "internal activity %s per 10 people (busy from %s)",
				       tenths(a, d->activity_x10), tenths(a, u->th.activity));
	switch (u->label) {
	case URG_TRUE:
		return arena_printf(a, "Looking outward (external signals %s) and moving: %s.",
				    look, prog);
	case URG_FALSE:
		return arena_printf(a, "Busy without progress: %s, but only %s.", act, prog);
	default:
		if (d->outward)
			return arena_printf(a, "Looking outward (external signals %s) but not "
					    "moving: %s.", look, prog);
		if (d->progress)
			return arena_printf(a, "Moving without looking outward: external signals "
					    "%s; %s.", look, prog);
		return arena_printf(a, "Little looking outward (external signals %s) and little "
				    "activity: %s; %s.", look, act, prog);
	}
}

static int measure(struct db *db, struct arena *a, const char *sql, int64_t init,
		   int64_t unit, struct urgency *u, struct err *e)
{
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	db_bind_int(st, ":init", init);
	if (!init)
		db_bind_int(st, ":unit", unit);
	db_bind_text(st, ":from", u->from);
	db_bind_text(st, ":asof", u->as_of);
	int rc = db_step(st, e);
	if (rc == 1) {
		struct urgency_ind *d = &u->ind;
		d->people = db_col_int(st, 0);
		d->ext_signals = db_col_int(st, 1);
		d->ext_reviewed = db_col_int(st, 2);
		d->int_signals = db_col_int(st, 3);
		d->meetings = db_col_int(st, 4);
		d->new_plans = db_col_int(st, 5);
		d->problems = db_col_int(st, 6);
		d->open_steps = db_col_int(st, 7);
		d->advanced = db_col_int(st, 8);
		d->done = db_col_int(st, 9);
	}
	db_done(st);
	if (rc < 0)
		return -1;
	u->label = urgency_classify(&u->ind, &u->th);
	u->why = why(a, u);
	return 0;
}

int urgency_initiative(struct db *db, struct arena *a, int64_t id, const char *as_of,
		       struct urgency *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	if (thresholds(db, &out->th, e) || window(out, as_of, e))
		return -1;
	struct stmt *st = db_prepare(db,
		"SELECT i.name, coalesce(i.unit_id, 0), coalesce(u.name, '') FROM initiative i "
		"LEFT JOIN unit u ON u.id = i.unit_id WHERE i.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1) {
		out->initiative = arena_strdup(a, db_col_text(st, 0));
		out->unit_id = db_col_int(st, 1);
		out->unit = arena_strdup(a, db_col_text(st, 2));
	}
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no initiative with id %lld", (long long)id);
	if (rc < 0)
		return -1;
	out->initiative_id = id;
	return measure(db, a, init_sql, id, 0, out, e);
}

int urgency_unit(struct db *db, struct arena *a, int64_t unit_id, const char *as_of,
		 struct urgency *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	if (thresholds(db, &out->th, e) || window(out, as_of, e))
		return -1;
	struct stmt *st = db_prepare(db, "SELECT name FROM unit WHERE id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", unit_id);
	int rc = db_step(st, e);
	if (rc == 1)
		out->unit = arena_strdup(a, db_col_text(st, 0));
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "unit_id", "unit_id: no unit with id %lld",
			       (long long)unit_id);
	if (rc < 0)
		return -1;
	out->unit_id = unit_id;
	out->initiative = "";
	return measure(db, a, unit_sql, 0, unit_id, out, e);
}

static void id_row(struct stmt *st, struct arena *a, void *item)
{
	(void)a;
	*(int64_t *)item = db_col_int(st, 0);
}

int urgency_all(struct db *db, struct arena *a, const char *as_of, struct urgency **inits,
		size_t *ninits, struct urgency **units, size_t *nunits, struct err *e)
{
	*inits = *units = NULL;
	*ninits = *nunits = 0;
	int64_t *ids;
	size_t n;
	struct stmt *st = db_prepare(db,
		"SELECT id FROM initiative WHERE status = 'active' ORDER BY id", e);
	if (!st || db_collect(st, a, sizeof *ids, id_row, (void **)&ids, &n, e))
		return -1;
	*inits = arena_alloc(a, (n ? n : 1) * sizeof **inits);
	if (!*inits)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	for (size_t i = 0; i < n; i++)
		if (urgency_initiative(db, a, ids[i], as_of, &(*inits)[i], e))
			return -1;
	*ninits = n;
	struct unit *ul;
	size_t nu;
	if (unit_list(db, a, &ul, &nu, e))
		return -1;
	*units = arena_alloc(a, (nu ? nu : 1) * sizeof **units);
	if (!*units)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	for (size_t i = 0; i < nu; i++)
		if (urgency_unit(db, a, ul[i].id, as_of, &(*units)[i], e))
			return -1;
	*nunits = nu;
	return 0;
}

json_t *urgency_json(const struct urgency *u)
{
	const struct urgency_ind *d = &u->ind;
	json_t *o = json_object();
	json_set_id(o, "initiative_id", u->initiative_id);
	if (u->initiative_id)
		json_set_str(o, "initiative", u->initiative);
	json_set_id(o, "unit_id", u->unit_id);
	json_set_str(o, "unit", u->unit);
	json_set_str(o, "from", u->from);
	json_set_str(o, "as_of", u->as_of);
	json_set_str(o, "label", urgency_label_name(u->label));
	json_set_str(o, "why", u->why);
	json_t *i = json_object();
	json_set_int(i, "people", d->people);
	json_set_int(i, "external_signals", d->ext_signals);
	json_set_int(i, "external_reviewed", d->ext_reviewed);
	json_set_int(i, "reviewed_pct", d->reviewed_pct);
	json_set_int(i, "internal_signals", d->int_signals);
	json_set_int(i, "meetings", d->meetings);
	json_set_int(i, "new_plans", d->new_plans);
	json_set_int(i, "problems", d->problems);
	json_set_int(i, "activity", d->activity);
	json_set_int(i, "open_steps", d->open_steps);
	json_set_int(i, "steps_advanced", d->advanced);
	json_set_int(i, "advanced_pct", d->advanced_pct);
	json_set_int(i, "steps_done", d->done);
	json_set_decimal(i, "external_per_10", d->ext_x10 * 10);
	json_set_decimal(i, "activity_per_10", d->activity_x10 * 10);
	json_set_decimal(i, "done_per_10", d->done_x10 * 10);
	json_object_set_new(i, "looking_outward", json_boolean(d->outward));
	json_object_set_new(i, "busy", json_boolean(d->busy));
	json_object_set_new(i, "progress", json_boolean(d->progress));
	json_object_set_new(o, "indicators", i);
	json_t *t = json_object();
	json_set_int(t, "window_days", u->th.window);
	json_set_decimal(t, "outward_per_10", u->th.outward * 10);
	json_set_int(t, "reviewed_pct", u->th.reviewed);
	json_set_decimal(t, "activity_per_10", u->th.activity * 10);
	json_set_int(t, "progress_pct", u->th.progress);
	json_object_set_new(o, "thresholds", t);
	return o;
}
