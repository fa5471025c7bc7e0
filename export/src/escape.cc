#include "escape.h"

#include "kg/base/text.h"

namespace kg {

namespace {

// Calls f(code point, raw bytes) for each code point; invalid bytes come as U+FFFD.
template <typename F>
void ForEachCodePoint(std::string_view text, F f) {
  for (size_t i = 0; i < text.size();) {
    size_t len;
    char32_t cp = DecodeUtf8(text, i, &len);
    f(cp, text.substr(i, len));
    i += len;
  }
}

bool XmlForbidden(char32_t cp) {
  return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF ||
         (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0x7F && cp <= 0x9F);
}

}  // namespace

void AppendXml(std::string_view text, std::string* out) {
  ForEachCodePoint(text, [out](char32_t cp, std::string_view raw) {
    switch (cp) {
      case '&': out->append("&amp;"); return;
      case '<': out->append("&lt;"); return;
      case '>': out->append("&gt;"); return;
      case '"': out->append("&quot;"); return;
      case '\r': out->append("&#13;"); return;
      default: break;
    }
    if (XmlForbidden(cp)) out->push_back(' ');
    else out->append(raw);
  });
}

void AppendDotQuoted(std::string_view text, std::string* out) {
  ForEachCodePoint(text, [out](char32_t cp, std::string_view raw) {
    if (cp == '"') out->append("\\\"");
    else if (cp == '\\') out->append("\\\\");
    else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029) out->push_back(' ');
    else out->append(raw);
  });
}

}  // namespace kg
