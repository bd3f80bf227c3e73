#include "text/languages.h"

#include <array>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "extract/language.h"
#include "text/tokenizer.h"

namespace storyline::text {
namespace {

struct LanguageFacts {
  std::string_view tag;
  std::string_view stemmer;  // libstemmer's name; "" for none
  // Function words as written; folded (Fold()) when the set is built. From
  // the Snowball project's stop lists (snowballstem.org, BSD licence) where
  // it has one, trimmed to the commonest, with each language's "said".
  std::string_view words;
};

// Indexed by Language.
constexpr std::array<LanguageFacts, kLanguages> kFacts = {{
    {"en", "english", ""},
    {"de", "german",
     "aber alle allem allen aller alles als also am an andere anderen anderer anderes auch auf "
     "aus bei beim bin bis bist da damit dann das dass daß dem den denn der des dessen die dies "
     "diese diesem diesen dieser dieses doch dort du durch ein eine einem einen einer eines er es "
     "etwa etwas euch euer eure für gegen gewesen hab habe haben hat hatte hatten hier hin "
     "hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in ins ist jede jedem jeden "
     "jeder jedes jetzt kann kein keine keinem keinen keiner können könnte man mehr mein meine "
     "meinem meinen meiner mich mir mit muss musste nach nicht nichts noch nun nur ob oder ohne "
     "schon sehr sein seine seinem seinen seiner seines seit selbst sich sie sind so soll sollen "
     "sollte sondern sowie über um und uns unser unsere unter viel vom von vor während war waren "
     "was weil weiter welche welchem welchen welcher welches wenn wer werde werden wie wieder "
     "will wir wird wo wollen wollte würde würden zu zum zur zwar zwischen sagte sagt laut"},
    {"fr", "french",
     "au aux avec ce ces dans de des du elle elles en et eux il ils je la le les leur leurs lui "
     "ma mais me même mes moi mon ne nos notre nous on ou où par pas pour qu que qui sa se ses "
     "son sur ta te tes toi ton tu un une vos votre vous à été être est sont était étaient sera "
     "seront serait ai as avons avez ont avait avaient aura auront aurait eu a ceci cela cet "
     "cette ici sans soi plus comme aussi tout tous toute toutes entre après avant depuis selon "
     "lors dont très y si leur quel quelle quels quelles dit déclaré"},
    {"es", "spanish",
     "de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya "
     "o este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde "
     "todo nos durante todos uno les ni contra otros ese eso ante ellos e esto mí antes algunos "
     "qué unos yo otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella "
     "estar estas algunas algo nosotros mi mis tú te ti tu tus ellas vosotros os esos esas estoy "
     "está estamos están es son fue fueron era eran ser sido ha han he hemos había habían haber "
     "tiene tienen tenía tener hace hacer dijo según"},
    {"it", "italian",
     "ad al allo ai agli all alla alle con col coi da dal dallo dai dagli dall dalla dalle di "
     "del dello dei degli dell della delle in nel nello nei negli nell nella nelle su sul sullo "
     "sui sugli sull sulla sulle per tra fra contro io tu lui lei noi voi loro mio mia miei mie "
     "tuo tua suo sua suoi sue nostro nostra nostri nostre mi ti ci vi lo la li le gli ne il un "
     "uno una ma ed se perché anche come dove che chi cui non più quale quanto quello quelli "
     "quella quelle questo questi questa queste si tutto tutti a e i o è sono era erano essere "
     "stato stata stati ha hanno ho abbiamo aveva avevano avere fa fare detto"},
    {"pt", "portuguese",
     "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao "
     "ele das tem à seu sua ou ser quando muito há nos já está eu também só pelo pela até isso "
     "ela entre era depois sem mesmo aos ter seus quem nas me esse eles estão você tinha foram "
     "essa num nem suas meu às minha têm numa pelos elas havia seja qual será nós lhe deles "
     "essas esses pelas este fosse dele te vocês lhes meus minhas nosso nossa nossos nossas "
     "dela delas esta estes estas aquele aquela aqueles aquelas isto aquilo são disse segundo"},
    {"nl", "dutch",
     "de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar "
     "om hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar "
     "haar naar heb hoe heeft hebben deze u want nog zal me zij nu geen omdat iets worden toch "
     "al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie "
     "werd altijd wordt kunnen ons zelf tegen na wil kon niets uw iemand geweest andere zei"},
    {"tr", "turkish",
     "acaba ama ancak aslında ayrıca az bazı belki bile bir biri birkaç bu buna bunu bunun çok "
     "çünkü da daha de defa diye eğer en gibi göre hem hep hepsi her hiç için ile ise kadar kez "
     "ki kim mı mi mu mü nasıl ne neden nerede niçin niye o olan olarak oldu olduğu olduğunu "
     "ona onu onun sanki sonra şey şekilde siz şu tüm ve veya ya yani biz ben sen onlar dedi"},
    {"ru", "russian",
     "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только "
     "ее мне было вот от меня еще нет о из ему теперь когда даже ну ли если уже или ни быть "
     "был него до вас опять уж вам ведь там потом себя ничего ей может они тут где есть надо "
     "ней для мы тебя их чем была сам чтоб без чего раз тоже себе под будет ж тогда кто этот "
     "того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были "
     "куда зачем всех никогда можно при об другой хоть после над больше тот через эти нас про "
     "всего них какая много разве эту моя свою этой перед им более всегда всю между также это "
     "заявил сообщил"},
    {"ar", "arabic",
     "في من على إلى عن أن إن مع هذا هذه ذلك التي الذي الذين كان كانت قد لا ما لم لن هو هي هم "
     "كما أو ثم بين بعد قبل حتى عند كل أي غير إلا منذ خلال حيث قال وقال وفي ومن وعلى أيضا "
     "وكان ضد لدى إذا عليه عليها فيه فيها منه منها به بها له لها تلك وهو وهي هناك"},
}};

using WordSet = absl::flat_hash_set<std::string>;

const std::array<WordSet, kLanguages>& Sets() {
  static const auto* sets = [] {
    auto* s = new std::array<WordSet, kLanguages>;
    for (std::size_t l = 0; l < kLanguages; ++l) {
      const std::string_view words = kFacts[l].words;
      for (std::size_t at = 0; at < words.size();) {
        const std::size_t end = std::min(words.find(' ', at), words.size());
        if (end > at) (*s)[l].insert(Fold(words.substr(at, end - at)));
        at = end + 1;
      }
    }
    return s;
  }();
  return *sets;
}

}  // namespace

Language LanguageOf(std::string_view tag) {
  const std::string primary = extract::PrimaryLanguageTag(tag);
  for (std::size_t l = 0; l < kLanguages; ++l) {
    if (kFacts[l].tag == primary) return static_cast<Language>(l);
  }
  return Language::kEnglish;
}

std::string_view StemmerName(Language lang) {
  return kFacts[static_cast<std::size_t>(lang)].stemmer;
}

bool IsStopWordIn(Language lang, std::string_view folded) {
  const WordSet& set = Sets()[static_cast<std::size_t>(lang)];
  return set.contains(absl::string_view(folded.data(), folded.size()));
}

}  // namespace storyline::text
