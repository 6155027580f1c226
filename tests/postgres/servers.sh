# tests/postgres/servers.sh: several tandem processes on one PostgreSQL.
#   - servers started together migrate an empty database exactly once
#   - two servers, many clients writing at once: no lost write, no rule
#     broken (1440 minutes per person and day; a step starts only after
#     the steps it waits for, and a done step reopens only while nothing
#     waiting for it has started)
#   - a server survives PostgreSQL restarting, and answers 503 while it is down
#   - a migration that fails half way leaves nothing behind
# Runs only on PostgreSQL (tests/run-all runs it in the PostgreSQL passes).
. "$(dirname "$0")/../lib.sh"

if ! on_pg; then
	echo "servers.sh: needs PostgreSQL: set TANDEM_TEST_PG_HOST (tests/run-all starts a server)" >&2
	exit 1
fi

# serve URL: starts one more server on database URL; appends its pid to
# PIDS and its address to ADDRS.
PIDS=()
ADDRS=()
serve() {
	local n=${#PIDS[@]} addr=
	"$TANDEM" --db "$1" serve --listen 127.0.0.1:0 --threads 4 --check-every 0 >"$TMP/serve$n.out" 2>"$TMP/serve$n.err" &
	PIDS+=($!)
	for _ in $(seq 1 200); do
		addr=$(grep -o 'http://[0-9.:]*' "$TMP/serve$n.out" 2>/dev/null | head -n 1)
		[ -n "$addr" ] && break
		sleep 0.05
	done
	[ -n "$addr" ] || { fail "server $n did not start: $(cat "$TMP/serve$n.err")"; return 1; }
	ADDRS+=("$addr")
}
stop_servers() {
	local p
	for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
	for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
	PIDS=()
	ADDRS=()
}
trap 'stop_servers; cleanup' EXIT

# request FILE METHOD URL [BODY]: appends one request to a curl config, so
# that one curl process sends a client's requests over one connection.
request() {
	{
		[ -s "$1" ] && printf 'next\n'
		printf 'url = "%s"\nrequest = "%s"\n' "$3" "$2"
		# each transfer after "next" needs the header again (.curlrc's
		# applies to the first only)
		printf 'header = "Authorization: Bearer %s"\n' "$TOKEN"
		[ $# -ge 4 ] && printf 'header = "Content-Type: application/json"\ndata = "%s"\n' \
			"$(printf '%s' "$4" | sed 's/"/\\"/g')"
		printf 'output = "/dev/null"\nwrite-out = "%%{http_code}\\n"\n'
	} >>"$1"
}

# --- servers started together migrate once ---------------------------------
FIRST=$(newdb first) || exit 1
for i in 1 2 3 4 5 6; do
	"$TANDEM" --db "$FIRST" unit list >"$TMP/first$i.out" 2>"$TMP/first$i.err" &
	eval "first$i=\$!"
done
ok=0
for i in 1 2 3 4 5 6; do
	eval "wait \$first$i" && ok=$((ok + 1))
done
expect_eq "six processes opening an empty database at once all succeed" 6 "$ok"
expect_eq "the schema was migrated once: one row per version" 0 \
	"$(sqlat "$FIRST" "SELECT count(*) - count(DISTINCT version) + count(*) - max(version) FROM schema_version")"
# the same tables as a database one process migrated alone
ALONE=$(newdb alone)
"$TANDEM" --db "$ALONE" unit list >/dev/null
expect_eq "every table exists" "$(tables "$ALONE")" "$(tables "$FIRST")"
expect_contains "and the last migration's too" "$(tables "$FIRST")" "evm_planned"

# --- two servers, sixteen clients at once -----------------------------------
t unit add Plant && t person add "Ann Lee" --email ann@x.example --unit 1 &&
	t person add "Bo Chen" --email bo@x.example --unit 1 &&
	t plan add Line --unit 1 --start-date 2026-12-01 && t step add Weld --plan 1
expect_rc "seed" 0
admin_token || { fail "an admin token"; finish; exit 1; }
serve "$DB" && serve "$DB" || { finish; exit 1; }

# Ann: 8 clients x 60 requests of 5 minutes, all on 2026-12-01: 2400
# minutes asked, so exactly 1440 / 5 = 288 are accepted and 192 refused.
# Bo: 8 clients x 40 requests of 7 minutes, each client on its own day:
# 280 minutes a day, all 320 accepted, 2240 minutes in all.
for c in 0 1 2 3 4 5 6 7; do
	s=${ADDRS[$((c % 2))]}
	for _ in $(seq 1 60); do
		request "$TMP/ann$c.cfg" POST "$s/api/v1/time-entries" \
			'{"person_id":1,"step_id":1,"day":"2026-12-01","minutes":5}'
	done
	for _ in $(seq 1 40); do
		request "$TMP/bo$c.cfg" POST "$s/api/v1/time-entries" \
			"{\"person_id\":2,\"step_id\":1,\"day\":\"2026-12-1$c\",\"minutes\":7}"
	done
done
cpids=()
for c in 0 1 2 3 4 5 6 7; do
	curl -s -K "$TMP/ann$c.cfg" >"$TMP/ann$c.codes" &
	cpids+=($!)
	curl -s -K "$TMP/bo$c.cfg" >"$TMP/bo$c.codes" &
	cpids+=($!)
done
wait "${cpids[@]}"
codes() { cat "$@" | sort | uniq -c | awk '{printf "%s%s:%s", (NR > 1 ? "," : ""), $2, $1}'; }
expect_eq "Ann: 288 accepted, 192 refused (the 1440-minute rule)" "201:288,400:192" "$(codes "$TMP"/ann*.codes)"
expect_eq "Ann's day holds exactly 1440 minutes in 288 entries" "288|1440" \
	"$(sql "SELECT count(*), sum(minutes) FROM time_entry WHERE person_id = 1")"
expect_eq "Bo: all 320 accepted" "201:320" "$(codes "$TMP"/bo*.codes)"
expect_eq "Bo's entries all arrived: 320 of 7 minutes" "320|2240" \
	"$(sql "SELECT count(*), sum(minutes) FROM time_entry WHERE person_id = 2")"
expect_eq "Bo: 280 minutes on each of 8 days" "8|280|280" \
	"$(sql "SELECT count(*), min(m), max(m) FROM (SELECT sum(minutes) AS m FROM time_entry
		WHERE person_id = 2 GROUP BY day) d")"

# Status races. 40 pairs: B waits for A, A is done. One client (on server
# 0) reopens every A while another (on server 1) starts every B. For each
# pair exactly one of the two may succeed: a B started while its A is not
# done, or an A reopened under a started B, would break the rule.
t plan add Races --unit 1 --start-date 2026-12-01
for i in $(seq 1 40); do
	t step add "A$i" --plan 2 && a=${OUT#step } && a=${a% added}
	t step add "B$i" --plan 2 && b=${OUT#step } && b=${b% added}
	t step dep add "$b" --on "$a"
	echo "$a $b" >>"$TMP/pairs"
done
expect_eq "80 steps and 40 dependencies" "80|40" \
	"$(sql "SELECT (SELECT count(*) FROM step WHERE plan_id = 2), (SELECT count(*) FROM step_dep)")"
wins=0
for round in 1 2 3 4 5; do
	sql "UPDATE step SET status = 'done' WHERE plan_id = 2 AND name LIKE 'A%';
	     UPDATE step SET status = 'todo' WHERE plan_id = 2 AND name LIKE 'B%'" >/dev/null
	rm -f "$TMP/reopen.cfg" "$TMP/start.cfg"
	while read -r a b; do
		request "$TMP/reopen.cfg" PATCH "${ADDRS[0]}/api/v1/steps/$a" '{"status":"todo"}'
		request "$TMP/start.cfg" POST "${ADDRS[1]}/api/v1/steps/$b/start"
	done <"$TMP/pairs"
	curl -s -K "$TMP/reopen.cfg" >"$TMP/reopen.codes" &
	p1=$!
	curl -s -K "$TMP/start.cfg" >"$TMP/start.codes" &
	p2=$!
	wait $p1 $p2
	w=$(cat "$TMP/reopen.codes" "$TMP/start.codes" | grep -c '^200$')
	wins=$((wins + w))
	expect_eq "round $round: no answer but 200 or 409" "" \
		"$(cat "$TMP/reopen.codes" "$TMP/start.codes" | grep -v '^200$' | grep -v '^409$')"
	expect_eq "round $round: no B started while its A is not done" 0 \
		"$(sql "SELECT count(*) FROM step_dep d JOIN step b ON b.id = d.step_id
			JOIN step a ON a.id = d.depends_on
			WHERE b.status IN ('doing', 'done') AND a.status <> 'done'")"
	expect_eq "round $round: exactly one change per pair" 40 "$w"
done
expect_eq "200 changes in 5 rounds" 200 "$wins"
stop_servers

# --- PostgreSQL restarts under a running server -----------------------------
# its own server, in a folder the postgres user can reach ($TMP is private)
PGDIR=$(mktemp -d /tmp/tandem-pg2.XXXXXX)
rmdir "$PGDIR"
trap 'stop_servers; [ -d "$PGDIR" ] && "$ROOT/tests/pg-cluster" stop "$PGDIR"; cleanup' EXIT
if exports=$("$ROOT/tests/pg-cluster" start "$PGDIR") && eval "$exports"; then
	R="postgres://postgres@/tandem_restart?host=$PGDIR&port=$TANDEM_TEST_PG_PORT"
	"$PSQL" -X -q -d "postgres://postgres@/postgres?host=$PGDIR&port=$TANDEM_TEST_PG_PORT" \
		-c "CREATE DATABASE tandem_restart"
	run "$TANDEM" --db "$R" unit add Plant
	expect_rc "a unit on the second server" 0
	MAIN_DB=$DB
	DB=$R admin_token || fail "an admin token on the second server"
	serve "$R"
	URL=${ADDRS[0]}
	for i in 1 2 3 4; do
		api GET /api/v1/units/1
		expect_eq "before the restart: GET $i" 200 "$STATUS"
	done
	"$ROOT/tests/pg-cluster" ctl "$PGDIR" restart
	for i in 1 2 3 4 5 6 7 8; do
		api GET /api/v1/units/1
		expect_eq "after the restart: GET $i reconnects" "200 Plant" "$STATUS $(jqb .name)"
	done
	api POST /api/v1/units '{"name":"After"}'
	expect_eq "after the restart: a write" 201 "$STATUS"
	"$ROOT/tests/pg-cluster" ctl "$PGDIR" stop
	api GET /api/v1/units/1
	expect_eq "PostgreSQL down: 503" 503 "$STATUS"
	expect_contains "PostgreSQL down: the message names the database" "$(jqb .error.message)" \
		"postgres://postgres@/tandem_restart"
	api POST /api/v1/units '{"name":"Lost"}'
	expect_eq "PostgreSQL down: a write is refused" 503 "$STATUS"
	"$ROOT/tests/pg-cluster" ctl "$PGDIR" start
	api GET /api/v1/units
	expect_eq "PostgreSQL back: the units written, and nothing else (roots by name)" "200 After,Plant" \
		"$STATUS $(jqb '[.items[].name] | join(",")')"
	stop_servers
	expect_eq "the server stopped cleanly" 0 "$?"
	"$ROOT/tests/pg-cluster" stop "$PGDIR"
	DB=$MAIN_DB
else
	fail "a second PostgreSQL server for the restart test did not start"
fi

# --- a migration that fails half way ----------------------------------------
HALF=$(newdb half) || exit 1
# a type named like the last table: CREATE TABLE tool fails after the
# other tables were created in the same transaction
sqlat "$HALF" "CREATE TYPE tool AS (x int)"
run "$TANDEM" --db "$HALF" unit list
expect_rc "a failed migration: exit 6" 6
expect_contains "a failed migration: message" "$ERR" \
	"migrating to schema version 1 (foundation: units, people, plans, steps, time, tools) failed and was rolled back"
expect_eq "a failed migration left no table" "" "$(tables "$HALF")"

# --- connection errors --------------------------------------------------------
run "$TANDEM" --db postgres://tandem:s3cret@127.0.0.1:1/tandem unit list
expect_rc "an unreachable server: exit 6" 6
expect_contains "an unreachable server: host, port and reason" "$ERR" \
	'tandem: cannot connect to postgres://tandem:***@127.0.0.1:1/tandem (connection to server at "127.0.0.1", port 1 failed: Connection refused'
expect_not_contains "an unreachable server: no password shown" "$ERR" s3cret
run "$TANDEM" --db "$(pg_url no_such_database_here)" unit list
expect_rc "a database that does not exist: exit 6" 6
expect_contains "a database that does not exist: says so" "$ERR" 'database "no_such_database_here" does not exist'

finish
