/* signal_demo: the demo's signals and themes (signals_demo in signal.h):
 * what Northwind's units noticed over the last fifteen months, grouped
 * in five themes. "EU packaging rules" builds up high pressure with no
 * strategy answering it, so the themes page flags it; the others are
 * answered by the direction demo's strategies, linked by name when they
 * exist. */
#include <string.h>

#include "base/date.h"
#include "lead/signal.h"

static const char *const demo_themes[][3] = {
    /* name, description, the strategy that answers it (NULL: none) */
    {"Next-day delivery", "Customers and rivals moving to delivery the next day.",
     "Regional hubs within 200 km of 90 % of customers"},
    {"EU packaging rules", "The packaging and packaging waste regulation and what it costs us.",
     NULL},
    {"Warehouse automation", "Robots, their cost and who is buying them.",
     "Automate the warehouses"},
    {"Customer churn", "Why customers leave, and what would keep them.", "Grow repeat business"},
    {"Self-service", "Customers who would rather do it themselves.",
     "Let customers serve themselves"},
};
enum { NTHEMES = sizeof demo_themes / sizeof demo_themes[0] };

static const struct demo_signal {
	int days_ago;
	const char *observed, *source, *category, *kind;
	int impact, likelihood;
	const char *unit;
	int theme;    /* index into demo_themes, -1 for none */
	int reviewed; /* reviewed a week after it was seen */
} demo_signals[] = {
    {440, "Two rivals announce next-day delivery in the capital", "Logistics Weekly", "competitor",
     "threat", 4, 4, "Logistics", 0, 1},
    {410, "Draft EU packaging regulation published for consultation",
     "https://environment.ec.europa.eu", "regulation", "threat", 3, 3, "Northwind Ltd", 1, 1},
    {380, "Picking robots offered as a service, no upfront cost", "LogiMAT trade fair",
     "technology", "opportunity", 4, 3, "Operations", 2, 1},
    {350, "Key account asks why delivery takes three days", "Account review, Sales", "customer",
     "threat", 3, 4, "Sales", 0, 1},
    {320, "Churn survey: late deliveries top the reasons to leave", "Exit survey Q3", "customer",
     "threat", 4, 4, "Sales", 3, 1},
    {300, "Order-tracking questions are half of support calls", "Support ticket analysis",
     "internal", "threat", 3, 5, "Product", 4, 1},
    {270, "Largest competitor opens a regional hub in the south", "Press release", "competitor",
     "threat", 4, 4, "Logistics", 0, 1},
    {250, "Robot vendor prices drop by a fifth", "Vendor quote", "technology", "opportunity", 3, 4,
     "Operations", 2, 1},
    {230, "Parliament votes the packaging regulation: reuse targets from 2030",
     "https://www.europarl.europa.eu", "regulation", "threat", 4, 4, "Northwind Ltd", 1, 0},
    {210, "Customers rate the portal 2.9 out of 5", "App store reviews", "customer", "threat", 3, 4,
     "Product", 4, 1},
    {190, "Three mid-size accounts move to a rival with a loyalty scheme", "CRM lost deals",
     "market", "threat", 4, 3, "Sales", 3, 1},
    {170, "Warehouse wages up 6 % in the region", "Regional labour statistics", "society", "threat",
     3, 4, "Operations", 2, 1},
    {150, "Packaging supplier warns of higher prices for recycled board", "Supplier letter",
     "market", "threat", 3, 4, "Logistics", 1, 0},
    {140, "Retail partners want delivery slots the same evening", "Partner meeting", "customer",
     "opportunity", 3, 3, "Sales", 0, 1},
    {120, "Rival launches self-service returns", "Competitor website", "competitor", "threat", 3, 3,
     "Product", 4, 0},
    {110, "National rules for deposit on reusable crates announced", "Ministry press release",
     "regulation", "threat", 4, 3, "Logistics", 1, 0},
    {95, "Loyal customers order 30 % more after a personal call", "Sales pilot", "internal",
     "opportunity", 3, 4, "Sales", 3, 1},
    {80, "Courier start-ups offer same-day in five cities", "Logistics Weekly", "market",
     "opportunity", 3, 3, "Logistics", 0, 0},
    {70, "Auditor: our packaging data cannot show recycled content", "Audit report", "internal",
     "threat", 4, 4, "Operations", 1, 0},
    {60, "Customer churn complaints double after the price change", "Support ticket analysis",
     "customer", "threat", 4, 4, "Sales", 3, 0},
    {45, "Open-source warehouse control software matures", "Conference talk", "technology",
     "opportunity", 2, 3, "Engineering", 2, 0},
    {30, "Customers ask for a chat to change delivery addresses", "Support ticket analysis",
     "customer", "opportunity", 3, 4, "Product", 4, 0},
    {20, "EU publishes the labelling rules for packaging", "https://eur-lex.europa.eu",
     "regulation", "threat", 3, 5, "Northwind Ltd", 1, 0},
    {12, "Rival's next-day promise missed in the holidays: customers complain online",
     "Social media", "competitor", "opportunity", 3, 3, "Sales", 0, 0},
    {6, "Electricity prices for the warehouses fixed for two years", "Energy contract", "market",
     "opportunity", 2, 4, "Operations", -1, 0},
    {3, "Graduates prefer employers with a sustainability record", "Recruiting fair", "society",
     "opportunity", 2, 3, "Northwind Ltd", -1, 0},
    {1, "Engineering proposes an API for partners to book deliveries", "Team retrospective",
     "internal", "opportunity", 3, 3, "Engineering", 4, 0},
};
enum { NSIGNALS = sizeof demo_signals / sizeof demo_signals[0] };

