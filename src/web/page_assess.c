/* page_assess: /assess, the signed-in person's self-assessment (the 24
 * statements as a form of radio buttons grouped by process, then their
 * profile as a radar chart beside their unit's anonymous aggregate, with
 * the numbers in a table), and /assess/units/:id, a unit's aggregate
 * beside the balance scores read from the data (perception beside
 * evidence), the gaps in words. A person's answers are theirs alone:
 * these pages show them to that person only. */
#include <stdio.h>
#include <string.h>

#include "balance/assess.h"
#include "web/chart_radar.h"
#include "web/page.h"

/* the axes of the radar, short */
static const char *const axis_names[ASSESS_NPROC] = {
	"Planning", "Staffing", "Controlling", "Direction", "Aligning", "Motivating",
};

/* --- the profile --------------------------------------------------- */

static void profile_section(struct req *r, const struct assess_profile *p,
			    const struct assess_profile *u, int64_t unit)
{
	struct buf *b = &r->page;
	html_printf(b, "<section aria-labelledby=\"as-profile\"><h2 id=\"as-profile\">Your "
		       "profile</h2>\n<p>From your answers of %s. Each process's score is the mean "
		       "of its four statements on 0-100: 1 (strongly disagree) is 0, 3 (neither) is "
		       "50, 5 (strongly agree) is 100.", p->day);
	if (u->shown)
		html_printf(b, " Beside it, the anonymous aggregate of <a href=\"/assess/units/"
			       "%lld\">%s</a>: the latest answers of %lld people.", (long long)unit,
			    u->group, (long long)u->respondents);
	else
		html_printf(b, " %s's aggregate is not shown yet: %s.", u->group, u->hidden);
	html_raw(b, "</p>\n");
	struct radar_series s[2] = {{.label = "You", .v = p->score}};
	const char *ulabel = arena_printf(r->a, "%s (%lld people)", u->group,
					  (long long)u->counted);
	if (u->shown)
		s[1] = (struct radar_series){.label = ulabel, .v = u->score, .dashed = 1};
	chart_radar(b, &(struct radar){.title = "Your profile over the six processes",
				       .axes = axis_names, .naxes = ASSESS_NPROC, .series = s,
				       .nseries = u->shown ? 2 : 1});
	html_raw(b, "<table><thead><tr><th scope=\"col\">Process</th>"
		    "<th scope=\"col\" class=\"num\">Your mean (1-5)</th>"
		    "<th scope=\"col\" class=\"num\">Your score (0-100)</th>");
	if (u->shown)
		html_printf(b, "<th scope=\"col\" class=\"num\">%s (0-100)</th>", u->group);
	html_raw(b, "</tr></thead><tbody>\n");
	for (int k = 0; k < ASSESS_NPROC; k++) {
		html_printf(b, "<tr><th scope=\"row\">%s</th><td class=\"num\">%.2f</td>"
			       "<td class=\"num\">%.0f</td>", assess_process_name(k), p->process[k],
			    p->score[k]);
		if (u->shown)
			html_printf(b, "<td class=\"num\">%.0f</td>", u->score[k]);
		html_raw(b, "</tr>\n");
	}
	html_raw(b, "</tbody></table>\n<p class=\"hint\">Only you see your answers and this "
		    "profile; groups see only anonymous aggregates.</p></section>\n");
}

/* --- the form ------------------------------------------------------ */

