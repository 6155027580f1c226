/* migrations: the schema, as numbered steps embedded in the binary.
 *
 * Rules, so that both backends share every line: {{ID}} for an
 * auto-increment primary key; {{TEXT}} for text (byte order on both, so
 * names sort alike); BIGINT for integers and foreign keys;
 * {{TEXT}} "YYYY-MM-DD" for dates (they sort and compare as text); money in
 * cents and durations in minutes as integers; no backend-specific
 * functions. A released migration is never edited: add a new one. */
#include "store/backend.h"

static const char m1_foundation[] =
	"CREATE TABLE schema_version (\n"
	"  version BIGINT PRIMARY KEY,\n"
	"  name {{TEXT}} NOT NULL\n"
	");\n"
	"CREATE TABLE unit (\n"
	"  id {{ID}},\n"
	"  name {{TEXT}} NOT NULL,\n"
	"  parent_id BIGINT REFERENCES unit(id)\n"
	");\n"
	"CREATE INDEX unit_parent ON unit(parent_id);\n"
	"CREATE TABLE person (\n"
	"  id {{ID}},\n"
	"  name {{TEXT}} NOT NULL,\n"
	"  email {{TEXT}} NOT NULL UNIQUE,\n"
	"  unit_id BIGINT NOT NULL REFERENCES unit(id),\n"
	"  manager_id BIGINT REFERENCES person(id),\n"
	"  title {{TEXT}} NOT NULL DEFAULT '',\n"
	"  rate_cents BIGINT NOT NULL DEFAULT 0 CHECK (rate_cents >= 0),\n"
	"  capacity_minutes BIGINT NOT NULL DEFAULT 2400\n"
	"    CHECK (capacity_minutes BETWEEN 0 AND 10080)\n"
	");\n"
	"CREATE INDEX person_unit ON person(unit_id);\n"
	"CREATE INDEX person_manager ON person(manager_id);\n"
	"CREATE TABLE plan (\n"
	"  id {{ID}},\n"
	"  name {{TEXT}} NOT NULL,\n"
	"  owner_id BIGINT REFERENCES person(id),\n"
	"  unit_id BIGINT NOT NULL REFERENCES unit(id),\n"
	"  start_date {{TEXT}} NOT NULL,\n"
	"  status {{TEXT}} NOT NULL DEFAULT 'draft'\n"
	"    CHECK (status IN ('draft','active','on_hold','done','cancelled'))\n"
	");\n"
	"CREATE INDEX plan_unit ON plan(unit_id);\n"
	"CREATE INDEX plan_owner ON plan(owner_id);\n"
	"CREATE INDEX plan_status ON plan(status);\n"
	"CREATE TABLE step (\n"
	"  id {{ID}},\n"
	"  plan_id BIGINT NOT NULL REFERENCES plan(id),\n"
	"  name {{TEXT}} NOT NULL,\n"
	"  assignee_id BIGINT REFERENCES person(id),\n"
	"  estimate_minutes BIGINT NOT NULL DEFAULT 0 CHECK (estimate_minutes >= 0),\n"
	"  duration_days BIGINT NOT NULL DEFAULT 1 CHECK (duration_days >= 0),\n"
	"  due {{TEXT}},\n"
	"  status {{TEXT}} NOT NULL DEFAULT 'todo'\n"
	"    CHECK (status IN ('todo','doing','done','blocked'))\n"
	");\n"
	/* one index per CLI/API filter; (plan_id, status) also answers
	 * the common "this plan's open steps" count from the index alone */
	"CREATE INDEX step_plan_status ON step(plan_id, status);\n"
	"CREATE INDEX step_assignee_status ON step(assignee_id, status);\n"
	"CREATE INDEX step_status ON step(status);\n"
	"CREATE INDEX step_due ON step(due);\n"
	"CREATE TABLE step_dep (\n"
	"  step_id BIGINT NOT NULL REFERENCES step(id) ON DELETE CASCADE,\n"
	"  depends_on BIGINT NOT NULL REFERENCES step(id) ON DELETE CASCADE,\n"
	"  lag_days BIGINT NOT NULL DEFAULT 0,\n"
	"  PRIMARY KEY (step_id, depends_on),\n"
	"  CHECK (step_id <> depends_on)\n"
	");\n"
	"CREATE INDEX step_dep_on ON step_dep(depends_on);\n"
	"CREATE TABLE time_entry (\n"
	"  id {{ID}},\n"
	"  person_id BIGINT NOT NULL REFERENCES person(id),\n"
	"  step_id BIGINT NOT NULL REFERENCES step(id),\n"
	"  day {{TEXT}} NOT NULL,\n"
	"  minutes BIGINT NOT NULL CHECK (minutes BETWEEN 1 AND 1440),\n"
	"  note {{TEXT}} NOT NULL DEFAULT ''\n"
	");\n"
	"CREATE INDEX time_person_day ON time_entry(person_id, day, minutes);\n"
	"CREATE INDEX time_step ON time_entry(step_id);\n"
	"CREATE INDEX time_day ON time_entry(day);\n"
	"CREATE TABLE tool (\n"
	"  id {{ID}},\n"
	"  name {{TEXT}} NOT NULL,\n"
	"  cost_cents BIGINT NOT NULL DEFAULT 0 CHECK (cost_cents >= 0),\n"
	"  plan_id BIGINT REFERENCES plan(id),\n"
	"  step_id BIGINT REFERENCES step(id),\n"
	"  CHECK (plan_id IS NULL OR step_id IS NULL)\n"
	");\n"
	"CREATE INDEX tool_plan ON tool(plan_id);\n"
	"CREATE INDEX tool_step ON tool(step_id);\n";

