# access: every API route walked with every role, against rules worked
# out by hand on the demo organization:
#
#   1 Northwind Ltd        admin   = Ada Okafor (person 1, unit 1)
#   ├── 2 Operations       manager = Ben Tanaka (person 2, unit 2): reads and writes 2, 5
#   │   └── 5 Logistics    member  = Kemi Adeyemi (person 11, unit 2): reads 2, 5; logs own time
#   ├── 3 Product          viewer  = Grace Moreau (person 7, unit 3): reads 3, 6
#   │   └── 6 Engineering
#   └── 4 Sales
#
# plans: 1 (unit 2), 2 (unit 3), 3 (unit 4), 4 (unit 5), 5 (unit 6); 16
# steps each, plan 1 holding steps 1-16. A record outside what a role
# reads is 404 (as if it did not exist); one it reads but may not change
# is 403; without credentials every route but /healthz is 401.
. "$(dirname "$0")/../lib.sh"

run "$TANDEM" demo --today 2026-11-27
expect_rc "demo" 0
role_tokens access
start_server || { fail "server starts"; finish; exit 1; }
V=/api/v1

# as ROLE METHOD PATH [BODY]: one request with ROLE's token; $STATUS, $BODY
as() {
	local role=$1 method=$2 path=$3
	local args=(-q -s -o "$TMP/body" -w '%{http_code}' -X "$method" -H "Authorization: Bearer ${TOK[$role]}")
	[ $# -ge 4 ] && args+=(-H 'Content-Type: application/json' --data-binary "$4")
	STATUS=$(curl "${args[@]}" "$URL$path")
	BODY=$(cat "$TMP/body")
}


# --- listings see only the role's units ------------------------------------
count_as() {	# ROLE PATH: the listing's count
	as "$1" GET "$2"
	printf '%s' "$BODY" | jq -r .count
}
for role in $ROLES; do
	case $role in
	admin) u=6 p=5 s=80 ppl=40 ;;
	manager | member) u=2 p=2 s=32 ppl=$(sql "SELECT count(*) FROM person WHERE unit_id IN (2, 5)") ;;
	viewer) u=2 p=2 s=32 ppl=$(sql "SELECT count(*) FROM person WHERE unit_id IN (3, 6)") ;;
	esac
	expect_eq "$role sees $u units" "$u" "$(count_as $role $V/units)"
	expect_eq "$role sees $p plans" "$p" "$(count_as $role $V/plans)"
	expect_eq "$role counts $s steps" "$s" "$(as $role GET $V/steps/count && jqb .count)"
	expect_eq "$role sees $ppl people" "$ppl" "$(count_as $role "$V/people?limit=1000")"
done
as manager GET "$V/plans"
expect_eq "the manager's plans are 1 and 4" "1,4" "$(jqb '[.items[].id] | join(",")')"
as viewer GET "$V/units"
expect_eq "the viewer's units are 3 and 6" "3,6" "$(jqb '[.items[].id] | sort | join(",")')"
as member GET "$V/time-entries?limit=10000"
seen=$(jqb '.count')
expect_eq "the member sees the time of units 2 and 5" "$(sql "SELECT count(*) FROM time_entry t JOIN person p ON p.id = t.person_id WHERE p.unit_id IN (2, 5)")" "$seen"
walk GET "$V/plans?unit_id=3" "" 200 404 404 200
walk GET "$V/steps?unit_id=4" "" 200 404 404 404
walk GET "$V/tools" "" 200 200 200 200
as manager GET "$V/tools"
expect_eq "the manager sees the tools of plans 1 and 4 only" \
	"$(sql "SELECT count(*) FROM tool t LEFT JOIN step s ON s.id = t.step_id WHERE coalesce(t.plan_id, s.plan_id) IN (1, 4)")" \
	"$(jqb .count)"

