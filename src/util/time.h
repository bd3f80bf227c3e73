// ISO 8601 timestamps in and out.
#ifndef STORYLINE_UTIL_TIME_H_
#define STORYLINE_UTIL_TIME_H_

#include <optional>
#include <string>
#include <string_view>

#include "storyline/article.h"

namespace storyline {

// Parses "2026-03-14", "2026-03-14T08:30:00Z", "2014-09-13T20:52:07.702-0400",
// "2026-03-14 08:30:00+02:00" (no zone means UTC). Returns nullopt for anything
// else or an impossible date.
std::optional<UnixSeconds> ParseIsoTime(std::string_view s);

// Parses a date as metadata writes it (meta tags, JSON-LD, <time datetime>):
// everything ParseIsoTime takes, plus "2019/03/12", "12.03.2019" (day
// first), RFC 2822 "Tue, 12 Mar 2019 10:00:00 GMT", JavaScript's
// "Tue Mar 12 2019 10:00:00 GMT+0100 (CET)", "March 12, 2019 3:46 PM EDT",
// "12 March 2019 14:05". A named zone is one of UTC/GMT/Z and the North
// American and central European abbreviations; no zone means UTC. The day,
// month and year must all be there: "March 2019" or "2019" alone is nullopt.
std::optional<UnixSeconds> ParseDateTime(std::string_view s);

// Finds a calendar date written in a line of text, as datelines put it:
// "May 3, 2013", "May 3rd, 2013 2: 00pm", "Fri., May. 3, 2013", "14 June 2013",
// "2013-05-03", "05 / 03 / 2013" (month first). Returns midnight UTC of the
// first date found, or nullopt. Never guesses a missing year.
std::optional<UnixSeconds> FindDateInText(std::string_view line);

// 1-12 for an English month name or an abbreviation of it of three letters
// or more ("Sept", "Nov", "march"; case-insensitive), else 0.
int MonthOf(std::string_view w);

// Widen a time span by one time: keep the earlier (later) of *slot and t.
inline void KeepEarliest(std::optional<UnixSeconds>* slot, UnixSeconds t) {
  if (!*slot || t < **slot) *slot = t;
}
inline void KeepLatest(std::optional<UnixSeconds>* slot, UnixSeconds t) {
  if (!*slot || t > **slot) *slot = t;
}

// "2026-03-14T08:30:00Z".
std::string FormatIsoTime(UnixSeconds t);

// The wall clock now.
UnixSeconds NowSeconds();

}  // namespace storyline

#endif  // STORYLINE_UTIL_TIME_H_
