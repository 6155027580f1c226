/* change_demo: three change initiatives for the demo organization, each
 * at a different step, built through the domain functions so that each
 * step is reached only when its evidence holds on that day (one is
 * overridden, with its reason):
 *   - "Self-service ordering and tracking" (Product) at step 7, its win
 *     recognized; the next step lacks an anchor;
 *   - "Warehouse robots" (Operations) at step 5; obstacles logged since
 *     bring the share resolved below the setting again;
 *   - "Next-day delivery everywhere" (Operations) at step 2 by an
 *     admin's override: its coalition lacks leadership.
 * Everything is looked up by name; a smaller demo without a unit, a
 * theme or a coalition leaves that initiative (or link) out, and an
 * advance whose evidence is missing there stops at the step reached. */
#include <string.h>

#include "base/date.h"
#include "change/evidence.h"
#include "change/initiative.h"
#include "lead/coalition.h"
#include "lead/comm.h"
#include "lead/recognition.h"

struct demo {
	struct db *db;
	struct arena a;
	int32_t today;
	struct err *e;
};

/* The id sql (one :v) finds, 0 for none, -1 on error. */
static int64_t by_name(struct demo *d, const char *sql, const char *v)
{
	struct stmt *st = db_prepare(d->db, sql, d->e);
	if (!st)
		return -1;
	db_bind_text(st, ":v", v);
	int64_t id = 0;
	int rc = db_one_int(st, &id, d->e);
	return rc < 0 ? -1 : rc == 0 ? 0 : id;
}

static int64_t unit_named(struct demo *d, const char *name)
{
	return by_name(d, "SELECT coalesce(min(id), 0) FROM unit WHERE name = :v", name);
}

/* The k-th person of the unit named unit (0: its head); 0 for none. */
static int64_t person_of(struct demo *d, const char *unit, int64_t k)
{
	struct stmt *st = db_prepare(d->db, "SELECT p.id FROM person p JOIN unit u "
				     "ON u.id = p.unit_id WHERE u.name = :unit "
				     "ORDER BY p.id LIMIT 1 OFFSET :k", d->e);
	if (!st)
		return -1;
	db_bind_text(st, ":unit", unit);
	db_bind_int(st, ":k", k);
	int64_t id = 0;
	int rc = db_one_int(st, &id, d->e);
	return rc < 0 ? -1 : rc == 0 ? 0 : id;
}

static const char *day(struct demo *d, int ago)
{
	char *s = arena_alloc(&d->a, 11);
	if (s)
		date_format(d->today - ago, s);
	return s;
}

/* Links what exists: target 0 (not in this demo) is skipped. */
static int link(struct demo *d, int64_t id, enum initiative_link_kind k, int64_t target)
{
	if (target < 0)
		return -1;
	return target ? initiative_link(d->db, id, k, target, d->e) : 0;
}

/* Advances on day `ago` days back; a refusal (evidence missing in a
 * smaller demo) stops there without failing the demo: *stop is set. */
static int advance(struct demo *d, int64_t id, int ago, const char *reason, int *stop)
{
	if (*stop)
		return 0;
	struct err e2 = {0};
	if (initiative_advance_at(d->db, &d->a, id, day(d, ago), reason, "admin", NULL, &e2) ==
	    0)
		return 0;
	if (e2.status != ERR_CONFLICT) {
		*d->e = e2;
		return -1;
	}
	*stop = 1;
	return 0;
}

static int volunteer(struct demo *d, int64_t id, const char *unit, int64_t k, const char *role,
		     int ago)
{
	int64_t p = person_of(d, unit, k);
	if (p <= 0)
		return (int)p;
	struct volunteer_input in = {.person_id = p, .role = role, .joined = day(d, ago)};
	return volunteer_add(d->db, id, &in, VO_PERSON | VO_ROLE | VO_JOINED, d->e);
}

/* An obstacle logged `opened` days back, resolved `resolved` days back
 * (0: still open), owned by the head of unit. */
