/* idea: see idea.h. */
#include "lead/idea.h"

#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/json.h"
#include "manage/plan.h"
#include "manage/step.h"
#include "org/person.h"
#include "org/unit.h"

#define IDEA_COMMON_FIELDS                                                                \
	{.name = "body", .type = FT_TEXT, .offset = offsetof(struct idea_input, body),      \
	 .bit = IDEA_BODY, .max = 20000, .help = "the idea in more words"},                \
	{.name = "vision_id", .type = FT_ID, .offset = offsetof(struct idea_input, vision_id), \
	 .bit = IDEA_VISION, .help = "the vision it serves"},                              \
	{.name = "strategy_id", .type = FT_ID,                                             \
	 .offset = offsetof(struct idea_input, strategy_id), .bit = IDEA_STRATEGY,         \
	 .help = "or the strategy it serves"},                                             \
	{.name = "owner_id", .type = FT_ID, .offset = offsetof(struct idea_input, owner_id), \
	 .bit = IDEA_OWNER,                                                                \
	 .help = "who answers (the strategy's owner, else the author's manager)"},

const struct field idea_fields[] = {
	{.name = "title", .type = FT_TEXT, .offset = offsetof(struct idea_input, title),
	 .bit = IDEA_TITLE, .max = 200, .required = 1, .arg = 1, .help = "the idea in a line"},
	{.name = "author_id", .type = FT_ID, .offset = offsetof(struct idea_input, author_id),
	 .bit = IDEA_AUTHOR, .required = 1, .help = "who proposes it"},
	IDEA_COMMON_FIELDS
	{0},
};

const struct field idea_api_fields[] = {
	{.name = "title", .type = FT_TEXT, .offset = offsetof(struct idea_input, title),
	 .bit = IDEA_TITLE, .max = 200, .required = 1, .help = "the idea in a line"},
	IDEA_COMMON_FIELDS
	{0},
};

static const char *const idea_statuses[] = {"open", "under-review", "accepted", "declined",
					    NULL};
static const char *const answer_statuses[] = {"accepted", "declined", "under-review", NULL};

const struct field idea_filter_fields[] = {
	{.name = "status", .type = FT_ENUM, .offset = offsetof(struct idea_filter, status),
	 .bit = IF_STATUS, .choices = idea_statuses, .help = "only ideas in this status"},
	{.name = "flagged", .type = FT_BOOL, .offset = offsetof(struct idea_filter, flagged),
	 .bit = IF_FLAGGED, .help = "only ideas open past the answer time"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct idea_filter, unit_id),
	 .bit = IF_UNIT, .help = "by authors in this unit and the units under it"},
	{.name = "limit", .type = FT_INT, .offset = offsetof(struct idea_filter, limit),
	 .bit = IF_LIMIT, .min = 0, .max = 1000000000, .help = "at most this many"},
	{.name = "offset", .type = FT_INT, .offset = offsetof(struct idea_filter, offset),
	 .bit = IF_OFFSET, .min = 0, .max = INT64_MAX, .help = "skip this many"},
	{0},
};

const struct field idea_answer_fields[] = {
	{.name = "person_id", .type = FT_ID,
	 .offset = offsetof(struct idea_answer_input, person_id), .bit = IA_PERSON,
	 .help = "as whom (the owner; omit to answer as an admin)"},
	{.name = "status", .type = FT_ENUM, .offset = offsetof(struct idea_answer_input, status),
	 .bit = IA_STATUS, .choices = answer_statuses, .required = 1,
	 .help = "accepted, declined or under-review"},
	{.name = "reason", .type = FT_TEXT, .offset = offsetof(struct idea_answer_input, reason),
	 .bit = IA_REASON, .max = 4000, .help = "why (required to decline)"},
	{.name = "plan_id", .type = FT_ID, .offset = offsetof(struct idea_answer_input, plan_id),
	 .bit = IA_PLAN, .help = "accepted: the plan it became"},
	{.name = "step_id", .type = FT_ID, .offset = offsetof(struct idea_answer_input, step_id),
	 .bit = IA_STEP, .help = "accepted: the step it became"},
	{0},
};

