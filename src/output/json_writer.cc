#include "output/json_writer.h"

#include <nlohmann/json.hpp>

#include "util/time.h"

namespace storyline::output {
namespace {

using json = nlohmann::ordered_json;

json Time(const std::optional<UnixSeconds>& t) {
  return t ? json(FormatIsoTime(*t)) : json(nullptr);
}

}  // namespace

void StoriesJsonWriter::Add(const Story& s) {
  json articles = json::array();
  for (const StoryArticle& a : s.articles) {
    articles.push_back(
        {{"id", a.id},
         {"source", a.source},
         {"title", a.title},
         {"url", a.url},
         {"published", Time(a.published)},
         {"duplicate_of", a.duplicate_of.empty() ? json(nullptr) : json(a.duplicate_of)}});
  }
  json entities = json::array();
  for (const EntityCount& e : s.entities)
    entities.push_back({{"name", e.name}, {"count", e.count}});
  json story = {{"id", s.id},
                {"headline", s.headline},
                {"summary", s.summary},
                {"score", s.score},
                {"size", s.articles.size()},
                {"outlets", s.outlets},
                {"first_seen", Time(s.first_seen)},
                {"last_seen", Time(s.last_seen)},
                {"entities", entities},
                {"articles", articles}};
  out_ << (first_ ? "[\n" : ",\n") << story.dump(2, ' ', false, json::error_handler_t::replace);
  first_ = false;
}

void StoriesJsonWriter::Finish() { out_ << (first_ ? "[]\n" : "\n]\n"); }

void WriteStoriesJson(const std::vector<Story>& stories, std::ostream& out) {
  StoriesJsonWriter writer(out);
  for (const Story& s : stories) writer.Add(s);
  writer.Finish();
}

void WriteAssignmentLine(std::string_view id, std::string_view story, std::ostream& out) {
  json line = {{"id", id}, {"story", story}};
  out << line.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace storyline::output
