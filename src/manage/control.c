/* control: see control.h. The tolerances of every unit are resolved in
 * memory from three small reads (the unit tree, the tolerance rows, the
 * settings), so a check over many subjects costs no query per subject. */
#include "manage/control.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/json.h"
#include "manage/capacity.h"
#include "manage/evm.h"
#include "manage/problem.h"
#include "manage/target.h"
#include "org/unit.h"

const char *const control_rules[] = {"cpi", "spi", "overdue", "overload", "burn", "target", NULL};
const int64_t control_defaults[] = {90, 90, 0, 100, 10, 80};
const char *const control_meanings[] = {
	"a plan's CPI below value/100",
	"a plan's SPI below value/100",
	"a step not done, more than value days past its due day",
	"a person's load above value % of capacity in one of the next 4 weeks",
	"a plan's spent share of its budget above its earned share by more than value points",
	"a target's progress below value % of the expected",
	NULL,
};

enum { TOL_MAX = 100000 };

const struct field tolerance_fields[] = {
	{.name = "rule", .type = FT_ENUM, .offset = offsetof(struct tolerance_input, rule),
	 .bit = TOL_RULE, .choices = control_rules, .required = 1,
	 .help = "cpi, spi, overdue, overload, burn or target"},
	{.name = "value", .type = FT_INT, .offset = offsetof(struct tolerance_input, value),
	 .bit = TOL_VALUE, .min = 0, .max = TOL_MAX, .help = "the tolerance (see control show)"},
	{.name = "enabled", .type = FT_BOOL, .offset = offsetof(struct tolerance_input, enabled),
	 .bit = TOL_ENABLED, .help = "false switches the rule off, true back on"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct tolerance_input, unit_id),
	 .bit = TOL_UNIT, .help = "the unit (and its subtree) it applies to (default: the "
				  "organization)"},
	{0},
};

const struct field check_fields[] = {
	{.name = "as_of", .type = FT_DATE, .offset = offsetof(struct check_input, as_of),
	 .bit = CHK_AS_OF, .help = "the day of the check (default today)"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct check_input, unit_id),
	 .bit = CHK_UNIT, .help = "only subjects of this unit and its subtree"},
	{0},
};

int control_rule_index(const char *name)
{
	for (int i = 0; name && control_rules[i]; i++)
		if (strcmp(control_rules[i], name) == 0)
			return i;
	return -1;
}

/* --- resolving tolerances ------------------------------------------------ */

struct tol_row {
	int64_t unit;
	int rule;
	int off;	/* a '<rule>.off' row: value is 1 (off) or 0 (on) */
	int64_t value;
};

struct tolset {
	int64_t *uid, *parent;	/* units by id */
	size_t nunits;
	struct tol_row *rows;
	size_t nrows;
	int64_t org[RULE_COUNT];
	int org_set[RULE_COUNT], org_off[RULE_COUNT];
};

/* A rule name, or "<rule>.off": the rule's index and *off; -1 if neither. */
static int parse_rule_key(const char *s, int *off)
{
	*off = 0;
	if (!s)
		return -1;
	const char *dot = strchr(s, '.');
	if (dot) {
		if (strcmp(dot, ".off") != 0)
			return -1;
		*off = 1;
	}
	for (int i = 0; control_rules[i]; i++) {
		size_t n = strlen(control_rules[i]);
		if (strncmp(s, control_rules[i], n) == 0 && (s[n] == '\0' || s + n == dot))
			return i;
	}
	return -1;
}

static void unit_pair_row(struct stmt *st, struct arena *a, void *item)
{
	(void)a;
	int64_t *p = item;
	p[0] = db_col_int(st, 0);
	p[1] = db_col_int(st, 1);
}

struct raw_row {
	int64_t unit;
	const char *rule;
	int64_t value;
};
static void raw_row(struct stmt *st, struct arena *a, void *item)
{
	struct raw_row *r = item;
	r->unit = db_col_int(st, 0);
	r->rule = arena_strdup(a, db_col_text(st, 1));
	r->value = db_col_int(st, 2);
}

struct kv {
	const char *key, *value;
};
static void kv_row(struct stmt *st, struct arena *a, void *item)
{
	struct kv *r = item;
	r->key = arena_strdup(a, db_col_text(st, 0));
	r->value = arena_strdup(a, db_col_text(st, 1));
}

