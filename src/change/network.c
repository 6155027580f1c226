/* network: see network.h. */
#include "change/network.h"

#include <string.h>

#include "base/json.h"
#include "change/urgency.h"

/* Every unit's level: a root is 1. */
#define DEPTH_CTE                                                                       \
	", depth(id, lvl) AS (SELECT id, 1 FROM unit WHERE parent_id IS NULL "              \
	"UNION ALL SELECT u.id, x.lvl + 1 FROM unit u JOIN depth x ON u.parent_id = x.id) "

static void person_row(struct stmt *st, struct arena *a, void *item)
{
	struct network_person *p = item;
	p->person_id = db_col_int(st, 0);
	p->name = arena_strdup(a, db_col_text(st, 1));
	p->unit_id = db_col_int(st, 2);
	p->unit = arena_strdup(a, db_col_text(st, 3));
	p->level = (int)db_col_int(st, 4);
	p->manager = db_col_int(st, 5) != 0;
	p->outside = db_col_int(st, 6) != 0;
	p->role = arena_strdup(a, db_col_text(st, 7));
	p->joined = arena_strdup(a, db_col_text(st, 8));
}

static void affected_row(struct stmt *st, struct arena *a, void *item)
{
	struct network_unit *u = item;
	u->unit_id = db_col_int(st, 0);
	u->unit = arena_strdup(a, db_col_text(st, 1));
	u->level = (int)db_col_int(st, 2);
	u->people = db_col_int(st, 3);
	u->volunteers = db_col_int(st, 4);
}

/* Volunteers per unit, most first (then by name), from the people list. */
static int by_unit(struct arena *a, struct network *n, struct err *e)
{
	n->by_unit = arena_alloc(a, (n->npeople ? n->npeople : 1) * sizeof *n->by_unit);
	if (!n->by_unit)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	n->nby_unit = 0;
	for (size_t i = 0; i < n->npeople; i++) {
		const struct network_person *p = &n->people[i];
		size_t k = 0;
		while (k < n->nby_unit && n->by_unit[k].unit_id != p->unit_id)
			k++;
		if (k == n->nby_unit)
			n->by_unit[n->nby_unit++] = (struct network_unit){
				.unit_id = p->unit_id, .unit = p->unit, .level = p->level};
		n->by_unit[k].volunteers++;
	}
	/* insertion sort: few units */
	for (size_t i = 1; i < n->nby_unit; i++) {
		struct network_unit x = n->by_unit[i];
		size_t j = i;
		while (j > 0 && (n->by_unit[j - 1].volunteers < x.volunteers ||
				 (n->by_unit[j - 1].volunteers == x.volunteers &&
				  strcmp(n->by_unit[j - 1].unit, x.unit) > 0))) {
			n->by_unit[j] = n->by_unit[j - 1];
			j--;
		}
		n->by_unit[j] = x;
	}
	return 0;
}

