/* cmd_comm: tandem stakeholder add|list|show|set|rm, comm add|list|show|
 * audience|send|rm|ack|coverage|unreached|promise|sender, commitment set. */
#include "cli/cli.h"

#include <errno.h>
#include <string.h>

#include "base/date.h"
#include "lead/comm.h"
#include "lead/stakeholder.h"
#include "org/person.h"
#include "org/unit.h"

/* --- stakeholders ------------------------------------------------------ */

static int stakeholder_show(struct cli *c, int64_t id, int verbose)
{
	struct stakeholder s;
	if (stakeholder_get(c->db, &c->a, id, &s, &c->e))
		return -1;
	if (c->json)
		cli_print_json(c, stakeholder_json(&s));
	else if (verbose)
		fprintf(c->out, "stakeholder %lld\nname      %s\nkind      %s\nowner     %s\n"
				"note      %s\n", (long long)s.id, s.name, s.kind,
			s.owner ? arena_printf(&c->a, "%lld %s", (long long)s.owner_id, s.owner)
				: "-", fmt_str(s.note));
	return 0;
}

int stakeholder_add_cmd(struct cli *c)
{
	int64_t id;
	if (stakeholder_add(c->db, c->obj, c->set, &id, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "stakeholder %lld added\n", (long long)id);
	return stakeholder_show(c, id, 0);
}

int stakeholder_list_cmd(struct cli *c)
{
	struct stakeholder *v;
	size_t n;
	if (stakeholder_list(c->db, &c->a, c->obj, c->set, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, stakeholder_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID", "KIND", "OWNER", "NAME", NULL};
	struct table *t = table_new(&c->a, h, "rlll");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, v[i].id), v[i].kind, fmt_str(v[i].owner), v[i].name);
	table_print(t, c->out);
	return 0;
}

int stakeholder_show_cmd(struct cli *c)
{
	return stakeholder_show(c, c->id, 1);
}

int stakeholder_set_cmd(struct cli *c)
{
	if (stakeholder_set(c->db, c->id, c->obj, c->set, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "stakeholder %lld changed\n", (long long)c->id);
	return stakeholder_show(c, c->id, 0);
}

int stakeholder_rm_cmd(struct cli *c)
{
	if (stakeholder_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "stakeholder %lld removed\n", (long long)c->id);
	return 0;
}

/* --- communications ---------------------------------------------------- */

/* comm add's flags: the communication's fields, and --body-file. */
const struct field comm_add_cli_fields[] = {
	{.name = "title", .type = FT_TEXT, .offset = offsetof(struct comm_add_opts, in.title),
	 .bit = COMM_TITLE, .max = 200, .required = 1, .arg = 1, .help = "the title"},
	{.name = "body", .type = FT_TEXT, .offset = offsetof(struct comm_add_opts, in.body),
	 .bit = COMM_BODY, .max = 100000, .help = "the message (Markdown)"},
	{.name = "body_file", .type = FT_TEXT, .offset = offsetof(struct comm_add_opts, body_file),
	 .bit = COMM_BODY_FILE, .max = 4096, .help = "read the message from this file"},
	{.name = "channel", .type = FT_ENUM, .offset = offsetof(struct comm_add_opts, in.channel),
	 .bit = COMM_CHANNEL, .choices = comm_channels, .required = 1,
	 .help = "meeting, email, town-hall, one-to-one or document"},
	{.name = "day", .type = FT_DATE, .offset = offsetof(struct comm_add_opts, in.day),
	 .bit = COMM_DAY, .required = 1, .help = "the day it is given"},
	{.name = "vision_id", .type = FT_ID, .offset = offsetof(struct comm_add_opts, in.vision_id),
	 .bit = COMM_VISION, .help = "the vision it communicates"},
	{.name = "strategy_id", .type = FT_ID,
	 .offset = offsetof(struct comm_add_opts, in.strategy_id), .bit = COMM_STRATEGY,
	 .help = "the strategy it communicates"},
	{.name = "sender_id", .type = FT_ID, .offset = offsetof(struct comm_add_opts, in.sender_id),
	 .bit = COMM_SENDER, .help = "the person who sends it"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct comm_add_opts, in.unit_id),
	 .bit = COMM_UNIT, .help = "its unit (default: the sender's)"},
	{0},
};

const struct field comm_unit_fields[] = {
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct comm_unit_opts, unit_id),
	 .bit = 1, .help = "only this unit and the units under it"},
	{0},
};

