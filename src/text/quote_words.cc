#include "text/quote_words.h"

#include <array>
#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "text/names.h"
#include "text/stopwords.h"
#include "text/tokenizer.h"
#include "util/abbreviations.h"

namespace storyline::text::quote_internal {

bool IsSpeechVerb(std::string_view w) {
  static const absl::flat_hash_set<std::string_view> kSet = {
      "said",       "says",       "say",       "told",         "tells",     "tell",
      "added",      "adds",       "asked",     "asks",         "noted",     "notes",
      "explained",  "explains",   "wrote",     "writes",       "tweeted",   "tweets",
      "declared",   "declares",   "insisted",  "insists",      "warned",    "warns",
      "stated",     "replied",    "replies",   "recalled",     "argued",    "argues",
      "claimed",    "claims",     "continued", "acknowledged", "admitted",  "announced",
      "commented",  "conceded",   "cautioned", "observed",     "remarked",  "responded",
      "suggested",  "stressed",   "predicted", "vowed",        "boasted",   "posted",
      "emphasized", "emphasised", "quipped",   "joked",        "recounted", "urged"};
  return kSet.contains(w);
}

using WordSet = absl::flat_hash_set<std::string_view>;

bool IsSpeechVerbIn(Language lang, std::string_view w) {
  static const std::array<WordSet, kLanguages> kVerbs = {
      WordSet{},  // English
      // German
      WordSet{"sagte",       "sagt",        "sagten",     "erklärte",  "erklärt",    "betonte",
              "betont",      "meinte",      "meint",      "ergänzte",  "ergänzt",    "schrieb",
              "schreibt",    "warnte",      "warnt",      "twitterte", "berichtete", "kritisierte",
              "bekräftigte", "versicherte", "unterstrich"},
      // French
      WordSet{"déclaré",  "déclare", "dit",     "ajouté",   "ajoute",   "expliqué",
              "explique", "affirmé", "affirme", "souligné", "souligne", "estimé",
              "estime",   "indiqué", "indique", "précisé",  "précise",  "assuré",
              "assure",   "lancé",   "confié",  "rappelé",  "insisté",  "martelé"},
      // Spanish
      WordSet{"dijo",    "declaró",   "afirmó",   "afirma",    "explicó",  "explica",   "señaló",
              "señala",  "añadió",    "aseguró",  "asegura",   "indicó",   "agregó",    "comentó",
              "destacó", "sostuvo",   "precisó",  "subrayó",   "advirtió", "manifestó", "expresó",
              "dicho",   "declarado", "afirmado", "explicado", "señalado", "asegurado", "indicado"},
      // Italian
      WordSet{"detto", "spiegato", "spiega", "aggiunto", "aggiunge", "dichiarato", "dichiara",
              "affermato", "afferma", "sottolineato", "sottolinea", "commentato", "commenta",
              "ribadito", "ribadisce", "osservato", "precisato", "annunciato"},
      // Portuguese
      WordSet{"disse", "diz", "afirmou", "declarou", "explicou", "acrescentou", "destacou",
              "ressaltou", "garantiu", "salientou"},
      // Dutch
      WordSet{"zei", "zegt", "verklaarde", "vertelde", "aldus"},
      // Turkish
      WordSet{"dedi", "söyledi", "açıkladı", "belirtti", "kaydetti", "vurguladı"},
      // Russian
      WordSet{"сказал", "сказала", "заявил", "заявила", "отметил", "отметила", "добавил",
              "добавила", "подчеркнул", "подчеркнула", "пишет", "говорит"},
      WordSet{},  // Arabic
  };
  return kVerbs[static_cast<std::size_t>(lang)].contains(w);
}

bool IsPronounIn(Language lang, std::string_view w) {
  static const std::array<WordSet, kLanguages> kPronouns = {
      WordSet{},  // English: IsPronoun()
      WordSet{"er", "sie"},
      WordSet{"il", "elle"},
      WordSet{"él", "ella"},
      WordSet{"lui", "lei"},
      WordSet{"ele", "ela"},
      WordSet{"hij", "zij", "ze"},
      WordSet{},  // Turkish
      WordSet{"он", "она"},
      WordSet{},  // Arabic
  };
  return kPronouns[static_cast<std::size_t>(lang)].contains(w);
}

std::size_t FrenchPronounEnding(std::string_view w) {
  for (std::string_view end : {"-t-il", "-t-elle", "-il", "-elle"}) {
    if (w.size() > end.size() && w.ends_with(end)) return end.size();
  }
  return 0;
}

bool IsObjectVerb(std::string_view w) {
  // People are told and asked; "wrote the book “…”" names a title, not a listener.
  return w == "told" || w == "tells" || w == "tell" || w == "asked" || w == "asks" ||
         w == "reminded";
}

bool IsSpeechParticiple(std::string_view w) {
  static const absl::flat_hash_set<std::string_view> kSet = {
      "saying",  "adding",    "writing", "tweeting",  "noting",  "explaining",
      "warning", "insisting", "stating", "declaring", "arguing", "stressing"};
  return kSet.contains(w);
}

bool IsSpeechAdverb(std::string_view w) {
  static const absl::flat_hash_set<std::string_view> kSet = {
      "also",   "later",    "then",       "again", "previously", "recently", "earlier", "has",
      "have",   "had",      "reportedly", "once",  "repeatedly", "often",    "later",   "further",
      "simply", "publicly", "privately",  "has",   "would",      "will"};
  return kSet.contains(w);
}

bool IsPronoun(std::string_view w) { return w == "he" || w == "she"; }

bool IsSubjectPronoun(std::string_view w) {
  return IsPronoun(w) || w == "it" || w == "they" || w == "we" || w == "i" || w == "you";
}

bool IsFunctionWord(std::string_view w) {
  static const absl::flat_hash_set<std::string_view> kSet = {
      "he",   "she",   "it",    "they", "we",   "i",     "you",   "the",  "a",     "an",
      "but",  "and",   "or",    "this", "that", "these", "those", "his",  "her",   "their",
      "our",  "my",    "its",   "in",   "on",   "at",    "as",    "if",   "when",  "while",
      "so",   "yet",   "for",   "to",   "of",   "with",  "by",    "from", "after", "before",
      "even", "still", "there", "here", "what", "who",   "why",   "how",  "some",  "many",
      "most", "all",   "no",    "not",  "one",  "two",   "more",  "less", "also",  "then"};
  return kSet.contains(w);
}

bool IsRoleNoun(std::string_view w) {
  static const absl::flat_hash_set<std::string_view> kSet = {
      "leader",         "expert",        "official",      "spokesman",  "spokeswoman",
      "spokesperson",   "minister",      "president",     "secretary",  "adviser",
      "advisor",        "aide",          "analyst",       "envoy",      "lawyer",
      "professor",      "chairman",      "director",      "ambassador", "senator",
      "governor",       "ceo",           "founder",       "economist",  "researcher",
      "scientist",      "diplomat",      "general",       "commander",  "candidate",
      "reporter",       "correspondent", "chief",         "head",       "counterpart",
      "representative", "executive",     "manager",       "officer",    "lawmaker",
      "editor",         "investigator",  "prosecutor",    "witness",    "strategist",
      "contributor",    "pollster",      "consultant",    "columnist",  "commentator",
      "activist",       "campaigner",    "attorney",      "historian",  "coach",
      "captain",        "businessman",   "businesswoman", "critic",     "supporter",
      "opponent",       "resident",      "protester",     "protestor",  "observer",
      "doctor",         "teacher",       "student",       "voter",      "neighbour",
      "neighbor",       "villager",      "survivor",      "relative",   "rebel",
      "militant",       "soldier",       "farmer",        "worker",     "organiser",
      "organizer",      "fan",           "victim",        "parent"};
  return kSet.contains(w);
}

bool IsRoleOrTitle(std::string_view w) { return IsRoleNoun(w) || IsPersonTitle(w); }

bool IsConnector(std::string_view w) {
  return w == "of" || w == "for" || w == "de" || w == "van" || w == "von" || w == "bin" ||
         w == "al" || w == "da" || w == "del" || w == "la" || w == "le";
}

namespace {

// A role noun in the plural: "Investigators said", "Officials say",
// "Witnesses told".
bool IsPluralRoleNoun(std::string_view w) {
  if (w.size() < 4 || w.back() != 's') return false;
  if (IsRoleNoun(w.substr(0, w.size() - 1))) return true;
  return w.ends_with("es") && IsRoleNoun(w.substr(0, w.size() - 2));
}

}  // namespace

bool NamesSomeone(std::string_view name, Language lang) {
  if (name.empty()) return false;
  if (name.find(' ') != std::string_view::npos) return true;
  // Nor, in another language, one of its function words: "Ha detto" (has
  // said), "Er sagte", "Он сказал".
  if (lang != Language::kEnglish && IsStopWordIn(lang, Fold(name))) return false;
  Lower l(name.ends_with('.') ? name.substr(0, name.size() - 1) : name);
  std::string_view w = l.view();
  if (name.ends_with('.') && IsAbbreviation(w)) return false;  // "Dist."
  const bool agency = w == "reuters" || w == "ap" || w == "afp";
  // A party's member, not the party: "said Republican strategist ...".
  if (w == "republican" || w == "democrat" || w == "democratic") return false;
  return !(IsFunctionWord(w) || (text::IsStopWord(w) && !agency) || IsRoleNoun(w) ||
           IsPluralRoleNoun(w) || (IsGenericName(name) && !IsPersonTitle(w)));
}

}  // namespace storyline::text::quote_internal
