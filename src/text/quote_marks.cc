#include "text/quote_marks.h"

#include <utf8proc.h>

#include <algorithm>

#include "util/abbreviations.h"
#include "util/utf8.h"

namespace storyline::text::quote_internal {
namespace {

constexpr int kMaxQuoteParagraphs = 3;
constexpr int kMaxQuoteWords = 120;

// Kind of the UTF-8 punctuation starting at text[i] (E2 80 xx, C2 AB/BB),
// with its length; kWord when it is not one we care about.
Kind Punctuation(std::string_view text, std::size_t i, std::size_t* len) {
  auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    *len = 3;
    switch (static_cast<unsigned char>(text[i + 2])) {
      case 0x9C:  // “
      case 0x9E:  // „
        return Kind::kOpen;
      case 0x9D:  // ”
        return Kind::kClose;
      case 0x93:  // –
      case 0x94:  // —
        return Kind::kDash;
      case 0x98:  // ‘ (single marks: not quotation marks here)
      case 0x99:  // ’
      case 0xA6:  // …
      case 0x89:  // thin space
      case 0xAF:  // narrow no-break space (French: « Oui »)
        return Kind::kOther;
      default:
        break;
    }
  }
  if (b0 == 0xC2 && i + 1 < text.size()) {
    auto b1 = static_cast<unsigned char>(text[i + 1]);
    *len = 2;
    if (b1 == 0xAB) return Kind::kOpen;   // «
    if (b1 == 0xBB) return Kind::kClose;  // »
    if (b1 == 0xA0) return Kind::kOther;  // no-break space
  }
  *len = 0;
  return Kind::kWord;
}

bool IsWordByte(std::string_view text, std::size_t i) {
  auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  std::size_t len;
  return Punctuation(text, i, &len) == Kind::kWord;
}

// Length of an apostrophe at text[i] (' or ’), or 0.
std::size_t Apostrophe(std::string_view text, std::size_t i) {
  if (text[i] == '\'') return 1;
  if (text.substr(i, 3) == "\xE2\x80\x99") return 3;
  return 0;
}

// Whether text[i] starts a space (ASCII, no-break or narrow no-break) or is
// past the end.
bool SpaceAt(std::string_view text, std::size_t i) {
  if (i >= text.size()) return true;
  char c = text[i];
  if (c == ' ' || c == '\n' || c == '\r' || c == '\t') return true;
  return text.substr(i, 2) == "\xC2\xA0" || text.substr(i, 3) == "\xE2\x80\xAF";
}

// Whether the character ending just before text[i] is a space, or i is 0.
bool SpaceBefore(std::string_view text, std::size_t i) {
  if (i == 0) return true;
  char c = text[i - 1];
  if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '(' || c == '[') return true;
  return (i >= 2 && text.substr(i - 2, 2) == "\xC2\xA0") ||
         (i >= 3 && text.substr(i - 3, 3) == "\xE2\x80\xAF");
}

// A mark placed as an opening one ("said “Yes", " »Ja") or a closing one
// ("yes”,", "ja“ sagte"); one with space on both sides or none is neither.
enum class Shape : std::uint8_t { kNeither, kOpening, kClosing };

Shape ShapeOf(std::string_view text, const Tok& t) {
  const bool before = SpaceBefore(text, t.begin);
  const bool after = SpaceAt(text, t.end) ||
                     (t.end < text.size() &&
                      std::string_view(",.;:!?)").find(text[t.end]) != std::string_view::npos);
  if (before && !after) return Shape::kOpening;
  if (!before && after) return Shape::kClosing;
  return Shape::kNeither;
}

