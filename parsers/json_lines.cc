// One JSON object per line, as JSON logging libraries write it. Variants, by the keys a line uses:
//   logstash   logstash-logback-encoder: "@timestamp", "level", "logger_name", "thread_name"
//   ecs        ECS (logback-ecs-encoder, log4j2 EcsLayout/JsonTemplateLayout): "log.level",
//              "log.logger", "process.thread.name", flat or nested ({"log":{"level":..}})
//   log4j2     log4j2 JsonLayout: "instant" {"epochSecond","nanoOfSecond"} or "timeMillis",
//              "loggerName", "thread"
//   python     python-json-logger: "asctime", "levelname", "name"
//   structlog  structlog's JSONRenderer: "event", "timestamp", "level"
//   go         zap, logrus, zerolog: "msg", "ts" (epoch seconds) or "caller"
//   other      any other object with a time, a level or a message key (bunyan, werelogs,
//              MongoDB 4.4+: "t" {"$date"}, "s", "c", "ctx")
// Key names and their precedence are in structured_keys.h. Header fields are views of the raw
// string contents between the quotes: escapes stay as written (a message with \" keeps the
// backslash, "\n\tat ..." stays two-character escapes), because a view cannot hold the decoded
// text and the line must not be copied. Values that are not strings are skipped for the level,
// logger, thread and message. The scanner validates only as much JSON as it reads: strings and
// nesting are tracked exactly (quotes, escapes, braces inside strings), every read is bounds
// checked, and nothing is allocated.
#include <array>
#include <climits>

#include "parsers/parser.h"
#include "parsers/registry.h"
#include "parsers/scan_util.h"
#include "parsers/structured_keys.h"

