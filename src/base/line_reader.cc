#include "src/base/line_reader.h"

#include <cstdlib>
#include <cstring>

namespace faultline {

size_t LineReader::MaxLineBytes() {
  static const size_t cap = [] {
    const char* text = std::getenv("FAULTLINE_MAX_LINE_BYTES");
    if (text == nullptr || *text == '\0') return kMaxLineBytes;
    char* end = nullptr;
    unsigned long long value = std::strtoull(text, &end, 10);
    if (*end != '\0' || value < 1024 || value > (1ULL << 30)) return kMaxLineBytes;
    return static_cast<size_t>(value);
  }();
  return cap;
}

LineReader::LineReader(std::unique_ptr<ByteSource> source)
    : source_(std::move(source)), buffer_(256 << 10), max_line_(MaxLineBytes()) {}

bool LineReader::Fill() {
  if (eof_) return false;
  if (begin_ > 0) {  // keep the partial line, drop what was handed out
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  const size_t limit = max_line_ + 2;  // room for a line of the cap plus its "\r\n"
  if (end_ == buffer_.size()) {
    if (buffer_.size() >= limit) return true;  // caller cuts the line
    buffer_.resize(std::min(buffer_.size() * 2, limit));
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
  const char* head = buffer_.data() + begin_;
  if (std::memchr(head, '\0', n) == nullptr) return false;
  // NUL bytes, but maybe only a few in a log (a crash's zero-filled block): text when at least
  // half of the sample's non-empty lines are clean (no control bytes but tab and CR).
  int lines = 0, clean = 0;
  for (size_t start = 0; start < n;) {
    const void* nl = std::memchr(head + start, '\n', n - start);
    size_t stop = nl != nullptr ? static_cast<size_t>(static_cast<const char*>(nl) - head) : n;
    if (stop > start) {
      ++lines;
      bool ok = true;
      for (size_t i = start; i < stop && ok; ++i) {
        unsigned char c = static_cast<unsigned char>(head[i]);
        ok = (c >= 0x20 && c != 0x7f) || c == '\t' || c == '\r';
      }
      clean += ok ? 1 : 0;
    }
    start = stop + 1;
  }
  return clean * 2 < lines;
}

bool LineReader::CutPiece(std::string_view* line) {
  *line = std::string_view(buffer_.data() + begin_, max_line_);
  begin_ += max_line_;
  offset_ += static_cast<int64_t>(max_line_);
  ++line_number_;
  ++split_lines_;
  last_split_ = true;
  last_unterminated_ = false;
  skipping_ = true;
  return true;
}

bool LineReader::SkipRest() {
  for (;;) {
    const char* newline =
        static_cast<const char*>(std::memchr(buffer_.data() + begin_, '\n', end_ - begin_));
    if (newline != nullptr) {
      size_t through = static_cast<size_t>(newline - buffer_.data()) + 1;
      offset_ += static_cast<int64_t>(through - begin_);
      begin_ = through;
      skipping_ = false;
      return true;
    }
    offset_ += static_cast<int64_t>(end_ - begin_);
    begin_ = end_;
    if (!Fill()) {
      skipping_ = false;
      return false;
    }
  }
}

bool LineReader::NextSlow(std::string_view* line) {
  if (skipping_ && !SkipRest()) return false;  // the input ended inside the cut line
  size_t scanned = begin_;
  for (;;) {
    const char* start = buffer_.data() + begin_;
    const char* newline =
        static_cast<const char*>(std::memchr(buffer_.data() + scanned, '\n', end_ - scanned));
    if (newline != nullptr) {
      size_t length = static_cast<size_t>(newline - start);
      offset_ += static_cast<int64_t>(length + 1);
      if (length > 0 && start[length - 1] == '\r') --length;
      last_unterminated_ = last_split_ = false;
      if (length > max_line_) {  // whole in the buffer but over the cap (a small cap)
        length = max_line_;
        ++split_lines_;
        last_split_ = true;
      }
      *line = std::string_view(start, length);
      begin_ = static_cast<size_t>(newline - buffer_.data()) + 1;
      ++line_number_;
      return true;
    }
    size_t pending = end_ - begin_;
    if (pending >= max_line_ + 2) return CutPiece(line);  // no newline in a full buffer
    scanned = end_ - begin_;  // offsets relative to begin_, which Fill() moves to 0
    if (!Fill()) {
      if (end_ - begin_ > max_line_) return CutPiece(line);  // over-long last line
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
