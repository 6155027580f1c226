#!/usr/bin/env bash
# tests/cli/steps.sh: plans and steps through the CLI: plan add/list/show/
# set/rm, step add/list/count/show/set/start/done/block/rm, step dep add/rm,
# the finish-to-start rules, cycles, and the step filters (checked against
# counts the sqlite3 CLI, or psql, computes on its own).
source "$(dirname "$0")/../lib.sh"

digest() {
	sql "SELECT * FROM $1 ORDER BY 1, 2" | sha256sum | cut -d' ' -f1
}

# units: 1 Root { 2 Child { 3 Grandchild } }, 4 Other, 5 Empty
t unit add Root
t unit add Child --parent 1
t unit add Grandchild --parent 2
t unit add Other
t unit add Empty
t person add Ann --email ann@t.test --unit 1
t person add Ben --email ben@t.test --unit 3
expect_eq "setup: 5 units, 2 people" "5|2" "$(sql 'SELECT (SELECT count(*) FROM unit), (SELECT count(*) FROM person)')"

# --- plans -------------------------------------------------------------

t plan add Alpha --unit 1 --start-date 2026-01-05 --owner 1 --status active
expect_rc "plan add with every field" 0
expect_eq "plan add prints the id" "plan 1 added" "$OUT"
expect_eq "plan add stored every field" "Alpha|1|1|2026-01-05|active" \
	"$(sql 'SELECT name, owner_id, unit_id, start_date, status FROM plan WHERE id = 1')"
t plan add Beta --unit 3 --start-date 2026-02-02
expect_eq "plan add defaults: no owner, draft" "1|draft" \
	"$(sql 'SELECT CAST(owner_id IS NULL AS INTEGER), status FROM plan WHERE id = 2')"
t plan add Gamma --unit 4 --start-date 2026-03-02 --json
expect_rc "plan add --json" 0
expect_eq "plan add --json gives the plan" "3 Gamma 4 Other 2026-03-02 draft" \
	"$(jqo '"\(.id) \(.name) \(.unit_id) \(.unit) \(.start_date) \(.status)"')"
t plan add Delta --unit 1 --start-date 2026-02-30
expect_rc "plan add with an impossible date exits 3" 3
expect_contains "plan add names --start-date" "$ERR" "--start-date: must be a date as YYYY-MM-DD"
t plan add Delta --unit 1
expect_rc "plan add without a start date exits 3" 3
expect_contains "plan add says --start-date is required" "$ERR" "--start-date: is required"
expect_eq "refused plan adds wrote nothing" 3 "$(sql 'SELECT count(*) FROM plan')"

# a plan without steps shows zero counts (not whatever was on the stack)
t plan show 2
expect_rc "plan show" 0
expect_eq "plan show of an empty plan" "plan      2
name      Beta
unit      3 Grandchild
owner     -
start     2026-02-02
status    draft
steps     0 todo, 0 doing, 0 done, 0 blocked
estimate  0 h
progress  0.00 %" "$OUT"
t plan show 2 --json
expect_eq "plan show --json of an empty plan has zero counts" '{"todo":0,"doing":0,"done":0,"blocked":0}' \
	"$(jqo '.steps' | jq -c .)"

t plan list --json
expect_eq "plan list --json shape" '["count","items"]' "$(jqo 'keys' | jq -c .)"
expect_eq "plan list --json count" 3 "$(jqo '.count')"
# unit 2's subtree is {2, 3}: only Beta; unit 1's is {1, 2, 3}: Alpha, Beta
t plan list --unit 2 --json
expect_eq "plan list --unit takes the subtree" "2" "$(jqo '[.items[].id] | join(",")')"
t plan list --unit 1 --json
expect_eq "plan list --unit of the root" "1,2" "$(jqo '[.items[].id] | join(",")')"
t plan list --status draft --json
expect_eq "plan list --status" "2,3" "$(jqo '[.items[].id] | join(",")')"
t plan list --owner 1 --json
expect_eq "plan list --owner" "1" "$(jqo '[.items[].id] | join(",")')"
t plan set 3 --name Gamma2 --status on_hold --start-date 2026-03-09 --owner 2
expect_rc "plan set" 0
expect_eq "plan set stored the changes" "Gamma2|on_hold|2026-03-09|2|4" \
	"$(sql 'SELECT name, status, start_date, owner_id, unit_id FROM plan WHERE id = 3')"
