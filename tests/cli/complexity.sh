#!/usr/bin/env bash
# tests/cli/complexity.sh: tandem unit complexity: open steps per person,
# dependency density, cross-unit hand-offs and steps per plan over a
# unit's subtree, worked out by hand on a small organization (and the
# counts cross-checked with SQL), plus the bad inputs.
source "$(dirname "$0")/../lib.sh"

# The organization (ids in creation order):
#   units  1 Root { 2 Sub },  3 Other,  4 Void (nothing in it)
#   people 1 Ann (Root), 2 Ben (Sub), 3 Cat (Other), 4 Dan (Sub)
#   plan 1 P1 (Root):  s1 Ann done, s2 Ben doing, s3 Ben todo, s4 nobody blocked
#                      deps s2<-s1 (Ann Root -> Ben Sub: a hand-off),
#                           s3<-s2 (Ben -> Ben: none), s4<-s3 (no assignee: none)
#   plan 2 P2 (Sub):   s5 Dan todo, s6 Ben todo; dep s6<-s5 (both Sub: none)
#   plan 3 P3 (Other): s7 Cat todo, s8 Ann todo; dep s8<-s7 (Other -> Root: a hand-off)
#   plan 4 P4 (Sub):   no steps
t unit add Root
t unit add Sub --parent 1
t unit add Other
t unit add Void
t person add Ann --email ann@t.test --unit 1
t person add Ben --email ben@t.test --unit 2
t person add Cat --email cat@t.test --unit 3
t person add Dan --email dan@t.test --unit 2
t plan add P1 --unit 1 --start-date 2026-03-02
t plan add P2 --unit 2 --start-date 2026-03-02
t plan add P3 --unit 3 --start-date 2026-03-02
t plan add P4 --unit 2 --start-date 2026-03-02
t step add s1 --plan 1 --assignee 1
t step add s2 --plan 1 --assignee 2
t step add s3 --plan 1 --assignee 2
t step add s4 --plan 1
t step add s5 --plan 2 --assignee 4
t step add s6 --plan 2 --assignee 2
t step add s7 --plan 3 --assignee 3
t step add s8 --plan 3 --assignee 1
t step dep add 2 --on 1
t step dep add 3 --on 2
t step dep add 4 --on 3
t step dep add 6 --on 5
t step dep add 8 --on 7
t step done 1
t step start 2
t step block 4
expect_rc "fixture built" 0
expect_eq "fixture: statuses" "done,doing,todo,blocked,todo,todo,todo,todo" \
	"$(sql 'SELECT status FROM step ORDER BY id' | join_lines ,)"
expect_eq "fixture: 5 dependencies" 5 "$(sql 'SELECT count(*) FROM step_dep')"

# --- one unit --------------------------------------------------------------

# Sub (2): people Ben, Dan = 2; plans P2, P4 = 2; steps s5, s6 = 2, both
# open; deps s6<-s5 = 1, no hand-off.
#   open/person 2/2 = 1.00; density 1/2 = 0.50; hand-offs 0/1 = 0.00 %;
#   steps/plan 2/2 = 1.00; largest P2 (2 steps).
t unit complexity --unit 2 --json
expect_rc "complexity of Sub" 0
expect_eq "Sub: counts" "2 2 2 2 1 0" \
	"$(jqo '"\(.people) \(.plans) \(.steps) \(.open_steps) \(.dependencies) \(.handoffs)"')"
expect_eq "Sub: ratios" "1 0.5 0 1" \
	"$(jqo '"\(.open_steps_per_person) \(.dependency_density) \(.handoff_pct) \(.steps_per_plan)"')"
expect_eq "Sub: largest plan" "2 P2 2" "$(jqo '"\(.largest_plan.id) \(.largest_plan.name) \(.largest_plan.steps)"')"
expect_eq "Sub: named" "2 Sub" "$(jqo '"\(.unit_id) \(.unit)"')"

# Root (1) with Sub: people Ann + 2 = 3; plans P1 + 2 = 3; steps 4 + 2 = 6;
# open: s2, s3, s4 + s5, s6 = 5; deps 3 + 1 = 4; hand-offs: s2<-s1 = 1.
#   open/person 5/3 = 1.666.. -> 1.67; density 4/6 = 0.666.. -> 0.67;
#   hand-offs 1/4 = 25.00 %; steps/plan 6/3 = 2.00; largest P1 (4 steps).
t unit complexity --unit 1 --json
expect_eq "Root: counts" "3 3 6 5 4 1" \
	"$(jqo '"\(.people) \(.plans) \(.steps) \(.open_steps) \(.dependencies) \(.handoffs)"')"
expect_eq "Root: ratios" "1.67 0.67 25 2" \
	"$(jqo '"\(.open_steps_per_person) \(.dependency_density) \(.handoff_pct) \(.steps_per_plan)"')"
expect_eq "Root: largest plan" "1 P1 4" "$(jqo '"\(.largest_plan.id) \(.largest_plan.name) \(.largest_plan.steps)"')"

# the same counts read independently: Root's subtree is units 1 and 2
expect_eq "Root: sql agrees on people, steps, open steps" "3|6|5" \
	"$(sql "SELECT (SELECT count(*) FROM person WHERE unit_id IN (1, 2)),
	               (SELECT count(*) FROM step s JOIN plan p ON p.id = s.plan_id WHERE p.unit_id IN (1, 2)),
	               (SELECT count(*) FROM step s JOIN plan p ON p.id = s.plan_id WHERE p.unit_id IN (1, 2)
	                   AND s.status IN ('todo', 'doing', 'blocked'))")"