static const char m2_accounts[] =
	"CREATE TABLE account (\n"
	"  id {{ID}},\n"
	"  person_id BIGINT UNIQUE REFERENCES person(id),\n"
	"  login {{TEXT}} NOT NULL UNIQUE,\n"
	"  role {{TEXT}} NOT NULL CHECK (role IN ('admin','manager','member','viewer')),\n"
	"  pw_hash {{TEXT}} NOT NULL,\n"
	"  created_at BIGINT NOT NULL,\n"
	/* an account belongs to a person; only an admin may stand alone
	 * (the operator's, or one for scripts) */
	"  CHECK (person_id IS NOT NULL OR role = 'admin')\n"
	");\n"
	/* sessions and API tokens: only a hash of the token is kept */
	"CREATE TABLE token (\n"
	"  id {{ID}},\n"
	"  account_id BIGINT NOT NULL REFERENCES account(id) ON DELETE CASCADE,\n"
	"  kind {{TEXT}} NOT NULL CHECK (kind IN ('session','api')),\n"
	"  hash {{TEXT}} NOT NULL UNIQUE,\n"
	"  csrf {{TEXT}} NOT NULL DEFAULT '',\n"
	"  name {{TEXT}} NOT NULL DEFAULT '',\n"
	"  created_at BIGINT NOT NULL,\n"
	"  expires_at BIGINT NOT NULL,\n"
	"  last_used BIGINT\n"
	");\n"
	"CREATE INDEX token_account ON token(account_id, kind);\n"
	"CREATE TABLE login_failure (\n"
	"  id {{ID}},\n"
	"  login {{TEXT}} NOT NULL,\n"
	"  address {{TEXT}} NOT NULL,\n"
	"  at BIGINT NOT NULL\n"
	");\n"
	"CREATE INDEX login_failure_login ON login_failure(login, at);\n"
	"CREATE INDEX login_failure_address ON login_failure(address, at);\n"
	/* no foreign key: the record outlives the account */
	"CREATE TABLE audit (\n"
	"  id {{ID}},\n"
	"  at BIGINT NOT NULL,\n"
	"  account_id BIGINT,\n"
	"  actor {{TEXT}} NOT NULL,\n"
	"  via {{TEXT}} NOT NULL CHECK (via IN ('cli','api','ui')),\n"
	"  action {{TEXT}} NOT NULL,\n"
	"  entity_id BIGINT,\n"
	"  detail {{TEXT}} NOT NULL DEFAULT ''\n"
	");\n"
	"CREATE INDEX audit_at ON audit(at);\n";


/* The management system, whole (DESIGN.md §2). Activity classes are
 * Kotter's six processes split finer: management's planning, budgeting,
 * organizing, staffing, controlling, problem-solving; leadership's
 * direction, aligning, motivating, change. */
#define ACTIVITIES                                                              \
	"('planning','budgeting','organizing','staffing','controlling',"           \
	"'problem-solving','direction','aligning','motivating','change')"

