/* commands: the one command table. Help, flag parsing and dispatch are
 * generated from it by cli.c; each handler lives in cmd_<noun>.c. */
#include "balance/balance.h"
#include "cli/cli.h"
#include "lead/coalition.h"
#include "lead/note.h"
#include "lead/value.h"
#include "lead/pulse.h"
#include "lead/idea.h"
#include "lead/recognition.h"

#include "manage/demo.h"
#include "lead/stakeholder.h"
#include "manage/capacity.h"
#include "manage/raci.h"
#include "manage/calendar.h"
#include "manage/target.h"
#include "org/account.h"
#include "manage/plan.h"
#include "manage/step.h"
#include "manage/timelog.h"
#include "manage/tool.h"
#include "manage/staffing.h"
#include "org/person.h"
#include "org/unit.h"
#include "web/server.h"

/* the flags of commands that are not an entity's fields (cmd_*.c) */
extern const struct field unit_move_fields[];
extern const struct field tool_alloc_fields[];
extern const struct field position_add_fields[];
extern const struct field staff_match_fields[];
extern const struct field calendar_add_fields[];
extern const struct field calendar_rm_fields[];
extern const struct field demo_fields[];
extern const struct field serve_fields[];
extern const struct field migrate_fields[];
extern const struct field user_add_fields[];
extern const struct field user_set_fields[];
extern const struct field token_cli_fields[];
extern const struct field audit_cli_fields[];

#define OBJ(type) sizeof(struct type)

