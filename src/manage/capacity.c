/* capacity: see capacity.h and docs/capacity.md. */
#include "manage/capacity.h"

#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/json.h"
#include "manage/schedule.h"
#include "org/person.h"
#include "org/unit.h"

enum { MAX_WEEKS = 104 };

const struct field load_query_fields[] = {
	{.name = "person_id", .arg = 1, .type = FT_ID,
	 .offset = offsetof(struct load_query, person_id),
	 .bit = LQ_PERSON, .help = "one person"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct load_query, unit_id),
	 .bit = LQ_UNIT, .help = "the people of this unit and its subtree"},
	{.name = "from", .type = FT_DATE, .offset = offsetof(struct load_query, from),
	 .bit = LQ_FROM, .help = "a day of the first week (default: this week)"},
	{.name = "weeks", .type = FT_INT, .offset = offsetof(struct load_query, weeks),
	 .bit = LQ_WEEKS, .min = 1, .max = MAX_WEEKS, .help = "how many weeks (default 8)"},
	{0},
};

int load_query_range(const struct load_query *q, unsigned set, int32_t *from_monday,
		     int *weeks, struct err *e)
{
	int32_t day = date_today();
	if ((set & LQ_FROM) && q->from && date_parse(q->from, &day))
		return err_set(e, ERR_BAD_INPUT, "from", "from: must be YYYY-MM-DD");
	*from_monday = day - (date_weekday(day) - 1);
	*weeks = (set & LQ_WEEKS) ? (int)q->weeks : LOAD_WEEKS;
	return 0;
}

void capacity_spread(const struct calendar *cal, int32_t first, int32_t last, int32_t today,
		     int64_t minutes, int32_t from_monday, int weeks, int64_t *load)
{
	if (minutes <= 0 || weeks <= 0)
		return;
	int32_t start = cal_add_working(cal, first > today ? first : today, 0);
	if (!cal_is_working(cal, start))
		return;		/* a calendar without working days */
	int32_t end = from_monday + 7 * weeks;	/* the window is [from_monday, end) */
	if (last < start) {
		/* the span is over: what remains is due now */
		if (start >= from_monday && start < end)
			load[(start - from_monday) / 7] += minutes;
		return;
	}
	int64_t n = cal_working_between(cal, start, last + 1);
	int32_t d = start > from_monday ? start : from_monday;
	int64_t i = cal_working_between(cal, start, d);
	for (; d <= last && d < end; d++) {
		if (!cal_is_working(cal, d))
			continue;
		load[(d - from_monday) / 7] += minutes * (i + 1) / n - minutes * i / n;
		i++;
	}
}

int64_t capacity_week(const struct calendar *cal, int64_t capacity_minutes, int32_t monday)
{
	int normal = __builtin_popcount(cal->workdays & 0x7f);
	if (normal == 0)
		return 0;
	int64_t days = cal_working_between(cal, monday, monday + 7);
	return (capacity_minutes * days * 2 + normal) / (2 * normal);
}

