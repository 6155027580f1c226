/* html: escaping, the page layout and the shared form widgets; see
 * html.h. */
#include "web/html.h"

#include <stdio.h>
#include <string.h>

#include "base/date.h"
#include "base/field.h"

static const char replacement[] = "\xEF\xBF\xBD";	/* U+FFFD */

/* Escapes at most n bytes of s. Invalid UTF-8 and C0 controls other
 * than tab, LF and CR become U+FFFD. */
static void escape_n(struct buf *b, const char *s, size_t n)
{
	while (n > 0) {
		size_t ok = utf8_valid_prefix(s, n);
		size_t run = 0;	/* bytes copied as they are */
		for (size_t i = 0; i < ok; i++) {
			const char *rep = NULL;
			unsigned char c = (unsigned char)s[i];
			switch (c) {
			case '&': rep = "&amp;"; break;
			case '<': rep = "&lt;"; break;
			case '>': rep = "&gt;"; break;
			case '"': rep = "&quot;"; break;
			case '\'': rep = "&#39;"; break;
			default:
				if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
					rep = replacement;
				else if (c == 0x7F)
					rep = replacement;
			}
			if (!rep) {
				run++;
				continue;
			}
			buf_putn(b, s + i - run, run);
			run = 0;
			buf_puts(b, rep);
		}
		buf_putn(b, s + ok - run, run);
		if (ok == n)
			return;
		buf_puts(b, replacement);	/* one invalid byte */
		s += ok + 1;
		n -= ok + 1;
	}
}

void html_text(struct buf *b, const char *s)
{
	if (s)
		escape_n(b, s, strlen(s));
}

void html_attr(struct buf *b, const char *s)
{
	html_text(b, s);
}

void html_url_part(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	if (!s)
		return;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' || *p == '_' || *p == '~') {
			buf_putc(b, (char)*p);
		} else {
			char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
			buf_putn(b, e, 3);
		}
	}
}

void html_raw_n(struct buf *b, const char *s, size_t n)
{
	buf_putn(b, s, n);
}

void html_fragment(struct buf *b, const struct buf *html)
{
	if (html->failed)
		b->failed = 1;
	else if (html->len)
		buf_putn(b, html->s, html->len);
}

/* The longest prefix of s of at most max bytes that ends on a UTF-8
 * character boundary. */
static size_t utf8_cut(const char *s, size_t max)
{
	size_t n = strnlen(s, max);
	if (n == max)
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	return n;
}

void html_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	const char *p = fmt;
	while (*p) {
		const char *pct = strchr(p, '%');
		if (!pct) {
			buf_puts(b, p);
			return;
		}
		buf_putn(b, p, (size_t)(pct - p));
		p = pct + 1;
		if (*p == '%') {
			buf_putc(b, '%');
			p++;
			continue;
		}
		/* the conversion spec, with * resolved: %[flags][width][.prec][len]conv */
		char spec[64];
		size_t k = 0;
		spec[k++] = '%';
		while (*p && strchr("-+ #0", *p) && k < 8)
			spec[k++] = *p++;
		if (*p == '*') {
			k += (size_t)snprintf(spec + k, sizeof spec - k, "%d", va_arg(ap, int));
			p++;
		} else {
			while (*p >= '0' && *p <= '9' && k < 20)
				spec[k++] = *p++;
		}
		int prec = -1;
		if (*p == '.') {
			p++;
			prec = 0;
			if (*p == '*') {
				prec = va_arg(ap, int);
				p++;
			} else {
				while (*p >= '0' && *p <= '9') {
					if (prec < 100000)
						prec = prec * 10 + (*p - '0');
					p++;
				}
			}
			if (prec >= 0)
				k += (size_t)snprintf(spec + k, sizeof spec - k, ".%d", prec);
		}
		char len[3] = "";
		size_t nl = 0;
		while (*p && strchr("hlzjtL", *p) && nl < 2)
			len[nl++] = *p++;
		len[nl] = '\0';
		char conv = *p ? *p++ : '\0';
		char out[128];
		int n = 0;
		spec[k] = '\0';
		switch (conv) {
		case 's': {
			const char *s = va_arg(ap, const char *);
			if (s)
				escape_n(b, s, prec >= 0 ? utf8_cut(s, (size_t)prec) : strlen(s));
			continue;
		}
		case 'c': {
			char c[2] = {(char)va_arg(ap, int), '\0'};
			html_text(b, c);
			continue;
		}
		case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
			char full[72];
			snprintf(full, sizeof full, "%s%s%c", spec, len, conv);
			int is_signed = conv == 'd' || conv == 'i';
			if (strcmp(len, "ll") == 0)
				n = is_signed ? snprintf(out, sizeof out, full, va_arg(ap, long long))
					      : snprintf(out, sizeof out, full,
							 va_arg(ap, unsigned long long));
			else if (strcmp(len, "l") == 0)
				n = is_signed ? snprintf(out, sizeof out, full, va_arg(ap, long))
					      : snprintf(out, sizeof out, full, va_arg(ap, unsigned long));
			else if (strcmp(len, "z") == 0)
				n = snprintf(out, sizeof out, full, va_arg(ap, size_t));
			else if (strcmp(len, "j") == 0)
				n = is_signed ? snprintf(out, sizeof out, full, va_arg(ap, intmax_t))
					      : snprintf(out, sizeof out, full, va_arg(ap, uintmax_t));
			else if (strcmp(len, "t") == 0)
				n = snprintf(out, sizeof out, full, va_arg(ap, ptrdiff_t));
			else	/* int, short and char are promoted to int */
				n = is_signed ? snprintf(out, sizeof out, full, va_arg(ap, int))
					      : snprintf(out, sizeof out, full, va_arg(ap, unsigned));
			break;
		}
		case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': {
			char full[72];
			snprintf(full, sizeof full, "%s%c", spec, conv);
			if (strcmp(len, "L") == 0)
				n = snprintf(out, sizeof out, full, va_arg(ap, long double));
			else
				n = snprintf(out, sizeof out, full, va_arg(ap, double));
			break;
		}
		default:
			/* %p, %n and unknown conversions are refused by the format
			 * check at compile time; write nothing if one slips by */
			(void)NEVER(1);
			return;
		}
		if (n > 0)
			buf_putn(b, out, (size_t)n < sizeof out ? (size_t)n : sizeof out - 1);
	}
}

