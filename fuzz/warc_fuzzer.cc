// libFuzzer target for the WARC reader and the gzip decoder under it: the
// input is read as a plain WARC stream, as gzip (which exercises the decoder
// on arbitrary bytes and, when it is valid gzip, the reader on what it
// holds), and its HTTP parts are parsed directly.
//
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude -Isrc \
//     fuzz/warc_fuzzer.cc src/ingest/warc.cc src/ingest/gzip.cc src/util/status.cc -lz
//   ./a.out -max_len=65536 corpus/
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "ingest/gzip.h"
#include "ingest/warc.h"

namespace {

using storyline::ingest::ByteSource;

// Reads every step of `source`; a small record limit reaches the skip path.
void ReadAll(ByteSource* source) {
  storyline::ingest::WarcReader reader(source, {.max_record_bytes = 4096});
  storyline::ingest::WarcPage page;
  std::size_t steps = 0;
  for (;;) {
    storyline::ingest::WarcStep step = reader.Next(&page);
    if (step == storyline::ingest::WarcStep::kEnd) break;
    if (step == storyline::ingest::WarcStep::kProblem && reader.problem().why.ok())
      __builtin_trap();
    if (++steps > (1u << 20)) __builtin_trap();  // every step consumes input
  }
  const auto& s = reader.stats();
  if (s.pages + s.not_response + s.not_html + s.not_ok + s.too_large + s.truncated + s.malformed >
      s.records + 1) {
    __builtin_trap();  // each record ends up in one count (a source error may add one)
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);

  std::istringstream plain{std::string(bytes)};
  storyline::ingest::StreamSource stream(&plain);
  ReadAll(&stream);

  storyline::ingest::GzipReader gz(bytes);
  ReadAll(&gz);

  storyline::ingest::HttpResponse http;
  if (storyline::ingest::ParseHttpResponse(bytes, &http).ok()) {
    std::string body(bytes.substr(http.body_offset));
    if (storyline::ingest::DecodeChunked(&body).ok() && body.size() > size) __builtin_trap();
  }
  std::string out;
  storyline::ingest::InflateHttpDeflate(bytes, 1 << 16, &out);
  if (out.size() > (1u << 16)) __builtin_trap();
  storyline::ingest::SniffHtml(bytes);
  storyline::ingest::StripRecordId(bytes);
  return 0;
}
