// A count with its noun, for messages and pages: "1 story", "14 stories".
#ifndef STORYLINE_UTIL_PLURAL_H_
#define STORYLINE_UTIL_PLURAL_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace storyline {

inline std::string Plural(std::size_t n, std::string_view one, std::string_view many) {
  std::string out = std::to_string(n);
  out.push_back(' ');
  out.append(n == 1 ? one : many);
  return out;
}

}  // namespace storyline

#endif  // STORYLINE_UTIL_PLURAL_H_
