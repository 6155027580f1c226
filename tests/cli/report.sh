#!/usr/bin/env bash
# tests/cli/report.sh: tandem report control: the five sections of a
# unit's control report worked out by hand on a small organization, in
# Markdown, JSON, CSV and HTML, and the bad inputs.
#
# The organization lives in 2098, after any day these tests run: progress
# is recorded on the day it is set (today), and "as of" a day in 2098
# counts it whatever today is.
source "$(dirname "$0")/../lib.sh"

# ok ARGS...: t, which must succeed (the fixture)
ok() {
	t "$@"
	[ "$RC" = 0 ] || fail "fixture: $*" "$ERR"
}

# units 1 Root { 2 Sub }, 3 Other (outside Root's report)
ok unit add Root
ok unit add Sub --parent 1
ok unit add Other
# Ann (Root) 60.00/h, Ben (Sub) 30.00/h with 10 h a week, Cat (Other) 100.00/h
ok person add Ann --email ann@t.test --unit 1 --rate 60
ok person add Ben --email ben@t.test --unit 2 --rate 30 --capacity-hours 10
ok person add Cat --email cat@t.test --unit 3 --rate 100
# Wednesday 2098-06-11 is a holiday (2098-06-02 is a Monday)
ok calendar add 2098-06-11 --name "Midweek holiday"
# plans: 1 P1 (Root), 2 P2 (Sub), 3 P3 (Other), 4 P4 (Root, cancelled),
# all starting Monday 2098-06-02
ok plan add P1 --unit 1 --start-date 2098-06-02
ok plan add P2 --unit 2 --start-date 2098-06-02
ok plan add P3 --unit 3 --start-date 2098-06-02
ok plan add P4 --unit 1 --start-date 2098-06-02
# P1: s1 Ann 10 h, 2 days (Mon 06-02, Tue 06-03), due 06-03, done;
#     s2 Ben 30 h, 3 days after s1 (Wed 06-04 .. Fri 06-06), due 06-06, doing, 40 %
ok step add s1 --plan 1 --assignee 1 --estimate-hours 10 --duration-days 2 --due 2098-06-03
ok step add s2 --plan 1 --assignee 2 --estimate-hours 30 --duration-days 3 --due 2098-06-06
ok step dep add 2 --on 1
# P2: s3 nobody 8 h, 1 day (06-02), due 06-13; s4 Ann 8 h, 1 day (06-02), due 06-02
ok step add s3 --plan 2 --estimate-hours 8 --duration-days 1 --due 2098-06-13
ok step add s4 --plan 2 --assignee 1 --estimate-hours 8 --duration-days 1 --due 2098-06-02
# P3 (Other): s5 Cat, overdue but not Root's; P4: s6 overdue in a cancelled plan
ok step add s5 --plan 3 --assignee 3 --estimate-hours 8 --duration-days 1 --due 2098-06-05
ok step add s6 --plan 4 --estimate-hours 1 --duration-days 1 --due 2098-06-03
ok plan set 4 --status cancelled
# budget lines: P1 labour 1000, P2 tools 500, P3 labour 9000, and Root's
# own "other" 300 for June 2098 (30 days)
ok budget add --plan 1 --category labour --amount 1000
ok budget add --plan 2 --category tools --amount 500
ok budget add --plan 3 --category labour --amount 9000
ok budget add --unit 1 --category other --amount 300 --from 2098-06-01 --to 2098-06-30
# time: Ann on s1 06-02 120 min (120.00) and 06-04 60 min (60.00); Ben on
# s2 06-05 60 min (30.00) and 06-20 60 min (30.00, after the period);
# Cat on s5 06-05 60 min (100.00, Other's)
ok time log --person 1 --step 1 --day 2098-06-02 --minutes 120
ok time log --person 1 --step 1 --day 2098-06-04 --minutes 60
ok time log --person 2 --step 2 --day 2098-06-05 --minutes 60
ok time log --person 2 --step 2 --day 2098-06-20 --minutes 60
ok time log --person 3 --step 5 --day 2098-06-05 --minutes 60
# a tool of 50.00 on P1 and an expense ("other") of 20.00 on 06-05
ok tool add Crane --cost 50 --plan 1
ok expense add --plan 1 --category other --amount 20 --day 2098-06-05
ok step done 1
ok step start 2
ok step set 2 --pct 40
# problems: Root's (severity 2, a title with markup), Sub's (severity 3,
# owner Ben, due 06-20), Other's (not Root's), and a closed one of Root's
ok problem add "Late supplier | <b>now</b>" --unit 1 --severity 2
ok problem add "Crane broken" --unit 2 --severity 3 --owner 2 --due 2098-06-20
ok problem add "Not ours" --unit 3 --severity 3
ok problem add "Solved" --unit 1 --severity 3
ok problem set 4 --status closed
TODAY=$(date -u +%F)	# the day the problems were found

