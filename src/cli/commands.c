/* commands: the one command table. Help, flag parsing and dispatch are
 * generated from it by cli.c; each handler lives in cmd_<noun>.c. */
#include "cli/cli.h"

#include "manage/demo.h"
#include "org/account.h"
#include "manage/plan.h"
#include "manage/step.h"
#include "manage/timelog.h"
#include "manage/tool.h"
#include "org/person.h"
#include "org/unit.h"
#include "web/server.h"

/* the flags of commands that are not an entity's fields (cmd_*.c) */
extern const struct field unit_move_fields[];
extern const struct field tool_alloc_fields[];
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

	/* @calendar: the calendar and targets */
	/* @cost: budgets, expenses, progress, activity classes */
	/* @evm: earned value */
	/* @staffing: skills, positions, staffing */
	/* @raci: RACI, publishing, capacity */
	/* @control: deviation rules, problems, control check */
	/* @report: control report, agenda, complexity */

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
