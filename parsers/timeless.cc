// Header lines without a time: excerpts pasted into issues, mailing lists and forums, and what a
// JVM prints on its own. Layouts (the Java layouts with the time cut off):
//   zookeeper  %-5p [%t:%C{1}@%L] - %m%n   "FATAL [main:QuorumPeer@400] - Unable to load ..."
//   hadoop     %p [%t] %c: %m%n / %p %c: %m%n
//   java       %p %m (%c) [%t]%n            the Strimzi / Kafka layouts without their date
//   jvm        Exception in thread "%t" ... the JVM's report of an uncaught exception
//   bitnami    %-7.7c %-5p %m / %-5p ==> %m   old Bitnami images' setup lines ("nami    INFO  ...",
//                                         "zookeep INFO  ==> ...", "WARN  ==> ..."): no time at all
//   bootstrap  what the logging libraries print about themselves before any layout applies:
//              log4j 1.x ("log4j:WARN No appenders could be found ..."), log4j2's status logger
//              ("ERROR StatusLogger No log4j2 configuration file found ...") and SLF4J ("SLF4J:
//              Class path contains multiple SLF4J bindings.", 2.x's "SLF4J(W): ..."); the logger
//              is the library ("log4j", "StatusLogger", "SLF4J")
//   exhibitor  %-5p %c  %m [%t]%n            Netflix Exhibitor's console ("INFO  com.netflix.
//                                         exhibitor.core.activity.ActivityLog  State: down
//                                         [ActivityQueue-0]")
// Such a line takes the time of the record before it in its source (flagged inherited-time).
// A source with no timed record at all gets order-only instants instead (see
// src/store/parsed_source.h). This parser is a fallback: detection picks it for a whole file
// only when nothing timed matches better, per-line detection never picks it, and the record
// assembler tries it on lines its source's parser does not take.
#include <array>

#include "parsers/layouts.h"
#include "parsers/parser.h"
#include "parsers/registry.h"
#include "parsers/scan_util.h"

