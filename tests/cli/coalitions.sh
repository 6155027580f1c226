#!/usr/bin/env bash
# tests/cli/coalitions.sh: guiding coalitions (coalition add/list/show/set/
# rm/join/leave: members from any unit, the four attributes, coverage of
# units and levels, the affected units covered or missed) and the
# organization's values (value add/list/set/rm: order, unique names, kept
# while a recognition names one). Refusals exit 3/4/5 and write nothing.
source "$(dirname "$0")/../lib.sh"

digest() {
	dbsum "$DB" coalition coalition_member org_value
}

# The org tree and its levels (a root is level 0):
#   1 Root (0) { 2 Ops (1) { 4 Log (2) }, 3 Prod (1) }
# Ann (1, Root), Ben (2, Ops, manager Ann), Cat (3, Log, manager Ben),
# Dan (4, Prod, manager Ann), Eve (5, Log, manager Cat).
# Strategy 1 "Next-day delivery" belongs to Ops.
t unit add Root
t unit add Ops --parent 1
t unit add Prod --parent 1
t unit add Log --parent 2
t person add Ann --email ann@t.test --unit 1
t person add Ben --email ben@t.test --unit 2 --manager 1
t person add Cat --email cat@t.test --unit 4 --manager 2
t person add Dan --email dan@t.test --unit 3 --manager 1
t person add Eve --email eve@t.test --unit 4 --manager 3
sql "INSERT INTO strategy (name, unit_id) VALUES ('Next-day delivery', 2)"
expect_eq "setup" "4|5|1" "$(sql 'SELECT (SELECT count(*) FROM unit), (SELECT count(*) FROM person), (SELECT count(*) FROM strategy)')"

# --- add, with refusals that write nothing -------------------------------
before=$(digest)
t coalition add ""
expect_rc "an empty name exits 3" 3
expect_contains "an empty name is named" "$ERR" "name"
t coalition add Delivery --unit 9
expect_rc "an unknown unit exits 4" 4
expect_contains "an unknown unit is named" "$ERR" "--unit: no unit with id 9"
t coalition add Delivery --strategy 7
expect_rc "an unknown strategy exits 4" 4
expect_contains "an unknown strategy is named" "$ERR" "--strategy: no strategy with id 7"
t coalition add Delivery --unit abc
expect_rc "a unit that is no id exits 3" 3
expect_eq "no refused add wrote anything" "$before" "$(digest)"

t coalition add Delivery --purpose "Next-day to every customer" --strategy 1 --unit 2
expect_rc "coalition add" 0
expect_eq "add prints the id" "coalition 1 added" "$OUT"
expect_eq "the row" "Delivery|Next-day to every customer|1|2" \
	"$(sql 'SELECT name, purpose, strategy_id, unit_id FROM coalition')"

# --- join: members from any unit, attributes as bare flags ----------------
before=$(digest)
t coalition join 1 --person 9
expect_rc "an unknown person exits 4" 4
expect_contains "an unknown person is named" "$ERR" "--person: no person with id 9"
t coalition join 8 --person 3
expect_rc "an unknown coalition exits 4" 4
t coalition join 1
expect_rc "join without --person exits 3" 3
expect_contains "join without --person names it" "$ERR" "--person"
t coalition join 1 --person 3 --expertise maybe
expect_rc "a yes/no flag with another word exits 3" 3
expect_eq "no refused join wrote anything" "$before" "$(digest)"

