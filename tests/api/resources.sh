#!/usr/bin/env bash
# tests/api/resources.sh: the resources of /api/v1 against a live server:
# create (201 + Location), read one, list with filters and paging, PATCH
# changing only the given fields, DELETE (204, or 409 while referenced),
# the step actions and dependency rules, and /steps/count.
#
# Expected values are worked out by hand from the requests below, or read
# from the database with the sqlite3 CLI or psql (the harness's `sql`), never
# from tandem's own output. The first part builds a small organization by
# hand on an empty database; the second seeds the demo with 150 steps
# into a second database for paging and counting.
. "$(dirname "$0")/../lib.sh"

# --- local helpers ----------------------------------------------------

# expect_status NAME CODE: the HTTP status of the last api call.
expect_status() {
	if [ "$STATUS" == "$2" ]; then pass; else fail "$1" "HTTP $STATUS, expected $2; body: $BODY"; fi
}
# expect_jq NAME FILTER EXPECTED: jq FILTER applied to the last body.
expect_jq() {
	expect_eq "$1" "$3" "$(jqb "$2")"
}
# expect_body NAME JSON: the last body is exactly this JSON object (keys
# in any order, no key missing, none extra).
expect_body() {
	expect_eq "$1" "$(printf '%s' "$2" | jq -cS .)" "$(printf '%s' "$BODY" | jq -cS . 2>&1)"
}
# header NAME: the value of a header of the last response.
header() {
	printf '%s\n' "$HEADERS" | tr -d '\r' |
		awk -v h="$1" 'tolower(substr($0, 1, index($0, ":") - 1)) == tolower(h) {
			sub(/^[^:]*: */, ""); print; exit }'
}
# expect_created NAME BASE ID: 201 with Location BASE/ID and body .id ID.
expect_created() {
	expect_status "$1: 201" 201
	expect_eq "$1: Location" "$2/$3" "$(header Location)"
	expect_jq "$1: body id" .id "$3"
}
# expect_error NAME STATUS FIELD: an error answer with this status and field.
expect_error() {
	expect_status "$1: HTTP status" "$2"
	expect_jq "$1: error.status" .error.status "$2"
	expect_jq "$1: error.field" .error.field "$3"
}

V=/api/v1
start_server || { fail "server starts" "$(cat "$TMP/server.err")"; finish; exit 1; }

# --- health ---------------------------------------------------------------

api GET /healthz
expect_status "healthz answers" 200
expect_jq "healthz says ok" .status ok
expect_eq "healthz is JSON" "application/json; charset=utf-8" "$(header Content-Type)"

# --- units ------------------------------------------------------------------
# The tree built here:  Acme -> Ops -> Depot,  Acme -> Sales

api POST $V/units '{"name":"Acme"}'
ACME=$(sql "SELECT id FROM unit WHERE name = 'Acme'")
expect_created "POST unit Acme" $V/units "$ACME"
expect_body "POST unit: the new root" "{\"id\":$ACME,\"name\":\"Acme\",\"parent_id\":null,\"people\":0,\"children\":0}"
expect_eq "POST unit: one row" 1 "$(sql "SELECT count(*) FROM unit WHERE name = 'Acme' AND parent_id IS NULL")"

api POST $V/units "{\"name\":\"Ops\",\"parent_id\":$ACME}"
OPS=$(sql "SELECT id FROM unit WHERE name = 'Ops'")
expect_created "POST unit Ops" $V/units "$OPS"
expect_jq "POST unit Ops: parent" .parent_id "$ACME"
expect_eq "POST unit Ops: stored parent" "$ACME" "$(sql "SELECT parent_id FROM unit WHERE id = $OPS")"
api POST $V/units "{\"name\":\"Sales\",\"parent_id\":$ACME}"
SALES=$(sql "SELECT id FROM unit WHERE name = 'Sales'")
expect_created "POST unit Sales" $V/units "$SALES"
api POST $V/units "{\"name\":\"Depot\",\"parent_id\":$OPS}"
DEPOT=$(sql "SELECT id FROM unit WHERE name = 'Depot'")
expect_created "POST unit Depot" $V/units "$DEPOT"

api GET $V/units/$ACME
expect_status "GET unit" 200
expect_body "GET unit: Acme has two child units" "{\"id\":$ACME,\"name\":\"Acme\",\"parent_id\":null,\"people\":0,\"children\":2}"

# tree order: each parent before its children, siblings by name
api GET $V/units
expect_status "GET units" 200
expect_jq "GET units: count" .count 4
expect_jq "GET units: no page limit" .limit null
expect_jq "GET units: offset" .offset 0
expect_jq "GET units: tree order with depth" '[.items[] | "\(.name):\(.depth)"] | join(",")' \
	"Acme:0,Ops:1,Depot:2,Sales:1"

api PATCH $V/units/$SALES '{"name":"Sales & Marketing"}'
expect_status "PATCH unit name" 200
expect_jq "PATCH unit: new name in body" .name "Sales & Marketing"
expect_eq "PATCH unit: name stored, parent kept" "Sales & Marketing|$ACME" \
	"$(sql "SELECT name, parent_id FROM unit WHERE id = $SALES")"
