#include "src/base/text_encoding.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "src/base/text_out.h"

namespace faultline {
namespace {

// The bytes read to look for a mark, handed out again before the rest of the data; and the
// error that reading them met, if any, reported only once they are consumed (as it would have
// been without the look).
class PrefixedSource final : public ByteSource {
 public:
  PrefixedSource(std::string prefix, std::string error, std::unique_ptr<ByteSource> inner)
      : prefix_(std::move(prefix)), error_(std::move(error)), inner_(std::move(inner)) {}
  bool compressed() const override { return inner_->compressed(); }
  int64_t Read(char* buf, size_t n, std::string* err) override {
    if (used_ < prefix_.size()) {
      size_t take = std::min(n, prefix_.size() - used_);
      std::memcpy(buf, prefix_.data() + used_, take);
      used_ += take;
      return static_cast<int64_t>(take);
    }
    if (!error_.empty()) {
      *err = std::move(error_);
      error_.clear();
      return -1;
    }
    return inner_->Read(buf, n, err);
  }

 private:
  std::string prefix_, error_;
  size_t used_ = 0;
  std::unique_ptr<ByteSource> inner_;
};

constexpr uint32_t kReplacement = 0xFFFD;

// UTF-16 in, UTF-8 out. Raw bytes are read a block at a time; a code unit or surrogate pair cut by
// the block's end waits in `raw_` for the next block.
class Utf16Source final : public ByteSource {
 public:
  Utf16Source(std::unique_ptr<ByteSource> inner, bool big_endian)
      : inner_(std::move(inner)), big_endian_(big_endian) {}
  bool compressed() const override { return inner_->compressed(); }

  int64_t Read(char* buf, size_t n, std::string* err) override {
    while (out_used_ == out_.size()) {
      if (ended_) return 0;
      if (!Refill(err)) return -1;
    }
    size_t take = std::min(n, out_.size() - out_used_);
    std::memcpy(buf, out_.data() + out_used_, take);
    out_used_ += take;
    return static_cast<int64_t>(take);
  }

 private:
  uint32_t Unit(size_t i) const {
    auto a = static_cast<unsigned char>(raw_[i]), b = static_cast<unsigned char>(raw_[i + 1]);
    return big_endian_ ? (a << 8 | b) : (b << 8 | a);
  }

  bool Refill(std::string* err) {
    out_.clear();
    out_used_ = 0;
    size_t kept = raw_.size();
    raw_.resize(kept + kBlock);
    int64_t got = inner_->Read(raw_.data() + kept, kBlock, err);
    if (got < 0) return false;
    raw_.resize(kept + static_cast<size_t>(got));
    ended_ = got == 0;
    size_t i = 0;
    while (i + 2 <= raw_.size()) {
      uint32_t unit = Unit(i);
      if (unit >= 0xD800 && unit < 0xDC00) {  // a high surrogate: its low half must follow
        if (i + 4 > raw_.size() && !ended_) break;
        uint32_t low = i + 4 <= raw_.size() ? Unit(i + 2) : 0;
        if (low >= 0xDC00 && low < 0xE000) {
          AppendUtf8(&out_, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
          i += 4;
          continue;
        }
        unit = kReplacement;
      } else if (unit >= 0xDC00 && unit < 0xE000) {
        unit = kReplacement;
      }
      AppendUtf8(&out_, unit);
      i += 2;
    }
    raw_.erase(0, i);
    if (ended_ && !raw_.empty()) {  // an odd byte at the very end
      AppendUtf8(&out_, kReplacement);
      raw_.clear();
    }
    return true;
  }

  static constexpr size_t kBlock = 1 << 16;
  std::unique_ptr<ByteSource> inner_;
  bool big_endian_;
  std::string raw_, out_;
  size_t out_used_ = 0;
  bool ended_ = false;
};

}  // namespace

std::unique_ptr<ByteSource> DecodeTextEncoding(std::unique_ptr<ByteSource> inner) {
  char mark[3];
  size_t have = 0;
  std::string error;
  while (have < sizeof mark) {
    int64_t got = inner->Read(mark + have, sizeof mark - have, &error);
    if (got < 0) {
      if (error.empty()) error = "read failed";
      return std::make_unique<PrefixedSource>(std::string(mark, have), error, std::move(inner));
    }
    if (got == 0) break;
    have += static_cast<size_t>(got);
  }
  auto byte = [&](size_t i) { return i < have ? static_cast<unsigned char>(mark[i]) : -1; };
  if (byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) return inner;  // mark dropped
  if ((byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == 0xFE && byte(1) == 0xFF)) {
    bool big_endian = byte(0) == 0xFE;
    auto rest =
        std::make_unique<PrefixedSource>(std::string(mark + 2, have - 2), "", std::move(inner));
    return std::make_unique<Utf16Source>(std::move(rest), big_endian);
  }
  return std::make_unique<PrefixedSource>(std::string(mark, have), "", std::move(inner));
}

}  // namespace faultline
