// Fuzzes the byte form of prepared articles, which a server reads back from
// its database at start: PreparedArticle::Parse() on arbitrary bytes must
// refuse or accept without crashing, and bytes that parse must serialise
// back to themselves. Valid UTF-8 input is also prepared as an article's
// text and round-tripped, so the fuzzer explores real serialised forms too.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "storyline/engine.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using storyline::PreparedArticle;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  PreparedArticle parsed;
  if (PreparedArticle::Parse(bytes, &parsed) && parsed.Serialize() != bytes) __builtin_trap();

  if (!storyline::IsValidUtf8(bytes)) return 0;
  static std::unique_ptr<storyline::StoryEngine> engine = [] {
    auto e = storyline::StoryEngine::Create({});
    if (!e.ok()) __builtin_trap();
    return std::move(*e);
  }();
  storyline::Article a;
  a.id = "fuzz";
  a.text = std::string(bytes);
  auto prepared = engine->Prepare(std::move(a));
  if (!prepared.ok()) return 0;
  std::string serial = prepared->Serialize();
  PreparedArticle back;
  if (!PreparedArticle::Parse(serial, &back) || back.Serialize() != serial) __builtin_trap();
  return 0;
}
