/* evm: see evm.h. The figures come from ledger.h's aggregates. */
#include "manage/evm.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/json.h"
#include "manage/calendar.h"
#include "manage/ledger.h"
#include "org/unit.h"

const struct field evm_filter_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct evm_filter, unit_id),
	 .bit = EVF_UNIT, .help = "the unit whose subtree to roll up (all)"},
	{.name = "as_of", .type = FT_DATE, .offset = offsetof(struct evm_filter, as_of),
	 .bit = EVF_AS_OF, .help = "the day of the figures, YYYY-MM-DD (today)"},
	{.name = "weekly", .type = FT_BOOL, .offset = offsetof(struct evm_filter, weekly),
	 .bit = EVF_WEEKLY, .help = "true: PV, EV and AC week by week"},
	{0},
};

int evm_filter_day(const struct evm_filter *f, unsigned set, int32_t *day, struct err *e)
{
	if (!(set & EVF_AS_OF) || !f->as_of) {
		*day = date_today();
		return 0;
	}
	if (date_parse(f->as_of, day))
		return err_set(e, ERR_BAD_INPUT, "as_of", "as_of: must be a date as YYYY-MM-DD");
	return 0;
}

/* round(num / den) for num >= 0, den > 0, half away from zero */
static int64_t div_round(__int128 num, __int128 den)
{
	if (num < 0)
		return -(int64_t)((-2 * num + den) / (2 * den));
	return (int64_t)((2 * num + den) / (2 * den));
}

void evm_add(struct evm *a, const struct evm *b)
{
	a->bac += b->bac;
	a->pv += b->pv;
	a->ev += b->ev;
	a->ac += b->ac;
}

void evm_derive(struct evm *v)
{
	v->cv = v->ev - v->ac;
	v->sv = v->ev - v->pv;
	v->has_cpi = v->ac != 0;
	v->cpi = v->has_cpi ? (double)v->ev / (double)v->ac : 0;
	v->has_spi = v->pv != 0;
	v->spi = v->has_spi ? (double)v->ev / (double)v->pv : 0;
	/* EAC = BAC / CPI = BAC x AC / EV */
	v->has_eac = v->has_cpi && v->ev != 0;
	v->eac = v->has_eac ? div_round((__int128)v->bac * v->ac, v->ev) : 0;
	v->etc = v->has_eac ? v->eac - v->ac : 0;
	v->vac = v->has_eac ? v->bac - v->eac : 0;
	v->has_tcpi = v->bac != v->ac;
	v->tcpi = v->has_tcpi ? (double)(v->bac - v->ev) / (double)(v->bac - v->ac) : 0;
}

/* A plan's stored figures as of a day (before PV). */
struct plan_fig {
	int64_t id, unit_id;
	int32_t start;
	int has_start;
	int64_t bac, weight, earned, ac;
	int planned_ok;
	int64_t planned_last_k, planned_total;
};

/* the days after D are subtracted only when there are some */
#define FIG_SELECT                                                                       \
	"SELECT p.id, p.unit_id, p.start_date, coalesce(e.bac_cents, 0), "                 \
	"coalesce(e.weight, 0), coalesce(e.earned, 0) - CASE WHEN e.earned_last > :day "    \
	"THEN (SELECT coalesce(sum(x.amount), 0) FROM evm_earned x WHERE x.plan_id = p.id " \
	"AND x.day > :day) ELSE 0 END, "                                                     \
	"coalesce(e.time_cents + e.expense_cents + e.tool_cents, 0) - "                    \
	"CASE WHEN e.cost_last > :day THEN (SELECT coalesce(sum(c.cents), 0) "              \
	"FROM evm_cost c WHERE c.plan_id = p.id AND c.day > :day) ELSE 0 END, "             \
	"coalesce(e.planned_ok, 0), coalesce(e.planned_last_k, -1), "                       \
	"coalesce(e.planned_total, 0) FROM plan p LEFT JOIN evm_plan e ON e.plan_id = p.id "

static void fig_row(struct stmt *st, struct arena *a, void *item)
{
	(void)a;
	struct plan_fig *f = item;
	f->id = db_col_int(st, 0);
	f->unit_id = db_col_int(st, 1);
	f->has_start = db_col_text(st, 2) && date_parse(db_col_text(st, 2), &f->start) == 0;
	f->bac = db_col_int(st, 3);
	f->weight = db_col_int(st, 4);
	f->earned = db_col_int(st, 5);
	f->ac = db_col_int(st, 6);
	f->planned_ok = (int)db_col_int(st, 7);
	f->planned_last_k = db_col_int(st, 8);
	f->planned_total = db_col_int(st, 9);
}

/* The working days of the plan up to and including day: its schedule's
 * days 0 .. k-1 are done by then. */
