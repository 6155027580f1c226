/* archetype_unit: one unit's records for the archetype generator (see
 * archetype.h): each block below drives one or a few balance indicators
 * (the contract's keys in the comments) towards what the unit drew. */
#include <stdio.h>
#include <string.h>

#include "balance/archetype_gen.h"
#include "base/date.h"
#include "manage/ledger.h"

void arch_draw_unit(struct arch_gen *g, struct arch_unit *u)
{
	const struct arch_params *p = g->p;
	struct rng *r = &g->r;
	u->plans = arch_draw(r, p->plans);
	u->steps = arch_draw(r, p->steps);
	u->dur = arch_draw(r, p->dur);
	u->targets_linked = arch_draw(r, p->targets_linked);
	u->budgeted = arch_draw(r, p->budgeted);
	u->estimated = arch_draw(r, p->estimated);
	u->fill = arch_draw(r, p->fill);
	u->skill = arch_draw(r, p->skill);
	u->assigned = arch_draw(r, p->assigned);
	u->on_time = arch_draw(r, p->on_time);
	u->logging = arch_draw(r, p->logging);
	u->control = arch_draw(r, p->control);
	u->manage_time = arch_draw(r, p->manage_time);
	u->lead_time = arch_draw(r, p->lead_time);
	u->schedule = arch_draw(r, p->schedule);
	u->strat_linked = arch_draw(r, p->strat_linked);
	u->signals = arch_draw(r, p->signals);
	u->reviewed = arch_draw(r, p->reviewed);
	u->committed = arch_draw(r, p->committed);
	u->reached = arch_draw(r, p->reached);
	if (u->reached < u->committed)
		u->reached = u->committed;
	u->coalition = arch_draw(r, p->coalition);
	u->comms = arch_draw(r, p->comms);
	u->pulse = arch_draw(r, p->pulse);
	u->recog = arch_draw(r, p->recog);
	u->answered = arch_draw(r, p->answered);
	u->advancing = arch_draw(r, p->advancing);
}

/* x / 10 as a whole count, the fraction rounded up by chance */
static int64_t tenths(struct rng *r, int64_t x10)
{
	return x10 / 10 + arch_chance(r, (x10 % 10) * 10);
}

struct pick arch_pick_start(struct rng *r, int64_t n, int64_t percent)
{
	return (struct pick){.left = n, .want = tenths(r, n * percent / 10)};
}

int arch_pick_next(struct rng *r, struct pick *p)
{
	int chosen = p->left > 0 && arch_range(r, 0, p->left - 1) < p->want;
	p->left--;
	p->want -= chosen;
	return chosen;
}

/* ---- S1, S2: positions, who fills them, their skills ---- */
static int make_staffing(struct arch_gen *g, struct arch_unit *u, struct err *e)
{
	int64_t staff = u->np - 1;
	int64_t headcount[2] = {1, (staff * 100 + u->fill - 1) / u->fill};
	int64_t pos[2];
	for (int i = 0; i < 2; i++) {
		char title[96];
		snprintf(title, sizeof title, i == 0 ? "Head of %s" : "Specialist, %s", u->name);
		struct stmt *st = db_prepare(g->db,
			"INSERT INTO position (unit_id, title, headcount) VALUES (:unit, :title, :n) "
			"RETURNING id", e);
		if (!st)
			return -1;
		db_bind_int(st, ":unit", u->id);
		db_bind_text(st, ":title", title);
		db_bind_int(st, ":n", headcount[i]);
		if (arch_exec(st, &pos[i], e))
			return -1;
		st = db_prepare(g->db,
			"INSERT INTO position_skill (position_id, skill_id, level) VALUES (:pos, :skill, 4)",
			e);
		if (!st)
			return -1;
		db_bind_int(st, ":pos", pos[i]);
		db_bind_int(st, ":skill", g->skills[i]);
		if (arch_exec(st, NULL, e))
			return -1;
	}
	char since[11];
	date_format(g->today - 400, since);
	for (int64_t k = 0; k < u->np; k++) {
		int i = k == 0 ? 0 : 1;
		int64_t level = u->skill + arch_range(&g->r, -1, 1);
		level = level < 1 ? 1 : level > 5 ? 5 : level;
		struct stmt *st = db_prepare(g->db,
			"INSERT INTO person_skill (person_id, skill_id, level) VALUES (:p, :skill, :level)",
			e);
		if (!st)
			return -1;
		db_bind_int(st, ":p", u->people[k].id);
		db_bind_int(st, ":skill", g->skills[i]);
		db_bind_int(st, ":level", level);
		if (arch_exec(st, NULL, e))
			return -1;
		st = db_prepare(g->db,
			"INSERT INTO staffing (position_id, person_id, since) VALUES (:pos, :p, :since)", e);
		if (!st)
			return -1;
		db_bind_int(st, ":pos", pos[i]);
		db_bind_int(st, ":p", u->people[k].id);
		db_bind_text(st, ":since", since);
		if (arch_exec(st, NULL, e))
			return -1;
	}
	return 0;
}

