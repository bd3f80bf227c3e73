#include "text/quotes.h"

#include <algorithm>
#include <span>

#include "text/languages.h"
#include "text/names.h"
#include "text/quote_attribution.h"
#include "text/quote_marks.h"
#include "text/quote_words.h"
#include "util/hash.h"

namespace storyline::text {
namespace {

using quote_internal::ApplyQuotationStyle;
using quote_internal::FindParts;
using quote_internal::Kind;
using quote_internal::Part;
using quote_internal::Scan;
using quote_internal::Tok;

using quote_internal::IsFunctionWord;
using quote_internal::IsRoleNoun;
using quote_internal::Lower;

using quote_internal::Attribution;
using quote_internal::Context;
using quote_internal::Join;
using quote_internal::Leading;
using quote_internal::Trailing;
using quote_internal::VerbAfterAppositive;

constexpr int kMinUnattributedWords = 4;

// ---------------------------------------------------------------------------
// Person mentions outside quotes, for resolving "he said".

struct Mention {
  int first = 0, last = 0;         // tokens
  std::vector<std::string> words;  // folded, titles removed
  bool evidence = false;           // titled, a speaker, a given name, "X said", ", who"
  bool person = false;             // titled, after a role, a given name, or ", who"
  bool says = false;               // the subject of a speech verb: "X said", "X, a lawyer, said"
};

std::string_view StripPossessive(std::string_view w) {
  if (w.size() > 2 && w.ends_with("'s")) return w.substr(0, w.size() - 2);
  if (w.size() > 4 && w.ends_with("\xE2\x80\x99s")) return w.substr(0, w.size() - 4);
  return w;
}

bool SamePerson(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  if (a.size() == 1) return a[0] == b.front() || a[0] == b.back();
  if (b.size() == 1) return b[0] == a.front() || b[0] == a.back();
  return false;
}

// A "he said" with more names than this between it and its candidate
// antecedents stays without a speaker.
constexpr std::size_t kMaxPronounWindowMentions = 64;

// The persons SamePerson() compares the mentions of an article with: a scan
// while that stays cheap (most articles), sorted word hashes once the scans
// have cost kMaxScanned comparisons (a long page naming thousands), so that
// the cost stays linear. The hashes give SamePerson()'s answer: equal words,
// or one word equal to the other's first or last.
class PersonIndex {
 public:
  void Add(std::vector<std::string> words) {
    if (!words.empty()) list_.push_back(std::move(words));
  }
  // True when SamePerson(words, p) for some p added. Add() no more after.
  bool Matches(const std::vector<std::string>& words) {
    if (ends_.empty() && scanned_ + list_.size() <= kMaxScanned) {
      scanned_ += list_.size();
      for (const auto& p : list_) {
        if (SamePerson(words, p)) return true;
      }
      return false;
    }
    if (ends_.empty()) Build();
    if (words.empty()) return false;
    auto has = [](const std::vector<std::uint64_t>& v, std::uint64_t h) {
      return std::binary_search(v.begin(), v.end(), h);
    };
    if (words.size() == 1) return has(ends_, Hash64(words.front()));
    return has(full_, Key(words)) || has(singles_, Hash64(words.front())) ||
           has(singles_, Hash64(words.back()));
  }

 private:
  static constexpr std::size_t kMaxScanned = 1 << 16;
  static std::uint64_t Key(const std::vector<std::string>& words) {
    std::uint64_t key = words.size();
    for (const std::string& w : words) key = HashCombine(key, Hash64(w));
    return key;
  }
  void Build() {
    for (const auto& p : list_) {
      full_.push_back(Key(p));
      ends_.push_back(Hash64(p.front()));
      ends_.push_back(Hash64(p.back()));
      if (p.size() == 1) singles_.push_back(Hash64(p.front()));
    }
    for (auto* v : {&full_, &ends_, &singles_}) std::sort(v->begin(), v->end());
  }
  std::vector<std::vector<std::string>> list_;
  std::size_t scanned_ = 0;
  std::vector<std::uint64_t> full_, ends_, singles_;
};

std::vector<std::string> FoldedWords(std::string_view name) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < name.size()) {
    std::size_t b = i;
    while (i < name.size() && name[i] != ' ') ++i;
    std::string w(name.substr(b, i - b));
    for (char& ch : w) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
    }
    while (!w.empty() && w.back() == '.') w.pop_back();
    if (!w.empty()) out.push_back(std::move(w));
    ++i;
  }
  return out;
}

