// Fuzzes HTML extraction: parsing (encoding sniffing, UTF-8 repair), main
// text, metadata and language, on arbitrary bytes. The first byte picks a
// transport charset hint, so the hint paths are fuzzed too.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/page.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static constexpr std::string_view kHints[] = {"", "utf-8", "iso-8859-1", "shift_jis", "bogus"};
  if (size == 0) return 0;
  std::string_view hint = kHints[data[0] % std::size(kHints)];
  std::string_view html(reinterpret_cast<const char*>(data + 1), size - 1);
  auto page =
      storyline::extract::ExtractPage(html, {.url = "https://example.com/a/b", .charset = hint});
  if (page.ok()) {
    // Everything extracted must be valid UTF-8: it goes straight into JSON.
    for (std::string_view field : {std::string_view(page->text), std::string_view(page->title),
                                   std::string_view(page->byline), std::string_view(page->site),
                                   std::string_view(page->url), std::string_view(page->lang)}) {
      if (!storyline::IsValidUtf8(field)) __builtin_trap();
    }
    if (page->text.empty()) __builtin_trap();  // "no text" must be an error instead
  }
  return 0;
}