static int obstacle(struct demo *d, int64_t id, const char *title, const char *unit,
		    int opened, int resolved)
{
	int64_t owner = person_of(d, unit, 0), oid;
	if (owner < 0)
		return -1;
	struct obstacle_input in = {.title = title, .owner_id = owner, .opened = day(d, opened)};
	if (obstacle_add(d->db, id, &in, OB_TITLE | OB_OPENED | (owner ? OB_OWNER : 0), &oid,
			 d->e))
		return -1;
	return resolved ? obstacle_resolve(d->db, oid, day(d, resolved), d->e) : 0;
}

/* A communication of the initiative from the head of unit to the units
 * named, sent `ago` days back, where every recipient but each `every`-th
 * commits (the others have read it). */
static int comm(struct demo *d, int64_t id, const char *title, const char *body,
		const char *unit, const char *const *to, int ago, size_t every)
{
	int64_t sender = person_of(d, unit, 0), cid, n;
	if (sender <= 0)
		return (int)sender;
	struct comm_input in = {.title = title, .body = body, .channel = "meeting",
				.day = day(d, ago), .sender_id = sender};
	if (comm_add(d->db, &in, COMM_TITLE | COMM_BODY | COMM_CHANNEL | COMM_DAY | COMM_SENDER,
		     &cid, d->e))
		return -1;
	for (size_t i = 0; to[i]; i++) {
		struct comm_audience_input au = {.unit_id = unit_named(d, to[i])};
		if (au.unit_id < 0)
			return -1;
		if (au.unit_id && comm_audience_add(d->db, cid, &au, CA_UNIT, d->e))
			return -1;
	}
	if (comm_send(d->db, cid, &n, d->e))
		return -1;
	struct comm_recipient *r;
	size_t nr;
	if (comm_recipients(d->db, &d->a, cid, 0, NULL, &r, &nr, d->e))
		return -1;
	for (size_t i = 0; i < nr; i++) {
		if (!r[i].person_id)
			continue;
		struct comm_ack_input ack = {.person_id = r[i].person_id,
					     .state = i % every == every - 1 ? "reached"
									     : "committed"};
		if (comm_ack(d->db, cid, &ack, ACK_PERSON | ACK_STATE, d->e))
			return -1;
	}
	return initiative_link(d->db, id, IL_COMM, cid, d->e);
}

static int add(struct demo *d, const char *name, const char *description, const char *unit,
	       int64_t coalition, int started, int64_t *id)
{
	*id = 0;
	int64_t u = unit_named(d, unit), sponsor = person_of(d, unit, 0);
	if (u < 0 || sponsor < 0)
		return -1;
	if (!u || !sponsor)
		return 0;
	struct initiative_input in = {.name = name, .description = description,
				      .sponsor_id = sponsor, .unit_id = u,
				      .coalition_id = coalition, .started = day(d, started)};
	return initiative_add(d->db, &in,
			      IN_NAME | IN_DESCRIPTION | IN_SPONSOR | IN_UNIT | IN_STARTED |
				      (coalition ? IN_COALITION : 0),
			      id, d->e);
}

