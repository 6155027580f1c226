/* test_account: sign-in, sessions, tokens and their storage, on a
 * temporary SQLite database read back with the sqlite3 C API.
 *
 *   passwords  stored as Argon2id strings ("$argon2id$"), never as given;
 *              shorter than 10 characters refused; a generated one is 20
 *              characters and signs in
 *   sessions   a right password gives a 43-character token whose BLAKE2b
 *              hash (not the token) is stored; the token finds the actor
 *              with role, person, unit and the CSRF token of the session;
 *              an expired or revoked token is 401; a new password ends the
 *              account's sessions
 *   limits     the 6th sign-in after 5 failures of one login in 15 minutes
 *              is 429, even with the right password; other logins from
 *              other addresses are not affected; 20 failures from one
 *              address block that address for every login
 *   accounts   the last admin can neither be removed nor demoted; only an
 *              admin may belong to no person; one account per person */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "base/err.h"
#include "org/account.h"
#include "org/person.h"
#include "org/unit.h"
#include "store/db.h"

#include "testutil.h"

struct fx {
	char dir[64];
	char path[128];
	struct db *db;
	int64_t unit, ann, bo;
};

static void raw_exec(const char *path, const char *sql)
{
	sqlite3 *c = NULL;
	assert_int_equal(sqlite3_open(path, &c), SQLITE_OK);
	char *msg = NULL;
	if (sqlite3_exec(c, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("raw_exec %s: %s", sql, msg ? msg : "?");
	sqlite3_close(c);
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f || make_test_dir(f->dir, "account"))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/a.db", f->dir);
	char url[160];
	snprintf(url, sizeof url, "sqlite:%s", f->path);
	struct err e = {0};
	if (db_open(url, DB_MIGRATE, &f->db, &e))
		return -1;
	struct unit_input u = {.name = "Plant"};
	if (unit_add(f->db, &u, UNIT_NAME, &f->unit, &e))
		return -1;
	struct person_input p = {.name = "Ann", .email = "Ann@X.example", .unit_id = f->unit};
	if (person_add(f->db, &p, PERSON_NAME | PERSON_EMAIL | PERSON_UNIT, &f->ann, &e))
		return -1;
	p.name = "Bo";
	p.email = "bo@x.example";
	if (person_add(f->db, &p, PERSON_NAME | PERSON_EMAIL | PERSON_UNIT, &f->bo, &e))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	db_close(f->db);
	remove_db_files(f->path);
	rmdir(f->dir);
	free(f);
	return 0;
}

static int64_t add(struct fx *f, int64_t person, const char *role, const char *password)
{
	struct account_input in = {.person_id = person, .role = role, .password = password};
	struct err e = {0};
	int64_t id = 0;
	if (account_add(f->db, &in, ACC_PERSON | ACC_ROLE | (password ? ACC_PASSWORD : 0), &id,
			NULL, &e))
		fail_msg("account_add: %s", e.msg);
	return id;
}

static void test_password_stored_hashed(void **state)
{
	struct fx *f = *state;
	int64_t id = add(f, f->ann, "manager", "correct horse battery");
	assert_int_equal(id, 1);
	/* the login is the email, lower case; the hash is Argon2id's */
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM account WHERE login = "
				 "'ann@x.example' AND pw_hash LIKE '$argon2id$%'"), 1);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM account WHERE pw_hash LIKE "
				 "'%correct horse%'"), 0);
	struct account_input in = {.person_id = f->bo, .role = "member", .password = "short"};
	struct err e = {0};
	int64_t id2;
	assert_int_equal(account_add(f->db, &in, ACC_PERSON | ACC_ROLE | ACC_PASSWORD, &id2,
				     NULL, &e), -1);
	assert_int_equal(e.status, ERR_BAD_INPUT);
	assert_string_equal(e.field, "password");
	assert_contains(e.msg, "at least 10 characters");
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM account"), 1);
}

