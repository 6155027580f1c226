/* actions: the words of the balance. For each indicator, why it has its
 * value (the numbers behind it) and the action that would raise its
 * score, or reduce what is too much, phrased from its data ("12 of 40
 * live plans serve no strategy"). */
#include "balance/ind.h"

/* what a denominator counts, for "no data" */
static const char *const nothing[BI_N] = {
	[BI_P1] = "no targets with a period containing the day",
	[BI_P2] = "no live plans (draft, active, on hold)",
	[BI_P3] = "no steps in live plans",
	[BI_P4] = "no live plans",
	[BI_S1] = "no positions with a headcount",
	[BI_S2] = "nobody is staffed on a position",
	[BI_S3] = "no open steps in live plans",
	[BI_S4] = "nobody here manages anyone",
	[BI_C1] = "no active plans with steps",
	[BI_C2] = "no problems due in the last 180 days",
	[BI_C3] = "no people with a capacity",
	[BI_C4] = "the managers logged no time in the last 90 days",
	[BI_D1] = "there is no current vision",
	[BI_D2] = "no live plans",
	[BI_D3] = "no signals noticed in the last 180 days",
	[BI_D4] = "no active strategies",
	[BI_A1] = "no communications received in the last 365 days",
	[BI_A2] = "no communications received in the last 365 days",
	[BI_A3] = "no units",
	[BI_A4] = "no people",
	[BI_M1] = "no pulse results",
	[BI_M2] = "no people",
	[BI_M3] = "no ideas created 30 or more days ago",
	[BI_M4] = "no active initiatives affect it",
	[BI_M5] = "no people",
};

const char *bal_why(const struct bal_ctx *c, size_t u, int i, const struct bal_indicator *x)
{
	struct arena *a = c->a;
	double num = c->num[BAL_AT(c, u, i)], den = c->den[BAL_AT(c, u, i)];
	const char *note = c->note[BAL_AT(c, u, i)];
	if (i == BI_D1 || i == BI_M1)
		return note ? note : nothing[i];
	if (!x->has_value)
		return arena_printf(a, "%s: %s", nothing[i],
				    bal_defs[i].skip ? "left out of the process's mean" : "scores 0");
	switch (i) {
	case BI_P1:
		return arena_printf(a, "%.0f of %.0f targets whose period contains %s are served "
				    "by a plan", num, den, c->d);
	case BI_P2:
		return arena_printf(a, "%.0f of %.0f live plans have a budget line", num, den);
	case BI_P3:
		return arena_printf(a, "%.0f of %.0f steps of live plans have an estimate", num,
				    den);
	case BI_P4:
		return arena_printf(a, "%.0f steps over %.0f live plans", num, den);
	case BI_S1:
		return arena_printf(a, "%.0f of a headcount of %.0f are filled (at most the "
				    "headcount per position)", num, den);
	case BI_S2:
		return arena_printf(a, "%.0f staffed positions match their required skills by "
				    "%.1f %% on average", den, x->value);
	case BI_S3:
		return arena_printf(a, "%.0f of %.0f open steps of live plans have an assignee",
				    num, den);
	case BI_S4:
		return arena_printf(a, "%.0f direct reports over %.0f managers", num, den);
	case BI_C1:
		return arena_printf(a, "%.0f of %.0f active plans have CPI and SPI within "
				    "tolerance", num, den);
	case BI_C2:
		return arena_printf(a, "%.0f of %.0f problems due in the last 180 days were closed "
				    "by their due day", num, den);
	case BI_C3:
		return arena_printf(a, "%.0f of %.0f people with a capacity logged time in the "
				    "last 28 days", num, den);
	case BI_C4:
		return arena_printf(a, "%.0f of the %.0f minutes managers logged in the last 90 "
				    "days were controlling or problem solving", num, den);
	case BI_D2:
		return arena_printf(a, "%.0f of %.0f live plans serve a strategy", num, den);
	case BI_D3:
		return arena_printf(a, "%.0f of %.0f signals noticed in the last 180 days are "
				    "reviewed", num, den);
	case BI_D4:
		return arena_printf(a, "%.0f of %.0f active strategies have a plan", num, den);
	case BI_A1:
		return arena_printf(a, "%.0f of %.0f recipients of communications sent in the last "
				    "365 days are committed", num, den);
	case BI_A2:
		return arena_printf(a, "%.0f of %.0f recipients of communications sent in the last "
				    "365 days were reached (or further)", num, den);
	case BI_A3:
		return arena_printf(a, "%.0f of %.0f units have a coalition member in them or "
				    "below", num, den);
	case BI_A4:
		return arena_printf(a, "%.0f communications received by %.0f people in the last "
				    "90 days", num, den / 3);
	case BI_M2:
		return arena_printf(a, "%.0f recognitions in the last 90 days for %.0f people", num,
				    den);
	case BI_M3:
		return arena_printf(a, "%.0f of %.0f ideas created 30 or more days ago are "
				    "answered", num, den);
	case BI_M4:
		return arena_printf(a, "%.0f of %.0f active initiatives affecting it reached a step "
				    "in the last 120 days", num, den);
	case BI_M5:
		return arena_printf(a, "its %.0f people are each reached by %.1f active "
				    "initiatives on average", den, den > 0 ? num / den : 0);
	}
	return "";
}

