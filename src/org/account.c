/* account: see account.h. */
#include "org/account.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/json.h"
#include "org/person.h"

enum { F_PERSON = ACC_PERSON, F_ROLE = ACC_ROLE, F_PASSWORD = ACC_PASSWORD, F_LOGIN = ACC_LOGIN };

const struct field account_fields[] = {
	{.name = "person_id", .type = FT_ID, .offset = offsetof(struct account_input, person_id),
	 .bit = F_PERSON, .help = "the person who signs in (none: an admin of no person)"},
	{.name = "login", .type = FT_TEXT, .offset = offsetof(struct account_input, login),
	 .bit = F_LOGIN, .max = 120, .help = "the sign-in name (default: the person's email)"},
	{.name = "role", .type = FT_ENUM, .offset = offsetof(struct account_input, role),
	 .bit = F_ROLE, .required = 1, .choices = (const char *const[]){"admin", "manager",
									 "member", "viewer", NULL},
	 .help = "admin, manager (their unit's subtree), member or viewer"},
	{.name = "password", .type = FT_TEXT, .offset = offsetof(struct account_input, password),
	 .bit = F_PASSWORD, .max = PASSWORD_MAX,
	 .help = "at least 10 characters (default: one is generated and printed once)"},
	{0},
};

static const char *const role_names[] = {"", "viewer", "member", "manager", "admin"};

const char *role_name(enum role r)
{
	return r > ROLE_NONE && r <= ROLE_ADMIN ? role_names[r] : "";
}

enum role role_parse(const char *s)
{
	for (int r = ROLE_VIEWER; s && r <= ROLE_ADMIN; r++)
		if (strcmp(s, role_names[r]) == 0)
			return (enum role)r;
	return ROLE_NONE;
}

static int sodium_ready(struct err *e)
{
	if (sodium_init() < 0)
		return err_set(e, ERR_INTERNAL, "", "libsodium could not start");
	return 0;
}

static int64_t now(void)
{
	return (int64_t)time(NULL);
}

static int check_password(const char *pw, const char *field, struct err *e)
{
	size_t n = pw ? strlen(pw) : 0;
	if (n < PASSWORD_MIN)
		return err_set(e, ERR_BAD_INPUT, field, "%s: must be at least %d characters",
			       field, PASSWORD_MIN);
	if (n > PASSWORD_MAX)
		return err_set(e, ERR_BAD_INPUT, field, "%s: must be at most %d characters",
			       field, PASSWORD_MAX);
	return 0;
}

static int hash_password(const char *pw, char out[crypto_pwhash_STRBYTES], struct err *e)
{
	if (sodium_ready(e))
		return -1;
	/* Argon2id, libsodium's interactive limits (64 MiB, 2 passes) */
	if (crypto_pwhash_str(out, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return err_set(e, ERR_INTERNAL, "", "out of memory hashing the password");
	return 0;
}

/* 32 random bytes in base64url without padding: 43 characters. */
static void random_token(char out[TOKEN_CHARS + 1])
{
	unsigned char raw[32];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(out, TOKEN_CHARS + 1, raw, sizeof raw,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof raw);
}

/* The stored form of a token: BLAKE2b-256, hex. */
static void token_hash(const char *token, char out[65])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, 65, h, sizeof h);
}

/* A generated password: 20 characters from an alphabet without look-alikes. */
static void generate_password(char out[PASSWORD_GEN_SIZE])
{
	static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	for (int i = 0; i < 20; i++)
		out[i] = alphabet[randombytes_uniform(sizeof alphabet - 1)];
	out[20] = 0;
}

int account_count(struct db *db, int64_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT count(*) FROM account", e);
	return st && db_one_int(st, n, e) >= 0 ? 0 : -1;
}