bool StraightOpens(std::string_view text, const Tok& t) {
  bool space_before = t.begin == 0 || text[t.begin - 1] == ' ' || text[t.begin - 1] == '\n' ||
                      text[t.begin - 1] == '(' || text[t.begin - 1] == '[';
  if (t.end >= text.size()) return false;
  // A sentence glued to the one before: `... Mars."Congratulations to`.
  // The mark opens a quote where none is open in its paragraph, an even
  // number of straight marks before it (else it closes one: `... that
  // business."Everyone wants snow`).
  if (!space_before && t.begin > 0 &&
      std::string_view(".!?").find(text[t.begin - 1]) != std::string_view::npos) {
    return text[t.end] >= 'A' && text[t.end] <= 'Z' && !t.after_odd;
  }
  if (!space_before) return false;
  // Nor does a mark right before a comma open: `... de Viena ", dijo` (a
  // full stop may: `said: "...no acts`).
  switch (text[t.end]) {
    case ' ':
    case '\n':
    case '\r':
    case ',':
    case ';':
    case ':':
    case ')':
      return false;
    default:
      return true;
  }
}

}  // namespace

bool IsUpperAt(std::string_view text, std::size_t i) {
  auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  std::size_t p = i;
  char32_t cp = DecodeUtf8(text, &p);
  return utf8proc_isupper(static_cast<utf8proc_int32_t>(cp));
}

void Scan(std::string_view text, std::vector<Tok>* toks) {
  toks->clear();
  toks->reserve(text.size() / 4);
  const std::size_t n = text.size();
  std::size_t i = 0;
  auto push = [&](std::size_t b, std::size_t e, Kind k) {
    toks->push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), k, false});
  };
  bool odd = false;  // straight marks since the last line break
  while (i < n) {
    char c = text[i];
    if (c == '\n' || c == '\r') {
      odd = false;
      if (!toks->empty() && toks->back().kind != Kind::kBreak) push(i, i + 1, Kind::kBreak);
      ++i;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
      ++i;
      continue;
    }
    std::size_t plen = 0;
    Kind pk = static_cast<unsigned char>(c) >= 0x80 ? Punctuation(text, i, &plen) : Kind::kWord;
    if (plen > 0 && pk != Kind::kWord) {
      if (pk != Kind::kOther || text.substr(i, 3) == "\xE2\x80\xA6") push(i, i + plen, pk);
      i += plen;
      continue;
    }
    if (IsWordByte(text, i)) {
      std::size_t b = i;
      while (i < n) {
        if (IsWordByte(text, i)) {
          i += static_cast<unsigned char>(text[i]) < 0x80    ? 1
               : static_cast<unsigned char>(text[i]) >= 0xF0 ? 4
               : static_cast<unsigned char>(text[i]) >= 0xE0 ? 3
                                                             : 2;
          continue;
        }
        // Internal apostrophes, hyphens and dots ("can’t", "Jae-in", "U.S").
        std::size_t a = Apostrophe(text, i);
        if (a == 0 && (text[i] == '-' || text[i] == '.')) a = 1;
        if (a > 0 && i + a < n && IsWordByte(text, i + a)) {
          i += a;
          continue;
        }
        break;
      }
      i = std::min(i, n);
      Tok t{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(i), Kind::kWord,
            IsUpperAt(text, b)};
      toks->push_back(t);
      continue;
    }
    switch (c) {
      case '"':
        push(i, i + 1, Kind::kStraight);
        toks->back().after_odd = odd;
        odd = !odd;
        break;
      case ',':
        push(i, i + 1, Kind::kComma);
        break;
      case ':':
        push(i, i + 1, Kind::kColon);
        break;
      case ';':
        push(i, i + 1, Kind::kSemicolon);
        break;
      case '!':
      case '?':
        push(i, i + 1, Kind::kStop);
        break;
      case '.': {
        // Not a sentence end after "Mr", "U.S" or an initial: the dot is
        // part of the word, so "said Dr. Beatriz Olmos" and "John F.
        // Kennedy said" read as one name.
        if (!toks->empty() && toks->back().kind == Kind::kWord && toks->back().end == i) {
          Tok& word = toks->back();
          std::string_view w = text.substr(word.begin, word.end - word.begin);
          if (FullStopEndsNoSentence(w, text.substr(i + 1))) {
            word.end = static_cast<std::uint32_t>(i + 1);
            break;
          }
        }
        push(i, i + 1, Kind::kStop);
        break;
      }
      default:
        push(i, i + 1, (c == '-') ? Kind::kDash : Kind::kOther);
        break;
    }
    ++i;
  }
}

