#include "kg/base/commit_journal.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace kg {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kStagingPrefix = ".kg-staging.";
constexpr std::string_view kCommitName = ".kg-commit";
constexpr std::string_view kRemovalsName = ".kg-remove";  // in the staging (then commit) directory

std::string Join(const std::string& dir, std::string_view name) {
  return (fs::path(dir.empty() ? "." : dir) / name).string();
}

// Removes the files the commit's list of removals names from `dir` (those
// that are regular files; one already gone is not an error), then the list.
void RemoveDropped(const std::string& dir, const std::string& commit) {
  std::string list = Join(commit, kRemovalsName);
  FILE* in = std::fopen(list.c_str(), "r");
  if (!in) return;
  char line[4096];
  while (std::fgets(line, sizeof line, in)) {
    std::string name(line);
    if (!name.empty() && name.back() == '\n') name.pop_back();
    if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..") continue;
    std::string target = Join(dir, name);
    struct stat st;
    if (lstat(target.c_str(), &st) == 0 && S_ISREG(st.st_mode)) unlink(target.c_str());
  }
  std::fclose(in);
  unlink(list.c_str());
}

// Moves every file of the commit directory into `dir`, removes the files
// the new set drops, then removes the commit directory. A file already
// moved (by a concurrent recovery) is not an error.
Status RollForward(const std::string& dir, const std::string& commit) {
  std::error_code ec;
  for (fs::directory_iterator it(commit, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name == kRemovalsName) continue;
    std::string target = Join(dir, name);
    if (std::rename(it->path().c_str(), target.c_str()) != 0 && errno != ENOENT) {
      return IoError(target + ": cannot rename into place: " + std::strerror(errno) + " (the new outputs are in " +
                     commit + "; the next kg run on " + dir + " finishes putting them in place)");
    }
  }
  if (ec && ec != std::errc::no_such_file_or_directory) return IoError(commit + ": cannot read: " + ec.message());
  RemoveDropped(dir, commit);
  if (rmdir(commit.c_str()) != 0 && errno != ENOENT && errno != ENOTEMPTY && errno != EEXIST) {
    return IoError(commit + ": cannot remove: " + std::strerror(errno));
  }
  return Status::Ok();
}

// The pid in ".kg-staging.<pid>.XXXXXX", or 0.
pid_t StagingOwner(std::string_view name) {
  name.remove_prefix(kStagingPrefix.size());
  pid_t pid = 0;
  for (char c : name) {
    if (c == '.') return pid;
    if (c < '0' || c > '9') return 0;
    pid = pid * 10 + (c - '0');
  }
  return 0;
}

bool Gone(pid_t pid) { return pid > 0 && kill(pid, 0) != 0 && errno == ESRCH; }

// graph.json.tmp.AbC123: a temporary of kg before staging directories.
bool OldTemporary(std::string_view name) {
  size_t at = name.find(".tmp.");
  return name.rfind("graph.", 0) == 0 && at != std::string_view::npos && name.size() == at + 5 + 6;
}

}  // namespace

StatusOr<std::string> CreateStagingDirectory(const std::string& dir) {
  std::string tmpl = Join(dir, std::string(kStagingPrefix) + std::to_string(getpid()) + ".XXXXXX");
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (!mkdtemp(buf.data())) return IoError(Join(dir, "") + ": cannot create a staging directory: " + std::strerror(errno));
  return std::string(buf.data());
}

Status CommitStaged(const std::string& dir, const std::string& staging, const std::vector<std::string>& names,
                    const std::vector<std::string>& removals) {
  for (const std::string& name : names) {
    std::string target = Join(dir, name);
    struct stat st;
    if (lstat(target.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return IoError(target + ": is a directory");
  }
  if (!removals.empty()) {
    // Part of the set: listed before the commit point, removed by whoever
    // rolls the commit forward (this run, or the next after a kill).
    std::string list_path = Join(staging, kRemovalsName);
    std::string list;
    for (const std::string& name : removals) list.append(name).push_back('\n');
    FILE* out = std::fopen(list_path.c_str(), "wx");
    bool written = out && std::fwrite(list.data(), 1, list.size(), out) == list.size();
    if (out && std::fclose(out) != 0) written = false;
    if (!written) {
      std::string err = std::strerror(errno);
      unlink(list_path.c_str());
      return IoError(list_path + ": cannot write: " + err);
    }
  }
  std::string commit = Join(dir, kCommitName);
  // A commit left by a kill (or running in another process) goes first.
  for (int attempt = 0;; ++attempt) {
    if (std::rename(staging.c_str(), commit.c_str()) == 0) break;
    if ((errno != ENOTEMPTY && errno != EEXIST) || attempt == 8) {
      Status failed = IoError(commit + ": cannot commit the outputs: " + std::strerror(errno));
      unlink(Join(staging, kRemovalsName).c_str());  // the caller removes the rest of the staging directory
      return failed;
    }
    if (Status s = RollForward(dir, commit); !s.ok()) {
      unlink(Join(staging, kRemovalsName).c_str());
      return s;
    }
  }
  return RollForward(dir, commit);
}

Status RecoverOutputDirectory(const std::string& dir) {
  std::error_code ec;
  std::string commit = Join(dir, kCommitName);
  if (fs::is_directory(commit, ec)) {
    if (Status s = RollForward(dir, commit); !s.ok()) return s;
  }
  for (fs::directory_iterator it(dir.empty() ? "." : dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    std::error_code ignored;
    if (name.rfind(kStagingPrefix, 0) == 0 && Gone(StagingOwner(name))) fs::remove_all(it->path(), ignored);
    else if (OldTemporary(name)) fs::remove(it->path(), ignored);
  }
  return Status::Ok();
}

}  // namespace kg
