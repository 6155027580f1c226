#!/usr/bin/env bash
# tests/cli/alignment.sh: stakeholders, communications (audience resolved
# once at sending, recipients' states, coverage per unit rolled up over
# the subtree, who is unreached) and commitments (say-do record).
source "$(dirname "$0")/../lib.sh"

digest() {
	sql "SELECT * FROM $1 ORDER BY 1" | sha256sum | cut -d' ' -f1
}
alldigest() {
	echo "$(digest stakeholder) $(digest comm) $(sql 'SELECT count(*) FROM comm_audience') $(digest comm_recipient) $(digest commitment)"
}

# units 1 Root { 2 Ops { 4 Floor }, 3 Sales }
# people 1 Ann (Root), 2 Ben (Ops), 3 Cat (Floor), 4 Dan (Sales), 5 Eve (Ops)
t unit add Root
t unit add Ops --parent 1
t unit add Sales --parent 1
t unit add Floor --parent 2
t person add Ann --email ann@t.test --unit 1
t person add Ben --email ben@t.test --unit 2
t person add Cat --email cat@t.test --unit 4
t person add Dan --email dan@t.test --unit 3
t person add Eve --email eve@t.test --unit 2
expect_eq "setup" "4|5" "$(sql 'SELECT (SELECT count(*) FROM unit), (SELECT count(*) FROM person)')"
sql "INSERT INTO vision (version, statement, horizon, created_at) VALUES (1, 'Best service', 2030, 0)" >/dev/null
sql "INSERT INTO strategy (name) VALUES ('Grow online')" >/dev/null

# --- stakeholders --------------------------------------------------------

t stakeholder add Acme --kind customer --owner 1 --note "biggest account"
expect_rc "stakeholder add" 0
expect_eq "stakeholder add prints the id" "stakeholder 1 added" "$OUT"
t stakeholder add Board --kind board --json
expect_eq "stakeholder add --json" "2 Board board null" "$(jqo '"\(.id) \(.name) \(.kind) \(.owner_id)"')"
t stakeholder add Steel --kind supplier
before=$(alldigest)
t stakeholder add Bad --kind friend
expect_rc "an unknown kind exits 3" 3
expect_contains "an unknown kind names --kind" "$ERR" "--kind: must be one of"
t stakeholder add Bad
expect_rc "no kind exits 3" 3
expect_contains "no kind is required" "$ERR" "--kind: is required"
t stakeholder add Bad --kind other --owner 9
expect_rc "an unknown owner exits 4" 4
expect_contains "an unknown owner is named" "$ERR" "--owner: no person with id 9"
t stakeholder add "" --kind other
expect_rc "an empty name exits 3" 3
expect_eq "no refused stakeholder wrote anything" "$before" "$(alldigest)"
t stakeholder set 3 --owner 2 --note "steel coils"
expect_rc "stakeholder set" 0
expect_eq "stakeholder set changed owner and note" "3|Steel|supplier|2|steel coils" \
	"$(sql 'SELECT id, name, kind, owner_id, note FROM stakeholder WHERE id = 3')"
t stakeholder list --kind customer --json
expect_eq "stakeholder list --kind" "1 Acme Ann" "$(jqo '.items[] | "\(.id) \(.name) \(.owner)"')"
t stakeholder show 9
expect_rc "an unknown stakeholder exits 4" 4
t stakeholder rm 3
expect_rc "stakeholder rm" 0
expect_eq "stakeholder rm deleted it" 2 "$(sql 'SELECT count(*) FROM stakeholder')"

# --- communications: add, audience ---------------------------------------

before=$(alldigest)
t comm add "" --channel email --day 2026-03-02 --sender 1
expect_rc "an empty title exits 3" 3
expect_contains "an empty title names --title" "$ERR" "title: must not be empty"
t comm add Hello --channel fax --day 2026-03-02 --sender 1
expect_rc "an unknown channel exits 3" 3
expect_contains "an unknown channel names --channel" "$ERR" "--channel: must be one of"
t comm add Hello --channel email --day 2026-03-02
expect_rc "no sender and no unit exits 3" 3
expect_contains "no sender and no unit names --unit" "$ERR" "--unit: is required when there is no sender"
t comm add Hello --channel email --day 2026-03-02 --sender 1 --vision 1 --strategy 1
expect_rc "a vision and a strategy exits 3" 3
t comm add Hello --channel email --day 2026-03-02 --sender 1 --vision 7
expect_rc "an unknown vision exits 4" 4
expect_contains "an unknown vision is named" "$ERR" "--vision: no vision with id 7"
t comm add Hello --channel email --day 2026-03-02 --sender 1 --body-file /nonexistent/x
expect_rc "an unreadable body file exits 3" 3
expect_eq "no refused comm wrote anything" "$before" "$(alldigest)"

