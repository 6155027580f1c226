#!/usr/bin/env bash
# tests/api/pulse.sh: /api/v1/pulses and the pulse pages: answers as the
# signed-in person (members too; viewers and people not asked refused),
# nothing in any response naming who answered, small groups suppressed
# in JSON, CSV and pages, and each role's rights on every route.
. "$(dirname "$0")/../lib.sh"

# units 1 Org { 2 Eng { 4 Web }, 3 Ops }, 5 Other; people as in
# tests/cli/pulse.sh: 1-2 Org, 3-5 Eng, 6-9 Web, 10-14 Ops, 15 Other
t unit add Org
t unit add Eng --parent 1
t unit add Ops --parent 1
t unit add Web --parent 2
t unit add Other
names=(Olga Oscar Ezra Emma Eli Wanda Wes Wynn Wim Pia Pete Paz Pim Pol Xena)
units=(1 1 2 2 2 4 4 4 4 3 3 3 3 3 5)
for i in "${!names[@]}"; do
	t person add "${names[$i]} Quill" --email "${names[$i],,}@p.test" --unit "${units[$i]}"
done
# accounts: Ezra (3) manages Eng, Oscar (2) views Org, everyone else is a
# member; TOK[n] is person n's token
declare -A TOK
for n in $(seq 1 15); do
	role=member
	[ "$n" = 3 ] && role=manager
	[ "$n" = 2 ] && role=viewer
	t user add --person "$n" --role "$role"
	id=$(sql "SELECT id FROM account WHERE person_id = $n")
	TOK[$n]=$("$TANDEM" --db "$DB" token add --user "$id" --name pulse | tail -n 1)
done
start_server || { fail "server starts"; finish; exit 1; }
TOK[admin]=$TOKEN
V=/api/v1