static int tolset_load(struct db *db, struct arena *a, struct tolset *ts, struct err *e)
{
	memset(ts, 0, sizeof *ts);
	int64_t(*pairs)[2];
	size_t n;
	struct stmt *st = db_prepare(db, "SELECT id, coalesce(parent_id, 0) FROM unit ORDER BY id", e);
	if (!st || db_collect(st, a, sizeof *pairs, unit_pair_row, (void **)&pairs, &n, e))
		return -1;
	ts->uid = arena_alloc(a, (n + 1) * sizeof *ts->uid);
	ts->parent = arena_alloc(a, (n + 1) * sizeof *ts->parent);
	if (!ts->uid || !ts->parent)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	for (size_t i = 0; i < n; i++) {
		ts->uid[i] = pairs[i][0];
		ts->parent[i] = pairs[i][1];
	}
	ts->nunits = n;

	struct raw_row *raw;
	st = db_prepare(db, "SELECT unit_id, rule, value FROM tolerance ORDER BY unit_id, rule", e);
	if (!st || db_collect(st, a, sizeof *raw, raw_row, (void **)&raw, &n, e))
		return -1;
	ts->rows = arena_alloc(a, (n + 1) * sizeof *ts->rows);
	if (!ts->rows)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	for (size_t i = 0; i < n; i++) {
		int off;
		int rule = parse_rule_key(raw[i].rule, &off);
		if (rule < 0)
			continue;	/* a rule of a later version: ignored */
		ts->rows[ts->nrows++] = (struct tol_row){raw[i].unit, rule, off, raw[i].value};
	}

	struct kv *kv;
	st = db_prepare(db, "SELECT key, value FROM setting WHERE key LIKE 'tolerance.%'", e);
	if (!st || db_collect(st, a, sizeof *kv, kv_row, (void **)&kv, &n, e))
		return -1;
	for (size_t i = 0; i < n; i++) {
		int off;
		int rule = parse_rule_key(kv[i].key + strlen("tolerance."), &off);
		int64_t v;
		if (rule < 0 || field_parse_int(kv[i].value, &v) || v < 0)
			continue;	/* a damaged setting counts as unset */
		if (off) {
			ts->org_off[rule] = v != 0;
		} else {
			ts->org[rule] = v;
			ts->org_set[rule] = 1;
		}
	}
	return 0;
}

static int64_t tolset_parent(const struct tolset *ts, int64_t unit)
{
	size_t lo = 0, hi = ts->nunits;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ts->uid[mid] < unit)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ts->nunits && ts->uid[lo] == unit ? ts->parent[lo] : 0;
}

static const struct tol_row *tolset_row(const struct tolset *ts, int64_t unit, int rule, int off)
{
	for (size_t i = 0; i < ts->nrows; i++)
		if (ts->rows[i].unit == unit && ts->rows[i].rule == rule && ts->rows[i].off == off)
			return &ts->rows[i];
	return NULL;
}

/* The effective tolerance of rule for unit (0: the organization). The
 * walk up is bounded by the number of units, so a damaged tree with a
 * cycle cannot loop. */
static void tolset_resolve(const struct tolset *ts, int64_t unit, int rule, struct tolerance *t)
{
	memset(t, 0, sizeof *t);
	t->rule = control_rules[rule];
	int have_value = 0, have_enabled = 0;
	size_t steps = 0;
	for (int64_t u = unit; u && steps <= ts->nunits && !(have_value && have_enabled);
	     u = tolset_parent(ts, u), steps++) {
		const struct tol_row *r;
		if (!have_value && (r = tolset_row(ts, u, rule, 0))) {
			t->value = r->value;
			t->value_unit = u;
			have_value = 1;
		}
		if (!have_enabled && (r = tolset_row(ts, u, rule, 1))) {
			t->enabled = r->value == 0;
			t->enabled_unit = u;
			have_enabled = 1;
		}
	}
	if (!have_value) {
		t->value = ts->org_set[rule] ? ts->org[rule] : control_defaults[rule];
		t->value_org = ts->org_set[rule];
	}
	if (!have_enabled)
		t->enabled = !ts->org_off[rule];
}

int control_tolerances(struct db *db, int64_t unit_id, struct tolerance out[RULE_COUNT],
		       struct err *e)
{
	if (unit_id && unit_must_exist(db, unit_id, "unit_id", e))
		return -1;
	struct arena a = {0};
	struct tolset ts;
	int rc = tolset_load(db, &a, &ts, e);
	if (rc == 0)
		for (int i = 0; i < RULE_COUNT; i++)
			tolset_resolve(&ts, unit_id, i, &out[i]);
	arena_free(&a);
	return rc;
}

