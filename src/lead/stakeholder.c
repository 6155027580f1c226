/* stakeholder: see stakeholder.h. */
#include "lead/stakeholder.h"

#include "base/json.h"
#include "org/person.h"

static const char *const stakeholder_kinds[] = {"customer", "supplier", "partner",
						"official", "board",    "other", NULL};

const struct field stakeholder_fields[] = {
	{.name = "name", .type = FT_TEXT, .offset = offsetof(struct stakeholder_input, name),
	 .bit = SH_NAME, .max = 200, .required = 1, .help = "the stakeholder's name"},
	{.name = "kind", .type = FT_ENUM, .offset = offsetof(struct stakeholder_input, kind),
	 .bit = SH_KIND, .choices = stakeholder_kinds, .required = 1,
	 .help = "customer, supplier, partner, official, board or other"},
	{.name = "owner_id", .type = FT_ID, .offset = offsetof(struct stakeholder_input, owner_id),
	 .bit = SH_OWNER, .nullable = 1, .help = "the person who owns the relationship"},
	{.name = "note", .type = FT_TEXT, .offset = offsetof(struct stakeholder_input, note),
	 .bit = SH_NOTE, .max = 2000, .help = "a note"},
	{0},
};

const struct field stakeholder_filter_fields[] = {
	{.name = "kind", .type = FT_ENUM, .offset = offsetof(struct stakeholder_filter, kind),
	 .bit = SHF_KIND, .choices = stakeholder_kinds, .help = "only this kind"},
	{.name = "owner_id", .type = FT_ID, .offset = offsetof(struct stakeholder_filter, owner_id),
	 .bit = SHF_OWNER, .help = "only those this person owns"},
	{0},
};

int stakeholder_must_exist(struct db *db, int64_t id, const char *field, struct err *e)
{
	int rc = db_run_id(db, "SELECT 1 FROM stakeholder WHERE id = :id", id, e);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, field, "%s: no stakeholder with id %lld", field,
			       (long long)id);
	return 0;
}

static int check_name(const struct stakeholder_input *in, unsigned set, struct err *e)
{
	if ((set & SH_NAME) && in->name[0] == '\0')
		return err_set(e, ERR_BAD_INPUT, "name", "name: must not be empty");
	return 0;
}

