#!/usr/bin/env bash
# tests/api/pages.sh: the web UI through curl, as a browser without
# JavaScript uses it: sign-in with the pre-session CSRF cookie, every page
# answering 200 with the layout when signed in and 303 to /login when
# not, forms re-rendered with the message beside the field and nothing
# written, the weekly timesheet, CSV downloads quoted by RFC 4180 with
# formulas neutralized, the Gantt chart with one arrow per dependency,
# the create and edit forms of units, people, tools and steps (and a
# unit's delete button) with their refusals, escaping, the error pages
# and signing out.
#
# Expected values come from the database through the harness's
# independent reader (`sql`) or are worked out by hand from the demo
# organization (seeded for 2026-11-27) and the requests below. Every
# curl runs with -q: the harness's .curlrc would send the admin token.
. "$(dirname "$0")/../lib.sh"

t demo --today 2026-11-27
expect_rc "seed the demo" 0
# Ben Tanaka (person 2) heads Operations: a manager of its subtree;
# a member in another unit; an admin of no person
PW=correct-horse-battery
MANAGER_PERSON=2
MANAGER=$(sql "SELECT email FROM person WHERE id = $MANAGER_PERSON")
OPS=$(sql "SELECT unit_id FROM person WHERE id = $MANAGER_PERSON")
MEMBER_PERSON=$(sql "SELECT min(p.id) FROM person p JOIN step s ON s.assignee_id = p.id
                     WHERE s.status <> 'done' AND p.unit_id NOT IN (
                       WITH RECURSIVE sub(id) AS (SELECT CAST($OPS AS BIGINT) UNION ALL
                         SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id)
                       SELECT id FROM sub)")
MEMBER=$(sql "SELECT email FROM person WHERE id = $MEMBER_PERSON")
TANDEM_PASSWORD=$PW run "$TANDEM" --db "$DB" user add --person $MANAGER_PERSON --role manager
expect_rc "a manager account" 0
TANDEM_PASSWORD=$PW run "$TANDEM" --db "$DB" user add --person "$MEMBER_PERSON" --role member
expect_rc "a member account" 0
TANDEM_PASSWORD=$PW run "$TANDEM" --db "$DB" user add --login boss --role admin
expect_rc "an admin account" 0
VIEWER_PERSON=$(sql "SELECT min(id) FROM person WHERE unit_id = $OPS AND id <> $MANAGER_PERSON")
VIEWER=$(sql "SELECT email FROM person WHERE id = $VIEWER_PERSON")
TANDEM_PASSWORD=$PW run "$TANDEM" --db "$DB" user add --person "$VIEWER_PERSON" --role viewer
expect_rc "a viewer account" 0
PLAN=$(sql "SELECT min(id) FROM plan WHERE unit_id = $OPS")
STEP=$(sql "SELECT min(id) FROM step WHERE plan_id = $PLAN")
DTOOL=$(sql "SELECT min(t.id) FROM tool t LEFT JOIN step s ON s.id = t.step_id
             JOIN plan p ON p.id = coalesce(t.plan_id, s.plan_id) WHERE p.unit_id = $OPS")

start_server || { fail "server starts" "$(cat "$TMP/server.err")"; finish; exit 1; }

# --- helpers ---------------------------------------------------------------

# page METHOD PATH [JAR [DATA]]: one request with the cookies of JAR
# (updated); DATA is an urlencoded body. Sets $STATUS, $BODY, $HEADERS.
page() {
	local args=(-q -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$1")
	[ $# -ge 3 ] && [ -n "$3" ] && args+=(-b "$3" -c "$3")
	[ $# -ge 4 ] && args+=(--data-binary "$4")
	STATUS=$(curl "${args[@]}" "$URL$2")
	BODY=$(cat "$TMP/body")
	HEADERS=$(tr -d '\r' <"$TMP/headers")
}
header() {
	printf '%s\n' "$HEADERS" | awk -v h="$1" 'tolower(substr($0, 1, index($0, ":") - 1)) == tolower(h) {
		sub(/^[^:]*: */, ""); print; exit }'
}
expect_status() {
	if [ "$STATUS" == "$2" ]; then pass; else fail "$1" "HTTP $STATUS, expected $2; body: ${BODY:0:600}"; fi
}
# urlencode TEXT: for form values
urlencode() {
	jq -rn --arg v "$1" '$v | @uri'
}
# csrf_of: the first csrf field of the last page
csrf_of() {
	printf '%s' "$BODY" | grep -o 'name="csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'
}
# count_of NEEDLE: occurrences in the last body
count_of() {
	printf '%s' "$BODY" | grep -o -- "$1" | wc -l | tr -d ' '
}
# signin LOGIN JAR: GET /login for the pre-session cookie, then POST it
signin() {
	rm -f "$2"
	page GET /login "$2"
	local pre
	pre=$(csrf_of)
	page POST /login "$2" "csrf=$pre&login=$(urlencode "$1")&password=$PW"
}

# --- signed out -------------------------------------------------------------

PAGES=(/ /plans /plans/new "/plans/$PLAN" "/plans/$PLAN/edit" /steps "/steps/$STEP" /units
	"/units/$OPS" /people "/people/$MANAGER_PERSON" /time /tools /units/new "/units/$OPS/edit"
	/people/new "/people/$MANAGER_PERSON/edit" /tools/new "/tools/$DTOOL" "/tools/$DTOOL/edit"
	"/steps/$STEP/edit")
for p in "${PAGES[@]}"; do
	page GET "$p"
	expect_status "signed out, $p: 303" 303
	expect_eq "signed out, $p: to the sign-in with the way back" "/login?next=$p" \
		"$(header Location)"
done
page GET /assets/app.css
expect_status "the stylesheet is public" 200
expect_eq "the stylesheet's type" "text/css; charset=utf-8" "$(header Content-Type)"
page GET /assets/app.js
expect_status "the script is public" 200

# --- sign-in ------------------------------------------------------------------

J=$TMP/manager.jar
page GET "/login?next=/plans" "$J"
expect_status "the sign-in page" 200
PRE=$(csrf_of)
expect_contains "the sign-in form's token is the pre-session cookie" "$(header Set-Cookie)" \
	"tandem_pre=$PRE; Path=/; HttpOnly; SameSite=Strict"
expect_contains "the sign-in form keeps next" "$BODY" 'name="next" value="/plans"'
expect_contains "the login input is labelled" "$BODY" '<label for="f-login">'
expect_contains "the password input is labelled" "$BODY" '<label for="f-password">'
expect_contains "a page has the security policy" "$(header Content-Security-Policy)" \
	"script-src 'self'"

page POST /login "$J" "login=$(urlencode "$MANAGER")&password=$PW&next=/plans"
expect_status "sign-in without the form's token: 403" 403
page POST /login "$J" "csrf=$PRE&login=$(urlencode "$MANAGER")&password=wrong-password&next=/plans"
expect_status "a wrong password: 401" 401
expect_contains "a wrong password: said" "$BODY" "Wrong login or password."
expect_contains "a wrong password: the login is kept" "$BODY" "value=\"$MANAGER\""
expect_not_contains "a wrong password: no session" "$(header Set-Cookie)" "tandem_session"
expect_eq "a wrong password: counted (the page's transaction commits)" 1 \
	"$(sql "SELECT count(*) FROM login_failure")"
page POST /login "$J" "csrf=$PRE&login=$(urlencode "$MANAGER")&password=$PW&next=/plans"
expect_status "sign-in: 303" 303
expect_eq "sign-in: back to next" /plans "$(header Location)"
expect_contains "sign-in: the session cookie" "$(header Set-Cookie)" \
	"; Path=/; HttpOnly; SameSite=Strict; Max-Age=28800"
page GET /login "$J"
expect_status "the sign-in page when signed in: 303" 303
expect_eq "the sign-in page when signed in: home" / "$(header Location)"

# next must stay on this site
J2=$TMP/other.jar
rm -f "$J2"
page GET /login "$J2"
PRE2=$(csrf_of)
page POST /login "$J2" "csrf=$PRE2&login=$(urlencode "$MANAGER")&password=$PW&next=//evil.example/x"
expect_eq "next to another site: home instead" / "$(header Location)"

# --- every page, signed in ------------------------------------------------------

declare -A NAV=([/]=home [/plans]=plans [/plans/new]=plans [/steps]=steps [/time]=time
	[/tools]=manage [/units]=units [/people]=people [/units/new]=units [/people/new]=people
	[/tools/new]=manage)
for p in "${PAGES[@]}"; do
	page GET "$p" "$J"
	expect_status "signed in, $p: 200" 200
	expect_eq "signed in, $p: HTML" "text/html; charset=utf-8" "$(header Content-Type)"
	expect_contains "signed in, $p: the layout" "$BODY" '<main id="main"'
	expect_contains "signed in, $p: the skip link" "$BODY" 'href="#main">Skip to content</a>'
	expect_contains "signed in, $p: the sign-out button" "$BODY" 'action="/logout"'
	expect_not_contains "signed in, $p: no inline style" "$BODY" 'style="'
	expect_not_contains "signed in, $p: no inline script" "$BODY" '<script>'
	if [ -n "${NAV[$p]:-}" ]; then
		expect_eq "signed in, $p: one current item" 1 "$(count_of 'aria-current="page"')"
	fi
done
page GET / "$J"
expect_contains "home greets the person" "$BODY" "$(sql "SELECT name FROM person WHERE id = $MANAGER_PERSON")"
page GET /plans "$J"
expect_contains "plans: sortable headers" "$BODY" '<th scope="col" aria-sort="ascending"><a href="/plans?sort=name">Plan</a></th>'
expect_contains "plans: a CSV link" "$BODY" 'href="/plans?sort=name&amp;format=csv"'

# --- a form with bad values ----------------------------------------------------

page GET /plans/new "$J"
CSRF=$(csrf_of)
BEFORE=$(dbsum "$DB" plan step step_dep time_entry)
page POST /plans "$J" "csrf=$CSRF&name=Depot+move&unit_id=$OPS&start_date=2026-13-01&owner_id=&status=draft"
expect_status "a bad date: 400" 400
expect_contains "a bad date: the message beside the field" "$BODY" \
	'<p class="error" id="f-start_date-err">must be a date as YYYY-MM-DD (got &quot;2026-13-01&quot;)</p>'
expect_contains "a bad date: the field is marked" "$BODY" \
	'aria-describedby="f-start_date-hint f-start_date-err" aria-invalid="true"'
expect_contains "a bad date: the name is kept" "$BODY" 'value="Depot move"'
expect_contains "a bad date: the layout, not an error page" "$BODY" '<h1>New plan</h1>'
page POST /plans "$J" "csrf=$CSRF&name=&unit_id=$OPS&start_date=2026-12-01&owner_id=&status=draft"
expect_status "an empty name: 400" 400
expect_contains "an empty name: said beside it" "$BODY" '<p class="error" id="f-name-err">is required</p>'
page POST "/plans/$PLAN/steps" "$J" "csrf=$CSRF&name=Count+pallets&duration_days=-1"
expect_status "a negative duration: 400" 400
expect_contains "a negative duration: said beside it" "$BODY" 'id="f-duration_days-err"'
expect_contains "a negative duration: the plan page around it" "$BODY" '<h2 id="h-add">Add a step</h2>'
expect_contains "a negative duration: the name is kept" "$BODY" 'value="Count pallets"'
expect_eq "bad forms write nothing" "$BEFORE" "$(dbsum "$DB" plan step step_dep time_entry)"

# --- escaping, and a good form ---------------------------------------------------

page POST /plans "$J" "csrf=$CSRF&name=$(urlencode '<script>alert(1)</script>')&unit_id=$OPS&start_date=2026-12-01&owner_id=&status=active"
expect_status "a plan named <script>: 303" 303
XSS=$(sql "SELECT id FROM plan WHERE name = '<script>alert(1)</script>'")
expect_eq "a plan named <script>: to its page" "/plans/$XSS" "$(header Location)"
for p in "/plans/$XSS" /plans /; do
	page GET "$p" "$J"
	expect_not_contains "$p: the name is not markup" "$BODY" '<script>alert(1)'
done
page GET "/plans/$XSS" "$J"
expect_contains "the plan page shows the name as text" "$BODY" '<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>'
page GET /plans "$J"
expect_contains "the plan list shows the name as text" "$BODY" '&lt;script&gt;alert(1)&lt;/script&gt;</a>'

page POST "/plans/$XSS/steps" "$J" "csrf=$CSRF&name=First&estimate_hours=2.5&duration_days=3&due="
expect_status "add a step: 303" 303
expect_eq "add a step: stored" "First|150|3|" \
	"$(sql "SELECT name, estimate_minutes, duration_days, due FROM step WHERE plan_id = $XSS")"

# --- the Gantt chart ------------------------------------------------------------------

DEPS=$(sql "SELECT count(*) FROM step_dep d JOIN step s ON s.id = d.step_id WHERE s.plan_id = $PLAN")
NSTEPS=$(sql "SELECT count(*) FROM step WHERE plan_id = $PLAN")
page GET "/plans/$PLAN" "$J"
expect_contains "the plan page has the chart" "$BODY" '<svg xmlns="http://www.w3.org/2000/svg" class="gantt" role="img"'
expect_contains "the chart is labelled" "$BODY" 'aria-labelledby="gantt-title gantt-desc"'
expect_contains "the chart says what it holds" "$BODY" "<desc id=\"gantt-desc\">$NSTEPS steps from "
expect_eq "one arrow per dependency" "$DEPS" "$(count_of 'class="dep"')"
expect_eq "one bar or milestone per step" "$NSTEPS" "$(count_of 'class="\(bar\|milestone\) ')"
# the critical path, as tandem plan schedule computes it, is marked on the chart
CRIT=$("$TANDEM" --db "$DB" plan schedule "$PLAN" --json | jq '[.steps[] | select(.critical and .duration_days > 0)] | length')
expect_eq "the critical steps are marked" "$CRIT" "$(count_of 'class="bar st-[a-z]*\( late\)\? critical"')"
expect_contains "and named in the legend" "$BODY" 'on the critical path</li>'
page GET "/plans/$XSS" "$J"
expect_contains "a step without dependencies: its bar, alone on the critical path" "$BODY" '<rect class="bar st-todo critical"'
expect_eq "a step without dependencies: no arrow" 0 "$(count_of 'class="dep"')"

# --- CSV ------------------------------------------------------------------------------

page POST /plans "$J" "csrf=$CSRF&name=$(urlencode "=cmd|' /C calc'!A0, \"quoted\"")&unit_id=$OPS&start_date=2026-12-02&owner_id=&status=draft"
expect_status "a plan named like a formula: 303" 303
page GET "/plans?format=csv&sort=start" "$J"
expect_status "plans as CSV" 200
expect_eq "plans as CSV: the type" "text/csv; charset=utf-8" "$(header Content-Type)"
expect_eq "plans as CSV: a download" 'attachment; filename="plans.csv"' "$(header Content-Disposition)"
expect_eq "plans as CSV: the header row" "id,name,unit_id,unit,owner_id,owner,start_date,status" \
	"$(head -n 1 "$TMP/body" | tr -d '\r')"
expect_contains "plans as CSV: rows end in CRLF" "$(head -n 1 "$TMP/body" | od -c | tr -s ' ')" '\r \n'
expect_contains "plans as CSV: quoted, quotes doubled, the formula neutralized" "$BODY" \
	"\"'=cmd|' /C calc'!A0, \"\"quoted\"\"\""
# the manager's plans: those of Operations and the units under it
expect_eq "plans as CSV: a row per plan of the manager's units" "$(($(sql "SELECT count(*) FROM plan WHERE unit_id IN (
	WITH RECURSIVE sub(id) AS (SELECT CAST($OPS AS BIGINT) UNION ALL
	SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id) SELECT id FROM sub)") + 1))" \
	"$(grep -c $'\r$' "$TMP/body")"
page GET "/plans/$PLAN?format=csv" "$J"
expect_eq "a plan's steps as CSV: a row per step" "$((NSTEPS + 1))" "$(grep -c $'\r$' "$TMP/body")"
for p in /people /steps /tools /units; do
	page GET "$p?format=csv" "$J"
	expect_status "$p as CSV" 200
	expect_eq "$p as CSV: the type" "text/csv; charset=utf-8" "$(header Content-Type)"
done

# --- a step's actions ----------------------------------------------------------------

WAITING=$(sql "SELECT min(s.id) FROM step s JOIN step_dep d ON d.step_id = s.id
               JOIN step o ON o.id = d.depends_on JOIN plan p ON p.id = s.plan_id
               WHERE s.status = 'todo' AND o.status <> 'done' AND p.unit_id = $OPS")
page GET "/steps/$WAITING" "$J"
expect_contains "a step page has a start button" "$BODY" \
	"<form method=\"post\" action=\"/steps/$WAITING/start\">"
page POST "/steps/$WAITING/start" "$J" "csrf=$CSRF"
expect_status "starting before its dependencies are done: 409" 409
expect_contains "starting too early: said on the step page" "$BODY" 'role="alert"'
expect_contains "starting too early: the reason" "$BODY" "cannot be doing yet"
expect_eq "starting too early: still todo" todo "$(sql "SELECT status FROM step WHERE id = $WAITING")"
ON=$(sql "SELECT min(d.depends_on) FROM step_dep d WHERE d.step_id = $WAITING")
page POST "/steps/$ON/deps" "$J" "csrf=$CSRF&on=$WAITING&lag_days=0"
expect_status "a dependency cycle: 409" 409
expect_contains "a dependency cycle: beside the field" "$BODY" '<p class="error" id="f-on-err">that would make a dependency cycle'

# --- the timesheet ---------------------------------------------------------------------

M=$TMP/member.jar
signin "$MEMBER" "$M"
expect_status "the member signs in" 303
MSTEP=$(sql "SELECT min(id) FROM step WHERE assignee_id = $MEMBER_PERSON AND status <> 'done'")
MSTEP2=$(sql "SELECT max(id) FROM step WHERE assignee_id = $MEMBER_PERSON AND status <> 'done'")
page GET "/time?week=2026-11-30" "$M"
expect_status "the member's week" 200
expect_contains "a row per open step" "$BODY" "<th scope=\"row\" id=\"row-$MSTEP\">"
expect_contains "a cell per day, labelled by row and day" "$BODY" \
	"name=\"h-$MSTEP-2026-12-01\" id=\"f-h-$MSTEP-2026-12-01\" aria-labelledby=\"row-$MSTEP day-1\""
expect_contains "the week's person is in the form" "$BODY" "name=\"person_id\" value=\"$MEMBER_PERSON\""
MCSRF=$(csrf_of)
page POST /time "$M" "csrf=$MCSRF&week=2026-11-30&person_id=$MEMBER_PERSON&h-$MSTEP-2026-11-30=2.5&h-$MSTEP-2026-12-01=1:30&h-$MSTEP-2026-12-02="
expect_status "save the week: 303" 303
expect_eq "save the week: back to it" "/time?week=2026-11-30&saved=1" "$(header Location)"
expect_eq "save the week: one entry per filled cell" "2026-11-30|150,2026-12-01|90" \
	"$(sql "SELECT day || '|' || minutes FROM time_entry WHERE person_id = $MEMBER_PERSON
	        AND step_id = $MSTEP AND day >= '2026-11-30' ORDER BY day" | join_lines ,)"
page GET "/time?week=2026-11-30" "$M"
expect_contains "the saved hours are shown" "$BODY" "name=\"h-$MSTEP-2026-11-30\" id=\"f-h-$MSTEP-2026-11-30\" aria-labelledby=\"row-$MSTEP day-0\" aria-describedby=\"ts-hint\" value=\"2.5\""
expect_contains "the week's total: 4 h" "$BODY" '<td class="num week-total">4</td>'
# changing one cell replaces its entry and leaves the others
page POST /time "$M" "csrf=$MCSRF&week=2026-11-30&person_id=$MEMBER_PERSON&h-$MSTEP-2026-11-30=3&h-$MSTEP-2026-12-01=1.5"
expect_status "change a cell: 303" 303
expect_eq "change a cell: replaced" "2026-11-30|180,2026-12-01|90" \
	"$(sql "SELECT day || '|' || minutes FROM time_entry WHERE person_id = $MEMBER_PERSON
	        AND step_id = $MSTEP AND day >= '2026-11-30' ORDER BY day" | join_lines ,)"
# a day over 24 hours: refused whole, the cell marked, nothing written
BEFORE=$(dbsum "$DB" time_entry)
page POST /time "$M" "csrf=$MCSRF&week=2026-11-30&person_id=$MEMBER_PERSON&h-$MSTEP-2026-11-30=23&h-$MSTEP2-2026-11-30=2"
expect_status "a day over 24 hours: 400" 400
expect_contains "a day over 24 hours: the cell is marked" "$BODY" 'aria-invalid="true" value="2"'
expect_contains "a day over 24 hours: said" "$BODY" 'role="alert"'
expect_eq "a day over 24 hours: nothing written" "$BEFORE" "$(dbsum "$DB" time_entry)"
page POST /time "$M" "csrf=$MCSRF&week=2026-11-30&person_id=$MEMBER_PERSON&h-$MSTEP-2026-12-01=lots"
expect_status "hours that are no number: 400" 400
expect_contains "hours that are no number: said" "$BODY" '&quot;lots&quot; is not a number of hours'
expect_contains "hours that are no number: kept" "$BODY" 'value="lots"'
expect_eq "hours that are no number: nothing written" "$BEFORE" "$(dbsum "$DB" time_entry)"
# someone else's week: the core refuses a member
page POST /time "$M" "csrf=$MCSRF&week=2026-11-30&person_id=$MANAGER_PERSON&h-$MSTEP-2026-11-30=1"
case $STATUS in
403 | 404) pass ;;
*) fail "a member logging for another person: 403 or 404" "HTTP $STATUS" ;;
esac
expect_eq "a member logging for another person: nothing written" "$BEFORE" "$(dbsum "$DB" time_entry)"
page GET "/time?week=2026-11-30&format=csv" "$M"
expect_eq "the week as CSV: a row per entry" 3 "$(grep -c $'\r$' "$TMP/body")"

# --- what a member may not see or do ----------------------------------------------------

page GET "/plans/$PLAN" "$M"
if [ "$(sql "SELECT unit_id FROM person WHERE id = $MEMBER_PERSON")" != "$OPS" ]; then
	expect_status "a member: another unit's plan is not found" 404
fi
page GET /plans/new "$M"
expect_status "a member: no new plans" 403
expect_contains "a member: the refusal is a page" "$BODY" '<h1>Not yours to change</h1>'

V=$TMP/viewer.jar
signin "$VIEWER" "$V"
expect_status "the viewer signs in" 303
page GET "/time?week=2026-11-23" "$V"
expect_status "a viewer's timesheet" 200
expect_not_contains "a viewer's timesheet: read only" "$BODY" 'action="/time"'
page GET "/plans/$PLAN" "$V"
expect_status "a viewer reads a plan of their unit" 200
expect_not_contains "a viewer: no add-a-step form" "$BODY" 'Add a step'
expect_not_contains "a viewer: no edit link" "$BODY" 'Edit the plan'

# --- the create and edit forms of units, people, tools and steps ---------------------

# expect_refused WHAT: a refusal, 403 or 404, whichever the role and unit call for
expect_refused() {
	case $STATUS in
	403 | 404) pass ;;
	*) fail "$1: 403 or 404" "HTTP $STATUS" ;;
	esac
}
# every input and select of the last page has its label
expect_labelled() {
	local id missing=""
	for id in $(printf '%s' "$BODY" | grep -o '<\(input\|select\) id="f-[^"]*"' | sed 's/.*id="//; s/"$//'); do
		printf '%s' "$BODY" | grep -q "<label for=\"$id\">" || missing+=" $id"
	done
	expect_eq "$1: every input labelled" "" "$missing"
}
page GET / "$J"
CSRF=$(csrf_of)
ORG="unit person plan step step_dep tool time_entry"

