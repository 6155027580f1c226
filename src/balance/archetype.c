/* archetype: the generator of archetype organizations; see archetype.h.
 *
 * Every unit draws its own parameters from its archetype's ranges (the
 * noise), then gets records that drive each balance indicator
 * (docs/balance.md) towards that value: targets and the plans serving
 * them, budgets, estimates, steps per plan, positions and who fills them,
 * skills, assignees, spans of control, problems closed on time or late,
 * time logged and its activity classes, a vision, strategies and the plans
 * linked to them, signals reviewed or not, communications and their
 * recipients' states, coalition members, pulse counts, recognitions,
 * ideas answered or not, and change initiatives reached recently or
 * stalled. Bulk rows go through prepared statements in one transaction;
 * earned value's aggregates are rebuilt at the end (ledger_rebuild). */
#include "balance/archetype.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/date.h"
#include "balance/archetype_gen.h"
#include "manage/ledger.h"

const char *const archetype_names[ARCH_N + 1] = {"strong", "overmanaged", "overled", "weak",
						 NULL};
const char *const archetype_quadrants[ARCH_N] = {
	"well-led-well-managed", "overmanaged-underled", "overled-undermanaged", "neither"};

const struct field archetype_fields[] = {
	{.name = "archetype", .type = FT_ENUM, .offset = offsetof(struct archetype_opts, archetype),
	 .bit = AO_ARCHETYPE, .choices = archetype_names, .required = 1,
	 .help = "strong, overmanaged, overled or weak"},
	{.name = "units", .type = FT_INT, .offset = offsetof(struct archetype_opts, units),
	 .bit = AO_UNITS, .min = ARCH_MIN_UNITS, .max = ARCH_MAX_UNITS, .required = 1,
	 .help = "units in the tree, the root included"},
	{.name = "people", .type = FT_INT, .offset = offsetof(struct archetype_opts, people),
	 .bit = AO_PEOPLE, .min = ARCH_MIN_PEOPLE, .max = ARCH_MAX_PEOPLE,
	 .help = "people per unit (default 8)"},
	{.name = "seed", .type = FT_INT, .offset = offsetof(struct archetype_opts, seed),
	 .bit = AO_SEED, .min = 0, .max = INT64_MAX, .help = "generator seed (default 1)"},
	{.name = "today", .type = FT_DATE, .offset = offsetof(struct archetype_opts, today),
	 .bit = AO_TODAY, .help = "the day the organization is anchored on (default today)"},
	{0},
};

int archetype_find(const char *name)
{
	for (int i = 0; name && i < ARCH_N; i++)
		if (strcmp(archetype_names[i], name) == 0)
			return i;
	return -1;
}

/* The parameters, per archetype. Percentages unless said; each unit
 * draws each one uniformly in [lo, hi]. The bands they aim at are the
 * contract's: "strong" lands inside nearly every band, "overmanaged" past
 * the management bands' excess side (steps per plan, span, control time)
 * with leadership far below, "overled" the mirror, "weak" below both. */
