// Logback-style layouts, where the logger comes before the message and " - " separates them
// (Spring Boot, Play, Curator clients, ZooKeeper embedded in other programs). Layouts:
//   thread       %d [%t] %-5level %logger{36} - %msg%n     logback's documented default, dated
//   dash         %d - [%level] %logger - %msg%n            Play framework (CMAK, Kafka Manager)
//   level-first  [%level] %d %logger:[%line] - %msg%n      DolphinScheduler
// Abbreviated loggers ("o.a.z.ClientCnxn") are kept as written.
#include <algorithm>
#include <array>

#include "parsers/parser.h"
#include "parsers/registry.h"
#include "parsers/scan_util.h"
#include "parsers/timestamp.h"

namespace faultline {
namespace {

using scan::Fail;

constexpr std::array<std::string_view, 3> kVariants = {"thread", "dash", "level-first"};

constexpr Sample kSamples[] = {
    {"2017-06-15 19:00:05.371 [SyncThread:0] WARN   o.a.z.server.persistence.FileTxnLog - "
     "fsync-ing the write ahead log in SyncThread:0 took 6892ms which will adversely effect "
     "operation latency. See the ZooKeeper troubleshooting guide",
     "thread", Level::kWarn, "o.a.z.server.persistence.FileTxnLog", "SyncThread:0", -1,
     "fsync-ing the write ahead log in SyncThread:0 took 6892ms which will adversely effect "
     "operation latency. See the ZooKeeper troubleshooting guide"},
    {"2016-11-13 11:40:24.751 [main-SendThread(localhost:2181)] WARN   "
     "org.apache.zookeeper.ClientCnxn - Session 0x0 for server null, unexpected error, closing "
     "socket connection and attempting reconnect",
     "thread", Level::kWarn, "org.apache.zookeeper.ClientCnxn", "main-SendThread(localhost:2181)",
     -1,
     "Session 0x0 for server null, unexpected error, closing socket connection and attempting "
     "reconnect"},
    {"2022-08-18 11:00:52,999 - [WARN] o.a.z.ClientCnxn - Session 0x0 for server "
     "chi-kafka04-cl01/10.10.20.24:8081, unexpected error, closing socket connection and "
     "attempting reconnect",
     "dash", Level::kWarn, "o.a.z.ClientCnxn", "", -1,
     "Session 0x0 for server chi-kafka04-cl01/10.10.20.24:8081, unexpected error, closing socket "
     "connection and attempting reconnect"},
    {"[INFO] 2020-12-30 01:00:04.852 org.apache.zookeeper.ClientCnxn:[1162] - Socket error "
     "occurred: localhost/0:0:0:0:0:0:0:1:2181: 拒绝连接",
     "level-first", Level::kInfo, "org.apache.zookeeper.ClientCnxn", "", -1,
     "Socket error occurred: localhost/0:0:0:0:0:0:0:1:2181: 拒绝连接"},
};

// "logger - message" from pos, the logger padded by %-Nlogger; sets logger and message.
bool LoggerDashMessage(std::string_view s, size_t pos, Header* out, Miss* miss) {
  size_t end = scan::JavaNameEnd(s, pos);
  if (end == pos) return Fail(miss, pos, "expected a logger name");
  out->logger = s.substr(pos, end - pos);
  size_t dash = scan::SkipSpaces(s, end);
  if (dash == end || dash >= s.size() || s[dash] != '-') {
    return Fail(miss, dash, "expected ' - ' after the logger");
  }
  if (dash + 1 < s.size() && s[dash + 1] != ' ') return Fail(miss, dash, "expected ' - '");
  out->message = s.substr(std::min(s.size(), dash + 2));
  return true;
}

bool ReadLevel(std::string_view s, size_t pos, Header* out, size_t* end) {
  *end = scan::LetterWordEnd(s, pos);
  return scan::AnyLevel(s.substr(pos, *end - pos), &out->level);
}

class LogbackParser final : public Parser {
 public:
  std::string_view Name() const override { return "logback"; }
  std::string_view Description() const override {
    return "logback-style Java layouts: logger, then ' - ', then the message";
  }
  std::span<const std::string_view> Variants() const override { return kVariants; }
  Component DefaultComponent() const override { return Component::kOther; }
  std::span<const Sample> Samples() const override { return kSamples; }

