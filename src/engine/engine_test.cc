#include "src/engine/engine.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/registry.h"
#include "src/base/reporter.h"
#include "src/engine/engine_test_util.h"
#include "src/engine/explain.h"
#include "src/engine/rule_loader.h"
#include "src/store/parsed_source.h"
#include "src/store/test_lines.h"

namespace faultline {
namespace {

using namespace engine_test;  // NOLINT: the shared test vocabulary

TEST_CASE("engine: a two-step sequence within its window fires with its evidence") {
  Harness h({kSequence});
  REQUIRE(h.engine().ok());
  h.Feed(Rec(kT0 - 2 * kSecond, 118, Component::kZk, Level::kInfo, kLearner,
             "Synchronizing with Follower sid: 2", 3),
         kZk3);
  h.Feed(Rec(kT0, 120, Component::kZk, Level::kWarn, kLearner, kTimeoutText, 3), kZk3);
  // Below the step's level: not the elector step.
  h.Feed(Rec(kT0 + 257 * kMilli, 39, Component::kZkfc, Level::kInfo, kElector, kStatError), kNn1);
  CHECK(h.matches().empty());
  h.Feed(Rec(kT0 + 575 * kMilli, 41, Component::kZkfc, Level::kFatal, kElector, kStatError, -1,
             "org.apache.zookeeper.KeeperException$ConnectionLossException: KeeperErrorCode"),
         kNn1);
  REQUIRE(h.matches().size() == 1);
  const Match& m = h.matches()[0];
  CHECK(m.rule == h.rule(0));
  CHECK_FALSE(m.absence);
  CHECK_FALSE(m.window_open_at_end);
  CHECK(m.context.empty());
  CHECK(m.first == kT0);
  CHECK(m.last == kT0 + 575 * kMilli);
  REQUIRE(m.steps.size() == 2);

  const Evidence& timeout = m.steps[0];
  CHECK(timeout.name == "timeout");
  CHECK(timeout.instant == kT0);
  CHECK(timeout.source == "zk3/zookeeper.log");
  CHECK(timeout.line == 120);
  CHECK(timeout.host == "zk3");
  CHECK(timeout.component == Component::kZk);
  CHECK(timeout.level == Level::kWarn);
  CHECK(timeout.myid == 3);
  CHECK(timeout.header == "WARN [main] org.apache.zookeeper.server.quorum.LearnerHandler: " +
                              std::string(kTimeoutText));
  CHECK(timeout.first_continuation == "");
  CHECK(timeout.message == kTimeoutText);
  CHECK(timeout.captures.empty());
  CHECK(timeout.session == "");
  CHECK(timeout.occurrences == 1);

  const Evidence& elector = m.steps[1];
  CHECK(elector.name == "elector");
  CHECK(elector.instant == kT0 + 575 * kMilli);
  CHECK(elector.source == "hadoop-hdfs-zkfc-nn1.log");
  CHECK(elector.line == 41);
  CHECK(elector.host == "nn1");
  CHECK(elector.component == Component::kZkfc);
  CHECK(elector.level == Level::kFatal);
  CHECK(elector.myid == -1);
  CHECK(elector.message == kStatError);
  CHECK(elector.first_continuation ==
        "org.apache.zookeeper.KeeperException$ConnectionLossException: KeeperErrorCode");
  CHECK(elector.captures ==
        std::map<std::string, std::string>{{"code", "CONNECTIONLOSS"}, {"op", "stat"}});

  CHECK(elector.instant - timeout.instant == 575 * kMilli);
  CHECK(ExpandTemplate("{timeout.source} -> {elector.source}, {delta.timeout.elector} later: "
                       "{elector.code}",
                       m, h.config()) ==
        "zk3/zookeeper.log:120 -> hadoop-hdfs-zkfc-nn1.log:41, 575ms later: CONNECTIONLOSS");
  CHECK(h.engine().near_misses().empty());
  CHECK(h.engine().records_seen() == 4);
  CHECK(h.engine().last_instant() == kT0 + 575 * kMilli);

  h.engine().Finish();
  CHECK(h.matches().size() == 1);
}

TEST_CASE("engine: the window end is inclusive") {
  Harness h({kSequence});
  h.Feed(Rec(kT0, 120, Component::kZk, Level::kWarn, kLearner, kTimeoutText, 3), kZk3);
  h.Feed(Rec(kT0 + 30 * kSecond, 41, Component::kZkfc, Level::kError, kElector, kStatError), kNn1);
  REQUIRE(h.matches().size() == 1);
  CHECK(h.matches()[0].steps[1].instant - h.matches()[0].steps[0].instant == 30 * kSecond);

  Harness late({kSequence});
  late.Feed(Rec(kT0, 120, Component::kZk, Level::kWarn, kLearner, kTimeoutText, 3), kZk3);
  late.Feed(Rec(kT0 + 30 * kSecond + 1 * kMilli, 41, Component::kZkfc, Level::kError, kElector,
                kStatError),
            kNn1);
  late.engine().Finish();
  CHECK(late.matches().empty());
  REQUIRE(late.engine().near_misses().size() == 1);
  CHECK(late.engine().near_misses()[0].gap == 30 * kSecond + 1 * kMilli);
}

TEST_CASE("engine: a step with at_least matches only when its first record comes late") {
  std::string rule = std::string(kSequence) + "at_least = \"tickTime * 2\"\n";
  Harness late({rule});  // tickTime at its default, 2000 ms
  REQUIRE(late.engine().ok());
  late.Feed(Rec(kT0, 120, Component::kZk, Level::kWarn, kLearner, kTimeoutText, 3), kZk3);
  late.Feed(Rec(kT0 + 4000 * kMilli, 41, Component::kZkfc, Level::kError, kElector, kStatError),
            kNn1);
  REQUIRE(late.matches().size() == 1);
  CHECK(late.matches()[0].steps[1].line == 41);

  // 3.999 s: sooner than tickTime × 2, so the chain is not this rule's, even when more follows.
  Harness soon({rule});
  soon.Feed(Rec(kT0, 120, Component::kZk, Level::kWarn, kLearner, kTimeoutText, 3), kZk3);
  soon.Feed(Rec(kT0 + 3999 * kMilli, 40, Component::kZkfc, Level::kError, kElector, kStatError),
            kNn1);
  soon.Feed(Rec(kT0 + 5000 * kMilli, 41, Component::kZkfc, Level::kError, kElector, kStatError),
            kNn1);
  soon.engine().Finish();
  CHECK(soon.matches().empty());
}

TEST_CASE("engine: without at_least a record stamped before the previous step does not drop it") {
  // Beyond the reorder window a late-arriving line can carry an earlier time; it must not cost
  // the chain its later, proper record.
  Harness h({kSequence});
  h.Feed(Rec(kT0, 120, Component::kZk, Level::kWarn, kLearner, kTimeoutText, 3), kZk3);
  h.Feed(Rec(kT0 - 1 * kSecond, 40, Component::kZkfc, Level::kError, kElector, kStatError), kNn1);
  CHECK(h.matches().empty());
  h.Feed(Rec(kT0 + 1 * kSecond, 41, Component::kZkfc, Level::kError, kElector, kStatError), kNn1);
  REQUIRE(h.matches().size() == 1);
  CHECK(h.matches()[0].steps[1].line == 41);
}

TEST_CASE("engine: a later step logged in the same millisecond but merged first still matches") {
  Harness h({kSequence});
  // nn1's line sorts before zk3's at the same instant.
  h.Feed(Rec(kT0, 41, Component::kZkfc, Level::kError, kElector, kStatError), kNn1);
  CHECK(h.matches().empty());
  h.Feed(Rec(kT0, 120, Component::kZk, Level::kWarn, kLearner, kTimeoutText, 3), kZk3);
  REQUIRE(h.matches().size() == 1);
  CHECK(h.matches()[0].steps[1].line == 41);
  // One millisecond earlier is not the same instant: no match.
  Harness before({kSequence});
  before.Feed(Rec(kT0 - kMilli, 41, Component::kZkfc, Level::kError, kElector, kStatError), kNn1);
  before.Feed(Rec(kT0, 120, Component::kZk, Level::kWarn, kLearner, kTimeoutText, 3), kZk3);
  before.engine().Finish();
  CHECK(before.matches().empty());
}

TEST_CASE("engine: at_least not shorter than within is an error") {
  std::string rule = std::string(kSequence) + "at_least = \"tickTime * 15\"\n";  // 30 s
  Rule loaded;
  std::vector<RuleDiagnostic> diagnostics;
  REQUIRE(LoadRule(rule, "r.toml", "r", &loaded, &diagnostics));
  Engine engine({&loaded}, ConfigValues());
  CHECK_FALSE(engine.ok());
  CHECK(engine.error() ==
        "r: step 'elector': at_least (tickTime * 15) is not shorter than within (30s) with this "
        "configuration");
}

TEST_CASE("engine: an at_least step logged just before the step ahead of it is too soon too") {
  // Two servers log in the same millisecond, or the follower a little earlier: what counts is
  // that it noticed within the time, not the order the files were merged in.
  std::string rule = std::string(kSequence) + "at_least = \"tickTime * 2\"\n";
  Harness h({rule});
  h.Feed(Rec(kT0 - 10 * kMilli, 40, Component::kZkfc, Level::kError, kElector, kStatError), kNn1);
  h.Feed(Rec(kT0, 120, Component::kZk, Level::kWarn, kLearner, kTimeoutText, 3), kZk3);
  // A later one, past tickTime × 2, does not make the chain this rule's.
  h.Feed(Rec(kT0 + 5000 * kMilli, 41, Component::kZkfc, Level::kError, kElector, kStatError), kNn1);
  h.engine().Finish();
  CHECK(h.matches().empty());

  // Long before (more than tickTime × 2): not a reason to drop it.
  Harness early({rule});
  early.Feed(Rec(kT0 - 4001 * kMilli, 40, Component::kZkfc, Level::kError, kElector, kStatError),
             kNn1);
  early.Feed(Rec(kT0, 120, Component::kZk, Level::kWarn, kLearner, kTimeoutText, 3), kZk3);
  early.Feed(Rec(kT0 + 5000 * kMilli, 41, Component::kZkfc, Level::kError, kElector, kStatError),
             kNn1);
  REQUIRE(early.matches().size() == 1);
  CHECK(early.matches()[0].steps[1].line == 41);
}

TEST_CASE("engine: outside the window there is no match but a near miss") {
  Harness h({kSequence});
  h.Feed(Rec(kT0, 120, Component::kZk, Level::kWarn, kLearner, kTimeoutText, 3), kZk3);
  h.Feed(Rec(kT0 + 10 * kSecond, 50, Component::kZkfc, Level::kInfo, kElector, "unrelated"), kNn1);
  h.Feed(Rec(kT0 + 45 * kSecond, 60, Component::kZkfc, Level::kFatal, kElector, kStatError), kNn1);
  h.engine().Finish();
  CHECK(h.matches().empty());
  REQUIRE(h.engine().near_misses().size() == 1);
  const NearMiss& miss = h.engine().near_misses()[0];
  CHECK(miss.rule == h.rule(0));
  CHECK(miss.from.name == "timeout");
  CHECK(miss.from.source == "zk3/zookeeper.log");
  CHECK(miss.from.line == 120);
  CHECK(miss.to.name == "elector");
  CHECK(miss.to.source == "hadoop-hdfs-zkfc-nn1.log");
  CHECK(miss.to.line == 60);
  CHECK(miss.to.captures.at("code") == "CONNECTIONLOSS");
  CHECK(miss.gap == 45 * kSecond);
  CHECK(miss.allowed == 30 * kSecond);
}

TEST_CASE("engine: records parsed from log lines") {
  // The same sequence, from ZooKeeper and Hadoop lines through ParsedSource.
  const std::string rule = kHead + R"toml(
[[steps]]
name = "timeout"
component = "zk"
message = '^Closing connection to peer due to transaction timeout\.?$'

[[steps]]
name = "elector"
component = "zkfc"
message = '^Received (?P<op>stat|create) error from Zookeeper\. code:(?P<code>[A-Z_]+)'
within = "30s"
)toml";
  Harness h({rule});
  SourceInfo zk_info = Source("zk3/zookeeper.log", "zk3", Component::kZk);
  SourceInfo nn_info = Source("hadoop-hdfs-zkfc-nn1.log", "nn1", Component::kZkfc);
  ParsedSource zk(std::make_unique<testing::VectorInput>(std::vector<std::string>{
                      testing::ZkLine("05:04:11,000", "Synchronizing", 3, 50),
                      testing::ZkLine("05:04:12,043", std::string(kTimeoutText), 3, 702),
                  }),
                  &ZooKeeperLogParser(), &zk_info, 0, SourceClock(nullptr, 0), {});
  ParsedSource nn(std::make_unique<testing::VectorInput>(std::vector<std::string>{
                      testing::HadoopLine("05:04:12,618", std::string(kStatError)),
                      "java.io.IOException: boom",
                  }),
                  &HadoopLogParser(), &nn_info, 1, SourceClock(nullptr, 0), {});
  for (ParsedSource* source : {&zk, &nn}) {
    while (Record* r = source->Next()) {
      h.Feed(*r, source->info());
      source->Release(r);
    }
  }
  h.engine().Finish();
  REQUIRE(h.matches().size() == 1);
  const Match& m = h.matches()[0];
  REQUIRE(m.steps.size() == 2);
  CHECK(m.steps[0].source == "zk3/zookeeper.log");
  CHECK(m.steps[0].line == 2);
  CHECK(m.steps[0].myid == 3);
  CHECK(m.steps[0].host == "zk3");
  CHECK(m.steps[0].message == kTimeoutText);
  CHECK(m.steps[1].source == "hadoop-hdfs-zkfc-nn1.log");
  CHECK(m.steps[1].line == 1);
  CHECK(m.steps[1].component == Component::kZkfc);
  CHECK(m.steps[1].first_continuation == "java.io.IOException: boom");
  CHECK(m.steps[1].captures.at("code") == "CONNECTIONLOSS");
  CHECK(m.steps[1].instant - m.steps[0].instant == 575 * kMilli);
  CHECK(ExpandTemplate("{delta.timeout.elector}", m, h.config()) == "575ms");
  // Microsecond times (syslog's short-precise) read to the millisecond in a sentence.
  Match precise = m;
  precise.steps[1].instant = precise.steps[0].instant + 1'973'831;
  CHECK(ExpandTemplate("{delta.timeout.elector}", precise, h.config()) == "1.974s");
  precise.steps[1].instant = precise.steps[0].instant + 9'831;
  CHECK(ExpandTemplate("{delta.timeout.elector}", precise, h.config()) == "9831us");
}

TEST_CASE("engine: a template drops what names evidence the logs lack, clause by clause") {
  Match m;
  Evidence expired;
  expired.name = "expired";
  expired.host = "kafka1";
  m.steps.push_back(expired);
  ConfigValues config;
  // The clause after "; " names the missing step: it goes, the sentence stays.
  CHECK(ExpandTemplate("{expired.host}: expired; lost {delta.lost.expired} before. Next.", m,
                       config) == "kafka1: expired. Next.");
  CHECK(ExpandTemplate("{expired.host}: expired; lost {lost.host}", m, config) ==
        "kafka1: expired");
  // Complete clauses around a missing one are kept.
  CHECK(ExpandTemplate("A {expired.host}; b {lost.host}; c. D.", m, config) == "A kafka1; c. D.");
  // A first clause that lacks a value takes its sentence with it.
  CHECK(ExpandTemplate("Lost on {lost.host}; expired on {expired.host}. Next.", m, config) ==
        "Next.");
}

TEST_CASE("engine: a summary that loses every sentence to missing steps becomes the title") {
  Rule rule;
  rule.title = "A follower lost its leader";
  rule.summary = "{lost.host} lost its leader and went LOOKING {delta.lost.election} later";
  Match m;
  m.rule = &rule;
  Evidence lost;
  lost.name = "lost";
  lost.host = "zk1";
  m.steps.push_back(lost);
  ConfigValues config;
  CHECK(ExpandTemplate(rule.summary, m, config).empty());
  CHECK(ExpandSummary(m, config) == "zk1: A follower lost its leader");
  Evidence election;
  election.name = "election";
  election.host = "zk1";
  election.instant = 2 * kSecond;
  m.steps[0].instant = 0;
  m.steps.push_back(election);
  CHECK(ExpandSummary(m, config) == "zk1 lost its leader and went LOOKING 2s later");
}

TEST_CASE("engine: steps without a message pattern match on their fields") {
  const std::string rule = kHead + R"toml(
[[steps]]
name = "warn"
component = "zk"
level = "warn"

[[steps]]
name = "fatal"
component = "zkfc"
level = "fatal"
within = "5s"
)toml";
  Harness h({rule});
  REQUIRE(h.engine().ok());
  h.Feed(Rec(kT0, 1, Component::kZk, Level::kInfo, "X", "fine"), kZk1);
  h.Feed(Rec(kT0 + 1 * kSecond, 2, Component::kZk, Level::kError, "X", "bad"), kZk1);
  h.Feed(Rec(kT0 + 2 * kSecond, 3, Component::kZkfc, Level::kError, "Y", "worse"), kNn1);
  CHECK(h.matches().empty());
  h.Feed(Rec(kT0 + 3 * kSecond, 4, Component::kZkfc, Level::kFatal, "Y", "worst"), kNn1);
  REQUIRE(h.matches().size() == 1);
  REQUIRE(h.matches()[0].steps.size() == 2);
  CHECK(h.matches()[0].steps[0].line == 2);
  CHECK(h.matches()[0].steps[1].line == 4);
  CHECK(h.matches()[0].steps[1].captures.empty());
}

