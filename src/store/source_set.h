// Opens every input: expands nothing (see base/input_set.h), sniffs gzip and binary data,
// detects the format from the first lines, names host and component, and builds one
// ParsedSource per log (several for a demultiplexed stdin or compose capture). Inputs that
// cannot be read are reported and left out; the rest go on.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parsers/logging_config.h"
#include "src/base/input_set.h"
#include "src/base/progress.h"
#include "src/base/reporter.h"
#include "src/store/parsed_source.h"
#include "src/store/source_info.h"
#include "src/time/clock.h"

namespace faultline {

/// A layout learnt for some inputs: given with --layout (for every input, or one host's), or read
/// from a logging config (log4j.properties, logback.xml, ...) among the inputs or given with
/// --config.
struct LayoutChoice {
  std::shared_ptr<const Parser> parser;
  std::string host;     ///< --layout HOST=PATTERN: only that host's inputs ("" = every input)
  bool forced = false;  ///< --layout: read with it, no detection
  /// From a config: the appender whose file it is, to match input names (nullopt: --layout).
  std::optional<ConfiguredLayout> configured;
};

struct OpenOptions {
  const Parser* forced_parser = nullptr;  ///< --format; nullptr = detect
  std::vector<LayoutChoice> layouts;
  ClockSettings clocks;
  WindowSettings window;
  std::shared_ptr<Progress> progress;  ///< counts what is read, for a terminal's status line
};

struct SourceSet {
  std::vector<std::unique_ptr<SourceInfo>> infos;  ///< every input, skipped ones included
  std::vector<std::unique_ptr<ParsedSource>> sources;
  /// Keeps the learnt layouts (OpenOptions::layouts) alive as long as the sources that read with
  /// them.
  std::vector<std::shared_ptr<const Parser>> layouts;
};

SourceSet OpenSources(const std::vector<InputFile>& inputs, const OpenOptions& options,
                      Reporter* reporter);

/// Reports problems met while reading (a truncated .gz, a read error), once each. Call after
/// the sources have been drained.
void ReportReadProblems(const SourceSet& set, Reporter* reporter);

}  // namespace faultline