# --- the report of Root, 2098-06-04 .. 2098-06-13 ---------------------------
#
# 1. Earned value as of Fri 2098-06-13 (docs/evm.md). Steps weigh their
#    estimate: P1 s1 600 min, s2 1800 min of BAC 1000.00 -> 250.00, 750.00;
#    P2 s3 and s4 480 min each of 500.00 -> 250.00 each.
#    P1: BAC 1000.00; PV 1000.00 (its schedule ended 06-06);
#        EV 250.00 x 100 % + 750.00 x 40 % = 550.00;
#        AC time 120.00 + 60.00 + 30.00 (not 06-20's) + tool 50.00 + expense
#        20.00 = 280.00; CV 550 - 280 = 270.00; SV 550 - 1000 = -450.00;
#        CPI 550 / 280 = 1.964 -> 1.96; SPI 0.55;
#        EAC 1000 x 280 / 550 = 509.0909 -> 509.09; VAC 490.91.
#    P2: BAC 500.00, PV 500.00, EV 0, AC 0: CV 0.00, SV -500.00, CPI and
#        EAC undefined (-), SPI 0.00.
#    P4: cancelled, no budget: all 0, ratios undefined. P3 is not Root's.
#    Total: BAC 1500.00, PV 1500.00, EV 550.00, AC 280.00, CV 270.00,
#        SV -950.00, CPI 1.96, SPI 550 / 1500 = 0.3667 -> 0.37,
#        EAC 1500 x 280 / 550 = 763.636 -> 763.64, VAC 736.36.
# 2. Budget vs actual over the period: labour = P1's line 1000.00 (no
#    period: whole); tools = P2's 500.00; other = Root's June line
#    prorated: 300.00 x 10 days (06-04 .. 06-13) / 30 = 100.00.
#    Actual: labour = time in the period on Root's plans 60.00 + 30.00 =
#    90.00; tools = 50.00; other = the expense 20.00.
#    Variance: 910.00, 450.00, 80.00; totals 1600.00, 160.00, 1440.00.
# 3. Overdue (not done, due before 06-13, plan not cancelled): s4 due
#    06-02: working days 06-03, 04, 05, 06, 09, 10, 12, 13 (06-11 a
#    holiday) = 8; s2 due 06-06: 06-09, 10, 12, 13 = 4. Not s1 (done),
#    s3 (due on 06-13), s5 (Other's), s6 (cancelled plan).
# 4. Overloads in the weeks of 06-02 and 06-09: Ben's s2 has 30 h x 60 % =
#    18 h left, over Wed-Fri 06-04..06-06: 18.00 h in the week of 06-02,
#    against 10.00 h: 180 %. Ann: s4's 8 h in that week, under her 40 h.
# 5. Open problems, most severe first: Crane broken (3), then Late
#    supplier (2); not Not ours (Other's) nor Solved (closed).

t report control --unit 1 --from 2098-06-04 --to 2098-06-13
expect_rc "report control (Markdown)" 0
MD=$OUT
line() {	# line PREFIX: the report's line starting with PREFIX
	printf '%s\n' "$MD" | grep -F -- "$1" | head -n 1
}
expect_eq "md: title" "# Control report: Root" "$(printf '%s\n' "$MD" | head -n 1)"
expect_contains "md: the period" "$MD" "from 2098-06-04 to 2098-06-13 (figures as of 2098-06-13)"
expect_eq "md: EVM header" "| Plan | Unit | Status | BAC | PV | EV | AC | CV | SV | CPI | SPI | EAC | VAC |" \
	"$(line '| Plan | Unit')"
expect_eq "md: P1's figures" "| P1 | Root | draft | 1000.00 | 1000.00 | 550.00 | 280.00 | 270.00 | -450.00 | 1.96 | 0.55 | 509.09 | 490.91 |" \
	"$(line '| P1 |')"
