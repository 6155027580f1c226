/* gantt: scheduling and drawing a plan's Gantt chart; see gantt.h. */
#include "web/gantt.h"

#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "manage/calendar.h"
#include "web/html.h"

/* --- the schedule ------------------------------------------------------ */

struct by_id {
	int64_t id;
	size_t i;
};

static int cmp_by_id(const void *a, const void *b)
{
	const struct by_id *x = a, *y = b;
	return x->id < y->id ? -1 : x->id > y->id;
}

static long find(const struct by_id *ix, size_t n, int64_t id)
{
	struct by_id key = {id, 0};
	const struct by_id *f = bsearch(&key, ix, n, sizeof *ix, cmp_by_id);
	return f ? (long)f->i : -1;
}

/* Places bar b at its earliest start est. */
static void place(const struct calendar *cal, struct gantt_bar *b, int32_t est)
{
	b->start_day = est;
	b->late = 0;
	if (b->duration_days > 0)
		b->end_day = cal_add_working(cal, est, b->duration_days - 1) + 1;
	else
		b->end_day = est;
	if (b->due != GANTT_NO_DAY) {
		if (b->due >= est)
			b->end_day = b->due + 1;
		else
			b->late = 1;
	}
}

int gantt_schedule(int32_t plan_start, struct gantt_bar *bars, size_t n,
		   const struct gantt_dep *deps, size_t nd)
{
	struct calendar cal;
	calendar_default(&cal);
	return gantt_schedule_in(&cal, plan_start, bars, n, deps, nd);
}

int gantt_schedule_in(const struct calendar *cal, int32_t plan_start, struct gantt_bar *bars,
		      size_t n, const struct gantt_dep *deps, size_t nd)
{
	int32_t base = cal_add_working(cal, plan_start, 0);
	for (size_t i = 0; i < n; i++)
		place(cal, &bars[i], base);
	if (n == 0)
		return 0;
	int rc = -1;
	struct by_id *ix = malloc(n * sizeof *ix);
	int32_t *est = malloc(n * sizeof *est);
	size_t *indeg = calloc(n, sizeof *indeg);
	size_t *first = calloc(n + 1, sizeof *first);	/* CSR: successors of i */
	size_t *succ = malloc((nd ? nd : 1) * sizeof *succ);
	int *lag = malloc((nd ? nd : 1) * sizeof *lag);
	size_t *queue = malloc(n * sizeof *queue);
	char *done = calloc(n, 1);
	long *from = malloc((nd ? nd : 1) * sizeof *from), *to = malloc((nd ? nd : 1) * sizeof *to);
	if (!ix || !est || !indeg || !first || !succ || !lag || !queue || !done || !from || !to)
		goto out;
	for (size_t i = 0; i < n; i++) {
		ix[i] = (struct by_id){bars[i].id, i};
		est[i] = base;
	}
	qsort(ix, n, sizeof *ix, cmp_by_id);
	/* the edges that join two bars of the chart, by predecessor */
	for (size_t k = 0; k < nd; k++) {
		from[k] = find(ix, n, deps[k].from);
		to[k] = find(ix, n, deps[k].to);
		if (from[k] < 0 || to[k] < 0 || from[k] == to[k]) {
			from[k] = -1;
			continue;
		}
		first[from[k] + 1]++;
		indeg[to[k]]++;
	}
	for (size_t i = 0; i < n; i++)
		first[i + 1] += first[i];
	size_t *fill = queue;	/* borrowed as a cursor per node while building */
	for (size_t i = 0; i < n; i++)
		fill[i] = first[i];
	for (size_t k = 0; k < nd; k++) {
		if (from[k] < 0)
			continue;
		size_t at = fill[from[k]]++;
		succ[at] = (size_t)to[k];
		lag[at] = deps[k].lag_days > 0 ? deps[k].lag_days : 0;
	}
	/* Kahn's order; a step is placed once all its predecessors are */
	size_t head = 0, tail = 0;
	for (size_t i = 0; i < n; i++)
		if (indeg[i] == 0)
			queue[tail++] = i;
	for (size_t round = 0; round < 2; round++) {
		while (head < tail) {
			size_t i = queue[head++];
			done[i] = 1;
			place(cal, &bars[i], est[i]);
			for (size_t k = first[i]; k < first[i + 1]; k++) {
				size_t j = succ[k];
				int32_t cand = cal_add_working(cal, bars[i].end_day, lag[k]);
				if (cand > est[j])
					est[j] = cand;
				if (indeg[j] > 0 && --indeg[j] == 0 && !done[j])
					queue[tail++] = j;
			}
		}
		/* what is left sits on a cycle: place it with what is known */
		for (size_t i = 0; i < n && round == 0; i++)
			if (!done[i] && indeg[i] > 0) {
				indeg[i] = 0;
				queue[tail++] = i;
			}
	}
	rc = 0;
out:
	free(ix);
	free(est);
	free(indeg);
	free(first);
	free(succ);
	free(lag);
	free(queue);
	free(done);
	free(from);
	free(to);
	return rc;
}

