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

Status WriteAll(int fd, std::string_view bytes, const std::string& path) {
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return IoError(path + ": write failed: " + std::strerror(errno));
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  return Status::Ok();
}

// Creates the temporary for `path`, lets `produce` fill it through an
// OutputBuffer, and closes it. On failure the temporary is removed.
Status WriteTemp(const std::string& path, const std::function<void(OutputBuffer*)>& produce, std::string* tmp_path) {
  std::string tmpl = path + ".tmp.XXXXXX";
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  int fd = mkstemp(buf.data());
  if (fd < 0) return IoError(path + ": cannot create: " + std::strerror(errno));
  *tmp_path = buf.data();
  OutputBuffer out([&](std::string_view bytes) { return WriteAll(fd, bytes, path); });
  produce(&out);
  Status s = out.Finish();
  fchmod(fd, 0644);
  // No fsync: the rename makes the file appear whole to every process, and
  // a killed run leaves the previous file; only a power cut could leave an
  // empty file, and outputs can be rebuilt. Syncing 500 MB cost seconds.
  if (close(fd) != 0 && s.ok()) s = IoError(path + ": close failed: " + std::strerror(errno));
  if (!s.ok()) unlink(tmp_path->c_str());
  return s;
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
  return AddStreamed(path, [&](OutputBuffer* out) { out->Append(content); }, temporary);
}

Status AtomicFileSet::AddStreamed(const std::string& path, const std::function<void(OutputBuffer*)>& produce,
                                  std::string* temporary) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!failed_.ok()) return failed_;
  }
  std::string tmp;
  Status s = WriteTemp(path, produce, &tmp);
  return Record(path, s, tmp, temporary);
}

Status AtomicFileSet::Record(const std::string& path, Status written, const std::string& tmp, std::string* temporary) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!written.ok()) {
    if (failed_.ok()) failed_ = written;
    return written;
  }
  if (temporary) *temporary = tmp;
  files_.emplace_back(path, tmp);
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
