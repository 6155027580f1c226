/* markdown: the small part of Markdown people write in a message,
 * rendered safely: every character of the text is escaped, and the only
 * markup that comes out is this module's own.
 *
 *   blank line            a new paragraph (<p>)
 *   "# ", "## ", "### "   a heading (<h3>, <h4>, <h5>: the page has its h1, h2)
 *   "- " or "* "          a list item (<ul><li>)
 *   "1. "                 a numbered item (<ol><li>)
 *   **strong**, *em*, _em_, `code`
 *   [text](https://...)   a link; only http and https addresses become links
 *                         (anything else stays text), rel="nofollow noopener"
 *
 * Anything else (HTML tags, images, tables) is shown as the text it is. */
#ifndef TANDEM_MARKDOWN_H
#define TANDEM_MARKDOWN_H

#include "base/buf.h"

/* Appends md rendered as HTML to b (NULL renders nothing). */
void markdown_html(struct buf *b, const char *md);

#endif
