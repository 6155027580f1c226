#!/usr/bin/env bash
# tests/api/problems.sh: the control routes (/api/v1/problems, the
# tolerances of the organization and of a unit, POST /control/check,
# /agenda) with every role, their refusals (400 naming the field, 409,
# nothing written), and the pages (/problems with its CSV and its "Log a
# problem" form, /problems/:id with its form and Remove button, /agenda,
# /control, the Run check button).
#
#   1 Root         admin   = Ada (person 1)
#   ├── 2 Ops      manager = Ben (person 2): reads and writes 2, 3
#   │   └── 3 Log  member  = Kemi (person 3, unit 2): reads 2, 3
#   └── 4 Prod     viewer  = Grace (person 4): reads 4
#
# problems: 1 in Ops, 2 in Prod, 3 in Log (manual); plan 1 in Ops has a
# step due 2030-03-08, 12 days overdue as of 2030-03-20.
. "$(dirname "$0")/../lib.sh"

PW=correct-horse-battery
t unit add Root
t unit add Ops --parent 1
t unit add Log --parent 2
t unit add Prod --parent 1
t person add Ada --email ada@t.test --unit 1
t person add Ben --email ben@t.test --unit 2
t person add Kemi --email kemi@t.test --unit 2
t person add Grace --email grace@t.test --unit 4
t problem add "Ops problem" --unit 2 --severity 3
t problem add "Prod problem" --unit 4
t problem add "Log problem" --unit 3 --severity 1
t plan add Move --unit 2 --start-date 2030-03-04 --status active
t step add Pack --plan 1 --due 2030-03-08
expect_eq "fixture" "4|4|3|1" "$(sql 'SELECT (SELECT count(*) FROM unit), (SELECT count(*) FROM person), (SELECT count(*) FROM problem), (SELECT count(*) FROM step)')"

