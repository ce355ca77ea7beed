// The engine's correlation keys: same host, myid, session and captures; not_same.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "src/engine/engine_test_util.h"

namespace faultline {
namespace {

using namespace engine_test;  // NOLINT: the shared test vocabulary

const std::string kSameHost = kHead + R"toml(
[[steps]]
name = "lost"
component = "zkfc"
message = '^Lost contact with ZooKeeper'

[[steps]]
name = "fenced"
component = "zkfc"
message = '^Fencing the other NameNode'
within = "10s"
same = ["host"]
)toml";

TEST_CASE("engine: same host correlation") {
  Harness h({kSameHost});
  h.Feed(Rec(kT0, 10, Component::kZkfc, Level::kWarn, kElector, "Lost contact with ZooKeeper"),
         kNn1);
  h.Feed(Rec(kT0 + 1 * kSecond, 20, Component::kZkfc, Level::kInfo, kElector,
             "Fencing the other NameNode"),
         kNn2);
  CHECK(h.matches().empty());
  h.Feed(Rec(kT0 + 2 * kSecond, 11, Component::kZkfc, Level::kInfo, kElector,
             "Fencing the other NameNode"),
         kNn1);
  REQUIRE(h.matches().size() == 1);
  const Match& m = h.matches()[0];
  REQUIRE(m.steps.size() == 2);
  CHECK(m.steps[0].host == "nn1");
  CHECK(m.steps[1].host == "nn1");
  CHECK(m.steps[1].line == 11);
  CHECK(m.steps[1].source == "hadoop-hdfs-zkfc-nn1.log");

  // Only a different host: nothing.
  Harness other({kSameHost});
  other.Feed(Rec(kT0, 10, Component::kZkfc, Level::kWarn, kElector, "Lost contact with ZooKeeper"),
             kNn1);
  other.Feed(Rec(kT0 + 1 * kSecond, 20, Component::kZkfc, Level::kInfo, kElector,
                 "Fencing the other NameNode"),
             kNn2);
  other.engine().Finish();
  CHECK(other.matches().empty());
}

constexpr char kLearnerNamed[] = R"toml(
title = "t"
severity = "warning"
summary = "s"
remedy = "r"
[[steps]]
name = "closing"
component = "zk"
message = '^Synchronously closing socket to learner (?P<myid>\d+)\.'
[[steps]]
name = "woke"
component = "zk"
level = "warn"
message = '^Exception when following the leader'
within = "10s"
same = ["myid"]
)toml";

TEST_CASE("engine: a capture named myid is the server a step speaks for") {
  const SourceInfo zk2 = Source("zk2/zookeeper.log", "zk2", Component::kZk);
  constexpr std::string_view kFollower = "org.apache.zookeeper.server.quorum.Follower";
  Harness h({kLearnerNamed});
  h.Feed(Rec(kT0, 192, Component::kZk, Level::kInfo, kLearner,
             "Synchronously closing socket to learner 2.", 3),
         kZk3);
  // Server 1's exception is not about learner 2.
  h.Feed(Rec(kT0 + 1 * kSecond, 40, Component::kZk, Level::kWarn, kFollower,
             "Exception when following the leader", 1),
         kZk1);
  CHECK(h.matches().empty());
  h.Feed(Rec(kT0 + 6 * kSecond, 172, Component::kZk, Level::kWarn, kFollower,
             "Exception when following the leader", 2),
         zk2);
  REQUIRE(h.matches().size() == 1);
  CHECK(h.matches()[0].steps[0].myid == 2);  // the learner named, not the leader (3)
  CHECK(h.matches()[0].steps[0].host == "zk3");
  CHECK(h.matches()[0].steps[1].host == "zk2");
}

