// Splits a byte stream into lines with one reusable buffer: memchr for '\n', lines handed out as
// views into the buffer, the partial tail moved to the front before the next read. No allocation
// per line. "\r\n" endings lose their '\r'; a missing final newline still yields the last line.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "src/base/byte_source.h"

namespace faultline {

class LineReader {
 public:
  /// The default cap on a line: a longer line is cut to its first kMaxLineBytes (one line,
  /// counted in cut_lines()), the rest up to its newline skipped, so one runaway line costs
  /// neither memory nor made-up lines. The environment variable FAULTLINE_MAX_LINE_BYTES
  /// (1 KiB to 1 GiB) sets another cap.
  static constexpr size_t kMaxLineBytes = 16 << 20;
  /// The cap in force: FAULTLINE_MAX_LINE_BYTES when set and valid, else kMaxLineBytes.
  static size_t MaxLineBytes();

  explicit LineReader(std::unique_ptr<ByteSource> source);

  /// The next line, without its terminator; valid until the next call. False at the end of the
  /// input or on a read error (see error()).
  bool Next(std::string_view* line) {
    // The usual line, whole in the buffer and under the cap, inline: the call cost as much as
    // the rest of the bookkeeping. Everything else (a refill, a cut, a skip) is NextSlow's.
    if (!skipping_) {
      const char* start = buffer_.data() + begin_;
      const void* newline = std::memchr(start, '\n', end_ - begin_);
      if (newline != nullptr) {
        size_t length = static_cast<size_t>(static_cast<const char*>(newline) - start);
        if (length <= max_line_) {
          offset_ += static_cast<int64_t>(length + 1);
          begin_ += length + 1;
          if (length > 0 && start[length - 1] == '\r') --length;
          last_unterminated_ = last_split_ = false;
          *line = std::string_view(start, length);
          ++line_number_;
          return true;
        }
      }
    }
    return NextSlow(line);
  }

  /// 1-based number of the line last returned.
  int64_t line_number() const { return line_number_; }
  /// Bytes of input consumed through the end of the last returned line, terminator included.
  int64_t offset() const { return offset_; }
  /// True when the line last returned had no '\n' (the end of the input came first).
  bool last_unterminated() const { return last_unterminated_; }
  /// True when the line last returned was cut (it was longer than the cap).
  bool last_split() const { return last_split_; }
  /// Number of lines that were cut because they exceeded the cap.
  int64_t split_lines() const { return split_lines_; }
  /// True if the first 8 KiB hold NUL bytes and fewer than half of their non-empty lines are
  /// clean text (no control bytes but tab and CR): the input is not a text log. A log with a
  /// few NULs (a zero-filled block after a crash) is text; its other lines are read.
  bool LooksBinary();

  /// Resumes reading at byte `offset`, which begins line `line` + 1 (cron mode). Call before
  /// the first Next(). False (see error()) if the input is shorter than `offset`.
  bool SkipTo(int64_t offset, int64_t line);
  /// When set, a last line without '\n' is not returned: it may still be being written, and
  /// offset() stays at the end of the last complete line so the next run reads it whole.
  void set_complete_lines_only(bool value) { complete_lines_only_ = value; }
  /// Bytes of an unterminated last line held back by set_complete_lines_only().
  int64_t held_back_bytes() const { return held_back_bytes_; }

  const std::string& error() const { return error_; }
  bool compressed() const { return source_->compressed(); }

 private:
  bool NextSlow(std::string_view* line);  // Next() past its usual case
  bool Fill();                            // reads more bytes after end_; false at EOF or on error
  bool CutPiece(std::string_view* line);  // hands out the first max_line_ bytes of a long line
  bool SkipRest();                        // drops the cut line's rest; false at the end

  std::unique_ptr<ByteSource> source_;
  std::vector<char> buffer_;
  size_t begin_ = 0, end_ = 0;
  bool eof_ = false;
  int64_t line_number_ = 0;
  int64_t offset_ = 0;
  int64_t split_lines_ = 0;
  size_t max_line_ = kMaxLineBytes;
  bool skipping_ = false;  // the rest of a cut line is still to be dropped
  bool last_unterminated_ = false;
  bool last_split_ = false;
  bool complete_lines_only_ = false;
  int64_t held_back_bytes_ = 0;
  std::string error_;
};

}  // namespace faultline
