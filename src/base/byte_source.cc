#include "src/base/byte_source.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include "src/base/text_encoding.h"

namespace faultline {
namespace {

// A file descriptor with a few bytes pushed back (the ones read to sniff the gzip magic).
class FdSource final : public ByteSource {
 public:
  FdSource(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FdSource() override {
    if (owned_) close(fd_);
  }
  void Unread(const char* data, size_t n) { pushback_.assign(data, data + n); }

  int64_t Read(char* buf, size_t n, std::string* err) override {
    if (pushed_ < pushback_.size()) {
      size_t take = std::min(n, pushback_.size() - pushed_);
      std::memcpy(buf, pushback_.data() + pushed_, take);
      pushed_ += take;
      return static_cast<int64_t>(take);
    }
    for (;;) {
      ssize_t got = read(fd_, buf, n);
      if (got >= 0) return got;
      if (errno == EINTR) continue;
      *err = std::strerror(errno);
      return -1;
    }
  }

 private:
  int fd_;
  bool owned_;
  std::vector<char> pushback_;
  size_t pushed_ = 0;
};

// Streams a gzip file (several concatenated members allowed, as `cat a.gz b.gz` makes). A stream
// that ends inside a member is reported as truncated; what was decoded before it is kept.
class GzipSource final : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<FdSource> raw) : raw_(std::move(raw)), in_(1 << 16) {
    std::memset(&zs_, 0, sizeof zs_);
    ok_ = inflateInit2(&zs_, 15 + 16) == Z_OK;
  }
  ~GzipSource() override { inflateEnd(&zs_); }
  bool compressed() const override { return true; }

  int64_t Read(char* buf, size_t n, std::string* err) override {
    if (!ok_) return *err = "cannot initialise zlib", -1;
    if (done_) {
      if (pending_error_.empty()) return 0;
      *err = std::move(pending_error_);
      pending_error_.clear();
      return -1;
    }
    zs_.next_out = reinterpret_cast<Bytef*>(buf);
    zs_.avail_out = static_cast<uInt>(n);
    while (zs_.avail_out == n) {
      if (zs_.avail_in == 0) {
        int64_t got = raw_->Read(in_.data(), in_.size(), err);
        if (got < 0) return -1;
        if (got == 0) {
          done_ = true;
          if (in_member_) {
            pending_error_ = "truncated gzip data (the compressed stream ends before its trailer)";
          }
          break;
        }
        zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
        zs_.avail_in = static_cast<uInt>(got);
      }
      in_member_ = true;
      int rc = inflate(&zs_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&zs_);
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        *err = std::string("corrupt gzip data: ") + (zs_.msg ? zs_.msg : "inflate failed");
        done_ = true;
        return -1;
      }
    }
    int64_t produced = static_cast<int64_t>(n - zs_.avail_out);
    if (produced == 0 && !pending_error_.empty()) return Read(buf, n, err);
    return produced;
  }

 private:
  std::unique_ptr<FdSource> raw_;
  std::string pending_error_;  // reported once the bytes decoded before it are consumed
  std::vector<char> in_;
  z_stream zs_;
  bool ok_ = false;
  bool done_ = false;
  bool in_member_ = false;
};

}  // namespace

bool ByteSource::Skip(int64_t n, std::string* err) {
  char scratch[1 << 16];
  while (n > 0) {
    int64_t got = Read(scratch, static_cast<size_t>(std::min<int64_t>(n, sizeof scratch)), err);
    if (got < 0) return false;
    if (got == 0) {
      *err = "the data ends " + std::to_string(n) + " bytes before the offset to resume from";
      return false;
    }
    n -= got;
  }
  return true;
}

std::unique_ptr<ByteSource> OpenByteSource(const std::string& path, std::string* err) {
  int fd = 0;
  bool owned = false;
  if (path != "-") {
    fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      *err = std::strerror(errno);
      return nullptr;
    }
    owned = true;
  }
  auto raw = std::make_unique<FdSource>(fd, owned);
  char magic[2];
  size_t have = 0;
  while (have < 2) {
    int64_t got = raw->Read(magic + have, 2 - have, err);
    if (got < 0) return nullptr;
    if (got == 0) break;
    have += static_cast<size_t>(got);
  }
  raw->Unread(magic, have);
  if (have == 2 && static_cast<unsigned char>(magic[0]) == 0x1f &&
      static_cast<unsigned char>(magic[1]) == 0x8b) {
    return DecodeTextEncoding(std::make_unique<GzipSource>(std::move(raw)));
  }
  return DecodeTextEncoding(std::move(raw));
}

}  // namespace faultline