static const char m3_management[] =
	/* organization-wide settings: the working week, tolerances... */
	"CREATE TABLE setting (\n"
	"  key {{TEXT}} PRIMARY KEY,\n"
	"  value {{TEXT}} NOT NULL\n"
	");\n"
	"CREATE TABLE holiday (\n"
	"  day {{TEXT}} PRIMARY KEY,\n"
	"  name {{TEXT}} NOT NULL\n"
	");\n"
	/* targets: values are decimals kept x100 */
	"CREATE TABLE target (\n"
	"  id {{ID}},\n"
	"  name {{TEXT}} NOT NULL,\n"
	"  measure {{TEXT}} NOT NULL DEFAULT '',\n"
	"  baseline BIGINT NOT NULL,\n"
	"  goal BIGINT NOT NULL,\n"
	"  period_from {{TEXT}} NOT NULL,\n"
	"  period_to {{TEXT}} NOT NULL,\n"
	"  unit_id BIGINT NOT NULL REFERENCES unit(id),\n"
	"  owner_id BIGINT REFERENCES person(id),\n"
	"  CHECK (period_to >= period_from)\n"
	");\n"
	"CREATE INDEX target_unit ON target(unit_id);\n"
	"CREATE TABLE target_value (\n"
	"  id {{ID}},\n"
	"  target_id BIGINT NOT NULL REFERENCES target(id) ON DELETE CASCADE,\n"
	"  day {{TEXT}} NOT NULL,\n"
	"  value BIGINT NOT NULL,\n"
	"  note {{TEXT}} NOT NULL DEFAULT ''\n"
	");\n"
	"CREATE INDEX target_value_target ON target_value(target_id, day);\n"
	"CREATE TABLE plan_target (\n"
	"  plan_id BIGINT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,\n"
	"  target_id BIGINT NOT NULL REFERENCES target(id) ON DELETE CASCADE,\n"
	"  PRIMARY KEY (plan_id, target_id)\n"
	");\n"
	"CREATE INDEX plan_target_target ON plan_target(target_id);\n"
	/* budget lines: a plan's (unit_id is the plan's unit; the period may
	 * be left out) or a unit's for a period */
	"CREATE TABLE budget (\n"
	"  id {{ID}},\n"
	"  unit_id BIGINT NOT NULL REFERENCES unit(id),\n"
	"  plan_id BIGINT REFERENCES plan(id),\n"
	"  category {{TEXT}} NOT NULL CHECK (category IN ('labour','tools','other')),\n"
	"  amount_cents BIGINT NOT NULL CHECK (amount_cents >= 0),\n"
	"  period_from {{TEXT}},\n"
	"  period_to {{TEXT}},\n"
	"  note {{TEXT}} NOT NULL DEFAULT '',\n"
	"  CHECK (period_to >= period_from),\n"
	"  CHECK (plan_id IS NOT NULL OR (period_from IS NOT NULL AND period_to IS NOT NULL))\n"
	");\n"
	"CREATE INDEX budget_plan ON budget(plan_id);\n"
	"CREATE INDEX budget_unit ON budget(unit_id, period_from);\n"
	"CREATE TABLE expense (\n"
	"  id {{ID}},\n"
	"  plan_id BIGINT NOT NULL REFERENCES plan(id),\n"
	"  step_id BIGINT REFERENCES step(id),\n"
	"  category {{TEXT}} NOT NULL CHECK (category IN ('labour','tools','other')),\n"
	"  amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),\n"
	"  day {{TEXT}} NOT NULL,\n"
	"  note {{TEXT}} NOT NULL DEFAULT ''\n"
	");\n"
	"CREATE INDEX expense_plan ON expense(plan_id, day);\n"
	/* a step's activity class is the default of its time entries; an
	 * entry keeps the class it was logged with. An entry keeps its cost
	 * (minutes x the person's rate when logged), so a later raise does
	 * not rewrite history. */
	"ALTER TABLE step ADD COLUMN activity {{TEXT}} CHECK (activity IN " ACTIVITIES ");\n"
	"ALTER TABLE step ADD COLUMN pct BIGINT NOT NULL DEFAULT 0 CHECK (pct BETWEEN 0 AND 100);\n"
	"UPDATE step SET pct = 100 WHERE status = 'done';\n"
	"ALTER TABLE time_entry ADD COLUMN activity {{TEXT}} CHECK (activity IN " ACTIVITIES ");\n"
	"ALTER TABLE time_entry ADD COLUMN cost_cents BIGINT NOT NULL DEFAULT 0;\n"
	"UPDATE time_entry SET cost_cents = (minutes * (SELECT rate_cents FROM person p "
	"WHERE p.id = time_entry.person_id) + 30) / 60;\n"
	/* percent complete over time, for earned value as of a past day */
	"CREATE TABLE step_progress (\n"
	"  step_id BIGINT NOT NULL REFERENCES step(id) ON DELETE CASCADE,\n"
	"  day {{TEXT}} NOT NULL,\n"
	"  pct BIGINT NOT NULL CHECK (pct BETWEEN 0 AND 100),\n"
	"  PRIMARY KEY (step_id, day)\n"
	");\n"
	/* organizing and staffing: skill levels 1-5 */
	"CREATE TABLE skill (\n"
	"  id {{ID}},\n"
	"  name {{TEXT}} NOT NULL UNIQUE,\n"
	"  description {{TEXT}} NOT NULL DEFAULT ''\n"
	");\n"
	"CREATE TABLE person_skill (\n"
	"  person_id BIGINT NOT NULL REFERENCES person(id) ON DELETE CASCADE,\n"
	"  skill_id BIGINT NOT NULL REFERENCES skill(id),\n"
	"  level BIGINT NOT NULL CHECK (level BETWEEN 1 AND 5),\n"
	"  PRIMARY KEY (person_id, skill_id)\n"
	");\n"
	"CREATE INDEX person_skill_skill ON person_skill(skill_id);\n"
	"CREATE TABLE position (\n"
	"  id {{ID}},\n"
	"  unit_id BIGINT NOT NULL REFERENCES unit(id),\n"
	"  title {{TEXT}} NOT NULL,\n"
	"  headcount BIGINT NOT NULL DEFAULT 1 CHECK (headcount BETWEEN 0 AND 100000)\n"
	");\n"
	"CREATE INDEX position_unit ON position(unit_id);\n"
	"CREATE TABLE position_skill (\n"
	"  position_id BIGINT NOT NULL REFERENCES position(id) ON DELETE CASCADE,\n"
	"  skill_id BIGINT NOT NULL REFERENCES skill(id),\n"
	"  level BIGINT NOT NULL CHECK (level BETWEEN 1 AND 5),\n"
	"  PRIMARY KEY (position_id, skill_id)\n"
	");\n"
	"CREATE INDEX position_skill_skill ON position_skill(skill_id);\n"
	"CREATE TABLE staffing (\n"
	"  id {{ID}},\n"
	"  position_id BIGINT NOT NULL REFERENCES position(id),\n"
	"  person_id BIGINT NOT NULL REFERENCES person(id),\n"
	"  since {{TEXT}} NOT NULL,\n"
	"  UNIQUE (position_id, person_id)\n"
	");\n"
	"CREATE INDEX staffing_person ON staffing(person_id);\n"
	/* RACI: one role per person and step; one Accountable per step */
	"CREATE TABLE raci (\n"
	"  step_id BIGINT NOT NULL REFERENCES step(id) ON DELETE CASCADE,\n"
	"  person_id BIGINT NOT NULL REFERENCES person(id),\n"
	"  role {{TEXT}} NOT NULL CHECK (role IN ('R','A','C','I')),\n"
	"  PRIMARY KEY (step_id, person_id)\n"
	");\n"
	"CREATE UNIQUE INDEX raci_one_accountable ON raci(step_id) WHERE role = 'A';\n"
	"CREATE INDEX raci_person ON raci(person_id);\n"
	/* a plan sent to the people in it */
	"CREATE TABLE publication (\n"
	"  id {{ID}},\n"
	"  plan_id BIGINT NOT NULL REFERENCES plan(id),\n"
	"  at BIGINT NOT NULL,\n"
	"  by_name {{TEXT}} NOT NULL DEFAULT '',\n"
	"  note {{TEXT}} NOT NULL DEFAULT ''\n"
	");\n"
	"CREATE INDEX publication_plan ON publication(plan_id);\n"
	"CREATE TABLE publication_to (\n"
	"  publication_id BIGINT NOT NULL REFERENCES publication(id) ON DELETE CASCADE,\n"
	"  person_id BIGINT NOT NULL REFERENCES person(id),\n"
	"  PRIMARY KEY (publication_id, person_id)\n"
	");\n"
	"CREATE INDEX publication_to_person ON publication_to(person_id);\n"
	/* a unit's own tolerance for a deviation rule (the organization's
	 * are settings) */
	"CREATE TABLE tolerance (\n"
	"  unit_id BIGINT NOT NULL REFERENCES unit(id),\n"
	"  rule {{TEXT}} NOT NULL,\n"
	"  value BIGINT NOT NULL,\n"
	"  PRIMARY KEY (unit_id, rule)\n"
	");\n"
	/* problems: one open problem per rule and subject */
	"CREATE TABLE problem (\n"
	"  id {{ID}},\n"
	"  unit_id BIGINT NOT NULL REFERENCES unit(id),\n"
	"  rule {{TEXT}} NOT NULL,\n"
	"  subject_kind {{TEXT}} NOT NULL DEFAULT '',\n"
	"  subject_id BIGINT,\n"
	"  title {{TEXT}} NOT NULL,\n"
	"  detail {{TEXT}} NOT NULL DEFAULT '',\n"
	"  severity BIGINT NOT NULL DEFAULT 2 CHECK (severity BETWEEN 1 AND 3),\n"
	"  found {{TEXT}} NOT NULL,\n"
	"  root_cause {{TEXT}} NOT NULL DEFAULT '',\n"
	"  action {{TEXT}} NOT NULL DEFAULT '',\n"
	"  owner_id BIGINT REFERENCES person(id),\n"
	"  due {{TEXT}},\n"
	"  status {{TEXT}} NOT NULL DEFAULT 'open'\n"
	"    CHECK (status IN ('open','investigating','acting','closed')),\n"
	"  closed {{TEXT}}\n"
	");\n"
	"CREATE UNIQUE INDEX problem_open_once ON problem(rule, subject_kind, subject_id) "
	"WHERE status <> 'closed';\n"
	"CREATE INDEX problem_unit ON problem(unit_id, status);\n";