# Cat (Log, level 2): expertise and credibility; Dan (Prod, level 1):
# position power. Two members, two units, levels 1..2 = 2 levels; they
# lack leadership.
t coalition join 1 --person 3 --expertise --credibility
expect_rc "join Cat" 0
expect_eq "join prints it" "person 3 joined coalition 1" "$OUT"
t coalition join 1 --person 4 --position-power
expect_rc "join Dan (another unit, outside the coalition's)" 0
expect_eq "the member rows" "1|3|0|1|1|0
1|4|1|0|0|0" "$(sql 'SELECT coalition_id, person_id, position_power, expertise, credibility, leadership FROM coalition_member ORDER BY person_id')"
t coalition show 1
expect_rc "show" 0
expect_contains "show: the strategy" "$OUT" "strategy  1 Next-day delivery"
expect_contains "show: the unit" "$OUT" "unit      2 Ops"
expect_contains "show: members, units, levels" "$OUT" "members   2 from 2 units over 2 levels"
expect_contains "show: the units, by name" "$OUT" "from      Log (1), Prod (1)"
expect_contains "show: what it has" "$OUT" "has       position power, expertise, credibility"
expect_contains "show: what it lacks" "$OUT" "lacks     leadership"
# Ops's children: Log alone, where Cat is
expect_contains "show: Log is covered" "$OUT" "covers    Log"
expect_contains "show: nothing missed" "$OUT" "misses    -"
t --json coalition show 1
expect_eq "show --json: coverage" "2 2 2 true true true false leadership" \
	"$(jqo '.coverage | "\(.members) \(.units) \(.levels) \(.position_power) \(.expertise) \(.credibility) \(.leadership) \(.missing | join(","))"')"
expect_eq "show --json: members by name" "Cat,Dan" "$(jqo '[.member_list[].name] | join(",")')"

# joining again changes only the attributes given: Cat takes leadership
# and keeps the rest
t coalition join 1 --person 3 --leadership
expect_eq "join again updates" "person 3 updated in coalition 1" "$OUT"
expect_eq "Cat's attributes" "0|1|1|1" \
	"$(sql 'SELECT position_power, expertise, credibility, leadership FROM coalition_member WHERE person_id = 3')"
t coalition join 1 --person 3 --expertise no
expect_eq "--expertise no takes it away" "0|0|1|1" \
	"$(sql 'SELECT position_power, expertise, credibility, leadership FROM coalition_member WHERE person_id = 3')"
t --json coalition show 1
expect_eq "now it lacks expertise alone" "expertise" "$(jqo '.coverage.missing | join(",")')"

# --- leave ----------------------------------------------------------------
before=$(digest)
t coalition leave 1 --person 5
expect_rc "leaving without being a member exits 4" 4
expect_contains "leave: names the person" "$ERR" "person 5 is not a member of coalition 1"
expect_eq "no refused leave wrote anything" "$before" "$(digest)"
t coalition leave 1 --person 4
expect_rc "Dan leaves" 0
expect_eq "leave prints it" "person 4 left coalition 1" "$OUT"
# Cat alone: 1 unit, 1 level, no position power
t --json coalition show 1
expect_eq "one member, one unit, one level" "1 1 1 position_power,expertise" \
	"$(jqo '.coverage | "\(.members) \(.units) \(.levels) \(.missing | join(","))"')"

# --- the organization's coalition: affected units are the top level's ----
# Eve is in Log, in Ops's subtree: Ops is covered, Prod is not.
t coalition add Culture
expect_eq "an organization-wide coalition" "coalition 2 added" "$OUT"
expect_eq "its unit is none" "" "$(sql 'SELECT unit_id FROM coalition WHERE id = 2')"
t coalition join 2 --person 5 --credibility
t coalition show 2
expect_contains "org: unit" "$OUT" "unit      the organization"
expect_contains "org: Ops covered through Log" "$OUT" "covers    Ops"
expect_contains "org: Prod missed" "$OUT" "misses    Prod"
expect_contains "org: one level" "$OUT" "members   1 from 1 unit over 1 level"
t --json coalition show 2
expect_eq "org: affected units by name" "Ops:true,Prod:false" \
	"$(jqo '[.affected_units[] | "\(.unit):\(.covered)"] | join(",")')"
# no members: nothing covered, every attribute missing, 0 levels
t coalition add Empty --strategy 1
t --json coalition show 3
expect_eq "empty: its strategy's unit's children" "Log:false" \
	"$(jqo '[.affected_units[] | "\(.unit):\(.covered)"] | join(",")')"
expect_eq "empty: zero and all missing" "0 0 0 4" \
	"$(jqo '.coverage | "\(.members) \(.units) \(.levels) \(.missing | length)"')"

