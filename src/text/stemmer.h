// Stemmer: Snowball stems through libstemmer, English (Porter2) unless
// another of libstemmer's algorithms is named. It keeps no cache: its one
// caller, the Analyzer, stems each distinct word once and caches the term id.
//
//   Stemmer stemmer;                     // one per thread
//   std::string_view s = stemmer.Stem("elections");  // "elect"
//   Stemmer german("german");
//
// Thread-safety: not thread-safe; give each thread its own Stemmer.
#ifndef STORYLINE_TEXT_STEMMER_H_
#define STORYLINE_TEXT_STEMMER_H_

#include <string_view>

struct sb_stemmer;

namespace storyline::text {

class Stemmer {
 public:
  Stemmer();
  // `algorithm`: a libstemmer name ("german"); an unknown one stems nothing.
  explicit Stemmer(const char* algorithm);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // `folded` is a token after Fold(). The view stays valid until the next call.
  std::string_view Stem(std::string_view folded);

 private:
  sb_stemmer* stemmer_;
};

}  // namespace storyline::text

#endif  // STORYLINE_TEXT_STEMMER_H_
