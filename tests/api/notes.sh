#!/usr/bin/env bash
# tests/api/notes.sh: coaching notes are the two people's alone. The
# manager and the report read each other's notes; a colleague, the
# manager's manager and admins (with a person or without) get 404s and
# empty lists; writing needs the pair (403 otherwise) and a member, not a
# viewer; the author is always the signed-in person.
#
# The demo (tests/api/access.sh): Ada (1) manages Ben (2), who manages
# Kemi (11); Chloe (3) heads Product and manages Grace (7). The
# demo's notes: 1 Ben -> Kemi (day -21), 2 Kemi -> Ben (-14), 3 Ada -> Ben
# (-10), 4 Elena (5) -> Ines (9) (-5).
. "$(dirname "$0")/../lib.sh"

run "$TANDEM" demo --today 2026-11-27
expect_rc "demo" 0
COLLEAGUE=$(sql "SELECT min(id) FROM person WHERE unit_id = 2 AND id NOT IN (2, 11)")
declare -A TOK
for spec in ada:1:admin ben:2:manager kemi:11:member colleague:$COLLEAGUE:member grace:7:viewer chloe:3:admin; do
	IFS=: read -r who person role <<<"$spec"
	run "$TANDEM" user add --person "$person" --role "$role"
	id=$(sql "SELECT id FROM account WHERE person_id = $person")
	TOK[$who]=$("$TANDEM" --db "$DB" token add --user "$id" --name notes | tail -n 1)
done
start_server || { fail "server starts"; finish; exit 1; }
V=/api/v1

