#include "text/quotes.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/text_cleaner.h"

namespace storyline::text {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

// The texts of the quotes of `text`, in order.
std::vector<std::string> Texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Quote& q : FindQuotes(text)) out.push_back(q.text);
  return out;
}

// The one quote of `text`; fails the test when there is not exactly one.
Quote One(std::string_view text) {
  std::vector<Quote> q = FindQuotes(text);
  EXPECT_THAT(q, SizeIs(1)) << text;
  return q.empty() ? Quote() : q.front();
}

TEST(FindQuotes, QuoteThenNameSaid) {
  Quote q = One("“I like him, he likes me, the relationship is good,” Trump said of Kim.");
  EXPECT_EQ(q.text, "I like him, he likes me, the relationship is good");
  EXPECT_EQ(q.speaker, "Trump");
  EXPECT_EQ(q.source, SpeakerSource::kNamed);
}

TEST(FindQuotes, OffsetsCoverTheMarksAndTheSpeaker) {
  std::string text = "Then: “We will win this time,” Trump said.";
  Quote q = One(text);
  EXPECT_EQ(text.substr(q.begin, 3), "“");
  EXPECT_EQ(text.substr(q.end - 3, 3), "”");
  EXPECT_EQ(text.substr(q.speaker_begin, q.speaker_end - q.speaker_begin), "Trump");
}

TEST(FindQuotes, SaidThenNameWithRelativeClause) {
  Quote q = One("“I just can’t leave right now,” said Trump, who was en route to a rally in Iowa.");
  EXPECT_EQ(q.text, "I just can’t leave right now");
  EXPECT_EQ(q.speaker, "Trump");
}

TEST(FindQuotes, SaidThenTitledNameGivesThePerson) {
  Quote q = One("\"We made real progress today,\" said Secretary of State Mike Pompeo.");
  EXPECT_EQ(q.text, "We made real progress today");
  EXPECT_EQ(q.speaker, "Mike Pompeo");
  // An office in capitals, its comma, then the name.
  EXPECT_EQ(One("“The ratification sends a powerful signal,” said ILO’s Director-General, Juan "
                "Somavia.")
                .speaker,
            "Juan Somavia");
  EXPECT_EQ(One("\"We will go there next week,\" said the Prime Minister, Shinzo Abe.").speaker,
            "Shinzo Abe");
}

TEST(FindQuotes, NameSaidColonQuote) {
  Quote q = One("Trump said: “We will have lots of meetings.”");
  EXPECT_EQ(q.text, "We will have lots of meetings.");
  EXPECT_EQ(q.speaker, "Trump");
}

TEST(FindQuotes, NameSaidThatQuote) {
  Quote q = One("Trump said that “eventually we’re going to have lots of meetings.”");
  EXPECT_EQ(q.text, "eventually we’re going to have lots of meetings.");
  EXPECT_EQ(q.speaker, "Trump");
}

TEST(FindQuotes, NameSaidQuoteWithoutPunctuation) {
  Quote q = One("Trump said “eventually we’re going to have lots of meetings.”");
  EXPECT_EQ(q.speaker, "Trump");
}

TEST(FindQuotes, NameToldObjectQuote) {
  Quote q = One("Pompeo told a reporter “we made significant progress.”");
  EXPECT_EQ(q.text, "we made significant progress.");
  EXPECT_EQ(q.speaker, "Pompeo");
  Quote r =
      One("Pompeo told a reporter traveling with him Monday that “we made significant "
          "progress.”");
  EXPECT_EQ(r.speaker, "Pompeo");
}

TEST(FindQuotes, RoleBeforeNameIsNotPartOfTheSpeaker) {
  Quote q = One("North Korea expert Andrei Lankov said: “Trump wants to make real progress.”");
  EXPECT_EQ(q.speaker, "Andrei Lankov");
  Quote r = One("“It will not happen soon,” Vice Minister for Foreign Affairs Choe Son Hui said.");
  EXPECT_EQ(r.speaker, "Choe Son Hui");
}

TEST(FindQuotes, APlaceOrBodyBeforeALowerCaseRoleIsNotTheSpeaker) {
  // "said <Body> <role> <Name>": the name after the role speaks.
  EXPECT_EQ(One("“We are moving forward with all of our plans,” said Academy spokeswoman "
                "Leslie Unger.")
                .speaker,
            "Leslie Unger");
  EXPECT_EQ(
      One("“In July alone, they lost $300,000,” said Anchorage businessman Andrew Halcro.").speaker,
      "Andrew Halcro");
  // Two offices joined by "and": the person after the second.
  EXPECT_EQ(One("“I think Ryan proved himself,” said Republican strategist and CNN contributor "
                "Alex Castellanos, who worked for Romney.")
                .speaker,
            "Alex Castellanos");
  EXPECT_EQ(One("“We won,” said Republican strategist and pollster Frank Luntz.").speaker,
            "Frank Luntz");
  // A party's member alone names nobody.
  EXPECT_EQ(One("“We won,” said Republican strategist and party members.").speaker, "");
  // A title in capitals, then the name set off by a comma.
  EXPECT_EQ(One("“We are extremely pleased to extend our partnership,” said Premier League Chief "
                "Executive, Richard Scudamore.")
                .speaker,
            "Richard Scudamore");
  // Not a name that only follows on: "said Pyongyang officials".
  EXPECT_EQ(One("“The talks will go on,” said Seoul officials on Monday.").speaker, "Seoul");
}

