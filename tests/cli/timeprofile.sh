#!/usr/bin/env bash
# tests/cli/timeprofile.sh: tandem balance time, the time profile of the
# people who manage others: shares per process and class worked out by
# hand on a small organization, the roll-up of the unit tree, an entry
# with no class falling back to its step's, the period filter, the
# default window (and the setting that changes it), and the refusals.
source "$(dirname "$0")/../lib.sh"

# The organization (ids in creation order):
#   units  1 Root { 2 Ops { 4 Field }, 3 Sales }
#   people 1 Ann (Root), 2 Ben (Ops, manager Ann), 3 Cal (Ops, manager Ben),
#          4 Dee (Sales, manager Ann), 5 Eve (Field, manager Ben)
#   Managers (someone's manager): Ann and Ben. Others: Cal, Dee, Eve.
#   plan 1 (Root): s1 planning, s2 direction, s3 no class, s4 no class
#   (s4 is given the class organizing after Ann's entry on it).
t unit add Root
t unit add Ops --parent 1
t unit add Sales --parent 1
t unit add Field --parent 2
t person add Ann --email ann@t.test --unit 1
t person add Ben --email ben@t.test --unit 2 --manager 1
t person add Cal --email cal@t.test --unit 2 --manager 2
t person add Dee --email dee@t.test --unit 3 --manager 1
t person add Eve --email eve@t.test --unit 4 --manager 2
t plan add P --unit 1 --start-date 2026-03-02
t step add s1 --plan 1 --activity planning
t step add s2 --plan 1 --activity direction
t step add s3 --plan 1
t step add s4 --plan 1
expect_rc "fixture: org and plan" 0

# The entries, March 2026 unless said otherwise:
#   Ann  03-02 s1 120 (planning, the step's)   03-03 s3 60 aligning
#        03-04 s3 60 (no class: the work)      03-05 s2 60 budgeting (its own class wins)
#        03-06 s4 30 (no class when logged; s4 is organizing now: falls back)
#        02-28 s1 45 (before the period)
#   Ben  03-02 s2 90 (direction)   03-03 s1 30 controlling   03-04 s3 60 motivating
#        03-05 s3 30 change        04-10 s2 120 (after the period)
#   Cal  03-02 s3 240 (the work)   03-03 s1 60 staffing
#   Dee  03-06 s3 100 problem-solving
#   Eve  nothing
log() { t time log --person "$1" --step "$2" --day "$3" --minutes "$4" ${5:+--activity "$5"}; }
log 1 1 2026-03-02 120
log 1 3 2026-03-03 60 aligning
log 1 3 2026-03-04 60
log 1 2 2026-03-05 60 budgeting
log 1 4 2026-03-06 30
log 1 1 2026-02-28 45
log 2 2 2026-03-02 90
log 2 1 2026-03-03 30 controlling
log 2 3 2026-03-04 60 motivating
log 2 3 2026-03-05 30 change
log 2 2 2026-04-10 120
log 3 3 2026-03-02 240
log 3 1 2026-03-03 60 staffing
log 4 3 2026-03-06 100 problem-solving
t step set 4 --activity organizing
expect_rc "fixture: entries" 0
expect_eq "fixture: two entries stored with no class (the work on s3, Ann's on s4)" "2" \
	"$(sql "SELECT count(*) FROM time_entry WHERE activity IS NULL AND person_id IN (1, 2)")"
expect_eq "fixture: the managers, read independently" "1,2" \
	"$(sql 'SELECT DISTINCT manager_id FROM person WHERE manager_id IS NOT NULL ORDER BY 1' | join_lines ,)"

P="--from 2026-03-01 --to 2026-03-31"

# --- the organization --------------------------------------------------------
# Managers' minutes in March: Ann 120+60+60+60+30 = 330, Ben 90+30+60+30 = 210;
# total 540.
#   planning   = planning 120 + budgeting 60  = 180 -> 180/540 = 33.33 -> 33.3
#   staffing   = organizing 30 (fallback)     =  30 ->  5.56 ->  5.6
#   controlling= controlling 30               =  30 ->  5.6
#   direction  = 90                           ->  16.67 -> 16.7
#   aligning   = 60                           ->  11.11 -> 11.1
#   motivating = motivating 60 + change 30    =  90 -> 16.7
#   the work   = 60                           ->  11.1
#   management 240 -> 44.4; leadership 240 -> 44.4 (240 + 240 + 60 = 540)
t balance time $P --json
expect_rc "the organization's profile" 0
expect_eq "scope and period" "null|the organization|2026-03-01|2026-03-31|31" \
	"$(jqo '"\(.unit_id)|\(.unit)|\(.from)|\(.to)|\(.days)"')"
expect_eq "managers: 2 people, 2 logged, 540 minutes = 9 hours" "2 2 540 9" \
	"$(jqo '"\(.managers.people) \(.managers.logging) \(.managers.minutes) \(.managers.hours)"')"
