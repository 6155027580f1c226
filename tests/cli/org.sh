#!/usr/bin/env bash
# tests/cli/org.sh: the org tree (unit add/list/show/set/move/rm) and
# people (person add/list/show/set/rm) through the CLI. Expected values are
# worked out by hand in the comments or read back with the sqlite3 CLI (or
# psql, on PostgreSQL).
source "$(dirname "$0")/../lib.sh"

# digest TABLE: a fingerprint of a whole table, to prove nothing changed.
digest() {
	sql "SELECT * FROM $1 ORDER BY 1" | sha256sum | cut -d' ' -f1
}

# --- units -------------------------------------------------------------

# The tree built here (ids in creation order):
#   1 Acme
#     3 Engineering
#       4 Backend
#       5 Frontend
#     2 Sales
#   6 Archive
t unit add Acme
expect_rc "unit add a root" 0
expect_eq "unit add prints the new id" "unit 1 added" "$OUT"
t unit add Sales --parent 1
expect_rc "unit add with --parent" 0
t unit add Engineering --parent 1
t unit add Backend --parent 3
t unit add Frontend --parent 3 --json
expect_rc "unit add --json" 0
expect_eq "unit add --json gives the unit" "5 Frontend 3 0 0" \
	"$(jqo '"\(.id) \(.name) \(.parent_id) \(.people) \(.children)"')"
t unit add Archive
expect_eq "six units stored" 6 "$(sql 'SELECT count(*) FROM unit')"
expect_eq "parents stored" "1||2|1|3|1|4|3|5|3|6|" \
	"$(sql "SELECT id, parent_id FROM unit ORDER BY id" | join_lines '|')"

# Tree order: each parent before its children, siblings by name, roots
# by name too (Acme < Archive, Engineering < Sales, Backend < Frontend);
# two spaces of indent per level. ID is right-aligned to width 2,
# PEOPLE to width 6 (the header's width).
t unit list
expect_rc "unit list" 0
expect_eq "unit list draws the tree in order with indentation" "ID  PEOPLE  UNIT
 1       0  Acme
 3       0    Engineering
 4       0      Backend
 5       0      Frontend
 2       0    Sales
 6       0  Archive" "$OUT"

t unit list --json
expect_rc "unit list --json" 0
expect_eq "unit list --json has count and items" '["count","items"]' "$(jqo 'keys' | jq -c .)"
expect_eq "unit list --json count equals the rows in sql" "$(sql 'SELECT count(*) FROM unit')" "$(jqo '.count')"
expect_eq "unit list --json items are in tree order" "1 3 4 5 2 6" "$(jqo '[.items[].id] | join(" ")')"
expect_eq "unit list --json depths" "0 1 2 2 1 0" "$(jqo '[.items[].depth] | join(" ")')"
expect_eq "unit list --json children counts" "2 2 0 0 0 0" "$(jqo '[.items[].children] | join(" ")')"
expect_eq "a root's parent_id is null" "null" "$(jqo '.items[0].parent_id')"

t unit show 3
expect_rc "unit show" 0
expect_eq "unit show lists the fields" "unit      3
name      Engineering
parent    1 Acme
people    0
children  2" "$OUT"
t unit show 3 --json
expect_eq "unit show --json" '{"id":3,"name":"Engineering","parent_id":1,"parent":"Acme","people":0,"children":2}' \
	"$(jqo '.' | jq -c .)"
t unit show 99
expect_rc "unit show of an unknown id exits 4" 4
expect_contains "unit show names the missing id" "$ERR" "no unit with id 99"

# set renames, set --parent moves
t unit set 2 --name Revenue
expect_rc "unit set --name" 0
expect_eq "unit set renamed it" "Revenue" "$(sql 'SELECT name FROM unit WHERE id = 2')"
expect_eq "unit set --name kept the parent" "1" "$(sql 'SELECT parent_id FROM unit WHERE id = 2')"
t unit set 6 --parent 2
expect_rc "unit set --parent" 0
expect_eq "unit set --parent moved it" "2" "$(sql 'SELECT parent_id FROM unit WHERE id = 6')"
expect_eq "unit set --parent kept the name" "Archive" "$(sql 'SELECT name FROM unit WHERE id = 6')"

