/* raci: see raci.h. */
#include "manage/raci.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/date.h"
#include "base/json.h"
#include "manage/plan.h"
#include "org/person.h"

const char *const raci_roles[] = {"R", "A", "C", "I", "none", NULL};

const struct field raci_fields[] = {
	{.name = "person_id", .type = FT_ID, .offset = offsetof(struct raci_input, person_id),
	 .bit = RACI_PERSON, .required = 1, .help = "the person"},
	{.name = "role", .type = FT_ENUM, .offset = offsetof(struct raci_input, role),
	 .bit = RACI_ROLE, .choices = raci_roles, .required = 1,
	 .help = "R (responsible), A (accountable), C (consulted), I (informed), or none"},
	{.name = "replace", .type = FT_BOOL, .offset = offsetof(struct raci_input, replace),
	 .bit = RACI_REPLACE, .help = "with role A: the current Accountable steps down"},
	{0},
};

const struct field publish_fields[] = {
	{.name = "note", .type = FT_TEXT, .offset = offsetof(struct publish_input, note),
	 .bit = PUB_NOTE, .max = 2000, .help = "a note for the people it goes to"},
	{0},
};

const struct field feed_query_fields[] = {
	{.name = "limit", .type = FT_INT, .offset = offsetof(struct feed_query, limit),
	 .bit = FQ_LIMIT, .min = 1, .max = 1000000, .help = "at most this many, the newest"},
	{0},
};

static int step_exists(struct db *db, int64_t id, struct err *e)
{
	int rc = db_run_id(db, "SELECT 1 FROM step WHERE id = :id", id, e);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no step with id %lld", (long long)id);
	return rc < 0 ? -1 : 0;
}

/* --- roles ------------------------------------------------------------------ */

static int delete_role(struct db *db, int64_t step, int64_t person, struct err *e)
{
	struct stmt *st = db_prepare(db, "DELETE FROM raci WHERE step_id = :step AND "
				     "person_id = :person", e);
	if (!st)
		return -1;
	db_bind_int(st, ":step", step);
	db_bind_int(st, ":person", person);
	int rc = db_step(st, e);
	db_done(st);
	return rc < 0 ? -1 : 0;
}

static int role_of(struct db *db, int64_t step, int64_t person, int *has, struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT count(*) FROM raci WHERE step_id = :step AND "
				     "person_id = :person", e);
	if (!st)
		return -1;
	db_bind_int(st, ":step", step);
	db_bind_int(st, ":person", person);
	int64_t n = 0;
	if (db_one_int(st, &n, e) < 0)
		return -1;
	*has = n > 0;
	return 0;
}

/* Refuses (409) a second Accountable, or removes the current one's row
 * when replace is set. */
static int check_accountable(struct db *db, int64_t step, const struct raci_input *in,
			     struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT r.person_id, p.name FROM raci r "
				     "JOIN person p ON p.id = r.person_id WHERE r.step_id = :step "
				     "AND r.role = 'A' AND r.person_id <> :person", e);
	if (!st)
		return -1;
	db_bind_int(st, ":step", step);
	db_bind_int(st, ":person", in->person_id);
	int rc = db_step(st, e);
	if (rc <= 0) {
		db_done(st);
		return rc;
	}
	int64_t holder = db_col_int(st, 0);
	if (!in->replace) {
		err_set(e, ERR_CONFLICT, "role",
			"step %lld already has an Accountable: %s (person %lld); give them "
			"another role first, or set it with replace",
			(long long)step, db_col_text(st, 1), (long long)holder);
		db_done(st);
		return -1;
	}
	db_done(st);
	return delete_role(db, step, holder, e);
}

