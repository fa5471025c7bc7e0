#include "kg/base/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace kg {

Status ReadFile(const std::string& path, std::string* out) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return IoError(path + ": cannot open for reading: " + std::strerror(errno));
  struct stat st;
  out->clear();
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) out->reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  while (true) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string err = std::strerror(errno);
      close(fd);
      return IoError(path + ": read error: " + err);
    }
    if (n == 0) break;
    out->append(buf, static_cast<size_t>(n));
  }
  close(fd);
  return Status::Ok();
}

namespace {

Status WriteTemp(const std::string& path, const std::string& content, std::string* tmp_path) {
  std::string tmpl = path + ".tmp.XXXXXX";
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  int fd = mkstemp(buf.data());
  if (fd < 0) return IoError(path + ": cannot create: " + std::strerror(errno));
  *tmp_path = buf.data();
  const char* p = content.data();
  size_t left = content.size();
  while (left > 0) {
    ssize_t n = write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string err = std::strerror(errno);
      close(fd);
      unlink(tmp_path->c_str());
      return IoError(path + ": write failed: " + err);
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  fchmod(fd, 0644);
  // No fsync: the rename makes the file appear whole to every process, and
  // a killed run leaves the previous file; only a power cut could leave an
  // empty file, and outputs can be rebuilt. Syncing 500 MB cost seconds.
  if (close(fd) != 0) {
    std::string err = std::strerror(errno);
    unlink(tmp_path->c_str());
    return IoError(path + ": close failed: " + err);
  }
  return Status::Ok();
}

}  // namespace

Status WriteFileAtomically(const std::string& path, const std::string& content) {
  AtomicFileSet set;
  Status s = set.Add(path, content);
  if (!s.ok()) return s;
  return set.Commit();
}

AtomicFileSet::~AtomicFileSet() {
  for (const auto& [target, tmp] : files_) unlink(tmp.c_str());
}

Status AtomicFileSet::Add(const std::string& path, const std::string& content, std::string* temporary) {
  if (!failed_.ok()) return failed_;
  std::string tmp;
  Status s = WriteTemp(path, content, &tmp);
  if (!s.ok()) {
    failed_ = s;
    return s;
  }
  if (temporary) *temporary = tmp;
  files_.emplace_back(path, std::move(tmp));
  return Status::Ok();
}

Status AtomicFileSet::Commit() {
  if (!failed_.ok()) return failed_;
  for (size_t i = 0; i < files_.size(); ++i) {
    if (std::rename(files_[i].second.c_str(), files_[i].first.c_str()) != 0) {
      std::string err = std::strerror(errno);
      std::string target = files_[i].first;
      files_.erase(files_.begin(), files_.begin() + static_cast<long>(i));
      return IoError(target + ": cannot rename into place: " + err);
    }
  }
  files_.clear();
  return Status::Ok();
}

}  // namespace kg