printf 'We will serve *every* customer\nwithin a day.\n' >"$TMP/body.md"
t comm add "Town hall" --channel town-hall --day 2026-03-02 --sender 1 --vision 1 --body-file "$TMP/body.md"
expect_rc "comm add" 0
expect_eq "comm add prints the id" "comm 1 added" "$OUT"
# the unit defaults to the sender's (Ann: Root), the body is read from the file
expect_eq "comm 1 row" "Town hall|town-hall|2026-03-02|1||1|1|0" \
	"$(sql 'SELECT title, channel, day, vision_id, strategy_id, sender_id, unit_id, sent FROM comm WHERE id = 1')"
expect_eq "the body came from the file" "$(cat "$TMP/body.md")" "$(sql 'SELECT body FROM comm WHERE id = 1')"
t comm add "Ops email" --channel email --day 2026-03-03 --sender 2 --strategy 1 --unit 2 --json
expect_eq "comm add --json" "2 email 2 1 false" "$(jqo '"\(.id) \(.channel) \(.unit_id) \(.strategy_id) \(.sent)"')"

# audience of comm 1: Ops (Ben, Eve, and Cat in Floor under it), Dan, Ben
# again (named and in Ops: one recipient), stakeholder Acme
t comm audience 1 --unit 2
expect_rc "audience unit" 0
t comm audience 1 --person 4
t comm audience 1 --person 2
t comm audience 1 --stakeholder 1
t comm audience 1 --unit 2
expect_rc "the same audience twice is harmless" 0
expect_eq "audience rows" 4 "$(sql 'SELECT count(*) FROM comm_audience WHERE comm_id = 1')"
before=$(alldigest)
t comm audience 1 --unit 9
expect_rc "an unknown unit exits 4" 4
expect_contains "an unknown unit is named" "$ERR" "--unit: no unit with id 9"
t comm audience 1 --person 9
expect_rc "an unknown person exits 4" 4
expect_contains "an unknown person is named" "$ERR" "--person: no person with id 9"
t comm audience 1 --stakeholder 9
expect_rc "an unknown stakeholder exits 4" 4
expect_contains "an unknown stakeholder is named" "$ERR" "--stakeholder: no stakeholder with id 9"
t comm audience 1 --unit 1 --person 1
expect_rc "two kinds at once exits 3" 3
t comm audience 1
expect_rc "no audience given exits 3" 3
t comm audience 9 --unit 1
expect_rc "audience of an unknown comm exits 4" 4
t comm send 2
expect_rc "sending with no audience exits 3" 3
expect_eq "no refused audience wrote anything" "$before" "$(alldigest)"

# --- sending --------------------------------------------------------------

t comm send 1
expect_rc "comm send" 0
# Ben, Cat, Dan, Eve (4 people, each once) + Acme = 5
expect_eq "comm send counts the recipients" "comm 1 sent to 5 recipients" "$OUT"
expect_eq "each person once with their unit then, the stakeholder with no unit" \
	"2 2 0,3 4 0,4 3 0,5 2 0,0 0 1" "$(sql "SELECT coalesce(person_id, 0), coalesce(unit_id, 0), coalesce(stakeholder_id, 0) FROM comm_recipient WHERE comm_id = 1 ORDER BY coalesce(person_id, 99)" | tr '|\n' ' ,' | sed 's/,$//')"
expect_eq "all in state sent" "5" "$(sql "SELECT count(*) FROM comm_recipient WHERE state = 'sent'")"
expect_eq "comm 1 is sent" 1 "$(sql 'SELECT sent FROM comm WHERE id = 1')"
before=$(alldigest)
t comm send 1
expect_rc "sending twice exits 5" 5
expect_contains "sending twice says so" "$ERR" "communication 1 was sent already"
t comm audience 1 --person 1
expect_rc "audience after sending exits 5" 5
expect_contains "audience after sending says so" "$ERR" "its audience is fixed"
t comm rm 1
expect_rc "removing a sent comm exits 5" 5
# a person moved after sending keeps the unit they had then
t person set 5 --unit 3
expect_eq "a move after sending keeps the recipient's unit" 2 \
	"$(sql 'SELECT unit_id FROM comm_recipient WHERE comm_id = 1 AND person_id = 5')"
