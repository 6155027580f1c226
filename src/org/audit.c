/* audit: see audit.h. */
#include "org/audit.h"

#include <time.h>

#include "base/json.h"

static const char *const via_names[] = {"cli", "api", "ui"};

int audit_write(struct db *db, const struct actor *who, const char *action, int64_t entity_id,
		const char *detail, struct err *e)
{
	struct stmt *st = db_prepare(db, "INSERT INTO audit (at, account_id, actor, via, action, "
				     "entity_id, detail) VALUES (:at, :acc, :actor, :via, :action, "
				     ":ent, :detail)", e);
	if (!st)
		return -1;
	db_bind_int(st, ":at", (int64_t)time(NULL));
	db_bind_id(st, ":acc", who->account_id);
	db_bind_text(st, ":actor", who->login[0] ? who->login : "cli");
	db_bind_text(st, ":via", via_names[who->via <= VIA_UI ? who->via : 0]);
	db_bind_text(st, ":action", action);
	db_bind_id(st, ":ent", entity_id);
	db_bind_text(st, ":detail", detail ? detail : "");
	int rc = db_step(st, e);
	db_done(st);
	return rc < 0 ? -1 : 0;
}

static void audit_row(struct stmt *st, struct arena *a, void *item)
{
	struct audit_entry *x = item;
	x->id = db_col_int(st, 0);
	x->at = db_col_int(st, 1);
	x->actor = arena_strdup(a, db_col_text(st, 2));
	x->via = arena_strdup(a, db_col_text(st, 3));
	x->action = arena_strdup(a, db_col_text(st, 4));
	x->entity_id = db_col_int(st, 5);
	x->detail = arena_strdup(a, db_col_text(st, 6));
}

int audit_list(struct db *db, struct arena *a, int64_t limit, int64_t offset,
	       struct audit_entry **out, size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT id, at, actor, via, action, coalesce(entity_id, 0), "
				     "detail FROM audit ORDER BY id DESC LIMIT :limit OFFSET :offset",
				     e);
	if (!st)
		return -1;
	db_bind_int(st, ":limit", limit);
	db_bind_int(st, ":offset", offset);
	return db_collect(st, a, sizeof **out, audit_row, (void **)out, n, e);
}

json_t *audit_json(const struct audit_entry *x)
{
	json_t *j = json_object();
	json_set_int(j, "id", x->id);
	char when[32];
	time_t t = (time_t)x->at;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	json_set_str(j, "at", when);
	json_set_str(j, "actor", x->actor);
	json_set_str(j, "via", x->via);
	json_set_str(j, "action", x->action);
	json_set_id(j, "entity_id", x->entity_id);
	json_set_str(j, "detail", x->detail);
	return j;
}
