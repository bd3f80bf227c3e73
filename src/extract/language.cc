#include "extract/language.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <algorithm>
#include <cstdint>

#include "util/ascii.h"

namespace storyline::extract {
namespace {

// The country-code TLD of the URL's host ("fr" for "https://www.lemonde.fr/x"),
// "" for generic TLDs or no URL.
std::string CountryTld(std::string_view url) {
  std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view host = url.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/?#:"));
  std::size_t dot = host.rfind('.');
  if (dot == std::string_view::npos) return {};
  std::string_view tld = host.substr(dot + 1);
  if (tld.size() != 2) return {};
  std::string out;
  for (char c : tld) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return {};
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

// `w` (at most 8 lower-case ASCII letters) as one number, first letter lowest.
constexpr std::uint64_t Packed(std::string_view w) {
  std::uint64_t x = 0;
  for (std::size_t i = 0; i < w.size(); ++i)
    x |= std::uint64_t{static_cast<unsigned char>(w[i])} << (8 * i);
  return x;
}

// Whether English grammar words make up at least an eighth of the first
// words of `text` (at least 20 of them). English runs at a quarter and
// more; other languages written in Latin letters share a few of them ("a",
// "in", "is") at a twentieth or less.
bool LooksEnglish(std::string_view text) {
  static constexpr std::uint64_t kWords[] = {
      Packed("the"), Packed("of"),   Packed("and"), Packed("to"), Packed("a"),   Packed("in"),
      Packed("is"),  Packed("that"), Packed("for"), Packed("on"), Packed("was"), Packed("with"),
      Packed("he"),  Packed("it"),   Packed("as"),  Packed("at"), Packed("by"),  Packed("said")};
  constexpr int kMaxWords = 40;
  int words = 0, hits = 0;
  std::uint64_t word = 0;  // the current word's letters, Packed(); 0 when it cannot be one
  bool in_word = false;
  std::size_t len = 0;
  const auto end_word = [&] {
    if (!in_word) return;
    ++words;
    if (word != 0)
      hits += std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
    in_word = false;
    word = 0;
    len = 0;
  };
  for (std::size_t i = 0; i < text.size() && words < kMaxWords; ++i) {
    const char c = text[i];
    if (AsciiAlpha(c)) {
      // Past 4 letters a word is none of kWords.
      word = in_word && (word == 0 || len >= 4)
                 ? 0
                 : word | std::uint64_t{static_cast<unsigned char>(c | 0x20)} << (8 * len);
      in_word = true;
      ++len;
    } else if (static_cast<unsigned char>(c) >= 0x80 || c == '\'' || AsciiDigit(c)) {
      in_word = true;  // part of a word that is none of kWords
      word = 0;
      len = 5;
    } else {
      end_word();
    }
  }
  end_word();
  return words >= 20 && hits * 8 >= words;
}

}  // namespace

std::string TextLanguage(std::string_view text) {
  if (LooksEnglish(text)) return "en";
  constexpr std::size_t kBytes = 4 << 10;
  std::size_t cut = std::min(text.size(), kBytes);
  while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return DetectLanguage(text.substr(0, cut), "");
}

std::string PrimaryLanguageTag(std::string_view tag) {
  std::string out;
  std::size_t i = 0;
  while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t')) ++i;
  for (; i < tag.size() && tag[i] != '-' && tag[i] != '_' && tag[i] != ' ' && tag[i] != ','; ++i) {
    unsigned char c = static_cast<unsigned char>(tag[i]);
    if (!std::isalpha(c)) return {};
    out.push_back(static_cast<char>(std::tolower(c)));
  }
  if (out.size() < 2 || out.size() > 3) return {};
  if (out == "iw") return "he";
  if (out == "jw") return "jv";
  if (out == "in") return "id";
  if (out == "ji") return "yi";
  if (out == "mo") return "ro";
  return out;
}

constexpr std::size_t kMaxBytesScored = 16 << 10;

std::string DetectLanguage(std::string_view text, std::string_view declared, std::string_view url) {
  std::string hint = PrimaryLanguageTag(declared);
  if (text.empty()) return hint;
  std::string tld = CountryTld(url);
  CLD2::CLDHints hints = {hint.empty() ? nullptr : hint.c_str(),
                          tld.empty() ? nullptr : tld.c_str(), CLD2::UNKNOWN_ENCODING,
                          CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language top3[3];
  int percent3[3];
  double scores3[3];
  int text_bytes = 0;
  bool reliable = false;
  // The first 16 KB say which language a page is in as well as all of it
  // does; cut at a character boundary.
  std::size_t cut = std::min(text.size(), kMaxBytesScored);
  while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text = text.substr(0, cut);
  CLD2::Language lang = CLD2::ExtDetectLanguageSummary(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, &hints, /*flags=*/0, top3,
      percent3, scores3, /*resultchunkvector=*/nullptr, &text_bytes, &reliable);
  std::string detected;
  if (lang != CLD2::UNKNOWN_LANGUAGE && lang != CLD2::TG_UNKNOWN_LANGUAGE) {
    detected = PrimaryLanguageTag(CLD2::LanguageCode(lang));
  }
  if (detected.empty() || !reliable) return hint;
  if (hint.empty() || hint == detected) return detected;
  // They disagree: the text wins only when there is enough of it.
  return text_bytes >= kMinBytesToOverride ? detected : hint;
}

}  // namespace storyline::extract
