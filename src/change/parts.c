/* parts: what an initiative owns besides its links (initiative.h):
 * obstacles (step 5), short-term wins (step 6), anchors (step 8) and
 * volunteers (the network beside the hierarchy). Each write is one
 * transaction; a refusal writes nothing. */
#include <stdio.h>
#include <string.h>

#include "base/date.h"
#include "change/initiative.h"
#include "org/person.h"

const struct field obstacle_fields[] = {
	{.name = "title", .type = FT_TEXT, .offset = offsetof(struct obstacle_input, title),
	 .bit = OB_TITLE, .min = 1, .max = 200, .required = 1, .help = "what stands in the way"},
	{.name = "owner_id", .type = FT_ID, .offset = offsetof(struct obstacle_input, owner_id),
	 .bit = OB_OWNER, .help = "who removes it"},
	{.name = "opened", .type = FT_DATE, .offset = offsetof(struct obstacle_input, opened),
	 .bit = OB_OPENED, .help = "the day it was logged (default today)"},
	{0},
};

const struct field win_fields[] = {
	{.name = "title", .type = FT_TEXT, .offset = offsetof(struct win_input, title),
	 .bit = WI_TITLE, .min = 1, .max = 200, .required = 1, .help = "the win in a line"},
	{.name = "day", .type = FT_DATE, .offset = offsetof(struct win_input, day), .bit = WI_DAY,
	 .required = 1, .help = "the day it was won"},
	{.name = "note", .type = FT_TEXT, .offset = offsetof(struct win_input, note),
	 .bit = WI_NOTE, .max = 4000, .help = "what it shows"},
	{0},
};

static const char *const anchor_kinds[] = {"value", "practice", NULL};

const struct field anchor_fields[] = {
	{.name = "kind", .type = FT_ENUM, .offset = offsetof(struct anchor_input, kind),
	 .bit = AN_KIND, .choices = anchor_kinds, .required = 1, .help = "value or practice"},
	{.name = "value_id", .type = FT_ID, .offset = offsetof(struct anchor_input, value_id),
	 .bit = AN_VALUE, .help = "the value it changed (kind value)"},
	{.name = "text", .type = FT_TEXT, .offset = offsetof(struct anchor_input, text),
	 .bit = AN_TEXT, .min = 1, .max = 4000, .required = 1,
	 .help = "what is now done differently"},
	{.name = "day", .type = FT_DATE, .offset = offsetof(struct anchor_input, day),
	 .bit = AN_DAY, .help = "the day it was recorded (default today)"},
	{0},
};

const struct field volunteer_fields[] = {
	{.name = "person_id", .type = FT_ID, .offset = offsetof(struct volunteer_input, person_id),
	 .bit = VO_PERSON, .required = 1, .help = "who volunteers"},
	{.name = "role", .type = FT_TEXT, .offset = offsetof(struct volunteer_input, role),
	 .bit = VO_ROLE, .max = 200, .help = "what they do for it"},
	{.name = "joined", .type = FT_DATE, .offset = offsetof(struct volunteer_input, joined),
	 .bit = VO_JOINED, .help = "the day they joined (default today)"},
	{0},
};

static int initiative_exists(struct db *db, int64_t id, struct err *e)
{
	int rc = db_run_id(db, "SELECT 1 FROM initiative WHERE id = :id", id, e);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no initiative with id %lld",
			       (long long)id);
	return rc < 0 ? -1 : 0;
}

static const char *day_or_today(const char *day, int given, char buf[11])
{
	if (given && day)
		return day;
	date_format(date_today(), buf);
	return buf;
}

/* The initiative a part (table: obstacle, win, anchor) belongs to; 404
 * naming what. */
static int part_initiative(struct db *db, const char *sql, const char *what, int64_t id,
			   int64_t *initiative_id, struct err *e)
{
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_one_int(st, initiative_id, e);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no %s with id %lld", what, (long long)id);
	return rc < 0 ? -1 : 0;
}

/* ---- obstacles ---- */