/* values: the form's answers as sent ("" when none), for a re-render */
static void assess_form(struct req *r, const char *const values[ASSESS_ITEMS], int taken)
{
	struct buf *b = &r->page;
	html_printf(b, "<section aria-labelledby=\"as-take\"><h2 id=\"as-take\">%s</h2>\n"
		       "<p>Twenty-four statements about what you see in your team, four for each "
		       "of the six processes. Answer each from 1 (strongly disagree) to 5 "
		       "(strongly agree). Your latest answers count%s.</p>\n",
		    taken ? "Take it again" : "Take the self-assessment",
		    taken ? "; the form starts from them" : "");
	html_form_error(b, &r->e, 1);
	html_raw(b, "<form method=\"post\" action=\"/assess\" class=\"stack as-form\">\n");
	html_csrf(b, r);
	for (int k = 0; k < ASSESS_NPROC; k++) {
		html_printf(b, "<fieldset class=\"as-process\"><legend>%s</legend>\n",
			    assess_process_name(k));
		for (int j = 0; j < ASSESS_PER; j++) {
			int i = k * ASSESS_PER + j;
			char name[16];
			snprintf(name, sizeof name, "i%d", i + 1);
			int bad = r->e.status && strcmp(r->e.field, name) == 0;
			html_printf(b, "<fieldset class=\"as-item\" id=\"f-%s\"", name);
			if (bad)
				html_printf(b, " aria-invalid=\"true\" aria-describedby=\"e-%s\"", name);
			html_printf(b, "><legend>%d. %s</legend>\n", i + 1, assess_items[i].text);
			if (bad)
				html_printf(b, "<p class=\"field-error\" id=\"e-%s\">%s</p>\n", name,
					    r->e.msg);
			for (int v = 1; v <= 5; v++) {
				char val[2] = {(char)('0' + v), 0};
				int checked = values && values[i] && strcmp(values[i], val) == 0;
				html_printf(b, "<label><input type=\"radio\" name=\"%s\" value=\"%d\"",
					    name, v);
				if (checked)
					html_raw(b, " checked");
				html_printf(b, "> %d <span class=\"hint\">%s</span></label>\n", v,
					    assess_scale[v]);
			}
			html_raw(b, "</fieldset>\n");
		}
		html_raw(b, "</fieldset>\n");
	}
	html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Save my "
		    "answers</button></div>\n</form></section>\n");
}

/* The unit of the person's latest assessment (their unit then). */
static int profile_unit(struct req *r, const struct assess_profile *p, int64_t *unit)
{
	struct stmt *st = db_prepare(r->db, "SELECT unit_id FROM assessment WHERE id = :id",
				     &r->e);
	if (!st)
		return -1;
	db_bind_int(st, ":id", p->assessment_id);
	return db_one_int(st, unit, &r->e) < 0 ? -1 : 0;
}

static int assess_render(struct req *r, const char *const values[ASSESS_ITEMS])
{
	struct err keep = r->e;	/* a form's error, shown beside its statement */
	err_clear(&r->e);
	struct assess_profile p, u;
	int64_t unit = 0;
	int taken = 0;
	if (r->who.person_id) {
		if (assess_person(r->db, r->who.person_id, &p, &r->e) == 0) {
			taken = 1;
			if (profile_unit(r, &p, &unit) || assess_unit(r->db, unit, &u, &r->e))
				return -1;
		} else if (r->e.status != ERR_NOT_FOUND) {
			return -1;
		}
		err_clear(&r->e);
	}
	r->e = keep;
	page_begin(r, "Self-assessment", "assess");
	struct buf *b = &r->page;
	html_raw(b, "<h1>Self-assessment</h1>\n<p>How well is your team managed, and how well "
		    "led? Your own view, beside what the data says on the <a href=\"/balance\">"
		    "balance</a> page.</p>\n");
	if (!r->who.person_id) {
		html_raw(b, "<p class=\"none\">Your account belongs to no person, so it has no "
			    "self-assessment.</p>\n");
		page_end(r);
		return 0;
	}
	if (taken)
		profile_section(r, &p, &u, unit);
	struct err self = {0};
	const char *last[ASSESS_ITEMS];	/* a retake starts from the latest answers */
	if (!values && taken) {
		for (int i = 0; i < ASSESS_ITEMS; i++)
			last[i] = arena_printf(r->a, "%d", (int)p.item[i]);
		values = last;
	}
	if (access_self(&r->who, "take the self-assessment", &self) == 0)
		assess_form(r, values, taken);
	else
		html_printf(b, "<p class=\"none\">%s.</p>\n", self.msg);
	page_end(r);
	return 0;
}

int assess_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}))
		return -1;
	return assess_render(r, NULL);
}

int assess_post_page(struct req *r)
{
	if (access_self(&r->who, "take the self-assessment", &r->e))
		return -1;
	const char *values[ASSESS_ITEMS];
	int answers[ASSESS_ITEMS];
	int missing = 0, first = 0;
	for (int i = 0; i < ASSESS_ITEMS; i++) {
		char name[16];
		snprintf(name, sizeof name, "i%d", i + 1);
		values[i] = form_get(&r->form, name);
		const char *v = values[i];
		if (v && v[0] >= '1' && v[0] <= '5' && !v[1]) {
			answers[i] = v[0] - '0';
		} else {
			answers[i] = 0;
			if (!missing++)
				first = i + 1;
		}
	}
	int64_t id;
	if (missing) {
		char field[16];
		snprintf(field, sizeof field, "i%d", first);
		err_set(&r->e, ERR_BAD_INPUT, field,
			"statement %d needs an answer from 1 to 5 (%d statement%s unanswered)", first,
			missing, missing == 1 ? "" : "s");
	} else if (assess_take(r->db, r->who.person_id, 0, answers, &id, &r->e) == 0) {
		return page_redirect(r, "/assess#as-profile");
	}
	if (form_failed(r))
		return -1;
	return assess_render(r, values);
}