TEST(FindQuotes, ANewSentenceAfterAQuoteIsNotItsAttribution) {
  std::vector<Quote> q = FindQuotes(
      "Hoft wrote that the nomination “will put her up there with the worst of them.” And "
      "blogger Ben Shapiro wrote: “Just when you think the magazine cannot sink lower, it does.”");
  ASSERT_THAT(q, SizeIs(2));
  EXPECT_NE(q[0].speaker, "Ben Shapiro");
  EXPECT_EQ(q[1].speaker, "Ben Shapiro");
  // A quote that ends its sentence may still be followed by its speaker.
  EXPECT_EQ(One("“We will win this time.” Trump said on Monday.").speaker, "Trump");
  // Not one that a speech verb of its own sentence framed before it opened.
  EXPECT_EQ(One("The paper said that as of 2013, “this phenomenon appears to be on the rise.” "
                "Investigators said they heard allegations of torture.")
                .speaker,
            "");
  EXPECT_EQ(One("Her spokesman, Bill McAllister, said, “The Governor has faith in the passage.” "
                "Mr Steele said the blaze was being investigated.")
                .speaker,
            "Bill McAllister");
  // Framed by another verb, the next sentence may still name the speaker.
  EXPECT_EQ(One("Hickok called the slaying “a cold-blooded, vicious murder.” Hickok said the "
                "factors were colossal.")
                .speaker,
            "Hickok");
}

TEST(FindQuotes, AWordThatNamesNobodyIsNoSpeaker) {
  EXPECT_EQ(One("They kept coming. Another adds: “As long as it takes, we will stay!”").speaker,
            "");
  EXPECT_EQ(One("A White House statement on Sunday said, “We believe that it is in all our "
                "interests for Greece to stay.”")
                .speaker,
            "");
  EXPECT_EQ(One("“The rule strengthens the regulations a great deal,” said the Secretary.").speaker,
            "");
  // The end of a longer name.
  EXPECT_EQ(One("Researchers from the Norwegian University of Science and Technology declared "
                "that “EVs exhibit the potential for significant increases in toxicity.”")
                .speaker,
            "");
  // Nor a role in the plural.
  EXPECT_EQ(One("Investigators said: “Torture is on the rise.”").speaker, "");
  EXPECT_EQ(One("Witnesses told reporters: “The building shook for a minute.”").speaker, "");
  EXPECT_EQ(One("Critics said: “The law is an attempt to keep voters away.”").speaker, "");
  EXPECT_EQ(One("Residents told reporters: “The water rose in minutes.”").speaker, "");
  // A surname alone still speaks, a rank's too.
  EXPECT_EQ(One("“I just felt the direction we were going was wrong,” King said.").speaker, "King");
  EXPECT_EQ(One("“The rule strengthens the regulations a great deal,” Kempthorne said.").speaker,
            "Kempthorne");
}

TEST(FindQuotes, RoleInLowerCaseAfterSaidIsNotPartOfTheSpeaker) {
  EXPECT_EQ(One("“The harbour is gone,” said mayor Ines Roca.").speaker, "Ines Roca");
  EXPECT_EQ(One("“We are aware,” said state department spokesman William Ostick.").speaker,
            "William Ostick");
  EXPECT_EQ(One("“Snow is coming,” said forecaster Michael Brennan.").speaker, "Michael Brennan");
  // After a determiner, a name of two words or more.
  EXPECT_EQ(One("“He served for four decades,” said the interim Pope Bakhomious.").speaker,
            "Bakhomious");
  EXPECT_EQ(One("“We have lost everything,” said a tearful Charlie Kafoury.").speaker,
            "Charlie Kafoury");
  EXPECT_EQ(One("“We have lost everything,” said the Hamas leader.").speaker, "");
  EXPECT_EQ(One("A warning means “a tsunami is imminent,” according to the National Oceanic "
                "and Atmospheric Administration.")
                .speaker,
            "");
  // Grammar words end the role: no person is named here.
  EXPECT_EQ(One("“We will not leave,” said residents of Gaza City.").speaker, "");
  EXPECT_EQ(One("“We will not leave,” said protesters Monday.").speaker, "");
}

TEST(FindQuotes, NameBeforeAnAppositiveIsTheSpeaker) {
  EXPECT_EQ(
      One("“We will rebuild the harbour,” John Smith, the port’s chief executive, said.").speaker,
      "John Smith");
  EXPECT_EQ(
      One("Anna Berg, who heads the agency, said: “We are working around the clock.”").speaker,
      "Anna Berg");
  EXPECT_EQ(One("Dr Esam Elsarrag, Director for Research & Development said, “The project "
                "will be a milestone.”")
                .speaker,
            "Esam Elsarrag");
  EXPECT_EQ(One("According to Peter Hall, head of the rescue team, “the first hours were "
                "chaotic.”")
                .speaker,
            "Peter Hall");
  // Or two appositives.
  EXPECT_EQ(
      One("“We did not see it coming,” Laura Chen, 34, who lives by the river, said.").speaker,
      "Laura Chen");
  EXPECT_EQ(
      One("Laura Chen, 34, who lives by the river, said: “We did not see it coming.”").speaker,
      "Laura Chen");
  // The name may be the appositive of a role.
  EXPECT_EQ(
      One("Its chief executive, Dame Barbara Stocking, said: “Oxfam has led the way.”").speaker,
      "Barbara Stocking");
  EXPECT_EQ(One("“A tax rate of 30 percent is the same as 200 percent,” said the spokesman, "
                "Wang Shuai.")
                .speaker,
            "Wang Shuai");
  // A name inside a phrase is not the one speaking.
  EXPECT_EQ(One("Police in Kabul, the capital, said: “Three people died in the blast.”").speaker,
            "");
  EXPECT_EQ(One("In Washington, the president, however, said: “We will not stand by.”").speaker,
            "");
}