// Whether `speaker` can be the "he" or "she" at token `pronoun`: not a
// name given to the other sex ("Barack Obama" for "she said"), nor a body's
// name ("The Administrative Appeals Chamber said ... He said"). Any speaker
// fits another pronoun, or a verb's implied subject.
bool FitsPronoun(const Context& c, int pronoun, std::string_view speaker) {
  if (!c.IsWord(pronoun)) return true;
  Lower word(c.Word(pronoun));
  Gender said_of;
  if (word.view() == "he") {
    said_of = Gender::kMale;
  } else if (word.view() == "she") {
    said_of = Gender::kFemale;
  } else {
    return true;
  }
  if (NamesABody(speaker)) return false;
  const std::vector<std::string> words = FoldedWords(speaker);
  if (words.size() < 2) return true;  // a surname alone says nothing
  const Gender given = GivenNameGender(words.front());
  return given == Gender::kUnknown || given == said_of;
}

std::vector<Mention> FindMentions(const Context& c, const std::vector<std::string>& speakers) {
  std::vector<Mention> out;
  const int n = static_cast<int>(c.toks.size());
  // Right after an indefinite article, or after it and one or two
  // lower-case words that are no function words, capitals describe someone
  // and name nobody: "an unnamed Iranian", "a Briton", "a Romney adviser"
  // (not "a blow to Prime Minister George Papandreou").
  auto described = [&](int i) {
    for (int k = i - 1; k >= 0 && k >= i - 3; --k) {
      if (!c.IsWord(k) || c.part_of[k] >= 0) return false;
      Lower l(c.Word(k));
      if (l.view() == "a" || l.view() == "an") return true;
      if (c.toks[k].cap || IsFunctionWord(l.view())) return false;
    }
    return false;
  };
  for (int i = 0; i < n; ++i) {
    if (!c.IsWord(i) || !c.toks[i].cap || c.part_of[i] >= 0) continue;
    if (IsFunctionWord(Lower(c.Word(i)).view())) continue;
    int last = c.NameRunForward(i, n - 1);
    if (last < 0) continue;
    if (described(i)) {
      i = last;
      continue;
    }
    while (last > i && c.part_of[last] >= 0) --last;
    Mention m;
    m.first = i;
    m.last = last;
    std::string_view raw = c.text.substr(c.toks[i].begin, c.toks[last].end - c.toks[i].begin);
    bool titled;
    if (last == i) {  // one word: no title to strip; "President" alone names nobody
      titled = IsPersonTitle(Lower(raw).view());
      if (!titled) m.words = FoldedWords(StripPossessive(raw));
    } else {
      std::string clean = CleanName(raw);
      titled = clean.size() < raw.size() && raw.ends_with(clean);
      m.words = FoldedWords(clean);
    }
    bool role = c.IsWord(i - 1) && !c.toks[i - 1].cap && IsRoleNoun(Lower(c.Word(i - 1)).view());
    const int after = c.SkipSpeechAdverbs(last + 1);
    bool says = c.IsVerbAt(after);
    bool who = after + 1 < n && c.toks[after].kind == Kind::kComma && c.IsWord(after + 1) &&
               Lower(c.Word(after + 1)).view() == "who";
    // "David McCorquodale, corporate finance partner at KPMG who led the
    // sales process, said"
    m.says = says || (after == last + 1 && VerbAfterAppositive(c, i, after) >= 0);
    bool given = m.words.size() >= 2 && IsCommonGivenName(m.words[0]);
    m.person = titled || role || who || given;
    m.evidence = m.person || says;
    if (!m.words.empty()) out.push_back(std::move(m));
    i = last;
  }
  // A mark one mention of a name has, or a quote's speaker has, every
  // mention of the same name gets.
  std::vector<std::vector<std::string>> speaker_words;
  for (const std::string& s : speakers) speaker_words.push_back(FoldedWords(s));
  auto spread = [&](bool Mention::*mark) {
    PersonIndex marked;
    for (const Mention& m : out) {
      if (m.*mark) marked.Add(m.words);
    }
    for (const auto& w : speaker_words) marked.Add(w);
    for (Mention& m : out) m.*mark = m.*mark || marked.Matches(m.words);
  };
  // Names written elsewhere with evidence, or quote speakers, make the same
  // name a person everywhere ("Trump" after "President Donald Trump").
  spread(&Mention::evidence);
  std::erase_if(out, [](const Mention& m) { return !m.evidence; });
  // Known as a person in the same way: a name written elsewhere with a title,
  // a role, a given name or ", who", or a quote's speaker. "X said" alone
  // is not enough, since countries and bodies say things too ("Syria says").
  spread(&Mention::person);
  return out;
}

