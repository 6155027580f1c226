/* assess: the self-assessment. Our own questionnaire of 24 plain
 * statements about what a person sees in their team, four for each of
 * the six processes of balance.h (items 1-4 planning and budgeting, 5-8
 * organizing and staffing, 9-12 controlling and problem solving, 13-16
 * setting a direction, 17-20 aligning people, 21-24 motivating and
 * inspiring), each answered 1 (strongly disagree) to 5 (strongly agree).
 *
 * A person's answers and profile are theirs alone: no one else reads
 * them (front-ends answer 404, as for a coaching note). A person may
 * retake it; their latest assessment counts. Groups (a unit with its
 * subtree, a workshop cohort) see only the anonymous aggregate of the
 * latest assessment of each person, and only when at least the group
 * minimum answered (the setting assess.min_group, default 5, never below
 * 3; a cohort's own min_group for a cohort).
 *
 * Perception beside evidence: assess_compare sets a unit's aggregate
 * (0-100 per process) beside the balance scores read from the data
 * (balance_unit) and sorts the processes by the largest disagreement. */
#ifndef TANDEM_ASSESS_H
#define TANDEM_ASSESS_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

/* the six processes, in balance.h's order (enum bal_process) */
enum { ASSESS_ITEMS = 24, ASSESS_PER = 4, ASSESS_MIN_FLOOR = 3, ASSESS_NPROC = 6 };
/* balance.h's bal_process_keys and bal_process_names, for front-ends */
const char *assess_process_key(int process);	/* "planning" */
const char *assess_process_name(int process);	/* "Planning and budgeting" */
/* processes 0-2 are management, 3-5 leadership */
#define ASSESS_IS_MANAGEMENT(p) ((p) < 3)
struct bal_unit;

struct assess_item {
	int n;			/* 1-24 */
	int process;		/* enum bal_process */
	const char *text;
};
extern const struct assess_item assess_items[ASSESS_ITEMS];
/* 1 strongly disagree .. 5 strongly agree; [0] unused */
extern const char *const assess_scale[6];

/* assess take: the CLI's and the API's input */
enum { AT_PERSON = 1u << 0, AT_COHORT = 1u << 1, AT_ANSWERS = 1u << 2 };
struct assess_take_input {
	int64_t person_id;
	int64_t cohort_id;	/* 0: the person's latest open cohort, if any */
	const char *answers;	/* "4,3,5,...": 24 values 1-5 */
};
extern const struct field assess_take_fields[];	/* person_id, cohort_id, answers */
extern const struct field assess_api_fields[];	/* cohort_id, answers (the signed-in person) */

struct assess_person_q {
	int64_t person_id;
};
extern const struct field assess_person_fields[];

/* A profile: one person's latest answers, or a group's aggregate. */
struct assess_profile {
	int64_t respondents;	/* 1 for a person */
	int64_t min_group;	/* a group's minimum (0 for a person) */
	int shown;		/* respondents >= min_group (always 1 for a person) */
	int64_t counted;	/* a group's: the respondents its means count, the
				 * first in whole groups of min_group (see
				 * docs/assess.md); 1 for a person */
	char day[11];		/* a person's: the day taken; a group's: the latest day */
	int64_t assessment_id;	/* a person's latest, 0 for a group */
	int64_t cohort_id;	/* a person's: the cohort it counted for, 0 none */
	double item[ASSESS_ITEMS];	/* mean 1-5 (a person: the answer) */
	double process[ASSESS_NPROC];	/* mean 1-5 of the process's four items */
	double score[ASSESS_NPROC];	/* 0-100: (mean - 1) / 4 x 100 */
	char group[160];	/* a group's name, for messages */
	char hidden[320];	/* why a group is not shown, in words ("" when shown) */
};

/* Parses "4,3,5,..." into 24 values 1-5; refusals name the item
 * ("answers: item 7 takes 1 to 5 (got 9)"). */
int assess_parse_answers(const char *s, int out[ASSESS_ITEMS], struct err *e);

/* Records person's answers (24 values 1-5), in one transaction, with
 * their unit now and cohort_id (0: the latest open cohort they joined,
 * if any). Refuses an unknown person (404), an unknown cohort (404), a
 * closed cohort or one they have not joined (409). */
int assess_take(struct db *db, int64_t person_id, int64_t cohort_id,
		const int answers[ASSESS_ITEMS], int64_t *id, struct err *e);

/* The person's own profile (their latest assessment); 404 when they have
 * none. Callers show it to that person only. */
int assess_person(struct db *db, int64_t person_id, struct assess_profile *out,
		  struct err *e);

/* The anonymous aggregate of unit_id's subtree: the latest assessment of
 * each person whose unit (when they took it) lies in the subtree.
 * out->shown says whether it may be shown; when not, the means are 0. */
int assess_unit(struct db *db, int64_t unit_id, struct assess_profile *out, struct err *e);
/* The same for a cohort: the latest assessment each person took for it,
 * against the cohort's min_group. 404 for an unknown cohort. */
int assess_cohort(struct db *db, int64_t cohort_id, struct assess_profile *out,
		  struct err *e);
/* 403 naming the group, how many answered and the minimum, when the
 * aggregate is not shown; what: "Engineering", "cohort Leadership
 * workshop". */
int assess_refuse_small(const struct assess_profile *p, const char *what, struct err *e);

/* The setting assess.min_group (default 5, at least 3). */
int assess_min_group(struct db *db, int64_t *n, struct err *e);

/* Perception beside evidence for one process. */
struct assess_gap {
	int process;		/* enum bal_process */
	double perceived;	/* the aggregate's 0-100 */
	double evidence;	/* balance's process score 0-100 */
	double gap;		/* perceived - evidence */
	const char *why;	/* the data's numbers, in words (an indicator's why) */
	const char *words;	/* the sentence */
};
struct assess_compare {
	int64_t unit_id;
	const char *unit_name;
	struct assess_profile perception;
	struct bal_unit *evidence;	/* balance_unit's, in the arena */
	struct assess_gap gaps[ASSESS_NPROC];	/* the largest disagreement first */
	double perceived_m, perceived_l;	/* the means of the perceived processes */
	double data_m, data_l;	/* balance's management and leadership scores */
	const char *quadrant;	/* balance's quadrant */
};
/* Compares unit_id's aggregate with its balance scores (as of today);
 * 403 (assess_refuse_small) when the aggregate is not shown. In a. */
int assess_compare(struct db *db, struct arena *a, int64_t unit_id, struct assess_compare *out,
		   struct err *e);

json_t *assess_items_json(void);
/* A profile as JSON; with_items adds the 24 item means. */
json_t *assess_profile_json(const struct assess_profile *p, int with_items);
json_t *assess_compare_json(const struct assess_compare *c);

/* The demo: a workshop cohort "Leadership workshop" and assessments by
 * the people of Engineering (or, without it, the largest unit). */
int assess_demo(struct db *db, const char *today, struct err *e);

#endif