int raci_set(struct db *db, int64_t step_id, const struct raci_input *in, unsigned set,
	     struct err *e)
{
	if (fields_require(raci_fields, set, e))
		return -1;
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (step_exists(db, step_id, e) || person_must_exist(db, in->person_id, "person_id", e))
		goto out;
	if (strcmp(in->role, "none") == 0) {
		int has;
		if (role_of(db, step_id, in->person_id, &has, e))
			goto out;
		if (!has) {
			err_set(e, ERR_NOT_FOUND, "person_id",
				"person_id: person %lld has no role on step %lld",
				(long long)in->person_id, (long long)step_id);
			goto out;
		}
		rc = delete_role(db, step_id, in->person_id, e);
		goto out;
	}
	if (in->role[0] == 'A' && check_accountable(db, step_id, in, e))
		goto out;
	if (delete_role(db, step_id, in->person_id, e))
		goto out;
	struct stmt *st = db_prepare(db, "INSERT INTO raci (step_id, person_id, role) "
				     "VALUES (:step, :person, :role)", e);
	if (!st)
		goto out;
	db_bind_int(st, ":step", step_id);
	db_bind_int(st, ":person", in->person_id);
	db_bind_text(st, ":role", in->role);
	rc = db_step(st, e) < 0 ? -1 : 0;
	db_done(st);
out:
	return db_end(db, rc, e);
}

int raci_rm(struct db *db, int64_t step_id, int64_t person_id, struct err *e)
{
	struct raci_input in = {.person_id = person_id, .role = "none"};
	return raci_set(db, step_id, &in, RACI_PERSON | RACI_ROLE, e);
}

/* --- the matrix ------------------------------------------------------------------ */

static void person_row(struct stmt *st, struct arena *a, void *item)
{
	struct raci_person *p = item;
	p->id = db_col_int(st, 0);
	p->name = arena_strdup(a, db_col_text(st, 1));
}

static void step_row(struct stmt *st, struct arena *a, void *item)
{
	struct raci_row *r = item;
	r->step_id = db_col_int(st, 0);
	r->name = arena_strdup(a, db_col_text(st, 1));
	r->status = arena_strdup(a, db_col_text(st, 2));
	r->assignee_id = db_col_int(st, 3);
}

static size_t column_of(const struct raci_matrix *m, int64_t person)
{
	for (size_t i = 0; i < m->npeople; i++)
		if (m->people[i].id == person)
			return i;
	return m->npeople;
}

static struct raci_row *row_of(const struct raci_matrix *m, int64_t step)
{
	size_t lo = 0, hi = m->nrows;	/* rows are in id order */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->rows[mid].step_id < step)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < m->nrows && m->rows[lo].step_id == step ? &m->rows[lo] : NULL;
}

/* The people in a plan: its owner, the assignees, the RACI rows. */
#define PLAN_PEOPLE                                                                     \
	"SELECT id, name FROM person WHERE id = (SELECT owner_id FROM plan WHERE id = :plan) " \
	"OR id IN (SELECT assignee_id FROM step WHERE plan_id = :plan) "                     \
	"OR id IN (SELECT r.person_id FROM raci r JOIN step s ON s.id = r.step_id "          \
	"WHERE s.plan_id = :plan) "

