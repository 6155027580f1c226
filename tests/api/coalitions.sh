#!/usr/bin/env bash
# tests/api/coalitions.sh: guiding coalitions and the organization's
# values over HTTP: the routes walked with every role, coverage worked by
# hand on the demo's coalitions, refusals that write nothing, and the
# pages (/coalitions, /coalitions/:id, /values).
#
# The demo organization (see tests/api/access.sh): units 1 Northwind Ltd
# { 2 Operations { 5 Logistics }, 3 Product { 6 Engineering }, 4 Sales };
# admin Ada (person 1), manager Ben (2, unit 2: reads and writes 2, 5),
# member Kemi (11, unit 2: reads 2, 5), viewer Grace (7, unit 3: reads
# 3, 6). The demo's coalitions: 1 "Next-day delivery coalition"
# (Operations): Ben (Operations) power, Dev (4, Sales) power and
# credibility, Elena (5, Logistics) expertise, Ines (9, Logistics)
# expertise and credibility, Jonas (10, Engineering) expertise, Kemi
# (Operations) credibility: no leadership. 2 "Customer portal guiding
# team" (Product), complete.
. "$(dirname "$0")/../lib.sh"

run "$TANDEM" demo --today 2026-11-27
expect_rc "demo" 0
role_tokens coalitions
start_server || { fail "server starts"; finish; exit 1; }
V=/api/v1

digest() {
	dbsum "$DB" coalition coalition_member org_value
}

# --- the demo's coalitions, worked by hand ---------------------------------
as admin GET "$V/coalitions/1"
expect_eq "GET coalition 1" 200 "$STATUS"
# 6 members from Operations, Sales, Logistics, Engineering = 4 units;
# levels: Operations and Sales are 1, Logistics and Engineering 2: 2 levels
expect_eq "coverage of 1" "6 4 2 leadership" \
	"$(jqb '.coverage | "\(.members) \(.units) \(.levels) \(.missing | join(","))"')"
expect_eq "the units of 1, by name" "Engineering:1,Logistics:2,Operations:2,Sales:1" \
	"$(jqb '[.coverage.unit_list[] | "\(.unit):\(.members)"] | join(",")')"
# Operations' children: Logistics, where Elena and Ines are
expect_eq "affected units of 1" "Logistics:true" \
	"$(jqb '[.affected_units[] | "\(.unit):\(.covered)"] | join(",")')"
as admin GET "$V/coalitions/2"
# Chloe (Product, 1), Farid (Engineering, 2), Grace (Product), Hiro (Sales, 1)
expect_eq "coverage of 2: complete" "4 3 2 " \
	"$(jqb '.coverage | "\(.members) \(.units) \(.levels) \(.missing | join(","))"')"
expect_eq "affected units of 2" "Engineering:true" \
	"$(jqb '[.affected_units[] | "\(.unit):\(.covered)"] | join(",")')"

# --- reads: a coalition belongs to its unit, or to everyone -----------------
for role in $ROLES; do
	# 3: the change demo's coalition for its warehouse robots (Operations)
	case $role in admin) want="1,2,3" ;; manager | member) want="1,3" ;; viewer) want="2" ;; esac
	as $role GET "$V/coalitions"
	expect_eq "$role lists $want" "$want" "$(jqb '[.items[].id] | sort | map(tostring) | join(",")')"
done
walk GET "$V/coalitions/1" "" 200 200 200 404
walk GET "$V/coalitions/2" "" 200 404 404 200
walk GET "$V/coalitions/99" "" 404 404 404 404
walk GET "$V/coalitions?unit_id=3" "" 200 404 404 200
STATUS=$(curl -q -s -o /dev/null -w '%{http_code}' "$URL$V/coalitions")
expect_eq "no credentials: 401" 401 "$STATUS"

