#!/usr/bin/env bash
# tests/api/assess.sh: /api/v1/assess, /api/v1/cohorts and /api/v1/join by
# role, and the pages /assess, /assess/units/:id, /workshops and /join.
# Taking the assessment is personal (any member with a person; viewers
# 403); one's profile is one's own (404 for anyone else, admins
# included); groups answer only anonymous aggregates of at least the
# minimum (403 below it); joining needs only the code.
#
#   1 Root    Ada (1, admin)
#   ├── 2 Ops  Ben (2, manager), Kemi (3, member), Lou 5, Max 6, Ned 7
#   └── 3 Prod Grace (4, viewer)
source "$(dirname "$0")/../lib.sh"

t unit add Root
t unit add Ops --parent 1
t unit add Prod --parent 1
t person add Ada --email ada@t.test --unit 1
t person add Ben --email ben@t.test --unit 2
t person add Kemi --email kemi@t.test --unit 2 --manager 2
t person add Grace --email grace@t.test --unit 3
for n in Lou Max Ned; do t person add $n --email "$(tr A-Z a-z <<<$n)@t.test" --unit 2; done
declare -A TOK
PW=correct-horse-battery
for spec in admin:1 manager:2 member:3 viewer:4; do
	role=${spec%%:*}
	person=${spec#*:}
	TANDEM_PASSWORD=$PW t user add --person "$person" --role "$role"
	expect_rc "account for $role" 0
	id=$(sql "SELECT id FROM account WHERE person_id = $person")
	TOK[$role]=$("$TANDEM" --db "$DB" token add --user "$id" --name assess | tail -n 1)
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
# anon METHOD PATH [BODY]: without credentials
anon() {
	local args=(-q -s -o "$TMP/body" -w '%{http_code}' -X "$1")
	[ $# -ge 3 ] && args+=(-H 'Content-Type: application/json' --data-binary "$3")
	STATUS=$(curl "${args[@]}" "$URL$2")
	BODY=$(cat "$TMP/body")
}
digest() { dbsum "$DB" assessment assessment_answer cohort cohort_member person account; }
all() { printf "$1"'%.0s,' $(seq 1 23); printf '%s\n' "$1"; }	# 24 times $1
body() { printf '{"answers":"%s"}' "$1"; }

# --- items, and taking it -----------------------------------------------------
walk GET $V/assess/items "" 200 200 200 200
as member GET $V/assess/items
expect_eq "24 items" 24 "$(jqb .count)"

before=$(digest)
as viewer POST $V/assess "$(body "$(all 3)")"
expect_eq "a viewer does not take it (403)" 403 "$STATUS"
as member POST $V/assess "$(body "3,3")"
expect_eq "2 answers are 400" 400 "$STATUS"
expect_eq "naming answers" "answers" "$(jqb .error.field)"
as member POST $V/assess "$(body "3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,6")"
expect_eq "a 6 is 400" 400 "$STATUS"
expect_contains "naming the item" "$(jqb .error.message)" "item 24 takes 1 to 5 (got 6)"
as member POST $V/assess '{}'
expect_eq "no answers is 400" 400 "$STATUS"
as member POST $V/assess "{\"answers\":\"$(all 3)\",\"person_id\":1}"
expect_eq "person_id is not the caller's to give (400)" 400 "$STATUS"
as member POST $V/assess "{\"answers\":\"$(all 3)\",\"cohort_id\":9}"
expect_eq "an unknown cohort is 404" 404 "$STATUS"
expect_eq "no refused take wrote anything" "$before" "$(digest)"

# Kemi (member) answers all 2: every mean 2, every score 25
as member POST $V/assess "$(body "$(all 2)")"
expect_eq "a member takes it" 201 "$STATUS"
expect_eq "as herself, means 2 and scores 25" "3|2 2 2 2 2 2|25 25 25 25 25 25" \
	"$(jqb '"\(.person_id)|\([.profile.processes[].mean] | map(tostring) | join(" "))|\([.profile.processes[].score] | map(tostring) | join(" "))"')"
expect_eq "Ops's aggregate is not shown (1 of 5)" "false" "$(jqb .unit.shown)"
as manager POST $V/assess "$(body "$(all 4)")"
expect_eq "a manager takes it" 201 "$STATUS"
as admin POST $V/assess "$(body "$(all 5)")"
expect_eq "an admin takes it" 201 "$STATUS"
expect_eq "stored for persons 3, 2, 1" "3 2 1" "$(sql 'SELECT person_id FROM assessment ORDER BY id' | paste -sd' ')"

# the audit log keeps who, never what
expect_eq "three audited takes without a body" "3|0" \
	"$(sql "SELECT count(*), count(CASE WHEN detail <> '' THEN 1 END) FROM audit WHERE action = 'POST /api/v1/assess'")"
expect_eq "no answer in the audit" 0 "$(sql "SELECT count(*) FROM audit WHERE detail LIKE '%answers%'")"

# --- one's own profile: theirs alone ----------------------------------------------
as member GET $V/assess/me
expect_eq "my profile" "200|3|25" "$STATUS|$(jqb .person_id)|$(jqb '.profile.processes[0].score')"
as viewer GET $V/assess/me
expect_eq "no assessment: 404" 404 "$STATUS"
walk GET $V/assess/people/3 "" 404 404 200 404
walk GET $V/assess/people/1 "" 200 404 404 404
walk GET $V/assess/people/99 "" 404 404 404 404

# --- a unit's aggregate ---------------------------------------------------------------
# Ops: Ben 4 and Kemi 2 by the API; Lou 3, Max 5, Ned 5 by the CLI:
# every mean (4+2+3+5+5)/5 = 3.8, score (3.8-1)/4*100 = 70
walk GET $V/assess/units/2 "" 403 403 403 404
as manager GET $V/assess/units/2
expect_contains "the reason" "$(jqb .error.message)" "2 answered, and a group is shown from 5"
t assess take --person 5 --answers "$(all 3)"
t assess take --person 6 --answers "$(all 5)"
t assess take --person 7 --answers "$(all 5)"
walk GET $V/assess/units/2 "" 200 200 200 404
as member GET $V/assess/units/2
expect_eq "5 respondents, mean 3.8, score 70" "5|3.8|70" \
	"$(jqb '"\(.respondents)|\(.processes[0].mean)|\(.processes[5].score)"')"
expect_eq "no person's id in a group's answer" "null|null" "$(jqb '"\(.person_id)|\(.profile)"')"
walk GET $V/assess/units/3 "" 403 404 404 403
walk GET $V/assess/units/9 "" 404 404 404 404
# the root holds Ops's 5 and Ada's 1: shown beside Ops it would show Ada's
as admin GET $V/assess/units/1
expect_eq "the root beside Ops is 403" 403 "$STATUS"
expect_contains "it says why" "$(jqb .error.message)" "the difference would show the answers of 1"

# perception beside evidence: the same 70s beside /api/v1/balance/units/2
walk GET $V/assess/units/2/compare "" 200 200 200 404
as admin GET $V/assess/units/2/compare
expect_eq "perceived 70 everywhere" "70 70 70 70 70 70" "$(jqb '[.processes[].perceived] | map(tostring) | join(" ")')"
gaps=$(jqb '[.processes[] | "\(.process)=\(.gap)"] | sort | join(" ")')
as admin GET $V/balance/units/2
expect_eq "the balance of Ops" 200 "$STATUS"
want=$(jqb '. as $u | [["planning","staffing","controlling","direction","aligning","motivating"][] as $p
	| "\($p)=\(if ([$u.indicators[] | select(.process == $p and (.skipped | not))] | length) > 0
		then ((70 - $u.processes[$p]) * 100 | round / 100) else 0 end)"] | sort | join(" ")')
expect_eq "gap = perceived - the balance process score" "$want" "$gaps"

# --- workshops ---------------------------------------------------------------------------
before=$(digest)
walk POST $V/cohorts '{"name":"W"}' 201 403 403 403
as manager POST $V/cohorts '{"name":"W","unit_id":3}'
expect_eq "a manager creates nothing outside their units" 404 "$STATUS"
as admin POST $V/cohorts '{"name":"W","min_group":2}'
expect_eq "a minimum of 2 is 400" 400 "$STATUS"
expect_eq "naming min_group" "min_group" "$(jqb .error.field)"
as admin POST $V/cohorts '{"name":""}'
expect_eq "an empty name is 400" 400 "$STATUS"
expect_eq "only the admin's cohort was written" 1 "$(sql 'SELECT count(*) FROM cohort')"
as manager POST $V/cohorts '{"name":"Ops workshop","unit_id":2,"min_group":3}'
expect_eq "a manager creates one for their unit" 201 "$STATUS"
expect_eq "trainer: the manager; its code XXXX-XXXX" "2|9|2" "$(jqb '"\(.trainer_id)|\(.code | length)|\(.id)"')"
OPS_CODE=$(jqb .code)
walk GET $V/cohorts/1 "" 200 404 404 404
walk GET $V/cohorts/2 "" 200 200 200 404
as member GET $V/cohorts
expect_eq "a member lists Ops's workshop" "2" "$(jqb '[.items[].id] | map(tostring) | join(" ")')"
as admin GET $V/cohorts
expect_eq "the admin lists both" 2 "$(jqb .count)"
walk GET $V/cohorts/2/aggregate "" 403 403 403 404

# --- joining -----------------------------------------------------------------------------
join() { printf '{"code":"%s","name":"%s","email":"%s","password":"%s"}' "$@"; }
before=$(digest)
anon POST $V/join "$(join ZZZZ-ZZZZ Pia pia@t.test long-enough-pw)"
expect_eq "a wrong code is 404" "404|code" "$STATUS|$(jqb .error.field)"
anon POST $V/join "$(join "$OPS_CODE" Pia pia@t.test short)"
expect_eq "a short password is 400" "400|password" "$STATUS|$(jqb .error.field)"
anon POST $V/join "$(join "$OPS_CODE" Pia kemi@t.test long-enough-pw)"
expect_eq "a taken email is 409" "409|email" "$STATUS|$(jqb .error.field)"
# a person with no account: the answer names no one (the code is shared
# in a room; who works there is not)
sql "INSERT INTO person (name, email, unit_id) VALUES ('Quiet', 'quiet@t.test', 1)" >/dev/null
before=$(digest)
anon POST $V/join "$(join "$OPS_CODE" Pia quiet@t.test long-enough-pw)"
expect_eq "an employee's email is 409, saying only that it is taken" "409|email: is taken: sign in instead" \
	"$STATUS|$(jqb .error.message)"
expect_eq "nothing written" "$before" "$(digest)"
anon POST $V/join "$(join "$OPS_CODE" " " pia@t.test long-enough-pw)"
expect_eq "an empty name is 400" "400|name" "$STATUS|$(jqb .error.field)"
anon POST $V/join '{"code":"x"}'
expect_eq "missing fields are 400" 400 "$STATUS"
expect_eq "no refused join wrote anything" "$before" "$(digest)"

anon POST $V/join "$(join "$(tr A-Z a-z <<<"$OPS_CODE")" Pia Pia@T.test long-enough-pw)"
expect_eq "a newcomer joins" 201 "$STATUS"
PIA=$(jqb .person_id)
expect_eq "in the cohort's unit, a member account, a member of the cohort" "2|member|pia@t.test|1" \
	"$(sql "SELECT p.unit_id, a.role, a.login, (SELECT count(*) FROM cohort_member m WHERE m.person_id = p.id AND m.cohort_id = 2) FROM person p JOIN account a ON a.person_id = p.id WHERE p.id = $PIA")"
TOK[pia]=$(jqb .token)
expect_eq "the join is audited as the newcomer" 1 "$(sql "SELECT count(*) FROM audit WHERE action = 'POST /api/v1/join' AND entity_id = $PIA")"
as pia GET $V/assess/me
expect_eq "signed in: no assessment yet" 404 "$STATUS"
as pia POST $V/assess "$(body "$(all 1)")"
expect_eq "she takes it, for the cohort" "201|2" "$STATUS|$(jqb .profile.cohort_id)"
as pia GET $V/cohorts/2/aggregate
expect_eq "1 of 3: still 403" 403 "$STATUS"
for p in 5 6; do t workshop join "$OPS_CODE" --person $p; t assess take --person $p --answers "$(all 4)"; done
# Pia 1, Lou 4, Max 4: mean 3, score 50
walk GET $V/cohorts/2/aggregate "" 200 200 200 404
as member GET $V/cohorts/2/aggregate
expect_eq "3 answered: mean 3, score 50" "3|3|50" "$(jqb '"\(.respondents)|\(.processes[0].mean)|\(.processes[0].score)"')"

walk POST $V/cohorts/2/close "" 200 409 403 404
expect_eq "closed" 0 "$(sql 'SELECT open FROM cohort WHERE id = 2')"
before=$(digest)
anon POST $V/join "$(join "$OPS_CODE" Quinn quinn@t.test long-enough-pw)"
expect_eq "a closed workshop takes no one (409)" "409|code" "$STATUS|$(jqb .error.field)"
expect_eq "nothing written" "$before" "$(digest)"
walk DELETE $V/cohorts/1 "" 204 404 404 404
expect_eq "the admin's cohort is gone" 0 "$(sql 'SELECT count(*) FROM cohort WHERE id = 1')"

# --- pages -----------------------------------------------------------------------------
# page METHOD PATH JAR [DATA]: one request with the cookies of JAR
page() {
	local args=(-q -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$1" -b "$3" -c "$3")
	[ $# -ge 4 ] && args+=(--data-binary "$4")
	STATUS=$(curl "${args[@]}" "$URL$2")
	BODY=$(cat "$TMP/body")
}
csrf_of() { printf '%s' "$BODY" | grep -o 'name="csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
signin() {
	rm -f "$2"
	page GET /login "$2"
	page POST /login "$2" "csrf=$(csrf_of)&login=$1&password=$PW"
}
J=$TMP/kemi.jar
signin kemi@t.test "$J"
page GET /assess "$J"
expect_eq "/assess" 200 "$STATUS"
expect_contains "her profile" "$BODY" "Your profile"
expect_contains "a radar chart" "$BODY" "<svg"
expect_contains "the form" "$BODY" 'name="i24" value="5"'
expect_contains "beside Ops" "$BODY" 'href="/assess/units/2"'
CS=$(csrf_of)
before=$(digest)
form_data="csrf=$CS"
for i in $(seq 1 23); do form_data+="&i$i=4"; done
page POST /assess "$J" "$form_data"
expect_eq "a statement unanswered: 400" 400 "$STATUS"
expect_contains "named inline" "$BODY" "statement 24 needs an answer from 1 to 5 (1 statement unanswered)"
expect_contains "the answers given are kept" "$BODY" 'name="i23" value="4" checked'
expect_eq "nothing written" "$before" "$(digest)"
page POST /assess "$J" "$form_data&i24=5"
expect_eq "saved: 303" 303 "$STATUS"
expect_eq "her latest: 23 fours and a 5" 97 \
	"$(sql 'SELECT sum(value) FROM assessment_answer WHERE assessment_id = (SELECT max(id) FROM assessment WHERE person_id = 3)')"
page GET /assess/units/2 "$J"
expect_eq "/assess/units/2" 200 "$STATUS"
expect_contains "perception beside evidence" "$BODY" "Perception beside evidence"
expect_contains "in words" "$BODY" "people rate"
page GET /assess/units/3 "$J"
expect_eq "Prod is outside her units" 404 "$STATUS"
page GET /workshops/2 "$J"
expect_eq "the trainer's page reads for a member of Ops" 200 "$STATUS"
expect_contains "it refreshes itself" "$BODY" 'data-refresh="10"'
expect_contains "with a link without JavaScript" "$BODY" 'href="/workshops/2">Refresh</a>'
B=$TMP/ben.jar
signin ben@t.test "$B"
page GET /workshops "$B"
expect_contains "the manager's form" "$BODY" 'action="/workshops"'
page POST /workshops "$B" "csrf=$(csrf_of)&name=&unit_id=2&min_group="
expect_eq "an empty name: 400" 400 "$STATUS"
page POST /workshops "$B" "csrf=$(csrf_of)&name=Friday&unit_id=2&min_group=4"
expect_eq "created: 303" 303 "$STATUS"
NEWW=$(sql "SELECT id FROM cohort WHERE name = 'Friday'")
page GET "/workshops/$NEWW" "$B"
expect_contains "waiting for 4 more" "$BODY" "waiting for 4 more"
FRI=$(sql "SELECT code FROM cohort WHERE id = $NEWW")

# /join in the browser: the pre-session token, inline refusals, a session
JJ=$TMP/join.jar
rm -f "$JJ"
page GET /join "$JJ"
expect_eq "/join needs no sign-in" 200 "$STATUS"
PRE=$(csrf_of)
before=$(digest)
page POST /join "$JJ" "code=$FRI&name=Rex&email=rex@t.test&password=long-enough-pw"
expect_eq "without the form token: 403" 403 "$STATUS"
page POST /join "$JJ" "csrf=$PRE&code=NOPE-NOPE&name=Rex&email=rex@t.test&password=long-enough-pw"
expect_eq "a wrong code: inline, 400" 400 "$STATUS"
expect_contains "said beside the code" "$BODY" "no workshop has this join code"
page POST /join "$JJ" "csrf=$PRE&code=$FRI&name=Rex&email=rex@t.test&password=short"
expect_eq "a short password: 400" 400 "$STATUS"
expect_contains "said beside the password" "$BODY" '<p class="error" id="f-password-err">must be at least 10 characters</p>'
expect_contains "the name is kept" "$BODY" 'value="Rex"'
page POST /join "$JJ" "csrf=$PRE&code=$FRI&name=Rex&email=ben@t.test&password=long-enough-pw"
expect_eq "a taken email: 409" 409 "$STATUS"
expect_eq "no refused join wrote anything" "$before" "$(digest)"
page POST /join "$JJ" "csrf=$PRE&code=$FRI&name=Rex&email=rex@t.test&password=long-enough-pw"
expect_eq "joined: 303" 303 "$STATUS"
page GET /assess "$JJ"
expect_eq "signed in, to the assessment" 200 "$STATUS"
expect_contains "as Rex" "$BODY" "Rex"

finish
