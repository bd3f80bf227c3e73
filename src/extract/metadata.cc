#include "extract/metadata.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "util/ascii.h"
#include "util/json_parser.h"
#include "util/time.h"
#include "util/utf8.h"

namespace storyline::extract {
namespace {

// ---------------------------------------------------------------- strings --

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (AsciiLower(s[i]) != prefix[i]) return false;
  }
  return true;
}

// Decodes the character references that survive in metadata values: libxml2
// decodes attributes once, but many sites escape twice ("&amp;#8217;"), and
// JSON-LD strings are not HTML-decoded at all.
std::string DecodeEntities(std::string_view s) {
  if (!Contains(s, "&")) return std::string(s);
  struct Named {
    std::string_view name;
    std::uint32_t cp;
  };
  static constexpr Named kNamed[] = {
      {"amp", '&'},       {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
      {"apos", '\''},     {"nbsp", 0xA0},    {"rsquo", 0x2019}, {"lsquo", 0x2018},
      {"rdquo", 0x201D},  {"ldquo", 0x201C}, {"mdash", 0x2014}, {"ndash", 0x2013},
      {"hellip", 0x2026}, {"laquo", 0xAB},   {"raquo", 0xBB},   {"middot", 0xB7},
      {"copy", 0xA9},     {"eacute", 0xE9},  {"egrave", 0xE8},  {"aacute", 0xE1},
      {"oacute", 0xF3},   {"iacute", 0xED},  {"uacute", 0xFA},  {"ntilde", 0xF1},
      {"ccedil", 0xE7},   {"auml", 0xE4},    {"ouml", 0xF6},    {"uuml", 0xFC},
      {"szlig", 0xDF},    {"agrave", 0xE0},  {"ecirc", 0xEA},   {"bull", 0x2022}};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out.push_back(s[i++]);
      continue;
    }
    std::size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back(s[i++]);
      continue;
    }
    std::string_view ref = s.substr(i + 1, semi - i - 1);
    bool done = false;
    if (ref.size() >= 2 && ref[0] == '#') {
      bool hex = ref[1] == 'x' || ref[1] == 'X';
      std::uint32_t cp = 0;
      bool ok = ref.size() > (hex ? 2u : 1u);
      for (std::size_t k = hex ? 2 : 1; k < ref.size() && ok; ++k) {
        char c = ref[k];
        int digit = (c >= '0' && c <= '9')          ? c - '0'
                    : (hex && c >= 'a' && c <= 'f') ? c - 'a' + 10
                    : (hex && c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                    : -1;
        if (digit < 0) ok = false;
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
      }
      if (ok) {
        AppendUtf8(cp, &out);
        done = true;
      }
    } else {
      for (const Named& n : kNamed) {
        if (n.name == ref) {
          AppendUtf8(n.cp, &out);
          done = true;
          break;
        }
      }
    }
    if (done) {
      i = semi + 1;
    } else {
      out.push_back(s[i++]);
    }
  }
  return out;
}

// Entities decoded (twice escaped included), whitespace collapsed.
std::string CleanValue(std::string_view s) {
  std::string once = DecodeEntities(s);
  if (Contains(once, "&")) once = DecodeEntities(once);
  return CollapseWhitespace(once);
}

// Lower-case ASCII letters and digits, non-ASCII bytes kept: "The Guardian"
// and "the-guardian" compare equal.
std::string Fold(std::string_view s) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) out.push_back(AsciiLower(c));
  }
  return out;
}

std::size_t WordCount(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool ws = c == ' ' || c == '\t' || c == '\n';
    if (!ws && !in) ++n;
    in = !ws;
  }
  return n;
}

bool LooksLikeUrl(std::string_view s) {
  return StartsWithNoCase(s, "http://") || StartsWithNoCase(s, "https://") ||
         StartsWithNoCase(s, "www.") || StartsWithNoCase(s, "//");
}

// ------------------------------------------------------------------- URLs --

// "https://www.example.co.uk/a" -> "example": the registrable label, for
// recognising the site's name in a title.
std::string HostLabel(std::string_view url) {
  std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  std::string_view host = rest.substr(0, rest.find_first_of("/?#:"));
  std::vector<std::string_view> labels;
  while (!host.empty()) {
    std::size_t dot = host.find('.');
    labels.push_back(host.substr(0, dot));
    if (dot == std::string_view::npos) break;
    host.remove_prefix(dot + 1);
  }
  if (labels.size() < 2) return {};
  std::size_t i = labels.size() - 2;
  // "co.uk", "com.au", "org.br": a short second-level label under a country.
  if (labels.back().size() == 2 && labels[i].size() <= 3 && i > 0) --i;
  return Fold(labels[i]);
}

std::string_view Scheme(std::string_view url) {
  std::size_t colon = url.find(':');
  if (colon == std::string_view::npos) return {};
  return url.substr(0, colon);
}

bool IsHttp(std::string_view url) {
  return StartsWithNoCase(url, "http://") || StartsWithNoCase(url, "https://");
}

// "a/./b/../c" -> "a/c" on the path part of an absolute URL.
std::string RemoveDotSegments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  bool trailing = false;
  while (i <= path.size()) {
    std::size_t slash = path.find('/', i);
    std::string_view seg = path.substr(i, slash == std::string_view::npos ? path.npos : slash - i);
    trailing = false;
    if (seg == "..") {
      if (out.size() > 1) out.pop_back();
      trailing = true;
    } else if (seg == ".") {
      trailing = true;
    } else {
      out.push_back(seg);
    }
    if (slash == std::string_view::npos) break;
    i = slash + 1;
  }
  std::string joined;
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (k) joined.push_back('/');
    joined.append(out[k]);
  }
  if (trailing && (joined.empty() || joined.back() != '/')) joined.push_back('/');
  return joined;
}

}  // namespace

