#!/usr/bin/env bash
# tests/cli/pulse.sh: pulse surveys (pulse add/question/target/send/answer/
# results/trend/list/show/rm): answers stored as counts with nothing that
# links them to a person, comments rewritten in a random order, groups
# under the minimum suppressed (and the group that would reveal one by
# subtraction), the refusals writing nothing.
source "$(dirname "$0")/../lib.sh"

digest() {
	local out=
	for tb in "$@"; do out="$out$(sql "SELECT * FROM $tb ORDER BY 1, 2")"; done
	printf '%s' "$out" | sha256sum | cut -d' ' -f1
}
answers_digest() {
	digest pulse_responded pulse_count pulse_comment pulse_invite
}

# units 1 Org { 2 Eng { 4 Web }, 3 Ops }, 5 Other
t unit add Org
t unit add Eng --parent 1
t unit add Ops --parent 1
t unit add Web --parent 2
t unit add Other
# people 1-2 in Org, 3-5 in Eng, 6-9 in Web, 10-14 in Ops, 15 in Other
names=(Olga Oscar Ezra Emma Eli Wanda Wes Wynn Wim Pia Pete Paz Pim Pol Xena)
units=(1 1 2 2 2 4 4 4 4 3 3 3 3 3 5)
for i in "${!names[@]}"; do
	t person add "${names[$i]} Quill" --email "${names[$i],,}@p.test" --unit "${units[$i]}"
done
expect_eq "setup" "5|15" "$(sql 'SELECT (SELECT count(*) FROM unit), (SELECT count(*) FROM person)')"

# --- add: min_group at least 3 ------------------------------------------

before=$(digest pulse)
t pulse add "Too small" --unit 1 --min-group 2
expect_rc "min group 2 exits 3" 3
expect_contains "min group 2 says at least 3" "$ERR" "at least 3"
t pulse add "No unit"
expect_rc "no --unit exits 3" 3
t pulse add "Bad unit" --unit 99
expect_rc "an unknown unit exits 4" 4
t pulse add "Backwards" --unit 1 --opens 2026-02-01 --closes 2026-01-01
expect_rc "closes before opens exits 3" 3
expect_contains "closes before opens names --closes" "$ERR" "closes"
expect_eq "no refused add wrote anything" "$before" "$(digest pulse)"

t pulse add "Q1 pulse" --unit 1 --opens 2026-01-01
expect_rc "pulse add" 0
expect_eq "pulse add prints the id" "pulse 1 added" "$OUT"
expect_eq "min group defaults to 5" "5|0" "$(sql 'SELECT min_group, sent FROM pulse WHERE id = 1')"
t pulse add "Q2 pulse" --unit 1 --opens 2026-02-01 --min-group 3
t pulse add "Closed pulse" --unit 1 --opens 2020-01-01 --closes 2020-01-31
t pulse add "Comment order" --unit 1 --opens 2026-01-01 --min-group 3
t pulse add "Unsent" --unit 1 --opens 2026-01-01

# --- questions and sending -----------------------------------------------

t pulse question 1 --text "I know where we are going" --scale 1-5 --comments
expect_rc "pulse question" 0
expect_eq "question prints it" "question 1 added to pulse 1" "$OUT"
t pulse question 1 --text "Would you recommend us as a place to work" --scale 0-10
t pulse question 1 --text "x" --scale 1-7
expect_rc "an unknown scale exits 3" 3
expect_contains "an unknown scale names --scale" "$ERR" "--scale: must be one of"
t pulse question 2 --text "I know where we are going" --scale 1-5
t pulse question 3 --text "Closed?" --scale 1-5
t pulse question 4 --text "Anything else?" --scale 1-5 --comments
t pulse question 5 --text "Never sent" --scale 1-5

t pulse send 5
expect_rc "sending to no unit exits 3" 3
t pulse target 1 --unit 5
expect_rc "a unit outside the pulse's unit exits 3" 3
expect_contains "outside the pulse's unit is named" "$ERR" "not within the unit that runs the pulse"
t pulse add "Empty" --unit 1
t pulse send 6 --to-unit 1
expect_rc "sending with no question exits 3" 3
expect_contains "sending with no question says so" "$ERR" "no question"
expect_eq "a refused send invited no one" 0 "$(sql 'SELECT count(*) FROM pulse_invite')"
expect_eq "a refused send left the pulse unsent" 0 "$(sql 'SELECT sent FROM pulse WHERE id = 6')"
t pulse rm 6
expect_rc "an unsent pulse is removed" 0

