/* person: see person.h. */
#include "org/person.h"

#include <string.h>

#include "base/buf.h"
#include "base/json.h"
#include "org/unit.h"

const struct field person_fields[] = {
	{.name = "name", .type = FT_TEXT, .offset = offsetof(struct person_input, name),
	 .bit = PERSON_NAME, .max = 200, .required = 1, .help = "full name"},
	{.name = "email", .type = FT_TEXT, .offset = offsetof(struct person_input, email),
	 .bit = PERSON_EMAIL, .max = 254, .required = 1, .help = "email address (unique)"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct person_input, unit_id),
	 .bit = PERSON_UNIT, .required = 1, .help = "the unit the person belongs to"},
	{.name = "manager_id", .type = FT_ID, .offset = offsetof(struct person_input, manager_id),
	 .bit = PERSON_MANAGER, .nullable = 1, .help = "the person's manager (none)"},
	{.name = "title", .type = FT_TEXT, .offset = offsetof(struct person_input, title),
	 .bit = PERSON_TITLE, .max = 200, .help = "job title"},
	{.name = "rate", .type = FT_MONEY, .offset = offsetof(struct person_input, rate_cents),
	 .bit = PERSON_RATE, .min = 0, .max = 100000000, .help = "hourly cost rate"},
	{.name = "capacity_hours", .type = FT_HOURS,
	 .offset = offsetof(struct person_input, capacity_minutes), .bit = PERSON_CAPACITY,
	 .min = 0, .max = 168 * 60, .help = "weekly capacity in hours (default 40)"},
	{0},
};

const struct field person_filter_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct person_filter, unit_id),
	 .bit = PF_UNIT, .help = "only this unit and its subtree"},
	{.name = "manager_id", .type = FT_ID, .offset = offsetof(struct person_filter, manager_id),
	 .bit = PF_MANAGER, .help = "only direct reports of this person"},
	{.name = "limit", .type = FT_INT, .offset = offsetof(struct person_filter, limit),
	 .bit = PF_LIMIT, .min = 0, .max = 1000000000, .help = "at most this many"},
	{.name = "offset", .type = FT_INT, .offset = offsetof(struct person_filter, offset),
	 .bit = PF_OFFSET, .min = 0, .max = INT64_MAX, .help = "skip this many"},
	{0},
};

int person_must_exist(struct db *db, int64_t id, const char *field, struct err *e)
{
	int rc = db_run_id(db, "SELECT 1 FROM person WHERE id = :id", id, e);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, field, "%s: no person with id %lld", field,
			       (long long)id);
	return 0;
}

