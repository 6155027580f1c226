/* evidence: see evidence.h; the rules are written out with worked
 * examples in docs/change.md. Every item is read as of a day: signals,
 * obstacles, wins, recognitions, plans, anchors and communications
 * dated after it do not count. */
#include "change/evidence.h"

#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/date.h"
#include "base/json.h"
#include "change/initiative.h"
#include "lead/coalition.h"
#include "lead/pulse.h"
#include "org/setting.h"

enum { MAX_ITEMS = 16 };

struct ctx {
	struct db *db;
	struct arena *a;
	int64_t id;
	int32_t as_of;
	char day[11];		/* as_of as text */
	int64_t pulse_id, coalition_id;
	struct evidence_item items[MAX_ITEMS];
	size_t n;
};

static void item(struct ctx *c, int step, const char *key, const char *label, int met,
		 const char *why)
{
	if (NEVER(c->n >= MAX_ITEMS))
		return;
	c->items[c->n++] = (struct evidence_item){
		.step = step, .key = key, .label = label, .met = met, .why = why ? why : ""};
}

/* committed / n as a whole percent, rounded half up */
static int64_t pct(int64_t part, int64_t whole)
{
	return whole > 0 ? (200 * part + whole) / (2 * whole) : 0;
}

/* part/whole >= share % without rounding */
static int reaches(int64_t part, int64_t whole, int64_t share)
{
	return whole > 0 && part * 100 >= share * whole;
}

/* Runs sql (binds :id, and :to and :from when the SQL has them) and
 * reads up to nv integers of its one row. */
