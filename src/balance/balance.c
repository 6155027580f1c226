/* balance: see balance.h. The scoring: the indicators' table, the band
 * rule, the roll-up of each unit's own counts up the tree, the process
 * scores, the two scores and the quadrant. The queries are in
 * ind_manage.c and ind_lead.c, the words in actions.c, the snapshots in
 * snapshot.c. */
#include "balance/balance.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "balance/ind.h"
#include "base/date.h"
#include "org/setting.h"
#include "org/unit.h"

const char *const bal_process_names[BP_N] = {
	"Planning and budgeting", "Organizing and staffing",
	"Controlling and problem solving", "Setting a direction",
	"Aligning people", "Motivating and inspiring",
};
const char *const bal_process_keys[BP_N] = {
	"planning", "staffing", "controlling", "direction", "aligning", "motivating",
};

#define BALF_UNIT_FIELD(arg_)                                                              \
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct bal_filter, unit_id),  \
	 .bit = BALF_UNIT, .arg = arg_, .help = "the unit (with its subtree); default: all"}
#define BALF_AS_OF_FIELD                                                                   \
	{.name = "as_of", .type = FT_DATE, .offset = offsetof(struct bal_filter, as_of),    \
	 .bit = BALF_AS_OF, .help = "the day the scores are taken on, YYYY-MM-DD (today)"}

const struct field bal_filter_fields[] = {BALF_UNIT_FIELD(0), BALF_AS_OF_FIELD, {0}};
const struct field bal_show_fields[] = {BALF_UNIT_FIELD(1), BALF_AS_OF_FIELD, {0}};
const struct field bal_day_fields[] = {BALF_AS_OF_FIELD, {0}};
const struct field bal_unit_fields[] = {BALF_UNIT_FIELD(0), {0}};

/* The contract (docs/balance.md): key, name, label, process, band,
 * excess side, weight, empty=skip, scale (value = num / den x scale),
 * source. */
