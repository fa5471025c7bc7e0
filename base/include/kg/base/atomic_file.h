// Files written whole or not at all: content goes to a temporary file in the
// destination directory, then is renamed over the target. An interrupted run
// (kill -9, full disk) leaves the previous file intact. (Not synced to disk:
// after a power cut a file may be empty; outputs can be rebuilt.)
//
//   AtomicFileSet out;
//   out.Add("out/graph.json", json_text);
//   Status s = out.Commit();   // all temporaries written first, then renamed
//
// Thread safety: none; use one object per thread.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "kg/base/status.h"

namespace kg {

// Reads a whole file. Errors name the path.
Status ReadFile(const std::string& path, std::string* out);

// Writes one file atomically.
Status WriteFileAtomically(const std::string& path, const std::string& content);

// Several files committed together: each Add() writes its temporary at once
// (so only one file's bytes are in memory at a time); Commit() renames them
// all into place, and nothing is renamed unless every temporary was written.
// Temporaries not committed are removed by the destructor.
class AtomicFileSet {
 public:
  AtomicFileSet() = default;
  AtomicFileSet(const AtomicFileSet&) = delete;
  AtomicFileSet& operator=(const AtomicFileSet&) = delete;
  ~AtomicFileSet();
  // `temporary`, if given, receives the temporary file's path (until Commit).
  Status Add(const std::string& path, const std::string& content, std::string* temporary = nullptr);
  Status Commit();

 private:
  Status failed_;
  std::vector<std::pair<std::string, std::string>> files_;  // (target, temporary)
};

}  // namespace kg
