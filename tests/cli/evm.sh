#!/usr/bin/env bash
# tests/cli/evm.sh: earned value (plan evm, unit evm) on a plan worked by
# hand, the aggregates kept on write (control verify after ~200 random
# writes), verify catching a corrupted aggregate, --fix, and a database
# migrated from before the aggregates.
source "$(dirname "$0")/../lib.sh"

# --- the hand-worked example -------------------------------------------
# Units: 1 Org { 2 Ops }. Ann (rate 60.00/h), Bob (90.00/h). Holiday
# Thu 2026-03-05. Plan 1 "P1" (Ops) starts Mon 2026-03-02; its working
# days k: 0 Mon 03-02, 1 Tue 03-03, 2 Wed 03-04, (Thu holiday), 3 Fri
# 03-06, 4 Mon 03-09, 5 Tue 03-10.
#   step 1 A  10 h (600 min), 2 days          ES 0 EF 2: k 0-1
#   step 2 B  20 h (1200 min), 4 days, after A ES 2 EF 6: k 2-5
#   step 3 C  10 h (600 min), 2 days, after A ES 2 EF 4: k 2-3
# W = 2400 minutes. Budget 2000 + 400 = BAC 2400.00, so the steps' budgets
# are A 600.00, B 1200.00, C 600.00.
# Progress history: A 50 on 03-03, 100 on 03-04; B 25 on 03-06, 50 on
# 03-09; C 50 on 03-05.
# Costs: Ann A 03-02 240 min = 240.00; Ann A 03-03 300 min = 300.00; Bob
# B 03-06 120 min = 180.00; Bob B 03-09 200 min = 300.00; Ann C 03-09
# 60 min = 60.00; tool Laser 150.00 on C; expenses 100.00 on 03-04 and
# 50.00 on 03-09.
#
# As of Fri 03-06 (k 0-3 done: 4 working days):
#   PV = A 600 + B 1200 x 2/4 + C 600 = 1800.00
#   EV = A 600 x 100% + B 1200 x 25% + C 600 x 50% = 600 + 300 + 300 = 1200.00
#   AC = 240 + 300 + 180 + 150 (tool) + 100 (expense) = 970.00
#   CV = 1200 - 970 = 230.00; SV = 1200 - 1800 = -600.00
#   CPI = 1200/970 = 1.2371 -> 1.24; SPI = 1200/1800 = 0.667 -> 0.67
#   EAC = 2400/CPI = 2400 x 970/1200 = 1940.00; ETC = 1940 - 970 = 970.00
#   VAC = 2400 - 1940 = 460.00; TCPI = (2400-1200)/(2400-970) = 0.839 -> 0.84
# As of Mon 03-09 (k 0-4: 5 days):
#   PV = 600 + 1200 x 3/4 + 600 = 2100.00
#   EV = 600 + 1200 x 50% + 600 x 50% = 1500.00
#   AC = 970 + 300 + 60 + 50 = 1380.00
#   CV = 120.00; SV = -600.00; CPI = 1500/1380 = 1.087 -> 1.09
#   SPI = 1500/2100 = 0.714 -> 0.71; EAC = 2400 x 1380/1500 = 2208.00
#   ETC = 828.00; VAC = 192.00; TCPI = 900/1020 = 0.882 -> 0.88
# Plan 2 "P2" (Org), same start, step 4 E 5 h, 5 days (k 0-4), budget
# 500.00, Bob 60 min on 03-06 = 90.00, percent set to 40 today through
# the CLI (so its only history row is today's):
#   as of 03-09: PV = 500 x 5/5 = 500.00, EV = 0 (history, none by then),
#   AC = 90.00; as of today EV = 500 x 40% = 200.00.
t unit add Org
t unit add Ops --parent 1
t person add Ann --email ann@e.test --unit 2 --rate 60
t person add Bob --email bob@e.test --unit 2 --rate 90
t calendar add 2026-03-05 --name "Founders day"
expect_rc "a holiday" 0
t plan add P1 --unit 2 --start-date 2026-03-02
t plan add P2 --unit 1 --start-date 2026-03-02
t step add A --plan 1 --estimate-hours 10 --duration-days 2
t step add B --plan 1 --estimate-hours 20 --duration-days 4
t step add C --plan 1 --estimate-hours 10 --duration-days 2
t step add E --plan 2 --estimate-hours 5 --duration-days 5
t step dep add 2 --on 1
t step dep add 3 --on 1
t budget add --plan 1 --category labour --amount 2000
t budget add --plan 1 --category tools --amount 400
t budget add --plan 2 --category labour --amount 500
t time log --person 1 --step 1 --day 2026-03-02 --minutes 240
t time log --person 1 --step 1 --day 2026-03-03 --minutes 300
t time log --person 2 --step 2 --day 2026-03-06 --minutes 120
t time log --person 2 --step 2 --day 2026-03-09 --minutes 200
t time log --person 1 --step 3 --day 2026-03-09 --minutes 60
t time log --person 2 --step 4 --day 2026-03-06 --minutes 60
t tool add Laser --cost 150 --step 3
t expense add --plan 1 --category other --amount 100 --day 2026-03-04
t expense add --plan 1 --category other --amount 50 --day 2026-03-09
t step set 4 --pct 40
expect_rc "setup" 0
expect_eq "setup rows" "2|4|4|3|6|1|2" "$(sql 'SELECT (SELECT count(*) FROM unit), (SELECT count(*) FROM step), (SELECT count(*) FROM person) + (SELECT count(*) FROM plan), (SELECT count(*) FROM budget), (SELECT count(*) FROM time_entry), (SELECT count(*) FROM tool), (SELECT count(*) FROM expense)')"

