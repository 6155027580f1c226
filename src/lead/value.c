/* value: see value.h. */
#include "lead/value.h"

#include "base/json.h"

const struct field value_fields[] = {
	{.name = "name", .type = FT_TEXT, .offset = offsetof(struct value_input, name),
	 .bit = VAL_NAME, .max = 100, .required = 1, .help = "the value, in a few words"},
	{.name = "description", .type = FT_TEXT,
	 .offset = offsetof(struct value_input, description), .bit = VAL_DESCRIPTION,
	 .max = 2000, .help = "what it means in practice"},
	{.name = "position", .type = FT_INT, .offset = offsetof(struct value_input, position),
	 .bit = VAL_POSITION, .min = 0, .max = 1000000,
	 .help = "its place in the list (default: last)"},
	{0},
};

static int not_found(struct err *e, int64_t id)
{
	return err_set(e, ERR_NOT_FOUND, "id", "no value with id %lld", (long long)id);
}

/* 409 when another value (not id) has this name. */
static int name_free(struct db *db, const char *name, int64_t id, struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT count(*) FROM org_value "
				     "WHERE name = :name AND id <> :id", e);
	if (!st)
		return -1;
	db_bind_text(st, ":name", name);
	db_bind_int(st, ":id", id);
	int64_t n = 0;
	if (db_one_int(st, &n, e) < 0)
		return -1;
	if (n)
		return err_set(e, ERR_CONFLICT, "name", "name: a value named \"%.100s\" exists",
			       name);
	return 0;
}

int value_add(struct db *db, const struct value_input *in, unsigned set, int64_t *id,
	      struct err *e)
{
	if (fields_require(value_fields, set, e))
		return -1;
	if (!in->name[0])
		return err_set(e, ERR_BAD_INPUT, "name", "name: must not be empty");
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (name_free(db, in->name, 0, e))
		goto out;
	struct stmt *st = db_prepare(db,
		"INSERT INTO org_value (name, description, position) VALUES (:name, :description, "
		"CASE WHEN :set_position = 1 THEN :position ELSE "
		"(SELECT coalesce(max(position), 0) + 1 FROM org_value) END) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_text(st, ":name", in->name);
	db_bind_text(st, ":description",
		     (set & VAL_DESCRIPTION) && in->description ? in->description : "");
	db_bind_int(st, ":set_position", !!(set & VAL_POSITION));
	db_bind_int(st, ":position", (set & VAL_POSITION) ? in->position : 0);
	if (db_one_int(st, id, e) == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

#define VALUE_SELECT                                                                   \
	"SELECT v.id, v.name, v.description, v.position, "                               \
	"(SELECT count(*) FROM recognition r WHERE r.value_id = v.id) FROM org_value v "

static void value_row(struct stmt *st, struct arena *a, void *item)
{
	struct org_value *v = item;
	v->id = db_col_int(st, 0);
	v->name = arena_strdup(a, db_col_text(st, 1));
	v->description = arena_strdup(a, db_col_text(st, 2));
	v->position = db_col_int(st, 3);
	v->recognitions = db_col_int(st, 4);
}

int value_get(struct db *db, struct arena *a, int64_t id, struct org_value *v, struct err *e)
{
	struct stmt *st = db_prepare(db, VALUE_SELECT "WHERE v.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		value_row(st, a, v);
	db_done(st);
	if (rc == 0)
		return not_found(e, id);
	return rc < 0 ? -1 : 0;
}

int value_list(struct db *db, struct arena *a, struct org_value **out, size_t *n,
	       struct err *e)
{
	struct stmt *st = db_prepare(db, VALUE_SELECT "ORDER BY v.position, v.name, v.id", e);
	if (!st)
		return -1;
	return db_collect(st, a, sizeof **out, value_row, (void **)out, n, e);
}

int value_set(struct db *db, int64_t id, const struct value_input *in, unsigned set,
	      struct err *e)
{
	if ((set & VAL_NAME) && (!in->name || !in->name[0]))
		return err_set(e, ERR_BAD_INPUT, "name", "name: must not be empty");
	if (db_begin(db, e))
		return -1;
	int rc = db_run_id(db, "SELECT 1 FROM org_value WHERE id = :id", id, e);
	if (rc == 0)
		not_found(e, id);
	if (rc != 1 || ((set & VAL_NAME) && name_free(db, in->name, id, e))) {
		rc = -1;
		goto out;
	}
	rc = -1;
	struct stmt *st = db_prepare(db,
		"UPDATE org_value SET "
		"name = CASE WHEN :set_name = 1 THEN :name ELSE name END, "
		"description = CASE WHEN :set_description = 1 THEN :description "
		"ELSE description END, "
		"position = CASE WHEN :set_position = 1 THEN :position ELSE position END "
		"WHERE id = :id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":set_name", !!(set & VAL_NAME));
	db_bind_text(st, ":name", (set & VAL_NAME) ? in->name : "");
	db_bind_int(st, ":set_description", !!(set & VAL_DESCRIPTION));
	db_bind_text(st, ":description",
		     (set & VAL_DESCRIPTION) && in->description ? in->description : "");
	db_bind_int(st, ":set_position", !!(set & VAL_POSITION));
	db_bind_int(st, ":position", (set & VAL_POSITION) ? in->position : 0);
	db_bind_int(st, ":id", id);
	if (db_step(st, e) >= 0)
		rc = 0;
	db_done(st);
out:
	return db_end(db, rc, e);
}

int value_rm(struct db *db, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	struct stmt *st = db_prepare(db, "SELECT count(*) FROM recognition WHERE value_id = :id",
				     e);
	int64_t uses = 0;
	if (st)
		db_bind_int(st, ":id", id);
	if (!st || db_one_int(st, &uses, e) < 0)
		goto out;
	if (uses) {
		int r = db_run_id(db, "SELECT 1 FROM org_value WHERE id = :id", id, e);
		if (r == 1)
			err_set(e, ERR_CONFLICT, "id", "value %lld is named by %lld recognition%s: "
				"it stays", (long long)id, (long long)uses, uses == 1 ? "" : "s");
		goto out;
	}
	int r = db_run_id(db, "DELETE FROM org_value WHERE id = :id RETURNING id", id, e);
	if (r == 0)
		not_found(e, id);
	rc = r == 1 ? 0 : -1;
out:
	return db_end(db, rc, e);
}

json_t *value_json(const struct org_value *v)
{
	json_t *o = json_object();
	json_set_int(o, "id", v->id);
	json_set_str(o, "name", v->name);
	json_set_str(o, "description", v->description);
	json_set_int(o, "position", v->position);
	json_set_int(o, "recognitions", v->recognitions);
	return o;
}