const char *bal_action(const struct bal_ctx *c, size_t u, int i, const struct bal_indicator *x)
{
	struct arena *a = c->a;
	double num = c->num[BAL_AT(c, u, i)], den = c->den[BAL_AT(c, u, i)];
	double miss = den - num;
	if (!x->has_value && i != BI_D1 && i != BI_M1)
		return arena_printf(a, "%s: %s", bal_defs[i].label, nothing[i]);
	switch (i) {
	case BI_P1:
		return arena_printf(a, "%.0f of %.0f targets this period have no plan", miss, den);
	case BI_P2:
		return arena_printf(a, "%.0f of %.0f live plans have no budget", miss, den);
	case BI_P3:
		return arena_printf(a, "%.0f of %.0f steps of live plans have no estimate", miss,
				    den);
	case BI_P4:
		return x->too_much ?
			arena_printf(a, "plans have %.1f steps each (band 4-30): fewer steps and "
				     "approvals per plan", x->value) :
			arena_printf(a, "plans have %.1f steps each (band 4-30): break the work "
				     "into steps", x->value);
	case BI_S1:
		return arena_printf(a, "%.0f of a headcount of %.0f are not filled", miss, den);
	case BI_S2:
		return arena_printf(a, "skills match their positions by %.0f %% (band 75-100 %%): "
				    "train or restaff", x->value);
	case BI_S3:
		return arena_printf(a, "%.0f of %.0f open steps have no assignee", miss, den);
	case BI_S4:
		return x->too_much ?
			arena_printf(a, "managers have %.1f direct reports each (band 4-10): "
				     "fewer layers of management", x->value) :
			arena_printf(a, "managers have %.1f direct reports each (band 4-10): "
				     "spans too wide to manage", x->value);
	case BI_C1:
		return arena_printf(a, "%.0f of %.0f active plans are outside their cost or "
				    "schedule tolerance", miss, den);
	case BI_C2:
		return arena_printf(a, "%.0f of %.0f problems were not closed by their due day",
				    miss, den);
	case BI_C3:
		return arena_printf(a, "%.0f of %.0f people logged no time in the last 28 days",
				    miss, den);
	case BI_C4:
		return x->too_much ?
			arena_printf(a, "managers spend %.0f %% of their time controlling (band "
				     "5-25 %%): control less, lead more", x->value) :
			arena_printf(a, "managers spend %.0f %% of their time controlling (band "
				     "5-25 %%)", x->value);
	case BI_D1:
		return x->value >= 50 ? "the vision is past its review date: review it" :
					"there is no vision: write one";
	case BI_D2:
		return arena_printf(a, "%.0f of %.0f live plans serve no strategy", miss, den);
	case BI_D3:
		return arena_printf(a, "%.0f of %.0f recent signals are not reviewed", miss, den);
	case BI_D4:
		return arena_printf(a, "%.0f of %.0f active strategies have no plan", miss, den);
	case BI_A1:
		return arena_printf(a, "alignment is %.0f %% committed (band 60-100 %%)", x->value);
	case BI_A2:
		return arena_printf(a, "%.0f of %.0f recipients of communications were never "
				    "reached", miss, den);
	case BI_A3:
		return arena_printf(a, "%.0f of %.0f units have no coalition member", miss, den);
	case BI_A4:
		return x->too_much ?
			arena_printf(a, "communication overload: %.1f communications per person "
				     "per 30 days (band 0.3-4)", x->value) :
			arena_printf(a, "%.1f communications per person per 30 days (band 0.3-4)",
				     x->value);
	case BI_M1:
		return x->has_value ?
			arena_printf(a, "the latest pulse scores %.0f %% (band 65-100 %%)",
				     x->value) :
			"no pulse results: run a pulse";
	case BI_M2:
		return x->too_much ?
			arena_printf(a, "%.1f recognitions per person in 90 days (band 0.5-6): "
				     "fewer, more meaningful", x->value) :
			arena_printf(a, "%.1f recognitions per person in 90 days (band 0.5-6)",
				     x->value);
	case BI_M3:
		return arena_printf(a, "%.0f of %.0f ideas older than 30 days are not answered",
				    miss, den);
	case BI_M4:
		return arena_printf(a, "%.0f of %.0f active initiatives reached no step in 120 "
				    "days", miss, den);
	case BI_M5:
		return arena_printf(a, "change fatigue: each person is reached by %.1f active "
				    "initiatives (band 0-3)", x->value);
	}
	return "";
}