int CountWords(const std::string& s) {
  int words = 0;
  bool in = false;
  for (char ch : s) {
    bool sp = ch == ' ';
    if (!sp && !in) ++words;
    in = !sp;
  }
  return words;
}

bool LooksLikeTitle(const Context& c, const std::vector<Part>& parts, int first, int last) {
  int words = 0, caps = 0;
  for (int p = first; p <= last; ++p) {
    for (auto [b, e] : parts[p].spans) {
      for (int i = b; i <= e; ++i) {
        if (!c.IsWord(i)) continue;
        ++words;
        if (c.toks[i].cap) ++caps;
      }
    }
  }
  return words > 0 && caps * 10 >= words * 6;
}

void AppendCollapsed(std::string_view s, std::string* out) {
  for (char ch : s) {
    bool space = ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t';
    if (space) {
      if (!out->empty() && out->back() != ' ') out->push_back(' ');
    } else {
      out->push_back(ch);
    }
  }
}

void TrimTrailing(std::string* s) {
  while (!s->empty() &&
         (s->back() == ' ' || s->back() == ',' || s->back() == ';' || s->back() == ':')) {
    s->pop_back();
  }
}

}  // namespace

std::vector<Quote> FindQuotes(std::string_view text, Language lang) {
  std::vector<Quote> quotes;
  std::vector<Tok> toks;
  Scan(text, &toks);
  ApplyQuotationStyle(text, &toks);
  std::vector<Part> parts = FindParts(text, toks);
  if (parts.empty()) return quotes;
  Context c{text, toks, std::vector<int>(toks.size(), -1), lang};
  for (int p = 0; p < static_cast<int>(parts.size()); ++p) {
    int e = parts[p].close >= 0 ? parts[p].close : parts[p].last;
    for (int i = parts[p].open; i <= e; ++i) c.part_of[i] = p;
  }
  const int np = static_cast<int>(parts.size());
  std::vector<Attribution> trailing(np), leading(np);
  for (int p = 0; p < np; ++p) {
    trailing[p] = Trailing(c, parts[p]);
    leading[p] = Leading(c, parts[p]);
  }
  // Narrative sentence of each part: parts with no sentence end between them
  // (outside quotes) share one.
  std::vector<int> sentence(np, 0);
  for (int p = 1; p < np; ++p) {
    int from = parts[p - 1].close >= 0 ? parts[p - 1].close : parts[p - 1].last;
    bool same = true;
    for (int i = from + 1; i < parts[p].open; ++i) {
      Kind k = toks[i].kind;
      if (k == Kind::kStop || k == Kind::kBreak) same = false;
    }
    if (parts[p - 1].close < 0) same = false;
    // A full stop inside the closing mark ends the sentence when the next
    // quote has a lead of its own, capitals and a colon: "… weak
    // government.” Editorial in Ecuador's El Comercio: “…”" (not "…
    // choose.” And, Ms. Lear added, “…”", one attribution for both).
    const int close = parts[p - 1].close;
    if (close > 0 && toks[close - 1].kind == Kind::kStop && c.IsWord(close + 1) &&
        toks[close + 1].cap && toks[parts[p].open - 1].kind == Kind::kColon) {
      same = false;
    }
    sentence[p] = same ? sentence[p - 1] : sentence[p - 1] + 1;
  }

  struct Draft {
    int first, last;  // parts
    Attribution attr;
    bool direct = false;
    std::string speaker;
    SpeakerSource source = SpeakerSource::kNone;
  };
  std::vector<Draft> drafts;
  for (int p = 0; p < np;) {
    Draft d{p, p, {}, false, {}, SpeakerSource::kNone};
    // Split quotes: "“A,” Trump said, “B.”" and "“A,” Trump said. “B.”".
    while (d.last + 1 < np) {
      const Attribution& t = trailing[d.last];
      const Part& next = parts[d.last + 1];
      if (!t.found || t.join_open != next.open) break;
      if (t.join == Join::kPeriod && trailing[d.last + 1].found) break;
      if (t.join == Join::kNone) break;
      ++d.last;
    }
    for (int q = d.first; q <= d.last && !d.attr.found; ++q) {
      if (trailing[q].found) d.attr = trailing[q];
    }
    if (!d.attr.found && leading[d.first].found && leading[d.first].direct) {
      d.attr = leading[d.first];
    }
    d.direct = d.attr.found;
    if (d.attr.found) {
      d.speaker = c.SpeakerName(d.attr);
      d.source = d.attr.pronoun      ? SpeakerSource::kPronoun
                 : d.speaker.empty() ? SpeakerSource::kSentence
                                     : SpeakerSource::kNamed;
    }
    drafts.push_back(std::move(d));
    p = drafts.back().last + 1;
  }
  // No attribution next to the quote: one in its sentence, before it or next
  // to another quote of the same sentence (the first such quote that starts
  // or ends in it; sentence numbers are dense, so an array finds it).
  std::vector<int> direct_in(np > 0 ? sentence[np - 1] + 1 : 0, -1);
  for (std::size_t k = 0; k < drafts.size(); ++k) {
    if (!drafts[k].direct) continue;
    for (int part : {drafts[k].first, drafts[k].last}) {
      if (direct_in[sentence[part]] < 0) direct_in[sentence[part]] = static_cast<int>(k);
    }
  }
  for (Draft& d : drafts) {
    if (d.attr.found) continue;
    const Attribution& l = leading[d.first];
    if (l.found && l.speaker_first >= 0) {
      d.attr = l;
    } else if (int o = direct_in[sentence[d.first]]; o >= 0) {
      d.attr = drafts[o].attr;
    }
    if (d.attr.found) {
      d.speaker = c.SpeakerName(d.attr);
      d.source = d.attr.pronoun ? SpeakerSource::kPronoun : SpeakerSource::kSentence;
    }
  }
  // "He said": the previous quote's speaker, or the one person named in the
  // sentences before, when no other person is named in between.
  bool any_pronoun = false;
  for (const Draft& d : drafts) any_pronoun |= d.attr.pronoun;
  if (any_pronoun) {
    std::vector<std::string> speakers;
    for (const Draft& d : drafts) {
      if (!d.speaker.empty()) speakers.push_back(d.speaker);
    }
    std::vector<Mention> mentions = FindMentions(c, speakers);
    // Paragraph breaks, and sentence ends outside quotations, in reading
    // order: the windows below are found by binary search rather than by
    // walking back token by token (a page of thousands of quotes in one
    // paragraph would cost their square).
    std::vector<int> break_at, end_at;
    for (int i = 0; i < static_cast<int>(toks.size()); ++i) {
      Kind kd = toks[i].kind;
      if (kd == Kind::kBreak) break_at.push_back(i);
      if ((kd == Kind::kStop || kd == Kind::kBreak) && c.part_of[i] < 0) end_at.push_back(i);
    }
    auto before = [](const std::vector<int>& v, int tok) {  // how many are before tok
      return static_cast<int>(std::lower_bound(v.begin(), v.end(), tok) - v.begin());
    };
    // The last quote before k with a speaker (one found for a pronoun
    // included), kept as k goes on rather than searched back each time.
    const Draft* last_spoken = nullptr;
    for (std::size_t k = 0; k < drafts.size(); ++k) {
      if (k > 0 && !drafts[k - 1].speaker.empty()) last_spoken = &drafts[k - 1];
      Draft& d = drafts[k];
      if (!d.attr.pronoun) continue;
      int at = std::min(parts[d.first].open, d.attr.speaker_first);
      const Draft* prev = last_spoken;
      int from;
      if (prev != nullptr) {
        const Part& pp = parts[prev->last];
        from = pp.close >= 0 ? pp.close : pp.last;
        // Too far back (more than 3 paragraph breaks): not clear.
        if (before(break_at, at) - before(break_at, from) > 3) prev = nullptr;
      }
      if (prev == nullptr) {
        // The pronoun's sentence and the two before it: from just past the
        // third sentence end before it.
        int ends = before(end_at, at);
        from = ends >= 3 ? end_at[ends - 3] + 1 : 0;
      }
      // The mentions in [from, at): `mentions` is in reading order.
      auto by_first = [](const Mention& m, int tok) { return m.first < tok; };
      const auto window = std::span(mentions).subspan(
          std::lower_bound(mentions.begin(), mentions.end(), from, by_first) - mentions.begin());
      const auto in_window = window.first(
          std::lower_bound(window.begin(), window.end(), std::max(at, from), by_first) -
          window.begin());
      // So many names since that "he" is not clear (and comparing them all
      // for every pronoun would cost a long page their square).
      if (in_window.size() > kMaxPronounWindowMentions) continue;
      std::vector<const Mention*> seen;
      for (const Mention& m : in_window) {
        bool known = false;
        for (const Mention* s : seen) known |= SamePerson(s->words, m.words);
        if (!known) seen.push_back(&m);
      }
      if (prev != nullptr) {
        std::vector<std::string> pw = FoldedWords(prev->speaker);
        const Mention* other = nullptr;
        int others = 0;
        for (const Mention* s : seen) {
          if (!SamePerson(s->words, pw)) {
            other = s;
            ++others;
          }
        }
        if (others == 0) {
          d.speaker = prev->speaker;
        } else if (others == 1 && other->says && other->person) {
          // One other person, who has spoken since: "“…,” Fleming said. …
          // David McCorquodale, a partner at KPMG, said he … “…,” he said."
          d.speaker = c.CleanSpeakerAt(other->first, other->last);
        }
      } else if (seen.size() == 1) {
        // The most recent mention of that person, as written there. The
        // one name must be known as a person's or speak there ("Bajaj
        // said ... “…,” he said"): a country that spoke pages before is not
        // who "he" is ("… works in Syria and … said … “…,” he said").
        const Mention* best = nullptr;
        bool spoke = false;
        for (const Mention& m : in_window) {
          best = &m;
          // "X said", or a full name set off by commas before the verb:
          // "Another scientist from the centre, Jairo Rivera Posada, said".
          const int comma = m.last + 1;
          spoke |= m.says ||
                   (m.last > m.first && comma < static_cast<int>(toks.size()) &&
                    toks[comma].kind == Kind::kComma && c.IsVerbAt(c.SkipSpeechAdverbs(comma + 1)));
        }
        if (best->person || spoke) {
          d.speaker = c.CleanNameAt(best->first, best->last);
        }
      }
      if (!FitsPronoun(c, d.attr.speaker_first, d.speaker)) d.speaker.clear();
    }
  }

  // A paragraph that opens with a quote and names nobody for it, right
  // after a paragraph that ends with a quote and its speaker's attribution,
  // goes on with that speaker: news does not name a speaker again for each
  // paragraph ("“…,” said Frank Schuberto, a consultant for the campaigns.
  // / “The fact that …”").
  for (std::size_t k = 1; k < drafts.size(); ++k) {
    Draft& d = drafts[k];
    const Draft& prev = drafts[k - 1];
    if (d.attr.found || !d.speaker.empty() || prev.speaker.empty()) continue;
    const int open = parts[d.first].open;
    if (open == 0 || toks[open - 1].kind != Kind::kBreak) continue;
    const Part& pp = parts[prev.last];
    if (pp.close < 0) continue;
    // From the previous quote's close to the paragraph break before this
    // one: its attribution and one sentence end at most, nothing more.
    bool continues = true;
    for (int i = pp.close + 1; i < open - 1 && continues; ++i) {
      const Kind kind = toks[i].kind;
      if (kind == Kind::kBreak || c.part_of[i] >= 0) continues = false;
      if (kind == Kind::kStop && i + 1 < open - 1) continues = false;
      if (kind == Kind::kWord && !(prev.attr.found && prev.attr.speaker_first > pp.close)) {
        continues = false;  // words after a quote that were not its attribution
      }
    }
    if (!continues) continue;
    d.speaker = prev.speaker;
    d.source = SpeakerSource::kContinued;
  }

  for (const Draft& d : drafts) {
    Quote q;
    for (int p = d.first; p <= d.last; ++p) {
      const Part& part = parts[p];
      if (p > d.first) {
        // "“We’re setting that up,” Trump said. “We’re …”": the comma before
        // the attribution stood for a full stop.
        if (!q.text.empty() && q.text.back() == ',' && trailing[p - 1].join == Join::kPeriod) {
          q.text.back() = '.';
        }
        if (!q.text.empty()) q.text.push_back(' ');
      }
      for (auto [b, e] : part.spans) {
        if (!q.text.empty() && q.text.back() != ' ') q.text.push_back(' ');
        AppendCollapsed(text.substr(toks[b].begin, toks[e].end - toks[b].begin), &q.text);
      }
      while (!q.text.empty() && q.text.back() == ' ') q.text.pop_back();
    }
    while (!q.text.empty() && q.text.front() == ' ') q.text.erase(0, 1);
    TrimTrailing(&q.text);
    if (q.text.empty()) continue;
    if (!d.direct &&
        (CountWords(q.text) < kMinUnattributedWords || LooksLikeTitle(c, parts, d.first, d.last))) {
      continue;
    }
    const Part& lp = parts[d.last];
    q.begin = toks[parts[d.first].open].begin;
    q.end = toks[lp.close >= 0 ? lp.close : lp.last].end;
    q.speaker = d.speaker;
    q.source = d.source;
    if (d.attr.found && d.attr.speaker_first >= 0) {
      q.speaker_begin = toks[d.attr.speaker_first].begin;
      q.speaker_end = toks[d.attr.speaker_last].end;
    }
    quotes.push_back(std::move(q));
  }
  return quotes;
}

}  // namespace storyline::text