TEST_CASE("engine: not_same host wants another server") {
  std::string rule = std::string(kSameHost);
  rule.replace(rule.find("same = [\"host\"]"), 15, "not_same = [\"host\"]");
  Harness h({rule});
  REQUIRE(h.engine().ok());
  h.Feed(Rec(kT0, 10, Component::kZkfc, Level::kWarn, kElector, "Lost contact with ZooKeeper"),
         kNn1);
  h.Feed(Rec(kT0 + 1 * kSecond, 11, Component::kZkfc, Level::kInfo, kElector,
             "Fencing the other NameNode"),
         kNn1);
  CHECK(h.matches().empty());
  h.Feed(Rec(kT0 + 2 * kSecond, 20, Component::kZkfc, Level::kInfo, kElector,
             "Fencing the other NameNode"),
         kNn2);
  REQUIRE(h.matches().size() == 1);
  CHECK(h.matches()[0].steps[1].host == "nn2");
}

TEST_CASE("engine: not_same myid wants another server, and an unknown myid counts as another") {
  std::string rule = std::string(kLearnerNamed);
  rule.replace(rule.find("same = [\"myid\"]"), 15, "not_same = [\"myid\"]");
  const SourceInfo zk2 = Source("zk2/zookeeper.log", "zk2", Component::kZk);
  constexpr std::string_view kFollower = "org.apache.zookeeper.server.quorum.Follower";
  Harness h({rule});
  REQUIRE(h.engine().ok());
  h.Feed(Rec(kT0, 192, Component::kZk, Level::kInfo, kLearner,
             "Synchronously closing socket to learner 2.", 3),
         kZk3);
  h.Feed(Rec(kT0 + kSecond, 172, Component::kZk, Level::kWarn, kFollower,
             "Exception when following the leader", 2),
         zk2);
  CHECK(h.matches().empty());  // server 2 is the one named: not another
  h.Feed(Rec(kT0 + 2 * kSecond, 40, Component::kZk, Level::kWarn, kFollower,
             "Exception when following the leader", -1),
         kZk1);
  REQUIRE(h.matches().size() == 1);
  CHECK(h.matches()[0].steps[1].host == "zk1");
}

TEST_CASE("engine: interleaved chains on two hosts both match") {
  Harness h({kSameHost});
  h.Feed(Rec(kT0, 10, Component::kZkfc, Level::kWarn, kElector, "Lost contact with ZooKeeper"),
         kNn1);
  h.Feed(Rec(kT0 + 1 * kSecond, 20, Component::kZkfc, Level::kWarn, kElector,
             "Lost contact with ZooKeeper"),
         kNn2);
  h.Feed(Rec(kT0 + 2 * kSecond, 11, Component::kZkfc, Level::kInfo, kElector,
             "Fencing the other NameNode"),
         kNn1);
  h.Feed(Rec(kT0 + 3 * kSecond, 21, Component::kZkfc, Level::kInfo, kElector,
             "Fencing the other NameNode"),
         kNn2);
  h.engine().Finish();
  REQUIRE(h.matches().size() == 2);
  CHECK(h.matches()[0].steps[0].host == "nn1");
  CHECK(h.matches()[0].steps[1].line == 11);
  CHECK(h.matches()[1].steps[0].host == "nn2");
  CHECK(h.matches()[1].steps[1].line == 21);
}

TEST_CASE("engine: repeated first steps on one host give one match from the earliest") {
  Harness h({kSameHost});
  h.Feed(Rec(kT0, 10, Component::kZkfc, Level::kWarn, kElector, "Lost contact with ZooKeeper"),
         kNn1);
  h.Feed(Rec(kT0 + 1 * kSecond, 12, Component::kZkfc, Level::kWarn, kElector,
             "Lost contact with ZooKeeper"),
         kNn1);
  h.Feed(Rec(kT0 + 2 * kSecond, 14, Component::kZkfc, Level::kInfo, kElector,
             "Fencing the other NameNode"),
         kNn1);
  h.engine().Finish();
  REQUIRE(h.matches().size() == 1);
  CHECK(h.matches()[0].steps[0].line == 10);
  CHECK(h.matches()[0].steps[1].line == 14);
}

