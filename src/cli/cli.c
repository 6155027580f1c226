/* cli: argument parsing, dispatch, help and output helpers; see cli.h. */
#include "cli/cli.h"
#include "org/audit.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/json.h"

#define DEFAULT_DB "sqlite:./tandem.db"

/* --- names --------------------------------------------------------- */

/* The flag for a field: "plan_id" -> "plan", "due_before" -> "due-before". */
static void flag_name(const char *field, char *out, size_t size)
{
	size_t n = strlen(field);
	if (n > 3 && strcmp(field + n - 3, "_id") == 0)
		n -= 3;
	if (n >= size)
		n = size - 1;
	for (size_t i = 0; i < n; i++)
		out[i] = field[i] == '_' ? '-' : field[i];
	out[n] = '\0';
}

/* The field a CMD_NAME command's argument fills: the one its table
 * marks .arg, else "name". */
static const char *arg_field(const struct cli_cmd *cmd)
{
	for (const struct field *f = cmd->fields; f && f->name; f++)
		if (f->arg)
			return f->name;
	return "name";
}

/* 1 if f is that field: it has no flag of its own. */
static int is_arg(const struct cli_cmd *cmd, const struct field *f)
{
	return (cmd->flags & CMD_NAME) && strcmp(f->name, arg_field(cmd)) == 0;
}

/* An optional argument given as itself and as its flag. */
static int both_error(const struct cli_cmd *cmd, const struct field *f);

static const struct field *field_by_flag(const struct field *fields, const char *flag)
{
	char name[64];
	for (const struct field *f = fields; f && f->name; f++) {
		flag_name(f->name, name, sizeof name);
		if (strcmp(name, flag) == 0)
			return f;
	}
	return NULL;
}

static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 63 || lb > 63)
		return 99;
	size_t row[64];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t prev = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t cur = row[j];
			size_t best = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = cur;
		}
	}
	return row[lb];
}

/* Keeps the closest candidate within a distance of about a third. */
struct nearest {
	const char *best;
	size_t dist;
};

static void consider(struct nearest *n, const char *want, const char *cand)
{
	size_t d = edit_distance(want, cand);
	size_t limit = strlen(want) / 3 + 1;
	if (d <= limit && (!n->best || d < n->dist)) {
		n->best = cand;
		n->dist = d;
	}
}

/* --- errors -------------------------------------------------------- */

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("tandem: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	return EXIT_USAGE;
}

/* Prints e, naming the command's flag where the domain named a field. */
static int report(const struct cli *c, const struct err *e)
{
	const char *msg = e->msg[0] ? e->msg : "internal error";
	const struct field *f = NULL;
	if (c->cmd && c->cmd->fields && e->field[0])
		f = field_find(c->cmd->fields, e->field);
	/* a NAME given as the positional argument has no --name flag to name */
	if (f && is_arg(c->cmd, f))
		f = NULL;
	size_t n = strlen(e->field);
	if (f && strncmp(msg, e->field, n) == 0 && msg[n] == ':') {
		char flag[64];
		flag_name(f->name, flag, sizeof flag);
		fprintf(stderr, "tandem: --%s%s\n", flag, msg + n);
	} else {
		fprintf(stderr, "tandem: %s\n", msg);
	}
	/* a handler that failed without saying why is a bug, not success */
	return e->status ? err_exit_code(e) : EXIT_INTERNAL;
}

/* --- help ---------------------------------------------------------- */

static const char *type_hint(const struct field *f)
{
	switch (f->type) {
	case FT_TEXT: return "TEXT";
	case FT_INT: return "N";
	case FT_ID: return "ID";
	case FT_HOURS: return "HOURS";
	case FT_MONEY: return "AMOUNT";
	case FT_DECIMAL: return "NUMBER";
	case FT_DATE: return "YYYY-MM-DD";
	case FT_ENUM: return "WORD";
	case FT_BOOL: return "[true|false]";
	}
	return "VALUE";
}