t control verify
expect_rc "the aggregates kept on write match the data" 0
expect_eq "verify says so" "the earned-value aggregates match the data" "$OUT"

# Past progress cannot be entered through the CLI (it records today), so
# the history goes in by SQL: the aggregates are then stale, which
# verify must see, and --fix must repair.
sql "UPDATE step SET pct = 100 WHERE id = 1; UPDATE step SET pct = 50 WHERE id IN (2, 3); INSERT INTO step_progress (step_id, day, pct) VALUES (1, '2026-03-03', 50), (1, '2026-03-04', 100), (2, '2026-03-06', 25), (2, '2026-03-09', 50), (3, '2026-03-05', 50)" >/dev/null
before=$(dbsum)
t control verify
expect_rc "verify finds history written behind its back: exit 5" 5
# earned total 600x100 + 1200x50 + 600x50 = 150000 weight-percent; on
# 03-03: 600 x 50 = 30000; 03-04: 600 x (100-50) = 30000; 03-05: C 600 x
# 50 = 30000; 03-06: B 1200 x 25 = 30000; 03-09: 1200 x 25 = 30000
expect_contains "verify names the earned total" "$OUT" "plan 1: earned: stored 0, computed 150000"
expect_contains "verify names a day" "$OUT" "plan 1: earned on 2026-03-04: stored 0, computed 30000"
expect_contains "verify names the last day" "$OUT" "plan 1: earned_last: stored none, computed 2026-03-09"
expect_eq "verify printed one line per difference (total, last day, 5 days)" 7 "$(printf '%s\n' "$OUT" | grep -c '^plan ')"
expect_contains "verify's error counts them" "$ERR" "7 difference(s)"
expect_eq "verify without --fix writes nothing" "$before" "$(dbsum)"
t control verify --fix maybe
expect_rc "--fix takes true or false" 3
t control verify --fix
expect_rc "verify --fix" 0
expect_contains "--fix says what it did" "$OUT" "7 difference(s) fixed"
t control verify
expect_rc "after --fix they match" 0

# --- plan evm: the figures ------------------------------------------------
figs='"\(.bac) \(.pv) \(.ev) \(.ac) \(.cv) \(.sv) \(.cpi) \(.spi) \(.eac) \(.etc) \(.vac) \(.tcpi)"'
t plan evm 1 --as-of 2026-03-06 --json
expect_rc "plan evm" 0
expect_eq "plan 1 as of 03-06 (worked above)" \
	"2400 1800 1200 970 230 -600 1.24 0.67 1940 970 460 0.84" "$(jqo "$figs")"
expect_eq "plan evm --json names the plan and the day" "1 2026-03-06" "$(jqo '"\(.plan_id) \(.as_of)"')"
t plan evm 1 --as-of 2026-03-09 --json
expect_eq "plan 1 as of 03-09 (worked above)" \
	"2400 2100 1500 1380 120 -600 1.09 0.71 2208 828 192 0.88" "$(jqo "$figs")"