int capacity_tolerance(struct db *db, int64_t unit_id, int64_t *pct, struct err *e)
{
	*pct = 100;
	struct stmt *st = db_prepare(db,
		"WITH RECURSIVE up(id, parent_id, depth) AS (SELECT id, parent_id, 0 FROM unit "
		"WHERE id = :unit UNION ALL SELECT u.id, u.parent_id, up.depth + 1 FROM unit u "
		"JOIN up ON u.id = up.parent_id) "
		"SELECT t.value FROM tolerance t JOIN up ON up.id = t.unit_id "
		"WHERE t.rule = 'overload' ORDER BY up.depth LIMIT 1", e);
	if (!st)
		return -1;
	db_bind_int(st, ":unit", unit_id);
	int64_t v;
	int rc = db_one_int(st, &v, e);
	if (rc < 0)
		return -1;
	if (rc == 1) {
		*pct = v;
		return 0;
	}
	st = db_prepare(db, "SELECT value FROM setting WHERE key = 'tolerance.overload'", e);
	if (!st)
		return -1;
	rc = db_step(st, e);
	if (rc == 1 && field_parse_int(db_col_text(st, 0), &v) == 0 && v >= 0)
		*pct = v;
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/* --- loads ---------------------------------------------------------------- */

struct load_person {
	int64_t id, unit_id, capacity;
	const char *name;
};

static void person_row(struct stmt *st, struct arena *a, void *item)
{
	struct load_person *p = item;
	p->id = db_col_int(st, 0);
	p->name = arena_strdup(a, db_col_text(st, 1));
	p->unit_id = db_col_int(st, 2);
	p->capacity = db_col_int(st, 3);
}

struct load_step {
	int64_t id, plan_id, person_id, remaining;
	int es, duration, scheduled;	/* the ledger's early start (step.sched_es), if kept */
	int32_t start;			/* the plan's start date */
};

static void step_row(struct stmt *st, struct arena *a, void *item)
{
	(void)a;
	struct load_step *s = item;
	s->id = db_col_int(st, 0);
	s->plan_id = db_col_int(st, 1);
	s->person_id = db_col_int(st, 2);
	int64_t estimate = db_col_int(st, 3), pct = db_col_int(st, 4);
	s->remaining = (estimate * (100 - pct) + 50) / 100;
	s->scheduled = !db_col_is_null(st, 5);
	s->es = (int)db_col_int(st, 5);
	s->duration = (int)db_col_int(st, 6);
	if (date_parse(db_col_text(st, 7), &s->start))
		s->scheduled = 0;
}

/* An index of a person's position, to find it by id. */
struct by_id {
	int64_t id;
	size_t at;
};

static int cmp_by_id(const void *a, const void *b)
{
	const struct by_id *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static const struct by_id *find_id(const struct by_id *v, size_t n, int64_t id)
{
	struct by_id key = {.id = id};
	return n ? bsearch(&key, v, n, sizeof *v, cmp_by_id) : NULL;
}

/* The dates of a plan's working days lo..hi (offsets from its first
 * working day; lo <= 0 counts back), one walk over the calendar instead
 * of one per step. */
struct plan_days {
	int lo;
	int32_t *day;
};

static int plan_days(struct arena *a, const struct calendar *cal, int32_t start, int lo, int hi,
		     struct plan_days *pd, struct err *e)
{
	pd->lo = lo;
	pd->day = arena_alloc(a, (size_t)(hi - lo + 1) * sizeof *pd->day);
	if (!pd->day)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	int32_t d = cal_add_working(cal, start, 0);
	pd->day[-lo] = d;
	if (!cal_is_working(cal, d)) {
		/* no working day at all: every offset is that day */
		for (int k = lo; k <= hi; k++)
			pd->day[k - lo] = d;
		return 0;
	}
	for (int k = 1; k <= hi; k++) {
		do
			d++;
		while (!cal_is_working(cal, d));
		pd->day[k - lo] = d;
	}
	d = pd->day[-lo];
	for (int k = -1; k >= lo; k--) {
		do
			d--;
		while (!cal_is_working(cal, d));
		pd->day[k - lo] = d;
	}
	return 0;
}

/* Adds the load of the steps of one plan (steps[first..last), all of
 * plan_id) to the people. */
static int plan_loads(struct db *db, struct arena *a, const struct calendar *cal, int32_t today,
		      const struct load_step *steps, size_t n, const struct by_id *people,
		      size_t npeople, struct person_load *out, struct err *e)
{
	struct plan_schedule s;
	if (plan_schedule(db, a, steps[0].plan_id, &s, e))
		return -1;
	struct by_id *idx = arena_alloc(a, (s.n ? s.n : 1) * sizeof *idx);
	if (!idx)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	int lo = 0, hi = 0;
	for (size_t i = 0; i < s.n; i++) {
		idx[i] = (struct by_id){s.steps[i].c.id, i};
		if (s.steps[i].c.es < lo)
			lo = s.steps[i].c.es;
		if (s.steps[i].c.ef > hi)
			hi = s.steps[i].c.ef;
	}
	qsort(idx, s.n, sizeof *idx, cmp_by_id);
	struct plan_days pd;
	if (plan_days(a, cal, s.start, lo, hi, &pd, e))
		return -1;
	for (size_t i = 0; i < n; i++) {
		const struct by_id *x = find_id(idx, s.n, steps[i].id);
		const struct by_id *p = find_id(people, npeople, steps[i].person_id);
		if (!x || !p)
			continue;
		const struct cpm_node *c = &s.steps[x->at].c;
		int32_t first = pd.day[c->es - pd.lo];
		int32_t last = c->duration ? pd.day[c->ef - 1 - pd.lo] : first;
		struct person_load *pl = &out[p->at];
		capacity_spread(cal, first, last, today, steps[i].remaining, pl->from, pl->weeks,
				pl->load);
	}
	return 0;
}

/* The same from the early starts the ledger keeps with each step (the
 * critical path of the plan, computed when the plan last changed): no
 * plan is scheduled again here. */
static void stored_loads(const struct calendar *cal, int32_t today, const struct load_step *steps,
			 size_t n, const struct by_id *people, size_t npeople,
			 struct person_load *out)
{
	for (size_t i = 0; i < n; i++) {
		const struct by_id *p = find_id(people, npeople, steps[i].person_id);
		if (!p)
			continue;
		int32_t first = schedule_day(cal, steps[i].start, steps[i].es);
		int32_t last = steps[i].duration
			? schedule_day(cal, steps[i].start, steps[i].es + steps[i].duration - 1)
			: first;
		struct person_load *pl = &out[p->at];
		capacity_spread(cal, first, last, today, steps[i].remaining, pl->from, pl->weeks,
				pl->load);
	}
}

int capacity_load(struct db *db, struct arena *a, int64_t person_id, int64_t unit_id,
		  int32_t from_monday, int weeks, struct person_load **out, size_t *n,
		  struct err *e)
{
	*out = NULL;
	*n = 0;
	if (weeks < 1 || weeks > MAX_WEEKS)
		return err_set(e, ERR_BAD_INPUT, "weeks", "weeks: must be 1 to %d", MAX_WEEKS);
	if (person_id && person_must_exist(db, person_id, "person_id", e))
		return -1;
	if (unit_id && unit_must_exist(db, unit_id, "unit_id", e))
		return -1;
	from_monday -= date_weekday(from_monday) - 1;
	struct calendar cal;
	if (calendar_load(db, a, &cal, e))
		return -1;
	struct load_person *lp;
	size_t np;
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE
		"SELECT id, name, unit_id, capacity_minutes FROM person "
		"WHERE (:all_people = 1 OR id = :person) "
		"AND (:all_units = 1 OR unit_id IN (SELECT id FROM subtree)) ORDER BY name, id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":unit", unit_id);
	db_bind_int(st, ":all_units", unit_id == 0);
	db_bind_int(st, ":person", person_id);
	db_bind_int(st, ":all_people", person_id == 0);
	if (db_collect(st, a, sizeof *lp, person_row, (void **)&lp, &np, e))
		return -1;
	struct person_load *v = arena_alloc(a, (np ? np : 1) * sizeof *v);
	struct by_id *people = arena_alloc(a, (np ? np : 1) * sizeof *people);
	if (!v || !people)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	/* each unit's tolerance once (people come by name, units mixed) */
	struct by_id *units = arena_alloc(a, (np ? np : 1) * sizeof *units);
	int64_t *tols = arena_alloc(a, (np ? np : 1) * sizeof *tols);
	if (!units || !tols)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	size_t nu = 0;
	for (size_t i = 0; i < np; i++)
		units[nu++] = (struct by_id){lp[i].unit_id, 0};
	if (nu)
		qsort(units, nu, sizeof *units, cmp_by_id);
	size_t distinct = 0;
	for (size_t i = 0; i < nu; i++) {
		if (distinct && units[distinct - 1].id == units[i].id)
			continue;
		units[distinct] = (struct by_id){units[i].id, distinct};
		if (capacity_tolerance(db, units[i].id, &tols[distinct], e))
			return -1;
		distinct++;
	}
	for (size_t i = 0; i < np; i++) {
		v[i].person_id = lp[i].id;
		v[i].name = lp[i].name;
		v[i].unit_id = lp[i].unit_id;
		v[i].weeks = weeks;
		v[i].from = from_monday;
		v[i].capacity = arena_alloc(a, (size_t)weeks * sizeof *v[i].capacity);
		v[i].load = arena_alloc(a, (size_t)weeks * sizeof *v[i].load);
		if (!v[i].capacity || !v[i].load)
			return err_set(e, ERR_INTERNAL, "", "out of memory");
		for (int w = 0; w < weeks; w++)
			v[i].capacity[w] = capacity_week(&cal, lp[i].capacity, from_monday + 7 * w);
		v[i].tolerance = tols[find_id(units, distinct, lp[i].unit_id)->at];
		people[i] = (struct by_id){lp[i].id, i};
	}
	qsort(people, np, sizeof *people, cmp_by_id);

	struct load_step *steps;
	size_t ns;
	/* the open steps of the people in scope: for one unit's subtree,
	 * from its people through the (assignee, status) index, not from
	 * every open step of the organization */
	st = db_prepare(db, unit_id && !person_id ? UNIT_SUBTREE_CTE
		"SELECT s.id, s.plan_id, s.assignee_id, s.estimate_minutes, s.pct, s.sched_es, "
		"s.duration_days, p.start_date FROM subtree u "
		"JOIN person pe ON pe.unit_id = u.id CROSS JOIN step s "
		"JOIN plan p ON p.id = s.plan_id "
		"WHERE s.assignee_id = pe.id AND s.status IN ('todo', 'doing', 'blocked') "
		"AND s.estimate_minutes > 0 "
		"AND p.status IN ('draft', 'active') AND :all_people = 1 AND :person = 0 "
		"AND :all_units = 0 ORDER BY s.plan_id, s.id"
		: UNIT_SUBTREE_CTE
		"SELECT s.id, s.plan_id, s.assignee_id, s.estimate_minutes, s.pct, s.sched_es, "
		"s.duration_days, p.start_date FROM step s "
		"JOIN plan p ON p.id = s.plan_id JOIN person pe ON pe.id = s.assignee_id "
		"WHERE s.status IN ('todo', 'doing', 'blocked') AND s.estimate_minutes > 0 "
		"AND p.status IN ('draft', 'active') "
		"AND (:all_people = 1 OR s.assignee_id = :person) "
		"AND (:all_units = 1 OR pe.unit_id IN (SELECT id FROM subtree)) "
		"ORDER BY s.plan_id, s.id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":unit", unit_id);
	db_bind_int(st, ":all_units", unit_id == 0);
	db_bind_int(st, ":person", person_id);
	db_bind_int(st, ":all_people", person_id == 0);
	if (db_collect(st, a, sizeof *steps, step_row, (void **)&steps, &ns, e))
		return -1;
	int32_t today = date_today();
	for (size_t i = 0; i < ns;) {
		size_t j = i;
		int scheduled = 1;
		while (j < ns && steps[j].plan_id == steps[i].plan_id)
			scheduled &= steps[j++].scheduled;
		if (scheduled)
			stored_loads(&cal, today, steps + i, j - i, people, np, v);
		else if (plan_loads(db, a, &cal, today, steps + i, j - i, people, np, v, e))
			return -1;
		i = j;
	}
	*out = v;
	*n = np;
	return 0;
}

int capacity_overloads(struct db *db, struct arena *a, int64_t unit_id, int32_t from_monday,
		       int weeks, struct overload **out, size_t *n, struct err *e)
{
	*out = NULL;
	*n = 0;
	struct person_load *v;
	size_t np;
	if (capacity_load(db, a, 0, unit_id, from_monday, weeks, &v, &np, e))
		return -1;
	size_t count = 0;
	for (size_t i = 0; i < np; i++)
		for (int w = 0; w < weeks; w++)
			count += capacity_overloaded(&v[i], w);
	struct overload *o = arena_alloc(a, (count ? count : 1) * sizeof *o);
	if (!o)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	size_t k = 0;
	for (int w = 0; w < weeks; w++)
		for (size_t i = 0; i < np; i++)
			if (capacity_overloaded(&v[i], w))
				o[k++] = (struct overload){.person_id = v[i].person_id,
							   .name = v[i].name,
							   .unit_id = v[i].unit_id,
							   .week = v[i].from + 7 * w,
							   .load = v[i].load[w],
							   .capacity = v[i].capacity[w]};
	*out = o;
	*n = k;
	return 0;
}

int capacity_overloaded(const struct person_load *p, int w)
{
	return p->load[w] > 0 && p->load[w] * 100 > p->capacity[w] * p->tolerance;
}

static void set_pct(json_t *o, int64_t load, int64_t capacity)
{
	if (capacity > 0)
		json_set_int(o, "pct", (load * 100 + capacity / 2) / capacity);
	else
		json_object_set_new(o, "pct", json_null());
}

json_t *person_load_json(const struct person_load *p)
{
	json_t *o = json_object();
	json_set_int(o, "person_id", p->person_id);
	json_set_str(o, "name", p->name);
	json_set_int(o, "unit_id", p->unit_id);
	json_set_int(o, "tolerance", p->tolerance);
	json_t *weeks = json_array();
	for (int w = 0; w < p->weeks; w++) {
		json_t *x = json_object();
		char day[11];
		date_format(p->from + 7 * w, day);
		json_set_str(x, "week", day);
		json_set_hours(x, "load_hours", p->load[w]);
		json_set_hours(x, "capacity_hours", p->capacity[w]);
		set_pct(x, p->load[w], p->capacity[w]);
		json_object_set_new(x, "overloaded", json_boolean(capacity_overloaded(p, w)));
		json_array_append_new(weeks, x);
	}
	json_object_set_new(o, "weeks", weeks);
	return o;
}

json_t *overload_json(const struct overload *o)
{
	json_t *x = json_object();
	json_set_int(x, "person_id", o->person_id);
	json_set_str(x, "name", o->name);
	json_set_int(x, "unit_id", o->unit_id);
	char day[11];
	date_format(o->week, day);
	json_set_str(x, "week", day);
	json_set_hours(x, "load_hours", o->load);
	json_set_hours(x, "capacity_hours", o->capacity);
	set_pct(x, o->load, o->capacity);
	return x;
}