TEST_CASE("engine: same session correlation") {
  const std::string rule = kHead + R"toml(
[[steps]]
name = "expired"
component = "zk"
message = '^Expiring session 0x[0-9a-f]+'

[[steps]]
name = "client"
component = "zkfc"
message = 'session(?:id)? 0x[0-9a-fA-F]+ has expired'
within = "60s"
same = ["session"]
)toml";
  Harness h({rule});
  h.Feed(Rec(kT0, 300, Component::kZk, Level::kInfo, "ZooKeeperServer",
             "Expiring session 0x16d3a4d8b9c0001, timeout of 5000ms exceeded", 1),
         kZk1);
  h.Feed(Rec(kT0 + 1 * kSecond, 70, Component::kZkfc, Level::kWarn, "ClientCnxn",
             "Unable to reconnect to ZooKeeper service, session 0x16d3a4d8b9c0002 has expired"),
         kNn1);
  CHECK(h.matches().empty());
  h.Feed(Rec(kT0 + 2 * kSecond, 71, Component::kZkfc, Level::kWarn, "ClientCnxn",
             "Unable to reconnect to ZooKeeper service, session 0x16D3A4D8B9C0001 has expired"),
         kNn1);
  REQUIRE(h.matches().size() == 1);
  const Match& m = h.matches()[0];
  REQUIRE(m.steps.size() == 2);
  CHECK(m.steps[0].session == "0x16d3a4d8b9c0001");
  CHECK(m.steps[1].session == "0x16d3a4d8b9c0001");
  CHECK(m.steps[1].line == 71);
}

TEST_CASE("engine: capture-key correlation") {
  const std::string rule = kHead + R"toml(
[[steps]]
name = "refused"
component = "zk"
message = '^Cannot open channel to (?P<sid>\d+) at election address (?P<addr>\S+)'

[[steps]]
name = "broken"
component = "zk"
message = '^Connection broken for id (?P<sid>\d+)'
within = "10s"
same = ["sid"]
)toml";
  Harness h({rule});
  h.Feed(Rec(kT0, 5, Component::kZk, Level::kWarn, "QuorumCnxManager",
             "Cannot open channel to 2 at election address zk2/10.0.0.2:3888", 1),
         kZk1);
  h.Feed(Rec(kT0 + 1 * kSecond, 6, Component::kZk, Level::kWarn, "QuorumCnxManager",
             "Connection broken for id 3, my id = 1", 1),
         kZk1);
  CHECK(h.matches().empty());
  h.Feed(Rec(kT0 + 2 * kSecond, 7, Component::kZk, Level::kWarn, "QuorumCnxManager",
             "Connection broken for id 2, my id = 1", 1),
         kZk1);
  REQUIRE(h.matches().size() == 1);
  const Match& m = h.matches()[0];
  REQUIRE(m.steps.size() == 2);
  CHECK(m.steps[0].captures ==
        std::map<std::string, std::string>{{"addr", "zk2/10.0.0.2:3888"}, {"sid", "2"}});
  CHECK(m.steps[1].captures == std::map<std::string, std::string>{{"sid", "2"}});
  CHECK(m.steps[1].line == 7);

  // A later step logged in the same millisecond before the first (two files merged): it waits,
  // and its captures are compared when the first step comes.
  Harness same_instant({rule});
  same_instant.Feed(Rec(kT0, 8, Component::kZk, Level::kWarn, "QuorumCnxManager",
                        "Connection broken for id 3, my id = 1", 1),
                    kZk1);
  same_instant.Feed(Rec(kT0, 9, Component::kZk, Level::kWarn, "QuorumCnxManager",
                        "Connection broken for id 2, my id = 1", 1),
                    kZk1);
  same_instant.Feed(Rec(kT0, 10, Component::kZk, Level::kWarn, "QuorumCnxManager",
                        "Cannot open channel to 2 at election address zk2/10.0.0.2:3888", 1),
                    kZk1);
  REQUIRE(same_instant.matches().size() == 1);
  CHECK(same_instant.matches()[0].steps[1].line == 9);
  CHECK(same_instant.matches()[0].steps[1].captures ==
        std::map<std::string, std::string>{{"sid", "2"}});
}

}  // namespace
}  // namespace faultline
