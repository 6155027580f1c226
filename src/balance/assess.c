/* assess: see assess.h. */
#include "balance/assess.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "balance/balance.h"
#include "base/date.h"
#include "base/json.h"
#include "org/person.h"
#include "org/setting.h"
#include "org/unit.h"

const struct assess_item assess_items[ASSESS_ITEMS] = {
	{1, BP_PLANNING, "Our plans say who does what by when."},
	{2, BP_PLANNING, "Each of our targets has a plan that serves it."},
	{3, BP_PLANNING, "We know what our work will cost before we start, and it has a budget."},
	{4, BP_PLANNING, "We estimate our work before we promise dates."},
	{5, BP_STAFFING, "Every job in our team is held by someone with the skills it needs."},
	{6, BP_STAFFING, "Each task has one person who is accountable for it."},
	{7, BP_STAFFING, "Nobody in our team is overloaded for weeks on end."},
	{8, BP_STAFFING, "When someone leaves, their place is filled without a long gap."},
	{9, BP_CONTROLLING, "We compare progress and cost with the plan every week or two."},
	{10, BP_CONTROLLING, "When a plan drifts off course, we notice it within days."},
	{11, BP_CONTROLLING, "A problem we find gets an owner, a cause and a due date."},
	{12, BP_CONTROLLING, "We log the time we spend, so we know where it goes."},
	{13, BP_DIRECTION, "I can say in one sentence where we are heading in the next years."},
	{14, BP_DIRECTION, "Each of our plans serves a strategy, and I can say which."},
	{15, BP_DIRECTION, "We watch customers and competitors and change course when we must."},
	{16, BP_DIRECTION, "Our direction is reviewed when the world around us changes."},
	{17, BP_ALIGNING, "Our leaders have explained the vision to us in person."},
	{18, BP_ALIGNING, "I know how my own work helps our strategy."},
	{19, BP_ALIGNING, "People in our team are committed to the direction, not only aware of it."},
	{20, BP_ALIGNING, "The people we need in other teams back our direction too."},
	{21, BP_MOTIVATING, "Good work in our team is recognized openly and soon."},
	{22, BP_MOTIVATING, "When someone proposes an idea, they get an answer."},
	{23, BP_MOTIVATING, "People here take the initiative without waiting to be told."},
	{24, BP_MOTIVATING, "Our leaders coach us, not only check on us."},
};

_Static_assert((int)ASSESS_NPROC == (int)BP_N, "the processes of balance.h");

const char *assess_process_key(int process)
{
	return process >= 0 && process < BP_N ? bal_process_keys[process] : "";
}

const char *assess_process_name(int process)
{
	return process >= 0 && process < BP_N ? bal_process_names[process] : "";
}

const char *const assess_scale[6] = {"", "strongly disagree", "disagree", "neither",
				     "agree", "strongly agree"};

#define ANSWERS_HELP "24 values 1-5 separated by commas, items in order (\"4,3,5,...\")"

const struct field assess_take_fields[] = {
	{.name = "person_id", .type = FT_ID,
	 .offset = offsetof(struct assess_take_input, person_id), .bit = AT_PERSON,
	 .required = 1, .help = "who answers"},
	{.name = "cohort_id", .type = FT_ID,
	 .offset = offsetof(struct assess_take_input, cohort_id), .bit = AT_COHORT,
	 .help = "the workshop cohort it counts for (default: the latest one joined, if open)"},
	{.name = "answers", .type = FT_TEXT, .offset = offsetof(struct assess_take_input, answers),
	 .bit = AT_ANSWERS, .max = 200,
	 .help = ANSWERS_HELP "; without it the statements are asked in turn"},
	{0},
};

const struct field assess_api_fields[] = {
	{.name = "cohort_id", .type = FT_ID,
	 .offset = offsetof(struct assess_take_input, cohort_id), .bit = AT_COHORT,
	 .help = "the workshop cohort it counts for (default: the latest one joined, if open)"},
	{.name = "answers", .type = FT_TEXT, .offset = offsetof(struct assess_take_input, answers),
	 .bit = AT_ANSWERS, .max = 200, .required = 1, .help = ANSWERS_HELP},
	{0},
};

