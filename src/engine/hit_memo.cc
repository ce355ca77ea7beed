#include "src/engine/hit_memo.h"

#include <algorithm>
#include <cstring>

namespace faultline {

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
