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

std::string Join(const std::string& dir, std::string_view name) {
  return (fs::path(dir.empty() ? "." : dir) / name).string();
}

// Moves every file of the commit directory into `dir`, then removes it.
// A file already moved (by a concurrent recovery) is not an error.
Status RollForward(const std::string& dir, const std::string& commit) {
  std::error_code ec;
  for (fs::directory_iterator it(commit, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    std::string target = Join(dir, name);
    if (std::rename(it->path().c_str(), target.c_str()) != 0 && errno != ENOENT) {
      return IoError(target + ": cannot rename into place: " + std::strerror(errno) + " (the new outputs are in " +
                     commit + "; the next kg run on " + dir + " finishes putting them in place)");
    }
  }
  if (ec && ec != std::errc::no_such_file_or_directory) return IoError(commit + ": cannot read: " + ec.message());
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

Status CommitStaged(const std::string& dir, const std::string& staging, const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    std::string target = Join(dir, name);
    struct stat st;
    if (lstat(target.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return IoError(target + ": is a directory");
  }
  std::string commit = Join(dir, kCommitName);
  // A commit left by a kill (or running in another process) goes first.
  for (int attempt = 0;; ++attempt) {
    if (std::rename(staging.c_str(), commit.c_str()) == 0) break;
    if ((errno != ENOTEMPTY && errno != EEXIST) || attempt == 8) {
      return IoError(commit + ": cannot commit the outputs: " + std::strerror(errno));
    }
    if (Status s = RollForward(dir, commit); !s.ok()) return s;
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