# units: the list links the form; a manager's parents are their own units
page GET /units "$J"
expect_contains "units: a New unit button for a manager" "$BODY" 'href="/units/new">New unit</a>'
page GET "/units/new?parent=$OPS" "$J"
expect_status "the new unit form" 200
expect_labelled "the new unit form"
expect_contains "the new unit form: the parent chosen" "$BODY" "<option value=\"$OPS\" selected>"
expect_not_contains "the new unit form: no top level for a manager" "$BODY" 'none (top level)'
page POST /units "$J" "csrf=$CSRF&name=Night+shift&parent_id=$OPS"
expect_status "create a unit: 303" 303
NEWU=$(sql "SELECT id FROM unit WHERE name = 'Night shift'")
expect_eq "create a unit: to its page" "/units/$NEWU" "$(header Location)"
expect_eq "create a unit: stored under its parent" "Night shift|$OPS" \
	"$(sql "SELECT name, parent_id FROM unit WHERE id = $NEWU")"
page POST /units "$J" "csrf=$CSRF&name=Night+shift+B&parent_id=$NEWU"
CHILD=$(sql "SELECT id FROM unit WHERE name = 'Night shift B'")
expect_eq "create a sub-unit: stored" "$NEWU" "$(sql "SELECT parent_id FROM unit WHERE id = $CHILD")"
page GET "/units/$NEWU" "$J"
expect_contains "a unit page: an edit link" "$BODY" "href=\"/units/$NEWU/edit\">Edit the unit</a>"
expect_contains "a unit page: a delete button" "$BODY" "action=\"/units/$NEWU/delete\""
page GET "/units/$NEWU/edit" "$J"
expect_status "the unit edit form" 200
expect_labelled "the unit edit form"
expect_contains "the unit edit form: the name" "$BODY" 'value="Night shift"'
expect_not_contains "the unit edit form: not its own sub-unit as parent" "$BODY" "<option value=\"$CHILD\""
BEFORE=$(dbsum "$DB" $ORG)
page POST /units "$J" "csrf=$CSRF&name=&parent_id=$OPS"
expect_status "a unit without a name: 400" 400
expect_contains "a unit without a name: beside the field" "$BODY" '<p class="error" id="f-name-err">is required</p>'
expect_contains "a unit without a name: the field is marked" "$BODY" 'aria-describedby="f-name-err" aria-invalid="true"'
expect_contains "a unit without a name: the parent kept" "$BODY" "<option value=\"$OPS\" selected>"
page POST "/units/$NEWU" "$J" "csrf=$CSRF&name=Night+crew&parent_id=$CHILD"
expect_status "a unit moved under its own sub-unit: 400" 400
expect_contains "moved under its own sub-unit: beside the parent" "$BODY" \
	"<p class=\"error\" id=\"f-parent_id-err\">unit $NEWU cannot move under its own subtree</p>"
