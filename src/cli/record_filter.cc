#include "src/cli/record_filter.h"

#include "parsers/timestamp.h"
#include "src/base/duration.h"

namespace faultline {
namespace {

bool ParseTimeOption(const char* flag, const std::string& text, int64_t* out, Reporter* reporter) {
  if (ParseUserTime(text, out)) return true;
  reporter->Error(std::string(flag) + ": cannot read time '" + text +
                  "' (use 2019-09-17 05:04:12, 2019-09-17T05:04:12.5Z or 2019-09-17)");
  return false;
}

}  // namespace

bool RecordFilter::Init(const FilterOptions& options, Reporter* reporter) {
  bool ok = true;
  if (!options.from.empty()) ok &= ParseTimeOption("--from", options.from, &from_, reporter);
  if (!options.to.empty()) ok &= ParseTimeOption("--to", options.to, &to_, reporter);
  if (!options.around.empty()) {
    int64_t center = 0, half = 0;
    std::string err;
    if (!ParseTimeOption("--around", options.around, &center, reporter)) {
      ok = false;
    } else if (!ParseDuration(options.window, &half, &err)) {
      reporter->Error("--window: " + err);
      ok = false;
    } else {
      from_ = std::max(from_, center - half);
      to_ = std::min(to_, center + half);
    }
  }
  has_time_bounds_ = from_ != INT64_MIN || to_ != INT64_MAX;
  if (!options.level.empty() && !ParseLevel(options.level, &min_level_)) {
    reporter->Error("--level: unknown level '" + options.level +
                    "' (trace, debug, info, warn, error, fatal)");
    ok = false;
  }
  for (const std::string& host : options.hosts) hosts_.insert(host);
  for (const std::string& name : options.components) {
    Component component;
    if (!ParseComponent(name, &component)) {
      reporter->Error("--component: unknown component '" + name +
                      "' (zk, zkfc, namenode, journalnode, monitor, other)");
      ok = false;
    }
    components_.insert(component);
  }
  if (!options.grep.empty()) {
    RE2::Options re_options;
    re_options.set_log_errors(false);
    grep_ = std::make_unique<RE2>(options.grep, re_options);
    if (!grep_->ok()) {
      reporter->Error("--grep: bad pattern '" + options.grep + "': " + grep_->error());
      ok = false;
    }
  }
  active_ = has_time_bounds_ || min_level_ != Level::kUnknown || !hosts_.empty() ||
            !components_.empty() || grep_ != nullptr;
  return ok;
}

bool RecordFilter::Check(const Record& record, const SourceInfo& source) const {
  if (has_time_bounds_ &&
      (record.instant == kNoInstant || record.instant < from_ || record.instant >= to_)) {
    return false;
  }
  if (min_level_ != Level::kUnknown && record.level < min_level_) return false;
  if (!hosts_.empty() && hosts_.find(source.host) == hosts_.end()) return false;
  if (!components_.empty() && components_.find(record.component) == components_.end()) {
    return false;
  }
  if (grep_ != nullptr && !RE2::PartialMatch(record.text, *grep_)) return false;
  return true;
}

}  // namespace faultline
