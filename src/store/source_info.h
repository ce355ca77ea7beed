// What is known and counted about one source: the `sources` command prints it, the other
// commands use it to name hosts and files.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parsers/detect.h"
#include "src/base/record.h"

namespace faultline {

struct SourceInfo {
  std::string path;  ///< the input as given ("-" for standard input)
  std::string name;  ///< how output names it: the path, or "-#2" for a stdin segment
  std::string host;  ///< "" when nothing names it
  std::string zone;  ///< time zone its wall-clock times were read in
  Component component = Component::kOther;
  const Parser* parser = nullptr;  ///< nullptr: no parser recognised it
  bool compressed = false;
  bool demultiplexed = false;  ///< a segment of stdin or of a docker-compose capture
  std::string problem;         ///< why it was skipped or cut short ("" if read in full)
  bool read_problem = false;   ///< `problem` came up while reading, after the open

  int64_t lines = 0;
  int64_t records = 0;
  int64_t continuation_lines = 0;
  int64_t unparsed = 0;
  int64_t out_of_order = 0;  ///< records earlier than the record before them
  int64_t unplaceable = 0;   ///< of those, records too late for the reorder window
  int64_t inherited_time = 0;
  int64_t order_only = 0;  ///< records given an order-only instant (the source has no time)
  /// Records with a time of day only and no date before them: dated with the file's modification
  /// date (standard input: today's), flagged date-inferred.
  int64_t dated_from_file = 0;
  /// A segment of standard input under journalctl's "-- Logs begin at ..." line (read by the
  /// demultiplexer, in another segment): the year of its syslog times.
  std::optional<YearHint> journal_year;
  int64_t split_lines = 0;
  std::array<int64_t, 8> variant_records{};  ///< header records per parser variant
  int64_t first_instant = kNoInstant, last_instant = kNoInstant;

  // Cron mode: where this run stopped (after the last complete line), where the next run must
  // start re-reading to rebuild rule windows, and a half-written last line left for later.
  int64_t end_offset = 0, end_line = 0;
  int64_t replay_offset = 0, replay_line = 0;
  int64_t held_back_bytes = 0;
  /// Cron mode: record starts (instant, offset, lines before), about one per 5 s of log time
  /// over the last hours, so the next run can resume before the slowest source's position.
  struct ResumePoint {
    int64_t instant, offset, line;
  };
  std::vector<ResumePoint> resume_points;

  std::optional<Detection> detection;  ///< kept for `sources --explain`
};

}  // namespace faultline
