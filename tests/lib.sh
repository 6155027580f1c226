# tests/lib.sh: the shell test harness for CLI and API tests.
#
# A test file sources this, runs commands with `run`, asserts with the
# expect_* functions, and ends with `finish`. Every file gets its own
# temporary folder ($TMP, removed at exit) and runs the binary named by
# $TANDEM (default ./tandem; tests/run-all also passes the sanitizer
# build). Servers are started with start_server and stopped by their pid.
set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TANDEM=${TANDEM:-$ROOT/tandem}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/tandem-test.XXXXXX")
DB="sqlite:$TMP/t.db"
PASSED=0
FAILED=0
SERVER_PID=
CURRENT=${BASH_SOURCE[1]##*/}
export TANDEM_DB=$DB
export NO_COLOR=1

cleanup() {
	[ -n "$SERVER_PID" ] && stop_server
	rm -rf "$TMP"
}
trap cleanup EXIT

# run CMD ARGS...: runs a command; $OUT, $ERR (file contents) and $RC.
run() {
	"$@" >"$TMP/out" 2>"$TMP/err"
	RC=$?
	OUT=$(cat "$TMP/out")
	ERR=$(cat "$TMP/err")
}

# t ARGS...: runs tandem against the test database.
t() {
	run "$TANDEM" --db "$DB" "$@"
}

pass() {
	PASSED=$((PASSED + 1))
}

fail() {
	FAILED=$((FAILED + 1))
	printf 'FAIL %s: %s\n' "$CURRENT" "$1" >&2
	[ -n "${2:-}" ] && printf '     %s\n' "$2" >&2
	return 0
}

# expect_eq NAME EXPECTED ACTUAL
expect_eq() {
	if [ "$2" == "$3" ]; then pass; else fail "$1" "expected [$2], got [$3]"; fi
}

# expect_rc NAME CODE: the exit code of the last run
expect_rc() {
	if [ "$RC" == "$2" ]; then pass; else fail "$1" "exit code $RC, expected $2; stderr: $ERR"; fi
}

# expect_contains NAME HAYSTACK NEEDLE
expect_contains() {
	case "$2" in
	*"$3"*) pass ;;
	*) fail "$1" "[$3] not in [$2]" ;;
	esac
}

# expect_not_contains NAME HAYSTACK NEEDLE
expect_not_contains() {
	case "$2" in
	*"$3"*) fail "$1" "[$3] unexpectedly in [$2]" ;;
	*) pass ;;
	esac
}

# sql QUERY: answers from the database file with the sqlite3 CLI, an
# independent reader, so tests do not trust tandem to report its own writes.
sql() {
	sqlite3 "${DB#sqlite:}" "$1"
}

# start_server [ARGS...]: starts tandem serve on a free loopback port;
# sets $URL and $SERVER_PID.
start_server() {
	"$TANDEM" --db "$DB" serve --listen 127.0.0.1:0 "$@" >"$TMP/server.out" 2>"$TMP/server.err" &
	SERVER_PID=$!
	URL=
	for _ in $(seq 1 200); do
		URL=$(grep -o 'http://[0-9.:]*' "$TMP/server.out" 2>/dev/null | head -n 1)
		[ -n "$URL" ] && break
		if ! kill -0 "$SERVER_PID" 2>/dev/null; then
			echo "server did not start: $(cat "$TMP/server.err")" >&2
			SERVER_PID=
			return 1
		fi
		sleep 0.05
	done
	[ -n "$URL" ]
}

# stop_server: SIGTERM to our server only, then waits for it to exit.
stop_server() {
	kill -TERM "$SERVER_PID" 2>/dev/null
	wait "$SERVER_PID" 2>/dev/null
	SERVER_RC=$?
	SERVER_PID=
}

# api METHOD PATH [BODY]: one HTTP request; sets $STATUS, $BODY and $HEADERS.
api() {
	local args=(-s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$1")
	[ $# -ge 3 ] && args+=(-H 'Content-Type: application/json' --data-binary "$3")
	STATUS=$(curl "${args[@]}" "$URL$2")
	BODY=$(cat "$TMP/body")
	HEADERS=$(cat "$TMP/headers")
}

# jqb FILTER: applies a jq filter to $BODY (or to $OUT with jqo).
jqb() {
	printf '%s' "$BODY" | jq -r "$1"
}
jqo() {
	printf '%s' "$OUT" | jq -r "$1"
}

finish() {
	printf '%s: %d passed, %d failed\n' "$CURRENT" "$PASSED" "$FAILED"
	[ -n "${RESULTS:-}" ] && echo "$PASSED $FAILED" >>"$RESULTS"
	[ "$FAILED" -eq 0 ]
}