static void command_usage(const struct cli_cmd *cmd, FILE *out)
{
	fprintf(out, "usage: tandem %s%s%s", cmd->noun, cmd->verb[0] ? " " : "", cmd->verb);
	if (cmd->flags & CMD_ID)
		fputs(" ID", out);
	if (cmd->flags & (CMD_NAME | CMD_OPTARG)) {
		/* the field in capitals, without its "_id": NAME, DAY, [UNIT] */
		const char *name = arg_field(cmd);
		size_t n = strlen(name);
		if (n > 3 && strcmp(name + n - 3, "_id") == 0)
			n -= 3;
		fputs(cmd->flags & CMD_OPTARG ? " [" : " ", out);
		for (size_t i = 0; i < n; i++)
			fputc(name[i] >= 'a' && name[i] <= 'z' ? name[i] - 'a' + 'A' : name[i], out);
		if (cmd->flags & CMD_OPTARG)
			fputc(']', out);
	}
	if (cmd->fields && cmd->fields->name)
		fputs(" [flags]", out);
	fputc('\n', out);
}

static void command_help(const struct cli_cmd *cmd, FILE *out)
{
	command_usage(cmd, out);
	fprintf(out, "\n%s\n", cmd->summary);
	if (cmd->more)
		fprintf(out, "\n%s\n", cmd->more);
	int any = 0;
	for (const struct field *f = cmd->fields; f && f->name; f++) {
		if (is_arg(cmd, f))
			continue;
		if (!any++)
			fputs("\nflags:\n", out);
		char flag[64], left[96];
		flag_name(f->name, flag, sizeof flag);
		snprintf(left, sizeof left, "--%s %s", flag, type_hint(f));
		fprintf(out, "  %-28s %s%s\n", left, f->help ? f->help : "",
			f->required && !(cmd->flags & CMD_PATCH) ? " (required)" : "");
	}
	fputs("\nglobal flags:\n  --db URL                     database (default " DEFAULT_DB
	      ", env TANDEM_DB)\n", out);
	if (cmd->flags & CMD_JSON)
		fputs("  --json                       print JSON instead of a table\n", out);
}

static void general_help(FILE *out, const char *noun)
{
	fputs("usage: tandem [--db URL] NOUN VERB [ARGS] [--json]\n\n"
	      "tandem runs an organization's two systems of action: management (plans,\n"
	      "steps, time, tools) and leadership. Commands:\n\n", out);
	const char *last = "";
	for (const struct cli_cmd *cmd = cli_commands; cmd->noun; cmd++) {
		if (noun && strcmp(cmd->noun, noun) != 0)
			continue;
		if (strcmp(cmd->noun, last) != 0 && last[0])
			fputc('\n', out);
		last = cmd->noun;
		char left[64];
		snprintf(left, sizeof left, "%s %s", cmd->noun, cmd->verb);
		fprintf(out, "  %-18s %s\n", left, cmd->summary);
	}
	fputs("\n'tandem NOUN VERB --help' describes a command and its flags;\n"
	      "'man tandem' has the whole manual, exit codes included.\n", out);
}

/* --- dispatch ------------------------------------------------------ */

static int is_global(const char *arg)
{
	return strcmp(arg, "--json") == 0 || strcmp(arg, "--db") == 0 ||
	       strncmp(arg, "--db=", 5) == 0 || strcmp(arg, "--help") == 0 ||
	       strcmp(arg, "-h") == 0;
}

/* The words a yes/no flag takes (field.c's FT_BOOL). */
static int is_bool_word(const char *arg)
{
	static const char *const words[] = {"true", "false", "yes", "no", "1", "0"};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(arg, words[i]) == 0)
			return 1;
	return 0;
}

/* Finds the command for the words at argv[*i]; advances *i past them. */
static const struct cli_cmd *find_command(int argc, char **argv, int *i)
{
	const char *noun = argv[*i];
	const char *w1 = *i + 1 < argc ? argv[*i + 1] : NULL;
	const char *w2 = *i + 2 < argc ? argv[*i + 2] : NULL;
	const struct cli_cmd *one = NULL, *bare = NULL;
	for (const struct cli_cmd *cmd = cli_commands; cmd->noun; cmd++) {
		if (strcmp(cmd->noun, noun) != 0)
			continue;
		const char *sp = strchr(cmd->verb, ' ');
		if (sp && w1 && w2 && strncmp(cmd->verb, w1, (size_t)(sp - cmd->verb)) == 0 &&
		    strlen(w1) == (size_t)(sp - cmd->verb) && strcmp(sp + 1, w2) == 0) {
			*i += 3;
			return cmd;
		}
		if (!sp && w1 && strcmp(cmd->verb, w1) == 0)
			one = cmd;
		if (!cmd->verb[0])
			bare = cmd;
	}
	if (one) {
		*i += 2;
		return one;
	}
	if (bare) {
		*i += 1;
		return bare;
	}
	return NULL;
}

