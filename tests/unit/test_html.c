/* test_html: proves the web UI's writers (web/html.h, web/csv.h).
 *
 *   escaping   & < > " ' become entities; invalid UTF-8 and control
 *              characters become U+FFFD, valid multi-byte text stays;
 *   printf     %s is always escaped (a NULL writes nothing, a precision
 *              never splits a character), numbers are printf's;
 *   URLs       everything but the unreserved characters is %XX;
 *   numbers    minutes as hours, cents as amounts, worked by hand;
 *   layout     the page has its doctype, language, viewport, stylesheet,
 *              deferred script, skip link, landmarks, aria-current on the
 *              current item, the sign-out form with the CSRF token, and
 *              the person's name escaped;
 *   widgets    an input names its label, and an error naming its field
 *              is shown beside it with aria-invalid and
 *              aria-describedby, without the "field: " prefix;
 *   CSV        RFC 4180 quoting (comma, quote, CR, LF; quotes doubled),
 *              CRLF row ends, formula cells (= + - @) neutralized with a
 *              leading apostrophe.
 * Expected strings are written out by hand from the HTML and RFC 4180
 * rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "web/csv.h"
#include "web/html.h"

#include "testutil.h"

/* The buffer's text, and frees it. */
static void expect_buf(struct buf *b, const char *want)
{
	assert_false(b->failed);
	assert_string_equal(buf_str(b), want);
	buf_free(b);
}