int control_tolerance(struct db *db, int64_t unit_id, enum control_rule rule, int64_t *value,
		      int *enabled, struct err *e)
{
	struct tolerance t[RULE_COUNT];
	if (control_tolerances(db, unit_id, t, e))
		return -1;
	*value = t[rule].value;
	*enabled = t[rule].enabled;
	return 0;
}

json_t *tolerance_json(const struct tolerance *t)
{
	json_t *o = json_object();
	json_set_str(o, "rule", t->rule);
	json_set_int(o, "value", t->value);
	json_object_set_new(o, "enabled", json_boolean(t->enabled));
	json_set_str(o, "value_from", t->value_unit ? "unit" : t->value_org ? "organization"
								     : "default");
	json_set_id(o, "value_unit_id", t->value_unit);
	json_set_str(o, "enabled_from", t->enabled_unit ? "unit" : "organization");
	json_set_id(o, "enabled_unit_id", t->enabled_unit);
	return o;
}

/* --- changing tolerances ------------------------------------------------- */

static int put_setting(struct db *db, const char *key, const char *value, struct err *e)
{
	struct stmt *st = db_prepare(db, "DELETE FROM setting WHERE key = :key", e);
	if (!st)
		return -1;
	db_bind_text(st, ":key", key);
	int rc = db_step(st, e);
	db_done(st);
	if (rc < 0 || !value)
		return rc < 0 ? -1 : 0;
	st = db_prepare(db, "INSERT INTO setting (key, value) VALUES (:key, :value)", e);
	if (!st)
		return -1;
	db_bind_text(st, ":key", key);
	db_bind_text(st, ":value", value);
	rc = db_step(st, e);
	db_done(st);
	return rc < 0 ? -1 : 0;
}

