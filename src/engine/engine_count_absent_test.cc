// The engine's thresholds (count) and absence windows (absent).
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "src/engine/engine_test_util.h"
#include "src/engine/explain.h"

namespace faultline {
namespace {

using namespace engine_test;  // NOLINT: the shared test vocabulary

const std::string kFlapping = kHead + R"toml(
[[steps]]
name = "flap"
component = "monitor"
message = '^Connection dropped: (?P<why>.*)'
count = 3
within = "60s"
)toml";

TEST_CASE("engine: count fires at the third occurrence inside the window") {
  Harness h({kFlapping});
  h.Feed(Drop(kT0, 1, "first"), kMonitor);
  h.Feed(Drop(kT0 + 20 * kSecond, 2, "second"), kMonitor);
  CHECK(h.matches().empty());
  h.Feed(Drop(kT0 + 40 * kSecond, 3, "third"), kMonitor);
  REQUIRE(h.matches().size() == 1);
  const Match& m = h.matches()[0];
  REQUIRE(m.steps.size() == 1);
  CHECK(m.steps[0].name == "flap");
  CHECK(m.steps[0].occurrences == 3);
  CHECK(m.steps[0].instant == kT0);  // the evidence is the first occurrence
  CHECK(m.steps[0].line == 1);
  CHECK(m.steps[0].captures.at("why") == "first");
  // A fourth starts counting afresh.
  h.Feed(Drop(kT0 + 45 * kSecond, 4, "fourth"), kMonitor);
  h.engine().Finish();
  CHECK(h.matches().size() == 1);
}

TEST_CASE("engine: count does not fire when the occurrences are spread out") {
  Harness h({kFlapping});
  h.Feed(Drop(kT0, 1, "a"), kMonitor);
  h.Feed(Drop(kT0 + 40 * kSecond, 2, "b"), kMonitor);
  h.Feed(Drop(kT0 + 80 * kSecond, 3, "c"), kMonitor);   // 80 s after the first
  h.Feed(Drop(kT0 + 120 * kSecond, 4, "d"), kMonitor);  // 80 s after the second
  h.Feed(Drop(kT0 + 160 * kSecond, 5, "e"), kMonitor);
  CHECK(h.matches().empty());
  // The third inside one 60 s window: 120, 160, 170.
  h.Feed(Drop(kT0 + 170 * kSecond, 6, "f"), kMonitor);
  REQUIRE(h.matches().size() == 1);
  CHECK(h.matches()[0].steps[0].line == 4);
  CHECK(h.matches()[0].steps[0].occurrences == 3);
}

TEST_CASE("engine: count with same host counts each host apart") {
  const std::string rule = kHead + R"toml(
[[steps]]
name = "flap"
component = "zk"
message = '^Notification time out: (?P<ms>\d+)'
count = 3
within = "60s"
same = ["host"]
)toml";
  Harness h({rule});
  auto timeout = [](int64_t at, int64_t line, int ms) {
    return Rec(at, line, Component::kZk, Level::kInfo, "FastLeaderElection",
               "Notification time out: " + std::to_string(ms));
  };
  h.Feed(timeout(kT0, 1, 400), kZk1);
  h.Feed(timeout(kT0 + 1 * kSecond, 1, 400), kZk3);
  h.Feed(timeout(kT0 + 2 * kSecond, 2, 800), kZk1);
  h.Feed(timeout(kT0 + 3 * kSecond, 2, 800), kZk3);
  CHECK(h.matches().empty());
  h.Feed(timeout(kT0 + 4 * kSecond, 3, 1600), kZk3);
  REQUIRE(h.matches().size() == 1);
  CHECK(h.matches()[0].steps[0].host == "zk3");
  CHECK(h.matches()[0].steps[0].instant == kT0 + 1 * kSecond);
  CHECK(h.matches()[0].steps[0].captures.at("ms") == "400");
  CHECK(h.matches()[0].steps[0].occurrences == 3);
}

const std::string kAbsent = kHead + R"toml(
[[steps]]
name = "down"
component = "zk"
message = '^Shutting down'

[[steps]]
name = "back"
component = "zk"
message = '^Started'
within = "10s"
absent = true
same = ["host"]
)toml";

Record ZkInfo(int64_t at, int64_t line, std::string_view message) {
  return Rec(at, line, Component::kZk, Level::kInfo, "ZooKeeperServer", message, 1);
}

TEST_CASE("engine: absent fires when the window passes on log time") {
  Harness h({kAbsent});
  h.Feed(ZkInfo(kT0, 10, "Shutting down"), kZk1);
  h.Feed(ZkInfo(kT0 + 5 * kSecond, 11, "Started"), kZk3);  // another host: does not count
  h.Feed(ZkInfo(kT0 + 10 * kSecond, 12, "still nothing"), kZk1);
  CHECK(h.matches().empty());
  h.Feed(ZkInfo(kT0 + 11 * kSecond, 13, "still nothing"), kZk1);
  REQUIRE(h.matches().size() == 1);  // before Finish: log time alone closes the window
  const Match& m = h.matches()[0];
  CHECK(m.absence);
  CHECK_FALSE(m.window_open_at_end);
  CHECK(m.absence_deadline == kT0 + 10 * kSecond);
  REQUIRE(m.steps.size() == 1);
  CHECK(m.steps[0].name == "down");
  CHECK(m.steps[0].line == 10);
  CHECK(m.first == kT0);
  CHECK(m.last == kT0);
  CHECK(ExpandTemplate("{down.host} did not start again {back.within}", m, ConfigValues()) ==
        "zk1 did not start again within 10s");
  h.engine().Finish();
  CHECK(h.matches().size() == 1);
}

TEST_CASE("engine: absent is cancelled when the event comes") {
  Harness h({kAbsent});
  h.Feed(ZkInfo(kT0, 10, "Shutting down"), kZk1);
  h.Feed(ZkInfo(kT0 + 5 * kSecond, 11, "Started"), kZk1);
  h.Feed(ZkInfo(kT0 + 60 * kSecond, 12, "later"), kZk1);
  h.engine().Finish();
  CHECK(h.matches().empty());
  CHECK(h.engine().near_misses().empty());

  // At the very end of the window it still counts.
  Harness edge({kAbsent});
  edge.Feed(ZkInfo(kT0, 10, "Shutting down"), kZk1);
  edge.Feed(ZkInfo(kT0 + 10 * kSecond, 11, "Started"), kZk1);
  edge.engine().Finish();
  CHECK(edge.matches().empty());
}

TEST_CASE("engine: absent with the input ending inside the window fires at Finish") {
  Harness h({kAbsent});
  h.Feed(ZkInfo(kT0, 10, "Shutting down"), kZk1);
  h.Feed(ZkInfo(kT0 + 3 * kSecond, 11, "something else"), kZk1);
  CHECK(h.matches().empty());
  h.engine().Finish();
  REQUIRE(h.matches().size() == 1);
  const Match& m = h.matches()[0];
  CHECK(m.absence);
  CHECK(m.window_open_at_end);
  CHECK(m.absence_deadline == kT0 + 10 * kSecond);
  CHECK(h.engine().last_instant() == kT0 + 3 * kSecond);
  CHECK(m.logs_end == kT0 + 3 * kSecond);
  REQUIRE(m.steps.size() == 1);
  CHECK(m.steps[0].line == 10);
  // The summary claims only the silence the logs show, not the whole window.
  CHECK(ExpandTemplate("{down.host} did not start again {back.within}", m, ConfigValues()) ==
        "zk1 did not start again in what the logs show (they end 3s later, before 10s had "
        "passed)");
}

}  // namespace
}  // namespace faultline
