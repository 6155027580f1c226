/* skill: the skill catalogue and each person's skills; see staffing.h. */
#include "manage/staffing.h"

#include <string.h>

#include "base/json.h"
#include "org/person.h"

static const char *const level_names[] = {"none", "aware", "beginner", "practitioner",
					  "advanced", "expert"};

const char *skill_level_name(int64_t level)
{
	return level >= 0 && level <= LEVEL_MAX ? level_names[level] : NULL;
}

int skill_level_check(int64_t level, const char *field, struct err *e)
{
	if (level >= LEVEL_MIN && level <= LEVEL_MAX)
		return 0;
	return err_set(e, ERR_BAD_INPUT, field,
		       "%s: %lld is an unknown skill level: levels are 1 aware, 2 beginner, "
		       "3 practitioner, 4 advanced, 5 expert", field, (long long)level);
}

const struct field skill_fields[] = {
	{.name = "name", .type = FT_TEXT, .offset = offsetof(struct skill_input, name),
	 .bit = SKILL_NAME, .max = 200, .required = 1, .help = "the skill's name (unique)"},
	{.name = "description", .type = FT_TEXT,
	 .offset = offsetof(struct skill_input, description), .bit = SKILL_DESCRIPTION,
	 .max = 2000, .help = "what it covers"},
	{0},
};

const struct field skill_filter_fields[] = {
	{.name = "person_id", .type = FT_ID, .offset = offsetof(struct skill_filter, person_id),
	 .bit = SKF_PERSON, .help = "only this person's skills, with their level"},
	{0},
};

/* The level is checked by the domain (skill_level_check), so that every
 * front-end says "an unknown skill level" alike: the field takes any
 * whole number. */
const struct field level_fields[] = {
	{.name = "skill_id", .type = FT_ID, .offset = offsetof(struct level_input, skill_id),
	 .bit = LV_SKILL, .required = 1, .help = "the skill"},
	{.name = "level", .type = FT_INT, .offset = offsetof(struct level_input, level),
	 .bit = LV_LEVEL, .min = INT64_MIN, .max = INT64_MAX, .required = 1,
	 .help = "1 aware, 2 beginner, 3 practitioner, 4 advanced, 5 expert"},
	{0},
};

const struct field unlevel_fields[] = {
	{.name = "skill_id", .type = FT_ID, .offset = offsetof(struct level_input, skill_id),
	 .bit = LV_SKILL, .required = 1, .help = "the skill"},
	{0},
};

int skill_must_exist(struct db *db, int64_t id, const char *field, struct err *e)
{
	int rc = db_run_id(db, "SELECT 1 FROM skill WHERE id = :id", id, e);
	if (rc < 0)
		return -1;
	if (rc == 0 && strcmp(field, "id") == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no skill with id %lld", (long long)id);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, field, "%s: no skill with id %lld", field,
			       (long long)id);
	return 0;
}

/* The person a command or route names by its :id (no field to name). */
static int person_of_id(struct db *db, int64_t id, struct err *e)
{
	int rc = db_run_id(db, "SELECT 1 FROM person WHERE id = :id", id, e);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no person with id %lld", (long long)id);
	return rc < 0 ? -1 : 0;
}

/* 409 naming "name" when another skill (not id) has this name. */
static int name_free(struct db *db, const char *name, int64_t id, struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT id FROM skill WHERE name = :name AND id <> :id",
				     e);
	if (!st)
		return -1;
	db_bind_text(st, ":name", name);
	db_bind_int(st, ":id", id);
	int64_t other = 0;
	int rc = db_one_int(st, &other, e);
	if (rc < 0)
		return -1;
	if (rc == 1)
		return err_set(e, ERR_CONFLICT, "name", "name: skill %lld is already named \"%s\"",
			       (long long)other, name);
	return 0;
}

