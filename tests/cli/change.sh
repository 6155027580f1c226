#!/usr/bin/env bash
# tests/cli/change.sh: change initiatives (change add/list/show/set/rm,
# link/unlink, obstacle add/resolve/rm, win add/rm, anchor add/rm,
# volunteer/unvolunteer, advance): each of the eight steps' evidence met
# and unmet with the numbers worked by hand below, the advance refused
# with what is missing (nothing written) and then made, an admin's
# override recorded and shown, recognitions of a win (recognition add
# --win), and every refusal leaving the database as it was.
source "$(dirname "$0")/../lib.sh"

digest() { dbsum "$DB"; }
day() { date -u -d "$1 days" +%F; }
TODAY=$(day 0)
# item KEY: "met" or "unmet" for evidence item KEY of initiative $INIT as
# of ${ASOF:-today}, from show --json
item() {
	local asof=()
	[ -n "${ASOF:-}" ] && asof=(--as-of "$ASOF")
	"$TANDEM" --db "$DB" change show "$INIT" "${asof[@]}" --json |
		jq -r --arg k "$1" '.evidence.items[] | select(.key == $k) | if .met then "met" else "unmet" end'
}
why() {
	local asof=()
	[ -n "${ASOF:-}" ] && asof=(--as-of "$ASOF")
	"$TANDEM" --db "$DB" change show "$INIT" "${asof[@]}" --json |
		jq -r --arg k "$1" '.evidence.items[] | select(.key == $k) | .why'
}

# The organization: Root (1) with A (2) and B (3); A1 (4) under A.
# Ann (1) in Root, Ben (2) and Cat (3) in A, Dan (4) and Fay (6) in B,
# Eve (5) in A1.
t unit add Root
t unit add A --parent 1
t unit add B --parent 1
t unit add A1 --parent 2
t person add Ann --email ann@t.test --unit 1
t person add Ben --email ben@t.test --unit 2 --manager 1
t person add Cat --email cat@t.test --unit 2 --manager 2
t person add Dan --email dan@t.test --unit 3 --manager 1
t person add Eve --email eve@t.test --unit 4 --manager 2
t person add Fay --email fay@t.test --unit 3 --manager 4
expect_eq "setup: 4 units, 6 people" "4|6" \
	"$(sql 'SELECT (SELECT count(*) FROM unit), (SELECT count(*) FROM person)')"

# --- add, list, show ---------------------------------------------------------
before=$(digest)
t change add "No sponsor"
expect_rc "a sponsor is required (exit 3)" 3
expect_contains "it names --sponsor" "$ERR" "--sponsor"
t change add "Bad sponsor" --sponsor 9
expect_rc "an unknown sponsor exits 4" 4
t change add "Bad unit" --sponsor 1 --unit 9
expect_rc "an unknown unit exits 4" 4
t change add "Bad coalition" --sponsor 1 --coalition 9
expect_rc "an unknown coalition exits 4" 4
t change add "Bad pulse" --sponsor 1 --pulse 9
expect_rc "an unknown pulse exits 4" 4
t change add "" --sponsor 1
expect_rc "an empty name exits 3" 3
t change add "Bad day" --sponsor 1 --started 2026-02-30
expect_rc "a bad day exits 3" 3
expect_eq "no refused add wrote anything" "$before" "$(digest)"

t change add "Go digital" --sponsor 1 --started "$(day -100)" --description "Paper out"
expect_rc "change add" 0
expect_eq "change add says where it starts" "initiative 1 added at step 1 (Urgency)" "$OUT"
expect_eq "stored: step 1, active, no unit" "Go digital|1|active||$(day -100)" \
	"$(sql 'SELECT name, step, status, unit_id, started FROM initiative WHERE id = 1')"
expect_eq "step 1 reached on the day it started" "1|$(day -100)|" \
	"$(sql 'SELECT step, reached, override_reason FROM initiative_step WHERE initiative_id = 1')"
INIT=1
t change show 1 --json
expect_eq "show: 100 days in step 1" "100|Urgency" "$(jqo '"\(.days_in_step)|\(.step_name)"')"
expect_eq "show: 14 evidence items over the eight steps" "14|1,1,2,2,3,3,4,5,5,6,6,7,8,8" \
	"$(jqo '"\(.evidence.items | length)|\([.evidence.items[].step] | map(tostring) | join(","))"')"