static void test_generated_password_signs_in(void **state)
{
	struct fx *f = *state;
	struct account_input in = {.person_id = f->bo, .role = "viewer"};
	char generated[PASSWORD_GEN_SIZE] = "";
	struct err e = {0};
	int64_t id;
	assert_int_equal(account_add(f->db, &in, ACC_PERSON | ACC_ROLE, &id, generated, &e), 0);
	assert_int_equal(strlen(generated), 20);
	char token[TOKEN_CHARS + 1];
	struct actor who = {0};
	assert_int_equal(session_login(f->db, "BO@x.example", generated, "10.0.0.1", token, &who,
				       &e), 0);
	assert_int_equal(who.role, ROLE_VIEWER);
	assert_int_equal(who.person_id, f->bo);
}

static void test_session_token_hashed_and_found(void **state)
{
	struct fx *f = *state;
	add(f, f->ann, "manager", "correct horse battery");
	char token[TOKEN_CHARS + 1];
	struct actor who = {0};
	struct err e = {0};
	assert_int_equal(session_login(f->db, "ann@x.example", "correct horse battery", "10.0.0.1",
				       token, &who, &e), 0);
	assert_int_equal(strlen(token), 43);
	assert_int_equal(strlen(who.csrf), 64);
	/* only a hash is stored: 64 hex characters, not the token */
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM token WHERE hash = '%s' OR csrf = '%s'",
		 token, token);
	assert_int_equal(raw_int(f->path, sql), 0);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM token WHERE length(hash) = 64 "
				 "AND kind = 'session'"), 1);
	struct actor again = {0};
	assert_int_equal(token_lookup(f->db, token, &again, &e), 0);
	assert_int_equal(again.account_id, 1);
	assert_int_equal(again.person_id, f->ann);
	assert_int_equal(again.unit_id, f->unit);
	assert_int_equal(again.role, ROLE_MANAGER);
	assert_string_equal(again.csrf, who.csrf);
	assert_string_equal(again.name, "Ann");
	/* one changed character is another token */
	token[5] = token[5] == 'A' ? 'B' : 'A';
	err_clear(&e);
	assert_int_equal(token_lookup(f->db, token, &again, &e), -1);
	assert_int_equal(e.status, ERR_UNAUTHORIZED);
}

static void test_expired_revoked_and_passwd(void **state)
{
	struct fx *f = *state;
	int64_t id = add(f, f->ann, "admin", "correct horse battery");
	char t1[TOKEN_CHARS + 1], t2[TOKEN_CHARS + 1];
	struct actor who = {0};
	struct err e = {0};
	assert_int_equal(session_login(f->db, "ann@x.example", "correct horse battery", "a", t1,
				       &who, &e), 0);
	int64_t first = who.token_id;
	assert_int_equal(session_login(f->db, "ann@x.example", "correct horse battery", "a", t2,
				       &who, &e), 0);
	/* expire the first by hand: 401 that says so */
	char sql[100];
	snprintf(sql, sizeof sql, "UPDATE token SET expires_at = 1 WHERE id = %lld", (long long)first);
	raw_exec(f->path, sql);
	assert_int_equal(token_lookup(f->db, t1, &who, &e), -1);
	assert_int_equal(e.status, ERR_UNAUTHORIZED);
	assert_contains(e.msg, "expired");
	/* signing out revokes the second; another account cannot revoke it */
	err_clear(&e);
	assert_int_equal(token_lookup(f->db, t2, &who, &e), 0);
	assert_int_equal(token_revoke(f->db, id + 1, who.token_id, &e), -1);
	assert_int_equal(e.status, ERR_NOT_FOUND);
	err_clear(&e);
	assert_int_equal(token_revoke(f->db, id, who.token_id, &e), 0);
	assert_int_equal(token_lookup(f->db, t2, &who, &e), -1);
	/* a new password ends every session, but not the API tokens */
	err_clear(&e);
	char api[TOKEN_CHARS + 1];
	int64_t api_id;
	assert_int_equal(api_token_add(f->db, id, "backup script", 30, api, &api_id, &e), 0);
	assert_int_equal(session_login(f->db, "ann@x.example", "correct horse battery", "a", t1,
				       &who, &e), 0);
	assert_int_equal(account_passwd(f->db, id, "another long password", &e), 0);
	assert_int_equal(token_lookup(f->db, t1, &who, &e), -1);
	err_clear(&e);
	assert_int_equal(token_lookup(f->db, api, &who, &e), 0);
	assert_int_equal(session_login(f->db, "ann@x.example", "correct horse battery", "a", t1,
				       &who, &e), -1);
	err_clear(&e);
	assert_int_equal(session_login(f->db, "ann@x.example", "another long password", "a", t1,
				       &who, &e), 0);
}

