// Page metadata: title, published and modified dates, byline, site name,
// canonical URL and the declared language, from the page's own evidence.
//
//   auto doc = HtmlDocument::Parse(html);
//   PageMetadata meta = ExtractMetadata(*doc, "https://example.com/2019/03/12/a");
//
// Sources, strongest first (docs/DESIGN.md, "Page metadata", says why):
//   title      JSON-LD headline of the article (also inside @graph), the
//              dc/og/twitter/parsely title tags (kept as written), <title>
//              cleaned of the site's name at either end (or, with none known,
//              by agreement with an <h1>, else readability's rules), an <h1>.
//   published  JSON-LD datePublished, the published-time <meta> tags,
//              itemprop=datePublished, <time pubdate> / a <time datetime> not
//              marked as an update, a date in the URL path, a dateline-like
//              element near the top ("May 3, 2013").
//   modified   JSON-LD dateModified, the modified/updated <meta> tags,
//              itemprop=dateModified, a <time> marked as an update. A
//              modified date is never taken for a published one or back.
//   byline     JSON-LD author names, author <meta> tags (not URLs), then
//              itemprop=author, rel=author, class/id byline/author elements;
//              "By " and trailing dates cut, several names joined with "and".
//   site       og:site_name, the article's JSON-LD publisher, a JSON-LD
//              WebSite/Organization, application-name.
//   url        <link rel=canonical>, og:url, resolved against the page URL.
// A date is never invented: no evidence, no date (no "now", no year alone).
//
// Thread-safe: no shared state (a thread_local JSON parser).
#ifndef STORYLINE_EXTRACT_METADATA_H_
#define STORYLINE_EXTRACT_METADATA_H_

#include <optional>
#include <string>
#include <string_view>

#include "extract/html_document.h"
#include "storyline/article.h"

namespace storyline::extract {

struct PageMetadata {
  std::string title;          // entities decoded, whitespace collapsed; "" when none
  std::string byline;         // "Jane Doe" or "Jane Doe and John Roe"; "" when none
  std::string site;           // "The Guardian"; "" when none
  std::string url;            // canonical, absolute; "" when the page names none
  std::string declared_lang;  // <html lang>, content-language or og:locale, as written
  std::optional<UnixSeconds> published;
  std::optional<UnixSeconds> modified;
};

// `page_url` is where the page came from ("" when unknown); it resolves a
// relative canonical URL and may carry a date in its path. Never fails: a
// field without evidence is left empty.
PageMetadata ExtractMetadata(const HtmlDocument& doc, std::string_view page_url);

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_METADATA_H_
