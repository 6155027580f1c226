/* cli: the command-line front-end. One command table (commands.c) maps
 * "tandem NOUN VERB" to a handler; the core parses global options,
 * positional arguments and flags through each command's field table,
 * opens the database, and renders errors. Handlers are thin: they call
 * the domain and print a table or JSON. */
#ifndef TANDEM_CLI_H
#define TANDEM_CLI_H

#include <stdint.h>
#include <stdio.h>

#include <jansson.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

enum cli_flags {
	CMD_JSON = 1u << 0,	/* accepts --json */
	CMD_NODB = 1u << 1,	/* opens no database */
	CMD_ID = 1u << 2,	/* takes one positional ID */
	CMD_NAME = 1u << 3,	/* takes one positional value for field "name" */
	CMD_PATCH = 1u << 4,	/* changes given fields: none is required */
	CMD_WRITES = 1u << 5,	/* writes: one transaction with its audit record */
};

struct cli;

struct cli_cmd {
	const char *noun;
	const char *verb;	/* may be two words: "dep add" */
	int (*run)(struct cli *c);
	const char *summary;
	const struct field *fields;	/* flags; NULL for none */
	size_t obj_size;		/* the struct the fields fill */
	unsigned flags;
	const char *more;		/* extra help text, or NULL */
};

struct cli {
	const struct cli_cmd *cmd;
	struct db *db;
	const char *db_url;
	struct arena a;
	int json;
	int64_t id;		/* CMD_ID */
	void *obj;		/* zeroed, obj_size bytes, filled from flags */
	unsigned set;		/* fields given */
	struct err e;
	FILE *out;
};

extern const struct cli_cmd cli_commands[];

/* Runs tandem with argv; returns the process exit code. */
int cli_main(int argc, char **argv);

/* Output helpers for handlers. */
void cli_print_json(struct cli *c, json_t *v);	/* steals v */
/* Prints {"count":n,"items":[...]}, one item per line (steals items). */
void cli_print_list(struct cli *c, json_t *items);
/* The same, streamed: begin, then each item (stolen), then end. */
void cli_list_begin(struct cli *c, int64_t count);
void cli_list_item(struct cli *c, json_t *item, int first);
void cli_list_end(struct cli *c, int empty);

/* A table for people: columns with a header and alignment; cells are
 * kept (not copied) until table_print, which sizes the columns. */
struct table;
struct table *table_new(struct arena *a, const char *const *headers, const char *align);
void table_row(struct table *t, ...);	/* exactly one const char * per column */
void table_print(struct table *t, FILE *out);
/* Formatting into the arena, for cells. */
const char *fmt_int(struct arena *a, int64_t v);
const char *fmt_hours(struct arena *a, int64_t minutes);
const char *fmt_money(struct arena *a, int64_t cents);
const char *fmt_id(struct arena *a, int64_t id);	/* "-" for 0 */
const char *fmt_str(const char *s);			/* "-" for NULL or "" */

/* Handlers, one file per noun. */
int unit_add_cmd(struct cli *c);
int unit_list_cmd(struct cli *c);
int unit_show_cmd(struct cli *c);
int unit_move_cmd(struct cli *c);
int unit_set_cmd(struct cli *c);
int unit_rm_cmd(struct cli *c);
int person_add_cmd(struct cli *c);
int person_list_cmd(struct cli *c);
int person_show_cmd(struct cli *c);
int person_set_cmd(struct cli *c);
int person_rm_cmd(struct cli *c);
int plan_add_cmd(struct cli *c);
int plan_list_cmd(struct cli *c);
int plan_show_cmd(struct cli *c);
int plan_set_cmd(struct cli *c);
int plan_schedule_cmd(struct cli *c);
int plan_rm_cmd(struct cli *c);
int step_add_cmd(struct cli *c);
int step_list_cmd(struct cli *c);
int step_count_cmd(struct cli *c);
int step_show_cmd(struct cli *c);
int step_set_cmd(struct cli *c);
int step_start_cmd(struct cli *c);
int step_done_cmd(struct cli *c);
int step_block_cmd(struct cli *c);
int step_rm_cmd(struct cli *c);
int step_dep_add_cmd(struct cli *c);
int step_dep_rm_cmd(struct cli *c);
int time_log_cmd(struct cli *c);
int time_list_cmd(struct cli *c);
int time_rm_cmd(struct cli *c);
int tool_add_cmd(struct cli *c);
int tool_list_cmd(struct cli *c);
int tool_show_cmd(struct cli *c);
int tool_alloc_cmd(struct cli *c);
int tool_rm_cmd(struct cli *c);
/* @calendar: the calendar and targets */
/* @cost: budgets, expenses, progress, activity classes */
/* @evm: earned value */
/* @staffing: skills, positions, staffing */
/* @raci: RACI, publishing, capacity */
/* @control: deviation rules, problems, control check */
/* @report: control report, agenda, complexity */
int demo_cmd(struct cli *c);
int serve_cmd(struct cli *c);
int migrate_cmd(struct cli *c);
int version_cmd(struct cli *c);
/* tandem token's and audit's flags (cmd_user.c) */
struct token_opts {
	int64_t user;
	const char *name;
	int64_t days;
};
int user_add_cmd(struct cli *c);
int user_list_cmd(struct cli *c);
int user_show_cmd(struct cli *c);
int user_set_cmd(struct cli *c);
int user_passwd_cmd(struct cli *c);
int user_rm_cmd(struct cli *c);
int token_add_cmd(struct cli *c);
int token_list_cmd(struct cli *c);
int token_rm_cmd(struct cli *c);
int audit_cmd(struct cli *c);

/* tandem migrate's flags (cmd_misc.c) */
struct migrate_opts {
	const char *from, *to;
};

#endif