static int put_row(struct db *db, int64_t unit, const char *rule, int present, int64_t value,
		   struct err *e)
{
	struct stmt *st = db_prepare(db,
		"DELETE FROM tolerance WHERE unit_id = :unit AND rule = :rule", e);
	if (!st)
		return -1;
	db_bind_int(st, ":unit", unit);
	db_bind_text(st, ":rule", rule);
	int rc = db_step(st, e);
	db_done(st);
	if (rc < 0 || !present)
		return rc < 0 ? -1 : 0;
	st = db_prepare(db, "INSERT INTO tolerance (unit_id, rule, value) "
			    "VALUES (:unit, :rule, :value)", e);
	if (!st)
		return -1;
	db_bind_int(st, ":unit", unit);
	db_bind_text(st, ":rule", rule);
	db_bind_int(st, ":value", value);
	rc = db_step(st, e);
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int control_set(struct db *db, const struct tolerance_input *in, unsigned set, struct err *e)
{
	if (fields_require(tolerance_fields, set, e))
		return -1;
	int rule = control_rule_index(in->rule);
	if (NEVER(rule < 0))
		return err_set(e, ERR_BAD_INPUT, "rule", "rule: unknown rule");
	if (!(set & (TOL_VALUE | TOL_ENABLED)))
		return err_set(e, ERR_BAD_INPUT, "value",
			       "value: give a value, or enabled true or false");
	int64_t unit = (set & TOL_UNIT) ? in->unit_id : 0;
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	char key[64], num[32];
	if (unit && unit_must_exist(db, unit, "unit_id", e))
		goto out;
	if (set & TOL_VALUE) {
		snprintf(key, sizeof key, "tolerance.%s", in->rule);
		snprintf(num, sizeof num, "%lld", (long long)in->value);
		if (unit ? put_row(db, unit, in->rule, 1, in->value, e)
			 : put_setting(db, key, num, e))
			goto out;
	}
	if (set & TOL_ENABLED) {
		snprintf(key, sizeof key, "%s.off", in->rule);
		if (unit) {
			/* a unit's "on" is kept, to override an ancestor's "off" */
			if (put_row(db, unit, key, 1, !in->enabled, e))
				goto out;
		} else {
			char skey[80];
			snprintf(skey, sizeof skey, "tolerance.%s", key);
			if (put_setting(db, skey, in->enabled ? NULL : "1", e))
				goto out;
		}
	}
	rc = 0;
out:
	return db_end(db, rc, e);
}

int control_unset(struct db *db, const char *rule, int64_t unit_id, struct err *e)
{
	if (control_rule_index(rule) < 0)
		return err_set(e, ERR_BAD_INPUT, "rule", "rule: must be one of cpi, spi, overdue, "
			       "overload, burn, target");
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	char key[64], skey[80];
	snprintf(key, sizeof key, "%s.off", rule);
	if (unit_id) {
		if (unit_must_exist(db, unit_id, "unit_id", e) ||
		    put_row(db, unit_id, rule, 0, 0, e) || put_row(db, unit_id, key, 0, 0, e))
			goto out;
	} else {
		snprintf(skey, sizeof skey, "tolerance.%s", rule);
		if (put_setting(db, skey, NULL, e))
			goto out;
		snprintf(skey, sizeof skey, "tolerance.%s", key);
		if (put_setting(db, skey, NULL, e))
			goto out;
	}
	rc = 0;
out:
	return db_end(db, rc, e);
}

/* --- the check ----------------------------------------------------------- */

/* Severity from how far past the tolerance a deviation is (points of a
 * ratio or a percentage, or days): more than 20 is 3, more than 10 is 2. */
static int severity_of(int64_t excess)
{
	return excess > 20 ? 3 : excess > 10 ? 2 : 1;
}

/* "1234.50" for cents. */
static const char *money_text(struct arena *a, int64_t cents)
{
	int neg = cents < 0;
	uint64_t c = neg ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
	return arena_printf(a, "%s%llu.%02llu", neg ? "-" : "", (unsigned long long)(c / 100),
			    (unsigned long long)(c % 100));
}

/* x/y as a decimal with two places, rounded half up (y > 0, x >= 0). */
static const char *ratio_text(struct arena *a, int64_t x, int64_t y)
{
	int64_t r = (x * 100 + y / 2) / y;
	return arena_printf(a, "%lld.%02lld", (long long)(r / 100), (long long)(r % 100));
}

struct devs {
	struct arena *a;
	struct deviation *v;
	size_t n, cap;
};

static struct deviation *dev_add(struct devs *d, struct err *e)
{
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 32;
		struct deviation *v = arena_alloc(d->a, cap * sizeof *v);
		if (!v) {
			err_set(e, ERR_INTERNAL, "", "out of memory");
			return NULL;
		}
		if (d->n)
			memcpy(v, d->v, d->n * sizeof *v);
		d->v = v;
		d->cap = cap;
	}
	struct deviation *x = &d->v[d->n++];
	memset(x, 0, sizeof *x);
	return x;
}

struct plan_ref {
	int64_t id, unit_id;
	const char *name;
};
static void plan_ref_row(struct stmt *st, struct arena *a, void *item)
{
	struct plan_ref *p = item;
	p->id = db_col_int(st, 0);
	p->unit_id = db_col_int(st, 1);
	p->name = arena_strdup(a, db_col_text(st, 2));
}

