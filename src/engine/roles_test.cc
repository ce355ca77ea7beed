// Evidence roles: decisive steps open an incident alone, corroborating ones may be missing,
// required ones never; the missing steps and the confidence are reported.
#include <doctest/doctest.h>

#include "src/engine/engine_test_util.h"

namespace faultline {
namespace {

using namespace engine_test;  // NOLINT: the shared test vocabulary

const SourceInfo kZk3 = Source("zk3/zookeeper.log", "zk3", Component::kZk);
const SourceInfo kNn1 = Source("hadoop-hdfs-zkfc-nn1.log", "nn1", Component::kZkfc);
constexpr std::string_view kLearner = "org.apache.zookeeper.server.quorum.LearnerHandler";
constexpr std::string_view kElector = "org.apache.hadoop.ha.ActiveStandbyElector";
constexpr std::string_view kZkfc = "org.apache.hadoop.hdfs.tools.DFSZKFailoverController";

// The seed chain with the elector line corroborating: timeout and exit are required.
const std::string kSeed = kHead + R"toml(
[[steps]]
name = "timeout"
component = "zk"
logger = 'LearnerHandler$'
message = 'Closing connection to peer due to transaction timeout'

[[steps]]
name = "elector"
role = "corroborating"
component = "zkfc"
message = 'Received stat error from Zookeeper\. code:(?P<code>[A-Z_]+)'
within = "30s"

[[steps]]
name = "fatal"
component = "zkfc"
message = 'Got a fatal error, exiting now'
within = "10s"
)toml";

// A fencing failure: the decisive line alone is enough.
const std::string kFencing = kHead + R"toml(
[[steps]]
name = "should_fence"
role = "corroborating"
message = 'Should fence: (?P<target>.+)'

[[steps]]
name = "failed"
role = "decisive"
message = 'Unable to fence service by any configured method'
within = "2m"

[[steps]]
name = "gave_up"
role = "corroborating"
message = 'Caught an exception, giving up'
within = "1s"
)toml";

Record Timeout(int64_t at) {
  return Rec(at, 852, Component::kZk, Level::kWarn, kLearner,
             "Closing connection to peer due to transaction timeout.", 3);
}
Record Elector(int64_t at) {
  return Rec(at, 76, Component::kZkfc, Level::kFatal, kElector,
             "Received stat error from Zookeeper. code:CONNECTIONLOSS. Not retrying further");
}
Record Fatal(int64_t at) {
  return Rec(at, 90, Component::kZkfc, Level::kFatal, kZkfc, "Got a fatal error, exiting now");
}

TEST_CASE("roles: the whole chain is a full match with confidence 1") {
  Harness h({kSeed});
  h.Feed(Timeout(kT0), kZk3);
  h.Feed(Elector(kT0 + 360 * kMilli), kNn1);
  h.Feed(Fatal(kT0 + 575 * kMilli), kNn1);
  h.engine().Finish();
  REQUIRE(h.matches().size() == 1);
  CHECK(h.matches()[0].steps.size() == 3);
  CHECK(h.matches()[0].missing.empty());
  CHECK(h.matches()[0].confidence == 1.0);
}

TEST_CASE("roles: a corroborating step not in the logs is passed over") {
  Harness h({kSeed});
  h.Feed(Timeout(kT0), kZk3);
  h.Feed(Fatal(kT0 + 575 * kMilli), kNn1);
  h.engine().Finish();
  REQUIRE(h.matches().size() == 1);
  const Match& m = h.matches()[0];
  REQUIRE(m.steps.size() == 2);
  CHECK(m.steps[0].name == "timeout");
  CHECK(m.steps[1].name == "fatal");
  CHECK(m.missing == std::vector<std::string>{"elector"});
  // Weights: timeout 2, elector 1, fatal 2; 4 of 5 -> 0.5 + 0.5 * 0.8.
  CHECK(m.confidence == doctest::Approx(0.9));
}

TEST_CASE("roles: passing over a step allows the sum of the windows, no more") {
  Harness h({kSeed});
  h.Feed(Timeout(kT0), kZk3);
  h.Feed(Fatal(kT0 + 39 * kSecond), kNn1);  // 30 s + 10 s
  h.engine().Finish();
  CHECK(h.matches().size() == 1);

  Harness late({kSeed});
  late.Feed(Timeout(kT0), kZk3);
  late.Feed(Fatal(kT0 + 41 * kSecond), kNn1);
  late.engine().Finish();
  CHECK(late.matches().empty());
}