TEST_CASE("engine: one record can serve several rules") {
  const std::string single = kHead + R"toml(
[[steps]]
name = "elector"
component = "zkfc"
message = 'code:(?P<code>[A-Z_]+)'
)toml";
  Harness h({kSequence, single});
  h.Feed(Rec(kT0, 120, Component::kZk, Level::kWarn, kLearner, kTimeoutText, 3), kZk3);
  h.Feed(Rec(kT0 + 1 * kSecond, 41, Component::kZkfc, Level::kFatal, kElector, kStatError), kNn1);
  REQUIRE(h.matches().size() == 2);
  CHECK(h.matches()[0].rule == h.rule(0));
  CHECK(h.matches()[0].steps.size() == 2);
  CHECK(h.matches()[1].rule == h.rule(1));
  REQUIRE(h.matches()[1].steps.size() == 1);
  CHECK(h.matches()[1].steps[0].line == 41);
  CHECK(h.matches()[1].steps[0].captures.at("code") == "CONNECTIONLOSS");
}

TEST_CASE("engine: records without a time are not fed to the rules") {
  Harness h({kSequence});
  Record timeless = Rec(kT0, 1, Component::kZk, Level::kWarn, kLearner, kTimeoutText, 3);
  timeless.instant = kNoInstant;
  h.Feed(timeless, kZk3);
  h.Feed(Rec(kT0 + 1 * kSecond, 2, Component::kZkfc, Level::kFatal, kElector, kStatError), kNn1);
  h.engine().Finish();
  CHECK(h.matches().empty());
  CHECK(h.engine().records_seen() == 1);
}

