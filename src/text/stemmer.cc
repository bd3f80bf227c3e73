#include "text/stemmer.h"

#include <libstemmer.h>

#include <cstdlib>

namespace storyline::text {
namespace {
// Bounds the cache; news vocabulary of a large crawl stays well below it.
constexpr std::size_t kMaxCacheEntries = 1 << 20;
}  // namespace

Stemmer::Stemmer() : stemmer_(sb_stemmer_new("english", "UTF_8")) {
  if (stemmer_ == nullptr) std::abort();  // libstemmer always ships English
}

Stemmer::~Stemmer() { sb_stemmer_delete(stemmer_); }

std::string_view Stemmer::Stem(std::string_view folded) {
  // Short words and numbers pass through unchanged.
  if (folded.size() <= 3) return folded;
  auto it = cache_.find(absl::string_view(folded.data(), folded.size()));
  if (it != cache_.end()) return it->second;
  if (cache_.size() >= kMaxCacheEntries) cache_.clear();
  std::string key(folded);
  const sb_symbol* out = sb_stemmer_stem(
      stemmer_, reinterpret_cast<const sb_symbol*>(folded.data()), static_cast<int>(folded.size()));
  std::string stem = out == nullptr
                         ? key
                         : std::string(reinterpret_cast<const char*>(out),
                                       static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
  return cache_.emplace(std::move(key), std::move(stem)).first->second;
}

}  // namespace storyline::text
