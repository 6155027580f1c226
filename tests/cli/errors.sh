#!/usr/bin/env bash
# tests/cli/errors.sh: every way to give tandem bad input. Each refusal
# must exit with the documented code (2 usage, 3 bad input, 4 not found,
# 5 conflict, 6 database unusable), say on stderr which flag broke which
# rule, print nothing on stdout, and write nothing: the whole database
# (lib.sh's dbsum: the sqlite3 .dump, or every table of PostgreSQL's) is
# compared before and after.
source "$(dirname "$0")/../lib.sh"

# refused NAME CODE NEEDLE ARGS...: tandem ARGS is refused with exit CODE,
# NEEDLE on stderr, an empty stdout and an unchanged database.
refused() {
	local name=$1 code=$2 needle=$3
	shift 3
	local before
	before=$(dbsum)
	t "$@"
	expect_rc "$name: exit $code" "$code"
	expect_contains "$name: message" "$ERR" "$needle"
	expect_eq "$name: stderr starts with tandem:" "tandem: " "$(printf '%s\n' "$ERR" | tail -n 1 | cut -c1-8)"
	expect_eq "$name: nothing on stdout" "" "$OUT"
	expect_eq "$name: nothing written" "$before" "$(dbsum)"
}

# a small organization to be refused against: unit 1, Ann (1), plan 1,
# steps 1 and 2 (2 waits for 1), one time entry, one tool
t unit add Root
t person add Ann --email ann@t.test --unit 1
t plan add P --unit 1 --start-date 2026-03-02
t step add A --plan 1
t step add B --plan 1
t step dep add 2 --on 1
t time log --person 1 --step 1 --day 2026-03-02 --minutes 60
t tool add Drill --cost 10
expect_eq "setup" "1|1|1|2|1|1|1" \
	"$(sql 'SELECT (SELECT count(*) FROM unit), (SELECT count(*) FROM person), (SELECT count(*) FROM plan), (SELECT count(*) FROM step), (SELECT count(*) FROM step_dep), (SELECT count(*) FROM time_entry), (SELECT count(*) FROM tool)')"

# --- usage errors (exit 2) --------------------------------------------------

refused "unknown noun near step" 2 "unknown command 'stpe'; did you mean 'step'?" stpe list
refused "unknown verb near list" 2 "unknown command 'step lsit'; did you mean 'step list'?" step lsit
refused "unknown verb near start" 2 "did you mean 'step start'?" step strat 1
refused "two-word verb misspelt" 2 "unknown command 'step dep ad'; did you mean 'step dep add'?" \
	step dep ad 2 --on 1
refused "two-word verb half given" 2 "did you mean 'step dep add'?" step dep
refused "unknown noun far from any" 2 "unknown command 'xyzzy' (see 'tandem help')" xyzzy list
refused "unknown verb far from any" 2 "unknown command 'unit frobnicate'" unit frobnicate
refused "a noun without a verb" 2 "'step' needs a verb" step
expect_contains "a noun without a verb lists its verbs" "$ERR" "step list"
refused "unknown flag near --plan" 2 "unknown flag --plna for 'step list'; did you mean --plan?" \
	step list --plna 1
refused "unknown flag near --email" 2 "did you mean --email?" person add X --emial x@t.test --unit 1
refused "unknown flag far from any" 2 "unknown flag --colour for 'plan list' (see 'tandem plan list --help')" \
	plan list --colour red
refused "--name for a positional NAME" 2 "'unit add' takes the name as its argument, not --name" \
	unit add X --name Y
refused "a flag given twice" 2 "flag --plan is given twice" step list --plan 1 --plan 1
refused "a flag given twice with =" 2 "flag --status is given twice" step list --status=todo --status todo
refused "a flag missing its value at the end" 2 "flag --plan needs a value" step list --plan
refused "a flag followed by a global flag" 2 "flag --plan needs a value" step add X --plan --json
refused "--db missing its value" 2 "flag --db needs a value" unit list --db
refused "an unknown global flag" 2 "unknown global flag --verbose" --verbose unit list
refused "no NAME" 2 "'step add' needs a NAME" step add --plan 1
expect_contains "no NAME shows the usage" "$ERR" "usage: tandem step add NAME [flags]"
refused "no ID" 2 "'unit show' needs an ID" unit show
refused "an ID that is not a number" 2 "'unit show' takes an id (a whole number above 0), not \"abc\"" unit show abc
refused "ID 0" 2 "takes an id (a whole number above 0), not \"0\"" step start 0
refused "a negative ID" 2 "not \"-3\"" unit show -3
refused "an ID past int64" 2 "not \"99999999999999999999\"" unit show 99999999999999999999
refused "two IDs" 2 "'unit show' takes one argument, not also \"2\"" unit show 1 2
refused "an argument to a list" 2 "'step list' takes no arguments, not also \"extra\"" step list extra
refused "--json where there is none" 2 "'unit rm' has no --json output" unit rm 1 --json

