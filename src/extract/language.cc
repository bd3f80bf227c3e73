#include "extract/language.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <algorithm>

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

}  // namespace

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
