// Queries on a small fixture graph whose answers were worked out by hand:
//
//   gamma(PERSON) -diriger(3)-> alpha(ORG) -produire(2)-> beta(PRODUCT) -vendre(1)-> epsilon(ORG)
//                               alpha ~cooc(1)~ delta(LOCATION) ~cooc(5)~ epsilon
//   zeta(ORG) -posséder(1)-> eta(PRODUCT)                     (a second component)
#include "kg/graph/query.h"

#include <gtest/gtest.h>

#include <map>
#include <numeric>

namespace kg {
namespace {

class QueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    g_.SetDocuments({{"d1", "d1.txt", 3, 100}});
    const std::pair<const char*, EntityType> nodes[] = {
        {"alpha", EntityType::kOrg},     {"beta", EntityType::kProduct}, {"delta", EntityType::kLocation},
        {"epsilon", EntityType::kOrg},   {"eta", EntityType::kProduct},  {"gamma", EntityType::kPerson},
        {"zeta", EntityType::kOrg}};
    for (const auto& [id, type] : nodes) {
      NodeData n;
      n.id = id;
      n.label = std::string(id);
      n.label[0] = static_cast<char>(n.label[0] - 32);  // "Alpha"
      n.type = type;
      if (n.id == "alpha") n.aliases = {"Alfa Corp"};
      n.forms[n.label] = {1, 1};
      n.mentions = 1;
      n.documents = {0};
      ids_[id] = g_.AddNode(std::move(n));
    }
    // Canonical order: by source id, then target id.
    Edge("alpha", "beta", "produire", EdgeKind::kRelation, 2);
    Edge("alpha", "delta", "cooccurrence", EdgeKind::kCooccurrence, 1);
    Edge("beta", "epsilon", "vendre", EdgeKind::kRelation, 1);
    Edge("delta", "epsilon", "cooccurrence", EdgeKind::kCooccurrence, 5);
    Edge("gamma", "alpha", "diriger", EdgeKind::kRelation, 3);
    Edge("zeta", "eta", "posséder", EdgeKind::kRelation, 1);
    g_.Seal();
  }
  void Edge(const char* a, const char* b, const char* rel, EdgeKind kind, uint64_t w) {
    EdgeData d;
    d.relation = rel;
    d.kind = kind;
    d.weight = w;
    d.evidence.push_back({0, 0, 0, 10, g_.StoreText(std::string(a) + " " + rel + " " + b)});
    g_.AddEdge(ids_[a], ids_[b], std::move(d));
  }
  NodeId Id(const char* name) { return ids_[name]; }
  std::vector<std::string> Labels(const std::vector<Neighbor>& ns) {
    std::vector<std::string> out;
    for (const auto& n : ns) out.push_back(g_.node(n.node).id);
    return out;
  }

  KnowledgeGraph g_;
  std::map<std::string, NodeId> ids_;
};

TEST_F(QueryTest, ResolvesLabelsAliasesAndSuggests) {
  NameIndex idx(g_);
  EXPECT_EQ(idx.Resolve("ALPHA").node, Id("alpha"));
  EXPECT_EQ(idx.Resolve("alfa corp").node, Id("alpha"));
  EXPECT_EQ(idx.Resolve("Gamma").node, Id("gamma"));
  NameMatch m = idx.Resolve("Epsilonn");
  EXPECT_FALSE(m.node);
  ASSERT_FALSE(m.suggestions.empty());
  EXPECT_EQ(m.suggestions[0], Id("epsilon"));
  EXPECT_FALSE(idx.Resolve("Zorglubium").suggestions.empty());
}

