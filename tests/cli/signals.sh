#!/usr/bin/env bash
# tests/cli/signals.sh: signals (signal add/list/show/set/rm/review/
# respond/unrespond/import) and themes (theme add/list/show/set/rm/tag/
# untag): the pressure and the trend worked by hand, the flag and its
# setting, the unit filter, the CSV import in one transaction, and every
# refusal writing nothing.
source "$(dirname "$0")/../lib.sh"

# the content of the signal tables, for "nothing written"
digest() {
	dbsum "$DB" signal theme signal_theme signal_response
}

# units 1 Root { 2 Sales { 3 East } }, 4 Other; strategy 1 "Regional hubs"
t unit add Root
t unit add Sales --parent 1
t unit add East --parent 2
t unit add Other
sql "INSERT INTO strategy (name) VALUES ('Regional hubs')"

# --- add, and its refusals -----------------------------------------------------
t theme add Delivery --description "Next-day delivery"
expect_rc "theme add" 0
expect_eq "theme add prints the id" "theme 1 added" "$OUT"
t signal add "Rival offers next-day" --category competitor --kind threat --impact 4 \
	--likelihood 5 --source "Trade press" --day 2026-05-15 --unit 2 --theme 1
expect_rc "signal add" 0
expect_eq "signal add prints the id" "signal 1 added" "$OUT"
expect_eq "stored as given" "Rival offers next-day|Trade press|2026-05-15|competitor|threat|4|5|2|" \
	"$(sql 'SELECT observed, source, day, category, kind, impact, likelihood, unit_id, reviewed FROM signal')"
expect_eq "tagged with the theme" "1|1" "$(sql 'SELECT signal_id, theme_id FROM signal_theme')"
t signal add "Quick one" --category market --kind opportunity --impact 1 --likelihood 1 --unit 4
expect_rc "the day and the source are optional" 0
expect_eq "the day defaults to today (UTC)" "$(date -u +%F)|" "$(sql 'SELECT day, source FROM signal WHERE id = 2')"
before=$(digest)
for bad in 0 6 -1; do
	t signal add Bad --category market --kind threat --impact "$bad" --likelihood 3 --unit 2
	expect_rc "impact $bad exits 3" 3
	expect_contains "impact $bad names --impact and 1 to 5" "$ERR" "--impact: must be a whole number from 1 to 5"
done
for bad in x 2.5; do
	t signal add Bad --category market --kind threat --impact "$bad" --likelihood 3 --unit 2
	expect_rc "impact $bad exits 3" 3
	expect_contains "impact $bad names --impact" "$ERR" "--impact: must be a whole number, got \"$bad\""
done
t signal add Bad --category market --kind threat --impact 3 --likelihood 9 --unit 2
expect_rc "likelihood 9 exits 3" 3
expect_contains "it names --likelihood" "$ERR" "--likelihood: must be a whole number from 1 to 5"
t signal add Bad --category weather --kind threat --impact 3 --likelihood 3 --unit 2
expect_rc "an unknown category exits 3" 3
expect_contains "it names --category" "$ERR" "--category: must be one of market, customer, technology, competitor, regulation, society, internal"
t signal add Bad --category market --kind rumour --impact 3 --likelihood 3 --unit 2
expect_rc "an unknown kind exits 3" 3
expect_contains "it names --kind" "$ERR" "--kind: must be one of opportunity, threat"
t signal add Bad --category market --kind threat --impact 3 --likelihood 3 --unit 99
expect_rc "an unknown unit exits 4" 4
expect_contains "it names --unit" "$ERR" "--unit: no unit with id 99"
t signal add Bad --category market --kind threat --impact 3 --likelihood 3 --unit 2 --theme 99
expect_rc "an unknown theme exits 4" 4
expect_contains "it names --theme" "$ERR" "--theme: no theme with id 99"
t signal add Bad --kind threat --impact 3 --likelihood 3 --unit 2
expect_rc "no category exits 3" 3
expect_contains "the missing category is named" "$ERR" "--category: is required"
t signal add Bad --category market --kind threat --impact 3 --likelihood 3 --unit 2 --day 2026-02-30
expect_rc "an impossible day exits 3" 3
t theme add Delivery
expect_rc "a theme name taken exits 5" 5
expect_contains "it names --name" "$ERR" "a theme named \"Delivery\" exists already"
expect_eq "no refused add wrote anything" "$before" "$(digest)"
t signal rm 2

