#!/usr/bin/env bash
# tests/cli/urgency.sh: tandem change urgency and change network.
# Urgency (docs/urgency.md): the three outcomes from hand-built data with
# the numbers worked by hand below, the window and --as-of, the review
# share, a threshold moved by its setting, per unit and per initiative
# (an initiative adds its linked signals); the network of volunteers:
# counts per unit, levels, managers, outsiders. Refusals name the field
# and write nothing.
source "$(dirname "$0")/../lib.sh"

# The tree (levels: a root is 1):
#   1 Org (1): Ann
#     2 Sales (2): Ben, Cy, Di          4 Field (3, under Sales): Ed, Flo
#     3 Ops (2): Gus, Hal, Ivy, Jo
#     5 Lab (2): Kim
# Managers (someone reports to them): Ann, Ben, Ed, Gus.
t unit add Org
t unit add Sales --parent 1
t unit add Ops --parent 1
t unit add Field --parent 2
t unit add Lab --parent 1
t person add Ann --email ann@t.test --unit 1
t person add Ben --email ben@t.test --unit 2 --manager 1
t person add Cy --email cy@t.test --unit 2 --manager 2
t person add Di --email di@t.test --unit 2 --manager 2
t person add Ed --email ed@t.test --unit 4 --manager 2
t person add Flo --email flo@t.test --unit 4 --manager 5
t person add Gus --email gus@t.test --unit 3 --manager 1
t person add Hal --email hal@t.test --unit 3 --manager 7
t person add Ivy --email ivy@t.test --unit 3 --manager 7
t person add Jo --email jo@t.test --unit 3 --manager 7
t person add Kim --email kim@t.test --unit 5 --manager 1
expect_eq "setup: 11 people in 5 units" "11|5" "$(sql 'SELECT (SELECT count(*) FROM person), (SELECT count(*) FROM unit)')"

# Initiatives: 1 "Go online" affects Sales (people in Sales and Field: 5);
# 2 "Fix ops" affects Ops (4 people); 3 "Lab refresh" affects Lab (1);
# 4 "Everyone" is the organization's with no affected unit (all 11).
sql "INSERT INTO initiative (name, started) VALUES ('Go online', '2026-01-01'), ('Fix ops', '2026-01-01'), ('Lab refresh', '2026-01-01'), ('Everyone', '2026-01-01');
INSERT INTO initiative_unit (initiative_id, unit_id) VALUES (1, 2), (2, 3), (3, 5);" >/dev/null

# The day D = 2026-06-30; the window is the 90 days after 2026-04-01
# (June 30 - 30 = May 31, - 31 = April 30, - 29 = April 1).
# Signals (id: unit, day, category, reviewed):
#   1: Sales 2026-05-01 market      reviewed 05-03   external, in window
#   2: Field 2026-06-10 customer    not reviewed     external, in window
#   3: Sales 2026-03-15 competitor  -                before the window
#   4: Sales 2026-05-05 internal    -                internal, in window
#   5: Org   2026-05-01 technology  reviewed 05-02   linked to initiative 1
#   6: Ops   2026-04-20 internal;  7: Ops 2026-06-01 internal
#   8: Lab   2026-01-10 regulation  not reviewed     before the window
sql "INSERT INTO signal (observed, day, category, kind, impact, likelihood, unit_id, reviewed) VALUES
 ('s1', '2026-05-01', 'market', 'threat', 3, 3, 2, '2026-05-03'),
 ('s2', '2026-06-10', 'customer', 'threat', 3, 3, 4, NULL),
 ('s3', '2026-03-15', 'competitor', 'threat', 3, 3, 2, '2026-03-16'),
 ('s4', '2026-05-05', 'internal', 'threat', 3, 3, 2, NULL),
 ('s5', '2026-05-01', 'technology', 'opportunity', 3, 3, 1, '2026-05-02'),
 ('s6', '2026-04-20', 'internal', 'threat', 2, 2, 3, NULL),
 ('s7', '2026-06-01', 'internal', 'threat', 2, 2, 3, NULL),
 ('s8', '2026-01-10', 'regulation', 'threat', 4, 4, 5, NULL);
INSERT INTO initiative_signal (initiative_id, signal_id) VALUES (1, 5);" >/dev/null
# Communications (unit, channel, day): Sales meeting 05-20; Ops meeting
# 04-15, Ops town-hall 05-15, Ops email 05-16 (not a meeting), Ops
# meeting 07-02 (after D).
sql "INSERT INTO comm (title, channel, day, unit_id) VALUES
 ('c1', 'meeting', '2026-05-20', 2), ('c2', 'meeting', '2026-04-15', 3),
 ('c3', 'town-hall', '2026-05-15', 3), ('c4', 'email', '2026-05-16', 3),
 ('c5', 'meeting', '2026-07-02', 3);" >/dev/null
