#include "english_irregular_verbs.h"

#include <string>

#include "kg/base/flat_map.h"
#include "lexicon_data.h"

namespace kg::syntax {
namespace {

// Form -> lemma, from the table's past and past-participle columns (each
// may list variants separated by "/").
const FlatStringMap<std::string>& Table() {
  static const FlatStringMap<std::string> table = [] {
    FlatStringMap<std::string> t;
    for (std::string_view line : data::Lines(data::en_irregular_verbs_tsv)) {
      size_t tab = line.find('\t');
      if (tab == std::string_view::npos) continue;
      std::string lemma(line.substr(0, tab));
      std::string_view forms = line.substr(tab + 1);
      while (!forms.empty()) {
        size_t end = forms.find_first_of("\t/");
        std::string_view form = forms.substr(0, end);
        if (!form.empty()) t[std::string(form)] = lemma;
        if (end == std::string_view::npos) break;
        forms.remove_prefix(end + 1);
      }
    }
    return t;
  }();
  return table;
}

}  // namespace

std::string_view EnglishIrregularLemma(std::string_view lower) {
  const std::string* lemma = Table().Find(lower);
  return lemma == nullptr ? std::string_view() : std::string_view(*lemma);
}

}  // namespace kg::syntax
