// Java layouts that put the logger after the message, or between pipes. Layouts:
//   kafka    [%d] %p %m (%c)%n            Kafka brokers and the ZooKeeper bundled with Kafka and
//                                         Confluent Platform; "(%c:%L)" too
//   strimzi  %d{ISO8601} %p %m (%c) [%t]%n  Strimzi and other container images of ZooKeeper and
//                                         Kafka; also without the " [%t]"
//   pipe     %d | %-5p | %t | %m | %l%n   vendor distributions (FusionInsight): the location
//                                         "class.method(File.java:line)" names the logger
// A Kafka line whose end is not "(logger)" (a message wrapped by whoever pasted it) is still
// read, without a logger; a strimzi line needs its "(logger)" to be told from other layouts.
#include <array>

#include "parsers/continuation.h"
#include "parsers/layouts.h"
#include "parsers/parser.h"
#include "parsers/registry.h"
#include "parsers/scan_util.h"
#include "parsers/timestamp.h"

namespace faultline {
namespace {

using scan::Fail;

constexpr std::array<std::string_view, 3> kVariants = {"kafka", "strimzi", "pipe"};

constexpr Sample kSamples[] = {
    {"2020-06-22 07:24:55,665 ERROR Unable to load database on disk "
     "(org.apache.zookeeper.server.quorum.QuorumPeer) [main]",
     "strimzi", Level::kError, "org.apache.zookeeper.server.quorum.QuorumPeer", "main", -1,
     "Unable to load database on disk"},
    {"2021-03-31 07:37:45,243 WARN fsync-ing the write ahead log in SyncThread:2 took 3932ms which "
     "will adversely effect operation latency. File size is 67108880 bytes. See the ZooKeeper "
     "troubleshooting guide (org.apache.zookeeper.server.persistence.FileTxnLog) [SyncThread:2]",
     "strimzi", Level::kWarn, "org.apache.zookeeper.server.persistence.FileTxnLog", "SyncThread:2",
     -1,
     "fsync-ing the write ahead log in SyncThread:2 took 3932ms which will adversely effect "
     "operation latency. File size is 67108880 bytes. See the ZooKeeper troubleshooting guide"},
    {"2019-08-06 20:48:42,652 INFO New election. My id = 1, proposed zxid=0x0 "
     "(org.apache.zookeeper.server.quorum.FastLeaderElection) [QuorumPeer[myid=1]/0.0.0.0:21810]",
     "strimzi", Level::kInfo, "org.apache.zookeeper.server.quorum.FastLeaderElection",
     "QuorumPeer[myid=1]/0.0.0.0:21810", 1, "New election. My id = 1, proposed zxid=0x0"},
    {"[2021-04-02 01:33:58,687] WARN Session 0x0 for server zk1/10.0.0.1:2181, unexpected error, "
     "closing socket connection and attempting reconnect (org.apache.zookeeper.ClientCnxn)",
     "kafka", Level::kWarn, "org.apache.zookeeper.ClientCnxn", "", -1,
     "Session 0x0 for server zk1/10.0.0.1:2181, unexpected error, closing socket connection and "
     "attempting reconnect"},
    {"[2017-02-18 16:17:42,892] WARN fsync-ing the write ahead log in SyncThread:0 took 20632ms "
     "(org.apache.zookeeper.server.persistence.FileTxnLog:338)",
     "kafka", Level::kWarn, "org.apache.zookeeper.server.persistence.FileTxnLog", "", -1,
     "fsync-ing the write ahead log in SyncThread:0 took 20632ms"},
    {"[2019-10-06 01:34:11,642] WARN Client session timed out, have not heard from server in "
     "5055ms "
     "for sessionid 0x16d9eaefce70000 (org.apache.zookeeper.ClientCnx",
     "kafka", Level::kWarn, "", "", -1,
     "Client session timed out, have not heard from server in 5055ms for sessionid "
     "0x16d9eaefce70000 (org.apache.zookeeper.ClientCnx"},
    {"2016-06-23 08:00:18,763 | WARN  | "
     "QuorumPeer[myid=26](plain=/10.0.0.26:24002)(secure=disabled) "
     "| Exception when following the leader | "
     "org.apache.zookeeper.server.quorum.Follower.followLeader(Follower.java:93)",
     "pipe", Level::kWarn, "org.apache.zookeeper.server.quorum.Follower",
     "QuorumPeer[myid=26](plain=/10.0.0.26:24002)(secure=disabled)", 26,
     "Exception when following the leader"},
};

int32_t MyidFromThread(std::string_view thread) {
  size_t at = thread.find("myid=");
  if (at == std::string_view::npos) return -1;
  size_t begin = at + 5, end = begin;
  while (end < thread.size() && scan::IsDigit(thread[end])) ++end;
  return scan::ParseSmallInt(thread.substr(begin, end - begin));
}

// "name" or "name:123" filling all of `text`, with a dot in the name (a message that merely
// ends in "(SyncConnected)" names no logger).
bool SplitLogger(std::string_view text, std::string_view* name, int32_t* line) {
  size_t end = scan::JavaNameEnd(text, 0);
  if (end == 0 || text.substr(0, end).find('.') == std::string_view::npos) return false;
  if (end == text.size()) {
    *name = text;
    *line = -1;
    return true;
  }
  if (text[end] != ':') return false;
  int value = scan::ParseSmallInt(text.substr(end + 1));
  if (value < 0) return false;
  *name = text.substr(0, end);
  *line = value;
  return true;
}

// "class.method(File.java:93)" -> logger "class", line 93; a bare dotted name is the logger.
bool SplitLocation(std::string_view text, std::string_view* logger, int32_t* line) {
  size_t open = text.find('(');
  if (open == std::string_view::npos) return SplitLogger(text, logger, line);
  if (text.back() != ')') return false;
  std::string_view method = text.substr(0, open);
  size_t dot = method.rfind('.');
  if (dot == std::string_view::npos || scan::JavaNameEnd(method, 0) != method.size()) return false;
  *logger = method.substr(0, dot);
  std::string_view file = text.substr(open + 1, text.size() - open - 2);
  size_t colon = file.rfind(':');
  *line = colon == std::string_view::npos ? -1 : scan::ParseSmallInt(file.substr(colon + 1));
  return !logger->empty();
}

// "date | LEVEL | thread | message | location"; pos is after the date.
bool ParsePipe(std::string_view s, size_t pos, Header* out, Miss* miss) {
  pos = scan::SkipSpaces(s, pos + 2);
  size_t level_end = scan::LetterWordEnd(s, pos);
  if (!scan::AnyLevel(s.substr(pos, level_end - pos), &out->level)) {
    return Fail(miss, pos, "expected a level after '| '");
  }
  pos = scan::SkipSpaces(s, level_end);
  if (!scan::StartsWithAt(s, pos, "| ")) return Fail(miss, pos, "expected '| ' after the level");
  pos += 2;
  size_t bar = s.find(" | ", pos);
  if (bar == std::string_view::npos) return Fail(miss, pos, "expected 'thread | '");
  out->thread = s.substr(pos, bar - pos);
  pos = bar + 3;
  size_t last = s.rfind(" | ");
  std::string_view message = s.substr(pos);
  if (last != std::string_view::npos && last >= pos &&
      SplitLocation(s.substr(last + 3), &out->logger, &out->code_line)) {
    message = s.substr(pos, last - pos);
  }
  out->message = message;
  out->myid = MyidFromThread(out->thread);
  out->variant = 2;
  return true;
}

class JavaTrailingParser final : public Parser {
 public:
  std::string_view Name() const override { return "java"; }
  std::string_view Description() const override {
    return "Java log4j with the logger after the message (Kafka, Strimzi) or between pipes";
  }
  std::span<const std::string_view> Variants() const override { return kVariants; }
  Component DefaultComponent() const override { return Component::kOther; }
  std::span<const Sample> Samples() const override { return kSamples; }