std::string ResolveUrl(std::string_view base, std::string_view ref) {
  std::string r = CollapseWhitespace(ref);
  if (r.empty()) return {};
  if (IsHttp(r)) return r;
  std::size_t colon = r.find(':');
  if (colon != std::string::npos && r.find_first_of("/?#") > colon) return {};  // mailto:, data:
  if (!IsHttp(base)) return {};
  std::string_view scheme = Scheme(base);
  if (r.rfind("//", 0) == 0) return std::string(scheme) + ":" + r;
  std::size_t authority_end = base.find_first_of("/?#", scheme.size() + 3);
  std::string_view origin = base.substr(0, authority_end);
  std::string_view path_and_more =
      authority_end == std::string_view::npos ? std::string_view("/") : base.substr(authority_end);
  if (r[0] == '/') return std::string(origin) + RemoveDotSegments(r);
  std::string_view no_fragment = base.substr(0, base.find('#'));
  if (r[0] == '#') return std::string(no_fragment) + r;
  if (r[0] == '?') return std::string(no_fragment.substr(0, no_fragment.find('?'))) + r;
  std::string_view path = path_and_more.substr(0, path_and_more.find_first_of("?#"));
  if (path.empty() || path[0] != '/') path = "/";
  std::string dir(path.substr(0, path.rfind('/') + 1));
  return std::string(origin) + RemoveDotSegments(dir + r);
}

std::optional<UnixSeconds> DateInUrl(std::string_view url) {
  std::size_t scheme = url.find("://");
  std::size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path == std::string_view::npos) return std::nullopt;
  url = url.substr(path, url.find_first_of("?#", path) - path);
  auto digit = [&](std::size_t i) { return i < url.size() && url[i] >= '0' && url[i] <= '9'; };
  auto number = [&](std::size_t i, std::size_t n) {
    int v = 0;
    for (std::size_t k = i; k < i + n; ++k) v = v * 10 + (url[k] - '0');
    return v;
  };
  auto sep = [&](std::size_t i) {
    return i < url.size() && (url[i] == '/' || url[i] == '-' || url[i] == '_' || url[i] == '.');
  };
  for (std::size_t i = 1; i + 8 <= url.size(); ++i) {
    if (digit(i - 1) || !digit(i) || !digit(i + 3)) continue;
    if (!(url[i - 1] == '/' || url[i - 1] == '-' || url[i - 1] == '_')) continue;
    std::size_t y_end = i;
    while (digit(y_end)) ++y_end;
    int y = 0, m = 0, d = 0;
    std::size_t end = 0;
    if (y_end - i == 4 && sep(y_end)) {  // 2019/03/12, 2019-3-12
      std::size_t mi = y_end + 1, me = mi;
      while (digit(me)) ++me;
      if (me - mi < 1 || me - mi > 2 || !sep(me) || url[me] != url[y_end]) continue;
      std::size_t di = me + 1, de = di;
      while (digit(de)) ++de;
      if (de - di < 1 || de - di > 2) continue;
      y = number(i, 4), m = number(mi, me - mi), d = number(di, de - di), end = de;
    } else if (y_end - i == 8) {  // 20190312
      y = number(i, 4), m = number(i + 4, 2), d = number(i + 6, 2), end = y_end;
    } else {
      continue;
    }
    if (end < url.size() && !sep(end)) continue;
    if (y < 1995 || y > 2100 || m < 1 || m > 12 || d < 1) continue;
    char iso[32];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
    if (auto t = ParseIsoTime(iso)) return t;
  }
  return std::nullopt;
}

namespace {

// ------------------------------------------------------------ site names --

struct SiteNames {
  std::vector<std::string> folded;  // Fold() of each known name
  std::string host;                 // HostLabel() of the page URL
};

// Whether a title segment is the site's name: equal to a known name (or one
// contains the other, "BBC News" / "BBC"), or to the host's label
// ("Salon.com" on salon.com). Long segments are never the site.
bool IsSiteSegment(std::string_view segment, const SiteNames& sites) {
  if (WordCount(segment) > 6 || segment.size() > 60) return false;
  std::string k = Fold(segment);
  if (k.empty()) return false;
  for (const std::string& s : sites.folded) {
    if (s.empty()) continue;
    if (k == s) return true;
    if (s.size() >= 3 && Contains(k, s) && k.size() <= s.size() * 2 + 4) return true;
    if (k.size() >= 4 && Contains(s, k) && k.size() * 2 >= s.size()) return true;
  }
  const std::string& h = sites.host;
  if (h.size() >= 3) {
    if (k == h) return true;
    if (Contains(k, h) && k.size() <= h.size() + 8) return true;
    if (k.size() >= 4 && Contains(h, k) && k.size() * 2 >= h.size()) return true;
  }
  return false;
}

struct Segment {
  std::size_t begin, end;  // byte range in the title
};

// The title split at " | ", " - ", " – ", " — ", " · ", " :: ", " » ",
// " / ", " // ", " \ ", " > ", " ~ ", " • ".
std::vector<Segment> SplitTitle(std::string_view t) {
  static constexpr std::string_view kSeps[] = {
      "|", "-", "\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xB7", "::", "\xC2\xBB", "/", "//", "\\",
      ">", "~", "\xE2\x80\xA2"};
  std::vector<Segment> out;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] != ' ') continue;
    for (std::string_view sep : kSeps) {
      std::size_t after = i + 1 + sep.size();
      if (after < t.size() && t.substr(i + 1, sep.size()) == sep && t[after] == ' ') {
        out.push_back({begin, i});
        begin = after + 1;
        i = after;
        break;
      }
    }
  }
  out.push_back({begin, t.size()});
  return out;
}

std::string StripSite(std::string_view title, const SiteNames& sites) {
  std::vector<Segment> segs = SplitTitle(title);
  std::size_t first = 0, last = segs.size();
  auto text = [&](std::size_t k) {
    return title.substr(segs[k].begin, segs[k].end - segs[k].begin);
  };
  while (last - first > 1 && IsSiteSegment(text(last - 1), sites)) --last;
  while (last - first > 1 && IsSiteSegment(text(first), sites)) ++first;
  std::string_view kept = title.substr(segs[first].begin, segs[last - 1].end - segs[first].begin);
  if (kept.size() == title.size()) {
    // "Site: Headline"
    std::size_t colon = title.find(": ");
    if (colon != std::string_view::npos && colon > 0 &&
        IsSiteSegment(title.substr(0, colon), sites) && WordCount(title.substr(colon + 2)) >= 2) {
      kept = title.substr(colon + 2);
    }
  }
  return CollapseWhitespace(kept);
}

