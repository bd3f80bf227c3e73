// Article: one news article as storyline receives it, before any cleaning.
#ifndef STORYLINE_ARTICLE_H_
#define STORYLINE_ARTICLE_H_

#include <cstdint>
#include <optional>
#include <string>

namespace storyline {

// Seconds since the Unix epoch, UTC.
using UnixSeconds = std::int64_t;

struct Article {
  std::string id;  // unique within a run; a stable content hash when the input had none
  std::string url;
  std::string source;  // the outlet, e.g. "Reuters"; empty when unknown
  std::string title;
  std::string text;  // body as received (plain text); cleaned by the engine
  // The page as received, when the input was HTML: the engine extracts the
  // body, title, dates, site and language from it (fields already set win).
  std::string html;
  // The transport's charset of `html` (HTTP Content-Type "charset="), when
  // known, e.g. from a WARC response; "" otherwise. A hint for extraction:
  // a byte-order mark still wins over it, and it wins over <meta charset>.
  std::string charset;
  std::string lang;                      // BCP 47 tag when known, e.g. "en"
  std::optional<UnixSeconds> published;  // unknown stays unknown, never "now"
  // When a crawler fetched the page (WARC-Date). Not a publication date; the
  // engine uses it only to place an article that has no date of its own.
  std::optional<UnixSeconds> fetched;

  // Where the article came from ("dir/a.jsonl:17"), for messages about it.
  std::string origin;
};

// The time that places an article among others (adding order, time
// evidence): its publication time, else its fetch time; none when neither
// is known.
inline std::optional<UnixSeconds> PlacingTime(const Article& a) {
  return a.published ? a.published : a.fetched;
}

}  // namespace storyline

#endif  // STORYLINE_ARTICLE_H_
