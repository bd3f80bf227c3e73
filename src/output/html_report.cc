#include "output/html_report.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "text/tokenizer.h"
#include "util/hash.h"
#include "util/plural.h"
#include "util/time.h"
#include "util/utf8.h"

// The page is written directly, a story at a time, like the JSON writers: the
// shape is fixed and a large run must not be held in memory. Layout and
// colours are plain CSS in the page so it works offline, from a file, in a
// mail attachment; there is no script.
namespace storyline::output {
namespace {

// Caps that keep one huge story readable; the rest folds into <details>.
constexpr std::size_t kShownOutletChips = 12;
constexpr std::size_t kShownEntities = 12;
constexpr std::size_t kShownTimeline = 12;
constexpr std::size_t kShownSources = 12;
// Bytes reserved in the header for the totals written by Finish().
constexpr std::size_t kTotalsSlot = 200;

constexpr std::string_view kStyle = R"css(
:root{--bg:#f7f6f2;--card:#fff;--text:#1d1f23;--muted:#5b6068;--line:#dedbd2;--accent:#1f5fa8;
--quote:#f1efe8;--chip-l:90%;--chip-s:55%;--chip-t:#1d1f23;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#16181b;--card:#1f2226;--text:#e7e5df;--muted:#a4a9b0;
--line:#33373d;--accent:#8cb8ff;--quote:#272a2f;--chip-l:26%;--chip-s:35%;--chip-t:#eceae4}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--text);font:16px/1.55 system-ui,-apple-system,"Segoe UI",
Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
header.page{padding-top:1.75rem;padding-bottom:1rem}
header.page h1{margin:0 0 .25rem;font-size:1.6rem;letter-spacing:-.01em}
header.page p{margin:.15rem 0;color:var(--muted)}
header.page .totals{color:var(--text);font-size:1.05rem}
a{color:var(--accent)}
a:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.story{background:var(--card);border:1px solid var(--line);border-radius:10px;margin:0 0 1.25rem;
padding:1.25rem 1.5rem 1rem}
.story>header{margin-bottom:.75rem}
.rank{margin:0;color:var(--muted);font-size:.85rem;font-variant-numeric:tabular-nums}
.story h2{margin:.1rem 0 .35rem;font-size:1.45rem;line-height:1.25;max-width:50ch;overflow-wrap:anywhere}
.meta{margin:0 0 .5rem;color:var(--muted);font-size:.9rem}
.summary{font-size:1.075rem;max-width:70ch;margin:.25rem 0 .4rem}
.story h3{margin:1.1rem 0 .45rem;font-size:.78rem;text-transform:uppercase;letter-spacing:.08em;
color:var(--muted)}
.story h4{margin:0 0 .3rem;font-size:.95rem}
.chips{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem}
.chip{display:inline-block;padding:.05rem .55rem;border-radius:999px;font-size:.8rem;line-height:1.5;
background:hsl(var(--h,210) var(--chip-s) var(--chip-l));color:var(--chip-t);white-space:nowrap;
max-width:100%;overflow:hidden;text-overflow:ellipsis;vertical-align:baseline}
.more-chips{color:var(--muted);font-size:.8rem;align-self:center}
figure.quote{margin:0 0 .75rem;max-width:70ch;background:var(--quote);border-left:4px solid var(--accent);
border-radius:0 8px 8px 0;padding:.6rem .9rem}
figure.quote blockquote{margin:0;font-size:1.05rem}
figure.quote blockquote p{margin:0}
figure.quote figcaption{margin-top:.35rem;font-size:.85rem;color:var(--muted);display:flex;
flex-wrap:wrap;gap:.3rem;align-items:center}
.speaker{font-weight:600;color:var(--text)}
.entities{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.35rem .5rem}
.entities li{border:1px solid var(--line);border-radius:6px;padding:.05rem .45rem;font-size:.9rem}
.count{color:var(--muted);font-size:.8rem;margin-left:.25rem;font-variant-numeric:tabular-nums}
.only-in{display:grid;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr));gap:.75rem}
.only{border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem}
.only ul{margin:0;padding-left:1.1rem}
.only li{margin:.2rem 0;font-size:.95rem}
ol.timeline{list-style:none;margin:0;padding:0;max-width:52rem}
ol.timeline li{display:grid;grid-template-columns:11.5rem 8.5rem minmax(0,1fr);gap:.15rem .75rem;
padding:.35rem 0;border-top:1px solid var(--line);font-size:.92rem;align-items:baseline}
ol.timeline time,ol.timeline .undated{font-size:.85rem}
ol.timeline .chip{justify-self:start}
ol.timeline li:first-child{border-top:0}
ol.timeline time,.undated{color:var(--muted);font-variant-numeric:tabular-nums}
.nothing-new{color:var(--muted);font-style:italic}
ul.sources{list-style:none;margin:0;padding:0;display:grid;
grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:.6rem}
ul.sources li{border:1px solid var(--line);border-radius:8px;padding:.55rem .7rem;display:flex;
flex-direction:column;gap:.25rem;min-width:0}
.source-title{font-weight:500;line-height:1.35;overflow-wrap:anywhere}
.source-meta{font-size:.8rem;color:var(--muted);display:flex;flex-wrap:wrap;gap:.2rem .6rem}
.copy{font-size:.75rem;border:1px dashed var(--muted);border-radius:4px;padding:0 .35rem;
color:var(--muted)}
details{margin-top:.5rem}
summary{cursor:pointer;color:var(--accent);font-size:.9rem}
section.rest{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1rem 1.5rem}
section.rest h2{margin:.2rem 0 .6rem;font-size:1.2rem}
section.rest ol{margin:0;padding-left:3.2rem}
section.rest li{margin:.3rem 0}
section.rest .meta{display:block;margin:0;font-size:.82rem}
.empty{color:var(--muted);font-size:1.1rem}
@media (min-width:62rem){.story-body.has-side{display:grid;grid-template-columns:minmax(0,1fr) 15rem;
column-gap:2.5rem;grid-template-rows:repeat(4,auto) 1fr}.story-body>*{grid-column:1}
.story-body>.side{grid-column:2;grid-row:1 / span 5}.side h3{margin-top:.35rem}
.side ul.entities{display:block}.side ul.entities li{display:flex;justify-content:space-between;
gap:.5rem;border:0;border-bottom:1px solid var(--line);border-radius:0;padding:.2rem 0}}
footer.page{color:var(--muted);font-size:.85rem;padding-top:1rem;padding-bottom:2.5rem}
@media (max-width:600px){.wrap{padding:0 .6rem}.story{padding:1rem .9rem .75rem}
.story h2{font-size:1.25rem}ol.timeline li{grid-template-columns:auto minmax(0,1fr);gap:.1rem .5rem}
ol.timeline li>span:last-child{grid-column:1 / -1}
section.rest{padding:.9rem}section.rest ol{padding-left:2.4rem}}
)css";