const struct field assess_person_fields[] = {
	{.name = "person_id", .type = FT_ID, .offset = offsetof(struct assess_person_q, person_id),
	 .bit = 1, .required = 1, .help = "whose profile (theirs to read)"},
	{0},
};

int assess_parse_answers(const char *s, int out[ASSESS_ITEMS], struct err *e)
{
	const char *p = s ? s : "";
	int n = 0;
	for (;;) {
		while (*p == ' ')
			p++;
		const char *start = p;
		long v = 0;
		while (*p >= '0' && *p <= '9' && p - start < 6)
			v = v * 10 + (*p++ - '0');
		while (*p == ' ')
			p++;
		if (p == start || (*p && *p != ','))
			return err_set(e, ERR_BAD_INPUT, "answers",
				       "answers: give %d whole numbers 1-5 separated by commas "
				       "(\"4,3,5,...\"): item %d is not a number", ASSESS_ITEMS, n + 1);
		if (n >= ASSESS_ITEMS)
			return err_set(e, ERR_BAD_INPUT, "answers",
				       "answers: there are %d items: give one value each (got more)",
				       ASSESS_ITEMS);
		if (v < 1 || v > 5)
			return err_set(e, ERR_BAD_INPUT, "answers",
				       "answers: item %d takes 1 to 5 (got %ld)", n + 1, v);
		out[n++] = (int)v;
		if (!*p)
			break;
		p++;
	}
	if (n != ASSESS_ITEMS)
		return err_set(e, ERR_BAD_INPUT, "answers",
			       "answers: there are %d items: give one value each (got %d)",
			       ASSESS_ITEMS, n);
	return 0;
}

int assess_min_group(struct db *db, int64_t *n, struct err *e)
{
	if (setting_int(db, "assess.min_group", n, e))
		return -1;
	if (*n < ASSESS_MIN_FLOOR)
		*n = ASSESS_MIN_FLOOR;
	return 0;
}

/* The cohort the assessment counts for: the given one (which must be
 * open and joined) or the person's latest open one (0 if none). */
static int take_cohort(struct db *db, int64_t person, int64_t given, int64_t *cohort,
		       struct err *e)
{
	*cohort = 0;
	if (!given) {
		struct stmt *st = db_prepare(db,
			"SELECT c.id FROM cohort_member m JOIN cohort c ON c.id = m.cohort_id "
			"WHERE m.person_id = :p AND c.open = 1 "
			"ORDER BY m.joined DESC, c.id DESC LIMIT 1", e);
		if (!st)
			return -1;
		db_bind_int(st, ":p", person);
		return db_one_int(st, cohort, e) < 0 ? -1 : 0;
	}
	struct stmt *st = db_prepare(db,
		"SELECT c.open, (SELECT count(*) FROM cohort_member m WHERE m.cohort_id = c.id "
		"AND m.person_id = :p) FROM cohort c WHERE c.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", given);
	db_bind_int(st, ":p", person);
	int rc = db_step(st, e);
	int64_t open = 0, member = 0;
	if (rc == 1) {
		open = db_col_int(st, 0);
		member = db_col_int(st, 1);
	}
	db_done(st);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "cohort_id", "cohort_id: no cohort with id %lld",
			       (long long)given);
	if (!open)
		return err_set(e, ERR_CONFLICT, "cohort_id",
			       "cohort_id: cohort %lld is closed: it takes no more answers",
			       (long long)given);
	if (!member)
		return err_set(e, ERR_CONFLICT, "cohort_id",
			       "cohort_id: person %lld has not joined cohort %lld (tandem workshop "
			       "join CODE --person %lld)", (long long)person, (long long)given,
			       (long long)person);
	*cohort = given;
	return 0;
}