TEST(FindQuotes, SpeakerIsThePersonPastAnOfficeOrAnOutlet) {
  EXPECT_EQ(One("“The evidence is there,” CNN's John King said.").speaker, "John King");
  EXPECT_EQ(
      One("Thomas L Friedman of the New York Times writes: “No one can know for sure.”").speaker,
      "Thomas L Friedman");
  EXPECT_EQ(One("Dan Balz at the Washington Post says: “The mandate is uncertain.”").speaker,
            "Dan Balz");
  EXPECT_EQ(
      One("“The fire was set,” Central Mat-Su Fire Department Chief James Steele said.").speaker,
      "James Steele");
  EXPECT_EQ(One("“The road is closed,” Oregon State Police Lt. Gregg Hastings said.").speaker,
            "Gregg Hastings");
  // Not a possessive before one word: that is a name of its own.
  EXPECT_EQ(One("“We will hold a vote,” Donetsk People's Republic said.").speaker,
            "Donetsk People's Republic");
}

TEST(FindQuotes, AccordingTo) {
  Quote q = One("“The summit will be in Asia next year,” according to Mike Pompeo.");
  EXPECT_EQ(q.speaker, "Mike Pompeo");
  Quote r = One("According to Pompeo, “the summit will be in Asia next year.”");
  EXPECT_EQ(r.speaker, "Pompeo");
}

TEST(FindQuotes, SaidBeatsAccordingToTheAgency) {
  Quote q = One("“You have no nuclear testing,” Trump said, according to Reuters.");
  EXPECT_EQ(q.speaker, "Trump");
}

TEST(FindQuotes, StraightQuotes) {
  Quote q = One("\"We are talking about three or four locations,\" Trump told reporters.");
  EXPECT_EQ(q.text, "We are talking about three or four locations");
  EXPECT_EQ(q.speaker, "Trump");
}

// A straight mark right before a comma closes, though a space stands before
// it (texts put through machine translation space their marks so).
TEST(FindQuotes, AStraightMarkBeforeACommaCloses) {
  EXPECT_THAT(
      Texts("\"Riccardo Muti tiene un valor extraordinario en la historia \", dijo el presidente. "
            "\"Es un honor para todos nosotros \", dijo Froschauer."),
      ElementsAre("Riccardo Muti tiene un valor extraordinario en la historia",
                  "Es un honor para todos nosotros"));
}

// A straight mark glued to the full stop before it opens a quote where none
// is open in the paragraph, and closes the one that is.
TEST(FindQuotes, AStraightMarkGluedToAFullStopOpensOrClosesByWhatIsOpen) {
  EXPECT_THAT(Texts("NASA picked them for Mars.\"Congratulations to Scott and Mikhail on their "
                    "selection,\" Bolden said."),
              ElementsAre("Congratulations to Scott and Mikhail on their selection"));
  EXPECT_THAT(Texts("\"Every day without snow, we lose some of that business.\"Everyone wants "
                    "snow, of course, but Vail had a record month."),
              ElementsAre("Every day without snow, we lose some of that business."));
}

// The marks of other languages: „…“ and »…« (German), „…” (Polish, Dutch),
// «…» (French, with narrow no-break spaces inside, Spanish, Swiss German).
// Read the English way, a German closing “ opened a "quote" of everything up
// to the next quotation.
TEST(FindQuotes, QuotationMarksOfOtherLanguages) {
  EXPECT_THAT(Texts("„Wir müssen dieses Wahlergebnis verdauen“, sagte Müller am Abend. Die "
                    "Partei tagt am Montag. „Das ist eine große Aufgabe für uns alle“, sagte sie."),
              ElementsAre("Wir müssen dieses Wahlergebnis verdauen",
                          "Das ist eine große Aufgabe für uns alle"));
  EXPECT_THAT(
      Texts("»Das war ein guter Tag für die Stadt«, sagte der Bürgermeister. Am Abend "
            "hieß es: »Wir feiern heute alle zusammen im Park«."),
      ElementsAre("Das war ein guter Tag für die Stadt", "Wir feiern heute alle zusammen im Park"));
  EXPECT_THAT(Texts("„Nie było żadnych przeszkód dla tej decyzji”, powiedział premier."),
              ElementsAre("Nie było żadnych przeszkód dla tej decyzji"));
  EXPECT_THAT(
      Texts("«\u202FNous déplorons les incidents malheureux\u202F», a déclaré le "
            "président. «\u00A0Nous appelons les acteurs au calme\u00A0», a-t-il ajouté."),
      ElementsAre("Nous déplorons les incidents malheureux", "Nous appelons les acteurs au calme"));
  EXPECT_THAT(Texts("«Die CDU befindet sich in einem Richtungsstreit», sagte er."),
              ElementsAre("Die CDU befindet sich in einem Richtungsstreit"));
}

// How the text places “ and » decides which way they serve, by count: a
// text cut from a page inside a quotation opens with a closing mark, and one
// misplaced mark does not turn a text's marks around.
TEST(FindQuotes, MarksServingBothWaysAreReadByHowTheTextPlacesThem) {
  EXPECT_THAT(Texts("aux historiens pour résoudre », a déclaré Borissov. Puis il a ajouté : « "
                    "Nous devons laisser ces questions aux historiens », devant la presse."),
              ElementsAre("Nous devons laisser ces questions aux historiens"));
  EXPECT_THAT(
      Texts("He said“ nothing. “We will win this election,” Trump said. “It is going to "
            "be a great night for all of us,” he added."),
      ElementsAre("We will win this election", "It is going to be a great night for all of us"));
}