void Append(std::string* out, std::string_view text) { out->append(EscapeHtml(text)); }

// Every outlet gets the same hue on every chip of the page.
int Hue(std::string_view outlet) { return static_cast<int>(Hash64(outlet) % 360); }

void AppendChip(std::string* o, std::string_view outlet, std::string_view tag = "span") {
  o->append("<").append(tag).append(" class=\"chip\" style=\"--h:");
  o->append(std::to_string(Hue(outlet))).append("\" title=\"");
  Append(o, outlet);
  o->append("\">");
  Append(o, outlet);
  o->append("</").append(tag).append(">");
}

std::tm Utc(UnixSeconds t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  return tm;
}

enum class TimeForm { kFull, kNoZone, kClock };

// kFull: "3 Mar 2026, 05:12 UTC", or "3 Mar 2026" for a bare date (midnight
// UTC, which is how dates found in text are stored); kNoZone: "3 Mar 2026,
// 05:12" for the start of a same-day span; kClock: "09:40 UTC" for its end.
std::string HumanTime(UnixSeconds t, TimeForm form = TimeForm::kFull) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::tm tm = Utc(t);
  char buf[64];
  bool midnight = tm.tm_hour == 0 && tm.tm_min == 0 && tm.tm_sec == 0;
  if (form == TimeForm::kClock) {
    std::snprintf(buf, sizeof buf, "%02d:%02d UTC", tm.tm_hour, tm.tm_min);
  } else if (midnight) {
    std::snprintf(buf, sizeof buf, "%d %s %d", tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900);
  } else {
    std::snprintf(buf, sizeof buf, "%d %s %d, %02d:%02d%s", tm.tm_mday, kMonths[tm.tm_mon],
                  tm.tm_year + 1900, tm.tm_hour, tm.tm_min, form == TimeForm::kFull ? " UTC" : "");
  }
  return buf;
}

