/* chart_quadrant: see chart_quadrant.h. */
#include "web/chart_quadrant.h"

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

static const char *const dot_colors[] = {"#1f77b4", "#2ca02c", "#9467bd", "#8c564b",
					 "#e377c2", "#17becf", "#bcbd22", "#ff7f0e"};

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
	for (size_t i = 0; i < n; i++) {
		if (!dots[i].name)
			continue;	/* drawn with another dot */
		const char *color = dots[i].org ? "#000" : dot_colors[i % 8];
		html_printf(b, "<g class=\"quad-dot\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" "
			       "fill=\"%s\" fill-opacity=\"0.85\"><title>%s: management %.1f, "
			       "leadership %.1f</title></circle><text x=\"%.1f\" y=\"%.1f\" "
			       "fill=\"%s\">%s</text></g>\n",
			    qx(dots[i].m), qy(dots[i].l), dots[i].org ? 7 : 5, color, dots[i].name,
			    dots[i].m, dots[i].l, qx(dots[i].m) + 8, qy(dots[i].l) + 4, color,
			    dots[i].name);
	}
	html_raw(b, "</svg></div>\n");
}
