/* timeprofile: see timeprofile.h. Two grouped queries (the minutes by
 * unit, group and class; the people by unit and group) fill each unit's
 * own figures; sums up the tree in memory then give every subtree's, so
 * the whole organization costs the same two scans as one unit. */
#include "balance/timeprofile.h"

#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/json.h"
#include "org/setting.h"
#include "org/unit.h"

const char *const tp_class_keys[TP_CLASSES] = {
	"planning",  "budgeting", "organizing", "staffing",   "controlling", "problem-solving",
	"direction", "aligning",  "motivating", "change",     "unclassified"};
const char *const tp_process_keys[TP_PROCESSES] = {"planning",  "staffing", "controlling",
						   "direction", "aligning", "motivating"};
const char *const tp_process_names[TP_PROCESSES] = {
	"planning and budgeting", "organizing and staffing", "controlling and problem solving",
	"setting a direction",	  "aligning people",	     "motivating and inspiring"};

const struct field tp_query_fields[] = {
	{.name = "unit_id", .arg = 1, .type = FT_ID, .offset = offsetof(struct tp_query, unit_id),
	 .bit = TPQ_UNIT, .help = "one unit with its sub-units (default: the whole organization)"},
	{.name = "from", .type = FT_DATE, .offset = offsetof(struct tp_query, from),
	 .bit = TPQ_FROM, .help = "the first day of the period (default: the window before --to)"},
	{.name = "to", .type = FT_DATE, .offset = offsetof(struct tp_query, to), .bit = TPQ_TO,
	 .help = "the last day of the period, inclusive (default: today)"},
	{0},
};

int tp_process_of(int c)
{
	/* planning 0 budgeting 1 | organizing 2 staffing 3 | controlling 4
	 * problem-solving 5 | direction 6 | aligning 7 | motivating 8 change 9 */
	static const int of[TP_CLASSES] = {0, 0, 1, 1, 2, 2, 3, 4, 5, 5, -1};
	return c >= 0 && c < TP_CLASSES ? of[c] : -1;
}

int64_t tp_process_minutes(const struct tp_mix *m, int p)
{
	int64_t sum = 0;
	for (int c = 0; c < TP_CLASSES; c++)
		if (tp_process_of(c) == p)
			sum += m->minutes[c];
	return sum;
}

int64_t tp_management_minutes(const struct tp_mix *m)
{
	return tp_process_minutes(m, 0) + tp_process_minutes(m, 1) + tp_process_minutes(m, 2);
}

int64_t tp_leadership_minutes(const struct tp_mix *m)
{
	return tp_process_minutes(m, 3) + tp_process_minutes(m, 4) + tp_process_minutes(m, 5);
}

int64_t tp_share10(int64_t part, int64_t whole)
{
	return whole > 0 ? (part * 1000 + whole / 2) / whole : -1;
}

static int class_index(const char *key)
{
	for (int c = 0; key && c < TP_UNCLASSIFIED; c++)
		if (strcmp(tp_class_keys[c], key) == 0)
			return c;
	return TP_UNCLASSIFIED;
}

static void mix_add(struct tp_mix *to, const struct tp_mix *from)
{
	to->people += from->people;
	to->logging += from->logging;
	to->total += from->total;
	for (int c = 0; c < TP_CLASSES; c++)
		to->minutes[c] += from->minutes[c];
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

static struct tp_node *node_of(struct tp_node *nodes, const struct slot *idx, size_t n,
			       int64_t unit)
{
	struct slot key = {.id = unit};
	const struct slot *s = n ? bsearch(&key, idx, n, sizeof *idx, by_id) : NULL;
	return s ? &nodes[s->at] : NULL;
}

/* Managers: whoever is someone's manager. :all = 1 for every unit. */
#define MANAGERS "(SELECT DISTINCT manager_id AS id FROM person WHERE manager_id IS NOT NULL)"
#define IN_SCOPE(col) "(:all = 1 OR " col " IN (SELECT id FROM subtree))"
#define IS_MANAGER "CASE WHEN m.id IS NULL THEN 0 ELSE 1 END"

static void bind_scope(struct stmt *st, int64_t unit_id)
{
	db_bind_int(st, ":unit", unit_id);
	db_bind_int(st, ":all", unit_id == 0);
}

/* The minutes of the period by the person's unit, group and class (the
 * entry's, else its step's). */
static int sum_minutes(struct db *db, const struct timeprofile *p, const struct slot *idx,
		       struct err *e)
{
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE
		"SELECT pe.unit_id, " IS_MANAGER ", coalesce(t.activity, s.activity), "
		"sum(t.minutes) FROM time_entry t JOIN person pe ON pe.id = t.person_id "
		"JOIN step s ON s.id = t.step_id LEFT JOIN " MANAGERS " m ON m.id = pe.id "
		"WHERE t.day >= :from AND t.day <= :to AND " IN_SCOPE("pe.unit_id")
		" GROUP BY pe.unit_id, " IS_MANAGER ", coalesce(t.activity, s.activity)", e);
	if (!st)
		return -1;
	bind_scope(st, p->unit_id);
	db_bind_text(st, ":from", p->from);
	db_bind_text(st, ":to", p->to);
	int rc;
	while ((rc = db_step(st, e)) == 1) {
		struct tp_node *u = node_of(p->nodes, idx, p->n, db_col_int(st, 0));
		if (!u)
			continue;
		struct tp_mix *m = db_col_int(st, 1) ? &u->managers : &u->others;
		int64_t minutes = db_col_int(st, 3);
		m->minutes[class_index(db_col_text(st, 2))] += minutes;
		m->total += minutes;
	}
	db_done(st);
	return rc;
}