/* *last = 1 when account id is the only admin left. */
static int is_last_admin(struct db *db, int64_t id, int *last, struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT CASE WHEN role = 'admin' AND NOT EXISTS (SELECT 1 "
				     "FROM account o WHERE o.role = 'admin' AND o.id <> :id) THEN 1 "
				     "ELSE 0 END FROM account WHERE id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int64_t v = 0;
	if (db_one_int(st, &v, e) < 0)
		return -1;
	*last = v != 0;
	return 0;
}

int account_add(struct db *db, const struct account_input *in, unsigned set, int64_t *id,
		char *generated, struct err *e)
{
	if (fields_require(account_fields, set, e))
		return -1;
	if (!(set & ACC_PERSON) || !in->person_id) {
		if (strcmp(in->role, "admin") != 0)
			return err_set(e, ERR_BAD_INPUT, "person_id",
				       "person_id: is required for a %s (only an admin may belong "
				       "to no person)", in->role);
		if (!(set & ACC_LOGIN) || !in->login || !*in->login)
			return err_set(e, ERR_BAD_INPUT, "login",
				       "login: is required for an account of no person");
	}
	if ((set & ACC_LOGIN) && in->login) {
		for (const char *p = in->login; *p; p++)
			if ((unsigned char)*p <= ' ' || (*p >= 'A' && *p <= 'Z'))
				return err_set(e, ERR_BAD_INPUT, "login",
					       "login: lower case, without spaces or control "
					       "characters");
		if (!*in->login)
			return err_set(e, ERR_BAD_INPUT, "login", "login: must not be empty");
	}
	char pw[PASSWORD_GEN_SIZE];
	const char *password = in->password;
	if (!(set & ACC_PASSWORD) || !password) {
		if (sodium_ready(e))
			return -1;
		generate_password(pw);
		password = pw;
	} else if (check_password(password, "password", e)) {
		return -1;
	}
	char hash[crypto_pwhash_STRBYTES];
	if (hash_password(password, hash, e))
		return -1;
	if (db_begin(db, e))
		return -1;
	int has_person = (set & ACC_PERSON) && in->person_id;
	int rc = has_person ? person_must_exist(db, in->person_id, "person_id", e) : 0;
	struct stmt *st = NULL;
	if (rc == 0 && has_person) {
		st = db_prepare(db, "SELECT count(*) FROM account WHERE person_id = :p", e);
		int64_t n = 0;
		if (!st)
			rc = -1;
		else {
			db_bind_int(st, ":p", in->person_id);
			rc = db_one_int(st, &n, e) < 0 ? -1 : 0;
		}
		if (rc == 0 && n)
			rc = err_set(e, ERR_CONFLICT, "person_id",
				     "person_id: person %lld already has an account",
				     (long long)in->person_id);
	}
	if (rc == 0) {
		/* the login must be free */
		st = db_prepare(db, "SELECT count(*) FROM account WHERE login = coalesce(:login, "
				"(SELECT lower(email) FROM person WHERE id = :p))", e);
		int64_t n = 0;
		if (!st) {
			rc = -1;
		} else {
			db_bind_text(st, ":login", (set & ACC_LOGIN) ? in->login : NULL);
			db_bind_id(st, ":p", has_person ? in->person_id : 0);
			rc = db_one_int(st, &n, e) < 0 ? -1 : 0;
		}
		if (rc == 0 && n)
			rc = err_set(e, ERR_CONFLICT, "login", "login: %s is already taken",
				     (set & ACC_LOGIN) ? in->login : "the person's email");
	}
	if (rc == 0) {
		st = db_prepare(db, "INSERT INTO account (person_id, login, role, pw_hash, created_at) "
				"VALUES (:p, coalesce(:login, (SELECT lower(email) FROM person "
				"WHERE id = :p)), :role, :hash, :now) RETURNING id", e);
		if (!st) {
			rc = -1;
		} else {
			db_bind_id(st, ":p", has_person ? in->person_id : 0);
			db_bind_text(st, ":login", (set & ACC_LOGIN) ? in->login : NULL);
			db_bind_text(st, ":role", in->role);
			db_bind_text(st, ":hash", hash);
			db_bind_int(st, ":now", now());
			rc = db_one_int(st, id, e) == 1 ? 0 : -1;
		}
	}
	sodium_memzero(hash, sizeof hash);
	if (db_end(db, rc, e)) {
		sodium_memzero(pw, sizeof pw);
		return -1;
	}
	if (password == pw && generated)
		memcpy(generated, pw, PASSWORD_GEN_SIZE);
	sodium_memzero(pw, sizeof pw);
	return 0;
}

#define ACCOUNT_COLS                                                                   \
	"a.id, coalesce(a.person_id, 0), a.login, coalesce(p.name, ''), a.role, "       \
	"coalesce(p.unit_id, 0), coalesce(u.name, ''), a.created_at FROM account a "     \
	"LEFT JOIN person p ON p.id = a.person_id LEFT JOIN unit u ON u.id = p.unit_id "

static void account_row(struct stmt *st, struct arena *a, void *item)
{
	struct account *x = item;
	x->id = db_col_int(st, 0);
	x->person_id = db_col_int(st, 1);
	x->login = arena_strdup(a, db_col_text(st, 2));
	x->person_name = arena_strdup(a, db_col_text(st, 3));
	x->role = role_parse(db_col_text(st, 4));
	x->unit_id = db_col_int(st, 5);
	x->unit_name = arena_strdup(a, db_col_text(st, 6));
	x->created_at = db_col_int(st, 7);
}

int account_get(struct db *db, struct arena *a, int64_t id, struct account *out,
		struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT " ACCOUNT_COLS "WHERE a.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", id);
	int rc = db_step(st, e);
	if (rc == 1)
		account_row(st, a, out);
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no account with id %lld", (long long)id);
	return rc < 0 ? -1 : 0;
}

int account_list(struct db *db, struct arena *a, struct account **out, size_t *n,
		 struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT " ACCOUNT_COLS "ORDER BY a.login", e);
	if (!st)
		return -1;
	return db_collect(st, a, sizeof **out, account_row, (void **)out, n, e);
}

static int account_must_exist(struct db *db, int64_t id, struct err *e)
{
	int rc = db_run_id(db, "SELECT 1 FROM account WHERE id = :id", id, e);
	if (rc == 0)
		return err_set(e, ERR_NOT_FOUND, "id", "no account with id %lld", (long long)id);
	return rc < 0 ? -1 : 0;
}

int account_set(struct db *db, int64_t id, const struct account_input *in, unsigned set,
		struct err *e)
{
	if (set & (ACC_PERSON | ACC_PASSWORD))
		return err_set(e, ERR_BAD_INPUT, set & ACC_PERSON ? "person_id" : "password",
			       "%s: cannot be changed here%s", set & ACC_PERSON ? "person_id"
			       : "password", set & ACC_PERSON ? "" : " (use passwd)");
	if (db_begin(db, e))
		return -1;
	int rc = account_must_exist(db, id, e);
	if (rc == 0 && (set & ACC_ROLE) && strcmp(in->role, "admin") != 0) {
		int last = 0;
		int64_t person = 0;
		struct stmt *st = NULL;
		rc = is_last_admin(db, id, &last, e);
		if (rc == 0 && last)
			rc = err_set(e, ERR_CONFLICT, "role",
				     "role: account %lld is the last admin; make another admin first",
				     (long long)id);
		if (rc == 0 && !(st = db_prepare(db, "SELECT coalesce(person_id, 0) FROM account "
						 "WHERE id = :id", e)))
			rc = -1;
		if (st) {
			db_bind_int(st, ":id", id);
			rc = db_one_int(st, &person, e) < 0 ? -1 : 0;
		}
		if (rc == 0 && !person)
			rc = err_set(e, ERR_BAD_INPUT, "role",
				     "role: account %lld belongs to no person, so it can only be an "
				     "admin", (long long)id);
	}
	if (rc == 0 && (set & ACC_ROLE)) {
		struct stmt *st = db_prepare(db, "UPDATE account SET role = :role WHERE id = :id", e);
		if (!st) {
			rc = -1;
		} else {
			db_bind_text(st, ":role", in->role);
			db_bind_int(st, ":id", id);
			rc = db_step(st, e) < 0 ? -1 : 0;
			db_done(st);
		}
	}
	return db_end(db, rc, e);
}

int account_passwd(struct db *db, int64_t id, const char *password, struct err *e)
{
	if (check_password(password, "password", e))
		return -1;
	char hash[crypto_pwhash_STRBYTES];
	if (hash_password(password, hash, e))
		return -1;
	if (db_begin(db, e))
		return -1;
	int rc = account_must_exist(db, id, e);
	struct stmt *st = rc ? NULL : db_prepare(db, "UPDATE account SET pw_hash = :h WHERE id = :id", e);
	if (st) {
		db_bind_text(st, ":h", hash);
		db_bind_int(st, ":id", id);
		rc = db_step(st, e) < 0 ? -1 : 0;
		db_done(st);
	} else if (!rc) {
		rc = -1;
	}
	/* a new password ends every session signed in with the old one */
	if (rc == 0) {
		st = db_prepare(db, "DELETE FROM token WHERE account_id = :id AND kind = 'session'", e);
		if (!st) {
			rc = -1;
		} else {
			db_bind_int(st, ":id", id);
			rc = db_step(st, e) < 0 ? -1 : 0;
			db_done(st);
		}
	}
	sodium_memzero(hash, sizeof hash);
	return db_end(db, rc, e);
}

int account_rm(struct db *db, int64_t id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	int rc = account_must_exist(db, id, e);
	int last = 0;
	if (rc == 0)
		rc = is_last_admin(db, id, &last, e);
	if (rc == 0 && last)
		rc = err_set(e, ERR_CONFLICT, "id",
			     "account %lld is the last admin; make another admin first", (long long)id);
	if (rc == 0)
		rc = db_run_id(db, "DELETE FROM token WHERE account_id = :id", id, e) < 0 ? -1 : 0;
	if (rc == 0)
		rc = db_run_id(db, "DELETE FROM account WHERE id = :id", id, e) < 0 ? -1 : 0;
	return db_end(db, rc, e);
}

json_t *account_json(const struct account *a)
{
	json_t *j = json_object();
	json_set_int(j, "id", a->id);
	json_set_id(j, "person_id", a->person_id);
	json_set_str(j, "login", a->login);
	json_set_str(j, "name", a->person_name);
	json_set_str(j, "role", role_name(a->role));
	json_set_id(j, "unit_id", a->unit_id);
	json_set_str(j, "unit", a->unit_name);
	json_set_int(j, "created_at", a->created_at);
	return j;
}

/* Counts recent failures; 429 when over either limit. */
static int rate_limited(struct db *db, const char *login, const char *address, struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT (SELECT count(*) FROM login_failure WHERE "
				     "login = :login AND at > :since), (SELECT count(*) FROM "
				     "login_failure WHERE address = :addr AND at > :since)", e);
	if (!st)
		return -1;
	db_bind_text(st, ":login", login);
	db_bind_text(st, ":addr", address);
	db_bind_int(st, ":since", now() - LOGIN_WINDOW);
	int rc = db_step(st, e);
	int64_t by_login = rc == 1 ? db_col_int(st, 0) : 0;
	int64_t by_addr = rc == 1 ? db_col_int(st, 1) : 0;
	db_done(st);
	if (rc < 0)
		return -1;
	if (by_login >= LOGIN_MAX_PER_LOGIN || by_addr >= LOGIN_MAX_PER_ADDRESS)
		return err_set(e, ERR_TOO_MANY, "login",
			       "too many failed sign-ins; try again in %d minutes",
			       LOGIN_WINDOW / 60);
	return 0;
}

static int record_failure(struct db *db, const char *login, const char *address, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	struct stmt *st = db_prepare(db, "INSERT INTO login_failure (login, address, at) "
				     "VALUES (:login, :addr, :now)", e);
	int rc = -1;
	if (st) {
		db_bind_text(st, ":login", login);
		db_bind_text(st, ":addr", address);
		db_bind_int(st, ":now", now());
		rc = db_step(st, e) < 0 ? -1 : 0;
		db_done(st);
	}
	/* what no longer counts goes */
	st = rc ? NULL : db_prepare(db, "DELETE FROM login_failure WHERE at < :old", e);
	if (st) {
		db_bind_int(st, ":old", now() - 24 * 3600);
		rc = db_step(st, e) < 0 ? -1 : 0;
		db_done(st);
	}
	return db_end(db, rc, e);
}

/* Fills who from an account row: id, person, unit, role, login, name. */
static int load_actor(struct db *db, int64_t account_id, struct actor *who, struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT a.id, coalesce(a.person_id, 0), "
				     "coalesce(p.unit_id, 0), a.role, a.login, coalesce(p.name, "
				     "a.login) FROM account a LEFT JOIN person p ON "
				     "p.id = a.person_id WHERE a.id = :id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", account_id);
	int rc = db_step(st, e);
	if (rc == 1) {
		who->account_id = db_col_int(st, 0);
		who->person_id = db_col_int(st, 1);
		who->unit_id = db_col_int(st, 2);
		who->role = role_parse(db_col_text(st, 3));
		snprintf(who->login, sizeof who->login, "%s", db_col_text(st, 4));
		snprintf(who->name, sizeof who->name, "%s", db_col_text(st, 5));
	}
	db_done(st);
	if (rc == 0)
		return err_set(e, ERR_UNAUTHORIZED, "", "sign in first");
	return rc < 0 ? -1 : 0;
}

