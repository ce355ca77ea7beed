// The persistent state of `faultline scan --state FILE` (cron mode): where each input was left,
// and which incidents were already reported, so that a run reads only what is new and reports
// each incident once (again, as updated, only when it grows).
//
// File format, version 3. A text file of '\n'-terminated lines whose fields are separated by
// single spaces:
//
//   faultline-scan-state 3
//   runs <runs>
//   file <dev> <ino> <offset> <line> <replay_offset> <replay_line> <last_instant> <size> <mtime>
//        <fp> <path>                                                        (one line)
//   reported <last_instant> <fingerprint> <incident>
//   watermark <instant>
//   episode <first> <last> <count> <severity> <key> <name> <hosts> <times>
//   end
//
// - The first line is the magic word and the version; any other first line is a foreign file,
//   and another version is refused (a newer faultline's state is not guessed at).
// - `runs` is always the second line. `file`, `reported` and `watermark` lines follow in any
//   order, any number of each (the writer puts every `file` line first, in the order of
//   ScanState::files, then every `reported` line, in the order of ScanState::reported, then the
//   watermark when there is one; a later watermark line replaces an earlier one).
// - <size> and <mtime> are the file's size and modification time (nanoseconds since the epoch)
//   as stat(2) gave them before it was read: a later run that finds the same device, inode, size,
//   mtime and head fingerprint reads nothing. <size> is -1 when unknown (version 2 files).
// - `episode` is an open episode (see src/engine/episodes.h): its first and last instant, how
//   many occurrences, the worst severity (0 info, 1 warning, 2 critical), its key ("rule|host"),
//   the base name of its report files, its hosts (joined by '\n' before escaping) and each
//   occurrence's start (decimal, joined by ','; at most 10,000, "-" for none).
// - `watermark` is the instant of the latest record the rules saw: an absence window that ends
//   after it was still open, and is reported by the run that closes it.
// - `end` is the last line; a file without it, or whose last line has no '\n', was truncated.
//   Nothing may follow it. Any other record kind is an error (foreign or newer file).
// - Numbers are decimal, without '+' or leading spaces. <dev> and <ino> are unsigned 64-bit;
//   <offset>, <line>, <replay_offset>, <replay_line> and <runs> are non-negative signed 64-bit;
//   <last_instant> is signed 64-bit (UTC microseconds; INT64_MIN = nothing read yet).
// - A `reported` line is one reported match: its <fingerprint>, and the <incident> it was
//   reported in (the fingerprint of that incident's first reported match). A later incident
//   holding both known and new matches is reported as an update of that incident.
// - Text fields (<fp>, <path>, <fingerprint>, <incident>) are percent-escaped: '%', space, the
// control
//   bytes 0x00-0x1F and 0x7F become "%XX" (upper-case hex on writing, either case on reading);
//   other bytes, UTF-8 included, are written as they are. A raw control byte or a '%' not
//   followed by two hex digits is an error. An empty text field is an empty string between two
//   separators (or after the last one).
//
// A change to this layout must bump the version number (kStateFileVersion). Version 2 (the `file`
// record without <size> and <mtime>, no `watermark`) and version 1 (which kept "reported
// <last_instant> <matches> <fingerprint>") are still read, each version-1 reported match as its
// own incident, so an upgrade neither fails nor reports again; the next write is version 3.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace faultline {

inline constexpr int kStateFileVersion = 3;

/// One input file as last read.
struct FileState {
  std::string path;  ///< as found (e.g. /var/log/zookeeper/zookeeper.log)
  uint64_t device = 0;
  uint64_t inode = 0;
  /// Hex digest of the first up-to-1024 decompressed bytes (computed elsewhere; opaque here).
  std::string fingerprint;
  int64_t offset = 0;         ///< decompressed byte offset after the last complete line read
  int64_t line = 0;           ///< number of lines before `offset`
  int64_t replay_offset = 0;  ///< where the next run re-reads from to rebuild rule windows
  int64_t replay_line = 0;    ///< number of lines before `replay_offset`
  /// UTC microseconds of the last record read; INT64_MIN when none was.
  int64_t last_instant = std::numeric_limits<int64_t>::min();
  int64_t size = -1;     ///< stat(2) size when the run began; -1 unknown
  int64_t mtime_ns = 0;  ///< stat(2) modification time when the run began, ns since the epoch

