/* test_markdown: proves web/markdown.h, the Markdown of messages.
 *
 *   blocks   paragraphs, line breaks, headings one level under the
 *            page's, bulleted and numbered lists;
 *   inline   strong, emphasis, code (whose inside stays text), links to
 *            http and https only;
 *   safety   HTML in the text is text; a javascript: or data: link stays
 *            text; a quote in an address cannot leave the attribute; and,
 *            over thousands of random messages made of the dangerous
 *            characters, every '<' in the output opens one of the
 *            module's own tags (a second method: a scan of the output).
 * The expected HTML is written out by hand from the rules in markdown.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "web/markdown.h"

static void renders(const char *md, const char *want)
{
	struct buf b = BUF_INIT;
	markdown_html(&b, md);
	assert_false(b.failed);
	assert_string_equal(buf_str(&b), want);
	buf_free(&b);
}

static void test_blocks(void **state)
{
	(void)state;
	renders("Hello", "<p>Hello</p>\n");
	renders("one\ntwo\n\nthree", "<p>one<br>\ntwo</p>\n<p>three</p>\n");
	renders("# Why\n## How\n### When\n#### Not a heading",
		"<h3>Why</h3>\n<h4>How</h4>\n<h5>When</h5>\n<p>#### Not a heading</p>\n");
	renders("#hashtag", "<p>#hashtag</p>\n");
	renders("- one\n* two\n\n1. first\n2. second\ntext",
		"<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<ol>\n<li>first</li>\n"
		"<li>second</li>\n</ol>\n<p>text</p>\n");
	renders("line\r\nnext\r\n", "<p>line<br>\nnext</p>\n");
	renders("", "");
	renders(NULL, "");
}

static void test_inline(void **state)
{
	(void)state;
	renders("a **big** and *small* and _also_ `x < y`",
		"<p>a <strong>big</strong> and <em>small</em> and <em>also</em> "
		"<code>x &lt; y</code></p>\n");
	renders("**bold _em_ inside**", "<p><strong>bold <em>em</em> inside</strong></p>\n");
	renders("an *unclosed mark", "<p>an *unclosed mark</p>\n");
	renders("2 * 3 = 6", "<p>2 * 3 = 6</p>\n");
	renders("see [the plan](https://tandem.example/plans/3) now",
		"<p>see <a rel=\"nofollow noopener\" href=\"https://tandem.example/plans/3\">the "
		"plan</a> now</p>\n");
	renders("[**bold** link](http://a.example)",
		"<p><a rel=\"nofollow noopener\" href=\"http://a.example\"><strong>bold</strong> "
		"link</a></p>\n");
}

static void test_safety(void **state)
{
	(void)state;
	renders("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
	renders("[x](javascript:alert(1))", "<p>[x](javascript:alert(1))</p>\n");
	renders("[x](data:text/html,hi)", "<p>[x](data:text/html,hi)</p>\n");
	renders("[x](https://a.example/\"onmouseover=\"alert(1))",
		"<p><a rel=\"nofollow noopener\" href=\"https://a.example/&quot;onmouseover=&quot;"
		"alert(1\">x</a>)</p>\n");
	renders("`<img src=x onerror=alert(1)>`",
		"<p><code>&lt;img src=x onerror=alert(1)&gt;</code></p>\n");
	renders("*<b>*", "<p><em>&lt;b&gt;</em></p>\n");
}

/* The second method: a scan of the output that finds every '<' and
 * checks that the tag it opens is one of the module's own. */
static int tags_are_ours(const char *html)
{
	static const char *const ok[] = {"<p>", "</p>", "<br>", "<h3>", "</h3>", "<h4>", "</h4>",
					 "<h5>", "</h5>", "<ul>", "</ul>", "<ol>", "</ol>",
					 "<li>", "</li>", "<strong>", "</strong>", "<em>",
					 "</em>", "<code>", "</code>", "</a>",
					 "<a rel=\"nofollow noopener\" href=\"http"};
	for (const char *p = strchr(html, '<'); p; p = strchr(p + 1, '<')) {
		int found = 0;
		for (size_t i = 0; i < sizeof ok / sizeof ok[0] && !found; i++)
			found = strncmp(p, ok[i], strlen(ok[i])) == 0;
		if (!found)
			return 0;
	}
	return 1;
}

static void test_random(void **state)
{
	(void)state;
	static const char alphabet[] = "<>\"'&*_`[]()#-1. \n:/ahjtps";
	srand(5);
	for (int round = 0; round < 5000; round++) {
		char md[64];
		int n = rand() % (int)(sizeof md - 1);
		for (int i = 0; i < n; i++)
			md[i] = alphabet[rand() % (int)(sizeof alphabet - 1)];
		md[n] = '\0';
		struct buf b = BUF_INIT;
		markdown_html(&b, md);
		assert_false(b.failed);
		if (!tags_are_ours(buf_str(&b)))
			fail_msg("markdown \"%s\" gave a tag of its own: %s", md, buf_str(&b));
		assert_null(strstr(buf_str(&b), "href=\"javascript"));
		buf_free(&b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blocks),
		cmocka_unit_test(test_inline),
		cmocka_unit_test(test_safety),
		cmocka_unit_test(test_random),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