static int insert_token(struct db *db, int64_t account_id, const char *kind, const char *name,
			int64_t expires, const char *token, const char *csrf, int64_t *id,
			struct err *e)
{
	char h[65];
	token_hash(token, h);
	struct stmt *st = db_prepare(db, "INSERT INTO token (account_id, kind, hash, csrf, name, "
				     "created_at, expires_at) VALUES (:acc, :kind, :hash, :csrf, "
				     ":name, :now, :exp) RETURNING id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":acc", account_id);
	db_bind_text(st, ":kind", kind);
	db_bind_text(st, ":hash", h);
	db_bind_text(st, ":csrf", csrf);
	db_bind_text(st, ":name", name);
	db_bind_int(st, ":now", now());
	db_bind_int(st, ":exp", expires);
	int64_t tid = 0;
	int rc = db_one_int(st, &tid, e) == 1 ? 0 : -1;
	if (id)
		*id = tid;
	return rc;
}

int session_login(struct db *db, const char *login, const char *password,
		  const char *address, char token[TOKEN_CHARS + 1], struct actor *who,
		  struct err *e)
{
	if (sodium_ready(e))
		return -1;
	char key[128];
	size_t n = 0;
	for (const char *p = login ? login : ""; *p && n + 1 < sizeof key; p++)
		key[n++] = (*p >= 'A' && *p <= 'Z') ? (char)(*p - 'A' + 'a') : *p;
	key[n] = 0;
	if (!address)
		address = "";
	if (!n || !password || !*password)
		return err_set(e, ERR_BAD_INPUT, n ? "password" : "login", "%s: is required",
			       n ? "password" : "login");
	if (rate_limited(db, key, address, e))
		return -1;
	struct stmt *st = db_prepare(db, "SELECT id, pw_hash FROM account WHERE login = :login", e);
	if (!st)
		return -1;
	db_bind_text(st, ":login", key);
	int rc = db_step(st, e);
	int64_t account_id = rc == 1 ? db_col_int(st, 0) : 0;
	char hash[crypto_pwhash_STRBYTES] = "";
	if (rc == 1)
		snprintf(hash, sizeof hash, "%s", db_col_text(st, 1));
	db_done(st);
	if (rc < 0)
		return -1;
	/* an unknown login costs the same as a wrong password */
	static char dummy[crypto_pwhash_STRBYTES];
	if (!dummy[0] && hash_password("not a password at all", dummy, e))
		return -1;
	int ok = crypto_pwhash_str_verify(hash[0] ? hash : dummy, password, strlen(password)) == 0;
	sodium_memzero(hash, sizeof hash);
	if (!ok || !account_id) {
		if (record_failure(db, key, address, e))
			return -1;
		return err_set(e, ERR_UNAUTHORIZED, "password", "wrong login or password");
	}
	char csrf[65];
	unsigned char raw[32];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(csrf, sizeof csrf, raw, sizeof raw);
	random_token(token);
	if (db_begin(db, e))
		return -1;
	rc = insert_token(db, account_id, "session", "", now() + SESSION_SECONDS, token, csrf,
			  &who->token_id, e);
	if (db_end(db, rc, e))
		return -1;
	if (load_actor(db, account_id, who, e))
		return -1;
	snprintf(who->csrf, sizeof who->csrf, "%s", csrf);
	return 0;
}

int token_lookup(struct db *db, const char *token, struct actor *who, struct err *e)
{
	if (sodium_ready(e))
		return -1;
	if (!token || strlen(token) != TOKEN_CHARS)
		return err_set(e, ERR_UNAUTHORIZED, "", "sign in first (the token is not valid)");
	char h[65];
	token_hash(token, h);
	struct stmt *st = db_prepare(db, "SELECT id, account_id, csrf, expires_at FROM token "
				     "WHERE hash = :h", e);
	if (!st)
		return -1;
	db_bind_text(st, ":h", h);
	int rc = db_step(st, e);
	int64_t tid = 0, acc = 0, expires = 0;
	char csrf[68] = "";
	if (rc == 1) {
		tid = db_col_int(st, 0);
		acc = db_col_int(st, 1);
		snprintf(csrf, sizeof csrf, "%s", db_col_text(st, 2));
		expires = db_col_int(st, 3);
	}
	db_done(st);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(e, ERR_UNAUTHORIZED, "", "sign in first (unknown or revoked token)");
	if (expires <= now())
		return err_set(e, ERR_UNAUTHORIZED, "", "sign in again (the session has expired)");
	if (load_actor(db, acc, who, e))
		return -1;
	who->token_id = tid;
	snprintf(who->csrf, sizeof who->csrf, "%s", csrf);
	return 0;
}

int token_revoke(struct db *db, int64_t account_id, int64_t token_id, struct err *e)
{
	if (db_begin(db, e))
		return -1;
	struct stmt *st = db_prepare(db, "DELETE FROM token WHERE id = :id AND account_id = :acc "
				     "RETURNING id", e);
	int64_t gone = 0;
	int rc = -1;
	if (st) {
		db_bind_int(st, ":id", token_id);
		db_bind_int(st, ":acc", account_id);
		rc = db_one_int(st, &gone, e);
		if (rc == 0)
			rc = err_set(e, ERR_NOT_FOUND, "id", "no token with id %lld",
				     (long long)token_id);
		else if (rc == 1)
			rc = 0;
	}
	return db_end(db, rc, e);
}

int api_token_add(struct db *db, int64_t account_id, const char *name, int64_t days,
		  char token[TOKEN_CHARS + 1], int64_t *id, struct err *e)
{
	if (sodium_ready(e))
		return -1;
	if (!name || !*name)
		return err_set(e, ERR_BAD_INPUT, "name", "name: is required (what the token is for)");
	if (strlen(name) > 100)
		return err_set(e, ERR_BAD_INPUT, "name", "name: must be at most 100 characters");
	if (days < 1 || days > 3650)
		return err_set(e, ERR_BAD_INPUT, "days", "days: must be between 1 and 3650");
	random_token(token);
	if (db_begin(db, e))
		return -1;
	int rc = account_must_exist(db, account_id, e);
	if (rc == 0)
		rc = insert_token(db, account_id, "api", name, now() + days * 86400, token, "", id, e);
	return db_end(db, rc, e);
}

static void token_row(struct stmt *st, struct arena *a, void *item)
{
	struct api_token *t = item;
	t->id = db_col_int(st, 0);
	t->name = arena_strdup(a, db_col_text(st, 1));
	t->created_at = db_col_int(st, 2);
	t->expires_at = db_col_int(st, 3);
	t->last_used = db_col_int(st, 4);
}

int api_token_list(struct db *db, struct arena *a, int64_t account_id, struct api_token **out,
		   size_t *n, struct err *e)
{
	struct stmt *st = db_prepare(db, "SELECT id, name, created_at, expires_at, "
				     "coalesce(last_used, 0) FROM token WHERE account_id = :acc "
				     "AND kind = 'api' ORDER BY id", e);
	if (!st)
		return -1;
	db_bind_int(st, ":acc", account_id);
	return db_collect(st, a, sizeof **out, token_row, (void **)out, n, e);
}

json_t *api_token_json(const struct api_token *t)
{
	json_t *j = json_object();
	json_set_int(j, "id", t->id);
	json_set_str(j, "name", t->name);
	json_set_int(j, "created_at", t->created_at);
	json_set_int(j, "expires_at", t->expires_at);
	return j;
}
