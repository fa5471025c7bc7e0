// Every stated relation's evidence sentence names both of its entities: on
// the sample articles, each evidence text contains a surface form (label or
// alias) of the source and of the target.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "kg/extract/corpus.h"
#include "test_util.h"

namespace kg {
namespace {

bool NamesNode(std::string_view text, const NodeData& n) {
  if (text.find(n.label) != std::string::npos) return true;
  for (const auto& a : n.aliases) if (text.find(a) != std::string::npos) return true;
  return false;
}

TEST(EvidenceTest, RelationEvidenceNamesBothEndpointsOnSamples) {
  std::vector<std::pair<std::string, std::string>> docs;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(KG_SAMPLES_DIR)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& p : files) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    docs.emplace_back(p.stem().string(), ss.str());
  }
  ASSERT_GE(docs.size(), 3u);
  BuildOptions all;
  all.max_evidence = 0;
  KnowledgeGraph g = testing::BuildFrom(docs, all);
  size_t checked = 0;
  for (const EdgeRef& e : g.edges()) {
    if (e.data->kind != EdgeKind::kRelation) continue;
    ASSERT_EQ(e.data->weight, e.data->evidence.size());
    for (const Evidence& ev : e.data->evidence) {
      EXPECT_TRUE(NamesNode(ev.text, g.node(e.source))) << g.node(e.source).label << " not in: " << ev.text;
      EXPECT_TRUE(NamesNode(ev.text, g.node(e.target))) << g.node(e.target).label << " not in: " << ev.text;
      // The offsets point at the sentence in its document.
      const std::string& text = docs[ev.document].second;
      ASSERT_LE(ev.end, text.size());
      EXPECT_EQ(text.substr(ev.start, ev.end - ev.start), ev.text);
      ++checked;
    }
  }
  EXPECT_GT(checked, 10u);
}

}  // namespace
}  // namespace kg
