/* api_report: GET /api/v1/reports/control (the control report, JSON or
 * a Markdown, CSV or HTML attachment) and GET /api/v1/units/:id/complexity. */
#include <string.h>

#include "base/json.h"
#include "manage/complexity.h"
#include "manage/report.h"
#include "web/api.h"
#include "web/page.h"
#include "org/unit.h"

/* The unit is narrowed like a listing's filter: none given is the
 * actor's own unit; one outside what they read is 404. */
int report_control_api(struct req *r)
{
	struct report_input in = {0};
	unsigned set = 0;
	struct control_report rep;
	if (api_query(r, report_fields, &in, &set) ||
	    api_scope(r, &in.unit_id, &set, REP_UNIT) ||
	    report_control(r->db, r->a, &in, set, &rep, &r->e))
		return -1;
	if (!(set & REP_FORMAT) || strcmp(in.format, "json") == 0)
		return api_reply(r, 200, report_json(&rep));
	return report_send(r, &rep, in.format);
}

int unit_complexity_api(struct req *r)
{
	struct complexity c;
	struct unit u;
	static const struct field none[] = {{0}};
	if (api_query(r, none, NULL, &(unsigned){0}) ||
	    unit_get(r->db, r->a, r->id, &u, &r->e) ||
	    complexity_unit(r->db, r->a, r->id, &c, &r->e))
		return -1;
	json_t *o = complexity_json(&c);
	json_set_int(o, "unit_id", u.id);
	json_set_str(o, "unit", u.name);
	return api_reply(r, 200, o);
}