  bool ParseHeader(std::string_view s, Header* out, Miss* miss) const override {
    out->myid = -1;
    out->code_line = -1;
    out->thread = {};
    out->has_offset = false;
    if (!s.empty() && s[0] == '[') return ParseLevelFirst(s, out, miss);
    ScannedTime t;
    int column = 0;
    if (!ScanLog4jTime(s, &t, &column)) return Fail(miss, column, "no ISO8601 timestamp");
    out->local = t.local;
    out->precision = t.precision;
    size_t pos = t.length;
    size_t end;
    if (scan::StartsWithAt(s, pos, " - [")) {  // dash
      pos += 4;
      if (!ReadLevel(s, pos, out, &end)) return Fail(miss, pos, "expected a level in '[LEVEL]'");
      pos = scan::SkipSpaces(s, end);
      if (!scan::StartsWithAt(s, pos, "] "))
        return Fail(miss, pos, "expected '] ' after the level");
      out->variant = 1;
      return LoggerDashMessage(s, pos + 2, out, miss);
    }
    if (!scan::StartsWithAt(s, pos, " [")) return Fail(miss, pos, "expected ' [thread]' or ' - ['");
    // The thread may hold brackets and spaces: it ends at the first "] " that a level follows.
    size_t open = pos + 2;
    for (size_t close = s.find("] ", open); close != std::string_view::npos;
         close = s.find("] ", close + 1)) {
      size_t level = close + 2;
      if (!ReadLevel(s, level, out, &end) || end >= s.size() || s[end] != ' ') continue;
      out->thread = s.substr(open, close - open);
      out->variant = 0;
      return LoggerDashMessage(s, scan::SkipSpaces(s, end), out, miss);
    }
    return Fail(miss, open, "no '] LEVEL ' closing the thread");
  }

 private:
  // "[LEVEL] date logger:[line] - message"
  static bool ParseLevelFirst(std::string_view s, Header* out, Miss* miss) {
    size_t end;
    if (!ReadLevel(s, 1, out, &end)) return Fail(miss, 1, "expected '[LEVEL]'");
    size_t pos = scan::SkipSpaces(s, end);
    if (!scan::StartsWithAt(s, pos, "] ")) return Fail(miss, pos, "expected '] ' after the level");
    pos += 2;
    ScannedTime t;
    int column = 0;
    if (!ScanLog4jTime(s.substr(pos), &t, &column)) {
      return Fail(miss, pos + column, "no ISO8601 timestamp after the level");
    }
    out->local = t.local;
    out->precision = t.precision;
    pos += t.length;
    if (pos >= s.size() || s[pos] != ' ') return Fail(miss, pos, "expected ' ' after the time");
    ++pos;
    size_t logger_end = scan::JavaNameEnd(s, pos);
    if (logger_end == pos || !scan::StartsWithAt(s, logger_end, ":[")) {
      return Fail(miss, logger_end, "expected 'logger:[line]'");
    }
    out->logger = s.substr(pos, logger_end - pos);
    size_t close = s.find(']', logger_end + 2);
    if (close == std::string_view::npos) return Fail(miss, logger_end, "unclosed ':[line'");
    out->code_line = scan::ParseSmallInt(s.substr(logger_end + 2, close - logger_end - 2));
    if (!scan::StartsWithAt(s, close, "] -")) return Fail(miss, close, "expected '] - '");
    out->message = s.substr(std::min(s.size(), close + 4));
    out->variant = 2;
    return true;
  }
};

}  // namespace

const Parser& LogbackLogParser() {
  static const LogbackParser parser;
  return parser;
}

}  // namespace faultline