t plan evm 1 --as-of 2026-03-09
expect_contains "the table shows CPI" "$OUT" "CPI       1.09"
expect_contains "the table shows EAC" "$OUT" "EAC       2208.00"
# before the start: nothing planned or earned; the tool (150.00, which
# has no day) is already spent: CV = -150, CPI = 0/150 = 0, SPI 0/0 and
# EAC (EV 0) undefined; TCPI = 2400/(2400-150) = 1.0667 -> 1.07
t plan evm 1 --as-of 2026-03-01 --json
expect_eq "before the start" "2400 0 0 150 -150 0 0 null null null null 1.07" "$(jqo "$figs")"
t plan evm 1 --as-of 2026-03-01
expect_contains "an undefined ratio is - in the table" "$OUT" "SPI       -"
# P2 as of 03-09: E's only history row is today's, so EV = 0; CPI = 0/90
# = 0 (defined), EAC undefined (EV 0); TCPI = 500/(500-90) = 1.2195 -> 1.22
t plan evm 2 --as-of 2026-03-09 --json
expect_eq "plan 2 as of 03-09: history after the day counts 0" \
	"500 500 0 90 -90 -500 0 0 null null null 1.22" "$(jqo "$figs")"
# as of today: EV = 500 x 40% = 200; AC 90; CPI = 200/90 = 2.22
t plan evm 2 --json
expect_eq "plan 2 as of today: today's percent" "500 500 200 90 2.22" \
	"$(jqo '"\(.bac) \(.pv) \(.ev) \(.ac) \(.cpi)"')"

# --weekly: points every 7 days from the first working day to the later
# of the finish (Tue 03-10, k 5) and the day: 03-02, 03-09, then 03-10.
# 03-02 (k 0 done): PV = A 600 x 1/2 = 300; EV = 0 (A's first row is
# 03-03); AC = 240 + tool 150 = 390. 03-09 as above. 03-10 is after
# --as-of 03-09: PV = 2400, EV and AC not known (null).
t plan evm 1 --as-of 2026-03-09 --weekly true --json
expect_eq "weekly points" "2026-03-02 300 0 390|2026-03-09 2100 1500 1380|2026-03-10 2400 null null" \
	"$(jqo '.weekly[] | "\(.day) \(.pv) \(.ev) \(.ac)"' | join_lines '|')"

# --- unit evm: the roll-up ----------------------------------------------
# as of 03-09: Ops = P1: 2400 2100 1500 1380. Org = P2 + Ops: BAC 2900,
# PV 2600, EV 1500, AC 1470; CPI = 1500/1470 = 1.02, SPI = 1500/2600 =
# 0.58. Org's own (P2 only): EV 0 -> CPI 0, EAC null.
t unit evm --as-of 2026-03-09 --json
expect_rc "unit evm" 0
expect_eq "roll-up in tree order with totals" \
	"Org 0 1 2900 2600 1500 1470 1.02 0.58|Ops 1 1 2400 2100 1500 1380 1.09 0.71" \
	"$(jqo '.items[] | "\(.name) \(.depth) \(.plans) \(.total.bac) \(.total.pv) \(.total.ev) \(.total.ac) \(.total.cpi) \(.total.spi)"' | join_lines '|')"
expect_eq "Org's own figures are P2's" "500 500 0 90 0 null" \
	"$(jqo '.items[0].own | "\(.bac) \(.pv) \(.ev) \(.ac) \(.cpi) \(.eac)"')"
t unit evm --unit 2 --as-of 2026-03-09 --json
expect_eq "a subtree: Ops alone, at depth 0" "1 Ops 0 2400" \
	"$(jqo '"\(.count) \(.items[0].name) \(.items[0].depth) \(.items[0].total.bac)"')"
t unit evm --as-of 2026-03-09
expect_contains "the table indents the tree" "$OUT" "  Ops"

# --- bad input ------------------------------------------------------------
t plan evm 1 --as-of 2026-02-30
expect_rc "an impossible day exits 3" 3
expect_contains "it names --as-of" "$ERR" "--as-of"
t plan evm 9
expect_rc "an unknown plan exits 4" 4
expect_contains "it names the plan" "$ERR" "no plan with id 9"
t unit evm --unit 9
expect_rc "an unknown unit exits 4" 4
expect_contains "it names the unit" "$ERR" "no unit with id 9"

