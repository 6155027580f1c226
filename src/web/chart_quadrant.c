/* chart_quadrant: see chart_quadrant.h. */
#include "web/chart_quadrant.h"

#include <stdlib.h>
#include <string.h>

#include "web/html.h"

enum { Q_LEFT = 50, Q_TOP = 20, Q_SIZE = 400, Q_RIGHT = 170, Q_BOTTOM = 50 };

static double qx(double m)
{
	return Q_LEFT + (m < 0 ? 0 : m > 100 ? 100 : m) * Q_SIZE / 100.0;
}

static double qy(double l)
{
	return Q_TOP + (100 - (l < 0 ? 0 : l > 100 ? 100 : l)) * Q_SIZE / 100.0;
}

/* dark enough to read as text on the shaded quadrants */
static const char *const dot_colors[] = {"#1f5fbf", "#2b7a3d", "#7a3fa0", "#8c4a2f",
					 "#b0306a", "#0f6f7c", "#5b6577", "#a35200"};

/* A label's box, to keep labels from covering one another. */
struct box {
	double x0, y0, x1, y1;
};

static int overlaps(const struct box *a, const struct box *placed, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a->x0 < placed[i].x1 && placed[i].x0 < a->x1 && a->y0 < placed[i].y1 &&
		    placed[i].y0 < a->y1)
			return 1;
	return 0;
}

/* Where a dot's label goes: right of it, else left, above or below,
 * the first place no earlier label takes (else right). *anchor_end says
 * whether the text ends at *x. Text is about 6.2 px a character. */
static void place_label(double cx, double cy, const char *text, struct box *placed,
			size_t *nplaced, double *x, double *y, int *anchor_end)
{
	double w = 6.2 * (double)strlen(text), hgt = 12;
	const struct {
		double dx, dy;
		int end;
	} tries[] = {{8, 4, 0}, {-8, 4, 1}, {-w / 2, -9, 0}, {-w / 2, 17, 0}, {8, 16, 0},
		     {8, -8, 0}};
	size_t k = 0;
	struct box bx = {0};
	for (size_t t = 0; t < sizeof tries / sizeof tries[0]; t++) {
		double lx = cx + tries[t].dx, ly = cy + tries[t].dy;
		double x0 = tries[t].end ? lx - w : lx;
		bx = (struct box){x0, ly - hgt + 2, x0 + w, ly + 2};
		if (!overlaps(&bx, placed, *nplaced)) {
			k = t;
			break;
		}
		if (t + 1 == sizeof tries / sizeof tries[0]) {
			k = 0;
			bx = (struct box){cx + 8, cy + 4 - hgt + 2, cx + 8 + w, cy + 6};
		}
	}
	*x = cx + tries[k].dx;
	*y = cy + tries[k].dy;
	*anchor_end = tries[k].end;
	placed[(*nplaced)++] = bx;
}

