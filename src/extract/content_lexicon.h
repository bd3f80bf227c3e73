// What main-content extraction (content.cc) reads in markup and short lines:
// the words of class and id attributes that say "this is the article" or
// "this is page furniture", the tags and their roles, and the stock phrases
// of boilerplate lines ("Advertisement", "Read more", "Share this article").
//
// The word lists are the vocabulary web templates use, not the names of any
// one site: a class name is judged by the words it is built from
// ("article-body" -> body, "social-share-bar" -> share).
//
// Thread-safety: constants and pure functions only.
#ifndef STORYLINE_EXTRACT_CONTENT_LEXICON_H_
#define STORYLINE_EXTRACT_CONTENT_LEXICON_H_

#include <cstdint>
#include <string_view>

namespace storyline::extract::content {

// Roles of an element in the text layout, as bit flags.
enum TagFlag : uint32_t {
  kBlock = 1u << 0,      // starts a new line of text (div, p, li, h2, td...)
  kParagraph = 1u << 1,  // a block that holds one paragraph (p, li, h2, td, pre, blockquote...)
  kHeading = 1u << 2,    // h1-h6
  kList = 1u << 3,       // ul, ol, dl
  kLink = 1u << 4,       // a
  kSkip = 1u << 5,   // never page text: script, style, nav, aside, footer, figure, forms' inputs...
  kBreak = 1u << 6,  // br: ends a line inside a block
  kCleanable =
      1u << 7,        // a container judged as a whole after selection (div, section, table, ul...)
  kImage = 1u << 8,   // img, picture
  kInput = 1u << 9,   // input, select, textarea, button (counted, then skipped)
  kP = 1u << 10,      // p itself (paragraph counts)
  kTitle = 1u << 11,  // h1: the headline, not body text
  kLinkyOk = 1u << 12,   // containers that may be link-heavy in body text (pre, code, table cells)
  kListItem = 1u << 13,  // li, dd, dt: kept as text, but not scored (nav menus are lists too)
};

// Flags of a lower-case tag name; 0 for inline and unknown elements.
uint32_t TagFlags(std::string_view tag);

// The readability-style base score of a candidate container by its tag:
// div +5, pre/td/blockquote +3, lists and forms -3, headings and th -5.
int TagBaseScore(std::string_view tag);

// Evidence of one class or id attribute value. Each whitespace-separated
// name is split into words at '-', '_' and case changes; the name counts as
// positive or negative by its last evidence word (the head of an English
// compound: "article-footer" is a footer, "comment-body" a body).
struct ClassEvidence {
  bool positive = false;  // some name says content: article, body, content, story, post, entry...
  bool negative = false;  // some name says furniture: nav, footer, share, related, comment, ad...
  bool hidden = false;    // hidden, sr-only, visually-hidden, screen-reader...
};
ClassEvidence ReadClassNames(std::string_view value);

// True when `style` (an inline style attribute) hides the element.
bool StyleHides(std::string_view style);

// True when a short line is stock page furniture: "Advertisement",
// "Read more", "Share this article", "Sign up for our newsletter",
// "Photo: Reuters", "© 2024 ...", "Related:", "Loading...". `line` is one
// collapsed line of text.
bool IsFurnitureLine(std::string_view line);

}  // namespace storyline::extract::content

#endif  // STORYLINE_EXTRACT_CONTENT_LEXICON_H_
