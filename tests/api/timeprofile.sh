#!/usr/bin/env bash
# tests/api/timeprofile.sh: GET /api/v1/balance/time and the page
# /balance/time by role. Without a unit an admin reads the whole
# organization and every other role their own unit (with the units under
# it); a unit outside what a role reads is 404. The shares are worked out
# by hand (tests/cli/timeprofile.sh has the full breakdown).
#
#   1 Root      Ann (1, admin; manages Ben and Dee)
#   ├── 2 Ops   Ben (2, manager; manages Cal and Eve), Cal (3, member)
#   │   └── 4 Field  Eve (5, no account)
#   └── 3 Sales Dee (4, viewer)
source "$(dirname "$0")/../lib.sh"

t unit add Root
t unit add Ops --parent 1
t unit add Sales --parent 1
t unit add Field --parent 2
t person add Ann --email ann@t.test --unit 1
t person add Ben --email ben@t.test --unit 2 --manager 1
t person add Cal --email cal@t.test --unit 2 --manager 2
t person add Dee --email dee@t.test --unit 3 --manager 1
t person add Eve --email eve@t.test --unit 4 --manager 2
t plan add P --unit 1 --start-date 2026-03-02
t step add s1 --plan 1 --activity planning
t step add s2 --plan 1 --activity direction
t step add s3 --plan 1
# March 2026. Ann (manager): s1 120 planning, s3 60 aligning, s3 60 the work.
# Ben (manager): s2 90 direction, s1 30 controlling. Cal: s3 240 the work.
# Dee: s3 100 problem-solving.
log() { t time log --person "$1" --step "$2" --day "$3" --minutes "$4" ${5:+--activity "$5"}; }
log 1 1 2026-03-02 120
log 1 3 2026-03-03 60 aligning
log 1 3 2026-03-04 60
log 2 2 2026-03-02 90
log 2 1 2026-03-03 30 controlling
log 3 3 2026-03-02 240
log 4 3 2026-03-06 100 problem-solving
expect_rc "fixture" 0
for spec in admin:1 manager:2 member:3 viewer:4; do
	role=${spec%%:*}
	person=${spec#*:}
	t user add --person "$person" --role "$role"
	expect_rc "account for $role" 0
	id=$(sql "SELECT id FROM account WHERE person_id = $person")
	TOK[$role]=$("$TANDEM" --db "$DB" token add --user "$id" --name tp | tail -n 1)
done
start_server || { fail "server starts"; finish; exit 1; }
V=/api/v1/balance/time
M="from=2026-03-01&to=2026-03-31"

# --- the scope of each role ---------------------------------------------------------
# The organization: managers 120+60+60+90+30 = 360 minutes; leadership
# aligning 60 + direction 90 = 150 -> 41.67 -> 41.7; management planning
# 120 + controlling 30 = 150 -> 41.7; the work 60 -> 16.67 -> 16.7.
as admin GET "$V?$M"
expect_eq "admin: 200" 200 "$STATUS"
expect_eq "admin: the whole organization" "null|the organization|360" \
	"$(jqb '"\(.unit_id)|\(.unit)|\(.managers.minutes)"')"
expect_eq "admin: 41.7 / 41.7 / 16.7" "41.7 41.7 16.7" \
	"$(jqb '"\(.managers.management.pct) \(.managers.leadership.pct) \(.managers.unclassified.pct)"')"
expect_eq "admin: all four units" "1 2 4 3" "$(jqb '[.units[].unit_id | tostring] | join(" ")')"
# Ops with Field: Ben's 120: direction 90 -> 75.0 leadership, 25.0 management
as manager GET "$V?$M"
expect_eq "manager: 200" 200 "$STATUS"
expect_eq "manager: his unit, Ops, 120 minutes, 75 % leadership" "2|Ops|120|75" \
	"$(jqb '"\(.unit_id)|\(.unit)|\(.managers.minutes)|\(.managers.leadership.pct)"')"
as member GET "$V?$M"
expect_eq "member: Ops too" "200 2" "$STATUS $(jqb .unit_id)"
# Sales: no manager; Dee's 100 minutes among the others, all management
as viewer GET "$V?$M"
expect_eq "viewer: Sales" "200 3" "$STATUS $(jqb .unit_id)"
expect_eq "viewer: no managers' time, the others' 100 minutes" "0|null|100|100" \
	"$(jqb '"\(.managers.minutes)|\(.managers.leadership.pct)|\(.others.minutes)|\(.others.management.pct)"')"

# a unit: each role reads what it may
walk GET "$V?unit_id=1&$M" "" 200 404 404 404
walk GET "$V?unit_id=2&$M" "" 200 200 200 404
walk GET "$V?unit_id=4&$M" "" 200 200 200 404
walk GET "$V?unit_id=3&$M" "" 200 404 404 200
as manager GET "$V?unit_id=4&$M"
expect_eq "manager reads Field: nothing logged there by managers" "4 0 0" \
	"$(jqb '"\(.unit_id) \(.managers.people) \(.managers.minutes)"')"

# --- refusals -----------------------------------------------------------------------
as admin GET "$V?from=2026-02-30"
expect_eq "a day that does not exist: 400" 400 "$STATUS"
expect_eq "it names from" from "$(jqb .error.field)"
as admin GET "$V?from=2026-03-10&to=2026-03-01"
expect_eq "from after to: 400" 400 "$STATUS"
expect_eq "it names from" from "$(jqb .error.field)"
expect_contains "it says why" "$(jqb .error.message)" "starts (2026-03-10) after it ends (2026-03-01)"
as admin GET "$V?unit_id=99"
expect_eq "an unknown unit: 404" 404 "$STATUS"
as admin GET "$V?unit=1"
expect_eq "an unknown parameter: 400" 400 "$STATUS"
expect_eq "it names the parameter" unit "$(jqb .error.field)"
as admin GET "$V?to="
expect_eq "an empty value: 400" 400 "$STATUS"
STATUS=$(curl -q -s -o /dev/null -w '%{http_code}' "$URL$V")
expect_eq "no credentials: 401" 401 "$STATUS"
as admin POST "$V" '{}'
expect_eq "a read-only route: 405" 405 "$STATUS"

# --- the page -------------------------------------------------------------------------
as admin GET "/balance/time?$M"
expect_eq "page: admin 200" 200 "$STATUS"
expect_contains "page: the split in words" "$BODY" \
	"Managers spent 41.7 % of their logged time on leadership</strong>, 41.7 % on management and 16.7 % on the work itself"
expect_contains "page: the contrast with the others" "$BODY" \
	"the other 3 people spent 0.0 % of their logged time on leadership and 29.4 % on management"
expect_contains "page: the chart" "$BODY" "<svg"
expect_contains "page: a bar segment per process with its share" "$BODY" \
	"<title>setting a direction: 25.0 % (90 minutes)</title>"
expect_contains "page: the legend" "$BODY" "motivating and inspiring (leadership)"
expect_contains "page: the organization is the admin's default" "$BODY" \
	"<option value=\"\" selected>The whole organization</option>"
expect_contains "page: its nav item is current" "$BODY" 'href="/balance/time" aria-current="page"'
as viewer GET "/balance/time?$M"
expect_eq "page: viewer 200" 200 "$STATUS"
expect_contains "page: the viewer's unit" "$BODY" "Sales, from 2026-03-01 to 2026-03-31"
expect_contains "page: no managers' time in words" "$BODY" "Managers logged no time in this period."
expect_not_contains "page: no organization option for a viewer" "$BODY" "The whole organization"
as viewer GET "/balance/time?unit_id=2"
expect_eq "page: a unit outside the viewer's is 404" 404 "$STATUS"
as admin GET "/balance/time?from=2026-03-10&to=2026-03-01"
expect_eq "page: from after to is 400" 400 "$STATUS"
expect_contains "page: the error inline, linked to its field" "$BODY" 'href="#f-from"'
expect_contains "page: the field marked invalid" "$BODY" 'aria-invalid="true"'
expect_contains "page: the form keeps what was typed" "$BODY" 'value="2026-03-10"'
as admin GET "/balance/time?from=bad"
expect_eq "page: a malformed date is 400" 400 "$STATUS"
expect_contains "page: the form is still there" "$BODY" 'action="/balance/time"'
as admin GET "/balance/time?unit_id=&from=&to="
expect_eq "page: empty inputs are no filter" 200 "$STATUS"
expect_contains "page: the default window" "$BODY" "(90 days)"
STATUS=$(curl -q -s -o /dev/null -w '%{http_code}' "$URL/balance/time")
expect_eq "page: no session sends to sign in (303)" 303 "$STATUS"

stop_server
finish