namespace faultline {
namespace {

using scan::Fail;

constexpr std::array<std::string_view, 7> kVariants = {"zookeeper", "hadoop",    "java",     "jvm",
                                                       "bitnami",   "bootstrap", "exhibitor"};

constexpr Sample kSamples[] = {
    {"FATAL [main:QuorumPeer@400] - Unable to load database on disk ", "zookeeper", Level::kFatal,
     "QuorumPeer", "main", -1, "Unable to load database on disk "},
    {"INFO org.apache.hadoop.ha.NodeFencer: ====== Beginning Service Fencing Process... ======",
     "hadoop", Level::kInfo, "org.apache.hadoop.ha.NodeFencer", "", -1,
     "====== Beginning Service Fencing Process... ======"},
    {"WARN [JvmPauseMonitor] util.JvmPauseMonitor: Detected pause in JVM or host machine (eg GC): "
     "pause of approximately 143017ms",
     "hadoop", Level::kWarn, "util.JvmPauseMonitor", "JvmPauseMonitor", -1,
     "Detected pause in JVM or host machine (eg GC): pause of approximately 143017ms"},
    {"INFO Reading snapshot /var/lib/zookeeper/data/version-2/snapshot.500000000 "
     "(org.apache.zookeeper.server.persistence.FileSnap) [main]",
     "java", Level::kInfo, "org.apache.zookeeper.server.persistence.FileSnap", "main", -1,
     "Reading snapshot /var/lib/zookeeper/data/version-2/snapshot.500000000"},
    {"Exception in thread \"SyncThread:0\" java.lang.OutOfMemoryError: Java heap space", "jvm",
     Level::kError, "", "SyncThread:0", -1, "java.lang.OutOfMemoryError: Java heap space"},
    // bitnami/charts#1097 (bitnami/zookeeper 3.4's setup scripts)
    {"nami    INFO  Initializing zookeeper", "bitnami", Level::kInfo, "nami", "", -1,
     "Initializing zookeeper"},
    {"zookeep INFO  ==> Creating jaas file", "bitnami", Level::kInfo, "zookeep", "", -1,
     "Creating jaas file"},
    {"WARN  ==> You set the environment variable ALLOW_ANONYMOUS_LOGIN=yes.", "bitnami",
     Level::kWarn, "", "", -1, "You set the environment variable ALLOW_ANONYMOUS_LOGIN=yes."},
    // public-layouts/jvm-bootstrap-gearpump.log (gearpump/gearpump#650)
    {"log4j:WARN No appenders could be found for logger (akka.event.slf4j.Slf4jLogger).",
     "bootstrap", Level::kWarn, "log4j", "", -1,
     "No appenders could be found for logger (akka.event.slf4j.Slf4jLogger)."},
    {"SLF4J: Class path contains multiple SLF4J bindings.", "bootstrap", Level::kWarn, "SLF4J", "",
     -1, "Class path contains multiple SLF4J bindings."},
    // confluentinc/kafka#2020 (SLF4J 2.x marks the level)
    {"SLF4J(W): No SLF4J providers were found.", "bootstrap", Level::kWarn, "SLF4J", "", -1,
     "No SLF4J providers were found."},
    // public-layouts/jvm-bootstrap-kamanja.log (LigaData/Kamanja#870)
    {"ERROR StatusLogger No log4j2 configuration file found. Using default configuration: logging "
     "only errors to the console.",
     "bootstrap", Level::kError, "StatusLogger", "", -1,
     "No log4j2 configuration file found. Using default configuration: logging only errors to the "
     "console."},
    // public-layouts/exhibitor-console.log (soabase/exhibitor#355)
    {"INFO  com.netflix.exhibitor.core.activity.ActivityLog  State: down [ActivityQueue-0]",
     "exhibitor", Level::kInfo, "com.netflix.exhibitor.core.activity.ActivityLog",
     "ActivityQueue-0", -1, "State: down"},
};

constexpr std::string_view kUncaught = "Exception in thread \"";
constexpr std::string_view kLog4j = "log4j:";
constexpr std::string_view kSlf4j = "SLF4J";
constexpr std::string_view kStatusLogger = "StatusLogger ";

// The logging libraries' own lines (see the variants above). log4j 1.x's LogLog writes
// "log4j:WARN ", "log4j:ERROR " and, for its debug output, "log4j: "; SLF4J 1.x writes "SLF4J: "
// for every report (warnings and errors alike: read as WARN), 2.x "SLF4J(X): " with the level's
// initial; log4j2's status logger "LEVEL StatusLogger ".
bool ReadBootstrap(std::string_view s, Header* out) {
  size_t pos;
  if (s.starts_with(kLog4j)) {
    pos = kLog4j.size();
    size_t end = scan::UpperWordEnd(s, pos);
    if (end == pos) {
      if (pos >= s.size() || s[pos] != ' ') return false;
      out->level = Level::kDebug;
    } else if (!scan::Log4jLevel(s.substr(pos, end - pos), &out->level)) {
      return false;
    }
    out->logger = s.substr(0, kLog4j.size() - 1);
    out->message = s.substr(scan::SkipSpaces(s, end));
    return true;
  }
  if (s.starts_with(kSlf4j)) {
    pos = kSlf4j.size();
    out->level = Level::kWarn;
    if (pos + 3 < s.size() && s[pos] == '(' && s[pos + 2] == ')') {
      switch (s[pos + 1]) {
        case 'E':
          out->level = Level::kError;
          break;
        case 'W':
          break;
        case 'I':
          out->level = Level::kInfo;
          break;
        case 'D':
          out->level = Level::kDebug;
          break;
        default:
          return false;
      }
      pos += 3;
    }
    if (pos + 1 >= s.size() || s[pos] != ':' || s[pos + 1] != ' ') return false;
    out->logger = s.substr(0, kSlf4j.size());
    out->message = s.substr(pos + 2);
    return true;
  }
  size_t level_end = scan::UpperWordEnd(s, 0);
  if (level_end >= s.size() || s[level_end] != ' ' ||
      !scan::StartsWithAt(s, level_end + 1, kStatusLogger) ||
      !scan::Log4jLevel(s.substr(0, level_end), &out->level)) {
    return false;
  }
  out->logger = s.substr(level_end + 1, kStatusLogger.size() - 1);
  out->message = s.substr(level_end + 1 + kStatusLogger.size());
  return true;
}

// Exhibitor's console: "%-5p %c  %m [%t]": the level padded to five, a logger with a dot, two
// blanks, the message and the thread in brackets at the end.
bool ReadExhibitor(std::string_view s, Header* out) {
  size_t level_end = scan::UpperWordEnd(s, 0);
  Level level;
  if (level_end < 4 || !scan::Log4jLevel(s.substr(0, level_end), &level)) return false;
  size_t logger_begin = scan::SkipSpaces(s, level_end);
  if (logger_begin > 6 || logger_begin == level_end) return false;
  size_t logger_end = scan::JavaNameEnd(s, logger_begin);
  std::string_view logger = s.substr(logger_begin, logger_end - logger_begin);
  if (logger.find('.') == std::string_view::npos || !scan::StartsWithAt(s, logger_end, "  ") ||
      s.size() < logger_end + 3 || s[logger_end + 2] == ' ' || s.back() != ']') {
    return false;
  }
  size_t open = s.rfind(" [");
  if (open == std::string_view::npos || open < logger_end + 2) return false;
  out->level = level;
  out->logger = logger;
  out->thread = s.substr(open + 2, s.size() - open - 3);
  out->message = s.substr(logger_end + 2, open - logger_end - 2);
  return true;
}
constexpr std::string_view kBitnamiArrow = "==> ";

// Old Bitnami images' setup lines: the module padded to seven columns ("nami   ", "zookeep"), or
// nothing, before the level; then blanks, "==> " (required without a module) and the message.
bool ReadBitnami(std::string_view s, Header* out) {
  size_t pos = 0;
  while (pos < s.size() && pos < 8 && ((s[pos] >= 'a' && s[pos] <= 'z') || scan::IsDigit(s[pos]))) {
    ++pos;
  }
  size_t module_end = pos;
  if (module_end > 7) return false;
  if (module_end > 0) {
    while (pos < 8 && pos < s.size() && s[pos] == ' ') ++pos;
    if (pos != 8) return false;
  }
  size_t level_end = scan::UpperWordEnd(s, pos);
  Level level;
  if (!scan::Log4jLevel(s.substr(pos, level_end - pos), &level)) return false;
  pos = level_end;
  if (pos >= s.size() || s[pos] != ' ') return false;
  pos = scan::SkipSpaces(s, pos);
  bool arrow = scan::StartsWithAt(s, pos, kBitnamiArrow);
  if (arrow) {
    pos += kBitnamiArrow.size();
  } else if (module_end == 0) {
    return false;
  }
  out->logger = s.substr(0, module_end);
  out->level = level;
  out->message = s.substr(pos);
  return true;
}

class TimelessParser final : public Parser {
 public:
  std::string_view Name() const override { return "timeless"; }
  std::string_view Description() const override {
    return "header lines pasted without their time (ZooKeeper, Hadoop, Kafka layouts; JVM; "
           "log4j, log4j2 and SLF4J about themselves; Exhibitor)";
  }
  std::span<const std::string_view> Variants() const override { return kVariants; }
  Component DefaultComponent() const override { return Component::kOther; }
  std::span<const Sample> Samples() const override { return kSamples; }

