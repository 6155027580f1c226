#!/usr/bin/env bash
# api/budgets: /api/v1/budgets (+/:id, /actual) and /api/v1/expenses
# (+/:id), the new step and time entry fields (pct, activity, cost) and a
# plan's progress, walked with each role on the demo organization (see
# tests/api/access.sh for who is who):
#   manager Ben (person 2): units 2, 5; member Kemi (11): reads 2, 5;
#   viewer Grace (7): reads 3, 6. Plan 1 is unit 2's, plan 2 unit 3's,
#   plan 4 unit 5's.
# A record outside what a role reads is 404; one it reads but may not
# change is 403.
. "$(dirname "$0")/../lib.sh"

run "$TANDEM" demo --today 2026-11-27
expect_rc "demo" 0
PW=correct-horse-battery
declare -A TOK
for spec in admin:1 manager:2 member:11 viewer:7; do
	role=${spec%%:*}
	person=${spec#*:}
	TANDEM_PASSWORD=$PW run "$TANDEM" --db "$DB" user add --person "$person" --role "$role"
	id=$(sql "SELECT id FROM account WHERE person_id = $person")
	TOK[$role]=$("$TANDEM" --db "$DB" token add --user "$id" --name budgets | tail -n 1)
done
start_server || { fail "server starts"; finish; exit 1; }
V=/api/v1
ROLES="admin manager member viewer"

as() {	# ROLE METHOD PATH [BODY]: $STATUS, $BODY
	local role=$1 method=$2 path=$3
	local args=(-q -s -o "$TMP/body" -w '%{http_code}' -X "$method" -H "Authorization: Bearer ${TOK[$role]}")
	[ $# -ge 4 ] && args+=(-H 'Content-Type: application/json' --data-binary "$4")
	STATUS=$(curl "${args[@]}" "$URL$path")
	BODY=$(cat "$TMP/body")
}
walk() {	# METHOD PATH BODY ADMIN MANAGER MEMBER VIEWER
	local method=$1 path=$2 body=$3
	shift 3
	local role
	for role in $ROLES; do
		if [ -n "$body" ]; then as "$role" "$method" "$path" "$body"; else as "$role" "$method" "$path"; fi
		expect_eq "$role: $method $path" "$1" "$STATUS"
		shift
	done
}
id_of() {	# the id in "... N added"
	sed -n 's/.* \([0-9][0-9]*\) added$/\1/p'
}

start1=$(sql "SELECT start_date FROM plan WHERE id = 1")
start2=$(sql "SELECT start_date FROM plan WHERE id = 2")
start4=$(sql "SELECT start_date FROM plan WHERE id = 4")
B1=$("$TANDEM" --db "$DB" budget add --plan 1 --category labour --amount 10 | id_of)
B2=$("$TANDEM" --db "$DB" budget add --plan 2 --category labour --amount 10 | id_of)
X1=$("$TANDEM" --db "$DB" expense add --plan 1 --category other --amount 1 --day "$start1" | id_of)
X2=$("$TANDEM" --db "$DB" expense add --plan 2 --category other --amount 1 --day "$start2" | id_of)
[ -n "$B1" ] && [ -n "$B2" ] && [ -n "$X1" ] && [ -n "$X2" ] && pass || fail "fixture ids"

# --- reads ---------------------------------------------------------------------
walk GET "$V/budgets/$B1" "" 200 200 200 404
walk GET "$V/budgets/$B2" "" 200 404 404 200
walk GET "$V/expenses/$X1" "" 200 200 200 404
walk GET "$V/expenses/$X2" "" 200 404 404 200
walk GET "$V/budgets/actual?plan_id=1" "" 200 200 200 404
walk GET "$V/budgets/actual?plan_id=2" "" 200 404 404 200
walk GET "$V/budgets/actual?unit_id=3" "" 200 404 404 200
walk GET "$V/budgets/actual?unit_id=5" "" 200 200 200 404
walk GET "$V/budgets/999999" "" 404 404 404 404
for role in $ROLES; do
	case $role in
	admin) units="SELECT id FROM unit" ;;
	manager | member) units="2, 5" ;;
	viewer) units="3, 6" ;;
	esac
	as $role GET "$V/budgets?limit=1000"
	expect_eq "$role lists the budget lines of their units" \
		"$(sql "SELECT count(*) FROM budget WHERE unit_id IN ($units)")" "$(jqb .count)"
	as $role GET "$V/expenses?limit=1000"
	expect_eq "$role lists the expenses of their units' plans" \
		"$(sql "SELECT count(*) FROM expense x JOIN plan p ON p.id = x.plan_id WHERE p.unit_id IN ($units)")" "$(jqb .count)"
