#include "extract/content.h"

#include <absl/container/flat_hash_map.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/content_lexicon.h"

namespace storyline::extract {
namespace {

using content::kBlock;
using content::kBreak;
using content::kCleanable;
using content::kHeading;
using content::kImage;
using content::kInput;
using content::kLink;
using content::kLinkyOk;
using content::kList;
using content::kListItem;
using content::kP;
using content::kParagraph;
using content::kSkip;
using content::kTitle;

// One element of the page as the extractor sees it. Elements are stored in
// document (pre-)order, so a parent always precedes its children and a
// subtree is the index range [index, end).
struct Elem {
  const xmlNode* node = nullptr;
  int parent = -1;
  int end = 0;  // one past the last descendant
  uint32_t flags = 0;
  int line_begin = 0;  // lines [line_begin, line_end) lie inside this element
  int line_end = 0;
  int8_t class_weight = 0;  // -50..50: +-25 for the class, +-25 for the id
  bool unlikely = false;    // its names say furniture and nothing says content
  uint16_t images = 0;      // direct <img> children
  uint16_t inputs = 0;      // direct form controls
};

// One line of text: the text of a block up to the next block boundary or
// <br>, white space collapsed. `owner` is the innermost block holding it.
struct Line {
  int owner = 0;
  uint32_t begin = 0;  // byte range in Page::text_
  uint32_t end = 0;
  int chars = 0;       // characters other than spaces
  int link_chars = 0;  // of them, inside <a>
  int commas = 0;
};

// Subtree sums of one element under one set of attempt flags.
struct Sums {
  int chars = 0;
  int link_chars = 0;
  int commas = 0;
  int heading_chars = 0;
  int list_chars = 0;
  int prose_chars = 0;  // in lines of 80+ characters that are mostly not links
  int paragraphs = 0;
  int images = 0;
  int inputs = 0;
  int children = 0;  // element children that count
  double score = 0;  // readability content score (when scored)
  bool scored = false;
};

// Readability's three flags: each attempt after the first drops one, for
// pages where names or link rules would remove the article itself.
struct Attempt {
  bool strip_unlikely;
  bool weight_classes;
  bool clean_conditionally;
};

bool HasAttribute(const xmlNode* n, std::string_view name) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (a->name != nullptr && reinterpret_cast<const char*>(a->name) == name) return true;
  }
  return false;
}

bool IsHidden(const xmlNode* n) {
  if (n->properties == nullptr) return false;
  if (HasAttribute(n, "hidden")) return true;
  if (Attribute(n, "aria-hidden") == "true") return true;
  std::string_view style = Attribute(n, "style");
  return !style.empty() && content::StyleHides(style);
}

class Page {
 public:
  explicit Page(const xmlNode* body) { Build(body); }

  // The main text under one attempt's flags; `chars` gets its length in
  // non-space characters.
  std::string Extract(const Attempt& attempt, int* chars);

  // Every line of 50+ characters that is not mostly links, for pages where
  // no container stands out.
  std::string AllParagraphs(int* chars) const;

 private:
  void Build(const xmlNode* body);
  // ReadClassNames, remembered per value: templates repeat their names.
  content::ClassEvidence ClassNames(std::string_view value) {
    if (value.empty()) return {};
    auto [it, inserted] = class_cache_.try_emplace(value);
    if (inserted) it->second = content::ReadClassNames(value);
    return it->second;
  }
  void AppendText(const char* s);
  void FlushLine();
  void Sum(const Attempt& attempt);
  void Score(const Attempt& attempt);
  int ChooseTop() const;
  double LinkDensity(int e) const {
    return sums_[e].chars > 0 ? static_cast<double>(sums_[e].link_chars) / sums_[e].chars : 0.0;
  }
  bool IsAncestor(int a, int e) const { return a <= e && e < elems_[a].end; }
  bool Removable(int e, int top, const Attempt& attempt) const;
  bool KeepLine(const Line& l) const;
  std::string_view Text(const Line& l) const {
    return std::string_view(text_).substr(l.begin, l.end - l.begin);
  }

  std::vector<Elem> elems_;
  std::vector<Line> lines_;
  std::string text_;
  // Build state. Cache keys point into the document, which outlives the Page.
  absl::flat_hash_map<std::string_view, content::ClassEvidence> class_cache_;
  std::vector<int> blocks_;  // open block elements, innermost last
  int link_depth_ = 0;
  uint32_t line_start_ = 0;
  bool pending_space_ = false;
  int line_chars_ = 0, line_link_chars_ = 0, line_commas_ = 0;
  // Attempt state.
  std::vector<char> excluded_;
  std::vector<Sums> sums_;
};

