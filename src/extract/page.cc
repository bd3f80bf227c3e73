#include "extract/page.h"

#include "extract/content.h"
#include "extract/html_document.h"
#include "extract/language.h"
#include "extract/metadata.h"

namespace storyline::extract {

Result<ExtractedPage> ExtractPage(std::string_view html, const PageHints& hints) {
  auto doc = HtmlDocument::Parse(html, hints.charset);
  if (!doc.ok()) return doc.status();
  PageMetadata meta = ExtractMetadata(*doc, hints.url);
  ExtractedPage page;
  page.text = ExtractMainText(*doc);
  if (page.text.empty()) return Status::InvalidInput("no article text found in the page");
  page.url = meta.url.empty() ? std::string(hints.url) : std::move(meta.url);
  page.title = std::move(meta.title);
  page.byline = std::move(meta.byline);
  page.site = std::move(meta.site);
  page.published = meta.published;
  page.modified = meta.modified;
  page.lang = DetectLanguage(page.text, meta.declared_lang, page.url);
  return page;
}

}  // namespace storyline::extract