/* --- the drawing ---------------------------------------------------------- */

void gantt_range(const struct gantt_bar *bars, size_t n, int32_t *from, int32_t *to,
		 int *day_w)
{
	int32_t lo = INT32_MAX, hi = INT32_MIN;
	for (size_t i = 0; i < n; i++) {
		if (bars[i].start_day < lo)
			lo = bars[i].start_day;
		if (bars[i].end_day > hi)
			hi = bars[i].end_day;
		if (bars[i].start_day > hi)
			hi = bars[i].start_day;
	}
	if (n == 0)
		lo = hi = 0;
	lo -= date_weekday(lo) - 1;		/* back to Monday */
	hi += (8 - date_weekday(hi)) % 7;	/* on to Monday */
	if (hi <= lo)
		hi = lo + 7;
	int32_t span = hi - lo;
	*from = lo;
	*to = hi;
	*day_w = span <= 70 ? 16 : span <= 182 ? 8 : span <= 364 ? 4 : 2;
}

static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
				     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* A name cut to GANTT_NAME_MAX characters, with an ellipsis. */
static void short_name(struct buf *b, const char *s)
{
	size_t chars = 0, i = 0;
	if (!s)
		return;
	while (s[i] && chars < GANTT_NAME_MAX) {
		i++;
		while (((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		chars++;
	}
	char tmp[GANTT_NAME_MAX * 4 + 1];
	memcpy(tmp, s, i);
	tmp[i] = '\0';
	html_printf(b, "%s%s", tmp, s[i] ? "\xE2\x80\xA6" : "");
}

/* A CSS class word of a status: letters and '_' only. */
static const char *status_class(const char *s)
{
	if (!s || !*s)
		return "none";
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || *p == '_'))
			return "other";
	return s;
}

void gantt_svg(struct buf *b, const struct gantt_chart *c)
{
	if (c->n == 0)
		return;
	int32_t from, to;
	int dw;
	gantt_range(c->bars, c->n, &from, &to, &dw);
	const char *id = c->id ? c->id : "gantt";
	long width = GANTT_LABEL_W + (long)(to - from) * dw + GANTT_PAD;
	long height = GANTT_AXIS_H + (long)c->n * GANTT_ROW_H + 8;
	int32_t first = INT32_MAX, last = INT32_MIN;
	for (size_t i = 0; i < c->n; i++) {
		if (c->bars[i].start_day < first)
			first = c->bars[i].start_day;
		int32_t l = c->bars[i].end_day > c->bars[i].start_day ? c->bars[i].end_day - 1
								      : c->bars[i].start_day;
		if (l > last)
			last = l;
	}
	char d1[11], d2[11];
	date_format(first, d1);
	date_format(last, d2);
	html_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gantt\" role=\"img\" "
		       "width=\"%ld\" height=\"%ld\" viewBox=\"0 0 %ld %ld\" "
		       "aria-labelledby=\"%s-title %s-desc\">\n",
		    width, height, width, height, id, id);
	html_printf(b, "<title id=\"%s-title\">Gantt chart of plan %s</title>\n", id, c->title);
	html_printf(b, "<desc id=\"%s-desc\">%zu step%s from %s to %s; arrows run from the "
		       "end of a step to the start of each step that waits for it.</desc>\n",
		    id, c->n, c->n == 1 ? "" : "s", d1, d2);
	html_printf(b, "<defs><marker id=\"%s-arrow\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" "
		       "markerWidth=\"8\" markerHeight=\"8\" markerUnits=\"userSpaceOnUse\" "
		       "orient=\"auto\"><path class=\"arrowhead\" d=\"M0,0 L8,4 L0,8 z\"/>"
		       "</marker></defs>\n", id);
	/* rows: a stripe on every other one */
	for (size_t i = 1; i < c->n; i += 2)
		html_printf(b, "<rect class=\"stripe\" x=\"0\" y=\"%ld\" width=\"%ld\" "
			       "height=\"%d\"/>\n",
			    (long)(GANTT_AXIS_H + i * GANTT_ROW_H), width, GANTT_ROW_H);
	/* the axis: a tick per Monday, labels as far apart as they fit */
	int every = 1;
	while (every * 7 * dw < 48)
		every++;
	int prev_year = 0;
	int week = 0;
	html_raw(b, "<g class=\"axis\">\n");
	for (int32_t d = from; d <= to; d += 7, week++) {
		long x = GANTT_LABEL_W + (long)(d - from) * dw;
		html_printf(b, "<line class=\"tick\" x1=\"%ld\" y1=\"%d\" x2=\"%ld\" y2=\"%ld\"/>\n",
			    x, GANTT_AXIS_H - 8, x, height);
		if (week % every || d == to)
			continue;
		int y, m, dd;
		date_to_ymd(d, &y, &m, &dd);
		if (y != prev_year)
			html_printf(b, "<text class=\"year\" x=\"%ld\" y=\"12\">%d</text>\n", x + 3, y);
		prev_year = y;
		html_printf(b, "<text x=\"%ld\" y=\"%d\">%s %d</text>\n", x + 3, GANTT_AXIS_H - 14,
			    months[m - 1], dd);
	}
	html_raw(b, "</g>\n");
	/* the calendar's days off, shaded behind the bars */
	if (c->cal) {
		html_raw(b, "<g class=\"cal-off\">");
		for (int32_t d = from; d < to; d++)
			if (!cal_is_working(c->cal, d))
				html_printf(b, "<rect x=\"%ld\" y=\"%d\" width=\"%d\" height=\"%ld\"/>",
					    GANTT_LABEL_W + (long)(d - from) * dw, GANTT_AXIS_H, dw,
					    height - GANTT_AXIS_H);
		html_raw(b, "</g>\n");
	}
	if (c->today != GANTT_NO_DAY && c->today >= from && c->today < to) {
		long x = GANTT_LABEL_W + (long)(c->today - from) * dw + dw / 2;
		html_printf(b, "<line class=\"today\" x1=\"%ld\" y1=\"%d\" x2=\"%ld\" y2=\"%ld\"/>"
			       "<text class=\"today-label\" x=\"%ld\" y=\"%d\">today</text>\n",
			    x, GANTT_AXIS_H - 8, x, height, x + 3, GANTT_AXIS_H - 1);
	}
	/* one row per bar */
	for (size_t i = 0; i < c->n; i++) {
		const struct gantt_bar *g = &c->bars[i];
		long y = GANTT_AXIS_H + (long)i * GANTT_ROW_H;
		char s1[11], s2[11];
		date_format(g->start_day, s1);
		date_format(g->end_day > g->start_day ? g->end_day - 1 : g->start_day, s2);
		html_printf(b, "<g class=\"row\"><text class=\"label\" x=\"8\" y=\"%ld\">", y + 18);
		short_name(b, g->name);
		html_raw(b, "</text>");
		long x = GANTT_LABEL_W + (long)(g->start_day - from) * dw;
		const char *cls = status_class(g->status);
		if (g->end_day > g->start_day) {
			html_printf(b, "<rect class=\"bar st-%s%s%s\" x=\"%ld\" y=\"%ld\" "
				       "width=\"%ld\" height=\"%d\" rx=\"3\">",
				    cls, g->late ? " late" : "", g->critical ? " critical" : "", x,
				    y + GANTT_BAR_Y, (long)(g->end_day - g->start_day) * dw, GANTT_BAR_H);
			html_printf(b, "<title>%s: %s to %s, %s%s%s</title></rect>", g->name, s1, s2,
				    g->status, g->late ? ", cannot meet its due day" : "",
				    g->critical ? ", on the critical path" : "");
		} else {
			/* a milestone: a diamond on its day */
			long cy = y + GANTT_BAR_Y + GANTT_BAR_H / 2;
			html_printf(b, "<path class=\"milestone st-%s\" d=\"M%ld,%ld l7,8 l-7,8 "
				       "l-7,-8 z\"><title>%s: milestone on %s, %s</title></path>",
				    cls, x, cy - 8, g->name, s1, g->status);
		}
		html_raw(b, "</g>\n");
	}
	/* the arrows, over the bars */
	struct by_id *ix = malloc(c->n * sizeof *ix);
	if (!ix) {
		b->failed = 1;
		return;
	}
	for (size_t i = 0; i < c->n; i++)
		ix[i] = (struct by_id){c->bars[i].id, i};
	qsort(ix, c->n, sizeof *ix, cmp_by_id);
	for (size_t k = 0; k < c->nd; k++) {
		long pi = find(ix, c->n, c->deps[k].from), si = find(ix, c->n, c->deps[k].to);
		if (pi < 0 || si < 0 || pi == si)
			continue;
		const struct gantt_bar *p = &c->bars[pi], *s = &c->bars[si];
		long x1 = GANTT_LABEL_W + (long)(p->end_day - from) * dw;
		long y1 = GANTT_AXIS_H + pi * GANTT_ROW_H + GANTT_ROW_H / 2;
		long x2 = GANTT_LABEL_W + (long)(s->start_day - from) * dw;
		long y2 = GANTT_AXIS_H + si * GANTT_ROW_H + GANTT_ROW_H / 2;
		html_printf(b, "<path class=\"dep\" marker-end=\"url(#%s-arrow)\" ", id);
		if (x2 - x1 >= 12) {
			html_printf(b, "d=\"M%ld,%ld H%ld V%ld H%ld\"/>\n", x1, y1, x1 + 6, y2, x2);
		} else {
			/* no room before the dependant: go round between the rows */
			long ymid = y2 > y1 ? y2 - GANTT_ROW_H / 2 : y2 + GANTT_ROW_H / 2;
			html_printf(b, "d=\"M%ld,%ld H%ld V%ld H%ld V%ld H%ld\"/>\n", x1, y1, x1 + 6,
				    ymid, x2 - 6, y2, x2);
		}
	}
	free(ix);
	html_raw(b, "</svg>\n");
}