// "he said" in the language ("sagte er", "a-t-il ajouté", "dit-elle", a
// Spanish verb with its subject left out) is the previous speaker.
TEST(FindQuotes, PronounsAndImpliedSubjectsOfOtherLanguages) {
  auto speakers = [](std::string_view text, Language lang) {
    std::vector<std::string> out;
    for (const Quote& q : FindQuotes(text, lang)) out.push_back(q.speaker);
    return out;
  };
  EXPECT_THAT(speakers("„Wir müssen dieses Ergebnis verdauen“, sagte Kogler. „Das ist eine große "
                       "Aufgabe für uns alle“, sagte er.",
                       Language::kGerman),
              ElementsAre("Kogler", "Kogler"));
  EXPECT_THAT(speakers("« Nous déplorons les incidents malheureux », a déclaré Borissov. « Nous "
                       "appelons les acteurs au calme », a-t-il ajouté. « Le vote est terminé "
                       "partout », dit-il.",
                       Language::kFrench),
              ElementsAre("Borissov", "Borissov", "Borissov"));
  EXPECT_THAT(speakers("“Tenemos los medios y la capacidad”, dijo Prescott. “Vamos a ganar esta "
                       "batalla contra el virus”, dijo.",
                       Language::kSpanish),
              ElementsAre("Prescott", "Prescott"));
  // Read as English, none of them is a pronoun.
  EXPECT_THAT(speakers("„Wir müssen dieses Ergebnis verdauen“, sagte Kogler. „Das ist eine große "
                       "Aufgabe für uns alle“, sagte er.",
                       Language::kEnglish),
              ElementsAre("", ""));
}

// In another language the speaker is found after its common speech verbs,
// from a given name on when roles stand before it; English rules alone find
// none there.
TEST(FindQuotes, SpeakersAfterTheSpeechVerbsOfOtherLanguages) {
  auto speaker = [](std::string_view text, Language lang) {
    std::vector<Quote> q = FindQuotes(text, lang);
    EXPECT_THAT(q, SizeIs(1)) << text;
    return q.empty() ? std::string("(none)") : q[0].speaker;
  };
  const std::string_view german =
      "„Wir müssen dieses Wahlergebnis verdauen“, sagte Kanzlerin Angela Merkel am Abend.";
  EXPECT_EQ(speaker(german, Language::kGerman), "Angela Merkel");
  EXPECT_EQ(speaker(german, Language::kEnglish), "");
  EXPECT_EQ(speaker("Kogler sagte: „Das ist eine große Aufgabe für uns alle.“", Language::kGerman),
            "Kogler");
  // German roles are capitalised nouns, often compounds, before the name.
  EXPECT_EQ(speaker("Der Polizeisprecher Markus Dittrich sagte: „Wir suchen weiter nach Zeugen.“",
                    Language::kGerman),
            "Markus Dittrich");
  EXPECT_EQ(speaker("„Die Lage bleibt ernst“, sagte Gesundheitsminister Spahn.", Language::kGerman),
            "Spahn");
  EXPECT_EQ(speaker("« Nous déplorons les incidents malheureux », a déclaré Borissov.",
                    Language::kFrench),
            "Borissov");
  EXPECT_EQ(speaker("“Tenemos los medios y la capacidad”, dijo Prescott.", Language::kSpanish),
            "Prescott");
  EXPECT_EQ(speaker("«Мы проснулись поздно, но теперь мы проснулись», — сказал Свара.",
                    Language::kRussian),
            "Свара");
  // A function word of the language names nobody: "Ha detto" is "has said".
  EXPECT_EQ(speaker("«Lavoreremo con tutti e tre i servizi», ha detto. Ha detto anche altro.",
                    Language::kItalian),
            "");
}

TEST(FindQuotes, QuoteSplitAroundAttributionIsOne) {
  Quote q = One("“I like him,” Trump said, “he likes me.”");
  EXPECT_EQ(q.text, "I like him, he likes me.");
  EXPECT_EQ(q.speaker, "Trump");
}

TEST(FindQuotes, NextSentenceQuoteContinuesTheSpeech) {
  Quote q =
      One("“We’re setting that up right now,” Trump told reporters Tuesday in the Oval "
          "Office. “We’re talking about three or four different locations.”");
  EXPECT_EQ(q.text,
            "We’re setting that up right now. We’re talking about three or four different "
            "locations.");
  EXPECT_EQ(q.speaker, "Trump");
}

TEST(FindQuotes, NextQuoteWithItsOwnAttributionIsSeparate) {
  std::vector<Quote> q = FindQuotes(
      "“We will meet again soon,” Trump said. “It was a very good meeting,” Pompeo said.");
  ASSERT_THAT(q, SizeIs(2));
  EXPECT_EQ(q[0].speaker, "Trump");
  EXPECT_EQ(q[1].speaker, "Pompeo");
}

TEST(FindQuotes, QuoteOverSeveralParagraphs) {
  std::string text =
      "Trump spoke on Tuesday.\n"
      "“We’ve made incredible progress – beyond incredible.\n"
      "\n"
      "“But I have agreed to meet,” Trump said.\n"
      "The talks go on.";
  Quote q = One(text);
  EXPECT_EQ(q.text,
            "We’ve made incredible progress – beyond incredible. But I have agreed to meet");
  EXPECT_EQ(q.speaker, "Trump");
  EXPECT_EQ(text.substr(q.begin, 3), "“");
  EXPECT_EQ(text.substr(q.end - 3, 3), "”");
}

