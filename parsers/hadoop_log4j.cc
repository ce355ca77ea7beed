// Hadoop daemons (ZKFC, NameNode, JournalNode, DataNode, YARN, MapReduce) through log4j 1/2.
// Four layouts are common:
//   plain     %d{ISO8601} %p %c: %m%n                          (Hadoop's default RFA/DRFA)
//   thread    %d{ISO8601} %p [%t] %c: %m%n                     (many distributions)
//   location  %d{ISO8601} %-5p %c{2} (%F:%M(%L)) - %m%n        (HDP/Ambari, hadoop's "TLA" style;
//             also with the location printed empty, "ha.HealthMonitor ( - ")
//   console   %d{yy/MM/dd HH:mm:ss} %p %c{2}: %m%n             (command-line tools and clients:
//             hdfs haadmin, hdfs zkfc -formatZK, a NameNode run in the foreground)
// Stack traces and STARTUP_MSG banners follow on lines of their own; the record assembler joins
// them to this header.
#include <algorithm>
#include <array>

#include "parsers/layouts.h"
#include "parsers/parser.h"
#include "parsers/registry.h"
#include "parsers/scan_util.h"
#include "parsers/timestamp.h"

namespace faultline {
namespace {

using scan::Fail;

constexpr std::array<std::string_view, 4> kVariants = {"plain", "thread", "location", "console"};

constexpr Sample kSamples[] = {
    {"2019-09-17 05:04:12,618 FATAL org.apache.hadoop.hdfs.tools.DFSZKFailoverController: Got a "
     "fatal error, exiting now",
     "plain", Level::kFatal, "org.apache.hadoop.hdfs.tools.DFSZKFailoverController", "", -1,
     "Got a fatal error, exiting now"},
    {"2019-09-17 05:04:10,102 INFO [main-EventThread] org.apache.hadoop.ha.ActiveStandbyElector: "
     "Session disconnected. Entering neutral mode...",
     "thread", Level::kInfo, "org.apache.hadoop.ha.ActiveStandbyElector", "main-EventThread", -1,
     "Session disconnected. Entering neutral mode..."},
    {"2019-09-17 05:04:09,007 WARN  ha.HealthMonitor (HealthMonitor.java:doHealthChecks(211)) - "
     "Transport-level exception trying to monitor health of NameNode at nn1/10.0.0.1:8020",
     "location", Level::kWarn, "ha.HealthMonitor", "", -1,
     "Transport-level exception trying to monitor health of NameNode at nn1/10.0.0.1:8020"},
    {"2017-09-04 05:02:26,019 WARN  ha.HealthMonitor (HealthMonitor.java:doHealthChecks(211)) - "
     "Transport-level exception trying to monitor health of namenode",
     "location", Level::kWarn, "ha.HealthMonitor", "", -1,
     "Transport-level exception trying to monitor health of namenode"},
    {"2017-09-04 05:02:26,019 WARN ha.HealthMonitor ( - ", "location", Level::kWarn,
     "ha.HealthMonitor", "", -1, ""},
    {"15/12/05 15:08:06 WARN ha.HealthMonitor: Transport-level exception trying to monitor health "
     "of NameNode at nn1/10.0.0.1:8020",
     "console", Level::kWarn, "ha.HealthMonitor", "", -1,
     "Transport-level exception trying to monitor health of NameNode at nn1/10.0.0.1:8020"},
};

class HadoopParser final : public Parser {
 public:
  std::string_view Name() const override { return "hadoop"; }
  std::string_view Description() const override {
    return "Hadoop log4j (ZKFC, NameNode, JournalNode, YARN, MapReduce)";
  }
  std::span<const std::string_view> Variants() const override { return kVariants; }
  Component DefaultComponent() const override { return Component::kOther; }
  std::span<const Sample> Samples() const override { return kSamples; }

  bool ParseHeader(std::string_view s, Header* out, Miss* miss) const override {
    ScannedTime t;
    int column = 0;
    bool console = false;
    if (s.size() > 2 && s[2] == '/') {
      if (!ScanShortDateTime(s, &t, &column)) {
        return Fail(miss, column, "no yy/MM/dd HH:mm:ss timestamp");
      }
      console = true;
    } else if (!ScanLog4jTime(s, &t, &column)) {
      return Fail(miss, column, "no ISO8601 timestamp");
    }
    size_t pos = t.length;
    if (pos >= s.size() || s[pos] != ' ') return Fail(miss, pos, "expected ' ' after the time");
    out->myid = -1;
    if (!layout::HadoopBody(s, pos + 1, out, miss)) return false;
    if (console) out->variant = 3;
    out->local = t.local;
    out->precision = t.precision;
    out->has_offset = false;
    return true;
  }
};

}  // namespace

namespace layout {

bool HadoopBody(std::string_view s, size_t pos, Header* out, Miss* miss) {
  size_t level_end = scan::UpperWordEnd(s, pos);
  if (!scan::Log4jLevel(s.substr(pos, level_end - pos), &out->level)) {
    return Fail(miss, pos, "expected a log4j level (INFO, WARN, ...)");
  }
  pos = scan::SkipSpaces(s, level_end);
  if (pos == level_end) return Fail(miss, pos, "expected ' ' after the level");
  out->thread = {};
  out->code_line = -1;
  if (pos < s.size() && s[pos] == '[') {
    size_t close = s.find("] ", pos);
    if (close == std::string_view::npos) return Fail(miss, pos, "unclosed [thread]");
    out->thread = s.substr(pos + 1, close - pos - 1);
    pos = close + 2;
    out->variant = 1;
  } else {
    out->variant = 0;
  }
  size_t logger_end = scan::JavaNameEnd(s, pos);
  if (logger_end == pos) return Fail(miss, pos, "expected a Java logger name");
  out->logger = s.substr(pos, logger_end - pos);
  pos = logger_end;
  if (pos < s.size() && s[pos] == ':') {  // plain / thread: "logger: message"
    // "ClientCnxn:1300 - message" is log4j's "%c{1}:%L - %m" (Strimzi), not Hadoop's ": ".
    size_t digits = pos + 1;
    while (digits < s.size() && scan::IsDigit(s[digits])) ++digits;
    if (digits > pos + 1 && scan::StartsWithAt(s, digits, " - ")) {
      return Fail(miss, pos, "a ':line - ' after the logger: a class-and-line layout");
    }
    pos = pos + 1 < s.size() && s[pos + 1] == ' ' ? pos + 2 : pos + 1;
    out->message = s.substr(pos);
  } else if (out->variant == 0 && scan::StartsWithAt(s, pos, " ( -")) {
    // The location printed empty (as some HDP/Ambari logs and pages show it): "logger ( - msg".
    out->variant = 2;
    out->message = s.substr(std::min(s.size(), pos + 5));
  } else if (out->variant == 0 && scan::StartsWithAt(s, pos, " (")) {
    size_t close = s.find(") - ", pos);
    if (close == std::string_view::npos) {
      return Fail(miss, pos, "no ') - ' after (File:method(line)");
    }
    std::string_view location = s.substr(pos + 2, close - pos - 2);
    size_t paren = location.rfind('(');
    if (paren != std::string_view::npos && location.back() == ')') {
      out->code_line = scan::ParseSmallInt(location.substr(paren + 1, location.size() - paren - 2));
    }
    out->variant = 2;
    out->message = s.substr(close + 4);
  } else {
    return Fail(miss, pos, "expected ': ' or ' (File:method(line)) - ' after the logger");
  }
  return true;
}

}  // namespace layout

const Parser& HadoopLogParser() {
  static const HadoopParser parser;
  return parser;
}

}  // namespace faultline
