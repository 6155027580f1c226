/* page_time: the weekly timesheet (/time).
 *
 * The timesheet shows one person's week, Monday to Sunday: a row for
 * each of their open steps and for each step they logged time on that
 * week, a column per day, hours in each cell. Saving writes only the
 * cells that changed, each by one rule: that person's entries of that
 * step and day are removed and one entry with the new minutes is added
 * (none for an empty cell), all in the request's one transaction, so a
 * refused cell (a day over 24 hours) leaves the week as it was. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/date.h"
#include "manage/plan.h"
#include "manage/step.h"
#include "manage/timelog.h"
#include "org/person.h"
#include "web/page.h"

static const char *const day_names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

struct time_q {
	const char *week;
	int64_t person;
	int64_t saved;
	const char *format;
};
static const struct field time_q_fields[] = {
	{.name = "week", .type = FT_DATE, .offset = offsetof(struct time_q, week), .bit = 1},
	{.name = "person", .type = FT_ID, .offset = offsetof(struct time_q, person), .bit = 2},
	{.name = "saved", .type = FT_INT, .offset = offsetof(struct time_q, saved), .bit = 4,
	 .min = 0, .max = 1},
	{.name = "format", .type = FT_ENUM, .offset = offsetof(struct time_q, format), .bit = 8,
	 .choices = list_formats},
	{0},
};

/* One row of the sheet. */
struct ts_row {
	int64_t step_id;
	const char *name;
	int64_t plan_id;
	const char *plan_name;
	const char *status;
	int64_t minutes[7];
};

struct sheet {
	int64_t person_id;
	const char *person_name;
	int writable;		/* may the actor log this person's time */
	int32_t monday;
	struct ts_row *rows;
	size_t n;
	struct time_entry *entries;	/* the week's entries */
	size_t nentries;
};

static struct ts_row *row_of(struct sheet *s, int64_t step_id)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->rows[i].step_id == step_id)
			return &s->rows[i];
	return NULL;
}

static int cmp_row(const void *a, const void *b)
{
	const struct ts_row *x = a, *y = b;
	if (x->plan_id != y->plan_id)
		return x->plan_id < y->plan_id ? -1 : 1;
	return (x->step_id > y->step_id) - (x->step_id < y->step_id);
}

/* Loads the week of person from monday: rows and the current minutes. */
static int sheet_load(struct req *r, int64_t person, int32_t monday, struct sheet *s)
{
	memset(s, 0, sizeof *s);
	s->person_id = person;
	s->monday = monday;
	char from[11], to[11];
	date_format(monday, from);
	date_format(monday + 6, to);
	struct time_filter tf = {.person_id = person, .from = from, .to = to};
	int64_t total;
	if (time_list(r->db, r->a, &tf, TF_PERSON | TF_FROM | TF_TO, &s->entries, &s->nentries,
		      &total, &r->e))
		return -1;
	static const char *const open[] = {"doing", "todo", "blocked"};
	struct step *parts[3];
	size_t np[3], max = s->nentries;
	for (int i = 0; i < 3; i++) {
		struct step_filter f = {.assignee_id = person, .status = open[i]};
		if (step_list(r->db, r->a, &f, SF_ASSIGNEE | SF_STATUS, &parts[i], &np[i], &r->e))
			return -1;
		max += np[i];
	}
	s->rows = arena_alloc(r->a, (max ? max : 1) * sizeof *s->rows);
	if (!s->rows)
		return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	for (int i = 0; i < 3; i++)
		for (size_t j = 0; j < np[i]; j++)
			if (!row_of(s, parts[i][j].id))
				s->rows[s->n++] = (struct ts_row){.step_id = parts[i][j].id,
								  .name = parts[i][j].name,
								  .plan_id = parts[i][j].plan_id,
								  .status = parts[i][j].status};
	for (size_t i = 0; i < s->nentries; i++) {
		const struct time_entry *t = &s->entries[i];
		struct ts_row *row = row_of(s, t->step_id);
		if (!row) {
			row = &s->rows[s->n++];
			*row = (struct ts_row){.step_id = t->step_id, .name = t->step_name,
					       .plan_id = t->plan_id};
		}
		int32_t day;
		if (date_parse(t->day, &day) == 0 && day >= monday && day < monday + 7)
			row->minutes[day - monday] += t->minutes;
	}
	qsort(s->rows, s->n, sizeof *s->rows, cmp_row);
	/* the plans' names, once per plan (rows are by plan) */
	for (size_t i = 0; i < s->n; i++) {
		if (i && s->rows[i - 1].plan_id == s->rows[i].plan_id) {
			s->rows[i].plan_name = s->rows[i - 1].plan_name;
			continue;
		}
		struct plan p;
		if (plan_get(r->db, r->a, s->rows[i].plan_id, &p, &r->e))
			return -1;
		s->rows[i].plan_name = p.name;
	}
	return 0;
}