# --- pressure and trend, by hand -------------------------------------------------
# As of 2026-05-15 the window is (2025-05-15, 2026-05-15]; the trend's
# quarters are 2025 Q3, 2025 Q4, 2026 Q1, 2026 Q2. Theme 1's signals:
#   id day         unit   I x L   window  quarter
#   1  2026-05-15  Sales  4x5=20  yes     2026 Q2 (the day itself counts)
#   3  2025-05-15  Sales  5x5=25  no      -       (the open end)
#   4  2025-05-16  East   2x3=6   yes     -       (2025 Q2)
#   5  2025-07-01  Sales  4x4=16  yes     2025 Q3
#   6  2025-12-31  Other  3x2=6   yes     2025 Q4
#   7  2026-01-01  Sales  1x5=5   yes     2026 Q1
#   8  2026-05-16  Sales  5x5=25  no      -       (after the day)
# pressure = 20 + 6 + 16 + 6 + 5 = 53; quarters 16 6 5 20.
add() { # DAY UNIT IMPACT LIKELIHOOD
	t signal add "Signal of $1" --category customer --kind threat --impact "$3" \
		--likelihood "$4" --day "$1" --unit "$2" --theme 1
	expect_rc "signal add $1" 0
}
add 2025-05-15 2 5 5
add 2025-05-16 3 2 3
add 2025-07-01 2 4 4
add 2025-12-31 4 3 2
add 2026-01-01 2 1 5
add 2026-05-16 2 5 5
t theme add Empty
pressure() { # [FLAGS...]: "pressure q0 q1 q2 q3 responded flagged" of theme 1
	t theme list --json "$@"
	jqo '.items[] | select(.theme_id == 1) | "\(.pressure) \(.quarters | map(tostring) | join(" ")) \(.responded) \(.flagged)"'
}
expect_eq "pressure and trend as of 2026-05-15" "53 16 6 5 20 false true" "$(pressure --as-of 2026-05-15)"
t theme list --as-of 2026-05-15 --json
expect_eq "themes by name, each listed" "Delivery Empty" "$(jqo '[.items[].name] | join(" ")')"
expect_eq "a theme without signals has no pressure" "0 false" "$(jqo '.items[1] | "\(.pressure) \(.flagged)"')"
# only Sales' subtree (2, 3): signal 6 (Other, 6) drops out of the
# pressure and of 2025 Q4: 53 - 6 = 47
expect_eq "pressure of a unit's subtree" "47 16 0 5 20 false true" "$(pressure --as-of 2026-05-15 --unit 2)"
# as of 2026-05-16, signal 8 (25) comes in and 2025-05-16 (6) drops out:
# 53 + 25 - 6 = 72, and 2026 Q2 is 20 + 25 = 45
expect_eq "one day later" "72 16 6 5 45 false true" "$(pressure --as-of 2026-05-16)"
t theme list --as-of 2026-05-15
expect_contains "the table flags it" "$OUT" "high pressure, no response"
expect_contains "the trend header names the quarters" "$OUT" "TREND 2025 Q3..2026 Q2"

# the threshold: setting signals.pressure_high
sql "INSERT INTO setting (key, value) VALUES ('signals.pressure_high', '54')"
expect_eq "53 below a threshold of 54: not flagged" "53 16 6 5 20 false false" "$(pressure --as-of 2026-05-15)"
sql "UPDATE setting SET value = '53' WHERE key = 'signals.pressure_high'"
expect_eq "53 reaching 53: flagged" "53 16 6 5 20 false true" "$(pressure --as-of 2026-05-15)"
sql "DELETE FROM setting WHERE key = 'signals.pressure_high'"
t theme threshold
expect_eq "the threshold defaults to 40" "themes are flagged from a pressure of 40" "$OUT"
before=$(digest)
for bad in 0 1000001 x; do
	t theme threshold --value "$bad"
	expect_rc "threshold $bad exits 3" 3
done
expect_eq "no refused threshold is stored" "0" "$(sql "SELECT count(*) FROM setting WHERE key = 'signals.pressure_high'")"
t theme threshold --value 60
expect_rc "theme threshold --value" 0
expect_eq "stored as the setting" "60" "$(sql "SELECT value FROM setting WHERE key = 'signals.pressure_high'")"
expect_eq "53 below 60: not flagged" "53 16 6 5 20 false false" "$(pressure --as-of 2026-05-15)"
t theme threshold --value 40

