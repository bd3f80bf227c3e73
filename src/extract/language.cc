#include "extract/language.h"

#include <cld2/public/compact_lang_det.h>

namespace storyline::extract {
namespace {

std::string PrimaryTag(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

}  // namespace

std::string DetectLanguage(std::string_view text, std::string_view declared) {
  std::string hint = PrimaryTag(declared);
  CLD2::Language top3[3];
  int percent3[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::Language lang = CLD2::DetectLanguageSummary(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, top3, percent3,
      &text_bytes, &reliable);
  if (reliable && lang != CLD2::UNKNOWN_LANGUAGE) return CLD2::LanguageCode(lang);
  return hint;
}

}  // namespace storyline::extract