const struct arch_params arch_params[ARCH_N] = {
	[ARCH_STRONG] = {
		.span = {5, 8}, .plans = {2, 3}, .steps = {6, 14}, .dur = {2, 4},
		.targets_linked = {75, 100}, .budgeted = {80, 100}, .estimated = {88, 100},
		.fill = {82, 100}, .skill = {3, 5}, .assigned = {85, 100}, .on_time = {70, 100},
		.logging = {85, 100}, .control = {8, 20}, .manage_time = {15, 25},
		.lead_time = {25, 35}, .schedule = {95, 110}, .vision = 2,
		.strat_linked = {65, 100}, .signals = {2, 4}, .reviewed = {65, 100},
		.committed = {55, 90}, .reached = {80, 100}, .coalition = {60, 100},
		.comms = {8, 25}, .pulse = {37, 45}, .recog = {8, 30}, .answered = {75, 100},
		.advancing = {70, 100}, .initiatives = 2},
	[ARCH_OVERMANAGED] = {
		.span = {2, 3}, .plans = {2, 3}, .steps = {40, 52}, .dur = {1, 2},
		.targets_linked = {85, 100}, .budgeted = {90, 100}, .estimated = {95, 100},
		.fill = {90, 100}, .skill = {3, 5}, .assigned = {95, 100}, .on_time = {80, 100},
		.logging = {95, 100}, .control = {35, 50}, .manage_time = {25, 35},
		.lead_time = {0, 4}, .schedule = {96, 108}, .vision = 1, .layered = 1,
		.strat_linked = {0, 10}, .signals = {0, 1}, .reviewed = {0, 20},
		.committed = {0, 20}, .reached = {20, 50}, .coalition = {0, 0},
		.comms = {1, 3}, .pulse = {18, 28}, .recog = {0, 1}, .answered = {0, 30},
		.advancing = {0, 0}, .initiatives = 1},
	[ARCH_OVERLED] = {
		.span = {9, 14}, .plans = {1, 3}, .steps = {2, 4}, .dur = {2, 5},
		.targets_linked = {0, 40}, .budgeted = {0, 20}, .estimated = {10, 40},
		.fill = {45, 65}, .skill = {1, 2}, .assigned = {20, 50}, .on_time = {10, 40},
		.logging = {15, 40}, .control = {0, 1}, .manage_time = {0, 5},
		.lead_time = {45, 60}, .schedule = {40, 70}, .vision = 2,
		.strat_linked = {80, 100}, .signals = {4, 8}, .reviewed = {80, 100},
		.committed = {70, 95}, .reached = {90, 100}, .coalition = {85, 100},
		.comms = {45, 60}, .pulse = {40, 47}, .recog = {40, 80}, .answered = {90, 100},
		.advancing = {80, 100}, .initiatives = 3},
	[ARCH_WEAK] = {
		.span = {9, 14}, .plans = {1, 2}, .steps = {2, 4}, .dur = {2, 5},
		.targets_linked = {0, 40}, .budgeted = {0, 20}, .estimated = {10, 40},
		.fill = {45, 65}, .skill = {1, 2}, .assigned = {20, 50}, .on_time = {10, 40},
		.logging = {15, 40}, .control = {0, 1}, .manage_time = {0, 5},
		.lead_time = {0, 4}, .schedule = {40, 70}, .vision = 0,
		.strat_linked = {0, 15}, .signals = {0, 1}, .reviewed = {0, 20},
		.committed = {0, 20}, .reached = {20, 50}, .coalition = {0, 10},
		.comms = {1, 3}, .pulse = {16, 28}, .recog = {0, 1}, .answered = {0, 30},
		.advancing = {0, 0}, .initiatives = 1},
};

/* ---- randomness: splitmix64, the same on every platform ---- */

uint64_t arch_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

int64_t arch_range(struct rng *r, int64_t lo, int64_t hi)
{
	if (hi <= lo)
		return lo;
	return lo + (int64_t)(arch_next(r) % (uint64_t)(hi - lo + 1));
}

int64_t arch_draw(struct rng *r, struct arange g)
{
	return arch_range(r, g.lo, g.hi);
}

int arch_chance(struct rng *r, int64_t percent)
{
	return arch_range(r, 0, 99) < percent;
}

/* ---- small helpers ---- */

int arch_exec(struct stmt *st, int64_t *id, struct err *e)
{
	if (!st)
		return -1;
	int rc = id ? db_one_int(st, id, e) : db_step(st, e);
	if (!id)
		db_done(st);
	return rc < 0 ? -1 : 0;
}

/* The working day n working days before day (day itself if working). */
int32_t arch_work_back(int32_t day, int n)
{
	while (!date_is_working(day))
		day--;
	while (n > 0) {
		day--;
		if (date_is_working(day))
			n--;
	}
	return day;
}

