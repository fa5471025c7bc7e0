#include "kg/base/atomic_file.h"

#include "kg/base/commit_journal.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <future>
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

// Writes `bytes` at `offset` of the file, whatever pwrite takes at a time.
Status PwriteAll(int fd, std::string_view bytes, uint64_t offset, const std::string& path) {
  while (!bytes.empty()) {
    ssize_t n = pwrite(fd, bytes.data(), bytes.size(), static_cast<off_t>(offset));
    if (n < 0) {
      if (errno == EINTR) continue;
      return IoError(path + ": write failed: " + std::strerror(errno));
    }
    bytes.remove_prefix(static_cast<size_t>(n));
    offset += static_cast<uint64_t>(n);
  }
  return Status::Ok();
}

// Streams a file's bytes to disk with O_DIRECT where the filesystem takes
// it: staged 4 MB blocks are written on threads of their own (up to three
// at a time, each at its offset) while the next fills. Why: through the page
// cache, the kernel copies every byte into fresh memory, and on the virtual
// machines kg is measured on, the first touch of memory the host has taken
// back costs more than the copy itself (writing half a gigabyte of outputs
// took seconds of system time). Direct writes go from our buffer to the
// disk, and several at once keep it busy. The last partial block is written
// normally, O_DIRECT off; so is everything where O_DIRECT is refused (tmpfs)
// or a direct write fails with EINVAL (other alignment rules).
class DirectSink {
 public:
  DirectSink(int fd, const std::string& path) : fd_(fd), path_(path) {
    int flags = fcntl(fd_, F_GETFL);
    if (flags < 0 || fcntl(fd_, F_SETFL, flags | O_DIRECT) != 0) return;
    for (char*& stage : stage_) {
      void* p = nullptr;
      if (posix_memalign(&p, kAlign, kStage) != 0) {
        StopDirect();
        return;
      }
      stage = static_cast<char*>(p);
    }
    staged_ = true;
    direct_ = true;
  }
  ~DirectSink() {
    for (auto& f : inflight_) f.wait();
    for (char* stage : stage_) std::free(stage);
  }
  DirectSink(const DirectSink&) = delete;
  DirectSink& operator=(const DirectSink&) = delete;

  Status Write(std::string_view bytes) {
    if (!staged_) return WriteAll(fd_, bytes, path_);
    while (!bytes.empty()) {
      size_t n = std::min(bytes.size(), kStage - used_);
      std::memcpy(stage_[current_] + used_, bytes.data(), n);
      used_ += n;
      bytes.remove_prefix(n);
      if (used_ == kStage) {
        // The full block goes out on its own thread; the next one fills,
        // once the write that last used it is done.
        const char* block = stage_[current_];
        uint64_t at = offset_;
        inflight_.push_back(std::async(std::launch::async, [this, block, at] { return WriteBlock(block, kStage, at); }));
        offset_ += kStage;
        current_ = (current_ + 1) % kBlocks;
        used_ = 0;
        if (inflight_.size() == kBlocks) {
          if (Status s = WaitOldest(); !s.ok()) return s;
        }
      }
    }
    return Status::Ok();
  }
  Status Finish() {
    if (!staged_) return Status::Ok();
    while (!inflight_.empty()) {
      if (Status s = WaitOldest(); !s.ok()) return s;
    }
    size_t whole = used_ / kAlign * kAlign;
    if (Status s = WriteBlock(stage_[current_], whole, offset_); !s.ok()) return s;
    StopDirect();
    return PwriteAll(fd_, std::string_view(stage_[current_] + whole, used_ - whole), offset_ + whole, path_);
  }

 private:
  static constexpr size_t kAlign = 4096;
  static constexpr size_t kStage = 4u << 20;
  static constexpr size_t kBlocks = 4;  // one filling, up to three being written

  Status WaitOldest() {
    Status s = inflight_.front().get();
    inflight_.pop_front();
    return s;
  }
  // Writes `size` bytes (whole blocks) at `offset`, directly while the
  // filesystem takes it, normally from the first refusal on.
  Status WriteBlock(const char* block, size_t size, uint64_t offset) {
    size_t done = 0;
    while (done < size && direct_) {
      ssize_t n = pwrite(fd_, block + done, size - done, static_cast<off_t>(offset + done));
      if (n < 0 && errno == EINTR) continue;
      if ((n < 0 && errno == EINVAL) || (n >= 0 && static_cast<size_t>(n) % kAlign != 0)) {
        if (n > 0) done += static_cast<size_t>(n);
        StopDirect();
        break;
      }
      if (n < 0) return IoError(path_ + ": write failed: " + std::strerror(errno));
      done += static_cast<size_t>(n);
    }
    return PwriteAll(fd_, std::string_view(block + done, size - done), offset + done, path_);
  }
  void StopDirect() {
    std::lock_guard<std::mutex> lock(flags_mutex_);
    int flags = fcntl(fd_, F_GETFL);
    if (flags >= 0) fcntl(fd_, F_SETFL, flags & ~O_DIRECT);
    direct_ = false;
  }

