/* coalition: see coalition.h. */
#include "lead/coalition.h"

#include "base/date.h"
#include "base/json.h"
#include "lead/note.h"
#include "lead/value.h"
#include "org/person.h"
#include "org/unit.h"

const struct field coalition_fields[] = {
	{.name = "name", .type = FT_TEXT, .offset = offsetof(struct coalition_input, name),
	 .bit = CO_NAME, .min = 1, .max = 200, .required = 1, .help = "the coalition's name"},
	{.name = "purpose", .type = FT_TEXT, .offset = offsetof(struct coalition_input, purpose),
	 .bit = CO_PURPOSE, .max = 4000, .help = "what it is for"},
	{.name = "strategy_id", .type = FT_ID,
	 .offset = offsetof(struct coalition_input, strategy_id), .bit = CO_STRATEGY,
	 .nullable = 1, .help = "the strategy it guides (none)"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct coalition_input, unit_id),
	 .bit = CO_UNIT, .nullable = 1, .help = "the unit it belongs to (none: the organization)"},
	{0},
};

const struct field coalition_filter_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct coalition_filter, unit_id),
	 .bit = COF_UNIT, .help = "only this unit's subtree's (and the organization's)"},
	{.name = "strategy_id", .type = FT_ID,
	 .offset = offsetof(struct coalition_filter, strategy_id), .bit = COF_STRATEGY,
	 .help = "only those guiding this strategy"},
	{.name = "limit", .type = FT_INT, .offset = offsetof(struct coalition_filter, limit),
	 .bit = COF_LIMIT, .min = 0, .max = 1000000000, .help = "at most this many"},
	{.name = "offset", .type = FT_INT, .offset = offsetof(struct coalition_filter, offset),
	 .bit = COF_OFFSET, .min = 0, .max = INT64_MAX, .help = "skip this many"},
	{0},
};

#define MEMBER_FLAGS                                                                          \
	{.name = "position_power", .type = FT_BOOL,                                           \
	 .offset = offsetof(struct coalition_member_input, position_power), .bit = CM_POWER,   \
	 .help = "has position power (yes/no)"},                                              \
	{.name = "expertise", .type = FT_BOOL,                                                \
	 .offset = offsetof(struct coalition_member_input, expertise), .bit = CM_EXPERTISE,    \
	 .help = "brings expertise (yes/no)"},                                                \
	{.name = "credibility", .type = FT_BOOL,                                              \
	 .offset = offsetof(struct coalition_member_input, credibility), .bit = CM_CREDIBILITY, \
	 .help = "has credibility (yes/no)"},                                                 \
	{.name = "leadership", .type = FT_BOOL,                                               \
	 .offset = offsetof(struct coalition_member_input, leadership), .bit = CM_LEADERSHIP,  \
	 .help = "shows leadership (yes/no)"}

const struct field coalition_member_fields[] = {
	{.name = "person_id", .type = FT_ID,
	 .offset = offsetof(struct coalition_member_input, person_id), .bit = CM_PERSON,
	 .required = 1, .help = "the member"},
	MEMBER_FLAGS,
	{0},
};

const struct field coalition_leave_fields[] = {
	{.name = "person_id", .type = FT_ID,
	 .offset = offsetof(struct coalition_member_input, person_id), .bit = CM_PERSON,
	 .required = 1, .help = "the member who leaves"},
	{0},
};

static int not_found(struct err *e, int64_t id)
{
	return err_set(e, ERR_NOT_FOUND, "id", "no coalition with id %lld", (long long)id);
}

static int check_refs(struct db *db, const struct coalition_input *in, unsigned set,
		      struct err *e)
{
	if ((set & CO_NAME) && (!in->name || !in->name[0]))
		return err_set(e, ERR_BAD_INPUT, "name", "name: must not be empty");
	if ((set & CO_UNIT) && in->unit_id && unit_must_exist(db, in->unit_id, "unit_id", e))
		return -1;
	if ((set & CO_STRATEGY) && in->strategy_id) {
		int rc = db_run_id(db, "SELECT 1 FROM strategy WHERE id = :id", in->strategy_id, e);
		if (rc < 0)
			return -1;
		if (rc == 0)
			return err_set(e, ERR_NOT_FOUND, "strategy_id",
				       "strategy_id: no strategy with id %lld",
				       (long long)in->strategy_id);
	}
	return 0;
}

