#!/usr/bin/env bash
# tests/cli/staffing.sh: skills (skill add/list/show/set/rm), people's
# skills (person skill/unskill/skills), positions (position add/list/show/
# set/rm/need/unneed), staffing (staff add/list/rm), the match score and
# the ranking of candidates (staff match), and the span of control (staff
# span). Every refusal names the flag, exits 3/4/5 and writes nothing.
source "$(dirname "$0")/../lib.sh"

digest() {
	dbsum "$DB" skill person_skill position position_skill staffing
}

# units 1 Root { 2 Sub }, 3 Other
# people: Ann (1, Root), Ben (2, Sub, reports to Ann), Cat (3, Sub,
# reports to Ann), Dan (4, Other, reports to Ben)
t unit add Root
t unit add Sub --parent 1
t unit add Other
t person add Ann --email ann@t.test --unit 1
t person add Ben --email ben@t.test --unit 2 --manager 1
t person add Cat --email cat@t.test --unit 2 --manager 1
t person add Dan --email dan@t.test --unit 3 --manager 2
expect_eq "setup" "3|4" "$(sql 'SELECT (SELECT count(*) FROM unit), (SELECT count(*) FROM person)')"

# --- skills -----------------------------------------------------------------

t skill add SQL --description "Relational databases"
expect_rc "skill add" 0
expect_eq "skill add prints the id" "skill 1 added" "$OUT"
t skill add Go
t skill add Writing --json
expect_eq "skill add --json" "3 Writing 0 0" "$(jqo '"\(.id) \(.name) \(.people) \(.positions)"')"
expect_eq "three skills in sql" "1|SQL|Relational databases,2|Go|,3|Writing|" \
	"$(sql 'SELECT id, name, description FROM skill ORDER BY id' | join_lines ,)"

before=$(digest)
t skill add SQL
expect_rc "a duplicate skill name exits 5" 5
expect_contains "a duplicate skill name is named" "$ERR" 'skill 1 is already named "SQL"'
t skill set 2 --name Writing
expect_rc "renaming onto another skill's name exits 5" 5
expect_contains "renaming onto a taken name names --name" "$ERR" '--name: skill 3 is already named "Writing"'
t skill add ""
expect_rc "an empty skill name exits 3" 3
t skill set 9 --name X
expect_rc "skill set of an unknown skill exits 4" 4
expect_contains "skill set of an unknown skill" "$ERR" "no skill with id 9"
expect_eq "no refused skill write changed anything" "$before" "$(digest)"
t skill set 2 --name Golang --description "The Go language"
expect_rc "skill set" 0
expect_eq "skill set changed both" "Golang|The Go language" "$(sql 'SELECT name, description FROM skill WHERE id = 2')"
t skill set 2 --name Go
expect_eq "renaming to its own name is fine" "Go" "$(sql 'SELECT name FROM skill WHERE id = 2')"

# --- people's skills: levels 1-5 ----------------------------------------------
#   Ann: SQL 5, Go 2      Ben: SQL 3, Writing 4
#   Cat: Go 5             Dan: SQL 5, Go 5, Writing 5
before=$(digest)
for bad in 0 6 -1 99; do
	t person skill 1 --skill 1 --level "$bad"
	expect_rc "level $bad exits 3" 3
	expect_contains "level $bad is an unknown skill level, naming --level" "$ERR" \
		"--level: $bad is an unknown skill level: levels are 1 aware, 2 beginner, 3 practitioner, 4 advanced, 5 expert"
done
t person skill 1 --skill 1 --level expert
expect_rc "a level in words exits 3" 3
expect_contains "a level in words names --level" "$ERR" '--level: must be a whole number, got "expert"'
t person skill 1 --skill 1
expect_rc "no level exits 3" 3
expect_contains "no level says it is required" "$ERR" "--level: is required"
t person skill 1 --skill 9 --level 3
expect_rc "an unknown skill exits 4" 4
expect_contains "an unknown skill names --skill" "$ERR" "--skill: no skill with id 9"
t person skill 9 --skill 1 --level 3
expect_rc "an unknown person exits 4" 4
expect_contains "an unknown person is named" "$ERR" "no person with id 9"
expect_eq "no refused level changed anything" "$before" "$(digest)"

