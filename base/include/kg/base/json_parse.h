// RapidJSON parsing with bounded nesting: every JSON reader of kg (graph.json,
// JSONL lines, JSON gazetteers) parses through here, so a hostile input such
// as 200,000 nested '[' is refused with an error instead of overflowing the
// stack of RapidJSON's recursive parser.
//
//   rapidjson::Document doc;
//   JsonParse p = ParseJsonInPlace(buffer.data(), &doc);
//   if (!p.ok) return InvalidInput(path + ": invalid JSON at byte " +
//                                  std::to_string(p.offset) + ": " + p.problem);
//
// Requires: the caller links kg_rapidjson (a header-only library).
// Guarantees: on failure `doc` is left null and `offset`/`problem` say where
// and what; nesting past kMaxJsonDepth is the problem "nesting deeper than
// 512 levels". Thread safety: reentrant.
#pragma once

#include <rapidjson/document.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace kg {

// Arrays and objects nested deeper than this are refused (kg's own files
// nest five levels; the recursive parser uses ~200 bytes of stack a level).
inline constexpr unsigned kMaxJsonDepth = 512;

struct JsonParse {
  bool ok = true;
  size_t offset = 0;      // byte offset of the error
  std::string problem;    // what is wrong, in English
};

// Parses `text` (copied into the document's allocator).
JsonParse ParseJson(std::string_view text, rapidjson::Document* doc);
// Parses the NUL-terminated `text` in place: strings are unescaped inside the
// buffer and the document points into it (the buffer must outlive `doc`).
JsonParse ParseJsonInPlace(char* text, rapidjson::Document* doc);

}  // namespace kg