/* cpi, spi and burn, for active and on-hold plans. */
static int check_plans(struct db *db, const struct tolset *ts, int64_t unit, int32_t as_of,
		       struct devs *d, struct err *e)
{
	struct plan_ref *p;
	size_t n;
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE
		"SELECT id, unit_id, name FROM plan WHERE status IN ('active', 'on_hold') "
		"AND (:all_units = 1 OR unit_id IN (SELECT id FROM subtree)) ORDER BY id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":all_units", !unit);
	db_bind_int(st, ":unit", unit);
	if (db_collect(st, d->a, sizeof *p, plan_ref_row, (void **)&p, &n, e))
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct tolerance t[3];
		tolset_resolve(ts, p[i].unit_id, RULE_CPI, &t[0]);
		tolset_resolve(ts, p[i].unit_id, RULE_SPI, &t[1]);
		tolset_resolve(ts, p[i].unit_id, RULE_BURN, &t[2]);
		if (!t[0].enabled && !t[1].enabled && !t[2].enabled)
			continue;
		struct evm v;
		if (evm_plan(db, p[i].id, as_of, &v, e))
			return -1;
		struct deviation *x;
		/* CPI = EV/AC < tol/100  <=>  EV x 100 < tol x AC */
		if (t[0].enabled && v.ac > 0 && v.ev * 100 < t[0].value * v.ac) {
			if (!(x = dev_add(d, e)))
				return -1;
			int64_t gap = (t[0].value * v.ac - v.ev * 100) / v.ac;
			*x = (struct deviation){.rule = "cpi", .subject_kind = "plan",
				.subject_id = p[i].id, .unit_id = p[i].unit_id,
				.severity = severity_of(gap)};
			x->title = arena_printf(d->a, "CPI %s below %s on plan %s",
						ratio_text(d->a, v.ev, v.ac),
						ratio_text(d->a, t[0].value, 100), p[i].name);
			x->detail = arena_printf(d->a, "EV %s, AC %s", money_text(d->a, v.ev),
						 money_text(d->a, v.ac));
		}
		if (t[1].enabled && v.pv > 0 && v.ev * 100 < t[1].value * v.pv) {
			if (!(x = dev_add(d, e)))
				return -1;
			int64_t gap = (t[1].value * v.pv - v.ev * 100) / v.pv;
			*x = (struct deviation){.rule = "spi", .subject_kind = "plan",
				.subject_id = p[i].id, .unit_id = p[i].unit_id,
				.severity = severity_of(gap)};
			x->title = arena_printf(d->a, "SPI %s below %s on plan %s",
						ratio_text(d->a, v.ev, v.pv),
						ratio_text(d->a, t[1].value, 100), p[i].name);
			x->detail = arena_printf(d->a, "EV %s, PV %s", money_text(d->a, v.ev),
						 money_text(d->a, v.pv));
		}
		/* AC/BAC - EV/BAC > tol/100  <=>  (AC - EV) x 100 > tol x BAC */
		if (t[2].enabled && v.bac > 0 && (v.ac - v.ev) * 100 > t[2].value * v.bac) {
			if (!(x = dev_add(d, e)))
				return -1;
			int64_t gap = ((v.ac - v.ev) * 100 - t[2].value * v.bac) / v.bac;
			*x = (struct deviation){.rule = "burn", .subject_kind = "plan",
				.subject_id = p[i].id, .unit_id = p[i].unit_id,
				.severity = severity_of(gap)};
			x->title = arena_printf(d->a, "Plan %s spends ahead of progress: %lld%% of "
						"budget spent, %lld%% earned", p[i].name,
						(long long)(v.ac * 100 / v.bac),
						(long long)(v.ev * 100 / v.bac));
			x->detail = arena_printf(d->a, "BAC %s, AC %s, EV %s",
						 money_text(d->a, v.bac), money_text(d->a, v.ac),
						 money_text(d->a, v.ev));
		}
	}
	return 0;
}

struct late_step {
	int64_t id, unit_id;
	const char *name, *due, *plan;
};
static void late_row(struct stmt *st, struct arena *a, void *item)
{
	struct late_step *s = item;
	s->id = db_col_int(st, 0);
	s->unit_id = db_col_int(st, 1);
	s->name = arena_strdup(a, db_col_text(st, 2));
	s->due = arena_strdup(a, db_col_text(st, 3));
	s->plan = arena_strdup(a, db_col_text(st, 4));
}

/* overdue: steps not done whose due day is before the check day, in
 * plans neither done nor cancelled. */
static int check_overdue(struct db *db, const struct tolset *ts, int64_t unit, int32_t as_of,
			 const char *as_of_text, struct devs *d, struct err *e)
{
	struct late_step *s;
	size_t n;
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE
		"SELECT s.id, p.unit_id, s.name, s.due, p.name FROM step s "
		"JOIN plan p ON p.id = s.plan_id WHERE s.status <> 'done' "
		"AND s.due IS NOT NULL AND s.due < :as_of "
		"AND p.status NOT IN ('done', 'cancelled') "
		"AND (:all_units = 1 OR p.unit_id IN (SELECT id FROM subtree)) ORDER BY s.id", e);
	if (!st)
		return -1;
	db_bind_text(st, ":as_of", as_of_text);
	db_bind_int(st, ":all_units", !unit);
	db_bind_int(st, ":unit", unit);
	if (db_collect(st, d->a, sizeof *s, late_row, (void **)&s, &n, e))
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct tolerance t;
		int32_t due;
		tolset_resolve(ts, s[i].unit_id, RULE_OVERDUE, &t);
		if (!t.enabled || date_parse(s[i].due, &due))
			continue;
		int64_t late = (int64_t)as_of - due;
		if (late <= t.value)
			continue;
		struct deviation *x = dev_add(d, e);
		if (!x)
			return -1;
		*x = (struct deviation){.rule = "overdue", .subject_kind = "step",
			.subject_id = s[i].id, .unit_id = s[i].unit_id,
			.severity = severity_of(late - t.value)};
		x->title = arena_printf(d->a, "Step %s of plan %s is %lld day%s overdue", s[i].name,
					s[i].plan, (long long)late, late == 1 ? "" : "s");
		x->detail = arena_printf(d->a, "due %s, not done on %s", s[i].due, as_of_text);
	}
	return 0;
}