/* assess_take on a given day (the demo backdates). */
static int take_on(struct db *db, int64_t person, int64_t cohort_id,
		   const int answers[ASSESS_ITEMS], const char *day, int64_t *id, struct err *e)
{
	for (int i = 0; i < ASSESS_ITEMS; i++)
		if (answers[i] < 1 || answers[i] > 5)
			return err_set(e, ERR_BAD_INPUT, "answers",
				       "answers: item %d takes 1 to 5 (got %d)", i + 1, answers[i]);
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	int64_t unit = 0, cohort = 0;
	struct stmt *st = db_prepare(db, "SELECT unit_id FROM person WHERE id = :id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", person);
	int got = db_one_int(st, &unit, e);
	if (got < 0)
		goto out;
	if (got == 0) {
		err_set(e, ERR_NOT_FOUND, "person_id", "person_id: no person with id %lld",
			(long long)person);
		goto out;
	}
	if (take_cohort(db, person, cohort_id, &cohort, e))
		goto out;
	st = db_prepare(db, "INSERT INTO assessment (person_id, unit_id, cohort_id, day, "
			"created_at) VALUES (:p, :unit, :cohort, :day, :at) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":p", person);
	db_bind_int(st, ":unit", unit);
	db_bind_id(st, ":cohort", cohort);
	db_bind_text(st, ":day", day);
	db_bind_int(st, ":at", (int64_t)time(NULL));
	if (db_one_int(st, id, e) != 1)
		goto out;
	for (int i = 0; i < ASSESS_ITEMS; i++) {
		st = db_prepare(db, "INSERT INTO assessment_answer (assessment_id, item, value) "
				"VALUES (:a, :item, :value)", e);
		if (!st)
			goto out;
		db_bind_int(st, ":a", *id);
		db_bind_int(st, ":item", i + 1);
		db_bind_int(st, ":value", answers[i]);
		int r = db_step(st, e);
		db_done(st);
		if (r < 0)
			goto out;
	}
	rc = 0;
out:
	return db_end(db, rc, e);
}

int assess_take(struct db *db, int64_t person_id, int64_t cohort_id,
		const int answers[ASSESS_ITEMS], int64_t *id, struct err *e)
{
	char today[11];
	date_format(date_today(), today);
	return take_on(db, person_id, cohort_id, answers, today, id, e);
}

/* Process means and scores from the item means. */
static void profile_finish(struct assess_profile *p)
{
	for (int k = 0; k < BP_N; k++) {
		double s = 0;
		for (int i = 0; i < ASSESS_PER; i++)
			s += p->item[k * ASSESS_PER + i];
		p->process[k] = s / ASSESS_PER;
		p->score[k] = (p->process[k] - 1) / 4 * 100;
	}
}

int assess_person(struct db *db, int64_t person_id, struct assess_profile *out,
		  struct err *e)
{
	memset(out, 0, sizeof *out);
	struct stmt *st = db_prepare(db, "SELECT id, day, cohort_id FROM assessment "
				     "WHERE person_id = :p ORDER BY id DESC LIMIT 1", e);
	if (!st)
		return -1;
	db_bind_int(st, ":p", person_id);
	int rc = db_step(st, e);
	if (rc == 1) {
		out->assessment_id = db_col_int(st, 0);
		snprintf(out->day, sizeof out->day, "%s", db_col_text(st, 1) ? db_col_text(st, 1) : "");
		out->cohort_id = db_col_int(st, 2);
	}
	db_done(st);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "person_id",
			       "person %lld has not taken the self-assessment", (long long)person_id);
	st = db_prepare(db, "SELECT item, value FROM assessment_answer WHERE assessment_id = :a",
			e);
	if (!st)
		return -1;
	db_bind_int(st, ":a", out->assessment_id);
	while ((rc = db_step(st, e)) == 1) {
		int64_t item = db_col_int(st, 0);
		if (item >= 1 && item <= ASSESS_ITEMS)
			out->item[item - 1] = (double)db_col_int(st, 1);
	}
	db_done(st);
	if (rc < 0)
		return -1;
	out->respondents = 1;
	out->counted = 1;
	out->shown = 1;
	profile_finish(out);
	return 0;
}

