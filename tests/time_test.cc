// Dates: parsing, where documents get them, how they flow into the graph
// (first_seen / last_seen), the date window and the timelines.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "kg/base/atomic_file.h"
#include "kg/base/date.h"
#include "kg/export/writer.h"
#include "kg/extract/corpus.h"
#include "kg/graph/graph_index.h"
#include "kg/graph/json_store.h"
#include "kg/graph/query.h"
#include "kg/graph/timeline.h"
#include "test_util.h"

namespace kg {
namespace {

namespace fs = std::filesystem;

struct DateCase {
  const char* text;
  Date expected;  // 0: refused
};

TEST(DateTest, Parse) {
  const DateCase cases[] = {
      {"2020-07-02", 20200702},
      {"2020-07-02T10:31:00Z", 20200702},
      {"2020-07-02T10:31:00+02:00", 20200702},
      {"2020-07-02 10:31", 20200702},
      {"  2020-07-02  ", 20200702},
      {"2020/07/02", 20200702},
      {"02/07/2020", 20200702},  // French order
      {"2020-07", 20200701},
      {"2019", 20190101},
      {"2020-02-29", 20200229},
      {"2019-02-29", 0},  // not a leap year
      {"1900-02-29", 0},
      {"2000-02-29", 20000229},
      {"2020-13-01", 0},
      {"2020-00-10", 0},
      {"2020-04-31", 0},
      {"2020-7-2", 0},
      {"2020-07-02x", 0},
      {"July 2, 2020", 0},
      {"", 0},
      {"20200702", 0},
      {"2020/07", 0},
  };
  for (const DateCase& c : cases) {
    Date d = 0;
    EXPECT_EQ(ParseDate(c.text, &d), c.expected != 0) << c.text;
    EXPECT_EQ(d, c.expected) << c.text;
  }
  EXPECT_EQ(FormatDate(20200702), "2020-07-02");
  EXPECT_EQ(FormatDate(0), "");
  EXPECT_EQ(FormatMonth(20200702), "2020-07");
  EXPECT_EQ(MonthOf(20200715), 20200701u);
}

TEST(DateTest, Range) {
  DateRange r;
  EXPECT_TRUE(r.empty());
  r.Add(0);
  EXPECT_TRUE(r.empty());
  r.Add(20200702);
  r.Add(20190101);
  r.Add(20200101);
  EXPECT_EQ(r.first, 20190101u);
  EXPECT_EQ(r.last, 20200702u);
  EXPECT_TRUE(r.Overlaps(0, 0));
  EXPECT_TRUE(r.Overlaps(20190601, 20190630));
  EXPECT_TRUE(r.Overlaps(20200702, 0));
  EXPECT_FALSE(r.Overlaps(20200703, 0));
  EXPECT_FALSE(r.Overlaps(0, 20181231));
}

class InputDir : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/kg-time-test-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  // The documents read from one input.
  std::vector<Document> Read(const std::string& path, std::vector<std::string>* warnings = nullptr) {
    auto src = DocumentSource::Open({path});
    EXPECT_TRUE(src.ok());
    std::vector<Document> out;
    Document doc;
    while (true) {
      auto more = (*src)->Next(&doc);
      EXPECT_TRUE(more.ok()) << more.status().message();
      if (!more.ok() || !*more) break;
      out.push_back(doc);
    }
    if (warnings) *warnings = (*src)->TakeWarnings();
    return out;
  }
  std::string dir_;
};

struct HeaderCase {
  const char* name;
  const char* raw;
  Date date;
  const char* title;
  const char* text;  // the text read: header lines blanked, same length
  bool warns;
};

TEST_F(InputDir, TextHeader) {
  const HeaderCase cases[] = {
      {"a.txt", "date: 2020-07-02\nMacron parle.", 20200702, "", "                \nMacron parle.", false},
      {"b.txt", "Date: 2020-07-02\r\nTitle: Un titre\r\nTexte.", 20200702, "Un titre",
       "                \r\n       Un titre\r\nTexte.", false},
      {"c.md", "---\ntitle: \"Le titre\"\ndate: 2019-03-04\nauthor: X\n---\nCorps.", 20190304, "Le titre",
       "   \n        Le titre \n                \n         \n   \nCorps.", false},
      {"d.txt", "Macron parle.\ndate: 2020-07-02", 0, "", "Macron parle.\ndate: 2020-07-02", false},
      {"e.txt", "date: demain\nTexte.", 0, "", "date: demain\nTexte.", true},
      {"f.md", "---\ndate: 2019-03-04\nno end", 0, "", "---\ndate: 2019-03-04\nno end", false},
      {"g.txt", "", 0, "", "", false},
  };
  for (const HeaderCase& c : cases) {
    std::vector<std::string> warnings;
    auto docs = Read(Write(c.name, c.raw), &warnings);
    ASSERT_EQ(docs.size(), 1u) << c.name;
    EXPECT_EQ(docs[0].date, c.date) << c.name;
    EXPECT_EQ(docs[0].title, c.title) << c.name;
    EXPECT_EQ(docs[0].text, c.text) << c.name;
    bool date_warning = false;
    for (const auto& w : warnings) date_warning = date_warning || w.find("not a date") != std::string::npos;
    EXPECT_EQ(date_warning, c.warns) << c.name;
  }
}

TEST_F(InputDir, JsonLinesDateFields) {
  std::string path = Write("c.jsonl",
                           "{\"id\": \"a\", \"title\": \"T\", \"date\": \"2020-07-02\", \"text\": \"x\"}\n"
                           "{\"id\": \"b\", \"published\": \"2019-01-05T08:00:00Z\", \"text\": \"x\"}\n"
                           "{\"id\": \"c\", \"datetime\": \"05/01/2018 10:00\", \"text\": \"x\"}\n"
                           "{\"id\": \"d\", \"date\": \"hier\", \"published\": \"2017-02-03\", \"text\": \"x\"}\n"
                           "{\"id\": \"e\", \"date\": 2020, \"text\": \"x\"}\n");
  std::vector<std::string> warnings;
  auto docs = Read(path, &warnings);
  ASSERT_EQ(docs.size(), 5u);
  const Date expected[] = {20200702, 20190105, 20180105, 20170203, 0};
  for (size_t k = 0; k < docs.size(); ++k) EXPECT_EQ(docs[k].date, expected[k]) << docs[k].id;
  EXPECT_EQ(docs[0].title, "T");
  EXPECT_EQ(docs[0].text, "T\nx");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("c.jsonl:4"), std::string::npos) << warnings[0];
}

