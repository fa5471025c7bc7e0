// Bytes produced piecemeal and handed on in chunks, so the writer of a large
// file never holds it whole.
//
//   OutputBuffer out([&](std::string_view bytes) { return WriteAll(fd, bytes); });
//   for (...) { out.str()->append(...); out.Flush(); }   // drains past 1 MB
//   Status s = out.Finish();
//
//   OutputBuffer whole;   // no drain: keeps everything; whole.Take()
//
// Thread safety: none.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "kg/base/status.h"

namespace kg {

class OutputBuffer {
 public:
  using Drain = std::function<Status(std::string_view)>;

  OutputBuffer() = default;
  explicit OutputBuffer(Drain drain, size_t chunk_bytes = 1u << 20) : drain_(std::move(drain)), chunk_(chunk_bytes) {
    buf_.reserve(chunk_ + chunk_ / 4);
  }

  std::string* str() { return &buf_; }
  // Appends `bytes`; a piece of a chunk or more goes straight to the drain
  // instead of through the buffer.
  void Append(std::string_view bytes) {
    if (!drain_ || bytes.size() < chunk_) {
      buf_.append(bytes);
      Flush();
      return;
    }
    DrainNow();
    if (status_.ok()) status_ = drain_(bytes);
  }
  // Hands the bytes on once a chunk has piled up. After a failed drain,
  // further bytes are dropped and Finish() reports the failure.
  void Flush() {
    if (drain_ && buf_.size() >= chunk_) DrainNow();
  }
  Status Finish() {
    if (drain_) DrainNow();
    return status_;
  }
  std::string Take() { return std::move(buf_); }

 private:
  void DrainNow() {
    if (status_.ok() && !buf_.empty()) status_ = drain_(buf_);
    buf_.clear();
  }
  Drain drain_;
  size_t chunk_ = 0;
  std::string buf_;
  Status status_;
};

}  // namespace kg
