#include "src/scan/file_identity.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include "src/base/byte_source.h"

namespace faultline {

bool StatIdentity(const std::string& path, FileIdentity* out, std::string* err) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    *err = std::strerror(errno);
    return false;
  }
  out->device = static_cast<uint64_t>(st.st_dev);
  out->inode = static_cast<uint64_t>(st.st_ino);
  out->size = static_cast<int64_t>(st.st_size);
  out->mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  return true;
}

std::string ContentFingerprint(const std::string& path, int64_t limit) {
  std::string err;
  std::unique_ptr<ByteSource> source = OpenByteSource(path, &err);
  if (source == nullptr) return "";
  std::vector<char> bytes(static_cast<size_t>(limit));
  int64_t have = 0;
  while (have < limit) {
    int64_t got = source->Read(bytes.data() + have, static_cast<size_t>(limit - have), &err);
    if (got <= 0) break;
    have += got;
  }
  uint64_t hash = 14695981039346656037ull;  // FNV-1a 64
  for (int64_t i = 0; i < have; ++i) {
    hash = (hash ^ static_cast<unsigned char>(bytes[i])) * 1099511628211ull;
  }
  char text[40];
  std::snprintf(text, sizeof text, "%lld:%016llx", static_cast<long long>(have),
                static_cast<unsigned long long>(hash));
  return text;
}

bool MatchesFingerprint(const std::string& path, const std::string& fingerprint) {
  size_t colon = fingerprint.find(':');
  if (colon == std::string::npos) return false;
  int64_t length = std::strtoll(fingerprint.c_str(), nullptr, 10);
  return ContentFingerprint(path, length) == fingerprint;
}

}  // namespace faultline
