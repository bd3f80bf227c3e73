// Full stops that end no sentence in English news text: after an
// abbreviation ("Mr.", "U.S.", "Sept.") or an initial, and "No." before a
// number. One list for every stage that cuts text into sentences.
//
// Thread-safety: free functions, no shared state.
#ifndef STORYLINE_UTIL_ABBREVIATIONS_H_
#define STORYLINE_UTIL_ABBREVIATIONS_H_

#include <string_view>

namespace storyline {

// Whether a full stop after `word` (written without it, any case) ends no
// sentence: a title ("Dr", "Sgt"), a month ("Sept"), a company's or a
// place's short form ("Inc", "U.S", "Blvd"), "a.m" and "e.g", or a
// single-letter initial in capitals ("John F. Kennedy").
bool IsAbbreviation(std::string_view word);

// Whether the full stop after `word` ends no sentence, given the text right
// after the stop: an abbreviation, or "No." before a number ("No. 1"; "said
// no." ends one). The sentence splitter, the quote finder and
// the text cleaner (where it cuts a line run together) all ask this.
bool FullStopEndsNoSentence(std::string_view word, std::string_view after);

}  // namespace storyline

#endif  // STORYLINE_UTIL_ABBREVIATIONS_H_