t person set 5 --unit 2
expect_eq "nothing refused wrote anything" "$before" "$(alldigest)"

# --- states -----------------------------------------------------------------

before=$(alldigest)
t comm ack 1 --person 2 --state sent
expect_rc "state sent is not for people to set: exits 3" 3
expect_contains "a bad state names --state" "$ERR" "--state: must be one of"
t comm ack 1 --person 2 --state happy
expect_rc "an unknown state exits 3" 3
t comm ack 1 --person 1 --state reached
expect_rc "acking a comm one did not receive exits 4" 4
expect_contains "acking a comm one did not receive says so" "$ERR" "person 1 did not receive communication 1"
t comm ack 2 --person 2 --state reached
expect_rc "acking an unsent comm exits 4" 4
t comm ack 1 --stakeholder 2 --state reached
expect_rc "a stakeholder not in the audience exits 4" 4
t comm ack 1 --state reached
expect_rc "no person nor stakeholder exits 3" 3
t comm ack 9 --person 2 --state reached
expect_rc "an unknown comm exits 4" 4
expect_eq "no refused ack wrote anything" "$before" "$(alldigest)"

t comm ack 1 --person 2 --state reached
expect_rc "ack reached" 0
expect_eq "ack prints it" "comm 1: person 2 reached" "$OUT"
t comm ack 1 --person 2 --state understood
t comm ack 1 --person 3 --state committed
t comm ack 1 --person 4 --state disagrees --comment "too fast for Sales"
t comm ack 1 --stakeholder 1 --state reached
expect_rc "a stakeholder's state" 0
expect_eq "states and comments" "2|understood|
3|committed|
4|disagrees|too fast for Sales
5|sent|
0|reached|" "$(sql "SELECT coalesce(person_id, 0), state, comment FROM comm_recipient WHERE comm_id = 1 ORDER BY coalesce(person_id, 99)")"

# --- coverage -----------------------------------------------------------------
# all: 5 = Eve sent, Acme reached, Ben understood, Cat committed, Dan disagrees
# Root (1) rolls up the 4 people (the stakeholder has no unit):
#   4 = 1 sent, 0 reached, 1 understood, 1 committed, 1 disagrees
# Ops (2) = Ops + Floor: Ben, Eve, Cat: 3 = 1 sent, 1 understood, 1 committed
# Floor (4): Cat committed; Sales (3): Dan disagrees
t comm coverage 1 --json
expect_rc "comm coverage" 0
expect_eq "coverage of all" "5 1 1 1 1 1" "$(jqo '"\(.total) \(.sent) \(.reached) \(.understood) \(.committed) \(.disagrees)"')"
expect_eq "coverage per unit, rolled up" "1 4 1 0 1 1 1
2 3 1 0 1 1 0
4 1 0 0 0 1 0
3 1 0 0 0 0 1" "$(jqo '.units[] | "\(.unit_id) \(.total) \(.sent) \(.reached) \(.understood) \(.committed) \(.disagrees)"')"
t comm coverage 1 --unit 2 --json
expect_eq "coverage of Ops' subtree" "3 1 0 1 1 0" "$(jqo '"\(.total) \(.sent) \(.reached) \(.understood) \(.committed) \(.disagrees)"')"
expect_eq "only the units under Ops" "2 4" "$(jqo '[.units[].unit_id] | join(" ")' | tr -d '"')"
t comm coverage 1 --unit 9
expect_rc "coverage of an unknown unit exits 4" 4
t comm coverage 9
expect_rc "coverage of an unknown comm exits 4" 4
t comm coverage 1
expect_contains "coverage text" "$OUT" "all 5: 1 not reached, 1 reached, 1 understood, 1 committed, 1 disagree"
# reach: only comm 1 (of the vision) is sent; comm 2 (of the strategy) is not
t comm reach --vision 1 --json
expect_eq "reach of the vision is comm 1's" "5 1 1 1 1 1" "$(jqo '"\(.total) \(.sent) \(.reached) \(.understood) \(.committed) \(.disagrees)"')"
t comm reach --strategy 1 --json
expect_eq "an unsent comm reaches no one" "0 0" "$(jqo '"\(.total) \(.units | length)"')"
t comm reach --vision 1 --unit 2 --json
expect_eq "reach of the vision in Ops' subtree" "3 1 1 0" "$(jqo '"\(.total) \(.sent) \(.committed) \(.reached)"')"
t comm reach --vision 1 --strategy 1
expect_rc "a vision and a strategy at once exits 3" 3
t comm unreached 1 --json
expect_eq "unreached: Eve" "1 5 Eve Ops" "$(jqo '"\(.count) \(.items[0].person_id) \(.items[0].name) \(.items[0].unit)"')"
t comm unreached 1 --unit 3 --json
expect_eq "none unreached in Sales" 0 "$(jqo .count)"

