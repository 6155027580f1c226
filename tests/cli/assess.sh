#!/usr/bin/env bash
# tests/cli/assess.sh: the self-assessment and workshops from the CLI
# (assess items|take|show|unit|cohort|compare, workshop new|list|show|
# close|rm|join): hand-worked profiles and aggregates, the latest
# assessment counting, suppression below the group minimum (3 the
# floor), the subtraction rule, refusals that write nothing, no answer in
# the audit log, perception beside evidence against `tandem balance
# --json` read independently, and the interactive take on a terminal.
source "$(dirname "$0")/../lib.sh"

digest() { dbsum "$DB" assessment assessment_answer cohort cohort_member; }

# 1 Root ─┬─ 2 Eng   Ann 1, Ben 2, Cat 3, Dan 4, Eve 5
#         └─ 3 Ops   Fay 6, Gus 7
#  Root itself: Hal 8
t unit add Root
t unit add Eng --parent 1
t unit add Ops --parent 1
i=0
for spec in Ann:2 Ben:2 Cat:2 Dan:2 Eve:2 Fay:3 Gus:3 Hal:1; do
	i=$((i + 1))
	t person add "${spec%%:*}" --email "p$i@t.test" --unit "${spec#*:}"
done
expect_eq "setup" "3|8" "$(sql 'SELECT (SELECT count(*) FROM unit), (SELECT count(*) FROM person)')"

# --- items ----------------------------------------------------------------
t assess items --json
expect_rc "assess items" 0
expect_eq "24 items" 24 "$(jqo .count)"
expect_eq "four per process, in order" \
	"planning:4 staffing:4 controlling:4 direction:4 aligning:4 motivating:4" \
	"$(jqo '[.items | group_by(.process)[] | {p: .[0].process, n: length, first: .[0].item}] | sort_by(.first) | map("\(.p):\(.n)") | join(" ")')"
expect_eq "items 13-16 are direction" "13,14,15,16" \
	"$(jqo '[.items[] | select(.process == "direction") | .item] | map(tostring) | join(",")')"

# --- refusals: nothing written ----------------------------------------------
all() { printf "$1"'%.0s,' $(seq 1 23); printf '%s\n' "$1"; }	# 24 times $1
before=$(digest)
t assess take --person 1 --answers "$(all 3 | sed 's/,3$//')"
expect_rc "23 answers exit 3" 3
expect_contains "it says how many" "$ERR" "--answers: there are 24 items: give one value each (got 23)"
t assess take --person 1 --answers "$(all 3),4"
expect_rc "25 answers exit 3" 3
t assess take --person 1 --answers "3,3,3,3,3,3,9,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3"
expect_rc "a 9 exits 3" 3
expect_contains "it names the item" "$ERR" "--answers: item 7 takes 1 to 5 (got 9)"
t assess take --person 1 --answers "3,3,3,x,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3"
expect_rc "junk exits 3" 3
expect_contains "junk names the item" "$ERR" "item 4 is not a number"
t assess take --person 1 --answers "0,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3"
expect_contains "0 is refused" "$ERR" "item 1 takes 1 to 5 (got 0)"
t assess take --person 99 --answers "$(all 3)"
expect_rc "an unknown person exits 4" 4
t assess take --person 1 --cohort 9 --answers "$(all 3)"
expect_rc "an unknown cohort exits 4" 4
t assess take --person 1 </dev/null
expect_rc "no --answers and no terminal exits 3" 3
expect_contains "it says why" "$ERR" "--answers: is required when standard input is not a terminal"
expect_eq "no refused take wrote anything" "$before" "$(digest)"

# --- one person's profile -----------------------------------------------------
# Ann answers planning 5, staffing 4, controlling 3, direction 2,
# aligning 1, motivating 3 (each four times): means 5 4 3 2 1 3, scores
# (mean-1)/4*100 = 100 75 50 25 0 50.
ANN=5,5,5,5,4,4,4,4,3,3,3,3,2,2,2,2,1,1,1,1,3,3,3,3
t assess take --person 1 --answers $ANN
expect_rc "Ann takes it" 0
expect_contains "it says so" "$OUT" "self-assessment 1 recorded for person 1"
expect_eq "24 answers stored" "24|72" "$(sql 'SELECT count(*), sum(value) FROM assessment_answer')"
expect_eq "with her unit and today" "1|2||$(date -u +%F)" \
	"$(sql 'SELECT person_id, unit_id, cohort_id, day FROM assessment')"
