#include "escape.h"

#include "kg/base/text.h"

namespace kg {

namespace {

// Bytes that start a code point some escaper must look at: ASCII controls,
// `specials`, and the lead bytes in `leads` (U+0080-U+00BF start with C2,
// surrogates with ED, U+FFFE/FFFF with EF, U+2028/2029 with E2).
struct ByteTable {
  bool slow[256] = {};
  ByteTable(std::string_view specials, std::string_view leads) {
    for (int c = 0; c < 0x20; ++c) slow[c] = true;
    slow[0x7F] = true;
    for (char c : specials) slow[static_cast<unsigned char>(c)] = true;
    for (char c : leads) slow[static_cast<unsigned char>(c)] = true;
  }
};

// Appends runs of ordinary bytes whole, and calls f(code point, raw bytes)
// for each code point that starts with a byte the table marks; invalid bytes
// come as U+FFFD.
template <typename F>
void ForEachSpecial(std::string_view text, const ByteTable& table, std::string* out, F f) {
  size_t i = 0;
  while (i < text.size()) {
    size_t run = i;
    while (run < text.size() && !table.slow[static_cast<unsigned char>(text[run])]) ++run;
    out->append(text.data() + i, run - i);
    i = run;
    if (i == text.size()) break;
    size_t len;
    char32_t cp = DecodeUtf8(text, i, &len);
    f(cp, text.substr(i, len));
    i += len;
  }
}

}  // namespace

void AppendXml(std::string_view text, std::string* out) {
  static const ByteTable table("&<>\"", "\xC2\xED\xEF");
  ForEachSpecial(text, table, out, [out](char32_t cp, std::string_view raw) {
    switch (cp) {
      case '&': out->append("&amp;"); return;
      case '<': out->append("&lt;"); return;
      case '>': out->append("&gt;"); return;
      case '"': out->append("&quot;"); return;
      case '\r': out->append("&#13;"); return;
      default: break;
    }
    if (IsForbiddenCodePoint(cp)) out->push_back(' ');
    else out->append(raw);
  });
}

void AppendDotQuoted(std::string_view text, std::string* out) {
  static const ByteTable table("\"\\", "\xC2\xE2\xED\xEF");
  ForEachSpecial(text, table, out, [out](char32_t cp, std::string_view raw) {
    if (cp == '"') out->append("\\\"");
    else if (cp == '\\') out->append("\\\\");
    else if (cp < 0x20 || IsForbiddenCodePoint(cp) || cp == 0x2028 || cp == 0x2029) out->push_back(' ');
    else out->append(raw);
  });
}

}  // namespace kg
