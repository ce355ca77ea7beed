// What the structured-log parsers (json, logfmt) share: which key names carry the time, level,
// logger, thread and message, and how their values are read. Keys are compared without regard to
// case ("Level", "Timestamp" from .NET and others); where a record has two keys for one field the
// one earlier in its list wins ("logger_name" over "name", any logger over zap's "caller").
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "parsers/parser.h"
#include "parsers/timestamp.h"
#include "src/base/record.h"

namespace faultline::structured {

enum class Field : uint8_t { kNone, kTime, kLevel, kLogger, kThread, kMessage };

/// A key's field and its rank among that field's keys (0 wins).
struct KeyRole {
  Field field = Field::kNone;
  uint8_t rank = 0;
};

struct KeyName {
  std::string_view name;
  Field field;
  uint8_t rank;
};

// Dotted names are ECS's, written flat ("log.level") or nested ({"log":{"level":..}}); the json
// parser builds the dotted path of nested keys before it looks them up here.
inline constexpr KeyName kKeys[] = {
    {"@timestamp", Field::kTime, 0},  // logstash-logback-encoder, ECS
    {"timestamp", Field::kTime, 1},   // structlog, log4j 2.3 JsonLayout (epoch ms as a string)
    {"time", Field::kTime, 2},        // logrus, zerolog, slog, bunyan, werelogs (epoch ms)
    {"ts", Field::kTime, 3},          // zap (epoch seconds), go-kit
    {"asctime", Field::kTime, 4},     // python-json-logger
    {"date", Field::kTime, 5},
    {"instant", Field::kTime, 6},     // log4j2 JsonLayout: {"epochSecond":..,"nanoOfSecond":..}
    {"timeMillis", Field::kTime, 7},  // log4j2 JsonLayout before 2.11
    {"logtime", Field::kTime, 8},     // Ambari's log feeder JSON (epoch ms as a string)
    {"t.$date", Field::kTime, 9},     // MongoDB 4.4+: {"t":{"$date":"..."},"s":"I","c":..}
    // Logstash's v0 event ({"@fields":{"timestamp":epoch ms,"level":..,"class":..},"@message":..}),
    // as log4j-jsonevent-layout and python-logstash wrote it before the v1 schema.
    {"@fields.timestamp", Field::kTime, 10},
    {"level", Field::kLevel, 0},
    {"levelname", Field::kLevel, 1},
    {"log.level", Field::kLevel, 2},
    {"severity", Field::kLevel, 3},
    {"loglevel", Field::kLevel, 4},
    {"lvl", Field::kLevel, 5},
    {"s", Field::kLevel, 6},  // MongoDB's severity: "I", "W", "E", "F", "D1".."D5"
    {"@fields.level", Field::kLevel, 7},
    {"@fields.levelname", Field::kLevel, 8},
    {"logger_name", Field::kLogger, 0},
    {"logger", Field::kLogger, 1},
    {"loggerName", Field::kLogger, 2},
    {"log.logger", Field::kLogger, 3},
    {"name", Field::kLogger, 4},    // python-json-logger's %(name)s; bunyan's app name
    {"caller", Field::kLogger, 5},  // zap, go-kit: "file.go:42", only when nothing better
    {"c", Field::kLogger, 6},       // MongoDB's component ("NETWORK")
    {"@fields.logger", Field::kLogger, 7},
    {"@fields.class", Field::kLogger, 8},
    {"component", Field::kLogger, 9},  // Elasticsearch 7's JSON ("o.e.n.Node")
    {"target", Field::kLogger, 10},    // Rust tracing-subscriber's JSON ("fmt_json::yak_shave")
    {"thread_name", Field::kThread, 0},
    {"thread", Field::kThread, 1},
    {"threadName", Field::kThread, 2},
    {"process.thread.name", Field::kThread, 3},
    {"ctx", Field::kThread, 4},          // MongoDB's context: the thread ("conn102", "listener")
    {"thread.name", Field::kThread, 5},  // tracing's {"thread":{"name":"main","id":1}}
    {"message", Field::kMessage, 0},
    {"msg", Field::kMessage, 1},
    {"@message", Field::kMessage, 2},
    {"event", Field::kMessage, 3},           // structlog
    {"log_message", Field::kMessage, 4},     // Ambari's log feeder JSON
    {"fields.message", Field::kMessage, 5},  // Rust tracing-subscriber's JSON
};

inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

/// The field a key names, or Field::kNone; *index is its row in kKeys.
inline KeyRole ClassifyKey(std::string_view key, int* index = nullptr) {
  if (key.empty() || key.size() > 19) return {};  // longer than any name above
  for (size_t i = 0; i < std::size(kKeys); ++i) {
    if (EqualsIgnoreCase(key, kKeys[i].name)) {
      if (index != nullptr) *index = static_cast<int>(i);
      return {kKeys[i].field, kKeys[i].rank};
    }
  }
  return {};
}

/// Whether `path` followed by '.' begins a dotted name above, so its object is worth entering.
inline bool IsKeyPrefix(std::string_view path) {
  for (const KeyName& key : kKeys) {
    if (key.name.size() > path.size() && key.name[path.size()] == '.' &&
        EqualsIgnoreCase(key.name.substr(0, path.size()), path)) {
      return true;
    }
  }
  return false;
}

/// A level value in any case: ParseLevel's names, zap's/zerolog's "panic", "dpanic" (FATAL),
/// syslog's "notice" (INFO, as the Python parser reads it) and MongoDB's letters ("I", "D2").
inline bool ParseLevelValue(std::string_view value, Level* level) {
  // MongoDB's one-letter severities, its debug levels numbered ("D2").
  bool numbered_debug = value.size() == 2 && value[0] == 'D' && value[1] >= '1' && value[1] <= '5';
  if (value.size() == 1 || numbered_debug) {
    constexpr std::string_view kLetters = "FEWID";
    constexpr Level kLevels[] = {Level::kFatal, Level::kError, Level::kWarn, Level::kInfo,
                                 Level::kDebug};
    size_t i = kLetters.find(value[0]);
    if (i == std::string_view::npos) return false;
    return *level = kLevels[i], true;
  }
  if (value.size() < 3 || value.size() > 8) return false;
  if (ParseLevel(value, level)) return true;
  if (EqualsIgnoreCase(value, "panic") || EqualsIgnoreCase(value, "dpanic")) {
    return *level = Level::kFatal, true;
  }
  if (EqualsIgnoreCase(value, "notice")) return *level = Level::kInfo, true;
  return false;
}

/// A level written as a number, as bunyan and pino write theirs (10 trace, 20 debug, 30 info,
/// 40 warn, 50 error, 60 fatal); no other number is a level.
inline bool ParseLevelNumber(std::string_view value, Level* level) {
  if (value.size() != 2 || value[1] != '0' || value[0] < '1' || value[0] > '6') return false;
  constexpr Level kLevels[] = {Level::kTrace, Level::kDebug, Level::kInfo,
                               Level::kWarn,  Level::kError, Level::kFatal};
  return *level = kLevels[value[0] - '1'], true;
}

/// A time read from a value.
struct TimeValue {
  int64_t local = kNoInstant;
  bool has_offset = false;
  int64_t offset_us = 0;
  uint8_t precision = 3;
};

/// An epoch number as written ("1533917522.548949", "1547108632526"): seconds with an optional
/// fraction; milliseconds above 1e11, microseconds above 1e14, nanoseconds above 1e17 (integers
/// only). No sign or exponent. Values before 1973 are taken for durations, not times, and refused.
inline bool ParseEpoch(std::string_view text, TimeValue* out) {
  size_t pos = 0;
  uint64_t whole = 0;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
    if (pos == 19) return false;  // would overflow
    whole = whole * 10 + static_cast<uint64_t>(text[pos] - '0');
    ++pos;
  }
  if (pos == 0) return false;
  int64_t fraction_us = 0;  // the fraction in microseconds of the unit below
  size_t digits = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    int64_t scale = 100000;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      fraction_us += (text[pos] - '0') * scale;
      scale /= 10;
      ++digits;
      ++pos;
    }
    if (digits == 0) return false;
  }
  if (pos != text.size()) return false;
  constexpr uint64_t kMinSeconds = 100'000'000;  // 1973-03-03
  int64_t micros;
  uint8_t precision;
  if (whole > 100'000'000'000'000'000ULL) {  // nanoseconds
    if (digits != 0) return false;
    micros = static_cast<int64_t>(whole / 1000);
    precision = 6;
  } else if (whole > 100'000'000'000'000ULL) {  // microseconds
    if (digits != 0) return false;
    micros = static_cast<int64_t>(whole);
    precision = 6;
  } else if (whole > 100'000'000'000ULL) {  // milliseconds, perhaps with a fraction
    micros = static_cast<int64_t>(whole) * 1000 + fraction_us / 1000;
    precision = static_cast<uint8_t>(digits + 3 > 6 ? 6 : digits + 3);
  } else {
    if (whole < kMinSeconds) return false;
    micros = static_cast<int64_t>(whole) * 1'000'000 + fraction_us;
    precision = static_cast<uint8_t>(digits > 6 ? 6 : digits);
  }
  out->local = micros;  // the epoch is UTC
  out->has_offset = true;
  out->offset_us = 0;
  out->precision = precision;
  return true;
}

/// A time value written as text: ISO 8601 ("2023-10-10T18:14:26.041Z", "2019-09-17 05:04:03,691",
/// "2024-05-02T10:11:12.123+02:00") filling the whole value, or epoch digits in a string.
inline bool ParseTimeText(std::string_view text, TimeValue* out) {
  if (text.size() >= 19 && text[4] == '-') {
    ScannedTime t;
    int column = 0;
    if (!ScanAnyIsoTime(text, &t, &column) || t.length != text.size()) return false;
    out->local = t.local;
    out->has_offset = t.has_offset;
    out->offset_us = t.offset_us;
    out->precision = t.precision;
    return true;
  }
  return ParseEpoch(text, out);
}

}  // namespace faultline::structured
