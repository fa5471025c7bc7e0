#include "kg/base/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
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

// Writes a file's bytes with O_DIRECT where the filesystem allows it: whole
// blocks go from a staging buffer of ours to the disk, not through the page
// cache. (On these virtual machines, the kernel's first touch of fresh
// page-cache memory made writing half a gigabyte of output cost seconds of
// system time.) The last partial block is written normally, O_DIRECT off.
// Where O_DIRECT is refused (tmpfs), every write is a normal one.
class DirectSink {
 public:
  DirectSink(int fd, const std::string& path) : fd_(fd), path_(path) {
    int flags = fcntl(fd_, F_GETFL);
    if (flags < 0 || fcntl(fd_, F_SETFL, flags | O_DIRECT) != 0) return;
    void* p = nullptr;
    if (posix_memalign(&p, kAlign, kStage) != 0) {
      fcntl(fd_, F_SETFL, flags);
      return;
    }
    stage_ = static_cast<char*>(p);
  }
  ~DirectSink() { std::free(stage_); }
  DirectSink(const DirectSink&) = delete;
  DirectSink& operator=(const DirectSink&) = delete;

  Status Write(std::string_view bytes) {
    if (!stage_) return WriteAll(fd_, bytes, path_);
    while (!bytes.empty()) {
      size_t n = std::min(bytes.size(), kStage - used_);
      std::memcpy(stage_ + used_, bytes.data(), n);
      used_ += n;
      bytes.remove_prefix(n);
      if (used_ == kStage) {
        if (Status s = WriteBlocks(); !s.ok()) return s;
      }
    }
    return Status::Ok();
  }
  Status Finish() {
    if (!stage_) return Status::Ok();
    if (Status s = WriteBlocks(); !s.ok() || !stage_) return s;
    return Fallback(0);  // the last partial block
  }

 private:
  static constexpr size_t kAlign = 4096;
  static constexpr size_t kStage = 4u << 20;
  // Writes the whole blocks staged; keeps the partial one. A filesystem
  // that takes O_DIRECT but not these writes (EINVAL: other alignment
  // rules) gets them, and all that follow, written normally.
  Status WriteBlocks() {
    size_t whole = used_ / kAlign * kAlign;
    size_t done = 0;
    while (done < whole) {
      ssize_t n = write(fd_, stage_ + done, whole - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && errno == EINVAL) return Fallback(done);
      if (n < 0) return IoError(path_ + ": write failed: " + std::strerror(errno));
      done += static_cast<size_t>(n);
      if (done % kAlign != 0) return Fallback(done);  // a short write left the blocks
    }
    std::memmove(stage_, stage_ + whole, used_ - whole);
    used_ -= whole;
    return Status::Ok();
  }
  // Leaves O_DIRECT and writes what is staged past `done` normally.
  Status Fallback(size_t done) {
    int flags = fcntl(fd_, F_GETFL);
    if (flags < 0 || fcntl(fd_, F_SETFL, flags & ~O_DIRECT) != 0) {
      return IoError(path_ + ": write failed: " + std::strerror(errno));
    }
    Status s = WriteAll(fd_, std::string_view(stage_ + done, used_ - done), path_);
    std::free(stage_);
    stage_ = nullptr;
    used_ = 0;
    return s;
  }
  int fd_;
  const std::string& path_;
  char* stage_ = nullptr;  // null: O_DIRECT not in use
  size_t used_ = 0;
};

// Creates the temporary for `path`, lets `produce` fill it through an
// OutputBuffer, and closes it. On failure the temporary is removed.
Status WriteTemp(const std::string& path, const std::function<void(OutputBuffer*)>& produce, std::string* tmp_path) {
  std::string tmpl = path + ".tmp.XXXXXX";
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  int fd = mkstemp(buf.data());
  if (fd < 0) return IoError(path + ": cannot create: " + std::strerror(errno));
  *tmp_path = buf.data();
  DirectSink sink(fd, path);
  OutputBuffer out([&](std::string_view bytes) { return sink.Write(bytes); });
  produce(&out);
  Status s = out.Finish();
  if (s.ok()) s = sink.Finish();
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
