// How a set of output files replaces the previous set in one directory so
// that every state a kill can leave is the whole old set or the whole new
// one (after recovery), and what recovery does. Used by AtomicFileSet.
//
//   1. The new files are written into a staging directory beside the
//      targets: DIR/.kg-staging.<pid>.XXXXXX (CreateStagingDirectory).
//   2. Commit point: the staging directory is renamed DIR/.kg-commit (one
//      atomic rename). Before it, the old set is untouched; after it, the
//      new set is decided.
//   3. Each file is renamed from DIR/.kg-commit into DIR; then the files
//      of the old set that the new one drops (DIR/.kg-commit/.kg-remove
//      lists them, one name a line, written before the commit point) are
//      removed from DIR, and the emptied DIR/.kg-commit goes (RollForward).
//   Recovery (RecoverOutputDirectory, run before every write into DIR and
//   before a graph is loaded from DIR): a DIR/.kg-commit left by a kill
//   during step 3 is rolled forward; staging directories of processes that
//   are gone, and graph.*.tmp.* files of earlier kg versions, are removed.
//
// Thread safety: one commit per directory at a time per process; commits
// of two processes into one directory each leave a whole set.
#pragma once

#include <string>
#include <vector>

#include "kg/base/status.h"

namespace kg {

// Creates DIR/.kg-staging.<pid>.XXXXXX and returns its path.
StatusOr<std::string> CreateStagingDirectory(const std::string& dir);
// Steps 2 and 3 for the files `names` (plain file names) of `staging`,
// which must be a directory made by CreateStagingDirectory in `dir`;
// `removals` (plain file names, none of `names`) are the files of `dir` the
// new set drops: removed after the moves when they are regular files.
// Before the commit point, a target that is a directory is an error and
// nothing changes.
Status CommitStaged(const std::string& dir, const std::string& staging, const std::vector<std::string>& names,
                    const std::vector<std::string>& removals = {});
// Recovery, as above. Errors only when DIR/.kg-commit cannot be finished.
Status RecoverOutputDirectory(const std::string& dir);

}  // namespace kg
