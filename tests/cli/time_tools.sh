#!/usr/bin/env bash
# tests/cli/time_tools.sh: time entries (time log/list/rm: the 1-1440 rule
# per entry and per person-day, totals, filters) and tools (tool add/list/
# show/alloc/rm: cost parsing and allocation to a plan or a step).
source "$(dirname "$0")/../lib.sh"

digest() {
	sql "SELECT * FROM $1 ORDER BY 1" | sha256sum | cut -d' ' -f1
}

# units 1 Root { 2 Sub }, 3 Other; Ann (1) in Root, Ben (2) in Sub,
# Cat (3) in Other; plan 1 (Root) has steps 1, 2; plan 2 (Other) step 3
t unit add Root
t unit add Sub --parent 1
t unit add Other
t person add Ann --email ann@t.test --unit 1
t person add Ben --email ben@t.test --unit 2
t person add Cat --email cat@t.test --unit 3
t plan add P1 --unit 1 --start-date 2026-03-02
t plan add P2 --unit 3 --start-date 2026-03-02
t step add S1 --plan 1
t step add S2 --plan 1
t step add S3 --plan 2
expect_eq "setup" "3|3|2|3" \
	"$(sql 'SELECT (SELECT count(*) FROM unit), (SELECT count(*) FROM person), (SELECT count(*) FROM plan), (SELECT count(*) FROM step)')"

# --- time log: minutes 1-1440, a day at most 1440 -----------------------

before=$(digest time_entry)
for bad in 0 1441 -5 abc 1.5 ""; do
	t time log --person 1 --step 1 --day 2026-03-06 --minutes "$bad"
	expect_rc "minutes \"$bad\" exits 3" 3
	expect_contains "minutes \"$bad\" is refused naming --minutes" "$ERR" "--minutes: must be a whole number"
	expect_eq "minutes \"$bad\" printed nothing" "" "$OUT"
done
t time log --person 1 --step 1 --day 2026-03-06 --minutes 1441
expect_contains "out of range names 1 to 1440" "$ERR" "--minutes: must be a whole number from 1 to 1440"
t time log --person 1 --step 1 --day 2026-02-30 --minutes 10
expect_rc "an impossible day exits 3" 3
expect_contains "an impossible day names --day" "$ERR" "--day: must be a date as YYYY-MM-DD"
t time log --person 1 --step 1 --minutes 10
expect_rc "no --day exits 3" 3
expect_contains "no --day says it is required" "$ERR" "--day: is required"
t time log --person 9 --step 1 --day 2026-03-06 --minutes 10
expect_rc "an unknown person exits 4" 4
expect_contains "an unknown person is named" "$ERR" "--person: no person with id 9"
t time log --person 1 --step 9 --day 2026-03-06 --minutes 10
expect_rc "an unknown step exits 4" 4
expect_contains "an unknown step is named" "$ERR" "--step: no step with id 9"
expect_eq "no refused time log wrote anything" "$before" "$(digest time_entry)"

# the edges are allowed: 1 minute, and 1440 on a day of its own
t time log --person 3 --step 3 --day 2026-03-09 --minutes 1
expect_rc "1 minute is allowed" 0
expect_eq "time log prints the id" "time entry 1 logged" "$OUT"
t time rm 1
expect_rc "time rm" 0
expect_eq "time rm prints it" "time entry 1 removed" "$OUT"
expect_eq "time rm deleted the row" 0 "$(sql 'SELECT count(*) FROM time_entry')"
t time rm 1
expect_rc "time rm twice exits 4" 4

# The entries the list tests use (ids 2..8: id 1 is never handed out again):
#   2 Ann S1 03-02 1000   3 Ann S2 03-02  440   4 Ann S1 03-01 1440
#   5 Ben S1 03-03   90   6 Ben S3 03-04   45   7 Cat S3 03-05   30
#   8 Cat S2 03-02  120
t time log --person 1 --step 1 --day 2026-03-02 --minutes 1000 --note design
expect_rc "log 1000 minutes" 0
# 1000 already on 03-02: 500 more would be 1500; 1440 - 1000 = 440 remain
t time log --person 1 --step 2 --day 2026-03-02 --minutes 500
expect_rc "a day over 1440 exits 3" 3
expect_contains "a day over 1440 names --minutes and the remaining minutes" "$ERR" \
	"--minutes: person 1 already has 1000 minutes on 2026-03-02; at most 440 more fit in that day"
