#include "src/engine/capture_memo.h"

#include <cstring>

#include "src/engine/hit_memo.h"

namespace faultline {

uint64_t CaptureMemo::Hash(const RE2& pattern, std::string_view text) {
  return HitMemo::Hash(text) ^ (reinterpret_cast<uintptr_t>(&pattern) * 0x9E3779B97F4A7C15ull);
}

bool CaptureMemo::Find(const RE2& pattern, std::string_view text, uint64_t hash, bool* matched,
                       std::shared_ptr<const Captures>* captures) const {
  if (slots_ == nullptr) return false;
  const Slot& slot = slots_[hash % kSlots];
  if (slot.pattern != &pattern || slot.hash != hash || slot.length != text.size() ||
      std::memcmp(slot.text, text.data(), text.size()) != 0) {
    return false;
  }
  *matched = slot.matched;
  *captures = slot.captures;
  return true;
}

void CaptureMemo::Remember(const RE2& pattern, std::string_view text, uint64_t hash,
                           std::shared_ptr<const Captures> captures) {
  if (!Fits(text)) return;
  if (slots_ == nullptr) slots_ = std::make_unique<Slot[]>(kSlots);
  Slot& slot = slots_[hash % kSlots];
  slot.pattern = &pattern;
  slot.hash = hash;
  slot.length = static_cast<uint8_t>(text.size());
  slot.matched = captures != nullptr;
  slot.captures = std::move(captures);
  std::memcpy(slot.text, text.data(), text.size());
}

}  // namespace faultline
