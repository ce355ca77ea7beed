// Where bytes come from: a file, standard input, or either of them gzip-compressed. Compression
// is recognised by its magic bytes, not by the file name.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace faultline {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  /// Reads up to `n` bytes into `buf`. Returns the count, 0 at the end, -1 on error (*err set).
  virtual int64_t Read(char* buf, size_t n, std::string* err) = 0;
  virtual bool compressed() const { return false; }
  /// Skips `n` bytes of (decompressed) data; false with *err if the data ends first or a read
  /// fails. The default reads and discards, which works for every source.
  virtual bool Skip(int64_t n, std::string* err);
};

/// Opens `path` ("-" = standard input), unwrapping gzip when the data starts with its magic, and
/// reading UTF-16 or a UTF-8 byte order mark as plain UTF-8 (src/base/text_encoding.h).
/// Returns nullptr and sets *err ("No such file or directory", ...) when it cannot be opened.
std::unique_ptr<ByteSource> OpenByteSource(const std::string& path, std::string* err);

}  // namespace faultline
