/* test_graph: proves graph_path (manage/graph.h) on hand-made graphs.
 *
 * An edge {from, to} reads "from depends on to"; a path follows edges.
 * Shown: a chain, a diamond, no path, from == to, cycles, the shortest of
 * several paths, a path buffer too small (0), the path written
 * from -> ... -> to, the edges sorted in place, and for 300 fixed-seed
 * random graphs the same shortest length as a Bellman-Ford relaxation
 * (a second method) with every returned hop a real edge. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "manage/graph.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void assert_path(const int64_t *got, long len, const int64_t *want, size_t n)
{
	assert_int_equal(len, (long)n);
	for (size_t i = 0; i < n; i++)
		if (got[i] != want[i])
			fail_msg("path[%zu] = %lld, want %lld", i, (long long)got[i],
				 (long long)want[i]);
}

static int has_edge(const struct edge *e, size_t n, int64_t from, int64_t to)
{
	for (size_t i = 0; i < n; i++)
		if (e[i].from == from && e[i].to == to)
			return 1;
	return 0;
}

static void test_chain(void **state)
{
	(void)state;
	/* 1 -> 2 -> 3 -> 4, given out of order */
	struct edge e[] = {{3, 4}, {1, 2}, {2, 3}};
	int64_t path[8];
	static const int64_t want[] = {1, 2, 3, 4};
	assert_path(path, graph_path(e, N(e), 1, 4, path, N(path)), want, 4);
	static const int64_t want23[] = {2, 3};
	assert_path(path, graph_path(e, N(e), 2, 3, path, N(path)), want23, 2);
	/* edges are directed: no way back */
	assert_int_equal(graph_path(e, N(e), 4, 1, path, N(path)), 0);
	assert_int_equal(graph_path(e, N(e), 3, 2, path, N(path)), 0);
}

static void test_diamond(void **state)
{
	(void)state;
	/* 1 -> 2 -> 4 and 1 -> 3 -> 4: either way is 3 nodes */
	struct edge e[] = {{2, 4}, {1, 3}, {3, 4}, {1, 2}};
	int64_t path[8];
	long len = graph_path(e, N(e), 1, 4, path, N(path));
	assert_int_equal(len, 3);
	assert_int_equal(path[0], 1);
	assert_true(path[1] == 2 || path[1] == 3);
	assert_int_equal(path[2], 4);
	assert_true(has_edge(e, N(e), path[0], path[1]));
	assert_true(has_edge(e, N(e), path[1], path[2]));
	assert_int_equal(graph_path(e, N(e), 2, 3, path, N(path)), 0);
}

static void test_shortest_is_chosen(void **state)
{
	(void)state;
	/* the long way 1-2-3-4-5-6 (6 nodes) and the short way 1-10-6 (3);
	 * the long way's first hop sorts first, so a depth-first search would
	 * find it first */
	struct edge e[] = {{1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}, {1, 10}, {10, 6}};
	int64_t path[8];
	static const int64_t want[] = {1, 10, 6};
	assert_path(path, graph_path(e, N(e), 1, 6, path, N(path)), want, 3);
	/* from 2 only the long way exists */
	static const int64_t want2[] = {2, 3, 4, 5, 6};
	assert_path(path, graph_path(e, N(e), 2, 6, path, N(path)), want2, 5);
}

static void test_no_path(void **state)
{
	(void)state;
	struct edge e[] = {{1, 2}, {3, 4}};
	int64_t path[8] = {0};
	assert_int_equal(graph_path(e, N(e), 1, 4, path, N(path)), 0);
	assert_int_equal(graph_path(e, N(e), 99, 1, path, N(path)), 0);	/* unknown from */
	assert_int_equal(graph_path(e, N(e), 1, 99, path, N(path)), 0);	/* unknown to */
	/* no edges at all */
	struct edge none[1];
	assert_int_equal(graph_path(none, 0, 1, 2, path, N(path)), 0);
	assert_int_equal(graph_path(NULL, 0, 1, 2, path, N(path)), 0);
}