t change add "Team tidy" --sponsor 2 --unit 2
expect_rc "a unit's initiative" 0
t change list
expect_rc "change list" 0
expect_contains "list shows the step with its name" "$OUT" "1 Urgency"
expect_contains "list has a blocked-by column" "$OUT" "BLOCKED BY"
t change list --unit 4 --json
# A1's subtree holds no initiative; the organization's (1) is listed too
expect_eq "list --unit: the subtree's and the organization's" "1" "$(jqo '[.items[].id] | join(",")')"
t change list --unit 2 --json
expect_eq "list --unit 2: its own and the organization's" "1,2" "$(jqo '[.items[].id] | sort | join(",")')"
t change list --step 2 --json
expect_eq "list --step 2: none yet" "0" "$(jqo '.count')"
t change list --status done --json
expect_eq "list --status done: none" "0" "$(jqo '.count')"
t change list --step 9
expect_rc "list --step 9 exits 3" 3

# --- set, rm ----------------------------------------------------------------
before=$(digest)
t change set 2 --status finished
expect_rc "an unknown status exits 3" 3
t change set 2 --sponsor 9
expect_rc "an unknown sponsor exits 4" 4
t change set 9 --name X
expect_rc "an unknown initiative exits 4" 4
expect_eq "no refused set wrote anything" "$before" "$(digest)"
t change set 2 --name "Tidy team" --unit none --status stopped
expect_rc "change set" 0
expect_eq "set: name, unit cleared, status" "Tidy team||stopped" \
	"$(sql 'SELECT name, unit_id, status FROM initiative WHERE id = 2')"

# --- links ------------------------------------------------------------------
before=$(digest)
t change link 1
expect_rc "link with nothing to link exits 3" 3
t change link 1 --unit 9
expect_rc "an unknown unit exits 4" 4
t change link 1 --signal 9
expect_rc "an unknown signal exits 4" 4
t change link 9 --unit 2
expect_rc "an unknown initiative exits 4" 4
t change unlink 1 --unit 2
expect_rc "unlinking what is not linked exits 4" 4
expect_eq "no refused link wrote anything" "$before" "$(digest)"
t change link 1 --unit 2 --unit 3
expect_rc "a flag given twice is refused" 2
t change link 1 --unit 2
expect_rc "link a unit" 0
t change link 1 --unit 3
t change link 1 --unit 4
t change link 1 --unit 2
expect_rc "a second link exits 5" 5
# affected: A, B and A1, but A1 lies under A: A and B
t change show 1 --json
expect_eq "the affected units leave out a unit under another" "A,B" \
	"$(jqo '[.affected_units[].name] | join(",")')"
expect_eq "the linked units are all three" "A,A1,B" "$(jqo '[.links.units[].name] | join(",")')"
t change unlink 1 --unit 4
expect_rc "unlink" 0
expect_eq "unlinked" "2,3" "$(sql 'SELECT unit_id FROM initiative_unit WHERE initiative_id = 1 ORDER BY unit_id' | join_lines ,)"

# --- step 1: urgency ----------------------------------------------------------
# Signals: S1 3x4 = 12 ten days ago (unit A); S2 2x2 = 4 four hundred days
# ago (outside the 365 days); S3 1x3 = 3 twenty days ago, in theme T1 with
# S1. Linked S1 and S2: pressure 12 (S2 too old) < 15: unmet. With T1
# linked too: S1 and S3 = 12 + 3 = 15 >= 15: met (S1 counted once).
t signal add "Rivals go online" --category competitor --kind threat --impact 3 --likelihood 4 --unit 2 --day "$(day -10)"
t signal add "Old news" --category market --kind threat --impact 2 --likelihood 2 --unit 2 --day "$(day -400)"
t theme add "Online"
t signal add "Customers ask" --category customer --kind opportunity --impact 1 --likelihood 3 --unit 3 --day "$(day -20)" --theme 1
t theme tag 1 --signal 1
expect_eq "setup: three signals, S1 and S3 in T1" "1,3" "$(sql 'SELECT signal_id FROM signal_theme ORDER BY signal_id' | join_lines ,)"
expect_eq "no signal linked: urgency unmet" "unmet" "$(item urgency_pressure)"
t change link 1 --signal 1 --signal 2
expect_rc "a repeated flag is refused" 2
t change link 1 --signal 1
t change link 1 --signal 2
expect_eq "pressure 12 < 15: unmet" "unmet" "$(item urgency_pressure)"
expect_contains "the why has the numbers" "$(why urgency_pressure)" "pressure 12 from 1 signal"
t change link 1 --theme 1
expect_eq "with the theme: 12 + 3 = 15: met" "met" "$(item urgency_pressure)"
expect_contains "S1 counted once" "$(why urgency_pressure)" "pressure 15 from 2 signals"
# as of 15 days ago S1 (10 days ago) did not exist yet: S3 alone, 3
ASOF=$(day -15)
expect_contains "as of 15 days ago: pressure 3" "$(why urgency_pressure)" "pressure 3 from 1 signal"
ASOF=
expect_eq "no pulse linked: the pulse item is not required" "met" "$(item urgency_pulse)"
expect_contains "and says so" "$(why urgency_pulse)" "not run"

