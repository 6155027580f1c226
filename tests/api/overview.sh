# overview: /manage and /api/v1/overview count what needs attention per
# management process, for a unit's subtree or the whole organization,
# and only within what the actor may read.
source "$(dirname "$0")/../lib.sh"

TODAY=$(date -u +%F)
OLD=2020-01-06		# long past: its steps are overdue, its hours out of 28 days

# units 1 Root { 2 Sub }, 3 Other; Ann (1) in Root manages Ben (2) in Sub;
# Cat (3) in Other
t unit add Root
t unit add Sub --parent 1
t unit add Other
t person add Ann --email ann@t.test --unit 1
t person add Ben --email ben@t.test --unit 2 --manager 1
t person add Cat --email cat@t.test --unit 3
# plans: P1 (Root, active), P2 (Sub, draft), P3 (Other, done)
t plan add P1 --unit 1 --start-date 2026-03-02 --status active
t plan add P2 --unit 2 --start-date 2026-03-02
t plan add P3 --unit 3 --start-date 2026-03-02 --status done
# steps: S1 (P1) overdue; S2 (P2) overdue; S3 (P2) due in 2099; S4 (P3) overdue
t step add S1 --plan 1 --due $OLD
t step add S2 --plan 2 --due $OLD
t step add S3 --plan 2 --due 2099-01-01
t step add S4 --plan 3 --due $OLD
# time: Ben 90 min today, 30 min in 2020; Cat 60 min today
t time log --person 2 --step 2 --day "$TODAY" --minutes 90
t time log --person 2 --step 2 --day $OLD --minutes 30
t time log --person 3 --step 4 --day "$TODAY" --minutes 60
expect_eq "fixture" "3|3|3|4|3" \
	"$(sql 'SELECT (SELECT count(*) FROM unit), (SELECT count(*) FROM person), (SELECT count(*) FROM plan), (SELECT count(*) FROM step), (SELECT count(*) FROM time_entry)')"
# the management records, written directly (their own tests cover their
# commands): targets T1 (Root, served by P1), T2 (Sub, no plan), T3
# (Other, no plan); a budget for P2 only; positions: Root 2 seats with Ann,
# Sub 3 seats with Ben; Other 1 seat, empty; problems: Root open and past
# due, Sub open due 2099, Sub closed, Other open
sql "INSERT INTO target (name, baseline, goal, period_from, period_to, unit_id) VALUES
	('T1', 0, 100, '2026-01-01', '2026-12-31', 1), ('T2', 0, 100, '2026-01-01', '2026-12-31', 2),
	('T3', 0, 100, '2026-01-01', '2026-12-31', 3);
	INSERT INTO plan_target (plan_id, target_id) VALUES (1, 1);
	INSERT INTO budget (unit_id, plan_id, category, amount_cents) VALUES (2, 2, 'labour', 100000);
	INSERT INTO position (unit_id, title, headcount) VALUES (1, 'Head', 2), (2, 'Analyst', 3), (3, 'Clerk', 1);
	INSERT INTO staffing (position_id, person_id, since) VALUES (1, 1, '2026-01-01'), (2, 2, '2026-01-01');
	INSERT INTO problem (unit_id, rule, title, found, due, status) VALUES
	(1, 'manual', 'A', '2026-01-01', '$OLD', 'open'), (2, 'manual', 'B', '2026-01-01', '2099-01-01', 'investigating'),
	(2, 'manual', 'C', '2026-01-01', '$OLD', 'closed'), (3, 'manual', 'D', '2026-01-01', NULL, 'open');" >/dev/null

start_server || { fail "server starts"; finish; exit 1; }
V=/api/v1

# The whole organization (admin): targets 3, 2 of them with no plan;
# open plans P1, P2 (P3 is done), of which P1 has no budget; people 3,
# managers 1 (Ann); positions 3, seats 2+3+1 = 6, filled 2, vacancies 4;
# overdue steps S1, S2 (S4 is in a done plan but the step is not done:
# it counts too: 3); open problems A, B, D = 3, past due: A = 1; hours in
# 28 days: 90 + 60 = 150 min = 2.5 h (the 2020 entry is out).
api GET $V/overview
expect_eq "overview: 200" 200 "$STATUS"
expect_eq "org: planning" "3 2 2 1" "$(jqb '.planning_and_budgeting | "\(.targets) \(.targets_without_plan) \(.open_plans) \(.open_plans_without_budget)"')"
expect_eq "org: staffing" "3 1 3 6 2 4" "$(jqb '.organizing_and_staffing | "\(.people) \(.managers) \(.positions) \(.seats) \(.filled) \(.vacancies)"')"
expect_eq "org: controlling" "3 3 1 2.5" "$(jqb '.controlling_and_problem_solving | "\(.overdue_steps) \(.open_problems) \(.overdue_problems) \(.hours_last_28_days)"')"
expect_eq "org: no unit, as of today" "null $TODAY" "$(jqb '"\(.unit_id) \(.as_of)"')"

