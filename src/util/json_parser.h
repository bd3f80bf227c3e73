// Which simdjson DOM parser to parse a document with, so that a huge one does
// not leave its buffers behind.
//
//   thread_local simdjson::dom::parser shared;
//   std::optional<simdjson::dom::parser> own;
//   simdjson::dom::parser& parser = JsonParserFor(text.size(), shared, &own);
//   simdjson::dom::element doc;
//   if (auto e = parser.parse(text.data(), text.size()).get(doc)) ...
//
// A parser keeps buffers of about 12 bytes a byte of the longest document it
// has read (its tape is 8), for as long as it lives; a thread's lives as long
// as the thread, a server worker's included. Documents up to 1 MiB (news
// articles and their JSON-LD are far smaller) take the caller's `shared`
// parser and its kept buffers; a larger one takes `*own`, freed with it.
#ifndef STORYLINE_UTIL_JSON_PARSER_H_
#define STORYLINE_UTIL_JSON_PARSER_H_

#include <simdjson.h>

#include <cstddef>
#include <optional>

namespace storyline {

inline constexpr std::size_t kSharedJsonParserMaxBytes = std::size_t{1} << 20;

inline simdjson::dom::parser& JsonParserFor(std::size_t bytes, simdjson::dom::parser& shared,
                                            std::optional<simdjson::dom::parser>* own) {
  return bytes <= kSharedJsonParserMaxBytes ? shared : own->emplace();
}

}  // namespace storyline

#endif  // STORYLINE_UTIL_JSON_PARSER_H_