/* Parses a cell: "" is 0; hours with up to two decimals ("1.5", "1,5")
 * or hours and minutes ("1:30"). 0 and *minutes, or -1. */
static int parse_cell(const char *s, int64_t *minutes)
{
	char tmp[32];
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	if (n == 0) {
		*minutes = 0;
		return 0;
	}
	if (n >= sizeof tmp)
		return -1;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	char *colon = strchr(tmp, ':');
	int64_t v;
	if (colon) {
		*colon = '\0';
		int64_t h, m;
		if (field_parse_int(tmp, &h) || field_parse_int(colon + 1, &m) || h < 0 || m < 0 ||
		    m > 59 || strlen(colon + 1) != 2 || h > 24)
			return -1;
		*minutes = h * 60 + m;
		return 0;
	}
	char *comma = strchr(tmp, ',');
	if (comma)
		*comma = '.';
	if (field_parse_decimal(tmp, 2, &v) || v > 2400)
		return -1;
	*minutes = (v * 60 + 50) / 100;
	return 0;
}

/* The key of a cell: "h-STEP-DAY" (DAY as YYYY-MM-DD). */
static const char *cell_key(struct arena *a, int64_t step, int32_t day)
{
	char d[11];
	date_format(day, d);
	return arena_printf(a, "h-%lld-%s", (long long)step, d);
}

static int parse_key(const char *key, int64_t *step, int32_t *day)
{
	if (strncmp(key, "h-", 2) != 0)
		return -1;
	const char *dash = strchr(key + 2, '-');
	if (!dash || dash - (key + 2) > 18)
		return -1;
	char id[20];
	memcpy(id, key + 2, (size_t)(dash - (key + 2)));
	id[dash - (key + 2)] = '\0';
	if (field_parse_int(id, step) || *step <= 0 || date_parse(dash + 1, day))
		return -1;
	return 0;
}

static void hours_value(struct buf *b, int64_t minutes)
{
	if (minutes)
		html_hours(b, minutes);
}

/* a row's activity class for the hours changed in it: the
 * step's own by default, or one of the ten, or none (the work itself). */
static void activity_select(struct req *r, struct buf *b, int64_t step, const struct form *sent)
{
	const char *key = arena_printf(r->a, "a-%lld", (long long)step);
	const char *chosen = sent ? form_get(sent, key) : NULL;
	html_printf(b, "<label class=\"sr-only\" for=\"f-%s\">Activity class</label>"
		       "<select class=\"ts-activity\" name=\"%s\" id=\"f-%s\"><option value=\"\">"
		       "the step's class</option>", key, key, key);
	for (size_t i = 0; step_activities[i]; i++)
		html_printf(b, "<option value=\"%s\"%s>%s</option>", step_activities[i],
			    chosen && strcmp(chosen, step_activities[i]) == 0 ? " selected" : "",
			    strcmp(step_activities[i], "none") == 0 ? "the work itself"
								     : step_activities[i]);
	html_raw(b, "</select>");
}

