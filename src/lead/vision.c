/* vision: see vision.h. */
#include "lead/vision.h"

#include <string.h>
#include <time.h>

#include "base/date.h"
#include "base/json.h"
#include "org/unit.h"

const struct field vision_fields[] = {
	{.name = "statement", .type = FT_TEXT, .offset = offsetof(struct vision_input, statement),
	 .bit = VI_STATEMENT, .max = 2000, .required = 1,
	 .help = "the vision: where we are going, in a sentence or two"},
	{.name = "horizon", .type = FT_INT, .offset = offsetof(struct vision_input, horizon),
	 .bit = VI_HORIZON, .min = 2000, .max = 2200, .required = 1,
	 .help = "the year it looks to"},
	{.name = "review_date", .type = FT_DATE,
	 .offset = offsetof(struct vision_input, review_date), .bit = VI_REVIEW, .nullable = 1,
	 .help = "when to look at it again (none)"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct vision_input, unit_id),
	 .bit = VI_UNIT, .nullable = 1, .help = "a unit's vision (none: the organization's)"},
	{.name = "serves", .type = FT_TEXT, .offset = offsetof(struct vision_input, serves),
	 .bit = VI_SERVES, .max = 1000,
	 .help = "how a unit's vision serves the organization's (required with --unit)"},
	{0},
};

const struct field vision_filter_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct vision_filter, unit_id),
	 .bit = VIF_UNIT, .help = "the unit's vision (default: the organization's)"},
	{0},
};

/* 1 when s holds nothing but spaces, tabs and line breaks. */
static int blank(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n')
			return 0;
	return 1;
}

