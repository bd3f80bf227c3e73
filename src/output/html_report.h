// HTML output: a self-contained report of ranked stories for people to read.
#ifndef STORYLINE_OUTPUT_HTML_REPORT_H_
#define STORYLINE_OUTPUT_HTML_REPORT_H_

#include <cstddef>
#include <ostream>
#include <set>
#include <string>
#include <string_view>

#include "storyline/story.h"

namespace storyline::output {

struct HtmlReportOptions {
  // Stories shown in full (summary, quotes, sources...); later ones are listed
  // one line each.
  std::size_t full_stories = 200;
  // When the report was made, as the caller wants it shown (e.g. an ISO 8601
  // time); empty leaves it out. Not read from a clock here so output stays
  // reproducible.
  std::string generated;
  std::string title = "storyline report";
};

// Writes stories, in the order given (rank order), as one HTML5 page with
// inline CSS, no scripts and no external resources, one story at a time:
//
//   std::ofstream file("report.html");
//   HtmlReportOptions options;
//   options.generated = "2026-03-14T08:30:00Z";
//   HtmlReportWriter w(file, options);
//   engine.VisitStories([&](const Story& s) { w.Add(s); });
//   w.Finish();
//
// Every string from a story is HTML-escaped; a URL is linked only when it is
// http(s). The totals (stories, articles, outlets) are known only at the end:
// Finish() writes them into a slot reserved in the page header when `out` can
// seek back (a file, a string stream), and always in the page footer.
// `out` must outlive the writer. Not thread-safe.
class HtmlReportWriter {
 public:
  HtmlReportWriter(std::ostream& out, HtmlReportOptions options);
  HtmlReportWriter(const HtmlReportWriter&) = delete;
  HtmlReportWriter& operator=(const HtmlReportWriter&) = delete;

  void Add(const Story& story);
  void Finish();  // closes the page; call once

 private:
  void Begin();
  void AddFull(const Story& story, std::size_t rank);
  void AddCompact(const Story& story, std::size_t rank);

  std::ostream& out_;
  HtmlReportOptions options_;
  std::streamoff totals_slot_ = -1;  // offset of the header's reserved totals, -1 if none
  std::size_t stories_ = 0;
  std::size_t articles_ = 0;
  std::set<std::string, std::less<>> outlets_;
};

// `text` with & < > " ' replaced by character references, invalid UTF-8 by
// U+FFFD and control characters other than tab and newline by spaces, so it
// is safe as HTML text or a quoted attribute value.
std::string EscapeHtml(std::string_view text);

// True for an absolute http:// or https:// URL without spaces or control
// characters: the only URLs the report links.
bool IsLinkableUrl(std::string_view url);

}  // namespace storyline::output

#endif  // STORYLINE_OUTPUT_HTML_REPORT_H_