api PATCH $V/units/$DEPOT "{\"parent_id\":$SALES}"
expect_status "PATCH unit: move" 200
expect_eq "PATCH unit: moved, name kept" "Depot|$SALES" "$(sql "SELECT name, parent_id FROM unit WHERE id = $DEPOT")"
api PATCH $V/units/$DEPOT "{\"parent_id\":$OPS}"
expect_status "PATCH unit: move back" 200
api PATCH $V/units/$ACME "{\"parent_id\":$DEPOT}"
expect_error "PATCH unit under its own subtree" 400 parent_id
expect_eq "PATCH unit refused: Acme stays a root" 1 "$(sql "SELECT count(*) FROM unit WHERE id = $ACME AND parent_id IS NULL")"
api PATCH $V/units/$DEPOT '{"parent_id":null}'
expect_status "PATCH unit: null parent makes a root" 200
expect_eq "PATCH unit: root stored" "" "$(sql "SELECT parent_id FROM unit WHERE id = $DEPOT")"
api PATCH $V/units/$DEPOT "{\"parent_id\":$OPS}"

api DELETE $V/units/$OPS
expect_error "DELETE unit with a child unit" 409 id
expect_contains "DELETE unit 409: says why" "$(jqb .error.message)" "1 child unit(s)"
expect_eq "DELETE unit 409: still there" 1 "$(sql "SELECT count(*) FROM unit WHERE id = $OPS")"
api POST $V/units "{\"name\":\"Scratch\",\"parent_id\":$ACME}"
SCRATCH=$(jqb .id)
api DELETE $V/units/$SCRATCH
expect_status "DELETE unit: 204" 204
expect_eq "DELETE unit: empty body" "" "$BODY"
expect_eq "DELETE unit: row gone" 0 "$(sql "SELECT count(*) FROM unit WHERE id = $SCRATCH")"
api GET $V/units/$SCRATCH
expect_error "GET deleted unit" 404 id

# --- people -------------------------------------------------------------------

api POST $V/people "{\"name\":\"Ann Lee\",\"email\":\"ann@acme.test\",\"unit_id\":$OPS,\"title\":\"Lead\",\"rate\":55.5,\"capacity_hours\":37.5}"
ANN=$(sql "SELECT id FROM person WHERE email = 'ann@acme.test'")
expect_created "POST person Ann" $V/people "$ANN"
expect_body "POST person: fields" "{\"id\":$ANN,\"name\":\"Ann Lee\",\"email\":\"ann@acme.test\",\"unit_id\":$OPS,\"unit\":\"Ops\",\"manager_id\":null,\"manager\":null,\"title\":\"Lead\",\"rate\":55.5,\"capacity_hours\":37.5,\"reports\":0}"
# 55.5 an hour is 5550 cents; 37.5 hours is 2250 minutes
expect_eq "POST person: stored in cents and minutes" "Ann Lee|ann@acme.test|$OPS||Lead|5550|2250" \
	"$(sql "SELECT name, email, unit_id, manager_id, title, rate_cents, capacity_minutes FROM person WHERE id = $ANN")"

api POST $V/people "{\"name\":\"Bob Stone\",\"email\":\"bob@acme.test\",\"unit_id\":$DEPOT,\"manager_id\":$ANN}"
BOB=$(sql "SELECT id FROM person WHERE email = 'bob@acme.test'")
expect_created "POST person Bob" $V/people "$BOB"
expect_jq "POST person: manager" .manager_id "$ANN"
# defaults: no title, rate 0, 40 hours a week (2400 minutes)
expect_eq "POST person: defaults stored" "|0|2400" "$(sql "SELECT title, rate_cents, capacity_minutes FROM person WHERE id = $BOB")"
expect_jq "POST person: default capacity" .capacity_hours 40
api POST $V/people "{\"name\":\"Cy Park\",\"email\":\"cy@acme.test\",\"unit_id\":$SALES}"
CY=$(sql "SELECT id FROM person WHERE email = 'cy@acme.test'")
expect_created "POST person Cy" $V/people "$CY"

api GET $V/people/$ANN
expect_status "GET person" 200
expect_jq "GET person: one direct report" .reports 1
expect_jq "GET person: unit name" .unit Ops

# listings by name: Ann Lee, Bob Stone, Cy Park
api GET $V/people
expect_status "GET people" 200
expect_jq "GET people: all three by name" '[.items[].name] | join(",")' "Ann Lee,Bob Stone,Cy Park"
expect_jq "GET people: default limit" .limit 100
expect_jq "GET people: count" .count 3
api GET "$V/people?unit_id=$OPS"
expect_jq "GET people?unit_id: Ops and its subtree (Depot)" '[.items[].id] | join(",")' "$ANN,$BOB"
api GET "$V/people?unit_id=$ACME"
expect_jq "GET people?unit_id=root: everyone" .count 3
api GET "$V/people?unit_id=$DEPOT"
expect_jq "GET people?unit_id=leaf" '[.items[].id] | join(",")' "$BOB"
api GET "$V/people?manager_id=$ANN"
expect_jq "GET people?manager_id" '[.items[].id] | join(",")' "$BOB"
api GET "$V/people?limit=1&offset=1"
expect_jq "GET people: limit 1 offset 1 is the second by name" '[.count, .limit, .offset, .items[0].name] | join(",")' "1,1,1,Bob Stone"
api GET "$V/people?offset=3"
expect_jq "GET people: offset past the end" .count 0

