#!/usr/bin/env bash
# tests/api/settings.sh: /api/v1/settings by role. Every signed-in role
# reads the thresholds; only an admin sets one (PUT with {"key","value"})
# or puts it back to its default (DELETE ?key=): the key is text and a
# route's :id is a number, so it travels in the body or the query.
# Refusals name their field and write nothing; a set value is what the
# time profile's default period uses.
#
#   1 Root  Ann (1, admin), Ben (2, manager), Cal (3, member), Dee (4, viewer)
source "$(dirname "$0")/../lib.sh"

K=balance.time_window_days
t unit add Root
for spec in admin:1:Ann manager:2:Ben member:3:Cal viewer:4:Dee; do
	IFS=: read -r role person name <<<"$spec"
	t person add "$name" --email "$name@t.test" --unit 1
	t user add --person "$person" --role "$role"
	expect_rc "account for $role" 0
	id=$(sql "SELECT id FROM account WHERE person_id = $person")
	TOK[$role]=$("$TANDEM" --db "$DB" token add --user "$id" --name set | tail -n 1)
done
start_server || { fail "server starts"; finish; exit 1; }
V=/api/v1/settings
digest() { dbsum "$DB" setting; }

# --- read: every role ---------------------------------------------------------------
walk GET $V "" 200 200 200 200
as viewer GET $V
expect_eq "the key with its value, default, range, unit and source" "90|90|7|730|days|false" \
	"$(jqb ".items[] | select(.key == \"$K\") | \"\(.value)|\(.default)|\(.min)|\(.max)|\(.unit)|\(.set)\"")"
expect_eq "count is the number of items" "$(jqb '.items | length')" "$(jqb .count)"
"$TANDEM" --db "$DB" setting list --json >"$TMP/cli.json"
expect_eq "the same list as tandem setting list --json" "$(jq -S . "$TMP/cli.json")" "$(jqb . | jq -S .)"
STATUS=$(curl -q -s -o /dev/null -w '%{http_code}' "$URL$V")
expect_eq "no credentials: 401" 401 "$STATUS"

# --- write: admins only; refusals write nothing -------------------------------------------
before=$(digest)
walk PUT $V "{\"key\":\"$K\",\"value\":30}" 200 403 403 403
expect_eq "the admin's write (the others' refused)" "30" "$(sql "SELECT value FROM setting WHERE key = '$K'")"
sql "DELETE FROM setting" >/dev/null
before=$(digest)
as manager PUT $V "{\"key\":\"$K\",\"value\":30}"
expect_contains "a manager is told only an admin may" "$(jqb .error.message)" "only an admin may"
walk DELETE "$V?key=$K" "" 200 403 403 403
as admin PUT $V "{\"key\":\"$K\",\"value\":6}"
expect_eq "below the range: 400" 400 "$STATUS"
expect_eq "it names value" value "$(jqb .error.field)"
expect_contains "and the range" "$(jqb .error.message)" "from 7 to 730"
as admin PUT $V "{\"key\":\"$K\",\"value\":731}"
expect_eq "above the range: 400" "400 value" "$STATUS $(jqb .error.field)"
as admin PUT $V "{\"key\":\"$K\",\"value\":\"30\"}"
expect_eq "a string value: 400" "400 value" "$STATUS $(jqb .error.field)"
as admin PUT $V '{"key":"balance.nothing","value":30}'
expect_eq "an unknown key: 400 naming key" "400 key" "$STATUS $(jqb .error.field)"
as admin PUT $V "{\"key\":\"$K\"}"
expect_eq "no value: 400 naming value" "400 value" "$STATUS $(jqb .error.field)"
as admin PUT $V "{\"value\":30}"
expect_eq "no key: 400 naming key" "400 key" "$STATUS $(jqb .error.field)"
as admin PUT $V "{\"key\":\"$K\",\"value\":30,\"extra\":1}"
expect_eq "an unknown field: 400" "400 extra" "$STATUS $(jqb .error.field)"
as admin DELETE "$V?key=balance.nothing"
expect_eq "DELETE of an unknown key: 400" "400 key" "$STATUS $(jqb .error.field)"
as admin DELETE "$V"
expect_eq "DELETE without a key: 400" "400 key" "$STATUS $(jqb .error.field)"
expect_eq "no refusal wrote anything" "$before" "$(digest)"

# --- set, used, unset ----------------------------------------------------------------------
as admin PUT $V "{\"key\":\"$K\",\"value\":10}"
expect_eq "set to 10" "200 10 true" "$STATUS $(jqb .value) $(jqb .set)"
expect_eq "stored, read independently" "10" "$(sql "SELECT value FROM setting WHERE key = '$K'")"
as viewer GET $V
expect_eq "everyone sees it set" "10|true" "$(jqb ".items[] | select(.key == \"$K\") | \"\(.value)|\(.set)\"")"
today=$(date -u +%F)
as viewer GET /api/v1/balance/time
expect_eq "the time profile's default period is 10 days" "$(date -u -d "$today - 9 days" +%F) $today 10" \
	"$(jqb '"\(.from) \(.to) \(.days)"')"
as admin DELETE "$V?key=$K"
expect_eq "unset" "200 90 false" "$STATUS $(jqb .value) $(jqb .set)"
expect_eq "the row is gone" 0 "$(sql "SELECT count(*) FROM setting WHERE key = '$K'")"
as viewer GET /api/v1/balance/time
expect_eq "90 days again" 90 "$(jqb .days)"
# PUT: the walk's admin (30) and 10; DELETE: the walk's admin and the
# last; no refusal is recorded
expect_eq "the writes are audited through the API" "2|2" \
	"$(sql "SELECT (SELECT count(*) FROM audit WHERE via = 'api' AND action LIKE 'PUT%'),
	               (SELECT count(*) FROM audit WHERE via = 'api' AND action LIKE 'DELETE%')")"

stop_server
finish
