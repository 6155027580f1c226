/* comm: communications of the vision or a strategy, their audiences, and
 * each recipient's alignment state.
 *
 * An audience names units (their people, with the units under them),
 * people and stakeholders. Sending resolves it once, to one recipient row
 * per person (with the unit they were in then) and per stakeholder, all in
 * state "sent"; a communication is sent once and its audience is then
 * fixed. Recipients move their own state to reached, understood,
 * committed or disagrees (with a comment the sender sees). Coverage
 * counts the recipients at each state, for a unit and its subtree. */
#ifndef TANDEM_COMM_H
#define TANDEM_COMM_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

struct comm {
	int64_t id;
	const char *title, *body, *channel, *day;
	int64_t vision_id, strategy_id, sender_id, unit_id;	/* 0: none */
	const char *sender, *unit;	/* names, or NULL */
	int sent;
};

enum {
	COMM_TITLE = 1u << 0, COMM_BODY = 1u << 1, COMM_CHANNEL = 1u << 2, COMM_DAY = 1u << 3,
	COMM_VISION = 1u << 4, COMM_STRATEGY = 1u << 5, COMM_SENDER = 1u << 6,
	COMM_UNIT = 1u << 7,
};

struct comm_input {
	const char *title, *body, *channel, *day;
	int64_t vision_id, strategy_id, sender_id, unit_id;
};
extern const struct field comm_fields[];
extern const char *const comm_channels[];	/* NULL-terminated */
extern const char *const comm_ack_states[];	/* reached ... disagrees */

struct comm_filter {
	int64_t unit_id;	/* communications of this unit's subtree */
	int64_t vision_id, strategy_id, sender_id;
};
enum { CF_UNIT = 1u << 0, CF_VISION = 1u << 1, CF_STRATEGY = 1u << 2, CF_SENDER = 1u << 3 };
extern const struct field comm_filter_fields[];

/* Adds an unsent communication. The unit defaults to the sender's; one
 * of the two is required. A vision and a strategy are exclusive. */
int comm_add(struct db *db, const struct comm_input *in, unsigned set, int64_t *id,
	     struct err *e);
int comm_get(struct db *db, struct arena *a, int64_t id, struct comm *c, struct err *e);
int comm_list(struct db *db, struct arena *a, const struct comm_filter *f, unsigned fset,
	      struct comm **out, size_t *n, struct err *e);
/* Removes an unsent communication (409 once sent). */
int comm_rm(struct db *db, int64_t id, struct err *e);
json_t *comm_json(const struct comm *c);

/* The audience: one of unit_id, person_id, stakeholder_id. */
struct comm_audience_input {
	int64_t unit_id, person_id, stakeholder_id;
};
enum { CA_UNIT = 1u << 0, CA_PERSON = 1u << 1, CA_STAKEHOLDER = 1u << 2 };
extern const struct field comm_audience_fields[];
struct comm_audience {
	const char *kind;	/* "unit", "person", "stakeholder" */
	int64_t ref_id;
	const char *name;
};
/* Adds one member to the audience of an unsent communication (409 once
 * sent; adding one twice is harmless). */
int comm_audience_add(struct db *db, int64_t comm_id, const struct comm_audience_input *in,
		      unsigned set, struct err *e);
int comm_audience_list(struct db *db, struct arena *a, int64_t comm_id,
		       struct comm_audience **out, size_t *n, struct err *e);

/* Resolves the audience into recipients and marks it sent: 409 when it
 * was sent already, 400 when it has no audience. *count: recipients. */
int comm_send(struct db *db, int64_t comm_id, int64_t *count, struct err *e);

/* A recipient's state. */
struct comm_ack_input {
	int64_t person_id, stakeholder_id;
	const char *state, *comment;
};
enum { ACK_PERSON = 1u << 0, ACK_STAKEHOLDER = 1u << 1, ACK_STATE = 1u << 2,
       ACK_COMMENT = 1u << 3 };
extern const struct field comm_ack_fields[];
/* Sets the state of one person's or one stakeholder's copy: 404 when they
 * did not receive it; the comment is replaced ("" when not given). */
int comm_ack(struct db *db, int64_t comm_id, const struct comm_ack_input *in, unsigned set,
	     struct err *e);

