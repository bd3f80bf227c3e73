// Fuzzes the JSONL article parser (one line), the plain-text article builder
// and the lines of a gzipped feed (GzipReader through SourceStreamBuf) on
// arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <string_view>

#include "ingest/gzip.h"
#include "ingest/reader.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  storyline::Article a;
  std::string warning;
  if (storyline::ingest::ParseArticleJson(bytes, &a, &warning).ok()) {
    if (a.id.empty() || (a.text.empty() && a.html.empty())) __builtin_trap();
    if (!storyline::IsValidUtf8(a.text) || !storyline::IsValidUtf8(a.id)) __builtin_trap();
  }
  storyline::Article t;
  if (storyline::ingest::MakeTextArticle(bytes, "fuzz.txt", &t).ok()) {
    if (!storyline::IsValidUtf8(t.text)) __builtin_trap();
  }
  // As a gzipped feed: lines until the end or the error, which ends them.
  storyline::ingest::GzipReader gz(bytes);
  storyline::ingest::SourceStreamBuf buffer(&gz);
  std::istream in(&buffer);
  std::size_t lines = 0;
  for (std::string line; std::getline(in, line) && lines < 1000;) ++lines;
  if (!in.eof() && lines < 1000) __builtin_trap();
  return 0;
}
