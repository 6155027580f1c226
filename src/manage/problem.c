/* problem: see problem.h. */
#include "manage/problem.h"

#include <string.h>

#include "base/date.h"
#include "base/json.h"
#include "org/person.h"
#include "org/unit.h"

const char *const problem_statuses[] = {"open", "investigating", "acting", "closed", NULL};
static const char *const problem_rules[] = {"manual", "cpi",  "spi",	"overdue",
					    "overload", "burn", "target", NULL};

#define TEXT_FIELD(n, o, b, m, h)                                                         \
	{.name = n, .type = FT_TEXT, .offset = offsetof(struct problem_input, o), .bit = b, \
	 .max = m, .help = h}

const struct field problem_fields[] = {
	{.name = "title", .type = FT_TEXT, .offset = offsetof(struct problem_input, title),
	 .bit = PB_TITLE, .max = 200, .required = 1, .help = "what is wrong, in a line"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct problem_input, unit_id),
	 .bit = PB_UNIT, .required = 1, .help = "the unit whose problem it is"},
	{.name = "owner_id", .type = FT_ID, .offset = offsetof(struct problem_input, owner_id),
	 .bit = PB_OWNER, .nullable = 1, .help = "the person who resolves it (none)"},
	{.name = "due", .type = FT_DATE, .offset = offsetof(struct problem_input, due),
	 .bit = PB_DUE, .nullable = 1, .help = "when it should be resolved (none)"},
	{.name = "severity", .type = FT_INT, .offset = offsetof(struct problem_input, severity),
	 .bit = PB_SEVERITY, .min = 1, .max = 3, .help = "1 minor, 2 (default), 3 serious"},
	TEXT_FIELD("detail", detail, PB_DETAIL, 4000, "what was seen"),
	{0},
};

const struct field problem_set_fields[] = {
	TEXT_FIELD("title", title, PB_TITLE, 200, "what is wrong, in a line"),
	{.name = "owner_id", .type = FT_ID, .offset = offsetof(struct problem_input, owner_id),
	 .bit = PB_OWNER, .nullable = 1, .help = "the person who resolves it (none)"},
	{.name = "due", .type = FT_DATE, .offset = offsetof(struct problem_input, due),
	 .bit = PB_DUE, .nullable = 1, .help = "when it should be resolved (none)"},
	{.name = "severity", .type = FT_INT, .offset = offsetof(struct problem_input, severity),
	 .bit = PB_SEVERITY, .min = 1, .max = 3, .help = "1 minor, 2, 3 serious"},
	TEXT_FIELD("detail", detail, PB_DETAIL, 4000, "what was seen"),
	TEXT_FIELD("root_cause", root_cause, PB_ROOT, 4000, "why it happened"),
	TEXT_FIELD("action", action, PB_ACTION, 4000, "the corrective action decided"),
	{.name = "status", .type = FT_ENUM, .offset = offsetof(struct problem_input, status),
	 .bit = PB_STATUS, .choices = problem_statuses,
	 .help = "open, investigating, acting or closed"},
	{0},
};

const struct field problem_filter_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct problem_filter, unit_id),
	 .bit = PBF_UNIT, .help = "only problems of this unit and its subtree"},
	{.name = "status", .type = FT_ENUM, .offset = offsetof(struct problem_filter, status),
	 .bit = PBF_STATUS, .choices = problem_statuses, .help = "only problems in this status"},
	{.name = "open", .type = FT_BOOL, .offset = offsetof(struct problem_filter, open),
	 .bit = PBF_OPEN, .help = "true: only problems not closed; false: only closed ones"},
	{.name = "rule", .type = FT_ENUM, .offset = offsetof(struct problem_filter, rule),
	 .bit = PBF_RULE, .choices = problem_rules, .help = "only problems of this rule"},
	{.name = "limit", .type = FT_INT, .offset = offsetof(struct problem_filter, limit),
	 .bit = PBF_LIMIT, .min = 0, .max = 1000000000, .help = "at most this many"},
	{.name = "offset", .type = FT_INT, .offset = offsetof(struct problem_filter, offset),
	 .bit = PBF_OFFSET, .min = 0, .max = INT64_MAX, .help = "skip this many"},
	{0},
};

static void today_text(char out[11])
{
	date_format(date_today(), out);
}

