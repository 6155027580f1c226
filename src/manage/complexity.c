/* complexity: see complexity.h. Three grouped queries count each unit's
 * own people, plans, steps and dependencies; the counts are then summed
 * up the tree in memory, so the whole organization costs the same three
 * scans as one unit. */
#include "manage/complexity.h"

#include <stdlib.h>

#include "base/json.h"
#include "org/unit.h"

/* num/den x scale, rounded half up; 0 with *has 0 when den is 0. */
static int64_t ratio(int64_t num, int64_t den, int64_t scale, int *has)
{
	*has = den > 0;
	return den > 0 ? (num * scale + den / 2) / den : 0;
}

static void derive(struct complexity *c)
{
	c->open_per_person = ratio(c->open_steps, c->people, 100, &c->has_open_per_person);
	c->dep_density = ratio(c->deps, c->steps, 100, &c->has_dep_density);
	c->handoff_pct = ratio(c->handoffs, c->deps, 10000, &c->has_handoff_pct);
	c->steps_per_plan = ratio(c->steps, c->plans, 100, &c->has_steps_per_plan);
}

/* Keeps the larger plan: more steps, then the smaller id. */
static void consider_plan(struct complexity *c, int64_t id, const char *name, int64_t steps)
{
	if (!id)
		return;
	if (c->largest_plan_id && (steps < c->largest_plan_steps ||
				   (steps == c->largest_plan_steps && id > c->largest_plan_id)))
		return;
	c->largest_plan_id = id;
	c->largest_plan_name = name;
	c->largest_plan_steps = steps;
}

/* unit id -> node index, for the rows of the grouped queries */
struct slot {
	int64_t id;
	size_t at;
};

static int by_id(const void *a, const void *b)
{
	const struct slot *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static struct complexity_node *node_of(struct complexity_node *nodes, const struct slot *idx,
				       size_t n, int64_t unit)
{
	struct slot key = {.id = unit};
	const struct slot *s = n ? bsearch(&key, idx, n, sizeof *idx, by_id) : NULL;
	return s ? &nodes[s->at] : NULL;
}

/* The subtree's filter, shared by the three queries: :all = 1 for every unit. */
#define IN_SCOPE(col) "(:all = 1 OR " col " IN (SELECT id FROM subtree))"

static void bind_scope(struct stmt *st, int64_t unit_id)
{
	db_bind_int(st, ":unit", unit_id);
	db_bind_int(st, ":all", unit_id == 0);
}

static int count_people(struct db *db, int64_t unit_id, struct complexity_node *nodes,
			const struct slot *idx, size_t n, struct err *e)
{
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE
		"SELECT unit_id, count(*) FROM person WHERE " IN_SCOPE("unit_id")
		" GROUP BY unit_id", e);
	if (!st)
		return -1;
	bind_scope(st, unit_id);
	int rc;
	while ((rc = db_step(st, e)) == 1) {
		struct complexity_node *u = node_of(nodes, idx, n, db_col_int(st, 0));
		if (u)
			u->c.people += db_col_int(st, 1);
	}
	db_done(st);
	return rc;
}

static int count_plans(struct db *db, struct arena *a, int64_t unit_id,
		       struct complexity_node *nodes, const struct slot *idx, size_t n,
		       struct err *e)
{
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE
		"SELECT p.id, p.unit_id, p.name, count(s.id), "
		"coalesce(sum(CASE WHEN s.status IN ('todo','doing','blocked') THEN 1 ELSE 0 END), 0) "
		"FROM plan p LEFT JOIN step s ON s.plan_id = p.id WHERE " IN_SCOPE("p.unit_id")
		" GROUP BY p.id, p.unit_id, p.name", e);
	if (!st)
		return -1;
	bind_scope(st, unit_id);
	int rc;
	while ((rc = db_step(st, e)) == 1) {
		struct complexity_node *u = node_of(nodes, idx, n, db_col_int(st, 1));
		if (!u)
			continue;
		int64_t steps = db_col_int(st, 3);
		u->c.plans++;
		u->c.steps += steps;
		u->c.open_steps += db_col_int(st, 4);
		const char *name = arena_strdup(a, db_col_text(st, 2));
		if (!name) {
			db_done(st);
			return err_set(e, ERR_INTERNAL, "", "out of memory");
		}
		consider_plan(&u->c, db_col_int(st, 0), name, steps);
	}
	db_done(st);
	return rc;
}

/* Dependencies stay within a plan, so the dependent step's plan places
 * one. A hand-off needs both assignees: NULL <> x is not true. */
