#!/usr/bin/env bash
# tests/cli/demo.sh: tandem demo seeds a consistent, deterministic demo
# organization into an empty database, and only into an empty one.
source "$(dirname "$0")/../lib.sh"

A=$(newdb a)
B=$(newdb b)
C=$(newdb c)
q() {	# q URL QUERY
	sqlat "$1" "$2"
}

run "$TANDEM" --db "$A" demo --today 2026-11-27
expect_rc "demo" 0
expect_contains "demo says what it seeded" "$OUT" "demo organization seeded: 6 units, 40 people, 5 plans, 80 steps"
expect_eq "demo counts in sql" "6|40|5|80|5" \
	"$(q "$A" 'SELECT (SELECT count(*) FROM unit), (SELECT count(*) FROM person), (SELECT count(*) FROM plan), (SELECT count(*) FROM step), (SELECT count(*) FROM tool)')"

# three levels: one root, and the deepest unit two below it
depths() {
	q "$1" "WITH RECURSIVE t(id, depth) AS (SELECT id, 0 FROM unit WHERE parent_id IS NULL
	        UNION ALL SELECT u.id, t.depth + 1 FROM unit u JOIN t ON u.parent_id = t.id)
	        SELECT count(DISTINCT depth), max(depth), sum(CASE WHEN depth = 0 THEN 1 ELSE 0 END), count(*) FROM t"
}
expect_eq "units: 3 levels, 1 root, every unit reached from it" "3|2|1|6" "$(depths "$A")"

# the rules the domain enforces hold for the seeded data too
expect_eq "every doing or done step has all its dependencies done" 0 \
	"$(q "$A" "SELECT count(*) FROM step s JOIN step_dep d ON d.step_id = s.id JOIN step o ON o.id = d.depends_on
	           WHERE s.status IN ('doing', 'done') AND o.status <> 'done'")"
expect_eq "and there are such steps (the check above is not empty)" 1 \
	"$(q "$A" "SELECT CASE WHEN count(*) > 10 THEN 1 ELSE 0 END FROM step s JOIN step_dep d ON d.step_id = s.id WHERE s.status IN ('doing', 'done')")"
expect_eq "no person-day over 1440 minutes" 0 \
	"$(q "$A" 'SELECT count(*) FROM (SELECT person_id, day FROM time_entry GROUP BY 1, 2 HAVING sum(minutes) > 1440) AS d')"
expect_eq "there are time entries" 1 "$(q "$A" 'SELECT CASE WHEN count(*) > 0 THEN 1 ELSE 0 END FROM time_entry')"
expect_eq "every entry is 1-1440 minutes" 0 "$(q "$A" 'SELECT count(*) FROM time_entry WHERE minutes NOT BETWEEN 1 AND 1440')"
expect_eq "dependencies stay within a plan" 0 \
	"$(q "$A" 'SELECT count(*) FROM step_dep d JOIN step s ON s.id = d.step_id JOIN step o ON o.id = d.depends_on WHERE s.plan_id <> o.plan_id')"
# a step depends only on earlier steps, so the graph has no cycle
expect_eq "dependencies point to earlier steps (acyclic)" 0 \
	"$(q "$A" 'SELECT count(*) FROM step_dep WHERE depends_on >= step_id')"
# (the weekday by GNU date: %u is 6 for Saturday, 7 for Sunday)
expect_eq "time is logged on working days (not Sat/Sun)" 0 \
	"$(q "$A" 'SELECT DISTINCT day FROM time_entry' | date -f - +%u | grep -c '^[67]$')"
expect_eq "time is logged before the anchor day" 0 "$(q "$A" "SELECT count(*) FROM time_entry WHERE day >= '2026-11-27'")"
expect_eq "time only on started steps" 0 \
	"$(q "$A" "SELECT count(*) FROM time_entry t JOIN step s ON s.id = t.step_id WHERE s.status NOT IN ('doing', 'done')")"
expect_eq "assignees belong to the plan's unit" 0 \
	"$(q "$A" 'SELECT count(*) FROM step s JOIN plan p ON p.id = s.plan_id JOIN person a ON a.id = s.assignee_id WHERE a.unit_id <> p.unit_id')"
expect_eq "foreign keys hold" "" "$(fk_violations "$A")"
expect_eq "a tool is on a plan or a step, not both" 0 "$(q "$A" 'SELECT count(*) FROM tool WHERE plan_id IS NOT NULL AND step_id IS NOT NULL')"

# tandem reads its demo back: the CLI agrees with sql
run "$TANDEM" --db "$A" step count --status "done"
expect_eq "step count --status done agrees with sql" "$(q "$A" "SELECT count(*) FROM step WHERE status = 'done'")" "$OUT"
run "$TANDEM" --db "$A" time list --json
expect_eq "time list total agrees with sql" "$(q "$A" 'SELECT sum(minutes) FROM time_entry')" "$(jqo '.total_minutes')"

# deterministic: the same arguments give the same rows
run "$TANDEM" --db "$B" demo --today 2026-11-27 --json
expect_rc "demo --json" 0
expect_eq "demo --json counts agree with sql" \
	"$(q "$B" 'SELECT (SELECT count(*) FROM unit), (SELECT count(*) FROM person), (SELECT count(*) FROM plan), (SELECT count(*) FROM step), (SELECT count(*) FROM step_dep), (SELECT count(*) FROM time_entry), (SELECT count(*) FROM tool)' | tr '|' ' ')" \
	"$(jqo '"\(.units) \(.people) \(.plans) \(.steps) \(.dependencies) \(.time_entries) \(.tools)"')"
