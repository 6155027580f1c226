#!/usr/bin/env bash
# tests/cli/ideas.sh: ideas (idea add/list/show/vote/unvote/answer/rm):
# the owner who answers (given, the strategy's owner, the author's
# manager, else required), one vote per person and none for one's own,
# the owner's answer (a decline needs a reason; an acceptance names an
# existing plan or step), the flag on ideas open too long, idea_stats.
source "$(dirname "$0")/../lib.sh"

digest() { dbsum "$DB" idea idea_vote; }

# unit 1 Root; Ann (1), Ben (2) managed by Ann, Cat (3) managed by Ann,
# Dan (4) with no manager; plan 1 with step 1; strategy 1 owned by Cat,
# strategy 2 without owner; vision 1
t unit add Root
t person add Ann --email ann@t.test --unit 1
t person add Ben --email ben@t.test --unit 1 --manager 1
t person add Cat --email cat@t.test --unit 1 --manager 1
t person add Dan --email dan@t.test --unit 1
t plan add P1 --unit 1 --start-date 2026-03-02
t step add S1 --plan 1
sql "INSERT INTO strategy (name, owner_id, unit_id) VALUES ('Grow online', 3, 1)" >/dev/null
sql "INSERT INTO strategy (name, unit_id) VALUES ('Cut waste', 1)" >/dev/null
sql "INSERT INTO vision (statement, horizon, version, created_at) VALUES ('Be the best', 2030, 1, 0)" >/dev/null
expect_eq "setup" "4|2|1" \
	"$(sql 'SELECT (SELECT count(*) FROM person), (SELECT count(*) FROM strategy), (SELECT count(*) FROM vision)')"

# --- add: the owner -------------------------------------------------------
before=$(digest)
t idea add "No owner" --author 4
expect_rc "no owner to be found exits 3" 3
expect_contains "no owner names --owner" "$ERR" "--owner: is required"
t idea add "Both" --author 2 --vision 1 --strategy 1
expect_rc "vision and strategy exits 3" 3
t idea add "Bad strategy" --author 2 --strategy 9
expect_rc "an unknown strategy exits 4" 4
expect_contains "an unknown strategy is named" "$ERR" "--strategy: no strategy with id 9"
t idea add "Bad vision" --author 2 --vision 9
expect_rc "an unknown vision exits 4" 4
t idea add "Bad author" --author 9
expect_rc "an unknown author exits 4" 4
t idea add --author 2
expect_rc "no title is a usage error (exit 2)" 2
expect_eq "no refused idea wrote anything" "$before" "$(digest)"

t idea add "Chat on the site" --author 2 --strategy 1 --body "Answer buyers live"
expect_rc "idea add" 0
expect_eq "idea add prints the id" "idea 1 added" "$OUT"
expect_eq "the strategy's owner answers it" "3|open|$(date -u +%F)" "$(sql 'SELECT owner_id, status, created FROM idea WHERE id = 1')"
t idea add "Less paper" --author 2 --strategy 2
expect_eq "an ownerless strategy: the author's manager" 1 "$(sql 'SELECT owner_id FROM idea WHERE id = 2')"
t idea add "Own idea" --author 4 --owner 2 --vision 1
expect_eq "a given owner" "2|1" "$(sql 'SELECT owner_id, vision_id FROM idea WHERE id = 3')"
t idea add "Four" --author 3
expect_eq "no strategy: the author's manager" 1 "$(sql 'SELECT owner_id FROM idea WHERE id = 4')"

# --- votes ----------------------------------------------------------------
before=$(digest)
t idea vote 1 --person 2
expect_rc "a vote on one's own idea exits 3" 3
expect_contains "it is named" "$ERR" "--person: a vote on one's own idea"
t idea vote 9 --person 1
expect_rc "a vote on a missing idea exits 4" 4
t idea vote 1
expect_rc "a vote by nobody exits 3" 3
expect_eq "no refused vote wrote anything" "$before" "$(digest)"
t idea vote 1 --person 1
expect_rc "a vote" 0
t idea vote 1 --person 1
expect_rc "a second vote exits 5" 5
expect_contains "a second vote says so" "$ERR" "already voted"
t idea vote 1 --person 4
t idea vote 2 --person 3
t idea vote 4 --person 4
t idea unvote 4 --person 4
expect_rc "unvote" 0
t idea unvote 4 --person 4
expect_rc "unvote without a vote exits 4" 4
expect_eq "votes per idea" "1|2,2|1" "$(sql 'SELECT idea_id, count(*) FROM idea_vote GROUP BY idea_id ORDER BY idea_id' | paste -sd,)"