namespace faultline {
namespace {

using scan::Fail;
using structured::Field;

constexpr std::array<std::string_view, 7> kVariants = {"logstash",  "ecs", "log4j2", "python",
                                                       "structlog", "go",  "other"};
enum Variant : uint8_t { kLogstash, kEcs, kLog4j2, kPython, kStructlog, kGo, kOther };

constexpr Sample kSamples[] =
    {
        // Ambari Log Search's log feeder documentation, sample "simple_service_json" (a ZooKeeper
        // client line; its keys are logstash-logback-encoder's, the time is epoch ms in a string).
        // The stack trace inside log_message is cut after its first frame.
        {R"j({"level":"WARN","file":"ClientCnxn.java","thread_name":"zkCallback-6-thread-10-SendThread(c6402.ambari.apache.org:2181)","line_number":1102,"log_message":"Session 0x355e0023b38001d for server null, unexpected error, closing socket connection and attempting reconnect\njava.net.SocketException: Network is unreachable\n\tat sun.nio.ch.Net.connect0(Native Method)\n","logger_name":"org.apache.zookeeper.ClientCnxn","logtime":"1468406756757"})j",
         "logstash", Level::kWarn, "org.apache.zookeeper.ClientCnxn",
         "zkCallback-6-thread-10-SendThread(c6402.ambari.apache.org:2181)", -1,
         R"j(Session 0x355e0023b38001d for server null, unexpected error, closing socket connection and attempting reconnect\njava.net.SocketException: Network is unreachable\n\tat sun.nio.ch.Net.connect0(Native Method)\n)j"},
        // ZOOKEEPER-4757 (apache/zookeeper pull request #2076): ZooKeeper with logback-ecs-encoder.
        {R"j({"@timestamp":"2023-10-10T18:14:26.047Z","log.level": "INFO","message":"clientPortAddress is 0.0.0.0:2181","ecs.version": "1.2.0","service.name":"zookeeper","service.version":"3.10.0-SNAPSHOT","service.node.name":"MacBook-Pro-7.local","event.dataset":"zookeeper","process.thread.name":"main","log.logger":"org.apache.zookeeper.server.quorum.QuorumPeerConfig"})j",
         "ecs", Level::kInfo, "org.apache.zookeeper.server.quorum.QuorumPeerConfig", "main", -1,
         "clientPortAddress is 0.0.0.0:2181"},
        // ECS written nested (constructed: the line above's fields, nested as ECS allows, with a
        // QuorumPeerConfig warning from the same startup).
        {R"j({"@timestamp":"2023-10-10T18:14:26.041Z","log":{"level":"WARN","logger":"org.apache.zookeeper.server.quorum.QuorumPeerConfig","origin":{"file":{"name":"QuorumPeerConfig.java","line":727}}},"process":{"thread":{"name":"main"}},"message":"No server failure will be tolerated. You need at least 3 servers."})j",
         "ecs", Level::kWarn, "org.apache.zookeeper.server.quorum.QuorumPeerConfig", "main", -1,
         "No server failure will be tolerated. You need at least 3 servers."},
        // log4j2 JsonLayout as a blog post shows it (compact="true" eventEol="true" puts it on one
        // line), https://blog.csdn.net/weixin_30394333/article/details/96255591
        {R"j({"timeMillis":1547108632526,"thread":"main","level":"WARN","loggerName":"com.ctrip.framework.apollo.internals.DefaultMetaServerProvider","message":"Could not find meta server address, because it is not available in neither (1) JVM system property 'apollo.meta', (2) OS env variable 'APOLLO_META' (3) property 'apollo.meta' from server.properties nor (4) property 'apollo.meta' from app.properties","endOfBatch":false,"loggerFqcn":"org.apache.logging.slf4j.Log4jLogger","threadId":1,"threadPriority":5})j",
         "log4j2", Level::kWarn, "com.ctrip.framework.apollo.internals.DefaultMetaServerProvider",
         "main", -1,
         "Could not find meta server address, because it is not available in neither (1) JVM "
         "system "
         "property 'apollo.meta', (2) OS env variable 'APOLLO_META' (3) property 'apollo.meta' "
         "from "
         "server.properties nor (4) property 'apollo.meta' from app.properties"},
        // log4j2 2.11+ JsonLayout's "instant" (the layout's documented keys; a Kafka broker line).
        {R"j({"instant":{"epochSecond":1617327238,"nanoOfSecond":687000000},"thread":"main-SendThread(zk1:2181)","level":"WARN","loggerName":"org.apache.zookeeper.ClientCnxn","message":"Session 0x0 for server zk1/10.0.0.1:2181, unexpected error, closing socket connection and attempting reconnect","endOfBatch":false,"loggerFqcn":"org.apache.logging.slf4j.Log4jLogger","threadId":42,"threadPriority":5})j",
         "log4j2", Level::kWarn, "org.apache.zookeeper.ClientCnxn", "main-SendThread(zk1:2181)", -1,
         "Session 0x0 for server zk1/10.0.0.1:2181, unexpected error, closing socket connection "
         "and "
         "attempting reconnect"},
        // python-json-logger with '%(asctime)s %(name)s %(levelname)s %(message)s' (its documented
        // keys; the kazoo line of the python parser's samples).
        {R"j({"asctime": "2019-09-17 05:04:03,691", "name": "kazoo.client", "levelname": "WARNING", "message": "Connection dropped: socket connection broken"})j",
         "python", Level::kWarn, "kazoo.client", "", -1,
         "Connection dropped: socket connection broken"},
        // structlog's JSONRenderer with TimeStamper(fmt="iso") and add_log_level (its documented
        // keys).
        {R"j({"event": "Connection dropped: outstanding heartbeat ping not received", "logger": "kazoo.client", "level": "warning", "timestamp": "2019-09-17T05:04:03.691000Z"})j",
         "structlog", Level::kWarn, "kazoo.client", "", -1,
         "Connection dropped: outstanding heartbeat ping not received"},
        // Burrow (zap) warning about its ZooKeeper lock, linkedin/Burrow issue #532.
        {R"j({"level":"warn","ts":1558131984.6315494,"msg":"failed to get zk lock","type":"coordinator","name":"notifier","error":"zk: invalid path"})j",
         "go", Level::kWarn, "notifier", "", -1, "failed to get zk lock"},
        // Traefik 1.7 (logrus JSONFormatter), telepresenceio/telepresence issue #1710.
        {R"j({"level":"info","msg":"Traefik version v1.7.19 built on 2019-10-28_02:07:32PM","time":"2021-05-06T16:00:34Z"})j",
         "go", Level::kInfo, "", "", -1, "Traefik version v1.7.19 built on 2019-10-28_02:07:32PM"},
        // Scality Backbeat (werelogs) ZooKeeper state change, scality/backbeat pull request #2688.
        {R"j({"name":"Backbeat:Notification:QueueProcessor","time":1767700325481,"state":{"name":"SYNC_CONNECTED","code":3},"method":"ZookeeperManager.on.state","zk":{"sessionId":"0x0300001c3694000a","socket":"127.0.0.1:55702","state":{"name":"SYNC_CONNECTED","code":3},"xid":0,"zxid":"0000000000000000","nextServerIndex":1,"serverAttempts":0},"level":"info","message":"zookeeper new state","hostname":"rocky-8-3xl-nd-gcloud-707990ef-9e40-49f4-8bd6-29e3cf76e111","pid":34})j",
         "other", Level::kInfo, "Backbeat:Notification:QueueProcessor", "", -1,
         "zookeeper new state"},
};

// The longest dotted path looked up ("process.thread.name", "instant.nanoOfSecond").
constexpr size_t kMaxPath = 32;
constexpr int kMaxDepth = 3;

inline bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  // What a scan found: per field, the winning value and the kKeys row it came from.
  struct Found {
    int rank[6] = {INT_MAX, INT_MAX, INT_MAX, INT_MAX, INT_MAX, INT_MAX};
    int key[6] = {-1, -1, -1, -1, -1, -1};
    structured::TimeValue time;
    Level level = Level::kUnknown;
    std::string_view logger, thread, message;
    bool instant_seconds = false, instant_nanos = false;
    int64_t epoch_second = 0, nano_of_second = 0;
    bool docker_log = false;  // a top-level "log" string: Docker's json-file driver
  };