# Plans (unit, start): 1 Sales 01-05; 2 Ops 04-10; 3 Ops 05-01; 4 Ops 06-01
# cancelled (not counted); 5 Lab 2026-01-01.
sql "INSERT INTO plan (name, unit_id, start_date, status) VALUES
 ('P1', 2, '2026-01-05', 'active'), ('P2', 3, '2026-04-10', 'active'),
 ('P3', 3, '2026-05-01', 'active'), ('P4', 3, '2026-06-01', 'cancelled'),
 ('P5', 5, '2026-01-01', 'active');" >/dev/null
# Steps and their percent complete by day:
#   P1: 1 (20 on 03-01, 60 on 05-10: open at the start, advanced)
#       2 (100 on 03-01: done before the window, not open)
#       3 (nothing: open, not advanced)
#       4 (100 on 06-01: open, advanced, completed)
#   P2: 5 (nothing), 6 (0 on 04-20: no gain), 9 (nothing)
#   P3: 7 (10 on 05-05: advanced), 8 (nothing)
#   P4 (cancelled): 11 (50 on 05-01: not counted)
#   P5: 10 (30 on 2026-02-01)
sql "INSERT INTO step (plan_id, name) VALUES (1, 'st1'), (1, 'st2'), (1, 'st3'), (1, 'st4'),
 (2, 'st5'), (2, 'st6'), (3, 'st7'), (3, 'st8'), (2, 'st9'), (5, 'st10'), (4, 'st11');
INSERT INTO step_progress (step_id, day, pct) VALUES (1, '2026-03-01', 20), (1, '2026-05-10', 60),
 (2, '2026-03-01', 100), (4, '2026-06-01', 100), (6, '2026-04-20', 0), (7, '2026-05-05', 10),
 (10, '2026-02-01', 30), (11, '2026-05-01', 50);" >/dev/null
# Problems (unit, found): Ops 05-02 (in), Ops 03-01 (before).
sql "INSERT INTO problem (unit_id, rule, title, found) VALUES (3, 'manual', 'p1', '2026-05-02'), (3, 'manual', 'p2', '2026-03-01');" >/dev/null

digest() { dbsum "$DB"; }
before=$(digest)
D=2026-06-30

# --- 1 Go online: true urgency ---------------------------------------------
# 5 people. External: s1, s2 and the linked s5 = 3, of which s1, s5
# reviewed: 2 of 3 = 66 % (>= 50). 3 per 5 people = 6.0 per 10 (>= 1.0):
# looking outward. Open steps of P1: st1, st3, st4 = 3 (st2 was done);
# advanced: st1 (20 -> 60) and st4 (0 -> 100) = 2 of 3 = 66 % (>= 25):
# progress; completed: st4 = 1, 1 per 5 = 2.0 per 10. Activity: meeting
# c1 + internal s4 = 2, 4.0 per 10 (busy, >= 3.0), but moving.
t change urgency 1 --as-of $D --json
expect_rc "urgency of an initiative" 0
got=$(printf '%s' "$OUT" | jq -r '[.label, .from, .as_of, .indicators.people, .indicators.external_signals, .indicators.external_reviewed, .indicators.reviewed_pct, .indicators.external_per_10, .indicators.open_steps, .indicators.steps_advanced, .indicators.advanced_pct, .indicators.steps_done, .indicators.done_per_10, .indicators.meetings, .indicators.internal_signals, .indicators.activity, .indicators.activity_per_10] | map(tostring) | join(" ")')
expect_eq "Go online: true urgency with its indicators" \
	"true urgency 2026-04-01 2026-06-30 5 3 2 66 6 3 2 66 1 2 1 1 2 4" "$got"
t change urgency 1 --as-of $D
expect_contains "the text names the label" "$OUT" "urgency     true urgency"
expect_contains "the text gives the external signals" "$OUT" "3 (6.0 per 10 people, needs 1.0), 2 reviewed (66 %, needs 50 %): looking outward"
expect_contains "the text gives the progress" "$OUT" "2 of 3 open steps advanced (66 %, needs 25 %): progress, 1 completed (2.0 per 10 people)"