const struct bal_def bal_defs[BI_N] = {
	[BI_P1] = {"P1", "targets_with_plans", "targets this period with a plan", BP_PLANNING,
		   80, 100, 0, 1, 0, 100, "targets (period containing the day) and plan_target"},
	[BI_P2] = {"P2", "plans_with_budget", "live plans with a budget", BP_PLANNING, 80, 100, 0,
		   1, 0, 100, "plans (draft, active, on hold) and their budget lines"},
	[BI_P3] = {"P3", "steps_estimated", "steps of live plans with an estimate", BP_PLANNING,
		   90, 100, 0, 1, 0, 100, "steps of live plans (estimate_minutes)"},
	[BI_P4] = {"P4", "steps_per_plan", "steps per live plan", BP_PLANNING, 4, 30, 1, 0.5, 0,
		   1, "steps of live plans"},
	[BI_S1] = {"S1", "fill_rate", "positions' headcount filled", BP_STAFFING, 85, 100, 0, 1, 0,
		   100, "positions (headcount) and staffing"},
	[BI_S2] = {"S2", "skill_match", "mean skill match of the staffed", BP_STAFFING, 75, 100, 0,
		   1, 1, 1, "staffing, position and person skills (tandem staff match)"},
	[BI_S3] = {"S3", "steps_assigned", "open steps with an assignee", BP_STAFFING, 90, 100, 0,
		   1, 1, 100, "open steps (todo, doing, blocked) of live plans"},
	[BI_S4] = {"S4", "span_of_control", "direct reports per manager", BP_STAFFING, 4, 10, -1,
		   0.5, 1, 1, "people and their managers (manager_id)"},
	[BI_C1] = {"C1", "plans_in_tolerance", "active plans within CPI and SPI tolerance",
		   BP_CONTROLLING, 80, 100, 0, 1, 1, 100,
		   "earned value of active plans (tandem plan evm) and tolerances (tandem control)"},
	[BI_C2] = {"C2", "problems_on_time", "problems closed by their due day", BP_CONTROLLING,
		   80, 100, 0, 1, 1, 100, "problems due in the last 180 days"},
	[BI_C3] = {"C3", "time_logging", "people who logged time in 28 days", BP_CONTROLLING, 85,
		   100, 0, 1, 0, 100, "people with capacity and their time entries"},
	[BI_C4] = {"C4", "control_time", "managers' time spent controlling", BP_CONTROLLING, 5, 25,
		   1, 1, 0, 100, "managers' time entries in the last 90 days, by activity"},
	[BI_D1] = {"D1", "current_vision", "a current vision", BP_DIRECTION, 100, 100, 0, 1, 0, 1,
		   "visions (the unit's, an ancestor's or the organization's) and review dates"},
	[BI_D2] = {"D2", "plans_with_strategy", "live plans serving a strategy", BP_DIRECTION, 70,
		   100, 0, 1, 0, 100, "live plans and plan_strategy"},
	[BI_D3] = {"D3", "signals_reviewed", "recent signals reviewed", BP_DIRECTION, 70, 100, 0, 1,
		   0, 100, "signals noticed in the last 180 days"},
	[BI_D4] = {"D4", "strategies_with_plans", "active strategies with a plan", BP_DIRECTION, 80,
		   100, 0, 0.5, 1, 100, "active strategies and plan_strategy"},
	[BI_A1] = {"A1", "committed_share", "recipients committed", BP_ALIGNING, 60, 100, 0, 1, 0,
		   100, "recipients of communications sent in the last 365 days"},
	[BI_A2] = {"A2", "reached_share", "recipients reached", BP_ALIGNING, 80, 100, 0, 1, 0, 100,
		   "recipients of communications sent in the last 365 days"},
	[BI_A3] = {"A3", "coalition_coverage", "units covered by a coalition", BP_ALIGNING, 50, 100,
		   0, 0.5, 0, 100, "coalition members and their units"},
	[BI_A4] = {"A4", "comms_per_person", "communications per person per 30 days", BP_ALIGNING,
		   0.3, 4, 1, 0.5, 0, 1, "recipients of communications sent in the last 90 days"},
	[BI_M1] = {"M1", "pulse_score", "latest pulse score", BP_MOTIVATING, 65, 100, 0, 1, 0, 1,
		   "the latest sent pulse's answers (shown groups only)"},
	[BI_M2] = {"M2", "recognitions_per_person", "recognitions per person in 90 days",
		   BP_MOTIVATING, 0.5, 6, 1, 1, 0, 1, "recognitions of the last 90 days"},
	[BI_M3] = {"M3", "ideas_answered", "ideas answered within 30 days", BP_MOTIVATING, 80, 100,
		   0, 1, 1, 100, "ideas created 30 or more days before the day"},
	[BI_M4] = {"M4", "initiatives_advancing", "active initiatives advancing", BP_MOTIVATING, 50,
		   100, 0, 1, 0, 100, "active initiatives and the steps they reached in 120 days"},
	[BI_M5] = {"M5", "initiative_load", "active initiatives reaching each person", BP_MOTIVATING,
		   0, 3, 1, 0.5, 1, 1, "active initiatives whose affected units hold each person"},
};

double bal_band_score(double value, double lo, double hi, int excess, int *too_much)
{
	*too_much = 0;
	if (value >= lo && value <= hi)
		return 100;
	double s = 100;
	if (value < lo) {
		if (excess < 0) {
			*too_much = 1;
			return 100;
		}
		s = lo > 0 ? 100 * value / lo : 100;
	} else {
		if (excess > 0) {
			*too_much = 1;
			return 100;
		}
		/* excess none above hi cannot happen for percentages: 100 */
		if (excess < 0)
			s = value > 0 ? 100 * hi / value : 100;
	}
	return s < 0 ? 0 : s > 100 ? 100 : s;
}

const char *bal_quadrant(double m, double l, double managed, double led)
{
	if (m >= managed)
		return l >= led ? "well-led-well-managed" : "overmanaged-underled";
	return l >= led ? "overled-undermanaged" : "neither";
}

/* x rounded to hundredths (the stored precision), so that a live score
 * and its snapshot read the same quadrant */
static double r2(double x)
{
	return round(x * 100) / 100;
}

static int cmp_key(const void *pa, const void *pb)
{
	const struct bal_key *a = pa, *b = pb;
	return a->id < b->id ? -1 : a->id > b->id;
}

