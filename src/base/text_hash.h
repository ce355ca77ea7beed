// A fast hash of a text for direct-mapped memos (pattern hits, warning templates, regex
// answers). It runs on every record, so it reads eight bytes per multiply and never calls out
// of line; its users compare the bytes of a slot before trusting it, so a collision costs a
// comparison, never a wrong answer. Not for hash tables that an adversary fills.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace faultline {

inline uint64_t TextHash(std::string_view text) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  const char* p = text.data();
  size_t n = text.size();
  uint64_t h = n * kMul;
  auto mix = [&](uint64_t word) {
    h = (h ^ word) * kMul;
    h ^= h >> 29;
  };
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t word;
    std::memcpy(&word, p + i, 8);
    mix(word);
  }
  if (i < n) {
    uint64_t word = 0;
    if (n >= 8) {
      // The last eight bytes, shifted so the ones already mixed drop out: one load, no loop.
      std::memcpy(&word, p + n - 8, 8);
      word >>= 8 * (8 - (n - i));
    } else {
      for (size_t k = 0; k < n; ++k) word |= uint64_t(uint8_t(p[k])) << (8 * k);
    }
    mix(word);
  }
  return h ^ (h >> 32);
}

}  // namespace faultline