before=$(sql "SELECT name, email, unit_id, manager_id, rate_cents, capacity_minutes FROM person WHERE id = $BOB")
api PATCH $V/people/$BOB '{"title":"Engineer"}'
expect_status "PATCH person title" 200
expect_jq "PATCH person: title in body" .title Engineer
expect_eq "PATCH person: title stored" Engineer "$(sql "SELECT title FROM person WHERE id = $BOB")"
expect_eq "PATCH person: other columns unchanged" "$before" \
	"$(sql "SELECT name, email, unit_id, manager_id, rate_cents, capacity_minutes FROM person WHERE id = $BOB")"
api PATCH $V/people/$BOB '{"rate":80,"capacity_hours":20.25}'
expect_status "PATCH person rate and capacity" 200
# 20.25 hours = 1215 minutes
expect_eq "PATCH person: rate and capacity stored, title kept" "Engineer|8000|1215|$ANN" \
	"$(sql "SELECT title, rate_cents, capacity_minutes, manager_id FROM person WHERE id = $BOB")"

api DELETE $V/people/$ANN
expect_error "DELETE person with a report" 409 id
expect_contains "DELETE person 409: says why" "$(jqb .error.message)" "1 report(s)"
expect_eq "DELETE person 409: still there" 1 "$(sql "SELECT count(*) FROM person WHERE id = $ANN")"

api PATCH $V/people/$BOB '{"manager_id":null}'
expect_status "PATCH person: clear manager" 200
expect_jq "PATCH person: manager null in body" .manager_id null
expect_eq "PATCH person: manager cleared, rest kept" "|Engineer|8000" \
	"$(sql "SELECT manager_id, title, rate_cents FROM person WHERE id = $BOB")"

api POST $V/people "{\"name\":\"Tmp\",\"email\":\"tmp@acme.test\",\"unit_id\":$SALES}"
TMPP=$(jqb .id)
api DELETE $V/people/$TMPP
expect_status "DELETE person: 204" 204
expect_eq "DELETE person: row gone" 0 "$(sql "SELECT count(*) FROM person WHERE id = $TMPP")"

api DELETE $V/units/$SALES
expect_error "DELETE unit with a person" 409 id
expect_contains "DELETE unit 409: counts the person" "$(jqb .error.message)" "1 person(s)"

# --- plans ------------------------------------------------------------------------

api POST $V/plans "{\"name\":\"Launch\",\"unit_id\":$OPS,\"start_date\":\"2026-12-01\",\"owner_id\":$ANN}"
LAUNCH=$(sql "SELECT id FROM plan WHERE name = 'Launch'")
expect_created "POST plan Launch" $V/plans "$LAUNCH"
expect_body "POST plan: fields, draft by default, no steps" "{\"id\":$LAUNCH,\"name\":\"Launch\",\"owner_id\":$ANN,\"owner\":\"Ann Lee\",\"unit_id\":$OPS,\"unit\":\"Ops\",\"start_date\":\"2026-12-01\",\"status\":\"draft\",\"steps\":{\"todo\":0,\"doing\":0,\"done\":0,\"blocked\":0},\"estimate_hours\":0,\"progress\":0}"
expect_eq "POST plan: stored" "Launch|$ANN|$OPS|2026-12-01|draft" \
	"$(sql "SELECT name, owner_id, unit_id, start_date, status FROM plan WHERE id = $LAUNCH")"
api POST $V/plans "{\"name\":\"Promo\",\"unit_id\":$SALES,\"start_date\":\"2027-01-04\",\"status\":\"active\"}"
PROMO=$(sql "SELECT id FROM plan WHERE name = 'Promo'")
expect_created "POST plan Promo" $V/plans "$PROMO"
expect_jq "POST plan: no owner" .owner_id null
api POST $V/plans "{\"name\":\"Yard\",\"unit_id\":$DEPOT,\"start_date\":\"2027-02-01\",\"owner_id\":$BOB}"
YARD=$(sql "SELECT id FROM plan WHERE name = 'Yard'")
expect_created "POST plan Yard" $V/plans "$YARD"

api GET $V/plans
expect_jq "GET plans: by id" '[.items[].id] | join(",")' "$LAUNCH,$PROMO,$YARD"
expect_jq "GET plans: list items carry no step counts" '.items[0] | has("steps")' false
api GET "$V/plans?status=active"
expect_jq "GET plans?status" '[.items[].id] | join(",")' "$PROMO"
api GET "$V/plans?unit_id=$OPS"
expect_jq "GET plans?unit_id: Ops and Depot" '[.items[].id] | join(",")' "$LAUNCH,$YARD"
api GET "$V/plans?owner_id=$BOB"
expect_jq "GET plans?owner_id" '[.items[].id] | join(",")' "$YARD"
api GET "$V/plans?status=draft&unit_id=$ACME"
expect_jq "GET plans: two filters" '[.items[].id] | join(",")' "$LAUNCH,$YARD"
api GET "$V/plans?limit=2&offset=1"
expect_jq "GET plans: page" '[.count, .limit, .offset, (.items | map(.id) | join(" "))] | join(",")' "2,2,1,$PROMO $YARD"