TEST_CASE("engine: a window that is no duration with this configuration is an error") {
  const std::string rule = kHead + R"toml(
[[steps]]
message = 'a'

[[steps]]
message = 'b'
within = "tickTime * syncLimit"
)toml";
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              ("faultline-engine-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string path = (dir / "zoo.cfg").string();
  std::ofstream(path) << "tickTime=fast\n";
  Reporter reporter;
  reporter.set_quiet(true);
  ConfigValues config;
  config.LoadFile(path, &reporter);
  std::filesystem::remove_all(dir);
  Harness h({rule}, config);
  CHECK_FALSE(h.engine().ok());
  CHECK(h.engine().error().find("the expression is a number, not a duration") != std::string::npos);
  Harness fine({rule});
  CHECK(fine.engine().ok());
  CHECK(fine.engine().error() == "");
}

TEST_CASE("engine: FindSessionId") {
  CHECK(FindSessionId("Expiring session 0x16d3a4d8b9c0001, timeout of 5000ms exceeded") ==
        "0x16d3a4d8b9c0001");
  CHECK(FindSessionId("sessionid 0x3007672F801A313, closing") == "0x3007672f801a313");
  CHECK(FindSessionId("session 0xABCDEFG") == "0xabcdef");
  CHECK(FindSessionId("exactly six 0x123456") == "0x123456");
  CHECK(FindSessionId("too short 0x12345") == "");
  CHECK(FindSessionId("0x1 then 0x99 then 0xdeadbeef00") == "0xdeadbeef00");
  CHECK(FindSessionId("no id here") == "");
  CHECK(FindSessionId("") == "");
  CHECK(FindSessionId("0x") == "");
}

}  // namespace
}  // namespace faultline