static int self_service(struct demo *d)
{
	int64_t coalition = by_name(d, "SELECT coalesce(min(id), 0) FROM coalition "
				    "WHERE name = :v", "Customer portal guiding team");
	int64_t id;
	if (coalition < 0 ||
	    add(d, "Self-service ordering and tracking",
		"Customers order, track and change deliveries themselves in the portal; "
		"support and sales stop being the status desk.",
		"Product", coalition, 300, &id))
		return -1;
	if (!id)
		return 0;
	static const char *const to[] = {"Product", "Sales", NULL};
	int stop = 0;
	int64_t value = by_name(d, "SELECT coalesce(min(id), 0) FROM org_value WHERE name = :v",
				"Customers first");
	int64_t from = person_of(d, "Product", 0), team = unit_named(d, "Engineering");
	if (value < 0 || from < 0 || team < 0 ||
	    link(d, id, IL_UNIT, unit_named(d, "Product")) ||
	    link(d, id, IL_UNIT, unit_named(d, "Sales")) ||
	    link(d, id, IL_THEME, by_name(d, "SELECT coalesce(min(id), 0) FROM theme "
					  "WHERE name = :v", "Self-service")) ||
	    link(d, id, IL_STRATEGY, by_name(d, "SELECT coalesce(min(id), 0) FROM strategy "
					     "WHERE name = :v", "Let customers serve themselves")) ||
	    link(d, id, IL_PLAN, by_name(d, "SELECT coalesce(min(id), 0) FROM plan "
					 "WHERE name = :v", "Customer portal v2")) ||
	    volunteer(d, id, "Sales", 2, "brings the pilot customers", 200) ||
	    volunteer(d, id, "Engineering", 3, "tracking API", 190) ||
	    volunteer(d, id, "Product", 4, "runs the customer interviews", 180) ||
	    advance(d, id, 280, NULL, &stop) || advance(d, id, 250, NULL, &stop) ||
	    comm(d, id, "Self-service portal: what changes for you",
		 "From next quarter customers track and change their orders in the portal. "
		 "What that means for support, for sales calls, and for the order desk.",
		 "Product", to, 160, 4) ||
	    advance(d, id, 150, NULL, &stop) ||
	    obstacle(d, id, "Order data lives in two systems", "Engineering", 200, 140) ||
	    obstacle(d, id, "Sales fear losing the customer relationship", "Sales", 170, 125) ||
	    advance(d, id, 120, NULL, &stop))
		return -1;
	struct win_input w = {.title = "Order tracking live in the portal", .day = day(d, 95),
			      .note = "A third of tracking calls moved to the portal in its first "
				      "month."};
	int64_t wid, rid;
	if (win_add(d->db, id, &w, WI_TITLE | WI_DAY | WI_NOTE, &wid, d->e))
		return -1;
	if (value && from && team) {
		struct recognition_input r = {
			.from_id = from, .team_id = team, .value_id = value,
			.message = "Order tracking shipped in six weeks, and customers use it.",
			.day = day(d, 90), .win_id = wid};
		if (recognition_add(d->db, &r, REC_FROM | REC_TEAM | REC_VALUE | REC_MESSAGE |
				    REC_DAY | REC_WIN, &rid, d->e))
			return -1;
	}
	return advance(d, id, 85, NULL, &stop) || advance(d, id, 40, NULL, &stop) ? -1 : 0;
}

static int robots(struct demo *d)
{
	int64_t ops = unit_named(d, "Operations"), cid;
	if (ops <= 0)
		return (int)ops;
	/* its own coalition, with all four attributes among Operations and
	 * Logistics people */
	struct coalition_input ci = {.name = "Warehouse robots coalition",
				     .purpose = "Bring picking robots to the floor with the "
						"people who work there.",
				     .unit_id = ops};
	if (coalition_add(d->db, &ci, CO_NAME | CO_PURPOSE | CO_UNIT, &cid, d->e))
		return -1;
	static const struct {
		const char *unit;
		int64_t k;
		int power, expertise, credibility, leadership;
	} members[] = {
		{"Operations", 0, 1, 0, 0, 0},
		{"Logistics", 2, 0, 1, 1, 0},
		{"Operations", 2, 0, 0, 1, 1},
	};
	for (size_t i = 0; i < sizeof members / sizeof members[0]; i++) {
		struct coalition_member_input m = {
			.person_id = person_of(d, members[i].unit, members[i].k),
			.position_power = members[i].power, .expertise = members[i].expertise,
			.credibility = members[i].credibility,
			.leadership = members[i].leadership};
		int added;
		if (m.person_id < 0)
			return -1;
		if (m.person_id && coalition_join(d->db, cid, &m, CM_PERSON | CM_POWER |
						  CM_EXPERTISE | CM_CREDIBILITY |
						  CM_LEADERSHIP, &added, d->e))
			return -1;
	}
	int64_t id;
	if (add(d, "Warehouse robots",
		"Picking robots in both halls, run and maintained by our own shifts.",
		"Operations", cid, 240, &id))
		return -1;
	if (!id)
		return 0;
	static const char *const to[] = {"Operations", NULL};
	int stop = 0;
	return link(d, id, IL_UNIT, ops) ||
	       link(d, id, IL_THEME, by_name(d, "SELECT coalesce(min(id), 0) FROM theme "
					     "WHERE name = :v", "Warehouse automation")) ||
	       link(d, id, IL_STRATEGY, by_name(d, "SELECT coalesce(min(id), 0) FROM strategy "
						"WHERE name = :v", "Automate the warehouses")) ||
	       link(d, id, IL_PLAN, by_name(d, "SELECT coalesce(min(id), 0) FROM plan "
					    "WHERE name = :v", "Warehouse automation")) ||
	       volunteer(d, id, "Logistics", 4, "pilot shift lead", 150) ||
	       volunteer(d, id, "Engineering", 5, "integration with the order system", 140) ||
	       volunteer(d, id, "Operations", 5, "", 120) ||
	       advance(d, id, 220, NULL, &stop) || advance(d, id, 200, NULL, &stop) ||
	       comm(d, id, "Robots on the floor: what changes and what does not",
		    "Which halls first, who is trained, and the promise that no job goes: "
		    "pickers become robot operators.",
		    "Operations", to, 100, 3) ||
	       advance(d, id, 95, NULL, &stop) ||
	       obstacle(d, id, "Night shift not consulted on the rota", "Operations", 90, 60) ||
	       obstacle(d, id, "Floor too uneven for robots in hall 2", "Logistics", 80, 45) ||
	       obstacle(d, id, "Vendor contract not signed", "Operations", 70, 0) ||
	       advance(d, id, 30, NULL, &stop) ||
	       obstacle(d, id, "No one trained to maintain the robots", "Operations", 15, 0) ||
	       obstacle(d, id, "Fire code review of the robot lanes", "Logistics", 10, 0)
		       ? -1 : 0;
}