TEST(FindQuotes, UnclosedQuoteStopsAtItsParagraph) {
  std::vector<Quote> q = FindQuotes(
      "Trump said: “We will have lots of meetings on their soil and on ours\n"
      "The talks will go on for a long time, officials in Washington and Seoul expect.\n"
      "Nobody knows where the next summit will be held or who will attend it.");
  ASSERT_THAT(q, SizeIs(1));
  EXPECT_EQ(q[0].text, "We will have lots of meetings on their soil and on ours");
  EXPECT_EQ(q[0].speaker, "Trump");
}

TEST(FindQuotes, RunawayQuoteIsCappedAtThreeParagraphs) {
  std::string text;
  for (int i = 0; i < 10; ++i) text += "“This paragraph opens a quote and never closes it\n";
  std::vector<Quote> q = FindQuotes(text);
  ASSERT_FALSE(q.empty());
  for (const Quote& x : q) {
    EXPECT_LE(std::count(text.begin() + x.begin, text.begin() + x.end, '\n'), 2);
  }
}

TEST(FindQuotes, StrayClosingMarksAndNestingDoNotCrash) {
  // A closing mark with no opening one, an opening mark inside a quote (the
  // first one was never closed), a lone straight mark at the end.
  std::vector<Quote> q = FindQuotes(
      "He left” early. Trump said “we will “win the election this year,” he said. And \"");
  ASSERT_THAT(q, SizeIs(1));
  EXPECT_EQ(q[0].text, "win the election this year");
  EXPECT_THAT(FindQuotes("”””“"), IsEmpty());
  EXPECT_THAT(FindQuotes("\"\"\"\""), IsEmpty());
  EXPECT_THAT(FindQuotes("“”"), IsEmpty());
}

TEST(FindQuotes, EmptyAndQuotelessText) {
  EXPECT_THAT(FindQuotes(""), IsEmpty());
  EXPECT_THAT(FindQuotes("\n\n\n"), IsEmpty());
  EXPECT_THAT(FindQuotes("Trump said the talks went well."), IsEmpty());
}

TEST(FindQuotes, ScareQuotesAndTitlesAreNotQuotes) {
  EXPECT_THAT(FindQuotes("The prime minister called it a “great honour” to attend."), IsEmpty());
  EXPECT_THAT(FindQuotes("Trump had said there was “incredible” progress in the talks."),
              IsEmpty());
  EXPECT_THAT(FindQuotes("He wrote the book “The Art of the Deal” in 1987."), IsEmpty());
}

TEST(FindQuotes, ShortQuoteWithAttributionIsAQuote) {
  Quote q = One("“No comment,” the spokesman said.");
  EXPECT_EQ(q.text, "No comment");
  EXPECT_EQ(q.speaker, "");  // attributed, but to nobody named
}

TEST(FindQuotes, AbbreviatedTitleOrInitialKeepsTheNameWhole) {
  EXPECT_EQ(One("\"We are receiving fractures,\" said Dr. Beatriz Olmos, the hospital's director.")
                .speaker,
            "Beatriz Olmos");
  EXPECT_EQ(One("“Ask not what your country can do for you,” John F. Kennedy said.").speaker,
            "John F. Kennedy");
  EXPECT_EQ(
      One("“The fire did exactly what we feared,” Battalion Chief Marcus Delgado said.").speaker,
      "Marcus Delgado");
  // Two abbreviated titles in a row, as the Los Angeles Times writes them.
  EXPECT_EQ(One("\"This is the crime the death penalty was made for,\" said Dist. Atty. Steve "
                "Cooley.")
                .speaker,
            "Steve Cooley");
  // An abbreviated title cut from its name by a line break names nobody.
  EXPECT_EQ(One("\"This is the crime the death penalty was made for,\" said Dist.\nAtty. Steve "
                "Cooley.")
                .speaker,
            "");
}

TEST(FindQuotes, SpeakerNamedEarlierInTheSentence) {
  Quote q =
      One("Trump said he had spoken at length with the secretary and the two had “a very, "
          "very good meeting.”");
  EXPECT_EQ(q.text, "a very, very good meeting.");
  EXPECT_EQ(q.speaker, "Trump");
  EXPECT_EQ(q.source, SpeakerSource::kSentence);
}

TEST(FindQuotes, WhoStandsForTheNameBeforeIt) {
  // "saying" frames the quote, so an earlier "claims" does not, and "who"
  // is the spokesman named before it.
  EXPECT_EQ(One("Media repeated Hamas claims and a claim by health ministry spokesman Ashraf "
                "al-Qudra who was quoted as saying, \u201cAt least six journalists were "
                "wounded.\u201d")
                .speaker,
            "Ashraf al-Qudra");
  EXPECT_EQ(
      One("The mayor, Ana Ruiz, who said \u201cthe harbour wall held through the night,\u201d "
          "thanked the crews.")
          .speaker,
      "Ana Ruiz");
  EXPECT_EQ(One("Ana Ruiz was quoted as saying: \u201cThe harbour wall held through the "
                "night.\u201d")
                .speaker,
            "Ana Ruiz");
  // Not a place before "who", and not the subject of "..., saying": the
  // main clause's subject is too far for the attribution reader.
  EXPECT_EQ(One("It resonated with Eva Lund, 46, a reviewer in Waltham, who said she voted "
                "because \u201cshe cares about the concerns of everybody.\u201d")
                .speaker,
            "");
  EXPECT_EQ(One("Tonight, Clarence House refused to comment, saying \u201cwe don't want to get "
                "into a debate with Richard Rogers.\u201d")
                .speaker,
            "");
}