# --- responses -----------------------------------------------------------------------
before=$(digest)
t signal respond 3 --strategy 99
expect_rc "an unknown strategy exits 4" 4
expect_contains "it names --strategy" "$ERR" "--strategy: no strategy with id 99"
t signal respond 99 --strategy 1
expect_rc "an unknown signal exits 4" 4
expect_eq "no refused response wrote anything" "$before" "$(digest)"
# a response to any of its signals, even one outside the window
t signal respond 3 --strategy 1
expect_rc "signal respond" 0
expect_eq "signal respond says so" "strategy 1 responds to signal 3" "$OUT"
expect_eq "a response clears the flag" "53 16 6 5 20 true false" "$(pressure --as-of 2026-05-15)"
t signal respond 3 --strategy 1
expect_rc "responding twice exits 5" 5
t signal show 3 --json
expect_eq "show lists themes and strategies" "Delivery Regional hubs" "$(jqo '"\(.themes[0].name) \(.strategies[0].name)"')"
t signal unrespond 3 --strategy 1
expect_rc "signal unrespond" 0
expect_eq "the flag is back" "53 16 6 5 20 false true" "$(pressure --as-of 2026-05-15)"
t signal unrespond 3 --strategy 1
expect_rc "unresponding what is not there exits 4" 4

# --- review, list, show, set ---------------------------------------------------------
t signal review 1
expect_rc "signal review" 0
expect_eq "reviewed today" "$(date -u +%F)" "$(sql 'SELECT reviewed FROM signal WHERE id = 1')"
t signal review 4 --day 2026-01-02
expect_eq "reviewed on a given day" "2026-01-02" "$(sql 'SELECT reviewed FROM signal WHERE id = 4')"
t signal review 99
expect_rc "reviewing an unknown signal exits 4" 4
t signal list --json
expect_eq "newest first" "8 1 7 6 5 4 3" "$(jqo '[.items[].id | tostring] | join(" ")')"
expect_eq "the count" "7" "$(jqo .count)"
t signal list --unit 2 --json
expect_eq "a unit's subtree (East's 4, not Other's 6)" "8 1 7 5 4 3" "$(jqo '[.items[].id | tostring] | join(" ")')"
t signal list --from 2025-07-01 --to 2026-01-01 --json
expect_eq "from and to are inclusive" "7 6 5" "$(jqo '[.items[].id | tostring] | join(" ")')"
t signal list --theme 2 --json
expect_eq "a theme's signals: none" "0" "$(jqo .count)"
t signal list
expect_contains "the table shows the score" "$OUT" "20  Sales"
before=$(digest)
t signal set 5 --impact 7
expect_rc "set impact 7 exits 3" 3
t signal set 5 --unit 99
expect_rc "set an unknown unit exits 4" 4
expect_eq "no refused set wrote anything" "$before" "$(digest)"
t signal set 5 --impact 2 --category market
expect_rc "signal set" 0
expect_eq "set changes what was given" "2|4|market|threat" "$(sql 'SELECT impact, likelihood, category, kind FROM signal WHERE id = 5')"
# 16 became 2 x 4 = 8: pressure 53 - 8 = 45, 2025 Q3 8
expect_eq "the pressure follows" "45 8 6 5 20 false true" "$(pressure --as-of 2026-05-15)"

# --- tagging ----------------------------------------------------------------------------
before=$(digest)
t theme tag 1 --signal 3
expect_rc "tagging twice exits 5" 5
t theme tag 1 --signal 99
expect_rc "tagging an unknown signal exits 4" 4
t theme tag 99 --signal 3
expect_rc "tagging with an unknown theme exits 4" 4
t theme untag 2 --signal 3
expect_rc "untagging what is not tagged exits 4" 4
expect_eq "no refused tag wrote anything" "$before" "$(digest)"
t theme tag 2 --signal 1
expect_rc "theme tag" 0
t theme show 2 --as-of 2026-05-15 --json
expect_eq "theme show: its signals and pressure" "1 20 1" "$(jqo '"\(.signal_count) \(.pressure) \(.signals[0].id)"')"
t theme untag 2 --signal 1
expect_rc "theme untag" 0
t theme set 2 --name Delivery
expect_rc "renaming to a taken name exits 5" 5
t theme set 2 --name Regulation --description "EU rules"
expect_eq "theme set" "Regulation|EU rules" "$(sql 'SELECT name, description FROM theme WHERE id = 2')"