static int next_day(struct demo *d)
{
	int64_t coalition = by_name(d, "SELECT coalesce(min(id), 0) FROM coalition "
				    "WHERE name = :v", "Next-day delivery coalition");
	int64_t pulse = by_name(d, "SELECT coalesce(max(id), 0) FROM pulse WHERE title = :v",
				"Quarterly pulse (follow-up)");
	int64_t id;
	if (coalition < 0 || pulse < 0 ||
	    add(d, "Next-day delivery everywhere",
		"Every order placed by 18:00 arrives the next working day, in every region.",
		"Operations", coalition, 60, &id))
		return -1;
	if (!id)
		return 0;
	if (pulse) {
		struct initiative_input in = {.pulse_id = pulse};
		if (initiative_set(d->db, id, &in, IN_PULSE, d->e))
			return -1;
	}
	int stop = 0;
	return link(d, id, IL_UNIT, unit_named(d, "Operations")) ||
	       link(d, id, IL_UNIT, unit_named(d, "Logistics")) ||
	       link(d, id, IL_UNIT, unit_named(d, "Sales")) ||
	       link(d, id, IL_THEME, by_name(d, "SELECT coalesce(min(id), 0) FROM theme "
					     "WHERE name = :v", "Next-day delivery")) ||
	       link(d, id, IL_STRATEGY,
		    by_name(d, "SELECT coalesce(min(id), 0) FROM strategy WHERE name = :v",
			    "Regional hubs within 200 km of 90 % of customers")) ||
	       volunteer(d, id, "Logistics", 3, "route planning", 40) ||
	       volunteer(d, id, "Logistics", 5, "", 35) ||
	       volunteer(d, id, "Operations", 4, "hub pilot", 30) ||
	       volunteer(d, id, "Sales", 4, "customer promises", 25) ||
	       advance(d, id, 20,
		       "The board approved the hub budget; the coalition names a leader on the "
		       "warehouse floor by the end of the quarter.",
		       &stop)
		       ? -1 : 0;
}

int change_demo(struct db *db, const char *today, struct err *e)
{
	struct demo d = {.db = db, .a = ARENA_INIT, .e = e};
	if (date_parse(today, &d.today))
		return err_set(e, ERR_BAD_INPUT, "today", "today: must be YYYY-MM-DD");
	int rc = self_service(&d) || robots(&d) || next_day(&d) ? -1 : 0;
	arena_free(&d.a);
	return rc;
}
