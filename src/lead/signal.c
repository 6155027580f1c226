/* signal: see signal.h. */
#include "lead/signal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/csvread.h"
#include "base/date.h"
#include "base/json.h"
#include "org/unit.h"

const char *const signal_categories[] = {"market",     "customer", "technology", "competitor",
                                         "regulation", "society",  "internal",   NULL};
static const char *const signal_kinds[] = {"opportunity", "threat", NULL};

/* The fields of a signal, shared by add (which adds theme_id) and set. */
/* clang-format off */
#define SIGNAL_FIELDS                                                                         \
	{.name = "observed", .type = FT_TEXT, .offset = offsetof(struct signal_input, observed), \
	 .bit = SG_OBSERVED, .max = 1000, .required = 1, .arg = 1,                             \
	 .help = "what was seen"},                                                             \
	{.name = "source", .type = FT_TEXT, .offset = offsetof(struct signal_input, source),     \
	 .bit = SG_SOURCE, .max = 500, .help = "where: a URL or a name"},                       \
	{.name = "day", .type = FT_DATE, .offset = offsetof(struct signal_input, day),           \
	 .bit = SG_DAY, .help = "the day it was seen (default today)"},                         \
	{.name = "category", .type = FT_ENUM, .offset = offsetof(struct signal_input, category), \
	 .bit = SG_CATEGORY, .choices = signal_categories, .required = 1,                      \
	 .help = "market, customer, technology, competitor, regulation, society or internal"},  \
	{.name = "kind", .type = FT_ENUM, .offset = offsetof(struct signal_input, kind),         \
	 .bit = SG_KIND, .choices = signal_kinds, .required = 1,                               \
	 .help = "opportunity or threat"},                                                      \
	{.name = "impact", .type = FT_INT, .offset = offsetof(struct signal_input, impact),      \
	 .bit = SG_IMPACT, .min = 1, .max = 5, .required = 1,                                  \
	 .help = "how much it would matter, 1-5"},                                              \
	{.name = "likelihood", .type = FT_INT,                                                  \
	 .offset = offsetof(struct signal_input, likelihood), .bit = SG_LIKELIHOOD, .min = 1,   \
	 .max = 5, .required = 1, .help = "how likely it is to come true, 1-5"},               \
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct signal_input, unit_id),     \
	 .bit = SG_UNIT, .required = 1, .help = "the unit that noticed it"}
/* clang-format on */

const struct field signal_fields[] = {
    SIGNAL_FIELDS,
    {.name = "theme_id",
     .type = FT_ID,
     .offset = offsetof(struct signal_input, theme_id),
     .bit = SG_THEME,
     .help = "tag it with this theme"},
    {0},
};
const struct field signal_set_fields[] = {
    SIGNAL_FIELDS,
    {0},
};

const struct field signal_filter_fields[] = {
    {.name = "unit_id",
     .type = FT_ID,
     .offset = offsetof(struct signal_filter, unit_id),
     .bit = SGF_UNIT,
     .help = "only signals of this unit and the units under it"},
    {.name = "theme_id",
     .type = FT_ID,
     .offset = offsetof(struct signal_filter, theme_id),
     .bit = SGF_THEME,
     .help = "only signals of this theme"},
    {.name = "from",
     .type = FT_DATE,
     .offset = offsetof(struct signal_filter, from),
     .bit = SGF_FROM,
     .help = "only signals seen on or after this day"},
    {.name = "to",
     .type = FT_DATE,
     .offset = offsetof(struct signal_filter, to),
     .bit = SGF_TO,
     .help = "only signals seen on or before this day"},
    {.name = "limit",
     .type = FT_INT,
     .offset = offsetof(struct signal_filter, limit),
     .bit = SGF_LIMIT,
     .min = 0,
     .max = 1000000000,
     .help = "at most this many"},
    {.name = "offset",
     .type = FT_INT,
     .offset = offsetof(struct signal_filter, offset),
     .bit = SGF_OFFSET,
     .min = 0,
     .max = INT64_MAX,
     .help = "skip this many"},
    {0},
};

const struct field signal_response_fields[] = {
    {.name = "strategy_id",
     .type = FT_ID,
     .offset = offsetof(struct signal_response_input, strategy_id),
     .bit = SR_STRATEGY,
     .required = 1,
     .help = "the strategy that responds to it"},
    {0},
};

const struct field signal_review_fields[] = {
    {.name = "day",
     .type = FT_DATE,
     .offset = offsetof(struct signal_query, day),
     .bit = SQ_DAY,
     .help = "the day it was reviewed (default today)"},
    {0},
};

const struct field pressure_query_fields[] = {
    {.name = "as_of",
     .type = FT_DATE,
     .offset = offsetof(struct signal_query, as_of),
     .bit = SQ_AS_OF,
     .help = "the pressure as of this day (default today)"},
    {.name = "unit_id",
     .type = FT_ID,
     .offset = offsetof(struct signal_query, unit_id),
     .bit = SQ_UNIT,
     .help = "count only the signals of this unit and the units under it"},
    {0},
};

int32_t signal_query_as_of(const struct signal_query *q, unsigned set)
{
	int32_t d = date_today();
	if ((set & SQ_AS_OF) && q->as_of)
		date_parse(q->as_of, &d);
	return d;
}