TEST(FindQuotes, PartsOfOneSentenceShareItsSpeaker) {
  std::vector<Quote> q = FindQuotes(
      "“As soon as we get it logistically worked out, Chairman Kim said he’s ready” to “allow "
      "them to come in,” and once the arrangements are made “we’ll put them on the ground,” "
      "Pompeo said.");
  ASSERT_THAT(q, SizeIs(3));
  for (const Quote& x : q) EXPECT_EQ(x.speaker, "Pompeo") << x.text;
  EXPECT_EQ(q[2].source, SpeakerSource::kNamed);
}

// A quote that ends with its sentence's full stop, followed by a lead of
// its own (capitals and a colon), starts another sentence: a press review
// quotes one paper after another. A lead with a speech verb still speaks
// for the quote before it in the sentence.
TEST(FindQuotes, AQuoteWithALeadOfItsOwnAfterAFullStopIsAnotherSentence) {
  std::vector<Quote> q = FindQuotes(
      "Luis Carvajal Basto writes: “Venezuela begins a new journey with a weak government.” "
      "Editorial in Ecuador's El Comercio: “Venezuela is not going to be the same any more.”");
  ASSERT_THAT(q, SizeIs(2));
  EXPECT_EQ(q[0].speaker, "Luis Carvajal Basto");
  EXPECT_EQ(q[1].speaker, "");
  q = FindQuotes(
      "She voted for Ms. Warren because “she cares about the financial concerns of everybody.” "
      "And, Ms. Lear added, “I feel she’s pretty scrappy and I really like that.”");
  ASSERT_THAT(q, SizeIs(2));
  EXPECT_EQ(q[0].speaker, "Lear");
  EXPECT_EQ(q[1].speaker, "Lear");
}

TEST(FindQuotes, PronounTakesThePreviousQuotesSpeaker) {
  std::vector<Quote> q = FindQuotes(
      "“You have no nuclear testing,” Trump said, according to Reuters.\n\n"
      "“But I have agreed to meet,” he said.");
  ASSERT_THAT(q, SizeIs(2));
  EXPECT_EQ(q[1].speaker, "Trump");
  EXPECT_EQ(q[1].source, SpeakerSource::kPronoun);
}

TEST(FindQuotes, AQuoteParagraphGoesOnWithTheSpeakerOfTheParagraphBefore) {
  std::vector<Quote> q = FindQuotes(
      "“It’s Jim Lehrer’s fault,” said Miguel Perez, a columnist who writes about Latino "
      "issues.\n\n"
      "“Lehrer didn’t go anywhere near Latino issues, voting rights, immigration.”\n\n"
      "“Nor did the candidates, who had every chance to.”");
  ASSERT_THAT(q, SizeIs(3));
  EXPECT_EQ(q[1].speaker, "Miguel Perez");
  EXPECT_EQ(q[1].source, SpeakerSource::kContinued);
  EXPECT_EQ(q[2].speaker, "Miguel Perez");  // and on
}

TEST(FindQuotes, AQuoteParagraphAfterOtherWordsNamesNobody) {
  // The paragraph before goes on past its attribution: anyone may speak next.
  std::vector<Quote> q = FindQuotes(
      "“It’s Jim Lehrer’s fault,” said Miguel Perez. His rival, Ana Ruiz, disagreed.\n\n"
      "“Nobody could have asked more of a moderator in ninety minutes.”");
  ASSERT_THAT(q, SizeIs(2));
  EXPECT_EQ(q[1].speaker, "");
  // Or ends with narrative after a quote with no attribution of its own.
  q = FindQuotes(
      "Miguel Perez said the debate was “a wasted chance for every voter.” Then the hall "
      "emptied.\n\n"
      "“Nobody could have asked more of a moderator in ninety minutes.”");
  ASSERT_THAT(q, SizeIs(2));
  EXPECT_EQ(q[1].speaker, "");
  // A quote inside a paragraph is not a paragraph of quotation.
  q = FindQuotes(
      "“It’s Jim Lehrer’s fault,” said Miguel Perez.\n\n"
      "The moderator called it “a debate about the economy, as agreed in advance.”");
  ASSERT_THAT(q, SizeIs(2));
  EXPECT_NE(q[1].source, SpeakerSource::kContinued);
}

TEST(FindQuotes, ASpeechParticipleGivesTheQuoteToTheSentencesSubject) {
  Quote q =
      One("Mr Miliband offered his own congratulations, tweeting: “Great victory based on building "
          "a fairer economy.”");
  EXPECT_EQ(q.speaker, "Miliband");
  q = One("Obama defended the decision, saying “we had no choice but to act quickly here.”");
  EXPECT_EQ(q.speaker, "Obama");
  // Past a short opening phrase set off by a comma.
  q =
      One("On Monday, Mr. Dobkin called the shooting a worrying step, saying, “Now we are "
          "seeing the blacker things in life.”");
  EXPECT_EQ(q.speaker, "Dobkin");
  // A quote that ends the sentence before ends it: the next one's subject
  // speaks, not the speaker of the quote before.
  std::vector<Quote> two = FindQuotes(
      "In Brigantine, Mr. Obama said, “We are going to be here for the long haul.” Mr. Christie "
      "thanked the president for his visit, saying, “It’s really important to have the "
      "president here.”");
  ASSERT_THAT(two, SizeIs(2));
  EXPECT_EQ(two[0].speaker, "Obama");
  EXPECT_EQ(two[1].speaker, "Christie");
  // A name after the sentence's first words is its subject, not those words.
  q = One(
      "Coptic activist Peter Naggar welcomed the choice, adding: “He is not the kind of man who "
      "would compromise our rights.”");
  EXPECT_NE(q.speaker, "Coptic");
  // And a subject that is no name gives no speaker.
  q = One("The mayor spoke on Monday, adding: “We will rebuild every single home that was lost.”");
  EXPECT_EQ(q.speaker, "");
}

