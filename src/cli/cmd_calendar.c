/* cmd_calendar: tandem calendar show|add|rm|set: the organization's
 * working week and holidays. */
#include "cli/cli.h"

#include <string.h>

#include "base/date.h"
#include "manage/calendar.h"

/* 'calendar add DAY --name TEXT' and 'calendar rm DAY' take the day as
 * their argument (.arg). */
const struct field calendar_add_fields[] = {
    {.name = "day",
     .arg = 1,
     .type = FT_TEXT,
     .offset = offsetof(struct holiday_input, day),
     .bit = HOL_DAY,
     .max = 40,
     .help = "the day, YYYY-MM-DD"},
    {.name = "name",
     .type = FT_TEXT,
     .offset = offsetof(struct holiday_input, name),
     .bit = HOL_NAME,
     .max = 200,
     .required = 1,
     .help = "what the holiday is"},
    {0},
};
const struct field calendar_rm_fields[] = {
    {.name = "day",
     .arg = 1,
     .type = FT_TEXT,
     .offset = offsetof(struct holiday_input, day),
     .bit = HOL_DAY,
     .max = 40,
     .help = "the day, YYYY-MM-DD"},
    {0},
};

static const char *const weekday_names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

int calendar_show_cmd(struct cli *c)
{
	struct calendar cal;
	struct holiday *h;
	size_t n;
	if (calendar_load(c->db, &c->a, &cal, &c->e) ||
	    holiday_list(c->db, &c->a, c->obj, c->set, &h, &n, &c->e))
		return -1;
	if (c->json) {
		cli_print_json(c, calendar_json(&cal, h, n));
		return 0;
	}
	fputs("working week:", c->out);
	for (int d = 0; d < 7; d++)
		if (cal.workdays & (1u << d))
			fprintf(c->out, " %s", weekday_names[d]);
	fputc('\n', c->out);
	if (!n) {
		fputs("no holidays\n", c->out);
		return 0;
	}
	static const char *const hd[] = {"DAY", "WEEKDAY", "NAME", NULL};
	struct table *t = table_new(&c->a, hd, "lll");
	for (size_t i = 0; i < n; i++) {
		int32_t d = 0;
		date_parse(h[i].day, &d);
		table_row(t, h[i].day, weekday_names[date_weekday(d) - 1], h[i].name);
	}
	table_print(t, c->out);
	return 0;
}

int calendar_add_cmd(struct cli *c)
{
	struct holiday_input *in = c->obj;
	if (holiday_add(c->db, in, c->set, &c->e))
		return -1;
	fprintf(c->out, "holiday %s added: %s\n", in->day, in->name);
	return 0;
}

int calendar_rm_cmd(struct cli *c)
{
	struct holiday_input *in = c->obj;
	if (holiday_rm(c->db, in->day, &c->e))
		return -1;
	fprintf(c->out, "holiday %s removed\n", in->day);
	return 0;
}

int calendar_set_cmd(struct cli *c)
{
	if (calendar_set_week(c->db, c->obj, c->set, &c->e))
		return -1;
	struct calendar cal;
	if (calendar_load(c->db, &c->a, &cal, &c->e))
		return -1;
	if (c->json) {
		cli_print_json(c, calendar_json(&cal, NULL, 0));
		return 0;
	}
	fputs("working week:", c->out);
	for (int d = 0; d < 7; d++)
		if (cal.workdays & (1u << d))
			fprintf(c->out, " %s", weekday_names[d]);
	fputc('\n', c->out);
	return 0;
}