done
walk GET "$V/budgets?unit_id=3" "" 200 404 404 200

# --- writes ----------------------------------------------------------------------
walk PATCH "$V/budgets/$B1" '{"amount":11}' 200 200 403 404
walk PATCH "$V/budgets/$B2" '{"amount":11}' 200 404 404 403
walk PATCH "$V/expenses/$X1" '{"note":"taxi"}' 200 200 403 404
walk PATCH "$V/expenses/$X2" '{"note":"taxi"}' 200 404 404 403
walk POST "$V/budgets" '{"plan_id":4,"category":"other","amount":1}' 201 201 403 404
walk POST "$V/budgets" '{"plan_id":2,"category":"other","amount":1}' 201 404 404 403
walk POST "$V/budgets" '{"unit_id":5,"category":"other","amount":1,"from":"2027-01-01","to":"2027-12-31"}' 201 201 403 404
# unit 1 (the top) is outside what the others read: 404, as if it did not exist
walk POST "$V/budgets" '{"unit_id":1,"category":"other","amount":1,"from":"2027-01-01","to":"2027-12-31"}' 201 404 404 404
walk POST "$V/expenses" "{\"plan_id\":4,\"category\":\"tools\",\"amount\":2,\"day\":\"$start4\"}" 201 201 403 404
walk POST "$V/expenses" "{\"plan_id\":2,\"category\":\"tools\",\"amount\":2,\"day\":\"$start2\"}" 201 404 404 403
# the admin moves a line of plan 1 to plan 2 (unit 3) first: the line is
# then outside what the manager and the member read, and the viewer's to
# read only; then it moves back
walk PATCH "$V/budgets/$B1" '{"plan_id":2}' 200 404 404 403
walk PATCH "$V/budgets/$B1" '{"plan_id":1}' 200 200 403 404
for role in $ROLES; do
	b=$("$TANDEM" --db "$DB" budget add --plan 4 --category other --amount 1 | id_of)
	x=$("$TANDEM" --db "$DB" expense add --plan 4 --category other --amount 1 --day "$start4" | id_of)
	case $role in admin | manager) w=204 ;; member) w=403 ;; viewer) w=404 ;; esac
	as $role DELETE "$V/budgets/$b"
	expect_eq "$role: DELETE a budget line of plan 4" $w "$STATUS"
	as $role DELETE "$V/expenses/$x"
	expect_eq "$role: DELETE an expense of plan 4" $w "$STATUS"
done

# --- bad input: the field named, nothing written -------------------------------------
before=$(dbsum)
bad() {	# PATH BODY FIELD
	as admin POST "$1" "$2"
	expect_eq "POST $1 $2" "400 $3" "$STATUS $(jqb .error.field)"
}
bad "$V/budgets" '{"plan_id":1,"category":"labour","amount":-1}' amount
bad "$V/budgets" '{"plan_id":1,"category":"labour","amount":"ten"}' amount
bad "$V/budgets" '{"plan_id":1,"category":"food","amount":1}' category
bad "$V/budgets" '{"plan_id":1,"unit_id":2,"category":"labour","amount":1}' unit_id
bad "$V/budgets" '{"unit_id":2,"category":"labour","amount":1}' from
bad "$V/budgets" '{"unit_id":2,"category":"labour","amount":1,"from":"2027-02-01","to":"2027-01-01"}' to
bad "$V/budgets" '{"plan_id":1,"category":"labour","amount":1,"color":"red"}' color
bad "$V/expenses" "{\"plan_id\":1,\"category\":\"other\",\"amount\":0,\"day\":\"$start1\"}" amount
bad "$V/expenses" '{"plan_id":1,"category":"other","amount":1,"day":"1999-01-01"}' day
bad "$V/expenses" "{\"plan_id\":1,\"step_id\":17,\"category\":\"other\",\"amount\":1,\"day\":\"$start1\"}" step_id
as admin PATCH "$V/steps/1" '{"pct":101}'
expect_eq "pct over 100" "400 pct" "$STATUS $(jqb .error.field)"
as admin PATCH "$V/steps/1" '{"activity":"meetings"}'
expect_eq "an unknown class" "400 activity" "$STATUS $(jqb .error.field)"
as admin GET "$V/budgets/actual"
expect_eq "actual without a plan or unit" "400 plan_id" "$STATUS $(jqb .error.field)"
as admin GET "$V/budgets/actual?plan_id=1&to=nope"
expect_eq "actual with a bad day" "400 to" "$STATUS $(jqb .error.field)"
expect_eq "no refused request wrote anything" "$before" "$(dbsum)"

