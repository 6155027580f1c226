/* staffing: who holds which position, how well they match it, the
 * candidates for a position, each manager's span of control, and the
 * demo's skills and positions; see staffing.h. */
#include "manage/staffing.h"

#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/json.h"
#include "org/person.h"
#include "org/unit.h"

const struct field staff_fields[] = {
	{.name = "position_id", .type = FT_ID, .offset = offsetof(struct staff_input, position_id),
	 .bit = STF_POSITION, .required = 1, .help = "the position"},
	{.name = "person_id", .type = FT_ID, .offset = offsetof(struct staff_input, person_id),
	 .bit = STF_PERSON, .required = 1, .help = "the person who takes it"},
	{.name = "since", .type = FT_DATE, .offset = offsetof(struct staff_input, since),
	 .bit = STF_SINCE, .help = "since when (default today)"},
	{0},
};

const struct field staff_filter_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct staff_filter, unit_id),
	 .bit = SFF_UNIT, .help = "positions of this unit and its sub-units"},
	{.name = "person_id", .type = FT_ID, .offset = offsetof(struct staff_filter, person_id),
	 .bit = SFF_PERSON, .help = "only this person's positions"},
	{.name = "position_id", .type = FT_ID,
	 .offset = offsetof(struct staff_filter, position_id), .bit = SFF_POSITION,
	 .help = "only this position's holders"},
	{.name = "limit", .type = FT_INT, .offset = offsetof(struct staff_filter, limit),
	 .bit = SFF_LIMIT, .min = 0, .max = 1000000000, .help = "at most this many"},
	{.name = "offset", .type = FT_INT, .offset = offsetof(struct staff_filter, offset),
	 .bit = SFF_OFFSET, .min = 0, .max = INT64_MAX, .help = "skip this many"},
	{0},
};

const struct field span_filter_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct span_filter, unit_id),
	 .bit = SPF_UNIT, .help = "managers of this unit and its sub-units"},
	{0},
};

/* --- the match score --------------------------------------------------- */

int64_t match_score(const int64_t *required, const int64_t *have, size_t k)
{
	if (!k)
		return 100;
	/* sum of min(have, L) / L over a common denominator: 60 is the least
	 * common multiple of the levels 1-5, so the sum stays exact */
	int64_t num = 0;
	for (size_t j = 0; j < k; j++) {
		int64_t l = required[j] < 1 ? 1 : required[j];
		int64_t h = have[j] < 0 ? 0 : have[j] > l ? l : have[j];
		num += h * (60 / l);
	}
	/* round(100 x num / (60 k)), halves up */
	return (100 * num + 30 * (int64_t)k) / (60 * (int64_t)k);
}

int staff_score(struct db *db, int64_t position_id, int64_t person_id, int64_t *score,
		struct err *e)
{
	if (position_must_exist(db, position_id, "position_id", e) ||
	    person_must_exist(db, person_id, "person_id", e))
		return -1;
	struct stmt *st = db_prepare(db,
		"SELECT k.level, coalesce(h.level, 0) FROM position_skill k "
		"LEFT JOIN person_skill h ON h.skill_id = k.skill_id AND h.person_id = :person "
		"WHERE k.position_id = :pos", e);
	if (!st)
		return -1;
	db_bind_int(st, ":person", person_id);
	db_bind_int(st, ":pos", position_id);
	int64_t req[64], have[64];
	size_t k = 0;
	int64_t num = 0, den = 0;	/* past 64 skills, the same sum in place */
	int rc;
	while ((rc = db_step(st, e)) == 1) {
		int64_t l = db_col_int(st, 0), h = db_col_int(st, 1);
		if (k < 64) {
			req[k] = l;
			have[k] = h;
		}
		num += (h > l ? l : h) * (60 / (l < 1 ? 1 : l));
		den++;
		k++;
	}
	db_done(st);
	if (rc < 0)
		return -1;
	*score = k <= 64 ? match_score(req, have, k) : (100 * num + 30 * den) / (60 * den);
	return 0;
}

