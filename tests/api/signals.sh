#!/usr/bin/env bash
# tests/api/signals.sh: signals and themes over HTTP: the routes walked
# with every role, the theme pressure scoped to what each role reads,
# refusals that write nothing (impact and likelihood outside 1-5, an
# unknown category, strategy or theme, a CSV with a bad line), the CSV
# import, and the pages (/signals with its quick add form and CSV,
# /signals/:id with its edit form and delete button, /themes with the
# flag, /themes/:id).
#
# The demo organization (see tests/api/access.sh): units 1 Northwind Ltd
# { 2 Operations { 5 Logistics }, 3 Product { 6 Engineering }, 4 Sales };
# admin Ada (person 1), manager Ben (2, unit 2: reads and writes 2, 5),
# member Kemi (11, unit 2: reads 2, 5), viewer Grace (7, unit 3: reads
# 3, 6). The demo's signals (src/lead/signal_demo.c), in order: 1 is
# Logistics', 2 Northwind Ltd's, 6 Product's; theme 2 "EU packaging
# rules" is the flagged one.
. "$(dirname "$0")/../lib.sh"

run "$TANDEM" demo --today 2026-11-27
expect_rc "demo" 0
role_tokens signals
start_server || { fail "server starts"; finish; exit 1; }
V=/api/v1

# as ROLE METHOD PATH [BODY [TYPE]]: one request with ROLE's token
as() {
	local role=$1 method=$2 path=$3
	local args=(-q -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$method" -H "Authorization: Bearer ${TOK[$role]}")
	[ $# -ge 4 ] && args+=(-H "Content-Type: ${5:-application/json}" --data-binary "$4")
	STATUS=$(curl "${args[@]}" "$URL$path")
	BODY=$(cat "$TMP/body")
	HEADERS=$(cat "$TMP/headers")
}
digest() {
	dbsum "$DB" signal theme signal_theme signal_response
}

# --- the demo ------------------------------------------------------------------------
expect_eq "25 to 40 signals over 15 months" "27|2025-09-13|2026-11-26" \
	"$(sql 'SELECT count(*), min(day), max(day) FROM signal')"
expect_eq "five themes" 5 "$(sql 'SELECT count(*) FROM theme')"
expect_eq "every category appears" 7 "$(sql 'SELECT count(DISTINCT category) FROM signal')"
as admin GET "$V/themes?as_of=2026-11-27"
expect_eq "one theme flagged: EU packaging rules" "EU packaging rules" \
	"$(jqb '[.items[] | select(.flagged) | .name] | join(",")')"
# its signals of the last 12 months: 4x4 + 3x4 + 4x3 + 4x4 + 3x5 = 71
expect_eq "its pressure by hand" 71 "$(jqb '.items[] | select(.name == "EU packaging rules") | .pressure')"
expect_eq "the others are answered" "4" "$(jqb '[.items[] | select(.responded)] | length')"

# --- reads ------------------------------------------------------------------------------
for role in $ROLES; do
	case $role in
	admin) n=$(sql 'SELECT count(*) FROM signal') ;;
	manager | member) n=$(sql 'SELECT count(*) FROM signal WHERE unit_id IN (2, 5)') ;;
	viewer) n=$(sql 'SELECT count(*) FROM signal WHERE unit_id IN (3, 6)') ;;
	esac
	as $role GET "$V/signals"
	expect_eq "$role sees the signals of their units ($n)" "$n" "$(jqb .count)"
