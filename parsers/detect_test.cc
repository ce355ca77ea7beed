#include "parsers/detect.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/continuation.h"
#include "parsers/infer_layout.h"
#include "parsers/pattern_parser.h"
#include "parsers/registry.h"

namespace faultline {
namespace {

const ParserScore& ScoreOf(const Detection& d, const Parser& parser) {
  for (const ParserScore& score : d.scores) {
    if (score.parser == &parser) return score;
  }
  FAIL("parser has no score");
  return d.scores.front();
}

constexpr std::string_view kZk1 =
    "2019-09-17 05:04:12,043 [myid:3] - WARN  [QuorumPeer[myid=3]/0.0.0.0:2181:"
    "LearnerHandler@702] - Closing connection to peer due to transaction timeout.";
constexpr std::string_view kZk2 =
    "2019-09-17 05:04:12,051 [myid:3] - ERROR [LearnerHandler-/10.0.0.2:41234:"
    "LearnerHandler@648] - Unexpected exception causing shutdown while sock still open";
constexpr std::string_view kHadoop1 =
    "2019-09-17 05:04:10,102 INFO org.apache.hadoop.ha.ActiveStandbyElector: Session "
    "disconnected. Entering neutral mode...";
constexpr std::string_view kHadoop2 =
    "2019-09-17 05:04:12,618 FATAL org.apache.hadoop.hdfs.tools.DFSZKFailoverController: Got a "
    "fatal error, exiting now";
constexpr std::string_view kHadoop3 =
    "2019-09-17 05:04:12,700 INFO org.apache.hadoop.hdfs.tools.DFSZKFailoverController: "
    "SHUTDOWN_MSG:";
constexpr std::string_view kGc =
    "2019-09-17T05:04:12.618+0000: 12.345: [GC pause (G1 Evacuation Pause) (young) 1.2G->0.4G]";

TEST_CASE("detect: scores one entry per parser in registry order") {
  std::vector<std::string_view> lines = {kZk1, kZk2};
  Detection d = DetectFormat(lines);
  REQUIRE(d.scores.size() == AllParsers().size());
  for (size_t i = 0; i < d.scores.size(); ++i) CHECK(d.scores[i].parser == AllParsers()[i]);
  CHECK(d.parser == &ZooKeeperLogParser());
  CHECK(d.lines_examined == 2);
  CHECK(d.continuation_lines == 0);
  CHECK(ScoreOf(d, ZooKeeperLogParser()).headers == 2);
  CHECK(ScoreOf(d, ZooKeeperLogParser()).first_miss_line == 0);
  CHECK(ScoreOf(d, HadoopLogParser()).headers == 0);
  CHECK(ScoreOf(d, HadoopLogParser()).first_miss_line == 1);
  CHECK(ScoreOf(d, GenericLogParser()).headers == 2);
}

TEST_CASE("detect: on equal lines, the layout that reads more fields wins") {
  // java/pipe reads these lines too, but leaves the logger in the message.
  const std::vector<std::string_view> lines = {
      "2024-03-01 10:00:00.123 | WARN  | main | o.a.z.ClientCnxn | Session 0x0 closed",
      "2024-03-01 10:00:01.456 | ERROR | main | o.a.z.ZooKeeper | boom",
  };
  std::string error;
  auto pipe = MakePatternParser("%d{yyyy-MM-dd HH:mm:ss.SSS} | %-5p | %t | %c | %m%n",
                                PatternSyntax::kLog4j, "", "test", &error);
  REQUIRE(pipe != nullptr);
  const Parser* offered[] = {pipe.get()};
  Detection plain = DetectFormat(lines);
  REQUIRE(plain.parser != nullptr);
  CHECK(plain.parser->Name() == "java");
  Detection learnt = DetectFormat(lines, YearHintForPath(nullptr), LearntCandidates{{}, offered});
  CHECK(learnt.parser == pipe.get());
}

TEST_CASE("detect: a file starting with a banner is still hadoop") {
  std::vector<std::string_view> lines = {
      "/************************************************************",
      "STARTUP_MSG: Starting DFSZKFailoverController",
      "STARTUP_MSG:   host = nn1/10.0.0.1",
      "************************************************************/",
      kHadoop1,
      kHadoop2,
      kHadoop3,
  };
  Detection d = DetectFormat(lines);
  CHECK(d.parser == &HadoopLogParser());
  CHECK(d.lines_examined == 7);
  CHECK(d.continuation_lines == 4);
  const ParserScore& hadoop = ScoreOf(d, HadoopLogParser());
  CHECK(hadoop.headers == 3);
  CHECK(hadoop.first_miss_line == 0);
  CHECK(hadoop.first_miss_text == "");
  // The banner does not count as a miss for anyone; the first header line does for ZooKeeper.
  const ParserScore& zk = ScoreOf(d, ZooKeeperLogParser());
  CHECK(zk.headers == 0);
  CHECK(zk.first_miss_line == 5);
  CHECK(zk.first_miss.column == 24);
  CHECK(std::string_view(zk.first_miss.why) == "expected '[myid:' or '- ' after the time");
  CHECK(zk.first_miss_text == kHadoop1);
}

TEST_CASE("detect: a file starting with a stack trace is still zookeeper") {
  std::vector<std::string_view> lines = {
      "java.io.EOFException",
      "\tat java.io.DataInputStream.readInt(DataInputStream.java:392)",
      "\t... 8 more",
      kZk1,
      kZk2,
  };
  Detection d = DetectFormat(lines);
  CHECK(d.parser == &ZooKeeperLogParser());
  CHECK(d.continuation_lines == 3);
  CHECK(ScoreOf(d, ZooKeeperLogParser()).headers == 2);
  CHECK(ScoreOf(d, ZooKeeperLogParser()).first_miss_line == 0);
}

TEST_CASE("detect: mixed lines") {
  SUBCASE("more hadoop headers win") {
    std::vector<std::string_view> lines = {kZk1, kHadoop1, kHadoop2, kZk2, kHadoop3};
    Detection d = DetectFormat(lines);
    CHECK(d.parser == &HadoopLogParser());
    CHECK(ScoreOf(d, ZooKeeperLogParser()).headers == 2);
    CHECK(ScoreOf(d, HadoopLogParser()).headers == 3);
    CHECK(ScoreOf(d, HadoopLogParser()).first_miss_line == 1);
    CHECK(ScoreOf(d, HadoopLogParser()).first_miss_text == kZk1);
    CHECK(ScoreOf(d, ZooKeeperLogParser()).first_miss_line == 2);
  }
  SUBCASE("a tie goes to the earlier parser") {
    std::vector<std::string_view> lines = {kHadoop1, kZk1, kHadoop2, kZk2};
    Detection d = DetectFormat(lines);
    CHECK(d.parser == &ZooKeeperLogParser());
  }
  SUBCASE("generic wins when it explains more than twice as many lines") {
    std::vector<std::string_view> lines = {kHadoop1, kGc, kGc, kGc};
    Detection d = DetectFormat(lines);
    CHECK(ScoreOf(d, HadoopLogParser()).headers == 1);
    CHECK(ScoreOf(d, GenericLogParser()).headers == 4);
    CHECK(d.parser == &GenericLogParser());
  }
  SUBCASE("exactly twice as many stays specific") {
    std::vector<std::string_view> lines = {kHadoop1, kGc};
    Detection d = DetectFormat(lines);
    CHECK(ScoreOf(d, GenericLogParser()).headers == 2);
    CHECK(d.parser == &HadoopLogParser());
  }
}

TEST_CASE("detect: nothing recognised") {
  std::string long_line(300, 'x');
  std::vector<std::string_view> lines = {
      "\tat java.lang.Thread.run(Thread.java:748)",
      long_line,
      "hello world",
  };
  Detection d = DetectFormat(lines);
  CHECK(d.parser == nullptr);
  CHECK(d.lines_examined == 3);
  CHECK(d.continuation_lines == 1);
  for (const ParserScore& score : d.scores) {
    CAPTURE(score.parser->Name());
    CHECK(score.headers == 0);
    CHECK(score.first_miss_line == 2);
    CHECK(score.first_miss.column == 0);
    CHECK(score.first_miss_text == std::string(200, 'x'));
  }
  CHECK(std::string_view(ScoreOf(d, ZooKeeperLogParser()).first_miss.why) ==
        "no ISO8601 timestamp");
  CHECK(std::string_view(ScoreOf(d, PythonLogParser()).first_miss.why) == "no asctime timestamp");
  CHECK(std::string_view(ScoreOf(d, GenericLogParser()).first_miss.why) ==
        "no timestamp at line start");
}

TEST_CASE("detect: empty input") {
  Detection d = DetectFormat({});
  CHECK(d.parser == nullptr);
  CHECK(d.lines_examined == 0);
  CHECK(d.scores.size() == AllParsers().size());
}

TEST_CASE("detect: DetectLine") {
  struct Row {
    std::string_view line;
    const Parser* parser;
  };
  const Row rows[] = {
      {kZk1, &ZooKeeperLogParser()},
      {"2015-07-29 17:41:44,747 - INFO  [main:Foo@1] - m", &ZooKeeperLogParser()},
      {kHadoop2, &HadoopLogParser()},
      {"2019-09-17 05:04:03,691 INFO kazoo.client Connecting to zk1:2181", &PythonLogParser()},
      {"WARNING:kazoo.client:Connection dropped", &PythonLogParser()},
      {kGc, nullptr},
      {"\tat x", nullptr},
      {"", nullptr},
  };
  for (const Row& row : rows) {
    CAPTURE(row.line);
    Header h;
    CHECK(DetectLine(row.line, &h) == row.parser);
  }
  Header h;
  REQUIRE(DetectLine(kHadoop2, &h) == &HadoopLogParser());
  CHECK(h.level == Level::kFatal);
  CHECK(h.logger == "org.apache.hadoop.hdfs.tools.DFSZKFailoverController");
}

TEST_CASE("detect: StripComposePrefix") {
  struct Row {
    std::string_view input;
    std::string_view service, rest;
  };
  const Row rows[] = {
      {"zk1  | 2019-09-17 05:04:12,043 [myid:1] - INFO  [main:Foo@1] - m", "zk1",
       "2019-09-17 05:04:12,043 [myid:1] - INFO  [main:Foo@1] - m"},
      {"zk-1-1  | hello", "zk-1-1", "hello"},
      {"nn1.example    |   indented", "nn1.example", "  indented"},
      {"monitor |", "monitor", ""},
      {"zk1 |no space", "zk1", "no space"},
      // kubectl logs --prefix: the pod names the source
      {"[pod/zk-0/zookeeper] 2024-05-02 10:11:12,123 x", "zk-0", "2024-05-02 10:11:12,123 x"},
      // docker swarm: service.replica.task@node
      // (testdata/parsers/public-layouts/swarm-service-zk35.log)
      {"solr_zookeeper.2.h0iehfydr7kh@node1    | 2020-09-12 18:28:15,268 x",
       "solr_zookeeper.2.h0iehfydr7kh@node1", "2020-09-12 18:28:15,268 x"},
      // a label before each host's lines (testdata/parsers/public-layouts/dcos-zkfc-label.log)
      {"Namenode-0: 16/11/01 00:01:07 INFO ha.ZKFailoverController: Successfully transitioned",
       "Namenode-0", "16/11/01 00:01:07 INFO ha.ZKFailoverController: Successfully transitioned"},
      // grep -H across files (jepsen-io/maelstrom doc/05-committing.md): the file names the source
      {"store/latest/n2.log:2018-06-07 19:39:07.364446 Commit index now 10", "store/latest/n2.log",
       "2018-06-07 19:39:07.364446 Commit index now 10"},
      // stern and kubetail: "pod container " (bitnami/charts#1522): the pod names the source
      {"mothy-numbat-kafka-0 kafka [2019-10-25 08:17:20,509] INFO Loading logs. "
       "(kafka.log.LogManager)",
       "mothy-numbat-kafka-0",
       "[2019-10-25 08:17:20,509] INFO Loading logs. (kafka.log.LogManager)"},
      // a log router's "host program: " before hclog, which only inference reads
      // (hashicorp/vault#8788): the host names the source
      {"vault-gcp-0 vault: 2020-05-18T15:49:33.428Z [INFO]  core: security barrier not initialized",
       "vault-gcp-0", "2020-05-18T15:49:33.428Z [INFO]  core: security barrier not initialized"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.input);
    std::string_view line = row.input, service;
    REQUIRE(StripComposePrefix(&line, &service));
    CHECK(service == row.service);
    CHECK(line == row.rest);
  }
  const std::string_view not_prefixed[] = {
      "2019-09-17 05:04:12,043 [myid:1] - INFO  [main:Foo@1] - m",
      "zk1| hello",
      "| hello",
      "WARNING:kazoo.client:x",
      "java.io.IOException: 3 errors",
      "zk1: 2 of 3 peers answered",
      "Caused by: 3 errors",
      "\tat x | y",
      "a b | c",
      "[pod/] x",
      "[pod/zk-0] x",
      // two lower-case words before text with no time of its own, or a pod name with no dash
      "mothy-numbat-kafka-0 kafka \tzookeeper.set.acl = false",
      "zookeeper kafka [2019-10-25 08:17:20,509] INFO Loading logs. (kafka.log.LogManager)",
      "",
  };
  for (std::string_view input : not_prefixed) {
    CAPTURE(input);
    std::string_view line = input, service = "unchanged";
    CHECK_FALSE(StripComposePrefix(&line, &service));
    CHECK(line == input);
    CHECK(service == "unchanged");
  }
  // Solr's Admin UI logging table copied as text (apache/solr-operator#385): a level, not a
  // service, before the bar.
  std::string_view table = "WARN | ClientCnxn | Session 0x0 for server zk-1:2181", service;
  CHECK_FALSE(StripComposePrefix(&table, &service));
  // A name that is no log file before ':' and a digit ("java.io.IOException:2 errors") stays whole.
  std::string_view exception = "java.io.IOException:2018-06-07 19:39:07 x";
  CHECK_FALSE(StripComposePrefix(&exception, &service));
}

std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Real output of Debian 12's zookeeper 3.8.0 and python3-kazoo 2.8.0 (testdata/parsers/real-zk38):
// every line is a header of the detected parser or a continuation line, and the header counts
// agree with the RECORDS column of expected-sources.txt.
TEST_CASE("detect: real ZooKeeper 3.8 and kazoo logs") {
  struct Row {
    const char* file;
    const Parser* parser;
    int lines, headers;
  };
  const Row rows[] = {
      {"zookeeper.log", &ZooKeeperLogParser(), 396, 226},
      {"zookeeper-myid.log", &ZooKeeperLogParser(), 396, 226},
      {"kazoo-module.log", &PythonLogParser(), 137, 137},
      {"kazoo-bare.log", &PythonLogParser(), 33, 33},
  };
  for (const Row& row : rows) {
    CAPTURE(row.file);
    std::vector<std::string> text =
        ReadLines(std::string(FAULTLINE_TESTDATA) + "/parsers/real-zk38/" + row.file);
    REQUIRE(text.size() == static_cast<size_t>(row.lines));
    std::vector<std::string_view> lines(text.begin(), text.end());
    std::vector<std::string_view> head(
        lines.begin(), lines.begin() + std::min<size_t>(lines.size(), kDetectLines));
    Detection d = DetectFormat(head);
    REQUIRE(d.parser == row.parser);
    CHECK(ScoreOf(d, *row.parser).first_miss_line == 0);
    int headers = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
      Header h;
      Miss miss;
      if (row.parser->ParseHeader(lines[i], &h, &miss)) {
        ++headers;
      } else {
        CAPTURE(i + 1);
        CAPTURE(lines[i]);
        CHECK(IsContinuationLine(lines[i]));
      }
    }
    CHECK(headers == row.headers);
  }
}

// Lines as people post them (testdata/parsers/field-layouts): each file detects as its layout and
// every line is a header or a continuation line of that parser.
TEST_CASE("detect: field layouts") {
  struct Row {
    const char* file;
    const Parser* parser;
    int headers;
  };
  const Row rows[] = {
      {"strimzi-zookeeper.log", &JavaLogParser(), 2},
      {"kafka-zookeeper.log", &JavaLogParser(), 1},
      {"hadoop-hdfs-zkfc-console.log", &HadoopLogParser(), 1},
      {"vendor-pipe.log", &JavaLogParser(), 1},
      {"logback-thread.log", &LogbackLogParser(), 1},
      {"play-dash.log", &LogbackLogParser(), 1},
      {"hadoop-hdfs-namenode-ambari.log", &HadoopLogParser(), 2},
      {"pasted-zookeeper.log", &TimelessLogParser(), 2},
      {"pasted-hadoop.log", &TimelessLogParser(), 2},
      {"python-lower.log", &PythonLogParser(), 4},
  };
  for (const Row& row : rows) {
    CAPTURE(row.file);
    std::vector<std::string> text =
        ReadLines(std::string(FAULTLINE_TESTDATA) + "/parsers/field-layouts/" + row.file);
    std::vector<std::string_view> lines(text.begin(), text.end());
    Detection d = DetectFormat(lines);
    REQUIRE(d.parser == row.parser);
    CHECK(ScoreOf(d, *row.parser).headers == row.headers);
    CHECK(ScoreOf(d, *row.parser).first_miss_line == 0);
  }
}

TEST_CASE("detect: per-line detection leaves timeless lines to the record before them") {
  Header h;
  CHECK(DetectLine("FATAL [main:QuorumPeer@400] - Unable to load database on disk", &h) == nullptr);
  CHECK(DetectLine("Exception in thread \"main\" java.lang.OutOfMemoryError: x", &h) == nullptr);
  CHECK(DetectLine("[2021-04-02 01:33:58,687] WARN x (org.apache.zookeeper.ClientCnxn)", &h) ==
        &JavaLogParser());
  CHECK(DetectLine("2022-08-18 11:00:52,999 - [WARN] o.a.z.ClientCnxn - x", &h) ==
        &LogbackLogParser());
  CHECK(DetectLine("15/12/05 15:08:06 WARN ha.HealthMonitor: x", &h) == &HadoopLogParser());
}

// Whether detection gives `lines` to the layout inferred from them (over every table row).
bool InferredLayoutWins(const std::vector<std::string_view>& lines) {
  InferredLayout inferred = InferLayout(lines);
  if (inferred.parser == nullptr) return false;
  Detection d = DetectFormat(lines, YearHintForPath(nullptr), {{}, {}, inferred.parser.get()});
  return d.parser == inferred.parser.get();
}

TEST_CASE("detect: a layout inferred from the lines, against the table") {
  // Graylog 1 (graylog-labs/graylog2-web-interface#1107): supervisord's "time level message"
  // reads every line too, but leaves the logger in the message.
  std::vector<std::string_view> graylog = {
      "2015-02-09 22:19:15,426 INFO : org.graylog2.shared.initializers.RestApiService - Started "
      "REST API at <http://127.0.0.1:12900/>",
      "2015-02-09 22:19:15,431 INFO : org.graylog2.shared.initializers.ServiceManagerListener - "
      "Services are now stopped.",
      "2015-02-09 22:19:15,432 ERROR: org.graylog2.Main - Graylog2 startup failed. Exiting. "
      "Exception was:",
  };
  InferredLayout inferred = InferLayout(graylog);
  REQUIRE(inferred.parser != nullptr);
  Detection d = DetectFormat(graylog, YearHintForPath(nullptr), {{}, {}, inferred.parser.get()});
  CHECK(d.parser == inferred.parser.get());
  // ZooKeeper's own lines (loghub): the inferred layout reads them too, into fewer fields.
  std::vector<std::string_view> zookeeper = {
      "2015-07-29 17:41:44,747 - INFO  [QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection"
      "@774] - Notification time out: 3200",
      "2015-07-29 19:04:12,394 - INFO  [/10.10.34.11:3888:QuorumCnxManager$Listener@493] - "
      "Received connection request /10.10.34.11:45307",
      "2015-07-29 19:04:29,071 - WARN  [SendWorker:188978561024:QuorumCnxManager$SendWorker@688] - "
      "Send worker leaving thread",
  };
  inferred = InferLayout(zookeeper);
  REQUIRE(inferred.parser != nullptr);
  d = DetectFormat(zookeeper, YearHintForPath(nullptr), {{}, {}, inferred.parser.get()});
  CHECK(d.parser == &ZooKeeperLogParser());
  // ActiveMQ Artemis (apache/artemis#1668), JBoss logging's "[%c]": a layout that reads the
  // package name as the thread, and the message's first word as the logger, loses to one that
  // reads the bracket as the logger, though it counts one field more.
  std::vector<std::string_view> artemis = {
      "2017-11-24 15:24:11,803 INFO  [org.apache.activemq.artemis.core.server] AMQ221007: Server "
      "is now live",
  };
  CHECK(InferredLayoutWins(artemis));
  // Python's "%(asctime)s %(levelname)s [%(name)s] %(message)s" (tests/pattern-zoo): a two-part
  // logger in the bracket, and NiFi's row reading it as the thread and the first word of the
  // message as the logger.
  std::vector<std::string_view> kazoo = {
      "2024-03-17 03:14:08,360 INFO [kazoo.client] Zookeeper connection established, state: "
      "CONNECTED",
      "2024-03-17 03:14:09,597 WARNING [kazoo.client] Connection dropped: outstanding heartbeat "
      "ping not received",
      "2024-03-17 03:14:10,834 WARNING [kazoo.client] Transition to CONNECTING",
  };
  CHECK(InferredLayoutWins(kazoo));
  // "[%d{dd/MM/yyyy HH:mm:ss:SSS}] %5p %c{1} - %m%n" (pattern-zoo): slf4j-simple's "[%t] %p %c"
  // reads every line too, with the time as the thread; the inferred layout reads the time.
  std::vector<std::string_view> colon_millis = {
      "[17/03/2024 03:14:07:123]  INFO QuorumPeer - LOOKING",
      "[17/03/2024 03:14:09:597]  WARN LearnerHandler - Closing connection to peer due to "
      "transaction timeout.",
      "[17/03/2024 03:14:10:834] DEBUG FinalRequestProcessor - Processing request:: "
      "sessionid:0x100000a1b2c0001 type:ping",
  };
  CHECK(InferLayout(colon_millis).pattern == "[%d{dd/MM/yyyy HH:mm:ss:SSS}] %-5p %-1c- %m%n");
  CHECK(InferredLayoutWins(colon_millis));
  // Spring Boot's "logging.pattern.file=%d %-5level [%thread] %logger : %msg%n": NiFi's row reads
  // the lines into as many fields but leaves " : " leading every message.
  std::vector<std::string_view> spring = {
      "2024-03-17 03:14:07,123 INFO  [main] org.apache.zookeeper.server.quorum.QuorumPeer : "
      "LOOKING",
      "2024-03-17 03:14:09,597 WARN  [LearnerHandler-/10.0.0.3:45316] "
      "org.apache.zookeeper.server.quorum.LearnerHandler : Closing connection to peer due to "
      "transaction timeout.",
  };
  CHECK(InferredLayoutWins(spring));
}

}  // namespace
}  // namespace faultline
