/* testutil: small helpers shared by the cmocka tests (included after
 * <cmocka.h>). */
#ifndef TANDEM_TESTUTIL_H
#define TANDEM_TESTUTIL_H

#include <stdio.h>
#include <string.h>
#include <unistd.h>

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

#endif
