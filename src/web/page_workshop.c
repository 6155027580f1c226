/* page_workshop: /workshops (the cohorts an admin or manager may read,
 * with a form to create one), /workshops/:id (the trainer's live view:
 * the join code, how many joined and answered, the radar of the mean
 * profile once at least the cohort's minimum answered, else "waiting for
 * N more"; it reloads itself every 10 s through app.js and has a Refresh
 * link without it), and /join, where a participant joins without an
 * account: the code, a name, an email and a password make a person in
 * the cohort's unit, a member account and a session. */
#include <ctype.h>
#include <sodium.h>
#include <string.h>

#include "balance/assess.h"
#include "balance/cohort.h"
#include "org/account.h"
#include "org/audit.h"
#include "web/chart_radar.h"
#include "web/page.h"

static const char *const axis_names[ASSESS_NPROC] = {
	"Planning", "Staffing", "Controlling", "Direction", "Aligning", "Motivating",
};

/* --- the list ------------------------------------------------------- */

struct ws_vals {
	const char *name, *unit_id, *min_group;
};

static int workshops_render(struct req *r, const struct ws_vals *v)
{
	struct err keep = r->e;
	err_clear(&r->e);
	struct cohort_filter f = {0};
	unsigned fset = 0;
	struct cohort *list;
	size_t n;
	if (api_scope(r, &f.unit_id, &fset, COHF_UNIT) ||
	    cohort_list(r->db, r->a, &f, fset, &list, &n, &r->e))
		return -1;
	r->e = keep;
	page_begin(r, "Workshops", "workshops");
	struct buf *b = &r->page;
	html_raw(b, "<h1>Workshops</h1>\n<p>A workshop cohort takes the <a href=\"/assess\">"
		    "self-assessment</a> together: participants join at <a href=\"/join\">/join"
		    "</a> with the cohort's code, and the trainer's page shows the group's "
		    "anonymous profile once enough of them answered.</p>\n");
	if (!n) {
		html_raw(b, "<p class=\"none\">No workshops yet.</p>\n");
	} else {
		html_raw(b, "<table><thead><tr><th scope=\"col\">Workshop</th><th scope=\"col\">Join "
			    "code</th><th scope=\"col\">Status</th><th scope=\"col\" class=\"num\">"
			    "Joined</th><th scope=\"col\" class=\"num\">Answered</th><th scope=\"col\" "
			    "class=\"num\">Shown from</th><th scope=\"col\">Unit</th><th scope=\"col\">"
			    "Created</th></tr></thead><tbody>\n");
		for (size_t i = 0; i < n; i++) {
			char code[COHORT_CODE_LEN + 2];
			cohort_code_show(list[i].code, code);
			html_printf(b, "<tr><td><a href=\"/workshops/%lld\">%s</a></td><td><code>%s"
				       "</code></td><td>%s</td><td class=\"num\">%lld</td><td "
				       "class=\"num\">%lld</td><td class=\"num\">%lld</td><td>%s</td>"
				       "<td>%s</td></tr>\n", (long long)list[i].id, list[i].name, code,
				    list[i].open ? "open" : "closed", (long long)list[i].joined,
				    (long long)list[i].answered, (long long)list[i].min_group,
				    list[i].unit_name, list[i].created);
		}
		html_raw(b, "</tbody></table>\n<p class=\"hint\">Joined: people in the cohort; "
			    "answered: those who took the self-assessment for it; shown from: the "
			    "fewest answers whose aggregate is shown.</p>\n");
	}
	if (r->who.role >= ROLE_MANAGER) {
		struct unit *units;
		size_t nunits, nuo;
		if (page_units(r, &units, &nunits))
			return -1;
		/* a manager creates within their units; the root is an admin's */
		int admin = r->who.role == ROLE_ADMIN;
		struct option *uo = unit_options(r, units, nunits, admin ? "" : NULL,
						 admin ? "The root unit" : NULL, &nuo);
		html_raw(b, "<section aria-labelledby=\"ws-new\"><h2 id=\"ws-new\">New workshop</h2>\n");
		html_form_error(b, &r->e, 1);
		html_raw(b, "<form method=\"post\" action=\"/workshops\" class=\"stack\" novalidate>\n");
		html_csrf(b, r);
		html_input(b, &(struct input){.name = "name", .label = "Name", .value = v->name,
					      .required = 1, .maxlength = 200}, &r->e);
		html_select(b, &(struct select){.name = "unit_id", .label = "Unit participants join",
						.hint = "new participants become people of this unit",
						.options = uo, .n = nuo,
						.selected = v->unit_id ? v->unit_id : ""}, &r->e);
		html_input(b, &(struct input){.name = "min_group", .label = "Shown from (answers)",
					      .type = "number", .min = "3", .value = v->min_group,
					      .hint = "at least 3; empty: the setting assess.min_group"},
			   &r->e);
		html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Create "
			    "workshop</button></div>\n</form></section>\n");
	}
	page_end(r);
	return 0;
}

