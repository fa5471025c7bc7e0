// Input documents, read one at a time: plain text files (.txt, .md, and any
// file named explicitly), directories (recursive, sorted by path), JSON lines
// corpora (.jsonl, .jsonl.gz: one {"id": ..., "text": ...} object a line)
// and "-" for standard input.
//
//   auto src = DocumentSource::Open({"articles/", "more.jsonl"});
//   Document doc;
//   while (true) {
//     auto more = src->Next(&doc);      // StatusOr<bool>
//     if (!more.ok()) { /* error names the file (and line) */ }
//     if (!*more) break;
//   }
//
// Text is checked: a NUL byte is an error (binary file); a UTF-8 BOM is
// dropped; UTF-16 with a BOM is converted; text that is not valid UTF-8 is
// read as Windows-1252 (the usual legacy French encoding) and a warning is
// recorded. A document (a file, standard input, a JSONL line) larger than
// kMaxDocumentBytes is refused, so one document's memory is bounded; a NUL
// byte in a JSONL stream is binary data. Thread safety: none.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "kg/base/status.h"
#include "kg/extract/document.h"

namespace kg {

// The largest document read (256 MiB): larger ones are errors.
inline constexpr size_t kMaxDocumentBytes = size_t{256} << 20;

class DocumentSource {
 public:
  // Expands directories and checks that every input exists. An empty input
  // set is an error.
  static StatusOr<std::unique_ptr<DocumentSource>> Open(const std::vector<std::string>& inputs);
  ~DocumentSource();

  StatusOr<bool> Next(Document* doc);

  // How far reading has come, as a share of the input files' bytes
  // (compressed bytes for .gz); -1 when unknown (standard input).
  double InputFraction() const;

  // Non-fatal notes about the input (transcoded files), in order.
  std::vector<std::string> TakeWarnings() { return std::move(warnings_); }
  const std::vector<std::string>& files() const { return files_; }

 private:
  DocumentSource() = default;
  Status OpenFile(const std::string& path);
  StatusOr<bool> NextJsonLine(Document* doc);
  Status CheckText(const std::string& where, std::string* text);
  std::string UniqueId(std::string id);

  std::vector<std::string> files_;
  std::vector<uint64_t> sizes_;  // of files_, for InputFraction (0 for "-")
  bool size_unknown_ = false;    // standard input is among the inputs
  size_t next_file_ = 0;
  // Current JSONL stream.
  struct LineReader;
  std::unique_ptr<LineReader> lines_;
  std::vector<std::string> warnings_;
  std::unordered_map<std::string, int> ids_;
};

// Normalises raw bytes into UTF-8 text as DocumentSource does; `where` names
// the input in errors and warnings.
Status NormalizeText(const std::string& where, std::string* text, std::vector<std::string>* warnings);

}  // namespace kg