t plan set 3 --status finished
expect_rc "plan set to an unknown status exits 3" 3
expect_contains "plan set names the statuses" "$ERR" "--status: must be one of draft, active, on_hold, done, cancelled"

# --- steps: add, show, set ----------------------------------------------

# 30 steps, i = 1..30:
#   plan      1 + i % 3        (ten steps in each plan)
#   assignee  i % 5 in {1,3}: Ann (1); {2,4}: Ben (2); 0: none
#   status    i % 4: 0 todo, 1 doing, 2 done, 3 blocked
#   due       2026-01-i for i <= 28, none after
statuses=(todo doing "done" blocked)
for i in $(seq 1 30); do
	args=(step add "step $i" --plan $((1 + i % 3)) --status "${statuses[i % 4]}")
	case $((i % 5)) in
	1 | 3) args+=(--assignee 1) ;;
	2 | 4) args+=(--assignee 2) ;;
	esac
	[ "$i" -le 28 ] && args+=(--due "$(printf '2026-01-%02d' "$i")")
	t "${args[@]}"
	[ "$RC" = 0 ] || fail "step add $i" "$ERR"
done
expect_eq "30 steps added" 30 "$(sql 'SELECT count(*) FROM step')"
expect_eq "step names and plans as given" "step 7|2|blocked|2026-01-07|2" \
	"$(sql 'SELECT name, plan_id, status, due, assignee_id FROM step WHERE id = 7')"

t step add Estimate --plan 1 --estimate-hours 2.5 --duration-days 3 --json
expect_rc "step add --json" 0
# 2.5 h = 150 minutes
expect_eq "estimate stored in minutes" "150|3|todo" \
	"$(sql 'SELECT estimate_minutes, duration_days, status FROM step WHERE id = 31')"
expect_eq "step add --json gives the step" "31 1 2.5 3 null null todo" \
	"$(jqo '"\(.id) \(.plan_id) \(.estimate_hours) \(.duration_days) \(.assignee_id) \(.due) \(.status)"')"
t step show 1
expect_rc "step show" 0
# step 1: plan 2, Ann, due 2026-01-01, doing, defaults 0 h and 1 day
expect_eq "step show lists every field" "step      1
plan      2
name      step 1
assignee  Ann
estimate  0 h
duration  1 working day(s)
due       2026-01-01
status    doing
progress  0 %
activity  -
logged    0 h" "$OUT"
t step set 31 --name Renamed --assignee 2 --estimate-hours 0.75 --duration-days 0 --due 2026-05-04
expect_rc "step set of several fields" 0
# 0.75 h = 45 minutes
expect_eq "step set stored them" "Renamed|2|45|0|2026-05-04|1" \
	"$(sql 'SELECT name, assignee_id, estimate_minutes, duration_days, due, plan_id FROM step WHERE id = 31')"
t step set 31 --assignee none --due none
expect_rc "step set none clears" 0
expect_eq "step set none cleared assignee and due" "1|1|Renamed" \
	"$(sql 'SELECT CAST(assignee_id IS NULL AS INTEGER), CAST(due IS NULL AS INTEGER), name FROM step WHERE id = 31')"
t step set 31 --plan 9
expect_rc "step set to an unknown plan exits 4" 4
expect_contains "step set names --plan" "$ERR" "--plan: no plan with id 9"
t step show 99
expect_rc "step show of an unknown id exits 4" 4
t step rm 31
expect_rc "step rm of a free step" 0
expect_eq "step rm deleted it" 0 "$(sql 'SELECT count(*) FROM step WHERE id = 31')"
# (ids are never handed out twice, so the next step is 32)

# plan show counts the steps of each status; plan 1 holds i = 3, 6, ..., 30:
# i % 4 = 3,2,1,0,3,2,1,0,3,2 -> 2 todo, 2 doing, 3 done, 3 blocked
t plan show 1 --json
expect_eq "plan show counts by status (by hand)" '{"todo":2,"doing":2,"done":3,"blocked":3}' \
	"$(jqo '.steps' | jq -c .)"
expect_eq "plan show counts by status (sql)" \
	"$(sql "SELECT (SELECT count(*) FROM step WHERE plan_id = 1 AND status = 'todo'), (SELECT count(*) FROM step WHERE plan_id = 1 AND status = 'doing'),
	        (SELECT count(*) FROM step WHERE plan_id = 1 AND status = 'done'), (SELECT count(*) FROM step WHERE plan_id = 1 AND status = 'blocked')" | tr '|' ,)" \
	"$(jqo '[.steps.todo, .steps.doing, .steps.done, .steps.blocked] | join(",")')"