/* overload: one deviation per person, about their worst week of the 4
 * from the check day's week. */
static int check_overload(struct db *db, const struct tolset *ts, int64_t unit, int32_t as_of,
			  struct devs *d, struct err *e)
{
	int32_t monday = as_of - (date_weekday(as_of) - 1);
	struct overload *o;
	size_t n;
	if (capacity_overloads(db, d->a, unit, monday, 4, &o, &n, e))
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct tolerance t;
		tolset_resolve(ts, o[i].unit_id, RULE_OVERLOAD, &t);
		if (!t.enabled)
			continue;
		/* the load as a percentage of capacity; no capacity at all
		 * counts as far past any tolerance */
		int64_t pct = o[i].capacity > 0 ? o[i].load * 100 / o[i].capacity : INT32_MAX;
		if (o[i].capacity > 0 && o[i].load * 100 <= t.value * o[i].capacity)
			continue;
		struct deviation *x = NULL;
		for (size_t k = 0; k < d->n; k++)
			if (strcmp(d->v[k].rule, "overload") == 0 &&
			    d->v[k].subject_id == o[i].person_id)
				x = &d->v[k];
		int64_t excess = pct - t.value;
		if (x && severity_of(excess) <= x->severity)
			continue;	/* a worse week is already reported */
		if (!x && !(x = dev_add(d, e)))
			return -1;
		*x = (struct deviation){.rule = "overload", .subject_kind = "person",
			.subject_id = o[i].person_id, .unit_id = o[i].unit_id,
			.severity = severity_of(excess)};
		char week[11];
		date_format(o[i].week, week);
		if (o[i].capacity > 0)
			x->title = arena_printf(d->a, "%s is overloaded: %lld%% of capacity in the "
						"week of %s", o[i].name, (long long)pct, week);
		else
			x->title = arena_printf(d->a, "%s has work but no capacity in the week of %s",
						o[i].name, week);
		x->detail = arena_printf(d->a, "load %lld min, capacity %lld min, tolerance %lld%%",
					 (long long)o[i].load, (long long)o[i].capacity,
					 (long long)t.value);
	}
	return 0;
}

/* target: targets whose period has begun, with a value, not achieved,
 * whose progress is below expected x tolerance. */
static int check_targets(struct db *db, const struct tolset *ts, int64_t unit,
			 const char *as_of_text, struct devs *d, struct err *e)
{
	struct target_filter f = {.unit_id = unit, .as_of = as_of_text};
	unsigned set = TGF_AS_OF | (unit ? TGF_UNIT : 0);
	struct target *v;
	size_t n;
	if (target_list(db, d->a, &f, set, &v, &n, e))
		return -1;
	for (size_t i = 0; i < n; i++) {
		const struct target_state *s = &v[i].st;
		struct tolerance t;
		tolset_resolve(ts, v[i].unit_id, RULE_TARGET, &t);
		if (!t.enabled || !s->has_current || strcmp(v[i].from, as_of_text) > 0 ||
		    s->progress_x100 >= 10000 || s->expected_x100 <= 0)
			continue;
		if (s->progress_x100 * 100 >= s->expected_x100 * t.value)
			continue;
		struct deviation *x = dev_add(d, e);
		if (!x)
			return -1;
		int64_t of_expected = s->progress_x100 * 100 / s->expected_x100;
		*x = (struct deviation){.rule = "target", .subject_kind = "target",
			.subject_id = v[i].id, .unit_id = v[i].unit_id,
			.severity = severity_of(t.value - of_expected)};
		x->title = arena_printf(d->a, "Target %s is off track: %lld%% progress, %lld%% "
					"expected", v[i].name, (long long)(s->progress_x100 / 100),
					(long long)(s->expected_x100 / 100));
		x->detail = arena_printf(d->a, "progress %lld%% of expected, tolerance %lld%%",
					 (long long)of_expected, (long long)t.value);
	}
	return 0;
}