static int unknown_command(int argc, char **argv, int i)
{
	const char *noun = argv[i];
	const char *verb = i + 1 < argc ? argv[i + 1] : NULL;
	int noun_known = 0;
	struct nearest n = {0};
	for (const struct cli_cmd *cmd = cli_commands; cmd->noun; cmd++)
		if (strcmp(cmd->noun, noun) == 0)
			noun_known = 1;
	if (!noun_known) {
		for (const struct cli_cmd *cmd = cli_commands; cmd->noun; cmd++)
			consider(&n, noun, cmd->noun);
		if (n.best)
			return usage_error("unknown command '%s'; did you mean '%s'? "
					   "(see 'tandem help')", noun, n.best);
		return usage_error("unknown command '%s' (see 'tandem help')", noun);
	}
	if (!verb || verb[0] == '-') {
		general_help(stderr, noun);
		return usage_error("'%s' needs a verb", noun);
	}
	/* the first word of a two-word verb ("step dep ad"): suggest among
	 * those verbs by their second word, never a one-word verb near "dep" */
	const char *word2 = i + 2 < argc && argv[i + 2][0] != '-' ? argv[i + 2] : NULL;
	int two = 0;
	for (const struct cli_cmd *cmd = cli_commands; cmd->noun; cmd++) {
		const char *sp = strchr(cmd->verb, ' ');
		if (strcmp(cmd->noun, noun) != 0 || !sp ||
		    strlen(verb) != (size_t)(sp - cmd->verb) ||
		    strncmp(cmd->verb, verb, (size_t)(sp - cmd->verb)) != 0)
			continue;
		two = 1;
		if (word2)
			consider(&n, word2, sp + 1);
		else if (!n.best)
			n.best = sp + 1;
	}
	if (two) {
		const char *typed = word2 ? word2 : "";
		if (n.best)
			return usage_error("unknown command '%s %s%s%s'; did you mean '%s %s %s'? "
					   "(see 'tandem help %s')", noun, verb, word2 ? " " : "",
					   typed, noun, verb, n.best, noun);
		return usage_error("unknown command '%s %s %s' (see 'tandem help %s')", noun, verb,
				   typed, noun);
	}
	for (const struct cli_cmd *cmd = cli_commands; cmd->noun; cmd++) {
		if (strcmp(cmd->noun, noun) != 0)
			continue;
		if (!strchr(cmd->verb, ' '))
			consider(&n, verb, cmd->verb);
	}
	if (n.best)
		return usage_error("unknown command '%s %s'; did you mean '%s %s'? "
				   "(see 'tandem help %s')", noun, verb, noun, n.best, noun);
	return usage_error("unknown command '%s %s' (see 'tandem help %s')", noun, verb, noun);
}

static int both_error(const struct cli_cmd *cmd, const struct field *f)
{
	char flag[64];
	flag_name(f->name, flag, sizeof flag);
	return usage_error("'%s %s' takes the %s as its argument or as --%s, not both", cmd->noun,
			   cmd->verb, flag, flag);
}