expect_eq "the refused entry was not written" 1 "$(sql 'SELECT count(*) FROM time_entry')"
t time log --person 1 --step 2 --day 2026-03-02 --minutes 440 --json
expect_rc "exactly filling the day is allowed" 0
expect_eq "time log --json gives the entry" "3 1 Ann 2 S2 1 2026-03-02 440" \
	"$(jqo '"\(.id) \(.person_id) \(.person) \(.step_id) \(.step) \(.plan_id) \(.day) \(.minutes)"')"
t time log --person 1 --step 1 --day 2026-03-02 --minutes 1
expect_rc "a full day refuses even 1 minute" 3
expect_contains "a full day has 0 minutes left" "$ERR" "already has 1440 minutes on 2026-03-02; at most 0 more"
expect_eq "Ann's 03-02 is exactly 1440 in sql" 1440 \
	"$(sql "SELECT sum(minutes) FROM time_entry WHERE person_id = 1 AND day = '2026-03-02'")"
t time log --person 1 --step 1 --day 2026-03-01 --minutes 1440
expect_rc "1440 on another day is allowed" 0
t time log --person 2 --step 1 --day 2026-03-03 --minutes 90
t time log --person 2 --step 3 --day 2026-03-04 --minutes 45
t time log --person 3 --step 3 --day 2026-03-05 --minutes 30
t time log --person 3 --step 2 --day 2026-03-02 --minutes 120
expect_rc "another person's day is their own" 0
expect_eq "seven entries" 7 "$(sql 'SELECT count(*) FROM time_entry')"
expect_eq "the note is stored" "design" "$(sql 'SELECT note FROM time_entry WHERE id = 2')"
expect_eq "no person-day over 1440" 0 \
	"$(sql 'SELECT count(*) FROM (SELECT person_id, day FROM time_entry GROUP BY 1, 2 HAVING sum(minutes) > 1440) AS d')"

# --- time list: totals and filters --------------------------------------

# check_time NAME HAND_MINUTES HAND_ENTRIES WHERE FLAGS...: the total line
# and --json agree with a hand-worked sum and with sqlite3's (or psql's) sum.
check_time() {
	local name=$1 minutes=$2 entries=$3 where=$4
	shift 4
	expect_eq "$name: hand sum agrees with sql" "$minutes|$entries" \
		"$(sql "SELECT coalesce(sum(t.minutes), 0), count(*) FROM time_entry t WHERE $where")"
	local ids
	ids=$(sql "SELECT t.id FROM time_entry t WHERE $where ORDER BY t.day, t.id" | join_lines ,)
	t time list "$@"
	expect_rc "$name: time list" 0
	local word=entries
	[ "$entries" = 1 ] && word=entry
	expect_eq "$name: the total line" "total $minutes minutes" \
		"$(printf '%s\n' "$OUT" | tail -n 1 | sed 's/ (.*//')"
	expect_contains "$name: the total line counts entries" "$(printf '%s\n' "$OUT" | tail -n 1)" " in $entries $word"
	t time list "$@" --json
	expect_eq "$name: --json total_minutes" "$minutes" "$(jqo '.total_minutes')"
	expect_eq "$name: --json count" "$entries" "$(jqo '.count')"
	expect_eq "$name: --json items by day then id" "$ids" "$(jqo '[.items[].id] | join(",")')"
}
subtree() {
	echo "(WITH RECURSIVE sub(id) AS (SELECT CAST($1 AS BIGINT) UNION ALL SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id) SELECT id FROM sub)"
}
# 1000 + 440 + 1440 + 90 + 45 + 30 + 120 = 3165
check_time "everything" 3165 7 "1 = 1"
check_time "--person" 2880 3 "t.person_id = 1" --person 1
# S1: 1000 + 1440 + 90
check_time "--step" 2530 3 "t.step_id = 1" --step 1
# plan 1's steps S1, S2: all but entries 5 and 6 (3165 - 45 - 30)
check_time "--plan" 3090 5 "t.step_id IN (SELECT id FROM step WHERE plan_id = 1)" --plan 1
# unit 1's subtree {1, 2}: Ann and Ben: 2880 + 90 + 45
check_time "--unit takes the subtree" 3015 5 \
	"t.person_id IN (SELECT id FROM person WHERE unit_id IN $(subtree 1))" --unit 1
