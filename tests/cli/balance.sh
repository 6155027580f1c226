#!/usr/bin/env bash
# tests/cli/balance.sh: the balance scores (tandem balance, balance show,
# balance snapshot, balance history) on a small organization built by
# hand, where every indicator's value, score, process score, the two
# scores, the quadrant and the too-much flags are worked out below from
# the contract (docs/balance.md), as of D = 2026-06-30. Also: as-of,
# the thresholds' settings, snapshots and their history, refusals that
# write nothing.
source "$(dirname "$0")/../lib.sh"

D=2026-06-30
digest() { dbsum "$DB" balance_snapshot balance_score; }

# --- the organization ------------------------------------------------------
# units: 1 Org (root), 2 Ops and 3 Sales under it
# people: 1 Ann (Org), 2 Bob (Ops, reports to Ann), 3 Cid and 4 Dee (Ops,
# report to Bob), 5 Eve (Sales, reports to Ann), 6 Fay (Sales, reports to
# Eve, capacity 0). Managers: Ann (2 reports), Bob (2), Eve (1).
t unit add Org
t unit add Ops --parent 1
t unit add Sales --parent 1
t person add Ann --email ann@t.test --unit 1
t person add Bob --email bob@t.test --unit 2 --manager 1
t person add Cid --email cid@t.test --unit 2 --manager 2
t person add Dee --email dee@t.test --unit 2 --manager 2
t person add Eve --email eve@t.test --unit 3 --manager 1
t person add Fay --email fay@t.test --unit 3 --manager 5 --capacity-hours 0
# plans: 1 Ops active (from 06-01), 2 Ops draft, 3 Sales on hold, 4 Sales done
t plan add Run --unit 2 --start-date 2026-06-01 --status active
t plan add Next --unit 2 --start-date 2026-07-01
t plan add Push --unit 3 --start-date 2026-05-01 --status on_hold
t plan add Old --unit 3 --start-date 2026-01-05 --status done
# steps (estimate, assignee, status): plan 1: s1 1h Cid todo, s2 0 - todo,
# s3 2h Cid done, s4 0.5h - doing; plan 2: s5 1h Bob todo; plan 3: s6 0
# Fay blocked; plan 4: s7 1h Eve done
t step add s1 --plan 1 --estimate-hours 1 --assignee 3
t step add s2 --plan 1
t step add s3 --plan 1 --estimate-hours 2 --assignee 3 --status done
t step add s4 --plan 1 --estimate-hours 0.5 --status doing
t step add s5 --plan 2 --estimate-hours 1 --assignee 2
t step add s6 --plan 3 --assignee 6 --status blocked
t step add s7 --plan 4 --estimate-hours 1 --assignee 5 --status done
# budget lines on plans 1 and 3
t budget add --plan 1 --category labour --amount 100
t budget add --plan 3 --category other --amount 50
expect_eq "setup" "3|6|4|7|2" "$(sql 'SELECT (SELECT count(*) FROM unit), (SELECT count(*) FROM person), (SELECT count(*) FROM plan), (SELECT count(*) FROM step), (SELECT count(*) FROM budget)')"

# targets: T1 Ops 2026 served by plan 1, T2 Ops 2026 without plan, T3
# Sales 2025 without plan (not current on D), T4 Sales June 2026 served by
# plan 3
sql "INSERT INTO target (name, baseline, goal, period_from, period_to, unit_id) VALUES
 ('T1', 0, 100, '2026-01-01', '2026-12-31', 2), ('T2', 0, 100, '2026-01-01', '2026-12-31', 2),
 ('T3', 0, 100, '2025-01-01', '2025-12-31', 3), ('T4', 0, 100, '2026-06-01', '2026-06-30', 3);
 INSERT INTO plan_target (plan_id, target_id) VALUES (1, 1), (3, 4);"
# positions: A Ops headcount 2 (Cid since 2026-01-01; needs skill X at 4,
# Cid has 2), B Sales headcount 1 (Eve and Fay: capped at 1; no skills),
# C Ops headcount 1 (Dee only from 2026-07-15, after D)
sql "INSERT INTO skill (name) VALUES ('X');
 INSERT INTO position (unit_id, title, headcount) VALUES (2, 'A', 2), (3, 'B', 1), (2, 'C', 1);
 INSERT INTO position_skill (position_id, skill_id, level) VALUES (1, 1, 4);
 INSERT INTO person_skill (person_id, skill_id, level) VALUES (3, 1, 2);
 INSERT INTO staffing (position_id, person_id, since) VALUES (1, 3, '2026-01-01'),
 (2, 5, '2026-02-01'), (2, 6, '2026-02-01'), (3, 4, '2026-07-15');"
