#include "extract/html_document.h"

#include <libxml/encoding.h>
#include <libxml/parser.h>

#include <algorithm>
#include <mutex>

#include "util/ascii.h"
#include "util/utf8.h"

namespace storyline::extract {
namespace {

// The value after "charset=" in `s` (a meta content or a Content-Type).
std::string CharsetParam(std::string_view s, std::size_t from) {
  std::size_t i = from;
  while (i < s.size() && (s[i] == ' ' || s[i] == '=' || s[i] == '"' || s[i] == '\'')) ++i;
  std::size_t j = i;
  while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '-' ||
                          s[j] == '_' || s[j] == ':' || s[j] == '.')) {
    ++j;
  }
  return std::string(s.substr(i, j - i));
}

// HTML5's prescan, simplified: the first charset named inside a <meta> tag
// within the first 4 KB.
std::string MetaCharset(std::string_view bytes) {
  std::string head = AsciiLowered(bytes.substr(0, 4096));
  std::size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    std::size_t end = head.find('>', pos);
    if (end == std::string::npos) break;
    std::string_view tag(head.data() + pos, end - pos);
    std::size_t cs = tag.find("charset");
    if (cs != std::string_view::npos) {
      std::string name = CharsetParam(tag, cs + 7);
      if (!name.empty()) return name;
    }
    pos = end;
  }
  return {};
}

// Maps a declared charset to the name libxml2 (iconv) should decode with;
// "" when it is unknown. Latin-1 and ASCII labels mean windows-1252 on the web.
std::string Canonical(std::string_view declared) {
  std::string name = AsciiLowered(declared);
  if (name.empty()) return {};
  if (name == "utf8" || name == "utf-8" || name == "unicode-1-1-utf-8") return "UTF-8";
  if (name == "iso-8859-1" || name == "iso8859-1" || name == "latin1" || name == "l1" ||
      name == "us-ascii" || name == "ascii" || name == "windows-1252" || name == "cp1252" ||
      name == "x-cp1252") {
    return "windows-1252";
  }
  if (name == "shift_jis" || name == "x-sjis" || name == "shift-jis" || name == "sjis") {
    return "Shift_JIS";
  }
  if (name == "gb2312" || name == "gbk" || name == "x-gbk") return "GBK";
  // UTF-16 declared inside a page that we can read as ASCII is a lie.
  if (name.rfind("utf-16", 0) == 0) return {};
  xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(name.c_str());
  if (handler == nullptr) return {};
  xmlCharEncCloseFunc(handler);
  return name;
}

bool LooksBinary(std::string_view bytes) {
  std::string_view probe = bytes.substr(0, 8192);
  std::size_t control = 0;
  for (unsigned char c : probe) {
    if (c == 0) return true;
    if (c < 0x09 || (c > 0x0D && c < 0x20)) ++control;
  }
  return control * 10 > probe.size();
}

void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace

namespace {

// SniffCharset, with the UTF-8 validity of `bytes` already known.
std::string Sniff(std::string_view bytes, std::string_view hint, bool valid_utf8) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return "UTF-8";
  if (bytes.substr(0, 2) == "\xFF\xFE") return "UTF-16LE";
  if (bytes.substr(0, 2) == "\xFE\xFF") return "UTF-16BE";
  if (std::string c = Canonical(hint); !c.empty()) return c;
  if (std::string c = Canonical(MetaCharset(bytes)); !c.empty()) return c;
  return valid_utf8 ? "UTF-8" : "windows-1252";
}

