/* setting: the organization's tunable thresholds, kept in the setting
 * table as text and read as whole numbers.
 *
 * Each threshold has one entry in a registry (setting.c) with its
 * default, its range and a sentence of documentation, so that `tandem
 * setting list`, GET /api/v1/settings and docs/settings.md all show the
 * same thing. A stored value outside the range counts as unset (a
 * damaged row never breaks a page); writes outside it are refused.
 * Older thresholds with their own commands (tolerances, workdays, theme
 * pressure) keep them and are not in this registry. */
#ifndef TANDEM_SETTING_H
#define TANDEM_SETTING_H

#include <stdint.h>

#include "base/err.h"
#include "store/db.h"

struct setting_def {
	const char *key;	/* "change.commit_share" */
	int64_t def, min, max;
	const char *unit;	/* "%", "days", "points"... for display */
	const char *doc;	/* one sentence: what it decides */
};

extern const struct setting_def setting_defs[];	/* terminated by key NULL */

const struct setting_def *setting_def_find(const char *key);

/* The value of a registered key: the stored one when valid, else the
 * default. An unregistered key is a programming error (asserts; -1 in
 * release builds with e set). */
int setting_int(struct db *db, const char *key, int64_t *out, struct err *e);

/* Whether the stored value is set (1) or the default is used (0). */
int setting_is_set(struct db *db, const char *key, int *set, struct err *e);

/* Stores value for a registered key, in one transaction. Refuses an
 * unknown key (field "key") or a value outside the range (field
 * "value"), naming the rule. */
int setting_put(struct db *db, const char *key, int64_t value, struct err *e);

/* Back to the default. Refuses an unknown key. */
int setting_unset(struct db *db, const char *key, struct err *e);

#endif