SiteNames MakeSiteNames(const std::vector<std::string>& names, std::string_view url) {
  SiteNames s;
  for (const std::string& n : names) {
    if (n.empty()) continue;
    s.folded.push_back(Fold(n));
    // "Aktuálně.cz - Víte, co se právě děje": the name before its tagline.
    std::vector<Segment> segs = SplitTitle(n);
    if (segs.size() > 1) s.folded.push_back(Fold(std::string_view(n).substr(0, segs[0].end)));
  }
  s.host = HostLabel(url);
  return s;
}

}  // namespace

std::string StripSiteName(std::string_view title, std::string_view site, std::string_view url) {
  return StripSite(CollapseWhitespace(title), MakeSiteNames({std::string(site)}, url));
}

namespace {

// ------------------------------------------------------------- evidence --

// What one walk over the DOM collects.
struct Evidence {
  std::string html_lang;
  struct Meta {
    std::string key;  // lower case, "dc:" and "dcterm(s)." spelt "dc:" and "dcterms:"
    std::string value;
    bool property;  // from property= (RDFa, what og: and dc: specify), else name=/itemprop=
  };
  std::vector<Meta> metas;
  std::string title;
  std::vector<std::string> headings;     // <h1> texts, document order
  std::vector<std::string> subheadings;  // <h2> texts
  std::string first_h1;
  int h1_count = 0;
  std::string canonical, base_href;
  std::vector<std::string> json_ld;
  struct Time {
    std::string value;            // datetime (or content) attribute; text when neither
    bool published_hint = false;  // pubdate, itemprop/class saying published
    bool modified_hint = false;   // class/itemprop saying updated/modified
    bool from_text = false;
  };
  std::vector<Time> times;
  std::vector<std::string> itemprop_published, itemprop_modified, itemprop_headline;
  std::vector<const xmlNode*> author_nodes;  // itemprop=author, rel=author, class byline
  std::vector<std::string> datelines;        // short texts of date-like elements
};

std::string ClassAndId(const xmlNode* n) {
  std::string_view cls = Attribute(n, "class");
  std::string_view id = Attribute(n, "id");
  if (cls.empty() && id.empty()) return {};
  std::string out = AsciiLowered(cls);
  out.push_back(' ');
  out += AsciiLowered(id);
  return out;
}

// Whether the node sits in a part of the page that is not the article's
// own furniture: comments, related links, sidebars, footers.
bool InOtherContent(const xmlNode* n) {
  int depth = 0;
  for (const xmlNode* p = n; p != nullptr && IsElement(p) && depth < 40; p = p->parent, ++depth) {
    std::string_view tag = TagName(p);
    // The page's own classes describe its layout, not this part of it:
    // WordPress writes "single-post sidebar-primary" on <body>.
    if (tag == "body" || tag == "html") break;
    if (tag == "footer" || tag == "aside" || tag == "nav") return true;
    std::string role = AsciiLowered(Attribute(p, "role"));
    if (role == "complementary" || role == "navigation" || role == "contentinfo") return true;
    std::string ci = ClassAndId(p);
    if (ci.empty()) continue;
    if (Contains(ci, "comment") || Contains(ci, "related") || Contains(ci, "sidebar") ||
        Contains(ci, "recommend") || Contains(ci, "footer") || Contains(ci, "popular") ||
        Contains(ci, "more-stories") || Contains(ci, "widget")) {
      return true;
    }
  }
  return false;
}

// "author", "post-author", "authors", "author__name"; not "authorization".
bool HasAuthorWord(std::string_view lower) {
  for (std::size_t at = lower.find("author"); at != std::string_view::npos;
       at = lower.find("author", at + 1)) {
    std::size_t end = at + 6;
    if (end < lower.size() && lower[end] == 's') ++end;
    if (end >= lower.size() || !(lower[end] >= 'a' && lower[end] <= 'z')) return true;
  }
  return false;
}

bool SaysModified(std::string_view lower) {
  return Contains(lower, "updat") || Contains(lower, "modif") || Contains(lower, "edited") ||
         Contains(lower, "revis");
}

bool SaysPublished(std::string_view lower) {
  return Contains(lower, "publish") || Contains(lower, "pubdate") || Contains(lower, "posted") ||
         Contains(lower, "entry-date") || Contains(lower, "created");
}

std::string MetaKey(std::string_view raw) {
  std::string k = AsciiLowered(raw);
  for (std::string_view prefix : {"dcterms.", "dcterm:", "dcterm.", "dc."}) {
    if (k.rfind(prefix, 0) == 0) {
      k = (prefix.size() > 3 ? "dcterms:" : "dc:") + k.substr(prefix.size());
      break;
    }
  }
  return k;
}

void AddMetaKeys(std::string_view keys, std::string_view content, bool property, Evidence* ev) {
  // property="og:title dc:title": several keys share one content.
  std::size_t i = 0;
  while (i < keys.size()) {
    while (i < keys.size() && keys[i] == ' ') ++i;
    std::size_t j = keys.find(' ', i);
    if (j == std::string_view::npos) j = keys.size();
    if (j > i)
      ev->metas.push_back({MetaKey(keys.substr(i, j - i)), std::string(content), property});
    i = j;
  }
}

void ScriptText(const xmlNode* n, std::string* out) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != nullptr) {
      out->append(reinterpret_cast<const char*>(c->content));
    }
  }
}

