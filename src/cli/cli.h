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
	CMD_PRIVATE = 1u << 6,	/* its audit record names the command, not its
				 * arguments (a pulse answer, a coaching note) */
	CMD_OPTARG = 1u << 7,	/* takes at most one argument, filling the field its
				 * table marks .arg, whose flag works too:
				 * "unit evm 3" is "unit evm --unit 3" */
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
/* the calendar and targets */
int calendar_show_cmd(struct cli *c);
int calendar_add_cmd(struct cli *c);
int calendar_rm_cmd(struct cli *c);
int calendar_set_cmd(struct cli *c);
int target_add_cmd(struct cli *c);
int target_list_cmd(struct cli *c);
int target_show_cmd(struct cli *c);
int target_set_cmd(struct cli *c);
int target_rm_cmd(struct cli *c);
int target_record_cmd(struct cli *c);
int target_link_cmd(struct cli *c);
int target_unlink_cmd(struct cli *c);
/* budgets, expenses, progress, activity classes */
#include "manage/budget.h"	/* the tables' field lists and input structs */
#include "manage/expense.h"
int budget_add_cmd(struct cli *c);
int budget_list_cmd(struct cli *c);
int budget_show_cmd(struct cli *c);
int budget_set_cmd(struct cli *c);
int budget_rm_cmd(struct cli *c);
int budget_actual_cmd(struct cli *c);
int expense_add_cmd(struct cli *c);
int expense_list_cmd(struct cli *c);
int expense_show_cmd(struct cli *c);
int expense_set_cmd(struct cli *c);
int expense_rm_cmd(struct cli *c);
/* earned value */
/* tandem plan evm, unit evm and control verify's flags (cmd_evm.c) */
struct evm_opts {
	int64_t unit_id;
	const char *as_of;
	int weekly, fix;
};
enum { EVM_UNIT = 1u << 0, EVM_AS_OF = 1u << 1, EVM_WEEKLY = 1u << 2, EVM_FIX = 1u << 3 };
extern const struct field evm_cli_fields[];
extern const struct field verify_cli_fields[];
int plan_evm_cmd(struct cli *c);
int unit_evm_cmd(struct cli *c);
int control_verify_cmd(struct cli *c);
/* skills, positions, staffing */
struct staff_match_opts {
	int64_t position_id, unit_id;
};
int skill_add_cmd(struct cli *c);
int skill_list_cmd(struct cli *c);
int skill_show_cmd(struct cli *c);
int skill_set_cmd(struct cli *c);
int skill_rm_cmd(struct cli *c);
int person_skill_cmd(struct cli *c);
int person_unskill_cmd(struct cli *c);
int person_skills_cmd(struct cli *c);
int position_add_cmd(struct cli *c);
int position_list_cmd(struct cli *c);
int position_show_cmd(struct cli *c);
int position_set_cmd(struct cli *c);
int position_rm_cmd(struct cli *c);
int position_need_cmd(struct cli *c);
int position_unneed_cmd(struct cli *c);
int staff_add_cmd(struct cli *c);
int staff_list_cmd(struct cli *c);
int staff_rm_cmd(struct cli *c);
int staff_match_cmd(struct cli *c);
int staff_span_cmd(struct cli *c);
/* RACI, publishing, capacity */
int step_raci_cmd(struct cli *c);
int plan_raci_cmd(struct cli *c);
int plan_publish_cmd(struct cli *c);
int person_feed_cmd(struct cli *c);
int person_load_cmd(struct cli *c);
int person_overloads_cmd(struct cli *c);
/* deviation rules, problems, control check */
#include "manage/control.h"	/* the field tables' structs, for commands.c */
#include "manage/problem.h"
struct agenda_opts {
	int64_t unit_id;
	const char *format;
};
extern const struct field control_show_fields[];
extern const struct field control_unset_fields[];
extern const struct field problem_add_cli_fields[];
extern const struct field agenda_fields[];
int control_show_cmd(struct cli *c);
int control_set_cmd(struct cli *c);
int control_unset_cmd(struct cli *c);
int control_check_cmd(struct cli *c);
int problem_add_cmd(struct cli *c);
int problem_list_cmd(struct cli *c);
int problem_show_cmd(struct cli *c);
int problem_set_cmd(struct cli *c);
int problem_rm_cmd(struct cli *c);
int report_agenda_cmd(struct cli *c);
/* control report, agenda, complexity */
#include "manage/report.h"	/* report_fields, struct report_input */
struct complexity_opts {	/* tandem unit complexity's flags (cmd_report.c) */
	int64_t unit_id;
};
extern const struct field complexity_cli_fields[];
int unit_complexity_cmd(struct cli *c);
int report_control_cmd(struct cli *c);
/* vision, strategies, plans linked to them */
#include "lead/strategy.h"	/* the field tables and input structs, for commands.c */
#include "lead/vision.h"
extern const struct field strategy_gaps_fields[];	/* struct vision_filter */
int vision_show_cmd(struct cli *c);
int vision_set_cmd(struct cli *c);
int vision_history_cmd(struct cli *c);
int vision_list_cmd(struct cli *c);
int strategy_add_cmd(struct cli *c);
int strategy_list_cmd(struct cli *c);
int strategy_show_cmd(struct cli *c);
int strategy_set_cmd(struct cli *c);
int strategy_rm_cmd(struct cli *c);
int strategy_link_cmd(struct cli *c);
int strategy_unlink_cmd(struct cli *c);
int strategy_gaps_cmd(struct cli *c);
/* environment signals and themes */
#include "lead/signal.h"	/* the field tables and structs, for commands.c */
struct signal_import_opts {	/* tandem signal import FILE */
	const char *file;
};
extern const struct field signal_import_fields[];
int signal_add_cmd(struct cli *c);
int signal_list_cmd(struct cli *c);
int signal_show_cmd(struct cli *c);
int signal_set_cmd(struct cli *c);
int signal_rm_cmd(struct cli *c);
int signal_review_cmd(struct cli *c);
int signal_respond_cmd(struct cli *c);
int signal_unrespond_cmd(struct cli *c);
int signal_import_cmd(struct cli *c);
int theme_add_cmd(struct cli *c);
int theme_list_cmd(struct cli *c);
int theme_show_cmd(struct cli *c);
int theme_set_cmd(struct cli *c);
int theme_rm_cmd(struct cli *c);
int theme_tag_cmd(struct cli *c);
int theme_untag_cmd(struct cli *c);
int theme_threshold_cmd(struct cli *c);
/* stakeholders, communications, alignment states, commitments */
#include "lead/comm.h"	/* comm add's options embed struct comm_input */
struct comm_add_opts {	/* tandem comm add's flags (cmd_comm.c) */
	struct comm_input in;
	const char *body_file;
};
enum { COMM_BODY_FILE = 1u << 8 };
struct comm_unit_opts {	/* comm coverage / unreached --unit */
	int64_t unit_id;
};
extern const struct field comm_add_cli_fields[];
extern const struct field comm_unit_fields[];
int stakeholder_add_cmd(struct cli *c);
int stakeholder_list_cmd(struct cli *c);
int stakeholder_show_cmd(struct cli *c);
int stakeholder_set_cmd(struct cli *c);
int stakeholder_rm_cmd(struct cli *c);
int comm_add_cmd(struct cli *c);
int comm_list_cmd(struct cli *c);
int comm_show_cmd(struct cli *c);
int comm_audience_cmd(struct cli *c);
int comm_send_cmd(struct cli *c);
int comm_rm_cmd(struct cli *c);
int comm_ack_cmd(struct cli *c);
int comm_coverage_cmd(struct cli *c);
struct comm_reach_opts {	/* comm reach's flags */
	int64_t vision_id, strategy_id, unit_id;
};
extern const struct field comm_reach_fields[];
int comm_reach_cmd(struct cli *c);
int comm_unreached_cmd(struct cli *c);
int comm_promise_cmd(struct cli *c);
int comm_sender_cmd(struct cli *c);
int commitment_set_cmd(struct cli *c);
/* coalitions, values, coaching notes */
int coalition_add_cmd(struct cli *c);
int coalition_list_cmd(struct cli *c);
int coalition_show_cmd(struct cli *c);
int coalition_set_cmd(struct cli *c);
int coalition_rm_cmd(struct cli *c);
int coalition_join_cmd(struct cli *c);
int coalition_leave_cmd(struct cli *c);
int value_add_cmd(struct cli *c);
int value_list_cmd(struct cli *c);
int value_set_cmd(struct cli *c);
int value_rm_cmd(struct cli *c);
int note_add_cmd(struct cli *c);
int note_list_cmd(struct cli *c);
/* recognitions and ideas */
int recognition_add_cmd(struct cli *c);
int recognition_list_cmd(struct cli *c);
int recognition_show_cmd(struct cli *c);
int recognition_counts_cmd(struct cli *c);
int recognition_rm_cmd(struct cli *c);
int idea_add_cmd(struct cli *c);
int idea_list_cmd(struct cli *c);
int idea_show_cmd(struct cli *c);
int idea_vote_cmd(struct cli *c);
int idea_unvote_cmd(struct cli *c);
int idea_answer_cmd(struct cli *c);
int idea_rm_cmd(struct cli *c);
/* pulse surveys */
int pulse_add_cmd(struct cli *c);
int pulse_list_cmd(struct cli *c);
int pulse_show_cmd(struct cli *c);
int pulse_rm_cmd(struct cli *c);
int pulse_question_cmd(struct cli *c);
int pulse_target_cmd(struct cli *c);
int pulse_send_cmd(struct cli *c);
int pulse_answer_cmd(struct cli *c);
int pulse_results_cmd(struct cli *c);
int pulse_trend_cmd(struct cli *c);
/* change initiatives: records, links, obstacles, wins, volunteers, anchors, evidence and advance */
#include "change/initiative.h"	/* the field tables and input structs, for commands.c */
struct change_show_opts {	/* change show --as-of */
	const char *as_of;
};
struct change_link_opts {	/* change link/unlink: one id per kind (initiative.h) */
	int64_t ids[IL_NKINDS];
};
struct change_resolve_opts {	/* change obstacle resolve --day */
	const char *day;
};
struct change_advance_opts {	/* change advance --override REASON */
	const char *override;
};
extern const struct field change_show_fields[];
extern const struct field change_link_fields[];
extern const struct field change_resolve_fields[];
extern const struct field change_advance_fields[];
extern const struct field change_unvolunteer_fields[];
int change_add_cmd(struct cli *c);
int change_list_cmd(struct cli *c);
int change_show_cmd(struct cli *c);
int change_set_cmd(struct cli *c);
int change_rm_cmd(struct cli *c);
int change_link_cmd(struct cli *c);
int change_unlink_cmd(struct cli *c);
int change_advance_cmd(struct cli *c);
int change_obstacle_add_cmd(struct cli *c);
int change_obstacle_resolve_cmd(struct cli *c);
int change_obstacle_rm_cmd(struct cli *c);
int change_win_add_cmd(struct cli *c);
int change_win_rm_cmd(struct cli *c);
int change_anchor_add_cmd(struct cli *c);
int change_anchor_rm_cmd(struct cli *c);
int change_volunteer_cmd(struct cli *c);
int change_unvolunteer_cmd(struct cli *c);
/* the change tracker and initiative pages; urgency; the network beside the hierarchy */
struct urgency_opts {	/* tandem change urgency's flags (cmd_urgency.c) */
	int64_t initiative_id, unit_id;
	const char *as_of;
};
enum { UO_INITIATIVE = 1u << 0, UO_UNIT = 1u << 1, UO_AS_OF = 1u << 2 };
extern const struct field urgency_cli_fields[];
int change_urgency_cmd(struct cli *c);
int change_network_cmd(struct cli *c);
/* balance: indicators, scores, quadrant, actions, snapshots; settings */
int balance_cmd(struct cli *c);
int balance_show_cmd(struct cli *c);
int balance_snapshot_cmd(struct cli *c);
int balance_history_cmd(struct cli *c);
/* the time profile of the people who manage others */
#include "balance/timeprofile.h"	/* struct tp_query, tp_query_fields */
int balance_time_cmd(struct cli *c);
struct setting_opts {	/* tandem setting set KEY --value N, unset KEY (cmd_setting.c) */
	const char *key;
	int64_t value;
};
enum { SET_KEY = 1u << 0, SET_VALUE = 1u << 1 };
extern const struct field setting_cli_fields[];
extern const struct field setting_key_fields[];
int setting_list_cmd(struct cli *c);
int setting_set_cmd(struct cli *c);
int setting_unset_cmd(struct cli *c);
/* the archetype generator for the balance validation */
#include "balance/archetype.h"	/* archetype_fields, struct archetype_opts */
int balance_generate_cmd(struct cli *c);
/* the self-assessment, cohorts and workshops */
#include "balance/assess.h"	/* the command table's field tables */
#include "balance/cohort.h"
int assess_items_cmd(struct cli *c);	/* cmd_assess.c */
int assess_take_cmd(struct cli *c);
int assess_show_cmd(struct cli *c);
int assess_unit_cmd(struct cli *c);
int assess_cohort_cmd(struct cli *c);
int assess_compare_cmd(struct cli *c);
int workshop_new_cmd(struct cli *c);
int workshop_list_cmd(struct cli *c);
int workshop_show_cmd(struct cli *c);
int workshop_close_cmd(struct cli *c);
int workshop_rm_cmd(struct cli *c);
int workshop_join_cmd(struct cli *c);
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
