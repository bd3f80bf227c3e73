// HtmlDocument: a web page parsed by libxml2's HTML parser (the parser lxml
// and trafilatura use), always decoded to UTF-8, plus the small DOM helpers
// the extractors share.
//
//   auto doc = HtmlDocument::Parse(bytes, /*charset_hint=*/"");
//   if (!doc.ok()) Report(doc.status());
//   for (const xmlNode* n = doc->body(); ...) ...
//
// Encoding, in order of trust: a byte-order mark, the transport's charset
// (HTTP Content-Type, when the caller has it), a <meta charset> in the first
// 4 KB, then UTF-8 when the bytes are valid UTF-8, else windows-1252 (what
// browsers assume). Bytes that are not valid in the chosen UTF-8 are replaced
// with U+FFFD before parsing, so one bad byte never ends the parse.
//
// Thread-safety: documents are independent; parse on any thread.
#ifndef STORYLINE_EXTRACT_HTML_DOCUMENT_H_
#define STORYLINE_EXTRACT_HTML_DOCUMENT_H_

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "storyline/status.h"

namespace storyline::extract {

struct HtmlParseOptions {
  std::size_t max_bytes = 16u << 20;  // larger pages are refused, not truncated
};

class HtmlDocument {
 public:
  // Fails with kInvalidInput for empty input, binary data, or a page over
  // the size limit; never for broken markup (the parser recovers).
  static Result<HtmlDocument> Parse(std::string_view bytes, std::string_view charset_hint = {},
                                    const HtmlParseOptions& options = {});

  xmlDoc* doc() const { return doc_.get(); }
  const xmlNode* root() const;  // <html>, or null
  const xmlNode* head() const;  // null when the page has none
  const xmlNode* body() const;  // null when the page has none
  // The encoding the bytes were decoded from, e.g. "UTF-8", "windows-1252".
  const std::string& encoding() const { return encoding_; }

 private:
  struct DocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
  };
  std::unique_ptr<xmlDoc, DocFree> doc_;
  std::string encoding_;
};

// The charset the sniffing rules above choose for `bytes` (canonical names:
// "UTF-8", "windows-1252", "Shift_JIS", ...). Exposed for tests.
std::string SniffCharset(std::string_view bytes, std::string_view hint);

// `html` without the text of its <script> and <style> elements (the tags
// stay, so the tree has the same shape); JSON/JSON-LD scripts are kept.
// Exposed for tests.
std::string DropScriptAndStyleText(std::string_view html);

// ---- DOM helpers (all names in lower case; libxml2 lower-cases HTML names) --

inline bool IsElement(const xmlNode* n) { return n != nullptr && n->type == XML_ELEMENT_NODE; }
// The element's tag name, "" for non-elements.
std::string_view TagName(const xmlNode* n);
bool HasTag(const xmlNode* n, std::string_view tag);
// The attribute's value, "" when absent.
std::string_view Attribute(const xmlNode* n, std::string_view name);
// Text of the node and its descendants (script, style and similar left out),
// whitespace runs collapsed to one space and trimmed.
std::string NodeText(const xmlNode* n);
// Appends the raw text of the node and its descendants (no collapsing).
void AppendRawText(const xmlNode* n, std::string* out);
// Collapses whitespace runs (including U+00A0) to one space and trims.
std::string CollapseWhitespace(std::string_view s);

// Elements whose text is never page content: script, style, noscript,
// template, svg, head-only elements...
bool IsNonContentTag(std::string_view tag);

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_HTML_DOCUMENT_H_
