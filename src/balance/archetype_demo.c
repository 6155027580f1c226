/* archetype_demo: the demo organization's balance (see archetype.h).
 *
 * It runs last in the demo, after every area seeded its records, and adds
 * records with the generator's blocks (no plan, step, signal, strategy,
 * skill or position: other areas' tests count those), so that three of
 * Northwind's units tell three stories:
 *   Logistics   runs a tight ship: the manager's time mostly controlling,
 *               everyone logging, problems closed on time; but no strategy
 *               behind its plan, signals nobody reviews, memos nobody
 *               commits to, ideas left unanswered, change initiatives
 *               stalled for months: overmanaged and underled.
 *   Engineering is inspired: a current vision, talks everyone commits to,
 *               recognition, ideas answered; but its one plan is a draft
 *               nobody logs time on, targets no plan serves, an opening of
 *               six, skills its positions now require that few have,
 *               problems left open: overled and undermanaged.
 *   Sales       plans, staffs, logs and controls, and leads too, looking
 *               outward (its signals reviewed): well led and well managed.
 * Time goes through the ledger's hook, only on started steps, no entry
 * longer than the demo's longest (so a demo split with --chunk stays
 * split). Then monthly snapshots: the first day of each of the six months
 * before today's, and today (this month's). Units and people are found by
 * name and order, never by id. */
#include <stdio.h>
#include <string.h>

#include "balance/archetype_gen.h"
#include "balance/balance.h"
#include "base/date.h"

static int64_t unit_named(struct db *db, const char *name, struct err *e)
{
	int64_t id = 0;
	struct stmt *st = db_prepare(db, "SELECT coalesce(min(id), 0) FROM unit WHERE name = :n", e);
	if (!st)
		return -1;
	db_bind_text(st, ":n", name);
	if (db_one_int(st, &id, e) < 0)
		return -1;
	return id;
}

/* The unit's people by id (the head, made first, is [0]) with their
 * rates and direct reports, in g's arena. Returns 1 (nothing to tell)
 * when the demo has no such unit or it has fewer than two people (a demo
 * seeded with --people 6). */