void Visit(const xmlNode* n, Evidence* ev) {
  std::string_view tag = TagName(n);
  if (tag == "meta") {
    std::string_view content = Attribute(n, "content");
    if (content.empty()) content = Attribute(n, "value");
    if (content.empty()) return;
    AddMetaKeys(Attribute(n, "property"), content, true, ev);
    AddMetaKeys(Attribute(n, "name"), content, false, ev);
    AddMetaKeys(Attribute(n, "http-equiv"), content, false, ev);
    AddMetaKeys(Attribute(n, "itemprop"), content, false, ev);
    return;
  }
  if (tag == "title") {
    if (ev->title.empty() && (n->parent == nullptr || !HasTag(n->parent, "svg"))) {
      ev->title = NodeText(n);
    }
    return;
  }
  if (tag == "link") {
    std::string rel = AsciiLowered(Attribute(n, "rel"));
    if (ev->canonical.empty() && Contains(rel, "canonical")) ev->canonical = Attribute(n, "href");
    return;
  }
  if (tag == "base") {
    if (ev->base_href.empty()) ev->base_href = Attribute(n, "href");
    return;
  }
  if (tag == "script") {
    if (Contains(AsciiLowered(Attribute(n, "type")), "ld+json") && ev->json_ld.size() < 16) {
      ev->json_ld.emplace_back();
      ScriptText(n, &ev->json_ld.back());
    }
    return;
  }
  if (tag == "html") {
    if (ev->html_lang.empty()) ev->html_lang = Attribute(n, "lang");
    if (ev->html_lang.empty()) ev->html_lang = Attribute(n, "xml:lang");
    return;
  }
  if (tag == "h1" || tag == "h2") {
    if (ev->headings.size() < 16) {
      std::string t = NodeText(n);
      if (tag == "h1" && ev->h1_count++ == 0) ev->first_h1 = t;
      if (!t.empty()) (tag == "h1" ? ev->headings : ev->subheadings).push_back(std::move(t));
    }
  }
  std::string_view itemprop = Attribute(n, "itemprop");
  std::string ci;  // computed lazily
  bool have_ci = false;
  auto class_and_id = [&]() -> const std::string& {
    if (!have_ci) ci = ClassAndId(n), have_ci = true;
    return ci;
  };
  if (tag == "time") {
    Evidence::Time t;
    t.value = Attribute(n, "datetime");
    if (t.value.empty()) t.value = Attribute(n, "content");
    if (t.value.empty()) {
      t.value = NodeText(n);
      t.from_text = true;
    }
    std::string hints = AsciiLowered(itemprop) + " " + class_and_id();
    if (n->parent != nullptr) hints += " " + ClassAndId(n->parent);
    t.published_hint = SaysPublished(hints);
    for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
      if (a->name != nullptr &&
          std::string_view(reinterpret_cast<const char*>(a->name)) == "pubdate")
        t.published_hint = true;
    }
    t.modified_hint = SaysModified(hints);
    if (ev->times.size() < 32 && !t.value.empty() && !InOtherContent(n)) ev->times.push_back(t);
  }
  if (!itemprop.empty()) {
    std::string ip = AsciiLowered(itemprop);
    auto value = [&]() {
      std::string_view v = Attribute(n, "datetime");
      if (v.empty()) v = Attribute(n, "content");
      return v.empty() ? NodeText(n) : std::string(v);
    };
    if (Contains(ip, "datepublished") || Contains(ip, "datecreated")) {
      if (ev->itemprop_published.size() < 4) ev->itemprop_published.push_back(value());
    } else if (Contains(ip, "datemodified")) {
      if (ev->itemprop_modified.size() < 4) ev->itemprop_modified.push_back(value());
    } else if (ip == "headline" && ev->itemprop_headline.empty()) {
      ev->itemprop_headline.push_back(value());
    }
  }
  if (ev->author_nodes.size() < 12) {
    bool author = Contains(AsciiLowered(itemprop), "author") ||
                  Contains(AsciiLowered(Attribute(n, "rel")), "author");
    if (!author && !class_and_id().empty()) {
      const std::string& c = class_and_id();
      author = Contains(c, "byline") || HasAuthorWord(c) || Contains(c, "writtenby");
    }
    if (author) ev->author_nodes.push_back(n);
  }
  if (ev->datelines.size() < 12 && !class_and_id().empty() && tag != "time" && tag != "body" &&
      tag != "html") {
    const std::string& c = class_and_id();
    if (Contains(c, "date") || Contains(c, "time") || Contains(c, "publish") ||
        Contains(c, "posted") || Contains(c, "byline") || Contains(c, "meta")) {
      std::string text = NodeText(n);
      if (!text.empty() && text.size() < 120 && !InOtherContent(n)) {
        ev->datelines.push_back(std::move(text));
      }
    }
  }
}

Evidence Collect(const HtmlDocument& doc) {
  Evidence ev;
  const xmlNode* root = doc.root();
  const xmlNode* n = root;
  while (n != nullptr) {
    bool descend = false;
    if (IsElement(n)) {
      Visit(n, &ev);
      std::string_view tag = TagName(n);
      // <head> is walked (its meta tags matter); other non-content elements not.
      descend = tag == "head" || !IsNonContentTag(tag);
    }
    if (descend && n->children != nullptr) {
      n = n->children;
      continue;
    }
    while (n != nullptr && n != root && n->next == nullptr) n = n->parent;
    if (n == nullptr || n == root) break;
    n = n->next;
  }
  return ev;
}

// The content of the first <meta> with `key`, a property= one before others.
std::string_view MetaValue(const Evidence& ev, std::string_view key) {
  const Evidence::Meta* other = nullptr;
  for (const Evidence::Meta& m : ev.metas) {
    if (m.key != key || CollapseWhitespace(m.value).empty()) continue;
    if (m.property) return m.value;
    if (other == nullptr) other = &m;
  }
  return other != nullptr ? std::string_view(other->value) : std::string_view();
}

// ---------------------------------------------------------------- JSON-LD --

struct JsonLdFacts {
  std::string headline, name;
  std::string published, modified;
  std::vector<std::string> authors;
  std::string publisher;                      // the article's publisher name
  std::string website;                        // a WebSite's or Organization's name
  std::string page_published, page_modified;  // a WebPage's dates, a weaker fallback
  bool have_article = false;
};

bool IsArticleType(std::string_view t) {
  static constexpr std::string_view kTypes[] = {"Article",
                                                "NewsArticle",
                                                "BlogPosting",
                                                "ReportageNewsArticle",
                                                "AnalysisNewsArticle",
                                                "OpinionNewsArticle",
                                                "LiveBlogPosting",
                                                "TechArticle",
                                                "ScholarlyArticle",
                                                "Report",
                                                "SocialMediaPosting",
                                                "BackgroundNewsArticle",
                                                "ReviewNewsArticle",
                                                "AskPublicNewsArticle",
                                                "SatiricalArticle",
                                                "Review",
                                                "Posting",
                                                "DiscussionForumPosting",
                                                "Blog"};
  if (t.rfind("http", 0) == 0) t = t.substr(t.rfind('/') + 1);  // "http://schema.org/NewsArticle"
  for (std::string_view k : kTypes) {
    if (k == t) return true;
  }
  return false;
}

