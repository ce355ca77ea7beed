// The k-way merge: one stream over all sources, ordered by (instant, source index, line), so
// equal instants come out in input order and the output is the same on every run. Holds one
// record per source; memory does not depend on input size.
#pragma once

#include <memory>
#include <vector>

#include "src/store/parsed_source.h"

namespace faultline {

class Merger {
 public:
  explicit Merger(const std::vector<std::unique_ptr<ParsedSource>>& sources);
  /// The next record, or nullptr when every source is drained. Valid until the next call.
  const Record* Next();

 private:
  struct Head {
    Record* record;
    ParsedSource* source;
  };
  static bool After(const Head& a, const Head& b);

  std::vector<Head> heap_;
  Head last_{nullptr, nullptr};
  ParsedSource* single_ = nullptr;  // set when there is only one source
  Record* first_ = nullptr;         // single_'s first record, read by the constructor
};

}  // namespace faultline
