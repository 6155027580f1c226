# edges: rules and parsing at their edges, found in review: a dependency
# added to a step already under way, text that is not UTF-8, "--",
# estimates wider than their column, dates at the end of the calendar.
source "$(dirname "$0")/../lib.sh"

digest() { dbsum; }

t unit add Acme
t plan add P --unit 1 --start-date 2026-03-02
t step add A --plan 1
t step add B --plan 1
t step add C --plan 1
t step start 1
t step "done" 1
t step start 2

# A step that is doing (2) or done (1) cannot start waiting for a step
# that is not done (3): it would be under way before what it waits for.
before=$(digest)
t step dep add 2 --on 3
expect_rc "a doing step cannot wait for a todo step" 5
expect_contains "the refusal names both steps and their states" "$ERR" \
	"--on: step 2 is doing, so it cannot wait for step 3, which is todo"
t step dep add 1 --on 3
expect_rc "a done step cannot wait for a todo step" 5
expect_eq "the refused dependencies wrote nothing" "$before" "$(digest)"
# waiting for a done step is fine, whatever its own state
t step dep add 2 --on 1
expect_rc "a doing step may wait for a done step" 0
t step dep add 3 --on 2
expect_rc "a todo step may wait for a doing step" 0

# Text must be UTF-8: a stray byte is refused, naming the flag.
before=$(digest)
t step add $'bad \xff name' --plan 1
expect_rc "a name that is not UTF-8 exits 3" 3
expect_contains "the refusal says UTF-8" "$ERR" "must be UTF-8 text"
t step set 1 --name $'x\xc3'
expect_rc "a cut UTF-8 sequence exits 3" 3
expect_contains "the refusal names --name" "$ERR" "--name: must be UTF-8 text"
expect_eq "refused text wrote nothing" "$before" "$(digest)"
t step add "Zoë — 日本" --plan 1
expect_rc "real UTF-8 is fine" 0

# "--" ends the flags: what follows is an argument, even if it looks
# like a flag; an ID given before it is kept.
t step show 1 --
expect_rc "an ID before -- is kept" 0
expect_contains "step show 1 -- shows step 1" "$OUT" "step      1"
t step add --plan 1 -- --odd-name
expect_rc "a name after -- may start with dashes" 0
expect_eq "the name is stored as given" 1 "$(sql "SELECT count(*) FROM step WHERE name = '--odd-name'")"
t step show 1 -- 2
expect_rc "a second ID after -- is refused" 2
t unit add X -- Y
expect_rc "a second NAME after -- is refused" 2
expect_eq "no unit was added" 1 "$(sql 'SELECT count(*) FROM unit')"

# Estimates wider than the column (5) shift their row instead of being
# cut: 100.25 h and 99999.75 h are printed whole.
t step add Wide --plan 1 --estimate-hours 100.25
t step add Huge --plan 1 --estimate-hours 99999.75
t step list --plan 1
expect_contains "100.25 h is printed whole" "$OUT" "100.25"
expect_contains "99999.75 h is printed whole" "$OUT" "99999.75"

# 0 is no id: "none" clears, 0 is refused (found by fuzzing).
t person add Ann --email ann@acme.test --unit 1
t step set 1 --assignee 0
expect_rc "--assignee 0 exits 3" 3
expect_contains "--assignee 0 says none clears" "$ERR" "or none"

# serve needs a file: workers open their own connections.
if sqlite_only "sqlite::memory: is an in-process SQLite database; a PostgreSQL database is always shared"; then
	run "$TANDEM" --db "sqlite::memory:" serve --listen 127.0.0.1:0
	expect_rc "serve on :memory: exits 3" 3
	expect_contains "serve says why" "$ERR" "serve needs a database file"
fi