# --- figures by hand ------------------------------------------------------------------
# a fresh plan C in unit 5 from 2026-12-01 with one step; Kemi (11) at
# 30.00/h logs 30 minutes through the API as "aligning":
#   cost (30 x 3000 + 30) / 60 = 1500 -> 15.00
# budget: labour 100.00, tools 50.00; a tool of 20.00; an expense other 7.50
#   labour 100.00 / 15.00, tools 50.00 / 20.00, other 0 / 7.50
#   total 150.00 against 42.50: 107.50 left
"$TANDEM" --db "$DB" person set 11 --rate 30 >/dev/null
C=$("$TANDEM" --db "$DB" plan add C --unit 5 --start-date 2026-12-01 | id_of)
S=$("$TANDEM" --db "$DB" step add Work --plan "$C" --estimate-hours 4 | id_of)
as member POST "$V/time-entries" "{\"person_id\":11,\"step_id\":$S,\"day\":\"2026-12-01\",\"minutes\":30,\"activity\":\"aligning\"}"
expect_eq "the member logs time with a class" "201 15 aligning" "$STATUS $(jqb .cost) $(jqb .activity)"
as manager POST "$V/budgets" "{\"plan_id\":$C,\"category\":\"labour\",\"amount\":100}"
expect_eq "the plan's unit is filled in" "201 5" "$STATUS $(jqb .unit_id)"
as manager POST "$V/budgets" "{\"plan_id\":$C,\"category\":\"tools\",\"amount\":50,\"note\":\"kit\"}"
as manager POST "$V/tools" "{\"name\":\"Kit\",\"cost\":20,\"plan_id\":$C}"
as manager POST "$V/expenses" "{\"plan_id\":$C,\"step_id\":$S,\"category\":\"other\",\"amount\":7.5,\"day\":\"2026-12-02\"}"
expect_eq "expense created" "201 7.5 $S" "$STATUS $(jqb .amount) $(jqb .step_id)"
as viewer GET "$V/budgets/actual?plan_id=$C"
expect_eq "the viewer does not see unit 5's plan" 404 "$STATUS"
as member GET "$V/budgets/actual?plan_id=$C"
expect_eq "budget against actual, by hand" "200 150 42.5 107.5 labour:100:15,tools:50:20,other:0:7.5" \
	"$STATUS $(jqb '"\(.budget) \(.actual) \(.variance) \([.lines[] | "\(.category):\(.budget):\(.actual)"] | join(","))"')"
as member GET "$V/budgets/actual?plan_id=$C&from=2026-12-02"
expect_eq "the entry of 12-01 is before the period" "0 7.5" "$(jqb '"\(.lines[0].actual) \(.lines[2].actual)"')"
as manager PATCH "$V/steps/$S" '{"pct":40}'
expect_eq "PATCH pct" "200 40" "$STATUS $(jqb .pct)"
as member GET "$V/plans/$C"
expect_eq "the plan's progress (one step at 40)" "40" "$(jqb .progress)"
as member GET "$V/expenses?plan_id=$C"
expect_eq "expense listing with its total" "1 7.5" "$(jqb '"\(.count) \(.total)"')"

