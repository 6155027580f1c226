/* unit: the org tree; see unit.h. */
#include "org/unit.h"

#include <stdlib.h>
#include <string.h>

#include "base/json.h"

const struct field unit_fields[] = {
	{.name = "name", .type = FT_TEXT, .offset = offsetof(struct unit_input, name),
	 .bit = UNIT_NAME, .max = 200, .required = 1, .help = "the unit's name"},
	{.name = "parent_id", .type = FT_ID, .offset = offsetof(struct unit_input, parent_id),
	 .bit = UNIT_PARENT, .nullable = 1, .help = "the parent unit (none for a root)"},
	{0},
};

int unit_must_exist(struct db *db, int64_t id, const char *field, struct err *e)
{
	int rc = db_run_id(db, "SELECT 1 FROM unit WHERE id = :id", id, e);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, field, "%s: no unit with id %lld", field,
			       (long long)id);
	return 0;
}

int unit_add(struct db *db, const struct unit_input *in, unsigned set, int64_t *id,
	     struct err *e)
{
	if (fields_require(unit_fields, set, e))
		return -1;
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if ((set & UNIT_PARENT) && in->parent_id &&
	    unit_must_exist(db, in->parent_id, "parent_id", e))
		goto out;
	static const char sql[] =
		"INSERT INTO unit (name, parent_id) VALUES (:name, :parent) RETURNING id";
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		goto out;
	db_bind_text(st, ":name", in->name);
	db_bind_id(st, ":parent", (set & UNIT_PARENT) ? in->parent_id : 0);
	if (db_one_int(st, id, e) != 1)
		goto out;
	rc = 0;
out:
	return db_end(db, rc, e);
}

#define UNIT_SELECT                                                   \
	"SELECT u.id, u.name, u.parent_id, "                            \
	"(SELECT count(*) FROM person p WHERE p.unit_id = u.id), "     \
	"(SELECT count(*) FROM unit c WHERE c.parent_id = u.id) FROM unit u "

static void unit_row(struct stmt *st, struct arena *a, struct unit *u)
{
	u->id = db_col_int(st, 0);
	u->name = arena_strdup(a, db_col_text(st, 1));
	u->parent_id = db_col_int(st, 2);
	u->people = db_col_int(st, 3);
	u->children = db_col_int(st, 4);
}

static void unit_row_fn(struct stmt *st, struct arena *a, void *item)
{
	unit_row(st, a, item);
}

int unit_get(struct db *db, struct arena *a, int64_t id, struct unit *u, struct err *e)
{
	struct stmt *st = db_prepare(db,
		"SELECT u.id, u.name, u.parent_id, "
		"(SELECT count(*) FROM person p WHERE p.unit_id = u.id), "
		"(SELECT count(*) FROM unit c WHERE c.parent_id = u.id), "
		"(SELECT name FROM unit p WHERE p.id = u.parent_id) FROM unit u "
		"WHERE u.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1) {
		unit_row(st, a, u);
		u->parent_name = arena_strdup(a, db_col_text(st, 5));
	}
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no unit with id %lld", (long long)id);
	return rc < 0 ? -1 : 0;
}

/* Units sorted by (parent, name); children of one parent are a run. */
static int by_parent(const void *pa, const void *pb)
{
	const struct unit *a = pa, *b = pb;
	if (a->parent_id != b->parent_id)
		return a->parent_id < b->parent_id ? -1 : 1;
	return a->depth - b->depth;	/* depth holds the name rank here */
}

static size_t first_child(const struct unit *s, size_t n, int64_t parent)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s[mid].parent_id < parent)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Appends parent's subtree to out, depth first; O(n log n) overall. */
static void tree_walk(const struct unit *s, size_t n, int64_t parent, int d,
		      struct unit *out, size_t *k)
{
	for (size_t i = first_child(s, n, parent); i < n && s[i].parent_id == parent; i++) {
		if (*k >= n)
			return;	/* a corrupt cycle cannot loop forever */
		out[*k] = s[i];
		out[*k].depth = d;
		(*k)++;
		tree_walk(s, n, s[i].id, d + 1, out, k);
	}
}

