// The "place-order" annotator (kg/extract/annotators.h): a place-in-place
// relation reads from the smaller place to the larger one.
#include <algorithm>

#include "kg/extract/annotators.h"

namespace kg {

void PlaceOrder::Annotate(AnnotatedDocument* doc) {
  if (in_label_.empty()) return;
  auto place = [&](uint32_t e) { return doc->entities[e].type == EntityType::kLocation; };
  auto rank = [&](uint32_t e) { return lexicon_.PlaceRank(doc->entities[e].label); };
  std::vector<DocRelation>& rs = doc->relations;
  rs.erase(std::remove_if(rs.begin(), rs.end(),
                          [&](DocRelation& r) {
                            if (r.kind != EdgeKind::kRelation || r.relation != in_label_ || !place(r.source) ||
                                !place(r.target)) {
                              return false;
                            }
                            const int source = rank(r.source), target = rank(r.target);
                            if (source == target && source > 0) return true;  // no country lies in another
                            if (source > target) std::swap(r.source, r.target);
                            return false;
                          }),
           rs.end());
}

}  // namespace kg
