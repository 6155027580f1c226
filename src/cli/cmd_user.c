/* cmd_user: tandem user add|list|show|set|passwd|rm, tandem token
 * add|list|rm, tandem audit. Passwords never travel as flags (they would
 * show in the process list): a new account gets a generated password,
 * printed once, or the one in TANDEM_PASSWORD; passwd reads standard
 * input. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "org/account.h"
#include "org/audit.h"

const struct field user_add_fields[] = {
	{.name = "person_id", .type = FT_ID, .offset = offsetof(struct account_input, person_id),
	 .bit = ACC_PERSON, .help = "the person who signs in (none: an admin of no person)"},
	{.name = "login", .type = FT_TEXT, .offset = offsetof(struct account_input, login),
	 .bit = ACC_LOGIN, .max = 120, .help = "the sign-in name (default: the person's email)"},
	{.name = "role", .type = FT_ENUM, .offset = offsetof(struct account_input, role),
	 .bit = ACC_ROLE, .required = 1,
	 .choices = (const char *const[]){"admin", "manager", "member", "viewer", NULL},
	 .help = "admin, manager (their unit's subtree), member or viewer"},
	{0},
};

const struct field user_set_fields[] = {
	{.name = "role", .type = FT_ENUM, .offset = offsetof(struct account_input, role),
	 .bit = ACC_ROLE, .required = 1,
	 .choices = (const char *const[]){"admin", "manager", "member", "viewer", NULL},
	 .help = "admin, manager, member or viewer"},
	{0},
};

static void when(int64_t t, char out[32])
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(out, 32, "%Y-%m-%d %H:%M", &tm);
}

static int show(struct cli *c, int64_t id)
{
	struct account a;
	if (account_get(c->db, &c->a, id, &a, &c->e))
		return -1;
	if (c->json)
		cli_print_json(c, account_json(&a));
	return 0;
}

int user_add_cmd(struct cli *c)
{
	struct account_input *in = c->obj;
	const char *env = getenv("TANDEM_PASSWORD");
	if (env && *env) {
		in->password = env;
		c->set |= ACC_PASSWORD;
	}
	int64_t id;
	char generated[PASSWORD_GEN_SIZE] = "";
	if (account_add(c->db, in, c->set, &id, generated, &c->e))
		return -1;
	struct account a;
	if (account_get(c->db, &c->a, id, &a, &c->e))
		return -1;
	if (c->json) {
		json_t *o = account_json(&a);
		if (generated[0])
			json_object_set_new(o, "password", json_string(generated));
		cli_print_json(c, o);
		return 0;
	}
	fprintf(c->out, "user %lld added: sign in as %s\n", (long long)id, a.login);
	if (generated[0])
		fprintf(c->out, "password: %s (shown only now; change it with 'tandem user passwd "
				"%lld')\n", generated, (long long)id);
	return 0;
}

int user_list_cmd(struct cli *c)
{
	struct account *v;
	size_t n;
	if (account_list(c->db, &c->a, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, account_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID", "LOGIN", "ROLE", "PERSON", "UNIT", NULL};
	struct table *t = table_new(&c->a, h, "rllll");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, v[i].id), v[i].login, role_name(v[i].role),
			  fmt_str(v[i].person_name), fmt_str(v[i].unit_name));
	table_print(t, c->out);
	return 0;
}

int user_show_cmd(struct cli *c)
{
	struct account a;
	if (account_get(c->db, &c->a, c->id, &a, &c->e))
		return -1;
	if (c->json) {
		cli_print_json(c, account_json(&a));
		return 0;
	}
	char t[32];
	when(a.created_at, t);
	fprintf(c->out, "user      %lld\nlogin     %s\nrole      %s\nperson    %s\nunit      %s\n"
			"created   %s UTC\n", (long long)a.id, a.login, role_name(a.role),
		fmt_str(a.person_name), fmt_str(a.unit_name), t);
	return 0;
}

int user_set_cmd(struct cli *c)
{
	if (account_set(c->db, c->id, c->obj, c->set, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "user %lld changed\n", (long long)c->id);
	return show(c, c->id);
}

int user_passwd_cmd(struct cli *c)
{
	char line[PASSWORD_MAX + 3];
	const char *env = getenv("TANDEM_PASSWORD");
	if (env && *env) {
		snprintf(line, sizeof line, "%s", env);
	} else {
		if (!fgets(line, sizeof line, stdin)) {
			err_set(&c->e, ERR_BAD_INPUT, "password",
				"password: give the new password on standard input "
				"(or in TANDEM_PASSWORD)");
			return -1;
		}
		line[strcspn(line, "\r\n")] = '\0';
	}
	int rc = account_passwd(c->db, c->id, line, &c->e);
	memset(line, 0, sizeof line);
	if (rc)
		return -1;
	fprintf(c->out, "user %lld: password changed; their sessions were ended\n",
		(long long)c->id);
	return 0;
}

int user_rm_cmd(struct cli *c)
{
	if (account_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "user %lld removed\n", (long long)c->id);
	return 0;
}

const struct field token_cli_fields[] = {
	{.name = "user", .type = FT_ID, .offset = offsetof(struct token_opts, user), .bit = 1,
	 .required = 1, .help = "the user the token acts as"},
	{.name = "name", .type = FT_TEXT, .offset = offsetof(struct token_opts, name), .bit = 2,
	 .max = 100, .help = "what the token is for"},
	{.name = "days", .type = FT_INT, .offset = offsetof(struct token_opts, days), .bit = 4,
	 .min = 1, .max = 3650, .help = "days until it expires (default 90)"},
	{0},
};

int token_add_cmd(struct cli *c)
{
	struct token_opts *o = c->obj;
	if (fields_require(token_cli_fields, c->set, &c->e))
		return -1;
	char token[TOKEN_CHARS + 1];
	int64_t id;
	if (api_token_add(c->db, o->user, o->name, c->set & 4 ? o->days : TOKEN_DAYS_DEFAULT,
			  token, &id, &c->e))
		return -1;
	if (c->json) {
		json_t *j = json_object();
		json_object_set_new(j, "id", json_integer(id));
		json_object_set_new(j, "token", json_string(token));
		cli_print_json(c, j);
	} else {
		/* the token alone on the last line, for scripts: $(... | tail -n 1) */
		fprintf(c->out, "token %lld added for user %lld (shown only now):\n%s\n",
			(long long)id, (long long)o->user, token);
	}
	return 0;
}

