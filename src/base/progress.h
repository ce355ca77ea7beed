// A status line on a terminal while inputs are read: bytes and records done of the total, MB/s,
// ETA and the file being read, redrawn in place at most ten times a second and cleared when
// reading ends. It shows only when standard error is a terminal and the input is large
// (FAULTLINE_PROGRESS_AFTER_BYTES, default 256 MiB) or reading has taken a second; piped, under
// cron, with --quiet or --no-progress it is never created. Inputs are counted where their bytes
// are read (a ByteSource wrapper), one Read per buffer fill of 256 KiB, so the cost is one clock
// read per fill and nothing per line.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

#include "src/base/byte_source.h"

namespace faultline {

class Progress : public std::enable_shared_from_this<Progress> {
 public:
  using Clock = std::chrono::steady_clock;

  /// A progress line on `stream` when it is a terminal, else nullptr. `after_bytes`: show at
  /// once when the inputs hold at least this much (else only after a second of reading).
  static std::shared_ptr<Progress> ForTerminal(std::FILE* stream, int64_t after_bytes);
  /// FAULTLINE_PROGRESS_AFTER_BYTES when set (tests lower it), else 256 MiB.
  static int64_t AfterBytesFromEnvironment();

  Progress(std::FILE* stream, int64_t after_bytes, int width);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// Wraps an input's bytes so that reading them advances the line. `records`, when not null, is
  /// the input's record counter: read by the thread that reads the input, and must outlive the
  /// returned source. A path already watched (another thread reading the same file) is returned
  /// as it is, not counted twice. Safe to call from several threads.
  std::unique_ptr<ByteSource> Watch(std::unique_ptr<ByteSource> source, const std::string& path,
                                    const int64_t* records);

  /// Erases the line if it is shown (before another message on the same terminal).
  void Clear();
  /// Clears the line of whichever Progress is showing one (Reporter calls it before writing).
  static void ClearActive();

  /// Builds the text of the line (public for the unit test).
  static std::string Format(int64_t done, int64_t total, int64_t records, double seconds,
                            const std::string& file, size_t width);

 private:
  class Counted;
  struct Input {
    std::string name;
    int64_t total = 0;
    std::atomic<int64_t> done{0}, records{0};
    bool open = true;  // guarded by mutex_
  };
  void Advance();                               // after a read: redraw when due
  void Finished(Input* input);                  // the input ended or its source was dropped
  void Draw(int64_t now_ns, int64_t start_ns);  // mutex_ held
  void ClearLocked();                           // mutex_ held

  std::FILE* stream_;
  int64_t after_bytes_;
  size_t width_;
  Clock::time_point start_;
  std::atomic<int64_t> next_draw_ns_;  // steady-clock time of the next redraw (0: draw now)
  std::mutex mutex_;                   // guards inputs_, the line and `open`
  std::vector<std::unique_ptr<Input>> inputs_;
  std::unordered_set<std::string> watched_paths_;  // each file is counted once
  std::atomic<Input*> current_input_{nullptr};     // the input read last, named on the line
  int open_inputs_ = 0;
  bool shown_ = false;
};

}  // namespace faultline