int bal_index(const struct bal_ctx *c, int64_t id)
{
	struct bal_key k = {.id = id};
	const struct bal_key *f = c->n ? bsearch(&k, c->keys, c->n, sizeof k, cmp_key) : NULL;
	return f ? f->idx : -1;
}

static void bind_days(struct bal_ctx *c, struct stmt *st, const char *sql)
{
	static const struct {
		const char *name;
		int back;
	} names[] = {{":day", 0}, {":d28", 28}, {":d30", 30}, {":d90", 90}, {":d120", 120},
		     {":d180", 180}, {":d365", 365}};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const char *p = strstr(sql, names[i].name);
		size_t len = strlen(names[i].name);
		/* a name, not the start of a longer one */
		while (p && (p[len] >= '0' && p[len] <= '9'))
			p = strstr(p + len, names[i].name);
		if (!p)
			continue;
		char d[11];
		date_format(c->day - names[i].back, d);
		db_bind_text(st, names[i].name, d);
	}
}

struct stmt *bal_prepare(struct bal_ctx *c, const char *sql, struct err *e)
{
	struct stmt *st = db_prepare(c->db, sql, e);
	if (st)
		bind_days(c, st, sql);
	return st;
}

int bal_grouped(struct bal_ctx *c, const char *sql, const int *inds, int ninds,
		struct err *e)
{
	struct stmt *st = bal_prepare(c, sql, e);
	if (!st)
		return -1;
	int r;
	while ((r = db_step(st, e)) == 1) {
		int64_t unit = db_col_is_null(st, 0) ? 0 : db_col_int(st, 0);
		double den = (double)db_col_int(st, 1);
		int u = unit ? bal_index(c, unit) : -1;
		for (int k = 0; k < ninds; k++) {
			double num = (double)db_col_int(st, 2 + k);
			if (u >= 0) {
				c->num[BAL_AT(c, u, inds[k])] += num;
				c->den[BAL_AT(c, u, inds[k])] += den;
			} else if (!unit) {
				c->null_num[inds[k]] += num;
				c->null_den[inds[k]] += den;
			}
		}
	}
	db_done(st);
	return r < 0 ? -1 : 0;
}

/* Loads the tree and allocates the counts. */
static int ctx_init(struct bal_ctx *c, struct db *db, struct arena *a, const char *as_of,
		    struct err *e)
{
	memset(c, 0, sizeof *c);
	c->db = db;
	c->a = a;
	if (as_of && *as_of) {
		if (date_parse(as_of, &c->day))
			return err_set(e, ERR_BAD_INPUT, "as_of",
				       "as_of: must be a day written YYYY-MM-DD, not '%s'", as_of);
	} else {
		c->day = date_today();
	}
	date_format(c->day, c->d);
	struct unit *u;
	size_t n;
	if (unit_list(db, a, &u, &n, e))
		return -1;
	c->n = n;
	c->id = arena_alloc(a, (n + 1) * sizeof *c->id);
	c->parent = arena_alloc(a, (n + 1) * sizeof *c->parent);
	c->name = arena_alloc(a, (n + 1) * sizeof *c->name);
	c->depth = arena_alloc(a, (n + 1) * sizeof *c->depth);
	c->people = arena_alloc(a, (n + 1) * sizeof *c->people);
	c->num = arena_alloc(a, (n + 1) * BI_N * sizeof *c->num);
	c->den = arena_alloc(a, (n + 1) * BI_N * sizeof *c->den);
	c->note = arena_alloc(a, (n + 1) * BI_N * sizeof *c->note);
	c->keys = arena_alloc(a, (n + 1) * sizeof *c->keys);
	if (!c->keys || !c->id || !c->parent || !c->name || !c->depth || !c->people || !c->num || !c->den ||
	    !c->note)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	for (size_t i = 0; i < n; i++) {
		c->id[i] = u[i].id;
		c->name[i] = u[i].name;
		c->depth[i] = u[i].depth;
		c->people[i] = (double)u[i].people;
		c->keys[i].id = u[i].id;
		c->keys[i].idx = (int)i;
	}
	qsort(c->keys, n, sizeof *c->keys, cmp_key);
	for (size_t i = 0; i < n; i++) {
		c->parent[i] = -1;
		if (u[i].parent_id)
			c->parent[i] = bal_index(c, u[i].parent_id);
	}
	c->name[n] = "the organization";
	return 0;
}