/* The people by unit and group, and how many of them logged time in the
 * period (time_person_day answers the EXISTS). */
static int count_people(struct db *db, const struct timeprofile *p, const struct slot *idx,
			struct err *e)
{
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE
		"SELECT pe.unit_id, " IS_MANAGER ", count(*), "
		"sum(CASE WHEN EXISTS (SELECT 1 FROM time_entry t WHERE t.person_id = pe.id "
		"AND t.day >= :from AND t.day <= :to) THEN 1 ELSE 0 END) "
		"FROM person pe LEFT JOIN " MANAGERS " m ON m.id = pe.id WHERE "
		IN_SCOPE("pe.unit_id") " GROUP BY pe.unit_id, " IS_MANAGER, e);
	if (!st)
		return -1;
	bind_scope(st, p->unit_id);
	db_bind_text(st, ":from", p->from);
	db_bind_text(st, ":to", p->to);
	int rc;
	while ((rc = db_step(st, e)) == 1) {
		struct tp_node *u = node_of(p->nodes, idx, p->n, db_col_int(st, 0));
		if (!u)
			continue;
		struct tp_mix *m = db_col_int(st, 1) ? &u->managers : &u->others;
		m->people += db_col_int(st, 2);
		m->logging += db_col_int(st, 3);
	}
	db_done(st);
	return rc;
}

/* The period: given days, else the window before today. */
static int period(struct db *db, struct arena *a, const struct tp_query *q, unsigned set,
		  int32_t today, struct timeprofile *out, struct err *e)
{
	int32_t from, to = today;
	if ((set & TPQ_TO) && date_parse(q->to, &to))
		return err_set(e, ERR_BAD_INPUT, "to", "to: must be a date as YYYY-MM-DD");
	if (set & TPQ_FROM) {
		if (date_parse(q->from, &from))
			return err_set(e, ERR_BAD_INPUT, "from", "from: must be a date as YYYY-MM-DD");
	} else {
		int64_t window;
		if (setting_int(db, "balance.time_window_days", &window, e))
			return -1;
		from = to - (int32_t)window + 1;
	}
	char f[11], t[11];
	date_format(from, f);
	date_format(to, t);
	if (from > to)
		return err_set(e, ERR_BAD_INPUT, "from",
			       "from: the period starts (%s) after it ends (%s)", f, t);
	out->from = arena_strdup(a, f);
	out->to = arena_strdup(a, t);
	out->days = (int64_t)to - from + 1;
	if (!out->from || !out->to)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	return 0;
}

