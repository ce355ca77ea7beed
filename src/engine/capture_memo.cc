#include "src/engine/capture_memo.h"

#include <cstring>

#include "src/engine/hit_memo.h"

namespace faultline {

uint64_t CaptureMemo::Hash(const RE2& pattern, std::string_view text) {
  return HitMemo::Hash(text) ^ (reinterpret_cast<uintptr_t>(&pattern) * 0x9E3779B97F4A7C15ull);
}

bool CaptureMemo::Find(const RE2& pattern, std::string_view text, uint64_t hash, bool* matched,
                       std::map<std::string, std::string>* captures) const {
  if (slots_ == nullptr) return false;
  const Slot& slot = slots_[hash % kSlots];
  if (slot.pattern != &pattern || slot.hash != hash || slot.length != text.size() ||
      std::memcmp(slot.text, text.data(), text.size()) != 0) {
    return false;
  }
  *matched = slot.matched;
  if (!slot.matched) return true;
  size_t g = 0;
  for (const auto& named : pattern.NamedCapturingGroups()) {
    (*captures)[named.first].assign(text.substr(slot.begin[g], slot.size[g]));
    ++g;
  }
  return true;
}

void CaptureMemo::Remember(const RE2& pattern, std::string_view text, uint64_t hash,
                           const re2::StringPiece* groups) {
  if (!Fits(pattern, text)) return;
  if (slots_ == nullptr) slots_ = std::make_unique<Slot[]>(kSlots);
  Slot& slot = slots_[hash % kSlots];
  slot.pattern = &pattern;
  slot.hash = hash;
  slot.length = static_cast<uint8_t>(text.size());
  slot.matched = groups != nullptr;
  size_t g = 0;
  for (const auto& named : pattern.NamedCapturingGroups()) {
    const re2::StringPiece& piece = groups == nullptr ? re2::StringPiece() : groups[named.second];
    // A group that took no part in the match is empty, as MatchCaptures reads it.
    bool inside = piece.data() != nullptr && piece.data() >= text.data() &&
                  piece.data() + piece.size() <= text.data() + text.size();
    slot.begin[g] = inside ? static_cast<uint8_t>(piece.data() - text.data()) : 0;
    slot.size[g] = inside ? static_cast<uint8_t>(piece.size()) : 0;
    ++g;
  }
  std::memcpy(slot.text, text.data(), text.size());
}

}  // namespace faultline