/* ---- the organization's records ---- */

static const char *const first_names[] = {
	"Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas",
	"Kemi", "Liam", "Mara", "Noah", "Olga", "Pavel", "Quinn", "Rosa", "Sami", "Tara",
	"Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoe",
};
static const char *const last_names[] = {
	"Okafor", "Lindqvist", "Moreau", "Patel", "Novak", "Haddad", "Kim", "Tanaka",
	"Silva", "Becker", "Adeyemi", "Walsh", "Rossi", "Cohen", "Ivanova", "Dvorak",
	"Murphy", "Garcia", "Nieminen", "Brown", "Osei", "Larsen", "Fischer",
};
static const char *const org_names[ARCH_N] = {
	"Steady Works", "Tight Ship Ltd", "Bright Horizons", "Drift & Co",
};
#define NELEM(a) ((int64_t)(sizeof(a) / sizeof((a)[0])))

/* the units: a root, then breadth first, each parent taking 2 to 5
 * children until there are n */
static int make_units(struct arch_gen *g, int64_t n, struct err *e)
{
	int64_t parent = 0, left = arch_range(&g->r, 2, 5);
	for (int64_t i = 0; i < n; i++) {
		struct arch_unit *u = &g->units[i];
		u->parent = -1;
		if (i > 0) {
			if (left == 0) {	/* breadth first: parent < i always */
				parent++;
				left = arch_range(&g->r, 2, 5);
			}
			u->parent = parent;
			u->depth = g->units[parent].depth + 1;
			left--;
		}
		char name[64];
		if (i == 0)
			snprintf(name, sizeof name, "%s", org_names[g->arch]);
		else
			snprintf(name, sizeof name, "%s %lld", u->depth == 1 ? "Division" :
				 u->depth == 2 ? "Department" : "Team", (long long)i);
		struct stmt *st = db_prepare(g->db,
			"INSERT INTO unit (name, parent_id) VALUES (:name, :parent) RETURNING id", e);
		if (!st)
			return -1;
		db_bind_text(st, ":name", name);
		db_bind_id(st, ":parent", u->parent < 0 ? 0 : g->units[u->parent].id);
		if (arch_exec(st, &u->id, e))
			return -1;
		u->name = arena_strdup(&g->a, name);
	}
	g->c->units = n;
	return 0;
}

/* people: np per unit; person 0 heads it and reports to the parent's
 * head (or, layered, to one of the head's reports); person k > 0 reports
 * to person (k - 1) / span of the same unit, a tree of the unit's span */
static int make_people(struct arch_gen *g, int64_t np, struct err *e)
{
	for (int64_t i = 0; i < g->nunits; i++) {
		struct arch_unit *u = &g->units[i];
		u->np = np;
		u->span = arch_draw(&g->r, g->p->span);
		u->people = arena_alloc(&g->a, (size_t)np * sizeof *u->people);
		if (!u->people)
			return err_set(e, ERR_INTERNAL, "", "out of memory");
		for (int64_t k = 0; k < np; k++) {
			struct arch_person *p = &u->people[k];
			int64_t gi = g->c->people;
			int64_t manager = 0;
			if (k > 0) {
				struct arch_person *m = &u->people[(k - 1) / u->span];
				manager = m->id;
				m->reports++;
			} else if (u->parent >= 0) {
				struct arch_unit *pu = &g->units[u->parent];
				int64_t pick = 0;
				if (g->p->layered && pu->np > 1)
					pick = 1 + arch_range(&g->r, 0, (pu->span < pu->np - 1 ?
									  pu->span : pu->np - 1) - 1);
				manager = pu->people[pick].id;
				pu->people[pick].reports++;
			}
			char name[96], email[96];
			snprintf(name, sizeof name, "%s %s", first_names[gi % NELEM(first_names)],
				 last_names[(gi / NELEM(first_names) + gi * 7) % NELEM(last_names)]);
			snprintf(email, sizeof email, "p%lld@%s.example", (long long)gi,
				 archetype_names[g->arch]);
			p->rate = arch_range(&g->r, 45, 110) * 100;
			struct stmt *st = db_prepare(g->db,
				"INSERT INTO person (name, email, unit_id, manager_id, title, rate_cents, "
				"capacity_minutes) VALUES (:name, :email, :unit, :manager, :title, :rate, "
				"2400) RETURNING id", e);
			if (!st)
				return -1;
			db_bind_text(st, ":name", name);
			db_bind_text(st, ":email", email);
			db_bind_int(st, ":unit", u->id);
			db_bind_id(st, ":manager", manager);
			db_bind_text(st, ":title", k == 0 ? "Head" : k <= u->span ? "Lead" : "Specialist");
			db_bind_int(st, ":rate", p->rate);
			if (arch_exec(st, &p->id, e))
				return -1;
			g->c->people++;
		}
	}
	return 0;
}

