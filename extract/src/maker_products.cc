// The "maker-products" annotator (kg/extract/annotators.h): a product named
// after its maker ("la Porsche 911", "le Samsung Galaxy S20") is the
// maker's, when the document names the maker too — whatever else the text
// says of the two ("Porsche a dévoilé la Porsche 911").
#include <algorithm>
#include <set>
#include <utility>

#include "kg/base/text.h"
#include "kg/extract/annotators.h"
#include "kg/extract/lexicon.h"

namespace kg {
namespace {

// The folded text of a mention.
std::string MentionText(const AnnotatedDocument& doc, const Mention& m) {
  const std::vector<Token>& toks = doc.sentences[m.sentence].tokens;
  return FoldName(doc.text.substr(toks[m.first].start, toks[m.last].end - toks[m.first].start));
}

// The organisations of a document the gazetteers know as such (not a
// model the recognizer took for one), with their folded labels.
std::vector<std::pair<std::string, uint32_t>> KnownOrganisations(const AnnotatedDocument& doc, const Lexicon& lexicon) {
  std::vector<std::pair<std::string, uint32_t>> out;
  for (uint32_t e = 0; e < doc.entities.size(); ++e) {
    if (doc.entities[e].type != EntityType::kOrg) continue;
    std::string folded = FoldName(doc.entities[e].label);
    const int entry = lexicon.FindPhrase(folded);
    if (entry >= 0 && lexicon.entry(entry).type == EntityType::kOrg) out.emplace_back(std::move(folded), e);
  }
  return out;
}

}  // namespace

void MakerProducts::Annotate(AnnotatedDocument* doc) {
  const std::vector<std::pair<std::string, uint32_t>> makers = KnownOrganisations(*doc, lexicon_);
  if (makers.empty()) return;
  std::set<std::pair<uint32_t, uint32_t>> related;  // (product, maker) pairs with the label already
  for (const DocRelation& r : doc->relations) {
    if (r.kind == EdgeKind::kRelation && r.relation == label_) related.emplace(r.source, r.target);
  }
  std::vector<DocRelation> added;
  for (const Mention& m : doc->mentions) {
    if (doc->entities[m.entity].type != EntityType::kProduct || m.last == m.first) continue;
    const std::string text = MentionText(*doc, m);
    for (const auto& [folded, org] : makers) {
      if (folded.empty() || !text.starts_with(folded + " ")) continue;
      if (!related.emplace(m.entity, org).second) break;
      added.push_back(DocRelation{.source = m.entity, .target = org, .relation = label_,
                                  .kind = EdgeKind::kRelation, .sentence = m.sentence});
      break;
    }
  }
  doc->relations.insert(doc->relations.end(), added.begin(), added.end());
}

}  // namespace kg
