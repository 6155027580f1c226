#!/usr/bin/env bash
# tests/cli/capacity.sh: person load and person overloads: the remaining
# work of open steps spread over their scheduled working days, weekly
# capacity lowered by holidays, tolerances (org setting, nearest unit
# override), what does not count, and bad input.
source "$(dirname "$0")/../lib.sh"

# The hand-worked example. Calendar Monday-Friday with a holiday on
# Wednesday 2030-01-16. Units 1 Org { 2 Team }. Ann (1, Org) can do 40 h
# a week; Bob (2, Team) 20 h; Cy (3, Org) 40 h.
# Plan 1 (draft) starts Monday 2030-01-07:
#   step 1 A: Ann, 50 h, 20 % done, 10 days, no dependencies
#     remaining 50 x 80 % = 40 h over working days 0-9: Jan 7 8 9 10 11,
#     14 15 (16 is the holiday) 17 18, 21: 4 h a day:
#     week Jan 7: 5 x 4 = 20 h; week Jan 14: 4 x 4 = 16 h; week Jan 21: 4 h
#   step 2 Z: no one, 5 days (a predecessor only)
#   step 3 B: Ann, 20 h, 2 days, after Z: working days 5 and 6 = Jan 14,
#     15: 10 h a day, all in week Jan 14
#   step 4 F: Bob, 12 h, 1 day: Jan 7: 12 h in week Jan 7
#   step 5: Ann, 40 h, done: does not count
#   step 6: Ann, no estimate: does not count
# Plan 2 (cancelled) starts 2030-01-07: step 7 Ann 40 h 5 days: does not count.
# Ann: week Jan 7 20 h of 40 h = 50 %; week Jan 14 16 + 20 = 36 h of
#   40 x 4/5 = 32 h (the holiday) = 112.5 % -> 113 %: overloaded (without
#   the holiday it would be 36/40 = 90 %); week Jan 21 4 h of 40 h = 10 %.
# Bob: week Jan 7 12 h of 20 h = 60 %; week Jan 14 0 of 16 h; Jan 21 0 of 20.
# Cy: nothing: 0 of 40, 32, 40.
t unit add Org
t unit add Team --parent 1
t person add "Ann Lee" --email ann@t.test --unit 1 --capacity-hours 40
t person add "Bob Ray" --email bob@t.test --unit 2 --capacity-hours 20
t person add "Cy Dee" --email cy@t.test --unit 1
t calendar add 2030-01-16 --name "Founders' day"
t plan add P1 --unit 1 --start-date 2030-01-07
t plan add P2 --unit 1 --start-date 2030-01-07 --status cancelled
t step add A --plan 1 --assignee 1 --estimate-hours 50 --duration-days 10 --pct 20
t step add Z --plan 1 --duration-days 5
t step add B --plan 1 --assignee 1 --estimate-hours 20 --duration-days 2
t step dep add 3 --on 2
t step add F --plan 1 --assignee 2 --estimate-hours 12 --duration-days 1
t step add Done --plan 1 --assignee 1 --estimate-hours 40 --duration-days 5 --status done
t step add NoEstimate --plan 1 --assignee 1 --duration-days 5
t step add Cancelled --plan 2 --assignee 1 --estimate-hours 40 --duration-days 5
expect_eq "setup" "7|1|20" "$(sql 'SELECT (SELECT count(*) FROM step), (SELECT count(*) FROM step_dep), (SELECT pct FROM step WHERE id = 1)')"

# cells: load/capacity hours, percent, "!" when overloaded
t person load --from 2030-01-07 --weeks 3
expect_rc "person load" 0
expect_contains "the weeks are the columns" "$OUT" "ID  PERSON   2030-01-07    2030-01-14  2030-01-21"
expect_contains "Ann: 50 %, 113 % overloaded, 10 %" "$OUT" " 1  Ann Lee   20/40 50%  36/32 113% !  4/40 10%"
expect_contains "Bob: 60 %, then nothing" "$OUT" " 2  Bob Ray   12/20 60%       0/16 0%  0/20 0%"
expect_contains "Cy: nothing" "$OUT" " 3  Cy Dee      0/40 0%       0/32 0%  0/40 0%"
expect_contains "the mark is explained" "$OUT" "!: overloaded"
t person load --from 2030-01-09 --weeks 3 --json
expect_eq "--from moves back to its Monday" "2030-01-07" "$(jqo '.items[0].weeks[0].week')"
expect_eq "json: people by name" "1,2,3" "$(jqo '[.items[].person_id] | join(",")')"
expect_eq "json: Ann's loads in hours" "20,36,4" "$(jqo '[.items[0].weeks[].load_hours] | join(",")')"
expect_eq "json: Ann's capacities" "40,32,40" "$(jqo '[.items[0].weeks[].capacity_hours] | join(",")')"
expect_eq "json: Ann's percents" "50,113,10" "$(jqo '[.items[0].weeks[].pct] | join(",")')"
expect_eq "json: Ann's overloaded week" "false,true,false" "$(jqo '[.items[0].weeks[].overloaded] | join(",")')"
expect_eq "json: the tolerance is the default 100" "100" "$(jqo '.items[0].tolerance')"
t person load --person 2 --from 2030-01-07 --weeks 1 --json
expect_eq "--person: Bob alone" "2:12:20" "$(jqo '.items | map("\(.person_id):\(.weeks[0].load_hours):\(.weeks[0].capacity_hours)") | join(",")')"
t person load --unit 2 --from 2030-01-07 --weeks 1 --json
expect_eq "--unit 2: its people only" "2" "$(jqo '[.items[].person_id] | join(",")')"
t person load --unit 1 --from 2030-01-07 --weeks 1 --json
expect_eq "--unit 1: with its subtree" "1,2,3" "$(jqo '[.items[].person_id] | join(",")')"

