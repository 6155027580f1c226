/* position: a unit's positions, their headcount and the skills they
 * require; see staffing.h. */
#include "manage/staffing.h"

#include <string.h>

#include "base/json.h"
#include "org/unit.h"

const struct field position_fields[] = {
	{.name = "title", .type = FT_TEXT, .offset = offsetof(struct position_input, title),
	 .bit = POS_TITLE, .max = 200, .required = 1, .help = "the position's title"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct position_input, unit_id),
	 .bit = POS_UNIT, .required = 1, .help = "the unit it belongs to"},
	{.name = "headcount", .type = FT_INT, .offset = offsetof(struct position_input, headcount),
	 .bit = POS_HEADCOUNT, .min = 0, .max = 100000,
	 .help = "how many people it takes (default 1)"},
	{0},
};

const struct field position_filter_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct position_filter, unit_id),
	 .bit = POF_UNIT, .help = "only positions of this unit and its sub-units"},
	{.name = "vacant", .type = FT_BOOL, .offset = offsetof(struct position_filter, vacant),
	 .bit = POF_VACANT, .help = "only positions with a vacancy (true or false)"},
	{.name = "limit", .type = FT_INT, .offset = offsetof(struct position_filter, limit),
	 .bit = POF_LIMIT, .min = 0, .max = 1000000000, .help = "at most this many"},
	{.name = "offset", .type = FT_INT, .offset = offsetof(struct position_filter, offset),
	 .bit = POF_OFFSET, .min = 0, .max = INT64_MAX, .help = "skip this many"},
	{0},
};

int position_must_exist(struct db *db, int64_t id, const char *field, struct err *e)
{
	int rc = db_run_id(db, "SELECT 1 FROM position WHERE id = :id", id, e);
	if (rc < 0)
		return -1;
	if (rc == 0 && strcmp(field, "id") == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no position with id %lld", (long long)id);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, field, "%s: no position with id %lld", field,
			       (long long)id);
	return 0;
}