/* The latest assessment of each person, overall (for units) */
#define LATEST "SELECT max(id) FROM assessment GROUP BY person_id"
/* ... and within one cohort */
#define LATEST_IN_COHORT "SELECT max(id) FROM assessment WHERE cohort_id = :cohort GROUP BY person_id"

/* Fills a group's item means, respondents and latest day from the
 * latest assessments that where_sql selects (after the WITH clause
 * prefix, "" for none; binds `bind`). The means count the first
 * respondents, in the order they answered, in whole groups of
 * min_group: one more answer changes nothing until a whole group more
 * has answered, so that comparing the page before and after shows no
 * one's answers. The SQL is made of these fixed pieces only. */
static int group_items(struct db *db, const char *prefix, const char *where_sql,
		       const char *bind, int64_t id, struct assess_profile *out, struct err *e)
{
	char sql[1024];
	snprintf(sql, sizeof sql, "%sSELECT count(*), max(s.day) FROM assessment s WHERE %s",
		 prefix, where_sql);
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	db_bind_int(st, bind, id);
	int rc = db_step(st, e);
	if (rc == 1) {
		out->respondents = db_col_int(st, 0);
		const char *d = db_col_text(st, 1);
		snprintf(out->day, sizeof out->day, "%s", d ? d : "");
	}
	db_done(st);
	if (rc < 0)
		return -1;
	out->shown = out->respondents >= out->min_group && out->respondents > 0;
	if (!out->shown)
		return 0;
	/* the last assessment of the whole groups */
	int64_t k = out->min_group > 0 ? out->min_group : 1;
	out->counted = out->respondents / k * k;
	snprintf(sql, sizeof sql, "%sSELECT s.id FROM assessment s WHERE %s ORDER BY s.id "
		 "LIMIT 1 OFFSET :off", prefix, where_sql);
	st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	db_bind_int(st, bind, id);
	db_bind_int(st, ":off", out->counted - 1);
	int64_t cut = 0;
	rc = db_one_int(st, &cut, e);
	if (rc < 0)
		return -1;
	snprintf(sql, sizeof sql, "%sSELECT a.item, sum(a.value), count(*) FROM assessment s "
		 "JOIN assessment_answer a ON a.assessment_id = s.id WHERE %s AND s.id <= :cut "
		 "GROUP BY a.item", prefix, where_sql);
	st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	db_bind_int(st, bind, id);
	db_bind_int(st, ":cut", cut);
	while ((rc = db_step(st, e)) == 1) {
		int64_t item = db_col_int(st, 0), sum = db_col_int(st, 1), n = db_col_int(st, 2);
		if (item >= 1 && item <= ASSESS_ITEMS && n > 0)
			out->item[item - 1] = (double)sum / (double)n;
	}
	db_done(st);
	if (rc < 0)
		return -1;
	profile_finish(out);
	return 0;
}

struct unit_count {
	int64_t id, parent, direct, total;
	const char *name;
};

static void unit_count_row(struct stmt *st, struct arena *a, void *item)
{
	struct unit_count *u = item;
	u->id = db_col_int(st, 0);
	u->parent = db_col_int(st, 1);
	u->direct = db_col_int(st, 2);
	u->name = arena_strdup(a, db_col_text(st, 3));
}