check_time "--unit of a leaf" 135 2 "t.person_id IN (SELECT id FROM person WHERE unit_id IN $(subtree 2))" --unit 2
# 03-02 .. 03-04 inclusive: 1000 + 440 + 120 + 90 + 45
check_time "--from --to are inclusive" 1695 5 "t.day BETWEEN '2026-03-02' AND '2026-03-04'" \
	--from 2026-03-02 --to 2026-03-04
check_time "--from alone" 30 1 "t.day >= '2026-03-05'" --from 2026-03-05
check_time "--to alone" 1440 1 "t.day <= '2026-03-01'" --to 2026-03-01
check_time "--person --from" 1440 2 "t.person_id = 1 AND t.day >= '2026-03-02'" --person 1 --from 2026-03-02
check_time "--unit --plan" 45 1 \
	"t.person_id IN (SELECT id FROM person WHERE unit_id IN $(subtree 1)) AND t.step_id IN (SELECT id FROM step WHERE plan_id = 2)" \
	--unit 1 --plan 2
check_time "no match" 0 0 "t.person_id = 3 AND t.step_id = 1" --person 3 --step 1

t time list --person 1
# by day then id: entry 4 (03-01) first; 2880 min = 48 h exactly
# people without a rate: every entry costs 0.00; no class given
expect_eq "time list table and total" "ID  DAY         PERSON  STEP  MINUTES  COST  ACTIVITY  NOTE
 4  2026-03-01  Ann        1     1440  0.00  -         -
 2  2026-03-02  Ann        1     1000  0.00  -         design
 3  2026-03-02  Ann        2      440  0.00  -         -
total 2880 minutes (48 h) in 3 entries" "$OUT"
# 3165 minutes = 52.75 h
t time list
expect_eq "the total in hours with decimals" "total 3165 minutes (52.75 h) in 7 entries" "$(printf '%s\n' "$OUT" | tail -n 1)"
# by day then id the entries are 4, 2, 3, 8, 5, 6, 7
t time list --limit 2 --offset 1 --json
expect_eq "--limit pages the items" "2,3" "$(jqo '[.items[].id] | join(",")')"
expect_eq "--limit does not cut the total" 3165 "$(jqo '.total_minutes')"

# --- tools ---------------------------------------------------------------

# cost: an amount with at most two decimals, stored in cents
t tool add Drill --cost 12.5
expect_rc "tool add" 0
expect_eq "tool add prints the id" "tool 1 added" "$OUT"
expect_eq "12.5 is 1250 cents" 1250 "$(sql 'SELECT cost_cents FROM tool WHERE id = 1')"
t tool add Lathe --cost 1200 --plan 1 --json
expect_eq "1200 is 120000 cents" "120000|1|1" "$(sql 'SELECT cost_cents, plan_id, CAST(step_id IS NULL AS INTEGER) FROM tool WHERE id = 2')"
expect_eq "tool add --json" "2 Lathe 1200 1 null" "$(jqo '"\(.id) \(.name) \(.cost) \(.plan_id) \(.step_id)"')"
t tool add Pins --cost 0.05 --step 3
expect_eq "0.05 is 5 cents, allocated to a step" "5|1|3" "$(sql 'SELECT cost_cents, CAST(plan_id IS NULL AS INTEGER), step_id FROM tool WHERE id = 3')"
t tool add Free
expect_eq "no cost is 0" "0" "$(sql 'SELECT cost_cents FROM tool WHERE id = 4')"
t tool add Max --cost 1000000000.00
expect_rc "the largest cost" 0
expect_eq "the largest cost in cents" 100000000000 "$(sql 'SELECT cost_cents FROM tool WHERE id = 5')"
before=$(digest tool)
for bad in "1,00" 1.234 -1 abc .5 5. "" "1e3"; do
	t tool add Bad --cost "$bad"
	expect_rc "cost \"$bad\" exits 3" 3
	expect_contains "cost \"$bad\" is named" "$ERR" "--cost: must be an amount with at most 2 decimals"
