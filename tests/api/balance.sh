#!/usr/bin/env bash
# tests/api/balance.sh: /api/v1/balance, /api/v1/balance/units/:id,
# /api/v1/balance/snapshots, /api/v1/balance/history and the pages
# /balance, /balance/units/:id, /balance/org by role. Everyone reads the
# units of their scope; the organization's row only those who read the
# whole tree (admins, people of the only root unit); snapshots are taken
# by managers and admins.
#
#   1 Root      Ada (1, admin), Rex (5, viewer)
#   ├── 2 Ops   Ben (2, manager), Kemi (3, member, managed by Ben)
#   └── 3 Prod  Grace (4, viewer)
source "$(dirname "$0")/../lib.sh"

t unit add Root
t unit add Ops --parent 1
t unit add Prod --parent 1
t person add Ada --email ada@t.test --unit 1
t person add Ben --email ben@t.test --unit 2
t person add Kemi --email kemi@t.test --unit 2 --manager 2
t person add Grace --email grace@t.test --unit 3
t person add Rex --email rex@t.test --unit 1
# one live plan of Ops with a budget: Ops P2 = 100 %, the rest 0 of 0
t plan add Portal --unit 2 --start-date 2026-03-02
t budget add --plan 1 --category other --amount 10
declare -A TOK
ROLES="admin manager member viewer"
for spec in admin:1 manager:2 member:3 viewer:4 root:5; do
	role=${spec%%:*}
	person=${spec#*:}
	r=$role
	[ "$role" = root ] && r=viewer
	TANDEM_PASSWORD=correct-horse-battery t user add --person "$person" --role "$r"
	expect_rc "account for $role" 0
	id=$(sql "SELECT id FROM account WHERE person_id = $person")
	TOK[$role]=$("$TANDEM" --db "$DB" token add --user "$id" --name bal | tail -n 1)
done
start_server || { fail "server starts"; finish; exit 1; }
V=/api/v1
digest() { dbsum "$DB" balance_snapshot balance_score; }
ids() { jqb '[.items[] | .unit_id] | map(tostring) | join(" ")'; }

# --- GET /api/v1/balance: the scope --------------------------------------------
as admin GET "$V/balance"
expect_eq "admin: 200" 200 "$STATUS"
expect_eq "admin: the organization, then every unit" "null 1 2 3" "$(ids)"
expect_eq "every indicator" 25 "$(jqb '.items[0].indicators | length')"
expect_eq "Ops: its one live plan has a budget" "100" "$(jqb '.items[] | select(.unit_id == 2) | .indicators[] | select(.key == "P2") | .value')"
expect_eq "the thresholds" "60|60" "$(jqb '"\(.managed)|\(.led)"')"
as manager GET "$V/balance"
expect_eq "manager: Ops' subtree, no organization" "2" "$(ids)"
as member GET "$V/balance"
expect_eq "member: their unit" "2" "$(ids)"
as viewer GET "$V/balance"
expect_eq "viewer: their unit" "3" "$(ids)"
as root GET "$V/balance"
expect_eq "a person of the only root unit reads the organization" "null 1 2 3" "$(ids)"
as admin GET "$V/balance?unit_id=2"
expect_eq "admin ?unit_id=2: that subtree" "2" "$(ids)"
as manager GET "$V/balance?unit_id=3"
expect_eq "manager, a unit outside their scope: 404" 404 "$STATUS"
as admin GET "$V/balance?unit_id=99"
expect_eq "no such unit: 404" 404 "$STATUS"
as admin GET "$V/balance?as_of=2026-02-30"
expect_eq "a bad day: 400" "400|as_of" "$STATUS|$(jqb .error.field)"
as admin GET "$V/balance?as_of=2026-03-01"
expect_eq "as_of" "2026-03-01" "$(jqb .as_of)"
as admin GET "$V/balance?colour=red"
expect_eq "an unknown parameter: 400" 400 "$STATUS"

# --- GET /api/v1/balance/units/:id -------------------------------------------------
walk GET "$V/balance/units/2" "" 200 200 200 404
walk GET "$V/balance/units/1" "" 200 404 404 404
as admin GET "$V/balance/units/2"
expect_eq "one unit with its indicators and actions" "2|Ops|25|true" \
	"$(jqb '"\(.unit_id)|\(.name)|\(.indicators | length)|\(.actions.management | length > 0)"')"
as admin GET "$V/balance/units/99"
expect_eq "no such unit: 404" 404 "$STATUS"

# --- POST /api/v1/balance/snapshots ------------------------------------------------
before=$(digest)
as member POST "$V/balance/snapshots" '{}'
expect_eq "member: 403" 403 "$STATUS"
as viewer POST "$V/balance/snapshots" '{}'
expect_eq "viewer: 403" 403 "$STATUS"
as admin POST "$V/balance/snapshots" '{"as_of":"2026-13-01"}'
expect_eq "a bad day: 400 naming as_of" "400|as_of" "$STATUS|$(jqb .error.field)"
as admin POST "$V/balance/snapshots" '{"colour":"red"}'
expect_eq "an unknown key: 400" 400 "$STATUS"
expect_eq "no refusal wrote anything" "$before" "$(digest)"
as admin POST "$V/balance/snapshots" '{"as_of":"2026-03-01"}'
expect_eq "admin: 201" 201 "$STATUS"
expect_eq "the snapshot and the organization's scores" "1|2026-03-01|null" "$(jqb '"\(.id)|\(.organization.day)|\(.organization.unit_id)"')"
as manager POST "$V/balance/snapshots"
expect_eq "manager, no body (today): 201" 201 "$STATUS"
expect_eq "two snapshots of 4 rows" "2|8" "$(sql 'SELECT count(*) FROM balance_snapshot')|$(sql 'SELECT count(*) FROM balance_score')"
expect_eq "kind manual" "manual" "$(sql "SELECT DISTINCT kind FROM balance_snapshot")"

# --- GET /api/v1/balance/history ----------------------------------------------------
as admin GET "$V/balance/history"
expect_eq "admin: the organization's history, oldest first" "2026-03-01|null|2" "$(jqb '"\(.items[0].day)|\(.items[0].unit_id)|\(.count)"')"
as manager GET "$V/balance/history"
expect_eq "manager: Ops' history" "2 2" "$(jqb '[.items[] | .unit_id] | map(tostring) | join(" ")')"
as viewer GET "$V/balance/history?unit_id=2"
expect_eq "viewer: another unit's history 404" 404 "$STATUS"
walk GET "$V/balance/history?unit_id=2" "" 200 200 200 404

# --- pages -------------------------------------------------------------------------
walk GET "/balance" "" 200 200 200 200
as admin GET "/balance"
expect_contains "the quadrant" "$BODY" "<svg"
expect_contains "the quadrants named" "$BODY" "overmanaged, underled"
expect_contains "the organization's path" "$BODY" "snapshot(s), from 2026-03-01"
expect_contains "the snapshot form for an admin" "$BODY" 'action="/balance/snapshots"'
as member GET "/balance"
expect_not_contains "no snapshot form for a member" "$BODY" 'action="/balance/snapshots"'
expect_not_contains "a member sees no organization row" "$BODY" "/balance/org"
walk GET "/balance/units/2" "" 200 200 200 404
walk GET "/balance/org" "" 200 404 404 404
as admin GET "/balance/units/2"
expect_contains "the unit page: every indicator" "$BODY" "P1 targets this period with a plan"
expect_contains "the unit page: the actions" "$BODY" "What would raise the scores most"
expect_contains "the unit page: history" "$BODY" "2026-03-01"
as admin GET "/balance?as_of=bad"
expect_eq "the page: a bad day 400" 400 "$STATUS"
before=$(digest)
form viewer /balance/snapshots "as_of="
expect_eq "viewer's form: 403" 403 "$STATUS"
form member /balance/snapshots "as_of="
expect_eq "member's form: 403" 403 "$STATUS"
form admin /balance/snapshots "as_of=2026-02-30"
expect_eq "a bad day: the form again (400)" 400 "$STATUS"
expect_contains "an inline message" "$BODY" "as_of"
expect_eq "no refused form wrote anything" "$before" "$(digest)"
form manager /balance/snapshots "as_of=2026-04-01"
expect_eq "the form snapshots: 303" 303 "$STATUS"
expect_eq "three snapshots" 3 "$(sql 'SELECT count(*) FROM balance_snapshot')"

finish
