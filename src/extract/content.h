// Main-content extraction: the article body of a page without navigation,
// ads, related links, comments, share bars, captions, credits and footers.
// Paragraphs and list items come out one a line.
#ifndef STORYLINE_EXTRACT_CONTENT_H_
#define STORYLINE_EXTRACT_CONTENT_H_

#include <string>

#include "extract/html_document.h"

namespace storyline::extract {

// The page's main text; "" when it has none.
std::string ExtractMainText(const HtmlDocument& doc);

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_CONTENT_H_
