#include "util/utf8.h"

#include <simdjson.h>

#include <cctype>
#include <vector>

namespace storyline {

namespace {

// UTF-8 of the windows-1252 characters of bytes 0x80-0x9F; "" for the
// five it leaves undefined.
constexpr std::string_view kCp1252[32] = {"\xE2\x82\xAC",
                                          "",
                                          "\xE2\x80\x9A",
                                          "\xC6\x92",
                                          "\xE2\x80\x9E",
                                          "\xE2\x80\xA6",
                                          "\xE2\x80\xA0",
                                          "\xE2\x80\xA1",
                                          "\xCB\x86",
                                          "\xE2\x80\xB0",
                                          "\xC5\xA0",
                                          "\xE2\x80\xB9",
                                          "\xC5\x92",
                                          "",
                                          "\xC5\xBD",
                                          "",
                                          "",
                                          "\xE2\x80\x98",
                                          "\xE2\x80\x99",
                                          "\xE2\x80\x9C",
                                          "\xE2\x80\x9D",
                                          "\xE2\x80\xA2",
                                          "\xE2\x80\x93",
                                          "\xE2\x80\x94",
                                          "\xCB\x9C",
                                          "\xE2\x84\xA2",
                                          "\xC5\xA1",
                                          "\xE2\x80\xBA",
                                          "\xC5\x93",
                                          "",
                                          "\xC5\xBE",
                                          "\xC5\xB8"};

// The byte `cp` stands for in UTF-8 that was read as windows-1252 or as
// Latin-1: "\u00E2" 0xE2, "\u20AC" 0x80, a C1 control its own value; -1
// for any other character.
int MisreadByte(char32_t cp) {
  if (cp >= 0x80 && cp <= 0xFF) return static_cast<int>(cp);
  if (cp < 0x152 || cp > 0x2122) return -1;  // the range of kCp1252's characters
  for (int b = 0; b < 32; ++b) {
    std::size_t pos = 0;
    if (!kCp1252[b].empty() && DecodeUtf8(kCp1252[b], &pos) == cp) return 0x80 + b;
  }
  return -1;
}

// One character of mojibake: text[begin, end) read back as bytes is the
// UTF-8 of `cp`.
struct Misread {
  std::size_t begin = 0;
  std::size_t end = 0;
  char32_t cp = 0;
};

bool IsQuote(char32_t c) { return c >= 0x2018 && c <= 0x201D && c != 0x201A && c != 0x201B; }

// Reads the misread character at text[at], if one starts there.
bool ReadMisread(std::string_view text, std::size_t at, Misread* m) {
  std::size_t pos = at;
  const int lead = MisreadByte(DecodeUtf8(text, &pos));
  if (lead < 0xC2 || lead > 0xF4) return false;
  const int len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  char32_t cp = static_cast<char32_t>(lead & (0x7F >> len));
  int second = -1;
  for (int k = 1; k < len; ++k) {
    std::size_t next = pos;
    const int b = pos < text.size() ? MisreadByte(DecodeUtf8(text, &next)) : -1;
    if (b < 0x80 || b > 0xBF) {
      // windows-1252 has no character for 0x9D, so the right double quote
      // "\u201D" (E2 80 9D) often arrives as a bare "\u00E2\u20AC".
      const bool bare_quote = k == 2 && lead == 0xE2 && second == 0x80 &&
                              (pos == text.size() || text[pos] == ' ' || text[pos] == '\n' ||
                               text[pos] == ',' || text[pos] == '.');
      if (!bare_quote) return false;
      *m = {at, pos, 0x201D};
      return true;
    }
    if (k == 1) second = b;
    if (k == 1 && ((lead == 0xE0 && b < 0xA0) || (lead == 0xED && b >= 0xA0) ||
                   (lead == 0xF0 && b < 0x90) || (lead == 0xF4 && b >= 0x90))) {
      return false;  // an overlong form or a surrogate: not UTF-8
    }
    cp = (cp << 6) | static_cast<char32_t>(b & 0x3F);
    pos = next;
  }
  *m = {at, pos, cp};
  return true;
}

// Whether a misread character standing alone is repaired. Alone, only what
// mojibake usually spells is: Latin-1 and Latin Extended-A letters and signs,
// the characters of U+2000-U+2BFF, the byte-order mark and emoji.
// And a letter then a curly quote is taken as written ("PÅ”" stays) unless
// a letter follows ("cÅ“ur" is "cœur").
bool RepairAlone(std::string_view text, const Misread& m) {
  const char32_t c = m.cp;
  if (c >= 0xA0 && c <= 0x17F) {
    std::size_t pos = m.begin;
    DecodeUtf8(text, &pos);
    if (IsQuote(DecodeUtf8(text, &pos)) && m.end == pos) {
      const bool letter_after =
          m.end < text.size() && (static_cast<unsigned char>(text[m.end]) >= 0x80 ||
                                  std::isalpha(static_cast<unsigned char>(text[m.end])));
      return letter_after;
    }
    return true;
  }
  // Lead 0xE2, "\u00E2" and two more, is never meant: punctuation,
  // currency, letterlike signs, arrows, shapes and dingbats.
  return (c >= 0x2000 && c <= 0x2BFF) || c == 0xFEFF || (c >= 0x1F000 && c <= 0x1FAFF);
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  return simdjson::validate_utf8(text.data(), text.size());
}

std::size_t FindInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    char32_t min;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      min = 0x10000;
    } else
      return i;
    if (i + len > n) return i;
    char32_t cp = c & (0x7F >> len);
    for (std::size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return n;
}

std::string ReplaceInvalidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  while (!text.empty()) {
    std::size_t bad = FindInvalidUtf8(text);
    out.append(text.substr(0, bad));
    if (bad == text.size()) break;
    out.append("\xEF\xBF\xBD");  // U+FFFD
    text.remove_prefix(bad + 1);
  }
  return out;
}

