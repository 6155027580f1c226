#!/usr/bin/env bash
# tests/api/errors.sh: every kind of bad request gets the right status and
# an error object {"error":{"status","message","field"}} naming the
# problem, and writes nothing: a digest of the whole database (lib.sh's
# dbsum: the sqlite3 CLI's .dump, or every table through psql) is the same
# before and after each refused request.
#
# The messages checked are the ones the field tables and the domain
# rules promise (src/base/field.c, src/*/...): ranges, names and ids are
# worked out by hand from the request, never copied from a response.
. "$(dirname "$0")/../lib.sh"

# --- local helpers ------------------------------------------------------

header() {
	printf '%s\n' "$HEADERS" | tr -d '\r' |
		awk -v h="$1" 'tolower(substr($0, 1, index($0, ":") - 1)) == tolower(h) {
			sub(/^[^:]*: */, ""); print; exit }'
}
# digest: the whole database as text, hashed.
digest() {
	dbsum
}
# expect_error NAME STATUS FIELD MESSAGE: the last answer is an error with
# this HTTP status, the same status and this field in its body (FIELD
# "null" for none), and MESSAGE somewhere in its message.
expect_error() {
	if [ "$STATUS" == "$2" ]; then pass; else fail "$1: HTTP status" "HTTP $STATUS, expected $2; body: $BODY"; fi
	local got=()
	# one jq run: the shape, status, field and message on four lines
	mapfile -t got < <(jqb '(keys | join(",")) + "/" + (.error | keys | join(",")),
		.error.status, .error.field, .error.message' 2>&1)
	expect_eq "$1: error object shape" "error/field,message,status" "${got[0]-}"
	expect_eq "$1: error.status" "$2" "${got[1]-}"
	expect_eq "$1: error.field" "$3" "${got[2]-}"
	expect_contains "$1: error.message" "${got[3]-}" "$4"
	expect_eq "$1: JSON content type" "application/json; charset=utf-8" "$(header Content-Type)"
}
# refused NAME STATUS FIELD MESSAGE METHOD PATH [BODY]: sends the request,
# expects that error, and that the database did not change.
refused() {
	local name=$1 status=$2 field=$3 msg=$4 before
	shift 4
	before=$(digest)
	api "$@"
	expect_error "$name" "$status" "$field" "$msg"
	expect_eq "$name: nothing written" "$before" "$(digest)"
}
# api_file METHOD PATH FILE [CURL ARGS...]: like api, with the body read
# from FILE (bodies over 128 KiB do not fit in one argument).
api_file() {
	local m=$1 p=$2 f=$3
	shift 3
	STATUS=$(curl -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$m" \
		-H 'Content-Type: application/json' --data-binary "@$f" "$@" "$URL$p")
	BODY=$(cat "$TMP/body")
	HEADERS=$(cat "$TMP/headers")
}
# unit_body FILE SIZE: a unit with a long name, exactly SIZE bytes of JSON.
unit_body() {
	local pre='{"name":"' post='"}'
	{
		printf '%s' "$pre"
		head -c $(($2 - ${#pre} - ${#post})) /dev/zero | tr '\0' a
		printf '%s' "$post"
	} >"$1"
}

t demo --today 2026-11-27
expect_rc "seed the demo" 0
start_server || { fail "server starts" "$(cat "$TMP/server.err")"; finish; exit 1; }
V=/api/v1
UNIT=$(sql "SELECT min(id) FROM unit")
PERSON=$(sql "SELECT min(id) FROM person")
PLAN=$(sql "SELECT min(id) FROM plan")
STEP=$(sql "SELECT min(id) FROM step")
TOOL=$(sql "SELECT min(id) FROM tool")
ENTRY=$(sql "SELECT min(id) FROM time_entry")
EMAIL=$(sql "SELECT email FROM person WHERE id = $PERSON")
NOPE=999999
expect_eq "no row has id $NOPE" 0 "$(sql "SELECT (SELECT count(*) FROM unit WHERE id = $NOPE) +
	(SELECT count(*) FROM person WHERE id = $NOPE) + (SELECT count(*) FROM plan WHERE id = $NOPE) +
	(SELECT count(*) FROM step WHERE id = $NOPE) + (SELECT count(*) FROM tool WHERE id = $NOPE) +
	(SELECT count(*) FROM time_entry WHERE id = $NOPE)")"

# --- malformed JSON ---------------------------------------------------------

refused "truncated JSON" 400 null "malformed JSON at line 1, column" POST $V/units '{"name": "x"'
# the error is on line 3: the bare word oops
refused "malformed JSON names the line" 400 null "line 3" POST $V/units $'{\n  "name": "x",\n  oops\n}'
refused "a key given twice" 400 null "malformed JSON" POST $V/units '{"name":"a","name":"b"}'
refused "text after the object" 400 null "malformed JSON" POST $V/units '{"name":"a"} x'
refused "a single quote string" 400 null "malformed JSON" POST $V/people "{'name':'x'}"
refused "malformed JSON on PATCH" 400 null "malformed JSON" PATCH $V/units/$UNIT '{"name":'

# --- not an object, or no body ------------------------------------------------

refused "an array body" 400 null "must be a JSON object" POST $V/units '[{"name":"x"}]'
refused "an empty array body" 400 null "must be a JSON object" POST $V/steps/$STEP/deps '[]'
refused "a bare number body" 400 null "" POST $V/units '42'
refused "empty body on POST" 400 null "needs a JSON object body" POST $V/units
refused "empty body on POST (zero-length data)" 400 null "needs a JSON object body" POST $V/plans ''
refused "empty body on PATCH" 400 null "needs a JSON object body" PATCH $V/people/$PERSON
refused "empty body on POST deps" 400 null "needs a JSON object body" POST $V/steps/$STEP/deps

# --- wrong types, unknown fields, nulls, missing fields -----------------------------------------

refused "string for plan_id" 400 plan_id "plan_id: must be an id (an integer), not a string" \
	POST $V/steps "{\"plan_id\":\"$PLAN\",\"name\":\"x\"}"
refused "number for name" 400 name "name: must be a string, not an integer" POST $V/units '{"name":5}'
refused "object for name" 400 name "name: must be a string, not an object" PATCH $V/units/$UNIT '{"name":{}}'
refused "a fraction for minutes" 400 minutes "minutes: must be an integer, not a number" \
	POST $V/time-entries "{\"person_id\":$PERSON,\"step_id\":$STEP,\"day\":\"2030-01-01\",\"minutes\":1.5}"
refused "string for estimate_hours" 400 estimate_hours "estimate_hours: must be a number, not a string" \
	PATCH $V/steps/$STEP '{"estimate_hours":"8"}'
refused "boolean for unit_id" 400 unit_id "unit_id: must be an id (an integer), not a boolean" \
	PATCH $V/people/$PERSON '{"unit_id":true}'
refused "unknown field" 400 colour "colour: unknown field" POST $V/units '{"name":"x","colour":"red"}'
refused "unknown field on PATCH" 400 nickname "nickname: unknown field" PATCH $V/people/$PERSON '{"nickname":"Al"}'
refused "unknown field on deps" 400 lag "lag: unknown field" POST $V/steps/$STEP/deps '{"on":2,"lag":1}'
refused "null for a required name" 400 name "name: must not be null" \
	POST $V/people "{\"name\":null,\"email\":\"n@x.example\",\"unit_id\":$UNIT}"
refused "null for start_date on PATCH" 400 start_date "start_date: must not be null" \
	PATCH $V/plans/$PLAN '{"start_date":null}'
refused "null for plan_id" 400 plan_id "plan_id: must not be null" POST $V/steps '{"plan_id":null,"name":"x"}'
refused "null for minutes" 400 minutes "minutes: must not be null" \
	POST $V/time-entries "{\"person_id\":$PERSON,\"step_id\":$STEP,\"day\":\"2030-01-01\",\"minutes\":null}"
# name is given, so the first missing required field is unit_id
refused "a required field missing" 400 unit_id "unit_id: is required" POST $V/plans '{"name":"x"}'
refused "an empty object" 400 name "name: is required" POST $V/tools '{}'
refused "an empty name" 400 name "name: must not be empty" PATCH $V/units/$UNIT '{"name":""}'
# jansson refuses \u0000 while parsing, before the field tables see it
refused "a NUL in a name" 400 null '\u0000 is not allowed' POST $V/units '{"name":"a\u0000b"}'
refused "a control character in a name" 400 name "name: must not contain control characters" \
	POST $V/units '{"name":"a\u0007b"}'

# --- out of range -------------------------------------------------------------------------

refused "minutes 1441" 400 minutes "minutes: must be a whole number from 1 to 1440" \
	POST $V/time-entries "{\"person_id\":$PERSON,\"step_id\":$STEP,\"day\":\"2030-01-01\",\"minutes\":1441}"
refused "minutes 0" 400 minutes "minutes: must be a whole number from 1 to 1440" \
	POST $V/time-entries "{\"person_id\":$PERSON,\"step_id\":$STEP,\"day\":\"2030-01-01\",\"minutes\":0}"
# the limits are in minutes (0 and 100000 * 60), shown in hours
refused "estimate_hours -1" 400 estimate_hours "estimate_hours: must be a number of hours from 0 to 100000" \
	POST $V/steps "{\"plan_id\":$PLAN,\"name\":\"x\",\"estimate_hours\":-1}"
refused "estimate_hours over the top" 400 estimate_hours "from 0 to 100000" \
	PATCH $V/steps/$STEP '{"estimate_hours":100001}'
refused "capacity_hours over a week" 400 capacity_hours "capacity_hours: must be a number of hours from 0 to 168" \
	PATCH $V/people/$PERSON '{"capacity_hours":168.5}'
refused "negative rate" 400 rate "rate: must be an amount from 0.00 to 1000000.00" \
	PATCH $V/people/$PERSON '{"rate":-0.01}'
refused "duration_days -1" 400 duration_days "duration_days: must be a whole number from 0 to 10000" \
	PATCH $V/steps/$STEP '{"duration_days":-1}'
refused "lag_days 1001" 400 lag_days "lag_days: must be a whole number from 0 to 1000" \
	POST $V/steps/$STEP/deps '{"on":2,"lag_days":1001}'
refused "an id of 0" 400 unit_id "unit_id: must be an id (a whole number above 0)" \
	POST $V/plans '{"name":"x","unit_id":0,"start_date":"2027-01-01"}'
refused "a negative id" 400 on "on: must be an id" POST $V/steps/$STEP/deps '{"on":-3}'
LONG=$(printf '%*s' 201 '' | tr ' ' n)
refused "a name of 201 characters" 400 name "name: must be at most 200 characters" POST $V/units "{\"name\":\"$LONG\"}"
refused "February 30th" 400 day "day: must be a date as YYYY-MM-DD" \
	POST $V/time-entries "{\"person_id\":$PERSON,\"step_id\":$STEP,\"day\":\"2026-02-30\",\"minutes\":5}"
refused "a date in another format" 400 start_date "start_date: must be a date as YYYY-MM-DD" \
	PATCH $V/plans/$PLAN '{"start_date":"01/02/2027"}'
refused "an unknown status in a body" 400 status "status: must be one of draft, active, on_hold, done, cancelled" \
	PATCH $V/plans/$PLAN '{"status":"paused"}'
refused "not an email" 400 email "is not an email address" \
	POST $V/people "{\"name\":\"x\",\"email\":\"nobody\",\"unit_id\":$UNIT}"
refused "a step depending on itself" 400 on "on: a step cannot depend on itself" \
	POST $V/steps/$STEP/deps "{\"on\":$STEP}"
refused "a tool on a plan and a step" 400 step_id "not both" \
	POST $V/tools "{\"name\":\"x\",\"plan_id\":$PLAN,\"step_id\":$STEP}"
refused "a unit under itself" 400 parent_id "cannot move under itself" PATCH $V/units/$UNIT "{\"parent_id\":$UNIT}"
refused "a person managing themselves" 400 manager_id "cannot manage themselves" \
	PATCH $V/people/$PERSON "{\"manager_id\":$PERSON}"

# --- unknown ids in a body: 404 naming the field ------------------------------------------------

refused "unknown plan_id" 404 plan_id "plan_id: no plan with id $NOPE" POST $V/steps "{\"plan_id\":$NOPE,\"name\":\"x\"}"
refused "unknown assignee_id" 404 assignee_id "assignee_id: no person with id $NOPE" \
	PATCH $V/steps/$STEP "{\"assignee_id\":$NOPE}"
refused "unknown person_id" 404 person_id "person_id: no person with id $NOPE" \
	POST $V/time-entries "{\"person_id\":$NOPE,\"step_id\":$STEP,\"day\":\"2030-01-01\",\"minutes\":5}"
refused "unknown step_id" 404 step_id "step_id: no step with id $NOPE" \
	POST $V/time-entries "{\"person_id\":$PERSON,\"step_id\":$NOPE,\"day\":\"2030-01-01\",\"minutes\":5}"
refused "unknown parent_id" 404 parent_id "parent_id: no unit with id $NOPE" POST $V/units "{\"name\":\"x\",\"parent_id\":$NOPE}"
refused "unknown unit_id" 404 unit_id "unit_id: no unit with id $NOPE" \
	POST $V/people "{\"name\":\"x\",\"email\":\"x@x.example\",\"unit_id\":$NOPE}"
refused "unknown manager_id" 404 manager_id "manager_id: no person with id $NOPE" \
	PATCH $V/people/$PERSON "{\"manager_id\":$NOPE}"
refused "unknown owner_id" 404 owner_id "owner_id: no person with id $NOPE" PATCH $V/plans/$PLAN "{\"owner_id\":$NOPE}"
refused "unknown step to depend on" 404 on "on: no step with id $NOPE" POST $V/steps/$STEP/deps "{\"on\":$NOPE}"
refused "unknown tool step_id" 404 step_id "step_id: no step with id $NOPE" POST $V/tools "{\"name\":\"x\",\"step_id\":$NOPE}"

# --- unknown ids in the path: 404 naming id ---------------------------------------------------------

refused "GET an unknown step" 404 id "no step with id $NOPE" GET $V/steps/$NOPE
refused "GET an unknown unit" 404 id "no unit with id $NOPE" GET $V/units/$NOPE
refused "GET an unknown person" 404 id "no person with id $NOPE" GET $V/people/$NOPE
refused "GET an unknown plan" 404 id "no plan with id $NOPE" GET $V/plans/$NOPE
refused "GET an unknown tool" 404 id "no tool with id $NOPE" GET $V/tools/$NOPE
refused "GET an unknown time entry" 404 id "no time entry with id $NOPE" GET $V/time-entries/$NOPE
refused "PATCH an unknown unit" 404 id "no unit with id $NOPE" PATCH $V/units/$NOPE '{"name":"x"}'
refused "PATCH an unknown plan" 404 id "no plan with id $NOPE" PATCH $V/plans/$NOPE '{"name":"x"}'
refused "PATCH an unknown tool" 404 id "no tool with id $NOPE" PATCH $V/tools/$NOPE '{"name":"x"}'
refused "DELETE an unknown person" 404 id "no person with id $NOPE" DELETE $V/people/$NOPE
refused "DELETE an unknown step" 404 id "no step with id $NOPE" DELETE $V/steps/$NOPE
refused "DELETE an unknown tool" 404 id "no tool with id $NOPE" DELETE $V/tools/$NOPE
refused "DELETE an unknown time entry" 404 id "no time entry with id $NOPE" DELETE $V/time-entries/$NOPE
refused "start an unknown step" 404 id "no step with id $NOPE" POST $V/steps/$NOPE/start
refused "deps of an unknown step" 404 id "no step with id $NOPE" POST $V/steps/$NOPE/deps "{\"on\":$STEP}"
refused "DELETE deps of an unknown step" 404 id "no step with id $NOPE" DELETE $V/steps/$NOPE/deps/$STEP

# --- paths that are no resource: 404 with no field --------------------------------------------------

for p in /steps/abc /steps/0 /steps/-1 /steps/1x /steps/1.5 /steps/12345678901234567890 \
	/steps/$STEP/stop /steps/$STEP/deps/abc /widgets; do
	refused "GET $V$p is no resource" 404 null "no such resource: $V$p" GET "$V$p"
done
refused "an unknown API version" 404 null "no such resource" GET /api/v2/units
refused "an unknown API path" 404 null "no such resource" GET $V/nowhere
# outside /api/ a wrong link gets the 404 page, not JSON
code=$(curl -s -o "$TMP/page" -w '%{http_code} %{content_type}' "$URL/nowhere")
expect_eq "a path that is no page: the HTML 404 page" "404 text/html; charset=utf-8" "$code"
expect_contains "a path that is no page: it says so" "$(cat "$TMP/page")" "<h1"
refused "POST to an unknown route" 404 null "no such resource" POST $V/widgets '{"name":"x"}'
refused "POST to a non-numeric id" 404 null "no such resource" POST $V/steps/abc/start

# --- a known path, a wrong method: 405 with Allow ----------------------------------------------------

method() {	# NAME METHOD PATH ALLOW
	refused "$1" 405 null "$2 is not allowed" "$2" "$3"
	expect_eq "$1: Allow header" "$4" "$(header Allow)"
	expect_contains "$1: the message lists the methods" "$(jqb .error.message)" "(allowed: $4)"
}
method "PUT a collection" PUT $V/units "GET, POST"
method "DELETE a collection" DELETE $V/steps "GET, POST"
method "PUT a unit" PUT $V/units/$UNIT "GET, PATCH, DELETE"
method "PATCH a time entry (they are not edited)" PATCH $V/time-entries/$ENTRY "GET, DELETE"
method "POST to a time entry" POST $V/time-entries/$ENTRY "GET, DELETE"
method "POST to steps/count" POST $V/steps/count "GET"
method "GET a step action" GET $V/steps/$STEP/start "POST"
method "GET deps" GET $V/steps/$STEP/deps "POST"
method "POST a single dependency" POST $V/steps/$STEP/deps/2 "DELETE"
method "POST healthz" POST /healthz "GET"

# --- query parameters -------------------------------------------------------------------------------

refused "unknown query parameter" 400 colour "colour: unknown query parameter" GET "$V/steps?colour=red"
refused "unknown query parameter on count" 400 foo "foo: unknown query parameter" GET "$V/steps/count?foo=1"
refused "units take no query parameters" 400 limit "limit: unknown query parameter" GET "$V/units?limit=5"
refused "a people filter on tools" 400 unit_id "unit_id: unknown query parameter" GET "$V/tools?unit_id=$UNIT"
refused "status=bogus" 400 status 'status: must be one of todo, doing, done, blocked (got "bogus")' GET "$V/steps?status=bogus"
refused "status=bogus on count" 400 status "status: must be one of" GET "$V/steps/count?status=bogus"
refused "a plan status on steps" 400 status "status: must be one of" GET "$V/steps?status=active"
refused "limit=-1" 400 limit "limit: must be a whole number from 0 to 1000000000" GET "$V/steps?limit=-1"
refused "limit=abc" 400 limit 'limit: must be a whole number, got "abc"' GET "$V/plans?limit=abc"
refused "offset=-5" 400 offset "offset: must be a whole number from 0" GET "$V/people?offset=-5"
refused "plan_id=0" 400 plan_id "plan_id: must be an id" GET "$V/steps?plan_id=0"
refused "plan_id=x" 400 plan_id "plan_id: must be an id" GET "$V/time-entries?plan_id=x"
refused "due_before=2026-13-01" 400 due_before "due_before: must be a date as YYYY-MM-DD" GET "$V/steps?due_before=2026-13-01"
refused "from=yesterday" 400 from "from: must be a date" GET "$V/time-entries?from=yesterday"
refused "an empty value" 400 status "status: needs a value" GET "$V/steps?status="
refused "a parameter given twice" 400 status "status: given twice" GET "$V/steps?status=todo&status=done"

# --- bodies over 1 MiB: 413 -------------------------------------------------------------------------
# MAX_BODY is 1 MiB = 1048576 bytes: a body of exactly that size is read
# (and refused for its 1048567-character name), one byte more is not.

MIB=1048576
unit_body "$TMP/exact" $MIB
unit_body "$TMP/over" $((MIB + 1))
unit_body "$TMP/huge" $((3 * MIB))
expect_eq "the test bodies have the intended sizes" "$MIB $((MIB + 1))" \
	"$(stat -c %s "$TMP/exact") $(stat -c %s "$TMP/over")"
for mode in length chunked; do
	extra=(-H 'Expect:')
	[ $mode = chunked ] && extra+=(-H 'Transfer-Encoding: chunked')
	before=$(digest)
	api_file POST $V/units "$TMP/exact" "${extra[@]}"
	expect_error "exactly 1 MiB ($mode) is read" 400 name "name: must be at most 200 characters"
	api_file POST $V/units "$TMP/over" "${extra[@]}"
	expect_error "1 MiB + 1 byte ($mode)" 413 null "over the limit of 1048576 bytes"
	api_file POST $V/units "$TMP/huge" "${extra[@]}"
	expect_error "3 MiB ($mode)" 413 null "over the limit of 1048576 bytes"
	api_file PATCH $V/units/$UNIT "$TMP/over" "${extra[@]}"
	expect_error "1 MiB + 1 byte on PATCH ($mode)" 413 null "over the limit"
	expect_eq "over 1 MiB ($mode): nothing written" "$before" "$(digest)"
done
# curl's default for big bodies: Expect: 100-continue
api_file POST $V/units "$TMP/over"
expect_error "1 MiB + 1 byte with Expect: 100-continue" 413 null "over the limit"
api GET /healthz
expect_eq "the server still answers after the big bodies" 200 "$STATUS"

# --- conflicts and the daily limit --------------------------------------------------------------------

UPPER=$(printf '%s' "$EMAIL" | tr a-z A-Z)
refused "duplicate email" 409 email "email: $EMAIL is already taken by person $PERSON" \
	POST $V/people "{\"name\":\"Twin\",\"email\":\"$EMAIL\",\"unit_id\":$UNIT}"
refused "duplicate email in another case" 409 email "is already taken by person $PERSON" \
	POST $V/people "{\"name\":\"Twin\",\"email\":\"$UPPER\",\"unit_id\":$UNIT}"
OTHER=$(sql "SELECT max(id) FROM person")
refused "PATCH to a taken email" 409 email "is already taken by person $PERSON" PATCH $V/people/$OTHER "{\"email\":\"$EMAIL\"}"

# one person, one day with no entries yet: 1000 + 440 = 1440 fits, 441 does not
DAY=2030-01-02
expect_eq "the day starts empty" 0 "$(sql "SELECT count(*) FROM time_entry WHERE person_id = $PERSON AND day = '$DAY'")"
entry() { printf '{"person_id":%s,"step_id":%s,"day":"%s","minutes":%s}' "$PERSON" "$STEP" "$DAY" "$1"; }
api POST $V/time-entries "$(entry 1000)"
expect_eq "1000 minutes on a day" 201 "$STATUS"
refused "441 more minutes on that day" 400 minutes "already has 1000 minutes on $DAY; at most 440 more" \
	POST $V/time-entries "$(entry 441)"
api POST $V/time-entries "$(entry 440)"
expect_eq "exactly 1440 minutes in a day" 201 "$STATUS"
refused "one minute over a full day" 400 minutes "already has 1440 minutes on $DAY; at most 0 more" \
	POST $V/time-entries "$(entry 1)"
expect_eq "the day holds exactly 1440 minutes" "2|1440" \
	"$(sql "SELECT count(*), sum(minutes) FROM time_entry WHERE person_id = $PERSON AND day = '$DAY'")"
api POST $V/time-entries "{\"person_id\":$OTHER,\"step_id\":$STEP,\"day\":\"$DAY\",\"minutes\":1440}"
expect_eq "the limit is per person" 201 "$STATUS"

# --- the dependency rules refuse without writing ---------------------------------------------------------
# a step that depends on a step not done yet cannot start

BLOCKED=$(sql "SELECT d.step_id FROM step_dep d JOIN step o ON o.id = d.depends_on
	JOIN step s ON s.id = d.step_id WHERE o.status <> 'done' AND s.status IN ('todo', 'blocked') ORDER BY d.step_id LIMIT 1")
expect_eq "the demo has a step waiting on another" 1 "$([ -n "$BLOCKED" ] && echo 1)"
refused "start a step whose dependency is not done" 409 status "cannot be doing yet" POST $V/steps/$BLOCKED/start
refused "finish a step whose dependency is not done" 409 status "cannot be done yet" POST $V/steps/$BLOCKED/done

stop_server
expect_eq "server stops cleanly" 0 "$SERVER_RC"
finish