t person skill 1 --skill 1 --level 4
expect_rc "person skill" 0
expect_eq "person skill prints it" "person 1 has skill 1 at level 4 advanced" "$OUT"
t person skill 1 --skill 1 --level 5
expect_rc "person skill changes a level" 0
expect_eq "the level was changed, not added" "1|5" "$(sql 'SELECT count(*), max(level) FROM person_skill WHERE person_id = 1')"
t person skill 1 --skill 2 --level 2
t person skill 2 --skill 1 --level 3
t person skill 2 --skill 3 --level 4
t person skill 3 --skill 2 --level 5
for s in 1 2 3; do t person skill 4 --skill $s --level 5; done
expect_eq "eight person skills" 8 "$(sql 'SELECT count(*) FROM person_skill')"
t person skills 2
expect_rc "person skills" 0
expect_eq "person skills lists by name with level names" \
	"ID  LEVEL           SKILL| 1  3 practitioner  SQL| 3  4 advanced      Writing" \
	"$(printf '%s\n' "$OUT" | join_lines '|')"
t skill list --person 2 --json
expect_eq "skill list --person --json" "SQL:3:practitioner,Writing:4:advanced" \
	"$(jqo '[.items[] | "\(.name):\(.level):\(.level_name)"] | join(",")')"
t person skills 9
expect_rc "person skills of an unknown person exits 4" 4
expect_eq "person skills of an unknown person" "tandem: no person with id 9" "$ERR"
t skill list --person 9
expect_rc "skill list of an unknown person exits 4" 4
expect_contains "skill list of an unknown person names --person" "$ERR" "--person: no person with id 9"
# people per skill: SQL Ann Ben Dan = 3, Go Ann Cat Dan = 3, Writing Ben Dan = 2
t skill list --json
expect_eq "skill list counts the people" "Go:3:0,SQL:3:0,Writing:2:0" \
	"$(jqo '[.items[] | "\(.name):\(.people):\(.positions)"] | join(",")')"

# --- positions ----------------------------------------------------------------

before=$(digest)
t position add Engineer --unit 9
expect_rc "an unknown unit exits 4" 4
expect_contains "an unknown unit names --unit" "$ERR" "--unit: no unit with id 9"
t position add Engineer
expect_rc "no unit exits 3" 3
expect_contains "no unit says it is required" "$ERR" "--unit: is required"
t position add Engineer --unit 1 --headcount -1
expect_rc "a negative headcount exits 3" 3
expect_contains "a negative headcount names --headcount" "$ERR" "--headcount: must be a whole number from 0 to 100000"
expect_eq "no refused position changed anything" "$before" "$(digest)"

t position add Engineer --unit 1 --headcount 2
expect_rc "position add" 0
expect_eq "position add prints the id" "position 1 added" "$OUT"
t position add Writer --unit 2 --json
expect_eq "the default headcount is 1" "2 Writer 2 Sub 1 0 1" \
	"$(jqo '"\(.id) \(.title) \(.unit_id) \(.unit) \(.headcount) \(.filled) \(.vacancies)"')"
t position add Analyst --unit 3 --headcount 0

before=$(digest)
t position need 1 --skill 1 --level 7
expect_rc "position need with level 7 exits 3" 3
expect_contains "position need names --level" "$ERR" "--level: 7 is an unknown skill level"
t position need 1 --skill 9 --level 3
expect_rc "position need of an unknown skill exits 4" 4
expect_contains "position need of an unknown skill names --skill" "$ERR" "--skill: no skill with id 9"
t position need 9 --skill 1 --level 3
expect_rc "position need of an unknown position exits 4" 4
expect_contains "position need of an unknown position" "$ERR" "no position with id 9"
expect_eq "no refused requirement changed anything" "$before" "$(digest)"
# Engineer needs SQL 4 and Go 3
t position need 1 --skill 1 --level 2
t position need 1 --skill 1 --level 4
expect_rc "position need changes a level" 0
expect_eq "position need prints it" "position 1 requires skill 1 at level 4 advanced" "$OUT"
t position need 1 --skill 2 --level 3
t position need 1 --skill 3 --level 1
t position unneed 1 --skill 3
expect_rc "position unneed" 0
t position unneed 1 --skill 3
expect_rc "unneeding a skill not required exits 4" 4
expect_contains "unneeding a skill not required" "$ERR" "--skill: position 1 does not require skill 3"
expect_eq "Engineer's requirements" "1|4,2|3" \
	"$(sql 'SELECT skill_id, level FROM position_skill WHERE position_id = 1 ORDER BY skill_id' | join_lines ,)"

