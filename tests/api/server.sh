#!/usr/bin/env bash
# tests/api/server.sh: the server as a process: a graceful shutdown with
# requests in flight, concurrent writers, keep-alive, and a second server
# on a port already taken.
#
# Counts are checked against the database with the sqlite3 CLI (or psql)
# and against sums worked out by hand.
. "$(dirname "$0")/../lib.sh"

V=/api/v1
t demo --today 2026-11-27
expect_rc "seed the demo" 0
PERSON=$(sql "SELECT min(id) FROM person")
STEP=$(sql "SELECT min(id) FROM step")

# --- graceful shutdown ----------------------------------------------------
# Eight slow POSTs send their headers and half their body, then the rest
# 2 s later, so they are in flight when SIGTERM comes (once six quick
# requests have been answered, at about 0.5 s); six more go after it. Every answer must
# be a complete 2xx, or a refused connection; never a reset, a truncated
# or an empty reply, or a 5xx.

PIDS=()
# bg ID CURL-ARGS...: a background curl; its exit code, status and body
# land in $TMP/rc.ID, $TMP/code.ID and $TMP/body.ID.
bg() {
	local id=$1
	shift
	(
		curl -s -o "$TMP/body.$id" -w '%{http_code}' "$@" >"$TMP/code.$id" 2>/dev/null
		echo $? >"$TMP/rc.$id"
	) &
	PIDS+=($!)
}
slow_post() {	# ID DAY
	local id=$1 day=$2
	(
		{
			printf '{"person_id":%s,"step_id":%s,' "$PERSON" "$STEP"
			sleep 2
			printf '"day":"%s","minutes":30,"note":"slow %s"}' "$day" "$id"
		} | curl -s -o "$TMP/body.$id" -w '%{http_code}' -X POST -T - -H 'Expect:' \
			-H 'Content-Type: application/json' "$URL$V/time-entries" >"$TMP/code.$id" 2>/dev/null
		echo $? >"$TMP/rc.$id"
	) &
	PIDS+=($!)
}
quick_post() {	# ID DAY
	bg "$1" -X POST -H 'Content-Type: application/json' \
		--data-binary "{\"person_id\":$PERSON,\"step_id\":$STEP,\"day\":\"$2\",\"minutes\":15,\"note\":\"quick $1\"}" \
		"$URL$V/time-entries"
}

start_server --threads 4 || { fail "server starts" "$(cat "$TMP/server.err")"; finish; exit 1; }
for i in 1 2 3 4 5 6 7 8; do
	slow_post s$i 2031-01-0$i
done
quick_post q1 2031-02-01
quick_post q2 2031-02-02
bg q3 "$URL$V/steps"
bg q4 "$URL/healthz"
bg q5 "$URL$V/units"
quick_post q6 2031-02-03
for id in q1 q2 q3 q4 q5 q6; do
	for _ in $(seq 1 100); do [ -f "$TMP/rc.$id" ] && break; sleep 0.02; done
done
sleep 0.3
slow_done=$(ls "$TMP" | grep -c '^rc\.s')
expect_eq "the slow requests are still in flight at SIGTERM" 0 "$slow_done"
kill -TERM "$SERVER_PID"

# new connections are refused at once, while the slow requests finish
refused_at=
for _ in $(seq 1 100); do
	curl -s -o /dev/null --max-time 1 "$URL/healthz"
	if [ $? -eq 7 ]; then refused_at=alive; kill -0 "$SERVER_PID" 2>/dev/null || refused_at=gone; break; fi
	sleep 0.02
done
expect_eq "after SIGTERM new connections are refused while requests finish" alive "$refused_at"
quick_post l1 2031-03-01
bg l2 "$URL/healthz"
bg l3 "$URL$V/steps"
quick_post l4 2031-03-02
bg l5 "$URL$V/people"
quick_post l6 2031-03-03
for id in l1 l2 l3 l4 l5 l6; do	# the late ones return at once
	for _ in $(seq 1 100); do [ -f "$TMP/rc.$id" ] && break; sleep 0.02; done
done
expect_eq "late requests return while the server is still finishing" alive \
	"$(kill -0 "$SERVER_PID" 2>/dev/null && echo alive || echo gone)"
