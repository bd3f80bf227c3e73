#include "text/names.h"

#include <algorithm>
#include <numeric>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "text/tokenizer.h"

namespace storyline::text {
namespace {

// Words that make a title on their own ("President Trump", "Mr. Trump").
bool IsHeadTitle(std::string_view w) {
  static const absl::flat_hash_set<std::string_view> kSet = {"president",
                                                             "secretary",
                                                             "minister",
                                                             "chairman",
                                                             "chairwoman",
                                                             "chancellor",
                                                             "premier",
                                                             "king",
                                                             "queen",
                                                             "prince",
                                                             "princess",
                                                             "pope",
                                                             "emperor",
                                                             "senator",
                                                             "sen",
                                                             "rep",
                                                             "representative",
                                                             "congressman",
                                                             "congresswoman",
                                                             "governor",
                                                             "gov",
                                                             "mayor",
                                                             "judge",
                                                             "ambassador",
                                                             "envoy",
                                                             "director",
                                                             "spokesman",
                                                             "spokeswoman",
                                                             "spokesperson",
                                                             "ceo",
                                                             "leader",
                                                             "commander",
                                                             "gen",
                                                             "lt",
                                                             "col",
                                                             "maj",
                                                             "capt",
                                                             "adm",
                                                             "admiral",
                                                             "sgt",
                                                             "det",
                                                             "insp",
                                                             "supt",
                                                             "atty",
                                                             "asst",
                                                             "dist",
                                                             "dsp",
                                                             "coroner",
                                                             "mr",
                                                             "mrs",
                                                             "ms",
                                                             "dr",
                                                             "prof",
                                                             "professor",
                                                             "sir",
                                                             "dame",
                                                             "lord",
                                                             "lady",
                                                             "rev",
                                                             "reverend",
                                                             "sheikh",
                                                             "speaker",
                                                             "attorney",
                                                             "chairperson",
                                                             "presidente",
                                                             "chair",
                                                             "chief",
                                                             "officer",
                                                             "captain",
                                                             "supervisor",
                                                             "sheriff",
                                                             "undersheriff",
                                                             "inspector",
                                                             "superintendent",
                                                             "commissioner",
                                                             "councillor",
                                                             "clerk",
                                                             "councilman",
                                                             "councilwoman",
                                                             "lieutenant",
                                                             "sergeant",
                                                             "colonel",
                                                             "detective",
                                                             "coach",
                                                             "bishop",
                                                             "archbishop",
                                                             "cardinal",
                                                             "rabbi",
                                                             "constable",
                                                             "supt",
                                                             "commodore",
                                                             "brigadier",
                                                             "mp",
                                                             "mep",
                                                             "mla"};
  return kSet.contains(w);
}

// Short titles that may stand after a name.
bool IsTrailingTitle(std::string_view w) {
  return w == "mp" || w == "mps" || w == "mla" || w == "mep" || w == "pm" || w == "lt" ||
         w == "sgt" || w == "det" || w == "insp" || w == "capt";
}

// The plural of an office's title: "Councillors Brenda Kowalski and Hal
// Brennan", "Senators ...". Not of ranks that name places and teams ("Kings
// Cross", "Queens Park Rangers", "Speakers' Corner").
bool IsPluralOfficeTitle(std::string_view w) {
  if (w.size() < 3 || w.back() != 's') return false;  // "MPs" too
  std::string_view one = w.substr(0, w.size() - 1);
  static const absl::flat_hash_set<std::string_view> kRanks = {
      "king",  "queen", "prince", "princess", "lord", "lady", "speaker",
      "chief", "chair", "pope",   "emperor",  "sir",  "dame", "cardinal"};
  return IsHeadTitle(one) && !kRanks.contains(one);
}

// A party's label, which may stand with a title ("Tory Lord McAlpine",
// "Mid-Bedfordshire Conservative MP").
bool IsPartyLabel(std::string_view w) {
  return w == "tory" || w == "conservative" || w == "labour" || w == "liberal" ||
         w == "democratic" || w == "democrat" || w == "republican";
}

// Words that sit in a title but never make one alone ("Vice", "Foreign",
// "State" in "Secretary of State"); stripped only with a head title.
bool IsTitleModifier(std::string_view w) {
  static const absl::flat_hash_set<std::string_view> kSet = {
      "vice",     "deputy",      "prime",    "foreign",     "state",      "affairs",
      "defense",  "defence",     "home",     "interior",    "finance",    "treasury",
      "justice",  "commerce",    "trade",    "health",      "education",  "energy",
      "homeland", "security",    "national", "special",     "senior",     "executive",
      "acting",   "former",      "first",    "general",     "us",         "u.s",
      "uk",       "u.k",         "un",       "u.n",         "eu",         "house",
      "senate",   "majority",    "minority", "press",       "assistant",  "associate",
      "of",       "for",         "the",      "and",         "supreme",    "military",
      "economic", "information", "labor",    "agriculture", "transport",  "environment",
      "county",   "city",        "district", "regional",    "provincial", "municipal",
      "federal",  "fire",        "police",   "battalion",   "staff",      "division",
      "army",     "navy",        "coast",    "guard",       "asst",       "managing",
      "ch"};
  // A party's label before a title: "Tory Lord McAlpine", "Democratic
  // Senator Claire McCaskill".
  return kSet.contains(w) || IsPartyLabel(w);
}

// Occupations written before a name like a title ("Paramedic Israel
// Kornik", "Managing Editor Angela Benson"), which also open names of
// things ("Passenger Rights Group", "Editor & Publisher"): a title only
// before a person-shaped rest, see CleanName.
bool IsOccupationTitle(std::string_view w) {
  static const absl::flat_hash_set<std::string_view> kSet = {
      "editor", "manager", "cameraman", "camerawoman", "meteorologist", "paramedic", "passenger",
      // Trades written before a name in a headline or a sentence's opening
      // ("Comedian Ellen DeGeneres", "Moviemaker Gary Ross", "Owner Arte
      // Moreno"). Not words that open other names ("Doctor Who", "Star
      // Wars", "Model T", "Economist Intelligence Unit").
      "owner", "comedian", "comedienne", "actress", "actor", "singer", "songwriter", "rapper",
      "filmmaker", "moviemaker", "producer", "correspondent", "reporter", "journalist", "columnist",
      "author", "novelist", "lawyer", "analyst", "scientist", "researcher", "astronaut",
      "businessman", "businesswoman", "billionaire", "entrepreneur", "activist", "blogger",
      "photographer", "pitcher", "quarterback", "striker", "midfielder", "goalkeeper", "boxer",
      "golfer", "cyclist", "pastor", "cleric", "imam", "chef", "designer", "architect", "surgeon",
      "nurse",
      "con",  // "Asst Ch Con", a police rank
      // Family roles ("Mother Stacey Lihn"); not "son", a Korean surname.
      "mother", "father", "wife", "husband", "daughter", "brother", "sister", "widow",
      "grandmother", "grandfather"};
  return kSet.contains(w);
}

// A rank written with a hyphen: "Brigadier-General", "Lt-Col",
// "Vice-President"; every part a title word, one of them a head title.
bool IsHyphenatedTitle(std::string_view w) {
  if (w.find('-') == std::string_view::npos) return false;
  bool head = false;
  for (std::size_t b = 0; b <= w.size();) {
    std::size_t e = std::min(w.find('-', b), w.size());
    std::string_view part = w.substr(b, e - b);
    if (IsHeadTitle(part)) {
      head = true;
    } else if (part != "major" && !IsTitleModifier(part)) {
      return false;
    }
    b = e + 1;
  }
  return head;
}

// First words of place-shaped names: a bare "North" is not "North Korea".
bool IsPlacePrefix(std::string_view w) {
  static const absl::flat_hash_set<std::string_view> kSet = {
      "north", "south",   "east",    "west",     "new",      "united",   "upper",
      "lower", "central", "saint",   "st",       "san",      "santa",    "los",
      "las",   "great",   "greater", "northern", "southern", "eastern",  "western",
      "asia",  "europe",  "africa",  "america",  "the",      "port",     "fort",
      "mount", "lake",    "cape",    "gulf",     "royal",    "republic", "democratic"};
  return kSet.contains(w);
}

// Last words of organisation-shaped names: "Asia Times", "Kookmin University".
bool IsOrganisationWord(std::string_view w) {
  static const absl::flat_hash_set<std::string_view> kSet = {
      "times",        "post",         "news",       "university", "college",    "department",
      "ministry",     "office",       "party",      "bank",       "group",      "inc",
      "corp",         "company",      "co",         "council",    "committee",  "agency",
      "institute",    "association",  "union",      "court",      "house",      "airlines",
      "journal",      "herald",       "tribune",    "press",      "network",    "foundation",
      "army",         "navy",         "force",      "forces",     "police",     "service",
      "organization", "organisation", "commission", "assembly",   "parliament", "congress",
      "senate",       "club",         "school",     "hospital",   "center",     "centre",
      "airport",      "street",       "square",     "war",        "summit",     "league",
      "media",        "telegraph",    "guardian",   "reuters",    "ltd",        "llc",
      "plc",          "fund",         "exchange",   "board",      "authority",  "region",
      "province",     "county",       "state",      "states",     "city",       "island",
      "islands",      "river",        "sea",        "ocean",      "peninsula",  "korea",
      "kingdom",      "republic",     "federation", "emirates",   "valley",     "complex"};
  return kSet.contains(w);
}

// Heads of names of bodies and places that name no one body or place alone.
bool IsGenericHead(std::string_view w) {
  static const absl::flat_hash_set<std::string_view> kSet = {
      "department", "ministry",  "office",       "party",        "group",       "company",
      "council",    "committee", "agency",       "institute",    "association", "court",
      "commission", "assembly",  "club",         "school",       "hospital",    "center",
      "centre",     "airport",   "street",       "square",       "avenue",      "road",
      "board",      "authority", "region",       "province",     "county",      "state",
      "city",       "island",    "river",        "valley",       "foundation",  "service",
      "university", "college",   "organization", "organisation", "federation",  "network"};
  return kSet.contains(w);
}

const absl::flat_hash_map<std::string_view, std::string_view>& Nicknames() {
  static const auto* kMap = new absl::flat_hash_map<std::string_view, std::string_view>{
      {"mike", "michael"},      {"mick", "michael"},      {"bill", "william"},
      {"billy", "william"},     {"will", "william"},      {"bob", "robert"},
      {"bobby", "robert"},      {"rob", "robert"},        {"robbie", "robert"},
      {"jim", "james"},         {"jimmy", "james"},       {"joe", "joseph"},
      {"joey", "joseph"},       {"tom", "thomas"},        {"tommy", "thomas"},
      {"dick", "richard"},      {"rick", "richard"},      {"rich", "richard"},
      {"richie", "richard"},    {"liz", "elizabeth"},     {"lizzie", "elizabeth"},
      {"beth", "elizabeth"},    {"betty", "elizabeth"},   {"kate", "katherine"},
      {"katie", "katherine"},   {"kathy", "katherine"},   {"catherine", "katherine"},
      {"kathryn", "katherine"}, {"dave", "david"},        {"steve", "stephen"},
      {"steven", "stephen"},    {"chris", "christopher"}, {"alex", "alexander"},
      {"tony", "anthony"},      {"ben", "benjamin"},      {"dan", "daniel"},
      {"danny", "daniel"},      {"sam", "samuel"},        {"sammy", "samuel"},
      {"nick", "nicholas"},     {"nicky", "nicholas"},    {"matt", "matthew"},
      {"andy", "andrew"},       {"drew", "andrew"},       {"pat", "patrick"},
      {"ed", "edward"},         {"eddie", "edward"},      {"ted", "edward"},
      {"ned", "edward"},        {"jon", "jonathan"},      {"larry", "lawrence"},
      {"jerry", "gerald"},      {"greg", "gregory"},      {"jeff", "jeffrey"},
      {"ken", "kenneth"},       {"kenny", "kenneth"},     {"ron", "ronald"},
      {"ronnie", "ronald"},     {"don", "donald"},        {"donnie", "donald"},
      {"pete", "peter"},        {"phil", "philip"},       {"fred", "frederick"},
      {"freddie", "frederick"}, {"harry", "henry"},       {"hank", "henry"},
      {"charlie", "charles"},   {"chuck", "charles"},     {"johnny", "john"},
      {"jen", "jennifer"},      {"jenny", "jennifer"},    {"sue", "susan"},
      {"meg", "margaret"},      {"maggie", "margaret"},   {"peggy", "margaret"},
      {"abby", "abigail"},      {"becky", "rebecca"},     {"vicky", "victoria"},
      {"tim", "timothy"},       {"zach", "zachary"},      {"josh", "joshua"},
      {"nate", "nathaniel"},    {"ray", "raymond"},       {"stan", "stanley"},
      {"walt", "walter"},       {"vince", "vincent"},     {"gabe", "gabriel"},
      {"bernie", "bernard"},    {"mandy", "amanda"},      {"jess", "jessica"},
      {"sandy", "sandra"},      {"debbie", "deborah"},    {"cathy", "katherine"},
      {"val", "valerie"},       {"doug", "douglas"},      {"frank", "francis"},
      {"gus", "augustus"},      {"al", "albert"},         {"nicole", "nicole"}};
  return *kMap;
}

bool IsFormalGivenName(std::string_view w) {
  static const absl::flat_hash_set<std::string_view> kSet = {
      "michael",   "william",   "robert",    "james",     "joseph",      "thomas",    "richard",
      "elizabeth", "katherine", "david",     "stephen",   "christopher", "alexander", "anthony",
      "benjamin",  "daniel",    "samuel",    "nicholas",  "matthew",     "andrew",    "patrick",
      "edward",    "jonathan",  "lawrence",  "gerald",    "gregory",     "jeffrey",   "kenneth",
      "ronald",    "donald",    "peter",     "philip",    "frederick",   "henry",     "charles",
      "john",      "jennifer",  "susan",     "margaret",  "abigail",     "rebecca",   "victoria",
      "timothy",   "zachary",   "joshua",    "nathaniel", "raymond",     "stanley",   "walter",
      "vincent",   "gabriel",   "bernard",   "amanda",    "jessica",     "sandra",    "deborah",
      "valerie",   "douglas",   "francis",   "augustus",  "albert",      "george",    "barack",
      "hillary",   "mary",      "anne",      "ann",       "sarah",       "emma",      "laura",
      "paul",      "mark",      "george",    "brian",     "kevin",       "jason",     "eric",
      "scott",     "gary",      "jack",      "dennis",    "jerome",      "andrei",    "sergei",
      "vladimir",  "angela",    "emmanuel",  "theresa",   "boris",       "justin",    "nancy",
      "mitch",     "chuck",     "kamala",    "joe",       "hunter",      "melania",   "ivanka",
      "jared",     "rex",       "nikki",     "rudy",      "marco",       "bernie",    "elon",
      "jeff",      "mohammed",  "muhammad",  "ali",       "ahmed",       "omar",      "hassan",
      "linda",     "barbara",   "lisa",      "karen",     "betsy",       "helen",     "julia",
      "martin",    "carl",      "arthur",    "harold",    "roger",       "keith",     "jeremy",
      "ivan",      "dmitry",    "xi",        "shinzo",    "narendra",    "recep",     "benjamin",
      "olaf",      "rishi",     "keir",      "liz",       "gordon",      "tony",      "nicolas",
      "stephen",   "steven",    "sean",      "kevin",     "ryan",        "adam",      "mike",
      "greta",     "jacinda",   "volodymyr", "ursula",    "antonio",     "carlos",    "maria",
      "jose",      "juan",      "luis",      "pedro",     "francois",    "jean",      "pierre",
      "hans",      "klaus",     "wolfgang",  "yuri",      "mikhail",     "alexei",    "oleg"};
  return kSet.contains(w);
}

std::string Fold1(std::string_view w) {
  std::string f;
  bool ascii = std::all_of(w.begin(), w.end(),
                           [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
  if (ascii) {  // the common case, without utf8proc's allocation
    f.assign(w);
    for (char& ch : f) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
    }
  } else {
    f = Fold(w);
  }
  // Fold keeps '.', which names write both ways ("U.S." / "US").
  while (!f.empty() && f.back() == '.') f.pop_back();
  return f;
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    std::size_t b = i;
    while (i < s.size() && !(s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

std::string_view StripPossessive(std::string_view w) {
  if (w.size() > 2 && (w.ends_with("'s") || w.ends_with("'S"))) return w.substr(0, w.size() - 2);
  if (w.size() > 4 && w.ends_with("\xE2\x80\x99s")) return w.substr(0, w.size() - 4);
  if (w.size() > 1 && w.back() == '\'') return w.substr(0, w.size() - 1);
  if (w.size() > 3 && w.ends_with("\xE2\x80\x99")) return w.substr(0, w.size() - 3);
  return w;
}

bool EndsWith(const std::vector<std::string>& longer, const std::vector<std::string>& shorter) {
  return shorter.size() < longer.size() &&
         std::equal(shorter.rbegin(), shorter.rend(), longer.rbegin());
}
bool StartsWith(const std::vector<std::string>& longer, const std::vector<std::string>& shorter) {
  return shorter.size() < longer.size() &&
         std::equal(shorter.begin(), shorter.end(), longer.begin());
}

// The folded letters of an acronym: one word of 2-6 ASCII capitals, each
// optionally followed by a dot ("US", "U.S.", "NATO", "U.K."); "" otherwise.
std::string AcronymLetters(std::string_view word) {
  std::string letters;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char ch = word[i];
    if (ch >= 'A' && ch <= 'Z') {
      letters.push_back(static_cast<char>(ch + 32));
    } else if (ch != '.' || i == 0 || word[i - 1] == '.') {
      return "";
    }
  }
  return letters.size() >= 2 && letters.size() <= 6 ? letters : "";
}

// Words an acronym leaves out: "Federal Bureau of Investigation" is FBI.
bool IsInitialsFunctionWord(std::string_view w) {
  return w == "of" || w == "the" || w == "for" || w == "and" || w == "&" || w == "on" ||
         w == "in" || w == "de";
}

// Words that open a person's name before a given name ("Abu Omar", "Bin
// Laden", "Van Morrison" is one, "Al Smith" another).
bool IsNameParticle(std::string_view w) {
  return w == "abu" || w == "bin" || w == "ibn" || w == "bint" || w == "al" || w == "el" ||
         w == "van" || w == "von" || w == "de" || w == "da" || w == "di" || w == "del" ||
         w == "la" || w == "le" || w == "mac" || w == "st" || w == "saint";
}

// Words that join two names into a third ("Bank of England", "Minister for
// Europe"). Not the particles of persons' names ("Luis de Guindos").
bool IsConnector(std::string_view w) {
  return w == "of" || w == "for" || w == "on" || w == "in" || w == "at" || w == "to";
}

// Where a person's name starts in a run of capitals that a place or body
// opens with no title between ("Mid Ulster Sandra Overend", "Ambassador to
// Israel Dan Shapiro"; `words` folded): before the first common given name
// that opens a rest of two or three words, when no word before it is a
// given name ("Mary Ann Mobley") or a particle of one ("Abu Omar ..."), an
// initial just before it included ("Libya J. Christopher Stevens"). 0 when
// the run is not so shaped. An uncommon given name looks like a place here
// ("Julie Ann Brandau", "Arcade Joseph Comeaux"), so the caller cuts only
// where the story also writes both parts alone.
std::size_t PersonStart(const std::vector<std::string>& words) {
  for (std::size_t i = 1; i <= 3 && i + 1 < words.size(); ++i) {
    const std::string& before = words[i - 1];
    if (IsCommonGivenName(before) || IsNameParticle(before) || IsInitialsFunctionWord(before)) {
      return 0;
    }
    if (!IsCommonGivenName(words[i])) continue;
    if (words.size() - i > 3 || IsOrganisationWord(words.back()) || IsGenericHead(words.back())) {
      return 0;
    }
    const bool initial = before.size() == 2 && before[1] == '.';
    return initial ? i - 1 : i;
  }
  return 0;
}

template <typename Words>
std::string JoinWords(const Words& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out.push_back(' ');
    out.append(w);
  }
  return out;
}

int Find(std::vector<int>& parent, int x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

}  // namespace

bool IsPersonTitle(std::string_view folded_word) { return IsHeadTitle(folded_word); }

bool IsGenericName(std::string_view name) {
  if (name.empty() || name.find(' ') != std::string_view::npos || name.size() > 16) return false;
  const std::string folded = Fold1(name);
  return IsGenericHead(folded) || IsHeadTitle(folded) || IsPluralOfficeTitle(folded);
}

std::string_view FormalGivenName(std::string_view folded_word) {
  auto it = Nicknames().find(folded_word);
  return it == Nicknames().end() ? folded_word : it->second;
}

bool IsCommonGivenName(std::string_view folded_word) {
  return Nicknames().contains(folded_word) || IsFormalGivenName(folded_word);
}

Gender GivenNameGender(std::string_view w) {
  // The female names of IsCommonGivenName()'s lists and more; the male ones
  // are the rest of those lists and more. Both leave out names given to
  // both.
  static const absl::flat_hash_set<std::string_view> kFemale = {
      "elizabeth", "katherine",   "jennifer", "susan",    "margaret", "abigail",   "rebecca",
      "victoria",  "amanda",      "jessica",  "sandra",   "deborah",  "valerie",   "hillary",
      "mary",      "anne",        "ann",      "sarah",    "emma",     "laura",     "angela",
      "theresa",   "nancy",       "kamala",   "melania",  "ivanka",   "nikki",     "linda",
      "barbara",   "lisa",        "karen",    "betsy",    "helen",    "julia",     "liz",
      "greta",     "jacinda",     "ursula",   "maria",    "nicole",   "jen",       "jenny",
      "sue",       "meg",         "maggie",   "peggy",    "abby",     "becky",     "vicky",
      "mandy",     "debbie",      "cathy",    "michelle", "ileana",   "stephanie", "catherine",
      "kathleen",  "patricia",    "jane",     "emily",    "hannah",   "olivia",    "sophie",
      "rachel",    "amy",         "anna",     "claire",   "diane",    "janet",     "julie",
      "christine", "caroline",    "carol",    "heather",  "melissa",  "michele",   "kate",
      "louise",    "alice",       "grace",    "ruth",     "joan",     "judith",    "sharon",
      "teresa",    "marie",       "sylvia",   "natalie",  "nadine",   "glenys",    "yvonne",
      "sheila",    "shirley",     "dorothy",  "diana",    "eva",      "irene",     "elena",
      "sonia",     "marta",       "ana",      "carmen",   "isabel",   "rosa",      "angelina",
      "madeleine", "condoleezza", "lindsay",  "lindsey",  "ellen",    "megan",     "kristen",
      "jill",      "tina",        "tracy",    "wendy",    "gillian"};
  static const absl::flat_hash_set<std::string_view> kBoth = {
      "jean", "val", "sandy", "jess",  "kim",    "lee",   "jordan", "taylor", "alex",   "chris",
      "pat",  "sam", "jamie", "robin", "leslie", "terry", "dana",   "kelly",  "francis"};
  if (kFemale.contains(w)) return Gender::kFemale;
  if (kBoth.contains(w)) return Gender::kUnknown;
  static const absl::flat_hash_set<std::string_view> kMoreMale = {
      "mitt",  "newt",  "rick",  "ted",     "tom",      "dick",   "bob",      "bill",    "jim",
      "larry", "harry", "fred",  "ron",     "dan",      "ben",    "nick",     "matt",    "andy",
      "greg",  "ken",   "pete",  "phil",    "tim",      "josh",   "nate",     "ray",     "walt",
      "vince", "doug",  "hugo",  "felix",   "colin",    "graham", "nigel",    "ian",     "simon",
      "neil",  "alan",  "hosni", "mahmoud", "vladimir", "silvio", "francois", "nicolas", "jacques"};
  if (IsCommonGivenName(w) || kMoreMale.contains(w)) return Gender::kMale;
  return Gender::kUnknown;
}

bool NamesABody(std::string_view name) {
  const std::size_t space = name.rfind(' ');
  if (space == std::string_view::npos) return false;
  const std::string last = Fold1(name.substr(space + 1));
  static const absl::flat_hash_set<std::string_view> kMore = {
      "chamber", "police", "government", "house", "bank", "army", "navy", "forces"};
  return IsGenericHead(last) || kMore.contains(last);
}

std::string CleanName(std::string_view name) {
  std::vector<std::string_view> words = SplitWords(name);
  if (words.empty()) return {};
  words.back() = StripPossessive(words.back());
  // A short title written after the name it belongs to, or cut from the one
  // that follows: "Mid-Bedfordshire MP", "Connecticut State Police Lt".
  // A party's label goes with it: "Mid-Bedfordshire Conservative MP".
  bool trailing_title = false;
  while (words.size() > 1 && IsTrailingTitle(Fold1(words.back()))) {
    words.pop_back();
    trailing_title = true;
  }
  if (trailing_title && words.size() > 1 && IsPartyLabel(Fold1(words.back()))) words.pop_back();
  // Leading title words: strip the longest prefix of title words that holds
  // a head title, leaving at least one word ("Secretary of State Mike
  // Pompeo", "US President Donald Trump"; "State Department" stays).
  // A place or body may stand before the title ("Chalhuaca Mayor Víctor
  // Huamán", "Palmer Public Safety Director Jon Owen"): up to four other
  // words, when two words of name are left after the title.
  // The rest after word i is shaped like a person's name: two or three
  // words, the first capitalised, the last not one that ends names of
  // bodies and places.
  auto person_after = [&](std::size_t i) {
    std::size_t rest = words.size() - i - 1;
    if (rest < 2 || rest > 3) return false;
    unsigned char first = static_cast<unsigned char>(words[i + 1].front());
    return ((first >= 'A' && first <= 'Z') || first >= 0x80) &&
           !IsOrganisationWord(Fold1(words.back()));
  };
  auto title_end = [&](std::size_t from) {
    std::size_t end = from;
    bool head = false;
    for (std::size_t i = from; i + 1 < words.size(); ++i) {
      std::string f = Fold1(words[i]);
      bool is_head = IsHeadTitle(f) || IsPluralOfficeTitle(f) || IsHyphenatedTitle(f) ||
                     (IsOccupationTitle(f) && person_after(i));
      if (!is_head && !IsTitleModifier(f)) break;
      head |= is_head;
      if (head) end = i + 1;
    }
    return end;
  };
  std::size_t strip = title_end(0);
  for (std::size_t from = 1; strip == 0 && from <= 4 && from + 2 < words.size(); ++from) {
    if (IsHeadTitle(Fold1(words[from - 1]))) break;
    std::size_t end = title_end(from);
    if (end > from && end + 2 <= words.size()) strip = end;
  }
  // A trailing connector left at the front ("of") is not a name.
  while (strip < words.size() && (Fold1(words[strip]) == "of" || Fold1(words[strip]) == "for")) {
    ++strip;
  }
  if (strip >= words.size()) strip = 0;
  // A person followed by where they are from: "Harry Reid of Nevada", "Brian
  // McNamara of Ohio University" (a common given name, one or two more words,
  // then "of"). "Bank of England" and "Duke of Edinburgh" do not start so.
  if (IsCommonGivenName(Fold1(words[strip]))) {
    for (std::size_t i = strip + 2; i < words.size() && i <= strip + 3; ++i) {
      if (Fold1(words[i]) == "of") {
        words.resize(i);
        break;
      }
    }
  }
  std::string out;
  for (std::size_t i = strip; i < words.size(); ++i) {
    if (!out.empty()) out.push_back(' ');
    out.append(words[i]);
  }
  return out;
}

NameGroups::Entry NameGroups::MakeEntry(std::string_view name) {
  Entry e;
  e.name = CleanName(name);
  for (std::string_view w : SplitWords(e.name)) e.words.push_back(Fold1(w));
  bool list = false;
  for (const std::string& w : e.words) {
    if (w == "and" || w == "&") list = true;
    if (w.size() == 1 && e.words.size() > 2) continue;  // middle initial "J."
    e.match.push_back(w);
  }
  if (e.match.empty()) e.match = e.words;
  if (e.match.size() >= 2) e.match.front() = std::string(FormalGivenName(e.match.front()));
  e.full = e.words.size() >= 2 && !list;
  // ASCII letters decide; a name without any is not "in capitals".
  bool upper = false, lower = false;
  for (char ch : e.name) {
    upper |= ch >= 'A' && ch <= 'Z';
    lower |= ch >= 'a' && ch <= 'z';
  }
  e.capitals = upper && !lower;
  if (!e.words.empty()) {
    e.no_prefix = IsPlacePrefix(e.words.front()) || IsOrganisationWord(e.words.back());
  }
  e.has_connector = std::any_of(e.words.begin(), e.words.end(),
                                [](const std::string& w) { return IsConnector(w); });
  if (e.words.size() == 1) {
    e.acronym = AcronymLetters(e.name);
  } else if (e.full && !IsCommonGivenName(e.words.front())) {
    for (const std::string& w : e.words) {
      if (!IsInitialsFunctionWord(w)) e.initials.push_back(w.front());
    }
  }
  return e;
}

int NameGroups::ExpansionGroup(const Entry& e, const std::vector<int>& root_of) const {
  if (e.acronym.empty()) return -1;
  int found = -1;
  for (std::size_t j = 0; j < entries_.size(); ++j) {
    if (entries_[j].initials != e.acronym) continue;
    int g = root_of[j];
    if (found >= 0 && found != g) return -2;
    found = g;
  }
  return found;
}

bool NameGroups::PersonShaped(const Entry& f) {
  if (f.words.size() > 3 || f.no_prefix || IsPlacePrefix(f.words.front())) return false;
  return std::none_of(f.words.begin(), f.words.end(),
                      [](const std::string& w) { return IsInitialsFunctionWord(w); });
}

int NameGroups::UniqueLongerGroup(const Entry& e, const std::vector<int>& root_of) const {
  if (e.words.empty()) return -1;
  // A given name alone ("Donald") is not the person; and a list never joins.
  bool may_prefix = !(e.words.size() == 1 && IsCommonGivenName(e.words.front()));
  for (const std::string& w : e.words) {
    if (w == "and") return -1;
  }
  absl::flat_hash_map<int, int> mentions;  // of each entity the short form fits, by group
  // One word, not a place's ("Africa"), and every fit a person's name ending in it.
  bool surname = e.words.size() == 1 && !IsPlacePrefix(e.words.front());
  for (std::size_t j = 0; j < entries_.size(); ++j) {
    const Entry& f = entries_[j];
    if (!f.full || f.match.size() <= e.match.size()) continue;
    // What follows a connector is another entity: "Israel" is not the
    // "Government of Israel", nor "England" the "Bank of England".
    const bool after_connector = f.words.size() > e.words.size() && EndsWith(f.words, e.words) &&
                                 IsConnector(f.words[f.words.size() - e.words.size() - 1]);
    const bool ends =
        !after_connector && (EndsWith(f.match, e.match) || EndsWith(f.words, e.words));
    // Not a place that opens the name of a body of it ("Solvara Chamber of
    // Small Enterprises").
    const bool starts = may_prefix && !f.no_prefix && !f.has_connector &&
                        (StartsWith(f.match, e.match) || StartsWith(f.words, e.words));
    if (!ends && !starts) continue;
    mentions[root_of[j]] += f.count;
    surname = surname && ends && !starts && PersonShaped(f);
  }
  if (mentions.empty()) return -1;
  // Of two people who share a surname, a story names the one it is about
  // by the surname alone and keeps the full name for the other ("his
  // father, Chidi Ekwueme"): a surname joins one that has at least
  // kDominance times the mentions of all the others together. Any other
  // short form that fits two entities ("Virginia": "West Virginia", "Virginia
  // Beach") joins neither.
  constexpr int kDominance = 3;
  int found = -1, most = 0, total = 0;
  for (const auto& [g, count] : mentions) {
    total += count;
    if (count > most || (count == most && g < found)) {
      found = g;
      most = count;
    }
  }
  if (mentions.size() > 1 && (!surname || most < kDominance * (total - most))) return -2;
  return found;
}

NameGroups::NameGroups(std::span<const NameCount> names) {
  // Distinct cleaned names (folded words), counts summed. A story's articles
  // repeat the same written forms, so each is cleaned and folded once.
  absl::flat_hash_map<std::string, int> index;
  absl::flat_hash_map<std::string_view, int> entry_of_written;  // -1: nothing left of it
  // Written forms whose entry has exactly their words (or that have no
  // words): GroupOf() answers these from the entry, see written_group_.
  std::vector<std::string_view> exact;
  for (const NameCount& nc : names) {
    if (nc.count <= 0) continue;
    auto [known, first] = entry_of_written.try_emplace(nc.name, -1);
    if (first) {
      Entry e = MakeEntry(nc.name);
      if (!e.words.empty()) {
        std::string key;
        for (const std::string& w : e.words) key.append(w).push_back(' ');
        auto [it, inserted] = index.try_emplace(key, static_cast<int>(entries_.size()));
        if (inserted) {
          entries_.push_back(std::move(e));
          exact.push_back(nc.name);
        } else if (entries_[it->second].words == e.words) {
          exact.push_back(nc.name);
        }
        // The entry is named by its first written form, unless that is in
        // capitals and this one is not (a dateline's "AREQUIPA").
        Entry& kept = entries_[it->second];
        if (kept.capitals && !e.capitals) {
          kept.name = std::move(e.name);
          kept.capitals = false;
        }
        known->second = it->second;
      } else {
        exact.push_back(nc.name);
      }
    }
    if (known->second >= 0) entries_[known->second].count += nc.count;
  }
  // A place or body run into a person's name ("Israel Dan Shapiro") is the
  // person when the story also writes each of the two alone.
  std::vector<std::pair<int, std::size_t>> runs;  // (entry, where the person starts)
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const std::size_t start = entries_[i].words.size() >= 3 ? PersonStart(entries_[i].words) : 0;
    if (start > 0) runs.emplace_back(static_cast<int>(i), start);
  }
  if (!runs.empty()) {
    absl::flat_hash_set<std::string> written_words, full_matches;
    for (const Entry& e : entries_) {
      written_words.insert(JoinWords(e.words));
      if (e.full) full_matches.insert(JoinWords(e.match));
    }
    for (const auto& [i, start] : runs) {
      Entry& e = entries_[i];
      if (!written_words.contains(JoinWords(std::span(e.words).first(start)))) continue;
      std::vector<std::string_view> written = SplitWords(e.name);
      Entry person = MakeEntry(JoinWords(std::span(written).subspan(start)));
      if (!person.full || !full_matches.contains(JoinWords(person.match))) continue;
      person.count = e.count;
      e = std::move(person);
    }
  }
  const int n = static_cast<int>(entries_.size());
  std::vector<int> parent(n);
  std::iota(parent.begin(), parent.end(), 0);

  // 1. Full forms equal up to nicknames and middle initials.
  absl::flat_hash_map<std::string, int> by_match;
  for (int i = 0; i < n; ++i) {
    if (!entries_[i].full) continue;
    std::string key;
    for (const std::string& w : entries_[i].match) key.append(w).push_back(' ');
    auto [it, inserted] = by_match.try_emplace(key, i);
    if (!inserted) parent[Find(parent, i)] = Find(parent, it->second);
  }
  // ... and a person's name written with and without a middle name
  // ("Barack Hussein Obama" ~ "Barack Obama", "Gabriel García Márquez" ~
  // "Gabriel Márquez"): three words and two, both shaped like a person's
  // name, with the same first and last, when the two words are part of no
  // other longer name ("Arthur Sulzberger" of "Arthur Sulzberger Jr." is
  // not "Arthur Ochs Sulzberger", his father).
  // Each word capitalised and not in capitals, as a person's name is
  // written (not "BBC HD" and "BBC One HD").
  const auto written_as_names = [](std::string_view name) {
    for (std::string_view w : SplitWords(name)) {
      if (w.empty() ||
          !((w[0] >= 'A' && w[0] <= 'Z') || static_cast<unsigned char>(w[0]) >= 0x80) ||
          std::none_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
        return false;
      }
    }
    return true;
  };
  absl::flat_hash_map<std::string, int> by_ends;  // two words -> entry
  for (int i = 0; i < n; ++i) {
    if (entries_[i].match.size() == 2 && PersonShaped(entries_[i]) &&
        written_as_names(entries_[i].name)) {
      by_ends.try_emplace(JoinWords(entries_[i].match), i);
    }
  }
  std::vector<int> middle_of(n, -1);  // the one three-word form each two-word entry fits
  for (int i = 0; i < n && !by_ends.empty(); ++i) {
    const Entry& e = entries_[i];
    if (!e.full || e.match.size() < 3) continue;
    const auto fits = [&](const std::string& a, const std::string& b, bool middle) {
      const std::string pair[] = {a, b};
      auto it = by_ends.find(JoinWords(pair));
      if (it == by_ends.end()) return;
      int& m = middle_of[it->second];
      m = middle && m == -1 && e.match.size() == 3 && PersonShaped(e) && written_as_names(e.name)
              ? i
              : -2;
    };
    const std::vector<std::string>& w = e.match;
    fits(w.front(), w.back(), true);
    fits(w[0], w[1], false);                        // "Arthur Sulzberger" Jr.
    fits(w[w.size() - 2], w[w.size() - 1], false);  // Prime Minister "Shinzo Abe"
  }
  for (int i = 0; i < n; ++i) {
    if (middle_of[i] >= 0) parent[Find(parent, middle_of[i])] = Find(parent, i);
  }
  // ... and acronyms spelled with or without dots ("U.S." ~ "US").
  absl::flat_hash_map<std::string_view, int> by_acronym;
  for (int i = 0; i < n; ++i) {
    if (entries_[i].acronym.empty()) continue;
    auto [it, inserted] = by_acronym.try_emplace(entries_[i].acronym, i);
    if (!inserted) parent[Find(parent, i)] = Find(parent, it->second);
  }
  // 2. Shorter forms join the one entity whose full form ends (or starts)
  // with them. Decided against the groups of step 1 only, so the order of
  // the input does not matter.
  std::vector<int> root_of(n);
  for (int i = 0; i < n; ++i) root_of[i] = Find(parent, i);
  std::vector<int> joins(n, -1);
  for (int i = 0; i < n; ++i) {
    int g = UniqueLongerGroup(entries_[i], root_of);
    if (g < 0) g = ExpansionGroup(entries_[i], root_of);  // "US" -> "United States"
    if (g >= 0 && g != root_of[i]) joins[i] = g;
  }
  for (int i = 0; i < n; ++i) {
    if (joins[i] >= 0) parent[Find(parent, i)] = Find(parent, joins[i]);
  }

  // 3. Groups: canonical is the most frequent full form.
  absl::flat_hash_map<int, int> group_of_root;
  std::vector<std::vector<int>> members;
  for (int i = 0; i < n; ++i) {
    int r = Find(parent, i);
    auto [it, inserted] = group_of_root.try_emplace(r, static_cast<int>(members.size()));
    if (inserted) members.emplace_back();
    members[it->second].push_back(i);
  }
  auto better = [&](int a, int b) {  // is entry a a better canonical than b?
    const Entry& x = entries_[a];
    const Entry& y = entries_[b];
    if (x.full != y.full) return x.full;
    // "Arequipa" over the dateline's "AREQUIPA", however often that opens articles.
    if (x.capitals != y.capitals) return !x.capitals;
    if (x.count != y.count) return x.count > y.count;
    if (x.words.size() != y.words.size()) return x.words.size() > y.words.size();
    return x.name < y.name;
  };
  std::vector<std::pair<int, int>> order;  // (count, group) for sorting
  std::vector<NameGroup> groups(members.size());
  for (std::size_t g = 0; g < members.size(); ++g) {
    std::vector<int>& m = members[g];
    std::sort(m.begin(), m.end(), [&](int a, int b) {
      if (entries_[a].count != entries_[b].count) return entries_[a].count > entries_[b].count;
      return entries_[a].name < entries_[b].name;
    });
    int best = m.front();
    for (int i : m) {
      if (better(i, best)) best = i;
      groups[g].count += entries_[i].count;
      std::vector<std::string>& variants = groups[g].variants;
      if (std::find(variants.begin(), variants.end(), entries_[i].name) == variants.end()) {
        variants.push_back(entries_[i].name);
      }
    }
    groups[g].canonical = entries_[best].name;
  }
  std::vector<int> perm(groups.size());
  std::iota(perm.begin(), perm.end(), 0);
  std::sort(perm.begin(), perm.end(), [&](int a, int b) {
    if (groups[a].count != groups[b].count) return groups[a].count > groups[b].count;
    return groups[a].canonical < groups[b].canonical;
  });
  std::vector<int> rank(groups.size());
  for (std::size_t r = 0; r < perm.size(); ++r) {
    rank[perm[r]] = static_cast<int>(r);
    groups_.push_back(std::move(groups[perm[r]]));
  }
  for (int i = 0; i < n; ++i) entries_[i].group = rank[group_of_root[Find(parent, i)]];
  written_group_.reserve(exact.size());
  for (std::string_view w : exact) {
    int entry = entry_of_written[w];
    written_group_.try_emplace(std::string(w), entry >= 0 ? entries_[entry].group : -1);
  }
}

int NameGroups::GroupOf(std::string_view name) const {
  // A form given to the constructor: what the search below would find first
  // (its entry, the one with its words), without cleaning it again.
  // (Debian's abseil has its own string_view, which the map looks up by.)
  auto it = written_group_.find(absl::string_view(name.data(), name.size()));
  if (it != written_group_.end()) return it->second;
  Entry e = MakeEntry(name);
  if (e.words.empty()) return -1;
  for (const Entry& f : entries_) {
    if (f.words == e.words || (!e.acronym.empty() && f.acronym == e.acronym)) return f.group;
  }
  int found = -1;
  for (const Entry& f : entries_) {
    if (f.full && e.full && f.match == e.match) {
      if (found >= 0 && found != f.group) return -1;
      found = f.group;
    }
  }
  if (found >= 0) return found;
  std::vector<int> group_of(entries_.size());
  for (std::size_t j = 0; j < entries_.size(); ++j) group_of[j] = entries_[j].group;
  int g = UniqueLongerGroup(e, group_of);
  if (g < 0) g = ExpansionGroup(e, group_of);
  return g >= 0 ? g : -1;
}

std::string NameGroups::PersonOfGivenName(std::string_view given) const {
  const std::string folded = Fold1(given);
  if (folded.empty() || given.find(' ') != std::string_view::npos || !IsCommonGivenName(folded)) {
    return {};
  }
  const std::string_view formal = FormalGivenName(folded);
  const NameGroup* found = nullptr;
  for (const NameGroup& g : groups_) {
    std::vector<std::string_view> words = SplitWords(g.canonical);
    if (words.size() < 2 || words.size() > 3) continue;
    const std::string first = Fold1(words.front());
    if (first != folded && FormalGivenName(first) != formal) continue;
    if (found != nullptr) return {};
    found = &g;
  }
  return found == nullptr ? std::string() : found->canonical;
}

std::string NameGroups::Canonical(std::string_view name) const {
  int g = GroupOf(name);
  return g >= 0 ? groups_[g].canonical : CleanName(name);
}

}  // namespace storyline::text
