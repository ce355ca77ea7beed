// Python `logging` output, as kazoo-based monitors write it. Layouts:
//   module   %(asctime)s -%(module)s:%(filename)s-L%(lineno)d-%(levelname)s: %(message)s
//   space    %(asctime)s %(levelname)s %(name)s %(message)s, also "%(name)s: %(message)s",
//            Patroni's "%(asctime)s %(levelname)s: %(message)s" (no logger) and ASAB's
//            structured data "[sd key=\"value\"] " before the message
//   dash     %(asctime)s - %(name)s - %(levelname)s - %(message)s
//   bare     %(levelname)s:%(name)s:%(message)s   (logging.basicConfig()'s default: no time),
//            and uvicorn's %(levelprefix)s %(message)s ("INFO:     msg", the prefix padded to nine)
// asctime as logging writes it ("2019-09-17 05:04:03,691"), or with a datefmt: without the
// fraction ('%Y-%m-%d %H:%M:%S'), or "02-Jun-2025 14:18:49.699192" ('%d-%b-%Y %H:%M:%S.%f'-like).
// Level names as %(levelname)s writes them (WARNING, CRITICAL), or in lower case ("warning").
// A bare line has no time of its own: it takes the time of the record before it in the same
// source, flagged `inherited-time`; before any timed record it has no instant at all and sorts
// first. That keeps a basicConfig() traceback next to what came before it instead of guessing.
#include <algorithm>
#include <array>

#include "parsers/parser.h"
#include "parsers/registry.h"
#include "parsers/scan_util.h"
#include "parsers/timestamp.h"

namespace faultline {
namespace {

using scan::Fail;

constexpr std::array<std::string_view, 4> kVariants = {"module", "space", "dash", "bare"};

// A logger name (%(name)s): dotted identifiers, as kazoo's "kazoo.client" or "root". A name
// starts like an identifier: the "-" of "ERROR - [main:] ~ ..." (Apache Atlas) separates.
size_t NameEnd(std::string_view s, size_t pos) {
  if (pos >= s.size() || !scan::IsIdentChar(s[pos])) return pos;
  while (pos < s.size() && (scan::IsIdentChar(s[pos]) || s[pos] == '.' || s[pos] == '-')) ++pos;
  return pos;
}

constexpr Sample kSamples[] = {
    {"2019-09-17 05:04:03,691 -connection:connection.py-L608-WARNING: Connection dropped: "
     "outstanding heartbeat ping not received",
     "module", Level::kWarn, "connection", "", -1,
     "Connection dropped: outstanding heartbeat ping not received"},
    {"2019-09-17 05:04:03,691 WARNING kazoo.client Connection dropped: socket connection broken",
     "space", Level::kWarn, "kazoo.client", "", -1, "Connection dropped: socket connection broken"},
    {"2019-09-17 05:04:03,691 - kazoo.client - INFO - Zookeeper connection lost", "dash",
     Level::kInfo, "kazoo.client", "", -1, "Zookeeper connection lost"},
    {"2019-09-17 05:04:03,691 warning kazoo.client Connection dropped: socket connection broken",
     "space", Level::kWarn, "kazoo.client", "", -1, "Connection dropped: socket connection broken"},
    {"2019-09-17 05:04:03,692 - kazoo.client - info - Connecting to zk1:2181", "dash", Level::kInfo,
     "kazoo.client", "", -1, "Connecting to zk1:2181"},
    {"2019-09-17 05:04:03,694 CRITICAL kazoo.client Session expired", "space", Level::kFatal,
     "kazoo.client", "", -1, "Session expired"},
    {"02-Jun-2025 14:18:49.699192 WARNING kazoo.client Connection dropped: socket connection "
     "error: Connection refused",
     "space", Level::kWarn, "kazoo.client", "", -1,
     "Connection dropped: socket connection error: Connection refused"},
    {"2024-01-01 10:00:00 WARNING kazoo.client: Connection dropped: socket connection broken",
     "space", Level::kWarn, "kazoo.client", "", -1, "Connection dropped: socket connection broken"},
    {"2024-01-01 10:00:00,123 WARNING: Connection dropped: socket connection broken", "space",
     Level::kWarn, "", "", -1, "Connection dropped: socket connection broken"},
    {"WARNING:kazoo.client:Connection dropped: outstanding heartbeat ping not received", "bare",
     Level::kWarn, "kazoo.client", "", -1,
     "Connection dropped: outstanding heartbeat ping not received"},
};

class PythonParser final : public Parser {
 public:
  std::string_view Name() const override { return "python"; }
  std::string_view Description() const override {
    return "Python logging, as kazoo-based monitors write it";
  }
  std::span<const std::string_view> Variants() const override { return kVariants; }
  Component DefaultComponent() const override { return Component::kMonitor; }
  std::span<const Sample> Samples() const override { return kSamples; }