t plan rm 1
expect_rc "plan rm with steps exits 5" 5
expect_eq "plan rm refused kept the plan" 1 "$(sql 'SELECT count(*) FROM plan WHERE id = 1')"

# --- filters -----------------------------------------------------------

# check_filter NAME EXPECTED_BY_HAND WHERE FLAGS...: step count and
# step list --json agree with each other, with a count worked out by hand,
# and with the ids sqlite3 (or psql) selects for the same condition.
check_filter() {
	local name=$1 hand=$2 where=$3
	shift 3
	local want_ids
	want_ids=$(sql "SELECT s.id FROM step s WHERE $where ORDER BY s.id" | join_lines ,)
	local want_n
	want_n=$(sql "SELECT count(*) FROM step s WHERE $where")
	expect_eq "$name: hand count agrees with sql" "$hand" "$want_n"
	t step count "$@"
	expect_rc "$name: step count" 0
	expect_eq "$name: step count" "$want_n" "$OUT"
	t step count "$@" --json
	expect_eq "$name: step count --json" "$want_n" "$(jqo '.count')"
	t step list "$@" --json
	expect_rc "$name: step list" 0
	expect_eq "$name: step list --json count" "$want_n" "$(jqo '.count')"
	expect_eq "$name: step list ids" "$want_ids" "$(jqo '[.items[].id] | join(",")')"
}
subtree() {	# the units of a subtree as an SQL list
	echo "(WITH RECURSIVE sub(id) AS (SELECT CAST($1 AS BIGINT) UNION ALL SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id) SELECT id FROM sub)"
}

check_filter "no filter" 30 "1 = 1"
# plan 1: i % 3 = 0
check_filter "--plan" 10 "s.plan_id = 1" --plan 1
# Ann: i % 5 in {1, 3}: 12 of 30
check_filter "--assignee" 12 "s.assignee_id = 1" --assignee 1
# todo: i % 4 = 0: 4, 8, ..., 28: 7
check_filter "--status" 7 "s.status = 'todo'" --status todo
# due strictly before 2026-01-10: i = 1..9
check_filter "--due-before" 9 "s.due < '2026-01-10'" --due-before 2026-01-10
# unit 1's subtree {1,2,3} runs plans 1 and 2: 20 steps
check_filter "--unit of the root takes the subtree" 20 \
	"s.plan_id IN (SELECT id FROM plan WHERE unit_id IN $(subtree 1))" --unit 1
# unit 2 runs no plan itself; its child 3 runs plan 2 (i % 3 = 1): 10
check_filter "--unit reaches a grandchild's plans" 10 \
	"s.plan_id IN (SELECT id FROM plan WHERE unit_id IN $(subtree 2))" --unit 2
# unit 4 (a root without children) runs plan 3 (i % 3 = 2): 10
check_filter "--unit of a leaf" 10 \
	"s.plan_id IN (SELECT id FROM plan WHERE unit_id IN $(subtree 4))" --unit 4
check_filter "--unit of a unit with no plans" 0 \
	"s.plan_id IN (SELECT id FROM plan WHERE unit_id IN $(subtree 5))" --unit 5
# plan 2 (i = 1, 4, ..., 28) and todo (i % 4 = 0): 4, 16, 28
check_filter "--plan --status" 3 "s.plan_id = 2 AND s.status = 'todo'" --plan 2 --status todo
# Ben (i % 5 in {2,4}) and doing (i % 4 = 1): 9, 17, 29
check_filter "--assignee --status" 3 "s.assignee_id = 2 AND s.status = 'doing'" --assignee 2 --status doing
# unit 1 subtree (i % 3 in {0, 1}), due before 2026-01-07 (i <= 6), done (i % 4 = 2): 6
check_filter "--unit --due-before --status" 1 \
	"s.plan_id IN (SELECT id FROM plan WHERE unit_id IN $(subtree 1)) AND s.due < '2026-01-07' AND s.status = 'done'" \
	--unit 1 --due-before 2026-01-07 --status "done"
# plan 3 (i % 3 = 2) and blocked (i % 4 = 3): 11, 23, both Ann's
check_filter "three filters" 2 "s.plan_id = 3 AND s.status = 'blocked' AND s.assignee_id = 1" \
	--plan 3 --status blocked --assignee 1