# as WHO METHOD PATH [BODY]: one JSON request with WHO's token
as() {
	local who=$1 method=$2 path=$3
	local args=(-q -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$method" -H "Authorization: Bearer ${TOK[$who]}")
	[ $# -ge 4 ] && args+=(-H 'Content-Type: application/json' --data-binary "$4")
	STATUS=$(curl "${args[@]}" "$URL$path")
	BODY=$(cat "$TMP/body")
	HEADERS=$(cat "$TMP/headers")
}
digest() {
	local out=
	for tb in pulse pulse_question pulse_invite pulse_responded pulse_count pulse_comment; do
		out="$out$(sql "SELECT * FROM $tb ORDER BY 1, 2")"
	done
	printf '%s' "$out" | sha256sum | cut -d' ' -f1
}

# --- creating, as each role ----------------------------------------------

before=$(digest)
as admin POST $V/pulses '{"title":"Too small","unit_id":1,"min_group":2}'
expect_eq "min_group 2: 400" 400 "$STATUS"
expect_eq "min_group 2 names the field" "min_group" "$(jqb .error.field)"
expect_contains "min_group 2 says at least 3" "$(jqb .error.message)" "at least 3"
as 6 POST $V/pulses '{"title":"Member","unit_id":4}'
expect_eq "a member creates no pulse" 403 "$STATUS"
as 2 POST $V/pulses '{"title":"Viewer","unit_id":1}'
expect_eq "a viewer creates no pulse" 403 "$STATUS"
as 3 POST $V/pulses '{"title":"Above","unit_id":1}'
expect_eq "a manager creates none above their unit (it is invisible to them)" 404 "$STATUS"
expect_eq "no refusal wrote anything" "$before" "$(digest)"
as 3 POST $V/pulses '{"title":"Eng check","unit_id":2,"opens":"2026-01-01"}'
expect_eq "a manager creates one in their unit" 201 "$STATUS"
eng=$(jqb .id)
as admin POST $V/pulses '{"title":"Quarterly","unit_id":1,"opens":"2026-01-01"}'
expect_eq "admin creates" "201 5 false" "$STATUS $(jqb '"\(.min_group) \(.sent)"')"
p=$(jqb .id)
as admin POST $V/pulses/$p/questions '{"text":"I know where we are going","scale":"1-5","comments":true}'
expect_eq "question 1" 201 "$STATUS"
as admin POST $V/pulses/$p/questions '{"text":"Would you recommend us","scale":"0-10"}'
expect_eq "question 2" "201 2" "$STATUS $(jqb '.questions | length')"
as admin POST $V/pulses/$p/questions '{"text":"x","scale":"1-7"}'
expect_eq "a bad scale: 400 naming scale" "400 scale" "$STATUS $(jqb .error.field)"
as 3 POST $V/pulses/$p/questions '{"text":"x","scale":"1-5"}'
expect_eq "Eng's manager cannot see Org's pulse" 404 "$STATUS"
as 2 POST $V/pulses/$p/questions '{"text":"x","scale":"1-5"}'
expect_eq "the viewer may not change it" 403 "$STATUS"
as 3 POST $V/pulses/$eng/send '{"to_unit_id":1}'
expect_eq "a unit outside the pulse's unit: 400" "400 unit_id" "$STATUS $(jqb .error.field)"
as 3 DELETE $V/pulses/$eng
expect_eq "the manager removes their unsent pulse" 204 "$STATUS"

# --- sending and the person's open pulses -------------------------------

as 6 GET $V/me/pulses
expect_eq "nothing to answer before sending" 0 "$(jqb .count)"
as admin POST $V/pulses/$p/send '{"to_unit_id":1}'
expect_eq "send" "200 true 14" "$STATUS $(jqb '"\(.sent) \(.invited)"')"
as admin POST $V/pulses/$p/send '{}'
expect_eq "a second send: 409" 409 "$STATUS"
as 6 GET $V/me/pulses
expect_eq "Wanda may answer it now" "1 $p 2" "$(jqb '"\(.count) \(.items[0].id) \(.items[0].questions | length)"')"
as 15 GET $V/me/pulses
expect_eq "Xena was not asked" 0 "$(jqb .count)"

# --- answers (the values of tests/cli/pulse.sh) ---------------------------

answer() {	# PERSON ANSWERS [COMMENT]
	local body="{\"answers\":\"$2\"}"
	[ $# -ge 3 ] && body="{\"answers\":\"$2\",\"comment\":\"$3\"}"
	as "$1" POST $V/pulses/$p/answers "$body"
}
answer 1 5,10 "Clear goals"
expect_eq "an answer: 201" 201 "$STATUS"
expect_not_contains "the answer's reply names no one" "$BODY" "Olga"
answer 3 4,9
expect_eq "a manager answers too" 201 "$STATUS"
answer 4 3,6
answer 6 5,8 "More demos"
answer 7 4,7
answer 8 2,0
answer 9 4,9
answer 10 3,5 "Fewer meetings"
answer 11 3,9
answer 12 4,10
answer 13 2,6
answer 14 1,8
expect_eq "the last answer" 201 "$STATUS"
expect_eq "12 responded" 12 "$(sql "SELECT count(*) FROM pulse_responded WHERE pulse_id = $p")"

before=$(digest)
answer 1 1,1
expect_eq "a second answer: 409" 409 "$STATUS"
answer 15 1,1
expect_eq "someone not asked: 404" 404 "$STATUS"
answer 2 1,1
expect_eq "a viewer answers nothing: 403" 403 "$STATUS"
answer 5 5
expect_eq "too few answers: 400 naming answers" "400 answers" "$STATUS $(jqb .error.field)"
answer 5 5,11
expect_eq "11 on 0-10: 400" 400 "$STATUS"
as 5 POST $V/pulses/$p/answers '{"answers":"5,5","person_id":1}'
expect_eq "no answering for someone else: 400" "400 person_id" "$STATUS $(jqb .error.field)"
t pulse add "Closed" --unit 1 --opens 2020-01-01 --closes 2020-01-31
closed=$(sql "SELECT id FROM pulse WHERE title = 'Closed'")
t pulse question "$closed" --text "Closed?" --scale 1-5
t pulse send "$closed" --to-unit 1
before=$(digest)
as 5 POST $V/pulses/$closed/answers '{"answers":"5"}'
expect_eq "after closes: 409" 409 "$STATUS"
expect_contains "after closes says closed" "$(jqb .error.message)" "closed on 2020-01-31"
as 5 POST $V/pulses/999/answers '{"answers":"5"}'
expect_eq "an unknown pulse: 404" 404 "$STATUS"
expect_eq "no refused answer wrote anything" "$before" "$(digest)"
as 6 GET $V/me/pulses
expect_eq "answered: no longer open to Wanda" 0 "$(jqb .count)"

# --- results (worked out in tests/cli/pulse.sh) --------------------------

as admin GET $V/pulses/$p/results
expect_eq "results: 200" 200 "$STATUS"
expect_eq "groups" "1 12 14 true
2 6 7 true
4 4 4 false
3 5 5 false" "$(jqb '.groups[] | "\(.unit_id) \(.responded) \(.invited) \(.shown)"')"
expect_eq "Org's Q1 and Q2" "3.33 [1,2,3,4,2] 7.25 8" \
	"$(jqb '.groups[0].questions | "\(.[0].mean) \(.[0].distribution | tojson) \(.[1].mean) \(.[1].enps)"')"
expect_eq "Web has no numbers" "null" "$(jqb '.groups[2].questions')"
expect_contains "Web's note" "$(jqb '.groups[2].note')" "fewer than 5 answered: not shown, to keep answers anonymous"
all=$BODY
# asked for by name, a group below the minimum is refused with the reason
as admin GET "$V/pulses/$p/results?unit_id=4"
expect_eq "Web's results asked for: 403 naming unit_id" "403 unit_id" "$STATUS $(jqb .error.field)"
expect_contains "and says why" "$(jqb .error.message)" "Web's results are not shown, to keep answers anonymous: 4 of 4 answered"
expect_eq "and no figure of it" "null null" "$(jqb '"\(.groups) \(.questions)"')"
as admin GET "$V/pulses/$p/results?unit_id=4&format=csv"
expect_eq "nor as CSV" 403 "$STATUS"
all="$all$BODY"
as admin GET "$V/pulses/$p/results?unit_id=5"
expect_eq "a unit not asked: 404" 404 "$STATUS"
as admin GET "$V/pulses/$p/results?format=csv"
expect_eq "csv: 200" 200 "$STATUS"
expect_contains "csv: its type" "$HEADERS" "text/csv"
web=$(printf '%s\n' "$BODY" | grep '^4,Web,' | head -1 | tr -d '\r')
expect_eq "csv: Web's row" "4,Web,4,4,no,1,I know where we are going,1-5$(printf ',%.0s' {1..15})\"fewer than 5 answered: not shown, to keep answers anonymous\"" "$web"
all="$all$BODY"
as admin GET "$V/pulses/$p/results?format=xml"
expect_eq "an unknown format: 400" 400 "$STATUS"
as 2 GET $V/pulses/$p/results
expect_eq "the viewer of Org reads the results" 200 "$STATUS"
# those asked read the results of their own units only
as 6 GET $V/pulses/$p/results
expect_eq "Wanda (Web) sees Web's group: suppressed" "200 4 false null" \
	"$STATUS $(jqb '"\(.groups[0].unit_id) \(.groups[0].shown) \(.groups[0].questions)"')"
all="$all$BODY"
as 6 GET "$V/pulses/$p/results?unit_id=1"
expect_eq "Wanda may not view Org's group" 404 "$STATUS"
as 3 GET $V/pulses/$p/results
expect_eq "Ezra (manages Eng) sees Eng with Web under it" "200 2 true 4 false" \
	"$STATUS $(jqb '"\(.groups[0].unit_id) \(.groups[0].shown) \(.groups[1].unit_id) \(.groups[1].shown)"')"
all="$all$BODY"
as 3 GET "$V/pulses/$p/results?unit_id=3"
expect_eq "Ezra may not view Ops" 404 "$STATUS"
as 15 GET $V/pulses/$p/results
expect_eq "Xena, not asked, does not see the pulse" 404 "$STATUS"
as 15 GET $V/pulses/$p
expect_eq "nor its summary" 404 "$STATUS"
as 3 GET $V/pulses/$p
expect_eq "Eng's manager reads the summary of a pulse sent to Eng" 200 "$STATUS"
as 2 GET $V/pulses/$p
expect_eq "show: answered of invited" "200 12 14" "$STATUS $(jqb '"\(.responded) \(.invited)"')"
all="$all$BODY"
as admin GET $V/pulses
expect_eq "list" "200 2" "$STATUS $(jqb .count)"
all="$all$BODY"
as 6 GET $V/pulses
expect_eq "Wanda lists the pulses sent to her unit (this and the closed one)" "2 $p" "$(jqb '"\(.count) \(.items[0].id)"')"
as 15 GET $V/pulses
expect_eq "Xena lists none" 0 "$(jqb .count)"
as admin GET "$V/pulses/trend?question_text=I%20know%20where%20we%20are%20going"
expect_eq "trend" "200 1 3.33" "$STATUS $(jqb '"\(.count) \(.items[0].mean)"')"
all="$all$BODY"
as admin GET "$V/pulses/trend"
expect_eq "trend without the question: 400" 400 "$STATUS"
as admin DELETE $V/pulses/$p
expect_eq "a sent pulse is not removed: 409" 409 "$STATUS"

# --- pages ------------------------------------------------------------------

as 5 GET /pulses
expect_eq "the pulses page" 200 "$STATUS"
expect_contains "Eli is asked to answer" "$BODY" "/pulses/$p/answer"
as 5 GET /pulses/$p/answer
expect_eq "the answer form" 200 "$STATUS"
expect_contains "radio buttons 0-10" "$BODY" 'type="radio" name="q2" value="10"'
form 5 /pulses/$p/answer "q1=4&q2=7&comment=Good+quarter"
expect_eq "the form answers" 303 "$STATUS"
expect_eq "13 responded" 13 "$(sql "SELECT count(*) FROM pulse_responded WHERE pulse_id = $p")"
before=$(digest)
form 5 /pulses/$p/answer "q1=4&q2=7"
expect_eq "a second answer by form: 409" 409 "$STATUS"
form 15 /pulses/$p/answer "q1=4&q2=7"
expect_eq "not asked, by form: 404" 404 "$STATUS"
form 1 /pulses/$closed/answer "q1=4"
expect_eq "after closes, by form: refused" 409 "$STATUS"
expect_eq "no refused form wrote anything" "$before" "$(digest)"
as admin GET /pulses/$p
expect_eq "the results page" 200 "$STATUS"
expect_contains "page: the note" "$BODY" "fewer than 5 answered: not shown, to keep answers anonymous"
expect_contains "page: answered count" "$BODY" "13 of 14 answered"
expect_contains "page: a distribution chart" "$BODY" 'class="pulse-bar"'
all="$all$BODY"
as admin GET "/pulses/$p?unit_id=4"
expect_contains "page: Web's view suppressed" "$BODY" "not shown, to keep answers anonymous"
expect_not_contains "page: Web's view shows no mean" "$BODY" "Mean"
all="$all$BODY"
as 6 GET /pulses/$p
expect_eq "Wanda's results page: Web" 200 "$STATUS"
expect_contains "Wanda's page: suppressed" "$BODY" "fewer than 5 answered: not shown"
# (the page's header names Wanda herself, signed in: not kept for the check)
as 6 GET "/pulses/$p?unit_id=1"
expect_eq "Wanda's page of Org: 404" 404 "$STATUS"
as 15 GET /pulses/$p
expect_eq "Xena's page: 404" 404 "$STATUS"

# no response names a respondent
leak=0
for n in "${names[@]}"; do
	case "$all" in *"$n"* | *"${n,,}@"*) leak=1; fail "no output names $n" ;; esac
done
expect_not_contains "no output carries a person_id" "$all" "person_id"
[ $leak = 0 ] && pass

# without credentials
STATUS=$(curl -q -s -o /dev/null -w '%{http_code}' -H 'Authorization:' "$URL$V/pulses")
expect_eq "no credentials: 401" 401 "$STATUS"

stop_server
# The audit log keeps that an answer was posted, never its body.
expect_eq "no audit record of an answer keeps its body" "0" \
	"$(sql "SELECT count(*) FROM audit WHERE action LIKE '%/answers%' AND detail <> ''")"
expect_eq "and there are such records (the check above is not empty)" 1 \
	"$(sql "SELECT CASE WHEN count(*) > 0 THEN 1 ELSE 0 END FROM audit WHERE action LIKE '%/answers%'")"
expect_eq "the server stops cleanly (no sanitizer report)" 0 "$SERVER_RC"
expect_not_contains "no sanitizer report" "$(cat "$TMP/server.err")" "Sanitizer"
finish
