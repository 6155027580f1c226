/* demo: the demo organization "Northwind Ltd"; see demo.h.
 *
 * Six units in three levels, people with managers, rates and
 * capacities, plans whose steps depend only on earlier steps of the same
 * plan (so the graph is acyclic by construction) and whose statuses obey
 * the dependency rules (a step is doing or done only when everything it
 * depends on is done), time entries on working days, and a few tools.
 * Bulk rows go through prepared statements in one transaction. */
#include "manage/demo.h"
#include "lead/coalition.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "manage/target.h"
#include "manage/ledger.h"
#include "manage/budget.h"
#include "manage/staffing.h"
#include "manage/raci.h"
#include "manage/control.h"
#include "lead/comm.h"
#include "lead/signal.h"
#include "lead/strategy.h"
#include "lead/recognition.h"
#include "lead/pulse.h"
#include "change/initiative.h"
#include "balance/assess.h"
#include "balance/archetype.h"

/* splitmix64: small, fast, and the same on every platform */
struct rng {
	uint64_t s;
};

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static int64_t rng_range(struct rng *r, int64_t lo, int64_t hi)	/* inclusive */
{
	return lo + (int64_t)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

static const char *const first_names[] = {
	"Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas",
	"Kemi", "Liam", "Mara", "Noah", "Olga", "Pavel", "Quinn", "Rosa", "Sami", "Tara",
	"Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoe",
};
static const char *const last_names[] = {
	"Okafor", "Lindqvist", "Moreau", "Patel", "Novak", "Haddad", "Kim", "Tanaka",
	"Silva", "Becker", "Adeyemi", "Walsh", "Rossi", "Cohen", "Ivanova", "Dvorak",
	"Murphy", "Garcia", "Nieminen", "Brown",
};
static const char *const plan_names[] = {
	"Warehouse automation", "Customer portal v2", "Spring sales campaign",
	"Onboarding revamp", "ERP migration", "Returns process redesign",
	"Mobile app launch", "Supplier consolidation",
};
static const char *const step_verbs[] = {
	"Define scope of", "Interview users about", "Design", "Estimate", "Build",
	"Review", "Test", "Document", "Train staff on", "Roll out", "Measure",
};
static const char *const step_objects[] = {
	"picking routes", "the sign-up flow", "pricing page", "label printing",
	"the data model", "supplier contracts", "the returns form", "stock counts",
	"the email sequence", "payment provider", "the help centre", "dashboards",
};
static const char *const tools[][2] = {
	{"Forklift lease", "1200000"}, {"CAD licences", "480000"}, {"CRM seats", "360000"},
	{"Test servers", "250000"}, {"Label printers", "90000"},
};

struct unit_def {
	const char *name;
	int parent;	/* index into the table, -1 for the root */
	const char *head_title;
	const char *staff_title;
};
static const struct unit_def units[] = {
	{"Northwind Ltd", -1, "Chief Executive", "Executive Assistant"},
	{"Operations", 0, "Head of Operations", "Operations Analyst"},
	{"Product", 0, "Head of Product", "Product Manager"},
	{"Sales", 0, "Head of Sales", "Account Executive"},
	{"Logistics", 1, "Logistics Manager", "Logistics Coordinator"},
	{"Engineering", 2, "Engineering Manager", "Software Engineer"},
};
enum { NUNITS = sizeof units / sizeof units[0] };

/* With --units beyond the table, unit u >= NUNITS is "Team u" under
 * unit (u - NUNITS) / 8 + 1: a tree of fan-out 8 below the top units. */
static int unit_parent(int64_t u)
{
	return u < NUNITS ? units[u].parent : (int)((u - NUNITS) / 8 + 1);
}
static const char *unit_head_title(int64_t u)
{
	return u < NUNITS ? units[u].head_title : "Team Lead";
}
static const char *unit_staff_title(int64_t u)
{
	return u < NUNITS ? units[u].staff_title : "Specialist";
}

#define N(a) ((int64_t)(sizeof(a) / sizeof((a)[0])))

static int exec1(struct stmt *st, int64_t *id, struct err *e)
{
	if (!st)
		return -1;
	int rc = id ? db_one_int(st, id, e) : db_step(st, e);
	if (!id)
		db_done(st);
	return rc < 0 ? -1 : 0;
}

static void progress(const struct demo_opts *o, const char *what, int64_t done, int64_t total)
{
	if (o->progress)
		o->progress(o->progress_ctx, what, done, total);
}

struct step_rec {
	int64_t id;
	int64_t who;		/* index into people */
	int64_t estimate;	/* minutes */
	int32_t start, due;
	int status;	/* 0 todo, 1 doing, 2 done, 3 blocked */
};

static int seed(struct db *db, const struct demo_opts *o, struct demo_counts *c,
		struct err *e)
{
	static const char *const status_names[] = {"todo", "doing", "done", "blocked"};
	struct rng r = {.s = (uint64_t)o->seed * 0x2545F4914F6CDD1Dull + 7};
	int32_t today;
	if (o->today) {
		if (date_parse(o->today, &today))
			return err_set(e, ERR_BAD_INPUT, "today", "today: must be YYYY-MM-DD");
	} else {
		today = date_today();
	}
	int rc = -1;
	int64_t nu = o->units > NUNITS ? o->units : NUNITS;
	int64_t *unit_ids = calloc((size_t)nu, sizeof *unit_ids), *people = NULL, *head = NULL;
	int64_t *plan_ids = NULL, *plan_unit = NULL;
	/* the people of each unit, by index: unit u's are by_unit[first[u] .. first[u + 1]) */
	int64_t *by_unit = NULL, *unit_first = NULL;
	struct step_rec *steps = NULL;
	char day[11];

	if (!unit_ids) {
		err_set(e, ERR_INTERNAL, "", "out of memory");
		goto out;
	}
	for (int64_t i = 0; i < nu; i++) {
		struct stmt *st = db_prepare(db,
			"INSERT INTO unit (name, parent_id) VALUES (:name, :parent) RETURNING id", e);
		if (!st)
			goto out;
		char uname[32];
		snprintf(uname, sizeof uname, "Team %lld", (long long)i);
		db_bind_text(st, ":name", i < NUNITS ? units[i].name : uname);
		db_bind_id(st, ":parent", unit_parent(i) < 0 ? 0 : unit_ids[unit_parent(i)]);
		if (exec1(st, &unit_ids[i], e))
			goto out;
	}
	c->units = nu;

	/* people: the first NUNITS are the heads; the rest spread over units */
	int64_t np = o->people < nu ? nu : o->people;
	people = calloc((size_t)np, sizeof *people);
	head = calloc((size_t)nu, sizeof *head);
	int64_t *person_unit = calloc((size_t)np, sizeof *person_unit);
	if (!people || !head || !person_unit) {
		free(person_unit);
		err_set(e, ERR_INTERNAL, "", "out of memory");
		goto out;
	}
	for (int64_t i = 0; i < np; i++) {
		int u = i < nu ? (int)i : 1 + (int)(i % (nu - 1));
		const char *fn = first_names[i % N(first_names)];
		const char *ln = last_names[(i / N(first_names) + i * 7) % N(last_names)];
		char name[96], email[160];
		snprintf(name, sizeof name, "%s %s", fn, ln);
		if (i < N(first_names))
			snprintf(email, sizeof email, "%s.%s@northwind.example", fn, ln);
		else
			snprintf(email, sizeof email, "%s.%s.%lld@northwind.example", fn, ln,
				 (long long)i);
		for (char *p = email; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		int64_t manager = i < nu ? (unit_parent(u) < 0 ? 0 : head[unit_parent(u)]) : head[u];
		int64_t rate = i < nu ? rng_range(&r, 90, 140) : rng_range(&r, 45, 95);
		static const int64_t caps[] = {40, 40, 40, 40, 32, 24};
		struct stmt *st = db_prepare(db,
			"INSERT INTO person (name, email, unit_id, manager_id, title, rate_cents, "
			"capacity_minutes) VALUES (:name, :email, :unit, :manager, :title, :rate, "
			":capacity) RETURNING id", e);
		if (!st)
			goto out_pu;
		db_bind_text(st, ":name", name);
		db_bind_text(st, ":email", email);
		db_bind_int(st, ":unit", unit_ids[u]);
		db_bind_id(st, ":manager", manager);
		db_bind_text(st, ":title", i < nu ? unit_head_title(u) : unit_staff_title(u));
		db_bind_int(st, ":rate", rate * 100);
		db_bind_int(st, ":capacity", caps[rng_range(&r, 0, N(caps) - 1)] * 60);
		if (exec1(st, &people[i], e))
			goto out_pu;
		if (i < nu)
			head[u] = people[i];
		person_unit[i] = u;
	}
	c->people = np;
	by_unit = calloc((size_t)np, sizeof *by_unit);
	unit_first = calloc((size_t)nu + 1, sizeof *unit_first);
	if (!by_unit || !unit_first) {
		err_set(e, ERR_INTERNAL, "", "out of memory");
		goto out_pu;
	}
	for (int64_t i = 0; i < np; i++)
		unit_first[person_unit[i] + 1]++;
	for (int64_t u = 0; u < nu; u++)
		unit_first[u + 1] += unit_first[u];
	for (int64_t i = 0; i < np; i++)
		by_unit[unit_first[person_unit[i]]++] = i;
	for (int64_t u = nu; u > 0; u--)	/* undo the fill: u's start again */
		unit_first[u] = unit_first[u - 1];
	unit_first[0] = 0;

	/* plans, started over the last months, owned by unit heads */
	int64_t nplans = o->plans < 1 ? 1 : o->plans;
	plan_ids = calloc((size_t)nplans, sizeof *plan_ids);
	plan_unit = calloc((size_t)nplans, sizeof *plan_unit);
	if (!plan_ids || !plan_unit) {
		err_set(e, ERR_INTERNAL, "", "out of memory");
		goto out_pu;
	}
	for (int64_t i = 0; i < nplans; i++) {
		int u = 1 + (int)(i % (nu - 1));
		char name[96];
		if (i < N(plan_names))
			snprintf(name, sizeof name, "%s", plan_names[i]);
		else
			snprintf(name, sizeof name, "%s %lld", plan_names[i % N(plan_names)],
				 (long long)(i / N(plan_names) + 1));
		date_format(date_add_working(today - 30 * (int32_t)o->months + 14 * (int32_t)(i % 6), 0),
			    day);
		struct stmt *st = db_prepare(db,
			"INSERT INTO plan (name, owner_id, unit_id, start_date, status) "
			"VALUES (:name, :owner, :unit, :start, :status) RETURNING id", e);
		if (!st)
			goto out_pu;
		db_bind_text(st, ":name", name);
		db_bind_int(st, ":owner", head[u]);
		db_bind_int(st, ":unit", unit_ids[u]);
		db_bind_text(st, ":start", day);
		db_bind_text(st, ":status", i % 5 == 4 ? "draft" : "active");
		if (exec1(st, &plan_ids[i], e))
			goto out_pu;
		plan_unit[i] = u;
	}
	c->plans = nplans;

	/* steps: plan by plan, each depending on up to two recent steps */
	int64_t ns = o->steps < 0 ? 0 : o->steps;
	steps = calloc((size_t)(ns ? ns : 1), sizeof *steps);
	if (!steps) {
		err_set(e, ERR_INTERNAL, "", "out of memory");
		goto out_pu;
	}
	int64_t k = 0;
	for (int64_t p = 0; p < nplans; p++) {
		int64_t count = ns / nplans + (p < ns % nplans);
		int64_t first = k;
		int32_t start;
		struct stmt *st = db_prepare(db, "SELECT start_date FROM plan WHERE id = :id", e);
		if (!st)
			goto out_pu;
		db_bind_int(st, ":id", plan_ids[p]);
		if (db_step(st, e) != 1 || date_parse(db_col_text(st, 0), &start)) {
			db_done(st);
			err_set(e, ERR_INTERNAL, "", "plan %lld lost its start", (long long)p);
			goto out_pu;
		}
		db_done(st);
		int32_t cursor = start;
		for (int64_t j = 0; j < count; j++, k++) {
			/* the assignee: the next person of the plan's unit from a random start */
			int u = (int)plan_unit[p];
			int64_t pick = rng_range(&r, 0, np - 1);
			int64_t who = pick;
			/* the first of the unit's people at or after pick, wrapping:
			 * a binary search in the unit's list (ascending indexes) */
			int64_t lo = unit_first[u], hi = unit_first[u + 1];
			if (lo < hi) {
				int64_t a = lo, b = hi;
				while (a < b) {
					int64_t mid = a + (b - a) / 2;
					if (by_unit[mid] < pick)
						a = mid + 1;
					else
						b = mid;
				}
				who = a < hi ? by_unit[a] : by_unit[lo];
			}
			int64_t dur = rng_range(&r, 1, 8);
			int64_t est = dur * rng_range(&r, 4, 8) * 60;
			cursor = date_add_working(cursor, (int)rng_range(&r, 0, 3));
			/* dependencies on up to two of the previous five steps */
			int64_t dep[2] = {0, 0};
			int nd = j == 0 ? 0 : (int)rng_range(&r, 1, j > 1 ? 2 : 1);
			for (int d = 0; d < nd; d++) {
				int64_t back = rng_range(&r, 1, j < 5 ? j : 5);
				dep[d] = first + j - back;
				if (d == 1 && dep[1] == dep[0])
					nd = 1;
			}
			int deps_done = 1;
			for (int d = 0; d < nd; d++) {
				deps_done &= steps[dep[d]].status == 2;
				/* finish-to-start: begin after what it waits for */
				if (steps[dep[d]].due > cursor)
					cursor = steps[dep[d]].due;
			}
			/* status follows the calendar: most steps due before today are
			 * done, some late; steps under way are doing; later ones todo */
			/* a plan of very many steps runs out of calendar: the rest
			 * all start in its last year */
			int32_t last_start = date_from_ymd(9998, 1, 1);
			if (cursor > last_start)
				cursor = last_start;
			int32_t due = date_add_working(cursor, (int)dur);
			date_format(due, day);
			int64_t roll = rng_range(&r, 0, 99);
			int status = 0;
			if (p % 5 == 4)
				status = 0;
			else if (!deps_done)
				status = roll < 8 ? 3 : 0;
			else if (due < today - 14)
				status = roll < 97 ? 2 : 1;
			else if (due < today)
				status = roll < 75 ? 2 : roll < 93 ? 1 : 3;
			else if (cursor <= today)
				status = roll < 70 ? 1 : 0;
			steps[k].status = status;
			steps[k].who = who;
			steps[k].estimate = est;
			steps[k].start = cursor;
			steps[k].due = due;
			char name[160];
			snprintf(name, sizeof name, "%s %s", step_verbs[rng_range(&r, 0, N(step_verbs) - 1)],
				 step_objects[rng_range(&r, 0, N(step_objects) - 1)]);
			st = db_prepare(db,
				"INSERT INTO step (plan_id, name, assignee_id, estimate_minutes, "
				"duration_days, due, status) VALUES (:plan, :name, :assignee, "
				":estimate, :duration, :due, :status) RETURNING id", e);
			if (!st)
				goto out_pu;
			db_bind_int(st, ":plan", plan_ids[p]);
			db_bind_text(st, ":name", name);
			db_bind_int(st, ":assignee", people[who]);
			db_bind_int(st, ":estimate", est);
			db_bind_int(st, ":duration", dur);
			db_bind_text(st, ":due", day);
			db_bind_text(st, ":status", status_names[status]);
			if (exec1(st, &steps[k].id, e))
				goto out_pu;
			for (int d = 0; d < nd; d++) {
				st = db_prepare(db,
					"INSERT INTO step_dep (step_id, depends_on, lag_days) "
					"VALUES (:id, :on, 0)", e);
				if (!st)
					goto out_pu;
				db_bind_int(st, ":id", steps[k].id);
				db_bind_int(st, ":on", steps[dep[d]].id);
				if (exec1(st, NULL, e))
					goto out_pu;
				c->deps++;
			}
			if (k % 5000 == 0)
				progress(o, "steps", k, ns);
		}
	}
	c->steps = ns;
	progress(o, "steps", ns, ns);

	/* time: each started step gets about its estimate (done) or part of
	 * it (doing), spread over its working days up to yesterday, without
	 * anyone logging more than 10 hours a day */
	int32_t from = today - 30 * (int32_t)o->months;
	int32_t days = today - from;
	if (days > 0 && np * (int64_t)days <= 50 * 1000 * 1000) {
		uint16_t *booked = calloc((size_t)(np * days), sizeof *booked);
		if (!booked) {
			err_set(e, ERR_INTERNAL, "", "out of memory");
			goto out_pu;
		}
		for (int64_t s_ = 0; s_ < ns; s_++) {
			struct step_rec *sr = &steps[s_];
			if (sr->status != 1 && sr->status != 2)
				continue;
			int64_t target = sr->estimate * (sr->status == 2 ? rng_range(&r, 80, 130)
								       : rng_range(&r, 30, 70)) / 100;
			int32_t lo = sr->start > from ? sr->start : from;
			int32_t hi = sr->due < today ? sr->due : today - 1;
			int nwork = date_working_between(lo, hi + 1);
			if (nwork <= 0)
				continue;
			int64_t per_day = (target / nwork + 14) / 15 * 15;
			for (int32_t d = lo; d <= hi && target > 0; d++) {
				if (!date_is_working(d))
					continue;
				uint16_t *b = &booked[sr->who * days + (d - from)];
				int64_t m = per_day < target ? per_day : target;
				if (m > 600 - *b)
					m = 600 - *b;
				if (m < 15)
					continue;
				date_format(d, day);
				/* --chunk splits a day's work into entries of at most that */
				for (int64_t left = m; left > 0;) {
					int64_t piece = o->chunk > 0 && left > o->chunk ? o->chunk : left;
					struct stmt *st = db_prepare(db,
						"INSERT INTO time_entry (person_id, step_id, day, minutes, "
						"note) VALUES (:person, :step, :day, :minutes, :note)", e);
					if (!st) {
						free(booked);
						goto out_pu;
					}
					db_bind_int(st, ":person", people[sr->who]);
					db_bind_int(st, ":step", sr->id);
					db_bind_text(st, ":day", day);
					db_bind_int(st, ":minutes", piece);
					db_bind_text(st, ":note", "");
					if (exec1(st, NULL, e)) {
						free(booked);
						goto out_pu;
					}
					left -= piece;
					c->entries++;
				}
				*b = (uint16_t)(*b + m);
				target -= m;
			}
			if (s_ % 5000 == 0)
				progress(o, "time entries", s_, ns);
		}
		free(booked);
	}

	for (int64_t t = 0; t < N(tools); t++) {
		struct stmt *st = db_prepare(db,
			"INSERT INTO tool (name, cost_cents, plan_id, step_id) "
			"VALUES (:name, :cost, :plan, :step)", e);
		if (!st)
			goto out_pu;
		db_bind_text(st, ":name", tools[t][0]);
		db_bind_int(st, ":cost", strtoll(tools[t][1], NULL, 10));
		/* every other tool goes to a step, the rest to a whole plan */
		int to_step = t % 2 == 1 && ns > 0;
		db_bind_id(st, ":plan", to_step ? 0 : plan_ids[t % nplans]);
		db_bind_id(st, ":step", to_step ? steps[(t * 7) % ns].id : 0);
		if (exec1(st, NULL, e))
			goto out_pu;
		c->tools++;
	}
	rc = 0;
out_pu:
	free(person_unit);
out:
	free(unit_ids);
	free(by_unit);
	free(unit_first);
	free(people);
	free(head);
	free(plan_ids);
	free(plan_unit);
	free(steps);
	return rc;
}

int demo_seed(struct db *db, const struct demo_opts *o, struct demo_counts *c,
	      struct err *e)
{
	memset(c, 0, sizeof *c);
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	int64_t n = 0;
	struct stmt *st = db_prepare(db, "SELECT count(*) FROM unit", e);
	if (!st || db_one_int(st, &n, e) < 0)
		goto out;
	if (n > 0) {
		err_set(e, ERR_CONFLICT, "db",
			"the database already holds %lld unit(s): demo seeds only an empty "
			"database", (long long)n);
		goto out;
	}
	rc = seed(db, o, c, e);
	/* each area seeds its own records from what is there, deterministically:
	 * one line each, "if (rc == 0) rc = <area>_demo(db, today, e);" */
	char today[11];
	if (o->today)
		snprintf(today, sizeof today, "%s", o->today);
	else
		date_format(date_today(), today);
	if (rc == 0) rc = target_demo(db, today, e);
	if (rc == 0) rc = cost_demo(db, today, e);
	if (rc == 0) rc = ledger_rebuild(db, e);
	if (rc == 0) rc = staffing_demo(db, today, e);
	if (rc == 0) rc = raci_demo(db, today, e);
	if (rc == 0) rc = control_demo(db, today, e);
	if (rc == 0) rc = direction_demo(db, today, e);
	if (rc == 0) rc = signals_demo(db, today, e);
	if (rc == 0) rc = alignment_demo(db, today, e);
	if (rc == 0) rc = coalitions_demo(db, today, e);
	if (rc == 0) rc = recognition_demo(db, today, e);
	if (rc == 0) rc = pulse_demo(db, today, e);
	/* initiatives at different steps */
	if (rc == 0) rc = change_demo(db, today, e);
	/* a few self-assessments */
	if (rc == 0) rc = assess_demo(db, today, e);
	/* units in different quadrants, and a balance history (last) */
	if (rc == 0) rc = archetype_demo(db, today, e);
	if (rc == 0) rc = archetype_count_entries(db, &c->entries, e);
out:
	return db_end(db, rc, e);
}
