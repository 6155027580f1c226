/* setting: see setting.h. */
#include "org/setting.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "base/field.h"

const struct setting_def setting_defs[] = {
	/* the eight steps' evidence thresholds (change.*) */
	{"change.urgency_pressure", 15, 1, 100000, "points",
	 "Step 1 needs the linked signals of the last 365 days (impact x likelihood) plus the "
	 "linked themes' pressure to reach this many points."},
	{"change.urgency_pulse", 35, 10, 50, "tenths",
	 "Step 1 needs the linked pulse's first question to average at least this many tenths "
	 "(35 = 3.5 of 5) over the affected units, when a pulse is linked."},
	{"change.commit_share", 60, 1, 100, "%",
	 "Steps 4 and 8 need at least this share of the affected people who received a "
	 "communication of the initiative to be committed."},
	{"change.obstacles_resolved", 60, 1, 100, "%",
	 "Step 5 needs at least this share of the initiative's obstacles resolved, with at least "
	 "one logged."},
	{"change.sustain_days", 180, 1, 3650, "days",
	 "Step 8 needs a communication of the initiative within this many days with the committed "
	 "share reached."},
	/* true urgency, complacency, false urgency (change.urgency_*) */
	{"change.urgency_window", 90, 7, 730, "days",
	 "Urgency reads this many days, up to and including the day it is taken on."},
	{"change.urgency_outward", 10, 0, 10000, "tenths per 10 people",
	 "Looking outward needs at least this many external signals per 10 people in the "
	 "window (10 = 1.0)."},
	{"change.urgency_reviewed", 50, 0, 100, "%",
	 "Looking outward also needs at least this share of those signals reviewed."},
	{"change.urgency_activity", 30, 1, 10000, "tenths per 10 people",
	 "Busy: meetings, new plans, problems opened and internal signals per 10 people in "
	 "the window at least this (30 = 3.0); busy without progress is false urgency."},
	{"change.urgency_progress", 25, 1, 100, "%",
	 "Progress: at least this share of the steps open at the window's start advanced "
	 "in it."},
	/* the quadrant's thresholds (balance.*) */
	{"balance.managed", 60, 0, 100, "points",
	 "A unit whose management score is at least this many points is well managed."},
	{"balance.led", 60, 0, 100, "points",
	 "A unit whose leadership score is at least this many points is well led."},
	/* the self-assessment (assess.*) */
	{"assess.min_group", 5, 3, 1000, "people",
	 "The fewest people whose self-assessments a unit's aggregate shows (a workshop "
	 "cohort has its own minimum); never below 3, so that no one's answers show."},
	/* the time profile's default period (balance.time_window_days) */
	{"balance.time_window_days", 90, 7, 730, "days",
	 "The default period of the time profile: this many days up to today."},
	{0},
};

const struct setting_def *setting_def_find(const char *key)
{
	for (const struct setting_def *d = setting_defs; key && d->key; d++)
		if (strcmp(d->key, key) == 0)
			return d;
	return NULL;
}

static int stored(struct db *db, const struct setting_def *d, int64_t *out, int *found,
		  struct err *e)
{
	*found = 0;
	struct stmt *st = db_prepare(db, "SELECT value FROM setting WHERE key = :key", e);
	if (!st)
		return -1;
	db_bind_text(st, ":key", d->key);
	int rc = db_step(st, e);
	if (rc == 1) {
		int64_t x;
		if (field_parse_int(db_col_text(st, 0), &x) == 0 && x >= d->min && x <= d->max) {
			*out = x;
			*found = 1;
		}
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int setting_int(struct db *db, const char *key, int64_t *out, struct err *e)
{
	const struct setting_def *d = setting_def_find(key);
	assert(d);
	if (!d)
		return err_set(e, ERR_INTERNAL, "key", "no setting %s", key);
	int found;
	*out = d->def;
	return stored(db, d, out, &found, e);
}

int setting_is_set(struct db *db, const char *key, int *set, struct err *e)
{
	const struct setting_def *d = setting_def_find(key);
	int64_t v;
	*set = 0;
	if (!d)
		return err_set(e, ERR_BAD_INPUT, "key", "key: no setting %s (tandem setting list)",
			       key ? key : "");
	return stored(db, d, &v, set, e);
}

static int write(struct db *db, const char *key, const char *value, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	struct stmt *st = db_prepare(db, "DELETE FROM setting WHERE key = :key", e);
	if (st) {
		db_bind_text(st, ":key", key);
		int r = db_step(st, e);
		db_done(st);
		st = NULL;
		if (r >= 0 && !value)
			rc = 0;
		else if (r >= 0)
			st = db_prepare(db, "INSERT INTO setting (key, value) VALUES (:key, :value)",
					e);
	}
	if (st) {
		db_bind_text(st, ":key", key);
		db_bind_text(st, ":value", value);
		if (db_step(st, e) >= 0)
			rc = 0;
		db_done(st);
	}
	return db_end(db, rc, e);
}

int setting_put(struct db *db, const char *key, int64_t value, struct err *e)
{
	const struct setting_def *d = setting_def_find(key);
	if (!d)
		return err_set(e, ERR_BAD_INPUT, "key", "key: no setting %s (tandem setting list)",
			       key ? key : "");
	if (value < d->min || value > d->max)
		return err_set(e, ERR_BAD_INPUT, "value",
			       "value: %s must be a whole number from %lld to %lld", d->key,
			       (long long)d->min, (long long)d->max);
	char text[24];
	snprintf(text, sizeof text, "%lld", (long long)value);
	return write(db, d->key, text, e);
}

int setting_unset(struct db *db, const char *key, struct err *e)
{
	const struct setting_def *d = setting_def_find(key);
	if (!d)
		return err_set(e, ERR_BAD_INPUT, "key", "key: no setting %s (tandem setting list)",
			       key ? key : "");
	return write(db, d->key, NULL, e);
}