# problems (due, closed): Ops: 06-10 closed 06-05 (on time), 06-20 closed
# 06-25 (late), 06-25 open, 07-05 (after D); Sales: 05-01 closed 04-30
# (on time), 2025-12-01 (before D-180 = 2026-01-01)
sql "INSERT INTO problem (unit_id, rule, title, found, due, status, closed) VALUES
 (2, 'r', 'p1', '2026-06-01', '2026-06-10', 'closed', '2026-06-05'),
 (2, 'r', 'p2', '2026-06-01', '2026-06-20', 'closed', '2026-06-25'),
 (2, 'r', 'p3', '2026-06-01', '2026-06-25', 'open', NULL),
 (2, 'r', 'p6', '2026-06-01', '2026-07-05', 'open', NULL),
 (3, 'r', 'p4', '2026-04-01', '2026-05-01', 'closed', '2026-04-30'),
 (3, 'r', 'p5', '2025-11-01', '2025-12-01', 'closed', '2025-11-02');"
# time (all on s1): Bob 06-10 300 min controlling, 06-11 100 min planning;
# Cid 06-15 60 min; Ann 06-20 60 min direction; Eve 04-15 200 min
# problem-solving and 06-01 800 min motivating (both before D-28 = 06-02)
t time log --person 2 --step 1 --day 2026-06-10 --minutes 300 --activity controlling
t time log --person 2 --step 1 --day 2026-06-11 --minutes 100 --activity planning
t time log --person 3 --step 1 --day 2026-06-15 --minutes 60
t time log --person 1 --step 1 --day 2026-06-20 --minutes 60 --activity direction
t time log --person 5 --step 1 --day 2026-04-15 --minutes 200 --activity problem-solving
t time log --person 5 --step 1 --day 2026-06-01 --minutes 800 --activity motivating
expect_eq "time entries" 6 "$(sql 'SELECT count(*) FROM time_entry')"

# direction: the organization's vision (review 2026-12-31), Sales' own
# (review 2026-03-01, past); strategies: 1 Ops active with plan 1, 2
# org-wide active without plan, 3 Sales proposed with plan 3; signals
# (day, reviewed): Ops 06-01 06-02, 05-01 -, 03-01 07-10 (after D)
sql "INSERT INTO vision (unit_id, version, statement, horizon, review_date, created_at) VALUES
 (NULL, 1, 'Org', 2030, '2026-12-31', 0), (3, 1, 'Sales', 2030, '2026-03-01', 0);
 INSERT INTO strategy (name, unit_id, status) VALUES ('st1', 2, 'active'), ('st2', NULL, 'active'),
 ('st3', 3, 'proposed');
 INSERT INTO plan_strategy (plan_id, strategy_id) VALUES (1, 1), (3, 3);
 INSERT INTO signal (observed, day, category, kind, impact, likelihood, unit_id, reviewed) VALUES
 ('a', '2026-06-01', 'market', 'threat', 3, 3, 2, '2026-06-02'),
 ('b', '2026-05-01', 'market', 'threat', 3, 3, 2, NULL),
 ('c', '2026-03-01', 'market', 'threat', 3, 3, 2, '2026-07-10');"
# aligning: c1 sent 06-01 to Bob committed, Cid reached, Dee sent, Eve
# committed, Fay disagrees; c2 sent 2025-05-01 (before D-365) to Bob; c3
# not sent; a coalition with Cid (Ops) as its one member
sql "INSERT INTO comm (title, channel, day, unit_id, sent) VALUES ('c1', 'email', '2026-06-01', 1, 1),
 ('c2', 'email', '2025-05-01', 1, 1), ('c3', 'email', '2026-06-10', 1, 0);
 INSERT INTO comm_recipient (comm_id, person_id, state) VALUES (1, 2, 'committed'), (1, 3, 'reached'),
 (1, 4, 'sent'), (1, 5, 'committed'), (1, 6, 'disagrees'), (2, 2, 'committed'), (3, 3, 'committed');
 INSERT INTO coalition (name) VALUES ('k');
 INSERT INTO coalition_member (coalition_id, person_id) VALUES (1, 3);"
