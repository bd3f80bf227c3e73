// StoryEngine: composes the stages. Prepare() runs extract/ and text/ on one
// article; Add() runs features/ and cluster/; Stories() runs rank/.
#include "storyline/engine.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "brief/brief.h"
#include "brief/material.h"
#include "cluster/clusterer.h"
#include "cluster/duplicates.h"
#include "engine/blob_store.h"
#include "extract/read_article.h"
#include "features/doc_vectors.h"
#include "features/minhash.h"
#include "features/term_stats.h"
#include "rank/rank.h"
#include "text/analyzer.h"
#include "util/binary.h"
#include "util/hash.h"
#include "util/parallel.h"
#include "util/time.h"

namespace storyline {
namespace {

constexpr std::size_t kCentralityTerms = 16;

#ifndef STORYLINE_DATA_DIR
#define STORYLINE_DATA_DIR "data"
#endif

std::string DefaultPriorPath() { return STORYLINE_DATA_DIR "/prior/df_en.tsv"; }

}  // namespace

struct PreparedArticle::Impl {
  Article article;  // text replaced by the cleaned body, then dropped after Add
  text::Analysis analysis;
  features::MinHash minhash;
  std::string material;  // brief::ArticleMaterial, serialised
};

PreparedArticle::PreparedArticle() : impl_(std::make_unique<Impl>()) {}
PreparedArticle::~PreparedArticle() = default;
PreparedArticle::PreparedArticle(PreparedArticle&&) noexcept = default;
PreparedArticle& PreparedArticle::operator=(PreparedArticle&&) noexcept = default;
const Article& PreparedArticle::article() const { return impl_->article; }

namespace {

// The float of a term: an analysis' count, a vector's weight.
float& TermValue(text::TermCount& t) { return t.count; }
float TermValue(const text::TermCount& t) { return t.count; }
float& TermValue(features::WeightedTerm& t) { return t.weight; }
float TermValue(const features::WeightedTerm& t) { return t.weight; }

// Terms (a 64-bit id and a float, then padding) written field by field: a
// count, then each term's id and the float's bits, 12 bytes a term.
template <typename Term>
void PutTerms(std::string* out, const std::vector<Term>& terms) {
  PutU32(out, static_cast<std::uint32_t>(terms.size()));
  for (const Term& t : terms) {
    PutU64(out, t.id);
    std::uint32_t bits;
    const float value = TermValue(t);
    std::memcpy(&bits, &value, 4);
    PutU32(out, bits);
  }
}
template <typename Term>
bool GetTerms(BinaryReader* r, std::size_t limit, std::vector<Term>* terms) {
  std::uint32_t n = 0;
  if (!r->GetU32(&n) || n > limit / 12) return false;
  terms->resize(n);
  for (Term& t : *terms) {
    std::uint32_t bits = 0;
    if (!r->GetU64(&t.id) || !r->GetU32(&bits)) return false;
    std::memcpy(&TermValue(t), &bits, 4);
  }
  return true;
}

}  // namespace

std::string PreparedArticle::Serialize() const {
  const Impl& p = *impl_;
  std::string out;
  PutU32(&out, kFormat);
  for (const std::string* s : {&p.article.id, &p.article.url, &p.article.source, &p.article.title,
                               &p.article.lang, &p.article.charset}) {
    PutString(&out, *s);
  }
  PutOptional(&out, p.article.published);
  PutOptional(&out, p.article.fetched);
  PutTerms(&out, p.analysis.body_terms);
  PutTerms(&out, p.analysis.title_terms);
  PutTerms(&out, p.analysis.entity_terms);
  PutU32(&out, p.analysis.word_count);
  PutVector(&out, std::vector<std::uint32_t>(p.minhash.begin(), p.minhash.end()));
  PutString(&out, p.material);
  return out;
}

bool PreparedArticle::Parse(std::string_view bytes, PreparedArticle* out) {
  Impl& p = *out->impl_;
  BinaryReader r(bytes);
  std::uint32_t format = 0;
  if (!r.GetU32(&format) || format != kFormat) return false;
  p = Impl();
  for (std::string* s : {&p.article.id, &p.article.url, &p.article.source, &p.article.title,
                         &p.article.lang, &p.article.charset}) {
    if (!r.GetString(s)) return false;
  }
  std::vector<std::uint32_t> minhash;
  if (!r.GetOptional(&p.article.published) || !r.GetOptional(&p.article.fetched) ||
      !GetTerms(&r, bytes.size(), &p.analysis.body_terms) ||
      !GetTerms(&r, bytes.size(), &p.analysis.title_terms) ||
      !GetTerms(&r, bytes.size(), &p.analysis.entity_terms) || !r.GetU32(&p.analysis.word_count) ||
      !r.GetVector(&minhash) || minhash.size() != p.minhash.size() || !r.GetString(&p.material) ||
      !r.done()) {
    return false;
  }
  std::copy(minhash.begin(), minhash.end(), p.minhash.begin());
  if (!p.material.empty()) {
    brief::ArticleMaterial check;
    if (!brief::ArticleMaterial::Parse(p.material, &check)) return false;
  }
  return true;
}

namespace {

// The vectors an article was clustered with, kept by a removable engine to
// take them out of their story exactly. They go to a BlobStore (on disk, like
// the briefs' material), since only Remove() reads them back: the text
// terms, then the entity terms, as PutTerms() writes them.
std::string PackVectors(const features::DocVectors& v) {
  std::string out;
  out.reserve(8 + 12 * (v.text.size() + v.entities.size()));
  PutTerms(&out, v.text);
  PutTerms(&out, v.entities);
  return out;
}

// False when `bytes` is not what PackVectors() wrote.
bool UnpackVectors(std::string_view bytes, features::DocVectors* v) {
  BinaryReader r(bytes);
  return GetTerms(&r, bytes.size(), &v->text) && GetTerms(&r, bytes.size(), &v->entities) &&
         r.done();
}

}  // namespace

// What the engine keeps of each article once it has joined a story.
struct ArticleRecord {
  // What stories show of the article, and the time that placed it (for
  // Remove()): not the whole Article, whose text, page, charset, language
  // and origin fields would cost 160 bytes an article, empty.
  struct Meta {
    std::string id;
    std::string url;
    std::string source;
    std::string title;
    std::optional<UnixSeconds> published;
    std::optional<UnixSeconds> placed;  // PlacingTime() of the article
  };
  Meta meta;
  std::optional<std::uint32_t> duplicate_of;
  // Heaviest text terms, for choosing the story's most central article. Low
  // 32 bits of the term id are enough for that and halve the size.
  struct CentralTerm {
    std::uint32_t id;
    float weight;
  };
  std::vector<CentralTerm> centroid_terms;
  BlobStore::Ref material;  // brief::ArticleMaterial in Impl::materials
  bool removed = false;
};

struct StoryEngine::Impl {
  features::TermStats stats;
  cluster::DuplicateIndex duplicates;
  std::unique_ptr<cluster::Clusterer> clusterer;
  std::vector<ArticleRecord> records;
  BlobStore materials;  // what briefs need of each article's text, on disk
  brief::BriefOptions brief;
  bool brief_enabled = true;
  std::optional<UnixSeconds> latest;
  features::VectorOptions vectors;
  std::vector<float> idfs;  // Add()'s scratch: the IDFs of the article's terms
  // Per article number, the vectors Add() clustered it with (PackVectors()
  // in `vector_store`); only when the engine is removable.
  bool removable = false;
  BlobStore vector_store;
  std::vector<BlobStore::Ref> kept;
  // The vectors kept for article `n`.
  Status KeptVectors(std::size_t n, features::DocVectors* v) const {
    std::string bytes;
    if (!vector_store.Read(kept[n], &bytes) || !UnpackVectors(bytes, v)) {
      return Status::IoError("cannot read back the vectors of article number " + std::to_string(n) +
                             " from the engine's temporary file");
    }
    return Status::Ok();
  }
  // Original -> its copies in arrival order (removable only), so removing
  // an original finds them without a scan. Removed copies are skipped.
  absl::flat_hash_map<std::uint32_t, std::vector<std::uint32_t>> copies;

