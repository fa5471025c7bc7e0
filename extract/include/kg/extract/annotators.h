// The annotators of kg/extract/annotated_document.h, and the list a
// language runs, read from data/<lang>/annotators_<lang>.txt (one name per
// line, in order; '#' starts a comment):
//
//   entities           needs sentences, tokens         adds mentions, entities
//   entity-types       needs mentions, entities        changes entities' types (the learned typer)
//   syntax             needs mentions                  adds parses (the sentences worth parsing)
//   name-arcs          needs parses, mentions          adds parses' named mentions (arcs across names redrawn)
//   coreference        needs parses' named mentions    adds parses' references
//   tree-relations     needs parses' mentions          adds relations read from tree paths
//   pattern-relations  needs mentions, relations       adds word-pattern relations and co-occurrences
//   place-order        needs relations, entities       puts the smaller place first in "situé_à"
//
// The four middle ones need a syntax model: without one (kg build
// --no-syntax) they are left out of the list.
//
//   AnnotatorKit kit{&recognizer, &relations, model, &rules, &coref, morphology};
//   auto list = MakeAnnotators(Language::kFrench, kit, ParseScope::kRelations);  // StatusOr
//   for (auto& a : *list) a->Annotate(&doc);
//
// Thread safety: annotators keep caches; one list per thread.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kg/base/status.h"
#include "kg/extract/annotated_document.h"
#include "kg/extract/coreference.h"
#include "kg/extract/morphology.h"
#include "kg/extract/recognizer.h"
#include "kg/extract/relations.h"
#include "kg/extract/syntax.h"
#include "kg/extract/tree_relations.h"
#include "kg/extract/type_model.h"

namespace kg {

// What the annotators are made of; everything must outlive them.
struct AnnotatorKit {
  EntityRecognizer* recognizer = nullptr;
  RelationExtractor* relations = nullptr;
  const SyntaxModel* syntax = nullptr;  // null: no syntax annotators
  const PathRules* paths = nullptr;
  const CorefLexicon* coref = nullptr;
  Morphology* morphology = nullptr;
  const Lexicon* lexicon = nullptr;
  const TypeModel* types = nullptr;  // null: no "entity-types"
};

// Which sentences "syntax" parses: for relations, those naming two entities
// or one and a word that may refer back to another (il, elle, l'actrice);
// for evaluating coreference, every sentence with a word that may refer back
// (the relation annotators are then left out of the list).
enum class ParseScope { kRelations, kReferences };

// The annotators named by `list` (the text of an annotators file, `where`
// naming it in errors: an unknown name is one).
StatusOr<std::vector<std::unique_ptr<Annotator>>> MakeAnnotators(std::string_view list, const std::string& where,
                                                                 const AnnotatorKit& kit, ParseScope scope);
// Whether the list compiled into kg for `language` names `annotator`
// (whose model must then be loaded: "entity-types").
bool LanguageRuns(Language language, std::string_view annotator);
// The entity-type model that list runs for `language`, read from
// `models_dir` (<dir>/<fr|en>-types.kgm); null when it runs none. A missing
// or corrupt file is an error naming it.
StatusOr<std::shared_ptr<const TypeModel>> LoadTypeModelFor(Language language, const std::string& models_dir);
// The same for the list compiled into kg for `language`.
StatusOr<std::vector<std::unique_ptr<Annotator>>> MakeAnnotators(Language language, const AnnotatorKit& kit,
                                                                 ParseScope scope);

// "entities": candidates scanned per sentence, resolved into the document's entities.
class EntityFinder : public Annotator {
 public:
  explicit EntityFinder(EntityRecognizer& recognizer) : recognizer_(recognizer) {}
  void Annotate(AnnotatedDocument* doc) override;

 private:
  EntityRecognizer& recognizer_;
};

// "entity-types": the learned typer's decision for each entity the
// rules typed (kg/extract/type_model.h).
class EntityTyper : public Annotator {
 public:
  explicit EntityTyper(const TypeModel& model) : model_(model) {}
  void Annotate(AnnotatedDocument* doc) override;

