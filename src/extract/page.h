// ExtractPage: one HTML page -> the article it holds: main text and metadata.
// Composes html_document (parse, encoding), content (main text), metadata
// (title, dates, byline, site, canonical URL) and language (cld2).
//
//   auto page = ExtractPage(html, {.url = "https://example.com/a"});
//   if (!page.ok()) Report(page.status());   // binary, empty, no text found...
//
// Thread-safe: pages are independent.
#ifndef STORYLINE_EXTRACT_PAGE_H_
#define STORYLINE_EXTRACT_PAGE_H_

#include <optional>
#include <string>
#include <string_view>

#include "storyline/article.h"
#include "storyline/status.h"

namespace storyline::extract {

struct PageHints {
  std::string_view url;      // where the page came from, when known
  std::string_view charset;  // the transport's charset (HTTP Content-Type), when known
};

struct ExtractedPage {
  std::string url;                       // canonical URL, else the hint
  std::string title;                     // headline (a <title> is cleaned of the site name)
  std::string text;                      // main text, one paragraph a line
  std::string byline;                    // author names as the page gives them
  std::string site;                      // site name ("The Guardian")
  std::string lang;                      // BCP 47 primary tag ("en"); "" when unknown
  std::optional<UnixSeconds> published;  // never invented
  std::optional<UnixSeconds> modified;
};

// Fails with kInvalidInput (and the reason) for a page that cannot be parsed
// or holds no article text.
Result<ExtractedPage> ExtractPage(std::string_view html, const PageHints& hints = {});

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_PAGE_H_
