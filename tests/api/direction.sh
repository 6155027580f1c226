#!/usr/bin/env bash
# tests/api/direction.sh: the vision and strategies over HTTP: the demo's
# direction, every route walked with every role, plans hidden from those
# who may not read them, refusals that write nothing, and the pages
# (/direction, /strategies/:id, the forms).
#
# The demo organization (see tests/api/access.sh): units 1 Northwind Ltd
# { 2 Operations { 5 Logistics }, 3 Product { 6 Engineering }, 4 Sales };
# admin Ada (person 1), manager Ben (2, unit 2: reads and writes 2, 5),
# member Kemi (11, unit 2: reads 2, 5), viewer Grace (7, unit 3: reads
# 3, 6). Plans 1 Warehouse automation (Operations), 2 Customer portal v2
# (Product), 3 Spring sales campaign (Sales), 4 Onboarding revamp
# (Logistics), 5 ERP migration (Engineering, draft). The demo's direction:
# visions 1 and 2 (the organization's, 2 current), 3 (Logistics);
# strategies 1 Operations (plans 1, 5), 2 Product (plan 2), 3 Sales
# (plan 3), 4 Logistics (active, no plan), 5 the organization's
# (proposed, no plan). Plan 4 serves no strategy.
. "$(dirname "$0")/../lib.sh"

run "$TANDEM" demo --today 2026-11-27
expect_rc "demo" 0
role_tokens direction
start_server || { fail "server starts"; finish; exit 1; }
V=/api/v1

ids() {
	jqb "[$1] | map(tostring) | join(\",\")"
}

# --- the demo's direction ------------------------------------------------------------
expect_eq "three visions: the organization's in two versions, Logistics' in one" \
	"|1|0|2028
|2|1|2030
5|1|1|2029" "$(sql 'SELECT unit_id, version, current, horizon FROM vision ORDER BY coalesce(unit_id, 0), version')"
expect_eq "Logistics' says what it serves" 1 "$(sql "SELECT count(*) FROM vision WHERE unit_id = 5 AND serves <> ''")"
expect_eq "five strategies, by unit and status" "1|2|active
2|3|active
3|4|active
4|5|active
5||proposed" "$(sql 'SELECT id, unit_id, status FROM strategy ORDER BY id')"
expect_eq "their plans" "1|1
1|5
2|2
3|3" "$(sql 'SELECT strategy_id, plan_id FROM plan_strategy ORDER BY 1, 2')"

# --- reads ----------------------------------------------------------------------------------
walk GET "$V/vision" "" 200 200 200 200
expect_eq "the organization's current vision" "2 2030 false" "$(jqb '"\(.version) \(.horizon) \(.due_for_review)"')"
walk GET "$V/vision?unit_id=5" "" 200 200 200 404
walk GET "$V/vision?unit_id=4" "" 404 404 404 404
as admin GET "$V/vision?unit_id=4"
expect_eq "Sales has none: 404 naming unit_id" "unit_id" "$(jqb .error.field)"
walk GET "$V/vision/history" "" 200 200 200 200
expect_eq "history newest first" "2,1" "$(ids '.items[].version')"
walk GET "$V/vision/history?unit_id=6" "" 200 404 404 200
walk GET "$V/vision?colour=red" "" 400 400 400 400

for role in $ROLES; do
	case $role in admin) want=1,2,3,4,5 ;; manager | member) want=1,4,5 ;; viewer) want=2,5 ;; esac
	as $role GET "$V/strategies"
	expect_eq "$role lists strategies $want (their units', with the organization's)" "$want" "$(ids '.items[].id')"
done
walk GET "$V/strategies?unit_id=4" "" 200 404 404 404
walk GET "$V/strategies/1" "" 200 200 200 404
walk GET "$V/strategies/5" "" 200 200 200 200
walk GET "$V/strategies/99" "" 404 404 404 404
as admin GET "$V/strategies/1"
expect_eq "the admin sees both plans of strategy 1" "1,5" "$(ids '.plans[].id')"
as manager GET "$V/strategies/1"
expect_eq "the manager sees only plan 1 (5 is Engineering's)" "1" "$(ids '.plans[].id')"
STATUS=$(curl -q -s -o /dev/null -w '%{http_code}' "$URL$V/strategies")
expect_eq "no credentials: 401" 401 "$STATUS"