# --- reads by id -----------------------------------------------------------
walk GET "$V/units/2" "" 200 200 200 404
walk GET "$V/units/5" "" 200 200 200 404
walk GET "$V/units/3" "" 200 404 404 200
walk GET "$V/units/4" "" 200 404 404 404
walk GET "$V/people/2" "" 200 200 200 404
walk GET "$V/people/3" "" 200 404 404 200
walk GET "$V/plans/1" "" 200 200 200 404
walk GET "$V/plans/2" "" 200 404 404 200
walk GET "$V/plans/1/schedule" "" 200 200 200 404
walk GET "$V/steps/1" "" 200 200 200 404
walk GET "$V/steps/17" "" 200 404 404 200
e2=$(sql "SELECT min(t.id) FROM time_entry t JOIN person p ON p.id = t.person_id WHERE p.unit_id = 2")
e3=$(sql "SELECT min(t.id) FROM time_entry t JOIN person p ON p.id = t.person_id WHERE p.unit_id = 3")
walk GET "$V/time-entries/$e2" "" 200 200 200 404
walk GET "$V/time-entries/$e3" "" 200 404 404 200
t1=$(sql "SELECT min(t.id) FROM tool t LEFT JOIN step s ON s.id = t.step_id WHERE coalesce(t.plan_id, s.plan_id) = 1")
t3=$(sql "SELECT min(t.id) FROM tool t LEFT JOIN step s ON s.id = t.step_id WHERE coalesce(t.plan_id, s.plan_id) = 3")
walk GET "$V/tools/$t1" "" 200 200 200 404
walk GET "$V/tools/$t3" "" 200 404 404 404
walk GET "$V/units/999" "" 404 404 404 404
walk GET "$V/me" "" 200 200 200 200
for role in $ROLES; do
	as $role GET "$V/me"
	expect_eq "me: the $role's role" "$role" "$(jqb .role)"
done
walk GET "$V/accounts" "" 200 403 403 403
walk GET "$V/audit" "" 200 403 403 403

# --- changes ----------------------------------------------------------------
walk PATCH "$V/units/5" '{"name":"Logistics"}' 200 200 403 404
walk PATCH "$V/units/3" '{"name":"Product"}' 200 404 404 403
walk POST "$V/units" '{"name":"Yard","parent_id":5}' 201 201 403 404
walk POST "$V/units" '{"name":"Top"}' 201 403 403 403
# the admin goes first and moves Logistics under Product: the others then
# see it where it is (the manager and the member lose it, the viewer gains
# it, read-only); then it moves back
walk PATCH "$V/units/5" '{"parent_id":3}' 200 404 404 403
walk PATCH "$V/units/5" '{"parent_id":2}' 200 200 403 404
walk PATCH "$V/people/11" '{"title":"Planner"}' 200 200 403 404
for role in $ROLES; do
	case $role in admin | manager) w=201 ;; member) w=403 ;; viewer) w=404 ;; esac
	as $role POST "$V/people" "{\"name\":\"Hire $role\",\"email\":\"hire-$role@x.example\",\"unit_id\":5}"
	expect_eq "$role: POST $V/people" $w "$STATUS"
done
walk PATCH "$V/plans/1" '{"name":"Warehouse automation"}' 200 200 403 404
walk PATCH "$V/plans/2" '{"name":"Customer portal v2"}' 200 404 404 403
walk POST "$V/plans" '{"name":"Dock","unit_id":5,"start_date":"2026-12-01"}' 201 201 403 404
walk POST "$V/plans" '{"name":"Lab","unit_id":3,"start_date":"2026-12-01"}' 201 404 404 403
walk PATCH "$V/steps/1" '{"duration_days":2}' 200 200 403 404
walk POST "$V/steps" '{"name":"Inspect","plan_id":4}' 201 201 403 404
walk POST "$V/steps" '{"name":"Inspect","plan_id":2}' 201 404 404 403
walk POST "$V/time-entries" '{"person_id":11,"step_id":1,"day":"2026-12-01","minutes":30}' 201 201 201 404
walk POST "$V/time-entries" '{"person_id":26,"step_id":1,"day":"2026-12-01","minutes":30}' 201 201 403 404
walk POST "$V/time-entries" '{"person_id":7,"step_id":17,"day":"2026-12-01","minutes":30}' 201 404 404 403
walk POST "$V/tools" '{"name":"Forklift","cost":100,"plan_id":4}' 201 201 403 404
walk POST "$V/tools" '{"name":"Microscope","cost":100,"plan_id":2}' 201 404 404 403
walk PATCH "$V/tools/$t1" '{"name":"Scanner"}' 200 200 403 404

