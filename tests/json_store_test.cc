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
  // A weight too large for uint64 was converted with undefined behaviour
  // (then clamped; since issue 19 refused). Fractions are truncated.
  auto g = ParseGraphJson(
      "{\"nodes\": [{\"id\": \"a\", \"mentions\": 3}, {\"id\": \"b\", \"mentions\": 1.5}], \"links\": "
      "[{\"source\": \"a\", \"target\": \"b\", \"weight\": 2.0}]}",
      "g.json");
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_EQ(g->edge(0).data->weight, 2u);
  EXPECT_EQ(g->node(0).mentions, 3u);
  EXPECT_EQ(g->node(1).mentions, 1u);
}

// Issue 19: field types and ranges are checked on load (a weight of 1e308
// showed as -1 and wrapped when merged; "heavy", -3 or a label 5 passed).
TEST(JsonStoreTest, FieldTypesAndRangesAreChecked) {
  const std::string node = "{\"id\": \"a\"}, {\"id\": \"b\"}";
  auto with_link = [&](const std::string& fields) {
    return "{\"nodes\": [" + node + "], \"links\": [{\"source\": \"a\", \"target\": \"b\"" + fields + "}]}";
  };
  auto with_node = [](const std::string& fields) { return "{\"nodes\": [{\"id\": \"a\"" + fields + "}], \"links\": []}"; };
  struct Row {
    std::string text;
    std::string error;
  };
  const Row rows[] = {
      {with_link(", \"weight\": 1e308"), "link 1: \"weight\" must be a number from 0 to 9007199254740991"},
      {with_link(", \"weight\": 4.66667e+21"), "link 1: \"weight\" must be a number"},
      {with_link(", \"weight\": 18446744073709551615"), "link 1: \"weight\" must be a number"},
      {with_link(", \"weight\": \"heavy\""), "link 1: \"weight\" must be a number"},
      {with_link(", \"weight\": -1"), "link 1: \"weight\" must be a number"},
      {with_link(", \"relation\": 7"), "link 1: \"relation\" is not a string"},
      {with_link(", \"kind\": \"friendship\""), "link 1: unknown kind \"friendship\""},
      {with_link(", \"evidence\": [{\"document\": \"d\", \"start\": -4, \"end\": 2}]"),
       "link 1: \"start\" must be a number"},
      {with_link(", \"evidence\": [{\"document\": \"d\", \"start\": 5, \"end\": 2}]"),
       "link 1: evidence \"start\" after its \"end\""},
      {with_link(", \"evidence\": [{\"document\": \"d\", \"via\": \"rumour\"}]"),
       "link 1: evidence \"via\" is \"rumour\" (coreference is the only value)"},
      {with_link(", \"evidence\": [{\"document\": \"d\", \"via\": 1}]"), "link 1: \"via\" is not a string"},
      {with_link(", \"evidence\": [{\"document\": \"d\", \"sentence\": 4294967295}]"),
       "link 1: \"sentence\" must be a number"},
      {with_link(", \"evidence\": [{\"document\": \"d\", \"text\": 3}]"), "link 1: evidence \"text\" is not a string"},
      {with_node(", \"label\": 5"), "node \"a\": \"label\" is not a string"},
      {with_node(", \"type\": 5"), "node \"a\": \"type\" is not a string"},
      {with_node(", \"mentions\": -3"), "node \"a\": \"mentions\" must be a number"},
      {with_node(", \"aliases\": [\"x\", 2]"), "node \"a\": an alias is not a string"},
      {with_node(", \"aliases\": \"x\""), "node \"a\": \"aliases\" is not an array"},
      {with_node(", \"forced\": \"yes\""), "node \"a\": \"forced\" is not true or false"},
      {with_node(", \"documents\": [1]"), "node \"a\": a document is not a string"},
      {with_node(", \"type_votes\": {\"ORG\": -1}"), "node \"a\": malformed \"type_votes\""},
      {"{\"graph\": {\"documents\": [{\"id\": \"d\", \"chars\": \"many\"}]}, \"nodes\": [], \"links\": []}",
       "document \"d\": \"chars\" must be a number"},
      // Issue 20's fields, checked the same way.
      {"{\"graph\": {\"documents\": [{\"id\": \"d\", \"title\": 5}]}, \"nodes\": [], \"links\": []}",
       "document \"d\": \"title\" is not a string"},
      {"{\"graph\": {\"documents\": [{\"id\": \"d\", \"date\": 20200702}]}, \"nodes\": [], \"links\": []}",
       "document \"d\": \"date\" is not a string"},
      {"{\"graph\": {\"documents\": [{\"id\": \"d\", \"date\": \"02/07/2020\"}]}, \"nodes\": [], \"links\": []}",
       "document \"d\": \"date\" is not a date in YYYY-MM-DD form (\"02/07/2020\")"},
      {"{\"graph\": {\"documents\": [{\"id\": \"d\", \"date\": \"2020-02-30\"}]}, \"nodes\": [], \"links\": []}",
       "document \"d\": \"date\" is not a date in YYYY-MM-DD form"},
      {with_link(", \"first_seen\": \"2020-07\", \"last_seen\": \"2020-07-31\""),
       "link 1: \"first_seen\" is not a date in YYYY-MM-DD form"},
      {with_link(", \"first_seen\": \"2020-07-01\", \"last_seen\": true"), "link 1: \"last_seen\" is not a string"},
      {with_link(", \"first_seen\": \"2020-07-01\""), "link 1: \"first_seen\" and \"last_seen\" go together"},
      {with_link(", \"first_seen\": \"2021-01-01\", \"last_seen\": \"2020-07-01\""),
       "link 1: \"first_seen\" after its \"last_seen\""},
  };
  for (const Row& c : rows) {
    auto g = ParseGraphJson(c.text, "g.json");
    ASSERT_FALSE(g.ok()) << c.text;
    EXPECT_EQ(g.status().message().rfind("g.json: ", 0), 0u) << g.status().message();
    EXPECT_NE(g.status().message().find(c.error), std::string::npos) << g.status().message();
  }
}

// A title is cleaned as names are (one line, no forbidden code point).
TEST(JsonStoreTest, TitlesAreCleaned) {
  auto g = ParseGraphJson(
      "{\"graph\": {\"documents\": [{\"id\": \"d\", \"title\": \"Une\\nnouvelle\\u0001\\ufffe\", \"date\": \"2020-07-02\"}]}, "
      "\"nodes\": [], \"links\": []}",
      "g.json");
  ASSERT_TRUE(g.ok()) << g.status().message();
  ASSERT_EQ(g->documents().size(), 1u);
  EXPECT_EQ(g->documents()[0].title, "Une nouvelle  ");
  EXPECT_EQ(g->documents()[0].date, 20200702u);
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