# the direction at a glance
as admin GET "$V/direction"
expect_eq "admin: everything" "null 2 5 1,2,3,4,5 4 4" \
	"$(jqb '"\(.unit_id) \(.vision.version) \([.unit_visions[].unit_id] | join(",")) \([.strategies[].id] | map(tostring) | join(",")) \([.gaps.no_plan[].id] | join(",")) \([.gaps.no_strategy[].id] | join(","))"')"
as manager GET "$V/direction"
# Operations' subtree: strategies 1, 4 and the organization's 5; strategy
# 4 has no plan, plan 4 no strategy
expect_eq "manager: Operations and Logistics" "2 2 5 1,4,5 4 4" \
	"$(jqb '"\(.unit_id) \(.vision.version) \([.unit_visions[].unit_id] | join(",")) \([.strategies[].id] | map(tostring) | join(",")) \([.gaps.no_plan[].id] | join(",")) \([.gaps.no_strategy[].id] | join(","))"')"
expect_eq "manager: strategy 1 without Engineering's plan" "1" "$(jqb '[.strategies[0].plans[].id] | join(",")')"
as viewer GET "$V/direction"
# Product's subtree: strategy 2 (plan 2) and 5 (proposed); plans 2 and 5
# both serve an active strategy: no gaps
expect_eq "viewer: Product and Engineering, no gaps" "3 2  2,5  " \
	"$(jqb '"\(.unit_id) \(.vision.version) \([.unit_visions[].unit_id] | join(",")) \([.strategies[].id] | map(tostring) | join(",")) \([.gaps.no_plan[].id] | join(",")) \([.gaps.no_strategy[].id] | join(","))"')"
walk GET "$V/direction?unit_id=5" "" 200 200 200 404
walk GET "$V/direction?unit_id=99" "" 404 404 404 404

# --- refusals write nothing ------------------------------------------------------------------
before=$(dbsum "$DB" vision strategy plan_strategy)
as admin PUT "$V/vision" '{"statement":"","horizon":2030}'
expect_eq "an empty statement: 400" "400 statement" "$STATUS $(jqb .error.field)"
as admin PUT "$V/vision" '{"statement":"   ","horizon":2030}'
expect_eq "a blank statement: 400" "400 statement" "$STATUS $(jqb .error.field)"
as admin PUT "$V/vision" '{"statement":"X","horizon":1999}'
expect_eq "a horizon before 2000: 400" "400 horizon" "$STATUS $(jqb .error.field)"
as admin PUT "$V/vision" '{"statement":"X","horizon":2201}'
expect_eq "a horizon after 2200: 400" "400 horizon" "$STATUS $(jqb .error.field)"
as admin PUT "$V/vision" '{"statement":"X"}'
expect_eq "no horizon: 400" "400 horizon" "$STATUS $(jqb .error.field)"
as admin PUT "$V/vision" '{"statement":"X","horizon":2030,"unit_id":5}'
expect_eq "a unit's vision without serves: 400" "400 serves" "$STATUS $(jqb .error.field)"
as admin PUT "$V/vision" '{"statement":"X","horizon":2030,"serves":"y"}'
expect_eq "the organization's with serves: 400" "400 serves" "$STATUS $(jqb .error.field)"
as admin PUT "$V/vision" '{"statement":"X","horizon":2030,"unit_id":99999,"serves":"y"}'
expect_eq "an unknown unit: 404" "404 unit_id" "$STATUS $(jqb .error.field)"
as admin PUT "$V/vision" '{"statement":"X","horizon":2030,"review_date":"2026-02-30"}'
expect_eq "an impossible review date: 400" "400 review_date" "$STATUS $(jqb .error.field)"
as admin POST "$V/strategies" '{"name":"X","status":"maybe"}'
expect_eq "a status not in the list: 400" "400 status" "$STATUS $(jqb .error.field)"
as admin POST "$V/strategies" '{"name":""}'
expect_eq "an empty name: 400" "400 name" "$STATUS $(jqb .error.field)"
as admin POST "$V/strategies" '{"name":"X","owner_id":99999}'
expect_eq "an unknown owner: 404" "404 owner_id" "$STATUS $(jqb .error.field)"
as admin PATCH "$V/strategies/4" '{"status":"finished"}'
expect_eq "PATCH: a bad status: 400" "400 status" "$STATUS $(jqb .error.field)"
as admin POST "$V/strategies/99999/plans" '{"plan_id":1}'
expect_eq "an unknown strategy: 404" 404 "$STATUS"
as admin POST "$V/strategies/4/plans" '{"plan_id":99999}'
expect_eq "an unknown plan: 404" "404 plan_id" "$STATUS $(jqb .error.field)"
as admin POST "$V/strategies/4/plans" '{}'
expect_eq "no plan_id: 400" "400 plan_id" "$STATUS $(jqb .error.field)"
as admin POST "$V/strategies/1/plans" '{"plan_id":1}'
expect_eq "a plan linked twice: 409" "409 plan_id" "$STATUS $(jqb .error.field)"
as admin DELETE "$V/strategies/1"
expect_eq "removing a strategy with plans: 409" 409 "$STATUS"
expect_contains "it names them" "$(jqb .error.message)" "(1 Warehouse automation, 5 ERP migration)"
as manager POST "$V/strategies/4/plans" '{"plan_id":2}'
expect_eq "a plan the manager cannot read: 404" "404 plan_id" "$STATUS $(jqb .error.field)"
expect_eq "no refusal wrote anything" "$before" "$(dbsum "$DB" vision strategy plan_strategy)"

