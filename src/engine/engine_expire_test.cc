// When partial chains fall due: in the order of their deadlines or not, each expires on time.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "src/engine/engine_test_util.h"

namespace faultline {
namespace {

using namespace engine_test;  // NOLINT: the shared test vocabulary

// Three steps on one host: a chain waits up to a minute for `fenced`, then 5 s for `active`.
const std::string kThreeSteps = kHead + R"toml(
[[steps]]
name = "lost"
component = "zkfc"
message = '^Lost contact with ZooKeeper'

[[steps]]
name = "fenced"
component = "zkfc"
message = '^Fencing the other NameNode'
within = "60s"
same = ["host"]

[[steps]]
name = "active"
component = "zkfc"
message = '^Became active'
within = "5s"
same = ["host"]
)toml";

Record Line(int64_t at, int64_t line, const char* message) {
  return Rec(at, line, Component::kZkfc, Level::kWarn, kElector, message);
}

TEST_CASE("engine: a chain due before an older one still expires on time") {
  Harness h({kThreeSteps});
  // nn1's chain starts first and waits for `fenced` until +60 s; nn2's starts next, advances at
  // +2 s and is due at +7 s: behind a chain due later, it must not wait for it.
  h.Feed(Line(kT0, 10, "Lost contact with ZooKeeper"), kNn1);
  h.Feed(Line(kT0 + 1 * kSecond, 20, "Lost contact with ZooKeeper"), kNn2);
  h.Feed(Line(kT0 + 2 * kSecond, 21, "Fencing the other NameNode"), kNn2);
  // Any record moves the clock past +7 s; nn2's `active` then comes 2 s too late: a near miss,
  // which is only seen if nn2's chain expired when it fell due.
  h.Feed(Line(kT0 + 8 * kSecond, 22, "unrelated"), kNn2);
  h.Feed(Line(kT0 + 9 * kSecond, 23, "Became active"), kNn2);
  REQUIRE(h.engine().near_misses().size() == 1);
  CHECK(h.engine().near_misses()[0].to.line == 23);
  CHECK(h.engine().near_misses()[0].gap == 7 * kSecond);
  // nn1's chain is still waiting and completes.
  h.Feed(Line(kT0 + 30 * kSecond, 11, "Fencing the other NameNode"), kNn1);
  h.Feed(Line(kT0 + 31 * kSecond, 12, "Became active"), kNn1);
  REQUIRE(h.matches().size() == 1);
  CHECK(h.matches()[0].steps[0].line == 10);
}

TEST_CASE("engine: chains in the order of their deadlines expire one by one") {
  Harness h({kThreeSteps});
  std::vector<SourceInfo> hosts;
  for (int i = 0; i < 5; ++i)
    hosts.push_back(
        Source("zkfc-" + std::to_string(i) + ".log", "nn" + std::to_string(i), Component::kZkfc));
  // Chains started a second apart on five hosts, each due a minute later: in deadline order.
  for (int i = 0; i < 5; ++i)
    h.Feed(Line(kT0 + i * kSecond, 10 + i, "Lost contact with ZooKeeper"), hosts[i]);
  // At +62.5 s the first three have expired; the last two still wait.
  h.Feed(Line(kT0 + 62500 * kMilli, 30, "unrelated"), hosts[0]);
  // The third one's `fenced` comes 0.6 s late: a near miss against the chain that expired.
  h.Feed(Line(kT0 + 62600 * kMilli, 31, "Fencing the other NameNode"), hosts[2]);
  REQUIRE(h.engine().near_misses().size() == 1);
  CHECK(h.engine().near_misses()[0].from.line == 12);
  // The fourth one's comes in time, and its chain completes.
  h.Feed(Line(kT0 + 62800 * kMilli, 32, "Fencing the other NameNode"), hosts[3]);
  h.Feed(Line(kT0 + 64 * kSecond, 33, "Became active"), hosts[3]);
  REQUIRE(h.matches().size() == 1);
  CHECK(h.matches()[0].steps[0].line == 13);
}

}  // namespace
}  // namespace faultline