done
as manager GET "$V/signals"
expect_eq "the manager's: 10 (Operations and Logistics)" 10 "$(jqb .count)"
walk GET "$V/signals/1" "" 200 200 200 404
walk GET "$V/signals/6" "" 200 404 404 200
walk GET "$V/signals?unit_id=5" "" 200 200 200 404
walk GET "$V/themes" "" 200 200 200 200
walk GET "$V/themes/2" "" 200 200 200 200
# the pressure counts the signals a role reads: the viewer (Product,
# Engineering) sees none of the packaging signals, which are Northwind
# Ltd's, Operations' and Logistics'
as viewer GET "$V/themes?as_of=2026-11-27"
expect_eq "the viewer's pressure of theme 2" 0 "$(jqb '.items[] | select(.id == 2) | .pressure')"
as manager GET "$V/themes/2?as_of=2026-11-27"
# Operations' 16 (4x4) and Logistics' 12 + 12: 40
expect_eq "the manager's pressure of theme 2, with its signals" "40 3" "$(jqb '"\(.pressure) \(.signals | length)"')"

# --- writes: the role walk -------------------------------------------------------------
before=$(digest)
walk POST "$V/signals" '{"observed":"x","category":"market","kind":"threat","impact":3,"likelihood":3,"unit_id":1}' 201 404 404 404
expect_eq "only the admin adds to Northwind Ltd" "$(sql "SELECT count(*) FROM signal WHERE observed = 'x'")" 1
for role in member viewer; do
	as $role POST "$V/signals" '{"observed":"y","category":"market","kind":"threat","impact":3,"likelihood":3,"unit_id":5}'
	case $role in member) w=403 ;; viewer) w=404 ;; esac
	expect_eq "$role may not add a Logistics signal" $w "$STATUS"
done
as manager POST "$V/signals" '{"observed":"Crate deposit","category":"regulation","kind":"threat","impact":4,"likelihood":3,"unit_id":5,"theme_id":2}'
expect_eq "the manager adds one to Logistics, tagged" "201 /api/v1/signals/29" "$STATUS $(printf '%s' "$HEADERS" | tr -d '\r' | sed -n 's/^Location: //p')"
expect_eq "with its theme" "EU packaging rules" "$(jqb '.themes[0].name')"
walk PATCH "$V/signals/1" '{"impact":2}' 200 200 403 404
walk POST "$V/signals/1/review" '{"day":"2026-11-20"}' 200 200 403 404
expect_eq "reviewed on the day given" "2026-11-20" "$(sql 'SELECT reviewed FROM signal WHERE id = 1')"
S=$(sql "SELECT id FROM strategy WHERE name = 'Automate the warehouses'")
for role in member viewer; do
	as $role POST "$V/signals/1/responses" "{\"strategy_id\":$S}"
	case $role in member) w=403 ;; viewer) w=404 ;; esac
	expect_eq "$role may not respond" $w "$STATUS"
done
as manager POST "$V/signals/1/responses" "{\"strategy_id\":$S}"
expect_eq "the manager links a strategy" "200 Automate the warehouses" "$STATUS $(jqb '.strategies[0].name')"
as admin POST "$V/signals/1/responses" "{\"strategy_id\":$S}"
expect_eq "twice is a conflict" 409 "$STATUS"
S3=$(sql "SELECT id FROM strategy WHERE unit_id = 3 ORDER BY id LIMIT 1")
as manager POST "$V/signals/1/responses" "{\"strategy_id\":$S3}"
expect_eq "a strategy the manager cannot read is none" "404 strategy_id" "$STATUS $(jqb .error.field)"
walk DELETE "$V/signals/1/responses/$S" "" 204 404 403 404
# themes: managers and admins write them
walk POST "$V/themes" '{"name":"Energy"}' 201 409 403 403
walk PATCH "$V/themes/6" '{"description":"Prices and supply"}' 200 200 403 403
walk POST "$V/themes/6/signals" '{"signal_id":1}' 200 409 403 403
walk DELETE "$V/themes/6/signals/1" "" 204 404 403 403
as manager POST "$V/themes/6/signals" '{"signal_id":6}'
expect_eq "the manager may not tag a signal they cannot read" "404 signal_id" "$STATUS $(jqb .error.field)"
as manager POST "$V/themes/6/signals" '{"signal_id":2}'
expect_eq "nor one of Northwind Ltd's" "404" "$STATUS"
as member POST "$V/signals" '{"observed":"y","category":"market","kind":"threat","impact":3,"likelihood":3,"unit_id":2,"theme_id":6}'
expect_eq "a member tags nothing" 403 "$STATUS"
walk DELETE "$V/themes/6" "" 204 404 403 403
walk GET "$V/themes/threshold" "" 200 200 200 200
expect_eq "the threshold" 40 "$(jqb .value)"
walk PUT "$V/themes/threshold" '{"value":90}' 200 403 403 403
expect_eq "admins set it" 90 "$(sql "SELECT value FROM setting WHERE key = 'signals.pressure_high'")"
as admin PUT "$V/themes/threshold" '{"value":0}'
expect_eq "a threshold of 0" "400 value" "$STATUS $(jqb .error.field)"
as admin GET "$V/themes?as_of=2026-11-27"
# theme 2: 71 and the manager's crate deposit (4 x 3): 83 < 90
expect_eq "83 below 90: nothing flagged" 0 "$(jqb '[.items[] | select(.flagged)] | length')"
as admin PUT "$V/themes/threshold" '{"value":40}'
walk DELETE "$V/signals/29" "" 204 404 404 404

