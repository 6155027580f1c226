# schedule: tandem plan schedule on the textbook network of
# tests/unit/test_schedule.c (Hillier and Lieberman's "Reliable
# Construction Company": 14 activities, 44 units, critical path
# A B C E F J L N), built through the CLI, in working days from Monday
# 2026-01-05. Day k (from 0) is Jan 5 + k working days: day 16 is
# Tue 2026-01-27, day 20 Mon 2026-02-02, and the last day, 43, is
# Thu 2026-03-05.
. "$(dirname "$0")/../lib.sh"

t unit add Site && t plan add House --unit 1 --start-date 2026-01-05
expect_rc "a plan" 0
declare -A DUR=([A]=2 [B]=4 [C]=10 [D]=6 [E]=4 [F]=5 [G]=7 [H]=9 [I]=7 [J]=8 [K]=4 [L]=5 [M]=2 [N]=6)
declare -A ID
for x in A B C D E F G H I J K L M N; do
	t step add "$x" --plan 1 --duration-days "${DUR[$x]}"
	ID[$x]=$(printf '%s' "$OUT" | sed 's/step \([0-9]*\) added/\1/')
done
for pair in B:A C:B D:C E:C F:E G:D H:E H:G I:C J:F J:I K:J L:J M:H N:K N:L; do
	t step dep add "${ID[${pair%%:*}]}" --on "${ID[${pair#*:}]}"
	expect_rc "dependency $pair" 0
done
t plan schedule 1 --json
expect_rc "schedule" 0
expect_eq "44 working days" 44 "$(jqo .working_days)"
expect_eq "from the start" 2026-01-05 "$(jqo .start)"
expect_eq "to Thursday 2026-03-05" 2026-03-05 "$(jqo .finish)"
expect_eq "the critical path" "A B C E F J L N" \
	"$(jqo '[.steps[] | select(.critical) | .name] | join(" ")')"
expect_eq "D: early start day 16, late start day 20, float 4" "2026-01-27 2026-02-02 4" \
	"$(jqo '.steps[] | select(.name == "D") | "\(.early_start) \(.late_start) \(.total_float)"')"
expect_eq "floats of all 14, in the order A..N" "0 0 0 4 0 0 4 4 2 0 1 0 4 0" \
	"$(jqo '[.steps[] | {n: .name, f: .total_float}] | sort_by(.n) | map(.f | tostring) | join(" ")')"
t plan schedule 1
expect_contains "the table marks the critical path" "$OUT" "44 working days; * marks the critical path"
expect_eq "8 starred rows" 8 "$(printf '%s\n' "$OUT" | grep -c '^ *[0-9].* \* ')"
t plan schedule 9
expect_rc "an unknown plan" 4
t plan schedule
expect_rc "no plan" 2
# an empty plan is one day long, starting and ending on its first working day
t plan add Empty --unit 1 --start-date 2026-01-03
t plan schedule 2 --json
expect_eq "an empty plan starting on a Saturday" "0 2026-01-05 2026-01-05" \
	"$(jqo '"\(.working_days) \(.start) \(.finish)"')"
# --- the organization calendar --------------------------------
# Plan 3 starts Mon 2026-03-02; X lasts 3 working days, Y (2) waits for X.
# Monday to Friday: X Mon 2 - Wed 4, Y Thu 5 - Fri 6: 5 working days.
# A holiday on Tue 2026-03-03 inside X pushes its finish by a day: X runs
# Mon 2, Wed 4, Thu 5; Y Fri 6 and Mon 9; still 5 working days.
# In a four-day week (Mon-Thu) with the same holiday: X Mon 2, Wed 4,
# Thu 5; Y Mon 9, Tue 10.
t plan add Holidays --unit 1 --start-date 2026-03-02
t step add X --plan 3 --duration-days 3
X=$(printf '%s' "$OUT" | sed 's/step \([0-9]*\) added/\1/')
t step add Y --plan 3 --duration-days 2
Y=$(printf '%s' "$OUT" | sed 's/step \([0-9]*\) added/\1/')
t step dep add "$Y" --on "$X"
sched() {
	t plan schedule 3 --json
	jqo '"\(.working_days) \(.finish) " + ([.steps[] | "\(.name):\(.early_start)..\(.early_finish)"] | join(" "))'
}
expect_eq "no holiday" "5 2026-03-06 X:2026-03-02..2026-03-04 Y:2026-03-05..2026-03-06" "$(sched)"
t calendar add 2026-03-03 --name "Founders' day"
expect_eq "a holiday inside X pushes both by a day" \
	"5 2026-03-09 X:2026-03-02..2026-03-05 Y:2026-03-06..2026-03-09" "$(sched)"
t calendar set --workdays mon,tue,wed,thu
expect_eq "a four-day week as well" \
	"5 2026-03-10 X:2026-03-02..2026-03-05 Y:2026-03-09..2026-03-10" "$(sched)"
# a holiday on the start day moves the plan's first day
t calendar add 2026-03-02 --name "Bridge day"
expect_eq "a holiday on the start day" \
	"5 2026-03-11 X:2026-03-04..2026-03-09 Y:2026-03-10..2026-03-11" "$(sched)"
finish