wait "${PIDS[@]}"
wait "$SERVER_PID"
SERVER_RC=$?
SERVER_PID=
expect_eq "SIGTERM: the server exits with 0" 0 "$SERVER_RC"
inflight=$(sed -n 's/.*finishing \([0-9]*\) request(s) in flight.*/\1/p' "$TMP/server.err")
expect_eq "the server saw the 8 slow requests in flight" 1 "$([ "${inflight:-0}" -ge 8 ] && echo 1)"

created=0
ids=()
for id in s1 s2 s3 s4 s5 s6 s7 s8 q1 q2 q3 q4 q5 q6 l1 l2 l3 l4 l5 l6; do
	rc=$(cat "$TMP/rc.$id" 2>/dev/null)
	code=$(cat "$TMP/code.$id" 2>/dev/null)
	if [ "$rc" = 0 ] && [[ $code == 2?? ]] && jq -e . "$TMP/body.$id" >/dev/null 2>&1; then
		outcome=complete
		if [ "$code" = 201 ]; then
			created=$((created + 1))
			ids+=("$(jq -r .id "$TMP/body.$id")")
		fi
	elif [ "$rc" = 7 ]; then
		outcome=refused
	else
		outcome="curl exit $rc, HTTP $code: $(head -c 200 "$TMP/body.$id" 2>/dev/null)"
	fi
	case $id in
	s* | q*) expect_eq "request $id (before SIGTERM) completes" complete "$outcome" ;;
	l*) expect_eq "request $id (after SIGTERM) is refused" refused "$outcome" ;;
	esac
done
for id in s1 s2 s3 s4 s5 s6 s7 s8 q1 q2 q6; do
	expect_eq "POST $id was created" 201 "$(cat "$TMP/code.$id")"
done
expect_eq "rows written equal the 201s seen (8 slow + 3 quick)" "11 11" \
	"$created $(sql "SELECT count(*) FROM time_entry WHERE day >= '2031-01-01'")"
expect_eq "the 201s name exactly the rows written" \
	"$(sql "SELECT id FROM time_entry WHERE day >= '2031-01-01' ORDER BY id" | join_lines ' ')" \
	"$(printf '%s\n' "${ids[@]}" | sort -n | paste -sd ' ')"
expect_eq "no entry from a late request" 0 "$(sql "SELECT count(*) FROM time_entry WHERE day >= '2031-03-01'")"
# each slow body arrived whole: 8 notes "slow sN", 30 minutes each
expect_eq "the slow bodies arrived whole" "8|240" \
	"$(sql "SELECT count(*), sum(minutes) FROM time_entry WHERE note LIKE 'slow s_' AND day BETWEEN '2031-01-01' AND '2031-01-08'")"

# --- concurrent writers -----------------------------------------------------------
# 4 loops of 50 POSTs, loop j logging j+1 minutes a time, each entry on a
# day of its own (2033-01-01 plus 0..199 days): 200 rows, and
# 50 * (1 + 2 + 3 + 4) = 500 minutes.

start_server --threads 4 || { fail "server restarts" "$(cat "$TMP/server.err")"; finish; exit 1; }
for k in $(seq 0 199); do echo "2033-01-01 + $k days"; done | date -f - +%F >"$TMP/days"
expect_eq "200 distinct days" 200 "$(sort -u "$TMP/days" | wc -l)"
PIDS=()
for j in 0 1 2 3; do
	(
		for i in $(seq 1 50); do
			day=$(sed -n "$((j * 50 + i))p" "$TMP/days")
			curl -s -o /dev/null -w '%{http_code}\n' -X POST -H 'Content-Type: application/json' \
				--data-binary "{\"person_id\":$PERSON,\"step_id\":$STEP,\"day\":\"$day\",\"minutes\":$((j + 1)),\"note\":\"loop $j\"}" \
				"$URL$V/time-entries"
		done >"$TMP/loop.$j"
	) &
	PIDS+=($!)
done
wait "${PIDS[@]}"
for j in 0 1 2 3; do
	expect_eq "loop $j: 50 answers, all 201" "50 201" "$(wc -l <"$TMP/loop.$j") $(sort -u "$TMP/loop.$j" | paste -sd ' ')"