t assess show --person 1 --json
expect_eq "Ann's means" "5 4 3 2 1 3" "$(jqo '[.profile.processes[].mean] | map(tostring) | join(" ")')"
expect_eq "Ann's scores" "100 75 50 25 0 50" "$(jqo '[.profile.processes[].score] | map(tostring) | join(" ")')"
expect_eq "her answers back" "$ANN" "$(jqo '[.profile.items[].answer] | map(tostring) | join(",")')"
expect_eq "Eng's aggregate is not shown (1 of 5)" "false|1 answered, and a group is shown from 5" \
	"$(jqo '"\(.unit.shown)|\(.unit.reason)"')"
t assess show --person 1
expect_eq "the table" 1 "$(grep -cE '^Aligning people +1\.00 +0$' <<<"$OUT")"
expect_contains "the unit's aggregate is said to be hidden" "$OUT" "Eng's aggregate is not shown"
t assess show --person 2
expect_rc "no assessment exits 4" 4
expect_contains "it says so" "$ERR" "person 2 has not taken the self-assessment"

# no answer in the audit log: the record names the command only
expect_eq "the audit keeps no answers" "assess take|(the arguments are not kept)" \
	"$(sql "SELECT action, detail FROM audit WHERE action = 'assess take'")"
expect_eq "no 5,5,5 anywhere in the audit" 0 "$(sql "SELECT count(*) FROM audit WHERE detail LIKE '%5,5,5%'")"

# --- a unit's aggregate -------------------------------------------------------
# Ben all 4, Cat all 3, Dan planning 1,2,3,4 then 2, Eve planning 5,5,1,1
# then 5. Items 1-4 (planning) per item: (5+4+3+1+5)/5 = 3.6,
# (5+4+3+2+5)/5 = 3.8, (5+4+3+3+1)/5 = 3.2, (5+4+3+4+1)/5 = 3.4; planning
# = 70/20 = 3.5 -> 62.5. Staffing (4+4+3+2+5)/5 = 3.6 -> 65; controlling
# (3+4+3+2+5)/5 = 3.4 -> 60; direction (2+4+3+2+5)/5 = 3.2 -> 55; aligning
# (1+4+3+2+5)/5 = 3 -> 50; motivating (3+4+3+2+5)/5 = 3.4 -> 60.
t assess take --person 2 --answers "$(all 4)"
t assess take --person 3 --answers "$(all 3)"
t assess take --person 4 --answers "1,2,3,4,$(all 2 | cut -d, -f5-)"
expect_rc "Dan takes it" 0
before=$(digest)
t assess unit 2
expect_rc "4 of 5: refused, exit 5" 5
expect_contains "with the reason" "$ERR" "Eng's self-assessments are not shown, to keep answers anonymous: 4 answered, and a group is shown from 5"
t assess unit 2 --json
expect_rc "refused in JSON too" 5
t assess unit 9
expect_rc "an unknown unit exits 4" 4
expect_eq "reading wrote nothing" "$before" "$(digest)"
t assess take --person 5 --answers "5,5,1,1,$(all 5 | cut -d, -f5-)"
t assess unit 2 --json
expect_rc "5 of 5: shown" 0
expect_eq "respondents" "5|5|true" "$(jqo '"\(.respondents)|\(.min_group)|\(.shown)"')"
expect_eq "process means" "3.5 3.6 3.4 3.2 3 3.4" "$(jqo '[.processes[].mean] | map(tostring) | join(" ")')"
expect_eq "process scores" "62.5 65 60 55 50 60" "$(jqo '[.processes[].score] | map(tostring) | join(" ")')"
expect_eq "item means 1-4" "3.6 3.8 3.2 3.4" "$(jqo '[.items[:4][].mean] | map(tostring) | join(" ")')"
t assess unit 2
expect_contains "the table" "$OUT" "Eng: 5 people answered (shown from 5)"
expect_contains "an item line" "$OUT" "   2  3.80  Each of our targets has a plan that serves it."