/* --- a unit: perception beside evidence ------------------------------ */

int assess_unit_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}))
		return -1;
	struct assess_profile u;
	if (assess_unit(r->db, r->id, &u, &r->e))
		return -1;
	struct assess_compare c;
	int compared = 0;
	if (u.shown) {
		if (assess_compare(r->db, r->a, r->id, &c, &r->e))
			return -1;
		compared = 1;
	}
	page_begin(r, arena_printf(r->a, "Self-assessment: %s", u.group), "assess");
	struct buf *b = &r->page;
	html_printf(b, "<h1>Self-assessment: %s</h1>\n", u.group);
	if (!compared) {
		html_printf(b, "<p class=\"none\">The anonymous aggregate of %s and the units under it "
			       "is not shown, to keep answers anonymous: %s.</p>\n", u.group,
			    u.hidden);
		page_end(r);
		return 0;
	}
	html_printf(b, "<p>Perception beside evidence: the anonymous aggregate of the latest "
		       "self-assessment of %lld people in %s and the units under it (latest %s; "
		       "the means count whole groups of the minimum: docs/assess.md), "
		       "beside the process scores that tandem reads from the data (the <a "
		       "href=\"/balance/units/%lld\">balance</a> page explains each). Both are "
		       "0-100; the processes are sorted by the largest disagreement.</p>\n",
		    (long long)u.counted, u.group, u.day, (long long)r->id);
	double data[ASSESS_NPROC];
	for (int k = 0; k < ASSESS_NPROC; k++)
		for (int j = 0; j < ASSESS_NPROC; j++)
			if (c.gaps[j].process == k)
				data[k] = c.gaps[j].evidence;
	struct radar_series s[2] = {
		{.label = arena_printf(r->a, "Perception (%lld people)", (long long)u.counted),
		 .v = u.score},
		{.label = "Evidence (the data)", .v = data, .dashed = 1},
	};
	chart_radar(b, &(struct radar){.title = arena_printf(r->a, "%s: perception and evidence",
							     u.group),
				       .axes = axis_names, .naxes = ASSESS_NPROC, .series = s,
				       .nseries = 2});
	html_raw(b, "<table><thead><tr><th scope=\"col\">Process</th>"
		    "<th scope=\"col\" class=\"num\">People rate it</th>"
		    "<th scope=\"col\" class=\"num\">The data says</th>"
		    "<th scope=\"col\" class=\"num\">Gap</th><th scope=\"col\">In words</th>"
		    "</tr></thead><tbody>\n");
	for (int k = 0; k < ASSESS_NPROC; k++) {
		const struct assess_gap *g = &c.gaps[k];
		html_printf(b, "<tr><th scope=\"row\">%s</th><td class=\"num\">%.0f</td>"
			       "<td class=\"num\">%.0f</td><td class=\"num\">%+.0f</td><td>%s</td></tr>\n",
			    assess_process_name(g->process), g->perceived, g->evidence, g->gap,
			    g->words);
	}
	html_printf(b, "</tbody></table>\n<p>Perceived management %.0f and leadership %.0f (the "
		       "means of their three processes); the data says management %.0f and "
		       "leadership %.0f (%s). A gap above zero means people see the process as "
		       "better than the data shows.</p>\n", c.perceived_m, c.perceived_l, c.data_m,
		    c.data_l, c.quadrant);
	html_raw(b, "<details><summary>Each statement's mean (1-5)</summary><table><thead><tr>"
		    "<th scope=\"col\" class=\"num\">#</th><th scope=\"col\">Statement</th>"
		    "<th scope=\"col\" class=\"num\">Mean</th></tr></thead><tbody>\n");
	for (int i = 0; i < ASSESS_ITEMS; i++)
		html_printf(b, "<tr><td class=\"num\">%d</td><td>%s</td><td class=\"num\">%.2f</td>"
			       "</tr>\n", i + 1, assess_items[i].text, u.item[i]);
	html_raw(b, "</tbody></table></details>\n");
	page_end(r);
	return 0;
}