void AppendTime(std::string* o, UnixSeconds t, TimeForm form = TimeForm::kFull) {
  o->append("<time datetime=\"").append(FormatIsoTime(t)).append("\">");
  o->append(HumanTime(t, form)).append("</time>");
}

// "3 Mar 2026, 05:12 UTC – 4 Mar 2026, 10:00 UTC", "3 Mar 2026, 05:12 –
// 09:40 UTC" within a day, one time when both read the same; nothing when
// both are unknown.
void AppendSpan(std::string* o, const std::optional<UnixSeconds>& first,
                const std::optional<UnixSeconds>& last) {
  if (!first && !last) return;
  if (!first || !last || HumanTime(*first) == HumanTime(*last)) {
    AppendTime(o, first ? *first : *last);
    return;
  }
  std::tm f = Utc(*first), l = Utc(*last);
  bool same_day = f.tm_year == l.tm_year && f.tm_yday == l.tm_yday;
  bool bare = f.tm_hour == 0 && f.tm_min == 0 && l.tm_hour == 0 && l.tm_min == 0;
  bool short_end = same_day && !bare;
  AppendTime(o, *first, short_end ? TimeForm::kNoZone : TimeForm::kFull);
  o->append(" \xE2\x80\x93 ");  // en dash
  AppendTime(o, *last, short_end ? TimeForm::kClock : TimeForm::kFull);
}

// "5 articles · 4 outlets · <span>" for a story's header and the compact list.
void AppendMeta(std::string* o, const Story& s) {
  o->append(Plural(s.articles.size(), "article", "articles"));
  o->append(" \xC2\xB7 ").append(Plural(s.outlets.size(), "outlet", "outlets"));
  if (s.first_seen || s.last_seen) {
    o->append(" \xC2\xB7 ");
    AppendSpan(o, s.first_seen, s.last_seen);
  }
}

std::string_view HeadlineOf(const Story& s) {
  if (!s.headline.empty()) return s.headline;
  for (const StoryArticle& a : s.articles) {
    if (!a.title.empty()) return a.title;
  }
  return s.id.empty() ? std::string_view("Untitled story") : std::string_view(s.id);
}

void AppendQuotes(std::string* o, const Story& s) {
  if (s.quotes.empty()) return;
  o->append("<section aria-label=\"Quotes\"><h3>Quotes</h3>\n");
  for (const StoryQuote& q : s.quotes) {
    o->append("<figure class=\"quote\"><blockquote><p>\xE2\x80\x9C");
    // A fragment taken out of a sentence shows that it is one.
    if (text::OpensInLowerCase(q.text)) o->append("\xE2\x80\xA6");
    Append(o, q.text);
    o->append("\xE2\x80\x9D</p></blockquote><figcaption>");
    o->append(q.speaker.empty() ? "<span class=\"speaker\">Unattributed</span>"
                                : "<span class=\"speaker\">");
    if (!q.speaker.empty()) {
      Append(o, q.speaker);
      o->append("</span>");
    }
    if (!q.outlets.empty()) o->append(" <span>in</span> ");
    for (const std::string& outlet : q.outlets) AppendChip(o, outlet);
    o->append("</figcaption></figure>\n");
  }
  o->append("</section>\n");
}