# --- a corrupted aggregate is caught ------------------------------------
sql "UPDATE evm_plan SET time_cents = time_cents + 1 WHERE plan_id = 1" >/dev/null
sql "UPDATE evm_cost SET cents = 1 WHERE plan_id = 2 AND day = '2026-03-06'" >/dev/null
sql "UPDATE evm_planned SET amount = amount + 5 WHERE plan_id = 1 AND k = 0" >/dev/null
before=$(dbsum)
t control verify
expect_rc "corruption: exit 5" 5
# time: 240+300+180+300+60 = 1080.00 = 108000 cents
expect_contains "the total" "$OUT" "plan 1: time_cents: stored 108001, computed 108000"
expect_contains "a day's cost" "$OUT" "plan 2: cost on 2026-03-06: stored 1, computed 9000"
# k 0: A's first day, 600 x 10^6 / 2 = 300,000,000 micro-minutes
expect_contains "a planned point" "$OUT" "plan 1: planned micro-minutes on working day 0: stored 300000005, computed 300000000"
expect_eq "verify wrote nothing" "$before" "$(dbsum)"
t control verify --fix true --json
expect_rc "fix them" 0
expect_eq "--json counts them" "3 true" "$(jqo '"\(.differences) \(.fixed)"')"
t control verify
expect_rc "fixed" 0

# --- ~200 random writes keep the aggregates right --------------------------
# Every kind of write that moves a figure, chosen by a seeded $RANDOM;
# some are refused (a cycle, a full day, a step with time): refusals
# must leave the aggregates right too.
RANDOM=7
t plan add P3 --unit 1 --start-date 2026-02-23
t step add F --plan 3 --estimate-hours 3 --duration-days 3
t step add G --plan 3 --duration-days 0
nstep=6
ok=0
for i in $(seq 1 200); do
	s=$((RANDOM % nstep + 1))
	s2=$((RANDOM % nstep + 1))
	p=$((RANDOM % 3 + 1))
	day=$(printf '2026-03-%02d' $((RANDOM % 20 + 1)))
	case $((RANDOM % 16)) in
	0 | 1) t time log --person $((RANDOM % 2 + 1)) --step "$s" --day "$day" --minutes $((RANDOM % 300 + 1)) ;;
	2) t time rm "$(sql 'SELECT id FROM time_entry ORDER BY id' | sed -n "$((RANDOM % 5 + 1))p")" ;;
	3) t step set "$s" --pct $((RANDOM % 101)) ;;
	4) t step set "$s" --estimate-hours $((RANDOM % 30)) ;;
	5) t step set "$s" --duration-days $((RANDOM % 6)) ;;
	6) t step dep add "$s" --on "$s2" --lag-days $((RANDOM % 3)) ;;
	7) t step dep rm "$s" --on "$s2" ;;
	8) t budget add --plan "$p" --category other --amount $((RANDOM % 900 + 1)).25 ;;
	9) t budget set "$(sql 'SELECT id FROM budget ORDER BY id' | sed -n "$((RANDOM % 4 + 1))p")" --amount $((RANDOM % 500)) ;;
	10) t expense add --plan "$p" --category tools --amount $((RANDOM % 90 + 1)) --day "$day" ;;
	11) t expense set "$(sql 'SELECT id FROM expense ORDER BY id' | sed -n "$((RANDOM % 3 + 1))p")" --amount 7 --day "$day" ;;
	12) t tool add "T$i" --cost $((RANDOM % 300)) --plan "$p" ;;
	13) t tool alloc "$(sql 'SELECT id FROM tool ORDER BY id' | sed -n "$((RANDOM % 3 + 1))p")" --step "$s" ;;
	14) if [ $((RANDOM % 2)) = 0 ]; then t calendar add "$day" --name "H$i"; else t calendar rm "$day"; fi ;;
	15) if [ $((RANDOM % 2)) = 0 ]; then t step set "$s" --status done; else t step set "$s" --status todo; fi ;;
	esac
	[ "$RC" = 0 ] && ok=$((ok + 1))
done
[ "$ok" -ge 100 ] && pass || fail "most random writes succeed" "only $ok of 200"
t control verify
expect_rc "after 200 random writes the aggregates match the data" 0
expect_eq "verify printed no difference" "the earned-value aggregates match the data" "$OUT"
# and they are not trivially empty
expect_eq "every plan has its row" 3 "$(sql 'SELECT count(*) FROM evm_plan')"

