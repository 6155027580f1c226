/* api_urgency: an initiative's or a unit's urgency (true urgency,
 * complacency, false urgency with the indicators) and an initiative's
 * network of volunteers (src/change/urgency.h, network.h). Reads only:
 * the core checks the initiative (K_INITIATIVE); a unit given in the
 * query must be one the actor reads (api_scope). */
#include "change/network.h"
#include "change/urgency.h"
#include "web/api.h"

struct urgency_q {
	int64_t unit_id;
	const char *as_of;
};
enum { UQ_UNIT = 1u << 0, UQ_AS_OF = 1u << 1 };

static const struct field urgency_q_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct urgency_q, unit_id),
	 .bit = UQ_UNIT, .help = "the unit, with its subtree (default: the caller's unit)"},
	{.name = "as_of", .type = FT_DATE, .offset = offsetof(struct urgency_q, as_of),
	 .bit = UQ_AS_OF, .help = "the window's last day (today)"},
	{0},
};

static const struct field no_fields[] = {{0}};

int initiative_urgency_api(struct req *r)
{
	struct urgency_q q = {0};
	unsigned set = 0;
	struct urgency u;
	if (api_query(r, urgency_q_fields + 1, &q, &set) ||
	    urgency_initiative(r->db, r->a, r->id, (set & UQ_AS_OF) ? q.as_of : NULL, &u, &r->e))
		return -1;
	return api_reply(r, 200, urgency_json(&u));
}

int unit_urgency_api(struct req *r)
{
	struct urgency_q q = {0};
	unsigned set = 0;
	struct urgency u;
	if (api_query(r, urgency_q_fields, &q, &set) || api_scope(r, &q.unit_id, &set, UQ_UNIT))
		return -1;
	if (!(set & UQ_UNIT)) {
		if (!r->who.unit_id)
			return err_set(&r->e, ERR_BAD_INPUT, "unit_id", "unit_id: is required");
		q.unit_id = r->who.unit_id;
	}
	if (urgency_unit(r->db, r->a, q.unit_id, (set & UQ_AS_OF) ? q.as_of : NULL, &u, &r->e))
		return -1;
	return api_reply(r, 200, urgency_json(&u));
}

int initiative_network_api(struct req *r)
{
	struct network n;
	if (api_query(r, no_fields, NULL, &(unsigned){0}) || network_get(r->db, r->a, r->id, &n, &r->e))
		return -1;
	return api_reply(r, 200, network_json(&n));
}
