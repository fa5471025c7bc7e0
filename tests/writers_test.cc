#include "kg/export/writer.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <set>

#include "test_util.h"

// (export/src/html_writer.h is internal: its cap, repeated here.)
constexpr size_t HtmlWriter_kMaxNodes = 500;

namespace kg {
namespace {

// A graph whose names and evidence carry every metacharacter of the formats.
KnowledgeGraph Hostile() {
  KnowledgeGraph g;
  g.SetDocuments({{"doc<1>", "d.txt", 1, 10}});
  const char* labels[] = {"Foo & Bar <Labs>", "Quote\"Corp", "Back\\Slash ]]> --", "graph", "Tab\tNew\nLine\x01",
                          "Émoji 𝔘nicode"};
  std::vector<NodeId> ids;
  int i = 0;
  for (const char* l : labels) {
    NodeData n;
    n.id = "n";
    n.id += std::to_string(i++);
    n.label = l;
    n.type = EntityType::kOrg;
    n.aliases = {std::string(l) + " alias"};
    n.forms[l] = {1, 1};
    n.mentions = 1;
    n.documents = {0};
    ids.push_back(g.AddNode(std::move(n)));
  }
  EdgeData e;
  e.relation = "racheter";
  e.kind = EdgeKind::kRelation;
  e.weight = 1;
  e.evidence.push_back({0, 0, 0, 10, "Foo & Bar <Labs> a racheté Quote\"Corp ]]> \\ --"});
  g.AddEdge(ids[0], ids[1], e);
  EdgeData c = e;
  c.kind = EdgeKind::kCooccurrence;
  c.relation = "cooccurrence";
  g.AddEdge(ids[2], ids[3], c);
  g.Seal();
  return g;
}

TEST(WritersTest, GraphmlEscapesAndDeclaresKeys) {
  std::string x = MakeWriter("graphml")->Write(Hostile());
  EXPECT_NE(x.find("edgedefault=\"directed\""), std::string::npos);
  EXPECT_NE(x.find("<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"), std::string::npos);
  EXPECT_NE(x.find("attr.name=\"weight\" attr.type=\"double\""), std::string::npos);
  EXPECT_EQ(x.find("<Labs>"), std::string::npos);
  EXPECT_NE(x.find("&lt;Labs&gt;"), std::string::npos);
  EXPECT_NE(x.find("&amp;"), std::string::npos);
  EXPECT_NE(x.find("]]&gt;"), std::string::npos);
  EXPECT_EQ(x.find('\x01'), std::string::npos);  // illegal in XML 1.0
  // Nodes come before edges.
  EXPECT_LT(x.rfind("<node "), x.find("<edge "));
}

TEST(WritersTest, DotQuotesIdsAndLabels) {
  std::string d = MakeWriter("dot")->Write(Hostile());
  EXPECT_EQ(d.rfind("digraph \"kg\" {", 0), 0u);
  EXPECT_NE(d.find("Quote\\\"Corp"), std::string::npos);
  EXPECT_NE(d.find("Back\\\\Slash"), std::string::npos);
  EXPECT_NE(d.find("style=dashed"), std::string::npos);
  EXPECT_NE(d.find("label=\"Tab New Line \""), std::string::npos);  // no raw line breaks or controls
}

TEST(WritersTest, JsonIsNodeLink) {
  std::string j = MakeWriter("json")->Write(Hostile());
  EXPECT_EQ(j.rfind("{\"directed\":true,\"multigraph\":true,\"graph\":{\"generator\":\"kg\"", 0), 0u);
  EXPECT_NE(j.find("\"links\":["), std::string::npos);
  EXPECT_NE(j.find("Quote\\\"Corp"), std::string::npos);
}

TEST(WritersTest, GexfEscapesAndIsMixed) {
  KnowledgeGraph g = Hostile();
  std::string x = MakeWriter("gexf")->Write(g);
  EXPECT_NE(x.find("<gexf xmlns=\"http://gexf.net/1.3\""), std::string::npos);
  EXPECT_NE(x.find("defaultedgetype=\"directed\" mode=\"static\""), std::string::npos);  // undated
  EXPECT_NE(x.find("<attribute id=\"mentions\" title=\"mentions\" type=\"long\"/>"), std::string::npos);
  EXPECT_NE(x.find("label=\"Foo &amp; Bar &lt;Labs&gt;\""), std::string::npos);
  EXPECT_NE(x.find("label=\"Quote&quot;Corp\""), std::string::npos);
  EXPECT_EQ(x.find('\x01'), std::string::npos);
  EXPECT_NE(x.find("source=\"n2\" target=\"n3\" type=\"mutual\" weight=\"1.0\""), std::string::npos);
  EXPECT_NE(x.find("source=\"n0\" target=\"n1\" label=\"racheter\" weight=\"1.0\""), std::string::npos);
  EXPECT_EQ(x.find(" start=\""), std::string::npos);
}

TEST(WritersTest, GexfIntervalsFromDates) {
  KnowledgeGraph g = testing::BuildFrom({{"a", "Donald Trump a menacé TSMC."}});
  std::vector<DocumentInfo> docs = g.documents();
  docs[0].date = 20200702;
  g.SetDocuments(docs);
  std::string x = MakeWriter("gexf")->Write(g);
  EXPECT_NE(x.find("mode=\"dynamic\" timeformat=\"date\" timerepresentation=\"interval\""), std::string::npos);
  EXPECT_NE(x.find("label=\"TSMC\" start=\"2020-07-02\" end=\"2020-07-02\""), std::string::npos);
  // GraphML declares and fills the dates too (an undated graph's file has none).
  std::string ml = MakeWriter("graphml")->Write(g);
  EXPECT_NE(ml.find("<key id=\"edge_first_seen\" for=\"edge\" attr.name=\"first_seen\""), std::string::npos);
  EXPECT_NE(ml.find("<data key=\"first_seen\">2020-07-02</data>"), std::string::npos);
  EXPECT_EQ(MakeWriter("graphml")->Write(Hostile()).find("first_seen"), std::string::npos);
}

TEST(WritersTest, Neo4jCsvHeadersAndQuoting) {
  auto w = MakeWriter("neo4j");
  ASSERT_EQ(w->FileNames(), (std::vector<std::string>{"nodes.csv", "relationships.csv", "load.cypher"}));
  KnowledgeGraph g = Hostile();
  auto part = [&](size_t k) {
    OutputBuffer b;
    w->WritePart(k, g, &b);
    return b.Take();
  };
  std::string nodes = part(0), rels = part(1), script = part(2);
  EXPECT_EQ(nodes.rfind("id:ID,name,type,aliases,mentions:long,documents:int,first_seen:date,last_seen:date,:LABEL\n", 0), 0u);
  EXPECT_EQ(std::count(nodes.begin(), nodes.end(), '\n'), 7);  // header + 6 (the label's line break is a space)
  EXPECT_NE(nodes.find("n1,\"Quote\"\"Corp\",ORG,\"Quote\"\"Corp alias\",1,1,,,Entity;Organization\n"), std::string::npos);
  EXPECT_EQ(rels.rfind(":START_ID,:END_ID,:TYPE,kind,weight:long,", 0), 0u);
  EXPECT_EQ(std::count(rels.begin(), rels.end(), '\n'), 3);
  EXPECT_NE(rels.find("n2,n3,cooccurrence,cooccurrence,1,"), std::string::npos);
  EXPECT_NE(script.find("CREATE (a)-[r:`racheter`]->(b)"), std::string::npos);
  EXPECT_NE(script.find("WHERE row.`:TYPE` = 'cooccurrence'"), std::string::npos);
}

TEST(WritersTest, CyjsIsValidJsonWithElements) {
  std::string j = MakeWriter("cyjs")->Write(Hostile());
  rapidjson::Document d;
  d.Parse(j.c_str(), j.size());
  ASSERT_FALSE(d.HasParseError());
  ASSERT_TRUE(d["elements"]["nodes"].IsArray());
  EXPECT_EQ(d["elements"]["nodes"].Size(), 6u);
  EXPECT_EQ(d["elements"]["edges"].Size(), 2u);
  const auto& e = d["elements"]["edges"][1]["data"];
  EXPECT_STREQ(e["interaction"].GetString(), "cooccurrence");
  EXPECT_FALSE(e["directed"].GetBool());
  EXPECT_STREQ(d["elements"]["nodes"][1]["data"]["name"].GetString(), "Quote\"Corp");
}

// kg build --format json into a directory of an earlier full build: the
// files of the other formats go, a file that is not kg's stays.
TEST(WritersTest, StaleOutputsAreRemoved) {
  char tmpl[] = "/tmp/kg-stale-test-XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  std::string dir = tmpl;
  KnowledgeGraph g = Hostile();
  ASSERT_TRUE(WriteGraphFiles(g, dir, WriterFormats()).ok());
  std::ofstream(dir + "/notes.txt") << "mine";
  std::vector<std::string> removed;
  ASSERT_TRUE(WriteGraphFiles(g, dir, {"json"}, &removed).ok());  // removed with the commit
  EXPECT_EQ(removed.size(), WriterFormats().size() + 1);  // each other format's file (neo4j: three)
  std::vector<std::string> left;
  for (const auto& e : std::filesystem::directory_iterator(dir)) left.push_back(e.path().filename().string());
  std::sort(left.begin(), left.end());
  EXPECT_EQ(left, (std::vector<std::string>{"graph.json", "graph.kgi", "notes.txt"}));
  removed = RemoveStaleOutputs(dir, {"dot"});
  EXPECT_EQ(removed, (std::vector<std::string>{dir + "/graph.json", dir + "/graph.kgi"}));
  std::filesystem::remove_all(dir);
}

// A large graph's page shows its most connected entities and says how many
// there are in all; its data cannot end the script element early.
TEST(WritersTest, HtmlPageIsCutToTheMostConnected) {
  auto w = MakeWriter("html");
  if (!w) GTEST_SKIP() << "kg built without the page's drawing library";
  KnowledgeGraph g;
  g.SetDocuments({{"d", "d.txt", 1, 10}});
  const size_t n = 600;
  for (size_t i = 0; i < n; ++i) {
    NodeData d;
    d.id = "n" + std::to_string(1000 + i);
    d.label = i == 0 ? "Hub </script><!--" : d.id;
    d.documents = {0};
    g.AddNode(std::move(d));
  }
  for (NodeId v = 1; v < n; ++v) {  // a star, and a chain among the first 300
    EdgeData e;
    e.relation = "cooccurrence";
    e.weight = 1;
    e.evidence.push_back({0, 0, 0, 10, "x"});
    g.AddEdge(0, v, e);
  }
  for (NodeId v = 1; v + 1 < 300; ++v) {
    EdgeData e;
    e.relation = "lier";
    e.kind = EdgeKind::kRelation;
    e.weight = 2;
    g.AddEdge(v, v + 1, e);
  }
  g.Seal();
  std::string page = w->Write(g);
  size_t begin = page.find("<script type=\"application/json\" id=\"kg-data\">");
  ASSERT_NE(begin, std::string::npos);
  begin = page.find('>', begin) + 1;
  size_t end = page.find("</script>", begin);
  std::string json = page.substr(begin, end - begin);
  rapidjson::Document d;
  d.Parse(json.c_str(), json.size());
  ASSERT_FALSE(d.HasParseError());
  EXPECT_EQ(d["total"]["nodes"].GetUint(), n);
  ASSERT_EQ(d["nodes"].Size(), HtmlWriter_kMaxNodes);
  EXPECT_STREQ(d["nodes"][0]["label"].GetString(), "Hub </script><!--");
  // The chain's nodes (degree 2 or 3) all come before the star's leaves (1).
  std::set<std::string> shown;
  for (const auto& node : d["nodes"].GetArray()) shown.insert(node["id"].GetString());
  for (size_t i = 1; i < 300; ++i) EXPECT_TRUE(shown.count("n" + std::to_string(1000 + i))) << i;
  EXPECT_EQ(w->Write(g), page);
}

TEST(WritersTest, SameGraphSameBytes) {
  for (const auto& f : WriterFormats()) {
    EXPECT_EQ(MakeWriter(f)->Write(Hostile()), MakeWriter(f)->Write(Hostile())) << f;
  }
  EXPECT_EQ(MakeWriter("pdf"), nullptr);
}

}  // namespace
}  // namespace kg
