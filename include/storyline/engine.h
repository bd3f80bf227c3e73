// StoryEngine: the library's front door. Articles go in one at a time, in
// publication order where known; stories come out, ranked.
//
//   auto engine = storyline::StoryEngine::Create({});
//   if (!engine.ok()) Die(engine.status());
//   for (Article& a : articles) {
//     auto prepared = (*engine)->Prepare(std::move(a));   // any thread
//     if (!prepared.ok()) { Report(prepared.status()); continue; }
//     (*engine)->Add(std::move(*prepared));                // one thread
//   }
//   std::vector<Story> stories = (*engine)->Stories();
//
// Prepare() cleans and analyses one article and is safe to call from many
// threads at once; Add() assigns it to a story and needs one writer at a time;
// Stories(), StoryOf() and article_count() must not run concurrently with Add().
#ifndef STORYLINE_ENGINE_H_
#define STORYLINE_ENGINE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/article.h"
#include "storyline/status.h"
#include "storyline/story.h"

namespace storyline {

// A story's place in the ranking without its brief: cheap to list, so a
// caller that keeps built stories (the server) can rebuild only those whose
// members changed. Members grow, and shrink only by Remove(); a merge keeps
// the id of the larger story.
struct RankedStory {
  std::string id;
  std::vector<std::size_t> members;  // article numbers, in arrival order
  double score = 0;
  // The engine's number for the story (its id is "s" + (number + 1)), and a
  // stamp that moves whenever its members change (an article joins or
  // leaves, a story merges into it, a copy in it becomes an original): the
  // same number and stamp mean the same members and the same brief.
  std::uint32_t number = 0;
  std::uint64_t stamp = 0;
};

struct EngineOptions {
  // Document-frequency prior; empty means the one shipped with the project
  // (used when present; without it the stream's own statistics are used).
  std::string prior_path;
  // For experiments only: "key=value,..." overriding clustering defaults
  // (threshold, merge_threshold, text_weight, max_gap_days, fade_days,
  // merge_floor, average_linkage, idf_power, title_boost). Empty in
  // production: one configuration serves every data set.
  std::string tuning;
  // Write each story a brief (summary, quotes, entities, only-in, timeline).
  // Off, stories carry their articles, outlets and a headline only, and
  // preparing an article costs about half as much.
  bool briefs = true;
  // Keep each article's vectors so that Remove() can take it out of its
  // story again (the server turns it on). Costs the vectors' memory, 16
  // bytes a term: up to 2 KB of text terms (128) plus the entity terms per
  // article; off, batch runs pay nothing.
  bool removable = false;
};

// An article cleaned and analysed, ready for StoryEngine::Add(). Move-only.
class PreparedArticle {
 public:
  PreparedArticle();
  ~PreparedArticle();
  PreparedArticle(PreparedArticle&&) noexcept;
  PreparedArticle& operator=(PreparedArticle&&) noexcept;

  const Article& article() const;  // metadata; the text is the cleaned body