t pulse target 1 --unit 1
expect_rc "pulse target" 0
t pulse send 1
expect_rc "pulse send" 0
# Org's subtree: 2 + 3 + 4 + 5 people; Xena (Other) is not asked
expect_eq "send invites the subtree" "pulse 1 sent to 14 people" "$OUT"
expect_eq "invites keep each person's unit" "1|2
2|3
3|5
4|4" "$(sql 'SELECT unit_id, count(*) FROM pulse_invite WHERE pulse_id = 1 GROUP BY unit_id ORDER BY 1')"
t pulse send 1
expect_rc "a second send exits 5" 5
t pulse question 1 --text "Late" --scale 1-5
expect_rc "a question after sending exits 5" 5
t pulse rm 1
expect_rc "a sent pulse is not removed" 5
for p in 2 3 4; do t pulse send $p --to-unit 1; done
expect_eq "all four sent" 4 "$(sql 'SELECT count(*) FROM pulse WHERE sent = 1')"

# --- answers --------------------------------------------------------------

t pulse answer 5 --person 1 --answers 5
expect_rc "answering an unsent pulse exits 5" 5
t pulse answer 1 --person 1 --answers 5,10 --comment "Clear goals"
expect_rc "pulse answer" 0
expect_eq "answer prints nothing personal" "answer to pulse 1 recorded" "$OUT"
# the answers, in this order (Q1, Q2; comments on Q1):
#   Olga 5,10 "Clear goals"; Ezra 4,9; Emma 3,6; Wanda 5,8 "More demos";
#   Wes 4,7; Wynn 2,0; Wim 4,9; Pia 3,5 "Fewer meetings"; Pete 3,9;
#   Paz 4,10; Pim 2,6; Pol 1,8. Oscar (Org) and Eli (Eng) do not answer.
t pulse answer 1 --person 3 --answers 4,9
t pulse answer 1 --person 4 --answers "3, 6"
t pulse answer 1 --person 6 --answers 5,8 --comment "More demos"
t pulse answer 1 --person 7 --answers 4,7
t pulse answer 1 --person 8 --answers 2,0
t pulse answer 1 --person 9 --answers 4,9
t pulse answer 1 --person 10 --answers 3,5 --comment "Fewer meetings"
t pulse answer 1 --person 11 --answers 3,9
t pulse answer 1 --person 12 --answers 4,10
t pulse answer 1 --person 13 --answers 2,6
t pulse answer 1 --person 14 --answers 1,8
expect_rc "the last answer" 0
expect_eq "12 responded" 12 "$(sql 'SELECT count(*) FROM pulse_responded WHERE pulse_id = 1')"

before=$(answers_digest)
t pulse answer 1 --person 1 --answers 1,1
expect_rc "a second answer exits 5" 5
expect_contains "a second answer says so" "$ERR" "already answered"
t pulse answer 1 --person 15 --answers 1,1
expect_rc "someone not asked exits 4" 4
t pulse answer 1 --person 2 --answers 5
expect_rc "too few answers exit 3" 3
expect_contains "too few answers name --answers" "$ERR" "--answers: this pulse has 2 questions"
t pulse answer 1 --person 2 --answers 6,5
expect_rc "6 on a 1-5 scale exits 3" 3
expect_contains "out of scale is explained" "$ERR" "question 1 takes 1 to 5 (got 6)"
t pulse answer 1 --person 2 --answers 5,11
expect_rc "11 on a 0-10 scale exits 3" 3
t pulse answer 1 --person 2 --answers 5,x
expect_rc "junk exits 3" 3
t pulse answer 2 --person 2 --answers 5 --comment "hi"
expect_rc "a comment where none is asked exits 3" 3
expect_contains "a comment where none is asked names --comment" "$ERR" "--comment: this pulse takes no comments"
t pulse answer 3 --person 2 --answers 5
expect_rc "an answer after closes exits 5" 5
expect_contains "an answer after closes says closed" "$ERR" "closed on 2020-01-31"
expect_eq "no refused answer wrote anything" "$before" "$(answers_digest)"

# --- anonymity: what the tables hold --------------------------------------