TEST_CASE("roles: a required step missing means no match, and a half match for --explain") {
  Harness h({kSeed});
  h.Feed(Elector(kT0), kNn1);
  h.Feed(Fatal(kT0 + 200 * kMilli), kNn1);
  h.Feed(Timeout(kT0 + 5 * kSecond), kZk3);  // after the exit: not a cause
  h.Feed(Rec(kT0 + 60 * kSecond, 900, Component::kZk, Level::kInfo, kLearner, "later"), kZk3);
  h.engine().Finish();
  CHECK(h.matches().empty());
  REQUIRE(h.engine().half_matches().size() == 1);
  CHECK(h.engine().half_matches()[0].half);
  CHECK(h.engine().half_matches()[0].from.name == "timeout");
  CHECK(h.engine().half_matches()[0].missing == std::vector<std::string>{"elector", "fatal"});
}

TEST_CASE("roles: a decisive step alone opens the incident, its partners missing") {
  Harness h({kFencing});
  h.Feed(Rec(kT0, 10, Component::kZkfc, Level::kError, "org.apache.hadoop.ha.NodeFencer",
             "Unable to fence service by any configured method."),
         kNn1);
  h.Feed(Rec(kT0 + 30 * kSecond, 11, Component::kZkfc, Level::kInfo, kElector, "unrelated"), kNn1);
  h.engine().Finish();
  REQUIRE(h.matches().size() == 1);
  const Match& m = h.matches()[0];
  REQUIRE(m.steps.size() == 1);
  CHECK(m.steps[0].name == "failed");
  CHECK(m.missing == std::vector<std::string>{"should_fence", "gave_up"});
  // Weights 1 + 2 + 1; 2 of 4 -> 0.75.
  CHECK(m.confidence == doctest::Approx(0.75));
  CHECK_FALSE(m.ended_waiting);
}

TEST_CASE("roles: a chain that can open does so when the input ends") {
  Harness h({kFencing});
  h.Feed(Rec(kT0, 10, Component::kZkfc, Level::kError, "org.apache.hadoop.ha.NodeFencer",
             "Unable to fence service by any configured method."),
         kNn1);
  h.engine().Finish();
  REQUIRE(h.matches().size() == 1);
  CHECK(h.matches()[0].ended_waiting);
}

TEST_CASE("roles: corroborating steps alone open nothing") {
  Harness h({kFencing});
  h.Feed(Rec(kT0, 10, Component::kZkfc, Level::kWarn, "org.apache.hadoop.ha.NodeFencer",
             "Should fence: NameNode at nn1/10.0.0.11:8020"),
         kNn1);
  h.engine().Finish();
  CHECK(h.matches().empty());
}

TEST_CASE("roles: a later corroborating step alone does not open, the decisive one missing") {
  Harness h({kHead + R"toml(
[[steps]]
name = "timeout"
role = "decisive"
message = 'Closing connection to peer due to transaction timeout'

[[steps]]
name = "goodbye"
role = "corroborating"
message = 'GOODBYE'
within = "2s"
)toml"});
  h.Feed(Rec(kT0, 1, Component::kZk, Level::kWarn, kLearner, "******* GOODBYE /10.0.0.2:41234"),
         kZk3);
  h.engine().Finish();
  CHECK(h.matches().empty());
  REQUIRE(h.engine().half_matches().size() == 1);
  CHECK(h.engine().half_matches()[0].missing == std::vector<std::string>{"timeout"});
}

// An election that does not settle: the LOOKING line may be cut from the excerpt.
const std::string kElection = kHead + R"toml(
[[steps]]
name = "looking"
role = "corroborating"
message = 'LOOKING'

[[steps]]
name = "timeouts"
role = "decisive"
message = 'Notification time out: (?P<ms>\d+)'
count = 3
within = "60s"
)toml";

TEST_CASE("roles: a count step may open a match when the steps before it are missing") {
  Harness h({kElection});
  for (int i = 0; i < 3; ++i) {
    h.Feed(Rec(kT0 + i * 10 * kSecond, 10 + i, Component::kZk, Level::kInfo, "FastLeaderElection",
               "Notification time out: 3200"),
           kZk3);
  }
  h.engine().Finish();
  REQUIRE(h.matches().size() == 1);
  CHECK(h.matches()[0].steps[0].occurrences == 3);
  CHECK(h.matches()[0].missing == std::vector<std::string>{"looking"});

  Harness sparse({kElection});
  for (int i = 0; i < 3; ++i) {  // 40 s apart: never three in a minute
    sparse.Feed(Rec(kT0 + i * 40 * kSecond, 10 + i, Component::kZk, Level::kInfo,
                    "FastLeaderElection", "Notification time out: 3200"),
                kZk3);
  }
  sparse.engine().Finish();
  CHECK(sparse.matches().empty());
}

