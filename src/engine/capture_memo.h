// The named captures a pattern gave for recent texts, kept by their exact bytes. A candidate's
// captures are read when a key compares them or when it is reported, and in a storm the same
// line ("Cannot open channel to 3 at election address ...") is read over and over: a pattern
// match with captures costs thousands of instructions, a lookup here a hash and a comparison.
// Captures depend only on the pattern and the bytes, so a remembered answer is exact; a slot
// is used only when its pattern and whole text compare equal.
#pragma once

#include <re2/re2.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "src/engine/candidate.h"

namespace faultline {

class CaptureMemo {
 public:
  static constexpr size_t kSlots = 256;
  static constexpr size_t kMaxText = 200;  ///< longer texts are not remembered

  static bool Fits(std::string_view text) { return text.size() <= kMaxText; }
  static uint64_t Hash(const RE2& pattern, std::string_view text);
  /// True, with *matched and (if matched) *captures set, if the answer is remembered. The map
  /// is shared with every candidate given it before: no copy, no allocation.
  bool Find(const RE2& pattern, std::string_view text, uint64_t hash, bool* matched,
            std::shared_ptr<const Captures>* captures) const;
  /// Remembers the answer: `captures` as read, null when the pattern did not match.
  void Remember(const RE2& pattern, std::string_view text, uint64_t hash,
                std::shared_ptr<const Captures> captures);

 private:
  struct Slot {
    const RE2* pattern = nullptr;  ///< null: unused
    uint64_t hash = 0;
    uint8_t length = 0;
    bool matched = false;
    std::shared_ptr<const Captures> captures;
    char text[kMaxText];
  };
  std::unique_ptr<Slot[]> slots_;  // allocated by the first Remember
};

}  // namespace faultline