void AppendEntity(std::string* o, const EntityCount& e) {
  o->append("<li>");
  Append(o, e.name);
  o->append("<span class=\"count\" title=\"articles that mention it\">");
  o->append(std::to_string(e.count)).append("</span></li>");
}

void AppendEntities(std::string* o, const Story& s) {
  if (s.entities.empty()) return;
  o->append(
      "<section class=\"side\" aria-label=\"People, places and organisations\">"
      "<h3>People, places, organisations</h3>\n<ul class=\"entities\">");
  std::size_t shown = std::min(s.entities.size(), kShownEntities);
  for (std::size_t i = 0; i < shown; ++i) AppendEntity(o, s.entities[i]);
  o->append("</ul>\n");
  if (shown < s.entities.size()) {
    o->append("<details><summary>")
        .append(std::to_string(s.entities.size() - shown))
        .append(" more</summary><ul class=\"entities\">");
    for (std::size_t i = shown; i < s.entities.size(); ++i) AppendEntity(o, s.entities[i]);
    o->append("</ul></details>\n");
  }
  o->append("</section>\n");
}

void AppendOnlyIn(std::string* o, const Story& s) {
  bool any = false;
  for (const OutletFacts& f : s.only_in) any = any || !f.sentences.empty();
  if (!any) return;
  o->append(
      "<section aria-label=\"What one outlet alone reports\">"
      "<h3>What one outlet alone reports</h3>\n<div class=\"only-in\">\n");
  for (const OutletFacts& f : s.only_in) {
    if (f.sentences.empty()) continue;
    o->append("<div class=\"only\"><h4>Only in ");
    AppendChip(o, f.outlet);
    o->append("</h4><ul>");
    for (const std::string& sentence : f.sentences) {
      o->append("<li>");
      Append(o, sentence);
      o->append("</li>");
    }
    o->append("</ul></div>\n");
  }
  o->append("</div></section>\n");
}

void AppendTimelineEntry(std::string* o, const TimelineEntry& t) {
  o->append("<li>");
  if (t.time) {
    AppendTime(o, *t.time);
  } else {
    o->append("<span class=\"undated\">undated</span>");
  }
  AppendChip(o, t.outlet);
  if (t.new_facts.empty()) {
    o->append("<span class=\"nothing-new\">nothing new</span>");
  } else {
    o->append("<span>");
    for (std::size_t i = 0; i < t.new_facts.size(); ++i) {
      if (i) o->append(" ");
      Append(o, t.new_facts[i]);
    }
    o->append("</span>");
  }
  o->append("</li>\n");
}

void AppendTimeline(std::string* o, const Story& s) {
  if (s.timeline.empty()) return;
  o->append("<section aria-label=\"Timeline\"><h3>Timeline</h3>\n<ol class=\"timeline\">\n");
  std::size_t shown = std::min(s.timeline.size(), kShownTimeline);
  for (std::size_t i = 0; i < shown; ++i) AppendTimelineEntry(o, s.timeline[i]);
  o->append("</ol>\n");
  if (shown < s.timeline.size()) {
    o->append("<details><summary>")
        .append(std::to_string(s.timeline.size() - shown))
        .append(" later</summary><ol class=\"timeline\">\n");
    for (std::size_t i = shown; i < s.timeline.size(); ++i) AppendTimelineEntry(o, s.timeline[i]);
    o->append("</ol></details>\n");
  }
  o->append("</section>\n");
}

void AppendSource(std::string* o, const Story& s, const StoryArticle& a) {
  o->append("<li>");
  std::string_view title = a.title.empty() ? std::string_view(a.id) : std::string_view(a.title);
  if (IsLinkableUrl(a.url)) {
    o->append("<a class=\"source-title\" href=\"");
    Append(o, a.url);
    o->append("\">");
    Append(o, title);
    o->append("</a>");
  } else {
    o->append("<span class=\"source-title\">");
    Append(o, title);
    o->append("</span>");
  }
  o->append("<span class=\"source-meta\">");
  // An article without a source is named by its id, already its title when it has none.
  if (!a.source.empty() || !a.title.empty()) AppendChip(o, a.source.empty() ? a.id : a.source);
  if (a.published) AppendTime(o, *a.published);
  if (!a.duplicate_of.empty()) {
    std::string_view of = a.duplicate_of;
    for (const StoryArticle& b : s.articles) {
      if (b.id == a.duplicate_of) {
        of = b.source.empty() ? b.id : b.source;
        break;
      }
    }
    o->append("<span class=\"copy\" title=\"near-copy of article ");
    Append(o, a.duplicate_of);
    o->append("\">copy of ");
    Append(o, of);
    o->append("</span>");
  }
  o->append("</span></li>\n");
}

