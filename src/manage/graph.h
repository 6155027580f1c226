/* graph: small pure algorithms on step dependency graphs, kept free of
 * the database so they can be tested on hand-made graphs. */
#ifndef TANDEM_GRAPH_H
#define TANDEM_GRAPH_H

#include <stddef.h>
#include <stdint.h>

struct edge {
	int64_t from;	/* the dependent step */
	int64_t to;	/* the step it depends on */
};

/* Finds a shortest path from `from` to `to` following edges; writes the
 * node ids (from first, to last) into path, which has room for max ids.
 * Sorts edges in place. Returns the path length, 0 when there is none
 * (or it is longer than max), -1 when memory runs out. */
long graph_path(struct edge *edges, size_t n, int64_t from, int64_t to, int64_t *path,
		size_t max);

#endif
