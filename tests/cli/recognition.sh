#!/usr/bin/env bash
# tests/cli/recognition.sh: recognitions (recognition add/list/show/
# counts/rm): to a person or a team, tied to an existing value; nobody
# recognizes themselves; the feed newest first with its filters; counts
# per month and unit, per person only as the leaderboard setting allows.
source "$(dirname "$0")/../lib.sh"

digest() { dbsum "$DB" recognition; }

# units 1 Root { 2 Sub }, 3 Other; Ann (1) in Root, Ben (2) in Sub managed
# by Ann, Cat (3) in Other, Dan (4) in Sub managed by Ann; plan 1 step 1;
# values 1 Customer first, 2 Courage (the values belong to another area:
# inserted directly); strategy 1 owned by Ann
t unit add Root
t unit add Sub --parent 1
t unit add Other
t person add Ann --email ann@t.test --unit 1
t person add Ben --email ben@t.test --unit 2 --manager 1
t person add Cat --email cat@t.test --unit 3
t person add Dan --email dan@t.test --unit 2 --manager 1
t plan add P1 --unit 1 --start-date 2026-03-02
t step add S1 --plan 1
sql "INSERT INTO org_value (name) VALUES ('Customer first')" >/dev/null
sql "INSERT INTO org_value (name) VALUES ('Courage')" >/dev/null
sql "INSERT INTO strategy (name, owner_id, unit_id) VALUES ('Grow online', 1, 1)" >/dev/null
expect_eq "setup" "3|4|2|1" \
	"$(sql 'SELECT (SELECT count(*) FROM unit), (SELECT count(*) FROM person), (SELECT count(*) FROM org_value), (SELECT count(*) FROM strategy)')"

# --- refusals: nothing written ----------------------------------------
before=$(digest)
t recognition add --from 1 --to 1 --value 1 --message "me"
expect_rc "a recognition to oneself exits 3" 3
expect_contains "a recognition to oneself is named" "$ERR" "--to: a recognition to oneself"
t recognition add --from 1 --to 2 --value 9 --message "x"
expect_rc "an unknown value exits 4" 4
expect_contains "an unknown value names --value" "$ERR" "--value: an unknown value"
t recognition add --from 1 --to 2 --value 1 --strategy 7 --message "x"
expect_rc "an unknown strategy exits 4" 4
expect_contains "an unknown strategy names --strategy" "$ERR" "--strategy: an unknown strategy"
t recognition add --from 1 --to 2 --value 1 --step 5 --message "x"
expect_rc "an unknown step exits 4" 4
expect_contains "an unknown step names --step" "$ERR" "--step: no step with id 5"
t recognition add --from 1 --to 2 --team 2 --value 1 --message "x"
expect_rc "both a person and a team exits 3" 3
expect_contains "both are refused naming --to" "$ERR" "--to: recognize a person or a team"
t recognition add --from 1 --value 1 --message "x"
expect_rc "neither a person nor a team exits 3" 3
t recognition add --from 1 --to 2 --message "x"
expect_rc "no value exits 3" 3
expect_contains "no value says --value is required" "$ERR" "--value: is required"
t recognition add --from 1 --to 9 --value 1 --message "x"
expect_rc "an unknown person exits 4" 4
expect_contains "an unknown person names --to" "$ERR" "--to: no person with id 9"
t recognition add --from 1 --team 9 --value 1 --message "x"
expect_rc "an unknown team exits 4" 4
t recognition add --from 1 --to 2 --value 1 --message "x" --day 2026-02-30
expect_rc "an impossible day exits 3" 3
expect_eq "no refused recognition wrote anything" "$before" "$(digest)"

# --- add and the feed --------------------------------------------------
this=$(date -u +%Y-%m)
prev=$(date -u -d "$(date -u +%Y-%m-15) -1 month" +%Y-%m)
old=$(date -u -d "$(date -u +%Y-%m-15) -7 month" +%Y-%m)
t recognition add --from 1 --to 2 --value 1 --message "Fixed the checkout" --day "$prev-03" --strategy 1
expect_rc "recognition add" 0
expect_eq "recognition add prints the id" "recognition 1 added" "$OUT"
expect_eq "the row" "1||2|1|1|$prev-03" \
	"$(sql 'SELECT from_id, to_unit_id, to_person_id, value_id, strategy_id, day FROM recognition WHERE id = 1')"