std::string_view StringOf(simdjson::dom::element e) {
  std::string_view s;
  if (e.get_string().get(s)) return {};
  return s;
}

// Checks @type (a string or an array of strings) with `pred`.
template <typename Pred>
bool TypeIs(simdjson::dom::object obj, Pred pred) {
  simdjson::dom::element type;
  if (obj["@type"].get(type)) return false;
  if (type.is_string()) return pred(StringOf(type));
  simdjson::dom::array arr;
  if (type.get_array().get(arr)) return false;
  for (simdjson::dom::element t : arr) {
    if (pred(StringOf(t))) return true;
  }
  return false;
}

// A name from a string or an object with "name" ("@type": Person/Organization).
std::string NameOf(simdjson::dom::element e) {
  if (e.is_string()) return CleanValue(StringOf(e));
  simdjson::dom::object obj;
  if (e.get_object().get(obj)) return {};
  simdjson::dom::element name;
  if (!obj["name"].get(name)) {
    if (name.is_string()) return CleanValue(StringOf(name));
    simdjson::dom::array parts;  // "name": ["A"]
    if (!name.get_array().get(parts)) {
      for (simdjson::dom::element p : parts) return CleanValue(StringOf(p));
    }
  }
  return {};
}

std::string_view Field(simdjson::dom::object obj, std::string_view key) {
  simdjson::dom::element e;
  if (obj[key].get(e)) return {};
  if (e.is_string()) return StringOf(e);
  // "headline": {"primary": ...} and similar oddities are not headlines.
  return {};
}

void WalkJsonLd(simdjson::dom::element e, int depth, JsonLdFacts* out) {
  if (depth > 6) return;
  simdjson::dom::array arr;
  if (!e.get_array().get(arr)) {
    for (simdjson::dom::element item : arr) WalkJsonLd(item, depth + 1, out);
    return;
  }
  simdjson::dom::object obj;
  if (e.get_object().get(obj)) return;
  simdjson::dom::element graph;
  if (!obj["@graph"].get(graph)) WalkJsonLd(graph, depth + 1, out);

  if (TypeIs(obj, IsArticleType)) {
    if (!out->have_article) {
      out->have_article = true;
      out->headline = CleanValue(Field(obj, "headline"));
      out->name = CleanValue(Field(obj, "name"));
      out->published = Field(obj, "datePublished");
      if (out->published.empty()) out->published = Field(obj, "dateCreated");
      out->modified = Field(obj, "dateModified");
      simdjson::dom::element author;
      if (!obj["author"].get(author)) {
        simdjson::dom::array authors;
        if (!author.get_array().get(authors)) {
          for (simdjson::dom::element a : authors) {
            std::string name = NameOf(a);
            if (!name.empty() && out->authors.size() < 8) out->authors.push_back(std::move(name));
          }
        } else if (std::string name = NameOf(author); !name.empty()) {
          out->authors.push_back(std::move(name));
        }
      }
      simdjson::dom::element publisher;
      if (!obj["publisher"].get(publisher)) {
        simdjson::dom::array pubs;
        if (!publisher.get_array().get(pubs)) {
          for (simdjson::dom::element p : pubs) {
            out->publisher = NameOf(p);
            break;
          }
        } else {
          out->publisher = NameOf(publisher);
        }
      }
    }
  } else if (TypeIs(obj, [](std::string_view t) {
               return t == "WebSite" || t == "Organization" || t == "NewsMediaOrganization";
             })) {
    if (out->website.empty()) out->website = CleanValue(Field(obj, "name"));
  } else if (TypeIs(obj, [](std::string_view t) { return t == "WebPage" || t == "ItemPage"; })) {
    if (out->page_published.empty()) out->page_published = Field(obj, "datePublished");
    if (out->page_modified.empty()) out->page_modified = Field(obj, "dateModified");
  }
  // An article may hang under a page: {"@type": "WebPage", "mainEntity": {...}}.
  simdjson::dom::element main;
  if (!obj["mainEntity"].get(main)) WalkJsonLd(main, depth + 1, out);
}

JsonLdFacts ParseJsonLd(const std::vector<std::string>& scripts) {
  JsonLdFacts facts;
  // A huge script gets a parser of its own, freed after it (util/json_parser.h).
  thread_local simdjson::dom::parser shared_parser;
  for (const std::string& raw : scripts) {
    std::optional<simdjson::dom::parser> own_parser;
    simdjson::dom::parser& parser = JsonParserFor(raw.size(), shared_parser, &own_parser);
    std::string_view s = raw;
    // Some CMSs wrap it: "<!-- ... -->", "<![CDATA[ ... ]]>", "//<![CDATA[ ... //]]>".
    auto trim = [&s] {
      while (!s.empty() &&
             (std::isspace(static_cast<unsigned char>(s.front())) || s.front() == '/'))
        s.remove_prefix(1);
      while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.back())) || s.back() == '/'))
        s.remove_suffix(1);
    };
    trim();
    for (std::string_view open : {"<!--", "<![CDATA["}) {
      if (s.substr(0, open.size()) == open) s.remove_prefix(open.size()), trim();
    }
    for (std::string_view close : {"-->", "]]>"}) {
      if (s.size() >= close.size() && s.substr(s.size() - close.size()) == close) {
        s.remove_suffix(close.size()), trim();
      }
    }
    if (!s.empty() && s.back() == ';') s.remove_suffix(1);
    simdjson::dom::element doc;
    if (parser.parse(s.data(), s.size()).get(doc)) {
      // Raw line breaks inside strings are the commonest breakage; retry once
      // with them turned into spaces (outside strings they are whitespace anyway).
      std::string fixed(s);
      for (char& c : fixed) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      }
      if (parser.parse(fixed).get(doc)) continue;  // broken JSON-LD is ignored
      WalkJsonLd(doc, 0, &facts);
      continue;
    }
    WalkJsonLd(doc, 0, &facts);
  }
  return facts;
}

// ------------------------------------------------------------------ title --

