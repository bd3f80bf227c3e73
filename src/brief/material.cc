#include "brief/material.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "util/ascii.h"
#include "util/binary.h"

namespace storyline::brief {
namespace {

constexpr std::uint16_t kMinSummaryWords = 6;
constexpr std::uint16_t kMaxSummaryWords = 60;
constexpr std::size_t kMaxNames = 16;  // most mentioned (plus full forms of short ones)

std::uint16_t CountWords(std::string_view s) {
  std::uint32_t words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return static_cast<std::uint16_t>(std::min<std::uint32_t>(words, 0xFFFF));
}

// A sentence a reader can take alone ends like one: '.', '!', '?', maybe
// followed by a closing quote or bracket. Headings, bylines and link lines
// do not.
bool EndsLikeASentence(std::string_view s) {
  while (!s.empty()) {
    char c = s.back();
    if (c == '.' || c == '!' || c == '?') return true;
    if (c == '"' || c == '\'' || c == ')' || c == ' ') {
      s.remove_suffix(1);
      continue;
    }
    if (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x9D" ||   // ”
                          s.substr(s.size() - 3) == "\xE2\x80\x99")) {  // ’
      s.remove_suffix(3);
      continue;
    }
    return false;
  }
  return false;
}

bool OpensWithQuoteMark(std::string_view s) {
  return !s.empty() && (s[0] == '"' || s.substr(0, 3) == "\xE2\x80\x9C" ||  // “
                        s.substr(0, 3) == "\xE2\x80\x98");                  // ‘
}

// Tracks whether a double quotation is open at a point of the text: “ opens,
// ” closes, a straight " toggles, and a paragraph end closes everything (a
// quote running on over paragraphs reopens each with a mark of its own).
class QuoteState {
 public:
  explicit QuoteState(std::string_view text) : text_(text) {}
  // Whether a quotation is open at byte `to`; calls must not go backwards.
  bool OpenAt(std::size_t to) {
    for (; pos_ < to && pos_ < text_.size(); ++pos_) {
      char c = text_[pos_];
      if (c == '\n') {
        open_ = false;
      } else if (c == '"') {
        open_ = !open_;
      } else if (c == '\xE2' && text_.substr(pos_, 3) == "\xE2\x80\x9C") {
        open_ = true;
      } else if (c == '\xE2' && text_.substr(pos_, 3) == "\xE2\x80\x9D") {
        open_ = false;
      }
    }
    return open_;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  bool open_ = false;
};

// The SentenceFlag bits kAboutThePage and kReaderChrome that phrases at
// word starts of `s` give, case aside. Every sentence of every article asks,
// so the phrases are indexed by their first two letters and the scan jumps
// from word start to word start.
std::uint8_t PagePhraseFlags(std::string_view s) {
  struct Phrase {
    std::string_view text;
    std::uint8_t flag;
  };
  // About the page itself, its policies and what it offers besides the
  // article: no report uses these.
  static constexpr std::string_view kAboutThePagePhrases[] = {"click here",
                                                              "click to",
                                                              "log in",
                                                              "sign in to",
                                                              "page you requested",
                                                              "page cannot be found",
                                                              "page not found",
                                                              "been redirected",
                                                              "been re-directed",
                                                              "try again later",
                                                              "process your request",
                                                              "privacy policy",
                                                              "terms of service",
                                                              "terms of use",
                                                              "cookie policy",
                                                              "rss feed",
                                                              "post a comment",
                                                              "leave a comment",
                                                              "this article",
                                                              "all rights reserved",
                                                              "copyright notice",
                                                              "copyright policy",
                                                              "ts&cs",
                                                              "terms and conditions",
                                                              "follow us on",
                                                              "like us on",
                                                              "please email",
                                                              "please e-mail",
                                                              "please contact",
                                                              "permission is granted",
                                                              "reprint permission"};
  // Signing up and the reader's computer: a report on spyware uses these.
  static constexpr std::string_view kReaderChromePhrases[] = {
      "sign up",           "your browser",
      "e-mail address",    "email address",
      "screen name",       "password",
      "to subscribe",      "unsubscribe",
      "registering for",   "registration is free",
      "registration form", "javascript",
      "spyware",           "your system",
      "your inbox",        "recaptcha",
      "acrobat reader",    "required fields"};
  // By the first two letters (a second that is no letter counts as one
  // more): "the" is compared with "this article" alone.
  constexpr std::size_t kSeconds = 27;
  auto bucket = [](char first, char second) {
    const char b = AsciiLower(second);
    const std::size_t s = b >= 'a' && b <= 'z' ? static_cast<std::size_t>(b - 'a') : 26;
    return static_cast<std::size_t>(first - 'a') * kSeconds + s;
  };
  static const auto kIndex = [&] {
    std::array<std::vector<Phrase>, 26 * kSeconds> index;
    auto add = [&](std::string_view text, std::uint8_t flag) {
      index[bucket(text[0], text[1])].push_back({text, flag});
    };
    for (std::string_view p : kAboutThePagePhrases) add(p, kAboutThePage);
    for (std::string_view p : kReaderChromePhrases) add(p, kReaderChrome);
    return index;
  }();
  std::uint8_t flags = 0;
  const std::size_t n = s.size();
  for (std::size_t at = 0; at + 1 < n;) {
    if (!AsciiAlnum(s[at])) {
      ++at;
      continue;
    }
    const char first = AsciiLower(s[at]);
    if (first >= 'a' && first <= 'z') {
      for (const Phrase& p : kIndex[bucket(first, s[at + 1])]) {
        const std::size_t end = at + p.text.size();
        if (end > n || (end < n && AsciiAlnum(s[end]))) continue;
        std::size_t k = 1;
        while (k < p.text.size() && AsciiLower(s[at + k]) == p.text[k]) ++k;
        if (k == p.text.size()) flags |= p.flag;
      }
    }
    while (at < n && AsciiAlnum(s[at])) ++at;  // to the word's end
  }
  return flags;
}

// Whether `s` opens by telling the reader to do something on or off the
// page: "Visit the MST's website at www.mst.org.br.", "Find out when your
// favorite shops are holding sales.", "Please email newsfeedback.", "View
// results The deal ...". A news report's own sentences state; a quotation
// that commands is marked kQuotation apart. Verbs that also open reports as
// nouns or titles ("Share prices fell", "Get Out", "Contact tracing") are
// not in the list, or only with the word that makes them commands.
bool AddressesTheReader(std::string_view s) {
  // The next word from `at`, in lower-case ASCII, into `buf`; "" when it is
  // longer than any word looked for. Every sentence asks: no allocation.
  std::size_t at = 0;
  auto next_word = [&](char(&buf)[12]) {
    while (at < s.size() && !AsciiAlnum(s[at])) ++at;
    std::size_t n = 0;
    for (; at < s.size() && (AsciiAlnum(s[at]) || s[at] == '-'); ++at) {
      if (n < sizeof(buf)) buf[n] = AsciiLower(s[at]);
      ++n;
    }
    return n <= sizeof(buf) ? std::string_view(buf, n) : std::string_view();
  };
  // The letters the commands below start with: most sentences open with
  // none of them ("The", "A", "In", "He") and are answered here.
  constexpr std::uint32_t kFirstLetters = [] {
    std::uint32_t m = 0;
    for (char c : std::string_view("bcdefjlprsvw")) m |= 1u << (c - 'a');
    return m;
  }();
  std::size_t lead = 0;
  while (lead < s.size() && !AsciiAlnum(s[lead])) ++lead;
  const char c = lead < s.size() ? AsciiLower(s[lead]) : '\0';
  if (c < 'a' || c > 'z' || !(kFirstLetters >> (c - 'a') & 1)) return false;
  char b1[12], b2[12];
  const std::string_view first = next_word(b1);
  if (first.empty()) return false;
  static const absl::flat_hash_set<std::string_view> kCommands = {
      "please", "visit",    "click",  "subscribe", "download", "watch",    "listen",
      "view",   "register", "e-mail", "browse",    "scroll",   "bookmark", "buy"};
  if (kCommands.contains(first)) return true;
  // Commands only with the word after them: "Read more", "Find out".
  struct TwoWords {
    std::string_view first, second;
  };
  static constexpr TwoWords kTwoWordCommands[] = {
      {"read", "more"}, {"read", "our"},   {"find", "out"},   {"check", "out"},   {"learn", "more"},
      {"see", "also"},  {"see", "more"},   {"sign", "up"},    {"send", "alerts"}, {"send", "us"},
      {"join", "us"},   {"join", "the"},   {"contact", "us"}, {"follow", "us"},   {"share", "this"},
      {"email", "us"},  {"email", "this"}, {"email", "the"}};
  bool opens = false;
  for (const TwoWords& c : kTwoWordCommands) opens |= c.first == first;
  if (!opens) return false;
  const std::string_view second = next_word(b2);
  for (const TwoWords& c : kTwoWordCommands) {
    if (c.first == first && c.second == second) return true;
  }
  return false;
}

// Whether `s` leaves a parenthesis open or closes one it did not open,
// past a list's "1)" or "a)" at its start: a sentence cut inside brackets
// ("723 words) to Belfast Telegraph Archive subscribers.", "(If you are
// outside the UK, you can still use BT click&buy and pay by credit card.").
bool OpensInsideParentheses(std::string_view s) {
  // Most sentences hold no bracket: two memchr scans answer them.
  const std::size_t first_open = s.find('('), first_close = s.find(')');
  if (first_open == std::string_view::npos && first_close == std::string_view::npos) return false;
  // Not "14)": that is the rest of "(Dec. 14)" split after "Dec.".
  const std::size_t from = s.size() > 1 && s[1] == ')' && AsciiAlnum(s[0]) ? 2 : 0;
  int depth = 0;
  for (std::size_t i = from; i < s.size(); ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')' && --depth < 0) return true;
  }
  return depth != 0;
}

// Whether `s` writes an e-mail address ("use semterra@mst.org.br"): a
// contact line, not the report.
bool HasEmailAddress(std::string_view s) {
  for (std::size_t at = s.find('@'); at != std::string_view::npos; at = s.find('@', at + 1)) {
    if (at == 0 || !AsciiAlnum(s[at - 1])) continue;
    std::size_t end = at + 1;
    while (end < s.size() && (AsciiAlnum(s[end]) || s[end] == '-' || s[end] == '.')) ++end;
    std::string_view domain = s.substr(at + 1, end - at - 1);
    while (domain.ends_with('.')) domain.remove_suffix(1);
    const std::size_t dot = domain.rfind('.');
    if (dot != std::string_view::npos && dot > 0 && domain.size() - dot > 2) return true;
  }
  return false;
}

}  // namespace