before=$(sql "SELECT name, owner_id, unit_id, start_date FROM plan WHERE id = $LAUNCH")
api PATCH $V/plans/$LAUNCH '{"status":"active"}'
expect_status "PATCH plan status" 200
expect_jq "PATCH plan: status in body" .status active
expect_eq "PATCH plan: other columns unchanged" "$before" \
	"$(sql "SELECT name, owner_id, unit_id, start_date FROM plan WHERE id = $LAUNCH")"
expect_eq "PATCH plan: status stored" active "$(sql "SELECT status FROM plan WHERE id = $LAUNCH")"

# --- steps ------------------------------------------------------------------------------
# Launch gets Design -> Build -> Ship (Build depends on Design, Ship on Build).

api POST $V/steps "{\"plan_id\":$LAUNCH,\"name\":\"Design\",\"assignee_id\":$BOB,\"estimate_hours\":7.5,\"duration_days\":3,\"due\":\"2026-12-10\"}"
DESIGN=$(sql "SELECT id FROM step WHERE name = 'Design'")
expect_created "POST step Design" $V/steps "$DESIGN"
expect_body "POST step: fields" "{\"id\":$DESIGN,\"plan_id\":$LAUNCH,\"name\":\"Design\",\"assignee_id\":$BOB,\"assignee\":\"Bob Stone\",\"estimate_hours\":7.5,\"duration_days\":3,\"due\":\"2026-12-10\",\"status\":\"todo\",\"depends_on\":[],\"logged_hours\":0,\"activity\":null,\"pct\":0}"
# 7.5 hours = 450 minutes
expect_eq "POST step: stored" "$LAUNCH|Design|$BOB|450|3|2026-12-10|todo" \
	"$(sql "SELECT plan_id, name, assignee_id, estimate_minutes, duration_days, due, status FROM step WHERE id = $DESIGN")"
api POST $V/steps "{\"plan_id\":$LAUNCH,\"name\":\"Build\",\"estimate_hours\":16}"
BUILD=$(sql "SELECT id FROM step WHERE name = 'Build'")
expect_created "POST step Build" $V/steps "$BUILD"
# defaults: no assignee, one day, no due date, todo
expect_eq "POST step: defaults stored" "|960|1||todo" \
	"$(sql "SELECT assignee_id, estimate_minutes, duration_days, due, status FROM step WHERE id = $BUILD")"
api POST $V/steps "{\"plan_id\":$LAUNCH,\"name\":\"Ship\",\"assignee_id\":$ANN,\"due\":\"2026-12-20\"}"
SHIP=$(sql "SELECT id FROM step WHERE name = 'Ship'")
expect_created "POST step Ship" $V/steps "$SHIP"
api POST $V/steps "{\"plan_id\":$PROMO,\"name\":\"Flyers\",\"assignee_id\":$BOB,\"due\":\"2027-01-10\",\"status\":\"blocked\"}"
FLYERS=$(sql "SELECT id FROM step WHERE name = 'Flyers'")
expect_created "POST step Flyers" $V/steps "$FLYERS"

api POST $V/steps/$BUILD/deps "{\"on\":$DESIGN,\"lag_days\":2}"
expect_status "POST deps: Build on Design" 200
expect_jq "POST deps: listed on the step" '.depends_on | map("\(.on):\(.name):\(.status):\(.lag_days)") | join(",")' "$DESIGN:Design:todo:2"
expect_eq "POST deps: stored with the lag" "$BUILD|$DESIGN|2" "$(sql "SELECT step_id, depends_on, lag_days FROM step_dep")"
api POST $V/steps/$SHIP/deps "{\"on\":$BUILD}"
expect_status "POST deps: Ship on Build" 200
expect_eq "POST deps: lag 0 by default" 0 "$(sql "SELECT lag_days FROM step_dep WHERE step_id = $SHIP")"

# Design on Ship closes Design -> Ship -> Build -> Design
api POST $V/steps/$DESIGN/deps "{\"on\":$SHIP}"
expect_error "POST deps: a cycle" 409 on
expect_contains "POST deps: the cycle is named" "$(jqb .error.message)" \
	"step $DESIGN \"Design\" -> step $SHIP \"Ship\" -> step $BUILD \"Build\" -> step $DESIGN \"Design\""
expect_eq "POST deps: the cycle is not stored" 2 "$(sql "SELECT count(*) FROM step_dep")"
api POST $V/steps/$DESIGN/deps "{\"on\":$FLYERS}"
expect_error "POST deps: across plans" 400 on
api POST $V/steps/$BUILD/deps "{\"on\":$DESIGN}"
expect_error "POST deps: twice" 409 on
expect_eq "POST deps: refused ones left no rows" 2 "$(sql "SELECT count(*) FROM step_dep")"

api GET $V/plans/$LAUNCH
# 7.5 + 16 + 0 hours
expect_jq "GET plan: step counts and estimate" '[.steps.todo, .steps.doing, .steps.done, .steps.blocked, .estimate_hours] | join(",")' "3,0,0,0,23.5"

