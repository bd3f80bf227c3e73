#include "text/name_words.h"

#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "text/tokenizer.h"

namespace storyline::text::analyzer_internal {

bool IsNameConnector(std::string_view folded) {
  static const absl::flat_hash_set<std::string_view> kSet = {
      "of", "de",  "del", "della", "da",  "do",  "dos", "du", "la",  "le", "al",
      "el", "bin", "ibn", "van",   "von", "der", "den", "y",  "for", "and"};
  return kSet.contains(folded);
}

bool IsTitleOrCalendarWord(std::string_view folded) {
  static const absl::flat_hash_set<std::string_view> kSet = {
      "president", "secretary",   "chairman",     "chairwoman", "minister",   "prime",
      "leader",    "senator",     "sen",          "gov",        "governor",   "mayor",
      "king",      "queen",       "prince",       "princess",   "pope",       "general",
      "gen",       "vice",        "deputy",       "chief",      "judge",      "justice",
      "officer",   "executive",   "director",     "mr",         "mrs",        "ms",
      "dr",        "sir",         "lord",         "lady",       "rep",        "representative",
      "spokesman", "spokeswoman", "spokesperson", "ceo",        "chancellor", "foreign",
      "state",     "monday",      "tuesday",      "wednesday",  "thursday",   "friday",
      "saturday",  "sunday",      "january",      "february",   "march",      "april",
      "may",       "june",        "july",         "august",     "september",  "october",
      "november",  "december",    "jan",          "feb",        "mar",        "apr",
      "jun",       "jul",         "aug",          "sep",        "sept",       "oct",
      "nov",       "dec",         "today",        "yesterday",  "tomorrow",   "lt",
      "sgt",       "det",         "insp",         "capt",       "col",        "maj",
      "adm",       "cmdr",        "brig",         "cpl",        "pvt",        "supt",
      "atty",      "asst",        "dist",         "ambassador", "envoy"};
  return kSet.contains(folded);
}

bool IsTenureWord(std::string_view folded) {
  return folded == "former" || folded == "ex" || folded == "acting" || folded == "interim" ||
         folded == "retired" || folded == "outgoing" || folded == "incoming";
}

bool IsClauseOpener(std::string_view folded) {
  static const absl::flat_hash_set<std::string_view> kSet = {
      "despite",     "amid",          "amidst",          "unlike",       "upon",
      "throughout",  "toward",        "towards",         "besides",      "beneath",
      "alongside",   "considering",   "regarding",       "concerning",   "following",
      "excluding",   "barring",       "notwithstanding", "meanwhile",    "nevertheless",
      "nonetheless", "moreover",      "furthermore",     "therefore",    "thus",
      "hence",       "instead",       "otherwise",       "perhaps",      "earlier",
      "later",       "recently",      "previously",      "currently",    "initially",
      "finally",     "eventually",    "separately",      "ultimately",   "additionally",
      "similarly",   "likewise",      "specifically",    "notably",      "apparently",
      "reportedly",  "allegedly",     "unfortunately",   "fortunately",  "sadly",
      "ironically",  "interestingly", "actually",        "indeed",       "clearly",
      "obviously",   "certainly",     "overall",         "essentially",  "basically",
      "frankly",     "honestly",      "luckily",         "surprisingly", "importantly",
      "hopefully",   "naturally",     "admittedly",      "arguably",     "presumably",
      "evidently",   "consequently",  "accordingly",     "subsequently", "altogether"};
  return kSet.contains(folded);
}

bool IsTitleComplement(std::string_view folded) {
  static const absl::flat_hash_set<std::string_view> kSet = {
      "affairs", "defense",  "defence", "homeland",  "security", "interior", "finance",
      "trade",   "commerce", "health",  "education", "energy",   "justice",  "treasury"};
  return kSet.contains(folded);
}

bool IsCountWord(std::string_view folded) {
  static const absl::flat_hash_set<std::string_view> kSet = {
      "two",      "three",     "four",     "five",     "six",      "seven",    "eight",
      "nine",     "ten",       "eleven",   "twelve",   "thirteen", "fourteen", "fifteen",
      "sixteen",  "seventeen", "eighteen", "nineteen", "twenty",   "thirty",   "forty",
      "fifty",    "sixty",     "seventy",  "eighty",   "ninety",   "hundred",  "hundreds",
      "thousand", "thousands", "dozen",    "dozens",   "several",  "million",  "millions",
      "billion",  "billions",  "trillion", "trillions"};
  return kSet.contains(folded);
}

bool IsUnitOrTimeZone(std::string_view folded) {
  static const absl::flat_hash_set<std::string_view> kSet = {
      "et",  "est", "edt",  "ct",  "cst", "cdt", "pt",  "pst",  "pdt",  "gmt",
      "bst", "cet", "cest", "ist", "jst", "kst", "hkt", "aest", "aedt", "utc",
      "mw",  "kw",  "gw",   "kwh", "mwh", "km",  "mph", "kph",  "am",   "pm"};
  return kSet.contains(folded);
}

bool IsTimeStampLabel(std::string_view folded) {
  return folded == "updated" || folded == "posted" || folded == "published" || folded == "modified";
}

bool TakesOf(std::string_view folded) {
  static const absl::flat_hash_set<std::string_view> kSet = {
      "academy",      "act",           "administration",
      "agency",       "alliance",      "archbishop",
      "archdiocese",  "assembly",      "association",
      "authority",    "bank",          "basilica",
      "battle",       "bay",           "bill",
      "bishop",       "board",         "book",
      "borough",      "bureau",        "campaign",
      "cape",         "castle",        "cathedral",
      "center",       "centre",        "chamber",
      "charter",      "church",        "city",
      "coalition",    "code",          "college",
      "commission",   "committee",     "commonwealth",
      "company",      "confederation", "congress",
      "constitution", "consulate",     "convention",
      "corporation",  "council",       "county",
      "court",        "day",           "declaration",
      "department",   "diocese",       "district",
      "duchess",      "duke",          "earl",
      "embassy",      "emirate",       "empire",
      "federation",   "festival",      "foundation",
      "friends",      "fund",          "gallery",
      "government",   "gulf",          "hall",
      "hospital",     "house",         "institute",
      "institution",  "island",        "islands",
      "isle",         "journal",       "kingdom",
      "knights",      "lake",          "league",
      "library",      "ministry",      "mount",
      "municipality", "museum",        "network",
      "observatory",  "office",        "order",
      "organisation", "organization",  "palace",
      "parish",       "parliament",    "partnership",
      "party",        "people",        "port",
      "prefecture",   "province",      "region",
      "republic",     "review",        "school",
      "sea",          "service",       "shrine",
      "siege",        "society",       "states",
      "statue",       "strait",        "straits",
      "temple",       "territory",     "tower",
      "treaty",       "tribunal",      "union",
      "university",   "year"};
  return kSet.contains(folded);
}

bool EndsNameWithAnd(std::string_view folded) {
  static const absl::flat_hash_set<std::string_view> kSet = {
      "administration", "agency",       "alliance",     "association", "authority",  "bank",
      "board",          "bureau",       "coalition",    "college",     "commission", "committee",
      "company",        "corporation",  "council",      "department",  "federation", "foundation",
      "fund",           "group",        "institute",    "league",      "ministry",   "network",
      "office",         "organisation", "organization", "party",       "police",     "service",
      "services",       "society",      "trust",        "union",       "university", "barbuda",
      "herzegovina",    "miquelon",     "nevis",        "principe",    "tobago"};
  return kSet.contains(folded);
}

bool TakesPossessive(std::string_view folded) {
  static const absl::flat_hash_set<std::string_view> kSet = {
      "abbey",    "academy",   "basilica", "cathedral", "chapel",   "church", "college",
      "hospital", "infirmary", "island",   "park",      "republic", "school", "square"};
  return kSet.contains(folded);
}

bool IsInitial(const Token& t) { return t.end - t.begin == 1 && t.capitalized; }

bool IsSyllable(const Token& t) {
  return t.kind == TokenKind::kWord && t.ascii && t.end - t.begin >= 2 && t.end - t.begin <= 4;
}

bool IsNameAbbreviation(std::string_view folded) {
  return folded == "st" || folded == "mt" || folded == "ft";
}

bool IsNameSuffix(std::string_view folded, bool after_comma) {
  if (folded == "inc" || folded == "jr" || folded == "sr" || folded == "ltd") return true;
  return !after_comma && (folded == "co" || folded == "corp" || folded == "bros");
}

std::string_view StateName(std::string_view folded) {
  static const absl::flat_hash_map<std::string_view, std::string_view> kStates = {
      {"ala", "Alabama"},      {"ariz", "Arizona"},     {"ark", "Arkansas"},
      {"calif", "California"}, {"colo", "Colorado"},    {"conn", "Connecticut"},
      {"del", "Delaware"},     {"fla", "Florida"},      {"ga", "Georgia"},
      {"ill", "Illinois"},     {"ind", "Indiana"},      {"kan", "Kansas"},
      {"ky", "Kentucky"},      {"md", "Maryland"},      {"mass", "Massachusetts"},
      {"mich", "Michigan"},    {"minn", "Minnesota"},   {"miss", "Mississippi"},
      {"mo", "Missouri"},      {"mont", "Montana"},     {"neb", "Nebraska"},
      {"nev", "Nevada"},       {"nh", "New Hampshire"}, {"nj", "New Jersey"},
      {"nm", "New Mexico"},    {"ny", "New York"},      {"nc", "North Carolina"},
      {"nd", "North Dakota"},  {"okla", "Oklahoma"},    {"ore", "Oregon"},
      {"pa", "Pennsylvania"},  {"ri", "Rhode Island"},  {"sc", "South Carolina"},
      {"sd", "South Dakota"},  {"tenn", "Tennessee"},   {"vt", "Vermont"},
      {"va", "Virginia"},      {"wash", "Washington"},  {"wva", "West Virginia"},
      {"wis", "Wisconsin"},    {"wyo", "Wyoming"}};
  auto it = kStates.find(folded);
  return it == kStates.end() ? std::string_view() : it->second;
}

}  // namespace storyline::text::analyzer_internal
