/* test_comm: the say-do ratio, and sending and coverage checked against
 * a second method.
 *
 * Say-do, worked by hand (kept / (kept + broken), whole percent rounded
 * half up): 2 kept 1 broken -> 66.7 -> 67; 1 and 1 -> 50; 1 kept 7
 * broken -> 12.5 -> 13; 3 and 0 -> 100; 0 and 4 -> 0; nothing closed ->
 * none (-1), whatever is open.
 *
 * Sending: a random org tree (each unit's parent an earlier unit), people
 * in random units, a random audience of units and people; comm_send's
 * recipients must be exactly the people that the brute-force rule gives
 * (named, or in an audience unit, or under one: walk up the parents),
 * each once. Then random states, and comm_coverage for every unit must
 * equal a count over the people whose unit is that one or under it
 * (walking up again), with the stakeholder counted only in the whole. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "lead/comm.h"
#include "lead/stakeholder.h"
#include "org/person.h"
#include "org/unit.h"
#include "store/db.h"
#include "testutil.h"

static void test_sayd(void **state)
{
	(void)state;
	struct {
		int64_t kept, broken, open;
		int want;
	} c[] = {{2, 1, 0, 67}, {1, 1, 5, 50}, {1, 7, 0, 13}, {3, 0, 0, 100},
		 {0, 4, 0, 0},  {0, 0, 3, -1}};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		struct sayd s = {.kept = c[i].kept, .broken = c[i].broken, .open = c[i].open};
		assert_int_equal(sayd_percent(&s), c[i].want);
	}
}

enum { NU = 12, NP = 40 };

static uint64_t rng = 88172645463325252ull;
static unsigned next(unsigned n)
{
	rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static void test_send_and_coverage(void **state)
{
	(void)state;
	char dir[64], path[128], url[160];
	assert_int_equal(make_test_dir(dir, "comm"), 0);
	snprintf(path, sizeof path, "%s/c.db", dir);
	snprintf(url, sizeof url, "sqlite:%s", path);
	struct db *db;
	struct err e = {0};
	assert_int_equal(db_open(url, DB_MIGRATE, &db, &e), 0);
	int64_t uid[NU], parent[NU], pid[NP], punit[NP];
	for (int i = 0; i < NU; i++) {
		char name[16];
		snprintf(name, sizeof name, "U%d", i);
		parent[i] = i ? (int64_t)next((unsigned)i) : -1;	/* index of an earlier unit */
		struct unit_input u = {.name = name, .parent_id = i ? uid[parent[i]] : 0};
		assert_int_equal(unit_add(db, &u, UNIT_NAME | (i ? UNIT_PARENT : 0), &uid[i], &e), 0);
	}
	for (int i = 0; i < NP; i++) {
		char name[16], email[32];
		snprintf(name, sizeof name, "P%d", i);
		snprintf(email, sizeof email, "p%d@t.test", i);
		punit[i] = next(NU);
		struct person_input p = {.name = name, .email = email, .unit_id = uid[punit[i]]};
		assert_int_equal(person_add(db, &p, PERSON_NAME | PERSON_EMAIL | PERSON_UNIT, &pid[i],
					    &e), 0);
	}
	struct stakeholder_input si = {.name = "Board", .kind = "board"};
	int64_t sh;
	assert_int_equal(stakeholder_add(db, &si, SH_NAME | SH_KIND, &sh, &e), 0);
	struct comm_input ci = {.title = "T", .channel = "email", .day = "2026-03-02",
				.unit_id = uid[0]};
	int64_t comm;
	assert_int_equal(comm_add(db, &ci, COMM_TITLE | COMM_CHANNEL | COMM_DAY | COMM_UNIT, &comm,
				  &e), 0);
	/* the audience: three units and five people, repeats allowed */
	int in_unit[NU] = {0}, named[NP] = {0};
	for (int k = 0; k < 3; k++) {
		int u = (int)next(NU);
		in_unit[u] = 1;
		struct comm_audience_input a = {.unit_id = uid[u]};
		assert_int_equal(comm_audience_add(db, comm, &a, CA_UNIT, &e), 0);
	}
	for (int k = 0; k < 5; k++) {
		int p = (int)next(NP);
		named[p] = 1;
		struct comm_audience_input a = {.person_id = pid[p]};
		assert_int_equal(comm_audience_add(db, comm, &a, CA_PERSON, &e), 0);
	}
	struct comm_audience_input a = {.stakeholder_id = sh};
	assert_int_equal(comm_audience_add(db, comm, &a, CA_STAKEHOLDER, &e), 0);
	/* the second method: walk up from each person's unit */
	int want[NP], nwant = 0;
	for (int i = 0; i < NP; i++) {
		want[i] = named[i];
		for (int64_t u = punit[i]; u >= 0 && !want[i]; u = parent[u])
			want[i] = in_unit[u];
		nwant += want[i];
	}
	int64_t count;
	assert_int_equal(comm_send(db, comm, &count, &e), 0);
	assert_int_equal(count, nwant + 1);
	struct arena ar = {0};
	struct comm_recipient *r;
	size_t n;
	assert_int_equal(comm_recipients(db, &ar, comm, 0, NULL, &r, &n, &e), 0);
	assert_int_equal(n, (size_t)nwant + 1);
	int seen[NP] = {0};
	for (size_t k = 0; k < n; k++) {
		if (!r[k].person_id) {
			assert_int_equal(r[k].stakeholder_id, sh);
			continue;
		}
		int i = (int)(r[k].person_id - pid[0]);
		assert_true(i >= 0 && i < NP && want[i] && !seen[i]);
		seen[i] = 1;
		assert_int_equal(r[k].unit_id, uid[punit[i]]);
	}
	/* random states, then coverage per unit against a count */
	static const char *const states[] = {"reached", "understood", "committed", "disagrees"};
	int st[NP];
	for (int i = 0; i < NP; i++) {
		st[i] = (int)next(5) - 1;	/* -1: left at sent */
		if (!want[i] || st[i] < 0)
			continue;
		struct comm_ack_input in = {.person_id = pid[i], .state = states[st[i]]};
		assert_int_equal(comm_ack(db, comm, &in, ACK_PERSON | ACK_STATE, &e), 0);
	}
	for (int u = 0; u < NU; u++) {
		int64_t c[5] = {0}, total = 0;
		for (int i = 0; i < NP; i++) {
			int under = 0;
			for (int64_t x = punit[i]; x >= 0 && !under; x = parent[x])
				under = x == u;
			if (want[i] && under)
				c[st[i] + 1]++, total++;
		}
		struct coverage cov;
		assert_int_equal(comm_coverage(db, comm, uid[u], &cov, &e), 0);
		assert_int_equal(cov.total, total);
		assert_int_equal(cov.sent, c[0]);
		assert_int_equal(cov.reached, c[1]);
		assert_int_equal(cov.understood, c[2]);
		assert_int_equal(cov.committed, c[3]);
		assert_int_equal(cov.disagrees, c[4]);
	}
	struct coverage all;
	assert_int_equal(comm_coverage(db, 0, 0, &all, &e), 0);
	assert_int_equal(all.total, nwant + 1);	/* the stakeholder, at sent */
	/* sending twice is a conflict */
	assert_int_equal(comm_send(db, comm, &count, &e), -1);
	assert_int_equal(e.status, ERR_CONFLICT);
	arena_free(&ar);
	db_close(db);
	remove_db_files(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sayd),
		cmocka_unit_test(test_send_and_coverage),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
