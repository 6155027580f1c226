#!/usr/bin/env bash
# tests/cli/budgets.sh: budget lines, expenses, the cost kept with each
# time entry, activity classes, percent complete and a plan's progress,
# and budget against actual (by plan, by unit with prorated period lines),
# against figures worked out by hand below.
source "$(dirname "$0")/../lib.sh"

digest() {
	dbsum "$DB" budget expense time_entry step step_progress
}

# units 1 Root { 2 Sub }, 3 Other
# Ann (1, Root, 60.00/h), Ben (2, Sub, 45.00/h), Cat (3, Other, 33.33/h)
# plans P1 (Root), P2 (Sub), P3 (Other), all starting 2026-03-02
# steps: 1 S1 (P1, 10 h, planning), 2 S2 (P1, 30 h), 3 S3 (P2, no estimate),
#        4 S4 (P3), 5 S5 (P2, no estimate)
t unit add Root
t unit add Sub --parent 1
t unit add Other
t person add Ann --email ann@t.test --unit 1 --rate 60
t person add Ben --email ben@t.test --unit 2 --rate 45
t person add Cat --email cat@t.test --unit 3 --rate 33.33
t plan add P1 --unit 1 --start-date 2026-03-02
t plan add P2 --unit 2 --start-date 2026-03-02
t plan add P3 --unit 3 --start-date 2026-03-02
t step add S1 --plan 1 --estimate-hours 10 --activity planning
expect_rc "step add --activity" 0
t step add S2 --plan 1 --estimate-hours 30
t step add S3 --plan 2
t step add S4 --plan 3
t step add S5 --plan 2
expect_eq "setup" "3|3|3|5" \
	"$(sql 'SELECT (SELECT count(*) FROM unit), (SELECT count(*) FROM person), (SELECT count(*) FROM plan), (SELECT count(*) FROM step)')"
expect_eq "the class is stored, none by default" "1|planning
2|" "$(sql 'SELECT id, activity FROM step WHERE id <= 2 ORDER BY id')"

# --- activity classes ------------------------------------------------------

before=$(digest)
t step add Bad --plan 1 --activity meetings
expect_rc "an unknown class exits 3" 3
expect_contains "an unknown class names --activity and lists the ten" "$ERR" \
	"--activity: must be one of planning, budgeting, organizing, staffing, controlling, problem-solving, direction, aligning, motivating, change, none"
t step set 2 --activity Planning
expect_rc "classes are lower case" 3
t time log --person 1 --step 1 --day 2026-03-02 --minutes 10 --activity bogus
expect_rc "time log with an unknown class exits 3" 3
expect_contains "time log names --activity" "$ERR" "--activity: must be one of planning"
expect_eq "no refused class wrote anything" "$before" "$(digest)"
t step set 2 --activity aligning
expect_eq "step set --activity" "aligning" "$(sql 'SELECT activity FROM step WHERE id = 2')"
t step set 2 --activity none
expect_eq "--activity none is the work itself (null)" "1" "$(sql 'SELECT count(*) FROM step WHERE id = 2 AND activity IS NULL')"
t step show 1 --json
expect_eq "step JSON has activity and pct" "planning 0" "$(jqo '"\(.activity) \(.pct)"')"

# --- time entries: class and cost kept at write time -------------------------

# cost = (minutes x rate_cents + 30) / 60, in whole cents:
#   e1 Ann S1 03-02  90 min: 90 x 6000 = 540000 -> 9000     (90.00), class planning (S1's)
#   e2 Ben S2 03-03  50 min: 50 x 4500 = 225000 -> 3750     (37.50), --activity controlling
#   e3 Cat S1 03-10   7 min:  7 x 3333 =  23331 -> 388.85 -> 389 (3.89), --activity none
#   e4 Ben S3 03-04 120 min: 120 x 4500 = 540000 -> 9000    (90.00), no class
#   e5 Cat S2 03-11   2 min:  2 x 3333 =   6666 -> 111.1 -> 111 (1.11)
t time log --person 1 --step 1 --day 2026-03-02 --minutes 90
expect_rc "e1" 0
t time log --person 2 --step 2 --day 2026-03-03 --minutes 50 --activity controlling
t time log --person 3 --step 1 --day 2026-03-10 --minutes 7 --activity none
t time log --person 2 --step 3 --day 2026-03-04 --minutes 120
t time log --person 3 --step 2 --day 2026-03-11 --minutes 2 --json
expect_rc "e5" 0
expect_eq "time log --json has the cost and the class" "1.11 null" "$(jqo '"\(.cost) \(.activity)"')"
expect_eq "the costs in cents" "1|9000|planning
2|3750|controlling
3|389|
4|9000|
5|111|" "$(sql 'SELECT id, cost_cents, activity FROM time_entry ORDER BY id')"
# a raise later does not rewrite the entries already logged
t person set 1 --rate 90
expect_eq "a raise keeps old costs" 9000 "$(sql 'SELECT cost_cents FROM time_entry WHERE id = 1')"
t person set 1 --rate 60
# the step's class later does not change the entry either
t step set 1 --activity budgeting
expect_eq "a new step class keeps the entry's" "planning" "$(sql 'SELECT activity FROM time_entry WHERE id = 1')"
t step set 1 --activity planning
t time list --plan 1
expect_rc "time list" 0
expect_eq "time list shows cost and class" "ID  DAY         PERSON  STEP  MINUTES   COST  ACTIVITY     NOTE
 1  2026-03-02  Ann        1       90  90.00  planning     -
 2  2026-03-03  Ben        2       50  37.50  controlling  -
 3  2026-03-10  Cat        1        7   3.89  -            -
 5  2026-03-11  Cat        2        2   1.11  -            -
