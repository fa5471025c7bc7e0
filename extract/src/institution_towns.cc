// The "institution-towns" annotator (kg/extract/annotators.h): an
// institution named after its town lies where the town does.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "kg/base/text.h"
#include "kg/extract/annotators.h"

namespace kg {
namespace {

// The name after the last "de", "du" or "d'" of `label`, lower-cased: the
// town of "gendarmerie de Landivisiau", "hôpital d'Avignon"; empty if none.
std::string TownOfName(const std::string& label) {
  size_t best = std::string::npos, len = 0;
  for (std::string_view of : {" de ", " du ", " d'", " d’"}) {
    const size_t at = label.rfind(of);
    if (at != std::string::npos && (best == std::string::npos || at > best)) {
      best = at;
      len = of.size();
    }
  }
  if (best == std::string::npos) return "";
  return ToLower(std::string_view(label).substr(best + len));
}

}  // namespace

void InstitutionTowns::Annotate(AnnotatedDocument* doc) {
  if (in_label_.empty()) return;
  std::map<std::string, uint32_t> places;  // lower-cased label -> place entity
  for (uint32_t e = 0; e < doc->entities.size(); ++e) {
    const DocEntity& x = doc->entities[e];
    if (x.type == EntityType::kLocation && lexicon_.PlaceRank(x.label) == 0) places.emplace(ToLower(x.label), e);
  }
  std::set<std::tuple<uint32_t, uint32_t, uint32_t>> have;  // (source, target, sentence) of in_label_ relations
  for (const DocRelation& r : doc->relations) {
    if (r.kind == EdgeKind::kRelation && r.relation == in_label_) have.insert({r.source, r.target, r.sentence});
  }
  std::vector<DocRelation> added;
  for (const DocRelation& r : doc->relations) {
    if (r.kind != EdgeKind::kRelation || r.relation != in_label_ || doc->entities[r.source].type != EntityType::kOrg ||
        doc->entities[r.target].type != EntityType::kLocation) {
      continue;
    }
    auto town = places.find(TownOfName(doc->entities[r.source].label));
    if (town == places.end() || town->second == r.target) continue;
    DocRelation t = r;
    t.source = town->second;
    if (have.insert({t.source, t.target, t.sentence}).second) added.push_back(t);
  }
  doc->relations.insert(doc->relations.end(), added.begin(), added.end());
}

}  // namespace kg
