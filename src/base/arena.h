/* arena: a bump allocator for per-command and per-request data.
 *
 * Everything allocated from an arena is freed at once by arena_reset() or
 * arena_free(); nothing allocated here is freed by hand. Allocation failure
 * returns NULL (callers turn it into a 500 / exit 1). */
#ifndef TANDEM_ARENA_H
#define TANDEM_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t total;
};

#define ARENA_INIT {0}

void *arena_alloc(struct arena *a, size_t n);	/* 16-byte aligned, zeroed */
void *arena_alloc_uninit(struct arena *a, size_t n);	/* the same, not zeroed */
char *arena_strdup(struct arena *a, const char *s);	/* NULL stays NULL */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void arena_reset(struct arena *a);	/* keeps the first block for reuse */
void arena_free(struct arena *a);

#endif