# move: under another unit, then to the top with none
t unit move 4 --parent 2
expect_rc "unit move under another unit" 0
expect_eq "unit move changed parent_id" "2" "$(sql 'SELECT parent_id FROM unit WHERE id = 4')"
t unit move 6 --parent none
expect_rc "unit move --parent none" 0
expect_eq "unit move --parent none makes a root" "1" "$(sql 'SELECT CAST(parent_id IS NULL AS INTEGER) FROM unit WHERE id = 6')"
# now: 1 Acme { 3 Engineering { 5 Frontend }, 2 Revenue { 4 Backend } }, 6 Archive
t unit list --json
expect_eq "the tree after the moves" "1:0 3:1 5:2 2:1 4:2 6:0" \
	"$(jqo '[.items[] | "\(.id):\(.depth)"] | join(" ")')"

# a unit never moves under itself or its own subtree; nothing changes
before=$(digest unit)
t unit move 1 --parent 5
expect_rc "move under own grandchild exits 3" 3
expect_contains "move under own subtree names --parent" "$ERR" "--parent"
expect_contains "move under own subtree says why" "$ERR" "cannot move under its own subtree"
expect_eq "move under own subtree printed nothing" "" "$OUT"
expect_eq "move under own subtree left parent_id NULL" "1" "$(sql 'SELECT CAST(parent_id IS NULL AS INTEGER) FROM unit WHERE id = 1')"
t unit move 3 --parent 5
expect_rc "move under own child exits 3" 3
expect_eq "move under own child left parent_id" "1" "$(sql 'SELECT parent_id FROM unit WHERE id = 3')"
t unit set 3 --parent 3
expect_rc "move under itself exits 3" 3
expect_contains "move under itself says itself" "$ERR" "cannot move under itself"
t unit set 3 --name Renamed --parent 5
expect_rc "rename plus a bad move exits 3" 3
expect_eq "a refused set renames nothing either" "Engineering" "$(sql 'SELECT name FROM unit WHERE id = 3')"
t unit move 3 --parent 42
expect_rc "move under an unknown unit exits 4" 4
expect_contains "move under an unknown unit names it" "$ERR" "--parent: no unit with id 42"
t unit move 3
expect_rc "move without --parent exits 3" 3
expect_contains "move without --parent says it is required" "$ERR" "--parent: is required"
expect_eq "no refused move changed the tree" "$before" "$(digest unit)"

# --- people ------------------------------------------------------------

# Ada: 85.50/h is 8550 cents; 37.5 h/week is 37.5 * 60 = 2250 minutes.
t person add "Ada Lovelace" --email ada@acme.test --unit 1 --title CEO --rate 85.50 \
	--capacity-hours 37.5
expect_rc "person add with every field" 0
expect_eq "person add prints the id" "person 1 added" "$OUT"
expect_eq "rate stored in cents" "8550" "$(sql 'SELECT rate_cents FROM person WHERE id = 1')"
expect_eq "capacity stored in minutes" "2250" "$(sql 'SELECT capacity_minutes FROM person WHERE id = 1')"
expect_eq "the other fields stored" "Ada Lovelace|ada@acme.test|1||CEO" \
	"$(sql "SELECT name, email, unit_id, manager_id, title FROM person WHERE id = 1")"

# defaults: no rate is 0, no capacity is 40 h = 2400 minutes, no title ''
t person add Bob --email bob@acme.test --unit 3 --manager 1
expect_rc "person add with a manager" 0
expect_eq "defaults of rate, capacity and title" "0|2400||1" \
	"$(sql 'SELECT rate_cents, capacity_minutes, title, manager_id FROM person WHERE id = 2')"
t person add Cy --email cy@acme.test --unit 5 --manager 2 --rate 60 --capacity-hours 7.25
# 7.25 h = 435 minutes; 60 = 6000 cents
expect_eq "whole rate and quarter hours" "6000|435" \
	"$(sql 'SELECT rate_cents, capacity_minutes FROM person WHERE id = 3')"
t person add Di --email di@acme.test --unit 4 --manager 2
t person add Ed --email ed@acme.test --unit 6 --manager 1 --json
expect_rc "person add --json" 0
expect_eq "person add --json gives the person" "5 Ed 6 Archive 1 0 40 0" \
	"$(jqo '"\(.id) \(.name) \(.unit_id) \(.unit) \(.manager_id) \(.rate) \(.capacity_hours) \(.reports)"')"
# the manager is shown by name too: Ed's manager is person 1, Ada
expect_eq "person add --json names the manager" "$(sql 'SELECT name FROM person WHERE id = 1')" \
	"$(jqo '.manager')"
t person show 5
expect_contains "person show names the manager" "$OUT" "manager   1 $(sql 'SELECT name FROM person WHERE id = 1')"

