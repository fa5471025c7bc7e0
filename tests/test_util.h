// Helpers shared by the unit tests: one extractor over the built-in lexicon,
// and shortcuts to run it on a text.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "kg/extract/extractor.h"
#include "kg/extract/lexicon.h"
#include "kg/graph/builder.h"

namespace kg::testing {

inline const Lexicon& TestLexicon() {
  static const Lexicon lex = Lexicon::Builtin();
  return lex;
}

inline Extractor& TestExtractor() {
  static std::unique_ptr<Extractor> ex = [] {
    ExtractorConfig cfg;
    cfg.lexicon = &TestLexicon();
    auto e = Extractor::Create(cfg);
    if (!e.ok()) throw std::runtime_error(e.status().message());
    return std::move(*e);
  }();
  return *ex;
}

inline DocumentResult Extract(const std::string& text, const std::string& id = "doc") {
  return TestExtractor().Extract(Document{id, id + ".txt", text});
}

// (label, type) of every entity.
inline std::set<std::pair<std::string, std::string>> Entities(const DocumentResult& r) {
  std::set<std::pair<std::string, std::string>> out;
  for (const auto& e : r.entities) out.emplace(e.label, std::string(EntityTypeName(e.type)));
  return out;
}

inline std::set<std::string> Labels(const DocumentResult& r) {
  std::set<std::string> out;
  for (const auto& e : r.entities) out.insert(e.label);
  return out;
}

// (source label, relation, target label) of every stated relation.
inline std::set<std::tuple<std::string, std::string, std::string>> Relations(const DocumentResult& r) {
  std::set<std::tuple<std::string, std::string, std::string>> out;
  for (const auto& rel : r.relations) {
    if (rel.kind != EdgeKind::kRelation) continue;
    out.emplace(r.entities[rel.source].label, rel.relation, r.entities[rel.target].label);
  }
  return out;
}

inline KnowledgeGraph BuildFrom(const std::vector<std::pair<std::string, std::string>>& docs, BuildOptions opt = {}) {
  GraphBuilder b(opt);
  for (const auto& [id, text] : docs) b.Add(Extract(text, id));
  return b.Finish();
}

}  // namespace kg::testing
