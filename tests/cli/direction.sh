#!/usr/bin/env bash
# tests/cli/direction.sh: visions (vision show/set/history/list) and
# strategies (strategy add/list/show/set/rm/link/unlink/gaps): versions
# that replace and never edit, what a unit's vision must say, the review
# flag, the two gap lists worked by hand, and every refusal writing
# nothing.
source "$(dirname "$0")/../lib.sh"

digest() {
	sql "SELECT * FROM $1 ORDER BY 1, 2" | sha256sum | cut -d' ' -f1
}

# units 1 Root { 2 Sales { 3 East } }, 4 Other; Ann (1) in Sales
t unit add Root
t unit add Sales --parent 1
t unit add East --parent 2
t unit add Other
t person add Ann --email ann@t.test --unit 2
# plans: 1 Sales active, 2 Other active, 3 East draft, 4 Sales cancelled,
# 5 Sales done, 6 Sales on hold
t plan add P1 --unit 2 --start-date 2026-01-05 --status active
t plan add P2 --unit 4 --start-date 2026-01-05 --status active
t plan add P3 --unit 3 --start-date 2026-01-05 --status draft
t plan add P4 --unit 2 --start-date 2026-01-05 --status cancelled
t plan add P5 --unit 2 --start-date 2026-01-05 --status done
t plan add P6 --unit 2 --start-date 2026-01-05 --status on_hold
expect_eq "six plans" 6 "$(sql 'SELECT count(*) FROM plan')"

# --- the organization's vision: versions ------------------------------------------
t vision show
expect_rc "no vision yet exits 4" 4
expect_contains "it says so" "$ERR" "the organization has no vision yet"
t vision set --statement "Next-day delivery everywhere" --horizon 2030
expect_rc "vision set" 0
expect_eq "it says the version" "vision version 1 set for the organization" "$OUT"
expect_eq "stored: the organization's (no unit), version 1, current, by cli:USER" \
	"|1|Next-day delivery everywhere|2030||1|cli:${USER:-?}" \
	"$(sql 'SELECT unit_id, version, statement, horizon, review_date, current, author FROM vision')"
t vision set --statement "Next-day delivery, trusted" --horizon 2031 --review-date 2020-01-01
expect_eq "a second version" "vision version 2 set for the organization" "$OUT"
expect_eq "the first is kept, no longer current; the second is" "1|0|Next-day delivery everywhere
2|1|Next-day delivery, trusted" "$(sql 'SELECT version, current, statement FROM vision ORDER BY version')"
t vision show --json
expect_eq "show: the current one, due for review (2020 is past)" "2 2031 2020-01-01 true null" \
	"$(jqo '"\(.version) \(.horizon) \(.review_date) \(.due_for_review) \(.unit_id)"')"
t vision show
expect_contains "the table flags it" "$OUT" "review    2020-01-01 (due for review)"
t vision set --statement "Next-day delivery, trusted by all" --horizon 2031 --review-date 2199-12-31
t vision show --json
expect_eq "a review date ahead is not due" "3 false" "$(jqo '"\(.version) \(.due_for_review)"')"
t vision history --json
expect_eq "history: newest first" "3:true,2:false,1:false" \
	"$(jqo '[.items[] | "\(.version):\(.current)"] | join(",")')"
expect_eq "history counts" 3 "$(jqo .count)"

# --- a unit's vision ------------------------------------------------------------------
before=$(digest vision)
t vision set --statement "Own the region" --horizon 2030 --unit 2
expect_rc "a unit's vision without serves exits 3" 3
expect_contains "it names --serves" "$ERR" "--serves: a unit's vision must say how it serves the organization's"
t vision set --statement "Own the region" --horizon 2030 --unit 2 --serves "   "
expect_rc "a blank serves exits 3" 3
t vision set --statement "Everything" --horizon 2030 --serves "itself"
expect_rc "the organization's vision serves nothing: exits 3" 3
expect_contains "it names --serves too" "$ERR" "--serves: only a unit's vision serves"
t vision set --statement "Own the region" --horizon 2030 --unit 99 --serves "x"
expect_rc "an unknown unit exits 4" 4
expect_contains "it names --unit" "$ERR" "--unit: no unit with id 99"
for h in 1999 2201; do
	t vision set --statement "S" --horizon "$h"
	expect_rc "horizon $h exits 3" 3
	expect_contains "horizon $h names --horizon" "$ERR" "--horizon: must be a whole number from 2000 to 2200"
