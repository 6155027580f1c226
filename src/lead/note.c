/* note: see note.h. */
#include "lead/note.h"

#include "base/date.h"
#include "base/json.h"
#include "org/person.h"

const char *const note_kinds[] = {"coaching", "feedback", NULL};

#define NOTE_REST                                                                          \
	{.name = "about_id", .type = FT_ID, .offset = offsetof(struct note_input, about_id),  \
	 .bit = NOTE_ABOUT, .required = 1,                                                 \
	 .help = "the other person: your manager or one of your reports"},                 \
	{.name = "kind", .type = FT_ENUM, .offset = offsetof(struct note_input, kind),        \
	 .bit = NOTE_KIND, .choices = note_kinds, .help = "coaching (default) or feedback"}, \
	{.name = "body", .type = FT_TEXT, .offset = offsetof(struct note_input, body),        \
	 .bit = NOTE_BODY, .max = 10000, .required = 1, .arg = 1, .help = "the note"},     \
	{.name = "day", .type = FT_DATE, .offset = offsetof(struct note_input, day),          \
	 .bit = NOTE_DAY, .help = "its day (default today)"}

const struct field note_fields[] = {
	NOTE_REST,
	{0},
};

const struct field note_cli_fields[] = {
	{.name = "author_id", .type = FT_ID, .offset = offsetof(struct note_input, author_id),
	 .bit = NOTE_AUTHOR, .required = 1, .help = "who writes it"},
	NOTE_REST,
	{0},
};

const struct field note_filter_fields[] = {
	{.name = "person_id", .type = FT_ID, .offset = offsetof(struct note_filter, person_id),
	 .bit = NOTF_PERSON, .help = "the notes this person wrote or that are about them"},
	{.name = "with_id", .type = FT_ID, .offset = offsetof(struct note_filter, with_id),
	 .bit = NOTF_WITH, .help = "only those with this other person"},
	{0},
};

static int not_found(struct err *e, int64_t id)
{
	return err_set(e, ERR_NOT_FOUND, "id", "no note with id %lld", (long long)id);
}

/* 1 if a manages b or b manages a, now. */
static int is_pair(struct db *db, int64_t a, int64_t b, int *pair, struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT count(*) FROM person "
				     "WHERE (id = :a AND manager_id = :b) OR "
				     "(id = :b AND manager_id = :a)", e);
	if (!st)
		return -1;
	db_bind_int(st, ":a", a);
	db_bind_int(st, ":b", b);
	int64_t n = 0;
	if (db_one_int(st, &n, e) < 0)
		return -1;
	*pair = n > 0;
	return 0;
}