static void test_text_escapes_the_five(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	html_text(&b, "a & b < c > d \"e\" 'f'");
	expect_buf(&b, "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;");
	html_attr(&b, "\"><script>alert(1)</script>");
	expect_buf(&b, "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
	html_text(&b, NULL);
	html_text(&b, "");
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

static void test_text_utf8(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	/* é (2 bytes), € (3), 😀 (4) stay as they are */
	html_text(&b, "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
	expect_buf(&b, "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
	/* a lone continuation byte, a truncated sequence, an overlong '<' */
	html_text(&b, "a\x80" "b\xC3" "<\xC0\xBC");
	expect_buf(&b, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD&lt;\xEF\xBF\xBD\xEF\xBF\xBD");
	/* controls other than tab, LF and CR; DEL */
	html_text(&b, "x\x01y\tz\n\r\x7F");
	expect_buf(&b, "x\xEF\xBF\xBDy\tz\n\r\xEF\xBF\xBD");
}

static void test_url_part(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	html_url_part(&b, "a b/c?d=e&f#g~h_i.j-k\xC3\xA9");
	expect_buf(&b, "a%20b%2Fc%3Fd%3De%26f%23g~h_i.j-k%C3%A9");
	html_url_part(&b, "\"<'>");
	expect_buf(&b, "%22%3C%27%3E");
}

static void test_printf_escapes_strings(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	html_printf(&b, "<a href=\"/plans/%lld\">%s</a>", 42LL, "<script>alert(1)</script>");
	expect_buf(&b, "<a href=\"/plans/42\">&lt;script&gt;alert(1)&lt;/script&gt;</a>");
	const char *volatile none = NULL;	/* hidden from the format check */
	html_printf(&b, "[%s][%s]", none, "x");
	expect_buf(&b, "[][x]");
	html_printf(&b, "%d|%5d|%-3d|%05.1f|%x|%zu|%u|%ld|%%|%c", -7, 42, 1, 3.14159, 255,
		    (size_t)9, 4000000000u, 123456789L, '<');
	expect_buf(&b, "-7|   42|1  |003.1|ff|9|4000000000|123456789|%|&lt;");
	/* a precision counts bytes and never splits a character: "é" is 2 */
	html_printf(&b, "%.2s|%.1s|%.3s|%.*s", "abc", "\xC3\xA9x", "\xC3\xA9x", 2, "<<<");
	expect_buf(&b, "ab||\xC3\xA9x|&lt;&lt;");
	html_raw(&b, "<p class=\"x\">");
	expect_buf(&b, "<p class=\"x\">");
}

static void test_fragment(void **state)
{
	(void)state;
	struct buf b = BUF_INIT, f = BUF_INIT;
	html_printf(&f, "<b>%s</b>", "&");
	html_fragment(&b, &f);
	expect_buf(&b, "<b>&amp;</b>");
	f.failed = 1;
	html_fragment(&b, &f);
	assert_true(b.failed);
	buf_free(&b);
	buf_free(&f);
}

static void test_hours_and_money(void **state)
{
	(void)state;
	/* hundredths of an hour, rounded: 90 min = 1.5 h; 20 min = 0.333 h;
	 * 61 min = 1.0167 h; 1 min = 0.0167 h; 45 min = 0.75 h */
	static const struct {
		int64_t minutes;
		const char *want;
	} h[] = {{0, "0"}, {60, "1"}, {90, "1.5"}, {20, "0.33"}, {61, "1.02"}, {1, "0.02"},
		 {45, "0.75"}, {600, "10"}, {1440, "24"}};
	for (size_t i = 0; i < sizeof h / sizeof h[0]; i++) {
		struct buf b = BUF_INIT;
		html_hours(&b, h[i].minutes);
		expect_buf(&b, h[i].want);
	}
	struct buf b = BUF_INIT;
	html_money(&b, 123456789);
	expect_buf(&b, "1,234,567.89");
	html_money(&b, 5);
	expect_buf(&b, "0.05");
	html_money(&b, 100000);
	expect_buf(&b, "1,000.00");
	html_money(&b, 99999);
	expect_buf(&b, "999.99");
}

static void test_layout(void **state)
{
	(void)state;
	struct req r = {0};
	r.who.account_id = 7;
	r.who.role = ROLE_MANAGER;
	snprintf(r.who.name, sizeof r.who.name, "<b>Eve</b> & co");
	snprintf(r.who.csrf, sizeof r.who.csrf, "abc123");
	page_begin(&r, "Plans & <things>", "plans");
	html_raw(&r.page, "<h1>x</h1>");
	page_end(&r);
	const char *s = buf_str(&r.page);
	assert_string_equal(r.content_type, "text/html; charset=utf-8");
	assert_true(strncmp(s, "<!doctype html>\n<html lang=\"en\">", 32) == 0);
	assert_contains(s, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
	assert_contains(s, "<title>Plans &amp; &lt;things&gt; · tandem</title>");
	assert_contains(s, "<link rel=\"stylesheet\" href=\"/assets/app.css\">");
	assert_contains(s, "<script src=\"/assets/app.js\" defer></script>");
	assert_contains(s, "<a class=\"skip\" href=\"#main\">Skip to content</a>");
	assert_contains(s, "<header");
	assert_contains(s, "<nav class=\"main-nav\" aria-label=\"Main\">");
	assert_contains(s, "<main id=\"main\"");
	assert_contains(s, "<li><a href=\"/plans\" aria-current=\"page\">Plans</a></li>");
	assert_contains(s, "<li><a href=\"/time\">Time</a></li>");
	assert_contains(s, "Management");
	assert_contains(s, "Leadership");
	assert_contains(s, "&lt;b&gt;Eve&lt;/b&gt; &amp; co");
	assert_contains(s, "<span class=\"role\">manager</span>");
	assert_contains(s, "<form method=\"post\" action=\"/logout\" class=\"signout\">"
			   "<input type=\"hidden\" name=\"csrf\" value=\"abc123\">");
	assert_contains(s, "<button type=\"submit\" class=\"link-button\">Sign out</button>");
	assert_contains(s, "</main>");
	assert_true(strstr(s, "</html>\n") != NULL);
	/* one aria-current, and no inline style or script anywhere */
	assert_true(strstr(strstr(s, "aria-current") + 1, "aria-current") == NULL);
	assert_null(strstr(s, "style="));
	assert_null(strstr(s, "<script>"));
	assert_null(strstr(s, "onclick"));
	buf_free(&r.page);

	/* signed out: no navigation, no sign-out form */
	struct req anon = {0};
	page_begin(&anon, "Sign in", NULL);
	page_end(&anon);
	assert_null(strstr(buf_str(&anon.page), "<nav"));
	assert_null(strstr(buf_str(&anon.page), "/logout"));
	buf_free(&anon.page);
}

static void test_input_with_error(void **state)
{
	(void)state;
	struct err e = {0};
	err_set(&e, 400, "name", "name: must not be empty");
	struct buf b = BUF_INIT;
	html_input(&b, &(struct input){.name = "name", .label = "Name", .value = "\"x\"",
				       .required = 1}, &e);
	const char *s = buf_str(&b);
	assert_contains(s, "<label for=\"f-name\">Name (required)</label>");
	assert_contains(s, "id=\"f-name\" name=\"name\" type=\"text\" value=\"&quot;x&quot;\"");
	assert_contains(s, "aria-describedby=\"f-name-err\" aria-invalid=\"true\"");
	assert_contains(s, "<p class=\"error\" id=\"f-name-err\">must not be empty</p>");
	buf_free(&b);

	/* the error names another field: this one is left alone */
	html_input(&b, &(struct input){.name = "due", .label = "Due", .type = "date",
				       .hint = "YYYY-MM-DD"}, &e);
	s = buf_str(&b);
	assert_contains(s, "<p class=\"hint\" id=\"f-due-hint\">YYYY-MM-DD</p>");
	assert_contains(s, "type=\"date\" aria-describedby=\"f-due-hint\">");
	assert_null(strstr(s, "aria-invalid"));
	buf_free(&b);

	static const struct option o[] = {{"1", "One"}, {"2", "T<wo>"}};
	err_set(&e, 400, "unit_id", "ignored: the first error wins");
	struct err e2 = {0};
	err_set(&e2, 404, "unit_id", "unit_id: no unit with id 9");
	html_select(&b, &(struct select){.name = "unit_id", .label = "Unit", .options = o, .n = 2,
					 .selected = "2"}, &e2);
	s = buf_str(&b);
	assert_contains(s, "<option value=\"1\">One</option><option value=\"2\" selected>"
			   "T&lt;wo&gt;</option>");
	assert_contains(s, "aria-invalid=\"true\"");
	assert_contains(s, ">no unit with id 9</p>");
	buf_free(&b);

	html_form_error(&b, &e2, 1);
	assert_contains(buf_str(&b), "role=\"alert\"");
	/* the summary names the field as its label does, not by its key */
	assert_contains(buf_str(&b), "<a href=\"#f-unit_id\">Unit: no unit with id 9</a>");
	buf_free(&b);
	struct err e3 = {0};
	err_set(&e3, ERR_BAD_INPUT, "start_date", "start_date: must be a date");
	html_form_error(&b, &e3, 0);
	assert_contains(buf_str(&b), "Start date: must be a date");
	buf_free(&b);
	struct err e4 = {0};
	err_set(&e4, ERR_CONFLICT, "", "a message of no field");
	html_form_error(&b, &e4, 1);
	assert_contains(buf_str(&b), "</strong> a message of no field</p>");
	buf_free(&b);
}

static void test_pager(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	html_pager(&b, "/plans?status=active&sort=name&", 2, 3);
	const char *s = buf_str(&b);
	assert_contains(s, "<a rel=\"prev\" href=\"/plans?status=active&amp;sort=name&amp;page=1\">");
	assert_contains(s, "Page 2 of 3");
	assert_contains(s, "href=\"/plans?status=active&amp;sort=name&amp;page=3\">Next</a>");
	buf_free(&b);
	html_pager(&b, "/plans?", 1, 1);	/* one page: no pager */
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

static void test_csv_quoting(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	struct csv c = {.b = &b};
	csv_text(&c, "plain");
	csv_text(&c, "a,b");
	csv_text(&c, "say \"hi\"");
	csv_text(&c, "two\nlines");
	csv_text(&c, "cr\rhere");
	csv_text(&c, NULL);
	csv_int(&c, -42);
	csv_end(&c);
	csv_text(&c, "=1+1");
	csv_text(&c, "+31 20");
	csv_text(&c, "-5");
	csv_text(&c, "@SUM(A1)");
	csv_text(&c, "=HYPERLINK(\"x\",\"y\")");
	csv_text(&c, "a=b");
	csv_hours(&c, 90);
	csv_money(&c, 1234);
	csv_end(&c);
	expect_buf(&b, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",,-42\r\n"
		       "'=1+1,'+31 20,'-5,'@SUM(A1),\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\",a=b,"
		       "1.50,12.34\r\n");
	/* a header row; an id, or nothing for none */
	static const char *const head[] = {"id", "unit,name"};
	csv_header(&c, head, 2);
	csv_id(&c, 7);
	csv_id(&c, 0);
	csv_end(&c);
	expect_buf(&b, "id,\"unit,name\"\r\n7,\r\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_escapes_the_five),
		cmocka_unit_test(test_text_utf8),
		cmocka_unit_test(test_url_part),
		cmocka_unit_test(test_printf_escapes_strings),
		cmocka_unit_test(test_fragment),
		cmocka_unit_test(test_hours_and_money),
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_input_with_error),
		cmocka_unit_test(test_pager),
		cmocka_unit_test(test_csv_quoting),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
