// Who a file is, across runs: device and inode, and a digest of its first bytes (decompressed,
// so a log renamed and gzipped by logrotate is still recognised; and a reused inode with other
// content is not mistaken for the old file).
#pragma once

#include <cstdint>
#include <string>

namespace faultline {

/// Bytes of the start of a file that its fingerprint covers, at most.
inline constexpr int64_t kFingerprintBytes = 1024;

struct FileIdentity {
  uint64_t device = 0, inode = 0;
  int64_t size = 0;      ///< bytes on disk (compressed, for a .gz)
  int64_t mtime_ns = 0;  ///< modification time, nanoseconds since the epoch
};

/// stat() of `path` (following links); false (with *err) if it cannot be read.
bool StatIdentity(const std::string& path, FileIdentity* out, std::string* err);

/// "N:hex": a digest of the first N = min(limit, available) decompressed bytes of `path`.
/// Empty when the file cannot be read.
std::string ContentFingerprint(const std::string& path, int64_t limit = kFingerprintBytes);

/// True if `path` starts with the bytes `fingerprint` was taken over.
bool MatchesFingerprint(const std::string& path, const std::string& fingerprint);

}  // namespace faultline