# --- bad input (exit 3) -------------------------------------------------

refused "missing required --plan" 3 "--plan: is required" step add X
refused "missing required --email" 3 "--email: is required" person add X --unit 1
refused "missing required --unit" 3 "--unit: is required" plan add X --start-date 2026-01-05
refused "missing required --on" 3 "--on: is required" step dep add 2
refused "missing required --minutes" 3 "--minutes: is required" time log --person 1 --step 1 --day 2026-03-03
refused "an empty NAME" 3 "name: must not be empty" unit add ""
refused "an empty --name" 3 "--name: must not be empty" unit set 1 --name=
refused "a NAME too long" 3 "name: must be at most 200 characters" unit add "$(printf 'x%.0s' $(seq 201))"
refused "a control character" 3 "--title: must not contain control characters" person set 1 --title "$(printf 'a\001b')"
refused "an id that is not a number" 3 "--plan: must be an id (a whole number above 0), got \"x\"" step list --plan x
refused "an id of 0" 3 "--plan: must be an id (a whole number above 0)" step add X --plan 0
refused "an id past int64" 3 "--plan: must be an id" step list --plan 99999999999999999999
refused "a count that is not a number" 3 "--duration-days: must be a whole number, got \"two\"" \
	step add X --plan 1 --duration-days two
refused "a number with a plus sign" 3 "--limit: must be a whole number, got \"+3\"" step list --limit +3
refused "hours that are not a number" 3 "--estimate-hours: must be a number of hours, got \"1h\"" \
	step add X --plan 1 --estimate-hours 1h
refused "hours with three decimals" 3 "--capacity-hours: must be a number of hours, got \"1.125\"" \
	person set 1 --capacity-hours 1.125
refused "money with a comma" 3 "--rate: must be an amount with at most 2 decimals, got \"1,50\"" \
	person set 1 --rate 1,50
refused "a limit below 0" 3 "--limit: must be a whole number from 0 to 1000000000" step list --limit -1
refused "a duration over the maximum" 3 "--duration-days: must be a whole number from 0 to 10000" \
	step add X --plan 1 --duration-days 10001
refused "a lag over the maximum" 3 "--lag-days: must be a whole number from 0 to 1000" \
	step dep add 2 --on 1 --lag-days 1001
refused "capacity over a week" 3 "--capacity-hours: must be a number of hours from 0 to 168" \
	person set 1 --capacity-hours 168.01
refused "minutes over a day" 3 "--minutes: must be a whole number from 1 to 1440" \
	time log --person 1 --step 1 --day 2026-03-03 --minutes 1441
refused "a day's total over 1440" 3 "--minutes: person 1 already has 60 minutes on 2026-03-02; at most 1380 more" \
	time log --person 1 --step 2 --day 2026-03-02 --minutes 1381
refused "an unknown status" 3 "--status: must be one of todo, doing, done, blocked (got \"nope\")" \
	step list --status nope
refused "a month 13" 3 "--due-before: must be a date as YYYY-MM-DD (got \"2026-13-01\")" \
	step list --due-before 2026-13-01
refused "a date in another format" 3 "--due: must be a date as YYYY-MM-DD (got \"03/02/2026\")" \
	step set 1 --due 03/02/2026
refused "February 29 of a common year" 3 "--start-date: must be a date" \
	plan add X --unit 1 --start-date 2027-02-29
refused "a bad email" 3 "--email: \"ann\" is not an email address (name@domain)" \
	person add X --email ann --unit 1