void html_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	html_vprintf(b, fmt, ap);
	va_end(ap);
}

/* --- the layout ------------------------------------------------------ */

struct nav_item {
	const char *key, *href, *label;
};

/* the pages used most; /manage leads to every other one */
static const struct nav_item nav_management[] = {
	{"manage", "/manage", "Overview"},
	{"targets", "/targets", "Targets"},
	{"plans", "/plans", "Plans"},
	{"steps", "/steps", "Steps"},
	{"time", "/time", "Time"},
	{"staffing", "/staffing", "Staffing"},
	{"problems", "/problems", "Problems"},
};
static const struct nav_item nav_leadership[] = {
	{"lead", "/lead", "Overview"},
	{"direction", "/direction", "Direction"},
	{"alignment", "/alignment", "Alignment"},
	{"recognitions", "/recognitions", "Recognition"},
	{"ideas", "/ideas", "Ideas"},
	{"pulses", "/pulses", "Pulse"},
};
/* Kotter's eight steps and the balance between the two systems */
static const struct nav_item nav_change[] = {
	{"change", "/change", "Initiatives"},
	{"balance", "/balance", "Balance"},
	{"time-profile", "/balance/time", "Time profile"},
	{"assess", "/assess", "Self-assessment"},
	{"workshops", "/workshops", "Workshops"},
};
static const struct nav_item nav_org[] = {
	{"units", "/units", "Units"},
	{"people", "/people", "People"},
	{"calendar", "/calendar", "Calendar"},
	{"audit", "/audit", "Audit log"},	/* admins only: the last entry */
};

static void nav_list(struct buf *b, const char *id, const char *heading,
		     const struct nav_item *items, size_t n, const char *current)
{
	html_printf(b, "<div class=\"nav-group\"><span class=\"nav-h\" id=\"%s\">%s</span>"
		       "<ul aria-labelledby=\"%s\">", id, heading, id);
	for (size_t i = 0; i < n; i++) {
		int here = current && strcmp(current, items[i].key) == 0;
		html_printf(b, "<li><a href=\"%s\"", items[i].href);
		if (here)
			html_raw(b, " aria-current=\"page\"");
		html_printf(b, ">%s</a></li>", items[i].label);
	}
	html_raw(b, "</ul></div>");
}

