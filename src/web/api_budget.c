/* api_budget: /api/v1/budgets (+/:id, /actual) and /api/v1/expenses
 * (+/:id). */
#include "base/json.h"
#include "manage/budget.h"
#include "manage/expense.h"
#include "web/api.h"

/* --- budget lines --- */

static int budget_reply(struct req *r, int64_t id, int created)
{
	struct budget b;
	if (budget_get(r->db, r->a, id, &b, &r->e))
		return -1;
	if (created)
		return api_created(r, "/api/v1/budgets", id, budget_json(&b));
	return api_reply(r, 200, budget_json(&b));
}

int budget_list_api(struct req *r)
{
	struct budget_filter f = {0};
	unsigned set = 0;
	struct budget *v;
	size_t n;
	if (api_query(r, budget_filter_fields, &f, &set) ||
	    api_scope(r, &f.unit_id, &set, BF_UNIT))
		return -1;
	if (!(set & BF_LIMIT)) {
		f.limit = API_PAGE;
		set |= BF_LIMIT;
	}
	if (budget_list(r->db, r->a, &f, set, &v, &n, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, budget_json(&v[i]));
	return api_reply_list(r, items, f.limit, f.offset);
}

int budget_get_api(struct req *r)
{
	return budget_reply(r, r->id, 0);
}

int budget_post_api(struct req *r)
{
	struct budget_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (api_body(r, budget_fields, &in, &set) || budget_add(r->db, &in, set, &id, &r->e))
		return -1;
	return budget_reply(r, id, 1);
}

int budget_patch_api(struct req *r)
{
	struct budget_input in = {0};
	unsigned set = 0;
	if (api_body(r, budget_fields, &in, &set) || budget_set(r->db, r->id, &in, set, &r->e))
		return -1;
	return budget_reply(r, r->id, 0);
}

int budget_delete_api(struct req *r)
{
	if (budget_rm(r->db, r->id, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}

/* GET /api/v1/budgets/actual?plan_id=|unit_id=&from=&to=: the plan or
 * unit must be one the actor reads (404 otherwise, as for a missing
 * one). */
int budget_actual_api(struct req *r)
{
	struct bva_query q = {0};
	unsigned set = 0;
	if (api_query(r, bva_query_fields, &q, &set))
		return -1;
	if ((set & BQ_PLAN) && access_check(r->db, &r->who, K_PLAN, q.plan_id, A_READ, &r->e))
		return -1;
	if ((set & BQ_UNIT) && access_check(r->db, &r->who, K_UNIT, q.unit_id, A_READ, &r->e))
		return -1;
	int64_t plan = (set & BQ_PLAN) ? q.plan_id : 0, unit = (set & BQ_UNIT) ? q.unit_id : 0;
	const char *from = (set & BQ_FROM) ? q.from : NULL, *to = (set & BQ_TO) ? q.to : NULL;
	struct bva_line v[3];
	if (budget_vs_actual(r->db, r->a, plan, unit, from, to, v, &r->e))
		return -1;
	return api_reply(r, 200, bva_json(plan, unit, from, to, v));
}

/* --- expenses --- */

static int expense_reply(struct req *r, int64_t id, int created)
{
	struct expense x;
	if (expense_get(r->db, r->a, id, &x, &r->e))
		return -1;
	if (created)
		return api_created(r, "/api/v1/expenses", id, expense_json(&x));
	return api_reply(r, 200, expense_json(&x));
}

int expense_list_api(struct req *r)
{
	struct expense_filter f = {0};
	unsigned set = 0;
	struct expense *v;
	size_t n;
	int64_t total;
	if (api_query(r, expense_filter_fields, &f, &set) ||
	    api_scope(r, &f.unit_id, &set, XF_UNIT))
		return -1;
	if (!(set & XF_LIMIT)) {
		f.limit = API_PAGE;
		set |= XF_LIMIT;
	}
	if (expense_list(r->db, r->a, &f, set, &v, &n, &total, &r->e))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, expense_json(&v[i]));
	if (api_reply_list(r, items, f.limit, f.offset))
		return -1;
	json_set_money(r->out, "total", total);
	return 0;
}

int expense_get_api(struct req *r)
{
	return expense_reply(r, r->id, 0);
}

int expense_post_api(struct req *r)
{
	struct expense_input in = {0};
	unsigned set = 0;
	int64_t id;
	if (api_body(r, expense_fields, &in, &set) || expense_add(r->db, &in, set, &id, &r->e))
		return -1;
	return expense_reply(r, id, 1);
}

int expense_patch_api(struct req *r)
{
	struct expense_input in = {0};
	unsigned set = 0;
	if (api_body(r, expense_fields, &in, &set) || expense_set(r->db, r->id, &in, set, &r->e))
		return -1;
	return expense_reply(r, r->id, 0);
}

int expense_delete_api(struct req *r)
{
	if (expense_rm(r->db, r->id, &r->e))
		return -1;
	return api_reply(r, 204, NULL);
}
