/* signal: what the environment says (a signal: something observed, its
 * category, opportunity or threat, impact and likelihood 1-5, the unit
 * that noticed it), the themes that group signals, and the strategies
 * that respond to them.
 *
 * Pressure of a theme as of day D (docs/leadership.md, "Signals and
 * themes"): the sum of impact x likelihood of its signals dated in
 * (D - 365, D], i.e. after D minus 365 days and up to D inclusive. Trend:
 * the same sum per calendar quarter for the quarter holding D (counted up
 * to D) and the three before it, oldest first. A theme is flagged "high
 * pressure, no response" when its pressure reaches the setting
 * signals.pressure_high (default 40) and none of its signals responds
 * to a strategy (signal_response). */
#ifndef TANDEM_SIGNAL_H
#define TANDEM_SIGNAL_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

extern const char *const signal_categories[]; /* NULL-terminated, the heat map's rows */
enum { SIGNAL_NCATEGORIES = 7, PRESSURE_HIGH_DEFAULT = 40 };

struct signal {
	int64_t id;
	const char *observed, *source, *day, *category, *kind;
	int64_t impact, likelihood;
	int64_t unit_id;
	const char *unit;
	const char *reviewed; /* NULL when never reviewed */
};

enum {
	SG_OBSERVED = 1u << 0,
	SG_SOURCE = 1u << 1,
	SG_DAY = 1u << 2,
	SG_CATEGORY = 1u << 3,
	SG_KIND = 1u << 4,
	SG_IMPACT = 1u << 5,
	SG_LIKELIHOOD = 1u << 6,
	SG_UNIT = 1u << 7,
	SG_THEME = 1u << 8,
};
struct signal_input {
	const char *observed, *source, *day, *category, *kind;
	int64_t impact, likelihood, unit_id;
	int64_t theme_id; /* add only: tag it with this theme */
};
extern const struct field signal_fields[];     /* add (with theme_id) */
extern const struct field signal_set_fields[]; /* set: no theme_id */

struct signal_filter {
	int64_t unit_id; /* signals of this unit and its subtree */
	int64_t theme_id;
	const char *from, *to; /* days, inclusive */
	int64_t limit, offset;
};
enum {
	SGF_UNIT = 1u << 0,
	SGF_THEME = 1u << 1,
	SGF_FROM = 1u << 2,
	SGF_TO = 1u << 3,
	SGF_LIMIT = 1u << 4,
	SGF_OFFSET = 1u << 5,
};
extern const struct field signal_filter_fields[];

enum { SR_STRATEGY = 1u << 0 };
struct signal_response_input {
	int64_t strategy_id;
};
extern const struct field signal_response_fields[];

/* signal review's day and the themes' as-of day and unit. */
enum { SQ_DAY = 1u << 0, SQ_AS_OF = 1u << 1, SQ_UNIT = 1u << 2 };
struct signal_query {
	const char *day;   /* review: the day reviewed (default today) */
	const char *as_of; /* pressure as of (default today) */
	int64_t unit_id;   /* pressure of this unit's subtree's signals */
};
extern const struct field signal_review_fields[];
extern const struct field pressure_query_fields[];
/* The as-of day of q (today when not given). */
int32_t signal_query_as_of(const struct signal_query *q, unsigned set);

/* A theme or a strategy linked to a signal. */
struct signal_link {
	int64_t id;
	const char *name;
};

/* Adds a signal (day default today; tagged with theme_id when given).
 * Refuses impact or likelihood outside 1-5, an unknown category or kind
 * (400, naming the field) and an unknown unit or theme (404). */
int signal_add(struct db *db, const struct signal_input *in, unsigned set, int64_t *id,
               struct err *e);
int signal_get(struct db *db, struct arena *a, int64_t id, struct signal *s, struct err *e);
/* Newest first (day, then id). */
int signal_list(struct db *db, struct arena *a, const struct signal_filter *f, unsigned fset,
                struct signal **out, size_t *n, struct err *e);
int signal_set(struct db *db, int64_t id, const struct signal_input *in, unsigned set,
               struct err *e);
int signal_rm(struct db *db, int64_t id, struct err *e);
/* Sets reviewed to day ("YYYY-MM-DD"). */
int signal_review(struct db *db, int64_t id, const char *day, struct err *e);
/* Links a strategy (404 unknown signal or strategy, 409 already linked)
 * / unlinks it (404 not linked). */
int signal_respond(struct db *db, int64_t id, int64_t strategy_id, struct err *e);
int signal_unrespond(struct db *db, int64_t id, int64_t strategy_id, struct err *e);
/* A signal's themes / strategies, by name. */
int signal_themes(struct db *db, struct arena *a, int64_t id, struct signal_link **out, size_t *n,
                  struct err *e);