ArticleMaterial MakeMaterial(std::string text, const text::Analysis& analysis,
                             text::Language lang) {
  ArticleMaterial m;
  m.text = std::move(text);
  m.concepts = analysis.concepts;
  m.title_words.reserve(analysis.title_terms.size());
  for (const text::TermCount& t : analysis.title_terms) {
    m.title_words.push_back(text::WordConcept(t.id));
  }
  std::sort(m.title_words.begin(), m.title_words.end());
  m.title_words.erase(std::unique(m.title_words.begin(), m.title_words.end()), m.title_words.end());
  m.sentences.reserve(analysis.sentences.size());
  std::size_t real = 0;
  QuoteState quotes(m.text);
  for (std::size_t i = 0; i < analysis.sentences.size(); ++i) {
    const auto& span = analysis.sentences[i];
    SentenceFacts f;
    f.begin = span.begin;
    f.end = span.end;
    f.concept_begin = i == 0 ? 0 : analysis.concept_ends[i - 1];
    f.concept_end = i < analysis.concept_ends.size() ? analysis.concept_ends[i] : f.concept_begin;
    // Position among the article's real sentences: headings, datelines and
    // bylines above the lead do not push it down.
    f.position = static_cast<std::uint16_t>(std::min<std::size_t>(real, 0xFFFF));
    std::string_view s = m.Sentence(f);
    f.words = CountWords(s);
    if (!s.empty() && s.back() == '?') f.flags |= kQuestion;
    if (quotes.OpenAt(f.begin) || OpensWithQuoteMark(s)) f.flags |= kQuotation;
    f.flags |= PagePhraseFlags(s);
    if (!(f.flags & kQuotation) && AddressesTheReader(s)) f.flags |= kAboutThePage;
    if (HasEmailAddress(s)) f.flags |= kAboutThePage;
    if (f.words < kMinSummaryWords || f.words > kMaxSummaryWords || !EndsLikeASentence(s) ||
        OpensInsideParentheses(s)) {
      f.flags |= kFragment;
    }
    if (!(f.flags & kFragment)) ++real;
    m.sentences.push_back(f);
  }
  for (text::Quote& q : text::FindQuotes(m.text, lang)) {
    const bool named = q.source == text::SpeakerSource::kNamed && !q.speaker.empty();
    m.quotes.push_back({std::move(q.text), std::move(q.speaker), named});
  }
  // The most mentioned names, plus the full forms of kept short ones ("Mike
  // Pompeo" once beside "Pompeo" five times): grouping needs those.
  // Doubtful names (only lone sentence openers, "Farmers"; or also written in
  // lower case, "Department") come after the others, so they do not take a
  // real name's place.
  std::vector<const text::EntityMention*> by_rank;
  for (const text::EntityMention& e : analysis.entities) by_rank.push_back(&e);
  std::stable_partition(by_rank.begin(), by_rank.end(),
                        [](const text::EntityMention* e) { return !e->doubtful; });
  std::vector<std::string_view> short_forms;
  for (const text::EntityMention* mention : by_rank) {
    const text::EntityMention& e = *mention;
    bool kept = m.names.size() < kMaxNames;
    if (!kept && m.names.size() < 2 * kMaxNames) {
      std::string_view key = e.key;
      std::size_t space = key.rfind(' ');
      if (space != std::string_view::npos) {
        std::string_view last = key.substr(space + 1), first = key.substr(0, key.find(' '));
        for (std::string_view s : short_forms) kept |= s == last || s == first;
      }
    }
    if (!kept) continue;
    m.names.push_back({e.name, e.count, e.doubtful});
    if (e.key.find(' ') == std::string::npos) short_forms.push_back(e.key);
  }
  return m;
}

