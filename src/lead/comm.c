/* comm: see comm.h. */
#include "lead/comm.h"

#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/json.h"
#include "lead/stakeholder.h"
#include "org/person.h"
#include "org/unit.h"

const char *const comm_channels[] = {"meeting", "email", "town-hall", "one-to-one",
					    "document", NULL};
const char *const comm_ack_states[] = {"reached", "understood", "committed", "disagrees",
					 NULL};
static const char *const commitment_statuses[] = {"open", "kept", "broken", NULL};

const struct field comm_fields[] = {
	{.name = "title", .type = FT_TEXT, .offset = offsetof(struct comm_input, title),
	 .bit = COMM_TITLE, .max = 200, .required = 1, .arg = 1, .help = "the title"},
	{.name = "body", .type = FT_TEXT, .offset = offsetof(struct comm_input, body),
	 .bit = COMM_BODY, .max = 100000, .help = "the message (Markdown)"},
	{.name = "channel", .type = FT_ENUM, .offset = offsetof(struct comm_input, channel),
	 .bit = COMM_CHANNEL, .choices = comm_channels, .required = 1,
	 .help = "meeting, email, town-hall, one-to-one or document"},
	{.name = "day", .type = FT_DATE, .offset = offsetof(struct comm_input, day),
	 .bit = COMM_DAY, .required = 1, .help = "the day it is given"},
	{.name = "vision_id", .type = FT_ID, .offset = offsetof(struct comm_input, vision_id),
	 .bit = COMM_VISION, .nullable = 1, .help = "the vision it communicates"},
	{.name = "strategy_id", .type = FT_ID, .offset = offsetof(struct comm_input, strategy_id),
	 .bit = COMM_STRATEGY, .nullable = 1, .help = "the strategy it communicates"},
	{.name = "sender_id", .type = FT_ID, .offset = offsetof(struct comm_input, sender_id),
	 .bit = COMM_SENDER, .nullable = 1, .help = "the person who sends it"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct comm_input, unit_id),
	 .bit = COMM_UNIT, .help = "its unit (default: the sender's)"},
	{0},
};

const struct field comm_filter_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct comm_filter, unit_id),
	 .bit = CF_UNIT, .help = "only those of this unit and the units under it"},
	{.name = "vision_id", .type = FT_ID, .offset = offsetof(struct comm_filter, vision_id),
	 .bit = CF_VISION, .help = "only those of this vision"},
	{.name = "strategy_id", .type = FT_ID, .offset = offsetof(struct comm_filter, strategy_id),
	 .bit = CF_STRATEGY, .help = "only those of this strategy"},
	{.name = "sender_id", .type = FT_ID, .offset = offsetof(struct comm_filter, sender_id),
	 .bit = CF_SENDER, .help = "only those this person sent"},
	{0},
};

const struct field comm_audience_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct comm_audience_input, unit_id),
	 .bit = CA_UNIT, .help = "a unit: its people and those of the units under it"},
	{.name = "person_id", .type = FT_ID,
	 .offset = offsetof(struct comm_audience_input, person_id), .bit = CA_PERSON,
	 .help = "a person"},
	{.name = "stakeholder_id", .type = FT_ID,
	 .offset = offsetof(struct comm_audience_input, stakeholder_id), .bit = CA_STAKEHOLDER,
	 .help = "a stakeholder"},
	{0},
};

const struct field comm_ack_fields[] = {
	{.name = "person_id", .type = FT_ID, .offset = offsetof(struct comm_ack_input, person_id),
	 .bit = ACK_PERSON, .help = "as this recipient"},
	{.name = "stakeholder_id", .type = FT_ID,
	 .offset = offsetof(struct comm_ack_input, stakeholder_id), .bit = ACK_STAKEHOLDER,
	 .help = "for this stakeholder (its relationship owner records it)"},
	{.name = "state", .type = FT_ENUM, .offset = offsetof(struct comm_ack_input, state),
	 .bit = ACK_STATE, .choices = comm_ack_states, .required = 1,
	 .help = "reached, understood, committed or disagrees"},
	{.name = "comment", .type = FT_TEXT, .offset = offsetof(struct comm_ack_input, comment),
	 .bit = ACK_COMMENT, .max = 2000, .help = "a comment for the sender"},
	{0},
};

const struct field commitment_fields[] = {
	{.name = "text", .type = FT_TEXT, .offset = offsetof(struct commitment_input, text),
	 .bit = CM_TEXT, .max = 500, .required = 1, .help = "what was promised"},
	{.name = "due", .type = FT_DATE, .offset = offsetof(struct commitment_input, due),
	 .bit = CM_DUE, .nullable = 1, .help = "by when"},
	{0},
};

const struct field commitment_set_fields[] = {
	{.name = "status", .type = FT_ENUM, .offset = offsetof(struct commitment_input, status),
	 .bit = CM_STATUS, .choices = commitment_statuses, .help = "open, kept or broken"},
	{.name = "text", .type = FT_TEXT, .offset = offsetof(struct commitment_input, text),
	 .bit = CM_TEXT, .max = 500, .help = "what was promised"},
	{.name = "due", .type = FT_DATE, .offset = offsetof(struct commitment_input, due),
	 .bit = CM_DUE, .nullable = 1, .help = "by when"},
	{0},
};

static int must_exist(struct db *db, const char *table_sql, int64_t id, const char *field,
		      const char *what, struct err *e)
{
	int rc = db_run_id(db, table_sql, id, e);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, field, "%s: no %s with id %lld", field, what,
			       (long long)id);
	return 0;
}