# --- writes ------------------------------------------------------------------
walk PATCH "$V/coalitions/1" '{"purpose":"Next day, every day"}' 200 200 403 404
walk PATCH "$V/coalitions/2" '{"purpose":"Self-service"}' 200 404 404 403
walk POST "$V/coalitions" '{"name":"Dock team","unit_id":5}' 201 201 403 404
as manager POST "$V/coalitions" '{"name":"Yard team","unit_id":5}'
expect_contains "POST: Location" "$HEADERS" "Location: /api/v1/coalitions/$(jqb .id)"
expect_eq "POST: the new coalition" "Yard team|5" "$(sql "SELECT name, unit_id FROM coalition WHERE id = $(jqb .id)")"
# the whole organization's: an admin's
walk POST "$V/coalitions" '{"name":"Culture"}' 201 403 403 403
ORG=$(sql "SELECT id FROM coalition WHERE name = 'Culture'")
# everyone reads the organization's
walk GET "$V/coalitions/$ORG" "" 200 200 200 200
as viewer GET "$V/coalitions"
expect_contains "the viewer lists the organization's" "$(jqb '[.items[].name] | join(",")')" "Culture"
walk PATCH "$V/coalitions/$ORG" '{"purpose":"How we work"}' 200 403 403 403
# a manager moving their coalition to a unit they cannot see, or to the
# whole organization
as manager PATCH "$V/coalitions/1" '{"unit_id":3}'
expect_eq "manager moves it to a unit outside: 404 naming unit_id" "404 unit_id" "$STATUS $(jqb .error.field)"
as manager PATCH "$V/coalitions/1" '{"unit_id":null}'
expect_eq "manager moves it to the organization: 403" 403 "$STATUS"
expect_eq "it stayed in Operations" 2 "$(sql 'SELECT unit_id FROM coalition WHERE id = 1')"

# members come from any unit: Ben adds Grace (Product, a unit he cannot read)
before=$(digest)
as member POST "$V/coalitions/1/members" '{"person_id":7,"leadership":true}'
expect_eq "member adds a member: 403" 403 "$STATUS"
as viewer POST "$V/coalitions/1/members" '{"person_id":7,"leadership":true}'
expect_eq "viewer adds to a coalition it cannot read: 404" 404 "$STATUS"
as manager POST "$V/coalitions/1/members" '{"person_id":999}'
expect_eq "an unknown person: 404 naming person_id" "404 person_id" "$STATUS $(jqb .error.field)"
as manager POST "$V/coalitions/1/members" '{"person_id":7,"leadership":"yes"}'
expect_eq "a string for a yes/no: 400 naming it" "400 leadership" "$STATUS $(jqb .error.field)"
as manager POST "$V/coalitions/1/members" '{"leadership":true}'
expect_eq "no person_id: 400" "400 person_id" "$STATUS $(jqb .error.field)"
as manager POST "$V/coalitions" '{"name":"","unit_id":5}'
expect_eq "an empty name: 400" "400 name" "$STATUS $(jqb .error.field)"
as manager POST "$V/coalitions" '{"name":"X","unit_id":5,"strategy_id":999}'
expect_eq "an unknown strategy: 404" "404 strategy_id" "$STATUS $(jqb .error.field)"
expect_eq "no refusal wrote anything" "$before" "$(digest)"
as manager POST "$V/coalitions/1/members" '{"person_id":7,"leadership":true}'
expect_eq "the manager adds Grace: 201" 201 "$STATUS"
expect_eq "now complete" "7 5 " "$(jqb '.coverage | "\(.members) \(.units) \(.missing | join(","))"')"
as manager POST "$V/coalitions/1/members" '{"person_id":7,"credibility":true}'
expect_eq "again: 200, an update" 200 "$STATUS"
expect_eq "Grace keeps leadership and gains credibility" "0|0|1|1" \
	"$(sql 'SELECT position_power, expertise, credibility, leadership FROM coalition_member WHERE coalition_id = 1 AND person_id = 7')"