  // Reads the object at s_[0] and checks nothing but spaces follows it.
  bool ScanLine(Found* found, Miss* miss) {
    char path[kMaxPath];
    size_t pos = 0;
    if (!ScanObject(&pos, path, 0, 0, found, miss)) return false;
    pos = SkipSpaces(pos);
    if (pos != s_.size()) return Fail(miss, pos, "text after the JSON object");
    return true;
  }

 private:
  size_t SkipSpaces(size_t pos) const {
    while (pos < s_.size() && IsJsonSpace(s_[pos])) ++pos;
    return pos;
  }

  // The string at *pos (its opening quote); *contents is what is between the quotes, raw.
  bool ReadString(size_t* pos, std::string_view* contents, Miss* miss) const {
    size_t begin = *pos + 1;
    for (size_t i = begin; i < s_.size(); ++i) {
      char c = s_[i];
      if (c == '\\') {
        ++i;  // whatever is escaped, even a quote; a trailing backslash runs off the end below
      } else if (c == '"') {
        *contents = s_.substr(begin, i - begin);
        *pos = i + 1;
        return true;
      }
    }
    return Fail(miss, *pos, "unterminated JSON string");
  }

  // A number, true, false or null at *pos; *text is its characters.
  bool ReadScalar(size_t* pos, std::string_view* text, Miss* miss) const {
    size_t begin = *pos, end = begin;
    while (end < s_.size() &&
           ((s_[end] >= '0' && s_[end] <= '9') || s_[end] == '-' || s_[end] == '+' ||
            s_[end] == '.' || s_[end] == 'e' || s_[end] == 'E')) {
      ++end;
    }
    if (end == begin) {
      while (end < s_.size() && s_[end] >= 'a' && s_[end] <= 'z') ++end;
      std::string_view word = s_.substr(begin, end - begin);
      if (word != "true" && word != "false" && word != "null") {
        return Fail(miss, begin, "expected a JSON value");
      }
    }
    *text = s_.substr(begin, end - begin);
    *pos = end;
    return true;
  }

  // Skips the object or array at *pos without looking inside, tracking strings so that quotes
  // and brackets within them do not count. Iterative: deep nesting costs no stack.
  bool SkipContainer(size_t* pos, Miss* miss) const {
    size_t depth = 0;
    for (size_t i = *pos; i < s_.size(); ++i) {
      char c = s_[i];
      if (c == '"') {
        std::string_view ignored;
        size_t at = i;
        if (!ReadString(&at, &ignored, miss)) return false;
        i = at - 1;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) {
          *pos = i + 1;
          return true;
        }
      }
    }
    return Fail(miss, *pos, "unterminated JSON object or array");
  }