  bool ParseHeader(std::string_view s, Header* out, Miss* miss) const override {
    out->thread = {};
    out->myid = -1;
    out->code_line = -1;
    out->has_offset = false;
    if (!s.empty() && scan::IsUpper(s[0])) return ParseBare(s, out, miss);
    ScannedTime t;
    int column = 0;
    if (!ScanLog4jTime(s, &t, &column)) {
      int named_column = 0;
      if (s.size() < 3 || s[2] != '-' || !ScanDayMonthNameTime(s, &t, &named_column)) {
        return Fail(miss, column, "no asctime timestamp");
      }
    }
    out->local = t.local;
    out->precision = t.precision;
    size_t pos = t.length;
    if (scan::StartsWithAt(s, pos, " - ")) return ParseDash(s, pos + 3, out, miss);
    if (scan::StartsWithAt(s, pos, " -")) return ParseModule(s, pos + 2, out, miss);
    if (pos < s.size() && s[pos] == ' ') return ParseSpace(s, pos + 1, out, miss);
    return Fail(miss, pos, "expected ' -', ' - ' or ' LEVEL' after the time");
  }

 private:
  // "-module:file.py-L123-LEVEL: message"
  static bool ParseModule(std::string_view s, size_t pos, Header* out, Miss* miss) {
    size_t colon = s.find(':', pos);
    if (colon == std::string_view::npos) return Fail(miss, pos, "expected 'module:'");
    out->logger = s.substr(pos, colon - pos);
    size_t dash_l = s.find("-L", colon);
    if (dash_l == std::string_view::npos) return Fail(miss, colon, "expected '-L<lineno>'");
    size_t digits = dash_l + 2, end = digits;
    while (end < s.size() && scan::IsDigit(s[end])) ++end;
    out->code_line = scan::ParseSmallInt(s.substr(digits, end - digits));
    if (out->code_line < 0 || end >= s.size() || s[end] != '-') {
      return Fail(miss, digits, "expected '<lineno>-' after '-L'");
    }
    size_t level_begin = end + 1, level_end = scan::LetterWordEnd(s, level_begin);
    if (!scan::PythonLevel(s.substr(level_begin, level_end - level_begin), &out->level)) {
      return Fail(miss, level_begin, "expected a Python level name");
    }
    if (!scan::StartsWithAt(s, level_end, ":")) return Fail(miss, level_end, "expected ':'");
    out->message = s.substr(scan::SkipSpaces(s, level_end + 1));
    out->variant = 0;
    return true;
  }

