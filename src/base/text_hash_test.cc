#include "src/base/text_hash.h"

#include <doctest/doctest.h>

#include <string>

namespace faultline {
namespace {

// The definition the fast tail must agree with: every eight bytes, then the rest zero-padded.
uint64_t PaddedHash(std::string_view text) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t h = text.size() * kMul;
  for (size_t i = 0; i < text.size(); i += 8) {
    uint64_t word = 0;
    size_t n = std::min<size_t>(8, text.size() - i);
    for (size_t k = 0; k < n; ++k) word |= uint64_t(uint8_t(text[i + k])) << (8 * k);
    h = (h ^ word) * kMul;
    h ^= h >> 29;
  }
  return h ^ (h >> 32);
}

TEST_CASE("TextHash reads a tail of any length as the zero-padded word it stands for") {
  std::string text;
  for (int length = 0; length <= 41; ++length) {
    CAPTURE(length);
    CHECK(TextHash(text) == PaddedHash(text));
    text.push_back(static_cast<char>(0x80 + length * 7));  // high bytes: no sign extension
  }
}

TEST_CASE("TextHash tells apart texts that differ only in their last byte or their length") {
  CHECK(TextHash("Connection broken for id 1") != TextHash("Connection broken for id 2"));
  CHECK(TextHash(std::string_view("ab\0", 3)) != TextHash("ab"));
}

}  // namespace
}  // namespace faultline
