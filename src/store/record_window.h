// The records a ParsedSource holds back for reordering, oldest first. A vector with a moving head
// rather than a std::deque: records almost always join at the back and leave at the front, and
// this keeps both, and size(), to a few instructions (it is on every line's path).
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

#include "src/base/record.h"

namespace faultline {

class RecordWindow {
 public:
  bool empty() const { return head_ == records_.size(); }
  size_t size() const { return records_.size() - head_; }
  Record* front() const { return records_[head_]; }
  Record* back() const { return records_.back(); }
  Record** begin() { return records_.data() + head_; }
  Record** end() { return records_.data() + records_.size(); }

  void pop_front() {
    ++head_;
    if (head_ == records_.size()) {
      records_.clear();
      head_ = 0;
    } else if (head_ >= 1024 && head_ * 2 >= records_.size()) {  // amortised compaction
      records_.erase(records_.begin(), records_.begin() + static_cast<ptrdiff_t>(head_));
      head_ = 0;
    }
  }

  /// Inserts after every record that `earlier` does not put after it (stable for equal keys).
  template <typename Earlier>
  void insert_sorted(Record* record, Earlier earlier) {
    if (empty() || !earlier(record, back())) {
      records_.push_back(record);
      return;
    }
    auto at = std::upper_bound(records_.begin() + static_cast<ptrdiff_t>(head_), records_.end(),
                               record, earlier);
    records_.insert(at, record);
  }

 private:
  std::vector<Record*> records_;
  size_t head_ = 0;
};

}  // namespace faultline
