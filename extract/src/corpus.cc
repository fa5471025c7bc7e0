#include "kg/extract/corpus.h"

#include <rapidjson/document.h>
#include <unicode/ucnv.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "doc_header.h"
#include "kg/base/atomic_file.h"
#include "kg/base/json_parse.h"
#include "kg/base/standard_input.h"
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

std::string DocumentLimitText() { return std::to_string(kMaxDocumentBytes >> 20) + " MiB"; }

// The error for a file past the document limit: binary data if its first
// 64 KiB hold a NUL byte (the more useful thing to say), else its size.
Status TooLarge(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(1 << 16, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  if (size_t nul = head.find('\0'); nul != std::string::npos) {
    return InvalidInput(path + ": binary data (NUL byte at offset " + std::to_string(nul) + ")");
  }
  return InvalidInput(path + ": larger than the " + DocumentLimitText() + " document limit (split it, or make it a .jsonl)");
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
  uint64_t offset = 0;  // bytes read (decompressed) before `buffer`

  ~LineReader() {
    if (gz) gzclose(gz);
  }

  // zlib's message for the last error, without the path it puts first.
  std::string ZlibError() const {
    int errnum = Z_OK;
    const char* msg = gzerror(gz, &errnum);
    std::string m = msg && *msg ? msg : "corrupt data";
    if (m.compare(0, path.size() + 2, path + ": ") == 0) m.erase(0, path.size() + 2);
    return m;
  }

  // At the end of the stream: an error if zlib stopped short of a gzip
  // member's end (a truncated or cut file).
  Status CheckEnd() const {
    int errnum = Z_OK;
    gzerror(gz, &errnum);
    if (errnum == Z_OK) return Status::Ok();
    if (errnum == Z_BUF_ERROR) return InvalidInput(path + ": truncated gzip stream (unexpected end of file)");
    return InvalidInput(path + ": read error: " + ZlibError());
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
      offset += buffer.size();
      buffer.clear();
      pos = 0;
      if (out->size() > kMaxDocumentBytes) {
        *status = InvalidInput(path + ":" + std::to_string(line + 1) + ": line longer than the " + DocumentLimitText() +
                               " document limit");
        out->clear();
        return false;
      }
      if (eof) {
        if (out->empty()) return false;
        ++line;
        return true;
      }
      buffer.resize(1 << 16);
      int n = gzread(gz, buffer.data(), static_cast<unsigned>(buffer.size()));
      if (n < 0) {
        *status = InvalidInput(path + ": read error: " + ZlibError());
        buffer.clear();
        return false;
      }
      buffer.resize(static_cast<size_t>(n));
      if (size_t nul = buffer.find('\0'); nul != std::string::npos) {
        *status = InvalidInput(path + ": binary data (NUL byte at offset " + std::to_string(offset + nul) + ")");
        out->clear();
        return false;
      }
      if (n == 0) {
        eof = true;
        // zlib reports a gzip stream that stops before its trailer (length
        // and CRC) only as a soft error at the end: checked before the last
        // (partial) line is handed out.
        Status end = CheckEnd();
        if (!end.ok()) {
          *status = end;
          out->clear();
          return false;
        }
      }
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
  // Control characters other than tab and line breaks, noncharacters and
  // the like become spaces (the cleaning of every output's text).
  BlankForbiddenCodePoints(&t);
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
    if (lines_->line == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);  // a BOM, as in .txt
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    // Parsed in place: strings are unescaped inside `line`, not copied out.
    rapidjson::Document d;
    JsonParse parsed = ParseJsonInPlace(line.data(), &d);
    if (!parsed.ok) {
      return InvalidInput(where + ": invalid JSON at column " + std::to_string(parsed.offset + 1) + ": " + parsed.problem);
    }
    if (!d.IsObject() || !d.HasMember("text") || !d["text"].IsString()) {
      return InvalidInput(where + ": expected an object with a string \"text\"");
    }
    std::string id;
    if (d.HasMember("id") && d["id"].IsString()) id = d["id"].GetString();
    else if (d.HasMember("id") && d["id"].IsInt64()) id = std::to_string(d["id"].GetInt64());
    else id = Stem(lines_->path) + "-" + std::to_string(lines_->line);
    doc->id = UniqueId(CleanText(id, true));
    doc->path = CleanText(where, true);
    // The title, if any, then the text, put together in one go.
    std::string_view body(d["text"].GetString(), d["text"].GetStringLength());
    std::string_view title;
    if (d.HasMember("title") && d["title"].IsString()) title = {d["title"].GetString(), d["title"].GetStringLength()};
    // One line, cleaned as names and ids are; bytes that are not UTF-8 get
    // the text's treatment (dropped, or the line read as Windows-1252).
    doc->title = std::string(title);
    if (FindInvalidUtf8(doc->title) != std::string::npos && !NormalizeText(where, &doc->title, nullptr).ok()) {
      doc->title.clear();
    }
    doc->title = CleanText(doc->title, true);
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
      Status s = ReadStandardInput(&text, kMaxDocumentBytes);
      if (!s.ok()) return s;
      doc->id = UniqueId("stdin");
    } else {
      std::error_code ec;
      uintmax_t size = fs::file_size(path, ec);
      if (!ec && size > kMaxDocumentBytes) return TooLarge(path);
      Status s = ReadFile(path, &text);
      if (!s.ok()) return s;
      if (text.empty()) warnings_.push_back(path + ": empty file");
      doc->id = UniqueId(CleanText(Stem(path), true));
    }
    doc->path = CleanText(path, true);
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
