// Fuzzes the text path of an article and its brief: the decoding of
// character references, markup in the text, the repair of mojibake and C1
// controls, cleaning, the outlet the text and its title name, analysis
// (sentences, entities, concepts) and quotes in each language, the brief
// material's binary form and WriteBrief, on arbitrary valid UTF-8 split
// into two articles.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "brief/brief.h"
#include "brief/material.h"
#include "extract/char_refs.h"
#include "extract/read_article.h"
#include "extract/text_cleaner.h"
#include "text/analyzer.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (!storyline::IsValidUtf8(bytes)) return 0;
  // Two articles: split at the first NUL-free midpoint on a character boundary.
  std::size_t mid = bytes.size() / 2;
  while (mid < bytes.size() && (static_cast<unsigned char>(bytes[mid]) & 0xC0) == 0x80) ++mid;
  static storyline::text::Analyzer analyzer;
  std::vector<storyline::brief::ArticleMaterial> materials;
  for (std::string_view original : {bytes.substr(0, mid), bytes.substr(mid)}) {
    // As StoryEngine::Prepare() does. A repair only ever shortens the text.
    std::string part(original);
    // A reference is never shorter than what it decodes to.
    if (storyline::extract::DecodeCharacterReferences(&part) &&
        (!storyline::IsValidUtf8(part) || part.size() >= original.size())) {
      __builtin_trap();
    }
    const std::size_t decoded_size = part.size();
    if (storyline::RepairMojibake(&part) &&
        (!storyline::IsValidUtf8(part) || part.size() >= decoded_size)) {
      __builtin_trap();
    }
    storyline::RepairC1Controls(&part);
    // The whole reading (ReadArticle(): also markup in the text, or a whole
    // page) gives valid UTF-8 or a refusal.
    storyline::Article article;
    article.text = std::string(original);
    // Its first line as a given title too: a title that opens the text, or
    // that ends with an outlet's name ("... - Xinhua").
    article.title = std::string(original.substr(0, original.find('\n')));
    if (storyline::extract::ReadArticle(&article).ok()) {
      if (article.text.empty() || !storyline::IsValidUtf8(article.text) ||
          !storyline::IsValidUtf8(article.title) || !storyline::IsValidUtf8(article.source)) {
        __builtin_trap();
      }
      // In the language read from it (text/languages.h).
      analyzer.Analyze(article.title, article.text, false,
                       storyline::text::LanguageOf(article.lang));
    }
    storyline::extract::CleanedText cleaned = storyline::extract::CleanPlainText(part);
    // Each language's rules (stemmer, function words, speech verbs) in turn.
    const auto lang = static_cast<storyline::text::Language>(size % storyline::text::kLanguages);
    storyline::text::Analysis a = analyzer.Analyze(cleaned.headline, cleaned.text, true, lang);
    storyline::brief::ArticleMaterial m = storyline::brief::MakeMaterial(cleaned.text, a, lang);
    std::string serial;
    m.AppendTo(&serial);
    storyline::brief::ArticleMaterial back;
    if (!storyline::brief::ArticleMaterial::Parse(serial, &back)) __builtin_trap();
    materials.push_back(std::move(back));
  }
  std::vector<storyline::brief::BriefArticle> in(2);
  for (std::size_t i = 0; i < 2; ++i) {
    in[i].material = &materials[i];
    in[i].id = i == 0 ? "a" : "b";
    in[i].outlet = in[i].id;
    in[i].entities = materials[i].names;
    in[i].time = static_cast<storyline::UnixSeconds>(i * 3600);
  }
  storyline::Story story;
  storyline::brief::WriteBrief(in, {.summary_words = 30}, &story);
  for (const std::string& s : story.summary) {
    if (!storyline::IsValidUtf8(s)) __builtin_trap();
  }
  for (const auto& q : story.quotes) {
    if (!storyline::IsValidUtf8(q.text) || !storyline::IsValidUtf8(q.speaker)) __builtin_trap();
  }
  if (!storyline::IsValidUtf8(story.headline)) __builtin_trap();
  return 0;
}
