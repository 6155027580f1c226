/* cohort: a workshop's group. A trainer creates one for a unit (the
 * root unit by default) and gets a join code of 8 characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L), drawn with libsodium and
 * shown as "K7PX-3MQD"; participants join with it (a code is read
 * without its dash and in any case). Joining on the web creates the
 * participant: a person in the cohort's unit and a member account. A
 * closed cohort takes no one and no answers; its aggregate stays. */
#ifndef TANDEM_COHORT_H
#define TANDEM_COHORT_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

enum { COHORT_CODE_LEN = 8 };

struct cohort {
	int64_t id;
	const char *name;
	const char *code;	/* "K7PX3MQD"; cohort_code_show adds the dash */
	int64_t unit_id;
	const char *unit_name;
	int64_t trainer_id;	/* 0 for none */
	const char *trainer_name;
	int64_t min_group;
	int open;
	const char *created;
	int64_t joined;		/* members */
	int64_t answered;	/* people with an assessment for it */
};

enum { COH_NAME = 1u << 0, COH_UNIT = 1u << 1, COH_MIN = 1u << 2, COH_TRAINER = 1u << 3 };
struct cohort_input {
	const char *name;
	int64_t unit_id;
	int64_t min_group;
	int64_t trainer_id;
};
extern const struct field cohort_fields[];

struct cohort_filter {
	int64_t unit_id;	/* with its subtree */
};
enum { COHF_UNIT = 1u << 0 };
extern const struct field cohort_filter_fields[];

enum { COHJ_PERSON = 1u << 0, COHJ_CODE = 1u << 1 };
struct cohort_join_input {
	const char *code;
	int64_t person_id;
};
extern const struct field cohort_join_fields[];

/* A participant who joins on the web: the code, their name, an email and
 * a password. */
enum { JOIN_CODE = 1u << 0, JOIN_NAME = 1u << 1, JOIN_EMAIL = 1u << 2, JOIN_PASSWORD = 1u << 3 };
struct join_input {
	const char *code, *name, *email, *password;
};
extern const struct field join_fields[];

/* Creates a cohort with a new random code (copied to code, with a NUL);
 * unit default the root unit (the first one); min_group at least 3
 * (default: the setting assess.min_group). One transaction. */
int cohort_add(struct db *db, const struct cohort_input *in, unsigned set, int64_t *id,
	       char code[COHORT_CODE_LEN + 1], struct err *e);
int cohort_get(struct db *db, struct arena *a, int64_t id, struct cohort *out, struct err *e);
/* Newest first; f's unit_id narrows to a subtree. */
int cohort_list(struct db *db, struct arena *a, const struct cohort_filter *f, unsigned fset,
		struct cohort **out, size_t *n, struct err *e);
/* Closes it (409 when it is closed already). */
int cohort_close(struct db *db, int64_t id, struct err *e);
/* Removes it with its members; the assessments stay, for no cohort. */
int cohort_rm(struct db *db, int64_t id, struct err *e);
/* The open cohort of code (dash and case ignored): 404 for no such
 * code, 409 for a closed one. */
int cohort_by_code(struct db *db, const char *code, int64_t *id, struct err *e);
/* Adds an existing person to the cohort of code (409 when already in). */
int cohort_join(struct db *db, const char *code, int64_t person_id, int64_t *cohort_id,
		struct err *e);
/* Joins as a new participant: refuses a wrong or closed code, an empty
 * name, a taken email, a password shorter than PASSWORD_MIN, writing
 * nothing; creates the person in the cohort's unit, a member account
 * (login = the email) and the membership, in one transaction. */
int cohort_join_new(struct db *db, const struct join_input *in, unsigned set,
		    int64_t *person_id, int64_t *cohort_id, struct err *e);

/* "K7PX-3MQD" into out[10]. */
void cohort_code_show(const char *code, char out[COHORT_CODE_LEN + 2]);
json_t *cohort_json(const struct cohort *c);

#endif
