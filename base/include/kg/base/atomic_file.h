// Files written whole or not at all, and sets of files replaced as a set:
// content goes to temporary files in a staging directory beside the targets,
// then the set is committed (commit_journal.h): an interrupted run (kill -9,
// full disk, a target that is a directory) leaves the whole previous set or,
// once recovered, the whole new one; never a mix. (Not synced to disk: after
// a power cut a file may be empty; outputs can be rebuilt.)
//
//   AtomicFileSet out;
//   out.Add("out/graph.json", json_text);
//   Status s = out.Commit();   // all temporaries written first, then renamed
//
#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "kg/base/output.h"
#include "kg/base/status.h"

namespace kg {

// Reads a whole file. Errors name the path.
Status ReadFile(const std::string& path, std::string* out);

// Writes one file atomically.
Status WriteFileAtomically(const std::string& path, const std::string& content);

// Appends `bytes` to the end of an existing file (such as a temporary of an
// AtomicFileSet not yet committed).
Status AppendToFile(const std::string& path, std::string_view bytes);

// Several files of one directory committed together: each Add() writes its
// temporary at once (so only one file's bytes are in memory at a time);
// Commit() puts them all in place, and nothing changes unless every
// temporary was written. Temporaries not committed are removed by the
// destructor; the first Add() recovers the directory from a killed run.
// Thread safety: Add and AddStreamed may be called from several threads at
// once (one file each); Commit after they all return.
class AtomicFileSet {
 public:
  AtomicFileSet() = default;
  AtomicFileSet(const AtomicFileSet&) = delete;
  AtomicFileSet& operator=(const AtomicFileSet&) = delete;
  ~AtomicFileSet();
  // `temporary`, if given, receives the temporary file's path (until Commit).
  Status Add(const std::string& path, const std::string& content, std::string* temporary = nullptr);
  // The same, for content produced piecemeal: `produce` appends to the
  // buffer, which drains into the temporary file a chunk at a time.
  Status AddStreamed(const std::string& path, const std::function<void(OutputBuffer*)>& produce,
                     std::string* temporary = nullptr);
  // A file of the same directory that the new set drops (a format not
  // written this time): removed as part of the commit, after the new files
  // are in place (commit_journal.h); left alone when it is not a regular
  // file. Only with at least one file added.
  void RemoveOnCommit(const std::string& path);
  Status Commit();

 private:
  Status Record(const std::string& path, Status written, const std::string& tmp, std::string* temporary);
  // The temporary of `path` in the staging directory (made at the first call).
  StatusOr<std::string> Temporary(const std::string& path);
  std::mutex mutex_;
  std::string dir_, staging_;
  Status failed_;
  std::vector<std::pair<std::string, std::string>> files_;  // (target, temporary)
  std::vector<std::string> removals_;  // paths
};

}  // namespace kg