/* values, skills, the vision, the organization's strategies, the guiding
 * coalition, the pulse and its questions */
static int make_org(struct arch_gen *g, struct err *e)
{
	static const char *const values[] = {"Customers first", "Own it", "Learn every day"};
	for (int i = 0; i < 3; i++) {
		struct stmt *st = db_prepare(g->db,
			"INSERT INTO org_value (name, description, position) VALUES (:name, '', :pos) "
			"RETURNING id", e);
		if (!st)
			return -1;
		db_bind_text(st, ":name", values[i]);
		db_bind_int(st, ":pos", i + 1);
		if (arch_exec(st, &g->values[i], e))
			return -1;
	}
	static const char *const skills[] = {"Leading people", "Domain expertise"};
	for (int i = 0; i < 2; i++) {
		struct stmt *st = db_prepare(g->db,
			"INSERT INTO skill (name, description) VALUES (:name, '') RETURNING id", e);
		if (!st)
			return -1;
		db_bind_text(st, ":name", skills[i]);
		if (arch_exec(st, &g->skills[i], e))
			return -1;
	}
	int64_t ceo = g->units[0].people[0].id;
	if (g->p->vision > 0) {
		char review[11];
		/* current: a review date ahead; stale: one that has passed */
		date_format(g->p->vision == 2 ? g->today + 120 : g->today - (int32_t)arch_range(&g->r, 30, 150),
			    review);
		int y, m, d;
		date_to_ymd(g->today, &y, &m, &d);
		struct stmt *st = db_prepare(g->db,
			"INSERT INTO vision (unit_id, version, statement, horizon, review_date, serves, "
			"current, author, created_at) VALUES (NULL, 1, :statement, :horizon, :review, "
			"'our customers', 1, 'generator', 0)", e);
		if (!st)
			return -1;
		db_bind_text(st, ":statement", "Be the partner our customers would choose again");
		db_bind_int(st, ":horizon", y + 3);
		db_bind_text(st, ":review", review);
		if (arch_exec(st, NULL, e))
			return -1;
	}
	static const char *const strategies[] = {"Grow with our best customers",
						 "Simplify how we work"};
	for (int i = 0; i < 2; i++) {
		struct stmt *st = db_prepare(g->db,
			"INSERT INTO strategy (name, rationale, owner_id, unit_id, status) VALUES "
			"(:name, '', :owner, NULL, 'active') RETURNING id", e);
		if (!st)
			return -1;
		db_bind_text(st, ":name", strategies[i]);
		db_bind_int(st, ":owner", ceo);
		if (arch_exec(st, &g->org_strategy[i], e))
			return -1;
	}
	if (g->p->coalition.hi > 0) {
		struct stmt *st = db_prepare(g->db,
			"INSERT INTO coalition (name, purpose, strategy_id, unit_id) VALUES "
			"('Guiding coalition', 'carry the strategy across units', :strategy, NULL) "
			"RETURNING id", e);
		if (!st)
			return -1;
		db_bind_int(st, ":strategy", g->org_strategy[0]);
		if (arch_exec(st, &g->coalition, e))
			return -1;
	}
	/* the pulse: sent to the whole organization, closed before today */
	char opens[11], closes[11];
	date_format(g->today - 21, opens);
	date_format(g->today - 7, closes);
	struct stmt *st = db_prepare(g->db,
		"INSERT INTO pulse (title, opens, closes, min_group, sent, unit_id) VALUES "
		"('Quarterly pulse', :opens, :closes, 3, 1, :unit) RETURNING id", e);
	if (!st)
		return -1;
	db_bind_text(st, ":opens", opens);
	db_bind_text(st, ":closes", closes);
	db_bind_int(st, ":unit", g->units[0].id);
	if (arch_exec(st, &g->pulse, e))
		return -1;
	st = db_prepare(g->db, "INSERT INTO pulse_unit (pulse_id, unit_id) VALUES (:p, :u)", e);
	if (!st)
		return -1;
	db_bind_int(st, ":p", g->pulse);
	db_bind_int(st, ":u", g->units[0].id);
	if (arch_exec(st, NULL, e))
		return -1;
	static const char *const questions[] = {"I know where we are heading",
						"I am proud of what my team achieves"};
	for (int i = 0; i < 2; i++) {
		st = db_prepare(g->db,
			"INSERT INTO pulse_question (pulse_id, position, text, scale, comments) "
			"VALUES (:p, :pos, :text, '1-5', 0) RETURNING id", e);
		if (!st)
			return -1;
		db_bind_int(st, ":p", g->pulse);
		db_bind_int(st, ":pos", i + 1);
		db_bind_text(st, ":text", questions[i]);
		if (arch_exec(st, &g->questions[i], e))
			return -1;
	}
	return 0;
}

