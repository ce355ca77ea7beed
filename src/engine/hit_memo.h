// The answers a PatternSet gave for recent texts, kept by their exact bytes. Logs repeat
// themselves: a peer that is down makes a server log the same few lines over and over, and a
// storm of one message is exactly when an operator runs the tool. Asking Hyperscan about a
// record costs thousands of instructions; finding the same text here costs a hash and a
// comparison. The answer for a text depends on its bytes alone, so a remembered one is the
// answer itself, never an approximation: a slot is used only when its whole text compares equal.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "src/base/text_hash.h"

namespace faultline {

class HitMemo {
 public:
  /// Direct-mapped: a new text takes its slot from whatever was there. 512 slots of 256 bytes
  /// stay in the core's second-level cache.
  static constexpr size_t kSlots = 512;
  /// Longer texts (stack traces) are not remembered: rarely repeated byte for byte, and costly
  /// to compare.
  static constexpr size_t kMaxText = 224;
  /// A text with more hits than this is not remembered.
  static constexpr size_t kMaxHits = 16;

  static uint64_t Hash(std::string_view text) { return TextHash(text); }
  /// True, with `*hits` set to the answer, if `text` (of hash `hash`) is remembered; `*mark`
  /// (if given) is the mark remembered with it.
  bool Find(std::string_view text, uint64_t hash, std::vector<int>* hits,
            bool* mark = nullptr) const;
  /// Remembers `hits` (and a mark the caller gives a meaning) as the answer for `text`, if the
  /// two fit a slot.
  void Remember(std::string_view text, uint64_t hash, const std::vector<int>& hits,
                bool mark = false);

 private:
  struct Slot {
    uint64_t hash = 0;
    uint16_t length = 0;
    uint8_t hit_count = 0;
    bool used = false;
    bool mark = false;
    int32_t hits[kMaxHits];
    char text[kMaxText];
  };
  std::unique_ptr<Slot[]> slots_;  // allocated by the first Remember
};

}  // namespace faultline