/* --- staffing ----------------------------------------------------------- */

int staff_add(struct db *db, const struct staff_input *in, unsigned set, int64_t *id,
	      struct err *e)
{
	if (fields_require(staff_fields, set, e))
		return -1;
	char today[11];
	date_format(date_today(), today);
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (position_must_exist(db, in->position_id, "position_id", e) ||
	    person_must_exist(db, in->person_id, "person_id", e))
		goto out;
	struct stmt *st = db_prepare(db, "SELECT id FROM staffing WHERE position_id = :pos "
					 "AND person_id = :person", e);
	if (!st)
		goto out;
	db_bind_int(st, ":pos", in->position_id);
	db_bind_int(st, ":person", in->person_id);
	int64_t dup = 0;
	int r = db_one_int(st, &dup, e);
	if (r < 0)
		goto out;
	if (r == 1) {
		err_set(e, ERR_CONFLICT, "person_id",
			"person_id: person %lld already holds position %lld (staffing %lld)",
			(long long)in->person_id, (long long)in->position_id, (long long)dup);
		goto out;
	}
	st = db_prepare(db, "SELECT p.headcount, (SELECT count(*) FROM staffing s "
			    "WHERE s.position_id = p.id) FROM position p WHERE p.id = :pos", e);
	if (!st)
		goto out;
	db_bind_int(st, ":pos", in->position_id);
	r = db_step(st, e);
	int64_t headcount = r == 1 ? db_col_int(st, 0) : 0, held = r == 1 ? db_col_int(st, 1) : 0;
	db_done(st);
	if (r < 0)
		goto out;
	if (held >= headcount) {
		err_set(e, ERR_CONFLICT, "position_id",
			"position %lld has headcount %lld and %lld %s: raise its headcount or "
			"remove someone first", (long long)in->position_id, (long long)headcount,
			(long long)held, held == 1 ? "person" : "people");
		goto out;
	}
	st = db_prepare(db, "INSERT INTO staffing (position_id, person_id, since) "
			    "VALUES (:pos, :person, :since) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":pos", in->position_id);
	db_bind_int(st, ":person", in->person_id);
	db_bind_text(st, ":since", (set & STF_SINCE) && in->since ? in->since : today);
	if (db_one_int(st, id, e) == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

#define STAFF_SELECT                                                                 \
	"SELECT s.id, s.position_id, p.title, p.unit_id, u.name, s.person_id, x.name, " \
	"s.since FROM staffing s JOIN position p ON p.id = s.position_id "             \
	"JOIN unit u ON u.id = p.unit_id JOIN person x ON x.id = s.person_id "

static void staff_row(struct stmt *st, struct arena *a, void *item)
{
	struct staff *s = item;
	s->id = db_col_int(st, 0);
	s->position_id = db_col_int(st, 1);
	s->title = arena_strdup(a, db_col_text(st, 2));
	s->unit_id = db_col_int(st, 3);
	s->unit_name = arena_strdup(a, db_col_text(st, 4));
	s->person_id = db_col_int(st, 5);
	s->person = arena_strdup(a, db_col_text(st, 6));
	s->since = arena_strdup(a, db_col_text(st, 7));
}

int staff_get(struct db *db, struct arena *a, int64_t id, struct staff *s, struct err *e)
{
	struct stmt *st = db_prepare(db, STAFF_SELECT "WHERE s.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		staff_row(st, a, s);
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no staffing with id %lld", (long long)id);
	if (rc < 0)
		return -1;
	return staff_score(db, s->position_id, s->person_id, &s->score, e);
}

int staff_list(struct db *db, struct arena *a, const struct staff_filter *f, unsigned fset,
	       struct staff **out, size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE STAFF_SELECT
		"WHERE (:all_units = 1 OR p.unit_id IN (SELECT id FROM subtree)) "
		"AND (:all_people = 1 OR s.person_id = :person) "
		"AND (:all_positions = 1 OR s.position_id = :pos) "
		"ORDER BY u.name, u.id, p.title, p.id, x.name, s.id "
		"LIMIT :limit OFFSET :offset", e);
	if (!st)
		return -1;
	db_bind_int(st, ":all_units", !(fset & SFF_UNIT));
	db_bind_int(st, ":unit", (fset & SFF_UNIT) ? f->unit_id : 0);
	db_bind_int(st, ":all_people", !(fset & SFF_PERSON));
	db_bind_int(st, ":person", (fset & SFF_PERSON) ? f->person_id : 0);
	db_bind_int(st, ":all_positions", !(fset & SFF_POSITION));
	db_bind_int(st, ":pos", (fset & SFF_POSITION) ? f->position_id : 0);
	db_bind_int(st, ":limit", (fset & SFF_LIMIT) ? f->limit : DB_NO_LIMIT);
	db_bind_int(st, ":offset", (fset & SFF_OFFSET) ? f->offset : 0);
	if (db_collect(st, a, sizeof **out, staff_row, (void **)out, n, e))
		return -1;
	for (size_t i = 0; i < *n; i++)
		if (staff_score(db, (*out)[i].position_id, (*out)[i].person_id, &(*out)[i].score, e))
			return -1;
	return 0;
}

int staff_rm(struct db *db, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = db_run_id(db, "DELETE FROM staffing WHERE id = :id RETURNING id", id, e);
	if (rc == 0)
		err_set(e, ERR_NOT_FOUND, "id", "no staffing with id %lld", (long long)id);
	return db_end(db, rc == 1 ? 0 : -1, e);
}

int staff_rm_of(struct db *db, int64_t position_id, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	struct stmt *st = db_prepare(db, "DELETE FROM staffing WHERE id = :id AND "
					 "position_id = :pos RETURNING id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", id);
	db_bind_int(st, ":pos", position_id);
	int64_t gone = 0;
	int r = db_one_int(st, &gone, e);
	if (r == 0)
		err_set(e, ERR_NOT_FOUND, "id", "no staffing with id %lld in position %lld",
			(long long)id, (long long)position_id);
	else if (r == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

json_t *staff_json(const struct staff *s)
{
	json_t *o = json_object();
	json_set_int(o, "id", s->id);
	json_set_int(o, "position_id", s->position_id);
	json_set_str(o, "position", s->title);
	json_set_int(o, "unit_id", s->unit_id);
	json_set_str(o, "unit", s->unit_name);
	json_set_int(o, "person_id", s->person_id);
	json_set_str(o, "person", s->person);
	json_set_str(o, "since", s->since);
	json_set_int(o, "score", s->score);
	return o;
}

/* --- candidates ------------------------------------------------------------ */

static int cmp_cand_id(const void *a, const void *b)
{
	const struct candidate *x = a, *y = b;
	return (x->person_id > y->person_id) - (x->person_id < y->person_id);
}

static int cmp_cand_rank(const void *a, const void *b)
{
	const struct candidate *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	int c = strcmp(x->name ? x->name : "", y->name ? y->name : "");
	return c ? c : cmp_cand_id(a, b);
}

struct have_row {
	int64_t person_id, required, have;
};

static void have_row(struct stmt *st, struct arena *a, void *item)
{
	(void)a;
	struct have_row *h = item;
	h->person_id = db_col_int(st, 0);
	h->required = db_col_int(st, 1);
	h->have = db_col_int(st, 2);
}

int staff_match(struct db *db, struct arena *a, int64_t position_id, int64_t unit_id,
		struct candidate **out, size_t *n, struct err *e)
{
	struct position pos;
	if (position_get(db, a, position_id, &pos, e))
		return -1;
	if (unit_id && unit_must_exist(db, unit_id, "unit_id", e))
		return -1;
	struct person_filter pf = {.unit_id = unit_id ? unit_id : pos.unit_id};
	struct person *people;
	size_t np;
	if (person_list(db, a, &pf, PF_UNIT, &people, &np, e))
		return -1;
	struct candidate *c = arena_alloc(a, (np ? np : 1) * sizeof *c);
	if (!c)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	for (size_t i = 0; i < np; i++)
		c[i] = (struct candidate){.person_id = people[i].id, .name = people[i].name,
					  .title = people[i].title, .unit_id = people[i].unit_id};
	qsort(c, np, sizeof *c, cmp_cand_id);
	/* the levels the people of the subtree have in the required skills */
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE
		"SELECT h.person_id, k.level, h.level FROM position_skill k "
		"JOIN person_skill h ON h.skill_id = k.skill_id "
		"JOIN person x ON x.id = h.person_id "
		"WHERE k.position_id = :pos AND x.unit_id IN (SELECT id FROM subtree)", e);
	if (!st)
		return -1;
	db_bind_int(st, ":unit", pf.unit_id);
	db_bind_int(st, ":pos", position_id);
	struct have_row *rows;
	size_t nrows;
	if (db_collect(st, a, sizeof *rows, have_row, (void **)&rows, &nrows, e))
		return -1;
	int64_t k = (int64_t)pos.nskills;
	int64_t *num = arena_alloc(a, (np ? np : 1) * sizeof *num);
	int64_t *met = arena_alloc(a, (np ? np : 1) * sizeof *met);
	if (!num || !met)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	for (size_t i = 0; i < nrows; i++) {
		struct candidate key = {.person_id = rows[i].person_id};
		struct candidate *hit = bsearch(&key, c, np, sizeof *c, cmp_cand_id);
		if (!hit)
			continue;
		size_t j = (size_t)(hit - c);
		int64_t l = rows[i].required < 1 ? 1 : rows[i].required;
		int64_t h = rows[i].have > l ? l : rows[i].have;
		num[j] += h * (60 / l);
		met[j] += rows[i].have >= l;
	}
	for (size_t j = 0; j < np; j++) {
		c[j].score = k ? (100 * num[j] + 30 * k) / (60 * k) : 100;
		c[j].missing = k - met[j];
	}
	/* who holds it already */
	st = db_prepare(db, "SELECT person_id FROM staffing WHERE position_id = :pos", e);
	if (!st)
		return -1;
	db_bind_int(st, ":pos", position_id);
	int rc;
	while ((rc = db_step(st, e)) == 1) {
		struct candidate key = {.person_id = db_col_int(st, 0)};
		struct candidate *hit = bsearch(&key, c, np, sizeof *c, cmp_cand_id);
		if (hit)
			hit->holds = 1;
	}
	db_done(st);
	if (rc < 0)
		return -1;
	qsort(c, np, sizeof *c, cmp_cand_rank);
	*out = c;
	*n = np;
	return 0;
}

json_t *candidate_json(const struct candidate *c)
{
	json_t *o = json_object();
	json_set_int(o, "person_id", c->person_id);
	json_set_str(o, "name", c->name);
	json_set_str(o, "title", c->title);
	json_set_int(o, "unit_id", c->unit_id);
	json_set_int(o, "score", c->score);
	json_set_int(o, "missing", c->missing);
	json_object_set_new(o, "holds", json_boolean(c->holds));
	return o;
}

/* --- span of control ----------------------------------------------------------- */

static void span_row(struct stmt *st, struct arena *a, void *item)
{
	struct span *s = item;
	s->manager_id = db_col_int(st, 0);
	s->name = arena_strdup(a, db_col_text(st, 1));
	s->unit_id = db_col_int(st, 2);
	s->unit_name = arena_strdup(a, db_col_text(st, 3));
	s->reports = db_col_int(st, 4);
	s->flag = s->reports < SPAN_NARROW ? "narrow" : s->reports > SPAN_WIDE ? "wide" : "";
}

int span_list(struct db *db, struct arena *a, const struct span_filter *f, unsigned fset,
	      struct span **out, size_t *n, struct err *e)
{
	if ((fset & SPF_UNIT) && unit_must_exist(db, f->unit_id, "unit_id", e))
		return -1;
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE
		"SELECT m.id, m.name, m.unit_id, u.name, count(r.id) FROM person m "
		"JOIN person r ON r.manager_id = m.id JOIN unit u ON u.id = m.unit_id "
		"WHERE (:all_units = 1 OR m.unit_id IN (SELECT id FROM subtree)) "
		"GROUP BY m.id, m.name, m.unit_id, u.name "
		"ORDER BY count(r.id) DESC, m.name, m.id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":all_units", !(fset & SPF_UNIT));
	db_bind_int(st, ":unit", (fset & SPF_UNIT) ? f->unit_id : 0);
	return db_collect(st, a, sizeof **out, span_row, (void **)out, n, e);
}

json_t *span_json(const struct span *s)
{
	json_t *o = json_object();
	json_set_int(o, "manager_id", s->manager_id);
	json_set_str(o, "name", s->name);
	json_set_int(o, "unit_id", s->unit_id);
	json_set_str(o, "unit", s->unit_name);
	json_set_int(o, "reports", s->reports);
	json_set_str(o, "flag", s->flag);
	return o;
}

/* --- the demo ------------------------------------------------------------------ */

static const char *const demo_skills[][2] = {
	{"Leadership", "Leading a team: direction, feedback, decisions"},
	{"Budgeting", "Planning and controlling a budget"},
	{"Negotiation", "Reaching agreements with customers and suppliers"},
	{"Process improvement", "Lean methods, measuring and redesigning work"},
	{"Data analysis", "Spreadsheets, SQL and dashboards"},
	{"Supply chain", "Planning stock, transport and suppliers"},
	{"Warehouse operations", "Picking, packing, stock counts, forklifts"},
	{"Product discovery", "Finding what customers need and will pay for"},
	{"User research", "Interviews, usability tests, surveys"},
	{"Software engineering", "Designing, building and maintaining software"},
	{"Testing", "Test design, automation and exploratory testing"},
	{"Customer relations", "Account care, support and presentations"},
};
enum {
	SK_LEAD, SK_BUDGET, SK_NEGOT, SK_PROCESS, SK_DATA, SK_SUPPLY, SK_WAREHOUSE, SK_DISCOVERY,
	SK_RESEARCH, SK_SOFTWARE, SK_TESTING, SK_CUSTOMER, NSKILLS
};

/* The positions of each demo unit (by its name), with the skills they
 * require (-1 ends a list) and the skills its people practise. */
struct demo_position {
	const char *title;
	int headcount;
	int skills[3][2];	/* skill, level */
};
static const struct {
	const char *unit;
	int core[3];
	struct demo_position pos[3];
} demo_units[] = {
	{"Northwind Ltd", {SK_LEAD, SK_BUDGET, SK_CUSTOMER},
	 {{"Chief Executive", 1, {{SK_LEAD, 5}, {SK_BUDGET, 4}, {-1, 0}}},
	  {"Executive Assistant", 1, {{SK_CUSTOMER, 3}, {SK_DATA, 2}, {-1, 0}}},
	  {NULL, 0, {{-1, 0}}}}},
	{"Operations", {SK_PROCESS, SK_DATA, SK_BUDGET},
	 {{"Head of Operations", 1, {{SK_LEAD, 4}, {SK_PROCESS, 4}, {-1, 0}}},
	  {"Operations Analyst", 3, {{SK_DATA, 3}, {SK_PROCESS, 3}, {-1, 0}}},
	  {NULL, 0, {{-1, 0}}}}},
	{"Product", {SK_DISCOVERY, SK_RESEARCH, SK_DATA},
	 {{"Head of Product", 1, {{SK_LEAD, 4}, {SK_DISCOVERY, 4}, {-1, 0}}},
	  {"Product Manager", 3, {{SK_DISCOVERY, 3}, {SK_RESEARCH, 3}, {-1, 0}}},
	  {"UX Researcher", 1, {{SK_RESEARCH, 4}, {-1, 0}}}}},
	{"Sales", {SK_NEGOT, SK_CUSTOMER, SK_DATA},
	 {{"Head of Sales", 1, {{SK_LEAD, 4}, {SK_NEGOT, 4}, {-1, 0}}},
	  {"Account Executive", 4, {{SK_NEGOT, 3}, {SK_CUSTOMER, 3}, {-1, 0}}},
	  {NULL, 0, {{-1, 0}}}}},
	{"Logistics", {SK_SUPPLY, SK_WAREHOUSE, SK_PROCESS},
	 {{"Logistics Manager", 1, {{SK_LEAD, 3}, {SK_SUPPLY, 4}, {-1, 0}}},
	  {"Logistics Coordinator", 4, {{SK_SUPPLY, 3}, {SK_WAREHOUSE, 3}, {-1, 0}}},
	  {NULL, 0, {{-1, 0}}}}},
	{"Engineering", {SK_SOFTWARE, SK_TESTING, SK_DATA},
	 {{"Engineering Manager", 1, {{SK_LEAD, 3}, {SK_SOFTWARE, 4}, {-1, 0}}},
	  {"Software Engineer", 5, {{SK_SOFTWARE, 3}, {SK_TESTING, 2}, {-1, 0}}},
	  {"QA Engineer", 1, {{SK_TESTING, 4}, {-1, 0}}}}},
};
enum { NDEMO_UNITS = sizeof demo_units / sizeof demo_units[0] };

static int demo_exec(struct stmt *st, int64_t *id, struct err *e)
{
	if (!st)
		return -1;
	if (id)
		return db_one_int(st, id, e) == 1 ? 0 : -1;
	int rc = db_step(st, e);
	db_done(st);
	return rc < 0 ? -1 : 0;
}

struct demo_person {
	int64_t id, unit_id, reports;
	const char *title;
};

static void demo_person_row(struct stmt *st, struct arena *a, void *item)
{
	struct demo_person *p = item;
	p->id = db_col_int(st, 0);
	p->unit_id = db_col_int(st, 1);
	p->title = arena_strdup(a, db_col_text(st, 2));
	p->reports = db_col_int(st, 3);
}

static int demo_add_skill(struct db *db, int64_t person, int64_t skill, int64_t level,
			  struct err *e)
{
	struct stmt *st = db_prepare(db, "INSERT INTO person_skill (person_id, skill_id, level) "
					 "VALUES (:person, :skill, :level)", e);
	if (!st)
		return -1;
	db_bind_int(st, ":person", person);
	db_bind_int(st, ":skill", skill);
	db_bind_int(st, ":level", level);
	return demo_exec(st, NULL, e);
}

int staffing_demo(struct db *db, const char *today, struct err *e)
{
	int32_t day;
	if (date_parse(today, &day))
		return err_set(e, ERR_BAD_INPUT, "today", "today: must be YYYY-MM-DD");
	struct arena a = {0};
	int rc = -1;
	int64_t skill_ids[NSKILLS], unit_ids[NDEMO_UNITS];
	for (int i = 0; i < NSKILLS; i++) {
		struct stmt *st = db_prepare(db, "INSERT INTO skill (name, description) "
						 "VALUES (:name, :description) RETURNING id", e);
		if (!st)
			goto out;
		db_bind_text(st, ":name", demo_skills[i][0]);
		db_bind_text(st, ":description", demo_skills[i][1]);
		if (demo_exec(st, &skill_ids[i], e))
			goto out;
	}
	for (int u = 0; u < NDEMO_UNITS; u++) {
		struct stmt *st = db_prepare(db, "SELECT min(id) FROM unit WHERE name = :name", e);
		if (!st)
			goto out;
		db_bind_text(st, ":name", demo_units[u].unit);
		unit_ids[u] = 0;
		if (db_one_int(st, &unit_ids[u], e) < 0)
			goto out;
	}
	struct stmt *st = db_prepare(db, "SELECT p.id, p.unit_id, p.title, "
					 "(SELECT count(*) FROM person r WHERE r.manager_id = p.id) "
					 "FROM person p ORDER BY p.id", e);
	struct demo_person *people;
	size_t np;
	if (!st || db_collect(st, &a, sizeof *people, demo_person_row, (void **)&people, &np, e))
		goto out;
	/* skills: the unit's three core skills at 2-5, a manager's leadership
	 * at 3-5, one more skill at 1-3, all from the person's id */
	for (size_t i = 0; i < np; i++) {
		const struct demo_person *p = &people[i];
		int u = 0;
		for (int k = 0; k < NDEMO_UNITS; k++)
			if (unit_ids[k] == p->unit_id)
				u = k;
		int had[NSKILLS] = {0};
		for (int j = 0; j < 3; j++) {
			int s = demo_units[u].core[j];
			had[s] = 1;
			if (demo_add_skill(db, p->id, skill_ids[s], 2 + (p->id * 7 + j * 3) % 4, e))
				goto out;
		}
		if (p->reports && !had[SK_LEAD]) {
			had[SK_LEAD] = 1;
			if (demo_add_skill(db, p->id, skill_ids[SK_LEAD], 3 + p->id % 3, e))
				goto out;
		}
		int extra = (int)((p->id * 5) % NSKILLS);
		if (!had[extra] && demo_add_skill(db, p->id, skill_ids[extra], 1 + p->id % 3, e))
			goto out;
	}
	/* positions, filled by the unit's people of the same title (the
	 * head's position by the head), some left vacant */
	for (int u = 0; u < NDEMO_UNITS; u++) {
		if (!unit_ids[u])
			continue;
		for (int k = 0; k < 3 && demo_units[u].pos[k].title; k++) {
			const struct demo_position *dp = &demo_units[u].pos[k];
			int64_t pos;
			st = db_prepare(db, "INSERT INTO position (unit_id, title, headcount) "
					    "VALUES (:unit, :title, :headcount) RETURNING id", e);
			if (!st)
				goto out;
			db_bind_int(st, ":unit", unit_ids[u]);
			db_bind_text(st, ":title", dp->title);
			db_bind_int(st, ":headcount", dp->headcount);
			if (demo_exec(st, &pos, e))
				goto out;
			for (int j = 0; j < 3 && dp->skills[j][0] >= 0; j++) {
				st = db_prepare(db, "INSERT INTO position_skill (position_id, skill_id, "
						    "level) VALUES (:pos, :skill, :level)", e);
				if (!st)
					goto out;
				db_bind_int(st, ":pos", pos);
				db_bind_int(st, ":skill", skill_ids[dp->skills[j][0]]);
				db_bind_int(st, ":level", dp->skills[j][1]);
				if (demo_exec(st, NULL, e))
					goto out;
			}
			int filled = 0;
			for (size_t i = 0; i < np && filled < dp->headcount; i++) {
				if (people[i].unit_id != unit_ids[u] || !people[i].title ||
				    strcmp(people[i].title, dp->title) != 0)
					continue;
				char since[11];
				date_format(day - (int32_t)((people[i].id * 37) % 900), since);
				st = db_prepare(db, "INSERT INTO staffing (position_id, person_id, since) "
						    "VALUES (:pos, :person, :since)", e);
				if (!st)
					goto out;
				db_bind_int(st, ":pos", pos);
				db_bind_int(st, ":person", people[i].id);
				db_bind_text(st, ":since", since);
				if (demo_exec(st, NULL, e))
					goto out;
				filled++;
			}
		}
	}
	rc = 0;
out:
	arena_free(&a);
	return rc;
}