# --- bad input writes nothing ------------------------------------------------------------
before=$(digest)
as manager POST "$V/signals" '{"observed":"z","category":"market","kind":"threat","impact":6,"likelihood":3,"unit_id":5}'
expect_eq "impact 6" "400 impact" "$STATUS $(jqb .error.field)"
expect_contains "it says 1 to 5" "$(jqb .error.message)" "impact: must be a whole number from 1 to 5"
as manager POST "$V/signals" '{"observed":"z","category":"market","kind":"threat","impact":3,"likelihood":0,"unit_id":5}'
expect_eq "likelihood 0" "400 likelihood" "$STATUS $(jqb .error.field)"
as manager POST "$V/signals" '{"observed":"z","category":"weather","kind":"threat","impact":3,"likelihood":3,"unit_id":5}'
expect_eq "an unknown category" "400 category" "$STATUS $(jqb .error.field)"
as manager POST "$V/signals" '{"observed":"z","category":"market","kind":"maybe","impact":3,"likelihood":3,"unit_id":5}'
expect_eq "an unknown kind" "400 kind" "$STATUS $(jqb .error.field)"
as manager POST "$V/signals" '{"observed":"z","category":"market","kind":"threat","impact":3,"likelihood":3,"unit_id":5,"theme_id":99}'
expect_eq "an unknown theme" "404 theme_id" "$STATUS $(jqb .error.field)"
as manager POST "$V/signals/1/responses" '{"strategy_id":999}'
expect_eq "an unknown strategy" "404 strategy_id" "$STATUS $(jqb .error.field)"
as manager PATCH "$V/signals/1" '{"likelihood":9}'
expect_eq "a patch out of 1-5" "400 likelihood" "$STATUS $(jqb .error.field)"
expect_eq "no refusal wrote anything" "$before" "$(digest)"

# --- import ----------------------------------------------------------------------------------
csv_ok=$'observed,source,day,category,kind,impact,likelihood,unit_id,themes\r\n"Fuel, again",Press,2026-11-02,market,threat,3,3,5,Energy;EU packaging rules\r\nShort-sea shipping,,2026-11-03,technology,opportunity,2,3,2,\r\n'
for role in member viewer; do
	as $role POST "$V/signals/import" "$csv_ok" text/csv
	expect_eq "$role may not import" 403 "$STATUS"
