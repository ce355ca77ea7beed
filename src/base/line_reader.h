// Splits a byte stream into lines with one reusable buffer: memchr for '\n', lines handed out as
// views into the buffer, the partial tail moved to the front before the next read. No allocation
// per line. "\r\n" endings lose their '\r'; a missing final newline still yields the last line.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "src/base/byte_source.h"

namespace faultline {

class LineReader {
 public:
  /// Lines longer than this are cut into pieces of this size (each piece counted as its own
  /// line and reported), so one runaway line cannot exhaust memory.
  static constexpr size_t kMaxLineBytes = 16 << 20;

  explicit LineReader(std::unique_ptr<ByteSource> source);

  /// The next line, without its terminator; valid until the next call. False at the end of the
  /// input or on a read error (see error()).
  bool Next(std::string_view* line);

  /// 1-based number of the line last returned.
  int64_t line_number() const { return line_number_; }
  /// Bytes of input consumed through the end of the last returned line, terminator included.
  int64_t offset() const { return offset_; }
  /// True when the line last returned had no '\n' (the end of the input came first).
  bool last_unterminated() const { return last_unterminated_; }
  /// True when the line last returned was a piece of an over-long line.
  bool last_split() const { return last_split_; }
  /// Number of lines that were cut because they exceeded kMaxLineBytes.
  int64_t split_lines() const { return split_lines_; }
  /// True if a NUL byte appears in the first 8 KiB: the input is not a text log.
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
  bool Fill();                            // reads more bytes after end_; false at EOF or on error
  bool CutPiece(std::string_view* line);  // hands out kMaxLineBytes of an over-long line

  std::unique_ptr<ByteSource> source_;
  std::vector<char> buffer_;
  size_t begin_ = 0, end_ = 0;
  bool eof_ = false;
  int64_t line_number_ = 0;
  int64_t offset_ = 0;
  int64_t split_lines_ = 0;
  bool last_unterminated_ = false;
  bool last_split_ = false;
  bool complete_lines_only_ = false;
  int64_t held_back_bytes_ = 0;
  std::string error_;
};

}  // namespace faultline
