#include "kg/extract/morphology.h"

#include <hunspell/hunspell.hxx>

#include <cstdlib>
#include <filesystem>

#include "kg/base/text.h"

namespace kg {

namespace {

bool Has(std::string_view analysis, std::string_view tag) { return analysis.find(tag) != std::string_view::npos; }

std::string Field(std::string_view analysis, std::string_view key) {
  size_t p = analysis.find(key);
  if (p == std::string_view::npos) return {};
  p += key.size();
  size_t e = analysis.find(' ', p);
  return std::string(analysis.substr(p, e == std::string_view::npos ? std::string_view::npos : e - p));
}

}  // namespace

std::string DefaultHunspellDir() {
  if (const char* env = std::getenv("KG_HUNSPELL_DIR"); env && *env) return env;
  return "/usr/share/hunspell";
}

StatusOr<std::unique_ptr<Morphology>> Morphology::Open(const std::string& dir) {
  namespace fs = std::filesystem;
  for (const char* base : {"fr_FR", "fr"}) {
    fs::path aff = fs::path(dir) / (std::string(base) + ".aff");
    fs::path dic = fs::path(dir) / (std::string(base) + ".dic");
    std::error_code ec;
    if (fs::exists(aff, ec) && fs::exists(dic, ec)) {
      std::unique_ptr<Morphology> m(new Morphology());
      m->hunspell_ = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
      return m;
    }
  }
  return IoError(dir + ": no French hunspell dictionary (fr_FR.aff/.dic); install hunspell-fr-comprehensive");
}

std::unique_ptr<Morphology> Morphology::Empty() { return std::unique_ptr<Morphology>(new Morphology()); }

Morphology::~Morphology() = default;

const WordInfo& Morphology::Lookup(std::string_view word) {
  auto it = cache_.find(std::string(word));
  if (it != cache_.end()) return it->second;
  WordInfo info;
  if (hunspell_ && !word.empty() && word.size() < 64) {
    // Hunspell's dictionary uses the typographic apostrophe.
    std::vector<std::string> analyses = hunspell_->analyze(std::string(word));
    for (const std::string& a : analyses) {
      info.known = true;
      std::string lemma = Field(a, "st:");
      size_t l;
      bool capital_lemma = !lemma.empty() && IsUpper(DecodeUtf8(lemma, 0, &l));
      if (Has(a, "po:npr") || Has(a, "po:prn") || Has(a, "po:patr") || capital_lemma) info.proper = true;
      if (Has(a, "po:prn")) info.first_name = true;
      if (Has(a, "po:patr")) info.surname = true;
      if (Has(a, "po:nom")) info.noun = true;
      if (Has(a, "po:adj")) info.adjective = true;
      if (Has(a, "po:v")) {
        bool aux = lemma == "avoir" || lemma == "être";
        if (aux) info.auxiliary = true;
        info.verb = true;
        std::string flags = Field(a, "po:v");
        if (flags.size() >= 8 && flags[7] == 'e') info.etre_verb = true;
        if (Has(a, "po:infi")) info.infinitive = true;
        if (Has(a, "po:ppas")) info.participle = true;
        if (!Has(a, "po:ppas") && !Has(a, "po:infi") && !Has(a, "po:ppre")) info.finite = true;
        if (info.verb_lemma.empty() || (!Has(a, "po:ppas") && info.participle)) info.verb_lemma = lemma;
      }
      if (Has(a, "po:det") || Has(a, "po:prep") || Has(a, "po:pro") || Has(a, "po:cj") ||
          Has(a, "po:adv") || Has(a, "po:negadv")) {
        info.function_word = true;
      }
    }
  }
  return cache_.emplace(std::string(word), std::move(info)).first->second;
}

}  // namespace kg
