#!/usr/bin/env bash
# tests/cli/raci.sh: RACI roles (step raci, plan raci: explicit and
# implied roles, one Accountable per step, the gaps), publishing a plan
# (plan publish: who it goes to, refusals) and each person's feed
# (person feed: newest first, with the person's steps).
source "$(dirname "$0")/../lib.sh"

raci_rows() {
	sql "SELECT step_id || ':' || person_id || ':' || role FROM raci ORDER BY step_id, person_id" | join_lines ' '
}

# unit 1 Org; people 1 Ann Lee, 2 Bob Ray, 3 Cy Dee, 4 Di Fox (in no plan
# at first). Plan 1 (owner Ann): step 1 S1 for Bob, step 2 S2 for no one,
# step 3 S3 for Ann. Plan 2 (no owner): step 4 S4 for no one. Plan 3 (no
# owner) has no steps.
t unit add Org
t person add "Ann Lee" --email ann@t.test --unit 1
t person add "Bob Ray" --email bob@t.test --unit 1
t person add "Cy Dee" --email cy@t.test --unit 1
t person add "Di Fox" --email di@t.test --unit 1
t plan add P1 --unit 1 --owner 1 --start-date 2030-01-07
t plan add P2 --unit 1 --start-date 2030-01-07
t plan add P3 --unit 1 --start-date 2030-01-07
t step add S1 --plan 1 --assignee 2
t step add S2 --plan 1
t step add S3 --plan 1 --assignee 1
t step add S4 --plan 2
expect_eq "setup" "4|3|4" \
	"$(sql 'SELECT (SELECT count(*) FROM person), (SELECT count(*) FROM plan), (SELECT count(*) FROM step)')"

# --- the implied roles ------------------------------------------------------
# With no rows: the owner Ann is the implied A of every step of plan 1;
# the assignee is the implied R: Bob on S1, Ann herself on S3 (so her cell
# there is (A/R)); S2 has no assignee, so it lacks an R: one gap.
t plan raci 1
expect_rc "plan raci" 0
expect_contains "the columns are the people in the plan, by name" "$OUT" "STEP  NAME  Ann Lee  Bob Ray  MISSING"
expect_contains "S1: (A) and (R)" "$OUT" "1  S1    (A)      (R)"
expect_contains "S2 lacks an R" "$OUT" "2  S2    (A)      -        R"
expect_contains "S3: the owner is also the assignee" "$OUT" "3  S3    (A/R)    -"
expect_contains "one gap, step 2" "$OUT" "1 step lacks an Accountable or a Responsible: 2"
t plan raci 1 --json
expect_eq "json: people" "1,2" "$(jqo '[.people[].id] | join(",")')"
expect_eq "json: gaps" "1" "$(jqo .gaps)"
expect_eq "json: S1's roles" "1:A:true,2:R:true" \
	"$(jqo '[.steps[0].roles[] | "\(.person_id):\(.role):\(.implied)"] | join(",")')"
expect_eq "json: S2 misses R" "R" "$(jqo '.steps[1].missing | join(",")')"
expect_eq "json: S3 is also_responsible" "true" "$(jqo '.steps[2].roles[0].also_responsible')"
# plan 2: no owner and no assignee: S4 lacks both
t plan raci 2 --json
expect_eq "a plan with no owner: S4 misses A and R" "A,R" "$(jqo '.steps[0].missing | join(",")')"
expect_eq "a plan with no one in it has no columns" "0" "$(jqo '.people | length')"
t plan raci 9
expect_rc "an unknown plan exits 4" 4
expect_contains "an unknown plan is named" "$ERR" "no plan with id 9"

# --- setting roles ---------------------------------------------------------
t step raci 1 --person 3 --role A
expect_rc "step raci sets" 0
expect_eq "step raci says so" "step 1: person 3 is A" "$OUT"
expect_eq "one row" "1:3:A" "$(raci_rows)"
# an explicit A replaces the owner's implied one on that step only
t plan raci 1 --json
expect_eq "S1: Bob (R) implied, Cy A explicit; Ann has no cell" "2:R:true,3:A:false" \
	"$(jqo '[.steps[0].roles[] | "\(.person_id):\(.role):\(.implied)"] | join(",")')"
expect_eq "S2 keeps Ann's implied A" "1:A:true" \
	"$(jqo '[.steps[1].roles[] | "\(.person_id):\(.role):\(.implied)"] | join(",")')"

# a second Accountable is a conflict naming the first; nothing is written
before=$(dbsum)
t step raci 1 --person 1 --role A
expect_rc "a second A exits 5" 5
expect_contains "the conflict names the current A" "$ERR" "step 1 already has an Accountable: Cy Dee (person 3)"
expect_eq "the refused A wrote nothing" "$before" "$(dbsum)"

# bad input: exit 3 naming the flag, not found: exit 4; nothing written
t step raci 1 --person 1 --role X
expect_rc "an unknown role exits 3" 3
expect_contains "an unknown role names --role" "$ERR" "--role: must be one of R, A, C, I, none"
t step raci 1 --person 1
expect_rc "no --role exits 3" 3
expect_contains "no --role is required" "$ERR" "--role: is required"
t step raci 1 --role R
expect_rc "no --person exits 3" 3
expect_contains "no --person is required" "$ERR" "--person: is required"
t step raci 1 --person 9 --role R
expect_rc "an unknown person exits 4" 4
expect_contains "an unknown person names --person" "$ERR" "--person: no person with id 9"
t step raci 99 --person 1 --role R
expect_rc "an unknown step exits 4" 4
expect_contains "an unknown step is named" "$ERR" "no step with id 99"
t step raci 2 --person 4 --role none
expect_rc "removing a role nobody has exits 4" 4
expect_contains "removing names the person" "$ERR" "person 4 has no role on step 2"
expect_eq "no refused change wrote anything" "$before" "$(dbsum)"

