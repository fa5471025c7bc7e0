#include "kg/extract/conllu.h"

#include <charconv>
#include <fstream>
#include <sstream>

#include "kg/base/text.h"

namespace kg {
namespace {

bool ParseInt(std::string_view s, int* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

// Reads one non-comment line into `sentence`; false (with `error`) if malformed.
bool ReadLine(std::string_view line, UdSentence* sentence, std::string* error) {
  std::vector<std::string_view> c = SplitTabs(line);
  if (c.size() != 10) {
    *error = "expected 10 tab-separated columns, found " + std::to_string(c.size());
    return false;
  }
  std::string_view id = c[0];
  if (id.find('.') != std::string_view::npos) {
    sentence->empty_nodes.emplace_back(line);
    return true;
  }
  size_t dash = id.find('-');
  if (dash != std::string_view::npos) {
    UdToken t;
    if (!ParseInt(id.substr(0, dash), &t.first) || !ParseInt(id.substr(dash + 1), &t.last) || t.first > t.last) {
      *error = "bad multi-word token range \"" + std::string(id) + "\"";
      return false;
    }
    t.form = std::string(c[1]);
    t.misc = std::string(c[9]);
    sentence->tokens.push_back(std::move(t));
    return true;
  }
  int n = 0;
  if (!ParseInt(id, &n) || n != static_cast<int>(sentence->words.size()) + 1) {
    *error = "word id \"" + std::string(id) + "\" out of sequence";
    return false;
  }
  UdWord w;
  w.form = std::string(c[1]);
  w.lemma = std::string(c[2]);
  w.upos = std::string(c[3]);
  w.xpos = std::string(c[4]);
  w.feats = std::string(c[5]);
  if (c[6] != "_" && !ParseInt(c[6], &w.head)) {
    *error = "bad head \"" + std::string(c[6]) + "\"";
    return false;
  }
  w.deprel = std::string(c[7]);
  w.deps = std::string(c[8]);
  w.misc = std::string(c[9]);
  sentence->words.push_back(std::move(w));
  return true;
}

}  // namespace

StatusOr<std::vector<UdSentence>> ParseConllu(std::string_view text, const std::string& where) {
  std::vector<UdSentence> out;
  UdSentence current;
  size_t line_no = 0, pos = 0;
  auto finish = [&]() {
    if (!current.words.empty()) out.push_back(std::move(current));
    current = UdSentence();
  };
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      finish();
    } else if (line[0] == '#') {
      current.comments.emplace_back(line);
    } else {
      std::string error;
      if (!ReadLine(line, &current, &error)) return InvalidInput(where + ":" + std::to_string(line_no) + ": " + error);
    }
  }
  finish();
  for (const UdSentence& s : out) {
    for (const UdWord& w : s.words) {
      if (w.head > static_cast<int>(s.words.size())) return InvalidInput(where + ": a head points past its sentence");
    }
  }
  return out;
}

StatusOr<std::vector<UdSentence>> ReadConllu(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(path + ": cannot open for reading");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return IoError(path + ": read error");
  return ParseConllu(buffer.str(), path);
}

void AppendConllu(const UdSentence& s, std::string* out) {
  for (const std::string& c : s.comments) {
    out->append(c);
    out->push_back('\n');
  }
  size_t next_token = 0;
  for (size_t i = 0; i < s.words.size(); ++i) {
    int id = static_cast<int>(i) + 1;
    while (next_token < s.tokens.size() && s.tokens[next_token].first == id) {
      const UdToken& t = s.tokens[next_token++];
      *out += std::to_string(t.first) + "-" + std::to_string(t.last) + "\t" + t.form + "\t_\t_\t_\t_\t_\t_\t_\t" + t.misc + "\n";
    }
    const UdWord& w = s.words[i];
    std::string head = w.head < 0 ? "_" : std::to_string(w.head);
    *out += std::to_string(id) + "\t" + w.form + "\t" + w.lemma + "\t" + w.upos + "\t" + w.xpos + "\t" + w.feats + "\t" +
            head + "\t" + w.deprel + "\t" + w.deps + "\t" + w.misc + "\n";
  }
  out->push_back('\n');
}

int SpanHead(const UdSentence& s, int first, int last) {
  for (int i = first; i <= last; ++i) {
    int h = s.words[i].head - 1;
    if (h < first || h > last) return i;
  }
  return first;
}

std::vector<std::string_view> SplitFeats(std::string_view feats) {
  std::vector<std::string_view> out;
  if (feats.empty() || feats == "_") return out;
  size_t start = 0;
  while (start <= feats.size()) {
    size_t bar = feats.find('|', start);
    if (bar == std::string_view::npos) bar = feats.size();
    if (bar > start) out.push_back(feats.substr(start, bar - start));
    start = bar + 1;
  }
  return out;
}

}  // namespace kg