# --- answer ----------------------------------------------------------------
before=$(digest)
t idea answer 1 --person 1 --status accepted
expect_rc "answering someone else's idea exits 5 (403)" 5
expect_contains "answering someone else's idea is refused" "$ERR" "only the idea's owner"
t idea answer 1 --person 3 --status declined
expect_rc "declining without a reason exits 3" 3
expect_contains "declining names --reason" "$ERR" "--reason: is required to decline"
t idea answer 1 --person 3 --status declined --reason "  "
expect_rc "a blank reason exits 3" 3
t idea answer 1 --person 3 --status accepted --plan 9
expect_rc "accepting into a missing plan exits 4" 4
expect_contains "the plan is named" "$ERR" "--plan: no plan with id 9"
t idea answer 1 --person 3 --status accepted --plan 1 --step 1
expect_rc "a plan and a step exits 3" 3
t idea answer 1 --person 3 --status declined --reason why --plan 1
expect_rc "a plan on a decline exits 3" 3
t idea answer 1 --person 3 --status open
expect_rc "open is not an answer" 3
t idea answer 9 --status accepted
expect_rc "answering a missing idea exits 4" 4
expect_eq "no refused answer wrote anything" "$before" "$(digest)"

# the owner answers: Cat declines 1, then reviews it; Ann (owner of 2
# and 4) accepts 2 into step 1; an admin (the CLI) accepts 3 into plan 1
t idea answer 1 --person 3 --status declined --reason "Too costly this year"
expect_rc "the owner declines" 0
expect_eq "idea answer prints it" "idea 1 declined" "$OUT"
expect_eq "the decline is recorded" "declined|Too costly this year|$(date -u +%F)" \
	"$(sql 'SELECT status, answer, answered FROM idea WHERE id = 1')"
t idea answer 2 --person 1 --status accepted --step 1
expect_eq "accepted into a step" "accepted||1" "$(sql 'SELECT status, plan_id, step_id FROM idea WHERE id = 2')"
t idea answer 3 --status accepted --plan 1
expect_eq "an admin accepts into a plan" "accepted|1|" "$(sql 'SELECT status, plan_id, step_id FROM idea WHERE id = 3')"
t idea answer 1 --person 3 --status under-review
expect_eq "a new answer replaces the last" "under-review|" "$(sql 'SELECT status, answer FROM idea WHERE id = 1')"

# --- list, the flag ------------------------------------------------------
# idea 4 backdated 31 days (older than 30: flagged), idea 5 30 days (not)
t idea add "Five" --author 2
sql "UPDATE idea SET created = '$(date -u -d '-31 day' +%F)' WHERE id = 4" >/dev/null
sql "UPDATE idea SET created = '$(date -u -d '-30 day' +%F)' WHERE id = 5" >/dev/null
# order: open, under-review, accepted, declined; then votes, newest:
# open 5 (30 days) before 4 (31 days), both 0 votes; under-review 1;
# accepted 2 (Cat's vote) before 3 (no vote)
t idea list --json
expect_eq "the board: open first, then by status" "5 4 1 2 3" \
	"$(echo "$OUT" | jq -r '.items[].id' | paste -sd' ')"
expect_eq "votes, age and flag" "5 0 30 false,4 0 31 true,1 2 0 false" \
	"$(echo "$OUT" | jq -r '.items[0:3][] | "\(.id) \(.votes) \(.age) \(.flagged)"' | paste -sd,)"
t idea list --flagged --json
expect_eq "only the flagged" "4" "$(echo "$OUT" | jq -r '.items[].id' | paste -sd' ')"
t idea list --status accepted --json
expect_eq "by status" "2 3" "$(echo "$OUT" | jq -r '.items[].id' | paste -sd' ')"
t idea list --status nope
expect_rc "an unknown status exits 3" 3
# answer time 40 days: nothing is late
sql "INSERT INTO setting (key, value) VALUES ('ideas.answer_days', '40')" >/dev/null
t idea list --flagged --json
expect_eq "the setting moves the flag" 0 "$(echo "$OUT" | jq .count)"
sql "UPDATE setting SET value = '30' WHERE key = 'ideas.answer_days'" >/dev/null
t idea list
expect_contains "the table shows the flag" "$OUT" "late"
t idea show 1
expect_contains "show: the answer" "$OUT" "under-review"
expect_contains "show: the body" "$OUT" "Answer buyers live"
t idea show 99
expect_rc "show of a missing idea exits 4" 4

# --- rm: only while open ------------------------------------------------
t idea rm 2
expect_rc "an answered idea stays (exit 5)" 5
t idea rm 5
expect_rc "idea rm" 0
expect_eq "idea rm prints it" "idea 5 removed" "$OUT"
t idea vote 4 --person 2
t idea rm 4
expect_eq "rm takes the votes along" "0|0" \
	"$(sql 'SELECT (SELECT count(*) FROM idea WHERE id = 4), (SELECT count(*) FROM idea_vote WHERE idea_id = 4)')"

finish