total 149 minutes (2.48 h) in 4 entries" "$OUT"

# --- progress ------------------------------------------------------------------

today=$(date -u +%F)
before=$(digest)
for bad in -1 101 abc 5.5; do
	t step set 1 --pct "$bad"
	expect_rc "pct \"$bad\" exits 3" 3
	expect_contains "pct \"$bad\" names --pct" "$ERR" "--pct: must be a whole number"
done
t step set 1 --status done --pct 50
expect_rc "done with a pct other than 100 exits 3" 3
expect_contains "done with pct 50 is refused" "$ERR" "--pct: a done step is 100% complete"
expect_eq "no refused pct wrote anything" "$before" "$(digest)"

t step set 1 --pct 50
expect_rc "step set --pct" 0
t step set 2 --pct 20
expect_eq "pct stored" "1|50
2|20" "$(sql 'SELECT id, pct FROM step WHERE id <= 2 ORDER BY id')"
expect_eq "each change is kept for today" "1|$today|50
2|$today|20" "$(sql 'SELECT step_id, day, pct FROM step_progress ORDER BY step_id')"
t step set 1 --pct 60
expect_eq "a second change the same day replaces the day's value" "1|$today|60" \
	"$(sql 'SELECT step_id, day, pct FROM step_progress WHERE step_id = 1')"
t step set 1 --pct 50
# plan 1: weights 600 and 1800 minutes: (50 x 600 + 20 x 1800) / 2400 = 66000 / 2400 = 27.5
t plan show 1
expect_contains "plan show: progress weighted by estimate" "$OUT" "progress  27.50 %"
t plan show 1 --json
expect_eq "plan JSON progress" "27.5" "$(jqo '.progress')"
# plan 2: two unestimated steps weigh 1 each: (40 + 0) / 2 = 20
t step set 3 --pct 40
t plan show 2 --json
expect_eq "unestimated steps weigh alike" "20" "$(jqo '.progress')"
t plan show 3 --json
expect_eq "a plan at 0" "0" "$(jqo '.progress')"

# done sets 100; reopening starts again at 0, unless a pct is given
t step done 4
expect_eq "done sets 100" 100 "$(sql 'SELECT pct FROM step WHERE id = 4')"
expect_eq "done is kept in the history" "$today|100" "$(sql 'SELECT day, pct FROM step_progress WHERE step_id = 4')"
t step set 4 --status doing
expect_eq "reopened: 0" 0 "$(sql 'SELECT pct FROM step WHERE id = 4')"
t step done 4
t step set 4 --status doing --pct 80
expect_eq "reopened with --pct keeps it" 80 "$(sql 'SELECT pct FROM step WHERE id = 4')"
t step add Finished --plan 3 --status done --json
expect_eq "a step added done is 100" 100 "$(jqo '.pct')"
t step show 1
expect_contains "step show has progress and activity" "$OUT" "progress  50 %
activity  planning"

# --- budget lines ---------------------------------------------------------------