static int set_flag(struct cli *c, const char *flag, const char *value)
{
	const struct field *f = field_by_flag(c->cmd->fields, flag);
	if (f && is_arg(c->cmd, f))
		return usage_error("'%s %s' takes the %s as its argument, not --%s "
				   "(see 'tandem %s %s --help')", c->cmd->noun, c->cmd->verb,
				   arg_field(c->cmd), flag, c->cmd->noun, c->cmd->verb);
	if (!f) {
		struct nearest n = {0};
		char names[32][64];
		int k = 0;
		for (const struct field *g = c->cmd->fields; g && g->name && k < 32; g++, k++) {
			flag_name(g->name, names[k], sizeof names[k]);
			/* a NAME is positional, so --name is no suggestion */
			if (!is_arg(c->cmd, g))
				consider(&n, flag, names[k]);
		}
		if (n.best)
			return usage_error("unknown flag --%s for '%s %s'; did you mean --%s?", flag,
					   c->cmd->noun, c->cmd->verb, n.best);
		return usage_error("unknown flag --%s for '%s %s' (see 'tandem %s %s --help')",
				   flag, c->cmd->noun, c->cmd->verb, c->cmd->noun, c->cmd->verb);
	}
	if (c->set & f->bit)
		return (c->cmd->flags & CMD_OPTARG) && strcmp(f->name, arg_field(c->cmd)) == 0
			? both_error(c->cmd, f) : usage_error("flag --%s is given twice", flag);
	if (!value)
		return usage_error("flag --%s needs a value", flag);
	if (field_from_text(f, c->obj, &c->set, value, &c->e))
		return report(c, &c->e);
	return 0;
}

static int parse_id(struct cli *c, const char *text)
{
	int64_t v;
	if (field_parse_int(text, &v) || v <= 0)
		return usage_error("'%s %s' takes an id (a whole number above 0), not \"%.40s\"",
				   c->cmd->noun, c->cmd->verb, text);
	c->id = v;
	return 0;
}

/* Runs the command; a write runs in one transaction with its audit
 * record: who ("cli:" and the system user), what (the command and its
 * arguments). */
static int run_command(struct cli *c, int argc, char **argv)
{
	if (!(c->cmd->flags & CMD_WRITES) || !c->db)
		return c->cmd->run(c);
	if (db_begin(c->db, &c->e))
		return -1;
	int rc = c->cmd->run(c);
	if (rc == 0) {
		struct actor who;
		actor_operator(&who);
		const char *user = getenv("USER");
		snprintf(who.login, sizeof who.login, "cli:%.100s", user && *user ? user : "?");
		struct buf detail = BUF_INIT;
		for (int i = 1; i < argc && !(c->cmd->flags & CMD_PRIVATE); i++)
			buf_printf(&detail, "%s%s", detail.len ? " " : "", argv[i]);
		if (c->cmd->flags & CMD_PRIVATE)
			buf_puts(&detail, "(the arguments are not kept)");
		char action[80];
		snprintf(action, sizeof action, "%s%s%s", c->cmd->noun, c->cmd->verb[0] ? " " : "",
			 c->cmd->verb);
		rc = audit_write(c->db, &who, action, c->id, detail.failed ? "" : buf_str(&detail),
				 &c->e);
		buf_free(&detail);
	}
	return db_end(c->db, rc, &c->e);
}