/* 1 when sent, 0 when not, -1 (404 or error) when there is no such comm. */
static int comm_sent(struct db *db, int64_t id, struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT sent FROM comm WHERE id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int64_t sent = 0;
	int rc = db_one_int(st, &sent, e);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no communication with id %lld",
			       (long long)id);
	return rc < 0 ? -1 : (int)sent;
}

int comm_add(struct db *db, const struct comm_input *in, unsigned set, int64_t *id,
	     struct err *e)
{
	if (fields_require(comm_fields, set, e))
		return -1;
	if (in->title[0] == '\0')
		return err_set(e, ERR_BAD_INPUT, "title", "title: must not be empty");
	int64_t vision = (set & COMM_VISION) ? in->vision_id : 0;
	int64_t strategy = (set & COMM_STRATEGY) ? in->strategy_id : 0;
	int64_t sender = (set & COMM_SENDER) ? in->sender_id : 0;
	if (vision && strategy)
		return err_set(e, ERR_BAD_INPUT, "strategy_id",
			       "strategy_id: a communication is of the vision or of a strategy, "
			       "not both");
	if (!(set & COMM_UNIT) && !sender)
		return err_set(e, ERR_BAD_INPUT, "unit_id",
			       "unit_id: is required when there is no sender");
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	int64_t unit = (set & COMM_UNIT) ? in->unit_id : 0;
	if (vision && must_exist(db, "SELECT 1 FROM vision WHERE id = :id", vision, "vision_id",
				 "vision", e))
		goto out;
	if (strategy && must_exist(db, "SELECT 1 FROM strategy WHERE id = :id", strategy,
				   "strategy_id", "strategy", e))
		goto out;
	if (sender && person_must_exist(db, sender, "sender_id", e))
		goto out;
	if (unit && unit_must_exist(db, unit, "unit_id", e))
		goto out;
	if (!unit) {
		struct stmt *q = db_prepare(db, "SELECT unit_id FROM person WHERE id = :id", e);
		if (!q)
			goto out;
		db_bind_int(q, ":id", sender);
		if (db_one_int(q, &unit, e) != 1)
			goto out;
	}
	struct stmt *st = db_prepare(db,
		"INSERT INTO comm (title, body, channel, day, vision_id, strategy_id, sender_id, "
		"unit_id) VALUES (:title, :body, :channel, :day, :vision, :strategy, :sender, "
		":unit) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_text(st, ":title", in->title);
	db_bind_text(st, ":body", (set & COMM_BODY) ? in->body : "");
	db_bind_text(st, ":channel", in->channel);
	db_bind_text(st, ":day", in->day);
	db_bind_id(st, ":vision", vision);
	db_bind_id(st, ":strategy", strategy);
	db_bind_id(st, ":sender", sender);
	db_bind_int(st, ":unit", unit);
	if (db_one_int(st, id, e) == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

#define COMM_SELECT                                                             \
	"SELECT c.id, c.title, c.body, c.channel, c.day, c.vision_id, c.strategy_id, " \
	"c.sender_id, c.unit_id, c.sent, p.name, u.name FROM comm c "              \
	"LEFT JOIN person p ON p.id = c.sender_id JOIN unit u ON u.id = c.unit_id "

static void comm_row(struct stmt *st, struct arena *a, void *item)
{
	struct comm *c = item;
	c->id = db_col_int(st, 0);
	c->title = arena_strdup(a, db_col_text(st, 1));
	c->body = arena_strdup(a, db_col_text(st, 2));
	c->channel = arena_strdup(a, db_col_text(st, 3));
	c->day = arena_strdup(a, db_col_text(st, 4));
	c->vision_id = db_col_int(st, 5);
	c->strategy_id = db_col_int(st, 6);
	c->sender_id = db_col_int(st, 7);
	c->unit_id = db_col_int(st, 8);
	c->sent = (int)db_col_int(st, 9);
	c->sender = arena_strdup(a, db_col_text(st, 10));
	c->unit = arena_strdup(a, db_col_text(st, 11));
}

int comm_get(struct db *db, struct arena *a, int64_t id, struct comm *c, struct err *e)
{
	struct stmt *st = db_prepare(db, COMM_SELECT "WHERE c.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		comm_row(st, a, c);
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no communication with id %lld",
			       (long long)id);
	return rc < 0 ? -1 : 0;
}

int comm_list(struct db *db, struct arena *a, const struct comm_filter *f, unsigned fset,
	      struct comm **out, size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE COMM_SELECT
		"WHERE (:all_units = 1 OR c.unit_id IN (SELECT id FROM subtree)) "
		"AND (:any_vision = 1 OR c.vision_id = :vision) "
		"AND (:any_strategy = 1 OR c.strategy_id = :strategy) "
		"AND (:any_sender = 1 OR c.sender_id = :sender) ORDER BY c.day DESC, c.id DESC", e);
	if (!st)
		return -1;
	db_bind_int(st, ":all_units", !(fset & CF_UNIT));
	db_bind_int(st, ":unit", (fset & CF_UNIT) ? f->unit_id : 0);
	db_bind_int(st, ":any_vision", !(fset & CF_VISION));
	db_bind_int(st, ":vision", (fset & CF_VISION) ? f->vision_id : 0);
	db_bind_int(st, ":any_strategy", !(fset & CF_STRATEGY));
	db_bind_int(st, ":strategy", (fset & CF_STRATEGY) ? f->strategy_id : 0);
	db_bind_int(st, ":any_sender", !(fset & CF_SENDER));
	db_bind_int(st, ":sender", (fset & CF_SENDER) ? f->sender_id : 0);
	return db_collect(st, a, sizeof **out, comm_row, (void **)out, n, e);
}

int comm_rm(struct db *db, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	int sent = comm_sent(db, id, e);
	if (sent == 1)
		err_set(e, ERR_CONFLICT, "id",
			"communication %lld was sent: it stays on record", (long long)id);
	if (sent != 0)
		goto out;
	if (db_run_id(db, "DELETE FROM comm_audience WHERE comm_id = :id", id, e) == 0 &&
	    db_run_id(db, "DELETE FROM commitment WHERE comm_id = :id", id, e) == 0 &&
	    db_run_id(db, "DELETE FROM comm WHERE id = :id", id, e) == 0)
		rc = 0;
out:
	return db_end(db, rc, e);
}

json_t *comm_json(const struct comm *c)
{
	json_t *o = json_object();
	json_set_int(o, "id", c->id);
	json_set_str(o, "title", c->title);
	json_set_str(o, "body", c->body);
	json_set_str(o, "channel", c->channel);
	json_set_str(o, "day", c->day);
	json_set_id(o, "vision_id", c->vision_id);
	json_set_id(o, "strategy_id", c->strategy_id);
	json_set_id(o, "sender_id", c->sender_id);
	json_set_str(o, "sender", c->sender);
	json_set_id(o, "unit_id", c->unit_id);
	json_set_str(o, "unit", c->unit);
	json_object_set_new(o, "sent", json_boolean(c->sent));
	return o;
}

int comm_audience_add(struct db *db, int64_t comm_id, const struct comm_audience_input *in,
		      unsigned set, struct err *e)
{
	unsigned which = set & (CA_UNIT | CA_PERSON | CA_STAKEHOLDER);
	if (which == 0 || (which & (which - 1)))
		return err_set(e, ERR_BAD_INPUT, "unit_id",
			       "unit_id: give one of unit_id, person_id or stakeholder_id");
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	int sent = comm_sent(db, comm_id, e);
	if (sent == 1)
		err_set(e, ERR_CONFLICT, "id",
			"communication %lld was sent: its audience is fixed", (long long)comm_id);
	if (sent != 0)
		goto out;
	const char *kind;
	int64_t ref;
	if (which == CA_UNIT) {
		kind = "unit", ref = in->unit_id;
		if (unit_must_exist(db, ref, "unit_id", e))
			goto out;
	} else if (which == CA_PERSON) {
		kind = "person", ref = in->person_id;
		if (person_must_exist(db, ref, "person_id", e))
			goto out;
	} else {
		kind = "stakeholder", ref = in->stakeholder_id;
		if (stakeholder_must_exist(db, ref, "stakeholder_id", e))
			goto out;
	}
	struct stmt *st = db_prepare(db,
		"INSERT INTO comm_audience (comm_id, kind, ref_id) SELECT :comm, :kind, :ref "
		"WHERE NOT EXISTS (SELECT 1 FROM comm_audience WHERE comm_id = :comm "
		"AND kind = :kind AND ref_id = :ref)", e);
	if (!st)
		goto out;
	db_bind_int(st, ":comm", comm_id);
	db_bind_text(st, ":kind", kind);
	db_bind_int(st, ":ref", ref);
	if (db_step(st, e) >= 0)
		rc = 0;
	db_done(st);
out:
	return db_end(db, rc, e);
}

static void audience_row(struct stmt *st, struct arena *a, void *item)
{
	struct comm_audience *m = item;
	m->kind = arena_strdup(a, db_col_text(st, 0));
	m->ref_id = db_col_int(st, 1);
	m->name = arena_strdup(a, db_col_text(st, 2));
}

int comm_audience_list(struct db *db, struct arena *a, int64_t comm_id,
		       struct comm_audience **out, size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db,
		"SELECT m.kind, m.ref_id, coalesce(u.name, p.name, s.name) FROM comm_audience m "
		"LEFT JOIN unit u ON m.kind = 'unit' AND u.id = m.ref_id "
		"LEFT JOIN person p ON m.kind = 'person' AND p.id = m.ref_id "
		"LEFT JOIN stakeholder s ON m.kind = 'stakeholder' AND s.id = m.ref_id "
		"WHERE m.comm_id = :comm ORDER BY m.kind DESC, m.ref_id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":comm", comm_id);
	return db_collect(st, a, sizeof **out, audience_row, (void **)out, n, e);
}

int comm_send(struct db *db, int64_t comm_id, int64_t *count, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	int sent = comm_sent(db, comm_id, e);
	if (sent == 1)
		err_set(e, ERR_CONFLICT, "id", "communication %lld was sent already",
			(long long)comm_id);
	if (sent != 0)
		goto out;
	int has = db_run_id(db, "SELECT 1 FROM comm_audience WHERE comm_id = :id", comm_id, e);
	if (has == 0)
		err_set(e, ERR_BAD_INPUT, "audience",
			"communication %lld has no audience: add units, people or stakeholders "
			"first", (long long)comm_id);
	if (has != 1)
		goto out;
	/* people: named ones, and everyone in an audience unit's subtree, once;
	 * read first, then inserted (an INSERT with a recursive CTE is spelt
	 * differently by the two databases) */
	struct stmt *st = db_prepare(db,
		"WITH RECURSIVE sub(id) AS (SELECT ref_id FROM comm_audience WHERE comm_id = :comm "
		"AND kind = 'unit' UNION SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id) "
		"SELECT p.id, p.unit_id FROM person p WHERE p.unit_id IN (SELECT id FROM sub) "
		"OR p.id IN (SELECT ref_id FROM comm_audience WHERE comm_id = :comm "
		"AND kind = 'person') ORDER BY p.id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":comm", comm_id);
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	int s;
	while ((s = db_step(st, e)) == 1) {
		if (n + 2 > cap) {
			cap = cap ? 2 * cap : 64;
			int64_t *more = realloc(ids, cap * sizeof *ids);
			if (!more) {
				s = err_set(e, ERR_INTERNAL, "", "out of memory");
				break;
			}
			ids = more;
		}
		ids[n++] = db_col_int(st, 0);
		ids[n++] = db_col_int(st, 1);
	}
	db_done(st);
	for (size_t i = 0; s == 0 && i < n; i += 2) {
		st = db_prepare(db, "INSERT INTO comm_recipient (comm_id, person_id, unit_id) "
				    "VALUES (:comm, :person, :unit)", e);
		if (!st) {
			s = -1;
			break;
		}
		db_bind_int(st, ":comm", comm_id);
		db_bind_int(st, ":person", ids[i]);
		db_bind_int(st, ":unit", ids[i + 1]);
		if (db_step(st, e) < 0)
			s = -1;
		db_done(st);
	}
	free(ids);
	if (s < 0)
		goto out;
	st = db_prepare(db,
		"INSERT INTO comm_recipient (comm_id, stakeholder_id) SELECT :comm, ref_id "
		"FROM comm_audience WHERE comm_id = :comm AND kind = 'stakeholder'", e);
	if (!st)
		goto out;
	db_bind_int(st, ":comm", comm_id);
	int step = db_step(st, e);
	db_done(st);
	if (step < 0)
		goto out;
	if (db_run_id(db, "UPDATE comm SET sent = 1 WHERE id = :id", comm_id, e) < 0)
		goto out;
	st = db_prepare(db, "SELECT count(*) FROM comm_recipient WHERE comm_id = :id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", comm_id);
	if (db_one_int(st, count, e) == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

int comm_ack(struct db *db, int64_t comm_id, const struct comm_ack_input *in, unsigned set,
	     struct err *e)
{
	if (fields_require(comm_ack_fields, set, e))
		return -1;
	unsigned who = set & (ACK_PERSON | ACK_STAKEHOLDER);
	if (who == 0 || who == (ACK_PERSON | ACK_STAKEHOLDER))
		return err_set(e, ERR_BAD_INPUT, "person_id",
			       "person_id: give the person acting, or stakeholder_id");
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (comm_sent(db, comm_id, e) < 0)
		goto out;
	struct stmt *st = db_prepare(db,
		"UPDATE comm_recipient SET state = :state, comment = :comment "
		"WHERE comm_id = :comm AND (person_id = :person OR stakeholder_id = :stakeholder) "
		"RETURNING id", e);
	if (!st)
		goto out;
	db_bind_text(st, ":state", in->state);
	db_bind_text(st, ":comment", (set & ACK_COMMENT) ? in->comment : "");
	db_bind_int(st, ":comm", comm_id);
	db_bind_int(st, ":person", (who == ACK_PERSON) ? in->person_id : 0);
	db_bind_int(st, ":stakeholder", (who == ACK_STAKEHOLDER) ? in->stakeholder_id : 0);
	int64_t rid;
	int got = db_one_int(st, &rid, e);
	if (got == 0) {
		if (who == ACK_PERSON)
			err_set(e, ERR_NOT_FOUND, "person_id",
				"person_id: person %lld did not receive communication %lld",
				(long long)in->person_id, (long long)comm_id);
		else
			err_set(e, ERR_NOT_FOUND, "stakeholder_id",
				"stakeholder_id: stakeholder %lld did not receive communication %lld",
				(long long)in->stakeholder_id, (long long)comm_id);
	}
	if (got == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

static void recipient_row(struct stmt *st, struct arena *a, void *item)
{
	struct comm_recipient *r = item;
	r->id = db_col_int(st, 0);
	r->person_id = db_col_int(st, 1);
	r->stakeholder_id = db_col_int(st, 2);
	r->unit_id = db_col_int(st, 3);
	r->name = arena_strdup(a, db_col_text(st, 4));
	r->unit = arena_strdup(a, db_col_text(st, 5));
	r->state = arena_strdup(a, db_col_text(st, 6));
	r->comment = arena_strdup(a, db_col_text(st, 7));
}

int comm_recipients(struct db *db, struct arena *a, int64_t comm_id, int64_t unit_id,
		    const char *state, struct comm_recipient **out, size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE
		"SELECT r.id, r.person_id, r.stakeholder_id, r.unit_id, coalesce(p.name, s.name), "
		"u.name, r.state, r.comment FROM comm_recipient r "
		"LEFT JOIN person p ON p.id = r.person_id "
		"LEFT JOIN stakeholder s ON s.id = r.stakeholder_id "
		"LEFT JOIN unit u ON u.id = r.unit_id WHERE r.comm_id = :comm "
		"AND (:all_units = 1 OR r.unit_id IN (SELECT id FROM subtree)) "
		"AND (:any_state = 1 OR r.state = :state) ORDER BY r.id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":comm", comm_id);
	db_bind_int(st, ":all_units", unit_id == 0);
	db_bind_int(st, ":unit", unit_id);
	db_bind_int(st, ":any_state", state == NULL);
	db_bind_text(st, ":state", state ? state : "");
	return db_collect(st, a, sizeof **out, recipient_row, (void **)out, n, e);
}

json_t *comm_recipient_json(const struct comm_recipient *r)
{
	json_t *o = json_object();
	json_set_id(o, "person_id", r->person_id);
	json_set_id(o, "stakeholder_id", r->stakeholder_id);
	json_set_str(o, "name", r->name);
	json_set_id(o, "unit_id", r->unit_id);
	json_set_str(o, "unit", r->unit);
	json_set_str(o, "state", r->state);
	json_set_str(o, "comment", r->comment);
	return o;
}

int comm_coverage_of(struct db *db, int64_t comm_id, int64_t vision_id,
		     int64_t strategy_id, int64_t unit_id, struct coverage *out,
		     struct err *e)
{
	memset(out, 0, sizeof *out);
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE
		"SELECT count(*), "
		"coalesce(sum(CASE WHEN r.state = 'sent' THEN 1 ELSE 0 END), 0), "
		"coalesce(sum(CASE WHEN r.state = 'reached' THEN 1 ELSE 0 END), 0), "
		"coalesce(sum(CASE WHEN r.state = 'understood' THEN 1 ELSE 0 END), 0), "
		"coalesce(sum(CASE WHEN r.state = 'committed' THEN 1 ELSE 0 END), 0), "
		"coalesce(sum(CASE WHEN r.state = 'disagrees' THEN 1 ELSE 0 END), 0) "
		"FROM comm_recipient r JOIN comm c ON c.id = r.comm_id WHERE c.sent = 1 "
		"AND (:all_comms = 1 OR r.comm_id = :comm) "
		"AND (:any_vision = 1 OR c.vision_id = :vision) "
		"AND (:any_strategy = 1 OR c.strategy_id = :strategy) "
		"AND (:all_units = 1 OR r.unit_id IN (SELECT id FROM subtree))", e);
	if (!st)
		return -1;
	db_bind_int(st, ":all_comms", comm_id == 0);
	db_bind_int(st, ":comm", comm_id);
	db_bind_int(st, ":any_vision", vision_id == 0);
	db_bind_int(st, ":vision", vision_id);
	db_bind_int(st, ":any_strategy", strategy_id == 0);
	db_bind_int(st, ":strategy", strategy_id);
	db_bind_int(st, ":all_units", unit_id == 0);
	db_bind_int(st, ":unit", unit_id);
	int rc = db_step(st, e);
	if (rc == 1) {
		out->total = db_col_int(st, 0);
		out->sent = db_col_int(st, 1);
		out->reached = db_col_int(st, 2);
		out->understood = db_col_int(st, 3);
		out->committed = db_col_int(st, 4);
		out->disagrees = db_col_int(st, 5);
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int comm_coverage(struct db *db, int64_t comm_id, int64_t unit_id, struct coverage *out,
		  struct err *e)
{
	return comm_coverage_of(db, comm_id, 0, 0, unit_id, out, e);
}

json_t *coverage_json(const struct coverage *c)
{
	json_t *o = json_object();
	json_set_int(o, "total", c->total);
	json_set_int(o, "sent", c->sent);
	json_set_int(o, "reached", c->reached);
	json_set_int(o, "understood", c->understood);
	json_set_int(o, "committed", c->committed);
	json_set_int(o, "disagrees", c->disagrees);
	return o;
}

int commitment_add(struct db *db, int64_t comm_id, const struct commitment_input *in,
		   unsigned set, int64_t *id, struct err *e)
{
	if (fields_require(commitment_fields, set, e))
		return -1;
	if (in->text[0] == '\0')
		return err_set(e, ERR_BAD_INPUT, "text", "text: must not be empty");
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (comm_sent(db, comm_id, e) < 0)
		goto out;
	struct stmt *st = db_prepare(db, "INSERT INTO commitment (comm_id, text, due) "
					 "VALUES (:comm, :text, :due) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":comm", comm_id);
	db_bind_text(st, ":text", in->text);
	db_bind_text(st, ":due", (set & CM_DUE) ? in->due : NULL);
	if (db_one_int(st, id, e) == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

int commitment_set(struct db *db, int64_t id, const struct commitment_input *in,
		   unsigned set, const char *today, struct err *e)
{
	if (!(set & (CM_STATUS | CM_TEXT | CM_DUE)))
		return err_set(e, ERR_BAD_INPUT, "status", "status: give --status, --text or --due");
	if ((set & CM_TEXT) && in->text[0] == '\0')
		return err_set(e, ERR_BAD_INPUT, "text", "text: must not be empty");
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (must_exist(db, "SELECT 1 FROM commitment WHERE id = :id", id, "id", "commitment", e))
		goto out;
	int closing = (set & CM_STATUS) && strcmp(in->status, "open") != 0;
	struct stmt *st = db_prepare(db,
		"UPDATE commitment SET "
		"status = CASE WHEN :set_status = 1 THEN :status ELSE status END, "
		"closed = CASE WHEN :set_status = 1 THEN :closed ELSE closed END, "
		"text = CASE WHEN :set_text = 1 THEN :text ELSE text END, "
		"due = CASE WHEN :set_due = 1 THEN :due ELSE due END WHERE id = :id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":set_status", !!(set & CM_STATUS));
	db_bind_text(st, ":status", (set & CM_STATUS) ? in->status : "open");
	db_bind_text(st, ":closed", closing ? today : NULL);
	db_bind_int(st, ":set_text", !!(set & CM_TEXT));
	db_bind_text(st, ":text", (set & CM_TEXT) ? in->text : "");
	db_bind_int(st, ":set_due", !!(set & CM_DUE));
	db_bind_text(st, ":due", (set & CM_DUE) ? in->due : NULL);
	db_bind_int(st, ":id", id);
	if (db_step(st, e) >= 0)
		rc = 0;
	db_done(st);
out:
	return db_end(db, rc, e);
}

#define CM_SELECT "SELECT id, comm_id, text, due, status, closed FROM commitment "

static void commitment_row(struct stmt *st, struct arena *a, void *item)
{
	struct commitment *c = item;
	c->id = db_col_int(st, 0);
	c->comm_id = db_col_int(st, 1);
	c->text = arena_strdup(a, db_col_text(st, 2));
	c->due = arena_strdup(a, db_col_text(st, 3));
	c->status = arena_strdup(a, db_col_text(st, 4));
	c->closed = arena_strdup(a, db_col_text(st, 5));
}

int commitment_get(struct db *db, struct arena *a, int64_t id, struct commitment *c,
		   struct err *e)
{
	struct stmt *st = db_prepare(db, CM_SELECT "WHERE id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		commitment_row(st, a, c);
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no commitment with id %lld",
			       (long long)id);
	return rc < 0 ? -1 : 0;
}

int commitment_list(struct db *db, struct arena *a, int64_t comm_id,
		    struct commitment **out, size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, CM_SELECT "WHERE comm_id = :comm ORDER BY id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":comm", comm_id);
	return db_collect(st, a, sizeof **out, commitment_row, (void **)out, n, e);
}

json_t *commitment_json(const struct commitment *c)
{
	json_t *o = json_object();
	json_set_int(o, "id", c->id);
	json_set_int(o, "comm_id", c->comm_id);
	json_set_str(o, "text", c->text);
	json_set_str(o, "due", c->due);
	json_set_str(o, "status", c->status);
	json_set_str(o, "closed", c->closed);
	return o;
}

int comm_sayd(struct db *db, int64_t sender_id, const char *today, struct sayd *out,
	      struct err *e)
{
	memset(out, 0, sizeof *out);
	struct stmt *st = db_prepare(db,
		"SELECT coalesce(sum(CASE WHEN k.status = 'kept' THEN 1 ELSE 0 END), 0), "
		"coalesce(sum(CASE WHEN k.status = 'broken' THEN 1 ELSE 0 END), 0), "
		"coalesce(sum(CASE WHEN k.status = 'open' THEN 1 ELSE 0 END), 0), "
		"coalesce(sum(CASE WHEN k.status = 'open' AND k.due < :today THEN 1 ELSE 0 END), 0) "
		"FROM commitment k JOIN comm c ON c.id = k.comm_id WHERE c.sender_id = :sender", e);
	if (!st)
		return -1;
	db_bind_text(st, ":today", today);
	db_bind_int(st, ":sender", sender_id);
	int rc = db_step(st, e);
	if (rc == 1) {
		out->kept = db_col_int(st, 0);
		out->broken = db_col_int(st, 1);
		out->open = db_col_int(st, 2);
		out->overdue = db_col_int(st, 3);
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int sayd_percent(const struct sayd *s)
{
	int64_t closed = s->kept + s->broken;
	if (closed == 0)
		return -1;
	return (int)((s->kept * 100 + closed / 2) / closed);
}

json_t *sayd_json(const struct sayd *s)
{
	json_t *o = json_object();
	json_set_int(o, "kept", s->kept);
	json_set_int(o, "broken", s->broken);
	json_set_int(o, "open", s->open);
	json_set_int(o, "overdue", s->overdue);
	int p = sayd_percent(s);
	if (p < 0)
		json_object_set_new(o, "say_do_percent", json_null());
	else
		json_set_int(o, "say_do_percent", p);
	return o;
}

static void received_row(struct stmt *st, struct arena *a, void *item)
{
	struct comm_received *r = item;
	r->comm_id = db_col_int(st, 0);
	r->title = arena_strdup(a, db_col_text(st, 1));
	r->day = arena_strdup(a, db_col_text(st, 2));
	r->state = arena_strdup(a, db_col_text(st, 3));
}

int comm_inbox(struct db *db, struct arena *a, int64_t person_id, struct comm_received **out,
	       size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db,
		"SELECT c.id, c.title, c.day, r.state FROM comm_recipient r "
		"JOIN comm c ON c.id = r.comm_id WHERE r.person_id = :person "
		"ORDER BY c.day DESC, c.id DESC", e);
	if (!st)
		return -1;
	db_bind_int(st, ":person", person_id);
	return db_collect(st, a, sizeof **out, received_row, (void **)out, n, e);
}

int comm_state_of(struct db *db, struct arena *a, int64_t comm_id, int64_t person_id,
		  const char **state, const char **comment, struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT state, comment FROM comm_recipient "
					 "WHERE comm_id = :comm AND person_id = :person", e);
	if (!st)
		return -1;
	db_bind_int(st, ":comm", comm_id);
	db_bind_int(st, ":person", person_id);
	int rc = db_step(st, e);
	if (rc == 1) {
		*state = arena_strdup(a, db_col_text(st, 0));
		*comment = arena_strdup(a, db_col_text(st, 1));
	}
	db_done(st);
	return rc;
}

/* --- the demo ------------------------------------------------------------------ */

/* One integer from sql with its text parameter :v (0 for no row or null). */
static int64_t demo_int(struct db *db, const char *sql, const char *v, struct err *e)
{
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	db_bind_text(st, ":v", v);
	int rc = db_step(st, e);
	int64_t out = rc == 1 ? db_col_int(st, 0) : 0;
	db_done(st);
	return rc < 0 ? -1 : out;
}

static int demo_day(const char *today, int delta, char out[11])
{
	int32_t d;
	if (date_parse(today, &d))
		return -1;
	date_format(d + delta, out);
	return 0;
}

/* Sets each recipient's state by its rank, from a fixed pattern: of six,
 * two commit, one understands, two have read it, one is not reached. */
static int demo_states(struct db *db, int64_t comm_id, const int64_t *dissent, size_t nd,
		       const char *const *why, struct err *e)
{
	static const char *const pattern[] = {"committed", "reached", "understood",
					      "committed", "reached", "sent"};
	struct arena a = ARENA_INIT;
	struct comm_recipient *r;
	size_t n;
	int rc = comm_recipients(db, &a, comm_id, 0, NULL, &r, &n, e);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		struct comm_ack_input in = {.state = pattern[i % 6]};
		unsigned set = ACK_STATE;
		for (size_t k = 0; k < nd; k++)
			if (dissent[k] == (int64_t)i) {
				in.state = "disagrees";
				in.comment = why[k];
				set |= ACK_COMMENT;
			}
		if (strcmp(in.state, "sent") == 0)
			continue;
		if (r[i].person_id)
			in.person_id = r[i].person_id, set |= ACK_PERSON;
		else
			in.stakeholder_id = r[i].stakeholder_id, set |= ACK_STAKEHOLDER;
		rc = comm_ack(db, comm_id, &in, set, e);
	}
	arena_free(&a);
	return rc;
}

int alignment_demo(struct db *db, const char *today, struct err *e)
{
	char d30[11], d14[11], d7[11], d20[11], d3[11], due_past[11], due_next[11];
	if (demo_day(today, -30, d30) || demo_day(today, -14, d14) || demo_day(today, -7, d7) ||
	    demo_day(today, -20, d20) || demo_day(today, -3, d3) ||
	    demo_day(today, -5, due_past) || demo_day(today, 60, due_next))
		return err_set(e, ERR_BAD_INPUT, "today", "today: must be a date as YYYY-MM-DD");
	const char *by_unit = "SELECT min(id) FROM unit WHERE name = :v";
	const char *head_of = "SELECT min(p.id) FROM person p JOIN unit u ON u.id = p.unit_id "
			      "WHERE u.name = :v";
	int64_t root = demo_int(db, "SELECT min(id) FROM unit WHERE parent_id IS NULL AND "
				    "name <> :v", "", e);
	int64_t ops = demo_int(db, by_unit, "Operations", e);
	int64_t ceo = demo_int(db, "SELECT min(p.id) FROM person p JOIN unit u ON u.id = "
				   "p.unit_id WHERE u.parent_id IS NULL AND u.name <> :v", "", e);
	int64_t ops_head = demo_int(db, head_of, "Operations", e);
	int64_t sales_head = demo_int(db, head_of, "Sales", e);
	int64_t picker = demo_int(db, "SELECT max(p.id) FROM person p JOIN unit u ON u.id = "
				      "p.unit_id WHERE u.name = :v", "Logistics", e);
	int64_t vision = demo_int(db, "SELECT min(id) FROM vision WHERE current = 1 AND "
				      "unit_id IS NULL AND statement <> :v", "", e);
	int64_t hubs = demo_int(db, "SELECT min(id) FROM strategy WHERE name <> :v", "", e);
	if (root < 0 || ops < 0 || ceo < 0 || ops_head < 0 || sales_head < 0 || picker < 0 ||
	    vision < 0 || hubs < 0)
		return -1;
	if (!root || !ceo)
		return 0;	/* an organization without people: nothing to tell */
	if (!ops)
		ops = root;
	if (!ops_head)
		ops_head = ceo;
	/* the stakeholders */
	struct stakeholder_input sh[] = {
		{.name = "Brightmart Stores", .kind = "customer", .owner_id = sales_head,
		 .note = "Our largest retail account: 18% of orders; asked for next-day "
			 "delivery in last year's review."},
		{.name = "Nordic Steel & Packaging", .kind = "supplier", .owner_id = ops_head,
		 .note = "Supplies crates and pallets to every hub."},
		{.name = "Board of Directors", .kind = "board", .owner_id = ceo,
		 .note = "Approved the 2030 vision; reviews progress every quarter."},
	};
	int64_t shid[3];
	for (int i = 0; i < 3; i++) {
		unsigned set = SH_NAME | SH_KIND | SH_NOTE | (sh[i].owner_id ? SH_OWNER : 0);
		if (stakeholder_add(db, &sh[i], set, &shid[i], e))
			return -1;
	}
	/* the three communications */
	struct comm_input town = {
		.title = "Next-day delivery by 2030: why, and what changes",
		.body = "Our customers told us plainly: two days is no longer good enough.\n\n"
			"By 2030 every order arrives the next day. We get there with regional "
			"hubs, a supply chain our customers can see into, and teams who own "
			"their part of it.\n\n"
			"What changes this year:\n"
			"- the first hub opens in Logistics\n"
			"- every team gets a delivery dashboard\n"
			"- we report progress to you every quarter",
		.channel = "town-hall", .day = d30, .vision_id = vision, .sender_id = ceo};
	struct comm_input email = {
		.title = "Operations: how the regional hubs will work",
		.body = "Team,\n\nThe hub strategy in one page: where the hubs go, which routes "
			"move first, and what it means for each shift. Questions to me or to "
			"your team lead by Friday.",
		.channel = "email", .day = d14, .strategy_id = hubs, .sender_id = ops_head,
		.unit_id = ops};
	struct comm_input one = {
		.title = "Your role in the hub pilot",
		.body = "We talked through the pilot plan and the night-shift rota you will lead.",
		.channel = "one-to-one", .day = d7, .strategy_id = hubs, .sender_id = ops_head,
		.unit_id = ops};
	unsigned base = COMM_TITLE | COMM_BODY | COMM_CHANNEL | COMM_DAY | COMM_SENDER;
	int64_t c1, c2, c3, n;
	if (comm_add(db, &town, base | (vision ? COMM_VISION : 0), &c1, e) ||
	    comm_add(db, &email, base | COMM_UNIT | (hubs ? COMM_STRATEGY : 0), &c2, e) ||
	    comm_add(db, &one, base | COMM_UNIT | (hubs ? COMM_STRATEGY : 0), &c3, e))
		return -1;
	struct comm_audience_input everyone = {.unit_id = root}, ops_all = {.unit_id = ops},
				   customer = {.stakeholder_id = shid[0]},
				   supplier = {.stakeholder_id = shid[1]},
				   board = {.stakeholder_id = shid[2]},
				   person = {.person_id = picker ? picker : ops_head};
	if (comm_audience_add(db, c1, &everyone, CA_UNIT, e) ||
	    comm_audience_add(db, c1, &customer, CA_STAKEHOLDER, e) ||
	    comm_audience_add(db, c1, &board, CA_STAKEHOLDER, e) ||
	    comm_audience_add(db, c2, &ops_all, CA_UNIT, e) ||
	    comm_audience_add(db, c2, &supplier, CA_STAKEHOLDER, e) ||
	    comm_audience_add(db, c3, &person, CA_PERSON, e) ||
	    comm_send(db, c1, &n, e) || comm_send(db, c2, &n, e) || comm_send(db, c3, &n, e))
		return -1;
	static const int64_t town_dissent[] = {7, 18};
	static const char *const town_why[] = {
		"Next-day is fine for cities, but our rural routes cannot do it without a "
		"second fleet. Where is that in the plan?",
		"We have heard big plans before; I will believe it when the first hub opens."};
	static const int64_t ops_dissent[] = {4};
	static const char *const ops_why[] = {"The night shift was not asked about the "
					      "new rota."};
	if (demo_states(db, c1, town_dissent, 2, town_why, e) ||
	    demo_states(db, c2, ops_dissent, 1, ops_why, e) ||
	    demo_states(db, c3, NULL, 0, NULL, e))
		return -1;
	/* what was promised, and what came of it */
	struct {
		int64_t comm;
		const char *text, *due, *status, *closed;
	} k[] = {
		{c1, "Publish the hub roadmap to every team", NULL, "kept", d20},
		{c1, "Answer every question from the town hall within a week", d20, "broken", d3},
		{c1, "Report progress to everyone every quarter", due_next, "open", NULL},
		{c2, "Share the supplier scorecard with Operations", NULL, "kept", d7},
		{c2, "Open the pilot hub in Logistics", due_past, "open", NULL},
		{c3, "Confirm the night-shift rota with the team", due_next, "open", NULL},
	};
	for (size_t i = 0; i < sizeof k / sizeof k[0]; i++) {
		struct commitment_input in = {.text = k[i].text, .due = k[i].due,
					      .status = k[i].status};
		int64_t id;
		if (commitment_add(db, k[i].comm, &in, CM_TEXT | (k[i].due ? CM_DUE : 0), &id, e))
			return -1;
		if (k[i].closed && commitment_set(db, id, &in, CM_STATUS, k[i].closed, e))
			return -1;
	}
	return 0;
}

int comm_coverage_units(struct db *db, struct arena *a, int64_t comm_id, int64_t vision_id,
			int64_t strategy_id, int64_t top, struct unit_coverage **out, size_t *n,
			struct err *e)
{
	struct unit *u;
	size_t nu;
	*out = NULL;
	*n = 0;
	if ((top && unit_must_exist(db, top, "unit_id", e)) || unit_list(db, a, &u, &nu, e))
		return -1;
	struct unit_coverage *v = arena_alloc(a, (nu + 1) * sizeof *v);
	if (!v)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	/* unit_list is in tree order: top's subtree is top and the units after
	 * it that are deeper */
	int inside = top == 0, top_depth = 0;
	for (size_t i = 0; i < nu; i++) {
		if (top && u[i].id == top)
			inside = 1, top_depth = u[i].depth;
		else if (top && inside && u[i].depth <= top_depth)
			inside = 0;
		if (!inside)
			continue;
		struct unit_coverage *row = &v[*n];
		if (comm_coverage_of(db, comm_id, vision_id, strategy_id, u[i].id, &row->c, e))
			return -1;
		if (row->c.total == 0)
			continue;
		row->unit_id = u[i].id;
		row->unit = u[i].name;
		row->depth = u[i].depth - top_depth;
		(*n)++;
	}
	*out = v;
	return 0;
}