/* ---- the unit's strategies (D4) ---- */
static int make_strategies(struct arch_gen *g, struct arch_unit *u, int64_t *ids, int *n,
			   struct err *e)
{
	/* leaders' units have strategies of their own; an overmanaged unit one
	 * that no plan carries; a weak one seldom any */
	int want = g->arch == ARCH_WEAK ? (int)arch_chance(&g->r, 30) :
		   g->arch == ARCH_OVERMANAGED ? 1 : (int)arch_range(&g->r, 1, u->plans > 1 ? 2 : 1);
	*n = 0;
	for (int i = 0; i < want; i++) {
		char name[96];
		snprintf(name, sizeof name, "%s: %s", u->name, i == 0 ? "serve customers faster" :
			 "build the skills we lack");
		struct stmt *st = db_prepare(g->db,
			"INSERT INTO strategy (name, rationale, owner_id, unit_id, status) VALUES "
			"(:name, '', :owner, :unit, 'active') RETURNING id", e);
		if (!st)
			return -1;
		db_bind_text(st, ":name", name);
		db_bind_int(st, ":owner", u->people[0].id);
		db_bind_int(st, ":unit", u->id);
		if (arch_exec(st, &ids[(*n)++], e))
			return -1;
	}
	return 0;
}

static int64_t unit_rate(const struct arch_unit *u)
{
	int64_t sum = 0;
	for (int64_t k = 0; k < u->np; k++)
		sum += u->people[k].rate;
	return sum / u->np;
}