# No table of answers has a person column; pulse_responded has no answer.
if on_pg; then
	cols=$(sql "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_name IN ('pulse_count', 'pulse_comment', 'pulse_responded') ORDER BY 1")
else
	cols=$(for tb in pulse_count pulse_comment pulse_responded; do sql "SELECT '$tb.' || name FROM pragma_table_info('$tb')"; done | sort)
fi
expect_eq "answer tables hold no person; responded holds no answer" "pulse_comment.body
pulse_comment.question_id
pulse_comment.shuffle
pulse_comment.unit_id
pulse_count.n
pulse_count.question_id
pulse_count.unit_id
pulse_count.value
pulse_responded.person_id
pulse_responded.pulse_id" "$cols"
# Q1's counts by hand: Org 5; Eng 4,3; Web 5,4,2,4; Ops 3,3,4,2,1
expect_eq "Q1 counts per unit and value" "1|5|1
2|3|1
2|4|1
3|1|1
3|2|1
3|3|2
3|4|1
4|2|1
4|4|2
4|5|1" "$(sql 'SELECT unit_id, value, n FROM pulse_count WHERE question_id = 1 ORDER BY 1, 2')"
expect_eq "counts sum to the answers given" "12|12" \
	"$(sql 'SELECT (SELECT sum(n) FROM pulse_count WHERE question_id = 1), (SELECT sum(n) FROM pulse_count WHERE question_id = 2)')"

# comment order: 8 comments answered c1..c8; rewritten at each one, so
# neither the row order nor the shuffle key is the answering order (the
# chance that one is, by luck, is 1 in 8! = 40320)
cq=$(sql 'SELECT id FROM pulse_question WHERE pulse_id = 4')
for i in 1 2 3 4 5 6 7 8; do
	t pulse answer 4 --person "$((i + 2))" --answers 3 --comment "c$i"
done
expect_eq "8 comments" 8 "$(sql "SELECT count(*) FROM pulse_comment WHERE question_id = $cq")"
if on_pg; then rowcol=ctid; else rowcol=rowid; fi
by_row=$(sql "SELECT body FROM pulse_comment WHERE question_id = $cq ORDER BY $rowcol" | join_lines " ")
by_key=$(sql "SELECT body FROM pulse_comment WHERE question_id = $cq ORDER BY shuffle" | join_lines " ")
expect_eq "the comments are all there" "c1 c2 c3 c4 c5 c6 c7 c8" \
	"$(sql "SELECT body FROM pulse_comment WHERE question_id = $cq ORDER BY body" | join_lines " ")"
expect_eq "the row order holds all 8" 8 "$(printf '%s' "$by_row" | wc -w)"
if [ "$by_row" != "c1 c2 c3 c4 c5 c6 c7 c8" ]; then pass; else fail "row order is not the answering order" "$by_row"; fi
if [ "$by_key" != "c1 c2 c3 c4 c5 c6 c7 c8" ]; then pass; else fail "shuffle order is not the answering order" "$by_key"; fi
keys1=$(sql "SELECT shuffle FROM pulse_comment WHERE question_id = $cq ORDER BY body")
t pulse answer 4 --person 11 --answers 3 --comment "c9"
keys2=$(sql "SELECT shuffle FROM pulse_comment WHERE question_id = $cq AND body <> 'c9' ORDER BY body")
if [ "$keys1" != "$keys2" ]; then pass; else fail "a new comment rewrites every shuffle key"; fi

# --- results --------------------------------------------------------------

# Groups (respondents of invited): Org 12/14, Eng 6/7, Web 4/4, Ops 5/5.
# Web (4 < 5) is suppressed. Org minus Eng minus Ops would leave Olga
# alone (1 < 5), so Ops, the smallest shown group below Org, is suppressed
# too; Org minus Eng then leaves 6 people.
# Org Q1: 5,4,3,5,4,2,4,3,3,4,2,1 = 40 / 12 = 3.33; values 1:1 2:2 3:3 4:4 5:2
# Org Q2: 10,9,6,8,7,0,9,5,9,10,6,8 = 87 / 12 = 7.25 (0:1 5:1 6:2 7:1
#   8:2 9:3 10:2); promoters 5
#   (10,9,9,9,10), detractors 4 (6,0,5,6): eNPS 100 * 1 / 12 = 8
# Eng Q1: 4,3,5,4,2,4 = 22 / 6 = 3.67; Q2: 9,6,8,7,0,9 = 39 / 6 = 6.50,
#   promoters 2, detractors 2: eNPS 0
t pulse results 1 --json
expect_rc "results json" 0
expect_eq "groups: shown and respondents" "1 12 14 true
2 6 7 true
4 4 4 false
3 5 5 false" "$(jqo '.groups[] | "\(.unit_id) \(.responded) \(.invited) \(.shown)"')"
expect_eq "Org Q1 mean and distribution" "3.33 [1,2,3,4,2]" \
	"$(jqo '.groups[0].questions[0] | "\(.mean) \(.distribution | tojson)"')"