# --- list, set, rm ----------------------------------------------------------
t coalition list
expect_rc "list" 0
expect_eq "list: by name" "Culture
Delivery
Empty" "$(printf '%s\n' "$OUT" | tail -n +2 | awk '{print $NF}')"
# 1 is Ops's; 2 and 3 (no --unit) are the organization's, which show
# under every unit
t --json coalition list --unit 3
expect_eq "list --unit 3 (Prod): the organization's" "2,3" "$(jqo '[.items[].id] | join(",")')"
t --json coalition list --unit 4
expect_eq "list --unit 4 (Log): the organization's only" "2,3" "$(jqo '[.items[].id] | join(",")')"
t --json coalition list --unit 2
expect_eq "list --unit 2: Ops's and the organization's, by name" "2,1,3" "$(jqo '[.items[].id] | join(",")')"
t --json coalition list --strategy 1
expect_eq "list --strategy 1" "1,3" "$(jqo '[.items[].id] | join(",")')"
t coalition set 3 --name "Delivery 2" --strategy none --unit 3
expect_rc "set" 0
expect_eq "set: the row" "Delivery 2||3" "$(sql 'SELECT name, strategy_id, unit_id FROM coalition WHERE id = 3')"
before=$(digest)
t coalition set 3 --unit 99
expect_rc "set to an unknown unit exits 4" 4
t coalition set 99 --name X
expect_rc "set an unknown coalition exits 4" 4
expect_eq "no refused set wrote anything" "$before" "$(digest)"
t coalition rm 1
expect_rc "rm" 0
expect_eq "rm took its members" "0|0" \
	"$(sql 'SELECT (SELECT count(*) FROM coalition WHERE id = 1), (SELECT count(*) FROM coalition_member WHERE coalition_id = 1)')"
t coalition rm 1
expect_rc "rm twice exits 4" 4

# --- values ----------------------------------------------------------------
t value add "Customers first" --description "Start from the customer"
expect_rc "value add" 0
expect_eq "value add prints the id" "value 1 added" "$OUT"
t value add "Own it"
t value add "Straight talk" --position 1
# positions: Customers first 1 (first: max 0 + 1), Own it 2, Straight
# talk 1 (given); ordered by position, then name
expect_eq "positions" "1|Customers first|1
2|Own it|2
3|Straight talk|1" "$(sql 'SELECT id, name, position FROM org_value ORDER BY id')"
t --json value list
expect_eq "list: position, then name" "Customers first,Straight talk,Own it" "$(jqo '[.items[].name] | join(",")')"
before=$(digest)
t value add "Own it"
expect_rc "a name taken exits 5" 5
expect_contains "a name taken is named" "$ERR" "a value named \"Own it\" exists"
t value add ""
expect_rc "an empty value exits 3" 3
t value add "X" --position -1
expect_rc "a negative position exits 3" 3
t value set 2 --name "Customers first"
expect_rc "renaming onto another exits 5" 5
t value set 9 --name "Nine"
expect_rc "set an unknown value exits 4" 4
expect_eq "no refused value write wrote anything" "$before" "$(digest)"
t value set 2 --position 0 --description "Take it on"
expect_rc "value set" 0
expect_eq "value set: the row" "Own it|Take it on|0" "$(sql 'SELECT name, description, position FROM org_value WHERE id = 2')"
t --json value list
expect_eq "Own it now first" "Own it,Customers first,Straight talk" "$(jqo '[.items[].name] | join(",")')"
# a recognition names value 1: it stays
sql "INSERT INTO recognition (from_id, to_person_id, message, value_id, day) VALUES (1, 2, 'Thanks', 1, '2026-03-02')"
before=$(digest)
t value rm 1
expect_rc "rm of a value in use exits 5" 5
expect_contains "rm of a value in use says why" "$ERR" "named by 1 recognition"
expect_eq "the refused rm wrote nothing" "$before" "$(digest)"
t --json value list
expect_eq "list counts its recognitions" "1" "$(jqo '.items[] | select(.id == 1) | .recognitions')"
t value rm 3
expect_rc "rm of a value no one names" 0
expect_eq "rm prints it" "value 3 removed" "$OUT"
expect_eq "two values left" "1,2" "$(sql 'SELECT id FROM org_value ORDER BY id' | join_lines ,)"
t value rm 3
expect_rc "rm twice exits 4" 4

finish
