#include "src/store/merge.h"

#include <algorithm>
#include <utility>

namespace faultline {

bool Merger::After(const Head& a, const Head& b) {
  const Record& x = *a.record;
  const Record& y = *b.record;
  if (x.instant != y.instant) return x.instant > y.instant;
  if (x.source != y.source) return x.source > y.source;
  return x.line > y.line;
}

Merger::Merger(const std::vector<std::unique_ptr<ParsedSource>>& sources) {
  for (const auto& source : sources) {
    if (Record* record = source->Next()) heap_.push_back({record, source.get()});
  }
  std::make_heap(heap_.begin(), heap_.end(), After);
  if (sources.size() == 1) {
    single_ = sources[0].get();
    first_ = heap_.empty() ? nullptr : heap_[0].record;
    heap_.clear();
  }
}

const Record* Merger::Next() {
  if (single_ != nullptr) {  // one source: its own order is the merged order, no heap needed
    if (first_ != nullptr) {
      last_.record = std::exchange(first_, nullptr);
    } else if (last_.record != nullptr) {
      single_->Release(last_.record);
      last_.record = single_->Next();
    }
    return last_.record;
  }
  if (last_.record != nullptr) {
    ParsedSource* source = last_.source;
    source->Release(last_.record);
    last_ = {nullptr, nullptr};
    if (Record* record = source->Next()) {
      heap_.push_back({record, source});
      std::push_heap(heap_.begin(), heap_.end(), After);
    }
  }
  if (heap_.empty()) return nullptr;
  std::pop_heap(heap_.begin(), heap_.end(), After);
  last_ = heap_.back();
  heap_.pop_back();
  return last_.record;
}

}  // namespace faultline