# --- writes ------------------------------------------------------------------------------------
walk PUT "$V/vision" '{"statement":"Next day, everywhere","horizon":2031}' 200 403 403 403
expect_eq "the organization's vision is version 3" "3|Next day, everywhere|1" \
	"$(sql 'SELECT version, statement, current FROM vision WHERE unit_id IS NULL ORDER BY version DESC LIMIT 1')"
expect_eq "by the admin's login" "$(sql 'SELECT login FROM account WHERE person_id = 1')" \
	"$(sql 'SELECT author FROM vision WHERE unit_id IS NULL AND version = 3')"
expect_eq "one current" 1 "$(sql 'SELECT count(*) FROM vision WHERE unit_id IS NULL AND current = 1')"
walk PUT "$V/vision" '{"statement":"Same-day hubs","horizon":2029,"unit_id":5,"serves":"Next day needs same day"}' 200 200 403 404
expect_eq "Logistics' vision: versions 2 (admin), 3 (manager), one current" "1:0,2:0,3:1" \
	"$(sql 'SELECT version, current FROM vision WHERE unit_id = 5 ORDER BY version' | tr '|' ':' | join_lines ,)"
as manager GET "$V/vision?unit_id=5"
expect_eq "GET answers the new version" "3 Same-day hubs" "$(jqb '"\(.version) \(.statement)"')"
walk PUT "$V/vision" '{"statement":"Sell more","horizon":2029,"unit_id":4,"serves":"Revenue"}' 200 404 404 404
walk POST "$V/strategies/4/plans" '{"plan_id":4}' 200 409 403 404
as manager DELETE "$V/strategies/4/plans/4"
expect_eq "the manager unlinks it" 204 "$STATUS"
as manager DELETE "$V/strategies/4/plans/4"
expect_eq "unlinking twice: 404" "404 plan_id" "$STATUS $(jqb .error.field)"
as manager POST "$V/strategies/4/plans" '{"plan_id":4}'
expect_eq "the manager links plan 4" "200 4" "$STATUS $(ids '.plans[].id')"
as manager GET "$V/direction"
expect_eq "both gaps closed in Operations" " " "$(jqb '"\([.gaps.no_plan[].id] | join(",")) \([.gaps.no_strategy[].id] | join(","))"')"
walk POST "$V/strategies" '{"name":"Dock slots","unit_id":5}' 201 201 403 404
as admin POST "$V/strategies" '{"name":"Cross-docking","unit_id":5,"owner_id":2,"status":"proposed"}'
C=$(sql "SELECT id FROM strategy WHERE name = 'Cross-docking'")
expect_contains "POST: Location" "$HEADERS" "Location: /api/v1/strategies/$C"
expect_eq "POST answers the strategy" "201 Cross-docking 5 2 proposed 0" \
	"$STATUS $(jqb '"\(.name) \(.unit_id) \(.owner_id) \(.status) \(.plans | length)"')"