  // A byte form of everything Add() needs (metadata, term counts, MinHash,
  // brief material; not the text or html as received), so a store can keep
  // it and a restart can replay articles without preparing them again. Tied
  // to this build's analysis: Parse() refuses bytes from another format
  // version (kFormat changes whenever what Prepare() produces changes), and
  // the caller then prepares the article again from what it received.
  // 4: C1 controls read as windows-1252; 5: names marked when only lone sentence openers;
  // 6: names split at "of"/"and" and joined across "&", "St." and suffixes, state
  // abbreviations, Title Case titles read against the body; 7: mojibake repaired, quote
  // speakers found past appositives, roles and offices; 8: glued plural possessives
  // split, names keep "New" and initials, drop words of tenure and lone letters;
  // 9: speakers past a body and a role, none for lone words that name nobody,
  // headlines inside the body (in Title Case or capitals) read as titles, clause
  // openers judged as sentence openers; 10: each quote notes whether its speaker is named
  // next to it; 11: every count word from "thirteen" to "trillions" opens no name, MinHash
  // signatures of 128 values; 12: prepositions, sentence adverbs and opening
  // participles ("Despite", "Meanwhile", "Quoting") open no name; 13: "Dist.",
  // "Atty.", "Asst." and "Supt." are titles and end no sentence; 14: a name
  // after "a"/"an" is no pronoun's speaker; 15: a quote its sentence framed
  // with a speech verb takes no speaker from the next sentence; 16: "X of the
  // Y writes" is X's; 17: a plural role ("Investigators") is no speaker; 18:
  // "Continue reading the main story" run into a sentence is cut; 19: brief
  // material marks sentences about the page (kAboutThePage, kReaderChrome);
  // 20: more sentence adverbs ("Actually") open no name, "said Republican
  // strategist and CNN contributor X" is X's; 21: a sentence addressed to the
  // reader ("Visit ...", "please email") is about the page, one with an
  // e-mail address reader chrome; 22: a Title Case headline run into the
  // first sentence is cut from it; 23: a title's place is no part of the
  // holder's name ("Ambassador to Israel Dan Shapiro" names "Dan Shapiro");
  // 24: "X who was quoted as saying" is X's, a hyphenated given name is whole;
  // 25: "Advertisement"/"Print Mail" run into a sentence are cut, a sentence
  // cut inside brackets is a fragment, one with an e-mail address or "Buy
  // ..." or "permission is granted" is about the page; 26: "Clerk" is a
  // title a speaker loses; 27: an article written as one line keeps its text
  // when a caption or credit is inside, and character references in given
  // text and titles ("&amp;", "&#39;") are decoded; 28: every article written
  // as one line is judged sentence by sentence (footers, "Follow us" inside);
  // 29: mojibake in the source (outlet name) is repaired, and an HTML page's
  // subheadings stay in its text; 30: a one-line article keeps a sentence
  // that furniture runs into ("Picture: Reuters Hong Kong - A march ...");
  // 31: a text that is HTML markup is read as the text it marks up; 32: a
  // text without a language has one read from it, and nine languages beside
  // English are analysed with their own stemmer and function words; 33:
  // German, Spanish, French, Italian and Portuguese page furniture
  // ("Anzeige", "Lesen Sie auch", "Lee también") is dropped; 34: quotation
  // marks are read the way the text's language uses them („…“, »…«); 35:
  // a site's cookie consent notice is dropped; 36: quotes in eight other
  // languages are attributed after their speech verbs ("sagte Müller"); 37:
  // their speakers lose German roles before the name; 38: and "sagte er",
  // "dit-il", "dijo." take the previous speaker; 39: a title that is only a
  // date is no title, and a section's name may head a dateline; 40: the
  // material keeps the title's content words (a headline must name its story);
  // 41: a byline ending in a newsroom role is dropped, and " « " parts a
  // title from its site's name; 42: "You have been redirected" is about the
  // page; 43: an article without a source has the outlet its text names
  // ("WASHINGTON (Reuters) -", a copyright footer, "Asia Times understands");
  // 44: a text that opens with its own title says it once; 45: words in
  // capitals run into a sentence are names only where the body writes them
  // capitalised ("PINOCHET TRIAL TIMELINE" is "PINOCHET"); 46: a time stamp
  // opens no name ("AM ET Samuel Dalembert" is "Samuel Dalembert"); 47: a
  // speaker loses a trade written before the name ("Actor Leonardo DiCaprio");
  // 48: a quote paragraph goes on with the speaker of the paragraph before;
  // 49: ", saying “…”" gives the quote to the sentence's subject
  static constexpr std::uint32_t kFormat = 60;
  std::string Serialize() const;
  // False (and `out` unspecified) for bytes of another version or corrupt ones.
  static bool Parse(std::string_view bytes, PreparedArticle* out);