dump3() {
	dbsum "$1" step step_dep time_entry
}
expect_eq "same seed and day: identical step, step_dep, time_entry" "$(dump3 "$A")" "$(dump3 "$B")"
expect_eq "same seed and day: identical people" "$(dbsum "$A" person)" "$(dbsum "$B" person)"
run "$TANDEM" --db "$C" demo --today 2026-11-27 --seed 2
expect_rc "demo --seed 2" 0
expect_eq "another seed: the same counts of units, people, plans, steps" "6|40|5|80" \
	"$(q "$C" 'SELECT (SELECT count(*) FROM unit), (SELECT count(*) FROM person), (SELECT count(*) FROM plan), (SELECT count(*) FROM step)')"
if [ "$(dump3 "$A")" != "$(dump3 "$C")" ]; then pass; else fail "another seed gives other steps"; fi
expect_eq "another seed keeps the dependency rule" 0 \
	"$(q "$C" "SELECT count(*) FROM step s JOIN step_dep d ON d.step_id = s.id JOIN step o ON o.id = d.depends_on
	           WHERE s.status IN ('doing', 'done') AND o.status <> 'done'")"

# only into an empty database, and a refusal writes nothing
before=$(dbsum "$A")
run "$TANDEM" --db "$A" demo --today 2026-11-27 --seed 3
expect_rc "demo into a seeded database exits 5" 5
expect_contains "demo into a seeded database says why" "$ERR" "the database already holds 6 unit(s): demo seeds only an empty database"
expect_eq "demo refused printed nothing" "" "$OUT"
expect_eq "demo refused wrote nothing" "$before" "$(dbsum "$A")"
ONE=$(newdb one)
run "$TANDEM" --db "$ONE" unit add Lonely
before=$(dbsum "$ONE")
run "$TANDEM" --db "$ONE" demo
expect_rc "demo into a database with one unit exits 5" 5
expect_eq "that refusal wrote nothing either" "$before" "$(dbsum "$ONE")"

# bad sizes and days are refused before anything is written
BAD=$(newdb bad)
run "$TANDEM" --db "$BAD" demo --people 5
expect_rc "fewer people than units exits 3" 3
expect_contains "--people names its range" "$ERR" "--people: must be a whole number from 6 to 1000000"
run "$TANDEM" --db "$BAD" demo --today 2026-02-31
expect_rc "a bad --today exits 3" 3
expect_contains "--today names the format" "$ERR" "--today: must be a date as YYYY-MM-DD"
run "$TANDEM" --db "$BAD" demo --plans 0
expect_rc "--plans 0 exits 3" 3
expect_eq "the refused demos seeded nothing" 0 "$(q "$BAD" 'SELECT count(*) FROM unit' 2>/dev/null || echo 0)"

# sizes
BIG=$(newdb big)
run "$TANDEM" --db "$BIG" demo --today 2026-11-27 --people 100 --plans 10 --steps 1000
expect_rc "demo with sizes" 0
expect_eq "--people 100 --plans 10 --steps 1000" "6|100|10|1000" \
	"$(q "$BIG" 'SELECT (SELECT count(*) FROM unit), (SELECT count(*) FROM person), (SELECT count(*) FROM plan), (SELECT count(*) FROM step)')"
# 1000 steps over 10 plans: 100 each
expect_eq "steps spread evenly over the plans" "100|100" \
	"$(q "$BIG" 'SELECT min(n), max(n) FROM (SELECT count(*) n FROM step GROUP BY plan_id) AS c')"
expect_eq "the big demo keeps the dependency rule" 0 \
	"$(q "$BIG" "SELECT count(*) FROM step s JOIN step_dep d ON d.step_id = s.id JOIN step o ON o.id = d.depends_on
	                    WHERE s.status IN ('doing', 'done') AND o.status <> 'done'")"
expect_eq "the big demo keeps days within 1440" 0 \
	"$(q "$BIG" 'SELECT count(*) FROM (SELECT person_id, day FROM time_entry GROUP BY 1, 2 HAVING sum(minutes) > 1440) AS d')"
expect_eq "the big demo is still 3 levels" "3|2|1|6" "$(depths "$BIG")"
ZERO=$(newdb zero)
run "$TANDEM" --db "$ZERO" demo --today 2026-11-27 --steps 0
expect_rc "demo --steps 0" 0
expect_eq "--steps 0 seeds no steps or time" "0|0" \
	"$(q "$ZERO" 'SELECT (SELECT count(*) FROM step), (SELECT count(*) FROM time_entry)')"

# A big write leaves no big WAL behind: the next process would have to
# read all of it before its first query. 20,000 steps write several MiB.
if sqlite_only "the WAL file beside the database file is SQLite's; a PostgreSQL client leaves none"; then
	run "$TANDEM" --db "sqlite:$TMP/wal.db" demo --steps 20000 --plans 10 --today 2026-11-27
	expect_rc "demo --steps 20000" 0
	wal=$(stat -c %s "$TMP/wal.db-wal" 2>/dev/null || echo 0)
	[ "$wal" -le 1048576 ] && pass || fail "the WAL is left at $wal bytes (over 1 MiB)"
	expect_eq "the steps are in the database file itself" 20000 \
		"$(q "sqlite:$TMP/wal.db" 'SELECT count(*) FROM step')"
fi

finish
