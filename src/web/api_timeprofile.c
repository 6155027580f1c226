/* api_timeprofile: GET /api/v1/balance/time?unit_id=&from=&to=, the time
 * profile of the people who manage others (balance/timeprofile.h). The
 * unit filter is narrowed to what the actor reads: without one, an
 * admin gets the whole organization and everyone else their own unit. */
#include "balance/timeprofile.h"
#include "base/date.h"
#include "web/api.h"

int balance_time_api(struct req *r)
{
	struct tp_query q = {0};
	unsigned set = 0;
	struct timeprofile p;
	if (api_query(r, tp_query_fields, &q, &set) || api_scope(r, &q.unit_id, &set, TPQ_UNIT) ||
	    timeprofile_get(r->db, r->a, &q, set, date_today(), &p, &r->e))
		return -1;
	return api_reply(r, 200, timeprofile_json(&p));
}