before=$(digest)
t budget add --plan 1 --category labour --amount -1
expect_rc "a negative amount exits 3" 3
expect_contains "a negative amount names --amount" "$ERR" "--amount: must be an amount"
t budget add --plan 1 --category labour --amount abc
expect_rc "a non-numeric amount exits 3" 3
t budget add --plan 1 --category food --amount 1
expect_rc "an unknown category exits 3" 3
expect_contains "an unknown category lists the three" "$ERR" "--category: must be one of labour, tools, other"
t budget add --plan 1 --unit 1 --category labour --amount 1
expect_rc "a plan and a unit exits 3" 3
expect_contains "not both" "$ERR" "--unit: a budget line is a plan's or a unit's, not both"
t budget add --category labour --amount 1
expect_rc "neither plan nor unit exits 3" 3
expect_contains "neither names --plan" "$ERR" "--plan: give the plan or the unit"
t budget add --unit 1 --category other --amount 10
expect_rc "a unit line without a period exits 3" 3
expect_contains "a unit line needs its period" "$ERR" "--from: a unit's budget line needs its period"
t budget add --unit 1 --category other --amount 10 --from 2026-02-01 --to 2026-01-31
expect_rc "a period ending before it starts exits 3" 3
expect_contains "the period's end is named" "$ERR" "--to: the period ends (2026-01-31) before it starts (2026-02-01)"
t budget add --plan 1 --category other --amount 10 --from 2026-02-01
expect_rc "half a period exits 3" 3
t budget add --plan 9 --category labour --amount 1
expect_rc "an unknown plan exits 4" 4
expect_contains "an unknown plan is named" "$ERR" "--plan: no plan with id 9"
t budget add --unit 9 --category labour --amount 1 --from 2026-01-01 --to 2026-12-31
expect_rc "an unknown unit exits 4" 4
expect_eq "no refused budget add wrote anything" "$before" "$(digest)"

# b1 P1 labour 1000.00, b2 P1 tools 300.00 (BAC of P1 = 1300.00)
# b3 Root other 1000.00 for 2026 (365 days), b4 Sub labour 100.00 for March (31 days)
# b5 Other other 999.00 for 2026 (outside Root's subtree), b6 P2 labour 200.00
t budget add --plan 1 --category labour --amount 1000 --note people
expect_rc "budget add" 0
expect_eq "budget add prints the id" "budget line 1 added" "$OUT"
t budget add --plan 1 --category tools --amount 300 --json
expect_eq "budget add --json" "2 1 1 tools 300 null" "$(jqo '"\(.id) \(.unit_id) \(.plan_id) \(.category) \(.amount) \(.from)"')"
t budget add --unit 1 --category other --amount 1000 --from 2026-01-01 --to 2026-12-31
t budget add --unit 2 --category labour --amount 100 --from 2026-03-01 --to 2026-03-31
t budget add --unit 3 --category other --amount 999 --from 2026-01-01 --to 2026-12-31
t budget add --plan 2 --category labour --amount 200
expect_eq "the plan's unit is filled in" "1|1|1
2|1|1
6|2|2" "$(sql 'SELECT id, unit_id, plan_id FROM budget WHERE plan_id IS NOT NULL ORDER BY id')"
expect_eq "amounts in cents" "100000|30000|100000|10000|99900|20000" \
	"$(sql 'SELECT amount_cents FROM budget ORDER BY id' | join_lines '|')"
t budget show 1
expect_eq "budget show" "budget    1
unit      1
plan      1
category  labour
amount    1000.00
from      -
to        -
note      people" "$OUT"
t budget list --plan 1
expect_contains "budget list --plan totals the BAC" "$OUT" "total 1300.00 in 2 lines"
t budget list --unit 2 --json
# Sub's subtree: b4 (Sub's line) and b6 (P2's, in Sub)
expect_eq "budget list --unit takes the subtree" "4,6" "$(jqo '[.items[].id] | join(",")')"
t budget list --json
expect_eq "budget list --json count" 6 "$(jqo '.count')"

# set: amount, a move from a unit to a plan, refusals
before=$(digest)
t budget set 4 --plan 9
expect_rc "a move to an unknown plan exits 4" 4
t budget set 1 --unit 1
expect_rc "a plan line moved to a unit needs a period" 3
t budget set 99 --amount 1
expect_rc "budget set of an unknown line exits 4" 4
expect_eq "no refused set changed anything" "$before" "$(digest)"
t budget set 5 --amount 998.5
expect_eq "budget set --amount" 99850 "$(sql 'SELECT amount_cents FROM budget WHERE id = 5')"
t budget set 5 --plan 3
expect_eq "a unit line moved to a plan keeps its period" "3|3|2026-01-01" \
	"$(sql 'SELECT unit_id, plan_id, period_from FROM budget WHERE id = 5')"
t budget rm 5
expect_rc "budget rm" 0
expect_eq "budget rm prints it" "budget line 5 removed" "$OUT"
t budget rm 5
expect_rc "budget rm twice exits 4" 4

# --- expenses -------------------------------------------------------------------

# a tool: T1 P1 250.00, T2 on S2 (P1) 40.00, T3 P2 99.00
t tool add T1 --cost 250 --plan 1
t tool add T2 --cost 40 --step 2
t tool add T3 --cost 99 --plan 2