  // The object at *pos. `path` holds the dotted path of the keys above it (path_len bytes).
  bool ScanObject(size_t* pos_io, char* path, size_t path_len, int depth, Found* found,
                  Miss* miss) const {
    size_t pos = *pos_io;
    if (pos >= s_.size() || s_[pos] != '{') return Fail(miss, pos, "not a JSON object");
    pos = SkipSpaces(pos + 1);
    if (pos < s_.size() && s_[pos] == '}') {
      *pos_io = pos + 1;
      return true;
    }
    while (true) {
      if (pos >= s_.size() || s_[pos] != '"') return Fail(miss, pos, "expected a JSON key");
      std::string_view key;
      if (!ReadString(&pos, &key, miss)) return false;
      pos = SkipSpaces(pos);
      if (pos >= s_.size() || s_[pos] != ':') return Fail(miss, pos, "expected ':' after a key");
      pos = SkipSpaces(pos + 1);
      if (pos >= s_.size()) return Fail(miss, pos, "expected a JSON value");
      // The key's dotted path; a path too long to hold is no key of ours.
      size_t key_len = path_len;
      bool fits = path_len + (path_len > 0) + key.size() <= kMaxPath;
      if (fits) {
        if (path_len > 0) path[key_len++] = '.';
        for (char c : key) path[key_len++] = c;
      }
      std::string_view full(path, fits ? key_len : 0);
      char c = s_[pos];
      if (c == '"') {
        std::string_view value;
        if (!ReadString(&pos, &value, miss)) return false;
        if (fits) TakeString(full, value, depth, found);
      } else if (c == '{') {
        // Enter only objects that may hold a field: "log", "process.thread", "instant".
        if (fits && depth + 1 < kMaxDepth &&
            (structured::IsKeyPrefix(full) || structured::EqualsIgnoreCase(full, "instant"))) {
          if (!ScanObject(&pos, path, key_len, depth + 1, found, miss)) return false;
        } else if (!SkipContainer(&pos, miss)) {
          return false;
        }
      } else if (c == '[') {
        if (!SkipContainer(&pos, miss)) return false;
      } else {
        std::string_view text;
        if (!ReadScalar(&pos, &text, miss)) return false;
        if (fits) TakeNumber(full, text, found);
      }
      pos = SkipSpaces(pos);
      if (pos >= s_.size()) return Fail(miss, pos, "unterminated JSON object");
      if (s_[pos] == '}') {
        *pos_io = pos + 1;
        return true;
      }
      if (s_[pos] != ',') return Fail(miss, pos, "expected ',' or '}' in a JSON object");
      pos = SkipSpaces(pos + 1);
    }
  }

  // Keeps `value` if `key` names a field and outranks what was found before.
  static void TakeString(std::string_view key, std::string_view value, int depth, Found* found) {
    int row = -1;
    structured::KeyRole role = structured::ClassifyKey(key, &row);
    if (role.field == Field::kNone) {
      if (depth == 0 && key == "log") found->docker_log = true;
      return;
    }
    size_t f = static_cast<size_t>(role.field);
    if (role.rank >= found->rank[f]) return;
    switch (role.field) {
      case Field::kTime: {
        structured::TimeValue time;
        if (!structured::ParseTimeText(value, &time)) return;
        found->time = time;
        break;
      }
      case Field::kLevel:
        if (!structured::ParseLevelValue(value, &found->level)) return;
        break;
      case Field::kLogger:
        found->logger = value;
        break;
      case Field::kThread:
        found->thread = value;
        break;
      case Field::kMessage:
        found->message = value;
        break;
      case Field::kNone:
        return;
    }
    found->rank[f] = role.rank;
    found->key[f] = row;
  }

  // Numbers count only for times (epoch values and log4j2's instant) and bunyan's and pino's
  // numbered levels.
  static void TakeNumber(std::string_view key, std::string_view text, Found* found) {
    if (structured::EqualsIgnoreCase(key, "instant.epochSecond")) {
      found->instant_seconds = ReadInt(text, 12, &found->epoch_second);
      return;
    }
    if (structured::EqualsIgnoreCase(key, "instant.nanoOfSecond")) {
      found->instant_nanos = ReadInt(text, 9, &found->nano_of_second);
      return;
    }
    int row = -1;
    structured::KeyRole role = structured::ClassifyKey(key, &row);
    constexpr size_t kLevel = static_cast<size_t>(Field::kLevel);
    if (role.field == Field::kLevel && role.rank < found->rank[kLevel] &&
        structured::ParseLevelNumber(text, &found->level)) {
      found->rank[kLevel] = role.rank;
      found->key[kLevel] = row;
      return;
    }
    constexpr size_t kTime = static_cast<size_t>(Field::kTime);
    if (role.field != Field::kTime || role.rank >= found->rank[kTime]) return;
    structured::TimeValue time;
    if (!structured::ParseEpoch(text, &time)) return;
    found->time = time;
    found->rank[kTime] = role.rank;
    found->key[kTime] = row;
  }

