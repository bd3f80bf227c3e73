// The outlet an article's own text names as its publisher. A text given
// bare (a plain-text file, a JSONL record without "source", a page without a
// site name) still says whose it is, in three places, read in this order:
//   - the wire credit of its dateline: "WASHINGTON (Reuters) - ...",
//     "(CNN) -- ...", "New Delhi, Jan 1 (ANI): ...";
//   - the holder of its copyright footer: "© Copyright 2024 Bloomberg News.
//     All rights reserved." (the cleaner drops the footer and hands it on);
//   - the name it reports under: "Asia Times understands ...", "Eyewitness
//     News has learned ...", "Reuters has seen ...", "The Canberra Times can
//     reveal ...".
//
//   CleanedText c = CleanPlainText(raw);
//   if (article.source.empty()) article.source = OutletNamedIn(c.text, c.copyright);
//
// A credit or a reporting name is taken only when it is an outlet's name: a
// news agency's ("Reuters", "Associated Press"), an acronym ("CNN", "AFP"),
// a name whose last word is a newspaper's or broadcaster's ("Asia Times",
// "Bloomberg News", "The Guardian"), or a web address ("SPACE.com"); so
// "(Washington) - ..." and "The minister understands" name none. A footer
// names its holder, whatever it is called ("Thomas Crosbie Media"), unless
// that is a photo agency ("© Getty Images"). The reporting phrases are
// English. Another outlet named in passing ("told CNN", "according to
// Reuters") is never taken: it is not the text's own.
//
// Thread-safety: free functions, no shared state.
#ifndef STORYLINE_EXTRACT_OUTLET_H_
#define STORYLINE_EXTRACT_OUTLET_H_

#include <string>
#include <string_view>

namespace storyline::extract {

// The outlet `text` (an article's cleaned text) and `copyright` (its
// copyright footer, one line or several, or "") name as the article's
// publisher, as written ("Reuters", "AP", "Bloomberg News"); "" when they
// name none. A wire credited in several spellings has one name ("AP", "The
// Associated Press": "Associated Press"). Reads the first line of `text`, the footer, and the words
// before each reporting phrase; linear in the sizes of both. A std::string,
// as its phrases are found with strstr (a NUL byte in it ends the search).
std::string OutletNamedIn(const std::string& text, std::string_view copyright);

// The holder a copyright footer's line names: "© Copyright 2024 Bloomberg News. All
// rights reserved." -> "Bloomberg News"; "Copyright © 2001-2004 United Press
// International" -> "United Press International"; "" when it names none
// ("(C) All rights reserved") or a photo agency.
std::string CopyrightHolder(std::string_view footer);

// A title and the outlet's name a page appends to it: "Sandy kills 6 in
// Haiti - Xinhua" is {"Sandy kills 6 in Haiti", "Xinhua"}, and so are
// "... | NPR", "... « VOA Breaking News", "... : The Express Tribune" (also
// after an en or em dash, or "::"); a title that is an outlet's name alone
// ("Taipei Times") is {"", "Taipei Times"}. The name must be one by
// OutletNamedIn()'s test, each word capitalised; otherwise {title, ""}
// ("Champions League draw - LIVE", "Lindsay Lohan Checks Into Court -
// Ordered Rehab"). `text` views `title`.
struct TitleParts {
  std::string_view text;
  std::string outlet;
};
TitleParts TitleWithoutOutlet(std::string_view title);

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_OUTLET_H_
