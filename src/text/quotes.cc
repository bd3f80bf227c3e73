#include "text/quotes.h"

#include <algorithm>
#include <span>

#include "text/languages.h"
#include "text/names.h"
#include "text/quote_marks.h"
#include "text/quote_words.h"
#include "text/tokenizer.h"
#include "util/hash.h"

namespace storyline::text {
namespace {

using quote_internal::ApplyQuotationStyle;
using quote_internal::FindParts;
using quote_internal::IsOpening;
using quote_internal::IsUpperAt;
using quote_internal::Kind;
using quote_internal::Part;
using quote_internal::Scan;
using quote_internal::Tok;

using quote_internal::FrenchPronounEnding;
using quote_internal::IsConnector;
using quote_internal::IsFunctionWord;
using quote_internal::IsObjectVerb;
using quote_internal::IsPronoun;
using quote_internal::IsPronounIn;
using quote_internal::IsRoleNoun;
using quote_internal::IsRoleOrTitle;
using quote_internal::IsSpeechAdverb;
using quote_internal::IsSpeechVerb;
using quote_internal::IsSpeechVerbIn;
using quote_internal::IsSubjectPronoun;
using quote_internal::Lower;
using quote_internal::NamesSomeone;

constexpr int kMinUnattributedWords = 4;
constexpr int kMaxAttributionWords = 12;  // after a closing mark
constexpr int kMaxLeadWords = 40;         // before an opening mark, within its sentence
constexpr int kMaxAppositiveTokens = 12;  // "Name, <these>, said"

// ---------------------------------------------------------------------------
// Attributions

enum class Join : std::uint8_t { kNone, kComma, kPeriod };

struct Attribution {
  bool found = false;
  bool direct = false;   // next to the quote, not just somewhere in its sentence
  bool pronoun = false;  // "he said"
  int speaker_first = -1, speaker_last = -1;  // tokens of the name or pronoun
  Join join = Join::kNone;
  int join_open = -1;  // the opening mark that follows the attribution
};

// A speaker is a person. Past the titles CleanName() strips, a longer
// office may stand before the name ("Palmer Public Safety Director Jon
// Owen", "Conservative MP Rob Wilson", "Oregon State Police Lt. Hastings"),
// or an outlet's possessive ("CNN's John King"): the name is the one to
// three capitalised words after the last title or role word, or after a
// possessive when two or more follow ("Donetsk People's Republic" stays).
std::string CleanSpeaker(std::string name) {
  std::vector<std::string_view> words;
  for (std::size_t from = 0; from < name.size();) {
    std::size_t to = std::min(name.find(' ', from), name.size());
    if (to > from) words.push_back(std::string_view(name).substr(from, to - from));
    from = to + 1;
  }
  const std::size_t n = words.size();
  std::size_t keep = 0;  // the first word kept
  for (std::size_t i = 0; i + 1 < n; ++i) {
    std::string_view w = words[i];
    const bool possessive = (w.ends_with("'s") || w.ends_with("\u2019s")) && i + 2 < n;
    if (w.ends_with('.')) w.remove_suffix(1);
    Lower l(w);
    if (possessive || IsRoleOrTitle(l.view())) {
      keep = i + 1;
    }
  }
  if (keep == 0 || n - keep > 3) return name;
  for (std::size_t i = keep; i < n; ++i) {
    if (!(words[i][0] >= 'A' && words[i][0] <= 'Z') &&
        static_cast<unsigned char>(words[i][0]) < 0x80) {
      return name;
    }
  }
  const std::size_t begin = static_cast<std::size_t>(words[keep].data() - name.data());
  return name.substr(begin);
}

struct Context {
  std::string_view text;
  const std::vector<Tok>& toks;
  std::vector<int> part_of;  // token -> part index, or -1 outside quotes
  Language lang = Language::kEnglish;