# --- pages ------------------------------------------------------------------------------
page() {	# METHOD PATH JAR [FORM]
	local args=(-q -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$1" -b "$3" -c "$3")
	[ $# -ge 4 ] && args+=(--data-binary "$4")
	STATUS=$(curl "${args[@]}" "$URL$2")
	BODY=$(cat "$TMP/body")
	LOCATION=$(tr -d '\r' <"$TMP/headers" | sed -n 's/^[Ll]ocation: //p')
}
csrf_of() {
	printf '%s' "$BODY" | grep -o 'name="csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'
}
signin() {	# PERSON JAR
	rm -f "$2"
	page GET /login "$2"
	local pre email
	pre=$(csrf_of)
	email=$(sql "SELECT email FROM person WHERE id = $1")
	page POST /login "$2" "csrf=$pre&login=$(jq -rn --arg v "$email" '$v | @uri')&password=$PW"
}
MJ=$TMP/manager.jar
signin 2 "$MJ"
expect_eq "the manager signs in" 303 "$STATUS"
page GET "/plans/$C" "$MJ"
expect_contains "the plan page's budget box (figures above; one step at 40 %)" "$BODY" \
	'<dt>Budget</dt><dd>150.00</dd><dt>Spent</dt><dd>42.50</dd><dt>Progress</dt><dd>40.00 %</dd>'
page GET "/steps/$S" "$MJ"
expect_contains "the step page shows progress and class" "$BODY" '<dt>Progress</dt><dd>40 %</dd><dt>Activity</dt><dd>the work itself</dd>'
page GET "/budgets?plan_id=$C" "$MJ"
expect_eq "/budgets for plan C" 200 "$STATUS"
expect_contains "the chart is inline SVG" "$BODY" '<svg xmlns="http://www.w3.org/2000/svg" class="cost-chart"'
# the hand-worked figures of plan C, in the table beside the chart
expect_contains "the table's total row" "$BODY" '<th scope="row">total</th><td class="num">150.00</td><td class="num">42.50</td><td class="num">107.50</td>'
expect_contains "a pair of bars per category" "$BODY" '<title>labour actual: 15.00</title>'
expect_eq "six bars and the two keys" 8 "$(printf '%s' "$BODY" | grep -o '<rect class="cost-bar' | wc -l | tr -d ' ')"
expect_not_contains "no inline style" "$BODY" 'style="'
page GET "/budgets?plan_id=2" "$MJ"
expect_eq "another unit's plan is not found" 404 "$STATUS"
page GET "/budgets?plan_id=abc" "$MJ"
expect_eq "a bad plan id is 400" 400 "$STATUS"
page GET "/budgets?unit_id=5&format=csv" "$MJ"
expect_eq "budget lines as CSV" "id,unit_id,plan_id,plan,category,amount,from,to,note" "$(printf '%s' "$BODY" | head -n 1 | tr -d '\r')"
page GET /budgets/new "$MJ"
expect_eq "the new line form" 200 "$STATUS"
tok=$(csrf_of)
before=$(dbsum)
page POST /budgets "$MJ" "csrf=$tok&plan_id=$C&unit_id=&category=other&amount=-1&from=&to=&note="
expect_eq "a negative amount in the form is 400" 400 "$STATUS"
expect_contains "the message is beside the amount" "$BODY" 'id="f-amount-err">must be an amount'
page POST /budgets "$MJ" "csrf=$tok&plan_id=$C&unit_id=5&category=other&amount=1&from=&to=&note="
expect_eq "a plan and a unit in the form is 400" 400 "$STATUS"
expect_eq "no refused form wrote anything" "$before" "$(dbsum)"
page POST /budgets "$MJ" "csrf=$tok&plan_id=$C&unit_id=&category=other&amount=12.5&from=&to=&note=snacks"
expect_eq "the form adds a line" "303 /budgets?plan_id=$C" "$STATUS $LOCATION"
L=$(sql "SELECT max(id) FROM budget")
expect_eq "stored" "$C|other|1250|snacks" "$(sql "SELECT plan_id, category, amount_cents, note FROM budget WHERE id = $L")"
page GET "/budgets/$L/edit" "$MJ"
expect_eq "the edit form" 200 "$STATUS"
page POST "/budgets/$L" "$MJ" "csrf=$tok&plan_id=&unit_id=5&category=other&amount=12.5&from=2027-01-01&to=2027-01-31&note=snacks"
expect_eq "the form moves the line to a unit" "303 5||2027-01-01" "$STATUS $(sql "SELECT unit_id, plan_id, period_from FROM budget WHERE id = $L")"
page POST "/budgets/$L/delete" "$MJ" "csrf=$tok"
expect_eq "the line is removed" "303 0" "$STATUS $(sql "SELECT count(*) FROM budget WHERE id = $L")"

page GET "/expenses?plan_id=$C" "$MJ"
expect_eq "/expenses" 200 "$STATUS"
expect_contains "the list counts and totals" "$BODY" '1 expense, 7.50 in all'
expect_contains "the add form" "$BODY" 'action="/expenses"'
tok=$(csrf_of)
before=$(dbsum)
page POST /expenses "$MJ" "csrf=$tok&plan_id=$C&step_id=&category=other&amount=5&day=2026-01-01&note="
expect_eq "a day before the plan in the form is 400" 400 "$STATUS"
expect_contains "the message is beside the day" "$BODY" 'id="f-day-err">2026-01-01 is a date outside the plan'
expect_eq "the refused expense wrote nothing" "$before" "$(dbsum)"
page POST /expenses "$MJ" "csrf=$tok&plan_id=$C&step_id=$S&category=tools&amount=3&day=2026-12-03&note=tape"
expect_eq "the form adds an expense" "303 /expenses?plan_id=$C" "$STATUS $LOCATION"
X=$(sql "SELECT max(id) FROM expense")
expect_eq "stored" "$C|$S|tools|300|2026-12-03" "$(sql "SELECT plan_id, step_id, category, amount_cents, day FROM expense WHERE id = $X")"
page GET "/expenses/$X/edit" "$MJ"
expect_eq "the expense's edit form" 200 "$STATUS"
page POST "/expenses/$X" "$MJ" "csrf=$tok&plan_id=$C&step_id=&category=tools&amount=4&day=2026-12-03&note=tape"
expect_eq "the edit form clears the step" "303 |400" "$STATUS $(sql "SELECT step_id, amount_cents FROM expense WHERE id = $X")"
page POST "/expenses/$X/delete" "$MJ" "csrf=$tok"
expect_eq "the expense is removed" "303 0" "$STATUS $(sql "SELECT count(*) FROM expense WHERE id = $X")"

# the step form: pct and class; done with the pct left as it was is 100
page GET "/steps/$S/edit" "$MJ"
expect_contains "the step form has pct" "$BODY" 'name="pct"'
tok=$(csrf_of)
form="csrf=$tok&name=Work&assignee_id=&estimate_hours=4&duration_days=1&due="
page POST "/steps/$S" "$MJ" "$form&status=doing&pct=60&activity=controlling"
expect_eq "the form sets pct and class" "303 60|controlling" "$STATUS $(sql "SELECT pct, activity FROM step WHERE id = $S")"
page POST "/steps/$S" "$MJ" "$form&status=done&pct=60&activity=controlling"
expect_eq "done with pct unchanged is 100" "303 100|done" "$STATUS $(sql "SELECT pct, status FROM step WHERE id = $S")"
page POST "/steps/$S" "$MJ" "$form&status=done&pct=50&activity="
expect_eq "done with another pct is refused" 400 "$STATUS"
page POST "/steps/$S" "$MJ" "$form&status=doing&pct=100&activity="
expect_eq "reopened with pct left as it was starts at 0, class cleared" "303 0|" "$STATUS $(sql "SELECT pct, activity FROM step WHERE id = $S")"

VJ=$TMP/viewer.jar
signin 7 "$VJ"
page GET /budgets "$VJ"
expect_eq "the viewer reads /budgets" 200 "$STATUS"
expect_not_contains "the viewer gets no New button" "$BODY" 'href="/budgets/new"'
page GET /budgets/new "$VJ"
expect_eq "the viewer may not open the new form" 403 "$STATUS"
page GET "/budgets/$B1/edit" "$VJ"
expect_eq "a line outside the viewer's units is not found" 404 "$STATUS"
page GET "/budgets/$B2/edit" "$VJ"
expect_eq "a line the viewer reads is not theirs to change" 403 "$STATUS"
page GET "/expenses" "$VJ"
expect_not_contains "the viewer gets no add form" "$BODY" 'method="post" action="/expenses"'

# the timesheet: a row's activity class goes with the hours changed in it;
# Kemi (30.00/h) logs 1.5 h on 12-03: 90 x 3000 / 60 = 4500
KJ=$TMP/member.jar
signin 11 "$KJ"
page GET "/time?week=2026-11-30" "$KJ"
expect_eq "the member's timesheet" 200 "$STATUS"
tok=$(csrf_of)
before=$(dbsum)
page POST /time "$KJ" "csrf=$tok&week=2026-11-30&person_id=11&h-$S-2026-12-03=1.5&a-$S=bogus"
expect_eq "an unknown class in the timesheet is 400" 400 "$STATUS"
expect_eq "the refused week wrote nothing" "$before" "$(dbsum)"
page POST /time "$KJ" "csrf=$tok&week=2026-11-30&person_id=11&h-$S-2026-12-03=1.5&a-$S=direction"
expect_eq "the week is saved" 303 "$STATUS"
expect_eq "the entry has the row's class and its cost" "90|direction|4500" \
	"$(sql "SELECT minutes, activity, cost_cents FROM time_entry WHERE person_id = 11 AND step_id = $S AND day = '2026-12-03'")"

finish