expect_eq "managers per process (%)" "33.3 5.6 5.6 16.7 11.1 16.7" \
	"$(jqo '[.managers.processes[].pct | tostring] | join(" ")')"
expect_eq "managers per process (minutes)" "180 30 30 90 60 90" \
	"$(jqo '[.managers.processes[].minutes | tostring] | join(" ")')"
expect_eq "processes named and in their systems" \
	"planning and budgeting/management,organizing and staffing/management,controlling and problem solving/management,setting a direction/leadership,aligning people/leadership,motivating and inspiring/leadership" \
	"$(jqo '[.managers.processes[] | "\(.name)/\(.system)"] | join(",")')"
expect_eq "management, leadership, the work (%)" "44.4 44.4 11.1" \
	"$(jqo '"\(.managers.management.pct) \(.managers.leadership.pct) \(.managers.unclassified.pct)"')"
# classes: planning 120 -> 22.2, budgeting 60 -> 11.1, organizing 30 -> 5.6,
# staffing 0, controlling 30 -> 5.6, problem-solving 0, direction 90 -> 16.7,
# aligning 60 -> 11.1, motivating 60 -> 11.1, change 30 -> 5.6, unclassified 60 -> 11.1
expect_eq "managers per class (%)" "22.2 11.1 5.6 0 5.6 0 16.7 11.1 11.1 5.6 11.1" \
	"$(jqo '[.managers.classes[].pct | tostring] | join(" ")')"
expect_eq "the classes in order, unclassified last with no process" \
	"planning/planning budgeting/planning organizing/staffing staffing/staffing controlling/controlling problem-solving/controlling direction/direction aligning/aligning motivating/motivating change/motivating unclassified/null" \
	"$(jqo '[.managers.classes[] | "\(.class)/\(.process)"] | join(" ")')"
expect_eq "the fallback: Ann's 30 minutes on s4 count as organizing" 30 \
	"$(jqo '.managers.classes[] | select(.class == "organizing") | .minutes')"
# Others: Cal 240 (the work) + 60 staffing, Dee 100 problem-solving: 400.
#   management 160 -> 40.0; leadership 0 -> 0; the work 240 -> 60.0.
#   people 3 (Cal, Dee, Eve), 2 logged.
expect_eq "others: 3 people, 2 logged, 400 minutes" "3 2 400" \
	"$(jqo '"\(.others.people) \(.others.logging) \(.others.minutes)"')"
expect_eq "others: management, leadership, the work (%)" "40 0 60" \
	"$(jqo '"\(.others.management.pct) \(.others.leadership.pct) \(.others.unclassified.pct)"')"
# the units, each over its subtree: Root = everything; Ops {Ops, Field}:
# Ben's 210; Field and Sales: no manager time
expect_eq "the units in tree order with their managers' minutes" \
	"1:0:540 2:1:210 4:2:0 3:1:0" \
	"$(jqo '[.units[] | "\(.unit_id):\(.depth):\(.managers.minutes)"] | join(" ")')"
expect_eq "Sales has no managers' share (null), Dee's 100 minutes as others" "null 100" \
	"$(jqo '.units[] | select(.unit_id == 3) | "\(.managers.leadership.pct) \(.others.minutes)"')"
# the minutes read independently: managers' March entries
expect_eq "sql agrees: managers logged 540 minutes in March" 540 \
	"$(sql "SELECT sum(minutes) FROM time_entry WHERE day BETWEEN '2026-03-01' AND '2026-03-31'
	        AND person_id IN (SELECT manager_id FROM person WHERE manager_id IS NOT NULL)")"

# the table: the split in words, the process rows and the units below
t balance time $P
expect_rc "the table" 0
expect_contains "the split in words" "$OUT" \
	"Managers spent 44.4 % of their logged time on leadership, 44.4 % on management and 11.1 % on the work itself."
expect_contains "a process row: minutes, hours, shares of both groups" "$OUT" \
	"$(printf '%-31s  %7s  %5s  %5s  %9s  %7s  %s' "organizing and staffing" 30 0.50 5.6 60 1 15.0)"
expect_contains "Ops's line: Ben logged 3.5 h, leadership (90+60+30)/210 = 85.7 %" "$OUT" \
	"85.7"
expect_eq "the units below: Root, then Ops and Sales indented" "Root|  Ops|  Sales" \
	"$(printf '%s\n' "$OUT" | sed -n '/^ID  MANAGERS/,$p' | tail -n +2 | sed -E 's/^ *[0-9]+ +[0-9]+ +[0-9.]+ +[0-9.-]+ +[0-9.-]+  //' | join_lines '|')"