struct comm_recipient {
	int64_t id, person_id, stakeholder_id, unit_id;
	const char *name, *unit, *state, *comment;
};
/* Recipients of a communication, persons of unit_id's subtree (0: all,
 * stakeholders included), only those in state (NULL: any). */
int comm_recipients(struct db *db, struct arena *a, int64_t comm_id, int64_t unit_id,
		    const char *state, struct comm_recipient **out, size_t *n, struct err *e);
json_t *comm_recipient_json(const struct comm_recipient *r);

/* What a person received: each sent communication with their state. */
struct comm_received {
	int64_t comm_id;
	const char *title, *day, *state;
};
int comm_inbox(struct db *db, struct arena *a, int64_t person_id, struct comm_received **out,
	       size_t *n, struct err *e);
/* A person's state on one communication: 1 with *state and *comment (in
 * a), 0 when they did not receive it. */
int comm_state_of(struct db *db, struct arena *a, int64_t comm_id, int64_t person_id,
		  const char **state, const char **comment, struct err *e);

struct coverage { int64_t total, sent, reached, understood, committed, disagrees; };
/* Counts the recipients at each state, of one communication (comm_id 0:
 * every sent one), for unit_id's subtree (0: everyone, stakeholders too). */
int comm_coverage(struct db *db, int64_t comm_id /* 0: every sent comm */,
		  int64_t unit_id /* subtree; 0 all */, struct coverage *out, struct err *e);
/* The same over the communications a filter selects (vision, strategy). */
int comm_coverage_of(struct db *db, int64_t comm_id, int64_t vision_id,
		     int64_t strategy_id, int64_t unit_id, struct coverage *out,
		     struct err *e);
json_t *coverage_json(const struct coverage *c);

/* Coverage per unit: each unit of top's subtree (0: every unit) that has
 * recipients, rolled up over its own subtree, in tree order with its
 * depth below top. comm_id, vision_id, strategy_id as comm_coverage_of. */
struct unit_coverage {
	int64_t unit_id;
	const char *unit;
	int depth;
	struct coverage c;
};
int comm_coverage_units(struct db *db, struct arena *a, int64_t comm_id, int64_t vision_id,
			int64_t strategy_id, int64_t top, struct unit_coverage **out, size_t *n,
			struct err *e);

/* Credibility: what a communication promised. */
struct commitment {
	int64_t id, comm_id;
	const char *text, *due, *status, *closed;	/* due, closed: NULL for none */
};
enum { CM_TEXT = 1u << 0, CM_DUE = 1u << 1, CM_STATUS = 1u << 2 };
struct commitment_input {
	const char *text, *due, *status;
};
extern const struct field commitment_fields[];
extern const struct field commitment_set_fields[];
int commitment_add(struct db *db, int64_t comm_id, const struct commitment_input *in,
		   unsigned set, int64_t *id, struct err *e);
/* Sets the status (closed = today when kept or broken, none when open)
 * and/or the text and due date. */
int commitment_set(struct db *db, int64_t id, const struct commitment_input *in,
		   unsigned set, const char *today, struct err *e);
int commitment_get(struct db *db, struct arena *a, int64_t id, struct commitment *c,
		   struct err *e);
int commitment_list(struct db *db, struct arena *a, int64_t comm_id,
		    struct commitment **out, size_t *n, struct err *e);
json_t *commitment_json(const struct commitment *c);

/* A sender's say-do record: kept / (kept + broken), open and overdue
 * (open with a due day before today) counted apart. */
struct sayd {
	int64_t kept, broken, open, overdue;
};
int comm_sayd(struct db *db, int64_t sender_id, const char *today, struct sayd *out,
	      struct err *e);
/* The say-do ratio in percent, or -1 when nothing was kept or broken. */
int sayd_percent(const struct sayd *s);
json_t *sayd_json(const struct sayd *s);

/* The demo's communications: a town hall to everyone, an email to
 * Operations, a one-to-one, sent, with mixed states, three stakeholders,
 * and commitments kept, broken and open (demo_seed calls it). */
int alignment_demo(struct db *db, const char *today, struct err *e);

#endif
