// Plain-text article cleaner: keeps the body of a news article and drops the
// lines around it that are not the article (photo captions and credits,
// copyright footers, bylines, stray section headings, "Read more" and
// "Advertisement" style page furniture).
//
//   CleanedText c = CleanPlainText(raw);
//   Analyze(c.text);                 // body paragraphs, "\n\n" between them
//   if (!c.headline.empty()) ShowTitle(c.headline);
//
// Every non-empty line of the input is one candidate paragraph, so text with
// one paragraph per line, blank lines between paragraphs, or one sentence
// per line (ECB+) all work. A line is judged on its own shape and on its
// neighbours; the rules are conservative because dropping a real sentence
// costs more than keeping a stray line: anything that ends like a sentence
// (". ! ? : ” ’ ...") is never taken for a heading or headline.
//
// Thread-safety: free function, no shared state.
#ifndef STORYLINE_EXTRACT_TEXT_CLEANER_H_
#define STORYLINE_EXTRACT_TEXT_CLEANER_H_

#include <string>
#include <string_view>

namespace storyline::extract {

// How many lines of each kind CleanPlainText dropped from the body. The
// headline and dateline are moved to their own fields, not counted here.
struct CleanStats {
  int captions = 0;     // photo captions that carry a credit ("... Image: iStock")
  int credits = 0;      // lines that are only a credit ("Getty Images", "Photo: AP")
  int copyright = 0;    // "© 2024 Outlet. All rights reserved." and kin
  int headings = 0;     // short title-like lines between body paragraphs
  int bylines = 0;      // "By Jane Doe", "Reporting by X; Editing by Y"
  int boilerplate = 0;  // read more, share, subscribe, advertisement, ...
};

struct CleanedText {
  // The article body: kept paragraphs joined by "\n\n", each paragraph's
  // internal white space (including Unicode spaces) collapsed to one ' '.
  std::string text;
  // A headline line at the very top of the text (no sentence punctuation,
  // at most 20 words, followed by body text), else empty.
  std::string headline;
  // A bare date line at the top or just below the headline
  // ("May 03, 2013", "2013-05-03", "Friday, May 3, 2013 10:15 AM ET"),
  // else empty.
  std::string dateline;
  // The copyright footer, dropped from `text`: the copyright lines below
  // body text, '\n' between them ("© Copyright 2024 Bloomberg News. All
  // rights reserved."), else empty. It names the article's publisher
  // (extract/outlet.h).
  std::string copyright;
  CleanStats stats;
};

struct CleanOptions {
  // Drop short title-like lines between body paragraphs ("Hostage swap").
  // Text from an HTML page keeps them: its markup made them the article's
  // subheadings, and the content extractor has already removed those of the
  // page around the article. Either way the brief never takes one for a
  // sentence.
  bool drop_headings = true;
};

// Returns `text` with everything that is not the article removed. `text` is
// read only during the call and need not outlive it. REQUIRES: valid UTF-8
// (checked upstream); invalid bytes are carried through, never rejected.
// Never fails; linear time in text.size().
CleanedText CleanPlainText(std::string_view text, const CleanOptions& options = {});

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_TEXT_CLEANER_H_