  friend bool operator==(const FileState&, const FileState&) = default;
};

/// A match already reported (exactly-once reporting), and the incident it was reported in.
struct ReportedIncident {
  std::string fingerprint;  ///< of the match; opaque, escaped in the file, so any bytes are allowed
  int64_t last_instant = 0;  ///< end of the match
  std::string incident;      ///< fingerprint of the incident's first reported match (its name)

  friend bool operator==(const ReportedIncident&, const ReportedIncident&) = default;
};

/// An episode still open (repeats of one rule on one host, less than the quiet period apart).
struct EpisodeState {
  std::string key;   ///< "rule|host"
  std::string name;  ///< base name of its report files
  int64_t first = 0, last = 0, count = 0;
  int severity = 0;  ///< the worst so far: 0 info, 1 warning, 2 critical
  std::vector<std::string> hosts;
  std::vector<int64_t> times;  ///< each occurrence's start (the first 10,000)

  friend bool operator==(const EpisodeState&, const EpisodeState&) = default;
};

struct ScanState {
  std::vector<FileState> files;
  std::vector<EpisodeState> episodes;  ///< open ones
  std::vector<ReportedIncident> reported;
  int64_t runs = 0;
  /// Instant of the latest record the rules saw (absence windows ending later were still open).
  int64_t watermark = std::numeric_limits<int64_t>::min();

  friend bool operator==(const ScanState&, const ScanState&) = default;
};

/// Reads the state file at `path` into *out (replacing its contents). A file that does not exist
/// is not an error: *out becomes an empty state and the result is true. A file that cannot be
/// read sets *err to "cannot read state file <path>: <reason>"; a corrupt, truncated or foreign
/// file sets *err to one line "<path>:<line>: <reason>; ... --reset-state discards it". On
/// failure returns false and leaves *out untouched. Semantic consistency (duplicate paths,
/// replay_offset <= offset) is the caller's business; only the syntax and ranges above are
/// checked.
bool ReadState(const std::string& path, ScanState* out, std::string* err);

/// Like ReadState, but a corrupt or truncated `path` is not the end: the previous generation
/// ("<path>.prev", kept by WriteState) is read instead and *recovered says so in one line (the
/// caller warns). False, with *err naming both, only when neither can be used.
bool ReadStateOrPrevious(const std::string& path, ScanState* out, std::string* err,
                         std::string* recovered);

/// Writes `state` to `path` with WriteFileAtomically (see atomic_write.h; failpoints
/// "state-temp" and "state-renamed"). With `keep_previous`, the state being replaced is first
/// hard-linked as "<path>.prev" (the generation ReadStateOrPrevious falls back to); pass false
/// when `path` itself was found corrupt. On failure `path` keeps its old content and *err reads
/// "cannot write state file <path>: <step>: <reason>".
bool WriteState(const std::string& path, const ScanState& state, std::string* err,
                bool keep_previous = false);

/// Keeps two scans from using one state file at once: an exclusive, non-blocking flock(2) on
/// "<state>.lock", held until the object is destroyed (or Release()). The lock file is created if
/// needed and never removed (removing it would let a third process lock a fresh inode). flock
/// locks belong to the open file description, so two StateLock objects conflict even within one
/// process.
class StateLock {
 public:
  StateLock() = default;
  StateLock(const StateLock&) = delete;
  StateLock& operator=(const StateLock&) = delete;
  ~StateLock();

  /// Locks "<state_path>.lock" (releasing any lock this object held before), waiting up to
  /// `wait_ms` for another holder to let go, and writes this process's PID into the lock file.
  /// Returns false and sets *err to "another faultline scan (pid N) is using <state_path>.lock"
  /// when another holder keeps it, or to "cannot lock <state_path>.lock: <reason>" when it cannot
  /// be opened or locked.
  bool Acquire(const std::string& state_path, std::string* err, int64_t wait_ms = 0);
  /// Unlocks now; harmless when nothing is held.
  void Release();
  bool held() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

}  // namespace faultline
