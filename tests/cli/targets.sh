#!/usr/bin/env bash
# tests/cli/targets.sh: targets (target add/list/show/set/rm/record/link/
# unlink): the status formula worked by hand, the tolerance from the
# setting and from the nearest unit, history order, links to plans, and
# every refusal writing nothing.
source "$(dirname "$0")/../lib.sh"

digest() {
	sql "SELECT * FROM $1 ORDER BY 1" | sha256sum | cut -d' ' -f1
}
# status ID AS_OF: "current progress expected tolerance status" of target ID
status() {
	t target show "$1" --as-of "$2" --json
	jqo '"\(.current) \(.progress) \(.expected) \(.tolerance) \(.status)"'
}

# units 1 Root { 2 Sales { 3 East } }, 4 Other; Ann (1) in Sales;
# plans 1 (Sales), 2 (Other)
t unit add Root
t unit add Sales --parent 1
t unit add East --parent 2
t unit add Other
t person add Ann --email ann@t.test --unit 2
t plan add P1 --unit 2 --start-date 2026-01-05
t plan add P2 --unit 4 --start-date 2026-01-05

# --- add, and its refusals ---------------------------------------------------
t target add "Customer churn" --measure % --baseline 10 --goal 5 --from 2026-01-01 \
	--to 2026-12-31 --unit 2 --owner 1
expect_rc "target add" 0
expect_eq "target add prints the id" "target 1 added" "$OUT"
expect_eq "stored x100" "Customer churn|%|1000|500|2026-01-01|2026-12-31|2|1" \
	"$(sql 'SELECT name, measure, baseline, goal, period_from, period_to, unit_id, owner_id FROM target')"
before=$(digest target)
t target add Bad --baseline 1 --goal 2 --from 2026-02-01 --to 2026-01-01 --unit 2
expect_rc "a period ending before it starts exits 3" 3
expect_contains "it names --to" "$ERR" "--to: the period ends (2026-01-01) before it starts (2026-02-01)"
t target add Bad --baseline 3 --goal 3.00 --from 2026-01-01 --to 2026-12-31 --unit 2
expect_rc "a goal equal to the baseline exits 3" 3
expect_contains "it names --goal" "$ERR" "--goal: must differ from the baseline"
for bad in abc 1.234 1,5 ""; do
	t target add Bad --baseline "$bad" --goal 2 --from 2026-01-01 --to 2026-12-31 --unit 2
	expect_rc "baseline \"$bad\" exits 3" 3
	expect_contains "baseline \"$bad\" names --baseline" "$ERR" "--baseline: must be a number with at most 2 decimals"
done
t target add Bad --baseline 1 --goal 2 --from 2026-01-01 --to 2026-12-31 --unit 99
expect_rc "an unknown unit exits 4" 4
expect_contains "it names --unit" "$ERR" "--unit: no unit with id 99"
t target add Bad --baseline 1 --goal 2 --from 2026-01-01 --to 2026-12-31 --unit 2 --owner 99
expect_rc "an unknown owner exits 4" 4
expect_contains "it names --owner" "$ERR" "--owner: no person with id 99"
t target add Bad --baseline 1 --from 2026-01-01 --to 2026-12-31 --unit 2
expect_rc "no goal exits 3" 3
expect_contains "no goal is named" "$ERR" "--goal: is required"
t target add Bad --baseline 1 --goal 2 --from 2026-01-01 --to 2026-12-32 --unit 2
expect_rc "an impossible day exits 3" 3
expect_eq "no refused add wrote anything" "$before" "$(digest target)"

# --- status: goal below the baseline -------------------------------------------
# Target 1: baseline 10, goal 5, 2026-01-01 .. 2026-12-31 (364 days apart).
# As of 07-02 (182 days in): expected = 182 / 364 = 50 %. The line is at
# 50 x 80 % = 40 % progress.
expect_eq "no value: no data" "null null 50 80 no data" "$(status 1 2026-07-02)"
t target record 1 --value 8 --day 2026-06-30 --note "Q2 report"
expect_rc "target record" 0
expect_eq "target record prints the value's id" "value 1 recorded for target 1" "$OUT"
# (8 - 10) / (5 - 10) = 40 %: exactly on the line is on track
expect_eq "40 % at the 40 % line is on track" "8 40 50 80 on track" "$(status 1 2026-07-02)"
t target record 1 --value 8.1 --day 2026-07-01
# (8.1 - 10) / (5 - 10) = 1.9 / 5 = 38 % < 40 %
expect_eq "38 % is off track" "8.1 38 50 80 off track" "$(status 1 2026-07-02)"
t target record 1 --value 7 --day 2026-06-01 --note "recorded late"
expect_eq "an older day recorded later is not current" "8.1 38 50 80 off track" "$(status 1 2026-07-02)"
t target record 1 --value 7.5 --day 2026-07-01
# the same day as 8.1, recorded after it: (7.5 - 10) / -5 = 50 %
expect_eq "on the same day the later record wins" "7.5 50 50 80 on track" "$(status 1 2026-07-02)"
# as of 06-15 (165 days in): the latest value on or before is 7 (06-01):
# (7 - 10) / -5 = 60 %; expected 165 / 364 = 45.329... = 45.33 %
expect_eq "as of an earlier day" "7 60 45.33 80 on track" "$(status 1 2026-06-15)"
expect_eq "before the first value: no data" "null null 41.21 80 no data" "$(status 1 2026-05-31)"
# 150 / 364 = 41.2087... = 41.21 % (05-31 is 150 days in)
t target record 1 --value 5 --day 2026-07-02
expect_eq "the goal reached is achieved" "5 100 50 80 achieved" "$(status 1 2026-07-02)"
t target record 1 --value 4 --day 2026-07-03
# (4 - 10) / -5 = 120 %; 183 / 364 = 50.27 %
expect_eq "beyond the goal is achieved" "4 120 50.27 80 achieved" "$(status 1 2026-07-03)"
expect_eq "after the period, 100 % expected" "4 120 100 80 achieved" "$(status 1 2027-03-01)"

