#include "kg/extract/corpus.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <unicode/ucnv.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>

#include "doc_header.h"
#include "kg/base/atomic_file.h"
#include "kg/base/text.h"

namespace kg {

namespace fs = std::filesystem;

namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool IsJsonl(const std::string& path) { return EndsWith(path, ".jsonl") || EndsWith(path, ".jsonl.gz"); }

bool IsTextInput(const std::string& path) {
  return EndsWith(path, ".txt") || EndsWith(path, ".md") || IsJsonl(path);
}

std::string Stem(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  for (std::string_view ext : {".jsonl.gz", ".jsonl", ".txt", ".md"}) {
    if (EndsWith(name, ext)) return name.substr(0, name.size() - ext.size());
  }
  size_t dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

Status Convert(const std::string& where, const char* encoding, const std::string& in, std::string* out) {
  UErrorCode err = U_ZERO_ERROR;
  std::vector<char> buf(in.size() * 3 + 16);
  int32_t n = ucnv_convert("UTF-8", encoding, buf.data(), static_cast<int32_t>(buf.size()), in.data(),
                           static_cast<int32_t>(in.size()), &err);
  if (U_FAILURE(err)) return InvalidInput(where + ": cannot convert from " + encoding);
  out->assign(buf.data(), static_cast<size_t>(n));
  return Status::Ok();
}

}  // namespace

// Reads lines from a plain or gzip-compressed file.
struct DocumentSource::LineReader {
  gzFile gz = nullptr;
  std::string path;
  size_t line = 0;
  std::string buffer;
  size_t pos = 0;
  bool eof = false;

  ~LineReader() {
    if (gz) gzclose(gz);
  }