 private:
  const TypeModel& model_;
  std::vector<uint64_t> features_;
};

// "pattern-relations": verb and noun-phrase patterns for the pairs the
// trees left, then co-occurrences.
class PatternRelationFinder : public Annotator {
 public:
  explicit PatternRelationFinder(RelationExtractor& relations) : relations_(relations) {}
  void Annotate(AnnotatedDocument* doc) override;

 private:
  RelationExtractor& relations_;
};

// "syntax": tags, lemmas and a dependency tree for the sentences `scope`
// asks for (up to kMaxParsedTokens tokens: longer ones are lists, tables or
// run-ons, costly and rarely precise). Under ParseScope::kRelations a tree
// covers a sentence up to kParseMargin tokens past the last word that made
// it worth parsing (a name, or a word that may refer to another entity):
// the greedy parser's arcs among the words before the last five of a prefix
// are those of the whole sentence (its decisions and the tagger's look two
// words ahead, the parser's features at the tags of the two after; a label
// may still differ where the labeller reads a head's children past the
// cut), and the margin's other words leave room for the verb that governs
// the last name. It starts kLeftMargin tokens before the first name or the
// first word before it that may start a reference (FirstTokenWorthParsing):
// the words further left change the tree of the rest little, and cost as
// much as the others.
class SentenceParser : public Annotator {
 public:
  static constexpr size_t kMaxParsedTokens = 60;
  static constexpr size_t kParseMargin = 8;
  static constexpr size_t kLeftMargin = 5;
  static constexpr size_t kFarApart = 8;
  SentenceParser(const SyntaxModel& model, const CorefLexicon& coref, Morphology* morphology, ParseScope scope,
                 const Lexicon* lexicon = nullptr);
  void Annotate(AnnotatedDocument* doc) override;

 private:
  // The entities named in the sentences read so far, as coreference will see them.
  struct NamedSoFar {
    std::vector<Gender> genders;
    std::vector<NamedBefore> before;
  };
  // How many of sentence `index`'s tokens to parse (0: none).
  size_t TokensWorthParsing(const AnnotatedDocument& doc, uint32_t index, const NamedSoFar& so_far) const;
  size_t LastReferringWord(const AnnotatedDocument& doc, uint32_t index, const NamedSoFar& so_far) const;
  size_t FirstTokenWorthParsing(const AnnotatedDocument& doc, uint32_t index) const;
  static bool NamesFarApart(const AnnotatedDocument& doc, uint32_t index);
  bool AnyReferringWord(const AnnotatedDocument& doc, uint32_t index) const;
  bool VerbAt(const AnnotatedDocument& doc, const SentenceTokens& sentence, size_t t) const;
  bool NoReference(const AnnotatedDocument& doc, const SentenceTokens& sentence, size_t i,
                   const std::string& lower) const;
  bool ArticleNotClitic(const AnnotatedDocument& doc, const SentenceTokens& sentence, size_t i,
                        const std::string& lower) const;
  bool MayReferElsewhere(const AnnotatedDocument& doc, const std::string& lower, size_t i,
                         std::span<const Mention> mentions, const NamedSoFar& so_far) const;
  bool DemonymOfPlaceNoun(const AnnotatedDocument& doc, const SentenceTokens& sentence, size_t i,
                          const std::string& lower) const;
  SyntaxAnnotator annotator_;
  const CorefLexicon& coref_;
  Morphology* morphology_;
  ParseScope scope_;
  const Lexicon* lexicon_;  // null: demonyms are no reason to parse
};

// "name-arcs": each parsed sentence's mentions on its words, after
// RepairNameArcs redrew the arcs the parser drew across them.
class NameArcRepairer : public Annotator {
 public:
  NameArcRepairer(const PathRules& rules, const CorefLexicon& coref) : rules_(rules), coref_(coref) {}
  void Annotate(AnnotatedDocument* doc) override;

 private:
  const PathRules& rules_;
  const CorefLexicon& coref_;
};

// "coreference": pronouns, possessives and descriptions of the parsed
// sentences resolved to entities named in the last sentences
// (ResolveReferences; the first names' genders from `morphology`).
class CoreferenceResolver : public Annotator {
 public:
  CoreferenceResolver(const CorefLexicon& coref, Morphology* morphology, const Lexicon* lexicon)
      : coref_(coref), morphology_(morphology), lexicon_(lexicon) {}
  void Annotate(AnnotatedDocument* doc) override;