# --- advance refused, with what is missing ----------------------------------
# From step 1 the advance needs step 1's items and step 2's (no coalition).
before=$(digest)
t change advance 1
expect_rc "advance without the evidence exits 5" 5
expect_contains "stderr lists the coalition's coverage" "$ERR" "missing: step 2 the coalition covers every affected unit: no coalition named"
expect_contains "and its attributes, one line each" "$ERR" "missing: step 2 the coalition has all four attributes: no coalition named"
expect_eq "two missing lines" 2 "$(grep -c '^missing:' "$TMP/err")"
expect_eq "the refused advance wrote nothing" "$before" "$(digest)"
t change advance 1 --override ""
expect_rc "an empty override reason exits 3" 3
expect_eq "nor did the empty override" "$before" "$(digest)"

# --- step 2: the coalition -------------------------------------------------------
# Coalition 1 with Ben (A: power, expertise): covers A, not B; lacks
# credibility and leadership. With Dan (B: credibility, leadership) it
# covers both and has all four.
t coalition add "Digital team" --unit 1
t coalition join 1 --person 2 --position-power --expertise
t change set 1 --coalition 1
expect_eq "covers 1 of 2: unmet" "unmet" "$(item coalition_covers)"
expect_eq "the why names B" "covers 1 of 2 affected units; not B" "$(why coalition_covers)"
expect_eq "attributes: unmet" "1 member; missing credibility, leadership" "$(why coalition_attributes)"
t coalition join 1 --person 4 --credibility --leadership
expect_eq "covers both: met" "met" "$(item coalition_covers)"
expect_eq "all four attributes: met" "met" "$(item coalition_attributes)"

t change advance 1
expect_rc "advance with the evidence" 0
expect_eq "advance says where" "initiative 1 advanced to step 2 (Guiding coalition)" "$OUT"
expect_eq "step 2 reached today, no override" "2|$TODAY||" \
	"$(sql "SELECT i.step, s.reached, s.override_reason, s.override_by FROM initiative i JOIN initiative_step s ON s.initiative_id = i.id AND s.step = 2 WHERE i.id = 1")"

# --- step 3: vision and strategy -----------------------------------------------
sql "INSERT INTO strategy (name, unit_id) VALUES ('Online shop', 1)" >/dev/null
t plan add "Shop build" --unit 2 --start-date "$(day -30)"
before=$(digest)
t change advance 1
expect_rc "no strategy: exit 5" 5
expect_contains "at least one strategy" "$ERR" "missing: step 3 at least one strategy linked: 0 strategies linked"
expect_eq "nothing written" "$before" "$(digest)"
t change link 1 --strategy 1
expect_eq "a strategy linked: met" "met" "$(item strategy_linked)"
expect_eq "no plan carries it: unmet" "0 of 1 linked strategy with a plan" "$(why strategy_plan)"
t strategy link 1 --plan 1
expect_eq "a plan carries it: met" "met" "$(item strategy_plan)"
t change advance 1
expect_rc "advance to 3" 0

# --- step 4: communicated ------------------------------------------------------
# A communication to everyone (Root): 6 recipients, of whom the affected
# (A, A1, B subtrees) are Ben, Cat, Eve, Dan, Fay: 5. Ann (Root) commits
# but is not affected. Ann, Ben, Cat committed: 2 of 5 = 40 % < 60 %.
# Dan too: 3 of 5 = 60 % >= 60 %.
t comm add "Going digital" --channel email --day "$(day -5)" --sender 1 --unit 1
t comm audience 1 --unit 1
t change link 1 --comm 1
expect_eq "an unsent communication does not count" "unmet" "$(item communicated)"
t comm send 1
for p in 1 2 3; do t comm ack 1 --person $p --state committed; done
expect_eq "2 of 5 affected committed: unmet" "\"Going digital\" ($(day -5)): 2 of 5 affected people committed (40 %), needs 60 %" "$(why communicated)"
t comm ack 1 --person 4 --state committed
expect_eq "3 of 5 (60 %): met" "met" "$(item communicated)"
expect_contains "the why" "$(why communicated)" "3 of 5 affected people committed (60 %), needs 60 %"
# the share is a setting: at 61 % the same 3 of 5 fall short
sql "INSERT INTO setting (key, value) VALUES ('change.commit_share', '61')" >/dev/null
expect_eq "commit_share 61: unmet" "unmet" "$(item communicated)"
sql "DELETE FROM setting WHERE key = 'change.commit_share'" >/dev/null
t change advance 1
expect_rc "advance to 4" 0

