// The annotated document and its annotators: the lists made from data, the
// layers each annotator adds, and the mentions (names and resolved
// references) that reach the per-document result.
#include <gtest/gtest.h>

#include "kg/extract/annotators.h"
#include "kg/extract/syntax.h"
#include "test_util.h"

namespace kg {
namespace {

struct Kit {
  std::unique_ptr<Morphology> morphology = [] {
    auto m = Morphology::Open(DefaultHunspellDir());
    if (!m.ok()) throw std::runtime_error(m.status().message());
    return std::move(*m);
  }();
  EntityRecognizer recognizer{testing::TestLexicon(), *morphology};
  RelationExtractor relations{testing::TestLexicon(), *morphology};
  std::shared_ptr<const SyntaxModel> model;

  AnnotatorKit Get(bool syntax) {
    if (syntax && !model) {
      auto m = SyntaxModel::Load(SyntaxModelPath(DefaultModelsDir(), "fr"));
      if (!m.ok()) throw std::runtime_error(m.status().message());
      model = *m;
    }
    return AnnotatorKit{&recognizer, &relations, syntax ? model.get() : nullptr, &BuiltinPathRules("fr"),
                        &BuiltinCoref("fr"), morphology.get(), &testing::TestLexicon()};
  }
};

TEST(AnnotatorsTest, ListsFromData) {
  const std::string all =
      "# comment\nentities\nsyntax\nname-arcs\ncoreference\ntree-relations\npattern-relations\nplace-order\n";
  struct Case {
    std::string list;
    bool syntax;
    ParseScope scope;
    size_t annotators;  // or
    std::string error;  // the error's text
  };
  const Case cases[] = {
      {all, true, ParseScope::kRelations, 7, ""},
      {all, true, ParseScope::kReferences, 4, ""},  // no relation annotators
      {all, false, ParseScope::kRelations, 3, ""},  // without a model: entities, pattern-relations, place-order
      {"entities\n", false, ParseScope::kRelations, 1, ""},
      {"", false, ParseScope::kRelations, 0, ""},
      {"entities\nparse-everything\n", false, ParseScope::kRelations, 0,
       "list.txt:2: unknown annotator 'parse-everything'"},
      {"entities\tsyntax\n", true, ParseScope::kRelations, 0, "list.txt:1: expected one annotator name per line"},
  };
  Kit kit;
  for (const Case& c : cases) {
    auto made = MakeAnnotators(c.list, "list.txt", kit.Get(c.syntax), c.scope);
    if (!c.error.empty()) {
      ASSERT_FALSE(made.ok()) << c.list;
      EXPECT_EQ(made.status().message(), c.error);
      continue;
    }
    ASSERT_TRUE(made.ok()) << made.status().message();
    EXPECT_EQ(made->size(), c.annotators) << c.list;
  }
  // French: role-institutions and institution-towns; English: entity-types.
  for (auto [language, count] : {std::pair{Language::kFrench, 10u}, std::pair{Language::kEnglish, 9u}}) {
    auto made = MakeAnnotators(language, kit.Get(true), ParseScope::kRelations);
    ASSERT_TRUE(made.ok()) << made.status().message();
    EXPECT_EQ(made->size(), count);
  }
}

// Runs the annotators of `list` on a French text and returns the document.
AnnotatedDocument Annotate(Kit* kit, const std::string& list, const std::string& text, Vocabulary* vocabulary) {
  AnnotatedDocument doc;
  doc.text = text;
  for (const SentenceSpan& span : Segmenter(Language::kFrench).Split(text)) {
    doc.sentences.push_back(TokenizeSentence(text, span, vocabulary));
  }
  auto made = MakeAnnotators(list, "list", kit->Get(true), ParseScope::kRelations);
  if (!made.ok()) throw std::runtime_error(made.status().message());
  for (auto& a : *made) a->Annotate(&doc);
  return doc;
}

TEST(AnnotatorsTest, EachAddsItsLayer) {
  const std::string text = "Marie Curie a rencontré Paul Langevin à Paris. Elle a fondé l'Institut du radium.";
  Kit kit;
  Vocabulary vocabulary;
  AnnotatedDocument named = Annotate(&kit, "entities\n", text, &vocabulary);
  EXPECT_GE(named.entities.size(), 3u);
  EXPECT_EQ(named.MentionsOf(0).size(), 3u);
  EXPECT_TRUE(named.parses.empty());
  EXPECT_TRUE(named.relations.empty());

  AnnotatedDocument parsed = Annotate(&kit, "entities\nsyntax\nname-arcs\n", text, &vocabulary);
  ASSERT_EQ(parsed.parses.size(), 2u);
  ASSERT_TRUE(parsed.parses[0].has_value());  // three names
  EXPECT_EQ(parsed.parses[0]->named.size(), 3u);
  EXPECT_EQ(parsed.parses[0]->tree.words[0].form, "Marie");
  EXPECT_TRUE(parsed.parses[0]->references.empty());  // no "coreference" yet
  EXPECT_TRUE(parsed.relations.empty());

  AnnotatedDocument full = Annotate(&kit, "entities\nsyntax\nname-arcs\ncoreference\ntree-relations\n", text,
                                    &vocabulary);
  ASSERT_TRUE(full.parses[1].has_value());  // one name and "Elle"
  ASSERT_EQ(full.parses[1]->references.size(), 1u);
  EXPECT_EQ(full.entities[full.parses[1]->references[0].entity].label, "Marie Curie");
  EXPECT_FALSE(full.relations.empty());
  for (const DocRelation& r : full.relations) EXPECT_EQ(r.kind, EdgeKind::kRelation);  // no co-occurrences
}

// A tree covers a sentence up to SentenceParser::kParseMargin tokens past
// its last name; the arcs among the words before the margin's last five are
// those of the whole sentence's tree.
TEST(AnnotatorsTest, ParseStopsAfterTheLastName) {
  const std::string text =
      "Marie Curie a rencontré Paul Langevin lundi matin dans un laboratoire de la rue Cuvier où les deux physiciens "
      "ont longuement discuté de leurs travaux sur la radioactivité et de leurs projets communs.";
  Kit kit;
  Vocabulary vocabulary;
  AnnotatedDocument doc = Annotate(&kit, "entities\nsyntax\n", text, &vocabulary);
  ASSERT_TRUE(doc.parses[0].has_value());
  const ParsedSentence& p = *doc.parses[0];
  const size_t last = doc.MentionsOf(0).back().last;  // "Langevin"
  ASSERT_LT(last + 1 + SentenceParser::kParseMargin, doc.sentences[0].tokens.size());
  ASSERT_EQ(p.token_words.size(), last + 2 + SentenceParser::kParseMargin);  // one entry past the last token parsed

  std::vector<std::string> tokens;
  for (const Token& t : doc.sentences[0].tokens) tokens.emplace_back(t.Text(text));
  SyntaxAnnotator whole(*kit.model, kit.morphology.get());
  whole.SetVerbFeaturesOnly(true);
  UdSentence full = whole.AnnotateTokens(tokens);
  const size_t exact = p.tree.words.size() - 5;
  for (size_t w = 0; w < exact; ++w) {
    const UdWord& a = p.tree.words[w];
    const UdWord& b = full.words[w];
    EXPECT_EQ(a.upos, b.upos) << a.form;
    if (b.head > 0 && static_cast<size_t>(b.head) <= exact) {
      EXPECT_EQ(a.head, b.head) << a.form;
    }
  }
}

// A tree starts SentenceParser::kLeftMargin tokens before the sentence's
// first name, or first word that may refer to one, from a punctuation mark
// there on — at the sentence's start when it is near, or when the cut would
// leave a verb first ("», a déclaré X": its subject then reads wrong).
TEST(AnnotatorsTest, ParseStartsNearTheFirstName) {
  struct Case {
    std::string text;
    std::string first;  // the tree's first word
  };
  const Case cases[] = {
      {"Après trois longues années de négociations difficiles, Renault a racheté Nissan.", "années"},
      {"Après trois longues années de tractations, de promesses, Renault a racheté Nissan.", "de"},  // after the comma
      {"Après trois années, Renault a racheté Nissan.", "Après"},  // near the start
      {"« Nous n'avons besoin ni de cela ni du reste », a déclaré Liang Wenfeng, fondateur de DeepSeek.", "«"},
      {"Après trois longues années de négociations, son patron a vendu Nissan à Renault.", "longues"},  // "son"
  };
  Kit kit;
  for (const Case& c : cases) {
    Vocabulary vocabulary;
    AnnotatedDocument doc = Annotate(&kit, "entities\nsyntax\nname-arcs\n", c.text, &vocabulary);
    ASSERT_TRUE(doc.parses[0].has_value()) << c.text;
    const ParsedSentence& p = *doc.parses[0];
    EXPECT_EQ(doc.sentences[0].tokens[p.first_token].Text(c.text), c.first) << c.text;
    EXPECT_EQ(p.tree.words.front().form, c.first) << c.text;
    // The names sit on their words of the shorter tree.
    for (const TreeMention& m : p.named) {
      EXPECT_EQ(p.tree.words[m.first].form.substr(0, 1), doc.entities[m.entity].label.substr(0, 1)) << c.text;
    }
  }
}

// A sentence naming one entity is parsed for a word that may refer to
// another one: "la" as an object pronoun before its verb, not as an
// article; a description's noun after a definite determiner only.
TEST(AnnotatorsTest, AnArticleIsNoReference) {
  struct Case {
    std::string second;
    bool parsed;
  };
  const Case cases[] = {
      {"Le ministre Bruno Le Maire la rencontre lundi.", true},
      {"Bruno Le Maire l'a reçue lundi.", true},
      {"Bruno Le Maire prend la parole lundi.", false},
      {"Bruno Le Maire ouvre le salon lundi.", false},
      {"Le ministre reçoit Bruno Le Maire lundi.", true},  // a description: "le ministre"
      {"Un ministre reçoit Bruno Le Maire lundi.", false},  // no definite determiner, no reference
  };
  Kit kit;
  for (const Case& c : cases) {
    Vocabulary vocabulary;
    const std::string text = "Marie Dupont dirige une usine. " + c.second;
    AnnotatedDocument doc = Annotate(&kit, "entities\nsyntax\n", text, &vocabulary);
    ASSERT_EQ(doc.sentences.size(), 2u) << text;
    EXPECT_EQ(doc.parses[1].has_value(), c.parsed) << c.second;
  }
}

// A sentence whose names are all SentenceParser::kFarApart tokens apart or
// more, or have a pair separator between them, is not parsed (a tree rarely
// relates them), unless a word may refer to an entity.
TEST(AnnotatorsTest, NamesFarApartAreNotParsed) {
  struct Case {
    std::string text;
    bool parsed;
  };
  const Case cases[] = {
      {"Renault a racheté Nissan lundi.", true},
      {"Renault a annoncé lundi soir un accord très attendu depuis des mois avec Nissan.", false},
      {"Renault a annoncé lundi soir un accord très attendu depuis des mois avec son partenaire Nissan.", true},
      {"Renault a annoncé lundi soir un accord très attendu avec Nissan et Mitsubishi.", false},  // peers
      {"Renault et Nissan ont signé lundi.", false},                    // a pair separator between them
      {"Renault a dit que Nissan signera lundi.", false},
      {"Renault et Nissan ont signé avec Mitsubishi lundi.", true},     // Nissan, Mitsubishi
  };
  Kit kit;
  for (const Case& c : cases) {
    Vocabulary vocabulary;
    AnnotatedDocument doc = Annotate(&kit, "entities\nsyntax\n", c.text, &vocabulary);
    ASSERT_GE(doc.MentionsOf(0).size(), 2u) << c.text;
    EXPECT_EQ(doc.parses[0].has_value(), c.parsed) << c.text;
  }
}

TEST(AnnotatorsTest, MentionsReachTheResult) {
  const std::string text = "Marie Curie est née à Varsovie. Elle a reçu le prix Nobel en 1903.";
  auto model = SyntaxModel::Load(SyntaxModelPath(DefaultModelsDir(), "fr"));
  ASSERT_TRUE(model.ok()) << model.status().message();
  ExtractorConfig cfg;
  cfg.lexicon = &testing::TestLexicon();
  cfg.french_syntax = model->get();
  auto ex = Extractor::Create(cfg);
  ASSERT_TRUE(ex.ok()) << ex.status().message();
  DocumentResult r = (*ex)->Extract(Document{"d", "d.txt", text});
  std::vector<std::string> seen;
  for (const DocMention& m : r.mentions) {
    seen.push_back(text.substr(m.start, m.end - m.start) + (m.via ? " -> " + r.entities[m.entity].label : ""));
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"Marie Curie", "Varsovie", "Elle -> Marie Curie", "Nobel"}));
}