// A title is cleaned as names are: one line, no control character (it stays
// text to read, line break and all, in the document's text).
TEST_F(InputDir, TitlesAreCleaned) {
  std::string path = Write("t.jsonl", "{\"id\": \"a\", \"title\": \"Un\\ttitre\\nsur deux\\u0085lignes\", \"text\": \"x\"}\n");
  std::string md = Write("b.md", "---\ntitle: \"Note\u00a0\x01" "du jour\"\n---\nTexte.\n");
  auto docs = Read(path, nullptr);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].title, "Un titre sur deux lignes");
  docs = Read(md, nullptr);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].title, "Note\u00a0 du jour");
}

// Three dated documents: Trump and TSMC in 2019 and 2020, Huawei only in 2020
// (co-mentioned with Trump in one sentence of b).
KnowledgeGraph Dated(BuildOptions opt = {}) {
  GraphBuilder b(opt);
  auto add = [&](const char* id, Date date, const char* text) {
    Document d{id, std::string(id) + ".txt", text};
    d.date = date;
    d.title = std::string("Titre ") + id;
    b.Add(testing::TestExtractor().Extract(std::move(d)));
  };
  add("a", 20190315, "Donald Trump a menacé TSMC.");
  add("b", 20200110, "Donald Trump a menacé TSMC, que Huawei voulait racheter.");
  add("c", 20200220, "Donald Trump a menacé TSMC.");
  add("u", 0, "Donald Trump a menacé TSMC.");
  return b.Finish();
}

const EdgeRef* EdgeBetween(const KnowledgeGraph& g, const char* a, const char* b, const char* relation) {
  auto s = g.FindById(a), t = g.FindById(b);
  if (!s || !t) return nullptr;
  for (EdgeId e : g.out_edges(*s)) {
    if (g.edge(e).target == *t && g.edge(e).data->relation == relation) return &g.edge(e);
  }
  return nullptr;
}

TEST(TimeGraphTest, FirstAndLastSeenCountEveryDocument) {
  // With one evidence sentence kept per edge, the dates still cover all.
  BuildOptions opt;
  opt.max_evidence = 1;
  KnowledgeGraph g = Dated(opt);
  const EdgeRef* e = EdgeBetween(g, "donald-trump", "tsmc", "menacer");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->data->weight, 4u);
  EXPECT_EQ(e->data->seen.first, 20190315u);
  EXPECT_EQ(e->data->seen.last, 20200220u);
  DateRange huawei = NodeSeen(g, *g.FindById("huawei"));
  EXPECT_EQ(huawei.first, 20200110u);
  EXPECT_EQ(huawei.last, 20200110u);
}

