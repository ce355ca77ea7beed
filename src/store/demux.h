// Splits an input that interleaves several logs (standard input fed by `cat a b c`, or a
// `docker compose logs` capture) into segments that are each one log in time order. Each line
// is detected on its own; a segment is keyed by (service prefix, parser) and a new one begins
// when time jumps backwards beyond the reorder window (the next file of the same kind began).
// A line in a wrapper (docker --timestamps, journald; see parsers/wrapper.h) is placed by the line
// inside it, and spooled whole: its source unwraps it again.
// Segments are spooled to anonymous temporary files, so memory does not grow with the input.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parsers/parser.h"
#include "parsers/wrapper.h"
#include "src/store/line_input.h"

namespace faultline {

struct Segment {
  const Parser* parser = nullptr;  ///< nullptr: lines no parser recognised
  std::string service;             ///< docker compose service name ("" if none)
  int ordinal = 0;                 ///< 1-based, in order of first appearance
  std::unique_ptr<SpoolInput> input;
  int64_t lines = 0;
  /// Its first lines (up to kDetectLines) as spooled: a segment no built-in layout reads (only
  /// the generic fallback, or nothing) gets a layout inferred from them, as a file does.
  std::vector<std::string> head;
};

struct DemuxResult {
  std::vector<Segment> segments;
  std::string error;  ///< a read error met on the way ("" if none)
  /// journalctl's "-- Logs begin at ..., end at ... --" line was read: the date of its last
  /// entry, which names the year of every segment's syslog times.
  std::optional<YearHint> journal_year;
};

/// Reads `input` to the end and splits it. `window_us` is the reorder window.
DemuxResult Demultiplex(LineInput* input, int64_t window_us);

}  // namespace faultline
