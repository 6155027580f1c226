#!/usr/bin/env bash
# tests/api/targets.sh: the calendar and targets over HTTP: the JSON
# routes walked with every role, the status worked by hand, refusals that
# write nothing, and the pages (/calendar, /targets, a target's chart and
# forms, days off in the Gantt chart).
#
# The demo organization (see tests/api/access.sh): units 1 Northwind Ltd
# { 2 Operations { 5 Logistics }, 3 Product { 6 Engineering }, 4 Sales };
# admin Ada (person 1), manager Ben (2, unit 2: reads and writes 2, 5),
# member Kemi (11, unit 2: reads 2, 5), viewer Grace (7, unit 3: reads
# 3, 6). The demo's targets: 1 Sales, 2 Engineering, 3 Northwind Ltd,
# 4 Logistics, 5 Operations (served by no plan); holidays New Year's Day,
# Christmas Day and Boxing Day of the demo's year.
. "$(dirname "$0")/../lib.sh"

run "$TANDEM" demo --today 2026-11-27
expect_rc "demo" 0
# the status checks below take the default tolerance, 80 %
sql "DELETE FROM tolerance WHERE rule = 'target'"
sql "DELETE FROM setting WHERE key = 'tolerance.target'"
role_tokens targets
start_server || { fail "server starts"; finish; exit 1; }
V=/api/v1


# --- the demo's records ---------------------------------------------------------
expect_eq "the demo's holidays" "2026-01-01|New Year's Day
2026-12-25|Christmas Day
2026-12-26|Boxing Day" "$(sql 'SELECT day, name FROM holiday ORDER BY day')"
# the demo's five, and four of Engineering's that no plan serves (the
# balance demo's overled unit: direction without plans)
expect_eq "nine targets, five with no plan" "9|5" \
	"$(sql 'SELECT count(*), sum(CASE WHEN NOT EXISTS (SELECT 1 FROM plan_target p WHERE p.target_id = t.id) THEN 1 ELSE 0 END) FROM target t')"
expect_eq "4 to 8 values each" "4|8" \
	"$(sql 'SELECT min(n), max(n) FROM (SELECT count(*) AS n FROM target_value GROUP BY target_id) AS c')"

# --- reads: every role sees its units' targets ----------------------------------
for role in $ROLES; do
	case $role in admin) n=9 ;; manager | member) n=2 ;; viewer) n=5 ;; esac
	as $role GET "$V/targets"
	expect_eq "$role sees $n targets" $n "$(jqb .count)"
done
as manager GET "$V/targets"
expect_eq "the manager's are 4 (Logistics) and 5 (Operations)" "4,5" "$(jqb '[.items[].id] | join(",")')"
as viewer GET "$V/targets"
expect_eq "the viewer's are Engineering's: 2 and 6-9" "2,6,7,8,9" "$(jqb '[.items[].id] | join(",")')"
walk GET "$V/targets?unit_id=5" "" 200 200 200 404
walk GET "$V/targets?unit_id=4" "" 200 404 404 404
walk GET "$V/targets/4" "" 200 200 200 404
walk GET "$V/targets/2" "" 200 404 404 200
walk GET "$V/targets/99" "" 404 404 404 404
walk GET "$V/calendar" "" 200 200 200 200
STATUS=$(curl -q -s -o /dev/null -w '%{http_code}' "$URL$V/targets")
expect_eq "no credentials: 401" 401 "$STATUS"

# --- writes --------------------------------------------------------------------
walk PATCH "$V/targets/4" '{"measure":"%"}' 200 200 403 404
walk PATCH "$V/targets/1" '{"measure":"%"}' 200 404 404 404
walk POST "$V/targets" '{"name":"Dock time","baseline":30,"goal":20,"from":"2026-01-01","to":"2026-12-31","unit_id":5}' 201 201 403 404
walk POST "$V/targets/4/values" '{"value":95,"day":"2026-11-20"}' 201 201 403 404
walk POST "$V/targets/2/values" '{"value":15,"day":"2026-11-20"}' 201 404 404 403
walk PATCH "$V/calendar" '{"workdays":"12345"}' 200 403 403 403
walk POST "$V/calendar/holidays" '{"day":"2026-05-01","name":"Labour Day"}' 201 403 403 403
walk DELETE "$V/calendar/holidays?day=2026-05-01" "" 204 403 403 403
# plans: the manager links only a plan they can read
walk POST "$V/targets/5/plans" '{"plan_id":1}' 200 409 403 404
as admin DELETE "$V/targets/5/plans/1"
expect_eq "unlink: 204" 204 "$STATUS"
as manager POST "$V/targets/5/plans" '{"plan_id":2}'
expect_eq "a plan the manager cannot read: 404" "404 plan_id" "$STATUS $(jqb .error.field)"
as manager POST "$V/targets/5/plans" '{"plan_id":4}'
expect_eq "the manager links plan 4" "200 4" "$STATUS $(jqb '[.plans[].id] | join(",")')"
as manager DELETE "$V/targets/5/plans/4"
expect_eq "the manager unlinks it" 204 "$STATUS"
as manager DELETE "$V/targets/5/plans/4"
expect_eq "unlinking twice: 404" "404 plan_id" "$STATUS $(jqb .error.field)"
walk DELETE "$V/targets/1" "" 204 404 404 404