int signal_strategies(struct db *db, struct arena *a, int64_t id, struct signal_link **out,
                      size_t *n, struct err *e);
json_t *signal_json(const struct signal *s);
json_t *signal_link_json(const struct signal_link *l);

/* Imports a CSV file (header observed,source,day,category,kind,impact,
 * likelihood,unit_id[,themes]: themes are theme names separated by ';',
 * created when new) in one transaction: a bad row refuses the whole file
 * with "line N: field: ..." (e->field names the field). *count gets the
 * number of signals added. */
int signal_import(struct db *db, const char *text, size_t len, int64_t *count, struct err *e);
/* The same, asking allow(ctx, unit_id, e) before each row is added (a
 * front-end's access rule): its refusal refuses the file. */
int signal_import_as(struct db *db, const char *text, size_t len,
                     int (*allow)(void *ctx, int64_t unit_id, struct err *e), void *ctx,
                     int64_t *count, struct err *e);

/* --- themes --- */
struct theme {
	int64_t id;
	const char *name, *description;
	int64_t nsignals;
};
enum { TH_NAME = 1u << 0, TH_DESCRIPTION = 1u << 1 };
struct theme_input {
	const char *name, *description;
};
extern const struct field theme_fields[];
enum { TT_SIGNAL = 1u << 0 };
struct theme_tag_input {
	int64_t signal_id;
};
extern const struct field theme_tag_fields[];

/* Refuses an empty or taken name (409). */
int theme_add(struct db *db, const struct theme_input *in, unsigned set, int64_t *id,
              struct err *e);
int theme_get(struct db *db, struct arena *a, int64_t id, struct theme *t, struct err *e);
int theme_list(struct db *db, struct arena *a, struct theme **out, size_t *n, struct err *e);
int theme_set(struct db *db, int64_t id, const struct theme_input *in, unsigned set, struct err *e);
/* Removes a theme and its tags (the signals stay). */
int theme_rm(struct db *db, int64_t id, struct err *e);
/* Tags a signal (404 unknown theme or signal, 409 already tagged) /
 * untags it (404 not tagged). */
int theme_tag(struct db *db, int64_t id, int64_t signal_id, struct err *e);
int theme_untag(struct db *db, int64_t id, int64_t signal_id, struct err *e);
json_t *theme_json(const struct theme *t);

/* --- pressure --- */
struct theme_pressure {
	int64_t theme_id;
	const char *name;
	int64_t pressure;
	int64_t quarters[4]; /* oldest first; [3] is the quarter holding as_of */
	int responded;
	int flagged;
};
/* Every theme (by name) with its pressure and trend as of day as_of,
 * counting the signals of unit_id's subtree (0: all). */
int theme_pressures(struct db *db, struct arena *a, int32_t as_of,
                    int64_t unit_id /* 0 all; else signals of that subtree */,
                    struct theme_pressure **out, size_t *n, struct err *e);
/* The threshold: setting signals.pressure_high, else 40. */
int signal_pressure_high(struct db *db, int64_t *v, struct err *e);
/* Sets it (1 to 1000000; 400 naming "value" otherwise). */
enum { PH_VALUE = 1u << 0 };
struct pressure_high_input {
	int64_t value;
};
extern const struct field pressure_high_fields[];
int signal_set_pressure_high(struct db *db, int64_t v, struct err *e);

/* The pure parts, for tests: the first day of day's calendar quarter;
 * adding one signal (its day, impact x likelihood) to t as of as_of;
 * the flag from the pressure, the response and the threshold. */
int32_t quarter_start(int32_t day);
void theme_pressure_add(struct theme_pressure *t, int32_t as_of, int32_t day, int64_t score);
void theme_pressure_flag(struct theme_pressure *t, int64_t high);
/* The label of quarter k (0..3) as of as_of: "2026 Q1". */
const char *quarter_label(struct arena *a, int32_t as_of, int k);
json_t *theme_pressure_json(const struct theme_pressure *t);

/* The heat map: the sum of impact x likelihood (and the count) of the
 * signals of unit_id's subtree (0: all) dated in (as_of - 365, as_of],
 * by category (signal_categories order) and kind (0 opportunity, 1
 * threat). */
struct signal_heat {
	int64_t score[SIGNAL_NCATEGORIES][2];
	int64_t count[SIGNAL_NCATEGORIES][2];
};
int signal_heat(struct db *db, int32_t as_of, int64_t unit_id, struct signal_heat *h,
                struct err *e);

/* Seeds the demo's signals and themes (demo.c). */
int signals_demo(struct db *db, const char *today, struct err *e);

#endif
