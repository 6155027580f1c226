/* archetype: organizations of a known balance, to validate the diagnosis.
 *
 * The generator builds one of four archetype organizations into an empty
 * database: "strong" (well led and well managed), "overmanaged"
 * (management in excess, leadership missing), "overled" (the mirror) and
 * "weak" (neither). Every indicator of the balance contract
 * (docs/balance.md) is driven per unit by the archetype's parameters,
 * each drawn per unit from a range with the seed, so that units differ.
 * The diagnosis (balance.h) should classify nearly every unit as its
 * archetype's quadrant; tests/cli/archetypes.sh checks that it does in at
 * least 95 % of the units of every generated organization.
 *
 * archetype_demo gives the demo organization (Northwind) units in
 * different quadrants and a monthly balance history. */
#ifndef TANDEM_ARCHETYPE_H
#define TANDEM_ARCHETYPE_H

#include <stdint.h>

#include "base/err.h"
#include "base/field.h"
#include "store/db.h"

enum archetype { ARCH_STRONG, ARCH_OVERMANAGED, ARCH_OVERLED, ARCH_WEAK, ARCH_N };
/* "strong", "overmanaged", "overled", "weak", then NULL (an FT_ENUM's choices) */
extern const char *const archetype_names[ARCH_N + 1];
/* the quadrant each archetype should be classified as (balance.h's keys) */
extern const char *const archetype_quadrants[ARCH_N];
/* The archetype named name, or -1. */
int archetype_find(const char *name);

enum { ARCH_MIN_UNITS = 1, ARCH_MAX_UNITS = 2000, ARCH_MIN_PEOPLE = 3, ARCH_MAX_PEOPLE = 60 };

struct archetype_opts {
	const char *archetype;	/* one of archetype_names */
	int64_t units;		/* units in the tree, root included */
	int64_t people;		/* per unit (default 8) */
	int64_t seed;		/* default 1 */
	const char *today;	/* the anchor day, default today */
};
enum { AO_ARCHETYPE = 1u << 0, AO_UNITS = 1u << 1, AO_PEOPLE = 1u << 2, AO_SEED = 1u << 3,
       AO_TODAY = 1u << 4 };
/* The flags of tandem balance generate (the CLI fills its defaults). */
extern const struct field archetype_fields[];

struct archetype_counts {
	int64_t units, people, plans, steps, entries, signals, comms, recipients,
		recognitions, ideas, initiatives;
};

/* Generates the organization into an empty database, in one transaction
 * (the caller's when one is open). Refuses (409) a database that holds a
 * unit, (400) an unknown archetype or sizes out of range, writing
 * nothing. The same options give the same organization. */
int archetype_generate(struct db *db, const struct archetype_opts *o,
		       struct archetype_counts *c, struct err *e);

/* The demo's part (runs last in demo_seed, inside its transaction): more
 * records for Northwind's units so that Logistics reads overmanaged and
 * underled, Sales overled and undermanaged and Engineering well led and
 * well managed; then monthly snapshots on the first day of each of the
 * last six months and today. Finds the units by name. */
int archetype_demo(struct db *db, const char *today, struct err *e);
/* The time entries in the database (the demo's count, its own and these). */
int archetype_count_entries(struct db *db, int64_t *n, struct err *e);

#endif
