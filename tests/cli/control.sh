#!/usr/bin/env bash
# tests/cli/control.sh: tolerances (control show/set/unset: defaults, the
# organization's, a unit's override and the nearest ancestor's, switching
# a rule off) and control check (each rule fires once on a hand-worked
# fixture, a second check opens nothing, closing a problem and checking
# again opens a new one, --unit narrows, bad input writes nothing).
source "$(dirname "$0")/../lib.sh"

# The check day is in 2030 so that the percent complete recorded today
# (step_progress rows carry the day they were written) counts as of it.
ASOF=2030-03-20	# a Wednesday

# units: 1 Root { 2 Sub { 3 Team } }, 4 Other
t unit add Root
t unit add Sub --parent 1
t unit add Team --parent 2
t unit add Other
t person add Ann --email ann@t.test --unit 2
t person add Ben --email ben@t.test --unit 3 --capacity-hours 10

# --- tolerances -------------------------------------------------------------

t control show --json
expect_rc "control show" 0
expect_eq "the defaults: cpi 90, spi 90, overdue 0, overload 100, burn 10, target 80" \
	"cpi=90 spi=90 overdue=0 overload=100 burn=10 target=80" \
	"$(jqo '[.items[] | "\(.rule)=\(.value)"] | join(" ")')"
expect_eq "every default comes from the defaults and is on" "default true" \
	"$(jqo '[.items[] | "\(.value_from) \(.enabled)"] | unique | join(",")')"

before=$(dbsum)
t control set --rule speed --value 5
expect_rc "an unknown rule exits 3" 3
expect_contains "an unknown rule names --rule" "$ERR" "--rule: must be"
t control set --rule cpi --value -1
expect_rc "a negative tolerance exits 3" 3
expect_contains "a negative tolerance names --value" "$ERR" "--value:"
t control set --rule cpi --value 100001
expect_rc "a tolerance above 100000 exits 3" 3
t control set --rule cpi --value abc
expect_rc "a tolerance that is not a number exits 3" 3
t control set --rule cpi
expect_rc "neither value nor enabled exits 3" 3
expect_contains "neither value nor enabled says what to give" "$ERR" "--value: give a value"
t control set --value 5
expect_rc "no rule exits 3" 3
expect_contains "no rule says it is required" "$ERR" "--rule: is required"
t control set --rule cpi --value 80 --unit 99
expect_rc "an unknown unit exits 4" 4
expect_contains "an unknown unit names --unit" "$ERR" "--unit: no unit with id 99"
t control set --rule cpi --enabled maybe
expect_rc "enabled must be true or false" 3
t control unset --rule cpi --unit 99
expect_rc "unset on an unknown unit exits 4" 4
t control show --unit 99
expect_rc "show for an unknown unit exits 4" 4
expect_eq "no refused tolerance change wrote anything" "$before" "$(dbsum)"

# the organization's value, a unit's override, the nearest ancestor's
t control set --rule overdue --value 20
expect_rc "set the organization's overdue tolerance" 0
expect_eq "it is the setting tolerance.overdue" "20" \
	"$(sql "SELECT value FROM setting WHERE key = 'tolerance.overdue'")"
t control set --rule overdue --value 15 --unit 2
expect_rc "set Sub's overdue tolerance" 0
expect_eq "it is a tolerance row of unit 2" "2|overdue|15" \
	"$(sql "SELECT unit_id, rule, value FROM tolerance")"
t control show --unit 3 --json
expect_eq "Team (under Sub) inherits Sub's 15" "15 unit 2" \
	"$(jqo '.items[] | select(.rule == "overdue") | "\(.value) \(.value_from) \(.value_unit_id)"')"
t control show --unit 4 --json
expect_eq "Other takes the organization's 20" "20 organization" \
	"$(jqo '.items[] | select(.rule == "overdue") | "\(.value) \(.value_from)"')"
t control set --rule overdue --value 5 --unit 3
t control show --unit 3 --json
expect_eq "Team's own 5 beats Sub's 15" "5 unit 3" \
	"$(jqo '.items[] | select(.rule == "overdue") | "\(.value) \(.value_from) \(.value_unit_id)"')"
t control show --unit 3
expect_contains "the table says where the value comes from" "$OUT" "unit 3"
t control unset --rule overdue --unit 3
expect_rc "unset Team's override" 0
expect_eq "Team's row is gone, Sub's stays" "2|overdue|15" \
	"$(sql "SELECT unit_id, rule, value FROM tolerance")"
t control unset --rule overdue
expect_rc "reset the organization's" 0
expect_eq "the setting is gone" "0" \
	"$(sql "SELECT count(*) FROM setting WHERE key LIKE 'tolerance.%'")"
t control unset --rule overdue --unit 2
t control show --unit 3 --json
expect_eq "with no overrides Team is back to the default 0" "0 default" \
	"$(jqo '.items[] | select(.rule == "overdue") | "\(.value) \(.value_from)"')"

# switching off: the organization off, a unit back on
t control set --rule spi --enabled false
expect_eq "off for the organization is the setting tolerance.spi.off" "1" \
	"$(sql "SELECT value FROM setting WHERE key = 'tolerance.spi.off'")"