static int count_deps(struct db *db, int64_t unit_id, struct complexity_node *nodes,
		      const struct slot *idx, size_t n, struct err *e)
{
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE
		"SELECT p.unit_id, count(*), "
		"coalesce(sum(CASE WHEN a1.unit_id <> a2.unit_id THEN 1 ELSE 0 END), 0) "
		"FROM step_dep d JOIN step s1 ON s1.id = d.step_id "
		"JOIN plan p ON p.id = s1.plan_id JOIN step s2 ON s2.id = d.depends_on "
		"LEFT JOIN person a1 ON a1.id = s1.assignee_id "
		"LEFT JOIN person a2 ON a2.id = s2.assignee_id "
		"WHERE " IN_SCOPE("p.unit_id") " GROUP BY p.unit_id", e);
	if (!st)
		return -1;
	bind_scope(st, unit_id);
	int rc;
	while ((rc = db_step(st, e)) == 1) {
		struct complexity_node *u = node_of(nodes, idx, n, db_col_int(st, 0));
		if (u) {
			u->c.deps += db_col_int(st, 1);
			u->c.handoffs += db_col_int(st, 2);
		}
	}
	db_done(st);
	return rc;
}

int complexity_tree(struct db *db, struct arena *a, int64_t unit_id,
		    struct complexity_node **out, size_t *n, struct err *e)
{
	struct unit *units;
	size_t nunits;
	if (unit_list(db, a, &units, &nunits, e))
		return -1;
	/* the requested subtree is a run of the tree order: the unit, then
	 * the deeper rows after it */
	size_t first = 0, last = nunits;
	if (unit_id) {
		for (first = 0; first < nunits && units[first].id != unit_id; first++)
			;
		if (first == nunits)
			return err_set(e, ERR_NOT_FOUND, "unit_id", "unit_id: no unit with id %lld",
				       (long long)unit_id);
		for (last = first + 1; last < nunits && units[last].depth > units[first].depth;
		     last++)
			;
	}
	size_t count = last - first;
	struct complexity_node *nodes = arena_alloc(a, (count ? count : 1) * sizeof *nodes);
	struct slot *idx = arena_alloc(a, (count ? count : 1) * sizeof *idx);
	if (!nodes || !idx)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	int base = count ? units[first].depth : 0;
	for (size_t i = 0; i < count; i++) {
		const struct unit *u = &units[first + i];
		nodes[i] = (struct complexity_node){.unit_id = u->id, .parent_id = u->parent_id,
						    .name = u->name, .depth = u->depth - base};
		idx[i] = (struct slot){.id = u->id, .at = i};
	}
	qsort(idx, count, sizeof *idx, by_id);
	if (count_people(db, unit_id, nodes, idx, count, e) ||
	    count_plans(db, a, unit_id, nodes, idx, count, e) ||
	    count_deps(db, unit_id, nodes, idx, count, e))
		return -1;
	/* children follow their parent: walking backwards, a node's subtree
	 * is complete before it is added to its parent */
	for (size_t i = count; i-- > 0;) {
		struct complexity *c = &nodes[i].c;
		derive(c);
		if (nodes[i].depth == 0)
			continue;
		struct complexity_node *p = node_of(nodes, idx, count, nodes[i].parent_id);
		if (NEVER(!p))
			continue;
		p->c.people += c->people;
		p->c.plans += c->plans;
		p->c.steps += c->steps;
		p->c.open_steps += c->open_steps;
		p->c.deps += c->deps;
		p->c.handoffs += c->handoffs;
		consider_plan(&p->c, c->largest_plan_id, c->largest_plan_name,
			      c->largest_plan_steps);
	}
	*out = nodes;
	*n = count;
	return 0;
}

int complexity_unit(struct db *db, struct arena *a, int64_t unit_id, struct complexity *out,
		    struct err *e)
{
	if (unit_id <= 0)
		return err_set(e, ERR_BAD_INPUT, "unit_id", "unit_id: is required");
	struct complexity_node *nodes;
	size_t n;
	if (complexity_tree(db, a, unit_id, &nodes, &n, e))
		return -1;
	if (NEVER(n == 0))
		return err_set(e, ERR_INTERNAL, "", "no unit %lld in its own subtree",
			       (long long)unit_id);
	*out = nodes[0].c;
	return 0;
}

static void set_ratio(json_t *o, const char *key, int has, int64_t x100)
{
	if (has)
		json_set_decimal(o, key, x100);
	else
		json_object_set_new(o, key, json_null());
}

json_t *complexity_json(const struct complexity *c)
{
	json_t *o = json_object();
	json_set_int(o, "people", c->people);
	json_set_int(o, "plans", c->plans);
	json_set_int(o, "steps", c->steps);
	json_set_int(o, "open_steps", c->open_steps);
	json_set_int(o, "dependencies", c->deps);
	json_set_int(o, "handoffs", c->handoffs);
	set_ratio(o, "open_steps_per_person", c->has_open_per_person, c->open_per_person);
	set_ratio(o, "dependency_density", c->has_dep_density, c->dep_density);
	set_ratio(o, "handoff_pct", c->has_handoff_pct, c->handoff_pct);
	set_ratio(o, "steps_per_plan", c->has_steps_per_plan, c->steps_per_plan);
	if (c->largest_plan_id) {
		json_t *p = json_object();
		json_set_int(p, "id", c->largest_plan_id);
		json_set_str(p, "name", c->largest_plan_name);
		json_set_int(p, "steps", c->largest_plan_steps);
		json_object_set_new(o, "largest_plan", p);
	} else {
		json_object_set_new(o, "largest_plan", json_null());
	}
	return o;
}