static void test_from_equals_to(void **state)
{
	(void)state;
	struct edge e[] = {{1, 2}, {2, 1}};
	int64_t path[4];
	static const int64_t want[] = {5};
	assert_path(path, graph_path(e, N(e), 5, 5, path, N(path)), want, 1);
	static const int64_t want1[] = {1};
	assert_path(path, graph_path(e, N(e), 1, 1, path, N(path)), want1, 1);
	assert_path(path, graph_path(NULL, 0, 5, 5, path, N(path)), want, 1);
	/* no room even for the one node */
	assert_int_equal(graph_path(e, N(e), 1, 1, path, 0), 0);
}

static void test_cycle(void **state)
{
	(void)state;
	/* 1 -> 2 -> 3 -> 1, with a tail 3 -> 4 and a stray 9 -> 1 */
	struct edge e[] = {{1, 2}, {2, 3}, {3, 1}, {3, 4}, {9, 1}};
	int64_t path[8];
	static const int64_t w13[] = {1, 2, 3};
	assert_path(path, graph_path(e, N(e), 1, 3, path, N(path)), w13, 3);
	static const int64_t w32[] = {3, 1, 2};
	assert_path(path, graph_path(e, N(e), 3, 2, path, N(path)), w32, 3);
	static const int64_t w21[] = {2, 3, 1};
	assert_path(path, graph_path(e, N(e), 2, 1, path, N(path)), w21, 3);
	static const int64_t w94[] = {9, 1, 2, 3, 4};
	assert_path(path, graph_path(e, N(e), 9, 4, path, N(path)), w94, 5);
	/* the cycle does not trap a search for an unreachable node */
	assert_int_equal(graph_path(e, N(e), 1, 9, path, N(path)), 0);
	/* the cycle-detection question step_dep_add asks: adding 1 -> 3
	 * (1 depends on 3) closes a cycle when 1 is reachable from 3 */
	struct edge d[] = {{2, 1}, {3, 2}};
	static const int64_t w31[] = {3, 2, 1};
	assert_path(path, graph_path(d, N(d), 3, 1, path, N(path)), w31, 3);
}

static void test_buffer_too_small(void **state)
{
	(void)state;
	struct edge e[] = {{1, 2}, {2, 3}, {3, 4}};
	int64_t path[4] = {0};
	assert_int_equal(graph_path(e, N(e), 1, 4, path, 3), 0);
	assert_int_equal(graph_path(e, N(e), 1, 4, path, 1), 0);
	assert_int_equal(graph_path(e, N(e), 1, 4, path, 0), 0);
	/* exactly enough */
	static const int64_t want[] = {1, 2, 3, 4};
	assert_path(path, graph_path(e, N(e), 1, 4, path, 4), want, 4);
}

static void test_sorts_edges_in_place(void **state)
{
	(void)state;
	struct edge e[] = {{5, 1}, {2, 9}, {5, 3}, {1, 7}, {2, 4}};
	int64_t path[4];
	graph_path(e, N(e), 1, 7, path, N(path));
	/* by from, then to */
	static const struct edge want[] = {{1, 7}, {2, 4}, {2, 9}, {5, 1}, {5, 3}};
	for (size_t i = 0; i < N(e); i++) {
		assert_int_equal(e[i].from, want[i].from);
		assert_int_equal(e[i].to, want[i].to);
	}
}