# status changes and dependencies on fresh steps of plan 4 (unit 5), one
# set per role; deletes on records made for each role
declare -A S1 S2 DU DP DPL DS DT DTO
for role in $ROLES; do
	S1[$role]=$("$TANDEM" --db "$DB" step add "a-$role" --plan 4 | sed 's/step \([0-9]*\) added/\1/')
	S2[$role]=$("$TANDEM" --db "$DB" step add "b-$role" --plan 4 | sed 's/step \([0-9]*\) added/\1/')
	DU[$role]=$("$TANDEM" --db "$DB" unit add "gone-$role" --parent 5 | sed 's/unit \([0-9]*\) added/\1/')
	DP[$role]=$("$TANDEM" --db "$DB" person add "Gone $role" --email "gone-$role@x.example" --unit 5 | sed 's/person \([0-9]*\) added/\1/')
	DPL[$role]=$("$TANDEM" --db "$DB" plan add "gone-$role" --unit 5 --start-date 2026-12-01 | sed 's/plan \([0-9]*\) added/\1/')
	DS[$role]=$("$TANDEM" --db "$DB" step add "gone-$role" --plan 4 | sed 's/step \([0-9]*\) added/\1/')
	DT[$role]=$("$TANDEM" --db "$DB" time log --person 11 --step 1 --day 2026-12-02 --minutes 10 | sed 's/time entry \([0-9]*\) logged/\1/')
	DTO[$role]=$("$TANDEM" --db "$DB" tool add "gone-$role" --plan 4 | sed 's/tool \([0-9]*\) added/\1/')
done
one() {	# ROLE METHOD PATH BODY WANT
	if [ -n "$4" ]; then as "$1" "$2" "$3" "$4"; else as "$1" "$2" "$3"; fi
	expect_eq "$1: $2 $3" "$5" "$STATUS"
}
for role in $ROLES; do
	case $role in admin | manager) w=ok ;; member) w=403 ;; viewer) w=404 ;; esac
	code() { [ $w = ok ] && echo "$1" || echo $w; }
	one $role POST "$V/steps/${S2[$role]}/deps" "{\"on\":${S1[$role]}}" "$(code 200)"
	one $role POST "$V/steps/${S1[$role]}/start" "" "$(code 200)"
	one $role POST "$V/steps/${S1[$role]}/block" "" "$(code 200)"
	one $role POST "$V/steps/${S1[$role]}/done" "" "$(code 200)"
	one $role DELETE "$V/steps/${S2[$role]}/deps/${S1[$role]}" "" "$(code 200)"
	one $role DELETE "$V/units/${DU[$role]}" "" "$(code 204)"
	one $role DELETE "$V/people/${DP[$role]}" "" "$(code 204)"
	one $role DELETE "$V/plans/${DPL[$role]}" "" "$(code 204)"
	one $role DELETE "$V/steps/${DS[$role]}" "" "$(code 204)"
	one $role DELETE "$V/tools/${DTO[$role]}" "" "$(code 204)"
	# the member's own time entries are theirs to remove
	case $role in viewer) tw=404 ;; *) tw=204 ;; esac
	one $role DELETE "$V/time-entries/${DT[$role]}" "" $tw
done
walk DELETE "$V/time-entries/$e2" "" 204 404 404 404	# admin removes it first