int coalition_add(struct db *db, const struct coalition_input *in, unsigned set, int64_t *id,
		  struct err *e)
{
	if (fields_require(coalition_fields, set, e))
		return -1;
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (check_refs(db, in, set, e))
		goto out;
	struct stmt *st = db_prepare(db,
		"INSERT INTO coalition (name, purpose, strategy_id, unit_id) "
		"VALUES (:name, :purpose, :strategy, :unit) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_text(st, ":name", in->name);
	db_bind_text(st, ":purpose", (set & CO_PURPOSE) && in->purpose ? in->purpose : "");
	db_bind_id(st, ":strategy", (set & CO_STRATEGY) ? in->strategy_id : 0);
	db_bind_id(st, ":unit", (set & CO_UNIT) ? in->unit_id : 0);
	if (db_one_int(st, id, e) == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

#define COALITION_SELECT                                                              \
	"SELECT c.id, c.name, c.purpose, c.strategy_id, s.name, c.unit_id, u.name, "     \
	"(SELECT count(*) FROM coalition_member m WHERE m.coalition_id = c.id) "         \
	"FROM coalition c LEFT JOIN strategy s ON s.id = c.strategy_id "                 \
	"LEFT JOIN unit u ON u.id = c.unit_id "

static void coalition_row(struct stmt *st, struct arena *a, void *item)
{
	struct coalition *c = item;
	c->id = db_col_int(st, 0);
	c->name = arena_strdup(a, db_col_text(st, 1));
	c->purpose = arena_strdup(a, db_col_text(st, 2));
	c->strategy_id = db_col_int(st, 3);
	c->strategy = db_col_is_null(st, 4) ? NULL : arena_strdup(a, db_col_text(st, 4));
	c->unit_id = db_col_int(st, 5);
	c->unit = db_col_is_null(st, 6) ? NULL : arena_strdup(a, db_col_text(st, 6));
	c->members = db_col_int(st, 7);
}

int coalition_get(struct db *db, struct arena *a, int64_t id, struct coalition *c,
		  struct err *e)
{
	struct stmt *st = db_prepare(db, COALITION_SELECT "WHERE c.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		coalition_row(st, a, c);
	db_done(st);
	if (rc == 0)
		return not_found(e, id);
	return rc < 0 ? -1 : 0;
}

int coalition_list(struct db *db, struct arena *a, const struct coalition_filter *f,
		   unsigned fset, struct coalition **out, size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE COALITION_SELECT
		"WHERE (:all_units = 1 OR c.unit_id IS NULL OR c.unit_id IN "
		"(SELECT id FROM subtree)) "
		"AND (:all_strategies = 1 OR c.strategy_id = :strategy) "
		"ORDER BY c.name, c.id LIMIT :limit OFFSET :offset", e);
	if (!st)
		return -1;
	db_bind_int(st, ":all_units", !(fset & COF_UNIT));
	db_bind_int(st, ":unit", (fset & COF_UNIT) ? f->unit_id : 0);
	db_bind_int(st, ":all_strategies", !(fset & COF_STRATEGY));
	db_bind_int(st, ":strategy", (fset & COF_STRATEGY) ? f->strategy_id : 0);
	db_bind_int(st, ":limit", (fset & COF_LIMIT) ? f->limit : DB_NO_LIMIT);
	db_bind_int(st, ":offset", (fset & COF_OFFSET) ? f->offset : 0);
	return db_collect(st, a, sizeof **out, coalition_row, (void **)out, n, e);
}

static int must_exist(struct db *db, int64_t id, struct err *e)
{
	int rc = db_run_id(db, "SELECT 1 FROM coalition WHERE id = :id", id, e);
	if (rc == 0)
		return not_found(e, id);
	return rc < 0 ? -1 : 0;
}

int coalition_set(struct db *db, int64_t id, const struct coalition_input *in, unsigned set,
		  struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (must_exist(db, id, e) || check_refs(db, in, set, e))
		goto out;
	struct stmt *st = db_prepare(db,
		"UPDATE coalition SET "
		"name = CASE WHEN :set_name = 1 THEN :name ELSE name END, "
		"purpose = CASE WHEN :set_purpose = 1 THEN :purpose ELSE purpose END, "
		"strategy_id = CASE WHEN :set_strategy = 1 THEN :strategy ELSE strategy_id END, "
		"unit_id = CASE WHEN :set_unit = 1 THEN :unit ELSE unit_id END "
		"WHERE id = :id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":set_name", !!(set & CO_NAME));
	db_bind_text(st, ":name", (set & CO_NAME) ? in->name : "");
	db_bind_int(st, ":set_purpose", !!(set & CO_PURPOSE));
	db_bind_text(st, ":purpose", (set & CO_PURPOSE) && in->purpose ? in->purpose : "");
	db_bind_int(st, ":set_strategy", !!(set & CO_STRATEGY));
	db_bind_id(st, ":strategy", (set & CO_STRATEGY) ? in->strategy_id : 0);
	db_bind_int(st, ":set_unit", !!(set & CO_UNIT));
	db_bind_id(st, ":unit", (set & CO_UNIT) ? in->unit_id : 0);
	db_bind_int(st, ":id", id);
	if (db_step(st, e) >= 0)
		rc = 0;
	db_done(st);
out:
	return db_end(db, rc, e);
}

int coalition_rm(struct db *db, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = db_run_id(db, "DELETE FROM coalition_member WHERE coalition_id = :id", id, e);
	if (rc == 0)
		rc = db_run_id(db, "DELETE FROM coalition WHERE id = :id RETURNING id", id, e);
	if (rc == 0)
		not_found(e, id);
	return db_end(db, rc == 1 ? 0 : -1, e);
}

int coalition_join(struct db *db, int64_t id, const struct coalition_member_input *in,
		   unsigned set, int *added, struct err *e)
{
	*added = 0;
	if (fields_require(coalition_member_fields, set, e))
		return -1;
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (must_exist(db, id, e) || person_must_exist(db, in->person_id, "person_id", e))
		goto out;
	struct stmt *st = db_prepare(db, "SELECT count(*) FROM coalition_member "
				     "WHERE coalition_id = :id AND person_id = :person", e);
	int64_t n = 0;
	if (!st)
		goto out;
	db_bind_int(st, ":id", id);
	db_bind_int(st, ":person", in->person_id);
	if (db_one_int(st, &n, e) < 0)
		goto out;
	if (n == 0) {
		st = db_prepare(db,
			"INSERT INTO coalition_member (coalition_id, person_id, position_power, "
			"expertise, credibility, leadership) VALUES (:id, :person, :power, "
			":expertise, :credibility, :leadership)", e);
		*added = 1;
	} else {
		st = db_prepare(db,
			"UPDATE coalition_member SET "
			"position_power = CASE WHEN :set_power = 1 THEN :power "
			"ELSE position_power END, "
			"expertise = CASE WHEN :set_expertise = 1 THEN :expertise "
			"ELSE expertise END, "
			"credibility = CASE WHEN :set_credibility = 1 THEN :credibility "
			"ELSE credibility END, "
			"leadership = CASE WHEN :set_leadership = 1 THEN :leadership "
			"ELSE leadership END "
			"WHERE coalition_id = :id AND person_id = :person", e);
		if (st) {
			db_bind_int(st, ":set_power", !!(set & CM_POWER));
			db_bind_int(st, ":set_expertise", !!(set & CM_EXPERTISE));
			db_bind_int(st, ":set_credibility", !!(set & CM_CREDIBILITY));
			db_bind_int(st, ":set_leadership", !!(set & CM_LEADERSHIP));
		}
	}
	if (!st)
		goto out;
	db_bind_int(st, ":id", id);
	db_bind_int(st, ":person", in->person_id);
	db_bind_int(st, ":power", (set & CM_POWER) ? !!in->position_power : 0);
	db_bind_int(st, ":expertise", (set & CM_EXPERTISE) ? !!in->expertise : 0);
	db_bind_int(st, ":credibility", (set & CM_CREDIBILITY) ? !!in->credibility : 0);
	db_bind_int(st, ":leadership", (set & CM_LEADERSHIP) ? !!in->leadership : 0);
	if (db_step(st, e) >= 0)
		rc = 0;
	db_done(st);
out:
	return db_end(db, rc, e);
}

int coalition_leave(struct db *db, int64_t id, int64_t person_id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (must_exist(db, id, e))
		goto out;
	struct stmt *st = db_prepare(db, "DELETE FROM coalition_member WHERE coalition_id = :id "
				     "AND person_id = :person RETURNING person_id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", id);
	db_bind_int(st, ":person", person_id);
	int64_t gone = 0;
	int r = db_one_int(st, &gone, e);
	if (r == 1)
		rc = 0;
	else if (r == 0)
		err_set(e, ERR_NOT_FOUND, "person_id",
			"person_id: person %lld is not a member of coalition %lld",
			(long long)person_id, (long long)id);
out:
	return db_end(db, rc, e);
}

static void member_row(struct stmt *st, struct arena *a, void *item)
{
	struct coalition_member *m = item;
	m->person_id = db_col_int(st, 0);
	m->name = arena_strdup(a, db_col_text(st, 1));
	m->unit_id = db_col_int(st, 2);
	m->unit = arena_strdup(a, db_col_text(st, 3));
	m->position_power = (int)db_col_int(st, 4);
	m->expertise = (int)db_col_int(st, 5);
	m->credibility = (int)db_col_int(st, 6);
	m->leadership = (int)db_col_int(st, 7);
}

int coalition_members(struct db *db, struct arena *a, int64_t id,
		      struct coalition_member **out, size_t *n, struct err *e)
{
	if (must_exist(db, id, e))
		return -1;
	struct stmt *st = db_prepare(db,
		"SELECT p.id, p.name, p.unit_id, u.name, m.position_power, m.expertise, "
		"m.credibility, m.leadership FROM coalition_member m "
		"JOIN person p ON p.id = m.person_id JOIN unit u ON u.id = p.unit_id "
		"WHERE m.coalition_id = :id ORDER BY p.name, p.id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	return db_collect(st, a, sizeof **out, member_row, (void **)out, n, e);
}

static void cunit_row(struct stmt *st, struct arena *a, void *item)
{
	struct coalition_unit *u = item;
	u->unit_id = db_col_int(st, 0);
	u->unit = arena_strdup(a, db_col_text(st, 1));
	u->members = db_col_int(st, 2);
}

int coalition_units(struct db *db, struct arena *a, int64_t id, struct coalition_unit **out,
		    size_t *n, struct err *e)
{
	if (must_exist(db, id, e))
		return -1;
	struct stmt *st = db_prepare(db,
		"SELECT u.id, u.name, count(*) FROM coalition_member m "
		"JOIN person p ON p.id = m.person_id JOIN unit u ON u.id = p.unit_id "
		"WHERE m.coalition_id = :id GROUP BY u.id, u.name ORDER BY u.name, u.id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	return db_collect(st, a, sizeof **out, cunit_row, (void **)out, n, e);
}

int coalition_coverage(struct db *db, int64_t coalition_id, struct coalition_coverage *out,
		       struct err *e)
{
	*out = (struct coalition_coverage){0};
	if (must_exist(db, coalition_id, e))
		return -1;
	/* each unit's level: a root is 0 */
	struct stmt *st = db_prepare(db,
		"WITH RECURSIVE lvl(id, d) AS (SELECT id, 0 FROM unit WHERE parent_id IS NULL "
		"UNION ALL SELECT u.id, l.d + 1 FROM unit u JOIN lvl l ON u.parent_id = l.id) "
		"SELECT count(*), count(DISTINCT p.unit_id), "
		"coalesce(max(l.d) - min(l.d) + 1, 0), coalesce(max(m.position_power), 0), "
		"coalesce(max(m.expertise), 0), coalesce(max(m.credibility), 0), "
		"coalesce(max(m.leadership), 0) FROM coalition_member m "
		"JOIN person p ON p.id = m.person_id LEFT JOIN lvl l ON l.id = p.unit_id "
		"WHERE m.coalition_id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", coalition_id);
	int rc = db_step(st, e);
	if (rc == 1) {
		out->members = db_col_int(st, 0);
		out->units = db_col_int(st, 1);
		out->levels = (int)db_col_int(st, 2);
		out->has_power = db_col_int(st, 3) != 0;
		out->has_expertise = db_col_int(st, 4) != 0;
		out->has_credibility = db_col_int(st, 5) != 0;
		out->has_leadership = db_col_int(st, 6) != 0;
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int coalition_covers_unit(struct db *db, int64_t coalition_id, int64_t unit_id, int *covered,
			  struct err *e)
{
	*covered = 0;
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE
		"SELECT count(*) FROM coalition_member m JOIN person p ON p.id = m.person_id "
		"WHERE m.coalition_id = :id AND p.unit_id IN (SELECT id FROM subtree)", e);
	if (!st)
		return -1;
	db_bind_int(st, ":unit", unit_id);
	db_bind_int(st, ":id", coalition_id);
	int64_t n = 0;
	if (db_one_int(st, &n, e) < 0)
		return -1;
	*covered = n > 0;
	return 0;
}

struct unit_ref {
	int64_t id;
	const char *name;
};

static void unit_ref_row(struct stmt *st, struct arena *a, void *item)
{
	struct unit_ref *u = item;
	u->id = db_col_int(st, 0);
	u->name = arena_strdup(a, db_col_text(st, 1));
}

int coalition_reach(struct db *db, struct arena *a, int64_t id, struct coalition_reach **out,
		    size_t *n, struct err *e)
{
	*out = NULL;
	*n = 0;
	struct stmt *st = db_prepare(db,
		"SELECT coalesce(c.unit_id, s.unit_id, 0) FROM coalition c "
		"LEFT JOIN strategy s ON s.id = c.strategy_id WHERE c.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int64_t scope = 0;
	int rc = db_one_int(st, &scope, e);
	if (rc == 0)
		return not_found(e, id);
	if (rc < 0)
		return -1;
	/* the scope's children; a scope without children is affected itself */
	struct unit_ref *u = NULL;
	size_t nu = 0;
	st = db_prepare(db,
		"SELECT id, name FROM unit WHERE (:scope = 0 AND parent_id IN "
		"(SELECT id FROM unit WHERE parent_id IS NULL)) OR (:scope <> 0 AND "
		"parent_id = :scope) ORDER BY name, id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":scope", scope);
	if (db_collect(st, a, sizeof *u, unit_ref_row, (void **)&u, &nu, e))
		return -1;
	if (!nu) {
		st = db_prepare(db, "SELECT id, name FROM unit WHERE (:scope = 0 AND parent_id "
				"IS NULL) OR id = :scope ORDER BY name, id", e);
		if (!st)
			return -1;
		db_bind_int(st, ":scope", scope);
		if (db_collect(st, a, sizeof *u, unit_ref_row, (void **)&u, &nu, e))
			return -1;
	}
	struct coalition_reach *r = nu ? arena_alloc(a, nu * sizeof *r) : NULL;
	if (nu && !r)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	for (size_t i = 0; i < nu; i++) {
		r[i].unit_id = u[i].id;
		r[i].unit = u[i].name;
		if (coalition_covers_unit(db, id, u[i].id, &r[i].covered, e))
			return -1;
	}
	*out = r;
	*n = nu;
	return 0;
}

static void strategy_row(struct stmt *st, struct arena *a, void *item)
{
	struct coalition_strategy *s = item;
	s->id = db_col_int(st, 0);
	s->name = arena_strdup(a, db_col_text(st, 1));
}

int coalition_strategies(struct db *db, struct arena *a, int64_t unit_id, int has_unit,
			 struct coalition_strategy **out, size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE
		"SELECT id, name FROM strategy WHERE :all_units = 1 OR unit_id IS NULL OR "
		"unit_id IN (SELECT id FROM subtree) ORDER BY name, id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":all_units", !has_unit);
	db_bind_int(st, ":unit", has_unit ? unit_id : 0);
	return db_collect(st, a, sizeof **out, strategy_row, (void **)out, n, e);
}

json_t *coalition_json(const struct coalition *c)
{
	json_t *o = json_object();
	json_set_int(o, "id", c->id);
	json_set_str(o, "name", c->name);
	json_set_str(o, "purpose", c->purpose);
	json_set_id(o, "strategy_id", c->strategy_id);
	json_set_str(o, "strategy", c->strategy);
	json_set_id(o, "unit_id", c->unit_id);
	json_set_str(o, "unit", c->unit);
	json_set_int(o, "members", c->members);
	return o;
}

json_t *coalition_member_json(const struct coalition_member *m)
{
	json_t *o = json_object();
	json_set_int(o, "person_id", m->person_id);
	json_set_str(o, "name", m->name);
	json_set_int(o, "unit_id", m->unit_id);
	json_set_str(o, "unit", m->unit);
	json_object_set_new(o, "position_power", json_boolean(m->position_power));
	json_object_set_new(o, "expertise", json_boolean(m->expertise));
	json_object_set_new(o, "credibility", json_boolean(m->credibility));
	json_object_set_new(o, "leadership", json_boolean(m->leadership));
	return o;
}

json_t *coalition_coverage_json(const struct coalition_coverage *cv)
{
	json_t *o = json_object();
	json_set_int(o, "members", cv->members);
	json_set_int(o, "units", cv->units);
	json_set_int(o, "levels", cv->levels);
	json_object_set_new(o, "position_power", json_boolean(cv->has_power));
	json_object_set_new(o, "expertise", json_boolean(cv->has_expertise));
	json_object_set_new(o, "credibility", json_boolean(cv->has_credibility));
	json_object_set_new(o, "leadership", json_boolean(cv->has_leadership));
	json_t *missing = json_array();
	if (!cv->has_power)
		json_array_append_new(missing, json_string("position_power"));
	if (!cv->has_expertise)
		json_array_append_new(missing, json_string("expertise"));
	if (!cv->has_credibility)
		json_array_append_new(missing, json_string("credibility"));
	if (!cv->has_leadership)
		json_array_append_new(missing, json_string("leadership"));
	json_object_set_new(o, "missing", missing);
	return o;
}

/* --- the demo --------------------------------------------------------------- */


/* The k-th person (0: the head, who was added first) of the unit named
 * unit; 0 when there is none. */
static int demo_person(struct db *db, const char *unit, int64_t k, int64_t *id, struct err *e)
{
	*id = 0;
	struct stmt *st = db_prepare(db, "SELECT p.id FROM person p "
				     "JOIN unit u ON u.id = p.unit_id WHERE u.name = :unit "
				     "ORDER BY p.id LIMIT 1 OFFSET :k", e);
	if (!st)
		return -1;
	db_bind_text(st, ":unit", unit);
	db_bind_int(st, ":k", k);
	return db_one_int(st, id, e) < 0 ? -1 : 0;
}

static int demo_unit(struct db *db, const char *name, int64_t *id, struct err *e)
{
	*id = 0;
	struct stmt *st = db_prepare(db, "SELECT id FROM unit WHERE name = :name", e);
	if (!st)
		return -1;
	db_bind_text(st, ":name", name);
	return db_one_int(st, id, e) < 0 ? -1 : 0;
}

struct demo_member {
	const char *unit;
	int64_t k;		/* the unit's k-th person */
	int power, expertise, credibility, leadership;
};

static int demo_coalition(struct db *db, const struct coalition_input *in, unsigned set,
			  const struct demo_member *m, size_t n, struct err *e)
{
	int64_t id;
	if (coalition_add(db, in, set, &id, e))
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct coalition_member_input mi = {.position_power = m[i].power,
						    .expertise = m[i].expertise,
						    .credibility = m[i].credibility,
						    .leadership = m[i].leadership};
		int added;
		if (demo_person(db, m[i].unit, m[i].k, &mi.person_id, e))
			return -1;
		if (!mi.person_id)
			continue;	/* a smaller demo organization */
		if (coalition_join(db, id, &mi, CM_PERSON | CM_POWER | CM_EXPERTISE |
				   CM_CREDIBILITY | CM_LEADERSHIP, &added, e))
			return -1;
	}
	return 0;
}

/* A note from the k-th person of unit (or to them, when up) to their
 * manager, days before today. */
static int demo_note(struct db *db, const char *unit, int64_t k, int up, const char *kind,
		     const char *body, int32_t day, struct err *e)
{
	int64_t report;
	if (demo_person(db, unit, k, &report, e))
		return -1;
	if (!report)
		return 0;
	struct stmt *st = db_prepare(db, "SELECT coalesce(manager_id, 0) FROM person "
				     "WHERE id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", report);
	int64_t manager = 0;
	if (db_one_int(st, &manager, e) < 0)
		return -1;
	if (!manager)
		return 0;
	char d[11];
	date_format(day, d);
	struct note_input in = {.author_id = up ? report : manager,
				.about_id = up ? manager : report, .kind = kind, .body = body,
				.day = d};
	int64_t id;
	return note_add(db, &in, NOTE_AUTHOR | NOTE_ABOUT | NOTE_KIND | NOTE_BODY | NOTE_DAY, &id,
			e);
}

int coalitions_demo(struct db *db, const char *today, struct err *e)
{
	int32_t t;
	if (date_parse(today, &t))
		return err_set(e, ERR_BAD_INPUT, "today", "today: must be YYYY-MM-DD");
	static const char *const values[][2] = {
		{"Customers first", "We start from what the customer needs and check that we "
				    "delivered it."},
		{"Own it", "When we see a problem we take it on, or hand it to someone who "
			   "will, and say so."},
		{"Learn every day", "We try, measure, and share what we learned, mistakes "
				    "included."},
		{"Straight talk", "We say what we think, kindly and to the person concerned."},
	};
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		struct value_input v = {.name = values[i][0], .description = values[i][1]};
		int64_t id;
		if (value_add(db, &v, VAL_NAME | VAL_DESCRIPTION, &id, e))
			return -1;
	}

	/* the delivery coalition guides the strategy that next-day delivery
	 * needs, when the demo has one; no member shows leadership yet */
	int64_t strategy = 0, ops = 0, product = 0;
	int64_t portal = 0;
	struct stmt *st = db_prepare(db, "SELECT coalesce(min(id), 0) FROM strategy WHERE "
				     "lower(name) LIKE '%next-day%' OR "
				     "lower(name) LIKE '%next day%' OR "
				     "lower(rationale) LIKE '%next-day delivery%'", e);
	if (!st || db_one_int(st, &strategy, e) < 0)
		return -1;
	st = db_prepare(db, "SELECT coalesce(min(id), 0) FROM strategy WHERE "
			"lower(name) LIKE '%serve themselves%'", e);
	if (!st || db_one_int(st, &portal, e) < 0)
		return -1;
	if (demo_unit(db, "Operations", &ops, e) || demo_unit(db, "Product", &product, e))
		return -1;
	static const struct demo_member delivery[] = {
		{"Operations", 0, 1, 0, 0, 0}, {"Operations", 1, 0, 0, 1, 0},
		{"Logistics", 0, 0, 1, 0, 0},  {"Logistics", 1, 0, 1, 1, 0},
		{"Sales", 0, 1, 0, 1, 0},      {"Engineering", 1, 0, 1, 0, 0},
	};
	struct coalition_input c1 = {
		.name = "Next-day delivery coalition",
		.purpose = "Get every order placed by 18:00 to the customer the next working "
			   "day: warehouse, carriers, sales promises and the order system "
			   "together.",
		.strategy_id = strategy, .unit_id = ops};
	if (demo_coalition(db, &c1, CO_NAME | CO_PURPOSE | CO_STRATEGY | CO_UNIT, delivery,
			   sizeof delivery / sizeof delivery[0], e))
		return -1;
	static const struct demo_member portal_team[] = {
		{"Product", 0, 1, 0, 0, 1},
		{"Engineering", 0, 1, 1, 0, 0},
		{"Product", 1, 0, 0, 1, 1},
		{"Sales", 1, 0, 0, 1, 0},
	};
	struct coalition_input c2 = {
		.name = "Customer portal guiding team",
		.purpose = "Move customers to self-service ordering and tracking in the new "
			   "portal, and keep sales and support behind it.",
		.strategy_id = portal, .unit_id = product};
	if (demo_coalition(db, &c2, CO_NAME | CO_PURPOSE | CO_STRATEGY | CO_UNIT, portal_team,
			   sizeof portal_team / sizeof portal_team[0], e))
		return -1;

	return demo_note(db, "Operations", 1, 0, "coaching",
			 "Agreed: you lead the carrier review. Start with the two late routes; "
			 "we look at the numbers together on Thursday.", t - 21, e) ||
	       demo_note(db, "Operations", 1, 1, "feedback",
			 "The weekly priorities mail helps a lot. Could it come on Monday morning "
			 "instead of Friday evening?", t - 14, e) ||
	       demo_note(db, "Operations", 0, 0, "coaching",
			 "Next-day delivery: the coalition lacks someone who leads change on the "
			 "floor. Who could that be?", t - 10, e) ||
	       demo_note(db, "Logistics", 1, 0, "feedback",
			 "Your stock-count checklist cut the recount time in half. Please present "
			 "it at the team meeting.", t - 5, e)
		       ? -1 : 0;
}
