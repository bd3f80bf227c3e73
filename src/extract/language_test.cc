#include "extract/language.h"

#include <gtest/gtest.h>

namespace storyline::extract {
namespace {

constexpr std::string_view kFrench =
    "Le gouvernement a présenté mercredi un projet de loi sur le renseignement, qui a été "
    "massivement approuvé par les députés à l'Assemblée nationale après plusieurs semaines de "
    "débats parfois vifs entre la majorité et l'opposition sur la surveillance des citoyens.";

constexpr std::string_view kEnglish =
    "The government presented a bill on intelligence on Wednesday, which was approved by a large "
    "majority of members of parliament after several weeks of sometimes heated debate between "
    "the majority and the opposition about the surveillance of citizens.";

TEST(Language, TextWinsWhenItDisagreesWithTheDeclaration) {
  EXPECT_EQ(DetectLanguage(kFrench, "en-US"), "fr");
  EXPECT_EQ(DetectLanguage(kEnglish, "de"), "en");
}

TEST(Language, AgreesWithDeclarationAndTld) {
  EXPECT_EQ(DetectLanguage(kFrench, "fr-FR", "https://www.lemonde.fr/a"), "fr");
  EXPECT_EQ(DetectLanguage(kEnglish, ""), "en");
}

TEST(Language, ShortTextFallsBackToTheDeclaredTag) {
  EXPECT_EQ(DetectLanguage("Bonjour", "en-GB"), "en");
  EXPECT_EQ(DetectLanguage("", "pt_BR"), "pt");
  EXPECT_EQ(DetectLanguage("12 34", ""), "");
}

TEST(Language, ChineseInEitherScriptIsZh) {
  EXPECT_EQ(DetectLanguage("宇航员在太空中喝酒会怎么样？后果很严重。科学家表示，在失重环境下，酒精"
                           "对人体的影响与地面上不同，"
                           "宇航员的身体会出现各种各样的问题，因此航天机构一般禁止在太空中饮酒。",
                           ""),
            "zh");
  EXPECT_EQ(DetectLanguage("x", "zh-Hant-TW"), "zh");
}

TEST(Language, PrimaryTagNormalises) {
  EXPECT_EQ(PrimaryLanguageTag("en-GB"), "en");
  EXPECT_EQ(PrimaryLanguageTag(" FR_fr"), "fr");
  EXPECT_EQ(PrimaryLanguageTag("iw"), "he");
  EXPECT_EQ(PrimaryLanguageTag("x"), "");
  EXPECT_EQ(PrimaryLanguageTag("12"), "");
}

TEST(Language, ATextWithoutATagIsReadForItsLanguage) {
  EXPECT_EQ(TextLanguage("The port of Calais closed for a second day on Tuesday as the storm went "
                         "on, and lorries queued for miles on the motorway to the town. It is the "
                         "worst storm in years, the mayor said."),
            "en");
  EXPECT_EQ(TextLanguage("Der Bundestag hat am Donnerstag ein neues Gesetz zur Förderung der "
                         "Windenergie beschlossen. Die Abgeordneten der Koalition stimmten für "
                         "den Entwurf, die Opposition dagegen. Das Gesetz soll den Ausbau der "
                         "Windkraft an Land beschleunigen und die Genehmigungsverfahren "
                         "verkürzen."),
            "de");
  EXPECT_EQ(TextLanguage("El Gobierno aprobó el martes una nueva ley de vivienda que limita los "
                         "precios del alquiler en las zonas tensionadas, según informó el "
                         "ministerio, que espera que la norma entre en vigor antes del verano."),
            "es");
  EXPECT_EQ(TextLanguage("Storm."), "");
}

}  // namespace
}  // namespace storyline::extract