 private:
  friend class StoryEngine;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class StoryEngine {
 public:
  // Fails when the prior cannot be read.
  static Result<std::unique_ptr<StoryEngine>> Create(const EngineOptions& options);
  ~StoryEngine();

  // Reads the article (an HTML page's main text, markup and character
  // references in a given text; extract::ReadArticle()), cleans the text
  // (captions, credits, footers...) and analyses it. Returns kInvalidInput
  // when the page cannot be read or nothing of the article is left.
  // `source_text`, when not null, receives the text as written before
  // repairs and cleaning (extract::ReadArticleSource()), even when cleaning
  // then leaves nothing: what the server's search indexes. Thread-safe.
  Result<PreparedArticle> Prepare(Article article, std::string* source_text = nullptr) const;

  // Assigns the article to a story; returns its article number (dense, from 0).
  std::size_t Add(PreparedArticle article);

  // Takes article number `n` out of its story: the story's centroids lose
  // its vectors, a story left empty disappears, and the article is gone from
  // Stories(), RankStories(), BuildStory() and StoryOfAll(). A story does not
  // split: articles that joined it because of `n` stay. When `n` is an
  // original with copies, its earliest copy becomes the original (and moves
  // the centroid) and the other copies point at that one. Term statistics
  // keep the article. Its number is not reused; its id may be added again.
  // Returns InvalidArgument when the engine was not created removable, or
  // NotFound when `n` was never added or is already removed. One writer, as Add().
  Status Remove(std::size_t n);
  // Whether article number `n` was removed. REQUIRES: n < article_count().
  bool removed(std::size_t n) const;

  // Merges stories that have converged; call when a batch of input ends
  // (the engine also does it now and then by itself). Not thread-safe.
  void Consolidate();

  // Id of the story article number `n` belongs to now.
  // REQUIRES: n < article_count() and n not removed.
  std::string StoryOf(std::size_t n) const;
  // Id of article number `n`. REQUIRES: n < article_count().
  const std::string& ArticleId(std::size_t n) const;
  std::size_t article_count() const;  // every number given out, removed ones included

  // Every story, ranked (highest score first).
  std::vector<Story> Stories() const;

  // The same stories in the same order, built and handed to `visit` one at
  // a time (for output of large runs without holding them all). With
  // threads > 1, briefs of a few dozen stories at a time are written in
  // parallel; `visit` is still called on the calling thread, in order.
  void VisitStories(const std::function<void(const Story&)>& visit, int threads = 1) const;

  // Every story's id, members and score, ranked as Stories() ranks them,
  // without building the stories. Not concurrently with Add(); but
  // `between`, when given, is called every few hundred stories, and the
  // caller may let Add() run in it (the server does, under its lock): the
  // ranking then holds the stories as they were when it started, scored
  // partly on members added since.
  // The engine remembers each story's signals (outlets, originals, copies,
  // last time) at its stamp, so a later call counts again only the members
  // of stories whose stamp moved; the others cost a freshness update.
  // `known`, when given, is asked of every story first (`number` and
  // `stamp` set): a story it answers true for comes back without id and
  // members, for a caller that still has it built at that stamp.
  std::vector<RankedStory> RankStories(
      const std::function<void()>& between = nullptr,
      const std::function<bool(const RankedStory&)>& known = nullptr) const;

  // The full story of `ranked` (from RankStories() since the last Add()),
  // with its brief: the same object Stories() gives. May run on several
  // threads at once, not concurrently with Add().
  Story BuildStory(const RankedStory& ranked) const;

  // Every article added so far as one story, with its brief, whatever the
  // clustering says (`storyline brief`). Empty story when nothing was added.
  Story StoryOfAll() const;

  // The word budget of story summaries (default 100).
  void set_summary_words(std::size_t words);

 private:
  struct Impl;
  explicit StoryEngine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyline

#endif  // STORYLINE_ENGINE_H_