/* An initiative affecting unit index ui (-1: the whole organization);
 * advancing: its last step was reached within the last 120 days, else
 * long ago (stalled). */
static int make_initiative(struct arch_gen *g, int64_t ui, int advancing, struct err *e)
{
	int64_t step = arch_range(&g->r, 2, 6);
	int32_t last = advancing ? g->today - (int32_t)arch_range(&g->r, 5, 100)
				 : g->today - (int32_t)arch_range(&g->r, 150, 300);
	int32_t started = last - (int32_t)(step * arch_range(&g->r, 20, 40));
	char day[11], name[96];
	date_format(started, day);
	if (ui < 0)
		snprintf(name, sizeof name, "One company, one way of working");
	else
		snprintf(name, sizeof name, "Renew %s", g->units[ui].name ? g->units[ui].name : "the unit");
	int64_t id;
	struct stmt *st = db_prepare(g->db,
		"INSERT INTO initiative (name, description, sponsor_id, unit_id, step, status, "
		"started) VALUES (:name, '', :sponsor, :unit, :step, 'active', :started) RETURNING id",
		e);
	if (!st)
		return -1;
	db_bind_text(st, ":name", name);
	db_bind_int(st, ":sponsor", g->units[ui < 0 ? 0 : ui].people[0].id);
	db_bind_id(st, ":unit", ui < 0 ? 0 : g->units[ui].id);
	db_bind_int(st, ":step", step);
	db_bind_text(st, ":started", day);
	if (arch_exec(st, &id, e))
		return -1;
	for (int64_t s = 1; s <= step; s++) {
		/* step 1 when it started, the last on its day, the rest between */
		int32_t at = started + (int32_t)((last - started) * (s - 1) / (step > 1 ? step - 1 : 1));
		date_format(at, day);
		st = db_prepare(g->db,
			"INSERT INTO initiative_step (initiative_id, step, reached) VALUES "
			"(:id, :step, :day)", e);
		if (!st)
			return -1;
		db_bind_int(st, ":id", id);
		db_bind_int(st, ":step", s);
		db_bind_text(st, ":day", day);
		if (arch_exec(st, NULL, e))
			return -1;
	}
	if (ui >= 0) {
		st = db_prepare(g->db,
			"INSERT INTO initiative_unit (initiative_id, unit_id) VALUES (:id, :unit)", e);
		if (!st)
			return -1;
		db_bind_int(st, ":id", id);
		db_bind_int(st, ":unit", g->units[ui].id);
		if (arch_exec(st, NULL, e))
			return -1;
	}
	g->c->initiatives++;
	return 0;
}

