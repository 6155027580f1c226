/* chart_quadrant: the balance quadrant as inline SVG. x is the
 * management score, y the leadership score (both 0-100), with the two
 * thresholds drawn and the four quadrants named in words; a dot per unit
 * (its name beside it and in a hover title), and the organization's
 * path through its snapshots, dated. Built with html_printf only. */
#ifndef TANDEM_CHART_QUADRANT_H
#define TANDEM_CHART_QUADRANT_H

#include <stddef.h>

#include "base/buf.h"

struct quad_dot {
	const char *name;	/* NULL: not drawn (it sits on another dot) */
	double m, l;
	int org;		/* the organization: drawn larger, darker */
};
struct quad_trail {
	const char *day;
	double m, l;
};

/* Writes the chart into b: dots (n), the trail (nt, oldest first, may be
 * 0) and the thresholds managed and led. */
void quadrant_svg(struct buf *b, const struct quad_dot *dots, size_t n,
		  const struct quad_trail *trail, size_t nt, double managed, double led);

#endif