expect_contains "moved under its own sub-unit: the new name kept" "$BODY" 'value="Night crew"'
page POST "/units/$NEWU/delete" "$J" "csrf=$CSRF"
expect_status "deleting a unit with a sub-unit: 409" 409
expect_contains "deleting a unit with a sub-unit: the refusal beside the button" "$BODY" \
	"<p class=\"error\" id=\"delete-err\" role=\"alert\">unit $NEWU still has 1 child unit(s), 0 person(s) and 0 plan(s): move or remove them first</p>"
expect_contains "deleting a unit with a sub-unit: the unit page around it" "$BODY" '<h1>Night shift</h1>'
expect_eq "bad unit forms write nothing" "$BEFORE" "$(dbsum "$DB" $ORG)"
page POST "/units/$NEWU" "$J" "csrf=$CSRF&name=Night+crew&parent_id=$OPS"
expect_status "rename a unit: 303" 303
expect_eq "rename a unit: stored" "Night crew|$OPS" "$(sql "SELECT name, parent_id FROM unit WHERE id = $NEWU")"
page POST "/units/$CHILD/delete" "$J" "csrf=$CSRF"
expect_status "delete an empty unit: 303" 303
expect_eq "delete an empty unit: to its parent" "/units/$NEWU" "$(header Location)"
expect_eq "delete an empty unit: gone" 0 "$(sql "SELECT count(*) FROM unit WHERE id = $CHILD")"