# --- 2 Fix ops: false urgency ----------------------------------------------
# 4 people. External: none (0.0). Activity: meetings c2, c3 = 2 (c4 is
# an email, c5 after D); new plans P2, P3 = 2 (P4 cancelled); problems
# p1 = 1; internal signals s6, s7 = 2; total 7, 7 per 4 = 17.5 per 10
# (>= 3.0): busy. Open steps: st5, st6, st9 (P2), st7, st8 (P3) = 5;
# advanced: st7 only (st6 stayed at 0) = 1 of 5 = 20 % (< 25): no
# progress. Busy without progress: false urgency.
t change urgency 2 --as-of $D --json
got=$(printf '%s' "$OUT" | jq -r '[.label, .indicators.people, .indicators.external_signals, .indicators.meetings, .indicators.new_plans, .indicators.problems, .indicators.internal_signals, .indicators.activity, .indicators.activity_per_10, .indicators.open_steps, .indicators.steps_advanced, .indicators.advanced_pct, .indicators.busy, .indicators.progress] | map(tostring) | join(" ")')
expect_eq "Fix ops: false urgency with its indicators" \
	"false urgency 4 0 2 2 1 2 7 17.5 5 1 20 true false" "$got"

# --- 3 Lab refresh: complacency --------------------------------------------
# 1 person. Nothing in the window: s8 and P5 are older; st10 open (30 %)
# and not advanced: 0 of 1.
t change urgency 3 --as-of $D --json
got=$(printf '%s' "$OUT" | jq -r '[.label, .indicators.people, .indicators.external_signals, .indicators.activity, .indicators.open_steps, .indicators.steps_advanced] | map(tostring) | join(" ")')
expect_eq "Lab refresh: complacency" "complacency 1 0 0 1 0" "$got"
expect_contains "its why says little looking outward" "$(printf '%s' "$OUT" | jq -r .why)" "Little looking outward"

# --- the window moves with --as-of ------------------------------------------
# As of 2026-02-15 the window is after 2025-11-17 (Feb 15 - 15 = Jan 31,
# - 31 = Dec 31, - 31 = Nov 30, - 13 = Nov 17). Lab: s8 (01-10, not
# reviewed) is external: 1 per 1 person = 10.0 per 10 but 0 % reviewed,
# so not looking outward; P5 started 01-01: activity 1 = 10.0 per 10;
# st10 went 0 -> 30 on 02-01: 1 of 1 advanced = 100 %. Moving without
# looking outward: complacency.
t change urgency 3 --as-of 2026-02-15 --json
got=$(printf '%s' "$OUT" | jq -r '[.label, .from, .indicators.external_signals, .indicators.reviewed_pct, .indicators.new_plans, .indicators.advanced_pct] | map(tostring) | join(" ")')
expect_eq "as of 2026-02-15: moving, not looking outward" "complacency 2025-11-17 1 0 1 100" "$got"
expect_contains "its why says so" "$(printf '%s' "$OUT" | jq -r .why)" "Moving without looking outward"
# once s8 is reviewed (01-12, before that day): 100 % reviewed, true urgency
sql "UPDATE signal SET reviewed = '2026-01-12' WHERE id = 8" >/dev/null
t change urgency 3 --as-of 2026-02-15 --json
expect_eq "reviewed, the same window is true urgency" "true urgency 100" "$(printf '%s' "$OUT" | jq -r '[.label, .indicators.reviewed_pct] | map(tostring) | join(" ")')"
# a review after the day does not count as of that day
sql "UPDATE signal SET reviewed = '2026-03-01' WHERE id = 8" >/dev/null
t change urgency 3 --as-of 2026-02-15 --json
expect_eq "a review after the day is not counted" "complacency 0" "$(printf '%s' "$OUT" | jq -r '[.label, .indicators.reviewed_pct] | map(tostring) | join(" ")')"
sql "UPDATE signal SET reviewed = NULL WHERE id = 8" >/dev/null

# --- a threshold from its setting -------------------------------------------
# change.urgency_progress 70: Go online's 66 % is no longer progress; its
# 4.0 activity per 10 is busy: false urgency.
sql "INSERT INTO setting (key, value) VALUES ('change.urgency_progress', '70')" >/dev/null
t change urgency 1 --as-of $D --json
expect_eq "progress needs 70 %: Go online becomes false urgency" "false urgency 70" "$(printf '%s' "$OUT" | jq -r '[.label, .thresholds.progress_pct] | map(tostring) | join(" ")')"
sql "DELETE FROM setting WHERE key = 'change.urgency_progress'" >/dev/null
# the window: 30 days (after 2026-05-31): Go online keeps s2 (06-10) only
# of its external signals, st4 (06-01) of its advances: 1 external of 5
# people = 2.0, 0 % reviewed: not outward; 1 of 3 = 33 % progress;
# activity 0: complacency.
sql "INSERT INTO setting (key, value) VALUES ('change.urgency_window', '30')" >/dev/null
t change urgency 1 --as-of $D --json
expect_eq "a 30-day window" "complacency 2026-05-31 1 0 1 33 0" "$(printf '%s' "$OUT" | jq -r '[.label, .from, .indicators.external_signals, .indicators.reviewed_pct, .indicators.steps_advanced, .indicators.advanced_pct, .indicators.activity] | map(tostring) | join(" ")')"
sql "DELETE FROM setting WHERE key = 'change.urgency_window'" >/dev/null

