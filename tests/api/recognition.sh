#!/usr/bin/env bash
# tests/api/recognition.sh: /api/v1/recognitions and /api/v1/ideas by
# role. Recognizing, proposing and voting are personal acts (any member
# with a person, as themselves; viewers 403); removing is the giver's or
# author's (or an admin's); answering is the owner's (or an admin's).
#
#   1 Root      Ada (1, admin)
#   ├── 2 Ops   Ben (2, manager), Kemi (3, member, managed by Ben)
#   └── 3 Prod  Grace (4, viewer), Cat (5, no account, managed by Ada)
# A record outside what a role reads is 404; one it reads but may not
# change is 403.
source "$(dirname "$0")/../lib.sh"

t unit add Root
t unit add Ops --parent 1
t unit add Prod --parent 1
t person add Ada --email ada@t.test --unit 1
t person add Ben --email ben@t.test --unit 2
t person add Kemi --email kemi@t.test --unit 2 --manager 2
t person add Grace --email grace@t.test --unit 3
t person add Cat --email cat@t.test --unit 3 --manager 1
t plan add Portal --unit 2 --start-date 2026-03-02
sql "INSERT INTO org_value (name) VALUES ('Own it')" >/dev/null
declare -A TOK
PW=correct-horse-battery
for spec in admin:1 manager:2 member:3 viewer:4; do
	role=${spec%%:*}
	person=${spec#*:}
	TANDEM_PASSWORD=$PW t user add --person "$person" --role "$role"
	expect_rc "account for $role" 0
	id=$(sql "SELECT id FROM account WHERE person_id = $person")
	TOK[$role]=$("$TANDEM" --db "$DB" token add --user "$id" --name rec | tail -n 1)
done
start_server || { fail "server starts"; finish; exit 1; }
V=/api/v1

# as ROLE METHOD PATH [BODY]: one request with ROLE's token; $STATUS, $BODY
as() {
	local role=$1 method=$2 path=$3
	local args=(-q -s -o "$TMP/body" -w '%{http_code}' -X "$method" -H "Authorization: Bearer ${TOK[$role]}")
	[ $# -ge 4 ] && args+=(-H 'Content-Type: application/json' --data-binary "$4")
	STATUS=$(curl "${args[@]}" "$URL$path")
	BODY=$(cat "$TMP/body")
}
digest() { dbsum "$DB" recognition idea idea_vote; }

# --- recognitions ----------------------------------------------------------
before=$(digest)
as member POST $V/recognitions '{"to_id":3,"value_id":1,"message":"me"}'
expect_eq "a recognition to oneself is 400" 400 "$STATUS"
expect_eq "it names to_id" "to_id" "$(jqb .error.field)"
as member POST $V/recognitions '{"to_id":2,"value_id":7,"message":"x"}'
expect_eq "an unknown value is 404" 404 "$STATUS"
expect_eq "it names value_id" "value_id" "$(jqb .error.field)"
as member POST $V/recognitions '{"to_id":2,"value_id":1,"message":"x","strategy_id":4}'
expect_eq "an unknown strategy is 404" 404 "$STATUS"
as member POST $V/recognitions '{"from_id":2,"to_id":1,"value_id":1,"message":"x"}'
expect_eq "from_id is not the caller's to give (400)" 400 "$STATUS"
as viewer POST $V/recognitions '{"to_id":2,"value_id":1,"message":"x"}'
expect_eq "a viewer does not recognize (403)" 403 "$STATUS"
expect_eq "no refused recognition wrote anything" "$before" "$(digest)"

as member POST $V/recognitions '{"to_id":2,"value_id":1,"message":"Fixed the build","day":"2026-11-02"}'
expect_eq "a member recognizes" 201 "$STATUS"
expect_eq "from the signed-in person" "1|3|2|Kemi|Ben|Own it" "$(jqb '"\(.id)|\(.from_id)|\(.to_id)|\(.from_name)|\(.to_name)|\(.value)"')"
as admin POST $V/recognitions '{"to_id":5,"value_id":1,"message":"Great demo","day":"2026-11-03"}'
expect_eq "an admin recognizes Cat (Prod)" 201 "$STATUS"
as manager POST $V/recognitions '{"team_id":2,"value_id":1,"message":"Good quarter","day":"2026-11-04"}'
expect_eq "a manager recognizes a team" 201 "$STATUS"
expect_eq "three rows" 3 "$(sql 'SELECT count(*) FROM recognition')"

# the feed: Ops (2) received 1 and 3; Prod (3) received 2
as member GET $V/recognitions
expect_eq "a member sees what Ops received" "3 1" "$(jqb '[.items[].id] | map(tostring) | join(" ")')"
as viewer GET $V/recognitions
expect_eq "the viewer sees what Prod received" "2" "$(jqb '[.items[].id] | map(tostring) | join(" ")')"
as admin GET $V/recognitions
expect_eq "the admin sees all" 3 "$(jqb .count)"
as viewer GET $V/recognitions/1
expect_eq "a recognition outside the viewer's units is 404" 404 "$STATUS"
as viewer GET "$V/recognitions?unit_id=2"
expect_eq "a unit filter outside the viewer's units is 404" 404 "$STATUS"

# counts: by unit over everything; by person, only oneself and one's reports
as admin GET "$V/recognitions/counts?months=120"
months_ok=$(jqb '[.items[] | "\(.name) \(.count)"] | join(",")')
expect_eq "counts per unit (admin)" "Ops 2,Prod 1" "$months_ok"
as member GET "$V/recognitions/counts?months=120&by=person"
expect_eq "a member sees only herself (Kemi received none)" 0 "$(jqb .count)"
as manager GET "$V/recognitions/counts?months=120&by=person"
expect_eq "a manager sees himself and his reports" "Ben 1" "$(jqb '[.items[] | "\(.name) \(.count)"] | join(",")')"
as manager GET "$V/recognitions/counts?by=person&person_id=5"
expect_eq "person_id is refused over the API" 400 "$STATUS"
as manager GET "$V/recognitions/counts?by=rank"
expect_eq "an unknown by is 400" 400 "$STATUS"

# remove: the giver or an admin
as manager DELETE $V/recognitions/1
expect_eq "the recipient (a manager) does not remove Kemi's recognition" 403 "$STATUS"
as member DELETE $V/recognitions/2
expect_eq "a recognition outside the member's units is 404" 404 "$STATUS"
as viewer DELETE $V/recognitions/2
expect_eq "a viewer who reads it may not remove it" 403 "$STATUS"
as member DELETE $V/recognitions/1
expect_eq "the giver removes it" 204 "$STATUS"
as admin DELETE $V/recognitions/3
expect_eq "an admin removes any" 204 "$STATUS"
expect_eq "one left" 2 "$(sql 'SELECT id FROM recognition')"

# --- ideas -----------------------------------------------------------------
before=$(digest)
as viewer POST $V/ideas '{"title":"x"}'
expect_eq "a viewer does not propose (403)" 403 "$STATUS"
as manager POST $V/ideas '{"title":"x"}'
expect_eq "no owner to be found (Ben has no manager) is 400" 400 "$STATUS"
expect_eq "it names owner_id" "owner_id" "$(jqb .error.field)"
as member POST $V/ideas '{"title":"x","author_id":1}'
expect_eq "author_id is not the caller's to give (400)" 400 "$STATUS"
expect_eq "no refused idea wrote anything" "$before" "$(digest)"
as member POST $V/ideas '{"title":"Chat on the portal","body":"Buyers ask"}'
expect_eq "a member proposes" 201 "$STATUS"
expect_eq "the author, and her manager owns it" "1|3|2|open|0" "$(jqb '"\(.id)|\(.author_id)|\(.owner_id)|\(.status)|\(.votes)"')"
as member POST $V/ideas '{"title":"Second"}'

before=$(digest)
as member POST $V/ideas/1/vote
expect_eq "a vote on one's own idea is 400" 400 "$STATUS"
as viewer POST $V/ideas/1/vote
expect_eq "a viewer outside the idea's units: 404" 404 "$STATUS"
expect_eq "no refused vote wrote anything" "$before" "$(digest)"
as manager POST $V/ideas/1/vote
expect_eq "a vote" 200 "$STATUS"
expect_eq "the idea counts it" 1 "$(jqb .votes)"
as manager POST $V/ideas/1/vote
expect_eq "a second vote is 409" 409 "$STATUS"
as admin POST $V/ideas/1/vote
as admin DELETE $V/ideas/1/vote
expect_eq "unvote" 200 "$STATUS"
as admin DELETE $V/ideas/1/vote
expect_eq "no vote to take back is 404" 404 "$STATUS"
expect_eq "one vote, Ben's" "1|2" "$(sql 'SELECT idea_id, person_id FROM idea_vote')"

as viewer GET $V/ideas/1
expect_eq "an idea by an Ops author is 404 to the Prod viewer" 404 "$STATUS"
as member GET "$V/ideas?status=open"
expect_eq "the member's board" 2 "$(jqb .count)"

before=$(digest)
as member POST $V/ideas/1/answer '{"status":"accepted"}'
expect_eq "the author does not answer (403)" 403 "$STATUS"
as viewer POST $V/ideas/1/answer '{"status":"accepted"}'
expect_eq "answering an unreadable idea is 404" 404 "$STATUS"
as manager POST $V/ideas/1/answer '{"status":"declined"}'
expect_eq "declining without a reason is 400" 400 "$STATUS"
expect_eq "it names reason" "reason" "$(jqb .error.field)"
as manager POST $V/ideas/1/answer '{"status":"accepted","plan_id":99}'
expect_eq "accepting into a missing plan is 404" 404 "$STATUS"
expect_eq "it names plan_id" "plan_id" "$(jqb .error.field)"
as manager POST $V/ideas/1/answer '{"status":"accepted","person_id":2}'
expect_eq "person_id is not a body field" 400 "$STATUS"
expect_eq "no refused answer wrote anything" "$before" "$(digest)"
as manager POST $V/ideas/1/answer '{"status":"accepted","plan_id":1,"reason":"Into the portal plan"}'
expect_eq "the owner accepts" 200 "$STATUS"
expect_eq "recorded" "accepted|1|Into the portal plan" "$(jqb '"\(.status)|\(.plan_id)|\(.answer)"')"

as member DELETE $V/ideas/1
expect_eq "an answered idea stays (409)" 409 "$STATUS"
as manager DELETE $V/ideas/2
expect_eq "only the author removes an idea" 403 "$STATUS"
as member DELETE $V/ideas/2
expect_eq "the author removes an open idea" 204 "$STATUS"
expect_eq "one idea left" 1 "$(sql 'SELECT count(*) FROM idea')"

# an idea of Prod the viewer reads: still no vote
t idea add "Prod idea" --author 5
as viewer GET $V/ideas/3
expect_eq "the viewer reads a Prod idea" 200 "$STATUS"
as viewer POST $V/ideas/3/vote
expect_eq "a viewer does not vote (403)" 403 "$STATUS"
expect_eq "no vote was written" 0 "$(sql 'SELECT count(*) FROM idea_vote WHERE idea_id = 3')"

# --- pages -------------------------------------------------------------------
# page METHOD PATH JAR [DATA]: one request with the cookies of JAR
page() {
	local args=(-q -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$1" -b "$3" -c "$3")
	[ $# -ge 4 ] && args+=(--data-binary "$4")
	STATUS=$(curl "${args[@]}" "$URL$2")
	BODY=$(cat "$TMP/body")
	HEADERS=$(tr -d '\r' <"$TMP/headers")
}
csrf_of() {
	printf '%s' "$BODY" | grep -o 'name="csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'
}
signin() {	# LOGIN JAR
	rm -f "$2"
	page GET /login "$2"
	local pre
	pre=$(csrf_of)
	page POST /login "$2" "csrf=$pre&login=$1&password=$PW"
}
MJ=$TMP/member.jar; BJ=$TMP/manager.jar; VJ=$TMP/viewer.jar
signin kemi@t.test "$MJ"
signin ben@t.test "$BJ"
signin grace@t.test "$VJ"

page GET /recognitions "$MJ"
expect_eq "the feed page" 200 "$STATUS"
expect_contains "a member gets the form" "$BODY" "Recognize someone"
CS=$(csrf_of)
before=$(digest)
page POST /recognitions "$MJ" "csrf=$CS&to_id=3&team_id=&value_id=1&message=me"
expect_eq "a recognition to oneself: the form again (400)" 400 "$STATUS"
expect_contains "with the message" "$BODY" "a recognition to oneself"
expect_eq "nothing written by the refused form" "$before" "$(digest)"
page POST /recognitions "$MJ" "csrf=$CS&to_id=2&team_id=&value_id=1&message=%3Cb%3EThanks%3C%2Fb%3E%0Afor+the+fix"
expect_eq "the form recognizes: 303" 303 "$STATUS"
expect_eq "from the signed-in person" "3|2" "$(sql 'SELECT from_id, to_person_id FROM recognition ORDER BY id DESC LIMIT 1')"
page GET /recognitions "$MJ"
expect_contains "the message is escaped" "$BODY" "&lt;b&gt;Thanks&lt;/b&gt;"
expect_not_contains "never raw" "$BODY" "<b>Thanks"
expect_contains "the chart" "$BODY" '<svg class="rec-chart"'
expect_contains "the value as a badge" "$BODY" '<span class="badge rec-value">Own it</span>'
page GET /recognitions "$VJ"
expect_eq "the viewer reads the feed" 200 "$STATUS"
expect_not_contains "without the form" "$BODY" "Recognize someone"
VCS=$(csrf_of)
page POST /recognitions "$VJ" "csrf=$VCS&to_id=2&value_id=1&message=x"
expect_eq "a viewer's form post is 403" 403 "$STATUS"

page GET /ideas "$MJ"
expect_eq "the board" 200 "$STATUS"
expect_contains "the accepted idea is on it" "$BODY" "Chat on the portal"
CS=$(csrf_of)
page POST /ideas "$MJ" "csrf=$CS&title=Shorter+meetings&body=&strategy_id=&owner_id="
expect_eq "propose: 303" 303 "$STATUS"
N=$(sql "SELECT max(id) FROM idea")
expect_eq "to the idea's page" "/ideas/$N" "$(printf '%s\n' "$HEADERS" | awk 'tolower($1) == "location:" {print $2}')"
expect_eq "authored by Kemi, owned by Ben" "3|2" "$(sql "SELECT author_id, owner_id FROM idea WHERE id = $N")"
page GET "/ideas/$N" "$MJ"
expect_not_contains "the author gets no answer form" "$BODY" 'action="/ideas/'"$N"'/answer"'
page GET "/ideas/$N" "$BJ"
expect_contains "the owner gets the answer form" "$BODY" 'action="/ideas/'"$N"'/answer"'
CS=$(csrf_of)
page POST "/ideas/$N/vote" "$BJ" "csrf=$CS"
expect_eq "vote: 303" 303 "$STATUS"
page POST "/ideas/$N/vote" "$BJ" "csrf=$CS"
expect_eq "a second vote: 409 with the page" 409 "$STATUS"
expect_contains "saying so" "$BODY" "already voted"
before=$(digest)
page POST "/ideas/$N/answer" "$BJ" "csrf=$CS&status=declined&reason=&plan_id=&step_id="
expect_eq "declining without a reason: 400" 400 "$STATUS"
expect_contains "naming the reason" "$BODY" "is required to decline"
expect_eq "nothing written by the refused answer" "$before" "$(digest)"
page GET "/ideas/$N" "$MJ"
MCS=$(csrf_of)
[ -n "$MCS" ] && pass || fail "the member's page has a form token"
page POST "/ideas/$N/answer" "$MJ" "csrf=$MCS&status=accepted"
expect_eq "the author's answer: 403" 403 "$STATUS"
expect_contains "saying who answers" "$BODY" "owner or an admin answers it"
page POST "/ideas/$N/answer" "$BJ" "csrf=$CS&status=declined&reason=Not+now&plan_id=&step_id="
expect_eq "the owner declines: 303" 303 "$STATUS"
expect_eq "declined" "declined|Not now|1" "$(sql "SELECT status, answer, (SELECT count(*) FROM idea_vote WHERE idea_id = $N) FROM idea WHERE id = $N")"

stop_server
finish