# a retake: the latest counts. Cat answers all 5: staffing (4+4+5+2+5)/5 = 4 -> 75
t assess take --person 3 --answers "$(all 5)"
t assess unit 2 --json
expect_eq "still 5 respondents" 5 "$(jqo .respondents)"
expect_eq "Cat's latest counts" 75 "$(jqo '.processes[1].score')"
expect_eq "two of Cat's kept, one counted" 2 "$(sql 'SELECT count(*) FROM assessment WHERE person_id = 3')"

# the subtraction rule: Root holds Eng's 5 and Hal's 1; Root shown beside
# Eng would show Hal's answers (6 - 5 = 1 < 5): Root is refused
t assess take --person 8 --answers "$(all 1)"
t assess unit 1
expect_rc "Root beside Eng is refused" 5
expect_contains "with the reason" "$ERR" "Eng (with 5) is shown on its own, and the difference would show the answers of 1"
# Fay and Gus (Ops) and then Eng's 5 + Hal + 2 = 8: 8 - 5 = 3, still refused
t assess take --person 6 --answers "$(all 2)"
t assess take --person 7 --answers "$(all 2)"
t assess unit 1
expect_rc "8 beside Eng's 5 is refused still" 5
# the group minimum is a setting: at 3, Ops (2) stays hidden, Root (8) -
# Eng (5) = 3 is shown, and Eng is shown
sql "INSERT INTO setting (key, value) VALUES ('assess.min_group', '3')" >/dev/null
t assess unit 1 --json
expect_rc "at 3, Root is shown" 0
expect_eq "8 respondents from 3" "8|3" "$(jqo '"\(.respondents)|\(.min_group)"')"
t assess unit 3
expect_rc "Ops (2) is still refused" 5
# 3 is the floor: a stored 2 is out of the setting's range and counts as
# unset (5), so no group of 2 is ever shown
sql "UPDATE setting SET value = '2' WHERE key = 'assess.min_group'" >/dev/null
t assess unit 3
expect_rc "a stored 2 does not show Ops" 5
expect_contains "the default minimum applies" "$ERR" "a group is shown from 5"
sql "DELETE FROM setting WHERE key = 'assess.min_group'" >/dev/null

# --- workshops -------------------------------------------------------------------
before=$(digest)
t workshop new "Too small" --min-group 2
expect_rc "a minimum of 2 exits 3" 3
expect_contains "it says the floor" "$ERR" "--min-group"
t workshop new "Bad unit" --unit 9
expect_rc "an unknown unit exits 4" 4
t workshop new "Bad trainer" --trainer 99
expect_rc "an unknown trainer exits 4" 4
expect_eq "no refused workshop wrote anything" "$before" "$(digest)"
t workshop new "Spring workshop" --min-group 3 --trainer 8
expect_rc "workshop new" 0
code=$(printf '%s' "$OUT" | sed -n 's/.*join code \(....-....\)$/\1/p')
expect_eq "the code is printed as XXXX-XXXX" 9 "${#code}"
expect_eq "stored without its dash, 8 unambiguous characters" 1 \
	"$(sql "SELECT count(*) FROM cohort WHERE id = 1 AND code = '${code/-/}'")"
case ${code/-/} in *[01ILO]* | *[!A-Z2-9]*) fail "the code has no look-alikes: $code" ;; *) pass ;; esac
expect_eq "default unit: the root; min 3; open" "1|3|1|8" \
	"$(sql 'SELECT unit_id, min_group, open, trainer_id FROM cohort WHERE id = 1')"
t workshop new "Second"
expect_eq "default minimum: the setting (5)" 5 "$(sql 'SELECT min_group FROM cohort WHERE id = 2')"
codes=$(sql 'SELECT count(DISTINCT code) FROM cohort')
expect_eq "codes differ" 2 "$codes"

# joining
before=$(digest)
t workshop join "ZZZZ-ZZZZ" --person 6
expect_rc "a wrong code exits 4" 4
expect_contains "it says so" "$ERR" "no workshop has this join code"
t workshop join "$code" --person 99
expect_rc "an unknown person exits 4" 4
t assess take --person 6 --cohort 1 --answers "$(all 3)"
expect_rc "taking for a cohort not joined exits 5" 5
expect_contains "it says how to join" "$ERR" "person 6 has not joined cohort 1"
expect_eq "no refused join wrote anything" "$before" "$(digest)"
lower=$(printf '%s' "$code" | tr 'A-Z' 'a-z' | tr -d -)
t workshop join "$lower" --person 6
expect_rc "the code in lower case and without its dash joins" 0
t workshop join "$code" --person 6
expect_rc "a second join exits 5" 5
t workshop join "$code" --person 7
t workshop join "$code" --person 1