# --- per unit ---------------------------------------------------------------
# Sales with Field, without the initiative's link to s5: external s1, s2 =
# 2 of 5 people = 4.0 per 10, 1 of 2 reviewed = 50 % (>= 50): outward;
# progress as Go online (2 of 3): true urgency.
t change urgency --unit 2 --as-of $D --json
expect_eq "Sales: true urgency" "true urgency Sales 2 50 4" "$(printf '%s' "$OUT" | jq -r '[.label, .unit, .indicators.external_signals, .indicators.reviewed_pct, .indicators.external_per_10] | map(tostring) | join(" ")')"
# Ops as a unit is Fix ops without links: false urgency
t change urgency --unit 3 --as-of $D --json
expect_eq "Ops: false urgency" "false urgency" "$(printf '%s' "$OUT" | jq -r .label)"
# Org, everyone (11): external s1, s2, s5 = 3 (s3 and s8 older), 27 %
# per... 3 x 100 / 11 = 27 tenths = 2.7 per 10, reviewed s1, s5 = 66 %;
# open steps 3 (P1) + 5 (P2, P3) + 1 (P5) = 9, advanced st1, st4, st7 = 3
# = 33 %: true urgency.
t change urgency --unit 1 --as-of $D --json
expect_eq "Org: true urgency over everyone" "true urgency 11 3 2.7 9 3 33" "$(printf '%s' "$OUT" | jq -r '[.label, .indicators.people, .indicators.external_signals, .indicators.external_per_10, .indicators.open_steps, .indicators.steps_advanced, .indicators.advanced_pct] | map(tostring) | join(" ")')"
# The organization-wide initiative 4 with no affected unit reads every unit: as Org
t change urgency 4 --as-of $D --json
expect_eq "an organization-wide initiative reads every unit" "true urgency 11 3" "$(printf '%s' "$OUT" | jq -r '[.label, .indicators.people, .indicators.external_signals] | map(tostring) | join(" ")')"

# --- every initiative and unit ----------------------------------------------
sql "UPDATE initiative SET status = 'stopped' WHERE id = 4" >/dev/null
t change urgency --as-of $D
expect_rc "urgency of everything" 0
expect_eq "active initiatives, then every unit: 3 + 5 rows and a header and a note" 10 "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')"
expect_contains "Fix ops listed" "$OUT" "initiative   2  Fix ops      false urgency"
expect_not_contains "a stopped initiative is not listed" "$OUT" "Everyone"
expect_contains "Lab listed" "$OUT" "unit         5  Lab          complacency"
t change urgency --as-of $D --json
expect_eq "--json lists 8" "8 false urgency" "$(printf '%s' "$OUT" | jq -r '[.count, (.items[] | select(.initiative_id == 2) | .label)] | map(tostring) | join(" ")')"
sql "UPDATE initiative SET status = 'active' WHERE id = 4" >/dev/null
before=$(digest)

# --- refusals ---------------------------------------------------------------
t change urgency 99
expect_rc "an unknown initiative exits 4" 4
expect_contains "it is named" "$ERR" "no initiative with id 99"
t change urgency --unit 99
expect_rc "an unknown unit exits 4" 4
expect_contains "the unit is named" "$ERR" "--unit: no unit with id 99"
t change urgency 1 --unit 2
expect_rc "an initiative and a unit exits 3" 3
expect_contains "both are refused by name" "$ERR" "--unit: give an initiative or a unit, not both"
t change urgency 1 --initiative 1
expect_rc "the argument and its flag: usage (2)" 2
t change urgency 1 --as-of 2026-02-30
expect_rc "a day that does not exist exits 3" 3
expect_contains "the day is named" "$ERR" "--as-of"
t change network 99
expect_rc "network of an unknown initiative exits 4" 4
t change network
expect_rc "network needs an ID (2)" 2
expect_eq "nothing was written by reads or refusals" "$before" "$(digest)"