static int days_done(const struct calendar *cal, const struct plan_fig *f, int32_t day)
{
	if (!f->has_start)
		return 0;
	int k = cal_working_between(cal, f->start, day + 1);
	return k > 0 ? k : 0;
}

/* The planned micro-minutes done by the end of working day k - 1. */
static int planned_at(struct db *db, const struct plan_fig *f, int k, int64_t *out,
		      struct err *e)
{
	*out = 0;
	if (k <= 0 || f->weight == 0)
		return 0;
	if (!f->planned_ok) {	/* not scheduled since the migration */
		struct arena a = ARENA_INIT;
		struct ledger_point *p;
		size_t n;
		int rc = ledger_planned(db, &a, f->id, &p, &n, e);
		for (size_t i = 0; rc == 0 && i < n && p[i].k <= k - 1; i++)
			*out = p[i].amount;
		arena_free(&a);
		return rc;
	}
	if (f->planned_last_k < 0)
		return 0;
	if (k - 1 >= f->planned_last_k) {	/* all of it planned by then: no seek */
		*out = f->planned_total;
		return 0;
	}
	struct stmt *st = db_prepare(db,
		"SELECT amount FROM evm_planned WHERE plan_id = :plan AND k <= :k "
		"ORDER BY k DESC LIMIT 1", e);
	if (!st)
		return -1;
	db_bind_int(st, ":plan", f->id);
	db_bind_int(st, ":k", k - 1);
	return db_one_int(st, out, e) < 0 ? -1 : 0;
}

static int figures(struct db *db, const struct calendar *cal, const struct plan_fig *f,
		   int32_t as_of, struct evm *v, struct err *e)
{
	memset(v, 0, sizeof *v);
	v->bac = f->bac;
	v->ac = f->ac;
	if (f->weight > 0) {
		int64_t planned;
		if (planned_at(db, f, days_done(cal, f, as_of), &planned, e))
			return -1;
		v->pv = div_round((__int128)f->bac * planned,
				  (__int128)f->weight * LEDGER_PLANNED_SCALE);
		v->ev = div_round((__int128)f->bac * f->earned, (__int128)f->weight * 100);
	}
	evm_derive(v);
	return 0;
}

static int plan_fig(struct db *db, int64_t plan_id, int32_t as_of, struct plan_fig *f,
		    struct err *e)
{
	struct stmt *st = db_prepare(db, FIG_SELECT "WHERE p.id = :plan", e);
	if (!st)
		return -1;
	char day[11];
	date_format(as_of, day);
	db_bind_text(st, ":day", day);
	db_bind_int(st, ":plan", plan_id);
	int rc = db_step(st, e);
	if (rc == 1)
		fig_row(st, NULL, f);
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no plan with id %lld", (long long)plan_id);
	return rc < 0 ? -1 : 0;
}

int evm_plan(struct db *db, int64_t plan_id, int32_t as_of, struct evm *out, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct calendar cal;
	struct plan_fig f;
	if (db_begin_read(db, e))
		return -1;
	int rc = calendar_load(db, &a, &cal, e) || plan_fig(db, plan_id, as_of, &f, e) ||
		 figures(db, &cal, &f, as_of, out, e) ? -1 : 0;
	arena_free(&a);
	return db_end(db, rc, e);
}

int evm_weekly(struct db *db, struct arena *a, int64_t plan_id, int32_t as_of,
	       struct evm_point **out, size_t *n, int64_t *bac, struct err *e)
{
	*out = NULL;
	*n = 0;
	struct arena tmp = ARENA_INIT;
	struct calendar cal;
	struct plan_fig f;
	struct ledger_point *curve;
	size_t ncurve;
	if (db_begin_read(db, e))
		return -1;
	int rc = calendar_load(db, &tmp, &cal, e) || plan_fig(db, plan_id, as_of, &f, e) ||
		 ledger_planned(db, &tmp, plan_id, &curve, &ncurve, e) ? -1 : 0;
	if (rc == 0 && f.has_start) {
		*bac = f.bac;
		int32_t start = cal_add_working(&cal, f.start, 0);
		int32_t finish = ncurve ? cal_add_working(&cal, f.start, (int)curve[ncurve - 1].k)
					: start;
		int32_t end = finish > as_of ? finish : as_of;
		if (end < start)
			end = start;
		size_t count = (size_t)((end - start) / 7 + 2);
		struct evm_point *p = arena_alloc(a, count * sizeof *p);
		if (!p)
			rc = err_set(e, ERR_INTERNAL, "", "out of memory");
		for (int32_t d = start; rc == 0 && p; d += 7) {
			if (d > end)
				d = end;
			/* earned and actual stop at as_of; planned goes on */
			struct plan_fig at;
			struct evm v;
			rc = plan_fig(db, plan_id, d < as_of ? d : as_of, &at, e) ||
			     figures(db, &cal, &at, d, &v, e) ? -1 : 0;
			if (rc)
				break;
			p[(*n)++] = (struct evm_point){.day = d, .pv = v.pv, .ev = v.ev, .ac = v.ac,
						       .past = d <= as_of};
			if (d == end)
				break;
		}
		*out = p;
	} else if (rc == 0) {
		*bac = f.bac;
	}
	arena_free(&tmp);
	return db_end(db, rc ? -1 : 0, e);
}

