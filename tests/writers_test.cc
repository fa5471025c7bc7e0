#include "kg/export/writer.h"

#include <gtest/gtest.h>

#include "test_util.h"

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

TEST(WritersTest, SameGraphSameBytes) {
  for (const auto& f : WriterFormats()) {
    EXPECT_EQ(MakeWriter(f)->Write(Hostile()), MakeWriter(f)->Write(Hostile())) << f;
  }
  EXPECT_EQ(MakeWriter("pdf"), nullptr);
}

}  // namespace
}  // namespace kg
