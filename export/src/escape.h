// Internal: text escaping shared by the XML and DOT writers.
#pragma once

#include <string>
#include <string_view>

namespace kg {

// (A second guard: texts reach the writers cleaned by CleanText already.)
// XML 1.0 character data: & < > " escaped, carriage returns kept as &#13;,
// the code points IsForbiddenCodePoint names (C0 and C1 controls, U+FFFE,
// U+FFFF...) replaced by a space.
void AppendXml(std::string_view text, std::string* out);
// The inside of a Graphviz quoted string: " and \ escaped, line breaks,
// tabs and the code points IsForbiddenCodePoint names turned into spaces.
void AppendDotQuoted(std::string_view text, std::string* out);

}  // namespace kg
