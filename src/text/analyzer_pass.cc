#include "text/analyzer_pass.h"

#include "text/tokenizer.h"
#include "util/ascii.h"
#include "util/hash.h"

namespace storyline::text::analyzer_internal {
namespace {

// Whether the word at `begin` opens a clause inside a sentence, where a
// capital says nothing about a name: after a colon ("2000: Deemed unfit for
// trial", "WATCH: Police ..."), an opening quotation mark (chanted “Give the
// money back”) or a dash set off by spaces ("PARIS — Police said").
bool OpensAClause(std::string_view text, std::size_t begin) {
  std::size_t k = begin;
  if (k >= 2 && text[k - 1] == ' ' && text[k - 2] != ' ') {
    // The common case, one space after a word or a comma: answered from one
    // byte.
    --k;
    const char c = text[k - 1];
    if (AsciiAlnum(c) || c == ',') return false;
  }
  while (k > 0 && text[k - 1] == ' ') --k;
  if (k == 0) return false;
  const char c = text[k - 1];
  if (c == ':') return true;
  if (c == '"') return k == begin && (k == 1 || text[k - 2] == ' ' || text[k - 2] == '\n');
  if (c == '-') return k < begin && k >= 2 && text[k - 2] == ' ';
  if (k >= 3 && text.substr(k - 3, 2) == "\xE2\x80") {
    const char last = text[k - 1];
    if (last == '\x9C') return k == begin;                   // “
    if (last == '\x94' || last == '\x93') return k < begin;  // — – with a space after
  }
  return false;
}

}  // namespace

void Prepare(std::string_view text, const std::vector<SentenceSpan>* sentences, Pass* p) {
  p->text = text;
  Tokenize(text, &p->tokens);
  p->info.resize(p->tokens.size());
  p->folded.assign(text);
  for (char& c : p->folded) c = static_cast<char>(c | 0x20);
  std::size_t s = 0;
  for (std::size_t i = 0; i < p->tokens.size(); ++i) {
    const Token& t = p->tokens[i];
    auto begin = static_cast<std::uint32_t>(p->folded.size());
    if (t.ascii && !t.punctuated) {
      // Tokenizer ASCII words hold only letters and digits here, numbers
      // digits, '.' and ',': OR 0x20 maps all of them to their lower case
      // (or leaves them alone).
      begin = t.begin;
    } else if (t.ascii) {
      // A word drops its apostrophes and dots ("O'Brien", "U.S").
      for (std::uint32_t k = t.begin; k < t.end; ++k) {
        const char c = p->folded[k];
        if (c != '\'' && c != '.') p->folded.push_back(c);
      }
    } else {
      FoldInto(t.view(text), &p->folded);
    }
    TokenInfo& inf = p->info[i];
    inf.fold_begin = begin;
    inf.fold_len = t.ascii && !t.punctuated ? t.end - t.begin
                                            : static_cast<std::uint32_t>(p->folded.size() - begin);
    inf.word_hash = Hash64(p->Folded(i), kWordSeed);
    inf.sentence_start = false;
    inf.sentence_first = false;
    inf.heading = kNoHeading;
    if (sentences == nullptr) {
      // A title's sentences: "Is Cobalt overpaying? Analysts weigh ...".
      std::size_t k = t.begin;
      while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '"' || text[k - 1] == '\'')) --k;
      inf.sentence_start = i == 0 || (k > 0 && (text[k - 1] == '?' || text[k - 1] == '!' ||
                                                text[k - 1] == '.' || text[k - 1] == ':'));
    } else {
      while (s < sentences->size() && (*sentences)[s].end <= t.begin) ++s;
      if (s < sentences->size() && (*sentences)[s].begin <= t.begin &&
          (i == 0 || p->tokens[i - 1].begin < (*sentences)[s].begin)) {
        inf.sentence_start = inf.sentence_first = true;
      } else if (t.capitalized) {
        inf.sentence_start = OpensAClause(text, t.begin);
      }
    }
  }
}

namespace {

// Whether a title capitalises its common words ("Obama Tours Storm-Ravaged
// New Jersey With Gov. Chris Christie"): at least three words of four
// letters or more after the first, not stop words, and four in five of them
// capitalised. Sentence case ("Kessler Canyon Fire grows to 1,200 acres")
// is not.
bool IsTitleCase(const Pass& p, std::size_t from, std::size_t to) {
  std::size_t words = 0, capitalised = 0;
  for (std::size_t i = from + 1; i < to; ++i) {
    const Token& t = p.tokens[i];
    if (t.kind != TokenKind::kWord || t.end - t.begin < 4 || (p.info[i].flags & kStop)) continue;
    ++words;
    if (t.capitalized) ++capitalised;
  }
  return words >= 3 && capitalised * 5 >= words * 4;
}

// Whether most of the words of four letters or more after the first of
// tokens [from, to) are in capitals, three at least: a title or a headline
// in capitals, where an acronym looks like any other word.
bool IsInCapitals(const Pass& p, std::size_t from, std::size_t to) {
  std::size_t words = 0, capitals = 0;
  for (std::size_t i = from + 1; i < to; ++i) {
    const Token& t = p.tokens[i];
    if (t.kind != TokenKind::kWord || t.end - t.begin < 4) continue;
    ++words;
    if (t.all_caps) ++capitals;
  }
  return capitals >= 3 && capitals * 5 >= words * 4;
}

}  // namespace

Heading TitleCase(const Pass& p) {
  if (IsInCapitals(p, 0, p.tokens.size())) return kInCapitals;
  return IsTitleCase(p, 0, p.tokens.size()) ? kInTitleCase : kNoHeading;
}

Heading IsHeading(const Pass& p, std::size_t from, std::size_t to) {
  if (to - from < 4) return kNoHeading;
  if (IsInCapitals(p, from, to)) return kInCapitals;
  if (!IsTitleCase(p, from, to)) return kNoHeading;
  for (std::size_t i = from + 1; i < to; ++i) {
    const Token& t = p.tokens[i];
    if (t.kind == TokenKind::kWord && t.capitalized && !t.all_caps &&
        (p.info[i].flags & kFunction)) {
      std::string_view f = p.Folded(i);
      if (f != "the" && f != "a" && f != "an") return kInTitleCase;
    }
  }
  const std::size_t begin = p.tokens[from].begin, end = p.tokens[to - 1].end;
  if (p.text.substr(begin, end - begin).find(',') != std::string_view::npos) return kNoHeading;
  const std::size_t next = to < p.tokens.size() ? p.tokens[to].begin : p.text.size();
  for (std::size_t k = end; k < next && p.text[k] != '\n'; ++k) {
    const char c = p.text[k];
    if (c == '.' || c == '!' || c == '?') return kNoHeading;
  }
  return kInTitleCase;
}

}  // namespace storyline::text::analyzer_internal
