// Name variants: groups the ways a story writes one person, place or
// organisation ("Trump", "President Trump", "Donald Trump", "Trump's") so a
// brief lists each entity once, under its most frequent full form.
//
//   std::vector<NameCount> names = {{"Donald Trump", 2}, {"Trump", 10},
//                                   {"Mike Pompeo", 1}, {"Michael Pompeo", 1},
//                                   {"Pompeo", 7}, {"Kim Jong Un", 2}, {"Kim", 10}};
//   NameGroups groups(names);
//   for (const NameGroup& g : groups.groups()) Show(g.canonical, g.count);
//   groups.Canonical("Trump");          // "Donald Trump"
//   groups.Canonical("Mr. Pompeo's");   // "Michael Pompeo" (or "Mike Pompeo")
//
// Rules (all on cleaned names: leading titles such as "President",
// "Secretary of State", "Mr." and a trailing possessive removed, see
// CleanName):
//   - full forms (two or more words) that are equal once a common English
//     nickname is replaced by its formal given name ("Mike" ~ "Michael") and
//     middle initials are dropped are one entity;
//   - a shorter form joins a full form when its words are the full form's
//     last words ("Trump" -> "Donald Trump", "Son Hui" -> "Choe Son Hui") or
//     its first words ("Kim" -> "Kim Jong Un"; not for place- or
//     organisation-shaped names such as "North Korea" or "Asia Times", and
//     not when the short form is a known given name);
//   - a short form that fits two different entities ("Kim" with both
//     "Kim Jong Un" and "Kim Yo Jong") joins neither, except a surname
//     whose fits are all people's names ending in it (two or three words, no
//     connector, not shaped like a place or organisation): it joins the one
//     with three times the mentions of the others together ("Ekwueme" ->
//     "Tomás Ekwueme" beside one "Chidi Ekwueme", his father);
//   - an acronym (one word of 2-6 capitals, dotted or not) is one entity
//     with its other spellings ("U.S." ~ "US") and joins the one full form
//     whose initials it spells, function words skipped ("United States",
//     "Federal Bureau of Investigation"); not a full form that starts with a
//     common given name ("AP" is not "Andy Pettitte"), and not when two full
//     forms fit.
// Names are compared folded (case, accents) word by word; hyphenated words
// stay one word ("Trump-Kim" is not "Trump").
//
// Thread-safety: a built NameGroups is immutable; const methods may be called
// from any thread. The free functions keep no state.
#ifndef STORYLINE_TEXT_NAMES_H_
#define STORYLINE_TEXT_NAMES_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace storyline::text {

// One name as written and how often it was mentioned, e.g. the sum of the
// EntityMention counts of a story's articles.
struct NameCount {
  std::string name;
  int count = 0;
  // One word that only opened sentences ("Seismologists said") or that
  // the article also writes in lower case ("Department"): more often a
  // common word than a name. Such a name still joins groups.
  bool doubtful = false;
};

struct NameGroup {
  std::string canonical;              // most frequent full form: "Donald Trump"
  int count = 0;                      // sum of the counts of all variants
  std::vector<std::string> variants;  // cleaned forms, most frequent first
};

// `name` without leading titles and roles ("President", "US President",
// "Secretary of State", "Vice Minister for Foreign Affairs", "Mr.",
// "Chairman"), without a trailing possessive ("Trump's", "Pompeo’s") and with
// white space collapsed. Returns the input trimmed when everything in it
// would be stripped ("President" stays "President").
std::string CleanName(std::string_view name);

// True when `folded_word` (lower case, no trailing '.') is a title or role
// word that may precede a person's name ("president", "secretary", "mr").
bool IsPersonTitle(std::string_view folded_word);

// True when `name` is one word that names a kind of body or place, not one:
// "Department", "Ministry", "Commission", "Street", "Party" (a story's "the
// Department" is some department, whichever it is), or a title alone
// ("Ambassador"). Bodies that stand alone for one ("Congress", "Senate",
// "Parliament", "Army", "Police") are not.
bool IsGenericName(std::string_view name);