TEST(FindQuotes, PronounTakesTheOnePersonNamedBefore) {
  Quote q =
      One("President Donald Trump arrived in Iowa on Monday for a rally.\n"
          "“We are going to win big,” he told the crowd.");
  EXPECT_EQ(q.speaker, "Donald Trump");
  EXPECT_EQ(q.source, SpeakerSource::kPronoun);
}

TEST(FindQuotes, PronounTakesASurnameThatSpokeJustBefore) {
  Quote q =
      One("Bajaj said a seven-member team was carrying out checks at the plant.\n"
          "“We will then review the report,” he said.");
  EXPECT_EQ(q.speaker, "Bajaj");
}

TEST(FindQuotes, PronounTakesAFullNameSetOffByCommasBeforeTheVerb) {
  // As galaxy_big writes it: the name is a speaker's by "Posada said" below,
  // and it speaks just before the quote, set off by commas.
  Quote q =
      One("Another scientist from the centre, Jairo Rivera Posada, said the starfish had done "
          "more damage than bleaching.\n"
          "“There were massive outbreaks in many countries,” he said.\n"
          "Posada said other methods were slower.");
  EXPECT_EQ(q.speaker, "Jairo Rivera Posada");
  EXPECT_EQ(q.source, SpeakerSource::kPronoun);
}

TEST(FindQuotes, PronounDoesNotTakeAPersonDescribedByNationality) {
  // As wikiref writes it: "an unnamed Iranian" describes the speaker and
  // names nobody, so "he" stays unnamed.
  Quote q = One(
      "An unnamed Iranian, who met both passengers in Malaysia, has spoken to the BBC's Persian "
      "service.\n\n"
      "“One of the two was my friend from high school,” he told BBC Persian on Monday.");
  EXPECT_EQ(q.speaker, "");
  // An article further back with a preposition between is no description.
  Quote p =
      One("The violence was a blow to Prime Minister George Papandreou's plans. Papandreou "
          "expressed shock at the deaths.\n\n"
          "“We are deeply shocked by the unjust death of these three people,” he told parliament.");
  EXPECT_THAT(p.speaker, HasSubstr("Papandreou"));
}

TEST(FindQuotes, PronounDoesNotTakeACountryThatSpokeElsewhere) {
  // "Syria says" at the top gives "Syria" the evidence of a speaker; by the
  // "he said", Syria is only a place in the sentence, and "he" is the
  // unnamed representative.
  Quote q =
      One("A letter from groups working in Syria says aid is not reaching civilians.\n\n"
          "Aid trucks crossed the border on Monday.\n\n"
          "Russia has shielded its ally on the council during the war.\n\n"
          "A representative of a group that works in Syria and neighboring countries spoke "
          "to reporters.\n\n"
          "“That's a concern at the moment, that a lack of coordination does harm,” he said.");
  EXPECT_EQ(q.speaker, "");
}

TEST(FindQuotes, PronounResolvesTheSameOnALongPageOfNames) {
  // 400 titled persons and 400 places: past the scans' budget the names
  // are matched through hashes, and "Berg399" is still Dr. Anna Berg399,
  // a person, the one named before "he".
  std::string text;
  for (int i = 0; i < 400; ++i) {
    text += "Dr. Anna Berg" + std::to_string(i) + " visited Springfield" + std::to_string(i) +
            " on Monday.\n\n";
  }
  text += "Berg399 arrived later. Berg399 looked tired. “We will do it again next year,” he said.";
  std::vector<Quote> q = FindQuotes(text);
  ASSERT_THAT(q, SizeIs(1));
  EXPECT_EQ(q[0].speaker, "Berg399");
  EXPECT_EQ(q[0].source, SpeakerSource::kPronoun);
}

TEST(FindQuotes, PronounAfterAHundredNamesStaysEmpty) {
  // Since the previous speaker, in one paragraph, 100 other names: "he" is
  // not clear, and the names are not all compared for every pronoun.
  std::string text = "“We start now,” Mary Smith said, and";
  for (int i = 0; i < 50; ++i) {
    text += " Anna Berg" + std::to_string(i) + " met Carl Dorn" + std::to_string(i) + " and";
  }
  text += " “we will finish the plan by the end of the year,” he said.";
  std::vector<Quote> q = FindQuotes(text);
  ASSERT_THAT(q, SizeIs(2));
  EXPECT_EQ(q[0].speaker, "Mary Smith");
  EXPECT_EQ(q[1].speaker, "");
}

TEST(FindQuotes, PronounAfterTwoPeopleStaysEmpty) {
  Quote q =
      One("President Donald Trump met Secretary of State Mike Pompeo on Monday.\n"
          "“We had a very good talk about the summit,” he said.");
  EXPECT_EQ(q.speaker, "");
  EXPECT_EQ(q.source, SpeakerSource::kPronoun);
}

TEST(FindQuotes, PronounAfterAnotherPersonThanThePreviousSpeakerStaysEmpty) {
  std::vector<Quote> q = FindQuotes(
      "“We will meet again,” Trump said.\n"
      "Secretary of State Mike Pompeo flew to Pyongyang on Sunday.\n"
      "“It was a productive visit for everyone,” he said.");
  ASSERT_THAT(q, SizeIs(2));
  EXPECT_EQ(q[1].speaker, "");
}