expect_eq "md: P2's figures" "| P2 | Sub | draft | 500.00 | 500.00 | 0.00 | 0.00 | 0.00 | -500.00 | - | 0.00 | - | - |" \
	"$(line '| P2 |')"
expect_eq "md: P4, cancelled" "| P4 | Root | cancelled | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 | - | - | - | - |" \
	"$(line '| P4 |')"
expect_eq "md: the total" "| Total |  |  | 1500.00 | 1500.00 | 550.00 | 280.00 | 270.00 | -950.00 | 1.96 | 0.37 | 763.64 | 736.36 |" \
	"$(line '| Total |  |')"
expect_not_contains "md: P3 is Other's" "$MD" "| P3 |"
expect_eq "md: labour" "| labour | 1000.00 | 90.00 | 910.00 |" "$(line '| labour |')"
expect_eq "md: tools" "| tools | 500.00 | 50.00 | 450.00 |" "$(line '| tools |')"
expect_eq "md: other, prorated" "| other | 100.00 | 20.00 | 80.00 |" "$(line '| other |')"
expect_eq "md: budget total" "| Total | 1600.00 | 160.00 | 1440.00 |" "$(line '| Total | 1600')"
expect_eq "md: overdue rows, oldest due first" \
	"| P2 | s4 | Ann | todo | 2098-06-02 | 8 |,| P1 | s2 | Ben | doing | 2098-06-06 | 4 |" \
	"$(printf '%s\n' "$MD" | grep -E '^\| P[0-9] \| s[0-9]' | join_lines ,)"
expect_contains "md: overload weeks" "$MD" "## 4. Overloads, 2 weeks from 2098-06-02"
expect_eq "md: Ben overloaded" "| 2098-06-02 | Ben | 18.00 | 10.00 | 180% |" "$(line '| 2098-06-02 | Ben')"
expect_eq "md: problems, most severe first, markup escaped" \
	"| 3 | Crane broken | manual | open | Sub | Ben | $TODAY | 2098-06-20 |,| 2 | Late supplier \| \<b\>now\</b\> | manual | open | Root | - | $TODAY | - |" \
	"$(printf '%s\n' "$MD" | grep -E '^\| [123] \|' | join_lines ,)"
expect_not_contains "md: Other's problem left out" "$MD" "Not ours"
expect_not_contains "md: closed problem left out" "$MD" "Solved"

# a Sub report sees only Sub: P2, s4, Ben's week, Crane broken
t report control --unit 2 --from 2098-06-04 --to 2098-06-13 --json
expect_rc "Sub's report" 0
expect_eq "Sub: plans" "2" "$(jqo '[.evm.plans[].id] | join(",")')"
expect_eq "Sub: overdue" "4" "$(jqo '[.overdue.items[].step_id] | join(",")')"
expect_eq "Sub: problems" "Crane broken" "$(jqo '[.problems.items[].title] | join(",")')"
# Sub's budget: P2's tools line 500.00, no unit line; actual 0
expect_eq "Sub: budget totals" "500 0" "$(jqo '"\(.budget.total.budget) \(.budget.total.actual)"')"

# --- JSON ----------------------------------------------------------------------

t report control --unit 1 --from 2098-06-04 --to 2098-06-13 --format json
expect_rc "report control --format json" 0
expect_eq "json: unit and period" "1 Root 2098-06-04 2098-06-13 2098-06-13" \
	"$(jqo '"\(.unit.id) \(.unit.name) \(.from) \(.to) \(.as_of)"')"
expect_eq "json: the plans" "1:P1 2:P2 4:P4" "$(jqo '[.evm.plans[] | "\(.id):\(.name)"] | join(" ")')"
expect_eq "json: P1" "1000 1000 550 280 270 -450 1.96 0.55 509.09 490.91" \
	"$(jqo '.evm.plans[0].evm | "\(.bac) \(.pv) \(.ev) \(.ac) \(.cv) \(.sv) \(.cpi) \(.spi) \(.eac) \(.vac)"')"
expect_eq "json: P2's undefined ratios are null" "null 0 null" \
	"$(jqo '.evm.plans[1].evm | "\(.cpi) \(.spi) \(.eac)"')"
