// One analysis run: open the inputs, read the configuration found beside them, feed the merged
// stream to the rule engine, group the matches into incidents.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "src/base/reporter.h"
#include "src/engine/config_values.h"
#include "src/engine/engine.h"
#include "src/engine/incident.h"
#include "src/engine/message_templates.h"
#include "src/store/source_set.h"

namespace faultline {

struct AnalysisRequest {
  std::vector<std::string> paths;
  std::vector<std::string> config_files;  ///< --config, besides those found among the paths
  OpenOptions open;
  int64_t from = INT64_MIN, to = INT64_MAX;  ///< records outside are not fed to the rules
  /// Cron mode: these inputs (with resume offsets) instead of expanding `paths`; keep resume
  /// points for the next run; leave absence windows that are still open unresolved.
  bool cron = false;
  std::vector<InputFile> inputs;
  /// Engines run in parallel, each with a share of the rules, on threads of their own: this
  /// thread reads, merges and scans the records once for all of them (src/engine/
  /// parallel_feed.h). One in cron mode. The results do not depend on it.
  int jobs = 1;
};

struct Analysis {
  SourceSet sources;
  ConfigValues config;
  std::vector<std::string> config_files_read;
  std::unique_ptr<Engine> engine;
  std::vector<Incident> incidents;
  int64_t records = 0;
  /// Bit per Component: which components had a record in the inputs (for "not in the logs given").
  uint32_t components_seen = 0;
  /// Warning-or-worse message templates per host: what the logs complain about, for when no
  /// rule explains them.
  MessageTemplates templates;
};

/// The rules of engine `shard` of `shards`: every shards-th, so that each gets a mix of cheap and
/// busy ones (analyze -j and analyze --engine share them alike).
std::vector<const Rule*> ShareOf(const std::vector<const Rule*>& rules, int shard, int shards);

/// Runs the analysis; false when the rules cannot be evaluated (message on the reporter).
/// `rules` must outlive `out`.
bool Analyze(const AnalysisRequest& request, const std::vector<const Rule*>& rules,
             Reporter* reporter, Analysis* out);

}  // namespace faultline
