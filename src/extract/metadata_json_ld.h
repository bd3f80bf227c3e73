// What page metadata (extract/metadata.cc) takes from a page's JSON-LD
// scripts: the article's headline, name, dates, authors and publisher, a
// WebSite's or Organization's name, a WebPage's dates. Objects are looked for
// in arrays, under "@graph" and under a page's "mainEntity"; the first object
// of an article type speaks for the article. Internal to
// extract/metadata.cc; nothing else should include it.
//
//   JsonLdFacts ld = ParseJsonLd(evidence.json_ld);  // the <script> texts
//   if (!ld.headline.empty()) ...
//
// Thread-safety: ParseJsonLd() parses with a thread_local simdjson parser;
// no other state.
#ifndef STORYLINE_EXTRACT_METADATA_JSON_LD_H_
#define STORYLINE_EXTRACT_METADATA_JSON_LD_H_

#include <string>
#include <vector>

namespace storyline::extract::metadata_internal {

// The facts, "" (or empty) where the scripts give none. headline, name,
// the authors, publisher and website are cleaned (CleanValue()); the dates
// are as written.
struct JsonLdFacts {
  std::string headline, name;
  std::string published, modified;
  std::vector<std::string> authors;
  std::string publisher;                      // the article's publisher name
  std::string website;                        // a WebSite's or Organization's name
  std::string page_published, page_modified;  // a WebPage's dates, a weaker fallback
  bool have_article = false;
};

// What `scripts` (the texts of the page's ld+json <script>s, each maybe
// wrapped in "<!-- -->" or CDATA) say. A script that does not parse, even
// with its raw line breaks and tabs made spaces, is skipped. Never fails.
JsonLdFacts ParseJsonLd(const std::vector<std::string>& scripts);

}  // namespace storyline::extract::metadata_internal

#endif  // STORYLINE_EXTRACT_METADATA_JSON_LD_H_