expect_eq "Org Q2 mean, eNPS and distribution" "7.25 8 [1,0,0,0,0,1,2,1,2,3,2]" \
	"$(jqo '.groups[0].questions[1] | "\(.mean) \(.enps) \(.distribution | tojson)"')"
expect_eq "Eng Q1 and Q2" "3.67 6.5 0" \
	"$(jqo '.groups[1].questions | "\(.[0].mean) \(.[1].mean) \(.[1].enps)"')"
expect_eq "suppressed groups carry no numbers" "null null" \
	"$(jqo '"\(.groups[2].questions) \(.groups[3].questions)"')"
expect_contains "Web's note" "$(jqo '.groups[2].note')" "fewer than 5 answered: not shown, to keep answers anonymous"
expect_contains "Ops's note" "$(jqo '.groups[3].note')" "would reveal"
expect_eq "comments of the whole group" "Clear goals|Fewer meetings|More demos" \
	"$(jqo '.questions[0].comments_given | sort | join("|")')"
t pulse results 1 --unit 2 --json
expect_eq "Eng's view: its comments only" "More demos" "$(jqo '.questions[0].comments_given | join("|")')"
# asked for by name, a group below the minimum is refused with the reason
t pulse results 1 --unit 4 --json
expect_rc "Web's results asked for: exits 5" 5
expect_contains "and says why" "$ERR" "Web's results are not shown, to keep answers anonymous: 4 of 4 answered"
expect_eq "and prints nothing" "" "$OUT"
t pulse results 1 --unit 3 --format csv
expect_rc "Ops (whose group would reveal Web's) is refused too, as CSV" 5
expect_contains "with its reason" "$ERR" "Ops's results are not shown"
t pulse results 1 --unit 5
expect_rc "a unit not asked exits 4" 4

t pulse results 1
expect_rc "results table" 0
expect_contains "table: answered count" "$OUT" "Q1 pulse (pulse 1): 12 of 14 answered"
expect_contains "table: Org Q1" "$OUT" "Org: 12 of 14 answered, mean 3.33, answers 1:1 2:2 3:3 4:4 5:2"
expect_contains "table: Org Q2" "$OUT" "mean 7.25, eNPS 8"
expect_contains "table: Web suppressed" "$OUT" "Web: 4 of 4 answered: fewer than 5 answered: not shown"
t pulse results 1 --format csv
expect_rc "results csv" 0
web=$(printf '%s\n' "$OUT" | grep '^4,Web,' | head -1)
expect_eq "csv: Web's row is empty but for the note" "4,Web,4,4,no,1,I know where we are going,1-5$(printf ',%.0s' {1..15})\"fewer than 5 answered: not shown, to keep answers anonymous\"" "$(printf '%s' "$web" | tr -d '\r')"
org=$(printf '%s\n' "$OUT" | grep '^1,Org,.*,2,Would' | tr -d '\r')
expect_eq "csv: Org's Q2 row" "1,Org,14,12,yes,2,Would you recommend us as a place to work,0-10,12,7.25,8,1,0,0,0,0,1,2,1,2,3,2," "$org"

# no output names a respondent
all=""
for args in "results 1" "results 1 --json" "results 1 --format csv" "results 1 --unit 2" \
	"show 1" "show 1 --json" "list" "list --json" "results 4 --json"; do
	t pulse $args
	all="$all$OUT"
done
leak=0
for n in "${names[@]}"; do
	case "$all" in *"$n"* | *"${n,,}@"*) leak=1; fail "no output names $n" ;; esac
done
[ $leak = 0 ] && pass

# --- a group of 5 is shown; of 4 is not ---------------------------------

