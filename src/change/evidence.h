/* evidence: what each of Kotter's eight steps needs before an initiative
 * may stand on it, read from the data (docs/change.md), and the advance
 * from one step to the next.
 *
 * Advancing from step N to N+1 needs every item of step N+1 (and, from
 * step 1, step 1's urgency items as well).
 *
 * Every item has a key ("coalition_covers"...), a label, whether it is
 * met and why, with the numbers ("3 of 5 affected people committed
 * (60 %), needs 60 %"). Thresholds are settings (change.*). An item
 * that does not apply (no pulse linked) is met, its why saying so. */
#ifndef TANDEM_EVIDENCE_H
#define TANDEM_EVIDENCE_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/db.h"

struct evidence_item {
	int step;		/* 1-8 */
	const char *key;
	const char *label;
	int met;
	const char *why;
};

struct evidence {
	int64_t initiative_id;
	int step;		/* where the initiative stands */
	struct evidence_item *items;	/* all items of all eight steps, by step */
	size_t n;
};

/* Every item of all eight steps as of day as_of (NULL: today); 404 for
 * an unknown initiative, 400 for a bad day. Allocates in a. */
int evidence_get(struct db *db, struct arena *a, int64_t id, const char *as_of,
		 struct evidence *out, struct err *e);

/* The first unmet item of step (NULL when all are met), from ev. */
const struct evidence_item *evidence_first_missing(const struct evidence *ev, int step);
/* The first unmet item the next advance needs (NULL when none, or at
 * step 8): step+1's, and step 1's too while at step 1 (step 1 is
 * reached when the initiative starts, so its evidence is asked for on
 * the first advance). */
const struct evidence_item *evidence_next_missing(const struct evidence *ev);

/* Moves the initiative to step+1, reached today, when every item of
 * step+1 is met; else -1 with e (ERR_CONFLICT, 409; CLI exit 5) listing
 * what is missing, and *missing (if not NULL) filled with the unmet
 * items of step+1 only. override_reason non-NULL and non-empty: an
 * admin's override (the caller checks the role), recorded in
 * initiative_step with by; an empty reason is refused (400). Refuses an
 * initiative at step 8 or not active (409). One transaction. */
int initiative_advance(struct db *db, struct arena *a, int64_t id, const char *override_reason,
		       const char *by, struct evidence *missing, struct err *e);

/* The same on day (NULL: today): the step is reached on day and the
 * evidence read as of day (the demo backdates its history). */
int initiative_advance_at(struct db *db, struct arena *a, int64_t id, const char *day,
			  const char *override_reason, const char *by, struct evidence *missing,
			  struct err *e);

json_t *evidence_json(const struct evidence *ev);
json_t *evidence_item_json(const struct evidence_item *it);

#endif