int timeprofile_get(struct db *db, struct arena *a, const struct tp_query *q, unsigned set,
		    int32_t today, struct timeprofile *out, struct err *e)
{
	*out = (struct timeprofile){.unit_id = (set & TPQ_UNIT) ? q->unit_id : 0,
				    .unit_name = "the organization"};
	if ((set & TPQ_UNIT) && q->unit_id <= 0)
		return err_set(e, ERR_BAD_INPUT, "unit_id", "unit_id: must be a positive id");
	if (period(db, a, q, set, today, out, e))
		return -1;
	struct unit *units;
	size_t nunits;
	if (unit_list(db, a, &units, &nunits, e))
		return -1;
	/* the requested subtree is a run of the tree order: the unit, then
	 * the deeper rows after it */
	size_t first = 0, last = nunits;
	if (out->unit_id) {
		while (first < nunits && units[first].id != out->unit_id)
			first++;
		if (first == nunits)
			return err_set(e, ERR_NOT_FOUND, "unit_id", "unit_id: no unit with id %lld",
				       (long long)out->unit_id);
		for (last = first + 1; last < nunits && units[last].depth > units[first].depth;
		     last++)
			;
		out->unit_name = units[first].name;
	}
	size_t count = last - first;
	out->nodes = arena_alloc(a, (count ? count : 1) * sizeof *out->nodes);
	struct slot *idx = arena_alloc(a, (count ? count : 1) * sizeof *idx);
	if (!out->nodes || !idx)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	out->n = count;
	int base = count ? units[first].depth : 0;
	for (size_t i = 0; i < count; i++) {
		const struct unit *u = &units[first + i];
		out->nodes[i] = (struct tp_node){.unit_id = u->id, .parent_id = u->parent_id,
						 .name = u->name, .depth = u->depth - base};
		idx[i] = (struct slot){.id = u->id, .at = i};
	}
	qsort(idx, count, sizeof *idx, by_id);
	if (sum_minutes(db, out, idx, e) || count_people(db, out, idx, e))
		return -1;
	/* children follow their parent: walking backwards, a node's subtree
	 * is complete before it is added to its parent; the tops make the
	 * scope's total */
	for (size_t i = count; i-- > 0;) {
		struct tp_node *u = &out->nodes[i];
		if (u->depth == 0) {
			mix_add(&out->managers, &u->managers);
			mix_add(&out->others, &u->others);
			continue;
		}
		struct tp_node *parent = node_of(out->nodes, idx, count, u->parent_id);
		if (NEVER(!parent))
			continue;
		mix_add(&parent->managers, &u->managers);
		mix_add(&parent->others, &u->others);
	}
	return 0;
}

/* {"minutes": m, "pct": share or null} */
static json_t *part_json(int64_t minutes, int64_t total)
{
	json_t *o = json_object();
	json_set_int(o, "minutes", minutes);
	json_set_hours(o, "hours", minutes);
	int64_t s = tp_share10(minutes, total);
	if (s < 0)
		json_object_set_new(o, "pct", json_null());
	else
		json_set_decimal(o, "pct", s * 10);
	return o;
}

json_t *tp_mix_json(const struct tp_mix *m)
{
	json_t *o = json_object();
	json_set_int(o, "people", m->people);
	json_set_int(o, "logging", m->logging);
	json_set_int(o, "minutes", m->total);
	json_set_hours(o, "hours", m->total);
	json_object_set_new(o, "management", part_json(tp_management_minutes(m), m->total));
	json_object_set_new(o, "leadership", part_json(tp_leadership_minutes(m), m->total));
	json_object_set_new(o, "unclassified", part_json(m->minutes[TP_UNCLASSIFIED], m->total));
	json_t *procs = json_array();
	for (int p = 0; p < TP_PROCESSES; p++) {
		json_t *x = part_json(tp_process_minutes(m, p), m->total);
		json_set_str(x, "process", tp_process_keys[p]);
		json_set_str(x, "name", tp_process_names[p]);
		json_set_str(x, "system", p < 3 ? "management" : "leadership");
		json_array_append_new(procs, x);
	}
	json_object_set_new(o, "processes", procs);
	json_t *classes = json_array();
	for (int c = 0; c < TP_CLASSES; c++) {
		json_t *x = part_json(m->minutes[c], m->total);
		json_set_str(x, "class", tp_class_keys[c]);
		int p = tp_process_of(c);
		json_set_str(x, "process", p < 0 ? NULL : tp_process_keys[p]);
		json_array_append_new(classes, x);
	}
	json_object_set_new(o, "classes", classes);
	return o;
}

json_t *timeprofile_json(const struct timeprofile *p)
{
	json_t *o = json_object();
	json_set_id(o, "unit_id", p->unit_id);
	json_set_str(o, "unit", p->unit_name);
	json_set_str(o, "from", p->from);
	json_set_str(o, "to", p->to);
	json_set_int(o, "days", p->days);
	json_object_set_new(o, "managers", tp_mix_json(&p->managers));
	json_object_set_new(o, "others", tp_mix_json(&p->others));
	json_t *units = json_array();
	for (size_t i = 0; i < p->n; i++) {
		const struct tp_node *u = &p->nodes[i];
		json_t *x = json_object();
		json_set_int(x, "unit_id", u->unit_id);
		json_set_str(x, "unit", u->name);
		json_set_id(x, "parent_id", u->parent_id);
		json_set_int(x, "depth", u->depth);
		json_object_set_new(x, "managers", tp_mix_json(&u->managers));
		json_object_set_new(x, "others", tp_mix_json(&u->others));
		json_array_append_new(units, x);
	}
	json_object_set_new(o, "units", units);
	return o;
}