refused "a manager of oneself" 3 "--manager: a person cannot manage themselves" person set 1 --manager 1
refused "a step depending on itself" 3 "--on: a step cannot depend on itself" step dep add 1 --on 1
refused "a tool to a plan and a step" 3 "--step: a tool goes to a plan or to a step, not both" \
	tool alloc 1 --plan 1 --step 1
refused "a tool allocated to nothing" 3 "give --plan ID or --step ID" tool alloc 1
refused "a unit under itself" 3 "--parent: unit 1 cannot move under itself" unit move 1 --parent 1

# --- not found (exit 4) -------------------------------------------------

refused "an unknown unit" 4 "no unit with id 99" unit show 99
refused "an unknown person" 4 "no person with id 99" person show 99
refused "an unknown plan" 4 "no plan with id 99" plan show 99
refused "an unknown step" 4 "no step with id 99" step show 99
refused "an unknown tool" 4 "no tool with id 99" tool show 99
refused "an unknown time entry" 4 "no time entry with id 99" time rm 99
refused "a step in an unknown plan" 4 "--plan: no plan with id 99" step add X --plan 99
refused "a person in an unknown unit" 4 "--unit: no unit with id 99" person add X --email x@t.test --unit 99
refused "an unknown parent" 4 "--parent: no unit with id 99" unit add X --parent 99
refused "an unknown assignee" 4 "--assignee: no person with id 99" step set 1 --assignee 99
refused "an unknown owner" 4 "--owner: no person with id 99" plan set 1 --owner 99
refused "time on an unknown step" 4 "--step: no step with id 99" time log --person 1 --step 99 --day 2026-03-03 --minutes 5
refused "starting an unknown step" 4 "no step with id 99" step start 99
refused "removing an unknown unit" 4 "no unit with id 99" unit rm 99
refused "an unknown dependency" 4 "--on: step 2 does not depend on step 99" step dep rm 2 --on 99

# --- conflicts (exit 5) -------------------------------------------------

refused "a dependency cycle" 5 "--on: that would make a dependency cycle: step 1 \"A\" -> step 2 \"B\" -> step 1 \"A\"" \
	step dep add 1 --on 2
refused "an email already taken" 5 "--email: ANN@t.test is already taken by person 1" \
	person add X --email ANN@t.test --unit 1
refused "starting before a dependency is done" 5 "step 2 cannot be doing yet: it depends on step 1 \"A\", which is todo" \
	step start 2
refused "removing a unit in use" 5 "unit 1 still has 0 child unit(s), 1 person(s) and 1 plan(s)" unit rm 1
refused "removing a person in use" 5 "person 1 still has 0 report(s), owns 0 plan(s), is assigned 0 step(s) and logged 1 time entry" \
	person rm 1
refused "removing a plan with steps" 5 "plan 1" plan rm 1
refused "removing a step with time" 5 "step 1 still has 1 time entry" step rm 1
refused "demo into a used database" 5 "the database already holds 1 unit(s)" demo --today 2026-11-27

# --- the database (exit 6, or 3 for a URL) ------------------------------