/* Earned value's aggregates, kept in the same transaction as every
 * write that changes them (src/manage/ledger.c; `tandem control verify`
 * recomputes and compares). Per plan: the totals; the cost (time entries
 * and expenses) and the earned weight by day, so that "as of D" is the
 * total minus the days after D; the planned weight by working day of the
 * plan's schedule (micro-minutes, cumulative), so that PV is one seek.
 * Weights are max(estimate minutes, 1); earned = weight x percent. The
 * planned curve needs the critical path, which SQL cannot compute: plans
 * are filled with planned_ok = 0 and read it from the schedule until
 * their next write (or `control verify --fix`). */
#define EVM_WEIGHT "(CASE WHEN s.estimate_minutes > 1 THEN s.estimate_minutes ELSE 1 END)"

static const char m4_earned_value[] =
	"CREATE TABLE evm_plan (\n"
	"  plan_id BIGINT PRIMARY KEY,\n"
	"  bac_cents BIGINT NOT NULL DEFAULT 0,\n"
	"  weight BIGINT NOT NULL DEFAULT 0,\n"
	"  earned BIGINT NOT NULL DEFAULT 0,\n"
	"  time_cents BIGINT NOT NULL DEFAULT 0,\n"
	"  expense_cents BIGINT NOT NULL DEFAULT 0,\n"
	"  tool_cents BIGINT NOT NULL DEFAULT 0,\n"
	"  planned_ok BIGINT NOT NULL DEFAULT 0,\n"
	/* the last day of its evm_cost and evm_earned rows, and the last
	 * point of its curve: "as of D" skips the seeks D does not need */
	"  cost_last {{TEXT}},\n"
	"  earned_last {{TEXT}},\n"
	"  planned_last_k BIGINT NOT NULL DEFAULT -1,\n"
	"  planned_total BIGINT NOT NULL DEFAULT 0\n"
	");\n"
	"CREATE TABLE evm_cost (\n"
	"  plan_id BIGINT NOT NULL,\n"
	"  day {{TEXT}} NOT NULL,\n"
	"  cents BIGINT NOT NULL,\n"
	"  PRIMARY KEY (plan_id, day)\n"
	");\n"
	"CREATE TABLE evm_earned (\n"
	"  plan_id BIGINT NOT NULL,\n"
	"  day {{TEXT}} NOT NULL,\n"
	"  amount BIGINT NOT NULL,\n"
	"  PRIMARY KEY (plan_id, day)\n"
	");\n"
	"CREATE TABLE evm_planned (\n"
	"  plan_id BIGINT NOT NULL,\n"
	"  k BIGINT NOT NULL,\n"
	"  amount BIGINT NOT NULL,\n"
	"  PRIMARY KEY (plan_id, k)\n"
	");\n"
	"INSERT INTO evm_cost (plan_id, day, cents) SELECT plan_id, day, sum(cents) FROM ("
	"SELECT s.plan_id AS plan_id, t.day AS day, t.cost_cents AS cents FROM time_entry t "
	"JOIN step s ON s.id = t.step_id UNION ALL "
	"SELECT plan_id, day, amount_cents FROM expense) x "
	"GROUP BY plan_id, day HAVING sum(cents) <> 0;\n"
	"INSERT INTO evm_earned (plan_id, day, amount) SELECT s.plan_id, p.day, "
	"sum(" EVM_WEIGHT " * (p.pct - coalesce((SELECT q.pct FROM step_progress q "
	"WHERE q.step_id = p.step_id AND q.day < p.day ORDER BY q.day DESC LIMIT 1), 0))) "
	"FROM step_progress p JOIN step s ON s.id = p.step_id GROUP BY s.plan_id, p.day "
	"HAVING sum(" EVM_WEIGHT " * (p.pct - coalesce((SELECT q.pct FROM step_progress q "
	"WHERE q.step_id = p.step_id AND q.day < p.day ORDER BY q.day DESC LIMIT 1), 0))) <> 0;\n"
	"INSERT INTO evm_plan (plan_id, bac_cents, weight, earned, time_cents, expense_cents, "
	"tool_cents, planned_ok) SELECT p.id, "
	"(SELECT coalesce(sum(b.amount_cents), 0) FROM budget b WHERE b.plan_id = p.id), "
	"(SELECT coalesce(sum(" EVM_WEIGHT "), 0) FROM step s WHERE s.plan_id = p.id), "
	"(SELECT coalesce(sum(" EVM_WEIGHT " * s.pct), 0) FROM step s WHERE s.plan_id = p.id "
	"AND NOT EXISTS (SELECT 1 FROM step_progress q WHERE q.step_id = s.id)) + "
	"(SELECT coalesce(sum(x.amount), 0) FROM evm_earned x WHERE x.plan_id = p.id), "
	"(SELECT coalesce(sum(t.cost_cents), 0) FROM time_entry t JOIN step s "
	"ON s.id = t.step_id WHERE s.plan_id = p.id), "
	"(SELECT coalesce(sum(x.amount_cents), 0) FROM expense x WHERE x.plan_id = p.id), "
	"(SELECT coalesce(sum(t.cost_cents), 0) FROM tool t LEFT JOIN step s "
	"ON s.id = t.step_id WHERE t.plan_id = p.id OR s.plan_id = p.id), "
	"CASE WHEN EXISTS (SELECT 1 FROM step s WHERE s.plan_id = p.id) THEN 0 ELSE 1 END "
	"FROM plan p;\n"
	"UPDATE evm_plan SET cost_last = (SELECT max(day) FROM evm_cost c "
	"WHERE c.plan_id = evm_plan.plan_id), earned_last = (SELECT max(day) FROM evm_earned x "
	"WHERE x.plan_id = evm_plan.plan_id);\n";

