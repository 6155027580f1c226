/* markdown: see markdown.h. Line by line for the blocks, a left-to-right
 * scan for the inline marks; a mark without its closing twin is text. */
#include "web/markdown.h"

#include <stdlib.h>
#include <string.h>

#include "web/html.h"

/* Escaped text of s[0, n). */
static void text(struct buf *b, const char *s, size_t n)
{
	char *copy = NULL;
	if (!n)
		return;
	/* html_text wants a string: a short copy on the stack for most runs */
	char small[256];
	const char *t = s;
	if (n < sizeof small) {
		memcpy(small, s, n);
		small[n] = '\0';
		t = small;
	} else {
		copy = strndup(s, n);
		if (!copy) {
			b->failed = 1;
			return;
		}
		t = copy;
	}
	html_text(b, t);
	free(copy);
}

/* The index of the first `close` in s[from, n) or n. */
static size_t find(const char *s, size_t from, size_t n, const char *close)
{
	size_t k = strlen(close);
	for (size_t i = from; i + k <= n; i++)
		if (memcmp(s + i, close, k) == 0)
			return i;
	return n;
}

static int is_http(const char *s, size_t n)
{
	return (n > 7 && strncmp(s, "http://", 7) == 0) || (n > 8 && strncmp(s, "https://", 8) == 0);
}

/* Inline marks of one line's text s[0, n). */
static void inline_md(struct buf *b, const char *s, size_t n, int depth)
{
	size_t i = 0, run = 0;	/* plain text s[i - run, i) not yet written */
	while (i < n) {
		const char *open = NULL, *close = NULL, *tag = NULL;
		if (n - i >= 2 && memcmp(s + i, "**", 2) == 0) {
			open = "**", close = "**", tag = "strong";
		} else if (s[i] == '*' || s[i] == '_') {
			open = s[i] == '*' ? "*" : "_", close = open, tag = "em";
		} else if (s[i] == '`') {
			open = "`", close = "`", tag = "code";
		} else if (s[i] == '[') {
			size_t rb = find(s, i + 1, n, "](");
			size_t rp = rb < n ? find(s, rb + 2, n, ")") : n;
			if (rb < n && rp < n && is_http(s + rb + 2, rp - rb - 2) &&
			    !memchr(s + rb + 2, ' ', rp - rb - 2)) {
				text(b, s + i - run, run);
				run = 0;
				html_raw(b, "<a rel=\"nofollow noopener\" href=\"");
				text(b, s + rb + 2, rp - rb - 2);
				html_raw(b, "\">");
				if (depth < 4)
					inline_md(b, s + i + 1, rb - i - 1, depth + 1);
				else
					text(b, s + i + 1, rb - i - 1);
				html_raw(b, "</a>");
				i = rp + 1;
				continue;
			}
		}
		if (open) {
			size_t k = strlen(open);
			size_t end = find(s, i + k, n, close);
			if (end < n && end > i + k) {
				text(b, s + i - run, run);
				run = 0;
				buf_printf(b, "<%s>", tag);
				if (strcmp(tag, "code") == 0 || depth >= 4)
					text(b, s + i + k, end - i - k);
				else
					inline_md(b, s + i + k, end - i - k, depth + 1);
				buf_printf(b, "</%s>", tag);
				i = end + k;
				continue;
			}
		}
		i++;
		run++;
	}
	text(b, s + i - run, run);
}

enum block { B_NONE, B_P, B_UL, B_OL };

static void close_block(struct buf *b, enum block *open)
{
	static const char *const ends[] = {"", "</p>\n", "</ul>\n", "</ol>\n"};
	buf_puts(b, ends[*open]);
	*open = B_NONE;
}

/* The length of an ordered item's marker "12. " at s, or 0. */
static size_t ol_marker(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && i < 9 && s[i] >= '0' && s[i] <= '9')
		i++;
	return i > 0 && i + 1 < n && s[i] == '.' && s[i + 1] == ' ' ? i + 2 : 0;
}

void markdown_html(struct buf *b, const char *md)
{
	if (!md)
		return;
	enum block open = B_NONE;
	for (const char *line = md; *line;) {
		const char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);
		const char *next = nl ? nl + 1 : line + n;
		if (n && line[n - 1] == '\r')
			n--;
		size_t lead = 0;
		while (lead < n && (line[lead] == ' ' || line[lead] == '\t'))
			lead++;
		const char *s = line + lead;
		size_t len = n - lead, m;
		if (len == 0) {
			close_block(b, &open);
		} else if (s[0] == '#') {
			size_t level = 0;
			while (level < len && level < 4 && s[level] == '#')
				level++;
			if (level <= 3 && level < len && s[level] == ' ') {
				close_block(b, &open);
				buf_printf(b, "<h%zu>", level + 2);
				inline_md(b, s + level + 1, len - level - 1, 0);
				buf_printf(b, "</h%zu>\n", level + 2);
			} else {
				goto paragraph;
			}
		} else if (len >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ') {
			if (open != B_UL) {
				close_block(b, &open);
				html_raw(b, "<ul>\n");
				open = B_UL;
			}
			html_raw(b, "<li>");
			inline_md(b, s + 2, len - 2, 0);
			html_raw(b, "</li>\n");
		} else if ((m = ol_marker(s, len))) {
			if (open != B_OL) {
				close_block(b, &open);
				html_raw(b, "<ol>\n");
				open = B_OL;
			}
			html_raw(b, "<li>");
			inline_md(b, s + m, len - m, 0);
			html_raw(b, "</li>\n");
		} else {
		paragraph:
			if (open != B_P) {
				close_block(b, &open);
				html_raw(b, "<p>");
				open = B_P;
			} else {
				html_raw(b, "<br>\n");
			}
			inline_md(b, s, len, 0);
		}
		line = next;
	}
	close_block(b, &open);
}
