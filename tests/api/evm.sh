# evm: the earned-value routes and pages, with every role, on the demo
# organization (see tests/api/access.sh for who reads what):
#
#   1 Northwind Ltd        admin   = person 1
#   ├── 2 Operations       manager = person 2: reads 2, 5
#   │   └── 5 Logistics    member  = person 11 (unit 2): reads 2, 5
#   ├── 3 Product          viewer  = person 7: reads 3, 6
#   │   └── 6 Engineering
#   └── 4 Sales
# plans: 1 (unit 2), 2 (unit 3), 3 (unit 4), 4 (unit 5), 5 (unit 6).
#
# The figures are checked against an independent reader (SQL on the
# tables the figures come from): as of a day after every plan's end and
# every entry, PV = EV's BAC... = BAC for a plan with steps, and AC = all
# time cost + expenses + allocated tools.
. "$(dirname "$0")/../lib.sh"

run "$TANDEM" --db "$DB" demo --today 2026-11-27
expect_rc "demo" 0
declare -A TOK
for spec in admin:1 manager:2 member:11 viewer:7; do
	role=${spec%%:*}
	person=${spec#*:}
	run "$TANDEM" --db "$DB" user add --person "$person" --role "$role"
	expect_rc "account for $role" 0
	id=$(sql "SELECT id FROM account WHERE person_id = $person")
	TOK[$role]=$("$TANDEM" --db "$DB" token add --user "$id" --name evm | tail -n 1)
done
t control verify
expect_rc "the demo's aggregates match its data" 0
start_server || { fail "server starts"; finish; exit 1; }
V=/api/v1

as() {	# ROLE METHOD PATH: $STATUS, $BODY
	STATUS=$(curl -q -s -o "$TMP/body" -w '%{http_code}' -X "$2" \
		-H "Authorization: Bearer ${TOK[$1]}" "$URL$3")
	BODY=$(cat "$TMP/body")
}

# --- who sees what --------------------------------------------------------
for spec in "admin 1 200" "admin 2 200" "manager 1 200" "manager 2 404" "manager 4 200" \
	"member 1 200" "member 2 404" "viewer 1 404" "viewer 2 200" "viewer 5 200"; do
	set -- $spec
	as "$1" GET "$V/plans/$2/evm"
	expect_eq "$1: GET plans/$2/evm" "$3" "$STATUS"
	as "$1" GET "/plans/$2/evm"
	expect_eq "$1: the page /plans/$2/evm" "$3" "$STATUS"
done
roll() {	# ROLE QUERY: the roll-up's units, by id
	as "$1" GET "$V/evm$2"
	printf '%s' "$BODY" | jq -r '[.items[].unit_id] | map(tostring) | join(",")'
}
expect_eq "admin: the whole tree, in tree order (children by name)" "1,2,5,3,6,4" "$(roll admin '')"
expect_eq "manager: their subtree" "2,5" "$(roll manager '')"
expect_eq "member: their unit's subtree" "2,5" "$(roll member '')"
expect_eq "viewer: theirs" "3,6" "$(roll viewer '')"
expect_eq "admin: a subtree" "3,6" "$(roll admin '?unit_id=3')"
as manager GET "$V/evm?unit_id=3"
expect_eq "manager: another subtree is 404" "404" "$STATUS"
as viewer GET "$V/evm?unit_id=6"
expect_eq "viewer: their sub-unit" "200" "$STATUS"
for role in admin manager member viewer; do
	as "$role" GET "/evm"
	expect_eq "$role: the /evm page" "200" "$STATUS"
done
STATUS=$(curl -q -s -o /dev/null -w '%{http_code}' "$URL$V/evm")
expect_eq "no credentials: 401" "401" "$STATUS"

# --- bad input --------------------------------------------------------------
as admin GET "$V/plans/1/evm?as_of=2026-13-01"
expect_eq "a bad day is 400" "400" "$STATUS"
expect_eq "it names as_of" "as_of" "$(printf '%s' "$BODY" | jq -r .error.field)"
as admin GET "$V/evm?colour=red"
expect_eq "an unknown parameter is 400" "400" "$STATUS"
as admin GET "$V/plans/99/evm"
expect_eq "an unknown plan is 404" "404" "$STATUS"
as admin GET "$V/evm?unit_id=99"
expect_eq "an unknown unit is 404" "404" "$STATUS"
as admin GET "/evm?as_of=soon"
expect_eq "the page refuses a bad day" "400" "$STATUS"

# --- the figures against the tables ----------------------------------------
# As of 2030-01-01, after every plan's schedule and every entry: PV of a
# plan with steps is its BAC; AC is all its cost. Summed over the org.
cents() { jq -r "$1" | awk '{printf "%.0f\n", $1 * 100}'; }
as admin GET "$V/evm?as_of=2030-01-01"
bac=$(sql "SELECT coalesce(sum(amount_cents), 0) FROM budget WHERE plan_id IS NOT NULL")
pv=$(sql "SELECT coalesce(sum(amount_cents), 0) FROM budget WHERE plan_id IN (SELECT plan_id FROM step)")
ac=$(sql "SELECT (SELECT coalesce(sum(cost_cents), 0) FROM time_entry) + (SELECT coalesce(sum(amount_cents), 0) FROM expense) + (SELECT coalesce(sum(cost_cents), 0) FROM tool WHERE plan_id IS NOT NULL OR step_id IS NOT NULL)")
[ "$bac" -gt 0 ] && pass || fail "the demo has budgets" "$bac"
expect_eq "the org's BAC is the plans' budget lines" "$bac" "$(printf '%s' "$BODY" | cents '.items[0].total.bac')"
expect_eq "the org's PV at the end is the BAC of plans with steps" "$pv" "$(printf '%s' "$BODY" | cents '.items[0].total.pv')"
expect_eq "the org's AC is all time, expenses and allocated tools" "$ac" "$(printf '%s' "$BODY" | cents '.items[0].total.ac')"
# EV today: sum over plans of BAC x sum(w x pct) / sum(w) (no step of the
# demo has progress history older than today... it is today's), rounded
# per plan; compared within a cent per plan
ev=$(sql "SELECT sum(b.bac * s.done / s.w) FROM (SELECT plan_id, sum(CASE WHEN estimate_minutes > 1 THEN estimate_minutes ELSE 1 END) * 100.0 AS w, sum(CASE WHEN estimate_minutes > 1 THEN estimate_minutes ELSE 1 END * pct) AS done FROM step GROUP BY plan_id) s JOIN (SELECT plan_id, sum(amount_cents) AS bac FROM budget WHERE plan_id IS NOT NULL GROUP BY plan_id) b ON b.plan_id = s.plan_id")
as admin GET "$V/evm?as_of=2030-01-01"
got=$(printf '%s' "$BODY" | cents '.items[0].total.ev')
awk -v a="$ev" -v b="$got" 'BEGIN {d = a - b; exit !(d < 5 && d > -5)}' && pass || fail "the org's EV is BAC x weighted percent" "sql $ev, api $got"

# a plan's figures: the API and the CLI agree
as admin GET "$V/plans/1/evm?as_of=2026-11-01&weekly=true"
t plan evm 1 --as-of 2026-11-01 --weekly true --json
expect_eq "API and CLI agree" "$(printf '%s' "$OUT" | jq -cS 'del(.weekly)')" "$(printf '%s' "$BODY" | jq -cS 'del(.weekly)')"
expect_eq "weekly points, 7 days apart" "7" "$(printf '%s' "$BODY" | jq -r '[.weekly[].day] | .[0:2] | map(strptime("%Y-%m-%d") | mktime) | (.[1] - .[0]) / 86400')"

# --- the pages --------------------------------------------------------------
as admin GET "/plans/1/evm?as_of=2026-11-27"
expect_contains "the chart is inline SVG" "$BODY" '<svg class="evm-chart"'
expect_contains "with a PV curve" "$BODY" '<polyline class="evm-pv" points="'
expect_contains "an EV curve" "$BODY" '<polyline class="evm-ev"'
expect_contains "an AC curve" "$BODY" '<polyline class="evm-ac"'
expect_contains "the BAC line" "$BODY" '<line class="evm-bac"'
expect_contains "a legend" "$BODY" 'AC actual cost</text>'
expect_not_contains "no inline style" "$BODY" 'style="'
as admin GET "/evm?as_of=2026-11-27"
expect_contains "the roll-up table" "$BODY" '<table class="list evm-table">'
expect_contains "colored ratios" "$BODY" 'class="num evm-'
expect_contains "the tree is indented" "$BODY" 'class="evm-depth-2"'

stop_server
finish
