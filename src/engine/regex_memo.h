// Remembered answers of RE2::PartialMatch for short texts that repeat: the loggers and threads a
// step names are tested against every record it matches, and a source has few of them (a storm
// of one line asks the same question millions of times).
#pragma once

#include <re2/re2.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "src/base/text_hash.h"

namespace faultline {

class RegexMemo {
 public:
  static constexpr size_t kSlots = 256;         // direct-mapped by text and pattern
  static constexpr size_t kMaxTextBytes = 128;  // longer texts are matched each time

  /// RE2::PartialMatch(text, pattern), from memory when this pattern was last asked about this
  /// text in the same slot.
  bool PartialMatch(std::string_view text, const RE2& pattern) {
    if (text.size() > kMaxTextBytes) return RE2::PartialMatch(text, pattern);
    uint64_t hash =
        TextHash(text) ^ (reinterpret_cast<uintptr_t>(&pattern) * 0x9E3779B97F4A7C15ull);
    Slot& slot = slots_[hash % kSlots];
    if (slot.pattern == &pattern && slot.text == text) return slot.matches;
    slot.pattern = &pattern;
    slot.text.assign(text);
    slot.matches = RE2::PartialMatch(text, pattern);
    return slot.matches;
  }

 private:
  struct Slot {
    const RE2* pattern = nullptr;
    std::string text;
    bool matches = false;
  };
  std::array<Slot, kSlots> slots_;
};

}  // namespace faultline