int position_add(struct db *db, const struct position_input *in, unsigned set, int64_t *id,
		 struct err *e)
{
	if (fields_require(position_fields, set, e))
		return -1;
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (unit_must_exist(db, in->unit_id, "unit_id", e))
		goto out;
	struct stmt *st = db_prepare(db, "INSERT INTO position (unit_id, title, headcount) "
					 "VALUES (:unit, :title, :headcount) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":unit", in->unit_id);
	db_bind_text(st, ":title", in->title);
	db_bind_int(st, ":headcount", (set & POS_HEADCOUNT) ? in->headcount : 1);
	if (db_one_int(st, id, e) == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

#define POSITION_SELECT                                                                \
	"SELECT p.id, p.unit_id, u.name, p.title, p.headcount, "                        \
	"(SELECT count(*) FROM staffing s WHERE s.position_id = p.id) "                 \
	"FROM position p JOIN unit u ON u.id = p.unit_id "

static void position_row(struct stmt *st, struct arena *a, void *item)
{
	struct position *p = item;
	p->id = db_col_int(st, 0);
	p->unit_id = db_col_int(st, 1);
	p->unit_name = arena_strdup(a, db_col_text(st, 2));
	p->title = arena_strdup(a, db_col_text(st, 3));
	p->headcount = db_col_int(st, 4);
	p->filled = db_col_int(st, 5);
	p->vacancies = p->headcount > p->filled ? p->headcount - p->filled : 0;
}

static void pos_skill_row(struct stmt *st, struct arena *a, void *item)
{
	struct pos_skill *k = item;
	k->skill_id = db_col_int(st, 0);
	k->name = arena_strdup(a, db_col_text(st, 1));
	k->level = db_col_int(st, 2);
}

int position_get(struct db *db, struct arena *a, int64_t id, struct position *p,
		 struct err *e)
{
	struct stmt *st = db_prepare(db, POSITION_SELECT "WHERE p.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		position_row(st, a, p);
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no position with id %lld", (long long)id);
	if (rc < 0)
		return -1;
	p->detail = 1;
	st = db_prepare(db, "SELECT k.skill_id, s.name, k.level FROM position_skill k "
			    "JOIN skill s ON s.id = k.skill_id WHERE k.position_id = :id "
			    "ORDER BY s.name, s.id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	return db_collect(st, a, sizeof *p->skills, pos_skill_row, (void **)&p->skills,
			  &p->nskills, e);
}

int position_list(struct db *db, struct arena *a, const struct position_filter *f,
		  unsigned fset, struct position **out, size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE POSITION_SELECT
		"WHERE (:all_units = 1 OR p.unit_id IN (SELECT id FROM subtree)) "
		"AND (:vacant = 0 OR p.headcount > "
		"(SELECT count(*) FROM staffing s WHERE s.position_id = p.id)) "
		"ORDER BY u.name, u.id, p.title, p.id LIMIT :limit OFFSET :offset", e);
	if (!st)
		return -1;
	db_bind_int(st, ":all_units", !(fset & POF_UNIT));
	db_bind_int(st, ":unit", (fset & POF_UNIT) ? f->unit_id : 0);
	db_bind_int(st, ":vacant", (fset & POF_VACANT) && f->vacant);
	db_bind_int(st, ":limit", (fset & POF_LIMIT) ? f->limit : DB_NO_LIMIT);
	db_bind_int(st, ":offset", (fset & POF_OFFSET) ? f->offset : 0);
	return db_collect(st, a, sizeof **out, position_row, (void **)out, n, e);
}

/* The number of people holding position id. */
static int holders(struct db *db, int64_t id, int64_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT count(*) FROM staffing WHERE position_id = :id",
				     e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	return db_one_int(st, n, e) < 0 ? -1 : 0;
}

int position_set(struct db *db, int64_t id, const struct position_input *in, unsigned set,
		 struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	int64_t held = 0;
	if (position_must_exist(db, id, "id", e) ||
	    ((set & POS_UNIT) && unit_must_exist(db, in->unit_id, "unit_id", e)) ||
	    holders(db, id, &held, e))
		goto out;
	if ((set & POS_HEADCOUNT) && in->headcount < held) {
		err_set(e, ERR_CONFLICT, "headcount",
			"headcount: position %lld has %lld people; its headcount cannot go below "
			"%lld until someone leaves it", (long long)id, (long long)held,
			(long long)held);
		goto out;
	}
	struct stmt *st = db_prepare(db,
		"UPDATE position SET "
		"title = CASE WHEN :set_title = 1 THEN :title ELSE title END, "
		"unit_id = CASE WHEN :set_unit = 1 THEN :unit ELSE unit_id END, "
		"headcount = CASE WHEN :set_headcount = 1 THEN :headcount ELSE headcount END "
		"WHERE id = :id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":set_title", !!(set & POS_TITLE));
	db_bind_text(st, ":title", (set & POS_TITLE) ? in->title : "");
	db_bind_int(st, ":set_unit", !!(set & POS_UNIT));
	db_bind_int(st, ":unit", (set & POS_UNIT) ? in->unit_id : 0);
	db_bind_int(st, ":set_headcount", !!(set & POS_HEADCOUNT));
	db_bind_int(st, ":headcount", (set & POS_HEADCOUNT) ? in->headcount : 0);
	db_bind_int(st, ":id", id);
	if (db_step(st, e) >= 0)
		rc = 0;
	db_done(st);
out:
	return db_end(db, rc, e);
}

int position_rm(struct db *db, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	int64_t held = 0;
	if (position_must_exist(db, id, "id", e) || holders(db, id, &held, e))
		goto out;
	if (held) {
		err_set(e, ERR_CONFLICT, "id",
			"position %lld still has %lld person(s) in it: remove their staffing first",
			(long long)id, (long long)held);
		goto out;
	}
	if (db_run_id(db, "DELETE FROM position_skill WHERE position_id = :id", id, e) >= 0 &&
	    db_run_id(db, "DELETE FROM position WHERE id = :id", id, e) >= 0)
		rc = 0;
out:
	return db_end(db, rc, e);
}

int position_need(struct db *db, int64_t id, const struct level_input *in, unsigned set,
		  struct err *e)
{
	if (fields_require(level_fields, set, e) || skill_level_check(in->level, "level", e))
		return -1;
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (position_must_exist(db, id, "id", e) ||
	    skill_must_exist(db, in->skill_id, "skill_id", e))
		goto out;
	struct stmt *st = db_prepare(db, "DELETE FROM position_skill WHERE position_id = :pos "
					 "AND skill_id = :skill", e);
	if (!st)
		goto out;
	db_bind_int(st, ":pos", id);
	db_bind_int(st, ":skill", in->skill_id);
	int r = db_step(st, e);
	db_done(st);
	if (r < 0)
		goto out;
	st = db_prepare(db, "INSERT INTO position_skill (position_id, skill_id, level) "
			    "VALUES (:pos, :skill, :level)", e);
	if (!st)
		goto out;
	db_bind_int(st, ":pos", id);
	db_bind_int(st, ":skill", in->skill_id);
	db_bind_int(st, ":level", in->level);
	r = db_step(st, e);
	db_done(st);
	if (r >= 0)
		rc = 0;
out:
	return db_end(db, rc, e);
}

int position_unneed(struct db *db, int64_t id, int64_t skill_id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (position_must_exist(db, id, "id", e) || skill_must_exist(db, skill_id, "skill_id", e))
		goto out;
	struct stmt *st = db_prepare(db, "DELETE FROM position_skill WHERE position_id = :pos "
					 "AND skill_id = :skill RETURNING skill_id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":pos", id);
	db_bind_int(st, ":skill", skill_id);
	int64_t gone = 0;
	int r = db_one_int(st, &gone, e);
	if (r == 0)
		err_set(e, ERR_NOT_FOUND, "skill_id",
			"skill_id: position %lld does not require skill %lld", (long long)id,
			(long long)skill_id);
	else if (r == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

json_t *position_json(const struct position *p)
{
	json_t *o = json_object();
	json_set_int(o, "id", p->id);
	json_set_str(o, "title", p->title);
	json_set_int(o, "unit_id", p->unit_id);
	json_set_str(o, "unit", p->unit_name);
	json_set_int(o, "headcount", p->headcount);
	json_set_int(o, "filled", p->filled);
	json_set_int(o, "vacancies", p->vacancies);
	if (p->detail) {
		json_t *v = json_array();
		for (size_t i = 0; i < p->nskills; i++) {
			json_t *k = json_object();
			json_set_int(k, "skill_id", p->skills[i].skill_id);
			json_set_str(k, "skill", p->skills[i].name);
			json_set_int(k, "level", p->skills[i].level);
			json_set_str(k, "level_name", skill_level_name(p->skills[i].level));
			json_array_append_new(v, k);
		}
		json_object_set_new(o, "skills", v);
	}
	return o;
}