# plan 3 and todo: 8 (Ann's), 20 (nobody's): none is Ben's
check_filter "filters with no match" 0 "s.plan_id = 3 AND s.status = 'todo' AND s.assignee_id = 2" \
	--plan 3 --status todo --assignee 2

# --limit and --offset page through the matches in id order; plan 1's
# steps are 3, 6, 9, ...: skip two, take three -> 9, 12, 15
t step list --plan 1 --limit 3 --offset 2 --json
expect_eq "--limit --offset page in id order" "9,12,15" "$(jqo '[.items[].id] | join(",")')"
expect_eq "--limit --offset page (sql)" \
	"$(sql "SELECT id FROM step WHERE plan_id = 1 ORDER BY id LIMIT 3 OFFSET 2" | join_lines ,)" \
	"$(jqo '[.items[].id] | join(",")')"
t step list --limit 0 --json
expect_eq "--limit 0 lists nothing" "0" "$(jqo '.count')"
t step list --offset 28 --json
expect_eq "--offset past most rows" "29,30" "$(jqo '[.items[].id] | join(",")')"
t step list --plan 3 --status "done"
expect_rc "step list table" 0
# plan 3: i % 3 = 2 -> 2, 5, ..., 29; done: i % 4 = 2 -> 2, 14, 26.
# The table is streamed with fixed widths: STATUS 7, DUE 10, EST 5
# (right-aligned); ID, PLAN and ASSIGNEE as wide as their header here.
expect_eq "step list table" "ID  PLAN  STATUS   DUE           EST  ASSIGNEE  NAME
 2     3  done     2026-01-02      0  Ben       step 2
14     3  done     2026-01-14      0  Ben       step 14
26     3  done     2026-01-26      0  Ann       step 26" "$OUT"

# --- dependencies and the finish-to-start rules -------------------------

t plan add Deps --unit 1 --start-date 2026-04-06
# plan 4: A (32) <- B (33) <- C (34); D (35) waits for A
for n in A B C D; do t step add "$n" --plan 4; done
expect_eq "dependency steps added" "32,33,34,35" \
	"$(sql "SELECT id FROM step WHERE plan_id = 4 ORDER BY id" | join_lines ,)"
t step dep add 33 --on 32
expect_rc "dep add" 0
expect_eq "dep add prints it" "step 33 now waits for step 32" "$OUT"
t step dep add 34 --on 33
t step dep add 35 --on 32 --lag-days 2 --json
expect_rc "dep add with --lag-days --json" 0
expect_eq "dep add --json shows the dependency" "32 2 todo" "$(jqo '.depends_on[0] | "\(.on) \(.lag_days) \(.status)"')"
expect_eq "dependencies stored" "33|32|0 34|33|0 35|32|2" \
	"$(sql "SELECT step_id, depends_on, lag_days FROM step_dep ORDER BY step_id" | join_lines ' ')"

t step start 33
expect_rc "start with an open dependency exits 5" 5
expect_contains "start names the blocking step" "$ERR" "step 33 cannot be doing yet: it depends on step 32 \"A\", which is todo"
expect_eq "refused start printed nothing" "" "$OUT"
expect_eq "refused start left it todo" "todo" "$(sql 'SELECT status FROM step WHERE id = 33')"
t step "done" 33
expect_rc "done with an open dependency exits 5" 5
expect_contains "done names the blocking step" "$ERR" "step 33 cannot be done yet: it depends on step 32"
t step set 33 --status doing
expect_rc "step set --status doing with an open dependency exits 5" 5
t step set 33 --name B2 --status doing
expect_rc "a refused status change with a rename exits 5" 5
expect_eq "a refused step set renames nothing" "B" "$(sql 'SELECT name FROM step WHERE id = 33')"
t step start 32
expect_rc "start a step with no dependencies" 0
expect_eq "step start prints it" "step 32 is doing" "$OUT"
t step start 33
expect_rc "start while the dependency is only doing exits 5" 5
expect_contains "start names the status of the blocker" "$ERR" "which is doing"
t step "done" 32
expect_rc "done" 0
expect_eq "done stored" "done" "$(sql 'SELECT status FROM step WHERE id = 32')"
t step start 33 --json
expect_rc "start once the dependency is done" 0
expect_eq "step start --json gives the status" "doing" "$(jqo '.status')"
expect_eq "start stored" "doing" "$(sql 'SELECT status FROM step WHERE id = 33')"
t step set 32 --status todo
expect_rc "reopening a step whose dependant started exits 5" 5
expect_contains "reopen names the dependant" "$ERR" "step 32 cannot be reopened: step 33 \"B\", which depends on it, is doing"
expect_eq "refused reopen left it done" "done" "$(sql 'SELECT status FROM step WHERE id = 32')"
t step block 34
expect_rc "block needs no dependency done" 0
expect_eq "block stored" "blocked" "$(sql 'SELECT status FROM step WHERE id = 34')"

