# sessions: the web UI's sign-in from the outside. An expired session goes
# back to the sign-in; a form without the session's CSRF token, or with
# another's, is refused and writes nothing; a browser session's script
# writes need X-CSRF-Token; bodies over the limit are refused; the
# security headers are on every page.
. "$(dirname "$0")/../lib.sh"

t demo --today 2026-11-27
expect_rc "seed the demo" 0
PW=correct-horse-battery
TANDEM_PASSWORD=$PW t user add --person 2 --role manager
expect_rc "a manager" 0
start_server || { fail "server starts"; finish; exit 1; }

page() {	# METHOD PATH JAR [DATA [EXTRA CURL ARGS...]]
	local method=$1 path=$2 jar=$3
	shift 3
	local args=(-q -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$method" -b "$jar" -c "$jar")
	[ $# -ge 1 ] && { args+=(--data-binary "$1"); shift; }
	STATUS=$(curl "${args[@]}" "$@" "$URL$path")
	BODY=$(cat "$TMP/body")
	HEADERS=$(tr -d '\r' <"$TMP/headers")
}
header() {
	printf '%s\n' "$HEADERS" | awk -v h="$1" 'tolower(substr($0, 1, index($0, ":") - 1)) == tolower(h) {
		sub(/^[^:]*: */, ""); print; exit }'
}
csrf_of() {
	printf '%s' "$BODY" | grep -o 'name="csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'
}
J=$TMP/jar
signin() {
	rm -f "$J"
	page GET /login "$J"
	page POST /login "$J" "csrf=$(csrf_of)&login=ben.tanaka%40northwind.example&password=$PW"
}

signin
expect_eq "signed in: to the home page" "303 /" "$STATUS $(header Location)"
page GET /plans "$J"
expect_eq "signed in: the plans" 200 "$STATUS"
expect_eq "pages forbid inline script and framing" \
	"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'" \
	"$(header Content-Security-Policy)"
expect_eq "nosniff" nosniff "$(header X-Content-Type-Options)"
expect_eq "no framing (old browsers)" DENY "$(header X-Frame-Options)"
expect_eq "no caching of private pages" no-store "$(header Cache-Control)"
expect_eq "the page contains no inline script" 0 "$(printf '%s' "$BODY" | grep -c '<script>' || true)"
CSRF=$(csrf_of)
expect_eq "the page carries the session's CSRF token" 64 "${#CSRF}"
expect_eq "the stored session is a hash, 8 hours long" "1|28800" \
	"$(sql "SELECT count(*), max(expires_at - created_at) FROM token WHERE kind = 'session'")"

# a form without the token, or with a wrong one: 403, nothing written
before=$(dbsum)
page POST /plans "$J" "name=Forged&unit_id=2&start_date=2026-12-01&status=draft"
expect_eq "no CSRF token: 403" 403 "$STATUS"
expect_contains "no CSRF token: the page says why" "$BODY" "reload the page and try again"
page POST /plans "$J" "csrf=$(printf '%064d' 0)&name=Forged&unit_id=2&start_date=2026-12-01&status=draft"
expect_eq "a wrong CSRF token: 403" 403 "$STATUS"
page POST /logout "$J" "csrf=x"
expect_eq "sign-out with a wrong token: 403" 403 "$STATUS"
expect_eq "nothing was written" "$before" "$(dbsum)"
# a script on the session (not a bearer token) must send the token as a header
page POST /api/v1/units "$J" '{"name":"Scripted","parent_id":2}' -H 'Content-Type: application/json'
expect_eq "a session's API write without X-CSRF-Token: 403" 403 "$STATUS"
page POST /api/v1/units "$J" '{"name":"Scripted","parent_id":2}' -H 'Content-Type: application/json' -H "X-CSRF-Token: $CSRF"
expect_eq "with it: 201" 201 "$STATUS"
expect_eq "the write is audited as the manager's, through the API" "ben.tanaka@northwind.example|api" \
	"$(sql "SELECT actor || '|' || via FROM audit WHERE action = 'POST /api/v1/units'")"
page POST /plans "$J" "csrf=$CSRF&name=Depot&unit_id=2&start_date=2026-12-01&status=draft&owner_id="
expect_eq "a form with the token: created" 303 "$STATUS"
expect_eq "audited as the manager's, through the UI" "ben.tanaka@northwind.example|ui" \
	"$(sql "SELECT actor || '|' || via FROM audit WHERE action = 'POST /plans'")"

# a body over 1 MiB is refused before the form is read
head -c $((1024 * 1024 + 10)) /dev/zero | tr '\0' 'a' >"$TMP/big"
page POST /plans "$J" "@$TMP/big"
expect_eq "a form over 1 MiB: 413" 413 "$STATUS"

# an expired session: back to the sign-in, with the way back
sql "UPDATE token SET expires_at = 1 WHERE kind = 'session'" >/dev/null
page GET "/plans/1" "$J"
expect_eq "an expired session: to the sign-in" "303 /login?next=/plans/1" "$STATUS $(header Location)"
page GET /api/v1/me "$J"
expect_eq "an expired session on the API: 401" 401 "$STATUS"
expect_contains "that says so" "$BODY" "expired"

# sign-out ends the session on the server
signin
page GET / "$J"
CSRF=$(csrf_of)
cp "$J" "$TMP/stolen"
page POST /logout "$J" "csrf=$CSRF"
expect_eq "sign-out: to the sign-in" "303 /login" "$STATUS $(header Location)"
expect_contains "sign-out clears the cookie" "$(header Set-Cookie)" "Max-Age=0"
page GET /plans "$TMP/stolen"
expect_eq "the old cookie no longer works" 303 "$STATUS"

# the audit log is a page for admins only
signin
page GET /audit "$J"
expect_eq "a manager may not read the audit log" 403 "$STATUS"
expect_not_contains "the manager's navigation has no audit link" "$BODY" 'href="/audit"'
TANDEM_PASSWORD=$PW t user add --person 1 --role admin
rm -f "$J"
page GET /login "$J"
page POST /login "$J" "csrf=$(csrf_of)&login=ada.okafor%40northwind.example&password=$PW"
page GET /audit "$J"
expect_eq "the admin reads it" 200 "$STATUS"
expect_contains "the admin's navigation links it" "$BODY" 'href="/audit"'
expect_contains "it shows the manager's write through the UI" "$BODY" \
	"<td>ui</td><td>ben.tanaka@northwind.example</td><td>POST /plans</td>"
expect_contains "and the command line's" "$BODY" "<td>cli</td>"
expect_eq "one row per audit record (fewer than a page)" "$(sql "SELECT count(*) FROM audit")" \
	"$(printf '%s' "$BODY" | grep -c '^<tr><td>')"

# sign-in attempts are limited per account: the 6th is 429 even when right
for i in 1 2 3 4 5; do
	rm -f "$J"
	page GET /login "$J"
	page POST /login "$J" "csrf=$(csrf_of)&login=ben.tanaka%40northwind.example&password=wrong-$i"
	expect_eq "wrong password $i: 401" 401 "$STATUS"
done
expect_contains "the message" "$BODY" "Wrong login or password"
signin
expect_eq "the 6th, with the right password: 429" 429 "$STATUS"
expect_contains "which says when to try again" "$BODY" "try again in 15 minutes"
expect_eq "failures are counted in the database" 5 "$(sql "SELECT count(*) FROM login_failure")"
finish
