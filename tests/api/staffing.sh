#!/usr/bin/env bash
# tests/api/staffing.sh: skills, people's skills, positions, staffing,
# candidates and span of control over the API, walked with every role, and
# the staffing pages (the board, a position with its forms, the skill
# catalogue, the person and unit sections).
#
# The demo organization (seeded for 2026-11-27), worked out by hand:
#
#   1 Northwind Ltd        admin   = Ada Okafor (person 1)
#   ├── 2 Operations       manager = Ben Tanaka (person 2): reads and writes 2, 5
#   │   └── 5 Logistics    member  = Kemi Adeyemi (person 11, unit 2): reads 2, 5
#   ├── 3 Product          viewer  = Grace Moreau (person 7): reads 3, 6
#   │   └── 6 Engineering
#   └── 4 Sales
#
# The demo's positions: 2 per unit and one more in Product and in
# Engineering (14); units 2 and 5 hold 4 of them, units 3 and 6 hold 6.
# Each unit head manages its unit's people: 6 managers, of whom Ben (2)
# and Elena (5) are in units 2 and 5, Chloe (3) and Farid (6) in 3 and 6.
. "$(dirname "$0")/../lib.sh"

digest() {
	dbsum "$DB" skill person_skill position position_skill staffing
}

run "$TANDEM" --db "$DB" demo --today 2026-11-27
expect_rc "demo" 0
PW=correct-horse-battery
declare -A TOK LOGIN
for spec in admin:1 manager:2 member:11 viewer:7; do
	role=${spec%%:*}
	person=${spec#*:}
	TANDEM_PASSWORD=$PW run "$TANDEM" --db "$DB" user add --person "$person" --role "$role"
	expect_rc "account for $role" 0
	id=$(sql "SELECT id FROM account WHERE person_id = $person")
	LOGIN[$role]=$(sql "SELECT email FROM person WHERE id = $person")
	TOK[$role]=$("$TANDEM" --db "$DB" token add --user "$id" --name staffing | tail -n 1)
done
start_server || { fail "server starts" "$(cat "$TMP/server.err")"; finish; exit 1; }
V=/api/v1
ROLES="admin manager member viewer"

# as ROLE METHOD PATH [BODY]: one request with ROLE's token; $STATUS, $BODY
as() {
	local role=$1 method=$2 path=$3
	local args=(-q -s -o "$TMP/body" -w '%{http_code}' -X "$method" -H "Authorization: Bearer ${TOK[$role]}")
	[ $# -ge 4 ] && args+=(-H 'Content-Type: application/json' --data-binary "$4")
	STATUS=$(curl "${args[@]}" "$URL$path")
	BODY=$(cat "$TMP/body")
}

# --- the demo's staffing ---------------------------------------------------------
expect_eq "the demo has 12 skills" 12 "$(sql 'SELECT count(*) FROM skill')"
expect_eq "the demo has 14 positions" 14 "$(sql 'SELECT count(*) FROM position')"
expect_eq "every demo person has skills" 0 \
	"$(sql 'SELECT count(*) FROM person p WHERE NOT EXISTS (SELECT 1 FROM person_skill s WHERE s.person_id = p.id)')"
expect_eq "three demo positions are vacant" 3 \
	"$(sql 'SELECT count(*) FROM position p WHERE p.headcount > (SELECT count(*) FROM staffing s WHERE s.position_id = p.id)')"
expect_eq "no demo position is over its headcount" 0 \
	"$(sql 'SELECT count(*) FROM position p WHERE p.headcount < (SELECT count(*) FROM staffing s WHERE s.position_id = p.id)')"
expect_eq "every demo holder is of the position's unit" 0 \
	"$(sql 'SELECT count(*) FROM staffing s JOIN position p ON p.id = s.position_id JOIN person x ON x.id = s.person_id WHERE x.unit_id <> p.unit_id')"

# --- skills: everyone reads, admins write --------------------------------------------
walk GET "$V/skills" "" 200 200 200 200
expect_eq "the catalogue lists 12" 12 "$(jqb .count)"
walk GET "$V/skills/1" "" 200 200 200 200
walk GET "$V/skills/999" "" 404 404 404 404
walk POST "$V/skills" '{"name":"Forklift licence"}' 201 403 403 403
FORK=$(sql "SELECT id FROM skill WHERE name = 'Forklift licence'")
as admin POST "$V/skills" '{"name":"First aid","description":"Certified"}'
expect_eq "POST /skills answers 201" 201 "$STATUS"
AID=$(jqb .id)
expect_eq "the skill was stored" "First aid|Certified" "$(sql "SELECT name, description FROM skill WHERE id = $AID")"
before=$(digest)
as admin POST "$V/skills" '{"name":"First aid"}'
expect_eq "a duplicate name is 409" 409 "$STATUS"
expect_eq "a duplicate name names the field" name "$(jqb .error.field)"
as admin POST "$V/skills" '{"name":""}'
expect_eq "an empty name is 400" 400 "$STATUS"
expect_eq "an empty name names the field" name "$(jqb .error.field)"
walk DELETE "$V/skills/1" "" 409 403 403 403
as admin DELETE "$V/skills/1"
expect_contains "a skill in use is not removed, saying why" "$(jqb .error.message)" "is held by"
as admin PATCH "$V/skills/$AID" '{"nickname":"x"}'
expect_eq "an unknown field is 400" 400 "$STATUS"
expect_eq "no refused skill write changed anything" "$before" "$(digest)"
walk PATCH "$V/skills/$AID" '{"description":"Certified, renewed yearly"}' 200 403 403 403
expect_eq "the description changed" "Certified, renewed yearly" "$(sql "SELECT description FROM skill WHERE id = $AID")"
walk DELETE "$V/skills/$FORK" "" 204 403 403 403
as admin POST "$V/skills" '{"name":"Forklift licence"}'
FORK=$(jqb .id)

# --- a person's skills: the person's managers write ----------------------------
walk GET "$V/people/2/skills" "" 200 200 200 404
walk GET "$V/people/7/skills" "" 200 404 404 200
# two people of Logistics (unit 5) get the two new skills by hand:
#   X: Forklift licence 3, First aid 5      Y: Forklift licence 5
X=$(sql "SELECT min(id) FROM person WHERE unit_id = 5 AND manager_id IS NOT NULL")
Y=$(sql "SELECT min(id) FROM person WHERE unit_id = 5 AND manager_id IS NOT NULL AND id > $X")
walk PUT "$V/people/$X/skills" "{\"skill_id\":$FORK,\"level\":2}" 200 200 403 404
as manager PUT "$V/people/$X/skills" "{\"skill_id\":$FORK,\"level\":3}"
expect_eq "PUT changes the level" 200 "$STATUS"
expect_eq "PUT answers the person's skills" 3 "$(jqb ".items[] | select(.id == $FORK) | .level")"
as manager POST "$V/people/$X/skills" "{\"skill_id\":$AID,\"level\":5}"
expect_eq "POST sets a level too" 200 "$STATUS"
as manager POST "$V/people/$Y/skills" "{\"skill_id\":$FORK,\"level\":5}"
expect_eq "X's new skills in sql" "$FORK|3,$AID|5" \
	"$(sql "SELECT skill_id, level FROM person_skill WHERE person_id = $X AND skill_id IN ($FORK, $AID) ORDER BY level" | join_lines ,)"
before=$(digest)
for bad in 0 6 -3; do
	as manager PUT "$V/people/$X/skills" "{\"skill_id\":$FORK,\"level\":$bad}"
	expect_eq "level $bad is 400" 400 "$STATUS"
	expect_eq "level $bad names the field" level "$(jqb .error.field)"
	expect_contains "level $bad is an unknown skill level" "$(jqb .error.message)" "is an unknown skill level"
done
as manager PUT "$V/people/$X/skills" "{\"skill_id\":$FORK,\"level\":\"expert\"}"
expect_eq "a level in words is 400" 400 "$STATUS"
expect_eq "a level in words names the field" level "$(jqb .error.field)"
as manager PUT "$V/people/$X/skills" '{"skill_id":999,"level":3}'
expect_eq "an unknown skill is 404" 404 "$STATUS"
expect_eq "an unknown skill names the field" skill_id "$(jqb .error.field)"
as manager PUT "$V/people/$X/skills" "{\"level\":3}"
expect_eq "no skill is 400" 400 "$STATUS"
as manager DELETE "$V/people/$X/skills/999"
expect_eq "removing an unknown skill is 404" 404 "$STATUS"
expect_eq "no refused level changed anything" "$before" "$(digest)"
as admin PUT "$V/people/$X/skills" "{\"skill_id\":1,\"level\":1}"
# the admin removes it first: the manager then finds it gone (404)
walk DELETE "$V/people/$X/skills/1" "" 204 404 403 404

# --- positions ---------------------------------------------------------------------------
count_as() {	# ROLE PATH: the listing's count
	as "$1" GET "$2"
	jqb .count
}
expect_eq "admin sees 14 positions" 14 "$(count_as admin $V/positions)"
expect_eq "manager sees the 4 of units 2 and 5" 4 "$(count_as manager $V/positions)"
expect_eq "member sees the 4 of units 2 and 5" 4 "$(count_as member $V/positions)"
expect_eq "viewer sees the 6 of units 3 and 6" 6 "$(count_as viewer $V/positions)"
as admin GET "$V/positions?vacant=true"
expect_eq "the vacant positions" "$(sql 'SELECT p.id FROM position p WHERE p.headcount > (SELECT count(*) FROM staffing s WHERE s.position_id = p.id) ORDER BY p.id' | join_lines ,)" \
	"$(jqb '[.items[].id] | sort | join(",")')"
P4=$(sql "SELECT min(id) FROM position WHERE unit_id = 2")
P3=$(sql "SELECT min(id) FROM position WHERE unit_id = 3")
walk GET "$V/positions/$P4" "" 200 200 200 404
walk GET "$V/positions/$P3" "" 200 404 404 200
walk GET "$V/positions?unit_id=3" "" 200 404 404 200
walk POST "$V/positions" '{"title":"Driver","unit_id":5}' 201 201 403 404
walk POST "$V/positions" '{"title":"Tester","unit_id":3}' 201 404 404 403
before=$(digest)
as manager POST "$V/positions" '{"title":"Driver","unit_id":999}'
expect_eq "an unknown unit is 404" 404 "$STATUS"
expect_eq "an unknown unit names the field" unit_id "$(jqb .error.field)"
as manager POST "$V/positions" '{"title":"Driver","unit_id":5,"headcount":-1}'
expect_eq "a negative headcount is 400" 400 "$STATUS"
expect_eq "a negative headcount names the field" headcount "$(jqb .error.field)"
as manager POST "$V/positions" '{"unit_id":5}'
expect_eq "no title is 400" 400 "$STATUS"
expect_eq "no title names the field" title "$(jqb .error.field)"
as manager PATCH "$V/positions/$P4" '{"unit_id":3}'
expect_eq "moving a position out of the manager's units is 404" 404 "$STATUS"
expect_eq "no refused position changed anything" "$before" "$(digest)"

# a fresh position in Logistics: Loader, headcount 1, requires Forklift
# licence at 4 and First aid at 2. By hand:
#   X: (min(3,4)/4 + min(5,2)/2) / 2 = (0.75 + 1) / 2 = 0.875 -> 88
#   Y: (min(5,4)/4 + 0) / 2 = 0.5 -> 50
#   everyone else in Logistics: 0
as manager POST "$V/positions" '{"title":"Loader","unit_id":5,"headcount":1}'
expect_eq "POST /positions" 201 "$STATUS"
L=$(jqb .id)
walk POST "$V/positions/$L/skills" "{\"skill_id\":$FORK,\"level\":4}" 200 200 403 404
as manager POST "$V/positions/$L/skills" "{\"skill_id\":$AID,\"level\":2}"
expect_eq "the position answers its skills" "First aid:2,Forklift licence:4" \
	"$(jqb '[.skills[] | "\(.skill):\(.level)"] | join(",")')"
as manager POST "$V/positions/$L/skills" "{\"skill_id\":$AID,\"level\":9}"
expect_eq "requiring level 9 is 400" 400 "$STATUS"
expect_eq "requiring level 9 names the field" level "$(jqb .error.field)"
as manager GET "$V/positions/$L/candidates"
expect_eq "candidates" 200 "$STATUS"
expect_eq "the best two, by hand" "$X:88:1,$Y:50:1" "$(jqb '[.items[0:2][] | "\(.person_id):\(.score):\(.missing)"] | join(",")')"
expect_eq "everyone of Logistics is a candidate" "$(sql 'SELECT count(*) FROM person WHERE unit_id = 5')" "$(jqb .count)"
expect_eq "the rest score 0" 0 "$(jqb '[.items[2:][] | .score] | max')"
walk GET "$V/positions/$L/candidates?unit_id=3" "" 200 404 404 404
as admin GET "$V/positions/$L/candidates?unit_id=3"
expect_eq "candidates of another unit: its people" "$(sql "WITH RECURSIVE sub(id) AS (SELECT CAST(3 AS BIGINT) UNION ALL SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id) SELECT count(*) FROM person WHERE unit_id IN (SELECT id FROM sub)")" "$(jqb .count)"

# --- staffing ----------------------------------------------------------------------------
before=$(digest)
as manager POST "$V/positions/$L/staff" '{"person_id":7}'
expect_eq "staffing a person the manager cannot see is 404" 404 "$STATUS"
expect_eq "it names the field" person_id "$(jqb .error.field)"
as manager POST "$V/positions/$L/staff" '{"person_id":99999}'
expect_eq "staffing an unknown person is 404" 404 "$STATUS"
as manager POST "$V/positions/$L/staff" '{}'
expect_eq "staffing nobody is 400" 400 "$STATUS"
expect_eq "staffing nobody names the field" person_id "$(jqb .error.field)"
as manager POST "$V/positions/$L/staff" "{\"person_id\":$X,\"since\":\"2026-02-30\"}"
expect_eq "an impossible since is 400" 400 "$STATUS"
expect_eq "an impossible since names the field" since "$(jqb .error.field)"
as member POST "$V/positions/$L/staff" "{\"person_id\":$X}"
expect_eq "a member may not staff" 403 "$STATUS"
as viewer POST "$V/positions/$L/staff" "{\"person_id\":$X}"
expect_eq "a viewer does not see the position" 404 "$STATUS"
expect_eq "no refused staffing changed anything" "$before" "$(digest)"
as manager POST "$V/positions/$L/staff" "{\"person_id\":$X,\"since\":\"2026-11-02\"}"
expect_eq "POST /positions/:id/staff" 201 "$STATUS"
S=$(jqb .id)
expect_eq "the staffing with its score" "$L $X 2026-11-02 88" "$(jqb '"\(.position_id) \(.person_id) \(.since) \(.score)"')"
before=$(digest)
as manager POST "$V/positions/$L/staff" "{\"person_id\":$X}"
expect_eq "the same person twice is 409" 409 "$STATUS"
expect_eq "the same person twice names the field" person_id "$(jqb .error.field)"
as manager POST "$V/positions/$L/staff" "{\"person_id\":$Y}"
expect_eq "beyond the headcount is 409" 409 "$STATUS"
expect_eq "beyond the headcount is explained" "position $L has headcount 1 and 1 person: raise its headcount or remove someone first" "$(jqb .error.message)"
as manager PATCH "$V/positions/$L" '{"headcount":0}'
expect_eq "a headcount below the holders is 409" 409 "$STATUS"
expect_eq "it names the field" headcount "$(jqb .error.field)"
as manager DELETE "$V/positions/$L"
expect_eq "deleting a held position is 409" 409 "$STATUS"
expect_eq "no refused change wrote anything" "$before" "$(digest)"
as manager GET "$V/positions/$L"
expect_eq "the position shows its holder and vacancies" "1 0 $X:88" \
	"$(jqb '"\(.filled) \(.vacancies) \([.holders[] | "\(.person_id):\(.score)"] | join(","))"')"

# listings of who holds what follow the roles' units
expect_eq "admin sees every staffing" "$(sql 'SELECT count(*) FROM staffing')" "$(count_as admin "$V/staffing?limit=1000")"
expect_eq "manager sees the staffing of units 2 and 5" \
	"$(sql 'SELECT count(*) FROM staffing s JOIN position p ON p.id = s.position_id WHERE p.unit_id IN (2, 5)')" \
	"$(count_as manager "$V/staffing")"
expect_eq "viewer sees the staffing of units 3 and 6" \
	"$(sql 'SELECT count(*) FROM staffing s JOIN position p ON p.id = s.position_id WHERE p.unit_id IN (3, 6)')" \
	"$(count_as viewer "$V/staffing")"
as manager GET "$V/staffing?person_id=$X"
expect_eq "staffing by person" "$S" "$(jqb '[.items[] | select(.position_id == '"$L"') | .id] | join(",")')"
walk GET "$V/staffing?unit_id=3" "" 200 404 404 200

walk DELETE "$V/positions/$L/staff/$S" "" 204 404 403 404
as admin DELETE "$V/positions/$L/staff/$S"
expect_eq "removing it twice is 404" 404 "$STATUS"
expect_eq "the staffing is gone" 0 "$(sql "SELECT count(*) FROM staffing WHERE id = $S")"
walk DELETE "$V/positions/$L/skills/$AID" "" 204 404 403 404
walk PATCH "$V/positions/$L" '{"headcount":2}' 200 200 403 404
# the admin removes it first: for the others it is gone (404)
walk DELETE "$V/positions/$L" "" 204 404 404 404
expect_eq "the position and its skills are gone" "0|0" \
	"$(sql "SELECT (SELECT count(*) FROM position WHERE id = $L), (SELECT count(*) FROM position_skill WHERE position_id = $L)")"

# --- span of control ---------------------------------------------------------------------------
walk GET "$V/span" "" 200 200 200 200
as admin GET "$V/span"
expect_eq "admin: every manager" "$(sql 'SELECT count(DISTINCT manager_id) FROM person WHERE manager_id IS NOT NULL')" "$(jqb .count)"
expect_eq "the spans agree with sql" \
	"$(sql "SELECT manager_id || ':' || count(*) FROM person WHERE manager_id IS NOT NULL GROUP BY manager_id ORDER BY manager_id" | join_lines ,)" \
	"$(jqb '[.items[] | "\(.manager_id):\(.reports)"] | sort_by(split(":")[0] | tonumber) | join(",")')"
as manager GET "$V/span"
expect_eq "manager: Ben and Elena" "2,5" "$(jqb '[.items[].manager_id] | sort | join(",")')"
as viewer GET "$V/span"
expect_eq "viewer: Chloe and Farid" "3,6" "$(jqb '[.items[].manager_id] | sort | join(",")')"
walk GET "$V/span?unit_id=3" "" 200 404 404 200

# --- pages -------------------------------------------------------------------------------------
page() {	# METHOD PATH JAR [DATA]: $STATUS, $BODY
	local args=(-q -s -o "$TMP/body" -w '%{http_code}' -X "$1" -b "$3" -c "$3")
	[ $# -ge 4 ] && args+=(--data-binary "$4")
	STATUS=$(curl "${args[@]}" "$URL$2")
	BODY=$(cat "$TMP/body")
}
csrf_of() {
	printf '%s' "$BODY" | grep -o 'name="csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'
}
signin() {	# ROLE JAR
	rm -f "$2"
	page GET /login "$2"
	local pre
	pre=$(csrf_of)
	page POST /login "$2" "csrf=$pre&login=$(jq -rn --arg v "${LOGIN[$1]}" '$v | @uri')&password=$PW"
}
JM=$TMP/manager.jar
JV=$TMP/viewer.jar
signin manager "$JM"
expect_eq "the manager signs in" 303 "$STATUS"
signin viewer "$JV"
page GET /staffing "$JM"
expect_eq "the board" 200 "$STATUS"
expect_contains "the board shows the manager's positions" "$BODY" "Operations Analyst"
expect_not_contains "the board hides other units" "$BODY" "Account Executive"
expect_contains "holders have a match bar" "$BODY" 'class="staffing-bar"'
expect_contains "the board has the span of control" "$BODY" "Span of control"
expect_eq "one card per position of units 2 and 5" "$(sql 'SELECT count(*) FROM position WHERE unit_id IN (2, 5)')" "$(printf '%s' "$BODY" | grep -o 'class="card staffing-card"' | wc -l | tr -d ' ')"
page GET "/staffing?unit=3" "$JM"
expect_eq "the board of a unit the manager cannot read" 404 "$STATUS"
page GET "/staffing?format=csv" "$JM"
expect_eq "the board as CSV" 200 "$STATUS"
expect_eq "one CSV row per seat of units 2 and 5" \
	"$(sql 'SELECT sum(headcount) FROM position WHERE unit_id IN (2, 5)')" "$(($(printf '%s\n' "$BODY" | wc -l) - 1))"
page GET /staffing "$JV"
expect_contains "the viewer's board shows a vacancy" "$BODY" "staffing-vacant"
page GET /skills "$JM"
expect_eq "the skill catalogue" 200 "$STATUS"
expect_contains "the catalogue lists a skill" "$BODY" "Forklift licence"
expect_not_contains "only admins get the add form" "$BODY" 'action="/skills"'
page GET "/people/$X" "$JM"
expect_contains "the person page has a skills section" "$BODY" 'id="h-skills"'
expect_contains "the manager may set a level" "$BODY" "action=\"/people/$X/skills\""
page GET /units/2 "$JM"
expect_contains "the unit page lists its positions" "$BODY" 'id="h-positions"'

# a position through its pages: create, require, staff, refuse
page GET /positions/new "$JM"
expect_eq "the new position form" 200 "$STATUS"
CSRF=$(csrf_of)
before=$(digest)
page POST /positions "$JM" "csrf=$CSRF&title=&unit_id=5&headcount=1"
expect_eq "an empty title is refused" 400 "$STATUS"
expect_contains "the message is beside the title" "$BODY" 'id="f-title-err"'
expect_contains "the title is marked invalid" "$BODY" 'aria-invalid="true"'
expect_contains "the title is required" "$BODY" "is required"
page POST /positions "$JM" "csrf=$CSRF&title=Picker&unit_id=3&headcount=1"
expect_eq "a unit outside the manager's is refused" 404 "$STATUS"
expect_eq "no refused form wrote anything" "$before" "$(digest)"
page POST /positions "$JM" "csrf=$CSRF&title=Picker&unit_id=5&headcount=1"
expect_eq "the form creates a position" 303 "$STATUS"
PK=$(sql "SELECT max(id) FROM position WHERE title = 'Picker'")
page POST "/positions/$PK/skills" "$JM" "csrf=$CSRF&skill_id=$FORK&level=4"
expect_eq "require a skill by form" 303 "$STATUS"
page GET "/positions/$PK" "$JM"
expect_eq "the position page" 200 "$STATUS"
expect_contains "the candidates are ranked" "$BODY" "Candidates"
expect_contains "a candidate can be staffed" "$BODY" "action=\"/positions/$PK/staff\""
before=$(digest)
page POST "/positions/$PK/skills" "$JM" "csrf=$CSRF&skill_id=$FORK&level=6"
expect_eq "level 6 by form is refused" 400 "$STATUS"
expect_contains "level 6 by form: the message" "$BODY" "is an unknown skill level"
expect_eq "the refused level wrote nothing" "$before" "$(digest)"
page POST "/positions/$PK/staff" "$JM" "csrf=$CSRF&person_id=$Y"
expect_eq "staff by form" 303 "$STATUS"
before=$(digest)
page POST "/positions/$PK/staff" "$JM" "csrf=$CSRF&person_id=$X"
expect_eq "beyond the headcount by form is 409" 409 "$STATUS"
expect_contains "beyond the headcount by form: the message" "$BODY" "has headcount 1 and 1 person"
page POST "/positions/$PK/delete" "$JM" "csrf=$CSRF"
expect_eq "deleting a held position by form is 409" 409 "$STATUS"
expect_eq "the refused forms wrote nothing" "$before" "$(digest)"
SP=$(sql "SELECT id FROM staffing WHERE position_id = $PK")
page POST "/positions/$PK/staff/$SP/delete" "$JM" "csrf=$CSRF"
expect_eq "unstaff by form" 303 "$STATUS"
page POST "/positions/$PK/delete" "$JM" "csrf=$CSRF"
expect_eq "delete by form" 303 "$STATUS"
expect_eq "the position is gone" 0 "$(sql "SELECT count(*) FROM position WHERE id = $PK")"
page POST "/people/$X/skills" "$JM" "csrf=$CSRF&skill_id=$AID&level=4"
expect_eq "set a person's level by form" 303 "$STATUS"
expect_eq "the level was set" 4 "$(sql "SELECT level FROM person_skill WHERE person_id = $X AND skill_id = $AID")"
page POST /skills "$JM" "csrf=$CSRF&name=Juggling"
expect_eq "a manager may not add skills" 403 "$STATUS"
page GET "/positions/$P4" "$JV"
expect_eq "the viewer does not see another unit's position" 404 "$STATUS"
page GET "/positions/$P3" "$JV"
expect_eq "the viewer reads a position of their unit" 200 "$STATUS"
expect_not_contains "read-only: no staffing buttons" "$BODY" "/staff\""


# --- a skill's edit page and delete button: admins only -------------------------------
# By hand: a fresh skill "Crane signals" (CS) that nobody has and no
# position requires; "First aid" ($AID) is another skill's name, so
# renaming CS to it is a clash (409 beside the name, naming skill $AID);
# an empty name is 400 ("name: must not be empty"). Once person X has CS
# and position P4 requires it, the delete is refused (409) with the
# domain's words: "skill CS (Crane signalling) is held by 1 person(s) and
# required by 1 position(s) (P4): remove it from them first".
JA=$TMP/admin.jar
signin admin "$JA"
expect_eq "the admin signs in" 303 "$STATUS"
form admin /skills "name=Crane+signals&description=Hand+signals"
expect_eq "add a skill by form" 303 "$STATUS"
CS=$(sql "SELECT id FROM skill WHERE name = 'Crane signals'")
page GET /skills "$JA"
expect_contains "the admin's catalogue links the skill's edit page" "$BODY" "href=\"/skills/$CS/edit\""
expect_eq "one edit link per skill (15 on one page)" "$(sql 'SELECT count(*) FROM skill')" \
	"$(printf '%s' "$BODY" | grep -o 'href="/skills/[0-9]*/edit"' | wc -l | tr -d ' ')"
page GET /skills "$JM"
expect_not_contains "a manager's catalogue has no edit links" "$BODY" 'href="/skills/'
page GET /skills "$JV"
expect_not_contains "a viewer's catalogue has no edit links" "$BODY" 'href="/skills/'
page GET "/skills/$CS/edit" "$JA"
expect_eq "the skill's edit page" 200 "$STATUS"
expect_contains "the edit page shows the name" "$BODY" 'value="Crane signals"'
expect_contains "the edit page shows the description" "$BODY" 'value="Hand signals"'
expect_contains "the edit form posts to the skill" "$BODY" "action=\"/skills/$CS\""
expect_contains "the edit page has the delete button" "$BODY" "action=\"/skills/$CS/delete\""
expect_contains "the delete button says what it does" "$BODY" ">Delete the skill</button>"
expect_not_contains "the delete asks no script confirm" "$BODY" "confirm("
expect_contains "the edit page says nothing uses it" "$BODY" "0 people have it, 0 positions require it"
CSRF=$(csrf_of)
page GET "/skills/999/edit" "$JA"
expect_eq "the edit page of no skill is 404" 404 "$STATUS"
page GET "/skills/$CS/edit" "$JM"
expect_eq "a manager may not open the skill's edit page" 403 "$STATUS"
page GET "/skills/$CS/edit" "$JV"
expect_eq "a viewer may not open the skill's edit page" 403 "$STATUS"
as member GET "/skills/$CS/edit"
expect_eq "a member may not open the skill's edit page" 403 "$STATUS"

before=$(digest)
page POST "/skills/$CS" "$JA" "csrf=$CSRF&name=&description=Hand+signals"
expect_eq "an empty name by form is 400" 400 "$STATUS"
expect_contains "the empty name: the message beside the name" "$BODY" 'id="f-name-err"'
expect_contains "the empty name: the domain's words beside it" "$BODY" '<p class="error" id="f-name-err">must not be empty</p>'
expect_contains "the empty name: the name is marked invalid" "$BODY" 'aria-invalid="true"'
page POST "/skills/$CS" "$JA" "csrf=$CSRF&name=First+aid&description=Typed"
expect_eq "another skill's name by form is 409" 409 "$STATUS"
expect_contains "the clash: the message beside the name" "$BODY" 'id="f-name-err"'
expect_contains "the clash, beside the name, names the other skill" "$BODY" \
	"<p class=\"error\" id=\"f-name-err\">skill $AID is already named &quot;First aid&quot;</p>"
expect_contains "the clash: what was typed comes back" "$BODY" 'value="Typed"'
for role in manager member viewer; do
	form "$role" "/skills/$CS" "name=Juggling"
	expect_eq "$role: POST /skills/$CS is 403" 403 "$STATUS"
	form "$role" "/skills/$CS/delete" "confirm=1"
	expect_eq "$role: POST /skills/$CS/delete is 403" 403 "$STATUS"
done
page POST "/skills/999" "$JA" "csrf=$CSRF&name=Juggling"
expect_eq "editing no skill is 404" 404 "$STATUS"
expect_eq "no refused skill form wrote anything" "$before" "$(digest)"
expect_eq "the skill is as it was" "Crane signals|Hand signals" "$(sql "SELECT name, description FROM skill WHERE id = $CS")"

form admin "/skills/$CS" "name=Crane+signalling&description="
expect_eq "the edit form saves" 303 "$STATUS"
expect_contains "the save goes back to the catalogue" "$HEADERS" "/skills"
expect_eq "renamed, the description emptied" "Crane signalling|" "$(sql "SELECT name, description FROM skill WHERE id = $CS")"
page POST "/skills/$CS" "$JA" "csrf=$CSRF&name=Crane+signalling&description=Banksman+signals"
expect_eq "keeping its own name is no clash" 303 "$STATUS"
expect_eq "the description saved" "Crane signalling|Banksman signals" "$(sql "SELECT name, description FROM skill WHERE id = $CS")"

# in use: X has it, P4 requires it (the manager writes both, units 2 and 5)
page GET "/positions/$P4" "$JM"
MCSRF=$(csrf_of)
page POST "/people/$X/skills" "$JM" "csrf=$MCSRF&skill_id=$CS&level=2"
expect_eq "X gets the skill" 303 "$STATUS"
page POST "/positions/$P4/skills" "$JM" "csrf=$MCSRF&skill_id=$CS&level=3"
expect_eq "P4 requires the skill" 303 "$STATUS"
before=$(digest)
page POST "/skills/$CS/delete" "$JA" "csrf=$CSRF"
expect_eq "deleting a skill in use by form is 409" 409 "$STATUS"
expect_contains "the refusal names what uses it" "$BODY" \
	"skill $CS (Crane signalling) is held by 1 person(s) and required by 1 position(s) ($P4): remove it from them first"
expect_contains "the refusal is beside the button" "$BODY" 'aria-describedby="delete-err"'
expect_contains "the edit page says what uses it" "$BODY" "1 person has it, 1 position requires it"
expect_eq "the refused delete wrote nothing" "$before" "$(digest)"
page POST "/people/$X/skills/$CS/delete" "$JM" "csrf=$MCSRF"
expect_eq "X loses the skill" 303 "$STATUS"
page POST "/skills/$CS/delete" "$JA" "csrf=$CSRF"
expect_eq "still required by P4: 409" 409 "$STATUS"
expect_contains "the refusal counts the position alone" "$BODY" \
	"skill $CS (Crane signalling) is held by 0 person(s) and required by 1 position(s) ($P4): remove it from them first"
page POST "/positions/$P4/skills/$CS/delete" "$JM" "csrf=$MCSRF"
expect_eq "P4 stops requiring it" 303 "$STATUS"
form admin "/skills/$CS/delete" ""
expect_eq "the delete button removes an unused skill" 303 "$STATUS"
expect_contains "the delete goes back to the catalogue" "$HEADERS" "/skills"
expect_eq "the skill is gone" 0 "$(sql "SELECT count(*) FROM skill WHERE id = $CS")"
page POST "/skills/$CS/delete" "$JA" "csrf=$CSRF"
expect_eq "deleting it again is 404" 404 "$STATUS"

finish