# record's refusals
before=$(digest target_value)
t target record 1 --value 3 --day 2027-01-01
expect_rc "a day after the period exits 3" 3
expect_contains "it names --day and the period" "$ERR" "--day: 2027-01-01 is outside the target's period, 2026-01-01 to 2026-12-31"
t target record 1 --value 3 --day 2025-12-31
expect_rc "a day before the period exits 3" 3
t target record 1 --value x --day 2026-07-01
expect_rc "a value that is no number exits 3" 3
expect_contains "it names --value" "$ERR" "--value: must be a number with at most 2 decimals"
t target record 1 --day 2026-07-01
expect_rc "no value exits 3" 3
expect_contains "no value is named" "$ERR" "--value: is required"
t target record 9 --value 1 --day 2026-07-01
expect_rc "an unknown target exits 4" 4
expect_contains "an unknown target is named" "$ERR" "no target with id 9"
expect_eq "no refused record wrote anything" "$before" "$(digest target_value)"

t target show 1
expect_rc "target show" 0
expect_contains "show has the history by day, then id" "$OUT" "ID  DAY         VALUE  NOTE
 3  2026-06-01      7  recorded late
 1  2026-06-30      8  Q2 report
 2  2026-07-01   8.10  -
 4  2026-07-01   7.50  -
 5  2026-07-02      5  -
 6  2026-07-03      4  -"
expect_contains "show without plans says so" "$OUT" "plans     no plan"
expect_contains "show has the owner and period" "$OUT" "owner     Ann
period    2026-01-01 to 2026-12-31
baseline  10
goal      5"

# --- the tolerance: setting, then the nearest unit's -----------------------------
# Target 2 in East (under Sales, under Root): baseline 100, goal 200; 135
# on 07-01: progress 35 %; as of 07-02 expected 50 %.
t target add "Net revenue" --measure "k EUR" --baseline 100 --goal 200 --from 2026-01-01 \
	--to 2026-12-31 --unit 3
t target record 2 --value 135 --day 2026-07-01
# 80 %: the line is at 40 %
expect_eq "default tolerance 80 %" "135 35 50 80 off track" "$(status 2 2026-07-02)"
sql "INSERT INTO setting (key, value) VALUES ('tolerance.target', '70')"
# 70 %: the line is at 35 %; 35 is not below it
expect_eq "the setting tolerance.target" "135 35 50 70 on track" "$(status 2 2026-07-02)"
sql "INSERT INTO tolerance (unit_id, rule, value) VALUES (1, 'target', 60), (1, 'other', 99)"
expect_eq "Root's own tolerance beats the setting" "135 35 50 60 on track" "$(status 2 2026-07-02)"
sql "INSERT INTO tolerance (unit_id, rule, value) VALUES (2, 'target', 90)"
# 90 %: the line is at 45 %
expect_eq "the nearest ancestor (Sales) wins" "135 35 50 90 off track" "$(status 2 2026-07-02)"
sql "INSERT INTO tolerance (unit_id, rule, value) VALUES (3, 'target', 50)"
expect_eq "the unit's own wins" "135 35 50 50 on track" "$(status 2 2026-07-02)"
expect_eq "target 1 (in Sales) takes Sales' 90 %" "4 120 50.27 90 achieved" "$(status 1 2026-07-03)"

# --- rounding: two decimals, half away from zero ----------------------------------
# Target 3: baseline 20 days, goal 14 (6 apart), 03-01 .. 03-11 (10 days)
t target add "Release lead time" --measure days --baseline 20 --goal 14 --from 2026-03-01 \
	--to 2026-03-11 --unit 4