int cli_main(int argc, char **argv)
{
	struct cli c = {.out = stdout};
	int rc = EXIT_OK, help = 0, i = 1;
	const char *env = getenv("TANDEM_DB");
	c.db_url = env && *env ? env : DEFAULT_DB;

	/* global options before the command */
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--json") == 0) {
			c.json = 1;
		} else if (strcmp(argv[i], "--db") == 0) {
			if (i + 1 >= argc)
				return usage_error("flag --db needs a value (a URL such as sqlite:PATH)");
			c.db_url = argv[++i];
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			c.db_url = argv[i] + 5;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			help = 1;
		} else if (strcmp(argv[i], "--version") == 0) {
			argv[i] = "version";
			break;
		} else {
			return usage_error("unknown global flag %s (see 'tandem help')", argv[i]);
		}
	}
	if (i >= argc) {
		general_help(help ? stdout : stderr, NULL);
		return help ? EXIT_OK : EXIT_USAGE;
	}
	if (strcmp(argv[i], "help") == 0) {
		if (i + 1 >= argc) {
			general_help(stdout, NULL);
			return EXIT_OK;
		}
		int j = i + 1;
		const struct cli_cmd *cmd = find_command(argc, argv, &j);
		if (cmd && (cmd->verb[0] || j == argc)) {
			command_help(cmd, stdout);
			return EXIT_OK;
		}
		for (const struct cli_cmd *k = cli_commands; k->noun; k++)
			if (strcmp(k->noun, argv[i + 1]) == 0) {
				general_help(stdout, argv[i + 1]);
				return EXIT_OK;
			}
		return unknown_command(argc, argv, i + 1);
	}
	int start = i;
	c.cmd = find_command(argc, argv, &i);
	if (!c.cmd)
		return unknown_command(argc, argv, start);
	if (c.cmd->obj_size) {
		c.obj = calloc(1, c.cmd->obj_size);
		if (!c.obj)
			return usage_error("out of memory");
	}

	/* positional arguments and flags, in any order */
	int positional = 0, flags_done = 0;	/* after "--" everything is positional */
	for (; i < argc; i++) {
		const char *arg = argv[i];
		if (!flags_done && strcmp(arg, "--") == 0) {
			flags_done = 1;
			continue;
		}
		if (!flags_done && arg[0] == '-' && arg[1] == '-' && arg[2]) {
			if (strcmp(arg, "--json") == 0) {
				if (!(c.cmd->flags & CMD_JSON)) {
					rc = usage_error("'%s %s' has no --json output", c.cmd->noun,
							 c.cmd->verb);
					goto out;
				}
				c.json = 1;
				continue;
			}
			if (strcmp(arg, "--help") == 0) {
				help = 1;
				continue;
			}
			if (strcmp(arg, "--db") == 0 || strncmp(arg, "--db=", 5) == 0) {
				if (arg[4] == '=') {
					c.db_url = arg + 5;
				} else if (i + 1 < argc) {
					c.db_url = argv[++i];
				} else {
					rc = usage_error("flag --db needs a value");
					goto out;
				}
				continue;
			}
			char flag[64];
			const char *eq = strchr(arg + 2, '=');
			const char *value;
			size_t len = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);
			snprintf(flag, sizeof flag, "%.*s", (int)(len < 63 ? len : 63), arg + 2);
			/* a yes/no flag alone means yes: --fix, --vacant (and
			 * --fix false still says no) */
			const struct field *bf = field_by_flag(c.cmd->fields, flag);
			const char *next = i + 1 < argc ? argv[i + 1] : NULL;
			int wants_arg = (c.cmd->flags & (CMD_ID | CMD_NAME | CMD_OPTARG)) && positional <= 0;
			/* the next word is the flag's value when it is yes or no, or
			 * when it cannot be anything else (then a wrong word is
			 * refused as the flag's) */
			int bare_bool = bf && bf->type == FT_BOOL &&
				(!next || next[0] == '-' || (!is_bool_word(next) && wants_arg));
			if (eq)
				value = eq + 1;
			else if (bare_bool)
				value = "true";
			else if (i + 1 < argc && !is_global(argv[i + 1]))
				value = argv[++i];
			else
				value = NULL;
			if (help)
				continue;
			if ((rc = set_flag(&c, flag, value)))
				goto out;
			continue;
		}
		if (!flags_done && strcmp(arg, "-h") == 0) {
			help = 1;
			continue;
		}
		/* a positional argument */
		int want = !!(c.cmd->flags & (CMD_ID | CMD_NAME | CMD_OPTARG));
		int taken = positional;
		if (help)
			continue;
		if (taken >= want) {
			rc = usage_error("'%s %s' takes %s, not also \"%.40s\" (see 'tandem %s %s "
					 "--help')", c.cmd->noun, c.cmd->verb,
					 want ? "one argument" : "no arguments", arg, c.cmd->noun,
					 c.cmd->verb);
			goto out;
		}
		if (c.cmd->flags & CMD_ID) {
			if ((rc = parse_id(&c, arg)))
				goto out;
		} else {
			const struct field *f = field_find(c.cmd->fields, arg_field(c.cmd));
			if (f && (c.set & f->bit)) {
				rc = both_error(c.cmd, f);
				goto out;
			}
			if (f && field_from_text(f, c.obj, &c.set, arg, &c.e)) {
				rc = report(&c, &c.e);
				goto out;
			}
		}
		positional = taken + 1;
	}
	if (help) {
		command_help(c.cmd, stdout);
		goto out;
	}
	if ((c.cmd->flags & (CMD_ID | CMD_NAME)) && positional <= 0) {
		command_usage(c.cmd, stderr);
		char what[64] = "an ID";
		if (!(c.cmd->flags & CMD_ID)) {
			size_t k = 0;
			what[k++] = 'a';
			what[k++] = ' ';
			for (const char *p = arg_field(c.cmd); *p && k < sizeof what - 1; p++)
				what[k++] = *p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p;
			what[k] = '\0';
		}
		rc = usage_error("'%s %s' needs %s", c.cmd->noun, c.cmd->verb, what);
		goto out;
	}
	if (!(c.cmd->flags & CMD_NODB) && db_open(c.db_url, DB_MIGRATE, &c.db, &c.e)) {
		rc = report(&c, &c.e);
		goto out;
	}
	if (run_command(&c, argc, argv) != 0)
		rc = report(&c, &c.e);
	if (fflush(stdout) != 0 && rc == EXIT_OK) {
		perror("tandem: writing output");
		rc = EXIT_INTERNAL;
	}