int unit_list(struct db *db, struct arena *a, struct unit **out, size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, UNIT_SELECT "ORDER BY u.name, u.id", e);
	if (!st)
		return -1;
	struct unit *all;
	size_t len;
	if (db_collect(st, a, sizeof *all, unit_row_fn, (void **)&all, &len, e))
		return -1;
	struct unit *tree = arena_alloc(a, (len ? len : 1) * sizeof *tree);
	if (!tree)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	for (size_t i = 0; i < len; i++)
		all[i].depth = (int)i;	/* name rank, for a stable sort */
	qsort(all, len, sizeof *all, by_parent);
	size_t k = 0;
	tree_walk(all, len, 0, 0, tree, &k);
	*out = tree;
	*n = k;
	return 0;
}

/* 1 if candidate is unit or lies in unit's subtree, 0 if not, -1 on error. */
static int in_subtree(struct db *db, int64_t unit, int64_t candidate, struct err *e)
{
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE
				     "SELECT count(*) FROM subtree WHERE id = :cand", e);
	if (!st)
		return -1;
	db_bind_int(st, ":unit", unit);
	db_bind_int(st, ":cand", candidate);
	int64_t c = 0;
	if (db_one_int(st, &c, e) < 0)
		return -1;
	return c > 0;
}

int unit_set(struct db *db, int64_t id, const struct unit_input *in, unsigned set,
	     struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (unit_must_exist(db, id, "id", e))
		goto out;
	if (set & UNIT_PARENT && in->parent_id) {
		if (unit_must_exist(db, in->parent_id, "parent_id", e))
			goto out;
		int inside = in_subtree(db, id, in->parent_id, e);
		if (inside < 0)
			goto out;
		if (inside) {
			err_set(e, ERR_BAD_INPUT, "parent_id",
				"parent_id: unit %lld cannot move under %s",
				(long long)id, in->parent_id == id ? "itself" : "its own subtree");
			goto out;
		}
	}
	if (set & UNIT_NAME) {
		struct stmt *st = db_prepare(db, "UPDATE unit SET name = :name WHERE id = :id", e);
		if (!st)
			goto out;
		db_bind_text(st, ":name", in->name);
		db_bind_int(st, ":id", id);
		int r = db_step(st, e);
		db_done(st);
		if (r < 0)
			goto out;
	}
	if (set & UNIT_PARENT) {
		struct stmt *st = db_prepare(db,
			"UPDATE unit SET parent_id = :parent WHERE id = :id", e);
		if (!st)
			goto out;
		db_bind_id(st, ":parent", in->parent_id);
		db_bind_int(st, ":id", id);
		int r = db_step(st, e);
		db_done(st);
		if (r < 0)
			goto out;
	}
	rc = 0;
out:
	return db_end(db, rc, e);
}

