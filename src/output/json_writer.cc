#include "output/json_writer.h"

#include <algorithm>
#include <cstdio>

#include "util/time.h"

// The writers emit JSON directly rather than building nlohmann::json
// documents: building and dumping an ordered_json per story cost 14% of all
// instructions of a 2,000-article run (callgrind), for output whose shape is
// fixed. Article text reaching here is valid UTF-8 (checked on input), so
// escaping quotes, backslashes and control characters is all JSON needs.
namespace storyline::output {
namespace {

void AppendString(std::string* out, std::string_view s) {
  out->push_back('"');
  for (char c : s) {
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x",
                        static_cast<unsigned>(static_cast<unsigned char>(c)));
          out->append(buf);
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

void AppendTime(std::string* out, const std::optional<UnixSeconds>& t) {
  if (t) {
    AppendString(out, FormatIsoTime(*t));
  } else {
    out->append("null");
  }
}

// ["a", "b"]
void AppendStrings(std::string* out, const std::vector<std::string>& items) {
  out->push_back('[');
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out->append(", ");
    AppendString(out, items[i]);
  }
  out->push_back(']');
}

// `"key": ` at the given indent.
void Key(std::string* out, int indent, std::string_view key) {
  out->append(static_cast<std::size_t>(indent), ' ');
  AppendString(out, key);
  out->append(": ");
}

}  // namespace

namespace {

// The story as a JSON object: "  {\n" ... "  }" (fields at indent 4), with
// at most `max_articles` of its articles.
void AppendStory(std::string* out, const Story& s,
                 std::size_t max_articles = std::numeric_limits<std::size_t>::max()) {
  std::string& o = *out;
  o.append("  {\n");
  Key(&o, 4, "id");
  AppendString(&o, s.id);
  o.append(",\n");
  Key(&o, 4, "headline");
  AppendString(&o, s.headline);
  o.append(",\n");
  Key(&o, 4, "summary");
  AppendStrings(&o, s.summary);
  o.append(",\n");
  char num[64];
  std::snprintf(num, sizeof num, "%.6g", s.score);
  Key(&o, 4, "score");
  o.append(num).append(",\n");
  Key(&o, 4, "size");
  o.append(std::to_string(s.articles.size())).append(",\n");
  Key(&o, 4, "outlets");
  AppendStrings(&o, s.outlets);
  o.append(",\n");
  Key(&o, 4, "first_seen");
  AppendTime(&o, s.first_seen);
  o.append(",\n");
  Key(&o, 4, "last_seen");
  AppendTime(&o, s.last_seen);
  o.append(",\n");
  Key(&o, 4, "entities");
  o.append("[");
  for (std::size_t i = 0; i < s.entities.size(); ++i) {
    o.append(i ? ", " : "").append("{\"name\": ");
    AppendString(&o, s.entities[i].name);
    o.append(", \"count\": ").append(std::to_string(s.entities[i].count)).append("}");
  }
  o.append("],\n");
  Key(&o, 4, "quotes");
  o.append(s.quotes.empty() ? "[" : "[\n");
  for (std::size_t i = 0; i < s.quotes.size(); ++i) {
    const StoryQuote& q = s.quotes[i];
    o.append("      {\"text\": ");
    AppendString(&o, q.text);
    o.append(", \"speaker\": ");
    AppendString(&o, q.speaker);
    o.append(", \"outlets\": ");
    AppendStrings(&o, q.outlets);
    o.append(i + 1 < s.quotes.size() ? "},\n" : "}\n    ");
  }
  o.append("],\n");
  Key(&o, 4, "only_in");
  o.append(s.only_in.empty() ? "{" : "{\n");
  for (std::size_t i = 0; i < s.only_in.size(); ++i) {
    Key(&o, 6, s.only_in[i].outlet);
    AppendStrings(&o, s.only_in[i].sentences);
    o.append(i + 1 < s.only_in.size() ? ",\n" : "\n    ");
  }
  o.append("},\n");
  Key(&o, 4, "timeline");
  o.append(s.timeline.empty() ? "[" : "[\n");
  for (std::size_t i = 0; i < s.timeline.size(); ++i) {
    const TimelineEntry& t = s.timeline[i];
    o.append("      {\"time\": ");
    AppendTime(&o, t.time);
    o.append(", \"article\": ");
    AppendString(&o, t.article_id);
    o.append(", \"outlet\": ");
    AppendString(&o, t.outlet);
    o.append(", \"new_facts\": ");
    AppendStrings(&o, t.new_facts);
    o.append(i + 1 < s.timeline.size() ? "},\n" : "}\n    ");
  }
  o.append("],\n");
  Key(&o, 4, "articles");
  o.append("[\n");
  const std::size_t shown = std::min(s.articles.size(), max_articles);
  for (std::size_t i = 0; i < shown; ++i) {
    const StoryArticle& a = s.articles[i];
    o.append("      {\"id\": ");
    AppendString(&o, a.id);
    o.append(", \"source\": ");
    AppendString(&o, a.source);
    o.append(", \"title\": ");
    AppendString(&o, a.title);
    o.append(", \"url\": ");
    AppendString(&o, a.url);
    o.append(", \"published\": ");
    AppendTime(&o, a.published);
    o.append(", \"duplicate_of\": ");
    if (a.duplicate_of.empty()) {
      o.append("null");
    } else {
      AppendString(&o, a.duplicate_of);
    }
    o.append(i + 1 < shown ? "},\n" : "}\n");
  }
  o.append("    ]\n  }");
}

}  // namespace

void StoriesJsonWriter::Add(const Story& s) {
  std::string o;
  o.reserve(512 + 256 * s.articles.size());
  o.append(first_ ? "[\n" : ",\n");
  AppendStory(&o, s);
  out_ << o;
  first_ = false;
}

void WriteStoryJson(const Story& story, std::ostream& out, std::size_t max_articles) {
  std::string o;
  AppendStory(&o, story, max_articles);
  o.push_back('\n');
  out << o;
}

void StoriesJsonWriter::Finish() { out_ << (first_ ? "[]\n" : "\n]\n"); }

void WriteAssignmentLine(std::string_view id, std::string_view story, std::ostream& out) {
  std::string line = "{\"id\": ";
  AppendString(&line, id);
  line.append(", \"story\": ");
  AppendString(&line, story);
  line.append("}\n");
  out << line;
}

void WritePageLine(std::string_view id, const extract::ExtractedPage& page, std::ostream& out) {
  std::string line = "{\"id\": ";
  AppendString(&line, id);
  auto field = [&](std::string_view key, std::string_view value) {
    line.append(", ");
    AppendString(&line, key);
    line.append(": ");
    AppendString(&line, value);
  };
  field("url", page.url);
  field("title", page.title);
  field("text", page.text);
  line.append(", \"published\": ");
  AppendTime(&line, page.published);
  line.append(", \"modified\": ");
  AppendTime(&line, page.modified);
  field("byline", page.byline);
  field("site", page.site);
  field("lang", page.lang);
  line.append("}\n");
  out << line;
}

}  // namespace storyline::output