/* initiatives: none (0), one stalled for the organization (1), one
 * advancing for the organization and one per division (2), and one per
 * department too (3), each advancing with the unit's chance */
static int make_initiatives(struct arch_gen *g, struct err *e)
{
	int kind = g->p->initiatives;
	if (kind == 0)
		return 0;
	if (kind == 1)
		return make_initiative(g, -1, 0, e);
	if (make_initiative(g, -1, 1, e))
		return -1;
	for (int64_t i = 1; i < g->nunits; i++) {
		struct arch_unit *u = &g->units[i];
		if (u->depth == 1 || (kind == 3 && u->depth == 2 && arch_chance(&g->r, 50)))
			if (make_initiative(g, i, arch_chance(&g->r, u->advancing), e))
				return -1;
	}
	return 0;
}

int archetype_generate(struct db *db, const struct archetype_opts *o,
		       struct archetype_counts *c, struct err *e)
{
	memset(c, 0, sizeof *c);
	int arch = archetype_find(o->archetype);
	if (arch < 0)
		return err_set(e, ERR_BAD_INPUT, "archetype",
			       "archetype: must be one of strong, overmanaged, overled, weak");
	if (o->units < ARCH_MIN_UNITS || o->units > ARCH_MAX_UNITS)
		return err_set(e, ERR_BAD_INPUT, "units", "units: must be between %d and %d",
			       ARCH_MIN_UNITS, ARCH_MAX_UNITS);
	int64_t np = o->people ? o->people : 8;
	if (np < ARCH_MIN_PEOPLE || np > ARCH_MAX_PEOPLE)
		return err_set(e, ERR_BAD_INPUT, "people", "people: must be between %d and %d",
			       ARCH_MIN_PEOPLE, ARCH_MAX_PEOPLE);
	struct arch_gen g = {.db = db, .arch = arch, .p = &arch_params[arch], .c = c};
	if (o->today) {
		if (date_parse(o->today, &g.today))
			return err_set(e, ERR_BAD_INPUT, "today", "today: must be YYYY-MM-DD");
	} else {
		g.today = date_today();
	}
	date_format(g.today, g.d);
	g.r.s = (uint64_t)o->seed * 0x2545F4914F6CDD1Dull + 11 + (uint64_t)arch;
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	int64_t n = 0;
	struct stmt *st = db_prepare(db, "SELECT count(*) FROM unit", e);
	if (!st || db_one_int(st, &n, e) < 0)
		goto out;
	if (n > 0) {
		err_set(e, ERR_CONFLICT, "db",
			"the database already holds %lld unit(s): balance generate fills only an "
			"empty database", (long long)n);
		goto out;
	}
	g.nunits = o->units;
	g.units = arena_alloc(&g.a, (size_t)g.nunits * sizeof *g.units);
	if (!g.units) {
		err_set(e, ERR_INTERNAL, "", "out of memory");
		goto out;
	}
	if (make_units(&g, o->units, e) || make_people(&g, np, e) || make_org(&g, e))
		goto out;
	for (int64_t i = 0; i < g.nunits; i++)
		arch_draw_unit(&g, &g.units[i]);
	if (make_initiatives(&g, e))
		goto out;
	for (int64_t i = 0; i < g.nunits; i++)
		if (arch_fill_unit(&g, &g.units[i], e))
			goto out;
	rc = ledger_rebuild(db, e);
out:
	arena_free(&g.a);
	return db_end(db, rc, e);
}