int note_add(struct db *db, const struct note_input *in, unsigned set, int64_t *id,
	     struct err *e)
{
	if (!(set & NOTE_AUTHOR) || !in->author_id)
		return err_set(e, ERR_BAD_INPUT, "author_id", "author_id: is required");
	if (fields_require(note_fields, set, e))
		return -1;
	const char *p = in->body;
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	if (!*p)
		return err_set(e, ERR_BAD_INPUT, "body", "body: must not be empty");
	if (in->author_id == in->about_id)
		return err_set(e, ERR_BAD_INPUT, "about_id",
			       "about_id: a note is between two people, not about oneself");
	char today[11];
	date_format(date_today(), today);
	if (db_begin(db, e))
		return -1;
	int rc = -1, pair = 0;
	if (person_must_exist(db, in->author_id, "author_id", e) ||
	    person_must_exist(db, in->about_id, "about_id", e) ||
	    is_pair(db, in->author_id, in->about_id, &pair, e))
		goto out;
	if (!pair) {
		err_set(e, ERR_FORBIDDEN, "about_id", "about_id: person %lld is neither the "
			"manager nor a direct report of person %lld: coaching notes are between "
			"a person and their manager", (long long)in->about_id,
			(long long)in->author_id);
		goto out;
	}
	struct stmt *st = db_prepare(db,
		"INSERT INTO coaching_note (author_id, about_id, kind, body, day) "
		"VALUES (:author, :about, :kind, :body, :day) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":author", in->author_id);
	db_bind_int(st, ":about", in->about_id);
	db_bind_text(st, ":kind", (set & NOTE_KIND) && in->kind ? in->kind : "coaching");
	db_bind_text(st, ":body", in->body);
	db_bind_text(st, ":day", (set & NOTE_DAY) && in->day ? in->day : today);
	if (db_one_int(st, id, e) == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

#define NOTE_SELECT                                                                   \
	"SELECT n.id, n.author_id, a.name, n.about_id, b.name, n.kind, n.body, n.day "  \
	"FROM coaching_note n JOIN person a ON a.id = n.author_id "                     \
	"JOIN person b ON b.id = n.about_id "

static void note_row(struct stmt *st, struct arena *a, void *item)
{
	struct coaching_note *n = item;
	n->id = db_col_int(st, 0);
	n->author_id = db_col_int(st, 1);
	n->author = arena_strdup(a, db_col_text(st, 2));
	n->about_id = db_col_int(st, 3);
	n->about = arena_strdup(a, db_col_text(st, 4));
	n->kind = arena_strdup(a, db_col_text(st, 5));
	n->body = arena_strdup(a, db_col_text(st, 6));
	n->day = arena_strdup(a, db_col_text(st, 7));
}

int note_get(struct db *db, struct arena *a, int64_t id, int64_t party,
	     struct coaching_note *n, struct err *e)
{
	struct stmt *st = db_prepare(db, NOTE_SELECT "WHERE n.id = :id AND "
				     "(n.author_id = :party OR n.about_id = :party)", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	db_bind_int(st, ":party", party);
	int rc = db_step(st, e);
	if (rc == 1)
		note_row(st, a, n);
	db_done(st);
	if (rc == 0)
		return not_found(e, id);
	return rc < 0 ? -1 : 0;
}

int note_list(struct db *db, struct arena *a, const struct note_filter *f, unsigned fset,
	      struct coaching_note **out, size_t *n, struct err *e)
{
	*out = NULL;
	*n = 0;
	if (!(fset & NOTF_PERSON) || !f->person_id)
		return err_set(e, ERR_BAD_INPUT, "person_id",
			       "person_id: whose notes? (the notes a person is party to)");
	struct stmt *st = db_prepare(db, NOTE_SELECT
		"WHERE (n.author_id = :party OR n.about_id = :party) AND (:all = 1 OR "
		"(n.author_id = :with AND n.about_id = :party) OR "
		"(n.about_id = :with AND n.author_id = :party)) "
		"ORDER BY n.day DESC, n.id DESC", e);
	if (!st)
		return -1;
	db_bind_int(st, ":party", f->person_id);
	db_bind_int(st, ":all", !(fset & NOTF_WITH));
	db_bind_int(st, ":with", (fset & NOTF_WITH) ? f->with_id : 0);
	return db_collect(st, a, sizeof **out, note_row, (void **)out, n, e);
}

int note_rm(struct db *db, int64_t id, int64_t author, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	struct stmt *st = db_prepare(db, "SELECT author_id FROM coaching_note WHERE id = :id "
				     "AND (author_id = :party OR about_id = :party)", e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", id);
	db_bind_int(st, ":party", author);
	int64_t by = 0;
	int r = db_one_int(st, &by, e);
	if (r == 0)
		not_found(e, id);
	if (r != 1)
		goto out;
	if (by != author) {
		err_set(e, ERR_FORBIDDEN, "id", "only the author of note %lld may remove it",
			(long long)id);
		goto out;
	}
	rc = db_run_id(db, "DELETE FROM coaching_note WHERE id = :id", id, e);
out:
	return db_end(db, rc, e);
}

static void peer_row(struct stmt *st, struct arena *a, void *item)
{
	struct note_peer *p = item;
	p->id = db_col_int(st, 0);
	p->name = arena_strdup(a, db_col_text(st, 1));
	p->is_manager = db_col_int(st, 2) != 0;
}

int note_peers(struct db *db, struct arena *a, int64_t party, struct note_peer **out,
	       size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db,
		"SELECT m.id, m.name, 1 FROM person p JOIN person m ON m.id = p.manager_id "
		"WHERE p.id = :party UNION ALL "
		"SELECT r.id, r.name, 0 FROM person r WHERE r.manager_id = :party "
		"ORDER BY 3 DESC, 2, 1", e);
	if (!st)
		return -1;
	db_bind_int(st, ":party", party);
	return db_collect(st, a, sizeof **out, peer_row, (void **)out, n, e);
}

json_t *note_json(const struct coaching_note *n)
{
	json_t *o = json_object();
	json_set_int(o, "id", n->id);
	json_set_int(o, "author_id", n->author_id);
	json_set_str(o, "author", n->author);
	json_set_int(o, "about_id", n->about_id);
	json_set_str(o, "about", n->about);
	json_set_str(o, "kind", n->kind);
	json_set_str(o, "body", n->body);
	json_set_str(o, "day", n->day);
	return o;
}