t control set --rule spi --enabled true --unit 2
t control show --unit 3 --json
expect_eq "Team is on again through Sub" "true 2" \
	"$(jqo '.items[] | select(.rule == "spi") | "\(.enabled) \(.enabled_unit_id)"')"
t control show --unit 4 --json
expect_eq "Other stays off" "false" "$(jqo '.items[] | select(.rule == "spi") | .enabled')"
t control unset --rule spi --unit 2
t control unset --rule spi
t control show --json
expect_eq "everything is back to the defaults" "default true" \
	"$(jqo '[.items[] | "\(.value_from) \(.enabled)"] | unique | join(",")')"

# --- the fixture: each rule fires once as of 2030-03-20 ----------------------
#
# Plan A (Sub, active, from Mon 2030-03-04): budget 1000.00; step A1 (8 h,
#   1 day, 100 %); an expense of 1200.00 on 03-05. As of 03-20 the step's
#   one day is past, so PV = BAC = 1000.00; EV = 1000.00 x 100 % = 1000.00;
#   AC = 1200.00.
#   cpi:  CPI = 1000/1200 = 0.83 < 0.90: fires; 0.90 - 0.8333 = 6.7 points
#         past the tolerance -> severity 1.
#   burn: spent 1200/1000 = 120 %, earned 100 %: 20 points > 10: fires;
#         20 - 10 = 10 points past (not more than 10) -> severity 1.
#   spi:  EV/PV = 1.00: no.
# Plan B (Sub, active, 03-04): budget 1000.00; step B1 (8 h, 1 day, 75 %);
#   no cost. PV = 1000.00, EV = 750.00, AC = 0.
#   spi:  0.75 < 0.90: fires; 15 points past -> severity 2.
#   cpi:  AC = 0, undefined: no. burn: spent 0 %: no.
# Plan C (Team, active, 03-04): no budget; step C1 due Fri 03-08, todo.
#   overdue: 03-20 - 03-08 = 12 days > 0: fires; 12 past -> severity 2.
# Plan D (Team, active, Mon 03-18): no budget; step D1 (40 h over 5
#   working days, 03-18..03-22) assigned to Ben, whose capacity is 10 h.
#   overload: week of 03-18: 2400 min of 600 = 400 % > 100 %: fires;
#   300 points past -> severity 3.
# Target T (Sub): baseline 0, goal 100 over 2030; value 1 on 02-01.
#   progress 1 %; expected 78/365 = 21 % of the year; 1 < 21 x 80 % =
#   17: off track, fires; progress is 4 % of expected, 76 points below
#   the 80 % -> severity 3.
# Plans with no budget (C, D) have BAC 0: no cpi, spi or burn.

t plan add A --unit 2 --start-date 2030-03-04 --status active
t plan add B --unit 2 --start-date 2030-03-04 --status active
t plan add C --unit 3 --start-date 2030-03-04 --status active
t plan add D --unit 3 --start-date 2030-03-18 --status active
t step add A1 --plan 1 --estimate-hours 8 --duration-days 1 --pct 100
t step add B1 --plan 2 --estimate-hours 8 --duration-days 1 --pct 75
t step add C1 --plan 3 --estimate-hours 8 --duration-days 1 --due 2030-03-08
t step add D1 --plan 4 --estimate-hours 40 --duration-days 5 --assignee 2
t budget add --plan 1 --category other --amount 1000
t budget add --plan 2 --category other --amount 1000
t expense add --plan 1 --category other --amount 1200 --day 2030-03-05
expect_rc "the fixture's expense" 0
t target add T --unit 2 --baseline 0 --goal 100 --from 2030-01-01 --to 2030-12-31
t target record 1 --value 1 --day 2030-02-01
expect_rc "the fixture's target value" 0
expect_eq "fixture" "4|4|2|1|1" "$(sql 'SELECT (SELECT count(*) FROM plan), (SELECT count(*) FROM step), (SELECT count(*) FROM budget), (SELECT count(*) FROM expense), (SELECT count(*) FROM target_value)')"

t plan evm 1 --as-of $ASOF --json
expect_eq "plan A's figures as worked out (a second method: evm)" "1000 1000 1000 1200" \
	"$(jqo '"\(.bac) \(.pv) \(.ev) \(.ac)"')"

before=$(dbsum)
t control check --as-of 2030-02-30
expect_rc "an impossible day exits 3" 3
expect_contains "an impossible day names --as-of" "$ERR" "--as-of: must be a date"
t control check --as-of $ASOF --unit 99
expect_rc "an unknown unit exits 4" 4
expect_eq "no refused check wrote anything" "$before" "$(dbsum)"

t control check --as-of $ASOF --unit 4
expect_rc "a check of Other" 0
expect_eq "Other has no deviations" \
	"control check as of 2030-03-20: 0 deviations, 0 opened, 0 already open" "$OUT"

