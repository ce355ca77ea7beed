#include "src/base/terminal.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace faultline {

bool UseColour(const std::string& mode, std::FILE* stream) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  const char* force = std::getenv("CLICOLOR_FORCE");
  if (force != nullptr && *force != '\0' && std::strcmp(force, "0") != 0) return true;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::strcmp(term, "dumb") == 0) return false;
  return isatty(fileno(stream)) != 0;
}

void OutputBuffer::Flush() {
  if (!text_.empty()) std::fwrite(text_.data(), 1, text_.size(), stream_);
  text_.clear();
  std::fflush(stream_);
}

RawOutput::RawOutput(std::FILE* stream)
    : stream_(stream), data_(new char[kFlushAt * 4]), capacity_(kFlushAt * 4) {}

char* RawOutput::Reserve(size_t bytes) {
  if (used_ + bytes > capacity_) {
    Flush();
    if (bytes > capacity_) {  // one event larger than the buffer (a 16 MiB record)
      data_.reset(new char[bytes]);
      capacity_ = bytes;
    }
  }
  return data_.get() + used_;
}

void RawOutput::Commit(char* end) {
  used_ = static_cast<size_t>(end - data_.get());
  if (used_ >= kFlushAt) Flush();
}

void RawOutput::Flush() {
  if (used_ > 0) std::fwrite(data_.get(), 1, used_, stream_);
  used_ = 0;
  std::fflush(stream_);
}

}  // namespace faultline