// Shared words of `a` and `b` (ASCII-folded, order ignored) over the words of `a`.
double Overlap(std::string_view a, std::string_view b) {
  auto words = [](std::string_view s) {
    std::vector<std::string> out;
    std::string w;
    for (char c : s) {
      if (c == ' ') {
        if (!w.empty()) out.push_back(Fold(w)), w.clear();
      } else {
        w.push_back(c);
      }
    }
    if (!w.empty()) out.push_back(Fold(w));
    return out;
  };
  std::vector<std::string> wa = words(a), wb = words(b);
  if (wa.empty()) return 0;
  std::size_t shared = 0;
  for (const std::string& w : wa) shared += std::find(wb.begin(), wb.end(), w) != wb.end();
  return static_cast<double>(shared) / static_cast<double>(wa.size());
}

// readability's rules for a <title> with no known site name and no heading
// agreeing with it: drop the last " | part" (or the first when too little is
// left), cut at a colon, and fall back to the whole title when the cut leaves
// four words or fewer.
std::string ReadabilityTitle(std::string_view orig, const std::vector<std::string>& headings,
                             std::string_view single_h1) {
  std::string cur(orig);
  auto is_sep = [](char c) { return c == '|' || c == '-' || c == '\\' || c == '/' || c == '>'; };
  auto is_sep_at = [&](std::string_view s, std::size_t i) {  // " X " with X a separator
    if (i == 0 || i + 1 >= s.size() || s[i - 1] != ' ' || s[i + 1] != ' ') return false;
    return is_sep(s[i]) || s.substr(i, 2) == "\xC2\xBB";
  };
  std::size_t last_sep = std::string_view::npos;
  bool hierarchical = false;
  for (std::size_t i = 1; i + 1 < orig.size(); ++i) {
    if (is_sep_at(orig, i) || (orig[i] == '\xC2' && i + 2 < orig.size() && orig[i + 1] == '\xBB' &&
                               orig[i - 1] == ' ' && orig[i + 2] == ' ')) {
      last_sep = i - 1;
      if (orig[i] == '\\' || orig[i] == '/' || orig[i] == '>' || orig[i] == '\xC2')
        hierarchical = true;
    }
  }
  if (last_sep != std::string_view::npos) {
    cur = std::string(orig.substr(0, last_sep));
    if (WordCount(cur) < 3) {
      std::size_t first = orig.find_first_of("|-\\/>");
      cur =
          first == std::string_view::npos ? std::string(orig) : std::string(orig.substr(first + 1));
    }
  } else if (Contains(orig, ": ")) {
    bool match = false;
    for (const std::string& h : headings) match = match || h == orig;
    if (!match) {
      std::size_t last = orig.rfind(':');
      cur = std::string(orig.substr(last + 1));
      std::size_t first = orig.find(':');
      if (WordCount(cur) < 3) {
        cur = std::string(orig.substr(first + 1));
      } else if (WordCount(orig.substr(0, first)) > 5) {
        cur = std::string(orig);
      }
    }
  } else if (orig.size() > 150 || orig.size() < 15) {
    if (!single_h1.empty()) cur = std::string(single_h1);
  }
  cur = CollapseWhitespace(cur);
  std::size_t words = WordCount(cur);
  if (words <= 4) {
    std::string no_seps;
    for (std::size_t i = 0; i < orig.size(); ++i) {
      if (is_sep_at(orig, i)) continue;
      no_seps.push_back(orig[i]);
    }
    if (!hierarchical || words != WordCount(no_seps) - 1) cur = std::string(orig);
  }
  return cur;
}

// The <title>: cleaned of a known site name; else the <h1> it agrees with
// ("Headline - Section - Site" holding the page's h1); else readability's rules.
std::string TitleFromTitleTag(std::string_view title, const std::vector<std::string>& headings,
                              const std::vector<std::string>& subheadings,
                              std::string_view single_h1, const SiteNames& sites) {
  std::string stripped = StripSite(title, sites);
  if (stripped.size() != title.size()) return stripped;
  for (const auto* list : {&headings, &subheadings}) {
    for (const std::string& h : *list) {
      if (h == title) return std::string(title);
    }
  }
  std::vector<Segment> segs = SplitTitle(title);
  if (segs.size() > 1) {
    for (const std::string& h : headings) {
      if (WordCount(h) < 2) continue;
      for (std::size_t k = 1; k < segs.size(); ++k) {
        // The heading is the title's leading segments ("Headline | Section | Site").
        if (title.substr(0, segs[k - 1].end) == h) return h;
      }
    }
  }
  return ReadabilityTitle(title, subheadings, single_h1);
}

// ----------------------------------------------------------------- byline --

