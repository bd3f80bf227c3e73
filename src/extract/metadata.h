// Page metadata: title, published and modified dates, byline, site name,
// canonical URL and the declared language, from the page's own evidence
// (JSON-LD, <meta> tags, <title>, <time>, the URL). A date is never invented:
// no evidence, no date.
#ifndef STORYLINE_EXTRACT_METADATA_H_
#define STORYLINE_EXTRACT_METADATA_H_

#include <optional>
#include <string>
#include <string_view>

#include "extract/html_document.h"
#include "storyline/article.h"

namespace storyline::extract {

struct PageMetadata {
  std::string title;
  std::string byline;
  std::string site;
  std::string url;            // canonical, "" when the page names none
  std::string declared_lang;  // <html lang> or content-language, as written
  std::optional<UnixSeconds> published;
  std::optional<UnixSeconds> modified;
};

PageMetadata ExtractMetadata(const HtmlDocument& doc, std::string_view page_url);

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_METADATA_H_
