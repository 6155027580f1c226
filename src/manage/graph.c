/* graph: breadth-first search over sorted edge lists; see graph.h. */
#include "manage/graph.h"

#include <stdlib.h>

static int by_from(const void *pa, const void *pb)
{
	const struct edge *a = pa, *b = pb;
	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	return (a->to > b->to) - (a->to < b->to);
}

static size_t lower_bound(const struct edge *e, size_t n, int64_t from)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (e[mid].from < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Index of id among the visited nodes, by linear probing in a table
 * of size cap (a power of two). */
static size_t slot(const int64_t *keys, size_t cap, int64_t id)
{
	size_t h = (size_t)((uint64_t)id * 0x9E3779B97F4A7C15ull >> 17) & (cap - 1);
	while (keys[h] && keys[h] != id)
		h = (h + 1) & (cap - 1);
	return h;
}

long graph_path(struct edge *edges, size_t n, int64_t from, int64_t to, int64_t *path,
		size_t max)
{
	if (n > 0)	/* qsort must not get NULL, even for no edges */
		qsort(edges, n, sizeof *edges, by_from);
	size_t cap = 16;
	while (cap < 4 * (n + 1))
		cap *= 2;
	/* visited set (keys) with each node's BFS parent; a queue of ids */
	int64_t *keys = calloc(cap, sizeof *keys);
	int64_t *parent = calloc(cap, sizeof *parent);
	int64_t *queue = malloc((2 * n + 2) * sizeof *queue);	/* nodes <= 2n+1 */
	long len = -1;
	if (!keys || !parent || !queue)
		goto out;
	len = 0;
	size_t head = 0, tail = 0;
	keys[slot(keys, cap, from)] = from;
	queue[tail++] = from;
	int found = from == to;
	while (head < tail && !found) {
		int64_t cur = queue[head++];
		for (size_t i = lower_bound(edges, n, cur); i < n && edges[i].from == cur; i++) {
			int64_t next = edges[i].to;
			size_t s = slot(keys, cap, next);
			if (keys[s])
				continue;
			keys[s] = next;
			parent[s] = cur;
			queue[tail++] = next;
			if (next == to) {
				found = 1;
				break;
			}
		}
	}
	if (!found)
		goto out;
	/* walk back from `to`, then reverse */
	size_t k = 0;
	for (int64_t cur = to;; cur = parent[slot(keys, cap, cur)]) {
		if (k == max)
			goto out;
		path[k++] = cur;
		if (cur == from)
			break;
	}
	for (size_t i = 0; i < k / 2; i++) {
		int64_t t = path[i];
		path[i] = path[k - 1 - i];
		path[k - 1 - i] = t;
	}
	len = (long)k;
out:
	free(keys);
	free(parent);
	free(queue);
	return len;
}
