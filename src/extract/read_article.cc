#include "extract/read_article.h"

#include <algorithm>
#include <utility>

#include "extract/char_refs.h"
#include "extract/cleaner_lexicon.h"
#include "extract/language.h"
#include "extract/markup_text.h"
#include "extract/outlet.h"
#include "extract/page.h"
#include "extract/text_cleaner.h"
#include "util/ascii.h"
#include "util/time.h"
#include "util/utf8.h"

namespace storyline::extract {

Status ExtractArticleHtml(Article* a, PageOnly* page) {
  if (a->html.empty()) return Status::Ok();
  auto p = ExtractPage(a->html, {.url = a->url, .charset = a->charset});
  a->html.clear();
  a->html.shrink_to_fit();
  if (!p.ok()) return p.status();
  if (a->text.empty()) a->text = std::move(p->text);
  if (a->title.empty()) a->title = std::move(p->title);
  if (a->url.empty()) a->url = std::move(p->url);
  if (a->source.empty()) a->source = std::move(p->site);
  if (a->lang.empty()) a->lang = std::move(p->lang);
  if (!a->published) a->published = p->published;
  if (page != nullptr) {
    page->byline = std::move(p->byline);
    page->modified = p->modified;
  }
  return Status::Ok();
}

Result<TextLayout> ReadArticleSource(Article* a, PageOnly* page) {
  // A text that is a whole page is read as one.
  if (a->html.empty() && LooksLikeWholePage(a->text)) {
    a->html = std::move(a->text);
    a->text.clear();
  }
  // Text and title given as plain text may come HTML-escaped; a page's are
  // decoded by its parser.
  DecodeCharacterReferences(&a->text);
  DecodeCharacterReferences(&a->title);
  // Text that is markup, as given or once decoded (a feed's content field):
  // the text it marks up, a block a line.
  TextLayout layout = TextLayout::kLines;
  if (HasMarkup(a->text)) {
    if (auto text = MarkupText(a->text); text.ok()) {
      a->text = std::move(*text);
      layout = TextLayout::kMarkup;
    }
  }
  if (!a->html.empty() && a->text.empty()) layout = TextLayout::kMarkup;
  STORYLINE_RETURN_IF_ERROR(ExtractArticleHtml(a, page));
  return layout;
}

Status FinishReadingArticle(Article* a, TextLayout layout, PageOnly* page) {
  // UTF-8 read as windows-1252 on its way here arrives as mojibake: "itâ€™s"
  // is "it’s", "cafÃ©" "café". Text that went through Latin-1 carries
  // windows-1252's quotes, dashes and bullets as C1 controls:
  // "livid\u0097they" is two words, "\u0091\u0091Such ...\u0092\u0092 said" a
  // quotation.
  for (std::string* s : {&a->text, &a->title, &a->source}) RepairEncoding(s);
  if (page != nullptr) RepairEncoding(&page->byline);
  // A title that is only a date ("Saturday November 20, 2004 6:23PM", a
  // scraper's "Last Updated: Monday, 28 November 2005" line) names no story
  // and would head it: it dates an article that came without a date, and a
  // headline at the top of the text may stand in for it.
  if (std::any_of(a->title.begin(), a->title.end(), AsciiDigit) &&
      lexicon::IsDateLine(a->title, lexicon::CountWords(a->title))) {
    if (!a->published) a->published = FindDateInText(a->title);
    a->title.clear();
  }
  CleanedText cleaned = CleanPlainText(a->text, {.drop_headings = layout == TextLayout::kLines});
  if (cleaned.text.empty()) {
    return Status::InvalidInput("no article text left after removing captions and boilerplate");
  }
  a->text = std::move(cleaned.text);
  if (a->title.empty()) a->title = std::move(cleaned.headline);
  // The outlet the text names as its own: a dateline's wire credit, the
  // copyright footer's holder, "Asia Times understands ...".
  if (a->source.empty()) a->source = OutletNamedIn(a->text, cleaned.copyright);
  // The language of a text that came without one; "" when it cannot be told.
  if (a->lang.empty()) a->lang = TextLanguage(a->text);
  // A visible dateline ("May 3, 2013") dates an article that came without one.
  if (!a->published && !cleaned.dateline.empty()) a->published = FindDateInText(cleaned.dateline);
  return Status::Ok();
}

Status ReadArticle(Article* a, PageOnly* page) {
  auto layout = ReadArticleSource(a, page);
  if (!layout.ok()) return layout.status();
  return FinishReadingArticle(a, *layout, page);
}

}  // namespace storyline::extract
