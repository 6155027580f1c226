# lead_overview: /lead and /api/v1/lead count what needs attention per
# leadership process, for a unit's subtree or the whole organization,
# and only within what the actor may read.
source "$(dirname "$0")/../lib.sh"

TODAY=$(date -u +%F)
OLD=2020-01-06		# long past: out of every window

# units 1 Root { 2 Sub }, 3 Other; Ann (1) in Root manages Ben (2) in Sub;
# Cat (3) in Other. Plans P1 (Root, active), P2 (Sub, draft), P3 (Other, done).
t unit add Root
t unit add Sub --parent 1
t unit add Other
t person add Ann --email ann@t.test --unit 1
t person add Ben --email ben@t.test --unit 2 --manager 1
t person add Cat --email cat@t.test --unit 3
t plan add P1 --unit 1 --start-date 2026-03-02 --status active
t plan add P2 --unit 2 --start-date 2026-03-02
t plan add P3 --unit 3 --start-date 2026-03-02 --status done
expect_eq "fixture" "3|3|3" "$(sql 'SELECT (SELECT count(*) FROM unit), (SELECT count(*) FROM person), (SELECT count(*) FROM plan)')"
# The leadership records, written directly (their own tests cover their
# commands): the organization's vision (horizon 2030, review date past:
# due) and an old version; strategies S1 (Root, active, serves P1), S2
# (the organization's, active, no plan), S3 (dropped, no plan); signals:
# Root today (reviewed), Sub today (not reviewed), Other in 2020 (not
# reviewed); one communication from Root sent today to Ann (committed),
# Ben (not reached) and Cat (reached), and a draft; a coalition of the
# organization; recognitions: to Ben today, to Cat in 2020; ideas: Ben's
# open since 2020 (overdue), Cat's open today, Ann's accepted; a pulse of
# Root open, and one closed in 2020.
sql "INSERT INTO vision (unit_id, version, statement, horizon, review_date, current, created_at) VALUES
	(NULL, 1, 'Old', 2025, NULL, 0, 1), (NULL, 2, 'Next day', 2030, '$OLD', 1, 2);
	INSERT INTO strategy (name, unit_id, status) VALUES ('S1', 1, 'active'), ('S2', NULL, 'active'), ('S3', 1, 'dropped');
	INSERT INTO plan_strategy (plan_id, strategy_id) VALUES (1, 1);
	INSERT INTO signal (observed, day, category, kind, impact, likelihood, unit_id, reviewed) VALUES
	('a', '$TODAY', 'market', 'threat', 3, 3, 1, '$TODAY'), ('b', '$TODAY', 'market', 'threat', 3, 3, 2, NULL),
	('c', '$OLD', 'market', 'threat', 3, 3, 3, NULL);
	INSERT INTO comm (title, channel, day, unit_id, sent) VALUES ('C', 'email', '$TODAY', 1, 1), ('D', 'email', '$TODAY', 1, 0);
	INSERT INTO comm_recipient (comm_id, person_id, unit_id, state) VALUES (1, 1, 1, 'committed'), (1, 2, 2, 'sent'), (1, 3, 3, 'reached');
	INSERT INTO coalition (name) VALUES ('K');
	INSERT INTO org_value (name) VALUES ('V');
	INSERT INTO recognition (from_id, to_person_id, message, value_id, day) VALUES (1, 2, 'm', 1, '$TODAY'), (1, 3, 'm', 1, '$OLD');
	INSERT INTO idea (title, author_id, owner_id, status, created) VALUES ('I1', 2, 1, 'open', '$OLD'),
	('I2', 3, 1, 'open', '$TODAY'), ('I3', 1, 1, 'accepted', '$OLD');
	INSERT INTO pulse (title, opens, closes, sent, unit_id) VALUES ('Q', '$OLD', NULL, 1, 1), ('R', '$OLD', '$OLD', 1, 1);" >/dev/null

