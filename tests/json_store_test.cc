#include "kg/graph/json_store.h"

#include <gtest/gtest.h>

#include "kg/export/writer.h"
#include "test_util.h"

namespace kg {
namespace {

TEST(JsonStoreTest, RoundTripIsByteIdentical) {
  KnowledgeGraph g = testing::BuildFrom({{"a", "DeepSeek utilise le NVIDIA H800. Donald Trump a menacé TSMC."},
                                         {"b", "Trump et Open AI à Washington."}});
  std::string json = MakeWriter("json")->Write(g);
  auto loaded = ParseGraphJson(json, "g.json");
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_EQ(MakeWriter("json")->Write(*loaded), json);
  EXPECT_EQ(MakeWriter("graphml")->Write(*loaded), MakeWriter("graphml")->Write(g));
}

struct BadCase {
  const char* text;
  const char* error;
};

TEST(JsonStoreTest, MalformedInputIsNamed) {
  const BadCase cases[] = {
      {"", "g.json: empty file"},
      {"{\"nodes\": [{\"id\": \"a\"}], \"links\": [", "truncated"},
      {"[]", "expected a JSON object"},
      {"{\"links\": []}", "no \"nodes\" array"},
      {"{\"nodes\": [{\"label\": \"x\"}], \"links\": []}", "node 1: missing string \"id\""},
      {"{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"a\"}], \"links\": []}", "duplicate node id \"a\""},
      {"{\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\", \"target\": \"b\"}]}", "unknown target \"b\""},
      {"{\"nodes\": [{\"id\": \"a\", \"type\": \"ALIEN\"}], \"links\": []}", "unknown type \"ALIEN\""},
  };
  for (const auto& c : cases) {
    auto g = ParseGraphJson(c.text, "g.json");
    ASSERT_FALSE(g.ok()) << c.text;
    EXPECT_NE(g.status().message().find(c.error), std::string::npos) << g.status().message();
  }
}

TEST(JsonStoreTest, DeepNestingIsAnErrorNotACrash) {
  // Issue 19: 200,000 nested arrays overflowed the recursive parser's stack.
  std::string text = "{\"nodes\":" + std::string(200000, '[') + std::string(200000, ']') + ",\"links\":[]}";
  auto g = ParseGraphJson(text, "g.json");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().message(), "g.json: invalid JSON at byte 521: nesting deeper than 512 levels");
}

// Former bugs found by fuzz/graph_json_fuzzer.
TEST(JsonStoreTest, FormerBugs) {
  // A weight too large for uint64 was converted with undefined behaviour.
  auto g = ParseGraphJson(
      "{\"nodes\": [{\"id\": \"a\", \"mentions\": -3}, {\"id\": \"b\", \"mentions\": 1.5}], \"links\": "
      "[{\"source\": \"a\", \"target\": \"b\", \"weight\": 4.66667e+21}]}",
      "g.json");
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_EQ(g->edge(0).data->weight, UINT64_MAX);
  EXPECT_EQ(g->node(0).mentions, 0u);
  EXPECT_EQ(g->node(1).mentions, 1u);
}

TEST(JsonStoreTest, ReadsForeignNodeLink) {
  auto g = ParseGraphJson(
      "{\"nodes\": [{\"id\": \"x\"}, {\"id\": \"y\", \"label\": \"Y\"}], \"links\": [{\"source\": \"x\", \"target\": \"y\"}]}",
      "g.json");
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_EQ(g->node_count(), 2u);
  EXPECT_EQ(g->edge_count(), 1u);
  EXPECT_EQ(g->node(1).label, "Y");
}

}  // namespace
}  // namespace kg
