// The engine's context evidence around a step.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "src/engine/engine_test_util.h"
#include "src/engine/explain.h"

namespace faultline {
namespace {

using namespace engine_test;  // NOLINT: the shared test vocabulary

const std::string kWithContext = kSequence + R"toml(
[[context]]
name = "drops"
component = "monitor"
message = '^Connection dropped: (?P<why>.*)'
around = "timeout"
before = "5s"
after = "2s"
)toml";

TEST_CASE("engine: context evidence within before and after") {
  Harness h({kWithContext});
  h.Feed(Drop(kT0 - 6 * kSecond, 1, "too early"), kMonitor);
  h.Feed(Drop(kT0 - 4 * kSecond, 2, "outstanding heartbeat ping not received"), kMonitor);
  // Same text from a ZooKeeper log: not the monitor component.
  h.Feed(Rec(kT0 - 3 * kSecond, 90, Component::kZk, Level::kWarn, "X", "Connection dropped: zk"),
         kZk3);
  h.Feed(Rec(kT0, 120, Component::kZk, Level::kWarn, kLearner, kTimeoutText, 3), kZk3);
  h.Feed(Drop(kT0 + 1 * kSecond, 3, "socket closed"), kMonitor);
  h.Feed(Drop(kT0 + 3 * kSecond, 4, "too late"), kMonitor);
  h.Feed(Rec(kT0 + 5 * kSecond, 41, Component::kZkfc, Level::kFatal, kElector, kStatError), kNn1);
  REQUIRE(h.matches().size() == 1);
  const Match& m = h.matches()[0];
  REQUIRE(m.context.size() == 2);
  CHECK(m.context[0].name == "drops");
  CHECK(m.context[0].line == 2);
  CHECK(m.context[0].instant == kT0 - 4 * kSecond);
  CHECK(m.context[0].source == "monitor.log");
  CHECK(m.context[0].captures.at("why") == "outstanding heartbeat ping not received");
  CHECK(m.context[1].line == 3);
  CHECK(m.context[1].captures.at("why") == "socket closed");
  // Context widens the match's span.
  CHECK(m.first == kT0 - 4 * kSecond);
  CHECK(m.last == kT0 + 5 * kSecond);
  const Evidence* drops = FindEvidence(m, "drops");
  REQUIRE(drops != nullptr);
  CHECK(drops->line == 2);
}

TEST_CASE("engine: context with same host takes only the anchor step's host") {
  const std::string rule = kSequence + R"toml(
[[context]]
name = "fsync"
component = "zk"
message = '^fsync-ing the write ahead log in \S+ took (?P<ms>\d+)ms'
around = "timeout"
before = "5s"
after = "0s"
same = ["host"]
)toml";
  Harness h({rule});
  REQUIRE(h.engine().ok());
  h.Feed(Rec(kT0 - 3 * kSecond, 50, Component::kZk, Level::kWarn, "FileTxnLog",
             "fsync-ing the write ahead log in SyncThread:1 took 3000ms"),
         kZk1);
  h.Feed(Rec(kT0 - 2 * kSecond, 90, Component::kZk, Level::kWarn, "FileTxnLog",
             "fsync-ing the write ahead log in SyncThread:3 took 2000ms"),
         kZk3);
  h.Feed(Rec(kT0, 120, Component::kZk, Level::kWarn, kLearner, kTimeoutText, 3), kZk3);
  h.Feed(Rec(kT0 + 1 * kSecond, 41, Component::kZkfc, Level::kFatal, kElector, kStatError), kNn1);
  REQUIRE(h.matches().size() == 1);
  REQUIRE(h.matches()[0].context.size() == 1);
  CHECK(h.matches()[0].context[0].host == "zk3");
  CHECK(h.matches()[0].context[0].captures.at("ms") == "2000");
}

TEST_CASE("engine: context after the last step is still collected within after") {
  const std::string rule = kHead + R"toml(
[[steps]]
name = "timeout"
component = "zk"
message = '^Closing connection to peer due to transaction timeout'

[[context]]
name = "goodbye"
component = "zk"
message = '^\*+ GOODBYE (?P<peer>\S+) \*+$'
around = "timeout"
before = "0s"
after = "2s"
)toml";
  Harness h({rule});
  h.Feed(Rec(kT0, 120, Component::kZk, Level::kWarn, kLearner, kTimeoutText, 3), kZk3);
  h.Feed(Rec(kT0 + 1 * kMilli, 121, Component::kZk, Level::kWarn, kLearner,
             "******* GOODBYE /10.0.0.2:49754 ********", 3),
         kZk3);
  h.Feed(Rec(kT0 + 10 * kSecond, 130, Component::kZk, Level::kInfo, "X", "later"), kZk3);
  h.engine().Finish();
  REQUIRE(h.matches().size() == 1);
  REQUIRE(h.matches()[0].context.size() == 1);
  CHECK(h.matches()[0].context[0].line == 121);
  CHECK(h.matches()[0].context[0].captures.at("peer") == "/10.0.0.2:49754");
}

TEST_CASE("engine: context anchored to a step seen after a passed-over one") {
  // Either step opens a match; the context belongs to the second. With only the second in the
  // logs, the context is still found around it (not dropped as if its step were missing).
  const std::string rule = kHead + R"toml(
[[steps]]
name = "timeout"
role = "decisive"
component = "zk"
message = '^Closing connection to peer due to transaction timeout'

[[steps]]
name = "elector"
role = "decisive"
component = "zkfc"
message = '^Received (?P<op>stat|create) error from Zookeeper'
within = "30s"

[[context]]
name = "fsync"
component = "zk"
message = '^fsync-ing the write ahead log in \S+ took (?P<ms>\d+)ms'
around = "elector"
before = "5s"
after = "0s"
)toml";
  Harness h({rule});
  REQUIRE(h.engine().ok());
  h.Feed(Rec(kT0 - 2 * kSecond, 90, Component::kZk, Level::kWarn, "FileTxnLog",
             "fsync-ing the write ahead log in SyncThread:3 took 2000ms"),
         kZk3);
  h.Feed(Rec(kT0, 41, Component::kZkfc, Level::kFatal, kElector, kStatError), kNn1);
  h.engine().Finish();
  REQUIRE(h.matches().size() == 1);
  const Match& m = h.matches()[0];
  REQUIRE(m.steps.size() == 1);
  CHECK(m.steps[0].name == "elector");
  REQUIRE(m.context.size() == 1);
  CHECK(m.context[0].captures.at("ms") == "2000");
}

}  // namespace
}  // namespace faultline
