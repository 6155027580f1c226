/* staffing: organizing and staffing. The skill catalogue (org-wide),
 * each person's skills at a level, positions of a unit with a headcount
 * and the skills they require, who holds which position, how well a
 * person matches a position, and each manager's span of control.
 *
 * Skill levels are 1 aware, 2 beginner, 3 practitioner, 4 advanced,
 * 5 expert; anything else is refused as an unknown skill level. The
 * match score of a person for a position (docs/staffing.md):
 *   score = round(100 x (sum over required skills j of
 *                        min(have_j, L_j) / L_j) / k)
 * with k required skills at levels L_j and have_j the person's level
 * (0 without the skill); a position requiring nothing matches 100.
 * Implemented in skill.c (skills, person skills), position.c
 * (positions, their required skills) and staffing.c (holders, matching,
 * span of control, the demo). */
#ifndef TANDEM_STAFFING_H
#define TANDEM_STAFFING_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

enum { LEVEL_MIN = 1, LEVEL_MAX = 5 };
/* "aware" ... "expert" for 1..5, "none" for 0, NULL otherwise. */
const char *skill_level_name(int64_t level);
/* 400 naming field unless level is 1-5. */
int skill_level_check(int64_t level, const char *field, struct err *e);

/* --- skills ------------------------------------------------------------- */

struct skill {
	int64_t id;
	const char *name;
	const char *description;
	int64_t people;		/* how many people have it */
	int64_t positions;	/* how many positions require it */
	int64_t level;		/* skill_list with SKF_PERSON: the person's level */
};

enum { SKILL_NAME = 1u << 0, SKILL_DESCRIPTION = 1u << 1 };
struct skill_input {
	const char *name;
	const char *description;
};
extern const struct field skill_fields[];

struct skill_filter {
	int64_t person_id;	/* only the skills of this person, with their level */
};
enum { SKF_PERSON = 1u << 0 };
extern const struct field skill_filter_fields[];

int skill_add(struct db *db, const struct skill_input *in, unsigned set, int64_t *id,
	      struct err *e);
int skill_get(struct db *db, struct arena *a, int64_t id, struct skill *s, struct err *e);
/* By name; with SKF_PERSON the person's skills (404 for no such person). */
int skill_list(struct db *db, struct arena *a, const struct skill_filter *f, unsigned fset,
	       struct skill **out, size_t *n, struct err *e);
int skill_set(struct db *db, int64_t id, const struct skill_input *in, unsigned set,
	      struct err *e);
/* Refused (409) while a person has it or a position requires it. */
int skill_rm(struct db *db, int64_t id, struct err *e);
int skill_must_exist(struct db *db, int64_t id, const char *field, struct err *e);
json_t *skill_json(const struct skill *s, int with_level);

/* A skill at a level: a person's, or a position's requirement. */
enum { LV_SKILL = 1u << 0, LV_LEVEL = 1u << 1 };
struct level_input {
	int64_t skill_id;
	int64_t level;
};
extern const struct field level_fields[];	/* skill_id, level (both required) */
extern const struct field unlevel_fields[];	/* skill_id alone */

/* Sets or changes a person's level in a skill. */
int person_skill_set(struct db *db, int64_t person_id, const struct level_input *in,
		     unsigned set, struct err *e);
/* 404 when the person does not have the skill. */
int person_skill_rm(struct db *db, int64_t person_id, int64_t skill_id, struct err *e);

/* --- positions ------------------------------------------------------------ */

struct pos_skill {
	int64_t skill_id;
	const char *name;
	int64_t level;
};

struct position {
	int64_t id;
	int64_t unit_id;
	const char *unit_name;
	const char *title;
	int64_t headcount;
	int64_t filled;		/* people holding it */
	int64_t vacancies;	/* headcount - filled, never below 0 */
	/* position_get only (detail set): the skills it requires, by name */
	int detail;
	struct pos_skill *skills;
	size_t nskills;
};

enum { POS_TITLE = 1u << 0, POS_UNIT = 1u << 1, POS_HEADCOUNT = 1u << 2 };
struct position_input {
	const char *title;
	int64_t unit_id;
	int64_t headcount;
};
extern const struct field position_fields[];

struct position_filter {
	int64_t unit_id;	/* with its subtree */
	int vacant;		/* only positions with a vacancy */
	int64_t limit, offset;
};
enum { POF_UNIT = 1u << 0, POF_VACANT = 1u << 1, POF_LIMIT = 1u << 2, POF_OFFSET = 1u << 3 };
extern const struct field position_filter_fields[];

int position_add(struct db *db, const struct position_input *in, unsigned set, int64_t *id,
		 struct err *e);
