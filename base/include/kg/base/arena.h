// Append-only storage for many strings: copies live in large blocks and are
// handed out as string_views that stay valid for the arena's life.
//
//   StringArena arena;
//   std::string_view s = arena.Add(sentence);   // valid until arena dies
//
// Thread safety: none.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace kg {

class StringArena {
 public:
  explicit StringArena(size_t block_bytes = 1u << 20) : block_bytes_(block_bytes) {}
  StringArena(const StringArena&) = delete;
  StringArena& operator=(const StringArena&) = delete;

  std::string_view Add(std::string_view s);
  // Frees every block: all views handed out die.
  void Clear();
  size_t bytes() const { return used_; }

 private:
  size_t block_bytes_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  size_t left_ = 0;
  size_t used_ = 0;
};

}  // namespace kg
