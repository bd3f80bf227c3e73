// Tokenizer: splits cleaned UTF-8 text into word and number tokens, and folds
// tokens to a canonical form (NFKC, case folded, accents stripped).
//
//   for (const Token& t : Tokenize(text)) Use(t.view(text), t.capitalized);
//
// Thread-safety: free functions, no shared state.
#ifndef STORYLINE_TEXT_TOKENIZER_H_
#define STORYLINE_TEXT_TOKENIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::text {

enum class TokenKind : std::uint8_t { kWord, kNumber };

struct Token {
  std::uint32_t begin = 0;  // byte offsets into the tokenized text
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;  // first letter is upper case
  bool all_caps = false;     // two or more letters, all upper case
  bool ascii = true;
  bool punctuated = false;  // a word with an apostrophe ("O'Brien") or dots ("U.S") inside

  std::string_view view(std::string_view text) const { return text.substr(begin, end - begin); }
};

// Words are runs of letters and marks (internal hyphens split them; a trailing
// possessive "'s" is dropped). Numbers are runs of digits with internal '.' or
// ',' between digits ("6.1", "1,200"). Text must be valid UTF-8.
std::vector<Token> Tokenize(std::string_view text);
// The same, into `out` (cleared first), reusing its capacity.
void Tokenize(std::string_view text, std::vector<Token>* out);

// Canonical form for matching: lower case, NFKC, accents stripped
// ("José" -> "jose"). ASCII takes a fast path.
std::string Fold(std::string_view token);
void FoldInto(std::string_view token, std::string* out);

// Whether the first letter or digit of `text` is a lower-case letter: a
// quotation that opens so is a fragment taken out of a sentence
// ("potentially have undermined his position"). Marks before it ("…", "[",
// quote marks) are passed over.
bool OpensInLowerCase(std::string_view text);

}  // namespace storyline::text

#endif  // STORYLINE_TEXT_TOKENIZER_H_
