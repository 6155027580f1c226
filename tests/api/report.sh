#!/usr/bin/env bash
# tests/api/report.sh: GET /api/v1/reports/control (JSON and the
# Markdown, CSV and HTML attachments), GET /api/v1/units/:id/complexity,
# the page /reports/control and the unit page's complexity section:
# figures worked out by hand (the same organization as
# tests/cli/report.sh, in 2098 so that today's progress counts), the bad
# inputs, and what an admin, a manager, a member and a viewer may read
# (a unit outside theirs is 404, as if it did not exist).
. "$(dirname "$0")/../lib.sh"

ok() {
	t "$@"
	[ "$RC" = 0 ] || fail "fixture: $*" "$ERR"
}
# units 1 Root { 2 Sub }, 3 Other; Ann (Root) 60/h, Ben (Sub) 30/h 10 h a
# week, Cat (Other); a holiday on Wednesday 2098-06-11
ok unit add Root
ok unit add Sub --parent 1
ok unit add Other
ok person add Ann --email ann@t.test --unit 1 --rate 60
ok person add Ben --email ben@t.test --unit 2 --rate 30 --capacity-hours 10
ok person add Cat --email cat@t.test --unit 3 --rate 100
ok calendar add 2098-06-11 --name "Midweek holiday"
# P1 (Root): s1 Ann 10 h 2 days due 06-03 done; s2 Ben 30 h 3 days after
# s1 due 06-06 doing 40 %. P2 (Sub): s3 nobody 8 h due 06-13; s4 Ann 8 h
# due 06-02. P3 (Other): s5 Cat due 06-05.
ok plan add P1 --unit 1 --start-date 2098-06-02
ok plan add P2 --unit 2 --start-date 2098-06-02
ok plan add P3 --unit 3 --start-date 2098-06-02
ok step add s1 --plan 1 --assignee 1 --estimate-hours 10 --duration-days 2 --due 2098-06-03
ok step add s2 --plan 1 --assignee 2 --estimate-hours 30 --duration-days 3 --due 2098-06-06
ok step dep add 2 --on 1
ok step add s3 --plan 2 --estimate-hours 8 --duration-days 1 --due 2098-06-13
ok step add s4 --plan 2 --assignee 1 --estimate-hours 8 --duration-days 1 --due 2098-06-02
ok step add s5 --plan 3 --assignee 3 --estimate-hours 8 --duration-days 1 --due 2098-06-05
ok budget add --plan 1 --category labour --amount 1000
ok budget add --plan 2 --category tools --amount 500
ok budget add --plan 3 --category labour --amount 9000
ok budget add --unit 1 --category other --amount 300 --from 2098-06-01 --to 2098-06-30
ok time log --person 1 --step 1 --day 2098-06-02 --minutes 120
ok time log --person 1 --step 1 --day 2098-06-04 --minutes 60
ok time log --person 2 --step 2 --day 2098-06-05 --minutes 60
ok time log --person 3 --step 5 --day 2098-06-05 --minutes 60
ok tool add Crane --cost 50 --plan 1
ok expense add --plan 1 --category other --amount 20 --day 2098-06-05
ok step done 1
ok step start 2
ok step set 2 --pct 40
ok problem add "Late supplier" --unit 1 --severity 2
ok problem add "Crane broken" --unit 2 --severity 3
ok problem add "Not ours" --unit 3 --severity 3

# accounts: Ben a manager (reads Sub), Ann a member (reads Root and Sub),
# Cat a viewer (reads Other)
declare -A TOK
for spec in manager:2 member:1 viewer:3; do
	role=${spec%%:*}
	run "$TANDEM" --db "$DB" user add --person "${spec#*:}" --role "$role"
	expect_rc "account for $role" 0
	id=$(sql "SELECT id FROM account WHERE person_id = ${spec#*:}")
	TOK[$role]=$("$TANDEM" --db "$DB" token add --user "$id" --name report | tail -n 1)