# --- the match score ------------------------------------------------------------
# score = round(100 x (sum_j min(have_j, L_j) / L_j) / k); Engineer: SQL 4, Go 3
#   Ann: (min(5,4)/4 + 2/3) / 2 = (1 + 0.667) / 2 = 0.833 -> 83
#   Ben: (3/4 + 0/3) / 2 = 0.375 -> 38 (half up)
#   Cat: (0/4 + min(5,3)/3) / 2 = 0.5 -> 50
#   Dan: (1 + 1) / 2 -> 100, but Dan is in Other, not in Root's subtree
t staff match --position 1
expect_rc "staff match" 0
t staff match --position 1 --json
expect_eq "candidates of Root's subtree, best first" "1:83:1,3:50:1,2:38:2" \
	"$(jqo '[.items[] | "\(.person_id):\(.score):\(.missing)"] | join(",")')"
t staff match --position 1 --unit 3 --json
expect_eq "candidates of another unit" "4:100:0" \
	"$(jqo '[.items[] | "\(.person_id):\(.score):\(.missing)"] | join(",")')"
t staff match --position 2 --json
expect_eq "a position requiring nothing matches everyone 100 (by name)" "2:100,3:100" \
	"$(jqo '[.items[] | "\(.person_id):\(.score)"] | join(",")')"
t staff match --position 9
expect_rc "staff match of an unknown position exits 4" 4
t staff match
expect_rc "staff match without a position exits 3" 3
expect_contains "staff match without a position" "$ERR" "--position: is required"

# --- staffing -------------------------------------------------------------------

before=$(digest)
t staff add --position 9 --person 1
expect_rc "staffing an unknown position exits 4" 4
expect_contains "an unknown position names --position" "$ERR" "--position: no position with id 9"
t staff add --position 1 --person 9
expect_rc "staffing an unknown person exits 4" 4
expect_contains "an unknown person names --person" "$ERR" "--person: no person with id 9"
t staff add --position 1 --person 1 --since 2026-02-30
expect_rc "an impossible since exits 3" 3
expect_contains "an impossible since names --since" "$ERR" "--since: must be a date as YYYY-MM-DD"
t staff add --position 3 --person 4
expect_rc "a position of headcount 0 takes nobody" 5
expect_contains "headcount 0 is explained" "$ERR" "position 3 has headcount 0 and 0 people"
expect_eq "no refused staffing changed anything" "$before" "$(digest)"

t staff add --position 1 --person 1 --since 2026-01-05
expect_rc "staff add" 0
expect_eq "staff add prints the match" "staffing 1 added: Ann in position 1 (Engineer), match 83%" "$OUT"
t staff add --position 1 --person 1
expect_rc "the same person twice exits 5" 5
expect_contains "the same person twice names --person" "$ERR" "--person: person 1 already holds position 1 (staffing 1)"
t staff add --position 1 --person 2 --json
expect_rc "staff add --json" 0
expect_eq "staff add --json gives the staffing" "2 1 2 Ben 38" "$(jqo '"\(.id) \(.position_id) \(.person_id) \(.person) \(.score)"')"
expect_eq "the default since is today" "$(date -u +%F)" "$(sql 'SELECT since FROM staffing WHERE id = 2')"
before=$(digest)
t staff add --position 1 --person 3
expect_rc "beyond the headcount exits 5" 5
expect_contains "beyond the headcount is explained" "$ERR" \
	"position 1 has headcount 2 and 2 people: raise its headcount or remove someone first"
t position set 1 --headcount 1
expect_rc "a headcount below the holders exits 5" 5
expect_contains "a headcount below the holders names --headcount" "$ERR" \
	"--headcount: position 1 has 2 people; its headcount cannot go below 2"
t position rm 1
expect_rc "removing a staffed position exits 5" 5
expect_contains "removing a staffed position is explained" "$ERR" "position 1 still has 2 person(s) in it"
t skill rm 1
expect_rc "removing a skill in use exits 5" 5
expect_contains "removing a skill in use names its users" "$ERR" \
	"skill 1 (SQL) is held by 3 person(s) and required by 1 position(s) (1): remove it from them first"
expect_eq "no refused change wrote anything" "$before" "$(digest)"

t staff add --position 2 --person 3 --since 2026-03-01
expect_eq "a position without skills: 100" "staffing 3 added: Cat in position 2 (Writer), match 100%" "$OUT"
t position list --json
expect_eq "position list: filled/headcount/vacancies, by unit then title" \
	"3:Other:0/0/0,1:Root:2/2/0,2:Sub:1/1/0" \
	"$(jqo '[.items[] | "\(.id):\(.unit):\(.filled)/\(.headcount)/\(.vacancies)"] | join(",")')"
