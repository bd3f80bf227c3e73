#include "extract/content_lexicon.h"

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include <string>
#include <vector>

#include "util/ascii.h"

namespace storyline::extract::content {
namespace {

const absl::flat_hash_map<std::string_view, uint32_t>& TagTable() {
  static const auto* table = [] {
    auto* t = new absl::flat_hash_map<std::string_view, uint32_t>;
    const uint32_t para = kBlock | kParagraph;
    for (std::string_view s :
         {"details", "body", "tbody", "thead", "tfoot", "tr", "hgroup", "hr", "dialog"}) {
      (*t)[s] = kBlock;
    }
    for (std::string_view s :
         {"div", "section", "article", "main", "header", "table", "form", "fieldset", "center"}) {
      (*t)[s] = kBlock | kCleanable;
    }
    for (std::string_view s : {"ul", "ol", "dl"}) (*t)[s] = kBlock | kList | kCleanable;
    for (std::string_view s : {"blockquote", "address", "caption", "summary", "legend"}) {
      (*t)[s] = para;
    }
    for (std::string_view s : {"li", "dd", "dt"}) (*t)[s] = para | kListItem;
    for (std::string_view s : {"td", "th", "pre"}) (*t)[s] = para | kLinkyOk;
    (*t)["p"] = para | kP;
    for (std::string_view s : {"h2", "h3", "h4", "h5", "h6"}) (*t)[s] = para | kHeading;
    (*t)["h1"] = para | kHeading | kTitle;
    (*t)["a"] = kLink;
    (*t)["br"] = kBreak;
    for (std::string_view s : {"img", "picture"}) (*t)[s] = kImage;
    for (std::string_view s : {"input", "select", "textarea", "button"}) (*t)[s] = kInput | kSkip;
    // Never article text: code and embeds, and the HTML5 elements whose
    // meaning is "not the main content" (nav, aside, footer) or "not body
    // text" (figure and its caption).
    for (std::string_view s :
         {"script", "style",      "noscript", "template", "svg",    "math",     "iframe",
          "object", "embed",      "canvas",   "head",     "nav",    "aside",    "footer",
          "figure", "figcaption", "menu",     "label",    "option", "datalist", "audio",
          "video",  "map",        "link",     "meta",     "title"}) {
      (*t)[s] = kSkip;
    }
    return t;
  }();
  return *table;
}

// Words of class and id names. A name counts by its last evidence word.
const absl::flat_hash_set<std::string_view>& PositiveWords() {
  static const auto* s = new absl::flat_hash_set<std::string_view>{
      "article", "articlebody", "articletext", "articlecontent", "body",        "bodytext",
      "content", "contents",    "maincontent", "entry",          "hentry",      "main",
      "post",    "postbody",    "postcontent", "story",          "storybody",   "storytext",
      "text",    "blog",        "prose",       "richtext",       "article_body"};
  return *s;
}

const absl::flat_hash_set<std::string_view>& NegativeWords() {
  static const auto* s =
      new absl::flat_hash_set<std::string_view>{"ad",           "ads",
                                                "adv",          "advert",
                                                "adverts",      "advertising",
                                                "adslot",       "adunit",
                                                "adsense",      "dfp",
                                                "banner",       "breadcrumb",
                                                "breadcrumbs",  "byline",
                                                "bylines",      "caption",
                                                "captions",     "credit",
                                                "credits",      "comment",
                                                "comments",     "commenting",
                                                "disqus",       "footer",
                                                "foot",         "masthead",
                                                "menu",         "nav",
                                                "navbar",       "navigation",
                                                "newsletter",   "outbrain",
                                                "taboola",      "pager",
                                                "pagination",   "popup",
                                                "modal",        "promo",
                                                "promos",       "promotion",
                                                "promoted",     "related",
                                                "recirc",       "recirculation",
                                                "recommended",  "recommendations",
                                                "remark",       "replies",
                                                "rss",          "share",
                                                "shares",       "sharing",
                                                "sharebar",     "social",
                                                "sidebar",      "rail",
                                                "skyscraper",   "sponsor",
                                                "sponsored",    "subscribe",
                                                "subscription", "signup",
                                                "login",        "cookie",
                                                "cookies",      "consent",
                                                "gdpr",         "widget",
                                                "widgets",      "tags",
                                                "tag",          "toolbar",
                                                "tools",        "meta",
                                                "metadata",     "author",
                                                "authors",      "bio",
                                                "dateline",     "timestamp",
                                                "date",         "print",
                                                "trending",     "popular",
                                                "more",         "extra",
                                                "supplemental", "community",
                                                "follow",       "legal",
                                                "copyright",    "disclaimer",
                                                "header",       "jump",
                                                "skip",         "teaser",
                                                "teasers",      "newsfeed",
                                                "shoutbox",     "combx",
                                                "agegate",      "overlay",
                                                "tooltip",      "infobox",
                                                "contact",      "hidden"};
  return *s;
}

// Compounds written without separators ("socialshare", "adcontainer").
bool NegativeStem(std::string_view w) {
  static constexpr std::string_view kStems[] = {
      "advert", "sharebar",   "social",  "comment",  "sidebar", "newsletter", "related",
      "footer", "breadcrumb", "taboola", "outbrain", "sponsor", "subscri",    "promo",
      "cookie", "widget",     "sharing", "byline",   "caption"};
  for (std::string_view s : kStems) {
    if (w.size() > s.size() && w.find(s) != std::string_view::npos) return true;
  }
  return false;
}

bool PositiveStem(std::string_view w) {
  static constexpr std::string_view kStems[] = {"article", "content", "story", "entry"};
  for (std::string_view s : kStems) {
    if (w.size() > s.size() && w.find(s) != std::string_view::npos) return true;
  }
  return false;
}

bool HiddenName(std::string_view name) {
  static constexpr std::string_view kNames[] = {"hidden",
                                                "hide",
                                                "sr-only",
                                                "visually-hidden",
                                                "visuallyhidden",
                                                "screen-reader-text",
                                                "screen-reader-only",
                                                "invisible",
                                                "d-none",
                                                "is-hidden",
                                                "u-hidden",
                                                "element-invisible",
                                                "offscreen",
                                                "a11y-hidden",
                                                "hidden-text"};
  for (std::string_view n : kNames) {
    if (name.size() == n.size() && AsciiStartsWithFolded(name, n)) return true;
  }
  return false;
}

// Judges one name ("social-share-bar"): +1 positive, -1 negative, 0 neither.
int JudgeName(std::string_view name) {
  int verdict = 0;
  std::string word;
  auto judge_word = [&] {
    if (word.empty()) return;
    if (NegativeWords().contains(word) || NegativeStem(word)) {
      verdict = -1;
    } else if (PositiveWords().contains(word) || PositiveStem(word)) {
      verdict = 1;
    }
    word.clear();
  };
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (!AsciiAlnum(c)) {
      judge_word();
      continue;
    }
    // camelCase boundary: "articleBody" -> article, body.
    if (c >= 'A' && c <= 'Z' && i > 0 && name[i - 1] >= 'a' && name[i - 1] <= 'z') judge_word();
    word.push_back(AsciiLower(c));
  }
  judge_word();
  return verdict;
}

std::string LowerTrimmed(std::string_view line) {
  std::string s;
  s.reserve(line.size());
  for (char c : line) s.push_back(AsciiLower(c));
  // Trailing punctuation and arrows: "Read more »", "Advertisement:".
  while (!s.empty()) {
    unsigned char c = static_cast<unsigned char>(s.back());
    if (c == ' ' || c == ':' || c == '.' || c == '>' || c == '-' || c == '|' || c == ')' ||
        c == '(') {
      s.pop_back();
    } else if (c >= 0x80) {  // a trailing non-ASCII symbol (», →, …, ▶)
      std::size_t start = s.size() - 1;
      while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
      unsigned char lead = static_cast<unsigned char>(s[start]);
      if (lead == 0xC2 || lead == 0xE2) {
        s.resize(start);
      } else {
        break;
      }
    } else {
      break;
    }
  }
  return s;
}

std::size_t CountWords(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool w = c != ' ';
    if (w && !in) ++n;
    in = w;
  }
  return n;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

uint32_t TagFlags(std::string_view tag) {
  const auto& t = TagTable();
  auto it = t.find(tag);
  return it == t.end() ? 0 : it->second;
}

int TagBaseScore(std::string_view tag) {
  if (tag == "div") return 5;
  if (tag == "pre" || tag == "td" || tag == "blockquote") return 3;
  if (tag == "address" || tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" || tag == "dt" ||
      tag == "li" || tag == "form") {
    return -3;
  }
  if (tag == "th" || (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6')) {
    return -5;
  }
  return 0;
}

ClassEvidence ReadClassNames(std::string_view value) {
  ClassEvidence e;
  std::size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t' || value[i] == '\n')) ++i;
    std::size_t j = i;
    while (j < value.size() && value[j] != ' ' && value[j] != '\t' && value[j] != '\n') ++j;
    if (j > i) {
      std::string_view name = value.substr(i, j - i);
      if (HiddenName(name)) e.hidden = true;
      int v = JudgeName(name);
      if (v > 0) e.positive = true;
      if (v < 0) e.negative = true;
    }
    i = j;
  }
  return e;
}

bool StyleHides(std::string_view style) {
  std::string s;
  for (char c : style) {
    if (c != ' ' && c != '\t' && c != '\n') s.push_back(AsciiLower(c));
  }
  return s.find("display:none") != std::string::npos ||
         s.find("visibility:hidden") != std::string::npos;
}

bool IsFurnitureLine(std::string_view line) {
  if (line.size() > 600) return false;
  // A caption that ends in its credit: "Protesters in the street (Image: Getty)".
  if (line.find('(') != std::string_view::npos) {
    std::string tail = LowerTrimmed(line.substr(line.size() > 64 ? line.size() - 64 : 0));
    for (std::string_view marker : {"(image:", "(photo:", "(picture:", "(pic:", "(photograph:",
                                    "(credit:", "(photo credit:", "(image credit:", "(source:"}) {
      std::size_t at = tail.rfind(marker);
      if (at != std::string::npos && tail.size() - at < 60 &&
          tail.find(". ", at) == std::string::npos) {
        return true;
      }
    }
  }
  if (line.size() > 160) return false;
  std::string s = LowerTrimmed(line);
  if (s.empty()) return true;
  static const auto* exact =
      new absl::flat_hash_set<std::string_view>{"advertisement",
                                                "advertisements",
                                                "ad",
                                                "ads",
                                                "sponsored",
                                                "sponsored content",
                                                "story continues below advertisement",
                                                "story continues below",
                                                "continue reading",
                                                "continue reading below",
                                                "continue reading the main story",
                                                "read more",
                                                "read next",
                                                "read also",
                                                "see also",
                                                "related",
                                                "related articles",
                                                "related stories",
                                                "related content",
                                                "related coverage",
                                                "related posts",
                                                "more from",
                                                "more stories",
                                                "recommended",
                                                "share",
                                                "share this",
                                                "share this article",
                                                "share this story",
                                                "share this post",
                                                "share on facebook",
                                                "share on twitter",
                                                "tweet",
                                                "email",
                                                "print",
                                                "comments",
                                                "leave a comment",
                                                "click here",
                                                "sign up",
                                                "subscribe",
                                                "subscribe now",
                                                "loading",
                                                "skip to content",
                                                "back to top",
                                                "scroll to continue with content",
                                                "image",
                                                "photo",
                                                "video",
                                                "close",
                                                "menu",
                                                "log in",
                                                "report an error",
                                                "follow us",
                                                "top",
                                                "next",
                                                "previous",
                                                "view comments",
                                                "show comments",
                                                "add comment",
                                                "scroll down to continue",
                                                "article continues below",
                                                "content continues below",
                                                "advertisement - scroll to continue",
                                                "this article is more than 1 year old",
                                                "listen to this article",
                                                "play video",
                                                "enlarge this image",
                                                "toggle caption",
                                                "hide caption",
                                                "view gallery",
                                                "open gallery",
                                                "expand",
                                                "copy link",
                                                "link copied"};
  if (exact->contains(s)) return true;
  std::size_t words = CountWords(s);
  if (words > 14) return false;
  static constexpr std::string_view kPrefixes[] = {"read more:",
                                                   "read more at",
                                                   "read more about",
                                                   "related:",
                                                   "see also:",
                                                   "also read:",
                                                   "read also:",
                                                   "recommended:",
                                                   "sign up for",
                                                   "subscribe to",
                                                   "follow us on",
                                                   "click here to",
                                                   "click here for",
                                                   "photo:",
                                                   "photograph:",
                                                   "photos:",
                                                   "image:",
                                                   "credit:",
                                                   "photo by",
                                                   "image by",
                                                   "photo credit",
                                                   "image credit",
                                                   "image source",
                                                   "copyright",
                                                   "\xC2\xA9",
                                                   "(c) ",
                                                   "story continues below",
                                                   "advertisement",
                                                   "this article was originally published",
                                                   "get the latest",
                                                   "download our app",
                                                   "don't miss",
                                                   "want more",
                                                   "like us on",
                                                   "join our",
                                                   "you may also like",
                                                   "you might also like",
                                                   "more on this",
                                                   "more:",
                                                   "further reading"};
  for (std::string_view p : kPrefixes) {
    if (StartsWith(s, p)) return true;
  }
  if (s.find("all rights reserved") != std::string::npos) return true;
  // A dateline: "Published: 10:48, Tue, Nov 19, 2019 | Updated: ...".
  if ((StartsWith(s, "published") || StartsWith(s, "updated") || StartsWith(s, "last updated") ||
       StartsWith(s, "posted")) &&
      s.find_first_of("0123456789") != std::string::npos) {
    return true;
  }
  // A byline: "By Jane Doe", "By Jane Doe and John Roe, Reuters".
  if (StartsWith(s, "by ") && words <= 7 && line.find(". ") == std::string_view::npos) {
    std::size_t caps = 0, total = 0;
    bool start = true;
    for (std::size_t i = 3; i < line.size(); ++i) {
      if (line[i] == ' ') {
        start = true;
        continue;
      }
      if (start) {
        ++total;
        if (line[i] >= 'A' && line[i] <= 'Z') ++caps;
      }
      start = false;
    }
    if (total > 0 && caps * 2 >= total) return true;
  }
  return false;
}

}  // namespace storyline::extract::content