before=$(digest)
for bad in 0 -5 abc 0.001; do
	t expense add --plan 1 --category other --amount "$bad" --day 2026-03-05
	expect_rc "expense amount \"$bad\" exits 3" 3
	expect_contains "expense amount \"$bad\" names --amount" "$ERR" "--amount: must be an amount"
done
t expense add --plan 1 --category other --amount 5 --day 2026-03-01
expect_rc "a day before the plan's start exits 3" 3
expect_contains "a date outside the plan" "$ERR" "--day: 2026-03-01 is a date outside the plan: plan 1 starts on 2026-03-02"
t expense add --plan 1 --category other --amount 5 --day 2026-03-05 --step 3
expect_rc "a step of another plan exits 3" 3
expect_contains "a step of another plan is named" "$ERR" "--step: step 3 belongs to plan 2, not to plan 1"
t expense add --plan 9 --category other --amount 5 --day 2026-03-05
expect_rc "an unknown plan exits 4" 4
t expense add --plan 1 --category other --amount 5 --day 2026-03-05 --step 99
expect_rc "an unknown step exits 4" 4
t expense add --plan 1 --amount 5 --day 2026-03-05
expect_rc "no category exits 3" 3
expect_eq "no refused expense wrote anything" "$before" "$(digest)"

# x1 P1 other 120.50 03-05, x2 P1 tools 15.25 03-12 on S2, x3 P2 other 10.00 03-04
t expense add --plan 1 --category other --amount 120.5 --day 2026-03-05 --note travel
expect_rc "expense add" 0
expect_eq "expense add prints the id" "expense 1 added" "$OUT"
t expense add --plan 1 --category tools --amount 15.25 --day 2026-03-12 --step 2 --json
expect_eq "expense add --json" "2 1 2 tools 15.25 2026-03-12" \
	"$(jqo '"\(.id) \(.plan_id) \(.step_id) \(.category) \(.amount) \(.day)"')"
t expense add --plan 2 --category other --amount 10 --day 2026-03-04
t expense list --plan 1
expect_eq "expense list" "ID  DAY         PLAN  STEP  CATEGORY  AMOUNT  NOTE
 1  2026-03-05     1     -  other     120.50  travel
 2  2026-03-12     1     2  tools      15.25  -
total 135.75 in 2 expenses" "$OUT"
t expense list --unit 2 --json
expect_eq "expense list --unit" "3" "$(jqo '[.items[].id] | join(",")')"
t expense list --from 2026-03-05 --to 2026-03-05 --json
expect_eq "expense list --from --to inclusive" "1" "$(jqo '[.items[].id] | join(",")')"
t expense show 2
expect_eq "expense show" "expense   2
plan      1
step      2
category  tools
amount    15.25
day       2026-03-12
note      -" "$OUT"
before=$(digest)
t expense set 2 --day 2026-02-01
expect_rc "expense set to a day outside the plan exits 3" 3
t expense set 2 --step 3
expect_rc "expense set to a step of another plan exits 3" 3
t expense set 2 --amount 0
expect_rc "expense set to 0 exits 3" 3
expect_eq "no refused expense set changed anything" "$before" "$(digest)"
t step rm 2
expect_rc "a step with an expense is kept" 5
t expense add --plan 3 --category other --amount 1 --day 2026-03-02
t expense set 4 --plan 2
expect_eq "expense set --plan" 2 "$(sql 'SELECT plan_id FROM expense WHERE id = 4')"
t expense rm 4
expect_rc "expense rm" 0
t expense rm 4
expect_rc "expense rm twice exits 4" 4

# --- budget against actual ----------------------------------------------------------

# plan 1, all time:
#   budget: labour 1000.00, tools 300.00, other 0
#   labour: e1 + e2 + e3 + e5 = 9000 + 3750 + 389 + 111 = 13250 -> 132.50
#   tools: T1 250.00 + T2 40.00 + x2 15.25 = 305.25
#   other: x1 120.50
#   total 1300.00 against 558.25: 741.75 left
t budget actual --plan 1
expect_rc "budget actual --plan" 0
expect_eq "budget actual of plan 1" "CATEGORY   BUDGET  ACTUAL  VARIANCE
labour    1000.00  132.50  867.50
tools      300.00  305.25  -5.25
other        0.00  120.50  -120.50
total     1300.00  558.25  741.75" "$OUT"
t budget actual --plan 1 --json
expect_eq "budget actual --json" "1300 558.25 741.75 labour:1000:132.5,tools:300:305.25,other:0:120.5" \
	"$(jqo '"\(.budget) \(.actual) \(.variance) \([.lines[] | "\(.category):\(.budget):\(.actual)"] | join(","))"')"