# --- step 5: obstacles ----------------------------------------------------------
# none: both unmet; three logged, one resolved: 1 of 3 = 33 % < 60 %; two
# resolved: 2 of 3 = 67 % >= 60 %.
expect_eq "no obstacle: unmet" "unmet" "$(item obstacles_logged)"
before=$(digest)
t change obstacle add 1
expect_rc "an obstacle needs a title" 3
t change obstacle add 1 --title "X" --owner 9
expect_rc "an unknown owner exits 4" 4
t change obstacle add 9 --title "X"
expect_rc "an unknown initiative exits 4" 4
expect_eq "no refused obstacle wrote anything" "$before" "$(digest)"
t change obstacle add 1 --title "Old printers" --owner 2 --opened "$(day -40)"
expect_rc "obstacle add" 0
expect_eq "obstacle add says" "obstacle 1 added to initiative 1" "$OUT"
t change obstacle add 1 --title "No budget" --opened "$(day -30)"
t change obstacle add 1 --title "Fear of change" --opened "$(day -20)"
expect_eq "logged: met" "met" "$(item obstacles_logged)"
before=$(digest)
t change obstacle resolve 1 --day "$(day -41)"
expect_rc "resolved before it was opened exits 3" 3
t change obstacle resolve 9
expect_rc "an unknown obstacle exits 4" 4
expect_eq "no refused resolve wrote anything" "$before" "$(digest)"
t change obstacle resolve 1 --day "$(day -10)"
expect_rc "resolve" 0
t change obstacle resolve 1
expect_rc "a second resolve exits 5" 5
expect_eq "1 of 3: unmet" "1 of 3 obstacles resolved (33 %), needs 60 %" "$(why obstacles_resolved)"
t change obstacle resolve 2
expect_eq "2 of 3 (67 %): met" "2 of 3 obstacles resolved (67 %), needs 60 %" "$(why obstacles_resolved)"
ASOF=$(day -15)
# as of 15 days ago: obstacle 1 (resolved 10 days ago) was still open
expect_eq "as of 15 days ago: 0 of 3" "0 of 3 obstacles resolved (0 %), needs 60 %" "$(why obstacles_resolved)"
ASOF=
t change advance 1
expect_rc "advance to 5" 0

# --- step 6: wins and their recognition ----------------------------------------
before=$(digest)
t change win add 1 --title "First online order"
expect_rc "a win needs a day" 3
t change win add 1 --day "$(day -8)"
expect_rc "a win needs a title" 3
expect_eq "no refused win wrote anything" "$before" "$(digest)"
t change win add 1 --title "First online order" --day "$(day -8)" --note "From a new customer"
expect_rc "win add" 0
expect_eq "a win: met" "met" "$(item win_recorded)"
expect_eq "not recognized: unmet" "0 of 1 win recognized" "$(why win_recognized)"
t value add "Customers first"
before=$(digest)
t recognition add --from 1 --to 2 --value 1 --message "Shipped it" --win 9
expect_rc "recognition of an unknown win exits 4" 4
expect_eq "nothing written" "$before" "$(digest)"
t recognition add --from 1 --to 2 --value 1 --message "Shipped it" --win 1 --day "$(day -7)"
expect_rc "recognition add --win" 0
expect_eq "the recognition celebrates win 1" "1" "$(sql 'SELECT win_id FROM recognition')"
expect_eq "recognized: met" "met" "$(item win_recognized)"
t change advance 1
expect_rc "advance to 6" 0

# --- step 7: plans started after the first win ------------------------------------
# The first win is 8 days ago; plan 1 started 30 days ago (before it);
# plan 2 starts 3 days ago (after): met once linked and active.
t change link 1 --plan 1
expect_eq "a plan started before the first win: unmet" "0 of 1 linked plan started after the first win ($(day -8))" "$(why plans_after_win)"
t plan add "Shop phase 2" --unit 2 --start-date "$(day -3)"
t change link 1 --plan 2
expect_eq "a draft plan does not count" "unmet" "$(item plans_after_win)"
sql "UPDATE plan SET status = 'active' WHERE id = 2" >/dev/null
expect_eq "an active plan after the win: met" "1 of 2 linked plans started after the first win ($(day -8))" "$(why plans_after_win)"
t change advance 1
expect_rc "advance to 7" 0

