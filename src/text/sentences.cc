#include "text/sentences.h"

#include <algorithm>
#include <array>
#include <bit>
#include <string>

#include "util/abbreviations.h"
#include "util/ascii.h"
#include "util/bytes8.h"

namespace storyline::text {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Does a new sentence plausibly start at text[i]?
bool StartsSentence(std::string_view text, std::size_t i) {
  if (i >= text.size()) return false;
  auto c = static_cast<unsigned char>(text[i]);
  if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' || c == '\'' || c == '(' ||
      c == '[')
    return true;
  if (c >= 0x80) {
    // Opening curly quotes and non-ASCII letters (most likely upper case).
    return text.substr(i, 3) != "\u2026";
  }
  return false;
}

// Whether a straight double quote is open at a position: an odd number of
// them since the last line break. Asked at positions that never go back, so
// it counts each byte once.
class QuoteParity {
 public:
  explicit QuoteParity(std::string_view text) : text_(text) {}
  bool OpenAt(std::size_t i) {
    for (; at_ < i; ++at_) {
      if (text_[at_] == '\n') {
        odd_ = false;
      } else if (text_[at_] == '"') {
        odd_ = !odd_;
      }
    }
    return odd_;
  }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
  bool odd_ = false;
};

void Emit(std::string_view text, std::size_t b, std::size_t e, std::uint16_t para,
          std::vector<SentenceSpan>* out) {
  while (b < e && (IsSpace(text[b]) || text[b] == '\n')) ++b;
  while (e > b && (IsSpace(text[e - 1]) || text[e - 1] == '\n')) --e;
  if (e > b) out->push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), para});
}

}  // namespace

std::vector<SentenceSpan> SplitSentences(std::string_view text) {
  std::vector<SentenceSpan> out;
  QuoteParity parity(text);
  std::uint16_t para = 0;
  std::size_t start = 0;
  bool para_has_text = false;
  const std::size_t n = text.size();
  // Only these bytes can end a sentence; skip everything else eight bytes a
  // step, then in a tight loop.
  static constexpr auto kStop = [] {
    std::array<bool, 256> t{};
    t['.'] = t['!'] = t['?'] = t['\n'] = true;
    return t;
  }();
  for (std::size_t i = 0; i < n; ++i) {
    for (; i + 8 <= n; i += 8) {
      const std::uint64_t x = Load8(text.data() + i);
      const std::uint64_t stops = ZeroBytes(x ^ Repeated('.')) | ZeroBytes(x ^ Repeated('!')) |
                                  ZeroBytes(x ^ Repeated('?')) | ZeroBytes(x ^ Repeated('\n'));
      if (stops != 0) {
        i += static_cast<std::size_t>(std::countr_zero(stops)) / 8;
        break;
      }
    }
    while (i < n && !kStop[static_cast<unsigned char>(text[i])]) ++i;
    if (i >= n) break;
    char c = text[i];
    if (c == '\n') {
      std::size_t before = out.size();
      Emit(text, start, i, para, &out);
      if (out.size() > before) para_has_text = true;
      if (para_has_text) {
        ++para;
        para_has_text = false;
      }
      start = i + 1;
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    std::size_t j = i + 1;
    while (j < n && (text[j] == '.' || text[j] == '!' || text[j] == '?')) ++j;
    while (j < n) {
      std::size_t m = ClosingMarkAt(text, j);
      if (m == 0) break;
      j += m;
    }
    // A closing quote glued to the next sentence's capital ("... Mars."Congratulations
    // to ...") still ends one: the space went missing, not the stop.
    const bool glued = j < n && text[j] >= 'A' && text[j] <= 'Z' &&
                       (text[j - 1] == '"' || (j >= i + 4 && text.substr(j - 3, 3) == "\u201D"));
    if (j < n && !IsSpace(text[j]) && !glued) continue;
    // A straight quote there opens the next sentence's quote when none is
    // open in the paragraph: it goes with the next sentence.
    if (glued && j == i + 2 && text[i + 1] == '"' && !parity.OpenAt(i)) j = i + 1;
    std::size_t k = j;
    while (k < n && IsSpace(text[k])) ++k;
    if (k < n && text[k] != '\n' && !StartsSentence(text, k)) continue;
    if (c == '.') {
      if (FullStopEndsNoSentence(WordBeforeFullStop(text, i), text.substr(j))) continue;
    }
    std::size_t before = out.size();
    Emit(text, start, j, para, &out);
    if (out.size() > before) para_has_text = true;
    start = j;
    i = j - 1;
  }
  Emit(text, start, n, para, &out);
  return out;
}

}  // namespace storyline::text