int unit_rm(struct db *db, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	struct stmt *st = db_prepare(db,
		"SELECT (SELECT count(*) FROM unit WHERE parent_id = :id), "
		"(SELECT count(*) FROM person WHERE unit_id = :id), "
		"(SELECT count(*) FROM plan WHERE unit_id = :id), "
		"(SELECT count(*) FROM unit WHERE id = :id)", e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", id);
	int r = db_step(st, e);
	int64_t children = 0, people = 0, plans = 0, exists = 0;
	if (r == 1) {
		children = db_col_int(st, 0);
		people = db_col_int(st, 1);
		plans = db_col_int(st, 2);
		exists = db_col_int(st, 3);
	}
	db_done(st);
	if (r < 0)
		goto out;
	if (!exists) {
		err_set(e, ERR_NOT_FOUND, "id", "no unit with id %lld", (long long)id);
		goto out;
	}
	if (children || people || plans) {
		err_set(e, ERR_CONFLICT, "id",
			"unit %lld still has %lld child unit(s), %lld person(s) and %lld plan(s): "
			"move or remove them first", (long long)id, (long long)children,
			(long long)people, (long long)plans);
		goto out;
	}
	/* the management records of the unit itself */
	st = db_prepare(db,
		"SELECT (SELECT count(*) FROM target WHERE unit_id = :id), "
		"(SELECT count(*) FROM budget WHERE unit_id = :id), "
		"(SELECT count(*) FROM position WHERE unit_id = :id), "
		"(SELECT count(*) FROM problem WHERE unit_id = :id)", e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", id);
	r = db_step(st, e);
	int64_t targets = 0, budgets = 0, positions = 0, problems = 0;
	if (r == 1) {
		targets = db_col_int(st, 0);
		budgets = db_col_int(st, 1);
		positions = db_col_int(st, 2);
		problems = db_col_int(st, 3);
	}
	db_done(st);
	if (r < 0)
		goto out;
	if (targets || budgets || positions || problems) {
		err_set(e, ERR_CONFLICT, "id",
			"unit %lld still has %lld target(s), %lld budget line(s), %lld position(s) "
			"and %lld problem(s): move or remove them first", (long long)id,
			(long long)targets, (long long)budgets, (long long)positions,
			(long long)problems);
		goto out;
	}
	/* the leadership records of the unit itself */
	st = db_prepare(db,
		"SELECT (SELECT count(*) FROM vision WHERE unit_id = :id) + "
		"(SELECT count(*) FROM strategy WHERE unit_id = :id), "
		"(SELECT count(*) FROM signal WHERE unit_id = :id), "
		"(SELECT count(*) FROM comm WHERE unit_id = :id) + "
		"(SELECT count(*) FROM comm_recipient WHERE unit_id = :id), "
		"(SELECT count(*) FROM coalition WHERE unit_id = :id) + "
		"(SELECT count(*) FROM recognition WHERE to_unit_id = :id), "
		"(SELECT count(*) FROM pulse WHERE unit_id = :id) + "
		"(SELECT count(*) FROM pulse_unit WHERE unit_id = :id) + "
		"(SELECT count(*) FROM pulse_invite WHERE unit_id = :id)", e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", id);
	r = db_step(st, e);
	int64_t lead[5] = {0};
	for (int i = 0; r == 1 && i < 5; i++)
		lead[i] = db_col_int(st, i);
	db_done(st);
	if (r < 0)
		goto out;
	if (lead[0] || lead[1] || lead[2] || lead[3] || lead[4]) {
		err_set(e, ERR_CONFLICT, "id",
			"unit %lld is still named by %lld vision(s) or strategy(ies), %lld signal(s), "
			"%lld communication(s) or recipient(s), %lld coalition(s) or recognition(s) "
			"and %lld pulse record(s): those records keep it", (long long)id,
			(long long)lead[0], (long long)lead[1], (long long)lead[2], (long long)lead[3],
			(long long)lead[4]);
		goto out;
	}
	/* where change initiatives, workshops and self-assessments name it
	 * (affected units, volunteers and balance history go with it) */
	st = db_prepare(db,
		"SELECT (SELECT count(*) FROM initiative WHERE unit_id = :id), "
		"(SELECT count(*) FROM cohort WHERE unit_id = :id), "
		"(SELECT count(*) FROM assessment WHERE unit_id = :id)", e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", id);
	r = db_step(st, e);
	int64_t chg[3] = {0};
	for (int i = 0; r == 1 && i < 3; i++)
		chg[i] = db_col_int(st, i);
	db_done(st);
	if (r < 0)
		goto out;
	if (chg[0] || chg[1] || chg[2]) {
		err_set(e, ERR_CONFLICT, "id",
			"unit %lld still runs %lld change initiative(s) and %lld workshop(s) and "
			"holds %lld self-assessment(s): those records keep it", (long long)id,
			(long long)chg[0], (long long)chg[1], (long long)chg[2]);
		goto out;
	}
	/* its own tolerances go with it */
	if (db_run_id(db, "DELETE FROM tolerance WHERE unit_id = :id", id, e) < 0)
		goto out;
	if (db_run_id(db, "DELETE FROM unit WHERE id = :id", id, e) >= 0)
		rc = 0;
out:
	return db_end(db, rc, e);
}

json_t *unit_json(const struct unit *u)
{
	json_t *o = json_object();
	json_set_int(o, "id", u->id);
	json_set_str(o, "name", u->name);
	json_set_id(o, "parent_id", u->parent_id);
	if (u->parent_name)
		json_set_str(o, "parent", u->parent_name);
	json_set_int(o, "people", u->people);
	json_set_int(o, "children", u->children);
	return o;
}
