// Parsers turn one header line into fields. They are hand-written scanners (no regex per line):
// fixed-position digits for the time, memchr for separators, so a line costs a few dozen
// comparisons. A parser never reads files; the record assembler feeds it lines.
//
//   const Parser* zk = FindParser("zookeeper");
//   Header h;  Miss miss;
//   if (zk->ParseHeader(line, &h, &miss)) { ... h.message ... }
//   else printf("stopped at column %d: %s\n", miss.column, miss.why);
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "src/base/record.h"

namespace faultline {

/// Fields of a header line. Views point into the line given to ParseHeader.
struct Header {
  int64_t local = kNoInstant;  ///< wall-clock microseconds as written; kNoInstant if none
  int64_t utc_offset_us = 0;   ///< valid when has_offset: the line named its own zone
  bool has_offset = false;
  uint8_t precision = 3;
  uint8_t variant = 0;  ///< index into Parser::Variants()
  /// The line's time lacks a year (glog's "MMdd", Finagle) or a date ("HH:mm:ss.SSS"): `local`
  /// is in 1970 and the reader borrows what is missing (src/store/parsed_source.h).
  bool no_year = false, no_date = false;
  Level level = Level::kUnknown;
  int32_t myid = -1;
  int32_t code_line = -1;
  std::string_view thread, logger, message;
};

/// Why a line is not a header: the 0-based column where scanning stopped and a short reason.
struct Miss {
  int column = 0;
  const char* why = "";
};

/// A sample line with the fields it must yield; the registry test walks every parser's samples.
struct Sample {
  std::string_view line;
  std::string_view variant;
  Level level;
  std::string_view logger;
  std::string_view thread;
  int32_t myid;
  std::string_view message;
};

class Parser {
 public:
  virtual ~Parser() = default;
  /// Stable name used by --format and in output ("zookeeper", "hadoop", "python", "generic").
  virtual std::string_view Name() const = 0;
  virtual std::string_view Description() const = 0;
  /// The layouts this parser understands, by short name.
  virtual std::span<const std::string_view> Variants() const = 0;
  /// Component of a record when nothing more specific is known (file name, logger).
  virtual Component DefaultComponent() const = 0;
  /// Parses `line` (no line terminator). True for a header line; otherwise *miss says why not.
  virtual bool ParseHeader(std::string_view line, Header* out, Miss* miss) const = 0;
  virtual std::span<const Sample> Samples() const = 0;
};

}  // namespace faultline
