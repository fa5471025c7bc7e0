// Syntax: CoNLL-U reading and writing, model files (errors), training
// determinism on a tiny treebank, and parses of the constructions relation
// finding depends on, with the committed models.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "kg/base/atomic_file.h"
#include "kg/extract/conllu.h"
#include "kg/extract/morphology.h"
#include "kg/extract/syntax.h"
#include "kg/extract/syntax_trainer.h"

namespace kg {
namespace {

std::string TinyPath() { return std::string(KG_TESTS_DIR) + "/syntax/tiny-fr.conllu"; }

TEST(ConlluTest, ReadsWordsTokensAndWritesThemBack) {
  auto s = ReadConllu(TinyPath());
  ASSERT_TRUE(s.ok()) << s.status().message();
  ASSERT_EQ(s->size(), 5u);
  const UdSentence& second = (*s)[1];
  ASSERT_EQ(second.words.size(), 7u);
  ASSERT_EQ(second.tokens.size(), 1u);
  EXPECT_EQ(second.tokens[0].form, "du");
  EXPECT_EQ(second.words[2].form, "de");
  EXPECT_EQ(second.words[1].head, 6);
  std::string out;
  AppendConllu(second, &out);
  auto again = ParseConllu(out, "round trip");
  ASSERT_TRUE(again.ok());
  std::string out2;
  AppendConllu((*again)[0], &out2);
  EXPECT_EQ(out, out2);
}

TEST(ConlluTest, MalformedLinesNameTheLine) {
  struct Case { std::string text, error; };
  const Case cases[] = {
      {"1\ta\tb\n", "x:1: expected 10 tab-separated columns, found 3"},
      {"2\ta\ta\tX\t_\t_\t0\troot\t_\t_\n", "x:1: word id \"2\" out of sequence"},
      {"1\ta\ta\tX\t_\t_\tzz\troot\t_\t_\n", "x:1: bad head \"zz\""},
      {"# c\n1\ta\ta\tX\t_\t_\t5\troot\t_\t_\n", "x: a head points past its sentence"},
  };
  for (const Case& c : cases) {
    auto s = ParseConllu(c.text, "x");
    ASSERT_FALSE(s.ok()) << c.text;
    EXPECT_EQ(s.status().message(), c.error);
  }
}

TrainOptions TinyOptions() {
  TrainOptions o;
  o.language = "fr";
  o.tagger_epochs = 3;
  o.parser_epochs = 3;
  o.labeller_epochs = 2;
  return o;
}

TEST(SyntaxTrainingTest, SameDataSameModelBytes) {
  auto data = ReadConllu(TinyPath());
  ASSERT_TRUE(data.ok());
  auto morphology = Morphology::Empty();
  auto a = TrainSyntax(*data, *data, TinyOptions(), morphology.get());
  auto b = TrainSyntax(*data, *data, TinyOptions(), morphology.get());
  ASSERT_TRUE(a.ok() && b.ok());
  std::string bytes = a->Serialize();
  EXPECT_EQ(bytes, b->Serialize());
  // The contraction "du" is learned from the data, and the model reads back.
  EXPECT_EQ(a->contractions.at("du"), (std::vector<std::string>{"de", "le"}));
  auto loaded = SyntaxModel::Parse(bytes, "tiny.kgm");
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_EQ((*loaded)->Serialize(), bytes);
  SyntaxAnnotator annotator(**loaded, morphology.get());
  UdSentence s = annotator.AnnotateTokens({"Marie", "mange", "une", "pomme", "."});
  ASSERT_EQ(s.words.size(), 5u);
  int roots = 0;
  for (const UdWord& w : s.words) {
    EXPECT_GE(w.head, 0);
    roots += w.head == 0;
  }
  EXPECT_EQ(roots, 1);
}

TEST(SyntaxModelTest, BadFilesAreNamedErrors) {
  auto data = ReadConllu(TinyPath());
  ASSERT_TRUE(data.ok());
  auto morphology = Morphology::Empty();
  auto model = TrainSyntax(*data, *data, TinyOptions(), morphology.get());
  ASSERT_TRUE(model.ok());
  const std::string bytes = model->Serialize();
  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x40;
  std::string wrong_version = bytes;
  wrong_version[8] = 9;
  struct Case { std::string bytes, error; };
  const Case cases[] = {
      {"", "m.kgm: not a kg syntax model (bad magic number)"},
      {"hello world, not a model", "m.kgm: not a kg syntax model (bad magic number)"},
      {bytes.substr(0, bytes.size() / 3), "m.kgm: corrupt or truncated model (checksum mismatch)"},
      {flipped, "m.kgm: corrupt or truncated model (checksum mismatch)"},
  };
  for (const Case& c : cases) {
    auto m = SyntaxModel::Parse(c.bytes, "m.kgm");
    ASSERT_FALSE(m.ok());
    EXPECT_EQ(m.status().message(), c.error);
  }
  auto missing = SyntaxModel::Load("/nonexistent/fr-syntax.kgm");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("/nonexistent/fr-syntax.kgm: cannot open"), std::string::npos);
}

// Parses with the committed models: the arcs relation finding relies on.
struct Arc {
  std::string dependent, head, label;  // head "ROOT" for the root
};
struct ParseCase {
  std::string language;
  std::vector<std::string> tokens;
  std::vector<Arc> arcs;
};

class CommittedModels : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto m = Morphology::Open(DefaultHunspellDir());
    morphology_ = m.ok() ? std::move(*m).release() : Morphology::Empty().release();
  }
  static Morphology* morphology_;
};
Morphology* CommittedModels::morphology_ = nullptr;

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t space = text.find(' ', start);
    if (space == std::string_view::npos) space = text.size();
    if (space > start) out.emplace_back(text.substr(start, space - start));
    start = space + 1;
  }
  return out;
}