start_server || { fail "server starts"; finish; exit 1; }
V=/api/v1
direction() { jqb '.setting_a_direction | "\(.vision) \(.vision_review_due) \(.active_strategies) \(.strategies_without_plan) \(.open_plans_without_strategy) \(.signals_last_90_days) \(.signals_not_reviewed)"'; }
aligning() { jqb '.aligning_people | "\(.communications_last_90_days) \(.recipients) \(.committed) \(.not_reached) \(.coalitions)"'; }
motivating() { jqb '.motivating_and_inspiring | "\(.recognitions_last_30_days) \(.open_ideas) \(.ideas_unanswered_30_days) \(.open_pulses)"'; }

# The whole organization: a vision, due; active S1, S2 (S2 has no plan);
# open plans P1 (served), P2 (not): 1; signals in 90 days a, b = 2; not
# reviewed b, c = 2. One sent communication; recipients Ann, Ben, Cat = 3,
# committed 1, not reached 1 (Ben); 1 coalition. Recognitions in 30 days:
# 1; open ideas I1, I2 = 2, overdue I1 = 1; open pulses: Q = 1.
api GET $V/lead
expect_eq "lead: 200" 200 "$STATUS"
expect_eq "org: direction" "true true 2 1 1 2 2" "$(direction)"
expect_eq "org: aligning" "1 3 1 1 1" "$(aligning)"
expect_eq "org: motivating" "1 2 1 1" "$(motivating)"

# Sub alone: the organization's vision and S2 (the organization's) count
# everywhere; S1 is Root's: not in Sub; P2 unserved; signal b; the
# communication came from Root (not Sub's): 0, but Ben, its recipient in
# Sub, is counted there: 1 recipient, 0 committed, 1 not reached; the
# organization's coalition; the recognition to Ben; Ben's overdue idea;
# no pulse of Sub.
api GET "$V/lead?unit_id=2"
expect_eq "Sub: direction" "true true 1 1 1 1 1" "$(direction)"
expect_eq "Sub: aligning" "0 1 0 1 1" "$(aligning)"
expect_eq "Sub: motivating" "1 1 1 0" "$(motivating)"

api GET "$V/lead?unit_id=9"
expect_eq "an unknown unit: 404 naming unit_id" "404 unit_id" "$STATUS $(jqb .error.field)"

# No vision at all says so on the page.
sql "UPDATE vision SET current = 0" >/dev/null
api GET $V/lead
expect_eq "no current vision" "false false" "$(jqb '.setting_a_direction | "\(.vision) \(.vision_review_due)"')"

# A viewer of Sub sees Sub's figures without asking, and the page.
run "$TANDEM" user add --person 2 --role viewer
id=$(sql "SELECT id FROM account WHERE person_id = 2")
BEN=$("$TANDEM" --db "$DB" token add --user "$id" --name t | tail -n 1)
ben() { STATUS=$(curl -q -s -o "$TMP/body" -w '%{http_code}' -H "Authorization: Bearer $BEN" "$URL$1"); BODY=$(cat "$TMP/body"); }
ben "$V/lead"
expect_eq "viewer: scoped to Sub" "200 2 1" "$STATUS $(jqb '"\(.unit_id) \(.aligning_people.recipients)"')"
ben "$V/lead?unit_id=1"
expect_eq "viewer: Root is outside, 404" 404 "$STATUS"
ben "/lead"
expect_eq "page: 200" 200 "$STATUS"
expect_contains "page: the direction card" "$BODY" '<h2 id="ld-dir">Setting a direction</h2>'
expect_contains "page: the aligning card" "$BODY" '<h2 id="ld-align">Aligning people</h2>'
expect_contains "page: the motivating card" "$BODY" '<h2 id="ld-mot">Motivating and inspiring</h2>'
expect_contains "page: no vision, said plainly" "$BODY" "No current vision"
expect_contains "page: Ben not reached" "$BODY" '<span class="mg-n">1</span> not reached yet'
expect_contains "page: Ben's overdue idea" "$BODY" '<span class="mg-n">1</span> ideas unanswered for 30 days'

stop_server
finish
