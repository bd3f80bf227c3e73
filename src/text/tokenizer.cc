#include "text/tokenizer.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>

#include "util/ascii.h"
#include "util/utf8.h"

namespace storyline::text {
namespace {

enum class CharClass { kOther, kLetter, kUpper, kDigit, kMark };

CharClass Classify(char32_t cp) {
  if (cp < 0x80) {
    if (cp >= 'a' && cp <= 'z') return CharClass::kLetter;
    if (cp >= 'A' && cp <= 'Z') return CharClass::kUpper;
    if (cp >= '0' && cp <= '9') return CharClass::kDigit;
    return CharClass::kOther;
  }
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
      return CharClass::kUpper;
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return CharClass::kLetter;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
      return CharClass::kMark;
    case UTF8PROC_CATEGORY_ND:
      return CharClass::kDigit;
    default:
      return CharClass::kOther;
  }
}

bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == U'\u2019'; }

// Byte classes for the ASCII fast paths of Tokenize(): almost all news text
// is ASCII, where one table lookup a byte replaces decoding and classifying
// a code point. kAsciiWordByte marks letters and digits, kAsciiUpper capitals;
// bytes of 0x80 and up have neither and take the general path.
constexpr std::uint8_t kAsciiWordByte = 1;
constexpr std::uint8_t kAsciiUpper = 2;
constexpr std::uint8_t kAsciiSkip = 4;  // an ASCII byte that starts no token

struct AsciiTable {
  std::uint8_t bits[256] = {};
  constexpr AsciiTable() {
    for (int c = 0; c < 0x80; ++c) {
      const bool lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z';
      const bool digit = c >= '0' && c <= '9';
      if (lower || upper || digit) bits[c] |= kAsciiWordByte;
      if (upper) bits[c] |= kAsciiUpper;
      if (!(lower || upper || digit)) bits[c] |= kAsciiSkip;
    }
  }
};
constexpr AsciiTable kAscii;

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  return tokens;
}

void Tokenize(std::string_view text, std::vector<Token>* out) {
  std::vector<Token>& tokens = *out;
  tokens.clear();
  tokens.reserve(text.size() / 6);
  std::size_t pos = 0;
  const std::size_t n = text.size();
  while (pos < n) {
    // Spaces and punctuation between tokens.
    while (pos < n && (kAscii.bits[static_cast<unsigned char>(text[pos])] & kAsciiSkip)) ++pos;
    if (pos >= n) break;
    std::size_t start = pos;
    char32_t cp = DecodeUtf8(text, &pos);
    CharClass cls = Classify(cp);
    if (cls == CharClass::kOther || cls == CharClass::kMark) continue;

    Token tok;
    tok.begin = static_cast<std::uint32_t>(start);
    tok.ascii = cp < 0x80;
    if (cls == CharClass::kDigit) {
      tok.kind = TokenKind::kNumber;
      std::size_t end = pos;
      while (pos < n) {
        std::size_t save = pos;
        char32_t c = DecodeUtf8(text, &pos);
        CharClass k = Classify(c);
        if (k == CharClass::kDigit) {
          end = pos;
          continue;
        }
        // "6.1", "1,200": a separator counts only between two digits.
        if ((c == '.' || c == ',') && pos < n && static_cast<unsigned char>(text[pos]) >= '0' &&
            static_cast<unsigned char>(text[pos]) <= '9') {
          continue;
        }
        pos = save;
        break;
      }
      tok.end = static_cast<std::uint32_t>(end);
      tokens.push_back(tok);
      continue;
    }

    tok.kind = TokenKind::kWord;
    tok.capitalized = cls == CharClass::kUpper;
    int letters = 1, uppers = cls == CharClass::kUpper ? 1 : 0;
    std::size_t end = pos;
    while (pos < n) {
      // A run of ASCII letters and digits, the common case: each counts as
      // a letter, as in the general path below. Capitals matter only to a
      // word that starts with one (all_caps), so only there are they counted.
      std::size_t run = pos;
      if (tok.capitalized) {
        for (std::uint8_t b;
             pos < n && ((b = kAscii.bits[static_cast<unsigned char>(text[pos])]) & kAsciiWordByte);
             ++pos) {
          uppers += (b & kAsciiUpper) != 0;
        }
      } else {
        while (pos < n && (kAscii.bits[static_cast<unsigned char>(text[pos])] & kAsciiWordByte)) {
          ++pos;
        }
      }
      if (pos != run) {
        letters += static_cast<int>(pos - run);
        end = pos;
        if (pos >= n) break;
      }
      // ASCII other than a letter, digit or apostrophe ends the word.
      if (const auto b = static_cast<unsigned char>(text[pos]); b < 0x80 && b != '\'') break;
      std::size_t save = pos;
      char32_t c = DecodeUtf8(text, &pos);
      CharClass k = Classify(c);
      if (k == CharClass::kLetter || k == CharClass::kUpper || k == CharClass::kMark ||
          k == CharClass::kDigit) {
        if (c >= 0x80) tok.ascii = false;
        if (k == CharClass::kUpper) ++uppers;
        if (k != CharClass::kMark) ++letters;
        end = pos;
        continue;
      }
      if (IsApostrophe(c) && pos < n) {
        // Keep "O'Brien"/"don't" whole, but drop a possessive "'s".
        std::size_t look = pos;
        char32_t next = DecodeUtf8(text, &look);
        CharClass nk = Classify(next);
        if (nk == CharClass::kLetter || nk == CharClass::kUpper) {
          bool possessive = (next == 's' || next == 'S');
          if (possessive) {
            std::size_t after = look;
            bool ends = after >= n || Classify(DecodeUtf8(text, &after)) == CharClass::kOther;
            if (ends) {
              pos = look;
              break;
            }
          }
          // A plural possessive with its space lost in the source
          // ("Nichols'fate", "Wizards'Eddie Jordan") is two words; a name
          // spelled with an apostrophe ("Ma'an", "Qa'ida", "O'Brien") does not
          // end in "s".
          if (end == save && (text[end - 1] == 's' || text[end - 1] == 'S') && letters >= 3) {
            std::size_t after = look;
            CharClass ak = after < n ? Classify(DecodeUtf8(text, &after)) : CharClass::kOther;
            if (ak == CharClass::kLetter || ak == CharClass::kUpper) {
              pos = save;
              break;
            }
          }
          if (c >= 0x80) tok.ascii = false;
          tok.punctuated = true;
          continue;
        }
      }
      pos = save;
      break;
    }
    // An abbreviation written with dots ("U.S.", "U.N.", "a.m.") is one token,
    // so it matches the same one written without them.
    // "a.m." and "A.M." alike, so letter case never changes the tokens.
    if (letters == 1 && tok.ascii && end < n && text[end] == '.') {
      std::size_t p = end;
      while (p + 1 < n && text[p] == '.' && AsciiAlpha(text[p + 1]) &&
             (p + 2 >= n || text[p + 2] == '.')) {
        uppers += text[p + 1] <= 'Z';
        ++letters;
        p += 2;
      }
      if (letters > 1) {
        end = p;
        pos = p;
        tok.punctuated = true;
      }
    }
    tok.end = static_cast<std::uint32_t>(end);
    tok.all_caps = letters >= 2 && uppers == letters;
    tokens.push_back(tok);
  }
}