# --- the status, worked by hand ---------------------------------------------------
# In Operations (unit 2): baseline 0, goal 200, 2026-01-01 .. 2026-01-11
# (10 days). 50 on 01-06: progress 50 / 200 = 25 %; as of 01-06 expected
# 5 / 10 = 50 %; 25 < 50 x 80 % = 40: off track. 90 on 01-06 later:
# 45 % >= 40: on track.
as manager POST "$V/targets" '{"name":"Tickets closed","measure":"tickets","baseline":0,"goal":200,"from":"2026-01-01","to":"2026-01-11","unit_id":2,"owner_id":2}'
expect_eq "POST: 201" 201 "$STATUS"
T=$(jqb .id)
expect_contains "POST: Location" "$HEADERS" "Location: /api/v1/targets/$T"
expect_eq "a new target has no data" "null no data 0 0" "$(jqb '"\(.current) \(.status) \(.values | length) \(.plans | length)"')"
as manager POST "$V/targets/$T/values" '{"value":50,"day":"2026-01-06","note":"week 1"}'
expect_eq "record: 201" 201 "$STATUS"
as manager GET "$V/targets/$T?as_of=2026-01-06"
expect_eq "25 % of the way, 50 % expected: off track" "50 25 50 80 off track" \
	"$(jqb '"\(.current) \(.progress) \(.expected) \(.tolerance) \(.status)"')"
as manager POST "$V/targets/$T/values" '{"value":90,"day":"2026-01-06"}'
as manager GET "$V/targets/$T?as_of=2026-01-06"
expect_eq "45 %: on track" "90 45 on track" "$(jqb '"\(.current) \(.progress) \(.status)"')"
expect_eq "the history" "2026-01-06:50:week 1,2026-01-06:90:" \
	"$(jqb '[.values[] | "\(.day):\(.value):\(.note)"] | join(",")')"
as manager GET "$V/targets?unit_id=2&as_of=2026-01-06"
expect_eq "the listing has it with its status" "on track" \
	"$(jqb ".items[] | select(.id == $T) | .status")"