# a manager's top unit: renamed, not moved (its parent is outside their units)
OPSNAME=$(sql "SELECT name FROM unit WHERE id = $OPS")
OPSPARENT=$(sql "SELECT parent_id FROM unit WHERE id = $OPS")
page GET "/units/$OPS/edit" "$J"
expect_not_contains "a manager's top unit: no parent select" "$BODY" 'id="f-parent_id"'
page POST "/units/$OPS" "$J" "csrf=$CSRF&name=Ops+renamed"
expect_status "a manager renames their top unit: 303" 303
expect_eq "a manager renames their top unit: not moved" "Ops renamed|$OPSPARENT" \
	"$(sql "SELECT name, parent_id FROM unit WHERE id = $OPS")"
page POST "/units/$OPS" "$J" "csrf=$CSRF&name=$(urlencode "$OPSNAME")"
expect_eq "and back" "$OPSNAME" "$(sql "SELECT name FROM unit WHERE id = $OPS")"

# people
BOSS_OF=$(sql "SELECT coalesce(manager_id, 0) FROM person WHERE id = $MANAGER_PERSON")
if [ "$BOSS_OF" != 0 ]; then
	page GET "/people/$MANAGER_PERSON/edit" "$J"
	expect_contains "an edit form keeps a manager from outside the reader's units" "$BODY" \
		"<option value=\"$BOSS_OF\" selected>"
