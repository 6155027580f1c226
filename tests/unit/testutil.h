/* testutil: small helpers shared by the cmocka tests (included after
 * <cmocka.h>). */
#ifndef TANDEM_TESTUTIL_H
#define TANDEM_TESTUTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

/* Fails the test unless hay contains needle, showing both. */
#define assert_contains(hay, needle)                                              \
	do {                                                                       \
		const char *h_ = (hay), *n_ = (needle);                            \
		if (!strstr(h_, n_))                                               \
			fail_msg("\"%s\" does not contain \"%s\"", h_, n_);        \
	} while (0)

/* Removes a SQLite database file and its companions (WAL, index, journal). */
static inline void remove_db_files(const char *path)
{
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		char p[256];
		snprintf(p, sizeof p, "%s%s", path, suffix[i]);
		unlink(p);
	}
}

/* Makes a fresh folder /tmp/tandem-test-TAG-XXXXXX in dir (64 bytes);
 * 0 or -1. */
static inline int make_test_dir(char dir[64], const char *tag)
{
	snprintf(dir, 64, "/tmp/tandem-test-%s-XXXXXX", tag);
	return mkdtemp(dir) ? 0 : -1;
}

/* One integer from a query, read with sqlite3 directly: an independent
 * reader, so that tests do not trust tandem to report its own writes. */
static inline int64_t raw_int(const char *path, const char *sql)
{
	sqlite3 *c = NULL;
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_open(path, &c), SQLITE_OK);
	if (sqlite3_prepare_v2(c, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("raw_int %s: %s", sql, sqlite3_errmsg(c));
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(c);
	return v;
}

#endif