/* Each step's early start, in working days from its plan's first
 * working day, as the critical path gives it: kept by the ledger with
 * the plan's planned curve (the same computation), so that loads per
 * person read it instead of scheduling every plan again. Working days,
 * not dates: a holiday changes the dates, not the offsets. NULL until
 * the ledger next computes the plan (tandem control verify --fix). */
static const char m5_step_schedule[] =
	"ALTER TABLE step ADD COLUMN sched_es BIGINT;\n"
	/* a person's open steps with all that their load needs, from the
	 * index alone (it starts as step_assignee_status did, which it
	 * replaces) */
	"DROP INDEX step_assignee_status;\n"
	"CREATE INDEX step_load ON step(assignee_id, status, plan_id, estimate_minutes, pct, "
	"sched_es, duration_days);\n";

const struct migration db_migrations[] = {
	{1, "foundation: units, people, plans, steps, time, tools", m1_foundation},
	{2, "accounts, sessions and tokens, sign-in failures, the audit log", m2_accounts},
	{3, "management: calendar, targets, budgets, expenses, progress, activity classes, "
	    "skills, positions, staffing, RACI, publications, tolerances, problems",
	 m3_management},
	{4, "earned value: per-plan aggregates kept on write", m4_earned_value},
	{5, "each step's early start, kept with its plan's schedule", m5_step_schedule},
};
const int db_nmigrations = sizeof db_migrations / sizeof db_migrations[0];