/* Each unit's counts become its subtree's; the organization's are all
 * units' plus the rows of no unit. Children follow their parent in tree
 * order, so a backward pass adds each finished subtree to its parent. */
static void rollup(struct bal_ctx *c)
{
	size_t n = c->n;
	for (size_t i = n; i-- > 0;) {
		size_t to = c->parent[i] >= 0 ? (size_t)c->parent[i] : n;
		c->people[to] += c->people[i];
		for (int k = 0; k < BI_N; k++) {
			c->num[BAL_AT(c, to, k)] += c->num[BAL_AT(c, i, k)];
			c->den[BAL_AT(c, to, k)] += c->den[BAL_AT(c, i, k)];
		}
	}
	/* rows of no unit (org-wide strategies) count for the organization
	 * and for each root unit */
	for (int k = 0; k < BI_N; k++) {
		for (size_t i = 0; i < n; i++)
			if (c->parent[i] < 0) {
				c->num[BAL_AT(c, i, k)] += c->null_num[k];
				c->den[BAL_AT(c, i, k)] += c->null_den[k];
			}
		c->num[BAL_AT(c, n, k)] += c->null_num[k];
		c->den[BAL_AT(c, n, k)] += c->null_den[k];
	}
}

static int fill(struct bal_ctx *c, struct err *e)
{
	if (bal_manage_own(c, e) || bal_lead_own(c, e))
		return -1;
	rollup(c);
	return bal_lead_direct(c, e);
}

/* Gap to full score, weighted: what raising the indicator would add. */
static double gap(const struct bal_indicator *x)
{
	return x->skipped ? 0 : (100 - x->score) * x->weight;
}

static int cmp_gap(const void *pa, const void *pb)
{
	const struct bal_indicator *a = *(const struct bal_indicator *const *)pa;
	const struct bal_indicator *b = *(const struct bal_indicator *const *)pb;
	double ga = gap(a), gb = gap(b);
	if (ga != gb)
		return ga < gb ? 1 : -1;
	return strcmp(a->key, b->key);
}

#define BAL_ACTIONS 3

/* The actions for one system (management 1, leadership 0): the largest
 * weighted gaps first, then the reductions of what is too much. */
static int actions(const struct bal_ctx *c, size_t u, struct bal_unit *out, int management)
{
	const struct bal_indicator *sorted[BI_N];
	size_t k = 0;
	for (size_t i = 0; i < out->nind; i++)
		if (BAL_IS_MANAGEMENT(out->ind[i].process) == management)
			sorted[k++] = &out->ind[i];
	qsort(sorted, k, sizeof *sorted, cmp_gap);
	const char **list = arena_alloc(c->a, (k + 1) * sizeof *list);
	if (!list)
		return -1;
	size_t m = 0;
	for (size_t i = 0; i < k && m < BAL_ACTIONS; i++)
		if (gap(sorted[i]) > 0)
			list[m++] = bal_action(c, u, (int)(sorted[i] - out->ind), sorted[i]);
	for (size_t i = 0; i < k; i++)
		if (sorted[i]->too_much)
			list[m++] = bal_action(c, u, (int)(sorted[i] - out->ind), sorted[i]);
	if (management) {
		out->actions_m = list;
		out->nactions_m = m;
	} else {
		out->actions_l = list;
		out->nactions_l = m;
	}
	return 0;
}

