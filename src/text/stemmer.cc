#include "text/stemmer.h"

#include <libstemmer.h>

#include <cstdlib>

namespace storyline::text {

Stemmer::Stemmer() : stemmer_(sb_stemmer_new("english", "UTF_8")) {
  if (stemmer_ == nullptr) std::abort();  // libstemmer always ships English
}

Stemmer::Stemmer(const char* algorithm) : stemmer_(sb_stemmer_new(algorithm, "UTF_8")) {}

Stemmer::~Stemmer() {
  if (stemmer_ != nullptr) sb_stemmer_delete(stemmer_);
}

std::string_view Stemmer::Stem(std::string_view folded) {
  // Short words and numbers pass through unchanged.
  if (folded.size() <= 3 || stemmer_ == nullptr) return folded;
  const sb_symbol* out = sb_stemmer_stem(
      stemmer_, reinterpret_cast<const sb_symbol*>(folded.data()), static_cast<int>(folded.size()));
  if (out == nullptr) return folded;  // out of memory: the word as it is
  return std::string_view(reinterpret_cast<const char*>(out),
                          static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
}

}  // namespace storyline::text
