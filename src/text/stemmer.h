// Stemmer: Snowball (Porter2) English stems through libstemmer, with a
// per-thread cache since news vocabulary repeats heavily.
//
//   Stemmer stemmer;                     // one per thread
//   std::string_view s = stemmer.Stem("elections");  // "elect"
//
// Thread-safety: not thread-safe; give each thread its own Stemmer.
#ifndef STORYLINE_TEXT_STEMMER_H_
#define STORYLINE_TEXT_STEMMER_H_

#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"

struct sb_stemmer;

namespace storyline::text {

class Stemmer {
 public:
  Stemmer();
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // `folded` is a token after Fold(). The view stays valid until the next call.
  std::string_view Stem(std::string_view folded);

 private:
  sb_stemmer* stemmer_;
  absl::flat_hash_map<std::string, std::string> cache_;
};

}  // namespace storyline::text

#endif  // STORYLINE_TEXT_STEMMER_H_