# the dependency rules
api POST $V/steps/$BUILD/start
expect_error "start Build before Design is done" 409 status
expect_contains "start refused: names the dependency" "$(jqb .error.message)" \
	"depends on step $DESIGN \"Design\", which is todo"
expect_eq "start refused: status unchanged" todo "$(sql "SELECT status FROM step WHERE id = $BUILD")"
api POST $V/steps/$BUILD/done
expect_error "done Build before Design is done" 409 status
expect_contains "done refused: names the dependency" "$(jqb .error.message)" "step $DESIGN \"Design\""
api PATCH $V/steps/$BUILD '{"status":"doing"}'
expect_error "PATCH status doing follows the same rule" 409 status
api POST $V/steps/$BUILD/block
expect_status "block needs no dependency done" 200
expect_jq "block: status in body" .status blocked
expect_eq "block: stored" blocked "$(sql "SELECT status FROM step WHERE id = $BUILD")"

api POST $V/steps/$DESIGN/start
expect_status "start Design (no dependencies)" 200
expect_eq "start: stored" doing "$(sql "SELECT status FROM step WHERE id = $DESIGN")"
api POST $V/steps/$DESIGN/done
expect_status "done Design" 200
expect_jq "done: status in body" .status done
api POST $V/steps/$BUILD/start
expect_status "start Build once Design is done" 200
expect_jq "start Build: its dependency shows done" '.depends_on[0].status' done
expect_eq "start Build: stored" doing "$(sql "SELECT status FROM step WHERE id = $BUILD")"
api PATCH $V/steps/$DESIGN '{"status":"todo"}'
expect_error "reopen Design while Build is doing" 409 status
expect_contains "reopen refused: names the dependant" "$(jqb .error.message)" "step $BUILD \"Build\""
expect_eq "reopen refused: still done" done "$(sql "SELECT status FROM step WHERE id = $DESIGN")"
api POST $V/steps/$SHIP/start
expect_error "start Ship while Build is doing" 409 status
expect_contains "start Ship refused: names Build" "$(jqb .error.message)" "step $BUILD \"Build\", which is doing"
api POST $V/steps/$BUILD/done
expect_status "done Build" 200

api DELETE $V/steps/$SHIP/deps/$BUILD
expect_status "DELETE deps" 200
expect_jq "DELETE deps: gone from the step" '.depends_on | length' 0
expect_eq "DELETE deps: row gone, the other kept" "$BUILD|$DESIGN" "$(sql "SELECT step_id, depends_on FROM step_dep")"
api DELETE $V/steps/$SHIP/deps/$BUILD
expect_error "DELETE deps twice" 404 on

before=$(sql "SELECT plan_id, assignee_id, estimate_minutes, duration_days, due, status FROM step WHERE id = $DESIGN")
api PATCH $V/steps/$DESIGN '{"name":"Design v2"}'
expect_status "PATCH step name" 200
expect_jq "PATCH step: name in body" .name "Design v2"
expect_eq "PATCH step: other columns unchanged" "$before" \
	"$(sql "SELECT plan_id, assignee_id, estimate_minutes, duration_days, due, status FROM step WHERE id = $DESIGN")"
api PATCH $V/steps/$SHIP '{"due":null,"estimate_hours":0.25}'
expect_status "PATCH step: clear due, set estimate" 200
# 0.25 hours = 15 minutes
expect_eq "PATCH step: stored" "Ship|$ANN||15|1|todo" \
	"$(sql "SELECT name, assignee_id, due, estimate_minutes, duration_days, status FROM step WHERE id = $SHIP")"
api PATCH $V/steps/$BUILD "{\"plan_id\":$PROMO}"
expect_error "PATCH step: no moving a step with dependencies" 409 plan_id
expect_eq "PATCH step refused: plan kept" "$LAUNCH" "$(sql "SELECT plan_id FROM step WHERE id = $BUILD")"

# listings: by id
api GET $V/steps
expect_jq "GET steps: all, by id" '[.items[].id] | join(",")' "$DESIGN,$BUILD,$SHIP,$FLYERS"
expect_jq "GET steps: list items carry no dependencies" '.items[0] | has("depends_on")' false
api GET "$V/steps?plan_id=$LAUNCH"
expect_jq "GET steps?plan_id" '[.items[].id] | join(",")' "$DESIGN,$BUILD,$SHIP"
api GET "$V/steps?assignee_id=$BOB"
expect_jq "GET steps?assignee_id" '[.items[].id] | join(",")' "$DESIGN,$FLYERS"
api GET "$V/steps?status=done"
expect_jq "GET steps?status" '[.items[].id] | join(",")' "$DESIGN,$BUILD"
api GET "$V/steps?due_before=2027-01-10"
expect_jq "GET steps?due_before is strict" '[.items[].id] | join(",")' "$DESIGN"
api GET "$V/steps?unit_id=$SALES"
expect_jq "GET steps?unit_id" '[.items[].id] | join(",")' "$FLYERS"
api GET "$V/steps?unit_id=$ACME&status=todo"
expect_jq "GET steps: unit and status" '[.items[].id] | join(",")' "$SHIP"
api GET "$V/steps?limit=2&offset=1"
expect_jq "GET steps: page" '[.count, .limit, .offset, (.items | map(.id) | join(" "))] | join(",")' "2,2,1,$BUILD $SHIP"