  std::string StoryId(std::uint32_t n) const { return StoryName(clusterer->StoryOf(n)); }
  static std::string StoryName(std::uint32_t story) { return "s" + std::to_string(story + 1); }

  // What RankStories() knows of each story number: its base score and last
  // time as of `stamp` (0: never counted).
  struct RankMemo {
    std::uint64_t stamp = 0;
    double base = 0;
    std::optional<UnixSeconds> last_seen;
  };
  mutable std::mutex rank_mu;  // RankStories() may be called from more than one thread
  mutable std::vector<RankMemo> rank_memo;
  // The full story of `members`, given the signals and score ranking found.
  Story BuildStory(const std::vector<std::uint32_t>& members, const rank::StorySignals& signals,
                   double score) const;
};

StoryEngine::StoryEngine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
StoryEngine::~StoryEngine() = default;

Result<std::unique_ptr<StoryEngine>> StoryEngine::Create(const EngineOptions& options) {
  auto impl = std::make_unique<Impl>();
  std::string path = options.prior_path.empty() ? DefaultPriorPath() : options.prior_path;
  // The shipped prior is optional (the stream's own statistics still work);
  // a prior the caller named must load.
  if (!options.prior_path.empty() || std::filesystem::exists(path)) {
    auto prior = features::TermStats::LoadPrior(path);
    if (!prior.ok()) return prior.status();
    impl->stats = std::move(*prior);
  }
  impl->brief.prior = &impl->stats;  // Impl stays put: it lives behind impl_
  impl->brief_enabled = options.briefs;
  impl->removable = options.removable;
  cluster::ClusterOptions co;
  // Experiments only: "threshold=0.3,text_weight=0.5" overrides the defaults.
  if (!options.tuning.empty()) {
    const std::string& spec = options.tuning;
    std::size_t pos = 0;
    while (pos < spec.size()) {
      std::size_t end = spec.find(',', pos);
      if (end == std::string::npos) end = spec.size();
      std::string item = spec.substr(pos, end - pos);
      std::size_t eq = item.find('=');
      if (eq != std::string::npos) {
        std::string k = item.substr(0, eq);
        double v = std::atof(item.c_str() + eq + 1);
        if (k == "threshold")
          co.threshold = static_cast<float>(v);
        else if (k == "merge_threshold")
          co.merge_threshold = static_cast<float>(v);
        else if (k == "text_weight")
          co.text_weight = static_cast<float>(v);
        else if (k == "max_gap_days")
          co.max_gap_days = v;
        else if (k == "fade_days")
          co.fade_days = v;
        else if (k == "candidates")
          co.candidates = static_cast<std::size_t>(v);
        else if (k == "query_terms")
          co.query_terms = static_cast<std::size_t>(v);
        else if (k == "index_terms")
          co.index_terms = static_cast<std::size_t>(v);
        else if (k == "consolidate")
          co.consolidate = v != 0;
        else if (k == "merge_floor")
          co.merge_floor = static_cast<float>(v);
        else if (k == "average_linkage")
          co.average_linkage = v != 0;
        else if (k == "idf_power")
          impl->vectors.idf_power = static_cast<float>(v);
        else if (k == "max_text_terms")
          impl->vectors.max_text_terms = static_cast<std::size_t>(v);
        else if (k == "max_entity_terms")
          impl->vectors.max_entity_terms = static_cast<std::size_t>(v);
        else if (k == "title_boost")
          impl->vectors.title_boost = static_cast<float>(v);
        else
          return Status::InvalidArgument("tuning: unknown key " + k);
      }
      pos = end + 1;
    }
  }
  impl->clusterer = cluster::CreateClusterer(co);
  return std::unique_ptr<StoryEngine>(new StoryEngine(std::move(impl)));
}

Result<PreparedArticle> StoryEngine::Prepare(Article article, std::string* source_text) const {
  thread_local text::Analyzer analyzer;
  // Decoded, extracted from its page, repaired and cleaned of captions and
  // furniture: the article `extract` prints (extract::ReadArticle()).
  auto layout = extract::ReadArticleSource(&article);
  if (!layout.ok()) return layout.status();
  if (source_text != nullptr) *source_text = article.text;
  STORYLINE_RETURN_IF_ERROR(extract::FinishReadingArticle(&article, *layout));

  PreparedArticle p;
  PreparedArticle::Impl& impl = *p.impl_;
  const text::Language lang = text::LanguageOf(article.lang);
  impl.analysis = analyzer.Analyze(article.title, article.text, impl_->brief_enabled, lang);
  impl.minhash = features::ComputeMinHash(impl.analysis.word_hashes);
  impl.analysis.word_hashes = {};
  // What the brief needs of the text (sentences, their concepts, quotes)
  // goes into the material; the rest of the text is dropped now, since
  // prepared articles wait in the reorder window.
  if (impl_->brief_enabled) {
    brief::MakeMaterial(std::move(article.text), impl.analysis, lang).AppendTo(&impl.material);
  }
  impl.analysis.concepts = {};
  impl.analysis.concept_ends = {};
  impl.analysis.sentences = {};
  impl.analysis.entities = {};
  article.text.clear();
  article.text.shrink_to_fit();
  impl.article = std::move(article);
  return p;
}

std::size_t StoryEngine::Add(PreparedArticle prepared) {
  Impl& e = *impl_;
  PreparedArticle::Impl& p = *prepared.impl_;
  auto n = static_cast<std::uint32_t>(e.records.size());

  e.stats.AddDocument(p.analysis, &e.idfs);
  features::DocVectors vectors = features::BuildDocVectors(p.analysis, e.stats, e.vectors, e.idfs);
  cluster::ClusterDoc doc;
  doc.vectors = &vectors;
  doc.time = PlacingTime(p.article);
  doc.duplicate_of = e.duplicates.FindOrAdd(n, p.minhash, doc.time);
  e.clusterer->Add(n, doc);
  if (doc.time) KeepLatest(&e.latest, *doc.time);

  ArticleRecord r;
  r.meta = {std::move(p.article.id),    std::move(p.article.url), std::move(p.article.source),
            std::move(p.article.title), p.article.published,      doc.time};
  r.duplicate_of = doc.duplicate_of;
  features::SparseVector top = vectors.text;
  features::KeepTop(&top, kCentralityTerms);
  features::Normalize(&top);
  r.centroid_terms.reserve(top.size());
  for (const auto& t : top) {
    r.centroid_terms.push_back({static_cast<std::uint32_t>(t.id), t.weight});
  }
  r.material = e.materials.Append(p.material);
  e.records.push_back(std::move(r));
  if (e.removable) {
    e.kept.push_back(e.vector_store.Append(PackVectors(vectors)));
    if (doc.duplicate_of) e.copies[*doc.duplicate_of].push_back(n);
  }
  return n;
}

Status StoryEngine::Remove(std::size_t n) {
  Impl& e = *impl_;
  if (!e.removable) return Status::InvalidArgument("the engine was not created removable");
  if (n >= e.records.size() || e.records[n].removed) {
    return Status::NotFound("no article number " + std::to_string(n));
  }
  auto number = static_cast<std::uint32_t>(n);
  ArticleRecord& r = e.records[n];
  // Read what is needed before changing anything: the vectors, and those of
  // the copy that takes the original's place.
  features::DocVectors vectors, heir_vectors;
  if (Status s = e.KeptVectors(n, &vectors); !s.ok()) return s;
  std::vector<std::uint32_t> copies;
  if (!r.duplicate_of) {
    if (auto it = e.copies.find(number); it != e.copies.end()) {
      copies = it->second;
      std::erase_if(copies, [&](std::uint32_t m) { return e.records[m].removed; });
      if (!copies.empty()) {
        if (Status s = e.KeptVectors(copies.front(), &heir_vectors); !s.ok()) return s;
      }
    }
  }
  cluster::ClusterDoc doc;
  doc.vectors = &vectors;
  doc.time = r.meta.placed;
  doc.duplicate_of = r.duplicate_of;
  e.clusterer->Remove(number, doc);
  std::optional<std::uint32_t> heir;
  if (!r.duplicate_of) {
    // Copies of it: the earliest becomes the original, the rest copy that one.
    e.copies.erase(number);
    if (!copies.empty()) {
      heir = copies.front();
      e.records[*heir].duplicate_of.reset();
      e.clusterer->Promote(*heir, heir_vectors);
      copies.erase(copies.begin());
      for (std::uint32_t m : copies) e.records[m].duplicate_of = *heir;
      if (!copies.empty()) e.copies[*heir] = std::move(copies);
    }
  }
  e.duplicates.Forget(number, heir);
  r.removed = true;
  return Status::Ok();
}

bool StoryEngine::removed(std::size_t n) const { return impl_->records[n].removed; }

std::size_t StoryEngine::article_count() const { return impl_->records.size(); }

void StoryEngine::Consolidate() { impl_->clusterer->Consolidate(); }

const std::string& StoryEngine::ArticleId(std::size_t n) const { return impl_->records[n].meta.id; }

std::string StoryEngine::StoryOf(std::size_t n) const {
  return impl_->StoryId(static_cast<std::uint32_t>(n));
}

namespace {

// Distinct outlets, dates and counts of a story's members: what ranking needs.
template <typename Number>
rank::StorySignals SignalsOf(const std::vector<ArticleRecord>& records,
                             const std::vector<Number>& members) {
  rank::StorySignals signals;
  absl::flat_hash_set<std::string_view> outlets;
  for (Number m : members) {
    const ArticleRecord& r = records[m];
    if (!r.meta.source.empty()) outlets.insert(r.meta.source);
    if (const auto& t = r.meta.published) {
      KeepEarliest(&signals.first_seen, *t);
      KeepLatest(&signals.last_seen, *t);
    }
    ++signals.articles;
    if (!r.duplicate_of) ++signals.originals;
  }
  signals.outlets = outlets.size();
  return signals;
}

}  // namespace

Story StoryEngine::Impl::BuildStory(const std::vector<std::uint32_t>& members,
                                    const rank::StorySignals& signals, double score) const {
  const Impl& e = *this;
  Story story;
  story.id = StoryId(members.front());
  story.score = score;
  story.first_seen = signals.first_seen;
  story.last_seen = signals.last_seen;
  // Centroid of the members' heaviest terms: how central each article is.
  absl::flat_hash_map<std::uint32_t, float> centroid;
  for (std::uint32_t m : members) {
    for (const auto& t : e.records[m].centroid_terms) centroid[t.id] += t.weight;
  }
  std::map<std::string, std::size_t> outlet_counts;
  std::vector<brief::ArticleMaterial> materials(members.size());
  std::vector<brief::BriefArticle> in(members.size());
  std::string bytes;
  for (std::size_t i = 0; i < members.size(); ++i) {
    const ArticleRecord& r = e.records[members[i]];
    StoryArticle sa;
    sa.id = r.meta.id;
    sa.source = r.meta.source;
    sa.title = r.meta.title;
    sa.url = r.meta.url;
    sa.published = r.meta.published;
    if (r.duplicate_of) sa.duplicate_of = e.records[*r.duplicate_of].meta.id;
    story.articles.push_back(std::move(sa));
    // An article without a source is its own outlet, named by its id.
    ++outlet_counts[r.meta.source.empty() ? r.meta.id : r.meta.source];

    brief::BriefArticle& b = in[i];
    if (r.material.size == 0 || !e.materials.Read(r.material, &bytes) ||
        !brief::ArticleMaterial::Parse(bytes, &materials[i])) {
      materials[i] = {};  // unreadable: the article adds nothing to the brief
    }
    b.material = &materials[i];
    b.id = r.meta.id;
    b.outlet = r.meta.source.empty() ? r.meta.id : r.meta.source;
    b.title = r.meta.title;
    b.time = r.meta.published;
    b.duplicate = r.duplicate_of.has_value();
    for (const auto& t : r.centroid_terms) b.centrality += t.weight * centroid[t.id];
    b.entities = materials[i].names;
  }
  std::vector<std::pair<std::string, std::size_t>> outlets(outlet_counts.begin(),
                                                           outlet_counts.end());
  std::stable_sort(outlets.begin(), outlets.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  for (auto& [name, count] : outlets) story.outlets.push_back(name);
  brief::WriteBrief(in, brief, &story);
  return story;
}

std::vector<RankedStory> StoryEngine::RankStories(
    const std::function<void()>& between,
    const std::function<bool(const RankedStory&)>& known) const {
  constexpr std::size_t kPauseEvery = 512;
  const Impl& e = *impl_;
  std::lock_guard<std::mutex> memo_lock(e.rank_mu);
  // Before the first pause, the stories as they are now: an Add() in a
  // pause may merge two stories, and the ranking must not then name one
  // story twice. Members are copied only where signals must be counted
  // again (the stamp moved) or the caller wants them.
  const std::vector<std::uint64_t>& stamps = e.clusterer->Stamps();
  if (e.rank_memo.size() < stamps.size()) e.rank_memo.resize(stamps.size());
  const std::optional<UnixSeconds> latest = e.latest;
  std::vector<RankedStory> stories;
  struct Recount {
    std::size_t at;  // in `stories`
    bool wanted;     // members kept for the caller
  };
  std::vector<Recount> recount;
  for (std::uint32_t s = 0; s < stamps.size(); ++s) {
    if (stamps[s] == 0) continue;
    RankedStory& r = stories.emplace_back();
    r.number = s;
    r.stamp = stamps[s];
    const bool stale = e.rank_memo[s].stamp != r.stamp;
    const bool wanted = !known || !known(r);
    if (stale || wanted) {
      const std::vector<std::uint32_t>& members = e.clusterer->Members(s);
      r.members.assign(members.begin(), members.end());
    }
    if (wanted) r.id = Impl::StoryName(s);
    if (stale) recount.push_back({stories.size() - 1, wanted});
  }
  for (std::size_t k = 0; k < recount.size(); ++k) {
    if (between && k % kPauseEvery == kPauseEvery - 1) between();
    RankedStory& r = stories[recount[k].at];
    rank::StorySignals signals = SignalsOf(e.records, r.members);
    e.rank_memo[r.number] = {r.stamp, rank::BaseScore(signals), signals.last_seen};
    if (!recount[k].wanted) r.members = {};
  }
  // Every story against the same newest time; ties keep creation order.
  std::vector<std::pair<double, std::uint32_t>> order;
  order.reserve(stories.size());
  for (std::uint32_t i = 0; i < stories.size(); ++i) {
    const Impl::RankMemo& m = e.rank_memo[stories[i].number];
    order.emplace_back(rank::FreshScore(m.base, m.last_seen, latest), i);
  }
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<RankedStory> ranked;
  ranked.reserve(order.size());
  for (const auto& [score, i] : order) {
    ranked.push_back(std::move(stories[i]));
    ranked.back().score = score;
  }
  return ranked;
}

Story StoryEngine::BuildStory(const RankedStory& ranked) const {
  std::vector<std::uint32_t> members(ranked.members.begin(), ranked.members.end());
  return impl_->BuildStory(members, SignalsOf(impl_->records, members), ranked.score);
}

void StoryEngine::VisitStories(const std::function<void(const Story&)>& visit, int threads) const {
  // Rank on cheap signals first; then build one story at a time, so a large
  // run never holds every story's full record at once.
  const std::vector<RankedStory> order = RankStories();
  if (threads <= 1) {
    for (const RankedStory& r : order) visit(BuildStory(r));
    return;
  }
  // Briefs are the costly part: build a batch of stories on `threads`
  // threads, then hand them to `visit` in rank order.
  const std::size_t batch = 32 * static_cast<std::size_t>(threads);
  std::vector<Story> built;
  for (std::size_t from = 0; from < order.size(); from += batch) {
    std::size_t to = std::min(order.size(), from + batch);
    built.assign(to - from, Story());
    ParallelFor(to - from, threads, [&](std::size_t k) { built[k] = BuildStory(order[from + k]); });
    for (const Story& story : built) visit(story);
  }
}

Story StoryEngine::StoryOfAll() const {
  const Impl& e = *impl_;
  std::vector<std::uint32_t> all;
  for (std::uint32_t i = 0; i < e.records.size(); ++i) {
    if (!e.records[i].removed) all.push_back(i);
  }
  if (all.empty()) return {};
  rank::StorySignals signals = SignalsOf(e.records, all);
  return e.BuildStory(all, signals, rank::StoryScore(signals, e.latest));
}

void StoryEngine::set_summary_words(std::size_t words) { impl_->brief.summary_words = words; }

std::vector<Story> StoryEngine::Stories() const {
  std::vector<Story> out;
  VisitStories([&](const Story& s) { out.push_back(s); });
  return out;
}

}  // namespace storyline
