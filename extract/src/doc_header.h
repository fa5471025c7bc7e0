// Internal: a document's title and date from the metadata its input gives
// (JSONL fields; header lines at the top of a text file).
#pragma once

#include <rapidjson/document.h>

#include <string>
#include <vector>

#include "kg/extract/document.h"

namespace kg {

// The date from a JSONL object's "date", "published", "datetime",
// "published_at" or "pubDate" string (the first present). A value that is
// no date is skipped with a warning naming `where`.
Date JsonDate(const rapidjson::Value& object, const std::string& where, std::vector<std::string>* warnings);

// Reads `date:` and `title:` lines at the top of a text file (case does not
// matter; also inside a Markdown front matter block between `---` lines)
// into doc->date and doc->title. The header lines are blanked (turned into
// spaces, line ends kept) so they are not read as text, and byte offsets in
// the text still match the file. A `date:` value that is no date is left as
// text, with a warning.
void ReadTextHeader(const std::string& where, Document* doc, std::vector<std::string>* warnings);

}  // namespace kg
