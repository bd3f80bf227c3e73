// What storyline reads of one article, the same steps wherever an article is
// read: `cluster` and `serve` (StoryEngine::Prepare()), `extract` (so that it
// prints the text the others analyse) and `df` (the prior's counts).
//
//   PageOnly page;
//   STORYLINE_RETURN_IF_ERROR(ReadArticle(&article, &page));
//   Analyze(article.title, article.text);
//
// Thread-safety: free functions, no shared state.
#ifndef STORYLINE_EXTRACT_READ_ARTICLE_H_
#define STORYLINE_EXTRACT_READ_ARTICLE_H_

#include <optional>
#include <string>

#include "storyline/article.h"
#include "storyline/status.h"

namespace storyline::extract {

// What an HTML page tells that `Article` has no field for.
struct PageOnly {
  std::string byline;
  std::optional<UnixSeconds> modified;
};

// Replaces `a`'s HTML page (`a->html`, then cleared) by what the page holds:
// its main text, title, URL, site (as source), language and publication
// date, each where `a` has none of its own; the byline and modified time go
// to `page` when not null. No-op without HTML. Fails with kInvalidInput for
// a page that cannot be parsed or holds no article text.
Status ExtractArticleHtml(Article* a, PageOnly* page = nullptr);

// How the lines of an article's text were made: written as lines (plain
// text), or laid out by markup (a page, or a text that is markup), whose
// subheadings are the article's.
enum class TextLayout { kLines, kMarkup };

// Steps 1 and 2 of ReadArticle() below: `a` with its text as written, before
// repairs and cleaning (a page's extracted text, a markup text's text,
// references decoded); what the server's search indexes. Then
// FinishReadingArticle() does steps 3 and 4.
Result<TextLayout> ReadArticleSource(Article* a, PageOnly* page = nullptr);
Status FinishReadingArticle(Article* a, TextLayout layout, PageOnly* page = nullptr);

// Makes `a` the article storyline reads, in this order:
//   1. a text that is a whole page (LooksLikeWholePage()) becomes the page;
//      character references in a text and title given as plain text are
//      decoded ("&quot;No,&quot; she said"); a text that is then markup (a
//      feed's content field, HasMarkup()) becomes the text it marks up;
//   2. an HTML page is read (ExtractArticleHtml());
//   3. mojibake ("itâ€™s") and windows-1252 C1 controls are repaired in the
//      text, title, source and byline; a title that is only a date
//      ("Saturday November 20, 2004 6:23PM") is dropped, and dates the
//      article when it came without a date;
//   4. the text is cleaned of what is not the article (captions, credits,
//      footers, bylines, furniture: CleanPlainText(); a page's or markup's
//      subheadings stay); a headline line at its top becomes the title, a
//      dateline the publication date, and the outlet the text names as its
//      own the source (OutletNamedIn()), where the article has none.
// Fails with kInvalidInput when the page cannot be read or no text is left;
// `a` is then partly read.
Status ReadArticle(Article* a, PageOnly* page = nullptr);

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_READ_ARTICLE_H_
