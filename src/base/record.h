// The unit every layer speaks (parsers fill it, the clock stamps it, store and engine consume it):
// one log record (a header line and its continuation lines), stamped in UTC and tagged with where
// it came from.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace faultline {

enum class Level : uint8_t { kUnknown, kTrace, kDebug, kInfo, kWarn, kError, kFatal };

/// The daemon family a record belongs to. `kOther` covers anything else found beside them.
enum class Component : uint8_t { kOther, kZk, kZkfc, kNameNode, kJournalNode, kMonitor };

std::string_view LevelName(Level level);               ///< "INFO", "WARN", ... ("-" for unknown)
std::string_view ComponentName(Component c);           ///< "zk", "zkfc", "namenode", ...
bool ParseLevel(std::string_view text, Level* level);  ///< case-insensitive, "warning" too
bool ParseComponent(std::string_view text, Component* component);

/// Sentinel for records that carry no time of their own and have nothing to inherit.
inline constexpr int64_t kNoInstant = INT64_MIN;

/// Bits of Record::flags.
enum RecordFlag : uint16_t {
  kUnparsed = 1 << 0,       ///< no parser understood the line; kept verbatim
  kOutOfOrder = 1 << 1,     ///< earlier than the record before it in the same source
  kInheritedTime = 1 << 2,  ///< the line has no time; it took the previous record's
  kDstAmbiguous = 1 << 3,   ///< local time fell in a DST overlap (see time/clock.h)
  kDstGap = 1 << 4,         ///< local time fell in a DST gap
  kTruncated = 1 << 5,      ///< a line was longer than the record limit and was cut
  kOrderOnly = 1 << 6,      ///< its source has no time at all: a synthetic instant in line order
  kDateInferred = 1 << 7,   ///< the line has no year (or no date): taken from the records around
};

/// A byte range inside Record::text; keeps a Record movable without dangling views.
struct Span {
  uint32_t offset = 0;
  uint32_t length = 0;
};

/// One parsed record. Owned by its source and recycled: strings keep their capacity, so the hot
/// path does not allocate once warmed up.
struct Record {
  int64_t instant = kNoInstant;  ///< UTC microseconds since the epoch
  int64_t local = kNoInstant;    ///< the wall-clock time as written, microseconds
  int64_t line = 0;              ///< 1-based number of the header line in its input
  int32_t source = 0;            ///< index of the source (input order)
  int32_t myid = -1;             ///< ZooKeeper server id, from [myid:N] or the thread name
  int32_t code_line = -1;        ///< line in the logging program's source (ZK %L, Hadoop %L)
  uint32_t continuation_lines = 0;
  uint16_t flags = 0;
  uint8_t precision = 3;  ///< fractional digits the log wrote (3 = ms, 6 = us)
  Level level = Level::kUnknown;
  Component component = Component::kOther;
  Span thread, logger, message;  ///< message: the header line's message part
  std::string text;              ///< the header line, then "\n" + each continuation line

  std::string_view View(Span s) const { return std::string_view(text).substr(s.offset, s.length); }
  /// Continuation lines joined by '\n' (empty when there are none).
  std::string_view Continuation() const;
  void Clear();
};

}  // namespace faultline