done
as manager POST "$V/signals/import" $'observed,source,day,category,kind,impact,likelihood,unit_id\nA,,2026-11-02,market,threat,3,3,5\nB,,2026-11-02,market,threat,3,3,3\n' text/csv
expect_eq "a row of a unit the manager cannot read refuses the file" "403" "$STATUS"
expect_contains "naming its line" "$(jqb .error.message)" "line 3:"
as manager POST "$V/signals/import" $'observed,source,day,category,kind,impact,likelihood,unit_id\nA,,2026-11-02,market,threat,3,3,5\nB,,2026-11-02,market,threat,3,7,5\n' text/csv
expect_eq "a bad line" "400 likelihood" "$STATUS $(jqb .error.field)"
expect_contains "its line and field" "$(jqb .error.message)" "line 3: likelihood: must be a whole number from 1 to 5"
expect_eq "no refused import wrote anything" "$before" "$(digest)"
as manager POST "$V/signals/import" "$csv_ok" text/csv
expect_eq "the manager imports two" "201 2" "$STATUS $(jqb .imported)"
expect_eq "a theme created by name, another found" "EU packaging rules,Energy" \
	"$(sql "SELECT t.name FROM signal_theme x JOIN theme t ON t.id = x.theme_id JOIN signal s ON s.id = x.signal_id WHERE s.observed = 'Fuel, again' ORDER BY t.name" | paste -sd,)"

# --- pages --------------------------------------------------------------------------------------
walk GET "/signals" "" 200 200 200 200
as manager GET "/signals"
expect_contains "the list names a signal" "$BODY" "Two rivals announce next-day delivery in the capital"
expect_contains "the manager gets the quick add form" "$BODY" 'method="post" action="/signals"'
as viewer GET "/signals"
expect_not_contains "the viewer does not" "$BODY" 'method="post" action="/signals"'
expect_not_contains "nor sees Logistics' signals" "$BODY" "Two rivals announce"
as admin GET "/signals?format=csv&unit_id=6"
expect_eq "the CSV download: a header and Engineering's two signals" "3" "$(printf '%s' "$BODY" | grep -c $'\r$')"
expect_contains "its header" "$BODY" "id,observed,source,day,category,kind,impact,likelihood,unit_id,unit,reviewed"
# the filter form sends every input: "all" for no unit, theme or period
as admin GET "/signals?unit_id=all&theme_id=all&period=all&sort=day"
expect_eq "the filter form's defaults" 200 "$STATUS"
as admin GET "/signals?unit_id=all&theme_id=5&period=all&sort=day&format=csv"
expect_eq "a theme's signals in the CSV" "$(($(sql 'SELECT count(*) FROM signal_theme WHERE theme_id = 5') + 1))" \
	"$(printf '%s' "$BODY" | grep -c $'\r$')"
since=$(date -u -d '29 days ago' +%F)
as admin GET "/signals?unit_id=all&theme_id=all&period=30&sort=day&format=csv"
expect_eq "the last 30 days (from $since, today included)" \
	"$(($(sql "SELECT count(*) FROM signal WHERE day >= '$since'") + 1))" "$(printf '%s' "$BODY" | grep -c $'\r$')"
as admin GET "/signals?unit_id=x"
expect_eq "a unit that is no id" 400 "$STATUS"
walk GET "/signals/1" "" 200 200 200 404
walk GET "/themes" "" 200 200 200 200
as admin GET "/themes"
expect_contains "the flag" "$BODY" "high pressure, no response"
expect_contains "the trend bars" "$BODY" 'class="sig-trend"'
walk GET "/themes/2" "" 200 200 200 200
# the direction page's section (page_signal.c): as of the real today,
# so only its shape is checked here; the sums are test_signal's and the
# themes API's
as admin GET "/direction"
expect_eq "the direction page" 200 "$STATUS"
expect_contains "holds the heat map" "$BODY" '<table class="sig-heat">'
expect_contains "with a row per category" "$BODY" '<th scope="row">regulation</th>'
before=$(digest)
form manager /signals "observed=Port+strike&category=society&kind=threat&impact=9&likelihood=3&unit_id=5&source=&day=&theme_id="
expect_eq "the add form refuses impact 9" 400 "$STATUS"
expect_contains "beside the field" "$BODY" '<p class="error" id="f-impact-err">must be a whole number from 1 to 5</p>'
expect_eq "and writes nothing" "$before" "$(digest)"
form manager /signals "observed=Port+strike&category=society&kind=threat&impact=4&likelihood=3&unit_id=5&source=&day=2026-11-25&theme_id="
expect_eq "the add form adds" "303 1" "$STATUS $(sql "SELECT count(*) FROM signal WHERE observed = 'Port strike' AND day = '2026-11-25'")"
id=$(sql "SELECT id FROM signal WHERE observed = 'Port strike'")
form member "/signals/$id/review" ""
expect_eq "a member may not review" 403 "$STATUS"
form manager "/signals/$id/review" ""
expect_eq "the review button" "303 $(date -u +%F)" "$STATUS $(sql "SELECT reviewed FROM signal WHERE id = $id")"
form member /themes "name=Weather"
expect_eq "a member adds no theme" 403 "$STATUS"
form manager /themes "name=Weather"
expect_eq "the theme form" 303 "$STATUS"
form manager /themes "name=Weather"
expect_eq "a taken name is refused in the form" 409 "$STATUS"