int problem_add(struct db *db, const struct problem_input *in, unsigned set, int64_t *id,
		struct err *e)
{
	if (fields_require(problem_fields, set, e))
		return -1;
	if (!in->title[0])
		return err_set(e, ERR_BAD_INPUT, "title", "title: must not be empty");
	char today[11];
	today_text(today);
	if ((set & PB_DUE) && in->due && strcmp(in->due, today) < 0)
		return err_set(e, ERR_BAD_INPUT, "due",
			       "due: %s is before the day the problem is found (%s)", in->due,
			       today);
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (unit_must_exist(db, in->unit_id, "unit_id", e) ||
	    ((set & PB_OWNER) && in->owner_id &&
	     person_must_exist(db, in->owner_id, "owner_id", e)))
		goto out;
	struct stmt *st = db_prepare(db,
		"INSERT INTO problem (unit_id, rule, subject_kind, subject_id, title, detail, "
		"severity, found, owner_id, due) VALUES (:unit, 'manual', '', NULL, :title, "
		":detail, :severity, :found, :owner, :due) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":unit", in->unit_id);
	db_bind_text(st, ":title", in->title);
	db_bind_text(st, ":detail", (set & PB_DETAIL) ? in->detail : "");
	db_bind_int(st, ":severity", (set & PB_SEVERITY) ? in->severity : 2);
	db_bind_text(st, ":found", today);
	db_bind_id(st, ":owner", (set & PB_OWNER) ? in->owner_id : 0);
	db_bind_text(st, ":due", (set & PB_DUE) ? in->due : NULL);
	if (db_one_int(st, id, e) == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

/* The subject's name comes from its own table; a subject removed since
 * leaves "". */
#define PROBLEM_SELECT                                                                   \
	"SELECT pb.id, pb.unit_id, u.name, pb.rule, pb.subject_kind, pb.subject_id, "     \
	"coalesce(CASE pb.subject_kind "                                                  \
	"WHEN 'plan' THEN (SELECT name FROM plan WHERE id = pb.subject_id) "              \
	"WHEN 'step' THEN (SELECT name FROM step WHERE id = pb.subject_id) "              \
	"WHEN 'person' THEN (SELECT name FROM person WHERE id = pb.subject_id) "          \
	"WHEN 'target' THEN (SELECT name FROM target WHERE id = pb.subject_id) END, ''), " \
	"pb.title, pb.detail, pb.severity, pb.found, pb.root_cause, pb.action, "          \
	"pb.owner_id, o.name, pb.due, pb.status, pb.closed "                              \
	"FROM problem pb JOIN unit u ON u.id = pb.unit_id "                               \
	"LEFT JOIN person o ON o.id = pb.owner_id "

static void problem_row(struct stmt *st, struct arena *a, void *item)
{
	struct problem *p = item;
	p->id = db_col_int(st, 0);
	p->unit_id = db_col_int(st, 1);
	p->unit_name = arena_strdup(a, db_col_text(st, 2));
	p->rule = arena_strdup(a, db_col_text(st, 3));
	p->subject_kind = arena_strdup(a, db_col_text(st, 4));
	p->subject_id = db_col_int(st, 5);
	p->subject_name = arena_strdup(a, db_col_text(st, 6));
	p->title = arena_strdup(a, db_col_text(st, 7));
	p->detail = arena_strdup(a, db_col_text(st, 8));
	p->severity = db_col_int(st, 9);
	p->found = arena_strdup(a, db_col_text(st, 10));
	p->root_cause = arena_strdup(a, db_col_text(st, 11));
	p->action = arena_strdup(a, db_col_text(st, 12));
	p->owner_id = db_col_int(st, 13);
	p->owner_name = arena_strdup(a, db_col_text(st, 14));
	p->due = arena_strdup(a, db_col_text(st, 15));
	p->status = arena_strdup(a, db_col_text(st, 16));
	p->closed = arena_strdup(a, db_col_text(st, 17));
	char today[11];
	today_text(today);
	p->overdue = p->due && p->status && strcmp(p->status, "closed") != 0 &&
		     strcmp(p->due, today) < 0;
}

int problem_get(struct db *db, struct arena *a, int64_t id, struct problem *p, struct err *e)
{
	struct stmt *st = db_prepare(db, PROBLEM_SELECT "WHERE pb.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		problem_row(st, a, p);
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no problem with id %lld", (long long)id);
	return rc < 0 ? -1 : 0;
}

int problem_list(struct db *db, struct arena *a, const struct problem_filter *f, unsigned fset,
		 struct problem **out, size_t *n, struct err *e)
{
	if ((fset & PBF_UNIT) && unit_must_exist(db, f->unit_id, "unit_id", e))
		return -1;
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE PROBLEM_SELECT
		"WHERE (:all_units = 1 OR pb.unit_id IN (SELECT id FROM subtree)) "
		"AND (:any_status = 1 OR pb.status = :status) "
		"AND (:any_open = 1 OR (:open = 1 AND pb.status <> 'closed') "
		"OR (:open = 0 AND pb.status = 'closed')) "
		"AND (:any_rule = 1 OR pb.rule = :rule) "
		"ORDER BY pb.id DESC LIMIT :limit OFFSET :offset", e);
	if (!st)
		return -1;
	db_bind_int(st, ":all_units", !(fset & PBF_UNIT));
	db_bind_int(st, ":unit", (fset & PBF_UNIT) ? f->unit_id : 0);
	db_bind_int(st, ":any_status", !(fset & PBF_STATUS));
	db_bind_text(st, ":status", (fset & PBF_STATUS) ? f->status : "");
	db_bind_int(st, ":any_open", !(fset & PBF_OPEN));
	db_bind_int(st, ":open", (fset & PBF_OPEN) ? f->open : 0);
	db_bind_int(st, ":any_rule", !(fset & PBF_RULE));
	db_bind_text(st, ":rule", (fset & PBF_RULE) ? f->rule : "");
	db_bind_int(st, ":limit", (fset & PBF_LIMIT) ? f->limit : DB_NO_LIMIT);
	db_bind_int(st, ":offset", (fset & PBF_OFFSET) ? f->offset : 0);
	return db_collect(st, a, sizeof **out, problem_row, (void **)out, n, e);
}

int problem_agenda(struct db *db, struct arena *a, int64_t unit_id, struct problem **out,
		   size_t *n, struct err *e)
{
	if (unit_id && unit_must_exist(db, unit_id, "unit_id", e))
		return -1;
	char today[11];
	today_text(today);
	struct stmt *st = db_prepare(db, UNIT_SUBTREE_CTE PROBLEM_SELECT
		"WHERE pb.status <> 'closed' "
		"AND (:all_units = 1 OR pb.unit_id IN (SELECT id FROM subtree)) "
		"ORDER BY pb.severity DESC, "
		"CASE WHEN pb.due IS NOT NULL AND pb.due < :today THEN 0 ELSE 1 END, "
		"pb.found, pb.id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":all_units", !unit_id);
	db_bind_int(st, ":unit", unit_id);
	db_bind_text(st, ":today", today);
	return db_collect(st, a, sizeof **out, problem_row, (void **)out, n, e);
}

/* Another problem of the same rule and subject that is not closed:
 * 1 (its id in *other), 0, or -1. */
static int open_twin(struct db *db, const char *rule, const char *kind, int64_t subject,
		     int64_t except, int64_t *other, struct err *e)
{
	struct stmt *st = db_prepare(db,
		"SELECT id FROM problem WHERE rule = :rule AND subject_kind = :kind "
		"AND subject_id = :subject AND status <> 'closed' AND id <> :except", e);
	if (!st)
		return -1;
	db_bind_text(st, ":rule", rule);
	db_bind_text(st, ":kind", kind);
	db_bind_int(st, ":subject", subject);
	db_bind_int(st, ":except", except);
	return db_one_int(st, other, e);
}

int problem_set(struct db *db, int64_t id, const struct problem_input *in, unsigned set,
		struct err *e)
{
	if ((set & PB_TITLE) && !in->title[0])
		return err_set(e, ERR_BAD_INPUT, "title", "title: must not be empty");
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	struct arena a = {0};
	struct problem p;
	if (problem_get(db, &a, id, &p, e))
		goto out;
	if ((set & PB_OWNER) && in->owner_id && person_must_exist(db, in->owner_id, "owner_id", e))
		goto out;
	if ((set & PB_DUE) && in->due && strcmp(in->due, p.found) < 0) {
		err_set(e, ERR_BAD_INPUT, "due", "due: %s is before the day the problem was found "
			"(%s)", in->due, p.found);
		goto out;
	}
	int closing = (set & PB_STATUS) && strcmp(in->status, "closed") == 0 &&
		      strcmp(p.status, "closed") != 0;
	int reopening = (set & PB_STATUS) && strcmp(in->status, "closed") != 0 &&
			strcmp(p.status, "closed") == 0;
	if (reopening && p.subject_id) {
		int64_t other;
		int twin = open_twin(db, p.rule, p.subject_kind, p.subject_id, id, &other, e);
		if (twin < 0)
			goto out;
		if (twin) {
			err_set(e, ERR_CONFLICT, "status", "status: problem %lld about the same %s is "
				"open; work on it instead of reopening this one", (long long)other,
				p.subject_kind);
			goto out;
		}
	}
	char today[11];
	today_text(today);
	struct stmt *st = db_prepare(db,
		"UPDATE problem SET "
		"title = CASE WHEN :set_title = 1 THEN :title ELSE title END, "
		"owner_id = CASE WHEN :set_owner = 1 THEN :owner ELSE owner_id END, "
		"due = CASE WHEN :set_due = 1 THEN :due ELSE due END, "
		"severity = CASE WHEN :set_severity = 1 THEN :severity ELSE severity END, "
		"detail = CASE WHEN :set_detail = 1 THEN :detail ELSE detail END, "
		"root_cause = CASE WHEN :set_root = 1 THEN :root ELSE root_cause END, "
		"action = CASE WHEN :set_action = 1 THEN :action ELSE action END, "
		"status = CASE WHEN :set_status = 1 THEN :status ELSE status END, "
		"closed = CASE WHEN :closing = 1 THEN :today WHEN :reopening = 1 THEN NULL "
		"ELSE closed END WHERE id = :id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":set_title", !!(set & PB_TITLE));
	db_bind_text(st, ":title", (set & PB_TITLE) ? in->title : "");
	db_bind_int(st, ":set_owner", !!(set & PB_OWNER));
	db_bind_id(st, ":owner", (set & PB_OWNER) ? in->owner_id : 0);
	db_bind_int(st, ":set_due", !!(set & PB_DUE));
	db_bind_text(st, ":due", (set & PB_DUE) ? in->due : NULL);
	db_bind_int(st, ":set_severity", !!(set & PB_SEVERITY));
	db_bind_int(st, ":severity", (set & PB_SEVERITY) ? in->severity : 2);
	db_bind_int(st, ":set_detail", !!(set & PB_DETAIL));
	db_bind_text(st, ":detail", (set & PB_DETAIL) ? in->detail : "");
	db_bind_int(st, ":set_root", !!(set & PB_ROOT));
	db_bind_text(st, ":root", (set & PB_ROOT) ? in->root_cause : "");
	db_bind_int(st, ":set_action", !!(set & PB_ACTION));
	db_bind_text(st, ":action", (set & PB_ACTION) ? in->action : "");
	db_bind_int(st, ":set_status", !!(set & PB_STATUS));
	db_bind_text(st, ":status", (set & PB_STATUS) ? in->status : "open");
	db_bind_int(st, ":closing", closing);
	db_bind_int(st, ":reopening", reopening);
	db_bind_text(st, ":today", today);
	db_bind_int(st, ":id", id);
	if (db_step(st, e) >= 0)
		rc = 0;
	db_done(st);
out:
	arena_free(&a);
	return db_end(db, rc, e);
}

int problem_rm(struct db *db, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	struct arena a = {0};
	struct problem p;
	if (problem_get(db, &a, id, &p, e))
		goto out;
	if (strcmp(p.rule, "manual") != 0) {
		err_set(e, ERR_CONFLICT, "id", "problem %lld was found by the %s rule: close it "
			"instead, so that its history stays", (long long)id, p.rule);
		goto out;
	}
	rc = db_run_id(db, "DELETE FROM problem WHERE id = :id", id, e);
out:
	arena_free(&a);
	return db_end(db, rc, e);
}

int problem_open_once(struct db *db, const char *rule, const char *kind, int64_t subject,
		      int64_t unit_id, const char *title, const char *detail, int severity,
		      const char *found, int64_t *id, int *opened, struct err *e)
{
	*opened = 0;
	int twin = open_twin(db, rule, kind, subject, 0, id, e);
	if (twin != 0)
		return twin < 0 ? -1 : 0;
	struct stmt *st = db_prepare(db,
		"INSERT INTO problem (unit_id, rule, subject_kind, subject_id, title, detail, "
		"severity, found) VALUES (:unit, :rule, :kind, :subject, :title, :detail, "
		":severity, :found) RETURNING id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":unit", unit_id);
	db_bind_text(st, ":rule", rule);
	db_bind_text(st, ":kind", kind);
	db_bind_int(st, ":subject", subject);
	db_bind_text(st, ":title", title);
	db_bind_text(st, ":detail", detail);
	db_bind_int(st, ":severity", severity);
	db_bind_text(st, ":found", found);
	if (db_one_int(st, id, e) != 1)
		return -1;
	*opened = 1;
	return 0;
}

json_t *problem_json(const struct problem *p)
{
	json_t *o = json_object();
	json_set_int(o, "id", p->id);
	json_set_int(o, "unit_id", p->unit_id);
	json_set_str(o, "unit", p->unit_name);
	json_set_str(o, "rule", p->rule);
	json_set_str(o, "subject_kind", p->subject_kind);
	json_set_id(o, "subject_id", p->subject_id);
	json_set_str(o, "subject", p->subject_name);
	json_set_str(o, "title", p->title);
	json_set_str(o, "detail", p->detail);
	json_set_int(o, "severity", p->severity);
	json_set_str(o, "found", p->found);
	json_set_str(o, "root_cause", p->root_cause);
	json_set_str(o, "action", p->action);
	json_set_id(o, "owner_id", p->owner_id);
	json_set_str(o, "owner", p->owner_name);
	json_set_str(o, "due", p->due);
	json_set_str(o, "status", p->status);
	json_set_str(o, "closed", p->closed);
	json_object_set_new(o, "overdue", json_boolean(p->overdue));
	return o;
}