# The demo keeps every date in the calendar, however long a plan runs:
# anchored in 9995, 3,000 steps in one plan (each at least a working day
# after one it waits for) would run past 9999 without the cap.
LONG=$(newdb long)
run "$TANDEM" --db "$LONG" demo --plans 1 --steps 3000 --months 0 --today 9995-06-01
expect_rc "a long plan seeds" 0
# (the pattern is checked by grep: GLOB is SQLite's)
expect_eq "every due date is YYYY-MM-DD" 0 \
	"$(sqlat "$LONG" "SELECT due FROM step WHERE due IS NOT NULL" | grep -cv '^[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]$')"
expect_eq "the plan did reach the calendar's last year" 1 \
	"$(sqlat "$LONG" "SELECT CASE WHEN max(due) >= '9998-01-01' THEN 1 ELSE 0 END FROM step")"
# A yes/no flag alone means yes; "true"/"false" after it still count;
# a word that can only be its value is refused as its value.
t unit add "Bool unit"
U=$(sql "SELECT max(id) FROM unit")
t position add Clerk --unit "$U" --headcount 2
t position add Full --unit "$U" --headcount 0
t position list --vacant --unit "$U" --json
expect_rc "--vacant alone, then another flag" 0
bare=$OUT
expect_eq "--vacant alone lists the position with a vacancy" "Clerk" "$(jqo '[.items[].title] | join(",")')"
t position list --unit "$U" --vacant true --json
expect_eq "--vacant true is the same" "$bare" "$OUT"
t position list --unit "$U" --vacant
expect_rc "--vacant last on the line" 0
expect_contains "--vacant last: the vacancy is listed" "$OUT" "Clerk"
t position list --unit "$U" --vacant false --json
expect_eq "--vacant false lists both" "Clerk,Full" "$(jqo '[.items[].title] | sort | join(",")')"
t position list --unit "$U" --vacant maybe
expect_rc "--vacant maybe exits 3" 3
expect_contains "and says what --vacant takes" "$ERR" "vacant: must be true or false"
t control verify --fix
expect_rc "control verify --fix alone" 0

# An optional argument fills the field its flag names: "unit evm 3" is
# "unit evm --unit 3"; giving both is refused, naming both.
P=$(sql "SELECT min(id) FROM person")
for cmd in "unit evm" "unit complexity"; do
	# shellcheck disable=SC2086
	t $cmd --unit "$U" --json
	flag=$OUT
	# shellcheck disable=SC2086
	t $cmd "$U" --json
	expect_rc "$cmd UNIT" 0
	expect_eq "$cmd UNIT is $cmd --unit UNIT" "$flag" "$OUT"
	for both in "$U --unit $U" "--unit $U $U"; do
		# shellcheck disable=SC2086
		t $cmd $both
		expect_rc "$cmd $both exits 2" 2
		expect_contains "$cmd $both says so" "$ERR" "takes the unit as its argument or as --unit, not both"
	done
done
t person load --person "$P" --from 2026-11-23 --weeks 2 --json
flag=$OUT
t person load "$P" --from 2026-11-23 --weeks 2 --json
expect_eq "person load PERSON is person load --person PERSON" "$flag" "$OUT"
t person load x
expect_rc "person load with a word exits 3" 3
expect_contains "and names what it must be" "$ERR" "must be an id"
t unit evm --help
expect_contains "the usage shows the optional argument" "$OUT" "usage: tandem unit evm [UNIT] [flags]"

# A command's argument may fill another field than its name: the day of
# a holiday, which then has no flag of its own.
t calendar add
expect_rc "calendar add without its day exits 2" 2
expect_contains "it asks for the DAY" "$ERR" "'calendar add' needs a DAY"
t calendar add 2026-12-25 --day 2026-12-24 --name X
expect_rc "--day as a flag exits 2" 2
expect_contains "it says the day is the argument" "$ERR" "takes the day as its argument, not --day"
expect_eq "neither wrote a holiday" 0 "$(sql 'SELECT count(*) FROM holiday')"

finish