t recognition add --from 2 --team 2 --value 2 --message "Shipped on time" --day "$prev-10" --step 1
t recognition add --from 3 --to 2 --value 2 --message "Spoke up" --day "$this-01"
t recognition add --from 2 --to 3 --value 1 --message "Helped a customer" --day "$this-01"
t recognition add --from 1 --to 4 --value 1 --message "Long ago" --day "$old-01"
t recognition add --from 3 --to 1 --value 1 --message "Today"
expect_rc "the day defaults" 0
expect_eq "the day defaults to today" "$(date -u +%F)" "$(sql 'SELECT day FROM recognition WHERE id = 6')"
expect_eq "six recognitions" 6 "$(sql 'SELECT count(*) FROM recognition')"

# newest first: day descending, then id descending for the same day
t recognition list --json
expect_eq "the feed counts them" 6 "$(echo "$OUT" | jq .count)"
expect_eq "the feed is newest first" "6 4 3 2 1 5" "$(echo "$OUT" | jq -r '.items[].id' | tr '\n' ' ' | sed 's/ $//')"
t recognition list --json --from "$prev-05" --to "$this-01"
expect_eq "days filter (inclusive)" "4 3 2" "$(echo "$OUT" | jq -r '.items[].id' | tr '\n' ' ' | sed 's/ $//')"
# unit 2 (Sub) received 1 (Ben), 2 (team Sub), 3 (Ben), 5 (Dan)
t recognition list --json --unit 2
expect_eq "unit filter: received in Sub" "3 2 1 5" "$(echo "$OUT" | jq -r '.items[].id' | tr '\n' ' ' | sed 's/ $//')"
# Cat gave 3 and 6 and received 4
t recognition list --json --person 3
expect_eq "person filter: given or received" "6 4 3" "$(echo "$OUT" | jq -r '.items[].id' | tr '\n' ' ' | sed 's/ $//')"
t recognition list
expect_contains "the table shows a team" "$OUT" "team Sub"
expect_contains "the table shows the value" "$OUT" "Customer first"
t recognition show 2 --json
expect_eq "show: to a team" "null|2|Sub|Courage|1" "$(echo "$OUT" | jq -r '"\(.to_id)|\(.team_id)|\(.to_name)|\(.value)|\(.step_id)"')"

# --- counts ---------------------------------------------------------------
# last 2 months: prev: Sub 2 (ids 1, 2); this: Sub 1 (3), Other 1 (4),
# Root 1 (6); id 5 is 7 months old
t recognition counts --months 2 --json
expect_eq "counts per month and unit" "$prev Sub 2,$this Other 1,$this Root 1,$this Sub 1" \
	"$(echo "$OUT" | jq -r '.items[] | "\(.month) \(.name) \(.count)"' | paste -sd,)"
t recognition counts --months 12 --unit 2 --json
expect_eq "counts of a subtree over 12 months" "$old Sub 1,$prev Sub 2,$this Sub 1" \
	"$(echo "$OUT" | jq -r '.items[] | "\(.month) \(.name) \(.count)"' | paste -sd,)"
t recognition counts --months 0
expect_rc "--months 0 exits 3" 3

# per person: off by default, so only as someone
t recognition counts --by person
expect_rc "per-person counts need a person while the leaderboard is off" 3
expect_contains "and say so naming --by" "$ERR" "--by: per-person counts"
# as Ann: Ann (6, this month) and her reports Ben (1 prev; 3 this), Dan (5 old)
t recognition counts --by person --person 1 --months 2 --json
expect_eq "as a manager: self and reports" "$prev Ben 1,$this Ann 1,$this Ben 1" \
	"$(echo "$OUT" | jq -r '.items[] | "\(.month) \(.name) \(.count)"' | paste -sd,)"
t recognition counts --by person --person 3 --months 2 --json
expect_eq "as Cat: only herself" "$this Cat 1" \
	"$(echo "$OUT" | jq -r '.items[] | "\(.month) \(.name) \(.count)"' | paste -sd,)"
# leaderboard on: everyone, ranked by count within a month
sql "INSERT INTO setting (key, value) VALUES ('recognition.leaderboard', '1')" >/dev/null
t recognition add --from 4 --to 3 --value 2 --message "Again" --day "$this-01"
t recognition counts --by person --months 1 --json
expect_eq "leaderboard: ranked by count" "$this Cat 2,$this Ann 1,$this Ben 1" \
	"$(echo "$OUT" | jq -r '.items[] | "\(.month) \(.name) \(.count)"' | paste -sd,)"

# --- rm -------------------------------------------------------------------
t recognition rm 7
expect_rc "recognition rm" 0
expect_eq "recognition rm prints it" "recognition 7 removed" "$OUT"
expect_eq "the row is gone" 0 "$(sql 'SELECT count(*) FROM recognition WHERE id = 7')"
t recognition rm 7
expect_rc "rm of a missing recognition exits 4" 4
t recognition show 99
expect_rc "show of a missing recognition exits 4" 4

finish