# answers for the cohort: Fay all 2 and Gus all 4 for it (explicit and
# by default: the latest open cohort joined); Ann's older answers
# (before she joined) do not count for it
t assess take --person 6 --cohort 1 --answers "$(all 2)"
t assess take --person 7 --answers "$(all 4)"
expect_eq "Gus's counts for cohort 1 by default" 1 "$(sql 'SELECT cohort_id FROM assessment WHERE person_id = 7 ORDER BY id DESC LIMIT 1')"
t assess cohort 1
expect_rc "2 of 3: refused" 5
expect_contains "with the reason" "$ERR" "cohort Spring workshop's self-assessments are not shown, to keep answers anonymous: 2 answered, and a group is shown from 3"
t workshop show 1
expect_contains "waiting for 1 more" "$OUT" "waiting for 1 more"
expect_contains "the code" "$OUT" "join code $code"
# Ann answers planning 1, the rest 3. Cohort planning: (2+4+1)/3 = 7/3 =
# 2.333 -> 2.33, score (7/3-1)/4*100 = 33.33; staffing (2+4+3)/3 = 3 -> 50
t assess take --person 1 --answers "1,1,1,1,$(all 3 | cut -d, -f5-)"
t assess cohort 1 --json
expect_rc "3 of 3: shown" 0
expect_eq "cohort aggregate" "3|2.33|33.33|3|50" \
	"$(jqo '"\(.respondents)|\(.processes[0].mean)|\(.processes[0].score)|\(.processes[1].mean)|\(.processes[1].score)"')"
# a fourth answers all 5: the means still count the first whole group of
# 3 (Fay, Gus, Ann), so comparing before and after shows nothing of hers
t workshop join "$code" --person 3
t assess take --person 3 --cohort 1 --answers "$(all 5)"
t assess cohort 1 --json
expect_eq "4 answered, 3 counted, the same means" "4|3|2.33|3" \
	"$(jqo '"\(.respondents)|\(.counted)|\(.processes[0].mean)|\(.processes[1].mean)"')"
t workshop show 1 --json
expect_eq "joined 4, answered 4" "4|4|true" "$(jqo '"\(.joined)|\(.answered)|\(.aggregate.shown)"')"
t workshop list --json
expect_eq "two workshops" "2" "$(jqo .count)"
t workshop list --unit 3 --json
expect_eq "none under Ops" "0" "$(jqo .count)"

# close: no one new, no more answers
t workshop close 1
expect_rc "close" 0
t workshop close 1
expect_rc "a second close exits 5" 5
before=$(digest)
t workshop join "$code" --person 2
expect_rc "joining a closed workshop exits 5" 5
expect_contains "it says it is closed" "$ERR" "this workshop is closed"
t assess take --person 6 --cohort 1 --answers "$(all 3)"
expect_rc "answering for a closed cohort exits 5" 5
expect_eq "nothing written" "$before" "$(digest)"
t assess take --person 6 --answers "$(all 2)"
expect_eq "a closed cohort is not the default" "" "$(sql 'SELECT cohort_id FROM assessment WHERE person_id = 6 ORDER BY id DESC LIMIT 1')"

# rm: members go, assessments stay for no cohort
n_before=$(sql 'SELECT count(*) FROM assessment')
t workshop rm 1
expect_rc "rm" 0
expect_eq "cohort and members gone" "0|0" \
	"$(sql 'SELECT (SELECT count(*) FROM cohort WHERE id = 1), (SELECT count(*) FROM cohort_member WHERE cohort_id = 1)')"
expect_eq "assessments stay" "$n_before|0" \
	"$(sql 'SELECT count(*), count(cohort_id) FROM assessment')"
t workshop show 1
expect_rc "a removed workshop exits 4" 4
expect_eq "no dangling keys" "" "$(fk_violations)"