void page_begin(struct req *r, const char *title, const char *nav)
{
	struct buf *b = &r->page;
	buf_reset(b);
	r->content_type = "text/html; charset=utf-8";
	html_printf(b, "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		       "<title>%s · tandem</title>\n"
		       "<link rel=\"icon\" href=\"data:,\">\n"
		       "<link rel=\"stylesheet\" href=\"/assets/app.css\">\n"
		       "<script src=\"/assets/app.js\" defer></script>\n</head>\n<body>\n",
		    title);
	html_raw(b, "<a class=\"skip\" href=\"#main\">Skip to content</a>\n"
		    "<header class=\"top\">\n<div class=\"top-in\"><a class=\"brand\" href=\"/\"");
	if (nav && strcmp(nav, "home") == 0)
		html_raw(b, " aria-current=\"page\"");
	html_raw(b, ">tandem</a>\n");
	if (r->who.account_id) {
		html_raw(b, "<nav class=\"main-nav\" aria-label=\"Main\">");
		nav_list(b, "nav-m", "Management", nav_management,
			 sizeof nav_management / sizeof nav_management[0], nav);
		nav_list(b, "nav-l", "Leadership", nav_leadership,
			 sizeof nav_leadership / sizeof nav_leadership[0], nav);
		nav_list(b, "nav-c", "Change", nav_change, sizeof nav_change / sizeof nav_change[0],
			 nav);
		nav_list(b, "nav-o", "Organization", nav_org,
			 sizeof nav_org / sizeof nav_org[0] - (r->who.role == ROLE_ADMIN ? 0 : 1), nav);
		html_raw(b, "</nav>\n");
		html_printf(b, "<div class=\"who\"><span class=\"who-name\">%s</span> "
			       "<span class=\"role\">%s</span>"
			       "<form method=\"post\" action=\"/logout\" class=\"signout\">",
			    r->who.name[0] ? r->who.name : r->who.login, role_name(r->who.role));
		html_csrf(b, r);
		html_raw(b, "<button type=\"submit\" class=\"link-button\">Sign out</button>"
			    "</form></div>\n");
	}
	html_raw(b, "</div></header>\n<main id=\"main\" tabindex=\"-1\">\n");
}

void page_end(struct req *r)
{
	html_raw(&r->page, "</main>\n<footer class=\"foot\"><p>tandem: management copes with "
			   "complexity, leadership with change.</p></footer>\n</body>\n</html>\n");
}

void html_csrf(struct buf *b, const struct req *r)
{
	html_printf(b, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">", r->who.csrf);
}

/* --- form widgets ----------------------------------------------------- */

/* e's message without a leading "field: ", which the label already says. */
static const char *short_msg(const struct err *e)
{
	size_t n = strlen(e->field);
	if (n && strncmp(e->msg, e->field, n) == 0 && e->msg[n] == ':' && e->msg[n + 1] == ' ')
		return e->msg + n + 2;
	return e->msg;
}

static int names_field(const struct err *e, const char *name)
{
	return e && e->status && e->field[0] && strcmp(e->field, name) == 0;
}

/* The label, hint and the attributes that tie them to the control. */
static void field_open(struct buf *b, const char *name, const char *label, const char *hint,
		       int required, int invalid)
{
	html_printf(b, "<div class=\"field%s\"><label for=\"f-%s\">%s%s</label>",
		    invalid ? " invalid" : "", name, label, required ? " (required)" : "");
	if (hint)
		html_printf(b, "<p class=\"hint\" id=\"f-%s-hint\">%s</p>", name, hint);
}

static void described_by(struct buf *b, const char *name, const char *hint, int invalid)
{
	if (!hint && !invalid)
		return;
	html_raw(b, " aria-describedby=\"");
	if (hint)
		html_printf(b, "f-%s-hint", name);
	if (invalid)
		html_printf(b, "%sf-%s-err", hint ? " " : "", name);
	html_raw(b, "\"");
	if (invalid)
		html_raw(b, " aria-invalid=\"true\"");
}

static void field_close(struct buf *b, const char *name, const struct err *e, int invalid)
{
	if (invalid)
		html_printf(b, "<p class=\"error\" id=\"f-%s-err\">%s</p>", name, short_msg(e));
	html_raw(b, "</div>\n");
}