  // Returns false at end of file.
  bool Next(std::string* out, Status* status) {
    out->clear();
    while (true) {
      size_t nl = buffer.find('\n', pos);
      if (nl != std::string::npos) {
        out->append(buffer, pos, nl - pos);
        pos = nl + 1;
        ++line;
        return true;
      }
      out->append(buffer, pos, std::string::npos);
      buffer.clear();
      pos = 0;
      if (eof) {
        if (out->empty()) return false;
        ++line;
        return true;
      }
      buffer.resize(1 << 16);
      int n = gzread(gz, buffer.data(), static_cast<unsigned>(buffer.size()));
      if (n < 0) {
        int errnum;
        const char* msg = gzerror(gz, &errnum);
        *status = InvalidInput(path + ": read error: " + (msg ? msg : "corrupt data"));
        buffer.clear();
        return false;
      }
      buffer.resize(static_cast<size_t>(n));
      if (n == 0) eof = true;
    }
  }
};

DocumentSource::~DocumentSource() = default;

StatusOr<std::unique_ptr<DocumentSource>> DocumentSource::Open(const std::vector<std::string>& inputs) {
  std::unique_ptr<DocumentSource> src(new DocumentSource());
  if (inputs.empty()) return Usage("no input given");
  for (const std::string& in : inputs) {
    if (in == "-") {
      src->files_.push_back(in);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(in, ec);
    if (ec || !fs::exists(st)) {
      if (fs::is_symlink(fs::symlink_status(in, ec))) return IoError(in + ": broken or looping symbolic link");
      return IoError(in + ": no such file or directory");
    }
    if (fs::is_directory(st)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec), end;
      if (ec) return IoError(in + ": cannot read directory: " + ec.message());
      for (; it != end; it.increment(ec)) {
        if (ec) return IoError(in + ": cannot read directory: " + ec.message());
        std::error_code ec2;
        if (it->is_regular_file(ec2) && IsTextInput(it->path().string())) found.push_back(it->path().string());
      }
      if (ec) return IoError(in + ": cannot read directory: " + ec.message());
      if (found.empty()) return InvalidInput(in + ": directory holds no .txt, .md or .jsonl files");
      std::sort(found.begin(), found.end());
      src->files_.insert(src->files_.end(), found.begin(), found.end());
      continue;
    }
    if (!fs::is_regular_file(st)) return InvalidInput(in + ": not a regular file");
    src->files_.push_back(in);
  }
  for (const std::string& f : src->files_) {
    std::error_code ec;
    uint64_t n = f == "-" ? 0 : fs::file_size(f, ec);
    src->sizes_.push_back(ec ? 0 : n);
    if (f == "-") src->size_unknown_ = true;
  }
  return src;
}

double DocumentSource::InputFraction() const {
  uint64_t total = 0, done = 0;
  size_t current = lines_ ? next_file_ - 1 : next_file_;  // files before it are read
  for (size_t k = 0; k < sizes_.size(); ++k) {
    total += sizes_[k];
    if (k < current) done += sizes_[k];
  }
  if (lines_ && lines_->gz) done += static_cast<uint64_t>(std::max<z_off_t>(0, gzoffset(lines_->gz)));
  if (size_unknown_ || total == 0) return -1;
  return std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
}

std::string DocumentSource::UniqueId(std::string id) {
  auto [it, added] = ids_.emplace(id, 1);
  if (added) return id;
  std::string candidate;
  do {
    candidate = id + "~" + std::to_string(++it->second);
  } while (ids_.count(candidate));
  ids_.emplace(candidate, 1);
  return candidate;
}

Status NormalizeText(const std::string& where, std::string* text, std::vector<std::string>* warnings) {
  std::string& t = *text;
  if (t.size() >= 2 && ((t[0] == '\xFF' && t[1] == '\xFE') || (t[0] == '\xFE' && t[1] == '\xFF'))) {
    std::string out;
    Status s = Convert(where, t[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE", t.substr(2), &out);
    if (!s.ok()) return s;
    t = std::move(out);
  }
  if (t.size() >= 3 && t.compare(0, 3, "\xEF\xBB\xBF") == 0) t.erase(0, 3);
  if (t.find('\0') != std::string::npos) {
    return InvalidInput(where + ": binary data (NUL byte at offset " + std::to_string(t.find('\0')) + ")");
  }
  size_t bad = FindInvalidUtf8(t);
  if (bad != std::string::npos) {
    // Mostly valid UTF-8 with a few broken bytes: drop those bytes. Otherwise
    // the text is in a legacy 8-bit encoding: read it as Windows-1252 (a
    // superset of Latin-1 with ’ « » œ €), the usual one for French.
    size_t valid_multibyte = 0, invalid = 0;
    std::string cleaned;
    cleaned.reserve(t.size());
    for (size_t i = 0; i < t.size();) {
      unsigned char c = static_cast<unsigned char>(t[i]);
      if (c < 0x80) {
        cleaned.push_back(t[i++]);
        continue;
      }
      size_t len;
      char32_t cp = DecodeUtf8(t, i, &len);
      if (cp == 0xFFFD && !(len == 3 && t.compare(i, 3, "\xEF\xBF\xBD") == 0)) {
        ++invalid;
        i += len;
        continue;
      }
      ++valid_multibyte;
      cleaned.append(t, i, len);
      i += len;
    }
    if (valid_multibyte >= invalid) {
      if (warnings) {
        warnings->push_back(where + ": " + std::to_string(invalid) + " invalid UTF-8 byte(s), first at byte " +
                            std::to_string(bad) + "; dropped");
      }
      t = std::move(cleaned);
    } else {
      std::string out;
      Status s = Convert(where, "windows-1252", t, &out);
      if (!s.ok()) return InvalidInput(where + ": invalid UTF-8 at byte " + std::to_string(bad));
      if (warnings) {
        warnings->push_back(where + ": not valid UTF-8 (byte " + std::to_string(bad) + "); read as Windows-1252");
      }
      t = std::move(out);
    }
  }
  // Control characters other than tab and line breaks become spaces (eight
  // bytes at a time past those with none below 0x20 and no DEL).
  auto fix = [](char& c) {
    auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n' && c != '\r' && c != '\t') || u == 0x7F) c = ' ';
  };
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  size_t i = 0;
  for (; i + 8 <= t.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, t.data() + i, 8);
    // A byte below 0x20 or equal to 0x7F sets its high bit here (others may
    // too, then the bytes are looked at one by one).
    uint64_t low = (w - kOnes * 0x20) & ~w;
    uint64_t del = ((w ^ (kOnes * 0x7F)) - kOnes) & ~(w ^ (kOnes * 0x7F));
    if (((low | del) & kHighs) == 0) continue;
    for (size_t k = i; k < i + 8; ++k) fix(t[k]);
  }
  for (; i < t.size(); ++i) fix(t[i]);
  return Status::Ok();
}

Status DocumentSource::CheckText(const std::string& where, std::string* text) {
  return NormalizeText(where, text, &warnings_);
}

StatusOr<bool> DocumentSource::NextJsonLine(Document* doc) {
  std::string line;
  while (true) {
    Status st;
    if (!lines_->Next(&line, &st)) {
      if (!st.ok()) return st;
      lines_.reset();
      return false;
    }
    std::string where = lines_->path + ":" + std::to_string(lines_->line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    // Parsed in place: strings are unescaped inside `line`, not copied out.
    rapidjson::Document d;
    d.ParseInsitu(line.data());
    if (d.HasParseError()) {
      return InvalidInput(where + ": invalid JSON at column " + std::to_string(d.GetErrorOffset() + 1) + ": " +
                          rapidjson::GetParseError_En(d.GetParseError()));
    }
    if (!d.IsObject() || !d.HasMember("text") || !d["text"].IsString()) {
      return InvalidInput(where + ": expected an object with a string \"text\"");
    }
    std::string id;
    if (d.HasMember("id") && d["id"].IsString()) id = d["id"].GetString();
    else if (d.HasMember("id") && d["id"].IsInt64()) id = std::to_string(d["id"].GetInt64());
    else id = Stem(lines_->path) + "-" + std::to_string(lines_->line);
    doc->id = UniqueId(id);
    doc->path = where;
    // The title, if any, then the text, put together in one go.
    std::string_view body(d["text"].GetString(), d["text"].GetStringLength());
    std::string_view title;
    if (d.HasMember("title") && d["title"].IsString()) title = {d["title"].GetString(), d["title"].GetStringLength()};
    doc->title = std::string(title);
    if (!NormalizeText(where, &doc->title, nullptr).ok()) doc->title.clear();
    doc->date = JsonDate(d, where, &warnings_);
    doc->text.clear();
    doc->text.reserve(title.size() + 1 + body.size());
    if (!title.empty()) doc->text.append(title).push_back('\n');
    doc->text.append(body);
    Status s = CheckText(where, &doc->text);
    if (!s.ok()) return s;
    return true;
  }
}

Status DocumentSource::OpenFile(const std::string& path) {
  lines_ = std::make_unique<LineReader>();
  lines_->path = path;
  lines_->gz = gzopen(path.c_str(), "rb");
  if (!lines_->gz) {
    lines_.reset();
    return IoError(path + ": cannot open for reading: " + std::strerror(errno));
  }
  gzbuffer(lines_->gz, 1 << 17);
  return Status::Ok();
}

StatusOr<bool> DocumentSource::Next(Document* doc) {
  while (true) {
    if (lines_) {
      auto more = NextJsonLine(doc);
      if (!more.ok() || *more) return more;
      continue;
    }
    if (next_file_ >= files_.size()) return false;
    const std::string path = files_[next_file_++];
    if (path != "-" && IsJsonl(path)) {
      Status s = OpenFile(path);
      if (!s.ok()) return s;
      continue;
    }
    std::string text;
    if (path == "-") {
      text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
      doc->id = UniqueId("stdin");
    } else {
      Status s = ReadFile(path, &text);
      if (!s.ok()) return s;
      if (text.empty()) warnings_.push_back(path + ": empty file");
      doc->id = UniqueId(Stem(path));
    }
    doc->path = path;
    Status s = CheckText(path, &text);
    if (!s.ok()) return s;
    doc->text = std::move(text);
    doc->title.clear();
    doc->date = 0;
    ReadTextHeader(path, doc, &warnings_);
    return true;
  }
}

}  // namespace kg