void Page::AppendText(const char* s) {
  if (s == nullptr) return;
  for (const unsigned char* p = reinterpret_cast<const unsigned char*>(s); *p != 0; ++p) {
    unsigned char c = *p;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      pending_space_ = text_.size() > line_start_;
      continue;
    }
    if (c == 0xC2 && p[1] == 0xA0) {  // U+00A0 no-break space
      ++p;
      pending_space_ = text_.size() > line_start_;
      continue;
    }
    if (pending_space_) text_.push_back(' ');
    pending_space_ = false;
    text_.push_back(static_cast<char>(c));
    if ((c & 0xC0) != 0x80) {
      ++line_chars_;
      if (link_depth_ > 0) ++line_link_chars_;
      if (c == ',') ++line_commas_;
    }
  }
}

void Page::FlushLine() {
  if (text_.size() > line_start_) {
    Line l;
    l.owner = blocks_.back();
    l.begin = line_start_;
    l.end = static_cast<uint32_t>(text_.size());
    l.chars = line_chars_;
    l.link_chars = line_link_chars_;
    l.commas = line_commas_;
    lines_.push_back(l);
    line_start_ = static_cast<uint32_t>(text_.size());
  }
  pending_space_ = false;
  line_chars_ = line_link_chars_ = line_commas_ = 0;
}

// One iterative walk over the DOM (no recursion: depth is the page's to choose).
void Page::Build(const xmlNode* body) {
  struct Frame {
    const xmlNode* next;
    int elem;
  };
  std::vector<Frame> stack;
  auto open = [&](const xmlNode* n, int parent, uint32_t flags, const content::ClassEvidence& cls,
                  const content::ClassEvidence& id) {
    Elem e;
    e.node = n;
    e.parent = parent;
    e.flags = flags;
    if (n->properties != nullptr) {
      int weight = 25 * (cls.positive - cls.negative + id.positive - id.negative);
      bool positive = cls.positive || id.positive;
      std::string_view itemprop = Attribute(n, "itemprop");
      if (itemprop == "articleBody" || itemprop == "articlebody") {
        positive = true;
        weight += 25;
      }
      e.class_weight = static_cast<int8_t>(std::clamp(weight, -50, 50));
      e.unlikely = (cls.negative || id.negative) && !positive;
    }
    int index = static_cast<int>(elems_.size());
    elems_.push_back(e);
    if (flags & kBlock) {
      FlushLine();
      blocks_.push_back(index);
      elems_[index].line_begin = static_cast<int>(lines_.size());
    }
    if (flags & kLink) ++link_depth_;
    stack.push_back({n->children, index});
  };
  open(body, -1, kBlock, {}, {});
  while (!stack.empty()) {
    Frame& f = stack.back();
    const xmlNode* c = f.next;
    if (c == nullptr) {
      int index = f.elem;
      stack.pop_back();
      Elem& e = elems_[index];
      if (e.flags & kBlock) {
        FlushLine();
        blocks_.pop_back();
      }
      if (e.flags & kLink) --link_depth_;
      e.line_end = static_cast<int>(lines_.size());
      e.end = static_cast<int>(elems_.size());
      continue;
    }
    f.next = c->next;
    int parent = f.elem;
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      AppendText(reinterpret_cast<const char*>(c->content));
      continue;
    }
    if (c->type != XML_ELEMENT_NODE) continue;
    uint32_t flags = content::TagFlags(TagName(c));
    if (flags & kBreak) {
      FlushLine();
      continue;
    }
    if (flags & kImage) {
      ++elems_[parent].images;
      continue;
    }
    if (flags & kInput) ++elems_[parent].inputs;
    if (flags & kSkip) continue;
    content::ClassEvidence cls, id;
    if (c->properties != nullptr) {
      if (IsHidden(c)) continue;
      cls = ClassNames(Attribute(c, "class"));
      if (cls.hidden) continue;
      id = ClassNames(Attribute(c, "id"));
    }
    open(c, parent, flags, cls, id);
  }
  FlushLine();
}

void Page::Sum(const Attempt& attempt) {
  const int n = static_cast<int>(elems_.size());
  excluded_.assign(n, 0);
  sums_.assign(n, Sums{});
  for (int e = 1; e < n; ++e) {
    const Elem& el = elems_[e];
    excluded_[e] =
        excluded_[el.parent] || (attempt.strip_unlikely && el.unlikely && !(el.flags & kLink));
  }
  for (const Line& l : lines_) {
    if (excluded_[l.owner]) continue;
    Sums& s = sums_[l.owner];
    s.chars += l.chars;
    s.link_chars += l.link_chars;
    s.commas += l.commas;
    uint32_t f = elems_[l.owner].flags;
    if (f & kHeading) s.heading_chars += l.chars;
    if (l.chars >= 80 && l.link_chars * 4 < l.chars) s.prose_chars += l.chars;
  }
  for (int e = n - 1; e >= 0; --e) {
    if (excluded_[e]) continue;
    Sums& s = sums_[e];
    const Elem& el = elems_[e];
    s.images += el.images;
    s.inputs += el.inputs;
    if (el.flags & kP) ++s.paragraphs;
    if (el.flags & kList) s.list_chars = s.chars;
    if (el.parent >= 0) {
      Sums& p = sums_[el.parent];
      p.chars += s.chars;
      p.link_chars += s.link_chars;
      p.commas += s.commas;
      p.heading_chars += s.heading_chars;
      p.list_chars += s.list_chars;
      p.prose_chars += s.prose_chars;
      p.paragraphs += s.paragraphs;
      p.images += s.images;
      p.inputs += s.inputs;
      ++p.children;
    }
  }
}