declare -A TOK
for spec in admin:1 manager:2 member:3 viewer:4; do
	role=${spec%%:*}
	person=${spec#*:}
	TANDEM_PASSWORD=$PW run "$TANDEM" --db "$DB" user add --person "$person" --role "$role"
	expect_rc "account for $role" 0
	id=$(sql "SELECT id FROM account WHERE person_id = $person")
	TOK[$role]=$("$TANDEM" --db "$DB" token add --user "$id" --name problems | tail -n 1)
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
ids() {
	jqb '[.items[].id] | join(",")'
}
state() {
	dbsum "$DB" problem setting tolerance
}

# --- problems: reading ------------------------------------------------------

as admin GET $V/problems
expect_eq "the admin sees every problem, newest first" "3,2,1" "$(ids)"
as manager GET $V/problems
expect_eq "the manager sees Ops and Log" "3,1" "$(ids)"
as member GET $V/problems
expect_eq "the member reads Ops and Log" "3,1" "$(ids)"
as viewer GET $V/problems
expect_eq "the viewer reads Prod" "2" "$(ids)"
walk GET $V/problems/2 "" 200 404 404 200
walk GET $V/problems/1 "" 200 200 200 404
walk GET "$V/problems?unit_id=4" "" 200 404 404 200
as admin GET "$V/problems?status=shut"
expect_eq "an unknown status is a 400" "400 status" "$STATUS $(jqb .error.field)"
as admin GET "$V/problems/1"
expect_eq "a problem as JSON" "1 2 Ops manual Ops problem 3 open false" \
	"$(jqb '"\(.id) \(.unit_id) \(.unit) \(.rule) \(.title) \(.severity) \(.status) \(.overdue)"')"

# --- problems: writing ------------------------------------------------------

before=$(state)
walk POST $V/problems '{"title":"X","unit_id":2,"severity":9}' 400 400 403 404
walk POST $V/problems '{"title":"X","unit_id":4}' 201 404 404 403
as admin GET $V/problems/4
expect_eq "the admin's problem was created in Prod" "4 X" "$(jqb '"\(.unit_id) \(.title)"')"
as manager POST $V/problems '{"title":"Y","unit_id":3,"owner_id":3}'
expect_eq "the manager creates in Log" "201 Y 3 Kemi" "$STATUS $(jqb '"\(.title) \(.unit_id) \(.owner)"')"
expect_eq "a Location names it" "5" "$(jqb .id)"
before=$(state)
as manager POST $V/problems '{"title":"Z","unit_id":2,"severity":9}'
expect_eq "severity 9 is a 400 naming severity" "400 severity" "$STATUS $(jqb .error.field)"
as manager POST $V/problems '{"title":"Z","unit_id":2,"colour":"red"}'
expect_eq "an unknown key is a 400 naming it" "400 colour" "$STATUS $(jqb .error.field)"
as manager POST $V/problems '{"title":"Z","unit_id":2,"due":"2020-01-01"}'
expect_eq "a due day in the past is a 400 naming due" "400 due" "$STATUS $(jqb .error.field)"
as manager PATCH $V/problems/1 '{"status":"shut"}'
expect_eq "an unknown status is a 400 naming status" "400 status" "$STATUS $(jqb .error.field)"
expect_eq "no refused write changed anything" "$before" "$(state)"

walk PATCH $V/problems/1 '{"root_cause":"people left"}' 200 200 403 404
walk PATCH $V/problems/2 '{"action":"hire"}' 200 404 404 403
as manager PATCH $V/problems/1 '{"status":"closed","action":"hire two"}'
expect_eq "the manager closes problem 1" "200 closed hire two" "$STATUS $(jqb '"\(.status) \(.action)"')"
expect_eq "closed today" "$(date -u +%F)" "$(jqb .closed)"
walk DELETE $V/problems/5 "" 204 404 404 404
walk DELETE $V/problems/4 "" 204 404 404 404

# --- control check -------------------------------------------------------------

before=$(state)
walk POST $V/control/check '{"as_of":"2030-03-20"}' 200 403 403 403
expect_eq "the admin's check opened the overdue problem (12 days: severity 2)" \
	"overdue step 1 2 true" \
	"$(sql "SELECT rule, subject_kind, subject_id, severity, 'true' FROM problem WHERE rule = 'overdue'" | tr '|' ' ')"
as manager POST $V/control/check '{"as_of":"2030-03-20","unit_id":2}'
expect_eq "the manager checks Ops: one deviation, already open" "200 1 0 1" \
	"$STATUS $(jqb '"\(.deviations) \(.opened) \(.already_open)"')"
walk POST $V/control/check '{"as_of":"2030-03-20","unit_id":4}' 200 404 404 403
before=$(state)
as admin POST $V/control/check '{"as_of":"2030-02-30"}'
expect_eq "an impossible day is a 400 naming as_of" "400 as_of" "$STATUS $(jqb .error.field)"
as admin POST $V/control/check '{"unit_id":99}'
expect_eq "an unknown unit is a 404" "404" "$STATUS"
expect_eq "the refused checks wrote nothing" "$before" "$(state)"
PB=$(sql "SELECT id FROM problem WHERE rule = 'overdue'")
as admin DELETE $V/problems/$PB
expect_eq "a problem a check found is not removed: 409" "409" "$STATUS"
as admin PATCH $V/problems/$PB '{"status":"closed"}'
as admin POST $V/control/check '{"as_of":"2030-03-20"}'
expect_eq "closing it and checking again opens a new one" "1" "$(jqb .opened)"
as admin PATCH $V/problems/$PB '{"status":"open"}'
expect_eq "reopening the old one while the new is open: 409 naming status" "409 status" \
	"$STATUS $(jqb .error.field)"

# --- the agenda ---------------------------------------------------------------

as admin GET "$V/agenda"
NEW=$((PB + 1))
# severity 2: problem 2 (found today) before the new one (found
# 2030-03-20: the oldest first; neither has a due day), then severity 1
expect_eq "the whole agenda: by severity, then the oldest found" "2,$NEW,3" "$(ids)"
as viewer GET "$V/agenda"
expect_eq "the viewer's agenda is Prod's" "2" "$(ids)"
walk GET "$V/agenda?unit_id=4" "" 200 404 404 200
walk GET "$V/agenda?unit_id=3" "" 200 200 200 404

# --- tolerances ----------------------------------------------------------------

walk GET $V/control/tolerances "" 200 200 200 200
walk PATCH $V/control/tolerances '{"rule":"cpi","value":85}' 200 403 403 403
expect_eq "the organization's cpi is the setting" "85" "$(sql "SELECT value FROM setting WHERE key = 'tolerance.cpi'")"
walk GET $V/units/2/tolerances "" 200 200 200 404
walk PUT $V/units/3/tolerances '{"rule":"cpi","value":70}' 200 200 403 404
as viewer GET $V/units/4/tolerances
expect_eq "a unit inherits the organization's 85" "85 organization" \
	"$(jqb '.items[] | select(.rule == "cpi") | "\(.value) \(.value_from)"')"
as member GET $V/units/3/tolerances
expect_eq "Log has its own 70" "70 unit 3" \
	"$(jqb '.items[] | select(.rule == "cpi") | "\(.value) \(.value_from) \(.value_unit_id)"')"
before=$(state)
as admin PATCH $V/control/tolerances '{"rule":"cpi","value":-1}'
expect_eq "a negative tolerance is a 400 naming value" "400 value" "$STATUS $(jqb .error.field)"
as admin PATCH $V/control/tolerances '{"rule":"speed","value":5}'
expect_eq "an unknown rule is a 400 naming rule" "400 rule" "$STATUS $(jqb .error.field)"
as admin PATCH $V/control/tolerances '{"rule":"cpi","value":5,"unit_id":2}'
expect_eq "the organization's route takes no unit" "400 unit_id" "$STATUS $(jqb .error.field)"
as manager PUT $V/units/2/tolerances '{"rule":"cpi"}'
expect_eq "neither value nor enabled is a 400" "400 value" "$STATUS $(jqb .error.field)"
expect_eq "no refused tolerance change wrote anything" "$before" "$(state)"
walk DELETE "$V/units/3/tolerances?rule=cpi" "" 200 200 403 404
expect_eq "Log's override is gone" "0" "$(sql 'SELECT count(*) FROM tolerance')"

# --- pages ------------------------------------------------------------------------

page() {
	local args=(-q -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$1")
	[ $# -ge 3 ] && [ -n "$3" ] && args+=(-b "$3" -c "$3")
	[ $# -ge 4 ] && args+=(--data-binary "$4")
	STATUS=$(curl "${args[@]}" "$URL$2")
	BODY=$(cat "$TMP/body")
	HEADERS=$(tr -d '\r' <"$TMP/headers")
}
csrf_of() {
	printf '%s' "$BODY" | grep -o 'name="csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'
}
signin() {
	rm -f "$2"
	page GET /login "$2"
	local pre
	pre=$(csrf_of)
	page POST /login "$2" "csrf=$pre&login=$1&password=$PW"
}
ADMIN=$TMP/admin.jar
MANAGER=$TMP/manager.jar
VIEWER=$TMP/viewer.jar
signin ada%40t.test "$ADMIN"
signin ben%40t.test "$MANAGER"
signin grace%40t.test "$VIEWER"

page GET /problems
expect_eq "signed out: to the sign-in" "303" "$STATUS"
page GET "/problems?status=all" "$ADMIN"
expect_eq "the problem log" "200" "$STATUS"
expect_contains "it lists the Ops problem" "$BODY" ">Ops problem</a>"
expect_contains "with its severity badge" "$BODY" "ctl-sev-3"
expect_contains "the admin has the Run check button" "$BODY" 'action="/problems/check"'
sql "UPDATE problem SET found = '2020-01-01', due = '2020-02-01' WHERE id = 2" >/dev/null
page GET /problems "$ADMIN"
expect_eq "one overdue badge: problem 2" "1" "$(printf '%s' "$BODY" | grep -o 'ctl-overdue' | wc -l | tr -d ' ')"
expect_not_contains "the default hides closed problems" "$BODY" ">Ops problem</a>"
page GET "/problems?status=all&format=csv" "$ADMIN"
expect_eq "CSV" "200" "$STATUS"
expect_eq "the CSV header" "id,severity,status,overdue,due,found,closed,unit_id,unit,rule,subject_kind,subject_id,title,owner,root_cause,action" \
	"$(printf '%s' "$BODY" | head -n 1 | tr -d '\r')"
expect_eq "a row per problem" "$(sql 'SELECT count(*) FROM problem')" \
	"$(($(printf '%s\n' "$BODY" | wc -l) - 1))"
page GET /problems "$MANAGER"
expect_not_contains "the manager has no Run check button" "$BODY" 'action="/problems/check"'
page GET "/problems?status=bogus" "$ADMIN"
expect_eq "an unknown status filter is a 400" "400" "$STATUS"

page GET /problems/2 "$ADMIN"
expect_eq "a problem page" "200" "$STATUS"
csrf=$(csrf_of)
before=$(state)
page POST /problems/2 "$ADMIN" "csrf=$csrf&title=Prod+problem&status=acting&severity=2&owner_id=4&due=2019-01-01&detail=&root_cause=&action="
expect_eq "a due day before the day found: the form again, 400" "400" "$STATUS"
expect_contains "the message is beside the due field" "$BODY" "before the day the problem was found"
expect_eq "the refused form wrote nothing" "$before" "$(state)"
page POST /problems/2 "$ADMIN" "csrf=$csrf&title=Prod+problem&status=acting&severity=2&owner_id=4&due=2030-01-01&detail=&root_cause=tired&action=rest"
expect_eq "the saved form redirects to the problem" "303" "$STATUS"
expect_eq "saved" "acting|4|2030-01-01|tired|rest" \
	"$(sql 'SELECT status, owner_id, due, root_cause, action FROM problem WHERE id = 2')"
page GET /problems/2 "$VIEWER"
expect_eq "the viewer reads the problem" "200" "$STATUS"
expect_not_contains "without the form" "$BODY" 'action="/problems/2"'
page GET /problems/1 "$VIEWER"
expect_eq "another unit's problem is a 404 for the viewer" "404" "$STATUS"

page GET /agenda "$ADMIN"
expect_eq "the agenda page" "200" "$STATUS"
expect_contains "it lists the open problems" "$BODY" "Prod problem"
page GET "/agenda?unit=4" "$MANAGER"
expect_eq "another unit's agenda is a 404 for the manager" "404" "$STATUS"

page GET /control "$VIEWER"
expect_eq "the tolerances page" "200" "$STATUS"
expect_not_contains "a viewer has no form" "$BODY" 'method="post" action="/control"'
page GET /control "$ADMIN"
csrf=$(csrf_of)
page POST /control "$ADMIN" "csrf=$csrf&rule=burn&value=25&enabled="
expect_eq "the admin sets burn to 25" "303 25" "$STATUS $(sql "SELECT value FROM setting WHERE key = 'tolerance.burn'")"
page GET "/control?unit=2" "$MANAGER"
csrf=$(csrf_of)
page POST /control "$MANAGER" "csrf=$csrf&rule=burn&value=5&enabled="
expect_eq "a manager may not set the organization's" "403" "$STATUS"
page POST /units/2/tolerances "$MANAGER" "csrf=$csrf&rule=burn&value=-5&enabled="
expect_eq "a negative value: the form again, 400" "400" "$STATUS"
page POST /units/2/tolerances "$MANAGER" "csrf=$csrf&rule=burn&value=5&enabled=false"
expect_eq "the manager sets Ops' burn" "303" "$STATUS"
expect_eq "Ops' burn is 5 and off" "burn|5,burn.off|1" \
	"$(sql "SELECT rule, value FROM tolerance WHERE unit_id = 2 ORDER BY rule" | join_lines ,)"

page GET /problems "$MANAGER"
csrf=$(csrf_of)
page POST /problems/check "$MANAGER" "csrf=$csrf"
expect_eq "a manager may not check the whole organization" "403" "$STATUS"
expect_not_contains "refused for the role, not the form token" "$BODY" "out of date"
page GET /problems "$ADMIN"
csrf=$(csrf_of)
page POST /problems/check "$ADMIN" "csrf=$csrf"
expect_eq "Run check redirects to the log" "303" "$STATUS"

# --- the "Log a problem" form and the Remove button ------------------------------

TODAY=$(date -u +%F)
YESTERDAY=$(date -u -d "$TODAY - 1 day" +%F)
MEMBER=$TMP/member.jar
signin kemi%40t.test "$MEMBER"
# the options of the form's unit select: "value" with " selected" after the chosen one
unit_choices() {
	printf '%s' "$BODY" | grep -o '<select id="f-unit_id"[^§]*' | sed 's#</select>.*##' |
		grep -o 'value="[0-9]*"[ a-z]*' | sed 's/value="//; s/"//; s/ *$//' | join_lines ,
}
location() {
	printf '%s\n' "$HEADERS" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p'
}

page GET /problems "$MANAGER"
expect_contains "the manager has the Log a problem form" "$BODY" \
	'<form method="post" action="/problems" class="stack"'
# Ben manages Ops (2) with Log (3) under it; his own unit, Ops, comes chosen
expect_eq "its units are the manager's, his own chosen" "2 selected,3" "$(unit_choices)"
page GET /problems "$ADMIN"
expect_eq "the admin's are every unit, Root (Ada's) chosen" "1 selected,2,3,4" "$(unit_choices)"
page GET /problems "$MEMBER"
expect_eq "the member reads the log" "200" "$STATUS"
expect_not_contains "without the form" "$BODY" 'action="/problems" class="stack"'
expect_not_contains "nor its link" "$BODY" 'Log a problem'
page GET /problems "$VIEWER"
expect_not_contains "the viewer has no form either" "$BODY" 'action="/problems" class="stack"'

before=$(state)
form manager /problems "title=&unit_id=3&severity=2&owner_id=&due=&detail=Seen+at+dawn"
expect_eq "an empty title: the log again, 400" "400" "$STATUS"
expect_contains "the message is beside the title" "$BODY" '<p class="error" id="f-title-err">is required</p>'
expect_contains "what was typed comes back" "$BODY" 'value="Seen at dawn"'
expect_contains "with the log above it" "$BODY" '<h1>Problem log</h1>'
form manager /problems "title=Forklift+broken&unit_id=3&severity=2&owner_id=&due=2020-01-01&detail="
expect_eq "a due day in the past: 400" "400" "$STATUS"
expect_contains "the message is beside the due field" "$BODY" \
	"<p class=\"error\" id=\"f-due-err\">2020-01-01 is before the day the problem is found ($TODAY)</p>"
expect_contains "the title comes back" "$BODY" 'value="Forklift broken"'
form manager /problems "title=Forklift+broken&unit_id=3&severity=2&owner_id=&due=$YESTERDAY&detail="
expect_eq "yesterday is before today, the day found: 400 naming due" "400 1" \
	"$STATUS $(printf '%s' "$BODY" | grep -c 'id="f-due-err"')"
form manager /problems "title=Forklift+broken&unit_id=3&severity=2&owner_id=99&due=&detail="
expect_eq "an unknown owner: 400" "400" "$STATUS"
expect_contains "the message is beside the owner" "$BODY" \
	'<p class="error" id="f-owner_id-err">no person with id 99</p>'
form manager /problems "title=Forklift+broken&unit_id=3&severity=4&owner_id=&due=&detail="
expect_eq "severity 4: 400" "400" "$STATUS"
expect_contains "the message is beside the severity" "$BODY" \
	'<p class="error" id="f-severity-err">must be a whole number from 1 to 3</p>'
form manager /problems "title=Forklift+broken&unit_id=4&severity=2"
expect_eq "Prod is not among the manager's units: 404" "404" "$STATUS"
form member /problems "title=Forklift+broken&unit_id=3&severity=2"
expect_eq "a member may not log a problem: 403" "403" "$STATUS"
form viewer /problems "title=Forklift+broken&unit_id=4&severity=2"
expect_eq "nor a viewer, even in their own unit: 403" "403" "$STATUS"
expect_eq "no refused form wrote anything" "$before" "$(state)"

# due today is not before the day found: accepted
form manager /problems "title=Forklift+broken&unit_id=3&severity=3&owner_id=3&due=$TODAY&detail=Hydraulics+leak"
expect_eq "the manager logs a problem in Log: 303" "303" "$STATUS"
FK=$(location | sed 's#^/problems/##')
expect_eq "to its page" "/problems/$FK" "$(location)"
expect_eq "a manual problem found today, with what was sent" \
	"3|manual|||Forklift broken|Hydraulics leak|3|$TODAY|3|$TODAY|open" \
	"$(sql "SELECT unit_id, rule, subject_kind, subject_id, title, detail, severity, found, owner_id, due, status FROM problem WHERE id = $FK")"
page GET /problems "$ADMIN"
csrf=$(csrf_of)
page POST /problems "$ADMIN" "csrf=$csrf&title=Dusty+floor&unit_id=4&severity=1&owner_id=&due=&detail="
expect_eq "the admin logs one in Prod through the browser: 303" "303" "$STATUS"
DUST=$(location | sed 's#^/problems/##')
expect_eq "no owner, no due day, no detail" "4|Dusty floor||1|||open" \
	"$(sql "SELECT unit_id, title, detail, severity, owner_id, due, status FROM problem WHERE id = $DUST")"
form admin /problems "title=Loose+rail&unit_id=2"
LOOSE=$(location | sed 's#^/problems/##')
expect_eq "without a severity: 2, the default" "303 2" \
	"$STATUS $(sql "SELECT severity FROM problem WHERE id = $LOOSE")"

page GET /problems/$FK "$MANAGER"
expect_contains "a manual problem has a Remove button" "$BODY" \
	"<form method=\"post\" action=\"/problems/$FK/delete\">"
page GET /problems/$FK "$MEMBER"
expect_eq "the member reads it" "200" "$STATUS"
expect_not_contains "without the Remove button" "$BODY" "/problems/$FK/delete"
page GET /problems/$NEW "$ADMIN"
expect_not_contains "one a check found has none" "$BODY" "/problems/$NEW/delete"
before=$(state)
form member /problems/$FK/delete ""
expect_eq "a member may not remove it: 403" "403" "$STATUS"
form viewer /problems/$FK/delete ""
expect_eq "a viewer of Prod does not see it: 404" "404" "$STATUS"
form admin /problems/$NEW/delete ""
expect_eq "removing one a check found: the problem again, 409" "409" "$STATUS"
expect_contains "the refusal is on the page" "$BODY" \
	"<p class=\"error\" id=\"delete-err\" role=\"alert\">problem $NEW was found by the overdue rule: close it instead, so that its history stays</p>"
expect_contains "the problem's page" "$BODY" '<a href="/problems">Problem log</a>'
expect_eq "the refused removals wrote nothing" "$before" "$(state)"
page GET /problems/$FK "$MANAGER"
csrf=$(csrf_of)
page POST /problems/$FK/delete "$MANAGER" "csrf=$csrf"
expect_eq "the manager removes it: 303 to the log" "303 /problems" "$STATUS $(location)"
expect_eq "it is gone" "0" "$(sql "SELECT count(*) FROM problem WHERE id = $FK")"
form manager /problems/$FK/delete ""
expect_eq "removing it again: 404" "404" "$STATUS"
form admin /problems/$LOOSE/delete ""
expect_eq "the admin removes one by token: 303" "303 0" \
	"$STATUS $(sql "SELECT count(*) FROM problem WHERE id = $LOOSE")"

# --- the scheduled check: serve --check-every --------------------------------

stop_server
t serve --check-every -1
expect_rc "a negative --check-every exits 3" 3
expect_contains "it names --check-every" "$ERR" "--check-every:"
# a step 0 days late as of today would not count: this one is years late
t plan add Old --unit 2 --start-date 2020-01-06 --status active
t step add Forgotten --plan 2 --due 2020-01-10
OLD_STEP=$(sql "SELECT id FROM step WHERE name = 'Forgotten'")
start_server --check-every 1 || { fail "server starts"; finish; exit 1; }
for _ in $(seq 1 300); do
	grep -q 'control check as of' "$TMP/server.err" && break
	sleep 0.1
done
expect_contains "the first scheduled check runs soon after the start and logs its counts" \
	"$(cat "$TMP/server.err")" "control check as of $(date -u +%F): "
expect_eq "it opened a problem for the forgotten step, found today" "overdue|$(date -u +%F)" \
	"$(sql "SELECT rule, found FROM problem WHERE subject_kind = 'step' AND subject_id = $OLD_STEP")"
t0=$(date +%s)
stop_server
expect_eq "the server with its checker stops promptly" "0 yes" \
	"$SERVER_RC $([ $(($(date +%s) - t0)) -le 3 ] && echo yes || echo no)"

finish