int network_get(struct db *db, struct arena *a, int64_t id, struct network *out,
		struct err *e)
{
	memset(out, 0, sizeof *out);
	int rc = db_run_id(db, "SELECT 1 FROM initiative WHERE id = :id", id, e);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no initiative with id %lld", (long long)id);
	out->initiative_id = id;
	struct stmt *st = db_prepare(db, CHANGE_SCOPE_CTE DEPTH_CTE
		"SELECT v.person_id, p.name, p.unit_id, un.name, dp.lvl, "
		"CASE WHEN EXISTS (SELECT 1 FROM person m WHERE m.manager_id = p.id) "
		"THEN 1 ELSE 0 END, "
		"CASE WHEN p.unit_id IN (SELECT id FROM scope) THEN 0 ELSE 1 END, "
		"v.role, v.joined FROM volunteer v JOIN person p ON p.id = v.person_id "
		"JOIN unit un ON un.id = p.unit_id JOIN depth dp ON dp.id = p.unit_id "
		"WHERE v.initiative_id = :init ORDER BY dp.lvl, un.name, p.name, p.id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":init", id);
	if (db_collect(st, a, sizeof *out->people, person_row, (void **)&out->people,
		       &out->npeople, e))
		return -1;
	st = db_prepare(db, CHANGE_SCOPE_CTE
		", tree(root, id) AS (SELECT id, id FROM base UNION SELECT t.root, u.id "
		"FROM unit u JOIN tree t ON u.parent_id = t.id)" DEPTH_CTE
		"SELECT r.id, un.name, dp.lvl, "
		"(SELECT count(*) FROM person p WHERE p.unit_id IN "
		"(SELECT t.id FROM tree t WHERE t.root = r.id)), "
		"(SELECT count(*) FROM volunteer v JOIN person p ON p.id = v.person_id "
		"WHERE v.initiative_id = :init AND p.unit_id IN "
		"(SELECT t.id FROM tree t WHERE t.root = r.id)) "
		"FROM base r JOIN unit un ON un.id = r.id JOIN depth dp ON dp.id = r.id "
		/* a unit under another affected unit is counted in its subtree */
		"WHERE NOT EXISTS (SELECT 1 FROM tree t WHERE t.id = r.id AND t.root <> r.id) "
		"ORDER BY un.name, r.id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":init", id);
	if (db_collect(st, a, sizeof *out->affected, affected_row, (void **)&out->affected,
		       &out->naffected, e))
		return -1;
	if (by_unit(a, out, e))
		return -1;
	/* the summary; people come ordered by level */
	for (size_t i = 0; i < out->npeople; i++) {
		const struct network_person *p = &out->people[i];
		out->volunteers++;
		if (p->manager)
			out->managers++;
		else
			out->non_managers++;
		if (p->outside)
			out->outside++;
		if (i == 0 || p->level != out->people[i - 1].level)
			out->levels++;
	}
	if (out->npeople) {
		out->min_level = out->people[0].level;
		out->max_level = out->people[out->npeople - 1].level;
	}
	out->units = (int64_t)out->nby_unit;
	return 0;
}

json_t *network_json(const struct network *n)
{
	json_t *o = json_object();
	json_set_int(o, "initiative_id", n->initiative_id);
	json_set_int(o, "volunteers", n->volunteers);
	json_set_int(o, "units", n->units);
	json_set_int(o, "levels", n->levels);
	json_set_int(o, "min_level", n->min_level);
	json_set_int(o, "max_level", n->max_level);
	json_set_int(o, "managers", n->managers);
	json_set_int(o, "non_managers", n->non_managers);
	json_set_int(o, "outside", n->outside);
	json_t *bu = json_array();
	for (size_t i = 0; i < n->nby_unit; i++) {
		json_t *u = json_object();
		json_set_int(u, "unit_id", n->by_unit[i].unit_id);
		json_set_str(u, "unit", n->by_unit[i].unit);
		json_set_int(u, "level", n->by_unit[i].level);
		json_set_int(u, "volunteers", n->by_unit[i].volunteers);
		json_array_append_new(bu, u);
	}
	json_object_set_new(o, "by_unit", bu);
	json_t *af = json_array();
	for (size_t i = 0; i < n->naffected; i++) {
		json_t *u = json_object();
		json_set_int(u, "unit_id", n->affected[i].unit_id);
		json_set_str(u, "unit", n->affected[i].unit);
		json_set_int(u, "level", n->affected[i].level);
		json_set_int(u, "people", n->affected[i].people);
		json_set_int(u, "volunteers", n->affected[i].volunteers);
		json_array_append_new(af, u);
	}
	json_object_set_new(o, "affected", af);
	json_t *pp = json_array();
	for (size_t i = 0; i < n->npeople; i++) {
		const struct network_person *p = &n->people[i];
		json_t *x = json_object();
		json_set_int(x, "person_id", p->person_id);
		json_set_str(x, "name", p->name);
		json_set_int(x, "unit_id", p->unit_id);
		json_set_str(x, "unit", p->unit);
		json_set_int(x, "level", p->level);
		json_object_set_new(x, "manager", json_boolean(p->manager));
		json_object_set_new(x, "outside", json_boolean(p->outside));
		json_set_str(x, "role", p->role);
		json_set_str(x, "joined", p->joined);
		json_array_append_new(pp, x);
	}
	json_object_set_new(o, "people", pp);
	return o;
}