int workshops_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}))
		return -1;
	return workshops_render(r, &(struct ws_vals){0});
}

int workshop_create_page(struct req *r)
{
	struct cohort_input in = {0};
	unsigned set = 0;
	int64_t id;
	char code[COHORT_CODE_LEN + 1];
	if (may_create(r, "workshops"))
		return -1;
	int rc = form_fill(&r->form, cohort_fields, &in, &set, &r->e);
	if (rc == 0 && r->who.person_id && !(set & COH_TRAINER)) {
		in.trainer_id = r->who.person_id;	/* the trainer: who creates it */
		set |= COH_TRAINER;
	}
	if (rc || api_refs(r, &(struct api_ref){K_PERSON, in.trainer_id, "trainer_id"}, 1) ||
	    cohort_add(r->db, &in, set, &id, code, &r->e)) {
		if (form_failed(r))
			return -1;
		struct ws_vals v = {form_get(&r->form, "name"), form_get(&r->form, "unit_id"),
				    form_get(&r->form, "min_group")};
		return workshops_render(r, &v);
	}
	return page_redirect(r, "/workshops/%lld", (long long)id);
}

/* --- the trainer's page ------------------------------------------------ */

int workshop_page(struct req *r)
{
	if (page_query(r, NULL, NULL, &(unsigned){0}))
		return -1;
	struct cohort c;
	struct assess_profile p;
	if (cohort_get(r->db, r->a, r->id, &c, &r->e) || assess_cohort(r->db, r->id, &p, &r->e))
		return -1;
	page_begin(r, c.name, "workshops");
	struct buf *b = &r->page;
	char code[COHORT_CODE_LEN + 2];
	cohort_code_show(c.code, code);
	html_printf(b, "<h1>%s</h1>\n", c.name);
	if (c.open)
		html_printf(b, "<p class=\"ws-code\">Join at <strong>/join</strong> with the code "
			       "<strong><code>%s</code></strong></p>\n", code);
	else
		html_raw(b, "<p class=\"none\">This workshop is closed: it takes no one new and no "
			    "more answers; its aggregate stays.</p>\n");
	html_printf(b, "<div class=\"ws-live\" data-refresh=\"10\"><p><strong>%lld</strong> "
		       "joined, <strong>%lld</strong> answered (%s, unit %s). ", (long long)c.joined,
		    (long long)p.respondents, c.open ? "open" : "closed", c.unit_name);
	html_printf(b, "<a href=\"/workshops/%lld\">Refresh</a> (the page also refreshes itself "
		       "every 10 seconds).</p>\n", (long long)c.id);
	if (!p.shown) {
		int64_t more = c.min_group - p.respondents;
		html_printf(b, "<p class=\"none\">The group's profile shows from %lld answers, to "
			       "keep them anonymous: waiting for %lld more.</p>\n",
			    (long long)c.min_group, (long long)(more > 0 ? more : 0));
	} else {
		html_printf(b, "<p>The mean profile of the first %lld participants' latest "
			       "answers (of %lld; the means move in whole groups of %lld, so that no "
			       "one's answers show as a change), each process on 0-100 (1 strongly "
			       "disagree is 0, 5 strongly agree is 100).</p>\n",
			    (long long)p.counted, (long long)p.respondents, (long long)c.min_group);
		struct radar_series s = {.label = arena_printf(r->a, "%s (%lld people)", c.name,
							       (long long)p.counted),
					 .v = p.score};
		chart_radar(b, &(struct radar){.title = arena_printf(r->a, "%s: mean profile",
								     c.name),
					       .axes = axis_names, .naxes = ASSESS_NPROC,
					       .series = &s, .nseries = 1});
		html_raw(b, "<table><thead><tr><th scope=\"col\">Process</th><th scope=\"col\" "
			    "class=\"num\">Mean (1-5)</th><th scope=\"col\" class=\"num\">Score "
			    "(0-100)</th></tr></thead><tbody>\n");
		for (int k = 0; k < ASSESS_NPROC; k++)
			html_printf(b, "<tr><th scope=\"row\">%s</th><td class=\"num\">%.2f</td>"
				       "<td class=\"num\">%.0f</td></tr>\n", assess_process_name(k),
				    p.process[k], p.score[k]);
		html_raw(b, "</tbody></table>\n");
	}
	html_raw(b, "</div>\n");
	if (c.open && may_write(r, K_COHORT, c.id)) {
		html_printf(b, "<form method=\"post\" action=\"/workshops/%lld/close\">",
			    (long long)c.id);
		html_csrf(b, r);
		html_raw(b, "<button type=\"submit\">Close the workshop</button></form>\n");
	}
	page_end(r);
	return 0;
}