# --- refusals write nothing ----------------------------------------------------------
before=$(dbsum "$DB" target target_value plan_target holiday setting)
as manager POST "$V/targets" '{"name":"Bad","baseline":1,"goal":2,"from":"2026-02-01","to":"2026-01-01","unit_id":2}'
expect_eq "a period ending before it starts: 400 naming to" "400 to" "$STATUS $(jqb .error.field)"
as manager POST "$V/targets" '{"name":"Bad","baseline":2,"goal":2,"from":"2026-01-01","to":"2026-02-01","unit_id":2}'
expect_eq "goal = baseline: 400 naming goal" "400 goal" "$STATUS $(jqb .error.field)"
as manager POST "$V/targets" '{"name":"Bad","baseline":"x","goal":2,"from":"2026-01-01","to":"2026-02-01","unit_id":2}'
expect_eq "a baseline that is no number: 400" "400 baseline" "$STATUS $(jqb .error.field)"
as manager POST "$V/targets" '{"name":"Bad","baseline":1.234,"goal":2,"from":"2026-01-01","to":"2026-02-01","unit_id":2}'
expect_eq "three decimals: 400" "400 baseline" "$STATUS $(jqb .error.field)"
as manager POST "$V/targets" '{"name":"Bad","baseline":1,"goal":2,"from":"2026-01-01","to":"2026-02-01","unit_id":2,"owner_id":9999}'
expect_eq "an unknown owner: 404" "404 owner_id" "$STATUS $(jqb .error.field)"
as manager POST "$V/targets" '{"name":"Bad","baseline":1,"goal":2,"from":"2026-01-01","to":"2026-02-01","unit_id":2,"colour":"red"}'
expect_eq "an unknown key: 400" "400 colour" "$STATUS $(jqb .error.field)"
as manager POST "$V/targets/$T/values" '{"value":10,"day":"2026-02-01"}'
expect_eq "a value outside the period: 400 naming day" "400 day" "$STATUS $(jqb .error.field)"
expect_contains "it says the period" "$(jqb .error.message)" "outside the target's period, 2026-01-01 to 2026-01-11"
as manager POST "$V/targets/$T/values" '{"day":"2026-01-02"}'
expect_eq "no value: 400" "400 value" "$STATUS $(jqb .error.field)"
as manager PATCH "$V/targets/$T" '{"goal":0}'
expect_eq "PATCH: goal = baseline: 400" "400 goal" "$STATUS $(jqb .error.field)"
as manager POST "$V/targets/$T/plans" '{"plan_id":99999}'
expect_eq "an unknown plan: 404" "404 plan_id" "$STATUS $(jqb .error.field)"
as manager POST "$V/targets/$T/plans" '{}'
expect_eq "no plan_id: 400" "400 plan_id" "$STATUS $(jqb .error.field)"
as admin POST "$V/calendar/holidays" '{"day":"2026-12-25","name":"Again"}'
expect_eq "a day that is a holiday: 409" "409 day" "$STATUS $(jqb .error.field)"
as admin POST "$V/calendar/holidays" '{"day":"2026-02-30","name":"Nope"}'
expect_eq "an impossible day: 400" "400 day" "$STATUS $(jqb .error.field)"
as admin POST "$V/calendar/holidays" '{"day":"2026-03-04"}'
expect_eq "no name: 400" "400 name" "$STATUS $(jqb .error.field)"
as admin DELETE "$V/calendar/holidays?day=2026-03-04"
expect_eq "removing a day that is no holiday: 404" "404 day" "$STATUS $(jqb .error.field)"
as admin DELETE "$V/calendar/holidays"
expect_eq "removing without a day: 400" "400 day" "$STATUS $(jqb .error.field)"
as admin PATCH "$V/calendar" '{"workdays":"funday"}'
expect_eq "an unknown day: 400" "400 workdays" "$STATUS $(jqb .error.field)"
as admin PATCH "$V/calendar" '{"workdays":""}'
expect_eq "an empty week: 400" "400 workdays" "$STATUS $(jqb .error.field)"
expect_eq "no refusal wrote anything" "$before" "$(dbsum "$DB" target target_value plan_target holiday setting)"

# --- the calendar over the API -----------------------------------------------------
as admin PATCH "$V/calendar" '{"workdays":"mon,tue,wed,thu"}'
expect_eq "PATCH the week" "200 1234" "$STATUS $(jqb .workdays)"
expect_eq "stored" 1234 "$(sql "SELECT value FROM setting WHERE key = 'workdays'")"
as admin PATCH "$V/calendar" '{"workdays":"12345"}'
as admin POST "$V/calendar/holidays" '{"day":"2026-03-03","name":"Founders'"'"' day"}'
expect_eq "POST a holiday" 201 "$STATUS"
as viewer GET "$V/calendar?year=2026"
expect_eq "GET the calendar of a year" "12345 2026-01-01,2026-03-03,2026-12-25,2026-12-26" \
	"$(jqb '"\(.workdays) \([.holidays[].day] | join(","))"')"

# --- pages ---------------------------------------------------------------------------
as viewer GET "/calendar?year=2026"
expect_eq "the calendar page" 200 "$STATUS"
expect_contains "it has the year's grid" "$BODY" '<table class="cal-month"><caption>March</caption>'
expect_contains "a holiday is marked with its name" "$BODY" "title=\"2026-03-03: Founders&#39; day\">3</td>"
expect_contains "a Saturday is a day off" "$BODY" '<td class="cal-off">7</td>'
expect_not_contains "a viewer gets no form" "$BODY" 'action="/calendar/holidays"'
as admin GET "/calendar?year=2026"
expect_contains "the admin gets the form" "$BODY" 'action="/calendar/holidays"'
form manager /calendar/holidays "day=2026-04-06&name=Easter+Monday"
expect_eq "a manager may not add a holiday" 403 "$STATUS"
form admin /calendar/holidays "day=2026-04-31&name=Nope"
expect_eq "a bad day: the form again, 400" 400 "$STATUS"
expect_contains "with the error beside the day" "$BODY" "must be a date as YYYY-MM-DD"
form admin /calendar/holidays "day=2026-04-06&name=Easter+Monday"
expect_eq "the form adds a holiday" 303 "$STATUS"
expect_contains "and goes back to its year" "$HEADERS" "Location: /calendar?year=2026"
form admin /calendar/holidays/delete "day=2026-04-06"
expect_eq "the form removes it" "303 0" "$STATUS $(sql "SELECT count(*) FROM holiday WHERE day = '2026-04-06'")"

