/* testutil: small helpers shared by the cmocka tests (included after
 * <cmocka.h>). */
#ifndef TANDEM_TESTUTIL_H
#define TANDEM_TESTUTIL_H

#include <string.h>

/* Fails the test unless hay contains needle, showing both. */
#define assert_contains(hay, needle)                                              \
	do {                                                                       \
		const char *h_ = (hay), *n_ = (needle);                            \
		if (!strstr(h_, n_))                                               \
			fail_msg("\"%s\" does not contain \"%s\"", h_, n_);        \
	} while (0)

#endif