static int load_unit(struct arch_gen *g, struct arch_unit *u, const char *name, struct err *e)
{
	memset(u, 0, sizeof *u);
	int64_t id = unit_named(g->db, name, e);
	if (id < 0)
		return -1;
	if (id == 0)
		return 1;
	u->id = id;
	u->name = name;
	struct stmt *st = db_prepare(g->db,
		"SELECT p.id, p.rate_cents, (SELECT count(*) FROM person r WHERE r.manager_id = p.id) "
		"FROM person p WHERE p.unit_id = :u ORDER BY p.id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":u", id);
	int64_t cap = 64;
	u->people = arena_alloc(&g->a, (size_t)cap * sizeof *u->people);
	if (!u->people) {
		db_done(st);
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	}
	int rc;
	while ((rc = db_step(st, e)) == 1 && u->np < cap) {
		struct arch_person *p = &u->people[u->np++];
		p->id = db_col_int(st, 0);
		p->rate = db_col_int(st, 1);
		p->reports = db_col_int(st, 2);
	}
	db_done(st);
	if (rc < 0)
		return -1;
	return u->np < 2;
}

/* A change initiative of the unit that reached its last step, step,
 * days_ago and stopped there (it stays active): it does not advance. */
static int stalled(struct arch_gen *g, const struct arch_unit *u, const char *name, int step,
		   int days_ago, struct err *e)
{
	int32_t last = g->today - days_ago, started = last - 30 * (step - 1);
	char day[11];
	date_format(started, day);
	int64_t id;
	struct stmt *st = db_prepare(g->db,
		"INSERT INTO initiative (name, description, sponsor_id, unit_id, step, status, "
		"started) VALUES (:name, 'stalled: nobody owns the next step', :sponsor, :unit, "
		":step, 'active', :started) RETURNING id", e);
	if (!st)
		return -1;
	db_bind_text(st, ":name", name);
	db_bind_int(st, ":sponsor", u->people[0].id);
	db_bind_int(st, ":unit", u->id);
	db_bind_int(st, ":step", step);
	db_bind_text(st, ":started", day);
	if (arch_exec(st, &id, e))
		return -1;
	for (int s = 1; s <= step; s++) {
		date_format(started + 30 * (s - 1), day);
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
	st = db_prepare(g->db,
		"INSERT INTO initiative_unit (initiative_id, unit_id) VALUES (:id, :unit)", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	db_bind_int(st, ":unit", u->id);
	return arch_exec(st, NULL, e);
}

/* The started steps (doing or done) of the unit's plans, the only ones
 * time is logged on, as one pseudo-plan for arch_make_time; 0 when there
 * is none (a demo seeded with --steps 0). */
static int started_steps(struct arch_gen *g, const struct arch_unit *u, struct plan_rec *pr,
			 int64_t **steps, struct err *e)
{
	memset(pr, 0, sizeof *pr);
	struct stmt *st = db_prepare(g->db,
		"SELECT s.id FROM step s JOIN plan p ON p.id = s.plan_id WHERE p.unit_id = :u "
		"AND s.status IN ('doing', 'done') ORDER BY s.id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":u", u->id);
	int64_t cap = 256;
	*steps = arena_alloc(&g->a, (size_t)cap * sizeof **steps);
	if (!*steps) {
		db_done(st);
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	}
	int rc;
	while ((rc = db_step(st, e)) == 1)
		if (pr->nsteps < cap)
			(*steps)[pr->nsteps++] = db_col_int(st, 0);
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/* Time for everyone in the unit as u's logging and classes say, on its
 * started steps (none: no time). */
static int unit_time(struct arch_gen *g, struct arch_unit *u, struct err *e)
{
	struct plan_rec pr;
	int64_t *steps;
	if (started_steps(g, u, &pr, &steps, e))
		return -1;
	return pr.nsteps ? arch_make_time(g, u, &pr, steps, pr.nsteps, e) : 0;
}

/* Logistics: management in excess, leadership missing. */
static int logistics(struct arch_gen *g, struct err *e)
{
	struct arch_unit u;
	int found = load_unit(g, &u, "Logistics", e);
	if (found != 0)
		return found < 0 ? -1 : 0;
	u.logging = 100;
	u.control = 60;		/* of the manager's new entries: over 25 % of all */
	u.manage_time = 30;
	u.lead_time = 0;
	u.on_time = 100;
	u.comms = 30;		/* memos: read by some, committed to by few */
	u.committed = 3;
	u.reached = 20;
	u.answered = 0;
	return unit_time(g, &u, e) || arch_make_problems(g, &u, e) ||
	       arch_make_comms(g, &u, e) || arch_make_ideas(g, &u, e) ||
	       arch_make_ideas(g, &u, e) ||
	       stalled(g, &u, "Paperless warehouse", 2, 210, e) ||
	       stalled(g, &u, "Cross-dock pilot", 3, 170, e) ||
	       stalled(g, &u, "Yard booking for carriers", 1, 240, e) ? -1 : 0;
}

/* Engineering: leadership strong, management missing. */
static int engineering(struct arch_gen *g, struct err *e)
{
	struct arch_unit u;
	int found = load_unit(g, &u, "Engineering", e);
	if (found != 0)
		return found < 0 ? -1 : 0;
	/* targets this year that no plan serves */
	static const char *const targets[][2] = {
		{"Incidents resolved within a day", "percent"}, {"Deploys per week", "deploys"},
		{"Automated test coverage", "percent"}, {"Pages per on-call week", "pages"},
	};
	int y, m, d;
	date_to_ymd(g->today, &y, &m, &d);
	char from[11], to[11];
	date_format(date_from_ymd(y, 1, 1), from);
	date_format(date_from_ymd(y, 12, 31), to);
	for (int i = 0; i < 4; i++) {
		struct stmt *st = db_prepare(g->db,
			"INSERT INTO target (name, measure, baseline, goal, period_from, period_to, "
			"unit_id, owner_id) VALUES (:name, :measure, :base, :goal, :from, :to, :unit, "
			":owner)", e);
		if (!st)
			return -1;
		db_bind_text(st, ":name", targets[i][0]);
		db_bind_text(st, ":measure", targets[i][1]);
		db_bind_int(st, ":base", i == 3 ? 12 : 40 + 10 * i);
		db_bind_int(st, ":goal", i == 3 ? 4 : 80 + 5 * i);
		db_bind_text(st, ":from", from);
		db_bind_text(st, ":to", to);
		db_bind_int(st, ":unit", u.id);
		db_bind_int(st, ":owner", u.people[0].id);
		if (arch_exec(st, NULL, e))
			return -1;
	}
	/* engineers now own their budgets and their customers' incidents: two
	 * skills its positions require that few of them have */
	struct stmt *st = db_prepare(g->db,
		"INSERT INTO position_skill (position_id, skill_id, level) SELECT p.id, k.id, 3 "
		"FROM position p, skill k WHERE p.unit_id = :u AND k.name IN ('Customer relations', "
		"'Budgeting') AND NOT EXISTS (SELECT 1 FROM position_skill q WHERE q.position_id = "
		"p.id AND q.skill_id = k.id)", e);
	if (!st)
		return -1;
	db_bind_int(st, ":u", u.id);
	if (arch_exec(st, NULL, e))
		return -1;
	/* the one change to the demo's rows: its open position is five more
	 * people to hire */
	st = db_prepare(g->db,
		"UPDATE position SET headcount = headcount + 5 WHERE id = (SELECT min(p.id) FROM "
		"position p WHERE p.unit_id = :u AND p.headcount > (SELECT count(*) FROM staffing s "
		"WHERE s.position_id = p.id))", e);
	if (!st)
		return -1;
	db_bind_int(st, ":u", u.id);
	if (arch_exec(st, NULL, e))
		return -1;
	u.on_time = 0;		/* problems left open or closed late */
	u.comms = 15;
	u.committed = 85;
	u.reached = 100;
	u.answered = 100;
	return arch_make_problems(g, &u, e) || arch_make_comms(g, &u, e) ||
	       arch_make_ideas(g, &u, e) ? -1 : 0;
}

/* Sales looks outward: every signal from outside that it noticed is
 * reviewed the day it came in (true urgency, with its progress). */
static int sales_reviews(struct arch_gen *g, int64_t unit, struct err *e)
{
	char today[11];
	date_format(g->today, today);
	struct stmt *st = db_prepare(g->db,
		"UPDATE signal SET reviewed = day WHERE unit_id = :u AND reviewed IS NULL AND "
		"category <> 'internal' AND day <= :today", e);
	if (!st)
		return -1;
	db_bind_int(st, ":u", unit);
	db_bind_text(st, ":today", today);
	int rc = db_step(st, e);
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/* Sales: both. */
static int sales(struct arch_gen *g, struct err *e)
{
	struct arch_unit u;
	int found = load_unit(g, &u, "Sales", e);
	if (found != 0)
		return found < 0 ? -1 : 0;
	u.logging = 100;
	u.control = 0;		/* twice: brings the head's control time into its band */
	u.manage_time = 25;
	u.lead_time = 40;
	u.on_time = 100;
	u.comms = 10;
	u.committed = 75;
	u.reached = 100;
	u.answered = 100;
	return unit_time(g, &u, e) || unit_time(g, &u, e) || arch_make_problems(g, &u, e) ||
	       arch_make_comms(g, &u, e) || arch_make_ideas(g, &u, e) ||
	       sales_reviews(g, u.id, e) ? -1 : 0;
}

/* The organization's strategies, which the communications name (0 where
 * there is none). */
static int load_org(struct arch_gen *g, struct err *e)
{
	struct stmt *st = db_prepare(g->db, "SELECT id FROM strategy WHERE unit_id IS NULL AND "
					    "status = 'active' ORDER BY id", e);
	if (!st)
		return -1;
	int rc, n = 0;
	while ((rc = db_step(st, e)) == 1)
		if (n < 2)
			g->org_strategy[n++] = db_col_int(st, 0);
	db_done(st);
	if (rc < 0)
		return -1;
	if (n == 1)
		g->org_strategy[1] = g->org_strategy[0];
	return 0;
}

int archetype_count_entries(struct db *db, int64_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT count(*) FROM time_entry", e);
	return st && db_one_int(st, n, e) >= 0 ? 0 : -1;
}

int archetype_demo(struct db *db, const char *today, struct err *e)
{
	struct arch_gen g = {.db = db, .arch = ARCH_STRONG, .p = &arch_params[ARCH_STRONG]};
	struct archetype_counts counts = {0};
	g.c = &counts;
	g.r.s = 0xDE30A4C7u;
	if (date_parse(today, &g.today))
		return err_set(e, ERR_BAD_INPUT, "today", "today: must be YYYY-MM-DD");
	date_format(g.today, g.d);
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	/* the longest time entry the demo wrote: split with --chunk, ours too */
	struct stmt *st = db_prepare(db, "SELECT coalesce(max(minutes), 0) FROM time_entry", e);
	if (!st || db_one_int(st, &g.max_minutes, e) < 0)
		goto out;
	g.ledger = 1;
	if (load_org(&g, e) || logistics(&g, e) || sales(&g, e) || engineering(&g, e))
		goto out;
	/* the history: the first day of each of the six months before today's,
	 * then today, this month's */
	int y, m, d;
	date_to_ymd(g.today, &y, &m, &d);
	for (int k = 6; k >= 0; k--) {
		int mm = m - k, yy = y;
		while (mm < 1) {
			mm += 12;
			yy--;
		}
		char day[11];
		date_format(k == 0 ? g.today : date_from_ymd(yy, mm, 1), day);
		int64_t id;
		if (balance_snapshot(db, day, "monthly", &id, e))
			goto out;
	}
	rc = 0;
out:
	arena_free(&g.a);
	return db_end(db, rc, e);
}