# --- the edit form and the delete button (page_signal.c) ---------------------------------
# The signal of the add form above: "Port strike", Logistics (unit 5),
# society, threat, impact 4, likelihood 3, seen 2026-11-25, reviewed
# today. Ben manages Operations and Logistics, so he may change it; the
# member Kemi reads it but may not (403); the viewer Grace cannot read
# it (404). Signal 6 is Product's: Grace reads it but may not change it.
walk GET "/signals/$id/edit" "" 200 200 403 404
walk GET "/signals/6/edit" "" 200 404 404 403
as manager GET "/signals/$id"
expect_contains "the manager's signal page links to the edit form" "$BODY" "href=\"/signals/$id/edit\">Edit the signal</a>"
expect_contains "and holds the delete button, a POST form" "$BODY" \
	"<form method=\"post\" action=\"/signals/$id/delete\"><input type=\"hidden\" name=\"csrf\""
expect_contains "labelled" "$BODY" '<button type="submit">Delete the signal</button>'
expect_not_contains "with no script confirm" "$BODY" "confirm("
as member GET "/signals/$id"
expect_eq "the member reads the signal" 200 "$STATUS"
expect_not_contains "without the edit link" "$BODY" "/signals/$id/edit"
expect_not_contains "or the delete button" "$BODY" "/signals/$id/delete"
as viewer GET "/signals/6"
expect_not_contains "the viewer sees no edit link on Product's signal" "$BODY" "/signals/6/edit"
as manager GET "/signals/$id/edit"
expect_contains "the form posts to the signal" "$BODY" "<form method=\"post\" action=\"/signals/$id\" class=\"stack\" novalidate>"
expect_contains "with the CSRF token" "$BODY" '<input type="hidden" name="csrf"'
expect_contains "filled: what was seen" "$BODY" 'name="observed" type="text" value="Port strike"'
expect_contains "the day" "$BODY" 'name="day" type="date" value="2026-11-25"'
expect_contains "the category" "$BODY" '<option value="society" selected>society</option>'
expect_contains "the kind" "$BODY" '<option value="threat" selected>Threat</option>'
expect_contains "the impact" "$BODY" '<option value="4" selected>4</option>'
expect_contains "the likelihood" "$BODY" '<option value="3" selected>3</option>'
expect_contains "the unit" "$BODY" '<option value="5" selected>'

edit="source=&day=2026-11-25&category=society&kind=threat&likelihood=3&unit_id=5"
before=$(digest)
for bad in 0 6; do
	form manager "/signals/$id" "observed=Port+strike+again&impact=$bad&$edit"
	expect_eq "the edit form refuses impact $bad" 400 "$STATUS"
	expect_contains "beside the impact" "$BODY" '<p class="error" id="f-impact-err">must be a whole number from 1 to 5</p>'
	expect_contains "keeping what was typed" "$BODY" 'value="Port strike again"'