/* The sheet as a form; sent (a refused save) supplies the cells' text. */
static int sheet_render(struct req *r, struct sheet *s, const struct form *sent, int saved)
{
	int32_t mon = s->monday;
	char week[11], prev[11], next[11], this_week[11];
	date_format(mon, week);
	date_format(mon - 7, prev);
	date_format(mon + 7, next);
	int32_t today = date_today();
	date_format(today - (date_weekday(today) - 1), this_week);
	int self = s->person_id == r->who.person_id;
	const char *who_q = self ? "" : arena_printf(r->a, "&person=%lld", (long long)s->person_id);

	page_begin(r, self ? "Your timesheet" : arena_printf(r->a, "Timesheet of %s", s->person_name),
		   "time");
	struct buf *b = &r->page;
	if (self)
		html_printf(b, "<h1>Your week of %s</h1>\n", week);
	else
		html_printf(b, "<h1>Week of %s: <a href=\"/people/%lld\">%s</a></h1>\n", week,
			    (long long)s->person_id, s->person_name);
	html_printf(b, "<nav class=\"week-nav\" aria-label=\"Weeks\"><a rel=\"prev\" "
		       "href=\"/time?week=%s%s\">← Previous week</a> <a href=\"/time?week=%s%s\">"
		       "This week</a> <a rel=\"next\" href=\"/time?week=%s%s\">Next week →</a></nav>\n",
		    prev, who_q, this_week, who_q, next, who_q);
	if (saved && !r->e.status)
		html_raw(b, "<p class=\"notice\" role=\"status\">Saved.</p>\n");
	html_form_error(b, &r->e, 1);
	if (!s->n) {
		html_raw(b, "<p class=\"empty\">No open steps are assigned to you and no time was "
			    "logged this week. When a manager assigns you a step, it shows here "
			    "as a row to fill in.</p>\n");
		html_printf(b, "<p><a href=\"/time?format=csv&amp;week=%s%s\">Download CSV</a></p>\n",
			    week, who_q);
		page_end(r);
		return 0;
	}
	if (s->writable) {
		html_raw(b, "<form method=\"post\" action=\"/time\" class=\"timesheet-form\" "
			    "novalidate>\n");
		html_csrf(b, r);
		html_printf(b, "<input type=\"hidden\" name=\"week\" value=\"%s\">"
			       "<input type=\"hidden\" name=\"person_id\" value=\"%lld\">\n",
			    week, (long long)s->person_id);
		html_raw(b, "<p class=\"hint\" id=\"ts-hint\">Hours per day, as 1.5 or 1:30. Empty a "
			    "cell to remove its time. Only the cells you change are saved.</p>\n");
	} else {
		html_printf(b, "<p class=\"hint\">You may read this timesheet; a %s does not log "
			       "time for this person.</p>\n", role_name(r->who.role));
	}
	html_raw(b, "<div class=\"table-wrap\"><table class=\"timesheet\"><caption class=\"sr-only\">"
		    "Hours per step and day</caption><thead><tr><th scope=\"col\">Step</th>");
	for (int d = 0; d < 7; d++) {
		int y, m, dd;
		date_to_ymd(mon + d, &y, &m, &dd);
		html_printf(b, "<th scope=\"col\" id=\"day-%d\" class=\"num%s%s\">%s <span "
			       "class=\"date\">%02d-%02d</span></th>", d, d >= 5 ? " weekend" : "",
			    mon + d == today ? " today" : "", day_names[d], m, dd);
	}
	html_raw(b, "<th scope=\"col\" class=\"num\">Total</th></tr></thead><tbody>\n");
	int64_t day_total[7] = {0}, total = 0;
	for (size_t i = 0; i < s->n; i++) {
		const struct ts_row *row = &s->rows[i];
		html_printf(b, "<tr><th scope=\"row\" id=\"row-%lld\"><a href=\"/steps/%lld\">%s</a>"
			       "<span class=\"plan-name\">%s</span>", (long long)row->step_id,
			    (long long)row->step_id, row->name, row->plan_name);
		if (s->writable)
			activity_select(r, b, row->step_id, sent);
		html_raw(b, "</th>");
		int64_t row_total = 0;
		for (int d = 0; d < 7; d++) {
			const char *key = cell_key(r->a, row->step_id, mon + d);
			const char *text = sent ? form_get(sent, key) : NULL;
			int64_t m = row->minutes[d];
			if (text && parse_cell(text, &m))
				m = 0;
			row_total += m;
			day_total[d] += m;
			if (!s->writable) {
				html_printf(b, "<td class=\"num%s\">", d >= 5 ? " weekend" : "");
				hours_value(b, m);
				html_raw(b, "</td>");
				continue;
			}
			int invalid = r->e.status && strcmp(r->e.field, key) == 0;
			html_printf(b, "<td class=\"num%s\"><input class=\"hours\" type=\"text\" "
				       "inputmode=\"decimal\" size=\"4\" name=\"%s\" id=\"f-%s\" "
				       "aria-labelledby=\"row-%lld day-%d\" "
				       "aria-describedby=\"ts-hint%s\"",
				    d >= 5 ? " weekend" : "", key, key, (long long)row->step_id, d,
				    invalid ? " ts-err" : "");
			if (invalid)
				html_raw(b, " aria-invalid=\"true\"");
			html_raw(b, " value=\"");
			if (text)
				html_text(b, text);
			else
				hours_value(b, m);
			html_raw(b, "\"></td>");
		}
		html_raw(b, "<td class=\"num row-total\">");
		html_hours(b, row_total);
		html_raw(b, "</td></tr>\n");
		total += row_total;
	}
	html_raw(b, "</tbody><tfoot><tr><th scope=\"row\">Total</th>");
	for (int d = 0; d < 7; d++) {
		html_printf(b, "<td class=\"num day-total%s\">", d >= 5 ? " weekend" : "");
		html_hours(b, day_total[d]);
		html_raw(b, "</td>");
	}
	html_raw(b, "<td class=\"num week-total\">");
	html_hours(b, total);
	html_raw(b, "</td></tr></tfoot></table></div>\n");
	if (r->e.status && r->e.field[0])
		html_printf(b, "<p class=\"error\" id=\"ts-err\">%s</p>\n", r->e.msg);
	if (s->writable)
		html_raw(b, "<div class=\"actions\"><button type=\"submit\" class=\"primary\">Save "
			    "the week</button></div>\n</form>\n");
	html_printf(b, "<p class=\"download\"><a href=\"/time?format=csv&amp;week=%s%s\" download>"
		       "Download CSV</a></p>\n", week, who_q);
	page_end(r);
	return 0;
}