// Readability's scoring: each paragraph of 25+ characters gives
// 1 + commas + min(length / 100, 3) to the block that holds it, half to the
// next ancestor and a third of a level's share to those above.
void Page::Score(const Attempt& attempt) {
  for (const Line& l : lines_) {
    if (excluded_[l.owner] || l.chars < 25 || l.link_chars * 2 > l.chars ||
        (elems_[l.owner].flags & kListItem)) {
      continue;
    }
    double score = 1.0 + l.commas + std::min(l.chars / 100, 3);
    int a = (elems_[l.owner].flags & kParagraph) ? elems_[l.owner].parent : l.owner;
    for (int level = 0; a >= 0 && level < 5; ++level, a = elems_[a].parent) {
      Sums& s = sums_[a];
      if (!s.scored) {
        s.scored = true;
        s.score = content::TagBaseScore(TagName(elems_[a].node));
        if (attempt.weight_classes) s.score += elems_[a].class_weight;
      }
      s.score += score / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
    }
  }
  for (std::size_t e = 0; e < elems_.size(); ++e) {
    if (sums_[e].scored) sums_[e].score *= 1.0 - LinkDensity(static_cast<int>(e));
  }
}

int Page::ChooseTop() const {
  constexpr int kTopN = 5;
  std::vector<int> top;  // best first
  for (int e = 0; e < static_cast<int>(elems_.size()); ++e) {
    if (!sums_[e].scored || excluded_[e]) continue;
    auto it = std::find_if(top.begin(), top.end(),
                           [&](int t) { return sums_[e].score > sums_[t].score; });
    if (it - top.begin() < kTopN) {
      top.insert(it, e);
      if (static_cast<int>(top.size()) > kTopN) top.pop_back();
    }
  }
  if (top.empty()) return 0;
  int best = top[0];
  // Several near-equal candidates under one ancestor: the article is split
  // into sections, take the ancestor.
  std::vector<int> close;
  for (std::size_t i = 1; i < top.size(); ++i) {
    if (sums_[top[i]].score >= 0.75 * sums_[best].score) close.push_back(top[i]);
  }
  if (close.size() >= 3) {
    for (int a = elems_[best].parent; a > 0; a = elems_[a].parent) {
      int containing = 0;
      for (int c : close) containing += IsAncestor(a, c) ? 1 : 0;
      if (containing >= 3) {
        best = a;
        break;
      }
    }
  }
  // A score that rises going up means more content around: unify it.
  double last = sums_[best].score;
  double threshold = last / 3;
  for (int a = elems_[best].parent; a > 0; a = elems_[a].parent) {
    if (!sums_[a].scored) continue;
    if (sums_[a].score < threshold) break;
    if (sums_[a].score > last) {
      best = a;
      break;
    }
    last = sums_[a].score;
  }
  // An only child says nothing its parent does not.
  while (best > 0 && elems_[best].parent > 0 && sums_[elems_[best].parent].children == 1) {
    best = elems_[best].parent;
  }
  return best;
}

// Readability's conditional cleaning of one container inside the article:
// a table, list or div whose shape says links, forms or images.
bool Page::Removable(int e, int top, const Attempt& attempt) const {
  const Elem& el = elems_[e];
  if (e == top) return false;
  const Sums& s = sums_[e];
  int weight = attempt.weight_classes ? el.class_weight : 0;
  if (weight + (s.scored ? s.score : 0.0) < 0) return true;
  if (s.commas >= 10) return false;
  bool is_list = (el.flags & kList) || (s.chars > 0 && s.list_chars * 10 > s.chars * 9);
  double link_density = LinkDensity(e);
  if (s.images > 1 && s.paragraphs * 2 < s.images) return true;
  if (s.inputs > s.paragraphs / 3) return true;
  if (!is_list && s.chars < 25 && s.heading_chars * 10 < s.chars * 9 &&
      (s.images == 0 || s.images > 2)) {
    return true;
  }
  if (!is_list && weight < 25 && link_density > 0.2) return true;
  if (weight >= 25 && link_density > 0.5) return true;
  return false;
}