out:
	db_close(c.db);
	arena_free(&c.a);
	free(c.obj);
	return rc;
}

/* --- output -------------------------------------------------------- */

void cli_print_json(struct cli *c, json_t *v)
{
	struct buf b = BUF_INIT;
	json_to_buf(v, &b, 1);
	buf_putc(&b, '\n');
	if (!b.failed && b.len)
		fwrite(b.s, 1, b.len, c->out);
	buf_free(&b);
	json_decref(v);
}

/* Lists print one item per line, so that long listings stay readable
 * and can be streamed: {"count":N,"items":[\n{...},\n{...}\n]}. */
void cli_list_begin(struct cli *c, int64_t count)
{
	fprintf(c->out, "{\n  \"count\": %lld,\n  \"items\": [", (long long)count);
}

void cli_list_item(struct cli *c, json_t *item, int first)
{
	struct buf b = BUF_INIT;
	buf_puts(&b, first ? "\n    " : ",\n    ");
	json_to_buf(item, &b, 0);
	if (!b.failed && b.len)
		fwrite(b.s, 1, b.len, c->out);
	buf_free(&b);
	json_decref(item);
}

void cli_list_end(struct cli *c, int empty)
{
	fputs(empty ? "]\n}\n" : "\n  ]\n}\n", c->out);
}

void cli_print_list(struct cli *c, json_t *items)
{
	size_t n = json_array_size(items);
	cli_list_begin(c, (int64_t)n);
	for (size_t i = 0; i < n; i++)
		cli_list_item(c, json_incref(json_array_get(items, i)), i == 0);
	cli_list_end(c, n == 0);
	json_decref(items);
}

static size_t width(const char *s);

struct table {
	struct arena *a;
	const char *const *headers;
	const char *align;	/* 'l' or 'r' per column */
	size_t ncols;
	const char **cells;
	uint16_t *widths;	/* display width of each cell, capped */
	size_t nrows, cap;
};

struct table *table_new(struct arena *a, const char *const *headers, const char *align)
{
	struct table *t = arena_alloc(a, sizeof *t);
	if (!t)
		return NULL;
	t->a = a;
	t->headers = headers;
	t->align = align;
	while (headers[t->ncols])
		t->ncols++;
	return t;
}

void table_row(struct table *t, ...)
{
	if (!t)
		return;
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 64;
		const char **more = arena_alloc_uninit(t->a, cap * t->ncols * sizeof *more);
		uint16_t *w = arena_alloc_uninit(t->a, cap * t->ncols * sizeof *w);
		if (!more || !w)
			return;
		if (t->cells) {
			memcpy(more, t->cells, t->nrows * t->ncols * sizeof *more);
			memcpy(w, t->widths, t->nrows * t->ncols * sizeof *w);
		}
		t->cells = more;
		t->widths = w;
		t->cap = cap;
	}
	va_list ap;
	va_start(ap, t);
	for (size_t j = 0; j < t->ncols; j++) {
		const char *s = va_arg(ap, const char *);
		size_t w = width(s ? s : "-");
		t->cells[t->nrows * t->ncols + j] = s ? s : "-";
		t->widths[t->nrows * t->ncols + j] = (uint16_t)(w > 65535 ? 65535 : w);
	}
	va_end(ap);
	t->nrows++;
}