const std::string kDown = kHead + R"toml(
[[steps]]
name = "refused"
role = "decisive"
message = 'Connection refused'

[[steps]]
name = "not_responding"
role = "corroborating"
message = 'SERVICE_NOT_RESPONDING'
within = "2s"

[[steps]]
name = "back"
message = 'SERVICE_HEALTHY'
within = "2m"
absent = true
)toml";

TEST_CASE("roles: a partial chain before an absent step waits for the absence window") {
  Record refused = Rec(kT0, 1, Component::kZkfc, Level::kWarn, "HealthMonitor",
                       "Transport-level exception: Connection refused");
  Record healthy = Rec(kT0 + 30 * kSecond, 3, Component::kZkfc, Level::kInfo, "HealthMonitor",
                       "Entering state SERVICE_HEALTHY");
  Record later = Rec(kT0 + 5 * kMinute, 4, Component::kZkfc, Level::kInfo, "HealthMonitor", "x");
  SUBCASE("it never came back: the incident opens when the window passes") {
    Harness h({kDown});
    h.Feed(refused, kNn1);
    h.Feed(later, kNn1);
    h.engine().Finish();
    REQUIRE(h.matches().size() == 1);
    CHECK(h.matches()[0].absence);
    CHECK(h.matches()[0].missing == std::vector<std::string>{"not_responding"});
  }
  SUBCASE("it came back after the corroborating step was overdue: no incident") {
    Harness h({kDown});
    h.Feed(refused, kNn1);
    h.Feed(healthy, kNn1);
    h.Feed(later, kNn1);
    h.engine().Finish();
    CHECK(h.matches().empty());
  }
  SUBCASE("it came back while the corroborating step was still awaited: no incident") {
    Harness h({kDown});
    h.Feed(refused, kNn1);
    Record quick = healthy;
    quick.instant = kT0 + kSecond;
    h.Feed(quick, kNn1);
    h.Feed(later, kNn1);
    h.engine().Finish();
    CHECK(h.matches().empty());
  }
}

