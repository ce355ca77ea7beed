#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "parsers/registry.h"
#include "parsers/timestamp.h"

namespace faultline {
namespace {

const Parser& Zk() { return ZooKeeperLogParser(); }

std::string_view VariantName(const Header& h) { return Zk().Variants()[h.variant]; }

// 2019-09-17 05:04:12 UTC as seconds since the epoch, computed independently of the parser.
constexpr int64_t k20190917T050412 = 1568696652;

TEST_CASE("zookeeper: variants") {
  CHECK(Zk().Name() == "zookeeper");
  REQUIRE(Zk().Variants().size() == 3);
  CHECK(Zk().Variants()[0] == "myid");
  CHECK(Zk().Variants()[1] == "empty-myid");
  CHECK(Zk().Variants()[2] == "no-myid");
}

TEST_CASE("zookeeper: log4j 3.4/3.5 with [myid:3]") {
  std::string_view line =
      "2019-09-17 05:04:12,043 [myid:3] - WARN  [QuorumPeer[myid=3]/0.0.0.0:2181:"
      "LearnerHandler@702] - Closing connection to peer due to transaction timeout.";
  Header h;
  Miss miss;
  REQUIRE(Zk().ParseHeader(line, &h, &miss));
  CHECK(VariantName(h) == "myid");
  CHECK(h.local == k20190917T050412 * 1'000'000 + 43'000);
  CHECK(h.precision == 3);
  CHECK_FALSE(h.has_offset);
  CHECK(h.level == Level::kWarn);
  CHECK(h.myid == 3);
  CHECK(h.thread == "QuorumPeer[myid=3]/0.0.0.0:2181");
  CHECK(h.logger == "LearnerHandler");
  CHECK(h.code_line == 702);
  CHECK(h.message == "Closing connection to peer due to transaction timeout.");
}

TEST_CASE("zookeeper: no myid prefix (Debian 12 zookeeper 3.8)") {
  std::string_view line =
      "2023-03-01 10:00:00,001 - INFO  [main:QuorumPeerConfig@174] - Reading configuration "
      "from: /etc/zookeeper/conf/zoo.cfg";
  Header h;
  Miss miss;
  REQUIRE(Zk().ParseHeader(line, &h, &miss));
  CHECK(VariantName(h) == "no-myid");
  CHECK(h.local == 1677664800LL * 1'000'000 + 1'000);
  CHECK(h.level == Level::kInfo);
  CHECK(h.myid == -1);
  CHECK(h.thread == "main");
  CHECK(h.logger == "QuorumPeerConfig");
  CHECK(h.code_line == 174);
  CHECK(h.message == "Reading configuration from: /etc/zookeeper/conf/zoo.cfg");
}

TEST_CASE("zookeeper: empty [myid:]") {
  std::string_view line =
      "2023-03-01 10:00:00,001 [myid:] - INFO  [main:o.a.z.s.q.QuorumPeerConfig@177] - Reading "
      "configuration from: /etc/zookeeper/conf/zoo.cfg";
  Header h;
  Miss miss;
  REQUIRE(Zk().ParseHeader(line, &h, &miss));
  CHECK(VariantName(h) == "empty-myid");
  CHECK(h.myid == -1);
  CHECK(h.thread == "main");
  CHECK(h.logger == "o.a.z.s.q.QuorumPeerConfig");
  CHECK(h.code_line == 177);
  CHECK(h.message == "Reading configuration from: /etc/zookeeper/conf/zoo.cfg");
}

TEST_CASE("zookeeper: logback 3.6+ abbreviated logger") {
  std::string_view line =
      "2023-03-01 10:00:05,120 [myid:1] - INFO  [QuorumPeer[myid=1](plain=[0:0:0:0:0:0:0:0]:2181)"
      "(secure=disabled):o.a.z.s.q.Leader@1481] - LEADING - LEADER ELECTION TOOK - 232 MS";
  Header h;
  Miss miss;
  REQUIRE(Zk().ParseHeader(line, &h, &miss));
  CHECK(VariantName(h) == "myid");
  CHECK(h.local == 1677664805LL * 1'000'000 + 120'000);
  CHECK(h.myid == 1);
  CHECK(h.thread == "QuorumPeer[myid=1](plain=[0:0:0:0:0:0:0:0]:2181)(secure=disabled)");
  CHECK(h.logger == "o.a.z.s.q.Leader");
  CHECK(h.code_line == 1481);
  CHECK(h.message == "LEADING - LEADER ELECTION TOOK - 232 MS");
}

TEST_CASE("zookeeper: thread names") {
  struct Row {
    std::string_view line, thread, logger;
    int code_line;
    std::string_view message;
  };
  const Row rows[] = {
      {"2019-09-17 05:04:12,051 [myid:3] - ERROR [LearnerHandler-/10.0.0.3:41234:"
       "LearnerHandler@648] - Unexpected exception causing shutdown while sock still open",
       "LearnerHandler-/10.0.0.3:41234", "LearnerHandler", 648,
       "Unexpected exception causing shutdown while sock still open"},
      {"2019-09-17 05:04:12,051 [myid:3] - INFO  [ProcessThread(sid:3 cport:-1)::"
       "PrepRequestProcessor@138] - PrepRequestProcessor (sid:3) started, reconfigEnabled=false",
       "ProcessThread(sid:3 cport:-1):", "PrepRequestProcessor", 138,
       "PrepRequestProcessor (sid:3) started, reconfigEnabled=false"},
      {"2019-09-17 05:04:12,051 [myid:3] - INFO  [QuorumPeer[myid=3](plain=[0:0:0:0:0:0:0:0]:2181)"
       "(secure=disabled):o.a.z.s.q.QuorumPeer@1374] - LOOKING",
       "QuorumPeer[myid=3](plain=[0:0:0:0:0:0:0:0]:2181)(secure=disabled)", "o.a.z.s.q.QuorumPeer",
       1374, "LOOKING"},
      {"2019-09-17 05:04:12,051 [myid:3] - INFO  [NIOServerCxnFactory.AcceptThread:"
       "0.0.0.0/0.0.0.0:2181:o.a.z.s.NIOServerCnxnFactory$AcceptThread@296] - Accepted socket",
       "NIOServerCxnFactory.AcceptThread:0.0.0.0/0.0.0.0:2181",
       "o.a.z.s.NIOServerCnxnFactory$AcceptThread", 296, "Accepted socket"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.line);
    Header h;
    Miss miss;
    REQUIRE(Zk().ParseHeader(row.line, &h, &miss));
    CHECK(h.thread == row.thread);
    CHECK(h.logger == row.logger);
    CHECK(h.code_line == row.code_line);
    CHECK(h.message == row.message);
    CHECK(h.myid == 3);
  }
}

TEST_CASE("zookeeper: myid from the thread name") {
  SUBCASE("no prefix") {
    std::string_view line =
        "2015-07-29 17:41:44,747 - INFO  [QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:"
        "FastLeaderElection@774] - Notification time out: 3200";
    Header h;
    Miss miss;
    REQUIRE(Zk().ParseHeader(line, &h, &miss));
    CHECK(VariantName(h) == "no-myid");
    CHECK(h.local == 1438191704LL * 1'000'000 + 747'000);
    CHECK(h.myid == 1);
    CHECK(h.thread == "QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181");
    CHECK(h.logger == "FastLeaderElection");
    CHECK(h.code_line == 774);
  }
  SUBCASE("empty prefix") {
    std::string_view line =
        "2023-03-01 10:00:05,120 [myid:] - INFO  [QuorumPeer[myid=12](plain=[0:0:0:0:0:0:0:0]:"
        "2181)(secure=disabled):o.a.z.s.q.QuorumPeer@1374] - LOOKING";
    Header h;
    Miss miss;
    REQUIRE(Zk().ParseHeader(line, &h, &miss));
    CHECK(VariantName(h) == "empty-myid");
    CHECK(h.myid == 12);
  }
  SUBCASE("prefix wins over the thread") {
    std::string_view line =
        "2023-03-01 10:00:05,120 [myid:2] - INFO  [QuorumPeer[myid=7]/0.0.0.0:2181:"
        "QuorumPeer@1374] - LOOKING";
    Header h;
    Miss miss;
    REQUIRE(Zk().ParseHeader(line, &h, &miss));
    CHECK(h.myid == 2);
  }
  SUBCASE("no myid anywhere resets an earlier value") {
    Header h;
    h.myid = 9;
    Miss miss;
    REQUIRE(Zk().ParseHeader(
        "2023-03-01 10:00:05,120 - INFO  [SyncThread:0:FileTxnLog@284] - Creating new log file", &h,
        &miss));
    CHECK(h.myid == -1);
    CHECK(h.thread == "SyncThread:0");
    CHECK(h.logger == "FileTxnLog");
  }
}

TEST_CASE("zookeeper: empty message") {
  SUBCASE("trailing space") {
    std::string_view line = "2023-03-01 10:00:00,000 [myid:] - INFO  [main:ZookeeperBanner@42] - ";
    Header h;
    Miss miss;
    REQUIRE(Zk().ParseHeader(line, &h, &miss));
    CHECK(h.thread == "main");
    CHECK(h.logger == "ZookeeperBanner");
    CHECK(h.code_line == 42);
    CHECK(h.message == "");
  }
  SUBCASE("trailing space trimmed") {
    std::string_view line = "2023-03-01 10:00:00,000 [myid:] - INFO  [main:ZookeeperBanner@42] -";
    Header h;
    Miss miss;
    REQUIRE(Zk().ParseHeader(line, &h, &miss));
    CHECK(h.thread == "main");
    CHECK(h.logger == "ZookeeperBanner");
    CHECK(h.code_line == 42);
    CHECK(h.message == "");
  }
}

TEST_CASE("zookeeper: message containing the bracket separator") {
  std::string_view line =
      "2023-03-01 10:00:00,000 [myid:1] - WARN  [main:Foo@7] - value [x] - y @3] - z";
  Header h;
  Miss miss;
  REQUIRE(Zk().ParseHeader(line, &h, &miss));
  CHECK(h.thread == "main");
  CHECK(h.logger == "Foo");
  CHECK(h.code_line == 7);
  CHECK(h.message == "value [x] - y @3] - z");
}

TEST_CASE("zookeeper: all levels") {
  struct Row {
    std::string_view word;
    Level level;
  };
  const Row rows[] = {{"TRACE", Level::kTrace}, {"DEBUG", Level::kDebug}, {"INFO ", Level::kInfo},
                      {"WARN ", Level::kWarn},  {"ERROR", Level::kError}, {"FATAL", Level::kFatal}};
  for (const Row& row : rows) {
    std::string line =
        "2023-03-01 10:00:00,000 [myid:1] - " + std::string(row.word) + " [main:Foo@1] - m";
    CAPTURE(line);
    Header h;
    Miss miss;
    REQUIRE(Zk().ParseHeader(line, &h, &miss));
    CHECK(LevelName(h.level) == LevelName(row.level));
  }
}

TEST_CASE("zookeeper: rejections") {
  struct Row {
    std::string_view line;
    int column;
    std::string_view why;
  };
  const Row rows[] = {
      // A Hadoop line.
      {"2019-09-17 05:04:12,618 FATAL org.apache.hadoop.hdfs.tools.DFSZKFailoverController: Got "
       "a fatal error, exiting now",
       24, "expected '[myid:' or '- ' after the time"},
      {"\tat org.apache.zookeeper.server.NIOServerCnxn.doIO(NIOServerCnxn.java:228)", 0,
       "no ISO8601 timestamp"},
      {"2019-09-17T05:04:12,043 [myid:3] - INFO  [main:Foo@1] - m", 10, "no ISO8601 timestamp"},
      {"2019-09-17 05:04:12,043", 23, "expected ' ' after the time"},
      {"2019-09-17 05:04:12,043 [myid:3 - INFO  m", 24, "unclosed [myid:"},
      {"2019-09-17 05:04:12,043 [myid:x] - INFO  [main:Foo@1] - m", 30, "myid is not a number"},
      {"2019-09-17 05:04:12,043 [myid:3] INFO  [main:Foo@1] - m", 32, "expected ' - ' after myid"},
      {"2019-09-17 05:04:12,043 [myid:3] - WARNING [main:Foo@1] - m", 35,
       "expected a log4j level (INFO, WARN, ...)"},
      {"2019-09-17 05:04:12,043 [myid:3] - INFO  main:Foo@1 - m", 41,
       "expected '[thread:Class@line]'"},
      {"2019-09-17 05:04:12,043 [myid:3] - INFO  [main:Foo@1] m", 42,
       "no '] - ' closing the thread:Class@line bracket"},
      {"2019-09-17 05:04:12,043 [myid:3] - INFO  [main:Foo] - m", 42, "no '@line' in the bracket"},
      {"2019-09-17 05:04:12,043 [myid:3] - INFO  [Foo@1] - m", 42, "no ':' before Class@line"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.line);
    Header h;
    Miss miss;
    CHECK_FALSE(Zk().ParseHeader(row.line, &h, &miss));
    CHECK(miss.column == row.column);
    CHECK(std::string_view(miss.why) == row.why);
  }
}

}  // namespace
}  // namespace faultline