t position set 1 --headcount 3 --title "Senior engineer"
expect_rc "raising the headcount" 0
t position list --vacant true --json
expect_eq "position list --vacant" "1:1" "$(jqo '[.items[] | "\(.id):\(.vacancies)"] | join(",")')"
t position list --unit 2 --json
expect_eq "position list --unit" "2" "$(jqo '[.items[].id] | join(",")')"
t position list --unit 1 --json
expect_eq "position list --unit takes the subtree" "1,2" "$(jqo '[.items[].id] | join(",")')"
t position show 1 --json
expect_eq "position show --json" "Senior engineer 3 2 1 Go:3,SQL:4 1:83,2:38" \
	"$(jqo '"\(.title) \(.headcount) \(.filled) \(.vacancies) \([.skills[] | "\(.skill):\(.level)"] | join(",")) \([.holders[] | "\(.person_id):\(.score)"] | join(","))"')"
t position show 1
expect_contains "position show lists holders" "$OUT" "Ann"
expect_eq "position show lists required skills with level names" 1 \
	"$(printf '%s\n' "$OUT" | grep -cE '^ +1  4 advanced +SQL$')"

# a score follows the person's skills: Ben learns Go at 3 -> (3/4 + 1) / 2 = 0.875 -> 88
t person skill 2 --skill 2 --level 3
t staff list --position 1 --json
expect_eq "the match follows the skills" "1:83,2:88" "$(jqo '[.items[] | "\(.person_id):\(.score)"] | join(",")')"
t staff list --person 3 --json
expect_eq "staff list --person" "3" "$(jqo '[.items[].id] | join(",")')"
t staff list --unit 2 --json
expect_eq "staff list --unit" "3" "$(jqo '[.items[].id] | join(",")')"
t staff list
expect_contains "staff list shows the match" "$OUT" "88%"

t staff rm 2
expect_rc "staff rm" 0
expect_eq "staff rm prints it" "staffing 2 removed" "$OUT"
t staff rm 2
expect_rc "staff rm twice exits 4" 4
expect_contains "staff rm twice" "$ERR" "no staffing with id 2"

t person unskill 2 --skill 2
expect_rc "person unskill" 0
t person unskill 2 --skill 2
expect_rc "person unskill twice exits 4" 4
expect_contains "person unskill twice names --skill" "$ERR" "--skill: person 2 does not have skill 2"

# a skill nobody uses goes; one in use stays
t skill add Unused
t skill rm 4
expect_rc "skill rm" 0
expect_eq "the skill is gone" 0 "$(sql 'SELECT count(*) FROM skill WHERE id = 4')"
t position rm 3
expect_rc "position rm of an empty position" 0
expect_eq "position rm" 0 "$(sql 'SELECT count(*) FROM position WHERE id = 3')"

# --- span of control ----------------------------------------------------------------
# Ann manages Ben and Cat (2: within range), Ben manages Dan (1: narrow)
t staff span --json
expect_rc "staff span" 0
expect_eq "the span of each manager, widest first" "1:2:,2:1:narrow" \
	"$(jqo '[.items[] | "\(.manager_id):\(.reports):\(.flag)"] | join(",")')"
t staff span --unit 2 --json
expect_eq "staff span --unit takes the managers of the subtree" "2:1:narrow" \
	"$(jqo '[.items[] | "\(.manager_id):\(.reports):\(.flag)"] | join(",")')"
t staff span --unit 9
expect_rc "staff span of an unknown unit exits 4" 4
# twelve reports are within range, thirteen are wide
for i in $(seq 1 12); do t person add "R$i" --email "r$i@t.test" --unit 3 --manager 4; done
t staff span --json
expect_eq "twelve reports are not wide" "4:12:" "$(jqo '[.items[] | select(.manager_id == 4) | "\(.manager_id):\(.reports):\(.flag)"] | join(",")')"
t person add R13 --email r13@t.test --unit 3 --manager 4
t staff span --json
expect_eq "thirteen reports are wide" "4:13:wide" "$(jqo '[.items[] | select(.manager_id == 4) | "\(.manager_id):\(.reports):\(.flag)"] | join(",")')"
expect_eq "span agrees with sql" "13" "$(sql 'SELECT count(*) FROM person WHERE manager_id = 4')"

finish
