/* api_account: who am I, my API tokens, accounts and the audit log
 * (admins). */
#include "base/json.h"
#include "org/account.h"
#include "org/audit.h"
#include "web/api.h"

static const struct field no_fields[] = {{0}};

int me_api(struct req *r)
{
	json_t *o = json_object();
	json_set_int(o, "account_id", r->who.account_id);
	json_set_int(o, "person_id", r->who.person_id);
	json_set_int(o, "unit_id", r->who.unit_id);
	json_set_str(o, "login", r->who.login);
	json_set_str(o, "name", r->who.name);
	json_set_str(o, "role", role_name(r->who.role));
	return api_reply(r, 200, o);
}

int token_list_api(struct req *r)
{
	unsigned set = 0;
	struct api_token *v;
	size_t n;
	if (api_query(r, no_fields, NULL, &set) ||
	    api_token_list(r->db, r->a, r->who.account_id, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, api_token_json(&v[i]));
	return api_reply_list(r, items, -1, 0);
}

struct token_input {
	const char *name;
	int64_t days;
};

static const struct field token_fields[] = {
	{.name = "name", .type = FT_TEXT, .offset = offsetof(struct token_input, name), .bit = 1,
	 .max = 100, .required = 1, .help = "what the token is for"},
	{.name = "days", .type = FT_INT, .offset = offsetof(struct token_input, days), .bit = 2,
	 .min = 1, .max = 3650, .help = "days until it expires (default 90)"},
	{0},
};

int token_post_api(struct req *r)
{
	struct token_input in = {0};
	unsigned set = 0;
	if (api_body(r, token_fields, &in, &set) || fields_require(token_fields, set, &r->e))
		return -1;
	char token[TOKEN_CHARS + 1];
	int64_t id;
	if (api_token_add(r->db, r->who.account_id, in.name, set & 2 ? in.days : TOKEN_DAYS_DEFAULT,
			  token, &id, &r->e))
		return -1;
	json_t *o = json_object();
	json_set_int(o, "id", id);
	json_set_str(o, "name", in.name);
	json_set_str(o, "token", token);	/* shown this once */
	return api_created(r, "/api/v1/tokens", id, o);
}

int token_delete_api(struct req *r)
{
	/* only the actor's own tokens: another's answers 404 */
	if (token_revoke(r->db, r->who.account_id, r->id, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

static int account_reply(struct req *r, int64_t id, int created, const char *password)
{
	struct account a;
	if (account_get(r->db, r->a, id, &a, &r->e))
		return -1;
	json_t *o = account_json(&a);
	if (password)
		json_set_str(o, "password", password);	/* generated: shown this once */
	if (created)
		return api_created(r, "/api/v1/accounts", id, o);
	return api_reply(r, 200, o);
}

int account_list_api(struct req *r)
{
	unsigned set = 0;
	struct account *v;
	size_t n;
	if (api_query(r, no_fields, NULL, &set) || account_list(r->db, r->a, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, account_json(&v[i]));
	return api_reply_list(r, items, -1, 0);
}

int account_post_api(struct req *r)
{
	struct account_input in = {0};
	unsigned set = 0;
	int64_t id;
	char generated[PASSWORD_GEN_SIZE] = "";
	if (api_body(r, account_fields, &in, &set) ||
	    account_add(r->db, &in, set, &id, generated, &r->e))
		return -1;
	return account_reply(r, id, 1, generated[0] ? generated : NULL);
}

int account_patch_api(struct req *r)
{
	struct account_input in = {0};
	unsigned set = 0;
	if (api_body(r, account_fields, &in, &set))
		return -1;
	if (set & ACC_PASSWORD) {
		if (account_passwd(r->db, r->id, in.password, &r->e))
			return -1;
		set &= ~(unsigned)ACC_PASSWORD;
	}
	if (set && account_set(r->db, r->id, &in, set, &r->e))
		return -1;
	return account_reply(r, r->id, 0, NULL);
}

int account_delete_api(struct req *r)
{
	if (account_rm(r->db, r->id, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

struct audit_query {
	int64_t limit, offset;
};

static const struct field audit_fields[] = {
	{.name = "limit", .type = FT_INT, .offset = offsetof(struct audit_query, limit), .bit = 1,
	 .min = 1, .max = 1000},
	{.name = "offset", .type = FT_INT, .offset = offsetof(struct audit_query, offset), .bit = 2,
	 .min = 0, .max = INT64_MAX},
	{0},
};

int audit_list_api(struct req *r)
{
	struct audit_query q = {0};
	unsigned set = 0;
	if (api_query(r, audit_fields, &q, &set))
		return -1;
	int64_t limit = set & 1 ? q.limit : API_PAGE;
	struct audit_entry *v;
	size_t n;
	if (audit_list(r->db, r->a, limit, q.offset, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, audit_json(&v[i]));
	return api_reply_list(r, items, limit, q.offset);
}
