#include "server/packed_story.h"

#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <string_view>

#include "util/binary.h"

namespace storyline::server {
namespace {

void PutStrings(std::string* out, const std::vector<std::string>& v) {
  PutU32(out, static_cast<std::uint32_t>(v.size()));
  for (const std::string& s : v) PutString(out, s);
}

// Each element takes at least 4 bytes, so a count past that is corrupt: no
// vector is sized before its bytes are known to be there.
template <typename T, typename F>
bool GetEach(BinaryReader& r, std::size_t left, std::vector<T>* v, F get) {
  std::uint32_t n;
  if (!r.GetU32(&n) || n > left / 4) return false;
  v->resize(n);
  for (T& x : *v) {
    if (!get(x)) return false;
  }
  return true;
}

// Every field but the id, which PackedStory keeps whole.
std::string Serialize(const Story& s) {
  std::string out;
  PutString(&out, s.headline);
  PutStrings(&out, s.summary);
  PutU32(&out, static_cast<std::uint32_t>(s.articles.size()));
  for (const StoryArticle& a : s.articles) {
    for (const std::string* f : {&a.id, &a.source, &a.title, &a.url, &a.duplicate_of}) {
      PutString(&out, *f);
    }
    PutOptional(&out, a.published);
  }
  PutStrings(&out, s.outlets);
  PutOptional(&out, s.first_seen);
  PutOptional(&out, s.last_seen);
  std::uint64_t score;
  std::memcpy(&score, &s.score, sizeof score);
  PutU64(&out, score);
  PutU32(&out, static_cast<std::uint32_t>(s.entities.size()));
  for (const EntityCount& e : s.entities) {
    PutString(&out, e.name);
    PutU32(&out, static_cast<std::uint32_t>(e.count));
  }
  PutU32(&out, static_cast<std::uint32_t>(s.quotes.size()));
  for (const StoryQuote& q : s.quotes) {
    PutString(&out, q.text);
    PutString(&out, q.speaker);
    PutStrings(&out, q.outlets);
  }
  PutU32(&out, static_cast<std::uint32_t>(s.only_in.size()));
  for (const OutletFacts& o : s.only_in) {
    PutString(&out, o.outlet);
    PutStrings(&out, o.sentences);
  }
  PutU32(&out, static_cast<std::uint32_t>(s.timeline.size()));
  for (const TimelineEntry& t : s.timeline) {
    PutOptional(&out, t.time);
    PutString(&out, t.article_id);
    PutString(&out, t.outlet);
    PutStrings(&out, t.new_facts);
  }
  return out;
}

bool Parse(std::string_view bytes, Story* s) {
  BinaryReader r(bytes);
  const std::size_t n = bytes.size();
  const auto strings = [&](std::vector<std::string>* v) {
    return GetEach(r, n, v, [&](std::string& x) { return r.GetString(&x); });
  };
  if (!r.GetString(&s->headline) || !strings(&s->summary)) return false;
  const bool articles = GetEach(r, n, &s->articles, [&](StoryArticle& a) {
    return r.GetString(&a.id) && r.GetString(&a.source) && r.GetString(&a.title) &&
           r.GetString(&a.url) && r.GetString(&a.duplicate_of) && r.GetOptional(&a.published);
  });
  std::uint64_t score;
  if (!articles || !strings(&s->outlets) || !r.GetOptional(&s->first_seen) ||
      !r.GetOptional(&s->last_seen) || !r.GetU64(&score)) {
    return false;
  }
  std::memcpy(&s->score, &score, sizeof score);
  return GetEach(r, n, &s->entities,
                 [&](EntityCount& e) {
                   std::uint32_t count;
                   if (!r.GetString(&e.name) || !r.GetU32(&count)) return false;
                   e.count = static_cast<int>(count);
                   return true;
                 }) &&
         GetEach(r, n, &s->quotes,
                 [&](StoryQuote& q) {
                   return r.GetString(&q.text) && r.GetString(&q.speaker) && strings(&q.outlets);
                 }) &&
         GetEach(r, n, &s->only_in,
                 [&](OutletFacts& o) { return r.GetString(&o.outlet) && strings(&o.sentences); }) &&
         GetEach(r, n, &s->timeline,
                 [&](TimelineEntry& t) {
                   return r.GetOptional(&t.time) && r.GetString(&t.article_id) &&
                          r.GetString(&t.outlet) && strings(&t.new_facts);
                 }) &&
         r.done();
}

}  // namespace

PackedStory PackStory(const Story& story) {
  PackedStory p{story.id, story.first_seen, story.last_seen, story.outlets, {}};
  const std::string raw = Serialize(story);
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  PutU32(&p.bytes, static_cast<std::uint32_t>(raw.size()));  // 0: stored as it is, below
  p.bytes.resize(4 + size);
  // Level 1: a rebuild packs every low-ranked story that changed, on the
  // publisher's thread; the faster levels compress briefs almost as well.
  const int rc = compress2(reinterpret_cast<Bytef*>(p.bytes.data() + 4), &size,
                           reinterpret_cast<const Bytef*>(raw.data()), raw.size(), 1);
  if (rc != Z_OK) {  // only when memory runs out: keep the bytes as they are
    p.bytes.clear();
    PutU32(&p.bytes, 0);
    p.bytes += raw;
    return p;
  }
  p.bytes.resize(4 + size);
  p.bytes.shrink_to_fit();
  return p;
}

Result<Story> UnpackStory(const PackedStory& packed) {
  const auto corrupt = [&] {
    return Status::Internal("packed brief of story " + packed.id + " cannot be read");
  };
  BinaryReader header(packed.bytes);
  std::uint32_t raw_size;
  if (!header.GetU32(&raw_size)) return corrupt();
  const std::string_view body = std::string_view(packed.bytes).substr(4);
  Story story;
  story.id = packed.id;
  if (raw_size == 0) {  // stored as it is
    if (!Parse(body, &story)) return corrupt();
    return story;
  }
  std::string raw(raw_size, '\0');
  uLongf size = raw_size;
  if (uncompress(reinterpret_cast<Bytef*>(raw.data()), &size,
                 reinterpret_cast<const Bytef*>(body.data()), body.size()) != Z_OK ||
      size != raw_size || !Parse(raw, &story)) {
    return corrupt();
  }
  return story;
}

}  // namespace storyline::server
