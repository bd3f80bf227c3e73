#include "text/quote_attribution.h"

#include <algorithm>

#include "text/languages.h"
#include "text/names.h"
#include "text/quote_words.h"
#include "text/tokenizer.h"

namespace storyline::text::quote_internal {
namespace {

constexpr int kMaxAttributionWords = 12;  // after a closing mark
constexpr int kMaxLeadWords = 40;         // before an opening mark, within its sentence
constexpr int kMaxAppositiveTokens = 12;  // "Name, <these>, said"

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

// `name` without the words before the person's name that the language's
// grammar or its titles put there: a function word ("Der Regisseur ..."),
// a German role, capitalised as every German noun is and often a compound
// ("Gesundheitsminister Jens Spahn", "Polizeisprecher ...",
// "LSR-Vorsitzende ..."), or a French "M."/"Mme". One word always stays.
std::string PastLeadingRoles(std::string name, Language lang) {
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
std::string FromGivenName(std::string name) {
  for (std::size_t at = name.find(' '); at != std::string::npos; at = name.find(' ', at + 1)) {
    const std::size_t end = std::min(name.find(' ', at + 1), name.size());
    const std::string_view word = std::string_view(name).substr(at + 1, end - at - 1);
    if (end < name.size() && IsCommonGivenName(Lower(word).view())) return name.substr(at + 1);
  }
  return name;
}

}  // namespace

bool Context::IsPronounAt(int i) const {
  if (!IsWord(i)) return false;
  return IsPronoun(Lower(Word(i)).view()) ||
         (lang != Language::kEnglish && IsPronounIn(lang, Word(i)));
}

bool Context::ImpliedSubject(int verb, int aux) const {
  if (lang == Language::kFrench) {
    if (FrenchPronounEnding(Word(verb)) > 0) return true;
    return aux >= 0 && FrenchPronounEnding(Word(aux)) > 0;
  }
  if (lang != Language::kSpanish && lang != Language::kItalian && lang != Language::kPortuguese) {
    return false;
  }
  return !IsWord(verb + 1);
}

bool Context::IsAuxiliaryAt(int i) const {
  if (lang == Language::kEnglish || !IsWord(i) || toks[i].cap) return false;
  const std::string_view w = Word(i);
  return w == "a" || w == "ha" || w == "hat" || w == "avait" || w == "aveva" || w == "había" ||
         (lang == Language::kFrench && (w == "a-t-il" || w == "a-t-elle"));
}

bool Context::IsAccordingAt(int i) const {
  return IsWord(i) && IsWord(i + 1) && Lower(Word(i)).view() == "according" &&
         Lower(Word(i + 1)).view() == "to";
}

int Context::NameRunBack(int last, int floor) const {
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

int Context::AppositiveOpen(int close, int floor) const {
  for (int i = close - 1; i >= floor && close - i <= kMaxAppositiveTokens + 1; --i) {
    if (toks[i].kind == Kind::kComma) return i < close - 1 ? i : -1;
    if (!IsWord(i) && !IsAmpersand(i)) return -1;
  }
  return -1;
}

bool Context::EndsInRole(int first, int* end) const {
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

int Context::NameBeforeComma(int comma, int floor) const {
  int last = comma - 1;
  if (last < floor || !IsWord(last) || !toks[last].cap) return -1;
  int first = NameRunBack(last, floor);
  if (first - 1 >= floor && IsWord(first - 1) &&
      (!toks[first - 1].cap || IsFunctionWord(Lower(Word(first - 1)).view()))) {
    return -1;
  }
  return first;
}

void Context::Subject(int v, int floor, Attribution* a) const {
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

void Context::Object(int o, int ceil, Attribution* a) const {
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
  // A capitalised office ending in a title, its comma, then the name:
  // "said ILO’s Director-General, Juan Somavia".
  if (IsWord(role_end) && toks[role_end].cap) {
    const int office_last = NameRunForward(role_end, ceil);
    if (office_last >= 0 && office_last + 2 < static_cast<int>(toks.size()) &&
        toks[office_last + 1].kind == Kind::kComma && IsWord(office_last + 2) &&
        toks[office_last + 2].cap) {
      Lower w(Word(office_last));
      const std::string_view title = w.view();
      const std::size_t dash = title.rfind('-');
      if (IsRoleOrTitle(title) ||
          (dash != std::string_view::npos && IsRoleOrTitle(title.substr(dash + 1)))) {
        const int last = NameRunForward(office_last + 2, office_last + 7);
        if (last >= 0) {
          a->speaker_first = office_last + 2;
          a->speaker_last = last;
        }
        return;
      }
    }
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

void Context::NameAfterOffice(int last, int ceil, Attribution* a) const {
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

std::string Context::SpeakerName(const Attribution& a) const {
  if (a.speaker_first < 0 || a.pronoun) return {};
  return CleanSpeakerAt(a.speaker_first, a.speaker_last);
}

std::string Context::CleanNameAt(int first, int last) const {
  std::string name = CleanName(text.substr(toks[first].begin, toks[last].end - toks[first].begin));
  return NamesSomeone(name, lang) ? name : std::string();
}

std::string Context::CleanSpeakerAt(int first, int last) const {
  std::string name =
      CleanSpeaker(CleanName(text.substr(toks[first].begin, toks[last].end - toks[first].begin)));
  if (lang != Language::kEnglish) name = FromGivenName(PastLeadingRoles(std::move(name), lang));
  return NamesSomeone(name, lang) ? name : std::string();
}

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

namespace {

// Words that open a sentence before its subject, set off by a comma
// ("Later, ...", "Meanwhile, ..."), beside the function words ("On Monday,").
bool IsSentenceAdverb(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "later",      "earlier", "meanwhile", "however",      "yesterday",  "today", "afterwards",
      "separately", "still",   "instead",   "nevertheless", "previously", "then",  "also"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

// At most this many tokens of such a phrase before its comma.
constexpr int kMaxOpeningPhraseTokens = 5;

// "Obama defended the decision, saying “…”", "Mr Miliband offered his own
// congratulations, tweeting: “…”": a speech participle after a comma, just
// before the quote, speaks for the subject of its sentence: a name (or "he",
// "she") that opens the sentence, with its verb in lower case after it.
// `floor` is where Leading() stopped looking back.
bool ParticipleOfSubject(const Context& c, const Part& p, int floor, Attribution* a) {
  int i = p.open - 1;
  if (i > floor && (c.toks[i].kind == Kind::kColon || c.toks[i].kind == Kind::kComma)) --i;
  if (i - 1 <= floor || !c.IsWord(i) || c.toks[i - 1].kind != Kind::kComma ||
      !IsSpeechParticiple(Lower(c.Word(i)).view())) {
    return false;
  }
  // The sentence opens at `floor`: not a look-back cut short by its length.
  // A quote that ends its sentence ends it too ("... haul.” Mr. Christie
  // thanked the president, saying, “…”").
  if (floor > 0) {
    const Kind before = c.toks[floor - 1].kind;
    const bool quote_ended =
        (before == Kind::kClose || before == Kind::kStraight || c.part_of[floor - 1] >= 0) &&
        floor > 1 && c.toks[floor - 2].kind == Kind::kStop;
    if (before != Kind::kStop && before != Kind::kBreak && !quote_ended) return false;
  }
  // A short opening phrase set off by a comma comes before the subject: "On
  // Monday, Mr. Dobkin called the shooting worrying, saying “…”".
  int subject = floor;
  if (c.IsWord(floor)) {
    Lower opener(c.Word(floor));
    if (IsFunctionWord(opener.view()) || IsSentenceAdverb(opener.view())) {
      for (int k = floor + 1; k <= floor + kMaxOpeningPhraseTokens && k < i - 2; ++k) {
        if (c.toks[k].kind == Kind::kComma) {
          subject = k + 1;
          break;
        }
        if (!c.IsWord(k)) break;
      }
    }
  }
  const bool pronoun = c.IsPronounAt(subject);
  const int last = pronoun ? subject : c.NameRunForward(subject, i - 2);
  if (last < subject || !c.IsWord(last + 1) || c.toks[last + 1].cap) return false;
  // A name soon after is the subject, the words before it its description:
  // "Coptic activist Peter el-Naggar welcomed ...", "Greek prime minister
  // George Papandreou condemned ...". Left to the other readers.
  for (int k = last + 2; k <= last + 3 && k < i; ++k) {
    if (c.IsWord(k) && c.toks[k].cap) return false;
  }
  a->found = a->direct = true;
  a->pronoun = pronoun;
  a->speaker_first = subject;
  a->speaker_last = last;
  return true;
}

}  // namespace

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
  if (ParticipleOfSubject(c, p, floor, &a)) return a;
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

}  // namespace storyline::text::quote_internal