# motivating: a pulse of unit 1 opened 06-01 (min group 3), one 1-5
# question: Ann 5, Ops 4 4 4, Sales 2 2 (Sales: 2 answers, suppressed);
# recognitions: Ann to Bob 06-01, Ann to Cid 05-01, Bob to unit Ops 06-15,
# Bob to Eve 03-01 (before D-90 = 04-01); ideas (created, status,
# answered): Cid 05-01 accepted 05-10, Dee 05-15 open, Bob 06-20 (not 30
# days old), Eve 04-01 declined 07-20 (after D)
sql "INSERT INTO pulse (title, opens, min_group, sent, unit_id) VALUES ('Pulse', '2026-06-01', 3, 1, 1);
 INSERT INTO pulse_question (pulse_id, position, text, scale) VALUES (1, 1, 'Q', '1-5');
 INSERT INTO pulse_unit (pulse_id, unit_id) VALUES (1, 1);
 INSERT INTO pulse_invite (pulse_id, person_id, unit_id) VALUES (1, 1, 1), (1, 2, 2), (1, 3, 2),
 (1, 4, 2), (1, 5, 3), (1, 6, 3);
 INSERT INTO pulse_responded (pulse_id, person_id) VALUES (1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (1, 6);
 INSERT INTO pulse_count (question_id, unit_id, value, n) VALUES (1, 1, 5, 1), (1, 2, 4, 3), (1, 3, 2, 2);
 INSERT INTO org_value (name) VALUES ('v');
 INSERT INTO recognition (from_id, to_person_id, to_unit_id, message, value_id, day) VALUES
 (1, 2, NULL, 'm', 1, '2026-06-01'), (1, 3, NULL, 'm', 1, '2026-05-01'),
 (2, NULL, 2, 'm', 1, '2026-06-15'), (2, 5, NULL, 'm', 1, '2026-03-01');
 INSERT INTO idea (title, author_id, owner_id, status, answered, created) VALUES
 ('i1', 3, 1, 'accepted', '2026-05-10', '2026-05-01'), ('i2', 4, 1, 'open', NULL, '2026-05-15'),
 ('i3', 2, 1, 'open', NULL, '2026-06-20'), ('i4', 5, 1, 'declined', '2026-07-20', '2026-04-01');"
# initiatives: in1 active from 01-10, no unit, affects Ops, reached step 2
# on 05-01 (after D-120 = 03-02: advancing); in2 active from 02-01 of
# Sales with no affected units, step 1 on 02-01 (not advancing); in3
# starts after D; in4 done
sql "INSERT INTO initiative (name, unit_id, status, started) VALUES ('in1', NULL, 'active', '2026-01-10'),
 ('in2', 3, 'active', '2026-02-01'), ('in3', NULL, 'active', '2026-08-01'), ('in4', NULL, 'done', '2026-01-01');
 INSERT INTO initiative_unit (initiative_id, unit_id) VALUES (1, 2), (4, 3);
 INSERT INTO initiative_step (initiative_id, step, reached) VALUES (1, 1, '2026-01-10'),
 (1, 2, '2026-05-01'), (2, 1, '2026-02-01'), (3, 1, '2026-08-01');"

# --- the worked example ----------------------------------------------------
# Scores: in the band 100; below lo 100 x value/lo; past the excess side
# 100 and too much. Per unit (Ops = 2, Sales = 3, Org = 1 and the
# organization, whose subtree is the same):
#
#     Ops                       Sales                      Org
# P1  1/2 = 50 -> 62.5          1/1 = 100 -> 100           2/3 = 66.67 -> 83.33
# P2  1/2 = 50 -> 62.5          1/1 = 100                  2/3 -> 83.33
# P3  s1 s3 s4 s5 of 5 = 80     0/1 = 0 -> 0               4/6 = 66.67 -> 74.07
#       -> 88.89
# P4  5 steps/2 plans = 2.5     1 -> 25                    6/3 = 2 -> 50
#       -> 62.5
# planning (w 1 1 1 .5):  Ops (62.5+62.5+88.889+31.25)/3.5 = 70.04;
#   Sales (100+100+0+12.5)/3.5 = 60.71; Org (83.333+83.333+74.074+25)/3.5 = 75.93
# S1  1 of headcount 3 = 33.33  1 of 1 = 100               2 of 4 = 50 -> 58.82
#       -> 39.22
# S2  Cid: X 2 of 4 -> 50       Eve, Fay: no skills: 100   (50+100+100)/3 = 83.33
#       -> 66.67                                             -> 100
# S3  s1 s5 of s1 s2 s4 s5      s6: 1/1 = 100              3/5 = 60 -> 66.67
#       = 50 -> 55.56
# S4  Bob 2 reports: 2 < 4:     Eve 1: too much, 100       5/3 = 1.67: too much
#       too much, 100
# staffing (w 1 1 1 .5): Ops (39.216+66.667+55.556+50)/3.5 = 60.41;
#   Sales 100; Org (58.824+100+66.667+50)/3.5 = 78.71
# C1  plan 1: SPI as of D below 0.9 (EV 0 or part of PV = BAC) -> 0 of 1 -> 0;
#     Sales no active plan: skipped; Org 0/1 -> 0
# C2  1/3 -> 41.67              1/1 -> 100                 2/4 = 50 -> 62.5
# C3  Bob Cid of Bob Cid Dee    Eve of Eve = 0 -> 0        Ann Bob Cid of 5 = 60
#       = 66.67 -> 78.43                                     -> 70.59
# C4  Bob 300 of 400 = 75:      Eve 200 of 1000 = 20 -> 100  500 of 1460 = 34.2:
#       too much, 100                                        too much, 100
# controlling: Ops (0+41.667+78.431+100)/4 = 55.02; Sales (100+0+100)/3 = 66.67;
#   Org (0+62.5+70.588+100)/4 = 58.27
# M: Ops (70.040+60.411+55.025)/3 = 61.83; Sales (60.714+100+66.667)/3 = 75.79;
#    Org (75.926+78.711+58.272)/3 = 70.97
# D1  the organization's: 100   its own, past review: 50   100
# D2  1/2 = 50 -> 71.43         1/1 -> 100                 2/3 -> 95.24
# D3  1/3 -> 47.62              no signals: 0              1/3 -> 47.62
# D4  st1: 1/1 -> 100           none active: skipped       st1 + st2: 1/2 -> 62.5
# direction: Ops (100+71.429+47.619+50)/3.5 = 76.87; Sales (50+100+0)/3 = 50;
#   Org (100+95.238+47.619+31.25)/3.5 = 78.32
# A1  Bob of 3 = 33.33 -> 55.56  Eve of 2 = 50 -> 83.33    2/5 = 40 -> 66.67
# A2  2/3 -> 83.33              2/2 -> 100                 4/5 = 80 -> 100
# A3  Ops covered: 1/1 -> 100   0/1 -> 0                   2/3 -> 100
# A4  3/(3x3) = 0.33 -> 100     2/(2x3) = 0.33 -> 100      5/(6x3) = 0.278 -> 92.59
# aligning: Ops (55.556+83.333+50+50)/3 = 79.63; Sales (83.333+100+0+50)/3 = 77.78;
#   Org (66.667+100+50+46.296)/3 = 87.65
# M1  Ops shown: 4 -> 75 -> 100  Sales suppressed: Org's group (5,4,4,4,2,2):
#       (100+3x75+2x25)/6 = 62.5 -> 96.15; Org 62.5 -> 96.15
# M2  2 + 1 (the unit) / 3 = 1 -> 100   0/2 -> 0           3/6 = 0.5 -> 100
# M3  Cid of Cid Dee = 50 -> 62.5  Eve's answer after D: 0/1 -> 0   1/3 -> 41.67
# M4  in1: 1/1 -> 100           in2: 0/1 -> 0              1/2 -> 100
# M5  initiatives reaching each person: Bob, Cid, Dee by in1: 3/3 = 1.0
#     Eve, Fay by in2: 2/2 = 1.0   Ann by none: 5/6 = 0.83; all in the band 0-3
# motivating (w 1 1 1 1 .5): Ops (100+100+62.5+100+50)/4.5 = 91.67;
#   Sales (96.154+0+0+0+50)/4.5 = 32.48; Org (96.154+100+41.667+100+50)/4.5 = 86.18
# L: Ops (76.871+79.630+91.667)/3 = 82.72; Sales (50+77.778+32.479)/3 = 53.42;
#    Org (78.316+87.654+86.182)/3 = 84.05
# Quadrants (60/60): Ops well-led-well-managed; Sales overmanaged-underled;
#   Org well-led-well-managed

t balance --as-of $D --json
expect_rc "balance --json" 0
unit() { jqo ".items[] | select(.unit_id == $1)"; }
org() { jqo '.items[] | select(.unit_id == null)'; }
r1() { awk '{ printf "%.1f\n", $1 + 0 }'; }
ind() { # ind UNIT KEY FIELD: one indicator's field (UNIT null: the organization)
	jqo ".items[] | select(.unit_id == $1) | .indicators[] | select(.key == \"$2\") | .$3"
}
expect_eq "as of" "$D" "$(jqo .as_of)"
expect_eq "the organization and three units" 4 "$(jqo .count)"
expect_eq "the organization first" "null|the organization|6" "$(jqo '.items[0] | "\(.unit_id)|\(.name)|\(.people)"')"
expect_eq "tree order" "1 2 3" "$(jqo '[.items[1:][] | .unit_id] | map(tostring) | join(" ")')"

check() { # check UNIT KEY VALUE SCORE
	expect_eq "$1 $2 value" "$3" "$(ind "$1" "$2" value | r1)"
	expect_eq "$1 $2 score" "$4" "$(ind "$1" "$2" score | r1)"
}
check 2 P1 50.0 62.5
check 2 P2 50.0 62.5
check 2 P3 80.0 88.9
check 2 P4 2.5 62.5
check 2 S1 33.3 39.2
check 2 S2 50.0 66.7
check 2 S3 50.0 55.6
check 2 S4 2.0 100.0
check 2 C1 0.0 0.0
check 2 C2 33.3 41.7
check 2 C3 66.7 78.4
check 2 C4 75.0 100.0
check 2 D1 100.0 100.0
check 2 D2 50.0 71.4
check 2 D3 33.3 47.6
check 2 D4 100.0 100.0
check 2 A1 33.3 55.6
check 2 A2 66.7 83.3
check 2 A3 100.0 100.0
check 2 A4 0.3 100.0
check 2 M1 75.0 100.0
check 2 M2 1.0 100.0
check 2 M3 50.0 62.5
check 2 M4 100.0 100.0
check 2 M5 1.0 100.0
check 3 P3 0.0 0.0
check 3 P4 1.0 25.0
check 3 S1 100.0 100.0
check 3 S2 100.0 100.0
check 3 C3 0.0 0.0
check 3 C4 20.0 100.0
check 3 D1 50.0 50.0
check 3 A1 50.0 83.3
check 3 A3 0.0 0.0
check 3 M1 62.5 96.2
check 3 M2 0.0 0.0
check 3 M3 0.0 0.0
check 3 M4 0.0 0.0
check 1 S1 50.0 58.8
check 1 S2 83.3 100.0
check 1 C4 34.2 100.0
check 1 D4 50.0 62.5
check 1 A4 0.3 92.6
check 1 M3 33.3 41.7
check null P3 66.7 74.1
check null A3 66.7 100.0
check null M1 62.5 96.2
expect_eq "Sales C1: no data, skipped" "null|true|0" "$(ind 3 C1 value)|$(ind 3 C1 skipped)|$(ind 3 C1 score)"
expect_eq "Sales D3: no data scores 0 (empty=0)" "null|false|0" "$(ind 3 D3 value)|$(ind 3 D3 skipped)|$(ind 3 D3 score)"
expect_eq "Sales D4: no active strategy, skipped" "true" "$(ind 3 D4 skipped)"
expect_contains "why names the numbers" "$(ind 2 P1 why)" "1 of 2 targets whose period contains $D"
expect_contains "M1 of Sales: the group above" "$(ind 3 M1 why)" "from Org's group"
expect_eq "an indicator's band and excess" "[4,10]|low|0.5" "$(ind 2 S4 band | jq -c .)|$(ind 2 S4 excess)|$(ind 2 S4 weight)"
expect_contains "the source in words" "$(ind 2 C1 source)" "earned value"

procs() { # procs UNIT: the six process scores, one decimal
	jqo ".items[] | select(.unit_id == $1) | .processes | [.planning, .staffing, .controlling, .direction, .aligning, .motivating] | map(tostring) | .[]" | r1 | join_lines " "
}
expect_eq "Ops processes" "70.0 60.4 55.0 76.9 79.6 91.7" "$(procs 2)"
expect_eq "Sales processes" "60.7 100.0 66.7 50.0 77.8 32.5" "$(procs 3)"
expect_eq "Org processes" "75.9 78.7 58.3 78.3 87.7 86.2" "$(procs 1)"
expect_eq "the organization's processes are its root's" "$(procs 1)" "$(procs null)"
# scores UNIT EXPECTED_M EXPECTED_L QUADRANT: M and L within 0.01 of the hand values
scores() {
	local got
	got=$(jqo ".items[] | select(.unit_id == $1) | \"\(.management) \(.leadership) \(.quadrant)\"")
	expect_eq "unit $1: M, L within 0.01, quadrant" "ok ok $4" \
		"$(echo "$got" | awk -v m="$2" -v l="$3" '{ d = $1 - m; e = $2 - l;
			printf "%s %s %s\n", (d < 0.011 && d > -0.011) ? "ok" : $1, (e < 0.011 && e > -0.011) ? "ok" : $2, $3 }')"
}
scores 2 61.825 82.723 well-led-well-managed
scores 3 75.794 53.419 overmanaged-underled
scores 1 70.970 84.051 well-led-well-managed
scores null 70.970 84.051 well-led-well-managed
expect_eq "Ops too much: span, control time" '["S4","C4"]' "$(unit 2 | jq -c .too_much)"
expect_eq "Sales too much: span" '["S4"]' "$(unit 3 | jq -c .too_much)"
# Ops management gaps (100 - score) x weight: C1 100, S1 60.8, C2 58.3,
# S3 44.4...; then the reductions of S4 and C4
expect_eq "Ops management actions: the 3 largest gaps, then what is too much" \
	"1 of 1 active plans are outside their cost or schedule tolerance|2 of a headcount of 3 are not filled|2 of 3 problems were not closed by their due day" \
	"$(unit 2 | jq -r '.actions.management[0:3] | join("|")')"