static struct unit_count *unit_find(struct unit_count *v, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (v[mid].id == id)
			return &v[mid];
		if (v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Whether unit u lies under (or is) unit top. */
static int under(struct unit_count *v, size_t n, const struct unit_count *u, int64_t top)
{
	for (size_t hops = 0; u && hops <= n; hops++) {
		if (u->id == top)
			return 1;
		u = u->parent ? unit_find(v, n, u->parent) : NULL;
	}
	return 0;
}

/* Hides unit_id's aggregate when a smaller group shown inside it would,
 * subtracted from it, reveal fewer than min people's answers (Engineering
 * shown beside Product with two more people would show those two). */
static int subtraction_check(struct db *db, int64_t unit_id, struct assess_profile *out,
			     struct err *e)
{
	struct arena a = ARENA_INIT;
	struct unit_count *v = NULL;
	size_t n = 0;
	int rc = -1;
	struct stmt *st = db_prepare(db,
		"SELECT u.id, coalesce(u.parent_id, 0), "
		"(SELECT count(*) FROM assessment s WHERE s.unit_id = u.id AND s.id IN (" LATEST
		")), u.name FROM unit u ORDER BY u.id", e);
	if (!st || db_collect(st, &a, sizeof *v, unit_count_row, (void **)&v, &n, e))
		goto out;
	for (size_t i = 0; i < n; i++) {
		struct unit_count *u = &v[i];
		for (size_t hops = 0; u && hops <= n; hops++) {
			u->total += v[i].direct;
			u = u->parent ? unit_find(v, n, u->parent) : NULL;
		}
	}
	struct unit_count *top = unit_find(v, n, unit_id);
	rc = 0;
	if (!top)
		goto out;
	for (size_t i = 0; i < n; i++) {
		int64_t rest = top->total - v[i].total;
		if (v[i].id == unit_id || v[i].total < out->min_group || rest <= 0 ||
		    rest >= out->min_group || !under(v, n, &v[i], unit_id))
			continue;
		out->shown = 0;
		snprintf(out->hidden, sizeof out->hidden,
			 "%lld answered, but %s (with %lld) is shown on its own, and the "
			 "difference would show the answers of %lld (a group is shown from %lld)",
			 (long long)out->respondents, v[i].name, (long long)v[i].total,
			 (long long)rest, (long long)out->min_group);
		break;
	}
out:
	arena_free(&a);
	return rc;
}

int assess_unit(struct db *db, int64_t unit_id, struct assess_profile *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	struct stmt *st = db_prepare(db, "SELECT name FROM unit WHERE id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", unit_id);
	int rc = db_step(st, e);
	if (rc == 1)
		snprintf(out->group, sizeof out->group, "%s", db_col_text(st, 0));
	db_done(st);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "unit_id", "unit_id: no unit with id %lld",
			       (long long)unit_id);
	if (assess_min_group(db, &out->min_group, e))
		return -1;
	if (group_items(db, UNIT_SUBTREE_CTE,
		"s.id IN (" LATEST ") AND s.unit_id IN (SELECT id FROM subtree)", ":unit",
		unit_id, out, e))
		return -1;
	if (!out->shown) {
		snprintf(out->hidden, sizeof out->hidden, "%lld answered, and a group is shown "
			 "from %lld", (long long)out->respondents, (long long)out->min_group);
		memset(out->item, 0, sizeof out->item);
		return 0;
	}
	if (subtraction_check(db, unit_id, out, e))
		return -1;
	if (!out->shown) {
		memset(out->item, 0, sizeof out->item);
		memset(out->process, 0, sizeof out->process);
		memset(out->score, 0, sizeof out->score);
	}
	return 0;
}

int assess_cohort(struct db *db, int64_t cohort_id, struct assess_profile *out,
		  struct err *e)
{
	memset(out, 0, sizeof *out);
	struct stmt *st = db_prepare(db, "SELECT name, min_group FROM cohort WHERE id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", cohort_id);
	int rc = db_step(st, e);
	if (rc == 1) {
		snprintf(out->group, sizeof out->group, "cohort %s", db_col_text(st, 0));
		out->min_group = db_col_int(st, 1);
	}
	db_done(st);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no cohort with id %lld",
			       (long long)cohort_id);
	if (out->min_group < ASSESS_MIN_FLOOR)
		out->min_group = ASSESS_MIN_FLOOR;
	if (group_items(db, "", "s.id IN (" LATEST_IN_COHORT ")", ":cohort", cohort_id, out, e))
		return -1;
	if (!out->shown)
		snprintf(out->hidden, sizeof out->hidden, "%lld answered, and a group is shown "
			 "from %lld", (long long)out->respondents, (long long)out->min_group);
	return 0;
}

