#!/usr/bin/env bash
# tests/cli/calendar.sh: the organization calendar (calendar show/add/rm/
# set): the working week by names or ISO digits, holidays, and the
# refusals, each of which writes nothing.
source "$(dirname "$0")/../lib.sh"

digest() {
	sql "SELECT * FROM $1 ORDER BY 1" | sha256sum | cut -d' ' -f1
}

# --- a new database: Monday to Friday, no holidays ---------------------------
t calendar show
expect_rc "calendar show" 0
expect_eq "the default week and no holidays" "working week: Mon Tue Wed Thu Fri
no holidays" "$OUT"
t calendar show --json
expect_eq "--json: the default week" '12345 ["mon","tue","wed","thu","fri"] 0' \
	"$(jqo '"\(.workdays) \(.working_week | tostring) \(.holidays | length)"')"
expect_eq "no setting is stored until set" 0 "$(sql "SELECT count(*) FROM setting WHERE key = 'workdays'")"

# --- holidays ------------------------------------------------------------------
t calendar add 2026-12-25 --name Christmas
expect_rc "calendar add" 0
expect_eq "calendar add says so" "holiday 2026-12-25 added: Christmas" "$OUT"
t calendar add 2026-12-26 --name "St Stephen's Day"
t calendar add 2027-01-01 --name "New Year's Day"
expect_eq "three holidays stored" "2026-12-25|Christmas
2026-12-26|St Stephen's Day
2027-01-01|New Year's Day" "$(sql 'SELECT day, name FROM holiday ORDER BY day')"
expect_eq "each add is audited" 3 "$(sql "SELECT count(*) FROM audit WHERE action = 'calendar add'")"

before=$(digest holiday)
t calendar add 2026-12-25 --name Again
expect_rc "a day that already is a holiday exits 5" 5
expect_contains "the conflict names the day and its holiday" "$ERR" "day: 2026-12-25 is already a holiday (Christmas)"
t calendar add 2026-02-30 --name Nope
expect_rc "an impossible day exits 3" 3
expect_contains "an impossible day is named" "$ERR" 'day: must be a date as YYYY-MM-DD (got "2026-02-30")'
t calendar add tomorrow --name Nope
expect_rc "a word for a day exits 3" 3
t calendar add 2026-05-01
expect_rc "no --name exits 3" 3
expect_contains "no --name names the flag" "$ERR" "--name: is required"
t calendar add 2026-05-01 --name ""
expect_rc "an empty name exits 3" 3
expect_contains "an empty name names the flag" "$ERR" "--name: must not be empty"
t calendar add --name Nameless
expect_rc "no day is a usage error" 2
t calendar rm 2026-12-24
expect_rc "rm of a day that is no holiday exits 4" 4
expect_contains "rm of a day that is no holiday says so" "$ERR" "day: 2026-12-24 is not a holiday"
t calendar rm 2026-13-01
expect_rc "rm of an impossible day exits 3" 3
expect_eq "no refused change touched the holidays" "$before" "$(digest holiday)"

t calendar show
# Dec 25 2026 is a Friday (Nov 27 2026 is one: +28 days), the 26th a Saturday
expect_eq "the holidays with their weekdays" "working week: Mon Tue Wed Thu Fri
DAY         WEEKDAY  NAME
2026-12-25  Fri      Christmas
2026-12-26  Sat      St Stephen's Day
2027-01-01  Fri      New Year's Day" "$OUT"
t calendar show --year 2027 --json
expect_eq "--year keeps that year's holidays" "2027-01-01" "$(jqo '[.holidays[].day] | join(",")')"
t calendar show --year 2026 --json
expect_eq "--year 2026" "2026-12-25,2026-12-26" "$(jqo '[.holidays[].day] | join(",")')"
t calendar show --year 99
expect_rc "an impossible year exits 3" 3

t calendar rm 2026-12-26
expect_rc "calendar rm" 0
expect_eq "calendar rm says so" "holiday 2026-12-26 removed" "$OUT"
expect_eq "calendar rm deleted the row" "2026-12-25,2027-01-01" "$(sql 'SELECT day FROM holiday ORDER BY day' | join_lines ,)"

# --- the working week ------------------------------------------------------------
t calendar set --workdays mon,tue,wed,thu
expect_rc "calendar set by names" 0
expect_eq "calendar set prints the week" "working week: Mon Tue Wed Thu" "$OUT"
expect_eq "stored as ISO digits" 1234 "$(sql "SELECT value FROM setting WHERE key = 'workdays'")"
t calendar set --workdays 7,1 --json
expect_eq "digits, in any order, stored in order" 17 "$(sql "SELECT value FROM setting WHERE key = 'workdays'")"
expect_eq "--json names the week" '17 ["mon","sun"]' "$(jqo '"\(.workdays) \(.working_week | tostring)"')"
t calendar set --workdays "Monday, Friday"
expect_eq "whole names, any case" 15 "$(sql "SELECT value FROM setting WHERE key = 'workdays'")"
expect_eq "one setting row, replaced" 1 "$(sql "SELECT count(*) FROM setting WHERE key = 'workdays'")"

before=$(digest setting)
for bad in funday "" , 8 "mon;tue" mo; do
	t calendar set --workdays "$bad"
	expect_rc "workdays \"$bad\" exits 3" 3
	expect_contains "workdays \"$bad\" names --workdays" "$ERR" "--workdays: "
done
t calendar set --workdays funday
expect_contains "an unknown day is named" "$ERR" '--workdays: unknown day "funday"'
t calendar set --workdays ","
expect_contains "an empty week is refused" "$ERR" "--workdays: the week needs at least one working day"
t calendar set
expect_rc "calendar set without --workdays exits 3" 3
expect_contains "calendar set without --workdays says it is required" "$ERR" "--workdays: is required"
expect_eq "no refused week changed the setting" "$before" "$(digest setting)"

t calendar set --workdays 12345
t calendar show --json
expect_eq "back to Monday to Friday" 12345 "$(jqo .workdays)"

finish