# --- one unit: Ops (with Field) ------------------------------------------------
# Managers: Ben alone, 210: leadership 90+60+30 = 180 -> 85.71 -> 85.7,
# management 30 -> 14.29 -> 14.3, the work 0. Others: Cal and Eve, Cal's
# 300 -> management 60 -> 20.0, the work 240 -> 80.0.
t balance time --unit 2 $P --json
expect_rc "Ops's profile" 0
expect_eq "Ops: scope" "2 Ops" "$(jqo '"\(.unit_id) \(.unit)"')"
expect_eq "Ops: managers 1, 210 minutes, 14.3 / 85.7 / 0" "1 210 14.3 85.7 0" \
	"$(jqo '"\(.managers.people) \(.managers.minutes) \(.managers.management.pct) \(.managers.leadership.pct) \(.managers.unclassified.pct)"')"
expect_eq "Ops: others 2, 1 logged, 20 / 80" "2 1 20 80" \
	"$(jqo '"\(.others.people) \(.others.logging) \(.others.management.pct) \(.others.unclassified.pct)"')"
expect_eq "Ops: its units are Ops and Field" "2:0 4:1" \
	"$(jqo '[.units[] | "\(.unit_id):\(.depth)"] | join(" ")')"
t balance time 2 $P --json
expect_eq "the unit as the argument is --unit" "2 210" "$(jqo '"\(.unit_id) \(.managers.minutes)"')"

# --- the period --------------------------------------------------------------
# 03-04 to 03-05: Ann 60 (the work) + 60 budgeting, Ben 60 motivating + 30
# change = 210: leadership 90 -> 42.86 -> 42.9, management 60 -> 28.57 ->
# 28.6, the work 60 -> 28.6. Others logged nothing then: no shares.
t balance time --from 2026-03-04 --to 2026-03-05 --json
expect_eq "two days: 210 minutes, 28.6 / 42.9 / 28.6" "210 28.6 42.9 28.6" \
	"$(jqo '"\(.managers.minutes) \(.managers.management.pct) \(.managers.leadership.pct) \(.managers.unclassified.pct)"')"
expect_eq "two days: others logged nothing (null share)" "0 0 null" \
	"$(jqo '"\(.others.logging) \(.others.minutes) \(.others.leadership.pct)"')"
t balance time --from 2026-03-01 --to 2026-03-01 --json
expect_eq "a day with no entries" "0 null" "$(jqo '"\(.managers.minutes) \(.managers.leadership.pct)"')"
t balance time --from 2026-03-01 --to 2026-03-01
expect_contains "no time in words" "$OUT" "Managers logged no time in this period."

# --- refusals: nothing written ---------------------------------------------------
before=$(dbsum)
t balance time --from 2026-02-30
expect_rc "a day that does not exist exits 3" 3
expect_contains "it names from" "$ERR" "from"
t balance time --to soon
expect_rc "a malformed to exits 3" 3
expect_contains "it names to" "$ERR" "to"
t balance time --from 2026-03-10 --to 2026-03-01
expect_rc "from after to exits 3" 3
expect_contains "it says the period starts after it ends" "$ERR" \
	"the period starts (2026-03-10) after it ends (2026-03-01)"
t balance time --unit 99
expect_rc "an unknown unit exits 4" 4
expect_contains "it names the unit" "$ERR" "no unit with id 99"
t balance time --unit 2 3
expect_rc "the unit as argument and as --unit exits 2" 2
tomorrow=$(date -u -d tomorrow +%F)
t balance time --from "$tomorrow"
expect_rc "from after today (the default end) exits 3" 3
expect_eq "no refusal wrote anything" "$before" "$(dbsum)"

# --- the default window: the last 90 days up to today (a setting) ---------------
# Ben logs direction on s2: 10 minutes today, 20 on day today-89 (the
# window's first day), 40 on today-90 (just outside it).
today=$(date -u +%F)
first=$(date -u -d "$today - 89 days" +%F)
outside=$(date -u -d "$today - 90 days" +%F)
log 2 2 "$today" 10
log 2 2 "$first" 20
log 2 2 "$outside" 40
t balance time --json
expect_eq "the default period: 90 days up to today" "$first $today 90" \
	"$(jqo '"\(.from) \(.to) \(.days)"')"
expect_eq "its minutes: 10 + 20, not the 40 before it" "30 100" \
	"$(jqo '"\(.managers.minutes) \(.managers.leadership.pct)"')"
t balance time --to "$today" --json
expect_eq "--to alone: the window before it" "$first" "$(jqo .from)"
t setting set balance.time_window_days --value 7
expect_rc "a window of 7 days" 0
t balance time --json
expect_eq "the set window is used: 7 days from today-6" \
	"$(date -u -d "$today - 6 days" +%F) 7 10" \
	"$(jqo '"\(.from) \(.days) \(.managers.minutes)"')"
t setting unset balance.time_window_days
t balance time --json
expect_eq "unset: 90 days again" "90" "$(jqo .days)"

# --- help and the man page -----------------------------------------------------
t balance time --help
expect_contains "help shows the flags" "$OUT" "--from"
expect_eq "the man page documents it" 1 "$(grep -c '^\.B balance time' "$ROOT/docs/tandem.1")"

finish