walk POST "$V/strategies" '{"name":"Org bet"}' 201 403 403 403
walk PATCH "$V/strategies/4" '{"rationale":"Distance"}' 200 200 403 404
walk PATCH "$V/strategies/5" '{"status":"active"}' 200 403 403 403
D2=$(sql "SELECT max(id) FROM strategy WHERE name = 'Dock slots'")
expect_eq "the admin's and the manager's" 2 "$(sql "SELECT count(*) FROM strategy WHERE name = 'Dock slots' AND unit_id = 5")"
as viewer DELETE "$V/strategies/$D2"
expect_eq "the viewer may not see it: 404" 404 "$STATUS"
as member DELETE "$V/strategies/$D2"
expect_eq "the member may not remove it: 403" 403 "$STATUS"
as manager DELETE "$V/strategies/$D2"
expect_eq "the manager removes it" "204 1" "$STATUS $(sql "SELECT count(*) FROM strategy WHERE name = 'Dock slots'")"
O=$(sql "SELECT id FROM strategy WHERE name = 'Org bet'")
as manager DELETE "$V/strategies/$O"
expect_eq "the manager may not remove the organization's: 403" 403 "$STATUS"
as admin DELETE "$V/strategies/$O"
expect_eq "the admin removes it" "204 0" "$STATUS $(sql "SELECT count(*) FROM strategy WHERE name = 'Org bet'")"
D1=$(sql "SELECT id FROM strategy WHERE name = 'Dock slots'")
as admin DELETE "$V/strategies/$D1"
expect_eq "the admin removes the other Dock slots" "204 0" "$STATUS $(sql "SELECT count(*) FROM strategy WHERE name = 'Dock slots'")"

# --- pages ---------------------------------------------------------------------------------------
# now: the organization's vision 3 "Next day, everywhere"; Logistics' 3
# "Same-day hubs"; strategy 5 (the organization's) active with no plan;
# plan 4 carries out strategy 4
as viewer GET /direction
expect_eq "the direction page" 200 "$STATUS"
expect_contains "the vision, big" "$BODY" '<blockquote class="dir-vision"><p>Next day, everywhere</p></blockquote>'
expect_contains "its history link" "$BODY" 'href="/vision/history"'
expect_not_contains "a viewer gets no vision form link" "$BODY" 'href="/vision/edit"'
expect_not_contains "nor a unit one" "$BODY" 'href="/vision/unit"'
expect_contains "the viewer's strategy 2 with its plan" "$BODY" '<a href="/plans/2">Customer portal v2</a>'
expect_not_contains "not Operations' strategy 1" "$BODY" "Automate the warehouses"
expect_contains "the signals' section" "$BODY" 'class="sig-section"'
as admin GET /direction
expect_contains "the admin sets the vision" "$BODY" 'href="/vision/edit"'
expect_contains "Logistics' vision and what it serves" "$BODY" "<strong>Serves:</strong> Next day needs same day"
expect_contains "the organization's active strategy with no plan is a gap" "$BODY" \
	'<ul class="dir-gap-strategies"><li><a href="/strategies/5">Same-day courier partnerships</a> (the whole organization)</li></ul>'
as manager GET /direction
expect_contains "the manager sets a unit's vision" "$BODY" 'href="/vision/unit"'
expect_not_contains "not the organization's" "$BODY" 'href="/vision/edit"'
expect_contains "no gap in Operations: strategies" "$BODY" "Every active strategy has a plan."
expect_contains "no gap in Operations: plans" "$BODY" "Every open plan carries out a strategy."
expect_not_contains "ERP migration (Engineering's) is not shown to the manager" "$BODY" "ERP migration"
as manager GET /vision/edit
expect_eq "the organization's form is the admin's" 403 "$STATUS"
as admin GET /vision/edit
expect_contains "it starts from the current version" "$BODY" 'value="Next day, everywhere"'
as member GET /vision/unit
expect_eq "a member may not open a unit's form" 403 "$STATUS"
as manager GET /vision/history?unit_id=5
expect_contains "the history page marks the current version" "$BODY" "3 (current)"
as viewer GET /vision/history?unit_id=5
expect_eq "another unit's history: 404" 404 "$STATUS"