# --- time entries ------------------------------------------------------------------------------

api POST $V/time-entries "{\"person_id\":$BOB,\"step_id\":$DESIGN,\"day\":\"2026-12-02\",\"minutes\":90,\"note\":\"kickoff\"}"
T1=$(sql "SELECT id FROM time_entry WHERE note = 'kickoff'")
expect_created "POST time entry" $V/time-entries "$T1"
# cost: 90 min at Bob's rate of 80 an hour = 1.5 x 80 = 120
expect_body "POST time entry: fields" "{\"id\":$T1,\"person_id\":$BOB,\"person\":\"Bob Stone\",\"step_id\":$DESIGN,\"step\":\"Design v2\",\"plan_id\":$LAUNCH,\"day\":\"2026-12-02\",\"minutes\":90,\"note\":\"kickoff\",\"activity\":null,\"cost\":120}"
expect_eq "POST time entry: stored" "$BOB|$DESIGN|2026-12-02|90|kickoff" \
	"$(sql "SELECT person_id, step_id, day, minutes, note FROM time_entry WHERE id = $T1")"
api POST $V/time-entries "{\"person_id\":$ANN,\"step_id\":$BUILD,\"day\":\"2026-12-01\",\"minutes\":30}"
T2=$(jqb .id)
expect_created "POST time entry 2" $V/time-entries "$T2"
expect_eq "POST time entry: note defaults to empty" "" "$(sql "SELECT note FROM time_entry WHERE id = $T2")"
api POST $V/time-entries "{\"person_id\":$CY,\"step_id\":$FLYERS,\"day\":\"2027-01-05\",\"minutes\":45}"
T3=$(jqb .id)
expect_created "POST time entry 3" $V/time-entries "$T3"

api GET $V/time-entries/$T1
expect_status "GET time entry" 200
expect_jq "GET time entry: minutes" .minutes 90
# entries by day: T2 (12-01), T1 (12-02), T3 (01-05); 90 + 30 + 45 = 165
api GET $V/time-entries
expect_jq "GET time entries: by day" '[.items[].id] | join(",")' "$T2,$T1,$T3"
expect_jq "GET time entries: total minutes" .total_minutes 165
expect_eq "GET time entries: total equals the sum in the db" "$(sql "SELECT sum(minutes) FROM time_entry")" "$(jqb .total_minutes)"
api GET "$V/time-entries?person_id=$BOB"
expect_jq "GET time entries?person_id" '[.items[].id] | join(",")' "$T1"
api GET "$V/time-entries?step_id=$BUILD"
expect_jq "GET time entries?step_id" '[.items[].id] | join(",")' "$T2"
api GET "$V/time-entries?plan_id=$LAUNCH"
expect_jq "GET time entries?plan_id" '([.items[].id] | join(",")) + " " + (.total_minutes | tostring)' "$T2,$T1 120"
api GET "$V/time-entries?unit_id=$OPS"
expect_jq "GET time entries?unit_id: Ann (Ops) and Bob (Depot)" '[.items[].id] | join(",")' "$T2,$T1"
api GET "$V/time-entries?from=2026-12-02&to=2027-01-05"
expect_jq "GET time entries: from and to inclusive" '[.items[].id] | join(",")' "$T1,$T3"
api GET "$V/time-entries?limit=1&offset=1"
expect_jq "GET time entries: page; total counts every match" '[.count, .limit, .offset, .items[0].id, .total_minutes] | join(",")' "1,1,1,$T1,165"
api GET $V/steps/$DESIGN
expect_jq "GET step: logged hours (90 minutes)" .logged_hours 1.5

api DELETE $V/steps/$DESIGN
expect_error "DELETE step with time entries" 409 id
expect_contains "DELETE step 409: says why" "$(jqb .error.message)" "1 time entry"
expect_eq "DELETE step 409: still there" 1 "$(sql "SELECT count(*) FROM step WHERE id = $DESIGN")"
api DELETE $V/people/$CY
expect_error "DELETE person with a time entry" 409 id
api DELETE $V/plans/$PROMO
expect_error "DELETE plan with steps" 409 id
expect_contains "DELETE plan 409: says why" "$(jqb .error.message)" "1 step(s)"

api DELETE $V/time-entries/$T3
expect_status "DELETE time entry: 204" 204
expect_eq "DELETE time entry: row gone" 0 "$(sql "SELECT count(*) FROM time_entry WHERE id = $T3")"
api GET $V/time-entries/$T3
expect_error "GET deleted time entry" 404 id
api DELETE $V/time-entries/$T3
expect_error "DELETE time entry twice" 404 id

# --- tools ---------------------------------------------------------------------------------------