done
t vision set --statement "S" --horizon 20x0
expect_rc "a horizon that is no year exits 3" 3
expect_contains "it names --horizon" "$ERR" "--horizon: must be a whole number"
t vision set --statement "" --horizon 2030
expect_rc "an empty statement exits 3" 3
expect_contains "it names --statement" "$ERR" "--statement: must not be empty"
t vision set --statement "  " --horizon 2030
expect_rc "a blank statement exits 3" 3
expect_contains "blank names --statement" "$ERR" "--statement: must not be empty"
t vision set --statement "S"
expect_rc "no horizon exits 3" 3
expect_contains "no horizon is named" "$ERR" "--horizon: is required"
t vision set --statement "S" --horizon 2030 --review-date 2026-02-30
expect_rc "an impossible review date exits 3" 3
expect_eq "no refused vision wrote anything" "$before" "$(digest vision)"

t vision set --statement "Own the region" --horizon 2029 --unit 2 --serves "Sales reach every region first"
expect_eq "a unit's vision starts at version 1" "vision version 1 set for Sales" "$OUT"
t vision set --statement "Own the east" --horizon 2029 --unit 3 --serves "East is the first region"
t vision set --statement "Own every region" --horizon 2030 --unit 2 --serves "Sales reach every region"
expect_eq "scopes count versions apart" "|3|1
2|1|0
2|2|1
3|1|1" "$(sql 'SELECT unit_id, version, current FROM vision WHERE current = 1 OR unit_id IS NOT NULL ORDER BY coalesce(unit_id, 0), version')"
t vision show --unit 2 --json
expect_eq "show --unit" "2 Own every region Sales reach every region" \
	"$(jqo '"\(.version) \(.statement) \(.serves)"')"
t vision show --unit 4
expect_rc "a unit with no vision exits 4" 4
expect_contains "it says so" "$ERR" "unit 4 has no vision yet"
t vision list --json
expect_eq "list: the organization's first, then the units' by name" "null:3,3:1,2:2" \
	"$(jqo '[.items[] | "\(.unit_id):\(.version)"] | join(",")')"
t vision history --unit 2 --json
expect_eq "a unit's history" "2,1" "$(jqo '[.items[].version] | join(",")')"

# --- strategies --------------------------------------------------------------------------
t strategy add Grow --unit 2 --owner 1 --rationale "More customers"
expect_rc "strategy add" 0
expect_eq "it prints the id" "strategy 1 added" "$OUT"
expect_eq "stored, active by default" "Grow|More customers|1|2|active" \
	"$(sql 'SELECT name, rationale, owner_id, unit_id, status FROM strategy')"
t strategy add Partners --status proposed
expect_eq "the organization's (no unit)" "|proposed" "$(sql 'SELECT unit_id, status FROM strategy WHERE id = 2')"
before=$(digest strategy)
t strategy add Bad --status maybe
expect_rc "a status not in the list exits 3" 3
expect_contains "it names --status" "$ERR" "--status: must be one of proposed, active, done, dropped"
t strategy add Bad --owner 99
expect_rc "an unknown owner exits 4" 4
expect_contains "it names --owner" "$ERR" "--owner: no person with id 99"
t strategy add Bad --unit 99
expect_rc "an unknown unit exits 4" 4
expect_contains "it names --unit" "$ERR" "--unit: no unit with id 99"
t strategy add ""
expect_rc "an empty name exits 3" 3
t strategy set 1 --status finished
expect_rc "set: a bad status exits 3" 3
t strategy set 9 --status done
expect_rc "set: an unknown strategy exits 4" 4
expect_contains "it is named" "$ERR" "no strategy with id 9"
expect_eq "no refused strategy wrote anything" "$before" "$(digest strategy)"

# --- links ----------------------------------------------------------------------------------
t strategy link 1 --plan 1
expect_rc "link" 0
expect_eq "link says so" "plan 1 carries out strategy 1" "$OUT"
before=$(digest plan_strategy)
t strategy link 1 --plan 1
expect_rc "linking twice exits 5" 5
expect_contains "it names --plan" "$ERR" "--plan: plan 1 already carries out strategy 1"
t strategy link 1 --plan 99
expect_rc "an unknown plan exits 4" 4
expect_contains "an unknown plan is named" "$ERR" "--plan: no plan with id 99"
t strategy link 99 --plan 1
expect_rc "an unknown strategy exits 4" 4
expect_contains "an unknown strategy is named" "$ERR" "no strategy with id 99"
t strategy link 1
expect_rc "no plan exits 3" 3
t strategy unlink 1 --plan 2
expect_rc "unlinking a plan not linked exits 4" 4
expect_contains "it says so" "$ERR" "--plan: plan 2 does not carry out strategy 1"
expect_eq "no refused link wrote anything" "$before" "$(digest plan_strategy)"