  bool ParseHeader(std::string_view s, Header* out, Miss* miss) const override {
    out->local = kNoInstant;
    out->precision = 3;
    out->has_offset = false;
    out->myid = -1;
    out->code_line = -1;
    out->thread = out->logger = {};
    if (!s.empty() && ReadBitnami(s, out)) {
      out->variant = 4;
      return true;
    }
    if (ReadBootstrap(s, out)) {
      out->variant = 5;
      return true;
    }
    if (ReadExhibitor(s, out)) {
      out->variant = 6;
      return true;
    }
    if (s.empty() || !scan::IsUpper(s[0])) {
      return Fail(miss, 0, "expected a level name or 'Exception in thread'");
    }
    if (scan::StartsWithAt(s, 0, kUncaught)) {
      size_t close = s.find("\" ", kUncaught.size());
      if (close == std::string_view::npos) return Fail(miss, kUncaught.size(), "unclosed thread");
      out->thread = s.substr(kUncaught.size(), close - kUncaught.size());
      out->message = s.substr(close + 2);
      out->level = Level::kError;
      out->variant = 3;
      return true;
    }
    size_t level_end = scan::UpperWordEnd(s, 0);
    Level level;
    if (!scan::AnyLevel(s.substr(0, level_end), &level)) {
      return Fail(miss, 0, "expected a level name or 'Exception in thread'");
    }
    if (level_end >= s.size() || s[level_end] != ' ') {
      return Fail(miss, level_end, "expected ' ' after the level");
    }
    Miss ignored;
    if (layout::ZooKeeperBody(s, 0, out, &ignored)) {
      out->variant = 0;
      return true;
    }
    out->myid = -1;
    if (layout::HadoopBody(s, 0, out, &ignored)) {
      out->variant = 1;
      // Rust tracing's span before the target ("TRACE foo: rdkafka::util: msg", the time taken
      // off by a wrapper): the target is the logger.
      size_t at = static_cast<size_t>(out->logger.data() - s.data());
      if (scan::TracingSpansEnd(s, at) == at + out->logger.size()) {
        size_t target = at + out->logger.size() + 2, colon = s.find(": ", target);
        out->logger = s.substr(target, colon - target);
        out->message = s.substr(colon + 2);
      }
      return true;
    }
    out->myid = -1;
    if (layout::TrailingLoggerBody(s, 0, out, miss, true)) {
      out->variant = 2;
      return true;
    }
    out->thread = out->logger = out->message = {};
    return Fail(miss, level_end + 1,
                "expected '[thread:Class@line] - ', 'logger: ' or a '(logger)' at the end");
  }
};

}  // namespace

const Parser& TimelessLogParser() {
  static const TimelessParser parser;
  return parser;
}

}  // namespace faultline
