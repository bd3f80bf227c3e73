// The words entity candidates are read by in Analyzer::Analyze()
// (text/analyzer.h): connectors inside names, titles and calendar words,
// tenure words, clause openers, counts, units and time zones, the heads a
// name goes on from with "of", "and" or "'s", the short forms and suffixes
// written with a dot, initials, Korean given-name syllables, and the US
// states as the AP abbreviates them. The lists take a word in its folded
// form (Pass::Folded(), text/analyzer_pass.h). Internal to text/analyzer.cc;
// nothing else should include it.
//
//   if (TakesOf(p.Folded(run.back()))) ...       // "Bank" of England
//   std::string_view state = StateName("mich");  // "Michigan"
//
// Thread-safety: constants and pure functions.
#ifndef STORYLINE_TEXT_NAME_WORDS_H_
#define STORYLINE_TEXT_NAME_WORDS_H_

#include <string_view>

#include "text/tokenizer.h"

namespace storyline::text::analyzer_internal {

// Words that may sit inside a name: "Bank of England", "Ho Chi Minh".
bool IsNameConnector(std::string_view folded);

// Titles and calendar words: capitalised, but not what a story is about.
bool IsTitleOrCalendarWord(std::string_view folded);

// Words that say when someone held a role ("Former U.S. President ...",
// "Ex-Governor ...", "Acting Chief ..."): never the first word of a name.
bool IsTenureWord(std::string_view folded);

// Words that open a sentence without being part of the name after them:
// prepositions and sentence adverbs the stop list does not hold ("Despite
// Romney's lead", "Meanwhile Obama said", "Considering Lionsgate's slate").
// Closed classes, so a list is the whole of them that matters.
bool IsClauseOpener(std::string_view folded);

// Words that complete a title after "of"/"for" ("Secretary of Homeland
// Security", "Minister for Foreign Affairs"); dropped only there, in front of
// a name, never elsewhere.
bool IsTitleComplement(std::string_view folded);

// Counts that open a run of capitals without being a name: "Seven
// Palestinians were hurt", "Dozens of Tibetans".
bool IsCountWord(std::string_view folded);

// Capitals that are units or time zones, not names: "10 a.m. ET", "1,000
// MW". Yonhap's "(END)" is not among them: as an entity term it keeps the
// 2012 North Korean rocket launch apart from the 2018 summit of the seeds
// in the galaxy check, a margin docs/DESIGN.md records.
bool IsUnitOrTimeZone(std::string_view folded);
// The label of a page's time stamp: "Updated", "Posted", "Published".
bool IsTimeStampLabel(std::string_view folded);

// Words a name goes on from with "of" or "for": "Bank of England", "Gulf of
// Aden", "Centre for Economic Policy Research". After any other word the
// connector ends the name, so "Irene Castillo of Northgate Securities" is a
// person and a firm.
bool TakesOf(std::string_view folded);

// Last words of a name that may hold an "and": an organisation's ("Lothian
// and Borders Police", "Freedom and Justice Party", "Food and Drug
// Administration") or a country's ("Bosnia and Herzegovina", "Trinidad and
// Tobago"); without one after it, "and" ends the name.
bool EndsNameWithAnd(std::string_view folded);

// Heads a possessive runs into inside a name: "St. Brendan's Hospital",
// "People's Republic". Elsewhere "'s" ends the name ("Trump's Washington").
bool TakesPossessive(std::string_view folded);

// One capital letter: an initial when a dot and a capitalised word follow.
bool IsInitial(const Token& t);

// A short ASCII word, as the parts of a hyphenated Korean given name are.
bool IsSyllable(const Token& t);

// Short forms whose dot stays inside a name: "St. Brendan", "Mt. Hood".
bool IsNameAbbreviation(std::string_view folded);

// Suffixes a name ends with, written with a dot: "Halden & Co.", "Acme,
// Inc.", "John Smith Jr.". `after_comma`: those also written after a comma.
bool IsNameSuffix(std::string_view folded, bool after_comma);

// A US state as the AP abbreviates it after a town ("DUNMORE, Mich."), or
// empty. Folded forms: the dots of "N.J." are gone.
std::string_view StateName(std::string_view folded);

}  // namespace storyline::text::analyzer_internal

#endif  // STORYLINE_TEXT_NAME_WORDS_H_