# --- change initiatives, balance, settings, the self-assessment -------------
# An initiative belongs to a unit (or to the organization): read and
# written like a plan of that unit; an organization-wide one is read by
# everyone and changed by admins. Only an admin may advance without the
# evidence. Balance and the time profile read the units a role reads.
iops=$(sql "SELECT min(id) FROM initiative WHERE unit_id = 2")
iprod=$(sql "SELECT min(id) FROM initiative WHERE unit_id = 3")
walk GET "$V/initiatives" "" 200 200 200 200
walk GET "$V/initiatives/$iops" "" 200 200 200 404
walk GET "$V/initiatives/$iprod" "" 200 404 404 200
walk GET "$V/initiatives/$iops/evidence" "" 200 200 200 404
walk GET "$V/initiatives/$iops/network" "" 200 200 200 404
walk GET "$V/initiatives/$iprod/urgency" "" 200 404 404 200
walk PATCH "$V/initiatives/$iops" '{"description":"Walked"}' 200 200 403 404
walk PATCH "$V/initiatives/$iprod" '{"description":"Walked"}' 200 404 404 403
walk POST "$V/initiatives" '{"name":"Dock doors","sponsor_id":2,"unit_id":5}' 201 201 403 404
walk POST "$V/initiatives" '{"name":"Everyone","sponsor_id":1}' 201 403 403 403
iorg=$(sql "SELECT max(id) FROM initiative WHERE name = 'Everyone'")
walk GET "$V/initiatives/$iorg" "" 200 200 200 200
walk POST "$V/initiatives/$iops/advance" '{"override":"walked"}' 200 403 403 404
walk GET "$V/urgency?unit_id=3" "" 200 404 404 200
walk GET "$V/balance" "" 200 200 200 200
walk GET "$V/balance/units/2" "" 200 200 200 404
walk GET "$V/balance/units/3" "" 200 404 404 200
walk GET "$V/balance/history?unit_id=5" "" 200 200 200 404
walk GET "$V/balance/time?unit_id=3" "" 200 404 404 200
walk POST "$V/balance/snapshots" '{}' 201 201 403 403
# what a record names must be readable too: Product's coalition (2) is
# not the Operations manager's to attach, nor Product's people to sponsor
as manager POST "$V/initiatives" '{"name":"Borrowed","sponsor_id":2,"unit_id":5,"coalition_id":2}'
expect_eq "a coalition the manager cannot read: 404 naming it" "404|coalition_id|coalition_id: no coalition with id 2" \
	"$STATUS|$(jqb .error.field)|$(jqb .error.message)"
as manager POST "$V/initiatives/$iops/links" '{"kind":"strategy","target_id":'"$(sql "SELECT min(id) FROM strategy WHERE unit_id = 3")"'}'
expect_eq "a link to Product's strategy: 404 naming target_id" "404|target_id" "$STATUS|$(jqb .error.field)"
expect_contains "in the access rules' words" "$(jqb .error.message)" "target_id: no strategy with id"
as manager POST "$V/initiatives" '{"name":"Borrowed","sponsor_id":7,"unit_id":5}'
expect_eq "a sponsor the manager cannot read: 404 naming it" "404|sponsor_id" "$STATUS|$(jqb .error.field)"
expect_eq "neither was written" 0 "$(sql "SELECT count(*) FROM initiative WHERE name = 'Borrowed'")"
# the organization's scores come back only to those who read all of it
as manager POST "$V/balance/snapshots" '{}'
expect_eq "a manager's snapshot: its id, not the organization's scores" "true|false" \
	"$(jqb '"\(has("id"))|\(has("organization"))"')"
as admin POST "$V/balance/snapshots" '{}'
expect_eq "an admin's: with the organization's scores" "true" "$(jqb 'has("organization")')"
walk GET "$V/settings" "" 200 200 200 200
walk PUT "$V/settings" '{"key":"balance.led","value":60}' 200 403 403 403
walk GET "$V/assess/items" "" 200 200 200 200
# a person's self-assessment is theirs alone: admins too get 404
as member POST "$V/assess" '{"answers":"3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3"}'
expect_eq "the member takes the self-assessment" 201 "$STATUS"
walk GET "$V/assess/people/11" "" 404 404 200 404
walk GET "$V/cohorts" "" 200 200 200 200
walk POST "$V/cohorts" '{"name":"Walked","unit_id":3}' 201 404 404 403

# --- tokens are each account's own; accounts are the admin's --------------
for role in $ROLES; do
	as $role POST "$V/tokens" '{"name":"mine"}'
	expect_eq "$role creates a token" 201 "$STATUS"
	mine=$(jqb .id)
	tok=$(jqb .token)
	expect_eq "$role's new token works" 200 "$(curl -q -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $tok" "$URL$V/me")"
	as $role GET "$V/tokens"
	expect_eq "$role lists their two tokens" 2 "$(jqb .count)"
	other=$(sql "SELECT min(id) FROM token WHERE account_id <> (SELECT account_id FROM token WHERE id = $mine)")
	one $role DELETE "$V/tokens/$other" "" 404
	one $role DELETE "$V/tokens/$mine" "" 204
	expect_eq "$role's revoked token is refused" 401 "$(curl -q -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $tok" "$URL$V/me")"