t control check --as-of $ASOF --json
expect_rc "control check" 0
expect_eq "six deviations, all opened" "6 6 0" "$(jqo '"\(.deviations) \(.opened) \(.already_open)"')"
expect_eq "one per rule, with subject and severity" \
	"cpi plan 1 1,burn plan 1 1,spi plan 2 2,overdue step 3 2,overload person 2 3,target target 1 3" \
	"$(jqo '[.items[] | "\(.rule) \(.subject_kind) \(.subject_id) \(.severity)"] | join(",")')"
expect_eq "the CPI problem's title" "CPI 0.83 below 0.90 on plan A" \
	"$(jqo '.items[] | select(.rule == "cpi") | .title')"
expect_eq "the burn problem's title" \
	"Plan A spends ahead of progress: 120% of budget spent, 100% earned" \
	"$(jqo '.items[] | select(.rule == "burn") | .title')"
expect_eq "the SPI problem's title" "SPI 0.75 below 0.90 on plan B" \
	"$(jqo '.items[] | select(.rule == "spi") | .title')"
expect_eq "the overdue problem's title" "Step C1 of plan C is 12 days overdue" \
	"$(jqo '.items[] | select(.rule == "overdue") | .title')"
expect_eq "the overload problem's title" \
	"Ben is overloaded: 400% of capacity in the week of 2030-03-18" \
	"$(jqo '.items[] | select(.rule == "overload") | .title')"
expect_eq "the target problem's title" "Target T is off track: 1% progress, 21% expected" \
	"$(jqo '.items[] | select(.rule == "target") | .title')"
expect_eq "the problems in the table: unit, rule, subject, found, status" \
	"1|2|cpi|plan|1|2030-03-20|open
2|2|burn|plan|1|2030-03-20|open
3|2|spi|plan|2|2030-03-20|open
4|3|overdue|step|3|2030-03-20|open
5|3|overload|person|2|2030-03-20|open
6|2|target|target|1|2030-03-20|open" \
	"$(sql 'SELECT id, unit_id, rule, subject_kind, subject_id, found, status FROM problem ORDER BY id')"

# a second check opens nothing (the audit log records the command)
before=$(dbsum "$DB" problem)
t control check --as-of $ASOF
expect_rc "a second check" 0
expect_eq "a second check opens nothing new" \
	"control check as of 2030-03-20: 6 deviations, 0 opened, 6 already open" "$OUT"
expect_eq "and writes no problem" "$before" "$(dbsum "$DB" problem)"

# closing one and checking again opens a new problem for a deviation
# still present; the closed one cannot be reopened while the new is open
t problem set 4 --status closed --root-cause "forgotten" --action "reminders"
expect_rc "close the overdue problem" 0
t control check --as-of $ASOF
expect_eq "the still-overdue step gets a new problem" \
	"control check as of 2030-03-20: 6 deviations, 1 opened, 5 already open
problem 7 opened: [2] Step C1 of plan C is 12 days overdue" "$OUT"
expect_eq "problem 7 is about step 3" "overdue|step|3|open" \
	"$(sql 'SELECT rule, subject_kind, subject_id, status FROM problem WHERE id = 7')"
before=$(dbsum)
t problem set 4 --status open
expect_rc "reopening while problem 7 is open exits 5" 5
expect_contains "reopening names the open problem" "$ERR" "--status: problem 7 about the same step is open"
expect_eq "the refused reopening wrote nothing" "$before" "$(dbsum)"

# a unit's tolerance overrides the organization's: Sub allows 15 days,
# so Team's 12-day-late step is within it; the organization's 20 would
# too, but Team's own 10 does not (12 > 10: 2 days past -> severity 1)
t problem set 7 --status closed
t control set --rule overdue --value 15 --unit 2
t control check --as-of $ASOF --json
expect_eq "within Sub's 15 days: no overdue deviation" "" \
	"$(jqo '.items[] | select(.rule == "overdue") | .title')"
t control set --rule overdue --value 10 --unit 3
t control check --as-of $ASOF --json
expect_eq "Team's own 10 days: overdue again, severity 1" "overdue 3 1 true" \
	"$(jqo '.items[] | select(.rule == "overdue") | "\(.rule) \(.subject_id) \(.severity) \(.opened)"')"

# a rule switched off opens nothing
t problem set 6 --status closed
t control set --rule target --enabled false
t control check --as-of $ASOF --json
expect_eq "target switched off: no target deviation" "" \
	"$(jqo '.items[] | select(.rule == "target") | .title')"
t control set --rule target --enabled false --unit 2
expect_rc "a unit may be switched off too" 0
t control set --rule target --enabled true --unit 2
t control check --as-of $ASOF --json
expect_eq "Sub switched back on under an organization that is off: fires again" "target 1" \
	"$(jqo '[.items[] | select(.rule == "target" and .opened) | "\(.rule) \(.subject_id)"] | join(",")')"

# --unit narrows the subjects: Team has C1 and Ben
t problem set 5 --status closed
t control check --as-of $ASOF --unit 3 --json
expect_eq "a check of Team sees only Team's subjects" "overdue,overload" \
	"$(jqo '[.items[] | .rule] | join(",")')"

finish