const struct field theme_fields[] = {
    {.name = "name",
     .type = FT_TEXT,
     .offset = offsetof(struct theme_input, name),
     .bit = TH_NAME,
     .max = 200,
     .required = 1,
     .help = "the theme's name"},
    {.name = "description",
     .type = FT_TEXT,
     .offset = offsetof(struct theme_input, description),
     .bit = TH_DESCRIPTION,
     .max = 2000,
     .help = "what it groups"},
    {0},
};

const struct field theme_tag_fields[] = {
    {.name = "signal_id",
     .type = FT_ID,
     .offset = offsetof(struct theme_tag_input, signal_id),
     .bit = TT_SIGNAL,
     .required = 1,
     .help = "the signal"},
    {0},
};

/* --- checks ------------------------------------------------------------------ */

static int signal_not_found(int64_t id, struct err *e)
{
	return err_set(e, ERR_NOT_FOUND, "id", "no signal with id %lld", (long long)id);
}

static int theme_must_exist(struct db *db, int64_t id, const char *field, struct err *e)
{
	int rc = db_run_id(db, "SELECT 1 FROM theme WHERE id = :id", id, e);
	if (rc == 0)
		return field ? err_set(e, ERR_NOT_FOUND, field, "%s: no theme with id %lld", field,
		                       (long long)id)
		             : err_set(e, ERR_NOT_FOUND, "id", "no theme with id %lld",
		                       (long long)id);
	return rc < 0 ? -1 : 0;
}

static int strategy_must_exist(struct db *db, int64_t id, struct err *e)
{
	int rc = db_run_id(db, "SELECT 1 FROM strategy WHERE id = :id", id, e);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "strategy_id",
		               "strategy_id: no strategy with id %lld", (long long)id);
	return rc < 0 ? -1 : 0;
}

static int one_of(const char *const *choices, const char *s)
{
	for (; *choices; choices++)
		if (strcmp(*choices, s) == 0)
			return 1;
	return 0;
}

/* The rules of a whole signal, on the merged values (the field tables
 * check the same when parsing; a caller filling the struct itself, the
 * demo or the import, is checked here). */
static int check_signal(struct db *db, const struct signal_input *v, struct err *e)
{
	int32_t d;
	if (!v->observed || !v->observed[0])
		return err_set(e, ERR_BAD_INPUT, "observed", "observed: must not be empty");
	if (!v->day || date_parse(v->day, &d))
		return err_set(e, ERR_BAD_INPUT, "day", "day: must be a date as YYYY-MM-DD");
	if (!v->category || !one_of(signal_categories, v->category))
		return err_set(e, ERR_BAD_INPUT, "category",
		               "category: must be one of market, customer, technology, "
		               "competitor, regulation, society, internal");
	if (!v->kind || !one_of(signal_kinds, v->kind))
		return err_set(e, ERR_BAD_INPUT, "kind",
		               "kind: must be one of opportunity, threat");
	if (v->impact < 1 || v->impact > 5)
		return err_set(e, ERR_BAD_INPUT, "impact",
		               "impact: must be a whole number from 1 to 5");
	if (v->likelihood < 1 || v->likelihood > 5)
		return err_set(e, ERR_BAD_INPUT, "likelihood",
		               "likelihood: must be a whole number from 1 to 5");
	return unit_must_exist(db, v->unit_id, "unit_id", e);
}