fi
page GET /people "$J"
expect_contains "people: a New person button for a manager" "$BODY" 'href="/people/new">New person</a>'
page GET "/people/new?unit=$NEWU" "$J"
expect_status "the new person form" 200
expect_labelled "the new person form"
expect_contains "the new person form: the unit chosen" "$BODY" "<option value=\"$NEWU\" selected>"
page POST /people "$J" "csrf=$CSRF&name=Ada+Lovelace&email=ada%40example.org&unit_id=$NEWU&manager_id=$MANAGER_PERSON&title=Analyst&rate=85.50&capacity_hours=32"
expect_status "add a person: 303" 303
ADA=$(sql "SELECT id FROM person WHERE email = 'ada@example.org'")
expect_eq "add a person: to their page" "/people/$ADA" "$(header Location)"
expect_eq "add a person: stored" "Ada Lovelace|$NEWU|$MANAGER_PERSON|Analyst|8550|1920" \
	"$(sql "SELECT name, unit_id, manager_id, title, rate_cents, capacity_minutes FROM person WHERE id = $ADA")"
page GET "/people/$ADA" "$J"
expect_contains "a person page: an edit link" "$BODY" "href=\"/people/$ADA/edit\">Edit the person</a>"
page GET "/people/$ADA/edit" "$J"
expect_status "the person edit form" 200
expect_labelled "the person edit form"
expect_contains "the person edit form: the rate as an amount" "$BODY" 'name="rate" type="number" value="85.50"'
expect_contains "the person edit form: the capacity in hours" "$BODY" 'name="capacity_hours" type="number" value="32"'
expect_contains "the person edit form: the manager" "$BODY" "<option value=\"$MANAGER_PERSON\" selected>"
BEFORE=$(dbsum "$DB" $ORG)
page POST /people "$J" "csrf=$CSRF&name=Ada+Twin&email=ADA%40example.org&unit_id=$NEWU&manager_id=&title=&rate=&capacity_hours="
expect_status "a taken email: 409" 409
expect_contains "a taken email: beside the field" "$BODY" \
	"<p class=\"error\" id=\"f-email-err\">ADA@example.org is already taken by person $ADA</p>"