t pulse add "Fives" --unit 3 --opens 2026-01-01
t pulse question 7 --text "Fine?" --scale 1-5
t pulse send 7 --to-unit 3
for p in 10 11 12 13; do t pulse answer 7 --person $p --answers 4; done
t pulse results 7 --json
expect_eq "4 of 5 answered: suppressed" "4 false null" "$(jqo '.groups[0] | "\(.responded) \(.shown) \(.questions)"')"
t pulse answer 7 --person 14 --answers 2
t pulse results 7 --json
# 4,4,4,4,2 = 18 / 5 = 3.60
expect_eq "5 of 5 answered: shown" "5 true 3.6" "$(jqo '.groups[0] | "\(.responded) \(.shown) \(.questions[0].mean)"')"

# --- suppression through a suppressed group -----------------------------

# min 3: Olga (Org), Wanda, Wes, Wynn (Web, so Eng = 3), Pia, Pete, Paz,
# Pim (Ops = 4): Org 8. Org minus Eng minus Ops leaves Olga: Eng, the
# smallest, goes. Org minus Web (now nearest shown below Org, through
# Eng) minus Ops still leaves Olga: Web goes too. Org minus Ops leaves 4.
t pulse add "Nested" --unit 1 --opens 2026-01-01 --min-group 3
nested=$(sql "SELECT id FROM pulse WHERE title = 'Nested'")
t pulse question "$nested" --text "Nested?" --scale 1-5
t pulse send "$nested" --to-unit 1
for p in 1 6 7 8 10 11 12 13; do t pulse answer "$nested" --person $p --answers 3; done
t pulse results "$nested" --json
expect_eq "nested suppression" "1 8 true
2 3 false
4 3 false
3 4 true" "$(jqo '.groups[] | "\(.unit_id) \(.responded) \(.shown)"')"
expect_contains "Eng's note says it would reveal a group" "$(jqo '.groups[1].note')" "would reveal"

# --- trend ----------------------------------------------------------------

# pulse 2 (opens 2026-02-01, min 3): Olga 4, Oscar 5, Ezra 3 = 12 / 3 = 4.00
t pulse answer 2 --person 1 --answers 4
t pulse answer 2 --person 2 --answers 5
t pulse answer 2 --person 3 --answers 3
t pulse trend --question-text "I know where we are going" --json
expect_rc "trend" 0
expect_eq "trend: Org over two pulses" "1 2026-01-01 3.33
2 2026-02-01 4" "$(jqo '.items[] | "\(.pulse_id) \(.opens) \(.mean)"')"
# Eng: 3.67 in pulse 1; in pulse 2 only Ezra answered there (1 < 3)
t pulse trend --question-text "I know where we are going" --unit 2 --json
expect_eq "trend: Eng, the second point suppressed" "1 true 3.67
2 false null" "$(jqo '.items[] | "\(.pulse_id) \(.shown) \(.mean)"')"
t pulse trend --question-text "I know where we are going"
expect_contains "trend table" "$OUT" "3.33"
t pulse trend
expect_rc "trend without a question exits 3" 3

# --- list, show, rm ------------------------------------------------------

t pulse list --json
expect_eq "list counts" "7" "$(jqo '.count')"
expect_eq "list: answered of invited" "12 14" "$(jqo '.items[] | select(.id == 1) | "\(.responded) \(.invited)"')"
t pulse show 1
expect_contains "show: answered" "$OUT" "answered  12 of 14"
t pulse show 99
expect_rc "show an unknown pulse exits 4" 4
t pulse rm 5
expect_rc "rm an unsent pulse" 0
expect_eq "rm removed its question" 0 "$(sql 'SELECT count(*) FROM pulse_question WHERE pulse_id = 5')"

# The audit log names the command, not what was answered: no values, no
# comment (the answer "5,10" with "Clear goals" above).
expect_eq "the audit keeps that person 1's answer happened, not its content" \
	"pulse answer|(the arguments are not kept)" \
	"$(sql "SELECT action, detail FROM audit WHERE action = 'pulse answer' ORDER BY id LIMIT 1")"
expect_eq "no audit record holds an answered comment" 0 \
	"$(sql "SELECT count(*) FROM audit WHERE detail LIKE '%Clear goals%' OR detail LIKE '%5,10%'")"

finish