static void test_sign_in_rate_limits(void **state)
{
	struct fx *f = *state;
	add(f, f->ann, "admin", "correct horse battery");
	add(f, f->bo, "member", "bo's long password");
	char token[TOKEN_CHARS + 1];
	struct actor who = {0};
	struct err e = {0};
	for (int i = 0; i < LOGIN_MAX_PER_LOGIN; i++) {
		err_clear(&e);
		assert_int_equal(session_login(f->db, "ann@x.example", "wrong password", "10.0.0.9",
					       token, &who, &e), -1);
		assert_int_equal(e.status, ERR_UNAUTHORIZED);
		assert_string_equal(e.msg, "wrong login or password");
	}
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM login_failure"), 5);
	/* the 6th try is refused before the password is looked at */
	err_clear(&e);
	assert_int_equal(session_login(f->db, "ann@x.example", "correct horse battery", "10.0.0.7",
				       token, &who, &e), -1);
	assert_int_equal(e.status, ERR_TOO_MANY);
	assert_contains(e.msg, "try again in 15 minutes");
	/* Bo, elsewhere, is not affected */
	err_clear(&e);
	assert_int_equal(session_login(f->db, "bo@x.example", "bo's long password", "10.0.0.8",
				       token, &who, &e), 0);
	/* failures older than the window no longer count */
	raw_exec(f->path, "UPDATE login_failure SET at = at - 901");
	assert_int_equal(session_login(f->db, "ann@x.example", "correct horse battery", "10.0.0.7",
				       token, &who, &e), 0);
	/* an address that fails 20 times is blocked for every login */
	raw_exec(f->path, "DELETE FROM login_failure");
	for (int i = 0; i < LOGIN_MAX_PER_ADDRESS; i++) {
		char login[32];
		snprintf(login, sizeof login, "nobody%d@x.example", i);
		err_clear(&e);
		assert_int_equal(session_login(f->db, login, "x", "10.6.6.6", token, &who, &e), -1);
	}
	err_clear(&e);
	assert_int_equal(session_login(f->db, "bo@x.example", "bo's long password", "10.6.6.6",
				       token, &who, &e), -1);
	assert_int_equal(e.status, ERR_TOO_MANY);
}

static void test_account_rules(void **state)
{
	struct fx *f = *state;
	int64_t admin = add(f, f->ann, "admin", "correct horse battery");
	struct err e = {0};
	/* the last admin stays */
	assert_int_equal(account_rm(f->db, admin, &e), -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	assert_contains(e.msg, "last admin");
	err_clear(&e);
	struct account_input viewer = {.role = "viewer"};
	assert_int_equal(account_set(f->db, admin, &viewer, ACC_ROLE, &e), -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	/* one account per person */
	err_clear(&e);
	struct account_input dup = {.person_id = f->ann, .role = "member"};
	int64_t id;
	assert_int_equal(account_add(f->db, &dup, ACC_PERSON | ACC_ROLE, &id, NULL, &e), -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	assert_string_equal(e.field, "person_id");
	/* only an admin stands without a person, and needs a login */
	err_clear(&e);
	struct account_input alone = {.role = "member", .login = "ops"};
	assert_int_equal(account_add(f->db, &alone, ACC_ROLE | ACC_LOGIN, &id, NULL, &e), -1);
	assert_string_equal(e.field, "person_id");
	err_clear(&e);
	alone.role = "admin";
	assert_int_equal(account_add(f->db, &alone, ACC_ROLE | ACC_LOGIN, &id, NULL, &e), 0);
	/* with a second admin, the first may go */
	assert_int_equal(account_rm(f->db, admin, &e), 0);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM account"), 1);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_password_stored_hashed),
		T(test_generated_password_signs_in),
		T(test_session_token_hashed_and_found),
		T(test_expired_revoked_and_passwd),
		T(test_sign_in_rate_limits),
		T(test_account_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
