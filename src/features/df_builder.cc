#include "features/df_builder.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "extract/read_article.h"
#include "text/analyzer.h"

namespace storyline::features {

Status BuildDocumentFrequencies(const std::vector<std::string>& paths, int min_df,
                                ingest::Diagnostics* diag, std::ostream& out) {
  text::Analyzer analyzer;
  std::unordered_map<std::uint64_t, std::string> vocabulary;
  analyzer.RecordVocabulary(&vocabulary);
  std::vector<std::uint64_t> lower_case;
  analyzer.RecordLowerCaseWords(&lower_case);
  std::unordered_map<std::uint64_t, std::uint32_t> df;
  std::uint64_t docs = 0;
  ingest::ReadStats stats;
  Status s = ingest::ReadArticles(
      paths,
      [&](Article a) {
        // Read as the engine reads it; an article it refuses is not counted.
        if (!extract::ReadArticle(&a).ok()) return;
        lower_case.clear();
        text::Analysis an = analyzer.Analyze(a.title, a.text, true, text::LanguageOf(a.lang));
        ++docs;
        std::vector<std::uint64_t> ids;
        for (const auto& t : an.body_terms) ids.push_back(t.id);
        for (const auto& t : an.title_terms) ids.push_back(t.id);
        for (const auto& t : an.entity_terms) ids.push_back(t.id);
        ids.insert(ids.end(), lower_case.begin(), lower_case.end());
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        for (std::uint64_t id : ids) ++df[id];
      },
      diag, &stats);
  if (!s.ok()) return s;
  std::map<std::string, std::uint32_t> sorted;
  for (const auto& [id, count] : df) {
    if (count >= static_cast<std::uint32_t>(std::max(1, min_df))) sorted[vocabulary[id]] += count;
  }
  out << "#storyline-df\t1\t" << docs << '\n';
  for (const auto& [term, count] : sorted) out << term << '\t' << count << '\n';
  return Status::Ok();
}

}  // namespace storyline::features