  bool ParseHeader(std::string_view s, Header* out, Miss* miss) const override {
    ScannedTime t;
    int column = 0;
    bool bracket = !s.empty() && s[0] == '[';
    std::string_view timed = bracket ? s.substr(1) : s;
    if (!ScanLog4jTime(timed, &t, &column)) {
      return Fail(miss, column + (bracket ? 1 : 0), "no ISO8601 timestamp (or [timestamp])");
    }
    size_t pos = t.length + (bracket ? 1 : 0);
    if (bracket) {
      if (pos >= s.size() || s[pos] != ']') return Fail(miss, pos, "expected ']' after the time");
      ++pos;
    }
    out->myid = -1;
    out->has_offset = false;
    out->local = t.local;
    out->precision = t.precision;
    if (!bracket && scan::StartsWithAt(s, pos, " | ")) return ParsePipe(s, pos, out, miss);
    if (pos >= s.size() || s[pos] != ' ') return Fail(miss, pos, "expected ' ' after the time");
    if (!layout::TrailingLoggerBody(s, pos + 1, out, miss, !bracket)) return false;
    out->variant = bracket ? 0 : 1;
    return true;
  }
};

// Kafka Connect's layout puts %X{connector.context} before the message: "[sink-name|task-0] " or
// "[sink-name|worker] ". It names the connector, not what happened.
std::string_view WithoutConnectContext(std::string_view message) {
  if (message.empty() || message[0] != '[') return message;
  size_t close = message.find("] ");
  if (close == std::string_view::npos) return message;
  std::string_view context = message.substr(1, close - 1);
  size_t bar = context.find('|');
  if (bar == std::string_view::npos || context.find(' ') != std::string_view::npos) return message;
  std::string_view role = context.substr(bar + 1);
  if (role != "worker" && !role.starts_with("task-")) return message;
  return message.substr(close + 2);
}

}  // namespace

namespace layout {

namespace {

// "name:thread" filling all of `text` (Marathon's "(%c:%t)"), the thread not a line number.
bool SplitLoggerThread(std::string_view text, std::string_view* name, std::string_view* thread) {
  size_t end = scan::JavaNameEnd(text, 0);
  if (end == 0 || end + 1 >= text.size() || text[end] != ':' ||
      text.substr(0, end).find('.') == std::string_view::npos ||
      scan::ParseSmallInt(text.substr(end + 1)) >= 0) {
    return false;
  }
  *name = text.substr(0, end);
  *thread = text.substr(end + 1);
  return true;
}

// What lies between `begin` and the " (" of the trailing logger is the message; the thread may
// name the server's myid.
bool TakeTrailer(std::string_view s, size_t begin, size_t open, std::string_view thread,
                 Header* out) {
  size_t end = open;
  while (end > begin && s[end - 1] == ' ') --end;
  out->message = WithoutConnectContext(s.substr(begin, end - begin));
  out->thread = thread;
  if (out->myid < 0) out->myid = MyidFromThread(thread);
  return true;
}

}  // namespace

bool TrailingLoggerBody(std::string_view s, size_t pos, Header* out, Miss* miss, bool need_logger) {
  size_t level_end = scan::LetterWordEnd(s, pos);
  if (!scan::AnyLevel(s.substr(pos, level_end - pos), &out->level)) {
    return Fail(miss, pos, "expected a level (INFO, WARN, ...)");
  }
  if (level_end < s.size() && s[level_end] != ' ') {
    return Fail(miss, level_end, "expected ' ' after the level");
  }
  size_t begin = scan::SkipSpaces(s, level_end);
  out->thread = out->logger = {};
  out->code_line = -1;
  // " [thread]" at the end: the thread may hold brackets and parentheses itself, so it is found
  // from the ") [" that closes the logger.
  size_t logger_close = std::string_view::npos;
  std::string_view thread;
  if (!s.empty() && s.back() == ']') {
    size_t at = s.size();
    while (at > begin) {
      size_t hit = s.rfind(") [", at - 1);
      if (hit == std::string_view::npos || hit < begin) break;
      size_t open = s.rfind('(', hit);
      std::string_view name;
      int32_t line;
      if (open != std::string_view::npos && open >= begin &&
          SplitLogger(s.substr(open + 1, hit - open - 1), &name, &line)) {
        logger_close = hit;
        thread = s.substr(hit + 3, s.size() - hit - 4);
        break;
      }
      at = hit;
    }
  }
  if (logger_close == std::string_view::npos && !s.empty() && s.back() == ')') {
    logger_close = s.size() - 1;
  }
  if (logger_close != std::string_view::npos) {
    size_t open = s.rfind('(', logger_close);
    if (open != std::string_view::npos && open >= begin && (open == begin || s[open - 1] == ' ') &&
        SplitLogger(s.substr(open + 1, logger_close - open - 1), &out->logger, &out->code_line)) {
      return TakeTrailer(s, begin, open, thread, out);
    }
  }
  // "(logger:thread)" at the end (Marathon, Mesos frameworks: "[%d] %p %m (%c:%t)"), the thread
  // perhaps with parentheses of its own: "(org.apache.zookeeper.ClientCnxn:pool-1-thread-2-
  // SendThread(zk1:2181))".
  if (!s.empty() && s.back() == ')') {
    size_t open = s.size();
    for (int tries = 0; tries < 4 && open > 0; ++tries) {
      open = s.rfind(" (", open - 1);
      if (open == std::string_view::npos || open < begin) break;
      std::string_view thread;
      if (SplitLoggerThread(s.substr(open + 2, s.size() - open - 3), &out->logger, &thread)) {
        return TakeTrailer(s, begin, open, thread, out);
      }
    }
  }
  // Marathon's with the exception printed on the header line after "(logger:thread)": "...
  // elapsed (10005) (org.apache.curator.ConnectionState:Curator-Framework-0) org.apache.curator.
  // CuratorConnectionLossException: KeeperErrorCode = ConnectionLoss".
  size_t close = s.size();
  for (int tries = 0; tries < 4 && close > begin; ++tries) {
    close = s.rfind(") ", close - 1);
    if (close == std::string_view::npos || close < begin) break;
    std::string_view after = s.substr(close + 2);
    if (after.empty() || !scan::IsIdentChar(after[0]) || !IsContinuationLine(after)) continue;
    size_t open = s.rfind(" (", close);
    std::string_view thread;
    if (open != std::string_view::npos && open >= begin &&
        SplitLoggerThread(s.substr(open + 2, close - open - 2), &out->logger, &thread)) {
      return TakeTrailer(s, begin, open, thread, out);
    }
  }
  if (need_logger) return Fail(miss, s.size(), "no '(logger)' or '(logger) [thread]' at the end");
  // Without its logger only a Java level name says the line is Java's: WARNING and CRITICAL are
  // Python's ("[date] WARNING [kazoo.client] ..." is read by a Python layout).
  std::string_view level_word = s.substr(pos, level_end - pos);
  if (level_word.size() > 5) return Fail(miss, pos, "a Python level name without a '(logger)'");
  // "<ClientCnxn  :876> [thread] ...": the logger and line in angle brackets are the Strimzi
  // topic operator's layout's, not message.
  if (begin < s.size() && s[begin] == '<') {
    size_t close = s.find("> [", begin);
    if (close != std::string_view::npos && close < begin + 40) {
      return Fail(miss, begin, "a '<logger:line>' after the level: another layout");
    }
  }
  out->message = s.substr(begin);
  return true;
}

}  // namespace layout

const Parser& JavaLogParser() {
  static const JavaTrailingParser parser;
  return parser;
}

}  // namespace faultline