  int fd_;
  const std::string& path_;
  char* stage_[kBlocks] = {};
  bool staged_ = false;  // bytes go through the blocks (O_DIRECT was taken at first)
  size_t current_ = 0;   // the block being filled
  size_t used_ = 0;      // bytes in it
  uint64_t offset_ = 0;  // where it goes in the file
  std::atomic<bool> direct_{false};  // O_DIRECT still on (a refusal turns it off for good)
  std::mutex flags_mutex_;
  std::deque<std::future<Status>> inflight_;  // oldest first
};

// Creates the temporary `tmp_path` for `path`, lets `produce` fill it
// through an OutputBuffer, and closes it. On failure the temporary is
// removed.
Status WriteTemp(const std::string& path, const std::function<void(OutputBuffer*)>& produce,
                 const std::string* tmp_path) {
  int fd = open(tmp_path->c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return IoError(path + ": cannot create: " + std::strerror(errno));
  Status s;
  {
    DirectSink sink(fd, path);
    OutputBuffer out([&](std::string_view bytes) { return sink.Write(bytes); });
    produce(&out);
    s = out.Finish();
    if (s.ok()) s = sink.Finish();
  }
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

Status AppendToFile(const std::string& path, std::string_view bytes) {
  int fd = open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd < 0) return IoError(path + ": cannot open for appending: " + std::strerror(errno));
  Status s = WriteAll(fd, bytes, path);
  if (close(fd) != 0 && s.ok()) s = IoError(path + ": close failed: " + std::strerror(errno));
  return s;
}

AtomicFileSet::~AtomicFileSet() {
  for (const auto& [target, tmp] : files_) unlink(tmp.c_str());
  if (!staging_.empty()) rmdir(staging_.c_str());
}

StatusOr<std::string> AtomicFileSet::Temporary(const std::string& path) {
  namespace fs = std::filesystem;
  std::string dir = fs::path(path).parent_path().string();
  std::lock_guard<std::mutex> lock(mutex_);
  if (!failed_.ok()) return failed_;
  if (staging_.empty()) {
    // Leftovers of a killed run go first (and a commit it left half done is
    // finished): see commit_journal.h.
    if (Status s = RecoverOutputDirectory(dir); !s.ok()) return failed_ = s;
    auto staging = CreateStagingDirectory(dir);
    if (!staging.ok()) return failed_ = staging.status();
    staging_ = *staging;
    dir_ = dir;
  } else if (dir != dir_) {
    return failed_ = IoError(path + ": not in " + dir_ + " (one directory per set of outputs)");
  }
  return (fs::path(staging_) / fs::path(path).filename()).string();
}

Status AtomicFileSet::Add(const std::string& path, const std::string& content, std::string* temporary) {
  return AddStreamed(path, [&](OutputBuffer* out) { out->Append(content); }, temporary);
}

Status AtomicFileSet::AddStreamed(const std::string& path, const std::function<void(OutputBuffer*)>& produce,
                                  std::string* temporary) {
  auto tmp = Temporary(path);
  if (!tmp.ok()) return tmp.status();
  Status s = WriteTemp(path, produce, &*tmp);
  return Record(path, s, *tmp, temporary);
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

void AtomicFileSet::RemoveOnCommit(const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  removals_.push_back(path);
}

Status AtomicFileSet::Commit() {
  if (!failed_.ok()) return failed_;
  if (files_.empty()) return Status::Ok();
  namespace fs = std::filesystem;
  std::vector<std::string> names, removals;
  for (const auto& [target, tmp] : files_) names.push_back(fs::path(target).filename().string());
  for (const std::string& path : removals_) {
    if (fs::path(path).parent_path().string() != dir_) {
      return IoError(path + ": not in " + dir_ + " (one directory per set of outputs)");
    }
    std::string name = fs::path(path).filename().string();
    if (std::find(names.begin(), names.end(), name) == names.end()) removals.push_back(std::move(name));
  }
  Status s = CommitStaged(dir_, staging_, names, removals);
  if (s.ok() || !std::filesystem::exists(staging_)) {
    // Past the commit point the staging directory is gone, whatever came next.
    files_.clear();
    staging_.clear();
  }
  return s;
}

}  // namespace kg
