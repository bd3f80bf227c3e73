// Language identification with cld2 (Debian libcld2): the page's declared
// language is checked against its text.
//
//   std::string lang = DetectLanguage(page_text, "en-GB", "https://example.fr/a");  // "fr"
//
// Rules: cld2 reads the text with the declared tag as its content-language
// hint and the URL's country TLD as its TLD hint. When cld2 is reliable on
// enough text (kMinBytesToOverride) the text wins, even against the
// declaration; otherwise the declared tag; "" when neither says anything.
//
// Output is the lower-case primary subtag of BCP 47 ("en", "fr", "zh"): script
// and region are dropped, so cld2's "zh-Hant" and a declared "zh-TW" are both
// "zh" (storyline groups by language, and Chinese in either script is one
// language for that); cld2's legacy codes are mapped to current ones
// ("iw" -> "he", "jw" -> "jv", "in" -> "id", "ji" -> "yi", "mo" -> "ro").
//
// Thread-safe: cld2 keeps no state between calls.
#ifndef STORYLINE_EXTRACT_LANGUAGE_H_
#define STORYLINE_EXTRACT_LANGUAGE_H_

#include <string>
#include <string_view>

namespace storyline::extract {

// Text shorter than this (in letters cld2 scored) never overrides a declared tag.
inline constexpr int kMinBytesToOverride = 100;

// REQUIRES: `text` is valid UTF-8. `declared` is the page's own tag as written
// ("en-US", "fr_FR", "" when none); `url` may be "".
std::string DetectLanguage(std::string_view text, std::string_view declared,
                           std::string_view url = {});

// The language of a text that came with none (a plain-text file, a JSONL
// line without "lang"): "en" when English grammar words ("the", "of",
// "and", "to", ...) make up at least an eighth of its first 40 words, the
// cheap test that answers for an English stream (cld2 costs as much as all
// the rest of reading an article); else DetectLanguage(text, "") on its
// first 4 KB, "" when cld2 cannot tell.
std::string TextLanguage(std::string_view text);

// The primary subtag of a language tag, lower case, legacy codes mapped;
// "" when `tag` does not start with 2-3 letters ("en-GB" -> "en", "x" -> "").
std::string PrimaryLanguageTag(std::string_view tag);

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_LANGUAGE_H_
