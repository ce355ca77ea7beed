#include "src/base/atomic_write.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "src/base/failpoint.h"

namespace faultline {
namespace {

std::string Errno(int error) { return std::strerror(error); }

std::string DirectoryOf(const std::string& path) {
  std::string dir = std::filesystem::path(path).parent_path().string();
  return dir.empty() ? "." : dir;
}

// fsync of a directory; EINVAL (not supported there) counts as done.
int SyncDirectory(const std::string& dir) {
  int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return errno;
  int error = fsync(fd) != 0 && errno != EINVAL ? errno : 0;
  close(fd);
  return error;
}

// Writes all of `text` to `fd`, retrying short writes and EINTR.
bool WriteAll(int fd, std::string_view text) {
  while (!text.empty()) {
    ssize_t n = write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      return false;
    }
    text.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

bool WriteFileAtomically(const std::string& path, std::string_view text,
                         const AtomicWriteOptions& options, std::string* err) {
  const std::string temp = path + ".tmp." + std::to_string(getpid());
  auto fail = [&](const std::string& step, int error) {
    *err = "cannot write " + options.what + " " + path + ": " + step + ": " + Errno(error);
    return false;
  };
  int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return fail("cannot create " + temp, errno);
  int error = 0;
  std::string step;
  if (!WriteAll(fd, text)) {
    error = errno;
    step = "cannot write " + temp;
  } else if (fsync(fd) != 0) {
    error = errno;
    step = "cannot sync " + temp;
  }
  if (close(fd) != 0 && error == 0) {
    error = errno;
    step = "cannot close " + temp;
  }
  if (error == 0 && options.failpoint != nullptr) {
    Failpoint(std::string(options.failpoint) + "-temp");
  }
  if (error == 0 && !options.keep_previous.empty()) {
    // Best effort: the previous generation is a fallback, its absence only means none.
    unlink(options.keep_previous.c_str());
    if (link(path.c_str(), options.keep_previous.c_str()) != 0 && errno != ENOENT) {
      error = errno;
      step = "cannot keep the previous generation as " + options.keep_previous;
    }
  }
  if (error == 0 && rename(temp.c_str(), path.c_str()) != 0) {
    error = errno;
    step = "cannot rename " + temp + " over it";
  }
  if (error != 0) {
    unlink(temp.c_str());
    return fail(step, error);
  }
  if (options.failpoint != nullptr) Failpoint(std::string(options.failpoint) + "-renamed");
  const std::string dir = DirectoryOf(path);
  if (int dir_error = SyncDirectory(dir); dir_error != 0) {
    return fail("written, but cannot sync " + dir, dir_error);
  }
  return true;
}

bool ProbeWritableDirectory(const std::string& path, std::string* err) {
  const std::string dir = DirectoryOf(path);
  const std::string probe = path + ".probe." + std::to_string(getpid());
  int fd = open(probe.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  int error = fd < 0 ? errno : 0;
  if (fd >= 0) {
    // A block's worth, so that a full file system says so now rather than at the end.
    std::string block(4096, '\n');
    if (!WriteAll(fd, block) || fsync(fd) != 0) error = errno;
    close(fd);
    unlink(probe.c_str());
  }
  if (error != 0) {
    *err = "cannot write in " + dir + ": " + Errno(error);
    return false;
  }
  return true;
}

int RemoveStaleTemporaries(const std::string& dir, const std::string& name_prefix) {
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return 0;
  int removed = 0;
  while (const dirent* entry = readdir(d)) {
    std::string_view name(entry->d_name);
    if (!name.starts_with(name_prefix)) continue;
    size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || dot + 1 == name.size()) continue;
    std::string_view pid_text = name.substr(dot + 1);
    if (pid_text.find_first_not_of("0123456789") != std::string_view::npos) continue;
    std::string_view stem = name.substr(0, dot);
    if (!stem.ends_with(".tmp") && !stem.ends_with(".probe")) continue;
    long pid = std::strtol(std::string(pid_text).c_str(), nullptr, 10);
    if (pid <= 0 || pid == getpid() || kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) {
      continue;  // its writer may still be at work
    }
    if (unlinkat(dirfd(d), entry->d_name, 0) == 0) ++removed;
  }
  closedir(d);
  return removed;
}

}  // namespace faultline
