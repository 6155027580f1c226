#!/usr/bin/env bash
# tests/cli/problems.sh: the problem log (problem add/list/show/set/rm:
# manual problems, the status flow, closing and reopening, overdue
# problems flagged, filters) and report agenda (open problems of a unit's
# subtree by severity, then overdue first, then oldest found; Markdown and
# JSON).
source "$(dirname "$0")/../lib.sh"

TODAY=$(date -u +%F)	# tandem's today is UTC
NEXT=$(date -u -d "$TODAY + 7 days" +%F)
YESTERDAY=$(date -u -d "$TODAY - 1 day" +%F)

# units 1 Root { 2 Sub }, 3 Other; Ann (1) in Sub, Cat (2) in Other
t unit add Root
t unit add Sub --parent 1
t unit add Other
t person add Ann --email ann@t.test --unit 2
t person add Cat --email cat@t.test --unit 3

# --- problem add: bad input writes nothing -----------------------------------

before=$(dbsum)
t problem add Broken
expect_rc "no --unit exits 3" 3
expect_contains "no --unit says it is required" "$ERR" "--unit: is required"
t problem add Broken --unit 9
expect_rc "an unknown unit exits 4" 4
expect_contains "an unknown unit names --unit" "$ERR" "--unit: no unit with id 9"
t problem add Broken --unit 2 --owner 9
expect_rc "an unknown owner exits 4" 4
expect_contains "an unknown owner names --owner" "$ERR" "--owner: no person with id 9"
for bad in 0 4 -1 x; do
	t problem add Broken --unit 2 --severity "$bad"
	expect_rc "severity \"$bad\" exits 3" 3
	expect_contains "severity \"$bad\" names --severity" "$ERR" "--severity: must be a whole number"
done
t problem add Broken --unit 2 --due "$YESTERDAY"
expect_rc "a due day before the day found exits 3" 3
expect_contains "a due day before today is refused" "$ERR" \
	"--due: $YESTERDAY is before the day the problem is found ($TODAY)"
t problem add Broken --unit 2 --due 2026-02-30
expect_rc "an impossible due day exits 3" 3
t problem add "" --unit 2
expect_rc "an empty title exits 3" 3
expect_eq "no refused problem add wrote anything" "$before" "$(dbsum)"

# --- the log ---------------------------------------------------------------
# 1 Printer broken  Sub    severity 3, Ann, due in a week
# 2 Late supplier   Root   severity 2
# 3 Office cold     Other  severity 2 (found moved back to 2025-01-01 below)
# 4 Missing specs   Sub    severity 2 (found 2020-01-01, due 2020-02-01:
#                          overdue, set by SQL: the CLI refuses past days)
# 5 Slow laptop     Sub    severity 1
t problem add "Printer broken" --unit 2 --owner 1 --due "$NEXT" --severity 3 --detail "jams" --json
expect_rc "problem add" 0
expect_eq "problem add --json gives the problem" \
	"1 2 Sub manual  null Printer broken jams 3 $TODAY 1 Ann $NEXT open null false" \
	"$(jqo '"\(.id) \(.unit_id) \(.unit) \(.rule) \(.subject_kind) \(.subject_id) \(.title) \(.detail) \(.severity) \(.found) \(.owner_id) \(.owner) \(.due) \(.status) \(.closed) \(.overdue)"')"
t problem add "Late supplier" --unit 1
expect_eq "problem add prints the id" "problem 2 added" "$OUT"
expect_eq "severity defaults to 2" "2" "$(sql 'SELECT severity FROM problem WHERE id = 2')"
t problem add "Office cold" --unit 3
t problem add "Missing specs" --unit 2
t problem add "Slow laptop" --unit 2 --severity 1
sql "UPDATE problem SET found = '2020-01-01', due = '2020-02-01' WHERE id = 4" >/dev/null
sql "UPDATE problem SET found = '2025-01-01' WHERE id = 3" >/dev/null

t problem list --json
expect_eq "the list, newest first" "5,4,3,2,1" "$(jqo '[.items[].id] | join(",")')"
expect_eq "only problem 4 is overdue" "4" "$(jqo '[.items[] | select(.overdue) | .id] | join(",")')"
t problem list
expect_contains "the table flags the overdue problem" "$(echo "$OUT" | grep 'Missing specs')" "OVERDUE"
expect_not_contains "the table flags no other" "$(echo "$OUT" | grep -v 'Missing specs')" "OVERDUE"
t problem list --unit 1 --json
expect_eq "Root's subtree: Root and Sub" "5,4,2,1" "$(jqo '[.items[].id] | join(",")')"
t problem list --unit 2 --json
expect_eq "Sub alone" "5,4,1" "$(jqo '[.items[].id] | join(",")')"
t problem list --unit 9
expect_rc "listing an unknown unit exits 4" 4
t problem list --status closed
expect_rc "status closed" 0
t problem list --status shut
expect_rc "an unknown status exits 3" 3
expect_contains "an unknown status names --status" "$ERR" "--status: must be one of open, investigating, acting, closed"
t problem show 4
expect_contains "show flags an overdue problem" "$OUT" "due         2020-02-01 (overdue)"
t problem show 99
expect_rc "show of an unknown problem exits 4" 4