int control_check(struct db *db, struct arena *a, const struct check_input *in, unsigned set,
		  struct check_result *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	int32_t as_of = date_today();
	if ((set & CHK_AS_OF) && date_parse(in->as_of, &as_of))
		return err_set(e, ERR_BAD_INPUT, "as_of", "as_of: must be a date as YYYY-MM-DD");
	char day[11];
	date_format(as_of, day);
	out->as_of = arena_strdup(a, day);
	int64_t unit = (set & CHK_UNIT) ? in->unit_id : 0;
	if (unit && unit_must_exist(db, unit, "unit_id", e))
		return -1;
	struct tolset ts;
	struct devs d = {.a = a};
	/* the deviations are read first; the write then opens problems for
	 * those with none open, checked again inside the transaction */
	if (tolset_load(db, a, &ts, e) || check_plans(db, &ts, unit, as_of, &d, e) ||
	    check_overdue(db, &ts, unit, as_of, day, &d, e) ||
	    check_overload(db, &ts, unit, as_of, &d, e) ||
	    check_targets(db, &ts, unit, day, &d, e))
		return -1;
	if (db_begin(db, e))
		return -1;
	int rc = 0;
	for (size_t i = 0; i < d.n && rc == 0; i++) {
		struct deviation *x = &d.v[i];
		rc = problem_open_once(db, x->rule, x->subject_kind, x->subject_id, x->unit_id,
				       x->title, x->detail, x->severity, day, &x->problem_id,
				       &x->opened, e);
		if (x->opened)
			out->opened++;
		else
			out->already++;
	}
	if (db_end(db, rc, e))
		return -1;
	out->v = d.v;
	out->n = d.n;
	return 0;
}

json_t *deviation_json(const struct deviation *d)
{
	json_t *o = json_object();
	json_set_str(o, "rule", d->rule);
	json_set_str(o, "subject_kind", d->subject_kind);
	json_set_int(o, "subject_id", d->subject_id);
	json_set_int(o, "unit_id", d->unit_id);
	json_set_str(o, "title", d->title);
	json_set_str(o, "detail", d->detail);
	json_set_int(o, "severity", d->severity);
	json_set_int(o, "problem_id", d->problem_id);
	json_object_set_new(o, "opened", json_boolean(d->opened));
	return o;
}

json_t *check_result_json(const struct check_result *r)
{
	json_t *o = json_object();
	json_set_str(o, "as_of", r->as_of);
	json_set_int(o, "deviations", (int64_t)r->n);
	json_set_int(o, "opened", (int64_t)r->opened);
	json_set_int(o, "already_open", (int64_t)r->already);
	json_t *items = json_array();
	for (size_t i = 0; i < r->n; i++)
		json_array_append_new(items, deviation_json(&r->v[i]));
	json_object_set_new(o, "items", items);
	return o;
}

/* --- the demo ------------------------------------------------------------ */