/* ---- the roll-up ---- */

struct unit_row {
	int64_t id, parent_id;
	const char *name;
	size_t first_child, nchildren;	/* into the children array */
	size_t node;			/* its index in the output, or SIZE_MAX */
};

static void unit_row(struct stmt *st, struct arena *a, void *item)
{
	struct unit_row *u = item;
	u->id = db_col_int(st, 0);
	u->parent_id = db_col_int(st, 1);
	u->name = arena_strdup(a, db_col_text(st, 2));
	u->first_child = u->nchildren = 0;
	u->node = SIZE_MAX;
}

static int cmp_unit_id(const void *key, const void *item)
{
	int64_t k = *(const int64_t *)key, id = ((const struct unit_row *)item)->id;
	return (k > id) - (k < id);
}

/* children are collected as indexes into the id-sorted units, in name order */
struct child {
	size_t parent, unit;
	const char *name;
	int64_t id;
};

static int cmp_child(const void *x, const void *y)
{
	const struct child *a = x, *b = y;
	if (a->parent != b->parent)
		return a->parent < b->parent ? -1 : 1;
	int c = strcmp(a->name ? a->name : "", b->name ? b->name : "");
	if (c)
		return c;
	return (a->id > b->id) - (a->id < b->id);
}

int evm_rollup(struct db *db, struct arena *a, int64_t unit_id, int32_t as_of,
	       struct evm_node **out, size_t *n, struct err *e)
{
	*out = NULL;
	*n = 0;
	struct arena tmp = ARENA_INIT;
	struct calendar cal;
	struct unit_row *units;
	size_t nu;
	struct plan_fig *plans;
	size_t np;
	if (db_begin_read(db, e))
		return -1;
	int rc = -1;
	if (calendar_load(db, &tmp, &cal, e))
		goto out;
	struct stmt *st = db_prepare(db, "SELECT id, parent_id, name FROM unit ORDER BY id", e);
	if (!st || db_collect(st, a, sizeof *units, unit_row, (void **)&units, &nu, e))
		goto out;
	if (unit_id && !bsearch(&unit_id, units, nu, sizeof *units, cmp_unit_id)) {
		err_set(e, ERR_NOT_FOUND, "unit_id", "unit_id: no unit with id %lld",
			(long long)unit_id);
		goto out;
	}
	char day[11];
	date_format(as_of, day);
	st = db_prepare(db, unit_id ? UNIT_SUBTREE_CTE FIG_SELECT
				      "WHERE p.unit_id IN (SELECT id FROM subtree) ORDER BY p.id"
				    : FIG_SELECT "ORDER BY p.id", e);
	if (!st)
		goto out;
	db_bind_text(st, ":day", day);
	if (unit_id)
		db_bind_int(st, ":unit", unit_id);
	if (db_collect(st, &tmp, sizeof *plans, fig_row, (void **)&plans, &np, e))
		goto out;

