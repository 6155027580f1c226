/* initiative: see initiative.h. The records and their links; the parts
 * (obstacles, wins, anchors, volunteers) are in parts.c, the evidence
 * and the advance in evidence.c. */
#include "change/initiative.h"

#include <stdio.h>
#include <string.h>

#include "base/date.h"
#include "base/json.h"
#include "change/evidence.h"
#include "org/person.h"
#include "org/unit.h"

static const char *const step_names[] = {
	"",
	"Urgency",
	"Guiding coalition",
	"Vision and strategy",
	"Communicate the vision",
	"Empower action",
	"Short-term wins",
	"Consolidate gains",
	"Anchor in the culture",
};

const char *initiative_step_name(int step)
{
	return step >= 1 && step <= INITIATIVE_NSTEPS ? step_names[step] : "";
}

const char *const initiative_statuses[] = {"active", "done", "stopped", NULL};

#define INITIATIVE_REF_FIELDS                                                                  \
	{.name = "description", .type = FT_TEXT,                                               \
	 .offset = offsetof(struct initiative_input, description), .bit = IN_DESCRIPTION,      \
	 .max = 4000, .help = "what changes, in a few sentences"},                             \
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct initiative_input, unit_id), \
	 .bit = IN_UNIT, .nullable = 1,                                                        \
	 .help = "the unit it belongs to (none: the organization)"},                           \
	{.name = "coalition_id", .type = FT_ID,                                                \
	 .offset = offsetof(struct initiative_input, coalition_id), .bit = IN_COALITION,       \
	 .nullable = 1, .help = "its guiding coalition"},                                      \
	{.name = "pulse_id", .type = FT_ID, .offset = offsetof(struct initiative_input, pulse_id), \
	 .bit = IN_PULSE, .nullable = 1,                                                       \
	 .help = "the pulse whose first question measures urgency"}

const struct field initiative_fields[] = {
	{.name = "name", .type = FT_TEXT, .offset = offsetof(struct initiative_input, name),
	 .bit = IN_NAME, .min = 1, .max = 200, .required = 1, .help = "the initiative's name"},
	{.name = "sponsor_id", .type = FT_ID,
	 .offset = offsetof(struct initiative_input, sponsor_id), .bit = IN_SPONSOR,
	 .required = 1, .help = "the person who sponsors it"},
	INITIATIVE_REF_FIELDS,
	{.name = "started", .type = FT_DATE, .offset = offsetof(struct initiative_input, started),
	 .bit = IN_STARTED, .help = "the day it started, step 1 reached (default today)"},
	{0},
};

const struct field initiative_set_fields[] = {
	{.name = "name", .type = FT_TEXT, .offset = offsetof(struct initiative_input, name),
	 .bit = IN_NAME, .min = 1, .max = 200, .help = "the initiative's name"},
	{.name = "sponsor_id", .type = FT_ID,
	 .offset = offsetof(struct initiative_input, sponsor_id), .bit = IN_SPONSOR,
	 .help = "the person who sponsors it"},
	INITIATIVE_REF_FIELDS,
	{.name = "status", .type = FT_ENUM, .offset = offsetof(struct initiative_input, status),
	 .bit = IN_STATUS, .choices = initiative_statuses, .help = "active, done or stopped"},
	{0},
};

const struct field initiative_filter_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct initiative_filter, unit_id),
	 .bit = INF_UNIT, .help = "only this unit's subtree's (and the organization's)"},
	{.name = "status", .type = FT_ENUM, .offset = offsetof(struct initiative_filter, status),
	 .bit = INF_STATUS, .choices = initiative_statuses, .help = "only in this status"},
	{.name = "step", .type = FT_INT, .offset = offsetof(struct initiative_filter, step),
	 .bit = INF_STEP, .min = 1, .max = 8, .help = "only those on this step (1-8)"},
	{.name = "limit", .type = FT_INT, .offset = offsetof(struct initiative_filter, limit),
	 .bit = INF_LIMIT, .min = 0, .max = 1000000000, .help = "at most this many"},
	{.name = "offset", .type = FT_INT, .offset = offsetof(struct initiative_filter, offset),
	 .bit = INF_OFFSET, .min = 0, .max = INT64_MAX, .help = "skip this many"},
	{0},
};