# --- perception beside evidence ----------------------------------------------------
# Eng's aggregate now (latest per person: Ann planning 1 rest 3; Ben 4;
# Cat 5; Dan planning 1,2,3,4 rest 2; Eve planning 5,5,1,1 rest 5):
# planning (4+16+20+10+12)/20 = 62/20 = 3.1 -> 52.5; staffing
# (3+4+5+2+5)/5 = 3.8 -> 70 (and so for every other process).
t assess compare 2 --json
expect_rc "compare" 0
expect_eq "perceived, in process order" "planning:52.5 staffing:70 controlling:70 direction:70 aligning:70 motivating:70" \
	"$(jqo '[.processes[] | "\(.process):\(.perceived)"] | sort_by(. as $x | ["planning","staffing","controlling","direction","aligning","motivating"] | index($x | split(":")[0])) | join(" ")')"
perc=$(jqo '[.processes[] | "\(.process) \(.perceived) \(.evidence) \(.gap)"] | .[]')
# the evidence from tandem balance, read on its own: a process with no
# indicator of data is 0 and has no gap
t balance --unit 2 --json
expect_rc "tandem balance --unit 2 --json" 0
bal=$(jqo '.items[0] as $u | ["planning","staffing","controlling","direction","aligning","motivating"][] as $p
	| "\($p) \($u.processes[$p]) \([$u.indicators[] | select(.process == $p and (.skipped | not))] | length)"')
expected=$(awk -v P="planning 52.5 staffing 70 controlling 70 direction 70 aligning 70 motivating 70" '
	BEGIN { n = split(P, a, " "); for (i = 1; i < n; i += 2) perc[a[i]] = a[i + 1] }
	{ ev = ($3 > 0) ? $2 : 0; gap = ($3 > 0) ? perc[$1] - ev : 0
	  printf "%s %s %.2f %.2f\n", $1, perc[$1], ev, gap }' <<<"$bal" |
	sort -k4,4 -g | awk '{ g = $4 < 0 ? -$4 : $4; print g, $0 }' | sort -s -k1,1gr | cut -d' ' -f2-)
got=$(awk '{ printf "%s %s %.2f %.2f\n", $1, $2, $3, $4 }' <<<"$perc")
expect_eq "the gaps (perceived - data), largest disagreement first" \
	"$(awk '{ print $1, $2, $3, $4 }' <<<"$expected" | sort)" "$(sort <<<"$got")"
expect_eq "sorted by the size of the gap" \
	"$(awk '{ g = $4 < 0 ? -$4 : $4; print g }' <<<"$got" | sort -gr | paste -sd' ')" \
	"$(awk '{ g = $4 < 0 ? -$4 : $4; print g }' <<<"$got" | paste -sd' ')"
t assess compare 2
expect_contains "in words" "$OUT" "people rate planning 52, the data says"
t assess compare 3
expect_rc "Ops is too small to compare" 5
t assess compare 9
expect_rc "an unknown unit exits 4" 4

# --- the interactive take, on a terminal ---------------------------------------
if command -v script >/dev/null 2>&1; then
	n0=$(sql 'SELECT count(*) FROM assessment WHERE person_id = 2')
	# a bad answer is asked again; then 24 answers (all 2)
	{ printf '7\n'; for _ in $(seq 1 24); do printf '2\n'; done; } >"$TMP/in"
	script -qec "$TANDEM --db '$DB' assess take --person 2" /dev/null <"$TMP/in" >"$TMP/tty" 2>&1
	expect_contains "it shows 3/24 and the process" "$(cat "$TMP/tty")" "3/24  Planning and budgeting"
	expect_contains "a bad answer is asked again" "$(cat "$TMP/tty")" "Please type a whole number from 1 to 5"
	expect_eq "the answers are stored" "$((n0 + 1))|48" \
		"$(sql 'SELECT count(*), (SELECT sum(value) FROM assessment_answer WHERE assessment_id = (SELECT max(id) FROM assessment WHERE person_id = 2)) FROM assessment WHERE person_id = 2')"
	before=$(digest)
	printf '3\n4\nq\n' >"$TMP/in"
	script -qec "$TANDEM --db '$DB' assess take --person 2" /dev/null <"$TMP/in" >"$TMP/tty" 2>&1
	expect_contains "q abandons" "$(cat "$TMP/tty")" "abandoned: nothing was written"
	expect_eq "an abandoned take wrote nothing" "$before" "$(digest)"
else
	SKIPPED=$((SKIPPED + 1))
	echo "SKIP $CURRENT_PATH: script(1) is not installed: the interactive take is not tested" >&2
fi

finish
