// Relation extraction: one table per pattern, French and English, with traps
// (negation, questions, reported speech, lists).
#include <gtest/gtest.h>

#include "test_util.h"

namespace kg {
namespace {

using testing::Extract;
using testing::Relations;
using Triple = std::tuple<std::string, std::string, std::string>;

struct Case {
  const char* text;
  std::vector<Triple> expected;
  std::vector<std::pair<std::string, std::string>> unrelated;  // no stated relation either way
};

void RunCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    auto r = Extract(c.text);
    auto rels = Relations(r);
    for (const auto& t : c.expected) {
      EXPECT_TRUE(rels.count(t)) << c.text << "\n  missing " << std::get<0>(t) << " -" << std::get<1>(t) << "-> "
                                 << std::get<2>(t);
    }
    for (const auto& [a, b] : c.unrelated) {
      for (const auto& t : rels) {
        bool same = (std::get<0>(t) == a && std::get<2>(t) == b) || (std::get<0>(t) == b && std::get<2>(t) == a);
        EXPECT_FALSE(same) << c.text << "\n  unexpected " << a << " -" << std::get<1>(t) << "- " << b;
      }
    }
  }
}

TEST(RelationsTest, VerbsWithAuxiliariesAndModals) {
  RunCases({
      {"DeepSeek utilise le NVIDIA H800.", {{"DeepSeek", "utiliser", "H800"}}, {}},
      {"Donald Trump a menacé TSMC de taxes douanières.", {{"Donald Trump", "menacer", "TSMC"}}, {}},
      {"Le fondeur SMIC est parvenu à graver les puces de Huawei.", {{"SMIC", "graver", "Huawei"}}, {}},
      {"Huawei a tenté de contourner Washington.", {{"Huawei", "contourner", "Washington"}}, {}},
      {"Microsoft va investir dans OpenAI.", {{"Microsoft", "investir", "OpenAI"}}, {}},
      {"Microsoft acquired Activision.", {{"Microsoft", "acquire", "Activision"}}, {}},
      // An English modal before an auxiliary: the auxiliary's chain ("will be bought", "would have acquired").
      {"Activision will be bought by Microsoft next year, the company said.", {{"Microsoft", "buy", "Activision"}}, {}},
      {"Google would have acquired Fitbit without the regulators.", {{"Google", "acquire", "Fitbit"}}, {}},
      // After a relative clause, its antecedent is the subject again.
      {"TSMC, which makes chips for Nvidia, also supplies Apple.", {{"TSMC", "make", "Nvidia"}, {"TSMC", "supply", "Apple"}},
       {{"Nvidia", "Apple"}}},
      // English nouns that look like verbs.
      {"DeepSeek, backed by hedge fund High-Flyer, released R1.",
       {{"High-Flyer", "back", "DeepSeek"}, {"DeepSeek", "release", "R1"}}, {}},
      {"Les États-Unis ont en effet imposé des restrictions vers la Chine.", {{"États-Unis", "imposer", "Chine"}}, {}},
  });
}

TEST(RelationsTest, PassiveAndCoordination) {
  RunCases({
      {"DeepSeek, soutenu par le fonds High-Flyer, a lancé R1.", {{"High-Flyer", "soutenir", "DeepSeek"}}, {}},
      {"Oracle, OpenAI et SoftBank vont investir dans Stargate.",
       {{"Oracle", "investir", "Stargate"}, {"OpenAI", "investir", "Stargate"}, {"SoftBank", "investir", "Stargate"}},
       {}},
      {"TSMC a été sanctionnée par Washington.", {{"Washington", "sanctionner", "TSMC"}}, {}},
  });
}