static void test_long_chain_large_ids(void **state)
{
	(void)state;
	/* 5000 nodes with large, scattered ids: id(i) = 1e15 + i * 7919;
	 * edges shuffled; the path is the whole chain in order */
	enum { K = 5000 };
	struct edge *e = malloc((K - 1) * sizeof *e);
	int64_t *path = malloc(K * sizeof *path);
	assert_non_null(e);
	assert_non_null(path);
	for (int i = 0; i + 1 < K; i++) {
		e[i].from = 1000000000000000LL + (int64_t)i * 7919;
		e[i].to = 1000000000000000LL + (int64_t)(i + 1) * 7919;
	}
	uint64_t s = 12345;
	for (int i = K - 2; i > 0; i--) {
		s = s * 6364136223846793005ull + 1442695040888963407ull;
		int j = (int)((s >> 33) % (uint64_t)(i + 1));
		struct edge t = e[i];
		e[i] = e[j];
		e[j] = t;
	}
	long len = graph_path(e, K - 1, 1000000000000000LL,
			      1000000000000000LL + (int64_t)(K - 1) * 7919, path, K);
	assert_int_equal(len, K);
	for (int i = 0; i < K; i++)
		assert_int_equal(path[i], 1000000000000000LL + (int64_t)i * 7919);
	/* one short of room */
	assert_int_equal(graph_path(e, K - 1, 1000000000000000LL,
				    1000000000000000LL + (int64_t)(K - 1) * 7919, path, K - 1), 0);
	free(e);
	free(path);
}

/* Shortest path lengths in nodes by Bellman-Ford relaxation, or 0. */
static long relax_len(const struct edge *e, size_t n, int64_t from, int64_t to)
{
	enum { MAXN = 16 };
	long dist[MAXN + 1];
	for (int i = 0; i <= MAXN; i++)
		dist[i] = -1;
	dist[from] = 1;
	for (int round = 0; round < MAXN; round++)
		for (size_t i = 0; i < n; i++)
			if (dist[e[i].from] > 0 &&
			    (dist[e[i].to] < 0 || dist[e[i].from] + 1 < dist[e[i].to]))
				dist[e[i].to] = dist[e[i].from] + 1;
	return dist[to] > 0 ? dist[to] : 0;
}

static void test_random_graphs_against_relaxation(void **state)
{
	(void)state;
	uint64_t s = 0x9E3779B97F4A7C15ull;
	for (int g = 0; g < 300; g++) {
		struct edge e[40];
		size_t n = 0;
		s = s * 6364136223846793005ull + 1442695040888963407ull;
		int nodes = 2 + (int)((s >> 33) % 15);	/* 2..16, ids 1..nodes */
		int want_edges = (int)((s >> 40) % 40);
		for (int k = 0; k < want_edges; k++) {
			s = s * 6364136223846793005ull + 1442695040888963407ull;
			int64_t a = 1 + (int64_t)((s >> 33) % (uint64_t)nodes);
			int64_t b = 1 + (int64_t)((s >> 45) % (uint64_t)nodes);
			if (a != b && !has_edge(e, n, a, b))
				e[n++] = (struct edge){a, b};
		}
		for (int64_t from = 1; from <= nodes; from++)
			for (int64_t to = 1; to <= nodes; to++) {
				int64_t path[20];
				long want = relax_len(e, n, from, to);
				long got = graph_path(e, n, from, to, path, N(path));
				if (got != want)
					fail_msg("graph %d: %lld -> %lld: length %ld, want %ld", g,
						 (long long)from, (long long)to, got, want);
				if (got > 0) {
					assert_int_equal(path[0], from);
					assert_int_equal(path[got - 1], to);
					for (long i = 0; i + 1 < got; i++)
						assert_true(has_edge(e, n, path[i], path[i + 1]));
				}
			}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chain),
		cmocka_unit_test(test_diamond),
		cmocka_unit_test(test_shortest_is_chosen),
		cmocka_unit_test(test_no_path),
		cmocka_unit_test(test_from_equals_to),
		cmocka_unit_test(test_cycle),
		cmocka_unit_test(test_buffer_too_small),
		cmocka_unit_test(test_sorts_edges_in_place),
		cmocka_unit_test(test_long_chain_large_ids),
		cmocka_unit_test(test_random_graphs_against_relaxation),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