int vision_set(struct db *db, const struct vision_input *in, unsigned set, const char *author,
	       int64_t *id, struct err *e)
{
	if (fields_require(vision_fields, set, e))
		return -1;
	int64_t unit = (set & VI_UNIT) ? in->unit_id : 0;
	const char *serves = (set & VI_SERVES) && in->serves ? in->serves : "";
	if (blank(in->statement))
		return err_set(e, ERR_BAD_INPUT, "statement", "statement: must not be empty");
	if (in->horizon < 2000 || in->horizon > 2200)
		return err_set(e, ERR_BAD_INPUT, "horizon",
			       "horizon: must be a year from 2000 to 2200");
	if (unit && blank(serves))
		return err_set(e, ERR_BAD_INPUT, "serves",
			       "serves: a unit's vision must say how it serves the "
			       "organization's");
	if (!unit && !blank(serves))
		return err_set(e, ERR_BAD_INPUT, "serves",
			       "serves: only a unit's vision serves the organization's (give "
			       "--unit, or no serves)");
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (unit && unit_must_exist(db, unit, "unit_id", e))
		goto out;
	struct stmt *st = db_prepare(db,
		"SELECT coalesce(max(version), 0) FROM vision WHERE coalesce(unit_id, 0) = :scope",
		e);
	int64_t last = 0;
	if (!st)
		goto out;
	db_bind_int(st, ":scope", unit);
	if (db_one_int(st, &last, e) < 0)
		goto out;
	st = db_prepare(db, "UPDATE vision SET current = 0 "
			    "WHERE coalesce(unit_id, 0) = :scope AND current = 1", e);
	if (!st)
		goto out;
	db_bind_int(st, ":scope", unit);
	int r = db_step(st, e);
	db_done(st);
	if (r < 0)
		goto out;
	st = db_prepare(db,
		"INSERT INTO vision (unit_id, version, statement, horizon, review_date, serves, "
		"current, author, created_at) VALUES (:unit, :version, :statement, :horizon, "
		":review, :serves, 1, :author, :at) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_id(st, ":unit", unit);
	db_bind_int(st, ":version", last + 1);
	db_bind_text(st, ":statement", in->statement);
	db_bind_int(st, ":horizon", in->horizon);
	db_bind_text(st, ":review", (set & VI_REVIEW) ? in->review_date : NULL);
	db_bind_text(st, ":serves", serves);
	db_bind_text(st, ":author", author ? author : "");
	db_bind_int(st, ":at", (int64_t)time(NULL));
	if (db_one_int(st, id, e) == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

#define VISION_SELECT                                                                    \
	"SELECT v.id, coalesce(v.unit_id, 0), u.name, v.version, v.statement, v.horizon, " \
	"v.review_date, v.serves, v.current, v.author, v.created_at "                      \
	"FROM vision v LEFT JOIN unit u ON u.id = v.unit_id "

static void vision_row(struct stmt *st, struct arena *a, void *item)
{
	struct vision *v = item;
	memset(v, 0, sizeof *v);
	v->id = db_col_int(st, 0);
	v->unit_id = db_col_int(st, 1);
	v->unit = arena_strdup(a, db_col_text(st, 2));
	v->version = db_col_int(st, 3);
	v->statement = arena_strdup(a, db_col_text(st, 4));
	v->horizon = db_col_int(st, 5);
	v->review_date = arena_strdup(a, db_col_text(st, 6));
	v->serves = arena_strdup(a, db_col_text(st, 7) ? db_col_text(st, 7) : "");
	v->current = (int)db_col_int(st, 8);
	v->author = arena_strdup(a, db_col_text(st, 9) ? db_col_text(st, 9) : "");
	v->created_at = db_col_int(st, 10);
	int32_t review;
	v->due = v->review_date && date_parse(v->review_date, &review) == 0 &&
		 review < date_today();
}

int vision_current(struct db *db, struct arena *a, int64_t unit_id, struct vision *v,
		   struct err *e)
{
	if (unit_id && unit_must_exist(db, unit_id, "unit_id", e))
		return -1;
	struct stmt *st = db_prepare(db, VISION_SELECT
		"WHERE coalesce(v.unit_id, 0) = :scope AND v.current = 1", e);
	if (!st)
		return -1;
	db_bind_int(st, ":scope", unit_id);
	int rc = db_step(st, e);
	if (rc == 1)
		vision_row(st, a, v);
	db_done(st);
	if (rc == 0) {
		if (unit_id)
			return err_set(e, ERR_NOT_FOUND, "unit_id",
				       "unit_id: unit %lld has no vision yet", (long long)unit_id);
		return err_set(e, ERR_NOT_FOUND, "", "the organization has no vision yet");
	}
	return rc < 0 ? -1 : 0;
}

int vision_history(struct db *db, struct arena *a, int64_t unit_id, struct vision **out,
		   size_t *n, struct err *e)
{
	if (unit_id && unit_must_exist(db, unit_id, "unit_id", e))
		return -1;
	struct stmt *st = db_prepare(db, VISION_SELECT
		"WHERE coalesce(v.unit_id, 0) = :scope ORDER BY v.version DESC", e);
	if (!st)
		return -1;
	db_bind_int(st, ":scope", unit_id);
	return db_collect(st, a, sizeof **out, vision_row, (void **)out, n, e);
}

int vision_list(struct db *db, struct arena *a, int64_t unit_id, struct vision **out,
		size_t *n, struct err *e)
{
	if (unit_id && unit_must_exist(db, unit_id, "unit_id", e))
		return -1;
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE VISION_SELECT
		"WHERE v.current = 1 AND (v.unit_id IS NULL OR :all_units = 1 OR "
		"v.unit_id IN (SELECT id FROM subtree)) "
		"ORDER BY CASE WHEN v.unit_id IS NULL THEN 0 ELSE 1 END, u.name, v.id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":unit", unit_id);
	db_bind_int(st, ":all_units", unit_id == 0);
	return db_collect(st, a, sizeof **out, vision_row, (void **)out, n, e);
}

json_t *vision_json(const struct vision *v)
{
	json_t *o = json_object();
	json_set_int(o, "id", v->id);
	json_set_id(o, "unit_id", v->unit_id);
	json_set_str(o, "unit", v->unit);
	json_set_int(o, "version", v->version);
	json_set_str(o, "statement", v->statement);
	json_set_int(o, "horizon", v->horizon);
	json_set_str(o, "review_date", v->review_date);
	json_object_set_new(o, "due_for_review", json_boolean(v->due));
	json_set_str(o, "serves", v->serves);
	json_object_set_new(o, "current", json_boolean(v->current));
	json_set_str(o, "author", v->author);
	json_set_int(o, "created_at", v->created_at);
	return o;
}