static int not_found(struct err *e, int64_t id)
{
	return err_set(e, ERR_NOT_FOUND, "id", "no initiative with id %lld", (long long)id);
}

/* 404 naming field unless sql (one :id) finds a row. */
static int ref_exists(struct db *db, const char *sql, int64_t id, const char *field,
		      const char *what, struct err *e)
{
	int rc = db_run_id(db, sql, id, e);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, field, "%s: no %s with id %lld", field, what,
			       (long long)id);
	return 0;
}

static int check_refs(struct db *db, const struct initiative_input *in, unsigned set,
		      struct err *e)
{
	if ((set & IN_NAME) && (!in->name || !in->name[0]))
		return err_set(e, ERR_BAD_INPUT, "name", "name: must not be empty");
	if ((set & IN_SPONSOR) && !in->sponsor_id)
		return err_set(e, ERR_BAD_INPUT, "sponsor_id",
			       "sponsor_id: an initiative needs a sponsor");
	if ((set & IN_SPONSOR) && person_must_exist(db, in->sponsor_id, "sponsor_id", e))
		return -1;
	if ((set & IN_UNIT) && in->unit_id && unit_must_exist(db, in->unit_id, "unit_id", e))
		return -1;
	if ((set & IN_COALITION) && in->coalition_id &&
	    ref_exists(db, "SELECT 1 FROM coalition WHERE id = :id", in->coalition_id,
		       "coalition_id", "coalition", e))
		return -1;
	if ((set & IN_PULSE) && in->pulse_id &&
	    ref_exists(db, "SELECT 1 FROM pulse WHERE id = :id", in->pulse_id, "pulse_id",
		       "pulse", e))
		return -1;
	return 0;
}

static void today_text(char out[11])
{
	date_format(date_today(), out);
}