/* ---- P1-P4, S3, D2, C1: plans, their steps and progress ---- */
int arch_make_plan(struct arch_gen *g, struct arch_unit *u, int pi, struct plan_rec *pr,
		     int64_t *step_ids, struct err *e)
{
	static const char *const names[] = {"Customer onboarding", "Order flow", "Quality review",
					    "Service desk", "Supplier review", "Reporting"};
	static const char *const verbs[] = {"Define", "Design", "Build", "Review", "Test",
					    "Roll out", "Measure", "Approve"};
	char name[128];
	if (u->plan_name)
		snprintf(name, sizeof name, "%s", u->plan_name);
	else
		snprintf(name, sizeof name, "%s %d (%s)", names[(u->id + pi) % 6], pi + 1, u->name);
	int64_t ns = pi == 0 ? u->steps : arch_draw(&g->r, g->p->steps);
	int64_t dur[64] = {0}, es[64] = {0}, total = 0;
	ns = ns < 1 ? 1 : ns > 64 ? 64 : ns;
	for (int64_t i = 0; i < ns; i++) {
		dur[i] = u->dur + arch_range(&g->r, -1, 1);
		dur[i] = dur[i] < 1 ? 1 : dur[i];
		es[i] = total;
		total += dur[i];
	}
	/* today is working day k0 of the plan: 30-70 % of it planned done, and
	 * at least its first step; progress runs at the unit's schedule */
	int64_t k0 = total * arch_range(&g->r, 30, 70) / 100;
	if (k0 < dur[0] + 1)
		k0 = dur[0] + 1;
	int32_t start = arch_work_back(g->today, (int)k0);
	double eff = (double)(k0 + 1) * (double)u->schedule / 100.0;
	char day[11];
	date_format(start, day);
	struct stmt *st = db_prepare(g->db,
		"INSERT INTO plan (name, owner_id, unit_id, start_date, status) VALUES "
		"(:name, :owner, :unit, :start, :status) RETURNING id", e);
	if (!st)
		return -1;
	db_bind_text(st, ":name", name);
	db_bind_text(st, ":status", u->plan_status ? u->plan_status : "active");
	db_bind_int(st, ":owner", u->people[0].id);
	db_bind_int(st, ":unit", u->id);
	db_bind_text(st, ":start", day);
	if (arch_exec(st, &pr->id, e))
		return -1;
	g->c->plans++;
	int64_t rate = unit_rate(u);
	struct pick estimated = arch_pick_start(&g->r, ns, u->estimated);
	for (int64_t i = 0; i < ns; i++) {
		double done_days = eff - (double)es[i];
		int64_t pct = done_days <= 0 ? 0 : done_days >= (double)dur[i] ? 100 :
			      (int64_t)(100.0 * done_days / (double)dur[i]);
		const char *status = pct >= 100 ? "done" : pct > 0 ? "doing" : "todo";
		if (pct == 0 && g->p->schedule.hi < 90 && arch_chance(&g->r, 10))
			status = "blocked";
		int64_t est = arch_pick_next(&g->r, &estimated) ? dur[i] * arch_range(&g->r, 4, 7) * 60 : 0;
		int open = pct < 100;
		int64_t who = !open || arch_chance(&g->r, u->assigned) ?
			      u->people[arch_range(&g->r, 0, u->np - 1)].id : 0;
		date_format(date_add_working(start, (int)(es[i] + dur[i] - 1)), day);
		char sname[128];
		snprintf(sname, sizeof sname, "%s %s step %lld", verbs[i % 8],
			 names[(u->id + pi) % 6], (long long)i + 1);
		st = db_prepare(g->db,
			"INSERT INTO step (plan_id, name, assignee_id, estimate_minutes, duration_days, "
			"due, status, pct) VALUES (:plan, :name, :who, :est, :dur, :due, :status, :pct) "
			"RETURNING id", e);
		if (!st)
			return -1;
		db_bind_int(st, ":plan", pr->id);
		db_bind_text(st, ":name", sname);
		db_bind_id(st, ":who", who);
		db_bind_int(st, ":est", est);
		db_bind_int(st, ":dur", dur[i]);
		db_bind_text(st, ":due", day);
		db_bind_text(st, ":status", status);
		db_bind_int(st, ":pct", pct);
		if (arch_exec(st, &step_ids[i], e))
			return -1;
		g->c->steps++;
		if (i > 0) {
			st = db_prepare(g->db,
				"INSERT INTO step_dep (step_id, depends_on, lag_days) VALUES (:s, :on, 0)", e);
			if (!st)
				return -1;
			db_bind_int(st, ":s", step_ids[i]);
			db_bind_int(st, ":on", step_ids[i - 1]);
			if (arch_exec(st, NULL, e))
				return -1;
		}
		if (pct > 0) {
			/* done: on the day the schedule's pace reached its end */
			int32_t at = g->today;
			if (pct >= 100) {
				int64_t k = (int64_t)((double)(es[i] + dur[i]) * 100.0 / (double)u->schedule);
				at = date_add_working(start, (int)(k > 0 ? k - 1 : 0));
				if (at > g->today)
					at = g->today;
			}
			date_format(at, day);
			st = db_prepare(g->db,
				"INSERT INTO step_progress (step_id, day, pct) VALUES (:s, :day, :pct)", e);
			if (!st)
				return -1;
			db_bind_int(st, ":s", step_ids[i]);
			db_bind_text(st, ":day", day);
			db_bind_int(st, ":pct", pct);
			if (arch_exec(st, NULL, e))
				return -1;
		}
		int64_t w = est > 0 ? est : 1;
		pr->weight += w;
		pr->earned += w * pct;
		pr->est_cents += est * rate / 60;
	}
	pr->nsteps = ns;
	return 0;
}

static const char *const control_classes[] = {"controlling", "problem-solving"};
static const char *const manage_classes[] = {"planning", "budgeting", "organizing", "staffing"};
static const char *const lead_classes[] = {"direction", "aligning", "motivating", "change"};