TEST_CASE("roles: one record is never two steps of one chain") {
  // Both steps match the same words: the second needs a second record.
  Harness h({kHead + R"toml(
[[steps]]
name = "first"
role = "decisive"
message = 'Too many connections from (?P<ip>\S+)'

[[steps]]
name = "more"
role = "corroborating"
message = 'Too many connections from (?P<ip>\S+)'
within = "60s"
same = ["ip"]
)toml"});
  h.Feed(Rec(kT0, 1, Component::kZk, Level::kWarn, "NIOServerCnxnFactory",
             "Too many connections from /10.0.0.9 - max is 60"),
         kZk3);
  h.engine().Finish();
  REQUIRE(h.matches().size() == 1);
  CHECK(h.matches()[0].steps.size() == 1);
  CHECK(h.matches()[0].missing == std::vector<std::string>{"more"});
}

TEST_CASE("roles: a capture key held only by a missing step does not drop the chain") {
  Harness h({kHead + R"toml(
[[steps]]
name = "should_fence"
role = "corroborating"
message = 'Should fence: (?P<target>.+)'

[[steps]]
name = "method"
role = "corroborating"
message = 'Fencing method (?P<method>\S+) was unsuccessful'
within = "2m"

[[steps]]
name = "failed"
role = "decisive"
message = 'Unable to fence (?P<target>.+?) by any configured method'
within = "2m"
same = ["host", "target"]

[[steps]]
name = "gave_up"
role = "corroborating"
message = 'Caught an exception, giving up'
within = "1s"
)toml"});
  // "Should fence: ..." (the step holding `target`) was cut from the excerpt.
  h.Feed(Rec(kT0 - kSecond, 1, Component::kZkfc, Level::kError, "NodeFencer",
             "Fencing method org.apache.hadoop.ha.SshFenceByTcpPort(null) was unsuccessful."),
         kNn1);
  h.Feed(Rec(kT0, 2, Component::kZkfc, Level::kError, "NodeFencer",
             "Unable to fence service by any configured method."),
         kNn1);
  h.Feed(Rec(kT0 + 1000, 3, Component::kZkfc, Level::kWarn, "ActiveStandbyElector",
             "Caught an exception, giving up"),
         kNn1);
  h.engine().Finish();
  REQUIRE(h.matches().size() == 1);
  CHECK(h.matches()[0].steps.size() == 3);
  CHECK(h.matches()[0].missing == std::vector<std::string>{"should_fence"});
}

TEST_CASE("roles: a chain matched in a log without time is less certain; a single line is not") {
  Harness h({kSeed, kHead + R"toml(
[[steps]]
message = 'Got a fatal error, exiting now'
)toml"});
  Record timeout = Timeout(kT0), fatal = Fatal(kT0 + 2 * kMilli);
  timeout.flags |= kOrderOnly;
  fatal.flags |= kOrderOnly;
  h.Feed(timeout, kZk3);
  h.Feed(fatal, kNn1);
  h.engine().Finish();
  REQUIRE(h.matches().size() == 2);
  for (const Match& m : h.matches()) {
    CHECK(m.steps.front().order_only);
    // The chain: 0.9 for the missing elector line, then 0.8 for its windows unknown.
    double want = m.rule == h.rule(0) ? 0.9 * 0.8 : 1.0;
    CHECK(m.confidence == doctest::Approx(want));
  }
}

TEST_CASE("roles: what the record does not say does not reject it") {
  // A foreign layout: no logger, no level, component unknown.
  Record r = Rec(kT0, 1, Component::kOther, Level::kUnknown, "",
                 "Closing connection to peer due to transaction timeout.");
  r.logger = Span{};
  const SourceInfo pasted = Source("pasted.txt", "pasted", Component::kOther);
  Harness h({kHead + R"toml(
[[steps]]
component = "zk"
level = "warn"
logger = 'LearnerHandler$'
message = 'Closing connection to peer due to transaction timeout'
)toml"});
  h.Feed(r, pasted);
  // A known, different component still rejects.
  h.Feed(Rec(kT0 + kSecond, 2, Component::kZkfc, Level::kWarn, "LearnerHandler",
             "Closing connection to peer due to transaction timeout."),
         kNn1);
  h.engine().Finish();
  REQUIRE(h.matches().size() == 1);
  CHECK(h.matches()[0].steps[0].source == "pasted.txt");
  // Taken on its message alone: less certain than a record whose fields agreed.
  CHECK(h.matches()[0].steps[0].assumed);
  CHECK(h.matches()[0].confidence == doctest::Approx(0.8));
}

TEST_CASE("roles: part selects the message or the continuation lines") {
  Harness h({kHead + R"toml(
[[steps]]
name = "cause"
part = "continuation"
message = 'SocketTimeoutException: (?P<why>[^\n]+)'
)toml"});
  // The words in the header line do not count for part = "continuation".
  h.Feed(Rec(kT0, 1, Component::kZk, Level::kWarn, kLearner,
             "java.net.SocketTimeoutException: Read timed out"),
         kZk3);
  h.Feed(Rec(kT0 + kSecond, 2, Component::kZk, Level::kWarn, kLearner,
             "Unexpected exception causing shutdown while sock still open", -1,
             "java.net.SocketTimeoutException: Read timed out"),
         kZk3);
  h.engine().Finish();
  REQUIRE(h.matches().size() == 1);
  CHECK(h.matches()[0].steps[0].line == 2);
  CHECK(h.matches()[0].steps[0].captures.at("why") == "Read timed out");
}

TEST_CASE("roles: loader rejects a rule of corroborating steps only and a role on absent") {
  std::vector<RuleDiagnostic> diagnostics;
  Rule rule;
  CHECK_FALSE(LoadRule(kHead + "[[steps]]\nrole = \"corroborating\"\nmessage = 'x'\n", "r.toml",
                       "r", &rule, &diagnostics));
  REQUIRE(!diagnostics.empty());
  CHECK(diagnostics[0].message.find("at least one must be decisive or required") !=
        std::string::npos);
  diagnostics.clear();
  Rule typo;
  CHECK_FALSE(LoadRule(kHead + "[[steps]]\nrole = \"decisve\"\nmessage = 'x'\n", "r.toml", "r",
                       &typo, &diagnostics));
  REQUIRE(!diagnostics.empty());
  CHECK(diagnostics[0].message.find("did you mean 'decisive'") != std::string::npos);
  diagnostics.clear();
  Rule absent;
  CHECK_FALSE(LoadRule(kHead +
                           "[[steps]]\nmessage = 'x'\n[[steps]]\nmessage = 'y'\nwithin = \"1s\"\n"
                           "absent = true\nrole = \"decisive\"\n",
                       "r.toml", "r", &absent, &diagnostics));
}

}  // namespace
}  // namespace faultline