t person show 1
expect_rc "person show" 0
expect_eq "person show lists every field" "person    1
name      Ada Lovelace
email     ada@acme.test
unit      1 Acme
manager   -
title     CEO
rate      85.50/h
capacity  37.50 h/week
reports   2" "$OUT"
t person show 1 --json
expect_eq "person show --json money and hours as numbers" "85.5 37.5 null 2" \
	"$(jqo '"\(.rate) \(.capacity_hours) \(.manager_id) \(.reports)"')"
t person show 77
expect_rc "person show of an unknown id exits 4" 4
expect_contains "person show names the id" "$ERR" "no person with id 77"

# list: by name; --unit includes the subtree. Unit 1's subtree is every
# unit but 6 (Archive): Ada, Bob, Cy, Di.
t person list --json
expect_eq "person list --json has count and items" '["count","items"]' "$(jqo 'keys' | jq -c .)"
expect_eq "person list --json count" "$(sql 'SELECT count(*) FROM person')" "$(jqo '.count')"
expect_eq "person list --json count is the number of items" "$(jqo '.items | length')" "$(jqo '.count')"
expect_eq "person list is ordered by name" "Ada Lovelace,Bob,Cy,Di,Ed" "$(jqo '[.items[].name] | join(",")')"
subtree_people() {
	sql "WITH RECURSIVE s(id) AS (SELECT CAST($1 AS BIGINT) UNION ALL SELECT u.id FROM unit u JOIN s ON u.parent_id = s.id)
	     SELECT id FROM person WHERE unit_id IN (SELECT id FROM s) ORDER BY id" | join_lines ,
}
t person list --unit 1 --json
expect_eq "person list --unit 1 takes the subtree" "1,2,3,4" "$(jqo '[.items[].id] | sort | join(",")')"
expect_eq "person list --unit 1 agrees with sql" "$(subtree_people 1)" "$(jqo '[.items[].id] | sort | join(",")')"
# unit 3 Engineering holds Bob and its child 5 Frontend holds Cy
t person list --unit 3 --json
expect_eq "person list --unit 3 takes the child unit too" "2,3" "$(jqo '[.items[].id] | sort | join(",")')"
# unit 2 Revenue holds nobody directly; its child 4 Backend holds Di
t person list --unit 2 --json
expect_eq "person list --unit 2 finds people only in a child" "4" "$(jqo '[.items[].id] | join(",")')"
t person list --unit 6
expect_rc "person list --unit table" 0
expect_eq "person list table" "ID  NAME  UNIT     MANAGER  TITLE  RATE  CAPACITY  EMAIL
 5  Ed    Archive        1  -      0.00        40  ed@acme.test" "$OUT"
t person list --manager 2 --json
expect_eq "person list --manager gives direct reports" "3,4" "$(jqo '[.items[].id] | join(",")')"
t person list --limit 2 --offset 1 --json
expect_eq "person list --limit --offset pages by name" "Bob,Cy" "$(jqo '[.items[].name] | join(",")')"

# unit list now counts people directly in each unit
t unit list --json
expect_eq "unit list people counts agree with sql" \
	"$(sql "SELECT u.id || ':' || (SELECT count(*) FROM person p WHERE p.unit_id = u.id) FROM unit u ORDER BY u.id" | join_lines ' ')" \
	"$(jqo '[.items[] | "\(.id):\(.people)"] | sort | join(" ")')"

# email: unique ignoring case, and must look like name@domain
before=$(digest person)
t person add Other --email ADA@acme.test --unit 1
expect_rc "duplicate email (other case) exits 5" 5
expect_contains "duplicate email names --email" "$ERR" "--email"
expect_contains "duplicate email names the holder" "$ERR" "already taken by person 1"
expect_eq "duplicate email printed nothing" "" "$OUT"
t person set 2 --email ada@acme.test
expect_rc "person set to a taken email exits 5" 5
expect_contains "person set to a taken email names --email" "$ERR" "--email"
for bad in no-at-sign a@nodot @acme.test "a b@acme.test" "a@b@c.test" "trailing@"; do
	t person add Bad --email "$bad" --unit 1
	expect_rc "email \"$bad\" exits 3" 3
	expect_contains "email \"$bad\" is named as not an email" "$ERR" "--email: \"$bad\" is not an email address"
done
expect_eq "no refused person add or set wrote anything" "$before" "$(digest person)"
t person set 1 --email ada@acme.test
expect_rc "keeping one's own email is allowed" 0

