// Opens every input: expands nothing (see base/input_set.h), sniffs gzip and binary data,
// detects the format from the first lines, names host and component, and builds one
// ParsedSource per log (several for a demultiplexed stdin or compose capture). Inputs that
// cannot be read are reported and left out; the rest go on.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "src/base/input_set.h"
#include "src/base/reporter.h"
#include "src/store/parsed_source.h"
#include "src/store/source_info.h"
#include "src/time/clock.h"

namespace faultline {

struct OpenOptions {
  const Parser* forced_parser = nullptr;  ///< --format; nullptr = detect
  ClockSettings clocks;
  WindowSettings window;
};

struct SourceSet {
  std::vector<std::unique_ptr<SourceInfo>> infos;  ///< every input, skipped ones included
  std::vector<std::unique_ptr<ParsedSource>> sources;
};

SourceSet OpenSources(const std::vector<InputFile>& inputs, const OpenOptions& options,
                      Reporter* reporter);

/// Reports problems met while reading (a truncated .gz, a read error), once each. Call after
/// the sources have been drained.
void ReportReadProblems(const SourceSet& set, Reporter* reporter);

}  // namespace faultline
