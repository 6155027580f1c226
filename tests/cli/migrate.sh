# tandem migrate: an embedded database copied into another, empty one
# (PostgreSQL on the PostgreSQL run, SQLite on the SQLite run) and back,
# every row identical; refusals write nothing; a copy killed half way
# leaves the target without a record.
. "$(dirname "$0")/../lib.sh"

SRC="sqlite:$TMP/src.db"
DST=$(newdb dst) || exit 1
BACK="sqlite:$TMP/back.db"

# the demo, plus references that point at larger ids (a parent created
# after its child, a manager after the person), which a copy in id order
# must still satisfy
run "$TANDEM" --db "$SRC" demo --today 2026-11-27
expect_rc "seed the source" 0
run "$TANDEM" --db "$SRC" unit add Late
late=$(sqlat "$SRC" "SELECT max(id) FROM unit")
run "$TANDEM" --db "$SRC" unit move 2 --parent "$late"
expect_rc "move unit 2 under the newest unit" 0
run "$TANDEM" --db "$SRC" person add "Late Manager" --email late@northwind.example --unit 1
boss=$(sqlat "$SRC" "SELECT max(id) FROM person")
leaf=$(sqlat "$SRC" "SELECT min(id) FROM person WHERE id NOT IN
	(SELECT manager_id FROM person WHERE manager_id IS NOT NULL)")
run "$TANDEM" --db "$SRC" person set "$leaf" --manager "$boss"
expect_rc "person $leaf reports to the newest person" 0

run "$TANDEM" --db "$SRC" user add --person 1 --role admin
expect_rc "an account in the source" 0
run "$TANDEM" --db "$SRC" token add --user 1 --name scripts
expect_rc "and an API token" 0
# every table of the schema but its version (and SQLite's own): a table
# a migration adds is compared too, without a line here
TABLES=$(tables "$SRC" | tr , '\n' | grep -v -x -e schema_version -e 'sqlite_.*' | tr '\n' ' ')
expect_contains "the source has the management tables too" "$TABLES" "problem"
# every row, sorted as text: the same rows whatever order the database
# keeps them in (a table may hold rows with the same first columns, such
# as a pulse's comments, kept in no order on purpose)
rows() {	# URL TABLE
	sqlat "$1" "SELECT * FROM $2" | LC_ALL=C sort
}

run "$TANDEM" migrate --from "$SRC" --to "$DST"
expect_rc "migrate to the empty database" 0
for t in $TABLES; do
	n=$(sqlat "$SRC" "SELECT count(*) FROM $t")
	expect_contains "the report counts $t" "$OUT" "$(printf '%-12s %s' "$t" "$n")"
	expect_eq "$t: the same $n rows in the target" "$(rows "$SRC" $t | sha256sum)" \
		"$(rows "$DST" $t | sha256sum)"
done
total=0
for t in $TABLES; do total=$((total + $(sqlat "$SRC" "SELECT count(*) FROM $t"))); done
expect_contains "the report's total" "$OUT" "copied $total records; the row counts of both databases match"
expect_eq "the copy's foreign keys all hold" "" "$(fk_violations "$DST")"
expect_eq "unit 2's parent is the late unit" "$late" "$(sqlat "$DST" "SELECT parent_id FROM unit WHERE id = 2")"
expect_eq "person $leaf's manager is the newest person" "$boss" \
	"$(sqlat "$DST" "SELECT manager_id FROM person WHERE id = $leaf")"

# tandem reads the copy as it read the original
for cmd in "unit list" "person list" "plan list" "step list" "time list" "tool list"; do
	# shellcheck disable=SC2086
	a=$("$TANDEM" --db "$SRC" $cmd --json)
	# shellcheck disable=SC2086
	b=$("$TANDEM" --db "$DST" $cmd --json)
	expect_eq "$cmd: the same on both" "$a" "$b"
done

# new records continue after the copied ids
next=$(($(sqlat "$SRC" "SELECT max(id) FROM step") + 1))
run "$TANDEM" --db "$DST" step add "After the move" --plan 1
expect_eq "a new step takes the next id" "step $next added" "$OUT"
nextu=$(($(sqlat "$SRC" "SELECT max(id) FROM unit") + 1))
run "$TANDEM" --db "$DST" unit add "After the move"
expect_eq "a new unit takes the next id" "unit $nextu added" "$OUT"

# and back into a new embedded database
run "$TANDEM" migrate --from "$DST" --to "$BACK" --json
expect_rc "migrate back" 0
expect_eq "the JSON report counts steps" "$(sqlat "$DST" "SELECT count(*) FROM step")" "$(jqo .step)"
expect_eq "the JSON report counts units" "$nextu" "$(jqo .unit)"
for t in $TABLES; do
	expect_eq "$t: back again unchanged" "$(rows "$DST" $t | sha256sum)" "$(rows "$BACK" $t | sha256sum)"
done

# refusals write nothing
before=$(dbsum "$DST")
run "$TANDEM" migrate --from "$SRC" --to "$DST"
expect_rc "a target with records: conflict" 5
expect_contains "a target with records: message" "$ERR" \
	"tandem: --to: $(printf '%s' "$DST" | sed 's/^sqlite://') already holds records ($nextu in unit); copy into an empty database"
expect_eq "a target with records: nothing written" "$before" "$(dbsum "$DST")"

run "$TANDEM" migrate --from "$SRC"
expect_rc "no --to: bad input" 3
expect_eq "no --to: message" "tandem: --to: is required" "$ERR"
run "$TANDEM" migrate --to "$DST"
expect_eq "no --from: message" "tandem: --from: is required" "$ERR"
run "$TANDEM" migrate --from mysql:x --to "$DST"
expect_rc "an unknown scheme: bad input" 3
expect_contains "an unknown scheme: names the flag" "$ERR" 'tandem: --from: unknown database URL "mysql:x"'
run "$TANDEM" migrate --from "sqlite:$TMP/no/such/folder.db" --to "$DST"
expect_rc "a source that cannot be opened" 6
expect_contains "a source that cannot be opened: message" "$ERR" "tandem: --from: cannot open $TMP/no/such/folder.db"
run "$TANDEM" migrate --from "$SRC" --to postgres://tandem:s3cret@127.0.0.1:1/nowhere
expect_rc "an unreachable target" 6
expect_contains "an unreachable target: names host and reason" "$ERR" \
	'tandem: --to: cannot connect to postgres://tandem:***@127.0.0.1:1/nowhere (connection to server at "127.0.0.1", port 1 failed: Connection refused'
expect_not_contains "an unreachable target: the password is not shown" "$ERR" s3cret
expect_eq "the refusals left the target as it was" "$before" "$(dbsum "$DST")"
printf 'not sqlite ' >"$TMP/noise.db"
head -c 8192 /dev/urandom >>"$TMP/noise.db"
run "$TANDEM" migrate --from "sqlite:$TMP/noise.db" --to "$(newdb other)"
expect_rc "a source that is not a database" 6
expect_contains "a source that is not a database: message" "$ERR" "tandem: --from: $TMP/noise.db is not a tandem database"

# killed half way: the target holds no record, and a second run copies all
if on_pg; then steps=20000; else steps=150000; fi
BIG="sqlite:$TMP/big.db"
run "$TANDEM" --db "$BIG" demo --steps $steps --plans 20 --today 2026-11-27
expect_rc "a big source" 0
KILLED=$(newdb killed) || exit 1
"$TANDEM" migrate --from "$BIG" --to "$KILLED" >/dev/null 2>&1 &
pid=$!
# wait until the copy has begun: the target's schema is committed first
for _ in $(seq 1 400); do
	[ "$(has_table "$KILLED" step 2>/dev/null)" = 1 ] && break
	sleep 0.01
done
sleep 0.1
if kill -KILL $pid 2>/dev/null; then
	wait $pid 2>/dev/null
	# (the schema is made one migration at a time: a later table may not
	# be there yet, and holds no record either)
	counts=$(for t in $TABLES; do
		if [ "$(has_table "$KILLED" "$t")" = 1 ]; then sqlat "$KILLED" "SELECT count(*) FROM $t"; else echo 0; fi
	done | join_lines ,)
	zeros=$(for t in $TABLES; do echo 0; done | join_lines ,)
	expect_eq "a copy killed half way left no record" "$zeros" "$counts"
else
	fail "the copy ended before it could be killed: make the source bigger"
fi
run "$TANDEM" migrate --from "$BIG" --to "$KILLED"
expect_rc "the copy again, whole" 0
expect_eq "every step arrived" "$steps" "$(sqlat "$KILLED" "SELECT count(*) FROM step")"
expect_eq "every dependency arrived" "$(sqlat "$BIG" "SELECT count(*) FROM step_dep")" \
	"$(sqlat "$KILLED" "SELECT count(*) FROM step_dep")"

finish