# Root's subtree (Root + Sub): targets T1, T2 (T2 unplanned); plans P1,
# P2 open, P1 unbudgeted; people Ann, Ben; managers Ann; positions 2,
# seats 5, filled 2, vacancies 3; overdue S1, S2; problems A, B open, A
# past due; hours: Ben's 90 min today = 1.5 h
api GET "$V/overview?unit_id=1"
expect_eq "Root: planning" "2 1 2 1" "$(jqb '.planning_and_budgeting | "\(.targets) \(.targets_without_plan) \(.open_plans) \(.open_plans_without_budget)"')"
expect_eq "Root: staffing" "2 1 2 5 2 3" "$(jqb '.organizing_and_staffing | "\(.people) \(.managers) \(.positions) \(.seats) \(.filled) \(.vacancies)"')"
expect_eq "Root: controlling" "2 2 1 1.5" "$(jqb '.controlling_and_problem_solving | "\(.overdue_steps) \(.open_problems) \(.overdue_problems) \(.hours_last_28_days)"')"

# Sub alone: T2; P2 (budgeted); Ben, no manager below; 1 position, 3
# seats, 1 filled; S2 overdue; B open, not past due; 1.5 h
api GET "$V/overview?unit_id=2"
expect_eq "Sub: all figures" "1 1 1 0 | 1 0 1 3 1 2 | 1 1 0 1.5" \
	"$(jqb '"\(.planning_and_budgeting | "\(.targets) \(.targets_without_plan) \(.open_plans) \(.open_plans_without_budget)") | \(.organizing_and_staffing | "\(.people) \(.managers) \(.positions) \(.seats) \(.filled) \(.vacancies)") | \(.controlling_and_problem_solving | "\(.overdue_steps) \(.open_problems) \(.overdue_problems) \(.hours_last_28_days)")"')"

api GET "$V/overview?unit_id=9"
expect_eq "an unknown unit: 404 naming unit_id" "404 unit_id" "$STATUS $(jqb .error.field)"
api GET "$V/overview?unit=1"
expect_eq "an unknown parameter: 400" "400 unit" "$STATUS $(jqb .error.field)"

# A manager of Sub (Ben) sees Sub's figures without asking, and not Root's.
run "$TANDEM" user add --person 2 --role manager
id=$(sql "SELECT id FROM account WHERE person_id = 2")
BEN=$("$TANDEM" --db "$DB" token add --user "$id" --name t | tail -n 1)
ben() { STATUS=$(curl -q -s -o "$TMP/body" -w '%{http_code}' -H "Authorization: Bearer $BEN" "$URL$1"); BODY=$(cat "$TMP/body"); }
ben "$V/overview"
expect_eq "manager: scoped to Sub" "200 2 1 3" "$STATUS $(jqb '"\(.unit_id) \(.planning_and_budgeting.targets) \(.organizing_and_staffing.seats)"')"
ben "$V/overview?unit_id=1"
expect_eq "manager: Root is outside, 404" 404 "$STATUS"

# The page shows the three processes with the same figures.
ben "/manage"
expect_eq "page: 200" 200 "$STATUS"
expect_contains "page: the planning card" "$BODY" '<h2 id="mg-plan">Planning and budgeting</h2>'
expect_contains "page: the staffing card" "$BODY" '<h2 id="mg-org">Organizing and staffing</h2>'
expect_contains "page: the controlling card" "$BODY" '<h2 id="mg-ctl">Controlling and problem solving</h2>'
expect_contains "page: Sub's vacancies" "$BODY" '<span class="mg-n">2</span> vacancies'
expect_contains "page: Sub's overdue step" "$BODY" '<span class="mg-n">1</span> overdue steps'
ben "/manage?unit_id=1"
expect_eq "page: Root is outside, 404" 404 "$STATUS"

stop_server
finish