done
# bad input on the account routes: the field named, nothing written
before=$(dbsum)
as admin POST "$V/tokens" '{}'
expect_eq "a token without a name" "400 name" "$STATUS $(jqb .error.field)"
as admin POST "$V/tokens" '{"name":"x","days":0}'
expect_eq "a token of 0 days" "400 days" "$STATUS $(jqb .error.field)"
as admin POST "$V/tokens" '{"name":"x","secret":1}'
expect_eq "an unknown key" "400 secret" "$STATUS $(jqb .error.field)"
as admin POST "$V/accounts" '{"person_id":9999,"role":"member"}'
expect_eq "an account for nobody" "404 person_id" "$STATUS $(jqb .error.field)"
as admin POST "$V/accounts" '{"person_id":3,"role":"boss"}'
expect_eq "a role that does not exist" "400 role" "$STATUS $(jqb .error.field)"
as admin POST "$V/accounts" '{"person_id":3,"role":"member","password":"short"}'
expect_eq "a short password" "400 password" "$STATUS $(jqb .error.field)"
as admin PATCH "$V/accounts/1" '{"password":"short"}'
expect_eq "a short new password" "400 password" "$STATUS $(jqb .error.field)"
expect_eq "the refused account writes wrote nothing" "$before" "$(dbsum)"
pid=$(sql "SELECT min(id) FROM person WHERE id NOT IN (SELECT person_id FROM account WHERE person_id IS NOT NULL)")
walk POST "$V/accounts" "{\"person_id\":$pid,\"role\":\"member\"}" 201 403 403 403
acc=$(sql "SELECT id FROM account WHERE person_id = $pid")
walk PATCH "$V/accounts/$acc" '{"role":"viewer"}' 200 403 403 403
walk DELETE "$V/accounts/$acc" "" 204 403 403 403

# --- no credentials, bad credentials ----------------------------------------
anon() {	# METHOD PATH: status without credentials
	curl -q -s -o "$TMP/body" -w '%{http_code}' -X "$1" "$URL$2"
}
for r in "GET $V/units" "GET $V/plans/1" "POST $V/plans" "GET $V/me" "GET $V/audit" "DELETE $V/steps/1"; do
	expect_eq "no credentials: $r" 401 "$(anon $r)"
done
expect_eq "no credentials: the JSON error" "401 sign in first" "$(jq -r '"\(.error.status) \(.error.message)"' "$TMP/body" | cut -c1-17)"
expect_eq "no credentials: /healthz is public" 200 "$(anon GET /healthz)"
expect_eq "a made-up token" 401 "$(curl -q -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' "$URL$V/units")"
expect_eq "a token of the wrong length" 401 "$(curl -q -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer short' "$URL$V/units")"
sql "UPDATE token SET expires_at = 1 WHERE name = 'access' AND account_id = (SELECT id FROM account WHERE person_id = 7)" >/dev/null
as viewer GET "$V/me"
expect_eq "an expired token: 401" 401 "$STATUS"
expect_contains "an expired token: says so" "$(jqb .error.message)" "expired"

# --- every write was audited, with who and how --------------------------------
expect_eq "the audit names the manager's changes" \
	"$(sql "SELECT count(*) FROM audit WHERE actor = 'ben.tanaka@northwind.example' AND via = 'api'")" \
	"$(sql "SELECT count(*) FROM audit WHERE account_id = (SELECT id FROM account WHERE person_id = 2)")"
expect_eq "refused writes left no audit record from the viewer" 0 \
	"$(sql "SELECT count(*) FROM audit WHERE actor = 'grace.moreau@northwind.example' AND action NOT LIKE '% /api/v1/tokens%'")"
as admin GET "$V/audit?limit=1"
expect_eq "the newest audit record: the admin's account removal" "DELETE $V/accounts/$acc|api|ada.okafor@northwind.example" \
	"$(jqb '"\(.items[0].action)|\(.items[0].via)|\(.items[0].actor)"')"

finish