# pg_name URL: the database name in a postgres:// URL.
pg_name() {
	local n=${1##*/}
	printf '%s\n' "${n%%\?*}"
}

# random bytes: not a database at all; the file stays as it was
if sqlite_only "a file of random bytes is SQLite's case: a PostgreSQL URL names a database on a server (see 'no server' below)"; then
	printf 'not sqlite ' >"$TMP/random.db"
	head -c 8192 /dev/urandom >>"$TMP/random.db"
	sum=$(sha256sum <"$TMP/random.db")
	run "$TANDEM" --db "sqlite:$TMP/random.db" unit list
	expect_rc "random bytes: exit 6" 6
	expect_contains "random bytes: message" "$ERR" "random.db is not a tandem database"
	expect_eq "random bytes: nothing on stdout" "" "$OUT"
	expect_eq "random bytes: the file is unchanged" "$sum" "$(sha256sum <"$TMP/random.db")"
	expect_eq "random bytes: no journal files left" "random.db" "$(cd "$TMP" && ls random.db*)"
	run "$TANDEM" --db "sqlite:$TMP/random.db" unit add X
	expect_rc "random bytes: a write is refused too" 6
	expect_eq "random bytes: still unchanged after a write" "$sum" "$(sha256sum <"$TMP/random.db")"
fi

# a database of some other program: refused and left as it was (on
# SQLite, byte for byte: not even switched to WAL, which would rewrite
# its header)
OTHER=$(newdb other)
sqlat "$OTHER" "CREATE TABLE invoice (id INTEGER PRIMARY KEY, total INT); INSERT INTO invoice VALUES (1, 100)"
othersum() {
	if on_sqlite; then sha256sum <"$TMP/other.db"; else dbsum "$OTHER"; fi
}
sum=$(othersum)
run "$TANDEM" --db "$OTHER" unit add X
expect_rc "unrelated tables: exit 6" 6
if on_sqlite; then
	expect_contains "unrelated tables: message" "$ERR" "other.db is not a tandem database (it has no schema_version table)"
else
	expect_contains "unrelated tables: message" "$ERR" "is not a tandem database (it has no schema_version table)"
	expect_contains "unrelated tables: the message names the database" "$ERR" "$(pg_name "$OTHER")"
fi
expect_eq "unrelated tables: nothing on stdout" "" "$OUT"
expect_eq "unrelated tables: the database is unchanged" "$sum" "$(othersum)"
if sqlite_only "the journal mode is SQLite's"; then
	expect_eq "unrelated tables: still in its own journal mode" "delete" "$(sqlat "$OTHER" 'PRAGMA journal_mode')"
fi
expect_eq "unrelated tables: no tandem tables added" "invoice" "$(tables "$OTHER")"

# a database from a newer tandem
FUTURE=$(newdb future)
run "$TANDEM" --db "$FUTURE" unit list
expect_rc "future: created by this tandem" 0
sqlat "$FUTURE" "INSERT INTO schema_version VALUES (999, 'future')"
before=$(dbsum "$FUTURE")
run "$TANDEM" --db "$FUTURE" unit add X
expect_rc "newer schema: exit 6" 6
expect_contains "newer schema: message says newer" "$ERR" "has schema version 999, newer than this tandem knows"
expect_eq "newer schema: nothing on stdout" "" "$OUT"
expect_eq "newer schema: nothing written" "$before" "$(dbsum "$FUTURE")"

if on_sqlite; then
	run "$TANDEM" --db "sqlite:$TMP/no/such/dir/x.db" unit list
	expect_rc "a path that cannot be opened: exit 6" 6
	expect_contains "a path that cannot be opened: message" "$ERR" "cannot open $TMP/no/such/dir/x.db"
else
	# PostgreSQL's analogs: a database the server does not have (tandem
	# does not create it), and a socket folder with no server in it
	nodb=t_$$_no_such_db
	run "$TANDEM" --db "$(pg_url "$nodb")" unit list
	expect_rc "a database that does not exist: exit 6" 6
	expect_contains "a database that does not exist: the message names it" "$ERR" "$nodb"
	expect_eq "a database that does not exist: nothing on stdout" "" "$OUT"
	expect_eq "a database that does not exist: it was not created" 0 \
		"$(pg_admin -c "SELECT count(*) FROM pg_database WHERE datname = '$nodb'")"
	run "$TANDEM" --db "postgres://postgres@/x?host=$TMP&port=5432" unit list
	expect_rc "no server: exit 6" 6
	expect_eq "no server: nothing on stdout" "" "$OUT"
	expect_eq "no server: stderr starts with tandem:" "tandem: " "$(printf '%s\n' "$ERR" | tail -n 1 | cut -c1-8)"
fi

run "$TANDEM" --db mysql:x unit list
expect_rc "an unknown URL scheme: exit 3" 3
expect_contains "an unknown URL scheme: message" "$ERR" "db: unknown database URL \"mysql:x\" (expected sqlite:PATH or postgres://USER@HOST:PORT/NAME)"
expect_eq "an unknown URL scheme: nothing on stdout" "" "$OUT"
run "$TANDEM" --db sqlite: unit list
expect_rc "an empty sqlite path: exit 3" 3
expect_contains "an empty sqlite path: message" "$ERR" "the URL names no database"

# a usage error never creates the database file (on PostgreSQL: never
# creates tables in a new, empty database)
NEVER=$(newdb never)
created() {
	if on_sqlite; then (cd "$TMP" && ls never.db* 2>/dev/null); else tables "$NEVER"; fi
}
run "$TANDEM" --db "$NEVER" stpe list
expect_rc "a usage error on a new path: exit 2" 2
expect_eq "a usage error creates no file" "" "$(created)"
run "$TANDEM" --db "$NEVER" step add --help
expect_rc "help on a new path: exit 0" 0
expect_eq "help creates no file" "" "$(created)"

# --- help and the bare command ------------------------------------------

run "$TANDEM"
expect_rc "no arguments: exit 2" 2
expect_contains "no arguments: usage on stderr" "$ERR" "usage: tandem [--db URL] NOUN VERB [ARGS] [--json]"
expect_eq "no arguments: nothing on stdout" "" "$OUT"
run "$TANDEM" help
expect_rc "help: exit 0" 0
expect_contains "help: usage on stdout" "$OUT" "usage: tandem [--db URL] NOUN VERB [ARGS] [--json]"
expect_contains "help: lists the commands" "$OUT" "step dep add"
expect_eq "help: nothing on stderr" "" "$ERR"
run "$TANDEM" --help
expect_rc "--help: exit 0" 0
expect_contains "--help: usage on stdout" "$OUT" "usage: tandem"
run "$TANDEM" help step
expect_rc "help NOUN: exit 0" 0
expect_contains "help NOUN: lists its verbs" "$OUT" "step count"
expect_not_contains "help NOUN: only that noun" "$OUT" "unit add"
run "$TANDEM" help stpe
expect_rc "help of an unknown noun: exit 2" 2
expect_contains "help of an unknown noun suggests" "$ERR" "did you mean 'step'?"
run "$TANDEM" step add --help
expect_rc "step add --help: exit 0" 0
expect_contains "step add --help: usage" "$OUT" "usage: tandem step add NAME [flags]"
expect_contains "step add --help: lists --plan as required" "$OUT" "--plan ID"
expect_contains "step add --help: marks it required" "$(printf '%s\n' "$OUT" | grep -e '--plan ID')" "(required)"
expect_contains "step add --help: lists --due" "$OUT" "--due YYYY-MM-DD"
expect_not_contains "step add --help: NAME is no flag" "$OUT" "--name"
expect_eq "step add --help: nothing on stderr" "" "$ERR"
run "$TANDEM" help step dep add
expect_rc "help of a two-word verb: exit 0" 0
expect_contains "help of a two-word verb" "$OUT" "--lag-days N"
run "$TANDEM" version
expect_rc "version: exit 0" 0
expect_contains "version: prints it" "$OUT" "tandem "

# --- where the database is: --db, then TANDEM_DB, then ./tandem.db ------

ENVDB=$(newdb env)
FLAGDB=$(newdb flag)
run env TANDEM_DB="$ENVDB" "$TANDEM" unit add FromEnv
expect_rc "TANDEM_DB is honoured without --db" 0
expect_eq "TANDEM_DB names the database written" "FromEnv" "$(sqlat "$ENVDB" 'SELECT name FROM unit')"
run env TANDEM_DB="$ENVDB" "$TANDEM" --db "$FLAGDB" unit add FromFlag
expect_rc "--db with TANDEM_DB set" 0
expect_eq "--db wins over TANDEM_DB" "FromFlag" "$(sqlat "$FLAGDB" 'SELECT name FROM unit')"
expect_eq "--db left the TANDEM_DB database alone" 1 "$(sqlat "$ENVDB" 'SELECT count(*) FROM unit')"
run env TANDEM_DB="$ENVDB" "$TANDEM" unit list --db "$FLAGDB" --json
expect_eq "--db after the command wins too" "FromFlag" "$(jqo '.items[0].name')"
mkdir "$TMP/cwd"
run env -u TANDEM_DB sh -c 'cd "$1" && exec "$2" unit add Here' sh "$TMP/cwd" "$TANDEM"
expect_rc "no --db and no TANDEM_DB" 0
# (the default is an SQLite file whichever database the suite runs on)
expect_eq "the default is ./tandem.db" "Here" "$(sqlat "sqlite:$TMP/cwd/tandem.db" 'SELECT name FROM unit')"
run env TANDEM_DB= sh -c 'cd "$1" && exec "$2" unit add Again' sh "$TMP/cwd" "$TANDEM"
expect_eq "an empty TANDEM_DB means the default" 2 "$(sqlat "sqlite:$TMP/cwd/tandem.db" 'SELECT count(*) FROM unit')"

finish
