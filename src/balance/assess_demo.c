/* assess_demo: the demo organization's self-assessments (see assess.h):
 * a workshop cohort "Leadership workshop" for the root unit, which the
 * first six people of Engineering joined and answered for, and the
 * assessments of everyone else in Engineering, so that the unit's
 * aggregate, the cohort's and perception beside evidence all show.
 * Units and people are found by name and order, never by fixed ids;
 * everything goes through the domain functions. */
#include <string.h>

#include "balance/assess.h"
#include "balance/cohort.h"
#include "base/date.h"

/* Each process's typical answer in Engineering: they rate their planning
 * and their alignment high, their direction and motivation lower. */
static const int demo_base[ASSESS_NPROC] = {4, 4, 3, 3, 4, 3};

static void id_row(struct stmt *st, struct arena *a, void *item)
{
	(void)a;
	*(int64_t *)item = db_col_int(st, 0);
}

int assess_demo(struct db *db, const char *today, struct err *e)
{
	int32_t day;
	if (date_parse(today, &day))
		return err_set(e, ERR_BAD_INPUT, "today", "today: must be a date as YYYY-MM-DD");
	struct arena a = ARENA_INIT;
	int64_t *people = NULL, unit = 0, trainer = 0, cohort = 0;
	size_t n = 0;
	int rc = -1;
	/* Engineering, or else the unit with the most people */
	struct stmt *st = db_prepare(db,
		"SELECT u.id FROM unit u ORDER BY CASE WHEN u.name = 'Engineering' THEN 0 ELSE 1 END, "
		"(SELECT count(*) FROM person p WHERE p.unit_id = u.id) DESC, u.id LIMIT 1", e);
	if (!st || db_one_int(st, &unit, e) < 0)
		goto out;
	rc = 0;
	if (!unit)
		goto out;	/* an empty organization: nothing to assess */
	rc = -1;
	st = db_prepare(db, "SELECT id FROM person WHERE unit_id = :unit ORDER BY id", e);
	if (!st)
		goto out;
	db_bind_int(st, ":unit", unit);
	if (db_collect(st, &a, sizeof *people, id_row, (void **)&people, &n, e))
		goto out;
	st = db_prepare(db, "SELECT min(id) FROM person", e);
	if (!st || db_one_int(st, &trainer, e) < 0)
		goto out;
	struct cohort_input ci = {.name = "Leadership workshop", .trainer_id = trainer};
	char code[COHORT_CODE_LEN + 1];
	if (cohort_add(db, &ci, COH_NAME | (trainer ? COH_TRAINER : 0), &cohort, code, e))
		goto out;
	for (size_t i = 0; i < n; i++) {
		int answers[ASSESS_ITEMS];
		for (int k = 0; k < ASSESS_ITEMS; k++) {
			int v = demo_base[assess_items[k].process] +
				(int)((i * 7 + (size_t)k * 5) % 3) - 1;
			answers[k] = v < 1 ? 1 : v > 5 ? 5 : v;
		}
		int64_t in = 0, id;
		if (i < 6) {
			int64_t joined;
			if (cohort_join(db, code, people[i], &joined, e))
				goto out;
			in = cohort;
		}
		if (assess_take(db, people[i], in, answers, &id, e))
			goto out;
	}
	rc = 0;
out:
	arena_free(&a);
	return rc;
}