api POST $V/tools "{\"name\":\"Laptop\",\"cost\":1299.99,\"plan_id\":$LAUNCH}"
LAPTOP=$(sql "SELECT id FROM tool WHERE name = 'Laptop'")
expect_created "POST tool Laptop" $V/tools "$LAPTOP"
expect_body "POST tool: fields" "{\"id\":$LAPTOP,\"name\":\"Laptop\",\"cost\":1299.99,\"plan_id\":$LAUNCH,\"step_id\":null}"
expect_eq "POST tool: cost in cents" "129999|$LAUNCH|" "$(sql "SELECT cost_cents, plan_id, step_id FROM tool WHERE id = $LAPTOP")"
api POST $V/tools "{\"name\":\"Drill\",\"step_id\":$BUILD}"
DRILL=$(sql "SELECT id FROM tool WHERE name = 'Drill'")
expect_created "POST tool Drill" $V/tools "$DRILL"
expect_jq "POST tool on a step: the plan comes from the step" '"\(.plan_id) \(.step_id) \(.cost)"' "$LAUNCH $BUILD 0"
expect_eq "POST tool on a step: stored" "|$BUILD|0" "$(sql "SELECT plan_id, step_id, cost_cents FROM tool WHERE id = $DRILL")"
api POST $V/tools '{"name":"Spare"}'
SPARE=$(jqb .id)
expect_created "POST tool unallocated" $V/tools "$SPARE"
expect_jq "POST tool unallocated: no plan" .plan_id null

api GET $V/tools/$DRILL
expect_status "GET tool" 200
expect_jq "GET tool: name" .name Drill
api GET $V/tools
expect_jq "GET tools: by id" '[.items[].id] | join(",")' "$LAPTOP,$DRILL,$SPARE"
api GET "$V/tools?plan_id=$LAUNCH"
expect_jq "GET tools?plan_id: the plan's and its steps'" '[.items[].id] | join(",")' "$LAPTOP,$DRILL"
api GET "$V/tools?limit=1&offset=2"
expect_jq "GET tools: page" '[.count, .limit, .offset, .items[0].id] | join(",")' "1,1,2,$SPARE"

api PATCH $V/tools/$LAPTOP '{"name":"Laptop Pro"}'
expect_status "PATCH tool name" 200
expect_eq "PATCH tool: name stored, cost and allocation kept" "Laptop Pro|129999|$LAUNCH|" \
	"$(sql "SELECT name, cost_cents, plan_id, step_id FROM tool WHERE id = $LAPTOP")"
api PATCH $V/tools/$DRILL "{\"plan_id\":$PROMO}"
expect_status "PATCH tool: re-allocate to a plan" 200
expect_eq "PATCH tool: the step allocation is replaced" "Drill|$PROMO|" \
	"$(sql "SELECT name, plan_id, step_id FROM tool WHERE id = $DRILL")"

api DELETE $V/plans/$LAUNCH
expect_error "DELETE plan with steps and a tool" 409 id
expect_contains "DELETE plan 409: counts the tool" "$(jqb .error.message)" "1 tool(s)"
api POST $V/steps "{\"plan_id\":$YARD,\"name\":\"Fence\"}"
FENCE=$(jqb .id)
api POST $V/tools "{\"name\":\"Post driver\",\"step_id\":$FENCE}"
api DELETE $V/steps/$FENCE
expect_error "DELETE step with a tool" 409 id
api DELETE $V/tools/$SPARE
expect_status "DELETE tool: 204" 204
expect_eq "DELETE tool: row gone" 0 "$(sql "SELECT count(*) FROM tool WHERE id = $SPARE")"

# a step without entries or tools goes, and its dependencies with it
api DELETE $V/steps/$SHIP
expect_status "DELETE step: 204" 204
expect_eq "DELETE step: row gone" 0 "$(sql "SELECT count(*) FROM step WHERE id = $SHIP")"
api POST $V/steps "{\"plan_id\":$LAUNCH,\"name\":\"Party\"}"
PARTY=$(jqb .id)
api POST $V/steps/$PARTY/deps "{\"on\":$BUILD}"
api DELETE $V/steps/$PARTY
expect_status "DELETE step with a dependency: 204" 204
expect_eq "DELETE step: its dependencies are gone" 0 \
	"$(sql "SELECT count(*) FROM step_dep WHERE step_id = $PARTY OR depends_on = $PARTY")"

api POST $V/plans "{\"name\":\"Empty\",\"unit_id\":$SALES,\"start_date\":\"2027-03-01\"}"
EMPTY=$(jqb .id)
api DELETE $V/plans/$EMPTY
expect_status "DELETE plan: 204" 204
expect_eq "DELETE plan: row gone" 0 "$(sql "SELECT count(*) FROM plan WHERE id = $EMPTY")"
api DELETE $V/units/$DEPOT
expect_error "DELETE unit with a plan and a person" 409 id
expect_contains "DELETE unit 409: counts the plan" "$(jqb .error.message)" "1 plan(s)"
api DELETE $V/people/$ANN
expect_error "DELETE person owning a plan" 409 id
expect_contains "DELETE person 409: counts the plan" "$(jqb .error.message)" "owns 1 plan(s)"

stop_server
expect_eq "server stops cleanly" 0 "$SERVER_RC"

# --- paging and counting on the demo with 150 steps ----------------------------------------------

DB=$(newdb demo)
export TANDEM_DB=$DB
t demo --steps 150 --today 2026-11-27
expect_rc "seed the demo with 150 steps" 0
start_server || { fail "server starts on the demo" "$(cat "$TMP/server.err")"; finish; exit 1; }
expect_eq "the demo has 150 steps" 150 "$(sql "SELECT count(*) FROM step")"

