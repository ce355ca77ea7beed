#include "src/engine/hit_memo.h"

#include <algorithm>
#include <cstring>

namespace faultline {

uint64_t HitMemo::Hash(std::string_view text) {
  // Eight bytes per multiply: the hash runs on every record, so it must cost far less than the
  // scan it saves. Collisions only cost a comparison (Find compares the bytes).
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t h = text.size() * kMul;
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    h = (h ^ word) * kMul;
    h ^= h >> 29;
  }
  if (i < text.size()) {
    uint64_t word = 0;
    std::memcpy(&word, text.data() + i, text.size() - i);
    h = (h ^ word) * kMul;
    h ^= h >> 29;
  }
  return h ^ (h >> 32);
}

bool HitMemo::Find(std::string_view text, uint64_t hash, std::vector<int>* hits, bool* mark) const {
  if (slots_ == nullptr || text.size() > kMaxText) return false;
  const Slot& slot = slots_[hash % kSlots];
  if (!slot.used || slot.hash != hash || slot.length != text.size() ||
      std::memcmp(slot.text, text.data(), text.size()) != 0) {
    return false;
  }
  hits->assign(slot.hits, slot.hits + slot.hit_count);
  if (mark != nullptr) *mark = slot.mark;
  return true;
}

void HitMemo::Remember(std::string_view text, uint64_t hash, const std::vector<int>& hits,
                       bool mark) {
  if (text.size() > kMaxText || hits.size() > kMaxHits) return;
  if (slots_ == nullptr) slots_ = std::make_unique<Slot[]>(kSlots);
  Slot& slot = slots_[hash % kSlots];
  slot.used = true;
  slot.mark = mark;
  slot.hash = hash;
  slot.length = static_cast<uint16_t>(text.size());
  slot.hit_count = static_cast<uint8_t>(hits.size());
  std::copy(hits.begin(), hits.end(), slot.hits);
  std::memcpy(slot.text, text.data(), text.size());
}

}  // namespace faultline
