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
  // A title given that ends with its outlet's name ("... - Xinhua", "... |
  // NPR") heads a story without it, and the name is the outlet when none was
  // given. (A page's own title is left as its metadata reads it: the test
  // pages of Mozilla's Readability keep "... | IAB".)
  if (TitleParts parts = TitleWithoutOutlet(a->title); !parts.outlet.empty()) {
    if (a->source.empty()) a->source = std::move(parts.outlet);
    a->title = std::string(parts.text);
  }
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

namespace {

// A text that opens with its own title says it twice: a page's headline
// copied above the text, or run into its first line ("Red Sox - Teixeira
// Rumor December 15, 2008 at 1: 00pm CST", "Nationals' Eight - Year Offer to
// Teixeira Reportedly Bumped as High as $184M For weeks now, ..."). Read as
// text, it is a sentence the article never wrote, and its Title Case words
// are names ("Teixeira Reportedly Bumped"). The title is cut where a line
// break, or a space and what can open a sentence (a capital, a digit, a
// quotation mark, a bracket), follows it. A title that ends with a full
// stop is the text's first sentence, and stays: a feed may take the lead
// for the title ("Who will pay?" is a headline). Returns where the text
// goes on after the title, 0 when it does not open with it.
std::size_t RepeatedTitleEnd(std::string_view title, std::string_view text) {
  std::string_view end = title;  // without closing quotation marks
  for (bool cut = true; cut;) {
    cut = false;
    for (std::string_view q : {std::string_view("\""), std::string_view("'"),
                               lexicon::kRightDoubleQuote, lexicon::kRightSingleQuote}) {
      if (end.ends_with(q)) {
        end.remove_suffix(q.size());
        cut = true;
      }
    }
  }
  if (end.empty() || end.back() == '.') return 0;
  const std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || !text.substr(start).starts_with(title)) return 0;
  const std::string_view rest = text.substr(start + title.size());
  const bool own_line = !rest.empty() && (rest[0] == '\n' || rest[0] == '\r');
  const bool runs_in =
      rest.size() >= 2 && rest[0] == ' ' &&
      (lexicon::FirstCharCase(rest.substr(1)) == lexicon::Case::kUpper || AsciiDigit(rest[1]) ||
       rest[1] == '(' || rest[1] == '[' || lexicon::StartsWithQuote(rest.substr(1)));
  return own_line || runs_in ? start + title.size() : 0;
}

}  // namespace

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
  const CleanOptions options{.drop_headings = layout == TextLayout::kLines};
  const std::size_t after_title = RepeatedTitleEnd(a->title, a->text);
  CleanedText cleaned = CleanPlainText(std::string_view(a->text).substr(after_title), options);
  // A text that is only its title (and a footer) is still that text.
  if (cleaned.text.empty() && after_title > 0) cleaned = CleanPlainText(a->text, options);
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