int token_list_cmd(struct cli *c)
{
	struct token_opts *o = c->obj;
	if (!(c->set & 1)) {
		err_set(&c->e, ERR_BAD_INPUT, "user", "user: is required");
		return -1;
	}
	struct api_token *v;
	size_t n;
	if (api_token_list(c->db, &c->a, o->user, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, api_token_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID", "NAME", "CREATED", "EXPIRES", NULL};
	struct table *t = table_new(&c->a, h, "rlll");
	for (size_t i = 0; i < n; i++) {
		char a[32], b[32];
		when(v[i].created_at, a);
		when(v[i].expires_at, b);
		table_row(t, fmt_int(&c->a, v[i].id), v[i].name, arena_strdup(&c->a, a),
			  arena_strdup(&c->a, b));
	}
	table_print(t, c->out);
	return 0;
}

int token_rm_cmd(struct cli *c)
{
	struct token_opts *o = c->obj;
	if (!(c->set & 1)) {
		err_set(&c->e, ERR_BAD_INPUT, "user", "user: is required");
		return -1;
	}
	if (token_revoke(c->db, o->user, c->id, &c->e))
		return -1;
	fprintf(c->out, "token %lld revoked\n", (long long)c->id);
	return 0;
}

const struct field audit_cli_fields[] = {
	{.name = "limit", .type = FT_INT, .offset = offsetof(struct token_opts, days), .bit = 1,
	 .min = 1, .max = 100000, .help = "entries to show, newest first (default 50)"},
	{0},
};

int audit_cmd(struct cli *c)
{
	struct token_opts *o = c->obj;
	struct audit_entry *v;
	size_t n;
	if (audit_list(c->db, &c->a, c->set & 1 ? o->days : 50, 0, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, audit_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID", "WHEN (UTC)", "VIA", "WHO", "ACTION", "RECORD", NULL};
	struct table *t = table_new(&c->a, h, "rlllll");
	for (size_t i = 0; i < n; i++) {
		char w[32];
		when(v[i].at, w);
		table_row(t, fmt_int(&c->a, v[i].id), arena_strdup(&c->a, w), v[i].via, v[i].actor,
			  v[i].action, fmt_id(&c->a, v[i].entity_id));
	}
	table_print(t, c->out);
	return 0;
}