expect_contains "a taken email: the name kept" "$BODY" 'value="Ada Twin"'
page POST "/people/$ADA" "$J" "csrf=$CSRF&name=Ada+Lovelace&email=ada%40example.org&unit_id=$NEWU&manager_id=$ADA&title=Analyst&rate=85.50&capacity_hours=200"
expect_status "a capacity over a week: 400" 400
expect_contains "a capacity over a week: beside the field" "$BODY" 'id="f-capacity_hours-err"'
expect_contains "a capacity over a week: the field is marked, the value kept" "$BODY" \
	'name="capacity_hours" type="number" value="200" step="0.25" min="0" autofocus aria-describedby="f-capacity_hours-hint f-capacity_hours-err" aria-invalid="true"'
page POST "/people/$ADA" "$J" "csrf=$CSRF&name=Ada+Lovelace&email=ada%40example.org&unit_id=$NEWU&manager_id=$ADA&title=Analyst&rate=85.50&capacity_hours=32"
expect_status "their own manager: 400" 400
expect_contains "their own manager: beside the field" "$BODY" \
	'<p class="error" id="f-manager_id-err">a person cannot manage themselves</p>'
page POST "/people/$ADA" "$J" "csrf=$CSRF&name=Ada+Lovelace&email=no-at-sign&unit_id=$NEWU&manager_id=&title=&rate=1&capacity_hours=1"
expect_status "a bad email: 400" 400
expect_contains "a bad email: beside the field" "$BODY" '<p class="error" id="f-email-err">&quot;no-at-sign&quot; is not an email address (name@domain)</p>'
expect_eq "bad person forms write nothing" "$BEFORE" "$(dbsum "$DB" $ORG)"
page POST "/people/$ADA" "$J" "csrf=$CSRF&name=Ada+King&email=ada%40example.org&unit_id=$OPS&manager_id=&title=Lead+analyst&rate=90&capacity_hours=30.5"
expect_status "edit a person: 303" 303
expect_eq "edit a person: stored, the manager cleared" "Ada King|$OPS||Lead analyst|9000|1830" \
	"$(sql "SELECT name, unit_id, manager_id, title, rate_cents, capacity_minutes FROM person WHERE id = $ADA")"