# --- commitments and say-do ------------------------------------------------
before=$(alldigest)
t comm promise 1 --text ""
expect_rc "an empty promise exits 3" 3
t comm promise 1
expect_rc "no text exits 3" 3
t comm promise 9 --text x
expect_rc "a promise on an unknown comm exits 4" 4
t comm promise 1 --text x --due 2026-02-30
expect_rc "a bad due day exits 3" 3
expect_eq "no refused promise wrote anything" "$before" "$(alldigest)"
t comm promise 1 --text "Open a second line" --due 2020-01-01
expect_rc "promise" 0
expect_eq "promise prints the id" "commitment 1 added" "$OUT"
t comm promise 1 --text "Hire three people" --due 2099-01-01
t comm promise 1 --text "Publish the plan"
t comm promise 1 --text "Fix the ERP"
t comm promise 2 --text "Weekly updates"
t commitment set 3 --status kept
expect_rc "commitment kept" 0
expect_eq "kept closes it today" "kept|$(date -u +%F)" "$(sql 'SELECT status, closed FROM commitment WHERE id = 3')"
t commitment set 4 --status broken
t commitment set 9 --status kept
expect_rc "an unknown commitment exits 4" 4
t commitment set 4 --status maybe
expect_rc "an unknown status exits 3" 3
# Ann: kept 1, broken 1 -> 50%; open 2 (1, 2), overdue 1 (due 2020-01-01)
t comm sender 1 --json
expect_eq "Ann's say-do" "1 1 2 1 50" "$(jqo '"\(.kept) \(.broken) \(.open) \(.overdue) \(.say_do_percent)"')"
# reopening clears closed; then kept 2 of 3 closed = 66.7% -> 67
t commitment set 4 --status open
expect_eq "reopening clears closed" "open|" "$(sql 'SELECT status, closed FROM commitment WHERE id = 4')"
t commitment set 4 --status broken
t commitment set 1 --status kept
t comm sender 1 --json
expect_eq "Ann's say-do after one more kept" "2 1 1 0 67" "$(jqo '"\(.kept) \(.broken) \(.open) \(.overdue) \(.say_do_percent)"')"
# Ben sent comm 2: one open, nothing closed -> no ratio
t comm sender 2 --json
expect_eq "Ben's say-do has no ratio yet" "0 0 1 0 null" "$(jqo '"\(.kept) \(.broken) \(.open) \(.overdue) \(.say_do_percent)"')"
t comm sender 9
expect_rc "an unknown sender exits 4" 4

# --- show, list, rm --------------------------------------------------------
t comm show 1 --json
expect_eq "comm show --json" "Town hall 4 5 4 67" \
	"$(jqo '"\(.title) \(.audience | length) \(.coverage.total) \(.commitments | length) \(.sender_say_do.say_do_percent)"')"
t comm show 1
expect_contains "comm show prints the sender's record" "$OUT" "say-do 67%"
t comm list --unit 2 --json
expect_eq "comm list --unit" "1 2" "$(jqo '"\(.count) \(.items[0].id)"')"
t comm list --vision 1 --json
expect_eq "comm list --vision" "1 1" "$(jqo '"\(.count) \(.items[0].id)"')"
t stakeholder rm 1
expect_rc "removing a stakeholder who received a comm exits 5" 5
t comm add Draft --channel document --day 2026-03-04 --unit 3
t comm audience 3 --person 4
t comm promise 3 --text "nothing"
t comm rm 3
expect_rc "comm rm of an unsent comm" 0
expect_eq "comm rm removed it, its audience and its commitments" "0 0 0" \
	"$(sql 'SELECT (SELECT count(*) FROM comm WHERE id = 3), (SELECT count(*) FROM comm_audience WHERE comm_id = 3), (SELECT count(*) FROM commitment WHERE comm_id = 3)' | tr '|' ' ')"
t comm rm 3
expect_rc "comm rm twice exits 4" 4

finish