void AppendSources(std::string* o, const Story& s) {
  if (s.articles.empty()) return;
  o->append("<section aria-label=\"Sources\"><h3>Sources</h3>\n<ul class=\"sources\">\n");
  std::size_t shown = std::min(s.articles.size(), kShownSources);
  for (std::size_t i = 0; i < shown; ++i) AppendSource(o, s, s.articles[i]);
  o->append("</ul>\n");
  if (shown < s.articles.size()) {
    o->append("<details><summary>")
        .append(std::to_string(s.articles.size() - shown))
        .append(" more articles</summary><ul class=\"sources\">\n");
    for (std::size_t i = shown; i < s.articles.size(); ++i) AppendSource(o, s, s.articles[i]);
    o->append("</ul></details>\n");
  }
  o->append("</section>\n");
}

std::string Totals(std::size_t stories, std::size_t articles, std::size_t outlets) {
  return "<strong>" + Plural(stories, "story", "stories") + "</strong> from " +
         Plural(articles, "article", "articles") + " by " + Plural(outlets, "outlet", "outlets");
}

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string valid;
  if (!IsValidUtf8(text)) {
    valid = ReplaceInvalidUtf8(text);
    text = valid;
  }
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '&':
        out.append("&amp;");
        break;
      case '<':
        out.append("&lt;");
        break;
      case '>':
        out.append("&gt;");
        break;
      case '"':
        out.append("&quot;");
        break;
      case '\'':
        out.append("&#39;");
        break;
      default:
        if ((u < 0x20 && c != '\n' && c != '\t') || u == 0x7F) {
          out.push_back(' ');  // HTML5 forbids them; \r would only confuse
        } else if (u == 0xC2 && i + 1 < text.size() &&
                   static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
          out.push_back(' ');  // C1 control, U+0080..U+009F
          ++i;
        } else {
          out.push_back(c);
        }
    }
  }
  return out;
}

bool IsLinkableUrl(std::string_view url) {
  auto starts = [&](std::string_view scheme) {
    if (url.size() <= scheme.size()) return false;
    for (std::size_t i = 0; i < scheme.size(); ++i) {
      char c = url[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != scheme[i]) return false;
    }
    return true;
  };
  if (!starts("http://") && !starts("https://")) return false;
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return false;
  }
  return true;
}

HtmlReportWriter::HtmlReportWriter(std::ostream& out, HtmlReportOptions options)
    : out_(out), options_(std::move(options)) {
  Begin();
}

void HtmlReportWriter::Begin() {
  std::string o;
  o.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
  o.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  o.append("<meta name=\"generator\" content=\"storyline\">\n<title>");
  Append(&o, options_.title);
  o.append("</title>\n<style>").append(kStyle).append("</style>\n</head>\n<body>\n");
  o.append("<header class=\"page wrap\">\n<h1>");
  Append(&o, options_.title);
  o.append("</h1>\n");
  out_ << o;
  o.clear();
  // Reserve the totals' place; spaces between tags render as nothing if
  // Finish() cannot come back to fill it.
  std::streamoff at = out_ ? static_cast<std::streamoff>(out_.tellp()) : -1;
  if (at >= 0) {
    o.append("<p class=\"totals\">");
    totals_slot_ = at + static_cast<std::streamoff>(o.size());
    o.append(kTotalsSlot, ' ').append("</p>\n");
  }
  if (!options_.generated.empty()) {
    o.append("<p>Generated ");
    auto t = ParseIsoTime(options_.generated);
    if (t) {
      AppendTime(&o, *t);
    } else {
      Append(&o, options_.generated);
    }
    o.append("</p>\n");
  }
  o.append("</header>\n<main class=\"wrap\">\n");
  out_ << o;
}