// A place-in-place relation reads from the smaller place to the larger:
// continents and regions of several countries, then countries, then the
// rest; two places of one rank above the rest lie in neither.
TEST(AnnotatorsTest, PlaceOrderPutsTheSmallerPlaceFirst) {
  struct Case {
    std::string source, target;
    EntityType source_type, target_type;
    std::string relation, expected;  // "A -> B", or "" when dropped
  };
  const EntityType kLoc = EntityType::kLocation, kOrg = EntityType::kOrg;
  const Case cases[] = {
      {"Chine", "Liaoning", kLoc, kLoc, "situé_à", "Liaoning -> Chine"},  // "en Chine, dans la province du Liaoning"
      {"Wuhan", "Chine", kLoc, kLoc, "situé_à", "Wuhan -> Chine"},
      {"Europe", "France", kLoc, kLoc, "situé_à", "France -> Europe"},
      {"Amérique centrale", "Guatemala", kLoc, kLoc, "situé_à", "Guatemala -> Amérique centrale"},
      {"Mexique", "Mexico", kLoc, kLoc, "situé_à", "Mexico -> Mexique"},  // the country, the city
      {"Viêt Nam", "États-Unis", kLoc, kLoc, "situé_à", ""},  // "né au Vietnam mais élevé aux États-Unis"
      {"Afrique", "Asie du Sud-Est", kLoc, kLoc, "situé_à", ""},
      {"Lyon", "Strasbourg", kLoc, kLoc, "situé_à", "Lyon -> Strasbourg"},  // nothing known: as read
      {"France", "Lyon", kLoc, kLoc, "capitale_de", "France -> Lyon"},    // not the "in" label
      {"France", "Renault", kLoc, kOrg, "situé_à", "France -> Renault"},  // not two places
  };
  for (const Case& c : cases) {
    AnnotatedDocument doc;
    doc.entities.resize(2);
    doc.entities[0].label = c.source;
    doc.entities[0].type = c.source_type;
    doc.entities[1].label = c.target;
    doc.entities[1].type = c.target_type;
    doc.relations.push_back(DocRelation{0, 1, c.relation, EdgeKind::kRelation, 0, false});
    doc.relations.push_back(DocRelation{0, 1, "cooccurrence", EdgeKind::kCooccurrence, 0, false});
    PlaceOrder(testing::TestLexicon(), "situé_à").Annotate(&doc);
    ASSERT_EQ(doc.relations.size(), c.expected.empty() ? 1u : 2u) << c.source << " " << c.target;
    if (c.expected.empty()) continue;
    const DocRelation& r = doc.relations[0];
    EXPECT_EQ(doc.entities[r.source].label + " -> " + doc.entities[r.target].label, c.expected);
  }
}

}  // namespace
}  // namespace kg