static int link_insert(struct db *db, const char *sql, int64_t a, int64_t b, struct err *e)
{
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	db_bind_int(st, ":a", a);
	db_bind_int(st, ":b", b);
	int rc = db_step(st, e);
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/* 1 if the pair is in the link table (sql binds :a and :b), 0 if not. */
static int link_exists(struct db *db, const char *sql, int64_t a, int64_t b, struct err *e)
{
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	db_bind_int(st, ":a", a);
	db_bind_int(st, ":b", b);
	int64_t k = 0;
	if (db_one_int(st, &k, e) < 0)
		return -1;
	return k > 0;
}

/* Inserts v (checked) and tags it with theme (0: none), without a
 * transaction of its own. */
static int insert_signal(struct db *db, const struct signal_input *v, int64_t theme, int64_t *id,
                         struct err *e)
{
	if (check_signal(db, v, e))
		return -1;
	if (theme && theme_must_exist(db, theme, "theme_id", e))
		return -1;
	struct stmt *st = db_prepare(
	    db,
	    "INSERT INTO signal (observed, source, day, category, kind, impact, likelihood, "
	    "unit_id) VALUES (:observed, :source, :day, :category, :kind, :impact, "
	    ":likelihood, :unit) RETURNING id",
	    e);
	if (!st)
		return -1;
	db_bind_text(st, ":observed", v->observed);
	db_bind_text(st, ":source", v->source ? v->source : "");
	db_bind_text(st, ":day", v->day);
	db_bind_text(st, ":category", v->category);
	db_bind_text(st, ":kind", v->kind);
	db_bind_int(st, ":impact", v->impact);
	db_bind_int(st, ":likelihood", v->likelihood);
	db_bind_int(st, ":unit", v->unit_id);
	if (db_one_int(st, id, e) != 1)
		return -1;
	if (theme)
		return link_insert(db,
		                   "INSERT INTO signal_theme (signal_id, theme_id) "
		                   "VALUES (:a, :b)",
		                   *id, theme, e);
	return 0;
}

/* --- signals ------------------------------------------------------------------ */

int signal_add(struct db *db, const struct signal_input *in, unsigned set, int64_t *id,
               struct err *e)
{
	if (fields_require(signal_fields, set, e))
		return -1;
	char today[11];
	date_format(date_today(), today);
	struct signal_input v = *in;
	if (!(set & SG_DAY) || !v.day)
		v.day = today;
	if (!(set & SG_SOURCE))
		v.source = "";
	if (db_begin(db, e))
		return -1;
	int rc = insert_signal(db, &v, (set & SG_THEME) ? in->theme_id : 0, id, e);
	return db_end(db, rc, e);
}

#define SIGNAL_SELECT                                                                              \
	"SELECT s.id, s.observed, s.source, s.day, s.category, s.kind, s.impact, "                 \
	"s.likelihood, s.unit_id, u.name, s.reviewed FROM signal s "                               \
	"JOIN unit u ON u.id = s.unit_id "

static void signal_row(struct stmt *st, struct arena *a, void *item)
{
	struct signal *s = item;
	s->id = db_col_int(st, 0);
	s->observed = arena_strdup(a, db_col_text(st, 1));
	s->source = arena_strdup(a, db_col_text(st, 2) ? db_col_text(st, 2) : "");
	s->day = arena_strdup(a, db_col_text(st, 3));
	s->category = arena_strdup(a, db_col_text(st, 4));
	s->kind = arena_strdup(a, db_col_text(st, 5));
	s->impact = db_col_int(st, 6);
	s->likelihood = db_col_int(st, 7);
	s->unit_id = db_col_int(st, 8);
	s->unit = arena_strdup(a, db_col_text(st, 9));
	s->reviewed = arena_strdup(a, db_col_text(st, 10));
}

int signal_get(struct db *db, struct arena *a, int64_t id, struct signal *s, struct err *e)
{
	struct stmt *st = db_prepare(db, SIGNAL_SELECT "WHERE s.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		signal_row(st, a, s);
	db_done(st);
	if (rc == 0)
		return signal_not_found(id, e);
	return rc < 0 ? -1 : 0;
}

int signal_list(struct db *db, struct arena *a, const struct signal_filter *f, unsigned fset,
                struct signal **out, size_t *n, struct err *e)
{
	struct stmt *st =
	    db_prepare(db,
	               UNIT_SUBTREE_CTE SIGNAL_SELECT
	               "WHERE (:all_units = 1 OR s.unit_id IN (SELECT id FROM subtree)) "
	               "AND (:all_themes = 1 OR s.id IN (SELECT signal_id FROM signal_theme "
	               "WHERE theme_id = :theme)) "
	               "AND s.day >= :from AND s.day <= :to "
	               "ORDER BY s.day DESC, s.id DESC LIMIT :limit OFFSET :offset",
	               e);
	if (!st)
		return -1;
	db_bind_int(st, ":all_units", !(fset & SGF_UNIT));
	db_bind_int(st, ":unit", (fset & SGF_UNIT) ? f->unit_id : 0);
	db_bind_int(st, ":all_themes", !(fset & SGF_THEME));
	db_bind_int(st, ":theme", (fset & SGF_THEME) ? f->theme_id : 0);
	db_bind_text(st, ":from", (fset & SGF_FROM) && f->from ? f->from : "0000-00-00");
	db_bind_text(st, ":to", (fset & SGF_TO) && f->to ? f->to : "9999-99-99");
	db_bind_int(st, ":limit", (fset & SGF_LIMIT) ? f->limit : DB_NO_LIMIT);
	db_bind_int(st, ":offset", (fset & SGF_OFFSET) ? f->offset : 0);
	return db_collect(st, a, sizeof **out, signal_row, (void **)out, n, e);
}

int signal_set(struct db *db, int64_t id, const struct signal_input *in, unsigned set,
               struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	struct arena a = {0};
	struct signal s;
	if (signal_get(db, &a, id, &s, e))
		goto out;
	struct signal_input v = {
	    .observed = set & SG_OBSERVED ? in->observed : s.observed,
	    .source = set & SG_SOURCE ? in->source : s.source,
	    .day = set & SG_DAY ? in->day : s.day,
	    .category = set & SG_CATEGORY ? in->category : s.category,
	    .kind = set & SG_KIND ? in->kind : s.kind,
	    .impact = set & SG_IMPACT ? in->impact : s.impact,
	    .likelihood = set & SG_LIKELIHOOD ? in->likelihood : s.likelihood,
	    .unit_id = set & SG_UNIT ? in->unit_id : s.unit_id,
	};
	if (check_signal(db, &v, e))
		goto out;
	struct stmt *st = db_prepare(
	    db,
	    "UPDATE signal SET observed = :observed, source = :source, day = :day, "
	    "category = :category, kind = :kind, impact = :impact, likelihood = :likelihood, "
	    "unit_id = :unit WHERE id = :id",
	    e);
	if (!st)
		goto out;
	db_bind_text(st, ":observed", v.observed);
	db_bind_text(st, ":source", v.source ? v.source : "");
	db_bind_text(st, ":day", v.day);
	db_bind_text(st, ":category", v.category);
	db_bind_text(st, ":kind", v.kind);
	db_bind_int(st, ":impact", v.impact);
	db_bind_int(st, ":likelihood", v.likelihood);
	db_bind_int(st, ":unit", v.unit_id);
	db_bind_int(st, ":id", id);
	if (db_step(st, e) >= 0)
		rc = 0;
	db_done(st);
out:
	arena_free(&a);
	return db_end(db, rc, e);
}

int signal_rm(struct db *db, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = db_run_id(db, "SELECT 1 FROM signal WHERE id = :id", id, e);
	if (rc == 0)
		rc = signal_not_found(id, e);
	/* the cascades, said out loud: SQLite enforces them only when told */
	if (rc == 1)
		rc = db_run_id(db, "DELETE FROM signal_theme WHERE signal_id = :id", id, e);
	if (rc >= 0)
		rc = db_run_id(db, "DELETE FROM signal_response WHERE signal_id = :id", id, e);
	if (rc >= 0)
		rc = db_run_id(db, "DELETE FROM signal WHERE id = :id", id, e);
	return db_end(db, rc >= 0 ? 0 : -1, e);
}

int signal_review(struct db *db, int64_t id, const char *day, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = -1;
	struct stmt *st =
	    db_prepare(db, "UPDATE signal SET reviewed = :day WHERE id = :id RETURNING id", e);
	if (st) {
		db_bind_text(st, ":day", day);
		db_bind_int(st, ":id", id);
		int64_t got;
		int r = db_one_int(st, &got, e);
		rc = r == 1 ? 0 : r == 0 ? signal_not_found(id, e) : -1;
	}
	return db_end(db, rc, e);
}

int signal_respond(struct db *db, int64_t id, int64_t strategy_id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = db_run_id(db, "SELECT 1 FROM signal WHERE id = :id", id, e);
	if (rc == 0)
		rc = signal_not_found(id, e);
	if (rc == 1)
		rc = strategy_must_exist(db, strategy_id, e);
	if (rc == 0) {
		int k = link_exists(db,
		                    "SELECT count(*) FROM signal_response WHERE signal_id = :a "
		                    "AND strategy_id = :b",
		                    id, strategy_id, e);
		if (k > 0)
			rc = err_set(e, ERR_CONFLICT, "strategy_id",
			             "strategy_id: strategy %lld already responds to signal %lld",
			             (long long)strategy_id, (long long)id);
		else if (k < 0)
			rc = -1;
	}
	if (rc == 0)
		rc = link_insert(db,
		                 "INSERT INTO signal_response (signal_id, strategy_id) "
		                 "VALUES (:a, :b)",
		                 id, strategy_id, e);
	return db_end(db, rc, e);
}

/* Deletes the pair (sql binds :a :b, RETURNING something); 404 with msg
 * when it was not there. */
static int link_delete(struct db *db, const char *sql, int64_t a, int64_t b, const char *field,
                       const char *msg, struct err *e)
{
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	db_bind_int(st, ":a", a);
	db_bind_int(st, ":b", b);
	int64_t got;
	int r = db_one_int(st, &got, e);
	if (r == 0)
		return err_set(e, ERR_NOT_FOUND, field, "%s", msg);
	return r < 0 ? -1 : 0;
}

int signal_unrespond(struct db *db, int64_t id, int64_t strategy_id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = db_run_id(db, "SELECT 1 FROM signal WHERE id = :id", id, e);
	if (rc == 0)
		rc = signal_not_found(id, e);
	if (rc == 1) {
		char msg[160];
		snprintf(msg, sizeof msg,
		         "strategy_id: strategy %lld does not respond to signal %lld",
		         (long long)strategy_id, (long long)id);
		rc = link_delete(db,
		                 "DELETE FROM signal_response WHERE signal_id = :a AND "
		                 "strategy_id = :b RETURNING signal_id",
		                 id, strategy_id, "strategy_id", msg, e);
	}
	return db_end(db, rc < 0 ? -1 : 0, e);
}

static void link_row(struct stmt *st, struct arena *a, void *item)
{
	struct signal_link *l = item;
	l->id = db_col_int(st, 0);
	l->name = arena_strdup(a, db_col_text(st, 1));
}

static int links(struct db *db, struct arena *a, const char *sql, int64_t id,
                 struct signal_link **out, size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	return db_collect(st, a, sizeof **out, link_row, (void **)out, n, e);
}

int signal_themes(struct db *db, struct arena *a, int64_t id, struct signal_link **out, size_t *n,
                  struct err *e)
{
	return links(db, a,
	             "SELECT t.id, t.name FROM signal_theme x JOIN theme t "
	             "ON t.id = x.theme_id WHERE x.signal_id = :id ORDER BY t.name, t.id",
	             id, out, n, e);
}

int signal_strategies(struct db *db, struct arena *a, int64_t id, struct signal_link **out,
                      size_t *n, struct err *e)
{
	return links(db, a,
	             "SELECT s.id, s.name FROM signal_response x JOIN strategy s "
	             "ON s.id = x.strategy_id WHERE x.signal_id = :id "
	             "ORDER BY s.name, s.id",
	             id, out, n, e);
}

json_t *signal_json(const struct signal *s)
{
	json_t *o = json_object();
	json_set_int(o, "id", s->id);
	json_set_str(o, "observed", s->observed);
	json_set_str(o, "source", s->source);
	json_set_str(o, "day", s->day);
	json_set_str(o, "category", s->category);
	json_set_str(o, "kind", s->kind);
	json_set_int(o, "impact", s->impact);
	json_set_int(o, "likelihood", s->likelihood);
	json_set_int(o, "score", s->impact * s->likelihood);
	json_set_int(o, "unit_id", s->unit_id);
	json_set_str(o, "unit", s->unit);
	if (s->reviewed)
		json_set_str(o, "reviewed", s->reviewed);
	else
		json_object_set_new(o, "reviewed", json_null());
	return o;
}

json_t *signal_link_json(const struct signal_link *l)
{
	json_t *o = json_object();
	json_set_int(o, "id", l->id);
	json_set_str(o, "name", l->name);
	return o;
}

/* --- themes ------------------------------------------------------------------- */

static int theme_name_free(struct db *db, const char *name, int64_t self, struct err *e)
{
	struct stmt *st = db_prepare(db,
	                             "SELECT count(*) FROM theme WHERE name = :name "
	                             "AND id <> :self",
	                             e);
	if (!st)
		return -1;
	db_bind_text(st, ":name", name);
	db_bind_int(st, ":self", self);
	int64_t k = 0;
	if (db_one_int(st, &k, e) < 0)
		return -1;
	if (k)
		return err_set(e, ERR_CONFLICT, "name",
		               "name: a theme named \"%.80s\" exists already", name);
	return 0;
}

/* Adds a theme without a transaction of its own. */
static int insert_theme(struct db *db, const char *name, const char *description, int64_t *id,
                        struct err *e)
{
	if (!name || !name[0])
		return err_set(e, ERR_BAD_INPUT, "name", "name: must not be empty");
	if (theme_name_free(db, name, 0, e))
		return -1;
	struct stmt *st = db_prepare(db,
	                             "INSERT INTO theme (name, description) "
	                             "VALUES (:name, :d) RETURNING id",
	                             e);
	if (!st)
		return -1;
	db_bind_text(st, ":name", name);
	db_bind_text(st, ":d", description ? description : "");
	return db_one_int(st, id, e) == 1 ? 0 : -1;
}

int theme_add(struct db *db, const struct theme_input *in, unsigned set, int64_t *id, struct err *e)
{
	if (fields_require(theme_fields, set, e))
		return -1;
	if (db_begin(db, e))
		return -1;
	int rc = insert_theme(db, in->name, (set & TH_DESCRIPTION) ? in->description : "", id, e);
	return db_end(db, rc, e);
}

#define THEME_SELECT                                                                               \
	"SELECT t.id, t.name, t.description, (SELECT count(*) FROM signal_theme x "                \
	"WHERE x.theme_id = t.id) FROM theme t "

static void theme_row(struct stmt *st, struct arena *a, void *item)
{
	struct theme *t = item;
	t->id = db_col_int(st, 0);
	t->name = arena_strdup(a, db_col_text(st, 1));
	t->description = arena_strdup(a, db_col_text(st, 2) ? db_col_text(st, 2) : "");
	t->nsignals = db_col_int(st, 3);
}

int theme_get(struct db *db, struct arena *a, int64_t id, struct theme *t, struct err *e)
{
	struct stmt *st = db_prepare(db, THEME_SELECT "WHERE t.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		theme_row(st, a, t);
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no theme with id %lld", (long long)id);
	return rc < 0 ? -1 : 0;
}

int theme_list(struct db *db, struct arena *a, struct theme **out, size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, THEME_SELECT "ORDER BY t.name, t.id", e);
	if (!st)
		return -1;
	return db_collect(st, a, sizeof **out, theme_row, (void **)out, n, e);
}

int theme_set(struct db *db, int64_t id, const struct theme_input *in, unsigned set, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = theme_must_exist(db, id, NULL, e);
	if (rc == 0 && (set & TH_NAME)) {
		if (!in->name || !in->name[0])
			rc = err_set(e, ERR_BAD_INPUT, "name", "name: must not be empty");
		else
			rc = theme_name_free(db, in->name, id, e);
	}
	struct stmt *st = NULL;
	if (rc == 0) {
		rc = -1;
		st = db_prepare(db,
		                "UPDATE theme SET "
		                "name = CASE WHEN :set_name = 1 THEN :name ELSE name END, "
		                "description = CASE WHEN :set_d = 1 THEN :d ELSE description END "
		                "WHERE id = :id",
		                e);
	}
	if (st) {
		db_bind_int(st, ":set_name", !!(set & TH_NAME));
		db_bind_text(st, ":name", (set & TH_NAME) ? in->name : "");
		db_bind_int(st, ":set_d", !!(set & TH_DESCRIPTION));
		db_bind_text(st, ":d",
		             (set & TH_DESCRIPTION) && in->description ? in->description : "");
		db_bind_int(st, ":id", id);
		if (db_step(st, e) >= 0)
			rc = 0;
		db_done(st);
	}
	return db_end(db, rc, e);
}

int theme_rm(struct db *db, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = theme_must_exist(db, id, NULL, e);
	if (rc == 0)
		rc = db_run_id(db, "DELETE FROM signal_theme WHERE theme_id = :id", id, e);
	if (rc >= 0)
		rc = db_run_id(db, "DELETE FROM theme WHERE id = :id", id, e);
	return db_end(db, rc >= 0 ? 0 : -1, e);
}

int theme_tag(struct db *db, int64_t id, int64_t signal_id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = theme_must_exist(db, id, NULL, e);
	if (rc == 0) {
		rc = db_run_id(db, "SELECT 1 FROM signal WHERE id = :id", signal_id, e);
		rc = rc == 1   ? 0
		     : rc == 0 ? err_set(e, ERR_NOT_FOUND, "signal_id",
		                         "signal_id: no signal with id %lld", (long long)signal_id)
		               : -1;
	}
	if (rc == 0) {
		int k = link_exists(db,
		                    "SELECT count(*) FROM signal_theme WHERE signal_id = :a "
		                    "AND theme_id = :b",
		                    signal_id, id, e);
		if (k > 0)
			rc = err_set(e, ERR_CONFLICT, "signal_id",
			             "signal_id: signal %lld is already tagged with theme %lld",
			             (long long)signal_id, (long long)id);
		else if (k < 0)
			rc = -1;
	}
	if (rc == 0)
		rc = link_insert(db,
		                 "INSERT INTO signal_theme (signal_id, theme_id) "
		                 "VALUES (:a, :b)",
		                 signal_id, id, e);
	return db_end(db, rc, e);
}

int theme_untag(struct db *db, int64_t id, int64_t signal_id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = theme_must_exist(db, id, NULL, e);
	if (rc == 0) {
		char msg[160];
		snprintf(msg, sizeof msg, "signal_id: signal %lld is not tagged with theme %lld",
		         (long long)signal_id, (long long)id);
		rc = link_delete(db,
		                 "DELETE FROM signal_theme WHERE signal_id = :a AND "
		                 "theme_id = :b RETURNING signal_id",
		                 signal_id, id, "signal_id", msg, e);
	}
	return db_end(db, rc, e);
}

json_t *theme_json(const struct theme *t)
{
	json_t *o = json_object();
	json_set_int(o, "id", t->id);
	json_set_str(o, "name", t->name);
	json_set_str(o, "description", t->description);
	json_set_int(o, "signal_count", t->nsignals);
	return o;
}

/* --- pressure ------------------------------------------------------------------ */

int32_t quarter_start(int32_t day)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	return date_from_ymd(y, (m - 1) / 3 * 3 + 1, 1);
}

/* The first day of the quarter k quarters before as_of's (k >= 0). */
static int32_t quarter_back(int32_t as_of, int k)
{
	int y, m, d;
	date_to_ymd(quarter_start(as_of), &y, &m, &d);
	int q = y * 4 + (m - 1) / 3 - k;
	return date_from_ymd(q / 4, q % 4 * 3 + 1, 1);
}

void theme_pressure_add(struct theme_pressure *t, int32_t as_of, int32_t day, int64_t score)
{
	if (day > as_of)
		return;
	if (day > as_of - 365)
		t->pressure += score;
	for (int k = 0; k < 4; k++)
		if (day >= quarter_back(as_of, k)) {
			t->quarters[3 - k] += score;
			break;
		}
}

void theme_pressure_flag(struct theme_pressure *t, int64_t high)
{
	t->flagged = t->pressure >= high && !t->responded;
}

const char *quarter_label(struct arena *a, int32_t as_of, int k)
{
	int y, m, d;
	date_to_ymd(quarter_back(as_of, 3 - k), &y, &m, &d);
	return arena_printf(a, "%d Q%d", y, (m - 1) / 3 + 1);
}

int signal_pressure_high(struct db *db, int64_t *v, struct err *e)
{
	*v = PRESSURE_HIGH_DEFAULT;
	struct stmt *st = db_prepare(db,
	                             "SELECT value FROM setting "
	                             "WHERE key = 'signals.pressure_high'",
	                             e);
	if (!st)
		return -1;
	int rc = db_step(st, e);
	if (rc == 1) {
		int64_t x;
		if (field_parse_int(db_col_text(st, 0), &x) == 0 && x >= 1 && x <= 1000000)
			*v = x; /* a damaged setting counts as unset */
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

const struct field pressure_high_fields[] = {
    {.name = "value",
     .type = FT_INT,
     .offset = offsetof(struct pressure_high_input, value),
     .bit = PH_VALUE,
     .min = 1,
     .max = 1000000,
     .help = "the pressure from which a theme with no response is flagged"},
    {0},
};

int signal_set_pressure_high(struct db *db, int64_t v, struct err *e)
{
	if (v < 1 || v > 1000000)
		return err_set(e, ERR_BAD_INPUT, "value",
		               "value: must be a whole number from 1 to 1000000");
	if (db_begin(db, e))
		return -1;
	char text[24];
	snprintf(text, sizeof text, "%lld", (long long)v);
	int rc = -1;
	struct stmt *st =
	    db_prepare(db, "DELETE FROM setting WHERE key = 'signals.pressure_high'", e);
	if (st) {
		int r = db_step(st, e);
		db_done(st);
		st = r < 0 ? NULL
		           : db_prepare(db,
		                        "INSERT INTO setting (key, value) "
		                        "VALUES ('signals.pressure_high', :v)",
		                        e);
	}
	if (st) {
		db_bind_text(st, ":v", text);
		if (db_step(st, e) >= 0)
			rc = 0;
		db_done(st);
	}
	return db_end(db, rc, e);
}

struct theme_row {
	int64_t id;
	const char *name;
	int64_t responses;
};

static void theme_resp_row(struct stmt *st, struct arena *a, void *item)
{
	struct theme_row *t = item;
	t->id = db_col_int(st, 0);
	t->name = arena_strdup(a, db_col_text(st, 1));
	t->responses = db_col_int(st, 2);
}

struct score_row {
	int64_t theme_id;
	const char *day;
	int64_t score;
};

static void score_row(struct stmt *st, struct arena *a, void *item)
{
	struct score_row *s = item;
	s->theme_id = db_col_int(st, 0);
	s->day = arena_strdup(a, db_col_text(st, 1));
	s->score = db_col_int(st, 2);
}

int theme_pressures(struct db *db, struct arena *a, int32_t as_of, int64_t unit_id,
                    struct theme_pressure **out, size_t *n, struct err *e)
{
	*out = NULL;
	*n = 0;
	int64_t high;
	if (signal_pressure_high(db, &high, e))
		return -1;
	struct stmt *st = db_prepare(
	    db,
	    "SELECT t.id, t.name, (SELECT count(*) FROM signal_theme x JOIN signal_response r "
	    "ON r.signal_id = x.signal_id WHERE x.theme_id = t.id) FROM theme t "
	    "ORDER BY t.name, t.id",
	    e);
	if (!st)
		return -1;
	struct theme_row *themes;
	size_t nt;
	if (db_collect(st, a, sizeof *themes, theme_resp_row, (void **)&themes, &nt, e))
		return -1;
	/* the earliest day either window may count */
	int32_t lo = as_of - 364, q0 = quarter_back(as_of, 3);
	char from[11], to[11];
	date_format(q0 < lo ? q0 : lo, from);
	date_format(as_of, to);
	st = db_prepare(db,
	                UNIT_SUBTREE_CTE
	                "SELECT x.theme_id, s.day, s.impact * s.likelihood FROM signal s "
	                "JOIN signal_theme x ON x.signal_id = s.id "
	                "WHERE s.day >= :from AND s.day <= :to "
	                "AND (:all_units = 1 OR s.unit_id IN (SELECT id FROM subtree))",
	                e);
	if (!st)
		return -1;
	db_bind_text(st, ":from", from);
	db_bind_text(st, ":to", to);
	db_bind_int(st, ":all_units", unit_id == 0);
	db_bind_int(st, ":unit", unit_id);
	struct score_row *rows;
	size_t nr;
	if (db_collect(st, a, sizeof *rows, score_row, (void **)&rows, &nr, e))
		return -1;
	struct theme_pressure *v = nt ? arena_alloc(a, nt * sizeof *v) : NULL;
	if (nt && !v)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	for (size_t i = 0; i < nt; i++) {
		v[i].theme_id = themes[i].id;
		v[i].name = themes[i].name;
		v[i].responded = themes[i].responses > 0;
		for (size_t k = 0; k < nr; k++) {
			int32_t d;
			if (rows[k].theme_id == v[i].theme_id && date_parse(rows[k].day, &d) == 0)
				theme_pressure_add(&v[i], as_of, d, rows[k].score);
		}
		theme_pressure_flag(&v[i], high);
	}
	*out = v;
	*n = nt;
	return 0;
}

json_t *theme_pressure_json(const struct theme_pressure *t)
{
	json_t *o = json_object();
	json_set_int(o, "theme_id", t->theme_id);
	json_set_str(o, "name", t->name);
	json_set_int(o, "pressure", t->pressure);
	json_t *q = json_array();
	for (int k = 0; k < 4; k++)
		json_array_append_new(q, json_integer(t->quarters[k]));
	json_object_set_new(o, "quarters", q);
	json_object_set_new(o, "responded", json_boolean(t->responded));
	json_object_set_new(o, "flagged", json_boolean(t->flagged));
	return o;
}

int signal_heat(struct db *db, int32_t as_of, int64_t unit_id, struct signal_heat *h, struct err *e)
{
	memset(h, 0, sizeof *h);
	char from[11], to[11];
	date_format(as_of - 364, from);
	date_format(as_of, to);
	struct stmt *st = db_prepare(
	    db,
	    UNIT_SUBTREE_CTE
	    "SELECT s.category, s.kind, sum(s.impact * s.likelihood), count(*) FROM signal s "
	    "WHERE s.day >= :from AND s.day <= :to "
	    "AND (:all_units = 1 OR s.unit_id IN (SELECT id FROM subtree)) "
	    "GROUP BY s.category, s.kind",
	    e);
	if (!st)
		return -1;
	db_bind_text(st, ":from", from);
	db_bind_text(st, ":to", to);
	db_bind_int(st, ":all_units", unit_id == 0);
	db_bind_int(st, ":unit", unit_id);
	int rc;
	while ((rc = db_step(st, e)) == 1) {
		const char *cat = db_col_text(st, 0), *kind = db_col_text(st, 1);
		for (int c = 0; c < SIGNAL_NCATEGORIES; c++)
			if (cat && strcmp(cat, signal_categories[c]) == 0) {
				int k = kind && strcmp(kind, "threat") == 0;
				h->score[c][k] = db_col_int(st, 2);
				h->count[c][k] = db_col_int(st, 3);
			}
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/* --- import -------------------------------------------------------------------- */

static const char *const import_columns[] = {
    "observed", "source", "day", "category", "kind", "impact", "likelihood", "unit_id", "themes"};

/* Parses an integer cell of line into *v, naming the field. */
static int import_int(const char *s, const char *field, size_t line, int64_t *v, struct err *e)
{
	if (field_parse_int(s, v))
		return err_set(e, ERR_BAD_INPUT, field,
		               "line %zu: %s: must be a whole number "
		               "(got \"%.40s\")",
		               line, field, s);
	return 0;
}

/* The id of the theme named name, created when new. */
static int import_theme(struct db *db, const char *name, int64_t *id, struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT id FROM theme WHERE name = :name", e);
	if (!st)
		return -1;
	db_bind_text(st, ":name", name);
	int rc = db_one_int(st, id, e);
	if (rc < 0)
		return -1;
	if (rc == 1)
		return 0;
	return insert_theme(db, name, "", id, e);
}

/* Tags signal id with each ';'-separated theme name of list. */
static int import_themes(struct db *db, struct arena *a, int64_t id, const char *list,
                         struct err *e)
{
	char *s = arena_strdup(a, list);
	for (char *tok = s; tok && *tok;) {
		char *semi = strchr(tok, ';');
		if (semi)
			*semi = '\0';
		while (*tok == ' ')
			tok++;
		size_t len = strlen(tok);
		while (len && tok[len - 1] == ' ')
			tok[--len] = '\0';
		if (len) {
			int64_t theme;
			if (import_theme(db, tok, &theme, e))
				return -1;
			int k = link_exists(db,
			                    "SELECT count(*) FROM signal_theme WHERE "
			                    "signal_id = :a AND theme_id = :b",
			                    id, theme, e);
			if (k < 0 || (!k && link_insert(db,
			                                "INSERT INTO signal_theme (signal_id, "
			                                "theme_id) VALUES (:a, :b)",
			                                id, theme, e)))
				return -1;
		}
		tok = semi ? semi + 1 : NULL;
	}
	return 0;
}

/* Imports rows; without a transaction of its own. */
static int import_rows(struct db *db, struct arena *a, const char *text, size_t len,
                       int (*allow)(void *ctx, int64_t unit_id, struct err *e), void *ctx,
                       int64_t *count, struct err *e)
{
	struct csvread c;
	csvread_init(&c, text, len);
	char **f;
	size_t n, line;
	int rc = csvread_next(&c, a, &f, &n, &line);
	if (rc < 0)
		return err_set(e, ERR_BAD_INPUT, "csv", "line %zu: malformed CSV", line);
	if (rc == 0)
		return err_set(e, ERR_BAD_INPUT, "csv",
		               "line 1: the file is empty: it needs a "
		               "header row");
	/* the header: the eight columns in order, then optionally themes */
	if (n < 8 || n > 9)
		return err_set(e, ERR_BAD_INPUT, "csv",
		               "line 1: the header must be observed,"
		               "source,day,category,kind,impact,likelihood,unit_id[,themes]");
	for (size_t i = 0; i < n; i++) {
		const char *h = f[i];
		if (i == 0 && (unsigned char)h[0] == 0xEF && (unsigned char)h[1] == 0xBB &&
		    (unsigned char)h[2] == 0xBF)
			h += 3; /* a byte order mark */
		if (strcmp(h, import_columns[i]) != 0)
			return err_set(e, ERR_BAD_INPUT, "csv",
			               "line 1: column %zu must be \"%s\" "
			               "(got \"%.40s\")",
			               i + 1, import_columns[i], h);
	}
	size_t ncols = n;
	char today[11];
	date_format(date_today(), today);
	while ((rc = csvread_next(&c, a, &f, &n, &line)) == 1) {
		if (n == 1 && !f[0][0])
			continue; /* a blank line */
		if (n != ncols)
			return err_set(e, ERR_BAD_INPUT, "csv",
			               "line %zu: has %zu fields, the header "
			               "%zu",
			               line, n, ncols);
		struct signal_input v = {.observed = f[0],
		                         .source = f[1],
		                         .day = f[2][0] ? f[2] : today,
		                         .category = f[3],
		                         .kind = f[4]};
		if (import_int(f[5], "impact", line, &v.impact, e) ||
		    import_int(f[6], "likelihood", line, &v.likelihood, e) ||
		    import_int(f[7], "unit_id", line, &v.unit_id, e))
			return -1;
		if (utf8_valid_prefix(f[0], strlen(f[0])) != strlen(f[0]) ||
		    utf8_valid_prefix(f[1], strlen(f[1])) != strlen(f[1]))
			return err_set(e, ERR_BAD_INPUT, "observed",
			               "line %zu: observed: must be "
			               "UTF-8 text",
			               line);
		if (strlen(f[0]) > 1000)
			return err_set(e, ERR_BAD_INPUT, "observed",
			               "line %zu: observed: at most "
			               "1000 bytes",
			               line);
		if (strlen(f[1]) > 500)
			return err_set(e, ERR_BAD_INPUT, "source",
			               "line %zu: source: at most "
			               "500 bytes",
			               line);
		int64_t id = 0;
		int bad = 0;
		if (allow) /* an unknown unit first, then the caller's rule */
			bad = unit_must_exist(db, v.unit_id, "unit_id", e) ||
			      allow(ctx, v.unit_id, e);
		if (!bad)
			bad = insert_signal(db, &v, 0, &id, e) ||
			      (ncols == 9 && import_themes(db, a, id, f[8], e));
		if (bad) {
			/* prefix the row's line number to the domain's message */
			char msg[sizeof e->msg];
			snprintf(msg, sizeof msg, "line %zu: %.480s", line, e->msg);
			snprintf(e->msg, sizeof e->msg, "%s", msg);
			if (e->status == ERR_NOT_FOUND)
				e->status = ERR_BAD_INPUT; /* the file is what is wrong */
			return -1;
		}
		(*count)++;
	}
	if (rc < 0)
		return err_set(e, ERR_BAD_INPUT, "csv", "line %zu: malformed CSV", line);
	return 0;
}

int signal_import(struct db *db, const char *text, size_t len, int64_t *count, struct err *e)
{
	return signal_import_as(db, text, len, NULL, NULL, count, e);
}

int signal_import_as(struct db *db, const char *text, size_t len,
                     int (*allow)(void *ctx, int64_t unit_id, struct err *e), void *ctx,
                     int64_t *count, struct err *e)
{
	*count = 0;
	struct arena a = {0};
	if (db_begin(db, e))
		return -1;
	int rc = import_rows(db, &a, text, len, allow, ctx, count, e);
	arena_free(&a);
	if (rc)
		*count = 0;
	return db_end(db, rc, e);
}
