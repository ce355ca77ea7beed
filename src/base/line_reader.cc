#include "src/base/line_reader.h"

#include <cstring>

namespace faultline {
namespace {
// Room for a line of the maximum length plus its "\r\n".
constexpr size_t kBufferLimit = LineReader::kMaxLineBytes + 2;
}  // namespace

LineReader::LineReader(std::unique_ptr<ByteSource> source)
    : source_(std::move(source)), buffer_(256 << 10) {}

bool LineReader::Fill() {
  if (eof_) return false;
  if (begin_ > 0) {  // keep the partial line, drop what was handed out
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buffer_.size()) {
    if (buffer_.size() >= kBufferLimit) return true;  // caller cuts the line
    buffer_.resize(std::min(buffer_.size() * 2, kBufferLimit));
  }
  int64_t got = source_->Read(buffer_.data() + end_, buffer_.size() - end_, &error_);
  if (got <= 0) {
    eof_ = true;
    return false;
  }
  end_ += static_cast<size_t>(got);
  return true;
}

bool LineReader::SkipTo(int64_t offset, int64_t line) {
  if (offset > 0 && !source_->Skip(offset, &error_)) return false;
  offset_ = offset;
  line_number_ = line;
  return true;
}

bool LineReader::LooksBinary() {
  while (!eof_ && end_ - begin_ < 8192 && end_ < buffer_.size()) {
    if (!Fill()) break;
  }
  size_t n = std::min<size_t>(end_ - begin_, 8192);
  return std::memchr(buffer_.data() + begin_, '\0', n) != nullptr;
}

bool LineReader::CutPiece(std::string_view* line) {
  *line = std::string_view(buffer_.data() + begin_, kMaxLineBytes);
  begin_ += kMaxLineBytes;
  offset_ += static_cast<int64_t>(kMaxLineBytes);
  ++line_number_;
  ++split_lines_;
  last_split_ = true;
  last_unterminated_ = false;
  return true;
}

bool LineReader::Next(std::string_view* line) {
  size_t scanned = begin_;
  for (;;) {
    const char* start = buffer_.data() + begin_;
    const char* newline =
        static_cast<const char*>(std::memchr(buffer_.data() + scanned, '\n', end_ - scanned));
    if (newline != nullptr) {
      size_t length = static_cast<size_t>(newline - start);
      offset_ += static_cast<int64_t>(length + 1);
      if (length > 0 && start[length - 1] == '\r') --length;
      *line = std::string_view(start, length);
      begin_ = static_cast<size_t>(newline - buffer_.data()) + 1;
      ++line_number_;
      last_unterminated_ = last_split_ = false;
      return true;
    }
    size_t pending = end_ - begin_;
    if (pending >= kBufferLimit) return CutPiece(line);  // no newline in a full buffer
    scanned = end_ - begin_;  // offsets relative to begin_, which Fill() moves to 0
    if (!Fill()) {
      if (end_ - begin_ > kMaxLineBytes) return CutPiece(line);  // over-long last line
      if (end_ == begin_) return false;
      size_t length = end_ - begin_;
      if (complete_lines_only_) {  // may still be being written: leave it for the next run
        held_back_bytes_ = static_cast<int64_t>(length);
        begin_ = end_;
        return false;
      }
      offset_ += static_cast<int64_t>(length);
      const char* last = buffer_.data() + begin_;
      if (length > 0 && last[length - 1] == '\r') --length;
      *line = std::string_view(last, length);
      begin_ = end_;
      ++line_number_;
      last_unterminated_ = true;
      last_split_ = false;
      return true;
    }
    scanned += begin_;
  }
}

}  // namespace faultline