expect_contains "Ops: control time too high" "$(unit 2 | jq -r '.actions.management[3:] | join("|")')" "managers spend 75 % of their time controlling (band 5-25 %)"
# Ops leadership gaps: D3 52.4, A1 44.4, M3 37.5 (D2 28.6 next)
expect_eq "Ops leadership actions" \
	"2 of 3 recent signals are not reviewed|alignment is 33 % committed (band 60-100 %)|1 of 2 ideas older than 30 days are not answered" \
	"$(unit 2 | jq -r '.actions.leadership[0:3] | join("|")')"

# --- the table -------------------------------------------------------------
t balance --as-of $D
expect_rc "balance" 0
expect_contains "the thresholds" "$OUT" "well managed from 60, well led from 60"
expect_eq "the table's rows" "the organization|Org|Ops|Sales" "$(printf '%s\n' "$OUT" | sed -n '3,6p' | awk '{ print $1 ($2 == "organization" ? " organization" : "") }' | join_lines '|')"
expect_contains "Sales indented, its scores and flags" "$OUT" "    Sales"
expect_contains "Sales' row" "$(printf '%s\n' "$OUT" | grep Sales)" "75.8        53.4  overmanaged-underled   S4"
t balance --as-of $D --unit 2
expect_eq "--unit: one subtree" 3 "$(printf '%s\n' "$OUT" | wc -l)"
t balance --as-of $D --unit 1 --json
expect_eq "--unit 1: Org, Ops, Sales" "1 2 3" "$(jqo '[.items[] | .unit_id] | map(tostring) | join(" ")')"

