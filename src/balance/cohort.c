/* cohort: see cohort.h. */
#include "balance/cohort.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "balance/assess.h"
#include "base/date.h"
#include "base/json.h"
#include "org/account.h"
#include "org/person.h"
#include "org/unit.h"

/* no 0/O, 1/I/L: a code read aloud or from a slide is typed right */
static const char code_alphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

const struct field cohort_fields[] = {
	{.name = "name", .type = FT_TEXT, .offset = offsetof(struct cohort_input, name),
	 .bit = COH_NAME, .max = 200, .required = 1, .help = "the workshop's name"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct cohort_input, unit_id),
	 .bit = COH_UNIT, .help = "the unit participants join (default: the root unit)"},
	{.name = "min_group", .type = FT_INT, .offset = offsetof(struct cohort_input, min_group),
	 .bit = COH_MIN, .min = ASSESS_MIN_FLOOR, .max = 1000,
	 .help = "the fewest answers whose aggregate is shown (at least 3; default the "
		 "setting assess.min_group)"},
	{.name = "trainer_id", .type = FT_ID, .offset = offsetof(struct cohort_input, trainer_id),
	 .bit = COH_TRAINER, .help = "the trainer (a person)"},
	{0},
};

const struct field cohort_filter_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct cohort_filter, unit_id),
	 .bit = COHF_UNIT, .help = "cohorts of this unit and the units under it"},
	{0},
};

const struct field cohort_join_fields[] = {
	{.name = "code", .type = FT_TEXT, .offset = offsetof(struct cohort_join_input, code),
	 .bit = COHJ_CODE, .max = 40, .required = 1, .arg = 1, .help = "the join code"},
	{.name = "person_id", .type = FT_ID,
	 .offset = offsetof(struct cohort_join_input, person_id), .bit = COHJ_PERSON,
	 .required = 1, .help = "who joins"},
	{0},
};

const struct field join_fields[] = {
	{.name = "code", .type = FT_TEXT, .offset = offsetof(struct join_input, code),
	 .bit = JOIN_CODE, .max = 40, .required = 1, .help = "the workshop's join code"},
	{.name = "name", .type = FT_TEXT, .offset = offsetof(struct join_input, name),
	 .bit = JOIN_NAME, .max = 200, .required = 1, .help = "your name"},
	{.name = "email", .type = FT_TEXT, .offset = offsetof(struct join_input, email),
	 .bit = JOIN_EMAIL, .max = 254, .required = 1, .help = "your email (your login)"},
	{.name = "password", .type = FT_TEXT, .offset = offsetof(struct join_input, password),
	 .bit = JOIN_PASSWORD, .max = PASSWORD_MAX, .required = 1,
	 .help = "a password of at least 10 characters"},
	{0},
};

void cohort_code_show(const char *code, char out[COHORT_CODE_LEN + 2])
{
	size_t n = code ? strlen(code) : 0;
	if (n != COHORT_CODE_LEN) {
		snprintf(out, COHORT_CODE_LEN + 2, "%s", code ? code : "");
		return;
	}
	memcpy(out, code, 4);
	out[4] = '-';
	memcpy(out + 5, code + 4, 4);
	out[9] = '\0';
}

/* The code as stored: dashes and spaces dropped, upper case; "" when it
 * cannot be one. */
static void code_norm(const char *in, char out[COHORT_CODE_LEN + 1])
{
	size_t n = 0;
	out[0] = '\0';
	for (const char *p = in ? in : ""; *p; p++) {
		if (*p == '-' || *p == ' ')
			continue;
		if (n >= COHORT_CODE_LEN || !isalnum((unsigned char)*p)) {
			out[0] = '\0';
			return;
		}
		out[n++] = (char)toupper((unsigned char)*p);
	}
	out[n] = '\0';
	if (n != COHORT_CODE_LEN)
		out[0] = '\0';
}

