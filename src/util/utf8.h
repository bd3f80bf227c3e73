// UTF-8 validation and decoding for outside bytes.
#ifndef STORYLINE_UTIL_UTF8_H_
#define STORYLINE_UTIL_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace storyline {

// Returns the byte offset of the first invalid UTF-8 sequence in `text`, or
// text.size() when all of it is valid (overlongs and surrogates are invalid).
std::size_t FindInvalidUtf8(std::string_view text);

// SIMD-fast (simdjson's validator); FindInvalidUtf8 says where it fails.
bool IsValidUtf8(std::string_view text);

// A copy of `text` with each invalid byte replaced by U+FFFD.
std::string ReplaceInvalidUtf8(std::string_view text);

// Replaces in `text` (valid UTF-8) each C1 control character U+0080-U+009F
// by the windows-1252 character of that byte ("\u0092" -> "\u2019",
// "\u0097" -> "\u2014", "\u0095" -> "\u2022"), as the web decodes such
// bytes: text that went through Latin-1 on its way carries them for curly
// quotes, dashes and bullets, and no text means the controls. The five
// bytes windows-1252 leaves undefined become spaces. Returns whether
// anything was replaced; linear, and allocates nothing when there is none.
bool RepairC1Controls(std::string* text);

// Appends the UTF-8 of `cp` to `out`; U+FFFD for NUL, a surrogate or a
// value past U+10FFFF.
void AppendUtf8(char32_t cp, std::string* out);

// Repairs mojibake in `text` (valid UTF-8): UTF-8 that was read as
// windows-1252 or Latin-1 on its way and encoded again, so that "\u2019"
// arrived as "\u00E2\u20AC\u2122" ("itâ€™s"), "\u00E9" as "\u00C3\u00A9"
// ("cafÃ©"), "\u2014" as "\u00E2" and two C1 controls. A run of such
// characters is read back as bytes and decoded when they are valid UTF-8;
// a run of one only when it spells what mojibake usually does (Latin-1 and
// Latin Extended-A letters and signs, punctuation, currency, arrows and other
// signs of U+2000-U+2BFF, emoji, the byte-order mark, which is dropped) and
// is not a letter before a curly quote ("PÅ”"); longer runs are words of
// other scripts ("ÐŸÑ€Ð¸Ð²ÐµÑ‚" is "Привет"). Text written in those
// characters on purpose ("Straße“", "São Paulo", "été «") is left alone.
// Returns whether anything was repaired; allocates nothing when no
// U+00C2-U+00F4 character occurs. Call it before RepairC1Controls(), which
// would turn an undefined byte's control into a space.
bool RepairMojibake(std::string* text);

// The repairs of text damaged on its way, in their order: RepairMojibake(),
// then RepairC1Controls(). What StoryEngine::Prepare() does to an article's
// title and text before reading them, and `storyline extract` to what it
// prints. Returns whether anything was repaired.
bool RepairEncoding(std::string* text);

// Decodes the code point starting at text[*pos] and advances *pos past it.
// REQUIRES: *pos < text.size() and text is valid UTF-8.
inline char32_t DecodeUtf8(std::string_view text, std::size_t* pos) {
  auto b = static_cast<unsigned char>(text[*pos]);
  if (b < 0x80) {
    ++*pos;
    return b;
  }
  int len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
  char32_t cp = b & (0x7F >> len);
  for (int i = 1; i < len && *pos + i < text.size(); ++i) {
    cp = (cp << 6) | (static_cast<unsigned char>(text[*pos + i]) & 0x3F);
  }
  *pos += len;
  return cp;
}

}  // namespace storyline

#endif  // STORYLINE_UTIL_UTF8_H_