done
start_server || { fail "server starts" "$(cat "$TMP/server.err")"; finish; exit 1; }
TOK[admin]=$TOKEN
V=/api/v1
Q="from=2098-06-04&to=2098-06-13"

# as ROLE PATH: GET with ROLE's token; $STATUS, $BODY, $HEADERS
as() {
	STATUS=$(curl -q -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' \
		-H "Authorization: Bearer ${TOK[$1]}" "$URL$2")
	BODY=$(cat "$TMP/body")
	HEADERS=$(tr -d '\r' <"$TMP/headers")
}
header() {
	printf '%s\n' "$HEADERS" | awk -v h="$1" 'tolower(substr($0, 1, index($0, ":") - 1)) == tolower(h) {
		sub(/^[^:]*: */, ""); print; exit }'
}
expect_status() {
	if [ "$STATUS" == "$2" ]; then pass; else fail "$1" "HTTP $STATUS, expected $2; body: ${BODY:0:400}"; fi
}

# --- the report as JSON ------------------------------------------------------------
# As in tests/cli/report.sh (the arithmetic is there), without P4, the
# problem that was closed and Ben's entry after the period:
#   P1: BAC 1000, PV 1000, EV 550, AC 120 + 60 + 30 + 50 + 20 = 280,
#       CPI 1.96, SPI 0.55, EAC 509.09; total EAC 1500 x 280 / 550 = 763.64
#   budget: labour 1000 / 90, tools 500 / 50, other 100 / 20
#   overdue: s4 8 working days, s2 4; Ben 18 h of 10 h in the week of 06-02

as admin "$V/reports/control?unit_id=1&$Q"
expect_status "admin: the report of Root" 200
expect_eq "json: a JSON answer" "application/json; charset=utf-8" "$(header Content-Type)"
expect_eq "json: P1" "1000 1000 550 280 1.96 0.55 509.09" \
	"$(jqb '.evm.plans[0].evm | "\(.bac) \(.pv) \(.ev) \(.ac) \(.cpi) \(.spi) \(.eac)"')"
expect_eq "json: total EAC" "763.64" "$(jqb .evm.total.eac)"
expect_eq "json: budget" "labour:1000:90 tools:500:50 other:100:20" \
	"$(jqb '[.budget.lines[] | "\(.category):\(.budget):\(.actual)"] | join(" ")')"
expect_eq "json: overdue" "4:8 2:4" "$(jqb '[.overdue.items[] | "\(.step_id):\(.days_late)"] | join(" ")')"
expect_eq "json: overloads" "Ben:2098-06-02" "$(jqb '[.overloads.items[] | "\(.name):\(.week)"] | join(" ")')"
expect_eq "json: problems" "3:Crane broken 2:Late supplier" \
	"$(jqb '[.problems.items[] | "\(.severity):\(.title)"] | join(" ")')"

# --- the attachments ------------------------------------------------------------------

as admin "$V/reports/control?unit_id=1&$Q&format=md"
expect_status "md: 200" 200
expect_eq "md: Markdown" "text/markdown; charset=utf-8" "$(header Content-Type)"
expect_eq "md: an attachment" 'attachment; filename="control-report-1-2098-06-13.md"' \
	"$(header Content-Disposition)"
expect_contains "md: P1's row" "$BODY" "| P1 | Root | draft | 1000.00 | 1000.00 | 550.00 | 280.00 | 270.00 | -450.00 | 1.96 | 0.55 | 509.09 | 490.91 |"
as admin "$V/reports/control?unit_id=1&$Q&format=csv"
expect_status "csv: 200" 200
expect_eq "csv: CSV" "text/csv; charset=utf-8" "$(header Content-Type)"
expect_eq "csv: an attachment" 'attachment; filename="control-report-1-2098-06-13.csv"' \
	"$(header Content-Disposition)"
