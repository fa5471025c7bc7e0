// Internal: text escaping shared by the XML and DOT writers.
#pragma once

#include <string>
#include <string_view>

namespace kg {

// XML 1.0 character data: & < > " escaped, carriage returns kept as &#13;,
// characters XML 1.0 forbids (C0 controls but tab and line feed, U+FFFE,
// U+FFFF) replaced by a space.
void AppendXml(std::string_view text, std::string* out);
// The inside of a Graphviz quoted string: " and \ escaped, line breaks,
// tabs and control characters turned into spaces.
void AppendDotQuoted(std::string_view text, std::string* out);

}  // namespace kg