done
t tool add Bad --cost 1000000000.01
expect_rc "a cost over the maximum exits 3" 3
expect_contains "a cost over the maximum names the range" "$ERR" "--cost: must be an amount from 0.00 to 1000000000.00"
t tool add Both --plan 1 --step 1
expect_rc "tool add to a plan and a step exits 3" 3
expect_contains "both allocations are refused" "$ERR" "--step: a tool goes to a plan or to a step, not both"
t tool add Lost --plan 9
expect_rc "tool add to an unknown plan exits 4" 4
expect_eq "no refused tool add wrote anything" "$before" "$(digest tool)"

t tool show 3
expect_rc "tool show" 0
# a tool on a step serves the step's plan (S3 is in plan 2)
expect_eq "tool show of a step's tool" "tool      3
name      Pins
cost      0.05
plan      2
step      3" "$OUT"
t tool show 3 --json
expect_eq "tool show --json" '{"id":3,"name":"Pins","cost":0.05,"plan_id":2,"step_id":3}' "$(jqo '.' | jq -c .)"
t tool show 9
expect_rc "tool show of an unknown id exits 4" 4

# alloc: to a plan, to a step, --plan none frees; not both; not neither
t tool alloc 1 --plan 2
expect_rc "alloc to a plan" 0
expect_eq "alloc prints it" "tool 1 allocated" "$OUT"
expect_eq "alloc to a plan stored" "2|1" "$(sql 'SELECT plan_id, CAST(step_id IS NULL AS INTEGER) FROM tool WHERE id = 1')"
t tool alloc 1 --step 2
expect_rc "alloc to a step" 0
expect_eq "alloc to a step replaces the plan" "1|2" "$(sql 'SELECT CAST(plan_id IS NULL AS INTEGER), step_id FROM tool WHERE id = 1')"
t tool list --plan 1 --json
# plan 1: tool 1 through its step S2 and tool 2 directly
expect_eq "tool list --plan includes tools on its steps" "1,2" "$(jqo '[.items[].id] | join(",")')"
expect_eq "tool list --plan agrees with sql" \
	"$(sql "SELECT id FROM tool WHERE plan_id = 1 OR step_id IN (SELECT id FROM step WHERE plan_id = 1) ORDER BY id" | join_lines ,)" \
	"$(jqo '[.items[].id] | join(",")')"
t tool alloc 1 --plan none --json
expect_rc "--plan none frees it" 0
expect_eq "--plan none cleared both" "1|1" "$(sql 'SELECT CAST(plan_id IS NULL AS INTEGER), CAST(step_id IS NULL AS INTEGER) FROM tool WHERE id = 1')"
expect_eq "alloc --json shows it free" "null null" "$(jqo '"\(.plan_id) \(.step_id)"')"
t tool alloc 2 --step 1
before=$(digest tool)
t tool alloc 2 --plan 2 --step 3
expect_rc "alloc to both exits 3" 3
expect_contains "alloc to both says not both" "$ERR" "not both"
t tool alloc 2
expect_rc "alloc to neither exits 3" 3
expect_contains "alloc to neither says what to give" "$ERR" "give --plan ID or --step ID"
t tool alloc 2 --step 99
expect_rc "alloc to an unknown step exits 4" 4
expect_contains "alloc to an unknown step names it" "$ERR" "--step: no step with id 99"
t tool alloc 99 --plan 1
expect_rc "alloc of an unknown tool exits 4" 4
expect_eq "no refused alloc changed a tool" "$before" "$(digest tool)"

t tool list
expect_rc "tool list table" 0
expect_eq "tool list table" "ID           COST  PLAN  STEP  NAME
 1          12.50     -     -  Drill
 2        1200.00     1     1  Lathe
 3           0.05     2     3  Pins
 4           0.00     -     -  Free
 5  1000000000.00     -     -  Max" "$OUT"
t tool list --json
expect_eq "tool list --json count" "$(sql 'SELECT count(*) FROM tool')" "$(jqo '.count')"

# a step that holds a tool is kept; the tool goes with tool rm
t step rm 1
expect_rc "step rm of a step with a tool exits 5" 5
expect_contains "step rm counts the tool" "$ERR" "1 tool(s)"
t tool rm 2
expect_rc "tool rm" 0
expect_eq "tool rm prints it" "tool 2 removed" "$OUT"
expect_eq "tool rm deleted it" 0 "$(sql 'SELECT count(*) FROM tool WHERE id = 2')"
t tool rm 2
expect_rc "tool rm twice exits 4" 4

finish
