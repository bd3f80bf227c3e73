// The languages whose words the analyzer knows beyond English: for each, the
// Snowball stemmer (libstemmer) where Snowball has one, and its function
// words ("der", "und", "que", "ve"), which are stop words. Read with
// English rules, a German article's "der", "die" and "und" are rare words of
// high weight, and any two German articles look alike: on the SemEval 2022
// German pairs half of the unrelated ones were put together (2026-11-25).
//
//   Language lang = LanguageOf(article.lang);   // "de" -> Language::kGerman
//   if (IsStopWordIn(lang, folded)) ...
//
// A language not listed here is read as English is.
//
// Thread-safety: constants and pure functions.
#ifndef STORYLINE_TEXT_LANGUAGES_H_
#define STORYLINE_TEXT_LANGUAGES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace storyline::text {

enum class Language : std::uint8_t {
  kEnglish,  // also every language not listed
  kGerman,
  kFrench,
  kSpanish,
  kItalian,
  kPortuguese,
  kDutch,
  kTurkish,
  kRussian,
  kArabic,
};
inline constexpr std::size_t kLanguages = 10;

// The language of a BCP 47 tag's primary subtag ("de", "de-AT", "pt-BR";
// read by extract::PrimaryLanguageTag()); kEnglish for "" and for any
// language not listed.
Language LanguageOf(std::string_view tag);

// The libstemmer algorithm name ("german"), or "" where Snowball has none.
std::string_view StemmerName(Language lang);

// Whether `folded` (a token after Fold(): lower case, accents stripped) is
// a function word of `lang`. REQUIRES: lang != kEnglish (English has its own
// lists, text/stopwords.h).
bool IsStopWordIn(Language lang, std::string_view folded);

}  // namespace storyline::text

#endif  // STORYLINE_TEXT_LANGUAGES_H_