int skill_add(struct db *db, const struct skill_input *in, unsigned set, int64_t *id,
	      struct err *e)
{
	if (fields_require(skill_fields, set, e))
		return -1;
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (name_free(db, in->name, 0, e))
		goto out;
	struct stmt *st = db_prepare(db, "INSERT INTO skill (name, description) "
					 "VALUES (:name, :description) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_text(st, ":name", in->name);
	db_bind_text(st, ":description", (set & SKILL_DESCRIPTION) ? in->description : "");
	if (db_one_int(st, id, e) == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

#define SKILL_SELECT                                                                  \
	"SELECT s.id, s.name, s.description, "                                       \
	"(SELECT count(*) FROM person_skill h WHERE h.skill_id = s.id), "            \
	"(SELECT count(*) FROM position_skill r WHERE r.skill_id = s.id) FROM skill s "

static void skill_row(struct stmt *st, struct arena *a, void *item)
{
	struct skill *s = item;
	s->id = db_col_int(st, 0);
	s->name = arena_strdup(a, db_col_text(st, 1));
	s->description = arena_strdup(a, db_col_text(st, 2));
	s->people = db_col_int(st, 3);
	s->positions = db_col_int(st, 4);
}

static void person_skill_row(struct stmt *st, struct arena *a, void *item)
{
	skill_row(st, a, item);
	((struct skill *)item)->level = db_col_int(st, 5);
}

int skill_get(struct db *db, struct arena *a, int64_t id, struct skill *s, struct err *e)
{
	struct stmt *st = db_prepare(db, SKILL_SELECT "WHERE s.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		skill_row(st, a, s);
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no skill with id %lld", (long long)id);
	return rc < 0 ? -1 : 0;
}

int skill_list(struct db *db, struct arena *a, const struct skill_filter *f, unsigned fset,
	       struct skill **out, size_t *n, struct err *e)
{
	if (fset & SKF_PERSON) {
		if (person_must_exist(db, f->person_id, "person_id", e))
			return -1;
		struct stmt *st = db_prepare(db,
			"SELECT s.id, s.name, s.description, "
			"(SELECT count(*) FROM person_skill h WHERE h.skill_id = s.id), "
			"(SELECT count(*) FROM position_skill r WHERE r.skill_id = s.id), p.level "
			"FROM person_skill p JOIN skill s ON s.id = p.skill_id "
			"WHERE p.person_id = :person ORDER BY s.name, s.id", e);
		if (!st)
			return -1;
		db_bind_int(st, ":person", f->person_id);
		return db_collect(st, a, sizeof **out, person_skill_row, (void **)out, n, e);
	}
	struct stmt *st = db_prepare(db, SKILL_SELECT "ORDER BY s.name, s.id", e);
	if (!st)
		return -1;
	return db_collect(st, a, sizeof **out, skill_row, (void **)out, n, e);
}

int skill_set(struct db *db, int64_t id, const struct skill_input *in, unsigned set,
	      struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (skill_must_exist(db, id, "id", e))
		goto out;
	if ((set & SKILL_NAME) && name_free(db, in->name, id, e))
		goto out;
	struct stmt *st = db_prepare(db,
		"UPDATE skill SET "
		"name = CASE WHEN :set_name = 1 THEN :name ELSE name END, "
		"description = CASE WHEN :set_desc = 1 THEN :description ELSE description END "
		"WHERE id = :id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":set_name", !!(set & SKILL_NAME));
	db_bind_text(st, ":name", (set & SKILL_NAME) ? in->name : "");
	db_bind_int(st, ":set_desc", !!(set & SKILL_DESCRIPTION));
	db_bind_text(st, ":description",
		     (set & SKILL_DESCRIPTION) && in->description ? in->description : "");
	db_bind_int(st, ":id", id);
	if (db_step(st, e) >= 0)
		rc = 0;
	db_done(st);
out:
	return db_end(db, rc, e);
}

int skill_rm(struct db *db, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	struct skill s;
	struct arena a = {0};
	if (skill_get(db, &a, id, &s, e))
		goto out;
	if (s.people || s.positions) {
		/* name the first few positions that require it */
		char which[96] = "";
		struct stmt *st = db_prepare(db, "SELECT position_id FROM position_skill "
					     "WHERE skill_id = :id ORDER BY position_id LIMIT 5", e);
		if (!st)
			goto out;
		db_bind_int(st, ":id", id);
		int r;
		size_t len = 0;
		while ((r = db_step(st, e)) == 1 && len < sizeof which - 24)
			len += (size_t)snprintf(which + len, sizeof which - len, "%s%lld",
						len ? ", " : " (", (long long)db_col_int(st, 0));
		db_done(st);
		if (r < 0)
			goto out;
		err_set(e, ERR_CONFLICT, "id",
			"skill %lld (%s) is held by %lld person(s) and required by %lld "
			"position(s)%s%s: remove it from them first", (long long)id, s.name,
			(long long)s.people, (long long)s.positions, which,
			len ? (s.positions > 5 ? ", ...)" : ")") : "");
		goto out;
	}
	if (db_run_id(db, "DELETE FROM skill WHERE id = :id", id, e) >= 0)
		rc = 0;
out:
	arena_free(&a);
	return db_end(db, rc, e);
}

json_t *skill_json(const struct skill *s, int with_level)
{
	json_t *o = json_object();
	json_set_int(o, "id", s->id);
	json_set_str(o, "name", s->name);
	json_set_str(o, "description", s->description);
	json_set_int(o, "people", s->people);
	json_set_int(o, "positions", s->positions);
	if (with_level) {
		json_set_int(o, "level", s->level);
		json_set_str(o, "level_name", skill_level_name(s->level));
	}
	return o;
}

int person_skill_set(struct db *db, int64_t person_id, const struct level_input *in,
		     unsigned set, struct err *e)
{
	if (fields_require(level_fields, set, e) || skill_level_check(in->level, "level", e))
		return -1;
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (person_of_id(db, person_id, e) ||
	    skill_must_exist(db, in->skill_id, "skill_id", e))
		goto out;
	struct stmt *st = db_prepare(db, "DELETE FROM person_skill WHERE person_id = :person "
					 "AND skill_id = :skill", e);
	if (!st)
		goto out;
	db_bind_int(st, ":person", person_id);
	db_bind_int(st, ":skill", in->skill_id);
	int r = db_step(st, e);
	db_done(st);
	if (r < 0)
		goto out;
	st = db_prepare(db, "INSERT INTO person_skill (person_id, skill_id, level) "
			    "VALUES (:person, :skill, :level)", e);
	if (!st)
		goto out;
	db_bind_int(st, ":person", person_id);
	db_bind_int(st, ":skill", in->skill_id);
	db_bind_int(st, ":level", in->level);
	r = db_step(st, e);
	db_done(st);
	if (r >= 0)
		rc = 0;
out:
	return db_end(db, rc, e);
}

int person_skill_rm(struct db *db, int64_t person_id, int64_t skill_id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (person_of_id(db, person_id, e) ||
	    skill_must_exist(db, skill_id, "skill_id", e))
		goto out;
	struct stmt *st = db_prepare(db, "DELETE FROM person_skill WHERE person_id = :person "
					 "AND skill_id = :skill RETURNING skill_id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":person", person_id);
	db_bind_int(st, ":skill", skill_id);
	int64_t gone = 0;
	int r = db_one_int(st, &gone, e);
	if (r == 0)
		err_set(e, ERR_NOT_FOUND, "skill_id", "skill_id: person %lld does not have skill %lld",
			(long long)person_id, (long long)skill_id);
	else if (r == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}