TEST_F(QueryTest, Neighbors) {
  EdgeFilter all;
  EXPECT_EQ(Labels(Neighbors(g_, Id("alpha"), 1, all)), (std::vector<std::string>{"gamma", "beta", "delta"}));
  auto two = Neighbors(g_, Id("alpha"), 2, all);
  ASSERT_EQ(two.size(), 4u);
  EXPECT_EQ(g_.node(two[3].node).id, "epsilon");
  EXPECT_EQ(two[3].depth, 2);
  EXPECT_EQ(g_.node(two[3].via.from).id, "delta");  // the heavier edge reaches it first
  EdgeFilter out;
  out.kind = KindFilter::kRelation;
  out.direction = Direction::kOut;
  EXPECT_EQ(Labels(Neighbors(g_, Id("alpha"), 1, out)), (std::vector<std::string>{"beta"}));
  EdgeFilter in;
  in.direction = Direction::kIn;
  in.kind = KindFilter::kRelation;
  EXPECT_EQ(Labels(Neighbors(g_, Id("alpha"), 1, in)), (std::vector<std::string>{"gamma"}));
  EdgeFilter rel;
  rel.relation = "produire";
  EXPECT_EQ(Labels(Neighbors(g_, Id("alpha"), 1, rel)), (std::vector<std::string>{"beta"}));
}

TEST_F(QueryTest, ShortestPaths) {
  PathOptions opt;
  auto paths = ShortestPaths(g_, Id("gamma"), Id("epsilon"), opt);
  ASSERT_EQ(paths.size(), 1u);
  ASSERT_EQ(paths[0].size(), 3u);
  EXPECT_EQ(paths[0][0].from, Id("gamma"));
  EXPECT_EQ(paths[0][1].to, Id("beta"));  // stated relations before co-mentions
  EXPECT_EQ(paths[0][2].to, Id("epsilon"));
  opt.all = true;
  EXPECT_EQ(ShortestPaths(g_, Id("gamma"), Id("epsilon"), opt).size(), 2u);
  opt.max_length = 2;
  EXPECT_TRUE(ShortestPaths(g_, Id("gamma"), Id("epsilon"), opt).empty());
  EXPECT_TRUE(ShortestPaths(g_, Id("gamma"), Id("zeta"), {}).empty());
  PathOptions rel_only;
  rel_only.kind = KindFilter::kRelation;
  EXPECT_EQ(ShortestPaths(g_, Id("epsilon"), Id("gamma"), rel_only)[0][0].forward, false);
}

TEST_F(QueryTest, EdgesAt) {
  EdgeFilter all;
  auto hops = EdgesAt(g_, Id("alpha"), Id("beta"), all);
  ASSERT_EQ(hops.size(), 1u);
  EXPECT_EQ(g_.edge(hops[0].edge).data->relation, "produire");
  EXPECT_EQ(EdgesAt(g_, Id("alpha"), std::nullopt, all).size(), 3u);
}

TEST_F(QueryTest, CentralityAndComponents) {
  auto deg = Degrees(g_);
  EXPECT_EQ(deg[Id("alpha")], 3u);
  EXPECT_EQ(deg[Id("zeta")], 1u);
  auto pr = PageRank(g_);
  EXPECT_NEAR(std::accumulate(pr.begin(), pr.end(), 0.0), 1.0, 1e-9);
  auto bc = Betweenness(g_);
  for (NodeId v = 0; v < g_.node_count(); ++v) EXPECT_LE(bc[v], bc[Id("alpha")]);
  EXPECT_DOUBLE_EQ(bc[Id("gamma")], 0.0);
  size_t count = 0;
  auto comp = Components(g_, &count);
  EXPECT_EQ(count, 2u);
  EXPECT_EQ(comp[Id("alpha")], 0u);
  EXPECT_EQ(comp[Id("zeta")], 1u);
}

TEST_F(QueryTest, Subgraph) {
  KnowledgeGraph sub = Subgraph(g_, {Id("zeta")}, 1);
  EXPECT_EQ(sub.node_count(), 2u);
  EXPECT_EQ(sub.edge_count(), 1u);
  KnowledgeGraph ego = Subgraph(g_, {Id("beta")}, 1);
  EXPECT_EQ(ego.node_count(), 3u);  // beta, alpha, epsilon
  EXPECT_EQ(ego.edge_count(), 2u);
}

TEST(EditDistanceTest, CodePoints) {
  EXPECT_EQ(EditDistance("chine", "chine"), 0u);
  EXPECT_EQ(EditDistance("état", "etat"), 1u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
}

}  // namespace
}  // namespace kg