/* The id a text query with :v gives, 0 for none, -1 on error. */
static int64_t id_of(struct db *db, const char *sql, const char *v, struct err *e)
{
	struct stmt *st = db_prepare(db, sql, e);
	if (!st)
		return -1;
	db_bind_text(st, ":v", v);
	int64_t id = 0;
	int rc = db_one_int(st, &id, e);
	return rc < 0 ? -1 : rc == 0 ? 0 : id;
}

int signals_demo(struct db *db, const char *today, struct err *e)
{
	int32_t t0;
	if (date_parse(today, &t0))
		return err_set(e, ERR_BAD_INPUT, "today", "today: must be a date as YYYY-MM-DD");
	int64_t theme[NTHEMES];
	int64_t last[NTHEMES] = {0}; /* each theme's latest signal */
	for (size_t i = 0; i < NTHEMES; i++) {
		struct theme_input in = {.name = demo_themes[i][0],
		                         .description = demo_themes[i][1]};
		if (theme_add(db, &in, TH_NAME | TH_DESCRIPTION, &theme[i], e))
			return -1;
	}
	for (size_t i = 0; i < NSIGNALS; i++) {
		const struct demo_signal *d = &demo_signals[i];
		int64_t unit = id_of(db, "SELECT min(id) FROM unit WHERE name = :v", d->unit, e);
		if (unit < 0)
			return -1;
		if (!unit)
			continue;
		char day[11], seen[11];
		date_format(t0 - d->days_ago, day);
		date_format(t0 - d->days_ago + 7, seen);
		struct signal_input in = {.observed = d->observed,
		                          .source = d->source,
		                          .day = day,
		                          .category = d->category,
		                          .kind = d->kind,
		                          .impact = d->impact,
		                          .likelihood = d->likelihood,
		                          .unit_id = unit,
		                          .theme_id = d->theme >= 0 ? theme[d->theme] : 0};
		unsigned set = SG_OBSERVED | SG_SOURCE | SG_DAY | SG_CATEGORY | SG_KIND |
		               SG_IMPACT | SG_LIKELIHOOD | SG_UNIT | (d->theme >= 0 ? SG_THEME : 0);
		int64_t id;
		if (signal_add(db, &in, set, &id, e))
			return -1;
		if (d->reviewed && d->days_ago >= 7 && signal_review(db, id, seen, e))
			return -1;
		if (d->theme >= 0)
			last[d->theme] = id;
	}
	/* each answered theme's latest signal is answered by its strategy */
	for (size_t i = 0; i < NTHEMES; i++) {
		if (!demo_themes[i][2] || !last[i])
			continue;
		int64_t s =
		    id_of(db, "SELECT min(id) FROM strategy WHERE name = :v", demo_themes[i][2], e);
		if (s < 0)
			return -1;
		if (s && signal_respond(db, last[i], s, e))
			return -1;
	}
	return 0;
}
