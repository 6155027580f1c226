# docs: the README's tours work verbatim, and the man page documents every
# command in the command table.
source "$(dirname "$0")/../lib.sh"

# block NAME: the shell lines between <!-- NAME --> and <!-- /NAME --> in
# the README, without the ``` fences.
block() {
	sed -n "/<!-- $1 -->/,/<!-- \/$1 -->/p" "$ROOT/README.md" | grep -v '^<!--' | grep -v '^```'
}

# The CLI tour runs in a folder with ./tandem and a demo ./tandem.db, as
# after `make run`. Lines marked "# refused" must fail with exit 5 (a
# conflict); every other line must succeed. On PostgreSQL the same lines
# run with TANDEM_DB naming the test database, as a reader who keeps the
# data there would run them (the README's lines name no database).
mkdir -p "$TMP/tour"
ln -s "$TANDEM" "$TMP/tour/tandem"
if on_pg; then
	TOUR=$DB
	tour_env=(env TANDEM_DB="$TOUR")
else
	TOUR="sqlite:$TMP/tour/tandem.db"
	tour_env=(env -u TANDEM_DB)
fi
(cd "$TMP/tour" && "${tour_env[@]}" ./tandem demo >/dev/null)
n=0
while IFS= read -r line; do
	[ -z "$line" ] && continue
	n=$((n + 1))
	run "${tour_env[@]}" bash -c "cd '$TMP/tour' && $line"
	case "$line" in
	*"# refused"*) expect_rc "cli tour line $n refused: $line" 5 ;;
	*) expect_rc "cli tour line $n: $line" 0 ;;
	esac
done < <(block cli-tour)
[ "$n" -ge 10 ] && pass || fail "the CLI tour has $n lines"
# the management tour, after it on the same database
m=0
while IFS= read -r line; do
	[ -z "$line" ] && continue
	m=$((m + 1))
	run "${tour_env[@]}" bash -c "cd '$TMP/tour' && $line"
	expect_rc "management tour line $m: $line" 0
done < <(block manage-tour)
[ "$m" -ge 8 ] && pass || fail "the management tour has $m lines"
# the leadership tour, after them
m=0
while IFS= read -r line; do
	[ -z "$line" ] && continue
	m=$((m + 1))
	run "${tour_env[@]}" bash -c "cd '$TMP/tour' && $line"
	expect_rc "leadership tour line $m: $line" 0
done < <(block lead-tour)
[ "$m" -ge 6 ] && pass || fail "the leadership tour has $m lines"
expect_contains "the tour's pulse results keep a small group out" "$OUT" "not shown"
# the change and balance tour, after them
m=0
while IFS= read -r line; do
	[ -z "$line" ] && continue
	m=$((m + 1))
	run "${tour_env[@]}" bash -c "cd '$TMP/tour' && $line"
	case "$line" in
	*"# refused"*) expect_rc "change tour line $m refused: $line" 5 ;;
	*) expect_rc "change tour line $m: $line" 0 ;;
	esac
	case "$line" in
	*"change advance"*) expect_contains "the refusal names what is missing" "$ERR" "short-term win" ;;
	*"balance show 5"*) expect_contains "Logistics' breakdown names its indicators" "$OUT" "control_time" ;;
	esac
done < <(block change-tour)
[ "$m" -ge 6 ] && pass || fail "the change tour has $m lines"
# the README's account of the demo's balance is the demo's: each unit's
# scores and quadrant as `tandem balance` prints them
run "${tour_env[@]}" bash -c "cd '$TMP/tour' && ./tandem balance"
for want in "Logistics 91.7 53.3 overmanaged-underled" "Engineering 52.3 88.9 overled-undermanaged" \
	"Product 55.7 90.5 overled-undermanaged" "Sales 91.7 100.0 well-led-well-managed"; do
	unit=${want%% *}
	expect_eq "the README's $unit" "$want" "$(printf '%s\n' "$OUT" | awk -v u="$unit" '$1 == u { print $1, $3, $4, $5 }')"
	expect_contains "the README says so" "$(cat "$ROOT/README.md")" "($(echo "$want" | awk '{ print $2 ", " $3 }')"
done
expect_contains "the tour's control report is Markdown about Operations" \
	"$(head -n 1 "$TMP/tour/control-report.md")" "# Control report: Operations"
if on_pg; then
	expect_eq "on PostgreSQL the tour made no ./tandem.db" "" "$(cd "$TMP/tour" && ls tandem.db* 2>/dev/null)"
fi
# what the tour wrote, read back independently
expect_eq "tour logged 90 minutes on step 81" 90 \
	"$(sqlat "$TOUR" "SELECT sum(minutes) FROM time_entry WHERE step_id = 81")"
expect_eq "tour made 82 wait for 81 only" "81" \
	"$(sqlat "$TOUR" "SELECT depends_on FROM step_dep WHERE step_id = 82 ORDER BY depends_on" | join_lines ,)"

# The API tour runs against a live server on the tour's database; the
# README's address is replaced by the server's.
# The tour brings its own token (its first line), so the harness's curl
# settings are set aside: the lines run as a reader would run them.
DB=$TOUR
start_server
mkdir -p "$TMP/plain-curl"
n=0
while IFS= read -r line; do
	[ -z "$line" ] && continue
	n=$((n + 1))
	line=${line//http:\/\/127.0.0.1:8080/$URL}
	case "$line" in
	TOKEN=*)
		run "${tour_env[@]}" bash -c "cd '$TMP/tour' && $line && printf '%s' \"\$TOKEN\""
		expect_rc "api tour line $n: $line" 0
		expect_eq "api tour line $n: a token of 43 characters" 43 "${#OUT}"
		export TOKEN=$OUT
		continue
		;;
	esac
	run env CURL_HOME="$TMP/plain-curl" bash -c "$line"
	expect_rc "api tour line $n: $line" 0
	case "$line" in
	*'"name":""'*) expect_contains "api tour line $n is refused" "$OUT" '"field":"name"' ;;
	*Bearer* | */healthz) expect_not_contains "api tour line $n succeeds" "$OUT" '"error"' ;;
	*) expect_contains "api tour line $n: no token, 401" "$OUT" '"status":401' ;;
	esac
done < <(block api-tour)
[ "$n" -ge 5 ] && pass || fail "the API tour has $n lines"
stop_server
expect_eq "api tour added 'Order safety signs'" 1 \
	"$(sql "SELECT count(*) FROM step WHERE name = 'Order safety signs' AND estimate_minutes = 150")"
expect_eq "api tour moved step 1's due date" 2026-12-31 \
	"$(sql "SELECT due FROM step WHERE id = 1")"

# Every command of the table is in the man page.
while read -r noun verb rest; do
	[ -z "$noun" ] && continue
	case "$verb" in dep) verb="dep $(echo "$rest" | cut -d' ' -f1)" ;; esac
	cmd=$(echo "$noun $verb" | sed 's/ *$//')
	# .B or .BI lines, the command in bold, then an argument or the end
	if grep -Eq "^\.BI? \"?$cmd( |\"|\\\\|$)" "$ROOT/docs/tandem.1"; then
		pass
	else
		fail "man page lacks '$cmd'"
	fi
done < <("$TANDEM" help | sed -n 's/^  \([a-z]\+\) \([a-z]\+\( [a-z]\+\)\?\)  .*/\1 \2/p; s/^  \([a-z]\+\)  .*/\1/p')
finish