static int ints(struct ctx *c, const char *sql, const char *from, int64_t *v, int nv,
		struct err *e)
{
	struct stmt *st = db_prepare(c->db, sql, e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", c->id);
	if (strstr(sql, ":to"))
		db_bind_text(st, ":to", c->day);
	if (from)
		db_bind_text(st, ":from", from);
	int rc = db_step(st, e);
	for (int i = 0; i < nv; i++)
		v[i] = rc == 1 ? db_col_int(st, i) : 0;
	db_done(st);
	return rc < 0 ? -1 : 0;
}

static int setting(struct ctx *c, const char *key, int64_t *v, struct err *e)
{
	return setting_int(c->db, key, v, e);
}

/* ---- step 1: urgency ---- */

static int urgency_pressure(struct ctx *c, struct err *e)
{
	int64_t need, links[2], v[2];
	char from[11];
	date_format(c->as_of - 365, from);
	if (setting(c, "change.urgency_pressure", &need, e) ||
	    ints(c, "SELECT (SELECT count(*) FROM initiative_signal WHERE initiative_id = :id), "
		 "(SELECT count(*) FROM initiative_theme WHERE initiative_id = :id)",
		 NULL, links, 2, e) ||
	    ints(c, "SELECT coalesce(sum(s.impact * s.likelihood), 0), count(*) FROM signal s "
		 "WHERE s.day > :from AND s.day <= :to AND (s.id IN "
		 "(SELECT signal_id FROM initiative_signal WHERE initiative_id = :id) OR s.id IN "
		 "(SELECT st.signal_id FROM signal_theme st JOIN initiative_theme it "
		 "ON it.theme_id = st.theme_id WHERE it.initiative_id = :id))",
		 from, v, 2, e))
		return -1;
	const char *why;
	if (!links[0] && !links[1])
		why = arena_printf(c->a, "no signal or theme linked; needs a pressure of %lld",
				   (long long)need);
	else
		why = arena_printf(c->a, "pressure %lld from %lld signal%s dated %s to %s "
				   "(%lld signals linked, %lld theme%s), needs %lld",
				   (long long)v[0], (long long)v[1], v[1] == 1 ? "" : "s", from,
				   c->day, (long long)links[0], (long long)links[1],
				   links[1] == 1 ? "" : "s", (long long)need);
	item(c, 1, "urgency_pressure", "linked signals and themes reach the pressure level",
	     v[0] >= need, why);
	return 0;
}

/* The mean of the linked pulse's first question over the affected
 * units' groups that pulse_results shows (a suppressed group is left
 * out, never estimated). A 0-10 question needs twice the 1-5 level. */
static int urgency_pulse(struct ctx *c, struct err *e)
{
	static const char *const label = "an urgency pulse among the affected units (if run)";
	int64_t need;
	if (setting(c, "change.urgency_pulse", &need, e))
		return -1;
	if (!c->pulse_id) {
		item(c, 1, "urgency_pulse", label, 1, "not run: no pulse linked, not required");
		return 0;
	}
	int64_t v[1];
	if (ints(c, "SELECT p.sent FROM initiative i JOIN pulse p ON p.id = i.pulse_id "
		 "WHERE i.id = :id AND p.opens <= :to", NULL, v, 1, e))
		return -1;
	if (!v[0]) {
		item(c, 1, "urgency_pulse", label, 0,
		     arena_printf(c->a, "pulse %lld is linked but not sent and open by %s",
				  (long long)c->pulse_id, c->day));
		return 0;
	}
	struct pulse_results r;
	struct initiative_ref *units;
	size_t nu;
	if (pulse_results(c->db, c->a, c->pulse_id, 0, &r, e) ||
	    initiative_affected_units(c->db, c->a, c->id, &units, &nu, e))
		return -1;
	if (!r.nq) {
		item(c, 1, "urgency_pulse", label, 0, "the linked pulse has no question");
		return 0;
	}
	int ten = strcmp(r.q[0].scale, "0-10") == 0;
	int64_t level = ten ? need * 2 : need;	/* tenths of a point */
	int64_t total = 0, count = 0, shown = 0, hidden = 0;
	for (size_t u = 0; u < nu; u++)
		for (size_t g = 0; g < r.ng; g++) {
			if (r.g[g].unit_id != units[u].id)
				continue;
			if (!r.g[g].shown) {
				hidden++;
				break;
			}
			shown++;
			for (int k = 0; k <= 10; k++) {
				total += k * r.g[g].stats[0].dist[k];
				count += r.g[g].stats[0].dist[k];
			}
			break;
		}
	const char *of = ten ? "10" : "5";
	/* the mean x100, rounded half up, for the words only */
	int64_t mean = count ? (200 * total + count) / (2 * count) : 0;
	const char *why;
	int met = count > 0 && total * 10 >= level * count;
	if (!count)
		why = arena_printf(c->a, "no results shown for the affected units (%lld group%s "
				   "below the pulse's minimum), needs a mean of %lld.%lld of %s",
				   (long long)hidden, hidden == 1 ? "" : "s",
				   (long long)(level / 10), (long long)(level % 10), of);
	else
		why = arena_printf(c->a, "mean %lld.%02lld of %s over %lld answers in %lld "
				   "affected unit%s (%lld suppressed), needs %lld.%lld",
				   (long long)(mean / 100), (long long)(mean % 100), of,
				   (long long)count,
				   (long long)shown, shown == 1 ? "" : "s", (long long)hidden,
				   (long long)(level / 10), (long long)(level % 10));
	item(c, 1, "urgency_pulse", label, met, why);
	return 0;
}

/* ---- step 2: the guiding coalition ---- */

static int coalition_items(struct ctx *c, struct err *e)
{
	static const char *const covers = "the coalition covers every affected unit";
	static const char *const attrs = "the coalition has all four attributes";
	if (!c->coalition_id) {
		item(c, 2, "coalition_covers", covers, 0, "no coalition named");
		item(c, 2, "coalition_attributes", attrs, 0, "no coalition named");
		return 0;
	}
	struct initiative_ref *units;
	size_t nu, in = 0;
	if (initiative_affected_units(c->db, c->a, c->id, &units, &nu, e))
		return -1;
	struct buf miss = BUF_INIT;
	for (size_t u = 0; u < nu; u++) {
		int covered = 0;
		if (coalition_covers_unit(c->db, c->coalition_id, units[u].id, &covered, e)) {
			buf_free(&miss);
			return -1;
		}
		if (covered)
			in++;
		else
			buf_printf(&miss, "%s%s", miss.len ? ", " : "", units[u].name);
	}
	const char *why = nu == 0 ? "no affected unit"
		: in == nu ? arena_printf(c->a, "covers all %zu affected unit%s", nu,
					 nu == 1 ? "" : "s")
		: arena_printf(c->a, "covers %zu of %zu affected units; not %s", in, nu,
			       miss.failed ? "..." : buf_str(&miss));
	buf_free(&miss);
	item(c, 2, "coalition_covers", covers, nu > 0 && in == nu, why);

	struct coalition_coverage cv;
	if (coalition_coverage(c->db, c->coalition_id, &cv, e))
		return -1;
	struct buf lack = BUF_INIT;
	const char *names[] = {"position power", "expertise", "credibility", "leadership"};
	int has[] = {cv.has_power, cv.has_expertise, cv.has_credibility, cv.has_leadership};
	for (int k = 0; k < 4; k++)
		if (!has[k])
			buf_printf(&lack, "%s%s", lack.len ? ", " : "", names[k]);
	int all = !lack.len;
	why = all ? arena_printf(c->a, "%lld member%s with all four attributes",
				 (long long)cv.members, cv.members == 1 ? "" : "s")
		: arena_printf(c->a, "%lld member%s; missing %s", (long long)cv.members,
			       cv.members == 1 ? "" : "s", lack.failed ? "..." : buf_str(&lack));
	buf_free(&lack);
	item(c, 2, "coalition_attributes", attrs, all && cv.members > 0, why);
	return 0;
}

/* ---- step 3: vision and strategy ---- */

static int strategy_items(struct ctx *c, struct err *e)
{
	int64_t v[2];
	if (ints(c, "SELECT count(*), coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM plan_strategy ps "
		 "WHERE ps.strategy_id = l.strategy_id) THEN 1 ELSE 0 END), 0) "
		 "FROM initiative_strategy l WHERE l.initiative_id = :id", NULL, v, 2, e))
		return -1;
	item(c, 3, "strategy_linked", "at least one strategy linked", v[0] > 0,
	     arena_printf(c->a, "%lld strateg%s linked", (long long)v[0],
			  v[0] == 1 ? "y" : "ies"));
	item(c, 3, "strategy_plan", "a linked strategy carried by a plan", v[1] > 0,
	     v[0] ? arena_printf(c->a, "%lld of %lld linked strateg%s with a plan",
				 (long long)v[1], (long long)v[0], v[0] == 1 ? "y" : "ies")
		  : "no strategy linked");
	return 0;
}

/* ---- steps 4 and 8: communications reaching the affected people ---- */

struct comm_reach {
	int64_t id;
	const char *title, *day;
	int64_t recipients, committed;
};

static void reach_row(struct stmt *st, struct arena *a, void *p)
{
	struct comm_reach *r = p;
	r->id = db_col_int(st, 0);
	r->title = arena_strdup(a, db_col_text(st, 1));
	r->day = arena_strdup(a, db_col_text(st, 2));
	r->recipients = db_col_int(st, 3);
	r->committed = db_col_int(st, 4);
}

/* The sent communications of the initiative dated up to as_of and
 * after since (NULL: any), newest first, with their recipients in the
 * affected units' subtrees and how many of them committed; the best
 * one as *why, and whether one reaches the share. */
static int comm_check(struct ctx *c, const char *since, int64_t share, int *met,
		      const char **why, struct err *e)
{
	struct stmt *st = db_prepare(c->db, INITIATIVE_AFFECTED_CTE
		"SELECT m.id, m.title, m.day, count(r.id), "
		"coalesce(sum(CASE WHEN r.state = 'committed' THEN 1 ELSE 0 END), 0) "
		"FROM initiative_comm l JOIN comm m ON m.id = l.comm_id "
		"LEFT JOIN comm_recipient r ON r.comm_id = m.id AND r.person_id IS NOT NULL "
		"AND r.unit_id IN (SELECT id FROM aff) "
		"WHERE l.initiative_id = :init AND m.sent = 1 AND m.day <= :to AND m.day > :since "
		"GROUP BY m.id, m.title, m.day ORDER BY m.day DESC, m.id DESC", e);
	if (!st)
		return -1;
	db_bind_int(st, ":init", c->id);
	db_bind_text(st, ":to", c->day);
	db_bind_text(st, ":since", since ? since : "");
	struct comm_reach *v;
	size_t n;
	if (db_collect(st, c->a, sizeof *v, reach_row, (void **)&v, &n, e))
		return -1;
	const struct comm_reach *best = NULL;
	*met = 0;
	for (size_t i = 0; i < n; i++) {
		if (reaches(v[i].committed, v[i].recipients, share)) {
			best = &v[i];
			*met = 1;
			break;
		}
		if (v[i].recipients && (!best || v[i].committed * best->recipients >
					best->committed * v[i].recipients))
			best = &v[i];
	}
	if (!best)
		*why = arena_printf(c->a, "no sent communication of the initiative%s%s reached the "
				    "affected people; needs %lld %% committed",
				    since ? " after " : "", since ? since : "", (long long)share);
	else
		*why = arena_printf(c->a, "\"%s\" (%s): %lld of %lld affected people committed "
				    "(%lld %%), needs %lld %%", best->title, best->day,
				    (long long)best->committed, (long long)best->recipients,
				    (long long)pct(best->committed, best->recipients),
				    (long long)share);
	return 0;
}

static int communicated(struct ctx *c, struct err *e)
{
	int64_t share;
	int met;
	const char *why;
	if (setting(c, "change.commit_share", &share, e) ||
	    comm_check(c, NULL, share, &met, &why, e))
		return -1;
	item(c, 4, "communicated", "a communication with enough affected people committed", met,
	     why);
	return 0;
}

/* ---- step 5: empowerment ---- */

static int obstacle_items(struct ctx *c, struct err *e)
{
	int64_t need, v[2];
	if (setting(c, "change.obstacles_resolved", &need, e) ||
	    ints(c, "SELECT count(*), coalesce(sum(CASE WHEN resolved IS NOT NULL AND "
		 "resolved <= :to THEN 1 ELSE 0 END), 0) FROM obstacle "
		 "WHERE initiative_id = :id AND opened <= :to", NULL, v, 2, e))
		return -1;
	item(c, 5, "obstacles_logged", "obstacles logged", v[0] > 0,
	     arena_printf(c->a, "%lld obstacle%s logged", (long long)v[0],
			  v[0] == 1 ? "" : "s"));
	item(c, 5, "obstacles_resolved", "most obstacles resolved", reaches(v[1], v[0], need),
	     v[0] ? arena_printf(c->a, "%lld of %lld obstacles resolved (%lld %%), needs %lld %%",
				 (long long)v[1], (long long)v[0], (long long)pct(v[1], v[0]),
				 (long long)need)
		  : arena_printf(c->a, "no obstacle logged; needs %lld %% resolved",
				 (long long)need));
	return 0;
}

/* ---- steps 6 and 7: wins, and what followed them ---- */

static int win_items(struct ctx *c, struct err *e)
{
	int64_t v[2];
	if (ints(c, "SELECT count(*), coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM recognition r "
		 "WHERE r.win_id = w.id AND r.day <= :to) THEN 1 ELSE 0 END), 0) "
		 "FROM win w WHERE w.initiative_id = :id AND w.day <= :to", NULL, v, 2, e))
		return -1;
	item(c, 6, "win_recorded", "a short-term win recorded", v[0] > 0,
	     arena_printf(c->a, "%lld win%s recorded", (long long)v[0], v[0] == 1 ? "" : "s"));
	item(c, 6, "win_recognized", "a win celebrated by a recognition", v[1] > 0,
	     v[0] ? arena_printf(c->a, "%lld of %lld win%s recognized", (long long)v[1],
				 (long long)v[0], v[0] == 1 ? "" : "s")
		  : "no win recorded");

	struct stmt *st = db_prepare(c->db, "SELECT min(day) FROM win WHERE initiative_id = :id "
				     "AND day <= :to", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", c->id);
	db_bind_text(st, ":to", c->day);
	int rc = db_step(st, e);
	const char *first = rc == 1 && !db_col_is_null(st, 0)
		? arena_strdup(c->a, db_col_text(st, 0)) : NULL;
	db_done(st);
	if (rc < 0)
		return -1;
	static const char *const label = "further plans started after the first win";
	if (!first) {
		item(c, 7, "plans_after_win", label, 0, "no win yet");
		return 0;
	}
	st = db_prepare(c->db,
		"SELECT count(*), coalesce(sum(CASE WHEN p.start_date > :first AND "
		"p.start_date <= :to AND p.status NOT IN ('draft','cancelled') THEN 1 ELSE 0 END), 0) "
		"FROM initiative_plan l JOIN plan p ON p.id = l.plan_id "
		"WHERE l.initiative_id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", c->id);
	db_bind_text(st, ":to", c->day);
	db_bind_text(st, ":first", first);
	rc = db_step(st, e);
	int64_t linked = rc == 1 ? db_col_int(st, 0) : 0, after = rc == 1 ? db_col_int(st, 1) : 0;
	db_done(st);
	if (rc < 0)
		return -1;
	item(c, 7, "plans_after_win", label, after > 0,
	     arena_printf(c->a, "%lld of %lld linked plan%s started after the first win (%s)",
			  (long long)after, (long long)linked, linked == 1 ? "" : "s", first));
	return 0;
}

/* ---- step 8: anchoring ---- */

static int anchor_items(struct ctx *c, struct err *e)
{
	int64_t v[1], days, share;
	if (ints(c, "SELECT count(*) FROM anchor WHERE initiative_id = :id AND day <= :to", NULL,
		 v, 1, e) ||
	    setting(c, "change.sustain_days", &days, e) ||
	    setting(c, "change.commit_share", &share, e))
		return -1;
	item(c, 8, "anchor_recorded", "a value or practice recorded as changed", v[0] > 0,
	     arena_printf(c->a, "%lld anchor%s recorded", (long long)v[0], v[0] == 1 ? "" : "s"));
	char since[11];
	date_format(c->as_of - (int32_t)days, since);
	int met;
	const char *why;
	if (comm_check(c, since, share, &met, &why, e))
		return -1;
	item(c, 8, "alignment_sustained",
	     "alignment sustained: a recent communication with enough committed", met,
	     arena_printf(c->a, "within %lld days: %s", (long long)days, why));
	return 0;
}

int evidence_get(struct db *db, struct arena *a, int64_t id, const char *as_of,
		 struct evidence *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	struct ctx *c = arena_alloc(a, sizeof *c);
	if (!c)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	c->db = db;
	c->a = a;
	c->id = id;
	if (as_of) {
		if (date_parse(as_of, &c->as_of))
			return err_set(e, ERR_BAD_INPUT, "as_of", "as_of: not a date (YYYY-MM-DD)");
	} else {
		c->as_of = date_today();
	}
	date_format(c->as_of, c->day);
	struct stmt *st = db_prepare(db, "SELECT step, coalesce(pulse_id, 0), "
				     "coalesce(coalition_id, 0) FROM initiative WHERE id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1) {
		out->step = (int)db_col_int(st, 0);
		c->pulse_id = db_col_int(st, 1);
		c->coalition_id = db_col_int(st, 2);
	}
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no initiative with id %lld", (long long)id);
	if (rc < 0)
		return -1;
	if (urgency_pressure(c, e) || urgency_pulse(c, e) || coalition_items(c, e) ||
	    strategy_items(c, e) || communicated(c, e) || obstacle_items(c, e) ||
	    win_items(c, e) || anchor_items(c, e))
		return -1;
	out->initiative_id = id;
	out->items = c->items;
	out->n = c->n;
	return 0;
}

const struct evidence_item *evidence_first_missing(const struct evidence *ev, int step)
{
	for (size_t i = 0; i < ev->n; i++)
		if (ev->items[i].step == step && !ev->items[i].met)
			return &ev->items[i];
	return NULL;
}

/* Whether the advance from ev->step needs item it. */
static int needed(const struct evidence *ev, const struct evidence_item *it)
{
	return it->step == ev->step + 1 || (ev->step == 1 && it->step == 1);
}

const struct evidence_item *evidence_next_missing(const struct evidence *ev)
{
	if (ev->step >= INITIATIVE_NSTEPS)
		return NULL;
	for (size_t i = 0; i < ev->n; i++)
		if (needed(ev, &ev->items[i]) && !ev->items[i].met)
			return &ev->items[i];
	return NULL;
}

int initiative_advance_at(struct db *db, struct arena *a, int64_t id, const char *day,
			  const char *override_reason, const char *by, struct evidence *missing,
			  struct err *e)
{
	if (missing)
		memset(missing, 0, sizeof *missing);
	if (override_reason && !override_reason[0])
		return err_set(e, ERR_BAD_INPUT, "override",
			       "override: give the reason for advancing without the evidence");
	char today[11];
	int32_t d;
	if (!day) {
		date_format(date_today(), today);
		day = today;
	} else if (date_parse(day, &d)) {
		return err_set(e, ERR_BAD_INPUT, "day", "day: not a date (YYYY-MM-DD)");
	}
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	struct stmt *st = db_prepare(db,
		"SELECT i.step, i.status, s.reached FROM initiative i LEFT JOIN initiative_step s "
		"ON s.initiative_id = i.id AND s.step = i.step WHERE i.id = :id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", id);
	int got = db_step(st, e);
	int step = 0;
	char status[16] = "", reached[11] = "";
	if (got == 1) {
		step = (int)db_col_int(st, 0);
		snprintf(status, sizeof status, "%s", db_col_text(st, 1));
		snprintf(reached, sizeof reached, "%s", db_col_is_null(st, 2) ? "" :
			 db_col_text(st, 2));
	}
	db_done(st);
	if (got <= 0) {
		if (got == 0)
			err_set(e, ERR_NOT_FOUND, "id", "no initiative with id %lld", (long long)id);
		goto out;
	}
	if (strcmp(status, "active") != 0) {
		err_set(e, ERR_CONFLICT, "status", "initiative %lld is %s: only an active one "
			"advances", (long long)id, status);
		goto out;
	}
	if (step >= INITIATIVE_NSTEPS) {
		err_set(e, ERR_CONFLICT, "step", "initiative %lld is already at step 8 (%s)",
			(long long)id, initiative_step_name(INITIATIVE_NSTEPS));
		goto out;
	}
	if (strcmp(day, reached) < 0) {
		err_set(e, ERR_BAD_INPUT, "day", "day: %s is before step %d was reached (%s)", day,
			step, reached);
		goto out;
	}
	struct evidence ev;
	if (evidence_get(db, a, id, day, &ev, e))
		goto out;
	size_t nmiss = 0;
	struct evidence_item *miss = arena_alloc(a, (ev.n ? ev.n : 1) * sizeof *miss);
	if (!miss) {
		err_set(e, ERR_INTERNAL, "", "out of memory");
		goto out;
	}
	for (size_t i = 0; i < ev.n; i++)
		if (needed(&ev, &ev.items[i]) && !ev.items[i].met)
			miss[nmiss++] = ev.items[i];
	if (nmiss && !override_reason) {
		if (missing)
			*missing = (struct evidence){.initiative_id = id, .step = step,
						     .items = miss, .n = nmiss};
		/* nothing was written: end cleanly, so that an enclosing
		 * transaction (the API's) is not doomed by a refusal */
		struct err ignore = {0};
		db_end(db, 0, &ignore);
		struct buf b = BUF_INIT;
		for (size_t i = 0; i < nmiss; i++)
			buf_printf(&b, "%s%s", i ? "; " : "", miss[i].label);
		err_set(e, ERR_CONFLICT, "step", "initiative %lld cannot advance to step %d (%s): "
			"%zu item%s missing: %s", (long long)id, step + 1,
			initiative_step_name(step + 1), nmiss, nmiss == 1 ? "" : "s",
			b.failed ? "..." : buf_str(&b));
		buf_free(&b);
		return -1;
	}
	st = db_prepare(db, "UPDATE initiative SET step = :step WHERE id = :id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":step", step + 1);
	db_bind_int(st, ":id", id);
	got = db_step(st, e);
	db_done(st);
	if (got < 0)
		goto out;
	/* an override is recorded only when it overrode something */
	const char *reason = nmiss ? override_reason : NULL;
	st = db_prepare(db,
		"INSERT INTO initiative_step (initiative_id, step, reached, override_reason, "
		"override_by) VALUES (:id, :step, :day, :reason, :by)", e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", id);
	db_bind_int(st, ":step", step + 1);
	db_bind_text(st, ":day", day);
	db_bind_text(st, ":reason", reason);
	db_bind_text(st, ":by", reason ? (by && by[0] ? by : "admin") : NULL);
	got = db_step(st, e);
	db_done(st);
	if (got < 0)
		goto out;
	if (missing && nmiss)
		*missing = (struct evidence){.initiative_id = id, .step = step, .items = miss,
					     .n = nmiss};
	rc = 0;
out:
	return db_end(db, rc, e);
}

int initiative_advance(struct db *db, struct arena *a, int64_t id, const char *override_reason,
		       const char *by, struct evidence *missing, struct err *e)
{
	return initiative_advance_at(db, a, id, NULL, override_reason, by, missing, e);
}

json_t *evidence_item_json(const struct evidence_item *it)
{
	json_t *o = json_object();
	json_set_int(o, "step", it->step);
	json_set_str(o, "step_name", initiative_step_name(it->step));
	json_set_str(o, "key", it->key);
	json_set_str(o, "label", it->label);
	json_object_set_new(o, "met", json_boolean(it->met));
	json_set_str(o, "why", it->why);
	return o;
}

json_t *evidence_json(const struct evidence *ev)
{
	json_t *o = json_object();
	json_set_int(o, "initiative_id", ev->initiative_id);
	json_set_int(o, "step", ev->step);
	json_t *arr = json_array();
	for (size_t i = 0; i < ev->n; i++)
		json_array_append_new(arr, evidence_item_json(&ev->items[i]));
	json_object_set_new(o, "items", arr);
	const struct evidence_item *next = evidence_next_missing(ev);
	json_set_str(o, "blocked_by", next ? next->label : "");
	return o;
}