int obstacle_add(struct db *db, int64_t initiative_id, const struct obstacle_input *in,
		 unsigned set, int64_t *id, struct err *e)
{
	if (fields_require(obstacle_fields, set, e))
		return -1;
	if (!in->title || !in->title[0])
		return err_set(e, ERR_BAD_INPUT, "title", "title: must not be empty");
	char buf[11];
	const char *opened = day_or_today(in->opened, set & OB_OPENED, buf);
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (initiative_exists(db, initiative_id, e))
		goto out;
	if ((set & OB_OWNER) && in->owner_id &&
	    person_must_exist(db, in->owner_id, "owner_id", e))
		goto out;
	struct stmt *st = db_prepare(db,
		"INSERT INTO obstacle (initiative_id, title, owner_id, status, opened) "
		"VALUES (:init, :title, :owner, 'open', :opened) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":init", initiative_id);
	db_bind_text(st, ":title", in->title);
	db_bind_id(st, ":owner", (set & OB_OWNER) ? in->owner_id : 0);
	db_bind_text(st, ":opened", opened);
	if (db_one_int(st, id, e) == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

int obstacle_initiative(struct db *db, int64_t obstacle_id, int64_t *initiative_id,
			struct err *e)
{
	return part_initiative(db, "SELECT initiative_id FROM obstacle WHERE id = :id",
			       "obstacle", obstacle_id, initiative_id, e);
}

int obstacle_resolve(struct db *db, int64_t obstacle_id, const char *day, struct err *e)
{
	char buf[11];
	const char *when = day_or_today(day, day != NULL, buf);
	int32_t d;
	if (date_parse(when, &d))
		return err_set(e, ERR_BAD_INPUT, "day", "day: not a date (YYYY-MM-DD)");
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	struct stmt *st = db_prepare(db,
		"SELECT status, opened FROM obstacle WHERE id = :id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":id", obstacle_id);
	int got = db_step(st, e);
	char status[16] = "", opened[11] = "";
	if (got == 1) {
		snprintf(status, sizeof status, "%s", db_col_text(st, 0));
		snprintf(opened, sizeof opened, "%s", db_col_text(st, 1));
	}
	db_done(st);
	if (got < 0)
		goto out;
	if (got == 0) {
		err_set(e, ERR_NOT_FOUND, "id", "no obstacle with id %lld", (long long)obstacle_id);
		goto out;
	}
	if (strcmp(status, "resolved") == 0) {
		err_set(e, ERR_CONFLICT, "id", "obstacle %lld is already resolved",
			(long long)obstacle_id);
		goto out;
	}
	if (strcmp(when, opened) < 0) {
		err_set(e, ERR_BAD_INPUT, "day", "day: %s is before the obstacle was logged (%s)",
			when, opened);
		goto out;
	}
	st = db_prepare(db, "UPDATE obstacle SET status = 'resolved', resolved = :day "
			"WHERE id = :id", e);
	if (!st)
		goto out;
	db_bind_text(st, ":day", when);
	db_bind_int(st, ":id", obstacle_id);
	rc = db_step(st, e) < 0 ? -1 : 0;
	db_done(st);
out:
	return db_end(db, rc, e);
}

int obstacle_rm(struct db *db, int64_t obstacle_id, struct err *e)
{
	int64_t init;
	if (db_begin(db, e))
		return -1;
	int rc = obstacle_initiative(db, obstacle_id, &init, e);
	if (rc == 0)
		rc = db_run_id(db, "DELETE FROM obstacle WHERE id = :id", obstacle_id, e) < 0 ? -1
			: 0;
	return db_end(db, rc, e);
}

/* ---- wins ---- */

int win_add(struct db *db, int64_t initiative_id, const struct win_input *in, unsigned set,
	    int64_t *id, struct err *e)
{
	if (fields_require(win_fields, set, e))
		return -1;
	if (!in->title || !in->title[0])
		return err_set(e, ERR_BAD_INPUT, "title", "title: must not be empty");
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (initiative_exists(db, initiative_id, e))
		goto out;
	struct stmt *st = db_prepare(db,
		"INSERT INTO win (initiative_id, title, day, note) "
		"VALUES (:init, :title, :day, :note) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":init", initiative_id);
	db_bind_text(st, ":title", in->title);
	db_bind_text(st, ":day", in->day);
	db_bind_text(st, ":note", (set & WI_NOTE) && in->note ? in->note : "");
	if (db_one_int(st, id, e) == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

int win_initiative(struct db *db, int64_t win_id, int64_t *initiative_id, struct err *e)
{
	return part_initiative(db, "SELECT initiative_id FROM win WHERE id = :id", "win", win_id,
			       initiative_id, e);
}

/* Its recognitions stay, no longer tied to a win. */
int win_rm(struct db *db, int64_t win_id, struct err *e)
{
	int64_t init;
	if (db_begin(db, e))
		return -1;
	int rc = win_initiative(db, win_id, &init, e);
	if (rc == 0)
		rc = db_run_id(db, "UPDATE recognition SET win_id = NULL WHERE win_id = :id",
			       win_id, e) < 0 ? -1 : 0;
	if (rc == 0)
		rc = db_run_id(db, "DELETE FROM win WHERE id = :id", win_id, e) < 0 ? -1 : 0;
	return db_end(db, rc, e);
}

/* ---- anchors ---- */

int anchor_add(struct db *db, int64_t initiative_id, const struct anchor_input *in,
	       unsigned set, int64_t *id, struct err *e)
{
	if (fields_require(anchor_fields, set, e))
		return -1;
	if (!in->text || !in->text[0])
		return err_set(e, ERR_BAD_INPUT, "text", "text: must not be empty");
	int is_value = strcmp(in->kind, "value") == 0;
	int64_t value = (set & AN_VALUE) ? in->value_id : 0;
	if (is_value && !value)
		return err_set(e, ERR_BAD_INPUT, "value_id",
			       "value_id: an anchor of kind value names the value it changed");
	if (!is_value && value)
		return err_set(e, ERR_BAD_INPUT, "value_id",
			       "value_id: only an anchor of kind value names a value");
	char buf[11];
	const char *day = day_or_today(in->day, set & AN_DAY, buf);
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	if (initiative_exists(db, initiative_id, e))
		goto out;
	if (value) {
		int got = db_run_id(db, "SELECT 1 FROM org_value WHERE id = :id", value, e);
		if (got < 0)
			goto out;
		if (got == 0) {
			err_set(e, ERR_NOT_FOUND, "value_id", "value_id: no value with id %lld",
				(long long)value);
			goto out;
		}
	}
	struct stmt *st = db_prepare(db,
		"INSERT INTO anchor (initiative_id, kind, value_id, text, day) "
		"VALUES (:init, :kind, :value, :text, :day) RETURNING id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":init", initiative_id);
	db_bind_text(st, ":kind", in->kind);
	db_bind_id(st, ":value", value);
	db_bind_text(st, ":text", in->text);
	db_bind_text(st, ":day", day);
	if (db_one_int(st, id, e) == 1)
		rc = 0;
out:
	return db_end(db, rc, e);
}

int anchor_initiative(struct db *db, int64_t anchor_id, int64_t *initiative_id, struct err *e)
{
	return part_initiative(db, "SELECT initiative_id FROM anchor WHERE id = :id", "anchor",
			       anchor_id, initiative_id, e);
}

int anchor_rm(struct db *db, int64_t anchor_id, struct err *e)
{
	int64_t init;
	if (db_begin(db, e))
		return -1;
	int rc = anchor_initiative(db, anchor_id, &init, e);
	if (rc == 0)
		rc = db_run_id(db, "DELETE FROM anchor WHERE id = :id", anchor_id, e) < 0 ? -1 : 0;
	return db_end(db, rc, e);
}

/* ---- volunteers ---- */

static int volunteer_pair(struct db *db, const char *sql, int64_t initiative_id,
			  int64_t person_id, int64_t *found, struct err *e)
{
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	db_bind_int(st, ":init", initiative_id);
	db_bind_int(st, ":person", person_id);
	if (found)
		return db_one_int(st, found, e);
	int rc = db_step(st, e);
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int volunteer_add(struct db *db, int64_t initiative_id, const struct volunteer_input *in,
		  unsigned set, struct err *e)
{
	if (fields_require(volunteer_fields, set, e))
		return -1;
	char buf[11];
	const char *joined = day_or_today(in->joined, set & VO_JOINED, buf);
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	int64_t found = 0;
	if (initiative_exists(db, initiative_id, e) ||
	    person_must_exist(db, in->person_id, "person_id", e))
		goto out;
	int got = volunteer_pair(db, "SELECT 1 FROM volunteer WHERE initiative_id = :init "
				 "AND person_id = :person", initiative_id, in->person_id, &found, e);
	if (got < 0)
		goto out;
	if (got == 1) {
		err_set(e, ERR_CONFLICT, "person_id",
			"person_id: person %lld already volunteers for initiative %lld",
			(long long)in->person_id, (long long)initiative_id);
		goto out;
	}
	struct stmt *st = db_prepare(db,
		"INSERT INTO volunteer (initiative_id, person_id, role, joined) "
		"VALUES (:init, :person, :role, :joined)", e);
	if (!st)
		goto out;
	db_bind_int(st, ":init", initiative_id);
	db_bind_int(st, ":person", in->person_id);
	db_bind_text(st, ":role", (set & VO_ROLE) && in->role ? in->role : "");
	db_bind_text(st, ":joined", joined);
	rc = db_step(st, e) < 0 ? -1 : 0;
	db_done(st);
out:
	return db_end(db, rc, e);
}

int volunteer_rm(struct db *db, int64_t initiative_id, int64_t person_id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	int64_t found = 0;
	if (initiative_exists(db, initiative_id, e))
		goto out;
	int got = volunteer_pair(db, "SELECT 1 FROM volunteer WHERE initiative_id = :init "
				 "AND person_id = :person", initiative_id, person_id, &found, e);
	if (got < 0)
		goto out;
	if (got == 0) {
		err_set(e, ERR_NOT_FOUND, "person_id",
			"person_id: person %lld does not volunteer for initiative %lld",
			(long long)person_id, (long long)initiative_id);
		goto out;
	}
	rc = volunteer_pair(db, "DELETE FROM volunteer WHERE initiative_id = :init "
			    "AND person_id = :person", initiative_id, person_id, NULL, e);
out:
	return db_end(db, rc, e);
}