as() {
	local who=$1 method=$2 path=$3
	local args=(-q -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$method" -H "Authorization: Bearer ${TOK[$who]}")
	[ $# -ge 4 ] && args+=(-H 'Content-Type: application/json' --data-binary "$4")
	STATUS=$(curl "${args[@]}" "$URL$path")
	BODY=$(cat "$TMP/body")
	HEADERS=$(cat "$TMP/headers")
}
form() {
	STATUS=$(curl -q -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X POST \
		-H "Authorization: Bearer ${TOK[$1]}" --data "$3" "$URL$2")
	BODY=$(cat "$TMP/body")
}
digest() {
	dbsum "$DB" coaching_note
}
ids() {
	jqb '[.items[].id] | map(tostring) | join(",")'
}
expect_eq "the demo's notes" "1|2|11
2|11|2
3|1|2
4|5|9" "$(sql 'SELECT id, author_id, about_id FROM coaching_note ORDER BY id')"

# --- reading: the two people alone ----------------------------------------------
as ben GET "$V/notes"
expect_eq "Ben: his three, newest first" "3,2,1" "$(ids)"
as kemi GET "$V/notes"
expect_eq "Kemi: her two" "2,1" "$(ids)"
as ben GET "$V/notes?with_id=11"
expect_eq "Ben with Kemi" "2,1" "$(ids)"
as ben GET "$V/notes/2"
expect_eq "Ben reads Kemi's note to him" "200 Kemi Adeyemi feedback" "$STATUS $(jqb '"\(.author) \(.kind)"')"
as kemi GET "$V/notes/1"
expect_eq "Kemi reads Ben's note" 200 "$STATUS"
as kemi GET "$V/notes/3"
expect_eq "Kemi may not read Ada's note to Ben: 404" 404 "$STATUS"
as colleague GET "$V/notes"
expect_eq "a colleague: an empty list" "200 0" "$STATUS $(jqb .count)"
as colleague GET "$V/notes/1"
expect_eq "a colleague: 404" 404 "$STATUS"
# Ada is Ben's manager, Kemi's manager's manager, and an admin
as ada GET "$V/notes"
expect_eq "Ada: her own note only" "3" "$(ids)"
as ada GET "$V/notes/1"
expect_eq "the manager's manager (an admin): 404" 404 "$STATUS"
as ada GET "$V/notes/4"
expect_eq "another pair's note: 404" 404 "$STATUS"
as chloe GET "$V/notes/1"
expect_eq "another admin: 404" 404 "$STATUS"
as chloe GET "$V/notes"
expect_eq "another admin: an empty list" 0 "$(jqb .count)"
admin_token
api GET "$V/notes"
expect_eq "an admin of no person: an empty list" "200 0" "$STATUS $(jqb .count)"
api GET "$V/notes/1"
expect_eq "an admin of no person: 404" 404 "$STATUS"
as grace GET "$V/notes"
expect_eq "a viewer reads (her own: none)" "200 0" "$STATUS $(jqb .count)"

# --- writing: the pair, a member, the signed-in author ----------------------------
before=$(digest)
as kemi POST "$V/notes" '{"about_id":1,"body":"Hello"}'
expect_eq "Kemi to her manager's manager: 403" "403 about_id" "$STATUS $(jqb .error.field)"
as colleague POST "$V/notes" '{"about_id":11,"body":"Hello"}'
expect_eq "a colleague to Kemi: 403" 403 "$STATUS"
as ada POST "$V/notes" '{"about_id":11,"body":"Hello"}'
expect_eq "an admin who is not the manager: 403" 403 "$STATUS"
as grace POST "$V/notes" '{"about_id":3,"body":"Hello"}'
expect_eq "a viewer, even to her manager: 403" 403 "$STATUS"
api POST "$V/notes" '{"about_id":2,"body":"Hello"}'
expect_eq "an account of no person: 403" 403 "$STATUS"
as kemi POST "$V/notes" '{"author_id":2,"about_id":11,"body":"Forged"}'
expect_eq "no author but oneself: 400 naming author_id" "400 author_id" "$STATUS $(jqb .error.field)"
as kemi POST "$V/notes" '{"about_id":2,"body":"Hi","kind":"praise"}'
expect_eq "a bad kind: 400" "400 kind" "$STATUS $(jqb .error.field)"
as kemi POST "$V/notes" '{"about_id":2,"body":""}'
expect_eq "an empty body: 400" "400 body" "$STATUS $(jqb .error.field)"
as kemi POST "$V/notes" '{"body":"Hi"}'
expect_eq "no about_id: 400" "400 about_id" "$STATUS $(jqb .error.field)"
as kemi POST "$V/notes" '{"about_id":999,"body":"Hi"}'
expect_eq "an unknown person: 404" "404 about_id" "$STATUS $(jqb .error.field)"
expect_eq "no refusal wrote anything" "$before" "$(digest)"
as kemi POST "$V/notes" '{"about_id":2,"body":"Thanks for the review","kind":"feedback","day":"2026-11-26"}'
expect_eq "Kemi to Ben: 201" 201 "$STATUS"
N=$(jqb .id)
expect_contains "Location" "$HEADERS" "Location: /api/v1/notes/$N"
expect_eq "the row: Kemi wrote it" "11|2|feedback|Thanks for the review|2026-11-26" \
	"$(sql "SELECT author_id, about_id, kind, body, day FROM coaching_note WHERE id = $N")"
expect_eq "the audit log records the write, not the text" "1|0" \
	"$(sql "SELECT count(*), sum(CASE WHEN detail LIKE '%review%' THEN 1 ELSE 0 END) FROM audit WHERE action = 'POST /api/v1/notes'")"
as ben GET "$V/notes/$N"
expect_eq "Ben reads it" 200 "$STATUS"
as ada GET "$V/notes/$N"
expect_eq "Ada does not" 404 "$STATUS"

# --- removing: the author alone ------------------------------------------------------
as ben DELETE "$V/notes/$N"
expect_eq "the other party may not remove it: 403" 403 "$STATUS"
as colleague DELETE "$V/notes/$N"
expect_eq "a third person: 404" 404 "$STATUS"
as grace DELETE "$V/notes/$N"
expect_eq "a viewer: 403" 403 "$STATUS"
as kemi DELETE "$V/notes/$N"
expect_eq "the author removes it" 204 "$STATUS"
expect_eq "gone" 0 "$(sql "SELECT count(*) FROM coaching_note WHERE id = $N")"

# --- the page -------------------------------------------------------------------------
as kemi GET /notes
expect_eq "/notes" 200 "$STATUS"
expect_contains "grouped by the other person" "$BODY" "Ben Tanaka"
expect_contains "Ben's note shows" "$BODY" "carrier review"
expect_not_contains "not Ada's note to Ben" "$BODY" "leads change on the floor"
as ada GET /notes
expect_not_contains "the admin's page hides Ben and Kemi's notes" "$BODY" "carrier review"
form kemi /notes "about_id=2&kind=coaching&body=Line+one%0ALine+two+%3Cb%3E"
expect_eq "the form writes: 303" 303 "$STATUS"
expect_eq "the row" "11|2|coaching" "$(sql "SELECT author_id, about_id, kind FROM coaching_note WHERE body LIKE 'Line one%'")"
as ben GET /notes
expect_contains "the body is escaped" "$BODY" "Line two &lt;b&gt;"
before=$(digest)
form kemi /notes "about_id=1&body=Hi"
expect_eq "the form refuses a stranger: 403" 403 "$STATUS"
expect_contains "with the message beside the form" "$BODY" "neither the manager"
form kemi /notes "about_id=2&body="
expect_eq "an empty body: 400" 400 "$STATUS"
form grace /notes "about_id=3&body=Hi"
expect_eq "a viewer's form: 403" 403 "$STATUS"
expect_eq "no refused form wrote anything" "$before" "$(digest)"

finish