void html_input(struct buf *b, const struct input *in, const struct err *e)
{
	int invalid = names_field(e, in->name);
	const char *id = in->id ? in->id : in->name;
	field_open(b, id, in->label, in->hint, in->required, invalid);
	html_printf(b, "<input id=\"f-%s\" name=\"%s\" type=\"%s\"", id, in->name,
		    in->type ? in->type : "text");
	if (in->value)
		html_printf(b, " value=\"%s\"", in->value);
	if (in->step)
		html_printf(b, " step=\"%s\"", in->step);
	if (in->min)
		html_printf(b, " min=\"%s\"", in->min);
	if (in->maxlength)
		html_printf(b, " maxlength=\"%d\"", in->maxlength);
	if (in->autocomplete)
		html_printf(b, " autocomplete=\"%s\"", in->autocomplete);
	if (in->required)
		html_raw(b, " required");
	if (in->autofocus || invalid)
		html_raw(b, " autofocus");
	described_by(b, id, in->hint, invalid);
	html_raw(b, ">");
	field_close(b, id, e, invalid);
}

void html_select(struct buf *b, const struct select *s, const struct err *e)
{
	int invalid = names_field(e, s->name);
	const char *id = s->id ? s->id : s->name;
	field_open(b, id, s->label, s->hint, s->required, invalid);
	html_printf(b, "<select id=\"f-%s\" name=\"%s\"", id, s->name);
	if (s->required)
		html_raw(b, " required");
	described_by(b, id, s->hint, invalid);
	html_raw(b, ">");
	for (size_t i = 0; i < s->n; i++) {
		int sel = s->selected && strcmp(s->selected, s->options[i].value) == 0;
		html_printf(b, "<option value=\"%s\"%s>%s</option>", s->options[i].value,
			    sel ? " selected" : "", s->options[i].label);
	}
	html_raw(b, "</select>");
	field_close(b, id, e, invalid);
}

void html_form_error(struct buf *b, const struct err *e, int has_field)
{
	if (!e || !e->status)
		return;
	html_raw(b, "<div class=\"alert\" role=\"alert\"><p><strong>Not saved.</strong> ");
	/* "start_date: must be ..." reads "Start date: must be ..." here: the
	 * field's words, as the label shows them, not its key */
	const char *msg = e->msg;
	char label[72] = "";
	size_t fl = strlen(e->field);
	if (fl && strncmp(msg, e->field, fl) == 0 && msg[fl] == ':') {
		size_t n = 0;
		size_t end = fl >= 3 && strcmp(e->field + fl - 3, "_id") == 0 ? fl - 3 : fl;
		for (size_t i = 0; i < end && n + 1 < sizeof label; i++) {
			char ch = e->field[i] == '_' ? ' ' : e->field[i];
			if (n == 0 && ch >= 'a' && ch <= 'z')
				ch = (char)(ch - 'a' + 'A');
			label[n++] = ch;
		}
		label[n] = '\0';
		msg += fl;
	}
	if (has_field && e->field[0])
		html_printf(b, "<a href=\"#f-%s\">%s%s</a>", e->field, label, msg);
	else {
		html_text(b, label);
		html_text(b, msg);
	}
	html_raw(b, "</p></div>\n");
}

void html_pager(struct buf *b, const char *base, int64_t page, int64_t pages)
{
	if (pages <= 1)
		return;
	html_raw(b, "<nav class=\"pager\" aria-label=\"Pages\">");
	if (page > 1)
		html_printf(b, "<a rel=\"prev\" href=\"%spage=%lld\">Previous</a> ", base,
			    (long long)(page - 1));
	html_printf(b, "<span>Page %lld of %lld</span>", (long long)page, (long long)pages);
	if (page < pages)
		html_printf(b, " <a rel=\"next\" href=\"%spage=%lld\">Next</a>", base,
			    (long long)(page + 1));
	html_raw(b, "</nav>\n");
}

const char *html_day(struct arena *a, int32_t day)
{
	char d[11];
	date_format(day, d);
	return arena_strdup(a, d);
}

void html_hours(struct buf *b, int64_t minutes)
{
	/* hundredths of an hour, rounded half up */
	int64_t h = (minutes * 100 + 30) / 60;
	buf_printf(b, "%lld", (long long)(h / 100));
	int64_t f = h % 100;
	if (f)
		buf_printf(b, f % 10 ? ".%02lld" : ".%lld", (long long)(f % 10 ? f : f / 10));
}

void html_money(struct buf *b, int64_t cents)
{
	if (cents < 0) {
		buf_putc(b, '-');
		cents = -cents;
	}
	char digits[32];
	int n = snprintf(digits, sizeof digits, "%lld", (long long)(cents / 100));
	for (int i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			buf_putc(b, ',');
		buf_putc(b, digits[i]);
	}
	buf_printf(b, ".%02lld", (long long)(cents % 100));
}