printf '%s' "$BODY" >"$TMP/r.csv"
# 1 header + 2 plans + 1 total + 3 + 1 budget + 2 overdue + 1 overload + 2 problems
expect_eq "csv: 13 rows of 33 columns" "13 33" "$(python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
print(len(rows), ",".join(sorted({str(len(r)) for r in rows})))' "$TMP/r.csv")"
as admin "$V/reports/control?unit_id=1&$Q&format=html"
expect_status "html: 200" 200
expect_eq "html: HTML" "text/html; charset=utf-8" "$(header Content-Type)"
expect_eq "html: an attachment" 'attachment; filename="control-report-1-2098-06-13.html"' \
	"$(header Content-Disposition)"
expect_contains "html: a whole document" "$BODY" "<title>Control report: Root, 2098-06-04 to 2098-06-13</title>"
as admin "$V/reports/control?unit_id=1&$Q&format=json"
expect_eq "format=json is the JSON answer" "550" "$(jqb .evm.total.ev)"

# --- bad input ----------------------------------------------------------------------------

before=$(dbsum)
# expect_error NAME STATUS FIELD
expect_error() {
	expect_status "$1" "$2"
	expect_eq "$1: error.field" "$3" "$(jqb .error.field)"
}
as admin "$V/reports/control?unit_id=1&from=2098-06-13&to=2098-06-04"
expect_error "an end before the start" 400 to
expect_contains "an end before the start: the message" "$(jqb .error.message)" "a period whose end (2098-06-04) is before its start (2098-06-13)"
as admin "$V/reports/control?unit_id=99&$Q"
expect_error "an unknown unit" 404 unit_id
as admin "$V/reports/control?unit_id=1&$Q&format=pdf"
expect_error "an unknown format" 400 format
as admin "$V/reports/control?$Q"
expect_error "an admin names the unit" 400 unit_id
as admin "$V/reports/control?unit_id=1&to=2098-06-13"
expect_error "no from" 400 from
as admin "$V/reports/control?unit_id=1&$Q&colour=red"
expect_error "an unknown parameter" 400 colour
as admin "$V/reports/control?unit_id=1&from=2098-13-01&to=2098-06-13"
expect_error "a month 13" 400 from
STATUS=$(curl -q -s -o /dev/null -w '%{http_code}' "$URL$V/reports/control?unit_id=1&$Q")
expect_eq "without credentials: 401" 401 "$STATUS"
STATUS=$(curl -q -s -o /dev/null -w '%{http_code} %{redirect_url}' "$URL/reports/control")
expect_eq "the page without credentials: to the sign-in" "303 $URL/login?next=/reports/control" "$STATUS"
expect_eq "the bad requests wrote nothing" "$before" "$(dbsum)"

# --- who reads which report ---------------------------------------------------------------
# walk PATH ADMIN MANAGER MEMBER VIEWER: the status each role gets
walk() {
	local path=$1 role want
	shift
	for role in admin manager member viewer; do
		want=$1
		shift
		as "$role" "$path"
		expect_eq "$role: GET $path" "$want" "$STATUS"
	done
}
walk "$V/reports/control?unit_id=1&$Q" 200 404 200 404
walk "$V/reports/control?unit_id=2&$Q" 200 200 200 404
walk "$V/reports/control?unit_id=3&$Q" 200 404 404 200
walk "$V/units/1/complexity" 200 404 200 404
walk "$V/units/2/complexity" 200 200 200 404
walk "$V/units/3/complexity" 200 404 404 200
walk "/reports/control?unit_id=1&$Q" 200 404 200 404
walk "/reports/control?unit_id=3&$Q" 200 404 404 200
# without unit_id a role gets its own unit's report
as manager "$V/reports/control?$Q"
expect_status "manager, no unit_id" 200
expect_eq "manager, no unit_id: Sub's" "2 Sub" "$(jqb '"\(.unit.id) \(.unit.name)"')"
expect_eq "manager: Sub's plans only" "2" "$(jqb '[.evm.plans[].id] | join(",")')"
as viewer "$V/reports/control?$Q&format=md"
expect_status "viewer, no unit_id, Markdown" 200
expect_contains "viewer: Other's report" "$BODY" "# Control report: Other"
expect_contains "viewer: P3" "$BODY" "| P3 | Other |"

