#include "src/store/line_input.h"

#include <cstring>

#include "src/store/mail_fold.h"

namespace faultline {

std::string_view TrimLeadingSpaces(std::string_view line) {
  size_t pos = 0;
  while (pos < line.size() && line[pos] == ' ') ++pos;
  // Only a run of spaces before a digit is wrapping (an indented timestamp); keep the
  // indentation of stack frames and banners, which carries meaning.
  if (pos > 0 && pos < line.size() && line[pos] >= '0' && line[pos] <= '9') {
    return line.substr(pos);
  }
  return line;
}

ReaderInput::ReaderInput(std::unique_ptr<LineReader> reader, std::deque<std::string> prefetched,
                         bool strip_leading_spaces, std::deque<int64_t> prefetched_ends,
                         int64_t first_line, int64_t first_offset, PasteMarks marks,
                         size_t fold_width)
    : reader_(std::move(reader)),
      prefetched_(std::move(prefetched)),
      prefetched_number_(first_line),
      prefetched_ends_(std::move(prefetched_ends)),
      current_end_(first_offset),
      strip_leading_spaces_(strip_leading_spaces),
      marks_(marks),
      fold_width_(fold_width),
      plain_(fold_width == 0 && !marks.any()) {}

int64_t ReaderInput::offset() const { return prefetch_done_ ? reader_->offset() : current_end_; }

bool ReaderInput::NextAssembled(std::string_view* line, int64_t* number) {
  if (fold_width_ == 0) return NextLine(line, number);
  if (!have_ahead_) {
    std::string_view first;
    if (!NextLine(&first, &ahead_number_)) return false;
    ahead_.assign(first);
    ahead_indent_removed_ = indent_removed_;
  }
  joined_.swap(ahead_);
  *number = ahead_number_;
  bool indent_removed = ahead_indent_removed_;
  have_ahead_ = false;
  size_t last_piece = joined_.size();  // folding decided on the physical line above
  std::string_view next;
  int64_t next_number = 0;
  while (NextLine(&next, &next_number)) {
    std::string_view above = std::string_view(joined_).substr(joined_.size() - last_piece);
    if (!ContinuesFolded(above, next, fold_width_)) {
      ahead_.assign(next);
      ahead_number_ = next_number;
      ahead_indent_removed_ = indent_removed_;
      have_ahead_ = true;
      break;
    }
    JoinFolded(above, next, fold_width_, &joined_);
    last_piece = next.size();
  }
  indent_removed_ = indent_removed;
  *line = joined_;
  return true;
}

bool ReaderInput::NextLine(std::string_view* line, int64_t* number) {
  if (!prefetched_.empty()) {
    current_ = std::move(prefetched_.front());
    prefetched_.pop_front();
    if (!prefetched_ends_.empty()) {
      current_end_ = prefetched_ends_.front();
      prefetched_ends_.pop_front();
    }
    *line = current_;
    *number = ++prefetched_number_;
  } else {
    prefetch_done_ = true;
    if (!reader_->Next(line)) return false;
    *number = reader_->line_number();
  }
  if (marks_.any()) *line = CleanPastedLine(*line, marks_, &cleaned_);
  TrimIndent(line);
  return true;
}

SpoolWriter::SpoolWriter() : file_(std::tmpfile()) {}

SpoolWriter::~SpoolWriter() {
  if (file_ != nullptr) std::fclose(file_);
}

void SpoolWriter::Append(int64_t number, std::string_view line) {
  uint32_t length = static_cast<uint32_t>(line.size());
  std::fwrite(&number, sizeof number, 1, file_);
  std::fwrite(&length, sizeof length, 1, file_);
  std::fwrite(line.data(), 1, line.size(), file_);
  ++lines_;
}

std::FILE* SpoolWriter::Release() {
  std::FILE* file = file_;
  file_ = nullptr;
  std::fflush(file);
  std::rewind(file);
  return file;
}

SpoolInput::~SpoolInput() { std::fclose(file_); }

bool SpoolInput::Next(std::string_view* line, int64_t* number) {
  uint32_t length = 0;
  if (std::fread(number, sizeof *number, 1, file_) != 1) return false;
  if (std::fread(&length, sizeof length, 1, file_) != 1) return false;
  buffer_.resize(length);
  if (length > 0 && std::fread(buffer_.data(), 1, length, file_) != length) return false;
  *line = buffer_;
  return true;
}

}  // namespace faultline
