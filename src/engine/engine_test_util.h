// Shared by the engine's tests: records as a parser would leave them, and rules loaded from TOML
// with an engine over them.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "src/engine/engine.h"
#include "src/engine/rule_loader.h"

namespace faultline::engine_test {

inline constexpr int64_t kMilli = 1'000;
inline constexpr int64_t kSecond = 1'000'000;
inline constexpr int64_t kMinute = 60 * kSecond;
// 2019-09-17 05:04:12.043 UTC, the seed incident's transaction timeout.
inline constexpr int64_t kT0 = 1568696652LL * kSecond + 43 * kMilli;

inline const std::string kHead =
    "title = \"t\"\nseverity = \"critical\"\nsummary = \"s\"\nremedy = \"r\"\n";

inline SourceInfo Source(std::string name, std::string host, Component component) {
  SourceInfo info;
  info.path = name;
  info.name = std::move(name);
  info.host = std::move(host);
  info.component = component;
  return info;
}

// A record as a parser would leave it: "LEVEL [thread] logger: message", then continuation lines.
inline Record Rec(int64_t instant, int64_t line, Component component, Level level,
                  std::string_view logger, std::string_view message, int32_t myid = -1,
                  std::string_view continuation = "") {
  Record r;
  r.instant = instant;
  r.local = instant;
  r.line = line;
  r.myid = myid;
  r.level = level;
  r.component = component;
  std::string level_name(LevelName(level));
  r.text = level_name + " [main] ";
  r.thread = Span{static_cast<uint32_t>(level_name.size() + 2), 4};
  r.logger = Span{static_cast<uint32_t>(r.text.size()), static_cast<uint32_t>(logger.size())};
  r.text += std::string(logger) + ": ";
  r.message = Span{static_cast<uint32_t>(r.text.size()), static_cast<uint32_t>(message.size())};
  r.text += std::string(message);
  if (!continuation.empty()) {
    r.text += "\n" + std::string(continuation);
    r.continuation_lines = 1;
  }
  return r;
}

// Rules loaded from TOML and an engine over them.
class Harness {
 public:
  explicit Harness(const std::vector<std::string>& texts, ConfigValues config = ConfigValues())
      : config_(std::move(config)) {
    rules_.reserve(texts.size());
    for (size_t i = 0; i < texts.size(); ++i) {
      Rule rule;
      std::vector<RuleDiagnostic> diagnostics;
      std::string id = "rule" + std::to_string(i + 1);
      bool ok = LoadRule(texts[i], id + ".toml", id, &rule, &diagnostics);
      for (const RuleDiagnostic& d : diagnostics) INFO(d.ToString());
      REQUIRE(ok);
      REQUIRE(diagnostics.empty());
      rules_.push_back(std::move(rule));
    }
    std::vector<const Rule*> pointers;
    for (const Rule& rule : rules_) pointers.push_back(&rule);
    engine_ = std::make_unique<Engine>(pointers, config_);
  }
  Engine& engine() { return *engine_; }
  const Rule* rule(size_t i) const { return &rules_[i]; }
  const ConfigValues& config() const { return config_; }
  void Feed(const Record& record, const SourceInfo& source) { engine_->Feed(record, source); }
  const std::vector<Match>& matches() const { return engine_->matches(); }

 private:
  ConfigValues config_;
  std::vector<Rule> rules_;
  std::unique_ptr<Engine> engine_;
};

// Sources and the seed incident's first two steps, shared by the engine tests.
inline const SourceInfo kZk3 = Source("zk3/zookeeper.log", "zk3", Component::kZk);
inline const SourceInfo kZk1 = Source("zk1/zookeeper.log", "zk1", Component::kZk);
inline const SourceInfo kNn1 = Source("hadoop-hdfs-zkfc-nn1.log", "nn1", Component::kZkfc);
inline const SourceInfo kNn2 = Source("hadoop-hdfs-zkfc-nn2.log", "nn2", Component::kZkfc);
inline const SourceInfo kMonitor = Source("monitor.log", "", Component::kMonitor);

// The seed incident's first two steps.
inline const std::string kSequence = kHead + R"toml(
[[steps]]
name = "timeout"
component = "zk"
level = "warn"
logger = 'LearnerHandler$'
message = '^Closing connection to peer due to transaction timeout\.?$'

[[steps]]
name = "elector"
component = "zkfc"
level = "error"
message = '^Received (?P<op>stat|create) error from Zookeeper\. code:(?P<code>[A-Z_]+)'
within = "30s"
)toml";

inline constexpr std::string_view kLearner = "org.apache.zookeeper.server.quorum.LearnerHandler";
inline constexpr std::string_view kElector = "org.apache.hadoop.ha.ActiveStandbyElector";
inline constexpr std::string_view kTimeoutText =
    "Closing connection to peer due to transaction timeout.";
inline constexpr std::string_view kStatError =
    "Received stat error from Zookeeper. code:CONNECTIONLOSS. Not retrying further znode "
    "monitoring connection errors.";

// A kazoo monitor's "Connection dropped: WHY".
inline Record Drop(int64_t instant, int64_t line, std::string_view why) {
  return Rec(instant, line, Component::kMonitor, Level::kWarn, "kazoo.client",
             "Connection dropped: " + std::string(why));
}

}  // namespace faultline::engine_test