int assess_refuse_small(const struct assess_profile *p, const char *what, struct err *e)
{
	if (p->shown)
		return 0;
	return err_set(e, ERR_FORBIDDEN, "id",
		       "%s's self-assessments are not shown, to keep answers anonymous: %s",
		       what && *what ? what : p->group, p->hidden);
}

/* --- perception beside evidence ------------------------------------- */

/* How people feel about a process when they rate it high ("aligned"),
 * and the data's word when it is better than they think. */
static const char *const feel[BP_N] = {
	"well planned", "well staffed", "in control", "clear on the direction", "aligned",
	"motivated",
};
static const char *const better[BP_N] = {
	"better planned", "better staffed", "more in control", "clearer on the direction",
	"better aligned", "more motivated",
};

static int gap_cmp(const void *x, const void *y)
{
	const struct assess_gap *a = x, *b = y;
	double da = fabs(a->gap), db = fabs(b->gap);
	if (da != db)
		return da < db ? 1 : -1;
	return (a->process > b->process) - (a->process < b->process);
}

/* An indicator counts as evidence unless balance skipped it (one with
 * no value but not skipped, as no target at all, scores 0: the data
 * says the process is absent). */

/* The indicator that explains the gap: the process's lowest-scored one
 * when people rate it higher than the data, else its highest. */
static const char *gap_why(const struct bal_unit *u, int process, int higher)
{
	const struct bal_indicator *best = NULL;
	for (size_t i = 0; i < u->nind; i++) {
		const struct bal_indicator *x = &u->ind[i];
		if (x->process != process || x->skipped)
			continue;
		if (!best || (higher ? x->score < best->score : x->score > best->score))
			best = x;
	}
	return best && best->why ? best->why : NULL;
}

static int has_evidence(const struct bal_unit *u, int process)
{
	for (size_t i = 0; i < u->nind; i++)
		if (u->ind[i].process == process && !u->ind[i].skipped)
			return 1;
	return 0;
}

int assess_compare(struct db *db, struct arena *a, int64_t unit_id, struct assess_compare *out,
		   struct err *e)
{
	memset(out, 0, sizeof *out);
	out->unit_id = unit_id;
	if (assess_unit(db, unit_id, &out->perception, e))
		return -1;
	out->unit_name = arena_strdup(a, out->perception.group);
	if (assess_refuse_small(&out->perception, out->unit_name, e))
		return -1;
	out->evidence = arena_alloc(a, sizeof *out->evidence);
	if (balance_unit(db, a, unit_id, NULL, out->evidence, e))
		return -1;
	const struct assess_profile *p = &out->perception;
	for (int k = 0; k < BP_N; k++) {
		struct assess_gap *g = &out->gaps[k];
		g->process = k;
		g->perceived = p->score[k];
		g->evidence = out->evidence->process[k];
		const char *name = bal_process_keys[k];
		if (!has_evidence(out->evidence, k)) {
			g->evidence = 0;
			g->gap = 0;
			g->words = arena_printf(a, "people rate %s %.0f; the data has nothing to say "
						"about it yet", name, g->perceived);
			continue;
		}
		g->gap = g->perceived - g->evidence;
		int higher = g->gap > 0;
		g->why = gap_why(out->evidence, k, higher);
		const char *verdict;
		if (fabs(g->gap) < 10)
			verdict = "perception and data agree";
		else if (higher)
			verdict = arena_printf(a, "they believe they are %s", feel[k]);
		else
			verdict = arena_printf(a, "the data shows them %s than they believe",
					       better[k]);
		g->words = arena_printf(a, "people rate %s %.0f, the data says %.0f: %s%s%s", name,
					g->perceived, g->evidence, verdict, g->why ? "; " : "",
					g->why ? g->why : "");
	}
	double m = 0, l = 0;
	for (int k = 0; k < BP_N; k++)
		*(BAL_IS_MANAGEMENT(k) ? &m : &l) += p->score[k] / 3;
	out->perceived_m = m;
	out->perceived_l = l;
	out->data_m = out->evidence->management;
	out->data_l = out->evidence->leadership;
	out->quadrant = out->evidence->quadrant;
	qsort(out->gaps, BP_N, sizeof out->gaps[0], gap_cmp);
	return 0;
}