expect_eq "json: total" "1500 1500 550 280 270 -950 1.96 0.37 763.64 736.36" \
	"$(jqo '.evm.total | "\(.bac) \(.pv) \(.ev) \(.ac) \(.cv) \(.sv) \(.cpi) \(.spi) \(.eac) \(.vac)"')"
expect_eq "json: budget lines" "labour:1000:90:910 tools:500:50:450 other:100:20:80" \
	"$(jqo '[.budget.lines[] | "\(.category):\(.budget):\(.actual):\(.variance)"] | join(" ")')"
expect_eq "json: budget total" "1600 160 1440" \
	"$(jqo '.budget.total | "\(.budget) \(.actual) \(.variance)"')"
expect_eq "json: overdue" "2 4:8 2:4" \
	"$(jqo '"\(.overdue.count) " + ([.overdue.items[] | "\(.step_id):\(.days_late)"] | join(" "))')"
expect_eq "json: overdue s4 in full" "2 P2 4 s4 1 Ann todo 2098-06-02" \
	"$(jqo '.overdue.items[0] | "\(.plan_id) \(.plan) \(.step_id) \(.step) \(.assignee_id) \(.assignee) \(.status) \(.due)"')"
expect_eq "json: overload weeks" "2098-06-02 2 1" \
	"$(jqo '.overloads | "\(.from_monday) \(.weeks) \(.count)"')"
expect_eq "json: the overload" "2 2098-06-02" \
	"$(jqo '.overloads.items[0] | "\(.person_id) \(.week)"')"
expect_eq "json: problems" "2 3:Crane broken 2:Late supplier | <b>now</b>" \
	"$(jqo '"\(.problems.count) " + ([.problems.items[] | "\(.severity):\(.title)"] | join(" "))')"
t report control --unit 1 --from 2098-06-04 --to 2098-06-13 --json
expect_eq "--json is --format json" "550 2" "$(jqo '"\(.evm.total.ev) \(.overdue.count)"')"

# --- CSV -----------------------------------------------------------------------

t report control --unit 1 --from 2098-06-04 --to 2098-06-13 --format csv
expect_rc "report control --format csv" 0
printf '%s\n' "$OUT" >"$TMP/r.csv"
# parsed with Python's csv module: 1 header + 3 plans + 1 total + 3
# budget lines + 1 total + 2 overdue + 1 overload + 2 problems = 14 rows,
# every one as wide as the header
expect_eq "csv: rows by section" "section=1 evm=3 evm_total=1 budget=3 budget_total=1 overdue=2 overload=1 problem=2 widths=33" \
	"$(python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
order, seen = [], {}
for r in rows:
    if r[0] not in seen:
        order.append(r[0]); seen[r[0]] = 0
    seen[r[0]] += 1
print(" ".join("%s=%d" % (k, seen[k]) for k in order), "widths=" + ",".join(sorted({str(len(r)) for r in rows})))
' "$TMP/r.csv")"
csvcol() {	# csvcol SECTION COLUMN: the values of COLUMN in SECTION's rows
	python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
h = rows[0]
print(",".join(r[h.index(sys.argv[3])] for r in rows[1:] if r[0] == sys.argv[2]))
' "$TMP/r.csv" "$1" "$2"
}
expect_eq "csv: EVM EAC per plan" "509.09,," "$(csvcol evm eac)"
expect_eq "csv: total CPI and SV" "1.96 -950.00" "$(csvcol evm_total cpi) $(csvcol evm_total sv)"
expect_eq "csv: budget variance" "910.00,450.00,80.00" "$(csvcol budget variance)"
expect_eq "csv: days late" "8,4" "$(csvcol overdue days_late)"
expect_eq "csv: overload hours" "18.00 10.00" "$(csvcol overload load_hours) $(csvcol overload capacity_hours)"
expect_eq "csv: problem titles" "Crane broken,Late supplier | <b>now</b>" "$(csvcol problem title)"

# --- HTML ----------------------------------------------------------------------