bool Page::KeepLine(const Line& l) const {
  uint32_t f = elems_[l.owner].flags;
  if (f & kTitle) return false;
  // Mostly links and little text of its own: a link list, "Read more: ...".
  // Own text of a paragraph's length keeps a line whatever its links.
  if (!(f & kLinkyOk) && l.link_chars * 2 > l.chars && l.chars - l.link_chars < 100) return false;
  return !content::IsFurnitureLine(Text(l));
}

std::string Page::Extract(const Attempt& attempt, int* chars) {
  *chars = 0;
  if (lines_.empty()) return {};
  Sum(attempt);
  Score(attempt);
  int top = ChooseTop();

  // The top candidate and those of its siblings that look like more of it.
  std::vector<int> roots;
  int parent = elems_[top].parent;
  if (parent < 0) {
    roots.push_back(top);
  } else {
    double threshold = std::max(10.0, sums_[top].score * 0.2);
    std::string_view top_class = Attribute(elems_[top].node, "class");
    for (int c = parent + 1; c < elems_[parent].end; c = elems_[c].end) {
      if (excluded_[c] || !(elems_[c].flags & kBlock)) continue;
      if (c == top) {
        roots.push_back(c);
        continue;
      }
      const Sums& s = sums_[c];
      double bonus = (!top_class.empty() && Attribute(elems_[c].node, "class") == top_class)
                         ? sums_[top].score * 0.2
                         : 0.0;
      bool append = s.scored && s.score + bonus >= threshold;
      // Readability's scores reach five levels up only; a sibling that
      // wraps its paragraphs deeper (an article split by an embedded
      // figure) is judged by its prose instead: a substantial part of the
      // article's length, not a blurb beside it.
      if (!append && s.prose_chars >= 200 && s.prose_chars * 4 >= sums_[top].chars &&
          s.prose_chars * 2 >= s.chars && LinkDensity(c) < 0.25 &&
          (!attempt.weight_classes || elems_[c].class_weight >= 0)) {
        append = true;
      }
      if (!append && (elems_[c].flags & kP)) {
        double ld = LinkDensity(c);
        if (s.chars > 80 && ld < 0.25) {
          append = true;
        } else if (s.chars > 0 && s.chars <= 80 && ld == 0) {
          for (int i = elems_[c].line_begin; i < elems_[c].line_end && !append; ++i) {
            std::string_view t = Text(lines_[i]);
            append = t.find(". ") != std::string_view::npos || (!t.empty() && t.back() == '.');
          }
        }
      }
      if (append) roots.push_back(c);
    }
  }

  // Containers inside that conditional cleaning removes.
  std::vector<char> dead(elems_.size(), 0);
  for (int r : roots) {
    for (int e = r; e < elems_[r].end; ++e) {
      if (excluded_[e]) {
        dead[e] = 1;
        continue;
      }
      if (e > r && dead[elems_[e].parent]) {
        dead[e] = 1;
        continue;
      }
      if (attempt.clean_conditionally && (elems_[e].flags & kCleanable) &&
          Removable(e, top, attempt)) {
        dead[e] = 1;
      }
    }
  }

  std::string out;
  for (int r : roots) {
    for (int i = elems_[r].line_begin; i < elems_[r].line_end; ++i) {
      const Line& l = lines_[i];
      if (dead[l.owner] || !KeepLine(l)) continue;
      if (!out.empty()) out.push_back('\n');
      out.append(Text(l));
      *chars += l.chars;
    }
  }
  return out;
}

std::string Page::AllParagraphs(int* chars) const {
  std::string out;
  *chars = 0;
  for (const Line& l : lines_) {
    if (l.chars < 50 || !KeepLine(l)) continue;
    if (!out.empty()) out.push_back('\n');
    out.append(Text(l));
    *chars += l.chars;
  }
  return out;
}

}  // namespace

std::string ExtractMainText(const HtmlDocument& doc) {
  const xmlNode* body = doc.body();
  if (body == nullptr) return {};
  Page page(body);
  // Readability's retry ladder: an article of fewer than 500 characters may
  // mean the rules removed it; try again with fewer rules, keep the longest.
  constexpr int kEnough = 500;
  static constexpr Attempt kAttempts[] = {
      {true, true, true}, {false, true, true}, {false, false, true}, {false, false, false}};
  std::string best;
  int best_chars = 0;
  for (const Attempt& a : kAttempts) {
    int chars = 0;
    std::string text = page.Extract(a, &chars);
    if (chars >= kEnough) return text;
    if (chars > best_chars) {
      best = std::move(text);
      best_chars = chars;
    }
  }
  if (best_chars == 0) best = page.AllParagraphs(&best_chars);
  return best;
}

}  // namespace storyline::extract