TEST(RelationsTest, NounPhrases) {
  RunCases({
      {"Il a testé l’IA o1 d’OpenAI.", {{"o1", "produit_de", "OpenAI"}}, {}},
      {"Le Llama 3 de Meta a nécessité 30 millions d’heures.", {{"Llama 3", "produit_de", "Meta"}}, {}},
      {"Roy Chua, fondateur du cabinet AvidThink, doute.", {{"Roy Chua", "fonder", "AvidThink"}}, {}},
      {"ByteDance, la maison mère de TikTok, recule.", {{"ByteDance", "maison_mère_de", "TikTok"}}, {}},
      // A person is no maison mère: family roles.
      {"Cécile Noyer, la mère d'Arthur Noyer, témoigne.", {{"Cécile Noyer", "mère_de", "Arthur Noyer"}}, {}},
      {"DeepSeek, basée à Canton, grandit.", {{"DeepSeek", "situé_à", "Canton"}}, {}},
      {"Le patron d’OpenAI, Sam Altman, a réagi.", {{"Sam Altman", "diriger", "OpenAI"}}, {}},
      {"Il est premier sur l’App Store américain d’Apple.", {{"App Store", "produit_de", "Apple"}}, {}},
      {"Scott Raynovich, fondateur et analyste du cabinet de recherche Futuriom, doute.",
       {{"Scott Raynovich", "fonder", "Futuriom"}}, {}},
      {"Les tensions entre Washington et Pékin montent.", {{"Washington", "tension_avec", "Pékin"}}, {}},
      {"Larry Ellison (Oracle) était présent.", {{"Larry Ellison", "affilié_à", "Oracle"}}, {}},
      // A town, a comma, the region it is in; not a list of places.
      {"Un tag a été découvert à La Ciotat, dans les Bouches-du-Rhône, lundi.",
       {{"La Ciotat", "situé_à", "Bouches-du-Rhône"}}, {}},
      {"Il a été interpellé à Caussade, dans le département du Tarn-et-Garonne.",
       {{"Caussade", "situé_à", "Tarn-et-Garonne"}}, {}},
      {"Les morts sont bien comptés à New York, dans le Massachusetts ou le Minnesota.", {},
       {{"New York", "Massachusetts"}}},
      {"Il les a reçues à Manhattan, en Floride, au Nouveau-Mexique.", {}, {{"Manhattan", "Floride"}}},
  });
}

TEST(RelationsTest, Traps) {
  RunCases({
      // Negation: not a racheter relation.
      {"Microsoft n’a pas racheté OpenAI.", {}, {{"Microsoft", "OpenAI"}}},
      // Question.
      {"DeepSeek a-t-il copié OpenAI ?", {}, {{"DeepSeek", "OpenAI"}}},
      // Reported speech: the speaker is not related to the content's object.
      {"Donald Trump a déclaré que Nvidia devait payer.", {}, {{"Donald Trump", "Nvidia"}}},
      // An inserted attribution with the speaker after the verb.
      {"Renault va fermer l’usine de Flins, a indiqué Bruno Le Maire.", {}, {{"Renault", "Bruno Le Maire"}}},
      // An apposition is not a list: only the name next to the verb acts.
      {"L’ambassadeur en Tunisie, Olivier Poivre d’Arvor, a annoncé la nouvelle sur Facebook.", {},
       {{"Tunisie", "Facebook"}}},
      // French readings of English words are no verbs ("due": devoir, "refused": refuser).
      {"Nyerere was due to be presented with a prize by the Lay Volunteers ' International Organisation on Sunday .",
       {}, {{"Lay Volunteers", "Nyerere"}}},
      // English speech.
      {"Sam Altman, OpenAI's chief executive, said DeepSeek's R1 was impressive.", {}, {{"Sam Altman", "DeepSeek"}}},
  });
}

TEST(RelationsTest, CooccurrenceNeverMasksARelation) {
  auto r = Extract("DeepSeek utilise le NVIDIA H800 avec Alibaba.");
  bool rel = false, cooc_same_pair = false;
  for (const auto& x : r.relations) {
    std::string a = r.entities[x.source].label, b = r.entities[x.target].label;
    if (a == "DeepSeek" && b == "H800" && x.kind == EdgeKind::kRelation) rel = true;
    if (((a == "DeepSeek" && b == "H800") || (a == "H800" && b == "DeepSeek")) && x.kind == EdgeKind::kCooccurrence) {
      cooc_same_pair = true;
    }
  }
  EXPECT_TRUE(rel);
  EXPECT_FALSE(cooc_same_pair);
}

}  // namespace
}  // namespace kg