t target record 3 --value 18 --day 2026-03-02
# 2 / 6 = 33.333 %; as of 03-04: 3 / 10 = 30 %; 50 % tolerance? no: 70 (setting)
expect_eq "a third" "18 33.33 30 70 on track" "$(status 3 2026-03-04)"
t target record 3 --value 16 --day 2026-03-03
expect_eq "two thirds round up" "16 66.67 30 70 on track" "$(status 3 2026-03-04)"
t target record 3 --value 20.5 --day 2026-03-04
# (20.5 - 20) / -6 = -8.33 %: worse than the baseline
expect_eq "worse than the baseline is negative" "20.5 -8.33 30 70 off track" "$(status 3 2026-03-04)"
expect_eq "before the period: 0 % expected" "null null 0 70 no data" "$(status 3 2026-02-01)"

# --- plans -------------------------------------------------------------------
t target link 1 --plan 1
expect_rc "target link" 0
expect_eq "target link says so" "plan 1 serves target 1" "$OUT"
t target link 2 --plan 1
t target link 2 --plan 2
expect_eq "links stored" "1|1
1|2
2|2" "$(sql 'SELECT plan_id, target_id FROM plan_target ORDER BY 1, 2')"
before=$(digest plan_target)
t target link 1 --plan 1
expect_rc "linking twice exits 5" 5
expect_contains "it says so" "$ERR" "--plan: plan 1 already serves target 1"
t target link 1 --plan 99
expect_rc "an unknown plan exits 4" 4
expect_contains "the unknown plan is named" "$ERR" "--plan: no plan with id 99"
t target link 99 --plan 1
expect_rc "an unknown target exits 4" 4
t target link 1
expect_rc "no --plan exits 3" 3
t target unlink 1 --plan 2
expect_rc "unlinking a plan that does not serve it exits 4" 4
expect_contains "it says so" "$ERR" "--plan: plan 2 does not serve target 1"
expect_eq "no refused link changed anything" "$before" "$(digest plan_target)"

# as of 03-04 targets 1 and 2 have no value yet (their first days are
# 06-01 and 07-01); target 3's latest is 20.5, off track
t target list --as-of 2026-03-04 --json
expect_eq "list: ids, plan counts, statuses" "1:1:no data 2:2:no data 3:0:off track" \
	"$(jqo '[.items[] | "\(.id):\(.plan_count):\(.status)"] | join(" ")')"
t target list --as-of 2026-07-02
expect_rc "target list" 0
expect_contains "the table says no plan" "$OUT" "no plan  Release lead time"
expect_eq "the table's header" "ID  UNIT   CURRENT  GOAL  PROGRESS  EXPECTED  STATUS     PLANS    NAME" \
	"$(printf '%s\n' "$OUT" | head -n 1)"
t target list --unit 2 --as-of 2026-07-02 --json
expect_eq "--unit takes the subtree" "1,2" "$(jqo '[.items[].id] | join(",")')"
t target list --unit 4 --json
expect_eq "--unit of another unit" "3" "$(jqo '[.items[].id] | join(",")')"
t target show 2 --json
expect_eq "show --json lists the plans and values" "1,2 1" \
	"$(jqo '"\([.plans[].id] | join(",")) \(.values | length)"')"

t target unlink 2 --plan 1
expect_rc "target unlink" 0
expect_eq "unlink removed one row" "1|1
2|2" "$(sql 'SELECT plan_id, target_id FROM plan_target ORDER BY 1, 2')"

# --- set ---------------------------------------------------------------------
before=$(digest target)
t target set 3 --goal 20
expect_rc "set: a goal equal to the baseline exits 3" 3
expect_contains "it names --goal" "$ERR" "--goal: must differ from the baseline"
t target set 3 --to 2026-02-01
expect_rc "set: a period ending before its start exits 3" 3
expect_contains "it names --to" "$ERR" "--to: the period ends (2026-02-01) before it starts (2026-03-01)"
t target set 3 --unit 99
expect_rc "set: an unknown unit exits 4" 4
t target set 99 --name X
expect_rc "set: an unknown target exits 4" 4
expect_eq "no refused set changed a target" "$before" "$(digest target)"
t target set 1 --name "Churn" --goal 4 --owner none --json
expect_rc "target set" 0
expect_eq "set changed only what was given" "Churn|%|1000|400||2" \
	"$(sql 'SELECT name, measure, baseline, goal, owner_id, unit_id FROM target WHERE id = 1')"
expect_eq "set --json" "Churn 4 null" "$(jqo '"\(.name) \(.goal) \(.owner_id)"')"

# --- rm ----------------------------------------------------------------------
t target rm 1
expect_rc "target rm" 0
expect_eq "target rm says so" "target 1 removed" "$OUT"
expect_eq "its values and links went with it" "0|0|0" \
	"$(sql 'SELECT (SELECT count(*) FROM target WHERE id = 1), (SELECT count(*) FROM target_value WHERE target_id = 1), (SELECT count(*) FROM plan_target WHERE target_id = 1)')"
expect_eq "the others' stayed" "2|4|1" \
	"$(sql 'SELECT (SELECT count(*) FROM target), (SELECT count(*) FROM target_value), (SELECT count(*) FROM plan_target)')"
t target rm 1
expect_rc "target rm twice exits 4" 4
expect_eq "every write is audited" 1 "$(sql "SELECT count(*) FROM audit WHERE action = 'target rm'")"

finish