int person_names(struct db *db, struct arena *a, int64_t limit, const char ***names,
		 int64_t *max_id, struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT coalesce(max(id), 0) FROM person", e);
	if (!st || db_one_int(st, max_id, e) < 0)
		return -1;
	if (*max_id > limit)
		return err_set(e, ERR_TOO_LARGE, "", "more than %lld people", (long long)limit);
	*names = arena_alloc(a, (size_t)(*max_id + 1) * sizeof **names);
	if (!*names)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	st = db_prepare(db, "SELECT id, name FROM person", e);
	if (!st)
		return -1;
	int rc;
	while ((rc = db_step(st, e)) == 1) {
		int64_t id = db_col_int(st, 0);
		if (id > 0 && id <= *max_id)
			(*names)[id] = arena_strdup(a, db_col_text(st, 1));
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

static int check_email(const char *s, struct err *e)
{
	const char *at = strchr(s, '@');
	if (!at || at == s || !at[1] || strchr(at + 1, '@') || strchr(s, ' ') ||
	    !strchr(at + 1, '.'))
		return err_set(e, ERR_BAD_INPUT, "email",
			       "email: \"%.80s\" is not an email address (name@domain)", s);
	return 0;
}

static int email_free(struct db *db, const char *email, int64_t self, struct err *e)
{
	struct stmt *st = db_prepare(db,
		"SELECT id FROM person WHERE lower(email) = lower(:email) AND id <> :self", e);
	if (!st)
		return -1;
	db_bind_text(st, ":email", email);
	db_bind_int(st, ":self", self);
	int64_t other;
	int rc = db_one_int(st, &other, e);
	if (rc < 0)
		return -1;
	if (rc == 1)
		return err_set(e, ERR_CONFLICT, "email",
			       "email: %.200s is already taken by person %lld", email,
			       (long long)other);
	return 0;
}

/* Refuses a manager that would make the chain loop back to self. */
static int manager_ok(struct db *db, int64_t self, int64_t manager, struct err *e)
{
	if (person_must_exist(db, manager, "manager_id", e))
		return -1;
	if (manager == self)
		return err_set(e, ERR_BAD_INPUT, "manager_id",
			       "manager_id: a person cannot manage themselves");
	if (!self)
		return 0;
	struct stmt *st = db_prepare(db,
		"WITH RECURSIVE chain(id, depth) AS ("
		" SELECT manager_id, 1 FROM person WHERE id = :m AND manager_id IS NOT NULL"
		" UNION ALL SELECT p.manager_id, c.depth + 1 FROM person p JOIN chain c"
		" ON p.id = c.id WHERE p.manager_id IS NOT NULL AND c.depth < 10000) "
		"SELECT count(*) FROM chain WHERE id = :self", e);
	if (!st)
		return -1;
	db_bind_int(st, ":m", manager);
	db_bind_int(st, ":self", self);
	int64_t n = 0;
	if (db_one_int(st, &n, e) < 0)
		return -1;
	if (n)
		return err_set(e, ERR_BAD_INPUT, "manager_id",
			       "manager_id: person %lld reports to person %lld, directly or "
			       "not, so cannot be their manager", (long long)manager,
			       (long long)self);
	return 0;
}

static int validate(struct db *db, int64_t self, const struct person_input *in,
		    unsigned set, struct err *e)
{
	if ((set & PERSON_EMAIL) &&
	    (check_email(in->email, e) || email_free(db, in->email, self, e)))
		return -1;
	if ((set & PERSON_UNIT) && unit_must_exist(db, in->unit_id, "unit_id", e))
		return -1;
	if ((set & PERSON_MANAGER) && in->manager_id && manager_ok(db, self, in->manager_id, e))
		return -1;
	return 0;
}

int person_add(struct db *db, const struct person_input *in, unsigned set, int64_t *id,
	       struct err *e)
{
	if (fields_require(person_fields, set, e))
		return -1;
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (validate(db, 0, in, set, e))
		goto out;
	struct stmt *st = db_prepare(db,
		"INSERT INTO person (name, email, unit_id, manager_id, title, rate_cents, "
		"capacity_minutes) VALUES (:name, :email, :unit, :manager, :title, :rate, "
		":capacity) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_text(st, ":name", in->name);
	db_bind_text(st, ":email", in->email);
	db_bind_int(st, ":unit", in->unit_id);
	db_bind_id(st, ":manager", (set & PERSON_MANAGER) ? in->manager_id : 0);
	db_bind_text(st, ":title", (set & PERSON_TITLE) ? in->title : "");
	db_bind_int(st, ":rate", (set & PERSON_RATE) ? in->rate_cents : 0);
	db_bind_int(st, ":capacity", (set & PERSON_CAPACITY) ? in->capacity_minutes : 40 * 60);
	if (db_one_int(st, id, e) == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

#define PERSON_SELECT                                                         \
	"SELECT p.id, p.name, p.email, p.unit_id, u.name, p.manager_id, p.title, " \
	"p.rate_cents, p.capacity_minutes, m.name FROM person p "                \
	"JOIN unit u ON u.id = p.unit_id LEFT JOIN person m ON m.id = p.manager_id "

static void person_row(struct stmt *st, struct arena *a, struct person *p)
{
	p->id = db_col_int(st, 0);
	p->name = arena_strdup(a, db_col_text(st, 1));
	p->email = arena_strdup(a, db_col_text(st, 2));
	p->unit_id = db_col_int(st, 3);
	p->unit_name = arena_strdup(a, db_col_text(st, 4));
	p->manager_id = db_col_int(st, 5);
	p->title = arena_strdup(a, db_col_text(st, 6));
	p->rate_cents = db_col_int(st, 7);
	p->capacity_minutes = db_col_int(st, 8);
	p->manager_name = arena_strdup(a, db_col_text(st, 9));
}

static void person_row_fn(struct stmt *st, struct arena *a, void *item)
{
	person_row(st, a, item);
}

int person_get(struct db *db, struct arena *a, int64_t id, struct person *p, struct err *e)
{
	struct stmt *st = db_prepare(db, PERSON_SELECT "WHERE p.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		person_row(st, a, p);
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no person with id %lld", (long long)id);
	if (rc < 0)
		return -1;
	st = db_prepare(db, "SELECT count(*) FROM person WHERE manager_id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	return db_one_int(st, &p->reports, e) < 0 ? -1 : 0;
}

int person_list(struct db *db, struct arena *a, const struct person_filter *f, unsigned fset,
		struct person **out, size_t *n, struct err *e)
{
	/* SQL from fixed fragments only; values are bound */
	struct buf sql = BUF_INIT;
	if (fset & PF_UNIT)
		buf_puts(&sql, UNIT_SUBTREE_CTE);
	buf_puts(&sql, PERSON_SELECT "WHERE 1 = 1");
	if (fset & PF_UNIT)
		buf_puts(&sql, " AND p.unit_id IN (SELECT id FROM subtree)");
	if (fset & PF_MANAGER)
		buf_puts(&sql, " AND p.manager_id = :manager");
	buf_puts(&sql, " ORDER BY p.name, p.id LIMIT :limit OFFSET :offset");
	if (sql.failed) {
		buf_free(&sql);
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	}
	struct stmt *st = db_prepare(db, buf_str(&sql), e);
	buf_free(&sql);
	if (!st)
		return -1;
	if (fset & PF_UNIT)
		db_bind_int(st, ":unit", f->unit_id);
	if (fset & PF_MANAGER)
		db_bind_int(st, ":manager", f->manager_id);
	db_bind_int(st, ":limit", (fset & PF_LIMIT) ? f->limit : DB_NO_LIMIT);
	db_bind_int(st, ":offset", (fset & PF_OFFSET) ? f->offset : 0);
	return db_collect(st, a, sizeof **out, person_row_fn, (void **)out, n, e);
}

int person_set(struct db *db, int64_t id, const struct person_input *in, unsigned set,
	       struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (person_must_exist(db, id, "id", e) || validate(db, id, in, set, e))
		goto out;
	/* one UPDATE: a CASE per column keeps the SQL fixed */
	struct stmt *st = db_prepare(db,
		"UPDATE person SET "
		"name = CASE WHEN :set_name = 1 THEN :name ELSE name END, "
		"email = CASE WHEN :set_email = 1 THEN :email ELSE email END, "
		"unit_id = CASE WHEN :set_unit = 1 THEN :unit ELSE unit_id END, "
		"manager_id = CASE WHEN :set_manager = 1 THEN :manager ELSE manager_id END, "
		"title = CASE WHEN :set_title = 1 THEN :title ELSE title END, "
		"rate_cents = CASE WHEN :set_rate = 1 THEN :rate ELSE rate_cents END, "
		"capacity_minutes = CASE WHEN :set_capacity = 1 THEN :capacity "
		"ELSE capacity_minutes END WHERE id = :id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":set_name", !!(set & PERSON_NAME));
	db_bind_text(st, ":name", (set & PERSON_NAME) ? in->name : "");
	db_bind_int(st, ":set_email", !!(set & PERSON_EMAIL));
	db_bind_text(st, ":email", (set & PERSON_EMAIL) ? in->email : "");
	db_bind_int(st, ":set_unit", !!(set & PERSON_UNIT));
	db_bind_int(st, ":unit", (set & PERSON_UNIT) ? in->unit_id : 0);
	db_bind_int(st, ":set_manager", !!(set & PERSON_MANAGER));
	db_bind_id(st, ":manager", (set & PERSON_MANAGER) ? in->manager_id : 0);
	db_bind_int(st, ":set_title", !!(set & PERSON_TITLE));
	db_bind_text(st, ":title", (set & PERSON_TITLE) ? in->title : "");
	db_bind_int(st, ":set_rate", !!(set & PERSON_RATE));
	db_bind_int(st, ":rate", (set & PERSON_RATE) ? in->rate_cents : 0);
	db_bind_int(st, ":set_capacity", !!(set & PERSON_CAPACITY));
	db_bind_int(st, ":capacity", (set & PERSON_CAPACITY) ? in->capacity_minutes : 0);
	db_bind_int(st, ":id", id);
	if (db_step(st, e) >= 0)
		rc = 0;
	db_done(st);
out:
	return db_end(db, rc, e);
}

int person_rm(struct db *db, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (person_must_exist(db, id, "id", e))
		goto out;
	struct stmt *st = db_prepare(db,
		"SELECT (SELECT count(*) FROM person WHERE manager_id = :id), "
		"(SELECT count(*) FROM plan WHERE owner_id = :id), "
		"(SELECT count(*) FROM step WHERE assignee_id = :id), "
		"(SELECT count(*) FROM time_entry WHERE person_id = :id)", e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", id);
	int r = db_step(st, e);
	int64_t reports = 0, plans = 0, steps = 0, entries = 0;
	if (r == 1) {
		reports = db_col_int(st, 0);
		plans = db_col_int(st, 1);
		steps = db_col_int(st, 2);
		entries = db_col_int(st, 3);
	}
	db_done(st);
	if (r < 0)
		goto out;
	if (reports || plans || steps || entries) {
		err_set(e, ERR_CONFLICT, "id",
			"person %lld still has %lld report(s), owns %lld plan(s), is assigned "
			"%lld step(s) and logged %lld time entr%s: reassign them first",
			(long long)id, (long long)reports, (long long)plans, (long long)steps,
			(long long)entries, entries == 1 ? "y" : "ies");
		goto out;
	}
	/* where the management system names the person */
	st = db_prepare(db,
		"SELECT (SELECT count(*) FROM staffing WHERE person_id = :id), "
		"(SELECT count(*) FROM raci WHERE person_id = :id), "
		"(SELECT count(*) FROM target WHERE owner_id = :id) + "
		"(SELECT count(*) FROM problem WHERE owner_id = :id)", e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", id);
	r = db_step(st, e);
	int64_t seats = 0, raci = 0, owned = 0;
	if (r == 1) {
		seats = db_col_int(st, 0);
		raci = db_col_int(st, 1);
		owned = db_col_int(st, 2);
	}
	db_done(st);
	if (r < 0)
		goto out;
	if (seats || raci || owned) {
		err_set(e, ERR_CONFLICT, "id",
			"person %lld still holds %lld position(s), has %lld RACI role(s) and owns "
			"%lld target(s) or problem(s): reassign them first", (long long)id,
			(long long)seats, (long long)raci, (long long)owned);
		goto out;
	}
	/* where the leadership system names the person */
	st = db_prepare(db,
		"SELECT (SELECT count(*) FROM comm WHERE sender_id = :id) + "
		"(SELECT count(*) FROM comm_recipient WHERE person_id = :id), "
		"(SELECT count(*) FROM recognition WHERE from_id = :id OR to_person_id = :id), "
		"(SELECT count(*) FROM idea WHERE author_id = :id OR owner_id = :id) + "
		"(SELECT count(*) FROM idea_vote WHERE person_id = :id), "
		"(SELECT count(*) FROM coalition_member WHERE person_id = :id), "
		"(SELECT count(*) FROM coaching_note WHERE author_id = :id OR about_id = :id), "
		"(SELECT count(*) FROM pulse_invite WHERE person_id = :id), "
		"(SELECT count(*) FROM strategy WHERE owner_id = :id) + "
		"(SELECT count(*) FROM stakeholder WHERE owner_id = :id)", e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", id);
	r = db_step(st, e);
	int64_t lead[7] = {0};
	for (int i = 0; r == 1 && i < 7; i++)
		lead[i] = db_col_int(st, i);
	db_done(st);
	if (r < 0)
		goto out;
	if (lead[0] || lead[1] || lead[2] || lead[3] || lead[4] || lead[5] || lead[6]) {
		err_set(e, ERR_CONFLICT, "id",
			"person %lld is still named in %lld communication(s), %lld recognition(s), "
			"%lld idea(s) or vote(s), %lld coalition(s), %lld coaching note(s), %lld "
			"pulse survey(s) and owns %lld strategy(ies) or stakeholder(s): those "
			"records keep them", (long long)id, (long long)lead[0], (long long)lead[1],
			(long long)lead[2], (long long)lead[3], (long long)lead[4], (long long)lead[5],
			(long long)lead[6]);
		goto out;
	}
	/* where change initiatives and workshops name them (volunteering,
	 * workshop seats and their own self-assessments go with them) */
	st = db_prepare(db,
		"SELECT (SELECT count(*) FROM initiative WHERE sponsor_id = :id), "
		"(SELECT count(*) FROM obstacle WHERE owner_id = :id), "
		"(SELECT count(*) FROM cohort WHERE trainer_id = :id)", e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", id);
	r = db_step(st, e);
	int64_t chg[3] = {0};
	for (int i = 0; r == 1 && i < 3; i++)
		chg[i] = db_col_int(st, i);
	db_done(st);
	if (r < 0)
		goto out;
	if (chg[0] || chg[1] || chg[2]) {
		err_set(e, ERR_CONFLICT, "id",
			"person %lld still sponsors %lld change initiative(s), owns %lld obstacle(s) "
			"and trains %lld workshop(s): reassign them first", (long long)id,
			(long long)chg[0], (long long)chg[1], (long long)chg[2]);
		goto out;
	}
	/* what was published to them is their feed: it goes with them (their
	 * skills too, by the schema) */
	if (db_run_id(db, "DELETE FROM publication_to WHERE person_id = :id", id, e) < 0)
		goto out;
	if (db_run_id(db, "DELETE FROM person WHERE id = :id", id, e) >= 0)
		rc = 0;
out:
	return db_end(db, rc, e);
}

json_t *person_json(const struct person *p)
{
	json_t *o = json_object();
	json_set_int(o, "id", p->id);
	json_set_str(o, "name", p->name);
	json_set_str(o, "email", p->email);
	json_set_int(o, "unit_id", p->unit_id);
	json_set_str(o, "unit", p->unit_name);
	json_set_id(o, "manager_id", p->manager_id);
	json_set_str(o, "manager", p->manager_name);
	json_set_str(o, "title", p->title);
	json_set_money(o, "rate", p->rate_cents);
	json_set_hours(o, "capacity_hours", p->capacity_minutes);
	return o;
}
