/* chart_radar: a radar (spider) chart as inline SVG, for the six
 * processes of a self-assessment profile: one axis per process (0 at the
 * centre, 100 at the rim, rings at 25, 50, 75), one polygon per series
 * (a person's profile, their unit's aggregate, the data's scores). Drawn
 * with presentation attributes only (the pages' CSP allows no inline
 * style); every point carries a <title> with its number, and the caller
 * shows the same numbers in a table beside it. */
#ifndef TANDEM_CHART_RADAR_H
#define TANDEM_CHART_RADAR_H

#include <stddef.h>

#include "base/buf.h"

enum { RADAR_MAX_AXES = 12, RADAR_MAX_SERIES = 4 };

struct radar_series {
	const char *label;	/* "You", "Engineering (8 people)" */
	const double *v;	/* one value 0-100 per axis */
	int dashed;		/* drawn with a dashed outline */
};

struct radar {
	const char *title;	/* the chart's accessible name */
	const char *const *axes;	/* the axes' labels */
	size_t naxes;		/* 3..RADAR_MAX_AXES */
	const struct radar_series *series;
	size_t nseries;		/* 1..RADAR_MAX_SERIES */
};

/* Appends the SVG and its legend to b. */
void chart_radar(struct buf *b, const struct radar *r);

#endif
