// logfmt: space-separated key=value pairs, values bare or double-quoted with backslash escapes.
// Variants:
//   logrus   logrus's TextFormatter without a terminal: time="..." level=warning msg="..."
//   slog     Go's log/slog TextHandler: time=2022-11-08T15:28:26.000-05:00 level=INFO msg=...
//   go-kit   go-kit/log (Prometheus, Thanos): level=warn ts=... caller=file.go:42 msg="..."
// Keys as structured_keys.h names them (time/ts, level/lvl, msg/message, logger/caller, thread).
// A line must be nothing but pairs, and needs a time or level key AND a msg or message key, so
// prose that happens to hold "a=b" is not taken. Values are views of the raw text between the
// quotes: escapes stay as written (msg="a \"b\"" gives a \"b\"), as in the json parser.
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

constexpr std::array<std::string_view, 3> kVariants = {"logrus", "slog", "go-kit"};
enum Variant : uint8_t { kLogrus, kSlog, kGoKit };

constexpr Sample kSamples[] = {
    // Traefik 1.0 (logrus) with a ZooKeeper KV store, traefik/traefik issue #455.
    {R"j(time="2016-06-13T09:55:35Z" level=info msg="Using TOML configuration file /etc/traefik/traefik.toml")j",
     "logrus", Level::kInfo, "", "", -1, "Using TOML configuration file /etc/traefik/traefik.toml"},
    // The next line of the same log, its configuration dump cut short: escaped quotes stay.
    {R"j(time="2016-06-13T09:55:35Z" level=debug msg="Global configuration loaded {\"GraceTimeOut\":10,\"Debug\":false}")j",
     "logrus", Level::kDebug, "", "", -1,
     R"j(Global configuration loaded {\"GraceTimeOut\":10,\"Debug\":false})j"},
    // Constructed: logrus with a logger field added by WithField("logger", ...).
    {R"j(time="2024-05-02T10:11:12Z" level=warning msg="Connection refused" logger=zk)j", "logrus",
     Level::kWarn, "zk", "", -1, "Connection refused"},
    // pulsar-client-go (logrus) in Milvus, apache/pulsar issue #13084: "name" is the consumer's.
    {R"j(time="2021-12-02T01:21:39Z" level=info msg="[Connected consumer]" consumerID=9 name=cqkwv subscription=by-dev-queryNode-13-429498844746874881-4863815511074142649 topic="persistent://public/default/by-dev-search-0")j",
     "logrus", Level::kInfo, "", "", -1, "[Connected consumer]"},
    // The log/slog package documentation's TextHandler example.
    {"time=2022-11-08T15:28:26.000-05:00 level=INFO msg=hello count=3", "slog", Level::kInfo, "",
     "", -1, "hello"},
    // prometheus-config-reloader (go-kit), prometheus-operator/prometheus-operator issue #2490.
    {R"j(level=error ts=2019-03-15T09:22:03.354235838Z caller=runutil.go:49 msg="function failed. Retrying in next tick" err="trigger reload: reload request failed: Post http://localhost:9090/-/reload: dial tcp 127.0.0.1:9090: connect: connection refused")j",
     "go-kit", Level::kError, "runutil.go:49", "", -1, "function failed. Retrying in next tick"},
};

inline bool IsKeyChar(char c) {
  return scan::IsIdentChar(c) || c == '.' || c == '-' || c == '@' || c == '/';
}

class LogfmtParser final : public Parser {
 public:
  std::string_view Name() const override { return "logfmt"; }
  std::string_view Description() const override {
    return "logfmt key=value lines: logrus, Go slog, go-kit (time=/ts=, level=, msg=)";
  }
  std::span<const std::string_view> Variants() const override { return kVariants; }
  Component DefaultComponent() const override { return Component::kOther; }
  std::span<const Sample> Samples() const override { return kSamples; }

  bool ParseHeader(std::string_view s, Header* out, Miss* miss) const override {
    int rank[6] = {INT_MAX, INT_MAX, INT_MAX, INT_MAX, INT_MAX, INT_MAX};
    structured::TimeValue time;
    Level level = Level::kUnknown;
    std::string_view logger, thread, message, time_key, level_text;
    size_t pos = 0;
    while (pos < s.size()) {
      size_t key_begin = pos;
      while (pos < s.size() && IsKeyChar(s[pos])) ++pos;
      if (pos == key_begin || pos >= s.size() || s[pos] != '=') {
        return Fail(miss, key_begin, "expected key=value");  // the word that is not a pair
      }
      std::string_view key = s.substr(key_begin, pos - key_begin);
      ++pos;  // '='
      std::string_view value;
      if (pos < s.size() && s[pos] == '"') {
        size_t begin = pos + 1, end = begin;
        while (end < s.size() && s[end] != '"') end += s[end] == '\\' ? 2 : 1;
        if (end >= s.size()) return Fail(miss, pos, "unterminated quoted value");
        value = s.substr(begin, end - begin);
        pos = end + 1;
        if (pos < s.size() && s[pos] != ' ') return Fail(miss, pos, "expected ' ' after a value");
      } else {
        size_t begin = pos;
        while (pos < s.size() && s[pos] != ' ') ++pos;
        value = s.substr(begin, pos - begin);
      }
      pos = scan::SkipSpaces(s, pos);

      structured::KeyRole role = structured::ClassifyKey(key);
      // "name" is a logger in JSON (python-json-logger, bunyan); in key=value lines it is one of
      // the program's own fields ("name=dhnik", a Pulsar consumer's), which logrus, slog and
      // go-kit write after msg.
      if (role.field == Field::kLogger && structured::EqualsIgnoreCase(key, "name")) continue;
      size_t f = static_cast<size_t>(role.field);
      if (role.field == Field::kNone || role.rank >= rank[f]) continue;
      switch (role.field) {
        case Field::kTime:
          if (!structured::ParseTimeText(value, &time)) continue;
          time_key = key;
          break;
        case Field::kLevel:
          if (!structured::ParseLevelValue(value, &level)) continue;
          level_text = value;
          break;
        case Field::kLogger:
          logger = value;
          break;
        case Field::kThread:
          thread = value;
          break;
        case Field::kMessage:
          message = value;
          break;
        case Field::kNone:
          continue;
      }
      rank[f] = role.rank;
    }
    bool has_time = time.local != kNoInstant;
    if (!has_time && level == Level::kUnknown) {
      return Fail(miss, 0, "key=value pairs without a time or level key");
    }
    if (rank[static_cast<size_t>(Field::kMessage)] == INT_MAX) {
      return Fail(miss, 0, "key=value pairs without a msg or message key");
    }
    out->local = time.local;
    out->has_offset = time.has_offset;
    out->utc_offset_us = time.has_offset ? time.offset_us : 0;
    out->precision = has_time ? time.precision : 3;
    out->level = level;
    out->logger = logger;
    out->thread = thread;
    out->message = message;
    out->myid = -1;
    out->code_line = -1;
    if (structured::EqualsIgnoreCase(time_key, "ts")) {
      out->variant = kGoKit;
    } else if (!level_text.empty() && scan::IsUpper(level_text[0])) {
      out->variant = kSlog;  // slog writes INFO, logrus info
    } else {
      out->variant = kLogrus;
    }
    return true;
  }
};

}  // namespace

const Parser& LogfmtLogParser() {
  static const LogfmtParser parser;
  return parser;
}

}  // namespace faultline