# --- complexity --------------------------------------------------------------------------------
# Root with Sub: people Ann, Ben = 2; plans P1, P2; steps s1..s4 = 4, open
# s2, s3, s4 = 3; one dependency s2<-s1, Ann (Root) -> Ben (Sub): a hand-off.
#   open/person 3/2 = 1.50; density 1/4 = 0.25; hand-offs 100 %; 4/2 = 2.00
as admin "$V/units/1/complexity"
expect_status "complexity of Root" 200
expect_eq "complexity: figures" "1 Root 2 2 4 3 1 1 1.5 0.25 100 2 1" \
	"$(jqb '"\(.unit_id) \(.unit) \(.people) \(.plans) \(.steps) \(.open_steps) \(.dependencies) \(.handoffs) \(.open_steps_per_person) \(.dependency_density) \(.handoff_pct) \(.steps_per_plan) \(.largest_plan.id)"')"
as admin "$V/units/99/complexity"
expect_status "complexity of an unknown unit" 404
as admin "$V/units/1/complexity?x=1"
expect_error "complexity takes no parameters" 400 x

# --- the pages ---------------------------------------------------------------------------------

as admin "/reports/control?unit_id=1&$Q"
expect_status "page: 200" 200
expect_contains "page: the layout" "$BODY" "<h1>Control report</h1>"
expect_contains "page: the form keeps the unit" "$BODY" '<option value="1" selected'
expect_contains "page: P1 links to its plan" "$BODY" '<a href="/plans/1">P1</a>'
expect_contains "page: the chart, labelled" "$BODY" 'role="img" aria-labelledby="report-chart-t"'
# bars scale to the largest amount, labour's budget 1000.00 -> 400 px; its
# actual 90.00 -> 36 px; tools 500.00 -> 200, 50.00 -> 20
expect_contains "page: labour's budget bar" "$BODY" 'class="report-bar-budget" x="90" y="14" width="400"'
expect_contains "page: labour's actual bar" "$BODY" 'class="report-bar-actual" x="90" y="30" width="36"'
expect_contains "page: tools' budget bar" "$BODY" 'width="200" height="16"'
expect_contains "page: the downloads" "$BODY" 'href="/reports/control?unit_id=1&amp;from=2098-06-04&amp;to=2098-06-13&amp;format=csv"'
expect_not_contains "page: no inline style" "$BODY" 'style='
expect_not_contains "page: no markup escaped twice" "$BODY" '&quot;'
expect_contains "page: P1's CPI" "$BODY" '<td class="num">1.96</td>'
as admin "/reports/control?unit_id=1&$Q&format=csv"
expect_eq "page: the CSV download" "text/csv; charset=utf-8" "$(header Content-Type)"
as admin "/reports/control?unit_id=1&from=2098-06-13&to=2098-06-04"
expect_status "page: a bad period is 400" 400
expect_contains "page: the message beside the form" "$BODY" "a period whose end (2098-06-04) is before its start"
as admin "/reports/control?unit_id=1&from=junk&to=2098-06-13"
expect_status "page: a date that does not parse is 400" 400
expect_contains "page: said beside the form" "$BODY" "must be a date as YYYY-MM-DD"
expect_contains "page: the form is there to fix it" "$BODY" '<form method="get" action="/reports/control"'
as manager "/reports/control"
expect_status "page: the defaults" 200
expect_contains "page: the manager's own unit by default" "$BODY" "<p>Sub and its sub-units"
as admin "/units/1"
expect_status "unit page" 200
expect_contains "unit page: the complexity section" "$BODY" '<h2 id="h-cx">Complexity</h2>'
expect_contains "unit page: open steps per person" "$BODY" "<dt>Open steps per person</dt><dd>1.50</dd>"
expect_contains "unit page: hand-offs" "$BODY" "<dd>1 (100.00% of the dependencies)</dd>"
expect_contains "unit page: a link to the unit's report" "$BODY" '<a href="/reports/control?unit_id=1">'

finish