bool RepairC1Controls(std::string* text) {
  const auto c1_at = [text](std::size_t from) {
    for (std::size_t at = text->find('\xC2', from); at != std::string::npos;
         at = text->find('\xC2', at + 1)) {
      if (at + 1 < text->size() && static_cast<unsigned char>((*text)[at + 1]) >= 0x80 &&
          static_cast<unsigned char>((*text)[at + 1]) <= 0x9F) {
        return at;
      }
    }
    return std::string::npos;
  };
  std::size_t at = c1_at(0);
  if (at == std::string::npos) return false;
  std::string out;
  out.reserve(text->size() + 16);
  std::size_t done = 0;
  for (; at != std::string::npos; at = c1_at(done)) {
    out.append(*text, done, at - done);
    const std::string_view with = kCp1252[static_cast<unsigned char>((*text)[at + 1]) - 0x80];
    out.append(with.empty() ? std::string_view(" ") : with);
    done = at + 2;
  }
  out.append(*text, done);
  *text = std::move(out);
  return true;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool RepairMojibake(std::string* text) {
  // Every misread lead byte (0xC2-0xF4) is a character U+00C2-U+00F4,
  // whose UTF-8 starts with 0xC3.
  std::size_t at = text->find('\xC3');
  if (at == std::string::npos) return false;
  std::string out;
  std::size_t done = 0;
  bool changed = false;
  std::vector<Misread> run;
  while (at != std::string::npos) {
    Misread m;
    run.clear();
    for (std::size_t from = at; from < text->size() && ReadMisread(*text, from, &m); from = m.end) {
      run.push_back(m);
    }
    if (run.size() > 1 || (run.size() == 1 && RepairAlone(*text, run[0]))) {
      if (!changed) out.reserve(text->size());
      changed = true;
      out.append(*text, done, at - done);
      for (const Misread& r : run) {
        if (r.cp != 0xFEFF) AppendUtf8(r.cp, &out);
      }
      done = run.back().end;
      at = text->find('\xC3', done);
    } else {
      at = text->find('\xC3', at + 1);
    }
  }
  if (!changed) return false;
  out.append(*text, done);
  *text = std::move(out);
  return true;
}

bool RepairEncoding(std::string* text) {
  bool mojibake = RepairMojibake(text);
  bool c1 = RepairC1Controls(text);
  return mojibake || c1;
}

}  // namespace storyline