	/* the tree: children lists in name order */
	struct child *ch = arena_alloc(&tmp, (nu ? nu : 1) * sizeof *ch);
	size_t *roots = arena_alloc(&tmp, (nu ? nu : 1) * sizeof *roots);
	size_t *stack = arena_alloc(&tmp, (nu ? nu : 1) * sizeof *stack);
	int *depth = arena_alloc(&tmp, (nu ? nu : 1) * sizeof *depth);
	struct evm_node *nodes = arena_alloc(a, (nu ? nu : 1) * sizeof *nodes);
	size_t *node_unit = arena_alloc(&tmp, (nu ? nu : 1) * sizeof *node_unit);
	if (!ch || !roots || !stack || !depth || !nodes || !node_unit) {
		err_set(e, ERR_INTERNAL, "", "out of memory");
		goto out;
	}
	size_t nch = 0, nroots = 0;
	for (size_t i = 0; i < nu; i++) {
		struct unit_row *p = units[i].parent_id ? bsearch(&units[i].parent_id, units, nu,
								   sizeof *units, cmp_unit_id)
						      : NULL;
		if (p)
			ch[nch++] = (struct child){(size_t)(p - units), i, units[i].name, units[i].id};
		if (unit_id ? units[i].id == unit_id : !p)
			roots[nroots++] = i;
	}
	qsort(ch, nch, sizeof *ch, cmp_child);
	for (size_t j = nch; j-- > 0;)
		units[ch[j].parent].first_child = j;
	for (size_t j = 0; j < nch; j++)
		units[ch[j].parent].nchildren++;
	/* roots in name order too */
	struct child *rs = arena_alloc(&tmp, (nroots ? nroots : 1) * sizeof *rs);
	if (!rs) {
		err_set(e, ERR_INTERNAL, "", "out of memory");
		goto out;
	}
	for (size_t r = 0; r < nroots; r++)
		rs[r] = (struct child){0, roots[r], units[roots[r]].name, units[roots[r]].id};
	qsort(rs, nroots, sizeof *rs, cmp_child);
	size_t nn = 0;
	for (size_t r = 0; r < nroots; r++) {
		size_t top = 0;
		stack[top] = rs[r].unit;
		depth[top++] = 0;
		while (top) {
			top--;
			size_t u = stack[top];
			int d = depth[top];
			if (units[u].node != SIZE_MAX)
				continue;	/* never twice, whatever the data */
			units[u].node = nn;
			node_unit[nn] = u;
			nodes[nn] = (struct evm_node){.unit_id = units[u].id,
						      .parent_id = units[u].parent_id,
						      .name = units[u].name, .depth = d};
			nn++;
			/* push children in reverse so the first by name comes out first */
			for (size_t j = units[u].nchildren; j-- > 0;) {
				stack[top] = ch[units[u].first_child + j].unit;
				depth[top++] = d + 1;
			}
		}
	}
	/* each plan's figures into its unit */
	for (size_t i = 0; i < np; i++) {
		struct unit_row *u = bsearch(&plans[i].unit_id, units, nu, sizeof *units,
					     cmp_unit_id);
		struct evm v;
		if (!u || u->node == SIZE_MAX)
			continue;
		if (figures(db, &cal, &plans[i], as_of, &v, e))
			goto out;
		evm_add(&nodes[u->node].own, &v);
		nodes[u->node].plans++;
	}
	for (size_t i = 0; i < nn; i++)
		nodes[i].total = nodes[i].own;
	/* children come after their parent: sum from the leaves up */
	for (size_t i = nn; i-- > 0;) {
		struct unit_row *p = nodes[i].depth && nodes[i].parent_id
			? bsearch(&nodes[i].parent_id, units, nu, sizeof *units, cmp_unit_id)
			: NULL;
		if (p && p->node != SIZE_MAX)
			evm_add(&nodes[p->node].total, &nodes[i].total);
	}
	for (size_t i = 0; i < nn; i++) {
		evm_derive(&nodes[i].own);
		evm_derive(&nodes[i].total);
	}
	*out = nodes;
	*n = nn;
	rc = 0;
out:
	arena_free(&tmp);
	return db_end(db, rc, e);
}

static void set_ratio(json_t *o, const char *key, int has, double v)
{
	if (has)
		json_set_decimal(o, key, (int64_t)llround(v * 100));
	else
		json_object_set_new(o, key, json_null());
}

static void set_money_if(json_t *o, const char *key, int has, int64_t cents)
{
	if (has)
		json_set_money(o, key, cents);
	else
		json_object_set_new(o, key, json_null());
}

json_t *evm_json(const struct evm *v)
{
	json_t *o = json_object();
	json_set_money(o, "bac", v->bac);
	json_set_money(o, "pv", v->pv);
	json_set_money(o, "ev", v->ev);
	json_set_money(o, "ac", v->ac);
	json_set_money(o, "cv", v->cv);
	json_set_money(o, "sv", v->sv);
	set_ratio(o, "cpi", v->has_cpi, v->cpi);
	set_ratio(o, "spi", v->has_spi, v->spi);
	set_money_if(o, "eac", v->has_eac, v->eac);
	set_money_if(o, "etc", v->has_eac, v->etc);
	set_money_if(o, "vac", v->has_eac, v->vac);
	set_ratio(o, "tcpi", v->has_tcpi, v->tcpi);
	return o;
}

json_t *evm_node_json(const struct evm_node *n)
{
	json_t *o = json_object();
	json_set_int(o, "unit_id", n->unit_id);
	json_set_id(o, "parent_id", n->parent_id);
	json_set_str(o, "name", n->name);
	json_set_int(o, "depth", n->depth);
	json_set_int(o, "plans", n->plans);
	json_object_set_new(o, "own", evm_json(&n->own));
	json_object_set_new(o, "total", evm_json(&n->total));
	return o;
}

json_t *evm_point_json(const struct evm_point *p)
{
	char d[11];
	date_format(p->day, d);
	json_t *o = json_object();
	json_set_str(o, "day", d);
	json_set_money(o, "pv", p->pv);
	if (p->past) {
		json_set_money(o, "ev", p->ev);
		json_set_money(o, "ac", p->ac);
	} else {
		json_object_set_new(o, "ev", json_null());
		json_object_set_new(o, "ac", json_null());
	}
	return o;
}