# --- the network ------------------------------------------------------------
# Go online (affects Sales, with Field under it) has volunteers:
#   Ann (Org, level 1, manager, outside), Ben (Sales, 2, manager, inside),
#   Cy (Sales, 2, inside), Flo (Field, 3, inside), Hal (Ops, 2, outside),
#   Kim (Lab, 2, outside).
# 6 volunteers from 5 units (Sales 2; Field, Lab, Ops, Org 1 each),
# levels {1, 2, 3} = 3, managers Ann and Ben = 2, others 4, outside 3.
# Affected: Sales, level 2, 5 people, 3 volunteers (Ben, Cy, Flo).
sql "INSERT INTO volunteer (initiative_id, person_id, role, joined) VALUES
 (1, 1, 'sponsor', '2026-02-01'), (1, 2, '', '2026-02-02'), (1, 3, 'scout', '2026-02-03'),
 (1, 6, '', '2026-02-04'), (1, 8, '', '2026-02-05'), (1, 11, '', '2026-02-06');" >/dev/null
t change network 1 --json
expect_rc "network" 0
expect_eq "the network's counts" "6 5 3 1 3 2 4 3" "$(printf '%s' "$OUT" | jq -r '[.volunteers, .units, .levels, .min_level, .max_level, .managers, .non_managers, .outside] | map(tostring) | join(" ")')"
expect_eq "volunteers per unit, most first then by name" "Sales:2 Field:1 Lab:1 Ops:1 Org:1" "$(printf '%s' "$OUT" | jq -r '[.by_unit[] | "\(.unit):\(.volunteers)"] | join(" ")')"
expect_eq "the affected unit with its people and volunteers" "Sales 2 5 3" "$(printf '%s' "$OUT" | jq -r '.affected[] | [.unit, .level, .people, .volunteers] | map(tostring) | join(" ")')"
expect_eq "who is outside" "Ann Hal Kim" "$(printf '%s' "$OUT" | jq -r '[.people[] | select(.outside) | .name] | sort | join(" ")')"
expect_eq "who manages others" "Ann Ben" "$(printf '%s' "$OUT" | jq -r '[.people[] | select(.manager) | .name] | sort | join(" ")')"
# cross-check the counts against SQL: volunteers whose unit is neither
# Sales (2) nor Field (4)
expect_eq "outside, by SQL" 3 "$(sql 'SELECT count(*) FROM volunteer v JOIN person p ON p.id = v.person_id WHERE v.initiative_id = 1 AND p.unit_id NOT IN (2, 4)')"
# Field linked too (it is under Sales): still one affected row, the same counts
sql "INSERT INTO initiative_unit (initiative_id, unit_id) VALUES (1, 4)" >/dev/null
t change network 1 --json
expect_eq "a unit under another affected unit is counted in its subtree" "Sales 2 5 3|3" "$(printf '%s' "$OUT" | jq -r '[(.affected | map([.unit, .level, .people, .volunteers] | map(tostring) | join(" ")) | join(",")), (.outside | tostring)] | join("|")')"
t change urgency 1 --as-of $D --json
expect_eq "and urgency reads the same people" "true urgency 5" "$(printf '%s' "$OUT" | jq -r '[.label, .indicators.people] | map(tostring) | join(" ")')"
sql "DELETE FROM initiative_unit WHERE initiative_id = 1 AND unit_id = 4" >/dev/null
t change network 1
expect_contains "the summary line" "$OUT" "initiative 1: 6 volunteers from 5 units, spanning 3 levels of the tree (1 to 3); 2 managers, 4 not; 3 outside the affected units"
# The organization's initiative 4 with no affected unit: every root unit
# is affected, nobody is outside.
sql "INSERT INTO volunteer (initiative_id, person_id, joined) VALUES (4, 8, '2026-02-01'), (4, 11, '2026-02-01')" >/dev/null
t change network 4 --json
expect_eq "organization-wide: nobody outside; Org affected with everyone" "2 0 Org 11 2" "$(printf '%s' "$OUT" | jq -r '[.volunteers, .outside, .affected[0].unit, .affected[0].people, .affected[0].volunteers] | map(tostring) | join(" ")')"
# no volunteers
t change network 2 --json
expect_eq "no volunteers" "0 0 0 0" "$(printf '%s' "$OUT" | jq -r '[.volunteers, .units, .levels, .min_level] | map(tostring) | join(" ")')"
t change network 2
expect_contains "no volunteers in words" "$OUT" "initiative 2: 0 volunteers from 0 units"

finish