/* Reads a whole file into the arena; NULL with c->e set on failure. */
static const char *read_body(struct cli *c, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		err_set(&c->e, ERR_BAD_INPUT, "body_file", "body_file: cannot read %s: %s", path,
			strerror(errno));
		return NULL;
	}
	size_t cap = 100001;
	char *s = arena_alloc(&c->a, cap);
	size_t n = s ? fread(s, 1, cap - 1, f) : 0;
	int more = s && n == cap - 1 && fgetc(f) != EOF;
	fclose(f);
	if (!s || more) {
		err_set(&c->e, ERR_BAD_INPUT, "body_file",
			"body_file: at most 100000 bytes");
		return NULL;
	}
	s[n] = '\0';
	if (utf8_valid_prefix(s, n) != n || strlen(s) != n) {
		err_set(&c->e, ERR_BAD_INPUT, "body_file", "body_file: must be UTF-8 text");
		return NULL;
	}
	return s;
}

static const char *coverage_text(struct arena *a, const struct coverage *v)
{
	return arena_printf(a, "%lld: %lld not reached, %lld reached, %lld understood, "
			       "%lld committed, %lld disagree",
			    (long long)v->total, (long long)v->sent, (long long)v->reached,
			    (long long)v->understood, (long long)v->committed,
			    (long long)v->disagrees);
}

static const char *sayd_text(struct arena *a, const struct sayd *s)
{
	int p = sayd_percent(s);
	return arena_printf(a, "%s (%lld kept, %lld broken, %lld open, %lld overdue)",
			    p < 0 ? "-" : arena_printf(a, "%d%%", p), (long long)s->kept,
			    (long long)s->broken, (long long)s->open, (long long)s->overdue);
}

static int comm_show(struct cli *c, int64_t id, int verbose)
{
	struct comm m;
	if (comm_get(c->db, &c->a, id, &m, &c->e))
		return -1;
	if (!verbose && !c->json)
		return 0;
	struct comm_audience *au = NULL;
	struct commitment *k = NULL;
	size_t nau = 0, nk = 0;
	struct coverage cov;
	char today[11];
	date_format(date_today(), today);
	struct sayd sd = {0};
	if (verbose && (comm_audience_list(c->db, &c->a, id, &au, &nau, &c->e) ||
			commitment_list(c->db, &c->a, id, &k, &nk, &c->e) ||
			comm_coverage(c->db, id, 0, &cov, &c->e) ||
			(m.sender_id && comm_sayd(c->db, m.sender_id, today, &sd, &c->e))))
		return -1;
	if (c->json) {
		json_t *o = comm_json(&m);
		if (verbose) {
			json_t *aj = json_array(), *kj = json_array();
			for (size_t i = 0; i < nau; i++) {
				json_t *j = json_object();
				json_object_set_new(j, "kind", json_string(au[i].kind));
				json_object_set_new(j, "id", json_integer(au[i].ref_id));
				json_object_set_new(j, "name", au[i].name ? json_string(au[i].name)
									  : json_null());
				json_array_append_new(aj, j);
			}
			for (size_t i = 0; i < nk; i++)
				json_array_append_new(kj, commitment_json(&k[i]));
			json_object_set_new(o, "audience", aj);
			json_object_set_new(o, "coverage", coverage_json(&cov));
			json_object_set_new(o, "commitments", kj);
			if (m.sender_id)
				json_object_set_new(o, "sender_say_do", sayd_json(&sd));
		}
		cli_print_json(c, o);
		return 0;
	}
	fprintf(c->out, "comm      %lld\ntitle     %s\nchannel   %s\nday       %s\n"
			"sender    %s\nunit      %lld %s\nof        %s\nsent      %s\n",
		(long long)m.id, m.title, m.channel, m.day,
		m.sender ? arena_printf(&c->a, "%lld %s, say-do %s", (long long)m.sender_id,
					m.sender, sayd_text(&c->a, &sd))
			 : "-",
		(long long)m.unit_id, m.unit,
		m.vision_id ? arena_printf(&c->a, "vision %lld", (long long)m.vision_id)
		: m.strategy_id ? arena_printf(&c->a, "strategy %lld", (long long)m.strategy_id)
				: "-",
		m.sent ? "yes" : "no");
	for (size_t i = 0; i < nau; i++)
		fprintf(c->out, "audience  %s %lld %s\n", au[i].kind, (long long)au[i].ref_id,
			fmt_str(au[i].name));
	if (m.sent)
		fprintf(c->out, "coverage  %s\n", coverage_text(&c->a, &cov));
	for (size_t i = 0; i < nk; i++)
		fprintf(c->out, "promise   %lld %s, due %s: %s\n", (long long)k[i].id, k[i].status,
			fmt_str(k[i].due), k[i].text);
	if (m.body[0])
		fprintf(c->out, "\n%s\n", m.body);
	return 0;
}