# --- a database from before the aggregates migrates ----------------------
t unit evm --as-of 2026-03-20 --json
want=$OUT
# (the database as it was at version 3: the later migrations' tables go
# too, children first; a new migration adds its own here)
later="assessment_answer assessment cohort_member cohort balance_score balance_snapshot
	volunteer anchor recognition win obstacle initiative_comm initiative_plan initiative_strategy
	initiative_theme initiative_signal initiative_unit initiative_step initiative coaching_note pulse_comment pulse_count pulse_responded pulse_invite pulse_unit
	pulse_question pulse idea_vote idea org_value coalition_member coalition
	commitment comm_recipient comm_audience comm stakeholder signal_response signal_theme
	theme signal plan_strategy strategy vision"
drops=$(for x in $later; do printf 'DROP TABLE %s; ' "$x"; done)
sql "$drops DROP TABLE evm_plan; DROP TABLE evm_cost; DROP TABLE evm_earned; DROP TABLE evm_planned; DROP INDEX step_load; CREATE INDEX step_assignee_status ON step(assignee_id, status); ALTER TABLE step DROP COLUMN sched_es; DELETE FROM schema_version WHERE version >= 4" >/dev/null
expect_eq "the database is back at version 3" 3 "$(sql 'SELECT max(version) FROM schema_version')"
t unit evm --as-of 2026-03-20 --json
expect_rc "the migrated database answers" 0
expect_eq "the migration fills the aggregates: the same roll-up" "$want" "$OUT"
expect_eq "migrated plans wait for their schedule" "3" "$(sql 'SELECT count(*) FROM evm_plan WHERE planned_ok = 0')"
t control verify
expect_rc "the migrated aggregates match the data" 0
expect_eq "the migration leaves every step's early start to --fix" "$(sql 'SELECT count(*) FROM step')" \
	"$(sql 'SELECT count(*) FROM step WHERE sched_es IS NULL')"
t control verify --fix true
expect_eq "--fix schedules them" "0" "$(sql 'SELECT count(*) FROM evm_plan WHERE planned_ok = 0')"
expect_eq "and keeps every step's early start" 0 "$(sql 'SELECT count(*) FROM step WHERE sched_es IS NULL')"
# an early start gone wrong is a difference, and --fix mends it
first=$(sql 'SELECT min(id) FROM step')
right=$(sql "SELECT sched_es FROM step WHERE id = $first")
sql "UPDATE step SET sched_es = sched_es + 3 WHERE id = $first" >/dev/null
t control verify
expect_rc "a wrong early start: verify exits 5" 5
expect_contains "it says which" "$OUT$ERR" "steps whose stored early start differs: stored 1"
t control verify --fix true
expect_eq "--fix puts it back" "$right" "$(sql "SELECT sched_es FROM step WHERE id = $first")"
t unit evm --as-of 2026-03-20 --json
expect_eq "and the figures stay" "$want" "$OUT"

# --- the generator's size flags (bench/evm) -------------------------------
# 20 units: the 6 named ones, then Team 6..19 under unit (u - 6) / 8 + 1:
# Teams 6-13 under Northwind Ltd's index 1 (Operations), 14-19 under
# index 2 (Product); every time entry at most --chunk 30 minutes; the
# aggregates are rebuilt after the bulk load.
big=$(newdb big)
run "$TANDEM" --db "$big" demo --today 2026-11-27 --units 20 --people 60 --plans 10 --steps 200 --chunk 30
expect_rc "demo with size flags" 0
expect_eq "units, and Team 13's and Team 14's parents" "20|Operations|Product" \
	"$(sqlat "$big" "SELECT (SELECT count(*) FROM unit), (SELECT p.name FROM unit u JOIN unit p ON p.id = u.parent_id WHERE u.name = 'Team 13'), (SELECT p.name FROM unit u JOIN unit p ON p.id = u.parent_id WHERE u.name = 'Team 14')")"
expect_eq "no entry over the chunk" "0" "$(sqlat "$big" "SELECT count(*) FROM time_entry WHERE minutes > 30")"
run "$TANDEM" --db "$big" control verify
expect_rc "the generator's aggregates match" 0
run "$TANDEM" --db "$big" demo --units 5
expect_rc "fewer units than the named ones is refused" 3

finish
