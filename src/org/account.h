/* account: sign-in for people. An account belongs to one person and has
 * a role (access.h). Passwords are hashed with Argon2id (libsodium).
 * Sessions (browser sign-ins) and API tokens are random 256-bit tokens
 * given to the client once and stored only as a BLAKE2b hash; a session
 * also carries a CSRF token for its forms. Failed sign-ins are counted
 * per login and per address, in the database, so that every server of
 * one database sees them. */
#ifndef TANDEM_ACCOUNT_H
#define TANDEM_ACCOUNT_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "org/access.h"
#include "store/db.h"

enum {
	PASSWORD_MIN = 10,		/* characters (bytes) */
	PASSWORD_MAX = 200,
	SESSION_SECONDS = 8 * 3600,	/* a browser session's life */
	TOKEN_DAYS_DEFAULT = 90,	/* an API token's life unless given */
	LOGIN_WINDOW = 15 * 60,		/* failed sign-ins counted over this */
	LOGIN_MAX_PER_LOGIN = 5,
	LOGIN_MAX_PER_ADDRESS = 20,
	TOKEN_CHARS = 43,		/* 32 random bytes in base64url */
};

struct account {
	int64_t id;
	int64_t person_id;
	const char *login;
	const char *person_name;
	enum role role;
	int64_t unit_id;
	const char *unit_name;
	int64_t created_at;	/* unix seconds */
};

enum { ACC_PERSON = 1u << 0, ACC_ROLE = 1u << 1, ACC_PASSWORD = 1u << 2, ACC_LOGIN = 1u << 3 };

struct account_input {
	int64_t person_id;	/* 0: an admin of no person (the operator's, scripts') */
	const char *role;
	const char *password;	/* NULL: generate one (account_add) */
	const char *login;	/* default: the person's email */
};
extern const struct field account_fields[];

/* Adds an account for a person (login = the person's email unless
 * given), or an admin of no person (a login is then needed). When
 * in->password is NULL a password is generated and copied to
 * generated[PASSWORD_GEN_SIZE]. */
enum { PASSWORD_GEN_SIZE = 24 };
int account_add(struct db *db, const struct account_input *in, unsigned set, int64_t *id,
		char *generated, struct err *e);
int account_get(struct db *db, struct arena *a, int64_t id, struct account *out,
		struct err *e);
int account_list(struct db *db, struct arena *a, struct account **out, size_t *n,
		 struct err *e);
/* Changes the role (ACC_ROLE); refuses to leave no admin. */
int account_set(struct db *db, int64_t id, const struct account_input *in, unsigned set,
		struct err *e);
/* Sets a new password and ends every session of the account. */
int account_passwd(struct db *db, int64_t id, const char *password, struct err *e);
int account_rm(struct db *db, int64_t id, struct err *e);
json_t *account_json(const struct account *a);
/* The number of accounts. */
int account_count(struct db *db, int64_t *n, struct err *e);

/* Signs in: checks the password (and the rate limits: 429 after too many
 * failures) and creates a session. token gets the session token (to
 * give the client once) and who the actor. address is the client's. */
int session_login(struct db *db, const char *login, const char *password,
		  const char *address, char token[TOKEN_CHARS + 1], struct actor *who,
		  struct err *e);
/* Finds the live session or API token; 401 when unknown or expired. */
int token_lookup(struct db *db, const char *token, struct actor *who, struct err *e);
/* Ends a session or revokes a token by its id. */
int token_revoke(struct db *db, int64_t account_id, int64_t token_id, struct err *e);

struct api_token {
	int64_t id;
	const char *name;
	int64_t created_at, expires_at, last_used;
};
/* Creates an API token for an account: token gets it, once. */
int api_token_add(struct db *db, int64_t account_id, const char *name, int64_t days,
		  char token[TOKEN_CHARS + 1], int64_t *id, struct err *e);
int api_token_list(struct db *db, struct arena *a, int64_t account_id, struct api_token **out,
		   size_t *n, struct err *e);
json_t *api_token_json(const struct api_token *t);

#endif
