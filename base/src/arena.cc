#include "kg/base/arena.h"

#include <cstring>

namespace kg {

std::string_view StringArena::Add(std::string_view s) {
  if (s.empty()) return {};
  used_ += s.size();
  if (s.size() > block_bytes_ / 4) {
    // A large string gets a block of its own; the current block stays open.
    blocks_.push_back(std::make_unique<char[]>(s.size()));
    std::memcpy(blocks_.back().get(), s.data(), s.size());
    return {blocks_.back().get(), s.size()};
  }
  if (s.size() > left_) {
    blocks_.push_back(std::make_unique<char[]>(block_bytes_));
    next_ = blocks_.back().get();
    left_ = block_bytes_;
  }
  char* at = next_;
  std::memcpy(at, s.data(), s.size());
  next_ += s.size();
  left_ -= s.size();
  return {at, s.size()};
}

void StringArena::Clear() {
  blocks_.clear();
  next_ = nullptr;
  left_ = 0;
  used_ = 0;
}

}  // namespace kg