# managers never loop: Cy (3) reports to Bob (2) who reports to Ada (1)
before=$(digest person)
t person set 1 --manager 3
expect_rc "a manager loop exits 3" 3
expect_contains "a manager loop names --manager" "$ERR" "--manager: person 3 reports to person 1"
expect_eq "a manager loop left Ada without a manager" "1" "$(sql 'SELECT CAST(manager_id IS NULL AS INTEGER) FROM person WHERE id = 1')"
t person set 2 --manager 2
expect_rc "managing oneself exits 3" 3
expect_contains "managing oneself says so" "$ERR" "cannot manage themselves"
t person set 2 --manager 99
expect_rc "an unknown manager exits 4" 4
t person add New --email new@acme.test --unit 99
expect_rc "person add to an unknown unit exits 4" 4
expect_contains "person add to an unknown unit names --unit" "$ERR" "--unit: no unit with id 99"
expect_eq "no refused manager change wrote anything" "$before" "$(digest person)"

# set changes exactly the fields given. 20.25 h = 1215 minutes.
t person set 3 --name Cyrus --title Engineer --rate 61.05 --capacity-hours 20.25 --unit 6 --manager 5
expect_rc "person set of every field" 0
expect_eq "person set stored every field" "Cyrus|cy@acme.test|6|5|Engineer|6105|1215" \
	"$(sql 'SELECT name, email, unit_id, manager_id, title, rate_cents, capacity_minutes FROM person WHERE id = 3')"
t person set 3 --manager none --json
expect_rc "person set --manager none" 0
expect_eq "--manager none clears it" "1" "$(sql 'SELECT CAST(manager_id IS NULL AS INTEGER) FROM person WHERE id = 3')"
expect_eq "person set --json shows the change" "null Cyrus" "$(jqo '"\(.manager_id) \(.name)"')"

# rm: refused while anyone reports to them; a free person goes
t person rm 1
expect_rc "person rm with reports exits 5" 5
expect_contains "person rm with reports says why" "$ERR" "2 report(s)"
expect_eq "person rm refused kept the person" "1" "$(sql 'SELECT count(*) FROM person WHERE id = 1')"
t person rm 4
expect_rc "person rm of a free person" 0
expect_eq "person rm prints it" "person 4 removed" "$OUT"
expect_eq "person rm deleted the row" "0" "$(sql 'SELECT count(*) FROM person WHERE id = 4')"
t person rm 4
expect_rc "person rm twice exits 4" 4

# unit rm: refused while it has children or people
t unit rm 1
expect_rc "unit rm with children exits 5" 5
expect_contains "unit rm with children counts them" "$ERR" "unit 1 still has 2 child unit(s), 1 person(s)"
t unit rm 6
expect_rc "unit rm with people exits 5" 5
expect_contains "unit rm with people counts them" "$ERR" "0 child unit(s), 2 person(s)"
expect_eq "refused unit rm kept the units" "6" "$(sql 'SELECT count(*) FROM unit')"
t unit rm 4
expect_rc "unit rm of an empty leaf" 0
expect_eq "unit rm prints it" "unit 4 removed" "$OUT"
expect_eq "unit rm deleted the row" "0" "$(sql 'SELECT count(*) FROM unit WHERE id = 4')"
t unit rm 4
expect_rc "unit rm of a removed unit exits 4" 4

# The management records keep a unit and a person too, each named: a
# new empty unit X with a target, a budget line, a position and a
# problem; a person P in it who holds the position, has a RACI role and
# owns the problem, and to whom a plan was published.
t unit add X
X=$(sql "SELECT max(id) FROM unit")
t person add Pat --email pat@t.test --unit "$X"
P=$(sql "SELECT max(id) FROM person")
sql "INSERT INTO target (name, baseline, goal, period_from, period_to, unit_id) VALUES ('T', 0, 1, '2026-01-01', '2026-12-31', $X);
	INSERT INTO budget (unit_id, category, amount_cents, period_from, period_to) VALUES ($X, 'other', 100, '2026-01-01', '2026-12-31');
	INSERT INTO position (unit_id, title) VALUES ($X, 'Clerk');
	INSERT INTO staffing (position_id, person_id, since) SELECT max(id), $P, '2026-01-01' FROM position;
	INSERT INTO problem (unit_id, rule, title, found, owner_id) VALUES ($X, 'manual', 'A', '2026-01-01', $P);
	INSERT INTO tolerance (unit_id, rule, value) VALUES ($X, 'cpi', 80);" >/dev/null