static int root_unit(struct db *db, int64_t *unit, struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT min(id) FROM unit WHERE parent_id IS NULL", e);
	if (!st)
		return -1;
	*unit = 0;
	if (db_one_int(st, unit, e) < 0)
		return -1;
	if (!*unit)
		return err_set(e, ERR_BAD_INPUT, "unit_id",
			       "unit_id: there is no unit yet: add one first (tandem unit add)");
	return 0;
}

int cohort_add(struct db *db, const struct cohort_input *in, unsigned set, int64_t *id,
	       char code[COHORT_CODE_LEN + 1], struct err *e)
{
	if (fields_require(cohort_fields, set, e))
		return -1;
	if (!in->name[strspn(in->name, " \t\r\n")])
		return err_set(e, ERR_BAD_INPUT, "name", "name: must not be empty");
	if (sodium_init() < 0)
		return err_set(e, ERR_INTERNAL, "", "libsodium cannot start");
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	int64_t unit = in->unit_id, min = in->min_group;
	if (set & COH_UNIT) {
		if (unit_must_exist(db, unit, "unit_id", e))
			goto out;
	} else if (root_unit(db, &unit, e)) {
		goto out;
	}
	if ((set & COH_TRAINER) && person_must_exist(db, in->trainer_id, "trainer_id", e))
		goto out;
	if (!(set & COH_MIN) && assess_min_group(db, &min, e))
		goto out;
	/* 31^8 codes: a collision is rare, and retried */
	for (int tries = 0;; tries++) {
		for (int i = 0; i < COHORT_CODE_LEN; i++)
			code[i] = code_alphabet[randombytes_uniform(sizeof code_alphabet - 1)];
		code[COHORT_CODE_LEN] = '\0';
		struct stmt *st = db_prepare(db, "SELECT count(*) FROM cohort WHERE code = :code", e);
		int64_t n = 0;
		if (!st)
			goto out;
		db_bind_text(st, ":code", code);
		if (db_one_int(st, &n, e) < 0)
			goto out;
		if (!n)
			break;
		if (tries > 20) {
			err_set(e, ERR_INTERNAL, "code", "no free join code found");
			goto out;
		}
	}
	char today[11];
	date_format(date_today(), today);
	struct stmt *st = db_prepare(db,
		"INSERT INTO cohort (name, code, unit_id, trainer_id, min_group, open, created) "
		"VALUES (:name, :code, :unit, :trainer, :min, 1, :created) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_text(st, ":name", in->name);
	db_bind_text(st, ":code", code);
	db_bind_int(st, ":unit", unit);
	db_bind_id(st, ":trainer", (set & COH_TRAINER) ? in->trainer_id : 0);
	db_bind_int(st, ":min", min);
	db_bind_text(st, ":created", today);
	if (db_one_int(st, id, e) == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

#define COHORT_SELECT                                                                      \
	"SELECT c.id, c.name, c.code, c.unit_id, u.name, c.trainer_id, t.name, c.min_group, " \
	"c.open, c.created, "                                                                 \
	"(SELECT count(*) FROM cohort_member m WHERE m.cohort_id = c.id), "                   \
	"(SELECT count(DISTINCT s.person_id) FROM assessment s WHERE s.cohort_id = c.id) "    \
	"FROM cohort c JOIN unit u ON u.id = c.unit_id LEFT JOIN person t ON t.id = c.trainer_id "

static void cohort_row(struct stmt *st, struct arena *a, void *item)
{
	struct cohort *c = item;
	c->id = db_col_int(st, 0);
	c->name = arena_strdup(a, db_col_text(st, 1));
	c->code = arena_strdup(a, db_col_text(st, 2));
	c->unit_id = db_col_int(st, 3);
	c->unit_name = arena_strdup(a, db_col_text(st, 4));
	c->trainer_id = db_col_int(st, 5);
	c->trainer_name = arena_strdup(a, db_col_text(st, 6));
	c->min_group = db_col_int(st, 7);
	c->open = db_col_int(st, 8) != 0;
	c->created = arena_strdup(a, db_col_text(st, 9));
	c->joined = db_col_int(st, 10);
	c->answered = db_col_int(st, 11);
}

int cohort_get(struct db *db, struct arena *a, int64_t id, struct cohort *out, struct err *e)
{
	struct stmt *st = db_prepare(db, COHORT_SELECT "WHERE c.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		cohort_row(st, a, out);
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no cohort with id %lld", (long long)id);
	return rc < 0 ? -1 : 0;
}

int cohort_list(struct db *db, struct arena *a, const struct cohort_filter *f, unsigned fset,
		struct cohort **out, size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE COHORT_SELECT
		"WHERE :all = 1 OR c.unit_id IN (SELECT id FROM subtree) "
		"ORDER BY c.open DESC, c.created DESC, c.id DESC", e);
	if (!st)
		return -1;
	db_bind_int(st, ":all", !(fset & COHF_UNIT));
	db_bind_int(st, ":unit", (fset & COHF_UNIT) ? f->unit_id : 0);
	return db_collect(st, a, sizeof **out, cohort_row, (void **)out, n, e);
}

/* open into *open, or 404 */
static int cohort_open(struct db *db, int64_t id, int64_t *open, struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT open FROM cohort WHERE id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_one_int(st, open, e);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no cohort with id %lld", (long long)id);
	return rc < 0 ? -1 : 0;
}

int cohort_close(struct db *db, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int64_t open = 0;
	int rc = cohort_open(db, id, &open, e);
	if (rc == 0 && !open)
		rc = err_set(e, ERR_CONFLICT, "id", "cohort %lld is closed already", (long long)id);
	if (rc == 0)
		rc = db_run_id(db, "UPDATE cohort SET open = 0 WHERE id = :id", id, e) < 0 ? -1 : 0;
	return db_end(db, rc, e);
}

int cohort_rm(struct db *db, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int64_t open = 0;
	int rc = cohort_open(db, id, &open, e);
	/* the assessments stay, for no cohort (the schema's ON DELETE SET NULL
	 * would do it too; said here for SQLite without foreign keys) */
	if (rc == 0)
		rc = db_run_id(db, "UPDATE assessment SET cohort_id = NULL WHERE cohort_id = :id",
			       id, e) < 0 ? -1 : 0;
	if (rc == 0)
		rc = db_run_id(db, "DELETE FROM cohort_member WHERE cohort_id = :id", id, e) < 0
			? -1 : 0;
	if (rc == 0)
		rc = db_run_id(db, "DELETE FROM cohort WHERE id = :id", id, e) < 0 ? -1 : 0;
	return db_end(db, rc, e);
}

int cohort_by_code(struct db *db, const char *code, int64_t *id, struct err *e)
{
	char c[COHORT_CODE_LEN + 1];
	code_norm(code, c);
	*id = 0;
	if (!c[0])
		return err_set(e, ERR_NOT_FOUND, "code", "code: no workshop has this join code");
	struct stmt *st = db_prepare(db, "SELECT id, open FROM cohort WHERE code = :code", e);
	if (!st)
		return -1;
	db_bind_text(st, ":code", c);
	int rc = db_step(st, e);
	int64_t open = 0;
	if (rc == 1) {
		*id = db_col_int(st, 0);
		open = db_col_int(st, 1);
	}
	db_done(st);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "code", "code: no workshop has this join code");
	if (!open)
		return err_set(e, ERR_CONFLICT, "code",
			       "code: this workshop is closed: it takes no one new");
	return 0;
}

static int add_member(struct db *db, int64_t cohort, int64_t person, struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT count(*) FROM cohort_member "
				     "WHERE cohort_id = :c AND person_id = :p", e);
	int64_t n = 0;
	if (!st)
		return -1;
	db_bind_int(st, ":c", cohort);
	db_bind_int(st, ":p", person);
	if (db_one_int(st, &n, e) < 0)
		return -1;
	if (n)
		return err_set(e, ERR_CONFLICT, "person_id",
			       "person_id: person %lld has joined cohort %lld already",
			       (long long)person, (long long)cohort);
	char today[11];
	date_format(date_today(), today);
	st = db_prepare(db, "INSERT INTO cohort_member (cohort_id, person_id, joined) "
			"VALUES (:c, :p, :day)", e);
	if (!st)
		return -1;
	db_bind_int(st, ":c", cohort);
	db_bind_int(st, ":p", person);
	db_bind_text(st, ":day", today);
	int rc = db_step(st, e);
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int cohort_join(struct db *db, const char *code, int64_t person_id, int64_t *cohort_id,
		struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = cohort_by_code(db, code, cohort_id, e);
	if (rc == 0)
		rc = person_must_exist(db, person_id, "person_id", e);
	if (rc == 0)
		rc = add_member(db, *cohort_id, person_id, e);
	return db_end(db, rc, e);
}

int cohort_join_new(struct db *db, const struct join_input *in, unsigned set,
		    int64_t *person_id, int64_t *cohort_id, struct err *e)
{
	if (fields_require(join_fields, set, e))
		return -1;
	if (!in->name[strspn(in->name, " \t\r\n")])
		return err_set(e, ERR_BAD_INPUT, "name", "name: must not be empty");
	if (strlen(in->password) < PASSWORD_MIN)
		return err_set(e, ERR_BAD_INPUT, "password",
			       "password: must be at least %d characters", PASSWORD_MIN);
	if (db_begin(db, e))
		return -1;
	int rc = cohort_by_code(db, in->code, cohort_id, e);
	int64_t unit = 0;
	if (rc == 0) {
		struct stmt *st = db_prepare(db, "SELECT unit_id FROM cohort WHERE id = :id", e);
		if (!st)
			rc = -1;
		else {
			db_bind_int(st, ":id", *cohort_id);
			rc = db_one_int(st, &unit, e) == 1 ? 0 : -1;
		}
	}
	if (rc == 0) {
		struct person_input p = {.name = in->name, .email = in->email, .unit_id = unit};
		rc = person_add(db, &p, PERSON_NAME | PERSON_EMAIL | PERSON_UNIT, person_id, e);
		if (rc && e->status == ERR_CONFLICT && strcmp(e->field, "email") == 0) {
			/* someone's already: say no more than that (the code is
			 * shared in a room, the people behind emails are not) */
			err_clear(e);
			rc = err_set(e, ERR_CONFLICT, "email", "email: is taken: sign in instead");
		}
	}
	if (rc == 0) {
		struct account_input acc = {.person_id = *person_id, .role = "member",
					    .password = in->password};
		int64_t account;
		rc = account_add(db, &acc, ACC_PERSON | ACC_ROLE | ACC_PASSWORD, &account, NULL, e);
		if (rc && e->status == ERR_CONFLICT && strcmp(e->field, "login") == 0) {
			/* the email is some account's login already */
			err_clear(e);
			rc = err_set(e, ERR_CONFLICT, "email", "email: is taken: sign in instead");
		}
	}
	if (rc == 0)
		rc = add_member(db, *cohort_id, *person_id, e);
	return db_end(db, rc, e);
}

json_t *cohort_json(const struct cohort *c)
{
	char shown[COHORT_CODE_LEN + 2];
	cohort_code_show(c->code, shown);
	json_t *o = json_object();
	json_set_int(o, "id", c->id);
	json_set_str(o, "name", c->name);
	json_set_str(o, "code", shown);
	json_set_int(o, "unit_id", c->unit_id);
	json_set_str(o, "unit_name", c->unit_name);
	json_set_id(o, "trainer_id", c->trainer_id);
	json_set_str(o, "trainer_name", c->trainer_name);
	json_set_int(o, "min_group", c->min_group);
	json_object_set_new(o, "open", json_boolean(c->open));
	json_set_str(o, "created", c->created);
	json_set_int(o, "joined", c->joined);
	json_set_int(o, "answered", c->answered);
	return o;
}
