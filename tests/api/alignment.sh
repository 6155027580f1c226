#!/usr/bin/env bash
# tests/api/alignment.sh: /api/v1/stakeholders, /api/v1/comms (audience,
# send, coverage), the recipients' own POST /api/v1/comms/:id/ack and the
# commitments, each as an admin, a manager, a member and a viewer.
#
#   units 1 Root { 2 Ops { 4 Floor }, 3 Sales }
#   people 1 Ann (Root), 2 Ben (Ops: manager), 3 Cat (Floor: member),
#          4 Dan (Sales: viewer), 5 Eve (Ops); the admin has no person
# Ben manages Ops and Floor; Cat reads Floor only; Dan reads Sales only.
source "$(dirname "$0")/../lib.sh"

t unit add Root
t unit add Ops --parent 1
t unit add Sales --parent 1
t unit add Floor --parent 2
for p in "Ann 1" "Ben 2" "Cat 4" "Dan 3" "Eve 2"; do
	set -- $p
	t person add "$1" --email "$(echo "$1" | tr A-Z a-z)@t.test" --unit "$2"
done
PW=correct-horse-battery
declare -A TOK
for spec in manager:2 member:3 viewer:4; do
	role=${spec%%:*}
	person=${spec#*:}
	TANDEM_PASSWORD=$PW run "$TANDEM" --db "$DB" user add --person "$person" --role "$role"
	expect_rc "account for $role" 0
	id=$(sql "SELECT id FROM account WHERE person_id = $person")
	TOK[$role]=$("$TANDEM" --db "$DB" token add --user "$id" --name t | tail -n 1)
done
start_server || { fail "server starts"; finish; exit 1; }
TOK[admin]=$TOKEN
V=/api/v1

# as ROLE METHOD PATH [BODY]: one request with ROLE's token; $STATUS, $BODY
as() {
	local role=$1 method=$2 path=$3
	local args=(-q -s -o "$TMP/body" -w '%{http_code}' -X "$method" -H "Authorization: Bearer ${TOK[$role]}")
	[ $# -ge 4 ] && args+=(-H 'Content-Type: application/json' --data-binary "$4")
	STATUS=$(curl "${args[@]}" "$URL$path")
	BODY=$(cat "$TMP/body")
}
digest() {
	sql "SELECT 'sh', id, name, kind, coalesce(owner_id, 0) FROM stakeholder UNION ALL SELECT 'c', id, title, channel, sent FROM comm ORDER BY 1, 2" | sha256sum | cut -d' ' -f1
	sql "SELECT 'r', id, state, comment FROM comm_recipient UNION ALL SELECT 'k', id, status, coalesce(closed, '') FROM commitment ORDER BY 1, 2" | sha256sum | cut -d' ' -f1
	sql "SELECT count(*) FROM comm_audience"
}

# --- stakeholders ----------------------------------------------------------
before=$(digest)
as admin POST $V/stakeholders '{"name":"Acme","kind":"friend"}'
expect_eq "a bad kind is 400" 400 "$STATUS"
expect_eq "a bad kind names the field" kind "$(jqb .error.field)"
as admin POST $V/stakeholders '{"name":"Acme","kind":"customer","owner_id":99}'
expect_eq "an unknown owner is 404" 404 "$STATUS"
as member POST $V/stakeholders '{"name":"Acme","kind":"customer","owner_id":3}'
expect_eq "a member may not add a stakeholder" 403 "$STATUS"
as viewer POST $V/stakeholders '{"name":"Acme","kind":"customer","owner_id":4}'
expect_eq "a viewer may not add a stakeholder" 403 "$STATUS"
expect_eq "no refused stakeholder wrote anything" "$before" "$(digest)"
as admin POST $V/stakeholders '{"name":"Acme","kind":"customer","owner_id":2,"note":"key account"}'
expect_eq "stakeholder created" 201 "$STATUS"
expect_eq "its id, kind and owner" "1 customer Ben" "$(jqb '"\(.id) \(.kind) \(.owner)"')"
as manager PATCH $V/stakeholders/1 '{"note":"largest account"}'
expect_eq "the owner's manager changes it" "200 largest account" "$STATUS $(jqb .note)"
# a stakeholder belongs to its owner's unit (Ops): Sales' viewer does not see it
as viewer GET $V/stakeholders
expect_eq "the viewer sees no stakeholder" "200 0" "$STATUS $(jqb .count)"
as viewer GET $V/stakeholders/1
expect_eq "the viewer gets 404" 404 "$STATUS"
as manager GET $V/stakeholders
expect_eq "the manager sees Acme" "1 Acme" "$(jqb '"\(.count) \(.items[0].name)"')"

# --- communications ----------------------------------------------------------
before=$(digest)
as manager POST $V/comms '{"title":"","channel":"email","day":"2026-03-03","sender_id":2,"unit_id":2}'
expect_eq "an empty title is 400" "400 title" "$STATUS $(jqb .error.field)"
as manager POST $V/comms '{"title":"X","channel":"fax","day":"2026-03-03","sender_id":2,"unit_id":2}'
expect_eq "a bad channel is 400" "400 channel" "$STATUS $(jqb .error.field)"
as manager POST $V/comms '{"title":"X","channel":"email","day":"2026-03-03","unit_id":3}'
expect_eq "a manager may not write in a unit outside theirs" 404 "$STATUS"
as member POST $V/comms '{"title":"X","channel":"email","day":"2026-03-03","unit_id":4}'
expect_eq "a member may not add a communication" 403 "$STATUS"
as viewer POST $V/comms '{"title":"X","channel":"email","day":"2026-03-03","unit_id":3}'
expect_eq "a viewer may not add a communication" 403 "$STATUS"
expect_eq "no refused comm wrote anything" "$before" "$(digest)"
as manager POST $V/comms '{"title":"Ops email","body":"Ship <b>faster</b>","channel":"email","day":"2026-03-03","sender_id":2,"unit_id":2}'
expect_eq "comm created" 201 "$STATUS"
expect_eq "comm 1, unsent, of Ops" "1 false 2 Ben" "$(jqb '"\(.id) \(.sent) \(.unit_id) \(.sender)"')"
as admin POST $V/comms '{"title":"Sales brief","channel":"meeting","day":"2026-03-04","unit_id":3}'
expect_eq "the admin's comm in Sales" "201 2" "$STATUS $(jqb .id)"

# audience: Ops (Ben, Eve; Cat in Floor under it) and Acme
before=$(digest)
as manager POST $V/comms/1/audience '{"person_id":99}'
expect_eq "an unknown person in the audience is 404" "404 person_id" "$STATUS $(jqb .error.field)"
as manager POST $V/comms/1/audience '{"stakeholder_id":99}'
expect_eq "an unknown stakeholder in the audience is 404" "404 stakeholder_id" "$STATUS $(jqb .error.field)"
as member POST $V/comms/1/audience '{"unit_id":4}'
expect_eq "a member may not change an audience" 404 "$STATUS"
as manager POST $V/comms/2/audience '{"unit_id":3}'
expect_eq "a manager may not touch Sales' comm" 404 "$STATUS"
as manager POST $V/comms/1/send
expect_eq "sending with no audience is 400" 400 "$STATUS"
expect_eq "no refused audience wrote anything" "$before" "$(digest)"
as manager POST $V/comms/1/audience '{"unit_id":2}'
expect_eq "audience unit" 200 "$STATUS"
as manager POST $V/comms/1/audience '{"stakeholder_id":1}'
expect_eq "audience stakeholder" "200 2" "$STATUS $(jqb '.audience | length')"
as viewer POST $V/comms/1/send
expect_eq "a viewer may not send (Ops is not theirs to read)" 404 "$STATUS"
as manager POST $V/comms/1/send
# Ben, Cat, Eve + Acme = 4, all sent
expect_eq "sent to 4" "200 true 4 4" "$STATUS $(jqb '"\(.sent) \(.coverage.total) \(.coverage.sent)"')"
before=$(digest)
as manager POST $V/comms/1/send
expect_eq "sending twice is 409" 409 "$STATUS"
as manager POST $V/comms/1/audience '{"person_id":1}'
expect_eq "audience after sending is 409" 409 "$STATUS"
as manager DELETE $V/comms/1
expect_eq "a sent comm is not removed" 409 "$STATUS"

# --- the recipients' own states --------------------------------------------
as member POST $V/comms/1/ack '{"state":"sent"}'
expect_eq "state sent is 400" "400 state" "$STATUS $(jqb .error.field)"
as member POST $V/comms/1/ack '{"state":"committed","person_id":2}'
expect_eq "no acting for someone else: person_id is refused" 400 "$STATUS"
as viewer POST $V/comms/1/ack '{"state":"reached"}'
expect_eq "a viewer does not acknowledge" 403 "$STATUS"
as admin POST $V/comms/1/ack '{"state":"reached"}'
expect_eq "an account of no person does not acknowledge" 403 "$STATUS"
as manager POST $V/comms/2/ack '{"state":"reached"}'
expect_eq "a comm one did not receive is 404" 404 "$STATUS"
as member POST $V/comms/1/ack '{"state":"reached","stakeholder_id":1}'
expect_eq "only Acme's owner records its state" 403 "$STATUS"
expect_eq "no refused ack wrote anything" "$before" "$(digest)"
as member POST $V/comms/1/ack '{"state":"committed"}'
expect_eq "Cat commits" "200 committed" "$STATUS $(jqb .state)"
as manager POST $V/comms/1/ack '{"state":"disagrees","comment":"too soon"}'
expect_eq "Ben disagrees" 200 "$STATUS"
as manager POST $V/comms/1/ack '{"state":"reached","stakeholder_id":1}'
expect_eq "Ben records Acme's state" 200 "$STATUS"
expect_eq "the states" "2|disagrees|too soon,3|committed|,5|sent|,0|reached|" \
	"$(sql "SELECT coalesce(person_id, 0), state, comment FROM comm_recipient ORDER BY coalesce(person_id, 99)" | paste -sd,)"

# coverage: 4 = Eve sent, Acme reached, Cat committed, Ben disagrees
as manager GET $V/comms/1/coverage
expect_eq "coverage" "4 1 1 0 1 1" "$(jqb '"\(.total) \(.sent) \(.reached) \(.understood) \(.committed) \(.disagrees)"')"
expect_eq "unreached: Eve" "5" "$(jqb '[.unreached[].person_id] | join(",")')"
as manager GET "$V/comms/1/coverage?unit_id=4"
expect_eq "coverage of Floor: Cat" "1 1" "$(jqb '"\(.total) \(.committed)"')"
as member GET $V/comms/1
expect_eq "Cat reads Floor only: Ops' comm is 404 to her" 404 "$STATUS"
as manager GET $V/comms/1
expect_eq "the sender sees the disagreement" "too soon" "$(jqb '.disagreements[0].comment')"
expect_eq "the body is kept as written" "Ship <b>faster</b>" "$(jqb .body)"

# reach over every sent comm: only comm 1 is sent. The manager reads Ops'
# subtree (Acme has no unit); Cat reads Floor only
as manager GET $V/comms/coverage
expect_eq "reach for the manager" "3 2 4" "$(jqb '"\(.total) \(.units | length) \(.units[1].unit_id)"')"
as member GET $V/comms/coverage
expect_eq "reach for the member: Floor" "1 4" "$(jqb '"\(.total) \(.units[0].unit_id)"')"
as viewer GET "$V/comms/coverage?unit_id=2"
expect_eq "reach of a unit outside the viewer's is 404" 404 "$STATUS"
as admin GET "$V/comms/coverage?vision_id=1&strategy_id=1"
expect_eq "a vision and a strategy at once is 400" 400 "$STATUS"
as admin GET $V/comms/coverage
expect_eq "reach for the admin counts Acme too" 4 "$(jqb .total)"

# --- commitments ---------------------------------------------------------------
as member POST $V/comms/1/commitments '{"text":"Weekly updates"}'
expect_eq "a member may not promise for the comm" 404 "$STATUS"
as manager POST $V/comms/1/commitments '{"text":""}'
expect_eq "an empty promise is 400" 400 "$STATUS"
as manager POST $V/comms/1/commitments '{"text":"Weekly updates","due":"2020-01-01"}'
expect_eq "commitment created" "201 1 open" "$STATUS $(jqb '"\(.id) \(.status)"')"
as manager POST $V/comms/1/commitments '{"text":"New dock"}'
as manager GET $V/comms/1/commitments
expect_eq "two commitments" 2 "$(jqb .count)"
as member PATCH $V/commitments/1 '{"status":"kept"}'
expect_eq "a member may not close a commitment of Ops" 404 "$STATUS"
as viewer PATCH $V/commitments/1 '{"status":"kept"}'
expect_eq "a viewer may not either" 404 "$STATUS"
as manager PATCH $V/commitments/99 '{"status":"kept"}'
expect_eq "an unknown commitment is 404" 404 "$STATUS"
as manager PATCH $V/commitments/1 '{"status":"done"}'
expect_eq "a bad status is 400" "400 status" "$STATUS $(jqb .error.field)"
as manager PATCH $V/commitments/1 '{"status":"kept"}'
expect_eq "kept, closed today" "200 kept $(date -u +%F)" "$STATUS $(jqb '"\(.status) \(.closed)"')"
# Ben: 1 kept of 1 closed = 100%; 1 open (New dock, no due day: not overdue)
as manager GET $V/comms/1
expect_eq "the sender's say-do" "1 0 1 0 100" "$(jqb '.sender_say_do | "\(.kept) \(.broken) \(.open) \(.overdue) \(.say_do_percent)"')"

# --- listings and removal ----------------------------------------------------
as viewer GET $V/comms
expect_eq "the viewer lists Sales' comm only" "1 2" "$(jqb '"\(.count) \(.items[0].id)"')"
as manager GET $V/comms
expect_eq "the manager lists Ops' comm only" "1 1" "$(jqb '"\(.count) \(.items[0].id)"')"
as manager DELETE $V/comms/2
expect_eq "a manager may not remove Sales' comm" 404 "$STATUS"
as viewer DELETE $V/comms/2
expect_eq "a viewer may not remove it" 403 "$STATUS"
as admin DELETE $V/stakeholders/1
expect_eq "a stakeholder who received a comm stays" 409 "$STATUS"
as admin DELETE $V/comms/2
expect_eq "the admin removes the unsent comm" 204 "$STATUS"
expect_eq "it is gone" 0 "$(sql 'SELECT count(*) FROM comm WHERE id = 2')"

# --- pages ----------------------------------------------------------------------
# page METHOD PATH JAR [DATA]: one request with the cookies of JAR
page() {
	local args=(-q -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$1" -b "$3" -c "$3")
	[ $# -ge 4 ] && args+=(--data-binary "$4")
	STATUS=$(curl "${args[@]}" "$URL$2")
	BODY=$(cat "$TMP/body")
	LOCATION=$(tr -d '\r' <"$TMP/headers" | awk 'tolower($1) == "location:" { print $2 }')
}
csrf_of() {
	printf '%s' "$BODY" | grep -o 'name="csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'
}
signin() {	# LOGIN JAR
	rm -f "$2"
	page GET /login "$2"
	page POST /login "$2" "csrf=$(csrf_of)&login=$1&password=$PW"
}
MJ=$TMP/manager.jar CJ=$TMP/member.jar VJ=$TMP/viewer.jar
signin ben%40t.test "$MJ"
expect_eq "the manager signs in" 303 "$STATUS"
signin cat%40t.test "$CJ"
signin dan%40t.test "$VJ"

page GET /comms "$MJ"
expect_eq "/comms" 200 "$STATUS"
expect_contains "/comms lists Ops' comm" "$BODY" "Ops email"
expect_contains "/comms shows the sender's say-do" "$BODY" "say-do 100%"
page GET /alignment "$MJ"
expect_eq "/alignment" 200 "$STATUS"
expect_contains "/alignment draws the stacked bars" "$BODY" 'class="al-chart"'
# Ops rolls up Ben (disagrees), Eve (sent) and Cat (committed): 33% committed
expect_contains "/alignment: Ops is 33% committed" "$BODY" "33% committed"
page GET "/alignment?comm_id=1" "$MJ"
expect_contains "/alignment names who is not reached" "$BODY" "Eve"
page GET "/alignment?of=c1" "$MJ"
expect_contains "/alignment?of=c1 is comm 1" "$BODY" "Not reached yet"
page GET "/alignment?of=x1" "$MJ"
expect_eq "/alignment with a bad choice is 400" 400 "$STATUS"
page GET "/alignment?comm_id=2" "$MJ"
expect_eq "/alignment of a comm the manager cannot read is 404" 404 "$STATUS"
page GET /comms/1 "$MJ"
expect_eq "/comms/1 for the sender" 200 "$STATUS"
expect_contains "the body is escaped, not markup" "$BODY" "Ship &lt;b&gt;faster&lt;/b&gt;"
expect_not_contains "no raw markup from the body" "$BODY" "<b>faster"
expect_contains "the sender reads the disagreement" "$BODY" "too soon"
page GET /stakeholders "$MJ"
expect_contains "/stakeholders lists Acme" "$BODY" "Acme"
page GET /comms/new "$MJ"
expect_eq "/comms/new for a manager" 200 "$STATUS"
page GET /comms/new "$CJ"
expect_eq "/comms/new for a member is 403" 403 "$STATUS"

# Cat reads what was sent to her (though Ops is not hers to read), and
# answers with one click
page GET /comms/1 "$CJ"
expect_eq "the recipient reads the comm" 200 "$STATUS"
expect_contains "her own buttons" "$BODY" "I commit to it"
expect_not_contains "she does not read others' disagreements" "$BODY" "too soon"
tok=$(csrf_of)
before=$(digest)
page POST /comms/1/ack "$CJ" "csrf=$tok&state=sent"
expect_eq "a bad state from the page is 400" 400 "$STATUS"
expect_eq "and writes nothing" "$before" "$(digest)"
page POST /comms/1/ack "$CJ" "csrf=$tok&state=understood"
expect_eq "one click answers" "303 /comms/1" "$STATUS $LOCATION"
expect_eq "her state is understood" understood "$(sql 'SELECT state FROM comm_recipient WHERE comm_id = 1 AND person_id = 3')"
page POST /comms/1/ack "$CJ" "csrf=$tok&state=disagrees&comment=Floor+needs+a+forklift"
expect_eq "she disagrees, with a comment" "disagrees|Floor needs a forklift" \
	"$(sql 'SELECT state, comment FROM comm_recipient WHERE comm_id = 1 AND person_id = 3')"
page GET /comms/1 "$VJ"
expect_eq "a viewer who did not receive it gets 404" 404 "$STATUS"
page POST /commitments/2 "$CJ" "csrf=$tok&status=kept"
expect_eq "a member may not close a commitment" 404 "$STATUS"

# the manager writes a comm from the form, with an audience unit, and sends it
page GET /comms/new "$MJ"
tok=$(csrf_of)
before=$(digest)
page POST /comms "$MJ" "csrf=$tok&title=&channel=meeting&day=2026-03-09&sender_id=2&unit_id=2"
expect_eq "an empty title is shown again, 400" 400 "$STATUS"
expect_contains "the form names the title" "$BODY" '<a href="#f-title">Title: is required</a>'
expect_eq "and nothing is written" "$before" "$(digest)"
page POST /comms "$MJ" "csrf=$tok&title=Floor+brief&channel=meeting&day=2026-03-09&sender_id=2&unit_id=2&audience_unit=4"
expect_eq "the comm is created" "303 /comms/3" "$STATUS $LOCATION"
expect_eq "with Floor as its audience" "unit|4" "$(sql 'SELECT kind, ref_id FROM comm_audience WHERE comm_id = 3')"
page POST /comms/3/send "$MJ" "csrf=$tok"
expect_eq "sent from the page" "303 1 1" "$STATUS $(sql 'SELECT sent, count(r.id) FROM comm c JOIN comm_recipient r ON r.comm_id = c.id WHERE c.id = 3 GROUP BY c.sent' | tr '|' ' ')"
page POST /comms/3/send "$MJ" "csrf=$tok"
expect_eq "sending twice from the page is 409" 409 "$STATUS"
page POST /commitments/2 "$MJ" "csrf=$tok&status=broken"
expect_eq "the manager closes a commitment" "303 broken" "$STATUS $(sql 'SELECT status FROM commitment WHERE id = 2')"

stop_server
finish