# the overloads: only Ann's week of Jan 14
t person overloads --from 2030-01-07 --weeks 3
expect_rc "person overloads" 0
expect_contains "Ann's week of the holiday" "$OUT" "2030-01-14   1  Ann Lee     1    36        32  113%"
t person overloads --from 2030-01-07 --weeks 3 --json
expect_eq "one overload" "1" "$(jqo .count)"
# without the holiday, 36 h of 40 h is not an overload
t calendar rm 2030-01-16
t person overloads --from 2030-01-07 --weeks 3 --json
expect_eq "no holiday: no overload" "0" "$(jqo .count)"
t person load --person 1 --from 2030-01-07 --weeks 3 --json
# 40 h over Jan 7-11, 14-18: 4 h a day: 20 and 20; B 20 h on Jan 14, 15
expect_eq "no holiday: A ends a day sooner" "20,40,0" "$(jqo '[.items[0].weeks[].load_hours] | join(",")')"
t calendar add 2030-01-16 --name "Founders' day"

# tolerances: the org setting, then the nearest unit's override
sql "INSERT INTO setting (key, value) VALUES ('tolerance.overload', '120')" >/dev/null
t person overloads --from 2030-01-07 --weeks 3 --json
expect_eq "113 % is within an org tolerance of 120 %" "0" "$(jqo .count)"
sql "INSERT INTO tolerance (unit_id, rule, value) VALUES (1, 'overload', 200)" >/dev/null
sql "INSERT INTO tolerance (unit_id, rule, value) VALUES (2, 'overload', 50)" >/dev/null
t person overloads --from 2030-01-07 --weeks 3 --json
expect_eq "Bob's 60 % is over his unit's 50 %" "2:2030-01-07" "$(jqo '.items | map("\(.person_id):\(.week)") | join(",")')"
t person load --from 2030-01-07 --weeks 1 --json
expect_eq "tolerances: Ann from unit 1, Bob from unit 2 (the nearest)" "200,50,200" "$(jqo '[.items[].tolerance] | join(",")')"
t person overloads --unit 1 --from 2030-01-07 --weeks 3
expect_contains "the table shows Bob" "$OUT" "2030-01-07   2  Bob Ray     2    12        20  60%"
sql "DELETE FROM tolerance" >/dev/null
sql "DELETE FROM setting WHERE key = 'tolerance.overload'" >/dev/null
t person overloads --unit 2 --from 2030-01-07 --weeks 3
expect_eq "no overloads says so" "no one is overloaded in the 3 weeks from 2030-01-07" "$OUT"

# a step done halfway has half its estimate left; a step marked done none
t step set 4 --pct 50
t person load --person 2 --from 2030-01-07 --weeks 1 --json
expect_eq "Bob's F at 50 %: 6 h" "6" "$(jqo '.items[0].weeks[0].load_hours')"
t step set 4 --pct 100
t person load --person 2 --from 2030-01-07 --weeks 1 --json
expect_eq "F at 100 %: nothing left" "0" "$(jqo '.items[0].weeks[0].load_hours')"

# a span already over: the remainder lands on the first working day from
# today (no holidays near today here)
t plan add Old --unit 1 --start-date 2020-01-06
t step add Late --plan 3 --assignee 3 --estimate-hours 10 --duration-days 5
today=$(date -u +%F)
d=$today
while [ "$(date -u -d "$d" +%u)" -gt 5 ]; do d=$(date -u -d "$d + 1 day" +%F); done
monday=$(date -u -d "$d - $(($(date -u -d "$d" +%u) - 1)) days" +%F)
t person load --person 3 --from "$today" --weeks 2 --json
expect_eq "the late step's 10 h land in the week of $d" "10" \
	"$(jqo ".items[0].weeks | map(select(.week == \"$monday\") | .load_hours) | add")"
expect_eq "and only there" "10" "$(jqo '[.items[0].weeks[].load_hours] | add')"

# bad input: exit 3 naming the flag; not found: exit 4
t person load --weeks 0
expect_rc "--weeks 0 exits 3" 3
expect_contains "--weeks is named" "$ERR" "--weeks:"
t person load --weeks 105 --json
expect_rc "--weeks 105 exits 3" 3
t person load --weeks 31
expect_rc "a table of 31 weeks exits 3" 3
expect_contains "it says to use --json" "$ERR" "--weeks: at most 30 in a table"
t person load --from 2030-02-30
expect_rc "an impossible --from exits 3" 3
expect_contains "--from is named" "$ERR" "--from:"
t person load --person 9
expect_rc "an unknown person exits 4" 4
expect_contains "the person is named" "$ERR" "--person: no person with id 9"
t person load --unit 9
expect_rc "an unknown unit exits 4" 4
expect_contains "the unit is named" "$ERR" "--unit: no unit with id 9"
t person overloads --person 1
expect_rc "overloads takes no --person" 3

# The loads come from the early start the ledger keeps with each step
# (step.sched_es: B's is 5, after Z's 5 days); without it (a database
# from before it) the plan is scheduled again: both ways, the same loads.
expect_eq "the kept early starts: A 0, Z 0, B 5, F 0" "0|0|5|0" \
	"$(sql 'SELECT sched_es FROM step WHERE id IN (1, 2, 3, 4) ORDER BY id' | join_lines '|')"
t person load --from 2030-01-07 --weeks 3 --json
kept=$OUT
sql "UPDATE step SET sched_es = NULL" >/dev/null
t person load --from 2030-01-07 --weeks 3 --json
expect_eq "scheduled again: the same loads" "$kept" "$OUT"
expect_eq "and still Ann's 20, 36, 4 hours" "20,36,4" "$(jqo '[.items[0].weeks[].load_hours] | join(",")')"

finish