/* The person whose sheet it is: the actor's own unless asked (and
 * readable), and whether the actor may log their time. 0 and *person,
 * or -1. */
static int sheet_person(struct req *r, int64_t asked, int64_t *person, const char **name,
			int *writable)
{
	*writable = 0;
	*person = asked ? asked : r->who.person_id;
	if (!*person)
		return 0;
	if (*person != r->who.person_id &&
	    access_check(r->db, &r->who, K_PERSON, *person, A_READ, &r->e))
		return -1;
	struct person p;
	if (person_get(r->db, r->a, *person, &p, &r->e))
		return -1;
	*name = p.name;
	struct err e = {0};
	*writable = access_create(r->db, &r->who, K_TIME, p.unit_id, p.id, &e) == 0;
	return 0;
}

static int sheet_csv(struct req *r, struct sheet *s)
{
	char week[11];
	date_format(s->monday, week);
	struct csv c = page_csv(r, arena_printf(r->a, "time-%s.csv", week));
	static const char *const head[] = {"id", "day", "person_id", "person", "step_id", "step",
					   "plan_id", "hours", "note"};
	csv_header(&c, head, sizeof head / sizeof head[0]);
	for (size_t i = 0; i < s->nentries; i++) {
		const struct time_entry *t = &s->entries[i];
		csv_int(&c, t->id);
		csv_text(&c, t->day);
		csv_int(&c, t->person_id);
		csv_text(&c, t->person_name);
		csv_int(&c, t->step_id);
		csv_text(&c, t->step_name);
		csv_int(&c, t->plan_id);
		csv_hours(&c, t->minutes);
		csv_text(&c, t->note);
		csv_end(&c);
	}
	return 0;
}

int time_page(struct req *r)
{
	struct time_q q = {0};
	unsigned set = 0;
	if (page_query(r, time_q_fields, &q, &set))
		return -1;
	int32_t day = date_today();
	if (q.week)
		date_parse(q.week, &day);
	int32_t monday = day - (date_weekday(day) - 1);
	int64_t person;
	const char *name = NULL;
	int writable;
	if (sheet_person(r, q.person, &person, &name, &writable))
		return -1;
	if (!person) {
		page_begin(r, "Timesheet", "time");
		html_raw(&r->page, "<h1>Timesheet</h1>\n<p class=\"empty\">Your account is not linked "
				   "to a person, so it has no timesheet. Open a person's page to see "
				   "theirs.</p>\n");
		page_end(r);
		return 0;
	}
	struct sheet s;
	if (sheet_load(r, person, monday, &s))
		return -1;
	s.person_name = name;
	s.writable = writable;
	if (q.format && strcmp(q.format, "csv") == 0)
		return sheet_csv(r, &s);
	return sheet_render(r, &s, NULL, q.saved == 1);
}

/* A changed cell of a save. */
struct change {
	const char *key;
	int64_t step;
	int32_t day;
	int64_t minutes;
};

