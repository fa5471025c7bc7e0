// The annotator lists of the languages, and the annotators that wrap the
// recognizer and the word-pattern relation finder.
#include "kg/extract/annotators.h"

#include <algorithm>

#include "kg/base/text.h"
#include "lexicon_data.h"
#include "tsv_rows.h"

namespace kg {

std::span<const Mention> AnnotatedDocument::MentionsOf(uint32_t index) const {
  auto first = std::lower_bound(mentions.begin(), mentions.end(), index,
                                [](const Mention& m, uint32_t s) { return m.sentence < s; });
  auto last = std::find_if(first, mentions.end(), [&](const Mention& m) { return m.sentence != index; });
  return {first, last};
}

void EntityFinder::Annotate(AnnotatedDocument* doc) {
  recognizer_.Run(doc->text, doc->sentences, doc->language, &doc->entities, &doc->mentions);
}

void EntityTyper::Annotate(AnnotatedDocument* doc) {
  std::vector<std::vector<TextSpan>> spans(doc->entities.size());
  for (const Mention& m : doc->mentions) {
    const auto& tokens = doc->sentences[m.sentence].tokens;
    spans[m.entity].emplace_back(tokens[m.first].start, tokens[m.last].end);
  }
  for (size_t e = 0; e < doc->entities.size(); ++e) {
    DocEntity& entity = doc->entities[e];
    if (entity.forced) continue;
    TypeFeatures(doc->text, spans[e], entity, &features_);
    SetDecidedType(PredictType(model_, features_, entity.votes), &entity);
  }
}

void PatternRelationFinder::Annotate(AnnotatedDocument* doc) {
  relations_.Run(doc->text, doc->sentences, doc->mentions, doc->entities, &doc->relations, doc->language);
}

namespace {

// The annotator called `name`, or null when it needs a syntax model the kit
// lacks or adds relations where only references are wanted; an unknown name
// is an error.
StatusOr<std::unique_ptr<Annotator>> MakeAnnotator(std::string_view name, const AnnotatorKit& kit, ParseScope scope) {
  const bool relations = name == "tree-relations" || name == "pattern-relations" || name == "place-order" ||
                         name == "institution-towns" || name == "role-institutions" || name == "maker-products";
  if (relations && scope == ParseScope::kReferences) return std::unique_ptr<Annotator>();
  if (name == "entities") return std::unique_ptr<Annotator>(new EntityFinder(*kit.recognizer));
  if (name == "entity-types") {
    if (kit.types == nullptr) return std::unique_ptr<Annotator>();
    return std::unique_ptr<Annotator>(new EntityTyper(*kit.types));
  }
  if (name == "pattern-relations") return std::unique_ptr<Annotator>(new PatternRelationFinder(*kit.relations));
  if (name == "institution-towns") {
    if (kit.lexicon == nullptr) return std::unique_ptr<Annotator>();
    return std::unique_ptr<Annotator>(new InstitutionTowns(*kit.lexicon, kit.paths->in_label));
  }
  if (name == "role-institutions") return std::unique_ptr<Annotator>(new RoleInstitutions(kit.paths->offices));
  if (name == "maker-products") {
    if (kit.lexicon == nullptr) return std::unique_ptr<Annotator>();
    return std::unique_ptr<Annotator>(new MakerProducts(*kit.lexicon, kit.paths->product_label));
  }
  if (name == "place-order") {
    if (kit.lexicon == nullptr) return std::unique_ptr<Annotator>();
    return std::unique_ptr<Annotator>(new PlaceOrder(*kit.lexicon, kit.paths->in_label));
  }
  const bool known = name == "syntax" || name == "name-arcs" || name == "coreference" || relations;
  if (!known) return InvalidInput("unknown annotator '" + std::string(name) + "'");
  if (kit.syntax == nullptr) return std::unique_ptr<Annotator>();
  if (name == "syntax") {
    return std::unique_ptr<Annotator>(new SentenceParser(*kit.syntax, *kit.coref, kit.morphology, scope, kit.lexicon));
  }
  if (name == "name-arcs") return std::unique_ptr<Annotator>(new NameArcRepairer(*kit.paths, *kit.coref));
  if (name == "coreference") {
    return std::unique_ptr<Annotator>(new CoreferenceResolver(*kit.coref, kit.morphology, kit.lexicon));
  }
  return std::unique_ptr<Annotator>(new TreeRelationReader(*kit.paths, *kit.lexicon));
}

}  // namespace

StatusOr<std::vector<std::unique_ptr<Annotator>>> MakeAnnotators(std::string_view list, const std::string& where,
                                                                 const AnnotatorKit& kit, ParseScope scope) {
  std::vector<std::unique_ptr<Annotator>> out;
  Status read = ForEachTsvRow(list, where, [&](const std::vector<std::string_view>& row) -> std::string {
    if (row.size() != 1 || row[0].empty()) return "expected one annotator name per line";
    StatusOr<std::unique_ptr<Annotator>> a = MakeAnnotator(row[0], kit, scope);
    if (!a.ok()) return a.status().message();
    if (*a) out.push_back(std::move(*a));
    return "";
  });
  if (!read.ok()) return read;
  return out;
}

bool LanguageRuns(Language language, std::string_view annotator) {
  std::string_view list = language == Language::kEnglish ? data::annotators_en_txt : data::annotators_fr_txt;
  for (std::string_view line : Split(list, '\n')) {
    if (line == annotator) return true;
  }
  return false;
}

StatusOr<std::shared_ptr<const TypeModel>> LoadTypeModelFor(Language language, const std::string& models_dir) {
  if (!LanguageRuns(language, "entity-types")) return std::shared_ptr<const TypeModel>();
  return TypeModel::Load(TypeModelPath(models_dir, language == Language::kEnglish ? "en" : "fr"));
}

StatusOr<std::vector<std::unique_ptr<Annotator>>> MakeAnnotators(Language language, const AnnotatorKit& kit,
                                                                 ParseScope scope) {
  if (language == Language::kEnglish) {
    return MakeAnnotators(data::annotators_en_txt, "data/en/annotators_en.txt", kit, scope);
  }
  return MakeAnnotators(data::annotators_fr_txt, "data/fr/annotators_fr.txt", kit, scope);
}

}  // namespace kg