void ArticleMaterial::AppendTo(std::string* out) const {
  PutString(out, text);
  PutVector(out, sentences);
  PutVector(out, concepts);
  PutVector(out, title_words);
  PutU32(out, static_cast<std::uint32_t>(quotes.size()));
  for (const Quote& q : quotes) {
    PutString(out, q.text);
    PutString(out, q.speaker);
    PutU32(out, q.named ? 1 : 0);
  }
  PutU32(out, static_cast<std::uint32_t>(names.size()));
  for (const text::NameCount& n : names) {
    PutString(out, n.name);
    PutU32(out, static_cast<std::uint32_t>(n.count));
    PutU32(out, n.doubtful ? 1 : 0);
  }
}

bool ArticleMaterial::Parse(std::string_view bytes, ArticleMaterial* out) {
  BinaryReader r(bytes);
  std::uint32_t n = 0;
  if (!r.GetString(&out->text) || !r.GetVector(&out->sentences) || !r.GetVector(&out->concepts) ||
      !r.GetVector(&out->title_words) || !r.GetU32(&n) || n > bytes.size()) {
    return false;
  }
  out->quotes.resize(n);
  for (Quote& q : out->quotes) {
    std::uint32_t named = 0;
    if (!r.GetString(&q.text) || !r.GetString(&q.speaker) || !r.GetU32(&named)) return false;
    q.named = named != 0;
  }
  if (!r.GetU32(&n) || n > bytes.size()) return false;
  out->names.resize(n);
  for (text::NameCount& name : out->names) {
    std::uint32_t count = 0, doubtful = 0;
    if (!r.GetString(&name.name) || !r.GetU32(&count) || !r.GetU32(&doubtful)) return false;
    name.count = static_cast<int>(count);
    name.doubtful = doubtful != 0;
  }
  for (const SentenceFacts& f : out->sentences) {
    if (f.begin > f.end || f.end > out->text.size() || f.concept_begin > f.concept_end ||
        f.concept_end > out->concepts.size()) {
      return false;
    }
  }
  return r.done();
}

}  // namespace storyline::brief