walk DELETE "$V/coalitions/1/members/7" "" 204 404 403 404
as admin GET "$V/coalitions/1"
expect_eq "Grace left: leadership missing again" "6 leadership" "$(jqb '.coverage | "\(.members) \(.missing | join(","))"')"
DOCK=$(sql "SELECT min(id) FROM coalition WHERE name = 'Dock team'")
walk DELETE "$V/coalitions/$DOCK" "" 204 404 404 404

# --- values: everyone reads, admins write --------------------------------------
walk GET "$V/values" "" 200 200 200 200
as member GET "$V/values"
expect_eq "the demo's four values in order" "Customers first,Own it,Learn every day,Straight talk" \
	"$(jqb '[.items[].name] | join(",")')"
walk GET "$V/values/1" "" 200 200 200 200
walk POST "$V/values" '{"name":"Keep it simple"}' 201 403 403 403
VAL=$(sql "SELECT id FROM org_value WHERE name = 'Keep it simple'")
expect_eq "goes last" 5 "$(sql "SELECT position FROM org_value WHERE id = $VAL")"
walk PATCH "$V/values/$VAL" '{"position":0}' 200 403 403 403
before=$(digest)
as admin POST "$V/values" '{"name":"Own it"}'
expect_eq "a name taken: 409" "409 name" "$STATUS $(jqb .error.field)"
as admin POST "$V/values" '{"name":"X","colour":"red"}'
expect_eq "an unknown key: 400" "400 colour" "$STATUS $(jqb .error.field)"
expect_eq "no refusal wrote anything" "$before" "$(digest)"
walk DELETE "$V/values/$VAL" "" 204 403 403 403

# --- pages -----------------------------------------------------------------
for role in $ROLES; do
	as $role GET /coalitions
	expect_eq "$role: /coalitions" 200 "$STATUS"
done
as manager GET /coalitions
expect_contains "the list names coalition 1" "$BODY" "Next-day delivery coalition"
expect_not_contains "not the one it cannot read" "$BODY" "Customer portal guiding team"
as admin GET /coalitions/1
expect_eq "/coalitions/1" 200 "$STATUS"
expect_contains "the checklist: leadership missing" "$BODY" "coal-missing"
expect_contains "the members table" "$BODY" "Ines Murphy"
as viewer GET /coalitions/1
expect_eq "viewer: /coalitions/1 404" 404 "$STATUS"
as admin GET /values
expect_eq "/values" 200 "$STATUS"
expect_contains "the admin form" "$BODY" 'action="/values"'
as member GET /values
expect_not_contains "no form for a member" "$BODY" 'action="/values"'
form member /values "name=Sneaky"
expect_eq "member posts a value: 403" 403 "$STATUS"
form admin /values "name=Own+it"
expect_eq "a taken name re-renders the form: 409" 409 "$STATUS"
expect_contains "with the message" "$BODY" "exists"
form admin /values "name=Be+kind&description=To+everyone"
expect_eq "admin adds a value: 303" 303 "$STATUS"
expect_eq "the row" "Be kind|To everyone" "$(sql "SELECT name, description FROM org_value WHERE name = 'Be kind'")"
form manager /coalitions/1/members "person_id=6&expertise=1"
expect_eq "the manager adds Farid from the page: 303" 303 "$STATUS"
expect_eq "Farid's row" "0|1|0|0" \
	"$(sql 'SELECT position_power, expertise, credibility, leadership FROM coalition_member WHERE coalition_id = 1 AND person_id = 6')"