int position_get(struct db *db, struct arena *a, int64_t id, struct position *p,
		 struct err *e);
/* By unit name, then title. */
int position_list(struct db *db, struct arena *a, const struct position_filter *f,
		  unsigned fset, struct position **out, size_t *n, struct err *e);
/* Refuses (409) a headcount below the people holding it. */
int position_set(struct db *db, int64_t id, const struct position_input *in, unsigned set,
		 struct err *e);
/* Refused (409) while anyone holds it; its required skills go with it. */
int position_rm(struct db *db, int64_t id, struct err *e);
/* Requires a skill at a level (sets or changes the level). */
int position_need(struct db *db, int64_t id, const struct level_input *in, unsigned set,
		  struct err *e);
/* 404 when the position does not require the skill. */
int position_unneed(struct db *db, int64_t id, int64_t skill_id, struct err *e);
int position_must_exist(struct db *db, int64_t id, const char *field, struct err *e);
json_t *position_json(const struct position *p);

/* --- staffing ----------------------------------------------------------- */

struct staff {
	int64_t id;
	int64_t position_id;
	const char *title;
	int64_t unit_id;
	const char *unit_name;
	int64_t person_id;
	const char *person;
	const char *since;
	int64_t score;		/* the person's match for the position, 0-100 */
};

enum { STF_POSITION = 1u << 0, STF_PERSON = 1u << 1, STF_SINCE = 1u << 2 };
struct staff_input {
	int64_t position_id;
	int64_t person_id;
	const char *since;	/* default today */
};
extern const struct field staff_fields[];

struct staff_filter {
	int64_t unit_id;	/* positions of this unit and its subtree */
	int64_t person_id;
	int64_t position_id;
	int64_t limit, offset;
};
enum {
	SFF_UNIT = 1u << 0, SFF_PERSON = 1u << 1, SFF_POSITION = 1u << 2, SFF_LIMIT = 1u << 3,
	SFF_OFFSET = 1u << 4,
};
extern const struct field staff_filter_fields[];

/* Puts a person in a position: refuses (409) a position already at its
 * headcount and a person already holding it; 404 for either missing. */
int staff_add(struct db *db, const struct staff_input *in, unsigned set, int64_t *id,
	      struct err *e);
int staff_get(struct db *db, struct arena *a, int64_t id, struct staff *s, struct err *e);
/* By unit name, position title, person name; each with its score. */
int staff_list(struct db *db, struct arena *a, const struct staff_filter *f, unsigned fset,
	       struct staff **out, size_t *n, struct err *e);
int staff_rm(struct db *db, int64_t id, struct err *e);
/* staff_rm for the holder of position_id with staffing id (404 if the
 * staffing is another position's). */
int staff_rm_of(struct db *db, int64_t position_id, int64_t id, struct err *e);

/* The match score (0-100) of person_id for position_id; 404 for either
 * missing. */
int staff_score(struct db *db, int64_t position_id, int64_t person_id, int64_t *score,
		struct err *e);
/* The score from the required levels and the levels had (k pairs). */
int64_t match_score(const int64_t *required, const int64_t *have, size_t k);

struct candidate {
	int64_t person_id;
	const char *name;
	const char *title;
	int64_t unit_id;
	int64_t score;
	int64_t missing;	/* required skills below their level */
	int holds;		/* already holds the position */
};
/* The people of unit_id's subtree (0: the position's unit) ranked for
 * position_id: best score first, then by name. */
int staff_match(struct db *db, struct arena *a, int64_t position_id, int64_t unit_id,
		struct candidate **out, size_t *n, struct err *e);
json_t *staff_json(const struct staff *s);
json_t *candidate_json(const struct candidate *c);

/* --- span of control ------------------------------------------------------ */

/* A manager's span is "narrow" below SPAN_NARROW direct reports and
 * "wide" above SPAN_WIDE. */
enum { SPAN_NARROW = 2, SPAN_WIDE = 12 };
struct span {
	int64_t manager_id;
	const char *name;
	int64_t unit_id;
	const char *unit_name;
	int64_t reports;
	const char *flag;	/* "narrow", "wide" or "" */
};
struct span_filter {
	int64_t unit_id;	/* managers in this unit and its subtree */
};
enum { SPF_UNIT = 1u << 0 };
extern const struct field span_filter_fields[];
/* Every person with direct reports, widest span first. */
int span_list(struct db *db, struct arena *a, const struct span_filter *f, unsigned fset,
	      struct span **out, size_t *n, struct err *e);
json_t *span_json(const struct span *s);

/* Seeds skills, people's skills, positions and their holders from the
 * demo organization already in db (demo.c), deterministically. */
int staffing_demo(struct db *db, const char *today, struct err *e);

#endif