void FoldInto(std::string_view token, std::string* out) {
  bool ascii = true;
  bool apostrophe = false;
  bool dot = false, digit = false;  // the dots of an acronym go, those of a number stay
  for (char c : token) {
    ascii &= static_cast<unsigned char>(c) < 0x80;
    apostrophe |= c == '\'';
    dot |= c == '.';
    digit |= c >= '0' && c <= '9';
  }
  apostrophe |= dot && !digit;
  if (ascii) {
    std::size_t old = out->size();
    out->append(token);
    char* d = out->data() + old;
    char* end = out->data() + out->size();
    for (char* p = d; p != end; ++p)
      *p = (*p >= 'A' && *p <= 'Z') ? static_cast<char>(*p + 32) : *p;
    if (apostrophe)
      out->erase(std::remove_if(out->begin() + static_cast<std::ptrdiff_t>(old), out->end(),
                                [](char c) { return c == '\'' || c == '.'; }),
                 out->end());
    return;
  }
  utf8proc_uint8_t* folded = nullptr;
  auto options =
      static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                     UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
  utf8proc_ssize_t len =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(token.data()),
                   static_cast<utf8proc_ssize_t>(token.size()), &folded, options);
  if (len < 0) {  // cannot happen for valid UTF-8; keep the bytes rather than lose the token
    out->append(token);
    return;
  }
  for (utf8proc_ssize_t i = 0; i < len; ++i) {
    char c = static_cast<char>(folded[i]);
    if (c == '\'') continue;
    // U+2019 folds to itself; drop it like the ASCII apostrophe.
    if (i + 2 < len && folded[i] == 0xE2 && folded[i + 1] == 0x80 && folded[i + 2] == 0x99) {
      i += 2;
      continue;
    }
    out->push_back(c);
  }
  std::free(folded);
}

bool OpensInLowerCase(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t cp = DecodeUtf8(text, &i);
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
      case UTF8PROC_CATEGORY_LL:
        return true;
      case UTF8PROC_CATEGORY_LU:
      case UTF8PROC_CATEGORY_LT:
      case UTF8PROC_CATEGORY_LO:
      case UTF8PROC_CATEGORY_ND:
        return false;
      default:
        break;  // "…", "[", a quote mark: look on
    }
  }
  return false;
}

std::string Fold(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  FoldInto(token, &out);
  return out;
}

}  // namespace storyline::text
