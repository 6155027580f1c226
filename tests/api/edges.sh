# edges: the API at its edges, found in review: decimals as the CLI takes
# them, HEAD, text that is not UTF-8 in an error, an idle connection at
# shutdown.
source "$(dirname "$0")/../lib.sh"

digest() { dbsum; }

t unit add Acme
t plan add P --unit 1 --start-date 2026-03-02
t step add A --plan 1
t person add Ann --email ann@acme.test --unit 1
start_server
V=/api/v1

# Amounts and hours take at most two decimals in JSON too, as on the
# command line (--rate 12.345 is refused there).
before=$(digest)
api PATCH $V/people/1 '{"rate":12.345}'
expect_eq "a rate with 3 decimals is 400" 400 "$STATUS"
expect_eq "the error names the field" rate "$(jqb .error.field)"
expect_eq "the message says 2 decimals" "rate: must be a number with at most 2 decimals" "$(jqb .error.message)"
api PATCH $V/steps/1 '{"estimate_hours":1.001}'
expect_eq "hours with 3 decimals are 400" 400 "$STATUS"
expect_eq "the refused decimals wrote nothing" "$before" "$(digest)"
api PATCH $V/people/1 '{"rate":12.34}'
expect_eq "two decimals are fine" 200 "$STATUS"
expect_eq "stored in cents" 1234 "$(sql 'SELECT rate_cents FROM person WHERE id = 1')"
# hours are kept in minutes: 1.01 h is 60.6 min, kept as 61, shown as
# 61/60 = 1.0166... h rounded to two decimals, 1.02
api PATCH $V/steps/1 '{"estimate_hours":1.01}'
expect_eq "1.01 h is kept as 61 minutes" 61 "$(sql 'SELECT estimate_minutes FROM step WHERE id = 1')"
expect_eq "and shown to two decimals" 1.02 "$(jqb .estimate_hours)"

# HEAD is GET without a body.
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -I "$URL/healthz")
expect_eq "HEAD /healthz is 200" 200 "$STATUS"
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -I "$URL$V/steps/1")
expect_eq "HEAD on a step is 200" 200 "$STATUS"

# An error message that quotes bytes that are not UTF-8 still has its
# message (each bad byte shown as U+FFFD), and the JSON is valid.
api GET "$V/nope%FFx"
expect_eq "an unknown path with a bad byte is 404" 404 "$STATUS"
expect_contains "the message is there" "$(jqb .error.message)" "no such resource"
expect_contains "the bad byte is replaced" "$(jqb .error.message)" "�"
api PATCH $V/steps/1 "{\"status\":\"$(printf 'a%.0s' $(seq 39))é\"}"
expect_eq "an enum value cut inside a character is 400" 400 "$STATUS"
expect_contains "its message is there" "$(jqb .error.message)" "status: must be one of"

# A connection that never sends a request does not hold up a shutdown
# for long: a second of grace, not the ten seconds requests get.
port=${URL##*:}
exec 7<>"/dev/tcp/127.0.0.1/$port"
sleep 0.2
start=$(date +%s%N)
stop_server
ms=$((($(date +%s%N) - start) / 1000000))
exec 7<&-
expect_eq "the server stopped cleanly" 0 "$SERVER_RC"
[ "$ms" -lt 5000 ] && pass || fail "shutdown with an idle connection took $ms ms"

# A second signal stops at once, even with a request still coming.
start_server
exec 7<>"/dev/tcp/127.0.0.1/${URL##*:}"
printf 'POST /api/v1/steps HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{' >&7
sleep 0.2
kill -TERM "$SERVER_PID"
sleep 0.3
start=$(date +%s%N)
kill -TERM "$SERVER_PID"
wait "$SERVER_PID"
SERVER_RC=$?
SERVER_PID=
ms=$((($(date +%s%N) - start) / 1000000))
exec 7<&-
expect_eq "the server stopped cleanly after two signals" 0 "$SERVER_RC"
[ "$ms" -lt 2000 ] && pass || fail "the second signal took $ms ms to stop the server"
expect_eq "the half-sent request wrote nothing" 1 "$(sql 'SELECT count(*) FROM step')"
finish
