#!/usr/bin/env bash
# tests/api/change_pages.sh: the change tracker (/change), an initiative's
# page (/change/:id) with its forms (start, advance, override, obstacles,
# wins, volunteer), and the urgency and network routes, by role. Pages
# show what the role reads (the organization's initiatives to everyone);
# figures are checked against SQL or worked by hand; refused forms come
# back with their message and write nothing.
#
#   1 Root      Ada (1, admin)
#   ├── 2 Ops   Ben (2, manager), Kemi (3, member, managed by Ben)
#   └── 3 Prod  Grace (4, viewer), Cat (5, no account, managed by Ada)
source "$(dirname "$0")/../lib.sh"

t unit add Root
t unit add Ops --parent 1
t unit add Prod --parent 1
t person add Ada --email ada@t.test --unit 1
t person add Ben --email ben@t.test --unit 2
t person add Kemi --email kemi@t.test --unit 2 --manager 2
t person add Grace --email grace@t.test --unit 3
t person add Cat --email cat@t.test --unit 3 --manager 1
PW=correct-horse-battery
for spec in admin:1 manager:2 member:3 viewer:4; do
	role=${spec%%:*}
	person=${spec#*:}
	TANDEM_PASSWORD=$PW t user add --person "$person" --role "$role"
	expect_rc "account for $role" 0
	id=$(sql "SELECT id FROM account WHERE person_id = $person")
	TOK[$role]=$("$TANDEM" --db "$DB" token add --user "$id" --name chg | tail -n 1)
done

# Initiatives (hand-built, as H1's commands would write them):
#   1 "Org & <wide>" the organization's, step 2 (reached 2026-02-01 by an
#     admin's override "board asked"), affects Ops; volunteers Kemi (Ops)
#     and Cat (Prod: outside Ops)
#   2 "Ops lean" Ops's, step 1 since 2026-03-01, affects Ops
#   3 "Prod tidy" Prod's, step 5, stopped
sql "INSERT INTO initiative (name, sponsor_id, unit_id, step, status, started) VALUES
 ('Org & <wide>', 1, NULL, 2, 'active', '2026-01-01'),
 ('Ops lean', 2, 2, 1, 'active', '2026-03-01'),
 ('Prod tidy', 4, 3, 5, 'stopped', '2026-01-10');
INSERT INTO initiative_step (initiative_id, step, reached, override_reason, override_by) VALUES
 (1, 1, '2026-01-01', NULL, NULL), (1, 2, '2026-02-01', 'board asked', 'ada'),
 (2, 1, '2026-03-01', NULL, NULL),
 (3, 1, '2026-01-10', NULL, NULL), (3, 2, '2026-01-11', NULL, NULL), (3, 3, '2026-01-12', NULL, NULL),
 (3, 4, '2026-01-13', NULL, NULL), (3, 5, '2026-01-14', NULL, NULL);
INSERT INTO initiative_unit (initiative_id, unit_id) VALUES (1, 2), (2, 2);
INSERT INTO volunteer (initiative_id, person_id, role, joined) VALUES (1, 3, 'scout', '2026-02-02'), (1, 5, '', '2026-02-03');" >/dev/null

start_server || { fail "server starts"; finish; exit 1; }
V=/api/v1
digest() { dbsum "$DB" initiative initiative_step obstacle win volunteer; }
location() { printf '%s\n' "$HEADERS" | tr -d '\r' | awk 'tolower($1) == "location:" {print $2}'; }
# rows NAME: the initiative links of the tracker's table, in order
rows() { printf '%s' "$BODY" | grep -o '<th scope="row"><a href="/change/[0-9]*"' | grep -o '[0-9]*' | join_lines ' '; }

# --- the tracker, by role ----------------------------------------------------
# The organization's (1) for everyone; Ops's (2) for the Ops manager and
# member and the admin; Prod's (3) for the admin and the Prod viewer.
# Listed active first, then by step descending (initiative_list's order).
as admin GET /change
expect_eq "admin: the tracker" 200 "$STATUS"
expect_eq "admin sees all three" "1 2 3" "$(rows)"
as manager GET /change
expect_eq "manager: the organization's and Ops's" "1 2" "$(rows)"
as member GET /change
expect_eq "member: the organization's and Ops's" "1 2" "$(rows)"
as viewer GET /change
expect_eq "viewer: the organization's and Prod's" "1 3" "$(rows)"
as admin GET /change
expect_contains "names are escaped" "$BODY" "Org &amp; &lt;wide&gt;"
expect_not_contains "never raw" "$BODY" "Org & <wide>"
# the step with its name, and days in step: today - 2026-02-01 by date(1)
days=$(( ($(date -u +%s) - $(date -u -d 2026-02-01 +%s)) / 86400 ))
row1=$(printf '%s' "$BODY" | tr -d '\n' | grep -o '<tr><th scope="row"><a href="/change/1">[^$]*' | sed 's#</tr>.*##')
expect_contains "initiative 1 stands on step 2" "$row1" "<td>2 "
expect_contains "its days in step" "$row1" "<td class=\"num\">$days</td>"
# its urgency label is the API's
as admin GET $V/initiatives/1/urgency
label=$(jqb .label)
expect_contains "the tracker's urgency is the API's ($label)" "$row1" ">$label</span>"
as admin GET /change
expect_contains "the step chart" "$BODY" '<svg class="chg-chart"'
expect_contains "a dot links initiative 3" "$BODY" '<a href="/change/3"><circle'
expect_contains "the chart names step 5 in full" "$BODY" '<title>Empower action</title>'
expect_contains "admins get the start form" "$BODY" 'action="/change"'
expect_contains "with the organization as a choice" "$BODY" "The whole organization"
as manager GET /change
expect_contains "managers get the start form" "$BODY" 'action="/change"'
expect_not_contains "without the organization" "$BODY" "The whole organization"
as member GET /change
expect_not_contains "members get no start form" "$BODY" 'Start an initiative'
as viewer GET "/change?status=stopped"
expect_eq "a status filter" "3" "$(rows)"
as viewer GET "/change?step=9"
expect_eq "a step out of 1-8 is a 400" 400 "$STATUS"

# --- starting an initiative --------------------------------------------------
before=$(digest)
form member /change "name=X&sponsor_id=3&unit_id=2"
expect_eq "a member may not start one (403)" 403 "$STATUS"
form viewer /change "name=X&sponsor_id=4&unit_id=3"
expect_eq "a viewer may not start one (403)" 403 "$STATUS"
form manager /change "name=X&sponsor_id=2&unit_id=3"
expect_eq "a manager naming a unit outside theirs: as if it did not exist (404)" 404 "$STATUS"
form manager /change "name=X&sponsor_id=2&unit_id="
expect_eq "a manager for the whole organization (403)" 403 "$STATUS"
form manager /change "name=&sponsor_id=2&unit_id=2&description=keep+me"
expect_eq "no name: the form again (400)" 400 "$STATUS"
expect_contains "saying so" "$BODY" "Not saved."
expect_contains "what was typed is kept" "$BODY" 'value="keep me"'
form manager /change "name=Y&sponsor_id=99&unit_id=2"
expect_eq "an unknown sponsor: the form again (404)" 400 "$STATUS"
expect_eq "no refused start wrote anything" "$before" "$(digest)"
form manager /change "name=Ops+kanban&sponsor_id=2&unit_id=2&started=2026-04-01&description="
expect_eq "a manager starts one in Ops: 303" 303 "$STATUS"
N=$(sql "SELECT max(id) FROM initiative")
expect_eq "to its page" "/change/$N" "$(location)"
expect_eq "written: Ops's, step 1 from 2026-04-01" "Ops kanban|2|2|1|2026-04-01" "$(sql "SELECT name, sponsor_id, unit_id, step, started FROM initiative WHERE id = $N")"

# --- an initiative's page ----------------------------------------------------
walk GET /change/1 "" 200 200 200 200
walk GET /change/2 "" 200 200 200 404
walk GET /change/3 "" 200 404 404 200
as member GET /change/1
expect_contains "the timeline: the override with its reason and who" "$BODY" "“board asked” — ada"
expect_contains "the current step is marked" "$BODY" 'aria-current="step"'
expect_contains "reached days" "$BODY" "reached 2026-02-01"
expect_contains "the evidence checklist" "$BODY" '<h2 id="chg-ev">Evidence</h2>'
# network: 2 volunteers (SQL), from 2 units, Cat (Prod) outside Ops
expect_eq "two volunteers by SQL" 2 "$(sql 'SELECT count(*) FROM volunteer WHERE initiative_id = 1')"
expect_contains "the network's summary" "$BODY" "<strong>2 volunteers</strong> from 2 units"
expect_contains "one from outside (Cat in Prod)" "$BODY" "1 comes from outside the affected units"
expect_contains "the affected unit Ops: 2 people, 1 volunteer" "$BODY" '<a href="/units/2">Ops</a></td><td class="num">2</td><td class="num">2</td><td class="num">1</td>'
expect_contains "the urgency panel" "$BODY" '<h2 id="chg-urg">Urgency</h2>'
expect_contains "a member may step back (Kemi volunteers)" "$BODY" 'action="/change/1/unvolunteer"'
expect_not_contains "a member gets no advance form" "$BODY" 'action="/change/1/advance"'
as viewer GET /change/1
expect_not_contains "a viewer gets no volunteer button" "$BODY" '/volunteer"'
as admin GET /change/2
expect_contains "an admin gets the override field" "$BODY" 'name="override"'
as manager GET /change/2
expect_contains "a manager gets the advance form" "$BODY" 'action="/change/2/advance"'
expect_not_contains "without the override" "$BODY" 'name="override"'
expect_contains "and the obstacle form" "$BODY" 'action="/change/2/obstacles"'

# --- advance: refused inline, the override ------------------------------------
before=$(digest)
form manager /change/2/advance ""
expect_eq "advance without the evidence: 409" 409 "$STATUS"
expect_contains "the page says what is missing" "$BODY" 'aria-label="Missing"'
expect_eq "nothing written" "$before" "$(digest)"
form manager /change/2/advance "override=because"
expect_eq "a manager's override: 403" 403 "$STATUS"
form member /change/2/advance ""
expect_eq "a member may not advance (403)" 403 "$STATUS"
form viewer /change/2/advance ""
expect_eq "a viewer: not theirs to read (404)" 404 "$STATUS"
form admin /change/2/advance "override=+++"
expect_eq "a blank override is no override: refused (409)" 409 "$STATUS"
expect_eq "still nothing written" "$before" "$(digest)"
form admin /change/2/advance "override=Pilot+agreed"
expect_eq "an admin's override: 303" 303 "$STATUS"
expect_eq "step 2 recorded with the reason" "2|Pilot agreed" "$(sql "SELECT i.step, s.override_reason FROM initiative i JOIN initiative_step s ON s.initiative_id = i.id AND s.step = i.step WHERE i.id = 2")"
as member GET /change/2
expect_contains "the override is shown" "$BODY" "“Pilot agreed”"

# --- obstacles ------------------------------------------------------------------
before=$(digest)
form manager /change/2/obstacles "title=&owner_id=3"
expect_eq "an obstacle without a title: 400" 400 "$STATUS"
expect_contains "the obstacle form again" "$BODY" 'action="/change/2/obstacles"'
form member /change/2/obstacles "title=x"
expect_eq "a member may not log one (403)" 403 "$STATUS"
expect_eq "nothing written" "$before" "$(digest)"
form manager /change/2/obstacles "title=No+budget&owner_id=3"
expect_eq "an obstacle: 303" 303 "$STATUS"
O=$(sql "SELECT max(id) FROM obstacle")
expect_eq "open, owned by Kemi" "No budget|3|open" "$(sql "SELECT title, owner_id, status FROM obstacle WHERE id = $O")"
form manager /change/1/obstacles/$O/resolve ""
expect_eq "an obstacle of another initiative: 403 or 404" 403 "$STATUS"
form admin /change/1/obstacles/$O/resolve ""
expect_eq "the admin: not this initiative's (404)" 404 "$STATUS"
form manager /change/2/obstacles/$O/resolve ""
expect_eq "resolved: 303" 303 "$STATUS"
expect_eq "resolved today" "resolved|$(date -u +%F)" "$(sql "SELECT status, resolved FROM obstacle WHERE id = $O")"
before=$(digest)
form manager /change/2/obstacles/$O/resolve ""
expect_eq "resolved twice: 409" 409 "$STATUS"
expect_eq "nothing written" "$before" "$(digest)"

# --- wins ---------------------------------------------------------------------------
form manager /change/2/wins "title=First+cell&day=&note="
expect_eq "a win without its day: 400" 400 "$STATUS"
expect_eq "nothing written" "$before" "$(digest)"
form manager /change/2/wins "title=First+cell&day=2026-05-04&note=%3Ci%3Eyes%3C%2Fi%3E"
expect_eq "a win: 303" 303 "$STATUS"
as member GET /change/2
expect_contains "the win is listed" "$BODY" "First cell"
expect_contains "its note escaped" "$BODY" "&lt;i&gt;yes&lt;/i&gt;"
expect_contains "not recognized yet" "$BODY" "Not recognized yet"

# --- volunteering ---------------------------------------------------------------------
before=$(digest)
form member /change/1/volunteer ""
expect_eq "Kemi again: 409 with the page" 409 "$STATUS"
form viewer /change/1/volunteer ""
expect_eq "a viewer does not volunteer (403)" 403 "$STATUS"
form member /change/3/volunteer ""
expect_eq "an initiative the member does not read (404)" 404 "$STATUS"
expect_eq "nothing written" "$before" "$(digest)"
form manager /change/1/volunteer ""
expect_eq "Ben volunteers: 303" 303 "$STATUS"
form member /change/1/unvolunteer ""
expect_eq "Kemi steps back: 303" 303 "$STATUS"
expect_eq "Ben in, Kemi out" "2 5" "$(sql 'SELECT person_id FROM volunteer WHERE initiative_id = 1 ORDER BY person_id' | join_lines ' ')"

# --- a browser session: the forms carry their CSRF token -----------------------------
JAR=$TMP/kemi.jar
curl -q -s -c "$JAR" -b "$JAR" -o "$TMP/login" "$URL/login"
pre=$(grep -o 'name="csrf" value="[^"]*"' "$TMP/login" | head -n 1 | sed 's/.*value="//; s/"$//')
curl -q -s -c "$JAR" -b "$JAR" -o /dev/null --data "csrf=$pre&login=kemi@t.test&password=$PW" "$URL/login"
page_csrf=$(curl -q -s -b "$JAR" "$URL/change/1" | grep -o 'name="csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
[ -n "$page_csrf" ] && pass || fail "the page's forms carry a token"
st=$(curl -q -s -o /dev/null -w '%{http_code}' -b "$JAR" --data "csrf=wrong" "$URL/change/1/volunteer")
expect_eq "a wrong token is refused" 403 "$st"
st=$(curl -q -s -o /dev/null -w '%{http_code}' -b "$JAR" --data "csrf=$page_csrf" "$URL/change/1/volunteer")
expect_eq "the right one volunteers" 303 "$st"

# --- the urgency and network routes, by role -----------------------------------------
walk GET $V/initiatives/1/urgency "" 200 200 200 200
walk GET $V/initiatives/2/urgency "" 200 200 200 404
walk GET $V/initiatives/3/urgency "" 200 404 404 200
walk GET $V/initiatives/99/urgency "" 404 404 404 404
walk GET "$V/urgency?unit_id=3" "" 200 404 404 200
walk GET "$V/urgency?unit_id=2" "" 200 200 200 404
walk GET $V/initiatives/1/network "" 200 200 200 200
walk GET $V/initiatives/2/network "" 200 200 200 404
as viewer GET $V/urgency
expect_eq "no unit: the caller's own (Prod)" "200 3 Prod" "$STATUS $(jqb '"\(.unit_id) \(.unit)"')"
as admin GET "$V/urgency?unit_id=2&as_of=2026-02-30"
expect_eq "a bad day is 400" 400 "$STATUS"
expect_eq "naming as_of" as_of "$(jqb .error.field)"
as admin GET "$V/initiatives/1/urgency?unit_id=2"
expect_eq "an unknown parameter is 400" 400 "$STATUS"
as admin GET $V/initiatives/1/network
expect_eq "the network: Ben and Kemi (Ops, back through the session) and Cat (Prod, outside)" \
	"3 1 Ben,Cat,Kemi" "$(jqb '"\(.volunteers) \(.outside) \([.people[].name] | sort | join(","))"')"

stop_server
finish
