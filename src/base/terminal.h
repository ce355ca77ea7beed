// Whether to colour output: on a terminal only, never with NO_COLOR set or TERM=dumb, always
// with CLICOLOR_FORCE; --color overrides all of it.
#pragma once

#include <cstdio>
#include <string>

namespace faultline {

/// `mode` is "auto", "always" or "never".
bool UseColour(const std::string& mode, std::FILE* stream);

/// Collects output and writes it in large blocks.
class OutputBuffer {
 public:
  explicit OutputBuffer(std::FILE* stream) : stream_(stream) { text_.reserve(kFlushAt * 2); }
  ~OutputBuffer() { Flush(); }
  std::string* text() { return &text_; }
  void MaybeFlush() {
    if (text_.size() >= kFlushAt) Flush();
  }
  void Flush();

 private:
  static constexpr size_t kFlushAt = 1 << 16;
  std::FILE* stream_;
  std::string text_;
};

}  // namespace faultline