done
form manager "/signals/$id" "observed=Port+strike&impact=4&source=&day=2026-11-25&category=weather&kind=threat&likelihood=3&unit_id=5"
expect_eq "an unknown category" 400 "$STATUS"
expect_contains "beside the category" "$BODY" \
	'<p class="error" id="f-category-err">must be one of market, customer, technology, competitor, regulation, society, internal (got '
form manager "/signals/$id" "observed=&impact=4&$edit"
expect_eq "an empty observation" 400 "$STATUS"
expect_contains "beside it" "$BODY" '<p class="error" id="f-observed-err">must not be empty</p>'
expect_contains "with the summary linking to it" "$BODY" '<a href="#f-observed">Observed: must not be empty</a>'
form member "/signals/$id" "observed=Mine&impact=4&$edit"
expect_eq "a member may not send the edit form" 403 "$STATUS"
form viewer "/signals/$id" "observed=Mine&impact=4&$edit"
expect_eq "to the viewer it is not found" 404 "$STATUS"
form manager "/signals/$id" "observed=Port+strike&impact=4&source=&day=2026-11-25&category=society&kind=threat&likelihood=3&unit_id=3"
expect_eq "the manager may not move it to Product, which he cannot read" "404" "$STATUS"
expect_eq "no refused edit wrote anything" "$before" "$(digest)"

# a good edit: moved to Operations (unit 2, also Ben's), impact 5 and
# likelihood 2, so the score is 5 x 2 = 10; the review day stays (the
# csrf a browser sends along is no field of the signal)
form manager "/signals/$id" "observed=Port+strike+in+Rotterdam&source=Reuters&day=2026-11-24&category=society&kind=opportunity&impact=5&likelihood=2&unit_id=2&csrf=ignored"
expect_eq "the edit form saves, back to the signal" "303 /signals/$id" \
	"$STATUS $(printf '%s' "$HEADERS" | tr -d '\r' | sed -n 's/^Location: //p')"
expect_eq "every field as sent" "Port strike in Rotterdam|Reuters|2026-11-24|society|opportunity|5|2|2|$(date -u +%F)" \
	"$(sql "SELECT observed, source, day, category, kind, impact, likelihood, unit_id, reviewed FROM signal WHERE id = $id")"
as manager GET "/signals/$id"
expect_contains "the page shows the new score" "$BODY" "10 (impact 5 x likelihood 2)"

# delete: tag it and answer it first, so that the links' removal shows
as manager POST "$V/themes/2/signals" "{\"signal_id\":$id}"
expect_eq "tagged with theme 2" 200 "$STATUS"
as manager POST "$V/signals/$id/responses" "{\"strategy_id\":$S}"
expect_eq "answered by a strategy" 200 "$STATUS"
before=$(digest)
form member "/signals/$id/delete" ""
expect_eq "a member may not delete it" 403 "$STATUS"
form viewer "/signals/$id/delete" ""
expect_eq "the viewer cannot see it" 404 "$STATUS"
expect_eq "the refused deletes wrote nothing" "$before" "$(digest)"
form manager "/signals/$id/delete" ""
expect_eq "the delete button deletes" "303 0" "$STATUS $(sql "SELECT count(*) FROM signal WHERE id = $id")"
expect_eq "back to the list" "/signals" "$(printf '%s' "$HEADERS" | tr -d '\r' | sed -n 's/^Location: //p')"
expect_eq "its tag and response go with it" "0 0" \
	"$(sql "SELECT count(*) FROM signal_theme WHERE signal_id = $id") $(sql "SELECT count(*) FROM signal_response WHERE signal_id = $id")"
expect_eq "the theme and the strategy stay" "1 1" \
	"$(sql 'SELECT count(*) FROM theme WHERE id = 2') $(sql "SELECT count(*) FROM strategy WHERE id = $S")"
as manager GET "/signals/$id"
expect_eq "the signal is gone" 404 "$STATUS"

stop_server
finish