int raci_matrix(struct db *db, struct arena *a, int64_t plan_id, struct raci_matrix *m,
		struct err *e)
{
	memset(m, 0, sizeof *m);
	struct plan p;
	if (plan_get(db, a, plan_id, &p, e))
		return -1;
	m->plan_id = p.id;
	m->plan_name = p.name;
	m->owner_id = p.owner_id;
	if (db_begin_read(db, e))
		return -1;
	int rc = -1;
	struct stmt *st = db_prepare(db, PLAN_PEOPLE "ORDER BY name, id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":plan", plan_id);
	if (db_collect(st, a, sizeof *m->people, person_row, (void **)&m->people, &m->npeople, e))
		goto out;
	st = db_prepare(db, "SELECT id, name, status, coalesce(assignee_id, 0) FROM step "
			"WHERE plan_id = :plan ORDER BY id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":plan", plan_id);
	if (db_collect(st, a, sizeof *m->rows, step_row, (void **)&m->rows, &m->nrows, e))
		goto out;
	for (size_t i = 0; i < m->nrows; i++) {
		m->rows[i].cells = arena_alloc(a, m->npeople + 1);
		if (!m->rows[i].cells) {
			err_set(e, ERR_INTERNAL, "", "out of memory");
			goto out;
		}
	}
	st = db_prepare(db, "SELECT r.step_id, r.person_id, r.role FROM raci r "
			"JOIN step s ON s.id = r.step_id WHERE s.plan_id = :plan", e);
	if (!st)
		goto out;
	db_bind_int(st, ":plan", plan_id);
	int r;
	while ((r = db_step(st, e)) == 1) {
		struct raci_row *row = row_of(m, db_col_int(st, 0));
		size_t col = column_of(m, db_col_int(st, 1));
		const char *role = db_col_text(st, 2);
		if (row && col < m->npeople && role)
			row->cells[col] = role[0];
	}
	db_done(st);
	rc = r < 0 ? -1 : 0;
out:
	if (db_end(db, rc, e))
		return -1;
	/* the implied roles, then the gaps */
	size_t owner = p.owner_id ? column_of(m, p.owner_id) : m->npeople;
	for (size_t i = 0; i < m->nrows; i++) {
		struct raci_row *row = &m->rows[i];
		for (size_t k = 0; k < m->npeople; k++) {
			row->has_a |= row->cells[k] == 'A';
			row->has_r |= row->cells[k] == 'R';
		}
		if (!row->has_a && owner < m->npeople && !row->cells[owner]) {
			row->cells[owner] = 'a';
			row->has_a = 1;
		}
		size_t who = row->assignee_id ? column_of(m, row->assignee_id) : m->npeople;
		if (!row->has_r && who < m->npeople &&
		    (!row->cells[who] || row->cells[who] == 'a')) {
			row->cells[who] = row->cells[who] == 'a' ? 'b' : 'r';
			row->has_r = 1;
		}
		m->gaps += !row->has_a || !row->has_r;
	}
	return 0;
}

const char *raci_cell_text(char cell)
{
	switch (cell) {
	case 'R': return "R";
	case 'A': return "A";
	case 'C': return "C";
	case 'I': return "I";
	case 'a': return "(A)";
	case 'r': return "(R)";
	case 'b': return "(A/R)";
	}
	return "";
}

json_t *raci_matrix_json(const struct raci_matrix *m)
{
	json_t *o = json_object();
	json_set_int(o, "plan_id", m->plan_id);
	json_set_str(o, "plan", m->plan_name);
	json_set_id(o, "owner_id", m->owner_id);
	json_t *people = json_array();
	for (size_t i = 0; i < m->npeople; i++) {
		json_t *p = json_object();
		json_set_int(p, "id", m->people[i].id);
		json_set_str(p, "name", m->people[i].name);
		json_array_append_new(people, p);
	}
	json_object_set_new(o, "people", people);
	json_t *steps = json_array();
	for (size_t i = 0; i < m->nrows; i++) {
		const struct raci_row *row = &m->rows[i];
		json_t *s = json_object();
		json_set_int(s, "id", row->step_id);
		json_set_str(s, "name", row->name);
		json_set_str(s, "status", row->status);
		json_set_id(s, "assignee_id", row->assignee_id);
		json_t *roles = json_array();
		for (size_t k = 0; k < m->npeople; k++) {
			char c = row->cells[k];
			if (!c)
				continue;
			json_t *x = json_object();
			json_set_int(x, "person_id", m->people[k].id);
			json_set_str(x, "role", c == 'a' || c == 'b' ? "A" : c == 'r' ? "R"
				     : raci_cell_text(c));
			json_object_set_new(x, "implied",
					    json_boolean(c == 'a' || c == 'r' || c == 'b'));
			if (c == 'b')
				json_object_set_new(x, "also_responsible", json_true());
			json_array_append_new(roles, x);
		}
		json_object_set_new(s, "roles", roles);
		json_t *missing = json_array();
		if (!row->has_a)
			json_array_append_new(missing, json_string("A"));
		if (!row->has_r)
			json_array_append_new(missing, json_string("R"));
		json_object_set_new(s, "missing", missing);
		json_array_append_new(steps, s);
	}
	json_object_set_new(o, "steps", steps);
	json_set_int(o, "gaps", (int64_t)m->gaps);
	return o;
}

/* --- publishing -------------------------------------------------------------------- */

int plan_publish(struct db *db, int64_t plan_id, const char *by, const struct publish_input *in,
		 unsigned set, int64_t *id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	rc = db_run_id(db, "SELECT 1 FROM plan WHERE id = :id", plan_id, e);
	if (rc == 0)
		err_set(e, ERR_NOT_FOUND, "id", "no plan with id %lld", (long long)plan_id);
	if (rc <= 0) {
		rc = -1;
		goto out;
	}
	rc = -1;
	struct stmt *st = db_prepare(db, "SELECT count(*) FROM (" PLAN_PEOPLE ") x", e);
	int64_t n = 0;
	if (!st)
		goto out;
	db_bind_int(st, ":plan", plan_id);
	if (db_one_int(st, &n, e) < 0)
		goto out;
	if (n == 0) {
		err_set(e, ERR_CONFLICT, "id", "plan %lld has no one in it to publish to: give it "
			"an owner, assignees or RACI roles first", (long long)plan_id);
		goto out;
	}
	st = db_prepare(db, "INSERT INTO publication (plan_id, at, by_name, note) "
			"VALUES (:plan, :at, :by, :note) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":plan", plan_id);
	db_bind_int(st, ":at", (int64_t)time(NULL));
	db_bind_text(st, ":by", by ? by : "");
	db_bind_text(st, ":note", (set & PUB_NOTE) && in->note ? in->note : "");
	if (db_one_int(st, id, e) != 1)
		goto out;
	st = db_prepare(db, "INSERT INTO publication_to (publication_id, person_id) "
			"SELECT :pub, x.id FROM (" PLAN_PEOPLE ") x", e);
	if (!st)
		goto out;
	db_bind_int(st, ":pub", *id);
	db_bind_int(st, ":plan", plan_id);
	rc = db_step(st, e) < 0 ? -1 : 0;
	db_done(st);
out:
	return db_end(db, rc, e);
}

#define PUB_SELECT                                                                  \
	"SELECT p.id, p.plan_id, pl.name, p.at, p.by_name, p.note FROM publication p " \
	"JOIN plan pl ON pl.id = p.plan_id "

static void pub_row(struct stmt *st, struct arena *a, void *item)
{
	struct publication *p = item;
	p->id = db_col_int(st, 0);
	p->plan_id = db_col_int(st, 1);
	p->plan_name = arena_strdup(a, db_col_text(st, 2));
	p->at = db_col_int(st, 3);
	p->by = arena_strdup(a, db_col_text(st, 4));
	p->note = arena_strdup(a, db_col_text(st, 5));
}

int publication_get(struct db *db, struct arena *a, int64_t id, struct publication *p,
		    struct err *e)
{
	memset(p, 0, sizeof *p);
	struct stmt *st = db_prepare(db, PUB_SELECT "WHERE p.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		pub_row(st, a, p);
	db_done(st);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no publication with id %lld",
			       (long long)id);
	st = db_prepare(db, "SELECT pe.id, pe.name FROM publication_to t JOIN person pe "
			"ON pe.id = t.person_id WHERE t.publication_id = :id "
			"ORDER BY pe.name, pe.id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	return db_collect(st, a, sizeof *p->to, person_row, (void **)&p->to, &p->nto, e);
}

static void feed_step_row(struct stmt *st, struct arena *a, void *item)
{
	struct feed_step *s = item;
	s->id = db_col_int(st, 0);
	s->name = arena_strdup(a, db_col_text(st, 1));
	s->status = arena_strdup(a, db_col_text(st, 2));
	s->due = arena_strdup(a, db_col_text(st, 3));
	const char *role = db_col_text(st, 4);
	/* an assignee with no role of their own is the implied R, unless
	 * someone else is R explicitly */
	s->role = role ? role[0] : db_col_int(st, 5) ? 0 : 'r';
}

int person_feed(struct db *db, struct arena *a, int64_t person_id, int64_t limit,
		struct publication **out, size_t *n, struct err *e)
{
	*out = NULL;
	*n = 0;
	if (person_must_exist(db, person_id, "id", e))
		return -1;
	if (db_begin_read(db, e))
		return -1;
	int rc = -1;
	struct stmt *st = db_prepare(db, PUB_SELECT
		"JOIN publication_to t ON t.publication_id = p.id WHERE t.person_id = :person "
		"ORDER BY p.at DESC, p.id DESC LIMIT :limit", e);
	if (!st)
		goto out;
	db_bind_int(st, ":person", person_id);
	db_bind_int(st, ":limit", limit > 0 ? limit : DB_NO_LIMIT);
	if (db_collect(st, a, sizeof **out, pub_row, (void **)out, n, e))
		goto out;
	rc = 0;
	for (size_t i = 0; i < *n && rc == 0; i++) {
		struct publication *p = &(*out)[i];
		/* the same plan's steps were read for a newer publication */
		size_t k;
		for (k = 0; k < i && (*out)[k].plan_id != p->plan_id; k++)
			;
		if (k < i) {
			p->steps = (*out)[k].steps;
			p->nsteps = (*out)[k].nsteps;
			continue;
		}
		st = db_prepare(db,
			"SELECT s.id, s.name, s.status, s.due, "
			"(SELECT role FROM raci WHERE step_id = s.id AND person_id = :person), "
			"(SELECT count(*) FROM raci WHERE step_id = s.id AND role = 'R') "
			"FROM step s WHERE s.plan_id = :plan AND (s.assignee_id = :person OR "
			"s.id IN (SELECT step_id FROM raci WHERE person_id = :person)) "
			"ORDER BY s.id", e);
		if (!st) {
			rc = -1;
			break;
		}
		db_bind_int(st, ":person", person_id);
		db_bind_int(st, ":plan", p->plan_id);
		rc = db_collect(st, a, sizeof *p->steps, feed_step_row, (void **)&p->steps,
				&p->nsteps, e);
	}
out:
	return db_end(db, rc, e);
}

json_t *publication_json(const struct publication *p)
{
	json_t *o = json_object();
	json_set_int(o, "id", p->id);
	json_set_int(o, "plan_id", p->plan_id);
	json_set_str(o, "plan", p->plan_name);
	char when[32];
	time_t t = (time_t)p->at;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	json_set_str(o, "at", when);
	json_set_str(o, "by", p->by);
	json_set_str(o, "note", p->note);
	if (p->to) {
		json_t *to = json_array();
		for (size_t i = 0; i < p->nto; i++) {
			json_t *x = json_object();
			json_set_int(x, "id", p->to[i].id);
			json_set_str(x, "name", p->to[i].name);
			json_array_append_new(to, x);
		}
		json_object_set_new(o, "to", to);
	}
	if (p->steps || !p->to) {
		json_t *steps = json_array();
		for (size_t i = 0; i < p->nsteps; i++) {
			const struct feed_step *s = &p->steps[i];
			json_t *x = json_object();
			json_set_int(x, "id", s->id);
			json_set_str(x, "name", s->name);
			json_set_str(x, "status", s->status);
			json_set_str(x, "due", s->due);
			json_set_str(x, "role", s->role ? raci_cell_text(s->role) : NULL);
			json_array_append_new(steps, x);
		}
		json_object_set_new(o, "steps", steps);
	}
	return o;
}

/* --- demo ------------------------------------------------------------------------- */

static int demo_exec(struct db *db, const char *sql, int64_t at, const char *note,
		     struct err *e)
{
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	if (note) {
		db_bind_int(st, ":at", at);
		db_bind_text(st, ":note", note);
	}
	int rc = db_step(st, e);
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int raci_demo(struct db *db, const char *today, struct err *e)
{
	int32_t day;
	if (date_parse(today, &day))
		return err_set(e, ERR_BAD_INPUT, "today", "today: must be YYYY-MM-DD");
	/* every fifth step consults the first colleague of the plan's unit
	 * who neither owns the plan nor does the step */
	static const char consulted[] =
		"INSERT INTO raci (step_id, person_id, role) "
		"SELECT s.id, (SELECT min(pe.id) FROM person pe WHERE pe.unit_id = p.unit_id "
		"AND pe.id <> coalesce(p.owner_id, 0) "
		"AND pe.id <> coalesce(s.assignee_id, 0)), 'C' "
		"FROM step s JOIN plan p ON p.id = s.plan_id WHERE s.id % 5 = 1 "
		"AND EXISTS (SELECT 1 FROM person pe WHERE pe.unit_id = p.unit_id "
		"AND pe.id <> coalesce(p.owner_id, 0) AND pe.id <> coalesce(s.assignee_id, 0))";
	/* the owner's own manager is informed of every seventh step */
	static const char informed[] =
		"INSERT INTO raci (step_id, person_id, role) "
		"SELECT s.id, o.manager_id, 'I' FROM step s JOIN plan p ON p.id = s.plan_id "
		"JOIN person o ON o.id = p.owner_id WHERE s.id % 7 = 3 "
		"AND o.manager_id IS NOT NULL AND o.manager_id <> coalesce(s.assignee_id, 0) "
		"AND NOT EXISTS (SELECT 1 FROM raci r WHERE r.step_id = s.id "
		"AND r.person_id = o.manager_id)";
	if (demo_exec(db, consulted, 0, NULL, e) || demo_exec(db, informed, 0, NULL, e))
		return -1;
	/* each active plan was published two weeks ago, and again three days
	 * ago, by its owner, to everyone in it */
	static const struct {
		int days_ago, seconds;
		const char *note;
	} pubs[] = {
		{14, 9 * 3600, "The plan for review: please check your steps and dates."},
		{3, 16 * 3600 + 30 * 60, "Updated after the review: new dates for some steps."},
	};
	for (size_t i = 0; i < sizeof pubs / sizeof pubs[0]; i++) {
		int64_t at = (int64_t)(day - pubs[i].days_ago) * 86400 + pubs[i].seconds;
		if (demo_exec(db,
			"INSERT INTO publication (plan_id, at, by_name, note) "
			"SELECT p.id, :at, coalesce(o.name, ''), :note FROM plan p "
			"LEFT JOIN person o ON o.id = p.owner_id WHERE p.status = 'active' "
			"AND (p.owner_id IS NOT NULL OR EXISTS (SELECT 1 FROM step s "
			"WHERE s.plan_id = p.id AND s.assignee_id IS NOT NULL)) ORDER BY p.id",
			at, pubs[i].note, e))
			return -1;
	}
	return demo_exec(db,
		"INSERT INTO publication_to (publication_id, person_id) "
		"SELECT pb.id, pe.id FROM publication pb JOIN person pe ON "
		"pe.id = (SELECT owner_id FROM plan WHERE id = pb.plan_id) "
		"OR pe.id IN (SELECT assignee_id FROM step WHERE plan_id = pb.plan_id) "
		"OR pe.id IN (SELECT r.person_id FROM raci r JOIN step s ON s.id = r.step_id "
		"WHERE s.plan_id = pb.plan_id)", 0, NULL, e);
}
