#!/usr/bin/env bash
# tests/api/raci.sh: the RACI, publishing, feed and capacity routes with
# every role, and their pages. On the demo organization (as in
# tests/api/access.sh):
#
#   1 Northwind Ltd        admin   = Ada Okafor (person 1, unit 1)
#   ├── 2 Operations       manager = Ben Tanaka (person 2, unit 2): reads and writes 2, 5
#   │   └── 5 Logistics    member  = Kemi Adeyemi (person 11, unit 2): reads 2, 5
#   ├── 3 Product          viewer  = Grace Moreau (person 7, unit 3): reads 3, 6
#   │   └── 6 Engineering
#   └── 4 Sales
#
# Plan 1 (unit 2, owner Ben) holds steps 1-16; plan 2 (unit 3) steps
# 17-32. A record outside what a role reads is 404, one it reads but may
# not change 403.
. "$(dirname "$0")/../lib.sh"

run "$TANDEM" demo --today 2026-11-27
expect_rc "demo" 0
declare -A TOK
for spec in admin:1 manager:2 member:11 viewer:7; do
	role=${spec%%:*}
	person=${spec#*:}
	TANDEM_PASSWORD=correct-horse-battery run "$TANDEM" user add --person "$person" --role "$role"
	expect_rc "account for $role" 0
	id=$(sql "SELECT id FROM account WHERE person_id = $person")
	TOK[$role]=$("$TANDEM" --db "$DB" token add --user "$id" --name raci | tail -n 1)
done
start_server || { fail "server starts"; finish; exit 1; }
V=/api/v1
ROLES="admin manager member viewer"

as() {
	local role=$1 method=$2 path=$3
	local args=(-q -s -o "$TMP/body" -w '%{http_code}' -X "$method" -H "Authorization: Bearer ${TOK[$role]}")
	[ $# -ge 4 ] && args+=(-H 'Content-Type: application/json' --data-binary "$4")
	STATUS=$(curl "${args[@]}" "$URL$path")
	BODY=$(cat "$TMP/body")
}

# --- reads -------------------------------------------------------------------
walk GET "$V/plans/1/raci" "" 200 200 200 404
walk GET "$V/plans/2/raci" "" 200 404 404 200
walk GET "$V/plans/99/raci" "" 404 404 404 404
as manager GET "$V/plans/1/raci"
expect_eq "the matrix has plan 1's 16 steps" "16" "$(jqb '.steps | length')"
# the demo's rows: Kemi (11) consults on step 1 (1 % 5 = 1); the owner Ben is
# the implied A (no explicit A in the demo)
expect_eq "step 1: Kemi C, explicit" "C:false" \
	"$(jqb '.steps[0].roles[] | select(.person_id == 11) | "\(.role):\(.implied)"')"
expect_eq "step 1: Ben the implied A" "A:true" \
	"$(jqb '.steps[0].roles[] | select(.person_id == 2) | "\(.role):\(.implied)"')"

# --- writes: PUT and POST set, DELETE removes --------------------------------
walk PUT "$V/steps/2/raci" '{"person_id":11,"role":"C"}' 200 200 403 404
walk POST "$V/steps/18/raci" '{"person_id":7,"role":"I"}' 200 404 404 403
expect_eq "the rows" "2|11|C 18|7|I" \
	"$(sql "SELECT step_id || '|' || person_id || '|' || role FROM raci WHERE step_id IN (2, 18) ORDER BY step_id" | join_lines ' ')"
as manager PUT "$V/steps/2/raci" '{"person_id":11,"role":"R"}'
expect_eq "a second PUT changes the role" "200 R" "$STATUS $(jqb .role)"
expect_eq "still one row" "R" "$(sql 'SELECT role FROM raci WHERE step_id = 2 AND person_id = 11')"

before=$(dbsum)
# a person the manager may not read is one that does not exist
as manager PUT "$V/steps/2/raci" '{"person_id":7,"role":"C"}'
expect_eq "an invisible person: 404" "404" "$STATUS"
expect_eq "it names person_id" "person_id" "$(jqb .error.field)"
as manager PUT "$V/steps/2/raci" '{"person_id":11,"role":"X"}'
expect_eq "a bad role: 400" "400" "$STATUS"
expect_eq "it names role" "role" "$(jqb .error.field)"
as manager PUT "$V/steps/2/raci" '{"role":"C"}'
expect_eq "no person: 400 naming person_id" "400 person_id" "$STATUS $(jqb .error.field)"
as manager PUT "$V/steps/2/raci" '{"person_id":11,"role":"C","extra":1}'
expect_eq "an unknown key: 400" "400" "$STATUS"
as manager PUT "$V/steps/2/raci" '{"person_id":2,"role":"A"}'
expect_eq "Ben becomes A of step 2" "200" "$STATUS"
before=$(dbsum)
as manager PUT "$V/steps/2/raci" '{"person_id":11,"role":"A"}'
expect_eq "a second A: 409" "409" "$STATUS"
expect_eq "it names the current A" "step 2 already has an Accountable: Ben Tanaka (person 2); give them another role first, or set it with replace" "$(jqb .error.message)"
expect_eq "no refusal wrote anything" "$before" "$(dbsum)"
as manager PUT "$V/steps/2/raci" '{"person_id":11,"role":"A","replace":true}'
expect_eq "replace: 200" "200" "$STATUS"
expect_eq "replace moved the A" "11|A" "$(sql "SELECT person_id || '|' || role FROM raci WHERE step_id = 2")"

walk DELETE "$V/steps/2/raci/11" "" 204 404 403 404
walk DELETE "$V/steps/18/raci/7" "" 204 404 404 403
expect_eq "both rows are gone" "0" "$(sql 'SELECT count(*) FROM raci WHERE step_id IN (2, 18)')"

# --- publishing ----------------------------------------------------------------
# plan 1's people, counted independently: owner, assignees, RACI rows
people1=$(sql "SELECT count(*) FROM person WHERE id = (SELECT owner_id FROM plan WHERE id = 1)
               OR id IN (SELECT assignee_id FROM step WHERE plan_id = 1)
               OR id IN (SELECT r.person_id FROM raci r JOIN step s ON s.id = r.step_id WHERE s.plan_id = 1)")
pubs=$(sql 'SELECT count(*) FROM publication')
walk POST "$V/plans/1/publish" '{"note":"dates moved"}' 201 201 403 404
walk POST "$V/plans/2/publish" '' 201 404 404 403
expect_eq "three new publications" "$((pubs + 3))" "$(sql 'SELECT count(*) FROM publication')"
last=$(sql "SELECT max(id) FROM publication WHERE plan_id = 1")
expect_eq "the manager's is by his name, with the note" "Ben Tanaka|dates moved" \
	"$(sql "SELECT by_name || '|' || note FROM publication WHERE id = $last")"
expect_eq "it went to everyone in plan 1" "$people1" \
	"$(sql "SELECT count(*) FROM publication_to WHERE publication_id = $last")"
expect_eq "the audit log has the three" "3" \
	"$(sql "SELECT count(*) FROM audit WHERE action LIKE 'POST /api/v1/plans/%/publish'")"
as manager POST "$V/plans/1/publish" '{"note":5}'
expect_eq "a note of the wrong type: 400" "400 note" "$STATUS $(jqb .error.field)"
as admin POST "$V/plans" '{"name":"Empty","unit_id":2,"start_date":"2026-12-01"}'
empty=$(jqb .id)
before=$(dbsum)
as manager POST "$V/plans/$empty/publish" ''
expect_eq "a plan with no one in it: 409" "409" "$STATUS"
expect_eq "nothing written" "$before" "$(dbsum)"

# --- feeds ---------------------------------------------------------------------------
# Kemi (11) consults on step 1 of plan 1: she got the manager's publication
walk GET "$V/people/11/feed" "" 200 200 200 404
as member GET "$V/me/feed"
expect_eq "me/feed: 200" "200" "$STATUS"
expect_eq "her newest is the manager's publication" "$last" "$(jqb '.items[0].id')"
expect_eq "with its note" "dates moved" "$(jqb '.items[0].note')"
expect_eq "the count matches her rows" "$(sql 'SELECT count(*) FROM publication_to WHERE person_id = 11')" "$(jqb .count)"
expect_eq "her steps in plan 1 include step 1 as C" "C" \
	"$(jqb '.items[0].steps[] | select(.id == 1) | .role')"
as member GET "$V/me/feed?limit=1"
expect_eq "?limit=1" "1" "$(jqb .count)"
as member GET "$V/me/feed?limit=0"
expect_eq "?limit=0: 400" "400" "$STATUS"
STATUS=$(curl -s -o "$TMP/body" -w '%{http_code}' "$URL$V/me/feed")
expect_eq "an account of no person has no feed: 404" "404" "$STATUS"

# --- capacity ---------------------------------------------------------------------
count_as() {
	as "$1" GET "$2"
	printf '%s' "$BODY" | jq -r .count
}
expect_eq "admin: everyone" "40" "$(count_as admin "$V/capacity?from=2026-11-23&weeks=2")"
expect_eq "manager: units 2 and 5" "$(sql 'SELECT count(*) FROM person WHERE unit_id IN (2, 5)')" \
	"$(count_as manager "$V/capacity?from=2026-11-23&weeks=2")"
expect_eq "viewer: units 3 and 6" "$(sql 'SELECT count(*) FROM person WHERE unit_id IN (3, 6)')" \
	"$(count_as viewer "$V/capacity")"
walk GET "$V/capacity?unit_id=3" "" 200 404 404 200
as admin GET "$V/capacity?weeks=0"
expect_eq "weeks=0: 400 naming weeks" "400 weeks" "$STATUS $(jqb .error.field)"
as admin GET "$V/capacity?person_id=1"
expect_eq "person_id is not a query parameter here" "400 person_id" "$STATUS $(jqb .error.field)"
as admin GET "$V/capacity?from=2026-13-01"
expect_eq "a bad from: 400" "400 from" "$STATUS $(jqb .error.field)"
as admin GET "$V/capacity?from=2026-11-25&weeks=3"
expect_eq "weeks start on the Monday" "2026-11-23,2026-11-30,2026-12-07" \
	"$(jqb '[.items[0].weeks[].week] | join(",")')"
walk GET "$V/people/2/load" "" 200 200 200 404
walk GET "$V/people/7/load" "" 200 404 404 200
as manager GET "$V/people/2/load?weeks=4"
expect_eq "one person, four weeks" "1 4" "$(jqb .count) $(jqb '.items[0].weeks | length')"
expect_eq "his capacity in hours a week" "$(sql 'SELECT capacity_minutes / 60 FROM person WHERE id = 2')" \
	"$(jqb '.items[0].weeks[1].capacity_hours')"
as manager GET "$V/people/2/load?unit_id=2"
expect_eq "no unit_id on one person's load" "400" "$STATUS"

# --- pages ----------------------------------------------------------------------------
# page METHOD PATH JAR [DATA]
page() {
	local args=(-q -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$1" -b "$3" -c "$3")
	[ $# -ge 4 ] && args+=(--data-binary "$4")
	STATUS=$(curl "${args[@]}" "$URL$2")
	BODY=$(cat "$TMP/body")
	HEADERS=$(tr -d '\r' <"$TMP/headers")
}
csrf_of() {
	printf '%s' "$BODY" | grep -o 'name="csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'
}
signin() {	# PERSON JAR
	rm -f "$2"
	page GET /login "$2"
	local pre login
	pre=$(csrf_of)
	login=$(sql "SELECT email FROM person WHERE id = $1" | jq -rR @uri)
	page POST /login "$2" "csrf=$pre&login=$login&password=correct-horse-battery"
}
M=$TMP/m.jar
signin 2 "$M"
expect_eq "the manager signs in" "303" "$STATUS"
page GET /plans/1 "$M"
expect_contains "the plan page links to its matrix" "$BODY" 'href="/plans/1/raci"'
expect_contains "the plan page has a Publish button" "$BODY" 'action="/plans/1/publish"'
page GET /plans/1/raci "$M"
expect_eq "the matrix page" "200" "$STATUS"
expect_contains "it has the matrix" "$BODY" '<table class="raci">'
expect_contains "implied cells are marked" "$BODY" '<td class="raci-cell raci-implied">(A)</td>'
expect_contains "a role form per step" "$BODY" 'action="/steps/16/raci"'
expect_contains "a publish button" "$BODY" 'action="/plans/1/publish"'
CSRF=$(csrf_of)
page POST /steps/3/raci "$M" "csrf=$CSRF&person_id=11&role=C"
expect_eq "the role form redirects" "303 /plans/1/raci" "$STATUS $(printf '%s\n' "$HEADERS" | sed -n 's/^[Ll]ocation: //p')"
expect_eq "it set the role" "C" "$(sql 'SELECT role FROM raci WHERE step_id = 3 AND person_id = 11')"
before=$(dbsum)
page POST /steps/3/raci "$M" "csrf=$CSRF&person_id=11&role=Q"
expect_eq "a bad role re-renders with 400" "400" "$STATUS"
expect_contains "the message is shown" "$BODY" "must be one of R, A, C, I, none (got &quot;Q&quot;)"
expect_eq "nothing written" "$before" "$(dbsum)"
page POST /plans/1/publish "$M" "csrf=$CSRF&note=from+the+page"
expect_eq "publish redirects to the matrix" "303" "$STATUS"
page GET "$(printf '%s\n' "$HEADERS" | sed -n 's/^[Ll]ocation: //p')" "$M"
expect_contains "the matrix says who it went to" "$BODY" "Published to $people1 people"
page GET /feed "$M"
expect_eq "the feed page" "200" "$STATUS"
expect_contains "the feed shows the page's note" "$BODY" "from the page"
page GET /capacity "$M"
expect_eq "the heat map" "200" "$STATUS"
expect_contains "it is a table of bands" "$BODY" 'class="raci-cap-map"'
expect_eq "one row per person the manager reads" "$(sql 'SELECT count(*) FROM person WHERE unit_id IN (2, 5)')" \
	"$(printf '%s' "$BODY" | grep -o '<tr><th scope="row">' | wc -l | tr -d ' ')"
page GET "/capacity?unit=3" "$M"
expect_eq "a unit outside the manager's: 404" "404" "$STATUS"
page GET "/capacity?weeks=99" "$M"
expect_eq "too many weeks: 400" "400" "$STATUS"
V2=$TMP/v.jar
signin 7 "$V2"
page GET /plans/2 "$V2"
expect_contains "the viewer's plan page links to the matrix" "$BODY" 'href="/plans/2/raci"'
expect_not_contains "but has no Publish button" "$BODY" 'action="/plans/2/publish"'
page GET /plans/2/raci "$V2"
expect_eq "the viewer reads plan 2's matrix" "200" "$STATUS"
expect_not_contains "without forms" "$BODY" 'action="/steps/'
page GET /plans/1/raci "$V2"
expect_eq "but not plan 1's" "404" "$STATUS"
CSRF=$(csrf_of)
page GET /feed "$V2"
CSRF=$(csrf_of)
page POST /plans/2/publish "$V2" "csrf=$CSRF"
expect_eq "the viewer may not publish" "403" "$STATUS"

finish