  static bool ReadInt(std::string_view text, size_t max_digits, int64_t* value) {
    if (text.empty() || text.size() > max_digits) return false;
    int64_t v = 0;
    for (char c : text) {
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    *value = v;
    return true;
  }

  std::string_view s_;
};

bool KeyIs(const Scanner::Found& found, Field field, std::string_view name) {
  int row = found.key[static_cast<size_t>(field)];
  return row >= 0 && structured::kKeys[row].name == name;
}

Variant VariantOf(const Scanner::Found& found) {
  if (KeyIs(found, Field::kLevel, "log.level") || KeyIs(found, Field::kLogger, "log.logger") ||
      KeyIs(found, Field::kThread, "process.thread.name")) {
    return kEcs;
  }
  if (KeyIs(found, Field::kTime, "instant") || KeyIs(found, Field::kTime, "timeMillis") ||
      KeyIs(found, Field::kLogger, "loggerName")) {
    return kLog4j2;
  }
  if (KeyIs(found, Field::kLogger, "logger_name") || KeyIs(found, Field::kThread, "thread_name")) {
    return kLogstash;
  }
  if (KeyIs(found, Field::kLevel, "levelname") || KeyIs(found, Field::kTime, "asctime")) {
    return kPython;
  }
  if (KeyIs(found, Field::kMessage, "event")) return kStructlog;
  if (KeyIs(found, Field::kMessage, "msg") || KeyIs(found, Field::kTime, "ts") ||
      KeyIs(found, Field::kLogger, "caller")) {
    return kGo;
  }
  return kOther;
}

class JsonParser final : public Parser {
 public:
  std::string_view Name() const override { return "json"; }
  std::string_view Description() const override {
    return "one JSON object per line: logstash-logback-encoder, ECS, log4j2 JsonLayout, "
           "python-json-logger, structlog, zap, logrus, zerolog";
  }
  std::span<const std::string_view> Variants() const override { return kVariants; }
  Component DefaultComponent() const override { return Component::kOther; }
  std::span<const Sample> Samples() const override { return kSamples; }

  bool ParseHeader(std::string_view s, Header* out, Miss* miss) const override {
    if (s.empty() || s[0] != '{') return Fail(miss, 0, "not a JSON object");
    Scanner::Found found;
    Scanner scanner(s);
    if (!scanner.ScanLine(&found, miss)) return false;
    // log4j2's instant, when no key of higher rank gave the time.
    constexpr int kInstantRank = 6;
    constexpr size_t kTime = static_cast<size_t>(Field::kTime);
    if (found.instant_seconds && found.rank[kTime] > kInstantRank &&
        found.epoch_second >= 100'000'000) {
      found.time.local =
          found.epoch_second * 1'000'000 + (found.instant_nanos ? found.nano_of_second / 1000 : 0);
      found.time.has_offset = true;
      found.time.offset_us = 0;
      found.time.precision = found.instant_nanos ? 6 : 0;
      found.rank[kTime] = kInstantRank;
      structured::ClassifyKey("instant", &found.key[kTime]);
    }
    bool has_time = found.time.local != kNoInstant;
    bool has_level = found.level != Level::kUnknown;
    bool has_message = found.key[static_cast<size_t>(Field::kMessage)] >= 0;
    if (!has_time && !has_level && !has_message) {
      return Fail(miss, 0, "a JSON object without a time, level or message key");
    }
    // Docker's json-file driver: {"log":"<the line>\n","stream":..,"time":..}. The record is the
    // line inside "log", which is a wrapper's to unwrap, not a message of ours.
    if (found.docker_log && !has_level && !has_message) {
      return Fail(miss, 0, "a Docker json-file line: the record is the string in \"log\"");
    }
    out->local = found.time.local;
    out->has_offset = found.time.has_offset;
    out->utc_offset_us = found.time.has_offset ? found.time.offset_us : 0;
    out->precision = has_time ? found.time.precision : 3;
    out->level = found.level;
    out->logger = found.logger;
    out->thread = found.thread;
    out->message = found.message;
    out->myid = -1;
    out->code_line = -1;
    out->variant = VariantOf(found);
    return true;
  }
};

}  // namespace

const Parser& JsonLogParser() {
  static const JsonParser parser;
  return parser;
}

}  // namespace faultline