const struct field idea_vote_fields[] = {
	{.name = "person_id", .type = FT_ID, .offset = offsetof(struct idea_vote_input, person_id),
	 .bit = 1, .required = 1, .help = "who votes"},
	{0},
};

static int ref_exists(struct db *db, const char *sql, int64_t id, const char *field,
		      const char *what, struct err *e)
{
	int rc = db_run_id(db, sql, id, e);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, field, "%s: no %s with id %lld", field, what,
			       (long long)id);
	return 0;
}

/* The one integer sql returns for :id, or dflt when no row or null. */
static int one_int(struct db *db, const char *sql, int64_t id, int64_t *v, struct err *e)
{
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_one_int(st, v, e);
	return rc < 0 ? -1 : rc;
}

int idea_answer_days(struct db *db, int64_t *days, struct err *e)
{
	*days = 30;
	struct stmt *st = db_prepare(db,
		"SELECT value FROM setting WHERE key = 'ideas.answer_days'", e);
	if (!st)
		return -1;
	int rc = db_step(st, e);
	if (rc == 1) {
		int64_t v;
		const char *s = db_col_text(st, 0);
		if (s && field_parse_int(s, &v) == 0 && v > 0)
			*days = v;
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int idea_add(struct db *db, const struct idea_input *in, unsigned set, int64_t *id,
	     struct err *e)
{
	if (fields_require(idea_fields, set, e))
		return -1;
	if ((set & IDEA_VISION) && (set & IDEA_STRATEGY))
		return err_set(e, ERR_BAD_INPUT, "strategy_id",
			       "strategy_id: an idea serves the vision or a strategy, not both");
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (person_must_exist(db, in->author_id, "author_id", e))
		goto out;
	if ((set & IDEA_VISION) && ref_exists(db, "SELECT 1 FROM vision WHERE id = :id",
					      in->vision_id, "vision_id", "vision", e))
		goto out;
	if ((set & IDEA_STRATEGY) &&
	    ref_exists(db, "SELECT 1 FROM strategy WHERE id = :id", in->strategy_id,
		       "strategy_id", "strategy", e))
		goto out;
	int64_t owner = 0;
	if (set & IDEA_OWNER) {
		if (person_must_exist(db, in->owner_id, "owner_id", e))
			goto out;
		owner = in->owner_id;
	}
	if (!owner && (set & IDEA_STRATEGY) &&
	    one_int(db, "SELECT owner_id FROM strategy WHERE id = :id AND owner_id IS NOT NULL",
		    in->strategy_id, &owner, e) < 0)
		goto out;
	if (!owner && one_int(db, "SELECT manager_id FROM person WHERE id = :id AND "
			      "manager_id IS NOT NULL", in->author_id, &owner, e) < 0)
		goto out;
	if (!owner) {
		err_set(e, ERR_BAD_INPUT, "owner_id",
			"owner_id: is required (no strategy owner or manager to answer it)");
		goto out;
	}
	char today[11];
	date_format(date_today(), today);
	struct stmt *st = db_prepare(db,
		"INSERT INTO idea (title, body, author_id, vision_id, strategy_id, owner_id, "
		"created) VALUES (:title, :body, :author, :vision, :strategy, :owner, :created) "
		"RETURNING id", e);
	if (!st)
		goto out;
	db_bind_text(st, ":title", in->title);
	db_bind_text(st, ":body", (set & IDEA_BODY) ? in->body : "");
	db_bind_int(st, ":author", in->author_id);
	db_bind_id(st, ":vision", (set & IDEA_VISION) ? in->vision_id : 0);
	db_bind_id(st, ":strategy", (set & IDEA_STRATEGY) ? in->strategy_id : 0);
	db_bind_int(st, ":owner", owner);
	db_bind_text(st, ":created", (set & IDEA_CREATED) ? in->created : today);
	if (db_one_int(st, id, e) == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

#define IDEA_SELECT                                                                     \
	"SELECT i.id, i.title, i.body, i.author_id, a.name, i.vision_id, i.strategy_id, "  \
	"i.owner_id, o.name, i.status, i.answer, i.answered, i.plan_id, i.step_id, "       \
	"i.created, (SELECT count(*) FROM idea_vote v WHERE v.idea_id = i.id) "            \
	"FROM idea i JOIN person a ON a.id = i.author_id JOIN person o ON o.id = i.owner_id "

struct idea_ctx {
	int32_t today;
	int64_t days;
};

static void idea_row_at(struct stmt *st, struct arena *a, struct idea *i)
{
	i->id = db_col_int(st, 0);
	i->title = arena_strdup(a, db_col_text(st, 1));
	i->body = arena_strdup(a, db_col_text(st, 2));
	i->author_id = db_col_int(st, 3);
	i->author_name = arena_strdup(a, db_col_text(st, 4));
	i->vision_id = db_col_int(st, 5);
	i->strategy_id = db_col_int(st, 6);
	i->owner_id = db_col_int(st, 7);
	i->owner_name = arena_strdup(a, db_col_text(st, 8));
	i->status = arena_strdup(a, db_col_text(st, 9));
	i->answer = arena_strdup(a, db_col_text(st, 10));
	const char *ans = db_col_text(st, 11);
	i->answered = ans ? arena_strdup(a, ans) : NULL;
	i->plan_id = db_col_int(st, 12);
	i->step_id = db_col_int(st, 13);
	i->created = arena_strdup(a, db_col_text(st, 14));
	i->votes = db_col_int(st, 15);
}

static void idea_row(struct stmt *st, struct arena *a, void *item)
{
	idea_row_at(st, a, item);
}

/* Fills age and flag from created, today and the answer time. */
static void idea_age(struct idea *i, int32_t today, int64_t days)
{
	int32_t c;
	i->age = (i->created && date_parse(i->created, &c) == 0) ? today - c : 0;
	i->flagged = strcmp(i->status, "open") == 0 && i->age > days;
}

int idea_get(struct db *db, struct arena *a, int64_t id, int32_t today, struct idea *out,
	     struct err *e)
{
	int64_t days;
	if (idea_answer_days(db, &days, e))
		return -1;
	struct stmt *st = db_prepare(db, IDEA_SELECT "WHERE i.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		idea_row_at(st, a, out);
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no idea with id %lld", (long long)id);
	if (rc < 0)
		return -1;
	idea_age(out, today, days);
	return 0;
}

int idea_list(struct db *db, struct arena *a, const struct idea_filter *f, unsigned fset,
	      int32_t today, struct idea **out, size_t *n, struct err *e)
{
	int64_t days;
	if (idea_answer_days(db, &days, e))
		return -1;
	/* flagged: open and created before today - days */
	char cutoff[11];
	date_format(today - (int32_t)(days > 100000 ? 100000 : days), cutoff);
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE IDEA_SELECT
		"WHERE (:all_units = 1 OR a.unit_id IN (SELECT id FROM subtree)) "
		"AND (:all_status = 1 OR i.status = :status) "
		"AND (:flagged = 0 OR (i.status = 'open' AND i.created < :cutoff)) "
		"ORDER BY CASE i.status WHEN 'open' THEN 0 WHEN 'under-review' THEN 1 "
		"WHEN 'accepted' THEN 2 ELSE 3 END, 16 DESC, i.created DESC, i.id DESC "
		"LIMIT :limit OFFSET :offset", e);
	if (!st)
		return -1;
	db_bind_int(st, ":all_units", !(fset & IF_UNIT));
	db_bind_int(st, ":unit", (fset & IF_UNIT) ? f->unit_id : 0);
	db_bind_int(st, ":all_status", !(fset & IF_STATUS));
	db_bind_text(st, ":status", (fset & IF_STATUS) ? f->status : "");
	db_bind_int(st, ":flagged", (fset & IF_FLAGGED) && f->flagged);
	db_bind_text(st, ":cutoff", cutoff);
	db_bind_int(st, ":limit", (fset & IF_LIMIT) ? f->limit : DB_NO_LIMIT);
	db_bind_int(st, ":offset", (fset & IF_OFFSET) ? f->offset : 0);
	if (db_collect(st, a, sizeof **out, idea_row, (void **)out, n, e))
		return -1;
	for (size_t k = 0; k < *n; k++)
		idea_age(&(*out)[k], today, days);
	return 0;
}

/* The idea's author and status (into buf), or -1 with a 404. */
static int idea_head(struct db *db, int64_t id, int64_t *author, int64_t *owner,
		     char *status, size_t size, struct err *e)
{
	struct stmt *st = db_prepare(db,
		"SELECT author_id, owner_id, status FROM idea WHERE id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1) {
		*author = db_col_int(st, 0);
		*owner = db_col_int(st, 1);
		snprintf(status, size, "%s", db_col_text(st, 2));
	}
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no idea with id %lld", (long long)id);
	return rc < 0 ? -1 : 0;
}

int idea_vote(struct db *db, int64_t id, int64_t person, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	int64_t author, owner;
	char status[16];
	if (idea_head(db, id, &author, &owner, status, sizeof status, e))
		goto out;
	if (person_must_exist(db, person, "person_id", e))
		goto out;
	if (author == person) {
		err_set(e, ERR_BAD_INPUT, "person_id", "person_id: a vote on one's own idea");
		goto out;
	}
	struct stmt *st = db_prepare(db,
		"SELECT 1 FROM idea_vote WHERE idea_id = :idea AND person_id = :person", e);
	if (!st)
		goto out;
	db_bind_int(st, ":idea", id);
	db_bind_int(st, ":person", person);
	int64_t one;
	int got = db_one_int(st, &one, e);
	if (got < 0)
		goto out;
	if (got == 1) {
		err_set(e, ERR_CONFLICT, "person_id",
			"person_id: person %lld already voted for idea %lld", (long long)person,
			(long long)id);
		goto out;
	}
	st = db_prepare(db, "INSERT INTO idea_vote (idea_id, person_id) VALUES (:idea, :person)",
			e);
	if (!st)
		goto out;
	db_bind_int(st, ":idea", id);
	db_bind_int(st, ":person", person);
	if (db_step(st, e) >= 0)
		rc = 0;
	db_done(st);
out:
	return db_end(db, rc, e);
}

int idea_unvote(struct db *db, int64_t id, int64_t person, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	int64_t author, owner, gone = 0;
	char status[16];
	if (idea_head(db, id, &author, &owner, status, sizeof status, e))
		goto out;
	struct stmt *st = db_prepare(db,
		"DELETE FROM idea_vote WHERE idea_id = :idea AND person_id = :person "
		"RETURNING idea_id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":idea", id);
	db_bind_int(st, ":person", person);
	int got = db_one_int(st, &gone, e);
	if (got == 0)
		err_set(e, ERR_NOT_FOUND, "person_id", "person_id: person %lld has no vote on "
			"idea %lld", (long long)person, (long long)id);
	else if (got == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

int idea_answer(struct db *db, int64_t id, int64_t by_person,
		const struct idea_answer_input *in, unsigned set, struct err *e)
{
	if (fields_require(idea_answer_fields, set, e))
		return -1;
	int accepted = strcmp(in->status, "accepted") == 0;
	int declined = strcmp(in->status, "declined") == 0;
	int reason = (set & IA_REASON) && in->reason[strspn(in->reason, " \t\r\n")];
	if ((set & IA_PLAN) && (set & IA_STEP))
		return err_set(e, ERR_BAD_INPUT, "step_id",
			       "step_id: an idea becomes a plan or a step, not both");
	if (!accepted && (set & (IA_PLAN | IA_STEP)))
		return err_set(e, ERR_BAD_INPUT, (set & IA_PLAN) ? "plan_id" : "step_id",
			       "%s: only an accepted idea becomes a plan or a step",
			       (set & IA_PLAN) ? "plan_id" : "step_id");
	if (declined && !reason)
		return err_set(e, ERR_BAD_INPUT, "reason", "reason: is required to decline");
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	int64_t author, owner;
	char status[16];
	if (idea_head(db, id, &author, &owner, status, sizeof status, e))
		goto out;
	if (by_person && by_person != owner) {
		err_set(e, ERR_FORBIDDEN, "person_id",
			"only the idea's owner or an admin answers it");
		goto out;
	}
	if ((set & IA_PLAN) && plan_must_exist(db, in->plan_id, "plan_id", e))
		goto out;
	if ((set & IA_STEP) && step_must_exist(db, in->step_id, "step_id", e))
		goto out;
	char today[11];
	date_format(date_today(), today);
	struct stmt *st = db_prepare(db,
		"UPDATE idea SET status = :status, answer = :answer, answered = :today, "
		"plan_id = :plan, step_id = :step WHERE id = :id", e);
	if (!st)
		goto out;
	db_bind_text(st, ":status", in->status);
	db_bind_text(st, ":answer", reason ? in->reason : "");
	db_bind_text(st, ":today", today);
	db_bind_id(st, ":plan", (set & IA_PLAN) ? in->plan_id : 0);
	db_bind_id(st, ":step", (set & IA_STEP) ? in->step_id : 0);
	db_bind_int(st, ":id", id);
	if (db_step(st, e) >= 0)
		rc = 0;
	db_done(st);
out:
	return db_end(db, rc, e);
}

int idea_rm(struct db *db, int64_t id, int64_t by_person, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	int64_t author, owner;
	char status[16];
	if (idea_head(db, id, &author, &owner, status, sizeof status, e))
		goto out;
	if (by_person && by_person != author) {
		err_set(e, ERR_FORBIDDEN, "id", "only the author or an admin removes an idea");
		goto out;
	}
	if (strcmp(status, "open") != 0) {
		err_set(e, ERR_CONFLICT, "id", "idea %lld is %s: only an open idea is removed",
			(long long)id, status);
		goto out;
	}
	if (db_run_id(db, "DELETE FROM idea WHERE id = :id", id, e) == 0)
		rc = 0;
out:
	return db_end(db, rc, e);
}

int idea_stats(struct db *db, int64_t unit_id, int32_t today, int64_t *total,
	       int64_t *answered, int64_t *overdue, struct err *e)
{
	*total = *answered = *overdue = 0;
	int64_t days;
	if (idea_answer_days(db, &days, e))
		return -1;
	char cutoff[11];
	date_format(today - (int32_t)(days > 100000 ? 100000 : days), cutoff);
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE
		"SELECT count(*), "
		"coalesce(sum(CASE WHEN i.status <> 'open' THEN 1 ELSE 0 END), 0), "
		"coalesce(sum(CASE WHEN i.status = 'open' AND i.created < :cutoff "
		"THEN 1 ELSE 0 END), 0) "
		"FROM idea i JOIN person a ON a.id = i.author_id "
		"WHERE :all_units = 1 OR a.unit_id IN (SELECT id FROM subtree)", e);
	if (!st)
		return -1;
	db_bind_int(st, ":unit", unit_id);
	db_bind_int(st, ":all_units", unit_id == 0);
	db_bind_text(st, ":cutoff", cutoff);
	int rc = db_step(st, e);
	if (rc == 1) {
		*total = db_col_int(st, 0);
		*answered = db_col_int(st, 1);
		*overdue = db_col_int(st, 2);
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

json_t *idea_json(const struct idea *i)
{
	json_t *o = json_object();
	json_set_int(o, "id", i->id);
	json_set_str(o, "title", i->title);
	json_set_str(o, "body", i->body);
	json_set_int(o, "author_id", i->author_id);
	json_set_str(o, "author_name", i->author_name);
	json_set_id(o, "vision_id", i->vision_id);
	json_set_id(o, "strategy_id", i->strategy_id);
	json_set_int(o, "owner_id", i->owner_id);
	json_set_str(o, "owner_name", i->owner_name);
	json_set_str(o, "status", i->status);
	json_set_str(o, "answer", i->answer);
	json_set_str(o, "answered", i->answered);
	json_set_id(o, "plan_id", i->plan_id);
	json_set_id(o, "step_id", i->step_id);
	json_set_str(o, "created", i->created);
	json_set_int(o, "votes", i->votes);
	json_set_int(o, "age", i->age);
	json_object_set_new(o, "flagged", json_boolean(i->flagged));
	return o;
}