TEST(TimeGraphTest, DatesSurviveJsonIndexAndMerge) {
  KnowledgeGraph g = Dated();
  std::string json = MakeWriter("json")->Write(g);
  EXPECT_NE(json.find("\"title\":\"Titre a\",\"date\":\"2019-03-15\""), std::string::npos);
  EXPECT_NE(json.find("\"first_seen\":\"2019-03-15\",\"last_seen\":\"2020-02-20\""), std::string::npos);
  auto loaded = ParseGraphJson(json, "g.json");
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_EQ(MakeWriter("json")->Write(*loaded), json);
  auto bytes = std::make_shared<std::string>(EncodeGraphIndexBody(g));
  StampGraphIndex(FileStamp{}, bytes.get());  // (a zero stamp: not checked without one to compare)
  auto indexed = DecodeGraphIndex(*bytes, bytes, nullptr, "g.kgi", "g.json");
  ASSERT_TRUE(indexed.ok()) << indexed.status().message();
  EXPECT_EQ(MakeWriter("json")->Write(*indexed), json);
  GraphBuilder b;
  b.AddGraph(g);
  EXPECT_EQ(MakeWriter("json")->Write(b.Finish()), json);
}

TEST(TimeGraphTest, ForeignGraphIsDatedFromEvidence) {
  const char* json = R"({"graph": {"documents": [{"id": "d1", "date": "2018-05-06"}, {"id": "d2", "date": "2019-01-02"}]},
    "nodes": [{"id": "a"}, {"id": "b"}],
    "links": [{"source": "a", "target": "b", "evidence": [{"document": "d2"}, {"document": "d1"}]}]})";
  auto g = ParseGraphJson(json, "g.json");
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_EQ(g->edge(0).data->seen.first, 20180506u);
  EXPECT_EQ(g->edge(0).data->seen.last, 20190102u);
  auto bad = ParseGraphJson(R"({"graph": {"documents": [{"id": "d1", "date": "soon"}]}, "nodes": [], "links": []})", "g.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("g.json: document \"d1\": \"date\" is not a date"), std::string::npos);
}

struct WindowCase {
  Date since, until;
  size_t documents;
  uint64_t threat_weight;  // Trump menacer TSMC; 0: no such edge
  bool huawei;
};

TEST(TimeGraphTest, WithinDates) {
  KnowledgeGraph g = Dated();
  const WindowCase cases[] = {
      {0, 0, 4, 4, true},                  // no bound: everything, undated too
      {20190101, 20191231, 1, 1, false},   // 2019 alone
      {20200101, 0, 2, 2, true},
      {0, 20200115, 2, 2, true},
      {20210101, 0, 0, 0, false},
  };
  for (const WindowCase& c : cases) {
    KnowledgeGraph w = WithinDates(g, c.since, c.until);
    EXPECT_EQ(w.documents().size(), c.documents) << c.since << "-" << c.until;
    const EdgeRef* e = EdgeBetween(w, "donald-trump", "tsmc", "menacer");
    EXPECT_EQ(e ? e->data->weight : 0, c.threat_weight) << c.since << "-" << c.until;
    EXPECT_EQ(w.FindById("huawei").has_value(), c.huawei) << c.since << "-" << c.until;
    for (const EdgeRef& x : w.edges()) {
      EXPECT_TRUE(x.data->seen.empty() || x.data->seen.Overlaps(c.since, c.until));
      for (const Evidence& ev : x.data->evidence) EXPECT_LT(ev.document, w.documents().size());
    }
    // The window is a graph like any other: it writes and loads.
    EXPECT_TRUE(ParseGraphJson(MakeWriter("json")->Write(w), "w.json").ok());
  }
}

TEST(TimeGraphTest, Timelines) {
  KnowledgeGraph g = Dated();
  NodeId trump = *g.FindById("donald-trump"), tsmc = *g.FindById("tsmc"), huawei = *g.FindById("huawei");
  auto months = EntityTimeline(g, trump);
  ASSERT_EQ(months.size(), 4u);
  const Date expected[] = {20190301, 20200101, 20200201, 0};
  for (size_t k = 0; k < months.size(); ++k) {
    EXPECT_EQ(months[k].month, expected[k]);
    EXPECT_EQ(months[k].count, 1u);
    ASSERT_NE(months[k].example, nullptr);
    EXPECT_NE(months[k].example->text.find("Trump"), std::string_view::npos);
  }
  auto link = LinkTimeline(g, tsmc, trump);  // either way round
  ASSERT_EQ(link.size(), 4u);
  EXPECT_EQ(link[1].month, 20200101u);
  EXPECT_EQ(g.edge(link[1].example_edge).data->relation, "menacer");
  EXPECT_TRUE(LinkTimeline(g, trump, huawei).empty() == false);  // co-mentioned in b
  EXPECT_EQ(LinkTimeline(g, trump, huawei).size(), 1u);
}

}  // namespace
}  // namespace kg
