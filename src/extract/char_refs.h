// Character references left in plain text: "Smith &amp; Sons", "&quot;We
// had no choice,&quot; she said", "MH370&#39;s path". Feeds and APIs often
// deliver article text and titles HTML-escaped; read as they are, a quote is
// no quotation and "amp" is a word. HTML pages need none of this: libxml2
// decodes their references as it parses them.
//
//   DecodeCharacterReferences(&article.text);  // before the text is read
//
// Thread-safety: free function, no shared state.
#ifndef STORYLINE_EXTRACT_CHAR_REFS_H_
#define STORYLINE_EXTRACT_CHAR_REFS_H_

#include <string>

namespace storyline::extract {

// Replaces in `text` each numeric reference ("&#39;", "&#x2019;") and each
// named one of HTML 4 (libxml2's table: "&amp;", "&nbsp;", "&hellip;") or
// "&apos;", written with its closing ';', by the UTF-8 of its character, in
// one pass (so "&amp;quot;" becomes "&quot;"). A reference to NUL, a
// surrogate or past U+10FFFF becomes U+FFFD; "&#150;" and the other C1
// controls are left for RepairC1Controls() to read as windows-1252. Unknown
// names ("&hellp;") and "&" without a reference stay as written ("AT&T").
// Returns whether anything was replaced; linear, and allocates nothing when
// `text` holds no '&'.
bool DecodeCharacterReferences(std::string* text);

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_CHAR_REFS_H_