# --- show --------------------------------------------------------------------
t balance show 3 --as-of $D
expect_rc "balance show" 0
expect_contains "show: the scores" "$OUT" "management 75.8, leadership 53.4: overmanaged-underled"
expect_contains "show: the too-much flags" "$OUT" "too much: S4"
expect_contains "show: a skipped indicator" "$OUT" "no data"
expect_contains "show: the actions" "$OUT" "to raise leadership:"
t balance show --as-of $D --json
expect_eq "show without a unit: the organization" "null 70" "$(jqo '"\(.unit_id) \(.management | floor)"')"

# --- as of another day: 2025-12-31 -------------------------------------------
# T3 (2025, no plan) counts for Sales, T4 (June 2026) does not: 0 of 1
t balance --as-of 2025-12-31 --json
expect_eq "as of 2025-12-31: Sales P1 0 of 1" "0.0|0.0" "$(ind 3 P1 value | r1)|$(ind 3 P1 score | r1)"
# no time entries by then: C3 0 of 2 in Ops... and no pulse opened
expect_eq "as of 2025-12-31: no pulse yet" "null" "$(ind 2 M1 value)"

# --- the thresholds are settings ---------------------------------------------
sql "INSERT INTO setting (key, value) VALUES ('balance.led', '90')"
t balance --as-of $D --json
expect_eq "balance.led 90: Ops is overmanaged-underled" "overmanaged-underled|90" "$(unit 2 | jq -r .quadrant)|$(jqo .led)"
sql "UPDATE setting SET value = '500' WHERE key = 'balance.led'"
t balance --as-of $D --json
expect_eq "an out-of-range setting counts as unset" "well-led-well-managed|60" "$(unit 2 | jq -r .quadrant)|$(jqo .led)"
sql "DELETE FROM setting WHERE key = 'balance.led'"

