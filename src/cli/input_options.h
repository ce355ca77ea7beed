// Options every reading command shares (paths, --format, --tz, --skew, --reorder-window) and the
// record filters of timeline and events. Registered once per subcommand by these functions, so
// the flags, their help and their checks cannot drift apart between commands.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "src/base/reporter.h"
#include "src/store/source_set.h"

namespace faultline {

struct InputOptions {
  std::vector<std::string> paths;
  std::string format;
  std::vector<std::string> zones;
  std::vector<std::string> skews;
  std::string reorder_window = "2s";
  std::vector<std::string> layouts;  ///< --layout [HOST=]PATTERN
  std::string datefmt;               ///< --datefmt, for Python formats
  std::vector<std::string> configs;  ///< --config FILE
  bool no_progress = false;          ///< --no-progress
  /// The command writes its output while reading (timeline, events): no status line when that
  /// output goes to a terminal too.
  bool output_streams = false;
};

struct FilterOptions {
  std::string from, to, around, window = "1m", level, grep;
  std::vector<std::string> hosts, components;
};

/// How analyze and scan group repeats into episodes (--quiet-period DUR, --no-group).
struct GroupOptions {
  std::string quiet_period = "1h";
  bool no_group = false;
};
void AddGroupOptions(CLI::App* app, GroupOptions* options);
/// The quiet period in microseconds; false (and a message on the reporter) when it is not a
/// positive duration.
bool ResolveQuietPeriod(const GroupOptions& options, int64_t* micros, Reporter* reporter);

/// `parser_flag_is_format`: whether --format selects the parser (timeline, events, sources) or
/// is left to the command (analyze uses it for the report format); --log-format always works.
void AddInputOptions(CLI::App* app, InputOptions* options, bool parser_flag_is_format = true);
void AddFilterOptions(CLI::App* app, FilterOptions* options);

/// Turns the options into OpenOptions; false (and a message on the reporter) when one is bad.
bool ResolveInputOptions(const InputOptions& options, OpenOptions* out, Reporter* reporter);

/// Expands the paths and opens the sources; problems go to the reporter.
SourceSet OpenInputs(const InputOptions& options, const OpenOptions& open, Reporter* reporter);

}  // namespace faultline