# progress of P1: step a 3 h at 50 %, step b 1 h at 0 %:
# (50 x 180 + 0 x 60) / 240 = 37.5 %
t step add a --plan 1 --estimate-hours 3
t step set 1 --pct 50
t step add b --plan 1 --estimate-hours 1
t strategy show 1 --json
expect_eq "show: the plans with their progress" "1:P1:active:37.5" \
	"$(jqo '[.plans[] | "\(.id):\(.name):\(.status):\(.progress)"] | join(",")')"
t strategy show 1
expect_contains "the table" "$OUT" "37.50%"

# rm: refused while a plan is linked, naming it
before=$(dbsum "$DB" strategy plan_strategy)
t strategy rm 1
expect_rc "rm with a plan exits 5" 5
expect_contains "it names the plan" "$ERR" "strategy 1 still has 1 plan (1 P1): unlink them first"
t strategy rm 99
expect_rc "rm of an unknown strategy exits 4" 4
expect_eq "no refused rm wrote anything" "$before" "$(dbsum "$DB" strategy plan_strategy)"
t strategy rm 2
expect_rc "rm without plans" 0
expect_eq "gone" 0 "$(sql 'SELECT count(*) FROM strategy WHERE id = 2')"

# --- gaps, worked by hand ----------------------------------------------------------------------
# strategies: 1 Grow (Sales, active, P1), 3 East push (East, active, no plan),
# 4 Other bet (Other, active, only P4 which is cancelled), 5 Old (Sales,
# dropped, P3), 6 Org bet (organization, active, no plan), 7 Later (Sales,
# proposed, no plan).
t strategy add "East push" --unit 3
t strategy add "Other bet" --unit 4
t strategy link 4 --plan 4
t strategy add Old --unit 2 --status dropped
t strategy link 5 --plan 3
t strategy add "Org bet"
t strategy add Later --unit 2 --status proposed
# without execution: active, with no plan but cancelled ones: 3, 4, 6 (7 is
# only proposed). Without direction: open plans (draft, active, on hold)
# with no strategy but dropped ones: P2, P3 (only the dropped Old), P6;
# P1 has Grow, P4 is cancelled, P5 done.
gaps() {
	t strategy gaps "$@" --json
	jqo '"\([.no_plan[].id] | join(",")) \([.no_strategy[].id] | join(",")) \(.no_plan_count) \(.no_strategy_count)"'
}
expect_eq "the whole organization" "3,4,6 2,3,6 3 3" "$(gaps)"
# Sales' subtree is Sales and East: strategies 3; plans P3 (East), P6
expect_eq "Sales and East" "3 3,6 1 2" "$(gaps --unit 2)"
expect_eq "East alone" "3 3 1 1" "$(gaps --unit 3)"
expect_eq "Other" "4 2 1 1" "$(gaps --unit 4)"
t strategy gaps --unit 99
expect_rc "gaps of an unknown unit exits 4" 4
t strategy gaps
expect_contains "the table says both" "$OUT" "direction without execution: 3 active strategies with no plan"
expect_contains "and the reverse" "$OUT" "execution without direction: 3 open plans with no strategy"
# a link closes both gaps at once; a strategy set done leaves the list
t strategy link 3 --plan 6
expect_eq "East push with P6" "4,6 2,3 2 2" "$(gaps)"
t strategy set 4 --status done
expect_eq "Other bet done" "6 2,3 1 2" "$(gaps)"

# --- list ------------------------------------------------------------------------------------------
t strategy list --json
expect_eq "list: all, by id" "1,3,4,5,6,7" "$(jqo '[.items[].id] | join(",")')"
t strategy list --unit 3 --json
expect_eq "--unit 3: East's, with the organization's" "3,6" "$(jqo '[.items[].id] | join(",")')"
t strategy list --unit 2 --status active --json
expect_eq "--unit 2 --status active" "1,3,6" "$(jqo '[.items[].id] | join(",")')"
t strategy list --status nope
expect_rc "a bad status filter exits 3" 3
t strategy list
expect_contains "the table says no plan" "$OUT" "no plan"

finish