n=$(sql 'SELECT count(*) FROM vision')
form manager /vision "unit_id=5&statement=Hubs&serves=&horizon=2030&review_date="
expect_eq "a unit's vision without serves: the form again" 400 "$STATUS"
expect_contains "with the error beside serves" "$BODY" 'id="f-serves-err"'
form manager /vision "statement=Mine&horizon=2030&review_date="
expect_eq "the manager may not set the organization's" 403 "$STATUS"
expect_eq "nothing written" "$n" "$(sql 'SELECT count(*) FROM vision')"
form manager /vision "unit_id=5&statement=Hubs+everywhere&serves=Next+day&horizon=2030&review_date=2020-01-01"
expect_eq "the form sets Logistics' vision" 303 "$STATUS"
expect_contains "back to /direction" "$HEADERS" "Location: /direction"
expect_eq "version 4, current" "4|1|Hubs everywhere" \
	"$(sql 'SELECT version, current, statement FROM vision WHERE unit_id = 5 ORDER BY version DESC LIMIT 1')"
as manager GET /direction
expect_contains "a past review date is flagged" "$BODY" '2020-01-01 <span class="badge dir-due">due for review</span>'
expect_contains "the manager may set a new version from there" "$BODY" 'href="/vision/unit?unit_id=5"'
as manager GET "/vision/unit?unit_id=5"
expect_contains "the unit's form starts from its current version" "$BODY" 'value="Hubs everywhere"'
expect_contains "with what it serves" "$BODY" 'value="Next day"'
expect_contains "and the unit chosen" "$BODY" '<option value="5" selected>'
as manager GET "/vision/unit?unit_id=4"
expect_eq "a unit outside the manager's: 404" 404 "$STATUS"
as viewer GET /vision/unit
expect_eq "a viewer may not open it" 403 "$STATUS"
as manager GET "/direction?unit_id=5"
expect_contains "the scope: Logistics alone" "$BODY" '<strong aria-current="page">Logistics</strong>'
expect_contains "its strategy" "$BODY" "Regional hubs within 200 km"
expect_not_contains "not Operations' own" "$BODY" "Automate the warehouses"
as manager GET "/direction?unit_id=4"
expect_eq "a scope outside the manager's units: 404" 404 "$STATUS"

as member GET /strategies/new
expect_eq "a member may not open the strategy form" 403 "$STATUS"
form manager /strategies "name=Yard+slots&rationale=&unit_id=5&owner_id=&status=active"
expect_eq "the create form" 303 "$STATUS"
Y=$(sql "SELECT id FROM strategy WHERE name = 'Yard slots'")
expect_contains "to the new strategy" "$HEADERS" "Location: /strategies/$Y"
form manager "/strategies/$Y" "name=&rationale=&unit_id=5&owner_id=&status=active"
expect_eq "the edit form refuses an empty name" 400 "$STATUS"
expect_contains "beside the name" "$BODY" 'id="f-name-err"'
form manager "/strategies/$Y" "name=Yard+slots&rationale=&unit_id=5&owner_id=&status=sometime"
expect_eq "and a status not in the list" 400 "$STATUS"
expect_eq "nothing changed" "Yard slots|active" "$(sql "SELECT name, status FROM strategy WHERE id = $Y")"
form manager "/strategies/$Y/plans" "plan_id=4"
expect_eq "the link form" "303 1" "$STATUS $(sql "SELECT count(*) FROM plan_strategy WHERE strategy_id = $Y AND plan_id = 4")"
form manager "/strategies/$Y/plans" "plan_id=2"
expect_eq "a plan the manager cannot read: the page again" 400 "$STATUS"
expect_contains "saying there is no such plan" "$BODY" "no plan with id 2"
expect_eq "not linked" 0 "$(sql "SELECT count(*) FROM plan_strategy WHERE plan_id = 2 AND strategy_id = $Y")"
form manager "/strategies/$Y/plans/4/delete" ""
expect_eq "the unlink form" "303 0" "$STATUS $(sql "SELECT count(*) FROM plan_strategy WHERE strategy_id = $Y")"
as manager GET "/strategies/1"
expect_contains "a strategy's page: its plan with progress" "$BODY" '<a href="/plans/1">Warehouse automation</a>'
expect_contains "the link form" "$BODY" 'action="/strategies/1/plans"'
expect_not_contains "not Engineering's plan" "$BODY" "ERP migration"
as member GET "/strategies/1"
expect_not_contains "a member gets no link form" "$BODY" 'action="/strategies/1/plans"'
as viewer GET "/strategies/1"
expect_eq "a strategy outside the viewer's units: 404" 404 "$STATUS"

finish