# --- step 8: anchored -----------------------------------------------------------
before=$(digest)
t change anchor add 1 --kind value --text "We ask customers first"
expect_rc "an anchor of kind value names the value" 3
t change anchor add 1 --kind practice --value 1 --text "X"
expect_rc "a practice names no value" 3
t change anchor add 1 --kind habit --text "X"
expect_rc "an unknown kind exits 3" 3
t change anchor add 1 --kind value --value 9 --text "X"
expect_rc "an unknown value exits 4" 4
expect_eq "no refused anchor wrote anything" "$before" "$(digest)"
t change advance 1
expect_rc "no anchor: exit 5" 5
expect_contains "the anchor is missing" "$ERR" "missing: step 8 a value or practice recorded as changed: 0 anchors recorded"
t change anchor add 1 --kind value --value 1 --text "Customer calls start every review"
expect_rc "anchor add" 0
expect_eq "an anchor: met" "met" "$(item anchor_recorded)"
# alignment sustained: the communication of 5 days ago lies within 180
# days today; as of 200 days from now it does not
expect_eq "alignment sustained today" "met" "$(item alignment_sustained)"
ASOF=$(day 200)
expect_contains "200 days on: unmet" "$(why alignment_sustained)" "within 180 days: no sent communication"
ASOF=
t change advance 1
expect_rc "advance to 8" 0
t change advance 1
expect_rc "beyond step 8 exits 5" 5
expect_contains "and says so" "$ERR" "already at step 8"

# --- the override ------------------------------------------------------------
# Initiative 3 in unit A: nothing linked, so it affects A; no coalition.
t change add "Quick win" --sponsor 2 --unit 2
before=$(digest)
t change advance 3
expect_rc "advance 3 refused" 5
expect_eq "nothing written" "$before" "$(digest)"
t change advance 3 --override "The board asked for it"
expect_rc "an admin's override advances" 0
expect_contains "the override is reported" "$OUT" "overridden by cli:"
expect_eq "the override is recorded with its reason and who" "2|The board asked for it|cli:${USER:-?}" \
	"$(sql 'SELECT step, override_reason, override_by FROM initiative_step WHERE initiative_id = 3 AND step = 2')"
t change show 3
expect_contains "show shows the override in the history" "$OUT" "overridden by cli:${USER:-?}: The board asked for it"
t change show 3 --json
expect_eq "show --json history" "The board asked for it" "$(jqo '.links.steps[1].override_reason')"
expect_eq "blocked by the first missing item of step 3" "at least one strategy linked" "$(jqo '.blocked_by')"
# a stopped initiative does not advance
before=$(digest)
t change advance 2
expect_rc "a stopped initiative exits 5" 5
expect_eq "nothing written" "$before" "$(digest)"

# --- the urgency pulse --------------------------------------------------------
# Initiative 3 affects A (its unit, nothing linked). Pulse 1 run by A
# (min group 3) asks Ben, Cat (A) and Eve (A1): first answers 4, 3, 4:
# mean 11/3 = 3.67 >= 3.5: met. Pulse 2 with 2, 3, 4: mean 3.00 < 3.5.
# Pulse 3 with min group 5: A's group of 3 is suppressed: no result.
INIT=3
for p in 1 2 3; do
	min=3
	[ $p = 3 ] && min=5
	t pulse add "Pulse $p" --unit 2 --min-group $min
	t pulse question $p --text "We must change now" --scale 1-5
	t pulse send $p --to-unit 2
	expect_rc "pulse $p sent" 0