/* Scores unit index u (n: the organization) into out. */
static int score_unit(const struct bal_ctx *c, size_t u, double managed, double led,
		      struct bal_unit *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	if (u == c->n) {
		out->unit_id = 0;
		out->depth = 0;
	} else {
		out->unit_id = c->id[u];
		out->depth = c->depth[u] + 1;
		out->parent_id = c->parent[u] >= 0 ? c->id[c->parent[u]] : 0;
	}
	out->name = c->name[u];
	out->people = (int64_t)c->people[u];
	out->ind = arena_alloc(c->a, BI_N * sizeof *out->ind);
	if (!out->ind)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	out->nind = BI_N;
	double wsum[BP_N] = {0}, ssum[BP_N] = {0};
	for (int i = 0; i < BI_N; i++) {
		const struct bal_def *d = &bal_defs[i];
		struct bal_indicator *x = &out->ind[i];
		double num = c->num[BAL_AT(c, u, i)], den = c->den[BAL_AT(c, u, i)];
		x->key = d->key;
		x->name = d->name;
		x->label = d->label;
		x->process = d->process;
		x->lo = d->lo;
		x->hi = d->hi;
		x->excess = d->excess;
		x->weight = d->weight;
		x->source = d->source;
		x->has_value = den > 0;
		if (x->has_value) {
			x->value = num / den * d->scale;
			x->score = bal_band_score(x->value, d->lo, d->hi, d->excess, &x->too_much);
		} else {
			x->score = 0;
			x->skipped = d->skip;
		}
		x->why = bal_why(c, u, i, x);
		if (!x->skipped) {
			wsum[d->process] += d->weight;
			ssum[d->process] += d->weight * x->score;
		}
	}
	double m = 0, l = 0;
	for (int p = 0; p < BP_N; p++) {
		out->process[p] = wsum[p] > 0 ? ssum[p] / wsum[p] : 0;
		if (BAL_IS_MANAGEMENT(p))
			m += out->process[p];
		else
			l += out->process[p];
	}
	out->management = r2(m / 3);
	out->leadership = r2(l / 3);
	out->quadrant = bal_quadrant(out->management, out->leadership, managed, led);
	if (actions(c, u, out, 1) || actions(c, u, out, 0))
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	return 0;
}

static int thresholds(struct db *db, double *managed, double *led, struct err *e)
{
	int64_t mv, lv;
	if (setting_int(db, "balance.managed", &mv, e) || setting_int(db, "balance.led", &lv, e))
		return -1;
	*managed = (double)mv;
	*led = (double)lv;
	return 0;
}

int balance_compute(struct db *db, struct arena *a, const char *as_of, struct bal_result *out,
		    struct err *e)
{
	memset(out, 0, sizeof *out);
	struct bal_ctx c;
	if (db_begin_read(db, e))
		return -1;
	int rc = -1;
	if (ctx_init(&c, db, a, as_of, e) || thresholds(db, &out->managed, &out->led, e) ||
	    fill(&c, e))
		goto out;
	out->as_of = arena_strdup(a, c.d);
	out->units = arena_alloc(a, (c.n + 1) * sizeof *out->units);
	if (!out->units) {
		err_set(e, ERR_INTERNAL, "", "out of memory");
		goto out;
	}
	if (score_unit(&c, c.n, out->managed, out->led, &out->units[0], e))
		goto out;
	for (size_t i = 0; i < c.n; i++)
		if (score_unit(&c, i, out->managed, out->led, &out->units[i + 1], e))
			goto out;
	out->n = c.n + 1;
	rc = 0;
out:
	if (rc)
		db_rollback(db);
	else if (db_commit(db, e))
		rc = -1;
	return rc;
}

int balance_unit(struct db *db, struct arena *a, int64_t unit_id, const char *as_of,
		 struct bal_unit *out, struct err *e)
{
	struct bal_result r;
	if (as_of && *as_of) {
		int32_t d;
		if (date_parse(as_of, &d))
			return err_set(e, ERR_BAD_INPUT, "as_of",
				       "as_of: must be a day written YYYY-MM-DD, not '%s'", as_of);
	}
	if (unit_id && unit_must_exist(db, unit_id, "unit_id", e))
		return -1;
	if (balance_compute(db, a, as_of, &r, e))
		return -1;
	for (size_t i = 0; i < r.n; i++)
		if (r.units[i].unit_id == unit_id) {
			*out = r.units[i];
			return 0;
		}
	return err_set(e, ERR_NOT_FOUND, "unit_id", "unit_id: no unit %lld", (long long)unit_id);
}

int bal_in_subtree(const struct bal_result *r, int64_t unit, size_t i, size_t *from)
{
	if (!unit)
		return 1;
	if (r->units[i].unit_id == unit) {
		*from = i;
		return 1;
	}
	return *from && i > *from && r->units[i].depth > r->units[*from].depth;
}