# --- the agenda: severity 3 first, then overdue, then the oldest found ------
# sev 3: 1; sev 2: 4 (overdue), then 3 (found 2025-01-01), then 2
# (found today); sev 1: 5
t report agenda --format json
expect_rc "report agenda --format json" 0
expect_eq "the whole organization's agenda" "1,4,3,2,5" "$(jqo '[.items[].id] | join(",")')"
t report agenda --unit 1 --json
expect_eq "Root's agenda leaves Other's problem out" "1,4,2,5" "$(jqo '[.items[].id] | join(",")')"
t report agenda --unit 2
expect_rc "report agenda in Markdown" 0
expect_eq "the Markdown agenda of Sub" "# Agenda: Sub, $TODAY

3 open problems, the most severe first.

## 1. Printer broken

- Severity: 3
- Subject: reported by hand
- Unit: Sub; found $TODAY; open
- Owner: Ann
- Due: $NEXT
- Root cause: not yet known
- Action: none decided

## 2. Missing specs

- Severity: 2 (OVERDUE)
- Subject: reported by hand
- Unit: Sub; found 2020-01-01; open
- Owner: nobody yet
- Due: 2020-02-01
- Root cause: not yet known
- Action: none decided

## 3. Slow laptop

- Severity: 1
- Subject: reported by hand
- Unit: Sub; found $TODAY; open
- Owner: nobody yet
- Due: not set
- Root cause: not yet known
- Action: none decided" "$OUT"
t report agenda --unit 9
expect_rc "an agenda of an unknown unit exits 4" 4
t report agenda --format pdf
expect_rc "an unknown format exits 3" 3

# --- problem set: the status flow, root cause and action, closing ----------

before=$(dbsum)
t problem set 1 --status shut
expect_rc "an unknown status exits 3" 3
t problem set 1 --severity 4
expect_rc "severity 4 exits 3" 3
t problem set 4 --due 2019-12-31
expect_rc "a due day before the day found exits 3" 3
expect_contains "the due day is checked against the day found" "$ERR" \
	"--due: 2019-12-31 is before the day the problem was found (2020-01-01)"
t problem set 1 --owner 9
expect_rc "an unknown owner exits 4" 4
t problem set 99 --status acting
expect_rc "an unknown problem exits 4" 4
t problem set 1 --title ""
expect_rc "an empty title exits 3" 3
expect_eq "no refused problem set wrote anything" "$before" "$(dbsum)"

t problem set 1 --status investigating --root-cause "worn roller"
expect_rc "investigating" 0
t problem set 1 --status acting --action "order a roller" --owner 2
t problem show 1 --json
expect_eq "root cause, action, owner and status recorded" \
	"acting worn roller order a roller 2 Cat null" \
	"$(jqo '"\(.status) \(.root_cause) \(.action) \(.owner_id) \(.owner) \(.closed)"')"
t problem set 4 --status closed
expect_rc "close the overdue problem" 0
expect_eq "closing records today" "closed|$TODAY" "$(sql 'SELECT status, closed FROM problem WHERE id = 4')"
t problem show 4 --json
expect_eq "a closed problem is not overdue, though its due day is past" "false" "$(jqo .overdue)"
t report agenda --unit 2 --json
expect_eq "a closed problem leaves the agenda" "1,5" "$(jqo '[.items[].id] | join(",")')"
t problem list --open true --json
expect_eq "--open true: the problems not closed" "5,3,2,1" "$(jqo '[.items[].id] | join(",")')"
t problem list --open false --json
expect_eq "--open false: the closed ones" "4" "$(jqo '[.items[].id] | join(",")')"
t problem set 4 --status open
expect_rc "a manual problem reopens" 0
expect_eq "reopening clears the day closed" "open|" "$(sql 'SELECT status, closed FROM problem WHERE id = 4')"
t problem set 1 --owner none --due none
expect_eq "owner and due cleared with none" "|" "$(sql 'SELECT owner_id, due FROM problem WHERE id = 1')"

# --- problem rm: manual problems only ----------------------------------------

sql "INSERT INTO problem (unit_id, rule, subject_kind, subject_id, title, found) VALUES (2, 'cpi', 'plan', 1, 'CPI low', '$TODAY')" >/dev/null
before=$(dbsum)
t problem rm 6
expect_rc "removing a problem a check found exits 5" 5
expect_contains "it says to close it instead" "$ERR" "problem 6 was found by the cpi rule: close it instead"
t problem rm 99
expect_rc "removing an unknown problem exits 4" 4
expect_eq "no refused rm wrote anything" "$before" "$(dbsum)"
t problem rm 5
expect_rc "a manual problem is removed" 0
expect_eq "problem rm prints it" "problem 5 removed" "$OUT"
expect_eq "the row is gone" "0" "$(sql 'SELECT count(*) FROM problem WHERE id = 5')"

finish