const struct cli_cmd cli_commands[] = {
	{"unit", "add", unit_add_cmd, "add a unit to the org tree", unit_fields,
	 OBJ(unit_input), CMD_WRITES | CMD_NAME | CMD_JSON, NULL},
	{"unit", "list", unit_list_cmd, "list the org tree", NULL, 0, CMD_JSON, NULL},
	{"unit", "show", unit_show_cmd, "show a unit", NULL, 0, CMD_ID | CMD_JSON, NULL},
	{"unit", "set", unit_set_cmd, "rename a unit or move it", unit_fields,
	 OBJ(unit_input), CMD_WRITES | CMD_ID | CMD_JSON | CMD_PATCH, NULL},
	{"unit", "move", unit_move_cmd, "move a unit under another (or to the top)",
	 unit_move_fields, OBJ(unit_input), CMD_WRITES | CMD_ID | CMD_JSON,
	 "--parent none makes the unit a root. A unit never moves under itself or\n"
	 "its own subtree."},
	{"unit", "rm", unit_rm_cmd, "remove a unit with no people, plans or children", NULL, 0,
	 CMD_WRITES | CMD_ID, NULL},

	{"person", "add", person_add_cmd, "add a person", person_fields, OBJ(person_input),
	 CMD_WRITES | CMD_NAME | CMD_JSON, NULL},
	{"person", "list", person_list_cmd, "list people", person_filter_fields,
	 OBJ(person_filter), CMD_JSON, NULL},
	{"person", "show", person_show_cmd, "show a person", NULL, 0, CMD_ID | CMD_JSON, NULL},
	{"person", "set", person_set_cmd, "change a person", person_fields, OBJ(person_input),
	 CMD_WRITES | CMD_ID | CMD_JSON | CMD_PATCH, NULL},
	{"person", "rm", person_rm_cmd, "remove a person nothing refers to", NULL, 0, CMD_WRITES | CMD_ID,
	 NULL},

	{"plan", "add", plan_add_cmd, "add a plan", plan_fields, OBJ(plan_input),
	 CMD_WRITES | CMD_NAME | CMD_JSON, NULL},
	{"plan", "list", plan_list_cmd, "list plans", plan_filter_fields, OBJ(plan_filter),
	 CMD_JSON, NULL},
	{"plan", "show", plan_show_cmd, "show a plan and its steps by status", NULL, 0,
	 CMD_ID | CMD_JSON, NULL},
	{"plan", "schedule", plan_schedule_cmd, "the critical path: early and late dates, float",
	 NULL, 0, CMD_ID | CMD_JSON,
	 "Each step starts when the steps it waits for end (plus their lag) and lasts\n"
	 "its duration in working days, counted from the plan's start. Float is how\n"
	 "many working days a step may slip without moving the plan's end; the steps\n"
	 "without float are the critical path."},
	{"plan", "set", plan_set_cmd, "change a plan", plan_fields, OBJ(plan_input),
	 CMD_WRITES | CMD_ID | CMD_JSON | CMD_PATCH, NULL},
	{"plan", "rm", plan_rm_cmd, "remove a plan with no steps", NULL, 0, CMD_WRITES | CMD_ID, NULL},

	{"step", "add", step_add_cmd, "add a step to a plan", step_fields, OBJ(step_input),
	 CMD_WRITES | CMD_NAME | CMD_JSON, NULL},
	{"step", "list", step_list_cmd, "list steps", step_filter_fields, OBJ(step_filter),
	 CMD_JSON, "Filters combine: --plan 3 --status todo lists plan 3's open steps."},
	{"step", "count", step_count_cmd, "count steps", step_filter_fields, OBJ(step_filter),
	 CMD_JSON, "Takes the filters of 'step list'."},
	{"step", "show", step_show_cmd, "show a step with its dependencies", NULL, 0,
	 CMD_ID | CMD_JSON, NULL},
	{"step", "set", step_set_cmd, "change a step", step_fields, OBJ(step_input),
	 CMD_WRITES | CMD_ID | CMD_JSON | CMD_PATCH,
	 "A step becomes doing or done only when every step it depends on is done,\n"
	 "and a done step reopens only while no step depending on it has started."},
	{"step", "start", step_start_cmd, "mark a step doing", NULL, 0, CMD_WRITES | CMD_ID | CMD_JSON, NULL},
	{"step", "done", step_done_cmd, "mark a step done", NULL, 0, CMD_WRITES | CMD_ID | CMD_JSON, NULL},
	{"step", "block", step_block_cmd, "mark a step blocked", NULL, 0, CMD_WRITES | CMD_ID | CMD_JSON,
	 NULL},
	{"step", "rm", step_rm_cmd, "remove a step with no time logged", NULL, 0, CMD_WRITES | CMD_ID, NULL},
	{"step", "dep add", step_dep_add_cmd, "make a step wait for another (finish-to-start)",
	 dep_fields, OBJ(dep_input), CMD_WRITES | CMD_ID | CMD_JSON,
	 "Dependencies stay within one plan; one that would close a cycle is refused\n"
	 "with the cycle named."},
	{"step", "dep rm", step_dep_rm_cmd, "remove a dependency", dep_fields, OBJ(dep_input),
	 CMD_WRITES | CMD_ID | CMD_JSON, NULL},

	{"time", "log", time_log_cmd, "log minutes worked on a step", time_fields,
	 OBJ(time_input), CMD_WRITES | CMD_JSON,
	 "A person's entries for one day add up to at most 1440 minutes."},
	{"time", "list", time_list_cmd, "list time entries with their total",
	 time_filter_fields, OBJ(time_filter), CMD_JSON, NULL},
	{"time", "rm", time_rm_cmd, "remove a time entry", NULL, 0, CMD_WRITES | CMD_ID, NULL},

	{"tool", "add", tool_add_cmd, "add a tool or asset with its cost", tool_fields,
	 OBJ(tool_input), CMD_WRITES | CMD_NAME | CMD_JSON, NULL},
	{"tool", "list", tool_list_cmd, "list tools", tool_filter_fields, OBJ(tool_filter),
	 CMD_JSON, NULL},
	{"tool", "show", tool_show_cmd, "show a tool", NULL, 0, CMD_ID | CMD_JSON, NULL},
	{"tool", "alloc", tool_alloc_cmd, "allocate a tool to a plan or a step",
	 tool_alloc_fields, OBJ(tool_input), CMD_WRITES | CMD_ID | CMD_JSON,
	 "Give --plan or --step; --plan none frees the tool."},
	{"tool", "rm", tool_rm_cmd, "remove a tool", NULL, 0, CMD_WRITES | CMD_ID, NULL},

	/* the calendar and targets */
	{"calendar", "show", calendar_show_cmd, "show the working week and the holidays",
	 holiday_filter_fields, OBJ(holiday_filter), CMD_JSON, NULL},
	{"calendar", "add", calendar_add_cmd, "add a holiday: tandem calendar add DAY --name TEXT",
	 calendar_add_fields, OBJ(holiday_input), CMD_WRITES | CMD_NAME,
	 "The argument is the holiday's day, YYYY-MM-DD:\n"
	 "  tandem calendar add 2026-12-25 --name Christmas\n"
	 "Schedules count working days: a holiday on a working weekday is not one."},
	{"calendar", "rm", calendar_rm_cmd, "remove a holiday: tandem calendar rm DAY",
	 calendar_rm_fields, OBJ(holiday_input), CMD_WRITES | CMD_NAME,
	 "The argument is the holiday's day, YYYY-MM-DD."},
	{"calendar", "set", calendar_set_cmd, "set the working week", week_fields,
	 OBJ(week_input), CMD_WRITES | CMD_JSON,
	 "Days by name or ISO number, e.g. --workdays mon,tue,wed,thu or --workdays 1234;\n"
	 "at least one."},
	{"target", "add", target_add_cmd, "add a target: a metric, baseline and goal over a period",
	 target_fields, OBJ(target_input), CMD_WRITES | CMD_NAME | CMD_JSON,
	 "Values take at most two decimals; the goal may lie below the baseline."},
	{"target", "list", target_list_cmd, "list targets with their progress and status",
	 target_filter_fields, OBJ(target_filter), CMD_JSON,
	 "progress = (current - baseline) / (goal - baseline); expected = the share of\n"
	 "the period elapsed. achieved at 100 %; off track below expected x tolerance\n"
	 "(tolerance.target, default 80 %); on track otherwise; no data without a value."},
	{"target", "show", target_show_cmd, "show a target with its history and plans",
	 target_as_of_fields, OBJ(target_filter), CMD_ID | CMD_JSON, NULL},
	{"target", "set", target_set_cmd, "change a target", target_fields, OBJ(target_input),
	 CMD_WRITES | CMD_ID | CMD_JSON | CMD_PATCH, NULL},
	{"target", "rm", target_rm_cmd, "remove a target with its values", NULL, 0,
	 CMD_WRITES | CMD_ID, NULL},
	{"target", "record", target_record_cmd, "record a value of a target",
	 target_value_fields, OBJ(target_value_input), CMD_WRITES | CMD_ID | CMD_JSON,
	 "The day must lie within the target's period. The current value is the\n"
	 "latest by day (then by the order recorded)."},
	{"target", "link", target_link_cmd, "make a plan serve a target", target_plan_fields,
	 OBJ(target_plan_input), CMD_WRITES | CMD_ID, NULL},
	{"target", "unlink", target_unlink_cmd, "stop a plan serving a target",
	 target_plan_fields, OBJ(target_plan_input), CMD_WRITES | CMD_ID, NULL},
	/* budgets, expenses, progress, activity classes */
	{"budget", "add", budget_add_cmd, "add a budget line to a plan or a unit", budget_fields,
	 OBJ(budget_input), CMD_WRITES | CMD_JSON,
	 "A plan's line: --plan P (the period is optional). A unit's line: --unit U\n"
	 "with --from and --to. Categories: labour, tools, other."},
	{"budget", "list", budget_list_cmd, "list budget lines with their total",
	 budget_filter_fields, OBJ(budget_filter), CMD_JSON, NULL},
	{"budget", "show", budget_show_cmd, "show a budget line", NULL, 0, CMD_ID | CMD_JSON, NULL},
	{"budget", "set", budget_set_cmd, "change a budget line", budget_fields, OBJ(budget_input),
	 CMD_WRITES | CMD_ID | CMD_JSON | CMD_PATCH, NULL},
	{"budget", "rm", budget_rm_cmd, "remove a budget line", NULL, 0, CMD_WRITES | CMD_ID, NULL},
	{"budget", "actual", budget_actual_cmd, "budget against actual cost, by category",
	 bva_query_fields, OBJ(bva_query), CMD_JSON,
	 "For --plan P, or --unit U (its subtree's plans and period lines, each\n"
	 "prorated by the days of its period inside --from..--to). Actual: labour\n"
	 "from the time entries' cost, tools in full, expenses by category."},
	{"expense", "add", expense_add_cmd, "record money spent on a plan", expense_fields,
	 OBJ(expense_input), CMD_WRITES | CMD_JSON,
	 "The day is on or after the plan's start; a step must be one of the plan's."},
	{"expense", "list", expense_list_cmd, "list expenses with their total",
	 expense_filter_fields, OBJ(expense_filter), CMD_JSON, NULL},
	{"expense", "show", expense_show_cmd, "show an expense", NULL, 0, CMD_ID | CMD_JSON, NULL},
	{"expense", "set", expense_set_cmd, "change an expense", expense_fields,
	 OBJ(expense_input), CMD_WRITES | CMD_ID | CMD_JSON | CMD_PATCH, NULL},
	{"expense", "rm", expense_rm_cmd, "remove an expense", NULL, 0, CMD_WRITES | CMD_ID, NULL},
	/* earned value */
	{"plan", "evm", plan_evm_cmd, "earned value of a plan: PV, EV, AC, CPI, SPI, EAC...",
	 evm_cli_fields, OBJ(evm_opts), CMD_ID | CMD_JSON,
	 "As of --as-of (today): BAC is the plan's budget lines; PV spreads each step's\n"
	 "share of BAC (by estimate) over the working days of its early schedule; EV is\n"
	 "BAC x the weighted percent complete as of that day; AC is the time logged (at\n"
	 "the rate when logged), the tools and the expenses up to that day.\n"
	 "--weekly adds PV, EV and AC week by week. See docs/evm.md."},
	{"unit", "evm", unit_evm_cmd, "earned value rolled up over the unit tree",
	 evm_cli_fields, OBJ(evm_opts), CMD_JSON | CMD_OPTARG,
	 "Each unit's figures sum the plans of its subtree (UNIT or --unit ID: only that\n"
	 "subtree); CPI and SPI are recomputed from the sums."},
	{"control", "verify", control_verify_cmd,
	 "check the earned-value aggregates against the data", verify_cli_fields,
	 OBJ(evm_opts), CMD_JSON | CMD_WRITES,
	 "Recomputes every plan's aggregates from scratch and prints each difference;\n"
	 "exits 0 when they match, 5 when they differ. --fix rewrites them."},
	/* skills, positions, staffing */
	{"skill", "add", skill_add_cmd, "add a skill to the catalogue", skill_fields,
	 OBJ(skill_input), CMD_WRITES | CMD_NAME | CMD_JSON, NULL},
	{"skill", "list", skill_list_cmd, "list skills, with how many people have each",
	 skill_filter_fields, OBJ(skill_filter), CMD_JSON,
	 "With --person, that person's skills and levels."},
	{"skill", "show", skill_show_cmd, "show a skill", NULL, 0, CMD_ID | CMD_JSON, NULL},
	{"skill", "set", skill_set_cmd, "rename or describe a skill", skill_fields,
	 OBJ(skill_input), CMD_WRITES | CMD_ID | CMD_JSON | CMD_PATCH, NULL},
	{"skill", "rm", skill_rm_cmd, "remove a skill nobody has and no position requires", NULL,
	 0, CMD_WRITES | CMD_ID, NULL},
	{"person", "skill", person_skill_cmd, "set a person's level in a skill", level_fields,
	 OBJ(level_input), CMD_WRITES | CMD_ID | CMD_JSON,
	 "Levels: 1 aware, 2 beginner, 3 practitioner, 4 advanced, 5 expert."},
	{"person", "unskill", person_unskill_cmd, "take a skill off a person", unlevel_fields,
	 OBJ(level_input), CMD_WRITES | CMD_ID, NULL},
	{"person", "skills", person_skills_cmd, "list a person's skills and levels", NULL, 0,
	 CMD_ID | CMD_JSON, NULL},
	{"position", "add", position_add_cmd, "add a position to a unit", position_add_fields,
	 OBJ(position_input), CMD_WRITES | CMD_NAME | CMD_JSON, NULL},
	{"position", "list", position_list_cmd, "list positions with filled, headcount, vacancies",
	 position_filter_fields, OBJ(position_filter), CMD_JSON,
	 "--vacant lists only the positions with a vacancy."},
	{"position", "show", position_show_cmd, "show a position, its skills and its holders",
	 NULL, 0, CMD_ID | CMD_JSON, NULL},
	{"position", "set", position_set_cmd, "change a position's title, unit or headcount",
	 position_fields, OBJ(position_input), CMD_WRITES | CMD_ID | CMD_JSON | CMD_PATCH,
	 "The headcount never goes below the people holding the position."},
	{"position", "rm", position_rm_cmd, "remove a position nobody holds", NULL, 0,
	 CMD_WRITES | CMD_ID, NULL},
	{"position", "need", position_need_cmd, "require a skill at a level", level_fields,
	 OBJ(level_input), CMD_WRITES | CMD_ID | CMD_JSON,
	 "Levels: 1 aware, 2 beginner, 3 practitioner, 4 advanced, 5 expert."},
	{"position", "unneed", position_unneed_cmd, "stop requiring a skill", unlevel_fields,
	 OBJ(level_input), CMD_WRITES | CMD_ID | CMD_JSON, NULL},
	{"staff", "add", staff_add_cmd, "put a person in a position (prints the match)",
	 staff_fields, OBJ(staff_input), CMD_WRITES | CMD_JSON,
	 "Refused when the position is at its headcount or the person holds it already."},
	{"staff", "list", staff_list_cmd, "list who holds which position, with the match",
	 staff_filter_fields, OBJ(staff_filter), CMD_JSON, NULL},
	{"staff", "rm", staff_rm_cmd, "take a person out of a position", NULL, 0,
	 CMD_WRITES | CMD_ID, NULL},
	{"staff", "match", staff_match_cmd, "rank the candidates for a position",
	 staff_match_fields, OBJ(staff_match_opts), CMD_JSON,
	 "The people of the unit (default the position's) and its sub-units, best\n"
	 "match first. The match is the mean over the required skills of\n"
	 "min(level had, level required) / level required, in percent."},
	{"staff", "span", staff_span_cmd, "span of control: each manager's direct reports",
	 span_filter_fields, OBJ(span_filter), CMD_JSON,
	 "Flags a span below 2 direct reports as narrow and above 12 as wide."},
	/* RACI, publishing, capacity */
	{"step", "raci", step_raci_cmd, "give a person a RACI role on a step, or none",
	 raci_fields, OBJ(raci_input), CMD_WRITES | CMD_ID | CMD_JSON,
	 "Roles: R (responsible), A (accountable), C (consulted), I (informed); --role none\n"
	 "removes the person's role. A step has one A: setting another is refused\n"
	 "unless --replace, which removes the current one's role."},
	{"plan", "raci", plan_raci_cmd, "show a plan's RACI matrix and the steps lacking an A or R",
	 NULL, 0, CMD_ID | CMD_JSON,
	 "Without explicit roles the plan's owner is the implied Accountable, (A), and\n"
	 "each step's assignee the implied Responsible, (R)."},
	{"plan", "publish", plan_publish_cmd, "publish a plan to everyone in it", publish_fields,
	 OBJ(publish_input), CMD_WRITES | CMD_ID | CMD_JSON,
	 "It goes to the plan's owner, every assignee and everyone with a RACI role,\n"
	 "into their feed (tandem person feed)."},
	{"person", "feed", person_feed_cmd, "what was published to a person, newest first",
	 feed_query_fields, OBJ(feed_query), CMD_ID | CMD_JSON, NULL},
	{"person", "load", person_load_cmd, "planned load against capacity per week",
	 load_query_fields, OBJ(load_query), CMD_JSON | CMD_OPTARG,
	 "Everyone, or one PERSON (or --person ID), or the people of --unit ID and its\n"
	 "subtree.\n"
	 "See docs/capacity.md for how the load is computed."},
	{"person", "overloads", person_overloads_cmd, "the weeks where people are overloaded",
	 load_query_fields, OBJ(load_query), CMD_JSON, NULL},
	/* deviation rules, problems, control check */
	{"control", "show", control_show_cmd, "show the tolerances of the deviation rules",
	 control_show_fields, OBJ(tolerance_input), CMD_JSON,
	 "With --unit, the tolerances that apply to that unit: its own override, else\n"
	 "its nearest ancestor's, else the organization's, else the default."},
	{"control", "set", control_set_cmd, "set a rule's tolerance, or switch it on or off",
	 tolerance_fields, OBJ(tolerance_input), CMD_WRITES,
	 "Rules: cpi, spi (value/100), overdue (days), overload (% of capacity), burn\n"
	 "(points), target (% of expected). --enabled false switches a rule off for\n"
	 "the organization, or for a unit's subtree with --unit."},
	{"control", "unset", control_unset_cmd, "remove a unit's tolerance (or reset the org's)",
	 control_unset_fields, OBJ(tolerance_input), CMD_WRITES, NULL},
	{"control", "check", control_check_cmd, "open a problem for each deviation found",
	 check_fields, OBJ(check_input), CMD_WRITES | CMD_JSON,
	 "Evaluates every rule as of the day and opens one problem per deviation that\n"
	 "has no open problem for the same rule and subject. It closes nothing."},
	{"problem", "add", problem_add_cmd, "log a problem by hand", problem_add_cli_fields,
	 OBJ(problem_input), CMD_WRITES | CMD_NAME | CMD_JSON, NULL},
	{"problem", "list", problem_list_cmd, "list problems (overdue ones flagged)",
	 problem_filter_fields, OBJ(problem_filter), CMD_JSON,
	 "--open lists the problems not closed."},
	{"problem", "show", problem_show_cmd, "show a problem", NULL, 0, CMD_ID | CMD_JSON, NULL},
	{"problem", "set", problem_set_cmd, "record a root cause, an action, an owner, a status",
	 problem_set_fields, OBJ(problem_input), CMD_WRITES | CMD_ID | CMD_JSON | CMD_PATCH,
	 "Statuses: open, investigating, acting, closed. Closing records the day;\n"
	 "reopening is refused while another problem of the same rule and subject is open."},
	{"problem", "rm", problem_rm_cmd, "remove a problem logged by hand", NULL, 0,
	 CMD_WRITES | CMD_ID, "A problem a check found is closed instead."},
	{"report", "agenda", report_agenda_cmd, "a meeting agenda of the open problems",
	 agenda_fields, OBJ(agenda_opts), CMD_JSON,
	 "Ordered by severity (3 first), then overdue first, then the oldest found."},
	/* control report, agenda, complexity */
	{"unit", "complexity", unit_complexity_cmd,
	 "coordination load per unit: open steps per person, dependencies, hand-offs",
	 complexity_cli_fields, OBJ(complexity_opts), CMD_JSON | CMD_OPTARG,
	 "Each unit's figures cover its sub-units. Without a UNIT (or --unit), every unit\n"
	 "as a tree. See docs/reports.md for the formulas."},
	{"report", "control", report_control_cmd,
	 "the control report of a unit and its sub-units for a period", report_fields,
	 OBJ(report_input), CMD_JSON,
	 "Earned value per plan (as of --to), budget vs actual by category, overdue\n"
	 "steps, overloaded person-weeks and open problems, as Markdown (default),\n"
	 "HTML (a standalone document), CSV (one table, a \"section\" column) or JSON:\n"
	 "  tandem report control --unit 2 --from 2026-03-01 --to 2026-03-31 --format html"},

	/* the leadership system */
	/* vision, strategies, plans linked to them */
	{"vision", "show", vision_show_cmd, "show the current vision (the organization's or a unit's)",
	 vision_filter_fields, OBJ(vision_filter), CMD_JSON, NULL},
	{"vision", "set", vision_set_cmd, "set a new version of the vision", vision_fields,
	 OBJ(vision_input), CMD_WRITES | CMD_JSON,
	 "Nothing is edited in place: the new version (the previous one + 1) becomes\n"
	 "the current one. A unit's vision (--unit) must say how it serves the\n"
	 "organization's (--serves). A review date before today is due for review."},
	{"vision", "history", vision_history_cmd, "every version of a vision, newest first",
	 vision_filter_fields, OBJ(vision_filter), CMD_JSON, NULL},
	{"vision", "list", vision_list_cmd, "every current vision: the organization's and the units'",
	 NULL, 0, CMD_JSON, NULL},
	{"strategy", "add", strategy_add_cmd, "add a strategy", strategy_fields,
	 OBJ(strategy_input), CMD_WRITES | CMD_NAME | CMD_JSON, NULL},
	{"strategy", "list", strategy_list_cmd, "list strategies", strategy_filter_fields,
	 OBJ(strategy_filter), CMD_JSON,
	 "--unit lists the strategies of the unit and its subtree, with the\n"
	 "organization's own."},
	{"strategy", "show", strategy_show_cmd, "show a strategy and its plans", NULL, 0,
	 CMD_ID | CMD_JSON, NULL},
	{"strategy", "set", strategy_set_cmd, "change a strategy", strategy_fields,
	 OBJ(strategy_input), CMD_WRITES | CMD_ID | CMD_JSON | CMD_PATCH, NULL},
	{"strategy", "rm", strategy_rm_cmd, "remove a strategy no plan carries out", NULL, 0,
	 CMD_WRITES | CMD_ID, NULL},
	{"strategy", "link", strategy_link_cmd, "make a plan carry out a strategy",
	 strategy_plan_fields, OBJ(strategy_plan_input), CMD_WRITES | CMD_ID, NULL},
	{"strategy", "unlink", strategy_unlink_cmd, "stop a plan carrying out a strategy",
	 strategy_plan_fields, OBJ(strategy_plan_input), CMD_WRITES | CMD_ID, NULL},
	{"strategy", "gaps", strategy_gaps_cmd, "direction without execution, and the reverse",
	 strategy_gaps_fields, OBJ(vision_filter), CMD_JSON,
	 "Direction without execution: active strategies with no plan (cancelled\n"
	 "plans do not count). Execution without direction: open plans (draft,\n"
	 "active, on hold) with no strategy (dropped ones do not count)."},
	/* environment signals and themes */
	{"signal", "add", signal_add_cmd, "record a signal from the environment", signal_fields,
	 OBJ(signal_input), CMD_WRITES | CMD_NAME | CMD_JSON,
	 "Categories: market, customer, technology, competitor, regulation, society,\n"
	 "internal. Kinds: opportunity, threat. Impact and likelihood 1-5. The day\n"
	 "defaults to today:\n"
	 "  tandem signal add \"Rival offers next-day delivery\" --category competitor \\\n"
	 "    --kind threat --impact 4 --likelihood 5 --unit 4 --theme 1"},
	{"signal", "list", signal_list_cmd, "list signals, newest first", signal_filter_fields,
	 OBJ(signal_filter), CMD_JSON, "--from and --to are days, inclusive."},
	{"signal", "show", signal_show_cmd, "show a signal with its themes and strategies", NULL,
	 0, CMD_ID | CMD_JSON, NULL},
	{"signal", "set", signal_set_cmd, "change a signal", signal_set_fields,
	 OBJ(signal_input), CMD_WRITES | CMD_ID | CMD_JSON | CMD_PATCH, NULL},
	{"signal", "rm", signal_rm_cmd, "remove a signal with its tags and responses", NULL, 0,
	 CMD_WRITES | CMD_ID, NULL},
	{"signal", "review", signal_review_cmd, "mark a signal reviewed (today)",
	 signal_review_fields, OBJ(signal_query), CMD_WRITES | CMD_ID | CMD_JSON, NULL},
	{"signal", "respond", signal_respond_cmd, "record that a strategy responds to a signal",
	 signal_response_fields, OBJ(signal_response_input), CMD_WRITES | CMD_ID, NULL},
	{"signal", "unrespond", signal_unrespond_cmd, "stop a strategy responding to a signal",
	 signal_response_fields, OBJ(signal_response_input), CMD_WRITES | CMD_ID, NULL},
	{"signal", "import", signal_import_cmd, "import signals from a CSV file",
	 signal_import_fields, OBJ(signal_import_opts), CMD_WRITES | CMD_NAME | CMD_JSON,
	 "The header row: observed,source,day,category,kind,impact,likelihood,unit_id\n"
	 "and optionally themes (names separated by ';', created when new). RFC 4180:\n"
	 "quoted fields, doubled quotes, CRLF. One transaction: a bad row refuses the\n"
	 "whole file, naming its line and field. An empty day is today."},
	{"theme", "add", theme_add_cmd, "add a theme that groups signals", theme_fields,
	 OBJ(theme_input), CMD_WRITES | CMD_NAME, NULL},
	{"theme", "list", theme_list_cmd, "list themes with their pressure and trend",
	 pressure_query_fields, OBJ(signal_query), CMD_JSON,
	 "Pressure as of D (--as-of, default today): the sum of impact x likelihood of\n"
	 "the theme's signals dated after D minus 365 days, up to D. Trend: the same sum\n"
	 "per calendar quarter, the quarter of D and the three before it. Flagged: a\n"
	 "pressure of at least the setting signals.pressure_high (default 40) with no\n"
	 "signal of the theme answered by a strategy. See docs/leadership.md."},
	{"theme", "show", theme_show_cmd, "show a theme, its pressure and its signals",
	 pressure_query_fields, OBJ(signal_query), CMD_ID | CMD_JSON, NULL},
	{"theme", "set", theme_set_cmd, "rename or describe a theme", theme_fields,
	 OBJ(theme_input), CMD_WRITES | CMD_ID | CMD_PATCH, NULL},
	{"theme", "rm", theme_rm_cmd, "remove a theme (its signals stay)", NULL, 0,
	 CMD_WRITES | CMD_ID, NULL},
	{"theme", "tag", theme_tag_cmd, "tag a signal with a theme", theme_tag_fields,
	 OBJ(theme_tag_input), CMD_WRITES | CMD_ID, NULL},
	{"theme", "untag", theme_untag_cmd, "take a signal out of a theme", theme_tag_fields,
	 OBJ(theme_tag_input), CMD_WRITES | CMD_ID, NULL},
	{"theme", "threshold", theme_threshold_cmd, "show or set the pressure that flags a theme",
	 pressure_high_fields, OBJ(pressure_high_input), CMD_WRITES | CMD_JSON,
	 "The setting signals.pressure_high (default 40): a theme whose pressure reaches\n"
	 "it with no strategy responding is flagged. --value N sets it (1 to 1000000)."},
	/* stakeholders, communications, alignment states, commitments */
	{"stakeholder", "add", stakeholder_add_cmd, "add a stakeholder outside the org chart",
	 stakeholder_fields, OBJ(stakeholder_input), CMD_WRITES | CMD_NAME | CMD_JSON, NULL},
	{"stakeholder", "list", stakeholder_list_cmd, "list stakeholders",
	 stakeholder_filter_fields, OBJ(stakeholder_filter), CMD_JSON, NULL},
	{"stakeholder", "show", stakeholder_show_cmd, "show a stakeholder", NULL, 0,
	 CMD_ID | CMD_JSON, NULL},
	{"stakeholder", "set", stakeholder_set_cmd, "change a stakeholder", stakeholder_fields,
	 OBJ(stakeholder_input), CMD_WRITES | CMD_ID | CMD_JSON | CMD_PATCH, NULL},
	{"stakeholder", "rm", stakeholder_rm_cmd, "remove a stakeholder no communication reached",
	 NULL, 0, CMD_WRITES | CMD_ID, NULL},
	{"comm", "add", comm_add_cmd, "add a communication of the vision or a strategy",
	 comm_add_cli_fields, OBJ(comm_add_opts), CMD_WRITES | CMD_NAME | CMD_JSON,
	 "The unit defaults to the sender's. Add its audience with comm audience,\n"
	 "then comm send."},
	{"comm", "list", comm_list_cmd, "list communications", comm_filter_fields,
	 OBJ(comm_filter), CMD_JSON, NULL},
	{"comm", "show", comm_show_cmd, "show a communication, its audience, coverage and "
	 "commitments", NULL, 0, CMD_ID | CMD_JSON, NULL},
	{"comm", "audience", comm_audience_cmd, "add a unit, a person or a stakeholder to the "
	 "audience", comm_audience_fields, OBJ(comm_audience_input), CMD_WRITES | CMD_ID,
	 "A unit means its people and those of the units under it, resolved when\n"
	 "the communication is sent."},
	{"comm", "send", comm_send_cmd, "send: resolve the audience into recipients", NULL, 0,
	 CMD_WRITES | CMD_ID, NULL},
	{"comm", "rm", comm_rm_cmd, "remove an unsent communication", NULL, 0,
	 CMD_WRITES | CMD_ID, NULL},
	{"comm", "ack", comm_ack_cmd, "set a recipient's state", comm_ack_fields,
	 OBJ(comm_ack_input), CMD_WRITES | CMD_ID,
	 "Give --person (as whom) or --stakeholder (its owner records it)."},
	{"comm", "coverage", comm_coverage_cmd, "the share of the audience at each state",
	 comm_unit_fields, OBJ(comm_unit_opts), CMD_ID | CMD_JSON,
	 "Per unit, each counted with the units under it."},
	{"comm", "reach", comm_reach_cmd, "coverage over every sent communication, or a "
	 "vision's or a strategy's", comm_reach_fields, OBJ(comm_reach_opts), CMD_JSON,
	 "Per unit, each counted with the units under it; a person who received\n"
	 "two of them counts twice."},
	{"comm", "unreached", comm_unreached_cmd, "who has not been reached yet",
	 comm_unit_fields, OBJ(comm_unit_opts), CMD_ID | CMD_JSON, NULL},
	{"comm", "promise", comm_promise_cmd, "record a commitment made in a communication",
	 commitment_fields, OBJ(commitment_input), CMD_WRITES | CMD_ID | CMD_JSON, NULL},
	{"comm", "sender", comm_sender_cmd, "a sender's say-do record", NULL, 0,
	 CMD_ID | CMD_JSON, "say-do = kept / (kept + broken); open and overdue ones apart."},
	{"commitment", "set", commitment_set_cmd, "mark a commitment kept or broken",
	 commitment_set_fields, OBJ(commitment_input), CMD_WRITES | CMD_ID | CMD_JSON,
	 "Kept or broken closes it today; open reopens it."},
	/* coalitions, values, coaching notes */
	{"coalition", "add", coalition_add_cmd, "add a guiding coalition", coalition_fields,
	 OBJ(coalition_input), CMD_WRITES | CMD_NAME | CMD_JSON,
	 "Without --unit the coalition is the whole organization's."},
	{"coalition", "list", coalition_list_cmd, "list coalitions", coalition_filter_fields,
	 OBJ(coalition_filter), CMD_JSON,
	 "--unit lists that unit's subtree's coalitions and the organization's."},
	{"coalition", "show", coalition_show_cmd,
	 "show a coalition: members, coverage, attributes met and missing", NULL, 0,
	 CMD_ID | CMD_JSON,
	 "Coverage: the units the members come from and the levels of the org tree\n"
	 "they span; the four attributes (position power, expertise, credibility,\n"
	 "leadership) at least one member has, and those none has; the affected\n"
	 "units (the coalition's unit's children, or its strategy's unit's, or the\n"
	 "top-level units') with or without a member in them."},
	{"coalition", "set", coalition_set_cmd, "change a coalition", coalition_fields,
	 OBJ(coalition_input), CMD_WRITES | CMD_ID | CMD_JSON | CMD_PATCH, NULL},
	{"coalition", "rm", coalition_rm_cmd, "remove a coalition with its members", NULL, 0,
	 CMD_WRITES | CMD_ID, NULL},
	{"coalition", "join", coalition_join_cmd,
	 "add a member (from any unit), or change a member's attributes",
	 coalition_member_fields, OBJ(coalition_member_input), CMD_WRITES | CMD_ID | CMD_JSON,
	 "A bare attribute flag means yes: --expertise; --expertise no takes it away."},
	{"coalition", "leave", coalition_leave_cmd, "remove a member from a coalition",
	 coalition_leave_fields, OBJ(coalition_member_input), CMD_WRITES | CMD_ID, NULL},
	{"value", "add", value_add_cmd, "add one of the organization's values", value_fields,
	 OBJ(value_input), CMD_WRITES | CMD_NAME | CMD_JSON, NULL},
	{"value", "list", value_list_cmd, "list the organization's values in order", NULL, 0,
	 CMD_JSON, NULL},
	{"value", "set", value_set_cmd, "change a value", value_fields, OBJ(value_input),
	 CMD_WRITES | CMD_ID | CMD_JSON | CMD_PATCH, NULL},
	{"value", "rm", value_rm_cmd, "remove a value no recognition names", NULL, 0,
	 CMD_WRITES | CMD_ID, NULL},
	{"note", "add", note_add_cmd, "write a coaching or feedback note", note_cli_fields,
	 OBJ(note_input), CMD_WRITES | CMD_PRIVATE | CMD_NAME | CMD_JSON,
	 "Between a person and their manager only: one of --author and --about must\n"
	 "be the other's manager."},
	{"note", "list", note_list_cmd, "list the notes a person wrote or that are about them",
	 note_filter_fields, OBJ(note_filter), CMD_JSON, NULL},
	/* recognitions and ideas */
	{"recognition", "add", recognition_add_cmd, "recognize a person or a team for a value",
	 recognition_fields, sizeof(struct recognition_input), CMD_WRITES | CMD_JSON,
	 "Give --to PERSON or --team UNIT, and --value (see 'value list'). Nobody\n"
	 "recognizes themselves."},
	{"recognition", "list", recognition_list_cmd, "the recognition feed, newest first",
	 recognition_filter_fields, sizeof(struct recognition_filter), CMD_JSON, NULL},
	{"recognition", "show", recognition_show_cmd, "show a recognition", NULL, 0,
	 CMD_ID | CMD_JSON, NULL},
	{"recognition", "counts", recognition_counts_cmd, "recognitions per month and unit",
	 recognition_counts_fields, sizeof(struct recognition_counts_q), CMD_JSON,
	 "--by person lists people only when the setting recognition.leaderboard is\n"
	 "1 (ranked by count); otherwise only --person and their direct reports."},
	{"recognition", "rm", recognition_rm_cmd, "remove a recognition", NULL, 0,
	 CMD_WRITES | CMD_ID, NULL},
	{"idea", "add", idea_add_cmd, "propose an idea: tandem idea add TITLE --author P",
	 idea_fields, sizeof(struct idea_input), CMD_WRITES | CMD_NAME | CMD_JSON,
	 "The owner who answers is --owner, else the strategy's owner, else the\n"
	 "author's manager."},
	{"idea", "list", idea_list_cmd, "the ideas with votes, age and flag",
	 idea_filter_fields, sizeof(struct idea_filter), CMD_JSON,
	 "An idea still open after the setting ideas.answer_days (30) is flagged."},
	{"idea", "show", idea_show_cmd, "show an idea", NULL, 0, CMD_ID | CMD_JSON, NULL},
	{"idea", "vote", idea_vote_cmd, "vote for an idea (once, not one's own)",
	 idea_vote_fields, sizeof(struct idea_vote_input), CMD_WRITES | CMD_ID, NULL},
	{"idea", "unvote", idea_unvote_cmd, "take a vote back", idea_vote_fields,
	 sizeof(struct idea_vote_input), CMD_WRITES | CMD_ID, NULL},
	{"idea", "answer", idea_answer_cmd, "answer an idea: accepted, declined, under-review",
	 idea_answer_fields, sizeof(struct idea_answer_input), CMD_WRITES | CMD_ID | CMD_JSON,
	 "Only the owner (--person) or an admin answers. Declining needs --reason;\n"
	 "an accepted idea may name the --plan or --step it became."},
	{"idea", "rm", idea_rm_cmd, "remove an open idea", NULL, 0, CMD_WRITES | CMD_ID, NULL},
	/* pulse surveys */
	{"pulse", "add", pulse_add_cmd, "add a pulse survey run by a unit", pulse_fields,
	 OBJ(pulse_input), CMD_WRITES | CMD_NAME | CMD_JSON,
	 "--min-group (at least 3, default 5) is the smallest group of respondents\n"
	 "whose results are shown. Add questions, then send it."},
	{"pulse", "list", pulse_list_cmd, "list pulse surveys", pulse_filter_fields,
	 OBJ(pulse_filter), CMD_JSON, NULL},
	{"pulse", "show", pulse_show_cmd, "show a pulse with its questions", NULL, 0,
	 CMD_ID | CMD_JSON, NULL},
	{"pulse", "rm", pulse_rm_cmd, "remove a pulse not yet sent", NULL, 0,
	 CMD_WRITES | CMD_ID, NULL},
	{"pulse", "question", pulse_question_cmd, "add a question to a pulse not yet sent",
	 pulse_question_fields, OBJ(pulse_question_input), CMD_WRITES | CMD_ID | CMD_JSON,
	 "--scale 1-5 asks for agreement; 0-10 is an eNPS question. --comments lets an\n"
	 "answer add a comment (to the first such question)."},
	{"pulse", "target", pulse_target_cmd, "send a pulse also to a unit and the units under it",
	 pulse_target_fields, OBJ(pulse_target_input), CMD_WRITES | CMD_ID, NULL},
	{"pulse", "send", pulse_send_cmd, "send a pulse: invite everyone in its units",
	 pulse_send_fields, OBJ(pulse_target_input), CMD_WRITES | CMD_ID | CMD_JSON,
	 "Each person is invited with their unit now; results are grouped by it."},
	{"pulse", "answer", pulse_answer_cmd, "answer a pulse as a person (stored anonymously)",
	 pulse_answer_fields, OBJ(pulse_answer_input), CMD_WRITES | CMD_PRIVATE | CMD_ID,
	 "--answers gives one value per question, in order: \"5,4,9\". Only that the\n"
	 "person answered is kept (to refuse a second answer), never what."},
	{"pulse", "results", pulse_results_cmd, "show a pulse's results by unit",
	 pulse_view_fields, OBJ(pulse_view), CMD_ID | CMD_JSON,
	 "Groups of fewer respondents than the pulse's minimum are suppressed, and so\n"
	 "is a group that, subtracted from a shown one, would reveal a smaller group."},
	{"pulse", "trend", pulse_trend_cmd, "the mean of one question over the pulses asking it",
	 pulse_trend_fields, OBJ(pulse_view), CMD_JSON, NULL},

	/* change and balance */
	/* change initiatives: records, links, obstacles, wins, volunteers, anchors, evidence and advance */
	{"change", "add", change_add_cmd, "start a change initiative: change add NAME --sponsor P",
	 initiative_fields, OBJ(initiative_input), CMD_WRITES | CMD_NAME | CMD_JSON,
	 "Step 1 (Urgency) is reached on --started (today). Link what justifies and carries it "
	 "with 'change link'."},
	{"change", "list", change_list_cmd, "the initiatives: step, days in step, what blocks each",
	 initiative_filter_fields, OBJ(initiative_filter), CMD_JSON,
	 "--unit lists that unit's subtree's initiatives and the organization's."},
	{"change", "show", change_show_cmd, "an initiative: links, evidence checklist and history",
	 change_show_fields, OBJ(change_show_opts), CMD_ID | CMD_JSON, NULL},
	{"change", "set", change_set_cmd, "change an initiative's name, sponsor, unit, status...",
	 initiative_set_fields, OBJ(initiative_input), CMD_WRITES | CMD_ID | CMD_JSON | CMD_PATCH,
	 NULL},
	{"change", "rm", change_rm_cmd, "remove an initiative with its links and parts", NULL, 0,
	 CMD_WRITES | CMD_ID, NULL},
	{"change", "link", change_link_cmd, "link units, signals, themes, strategies, plans, comms",
	 change_link_fields, OBJ(change_link_opts), CMD_WRITES | CMD_ID,
	 "Linked units are the affected units; several flags link several at once."},
	{"change", "unlink", change_unlink_cmd, "unlink what 'change link' linked",
	 change_link_fields, OBJ(change_link_opts), CMD_WRITES | CMD_ID, NULL},
	{"change", "advance", change_advance_cmd, "move to the next step when its evidence is met",
	 change_advance_fields, OBJ(change_advance_opts), CMD_WRITES | CMD_ID | CMD_JSON,
	 "Refused (exit 5) with what is missing, one line each on stderr; --override REASON "
	 "advances anyway and records the reason and who (docs/change.md)."},
	{"change", "obstacle add", change_obstacle_add_cmd, "log an obstacle to an initiative",
	 obstacle_fields, OBJ(obstacle_input), CMD_WRITES | CMD_ID, NULL},
	{"change", "obstacle resolve", change_obstacle_resolve_cmd, "mark an obstacle resolved",
	 change_resolve_fields, OBJ(change_resolve_opts), CMD_WRITES | CMD_ID, NULL},
	{"change", "obstacle rm", change_obstacle_rm_cmd, "remove an obstacle", NULL, 0,
	 CMD_WRITES | CMD_ID, NULL},
	{"change", "win add", change_win_add_cmd, "record a short-term win of an initiative",
	 win_fields, OBJ(win_input), CMD_WRITES | CMD_ID,
	 "Celebrate it with 'recognition add ... --win WIN'."},
	{"change", "win rm", change_win_rm_cmd, "remove a win (its recognitions stay)", NULL, 0,
	 CMD_WRITES | CMD_ID, NULL},
	{"change", "anchor add", change_anchor_add_cmd, "record a value or practice as changed",
	 anchor_fields, OBJ(anchor_input), CMD_WRITES | CMD_ID, NULL},
	{"change", "anchor rm", change_anchor_rm_cmd, "remove an anchor", NULL, 0,
	 CMD_WRITES | CMD_ID, NULL},
	{"change", "volunteer", change_volunteer_cmd, "add a volunteer to an initiative",
	 volunteer_fields, OBJ(volunteer_input), CMD_WRITES | CMD_ID, NULL},
	{"change", "unvolunteer", change_unvolunteer_cmd, "remove a volunteer",
	 change_unvolunteer_fields, OBJ(volunteer_input), CMD_WRITES | CMD_ID, NULL},
	/* the change tracker and initiative pages; urgency; the network beside the hierarchy */
	{"change", "urgency", change_urgency_cmd,
	 "true urgency, complacency or false urgency, read from the data",
	 urgency_cli_fields, OBJ(urgency_opts), CMD_JSON | CMD_OPTARG,
	 "INIT (or --initiative ID): one initiative, over the units it affects; --unit U:\n"
	 "one unit with its subtree; neither: every active initiative and every unit.\n"
	 "The window is the change.urgency_window days (90) up to --as-of (today).\n"
	 "Looking outward (external signals per 10 people, reviewed) with progress (open\n"
	 "steps advanced) is true urgency; busy (meetings, new plans, problems, internal\n"
	 "signals per 10 people) without progress is false urgency; anything else is\n"
	 "complacency. Thresholds: the settings change.urgency_* (docs/urgency.md)."},
	{"change", "network", change_network_cmd,
	 "the volunteers beside the hierarchy: units, levels, managers, outsiders", NULL, 0,
	 CMD_ID | CMD_JSON,
	 "A root unit is level 1; a manager is someone another person reports to;\n"
	 "outside: a volunteer whose unit is not under any of the affected units."},
	/* balance: indicators, scores, quadrant, actions, snapshots; settings */
	{"balance", "", balance_cmd, "every unit's management and leadership scores and quadrant",
	 bal_filter_fields, OBJ(bal_filter), CMD_JSON,
	 "Each unit's scores cover its subtree; the first row is the organization.\n"
	 "--unit ID: only that subtree; --json: every indicator with its value, band,\n"
	 "weight, score, too-much flag, why and source, and the actions. See\n"
	 "docs/balance.md."},
	{"balance", "show", balance_show_cmd, "one unit's indicators and actions (no unit: the organization)",
	 bal_show_fields, OBJ(bal_filter), CMD_JSON | CMD_OPTARG, NULL},
	{"balance", "snapshot", balance_snapshot_cmd, "keep every unit's scores as of a day",
	 bal_day_fields, OBJ(bal_filter), CMD_WRITES | CMD_JSON, NULL},
	{"balance", "history", balance_history_cmd, "the snapshots' scores of a unit (or the organization)",
	 bal_unit_fields, OBJ(bal_filter), CMD_JSON, NULL},
	/* the time profile of the people who manage others */
	{"balance", "time", balance_time_cmd,
	 "the time profile: how managers spend their logged time, per process and class",
	 tp_query_fields, OBJ(tp_query), CMD_JSON | CMD_OPTARG,
	 "Managers are the people who manage someone. Minutes per activity class (an\n"
	 "entry's own, else its step's, else unclassified: the work itself) and per\n"
	 "process, as shares of all their logged time, beside everyone else's; then\n"
	 "the units below with their managers' leadership share. The period defaults\n"
	 "to the last balance.time_window_days days (90) up to today."},
	{"setting", "list", setting_list_cmd, "list the tunable thresholds with their values",
	 NULL, 0, CMD_JSON,
	 "Each key with its value, default, range, unit, whether it is set or the\n"
	 "default, and what it decides. This list is the reference (docs/settings.md)."},
	{"setting", "set", setting_set_cmd, "set a threshold: tandem setting set KEY --value N",
	 setting_cli_fields, OBJ(setting_opts), CMD_WRITES | CMD_NAME,
	 "An unknown key or a value outside the key's range is refused (exit 3)."},
	{"setting", "unset", setting_unset_cmd, "put a threshold back to its default",
	 setting_key_fields, OBJ(setting_opts), CMD_WRITES | CMD_NAME, NULL},
	/* the archetype generator for the balance validation */
	{"balance", "generate", balance_generate_cmd,
	 "generate an archetype organization into an empty database", archetype_fields,
	 OBJ(archetype_opts), CMD_WRITES | CMD_JSON,
	 "Archetypes: strong (well led, well managed), overmanaged (management in\n"
	 "excess, leadership missing), overled (the mirror), weak (neither). Units\n"
	 "form a tree (a root, then 2-5 children each); every indicator of the\n"
	 "balance is driven per unit from the archetype's ranges with the seed.\n"
	 "  tandem balance generate --archetype overled --units 25 --seed 2"},
	/* the self-assessment, cohorts and workshops */
	{"assess", "items", assess_items_cmd, "the 24 statements of the self-assessment", NULL, 0,
	 CMD_JSON, NULL},
	{"assess", "take", assess_take_cmd, "take the self-assessment as a person",
	 assess_take_fields, OBJ(assess_take_input), CMD_PRIVATE | CMD_JSON,
	 "Without --answers (and on a terminal) it asks each statement in turn; q stops\n"
	 "without saving. A person may retake it: the latest counts. The answers are\n"
	 "theirs alone, and the audit log keeps none of them."},
	{"assess", "show", assess_show_cmd, "a person's own profile beside their unit's",
	 assess_person_fields, OBJ(assess_person_q), CMD_JSON,
	 "The six processes' means (1-5) and scores (0-100), and the unit's anonymous\n"
	 "aggregate when enough people answered (the setting assess.min_group)."},
	{"assess", "unit", assess_unit_cmd, "a unit's anonymous aggregate (with the units under it)",
	 NULL, 0, CMD_ID | CMD_JSON,
	 "Refused (exit 5) while fewer people answered than the setting assess.min_group\n"
	 "(default 5, never below 3)."},
	{"assess", "cohort", assess_cohort_cmd, "a workshop cohort's anonymous aggregate", NULL, 0,
	 CMD_ID | CMD_JSON, "Refused (exit 5) while fewer answered than the cohort's minimum."},
	{"assess", "compare", assess_compare_cmd,
	 "perception beside evidence: a unit's self-assessment beside its balance scores", NULL, 0,
	 CMD_ID | CMD_JSON,
	 "The processes are sorted by the largest disagreement, each explained in words."},
	{"workshop", "new", workshop_new_cmd, "create a workshop cohort with a join code",
	 cohort_fields, OBJ(cohort_input), CMD_WRITES | CMD_NAME | CMD_JSON,
	 "Participants join at /join with the code (or: tandem workshop join CODE --person P)."},
	{"workshop", "list", workshop_list_cmd, "list workshop cohorts", cohort_filter_fields,
	 OBJ(cohort_filter), CMD_JSON, NULL},
	{"workshop", "show", workshop_show_cmd, "show a workshop and its aggregate", NULL, 0,
	 CMD_ID | CMD_JSON, NULL},
	{"workshop", "close", workshop_close_cmd, "close a workshop: no one new, no more answers",
	 NULL, 0, CMD_WRITES | CMD_ID, NULL},
	{"workshop", "rm", workshop_rm_cmd, "remove a workshop (its assessments stay)", NULL, 0,
	 CMD_WRITES | CMD_ID, NULL},
	{"workshop", "join", workshop_join_cmd, "add a person to a workshop by its join code",
	 cohort_join_fields, OBJ(cohort_join_input), CMD_WRITES | CMD_NAME, NULL},
	{"demo", "", demo_cmd, "seed the demo organization into an empty database",
	 demo_fields, OBJ(demo_opts), CMD_JSON | CMD_WRITES,
	 "With size flags it is the data generator for benchmarks:\n"
	 "  tandem demo --people 200 --plans 20 --steps 100000"},
	{"serve", "", serve_cmd, "serve the JSON API on HTTP", serve_fields, OBJ(serve_opts), 0,
	 "Stops gracefully on SIGINT or SIGTERM, finishing requests in flight."},
	{"user", "add", user_add_cmd, "give a person an account (or add an admin of no person)",
	 user_add_fields, OBJ(account_input), CMD_JSON | CMD_WRITES,
	 "The password is generated and printed once, or taken from TANDEM_PASSWORD.\n"
	 "Roles: admin (everything), manager (their unit's subtree), member (their own\n"
	 "unit: read; write their own time entries), viewer (read their own unit)."},
	{"user", "list", user_list_cmd, "list accounts", NULL, 0, CMD_JSON, NULL},
	{"user", "show", user_show_cmd, "show an account", NULL, 0, CMD_ID | CMD_JSON, NULL},
	{"user", "set", user_set_cmd, "change an account's role", user_set_fields,
	 OBJ(account_input), CMD_ID | CMD_JSON | CMD_WRITES, NULL},
	{"user", "passwd", user_passwd_cmd, "set an account's password (read from standard input)",
	 NULL, 0, CMD_ID | CMD_WRITES,
	 "Reads the new password from standard input (or TANDEM_PASSWORD) and ends\n"
	 "the account's sessions."},
	{"user", "rm", user_rm_cmd, "remove an account (never the last admin)", NULL, 0,
	 CMD_ID | CMD_WRITES, NULL},
	{"token", "add", token_add_cmd, "create an API token for scripts", token_cli_fields,
	 OBJ(token_opts), CMD_JSON | CMD_WRITES,
	 "Scripts send it as 'Authorization: Bearer TOKEN'. It is shown only once."},
	{"token", "list", token_list_cmd, "list a user's API tokens", token_cli_fields,
	 OBJ(token_opts), CMD_JSON, NULL},
	{"token", "rm", token_rm_cmd, "revoke an API token", token_cli_fields, OBJ(token_opts),
	 CMD_ID | CMD_WRITES, NULL},
	{"audit", "", audit_cmd, "show the audit log, newest first", audit_cli_fields,
	 OBJ(token_opts), CMD_JSON, NULL},
	{"migrate", "", migrate_cmd, "copy a database into another, empty one", migrate_fields,
	 OBJ(migrate_opts), CMD_NODB | CMD_JSON,
	 "Copies every record, with its id, in one transaction, and checks that the\n"
	 "row counts of both databases match before it commits. The source is only\n"
	 "read. Example:\n"
	 "  tandem migrate --from sqlite:tandem.db --to postgres://tandem@db.example/tandem"},
	{"version", "", version_cmd, "print the version", NULL, 0, CMD_NODB, NULL},
	{0},
};