void quadrant_svg(struct buf *b, const struct quad_dot *dots, size_t n,
		  const struct quad_trail *trail, size_t nt, double managed, double led)
{
	int w = Q_LEFT + Q_SIZE + Q_RIGHT, h = Q_TOP + Q_SIZE + Q_BOTTOM;
	html_printf(b, "<div class=\"quadrant-wrap\"><svg xmlns=\"http://www.w3.org/2000/svg\" "
		       "class=\"quadrant\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
		       "role=\"img\" aria-labelledby=\"quad-t\" font-family=\"sans-serif\" "
		       "font-size=\"11\"><title id=\"quad-t\">Balance quadrant: management score "
		       "across, leadership score up, one dot per unit</title>\n",
		    w, h, w, h);
	/* the four quadrants, shaded, named in words */
	double tx = qx(managed), ty = qy(led);
	html_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" "
		       "stroke=\"#888\"/>\n", Q_LEFT, Q_TOP, Q_SIZE, Q_SIZE);
	html_printf(b, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" "
		       "fill=\"#e6f4e6\"/>\n", tx, Q_TOP, Q_LEFT + Q_SIZE - tx, ty - Q_TOP);
	html_printf(b, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
		       "fill=\"#fbeaea\"/>\n", Q_LEFT, ty, tx - Q_LEFT, Q_TOP + Q_SIZE - ty);
	html_printf(b, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#555\" "
		       "stroke-dasharray=\"4 3\"/>\n", tx, Q_TOP, tx, Q_TOP + Q_SIZE);
	html_printf(b, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#555\" "
		       "stroke-dasharray=\"4 3\"/>\n", Q_LEFT, ty, Q_LEFT + Q_SIZE, ty);
	html_printf(b, "<text x=\"%d\" y=\"%d\" fill=\"#555\">overled, undermanaged</text>\n",
		    Q_LEFT + 6, Q_TOP + 14);
	html_printf(b, "<text x=\"%d\" y=\"%d\" fill=\"#555\" text-anchor=\"end\">well led, "
		       "well managed</text>\n", Q_LEFT + Q_SIZE - 6, Q_TOP + 14);
	html_printf(b, "<text x=\"%d\" y=\"%d\" fill=\"#555\">neither</text>\n", Q_LEFT + 6,
		    Q_TOP + Q_SIZE - 8);
	html_printf(b, "<text x=\"%d\" y=\"%d\" fill=\"#555\" text-anchor=\"end\">overmanaged, "
		       "underled</text>\n", Q_LEFT + Q_SIZE - 6, Q_TOP + Q_SIZE - 8);
	/* axes: ticks every 20 points */
	for (int v = 0; v <= 100; v += 20) {
		html_printf(b, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>\n",
			    qx(v), Q_TOP + Q_SIZE + 14, v);
		html_printf(b, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>\n",
			    Q_LEFT - 4, qy(v) + 4, v);
	}
	html_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">management score "
		       "(well managed from %.0f)</text>\n", Q_LEFT + Q_SIZE / 2,
		    Q_TOP + Q_SIZE + 32, managed);
	html_printf(b, "<text x=\"14\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 14 "
		       "%d)\">leadership score (well led from %.0f)</text>\n",
		    Q_TOP + Q_SIZE / 2, Q_TOP + Q_SIZE / 2, led);
	/* the organization's path through its snapshots */
	if (nt) {
		html_raw(b, "<g class=\"quad-trail\"><polyline fill=\"none\" stroke=\"#444\" "
			    "stroke-width=\"1.5\" points=\"");
		for (size_t i = 0; i < nt; i++)
			html_printf(b, "%s%.1f,%.1f", i ? " " : "", qx(trail[i].m), qy(trail[i].l));
		html_raw(b, "\"/>\n");
		/* every point has its date in its title; the first and the last
		 * are labelled, so that labels do not pile up */
		for (size_t i = 0; i < nt; i++) {
			html_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#444\"><title>"
				       "the organization on %s: management %.1f, leadership "
				       "%.1f</title></circle>\n",
				    qx(trail[i].m), qy(trail[i].l), trail[i].day, trail[i].m,
				    trail[i].l);
			if (i == 0 || i + 1 == nt)
				html_printf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" "
					       "fill=\"#444\">%s</text>\n",
					    qx(trail[i].m) + 4, qy(trail[i].l) + 12, trail[i].day);
		}
		html_raw(b, "</g>\n");
	}
	/* the quadrants' names are taken places too */
	struct box *placed = malloc((n + 4) * sizeof *placed);
	size_t np = 0;
	if (placed) {
		placed[np++] = (struct box){Q_LEFT, Q_TOP, Q_LEFT + 140, Q_TOP + 18};
		placed[np++] = (struct box){Q_LEFT + Q_SIZE - 140, Q_TOP, Q_LEFT + Q_SIZE, Q_TOP + 18};
	}
	for (size_t i = 0; i < n; i++) {
		if (!dots[i].name)
			continue;	/* drawn with another dot */
		const char *color = dots[i].org ? "#000" : dot_colors[i % 8];
		double cx = qx(dots[i].m), cy = qy(dots[i].l), lx = cx + 8, ly = cy + 4;
		int end = 0;
		if (placed)
			place_label(cx, cy, dots[i].name, placed, &np, &lx, &ly, &end);
		html_printf(b, "<g class=\"quad-dot\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" "
			       "fill=\"%s\" fill-opacity=\"0.85\"><title>%s: management %.1f, "
			       "leadership %.1f</title></circle><text x=\"%.1f\" y=\"%.1f\" "
			       "fill=\"%s\" text-anchor=\"%s\">%s</text></g>\n",
			    cx, cy, dots[i].org ? 7 : 5, color, dots[i].name, dots[i].m, dots[i].l, lx,
			    ly, color, end ? "end" : "start", dots[i].name);
	}
	free(placed);
	html_raw(b, "</svg></div>\n");
}
