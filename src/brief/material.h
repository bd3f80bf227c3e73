// ArticleMaterial: what a story brief needs of one article, made once when
// the article is prepared (on any thread) and kept until the brief is
// written: the cleaned text, each sentence with its concepts (word bigrams,
// names, numbers; see text::Analysis::concepts), the quotations and the
// names it mentions.
//
//   ArticleMaterial m = MakeMaterial(std::move(cleaned_text), analysis);
//   std::string bytes;
//   m.AppendTo(&bytes);                       // the engine may keep it on disk
//   ArticleMaterial back;
//   bool ok = ArticleMaterial::Parse(bytes, &back);
//
// Thread-safety: plain values.
#ifndef STORYLINE_BRIEF_MATERIAL_H_
#define STORYLINE_BRIEF_MATERIAL_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/analyzer.h"
#include "text/names.h"
#include "text/quotes.h"

namespace storyline::brief {

struct SentenceFacts {
  std::uint32_t begin = 0;  // byte span in ArticleMaterial::text
  std::uint32_t end = 0;
  std::uint32_t concept_begin = 0;  // span in ArticleMaterial::concepts
  std::uint32_t concept_end = 0;
  std::uint16_t position = 0;  // number of whole sentences (not fragments) before it
  std::uint16_t words = 0;
  std::uint8_t flags = 0;       // SentenceFlag bits
  std::uint8_t unused[3] = {};  // explicit padding: every byte is a value, so it can be copied out
};

enum SentenceFlag : std::uint8_t {
  kQuestion = 1,   // ends with '?'
  kQuotation = 2,  // opens with a quote mark, or starts inside a quotation
                   // opened earlier in its paragraph: quoting, not reporting
  kFragment = 4,   // too short, too long, unterminated or cut inside brackets to stand
                   // alone in a summary
  // About the web page, not the news: its policies, links and errors ("click
  // here", "privacy policy", "All rights reserved", "follow us on"), what it
  // tells the reader to do ("Visit ...", "Find out ...", "Buy ...") and
  // addresses to write to: neither summary nor fact.
  kAboutThePage = 8,
  // Speaks of signing up and of the reader's computer ("your browser",
  // "password", "to subscribe"): no summary line, but a fact may (a report
  // on spyware uses these words).
  kReaderChrome = 16,
};

struct ArticleMaterial {
  std::string text;  // cleaned body, one paragraph a line
  std::vector<SentenceFacts> sentences;
  std::vector<std::uint32_t> concepts;
  // The title's content words as word concepts (text::kWordConcept marked,
  // sorted, distinct): what the brief checks a title against, since a
  // headline names what its story reports.
  std::vector<std::uint32_t> title_words;
  struct Quote {
    std::string text;
    std::string speaker;  // as written; "" when unknown
    bool named = false;   // the speaker is named next to the quote (text::SpeakerSource::kNamed)
  };
  std::vector<Quote> quotes;
  std::vector<text::NameCount> names;  // entity candidates with their mentions, most first

  std::string_view Sentence(const SentenceFacts& s) const {
    return std::string_view(text).substr(s.begin, s.end - s.begin);
  }
  std::span<const std::uint32_t> Concepts(const SentenceFacts& s) const {
    return std::span<const std::uint32_t>(concepts).subspan(s.concept_begin,
                                                            s.concept_end - s.concept_begin);
  }

  // A compact binary form (little-endian lengths and values), and back.
  void AppendTo(std::string* out) const;
  static bool Parse(std::string_view bytes, ArticleMaterial* out);
};

// REQUIRES: `analysis` is Analyzer::Analyze(title, text, ..., lang)'s result
// for `text`. `lang` also decides how quotes are attributed (FindQuotes()).
ArticleMaterial MakeMaterial(std::string text, const text::Analysis& analysis,
                             text::Language lang = text::Language::kEnglish);

}  // namespace storyline::brief

#endif  // STORYLINE_BRIEF_MATERIAL_H_
