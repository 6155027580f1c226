#!/usr/bin/env bash
# tests/cli/notes.sh: coaching and feedback notes from the CLI (the local
# operator): note add checks the pair (one must be the other's manager,
# now), note list --person P shows the notes P wrote or that are about P,
# and nothing else. Refusals exit 3/4/5 and write nothing.
source "$(dirname "$0")/../lib.sh"

digest() {
	dbsum "$DB" coaching_note
}

# Ann (1) manages Ben (2) and Dan (4); Ben manages Cat (3); Eve (5) has
# no manager and no report.
t unit add Root
t person add Ann --email ann@t.test --unit 1
t person add Ben --email ben@t.test --unit 1 --manager 1
t person add Cat --email cat@t.test --unit 1 --manager 2
t person add Dan --email dan@t.test --unit 1 --manager 1
t person add Eve --email eve@t.test --unit 1
expect_eq "setup: managers" "1|
2|1
3|2
4|1
5|" "$(sql 'SELECT id, manager_id FROM person ORDER BY id')"

# --- refusals --------------------------------------------------------------
before=$(digest)
t note add "Well done" --author 1 --about 3
expect_rc "the manager's manager exits 5" 5
expect_contains "the refusal names the pair rule" "$ERR" "neither the manager nor a direct report"
t note add "Hi" --author 2 --about 4
expect_rc "a colleague exits 5" 5
t note add "Hi" --author 5 --about 1
expect_rc "no manager, no report exits 5" 5
t note add "Hi" --author 2 --about 9
expect_rc "an unknown person exits 4" 4
expect_contains "an unknown person is named" "$ERR" "--about: no person with id 9"
t note add "Hi" --author 2 --about 2
expect_rc "a note about oneself exits 3" 3
t note add "   " --author 2 --about 3
expect_rc "an empty body exits 3" 3
expect_contains "an empty body is named" "$ERR" "body"
t note add "Hi" --author 2 --about 3 --kind praise
expect_rc "an unknown kind exits 3" 3
expect_contains "the kind is named" "$ERR" "--kind"
t note add "Hi" --author 2 --about 3 --day 2026-02-30
expect_rc "an impossible day exits 3" 3
t note add "Hi" --about 3
expect_rc "no --author exits 3" 3
expect_eq "no refused note wrote anything" "$before" "$(digest)"

# --- the pair, both ways ---------------------------------------------------
t note add "Lead the carrier review" --author 2 --about 3 --day 2026-03-02
expect_rc "the manager writes to the report" 0
expect_eq "add prints the id" "note 1 added" "$OUT"
t note add "Monday mails, please" --author 3 --about 2 --kind feedback --day 2026-03-04
expect_rc "the report writes to the manager" 0
t note add "Who leads on the floor?" --author 1 --about 2 --day 2026-03-03
expect_rc "Ann writes to Ben" 0
expect_eq "the rows" "1|2|3|coaching|Lead the carrier review|2026-03-02
2|3|2|feedback|Monday mails, please|2026-03-04
3|1|2|coaching|Who leads on the floor?|2026-03-03" \
	"$(sql 'SELECT id, author_id, about_id, kind, body, day FROM coaching_note ORDER BY id')"
t note add "Today" --author 1 --about 4
expect_eq "the day defaults to today" "$(date -u +%F)" "$(sql 'SELECT day FROM coaching_note WHERE id = 4')"

# --- list: the notes a person is party to, newest first --------------------
t --json note list --person 2
# Ben wrote 1, and 2 and 3 are about him; 4 is between Ann and Dan
expect_eq "Ben's notes by day, newest first" "2,3,1" "$(jqo '[.items[].id] | join(",")')"
t --json note list --person 3
expect_eq "Cat's notes" "2,1" "$(jqo '[.items[].id] | join(",")')"
t --json note list --person 1
expect_eq "Ann's: not Ben and Cat's" "4,3" "$(jqo '[.items[].id] | join(",")')"
t --json note list --person 5
expect_eq "Eve has none" "0" "$(jqo .count)"
t --json note list --person 2 --with 3
expect_eq "Ben with Cat only" "2,1" "$(jqo '[.items[].id] | join(",")')"
t note list --person 3
expect_contains "the table shows the author" "$OUT" "feedback  Cat"
t note list
expect_rc "list without --person exits 3" 3
expect_contains "list without --person names it" "$ERR" "--person"

# the pair is checked now: once Cat reports to Dan, Ben may not write
t person set 3 --manager 4
t note add "Still there?" --author 2 --about 3
expect_rc "a former manager exits 5" 5
t note add "Welcome" --author 4 --about 3
expect_rc "the new manager writes" 0

finish
