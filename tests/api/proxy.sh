# proxy: behind a reverse proxy every client arrives from the proxy's
# address. With --trusted-proxy, the client is the last address of
# X-Forwarded-For (the one the proxy added), so that sign-in limits count
# per client, not per proxy; a request that does not come from the proxy
# cannot choose its address that way.
. "$(dirname "$0")/../lib.sh"

t unit add Plant && t person add "Ann Lee" --email ann@x.example --unit 1
PW=correct-horse-battery
TANDEM_PASSWORD=$PW t user add --person 1 --role member
expect_rc "an account" 0

signin_from() {	# XFF PASSWORD: status of a sign-in sent with that X-Forwarded-For
	rm -f "$TMP/jar"
	curl -q -s -o "$TMP/body" -b "$TMP/jar" -c "$TMP/jar" "$URL/login"
	local csrf
	csrf=$(grep -o 'name="csrf" value="[^"]*"' "$TMP/body" | head -n 1 | sed 's/.*value="//; s/"$//')
	curl -q -s -o /dev/null -w '%{http_code}' -b "$TMP/jar" -c "$TMP/jar" -H "X-Forwarded-For: $1" \
		--data-binary "csrf=$csrf&login=ann%40x.example&password=$2" "$URL/login"
}

run "$TANDEM" --db "$DB" serve --listen 127.0.0.1:0 --trusted-proxy 10.1.1.1x
expect_rc "a trusted proxy that is no address: bad input" 3
expect_contains "which says so" "$ERR" "--trusted-proxy: \"10.1.1.1x\" is not an IP address"

start_server --trusted-proxy 127.0.0.1 || { fail "server starts"; finish; exit 1; }
expect_eq "a failure from one client" 401 "$(signin_from "203.0.113.9, 198.51.100.7" wrong)"
expect_eq "is recorded with the address the proxy added" "198.51.100.7" \
	"$(sql "SELECT address FROM login_failure")"
expect_eq "a garbage forwarded address falls back to the proxy's" 401 "$(signin_from "not-an-ip" wrong)"
expect_eq "recorded as the proxy's" 1 "$(sql "SELECT count(*) FROM login_failure WHERE address = '127.0.0.1'")"
stop_server

# not trusted: the header is ignored
start_server || { fail "server restarts"; finish; exit 1; }
expect_eq "without --trusted-proxy" 401 "$(signin_from "192.0.2.1" wrong)"
expect_eq "the header does not choose the address" 0 "$(sql "SELECT count(*) FROM login_failure WHERE address = '192.0.2.1'")"
expect_eq "the socket's address is used" 2 "$(sql "SELECT count(*) FROM login_failure WHERE address = '127.0.0.1'")"
expect_eq "and the right password still signs in" 303 "$(signin_from "192.0.2.1" "$PW")"
finish