TEST_F(CommittedModels, ParsesTheConstructionsRelationsNeed) {
  const ParseCase cases[] = {
      // subject - verb - object
      {"fr", Words("DeepSeek utilise les puces de Nvidia ."),
       {{"DeepSeek", "utilise", "nsubj"}, {"puces", "utilise", "obj"}, {"Nvidia", "puces", "nmod"}}},
      // passive with agent
      {"fr", Words("Le projet a été lancé par Microsoft en 2020 ."),
       {{"projet", "lancé", "nsubj:pass"}, {"Microsoft", "lancé", "obl:agent"}, {"été", "lancé", "aux:pass"}}},
      // apposition
      {"fr", Words("Luca de Meo , le directeur général de Renault , a démissionné ."),
       {{"Luca", "démissionné", "nsubj"}, {"directeur", "Luca", "appos"}, {"Renault", "directeur", "nmod"}}},
      // relative clause
      {"fr", Words("La société qui a racheté Twitter est américaine ."),
       {{"racheté", "société", "acl:relcl"}, {"qui", "racheté", "nsubj"}, {"Twitter", "racheté", "obj"}}},
      // copula
      {"fr", Words("Elon Musk est le fondateur de SpaceX ."),
       {{"Elon", "fondateur", "nsubj"}, {"est", "fondateur", "cop"}, {"SpaceX", "fondateur", "nmod"}}},
      // coordination
      {"fr", Words("Google et Apple investissent en Inde ."),
       {{"Google", "investissent", "nsubj"}, {"Apple", "Google", "conj"}, {"Inde", "investissent", "obl:mod"}}},
      // contraction split and "de" complement
      {"fr", Words("Le président du groupe parle ."),
       {{"groupe", "président", "nmod"}, {"de", "groupe", "case"}, {"président", "parle", "nsubj"}}},
      // participial clause
      {"fr", Words("Né à Lyon , le chef a ouvert un restaurant ."),
       {{"Né", "ouvert", "advcl"}, {"Lyon", "Né", "obl:mod"}, {"chef", "ouvert", "nsubj"}}},
      // English subject - verb - object, passive, apposition
      {"en", Words("Microsoft bought GitHub in 2018 ."),
       {{"Microsoft", "bought", "nsubj"}, {"GitHub", "bought", "obj"}}},
      {"en", Words("The company was founded by Steve Jobs ."),
       {{"company", "founded", "nsubj:pass"}, {"Jobs", "founded", "obl:agent"}}},
      {"en", Words("Tim Cook , the chief executive of Apple , spoke ."),
       {{"Tim", "spoke", "nsubj"}, {"executive", "Tim", "appos"}, {"Apple", "executive", "nmod"}}},
      {"en", Words("The firm that makes iPhones is based in California ."),
       {{"makes", "firm", "acl:relcl"}, {"iPhones", "makes", "obj"}}},
  };
  for (const ParseCase& c : cases) {
    auto model = SyntaxModel::Load(SyntaxModelPath(DefaultModelsDir(), c.language));
    ASSERT_TRUE(model.ok()) << model.status().message();
    SyntaxAnnotator annotator(**model, morphology_);
    UdSentence s = annotator.AnnotateTokens(c.tokens);
    std::string parse;
    AppendConllu(s, &parse);
    for (const Arc& arc : c.arcs) {
      const UdWord* dep = nullptr;
      for (const UdWord& w : s.words) {
        if (w.form == arc.dependent) { dep = &w; break; }
      }
      ASSERT_NE(dep, nullptr) << arc.dependent << "\n" << parse;
      std::string head = dep->head == 0 ? "ROOT" : s.words[dep->head - 1].form;
      EXPECT_EQ(head, arc.head) << arc.dependent << "\n" << parse;
      EXPECT_EQ(dep->deprel, arc.label) << arc.dependent << "\n" << parse;
    }
  }
}

}  // namespace
}  // namespace kg
