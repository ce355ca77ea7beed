// The one way faultline writes a file it keeps (scan's state and report files, the pattern
// cache): to a temporary file beside it, fsync'ed, renamed over the target, and the directory
// fsync'ed, so a reader sees the old file or the new one, never a mix, and a crash after success
// loses neither.
#pragma once

#include <string>
#include <string_view>

namespace faultline {

struct AtomicWriteOptions {
  std::string what = "file";  ///< for messages: "cannot write <what> <path>: ..."
  /// Failpoint prefix: "<prefix>-temp" before the rename, "<prefix>-renamed" after it.
  const char* failpoint = nullptr;
  /// When set, the file being replaced is first hard-linked here (its previous generation).
  std::string keep_previous;
};

/// Writes `text` to `path` through "<path>.tmp.<pid>". On a failure before the rename the
/// temporary file is removed and `path` keeps its old content; the result is false with *err
/// "cannot write <what> <path>: <step>: <reason>". A failure to sync the directory after the
/// rename also returns false (the new file is in place but may not survive a crash); file
/// systems that cannot sync a directory (EINVAL) are not an error. A `path` that is a symbolic
/// link is replaced by a regular file, not written through.
bool WriteFileAtomically(const std::string& path, std::string_view text,
                         const AtomicWriteOptions& options, std::string* err);

/// True if a file can be created in the directory of `path` (a probe file is created, synced
/// and removed); false with *err "cannot write in <dir>: <reason>" (read-only, full, missing).
bool ProbeWritableDirectory(const std::string& path, std::string* err);

/// Removes what writers killed mid-way left in `dir`: files named "<name>.tmp.<pid>" or
/// "<name>.probe.<pid>" (with <name> starting with `name_prefix`) whose process is gone.
/// Returns how many were removed.
int RemoveStaleTemporaries(const std::string& dir, const std::string& name_prefix = "");

}  // namespace faultline
