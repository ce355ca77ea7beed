// The --from/--to/--around/--level/--host/--component/--grep filters, checked once per record.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <set>
#include <string>

#include "src/base/record.h"
#include "src/base/reporter.h"
#include "src/cli/input_options.h"
#include "src/store/source_info.h"

namespace faultline {

class RecordFilter {
 public:
  /// Compiles the options; false (with messages on the reporter) when one is invalid.
  bool Init(const FilterOptions& options, Reporter* reporter);
  bool Accept(const Record& record, const SourceInfo& source) const {
    return !active_ || Check(record, source);
  }

 private:
  bool Check(const Record& record, const SourceInfo& source) const;

  bool active_ = false;  // any filter given
  int64_t from_ = INT64_MIN, to_ = INT64_MAX;
  bool has_time_bounds_ = false;
  Level min_level_ = Level::kUnknown;
  std::set<std::string, std::less<>> hosts_;
  std::set<Component> components_;
  std::unique_ptr<RE2> grep_;
};

}  // namespace faultline
