/* recognition_demo: the demo organization's recognitions and ideas; see
 * recognition.h. Everything goes through the domain functions, so the
 * demo obeys the same rules as a user. */
#include <string.h>

#include "base/date.h"
#include "lead/idea.h"
#include "lead/recognition.h"

/* ids (and a second column) from sql, in order, into a. */
struct pair {
	int64_t a, b;
};

static void pair_row(struct stmt *st, struct arena *a, void *item)
{
	(void)a;
	struct pair *p = item;
	p->a = db_col_int(st, 0);
	p->b = db_col_int(st, 1);
}

static int pairs(struct db *db, struct arena *a, const char *sql, struct pair **out, size_t *n,
		 struct err *e)
{
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	return db_collect(st, a, sizeof **out, pair_row, (void **)out, n, e);
}

static const char *const value_names[] = {"Customers first", "Own it", "Learn every day",
					  "Straight talk"};
static const char *const messages[4][6] = {
	{"Called the Lyon customer back the same evening and sorted out the wrong delivery.",
	 "Rewrote the portal's order-tracking page after reading every ticket about it.",
	 "Spotted the pricing error before the spring campaign emails went out.",
	 "Turned a complaint about late refunds into a fix of the returns form.",
	 "Walked three new wholesale buyers through the portal, one by one.",
	 "Kept the hotline open through the warehouse outage."},
	{"Took over the stalled ERP data cleanup and finished it in two weeks.",
	 "Found the cause of the picking errors and relabelled the shelves.",
	 "Owned the supplier mix-up and called every affected store.",
	 "Wrote the month-end closing runbook nobody had time to write.",
	 "Stepped in as release lead when the plan lost its owner.",
	 "Chased the last six onboarding tasks to done."},
	{"Ran a lunch session on what we learned from the failed scanner pilot.",
	 "Shared the campaign's A/B results, the losing version included.",
	 "Taught the team the new forecasting sheet.",
	 "Wrote up the portal outage post-mortem within a day.",
	 "Learned the ERP import format and documented it for everyone.",
	 "Tried three layouts for the packing station and measured each."},
	{"Told the steering group the launch date was not realistic, with the numbers.",
	 "Gave clear, kind feedback on the onboarding drafts.",
	 "Raised the budget overrun early instead of hoping it would go away.",
	 "Said no to a fifth priority and explained why.",
	 "Asked the hard question about the supplier contract in the review.",
	 "Flagged the missing handover notes before the shift change."},
};

static int demo_recognitions(struct db *db, struct arena *a, int32_t today,
			     const struct pair *people, size_t np, struct err *e)
{
	int64_t values[4] = {0};
	int nv = 0;
	for (int k = 0; k < 4; k++) {
		struct stmt *st = db_prepare(db, "SELECT id FROM org_value WHERE name = :name", e);
		if (!st)
			return -1;
		db_bind_text(st, ":name", value_names[k]);
		int rc = db_one_int(st, &values[k], e);
		if (rc < 0)
			return -1;
		nv += rc;
	}
	if (nv == 0 || np < 2)
		return 0;	/* no values: no recognitions */
	struct pair *units, *strategies;
	size_t nu, ns;
	if (pairs(db, a, "SELECT id, 0 FROM unit ORDER BY id", &units, &nu, e) ||
	    pairs(db, a, "SELECT id, 0 FROM strategy ORDER BY id", &strategies, &ns, e))
		return -1;
	for (int i = 0; i < 24; i++) {
		int k = i % 4;
		if (!values[k])
			continue;
		struct recognition_input in = {
			.from_id = people[(size_t)(i * 7 + 3) % np].a,
			.value_id = values[k],
			.message = messages[k][i / 4],
		};
		unsigned set = REC_FROM | REC_VALUE | REC_MESSAGE | REC_DAY;
		if (i % 6 == 5 && nu) {
			in.team_id = units[(size_t)i % nu].a;
			set |= REC_TEAM;
		} else {
			size_t t = (size_t)(i * 13 + 8) % np;
			if (people[t].a == in.from_id)
				t = (t + 1) % np;
			in.to_id = people[t].a;
			set |= REC_TO;
		}
		if (i % 3 == 0 && ns) {
			in.strategy_id = strategies[(size_t)(i / 3) % ns].a;
			set |= REC_STRATEGY;
		}
		char day[11];
		date_format(today - (2 + i * 88 / 23), day);
		in.day = day;
		int64_t id;
		if (recognition_add(db, &in, set, &id, e))
			return -1;
	}
	return 0;
}

struct demo_idea {
	const char *title, *body;
	int on_strategy;	/* tie it to a strategy (when there is one) */
	int age;		/* days before today */
	const char *status;	/* NULL: open */
	const char *reason;
	int into;		/* accepted: 1 a plan, 2 a step */
	int votes;
};