int comm_add_cmd(struct cli *c)
{
	struct comm_add_opts *o = c->obj;
	unsigned set = c->set;
	if ((set & COMM_BODY) && (set & COMM_BODY_FILE)) {
		err_set(&c->e, ERR_BAD_INPUT, "body_file", "body_file: give --body or --body-file");
		return -1;
	}
	if (set & COMM_BODY_FILE) {
		if (!(o->in.body = read_body(c, o->body_file)))
			return -1;
		set |= COMM_BODY;
	}
	int64_t id;
	if (comm_add(c->db, &o->in, set & ~COMM_BODY_FILE, &id, &c->e))
		return -1;
	if (!c->json)
		fprintf(c->out, "comm %lld added\n", (long long)id);
	return comm_show(c, id, 0);
}

int comm_list_cmd(struct cli *c)
{
	struct comm *v;
	size_t n;
	if (comm_list(c->db, &c->a, c->obj, c->set, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, comm_json(&v[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"ID", "DAY", "CHANNEL", "SENT", "SENDER", "TITLE", NULL};
	struct table *t = table_new(&c->a, h, "rlllll");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_int(&c->a, v[i].id), v[i].day, v[i].channel,
			  v[i].sent ? "yes" : "no", fmt_str(v[i].sender), v[i].title);
	table_print(t, c->out);
	return 0;
}

int comm_show_cmd(struct cli *c)
{
	return comm_show(c, c->id, 1);
}

int comm_audience_cmd(struct cli *c)
{
	if (comm_audience_add(c->db, c->id, c->obj, c->set, &c->e))
		return -1;
	fprintf(c->out, "comm %lld audience added\n", (long long)c->id);
	return 0;
}

int comm_send_cmd(struct cli *c)
{
	int64_t n;
	if (comm_send(c->db, c->id, &n, &c->e))
		return -1;
	fprintf(c->out, "comm %lld sent to %lld recipients\n", (long long)c->id, (long long)n);
	return 0;
}

int comm_rm_cmd(struct cli *c)
{
	if (comm_rm(c->db, c->id, &c->e))
		return -1;
	fprintf(c->out, "comm %lld removed\n", (long long)c->id);
	return 0;
}

int comm_ack_cmd(struct cli *c)
{
	struct comm_ack_input *in = c->obj;
	if (comm_ack(c->db, c->id, in, c->set, &c->e))
		return -1;
	fprintf(c->out, "comm %lld: %s %lld %s\n", (long long)c->id,
		(c->set & ACK_PERSON) ? "person" : "stakeholder",
		(long long)((c->set & ACK_PERSON) ? in->person_id : in->stakeholder_id), in->state);
	return 0;
}

/* Prints coverage in all, then per unit (rolled up over its subtree). */
static int print_coverage(struct cli *c, const char *heading, int64_t comm_id,
			  int64_t vision_id, int64_t strategy_id, int64_t top)
{
	struct coverage all;
	struct unit_coverage *u;
	size_t nu;
	if (comm_coverage_units(c->db, &c->a, comm_id, vision_id, strategy_id, top, &u, &nu,
				&c->e) ||
	    comm_coverage_of(c->db, comm_id, vision_id, strategy_id, top, &all, &c->e))
		return -1;
	if (c->json) {
		json_t *o = coverage_json(&all), *units = json_array();
		for (size_t i = 0; i < nu; i++) {
			json_t *j = coverage_json(&u[i].c);
			json_object_set_new(j, "unit_id", json_integer(u[i].unit_id));
			json_object_set_new(j, "unit", json_string(u[i].unit));
			json_array_append_new(units, j);
		}
		if (comm_id)
			json_object_set_new(o, "comm_id", json_integer(comm_id));
		json_object_set_new(o, "units", units);
		cli_print_json(c, o);
		return 0;
	}
	static const char *const h[] = {"UNIT", "TOTAL", "SENT", "REACHED", "UNDERSTOOD",
					"COMMITTED", "DISAGREES", "NAME", NULL};
	struct table *t = table_new(&c->a, h, "rrrrrrrl");
	for (size_t i = 0; i < nu; i++)
		table_row(t, fmt_int(&c->a, u[i].unit_id), fmt_int(&c->a, u[i].c.total),
			  fmt_int(&c->a, u[i].c.sent), fmt_int(&c->a, u[i].c.reached),
			  fmt_int(&c->a, u[i].c.understood), fmt_int(&c->a, u[i].c.committed),
			  fmt_int(&c->a, u[i].c.disagrees),
			  arena_printf(&c->a, "%*s%s", 2 * u[i].depth, "", u[i].unit));
	fprintf(c->out, "%s\nall %s\n", heading, coverage_text(&c->a, &all));
	table_print(t, c->out);
	return 0;
}

int comm_coverage_cmd(struct cli *c)
{
	const struct comm_unit_opts *o = c->obj;
	struct comm m;
	if (comm_get(c->db, &c->a, c->id, &m, &c->e))
		return -1;
	return print_coverage(c, arena_printf(&c->a, "comm %lld %s", (long long)m.id, m.title),
			      c->id, 0, 0, (c->set & 1) ? o->unit_id : 0);
}

const struct field comm_reach_fields[] = {
	{.name = "vision_id", .type = FT_ID, .offset = offsetof(struct comm_reach_opts, vision_id),
	 .bit = 1u << 0, .help = "the communications of this vision"},
	{.name = "strategy_id", .type = FT_ID,
	 .offset = offsetof(struct comm_reach_opts, strategy_id), .bit = 1u << 1,
	 .help = "the communications of this strategy"},
	{.name = "unit_id", .type = FT_ID, .offset = offsetof(struct comm_reach_opts, unit_id),
	 .bit = 1u << 2, .help = "only this unit and the units under it"},
	{0},
};

/* Coverage over every sent communication, or those of a vision or a
 * strategy: a person who heard it twice counts twice. */
int comm_reach_cmd(struct cli *c)
{
	const struct comm_reach_opts *o = c->obj;
	if ((c->set & 3) == 3) {
		err_set(&c->e, ERR_BAD_INPUT, "strategy_id",
			"strategy_id: give --vision or --strategy, not both");
		return -1;
	}
	const char *what = (c->set & 1) ? arena_printf(&c->a, "vision %lld", (long long)o->vision_id)
			   : (c->set & 2) ? arena_printf(&c->a, "strategy %lld",
							 (long long)o->strategy_id)
					  : "every sent communication";
	return print_coverage(c, what, 0, (c->set & 1) ? o->vision_id : 0,
			      (c->set & 2) ? o->strategy_id : 0, (c->set & 4) ? o->unit_id : 0);
}

int comm_unreached_cmd(struct cli *c)
{
	const struct comm_unit_opts *o = c->obj;
	int64_t top = (c->set & 1) ? o->unit_id : 0;
	struct comm m;
	struct comm_recipient *r;
	size_t n;
	if (comm_get(c->db, &c->a, c->id, &m, &c->e) ||
	    (top && unit_must_exist(c->db, top, "unit_id", &c->e)) ||
	    comm_recipients(c->db, &c->a, c->id, top, "sent", &r, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *items = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(items, comm_recipient_json(&r[i]));
		cli_print_list(c, items);
		return 0;
	}
	static const char *const h[] = {"PERSON", "STAKEHOLDER", "UNIT", "NAME", NULL};
	struct table *t = table_new(&c->a, h, "rrll");
	for (size_t i = 0; i < n; i++)
		table_row(t, fmt_id(&c->a, r[i].person_id), fmt_id(&c->a, r[i].stakeholder_id),
			  fmt_str(r[i].unit), r[i].name);
	table_print(t, c->out);
	return 0;
}

int comm_promise_cmd(struct cli *c)
{
	int64_t id;
	if (commitment_add(c->db, c->id, c->obj, c->set, &id, &c->e))
		return -1;
	struct commitment k;
	if (commitment_get(c->db, &c->a, id, &k, &c->e))
		return -1;
	if (c->json)
		cli_print_json(c, commitment_json(&k));
	else
		fprintf(c->out, "commitment %lld added\n", (long long)id);
	return 0;
}

int commitment_set_cmd(struct cli *c)
{
	char today[11];
	date_format(date_today(), today);
	if (commitment_set(c->db, c->id, c->obj, c->set, today, &c->e))
		return -1;
	struct commitment k;
	if (commitment_get(c->db, &c->a, c->id, &k, &c->e))
		return -1;
	if (c->json)
		cli_print_json(c, commitment_json(&k));
	else
		fprintf(c->out, "commitment %lld %s\n", (long long)k.id, k.status);
	return 0;
}

/* A sender's say-do record and the commitments behind it. */
int comm_sender_cmd(struct cli *c)
{
	char today[11];
	date_format(date_today(), today);
	struct sayd sd;
	struct comm *v;
	size_t n;
	struct comm_filter f = {.sender_id = c->id};
	if (person_must_exist(c->db, c->id, "id", &c->e) ||
	    comm_sayd(c->db, c->id, today, &sd, &c->e) ||
	    comm_list(c->db, &c->a, &f, CF_SENDER, &v, &n, &c->e))
		return -1;
	if (c->json) {
		json_t *o = sayd_json(&sd);
		json_object_set_new(o, "person_id", json_integer(c->id));
		json_object_set_new(o, "comms", json_integer((json_int_t)n));
		cli_print_json(c, o);
		return 0;
	}
	fprintf(c->out, "person %lld: %zu communications, say-do %s\n", (long long)c->id, n,
		sayd_text(&c->a, &sd));
	for (size_t i = 0; i < n; i++) {
		struct commitment *k;
		size_t nk;
		if (commitment_list(c->db, &c->a, v[i].id, &k, &nk, &c->e))
			return -1;
		for (size_t j = 0; j < nk; j++)
			fprintf(c->out, "  comm %lld commitment %lld %s, due %s: %s\n",
				(long long)v[i].id, (long long)k[j].id, k[j].status,
				fmt_str(k[j].due), k[j].text);
	}
	return 0;
}