form member /coalitions/1/members "person_id=8"
expect_eq "a member may not: 403" 403 "$STATUS"
# the list's form: managers add in their units, admins for the organization
as manager GET /coalitions
expect_contains "the manager sees the form" "$BODY" 'action="/coalitions"'
as member GET /coalitions
expect_not_contains "the member does not" "$BODY" 'action="/coalitions"'
before=$(digest)
form manager /coalitions "name=Floor+team&unit_id=&strategy_id="
expect_eq "a manager's organization-wide coalition: 403" 403 "$STATUS"
form manager /coalitions "name=&unit_id=5"
expect_eq "an empty name re-renders the form: 400" 400 "$STATUS"
expect_contains "with the form" "$BODY" 'action="/coalitions"'
form member /coalitions "name=Mine&unit_id=2"
expect_eq "a member's: 403" 403 "$STATUS"
expect_eq "no refused form wrote anything" "$before" "$(digest)"
form manager /coalitions "name=Floor+team&purpose=Lead+on+the+floor&unit_id=5&strategy_id="
expect_eq "the manager adds one in Logistics: 303" 303 "$STATUS"
FLOOR=$(sql "SELECT id FROM coalition WHERE name = 'Floor team'")
expect_contains "to its page" "$HEADERS" "Location: /coalitions/$FLOOR"
expect_eq "the row" "Lead on the floor|5|" "$(sql "SELECT purpose, unit_id, strategy_id FROM coalition WHERE id = $FLOOR")"
form member "/coalitions/$FLOOR/delete" ""
expect_eq "a member removes it: 403" 403 "$STATUS"
form viewer "/coalitions/$FLOOR/delete" ""
expect_eq "a viewer: 404" 404 "$STATUS"
form manager "/coalitions/$FLOOR/delete" ""
expect_eq "the manager removes it: 303" 303 "$STATUS"
expect_eq "gone" 0 "$(sql "SELECT count(*) FROM coalition WHERE id = $FLOOR")"


# --- the edit form of a coalition, and the values' edit and delete forms ----
# Coalition 1 is still Operations' (unit 2) with strategy 1. Ben's scope is
# Operations and Logistics (2, 5): the strategies he is offered are the
# organization's (5 Same-day courier partnerships) and those of units 2
# and 5 (1 Automate the warehouses, 4 Regional hubs...), not Product's (2
# Let customers serve themselves) nor Sales' (3 Grow repeat business).
walk GET /coalitions/1/edit "" 200 200 403 404
as manager GET /coalitions/1/edit
expect_contains "the edit form posts to the coalition" "$BODY" 'action="/coalitions/1"'
expect_contains "with its name" "$BODY" 'value="Next-day delivery coalition"'
expect_contains "its strategy selected" "$BODY" '<option value="1" selected>Automate the warehouses</option>'
expect_contains "the organization's strategy offered" "$BODY" "Same-day courier partnerships"
expect_contains "Logistics' strategy offered" "$BODY" "Regional hubs"
expect_not_contains "not Product's" "$BODY" "Let customers serve themselves"
as manager GET /coalitions/1
expect_contains "the coalition's page links to the form" "$BODY" 'href="/coalitions/1/edit"'
as member GET /coalitions/1
expect_not_contains "not for a member" "$BODY" 'href="/coalitions/1/edit"'
before=$(digest)
form manager /coalitions/1 "name=&purpose=Next+day&unit_id=2&strategy_id=1"
expect_eq "an empty name: 400" 400 "$STATUS"
expect_contains "the message beside the name" "$BODY" '<p class="error" id="f-name-err">must not be empty</p>'
expect_contains "the form again, with what was sent" "$BODY" 'value="Next day"'
form manager /coalitions/1 "name=Next-day+team&purpose=&unit_id=2&strategy_id=999"
expect_eq "an unknown strategy: 400" 400 "$STATUS"
expect_contains "the message beside the strategy" "$BODY" '<p class="error" id="f-strategy_id-err">no strategy with id 999</p>'
form manager /coalitions/1 "name=Next-day+team&purpose=&unit_id=&strategy_id=1"
expect_eq "a manager makes it the organization's: 403" 403 "$STATUS"
form member /coalitions/1 "name=Mine&purpose=&unit_id=2&strategy_id=1"
expect_eq "a member changes it: 403" 403 "$STATUS"
form viewer /coalitions/1 "name=Mine&purpose=&unit_id=2&strategy_id=1"
expect_eq "a viewer, who cannot read it: 404" 404 "$STATUS"
expect_eq "no refused edit wrote anything" "$before" "$(digest)"
form manager /coalitions/1 "name=Next-day+delivery+team&purpose=Every+parcel%2C+next+day&unit_id=5&strategy_id=4"
expect_eq "the manager saves it: 303" 303 "$STATUS"
expect_contains "to its page" "$HEADERS" "Location: /coalitions/1"
expect_eq "name, purpose, unit and strategy changed" "Next-day delivery team|Every parcel, next day|5|4" \
	"$(sql 'SELECT name, purpose, unit_id, strategy_id FROM coalition WHERE id = 1')"