enum { MAX_CELL = 48 };

/* Display width of UTF-8 text (one column per code point). */
static size_t width(const char *s)
{
	size_t w = 0;
	for (; *s; s++)
		w += ((unsigned char)*s & 0xC0) != 0x80;
	return w;
}

static void pad(struct buf *b, size_t n)
{
	static const char spaces[] = "                                                ";
	while (n > 0) {
		size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
		buf_putn(b, spaces, k);
		n -= k;
	}
}

/* Appends s (of display width sw) cut to at most max columns, padded to
 * w columns. */
static void cell(struct buf *b, const char *s, size_t sw, size_t w, int right, size_t max)
{
	size_t shown = sw > max ? max : sw;
	if (right && shown < w)
		pad(b, w - shown);
	if (sw <= max) {
		buf_puts(b, s);
	} else {
		size_t cols = 0;
		const char *p = s;
		for (; *p; p++)
			if (((unsigned char)*p & 0xC0) != 0x80 && ++cols > max - 1)
				break;
		buf_putn(b, s, (size_t)(p - s));
		buf_puts(b, "\xE2\x80\xA6");	/* an ellipsis */
	}
	if (!right && shown < w)
		pad(b, w - shown);
}

void table_print(struct table *t, FILE *out)
{
	if (!t)
		return;
	size_t w[32] = {0};
	size_t nc = t->ncols < 32 ? t->ncols : 32;
	for (size_t j = 0; j < nc; j++)
		w[j] = width(t->headers[j]);
	for (size_t i = 0; i < t->nrows; i++)
		for (size_t j = 0; j + 1 < nc; j++) {
			size_t cw = t->widths[i * t->ncols + j];
			if (cw > MAX_CELL)
				cw = MAX_CELL;
			if (cw > w[j])
				w[j] = cw;
		}
	/* the whole table is built in memory, then written once */
	struct buf b = BUF_INIT;
	for (size_t i = 0; i <= t->nrows; i++) {
		for (size_t j = 0; j < nc; j++) {
			/* the last column is neither padded nor cut */
			int last = j + 1 == nc;
			const char *s = i == 0 ? t->headers[j] : t->cells[(i - 1) * t->ncols + j];
			size_t sw = i == 0 ? width(s) : t->widths[(i - 1) * t->ncols + j];
			cell(&b, s, sw, last ? 0 : w[j], t->align[j] == 'r' && !last,
			     last ? SIZE_MAX : MAX_CELL);
			buf_putn(&b, last ? "\n" : "  ", last ? 1 : 2);
		}
		if (b.len > (1 << 20)) {
			fwrite(b.s, 1, b.len, out);
			buf_reset(&b);
		}
	}
	if (!b.failed && b.len)
		fwrite(b.s, 1, b.len, out);
	buf_free(&b);
}

const char *fmt_int(struct arena *a, int64_t v)
{
	char tmp[24], *p = tmp + sizeof tmp;
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	*--p = '\0';
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	return arena_strndup(a, p, (size_t)(tmp + sizeof tmp - 1 - p));
}

const char *fmt_hours(struct arena *a, int64_t minutes)
{
	if (minutes % 60 == 0)
		return fmt_int(a, minutes / 60);
	return arena_printf(a, "%.2f", minutes / 60.0);
}

const char *fmt_money(struct arena *a, int64_t cents)
{
	/* -150 is "-1.50": the sign once, then the magnitude */
	uint64_t m = cents < 0 ? 0 - (uint64_t)cents : (uint64_t)cents;
	return arena_printf(a, "%s%llu.%02llu", cents < 0 ? "-" : "", (unsigned long long)(m / 100),
			    (unsigned long long)(m % 100));
}

const char *fmt_id(struct arena *a, int64_t id)
{
	return id ? fmt_int(a, id) : "-";
}

const char *fmt_str(const char *s)
{
	return s && *s ? s : "-";
}