/* --- JSON ------------------------------------------------------------- */

static void set_x100(json_t *o, const char *key, double v)
{
	json_set_decimal(o, key, (int64_t)llround(v * 100));
}

json_t *assess_items_json(void)
{
	json_t *items = json_array();
	for (int i = 0; i < ASSESS_ITEMS; i++) {
		json_t *o = json_object();
		json_set_int(o, "item", assess_items[i].n);
		json_set_str(o, "process", bal_process_keys[assess_items[i].process]);
		json_set_str(o, "process_name", bal_process_names[assess_items[i].process]);
		json_set_str(o, "text", assess_items[i].text);
		json_array_append_new(items, o);
	}
	return items;
}

json_t *assess_profile_json(const struct assess_profile *p, int with_items)
{
	json_t *o = json_object();
	json_set_int(o, "respondents", p->respondents);
	json_set_int(o, "counted", p->counted);
	if (p->min_group)
		json_set_int(o, "min_group", p->min_group);
	json_object_set_new(o, "shown", json_boolean(p->shown));
	json_set_str(o, "day", p->day[0] ? p->day : NULL);
	if (p->assessment_id)
		json_set_id(o, "cohort_id", p->cohort_id);
	if (!p->shown) {
		json_set_str(o, "reason", p->hidden);
		return o;
	}
	json_t *procs = json_array();
	for (int k = 0; k < BP_N; k++) {
		json_t *x = json_object();
		json_set_str(x, "process", bal_process_keys[k]);
		json_set_str(x, "name", bal_process_names[k]);
		set_x100(x, "mean", p->process[k]);
		set_x100(x, "score", p->score[k]);
		json_array_append_new(procs, x);
	}
	json_object_set_new(o, "processes", procs);
	if (with_items) {
		json_t *items = json_array();
		for (int i = 0; i < ASSESS_ITEMS; i++) {
			json_t *x = json_object();
			json_set_int(x, "item", i + 1);
			set_x100(x, p->assessment_id ? "answer" : "mean", p->item[i]);
			json_array_append_new(items, x);
		}
		json_object_set_new(o, "items", items);
	}
	return o;
}

json_t *assess_compare_json(const struct assess_compare *c)
{
	json_t *o = json_object();
	json_set_int(o, "unit_id", c->unit_id);
	json_set_str(o, "unit", c->unit_name);
	json_set_int(o, "respondents", c->perception.respondents);
	set_x100(o, "perceived_management", c->perceived_m);
	set_x100(o, "perceived_leadership", c->perceived_l);
	set_x100(o, "management", c->evidence->management);
	set_x100(o, "leadership", c->evidence->leadership);
	json_set_str(o, "quadrant", c->evidence->quadrant);
	json_t *gaps = json_array();
	for (int k = 0; k < BP_N; k++) {
		const struct assess_gap *g = &c->gaps[k];
		json_t *x = json_object();
		json_set_str(x, "process", bal_process_keys[g->process]);
		json_set_str(x, "name", bal_process_names[g->process]);
		set_x100(x, "perceived", g->perceived);
		set_x100(x, "evidence", g->evidence);
		set_x100(x, "gap", g->gap);
		json_set_str(x, "why", g->why);
		json_set_str(x, "words", g->words);
		json_array_append_new(gaps, x);
	}
	json_object_set_new(o, "processes", gaps);
	return o;
}