// "By Jane Doe | March 3, 2019" -> "Jane Doe"; "" when what is left does not
// look like names.
std::string CleanByline(std::string_view raw) {
  std::string s = CleanValue(raw);
  if (s.empty() || LooksLikeUrl(s)) return {};
  // Cut at the first digit or a separator: dates, times and "| Updated" follow names.
  std::size_t cut = s.find_first_of("0123456789|\xE2");
  if (cut != std::string::npos && s[cut] == '\xE2' &&
      !(s.compare(cut, 3, "\xE2\x80\x94") == 0 || s.compare(cut, 3, "\xE2\x80\x93") == 0 ||
        s.compare(cut, 3, "\xE2\x80\xA2") == 0)) {
    cut = s.find_first_of("0123456789|", cut);
  }
  if (cut != std::string::npos && cut > 0) {
    // A month word right before the date's digits goes with them, "May"
    // too: "Joshua Sokol May 12, 2016".
    std::size_t end = cut;
    while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == ',' || s[end - 1] == '.')) --end;
    std::size_t begin = end == 0 ? std::string::npos : s.rfind(' ', end - 1);
    begin = begin == std::string::npos ? 0 : begin + 1;
    if (AsciiDigit(s[cut]) && begin > 0 && MonthOf(s.substr(begin, end - begin)) != 0) {
      cut = begin;
    }
    s.resize(cut);
  }
  // A dateline, not names: "Last Updated: January 7, 2025".
  for (std::string_view w : {"last updated", "updated", "published", "posted on"}) {
    if (StartsWithNoCase(s, w)) return {};
  }
  for (std::string_view w : {" - ", " on ", " published", " posted", " updated", " last updated"}) {
    std::string lower = AsciiLowered(s);
    std::size_t at = lower.find(w);
    if (at != std::string::npos && at > 0) s.resize(at);
  }
  s = CollapseWhitespace(s);
  // Leading "By", "By:", "Par", "Von", "Por", "Door", "Di", "Av", "Written by".
  for (std::string_view prefix : {"written by ", "posted by ", "by: ", "by ", "par ", "von ",
                                  "por ", "door ", "di ", "av ", "de ", "from "}) {
    if (StartsWithNoCase(s, prefix)) {
      s = s.substr(prefix.size());
      break;
    }
  }
  // Trailing punctuation and a dangling month name ("Jane Doe, March").
  while (!s.empty() && (s.back() == ',' || s.back() == ' ' || s.back() == '.' || s.back() == ':' ||
                        s.back() == '-' || s.back() == '(' || s.back() == '/')) {
    s.pop_back();
  }
  // The month must be the whole word: "Nikhil Marathe" and "Janet Julian"
  // keep their surnames. "May" goes only after a comma ("Theresa May" stays).
  std::size_t space = s.rfind(' ');
  if (space != std::string::npos) {
    std::string last = AsciiLowered(s.substr(space + 1));
    bool after_comma = space > 0 && s[space - 1] == ',';
    if (MonthOf(last) != 0 && (last != "may" || after_comma)) {
      s.resize(space);
      while (!s.empty() && (s.back() == ',' || s.back() == ' ')) s.pop_back();
    }
  }
  s = CollapseWhitespace(s);
  if (s.empty() || s.size() > 100 || WordCount(s) > 12) return {};
  std::string lower = AsciiLowered(s);
  if (lower == "by" || lower == "author" || lower == "authors" || lower == "admin" ||
      Contains(lower, "follow") || Contains(lower, "@")) {
    return {};
  }
  return s;
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::vector<std::string> unique;
  for (const std::string& n : names) {
    if (!n.empty() && std::find(unique.begin(), unique.end(), n) == unique.end())
      unique.push_back(n);
  }
  std::string out;
  for (std::size_t i = 0; i < unique.size(); ++i) {
    if (i > 0) out += i + 1 == unique.size() ? " and " : ", ";
    out += unique[i];
  }
  return out;
}

// Whether an element inside an author element holds what the author is
// rather than who: "author-title" (Games Editor), "author-bio", "job".
bool IsAuthorRole(const xmlNode* n) {
  std::string ci = ClassAndId(n);
  if (ci.empty()) return false;
  for (std::string_view w : {"title", "role", "job", "position", "bio", "description"}) {
    if (Contains(ci, w)) return true;
  }
  return false;
}

// Text of author element `n` without its role parts (see IsAuthorRole).
void AppendAuthorText(const xmlNode* n, std::string* out) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (!IsElement(c)) {
      AppendRawText(c, out);
    } else if (!IsNonContentTag(TagName(c)) && !IsAuthorRole(c)) {
      out->push_back(' ');
      AppendAuthorText(c, out);
      out->push_back(' ');
    }
  }
}

// The author names an author element holds: its itemprop=name descendants
// when it has them, else its text less any role or bio inside it.
std::string AuthorNodeText(const xmlNode* n) {
  std::string_view content = Attribute(n, "content");
  if (!content.empty()) return std::string(content);
  std::vector<std::string> names;
  std::vector<const xmlNode*> stack;
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) stack.push_back(c);
  while (!stack.empty() && stack.size() < 200) {
    const xmlNode* c = stack.back();
    stack.pop_back();
    if (!IsElement(c)) continue;
    if (AsciiLowered(Attribute(c, "itemprop")) == "name") {
      names.push_back(NodeText(c));
      continue;
    }
    for (const xmlNode* d = c->children; d != nullptr; d = d->next) stack.push_back(d);
  }
  if (!names.empty()) return JoinNames(names);
  std::string raw;
  AppendAuthorText(n, &raw);
  return CollapseWhitespace(raw);
}

// ------------------------------------------------------------------ dates --

constexpr std::string_view kPublishedMetas[] = {"article:published_time",
                                                "og:article:published_time",
                                                "article:published",
                                                "datepublished",
                                                "og:published_time",
                                                "published_time",
                                                "article.published",
                                                "pubdate",
                                                "publishdate",
                                                "publish-date",
                                                "publish_date",
                                                "published-date",
                                                "published_date",
                                                "date_published",
                                                "parsely-pub-date",
                                                "sailthru.date",
                                                "dc:date.issued",
                                                "dcterms:issued",
                                                "dc:date.created",
                                                "dcterms:created",
                                                "dc:date",
                                                "dcterms:date",
                                                "citation_publication_date",
                                                "citation_date",
                                                "prism.publicationdate",
                                                "rnews:datepublished",
                                                "originalpublicationdate",
                                                "article_date_original",
                                                "og:pubdate",
                                                "pub_date",
                                                "bt:pubdate",
                                                "displaydate",
                                                "datecreated",
                                                "date",
                                                "dc:created"};

constexpr std::string_view kModifiedMetas[] = {
    "article:modified_time", "og:updated_time", "article:modified",
    "modified_time",         "datemodified",    "dc:date.modified",
    "dcterms:modified",      "last-modified",   "lastmod",
    "article.updated",       "updated_time",    "sailthru.lastmodified"};

// The published date's evidence in order of trust; `url` may carry one too.
std::optional<UnixSeconds> PublishedDate(const Evidence& ev, const JsonLdFacts& ld,
                                         std::string_view page_url, std::string_view canonical) {
  if (auto t = ParseDateTime(ld.published)) return t;
  for (std::string_view key : kPublishedMetas) {
    if (auto t = ParseDateTime(MetaValue(ev, key))) return t;
  }
  for (const std::string& v : ev.itemprop_published) {
    if (auto t = ParseDateTime(v)) return t;
  }
  if (auto t = ParseDateTime(ld.page_published)) return t;
  for (const Evidence::Time& time : ev.times) {
    if (time.published_hint && !time.modified_hint) {
      if (auto t = ParseDateTime(time.value)) return t;
      if (auto t = FindDateInText(time.value)) return t;
    }
  }
  if (auto t = DateInUrl(canonical)) return t;
  if (auto t = DateInUrl(page_url)) return t;
  for (const Evidence::Time& time : ev.times) {
    if (time.modified_hint) continue;
    if (auto t = ParseDateTime(time.value)) return t;
    if (time.from_text) {
      if (auto t = FindDateInText(time.value)) return t;
    }
  }
  // A dateline near the top: the text before any "Updated".
  for (const std::string& line : ev.datelines) {
    std::string lower = AsciiLowered(line);
    std::string_view text = line;
    std::size_t upd = lower.find("updat");
    if (upd == std::string::npos) upd = lower.find("modifi");
    if (upd != std::string::npos) text = text.substr(0, upd);
    if (auto t = FindDateInText(text)) return t;
  }
  return std::nullopt;
}