static const struct demo_idea ideas[] = {
	{"Live chat on the customer portal",
	 "Buyers abandon orders when a question goes unanswered. A chat window staffed by "
	 "support during office hours would keep them.", 1, 40, "accepted",
	 "Good one: it is now a step of the portal plan.", 2, 7},
	{"Pilot four-day picking shifts",
	 "Longer shifts over four days, tried by one warehouse team for a month, measuring "
	 "errors and sick days.", 0, 35, "accepted", "Let's run it as a plan of its own.", 1,
	 5},
	{"Stop printing the catalogue",
	 "The printed catalogue costs a lot and is out of date the day it ships.", 0, 28,
	 "declined",
	 "Our wholesale buyers still order from it; we revisit after the portal launch.", 0, 3},
	{"One returns dashboard for support and finance",
	 "Both teams track returns in their own sheets and the numbers never match.", 1, 20,
	 "under-review", "Checking with finance what they need from it.", 0, 4},
	{"Publish the roadmap on the intranet",
	 "Most questions we get in the all-hands are answered by the roadmap nobody sees.", 0,
	 45, NULL, NULL, 0, 6},
	{"Pair new hires with a buddy from another team",
	 "A buddy outside one's team makes the first months less lonely and spreads how "
	 "things work.", 0, 12, NULL, NULL, 0, 8},
	{"Weekly fifteen-minute customer call review",
	 "Listen to one recorded support call a week together and fix one thing.", 1, 6, NULL,
	 NULL, 0, 2},
	{"Reusable packing crates for store deliveries",
	 "Crates instead of cardboard for the stores we deliver to every week.", 0, 2, NULL,
	 NULL, 0, 1},
};

static int demo_ideas(struct db *db, struct arena *a, int32_t today, const struct pair *people,
		      size_t np, struct err *e)
{
	/* authors are people with a manager (who answers without a strategy) */
	struct pair *authors, *strategies, *plans, *steps;
	size_t na, ns, npl, nst;
	if (pairs(db, a, "SELECT id, manager_id FROM person WHERE manager_id IS NOT NULL "
		  "ORDER BY id", &authors, &na, e) ||
	    pairs(db, a, "SELECT id, coalesce(owner_id, 0) FROM strategy ORDER BY id",
		  &strategies, &ns, e) ||
	    pairs(db, a, "SELECT id, 0 FROM plan ORDER BY id", &plans, &npl, e) ||
	    pairs(db, a, "SELECT id, plan_id FROM step WHERE status <> 'done' ORDER BY id",
		  &steps, &nst, e))
		return -1;
	if (!na || np < 10)
		return 0;
	for (size_t i = 0; i < sizeof ideas / sizeof ideas[0]; i++) {
		const struct demo_idea *d = &ideas[i];
		const struct pair *author = &authors[(i * 5 + 2) % na];
		char created[11];
		date_format(today - d->age, created);
		struct idea_input in = {.title = d->title, .body = d->body,
					.author_id = author->a, .created = created};
		unsigned set = IDEA_TITLE | IDEA_BODY | IDEA_AUTHOR | IDEA_CREATED;
		if (d->on_strategy && ns) {
			const struct pair *s = &strategies[i % ns];
			in.strategy_id = s->a;
			set |= IDEA_STRATEGY;
			if (s->b == author->a) {	/* the author does not answer their own */
				in.owner_id = author->b;
				set |= IDEA_OWNER;
			}
		}
		int64_t id;
		if (idea_add(db, &in, set, &id, e))
			return -1;
		/* consecutive people after an offset: never the same one twice */
		for (int v = 0, k = 0; v < d->votes && k < (int)np; k++) {
			int64_t voter = people[(i * 3 + (size_t)k) % np].a;
			if (voter == author->a)
				continue;
			if (idea_vote(db, id, voter, e))
				return -1;
			v++;
		}
		if (!d->status)
			continue;
		struct idea_answer_input ans = {.status = d->status, .reason = d->reason};
		unsigned aset = IA_STATUS | IA_REASON;
		if (d->into == 1 && npl) {
			ans.plan_id = plans[npl - 1].a;
			aset |= IA_PLAN;
		} else if (d->into == 2 && nst) {
			ans.step_id = steps[nst / 2].a;
			aset |= IA_STEP;
		}
		if (idea_answer(db, id, 0, &ans, aset, e))
			return -1;
		char answered[11];
		date_format(today - d->age / 2, answered);
		struct stmt *st = db_prepare(db, "UPDATE idea SET answered = :day WHERE id = :id", e);
		if (!st)
			return -1;
		db_bind_text(st, ":day", answered);
		db_bind_int(st, ":id", id);
		int rc = db_step(st, e);
		db_done(st);
		if (rc < 0)
			return -1;
	}
	return 0;
}

int recognition_demo(struct db *db, const char *today, struct err *e)
{
	int32_t day;
	if (date_parse(today, &day))
		return err_set(e, ERR_BAD_INPUT, "today", "today: must be a date as YYYY-MM-DD");
	struct arena a = ARENA_INIT;
	struct pair *people;
	size_t np;
	int rc = pairs(db, &a, "SELECT id, unit_id FROM person ORDER BY id", &people, &np, e);
	if (rc == 0)
		rc = demo_recognitions(db, &a, day, people, np, e);
	if (rc == 0)
		rc = demo_ideas(db, &a, day, people, np, e);
	arena_free(&a);
	return rc;
}