# --replace true moves the A: Cy's row goes, Ann's comes
t step raci 1 --person 1 --role A --replace true
expect_rc "replace moves the A" 0
expect_eq "Ann is A on S1, Cy has no row" "1:1:A" "$(raci_rows)"

# one role per person and step: setting another replaces it
t step raci 2 --person 3 --role C
t step raci 2 --person 3 --role I
expect_eq "Cy's role on S2 changed from C to I" "1:1:A 2:3:I" "$(raci_rows)"
# an explicit R overrides the assignee's implied one; S2 now has an R
t step raci 1 --person 4 --role R
t step raci 2 --person 4 --role R
t plan raci 1 --json
expect_eq "S1: Ann A, Di R, Bob nothing" "1:A:false,4:R:false" \
	"$(jqo '[.steps[0].roles[] | "\(.person_id):\(.role):\(.implied)"] | join(",")')"
expect_eq "no gaps left" "0" "$(jqo .gaps)"
# the owner-assignee with an explicit C on her own step: no A and no R
t step raci 3 --person 1 --role C
t plan raci 1 --json
expect_eq "S3 lacks A and R once Ann is only C" "A,R" "$(jqo '.steps[2].missing | join(",")')"
t step raci 3 --person 1 --role none
expect_rc "none removes" 0
expect_eq "step raci none says so" "step 3: person 1 has no role now" "$OUT"
expect_eq "the row is gone" "1:1:A 1:4:R 2:3:I 2:4:R" "$(raci_rows)"
t step raci 1 --person 4 --role none --json
expect_eq "json: a removed role is null" "null" "$(jqo .role)"
t step raci 1 --person 4 --role R

# --- publishing ------------------------------------------------------------
# plan 1's people: the owner Ann (1), the assignees Bob (2) and Ann, the
# RACI rows Ann, Cy (3), Di (4): 1, 2, 3, 4
t plan publish 1 --note "kick-off on Monday"
expect_rc "plan publish" 0
expect_contains "publish says to how many" "$OUT" "plan 1 published (publication 1) to 4 people:"
expect_contains "publish names them" "$OUT" "  Di Fox (person 4)"
expect_eq "one publication row with the note" "1|1|kick-off on Monday|cli" \
	"$(sql 'SELECT id, plan_id, note, by_name FROM publication')"
expect_eq "sent to 1, 2, 3, 4" "1,2,3,4" \
	"$(sql 'SELECT person_id FROM publication_to WHERE publication_id = 1 ORDER BY 1' | join_lines ,)"
expect_eq "the audit log records the publish" "1" \
	"$(sql "SELECT count(*) FROM audit WHERE action = 'plan publish' AND entity_id = 1")"
# plan 2 has a step but no one: nothing to send; plan 3 is empty
before=$(dbsum)
t plan publish 2
expect_rc "a plan with no one in it exits 5" 5
expect_contains "it says why" "$ERR" "plan 2 has no one in it to publish to"
t plan publish 3
expect_rc "an empty plan exits 5" 5
t plan publish 9
expect_rc "an unknown plan exits 4" 4
expect_contains "an unknown plan is named" "$ERR" "no plan with id 9"
t plan publish 1 --note "$(head -c 2001 /dev/zero | tr '\0' x)"
expect_rc "a note over 2000 bytes exits 3" 3
expect_contains "the note is named" "$ERR" "--note:"
expect_eq "no refused publish wrote anything" "$before" "$(dbsum)"
# plan 2 gains Cy as I on S4: republishing plan 1 makes a second one
t step raci 4 --person 3 --role I
t plan publish 2 --json
expect_rc "plan 2 now has someone" 0
expect_eq "json: to Cy only" "3" "$(jqo '[.to[].id] | join(",")')"
t plan publish 1
expect_eq "a republication is a new row" "3" "$(sql 'SELECT count(*) FROM publication')"

# --- the feed ---------------------------------------------------------------
# Cy (3) got publications 1 (plan 1), 2 (plan 2) and 3 (plan 1): newest
# first by time, then id: 3, 2, 1; her steps: S2 (I) in plan 1, S4 (I)
# in plan 2.
t person feed 3 --json
expect_rc "person feed" 0
expect_eq "newest first" "3,2,1" "$(jqo '[.items[].id] | join(",")')"
expect_eq "count" "3" "$(jqo .count)"
expect_eq "her step in plan 1 with her role" "2:I" "$(jqo '.items[0].steps | map("\(.id):\(.role)") | join(",")')"
expect_eq "her step in plan 2" "4:I" "$(jqo '.items[1].steps | map("\(.id):\(.role)") | join(",")')"
expect_eq "the note is kept" "kick-off on Monday" "$(jqo '.items[2].note')"
t person feed 3 --limit 1 --json
expect_eq "--limit 1 keeps the newest" "3" "$(jqo '[.items[].id] | join(",")')"
# Bob is assigned S1 but Di is its explicit R: his step shows no role
t person feed 2 --json
expect_eq "Bob: S1 with no role of his own" "1:null" "$(jqo '.items[0].steps | map("\(.id):\(.role)") | join(",")')"
t person feed 2
expect_contains "the text feed names the plan" "$OUT" "plan 1: P1  (publication 3, by cli)"
expect_contains "the text feed lists his step" "$OUT" "step 1  todo"
# a person nothing was published to
t person add "Eve Gray" --email eve@t.test --unit 1
t person feed 5
expect_rc "an empty feed" 0
expect_eq "it says so" "nothing was published to person 5 yet" "$OUT"
t person feed 99
expect_rc "an unknown person exits 4" 4
t person feed 3 --limit 0
expect_rc "--limit 0 exits 3" 3

finish
