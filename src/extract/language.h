// Language identification with cld2 (Debian libcld2): the page's declared
// language is checked against its text, and the text wins when they disagree.
#ifndef STORYLINE_EXTRACT_LANGUAGE_H_
#define STORYLINE_EXTRACT_LANGUAGE_H_

#include <string>
#include <string_view>

namespace storyline::extract {

// The primary language tag ("en", "de", "zh") of `text`, REQUIRES valid UTF-8.
// When cld2 is not confident, the declared tag's primary subtag ("en-GB" ->
// "en"); "" when neither says anything.
std::string DetectLanguage(std::string_view text, std::string_view declared);

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_LANGUAGE_H_