int initiative_add(struct db *db, const struct initiative_input *in, unsigned set, int64_t *id,
		   struct err *e)
{
	if (fields_require(initiative_fields, set, e))
		return -1;
	char today[11];
	today_text(today);
	const char *started = (set & IN_STARTED) && in->started ? in->started : today;
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (check_refs(db, in, set, e))
		goto out;
	struct stmt *st = db_prepare(db,
		"INSERT INTO initiative (name, description, sponsor_id, unit_id, coalition_id, "
		"pulse_id, step, status, started) VALUES (:name, :description, :sponsor, :unit, "
		":coalition, :pulse, 1, 'active', :started) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_text(st, ":name", in->name);
	db_bind_text(st, ":description",
		     (set & IN_DESCRIPTION) && in->description ? in->description : "");
	db_bind_id(st, ":sponsor", in->sponsor_id);
	db_bind_id(st, ":unit", (set & IN_UNIT) ? in->unit_id : 0);
	db_bind_id(st, ":coalition", (set & IN_COALITION) ? in->coalition_id : 0);
	db_bind_id(st, ":pulse", (set & IN_PULSE) ? in->pulse_id : 0);
	db_bind_text(st, ":started", started);
	if (db_one_int(st, id, e) != 1)
		goto out;
	st = db_prepare(db, "INSERT INTO initiative_step (initiative_id, step, reached) "
			"VALUES (:id, 1, :day)", e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", *id);
	db_bind_text(st, ":day", started);
	if (db_step(st, e) < 0) {
		db_done(st);
		goto out;
	}
	db_done(st);
	rc = 0;
out:
	return db_end(db, rc, e);
}

#define INITIATIVE_SELECT                                                                      \
	"SELECT i.id, i.name, i.description, i.sponsor_id, p.name, i.unit_id, u.name, "        \
	"i.coalition_id, c.name, i.pulse_id, pu.title, i.step, i.status, i.started, s.reached " \
	"FROM initiative i LEFT JOIN person p ON p.id = i.sponsor_id "                         \
	"LEFT JOIN unit u ON u.id = i.unit_id LEFT JOIN coalition c ON c.id = i.coalition_id " \
	"LEFT JOIN pulse pu ON pu.id = i.pulse_id "                                            \
	"LEFT JOIN initiative_step s ON s.initiative_id = i.id AND s.step = i.step "

static const char *text_or_empty(struct arena *a, struct stmt *st, int col)
{
	const char *s = db_col_text(st, col);
	return arena_strdup(a, s ? s : "");
}

static void initiative_row(struct stmt *st, struct arena *a, void *item)
{
	struct initiative *in = item;
	in->id = db_col_int(st, 0);
	in->name = text_or_empty(a, st, 1);
	in->description = text_or_empty(a, st, 2);
	in->sponsor_id = db_col_int(st, 3);
	in->sponsor = text_or_empty(a, st, 4);
	in->unit_id = db_col_int(st, 5);
	in->unit = text_or_empty(a, st, 6);
	in->coalition_id = db_col_int(st, 7);
	in->coalition = text_or_empty(a, st, 8);
	in->pulse_id = db_col_int(st, 9);
	in->pulse = text_or_empty(a, st, 10);
	in->step = (int)db_col_int(st, 11);
	in->status = text_or_empty(a, st, 12);
	in->started = text_or_empty(a, st, 13);
	in->step_reached = db_col_is_null(st, 14) ? in->started : text_or_empty(a, st, 14);
	in->blocked_by = "";
}

/* days in step and what blocks it (the evidence of the next advance) */
static int finish(struct db *db, struct arena *a, struct initiative *in, struct err *e)
{
	int32_t d;
	in->days_in_step = date_parse(in->step_reached, &d) == 0 ? date_today() - d : 0;
	if (strcmp(in->status, "active") != 0 || in->step >= INITIATIVE_NSTEPS)
		return 0;
	struct evidence ev;
	if (evidence_get(db, a, in->id, NULL, &ev, e))
		return -1;
	const struct evidence_item *it = evidence_next_missing(&ev);
	if (it)
		in->blocked_by = it->label;
	return 0;
}

int initiative_get(struct db *db, struct arena *a, int64_t id, struct initiative *out,
		   struct err *e)
{
	struct stmt *st = db_prepare(db, INITIATIVE_SELECT "WHERE i.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		initiative_row(st, a, out);
	db_done(st);
	if (rc == 0)
		return not_found(e, id);
	if (rc < 0)
		return -1;
	return finish(db, a, out, e);
}

int initiative_list(struct db *db, struct arena *a, const struct initiative_filter *f,
		    unsigned fset, struct initiative **out, size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE INITIATIVE_SELECT
		"WHERE (:all_units = 1 OR i.unit_id IS NULL OR i.unit_id IN "
		"(SELECT id FROM subtree)) "
		"AND (:all_status = 1 OR i.status = :status) "
		"AND (:all_steps = 1 OR i.step = :step) "
		"ORDER BY CASE i.status WHEN 'active' THEN 0 WHEN 'done' THEN 1 ELSE 2 END, "
		"i.step DESC, i.name, i.id LIMIT :limit OFFSET :offset", e);
	if (!st)
		return -1;
	db_bind_int(st, ":all_units", !(fset & INF_UNIT));
	db_bind_int(st, ":unit", (fset & INF_UNIT) ? f->unit_id : 0);
	db_bind_int(st, ":all_status", !(fset & INF_STATUS));
	db_bind_text(st, ":status", (fset & INF_STATUS) ? f->status : "");
	db_bind_int(st, ":all_steps", !(fset & INF_STEP));
	db_bind_int(st, ":step", (fset & INF_STEP) ? f->step : 0);
	db_bind_int(st, ":limit", (fset & INF_LIMIT) ? f->limit : DB_NO_LIMIT);
	db_bind_int(st, ":offset", (fset & INF_OFFSET) ? f->offset : 0);
	if (db_collect(st, a, sizeof **out, initiative_row, (void **)out, n, e))
		return -1;
	for (size_t i = 0; i < *n; i++)
		if (finish(db, a, &(*out)[i], e))
			return -1;
	return 0;
}

static int must_exist(struct db *db, int64_t id, struct err *e)
{
	int rc = db_run_id(db, "SELECT 1 FROM initiative WHERE id = :id", id, e);
	if (rc == 0)
		return not_found(e, id);
	return rc < 0 ? -1 : 0;
}

int initiative_set(struct db *db, int64_t id, const struct initiative_input *in, unsigned set,
		   struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (must_exist(db, id, e) || check_refs(db, in, set, e))
		goto out;
	struct stmt *st = db_prepare(db,
		"UPDATE initiative SET "
		"name = CASE WHEN :set_name = 1 THEN :name ELSE name END, "
		"description = CASE WHEN :set_desc = 1 THEN :description ELSE description END, "
		"sponsor_id = CASE WHEN :set_sponsor = 1 THEN :sponsor ELSE sponsor_id END, "
		"unit_id = CASE WHEN :set_unit = 1 THEN :unit ELSE unit_id END, "
		"coalition_id = CASE WHEN :set_coalition = 1 THEN :coalition ELSE coalition_id END, "
		"pulse_id = CASE WHEN :set_pulse = 1 THEN :pulse ELSE pulse_id END, "
		"status = CASE WHEN :set_status = 1 THEN :status ELSE status END "
		"WHERE id = :id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":set_name", !!(set & IN_NAME));
	db_bind_text(st, ":name", (set & IN_NAME) ? in->name : "");
	db_bind_int(st, ":set_desc", !!(set & IN_DESCRIPTION));
	db_bind_text(st, ":description",
		     (set & IN_DESCRIPTION) && in->description ? in->description : "");
	db_bind_int(st, ":set_sponsor", !!(set & IN_SPONSOR));
	db_bind_id(st, ":sponsor", (set & IN_SPONSOR) ? in->sponsor_id : 0);
	db_bind_int(st, ":set_unit", !!(set & IN_UNIT));
	db_bind_id(st, ":unit", (set & IN_UNIT) ? in->unit_id : 0);
	db_bind_int(st, ":set_coalition", !!(set & IN_COALITION));
	db_bind_id(st, ":coalition", (set & IN_COALITION) ? in->coalition_id : 0);
	db_bind_int(st, ":set_pulse", !!(set & IN_PULSE));
	db_bind_id(st, ":pulse", (set & IN_PULSE) ? in->pulse_id : 0);
	db_bind_int(st, ":set_status", !!(set & IN_STATUS));
	db_bind_text(st, ":status", (set & IN_STATUS) ? in->status : "active");
	db_bind_int(st, ":id", id);
	rc = db_step(st, e) < 0 ? -1 : 0;
	db_done(st);
out:
	return db_end(db, rc, e);
}

int initiative_rm(struct db *db, int64_t id, struct err *e)
{
	static const char *const sql[] = {
		"UPDATE recognition SET win_id = NULL WHERE win_id IN "
		"(SELECT id FROM win WHERE initiative_id = :id)",
		"DELETE FROM initiative_step WHERE initiative_id = :id",
		"DELETE FROM initiative_unit WHERE initiative_id = :id",
		"DELETE FROM initiative_signal WHERE initiative_id = :id",
		"DELETE FROM initiative_theme WHERE initiative_id = :id",
		"DELETE FROM initiative_strategy WHERE initiative_id = :id",
		"DELETE FROM initiative_plan WHERE initiative_id = :id",
		"DELETE FROM initiative_comm WHERE initiative_id = :id",
		"DELETE FROM obstacle WHERE initiative_id = :id",
		"DELETE FROM win WHERE initiative_id = :id",
		"DELETE FROM anchor WHERE initiative_id = :id",
		"DELETE FROM volunteer WHERE initiative_id = :id",
		"DELETE FROM initiative WHERE id = :id",
	};
	if (db_begin(db, e))
		return -1;
	int rc = must_exist(db, id, e);
	for (size_t i = 0; rc == 0 && i < sizeof sql / sizeof sql[0]; i++)
		rc = db_run_id(db, sql[i], id, e) < 0 ? -1 : 0;
	return db_end(db, rc, e);
}

int initiative_unit_of(struct db *db, int64_t id, int64_t *unit_id, struct err *e)
{
	struct stmt *st = db_prepare(db,
		"SELECT coalesce(unit_id, 0) FROM initiative WHERE id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_one_int(st, unit_id, e);
	if (rc == 0)
		return not_found(e, id);
	return rc < 0 ? -1 : 0;
}

/* ---- links ---- */

const char *const initiative_link_kinds[] = {"unit", "signal", "theme", "strategy", "plan",
					     "comm", NULL};

static const struct {
	const char *table, *column, *what, *exists, *names;
} links[IL_NKINDS] = {
	[IL_UNIT] = {"initiative_unit", "unit_id", "unit", "SELECT 1 FROM unit WHERE id = :id",
		     "SELECT t.id, t.name FROM initiative_unit l JOIN unit t ON t.id = l.unit_id "
		     "WHERE l.initiative_id = :id ORDER BY t.name, t.id"},
	[IL_SIGNAL] = {"initiative_signal", "signal_id", "signal",
		       "SELECT 1 FROM signal WHERE id = :id",
		       "SELECT t.id, t.observed FROM initiative_signal l "
		       "JOIN signal t ON t.id = l.signal_id "
		       "WHERE l.initiative_id = :id ORDER BY t.day DESC, t.id"},
	[IL_THEME] = {"initiative_theme", "theme_id", "theme",
		      "SELECT 1 FROM theme WHERE id = :id",
		      "SELECT t.id, t.name FROM initiative_theme l JOIN theme t ON t.id = l.theme_id "
		      "WHERE l.initiative_id = :id ORDER BY t.name, t.id"},
	[IL_STRATEGY] = {"initiative_strategy", "strategy_id", "strategy",
			 "SELECT 1 FROM strategy WHERE id = :id",
			 "SELECT t.id, t.name FROM initiative_strategy l "
			 "JOIN strategy t ON t.id = l.strategy_id "
			 "WHERE l.initiative_id = :id ORDER BY t.name, t.id"},
	[IL_PLAN] = {"initiative_plan", "plan_id", "plan", "SELECT 1 FROM plan WHERE id = :id",
		     "SELECT t.id, t.name FROM initiative_plan l JOIN plan t ON t.id = l.plan_id "
		     "WHERE l.initiative_id = :id ORDER BY t.name, t.id"},
	[IL_COMM] = {"initiative_comm", "comm_id", "communication",
		     "SELECT 1 FROM comm WHERE id = :id",
		     "SELECT t.id, t.title FROM initiative_comm l JOIN comm t ON t.id = l.comm_id "
		     "WHERE l.initiative_id = :id ORDER BY t.day, t.id"},
};

int initiative_link_kind_parse(const char *name)
{
	if (!name)
		return -1;
	size_t len = strlen(name);
	for (int k = 0; k < IL_NKINDS; k++) {
		size_t kl = strlen(initiative_link_kinds[k]);
		if (strcmp(name, initiative_link_kinds[k]) == 0 ||
		    (len == kl + 1 && strncmp(name, initiative_link_kinds[k], kl) == 0 &&
		     name[kl] == 's'))
			return k;
	}
	if (strcmp(name, "strategies") == 0)
		return IL_STRATEGY;
	return -1;
}

/* The link's statements, by kind; built from fixed fragments, never input. */
static const char *link_sql(struct arena *a, enum initiative_link_kind k, const char *verb)
{
	if (strcmp(verb, "exists") == 0)
		return arena_printf(a, "SELECT 1 FROM %s WHERE initiative_id = :id AND %s = :target",
				    links[k].table, links[k].column);
	if (strcmp(verb, "insert") == 0)
		return arena_printf(a, "INSERT INTO %s (initiative_id, %s) VALUES (:id, :target)",
				    links[k].table, links[k].column);
	return arena_printf(a, "DELETE FROM %s WHERE initiative_id = :id AND %s = :target",
			    links[k].table, links[k].column);
}

static int run_pair(struct db *db, const char *sql, int64_t id, int64_t target, int64_t *found,
		    struct err *e)
{
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	db_bind_int(st, ":target", target);
	if (found)
		return db_one_int(st, found, e);
	int rc = db_step(st, e);
	db_done(st);
	return rc < 0 ? -1 : 0;
}

static int link_change(struct db *db, int64_t id, enum initiative_link_kind kind,
		       int64_t target, int add, struct err *e)
{
	if ((int)kind < 0 || kind >= IL_NKINDS)
		return err_set(e, ERR_BAD_INPUT, "kind", "kind: one of unit, signal, theme, "
			       "strategy, plan, comm");
	char field[32];
	snprintf(field, sizeof field, "%s_id", initiative_link_kinds[kind]);
	if (target <= 0)
		return err_set(e, ERR_BAD_INPUT, field, "%s: needs a positive id", field);
	struct arena a = ARENA_INIT;
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	int64_t found = 0;
	const char *exists = link_sql(&a, kind, "exists");
	const char *change = link_sql(&a, kind, add ? "insert" : "delete");
	if (!exists || !change) {
		err_set(e, ERR_INTERNAL, "", "out of memory");
		goto out;
	}
	if (must_exist(db, id, e) ||
	    ref_exists(db, links[kind].exists, target, field, links[kind].what, e))
		goto out;
	int got = run_pair(db, exists, id, target, &found, e);
	if (got < 0)
		goto out;
	if (add && got == 1) {
		err_set(e, ERR_CONFLICT, field, "%s: %s %lld is already linked to initiative %lld",
			field, links[kind].what, (long long)target, (long long)id);
		goto out;
	}
	if (!add && got == 0) {
		err_set(e, ERR_NOT_FOUND, field, "%s: %s %lld is not linked to initiative %lld",
			field, links[kind].what, (long long)target, (long long)id);
		goto out;
	}
	rc = run_pair(db, change, id, target, NULL, e);
out:
	arena_free(&a);
	return db_end(db, rc, e);
}

int initiative_link(struct db *db, int64_t id, enum initiative_link_kind kind, int64_t target,
		    struct err *e)
{
	return link_change(db, id, kind, target, 1, e);
}

int initiative_unlink(struct db *db, int64_t id, enum initiative_link_kind kind, int64_t target,
		      struct err *e)
{
	return link_change(db, id, kind, target, 0, e);
}

static void ref_row(struct stmt *st, struct arena *a, void *item)
{
	struct initiative_ref *r = item;
	r->id = db_col_int(st, 0);
	r->name = text_or_empty(a, st, 1);
}

static int refs(struct db *db, struct arena *a, const char *sql, int64_t id,
		struct initiative_ref **out, size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	return db_collect(st, a, sizeof **out, ref_row, (void **)out, n, e);
}

int initiative_affected_units(struct db *db, struct arena *a, int64_t id,
			      struct initiative_ref **out, size_t *n, struct err *e)
{
	if (must_exist(db, id, e))
		return -1;
	struct stmt *st = db_prepare(db, INITIATIVE_AFFECTED_CTE
		"SELECT u.id, u.name FROM base b JOIN unit u ON u.id = b.id "
		"WHERE u.parent_id IS NULL OR u.parent_id NOT IN (SELECT id FROM aff) "
		"ORDER BY u.name, u.id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":init", id);
	return db_collect(st, a, sizeof **out, ref_row, (void **)out, n, e);
}

static void obstacle_row(struct stmt *st, struct arena *a, void *item)
{
	struct obstacle *o = item;
	o->id = db_col_int(st, 0);
	o->initiative_id = db_col_int(st, 1);
	o->title = text_or_empty(a, st, 2);
	o->owner_id = db_col_int(st, 3);
	o->owner = text_or_empty(a, st, 4);
	o->status = text_or_empty(a, st, 5);
	o->opened = text_or_empty(a, st, 6);
	o->resolved = db_col_is_null(st, 7) ? NULL : text_or_empty(a, st, 7);
}

static void win_row(struct stmt *st, struct arena *a, void *item)
{
	struct win *w = item;
	w->id = db_col_int(st, 0);
	w->initiative_id = db_col_int(st, 1);
	w->title = text_or_empty(a, st, 2);
	w->day = text_or_empty(a, st, 3);
	w->note = text_or_empty(a, st, 4);
	w->recognitions = db_col_int(st, 5);
}

static void anchor_row(struct stmt *st, struct arena *a, void *item)
{
	struct anchor *an = item;
	an->id = db_col_int(st, 0);
	an->initiative_id = db_col_int(st, 1);
	an->kind = text_or_empty(a, st, 2);
	an->value_id = db_col_int(st, 3);
	an->value = text_or_empty(a, st, 4);
	an->text = text_or_empty(a, st, 5);
	an->day = text_or_empty(a, st, 6);
}

static void volunteer_row(struct stmt *st, struct arena *a, void *item)
{
	struct volunteer *v = item;
	v->initiative_id = db_col_int(st, 0);
	v->person_id = db_col_int(st, 1);
	v->person = text_or_empty(a, st, 2);
	v->unit_id = db_col_int(st, 3);
	v->unit = text_or_empty(a, st, 4);
	v->role = text_or_empty(a, st, 5);
	v->joined = text_or_empty(a, st, 6);
}

static void step_row(struct stmt *st, struct arena *a, void *item)
{
	struct initiative_step_rec *s = item;
	s->step = (int)db_col_int(st, 0);
	s->reached = text_or_empty(a, st, 1);
	s->override_reason = db_col_is_null(st, 2) ? NULL : text_or_empty(a, st, 2);
	s->override_by = db_col_is_null(st, 3) ? NULL : text_or_empty(a, st, 3);
}

static int collect_id(struct db *db, struct arena *a, const char *sql, int64_t id, size_t elem,
		      db_row_fn row, void **out, size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	return db_collect(st, a, elem, row, out, n, e);
}

int initiative_links_get(struct db *db, struct arena *a, int64_t id,
			 struct initiative_links *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	if (must_exist(db, id, e))
		return -1;
	if (refs(db, a, links[IL_UNIT].names, id, &out->units, &out->n_units, e) ||
	    refs(db, a, links[IL_SIGNAL].names, id, &out->signals, &out->n_signals, e) ||
	    refs(db, a, links[IL_THEME].names, id, &out->themes, &out->n_themes, e) ||
	    refs(db, a, links[IL_STRATEGY].names, id, &out->strategies, &out->n_strategies, e) ||
	    refs(db, a, links[IL_PLAN].names, id, &out->plans, &out->n_plans, e) ||
	    refs(db, a, links[IL_COMM].names, id, &out->comms, &out->n_comms, e))
		return -1;
	if (collect_id(db, a,
		       "SELECT o.id, o.initiative_id, o.title, o.owner_id, p.name, o.status, "
		       "o.opened, o.resolved FROM obstacle o LEFT JOIN person p ON p.id = o.owner_id "
		       "WHERE o.initiative_id = :id ORDER BY o.opened, o.id",
		       id, sizeof *out->obstacles, obstacle_row, (void **)&out->obstacles,
		       &out->n_obstacles, e))
		return -1;
	if (collect_id(db, a,
		       "SELECT w.id, w.initiative_id, w.title, w.day, w.note, "
		       "(SELECT count(*) FROM recognition r WHERE r.win_id = w.id) "
		       "FROM win w WHERE w.initiative_id = :id ORDER BY w.day, w.id",
		       id, sizeof *out->wins, win_row, (void **)&out->wins, &out->n_wins, e))
		return -1;
	if (collect_id(db, a,
		       "SELECT an.id, an.initiative_id, an.kind, an.value_id, v.name, an.text, an.day "
		       "FROM anchor an LEFT JOIN org_value v ON v.id = an.value_id "
		       "WHERE an.initiative_id = :id ORDER BY an.day, an.id",
		       id, sizeof *out->anchors, anchor_row, (void **)&out->anchors,
		       &out->n_anchors, e))
		return -1;
	if (collect_id(db, a,
		       "SELECT v.initiative_id, v.person_id, p.name, p.unit_id, u.name, v.role, "
		       "v.joined FROM volunteer v JOIN person p ON p.id = v.person_id "
		       "LEFT JOIN unit u ON u.id = p.unit_id "
		       "WHERE v.initiative_id = :id ORDER BY p.name, p.id",
		       id, sizeof *out->volunteers, volunteer_row, (void **)&out->volunteers,
		       &out->n_volunteers, e))
		return -1;
	return collect_id(db, a,
			  "SELECT step, reached, override_reason, override_by FROM initiative_step "
			  "WHERE initiative_id = :id ORDER BY step",
			  id, sizeof *out->steps, step_row, (void **)&out->steps, &out->n_steps, e);
}

/* ---- JSON ---- */

json_t *initiative_json(const struct initiative *in)
{
	json_t *o = json_object();
	json_set_int(o, "id", in->id);
	json_set_str(o, "name", in->name);
	json_set_str(o, "description", in->description);
	json_set_id(o, "sponsor_id", in->sponsor_id);
	json_set_str(o, "sponsor", in->sponsor);
	json_set_id(o, "unit_id", in->unit_id);
	json_set_str(o, "unit", in->unit);
	json_set_id(o, "coalition_id", in->coalition_id);
	json_set_str(o, "coalition", in->coalition);
	json_set_id(o, "pulse_id", in->pulse_id);
	json_set_str(o, "pulse", in->pulse);
	json_set_int(o, "step", in->step);
	json_set_str(o, "step_name", initiative_step_name(in->step));
	json_set_str(o, "status", in->status);
	json_set_str(o, "started", in->started);
	json_set_str(o, "step_reached", in->step_reached);
	json_set_int(o, "days_in_step", in->days_in_step);
	json_set_str(o, "blocked_by", in->blocked_by);
	return o;
}

static json_t *refs_json(const struct initiative_ref *v, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		json_set_int(o, "id", v[i].id);
		json_set_str(o, "name", v[i].name);
		json_array_append_new(arr, o);
	}
	return arr;
}

json_t *obstacle_json(const struct obstacle *ob)
{
	json_t *o = json_object();
	json_set_int(o, "id", ob->id);
	json_set_int(o, "initiative_id", ob->initiative_id);
	json_set_str(o, "title", ob->title);
	json_set_id(o, "owner_id", ob->owner_id);
	json_set_str(o, "owner", ob->owner);
	json_set_str(o, "status", ob->status);
	json_set_str(o, "opened", ob->opened);
	json_set_str(o, "resolved", ob->resolved);
	return o;
}

json_t *win_json(const struct win *w)
{
	json_t *o = json_object();
	json_set_int(o, "id", w->id);
	json_set_int(o, "initiative_id", w->initiative_id);
	json_set_str(o, "title", w->title);
	json_set_str(o, "day", w->day);
	json_set_str(o, "note", w->note);
	json_set_int(o, "recognitions", w->recognitions);
	return o;
}

json_t *anchor_json(const struct anchor *an)
{
	json_t *o = json_object();
	json_set_int(o, "id", an->id);
	json_set_int(o, "initiative_id", an->initiative_id);
	json_set_str(o, "kind", an->kind);
	json_set_id(o, "value_id", an->value_id);
	json_set_str(o, "value", an->value);
	json_set_str(o, "text", an->text);
	json_set_str(o, "day", an->day);
	return o;
}

json_t *volunteer_json(const struct volunteer *v)
{
	json_t *o = json_object();
	json_set_int(o, "initiative_id", v->initiative_id);
	json_set_int(o, "person_id", v->person_id);
	json_set_str(o, "person", v->person);
	json_set_id(o, "unit_id", v->unit_id);
	json_set_str(o, "unit", v->unit);
	json_set_str(o, "role", v->role);
	json_set_str(o, "joined", v->joined);
	return o;
}

json_t *initiative_links_json(const struct initiative_links *l)
{
	json_t *o = json_object();
	json_object_set_new(o, "units", refs_json(l->units, l->n_units));
	json_object_set_new(o, "signals", refs_json(l->signals, l->n_signals));
	json_object_set_new(o, "themes", refs_json(l->themes, l->n_themes));
	json_object_set_new(o, "strategies", refs_json(l->strategies, l->n_strategies));
	json_object_set_new(o, "plans", refs_json(l->plans, l->n_plans));
	json_object_set_new(o, "comms", refs_json(l->comms, l->n_comms));
	json_t *arr = json_array();
	for (size_t i = 0; i < l->n_obstacles; i++)
		json_array_append_new(arr, obstacle_json(&l->obstacles[i]));
	json_object_set_new(o, "obstacles", arr);
	arr = json_array();
	for (size_t i = 0; i < l->n_wins; i++)
		json_array_append_new(arr, win_json(&l->wins[i]));
	json_object_set_new(o, "wins", arr);
	arr = json_array();
	for (size_t i = 0; i < l->n_anchors; i++)
		json_array_append_new(arr, anchor_json(&l->anchors[i]));
	json_object_set_new(o, "anchors", arr);
	arr = json_array();
	for (size_t i = 0; i < l->n_volunteers; i++)
		json_array_append_new(arr, volunteer_json(&l->volunteers[i]));
	json_object_set_new(o, "volunteers", arr);
	arr = json_array();
	for (size_t i = 0; i < l->n_steps; i++) {
		json_t *s = json_object();
		json_set_int(s, "step", l->steps[i].step);
		json_set_str(s, "name", initiative_step_name(l->steps[i].step));
		json_set_str(s, "reached", l->steps[i].reached);
		json_set_str(s, "override_reason", l->steps[i].override_reason);
		json_set_str(s, "override_by", l->steps[i].override_by);
		json_array_append_new(arr, s);
	}
	json_object_set_new(o, "steps", arr);
	return o;
}