void ApplyQuotationStyle(std::string_view text, std::vector<Tok>* toks) {
  constexpr std::string_view kLeft = "\xE2\x80\x9C", kLeftGuillemet = "\xC2\xAB",
                             kRightGuillemet = "\xC2\xBB";
  auto mark = [&](const Tok& t) { return text.substr(t.begin, t.end - t.begin); };
  int left[3] = {0, 0, 0}, right_guillemet[3] = {0, 0, 0};  // by Shape
  for (const Tok& t : *toks) {
    if (t.kind != Kind::kOpen && t.kind != Kind::kClose) continue;
    std::string_view m = mark(t);
    if (m == kLeft) ++left[static_cast<int>(ShapeOf(text, t))];
    if (m == kRightGuillemet) ++right_guillemet[static_cast<int>(ShapeOf(text, t))];
  }
  constexpr int kOpening = static_cast<int>(Shape::kOpening);
  constexpr int kClosing = static_cast<int>(Shape::kClosing);
  const bool left_closes = left[kClosing] > left[kOpening];
  const bool reversed_guillemets = right_guillemet[kOpening] > right_guillemet[kClosing];
  if (!left_closes && !reversed_guillemets) return;
  for (Tok& t : *toks) {
    if (t.kind != Kind::kOpen && t.kind != Kind::kClose) continue;
    std::string_view m = mark(t);
    if (left_closes && m == kLeft) t.kind = Kind::kClose;
    if (reversed_guillemets && m == kRightGuillemet) t.kind = Kind::kOpen;
    if (reversed_guillemets && m == kLeftGuillemet) t.kind = Kind::kClose;
  }
}

bool IsOpening(std::string_view text, const Tok& t) {
  return t.kind == Kind::kOpen || (t.kind == Kind::kStraight && StraightOpens(text, t));
}

std::vector<Part> FindParts(std::string_view text, const std::vector<Tok>& toks) {
  std::vector<Part> parts;
  Part cur;
  bool inside = false;
  int paragraphs = 0;
  int span_first = -1;
  const int n = static_cast<int>(toks.size());
  auto finish = [&](int close, int last) {
    if (span_first >= 0 && last >= span_first) cur.spans.push_back({span_first, last});
    cur.close = close;
    cur.last = last;
    parts.push_back(std::move(cur));
    cur = Part();
    inside = false;
  };
  auto start = [&](int i) {
    cur = Part();
    cur.open = i;
    inside = true;
    paragraphs = 1;
    span_first = i + 1;
  };
  for (int i = 0; i < n; ++i) {
    const Tok& t = toks[i];
    switch (t.kind) {
      case Kind::kOpen:
        start(i);  // inside already: the earlier mark was never closed
        break;
      case Kind::kClose:
        if (inside) finish(i, i - 1);
        break;
      case Kind::kStraight:
        if (!inside) {
          if (StraightOpens(text, t)) start(i);
        } else if (StraightOpens(text, t) && i > 0 && toks[i - 1].end < t.begin) {
          start(i);  // " word ... " word: a new quote, the old one was unclosed
        } else {
          finish(i, i - 1);
        }
        break;
      case Kind::kBreak:
        if (inside) {
          bool more = i + 1 < n && IsOpening(text, toks[i + 1]) &&
                      paragraphs < kMaxQuoteParagraphs && cur.words < kMaxQuoteWords;
          if (more) {
            if (span_first >= 0 && i - 1 >= span_first) cur.spans.push_back({span_first, i - 1});
            ++paragraphs;
            span_first = i + 2;
            ++i;  // the continuation mark
          } else {
            finish(-1, i - 1);
          }
        }
        break;
      case Kind::kWord:
        if (inside) ++cur.words;
        break;
      default:
        break;
    }
  }
  if (inside) finish(-1, n - 1);
  // Drop empty parts (a mark followed by its closing mark).
  std::erase_if(parts, [](const Part& p) { return p.words == 0; });
  return parts;
}

}  // namespace storyline::text::quote_internal