# plan 1 over 03-03..03-10: labour e2 + e3 = 3750 + 389 = 41.39; tools in
# full 290.00 (x2 on 03-12 is out); other x1 120.50; budget in full
t budget actual --plan 1 --from 2026-03-03 --to 2026-03-10 --json
expect_eq "plan 1 over a period" "labour:1000:41.39,tools:300:290,other:0:120.5" \
	"$(jqo '[.lines[] | "\(.category):\(.budget):\(.actual)"] | join(",")')"

# unit 1 (Root with Sub: plans P1, P2) over 03-03..03-10 (8 days):
#   budget labour: b1 1000.00 + b6 200.00 + b4 prorated 10000 x 8 / 31
#                  = 2580.6 -> 2581 (25.81): 1225.81
#   budget tools: b2 300.00
#   budget other: b3 prorated 100000 x 8 / 365 = 2191.8 -> 2192 (21.92)
#   actual labour: e2 3750 + e3 389 + e4 9000 = 13139 -> 131.39
#   actual tools: T1 250 + T2 40 + T3 99 = 389.00
#   actual other: x1 120.50 + x3 10.00 = 130.50
t budget actual --unit 1 --from 2026-03-03 --to 2026-03-10 --json
expect_rc "budget actual --unit" 0
expect_eq "unit 1 over a period, period lines prorated" \
	"labour:1225.81:131.39,tools:300:389,other:21.92:130.5" \
	"$(jqo '[.lines[] | "\(.category):\(.budget):\(.actual)"] | join(",")')"
# unit 2 (Sub: plan P2), all time: labour b6 200 + b4 100 = 300; e4 90.00;
# tools T3 99.00; other x3 10.00
t budget actual --unit 2 --json
expect_eq "unit 2 all time: period lines in full" "labour:300:90,tools:0:99,other:0:10" \
	"$(jqo '[.lines[] | "\(.category):\(.budget):\(.actual)"] | join(",")')"
# a period overlapping b3 by 7 days (12-25..12-31): 100000 x 7 / 365 = 1917.8 -> 1918
t budget actual --unit 1 --from 2026-12-25 --to 2027-01-10 --json
expect_eq "a partial overlap is prorated" "19.18" "$(jqo '.lines[2].budget')"
t budget actual --unit 1 --from 2027-01-01 --json
expect_eq "a period after every line" "0" "$(jqo '.lines[2].budget')"
t budget actual --plan 1 --unit 1
expect_rc "a plan and a unit exits 3" 3
t budget actual
expect_rc "neither exits 3" 3
t budget actual --plan 9
expect_rc "an unknown plan exits 4" 4
t budget actual --unit 1 --from 2026-03-10 --to 2026-03-01
expect_rc "a reversed period exits 3" 3

# a plan's lines follow the plan to another unit
t plan set 2 --unit 3
t budget list --unit 3 --json
expect_eq "the moved plan's line lists under its new unit" "6:3" "$(jqo '[.items[] | select(.plan_id == 2) | "\(.id):\(.unit_id)"] | join(",")')"
t budget list --unit 2 --json
expect_eq "and no longer under the old one" "4" "$(jqo '[.items[].id] | join(",")')"

expect_eq "no dangling references" "" "$(fk_violations)"
# A plan with budget lines or expenses is not removed: they are named. A
# plan published to people goes with what was published of it.
t plan add "Empty plan" --unit 1 --start-date 2026-03-02
EP=$(sql "SELECT max(id) FROM plan")
t budget add --plan "$EP" --category other --amount 10
BL=$(sql "SELECT max(id) FROM budget")
t plan rm "$EP"
expect_rc "plan rm with a budget line exits 5" 5
expect_contains "and names it" "$ERR" "plan $EP still has 0 step(s), 0 tool(s), 1 budget line(s) and 0 expense(s)"
t budget rm "$BL"
sql "INSERT INTO publication (plan_id, at) VALUES ($EP, 1);
	INSERT INTO publication_to (publication_id, person_id) SELECT max(id), 1 FROM publication;" >/dev/null
t plan rm "$EP"
expect_rc "plan rm once the line is gone" 0
expect_eq "what was published of it went with it (and to whom)" "0|0" \
	"$(sql "SELECT count(*) FROM publication WHERE plan_id = $EP")|$(sql 'SELECT count(*) FROM publication_to pt LEFT JOIN publication p ON p.id = pt.publication_id WHERE p.id IS NULL')"
finish