int workshop_close_page(struct req *r)
{
	if (cohort_close(r->db, r->id, &r->e))
		return -1;
	return page_redirect(r, "/workshops/%lld", (long long)r->id);
}

/* --- joining --------------------------------------------------------- */

static void join_form(struct req *r, const char *pre, const struct join_input *v)
{
	page_begin(r, "Join a workshop", NULL);
	struct buf *b = &r->page;
	html_raw(b, "<div class=\"narrow\"><h1>Join a workshop</h1>\n<p>Your trainer gives you "
		    "the workshop's join code. You get an account (your email is your login) and "
		    "can take the self-assessment and explore the demo organization.</p>\n");
	html_form_error(b, &r->e, 1);
	html_raw(b, "<form method=\"post\" action=\"/join\" class=\"stack\" novalidate>\n");
	html_printf(b, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n", pre);
	html_input(b, &(struct input){.name = "code", .label = "Join code", .value = v->code,
				      .hint = "8 letters and digits, as K7PX-3MQD",
				      .required = 1, .autofocus = !r->e.status, .maxlength = 40,
				      .autocomplete = "off"}, &r->e);
	html_input(b, &(struct input){.name = "name", .label = "Your name", .value = v->name,
				      .required = 1, .maxlength = 200, .autocomplete = "name"},
		   &r->e);
	html_input(b, &(struct input){.name = "email", .label = "Your email", .type = "email",
				      .value = v->email, .required = 1, .maxlength = 254,
				      .autocomplete = "email"}, &r->e);
	html_input(b, &(struct input){.name = "password", .label = "A password",
				      .type = "password", .hint = "at least 10 characters",
				      .required = 1, .maxlength = PASSWORD_MAX,
				      .autocomplete = "new-password"}, &r->e);
	html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Join"
		    "</button></div>\n</form>\n<p class=\"hint\">Have an account already? <a "
		    "href=\"/login\">Sign in</a>.</p></div>\n");
	page_end(r);
}

/* A fresh pre-session form token (the tandem_pre cookie, as /login). */
static int pre_token(struct req *r, char pre[33])
{
	if (sodium_init() < 0)
		return err_set(&r->e, ERR_INTERNAL, "", "libsodium cannot start");
	unsigned char raw[16];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(pre, 33, raw, sizeof raw);
	r->set_cookie = arena_printf(r->a, "tandem_pre=%s; Path=/; HttpOnly; SameSite=Strict", pre);
	return 0;
}

int join_page(struct req *r)
{
	struct join_input q = {0};
	unsigned set = 0;
	static const struct field code_only[] = {
		{.name = "code", .type = FT_TEXT, .offset = offsetof(struct join_input, code),
		 .bit = JOIN_CODE, .max = 40, .help = "the join code"},
		{0},
	};
	if (form_query(r, code_only, &q, &set))
		return -1;
	char pre[33];
	if (pre_token(r, pre))
		return -1;
	join_form(r, pre, &q);
	return 0;
}

int join_post_page(struct req *r)
{
	struct join_input in = {0};
	unsigned set = 0;
	int64_t person = 0, cohort = 0;
	char token[TOKEN_CHARS + 1];
	struct actor who;
	int rc = form_fill(&r->form, join_fields, &in, &set, &r->e) ||
		 cohort_join_new(r->db, &in, set, &person, &cohort, &r->e) ? -1 : 0;
	if (rc == 0) {
		/* the account's login is the email in lower case */
		char *login = arena_strdup(r->a, in.email);
		for (char *p = login; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		rc = session_login(r->db, login, in.password, r->address, token, &who, &r->e);
	}
	if (rc) {
		if (form_failed(r))
			return -1;
		struct join_input v = {form_get(&r->form, "code"), form_get(&r->form, "name"),
				       form_get(&r->form, "email"), NULL};
		join_form(r, form_get(&r->form, "csrf"), &v);
		return 0;
	}
	who.via = VIA_UI;
	if (audit_write(r->db, &who, "POST /join", person, NULL, &r->e)) {
		sodium_memzero(token, sizeof token);
		return -1;
	}
	r->set_cookie = arena_printf(r->a, "tandem_session=%s; Path=/; HttpOnly; SameSite=Strict; "
				     "Max-Age=%d", token, (int)SESSION_SECONDS);
	sodium_memzero(token, sizeof token);
	return page_redirect(r, "/assess");
}