done
expect_eq "exactly 200 rows, 500 minutes, on 200 days" "200|500|200" \
	"$(sql "SELECT count(*), sum(minutes), count(DISTINCT day) FROM time_entry WHERE day >= '2033-01-01'")"
expect_eq "50 rows from each loop" "50 50 50 50" \
	"$(sql "SELECT count(*) FROM time_entry WHERE note LIKE 'loop _' GROUP BY note ORDER BY note" | paste -sd ' ')"
api GET "$V/time-entries?from=2033-01-01&limit=1000"
expect_eq "the API lists the 200 entries and 500 minutes" "200 500" "$(jqb '"\(.count) \(.total_minutes)"')"

# --- keep-alive --------------------------------------------------------------------
# Two URLs in one curl: the second must reuse the connection. A response
# queued on the first call of the access handler would drop keep-alive.

keepalive() {	# NAME CURL-ARGS...
	local name=$1
	shift
	curl -sv "$@" >"$TMP/ka.out" 2>"$TMP/ka.err"
	expect_contains "$name: the second request reuses the connection" "$(cat "$TMP/ka.err")" "Re-using existing connection"
	expect_eq "$name: one connection opened" 1 "$(grep -c '^\* Connected to' "$TMP/ka.err")"
	expect_not_contains "$name: no Connection: close" "$(tr -d '\r' <"$TMP/ka.err")" "< Connection: close"
}
keepalive "GET then GET" -o /dev/null "$URL/healthz" -o /dev/null "$URL$V/units"
expect_eq "GET then GET: both 200" 2 "$(grep -c '^< HTTP/1.1 200' "$TMP/ka.err")"
keepalive "POST then GET" -o /dev/null -X POST -H 'Content-Type: application/json' \
	--data-binary '{"name":"Keep-alive unit"}' "$URL$V/units" --next -o /dev/null \
	-H "Authorization: Bearer $TOKEN" "$URL$V/steps?limit=1"	# --next drops .curlrc's header
expect_contains "POST then GET: 201 then 200" "$(grep '^< HTTP/1.1' "$TMP/ka.err" | tr -d '\r' | paste -sd ' ')" \
	"< HTTP/1.1 201 Created < HTTP/1.1 200 OK"
expect_eq "POST then GET: the unit was written once" 1 "$(sql "SELECT count(*) FROM unit WHERE name = 'Keep-alive unit'")"
keepalive "an error then GET" -o /dev/null "$URL$V/nope" -o /dev/null "$URL/healthz"
expect_contains "an error then GET: 404 then 200" "$(grep '^< HTTP/1.1' "$TMP/ka.err" | tr -d '\r' | paste -sd ' ')" \
	"< HTTP/1.1 404 Not Found < HTTP/1.1 200 OK"

# --- a second server on the same port ---------------------------------------------------

PORT=${URL##*:}
timeout 10 "$TANDEM" --db "$DB" serve --listen "127.0.0.1:$PORT" >"$TMP/second.out" 2>"$TMP/second.err"
rc=$?
expect_eq "a second server on a taken port fails (not timed out)" 1 "$([ $rc -ne 0 ] && [ $rc -ne 124 ] && echo 1)"
expect_contains "a second server says why" "$(cat "$TMP/second.err")" "cannot listen on 127.0.0.1:$PORT (Address already in use)"
expect_not_contains "a second server does not claim to serve" "$(cat "$TMP/second.out")" "serving"
api GET /healthz
expect_eq "the first server still answers" 200 "$STATUS"
stop_server
expect_eq "the first server stops cleanly" 0 "$SERVER_RC"

# SIGINT stops the server as SIGTERM does
start_server || { fail "server restarts" "$(cat "$TMP/server.err")"; finish; exit 1; }
kill -INT "$SERVER_PID"
wait "$SERVER_PID"
rc=$?
SERVER_PID=
expect_eq "SIGINT: the server exits with 0" 0 "$rc"
expect_contains "SIGINT: logged" "$(cat "$TMP/server.err")" "SIGINT: stopping"
finish