t report control --unit 1 --from 2098-06-04 --to 2098-06-13 --format html
expect_rc "report control --format html" 0
expect_eq "html: a standalone document" "<!doctype html>" "$(printf '%s\n' "$OUT" | head -n 1)"
expect_contains "html: ends the document" "$(printf '%s\n' "$OUT" | tail -n 1)" "</html>"
expect_contains "html: the title" "$OUT" "<title>Control report: Root, 2098-06-04 to 2098-06-13</title>"
expect_contains "html: names are escaped" "$OUT" "Late supplier | &lt;b&gt;now&lt;/b&gt;"
expect_not_contains "html: no raw markup from a name" "$OUT" "<b>now"
expect_contains "html: P1's EAC" "$OUT" "<td class=\"num\">509.09</td>"
expect_contains "html: P1's CPI" "$OUT" "<td class=\"num\">1.96</td>"
expect_contains "html: a number's header" "$OUT" "<th scope=\"col\" class=\"num\">BAC</th>"
expect_not_contains "html: no markup escaped twice" "$OUT" "&quot;"
expect_contains "html: the chart" "$OUT" "<svg class=\"report-chart\""
expect_not_contains "html: no links back to the server" "$OUT" "href=\"/"

# --- long sections: at most 500 rows, and the count of them all -------------------

# the demo with 3000 steps has more overdue steps by 2027-12-31 than a
# report lists; the count comes from sqlite3 / psql
BIG=$(newdb big)
run "$TANDEM" --db "$BIG" demo --today 2026-11-27 --people 60 --plans 10 --steps 3000
expect_rc "the demo of 3000 steps" 0
want=$(sqlat "$BIG" "SELECT count(*) FROM step s JOIN plan p ON p.id = s.plan_id
                      WHERE s.status <> 'done' AND s.due < '2027-12-31' AND p.status <> 'cancelled'")
[ "$want" -gt 500 ] && pass || fail "the big demo has more than 500 overdue steps" "$want"
run "$TANDEM" --db "$BIG" report control --unit 1 --from 2027-01-01 --to 2027-12-31 --json
expect_rc "the big report" 0
expect_eq "big: the count of them all, 500 listed" "$want 500" \
	"$(jqo '"\(.overdue.count) \(.overdue.items | length)"')"
expect_eq "big: the first is the oldest due" \
	"$(sqlat "$BIG" "SELECT min(s.due) FROM step s JOIN plan p ON p.id = s.plan_id
	                 WHERE s.status <> 'done' AND s.due < '2027-12-31' AND p.status <> 'cancelled'")" \
	"$(jqo '.overdue.items[0].due')"
run "$TANDEM" --db "$BIG" report control --unit 1 --from 2027-01-01 --to 2027-12-31
expect_contains "big: Markdown says how many" "$OUT" "$want steps; the first 500:"

# --- bad input: nothing written, a clear message ------------------------------

before=$(dbsum)
t report control --unit 1 --from 2098-06-13 --to 2098-06-04
expect_rc "an end before the start exits 3" 3
expect_contains "an end before the start says so" "$ERR" "--to: a period whose end (2098-06-04) is before its start (2098-06-13)"
expect_eq "an end before the start prints nothing" "" "$OUT"
t report control --unit 99 --from 2098-06-04 --to 2098-06-13
expect_rc "an unknown unit exits 4" 4
expect_contains "an unknown unit is named" "$ERR" "--unit: no unit with id 99"
t report control --unit 1 --from 2098-06-04 --to 2098-06-13 --format pdf
expect_rc "an unknown format exits 3" 3
expect_contains "an unknown format names --format" "$ERR" "--format:"
t report control --unit 1 --to 2098-06-13
expect_rc "no --from exits 3" 3
expect_contains "no --from says it is required" "$ERR" "--from: is required"
t report control --from 2098-06-04 --to 2098-06-13
expect_rc "no --unit exits 3" 3
expect_contains "no --unit says it is required" "$ERR" "--unit: is required"
t report control --unit 1 --from 2098-02-30 --to 2098-06-13
expect_rc "an impossible day exits 3" 3
expect_contains "an impossible day names --from" "$ERR" "--from: must be a date"
# 2096-06-04 is a Monday; to 2098-06-13 the period touches 106 weeks
t report control --unit 1 --from 2096-06-04 --to 2098-06-13
expect_rc "a period over 104 weeks exits 3" 3
expect_contains "a period over 104 weeks says so" "$ERR" "--to: a period of at most 104 weeks"
# a one-day period is fine: from = to
t report control --unit 1 --from 2098-06-13 --to 2098-06-13 --json
expect_rc "a one-day period" 0
expect_eq "a one-day period: one week, same figures as of" "1 550" "$(jqo '"\(.overloads.weeks) \(.evm.total.ev)"')"
expect_eq "the report wrote nothing" "$before" "$(dbsum)"

finish