  // "LEVEL name message"
  static bool ParseSpace(std::string_view s, size_t pos, Header* out, Miss* miss) {
    size_t level_end = scan::LetterWordEnd(s, pos);
    if (!scan::PythonLevel(s.substr(pos, level_end - pos), &out->level)) {
      return Fail(miss, pos, "expected a Python level name");
    }
    if (scan::StartsWithAt(s, level_end, ": ")) {  // Patroni: "LEVEL: message", no logger
      out->logger = {};
      out->message = s.substr(level_end + 2);
      out->variant = 1;
      return true;
    }
    if (level_end >= s.size() || s[level_end] != ' ') return Fail(miss, level_end, "expected ' '");
    // %(levelname)-8s pads the level with spaces.
    size_t name_begin = scan::SkipSpaces(s, level_end), name_end = NameEnd(s, name_begin);
    if (name_end == name_begin) return Fail(miss, name_begin, "expected a logger name");
    size_t message_begin = name_end + 1;
    if (scan::StartsWithAt(s, name_end, ": ")) {  // "%(name)s: %(message)s"
      message_begin = name_end + 2;
    } else if (name_end < s.size() && s[name_end] != ' ') {
      return Fail(miss, name_end, "expected ' ' or ': ' after the logger name");
    }
    // A padded Java logger before " - " is log4j's "%-5p %-60c %x - %m" (Flink), not Python's.
    if (size_t after = scan::SkipSpaces(s, name_end);
        after > name_end + 1 && scan::StartsWithAt(s, after, "- ")) {
      return Fail(miss, after, "a padded logger and ' - ': a log4j layout");
    }
    // "org.apache.hadoop.ipc.Server.call 594: ..." is log4j's "%c.%M %L: %m" (Intel SSM): a line
    // number, not a message, after a dotted name.
    if (message_begin == name_end + 1 && message_begin < s.size() &&
        scan::IsDigit(s[message_begin])) {
      size_t digits_end = message_begin;
      while (digits_end < s.size() && scan::IsDigit(s[digits_end])) ++digits_end;
      if (scan::StartsWithAt(s, digits_end, ": ") &&
          s.substr(name_begin, name_end - name_begin).find('.') != std::string_view::npos) {
        return Fail(miss, message_begin, "a line number after the logger: a log4j layout");
      }
    }
    // A capitalised word without dots after the level is the message's first word ("INFO
    // Starting up ...", "ERROR Failed: ..."): Python's loggers are module paths ("kazoo.client",
    // "root", "__main__"); a line of a layout with no logger is not read as one that has it.
    if (scan::IsUpper(s[name_begin]) &&
        s.substr(name_begin, name_end - name_begin).find('.') == std::string_view::npos) {
      return Fail(miss, name_begin, "a capitalised word, not a Python logger name");
    }
    out->logger = s.substr(name_begin, name_end - name_begin);
    // ASAB writes its structured data between the logger and the message ("[sd state=
    // \"SUSPENDED\"] ZooKeeper connection state changed"): not message, as an MDC block is not.
    if (scan::StartsWithAt(s, message_begin, "[sd ")) {
      size_t close = s.find("] ", message_begin);
      if (close != std::string_view::npos) message_begin = close + 2;
    }
    out->message = s.substr(std::min(s.size(), message_begin));
    out->variant = 1;
    return true;
  }

  // "name - LEVEL - message"
  static bool ParseDash(std::string_view s, size_t pos, Header* out, Miss* miss) {
    size_t name_end = NameEnd(s, pos);
    if (name_end == pos || !scan::StartsWithAt(s, name_end, " - ")) {
      return Fail(miss, name_end, "expected 'name - '");
    }
    out->logger = s.substr(pos, name_end - pos);
    size_t level_begin = name_end + 3, level_end = scan::LetterWordEnd(s, level_begin);
    if (!scan::PythonLevel(s.substr(level_begin, level_end - level_begin), &out->level)) {
      return Fail(miss, level_begin, "expected a Python level name");
    }
    if (!scan::StartsWithAt(s, level_end, " - ") && level_end != s.size()) {
      return Fail(miss, level_end, "expected ' - ' after the level");
    }
    out->message = s.substr(std::min(s.size(), level_end + 3));
    out->variant = 2;
    return true;
  }

  // "LEVEL:name:message"
  static bool ParseBare(std::string_view s, Header* out, Miss* miss) {
    size_t level_end = scan::UpperWordEnd(s, 0);
    if (!scan::PythonLevel(s.substr(0, level_end), &out->level)) {
      return Fail(miss, 0, "expected a Python level name or a timestamp");
    }
    if (level_end >= s.size() || s[level_end] != ':') return Fail(miss, level_end, "expected ':'");
    // uvicorn's "%(levelprefix)s %(message)s": the level and its colon padded to nine, a blank,
    // the message at column 10 ("INFO:     Started server process [1]"); no logger.
    if (size_t text = scan::SkipSpaces(s, level_end + 1);
        text == 10 && text > level_end + 1 && text < s.size()) {
      out->logger = {};
      out->message = s.substr(text);
      out->local = kNoInstant;
      out->precision = 3;
      out->variant = 3;
      return true;
    }
    size_t name_begin = level_end + 1, name_end = NameEnd(s, name_begin);
    if (name_end == name_begin || name_end >= s.size() || s[name_end] != ':') {
      return Fail(miss, name_end, "expected 'name:' after the level");
    }
    out->logger = s.substr(name_begin, name_end - name_begin);
    out->message = s.substr(name_end + 1);
    out->local = kNoInstant;
    out->precision = 3;
    out->variant = 3;
    return true;
  }
};

}  // namespace

const Parser& PythonLogParser() {
  static const PythonParser parser;
  return parser;
}

}  // namespace faultline