as manager GET "/targets"
expect_eq "the targets page" 200 "$STATUS"
expect_contains "it lists Onboarding time" "$BODY" ">Onboarding time</a>"
expect_contains "it says no plan" "$BODY" '<span class="tg-noplan">no plan</span>'
expect_not_contains "not another unit's target" "$BODY" "Release lead time"
as manager GET "/targets?format=csv"
# the manager's units 2 and 5 hold 4, 5, two "Dock time" and "Tickets closed"
expect_eq "CSV: a header and a line per target" "$(($(sql 'SELECT count(*) FROM target WHERE unit_id IN (2, 5)') + 1))" \
	"$(printf '%s\n' "$BODY" | grep -c .)"
expect_eq "that is 5 targets" 5 "$(sql 'SELECT count(*) FROM target WHERE unit_id IN (2, 5)')"
as manager GET "/targets/4"
expect_eq "a target's page" 200 "$STATUS"
expect_contains "its chart" "$BODY" '<svg xmlns="http://www.w3.org/2000/svg" class="tg-chart"'
expect_contains "the expected line" "$BODY" '<line class="tg-expected"'
npoints=$(printf '%s' "$BODY" | grep -o '<circle class="tg-point"' | wc -l | tr -d ' ')
expect_eq "a point per recorded value" "$(sql 'SELECT count(*) FROM target_value WHERE target_id = 4')" "$npoints"
expect_contains "the record form" "$BODY" 'action="/targets/4/values"'
expect_contains "the link form" "$BODY" 'action="/targets/4/plans"'
as member GET "/targets/4"
expect_not_contains "a member gets no record form" "$BODY" 'action="/targets/4/values"'
form manager /targets/4/values "value=97&day=2027-12-01&note="
expect_eq "a day outside the period: 400" 400 "$STATUS"
expect_contains "with the message" "$BODY" "outside the target&#39;s period"
n=$(sql 'SELECT count(*) FROM target_value WHERE target_id = 4')
form manager /targets/4/values "value=97.5&day=2026-11-26&note=from+the+form"
expect_eq "the record form records" "303 $((n + 1))" "$STATUS $(sql 'SELECT count(*) FROM target_value WHERE target_id = 4')"
expect_eq "x100" 9750 "$(sql "SELECT value FROM target_value WHERE note = 'from the form'")"
form manager /targets "name=Pallets&measure=&baseline=10&goal=20&from=2026-01-01&to=2026-12-31&unit_id=5&owner_id="
expect_eq "the create form" 303 "$STATUS"
P=$(sql "SELECT id FROM target WHERE name = 'Pallets'")
expect_contains "to the new target" "$HEADERS" "Location: /targets/$P"
form manager "/targets/$P" "name=Pallets&measure=&baseline=10&goal=10&from=2026-01-01&to=2026-12-31&unit_id=5&owner_id="
expect_eq "the edit form refuses goal = baseline" 400 "$STATUS"
expect_contains "beside the goal" "$BODY" "must differ from the baseline"
as member GET "/targets/new"
expect_eq "a member may not open the new form" 403 "$STATUS"
form member /targets "name=X&baseline=1&goal=2&from=2026-01-01&to=2026-12-31&unit_id=5"
expect_eq "nor send it" 403 "$STATUS"
form manager /targets/5/plans "plan_id=4"
expect_eq "the link form" "303 1" "$STATUS $(sql 'SELECT count(*) FROM plan_target WHERE target_id = 5 AND plan_id = 4')"
form manager /targets/5/plans/4/delete ""
expect_eq "the unlink form" "303 0" "$STATUS $(sql 'SELECT count(*) FROM plan_target WHERE target_id = 5 AND plan_id = 4')"

# --- the Gantt chart counts the calendar's working days -------------------------------
# A plan in Operations from Mon 2026-03-02 with X (3 working days); Tue
# 03-03 is a holiday (above): X runs Mon 2, Wed 4, Thu 5.
as manager POST "$V/plans" '{"name":"Holiday plan","unit_id":2,"start_date":"2026-03-02"}'
PL=$(jqb .id)
as manager POST "$V/steps" "{\"name\":\"X\",\"plan_id\":$PL,\"duration_days\":3}"
as manager GET "/plans/$PL"
expect_contains "the bar ends a day later" "$BODY" "<title>X: 2026-03-02 to 2026-03-05, todo"
expect_contains "days off are shaded" "$BODY" '<g class="cal-off">'

finish