int stakeholder_add(struct db *db, const struct stakeholder_input *in, unsigned set,
		    int64_t *id, struct err *e)
{
	if (fields_require(stakeholder_fields, set, e) || check_name(in, set, e))
		return -1;
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if ((set & SH_OWNER) && in->owner_id && person_must_exist(db, in->owner_id, "owner_id", e))
		goto out;
	struct stmt *st = db_prepare(db,
		"INSERT INTO stakeholder (name, kind, owner_id, note) "
		"VALUES (:name, :kind, :owner, :note) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_text(st, ":name", in->name);
	db_bind_text(st, ":kind", in->kind);
	db_bind_id(st, ":owner", (set & SH_OWNER) ? in->owner_id : 0);
	db_bind_text(st, ":note", (set & SH_NOTE) ? in->note : "");
	if (db_one_int(st, id, e) == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

#define SH_SELECT                                                              \
	"SELECT s.id, s.name, s.kind, s.owner_id, s.note, p.name FROM stakeholder s " \
	"LEFT JOIN person p ON p.id = s.owner_id "

static void sh_row(struct stmt *st, struct arena *a, void *item)
{
	struct stakeholder *s = item;
	s->id = db_col_int(st, 0);
	s->name = arena_strdup(a, db_col_text(st, 1));
	s->kind = arena_strdup(a, db_col_text(st, 2));
	s->owner_id = db_col_int(st, 3);
	s->note = arena_strdup(a, db_col_text(st, 4));
	s->owner = arena_strdup(a, db_col_text(st, 5));
}

int stakeholder_get(struct db *db, struct arena *a, int64_t id, struct stakeholder *s,
		    struct err *e)
{
	struct stmt *st = db_prepare(db, SH_SELECT "WHERE s.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		sh_row(st, a, s);
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no stakeholder with id %lld",
			       (long long)id);
	return rc < 0 ? -1 : 0;
}

int stakeholder_list(struct db *db, struct arena *a, const struct stakeholder_filter *f,
		     unsigned fset, struct stakeholder **out, size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, SH_SELECT
		"WHERE (:all_kinds = 1 OR s.kind = :kind) "
		"AND (:all_owners = 1 OR s.owner_id = :owner) ORDER BY s.name, s.id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":all_kinds", !(fset & SHF_KIND));
	db_bind_text(st, ":kind", (fset & SHF_KIND) ? f->kind : "");
	db_bind_int(st, ":all_owners", !(fset & SHF_OWNER));
	db_bind_int(st, ":owner", (fset & SHF_OWNER) ? f->owner_id : 0);
	return db_collect(st, a, sizeof **out, sh_row, (void **)out, n, e);
}

int stakeholder_set(struct db *db, int64_t id, const struct stakeholder_input *in,
		    unsigned set, struct err *e)
{
	if (check_name(in, set, e))
		return -1;
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (stakeholder_must_exist(db, id, "id", e))
		goto out;
	if ((set & SH_OWNER) && in->owner_id && person_must_exist(db, in->owner_id, "owner_id", e))
		goto out;
	struct stmt *st = db_prepare(db,
		"UPDATE stakeholder SET "
		"name = CASE WHEN :set_name = 1 THEN :name ELSE name END, "
		"kind = CASE WHEN :set_kind = 1 THEN :kind ELSE kind END, "
		"owner_id = CASE WHEN :set_owner = 1 THEN :owner ELSE owner_id END, "
		"note = CASE WHEN :set_note = 1 THEN :note ELSE note END WHERE id = :id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":set_name", !!(set & SH_NAME));
	db_bind_text(st, ":name", (set & SH_NAME) ? in->name : "");
	db_bind_int(st, ":set_kind", !!(set & SH_KIND));
	db_bind_text(st, ":kind", (set & SH_KIND) ? in->kind : "other");
	db_bind_int(st, ":set_owner", !!(set & SH_OWNER));
	db_bind_id(st, ":owner", (set & SH_OWNER) ? in->owner_id : 0);
	db_bind_int(st, ":set_note", !!(set & SH_NOTE));
	db_bind_text(st, ":note", (set & SH_NOTE) ? in->note : "");
	db_bind_int(st, ":id", id);
	if (db_step(st, e) >= 0)
		rc = 0;
	db_done(st);
out:
	return db_end(db, rc, e);
}

int stakeholder_rm(struct db *db, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (stakeholder_must_exist(db, id, "id", e))
		goto out;
	int used = db_run_id(db, "SELECT 1 FROM comm_recipient WHERE stakeholder_id = :id", id, e);
	if (used == 1)
		err_set(e, ERR_CONFLICT, "id",
			"stakeholder %lld received a communication: it stays on record",
			(long long)id);
	if (used != 0)
		goto out;
	if (db_run_id(db, "DELETE FROM comm_audience WHERE kind = 'stakeholder' AND ref_id = :id",
		      id, e) < 0)
		goto out;
	if (db_run_id(db, "DELETE FROM stakeholder WHERE id = :id", id, e) == 0)
		rc = 0;
out:
	return db_end(db, rc, e);
}

json_t *stakeholder_json(const struct stakeholder *s)
{
	json_t *o = json_object();
	json_set_int(o, "id", s->id);
	json_set_str(o, "name", s->name);
	json_set_str(o, "kind", s->kind);
	json_set_id(o, "owner_id", s->owner_id);
	json_set_str(o, "owner", s->owner);
	json_set_str(o, "note", s->note);
	return o;
}