static int time_entry(struct arch_gen *g, const struct arch_person *p, struct plan_rec *pr,
		      int64_t np, const int64_t *steps, int32_t day, int64_t minutes,
		      const char *activity, struct err *e)
{
	int64_t k = arch_range(&g->r, 0, np - 1);
	struct plan_rec *plan = pr;
	while (k >= plan->nsteps) {	/* the plan the k-th step of the unit is in */
		k -= plan->nsteps;
		plan++;
	}
	char d[11];
	date_format(arch_work_back(day, 0), d);
	if (g->max_minutes > 0 && minutes > g->max_minutes)
		minutes = g->max_minutes;
	if (g->max_minutes > 0) {
		/* in the demo, beside its own entries: at most 10 hours a day,
		 * as the demo promises */
		int64_t logged = 0;
		struct stmt *q = db_prepare(g->db,
			"SELECT coalesce(sum(minutes), 0) FROM time_entry "
			"WHERE person_id = :p AND day = :day", e);
		if (!q)
			return -1;
		db_bind_int(q, ":p", p->id);
		db_bind_text(q, ":day", d);
		if (db_one_int(q, &logged, e) < 0)
			return -1;
		if (logged + minutes > 600)
			minutes = 600 - logged;
		if (minutes <= 0)
			return 0;	/* a full day already */
	}
	int64_t cost = (minutes * p->rate + 30) / 60, id;
	struct stmt *st = db_prepare(g->db,
		"INSERT INTO time_entry (person_id, step_id, day, minutes, note, activity, cost_cents) "
		"VALUES (:p, :s, :day, :m, '', :activity, :cost) RETURNING id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":p", p->id);
	db_bind_int(st, ":s", steps[plan->first_step + k]);
	db_bind_text(st, ":day", d);
	db_bind_int(st, ":m", minutes);
	db_bind_text(st, ":activity", activity);
	db_bind_int(st, ":cost", cost);
	if (arch_exec(st, &id, e))
		return -1;
	if (g->ledger && ledger_time(g->db, id, 1, e))
		return -1;
	plan->ac += cost;
	g->c->entries++;
	return 0;
}

/* ---- C3, C4 and the time profile: who logs, and managers' classes ---- */
int arch_make_time(struct arch_gen *g, struct arch_unit *u, struct plan_rec *pr,
		     const int64_t *steps, int64_t nsteps, struct err *e)
{
	struct pick logging = arch_pick_start(&g->r, u->np, u->logging);
	for (int64_t k = 0; k < u->np; k++) {
		const struct arch_person *p = &u->people[k];
		if (!arch_pick_next(&g->r, &logging)) {
			/* a lapsed logger: a couple of entries long ago, or none */
			if (arch_chance(&g->r, 50))
				for (int j = 0; j < 2; j++)
					if (time_entry(g, p, pr, nsteps, steps,
						       g->today - (int32_t)arch_range(&g->r, 35, 85),
						       arch_range(&g->r, 2, 6) * 60, NULL, e))
						return -1;
			continue;
		}
		if (p->reports == 0) {	/* the work, every other week */
			int32_t off = (int32_t)arch_range(&g->r, 1, 13);
			for (int j = 0; j < 7; j++)
				if (time_entry(g, p, pr, nsteps, steps, g->today - off - 14 * j,
					       arch_range(&g->r, 4, 8) * 60, NULL, e))
					return -1;
			continue;
		}
		/* a manager: twice a week for 13 weeks, the classes by quota */
		enum { N = 26 };
		const char *cls[N];
		int64_t kc = (N * u->control + 50) / 100, km = (N * u->manage_time + 50) / 100,
			kl = (N * u->lead_time + 50) / 100;
		for (int j = 0; j < N; j++)
			cls[j] = j < kc ? control_classes[j % 2] :
				 j < kc + km ? manage_classes[j % 4] :
				 j < kc + km + kl ? lead_classes[j % 4] : NULL;
		for (int j = N - 1; j > 0; j--) {
			int s = (int)arch_range(&g->r, 0, j);
			const char *t = cls[j];
			cls[j] = cls[s];
			cls[s] = t;
		}
		for (int j = 0; j < N; j++)
			if (time_entry(g, p, pr, nsteps, steps,
				       g->today - 1 - (int32_t)(j * 7 / 2) - (int32_t)arch_range(&g->r, 0, 1),
				       arch_range(&g->r, 2, 5) * 60, cls[j], e))
				return -1;
	}
	return 0;
}

/* ---- P2 and C1: budgets that cover what was spent for what was earned ---- */
int arch_make_budgets(struct arch_gen *g, struct arch_unit *u, struct plan_rec *pr, int n,
			struct err *e)
{
	struct pick budgeted = arch_pick_start(&g->r, n, u->budgeted);
	for (int i = 0; i < n; i++) {
		if (!arch_pick_next(&g->r, &budgeted))
			continue;
		/* a managed unit's BAC covers 1.25 x AC / earned share (CPI about
		 * 1.25 today); elsewhere it is the estimates' cost, however few */
		int64_t bac = pr[i].est_cents * 11 / 10;
		if (g->p->schedule.lo >= 90 && pr[i].earned > 0) {
			int64_t need = (int64_t)((double)pr[i].ac * 1.25 * (double)pr[i].weight * 100.0 /
						 (double)pr[i].earned);
			if (need > bac)
				bac = need;
		}
		bac = (bac / 10000 + 1) * 10000;
		struct stmt *st = db_prepare(g->db,
			"INSERT INTO budget (unit_id, plan_id, category, amount_cents, note) VALUES "
			"(:unit, :plan, 'labour', :amount, 'planned hours')", e);
		if (!st)
			return -1;
		db_bind_int(st, ":unit", u->id);
		db_bind_int(st, ":plan", pr[i].id);
		db_bind_int(st, ":amount", bac);
		if (arch_exec(st, NULL, e))
			return -1;
	}
	return 0;
}

/* ---- P1: targets of this year, served by a plan or not ---- */
int arch_make_targets(struct arch_gen *g, struct arch_unit *u, const struct plan_rec *pr,
			int n, struct err *e)
{
	int y, m, d;
	date_to_ymd(g->today, &y, &m, &d);
	char from[11], to[11];
	date_format(date_from_ymd(y, 1, 1), from);
	date_format(date_from_ymd(y, 12, 31), to);
	int64_t nt = arch_range(&g->r, 2, 4);
	struct pick linked = arch_pick_start(&g->r, nt, u->targets_linked);
	for (int64_t i = 0; i < nt; i++) {
		char name[96];
		snprintf(name, sizeof name, "%s target %lld", u->name, (long long)i + 1);
		int64_t id;
		struct stmt *st = db_prepare(g->db,
			"INSERT INTO target (name, measure, baseline, goal, period_from, period_to, "
			"unit_id, owner_id) VALUES (:name, 'score', 50, 80, :from, :to, :unit, :owner) "
			"RETURNING id", e);
		if (!st)
			return -1;
		db_bind_text(st, ":name", name);
		db_bind_text(st, ":from", from);
		db_bind_text(st, ":to", to);
		db_bind_int(st, ":unit", u->id);
		db_bind_int(st, ":owner", u->people[0].id);
		if (arch_exec(st, &id, e))
			return -1;
		if (!arch_pick_next(&g->r, &linked))
			continue;
		st = db_prepare(g->db,
			"INSERT INTO plan_target (plan_id, target_id) VALUES (:plan, :target)", e);
		if (!st)
			return -1;
		db_bind_int(st, ":plan", pr[arch_range(&g->r, 0, n - 1)].id);
		db_bind_int(st, ":target", id);
		if (arch_exec(st, NULL, e))
			return -1;
	}
	return 0;
}

/* ---- D2: plans linked to a strategy (the unit's first, else the org's) ---- */
int arch_link_strategies(struct arch_gen *g, struct arch_unit *u, const struct plan_rec *pr,
			   int n, const int64_t *strat, int ns, struct err *e)
{
	struct pick linked = arch_pick_start(&g->r, n, u->strat_linked);
	for (int i = 0; i < n; i++) {
		if (!arch_pick_next(&g->r, &linked))
			continue;
		struct stmt *st = db_prepare(g->db,
			"INSERT INTO plan_strategy (plan_id, strategy_id) VALUES (:plan, :s)", e);
		if (!st)
			return -1;
		db_bind_int(st, ":plan", pr[i].id);
		db_bind_int(st, ":s", ns ? strat[i % ns] : g->org_strategy[i % 2]);
		if (arch_exec(st, NULL, e))
			return -1;
	}
	return 0;
}

/* ---- C2: problems due in the last months, closed on time or not ---- */
int arch_make_problems(struct arch_gen *g, struct arch_unit *u, struct err *e)
{
	int64_t n = arch_range(&g->r, 2, 4);
	struct pick on_time = arch_pick_start(&g->r, n, u->on_time);
	for (int64_t i = 0; i < n; i++) {
		int32_t due = g->today - (int32_t)arch_range(&g->r, 5, 170);
		int32_t found = due - (int32_t)arch_range(&g->r, 10, 30);
		int32_t closed = 0;
		const char *status = "closed";
		if (arch_pick_next(&g->r, &on_time))
			closed = due - (int32_t)arch_range(&g->r, 0, 7);
		else if (arch_chance(&g->r, 50) && due + 20 <= g->today)
			closed = due + (int32_t)arch_range(&g->r, 2, 20);
		else
			status = "acting";
		if (closed && closed < found)
			closed = found;
		char df[11], dd[11], dc[11], title[96];
		date_format(found, df);
		date_format(due, dd);
		if (closed)
			date_format(closed, dc);
		snprintf(title, sizeof title, "%s: deliveries late (%lld)", u->name, (long long)i + 1);
		struct stmt *st = db_prepare(g->db,
			"INSERT INTO problem (unit_id, rule, subject_kind, title, severity, found, "
			"owner_id, due, status, closed) VALUES (:unit, 'manual', '', :title, 2, :found, "
			":owner, :due, :status, :closed)", e);
		if (!st)
			return -1;
		db_bind_int(st, ":unit", u->id);
		db_bind_text(st, ":title", title);
		db_bind_text(st, ":found", df);
		db_bind_int(st, ":owner", u->people[0].id);
		db_bind_text(st, ":due", dd);
		db_bind_text(st, ":status", status);
		db_bind_text(st, ":closed", closed ? dc : NULL);
		if (arch_exec(st, NULL, e))
			return -1;
	}
	return 0;
}

/* ---- D3: signals noticed in the last 180 days, reviewed or not ---- */
int arch_make_signals(struct arch_gen *g, struct arch_unit *u, struct err *e)
{
	static const char *const cats[] = {"market", "customer", "technology", "competitor",
					   "regulation"};
	struct pick reviewed = arch_pick_start(&g->r, u->signals, u->reviewed);
	for (int64_t i = 0; i < u->signals; i++) {
		int32_t day = g->today - (int32_t)arch_range(&g->r, 1, 175);
		int32_t rev = day + (int32_t)arch_range(&g->r, 0, 14);
		char dd[11], dr[11], what[128];
		date_format(day, dd);
		date_format(rev > g->today ? g->today : rev, dr);
		snprintf(what, sizeof what, "%s noticed a change in %s", u->name,
			 cats[i % 5]);
		struct stmt *st = db_prepare(g->db,
			"INSERT INTO signal (observed, source, day, category, kind, impact, likelihood, "
			"unit_id, reviewed) VALUES (:what, 'field notes', :day, :cat, :kind, :impact, "
			":likely, :unit, :reviewed)", e);
		if (!st)
			return -1;
		db_bind_text(st, ":what", what);
		db_bind_text(st, ":day", dd);
		db_bind_text(st, ":cat", cats[arch_range(&g->r, 0, 4)]);
		db_bind_text(st, ":kind", arch_chance(&g->r, 50) ? "threat" : "opportunity");
		db_bind_int(st, ":impact", arch_range(&g->r, 1, 5));
		db_bind_int(st, ":likely", arch_range(&g->r, 1, 5));
		db_bind_int(st, ":unit", u->id);
		db_bind_text(st, ":reviewed", arch_pick_next(&g->r, &reviewed) ? dr : NULL);
		if (arch_exec(st, NULL, e))
			return -1;
		g->c->signals++;
	}
	return 0;
}

/* ---- A1, A2, A4: communications to the unit and its people's states ---- */
int arch_make_comms(struct arch_gen *g, struct arch_unit *u, struct err *e)
{
	static const char *const channels[] = {"meeting", "email", "town-hall", "one-to-one",
					       "document"};
	int64_t n = tenths(&g->r, u->comms * 3);	/* per person per 30 days, over 90 */
	for (int64_t i = 0; i < n; i++) {
		char day[11], title[96];
		date_format(g->today - (int32_t)arch_range(&g->r, 1, 88), day);
		snprintf(title, sizeof title, "%s update %lld", u->name, (long long)i + 1);
		int64_t id;
		struct stmt *st = db_prepare(g->db,
			"INSERT INTO comm (title, body, channel, day, strategy_id, sender_id, unit_id, "
			"sent) VALUES (:title, '', :channel, :day, :strategy, :sender, :unit, 1) "
			"RETURNING id", e);
		if (!st)
			return -1;
		db_bind_text(st, ":title", title);
		db_bind_text(st, ":channel", channels[arch_range(&g->r, 0, 4)]);
		db_bind_text(st, ":day", day);
		db_bind_id(st, ":strategy", g->org_strategy[i % 2]);
		db_bind_int(st, ":sender", u->people[0].id);
		db_bind_int(st, ":unit", u->id);
		if (arch_exec(st, &id, e))
			return -1;
		st = db_prepare(g->db,
			"INSERT INTO comm_audience (comm_id, kind, ref_id) VALUES (:c, 'unit', :unit)", e);
		if (!st)
			return -1;
		db_bind_int(st, ":c", id);
		db_bind_int(st, ":unit", u->id);
		if (arch_exec(st, NULL, e))
			return -1;
		g->c->comms++;
		for (int64_t k = 0; k < u->np; k++) {
			int64_t roll = arch_range(&g->r, 0, 99);
			const char *state = roll < u->committed ? "committed" :
					    roll < u->reached ? (roll % 2 ? "understood" : "reached") :
					    "sent";
			st = db_prepare(g->db,
				"INSERT INTO comm_recipient (comm_id, person_id, unit_id, state) VALUES "
				"(:c, :p, :unit, :state)", e);
			if (!st)
				return -1;
			db_bind_int(st, ":c", id);
			db_bind_int(st, ":p", u->people[k].id);
			db_bind_int(st, ":unit", u->id);
			db_bind_text(st, ":state", state);
			if (arch_exec(st, NULL, e))
				return -1;
			g->c->recipients++;
		}
	}
	return 0;
}

/* ---- M1: the pulse, as counts per question, unit and value only ---- */
static int make_pulse(struct arch_gen *g, struct arch_unit *u, struct err *e)
{
	int64_t counts[2][6] = {{0}};
	for (int64_t k = 0; k < u->np; k++) {
		struct stmt *st = db_prepare(g->db,
			"INSERT INTO pulse_invite (pulse_id, person_id, unit_id) VALUES (:p, :who, :unit)",
			e);
		if (!st)
			return -1;
		db_bind_int(st, ":p", g->pulse);
		db_bind_int(st, ":who", u->people[k].id);
		db_bind_int(st, ":unit", u->id);
		if (arch_exec(st, NULL, e))
			return -1;
		if (k >= 3 && !arch_chance(&g->r, 85))
			continue;
		st = db_prepare(g->db,
			"INSERT INTO pulse_responded (pulse_id, person_id) VALUES (:p, :who)", e);
		if (!st)
			return -1;
		db_bind_int(st, ":p", g->pulse);
		db_bind_int(st, ":who", u->people[k].id);
		if (arch_exec(st, NULL, e))
			return -1;
		for (int q = 0; q < 2; q++) {
			int64_t v = u->pulse / 10 + arch_chance(&g->r, (u->pulse % 10) * 10);
			if (arch_chance(&g->r, 30))
				v += arch_chance(&g->r, 50) ? 1 : -1;
			v = v < 1 ? 1 : v > 5 ? 5 : v;
			counts[q][v]++;
		}
	}
	for (int q = 0; q < 2; q++)
		for (int v = 1; v <= 5; v++) {
			if (!counts[q][v])
				continue;
			struct stmt *st = db_prepare(g->db,
				"INSERT INTO pulse_count (question_id, unit_id, value, n) VALUES "
				"(:q, :unit, :v, :n)", e);
			if (!st)
				return -1;
			db_bind_int(st, ":q", g->questions[q]);
			db_bind_int(st, ":unit", u->id);
			db_bind_int(st, ":v", v);
			db_bind_int(st, ":n", counts[q][v]);
			if (arch_exec(st, NULL, e))
				return -1;
		}
	return 0;
}

/* ---- M2: recognitions in the last 90 days ---- */
int arch_make_recognitions(struct arch_gen *g, struct arch_unit *u, struct err *e)
{
	int64_t n = tenths(&g->r, u->recog * u->np);
	for (int64_t i = 0; i < n; i++) {
		int64_t to = arch_range(&g->r, 0, u->np - 1);
		int64_t from = (to + arch_range(&g->r, 1, u->np - 1)) % u->np;
		char day[11];
		date_format(g->today - (int32_t)arch_range(&g->r, 1, 85), day);
		struct stmt *st = db_prepare(g->db,
			"INSERT INTO recognition (from_id, to_person_id, message, value_id, day) VALUES "
			"(:from, :to, 'Thank you for carrying this through', :value, :day)", e);
		if (!st)
			return -1;
		db_bind_int(st, ":from", u->people[from].id);
		db_bind_int(st, ":to", u->people[to].id);
		db_bind_int(st, ":value", g->values[arch_range(&g->r, 0, 2)]);
		db_bind_text(st, ":day", day);
		if (arch_exec(st, NULL, e))
			return -1;
		g->c->recognitions++;
	}
	return 0;
}

/* ---- M3: ideas older than 30 days, answered or not ---- */
int arch_make_ideas(struct arch_gen *g, struct arch_unit *u, struct err *e)
{
	static const char *const answers[] = {"accepted", "declined", "under-review"};
	int64_t n = arch_range(&g->r, 2, 3);
	struct pick answered_pick = arch_pick_start(&g->r, n, u->answered);
	for (int64_t i = 0; i < n; i++) {
		int32_t created = g->today - (int32_t)arch_range(&g->r, 35, 120);
		int answered = arch_pick_next(&g->r, &answered_pick);
		char dc[11], da[11], title[96];
		date_format(created, dc);
		date_format(created + (int32_t)arch_range(&g->r, 3, 20), da);
		snprintf(title, sizeof title, "%s idea %lld", u->name, (long long)i + 1);
		struct stmt *st = db_prepare(g->db,
			"INSERT INTO idea (title, body, author_id, owner_id, status, answer, answered, "
			"created) VALUES (:title, '', :author, :owner, :status, :answer, :answered, "
			":created)", e);
		if (!st)
			return -1;
		db_bind_text(st, ":title", title);
		db_bind_int(st, ":author", u->people[arch_range(&g->r, 0, u->np - 1)].id);
		db_bind_int(st, ":owner", u->people[0].id);
		db_bind_text(st, ":status", answered ? answers[arch_range(&g->r, 0, 2)] : "open");
		db_bind_text(st, ":answer", answered ? "Thank you: here is what we will do" : "");
		db_bind_text(st, ":answered", answered ? da : NULL);
		db_bind_text(st, ":created", dc);
		if (arch_exec(st, NULL, e))
			return -1;
		g->c->ideas++;
	}
	return 0;
}

/* ---- A3: a coalition member in the unit; D1: a unit's own vision ---- */
static int make_coalition_vision(struct arch_gen *g, struct arch_unit *u, struct err *e)
{
	if (g->coalition && arch_chance(&g->r, u->coalition)) {
		struct stmt *st = db_prepare(g->db,
			"INSERT INTO coalition_member (coalition_id, person_id, position_power, expertise, "
			"credibility, leadership) VALUES (:c, :p, 1, :x, 1, 1)", e);
		if (!st)
			return -1;
		db_bind_int(st, ":c", g->coalition);
		db_bind_int(st, ":p", u->people[0].id);
		db_bind_int(st, ":x", arch_chance(&g->r, 50));
		if (arch_exec(st, NULL, e))
			return -1;
	}
	/* now and then a unit's own vision: current where the organization's
	 * is, stale in a weak organization that has none */
	if (u->parent < 0 || !arch_chance(&g->r, 12) || g->arch == ARCH_OVERMANAGED)
		return 0;
	int current = g->p->vision == 2;
	char review[11];
	date_format(current ? g->today + 90 : g->today - 45, review);
	int y, m, d;
	date_to_ymd(g->today, &y, &m, &d);
	struct stmt *st = db_prepare(g->db,
		"INSERT INTO vision (unit_id, version, statement, horizon, review_date, serves, "
		"current, author, created_at) VALUES (:unit, 1, :statement, :horizon, :review, '', 1, "
		"'generator', 0)", e);
	if (!st)
		return -1;
	db_bind_int(st, ":unit", u->id);
	db_bind_text(st, ":statement", "Known for getting it right the first time");
	db_bind_int(st, ":horizon", y + 2);
	db_bind_text(st, ":review", review);
	return arch_exec(st, NULL, e);
}

int arch_fill_unit(struct arch_gen *g, struct arch_unit *u, struct err *e)
{
	struct plan_rec pr[8];
	int64_t steps[8 * 64], strat[2];
	int nstrat = 0;
	int n = (int)(u->plans > 8 ? 8 : u->plans);
	int64_t nsteps = 0;
	memset(pr, 0, sizeof pr);
	if (make_staffing(g, u, e) || make_strategies(g, u, strat, &nstrat, e))
		return -1;
	for (int i = 0; i < n; i++) {
		pr[i].first_step = nsteps;
		if (arch_make_plan(g, u, i, &pr[i], steps + nsteps, e))
			return -1;
		nsteps += pr[i].nsteps;
	}
	if (arch_make_targets(g, u, pr, n, e) || arch_link_strategies(g, u, pr, n, strat, nstrat, e) ||
	    arch_make_time(g, u, pr, steps, nsteps, e) || arch_make_budgets(g, u, pr, n, e) ||
	    arch_make_problems(g, u, e) || arch_make_signals(g, u, e) || arch_make_comms(g, u, e) ||
	    make_pulse(g, u, e) || arch_make_recognitions(g, u, e) || arch_make_ideas(g, u, e) ||
	    make_coalition_vision(g, u, e))
		return -1;
	return 0;
}