// The formal given name for a common English nickname ("mike" -> "michael",
// "bill" -> "william"), or the input when it is not one. Folded input.
std::string_view FormalGivenName(std::string_view folded_word);

// True when `folded_word` is a common English given name (formal or
// nickname): evidence that a capitalised phrase starting with it names a
// person.
bool IsCommonGivenName(std::string_view folded_word);

// Whom an English given name is most often given to, for "he" and "she":
// kUnknown for a name given to both ("Jean", "Val", "Sandy") and for one not
// listed. Folded input.
enum class Gender : std::uint8_t { kUnknown, kMale, kFemale };
Gender GivenNameGender(std::string_view folded_word);

// True when `name`, two words or more, ends with the head of a body's name:
// "Administrative Appeals Chamber", "Foreign Ministry", "White House"; a
// "he" or "she" is none of them.
bool NamesABody(std::string_view name);

class NameGroups {
 public:
  // Groups `names` (any order; repeated names are summed; empty names and
  // non-positive counts are ignored). `names` need not outlive the object.
  explicit NameGroups(std::span<const NameCount> names);

  // Sorted by count, highest first (ties: canonical name, ascending).
  const std::vector<NameGroup>& groups() const { return groups_; }

  // The canonical name of the group `name` belongs to, by the same rules as
  // the grouping (so "Mr. Trump" or "President Trump" give "Donald Trump"
  // when that group exists); the cleaned name itself when it joins no group
  // or would fit more than one.
  std::string Canonical(std::string_view name) const;

  // Index into groups() for `name`, or -1 as above.
  int GroupOf(std::string_view name) const;

  // For a common given name alone ("Michelle", "Mick"), the canonical name
  // of the one group of two or three words that opens with it or with its
  // formal form ("Michelle Obama", "Mick Jagger"); empty when none or more
  // than one does. Groups do not join a given name alone (it may be anyone),
  // but a speaker written so in a story of one such person is that person.
  std::string PersonOfGivenName(std::string_view given) const;

 private:
  // A distinct cleaned name. `words` are folded; `match` is `words` with
  // single-letter initials dropped and a nickname first word made formal.
  struct Entry {
    std::string name;
    std::vector<std::string> words;
    std::vector<std::string> match;
    int count = 0;
    int group = -1;              // index into groups_
    bool full = false;           // two or more words and not a list ("Russia and China")
    bool no_prefix = false;      // place- or organisation-shaped: short forms join only at its end
    bool has_connector = false;  // joins two names into one ("Bank of England")
    bool capitals = false;       // written all in capitals ("AREQUIPA", a dateline's)
    std::string acronym;         // its letters, folded, when it is an acronym ("U.S." -> "us")
    std::string initials;        // of a full form, function words skipped ("united states" -> "us")
  };
  static Entry MakeEntry(std::string_view name);
  // A full form shaped like a person's name: two or three words, none a
  // connector ("Stade de France", "Bank of England"), not opening like a
  // place ("West Virginia") nor ending like an organisation ("Indian Navy").
  static bool PersonShaped(const Entry& f);
  // Indexes of full entries in other groups that `e` is a short form of.
  int UniqueLongerGroup(const Entry& e, const std::vector<int>& root_of) const;
  // The group of the one full entry whose initials `e`'s acronym spells; -1
  // when none does, -2 when two groups do.
  int ExpansionGroup(const Entry& e, const std::vector<int>& root_of) const;

  std::vector<Entry> entries_;
  std::vector<NameGroup> groups_;
  // Each written form given to the constructor whose entry has exactly its
  // words (or had, before the entry became the person the form runs a
  // place into: "Israel Dan Shapiro"), with that entry's group (-1 for a
  // form with no words): the brief asks GroupOf() for these same forms
  // again, and cleaning and folding a name costs more than the lookup.
  absl::flat_hash_map<std::string, int> written_group_;
};

}  // namespace storyline::text

#endif  // STORYLINE_TEXT_NAMES_H_
