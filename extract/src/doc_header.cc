#include "doc_header.h"

#include <string_view>

#include "kg/base/text.h"

namespace kg {

namespace {

bool StartsWithKey(std::string_view line, std::string_view key, std::string_view* value) {
  if (line.size() <= key.size() || line[key.size()] != ':') return false;
  for (size_t k = 0; k < key.size(); ++k) {
    char c = line[k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != key[k]) return false;
  }
  *value = line.substr(key.size() + 1);
  while (!value->empty() && (value->front() == ' ' || value->front() == '\t')) value->remove_prefix(1);
  while (!value->empty() && (value->back() == ' ' || value->back() == '\r')) value->remove_suffix(1);
  if (value->size() >= 2 && (value->front() == '"' || value->front() == '\'') && value->back() == value->front()) {
    *value = value->substr(1, value->size() - 2);
  }
  return true;
}

void Blank(std::string* text, size_t begin, size_t end) {
  for (size_t k = begin; k < end; ++k) {
    if ((*text)[k] != '\r' && (*text)[k] != '\n') (*text)[k] = ' ';
  }
}

std::string_view LineAt(const std::string& text, size_t at, size_t* next) {
  size_t nl = text.find('\n', at);
  *next = nl == std::string::npos ? text.size() : nl + 1;
  std::string_view line(text.data() + at, (nl == std::string::npos ? text.size() : nl) - at);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

Date JsonDate(const rapidjson::Value& object, const std::string& where, std::vector<std::string>* warnings) {
  for (const char* key : {"date", "published", "datetime", "published_at", "pubDate"}) {
    auto it = object.FindMember(key);
    if (it == object.MemberEnd() || !it->value.IsString()) continue;
    std::string_view value(it->value.GetString(), it->value.GetStringLength());
    Date d = 0;
    if (ParseDate(value, &d)) return d;
    if (warnings && !value.empty()) {
      warnings->push_back(where + ": \"" + key + "\" is not a date (" + CleanText(value.substr(0, 40), true) + "); ignored");
    }
  }
  return 0;
}

void ReadTextHeader(const std::string& where, Document* doc, std::vector<std::string>* warnings) {
  std::string& text = doc->text;
  size_t at = 0, next = 0;
  std::string_view line = LineAt(text, at, &next);
  bool front_matter = line == "---";
  // Byte ranges to blank once the header is known to be one: the date line
  // whole; of a title line only the key (the title stays text to read).
  std::vector<std::pair<size_t, size_t>> blanks;
  if (front_matter) {
    blanks.emplace_back(0, next);
    at = next;
  }
  bool closed = !front_matter;
  Date date = 0;
  std::string title;
  while (at < text.size()) {
    line = LineAt(text, at, &next);
    if (front_matter && line == "---") {
      blanks.emplace_back(at, next);
      closed = true;
      break;
    }
    std::string_view value;
    if (StartsWithKey(line, "date", &value)) {
      if (!ParseDate(value, &date)) {
        if (warnings) warnings->push_back(where + ": \"date:\" line is not a date (" + CleanText(value.substr(0, 40), true) + "); read as text");
        break;
      }
      blanks.emplace_back(at, next);
    } else if (StartsWithKey(line, "title", &value)) {
      title = std::string(value);
      blanks.emplace_back(at, static_cast<size_t>(value.data() - text.data()));
      if (value.data() + value.size() < text.data() + next) {  // a closing quote
        blanks.emplace_back(static_cast<size_t>(value.data() + value.size() - text.data()), next);
      }
    } else if (!front_matter) {
      break;
    } else {
      blanks.emplace_back(at, next);  // other front matter (author, tags): metadata, not text
    }
    at = next;
  }
  if (!closed) return;  // an unclosed front matter block is text, not a header
  doc->date = date;
  doc->title = CleanText(title, true);  // one line, as names and ids
  for (auto [begin, end] : blanks) Blank(&text, begin, end);
}

}  // namespace kg