  std::string_view Word(int i) const {
    return text.substr(toks[i].begin, toks[i].end - toks[i].begin);
  }
  bool IsWord(int i) const {
    return i >= 0 && i < static_cast<int>(toks.size()) && toks[i].kind == Kind::kWord;
  }
  bool IsVerbAt(int i) const {
    if (!IsWord(i) || toks[i].cap) return false;
    Lower l(Word(i));
    // "saying" only in "quoted as saying": after a comma ("..., saying")
    // its subject is the main clause's, which Subject() cannot find.
    if (l.view() == "saying") {
      return i >= 2 && IsWord(i - 1) && IsWord(i - 2) && Lower(Word(i - 1)).view() == "as" &&
             Lower(Word(i - 2)).view() == "quoted";
    }
    if (IsSpeechVerb(l.view())) return true;
    if (lang == Language::kEnglish) return false;
    const std::string_view w = Word(i);
    if (lang == Language::kFrench) {
      if (const std::size_t end = FrenchPronounEnding(w); end > 0) {
        return IsSpeechVerbIn(lang, w.substr(0, w.size() - end));  // "dit-il"
      }
    }
    return IsSpeechVerbIn(lang, w);
  }
  // "he" or "she" at token i, in the text's language.
  bool IsPronounAt(int i) const {
    if (!IsWord(i)) return false;
    return IsPronoun(Lower(Word(i)).view()) ||
           (lang != Language::kEnglish && IsPronounIn(lang, Word(i)));
  }
  // Whether the verb at token `verb`, right after a quote, says its subject
  // is the one spoken of before, with nobody named after it: French "dit-il"
  // or "a-t-il ajouté" (`aux` the "a-t-il"), or in Spanish, Italian and
  // Portuguese, which leave a pronoun subject out, a verb that ends its
  // clause ("“…”, dijo.").
  bool ImpliedSubject(int verb, int aux) const {
    if (lang == Language::kFrench) {
      if (FrenchPronounEnding(Word(verb)) > 0) return true;
      return aux >= 0 && FrenchPronounEnding(Word(aux)) > 0;
    }
    if (lang != Language::kSpanish && lang != Language::kItalian && lang != Language::kPortuguese) {
      return false;
    }
    return !IsWord(verb + 1);
  }
  // Another language's auxiliary before a participle: "a déclaré X" (French),
  // "ha detto X" (Italian), "ha dicho X" (Spanish).
  bool IsAuxiliaryAt(int i) const {
    if (lang == Language::kEnglish || !IsWord(i) || toks[i].cap) return false;
    const std::string_view w = Word(i);
    return w == "a" || w == "ha" || w == "hat" || w == "avait" || w == "aveva" || w == "había" ||
           (lang == Language::kFrench && (w == "a-t-il" || w == "a-t-elle"));
  }
  bool IsAccordingAt(int i) const {
    return IsWord(i) && IsWord(i + 1) && Lower(Word(i)).view() == "according" &&
           Lower(Word(i + 1)).view() == "to";
  }
  // The first token from `i` on that is not a speech adverb in lower case
  // ("Trump also said").
  int SkipSpeechAdverbs(int i) const {
    while (IsWord(i) && !toks[i].cap && IsSpeechAdverb(Lower(Word(i)).view())) ++i;
    return i;
  }
  // A capitalised run (names, titles, connectors) ending at token `last`,
  // words only; returns its first token or -1.
  int NameRunBack(int last, int floor) const {
    int first = -1;
    for (int i = last; i >= floor; --i) {
      // "Research & Development": an ampersand between capitalised words.
      if (IsAmpersand(i) && first == i + 1 && i - 1 >= floor && IsWord(i - 1) && toks[i - 1].cap) {
        continue;
      }
      if (!IsWord(i)) break;
      Lower l(Word(i));
      if (toks[i].cap && !IsFunctionWord(l.view())) {
        first = i;
      } else if (!toks[i].cap && IsConnector(l.view()) && first >= 0) {
        continue;
      } else {
        break;
      }
    }
    return first;
  }
  // A capitalised run starting at `first`; returns its last token or -1.
  int NameRunForward(int first, int ceil) const {
    int last = -1;
    for (int i = first; i <= ceil && IsWord(i); ++i) {
      Lower l(Word(i));
      if (toks[i].cap && !(i == first && IsFunctionWord(l.view()))) {
        last = i;
      } else if (!toks[i].cap && IsConnector(l.view()) && last >= 0) {
        continue;
      } else {
        break;
      }
    }
    return last;
  }
  bool IsAmpersand(int i) const {
    return i >= 0 && i < static_cast<int>(toks.size()) && toks[i].kind == Kind::kOther &&
           Word(i) == "&";
  }
  // The comma that opens an appositive closed by the comma at `close`
  // ("John Smith, the port's chief executive, said"): the nearest comma
  // before it, with up to kMaxAppositiveTokens words (and ampersands)
  // between and nothing that ends a clause; -1 if none.
  int AppositiveOpen(int close, int floor) const {
    for (int i = close - 1; i >= floor && close - i <= kMaxAppositiveTokens + 1; --i) {
      if (toks[i].kind == Kind::kComma) return i < close - 1 ? i : -1;
      if (!IsWord(i) && !IsAmpersand(i)) return -1;
    }
    return -1;
  }
  // Whether 1-3 lower-case words from `first` end in a role or title ("chief
  // executive", "spokesman"); *end is the token after them.
  bool EndsInRole(int first, int* end) const {
    int i = first;
    bool role = false;
    while (i < first + 3 && IsWord(i) && !toks[i].cap) {
      Lower w(Word(i));
      if (IsFunctionWord(w.view())) return false;
      role = IsRoleOrTitle(w.view());
      ++i;
    }
    *end = i;
    return role && i < static_cast<int>(toks.size());
  }
  // The name that ends right before the comma at `comma`, looking back to
  // `floor`: its first token, or -1. Not one inside a phrase ("Police in
  // Kabul, the capital, said", "In Washington, the president, said" are no
  // words of Kabul's or Washington's).
  int NameBeforeComma(int comma, int floor) const {
    int last = comma - 1;
    if (last < floor || !IsWord(last) || !toks[last].cap) return -1;
    int first = NameRunBack(last, floor);
    if (first - 1 >= floor && IsWord(first - 1) &&
        (!toks[first - 1].cap || IsFunctionWord(Lower(Word(first - 1)).view()))) {
      return -1;
    }
    return first;
  }
  // Subject of a verb at token v, looking back to `floor`.
  void Subject(int v, int floor, Attribution* a) const {
    int s = v - 1;
    while (s >= floor && IsWord(s) && !toks[s].cap && IsSpeechAdverb(Lower(Word(s)).view())) --s;
    // "Ashraf al-Qudra, who was quoted as saying, “…”", "Gen. Mark Milley,
    // who said “…”": the name that "who" stands for. Without "who" the name
    // is the subject as ever ("Smith was quoted as saying").
    auto lower_at = [&](int i) {
      return i >= floor && IsWord(i) && !toks[i].cap ? Lower(Word(i)) : Lower(std::string_view());
    };
    if (lower_at(s).view() == "as" && lower_at(s - 1).view() == "quoted") {
      s -= 2;
      while (lower_at(s).view() == "was" || lower_at(s).view() == "is" ||
             lower_at(s).view() == "been" || lower_at(s).view() == "has") {
        --s;
      }
    }
    if (lower_at(s).view() == "who") {
      int t = s - 1;
      if (t >= floor && toks[t].kind == Kind::kComma) --t;
      // A surname with its particle: "Ashraf al-Qudra".
      auto particle_name = [&](int i) {
        if (i < floor || !IsWord(i) || toks[i].cap) return false;
        const std::string_view w = Word(i);
        const std::size_t dash = w.find('-');
        return dash != std::string_view::npos && dash + 1 < w.size() && IsUpperAt(w, dash + 1) &&
               IsConnector(Lower(w.substr(0, dash)).view());
      };
      int first = -1;
      if (particle_name(t)) {
        first = t - 1 >= floor && IsWord(t - 1) && toks[t - 1].cap ? NameRunBack(t - 1, floor) : t;
      } else if (t >= floor && IsWord(t) && toks[t].cap) {
        first = NameRunBack(t, floor);
      }
      // Not a place the person is from: "a book reviewer in Waltham, who said".
      if (first > floor && IsWord(first - 1) && !toks[first - 1].cap) {
        const Lower before(Word(first - 1));
        const std::string_view b = before.view();
        if (b == "in" || b == "at" || b == "from" || b == "of" || b == "near" || b == "to" ||
            b == "on" || b == "for") {
          first = -1;
        }
      }
      if (first >= 0) {
        a->speaker_first = first;
        a->speaker_last = t;
      }
      return;
    }
    // "Anna Berg, who heads the agency, said": the name before the appositive.
    if (s >= floor && toks[s].kind == Kind::kComma) {
      int open = AppositiveOpen(s, floor);
      if (open < 0) return;
      int first = NameBeforeComma(open, floor);
      // Two appositives: "Laura Chen, 34, who lives by the river, said".
      if (int outer = first < 0 ? AppositiveOpen(open, floor) : -1; outer >= 0) {
        first = NameBeforeComma(outer, floor);
        if (first >= 0) open = outer;
      }
      if (first >= 0) {
        a->speaker_first = first;
        a->speaker_last = open - 1;
        return;
      }
      // "Its chief executive, Dame Barbara Stocking, said": the name is the
      // appositive of a role.
      const bool after_role = open - 1 >= floor && IsWord(open - 1) && !toks[open - 1].cap &&
                              IsRoleOrTitle(Lower(Word(open - 1)).view());
      if (after_role && NameRunForward(open + 1, s - 1) == s - 1) {
        a->speaker_first = open + 1;
        a->speaker_last = s - 1;
      }
      return;
    }
    if (s < floor || !IsWord(s)) return;
    Lower l(Word(s));
    if (IsPronounAt(s) && (s == floor || !IsWord(s - 1))) {
      a->pronoun = true;
      a->speaker_first = a->speaker_last = s;
      return;
    }
    int first = NameRunBack(s, floor);
    if (first < 0) return;
    // "Researchers from the University of Science and Technology declared":
    // the end of a longer name, or one of two speakers; neither is who.
    if (first - 2 >= floor && IsWord(first - 1) && Lower(Word(first - 1)).view() == "and" &&
        IsWord(first - 2) && toks[first - 2].cap) {
      return;
    }
    // "Thomas L Friedman of the New York Times writes": a person of a body
    // or an outlet speaks, not the body. Only a full name that opens with a
    // common given name, so that "Researchers from the ..." stays as above.
    {
      int at = first - 1;
      if (at >= floor && IsWord(at) && Lower(Word(at)).view() == "the") --at;
      if (at - 1 >= floor && IsWord(at) && !toks[at].cap) {
        Lower prep(Word(at));
        if (prep.view() == "of" || prep.view() == "at" || prep.view() == "from") {
          int person = NameRunBack(at - 1, floor);
          if (person >= 0 && person < at - 1 && IsCommonGivenName(Lower(Word(person)).view())) {
            a->speaker_first = person;
            a->speaker_last = at - 1;
            return;
          }
        }
      }
    }
    // "Esam Elsarrag, Director for Research & Development said": a title
    // after the name's comma is the appositive, not the speaker.
    Lower head(Word(first));
    if (first - 1 >= floor && toks[first - 1].kind == Kind::kComma && IsRoleOrTitle(head.view())) {
      int name = NameBeforeComma(first - 1, floor);
      if (name >= 0) {
        a->speaker_first = name;
        a->speaker_last = first - 2;
        return;
      }
    }
    a->speaker_first = first;
    a->speaker_last = s;
  }
  // Object of "said"/"according to" at token o: "said Trump".
  void Object(int o, int ceil, Attribution* a) const {
    if (!IsWord(o)) return;
    Lower l(Word(o));
    if (IsPronounAt(o)) {
      a->pronoun = true;
      a->speaker_first = a->speaker_last = o;
      return;
    }
    // "said the spokesman, Wang Shuai": a role, its comma, then the name.
    const bool determiner = l.view() == "the" || l.view() == "a" || l.view() == "an" ||
                            l.view() == "its" || l.view() == "his" || l.view() == "her" ||
                            l.view() == "their";
    int role_end = o + determiner;
    if (EndsInRole(role_end, &role_end) && toks[role_end].kind == Kind::kComma &&
        IsWord(role_end + 1) && toks[role_end + 1].cap) {
      int last = NameRunForward(role_end + 1, role_end + 6);
      if (last >= 0) {
        a->speaker_first = role_end + 1;
        a->speaker_last = last;
      }
      return;
    }
    // A role in lower case may stand before the name: "said spokesman Joseph
    // Dean", "said state department spokesman William Ostick", "said
    // forecaster Michael Brennan". Up to three such words, when the last is
    // a role or the name has two words or more; other grammar words end them
    // ("said in Gaza City"). After a determiner the name needs two words:
    // "said the interim Pope Bakhomious", "said a tearful Charlie Kafoury",
    // but not "said the Hamas leader".
    const int words_from = o + determiner;
    int first = words_from;
    bool role = false;
    while (first <= ceil && first < words_from + 3 && IsWord(first) && !toks[first].cap) {
      Lower w(Word(first));
      if (IsFunctionWord(w.view()) || IsSpeechVerb(w.view())) return;
      role = IsRoleOrTitle(w.view());
      ++first;
    }
    int last = first <= ceil ? NameRunForward(first, ceil) : -1;
    // "the National Oceanic and Atmospheric Administration": not a name cut at "and".
    if (determiner && last >= 0 && IsWord(last + 1) && Lower(Word(last + 1)).view() == "and" &&
        IsWord(last + 2) && toks[last + 2].cap) {
      return;
    }
    if (last >= 0 && (determiner ? last > first : (first == o || role || last > first))) {
      a->speaker_first = first;
      a->speaker_last = last;
      if (!determiner && first == o) NameAfterOffice(last, ceil, a);
    }
  }
  // A place or body, then what the person is there, then the person: "said
  // Academy spokeswoman Leslie Unger", "said Anchorage businessman Andrew
  // Halcro" (one to three lower-case words, the last a role or the name of
  // two words or more), or a title in capitals set off from the name by a
  // comma, "said Premier League Chief Executive, Richard Scudamore". The
  // speaker found so far ends at `last`; moves it to that person.
  void NameAfterOffice(int last, int ceil, Attribution* a) const {
    int i = last + 1;
    const int n = static_cast<int>(toks.size());
    if (i < n && toks[i].kind == Kind::kComma && IsRoleOrTitle(Lower(Word(last)).view())) {
      // The attribution's words end at the comma; the name after it ends
      // the clause.
      int end = NameRunForward(i + 1, std::min(i + 4, n - 1));
      if (end >= 0 && !IsWord(end + 1)) {
        a->speaker_first = i + 1;
        a->speaker_last = end;
      }
      return;
    }
    bool role = false;
    while (i <= ceil && i <= last + 3 && IsWord(i) && !toks[i].cap) {
      Lower w(Word(i));
      // Two offices joined: "said Republican strategist and CNN contributor
      // Alex Castellanos". The person is the one the second names.
      if (role && w.view() == "and" && IsWord(i + 1) && toks[i + 1].cap) {
        const int office_end = NameRunForward(i + 1, ceil);
        if (office_end < 0) return;
        Attribution second = *a;
        second.speaker_first = i + 1;
        second.speaker_last = office_end;
        NameAfterOffice(office_end, ceil, &second);
        if (second.speaker_first != i + 1) *a = second;
        return;
      }
      // ... or two roles: "said Republican strategist and pollster Frank Luntz".
      if (role && w.view() == "and") {
        role = false;
        ++i;
        continue;
      }
      if (IsFunctionWord(w.view()) || IsSpeechVerb(w.view()) || IsConnector(w.view())) return;
      role = IsRoleOrTitle(w.view());
      ++i;
    }
    if (i == last + 1 || i > ceil || !IsWord(i) || !toks[i].cap) return;
    int end = NameRunForward(i, ceil);
    if (end >= 0 && (role || end > i)) {
      a->speaker_first = i;
      a->speaker_last = end;
    }
  }
  std::string SpeakerName(const Attribution& a) const {
    if (a.speaker_first < 0 || a.pronoun) return {};
    return CleanSpeakerAt(a.speaker_first, a.speaker_last);
  }
  // The name written in tokens [first, last], cleaned; "" when it names
  // nobody.
  std::string CleanNameAt(int first, int last) const {
    std::string name =
        CleanName(text.substr(toks[first].begin, toks[last].end - toks[first].begin));
    return NamesSomeone(name, lang) ? name : std::string();
  }
  // The speaker named by tokens [first, last].
  std::string CleanSpeakerAt(int first, int last) const {
    std::string name =
        CleanSpeaker(CleanName(text.substr(toks[first].begin, toks[last].end - toks[first].begin)));
    if (lang != Language::kEnglish) name = FromGivenName(PastLeadingRoles(std::move(name), lang));
    return NamesSomeone(name, lang) ? name : std::string();
  }
  // `name` without the words before the person's name that the language's
  // grammar or its titles put there: a function word ("Der Regisseur ..."),
  // a German role, capitalised as every German noun is and often a compound
  // ("Gesundheitsminister Jens Spahn", "Polizeisprecher ...",
  // "LSR-Vorsitzende ..."), or a French "M."/"Mme". One word always stays.
  static std::string PastLeadingRoles(std::string name, Language lang) {
    // Folded (lower case, no accents): "prasident" is "Präsident".
    static constexpr std::string_view kGermanRoles[] = {
        "minister",    "ministerin",  "chef",          "chefin",       "sprecher",
        "sprecherin",  "prasident",   "prasidentin",   "vorsitzende",  "vorsitzender",
        "experte",     "expertin",    "leiter",        "leiterin",     "direktor",
        "direktorin",  "kanzler",     "kanzlerin",     "kommissar",    "kommissarin",
        "senator",     "senatorin",   "arzt",          "arztin",       "koch",
        "kochin",      "regisseur",   "regisseurin",   "unternehmer",  "unternehmerin",
        "machthaber",  "obmann",      "trainer",       "trainerin",    "meister",
        "meisterin",   "analyst",     "analystin",     "forscher",     "forscherin",
        "sekretar",    "sekretarin",  "abgeordnete",   "abgeordneter", "politiker",
        "politikerin", "anwalt",      "anwaltin",      "richter",      "richterin",
        "professor",   "professorin", "manager",       "managerin",    "okonom",
        "okonomin",    "botschafter", "botschafterin", "epidemiologe", "epidemiologin",
        "virologe",    "virologin",   "redakteur",     "redakteurin"};
    auto is_role = [lang](std::string_view word) {
      if (lang == Language::kFrench) return word == "M." || word == "Mme" || word == "Mme.";
      const std::string folded = Fold(word);
      if (IsStopWordIn(lang, folded)) return true;
      if (lang != Language::kGerman) return false;
      return std::any_of(std::begin(kGermanRoles), std::end(kGermanRoles),
                         [&folded](std::string_view role) { return folded.ends_with(role); });
    };
    std::size_t start = 0;
    for (std::size_t space = name.find(' '); space != std::string::npos;
         space = name.find(' ', start)) {
      if (!is_role(std::string_view(name).substr(start, space - start))) break;
      start = space + 1;
    }
    return name.substr(start);
  }
  // Another language's titles and roles are not known, and in German they
  // are capitalised: "Präsident Donald Trump", "Konditorin Sandra Wadulla".
  // The name starts at a common given name after its first word, if any.
  static std::string FromGivenName(std::string name) {
    for (std::size_t at = name.find(' '); at != std::string::npos; at = name.find(' ', at + 1)) {
      const std::size_t end = std::min(name.find(' ', at + 1), name.size());
      const std::string_view word = std::string_view(name).substr(at + 1, end - at - 1);
      if (end < name.size() && IsCommonGivenName(Lower(word).view())) return name.substr(at + 1);
    }
    return name;
  }
};

// "“…,” John Smith, the port’s chief executive, said on Monday.": when the
// words [j, words_end) are a name and one or two comma-set appositives
// follow it, then the verb, returns the verb's token (the name is its
// speaker); else -1.
int VerbAfterAppositive(const Context& c, int j, int words_end) {
  const int n = static_cast<int>(c.toks.size());
  if (words_end >= n || c.toks[words_end].kind != Kind::kComma ||
      c.NameRunForward(j, words_end - 1) != words_end - 1) {
    return -1;
  }
  // One appositive or two: "Laura Chen, 34, who lives by the river, said".
  int close = words_end;
  int verb = -1;
  for (int segment = 0; segment < 2; ++segment) {
    int open = close++;
    while (close < n && close - open <= kMaxAppositiveTokens &&
           (c.IsWord(close) || c.IsAmpersand(close))) {
      ++close;
    }
    if (close == open + 1 || close >= n || c.toks[close].kind != Kind::kComma) return -1;
    // An adverb or the verb after the comma ends the appositives.
    verb = c.SkipSpeechAdverbs(close + 1);
    if (verb > close + 1 || c.IsVerbAt(verb)) break;
  }
  return c.IsVerbAt(verb) ? verb : -1;
}

// "“…,” Trump said." / "“…,” said Trump, who …" / "“…,” he told reporters."
Attribution Trailing(const Context& c, const Part& p) {
  Attribution a;
  if (p.close < 0) return a;
  const int n = static_cast<int>(c.toks.size());
  int j = p.close + 1;
  if (j < n && c.toks[j].kind == Kind::kComma) ++j;
  if (j < n && j > p.close + 1 && c.toks[j].kind == Kind::kDash) ++j;  // "», — сказал"
  // "“… Arafat.” And blogger Ben Shapiro wrote: “…”": a quote that ends its
  // sentence, then a grammar word opening the next one, which is not about
  // this quote.
  if (j == p.close + 1 && c.toks[p.last].kind == Kind::kStop && c.IsWord(j) && c.toks[j].cap) {
    Lower w(c.Word(j));
    if (IsFunctionWord(w.view()) && !IsSubjectPronoun(w.view())) return a;
    // Nor when the quote ends a sentence whose speech verb framed it before
    // it opened ("The paper said that as of 2013, “this phenomenon appears
    // to be on the rise.” Investigators said ..."; "Her spokesman, Bill
    // McAllister, said, “…” Mr Steele said ..."): that sentence already said
    // whose words they are. One that opens its sentence may still be
    // followed by its speaker ("“We will win.” Trump said."), and so may one
    // framed by another verb ("Hickok called the slaying “a vicious
    // murder.” Hickok said ...").
    for (int i = p.open - 1; i >= 0 && p.open - i <= 40; --i) {
      Kind k = c.toks[i].kind;
      if (k == Kind::kStop || k == Kind::kBreak || k == Kind::kClose) break;
      if (c.IsVerbAt(i)) return a;
    }
  }
  int words_end = j;
  while (words_end < n && c.IsWord(words_end) && words_end - j < kMaxAttributionWords) ++words_end;
  if (words_end == j) return a;
  int verb = -1;
  bool according = false;
  // Up to 9 words of titled name before the verb: "Vice Minister for Foreign
  // Affairs Choe Son Hui said".
  for (int i = j; i < words_end && i - j <= 9; ++i) {
    if (c.IsVerbAt(i)) {
      verb = i;
      break;
    }
    if (c.IsAccordingAt(i) && i == j) {
      verb = i;
      according = true;
      break;
    }
  }
  const bool named = verb < 0;
  if (named) {
    verb = VerbAfterAppositive(c, j, words_end);
    if (verb < 0) return a;
    a.speaker_first = j;
    a.speaker_last = words_end - 1;
  }
  a.found = a.direct = true;
  if (according) {
    c.Object(verb + 2, words_end - 1, &a);
  } else if (verb == j || (verb == j + 1 && c.IsAuxiliaryAt(j))) {
    c.Object(verb + 1, words_end - 1, &a);
    if (a.speaker_first < 0 && c.ImpliedSubject(verb, verb == j ? -1 : j)) {
      a.pronoun = true;
      a.speaker_first = a.speaker_last = verb;
    }
  } else if (!named) {
    c.Subject(verb, j, &a);
    // "… and the crowd then said": a clause of its own, not an attribution.
    if (a.speaker_first < 0 && verb - j > 3) return Attribution();
  }
  // The attribution runs to the end of its sentence; a quote right after it
  // continues the speech.
  for (int i = verb + 1; i < n && i < verb + 40; ++i) {
    Kind k = c.toks[i].kind;
    if (k == Kind::kBreak || k == Kind::kClose) break;
    if (IsOpening(c.text, c.toks[i]) || k == Kind::kStraight) {
      Kind before = c.toks[i - 1].kind;
      if (before == Kind::kComma || before == Kind::kColon) {
        a.join = Join::kComma;
        a.join_open = i;
      }
      break;
    }
    if (k == Kind::kStop) {
      if (i + 1 < n && IsOpening(c.text, c.toks[i + 1])) {
        a.join = Join::kPeriod;
        a.join_open = i + 1;
      }
      break;
    }
  }
  return a;
}

// "Trump said: “…”", "Pompeo told a reporter that “…”"; an attribution
// further back in the same sentence is found but not direct.
Attribution Leading(const Context& c, const Part& p) {
  Attribution a;
  int floor = p.open;
  int words = 0;
  while (floor - 1 >= 0 && words < kMaxLeadWords) {
    Kind k = c.toks[floor - 1].kind;
    if (k == Kind::kStop || k == Kind::kBreak || k == Kind::kClose || k == Kind::kOpen ||
        k == Kind::kStraight || c.part_of[floor - 1] >= 0) {
      break;
    }
    if (k == Kind::kWord) ++words;
    --floor;
  }
  int verb = -1;
  bool according = false;
  for (int i = p.open - 1; i >= floor; --i) {
    if (c.IsVerbAt(i)) {
      verb = i;
      break;
    }
    if (c.IsAccordingAt(i)) {
      verb = i;
      according = true;
      break;
    }
  }
  if (verb < 0) return a;
  a.found = true;
  Kind before = c.toks[p.open - 1].kind;
  bool punct = before == Kind::kColon || before == Kind::kComma;
  int tail_first = verb + (according ? 2 : 1);
  int tail_words = 0;
  bool only_words = true;
  for (int i = tail_first; i < p.open; ++i) {
    if (c.IsWord(i)) {
      ++tail_words;
    } else if (!(i == p.open - 1 && punct)) {
      only_words = false;
    }
  }
  if (according) {
    c.Object(verb + 2, p.open - 1, &a);
    // "According to Peter Hall, head of the rescue team, “…”"
    const int name_end = a.speaker_last + 1;
    a.direct = punct && a.speaker_last >= 0 &&
               (name_end == p.open - 1 ||
                (before == Kind::kComma && c.toks[name_end].kind == Kind::kComma &&
                 c.AppositiveOpen(p.open - 1, name_end) == name_end));
    if (!a.direct) a.speaker_first = a.speaker_last = -1, a.pronoun = false;
    return a;
  }
  Lower last_word(c.IsWord(p.open - 1) ? c.Word(p.open - 1) : std::string_view());
  a.direct = tail_words == 0 || last_word.view() == "that" ||
             (punct && only_words && tail_words <= 6) ||
             (IsObjectVerb(Lower(c.Word(verb)).view()) && only_words && tail_words <= 4);
  c.Subject(verb, floor, &a);
  return a;
}

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
    }
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
