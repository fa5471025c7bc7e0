#include "kg/base/json_parse.h"

#include <gtest/gtest.h>

#include <string>

namespace kg {
namespace {

std::string Nested(size_t depth, char open, char close, const std::string& inside = "") {
  return std::string(depth, open) + inside + std::string(depth, close);
}

struct Case {
  std::string text;
  bool ok;
  std::string problem;  // a part of the message, when not ok
};

// Both entry points, the copying one and the in-place one, on each case.
void Check(const Case& c) {
  rapidjson::Document copied;
  JsonParse a = ParseJson(c.text, &copied);
  std::string buffer = c.text;
  rapidjson::Document in_place;
  JsonParse b = ParseJsonInPlace(buffer.data(), &in_place);
  for (const JsonParse* p : {&a, &b}) {
    EXPECT_EQ(p->ok, c.ok) << c.text.substr(0, 80);
    if (!c.ok) {
      EXPECT_NE(p->problem.find(c.problem), std::string::npos) << p->problem;
    }
  }
  if (c.ok) {
    EXPECT_FALSE(copied.IsNull());
    EXPECT_FALSE(in_place.IsNull());
  } else {
    EXPECT_TRUE(copied.IsNull());
  }
}

TEST(JsonParseTest, NestingIsBounded) {
  const std::string deep_object = [] {
    std::string s;
    for (unsigned i = 0; i < kMaxJsonDepth + 1; ++i) s += "{\"a\":";
    s += "1";
    s += std::string(kMaxJsonDepth + 1, '}');
    return s;
  }();
  const Case cases[] = {
      {"{\"id\": \"a\", \"text\": \"Paris\"}", true, ""},
      {Nested(kMaxJsonDepth, '[', ']'), true, ""},
      {Nested(kMaxJsonDepth + 1, '[', ']'), false, "nesting deeper than 512 levels"},
      {deep_object, false, "nesting deeper than 512 levels"},
      // Issue 19: 200,000 levels overflowed the stack (exit 139).
      {"{\"nodes\":" + Nested(200000, '[', ']') + ",\"links\":[]}", false, "nesting deeper"},
      {Nested(200000, '[', ']').substr(0, 200000), false, "nesting deeper"},  // unclosed too
      {"{\"a\": [1, 2", false, "Missing a comma or ']'"},
      {"", false, "The document is empty"},
  };
  for (const Case& c : cases) Check(c);
}

TEST(JsonParseTest, ErrorOffsetPointsAtTheDeepLevel) {
  std::string text = Nested(kMaxJsonDepth + 10, '[', ']');
  rapidjson::Document doc;
  JsonParse p = ParseJson(text, &doc);
  ASSERT_FALSE(p.ok);
  EXPECT_GE(p.offset, kMaxJsonDepth);
  EXPECT_LE(p.offset, kMaxJsonDepth + 1);
}

TEST(JsonParseTest, InPlaceStringsPointIntoTheBuffer) {
  std::string buffer = "{\"text\": \"caf\\u00e9\"}";
  rapidjson::Document doc;
  ASSERT_TRUE(ParseJsonInPlace(buffer.data(), &doc).ok);
  const char* s = doc["text"].GetString();
  EXPECT_GE(s, buffer.data());
  EXPECT_LT(s, buffer.data() + buffer.size());
  EXPECT_EQ(std::string(s), "café");
}

}  // namespace
}  // namespace kg
