// Line providers for a parsed source: a LineReader (with the lines already read for format
// detection replayed first), or a spool file written by the demultiplexer, which keeps each
// line's original line number.
#pragma once

#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <string>
#include <string_view>

#include "src/base/line_reader.h"
#include "src/store/paste_marks.h"

namespace faultline {

class LineInput {
 public:
  virtual ~LineInput() = default;
  /// The next line and its 1-based number in the original input. The view is valid until the
  /// next call. False at the end.
  virtual bool Next(std::string_view* line, int64_t* number) = 0;
  /// A read error met on the way ("" if none); the lines before it were delivered.
  virtual std::string error() const { return {}; }
  /// Byte offset just past the last line returned (0 where offsets mean nothing, as in a spool).
  virtual int64_t offset() const { return 0; }
  /// Bytes of a half-written last line left for a later run (cron mode).
  virtual int64_t held_back_bytes() const { return 0; }
  /// Lines longer than the line reader's cap, cut to it (src/base/line_reader.h).
  virtual int64_t cut_lines() const { return 0; }
  /// The line last returned had spaces before it that were taken off (an indented timestamp).
  virtual bool indent_removed() const { return false; }
};

/// Spaces before a timestamp, which are wrapping, not content ("   2019-09-17 ..." in an indented
/// excerpt); the line as it is otherwise.
std::string_view TrimLeadingSpaces(std::string_view line);
/// Lines from a LineReader, after `prefetched` (the lines read ahead for detection). Every line
/// loses the `marks` a paste left on it first (src/store/paste_marks.h).
class ReaderInput final : public LineInput {
 public:
  /// `prefetched_ends` holds the reader offset after each prefetched line (may be empty when
  /// offsets are not needed); numbering continues from `first_line`.
  ReaderInput(std::unique_ptr<LineReader> reader, std::deque<std::string> prefetched,
              bool strip_leading_spaces, std::deque<int64_t> prefetched_ends = {},
              int64_t first_line = 0, int64_t first_offset = 0, PasteMarks marks = {},
              size_t fold_width = 0);
  /// With a fold width (src/store/mail_fold.h) a line comes with its fragments joined to it;
  /// it holds the number of its first line, and offset() is then not a line's end.
  bool Next(std::string_view* line, int64_t* number) override {
    // The usual line, once the lines read ahead are handed out: straight from the reader, inline.
    if (plain_ && prefetch_done_) {
      if (!reader_->Next(line)) return false;
      *number = reader_->line_number();
      TrimIndent(line);
      return true;
    }
    return NextAssembled(line, number);
  }
  std::string error() const override { return reader_->error(); }
  int64_t offset() const override;
  int64_t held_back_bytes() const override { return reader_->held_back_bytes(); }
  int64_t cut_lines() const override { return reader_->split_lines(); }
  bool indent_removed() const override { return indent_removed_; }
  const LineReader& reader() const { return *reader_; }

 private:
  // Next() for a prefetched line, a folded one or one with paste marks.
  bool NextAssembled(std::string_view* line, int64_t* number);
  bool NextLine(std::string_view* line, int64_t* number);  // one physical line, cleaned
  void TrimIndent(std::string_view* line) {                // strip_leading_spaces_'s trim
    if (!strip_leading_spaces_) return;
    size_t before = line->size();
    if (!line->empty() && (*line)[0] == ' ') *line = TrimLeadingSpaces(*line);  // no call for most
    indent_removed_ = line->size() != before;
  }

  std::unique_ptr<LineReader> reader_;
  std::deque<std::string> prefetched_;
  std::string current_;  // holds the prefetched line being handed out
  int64_t prefetched_number_ = 0;
  std::deque<int64_t> prefetched_ends_;  // offset after each prefetched line
  int64_t current_end_ = 0;
  bool prefetch_done_ = false;
  bool strip_leading_spaces_;
  PasteMarks marks_;
  std::string cleaned_;  // a line with codes cut out of its middle
  bool indent_removed_ = false;
  size_t fold_width_;
  std::string joined_;  // a folded line with its fragments
  std::string ahead_;   // the line read after them, handed out next
  int64_t ahead_number_ = 0;
  bool ahead_indent_removed_ = false;
  bool have_ahead_ = false;
  bool plain_;  // no folding, no paste marks: a line from the reader needs only TrimIndent
};

/// Appends (number, line) pairs to an anonymous temporary file.
class SpoolWriter {
 public:
  SpoolWriter();
  ~SpoolWriter();
  bool ok() const { return file_ != nullptr; }
  void Append(int64_t number, std::string_view line);
  /// Hands the file over for reading (rewound); the writer is empty afterwards.
  std::FILE* Release();
  int64_t lines() const { return lines_; }

 private:
  std::FILE* file_;
  int64_t lines_ = 0;
};

/// Reads back what a SpoolWriter wrote.
class SpoolInput final : public LineInput {
 public:
  explicit SpoolInput(std::FILE* file) : file_(file) {}
  ~SpoolInput() override;
  bool Next(std::string_view* line, int64_t* number) override;

 private:
  std::FILE* file_;
  std::string buffer_;
};

}  // namespace faultline