void HtmlReportWriter::Add(const Story& story) {
  ++stories_;
  articles_ += story.articles.size();
  for (const std::string& outlet : story.outlets) outlets_.insert(outlet);
  if (stories_ <= options_.full_stories) {
    AddFull(story, stories_);
  } else {
    AddCompact(story, stories_);
  }
}

void HtmlReportWriter::AddFull(const Story& s, std::size_t rank) {
  std::string o;
  o.reserve(4096 + 512 * s.articles.size());
  std::string anchor = "story-" + std::to_string(rank);
  o.append("<article class=\"story\" id=\"").append(anchor);
  o.append("\" aria-labelledby=\"").append(anchor).append("-h\">\n<header>\n");
  o.append("<p class=\"rank\">#").append(std::to_string(rank)).append("</p>\n");
  o.append("<h2 id=\"").append(anchor).append("-h\">");
  Append(&o, HeadlineOf(s));
  o.append("</h2>\n<p class=\"meta\">");
  AppendMeta(&o, s);
  o.append("</p>\n");
  if (!s.outlets.empty()) {
    o.append("<ul class=\"chips\" aria-label=\"Outlets\">");
    std::size_t shown = std::min(s.outlets.size(), kShownOutletChips);
    for (std::size_t i = 0; i < shown; ++i) AppendChip(&o, s.outlets[i], "li");
    if (shown < s.outlets.size()) {
      o.append("<li class=\"more-chips\">and ")
          .append(std::to_string(s.outlets.size() - shown))
          .append(" more</li>");
    }
    o.append("</ul>\n");
  }
  o.append("</header>\n");
  o.append(s.entities.empty() ? "<div class=\"story-body\">\n"
                              : "<div class=\"story-body has-side\">\n");
  if (!s.summary.empty()) {
    o.append("<p class=\"summary\">");
    for (std::size_t i = 0; i < s.summary.size(); ++i) {
      if (i) o.append(" ");
      Append(&o, s.summary[i]);
    }
    o.append("</p>\n");
  }
  AppendQuotes(&o, s);
  AppendEntities(&o, s);
  AppendOnlyIn(&o, s);
  AppendTimeline(&o, s);
  o.append("</div>\n");
  AppendSources(&o, s);
  o.append("</article>\n");
  out_ << o;
}

void HtmlReportWriter::AddCompact(const Story& s, std::size_t rank) {
  std::string o;
  if (rank == options_.full_stories + 1) {
    o.append(
        "<section class=\"rest\" aria-labelledby=\"rest-h\">\n<h2 id=\"rest-h\">More "
        "stories</h2>\n");
    o.append("<ol start=\"").append(std::to_string(rank)).append("\">\n");
  }
  o.append("<li id=\"story-").append(std::to_string(rank)).append("\">");
  Append(&o, HeadlineOf(s));
  o.append("<span class=\"meta\">");
  AppendMeta(&o, s);
  o.append("</span></li>\n");
  out_ << o;
}

void HtmlReportWriter::Finish() {
  std::string o;
  if (stories_ > options_.full_stories) o.append("</ol>\n</section>\n");
  if (stories_ == 0) o.append("<p class=\"empty\">No stories: no article was read.</p>\n");
  std::string totals = Totals(stories_, articles_, outlets_.size());
  o.append("</main>\n<footer class=\"page wrap\"><p>").append(totals);
  o.append(". Made by storyline.</p></footer>\n</body>\n</html>\n");
  out_ << o;
  if (totals_slot_ >= 0 && totals.size() <= kTotalsSlot && out_) {
    std::streampos end = out_.tellp();
    if (end != std::streampos(-1) && out_.seekp(totals_slot_)) {
      out_ << totals;
      out_.seekp(end);
    } else {
      out_.clear();  // cannot seek back: the footer has the totals
    }
  }
}

}  // namespace storyline::output
