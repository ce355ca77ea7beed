#include "src/engine/db_cache.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "src/base/atomic_write.h"

namespace faultline::db_cache {
namespace {

constexpr char kMagic[] = "faultline-cache-2\n";  // 2: the digest reads eight bytes at a time
constexpr size_t kMagicBytes = sizeof(kMagic) - 1;
constexpr size_t kMaxFiles = 64;

bool MakeDirectories(const std::string& path) {
  for (size_t slash = path.find('/', 1);; slash = path.find('/', slash + 1)) {
    std::string prefix = path.substr(0, slash);
    if (mkdir(prefix.c_str(), 0700) != 0 && errno != EEXIST) return false;
    if (slash == std::string::npos) return true;
  }
}

// Keeps the newest kMaxFiles files of the directory: every rule set (a user's own rules, a
// --rules directory, a share of the rules per -j engine) has its own file.
void Prune(const std::string& dir) {
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return;
  std::vector<std::pair<int64_t, std::string>> files;  // (mtime ns, name)
  while (const dirent* entry = readdir(d)) {
    std::string name = entry->d_name;
    if (name.size() < 3 || name.compare(name.size() - 3, 3, ".db") != 0) continue;
    struct stat st;
    if (stat((dir + "/" + name).c_str(), &st) != 0) continue;
    files.emplace_back(int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec, name);
  }
  closedir(d);
  if (files.size() <= kMaxFiles) return;
  std::sort(files.begin(), files.end());
  for (size_t i = 0; i + kMaxFiles < files.size(); ++i)
    unlink((dir + "/" + files[i].second).c_str());
}

}  // namespace

std::string Directory() {
  if (const char* dir = std::getenv("FAULTLINE_CACHE_DIR")) return *dir == '/' ? dir : "";
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/') {
    return std::string(xdg) + "/faultline";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home == '/') {
    return std::string(home) + "/.cache/faultline";
  }
  return "";
}

uint64_t Digest(std::string_view bytes, uint64_t seed) {
  // Eight bytes per multiply (a byte at a time it was 5% of a short run's start, on a database
  // of 600 KB); the shift carries the high bits, which the multiply does not spread, down.
  uint64_t hash = seed;
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, bytes.data() + i, 8);
    hash = (hash ^ word) * 0x100000001b3ULL;
    hash ^= hash >> 32;
  }
  for (; i < bytes.size(); ++i) {
    hash ^= static_cast<unsigned char>(bytes[i]);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

bool Load(const std::string& name, std::string* bytes) {
  std::string dir = Directory();
  if (dir.empty()) return false;
  int fd = open((dir + "/" + name).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  // Read whole into a string of the file's size (one copy, not one per 64 KiB).
  struct stat st;
  if (fstat(fd, &st) != 0 || st.st_size <= 0 || st.st_size > (int64_t{1} << 30)) {
    close(fd);
    return false;
  }
  std::string data(static_cast<size_t>(st.st_size), '\0');
  size_t got = 0;
  while (got < data.size()) {
    ssize_t n = read(fd, data.data() + got, data.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // an error, or the file shrank: the checks below refuse it
    got += static_cast<size_t>(n);
  }
  close(fd);
  data.resize(got);
  // magic, payload, then the digest of magic and payload
  if (data.size() < kMagicBytes + 8 || data.compare(0, kMagicBytes, kMagic) != 0) return false;
  uint64_t stored;
  std::memcpy(&stored, data.data() + data.size() - 8, 8);
  data.resize(data.size() - 8);
  if (Digest(data) != stored) return false;
  bytes->assign(data, kMagicBytes);
  return true;
}

void Store(const std::string& name, std::string_view bytes) {
  std::string dir = Directory();
  if (dir.empty() || !MakeDirectories(dir)) return;
  std::string data(kMagic, kMagicBytes);
  data.append(bytes);
  uint64_t digest = Digest(data);
  data.append(reinterpret_cast<const char*>(&digest), 8);
  AtomicWriteOptions options;
  options.what = "pattern cache";
  std::string err;  // a cache that cannot be written is no cache: nothing to report
  if (!WriteFileAtomically(dir + "/" + name, data, options, &err)) return;
  Prune(dir);
}

}  // namespace faultline::db_cache