int control_demo(struct db *db, const char *today, struct err *e)
{
	/* the demo organization's tolerances: a step may slip 5 days and a
	 * person be loaded to 120 %; Operations is stricter on overdue steps */
	static const struct {
		const char *rule;
		int64_t value, unit;
	} tol[] = {{"overdue", 5, 0}, {"overload", 120, 0}, {"overdue", 2, 2}};
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < sizeof tol / sizeof tol[0]; i++) {
		struct tolerance_input ti = {.rule = tol[i].rule, .value = tol[i].value,
					     .unit_id = tol[i].unit};
		int64_t n = 0;
		if (tol[i].unit) {	/* only when the demo has that unit */
			struct stmt *st = db_prepare(db, "SELECT count(*) FROM unit WHERE id = :id", e);
			if (!st)
				return -1;
			db_bind_int(st, ":id", tol[i].unit);
			if (db_one_int(st, &n, e) < 0)
				return -1;
			if (!n)
				continue;
		}
		rc = control_set(db, &ti, TOL_RULE | TOL_VALUE | (tol[i].unit ? TOL_UNIT : 0), e);
	}
	struct arena a = {0};
	struct check_result r;
	struct check_input in = {.as_of = today};
	if (rc == 0)
		rc = control_check(db, &a, &in, CHK_AS_OF, &r, e);
	int32_t day = 0;
	if (rc == 0 && date_parse(today, &day))
		rc = err_set(e, ERR_BAD_INPUT, "today", "today: must be a date as YYYY-MM-DD");
	/* work on the first problem of a few rules; the unit's first person
	 * owns each */
	static const struct {
		const char *rule, *root, *action, *status;
		int due_days;	/* from today; negative: overdue */
	} work[] = {
		{"cpi", "Estimates were made before the scope was known.",
		 "Re-estimate the remaining steps with the team and rebaseline.", "acting", 14},
		{"spi", "Two people were pulled into support for two weeks.",
		 "Protect the team's time; move support to the on-call rota.", "investigating", -3},
		{"burn", "A supplier invoiced the whole contract up front.",
		 "Agree staged payments with the supplier.", "acting", 7},
		{"overdue", "The step waited for a review nobody had booked.",
		 "Book reviews when a step starts.", "acting", 10},
	};
	for (size_t k = 0; rc == 0 && k < sizeof work / sizeof work[0]; k++) {
		const struct deviation *x = NULL;
		for (size_t i = 0; !x && i < r.n; i++)
			if (r.v[i].opened && strcmp(r.v[i].rule, work[k].rule) == 0)
				x = &r.v[i];
		if (!x)
			continue;
		int64_t owner = 0;
		struct stmt *st = db_prepare(db, "SELECT min(id) FROM person WHERE unit_id = :unit", e);
		if (!st) {
			rc = -1;
			break;
		}
		db_bind_int(st, ":unit", x->unit_id);
		if (db_one_int(st, &owner, e) < 0) {
			rc = -1;
			break;
		}
		char due[11];
		date_format(day + work[k].due_days, due);
		struct problem_input pi = {.root_cause = work[k].root, .action = work[k].action,
					   .status = work[k].status, .owner_id = owner, .due = due};
		unsigned set = PB_ROOT | PB_ACTION | PB_STATUS | (owner ? PB_OWNER : 0) |
			       (work[k].due_days > 0 ? PB_DUE : 0);
		rc = problem_set(db, x->problem_id, &pi, set, e);
		if (rc == 0 && work[k].due_days < 0) {
			/* a due day before the day found is refused, so the overdue
			 * one is a problem found two weeks before its due day */
			char found[11];
			date_format(day + work[k].due_days - 14, found);
			st = db_prepare(db, "UPDATE problem SET found = :found, due = :due "
					    "WHERE id = :id", e);
			if (!st) {
				rc = -1;
				break;
			}
			db_bind_text(st, ":found", found);
			db_bind_text(st, ":due", due);
			db_bind_int(st, ":id", x->problem_id);
			rc = db_step(st, e) < 0 ? -1 : 0;
			db_done(st);
		}
	}
	/* a problem logged by hand and solved: closed. (A closed problem whose
	 * deviation is still there would be opened again by the next check.) */
	int64_t unit = 0, id = 0;
	if (rc == 0) {
		struct stmt *st = db_prepare(db, "SELECT min(id) FROM unit", e);
		rc = st && db_one_int(st, &unit, e) >= 0 ? 0 : -1;
	}
	if (rc == 0 && unit) {
		struct problem_input pi = {.title = "The warehouse printer jams on label stock",
					   .unit_id = unit, .severity = 1,
					   .detail = "Labels come out creased twice a day."};
		rc = problem_add(db, &pi, PB_TITLE | PB_UNIT | PB_SEVERITY | PB_DETAIL, &id, e);
		struct problem_input done = {.root_cause = "The label stock is too thick for the "
							   "printer.",
					     .action = "Switched to the supplier's thinner stock.",
					     .status = "closed"};
		if (rc == 0)
			rc = problem_set(db, id, &done, PB_ROOT | PB_ACTION | PB_STATUS, e);
		/* its days, around the demo's today rather than the clock's */
		char found[11], due[11], closed[11];
		date_format(day - 12, found);
		date_format(day - 5, due);
		date_format(day - 6, closed);
		struct stmt *st = rc == 0 ? db_prepare(db, "UPDATE problem SET found = :found, "
					    "due = :due, closed = :closed WHERE id = :id", e) : NULL;
		if (rc == 0 && !st)
			rc = -1;
		if (st) {
			db_bind_text(st, ":found", found);
			db_bind_text(st, ":due", due);
			db_bind_text(st, ":closed", closed);
			db_bind_int(st, ":id", id);
			rc = db_step(st, e) < 0 ? -1 : 0;
			db_done(st);
		}
	}
	arena_free(&a);
	return rc;
}