/* --- JSON --------------------------------------------------------------- */

static void set_score(json_t *o, const char *key, double v)
{
	json_object_set_new(o, key, json_real(r2(v)));
}

static const char *excess_name(int excess)
{
	return excess > 0 ? "high" : excess < 0 ? "low" : "none";
}

static json_t *strings(const char **s, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, json_string(s[i]));
	return arr;
}

json_t *bal_unit_json(const struct bal_unit *u, int with_indicators)
{
	json_t *o = json_object();
	if (u->unit_id)
		json_object_set_new(o, "unit_id", json_integer(u->unit_id));
	else
		json_object_set_new(o, "unit_id", json_null());
	json_object_set_new(o, "name", json_string(u->name ? u->name : ""));
	json_object_set_new(o, "depth", json_integer(u->depth));
	if (u->parent_id)
		json_object_set_new(o, "parent_id", json_integer(u->parent_id));
	else
		json_object_set_new(o, "parent_id", json_null());
	json_object_set_new(o, "people", json_integer(u->people));
	set_score(o, "management", u->management);
	set_score(o, "leadership", u->leadership);
	json_object_set_new(o, "quadrant", json_string(u->quadrant));
	json_t *p = json_object();
	for (int i = 0; i < BP_N; i++)
		set_score(p, bal_process_keys[i], u->process[i]);
	json_object_set_new(o, "processes", p);
	json_t *tm = json_array();
	for (size_t i = 0; i < u->nind; i++)
		if (u->ind[i].too_much)
			json_array_append_new(tm, json_string(u->ind[i].key));
	json_object_set_new(o, "too_much", tm);
	if (!with_indicators)
		return o;
	json_t *arr = json_array();
	for (size_t i = 0; i < u->nind; i++) {
		const struct bal_indicator *x = &u->ind[i];
		json_t *j = json_object();
		json_object_set_new(j, "key", json_string(x->key));
		json_object_set_new(j, "name", json_string(x->name));
		json_object_set_new(j, "label", json_string(x->label));
		json_object_set_new(j, "process", json_string(bal_process_keys[x->process]));
		if (x->has_value)
			json_object_set_new(j, "value", json_real(r2(x->value)));
		else
			json_object_set_new(j, "value", json_null());
		json_t *band = json_array();
		json_array_append_new(band, json_real(x->lo));
		json_array_append_new(band, json_real(x->hi));
		json_object_set_new(j, "band", band);
		json_object_set_new(j, "excess", json_string(excess_name(x->excess)));
		json_object_set_new(j, "weight", json_real(x->weight));
		set_score(j, "score", x->score);
		json_object_set_new(j, "too_much", json_boolean(x->too_much));
		json_object_set_new(j, "skipped", json_boolean(x->skipped));
		json_object_set_new(j, "why", json_string(x->why ? x->why : ""));
		json_object_set_new(j, "source", json_string(x->source));
		json_array_append_new(arr, j);
	}
	json_object_set_new(o, "indicators", arr);
	json_t *act = json_object();
	json_object_set_new(act, "management", strings(u->actions_m, u->nactions_m));
	json_object_set_new(act, "leadership", strings(u->actions_l, u->nactions_l));
	json_object_set_new(o, "actions", act);
	return o;
}

json_t *bal_point_json(const struct bal_point *p)
{
	json_t *o = json_object();
	json_object_set_new(o, "snapshot_id", json_integer(p->snapshot_id));
	json_object_set_new(o, "day", json_string(p->day));
	json_object_set_new(o, "kind", json_string(p->kind));
	if (p->unit_id)
		json_object_set_new(o, "unit_id", json_integer(p->unit_id));
	else
		json_object_set_new(o, "unit_id", json_null());
	set_score(o, "management", p->management);
	set_score(o, "leadership", p->leadership);
	json_object_set_new(o, "quadrant", json_string(p->quadrant));
	json_t *q = json_object();
	for (int i = 0; i < BP_N; i++)
		set_score(q, bal_process_keys[i], p->process[i]);
	json_object_set_new(o, "processes", q);
	return o;
}