# --- import -------------------------------------------------------------------------------
# quoted fields, a doubled quote, CRLF, an empty day (today), themes by
# name (Regulation exists, Packaging is new)
printf '%s\r\n' 'observed,source,day,category,kind,impact,likelihood,unit_id,themes' \
	'"Packaging rules, draft","EU ""OJ""",2026-03-01,regulation,threat,3,4,2,Regulation;Packaging' \
	'Robots cheaper,,,technology,opportunity,2,2,4,' >"$TMP/ok.csv"
before_n=$(sql 'SELECT count(*) FROM signal')
t signal import "$TMP/ok.csv"
expect_rc "signal import" 0
expect_eq "it counts the rows" "2 signals imported" "$OUT"
expect_eq "quoted fields kept whole" 'Packaging rules, draft|EU "OJ"|2026-03-01|3|4|2' \
	"$(sql "SELECT observed, source, day, impact, likelihood, unit_id FROM signal WHERE observed LIKE 'Packaging%'")"
expect_eq "an empty day is today" "$(date -u +%F)" "$(sql "SELECT day FROM signal WHERE observed = 'Robots cheaper'")"
expect_eq "themes by name, a new one created" "Packaging,Regulation" \
	"$(sql "SELECT t.name FROM signal_theme x JOIN theme t ON t.id = x.theme_id JOIN signal s ON s.id = x.signal_id WHERE s.observed LIKE 'Packaging%' ORDER BY t.name" | paste -sd,)"
expect_eq "two more signals" "$((before_n + 2))" "$(sql 'SELECT count(*) FROM signal')"
before=$(digest)
bad_csv() { # NAME LINES...: a file whose line 3 is bad
	printf '%s\n' 'observed,source,day,category,kind,impact,likelihood,unit_id' \
		'Fine,,2026-01-01,market,threat,1,1,2' "$@" >"$TMP/bad.csv"
	t signal import "$TMP/bad.csv"
}
bad_csv 'Bad,,2026-01-01,market,threat,9,1,2'
expect_rc "an impact of 9 on line 3 exits 3" 3
expect_contains "it names the line and the field" "$ERR" "line 3: impact: must be a whole number from 1 to 5"
bad_csv 'Bad,,2026-01-01,weather,threat,1,1,2'
expect_rc "an unknown category exits 3" 3
expect_contains "it names the line and the category" "$ERR" "line 3: category: must be one of"
bad_csv 'Bad,,2026-01-01,market,threat,1,1,99'
expect_rc "an unknown unit in a file exits 3" 3
expect_contains "it names the line and the unit" "$ERR" "line 3: unit_id: no unit with id 99"
bad_csv 'Bad,,2026-01-01,market,threat,1,x,2'
expect_contains "a number that is no number" "$ERR" "line 3: likelihood: must be a whole number"
bad_csv 'Bad,,2026-01-01,market,threat,1,1'
expect_contains "a short row" "$ERR" "line 3: has 7 fields, the header 8"
bad_csv 'Bad "quote",,2026-01-01,market,threat,1,1,2'
expect_contains "malformed CSV" "$ERR" "line 3: malformed CSV"
printf 'observed,day\nx,2026-01-01\n' >"$TMP/bad.csv"
t signal import "$TMP/bad.csv"
expect_rc "a bad header exits 3" 3
expect_contains "it says what the header must be" "$ERR" "line 1: the header must be observed,source,day,category,kind,impact,likelihood,unit_id[,themes]"
t signal import "$TMP/none.csv"
expect_rc "a missing file exits 4" 4
expect_eq "no refused import wrote anything (not even line 2)" "$before" "$(digest)"

# --- removal --------------------------------------------------------------------------------
t signal respond 1 --strategy 1
t signal rm 1
expect_rc "signal rm" 0
expect_eq "its tags and responses go with it" "0 0" \
	"$(sql 'SELECT count(*) FROM signal_theme WHERE signal_id = 1') $(sql 'SELECT count(*) FROM signal_response WHERE signal_id = 1')"
t signal rm 1
expect_rc "signal rm twice exits 4" 4
n=$(sql 'SELECT count(*) FROM signal')
t theme rm 1
expect_rc "theme rm" 0
expect_eq "its signals stay" "$n" "$(sql 'SELECT count(*) FROM signal')"
expect_eq "its tags go" "0" "$(sql 'SELECT count(*) FROM signal_theme WHERE theme_id = 1')"
t theme rm 1
expect_rc "theme rm twice exits 4" 4
expect_eq "every write is audited" "1 1" \
	"$(sql "SELECT count(*) FROM audit WHERE action = 'signal import'") $(sql "SELECT count(*) FROM audit WHERE action = 'theme rm'")"

finish