# a unit with a person is not deleted
page POST "/people/$ADA" "$J" "csrf=$CSRF&name=Ada+King&email=ada%40example.org&unit_id=$NEWU&manager_id=&title=Lead+analyst&rate=90&capacity_hours=30.5"
BEFORE=$(dbsum "$DB" $ORG)
page POST "/units/$NEWU/delete" "$J" "csrf=$CSRF"
expect_status "deleting a unit with a person: 409" 409
expect_contains "deleting a unit with a person: said beside the button" "$BODY" \
	"still has 0 child unit(s), 1 person(s) and 0 plan(s)"
expect_eq "deleting a unit with a person: nothing written" "$BEFORE" "$(dbsum "$DB" $ORG)"

# tools
XSTEP=$(sql "SELECT id FROM step WHERE plan_id = $XSS")
page GET /tools "$J"
expect_contains "tools: a New tool button for a manager" "$BODY" 'href="/tools/new">New tool</a>'
page GET /tools/new "$J"
expect_status "the new tool form" 200
expect_labelled "the new tool form"
page POST /tools "$J" "csrf=$CSRF&name=Forklift&cost=1250.00&plan_id=$PLAN&step_id="
expect_status "add a tool: 303" 303
TOOL=$(sql "SELECT id FROM tool WHERE name = 'Forklift'")
expect_eq "add a tool: to its page" "/tools/$TOOL" "$(header Location)"
expect_eq "add a tool: stored" "125000|$PLAN|" "$(sql "SELECT cost_cents, plan_id, step_id FROM tool WHERE id = $TOOL")"
page GET "/tools/$TOOL" "$J"
expect_status "a tool page" 200
expect_contains "a tool page: the layout" "$BODY" '<main id="main"'
expect_contains "a tool page: the cost" "$BODY" '<dd>1,250.00</dd>'
expect_contains "a tool page: an edit link" "$BODY" "href=\"/tools/$TOOL/edit\">Edit the tool</a>"
page GET /tools "$J"
expect_contains "the tool list links the tool" "$BODY" "<a href=\"/tools/$TOOL\">Forklift</a>"
page GET "/tools/$TOOL/edit" "$J"
expect_status "the tool edit form" 200
expect_labelled "the tool edit form"
expect_contains "the tool edit form: the cost" "$BODY" 'value="1250.00"'
BEFORE=$(dbsum "$DB" $ORG)
page POST /tools "$J" "csrf=$CSRF&name=Crane&cost=lots&plan_id=$PLAN&step_id="
expect_status "a cost that is no amount: 400" 400
expect_contains "a cost that is no amount: beside the field" "$BODY" 'id="f-cost-err"'
expect_contains "a cost that is no amount: kept" "$BODY" 'value="lots"'
page POST "/tools/$TOOL" "$J" "csrf=$CSRF&name=Forklift&cost=1250&plan_id=$PLAN&step_id=$XSTEP"
expect_status "a step of another plan: 400" 400
expect_contains "a step of another plan: beside the field" "$BODY" \
	"<p class=\"error\" id=\"f-step_id-err\">step $XSTEP belongs to plan $XSS, not to the plan chosen ($PLAN)</p>"
expect_eq "bad tool forms write nothing" "$BEFORE" "$(dbsum "$DB" $ORG)"
page POST "/tools/$TOOL" "$J" "csrf=$CSRF&name=Big+forklift&cost=1300&plan_id=$XSS&step_id=$XSTEP"
expect_status "allocate a tool to a step: 303" 303
expect_eq "allocate a tool to a step: stored" "Big forklift|130000||$XSTEP" \
	"$(sql "SELECT name, cost_cents, plan_id, step_id FROM tool WHERE id = $TOOL")"

# steps
page GET "/steps/$XSTEP" "$J"
expect_contains "a step page: an edit link" "$BODY" "href=\"/steps/$XSTEP/edit\">Edit the step</a>"
page GET "/steps/$XSTEP/edit" "$J"
expect_status "the step edit form" 200
expect_labelled "the step edit form"
expect_contains "the step edit form: the estimate in hours" "$BODY" 'name="estimate_hours" type="number" value="2.5"'
page POST "/steps/$XSTEP" "$J" "csrf=$CSRF&name=First+thing&assignee_id=$MANAGER_PERSON&estimate_hours=4&duration_days=2&due=2026-12-10&status=doing"
expect_status "edit a step: 303" 303
expect_eq "edit a step: stored" "First thing|$MANAGER_PERSON|240|2|2026-12-10|doing" \
	"$(sql "SELECT name, assignee_id, estimate_minutes, duration_days, due, status FROM step WHERE id = $XSTEP")"
BEFORE=$(dbsum "$DB" $ORG)
W=$(sql "SELECT name || '|' || coalesce(due, '') FROM step WHERE id = $WAITING")
page POST "/steps/$WAITING" "$J" "csrf=$CSRF&name=$(urlencode "${W%|*}")&assignee_id=&estimate_hours=1&duration_days=1&due=${W#*|}&status=doing"
expect_status "a status its dependencies refuse: 409" 409
expect_contains "a status its dependencies refuse: beside the status" "$BODY" \
	"<p class=\"error\" id=\"f-status-err\">step $WAITING cannot be doing yet: it depends on step "
