// Text given as plain text that is HTML markup: a feed's or a CMS's content
// field ("<p>The port of Calais ...</p><p>Ferries ...</p>"), or the same
// escaped once ("&lt;p&gt;The port ..." decodes to it). Read as text it
// would leave "p", "href" and URLs among the words and one paragraph for the
// whole article; read as markup it is the text the markup holds, one block a
// line.
//
//   if (LooksLikeWholePage(text)) ...;  // a page: ExtractPage()
//   else if (HasMarkup(text)) text = *MarkupText(text);
//
// Thread-safety: free functions, no shared state.
#ifndef STORYLINE_EXTRACT_MARKUP_TEXT_H_
#define STORYLINE_EXTRACT_MARKUP_TEXT_H_

#include <string>
#include <string_view>

#include "storyline/status.h"

namespace storyline::extract {

// Whether `text` opens as a whole HTML page does: "<!doctype html", "<html"
// or "<head" first, after white space and a byte-order mark.
bool LooksLikeWholePage(std::string_view text);

// Whether `text` holds HTML markup: at least two tags of HTML's own
// vocabulary ("<p>", "</a>", "<br/>", "<img src=...>"), where a lone "<" or
// one tag written about ("the <b> element") is not enough. Linear time.
bool HasMarkup(std::string_view text);

// The text `markup` holds: each block element (p, div, li, h2, ...) and
// <br> starts a line, and so does a line break in the text when the markup
// has no block elements (plain text with a link or two in it); script, style, figures and asides
// are left out; character references are decoded; white space in a line is collapsed. Fails with
// kInvalidInput when the markup cannot be parsed (binary junk, over the parser's size limit).
Result<std::string> MarkupText(std::string_view markup);

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_MARKUP_TEXT_H_
