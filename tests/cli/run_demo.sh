# run_demo: what `make run` does after building (scripts/run-demo): the
# first start seeds the demo organization and serves it; the second start
# reuses the database as it is.
source "$(dirname "$0")/../lib.sh"

# start_demo: runs scripts/run-demo in the background on the test
# database and a free port; sets $URL and $SERVER_PID (stopped by lib.sh).
start_demo() {
	TANDEM_DB=$DB TANDEM_LISTEN=127.0.0.1:0 "$ROOT/scripts/run-demo" >"$TMP/demo.out" 2>&1 &
	SERVER_PID=$!
	URL=
	for _ in $(seq 1 200); do
		URL=$(grep -o 'http://[0-9.:]*[0-9]/' "$TMP/demo.out" | grep -v ':0/' | head -n 1)
		[ -n "$URL" ] && break
		sleep 0.05
	done
	URL=${URL%/}
}

start_demo
expect_contains "the first start seeds the demo" "$(cat "$TMP/demo.out")" "demo organization seeded"
expect_contains "it says where it serves" "$(cat "$TMP/demo.out")" "tandem serving http://127.0.0.1:"
api GET /healthz
expect_eq "the server answers" 200 "$STATUS"
expect_contains "it prints how to sign in" "$(cat "$TMP/demo.out")" "login:    ada.okafor@northwind.example"
password=$(sed -n 's/^  password: \([^ ]*\).*/\1/p' "$TMP/demo.out")
expect_eq "with a generated password of 20 characters" 20 "${#password}"
expect_eq "the account is the managing director's, an admin" "1|admin" \
	"$(sql "SELECT person_id, role FROM account")"
api GET /api/v1/units
expect_eq "the API needs credentials" 401 "$STATUS"
admin_token
api GET /api/v1/units
expect_eq "it serves the demo's 6 units" 6 "$(jqb .count)"
stop_server
expect_eq "Ctrl-C (SIGTERM here) stops it cleanly" 0 "$SERVER_RC"
expect_eq "the database holds 80 steps" 80 "$(sql 'SELECT count(*) FROM step')"

# a change made between the starts survives the second start
sql "UPDATE step SET name = 'kept' WHERE id = 1" >/dev/null
start_demo
expect_contains "the second start reuses the database" "$(cat "$TMP/demo.out")" "reusing $DB (6 units)"
expect_not_contains "and seeds nothing" "$(cat "$TMP/demo.out")" "seeded"
expect_not_contains "and creates no second account" "$(cat "$TMP/demo.out")" "password:"
api GET /api/v1/steps/1
expect_eq "the change is still there" kept "$(jqb .name)"
stop_server
expect_eq "still 80 steps" 80 "$(sql 'SELECT count(*) FROM step')"
finish