// "He" and "she" take no name given to the other sex and no body's name.
TEST(FindQuotes, PronounTakesNoNameOfTheOtherSexNorABody) {
  std::vector<Quote> q = FindQuotes(
      "“A lot of people do not have IDs,” said Charles Warner, a voter.\n\n"
      "Stephanie Singer disagrees with Warner.\n\n"
      "“The purpose of the law is to suppress the vote,” she said.");
  ASSERT_THAT(q, SizeIs(2));
  EXPECT_EQ(q[1].speaker, "");
  q = FindQuotes(
      "“A lot of people do not have IDs,” said Charles Warner, a voter.\n\n"
      "“The purpose of the law is to suppress the vote,” he said.");
  ASSERT_THAT(q, SizeIs(2));
  EXPECT_EQ(q[1].speaker, "Charles Warner");
  q = FindQuotes(
      "The Administrative Appeals Chamber said it was in the public interest “for there to be "
      "transparency”.\n\nHe said that “in my view it is of benefit to the prince”.");
  ASSERT_THAT(q, SizeIs(2));
  EXPECT_EQ(q[1].speaker, "");
}

TEST(FindQuotes, PronounTakesTheOtherPersonWhoSpokeSinceThePreviousQuote) {
  std::vector<Quote> q = FindQuotes(
      "“We will meet again,” Trump said.\n"
      "Secretary of State Mike Pompeo, who flew to Pyongyang on Sunday, said the talks went "
      "well.\n"
      "“It was a productive visit for everyone,” he said.");
  ASSERT_THAT(q, SizeIs(2));
  EXPECT_EQ(q[1].speaker, "Mike Pompeo");
  EXPECT_EQ(q[1].source, SpeakerSource::kPronoun);
  // Only a person: a country that "said" is not a "he".
  std::vector<Quote> r = FindQuotes(
      "“We will meet again,” Trump said.\n"
      "Israel said it would wait for the talks to end.\n"
      "“It was a productive visit for everyone,” he said.");
  ASSERT_THAT(r, SizeIs(2));
  EXPECT_EQ(r[1].speaker, "");
}

TEST(FindQuotes, PronounWithNobodyNamedStaysEmpty) {
  Quote q = One("“It is a long way to the summit,” she said.");
  EXPECT_EQ(q.speaker, "");
}

TEST(FindQuotes, NamesInsideQuotesAreNotSpeakers) {
  Quote q = One("“We have a very good relationship with Chairman Kim,” he said.");
  EXPECT_EQ(q.speaker, "");
}

// The founding example (../shared/seeds), through the text cleaner as the
// engine sees it.
std::string Seed(const std::string& prefix) {
  fs::path dir = fs::path(STORYLINE_SOURCE_DIR) / ".." / "shared" / "seeds";
  if (!fs::is_directory(dir)) return {};
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().filename().string().starts_with(prefix)) {
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      return extract::CleanPlainText(ss.str()).text;
    }
  }
  return {};
}

const Quote* FindContaining(const std::vector<Quote>& q, std::string_view words) {
  for (const Quote& x : q) {
    if (x.text.find(words) != std::string::npos) return &x;
  }
  return nullptr;
}

TEST(FindQuotes, Seed004SharedQuoteIsTrumps) {
  std::string text = Seed("004_");
  if (text.empty()) GTEST_SKIP() << "no founding example in ../shared/seeds";
  std::vector<Quote> q = FindQuotes(text);
  const Quote* like = FindContaining(q, "I like him");
  ASSERT_NE(like, nullptr);
  EXPECT_EQ(like->text, "I like him, he likes me, the relationship is good");
  EXPECT_EQ(like->speaker, "Trump");
  const Quote* progress = FindContaining(q, "we made significant progress");
  ASSERT_NE(progress, nullptr);
  EXPECT_EQ(progress->speaker, "Pompeo");
  const Quote* leave = FindContaining(q, "leave right now");
  ASSERT_NE(leave, nullptr);
  EXPECT_EQ(leave->speaker, "Trump");
  // The scare quote "made incredible progress" (three words in reported
  // speech) is not a quote of its own.
  EXPECT_EQ(FindContaining(q, "made incredible progress"), nullptr);
  for (const Quote& x : q) EXPECT_FALSE(x.speaker.empty()) << x.text;
}

TEST(FindQuotes, Seed000SharedQuoteIsResolvedToTrump) {
  std::string text = Seed("000_");
  if (text.empty()) GTEST_SKIP() << "no founding example in ../shared/seeds";
  std::vector<Quote> q = FindQuotes(text);
  ASSERT_THAT(q, SizeIs(2));
  EXPECT_EQ(q[0].speaker, "Trump");
  EXPECT_EQ(q[0].source, SpeakerSource::kNamed);
  // "“We’ve made … beyond incredible.¶“But I have agreed to meet,” he said.
  // “We have … I like him, he likes me, the relationship is good.”": one
  // quote over two paragraphs, "he" being the Trump of the quote before.
  EXPECT_THAT(q[1].text, HasSubstr("I like him, he likes me, the relationship is good"));
  EXPECT_THAT(q[1].text, HasSubstr("beyond incredible. But I have agreed to meet. We have"));
  EXPECT_EQ(q[1].speaker, "Trump");
  EXPECT_EQ(q[1].source, SpeakerSource::kPronoun);
}

}  // namespace
}  // namespace storyline::text
