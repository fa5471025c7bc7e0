// Internal: the rows of a tab-separated table with '#' comments (the path
// and coreference tables of data/<lang>/).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kg/base/status.h"
#include "kg/base/text.h"

namespace kg {

// Calls row(columns) for every line that is neither empty nor a comment;
// row returns an error message ("" when the row is fine), which stops the
// reading as "WHERE:LINE: message".
template <typename Row>
Status ForEachTsvRow(std::string_view tsv, const std::string& where, Row row) {
  size_t line_no = 0;
  for (size_t pos = 0; pos < tsv.size();) {
    size_t nl = tsv.find('\n', pos);
    std::string_view line = tsv.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? tsv.size() : nl + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::string error = row(SplitTabs(line));
    if (!error.empty()) return InvalidInput(where + ":" + std::to_string(line_no) + ": " + error);
  }
  return Status::Ok();
}

}  // namespace kg
