// Fuzzes what POST /articles does with a body before the engine sees it: the
// Content-Type, the JSON depth check and the JSON, JSONL and HTML readers.
// The first byte picks the body kind and the URL header; the rest is the body.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "server/article_body.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  using storyline::server::BodyKind;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  const BodyKind kinds[] = {BodyKind::kJsonObject, BodyKind::kJsonLines, BodyKind::kHtml};
  BodyKind kind = kinds[data[0] % 3];
  storyline::server::HtmlHeaders headers;
  if (data[0] & 4) headers.url = std::string(bytes.substr(0, 16));
  storyline::server::BodyKindOf(bytes.substr(0, 64));
  (void)storyline::server::JsonDepth(bytes);
  auto body = storyline::server::ParseArticleBody(kind, bytes, headers, 32);
  if (body.ok()) {
    if (body->articles.size() != body->lines.size()) __builtin_trap();
    for (const auto& a : body->articles) {
      if (a.id.empty() || (a.text.empty() && a.html.empty())) __builtin_trap();
      if (!storyline::IsValidUtf8(a.id) || !storyline::IsValidUtf8(a.url)) __builtin_trap();
    }
  }
  return 0;
}