 private:
  void AddDemonymReferences(const AnnotatedDocument& doc, ParsedSentence* p) const;
  const CorefLexicon& coref_;
  Morphology* morphology_;
  const Lexicon* lexicon_;  // null: no demonym references
};

// "tree-relations": for each pair of mentions (named or resolved) in a
// parsed sentence, the relation the path between them states (MatchPath),
// one per pair; none for the names of a list of three or more, none in a
// sentence naming more than kMaxEntitiesPerSentence entities.
class TreeRelationReader : public Annotator {
 public:
  static constexpr size_t kMaxEntitiesPerSentence = 8;
  TreeRelationReader(const PathRules& rules, const Lexicon& lexicon) : rules_(rules), lexicon_(lexicon) {}
  void Annotate(AnnotatedDocument* doc) override;

 private:
  void ReadSentence(const AnnotatedDocument& doc, uint32_t index, std::vector<DocRelation>* out) const;
  bool MatchConjunct(const UdSentence& s, const std::vector<int>& group, const std::vector<std::string_view>& cases,
                     TreeMention a, TreeMention b, EntityType ta, EntityType tb, PathMatch* match) const;
  bool AtOutlet(const AnnotatedDocument& doc, const std::string& label, bool verb, uint32_t a, uint32_t b) const;
  const PathRules& rules_;
  const Lexicon& lexicon_;
};

// "institution-towns": an organisation named after a town of the document
// ("la gendarmerie de Landivisiau", "l'hôpital de Valence") lies where the
// town does: its place-in-place relations (the `in` label) are the town's
// too ("la gendarmerie de Landivisiau, dans le Finistère": Landivisiau is
// in the Finistère).
// A country or a region is no town ("l'ambassade de France à Washington").
class InstitutionTowns : public Annotator {
 public:
  InstitutionTowns(const Lexicon& lexicon, std::string in_label) : lexicon_(lexicon), in_label_(std::move(in_label)) {}
  void Annotate(AnnotatedDocument* doc) override;

 private:
  const Lexicon& lexicon_;
  std::string in_label_;
};

// "role-institutions": a person named by an office row's role over a
// domain heads the document's institution of that domain ("le ministre de
// l'Intérieur Christophe Castaner", "Olivier Véran, ministre de la Santé"
// and "le ministère de l'Intérieur", "le ministère de la Santé"): a
// relation labelled after the role (ministre_de), where the person and the
// institution have none yet. Needs mentions and entities, adds relations.
class RoleInstitutions : public Annotator {
 public:
  explicit RoleInstitutions(const std::map<std::string, std::string>& offices) : offices_(offices) {}
  void Annotate(AnnotatedDocument* doc) override;

 private:
  const std::map<std::string, std::string>& offices_;
};

// "maker-products": a product whose name opens with the name of an
// organisation the document names and the gazetteers know is that organisation's ("la Porsche 911
// Turbo S" and "Porsche"; "le Samsung Galaxy S20" and "Samsung"): a
// relation labelled `label` (produit_de, product_of), beside any other the
// two have. Needs mentions and entities, adds relations.
class MakerProducts : public Annotator {
 public:
  MakerProducts(const Lexicon& lexicon, std::string label) : lexicon_(lexicon), label_(std::move(label)) {}
  void Annotate(AnnotatedDocument* doc) override;

 private:
  const Lexicon& lexicon_;
  std::string label_;
};

// "place-order": a place-in-place relation (the path table's `in` label:
// situé_à, located_in) reads from the smaller place to the larger, and a
// country lies in no other place. The sentence gives the pair; its
// direction goes by what the gazetteers know: "en Chine, dans la province
// du Liaoning" puts Liaoning in China whichever way the tree reads it; "né
// au Vietnam mais élevé aux États-Unis" puts neither in the other.
class PlaceOrder : public Annotator {
 public:
  PlaceOrder(const Lexicon& lexicon, std::string in_label) : lexicon_(lexicon), in_label_(std::move(in_label)) {}
  void Annotate(AnnotatedDocument* doc) override;

 private:
  const Lexicon& lexicon_;
  std::string in_label_;
};

}  // namespace kg