// Where the start tag that opens at `lt` ends (just past its '>'), honouring
// quoted attribute values; npos when it never ends.
std::size_t StartTagEnd(std::string_view html, std::size_t lt) {
  char quote = 0;
  for (std::size_t i = lt + 1; i < html.size(); ++i) {
    char c = html[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::string SniffCharset(std::string_view bytes, std::string_view hint) {
  return Sniff(bytes, hint, IsValidUtf8(bytes));
}

std::string DropScriptAndStyleText(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  std::size_t copied = 0, pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    std::string_view name;
    if (AsciiStartsWithFolded(html.substr(pos + 1), "script")) {
      name = "script";
    } else if (AsciiStartsWithFolded(html.substr(pos + 1), "style")) {
      name = "style";
    }
    std::size_t after = pos + 1 + name.size();
    if (name.empty() || after >= html.size() ||
        !(html[after] == '>' || html[after] == '/' ||
          std::isspace(static_cast<unsigned char>(html[after])))) {
      ++pos;
      continue;
    }
    std::size_t open_end = StartTagEnd(html, pos);
    if (open_end == std::string_view::npos) break;
    std::string_view open_tag = html.substr(pos, open_end - pos);
    // JSON-LD is metadata the extractor reads; keep it.
    bool keep = name == "script" && AsciiLowered(open_tag).find("json") != std::string::npos;
    // The element's text runs to the first "</script" (or "</style"), as in
    // HTML's raw-text elements.
    std::size_t close = open_end;
    while ((close = html.find("</", close)) != std::string_view::npos &&
           !AsciiStartsWithFolded(html.substr(close + 2), name)) {
      close += 2;
    }
    if (close == std::string_view::npos) break;
    if (!keep) {
      out.append(html.substr(copied, open_end - copied));
      copied = close;
    }
    pos = close + 2;
  }
  out.append(html.substr(copied));
  return out;
}

Result<HtmlDocument> HtmlDocument::Parse(std::string_view bytes, std::string_view charset_hint,
                                         const HtmlParseOptions& options) {
  if (bytes.size() > options.max_bytes) {
    return Status::InvalidInput("page of " + std::to_string(bytes.size()) +
                                " bytes exceeds the limit of " + std::to_string(options.max_bytes));
  }
  std::size_t blank = 0;
  while (blank < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[blank]))) ++blank;
  if (blank == bytes.size()) return Status::InvalidInput("empty page");

  HtmlDocument out;
  bool valid_utf8 = IsValidUtf8(bytes);
  out.encoding_ = Sniff(bytes, charset_hint, valid_utf8);
  bool utf16 = out.encoding_.rfind("UTF-16", 0) == 0;
  if (!utf16 && LooksBinary(bytes)) return Status::InvalidInput("binary data, not HTML");

  std::string repaired;
  if (out.encoding_ == "UTF-8" && !valid_utf8) {
    repaired = ReplaceInvalidUtf8(bytes);
    bytes = repaired;
  }
  // Scripts and style sheets are half the bytes of a typical news page and
  // libxml2 walks them a character at a time; nothing reads them.
  std::string lean;
  if (!utf16) {
    lean = DropScriptAndStyleText(bytes);
    bytes = lean;
  }
  InitLibxml();
  // The parser recovers from any markup; errors and warnings would only go
  // to stderr. We chose the encoding ourselves, so a <meta> must not switch it.
  int flags = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
              HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
  out.doc_.reset(htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr,
                                out.encoding_.c_str(), flags));
  if (out.doc_ == nullptr || xmlDocGetRootElement(out.doc_.get()) == nullptr) {
    return Status::InvalidInput("no HTML document could be parsed");
  }
  return out;
}

const xmlNode* HtmlDocument::root() const {
  return doc_ ? xmlDocGetRootElement(doc_.get()) : nullptr;
}

namespace {
const xmlNode* ChildElement(const xmlNode* parent, std::string_view tag) {
  if (parent == nullptr) return nullptr;
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (HasTag(c, tag)) return c;
  }
  return nullptr;
}
}  // namespace

const xmlNode* HtmlDocument::head() const { return ChildElement(root(), "head"); }
const xmlNode* HtmlDocument::body() const { return ChildElement(root(), "body"); }

std::string_view TagName(const xmlNode* n) {
  if (!IsElement(n) || n->name == nullptr) return {};
  return reinterpret_cast<const char*>(n->name);
}

bool HasTag(const xmlNode* n, std::string_view tag) { return TagName(n) == tag; }

std::string_view Attribute(const xmlNode* n, std::string_view name) {
  if (!IsElement(n)) return {};
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (a->name == nullptr || reinterpret_cast<const char*>(a->name) != name) continue;
    const xmlNode* v = a->children;
    if (v != nullptr && v->type == XML_TEXT_NODE && v->next == nullptr && v->content != nullptr) {
      return reinterpret_cast<const char*>(v->content);
    }
    return {};
  }
  return {};
}

bool IsNonContentTag(std::string_view tag) {
  static constexpr std::string_view kTags[] = {
      "script", "style", "noscript", "template", "svg",      "math",   "iframe",
      "object", "embed", "canvas",   "select",   "textarea", "button", "head"};
  return std::find(std::begin(kTags), std::end(kTags), tag) != std::end(kTags);
}

void AppendRawText(const xmlNode* n, std::string* out) {
  if (n == nullptr) return;
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    if (n->content != nullptr) out->append(reinterpret_cast<const char*>(n->content));
    return;
  }
  if (n->type != XML_ELEMENT_NODE) return;
  if (HasTag(n, "br")) {
    out->push_back('\n');
    return;
  }
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (IsElement(c) && IsNonContentTag(TagName(c))) continue;
    AppendRawText(c, out);
  }
}

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      ws = true;  // U+00A0 no-break space
      ++i;
    }
    if (ws) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(static_cast<char>(c));
  }
  return out;
}

std::string NodeText(const xmlNode* n) {
  std::string raw;
  AppendRawText(n, &raw);
  return CollapseWhitespace(raw);
}

}  // namespace storyline::extract
