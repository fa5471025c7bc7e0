#include "kg/base/standard_input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kg {

namespace {

bool stdin_closed = false;

bool IsOpen(int fd) { return fcntl(fd, F_GETFD) != -1 || errno != EBADF; }

}  // namespace

void GuardStandardStreams() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (IsOpen(fd)) continue;
    if (fd == 0) stdin_closed = true;
    // The lowest free descriptor: this one, since those below are open.
    int null = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
    if (null >= 0 && null != fd) {
      dup2(null, fd);
      close(null);
    }
  }
}

Status ReadStandardInput(std::string* out, size_t max_bytes) {
  out->clear();
  if (stdin_closed || !IsOpen(0)) return IoError("stdin: standard input is closed");
  struct stat st;
  if (fstat(0, &st) == 0 && S_ISDIR(st.st_mode)) return IoError("stdin: is a directory");
  char buf[1 << 16];
  while (true) {
    ssize_t n = read(0, buf, sizeof buf);
    if (n == 0) return Status::Ok();
    if (n > 0) {
      out->append(buf, static_cast<size_t>(n));
      if (out->size() > max_bytes) {
        out->clear();
        return InvalidInput("stdin: larger than the " + std::to_string(max_bytes >> 20) + " MiB document limit");
      }
      continue;
    }
    if (errno == EINTR) continue;
    return IoError(std::string("stdin: read error: ") + std::strerror(errno));
  }
}

}  // namespace kg
