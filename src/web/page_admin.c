/* page_admin: what only admins see: the audit log (GET /audit). */
#include <time.h>

#include "org/audit.h"
#include "web/page.h"

struct audit_q {
	struct listq l;
};

static const struct field audit_q_fields[] = {
	LIST_FIELDS(struct audit_q),
	{0},
};

int audit_page(struct req *r)
{
	struct audit_q q = {0};
	unsigned set = 0;
	if (page_query(r, audit_q_fields, &q, &set))
		return -1;
	int64_t page = q.l.page > 0 ? q.l.page : 1;
	struct audit_entry *v;
	size_t n;
	/* one more than a page tells whether there is a next one */
	if (audit_list(r->db, r->a, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE, &v, &n, &r->e))
		return -1;
	int more = n > PAGE_SIZE;
	if (more)
		n = PAGE_SIZE;
	page_begin(r, "Audit log", "audit");
	struct buf *b = &r->page;
	html_raw(b, "<h1>Audit log</h1>\n<p class=\"lead\">Every change, newest first: when, "
		    "through what (the command line, the API or these pages), who, and what.</p>\n");
	if (!n) {
		html_raw(b, "<p class=\"empty\">Nothing has been changed yet.</p>\n");
	} else {
		html_raw(b, "<table>\n<thead><tr><th scope=\"col\">When (UTC)</th>"
			    "<th scope=\"col\">Through</th><th scope=\"col\">Who</th>"
			    "<th scope=\"col\">What</th><th scope=\"col\">Record</th>"
			    "<th scope=\"col\">Details</th></tr></thead>\n<tbody>\n");
		for (size_t i = 0; i < n; i++) {
			char when[32];
			time_t t = (time_t)v[i].at;
			struct tm tm;
			gmtime_r(&t, &tm);
			strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
			html_printf(b, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>", when,
				    v[i].via, v[i].actor, v[i].action);
			if (v[i].entity_id)
				html_printf(b, "%lld", (long long)v[i].entity_id);
			html_printf(b, "</td><td class=\"detail\">%s</td></tr>\n", v[i].detail);
		}
		html_raw(b, "</tbody></table>\n");
	}
	html_raw(b, "<nav class=\"pager\" aria-label=\"Pages\">");
	if (page > 1)
		html_printf(b, "<a href=\"/audit?page=%lld\">Newer</a> ", (long long)(page - 1));
	if (more)
		html_printf(b, "<a href=\"/audit?page=%lld\">Older</a>", (long long)(page + 1));
	html_raw(b, "</nav>\n");
	page_end(r);
	return 0;
}
