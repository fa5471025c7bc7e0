#include "kg/base/atomic_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace kg {
namespace {

// Streamed content of many sizes (around block sizes and the output
// buffer's 1 MB chunks, in pieces of odd sizes, some larger than a chunk)
// comes back byte for byte, on disk and, where there is one, on tmpfs.
TEST(AtomicFileTest, StreamedBytesComeBackWhole) {
  namespace fs = std::filesystem;
  std::string name = "kg_atomic_";
  name.append(std::to_string(getpid()));
  std::vector<fs::path> dirs = {fs::temp_directory_path() / name};
  if (fs::is_directory("/dev/shm")) dirs.push_back(fs::path("/dev/shm") / name);
  // 4 MB blocks go out two at a time: up to five blocks and a partial one.
  const size_t sizes[] = {0, 1, 4095, 4096, 4097, (4u << 20) - 1, 4u << 20, 8u << 20, (9u << 20) + 123, (21u << 20) + 5};
  for (const fs::path& dir : dirs) {
    fs::create_directories(dir);
    for (size_t size : sizes) {
      std::string content(size, '\0');
      for (size_t i = 0; i < size; ++i) content[i] = static_cast<char>('a' + (i * 7 + i / 4096) % 26);
      std::string path = (dir / std::to_string(size)).string();
      AtomicFileSet set;
      Status s = set.AddStreamed(path, [&](OutputBuffer* out) {
        for (size_t at = 0; at < size;) {
          size_t n = std::min<size_t>(size - at, 1 + (at * 31) % 700000);  // odd piece sizes, some over 1 MB
          out->Append(std::string_view(content).substr(at, n));
          at += n;
        }
      });
      ASSERT_TRUE(s.ok()) << s.message();
      ASSERT_TRUE(set.Commit().ok());
      std::string back;
      ASSERT_TRUE(ReadFile(path, &back).ok());
      EXPECT_EQ(back.size(), size) << path;
      EXPECT_TRUE(back == content) << path;
    }
    fs::remove_all(dir);
  }
}

}  // namespace
}  // namespace kg