# --- snapshots and history -----------------------------------------------------
before=$(digest)
t balance snapshot --as-of 2026-13-01
expect_rc "a bad day exits 3" 3
expect_contains "it names the field" "$ERR" "as-of"
t balance --as-of 2026-02-30
expect_rc "balance: a bad day exits 3" 3
t balance snapshot --as-of 9999-01-01
expect_rc "a snapshot of a day to come exits 3" 3
expect_contains "it says why" "$ERR" "a snapshot keeps the past; 9999-01-01 is after today"
t balance show 99
expect_rc "an unknown unit exits 4" 4
t balance --unit 99
expect_rc "--unit of no unit exits 4" 4
t balance history --unit 99
expect_rc "history of no unit exits 4" 4
expect_eq "no refusal wrote anything" "$before" "$(digest)"

t balance snapshot --as-of $D
expect_rc "snapshot" 0
expect_eq "snapshot prints its id" "snapshot 1 taken" "$OUT"
# x100, rounded: Org 70.97 -> 7097, 84.05 -> 8405
expect_eq "the snapshot: four rows" 4 "$(sql 'SELECT count(*) FROM balance_score WHERE snapshot_id = 1')"
expect_eq "the snapshot's day and kind" "$D|manual" "$(sql 'SELECT day, kind FROM balance_snapshot WHERE id = 1')"
expect_eq "Sales stored x100" "7579|5342|overmanaged-underled|6071|10000|6667|5000|7778|3248" \
	"$(sql 'SELECT management, leadership, quadrant, planning, staffing, controlling, direction, aligning, motivating FROM balance_score WHERE unit_id = 3')"