std::optional<UnixSeconds> ModifiedDate(const Evidence& ev, const JsonLdFacts& ld) {
  if (auto t = ParseDateTime(ld.modified)) return t;
  for (std::string_view key : kModifiedMetas) {
    if (auto t = ParseDateTime(MetaValue(ev, key))) return t;
  }
  for (const std::string& v : ev.itemprop_modified) {
    if (auto t = ParseDateTime(v)) return t;
  }
  for (const Evidence::Time& time : ev.times) {
    if (!time.modified_hint) continue;
    if (auto t = ParseDateTime(time.value)) return t;
  }
  if (auto t = ParseDateTime(ld.page_modified)) return t;
  return std::nullopt;
}

}  // namespace

PageMetadata ExtractMetadata(const HtmlDocument& doc, std::string_view page_url) {
  PageMetadata m;
  Evidence ev = Collect(doc);
  JsonLdFacts ld = ParseJsonLd(ev.json_ld);

  // Canonical URL, resolved against <base href> (itself against the page URL).
  std::string base(page_url);
  if (!ev.base_href.empty()) {
    std::string b = ResolveUrl(page_url, ev.base_href);
    if (!b.empty()) base = std::move(b);
  }
  m.url = ResolveUrl(base, ev.canonical);
  if (m.url.empty()) m.url = ResolveUrl(base, MetaValue(ev, "og:url"));
  std::string_view url_for_site = m.url.empty() ? page_url : std::string_view(m.url);

  // Site name.
  for (std::string_view candidate :
       {std::string_view(ld.publisher), MetaValue(ev, "og:site_name"), std::string_view(ld.website),
        MetaValue(ev, "application-name"), MetaValue(ev, "dc:publisher")}) {
    std::string s = CleanValue(candidate);
    if (!s.empty() && s.size() < 100 && !LooksLikeUrl(s)) {
      m.site = std::move(s);
      break;
    }
  }
  SiteNames sites = MakeSiteNames(
      {m.site, ld.publisher, ld.website, CleanValue(MetaValue(ev, "application-name"))},
      url_for_site);

  // Title: the first declared headline that is more than the site's name;
  // else the <title> cleaned; else the first <h1>. JSON-LD's headline and
  // name sometimes differ (a teaser, a section label): the one closer to the
  // <title> speaks for the page.
  std::string title_tag = CleanValue(ev.title);
  if (!ld.name.empty() && ld.name != ld.headline &&
      (ld.headline.empty() || Overlap(ld.name, title_tag) > Overlap(ld.headline, title_tag))) {
    ld.headline = ld.name;
  }
  for (std::string_view candidate :
       {std::string_view(ld.headline), MetaValue(ev, "dc:title"), MetaValue(ev, "dcterms:title"),
        MetaValue(ev, "og:title"), MetaValue(ev, "title"), MetaValue(ev, "twitter:title"),
        MetaValue(ev, "parsely-title"), MetaValue(ev, "sailthru.title"),
        ev.itemprop_headline.empty() ? std::string_view() : ev.itemprop_headline[0]}) {
    // Declared titles are the publisher's own and kept as written (a brand
    // suffix included, as readability does); one that is only the site's
    // name is no headline.
    std::string cleaned = CleanValue(candidate);
    if (cleaned.empty() || IsSiteSegment(cleaned, sites)) continue;
    m.title = std::move(cleaned);
    break;
  }
  if (m.title.empty() && !title_tag.empty()) {
    m.title = TitleFromTitleTag(title_tag, ev.headings, ev.subheadings,
                                ev.h1_count == 1 ? ev.first_h1 : "", sites);
  }
  if (m.title.empty()) m.title = ev.first_h1;

  // Dates.
  m.published = PublishedDate(ev, ld, page_url, m.url);
  m.modified = ModifiedDate(ev, ld);

  // Byline.
  m.byline = JoinNames([&] {
    std::vector<std::string> names;
    for (const std::string& a : ld.authors) {
      std::string c = CleanByline(a);
      if (!c.empty()) names.push_back(std::move(c));
    }
    return names;
  }());
  if (m.byline.empty()) {
    for (std::string_view key :
         {"dc:creator", "dcterms:creator", "author", "article:author", "og:article:author",
          "parsely-author", "sailthru.author", "byl", "byline"}) {
      std::string c = CleanByline(MetaValue(ev, key));
      if (!c.empty()) {
        m.byline = std::move(c);
        break;
      }
    }
  }
  if (m.byline.empty()) {
    for (const xmlNode* n : ev.author_nodes) {
      if (InOtherContent(n)) continue;
      std::string c = CleanByline(AuthorNodeText(n));
      if (!c.empty()) {
        m.byline = std::move(c);
        break;
      }
    }
  }
  if (m.byline.empty()) {
    // Last, schema.org's itemprop=author outside the article's part of the
    // page (a blog's aside): taken when every such element names the same
    // person, so that a list of other articles' authors gives none.
    std::string only;
    bool one = true;
    for (const xmlNode* n : ev.author_nodes) {
      if (!Contains(AsciiLowered(Attribute(n, "itemprop")), "author")) continue;
      std::string c = CleanByline(AuthorNodeText(n));
      if (c.empty()) continue;
      if (!only.empty() && c != only) one = false;
      only = std::move(c);
    }
    if (one) m.byline = std::move(only);
  }

  // Declared language.
  for (std::string_view candidate :
       {std::string_view(ev.html_lang), MetaValue(ev, "content-language"),
        MetaValue(ev, "language"), MetaValue(ev, "dc:language"), MetaValue(ev, "og:locale")}) {
    std::string s = CollapseWhitespace(candidate);
    if (!s.empty()) {
      m.declared_lang = std::move(s);
      break;
    }
  }
  return m;
}

}  // namespace storyline::extract
