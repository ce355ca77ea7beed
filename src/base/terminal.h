// Whether to colour output: on a terminal only, never with NO_COLOR set or TERM=dumb, always
// with CLICOLOR_FORCE; --color overrides all of it.
#pragma once

#include <cstdio>
#include <memory>
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
  static constexpr size_t kFlushAt = 1 << 20;
  std::FILE* stream_;
  std::string text_;
};

/// A raw output buffer for the hottest writers (events): Reserve() gives room for a bounded
/// amount of text, the writer fills it through a pointer, Commit() says where it stopped.
class RawOutput {
 public:
  explicit RawOutput(std::FILE* stream);
  ~RawOutput() { Flush(); }
  /// A pointer to at least `bytes` writable bytes (valid until the next Reserve or Flush).
  char* Reserve(size_t bytes);
  /// The bytes from the reserved pointer up to `end` are output.
  void Commit(char* end);
  void Flush();

 private:
  static constexpr size_t kFlushAt = 1 << 20;
  std::FILE* stream_;
  std::unique_ptr<char[]> data_;
  size_t capacity_, used_ = 0;
};

}  // namespace faultline