int time_save_page(struct req *r)
{
	const char *week = form_get(&r->form, "week");
	const char *person_s = form_get(&r->form, "person_id");
	int32_t monday;
	int64_t person;
	if (!week || date_parse(week, &monday) || date_weekday(monday) != 1)
		return err_set(&r->e, ERR_BAD_INPUT, "week", "week: must be the Monday of a week, "
			       "as YYYY-MM-DD");
	if (!person_s || field_parse_int(person_s, &person) || person <= 0)
		return err_set(&r->e, ERR_BAD_INPUT, "person_id", "person_id: must be a person id");
	const char *name = NULL;
	int writable;
	if (sheet_person(r, person, &person, &name, &writable))
		return -1;
	struct sheet s;
	if (sheet_load(r, person, monday, &s))
		return -1;
	s.person_name = name;
	s.writable = writable;
	struct change *ch = arena_alloc(r->a, (r->form.n ? r->form.n : 1) * sizeof *ch);
	size_t nch = 0;
	if (!ch)
		return err_set(&r->e, ERR_INTERNAL, "", "out of memory");
	int rc = 0;
	/* first every cell is read and checked; nothing is written yet */
	for (size_t i = 0; i < r->form.n && rc == 0; i++) {
		const char *key = r->form.v[i].key;
		struct change c = {.key = key};
		if (strncmp(key, "h-", 2) != 0)
			continue;	/* csrf, week, person_id */
		if (parse_key(key, &c.step, &c.day) || c.day < monday || c.day >= monday + 7) {
			rc = err_set(&r->e, ERR_BAD_INPUT, "", "the form names a cell outside this "
				     "week (%.60s): reload the page", key);
			break;
		}
		if (parse_cell(r->form.v[i].value, &c.minutes)) {
			char d[11];
			date_format(c.day, d);
			rc = err_set(&r->e, ERR_BAD_INPUT, key, "%s, %s: \"%.20s\" is not a number of "
				     "hours (write 1.5 or 1:30)", day_names[c.day - monday], d,
				     r->form.v[i].value);
			break;
		}
		if (c.minutes > 1440) {
			rc = err_set(&r->e, ERR_BAD_INPUT, key, "%s: a day has at most 24 hours",
				     day_names[c.day - monday]);
			break;
		}
		const struct ts_row *row = row_of(&s, c.step);
		int64_t before = row ? row->minutes[c.day - monday] : 0;
		if (c.minutes == before)
			continue;
		/* a step the actor may not see is not there */
		struct err e2 = {0};
		if (!row && access_check(r->db, &r->who, K_STEP, c.step, A_READ, &e2)) {
			rc = err_set(&r->e, e2.status == ERR_NOT_FOUND ? ERR_BAD_INPUT : e2.status, key,
				     "no step with id %lld", (long long)c.step);
			break;
		}
		ch[nch++] = c;
	}
	/* then: every changed cell's entries go, then the new ones come */
	for (size_t i = 0; i < s.nentries && rc == 0; i++) {
		const struct time_entry *t = &s.entries[i];
		int32_t day;
		if (date_parse(t->day, &day))
			continue;
		for (size_t k = 0; k < nch; k++)
			if (ch[k].step == t->step_id && ch[k].day == day) {
				rc = time_rm(r->db, t->id, &r->e);
				break;
			}
	}
	for (size_t k = 0; k < nch && rc == 0; k++) {
		if (!ch[k].minutes)
			continue;
		char d[11];
		date_format(ch[k].day, d);
		struct time_input in = {.person_id = person, .step_id = ch[k].step,
					.day = d, .minutes = ch[k].minutes};
		unsigned tset = TIME_PERSON | TIME_STEP | TIME_DAY | TIME_MINUTES;
		/* the row's activity class, checked as the field's */
		const char *act = form_get(&r->form, arena_printf(r->a, "a-%lld",
								  (long long)ch[k].step));
		if (act && *act)
			rc = field_from_text(field_find(time_fields, "activity"), &in, &tset, act,
					     &r->e);
		int64_t id;
		if (rc == 0)
			rc = time_log(r->db, &in, tset, &id, &r->e);
		if (rc && r->e.status < 500) {
			/* name the cell, in the sheet's words */
			snprintf(r->e.field, sizeof r->e.field, "%s", ch[k].key);
			char msg[sizeof r->e.msg];
			snprintf(msg, sizeof msg, "%s %s: %.480s", day_names[ch[k].day - monday], d,
				 r->e.msg);
			snprintf(r->e.msg, sizeof r->e.msg, "%s", msg);
		}
	}
	if (rc) {
		if (form_failed(r))
			return -1;
		struct err e = r->e;
		int status = r->status;
		if (sheet_render(r, &s, &r->form, 0))
			return -1;
		r->e = e;
		r->status = status;
		return 0;
	}
	char mon[11];
	date_format(monday, mon);
	if (person == r->who.person_id)
		return page_redirect(r, "/time?week=%s&saved=1", mon);
	return page_redirect(r, "/time?week=%s&person=%lld&saved=1", mon, (long long)person);
}