expect_eq "the organization's row has no unit" "7097|8405" "$(sql 'SELECT management, leadership FROM balance_score WHERE unit_id IS NULL')"
t balance snapshot --as-of 2025-12-31 --json
expect_eq "snapshot --json" 2 "$(jqo .id)"
t balance history --json
expect_eq "history: the organization's, oldest first" "2025-12-31 2026-06-30" "$(jqo '.items[] | .day' | join_lines ' ')"
t balance history --unit 3
expect_rc "history of a unit" 0
expect_contains "history table" "$OUT" "2026-06-30  manual"
expect_contains "history: Sales' scores" "$OUT" "75.8        53.4  overmanaged-underled"

# --- change fatigue: M5 past its band ---------------------------------------------
# three more initiatives of Sales, active from 03-01: Eve and Fay are each
# reached by in2 and these three, 4 > 3: too much; Ops stays at 1.0; Org
# (3 + 2 x 4) / 6 = 1.83
sql "INSERT INTO initiative (name, unit_id, status, started) VALUES ('f1', 3, 'active', '2026-03-01'),
 ('f2', 3, 'active', '2026-03-01'), ('f3', 3, 'active', '2026-03-01')" >/dev/null
t balance --as-of $D --json
check 3 M5 4.0 100.0
check 2 M5 1.0 100.0
check 1 M5 1.8 100.0
expect_eq "Sales too much: span and change fatigue" '["S4","M5"]' "$(unit 3 | jq -c .too_much)"
expect_contains "and says so among its actions" "$(unit 3 | jq -r '.actions.leadership | join("|")')" \
	"change fatigue: each person is reached by 4.0 active initiatives (band 0-3)"

finish
