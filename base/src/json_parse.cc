#include "kg/base/json_parse.h"

#include <rapidjson/encodedstream.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

namespace kg {

namespace {

using rapidjson::SizeType;

// Passes SAX events on to the document being built, and stops the parse
// (the handler answers false) when arrays and objects nest too deep: the
// recursive parser descends only after StartArray/StartObject say yes.
class DepthLimit {
 public:
  explicit DepthLimit(rapidjson::Document* doc) : doc_(*doc) {}
  bool too_deep() const { return too_deep_; }

  bool Null() { return doc_.Null(); }
  bool Bool(bool b) { return doc_.Bool(b); }
  bool Int(int i) { return doc_.Int(i); }
  bool Uint(unsigned u) { return doc_.Uint(u); }
  bool Int64(int64_t i) { return doc_.Int64(i); }
  bool Uint64(uint64_t u) { return doc_.Uint64(u); }
  bool Double(double d) { return doc_.Double(d); }
  bool RawNumber(const char* s, SizeType n, bool copy) { return doc_.RawNumber(s, n, copy); }
  bool String(const char* s, SizeType n, bool copy) { return doc_.String(s, n, copy); }
  bool Key(const char* s, SizeType n, bool copy) { return doc_.Key(s, n, copy); }
  bool StartObject() { return Enter() && doc_.StartObject(); }
  bool EndObject(SizeType members) {
    --depth_;
    return doc_.EndObject(members);
  }
  bool StartArray() { return Enter() && doc_.StartArray(); }
  bool EndArray(SizeType elements) {
    --depth_;
    return doc_.EndArray(elements);
  }

 private:
  bool Enter() {
    if (++depth_ <= kMaxJsonDepth) return true;
    too_deep_ = true;
    return false;
  }
  rapidjson::Document& doc_;
  unsigned depth_ = 0;
  bool too_deep_ = false;
};

// Runs the reader over `stream` into `doc` through the depth limit.
template <unsigned kFlags, typename Stream>
JsonParse Run(Stream& stream, rapidjson::Document* doc) {
  rapidjson::Reader reader;
  rapidjson::ParseResult result;
  bool too_deep = false;
  auto generate = [&](rapidjson::Document& d) {
    DepthLimit limit(&d);
    result = reader.Parse<kFlags>(stream, limit);
    too_deep = limit.too_deep();
    return !result.IsError();
  };
  doc->SetNull();
  doc->Populate(generate);
  JsonParse out;
  if (!result.IsError()) return out;
  doc->SetNull();
  out.ok = false;
  out.offset = result.Offset();
  out.problem = too_deep ? "nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels"
                         : rapidjson::GetParseError_En(result.Code());
  return out;
}

}  // namespace

JsonParse ParseJson(std::string_view text, rapidjson::Document* doc) {
  rapidjson::MemoryStream memory(text.data(), text.size());
  rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> stream(memory);
  return Run<rapidjson::kParseDefaultFlags>(stream, doc);
}

JsonParse ParseJsonInPlace(char* text, rapidjson::Document* doc) {
  rapidjson::InsituStringStream stream(text);
  return Run<rapidjson::kParseInsituFlag>(stream, doc);
}

}  // namespace kg
