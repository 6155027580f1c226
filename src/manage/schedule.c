/* schedule: see schedule.h. */
#include "manage/schedule.h"

#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/json.h"
#include "manage/calendar.h"
#include "manage/plan.h"

struct id_index {
	int64_t id;
	size_t i;
};

static int cmp_id(const void *a, const void *b)
{
	int64_t x = ((const struct id_index *)a)->id, y = ((const struct id_index *)b)->id;
	return (x > y) - (x < y);
}

/* The index of the node with id, or n. */
static size_t index_of(const struct id_index *by_id, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (by_id[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && by_id[lo].id == id ? by_id[lo].i : n;
}

int cpm_solve(struct arena *a, struct cpm_node *nodes, size_t n, const struct cpm_edge *edges,
	      size_t m, struct err *e)
{
	if (!n)
		return 0;
	struct id_index *by_id = arena_alloc(a, n * sizeof *by_id);
	size_t *first = arena_alloc(a, (n + 1) * sizeof *first);	/* adjacency by source */
	size_t *adj = arena_alloc(a, (m ? m : 1) * sizeof *adj);	/* edge numbers */
	size_t *src = arena_alloc(a, (m ? m : 1) * sizeof *src);
	size_t *dst = arena_alloc(a, (m ? m : 1) * sizeof *dst);
	size_t *indeg = arena_alloc(a, n * sizeof *indeg);
	size_t *order = arena_alloc(a, n * sizeof *order);
	if (!by_id || !first || !adj || !src || !dst || !indeg || !order)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	for (size_t i = 0; i < n; i++)
		by_id[i] = (struct id_index){nodes[i].id, i};
	qsort(by_id, n, sizeof *by_id, cmp_id);
	for (size_t k = 0; k < m; k++) {
		src[k] = index_of(by_id, n, edges[k].from);
		dst[k] = index_of(by_id, n, edges[k].to);
		if (src[k] == n || dst[k] == n)
			return err_set(e, ERR_INTERNAL, "", "a dependency names a step outside the plan");
		indeg[dst[k]]++;
		first[src[k] + 1]++;
	}
	for (size_t i = 0; i < n; i++)
		first[i + 1] += first[i];
	size_t *fill = arena_alloc(a, n * sizeof *fill);
	if (!fill)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	memcpy(fill, first, n * sizeof *fill);
	for (size_t k = 0; k < m; k++)
		adj[fill[src[k]]++] = k;
	/* Kahn's order: every step after the steps it waits for */
	size_t head = 0, tail = 0;
	for (size_t i = 0; i < n; i++) {
		nodes[i].es = 0;
		if (!indeg[i])
			order[tail++] = i;
	}
	while (head < tail) {
		size_t i = order[head++];
		nodes[i].ef = nodes[i].es + nodes[i].duration;
		for (size_t j = first[i]; j < first[i + 1]; j++) {
			size_t k = adj[j];
			int start = nodes[i].ef + edges[k].lag;
			if (start > nodes[dst[k]].es)
				nodes[dst[k]].es = start;
			if (--indeg[dst[k]] == 0)
				order[tail++] = dst[k];
		}
	}
	if (tail < n)
		return err_set(e, ERR_CONFLICT, "", "the plan's dependencies form a cycle");
	int length = 0;
	for (size_t i = 0; i < n; i++)
		if (nodes[i].ef > length)
			length = nodes[i].ef;
	/* backward, in reverse order: successors first */
	for (size_t r = n; r-- > 0;) {
		size_t i = order[r];
		int lf = length;
		for (size_t j = first[i]; j < first[i + 1]; j++) {
			size_t k = adj[j];
			if (nodes[dst[k]].ls - edges[k].lag < lf)
				lf = nodes[dst[k]].ls - edges[k].lag;
		}
		nodes[i].lf = lf;
		nodes[i].ls = lf - nodes[i].duration;
		nodes[i].total_float = nodes[i].ls - nodes[i].es;
		nodes[i].critical = nodes[i].total_float == 0;
	}
	return length;
}

int32_t schedule_day(const struct calendar *cal, int32_t start, int k)
{
	if (k >= 0)
		return cal_add_working(cal, start, k);
	int32_t d = cal_add_working(cal, start, 0);
	while (k < 0) {
		d--;
		if (cal_is_working(cal, d))
			k++;
	}
	return d;
}

static int cmp_sched(const void *a, const void *b)
{
	const struct sched_step *x = a, *y = b;
	if (x->c.es != y->c.es)
		return x->c.es < y->c.es ? -1 : 1;
	return (x->c.id > y->c.id) - (x->c.id < y->c.id);
}

int plan_schedule(struct db *db, struct arena *a, int64_t plan_id, struct plan_schedule *out,
		  struct err *e)
{
	memset(out, 0, sizeof *out);
	struct plan p;
	if (plan_get(db, a, plan_id, &p, e))
		return -1;
	int32_t start;
	if (date_parse(p.start_date, &start))
		return err_set(e, ERR_INTERNAL, "", "plan %lld has no valid start date",
			       (long long)plan_id);
	struct stmt *st = db_prepare(db, "SELECT count(*) FROM step WHERE plan_id = :plan", e);
	int64_t n = 0;
	if (!st)
		return -1;
	db_bind_int(st, ":plan", plan_id);
	if (db_one_int(st, &n, e) < 0)
		return -1;
	st = db_prepare(db, "SELECT count(*) FROM step_dep d JOIN step s ON s.id = d.step_id "
			"WHERE s.plan_id = :plan", e);
	int64_t m = 0;
	if (!st)
		return -1;
	db_bind_int(st, ":plan", plan_id);
	if (db_one_int(st, &m, e) < 0)
		return -1;
	struct sched_step *steps = arena_alloc(a, (size_t)(n ? n : 1) * sizeof *steps);
	struct cpm_node *nodes = arena_alloc(a, (size_t)(n ? n : 1) * sizeof *nodes);
	struct cpm_edge *edges = arena_alloc(a, (size_t)(m ? m : 1) * sizeof *edges);
	if (!steps || !nodes || !edges)
		return err_set(e, ERR_INTERNAL, "", "out of memory");
	/* one snapshot for both reads, so that steps and edges agree */
	if (db_begin_read(db, e))
		return -1;
	int rc = -1;
	size_t ns = 0, ne = 0;
	st = db_prepare(db, "SELECT id, name, duration_days, status, due FROM step "
			"WHERE plan_id = :plan ORDER BY id", e);
	if (st) {
		db_bind_int(st, ":plan", plan_id);
		int r;
		while ((r = db_step(st, e)) == 1 && ns < (size_t)n) {
			struct sched_step *s = &steps[ns];
			s->c.id = db_col_int(st, 0);
			s->name = arena_strdup(a, db_col_text(st, 1));
			s->c.duration = (int)db_col_int(st, 2);
			s->status = arena_strdup(a, db_col_text(st, 3));
			s->due = arena_strdup(a, db_col_text(st, 4));
			nodes[ns] = s->c;
			ns++;
		}
		db_done(st);
		rc = r < 0 ? -1 : 0;
	}
	if (rc == 0) {
		st = db_prepare(db, "SELECT d.depends_on, d.step_id, d.lag_days FROM step_dep d "
				"JOIN step s ON s.id = d.step_id WHERE s.plan_id = :plan", e);
		rc = -1;
		if (st) {
			db_bind_int(st, ":plan", plan_id);
			int r;
			while ((r = db_step(st, e)) == 1 && ne < (size_t)m) {
				edges[ne].from = db_col_int(st, 0);
				edges[ne].to = db_col_int(st, 1);
				edges[ne].lag = (int)db_col_int(st, 2);
				ne++;
			}
			db_done(st);
			rc = r < 0 ? -1 : 0;
		}
	}
	rc = db_end(db, rc, e);
	if (rc)
		return -1;
	int length = cpm_solve(a, nodes, ns, edges, ne, e);
	if (length < 0)
		return -1;
	struct calendar cal;
	if (calendar_load(db, a, &cal, e))
		return -1;
	for (size_t i = 0; i < ns; i++) {
		struct sched_step *s = &steps[i];
		s->c = nodes[i];
		s->es_day = schedule_day(&cal, start, s->c.es);
		s->ls_day = schedule_day(&cal, start, s->c.ls);
		/* the last working day of the step (its first, for a milestone) */
		s->ef_day = s->c.duration ? schedule_day(&cal, start, s->c.ef - 1) : s->es_day;
		s->lf_day = s->c.duration ? schedule_day(&cal, start, s->c.lf - 1) : s->ls_day;
		int32_t due;
		s->late = s->due && date_parse(s->due, &due) == 0 && due < s->ef_day;
	}
	qsort(steps, ns, sizeof *steps, cmp_sched);
	out->plan_id = plan_id;
	out->start = schedule_day(&cal, start, 0);
	out->finish = length ? schedule_day(&cal, start, length - 1) : out->start;
	out->length = length;
	out->steps = steps;
	out->n = ns;
	return 0;
}

json_t *plan_schedule_json(const struct plan_schedule *s)
{
	char d[11];
	json_t *o = json_object();
	json_set_int(o, "plan_id", s->plan_id);
	date_format(s->start, d);
	json_set_str(o, "start", d);
	date_format(s->finish, d);
	json_set_str(o, "finish", d);
	json_set_int(o, "working_days", s->length);
	json_t *items = json_array();
	json_t *path = json_array();
	for (size_t i = 0; i < s->n; i++) {
		const struct sched_step *x = &s->steps[i];
		json_t *j = json_object();
		json_set_int(j, "id", x->c.id);
		json_set_str(j, "name", x->name);
		json_set_int(j, "duration_days", x->c.duration);
		date_format(x->es_day, d);
		json_set_str(j, "early_start", d);
		date_format(x->ef_day, d);
		json_set_str(j, "early_finish", d);
		date_format(x->ls_day, d);
		json_set_str(j, "late_start", d);
		date_format(x->lf_day, d);
		json_set_str(j, "late_finish", d);
		json_set_int(j, "total_float", x->c.total_float);
		json_object_set_new(j, "critical", json_boolean(x->c.critical));
		json_object_set_new(j, "late", json_boolean(x->late));
		json_array_append_new(items, j);
		if (x->c.critical)
			json_array_append_new(path, json_integer(x->c.id));
	}
	json_object_set_new(o, "critical_path", path);
	json_object_set_new(o, "steps", items);
	return o;
}