done
t pulse answer 1 --person 2 --answers 4
t pulse answer 1 --person 3 --answers 3
t pulse answer 1 --person 5 --answers 4
t pulse answer 2 --person 2 --answers 2
t pulse answer 2 --person 3 --answers 3
t pulse answer 2 --person 5 --answers 4
for p in 2 3 5; do t pulse answer 3 --person $p --answers 5; done
t change set 3 --pulse 1
expect_eq "mean 3.67: met" "met" "$(item urgency_pulse)"
expect_contains "the why" "$(why urgency_pulse)" "mean 3.67 of 5 over 3 answers in 1 affected unit"
t change set 3 --pulse 2
expect_eq "mean 3.00: unmet" "unmet" "$(item urgency_pulse)"
expect_contains "the why" "$(why urgency_pulse)" "mean 3.00 of 5"
t change set 3 --pulse 3
expect_eq "suppressed: unmet" "unmet" "$(item urgency_pulse)"
expect_contains "the why says why" "$(why urgency_pulse)" "no results shown for the affected units (1 group below"
# Pulse 4 asks on a 0-10 scale: the level doubles to 7.0. Answers 8, 7,
# 6: mean 21/3 = 7.00 >= 7.0: met.
t pulse add "Pulse 4" --unit 2 --min-group 3
t pulse question 4 --text "How urgent, 0-10" --scale 0-10
t pulse send 4 --to-unit 2
t pulse answer 4 --person 2 --answers 8
t pulse answer 4 --person 3 --answers 7
t pulse answer 4 --person 5 --answers 6
t change set 3 --pulse 4
expect_eq "0-10: mean 7.00 against 7.0: met" "met" "$(item urgency_pulse)"
expect_contains "the why says of 10" "$(why urgency_pulse)" "mean 7.00 of 10 over 3 answers in 1 affected unit (0 suppressed), needs 7.0"
t change set 3 --pulse none
expect_eq "no pulse again: not required" "met" "$(item urgency_pulse)"

# --- volunteers ---------------------------------------------------------------
before=$(digest)
t change volunteer 1
expect_rc "a volunteer needs --person" 3
t change volunteer 1 --person 9
expect_rc "an unknown person exits 4" 4
t change unvolunteer 1 --person 6
expect_rc "not a volunteer exits 4" 4
expect_eq "no refused volunteer wrote anything" "$before" "$(digest)"
t change volunteer 1 --person 6 --role "tester"
expect_rc "volunteer" 0
t change volunteer 1 --person 5
t change volunteer 1 --person 6
expect_rc "a second time exits 5" 5
expect_eq "two volunteers from B and A1" "5|A1|,6|B|tester" \
	"$(sql 'SELECT v.person_id, u.name, v.role FROM volunteer v JOIN person p ON p.id = v.person_id JOIN unit u ON u.id = p.unit_id WHERE v.initiative_id = 1 ORDER BY v.person_id' | join_lines ,)"
t change unvolunteer 1 --person 5
expect_rc "unvolunteer" 0

# --- show, the whole record ------------------------------------------------------
INIT=1
t change show 1
expect_contains "show: the step" "$OUT" "step        8 Anchor in the culture"
expect_contains "show: the obstacles" "$OUT" "Old printers (owner Ben)"
expect_contains "show: the win with its recognition" "$OUT" "First online order (1 recognition)"
expect_contains "show: the anchor" "$OUT" "value Customers first: Customer calls start every review"
expect_contains "show: the volunteer" "$OUT" "Fay (6), B, joined $TODAY: tester"
t change show 1 --json
expect_eq "show --json: eight steps of history" "1,2,3,4,5,6,7,8" "$(jqo '[.links.steps[].step] | map(tostring) | join(",")')"
t change show 9
expect_rc "show of an unknown initiative exits 4" 4
t change show 1 --as-of 2026-13-01
expect_rc "a bad --as-of exits 3" 3

# --- removing parts and the initiative ---------------------------------------------
t change win rm 1
expect_rc "win rm" 0
expect_eq "the recognition stays, without the win" "1|" "$(sql 'SELECT count(*), max(win_id) FROM recognition')"
t change obstacle rm 3
expect_rc "obstacle rm" 0
t change anchor rm 1
expect_rc "anchor rm" 0
t change anchor rm 1
expect_rc "a second anchor rm exits 4" 4
t change rm 1
expect_rc "change rm" 0
expect_eq "nothing of initiative 1 is left" "0|0|0|0|0|0" \
	"$(sql 'SELECT (SELECT count(*) FROM initiative WHERE id = 1), (SELECT count(*) FROM initiative_step WHERE initiative_id = 1), (SELECT count(*) FROM initiative_unit WHERE initiative_id = 1), (SELECT count(*) FROM obstacle WHERE initiative_id = 1), (SELECT count(*) FROM volunteer WHERE initiative_id = 1), (SELECT count(*) FROM initiative_comm WHERE initiative_id = 1)')"
t change rm 1
expect_rc "a second rm exits 4" 4
expect_eq "no foreign key is broken" "" "$(fk_violations)"

finish
