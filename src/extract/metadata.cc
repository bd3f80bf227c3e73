#include "extract/metadata.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "extract/metadata_json_ld.h"
#include "extract/metadata_site.h"
#include "extract/metadata_strings.h"
#include "util/ascii.h"
#include "util/time.h"

namespace storyline::extract {
namespace {

using metadata_internal::CleanValue;
using metadata_internal::Contains;
using metadata_internal::Fold;
using metadata_internal::IsSiteSegment;
using metadata_internal::JsonLdFacts;
using metadata_internal::LooksLikeUrl;
using metadata_internal::MakeSiteNames;
using metadata_internal::ParseJsonLd;
using metadata_internal::Segment;
using metadata_internal::SiteNames;
using metadata_internal::SplitTitle;
using metadata_internal::StripSite;
using metadata_internal::WordCount;

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
    if (AsciiStartsWithFolded(s, w)) return {};
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
    if (AsciiStartsWithFolded(s, prefix)) {
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
