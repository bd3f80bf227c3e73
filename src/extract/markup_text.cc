#include "extract/markup_text.h"

#include <algorithm>
#include <cstring>

#include "extract/content_lexicon.h"
#include "extract/html_document.h"
#include "util/ascii.h"

namespace storyline::extract {
namespace {

using std::string_view;

// Inline elements of running text, which content::TagFlags() gives no role.
bool IsInlineTag(string_view tag) {
  static constexpr string_view kTags[] = {"b",    "i",    "u",    "s",     "em",   "strong",
                                          "span", "sup",  "sub",  "small", "cite", "q",
                                          "code", "font", "mark", "abbr",  "time"};
  for (string_view t : kTags) {
    if (t == tag) return true;
  }
  return false;
}

// The lower-case name of the tag opening at text[lt] ('<'), when it is one of
// HTML's: '<', an optional '/', letters and digits, then white space, '/'
// or '>', and a '>' within the next kMaxTagBytes. "" otherwise.
std::string TagNameAt(string_view text, size_t lt) {
  constexpr size_t kMaxTagBytes = 1000;
  size_t i = lt + 1;
  if (i < text.size() && text[i] == '/') ++i;
  const size_t start = i;
  while (i < text.size() && i - start < 12 && AsciiAlnum(text[i])) ++i;
  if (i == start || i >= text.size() || !AsciiAlpha(text[start])) return {};
  if (std::strchr(" \t\n\r/>", text[i]) == nullptr || text[i] == '\0') return {};
  if (text.substr(i, kMaxTagBytes).find('>') == string_view::npos) return {};
  return AsciiLowered(text.substr(start, i - start));
}

// Calls f(name) for the lower-case name of each of the first tags in
// `text` until it returns true; returns whether it did. Markup shows its
// tags early: looking at no more than 256 '<' bounds the work on text that
// holds nothing but '<'.
template <class F>
bool AnyTag(string_view text, F f) {
  constexpr int kMaxLooks = 256;
  int looks = 0;
  for (size_t lt = text.find('<'); lt != string_view::npos && looks++ < kMaxLooks;
       lt = text.find('<', lt + 1)) {
    const std::string name = TagNameAt(text, lt);
    if (!name.empty() && f(string_view(name))) return true;
  }
  return false;
}

// Appends the text under `n` and its siblings, a '\n' around each block and
// for each <br>. `breaks`: whether a line break in the text is one too (text
// whose markup is only inline, a link or two in lines of plain text), or is
// white space as HTML has it.
void AppendLines(const xmlNode* n, bool breaks, std::string* out) {
  for (; n != nullptr; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content == nullptr) continue;
      const size_t from = out->size();
      out->append(reinterpret_cast<const char*>(n->content));
      if (!breaks) std::replace(out->begin() + from, out->end(), '\n', ' ');
      continue;
    }
    if (n->type != XML_ELEMENT_NODE) continue;
    const uint32_t flags = content::TagFlags(TagName(n));
    if (flags & content::kSkip) continue;
    if (flags & content::kBreak) {
      out->push_back('\n');
      continue;
    }
    const bool block = flags & (content::kBlock | content::kParagraph);
    if (block) out->push_back('\n');
    // Depth is bounded by the parser's nesting limit.
    AppendLines(n->children, breaks, out);
    if (block) out->push_back('\n');
  }
}

}  // namespace

bool LooksLikeWholePage(string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == string_view::npos || text[first] != '<') return false;
  const std::string head = AsciiLowered(text.substr(first, 14));
  return head.starts_with("<!doctype html") || TagNameAt(text, first) == "html" ||
         TagNameAt(text, first) == "head";
}

bool HasMarkup(string_view text) {
  int tags = 0;
  return AnyTag(text, [&tags](string_view name) {
    return (content::TagFlags(name) != 0 || IsInlineTag(name)) && ++tags == 2;
  });
}

Result<std::string> MarkupText(string_view markup) {
  auto doc = HtmlDocument::Parse(markup, "UTF-8");
  if (!doc.ok()) return doc.status();
  std::string raw;
  const xmlNode* top = doc->body() != nullptr ? doc->body() : doc->root();
  // The tags as written, not the tree: the parser wraps loose text in a <p>.
  const bool blocks = AnyTag(markup, [](string_view name) {
    return (content::TagFlags(name) & (content::kBlock | content::kParagraph | content::kBreak)) !=
           0;
  });
  if (top != nullptr) AppendLines(top->children, !blocks, &raw);
  std::string out;
  for (size_t start = 0; start < raw.size();) {
    const size_t end = std::min(raw.find('\n', start), raw.size());
    const std::string line = CollapseWhitespace(string_view(raw).substr(start, end - start));
    if (!line.empty()) {
      if (!out.empty()) out.push_back('\n');
      out += line;
    }
    start = end + 1;
  }
  return out;
}

}  // namespace storyline::extract
