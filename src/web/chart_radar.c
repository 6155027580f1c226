/* chart_radar: see chart_radar.h. */
#include "web/chart_radar.h"

#include <math.h>

#include "web/html.h"

/* series colours: blue, amber, green, purple (distinct also in grey) */
static const char *const colours[RADAR_MAX_SERIES] = {"#1f5fbf", "#b26b00", "#1e7145",
						      "#7a3f9d"};

enum { R_SIZE = 420, R_RADIUS = 130 };

static double clamp100(double v)
{
	return v < 0 || v != v ? 0 : v > 100 ? 100 : v;
}

/* The point at value v (0-100) on axis k of n. */
static void at(size_t k, size_t n, double v, double *x, double *y)
{
	double a = -M_PI / 2 + 2 * M_PI * (double)k / (double)n;
	*x = R_SIZE / 2.0 + cos(a) * R_RADIUS * v / 100;
	*y = R_SIZE / 2.0 + sin(a) * R_RADIUS * v / 100;
}

static void polygon(struct buf *b, size_t n, const double *v, const char *attrs_fill,
		    const char *stroke, int dashed, double opacity)
{
	html_raw(b, "<polygon points=\"");
	for (size_t k = 0; k < n; k++) {
		double x, y;
		at(k, n, v ? clamp100(v[k]) : 100, &x, &y);
		html_printf(b, "%s%.1f,%.1f", k ? " " : "", x, y);
	}
	html_printf(b, "\" fill=\"%s\" fill-opacity=\"%.2f\" stroke=\"%s\" stroke-width=\"%s\"",
		    attrs_fill, opacity, stroke, v ? "2" : "1");
	if (dashed)
		html_raw(b, " stroke-dasharray=\"6 4\"");
	html_raw(b, "/>\n");
}

void chart_radar(struct buf *b, const struct radar *r)
{
	size_t n = r->naxes, ns = r->nseries;
	if (n < 3 || n > RADAR_MAX_AXES || ns < 1 || ns > RADAR_MAX_SERIES)
		return;
	html_printf(b, "<figure class=\"radar\"><svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
		       "role=\"img\" aria-label=\"%s\" font-size=\"12\" "
		       "font-family=\"system-ui, sans-serif\">\n<title>%s</title>\n",
		    R_SIZE, R_SIZE, R_SIZE, R_SIZE, r->title, r->title);
	/* rings at 25, 50, 75, 100 */
	for (int ring = 1; ring <= 4; ring++) {
		double v[RADAR_MAX_AXES];
		for (size_t k = 0; k < n; k++)
			v[k] = ring * 25;
		html_raw(b, "<polygon points=\"");
		for (size_t k = 0; k < n; k++) {
			double x, y;
			at(k, n, v[k], &x, &y);
			html_printf(b, "%s%.1f,%.1f", k ? " " : "", x, y);
		}
		html_printf(b, "\" fill=\"none\" stroke=\"#d8dee4\" stroke-width=\"1\"/>\n");
		double x, y;
		at(0, n, ring * 25, &x, &y);
		html_printf(b, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#57606a\" font-size=\"10\">%d"
			       "</text>\n", x + 3, y + 10, ring * 25);
	}
	/* axes and their labels */
	for (size_t k = 0; k < n; k++) {
		double x, y, lx, ly;
		at(k, n, 100, &x, &y);
		at(k, n, 116, &lx, &ly);
		const char *anchor = lx < R_SIZE / 2.0 - 5 ? "end" : lx > R_SIZE / 2.0 + 5 ? "start"
											    : "middle";
		html_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#d8dee4\"/>\n"
			       "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"#1f2328\">%s</text>\n",
			    R_SIZE / 2, R_SIZE / 2, x, y, lx, ly + 4, anchor, r->axes[k]);
	}
	/* the series, the first on top */
	for (size_t s = ns; s-- > 0;) {
		const struct radar_series *x = &r->series[s];
		polygon(b, n, x->v, colours[s], colours[s], x->dashed, 0.12);
		for (size_t k = 0; k < n; k++) {
			double px, py;
			at(k, n, clamp100(x->v[k]), &px, &py);
			html_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s, "
				       "%s: %.0f</title></circle>\n", px, py, colours[s], x->label,
				    r->axes[k], x->v[k]);
		}
	}
	html_raw(b, "</svg>\n<figcaption>");
	for (size_t s = 0; s < ns; s++) {
		if (s)
			html_raw(b, " &nbsp; ");
		html_printf(b, "<svg width=\"26\" height=\"10\" aria-hidden=\"true\"><line x1=\"0\" "
			       "y1=\"5\" x2=\"26\" y2=\"5\" stroke=\"%s\" stroke-width=\"3\"",
			    colours[s]);
		if (r->series[s].dashed)
			html_raw(b, " stroke-dasharray=\"6 4\"");
		html_printf(b, "/></svg> %s", r->series[s].label);
	}
	html_raw(b, "</figcaption></figure>\n");
}