t step show 35
expect_eq "step show lists the dependency with its lag" 'after     step 32 "A" (done) + 2 day(s)' "$(printf '%s\n' "$OUT" | tail -n 1)"
t step show 34 --json
expect_eq "step show --json depends_on" '[{"on":33,"name":"B","status":"doing","lag_days":0}]' \
	"$(jqo '.depends_on' | jq -c .)"

# a cycle is refused and named in order: 32 waiting for 34 closes
# 32 -> 34 -> 33 -> 32 (34 waits for 33, 33 waits for 32)
before=$(digest step_dep)
t step dep add 32 --on 34
expect_rc "a dependency cycle exits 5" 5
expect_contains "the cycle is named in order" "$ERR" \
	'cycle: step 32 "A" -> step 34 "C" -> step 33 "B" -> step 32 "A"'
expect_contains "the cycle message names --on" "$ERR" "--on:"
t step dep add 33 --on 34
expect_rc "a two-step cycle exits 5" 5
expect_contains "the two-step cycle is named" "$ERR" 'step 33 "B" -> step 34 "C" -> step 33 "B"'
t step dep add 32 --on 32
expect_rc "depending on itself exits 3" 3
expect_contains "depending on itself is named" "$ERR" "--on: a step cannot depend on itself"
t step dep add 33 --on 32
expect_rc "a duplicate dependency exits 5" 5
expect_contains "a duplicate dependency is named" "$ERR" "step 33 already depends on step 32"
# step 1 is in plan 2
t step dep add 32 --on 1
expect_rc "a cross-plan dependency exits 3" 3
expect_contains "a cross-plan dependency names both plans" "$ERR" \
	"--on: step 1 is in plan 2 and step 32 in plan 4: dependencies stay within one plan"
t step dep add 32 --on 999
expect_rc "depending on an unknown step exits 4" 4
expect_contains "an unknown step is named" "$ERR" "--on: no step with id 999"
t step dep add 999 --on 32
expect_rc "an unknown dependant exits 4" 4
t step set 33 --plan 1
expect_rc "moving a step with dependencies to another plan exits 5" 5
expect_eq "no refused dependency change wrote anything" "$before" "$(digest step_dep)"
expect_eq "the refused move kept the plan" "4" "$(sql 'SELECT plan_id FROM step WHERE id = 33')"

t step dep rm 35 --on 32
expect_rc "dep rm" 0
expect_eq "dep rm deleted the row" 0 "$(sql 'SELECT count(*) FROM step_dep WHERE step_id = 35')"
t step dep rm 35 --on 32
expect_rc "dep rm of a missing dependency exits 4" 4
expect_contains "dep rm names it" "$ERR" "--on: step 35 does not depend on step 32"
t step dep rm 35
expect_rc "dep rm without --on exits 3" 3

# step rm: refused while time is logged; its dependencies go with it
t time log --person 1 --step 34 --day 2026-04-07 --minutes 30
t step rm 34
expect_rc "step rm with time logged exits 5" 5
expect_contains "step rm says why" "$ERR" "step 34 still has 1 time entry"
expect_eq "refused step rm kept the step" 1 "$(sql 'SELECT count(*) FROM step WHERE id = 34')"
t step rm 33
expect_rc "step rm of a step with dependencies both ways" 0
expect_eq "step rm took its dependencies" 0 "$(sql 'SELECT count(*) FROM step_dep WHERE step_id = 33 OR depends_on = 33')"
t step rm 33
expect_rc "step rm twice exits 4" 4

t plan rm 2
expect_rc "plan rm with steps exits 5" 5
t plan add Empty --unit 4 --start-date 2026-06-01
t plan rm 5
expect_rc "plan rm of an empty plan" 0
expect_eq "plan rm deleted it" 0 "$(sql 'SELECT count(*) FROM plan WHERE id = 5')"

finish