expect_eq "Root: sql agrees on hand-offs" 1 \
	"$(sql "SELECT count(*) FROM step_dep d JOIN step a ON a.id = d.step_id JOIN step b ON b.id = d.depends_on
	        JOIN plan p ON p.id = a.plan_id JOIN person x ON x.id = a.assignee_id
	        JOIN person y ON y.id = b.assignee_id WHERE p.unit_id IN (1, 2) AND x.unit_id <> y.unit_id")"

# Other (3): Cat; P3 with s7, s8 open; s8<-s7 crosses Other -> Root (the
# hand-off counts where the plan is, whoever the people are).
#   open/person 2/1 = 2.00; density 1/2 = 0.50; hand-offs 1/1 = 100.00 %;
#   steps/plan 2/1 = 2.00.
t unit complexity --unit 3 --json
expect_eq "Other: counts" "1 1 2 2 1 1" \
	"$(jqo '"\(.people) \(.plans) \(.steps) \(.open_steps) \(.dependencies) \(.handoffs)"')"
expect_eq "Other: ratios" "2 0.5 100 2" \
	"$(jqo '"\(.open_steps_per_person) \(.dependency_density) \(.handoff_pct) \(.steps_per_plan)"')"

# Void: nothing to divide by: every ratio is null, no largest plan
t unit complexity --unit 4 --json
expect_eq "Void: counts are 0" "0 0 0 0 0 0" \
	"$(jqo '"\(.people) \(.plans) \(.steps) \(.open_steps) \(.dependencies) \(.handoffs)"')"
expect_eq "Void: ratios are null" "null null null null null" \
	"$(jqo '"\(.open_steps_per_person) \(.dependency_density) \(.handoff_pct) \(.steps_per_plan) \(.largest_plan)"')"

# a ratio's two decimals are rounded half up: one more open step in Sub
# makes Root 6/3 = 2.00 and Sub 3/2 = 1.50 open steps per person, and
# density 5/7 = 0.714.. -> 0.71 for Root once s9 waits for s6 (Ben -> Dan
# within Sub: no hand-off; share 1/5 = 20.00 %)
t step add s9 --plan 2 --assignee 4
t step dep add 9 --on 6
t unit complexity --unit 1 --json
expect_eq "Root after s9: ratios" "2 0.71 20 2.33" \
	"$(jqo '"\(.open_steps_per_person) \(.dependency_density) \(.handoff_pct) \(.steps_per_plan)"')"
t unit complexity --unit 2 --json
expect_eq "Sub after s9: open/person, density" "1.5 0.67" \
	"$(jqo '"\(.open_steps_per_person) \(.dependency_density)"')"

# --- every unit, as a tree -------------------------------------------------

t unit complexity --json
expect_rc "complexity of every unit" 0
expect_eq "every unit: in tree order, with depth" "3:0 1:0 2:1 4:0" \
	"$(jqo '[.items[] | "\(.unit_id):\(.depth)"] | join(" ")')"
expect_eq "every unit: count" 4 "$(jqo .count)"
expect_eq "every unit: Root's hand-offs as with --unit" "1" "$(jqo '.items[] | select(.unit_id == 1) | .handoffs')"
t unit complexity
expect_rc "the table" 0
expect_eq "the table: header" "ID PEOPLE PLANS STEPS OPEN OPEN/PERSON DEPS DENSITY HANDOFFS HANDOFF% STEPS/PLAN LARGEST UNIT" \
	"$(printf '%s\n' "$OUT" | head -n 1 | tr -s ' ')"
# Root: 3 people, 3 plans, 7 steps, 6 open, 6.00/3 = 2.00; 5 deps, 5/7 =
# 0.71; 1 hand-off = 20.00 %; 7/3 = 2.33; largest P1 with 4 steps
expect_eq "the table: Root's row" "1 3 3 7 6 2.00 5 0.71 1 20.00 2.33 1 (4 steps) Root" \
	"$(printf '%s\n' "$OUT" | awk '$1 == 1' | tr -s ' ' | sed 's/^ //')"
expect_eq "the table: Sub indented under Root" "    Sub" \
	"$(printf '%s\n' "$OUT" | awk '$1 == 2' | sed 's/.*steps)//')"
expect_eq "the table: undefined ratios print -" "4 0 0 0 0 - 0 - 0 - - - Void" \
	"$(printf '%s\n' "$OUT" | awk '$1 == 4' | tr -s ' ' | sed 's/^ //')"

# --- bad input ---------------------------------------------------------------

before=$(dbsum)
t unit complexity --unit 99
expect_rc "an unknown unit exits 4" 4
expect_contains "an unknown unit is named" "$ERR" "--unit: no unit with id 99"
t unit complexity --unit abc
expect_rc "a unit that is no id exits 3" 3
expect_contains "a unit that is no id names --unit" "$ERR" "--unit:"
t unit complexity --unit 0
expect_rc "unit 0 exits 3" 3
t unit complexity --unit 2 --json
flag=$OUT
t unit complexity 2 --json
expect_eq "a positional unit is --unit's" "$flag" "$OUT"
t unit complexity 2 3
expect_rc "a second argument is a usage error" 2
expect_eq "complexity wrote nothing" "$before" "$(dbsum)"

finish