form manager /coalitions/1 "name=Next-day+delivery+team&purpose=Every+parcel%2C+next+day&unit_id=5&strategy_id="
expect_eq "an empty strategy: none" "303 " "$STATUS $(sql 'SELECT strategy_id FROM coalition WHERE id = 1')"

# values: the demo's 24 recognitions name the four values in turn (i % 4),
# so each value is named by 6; "Be kind" (added above) by none.
KIND=$(sql "SELECT id FROM org_value WHERE name = 'Be kind'")
as admin GET /values
expect_contains "an edit form per value" "$BODY" 'action="/values/1"'
expect_contains "and a delete button" "$BODY" "action=\"/values/$KIND/delete\""
expect_contains "each input with an id of its own" "$BODY" 'id="f-v2-name" name="name" type="text" value="Own it" maxlength="100" required'
as member GET /values
expect_not_contains "no edit form for a member" "$BODY" 'action="/values/1"'
expect_not_contains "no delete button" "$BODY" 'action="/values/1/delete"'
before=$(digest)
for role in manager member viewer; do
	form $role /values/1 "name=Mine&description=&position=1"
	expect_eq "$role edits a value: 403" 403 "$STATUS"
	form $role "/values/$KIND/delete" ""
	expect_eq "$role deletes a value: 403" 403 "$STATUS"
done
form admin /values/2 "name=&description=Ours&position=2"
expect_eq "an empty name: 400" 400 "$STATUS"
expect_contains "beside that value's name" "$BODY" '<p class="error" id="f-v2-name-err">must not be empty</p>'
form admin /values/2 "name=Customers+first&description=&position=2"
expect_eq "another value's name: 409" 409 "$STATUS"
expect_contains "the domain's message" "$BODY" 'a value named &quot;Customers first&quot; exists'
form admin /values/2 "name=Own+it&description=&position=-1"
expect_eq "a negative position: 400" 400 "$STATUS"
expect_contains "beside the position" "$BODY" 'id="f-v2-position-err"'
form admin /values/2/delete ""
expect_eq "a value 6 recognitions name: 409" 409 "$STATUS"
expect_contains "refused with the domain's message" "$BODY" "value 2 is named by 6 recognitions: it stays"
form admin /values/999/delete ""
expect_eq "an unknown value: 404" 404 "$STATUS"
expect_eq "no refused value form wrote anything" "$before" "$(digest)"
form admin "/values/$KIND" "name=Be+kind&description=To+everyone%2C+always&position=0"
expect_eq "the admin saves a value: 303" 303 "$STATUS"
expect_eq "its row" "Be kind|To everyone, always|0" \
	"$(sql "SELECT name, description, position FROM org_value WHERE id = $KIND")"
form admin "/values/$KIND/delete" ""
expect_eq "the admin removes a value no recognition names: 303" 303 "$STATUS"
expect_eq "gone" 0 "$(sql "SELECT count(*) FROM org_value WHERE id = $KIND")"
expect_eq "the others stay" 4 "$(sql 'SELECT count(*) FROM org_value')"

finish