expect_contains "a status its dependencies refuse: the status kept" "$BODY" '<option value="doing" selected>'
page POST "/steps/$XSTEP" "$J" "csrf=$CSRF&name=First+thing&assignee_id=&estimate_hours=4&duration_days=2&due=2026-02-30&status=doing"
expect_status "a due date that is no date: 400" 400
expect_contains "a due date that is no date: beside the field" "$BODY" 'id="f-due-err">must be a date as YYYY-MM-DD'
page POST "/steps/$XSTEP" "$J" "csrf=$CSRF&name=&assignee_id=&estimate_hours=4&duration_days=2&due=&status=doing"
expect_status "a step without a name: 400" 400
expect_contains "a step without a name: beside the field" "$BODY" '<p class="error" id="f-name-err">must not be empty</p>'
expect_eq "bad step forms write nothing" "$BEFORE" "$(dbsum "$DB" $ORG)"

# what a member and a viewer may not do
BEFORE=$(dbsum "$DB" $ORG)
for p in /units/new /people/new /tools/new; do
	page GET "$p" "$M"
	expect_status "a member: no $p" 403
done
page GET /units "$M"
expect_not_contains "a member: no New unit button" "$BODY" 'New unit'
page GET "/steps/$MSTEP" "$M"
expect_not_contains "a member: no edit link on their step" "$BODY" 'Edit the step'
for p in "/units/$NEWU/edit" "/people/$ADA/edit" "/tools/$TOOL/edit" "/steps/$MSTEP/edit"; do
	page GET "$p" "$M"
	expect_refused "a member: $p"
done
page POST "/steps/$MSTEP" "$M" "csrf=$MCSRF&name=Mine+now&status=done"
expect_status "a member editing their own step: 403" 403
page POST "/units/$NEWU/delete" "$M" "csrf=$MCSRF"
expect_refused "a member deleting a unit"
page GET / "$V"
VCSRF=$(csrf_of)
for p in "/units/$NEWU/edit" "/people/$ADA/edit" "/steps/$XSTEP/edit"; do
	page GET "$p" "$V"
	expect_status "a viewer: $p" 403
done
page POST /units "$V" "csrf=$VCSRF&name=Mine&parent_id=$OPS"
expect_status "a viewer creating a unit: 403" 403
page POST "/people/$ADA" "$V" "csrf=$VCSRF&name=Renamed"
expect_status "a viewer editing a person: 403" 403
page POST "/tools/$TOOL" "$V" "csrf=$VCSRF&name=Renamed"
expect_status "a viewer editing a tool: 403" 403
page POST "/units/$NEWU/delete" "$V" "csrf=$VCSRF"
expect_status "a viewer deleting a unit: 403" 403
expect_eq "refused forms write nothing" "$BEFORE" "$(dbsum "$DB" $ORG)"

# an admin: top-level units
A=$TMP/admin.jar
signin boss "$A"
expect_status "the admin signs in" 303
page GET /units/new "$A"
expect_contains "an admin's new unit form offers the top level" "$BODY" '<option value="" selected>none (top level)</option>'
ACSRF=$(csrf_of)
page POST /units "$A" "csrf=$ACSRF&name=Board&parent_id="
expect_status "an admin creates a top-level unit: 303" 303
expect_eq "a top-level unit: no parent" "Board|" "$(sql "SELECT name, parent_id FROM unit WHERE name = 'Board'")"
page POST /units "$J" "csrf=$CSRF&name=Coup&parent_id="
expect_status "a manager creating a top-level unit: 403" 403

# --- a page's GET form sends its empty inputs ---------------------------------------------------
# An empty input is a filter not given (the API refuses one: errors.sh);
# a value that is given is still checked, and an unknown key still refused.
page GET "/expenses?plan_id=&from=&to=" "$A"
expect_status "a filter form with empty inputs: 200" 200
page GET "/expenses?plan_id=abc&from=" "$A"
expect_status "a filter given badly is still refused: 400" 400
expect_contains "and named" "$BODY" "lan_id: must be an id"
page GET "/expenses?nope=" "$A"
expect_status "an unknown key, even empty, is still refused: 400" 400


# --- error pages --------------------------------------------------------------------------

page GET /plans/999999 "$J"
expect_status "no such plan: 404" 404
expect_eq "no such plan: a page" "text/html; charset=utf-8" "$(header Content-Type)"
expect_contains "no such plan: says so" "$BODY" '<h1>Not found</h1>'
expect_contains "no such plan: with the navigation" "$BODY" '<nav class="main-nav" aria-label="Main">'
page GET "/plans?status=finished" "$J"
expect_status "a bad filter: 400" 400
expect_contains "a bad filter: says which" "$BODY" 'Status: must be all'

# --- signing out ----------------------------------------------------------------------------

page GET / "$J"
CSRF=$(csrf_of)
cp "$J" "$TMP/old.jar"
page POST /logout "$J" "csrf=$CSRF"
expect_status "sign out: 303" 303
expect_eq "sign out: to the sign-in" /login "$(header Location)"
expect_contains "sign out: the cookie is cleared" "$(header Set-Cookie)" "tandem_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
page GET / "$TMP/old.jar"
expect_status "the old session no longer works" 303

# --- too many wrong passwords ----------------------------------------------------------------

B=$TMP/boss.jar
page GET /login "$B"
PRE=$(csrf_of)
for i in 1 2 3 4 5; do
	page POST /login "$B" "csrf=$PRE&login=boss&password=not-the-password"
done
expect_status "the fifth wrong password: 401" 401
page POST /login "$B" "csrf=$PRE&login=boss&password=$PW"
expect_status "then even the right one: 429" 429
expect_contains "then even the right one: said, the login kept" "$BODY" 'too many failed sign-ins'
expect_contains "then even the right one: the form again" "$BODY" 'value="boss"'

finish