t person rm "$P"
expect_rc "person rm holding a position exits 5" 5
expect_contains "person rm names the management records" "$ERR" \
	"person $P still holds 1 position(s), has 0 RACI role(s) and owns 1 target(s) or problem(s)"
sql "DELETE FROM staffing; DELETE FROM problem;" >/dev/null
t plan add Q --unit "$X" --start-date 2026-03-02
sql "INSERT INTO publication (plan_id, at) SELECT max(id), 1 FROM plan;
	INSERT INTO publication_to (publication_id, person_id) SELECT max(id), $P FROM publication;" >/dev/null
t person rm "$P"
expect_rc "person rm once reassigned (a plan published to them goes with them)" 0
expect_eq "their feed went with them" 0 "$(sql "SELECT count(*) FROM publication_to WHERE person_id = $P")"
sql "DELETE FROM publication; DELETE FROM plan WHERE unit_id = $X;" >/dev/null
# and the leadership records name them too
t person add Lee --email lee@t.test --unit "$X"
L=$(sql "SELECT max(id) FROM person")
sql "INSERT INTO coalition (name) VALUES ('K');
	INSERT INTO coalition_member (coalition_id, person_id) SELECT max(id), $L FROM coalition;" >/dev/null
t person rm "$L"
expect_rc "person rm in a coalition exits 5" 5
expect_contains "and says where they are named" "$ERR" \
	"person $L is still named in 0 communication(s), 0 recognition(s), 0 idea(s) or vote(s), 1 coalition(s)"
sql "DELETE FROM coalition_member; DELETE FROM coalition;" >/dev/null
# change initiatives and workshops name them too; volunteering and their
# own self-assessment go with them
sql "INSERT INTO initiative (name, sponsor_id, started) VALUES ('I', $L, '2026-01-05');
	INSERT INTO obstacle (initiative_id, title, owner_id, opened) SELECT max(id), 'O', $L, '2026-01-05' FROM initiative;
	INSERT INTO volunteer (initiative_id, person_id, joined) SELECT max(id), $L, '2026-01-05' FROM initiative;
	INSERT INTO assessment (person_id, unit_id, day, created_at) VALUES ($L, $X, '2026-01-05', 0);" >/dev/null
t person rm "$L"
expect_rc "person rm sponsoring an initiative exits 5" 5
expect_contains "and names the change records" "$ERR" \
	"person $L still sponsors 1 change initiative(s), owns 1 obstacle(s) and trains 0 workshop(s)"
sql "DELETE FROM obstacle; DELETE FROM initiative_step; UPDATE initiative SET sponsor_id = NULL" >/dev/null
t person rm "$L"
expect_rc "person rm once out of the coalition and the initiative" 0
expect_eq "their volunteering and self-assessment went with them" "0|0" \
	"$(sql "SELECT (SELECT count(*) FROM volunteer WHERE person_id = $L), (SELECT count(*) FROM assessment WHERE person_id = $L)")"
sql "DELETE FROM volunteer; DELETE FROM initiative" >/dev/null
t unit rm "$X"
expect_rc "unit rm with a target, a budget line and a position exits 5" 5
expect_contains "unit rm names them" "$ERR" \
	"unit $X still has 1 target(s), 1 budget line(s), 1 position(s) and 0 problem(s)"
sql "DELETE FROM target; DELETE FROM budget; DELETE FROM position;
	INSERT INTO signal (observed, day, category, kind, impact, likelihood, unit_id) VALUES ('s', '2026-01-01', 'market', 'threat', 1, 1, $X);" >/dev/null
t unit rm "$X"
expect_rc "unit rm that noticed a signal exits 5" 5
expect_contains "and names it" "$ERR" "unit $X is still named by 0 vision(s) or strategy(ies), 1 signal(s)"
sql "DELETE FROM signal;
	INSERT INTO initiative (name, unit_id, started) VALUES ('J', $X, '2026-01-05');
	INSERT INTO initiative_unit (initiative_id, unit_id) SELECT max(id), $X FROM initiative;" >/dev/null
t unit rm "$X"
expect_rc "unit rm running an initiative exits 5" 5
expect_contains "and names the change records" "$ERR" \
	"unit $X still runs 1 change initiative(s) and 0 workshop(s) and holds 0 self-assessment(s)"
sql "DELETE FROM initiative" >/dev/null
t unit rm "$X"
expect_rc "unit rm once they are gone" 0
expect_eq "its own tolerances went with it" 0 "$(sql "SELECT count(*) FROM tolerance WHERE unit_id = $X")"

finish