# ids in order, as sqlite3 (or psql) sees them, for the paging checks
ids() { sql "SELECT id FROM step ORDER BY id LIMIT $1 OFFSET $2" | join_lines ,; }

api GET $V/steps
expect_status "GET steps on the demo" 200
expect_jq "default page: 100 of 150" '[.count, .limit, .offset] | join(",")' "100,100,0"
expect_jq "default page: the first 100 ids" '[.items[].id] | join(",")' "$(ids 100 0)"
api GET "$V/steps?offset=100"
expect_jq "second default page: the last 50" '[.count, .limit, .offset] | join(",")' "50,100,100"
expect_jq "second default page: ids" '[.items[].id] | join(",")' "$(ids 100 100)"
api GET "$V/steps?limit=7&offset=140"
expect_jq "limit 7 offset 140" '[.count, .limit, .offset] | join(",")' "7,7,140"
expect_jq "limit 7 offset 140: ids" '[.items[].id] | join(",")' "$(ids 7 140)"
api GET "$V/steps?limit=1000"
expect_jq "limit over the total: all 150" .count 150
api GET "$V/steps?limit=0"
expect_jq "limit 0: none" '[.count, .limit] | join(",")' "0,0"
api GET "$V/steps?offset=150"
expect_jq "offset at the end: none" .count 0
api GET "$V/time-entries"
expect_jq "time entries: default page of 100" '[.count, .limit] | join(",")' "100,100"
expect_eq "time entries: total_minutes covers every entry, not the page" \
	"$(sql "SELECT sum(minutes) FROM time_entry")" "$(jqb .total_minutes)"

# /steps/count against sqlite3 (or psql), filter by filter
api GET $V/steps/count
expect_status "GET steps/count" 200
expect_body "steps/count: all (we seeded 150)" '{"count":150}'

PLAN=$(sql "SELECT plan_id FROM step GROUP BY plan_id ORDER BY count(*) DESC, plan_id LIMIT 1")
WHO=$(sql "SELECT assignee_id FROM step WHERE assignee_id IS NOT NULL GROUP BY assignee_id ORDER BY count(*) DESC, assignee_id LIMIT 1")
DAY=$(sql "SELECT due FROM step WHERE due IS NOT NULL GROUP BY due ORDER BY count(*) DESC, due LIMIT 1")
OPERATIONS=$(sql "SELECT id FROM unit WHERE name = 'Operations'")
ROOT=$(sql "SELECT id FROM unit WHERE parent_id IS NULL")
# a unit's subtree, walked by sqlite3 (or psql) itself
subtree_steps() {
	sql "WITH RECURSIVE sub(id) AS (SELECT CAST($1 AS BIGINT) UNION SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id)
	     SELECT count(*) FROM step s JOIN plan p ON p.id = s.plan_id WHERE p.unit_id IN (SELECT id FROM sub) $2"
}
expect_count() {	# NAME QUERY EXPECTED: /steps/count and the list agree with EXPECTED
	api GET "$V/steps/count?$2"
	expect_status "$1: 200" 200
	expect_jq "$1: count" .count "$3"
	api GET "$V/steps?$2&limit=1000"
	expect_jq "$1: the list has as many" .count "$3"
}
expect_count "count by plan_id" "plan_id=$PLAN" "$(sql "SELECT count(*) FROM step WHERE plan_id = $PLAN")"
expect_count "count by assignee_id" "assignee_id=$WHO" "$(sql "SELECT count(*) FROM step WHERE assignee_id = $WHO")"
for st in todo doing done blocked; do
	expect_count "count by status=$st" "status=$st" "$(sql "SELECT count(*) FROM step WHERE status = '$st'")"
done
expect_count "count by due_before (strictly before)" "due_before=$DAY" "$(sql "SELECT count(*) FROM step WHERE due < '$DAY'")"
expect_eq "due_before boundary: some steps are due on that very day" 1 \
	"$(sql "SELECT CASE WHEN count(*) > 0 THEN 1 ELSE 0 END FROM step WHERE due = '$DAY'")"
expect_count "count by unit_id: Operations and its subtree" "unit_id=$OPERATIONS" "$(subtree_steps "$OPERATIONS" "")"
expect_eq "Operations has a child unit with plans (the subtree matters)" 1 \
	"$(sql "SELECT CASE WHEN count(*) > 0 THEN 1 ELSE 0 END FROM plan p JOIN unit u ON u.id = p.unit_id WHERE u.parent_id = $OPERATIONS")"
expect_count "count by unit_id: the root is everything" "unit_id=$ROOT" 150
expect_count "count by plan_id and status" "plan_id=$PLAN&status=done" \
	"$(sql "SELECT count(*) FROM step WHERE plan_id = $PLAN AND status = 'done'")"
expect_count "count by unit_id, status and due_before" "unit_id=$OPERATIONS&status=todo&due_before=$DAY" \
	"$(subtree_steps "$OPERATIONS" "AND s.status = 'todo' AND s.due < '$DAY'")"
expect_count "count by an unused assignee" "assignee_id=999999" 0

stop_server
expect_eq "server stops cleanly (demo)" 0 "$SERVER_RC"
finish
